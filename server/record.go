package server

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/onrecord/onrecord"
)

// Bounds of the page sizes a client may ask for.
const (
	maxLimit   = 500
	defaultTop = 100
	maxTop     = 10000
)

// needStore answers 503 when the server runs without a record.
func (s *server) needStore(w http.ResponseWriter) bool {
	if s.st == nil {
		writeError(w, http.StatusServiceUnavailable, "no quote record: the server was started without a database, so only /v1/extract works")
		return false
	}
	return true
}

type quotesResponse struct {
	Quotes []onrecord.Hit `json:"quotes"`
	Next   string         `json:"next,omitempty"` // cursor of the next page
}

func (s *server) quotes(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w) {
		return
	}
	q, err := parseQuery(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	hits, next, err := s.st.Search(r.Context(), q)
	if errors.Is(err, onrecord.ErrBadQuery) {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if err != nil {
		s.storeFailed(w, r, "search", err)
		return
	}
	if hits == nil {
		hits = []onrecord.Hit{}
	}
	writeJSON(w, http.StatusOK, quotesResponse{Quotes: hits, Next: next})
}

// parseQuery reads the filters of GET /v1/quotes.
func parseQuery(r *http.Request) (onrecord.Query, error) {
	v := r.URL.Query()
	q := onrecord.Query{Words: v.Get("q"), Speaker: v.Get("speaker"), Cursor: v.Get("cursor")}
	var err error
	if q.Since, err = parseDate("since", v.Get("since")); err != nil {
		return q, err
	}
	if q.Until, err = parseDate("until", v.Get("until")); err != nil {
		return q, err
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && q.Until.Before(q.Since) {
		return q, fmt.Errorf("until %s is before since %s", v.Get("until"), v.Get("since"))
	}
	switch k := onrecord.Kind(v.Get("kind")); k {
	case "", onrecord.Direct, onrecord.Indirect, onrecord.Mixed:
		q.Kind = k
	default:
		return q, fmt.Errorf("bad kind %q: want direct, indirect or mixed", k)
	}
	if c := v.Get("min_confidence"); c != "" {
		f, err := strconv.ParseFloat(c, 64)
		if err != nil || f < 0 || f > 1 {
			return q, fmt.Errorf("bad min_confidence %q: want a number from 0 to 1", c)
		}
		q.MinConfidence = f
	}
	// Without a limit the store's default page size applies.
	if q.Limit, err = parseCount("limit", v.Get("limit"), 0, maxLimit); err != nil {
		return q, err
	}
	return q, nil
}

func parseDate(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return t, fmt.Errorf("bad %s date %q: want YYYY-MM-DD", name, s)
	}
	return t, nil
}

// parseCount reads a positive integer parameter; larger values are capped
// at max rather than refused, so clients need not know the bound.
func parseCount(name, s string, def, max int) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("bad %s %q: want a positive integer", name, s)
	}
	return min(n, max), nil
}

type speakersResponse struct {
	Speakers []onrecord.SpeakerStat `json:"speakers"`
}

func (s *server) speakers(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w) {
		return
	}
	top, err := parseCount("top", r.URL.Query().Get("top"), defaultTop, maxTop)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	sp, err := s.topSpeakers.get(r.Context(), top)
	if err != nil {
		s.storeFailed(w, r, "speakers", err)
		return
	}
	if sp == nil {
		sp = []onrecord.SpeakerStat{}
	}
	writeJSON(w, http.StatusOK, speakersResponse{Speakers: sp})
}

func (s *server) article(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w) {
		return
	}
	id := r.PathValue("id")
	d, err := s.st.Article(r.Context(), id)
	if errors.Is(err, onrecord.ErrNotFound) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no article %q in the record", id))
		return
	}
	if err != nil {
		s.storeFailed(w, r, "article "+id, err)
		return
	}
	b, err := encodeArticle(d)
	writeEncoded(w, b, err)
}

// storeFailed reports a record error without leaking its details, which
// may name files or SQL, to the client.
func (s *server) storeFailed(w http.ResponseWriter, r *http.Request, what string, err error) {
	if r.Context().Err() != nil {
		return
	}
	s.log.Error("store", "op", what, "err", err)
	writeError(w, http.StatusInternalServerError, what+": the quote record failed; see the server log")
}
