package record

import "runtime"

// PoolSize is how many database connections a store keeps: two per usable
// core, at least four. The stores' queries are CPU-bound (SQLite runs in the
// process); more connections add memory and contention, not throughput, and
// callers beyond the pool wait for a connection.
func PoolSize() int { return max(4, 2*runtime.GOMAXPROCS(0)) }
