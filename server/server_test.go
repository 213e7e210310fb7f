package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/server"
	"github.com/onrecord/onrecord/text"
)

const samplePath = "../testdata/timberlake-apology-2021-02-13.txt"

func readSample(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatalf("read sample: %v", err)
	}
	return string(b)
}

// filledStore holds the sample article, extracted by ex.
func filledStore(t testing.TB, ex onrecord.Extractor, st onrecord.Store) onrecord.Store {
	t.Helper()
	d, err := text.NewDocument("timberlake", []byte(readSample(t)))
	if err != nil {
		t.Fatalf("read sample: %v", err)
	}
	if err := ex.Extract(context.Background(), d); err != nil {
		t.Fatalf("extract sample: %v", err)
	}
	if _, err := st.Put(context.Background(), d); err != nil {
		t.Fatalf("put sample: %v", err)
	}
	return st
}

type failingStore struct{ *memStore }

var errDisk = errors.New("disk on fire at /var/lib/secret.db")

func (failingStore) Search(context.Context, onrecord.Query) ([]onrecord.Hit, string, error) {
	return nil, "", errDisk
}
func (failingStore) Speakers(context.Context, int) ([]onrecord.SpeakerStat, error) {
	return nil, errDisk
}
func (failingStore) Article(context.Context, string) (*onrecord.Document, error) {
	return nil, errDisk
}

type panicExtractor struct{}

func (panicExtractor) Extract(context.Context, *onrecord.Document) error { panic("boom") }

type slowExtractor struct{}

func (slowExtractor) Extract(ctx context.Context, d *onrecord.Document) error {
	<-ctx.Done()
	return ctx.Err()
}

// partsExtractor reports one mixed quote in two parts, with no cue and no
// speaker, over "é" so that offsets must count code points.
type partsExtractor struct{}

func (partsExtractor) Extract(_ context.Context, d *onrecord.Document) error {
	d.Quotes = []onrecord.Attribution{{
		Kind:    onrecord.Mixed,
		Content: []onrecord.Span{{Start: 0, End: 2}, {Start: 5, End: 7}},
		Source:  []onrecord.Span{{Start: 3, End: 4}},
	}}
	return nil
}

type brokenExtractor struct{}

func (brokenExtractor) Extract(context.Context, *onrecord.Document) error {
	return errors.New("model not loaded")
}

func TestEndpoints(t *testing.T) {
	sample := readSample(t)
	full := filledStore(t, fakeExtractor{}, newMemStore())
	big := strings.Repeat("a", 1025)
	type tc struct {
		name     string
		ex       onrecord.Extractor
		st       onrecord.Store // nil: no record
		method   string
		path     string
		ctype    string
		body     string
		want     int
		wantIn   []string // substrings of the body
		wantJSON func(t *testing.T, v map[string]any)
		header   map[string]string // response headers
	}
	cases := []tc{
		{name: "healthz", method: "GET", path: "/healthz", st: full, want: 200, wantIn: []string{`"status":"ok"`, `"store":true`}},
		{name: "healthz no store", method: "GET", path: "/healthz", want: 200, wantIn: []string{`"store":false`}},
		{name: "extract text", method: "POST", path: "/v1/extract?id=tj&date=2021-02-13", ctype: "text/plain; charset=utf-8", body: sample, want: 200,
			wantJSON: func(t *testing.T, v map[string]any) {
				if v["id"] != "tj" || v["date"] != "2021-02-13" {
					t.Errorf("id, date = %v, %v", v["id"], v["date"])
				}
				qs := v["quotes"].([]any)
				if len(qs) != 6 {
					t.Fatalf("%d quotes, want 6", len(qs))
				}
				q := qs[0].(map[string]any)
				c := q["content"].(map[string]any)
				if !strings.HasPrefix(c["text"].(string), `"I specifically want`) || q["kind"] != "direct" {
					t.Errorf("first quote = %v", q)
				}
				if q["speaker"].(map[string]any)["name"] != "Justin Timberlake" || q["cue"].(map[string]any)["text"] != "said" {
					t.Errorf("speaker or cue of %v", q)
				}
			}},
		{name: "extract no content type", method: "POST", path: "/v1/extract", body: sample, want: 200, wantIn: []string{`"id":"input"`}},
		{name: "extract json", method: "POST", path: "/v1/extract", ctype: "application/json",
			body: `{"id":"x","text":"He said, \"I care for and respect these women deeply.\""}`, want: 200,
			wantIn: []string{`"id":"x"`, `"kind":"direct"`, `"source":{"start":0,"end":2,"text":"He"}`}},
		{name: "extract json no quotes", method: "POST", path: "/v1/extract", ctype: "application/json",
			body: `{"id":"x","text":"Nothing was said."}`, want: 200, wantIn: []string{`"quotes":[]`}},
		{name: "extract without store", method: "POST", path: "/v1/extract", ctype: "text/plain", body: sample, want: 200},
		{name: "extract html", method: "POST", path: "/v1/extract?id=h", ctype: "text/html; charset=utf-8",
			body: `<html><head><title>Pool closes</title></head><body><p>&quot;We cannot afford the repairs,&quot; he said.</p></body></html>`, want: 200,
			// offsets count into the extracted text, "Pool closes\n\n\"We ..."
			wantIn: []string{`"id":"h"`, `"content":{"start":13,"end":44,"text":"\"We cannot afford the repairs,\""}`}},
		{name: "extract discontinuous", ex: partsExtractor{}, method: "POST", path: "/v1/extract?id=p", ctype: "text/plain", body: "éa b cd", want: 200,
			wantIn: []string{`{"id":"p","date":null,"quotes":[{"kind":"mixed","content":{"start":0,"end":7,"text":"éa ... cd","parts":[[0,2],[5,7]]},"cue":null,"source":{"start":3,"end":4,"text":"b"},"speaker":null,"confidence":0}]}`}},
		{name: "extract bad json", method: "POST", path: "/v1/extract", ctype: "application/json", body: `{"text": `, want: 400, wantIn: []string{"bad JSON body"}},
		{name: "extract unknown field", method: "POST", path: "/v1/extract", ctype: "application/json", body: `{"txt": "a"}`, want: 400, wantIn: []string{"unknown field"}},
		{name: "extract two values", method: "POST", path: "/v1/extract", ctype: "application/json", body: `{"text": "a"} {}`, want: 400, wantIn: []string{"more than one"}},
		{name: "extract empty text", method: "POST", path: "/v1/extract", ctype: "application/json", body: `{"id":"a"}`, want: 400, wantIn: []string{"a: empty document"}},
		{name: "extract empty body", method: "POST", path: "/v1/extract", ctype: "text/plain", want: 400, wantIn: []string{"input: empty document"}},
		{name: "extract blank body", method: "POST", path: "/v1/extract", ctype: "text/plain", body: " \n\t", want: 400, wantIn: []string{"empty document"}},
		{name: "extract invalid UTF-8", method: "POST", path: "/v1/extract?id=bin", ctype: "text/plain", body: "ok \xff", want: 400, wantIn: []string{"bin: invalid UTF-8 at byte offset 3"}},
		{name: "extract NUL", method: "POST", path: "/v1/extract", ctype: "text/plain", body: "a\x00b", want: 400, wantIn: []string{"binary content"}},
		{name: "extract impossible header date", method: "POST", path: "/v1/extract", ctype: "text/plain", body: "date 2021-02-30 He said so.", want: 400, wantIn: []string{"date header"}},
		{name: "extract header date", method: "POST", path: "/v1/extract", ctype: "text/plain", body: "date 2021-02-13 Nothing.", want: 200, wantIn: []string{`{"id":"input","date":"2021-02-13","quotes":[]}`}},
		{name: "extract date param wins", method: "POST", path: "/v1/extract?date=2020-01-02", ctype: "text/plain", body: "date 2021-02-13 Nothing.", want: 200, wantIn: []string{`"date":"2020-01-02"`}},
		{name: "extract bad date json", method: "POST", path: "/v1/extract", ctype: "application/json", body: `{"text":"a","date":"13/02/2021"}`, want: 400, wantIn: []string{`bad date \"13/02/2021\"`}},
		{name: "extract bad date query", method: "POST", path: "/v1/extract?date=2021-02-30", ctype: "text/plain", body: "a", want: 400, wantIn: []string{"want YYYY-MM-DD"}},
		{name: "extract too large", method: "POST", path: "/v1/extract", ctype: "text/plain", body: big, want: 413, wantIn: []string{"exceeds the limit of 1024 bytes"}},
		{name: "extract unsupported type", method: "POST", path: "/v1/extract", ctype: "application/xml", body: "<a/>", want: 415, wantIn: []string{"send text/plain, text/html or application/json"}},
		{name: "extract malformed type", method: "POST", path: "/v1/extract", ctype: "text/plain; =", body: "a", want: 415},
		{name: "extract GET not allowed", method: "GET", path: "/v1/extract", want: 405, wantIn: []string{"method GET not allowed"}, header: map[string]string{"Allow": "POST"}},
		{name: "extract panics", ex: panicExtractor{}, method: "POST", path: "/v1/extract", ctype: "text/plain", body: "a", want: 500, wantIn: []string{"internal error"}},
		{name: "extract fails", ex: brokenExtractor{}, method: "POST", path: "/v1/extract", ctype: "text/plain", body: "a", want: 500, wantIn: []string{"model not loaded"}},
		{name: "extract times out", ex: slowExtractor{}, method: "POST", path: "/v1/extract", ctype: "text/plain", body: "a", want: 503, wantIn: []string{"took longer than 50ms"}},

		{name: "quotes all", method: "GET", path: "/v1/quotes", st: full, want: 200,
			wantJSON: func(t *testing.T, v map[string]any) {
				if n := len(v["quotes"].([]any)); n != 6 {
					t.Errorf("%d quotes, want 6", n)
				}
				if _, ok := v["next"]; ok {
					t.Errorf("next on the last page: %v", v["next"])
				}
			}},
		{name: "quotes words", method: "GET", path: "/v1/quotes?q=misogyny", st: full, want: 200,
			wantJSON: func(t *testing.T, v map[string]any) {
				qs := v["quotes"].([]any)
				if len(qs) != 1 || !strings.Contains(qs[0].(map[string]any)["content"].(string), "misogyny") {
					t.Errorf("quotes = %v", qs)
				}
			}},
		{name: "quotes page", method: "GET", path: "/v1/quotes?limit=4&speaker=justin+timberlake&kind=direct&since=2021-01-01&until=2021-12-31", st: full, want: 200,
			wantJSON: func(t *testing.T, v map[string]any) {
				if n := len(v["quotes"].([]any)); n != 4 || v["next"] != "4" {
					t.Errorf("%d quotes, next %v; want 4, 4", n, v["next"])
				}
			}},
		{name: "quotes next page", method: "GET", path: "/v1/quotes?limit=4&cursor=4", st: full, want: 200,
			wantJSON: func(t *testing.T, v map[string]any) {
				if n := len(v["quotes"].([]any)); n != 2 {
					t.Errorf("%d quotes, want 2", n)
				}
			}},
		{name: "quotes bad cursor", method: "GET", path: "/v1/quotes?cursor=zzz", st: full, want: 400, wantIn: []string{"bad cursor"}},
		{name: "quotes none", method: "GET", path: "/v1/quotes?until=2020-01-01", st: full, want: 200, wantIn: []string{`{"quotes":[]}`}},
		{name: "quotes bad since", method: "GET", path: "/v1/quotes?since=yesterday", st: full, want: 400, wantIn: []string{`bad since date \"yesterday\"`}},
		{name: "quotes bad until", method: "GET", path: "/v1/quotes?until=2021-13-01", st: full, want: 400, wantIn: []string{"bad until date"}},
		{name: "quotes until before since", method: "GET", path: "/v1/quotes?since=2021-02-01&until=2021-01-01", st: full, want: 400, wantIn: []string{"before since"}},
		{name: "quotes bad kind", method: "GET", path: "/v1/quotes?kind=rumour", st: full, want: 400, wantIn: []string{"want direct, indirect or mixed"}},
		{name: "quotes bad limit", method: "GET", path: "/v1/quotes?limit=0", st: full, want: 400, wantIn: []string{"bad limit"}},
		{name: "quotes no store", method: "GET", path: "/v1/quotes?q=a", want: 503, wantIn: []string{"without a database"}},
		{name: "quotes store fails", st: failingStore{newMemStore()}, method: "GET", path: "/v1/quotes", want: 500, wantIn: []string{"the quote record failed"}},
		{name: "quotes POST not allowed", method: "POST", path: "/v1/quotes", st: full, want: 405, header: map[string]string{"Allow": "GET, HEAD"}},

		{name: "speakers", method: "GET", path: "/v1/speakers", st: full, want: 200,
			wantIn: []string{`"name":"Justin Timberlake"`, `"quotes":6`, `"articles":1`}},
		{name: "speakers top", method: "GET", path: "/v1/speakers?top=1", st: full, want: 200},
		{name: "speakers bad top", method: "GET", path: "/v1/speakers?top=many", st: full, want: 400, wantIn: []string{"bad top"}},
		{name: "speakers no store", method: "GET", path: "/v1/speakers", want: 503},
		{name: "speakers store fails", st: failingStore{newMemStore()}, method: "GET", path: "/v1/speakers", want: 500},

		{name: "article", method: "GET", path: "/v1/articles/timberlake", st: full, want: 200,
			wantJSON: func(t *testing.T, v map[string]any) {
				if v["id"] != "timberlake" || v["date"] != "2021-02-13" || !strings.Contains(v["text"].(string), "date 2021-02-13 Justin Timberlake") || len(v["quotes"].([]any)) != 6 {
					t.Errorf("article = %.200v", v)
				}
			}},
		{name: "article missing", method: "GET", path: "/v1/articles/nope", st: full, want: 404, wantIn: []string{`no article \"nope\"`}},
		{name: "article no store", method: "GET", path: "/v1/articles/timberlake", want: 503},
		{name: "article store fails", st: failingStore{newMemStore()}, method: "GET", path: "/v1/articles/x", want: 500},
		{name: "article DELETE not allowed", method: "DELETE", path: "/v1/articles/x", st: full, want: 405},

		{name: "openapi", method: "GET", path: "/v1/openapi.json", want: 200, wantIn: []string{`"openapi": "3.0.3"`, `"/v1/articles/{id}"`}},
		{name: "unknown path", method: "GET", path: "/v2/nothing", want: 404, wantIn: []string{"no such endpoint: /v2/nothing"}},
		{name: "page", method: "GET", path: "/", want: 200, wantIn: []string{"<title>onrecord"}, header: map[string]string{"Content-Type": "text/html; charset=utf-8"}},
		{name: "script", method: "GET", path: "/static/app.js", want: 200, wantIn: []string{"use strict"}},
		{name: "no listing", method: "GET", path: "/static/", want: 404},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ex := c.ex
			if ex == nil {
				ex = fakeExtractor{}
			}
			var logs bytes.Buffer
			h := server.New(ex, c.st, slog.New(slog.NewJSONHandler(&logs, nil)), server.Options{MaxBody: 1024, ExtractTimeout: 50 * time.Millisecond})
			if c.body == sample {
				// The sample is larger than the small test limit.
				h = server.New(ex, c.st, nil, server.Options{})
			}
			req := localRequest(c.method, c.path, strings.NewReader(c.body))
			if c.ctype != "" {
				req.Header.Set("Content-Type", c.ctype)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			body := w.Body.String()
			if w.Code != c.want {
				t.Fatalf("status %d, want %d; body %s", w.Code, c.want, body)
			}
			for _, s := range c.wantIn {
				if !strings.Contains(body, s) {
					t.Errorf("body lacks %q: %.500s", s, body)
				}
			}
			for k, v := range c.header {
				if got := w.Header().Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
			if w.Code >= 400 {
				var e struct{ Error string }
				if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error == "" {
					t.Errorf("error body is not {\"error\": ...}: %s", body)
				}
				if strings.Contains(body, "secret.db") {
					t.Errorf("store details leak to the client: %s", body)
				}
			}
			if c.wantJSON != nil {
				var v map[string]any
				if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
					t.Fatalf("decode %s: %v", body, err)
				}
				c.wantJSON(t, v)
			}
		})
	}
}

// TestExtractSlots checks that extractions beyond MaxExtract wait for a
// slot and give up with 503 at the timeout.
func TestExtractSlots(t *testing.T) {
	g := gateExtractor{entered: make(chan struct{}, 1), release: make(chan struct{})}
	h := server.New(g, nil, nil, server.Options{MaxExtract: 1, ExtractTimeout: 100 * time.Millisecond})
	post := func() *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, localRequest("POST", "/v1/extract", strings.NewReader("text")))
		return w
	}
	first := make(chan int)
	go func() { first <- post().Code }()
	<-g.entered // the first request holds the only slot
	if w := post(); w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "busy") {
		t.Errorf("second request: %d %s, want 503 busy", w.Code, w.Body)
	}
	close(g.release)
	if code := <-first; code != http.StatusOK {
		t.Errorf("first request: %d, want 200", code)
	}
	if w := post(); w.Code != http.StatusOK {
		t.Errorf("request after release: %d %s", w.Code, w.Body)
	}
}

// gateExtractor signals that it runs, then blocks until release is closed.
type gateExtractor struct{ entered, release chan struct{} }

func (g gateExtractor) Extract(ctx context.Context, d *onrecord.Document) error {
	select {
	case g.entered <- struct{}{}:
	default:
	}
	<-g.release
	return nil
}

// TestBodyLimitChunked checks the limit on a body of unknown length,
// which only reading can catch.
func TestBodyLimitChunked(t *testing.T) {
	h := server.New(fakeExtractor{}, nil, nil, server.Options{MaxBody: 1024})
	for _, n := range []int{1024, 1025} {
		req := localRequest("POST", "/v1/extract", strings.NewReader(strings.Repeat("a", n)))
		req.ContentLength = -1
		req.Header.Set("Content-Type", "text/plain")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		want := http.StatusOK
		if n > 1024 {
			want = http.StatusRequestEntityTooLarge
		}
		if w.Code != want {
			t.Errorf("%d bytes: status %d, want %d: %s", n, w.Code, want, w.Body)
		}
	}
}

// TestLogs checks the structured request log line.
func TestLogs(t *testing.T) {
	var logs bytes.Buffer
	h := server.New(fakeExtractor{}, nil, slog.New(slog.NewJSONHandler(&logs, nil)), server.Options{})
	h.ServeHTTP(httptest.NewRecorder(), localRequest("GET", "/v1/quotes", nil))
	var line struct {
		Msg    string
		Method string
		Path   string
		Status int
	}
	if err := json.Unmarshal(logs.Bytes(), &line); err != nil {
		t.Fatalf("log %q: %v", logs.String(), err)
	}
	if line.Msg != "request" || line.Method != "GET" || line.Path != "/v1/quotes" || line.Status != 503 {
		t.Errorf("log line = %+v", line)
	}
}

// TestRun serves on a free loopback port and shuts down when cancelled.
func TestRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	srv := server.NewServer("127.0.0.1:0", server.New(fakeExtractor{}, nil, nil, server.Options{}))
	if srv.ReadHeaderTimeout == 0 || srv.ReadTimeout == 0 || srv.WriteTimeout == 0 || srv.IdleTimeout == 0 {
		t.Errorf("timeouts not all set: %+v", srv)
	}
	addr := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- server.Run(ctx, srv, nil, func(a string) { addr <- a }) }()
	res, err := http.Get("http://" + <-addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("healthz status %d", res.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
}

func TestRunBadAddr(t *testing.T) {
	srv := server.NewServer("256.0.0.1:http", server.New(fakeExtractor{}, nil, nil, server.Options{}))
	if err := server.Run(context.Background(), srv, nil, nil); err == nil || !strings.Contains(err.Error(), "listen") {
		t.Errorf("Run on a bad address: %v", err)
	}
}

// FuzzExtractRequest posts arbitrary bodies: the handler must answer with
// JSON and never panic.
func FuzzExtractRequest(f *testing.F) {
	f.Add("application/json", `{"id":"a","text":"He said, \"hello there, all of you.\""}`)
	f.Add("text/plain", "\"unclosed quote")
	f.Add("application/json", `{"text":"\xff\xfe"}`)
	f.Add("text/plain", "\xff\"\xfe aaaaaaaaaaaaaaaaaaaaaaaa\" he said")
	h := server.New(fakeExtractor{}, nil, nil, server.Options{MaxBody: 4096})
	f.Fuzz(func(t *testing.T, ctype, body string) {
		req := localRequest("POST", "/v1/extract", strings.NewReader(body))
		req.Header.Set("Content-Type", ctype)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if !json.Valid(w.Body.Bytes()) {
			t.Fatalf("status %d, body not JSON: %q", w.Code, w.Body.String())
		}
	})
}
