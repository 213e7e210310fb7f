// Package storetest is the behavioural test suite that every onrecord.Store
// backend must pass, with its crash test and benchmarks, so that the SQLite
// and PostgreSQL stores are held to the same tests.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/onrecord/onrecord"
)

// Backend is a store implementation under test.
type Backend struct {
	Name string
	Open func(ctx context.Context, dsn string) (onrecord.Store, error)
	// NewDSN returns the DSN of a fresh, empty store that lives until the
	// test ends.
	NewDSN func(tb testing.TB) string
}

// open opens a fresh store closed at the end of the test.
func (b Backend) open(tb testing.TB) (onrecord.Store, string) {
	tb.Helper()
	dsn := b.NewDSN(tb)
	s, err := b.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatalf("open %s: %v", b.Name, err)
	}
	tb.Cleanup(func() { s.Close() })
	return s, dsn
}

// Run runs the whole suite against b. The package's TestMain must call
// Main(b) first, for the crash test's child processes.
func Run(t *testing.T, b Backend) {
	for _, tc := range []struct {
		name string
		f    func(*testing.T, Backend)
	}{
		{"RoundTrip", testRoundTrip},
		{"Idempotent", testIdempotent},
		{"Replace", testReplace},
		{"Speakers", testSpeakers},
		{"SharedQuote", testSharedQuote},
		{"SearchFilters", testSearchFilters},
		{"SearchLanguage", testSearchLanguage},
		{"Pagination", testPagination},
		{"BadInput", testBadInput},
		{"Concurrent", testConcurrent},
		{"Order", testOrder},
		{"Reopen", testReopen},
		{"Crash", testCrash},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.f(t, b) })
	}
}

func put(t testing.TB, s onrecord.Store, docs ...*onrecord.Document) {
	t.Helper()
	for _, d := range docs {
		if _, err := s.Put(context.Background(), d); err != nil {
			t.Fatalf("put %s: %v", d.ID, err)
		}
	}
}

// searchAll pages through every hit of q, failing on a repeated quote.
func searchAll(t testing.TB, s onrecord.Store, q onrecord.Query) []onrecord.Hit {
	t.Helper()
	var all []onrecord.Hit
	seen := map[int64]bool{}
	for page := 0; ; page++ {
		hits, next, err := s.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("search %+v: %v", q, err)
		}
		if limit := q.Limit; len(hits) > limit && (limit > 0 || len(hits) > onrecord.DefaultLimit) {
			t.Fatalf("search %+v: %d hits over the limit", q, len(hits))
		}
		for _, h := range hits {
			if seen[h.QuoteID] {
				t.Fatalf("search %+v: quote %d on two pages", q, h.QuoteID)
			}
			seen[h.QuoteID] = true
		}
		all = append(all, hits...)
		if next == "" {
			return all
		}
		if page > 10000 {
			t.Fatalf("search %+v: endless pages", q)
		}
		q.Cursor = next
	}
}

// occurrence is one attribution as the tests expect a store to hold it.
type occurrence struct {
	article, date string
	key           string
	content       string // as stored: parts joined by an ellipsis
	kind          onrecord.Kind
	person        int // index into people, -1 for none
}

func occurrences(docs []*onrecord.Document) []occurrence {
	var out []occurrence
	for _, d := range docs {
		for _, a := range d.Quotes {
			var parts []string
			for _, sp := range a.Content {
				parts = append(parts, d.Slice(sp))
			}
			o := occurrence{article: d.ID, date: d.Date, key: onrecord.QuoteKey(strings.Join(parts, " ")),
				content: strings.Join(parts, " … "), kind: a.Kind, person: -1}
			if a.Speaker != nil {
				o.person = personOf[a.Speaker.Name]
			}
			out = append(out, o)
		}
	}
	return out
}

// distinct counts the quote keys of the occurrences that keep says to keep.
func distinct(occ []occurrence, keep func(occurrence) bool) int {
	keys := map[string]bool{}
	for _, o := range occ {
		if keep(o) {
			keys[o.key] = true
		}
	}
	return len(keys)
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err) // only called with literals
	}
	return t
}

func testRoundTrip(t *testing.T, b Backend) {
	s, _ := b.open(t)
	docs := Corpus(40, 1, "rt")
	put(t, s, docs...)
	canon := map[int]string{} // person → canonical name seen first
	for _, d := range docs {
		got, err := s.Article(context.Background(), d.ID)
		if err != nil {
			t.Fatalf("article %s: %v", d.ID, err)
		}
		if got.Text != d.Text || got.Date != d.Date || got.Body != d.Body {
			t.Fatalf("article %s: text/date/body differ: %q %v", d.ID, got.Date, got.Body)
		}
		if len(got.Quotes) != len(d.Quotes) {
			t.Fatalf("article %s: %d quotes, want %d", d.ID, len(got.Quotes), len(d.Quotes))
		}
		for i, a := range d.Quotes {
			g := got.Quotes[i]
			if g.Kind != a.Kind || g.Confidence != a.Confidence || !slices.Equal(g.Content, a.Content) ||
				!slices.Equal(g.Cue, a.Cue) || !slices.Equal(g.Source, a.Source) {
				t.Fatalf("article %s quote %d: got %+v, want %+v", d.ID, i, g, a)
			}
			if (g.Speaker == nil) != (a.Speaker == nil) {
				t.Fatalf("article %s quote %d: speaker %v, want %v", d.ID, i, g.Speaker, a.Speaker)
			}
			if a.Speaker == nil {
				continue
			}
			p := personOf[a.Speaker.Name]
			if c, ok := canon[p]; ok && c != g.Speaker.Name {
				t.Fatalf("article %s quote %d: %q is %q here and %q before", d.ID, i, a.Speaker.Name, g.Speaker.Name, c)
			}
			canon[p] = g.Speaker.Name
			if g.Speaker.Type != a.Speaker.Type {
				t.Fatalf("article %s quote %d: type %q, want %q", d.ID, i, g.Speaker.Type, a.Speaker.Type)
			}
		}
	}
	if len(canon) != len(people) {
		t.Fatalf("%d canonical speakers, want %d: %v", len(canon), len(people), canon)
	}
	for p, c := range canon {
		for q, d := range canon {
			if p != q && c == d {
				t.Fatalf("people %v and %v share the speaker %q", people[p].names, people[q].names, c)
			}
		}
	}
	if _, err := s.Article(context.Background(), "absent"); !errors.Is(err, onrecord.ErrNotFound) {
		t.Fatalf("absent article: err %v, want ErrNotFound", err)
	}
}

func testIdempotent(t *testing.T, b Backend) {
	ctx := context.Background()
	s, _ := b.open(t)
	docs := Corpus(10, 2, "id")
	put(t, s, docs...)
	before := dump(t, s, docs)
	for _, d := range docs {
		changed, err := s.Put(ctx, d)
		if err != nil || changed {
			t.Fatalf("re-put %s: changed %v, err %v", d.ID, changed, err)
		}
		if ok, err := s.Has(ctx, d.ID, d.Text); err != nil || !ok {
			t.Fatalf("has %s: %v %v, want true", d.ID, ok, err)
		}
		if ok, err := s.Has(ctx, d.ID, d.Text+" "); err != nil || ok {
			t.Fatalf("has %s with another text: %v %v, want false", d.ID, ok, err)
		}
	}
	if ok, err := s.Has(ctx, "absent", ""); err != nil || ok {
		t.Fatalf("has absent: %v %v", ok, err)
	}
	if after := dump(t, s, docs); after != before {
		t.Fatalf("re-putting changed the store:\n%s\nvs\n%s", before, after)
	}
}

func testReplace(t *testing.T, b Backend) {
	ctx := context.Background()
	s, _ := b.open(t)
	v1 := Article("a", "2016-09-20",
		Q{onrecord.Direct, "Donald Trump", "person", "Obamacare is a total disaster"},
		Q{onrecord.Direct, "Barack Obama", "person", "premiums will stabilize next year"})
	other := Article("b", "2016-09-21", Q{onrecord.Direct, "Obama", "person", "Premiums will stabilize next year!"})
	v2 := Article("a", "2016-09-22", Q{onrecord.Indirect, "Hillary Clinton", "person", "the markets need a public option"})
	put(t, s, v1, other)
	changed, err := s.Put(ctx, v2)
	if err != nil || !changed {
		t.Fatalf("put changed text: changed %v, err %v", changed, err)
	}
	got, err := s.Article(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != v2.Text || got.Date != v2.Date || len(got.Quotes) != 1 || got.Quotes[0].Kind != onrecord.Indirect {
		t.Fatalf("article after replace: %+v", got)
	}
	for _, tc := range []struct {
		words    string
		articles []string // of each hit
	}{
		{"disaster", nil},            // only in v1: the quote is gone
		{"stabilize", []string{"b"}}, // shared with b: one occurrence left
		{"public option", []string{"a"}},
	} {
		hits := searchAll(t, s, onrecord.Query{Words: tc.words})
		var arts []string
		for _, h := range hits {
			arts = append(arts, h.ArticleID)
			if h.Articles != 1 {
				t.Errorf("%q: hit reported by %d articles, want 1", tc.words, h.Articles)
			}
		}
		if !slices.Equal(arts, tc.articles) {
			t.Errorf("search %q after replace: articles %v, want %v", tc.words, arts, tc.articles)
		}
	}
	// Trump's only quote went with v1.
	for _, st := range speakers(t, s) {
		if st.Name == "Donald Trump" {
			t.Errorf("speaker without quotes still listed: %+v", st)
		}
	}
}

func speakers(t testing.TB, s onrecord.Store) []onrecord.SpeakerStat {
	t.Helper()
	st, err := s.Speakers(context.Background(), 0)
	if err != nil {
		t.Fatalf("speakers: %v", err)
	}
	return st
}

func testSpeakers(t *testing.T, b Backend) {
	s, _ := b.open(t)
	say := func(name, typ, content string) Q { return Q{onrecord.Direct, name, typ, content} }
	put(t, s,
		// A bare surname first: it names the speaker until a full name comes.
		Article("1", "2016-01-01", say("Mr. Trump", "person", "one"), say("Hillary Clinton", "person", "two")),
		Article("2", "2016-01-02", say("Donald J. Trump", "person", "three"), say("Bill Clinton", "person", "four")),
		Article("3", "2016-01-03", say("Donald Trump", "person", "five"), say("President Trump’s", "person", "six"),
			say("Clinton", "person", "seven"), say("Britney Spears", "person", "eight")),
		Article("4", "2016-01-04", say("Spears", "person", "nine"), say("Ms. Spears", "person", "ten"),
			say("the White House", "organization", "eleven"), say("White House", "organization", "twelve")),
		Article("5", "2016-01-05", say("Hillary Rodham Clinton", "person", "thirteen"), say("Donald Trump", "person", "fourteen"),
			say("Donald Trump Jr.", "person", "fifteen")),
	)
	type stat struct {
		name             string
		quotes, articles int
		aliases          []string
	}
	want := []stat{
		{"Donald Trump", 5, 4, []string{"Donald J. Trump", "Donald Trump", "Trump"}},
		{"Britney Spears", 3, 2, []string{"Britney Spears", "Spears"}},
		// As often "Hillary Clinton" as "Hillary Rodham Clinton": the fullest.
		{"Hillary Rodham Clinton", 2, 2, []string{"Hillary Clinton", "Hillary Rodham Clinton"}},
		{"White House", 2, 1, []string{"White House"}},
		{"Bill Clinton", 1, 1, []string{"Bill Clinton"}},
		{"Clinton", 1, 1, []string{"Clinton"}}, // ambiguous: neither Clinton
		{"Donald Trump Jr.", 1, 1, []string{"Donald Trump Jr."}},
	}
	var got []stat
	for _, st := range speakers(t, s) {
		got = append(got, stat{st.Name, st.Quotes, st.Articles, st.Aliases})
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("speakers:\n got %v\nwant %v", got, want)
	}
	top, err := s.Speakers(context.Background(), 2)
	if err != nil || len(top) != 2 || top[1].Name != "Britney Spears" {
		t.Fatalf("top 2 speakers: %v %v", top, err)
	}
	for _, tc := range []struct {
		query string
		n     int
	}{
		{"Trump", 5}, {"Mr. Trump", 5}, {"donald j. trump", 5}, {"Donald Trump", 5}, {"President Trump", 5},
		{"Spears", 3}, {"Britney Spears", 3},
		{"Hillary Clinton", 2}, {"Secretary of State Hillary Clinton", 2}, {"Bill Clinton", 1},
		// Name words: every speaker with Clinton in a name, the ambiguous
		// "Clinton" too; Donald Trump Jr. only when the query says Jr.
		{"Clinton", 4}, {"Hillary", 2}, {"Rodham", 2}, {"clinton hillary", 2},
		{"Donald Trump Jr", 1}, {"Trump Jr.", 1},
		{"the White House", 2}, {"Melania Trump", 0}, {"Nobody", 0},
	} {
		hits := searchAll(t, s, onrecord.Query{Speaker: tc.query})
		if len(hits) != tc.n {
			t.Errorf("speaker %q: %d hits, want %d", tc.query, len(hits), tc.n)
		}
	}
}

func testSharedQuote(t *testing.T, b Backend) {
	s, _ := b.open(t)
	put(t, s,
		Article("late", "2016-09-30", Q{onrecord.Direct, "Trump", "person", "OBAMACARE IS IMPLODING — believe me!"}),
		Article("early", "2016-09-02", Q{onrecord.Direct, "Donald Trump", "person", "Obamacare is imploding, believe me."}),
		Article("nodate", "", Q{onrecord.Direct, "Mr. Trump", "person", "obamacare is imploding believe me"}),
		Article("other", "2016-09-10", Q{onrecord.Direct, "Barack Obama", "person", "Obamacare is working"}),
	)
	for _, tc := range []struct {
		name    string
		q       onrecord.Query
		article string // of the hit for the shared quote
	}{
		{"earliest dated occurrence", onrecord.Query{Words: "imploding"}, "early"},
		{"earliest within dates", onrecord.Query{Words: "imploding", Since: day("2016-09-15")}, "late"},
		{"speaker filter", onrecord.Query{Speaker: "trump"}, "early"},
	} {
		hits := searchAll(t, s, tc.q)
		if len(hits) != 1 {
			t.Fatalf("%s: %d hits, want the one shared quote: %+v", tc.name, len(hits), hits)
		}
		h := hits[0]
		if h.ArticleID != tc.article || h.Articles != 3 || h.Speaker == nil || h.Speaker.Name != "Donald Trump" {
			t.Fatalf("%s: hit %+v, want article %s reported by 3", tc.name, h, tc.article)
		}
	}
	hits := searchAll(t, s, onrecord.Query{Words: "obamacare"})
	if len(hits) != 2 {
		t.Fatalf("obamacare: %d hits, want 2", len(hits))
	}
	h := searchAll(t, s, onrecord.Query{Words: "IMPLODING", Since: day("2016-09-15")})[0]
	if h.Content != "OBAMACARE IS IMPLODING — believe me!" || h.Date != "2016-09-30" || h.Source != "Trump" || h.Cue != "said" {
		t.Fatalf("hit fields: %+v", h)
	}
	d, err := s.Article(context.Background(), "late")
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Slice(h.Span); got != h.Content {
		t.Fatalf("hit span %v slices %q, want %q", h.Span, got, h.Content)
	}
	if !strings.Contains(h.Snippet, "IMPLODING") {
		t.Fatalf("snippet %q does not show the match", h.Snippet)
	}
}

func testSearchFilters(t *testing.T, b Backend) {
	s, _ := b.open(t)
	docs := Corpus(120, 3, "sf")
	put(t, s, docs...)
	occ := occurrences(docs)
	in := func(o occurrence, since, until string) bool {
		return o.date != "" && o.date >= since && o.date <= until
	}
	hasWord := func(o occurrence, w string) bool { return slices.Contains(strings.Fields(o.key), w) }
	trump := personOf["Trump"]
	for _, tc := range []struct {
		name string
		q    onrecord.Query
		keep func(occurrence) bool
	}{
		{"all", onrecord.Query{}, func(occurrence) bool { return true }},
		{"words", onrecord.Query{Words: "Obamacare"}, func(o occurrence) bool { return hasWord(o, "obamacare") }},
		{"two words", onrecord.Query{Words: "britney, obamacare!"}, func(o occurrence) bool { return hasWord(o, "obamacare") && hasWord(o, "britney") }},
		{"speaker", onrecord.Query{Speaker: "Mr. Trump"}, func(o occurrence) bool { return o.person == trump }},
		{"kind", onrecord.Query{Kind: onrecord.Mixed}, func(o occurrence) bool { return o.kind == onrecord.Mixed }},
		{"month", onrecord.Query{Since: day("2016-09-01"), Until: day("2016-09-30")}, func(o occurrence) bool { return in(o, "2016-09-01", "2016-09-30") }},
		{"since", onrecord.Query{Since: day("2017-06-01")}, func(o occurrence) bool { return in(o, "2017-06-01", "9999") }},
		{"everything", onrecord.Query{Words: "obamacare", Speaker: "Donald Trump", Since: day("2016-01-01"), Until: day("2016-12-31"), Kind: onrecord.Direct},
			func(o occurrence) bool {
				return hasWord(o, "obamacare") && o.person == trump && in(o, "2016-01-01", "2016-12-31") && o.kind == onrecord.Direct
			}},
	} {
		want := distinct(occ, tc.keep)
		if want == 0 {
			t.Fatalf("%s: the corpus has no such quote; the test would prove nothing", tc.name)
		}
		tc.q.Limit = 50
		hits := searchAll(t, s, tc.q)
		if len(hits) != want {
			t.Errorf("%s: %d hits, want %d", tc.name, len(hits), want)
		}
		for _, h := range hits {
			if !tc.q.Since.IsZero() && (h.Date == "" || h.Date < tc.q.Since.Format("2006-01-02")) {
				t.Errorf("%s: hit dated %q", tc.name, h.Date)
			}
			if tc.q.Kind != "" && h.Kind != tc.q.Kind {
				t.Errorf("%s: hit of kind %q", tc.name, h.Kind)
			}
		}
	}
}

func testPagination(t *testing.T, b Backend) {
	s, _ := b.open(t)
	docs := Corpus(60, 4, "pg")
	put(t, s, docs...)
	for _, q := range []onrecord.Query{{}, {Words: "people"}, {Speaker: "Obama"}} {
		q.Limit = 100000
		one, next, err := s.Search(context.Background(), q)
		if err != nil || next != "" {
			t.Fatalf("one page %+v: next %q, err %v", q, next, err)
		}
		for _, limit := range []int{1, 7, 50} {
			q.Limit = limit
			paged := searchAll(t, s, q)
			if len(paged) != len(one) {
				t.Fatalf("%+v: %d hits in pages of %d, %d in one", q, len(paged), limit, len(one))
			}
			for i := range one {
				if one[i].QuoteID != paged[i].QuoteID {
					t.Fatalf("%+v: pages of %d differ from one page at %d", q, limit, i)
				}
			}
		}
	}
	q := onrecord.Query{Limit: 0}
	hits, _, err := s.Search(context.Background(), q)
	if err != nil || len(hits) != onrecord.DefaultLimit {
		t.Fatalf("default limit: %d hits, err %v", len(hits), err)
	}
	for _, c := range []string{"garbage", "!!", "eyJxIjoiIn0"} {
		if _, _, err := s.Search(context.Background(), onrecord.Query{Cursor: c}); !errors.Is(err, onrecord.ErrBadQuery) {
			t.Errorf("cursor %q: err %v, want ErrBadQuery", c, err)
		}
	}
}

func testBadInput(t *testing.T, b Backend) {
	ctx := context.Background()
	s, _ := b.open(t)
	bad := []*onrecord.Document{
		nil,
		{ID: ""},
		{ID: "x", Date: "Sept 2016"},
		{ID: "x", Date: "2016-9-1"},
	}
	for _, d := range bad {
		if _, err := s.Put(ctx, d); err == nil {
			t.Errorf("put %+v: no error", d)
		}
	}
	// Spans out of range, empty contents and empty names are stored as
	// far as they make sense, never a failure.
	odd := &onrecord.Document{ID: "odd", Text: "short", Quotes: []onrecord.Attribution{
		{Kind: onrecord.Direct, Content: []onrecord.Span{{Start: -5, End: 99}}, Speaker: &onrecord.Speaker{Name: "  ", Type: "person"}},
		{Kind: onrecord.Direct, Content: []onrecord.Span{{Start: 3, End: 1}}},
		{Kind: onrecord.Direct},
	}}
	put(t, s, odd)
	hits := searchAll(t, s, onrecord.Query{Words: "short"})
	if len(hits) != 1 || hits[0].Speaker != nil {
		t.Fatalf("odd document: %+v", hits)
	}
	// A quotation longer than a database index entry is stored, and found
	// again by its key when another article reports it.
	long := sentence(rand.New(rand.NewPCG(1, 2)), 1500)
	put(t, s, Article("long1", "", Q{onrecord.Direct, "Donald Trump", "person", long}),
		Article("long2", "", Q{onrecord.Direct, "Trump", "person", strings.ToUpper(long)}))
	if hits := searchAll(t, s, onrecord.Query{Speaker: "Trump"}); len(hits) != 1 || hits[0].Articles != 2 {
		t.Fatalf("long quote: %d hits %+v", len(hits), hits)
	}
	for _, w := range []string{`"`, `AND OR NOT`, `*`, `a:b`, `(`, `NEAR(x y)`, "\x00", "'; DROP TABLE quotes; --"} {
		// Query syntax of the engines is not syntax here; a query with
		// nothing left to search is the caller's mistake, not a failure.
		if _, _, err := s.Search(ctx, onrecord.Query{Words: w, Speaker: w}); err != nil && !errors.Is(err, onrecord.ErrBadQuery) {
			t.Errorf("search %q: %v", w, err)
		}
	}
}

func testConcurrent(t *testing.T, b Backend) {
	s, _ := b.open(t)
	docs := Corpus(48, 5, "cc")
	var wg sync.WaitGroup
	errs := make(chan error, len(docs))
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(docs); i += 4 {
				if _, err := s.Put(context.Background(), docs[i]); err != nil {
					errs <- err
				}
				if _, _, err := s.Search(context.Background(), onrecord.Query{Words: "obamacare"}); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if got, want := len(searchAll(t, s, onrecord.Query{Limit: 500})), distinct(occurrences(docs), func(occurrence) bool { return true }); got != want {
		t.Fatalf("%d quotes after concurrent puts, want %d", got, want)
	}
	if got := len(speakers(t, s)); got != len(people) {
		t.Fatalf("%d speakers after concurrent puts, want %d", got, len(people))
	}
}

func testReopen(t *testing.T, b Backend) {
	s, dsn := b.open(t)
	docs := Corpus(5, 6, "ro")
	put(t, s, docs...)
	before := dump(t, s, docs)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := b.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if after := dump(t, s2, docs); after != before {
		t.Fatalf("reopened store differs:\n%s\nvs\n%s", before, after)
	}
}

// dump is everything a user can read from the store about docs' ids, in a
// form that does not depend on generated ids.
func dump(t testing.TB, s onrecord.Store, docs []*onrecord.Document) string {
	t.Helper()
	ctx := context.Background()
	var lines []string
	for _, h := range searchAll(t, s, onrecord.Query{Limit: 1000}) {
		sp := h.Speaker
		h.QuoteID, h.Speaker = 0, nil
		lines = append(lines, fmt.Sprintf("hit %+v %+v", h, sp))
	}
	for _, st := range speakers(t, s) {
		lines = append(lines, fmt.Sprintf("speaker %+v", st))
	}
	for _, d := range docs {
		a, err := s.Article(ctx, d.ID)
		switch {
		case errors.Is(err, onrecord.ErrNotFound):
			lines = append(lines, "absent "+d.ID)
		case err != nil:
			t.Fatalf("article %s: %v", d.ID, err)
		default:
			lines = append(lines, fmt.Sprintf("article %s %s %d %d", a.ID, a.Date, len(a.Text), len(a.Quotes)))
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}
