package pipeline

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/cputime"
	"github.com/onrecord/onrecord/output"
	"github.com/onrecord/onrecord/text"
)

const devText = "../../shared/data/polnear/dev/text"

// devFiles reads the raw dev articles once; the benchmarks time everything
// after that: document reading, analysis, attributions, speakers, JSON.
func devFiles(b *testing.B) map[string][]byte {
	files, _ := filepath.Glob(filepath.Join(devText, "*.txt"))
	if len(files) == 0 {
		b.Skip("no ../shared dev data")
	}
	raw := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		raw[filepath.Base(f)] = data
	}
	return raw
}

// BenchmarkExtract measures the whole extract path on one core, in words
// (tokens) per second, over the dev articles.
func BenchmarkExtract(b *testing.B) {
	raw := devFiles(b)
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	w, err := output.New("jsonl", io.Discard, output.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	words := 0
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Process()
	for b.Loop() {
		for id, data := range raw {
			d, err := text.NewDocument(id, data)
			if err != nil {
				b.Fatal(err)
			}
			if err := p.Extract(ctx, d); err != nil {
				b.Fatal(err)
			}
			if err := w.Write(d); err != nil {
				b.Fatal(err)
			}
			words += len(d.Tokens)
		}
	}
	cputime.Report(b, words, cpu)
}

// BenchmarkAnalyze measures tokenize+tag+parse alone.
func BenchmarkAnalyze(b *testing.B) {
	raw := devFiles(b)
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*onrecord.Document, 0, len(raw))
	for id, data := range raw {
		d, err := text.NewDocument(id, data)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	words := 0
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Process()
	for b.Loop() {
		for _, d := range docs {
			p.Analyze(d)
			words += len(d.Tokens)
		}
	}
	cputime.Report(b, words, cpu)
	b.ReportMetric(float64(testing.AllocsPerRun(1, func() {
		for _, d := range docs {
			p.Analyze(d)
		}
	}))/float64(words/b.N), "allocs/word")
}
