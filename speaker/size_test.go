package speaker

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
)

// joinDocs is one document of at least size bytes made of the docs one
// after the other (again from the first when they run out), paragraphs
// apart, with every layer's offsets moved along.
func joinDocs(docs []*onrecord.Document, size int) *onrecord.Document {
	var text strings.Builder
	out := &onrecord.Document{ID: "joined"}
	cps := 0
	for i := 0; text.Len() < size; i++ {
		d := docs[i%len(docs)]
		if text.Len() > 0 {
			text.WriteString("\n\n")
			cps += 2
		}
		bytes, toks := int32(text.Len()), int32(len(out.Tokens))
		for _, t := range d.Tokens {
			t.Start += int32(cps)
			t.End += int32(cps)
			t.BStart += bytes
			t.BEnd += bytes
			if t.Head >= 0 {
				t.Head += toks
			}
			out.Tokens = append(out.Tokens, t)
		}
		for _, s := range d.Sents {
			out.Sents = append(out.Sents, onrecord.Sentence{Start: s.Start + toks, End: s.End + toks})
		}
		move := func(ss []onrecord.Span) []onrecord.Span {
			var m []onrecord.Span
			for _, s := range ss {
				m = append(m, onrecord.Span{Start: s.Start + cps, End: s.End + cps})
			}
			return m
		}
		for _, q := range d.Quotes {
			out.Quotes = append(out.Quotes, onrecord.Attribution{Kind: q.Kind, Content: move(q.Content), Cue: move(q.Cue), Source: move(q.Source)})
		}
		text.WriteString(d.Text)
		cps += utf8.RuneCountInString(d.Text)
	}
	out.Text = text.String()
	out.Body = onrecord.Span{End: cps}
	return out
}

// BenchmarkResolveSize resolves the speakers of one long document made of
// the dev articles, at 0.5, 1 and 2 MB: the time per MB (ns/MB) must stay
// flat as the document grows.
func BenchmarkResolveSize(b *testing.B) {
	if _, err := os.Stat(polnear + "/dev"); err != nil {
		b.Skip("PolNeAR data not available")
	}
	arts, err := goldSplit("dev")
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*onrecord.Document, len(arts))
	for i, a := range arts {
		docs[i] = a.Doc
	}
	for _, kb := range []int{512, 1024, 2048} {
		d := joinDocs(docs, kb<<10)
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			for b.Loop() {
				Resolve(d)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(float64(len(d.Text))/(1<<20)), "ns/MB")
		})
	}
}
