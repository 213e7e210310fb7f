package server

import (
	"context"
	"sync"
	"time"
)

// scheduler admits extractions so that an answer, a refusal included,
// comes quickly whatever the load: a short text waits for one of its slots
// only while the time it can expect to take, waiting and running, from the
// queue before it and how long short extractions took lately, stays within
// maxWait; a long text takes a
// slot of its own at once or is turned away, before its body is read; and
// the bodies read and not yet extracted stay within a byte budget. A
// closed queue keeps no one waiting for seconds to be served after clients
// that gave up, and bounds the memory of the texts held.
type scheduler struct {
	short, long *class
	maxWait     time.Duration
	mu          sync.Mutex
	bodies      int64 // bytes of bodies admitted and not yet done with
	budget      int64
}

// class is one kind of extraction: its slots, how many of its
// extractions wait or run, and the moving average of how long one holds a
// slot.
type class struct {
	slots chan struct{}
	mu    sync.Mutex
	in    int
	took  time.Duration
}

// Guesses of a slot's hold before any extraction is measured: a short
// article on a loaded core, and a 2 MB text.
const (
	firstShort = 100 * time.Millisecond
	firstLong  = 10 * time.Second
)

func newScheduler(short, long int, maxWait time.Duration, budget int64) *scheduler {
	return &scheduler{
		short:   &class{slots: make(chan struct{}, short), took: firstShort},
		long:    &class{slots: make(chan struct{}, long), took: firstLong},
		maxWait: maxWait, budget: budget,
	}
}

// reserve counts n bytes of body against the budget; false when they do
// not fit. Each reserve that succeeds is followed by a free of the same n.
func (s *scheduler) reserve(n int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.bodies+n > s.budget {
		return false
	}
	s.bodies += n
	return true
}

func (s *scheduler) free(n int64) {
	s.mu.Lock()
	s.bodies -= n
	s.mu.Unlock()
}

// tryLong takes a slot of long texts if one is free. done gives it back;
// otherwise retry says when one may be.
func (s *scheduler) tryLong() (done func(), retry time.Duration) {
	c := s.long
	select {
	case c.slots <- struct{}{}:
		c.mu.Lock()
		c.in++
		c.mu.Unlock()
		return c.hold(), 0
	default:
		c.mu.Lock()
		defer c.mu.Unlock()
		return nil, c.took
	}
}

// waitShort takes a slot of short texts when the time it expects to take,
// waiting and running, is within maxWait, waiting at most maxWait less a
// run. done gives it back; without a slot, retry says when to come back,
// or ctx ended (err).
func (s *scheduler) waitShort(ctx context.Context) (done func(), retry time.Duration, err error) {
	c := s.short
	c.mu.Lock()
	// Those before it, waiting or running, each hold one of the slots for
	// about took, and so will it. A free slot is taken whatever took says:
	// else a machine slow enough would never extract again, nor learn
	// that it got faster.
	wait := time.Duration(c.in/cap(c.slots)) * c.took
	if c.in >= cap(c.slots) && wait+c.took > s.maxWait {
		c.mu.Unlock()
		return nil, wait, nil
	}
	c.in++
	patience := s.maxWait - c.took
	c.mu.Unlock()
	select {
	case c.slots <- struct{}{}:
		return c.hold(), 0, nil
	default:
	}
	if patience <= 0 {
		return nil, c.leave(), nil
	}
	t := time.NewTimer(patience)
	defer t.Stop()
	select {
	case c.slots <- struct{}{}:
		return c.hold(), 0, nil
	case <-t.C:
		retry = c.leave()
		return nil, retry, nil
	case <-ctx.Done():
		c.leave()
		return nil, 0, ctx.Err()
	}
}

// hold times a slot just taken; the func it returns gives the slot back
// and learns from how long it was held.
func (c *class) hold() func() {
	start := time.Now()
	return func() {
		held := time.Since(start)
		<-c.slots
		c.mu.Lock()
		c.in--
		c.took += (held - c.took) / 4
		c.mu.Unlock()
	}
}

// leave takes a waiter that got no slot off the count and returns the
// current hold of a slot.
func (c *class) leave() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.in--
	return c.took
}
