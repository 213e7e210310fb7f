package server

import (
	"runtime"
	"syscall"
)

// extractNice is the niceness of the threads that run extractions: when
// the cores are short, the kernel runs the record's reads (and whatever
// else the machine does at the default niceness) before the next slice of
// an extraction. An extraction is seconds of CPU that nobody waits on
// to the millisecond; a read is a few milliseconds that a page waits on.
const extractNice = 10

// lowPriority runs f on an OS thread of its own at niceness extractNice
// and waits for it. The thread ends with f: raising a thread's priority
// back needs a privilege the server should not need, so the goroutine
// never unlocks it and the Go runtime drops the thread when it exits. A
// panic in f is raised again in the caller, where the server recovers it.
func lowPriority(f func()) {
	var p any
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() { p = recover() }()
		runtime.LockOSThread()
		// A failure (a system without per-thread niceness) leaves the
		// thread at the default priority, as on other systems.
		syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), extractNice)
		f()
	}()
	<-done
	if p != nil {
		panic(p)
	}
}

// procsForExtractions gives the Go scheduler n processors more than the
// cores, one for each extraction that may run: an extraction's thread,
// at low priority, keeps its processor while the kernel runs other
// threads first, and with only as many processors as cores two
// extractions left the record's reads waiting for one. With a processor
// each, every thread is runnable and the kernel's priorities decide.
func procsForExtractions(n int) {
	if runtime.GOMAXPROCS(0) < cores+n {
		runtime.GOMAXPROCS(cores + n)
	}
}
