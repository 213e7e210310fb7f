package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
)

// BenchmarkTokenize measures tokenization throughput over the dev texts,
// reported as words (whitespace-separated) per second.
func BenchmarkTokenize(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(polnear, "dev", "text", "*.txt"))
	if len(files) == 0 {
		b.Skip("dev texts absent")
	}
	var docs []*onrecord.Document
	words, bytes := 0, 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d := &onrecord.Document{Text: string(raw)}
		d.Body.End = d.Runes()
		docs = append(docs, d)
		words += len(strings.Fields(d.Text))
		bytes += len(raw)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			d.Tokens = nil
			Tokenize(d)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
