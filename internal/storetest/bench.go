package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/onrecord/onrecord"
)

// BenchSearch measures Search on a store of 840 synthetic articles (about
// 9,000 quotations), reporting ms/op for typical queries, and logs how fast
// the store was filled.
func BenchSearch(b *testing.B, be Backend) {
	ctx := context.Background()
	s, _ := be.open(b)
	docs := Corpus(840, 11, "bn")
	b.ResetTimer()
	for _, d := range docs {
		if _, err := s.Put(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%s: put %d articles in %v (%.0f articles/s)", be.Name, len(docs), b.Elapsed(), float64(len(docs))/b.Elapsed().Seconds())
	_, next, err := s.Search(ctx, onrecord.Query{Words: "people", Limit: 20})
	if err != nil || next == "" {
		b.Fatalf("first page: next %q, err %v", next, err)
	}
	for _, bc := range []struct {
		name string
		q    onrecord.Query
	}{
		{"words", onrecord.Query{Words: "obamacare premiums"}},
		{"common-word", onrecord.Query{Words: "people"}},
		{"common-word-page2", onrecord.Query{Words: "people", Cursor: next}},
		{"speaker", onrecord.Query{Speaker: "Mr. Trump"}},
		{"speaker-words-month", onrecord.Query{Words: "britney", Speaker: "Timberlake", Since: day("2016-09-01"), Until: day("2016-09-30")}},
		{"newest", onrecord.Query{}},
		{"year", onrecord.Query{Since: day("2017-01-01"), Until: day("2017-12-31"), Kind: onrecord.Direct}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				hits, _, err := s.Search(ctx, bc.q)
				if err != nil {
					b.Fatal(err)
				}
				n = len(hits)
			}
			b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N), "ms/op")
			b.ReportMetric(float64(n), "hits")
		})
	}
}

// BenchPut measures Put of new articles into a fresh store, reporting
// articles/s.
func BenchPut(b *testing.B, be Backend) {
	ctx := context.Background()
	s, _ := be.open(b)
	docs := Corpus(b.N, 12, fmt.Sprintf("bp%d-", b.N))
	b.ResetTimer()
	for _, d := range docs {
		if _, err := s.Put(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
