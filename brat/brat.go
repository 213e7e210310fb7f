// Package brat reads and writes attributions in the brat standoff layout of
// PolNeAR: T lines hold Source, Cue and Content spans (possibly discontinuous,
// "a b;c d"), and an E line (Attribution or Attribution-no-source) joins them.
//
// Reading follows ../shared/tools/score_attrib.py exactly, because the eval
// package must reproduce its figures: every event with a Content role is an
// attribution; numbered roles (Content2, Cue2, ...) merge into their role;
// T lines of other labels (Discuss, Discard) and notes are used only when an
// event refers to them, which PolNeAR never does.
package brat

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/onrecord/onrecord"
)

// GoldDoc is one annotated article.
type GoldDoc struct {
	ID     string
	Text   string
	Quotes []onrecord.Attribution
	File   string // the .ann file the quotes come from
}

type tspan struct {
	label string
	spans []onrecord.Span
}

// Read parses a .ann file annotating text and returns its attributions in
// event order. Span parts are sorted in text order; Kind is Direct when the
// content is a quotation (IsDirect), Mixed when it holds a double-quoted
// fragment, Indirect otherwise.
func Read(r io.Reader, text string) ([]onrecord.Attribution, error) {
	runes := []rune(text)
	spans := map[string]tspan{}
	var events []map[string][]string
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("read ann: %w", err)
		}
		if line == "" && err != nil {
			break
		}
		line = strings.TrimRight(line, "\r\n")
		switch {
		case isID(line, 'T'):
			f := strings.Split(line, "\t")
			label, rest, ok := strings.Cut(f[1], " ")
			if !ok {
				return nil, fmt.Errorf("ann line %d: no span in %q", n, f[1])
			}
			ss, perr := parseSpans(rest, len(runes))
			if perr != nil {
				return nil, fmt.Errorf("ann line %d: %w", n, perr)
			}
			spans[f[0]] = tspan{label, ss}
		case isID(line, 'E'):
			roles := map[string][]string{}
			for _, kv := range strings.Fields(strings.Split(line, "\t")[1]) {
				k, v, ok := strings.Cut(kv, ":")
				if !ok || strings.Contains(v, ":") {
					return nil, fmt.Errorf("ann line %d: bad role %q", n, kv)
				}
				k = strings.TrimRight(k, "0123456789")
				roles[k] = append(roles[k], v)
			}
			events = append(events, roles)
		}
		if err != nil {
			break
		}
	}
	var out []onrecord.Attribution
	for _, ev := range events {
		get := func(role string) []onrecord.Span {
			var ss []onrecord.Span
			for _, id := range ev[role] {
				if t, ok := spans[id]; ok {
					ss = append(ss, t.spans...)
				}
			}
			sortSpans(ss)
			return ss
		}
		content := get("Content")
		if len(content) == 0 {
			continue
		}
		out = append(out, onrecord.Attribution{
			Kind:       KindOf(runes, content),
			Content:    content,
			Cue:        get("Cue"),
			Source:     get("Source"),
			Confidence: 1,
		})
	}
	return out, nil
}

// isID tells whether line starts like "T12\t" (for c = 'T').
func isID(line string, c byte) bool {
	if len(line) < 3 || line[0] != c {
		return false
	}
	i := 1
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 1 && i < len(line) && line[i] == '\t'
}

// parseSpans reads "a b;c d". Parts must lie inside the text: a span
// outside it means the .ann belongs to another text.
func parseSpans(s string, n int) ([]onrecord.Span, error) {
	var out []onrecord.Span
	for _, part := range strings.Split(s, ";") {
		f := strings.Fields(part)
		if len(f) != 2 {
			return nil, fmt.Errorf("bad span %q", part)
		}
		a, err1 := strconv.Atoi(f[0])
		b, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil || a < 0 || b < a || b > n {
			return nil, fmt.Errorf("bad span %q for a text of %d code points", part, n)
		}
		out = append(out, onrecord.Span{Start: a, End: b})
	}
	return out, nil
}

func sortSpans(ss []onrecord.Span) {
	sort.Slice(ss, func(i, j int) bool {
		if ss[i].Start != ss[j].Start {
			return ss[i].Start < ss[j].Start
		}
		return ss[i].End < ss[j].End
	})
}

// KindOf classifies a content the way PolNeAR's scorer sees it: direct when
// IsDirect, mixed when a part holds a quotation mark, indirect otherwise.
func KindOf(runes []rune, content []onrecord.Span) onrecord.Kind {
	if IsDirect(runes, content) {
		return onrecord.Direct
	}
	for _, s := range content {
		for _, r := range PySlice(runes, s.Start, s.End) {
			if r == '"' || r == '“' || r == '”' {
				return onrecord.Mixed
			}
		}
	}
	return onrecord.Indirect
}

// IsDirect is score_attrib.py's is_direct: the text from the first content
// code point to the last, stripped of white space and then of " ,.", is
// longer than two code points, opens with " or “ and closes with " or ”.
func IsDirect(text []rune, content []onrecord.Span) bool {
	if len(content) == 0 {
		return false
	}
	s, e := content[0].Start, content[0].End
	for _, p := range content[1:] {
		s, e = min(s, p.Start), max(e, p.End)
	}
	seg := PySlice(text, s, e)
	seg = trimRunes(seg, IsPySpace)
	inner := trimRunes(seg, func(r rune) bool { return r == ' ' || r == ',' || r == '.' })
	if len(inner) <= 2 {
		return false
	}
	first, last := inner[0], inner[len(inner)-1]
	return (first == '"' || first == '“') && (last == '"' || last == '”')
}

// PySlice is Python's text[a:b] on code points: negative bounds count from
// the end, out-of-range bounds are clamped, and a >= b gives nothing.
func PySlice(text []rune, a, b int) []rune {
	n := len(text)
	fix := func(x int) int {
		if x < 0 {
			x += n
		}
		return max(0, min(x, n))
	}
	a, b = fix(a), fix(b)
	if a >= b {
		return nil
	}
	return text[a:b]
}

// IsPySpace is Python's str.isspace for one code point (also what \s and
// str.strip() use): Go's unicode.IsSpace plus the separators U+001C–U+001F.
func IsPySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

func trimRunes(rs []rune, cut func(rune) bool) []rune {
	for len(rs) > 0 && cut(rs[0]) {
		rs = rs[1:]
	}
	for len(rs) > 0 && cut(rs[len(rs)-1]) {
		rs = rs[:len(rs)-1]
	}
	return rs
}

// Write prints d.Quotes as a .ann file in PolNeAR's shape: per attribution a
// Source, Cue and Content T line, a trigger T line over the cue (the content
// when there is no cue) and an Attribution or Attribution-no-source event.
// Parts are split at line breaks, as brat itself does, since a .ann line
// cannot hold one; empty parts are dropped and an attribution with no
// content left is skipped. A speaker is kept as an AnnotatorNotes line.
func Write(w io.Writer, d *onrecord.Document) error {
	runes := []rune(d.Text)
	bw := bufio.NewWriter(w)
	t, e := 0, 0
	tline := func(label string, ss []onrecord.Span) int {
		t++
		var pos, txt []string
		for _, s := range ss {
			pos = append(pos, strconv.Itoa(s.Start)+" "+strconv.Itoa(s.End))
			txt = append(txt, string(runes[s.Start:s.End]))
		}
		fmt.Fprintf(bw, "T%d\t%s %s\t%s\n", t, label, strings.Join(pos, ";"), strings.Join(txt, " "))
		return t
	}
	for qi, q := range d.Quotes {
		var parts [3][]onrecord.Span
		for k, ss := range [3][]onrecord.Span{q.Source, q.Cue, q.Content} {
			for _, s := range ss {
				if s.Start < 0 || s.End > len(runes) || s.Start > s.End {
					return fmt.Errorf("write ann of %s: quote %d: span [%d,%d) outside a text of %d code points",
						d.ID, qi, s.Start, s.End, len(runes))
				}
				parts[k] = append(parts[k], splitLines(runes, s)...)
			}
			sortSpans(parts[k])
		}
		src, cue, content := parts[0], parts[1], parts[2]
		if len(content) == 0 {
			continue
		}
		roles := fmt.Sprintf(" Content:T%d", tline("Content", content))
		trig := content
		if len(cue) > 0 {
			roles += fmt.Sprintf(" Cue:T%d", tline("Cue", cue))
			trig = cue
		}
		if len(src) > 0 {
			roles += fmt.Sprintf(" Source:T%d", tline("Source", src))
		}
		typ := "Attribution"
		if len(src) == 0 {
			typ = "Attribution-no-source"
		}
		tr := tline(typ, trig)
		e++
		fmt.Fprintf(bw, "E%d\t%s:T%d%s\n", e, typ, tr, roles)
		if q.Speaker != nil {
			fmt.Fprintf(bw, "#%d\tAnnotatorNotes E%d\tspeaker: %s (%s)\n", e, e, oneLine(q.Speaker.Name), oneLine(q.Speaker.Type))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write ann of %s: %w", d.ID, err)
	}
	return nil
}

// splitLines cuts s at \n and \r, leaving the breaks out.
func splitLines(runes []rune, s onrecord.Span) []onrecord.Span {
	var out []onrecord.Span
	a := s.Start
	for i := s.Start; i <= s.End; i++ {
		if i == s.End || runes[i] == '\n' || runes[i] == '\r' {
			if i > a {
				out = append(out, onrecord.Span{Start: a, End: i})
			}
			a = i + 1
		}
	}
	return out
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

var annotator = regexp.MustCompile(`_[0-9a-f]{4}$`)

// LoadCorpus reads a directory of annotated articles. In the PolNeAR layout
// (text/ID.txt and attributions/ID[_xxxx].ann) an article annotated by
// several annotators takes the first .ann file in sorted order, exactly as
// score_attrib.py does; without an attributions/ directory, .ann and .txt
// files are read side by side from dir itself (brat's own layout, as written
// by the output package). Articles without a text file are skipped. Docs come
// in the order of their chosen .ann files.
func LoadCorpus(dir string) ([]GoldDoc, error) {
	annDir, textDir := filepath.Join(dir, "attributions"), filepath.Join(dir, "text")
	if fi, err := os.Stat(annDir); err != nil || !fi.IsDir() {
		annDir, textDir = dir, dir
	}
	files, err := filepath.Glob(filepath.Join(annDir, "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", annDir, err)
	}
	sort.Strings(files)
	seen := map[string]bool{}
	var out []GoldDoc
	for _, f := range files {
		stem := strings.TrimSuffix(filepath.Base(f), ".ann")
		if strings.HasPrefix(stem, ".") { // Python's glob skips hidden files
			continue
		}
		id := annotator.ReplaceAllString(stem, "")
		if seen[id] {
			continue
		}
		seen[id] = true
		text, err := os.ReadFile(filepath.Join(textDir, id+".txt"))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read text of %s: %w", id, err)
		}
		fh, err := os.Open(f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f, err)
		}
		qs, err := Read(fh, string(text))
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f, err)
		}
		out = append(out, GoldDoc{ID: id, Text: string(text), Quotes: qs, File: f})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no annotated articles (.ann with a .txt) under %s", dir)
	}
	return out, nil
}
