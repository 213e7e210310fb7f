//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// Process returns the user+system CPU time of this process, 0 if unknown.
func Process() time.Duration { return usage(syscall.RUSAGE_SELF) }

// usage returns the user+system CPU time getrusage reports for who, 0 if
// unknown.
func usage(who int) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(who, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
