package speaker

import (
	"encoding/binary"
	"testing"

	"github.com/onrecord/onrecord"
)

var fuzzTags = []string{"NNP", "NN", "NNS", "NNPS", "PRP", "PRP$", "WP", "DT", "POS", "VBD", ",", "IN", "JJ"}
var fuzzNER = []string{"O", "PERSON", "ORGANIZATION", "MISC", ""}
var fuzzDeps = []string{"nsubj", "compound", "appos", "nmod:poss", "acl:relcl", "det", "conj", "root", ""}

// FuzzResolve builds arbitrary tokens, sentences and attributions from the
// fuzzer's bytes, including offsets and heads out of range, and checks that
// Resolve neither panics nor leaves a speaker on a sourceless attribution.
func FuzzResolve(f *testing.F) {
	f.Add("Mr. Trump said he would win. She said so.", []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
	f.Add("the former", []byte{0, 0, 0, 0, 255, 255, 255, 255})
	f.Add("", []byte{})
	f.Fuzz(func(t *testing.T, text string, raw []byte) {
		d := &onrecord.Document{Text: text}
		next := func() int {
			if len(raw) < 2 {
				return 0
			}
			v := int(int16(binary.LittleEndian.Uint16(raw)))
			raw = raw[2:]
			return v
		}
		pick := func(list []string) string { return list[(next()%len(list)+len(list))%len(list)] }
		n := len(raw) / 12
		for i := 0; i < n; i++ {
			s, e := next(), next()
			d.Tokens = append(d.Tokens, onrecord.Token{
				Start: int32(s), End: int32(e), BStart: int32(s), BEnd: int32(e),
				Tag: pick(fuzzTags), NER: pick(fuzzNER), Dep: pick(fuzzDeps), Head: int32(next() % (n + 2)),
			})
		}
		for i := 0; i < 3; i++ {
			d.Sents = append(d.Sents, onrecord.Sentence{Start: int32(next()), End: int32(next())})
		}
		for len(raw) >= 8 {
			a := onrecord.Attribution{Content: []onrecord.Span{{Start: next(), End: next()}}}
			if v := next(); v%3 != 0 {
				a.Source = []onrecord.Span{{Start: v, End: next()}}
			}
			d.Quotes = append(d.Quotes, a)
		}
		Resolve(d)
		for _, q := range d.Quotes {
			if len(q.Source) == 0 && q.Speaker != nil {
				t.Fatalf("sourceless attribution got %+v", q.Speaker)
			}
		}
	})
}

func FuzzNames(f *testing.F) {
	f.Add("Sen. Ted Cruz, R-Texas", "Cruz")
	f.Add("Mrs.", "'s")
	f.Fuzz(func(t *testing.T, a, b string) {
		var n Names
		n.Add(a)
		n.Add(Canonical(b))
		_ = n.Lookup(b)
		_ = n.Lookup(a)
		if c := Canonical(a); Canonical(c) != c {
			t.Fatalf("Canonical not idempotent: %q → %q → %q", a, c, Canonical(c))
		}
	})
}
