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
// another process shows within this time.
const speakersTTL = time.Second

// speakerCache holds the latest speakers list for each size asked, and
// makes the clients that ask while it is counted wait for that one count.
type speakerCache struct {
	st onrecord.Store
	mu sync.Mutex
	by map[int]*speakerList
}

type speakerList struct {
	done chan struct{} // closed once list and err are set
	at   time.Time
	list []onrecord.SpeakerStat
	err  error
}

// maxLists bounds the sizes kept; clients ask for few distinct ones.
const maxLists = 64

func newSpeakerCache(st onrecord.Store) *speakerCache {
	return &speakerCache{st: st, by: map[int]*speakerList{}}
}

// get returns the top speakers, counted at most speakersTTL ago. The list
// is shared: callers must not change it.
func (c *speakerCache) get(ctx context.Context, top int) ([]onrecord.SpeakerStat, error) {
	c.mu.Lock()
	e := c.by[top]
	if e == nil || e.stale() {
		if len(c.by) >= maxLists {
			clear(c.by)
		}
		e = &speakerList{done: make(chan struct{})}
		c.by[top] = e
		c.mu.Unlock()
		// Counted for every waiter, so not cancelled with this request;
		// the store's own pool bounds how long it waits.
		qctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		e.list, e.err = c.st.Speakers(qctx, top)
		cancel()
		e.at = time.Now()
		close(e.done)
	} else {
		c.mu.Unlock()
	}
	select {
	case <-e.done:
		return e.list, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// stale tells whether a finished count is too old or failed; one still
// being counted is not.
func (e *speakerList) stale() bool {
	select {
	case <-e.done:
		return e.err != nil || time.Since(e.at) > speakersTTL
	default:
		return false
	}
}
