package storetest

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/onrecord/onrecord"
)

// orderCorpus is Corpus with articles whose speakers a first-come record
// would name by the order of ingest: one organisation written in two
// cases, a person sometimes typed an organisation, a bare surname two
// persons share, one that one person has, and an undated quotation
// reported twice.
func orderCorpus() []*onrecord.Document {
	say := func(name, typ, content string) Q { return Q{onrecord.Direct, name, typ, content} }
	docs := Corpus(40, 12, "or")
	return append(docs,
		Article("x1", "", say("NEW HAMPSHIRE", "organization", "we will count every vote"), say("Trump", "organization", "the wall is going up")),
		Article("x2", "", say("New Hampshire", "organization", "we will count every vote"), say("Donald Trump", "person", "a tremendous deal")),
		Article("x3", "2016-03-01", say("New Hampshire", "organization", "polls close at eight"), say("Clinton", "person", "I am with her")),
		Article("x4", "2016-03-02", say("Trump", "person", "believe me"), say("Clinton", "person", "stronger together")),
		Article("x5", "2016-03-02", say("Trump", "organization", "believe me"), say("Merkel", "person", "wir schaffen das")),
	)
}

// testOrder stores orderCorpus in ID order, in reverse, shuffled and from
// four writers at once: every dump of quotes and speakers must be the same.
func testOrder(t *testing.T, b Backend) {
	docs := orderCorpus()
	var want string
	for i, order := range []string{"forward", "reverse", "shuffled", "concurrent"} {
		s, _ := b.open(t)
		ds := slices.Clone(docs)
		switch order {
		case "reverse":
			slices.Reverse(ds)
		case "shuffled", "concurrent":
			r := rand.New(rand.NewPCG(uint64(i), 3))
			r.Shuffle(len(ds), func(i, j int) { ds[i], ds[j] = ds[j], ds[i] })
		}
		if order == "concurrent" {
			var wg sync.WaitGroup
			for w := range 4 {
				wg.Go(func() {
					for j := w; j < len(ds); j += 4 {
						if _, err := s.Put(context.Background(), ds[j]); err != nil {
							t.Error(err)
						}
					}
				})
			}
			wg.Wait()
		} else {
			put(t, s, ds...)
		}
		got := dump(t, s, docs)
		if i == 0 {
			want = got
			continue
		}
		if got != want {
			t.Errorf("%s order: the record differs:\n%s", order, diff(want, got))
		}
	}
	for _, w := range []string{"speaker {Name:New Hampshire Type:organization", "speaker {Name:Donald Trump Type:person", "speaker {Name:Clinton Type:person"} {
		if !slices.ContainsFunc(splitLines(want), func(l string) bool { return strings.HasPrefix(l, w) }) {
			t.Errorf("no %q in the record:\n%s", w, want)
		}
	}
}

func splitLines(s string) []string { return strings.Split(s, "\n") }

// diff lists the lines only in a (-) and only in b (+).
func diff(a, b string) string {
	la, lb := splitLines(a), splitLines(b)
	var out []string
	for _, l := range la {
		if !slices.Contains(lb, l) {
			out = append(out, "- "+l)
		}
	}
	for _, l := range lb {
		if !slices.Contains(la, l) {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}
