package tag

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/conllu"
	"github.com/onrecord/onrecord/internal/cputime"
)

const polnear = "../../shared/data/polnear"

var (
	devOnce sync.Once
	devDocs []*onrecord.Document
	devErr  error
)

// loadDev reads the dev split's silver documents, skipping the test when
// the shared data is absent.
func loadDev(tb testing.TB) []*onrecord.Document {
	tb.Helper()
	dir := filepath.Join(polnear, "dev")
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("no PolNeAR data at %s", dir)
	}
	devOnce.Do(func() { devDocs, devErr = conllu.LoadDocs(dir) })
	if devErr != nil {
		tb.Fatal(devErr)
	}
	return devDocs
}

func mustDefault(tb testing.TB) *Tagger {
	tb.Helper()
	t, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

func TestDevAccuracy(t *testing.T) {
	docs := loadDev(t)
	s := mustDefault(t).Evaluate(docs)
	t.Log(s)
	bars := []struct {
		name      string
		got, want float64
	}{
		{"POS", s.POS, 0.965},
		{"NER", s.NER, 0.97},
		{"lemma", s.Lemma, 0.98},
		{"PERSON F1", s.PersonF1, 0.85},
	}
	for _, b := range bars {
		if b.got < b.want {
			t.Errorf("%s = %.4f, want >= %.4f", b.name, b.got, b.want)
		}
	}
}

func BenchmarkTag(b *testing.B) {
	docs := loadDev(b)
	tg := mustDefault(b)
	// Work on copies so the silver layers stay intact for other tests.
	work := make([]*onrecord.Document, len(docs))
	words := 0
	for i, d := range docs {
		work[i] = d.TokenCopy()
		words += len(d.Tokens)
	}
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		for _, d := range work {
			tg.Tag(d)
		}
	}
	cputime.Report(b, words*b.N, cpu)
}
