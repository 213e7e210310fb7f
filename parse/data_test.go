package parse

import (
	"os"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/conllu"
)

const polnear = "../../shared/data/polnear"

// loadDocs reads a PolNeAR split's silver documents, skipping the test when
// the shared data is absent.
func loadDocs(t testing.TB, split string) []*onrecord.Document {
	t.Helper()
	if _, err := os.Stat(polnear); err != nil {
		t.Skip("shared PolNeAR data absent")
	}
	docs, err := conllu.LoadDocs(polnear + "/" + split)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}
