package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/record"
)

// Search returns one hit per quote: the quote's earliest occurrence that
// matches q. Hits are ordered by bm25 relevance when q.Words is set, newest
// first otherwise; the cursor is the sort key of the page's last hit, so
// pages neither repeat nor skip quotes while the store is unchanged.
func (s *Store) Search(ctx context.Context, q onrecord.Query) ([]onrecord.Hit, string, error) {
	limit, after, err := record.Page(q)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	sq, err := record.ParseSearch(q.Words)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	v, cached := s.ans.version(ctx)
	if cached {
		if hits, next, ok := s.ans.search(v, q); ok {
			return hits, next, nil
		}
	}
	if err := s.turns.enter(ctx); err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	defer s.turns.leave()
	var ids []int64
	if q.Speaker != "" {
		ids, err = record.SpeakerIDs(ctx, lookup{s.read}, q.Speaker)
		if err != nil {
			return nil, "", fmt.Errorf("search: %w", err)
		}
		if len(ids) == 0 {
			return nil, "", nil // not kept: cheap to find again
		}
	}
	query, args := searchSQL(q, sq, ids, limit, after)
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	hits, next, err := record.ScanHits(rows, limit, sq)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	if cached {
		s.ans.keepSearch(v, q, hits, next)
	}
	return hits, next, nil
}

// searchSQL is the statement of a search and its arguments: the page of
// limit+1 hits after cursor after (nil: the first page) of words sq (nil:
// none), filtered by q's other fields and, when q names a speaker, by its
// speaker ids.
func searchSQL(q onrecord.Query, sq *record.Search, ids []int64, limit int, after *record.Cursor) (string, []any) {
	var args []any
	// f holds the full-text matches with their bm25 (lower is better).
	with, from, score := "", "", "0.0"
	if sq != nil {
		with = `f AS MATERIALIZED (SELECT rowid AS qid, bm25(quote_terms) AS score FROM quote_terms WHERE quote_terms MATCH ?), `
		args = append(args, sq.FTS5())
		score = "f.score"
	}
	var where []string
	if len(ids) > 0 {
		where = append(where, "o.speaker_id IN ("+strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")+")")
		for _, id := range ids {
			args = append(args, id)
		}
	}
	if q.MinConfidence > 0 {
		where = append(where, "o.confidence >= ?")
		args = append(args, q.MinConfidence)
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
		if sq != nil {
			from = "f JOIN quotes q ON q.id = f.qid"
		}
		with += `m AS (SELECT q.first_occ AS oid, q.id AS qid, q.first_date AS date, ` + score + ` AS score FROM ` + from + `), `
	} else {
		from = "occurrences o"
		if sq != nil {
			from = "f JOIN occurrences o ON o.quote_id = f.qid"
		}
		with += `r AS MATERIALIZED (SELECT o.id AS oid, o.quote_id AS qid, o.date AS date, ` + score + ` AS score,
			ROW_NUMBER() OVER (PARTITION BY o.quote_id ORDER BY o.date = '', o.date, o.article_id, o.seq) AS rn
			FROM ` + from + ` WHERE ` + strings.Join(where, " AND ") + `),
			m AS (SELECT oid, qid, date, score FROM r WHERE rn = 1), `
	}
	// The page is ordered by its own columns, the final select by page's.
	order, outer, page := "date DESC, qid DESC", "p.date DESC, p.qid DESC", "true"
	if sq != nil {
		order, outer = "score, qid", "p.score, p.qid"
	}
	if after != nil {
		if sq != nil {
			page = "(score, qid) > (?, ?)"
			args = append(args, after.Score, after.Quote)
		} else {
			page = "(date, qid) < (?, ?)"
			args = append(args, after.Date, after.Quote)
		}
	}
	args = append(args, limit+1)
	return `WITH ` + with + `page AS MATERIALIZED (
		SELECT oid, qid, date, score FROM m WHERE ` + page + ` ORDER BY ` + order + ` LIMIT ?
	)
	` + record.SelectHits + ` ORDER BY ` + outer, args
}
