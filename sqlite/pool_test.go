package sqlite

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

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
