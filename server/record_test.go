package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/storetest"
	"github.com/onrecord/onrecord/server"
)

// TestQuotesQuery checks the parameters of GET /v1/quotes on the SQLite
// store: the search language, speakers by name words, min_confidence, and
// 400 for a query with nothing to search.
func TestQuotesQuery(t *testing.T) {
	st := testStore(t)
	say := func(name, content string) storetest.Q {
		return storetest.Q{Kind: onrecord.Direct, Speaker: name, Type: "person", Content: content}
	}
	for _, d := range []*onrecord.Document{
		storetest.Article("a", "2016-01-01", say("Hillary Clinton", "health care is a right"), say("Bill Clinton", "Obamacare works, it's true")),
		storetest.Article("b", "2016-01-02", say("Donald Trump", "the U.S. health system is a disaster"), say("Donald Trump Jr.", "care for the health of it")),
	} {
		if _, err := st.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	h := server.New(nil, st, nil, server.Options{})
	for _, tc := range []struct {
		query string
		code  int
		want  []string // contents of the hits, or words of the error
	}{
		{`q="health care" OR obamacare`, 200, []string{"health care is a right", "Obamacare works, it's true"}},
		{"q=health -care", 200, []string{"the U.S. health system is a disaster"}},
		{"q=U.S.", 200, []string{"the U.S. health system is a disaster"}},
		{"q=it's", 200, []string{"Obamacare works, it's true", "care for the health of it"}},
		{"speaker=Clinton&q=health", 200, []string{"health care is a right"}},
		{"speaker=Donald Trump", 200, []string{"the U.S. health system is a disaster"}},
		{"q=health&min_confidence=0.8", 200, []string{"the U.S. health system is a disaster"}},
		{"q=🙂", 400, []string{"no word to search for"}},
		{"q=-health", 400, []string{"only excludes words"}},
		{"q=health OR", 400, []string{"OR needs a word"}},
		{"min_confidence=high", 400, []string{"bad min_confidence"}},
		{"min_confidence=1.5", 400, []string{"bad min_confidence"}},
	} {
		v, _ := url.ParseQuery(tc.query)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, localRequest(http.MethodGet, "/v1/quotes?"+v.Encode(), nil))
		if rec.Code != tc.code {
			t.Errorf("%s: status %d, want %d: %s", tc.query, rec.Code, tc.code, rec.Body)
			continue
		}
		if tc.code != 200 {
			for _, w := range tc.want {
				if !strings.Contains(rec.Body.String(), w) {
					t.Errorf("%s: %s does not say %q", tc.query, rec.Body, w)
				}
			}
			continue
		}
		var resp struct{ Quotes []onrecord.Hit }
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, hit := range resp.Quotes {
			got = append(got, hit.Content)
		}
		slices.Sort(got) // relevance orders the hits, not this test
		if !slices.Equal(got, slices.Sorted(slices.Values(tc.want))) {
			t.Errorf("%s: %q, want %q", tc.query, got, tc.want)
		}
	}
}
