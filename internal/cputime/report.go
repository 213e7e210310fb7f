// Package cputime reads the CPU time of the running process, so that
// benchmarks on a shared machine can report throughput per CPU second:
// wall time there mostly measures the neighbours.
package cputime

import (
	"testing"
	"time"
)

// Report reports words per second of wall time and, when the CPU time is
// known, per CPU second since start (a Process reading taken when timing
// began); words is the total over all b.N iterations.
func Report(b *testing.B, words int, start time.Duration) {
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
	if cpu := Process() - start; start > 0 && cpu > 0 {
		b.ReportMetric(float64(words)/cpu.Seconds(), "words/cpu-s")
	}
}
