package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/onrecord/onrecord"
)

// Search returns one hit per quote: the quote's earliest occurrence that
// matches q. Hits are ordered by ts_rank_cd relevance when q.Words is set,
// newest first otherwise; the cursor is the sort key of the page's last
// hit, so pages neither repeat nor skip quotes while the store is unchanged.
func (s *Store) Search(ctx context.Context, q onrecord.Query) ([]onrecord.Hit, string, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = onrecord.DefaultLimit
	}
	var after *cursor
	if q.Cursor != "" {
		c, err := parseCursor(q.Cursor)
		if err != nil {
			return nil, "", fmt.Errorf("search: %w", err)
		}
		after = &c
	}
	var p params
	words := searchWords(q.Words)
	// The score is negated so that, as in SQLite's bm25, lower is better.
	tsq, score := "", "0.0::float8"
	if words != "" {
		tsq = "plainto_tsquery('english', " + p.add(words) + ")"
		score = "-ts_rank_cd(q.tsv, " + tsq + ")::float8"
	}
	var where []string
	if q.Speaker != "" {
		ids, err := s.speakerIDs(ctx, q.Speaker)
		if err != nil {
			return nil, "", fmt.Errorf("search: %w", err)
		}
		if len(ids) == 0 {
			return nil, "", nil
		}
		where = append(where, "o.speaker_id = ANY("+p.add(ids)+")")
	}
	if q.Kind != "" {
		where = append(where, "o.kind = "+p.add(string(q.Kind)))
	}
	if !q.Since.IsZero() {
		where = append(where, "o.date <> '' AND o.date >= "+p.add(q.Since.Format("2006-01-02")))
	}
	if !q.Until.IsZero() {
		where = append(where, "o.date <> '' AND o.date <= "+p.add(q.Until.Format("2006-01-02")))
	}
	// m is every matching quote with its representative occurrence: the
	// one stored on the quote when nothing filters occurrences, else the
	// earliest matching one.
	var with string
	if len(where) == 0 {
		match := ""
		if words != "" {
			match = " WHERE q.tsv @@ " + tsq
		}
		with = `m AS (SELECT q.first_occ AS oid, q.id AS qid, q.first_date AS date, ` + score + ` AS score FROM quotes q` + match + `)`
	} else {
		from := "occurrences o"
		if words != "" {
			from = "quotes q JOIN occurrences o ON o.quote_id = q.id"
			where = append(where, "q.tsv @@ "+tsq)
		}
		with = `r AS MATERIALIZED (SELECT o.id AS oid, o.quote_id AS qid, o.date AS date, ` + score + ` AS score,
			ROW_NUMBER() OVER (PARTITION BY o.quote_id ORDER BY o.date = '', o.date, o.id) AS rn
			FROM ` + from + ` WHERE ` + strings.Join(where, " AND ") + `),
			m AS (SELECT oid, qid, date, score FROM r WHERE rn = 1)`
	}
	// The page is ordered by its own columns, the final select by page's.
	order, outer, page, snippet := "date DESC, qid DESC", "p.date DESC, p.qid DESC", "true", "''"
	if words != "" {
		order, outer = "score, qid", "p.score, p.qid"
		snippet = "ts_headline('english', q.content, " + tsq + ", 'StartSel=[, StopSel=], MaxWords=24, MinWords=12')"
	}
	if after != nil {
		if words != "" {
			page = "(score, qid) > (" + p.add(after.Score) + "::float8, " + p.add(after.Quote) + "::bigint)"
		} else {
			page = "(date, qid) < (" + p.add(after.Date) + "::text, " + p.add(after.Quote) + "::bigint)"
		}
	}
	query := `WITH ` + with + `, page AS MATERIALIZED (
		SELECT oid, qid, date, score FROM m WHERE ` + page + ` ORDER BY ` + order + ` LIMIT ` + p.add(limit+1) + `
	)
	SELECT p.qid, p.score, p.date, o.article_id, o.kind, o.content, o.source, o.cue, o.spans, s.name, s.type, q.articles, ` + snippet + `
	FROM page p JOIN occurrences o ON o.id = p.oid JOIN quotes q ON q.id = p.qid LEFT JOIN speakers s ON s.id = o.speaker_id
	ORDER BY ` + outer
	rows, err := s.pool.Query(ctx, query, p...)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	var hits []onrecord.Hit
	var last cursor
	for rows.Next() {
		var h onrecord.Hit
		var c cursor
		var kind string
		var spans []byte
		var name, typ *string
		if err := rows.Scan(&c.Quote, &c.Score, &c.Date, &h.ArticleID, &kind, &h.Content, &h.Source, &h.Cue, &spans,
			&name, &typ, &h.Articles, &h.Snippet); err != nil {
			return nil, "", fmt.Errorf("search: %w", err)
		}
		if len(hits) == limit {
			return hits, last.String(), nil
		}
		var ss spanSet
		if err := json.Unmarshal(spans, &ss); err != nil {
			return nil, "", fmt.Errorf("search: quote %d spans: %w", c.Quote, err)
		}
		if n := len(ss.Content); n > 0 {
			h.Span = onrecord.Span{Start: ss.Content[0].Start, End: ss.Content[n-1].End}
		}
		h.QuoteID, h.Date, h.Kind = c.Quote, c.Date, onrecord.Kind(kind)
		if name != nil {
			h.Speaker = &onrecord.Speaker{Name: *name, Type: deref(typ)}
		}
		hits = append(hits, h)
		last = c
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	return hits, "", nil
}

// speakerIDs resolves a name in a query: the speaker with that alias key,
// else every person with that surname (and that first name, if given).
func (s *Store) speakerIDs(ctx context.Context, name string) ([]int64, error) {
	for _, typ := range []string{"person", ""} {
		n := parseName(name, typ)
		if n.Key == "" {
			continue
		}
		ids, err := s.ids(ctx, `SELECT DISTINCT speaker_id FROM aliases WHERE key = $1`, n.Key)
		if err != nil || len(ids) > 0 {
			return ids, err
		}
		if typ == "person" {
			ids, err := s.ids(ctx, `SELECT id FROM speakers WHERE type = 'person' AND surname = $1 AND (first = $2 OR $2 = '')`, n.Surname, n.First)
			if err != nil || len(ids) > 0 {
				return ids, err
			}
		}
	}
	return nil, nil
}

func (s *Store) ids(ctx context.Context, query string, args ...any) ([]int64, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("speaker ids: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("speaker ids: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("speaker ids: %w", err)
	}
	return ids, nil
}
