package server_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/sqlite"
)

// testExtractor is the extractor the end-to-end and load tests drive. It is
// the one seam to change to run them on the trained pipeline
// (return pipeline.Default()); the checks hold for any extractor that finds
// the six Timberlake quotes of the sample article.
func testExtractor(t testing.TB) onrecord.Extractor {
	return fakeExtractor{}
}

// testStore is the record of the end-to-end test: the real SQLite store in
// a fresh file.
func testStore(t testing.TB) onrecord.Store {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "record.db"))
	if err != nil {
		t.Fatalf("open the record: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
