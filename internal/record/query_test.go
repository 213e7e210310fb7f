package record

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
)

func TestTerms(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"It's", "it"},
		{"its it", "it it"},
		{"Trump's TRUMP’s trumps Trump", "trump trump trump trump"},
		{"the U.S. economy, e.g. U.S.A.", "the us economy eg usa"},
		{"Mr.Smith said 3.5 percent.", "mr smith said 35 percent"},
		{"health-care policies — café naïve Zürich", "health care policy cafe naive zurich"},
		{"“don't” ﬁnance 🇺🇸 🙂 ...", "dont finance"},
		{"votes taxes bus class", "vote taxe bus class"},
		{"'quoted' end.", "quoted end"},
	} {
		if got := IndexText(tc.in); got != tc.want {
			t.Errorf("IndexText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := TSVector("Trump's wall, trump"); got != "'trump':1 'wall':2 'trump':3" {
		t.Errorf("TSVector: %q", got)
	}
	long := strings.Repeat("é", 500)
	if got := IndexText(long); len(got) > maxTermBytes || got != strings.Repeat("e", maxTermBytes) {
		t.Errorf("long word: %d bytes", len(got))
	}
}

func TestParseSearch(t *testing.T) {
	for _, tc := range []struct {
		in       string
		fts, tsq string
	}{
		{"health care", `("health") AND ("care")`, `(('health')) & (('care'))`},
		{`"health care" OR obamacare`, `("health care" OR "obamacare")`, `(('health' <-> 'care') | ('obamacare'))`},
		{`repeal -"death panels" -Trump's`, `("repeal") NOT "death panel" NOT "trump"`, `(('repeal')) & !('death' <-> 'panel') & !('trump')`},
		{"a OR b OR c d", `("a" OR "b" OR "c") AND ("d")`, `(('a') | ('b') | ('c')) & (('d'))`},
		{"U.S.-led it’s", `("us led") AND ("it")`, `(('us' <-> 'led')) & (('it'))`},
		{`“curly quotes” or`, `("curly quote") AND ("or")`, `(('curly' <-> 'quote')) & (('or'))`},
		{`"open phrase`, `("open phrase")`, `(('open' <-> 'phrase'))`},
		{`win - 🙂 "" -`, `("win")`, `(('win'))`},
		{`NEAR(win*) AND ^x`, `("near win") AND ("and") AND ("x")`, `(('near' <-> 'win')) & (('and')) & (('x'))`},
	} {
		q, err := ParseSearch(tc.in)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if got := q.FTS5(); got != tc.fts {
			t.Errorf("%q: FTS5 %s, want %s", tc.in, got, tc.fts)
		}
		if got := q.TSQuery(); got != tc.tsq {
			t.Errorf("%q: tsquery %s, want %s", tc.in, got, tc.tsq)
		}
	}
	for _, s := range []string{"", "  \t"} {
		if q, err := ParseSearch(s); q != nil || err != nil {
			t.Errorf("%q: %v %v, want no search", s, q, err)
		}
	}
	for _, s := range []string{"!!!", "🙂 —", `""`, "-obamacare", "OR", "a OR", "OR a", "a OR OR b", "a OR -b", "a OR 🙂"} {
		if q, err := ParseSearch(s); !errors.Is(err, onrecord.ErrBadQuery) {
			t.Errorf("%q: %v %v, want a bad query", s, q, err)
		}
	}
}

func TestMatchesAndSnippet(t *testing.T) {
	content := "The U.S. health-care system is a disaster, and Obamacare's premiums are rising, it's true."
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"us", true}, {"U.S.", true}, {`"health care"`, true}, {`"care health"`, false},
		{"obamacare premium", true}, {"obamacare -premiums", false}, {"repeal OR disaster", true},
		{"repeal OR replace", false}, {"it's", true}, {`"disaster and"`, true},
	} {
		q, err := ParseSearch(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := q.Matches(content); got != tc.want {
			t.Errorf("%q matches: %v, want %v", tc.q, got, tc.want)
		}
	}
	q, _ := ParseSearch("premium")
	if got, want := q.Snippet(content), "The U.S. health-care system is a disaster, and Obamacare's [premiums] are rising, it's true."; got != want {
		t.Errorf("snippet %q, want %q", got, want)
	}
	long := strings.Repeat("word ", 40) + "needle " + strings.Repeat("more ", 40)
	q, _ = ParseSearch("needle")
	got := q.Snippet(long)
	if !strings.HasPrefix(got, "…word") || !strings.HasSuffix(got, "more…") || !strings.Contains(got, "[needle]") ||
		len(strings.Fields(got)) != snippetWords {
		t.Errorf("long snippet %q", got)
	}
}

// FuzzParseSearch checks that any query either parses to something both
// engines accept (no empty phrase, terms without quote marks) or is a bad
// query.
func FuzzParseSearch(f *testing.F) {
	for _, s := range []string{`"health care" OR obamacare -repeal`, "it's U.S.", "OR", `-"`, "a OR -b", "\xff\x00'\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseSearch(s)
		if err != nil {
			if !errors.Is(err, onrecord.ErrBadQuery) {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		if q == nil {
			return
		}
		for _, p := range slices.Concat(slices.Concat(q.all...), q.not) {
			if len(p) == 0 {
				t.Fatalf("%q: empty phrase", s)
			}
			for _, w := range p {
				if w == "" || strings.ContainsAny(w, `"'\ `) {
					t.Fatalf("%q: term %q", s, w)
				}
			}
		}
		q.Snippet(s)
	})
}
