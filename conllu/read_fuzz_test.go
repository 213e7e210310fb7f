package conllu

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRead reads arbitrary silver files over arbitrary texts: an error, or
// a document whose tokens, heads, sentences and mentions are all in range,
// never a panic.
func FuzzRead(f *testing.F) {
	f.Add("# sent 1\n1\tHe\the\tPRP\tO\t2\tnsubj\t0\t2\n2\tsaid\tsay\tVBD\tO\t0\troot\t3\t7\n", "He said.")
	f.Add("# coref 1 1 1 2 1 true He\n# sent 1\n1\tHe\the\tPRP\tO\t0\troot\t0\t2\n\n", "He")
	f.Add("1\té\té\tNN\tO\t0\troot\t0\t1\n1\tb\tb\tNN\tO\t-5\tdep\t2\t3\n", "é b")
	f.Fuzz(func(t *testing.T, data, text string) {
		d, mentions, err := Read(strings.NewReader(data), "fuzz", text)
		if err != nil {
			return
		}
		n, runes := len(d.Tokens), utf8.RuneCountInString(text)
		for i, tk := range d.Tokens {
			if tk.Start < 0 || tk.Start > tk.End || int(tk.End) > runes || tk.BStart > tk.BEnd || int(tk.BEnd) > len(text) {
				t.Fatalf("token %d out of the text: %+v (%d code points)", i, tk, runes)
			}
			if tk.Head < -1 || int(tk.Head) >= n {
				t.Fatalf("token %d has head %d of %d tokens", i, tk.Head, n)
			}
		}
		end := int32(0)
		for _, s := range d.Sents {
			if s.Start < end || s.Start >= s.End || int(s.End) > n {
				t.Fatalf("sentence %+v out of order or range (%d tokens)", s, n)
			}
			end = s.End
		}
		for _, m := range mentions {
			if m.Start < 0 || m.Start >= m.End || m.End > n || m.Head < 0 || m.Head >= n {
				t.Fatalf("mention %+v out of range (%d tokens)", m, n)
			}
		}
	})
}
