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
	"time"

	"github.com/onrecord/onrecord"
)

// Options tunes the handler. Zero fields take the defaults.
type Options struct {
	// MaxBody is the largest request body accepted; larger ones get 413.
	// Default 10 MiB.
	MaxBody int64
	// ExtractTimeout bounds one extraction, waiting included. Default 60 s.
	ExtractTimeout time.Duration
	// MaxExtract is how many extractions run at once; the others wait for a
	// slot, so a burst of large articles cannot exhaust memory. Default
	// 2×GOMAXPROCS.
	MaxExtract int
}

const (
	defaultMaxBody        = 10 << 20
	defaultExtractTimeout = 60 * time.Second
)

type server struct {
	ex    onrecord.Extractor
	st    onrecord.Store
	log   *slog.Logger
	opt   Options
	slots chan struct{}
	mux   *http.ServeMux
}

// New returns the handler of the API and the web page. st may be nil: the
// record endpoints then answer 503 and extraction still works. log may be
// nil to discard logs.
func New(ex onrecord.Extractor, st onrecord.Store, log *slog.Logger, opt Options) http.Handler {
	if opt.MaxBody <= 0 {
		opt.MaxBody = defaultMaxBody
	}
	if opt.ExtractTimeout <= 0 {
		opt.ExtractTimeout = defaultExtractTimeout
	}
	if opt.MaxExtract <= 0 {
		opt.MaxExtract = 2 * runtime.GOMAXPROCS(0)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &server{ex: ex, st: st, log: log, opt: opt, slots: make(chan struct{}, opt.MaxExtract), mux: http.NewServeMux()}
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

// ServeHTTP logs each request, turns a panic into a 500 and answers the
// mux's own 404 and 405 in JSON like every other error.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rw := &recorder{ResponseWriter: w, code: http.StatusOK}
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v))
			if !rw.wrote {
				writeError(rw, http.StatusInternalServerError, "internal error")
			}
		}
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", rw.code,
			"bytes", rw.n, "duration_ms", float64(time.Since(start).Microseconds())/1000, "remote", r.RemoteAddr)
	}()
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

// recorder remembers the status and size of a response for the log line.
type recorder struct {
	http.ResponseWriter
	code  int
	n     int
	wrote bool
}

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
	w.Header().Set("X-Content-Type-Options", "nosniff")
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
// clients from holding connections forever. The write timeout leaves room
// for a long extraction.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      defaultExtractTimeout + 30*time.Second,
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
