// Package eval scores attributions against PolNeAR gold annotations with
// exactly the metrics, matching and rounding of ../shared/tools/score_attrib.py
// (whose header defines them), scores the text foundation (tokens,
// sentences, tags, dependencies) against the silver analysis, and measures
// how well pronoun sources are resolved to speakers.
package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
)

// PRF is a precision/recall/F1 triple, each rounded like Python's round(x, 4).
type PRF struct {
	P  float64 `json:"P"`
	R  float64 `json:"R"`
	F1 float64 `json:"F1"`
}

// Result holds the figures of score_attrib.py.
type Result struct {
	Docs           int `json:"docs"`
	DocsMissing    int `json:"docs_missing"`
	Gold           int `json:"gold"`
	Pred           int `json:"pred"`
	ContentOverlap PRF `json:"content_overlap"`
	ContentExact   PRF `json:"content_exact"`
	ContentToken   PRF `json:"content_token"`
	SourceOverlap  PRF `json:"source_overlap"`
	CueOverlap     PRF `json:"cue_overlap"`
	FullOverlap    PRF `json:"full_overlap"`
	DirectOverlap  PRF `json:"direct_overlap"`
}

// iv is a set of code points as sorted, disjoint, non-empty half-open
// intervals: score_attrib.py compares spans as sets of code points.
type iv []onrecord.Span

func toSet(ss []onrecord.Span) iv {
	var out iv
	for _, s := range ss {
		if s.End > s.Start {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	w := 0
	for _, s := range out {
		if w > 0 && s.Start <= out[w-1].End {
			out[w-1].End = max(out[w-1].End, s.End)
			continue
		}
		out[w] = s
		w++
	}
	return out[:w]
}

func (a iv) size() int {
	n := 0
	for _, s := range a {
		n += s.Len()
	}
	return n
}

// overlap is the number of code points a and b share.
func overlap(a, b iv) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		lo, hi := max(a[i].Start, b[j].Start), min(a[i].End, b[j].End)
		if hi > lo {
			n += hi - lo
		}
		if a[i].End < b[j].End {
			i++
		} else {
			j++
		}
	}
	return n
}

type pair struct{ o, i, j int }

// match pairs predicted (i) with gold (j) contents one to one, greedily by
// shared code points; ties go to the larger i, then the larger j, because
// the script sorts (overlap, i, j) tuples in reverse.
func match(pred, gold []iv) []pair {
	var pairs []pair
	for i, p := range pred {
		for j, g := range gold {
			if o := overlap(p, g); o > 0 {
				pairs = append(pairs, pair{o, i, j})
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool {
		x, y := pairs[a], pairs[b]
		if x.o != y.o {
			return x.o > y.o
		}
		if x.i != y.i {
			return x.i > y.i
		}
		return x.j > y.j
	})
	usedP, usedG := make([]bool, len(pred)), make([]bool, len(gold))
	var out []pair
	for _, p := range pairs {
		if usedP[p.i] || usedG[p.j] {
			continue
		}
		usedP[p.i], usedG[p.j] = true, true
		out = append(out, p)
	}
	return out
}

// trimChars is TRIM of the script: characters stripped from both ends of a
// content before the exact comparison.
const trimChars = " \t\r\n\u00a0.,;:!?\"'\u201c\u201d\u2018\u2019\u00ab\u00bb-\u2014\u2013()[]"

// trimmed is the script's trimmed(): parts in sorted order, each with runs
// of white space collapsed to one space, joined by spaces, ends trimmed.
func trimmed(text []rune, spans []onrecord.Span) string {
	ss := append([]onrecord.Span(nil), spans...)
	sort.Slice(ss, func(i, j int) bool {
		if ss[i].Start != ss[j].Start {
			return ss[i].Start < ss[j].Start
		}
		return ss[i].End < ss[j].End
	})
	var b strings.Builder
	for k, s := range ss {
		if k > 0 {
			b.WriteByte(' ')
		}
		space := false
		for _, r := range brat.PySlice(text, s.Start, s.End) {
			if brat.IsPySpace(r) {
				space = true
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
		if space {
			b.WriteByte(' ')
		}
	}
	return strings.Trim(b.String(), trimChars)
}

type counts struct {
	np, ng, m, ex, pc, gc, sc, srcP, srcG, srcM, cueP, cueG, cueM, full, dnp, dng, dm int
}

// Score compares predictions (by document ID) with the gold documents.
// Predictions for IDs not in gold are ignored; a gold document without
// predictions counts in DocsMissing and as having none. Gold directness is
// recomputed from the text (brat.IsDirect), predicted directness is
// Kind == direct; attributions without content are not counted.
func Score(gold []brat.GoldDoc, preds map[string][]onrecord.Attribution) Result {
	return scoreSpans(gold, preds, func(text []rune, g onrecord.Attribution) bool { return brat.IsDirect(text, g.Content) })
}

// scoreSpans is Score with the gold directness given by direct.
func scoreSpans(gold []brat.GoldDoc, preds map[string][]onrecord.Attribution, direct func(text []rune, g onrecord.Attribution) bool) Result {
	var c counts
	missing := 0
	for _, gd := range gold {
		pr, ok := preds[gd.ID]
		if !ok {
			missing++
		}
		text := []rune(gd.Text)
		var patts []onrecord.Attribution
		for _, q := range pr {
			if len(q.Content) > 0 {
				patts = append(patts, q)
			}
		}
		gatts := gd.Quotes
		c.np += len(patts)
		c.ng += len(gatts)
		pch, gch := contentSets(patts), contentSets(gatts)
		for _, s := range pch {
			c.pc += s.size()
		}
		for _, s := range gch {
			c.gc += s.size()
		}
		matched := match(pch, gch)
		c.m += len(matched)
		for _, p := range patts {
			c.srcP += b2i(len(p.Source) > 0)
			c.cueP += b2i(len(p.Cue) > 0)
			c.dnp += b2i(p.Kind == onrecord.Direct)
		}
		gdirect := make([]bool, len(gatts))
		for j, g := range gatts {
			gdirect[j] = direct(text, g)
			c.srcG += b2i(len(g.Source) > 0)
			c.cueG += b2i(len(g.Cue) > 0)
			c.dng += b2i(gdirect[j])
		}
		for _, m := range matched {
			c.sc += m.o
			p, g := patts[m.i], gatts[m.j]
			if trimmed(text, p.Content) == trimmed(text, g.Content) {
				c.ex++
			}
			so := overlap(toSet(p.Source), toSet(g.Source)) > 0
			co := overlap(toSet(p.Cue), toSet(g.Cue)) > 0
			c.srcM += b2i(so)
			c.cueM += b2i(co)
			if co && (so || (len(p.Source) == 0 && len(g.Source) == 0)) {
				c.full++
			}
			if p.Kind == onrecord.Direct && gdirect[m.j] {
				c.dm++
			}
		}
	}
	return Result{
		Docs: len(gold), DocsMissing: missing, Gold: c.ng, Pred: c.np,
		ContentOverlap: prf(c.m, c.np, c.m, c.ng),
		ContentExact:   prf(c.ex, c.np, c.ex, c.ng),
		ContentToken:   prf(c.sc, c.pc, c.sc, c.gc),
		SourceOverlap:  prf(c.srcM, c.srcP, c.srcM, c.srcG),
		CueOverlap:     prf(c.cueM, c.cueP, c.cueM, c.cueG),
		FullOverlap:    prf(c.full, c.np, c.full, c.ng),
		DirectOverlap:  prf(c.dm, c.dnp, c.dm, c.dng),
	}
}

func contentSets(qs []onrecord.Attribution) []iv {
	out := make([]iv, len(qs))
	for i, q := range qs {
		out[i] = toSet(q.Content)
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func prf(tpP, nP, tpR, nR int) PRF {
	var p, r, f float64
	if nP > 0 {
		p = float64(tpP) / float64(nP)
	}
	if nR > 0 {
		r = float64(tpR) / float64(nR)
	}
	if p+r != 0 {
		f = float64(2*p*r) / float64(p+r)
	}
	return PRF{pyRound4(p), pyRound4(r), pyRound4(f)}
}

// pyRound4 is Python's round(x, 4): the exact binary value rounded to four
// decimals, half to even — what strconv's fixed formatting does too.
// math.Round(x*1e4)/1e4 differs, as x*1e4 is itself rounded.
func pyRound4(x float64) float64 {
	v, err := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	if err != nil || math.IsNaN(v) {
		return 0
	}
	return v
}

// pyFloat is Python's repr of a score: scores are 0 or at least 0.0001, so
// repr never uses an exponent, and whole numbers end in ".0".
func pyFloat(x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

func (p PRF) py(quote byte) string {
	q := string(quote)
	return "{" + q + "P" + q + ": " + pyFloat(p.P) + ", " + q + "R" + q + ": " + pyFloat(p.R) +
		", " + q + "F1" + q + ": " + pyFloat(p.F1) + "}"
}

// field is one figure of the scripts' output: its name and its value as
// Python writes it, strings quoted with q (' for repr, " for JSON).
type field struct {
	name string
	py   func(q byte) string
}

func intField(name string, n int) field {
	return field{name, func(byte) string { return strconv.Itoa(n) }}
}

func prfField(name string, p PRF) field { return field{name, p.py} }

func (r *Result) fields() []field {
	return []field{
		intField("docs", r.Docs), intField("docs_missing", r.DocsMissing), intField("gold", r.Gold), intField("pred", r.Pred),
		prfField("content_overlap", r.ContentOverlap), prfField("content_exact", r.ContentExact),
		prfField("content_token", r.ContentToken), prfField("source_overlap", r.SourceOverlap),
		prfField("cue_overlap", r.CueOverlap), prfField("full_overlap", r.FullOverlap),
		prfField("direct_overlap", r.DirectOverlap),
	}
}

// Print writes the script's text output: one "name value" line a figure,
// the name padded to 16 columns, the triples as Python dict reprs.
func (r Result) Print(w io.Writer) error { return printFields(w, r.fields()) }

// PrintJSON writes the script's --json output byte for byte (json.dumps
// separators ", " and ": "), with a final newline.
func (r Result) PrintJSON(w io.Writer) error { return printFieldsJSON(w, r.fields()) }

func printFields(w io.Writer, fs []field) error {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%-16s %s\n", f.name, f.py('\''))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func printFieldsJSON(w io.Writer, fs []field) error {
	var b strings.Builder
	b.WriteByte('{')
	for k, f := range fs {
		if k > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q: %s", f.name, f.py('"'))
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// ReadPredictions reads the JSONL of `extract --format jsonl` the way the
// script's load_preds does: the ID is the base name of "id" without .txt, a
// later line for the same ID replaces an earlier one, and spans are read
// as the script reads them ({"start","end"}, {"parts": [[s,e],...]} or
// {"parts": [{"start","end"},...]}, or a list of {"start","end"}; anything
// empty or of another type is no span). Kind, speaker and confidence are
// kept for the other metrics.
func ReadPredictions(r io.Reader) (map[string][]onrecord.Attribution, error) {
	out := map[string][]onrecord.Attribution{}
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("read predictions: %w", err)
		}
		if s := strings.TrimSpace(line); s != "" {
			id, qs, perr := parsePredLine(s)
			if perr != nil {
				return nil, fmt.Errorf("predictions line %d: %w", n, perr)
			}
			out[id] = qs
		}
		if err != nil {
			return out, nil
		}
	}
}

func parsePredLine(s string) (string, []onrecord.Attribution, error) {
	var o map[string]json.RawMessage
	if err := json.Unmarshal([]byte(s), &o); err != nil {
		return "", nil, err
	}
	var id string
	if raw, ok := o["id"]; ok {
		if err := json.Unmarshal(raw, &id); err != nil {
			return "", nil, fmt.Errorf("id: %w", err)
		}
	}
	if i := strings.LastIndexByte(id, '/'); i >= 0 {
		id = id[i+1:]
	}
	id = strings.TrimSuffix(id, ".txt")
	var quotes []map[string]json.RawMessage
	if raw := o["quotes"]; !falsy(raw) {
		if err := json.Unmarshal(raw, &quotes); err != nil {
			return "", nil, fmt.Errorf("%s: quotes: %w", id, err)
		}
	}
	qs := make([]onrecord.Attribution, 0, len(quotes))
	for k, q := range quotes {
		var a onrecord.Attribution
		var err error
		if a.Content, err = predSpans(q["content"]); err != nil {
			return "", nil, fmt.Errorf("%s: quote %d: content: %w", id, k, err)
		}
		if a.Cue, err = predSpans(q["cue"]); err != nil {
			return "", nil, fmt.Errorf("%s: quote %d: cue: %w", id, k, err)
		}
		if a.Source, err = predSpans(q["source"]); err != nil {
			return "", nil, fmt.Errorf("%s: quote %d: source: %w", id, k, err)
		}
		// Optional descriptive fields: a value of another type is ignored,
		// as the script ignores them altogether.
		var kind string
		if json.Unmarshal(q["kind"], &kind) == nil {
			a.Kind = onrecord.Kind(kind)
		}
		var sp onrecord.Speaker
		if !falsy(q["speaker"]) && json.Unmarshal(q["speaker"], &sp) == nil {
			a.Speaker = &sp
		}
		var conf float64
		if json.Unmarshal(q["confidence"], &conf) == nil {
			a.Confidence = conf
		}
		qs = append(qs, a)
	}
	return id, qs, nil
}

// falsy tells whether a JSON value is false in Python (absent, null, false,
// 0, "", [], {}).
func falsy(raw json.RawMessage) bool {
	s := strings.TrimSpace(string(raw))
	switch s {
	case "", "null", "false", `""`:
		return true
	}
	if len(s) >= 2 && (s[0] == '[' || s[0] == '{') {
		inner := strings.TrimSpace(s[1 : len(s)-1])
		return inner == ""
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f == 0
	}
	return false
}

func predSpans(raw json.RawMessage) ([]onrecord.Span, error) {
	if falsy(raw) {
		return nil, nil
	}
	switch strings.TrimSpace(string(raw))[0] {
	case '{':
		var o map[string]json.RawMessage
		if err := json.Unmarshal(raw, &o); err != nil {
			return nil, err
		}
		if parts := o["parts"]; !falsy(parts) {
			var ps []json.RawMessage
			if err := json.Unmarshal(parts, &ps); err != nil {
				return nil, fmt.Errorf("parts: %w", err)
			}
			out := make([]onrecord.Span, 0, len(ps))
			for _, p := range ps {
				s, err := partSpan(p)
				if err != nil {
					return nil, err
				}
				out = append(out, s)
			}
			return out, nil
		}
		s, err := objSpan(o)
		if err != nil {
			return nil, err
		}
		return []onrecord.Span{s}, nil
	case '[':
		var ps []map[string]json.RawMessage
		if err := json.Unmarshal(raw, &ps); err != nil {
			return nil, err
		}
		out := make([]onrecord.Span, 0, len(ps))
		for _, p := range ps {
			s, err := objSpan(p)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, nil
}

// partSpan reads one element of "parts": [s, e] or {"start","end"}.
func partSpan(raw json.RawMessage) (onrecord.Span, error) {
	var arr []json.RawMessage
	if json.Unmarshal(raw, &arr) == nil {
		if len(arr) < 2 {
			return onrecord.Span{}, fmt.Errorf("part %s: want [start, end]", raw)
		}
		a, err1 := pyInt(arr[0])
		b, err2 := pyInt(arr[1])
		if err := errors.Join(err1, err2); err != nil {
			return onrecord.Span{}, err
		}
		return onrecord.Span{Start: a, End: b}, nil
	}
	var o map[string]json.RawMessage
	if err := json.Unmarshal(raw, &o); err != nil {
		return onrecord.Span{}, fmt.Errorf("part %s: %w", raw, err)
	}
	return objSpan(o)
}

func objSpan(o map[string]json.RawMessage) (onrecord.Span, error) {
	a, err1 := pyInt(o["start"])
	b, err2 := pyInt(o["end"])
	if err := errors.Join(err1, err2); err != nil {
		return onrecord.Span{}, err
	}
	return onrecord.Span{Start: a, End: b}, nil
}

// pyInt is Python's int() on a JSON value: numbers truncate toward zero,
// strings of digits parse, booleans are 0 and 1.
func pyInt(raw json.RawMessage) (int, error) {
	s := strings.TrimSpace(string(raw))
	switch s {
	case "true":
		return 1, nil
	case "false":
		return 0, nil
	case "":
		return 0, errors.New("missing offset")
	}
	if s[0] == '"' {
		if err := json.Unmarshal(raw, &s); err != nil {
			return 0, err
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return 0, fmt.Errorf("offset %q: %w", s, err)
		}
		return n, nil
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.Abs(f) > 1<<53 {
		return 0, fmt.Errorf("offset %s is not a number", s)
	}
	return int(f), nil
}
