package server

import (
	"context"
	"testing"
	"time"
)

// waiting is how many short extractions wait or run.
func (c *class) waiting() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.in
}

// TestShortQueue checks the admission of short texts: with the one slot
// held and a slot's hold taken to be hold, a text queues while the
// extractions before it and its own would take at most maxWait, and the
// next one is turned away at once with the wait it would have had; a
// queued text that gets no slot within maxWait less its run is turned away
// then; a slot given back goes to a queued text.
func TestShortQueue(t *testing.T) {
	const hold = 400 * time.Millisecond // long enough for a loaded machine
	const maxWait = 4 * hold
	s := newScheduler(1, 1, maxWait, 1)
	s.short.took = hold
	done, _, err := s.waitShort(context.Background())
	if done == nil || err != nil {
		t.Fatalf("first short text: no slot (%v)", err)
	}
	type result struct {
		done  func()
		retry time.Duration
	}
	queued := make(chan result, 3)
	for n := 1; n <= 3; n++ { // expected waits of 1, 2 and 3 holds, and its own: within maxWait
		go func() {
			d, retry, _ := s.waitShort(context.Background())
			queued <- result{d, retry}
		}()
		for s.short.waiting() < n+1 {
			time.Sleep(time.Millisecond)
		}
	}
	start := time.Now()
	d, retry, err := s.waitShort(context.Background())
	if d != nil || err != nil || retry != 4*hold {
		t.Fatalf("fifth short text: slot %v, retry %v, err %v; want none, retry %v", d != nil, retry, err, 4*hold)
	}
	if waited := time.Since(start); waited > maxWait/2 {
		t.Errorf("fifth short text turned away after %v, want at once", waited)
	}
	done()
	got := <-queued
	if got.done == nil {
		t.Fatal("a queued text got no slot when the first gave it back")
	}
	for range 2 { // the slot is held: the other two wait maxWait
		if r := <-queued; r.done != nil || r.retry <= 0 {
			t.Errorf("queued text with the slot held: slot %v, retry %v; want none after maxWait", r.done != nil, r.retry)
		}
	}
	got.done()
	if n := s.short.waiting(); n != 0 {
		t.Errorf("%d short texts still counted, want 0", n)
	}
}

// TestSlowShort checks that a free slot is taken even when a short
// extraction took longer than maxWait lately, and that a text finding the
// slot held then is turned away at once.
func TestSlowShort(t *testing.T) {
	s := newScheduler(1, 1, time.Second, 1)
	s.short.took = 2 * time.Second
	done, _, err := s.waitShort(context.Background())
	if done == nil || err != nil {
		t.Fatalf("free slot not taken (%v)", err)
	}
	defer done()
	start := time.Now()
	if d, retry, err := s.waitShort(context.Background()); d != nil || err != nil || retry <= 0 {
		t.Fatalf("slot held: slot %v, retry %v, err %v; want none, a retry", d != nil, retry, err)
	}
	if waited := time.Since(start); waited > 500*time.Millisecond {
		t.Errorf("turned away after %v, want at once", waited)
	}
}

// TestHoldLearns checks the moving average of a slot's hold: a long hold
// moves it up by a quarter of the difference.
func TestHoldLearns(t *testing.T) {
	s := newScheduler(1, 1, time.Second, 1)
	done, _ := s.tryLong()
	time.Sleep(50 * time.Millisecond)
	done()
	if took := s.long.took; took >= firstLong || took < firstLong-(firstLong-50*time.Millisecond)/4-10*time.Millisecond {
		t.Errorf("took %v after a 50 ms hold, want a quarter of the way from %v", took, firstLong)
	}
}

// TestLongSlots checks that a long text takes a free slot at once and is
// turned away, with the current hold as its retry, while the slots are
// taken.
func TestLongSlots(t *testing.T) {
	s := newScheduler(1, 1, time.Second, 1)
	done, _ := s.tryLong()
	if done == nil {
		t.Fatal("no long slot free")
	}
	if d, retry := s.tryLong(); d != nil || retry != firstLong {
		t.Fatalf("second long text: slot %v, retry %v; want none, %v", d != nil, retry, firstLong)
	}
	done()
	if d, _ := s.tryLong(); d == nil {
		t.Fatal("no long slot after one was given back")
	}
}

func TestBodyBudget(t *testing.T) {
	s := newScheduler(1, 1, time.Second, 100)
	if !s.reserve(60) || s.reserve(41) || !s.reserve(40) {
		t.Fatal("60 then 40 bytes fit a budget of 100, 41 do not")
	}
	s.free(60)
	if !s.reserve(60) || s.reserve(1) {
		t.Fatal("freed bytes are not back in the budget")
	}
}
