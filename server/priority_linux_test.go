package server

import (
	"runtime"
	"testing"
)

// TestProcsForExtractions checks that a server has a processor for each
// extraction slot besides the cores, and that a second one, or a smaller
// one, does not add more.
func TestProcsForExtractions(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	New(nil, nil, nil, Options{MaxExtract: 3, MaxLarge: 2})
	if got := runtime.GOMAXPROCS(0); got != cores+5 {
		t.Fatalf("GOMAXPROCS %d with 5 slots on %d cores, want %d", got, cores, cores+5)
	}
	New(nil, nil, nil, Options{MaxExtract: 1, MaxLarge: 1})
	New(nil, nil, nil, Options{MaxExtract: 3, MaxLarge: 2})
	if got := runtime.GOMAXPROCS(0); got != cores+5 {
		t.Errorf("GOMAXPROCS %d after more servers, want %d still", got, cores+5)
	}
}
