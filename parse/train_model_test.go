package parse

import (
	"bytes"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/conllu"
	"github.com/onrecord/onrecord/tag"
)

const polnear = "../../shared/data/polnear"

// loadDocs reads a PolNeAR split's silver documents, skipping the test when
// the shared data is absent.
func loadDocs(t testing.TB, split string) []*onrecord.Document {
	t.Helper()
	if _, err := os.Stat(polnear); err != nil {
		t.Skip("shared PolNeAR data absent")
	}
	arts, err := conllu.LoadSplit(polnear + "/" + split)
	if err != nil {
		t.Fatal(err)
	}
	docs := make([]*onrecord.Document, len(arts))
	for i, a := range arts {
		docs[i] = a.Doc
	}
	return docs
}

// TestWriteModel rebuilds model.bin.gz from the training split. It runs only
// when PARSE_TRAIN=1 (PARSE_TRAIN_DOCS=N trains on the first N documents;
// PARSE_TRAIN_TAGS=tagger replaces the silver tags with package tag's).
func TestWriteModel(t *testing.T) {
	if os.Getenv("PARSE_TRAIN") != "1" {
		t.Skip("set PARSE_TRAIN=1 to retrain the embedded model")
	}
	train, dev := loadDocs(t, "train"), loadDocs(t, "dev")
	if n, err := strconv.Atoi(os.Getenv("PARSE_TRAIN_DOCS")); err == nil && n < len(train) {
		train = train[:n]
	}
	if os.Getenv("PARSE_TRAIN_TAGS") == "tagger" {
		// Train on the tags the pipeline will see rather than silver ones.
		tg, err := tag.Default()
		if err != nil {
			t.Fatal(err)
		}
		for i, d := range train {
			c := *d
			c.Tokens = slices.Clone(d.Tokens)
			tg.Tag(&c)
			train[i] = &c
		}
	}
	t0 := time.Now()
	p, err := Train(train, dev, 1, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %s", time.Since(t0).Round(time.Second))
	var buf bytes.Buffer
	if err := p.Save(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("model.bin.gz", buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("model: %d bytes", buf.Len())
}
