package cputime

import "testing"

// TestProcessAdvances burns CPU and expects the reading to grow.
func TestProcessAdvances(t *testing.T) {
	start := Process()
	if start == 0 {
		t.Skip("CPU time unknown on this system")
	}
	x := uint64(1)
	for i := 0; i < 50_000_000; i++ {
		x = x*6364136223846793005 + 1442695040888963407
	}
	if d := Process() - start; d <= 0 || x == 0 {
		t.Errorf("CPU time grew by %v over a busy loop", d)
	}
}
