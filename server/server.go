// Package server is onrecord's HTTP face: a JSON API over the extractor and
// the quote record, and an embedded web page that highlights who said what.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/text"
)

// Options tunes the handler. Zero fields take the defaults.
type Options struct {
	// MaxBody is the largest request body accepted; larger ones get 413.
	// Default: text.DefaultMaxBytes, the document limit of the command
	// line, plus 64 KiB for a JSON body's framing. A posted text over
	// text.DefaultMaxBytes gets 413 whatever MaxBody is.
	MaxBody int64
	// ExtractTimeout bounds one extraction, waiting included. Default 60 s.
	ExtractTimeout time.Duration
	// MaxExtract is how many extractions of texts up to LargeText bytes
	// run at once; the others wait for a slot (see MaxWait), so a burst
	// cannot exhaust memory. Default GOMAXPROCS-1, at least 1: an
	// extraction is CPU-bound, so more would not finish sooner, and one
	// core is left to the record's reads.
	MaxExtract int
	// MaxLarge is how many extractions of larger texts run at once, in
	// slots of their own, so that long articles, seconds each, do not hold
	// up short ones. A larger text finds a slot free or gets 503 with
	// Retry-After at once, its body unread when its Content-Length tells.
	// Default GOMAXPROCS/2, at least 1.
	MaxLarge int
	// AllowHosts are the host names, besides loopback names and addresses,
	// that the Host header may carry; other requests get 403. The check
	// keeps a web page that rebinds its DNS name to this machine from
	// reading the API. Serving on a public address needs its name here.
	AllowHosts []string
	// ExtractRate is how many extractions a second one client address may
	// start, with bursts of ExtractBurst; beyond, 429 with Retry-After.
	// Default 5 a second, bursts of 10.
	ExtractRate  float64
	ExtractBurst int
	// MaxWait is how long the client of a text up to LargeText bytes
	// should wait for its answer. A text that expects to take longer,
	// waiting for a slot and running (the extractions before it and its
	// own, each as long as one took lately), gets 503 with Retry-After at
	// once; one that waited MaxWait less a run for a slot gets it then.
	// Default 1 s.
	MaxWait time.Duration
	// BodyBudget bounds the bytes of request bodies read and not yet
	// answered, each counted by its Content-Length (MaxBody when unknown);
	// beyond it 503 with Retry-After. Default 32 MiB.
	BodyBudget int64
}

const (
	defaultExtractTimeout = 60 * time.Second
	// jsonSlack is what a JSON body may add to a text at the size limit.
	jsonSlack = 64 << 10
	// LargeText is the size from which a posted text counts as large for
	// Options.MaxLarge: ten times a long news article.
	LargeText = 256 << 10
)

// cores is GOMAXPROCS as the process started, before
// procsForExtractions raised it.
var cores = runtime.GOMAXPROCS(0)

type server struct {
	ex          onrecord.Extractor
	st          onrecord.Store
	log         *slog.Logger
	opt         Options
	sched       *scheduler
	allowHosts  map[string]struct{}
	limit       *limiter
	topSpeakers *speakerCache
	mux         *http.ServeMux
}

// New returns the handler of the API and the web page. st may be nil: the
// record endpoints then answer 503 and extraction still works. log may be
// nil to discard logs.
func New(ex onrecord.Extractor, st onrecord.Store, log *slog.Logger, opt Options) http.Handler {
	if opt.MaxBody <= 0 {
		opt.MaxBody = text.DefaultMaxBytes + jsonSlack
	}
	if opt.ExtractTimeout <= 0 {
		opt.ExtractTimeout = defaultExtractTimeout
	}
	if opt.MaxExtract <= 0 {
		opt.MaxExtract = max(1, cores-1)
	}
	if opt.MaxLarge <= 0 {
		opt.MaxLarge = max(1, cores/2)
	}
	if opt.ExtractRate <= 0 {
		opt.ExtractRate = 5
	}
	if opt.ExtractBurst <= 0 {
		opt.ExtractBurst = 10
	}
	if opt.MaxWait <= 0 {
		opt.MaxWait = time.Second
	}
	if opt.BodyBudget <= 0 {
		opt.BodyBudget = 32 << 20
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	procsForExtractions(opt.MaxExtract + opt.MaxLarge)
	s := &server{ex: ex, st: st, log: log, opt: opt,
		sched:      newScheduler(opt.MaxExtract, opt.MaxLarge, opt.MaxWait, opt.BodyBudget),
		allowHosts: map[string]struct{}{}, limit: newLimiter(opt.ExtractRate, opt.ExtractBurst),
		topSpeakers: newSpeakerCache(st), mux: http.NewServeMux()}
	for _, h := range opt.AllowHosts {
		s.allowHosts[strings.ToLower(strings.TrimSuffix(h, "."))] = struct{}{}
	}
	s.mux.HandleFunc("POST /v1/extract", s.extract)
	s.mux.HandleFunc("GET /v1/quotes", s.quotes)
	s.mux.HandleFunc("GET /v1/speakers", s.speakers)
	s.mux.HandleFunc("GET /v1/articles/{id}", s.article)
	s.mux.HandleFunc("GET /v1/openapi.json", serveOpenAPI)
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.Handle("GET /{$}", pageHandler())
	s.mux.Handle("GET /static/", staticHandler())
	return s
}

// ServeHTTP checks the Host header, logs each request with its real
// outcome, turns a panic into a 500 and answers the mux's own 404 and 405
// in JSON like every other error. No response is content-sniffed.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	w.Header().Set("X-Content-Type-Options", "nosniff")
	rw := &recorder{ResponseWriter: w, code: http.StatusOK}
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v))
			if !rw.wrote {
				writeError(rw, http.StatusInternalServerError, "internal error")
			}
		}
		status, outcome := rw.code, rw.outcome
		switch {
		case rw.err != nil:
			outcome = "write failed: " + rw.err.Error()
		case !rw.wrote && r.Context().Err() != nil:
			// nginx's code for a client that closed the request: nothing
			// was sent.
			status, outcome = 499, "client closed the request"
		case outcome == "":
			outcome = "answered"
		}
		attrs := []any{"method", r.Method, "path", r.URL.Path, "status", status, "outcome", outcome,
			"bytes", rw.n, "duration_ms", millis(time.Since(start)), "remote", r.RemoteAddr}
		if rw.text > 0 {
			attrs = append(attrs, "text_bytes", rw.text)
		}
		if rw.cpu > 0 { // Linux only: elsewhere a thread's CPU time is unknown
			attrs = append(attrs, "extract_cpu_ms", millis(rw.cpu))
		}
		s.log.Info("request", attrs...)
	}()
	if !s.hostAllowed(r) {
		writeError(rw, http.StatusForbidden, fmt.Sprintf("host %q is not served here: ask for localhost, or start the server with --allow-host %s", r.Host, r.Host))
		return
	}
	if _, pattern := s.mux.Handler(r); pattern == "" {
		s.unrouted(rw, r)
		return
	}
	s.mux.ServeHTTP(rw, r)
}

// unrouted answers a request that matches no pattern: 405 with the Allow
// header when the path exists under another method, else 404.
func (s *server) unrouted(w http.ResponseWriter, r *http.Request) {
	h, _ := s.mux.Handler(r)
	probe := &headerOnly{h: make(http.Header)}
	h.ServeHTTP(probe, r)
	if probe.code == http.StatusMethodNotAllowed {
		w.Header().Set("Allow", probe.h.Get("Allow"))
		writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed on %s (allowed: %s)", r.Method, r.URL.Path, probe.h.Get("Allow")))
		return
	}
	writeError(w, http.StatusNotFound, fmt.Sprintf("no such endpoint: %s", r.URL.Path))
}

// headerOnly captures the status and headers of the mux's fallback handlers
// and drops their plain-text body.
type headerOnly struct {
	h    http.Header
	code int
}

func (p *headerOnly) Header() http.Header         { return p.h }
func (p *headerOnly) Write(b []byte) (int, error) { return len(b), nil }
func (p *headerOnly) WriteHeader(code int)        { p.code = code }

// recorder remembers the status and size of a response, and how it ended,
// for the log line.
type recorder struct {
	http.ResponseWriter
	code    int
	n       int
	wrote   bool
	err     error  // the first failed write: the client went or the write timed out
	outcome string // set by a handler when the status alone does not say
	// An extraction's text size and the CPU time of the thread it ran on,
	// so that the log tells what an extraction costs apart from the
	// server's other work (the bars of issue 21 are in CPU seconds).
	text int
	cpu  time.Duration
}

// setOutcome notes how a request ended for the log line.
func setOutcome(w http.ResponseWriter, outcome string) {
	if r, ok := w.(*recorder); ok {
		r.outcome = outcome
	}
}

// setExtraction notes an extraction's text size and CPU time for the log
// line.
func setExtraction(w http.ResponseWriter, text int, cpu time.Duration) {
	if r, ok := w.(*recorder); ok {
		r.text, r.cpu = text, cpu
	}
}

func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.code, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.n += n
	if err != nil && r.err == nil {
		r.err = err
	}
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// writeJSON sends v with the given status.
func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "encode response: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	w.Write(append(b, '\n'))
}

type errorBody struct {
	Error string `json:"error"`
}

// writeError sends {"error": msg}.
func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, errorBody{Error: msg})
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "store": s.st != nil})
}

// NewServer wraps h in an http.Server whose timeouts keep slow or idle
// clients from holding connections forever. An extraction moves its own
// write deadline past its time limit.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// Run serves srv until ctx is done, then shuts it down, letting requests in
// flight finish for up to 10 s. ready, when not nil, receives the bound
// address once the server listens (useful with port 0).
func Run(ctx context.Context, srv *http.Server, log *slog.Logger, ready func(addr string)) error {
	ln, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", srv.Addr, err)
	}
	if log != nil {
		log.Info("serving", "addr", "http://"+ln.Addr().String())
	}
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", srv.Addr, err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down %s: %w", srv.Addr, err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve %s: %w", srv.Addr, err)
	}
	return nil
}
