//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// Process returns the user+system CPU time of this process, 0 if unknown.
func Process() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
