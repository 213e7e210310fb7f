package cputime

import "time"

// rusageThread is Linux's RUSAGE_THREAD, which package syscall does not name.
const rusageThread = 1

// Thread returns the CPU time of the calling OS thread, 0 if unknown: with
// the goroutine locked to its thread, the work's own cost whatever else the
// machine runs.
func Thread() time.Duration { return usage(rusageThread) }
