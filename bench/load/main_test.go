package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestLoopbackOnly(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:8080": true,
		"localhost:80":   true,
		"[::1]:8080":     true,
		"10.1.2.3:8080":  false,
		"8.8.8.8:53":     false,
		"127.0.0.1":      false, // no port
	} {
		if err := loopbackOnly(addr); (err == nil) != ok {
			t.Errorf("%s: err %v, want ok %v", addr, err, ok)
		}
	}
}

func TestSizes(t *testing.T) {
	arts := []article{{"a", strings.Repeat("word word word.\n", 1000)}, {"b", "short\n"}}
	for _, s := range cutArticles(arts, 5000) {
		if len(s) > 5000 || len(s) < 2500 || !strings.HasSuffix(s, "\n") {
			t.Errorf("cut article of %d bytes, want 2500 to 5000 ending a line", len(s))
		}
	}
	big := joinArticles(arts, 100000)
	if len(big) > 100000 || len(big) < 99000 {
		t.Errorf("joined text of %d bytes, want about 100000", len(big))
	}
}

func TestProcStats(t *testing.T) {
	pid := os.Getpid()
	if rss := peakRSS(pid); rss < 1<<20 {
		t.Errorf("peak RSS of this process %d bytes", rss)
	}
	start := cpuSeconds(pid)
	for i := 0; cpuSeconds(pid) == start && i < 1e9; i++ {
	}
	if cpuSeconds(pid) <= start {
		t.Errorf("CPU time does not advance: %v", start)
	}
}

// TestRunAgainstStub runs a short load against a stub server and checks
// that every endpoint of the mix was asked, each client from its own
// loopback address.
func TestRunAgainstStub(t *testing.T) {
	var hits [4]atomic.Int32
	remotes := map[string]bool{}
	seen := make(chan string, 10000)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case seen <- strings.Split(r.RemoteAddr, ":")[0]:
		default:
		}
		switch {
		case r.URL.Path == "/v1/speakers":
			hits[0].Add(1)
			w.Write([]byte(`{"speakers":[{"name":"Jo Roe"}]}`))
		case r.URL.Path == "/v1/quotes":
			hits[1].Add(1)
			w.Write([]byte(`{"quotes":[]}`))
		case strings.HasPrefix(r.URL.Path, "/v1/articles/"):
			hits[2].Add(1)
			w.Write([]byte(`{}`))
		case r.URL.Path == "/v1/extract":
			hits[3].Add(1)
			w.Write([]byte(`{}`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer ts.Close()
	dir := t.TempDir()
	for _, id := range []string{"a", "b"} {
		if err := os.WriteFile(filepath.Join(dir, id+".txt"), []byte(strings.Repeat("He said so.\n", 500)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	err := run(config{addr: strings.TrimPrefix(ts.URL, "http://"), text: dir, clients: 8, duration: 500 * time.Millisecond,
		smallSize: 5000, bigSize: 10000, seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"speakers", "quotes", "articles", "extract"} {
		if hits[i].Load() == 0 {
			t.Errorf("no %s request", name)
		}
	}
	close(seen)
	for r := range seen {
		remotes[r] = true
	}
	if len(remotes) < 8 {
		t.Errorf("requests from %d addresses, want one per client: %v", len(remotes), remotes)
	}
}

// TestBusy checks that a 503 with Retry-After counts as busy, not as an
// error, and gives the wait; one without it is an error.
func TestBusy(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("retry") != "" {
			w.Header().Set("Retry-After", r.URL.Query().Get("retry"))
		}
		http.Error(w, `{"error":"busy"}`, http.StatusServiceUnavailable)
	}))
	defer ts.Close()
	l := &load{stats: map[string]*stat{}}
	for _, tc := range []struct {
		query        string
		retry        time.Duration
		busy, errors int
	}{
		{"?retry=2", 2 * time.Second, 1, 0},
		{"", 0, 1, 1},
		{"?retry=soon", 0, 1, 2},
	} {
		req, _ := http.NewRequest("GET", ts.URL+tc.query, nil)
		retry := l.do(t.Context(), ts.Client(), "x", req, 10*time.Second)
		if s := l.stats["x"]; retry != tc.retry || s.busy != tc.busy || s.errors != tc.errors {
			t.Errorf("%q: retry %v, busy %d, errors %d; want %v, %d, %d", tc.query, retry, s.busy, s.errors, tc.retry, tc.busy, tc.errors)
		}
	}
}

// TestReportCosts counts only finished extractions, short and long texts
// apart.
func TestReportCosts(t *testing.T) {
	var b strings.Builder
	reportCosts(&b, []cost{
		{Status: 200, Text: 5000, CPU: 10}, {Status: 200, Text: 5000, CPU: 30}, {Status: 200, Text: 4000, CPU: 20},
		{Status: 499, Text: 5000, CPU: 900}, // abandoned: not a whole extraction
		{Status: 200, Text: 2_000_000, CPU: 4100},
	})
	want := "server: CPU of an extraction (its thread), 3 of short texts: p50 20.0 ms, max 30.0 ms\n" +
		"server: CPU of an extraction (its thread), 1 of long texts: p50 4100.0 ms, max 4100.0 ms\n"
	if b.String() != want {
		t.Errorf("got\n%swant\n%s", b.String(), want)
	}
}
