package onrecord

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode"
)

// Extractor fills the analysis layers and Quotes of a document. The pipeline
// package provides the trained one; it is safe for concurrent use.
type Extractor interface {
	Extract(ctx context.Context, d *Document) error
}

// Store is the quote record: articles with their attributions, canonical
// speakers across the corpus, and quotations reported by several articles
// kept as one quote with several occurrences. Implementations are safe for
// concurrent use.
type Store interface {
	// Put stores an extracted document in one transaction. Re-putting the
	// same ID and text changes nothing; a changed text replaces the old
	// attributions. It reports whether anything changed.
	Put(ctx context.Context, d *Document) (changed bool, err error)
	// Has reports whether the store holds article id with exactly this
	// text, so that a resumed ingest can skip extracting it again.
	Has(ctx context.Context, id, text string) (bool, error)
	// Search returns one hit per quote, ordered by relevance when q.Words
	// is set and newest first otherwise, and the cursor of the next page
	// ("" at the end).
	Search(ctx context.Context, q Query) ([]Hit, string, error)
	// Speakers returns the top speakers by number of quotes; top <= 0 means all.
	Speakers(ctx context.Context, top int) ([]SpeakerStat, error)
	// Article returns a stored document (text, date, quotes with canonical
	// speakers) or ErrNotFound.
	Article(ctx context.Context, id string) (*Document, error)
	Close() error
}

// Query selects quotes. Zero fields do not filter.
type Query struct {
	// Words is a query of the search language (words ANDed, "phrases",
	// OR, -excluded; see README), the same in every store. A query with
	// nothing to search once normalised is an ErrBadQuery.
	Words         string
	Speaker       string    // name words of canonical speakers: "Clinton", "Hillary Clinton"
	Since         time.Time // article date on or after this day
	Until         time.Time // article date on or before this day
	Kind          Kind
	MinConfidence float64 // only attributions of at least this confidence
	Limit         int     // at most this many hits; <= 0 means DefaultLimit
	Cursor        string  // from a previous Search with the same query
}

// DefaultLimit is the page size of a Query without a Limit.
const DefaultLimit = 20

// Hit is a quote, shown through its earliest occurrence that matches the
// query.
type Hit struct {
	QuoteID    int64    `json:"quote_id"`
	ArticleID  string   `json:"article_id"`
	Date       string   `json:"date,omitempty"`
	Kind       Kind     `json:"kind"`
	Content    string   `json:"content"`
	Speaker    *Speaker `json:"speaker"`
	Source     string   `json:"source,omitempty"`
	Cue        string   `json:"cue,omitempty"`
	Span       Span     `json:"span"` // the content in the article, code points
	Confidence float64  `json:"confidence"`
	Articles   int      `json:"articles"`          // how many articles report this quote
	Snippet    string   `json:"snippet,omitempty"` // the content around the words searched, [marked]
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

// ErrBadQuery is wrapped by the error of a Search whose query cannot be
// run as given, such as a malformed cursor: the caller's mistake, not the
// store's failure.
var ErrBadQuery = errors.New("bad query")

// QuoteKey is the text on which stores match the same quotation reported by
// several articles: case-folded letters and digits, every run of anything
// else (punctuation, quote marks, spaces) collapsed to one space.
func QuoteKey(content string) string {
	var b strings.Builder
	space := false
	for _, r := range content {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

// Name is a speaker name as stores match it across articles.
type Name struct {
	Display string // the name without titles or possessive, as written: "Donald J. Trump"
	Full    string // Display without middle initials, a speaker's name: "Donald Trump"
	Key     string // Full in lower case without dots: "donald trump"
	First   string // first word of Key when it has several, else ""
	Surname string // last word of Key, with a generational suffix: "trump jr"
}

// ParseName splits a speaker name for matching. Titles ("Mr.", "President",
// "Sen.") are stripped only from persons, where they cannot be part of the
// name; single-letter middle initials are dropped so that "Donald J. Trump"
// and "Donald Trump" match. A name with no word gives a zero Name.
func ParseName(name, typ string) Name {
	words := strings.FieldsFunc(name, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '\'' || r == '’')
	})
	for i, w := range words {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		words[i] = strings.Trim(w, "-'’")
	}
	words = dropEmpty(words)
	if typ == "person" {
		i := 0
		for i < len(words)-1 && titles[fold(words[i])] {
			i++
		}
		words = words[i:]
	} else if len(words) > 1 && fold(words[0]) == "the" {
		words = words[1:]
	}
	var full, key []string
	for i, w := range words {
		f := fold(w)
		if f == "" || (typ == "person" && i > 0 && i < len(words)-1 && len([]rune(f)) == 1) {
			continue
		}
		full, key = append(full, w), append(key, f)
	}
	if len(key) == 0 {
		return Name{}
	}
	n := Name{Display: strings.Join(words, " "), Full: strings.Join(full, " "), Key: strings.Join(key, " ")}
	last := len(key) - 1
	n.Surname = key[last]
	if suffixes[key[last]] && last > 0 {
		last--
		n.Surname = key[last] + " " + n.Surname
	}
	if last > 0 {
		n.First = key[0]
	}
	return n
}

// fold lower-cases a word and drops its dots and apostrophes: "Jr." → "jr".
func fold(w string) string {
	return strings.Map(func(r rune) rune {
		if r == '.' || r == '\'' || r == '’' {
			return -1
		}
		return unicode.ToLower(r)
	}, w)
}

func dropEmpty(words []string) []string {
	out := words[:0]
	for _, w := range words {
		if strings.Trim(w, ".") != "" {
			out = append(out, w)
		}
	}
	return out
}

// titles are words that precede a person's name without being part of it.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true,
	"prof": true, "professor": true, "sir": true, "dame": true, "lord": true, "lady": true,
	"president": true, "vice": true, "former": true, "late": true, "sen": true, "senator": true,
	"rep": true, "representative": true, "congressman": true, "congresswoman": true,
	"gov": true, "governor": true, "mayor": true, "gen": true, "general": true, "col": true,
	"lt": true, "sgt": true, "capt": true, "adm": true, "secretary": true, "sec": true,
	"judge": true, "justice": true, "rev": true, "reverend": true, "pope": true,
	"prime": true, "minister": true, "chancellor": true, "attorney": true, "chairman": true,
	"chairwoman": true, "speaker": true, "leader": true, "king": true, "queen": true, "prince": true, "princess": true,
	"candidate": true, "nominee": true, "of": true, "state": true, "the": true,
}

var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}
