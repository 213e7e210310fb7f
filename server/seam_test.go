package server_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/pipeline"
	"github.com/onrecord/onrecord/sqlite"
)

// testExtractor is the extractor the end-to-end and load tests drive: the
// trained pipeline, so the page is checked on what users will see.
func testExtractor(t testing.TB) onrecord.Extractor {
	p, err := pipeline.Default()
	if err != nil {
		t.Fatalf("load the pipeline: %v", err)
	}
	return p
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
