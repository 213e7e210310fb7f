package server_test

import (
	"testing"

	"github.com/onrecord/onrecord"
)

// testExtractor is the extractor the end-to-end and load tests drive. It is
// the one seam to change to run them on the trained pipeline
// (return pipeline.Default()); the checks hold for any extractor that finds
// the six Timberlake quotes of the sample article.
func testExtractor(t testing.TB) onrecord.Extractor {
	return fakeExtractor{}
}

// testStore is the record of the end-to-end test; swap in the sqlite store
// (opened under t.TempDir()) to drive the real one.
func testStore(t testing.TB) onrecord.Store {
	st := newMemStore()
	t.Cleanup(func() { st.Close() })
	return st
}
