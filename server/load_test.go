package server_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/onrecord/onrecord/server"
)

const devText = "../../shared/data/polnear/dev/text"

// loadDuration is a few seconds in ordinary runs; ONRECORD_LOAD_SECONDS
// sets it (30 for the real measurement).
func loadDuration(t *testing.T) time.Duration {
	s := os.Getenv("ONRECORD_LOAD_SECONDS")
	if s == "" {
		return 3 * time.Second
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 600 {
		t.Fatalf("ONRECORD_LOAD_SECONDS=%q: want 1 to 600 seconds", s)
	}
	return time.Duration(n) * time.Second
}

type article struct{ id, text string }

func devArticles(t *testing.T) []article {
	files, err := filepath.Glob(filepath.Join(devText, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no PolNeAR dev articles at %s", devText)
	}
	slices.Sort(files)
	arts := make([]article, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("read %s: %v", f, err)
		}
		arts = append(arts, article{id: strings.TrimSuffix(filepath.Base(f), ".txt"), text: string(b)})
	}
	return arts
}

// TestLoad has 100 concurrent clients post dev articles to a real loopback
// server for a bounded time, reports requests/s and latency percentiles,
// and fails on any error. The server turns away what it cannot start soon
// (503 with Retry-After); a client told so waits that long, as it should.
func TestLoad(t *testing.T) {
	const clients = 100
	arts := devArticles(t)
	dur := loadDuration(t)
	// The clients all come from 127.0.0.1: the per-client rate limit
	// (TestExtractRateLimit) is lifted to measure throughput.
	ts := httptest.NewServer(server.New(testExtractor(t), nil, nil, server.Options{ExtractRate: 1e6, ExtractBurst: 1e6}))
	defer ts.Close()
	tr := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 2 * time.Minute}

	var (
		mu   sync.Mutex
		lats []time.Duration
		errs []error
		busy int
		wg   sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(dur)
	for c := range clients {
		wg.Go(func() {
			var mine []time.Duration
			for i := c; time.Now().Before(deadline); i += clients {
				a := arts[i%len(arts)]
				t0 := time.Now()
				err := post(client, ts.URL, a)
				mine = append(mine, time.Since(t0))
				if b := (*busyError)(nil); errors.As(err, &b) {
					mu.Lock()
					busy++
					mu.Unlock()
					time.Sleep(min(b.retry, time.Until(deadline)))
					continue
				}
				if err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
					break
				}
			}
			mu.Lock()
			lats = append(lats, mine...)
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	for i, err := range errs {
		if i == 10 {
			t.Errorf("… and %d more errors", len(errs)-10)
			break
		}
		t.Error(err)
	}
	if len(lats) == busy {
		t.Fatalf("no extraction answered in %d requests (%d turned away)", len(lats), busy)
	}
	slices.Sort(lats)
	pct := func(p float64) time.Duration { return lats[min(len(lats)-1, int(p*float64(len(lats))))] }
	t.Logf("load: %d clients, %d requests in %.1fs: %.1f requests/s (%d turned away busy), latency p50 %v p99 %v max %v, %d errors",
		clients, len(lats), elapsed.Seconds(), float64(len(lats))/elapsed.Seconds(), busy,
		pct(0.50).Round(time.Millisecond), pct(0.99).Round(time.Millisecond), lats[len(lats)-1].Round(time.Millisecond), len(errs))
}

// busyError is a 503 with Retry-After: come back after retry.
type busyError struct{ retry time.Duration }

func (e *busyError) Error() string { return fmt.Sprintf("busy: retry after %s", e.retry) }

// post extracts one article and checks that the answer is its document.
func post(client *http.Client, base string, a article) error {
	res, err := client.Post(base+"/v1/extract?id="+a.id, "text/plain; charset=utf-8", strings.NewReader(a.text))
	if err != nil {
		return fmt.Errorf("post %s: %w", a.id, err)
	}
	defer res.Body.Close()
	var doc struct {
		ID     string            `json:"id"`
		Quotes []json.RawMessage `json:"quotes"`
		Error  string            `json:"error"`
	}
	if err := json.NewDecoder(res.Body).Decode(&doc); err != nil {
		return fmt.Errorf("post %s: status %d, decode: %w", a.id, res.StatusCode, err)
	}
	if res.StatusCode == http.StatusServiceUnavailable {
		secs, err := strconv.Atoi(res.Header.Get("Retry-After"))
		if err != nil || secs < 1 {
			return fmt.Errorf("post %s: 503 with Retry-After %q, want whole seconds: %s", a.id, res.Header.Get("Retry-After"), doc.Error)
		}
		return &busyError{time.Duration(secs) * time.Second}
	}
	if res.StatusCode != http.StatusOK || doc.ID != a.id || doc.Quotes == nil {
		return fmt.Errorf("post %s: status %d, id %q, error %q", a.id, res.StatusCode, doc.ID, doc.Error)
	}
	return nil
}

// BenchmarkExtract measures one extraction request of the sample article
// through the handler (without the network).
func BenchmarkExtract(b *testing.B) {
	sample := []byte(readSample(b))
	h := server.New(testExtractor(b), nil, nil, server.Options{})
	b.SetBytes(int64(len(sample)))
	for b.Loop() {
		req := localRequest("POST", "/v1/extract", bytes.NewReader(sample))
		req.Header.Set("Content-Type", "text/plain")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}
