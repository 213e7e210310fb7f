//go:build !unix

package parse

import "time"

// processCPU is unknown here; benchmarks then report wall-time rates only.
func processCPU() time.Duration { return 0 }
