package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"time"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/cputime"
	"github.com/onrecord/onrecord/text"
)

// extractRequest is the JSON body of POST /v1/extract.
type extractRequest struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Date string `json:"date"`
}

// defaultID names a document posted without one.
const defaultID = "input"

func (s *server) extract(w http.ResponseWriter, r *http.Request) {
	if s.rateLimited(w, r) {
		return
	}
	// A long text known by its length takes its slot before its body is
	// read, or is turned away unread: a queue of 2 MB bodies held the
	// memory and the answers for minutes.
	var done func()
	if r.ContentLength > LargeText && r.ContentLength <= s.opt.MaxBody {
		var retry time.Duration
		if done, retry = s.sched.tryLong(); done == nil {
			s.busy(w, retry, "the long texts' slots are taken")
			return
		}
	}
	release := func() {
		if done != nil {
			done()
			done = nil
		}
	}
	defer release()
	n := r.ContentLength
	if n < 0 || n > s.opt.MaxBody {
		n = s.opt.MaxBody // unknown until read: at most the limit
	}
	if !s.sched.reserve(n) {
		s.busy(w, time.Second, "the texts being read and extracted fill its memory budget")
		return
	}
	defer s.sched.free(n)
	d, code, err := s.readDocument(w, r)
	if err != nil {
		writeError(w, code, err.Error())
		return
	}
	// The server's write timeout counts from the request's start; the
	// answer may come only after the extraction's own limit.
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.opt.ExtractTimeout + 10*time.Second))
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.ExtractTimeout)
	defer cancel()
	if done == nil {
		var retry time.Duration
		if len(d.Text) > LargeText { // a body of unknown length
			done, retry = s.sched.tryLong()
		} else if done, retry, err = s.sched.waitShort(ctx); err != nil {
			s.extractFailed(w, r, d, err)
			return
		}
		if done == nil {
			s.busy(w, retry, "too many extractions are waiting")
			return
		}
	}
	var cpu time.Duration
	lowPriority(func() {
		start := cputime.Thread() // the extraction has this thread to itself
		err = s.ex.Extract(ctx, d)
		cpu = cputime.Thread() - start
	})
	release()
	setExtraction(w, len(d.Text), cpu)
	if err != nil {
		s.extractFailed(w, r, d, err)
		return
	}
	b, err := encodeDocument(d)
	writeEncoded(w, b, err)
}

// busy answers 503 with Retry-After: the extraction was not started, and
// may be after retry (whole seconds, at least one).
func (s *server) busy(w http.ResponseWriter, retry time.Duration, why string) {
	secs := retryAfter(w, retry)
	setOutcome(w, "busy")
	writeError(w, http.StatusServiceUnavailable, fmt.Sprintf("the server is busy (%s): retry in %d s", why, secs))
}

func (s *server) extractFailed(w http.ResponseWriter, r *http.Request, d *onrecord.Document, err error) {
	switch {
	case r.Context().Err() != nil:
		s.log.Info("extract abandoned by client", "id", d.ID, "bytes", len(d.Text))
	case errors.Is(err, context.DeadlineExceeded):
		setOutcome(w, "timeout")
		writeError(w, http.StatusServiceUnavailable, fmt.Sprintf("extraction of %q took longer than %s; the server is busy or the text too long", d.ID, s.opt.ExtractTimeout))
	default:
		s.log.Error("extract", "id", d.ID, "err", err)
		writeError(w, http.StatusInternalServerError, fmt.Sprintf("extract %q: %v", d.ID, err))
	}
}

// readDocument reads the posted article: a text/plain or text/html body
// (id and date in the query) or a JSON extractRequest. It returns the HTTP status to send
// with an error.
func (s *server) readDocument(w http.ResponseWriter, r *http.Request) (*onrecord.Document, int, error) {
	if r.ContentLength > s.opt.MaxBody {
		return nil, http.StatusRequestEntityTooLarge, fmt.Errorf("request body of %d bytes exceeds the limit of %d bytes (a document: at most %d bytes of text)", r.ContentLength, s.opt.MaxBody, text.DefaultMaxBytes)
	}
	media := "text/plain"
	if ct := r.Header.Get("Content-Type"); ct != "" {
		m, _, err := mime.ParseMediaType(ct)
		if err != nil {
			return nil, http.StatusUnsupportedMediaType, fmt.Errorf("bad Content-Type %q: %v", ct, err)
		}
		media = m
	}
	if media != "text/plain" && media != "application/json" && media != "text/html" {
		return nil, http.StatusUnsupportedMediaType, fmt.Errorf("unsupported Content-Type %q: send text/plain, text/html or application/json", media)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opt.MaxBody))
	if err != nil {
		if mbe := (*http.MaxBytesError)(nil); errors.As(err, &mbe) {
			return nil, http.StatusRequestEntityTooLarge, fmt.Errorf("request body exceeds the limit of %d bytes (a document: at most %d bytes of text)", mbe.Limit, text.DefaultMaxBytes)
		}
		return nil, http.StatusBadRequest, fmt.Errorf("read request body: %v", err)
	}
	req := extractRequest{ID: r.URL.Query().Get("id"), Date: r.URL.Query().Get("date"), Text: string(body)}
	if media == "application/json" {
		req = extractRequest{}
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			return nil, http.StatusBadRequest, fmt.Errorf("bad JSON body (want {\"id\", \"text\", \"date\"}): %v", err)
		}
		if dec.More() {
			return nil, http.StatusBadRequest, errors.New("bad JSON body: more than one JSON value")
		}
	}
	if req.Date != "" {
		if _, err := time.Parse(time.DateOnly, req.Date); err != nil {
			return nil, http.StatusBadRequest, fmt.Errorf("bad date %q: want YYYY-MM-DD", req.Date)
		}
	}
	if req.ID == "" {
		req.ID = defaultID
	}
	if len(req.Text) > text.DefaultMaxBytes {
		return nil, http.StatusRequestEntityTooLarge, fmt.Errorf("%s: text of %d bytes exceeds the document limit of %d bytes (that of `onrecord extract` too); split it", req.ID, len(req.Text), text.DefaultMaxBytes)
	}
	// The same reading as the command line's: UTF-8 checked, the date
	// header and the article body found; from a page, its article.
	var d *onrecord.Document
	if media == "text/html" {
		d, err = text.NewHTMLDocument(req.ID, body, r.Header.Get("Content-Type"))
	} else {
		d, err = text.NewDocument(req.ID, []byte(req.Text))
	}
	if err != nil {
		return nil, http.StatusBadRequest, err
	}
	if req.Date != "" {
		d.Date = req.Date // an explicit date wins over the header's
	}
	return d, 0, nil
}
