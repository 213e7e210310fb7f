package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/record"
)

// Search returns one hit per quote: the quote's earliest occurrence that
// matches q. Hits are ordered by ts_rank_cd relevance when q.Words is set,
// newest first otherwise; the cursor is the sort key of the page's last
// hit, so pages neither repeat nor skip quotes while the store is unchanged.
func (s *Store) Search(ctx context.Context, q onrecord.Query) ([]onrecord.Hit, string, error) {
	limit, after, err := record.Page(q)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	sq, err := record.ParseSearch(q.Words)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	var ids []int64
	if q.Speaker != "" {
		ids, err = record.SpeakerIDs(ctx, lookup{s.pool}, clean(q.Speaker))
		if err != nil {
			return nil, "", fmt.Errorf("search: %w", err)
		}
		if len(ids) == 0 {
			return nil, "", nil
		}
	}
	query, p := searchSQL(q, sq, ids, limit, after)
	rows, err := s.pool.Query(ctx, query, p...)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	hits, next, err := record.ScanHits(rows, limit, sq)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	return hits, next, nil
}

// searchSQL is the statement of a search and its parameters: the page of
// limit+1 hits after cursor after (nil: the first page) of words sq (nil:
// none), filtered by q's other fields and, when q names a speaker, by its
// speaker ids.
func searchSQL(q onrecord.Query, sq *record.Search, ids []int64, limit int, after *record.Cursor) (string, params) {
	var p params
	// The score is negated so that, as in SQLite's bm25, lower is better.
	tsq, score := "", "0.0::float8"
	if sq != nil {
		tsq = p.add(sq.TSQuery()) + "::tsquery"
		score = "-ts_rank_cd(q.tsv, " + tsq + ")::float8"
	}
	var where []string
	if len(ids) > 0 {
		where = append(where, "o.speaker_id = ANY("+p.add(ids)+")")
	}
	if q.MinConfidence > 0 {
		where = append(where, "o.confidence >= "+p.add(q.MinConfidence))
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
		if sq != nil {
			match = " WHERE q.tsv @@ " + tsq
		}
		with = `m AS (SELECT q.first_occ AS oid, q.id AS qid, q.first_date AS date, ` + score + ` AS score FROM quotes q` + match + `)`
	} else {
		from := "occurrences o"
		if sq != nil {
			from = "quotes q JOIN occurrences o ON o.quote_id = q.id"
			where = append(where, "q.tsv @@ "+tsq)
		}
		with = `r AS MATERIALIZED (SELECT o.id AS oid, o.quote_id AS qid, o.date AS date, ` + score + ` AS score,
			ROW_NUMBER() OVER (PARTITION BY o.quote_id ORDER BY o.date = '', o.date, o.article_id COLLATE "C", o.seq) AS rn
			FROM ` + from + ` WHERE ` + strings.Join(where, " AND ") + `),
			m AS (SELECT oid, qid, date, score FROM r WHERE rn = 1)`
	}
	// The page is ordered by its own columns, the final select by page's.
	order, outer, page := "date DESC, qid DESC", "p.date DESC, p.qid DESC", "true"
	if sq != nil {
		order, outer = "score, qid", "p.score, p.qid"
	}
	if after != nil {
		if sq != nil {
			page = "(score, qid) > (" + p.add(after.Score) + "::float8, " + p.add(after.Quote) + "::bigint)"
		} else {
			page = "(date, qid) < (" + p.add(after.Date) + "::text, " + p.add(after.Quote) + "::bigint)"
		}
	}
	query := `WITH ` + with + `, page AS MATERIALIZED (
		SELECT oid, qid, date, score FROM m WHERE ` + page + ` ORDER BY ` + order + ` LIMIT ` + p.add(limit+1) + `
	)
	` + record.SelectHits + ` ORDER BY ` + outer
	return query, p
}
