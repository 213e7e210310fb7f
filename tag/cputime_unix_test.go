//go:build unix

package tag

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used. Benchmarks report words per
// CPU second too, since wall time on a shared machine says little.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
