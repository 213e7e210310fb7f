//go:build !linux

package server

// lowPriority runs f. Only Linux sets a thread's niceness, so elsewhere an
// extraction runs at the priority of the reads.
func lowPriority(f func()) { f() }

// procsForExtractions does nothing where extractions run at the default
// priority: more processors than cores would only share them more finely.
func procsForExtractions(int) {}
