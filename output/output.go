// Package output writes attributions of documents in the formats of
// `onrecord extract --format`: jsonl (one object a document, read by
// ../shared/tools/score_attrib.py and eval.ReadPredictions), text (for
// people), csv (one row an attribution, for spreadsheets) and brat (ID.ann
// and ID.txt files, read by brat and brat.LoadCorpus).
package output

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
)

// Writer writes documents one at a time; Close flushes what is buffered.
type Writer interface {
	Write(d *onrecord.Document) error
	Close() error
}

// Options tune the writers.
type Options struct {
	Color bool   // text: ANSI colours
	Dir   string // brat: directory receiving ID.ann and ID.txt (created if needed)
}

// Formats lists the format names New accepts.
func Formats() []string { return []string{"jsonl", "text", "csv", "brat"} }

// New returns a writer of the named format writing to w (unused by brat,
// which writes files under opt.Dir).
func New(format string, w io.Writer, opt Options) (Writer, error) {
	switch format {
	case "jsonl":
		bw := bufio.NewWriter(w)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		return &jsonlWriter{bw: bw, enc: enc}, nil
	case "text":
		return &textWriter{bw: bufio.NewWriter(w), color: opt.Color}, nil
	case "csv":
		return &csvWriter{cw: csv.NewWriter(w)}, nil
	case "brat":
		if opt.Dir == "" {
			return nil, fmt.Errorf("brat output needs a directory")
		}
		if err := os.MkdirAll(opt.Dir, 0o755); err != nil {
			return nil, fmt.Errorf("brat output: %w", err)
		}
		return &bratWriter{dir: opt.Dir}, nil
	}
	return nil, fmt.Errorf("unknown output format %q (want one of %s)", format, strings.Join(Formats(), ", "))
}

// PartSep joins the texts of the parts of a discontinuous span.
const PartSep = " ... "

// spanText is the text of a span's parts joined by PartSep.
func spanText(d *onrecord.Document, ss []onrecord.Span) string {
	if len(ss) == 1 {
		return d.Slice(ss[0])
	}
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = d.Slice(s)
	}
	return strings.Join(parts, PartSep)
}

type jsonSpan struct {
	Start int      `json:"start"`
	End   int      `json:"end"`
	Text  string   `json:"text"`
	Parts [][2]int `json:"parts,omitempty"`
}

type jsonQuote struct {
	Kind       onrecord.Kind     `json:"kind"`
	Content    *jsonSpan         `json:"content"`
	Cue        *jsonSpan         `json:"cue"`
	Source     *jsonSpan         `json:"source"`
	Speaker    *onrecord.Speaker `json:"speaker"`
	Confidence float64           `json:"confidence"`
}

type jsonDoc struct {
	ID     string      `json:"id"`
	Date   *string     `json:"date"`
	Quotes []jsonQuote `json:"quotes"`
}

// toJSONSpan gives nil for no span. A discontinuous span runs from its
// first start to its last end, lists its parts, and joins their texts
// with PartSep.
func toJSONSpan(d *onrecord.Document, ss []onrecord.Span) *jsonSpan {
	if len(ss) == 0 {
		return nil
	}
	js := &jsonSpan{Start: ss[0].Start, End: ss[0].End, Text: spanText(d, ss)}
	if len(ss) > 1 {
		js.Parts = make([][2]int, len(ss))
		for i, s := range ss {
			js.Start, js.End = min(js.Start, s.Start), max(js.End, s.End)
			js.Parts[i] = [2]int{s.Start, s.End}
		}
	}
	return js
}

// confidence is c within [0, 1], and 0 for NaN, which neither JSON nor a
// spreadsheet can hold.
func confidence(c float64) float64 {
	if math.IsNaN(c) {
		return 0
	}
	return max(0, min(1, c))
}

type jsonlWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

// Write prints d as one line: {"id", "date" (null when unknown), "quotes"}.
// Attributions without content are left out: they attribute nothing.
func (w *jsonlWriter) Write(d *onrecord.Document) error {
	jd := jsonDoc{ID: d.ID, Quotes: make([]jsonQuote, 0, len(d.Quotes))}
	if d.Date != "" {
		jd.Date = &d.Date
	}
	for _, q := range d.Quotes {
		if len(q.Content) == 0 {
			continue
		}
		jd.Quotes = append(jd.Quotes, jsonQuote{
			Kind: q.Kind, Content: toJSONSpan(d, q.Content), Cue: toJSONSpan(d, q.Cue),
			Source: toJSONSpan(d, q.Source), Speaker: q.Speaker, Confidence: confidence(q.Confidence),
		})
	}
	if err := w.enc.Encode(jd); err != nil {
		return fmt.Errorf("write jsonl of %s: %w", d.ID, err)
	}
	return nil
}

func (w *jsonlWriter) Close() error { return w.bw.Flush() }

// ANSI styles of the text format.
const (
	bold  = "\x1b[1m"
	cyan  = "\x1b[36m"
	dim   = "\x1b[2m"
	reset = "\x1b[0m"
)

type textWriter struct {
	bw    *bufio.Writer
	color bool
}

func (w *textWriter) paint(style, s string) string {
	if !w.color {
		return s
	}
	return style + s + reset
}

// Write prints a header line for d, then a block per attribution: who
// (the speaker, else the source as written), kind, cue and source, and the
// content on an indented line with its white space collapsed.
func (w *textWriter) Write(d *onrecord.Document) error {
	head := d.ID
	if d.Date != "" {
		head += " (" + d.Date + ")"
	}
	n := 0
	for _, q := range d.Quotes {
		if len(q.Content) > 0 {
			n++
		}
	}
	plural := "s"
	if n == 1 {
		plural = ""
	}
	fmt.Fprintf(w.bw, "%s\n", w.paint(bold, fmt.Sprintf("== %s: %d attribution%s ==", head, n, plural)))
	for _, q := range d.Quotes {
		if len(q.Content) == 0 {
			continue
		}
		var who string
		switch {
		case q.Speaker != nil && q.Speaker.Name != "":
			who = q.Speaker.Name
			if q.Speaker.Type != "" {
				who += " (" + q.Speaker.Type + ")"
			}
		case len(q.Source) > 0:
			who = strconv.Quote(oneLine(spanText(d, q.Source))) + " (unresolved)"
		default:
			who = "(no source)"
		}
		meta := " — " + string(q.Kind)
		if len(q.Cue) > 0 {
			meta += ", cue " + strconv.Quote(oneLine(spanText(d, q.Cue)))
		}
		if len(q.Source) > 0 {
			meta += ", source " + strconv.Quote(oneLine(spanText(d, q.Source)))
		}
		if q.Confidence > 0 {
			meta += ", confidence " + strconv.FormatFloat(q.Confidence, 'f', 2, 64)
		}
		fmt.Fprintf(w.bw, "\n%s%s\n  %s\n", w.paint(bold+cyan, who), w.paint(dim, meta), oneLine(spanText(d, q.Content)))
	}
	if _, err := w.bw.WriteString("\n"); err != nil {
		return fmt.Errorf("write text of %s: %w", d.ID, err)
	}
	return nil
}

func (w *textWriter) Close() error { return w.bw.Flush() }

// oneLine collapses runs of white space (line breaks too) to one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// csvHeader names the columns of the csv format. Offsets are code points
// into the document's text, end exclusive; a discontinuous content runs
// from its first start to its last end, its parts' texts joined by
// PartSep.
var csvHeader = []string{"id", "date", "kind", "speaker", "speaker_type", "source", "cue", "content",
	"content_start", "content_end", "confidence"}

type csvWriter struct {
	cw     *csv.Writer
	header bool
}

// Write adds a row per attribution with content, after the header line
// before the first document. Texts have their white space collapsed, and
// one that a spreadsheet would read as a formula gets a leading
// apostrophe.
func (w *csvWriter) Write(d *onrecord.Document) error {
	if !w.header {
		w.header = true
		if err := w.cw.Write(csvHeader); err != nil {
			return fmt.Errorf("write csv header: %w", err)
		}
	}
	for _, q := range d.Quotes {
		if len(q.Content) == 0 {
			continue
		}
		var name, typ string
		if q.Speaker != nil {
			name, typ = q.Speaker.Name, q.Speaker.Type
		}
		c := toJSONSpan(d, q.Content)
		row := []string{cell(d.ID), d.Date, string(q.Kind), cell(name), typ,
			cell(oneLine(spanText(d, q.Source))), cell(oneLine(spanText(d, q.Cue))), cell(oneLine(c.Text)),
			strconv.Itoa(c.Start), strconv.Itoa(c.End), strconv.FormatFloat(confidence(q.Confidence), 'f', 3, 64)}
		if err := w.cw.Write(row); err != nil {
			return fmt.Errorf("write csv of %s: %w", d.ID, err)
		}
	}
	return nil
}

func (w *csvWriter) Close() error {
	w.cw.Flush()
	return w.cw.Error()
}

// cell guards a text cell against formula injection: spreadsheets run a
// cell starting with =, +, - or @ as a formula.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

type bratWriter struct{ dir string }

// Write stores ID.txt (d.Text as is) and ID.ann, without a .txt extension
// of the ID; an ID with folders ("2019/story", from a tree of files) is
// written in those folders under the directory, so that same-named files
// of different folders stay apart. An ID that would leave the directory is
// an error.
func (w *bratWriter) Write(d *onrecord.Document) error {
	id := filepath.FromSlash(strings.TrimSuffix(d.ID, ".txt"))
	if !filepath.IsLocal(id) || strings.HasSuffix(d.ID, "/") {
		return fmt.Errorf("brat output: document ID %q is not a file name", d.ID)
	}
	base := filepath.Join(w.dir, id)
	if err := os.MkdirAll(filepath.Dir(base), 0o755); err != nil {
		return fmt.Errorf("brat output: %w", err)
	}
	if err := os.WriteFile(base+".txt", []byte(d.Text), 0o644); err != nil {
		return fmt.Errorf("brat output: %w", err)
	}
	f, err := os.Create(base + ".ann")
	if err != nil {
		return fmt.Errorf("brat output: %w", err)
	}
	if err := brat.Write(f, d); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("brat output: %w", err)
	}
	return nil
}

func (w *bratWriter) Close() error { return nil }
