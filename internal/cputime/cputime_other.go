//go:build !unix

package cputime

import "time"

// Process returns 0: the CPU time is unknown here, and benchmarks then
// report wall-time rates only.
func Process() time.Duration { return 0 }
