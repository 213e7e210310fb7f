package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/record"
)

// SearchQueries are queries of the search language over Corpus, each with
// quotes to find: words the two full-text engines used to split or stem
// apart (apostrophes, abbreviations, plurals, accents), phrases, OR and
// exclusions.
var SearchQueries = []string{
	"it's", "its", "U.S.", "us", "Trump's", "trumps", "TRUMP", "policy", "don't",
	"health care", `"health care"`, `"care health"`, "healthcare OR \"health care\"",
	`"health care" OR obamacare`, "obamacare -premiums", `obamacare -"we will"`,
	"britney OR spears OR zurich", "Zürich café", "naive", "resume",
	"it's -U.S. OR trumps", "obamacare OR premiums border OR wall",
}

// BadQueries are queries with nothing to search for.
var BadQueries = []string{"🙂", "!!", "—", "-obamacare", `-"we will"`, "OR", "obamacare OR"}

// Results runs q and returns every hit as one comparable line, sorted:
// the quote's text, article, date, speaker and snippet.
func Results(t testing.TB, s onrecord.Store, q onrecord.Query) []string {
	t.Helper()
	var out []string
	for _, h := range searchAll(t, s, q) {
		who := ""
		if h.Speaker != nil {
			who = h.Speaker.Name + "/" + h.Speaker.Type
		}
		out = append(out, fmt.Sprintf("%q %s %s %d %s %s %q", h.Content, h.ArticleID, h.Date, h.Articles, h.Kind, who, h.Snippet))
	}
	slices.Sort(out)
	return out
}

// testSearchLanguage checks each query's hits against record.Search's
// own matching of the corpus, so that every store finds the same quotes.
func testSearchLanguage(t *testing.T, b Backend) {
	s, _ := b.open(t)
	docs := Corpus(150, 8, "sl")
	put(t, s, docs...)
	occ := occurrences(docs)
	for _, text := range SearchQueries {
		sq, err := record.ParseSearch(text)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		want := distinct(occ, func(o occurrence) bool { return sq.Matches(o.content) })
		if want == 0 {
			t.Errorf("%q: the corpus has no such quote; the test would prove nothing", text)
		}
		hits := searchAll(t, s, onrecord.Query{Words: text, Limit: 200})
		if len(hits) != want {
			t.Errorf("%q: %d hits, want %d", text, len(hits), want)
		}
		for _, h := range hits {
			if !sq.Matches(h.Content) {
				t.Errorf("%q: hit %q does not match", text, h.Content)
			}
		}
	}
	for _, text := range BadQueries {
		if _, _, err := s.Search(context.Background(), onrecord.Query{Words: text}); !errors.Is(err, onrecord.ErrBadQuery) {
			t.Errorf("%q: err %v, want ErrBadQuery", text, err)
		}
	}
}
