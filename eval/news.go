package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
)

// NewsGoldFile names the gold of a news folder: one JSON object an article
// with its attributions and their speakers, as ../shared/tools/score_news.py
// reads it (whose header defines the figures computed here).
const NewsGoldFile = "gold.jsonl"

// NewsDoc is one article of a news gold folder. Quotes hold one span a
// role, Kind as the gold writes it; Speakers[j] is the speaker of Quotes[j]
// ("A|B" accepts either; "" when the source names no one).
type NewsDoc struct {
	brat.GoldDoc
	Speakers []string
}

// LoadNews reads DIR/gold.jsonl and the text of each article from
// DIR/text/ID.txt. A later line for the same ID replaces an earlier one.
func LoadNews(dir string) ([]NewsDoc, error) {
	path := filepath.Join(dir, NewsGoldFile)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read news gold: %w", err)
	}
	defer f.Close()
	var out []NewsDoc
	at := map[string]int{}
	br := bufio.NewReader(f)
	for n := 1; ; n++ {
		line, rerr := br.ReadString('\n')
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			return nil, fmt.Errorf("read %s: %w", path, rerr)
		}
		if strings.TrimSpace(line) != "" {
			d, err := parseNewsLine([]byte(line), func(id string) (string, error) {
				b, err := os.ReadFile(filepath.Join(dir, "text", id+".txt"))
				return string(b), err
			})
			if err != nil {
				return nil, fmt.Errorf("%s line %d: %w", path, n, err)
			}
			if k, ok := at[d.ID]; ok {
				out[k] = d
			} else {
				at[d.ID] = len(out)
				out = append(out, d)
			}
		}
		if rerr != nil {
			break
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no articles in %s", path)
	}
	return out, nil
}

type newsAtt struct {
	Kind         string
	ContentStart *int    `json:"content_start"`
	ContentEnd   *int    `json:"content_end"`
	CueStart     *int    `json:"cue_start"`
	CueEnd       *int    `json:"cue_end"`
	SourceStart  *int    `json:"source_start"`
	SourceEnd    *int    `json:"source_end"`
	Speaker      *string `json:"speaker"`
}

// parseNewsLine reads one article of the gold, its text from text(id).
func parseNewsLine(line []byte, text func(id string) (string, error)) (NewsDoc, error) {
	var o struct {
		ID           *string
		Attributions []newsAtt
	}
	if err := json.Unmarshal(line, &o); err != nil {
		return NewsDoc{}, err
	}
	if o.ID == nil || *o.ID == "" || strings.ContainsAny(*o.ID, `/\`) {
		return NewsDoc{}, errors.New(`want an "id" naming a file of text/`)
	}
	id := *o.ID
	t, err := text(id)
	if err != nil {
		return NewsDoc{}, fmt.Errorf("text of %s: %w", id, err)
	}
	d := NewsDoc{GoldDoc: brat.GoldDoc{ID: id, Text: t}}
	for k, a := range o.Attributions {
		var q onrecord.Attribution
		var e1, e2, e3 error
		q.Content, e1 = span(a.ContentStart, a.ContentEnd, "content")
		q.Cue, e2 = span(a.CueStart, a.CueEnd, "cue")
		q.Source, e3 = span(a.SourceStart, a.SourceEnd, "source")
		if e1 == nil && q.Content == nil {
			e1 = errors.New("no content")
		}
		if err := errors.Join(e1, e2, e3); err != nil {
			return NewsDoc{}, fmt.Errorf("%s: attribution %d: %w", id, k, err)
		}
		q.Kind = onrecord.Kind(a.Kind)
		d.Quotes = append(d.Quotes, q)
		name := ""
		if a.Speaker != nil {
			name = *a.Speaker
		}
		d.Speakers = append(d.Speakers, name)
	}
	return d, nil
}

// span is the role's span when its start is given: the script takes any
// start and end as they are, so only a missing end is an error.
func span(start, end *int, role string) ([]onrecord.Span, error) {
	if start == nil {
		return nil, nil
	}
	if end == nil {
		return nil, fmt.Errorf("%s_start without %s_end", role, role)
	}
	return []onrecord.Span{{Start: *start, End: *end}}, nil
}

// NewsResult holds the figures of score_news.py: the span metrics, then the
// speakers of the gold attributions that name one.
type NewsResult struct {
	Result
	Speaker        Count            // right of all named (unmatched count as wrong)
	SpeakerMatched Count            // right of named whose content is matched
	BySource       map[string]Count // SpeakerMatched by how the gold source is written
	UnnamedNamed   Count            // Correct: a name predicted where the gold names no one, of Scored matched
	Misses         []NewsMiss
}

// NewsMiss is one named gold attribution whose speaker was not right.
type NewsMiss struct {
	Doc          string
	ContentStart int
	Missed       bool    // no prediction matched the content
	Gold         string  // the gold speaker
	Got          *string // the predicted name; nil for none
	Source       *string // the gold source as written; nil for none
}

// ScoreNews scores predictions (by document ID) against a news gold: the
// span metrics of Score, with gold directness as annotated and each
// predicted content of several parts scored as one attribution a part, as
// the gold writes an interrupted quote; then the speakers.
func ScoreNews(gold []NewsDoc, preds map[string][]onrecord.Attribution) NewsResult {
	split := make(map[string][]onrecord.Attribution, len(preds))
	for id, qs := range preds {
		split[id] = splitParts(qs)
	}
	docs := make([]brat.GoldDoc, len(gold))
	for i, g := range gold {
		docs[i] = g.GoldDoc
	}
	r := NewsResult{
		Result:   scoreSpans(docs, split, func(_ []rune, g onrecord.Attribution) bool { return g.Kind == onrecord.Direct }),
		BySource: map[string]Count{},
	}
	for _, g := range gold {
		text := []rune(g.Text)
		patts, predOf := pairContents(split[g.ID], g.Quotes)
		for j, q := range g.Quotes {
			var sp *onrecord.Speaker
			if i := predOf[j]; i >= 0 {
				sp = patts[i].Speaker
			}
			if g.Speakers[j] == "" {
				if predOf[j] >= 0 {
					r.UnnamedNamed.add(sp != nil && sp.Name != "" && (sp.Type == "person" || sp.Type == "organization"))
				}
				continue
			}
			var src *string
			if len(q.Source) > 0 {
				s := string(brat.PySlice(text, q.Source[0].Start, q.Source[0].End))
				src = &s
			}
			var got *string
			if sp != nil {
				got = &sp.Name
			}
			ok := predOf[j] >= 0 && speakerIs(got, g.Speakers[j])
			r.Speaker.add(ok)
			if predOf[j] >= 0 {
				r.SpeakerMatched.add(ok)
				k := sourceKind(src, g.Speakers[j])
				c := r.BySource[k]
				c.add(ok)
				r.BySource[k] = c
			}
			if !ok {
				r.Misses = append(r.Misses, NewsMiss{Doc: g.ID, ContentStart: q.Content[0].Start, Missed: predOf[j] < 0,
					Gold: g.Speakers[j], Got: got, Source: src})
			}
		}
	}
	return r
}

// splitParts makes each part of a discontinuous content an attribution of
// its own, with the rest of the attribution copied.
func splitParts(qs []onrecord.Attribution) []onrecord.Attribution {
	out := make([]onrecord.Attribution, 0, len(qs))
	for _, q := range qs {
		if len(q.Content) < 2 {
			out = append(out, q)
			continue
		}
		for _, p := range q.Content {
			part := q
			part.Content = []onrecord.Span{p}
			out = append(out, part)
		}
	}
	return out
}

// speakerIs tells whether the predicted name is one of the gold's "A|B".
func speakerIs(got *string, gold string) bool {
	g := ""
	if got != nil {
		g = newsNorm(*got)
	}
	for _, n := range strings.Split(gold, "|") {
		if newsNorm(n) == g {
			return true
		}
	}
	return false
}

// newsNorm is the script's norm: white space runs collapsed, trimmed,
// lower case, a leading "the " dropped.
func newsNorm(s string) string {
	s = strings.ToLower(strings.Join(strings.FieldsFunc(s, brat.IsPySpace), " "))
	return strings.TrimPrefix(s, "the ")
}

var newsPronouns = wordSet("he she they it we i you him her them his its their who which that")

// capWord is the script's capitalised word: [A-Z][\w'-]+ with Python's
// Unicode \w (letters, numbers, underscore).
var capWord = regexp.MustCompile(`[A-Z][\p{L}\p{N}_'-]+`)

// Source kinds of news gold beside KindName, KindDescription and KindPronoun.
const KindNone = "none" // the gold has no source

// sourceKind is the script's source_kind: none, a pronoun, a name when the
// source holds a capitalised word of the speaker, else a description.
func sourceKind(src *string, speaker string) string {
	if src == nil || *src == "" {
		return KindNone
	}
	if newsPronouns[strings.ToLower(strings.TrimFunc(*src, brat.IsPySpace))] {
		return KindPronoun
	}
	names := map[string]bool{}
	for _, w := range capWord.FindAllString(speaker, -1) {
		names[strings.ToLower(w)] = true
	}
	for _, w := range capWord.FindAllString(*src, -1) {
		if names[strings.ToLower(w)] {
			return KindName
		}
	}
	return KindDescription
}

func floatField(name string, x float64) field {
	return field{name, func(byte) string { return pyFloat(x) }}
}

func (r *NewsResult) fields() []field {
	kinds := make([]string, 0, len(r.BySource))
	for k := range r.BySource {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	bySource := func(q byte) string {
		var b strings.Builder
		b.WriteByte('{')
		for i, k := range kinds {
			if i > 0 {
				b.WriteString(", ")
			}
			c := r.BySource[k]
			fmt.Fprintf(&b, "%c%s%c: %c%d/%d = %s%c", q, k, q, q, c.Correct, c.Scored, pyFloat(c.Share()), q)
		}
		return b.String() + "}"
	}
	// A string at the top is written with str() in the text output, so
	// it is quoted in JSON only.
	unnamed := func(q byte) string {
		s := fmt.Sprintf("%d/%d", r.UnnamedNamed.Correct, r.UnnamedNamed.Scored)
		if q == '"' {
			return `"` + s + `"`
		}
		return s
	}
	return append(r.Result.fields(),
		floatField("speaker", r.Speaker.Share()), floatField("speaker_matched", r.SpeakerMatched.Share()),
		field{"by_source", bySource}, field{"unnamed_named", unnamed})
}

// Print writes the script's text output.
func (r NewsResult) Print(w io.Writer) error { return printFields(w, r.fields()) }

// PrintJSON writes the script's --json output.
func (r NewsResult) PrintJSON(w io.Writer) error { return printFieldsJSON(w, r.fields()) }

// PrintMisses writes the script's --misses lines: document, content start,
// missed or wrong, and the gold and predicted speakers and gold source as
// Python reprs.
func (r NewsResult) PrintMisses(w io.Writer) error {
	var b strings.Builder
	for _, m := range r.Misses {
		how := "wrong"
		if m.Missed {
			how = "missed"
		}
		fmt.Fprintf(&b, "%s\t%d\t%s\tgold=%s\tpredicted=%s\tsource=%s\n", m.Doc, m.ContentStart, how,
			pyRepr(&m.Gold), pyRepr(m.Got), pyRepr(m.Source))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// pyRepr is Python's repr of a str (None for nil): single quotes unless
// the string holds one and no double quote; backslash, the quote, \t \n \r
// and unprintable code points escaped.
func pyRepr(s *string) string {
	if s == nil {
		return "None"
	}
	q := '\''
	if strings.ContainsRune(*s, '\'') && !strings.ContainsRune(*s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteRune(q)
	for _, r := range *s {
		switch {
		case r == q || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == ' ' || unicode.IsPrint(r):
			b.WriteRune(r)
		case r < 0x100:
			b.WriteString(`\x` + fmt.Sprintf("%02x", r))
		case r < 0x10000:
			b.WriteString(`\u` + fmt.Sprintf("%04x", r))
		default:
			b.WriteString(`\U` + fmt.Sprintf("%08x", r))
		}
	}
	b.WriteRune(q)
	return b.String()
}
