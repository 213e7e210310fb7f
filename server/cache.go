package server

import (
	"context"
	"sync"
	"time"

	"github.com/onrecord/onrecord"
)

// speakersTTL is how stale the speakers list may be. Counting every
// speaker's quotes reads the whole record; under load, one count a second
// serves every client instead of one count each. A record ingested by
// another process shows within this time and one count.
const speakersTTL = time.Second

// countTimeout bounds one count, which no single request owns.
const countTimeout = 30 * time.Second

// speakerCache holds the latest speakers list for each size asked. The
// first ask of a size waits for its count; later asks get the last list at
// once, and the first to find it older than speakersTTL starts the next
// count in the background. Waiting for the renewal, as every ask did each
// second, put a count's queueing for a database connection into the
// speakers' p99.
type speakerCache struct {
	st   onrecord.Store
	mu   sync.Mutex
	by   map[int]*speakerList
	seen uint64 // counts started, numbering them
}

type speakerList struct {
	done     chan struct{} // closed once list, err and at are set
	at       time.Time
	list     []onrecord.SpeakerStat
	err      error
	renewing bool   // a newer count has started; guarded by the cache's mu
	seq      uint64 // the count's number: a later count's list wins
}

// maxLists bounds the sizes kept; clients ask for few distinct ones.
const maxLists = 64

func newSpeakerCache(st onrecord.Store) *speakerCache {
	return &speakerCache{st: st, by: map[int]*speakerList{}}
}

// get returns the top speakers. The list is shared: callers must not
// change it.
func (c *speakerCache) get(ctx context.Context, top int) ([]onrecord.SpeakerStat, error) {
	c.mu.Lock()
	e := c.by[top]
	switch {
	case e == nil || e.failed():
		// A failed count is not served: this ask counts again.
		if e == nil && len(c.by) >= maxLists {
			clear(c.by)
		}
		e = c.count(ctx, top)
		c.by[top] = e
	case !e.renewing && e.finished() && time.Since(e.at) > speakersTTL:
		e.renewing = true
		c.count(ctx, top)
	}
	c.mu.Unlock()
	select {
	case <-e.done:
		return e.list, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// count starts counting the top speakers in the background, for every
// ask, so not cancelled with ctx; once counted, the list replaces the
// size's list unless a later count's list did. It returns the list being
// counted; c.mu must be held.
func (c *speakerCache) count(ctx context.Context, top int) *speakerList {
	c.seen++
	e := &speakerList{done: make(chan struct{}), seq: c.seen}
	go func() {
		qctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), countTimeout)
		e.list, e.err = c.st.Speakers(qctx, top)
		cancel()
		e.at = time.Now()
		close(e.done)
		c.mu.Lock()
		// A goroutine late to this lock must not put back an older list,
		// marked renewing, which would then never be renewed.
		if cur := c.by[top]; cur == nil || cur.seq < e.seq {
			c.by[top] = e
		}
		c.mu.Unlock()
	}()
	return e
}

func (e *speakerList) finished() bool {
	select {
	case <-e.done:
		return true
	default:
		return false
	}
}

// failed tells whether the count ended in an error.
func (e *speakerList) failed() bool { return e.finished() && e.err != nil }
