package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/cputime"
	"github.com/onrecord/onrecord/server"
	"github.com/onrecord/onrecord/text"
)

// localRequest is a request as a client of this machine sends it: to
// localhost, from a loopback address.
func localRequest(method, target string, body io.Reader) *http.Request {
	req := httptest.NewRequest(method, target, body)
	req.Host = "localhost:8080"
	req.RemoteAddr = "127.0.0.1:40000"
	return req
}

func TestHostAllowList(t *testing.T) {
	h := server.New(fakeExtractor{}, nil, nil, server.Options{AllowHosts: []string{"quotes.example.org"}})
	for _, tc := range []struct {
		host string
		want int
	}{
		{"localhost", 200},
		{"localhost:8080", 200},
		{"LOCALHOST.", 200},
		{"app.localhost:80", 200},
		{"127.0.0.1:8080", 200},
		{"127.1.2.3", 200},
		{"[::1]:8080", 200},
		{"quotes.example.org", 200},
		{"Quotes.Example.org:443", 200},
		{"evil.example.com", 403},
		{"evil.example.com:8080", 403},
		{"10.0.0.5:8080", 403},
		{"localhost.evil.com", 403},
		{"", 403},
	} {
		req := localRequest("GET", "/healthz", nil)
		req.Host = tc.host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != tc.want {
			t.Errorf("Host %q: status %d, want %d: %s", tc.host, w.Code, tc.want, w.Body)
		}
		if w.Code == 403 && !strings.Contains(w.Body.String(), "--allow-host") {
			t.Errorf("Host %q: the refusal does not say how to allow it: %s", tc.host, w.Body)
		}
	}
}

// TestNosniff checks the header on every kind of response, errors and the
// OpenAPI description included.
func TestNosniff(t *testing.T) {
	h := server.New(fakeExtractor{}, filledStore(t, fakeExtractor{}, newMemStore()), nil, server.Options{})
	for _, target := range []string{"/", "/static/app.js", "/v1/openapi.json", "/healthz", "/v1/quotes", "/v1/speakers",
		"/v1/articles/timberlake", "/v1/articles/none", "/nowhere", "/static/"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, localRequest("GET", target, nil))
		if got := w.Header().Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s (%d): X-Content-Type-Options %q", target, w.Code, got)
		}
	}
	req := localRequest("GET", "/v1/quotes", nil)
	req.Host = "evil.example.com"
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("refused host: no nosniff")
	}
}

func TestExtractRateLimit(t *testing.T) {
	h := server.New(fakeExtractor{}, nil, nil, server.Options{ExtractRate: 1, ExtractBurst: 3})
	post := func(from string) *httptest.ResponseRecorder {
		req := localRequest("POST", "/v1/extract", strings.NewReader("Nothing was said."))
		req.RemoteAddr = from
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		return w
	}
	for i := range 3 {
		if w := post("127.0.0.1:1000"); w.Code != 200 {
			t.Fatalf("request %d of the burst: %d %s", i, w.Code, w.Body)
		}
	}
	w := post("127.0.0.1:1001") // another connection, the same client
	if w.Code != http.StatusTooManyRequests || !strings.Contains(w.Body.String(), "too many extractions") {
		t.Fatalf("over the burst: %d %s, want 429", w.Code, w.Body)
	}
	if s, err := strconv.Atoi(w.Header().Get("Retry-After")); err != nil || s < 1 || s > 1 {
		t.Errorf("Retry-After %q, want 1 (one request a second)", w.Header().Get("Retry-After"))
	}
	if w := post("127.0.0.2:1000"); w.Code != 200 {
		t.Errorf("another client: %d, want 200", w.Code)
	}
	// The other endpoints are not limited.
	rw := httptest.NewRecorder()
	h.ServeHTTP(rw, localRequest("GET", "/healthz", nil))
	if rw.Code != 200 {
		t.Errorf("healthz after the limit: %d", rw.Code)
	}
}

// TestTextLimit checks the one document limit: the default body limit
// lets a text of exactly text.DefaultMaxBytes through, in plain text or
// JSON, and a text one byte over gets 413 naming the limit.
func TestTextLimit(t *testing.T) {
	h := server.New(countExtractor{}, nil, nil, server.Options{})
	at := strings.Repeat("a ", text.DefaultMaxBytes/2)
	for _, tc := range []struct {
		name, ctype, body string
		want              int
	}{
		{"plain at the limit", "text/plain", at, 200},
		{"plain over", "text/plain", at + "a", 413},
		{"json at the limit", "application/json", `{"text":"` + at + `"}`, 200},
		{"json over", "application/json", `{"text":"` + at + `a"}`, 413},
		{"json escapes over", "application/json", `{"text":"` + strings.Repeat(`\n`, text.DefaultMaxBytes+1) + `"}`, 413},
	} {
		req := localRequest("POST", "/v1/extract", strings.NewReader(tc.body))
		req.Header.Set("Content-Type", tc.ctype)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != tc.want {
			t.Errorf("%s: %d, want %d: %.200s", tc.name, w.Code, tc.want, w.Body)
		}
		if w.Code == 413 && !strings.Contains(w.Body.String(), strconv.Itoa(text.DefaultMaxBytes)) {
			t.Errorf("%s: the 413 does not give the limit: %s", tc.name, w.Body)
		}
	}
}

// countExtractor finds nothing, quickly, in any text.
type countExtractor struct{}

func (countExtractor) Extract(ctx context.Context, d *onrecord.Document) error { return ctx.Err() }

// TestLargeTextSlots checks that large texts have slots of their own: with
// the one large slot held, a second large text is turned away at once
// with Retry-After and its body left unread, while a short one still runs
// in the one slot of short texts.
func TestLargeTextSlots(t *testing.T) {
	g := gateExtractor{entered: make(chan struct{}, 1), release: make(chan struct{})}
	h := server.New(g, nil, nil, server.Options{MaxExtract: 1, MaxLarge: 1, ExtractTimeout: 200 * time.Millisecond})
	post := func(body string) int {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, localRequest("POST", "/v1/extract", strings.NewReader(body)))
		return w.Code
	}
	large := strings.Repeat("word ", server.LargeText/5+1)
	first := make(chan int)
	go func() { first <- post(large) }()
	<-g.entered
	body := &readCount{r: strings.NewReader(large)}
	req := localRequest("POST", "/v1/extract", body)
	req.ContentLength = int64(len(large))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" || body.n > 0 {
		t.Errorf("second large text: %d, Retry-After %q, %d bytes of its body read; want 503 with Retry-After, unread",
			w.Code, w.Header().Get("Retry-After"), body.n)
	}
	done := make(chan int)
	go func() { done <- post("short") }()
	select {
	case <-g.entered: // the short text reached the extractor while the large one holds its slot
	case <-time.After(5 * time.Second):
		t.Fatal("a short text waited for the slot a large one holds")
	}
	close(g.release)
	if code := <-done; code != 200 {
		t.Errorf("short text: %d", code)
	}
	if code := <-first; code != 200 {
		t.Errorf("first large text: %d", code)
	}
}

// logLine is the request line of the structured log.
type logLine struct {
	Msg     string
	Path    string
	Status  int
	Outcome string
}

func requestLines(t *testing.T, logs *syncBuffer) []logLine {
	t.Helper()
	var out []logLine
	for line := range strings.Lines(logs.String()) {
		var l logLine
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("log %q: %v", line, err)
		}
		if l.Msg == "request" {
			out = append(out, l)
		}
	}
	return out
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestAbandonedExtraction has a real client leave during an extraction:
// the extraction's context ends promptly, and the log says 499, not 200.
func TestAbandonedExtraction(t *testing.T) {
	var logs syncBuffer
	ex := &watchExtractor{started: make(chan struct{}), stopped: make(chan time.Duration, 1)}
	ts := httptest.NewServer(server.New(ex, nil, slog.New(slog.NewJSONHandler(&logs, nil)), server.Options{}))
	defer ts.Close()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "POST", ts.URL+"/v1/extract?id=gone", strings.NewReader("Text."))
	errc := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	<-ex.started
	cancel()
	left := time.Now()
	<-errc
	select {
	case <-ex.stopped:
		if d := time.Since(left); d > time.Second {
			t.Errorf("the extraction went on %s after the client left", d)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the extraction was not cancelled when the client left")
	}
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if ls := requestLines(t, &logs); len(ls) == 1 {
			if ls[0].Status != 499 || ls[0].Outcome != "client closed the request" {
				t.Errorf("log line %+v, want status 499, client closed", ls[0])
			}
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no request log line: %s", logs.String())
}

// watchExtractor runs until its context ends and reports when it started
// and stopped.
type watchExtractor struct {
	started chan struct{}
	stopped chan time.Duration
	once    atomic.Bool
}

func (w *watchExtractor) Extract(ctx context.Context, d *onrecord.Document) error {
	start := time.Now()
	if w.once.CompareAndSwap(false, true) {
		close(w.started)
	}
	<-ctx.Done()
	w.stopped <- time.Since(start)
	return ctx.Err()
}

// TestTimeoutLogged checks that an extraction over its time limit is
// logged as a timeout with the status sent.
func TestTimeoutLogged(t *testing.T) {
	var logs syncBuffer
	h := server.New(slowExtractor{}, nil, slog.New(slog.NewJSONHandler(&logs, nil)), server.Options{ExtractTimeout: 20 * time.Millisecond})
	h.ServeHTTP(httptest.NewRecorder(), localRequest("POST", "/v1/extract", strings.NewReader("a")))
	ls := requestLines(t, &logs)
	if len(ls) != 1 || ls[0].Status != 503 || ls[0].Outcome != "timeout" {
		t.Errorf("log lines %+v, want one 503 timeout", ls)
	}
}

// TestSpeakersShared checks that concurrent clients share one count of the
// speakers, and that a later request starts a fresh count.
func TestSpeakersShared(t *testing.T) {
	st := &countingStore{memStore: filledStore(t, fakeExtractor{}, newMemStore()).(*memStore), gate: make(chan struct{})}
	h := server.New(fakeExtractor{}, st, nil, server.Options{})
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, localRequest("GET", "/v1/speakers", nil))
			if w.Code != 200 || !strings.Contains(w.Body.String(), "Justin Timberlake") {
				t.Errorf("%d %s", w.Code, w.Body)
			}
		})
	}
	time.Sleep(50 * time.Millisecond) // let the requests queue behind the first count
	close(st.gate)
	wg.Wait()
	if n := st.calls.Load(); n != 1 {
		t.Errorf("%d counts for 50 concurrent requests, want 1", n)
	}
	time.Sleep(1100 * time.Millisecond)
	h.ServeHTTP(httptest.NewRecorder(), localRequest("GET", "/v1/speakers", nil))
	// The count runs in the background, the stale list answered meanwhile.
	for deadline := time.Now().Add(5 * time.Second); st.calls.Load() < 2 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	if n := st.calls.Load(); n != 2 {
		t.Errorf("%d counts after the list went stale, want 2", n)
	}
}

// countingStore counts Speakers calls; the first waits for gate.
type countingStore struct {
	*memStore
	gate  chan struct{}
	calls atomic.Int32
}

func (c *countingStore) Speakers(ctx context.Context, top int) ([]onrecord.SpeakerStat, error) {
	c.calls.Add(1)
	<-c.gate
	return c.memStore.Speakers(ctx, top)
}

// readCount counts the bytes read from r.
type readCount struct {
	r io.Reader
	n int
}

func (c *readCount) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestExtractBodyBudget checks that a body that would take the bodies held past
// BodyBudget gets 503 with Retry-After, counted by its Content-Length or,
// without one, by the body limit; a body within it is extracted.
func TestExtractBodyBudget(t *testing.T) {
	h := server.New(countExtractor{}, nil, nil, server.Options{BodyBudget: 100, MaxBody: 1000})
	for _, tc := range []struct {
		name   string
		body   string
		length int64
		want   int
	}{
		{"within", strings.Repeat("a", 100), 100, 200},
		{"over", strings.Repeat("a", 101), 101, 503},
		{"unknown length", "a", -1, 503}, // counted as MaxBody
	} {
		req := localRequest("POST", "/v1/extract", strings.NewReader(tc.body))
		req.ContentLength = tc.length
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != tc.want || tc.want == 503 && w.Header().Get("Retry-After") == "" {
			t.Errorf("%s: %d, Retry-After %q; want %d", tc.name, w.Code, w.Header().Get("Retry-After"), tc.want)
		}
	}
}

// TestExtractionCostLogged checks that an extraction's log line gives its
// text's size and, on Linux, the CPU time of the thread it ran on: an
// extractor that spins for 30 ms of CPU is logged with at least 20.
func TestExtractionCostLogged(t *testing.T) {
	var logs syncBuffer
	h := server.New(spinExtractor{30 * time.Millisecond}, nil, slog.New(slog.NewJSONHandler(&logs, nil)), server.Options{})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, localRequest("POST", "/v1/extract", strings.NewReader("Some text.")))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	var line struct {
		TextBytes    int     `json:"text_bytes"`
		ExtractCPUMs float64 `json:"extract_cpu_ms"`
	}
	if err := json.Unmarshal([]byte(logs.String()), &line); err != nil {
		t.Fatalf("log %q: %v", logs.String(), err)
	}
	if line.TextBytes != len("Some text.") {
		t.Errorf("text_bytes %d, want %d", line.TextBytes, len("Some text."))
	}
	if runtime.GOOS == "linux" && line.ExtractCPUMs < 20 {
		t.Errorf("extract_cpu_ms %.1f for an extraction of 30 ms of CPU", line.ExtractCPUMs)
	}
}

// spinExtractor spends its CPU time on the calling thread and finds
// nothing.
type spinExtractor struct{ cpu time.Duration }

func (s spinExtractor) Extract(ctx context.Context, d *onrecord.Document) error {
	if runtime.GOOS != "linux" {
		return nil // a thread's CPU time is unknown: it would spin forever
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for start := cputime.Thread(); cputime.Thread()-start < s.cpu; {
	}
	return nil
}
