package server

import (
	"fmt"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// hostAllowed tells whether the Host header names this server: a loopback
// name or address, or one of the names the operator allowed. A page on
// another site that rebinds its DNS name to 127.0.0.1 still sends its own
// name, so it cannot read the record from a browser.
func (s *server) hostAllowed(r *http.Request) bool {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	if ip := net.ParseIP(strings.Trim(host, "[]")); ip != nil && ip.IsLoopback() {
		return true
	}
	_, ok := s.allowHosts[host]
	return ok
}

// limiter is a token bucket per client address: each client may start
// rate requests a second, and burst at once after a quiet spell.
type limiter struct {
	rate  float64
	burst float64
	mu    sync.Mutex
	by    map[string]*bucket
	now   func() time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

// maxBuckets bounds the table; beyond it the buckets that have refilled
// (clients quiet long enough to be back at a full burst) are dropped.
const maxBuckets = 10000

func newLimiter(rate float64, burst int) *limiter {
	return &limiter{rate: rate, burst: float64(burst), by: map[string]*bucket{}, now: time.Now}
}

// take spends a token of client; when none is left it returns how long
// until one is.
func (l *limiter) take(client string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.by[client]
	if b == nil {
		if len(l.by) >= maxBuckets {
			l.sweep(now)
		}
		b = &bucket{tokens: l.burst, last: now}
		l.by[client] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

func (l *limiter) sweep(now time.Time) {
	for k, b := range l.by {
		if b.tokens+now.Sub(b.last).Seconds()*l.rate >= l.burst {
			delete(l.by, k)
		}
	}
}

// clientAddr is the address a request came from, without the port. The
// server trusts no forwarding header: behind a proxy every client is the
// proxy.
func clientAddr(r *http.Request) string {
	if h, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return h
	}
	return r.RemoteAddr
}

// rateLimited answers 429 with Retry-After when the client has used its
// extractions.
func (s *server) rateLimited(w http.ResponseWriter, r *http.Request) bool {
	ok, wait := s.limit.take(clientAddr(r))
	if ok {
		return false
	}
	secs := retryAfter(w, wait)
	writeError(w, http.StatusTooManyRequests, fmt.Sprintf("too many extractions from %s: at most %g a second (bursts of %g); retry in %d s", clientAddr(r), s.limit.rate, s.limit.burst, secs))
	return true
}

// retryAfter sets Retry-After to d in whole seconds, at least one, and
// returns them.
func retryAfter(w http.ResponseWriter, d time.Duration) int {
	secs := max(1, int(math.Ceil(d.Seconds())))
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	return secs
}
