package server

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/onrecord/onrecord"
)

// countingStore answers Speakers with its count so far, after a value on
// release when that is set, or with err.
type countingStore struct {
	onrecord.Store
	calls   atomic.Int32
	release chan struct{}
	err     error
}

func (s *countingStore) Speakers(ctx context.Context, top int) ([]onrecord.SpeakerStat, error) {
	n := s.calls.Add(1)
	if s.release != nil {
		<-s.release
	}
	return []onrecord.SpeakerStat{{Name: "count", Quotes: int(n)}}, s.err
}

func TestSpeakerCacheServesWhileRenewing(t *testing.T) {
	ctx := context.Background()
	st := &countingStore{}
	c := newSpeakerCache(st)
	get := func() int {
		t.Helper()
		l, err := c.get(ctx, 10)
		if err != nil || len(l) != 1 {
			t.Fatalf("get: %v, %v", l, err)
		}
		return l[0].Quotes
	}
	if n := get(); n != 1 {
		t.Fatalf("first ask: count %d, want 1", n)
	}
	if n := get(); n != 1 || st.calls.Load() != 1 {
		t.Fatalf("fresh list: count %d, %d counts, want the first and 1", n, st.calls.Load())
	}
	// An old list is served at once while one renewal runs.
	st.release = make(chan struct{})
	c.mu.Lock()
	c.by[10].at = time.Now().Add(-2 * speakersTTL)
	c.mu.Unlock()
	for range 3 {
		if n := get(); n != 1 {
			t.Fatalf("while renewing: count %d, want the old list 1", n)
		}
	}
	close(st.release)
	deadline := time.Now().Add(5 * time.Second)
	for get() != 2 {
		if time.Now().After(deadline) {
			t.Fatal("the renewed list never replaced the old one")
		}
		time.Sleep(time.Millisecond)
	}
	if n := st.calls.Load(); n != 2 {
		t.Errorf("%d counts, want 2: one renewal for the three stale asks", n)
	}
}

func TestSpeakerCacheRetriesFailure(t *testing.T) {
	ctx := context.Background()
	st := &countingStore{err: errors.New("record gone")}
	c := newSpeakerCache(st)
	for i := range 2 {
		if _, err := c.get(ctx, 5); err == nil {
			t.Fatalf("ask %d: no error from a failing store", i)
		}
	}
	if n := st.calls.Load(); n != 2 {
		t.Errorf("%d counts, want 2: a failed count is not served", n)
	}
	st.err = nil
	if l, err := c.get(ctx, 5); err != nil || l[0].Quotes != 3 {
		t.Errorf("after recovery: %v, %v; want the third count", l, err)
	}
}
