package record

import (
	"fmt"

	"github.com/onrecord/onrecord"
)

// Rows is what the stores' result sets (database/sql and pgx) have in
// common. The caller closes them.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// SelectHits is the statement, after a common table expression
// page(oid, qid, date, score) of the occurrences to show, that selects
// them as ScanHits reads them. The caller appends the order.
const SelectHits = `SELECT p.qid, p.score, p.date, o.article_id, o.kind, o.confidence, o.content, o.source, o.cue, o.spans, s.name, s.type, q.articles
	FROM page p JOIN occurrences o ON o.id = p.oid JOIN quotes q ON q.id = p.qid LEFT JOIN speakers s ON s.id = o.speaker_id`

// ScanHits reads a search page of at most limit hits from rows selected
// by SelectHits, ordered and limited to limit+1 rows, with the snippets of
// search q (nil: none). next is the cursor of the following page, "" when
// there is none.
func ScanHits(rows Rows, limit int, q *Search) (hits []onrecord.Hit, next string, err error) {
	var last Cursor
	for rows.Next() {
		var h onrecord.Hit
		var c Cursor
		var kind string
		var spans []byte
		var name, typ *string
		if err := rows.Scan(&c.Quote, &c.Score, &c.Date, &h.ArticleID, &kind, &h.Confidence, &h.Content, &h.Source, &h.Cue, &spans,
			&name, &typ, &h.Articles); err != nil {
			return nil, "", err
		}
		if len(hits) == limit {
			return hits, last.String(), nil
		}
		ss, err := decodeSpans(spans)
		if err != nil {
			return nil, "", fmt.Errorf("quote %d: %w", c.Quote, err)
		}
		if n := len(ss.Content); n > 0 {
			h.Span = onrecord.Span{Start: ss.Content[0].Start, End: ss.Content[n-1].End}
		}
		h.QuoteID, h.Date, h.Kind = c.Quote, c.Date, onrecord.Kind(kind)
		h.Speaker = rowSpeaker(name, typ)
		if q != nil {
			h.Snippet = q.Snippet(h.Content)
		}
		hits = append(hits, h)
		last = c
	}
	return hits, "", rows.Err()
}

// ScanAttributions reads an article's attributions from rows selected as
// (kind, confidence, spans, speaker name, speaker type).
func ScanAttributions(rows Rows) ([]onrecord.Attribution, error) {
	var out []onrecord.Attribution
	for rows.Next() {
		var a onrecord.Attribution
		var kind string
		var spans []byte
		var name, typ *string
		if err := rows.Scan(&kind, &a.Confidence, &spans, &name, &typ); err != nil {
			return nil, err
		}
		ss, err := decodeSpans(spans)
		if err != nil {
			return nil, err
		}
		a.Kind, a.Content, a.Cue, a.Source = onrecord.Kind(kind), ss.Content, ss.Cue, ss.Source
		a.Speaker = rowSpeaker(name, typ)
		out = append(out, a)
	}
	return out, rows.Err()
}

// rowSpeaker is the speaker of a row; a NULL name (no speaker) gives nil.
func rowSpeaker(name, typ *string) *onrecord.Speaker {
	if name == nil {
		return nil
	}
	sp := &onrecord.Speaker{Name: *name}
	if typ != nil {
		sp.Type = *typ
	}
	return sp
}
