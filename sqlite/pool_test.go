package sqlite

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/onrecord/onrecord/internal/record"
)

// TestPoolBounded runs many more concurrent queries than the pool holds:
// they queue for connections instead of opening one each.
func TestPoolBounded(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "pool.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := st.(*Store).db
	n := record.PoolSize()
	if got := db.Stats().MaxOpenConnections; got != n {
		t.Fatalf("MaxOpenConnections %d, want %d", got, n)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	peak := 0
	for range 10 * n {
		wg.Go(func() {
			if _, err := st.Speakers(ctx, 10); err != nil {
				t.Error(err)
			}
			mu.Lock()
			peak = max(peak, db.Stats().OpenConnections)
			mu.Unlock()
		})
	}
	wg.Wait()
	if peak > n {
		t.Errorf("%d connections open at once, want at most %d", peak, n)
	}
	if idle := db.Stats().Idle; idle < 1 || idle > n {
		t.Errorf("%d idle connections kept, want 1 to %d", idle, n)
	}
}

// TestTurnsInOrder checks that callers waiting for a connection get it in
// the order they came, and that a caller whose context ends stops waiting.
func TestTurnsInOrder(t *testing.T) {
	tr := make(turns, 1)
	if err := tr.enter(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := tr.enter(ctx); err == nil {
		t.Fatal("entered with every turn taken and the context done")
	}
	const n = 8
	got := make(chan int, n)
	for i := range n {
		go func() {
			tr.enter(context.Background())
			got <- i
			tr.leave()
		}()
		time.Sleep(20 * time.Millisecond) // so that i waits before i+1 comes
	}
	tr.leave()
	for want := range n {
		if i := <-got; i != want {
			t.Fatalf("turn %d went to caller %d", want, i)
		}
	}
}
