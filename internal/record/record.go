// Package record holds what the two quote-record backends (sqlite and
// postgres) share above their SQL: how an article and its attributions are
// checked and encoded for storage, how a search page and its cursor are
// read back, and how speaker names are resolved to canonical speakers. The
// backends keep only the statements, which differ by dialect.
package record

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/onrecord/onrecord"
)

// TextHash is the hash stored with an article, by which Has recognises
// the same text.
func TextHash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

// Check reports why a document cannot be stored: no ID, or a date that is
// neither empty nor YYYY-MM-DD (dates are compared as text).
func Check(d *onrecord.Document) error {
	if d == nil || d.ID == "" {
		return errors.New("put: document without an ID")
	}
	if !validDate(d.Date) {
		return fmt.Errorf("put %s: date %q is not YYYY-MM-DD", d.ID, d.Date)
	}
	return nil
}

func validDate(s string) bool {
	if s == "" {
		return true
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, r := range s {
		if i != 4 && i != 7 && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// Occurrence is an attribution as the stores write it: its texts, the
// key that matches the same quotation in other articles, and its spans.
type Occurrence struct {
	Seq        int // the attribution's index in its document
	Kind       onrecord.Kind
	Confidence float64
	Content    string // the content's spans, joined by JoinSpans
	Key        string // onrecord.QuoteKey(Content); "" when there is nothing to store
	Source     string
	Cue        string
	Spans      string // JSON of the spans, as ScanHits and ScanAttributions read them
	Quote      int64  // the quote's id, set by Put
	Form       int64  // the id of its speaker's Form, 0 for none; set by Put
}

// FormID is a form id as stored: NULL for none.
func FormID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// NewOccurrence encodes attribution seq of d.
func NewOccurrence(d *onrecord.Document, seq int) (Occurrence, error) {
	a := &d.Quotes[seq]
	o := Occurrence{Seq: seq, Kind: a.Kind, Confidence: a.Confidence, Content: JoinSpans(d, a.Content)}
	o.Key = onrecord.QuoteKey(o.Content)
	o.Source, o.Cue = JoinSpans(d, a.Source), JoinSpans(d, a.Cue)
	b, err := json.Marshal(spanSet{a.Content, a.Cue, a.Source})
	if err != nil {
		return o, fmt.Errorf("encode spans: %w", err)
	}
	o.Spans = string(b)
	return o, nil
}

// spanSet is how an occurrence's spans are stored.
type spanSet struct {
	Content []onrecord.Span `json:"c"`
	Cue     []onrecord.Span `json:"q,omitempty"`
	Source  []onrecord.Span `json:"s,omitempty"`
}

func decodeSpans(b []byte) (spanSet, error) {
	var ss spanSet
	if err := json.Unmarshal(b, &ss); err != nil {
		return ss, fmt.Errorf("decode spans: %w", err)
	}
	return ss, nil
}

// JoinSpans is the text of discontinuous spans, parts joined by an ellipsis.
func JoinSpans(d *onrecord.Document, spans []onrecord.Span) string {
	parts := make([]string, 0, len(spans))
	for _, sp := range spans {
		if t := strings.TrimSpace(d.Slice(sp)); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " … ")
}

// Cursor is the sort key of the last hit of a page: score (lower is
// better) when searching words, else date; then quote id.
type Cursor struct {
	Score float64 `json:"s,omitempty"`
	Date  string  `json:"d,omitempty"`
	Quote int64   `json:"q"`
}

func (c Cursor) String() string {
	b, _ := json.Marshal(c) // a struct of plain fields always encodes
	return base64.RawURLEncoding.EncodeToString(b)
}

// Page is the page size of q and the cursor it continues after (nil for
// the first page). A malformed cursor is an onrecord.ErrBadQuery.
func Page(q onrecord.Query) (limit int, after *Cursor, err error) {
	limit = q.Limit
	if limit <= 0 {
		limit = onrecord.DefaultLimit
	}
	if q.Cursor == "" {
		return limit, nil, nil
	}
	var c Cursor
	b, err := base64.RawURLEncoding.DecodeString(q.Cursor)
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil {
		return 0, nil, fmt.Errorf("%w: cursor %q", onrecord.ErrBadQuery, q.Cursor)
	}
	return limit, &c, nil
}
