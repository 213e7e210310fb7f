package server_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
)

// fakeExtractor stands in for the trained pipeline: it marks every
// straight-quoted passage of at least minQuote code points as a direct quote
// by Justin Timberlake, with the nearest "he said"-like source and cue.
type fakeExtractor struct{}

const minQuote = 20

var cueRE = regexp.MustCompile(`\b(He|he|Justin|Timberlake)\b[^"\n]{0,40}?\b(said|wrote|added|adding)\b`)

func (fakeExtractor) Extract(ctx context.Context, d *onrecord.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	cp := func(b int) int { return utf8.RuneCountInString(d.Text[:b]) }
	var marks []int
	for i := 0; i < len(d.Text); i++ {
		if d.Text[i] == '"' {
			marks = append(marks, i)
		}
	}
	for k := 0; k+1 < len(marks); k += 2 {
		a, b := marks[k], marks[k+1]+1
		if utf8.RuneCountInString(d.Text[a:b]) < minQuote {
			continue
		}
		q := onrecord.Attribution{
			Kind:       onrecord.Direct,
			Content:    []onrecord.Span{{Start: cp(a), End: cp(b)}},
			Speaker:    &onrecord.Speaker{Name: "Justin Timberlake", Type: "person"},
			Confidence: 0.9,
		}
		// The attribution follows the quote ("…," he wrote) or precedes it
		// (He said, "…").
		after := d.Text[b:min(len(d.Text), b+60)]
		before := d.Text[max(0, a-60):a]
		if m := cueRE.FindStringSubmatchIndex(after); m != nil {
			q.Source = []onrecord.Span{{Start: cp(b + m[2]), End: cp(b + m[3])}}
			q.Cue = []onrecord.Span{{Start: cp(b + m[4]), End: cp(b + m[5])}}
		} else if ms := cueRE.FindAllStringSubmatchIndex(before, -1); ms != nil {
			m, off := ms[len(ms)-1], a-len(before)
			q.Source = []onrecord.Span{{Start: cp(off + m[2]), End: cp(off + m[3])}}
			q.Cue = []onrecord.Span{{Start: cp(off + m[4]), End: cp(off + m[5])}}
		}
		d.Quotes = append(d.Quotes, q)
	}
	return nil
}

// memStore is an in-memory onrecord.Store for tests: one quote per
// attribution, speakers by exact name, the cursor an offset.
type memStore struct {
	mu   sync.Mutex
	docs map[string]*onrecord.Document
	ids  []string // in insertion order, for deterministic results
}

func newMemStore() *memStore { return &memStore{docs: map[string]*onrecord.Document{}} }

func (m *memStore) Put(ctx context.Context, d *onrecord.Document) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.docs[d.ID]; ok && old.Text == d.Text {
		return false, nil
	}
	if _, ok := m.docs[d.ID]; !ok {
		m.ids = append(m.ids, d.ID)
	}
	c := *d
	c.Quotes = slices.Clone(d.Quotes)
	m.docs[d.ID] = &c
	return true, nil
}

func (m *memStore) Has(ctx context.Context, id, text string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.docs[id]
	return ok && d.Text == text, nil
}

func (m *memStore) hits() []onrecord.Hit {
	var hs []onrecord.Hit
	n := int64(0)
	for _, id := range m.ids {
		d := m.docs[id]
		for _, q := range d.Quotes {
			n++
			h := onrecord.Hit{QuoteID: n, ArticleID: id, Date: d.Date, Kind: q.Kind, Speaker: q.Speaker, Articles: 1}
			if len(q.Content) > 0 {
				h.Span = onrecord.Span{Start: q.Content[0].Start, End: q.Content[len(q.Content)-1].End}
				h.Content = d.Slice(h.Span)
			}
			if len(q.Source) > 0 {
				h.Source = d.Slice(q.Source[0])
			}
			if len(q.Cue) > 0 {
				h.Cue = d.Slice(q.Cue[0])
			}
			hs = append(hs, h)
		}
	}
	return hs
}

func (m *memStore) Search(ctx context.Context, q onrecord.Query) ([]onrecord.Hit, string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []onrecord.Hit
	for _, h := range m.hits() {
		switch {
		case q.Words != "" && !strings.Contains(strings.ToLower(h.Content), strings.ToLower(q.Words)),
			q.Speaker != "" && (h.Speaker == nil || !strings.EqualFold(h.Speaker.Name, q.Speaker)),
			q.Kind != "" && h.Kind != q.Kind,
			!q.Since.IsZero() && h.Date < q.Since.Format(time.DateOnly),
			!q.Until.IsZero() && h.Date > q.Until.Format(time.DateOnly):
			continue
		}
		out = append(out, h)
	}
	from := 0
	if q.Cursor != "" {
		n, err := strconv.Atoi(q.Cursor)
		if err != nil || n < 0 || n > len(out) {
			return nil, "", fmt.Errorf("%w: bad cursor %q", onrecord.ErrBadQuery, q.Cursor)
		}
		from = n
	}
	limit := q.Limit
	if limit <= 0 {
		limit = onrecord.DefaultLimit
	}
	to := min(len(out), from+limit)
	next := ""
	if to < len(out) {
		next = strconv.Itoa(to)
	}
	return out[from:to], next, nil
}

func (m *memStore) Speakers(ctx context.Context, top int) ([]onrecord.SpeakerStat, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var stats []onrecord.SpeakerStat
	seen := map[string]map[string]bool{}
	for _, h := range m.hits() {
		if h.Speaker == nil {
			continue
		}
		i := slices.IndexFunc(stats, func(s onrecord.SpeakerStat) bool { return s.Name == h.Speaker.Name })
		if i < 0 {
			stats = append(stats, onrecord.SpeakerStat{Name: h.Speaker.Name, Type: h.Speaker.Type, Aliases: []string{h.Speaker.Name}})
			seen[h.Speaker.Name] = map[string]bool{}
			i = len(stats) - 1
		}
		stats[i].Quotes++
		if !seen[h.Speaker.Name][h.ArticleID] {
			seen[h.Speaker.Name][h.ArticleID] = true
			stats[i].Articles++
		}
	}
	slices.SortStableFunc(stats, func(a, b onrecord.SpeakerStat) int { return b.Quotes - a.Quotes })
	if top > 0 && top < len(stats) {
		stats = stats[:top]
	}
	return stats, nil
}

func (m *memStore) Article(ctx context.Context, id string) (*onrecord.Document, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.docs[id]
	if !ok {
		return nil, onrecord.ErrNotFound
	}
	c := *d
	return &c, nil
}

func (m *memStore) Close() error { return nil }
