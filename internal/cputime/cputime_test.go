package cputime

import (
	"runtime"
	"testing"
)

// burn spends some CPU time; its result keeps the loop from being elided.
func burn() uint64 {
	x := uint64(1)
	for i := 0; i < 50_000_000; i++ {
		x = x*6364136223846793005 + 1442695040888963407
	}
	return x
}

// TestProcessAdvances burns CPU and expects the reading to grow.
func TestProcessAdvances(t *testing.T) {
	start := Process()
	if start == 0 {
		t.Skip("CPU time unknown on this system")
	}
	x := burn()
	if d := Process() - start; d <= 0 || x == 0 {
		t.Errorf("CPU time grew by %v over a busy loop", d)
	}
}

// TestThreadAdvances burns CPU on a locked thread and expects its reading
// to grow.
func TestThreadAdvances(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	start := Thread()
	x := burn()
	d := Thread() - start
	if start == 0 && d == 0 {
		t.Skip("thread CPU time unknown on this system")
	}
	if d <= 0 || x == 0 {
		t.Errorf("thread CPU time grew by %v over a busy loop", d)
	}
}
