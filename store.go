package onrecord

import (
	"context"
	"time"
)

// Extractor fills the analysis layers and Quotes of a document. The pipeline
// package provides the trained one; it is safe for concurrent use.
type Extractor interface {
	Extract(ctx context.Context, d *Document) error
}

// Store is the quote record: articles with their attributions, canonical
// speakers across the corpus, and quotations reported by several articles
// kept as one quote with several occurrences.
type Store interface {
	// Put stores an extracted document. Re-putting the same ID and text
	// changes nothing; a changed text replaces the old attributions.
	// It reports whether anything changed.
	Put(ctx context.Context, d *Document) (changed bool, err error)
	Search(ctx context.Context, q Query) ([]Hit, string, error) // hits and the cursor of the next page ("" at the end)
	Speakers(ctx context.Context, top int) ([]SpeakerStat, error)
	Article(ctx context.Context, id string) (*Document, error) // ErrNotFound when absent
	Close() error
}

// Query selects quotes. Zero fields do not filter.
type Query struct {
	Words   string // full-text words over the content
	Speaker string // any alias of a canonical speaker
	Since   time.Time
	Until   time.Time
	Kind    Kind
	Limit   int
	Cursor  string
}

// Hit is one occurrence of a quote in an article.
type Hit struct {
	QuoteID   int64     `json:"quote_id"`
	ArticleID string    `json:"article_id"`
	Date      string    `json:"date,omitempty"`
	Kind      Kind      `json:"kind"`
	Content   string    `json:"content"`
	Speaker   *Speaker  `json:"speaker"`
	Source    string    `json:"source,omitempty"`
	Cue       string    `json:"cue,omitempty"`
	Span      Span      `json:"span"`     // the content in the article, code points
	Articles  int       `json:"articles"` // how many articles report this quote
	Snippet   string    `json:"snippet,omitempty"`
	Published time.Time `json:"-"`
}

// SpeakerStat counts a canonical speaker's quotes and articles.
type SpeakerStat struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Quotes   int      `json:"quotes"`
	Articles int      `json:"articles"`
}

// ErrNotFound is returned by a Store for an absent article.
var ErrNotFound = errNotFound{}

type errNotFound struct{}

func (errNotFound) Error() string { return "not found" }
