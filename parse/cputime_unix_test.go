//go:build unix

package parse

import (
	"syscall"
	"time"
)

// processCPU returns the user+system CPU time of this process, so that
// benchmarks on a busy machine can report throughput per CPU second.
func processCPU() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
