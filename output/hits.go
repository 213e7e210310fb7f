package output

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/onrecord/onrecord"
)

// HitWriter writes the hits of `onrecord search`; Close flushes.
type HitWriter interface {
	Write(h onrecord.Hit) error
	Close() error
}

// HitFormats lists the format names NewHits accepts.
func HitFormats() []string { return []string{"jsonl", "text", "csv"} }

// NewHits returns a writer of search hits in the named format: jsonl (one
// Hit object a line, as GET /v1/quotes returns them), text (a block a hit,
// for people) or csv (a row a hit, texts guarded as in the csv format).
func NewHits(format string, w io.Writer, opt Options) (HitWriter, error) {
	bw := bufio.NewWriter(w)
	switch format {
	case "jsonl":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		return &jsonlHits{bw: bw, enc: enc}, nil
	case "text":
		return &textHits{textWriter{bw: bw, color: opt.Color}}, nil
	case "csv":
		return &csvHits{cw: csv.NewWriter(w)}, nil
	}
	return nil, fmt.Errorf("unknown search output format %q (want one of %s)", format, strings.Join(HitFormats(), ", "))
}

type jsonlHits struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

func (w *jsonlHits) Write(h onrecord.Hit) error {
	h.Confidence = confidence(h.Confidence)
	if err := w.enc.Encode(h); err != nil {
		return fmt.Errorf("write hit of quote %d: %w", h.QuoteID, err)
	}
	return nil
}

func (w *jsonlHits) Close() error { return w.bw.Flush() }

type textHits struct{ textWriter }

// Write prints the speaker, the kind, article and date, how many articles
// report the quote, and the content (the snippet with the searched words
// marked, when there is one) on an indented line.
func (w *textHits) Write(h onrecord.Hit) error {
	who := "(no speaker)"
	if h.Speaker != nil {
		who = h.Speaker.Name
	}
	meta := fmt.Sprintf(" — %s, %s", h.Kind, h.ArticleID)
	if h.Date != "" {
		meta += " " + h.Date
	}
	meta += fmt.Sprintf(", confidence %.2f", confidence(h.Confidence))
	if h.Articles > 1 {
		meta += fmt.Sprintf(", in %d articles", h.Articles)
	}
	text := h.Content
	if h.Snippet != "" {
		text = h.Snippet
	}
	if _, err := fmt.Fprintf(w.bw, "%s%s\n  %s\n\n", w.paint(bold+cyan, who), w.paint(dim, meta), oneLine(text)); err != nil {
		return fmt.Errorf("write hit of quote %d: %w", h.QuoteID, err)
	}
	return nil
}

// hitHeader names the columns of search hits in csv; offsets are code
// points into the article's text, end exclusive.
var hitHeader = []string{"quote_id", "article_id", "date", "kind", "speaker", "speaker_type", "source", "cue", "content",
	"content_start", "content_end", "confidence", "articles"}

type csvHits struct {
	cw     *csv.Writer
	header bool
}

func (w *csvHits) Write(h onrecord.Hit) error {
	if !w.header {
		w.header = true
		if err := w.cw.Write(hitHeader); err != nil {
			return fmt.Errorf("write csv header: %w", err)
		}
	}
	var name, typ string
	if h.Speaker != nil {
		name, typ = h.Speaker.Name, h.Speaker.Type
	}
	row := []string{strconv.FormatInt(h.QuoteID, 10), cell(h.ArticleID), h.Date, string(h.Kind), cell(name), typ,
		cell(oneLine(h.Source)), cell(oneLine(h.Cue)), cell(oneLine(h.Content)),
		strconv.Itoa(h.Span.Start), strconv.Itoa(h.Span.End), strconv.FormatFloat(confidence(h.Confidence), 'f', 3, 64),
		strconv.Itoa(h.Articles)}
	if err := w.cw.Write(row); err != nil {
		return fmt.Errorf("write csv of quote %d: %w", h.QuoteID, err)
	}
	return nil
}

func (w *csvHits) Close() error {
	w.cw.Flush()
	return w.cw.Error()
}
