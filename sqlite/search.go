package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/onrecord/onrecord"
)

// Search returns one hit per quote: the quote's earliest occurrence that
// matches q. Hits are ordered by bm25 relevance when q.Words is set, newest
// first otherwise; the cursor is the sort key of the page's last hit, so
// pages neither repeat nor skip quotes while the store is unchanged.
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
	var args []any
	fq := ftsQuery(q.Words)
	// f holds the full-text matches with their bm25 (lower is better).
	with, from, score := "", "", "0.0"
	if fq != "" {
		with = `f AS MATERIALIZED (SELECT rowid AS qid, bm25(quotes_fts) AS score FROM quotes_fts WHERE quotes_fts MATCH ?), `
		args = append(args, fq)
		score = "f.score"
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
		where = append(where, "o.speaker_id IN ("+strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")+")")
		for _, id := range ids {
			args = append(args, id)
		}
	}
	if q.Kind != "" {
		where = append(where, "o.kind = ?")
		args = append(args, string(q.Kind))
	}
	if !q.Since.IsZero() {
		where = append(where, "o.date <> '' AND o.date >= ?")
		args = append(args, q.Since.Format("2006-01-02"))
	}
	if !q.Until.IsZero() {
		where = append(where, "o.date <> '' AND o.date <= ?")
		args = append(args, q.Until.Format("2006-01-02"))
	}
	// m is every matching quote with its representative occurrence: the
	// one stored on the quote when nothing filters occurrences, else the
	// earliest matching one.
	if len(where) == 0 {
		from = "quotes q"
		if fq != "" {
			from = "f JOIN quotes q ON q.id = f.qid"
		}
		with += `m AS (SELECT q.first_occ AS oid, q.id AS qid, q.first_date AS date, ` + score + ` AS score FROM ` + from + `), `
	} else {
		from = "occurrences o"
		if fq != "" {
			from = "f JOIN occurrences o ON o.quote_id = f.qid"
		}
		with += `r AS MATERIALIZED (SELECT o.id AS oid, o.quote_id AS qid, o.date AS date, ` + score + ` AS score,
			ROW_NUMBER() OVER (PARTITION BY o.quote_id ORDER BY o.date = '', o.date, o.id) AS rn
			FROM ` + from + ` WHERE ` + strings.Join(where, " AND ") + `),
			m AS (SELECT oid, qid, date, score FROM r WHERE rn = 1), `
	}
	// The page is ordered by its own columns, the final select by page's.
	order, outer, page := "date DESC, qid DESC", "p.date DESC, p.qid DESC", "true"
	if fq != "" {
		order, outer = "score, qid", "p.score, p.qid"
	}
	if after != nil {
		if fq != "" {
			page = "(score, qid) > (?, ?)"
			args = append(args, after.Score, after.Quote)
		} else {
			page = "(date, qid) < (?, ?)"
			args = append(args, after.Date, after.Quote)
		}
	}
	args = append(args, limit+1)
	snippet := "''"
	if fq != "" {
		snippet = "(SELECT snippet(quotes_fts, 0, '[', ']', '…', 16) FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid = p.qid)"
		args = append(args, fq)
	}
	query := `WITH ` + with + `page AS MATERIALIZED (
		SELECT oid, qid, date, score FROM m WHERE ` + page + ` ORDER BY ` + order + ` LIMIT ?
	)
	SELECT p.qid, p.score, p.date, o.article_id, o.kind, o.content, o.source, o.cue, o.spans, s.name, s.type, q.articles, ` + snippet + `
	FROM page p JOIN occurrences o ON o.id = p.oid JOIN quotes q ON q.id = p.qid LEFT JOIN speakers s ON s.id = o.speaker_id
	ORDER BY ` + outer
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	var hits []onrecord.Hit
	var last cursor
	for rows.Next() {
		var h onrecord.Hit
		var c cursor
		var kind, spans string
		var name, typ *string
		if err := rows.Scan(&c.Quote, &c.Score, &c.Date, &h.ArticleID, &kind, &h.Content, &h.Source, &h.Cue, &spans,
			&name, &typ, &h.Articles, &h.Snippet); err != nil {
			return nil, "", fmt.Errorf("search: %w", err)
		}
		if len(hits) == limit {
			return hits, last.String(), rows.Err()
		}
		var ss spanSet
		if err := json.Unmarshal([]byte(spans), &ss); err != nil {
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

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// speakerIDs resolves a name in a query: the speaker with that alias key,
// else every person with that surname (and that first name, if given).
func (s *Store) speakerIDs(ctx context.Context, name string) ([]int64, error) {
	for _, typ := range []string{"person", ""} {
		n := parseName(name, typ)
		if n.Key == "" {
			continue
		}
		ids, err := s.ids(ctx, `SELECT DISTINCT speaker_id FROM aliases WHERE key = ?`, n.Key)
		if err != nil || len(ids) > 0 {
			return ids, err
		}
		if typ == "person" {
			ids, err := s.ids(ctx, `SELECT id FROM speakers WHERE type = 'person' AND surname = ? AND (first = ? OR ? = '')`, n.Surname, n.First, n.First)
			if err != nil || len(ids) > 0 {
				return ids, err
			}
		}
	}
	return nil, nil
}

func (s *Store) ids(ctx context.Context, query string, args ...any) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
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
