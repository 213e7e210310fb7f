package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
	"github.com/onrecord/onrecord/eval"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// sample builds a document over the bundled article with hand-placed
// attributions: indirect, direct, discontinuous direct, unresolved, one
// without cue, source or speaker, and one without content (left out of
// every format).
func sample(t testing.TB) []*onrecord.Document {
	raw, err := os.ReadFile("../testdata/timberlake-apology-2021-02-13.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	// find gives the code-point span of the first s at or after from.
	find := func(s string, from int) onrecord.Span {
		b := 0
		for range from {
			_, n := utf8.DecodeRuneInString(text[b:])
			b += n
		}
		i := strings.Index(text[b:], s)
		if i < 0 {
			t.Fatalf("%q not in the sample", s)
		}
		a := from + utf8.RuneCountInString(text[b:b+i])
		return onrecord.Span{Start: a, End: a + utf8.RuneCountInString(s)}
	}
	ss := func(s ...onrecord.Span) []onrecord.Span { return s }
	justin := &onrecord.Speaker{Name: "Justin Timberlake", Type: "person"}
	he := find("He said", 0)
	wrote := find("he wrote", 0)
	added := find(`he added, "It`, 0)
	quotes := []onrecord.Attribution{
		{Kind: onrecord.Indirect, Source: ss(find("the former", 0)), Cue: ss(find("saying", 0)),
			Content: ss(find("that he had failed", 0)), Speaker: justin, Confidence: 0.8},
		{Kind: onrecord.Direct, Source: ss(onrecord.Span{Start: he.Start, End: he.Start + 2}),
			Cue:     ss(onrecord.Span{Start: he.Start + 3, End: he.End}),
			Content: ss(find(`"I specifically want to apologize to Britney Spears and Janet Jackson both individually, because I care for and respect these women and I know I failed."`, 0)), Speaker: justin, Confidence: 0.95},
		{Kind: onrecord.Direct, Source: ss(onrecord.Span{Start: wrote.Start, End: wrote.Start + 2}),
			Cue: ss(onrecord.Span{Start: wrote.Start + 3, End: wrote.End}),
			Content: ss(find(`"I've seen the messages, tags, comments, and concerns and I want to respond.`, 0),
				find(`I understand that I fell short in these moments and in many others and benefited from a system that condones misogyny and racism,"`, 0)),
			Speaker: justin, Confidence: 0.7},
		{Kind: onrecord.Direct, Source: ss(onrecord.Span{Start: added.Start, End: added.Start + 2}),
			Cue:     ss(onrecord.Span{Start: added.Start + 3, End: added.Start + 8}),
			Content: ss(find(`"It sets men, especially white men, up for success."`, 0)), Confidence: 0.5},
		{Kind: onrecord.Indirect, Content: ss(find("that Timberlake used Spears to advance his career", 0)), Confidence: 0.3},
		{Kind: onrecord.Indirect, Cue: ss(find("added", 0))}, // no content
	}
	return []*onrecord.Document{
		{ID: "timberlake-apology-2021-02-13", Date: "2021-02-13", Text: text, Quotes: quotes},
		{ID: "empty <&>", Text: "Nothing said here."},
	}
}

func render(t *testing.T, format string, opt Options) []byte {
	var b bytes.Buffer
	w, err := New(format, &b, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range sample(t) {
		if err := w.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		format, file string
		opt          Options
	}{
		{"jsonl", "sample.jsonl.golden", Options{}},
		{"text", "sample.text.golden", Options{}},
		{"text", "sample.color.golden", Options{Color: true}},
		{"csv", "sample.csv.golden", Options{}},
	} {
		got := render(t, tc.format, tc.opt)
		path := filepath.Join("testdata", tc.file)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run go test -update to accept):\n%s", tc.format, path, got)
		}
	}
}

// TestJSONLFields checks the shape of a line independently of the golden
// file: field order, nulls, parts, and that eval reads back the spans.
func TestJSONLFields(t *testing.T) {
	out := render(t, "jsonl", Options{})
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	if lines[1] != `{"id":"empty <&>","date":null,"quotes":[]}` {
		t.Errorf("empty document: %s", lines[1])
	}
	if !strings.HasPrefix(lines[0], `{"id":"timberlake-apology-2021-02-13","date":"2021-02-13","quotes":[{"kind":"indirect","content":{"start":`) ||
		!strings.Contains(lines[0], `,"cue":null,"source":null,"speaker":null,"confidence":0.3}`) ||
		!strings.Contains(lines[0], `to respond. ... I understand that I fell short in `) || !strings.Contains(lines[0], `,"parts":[[`) {
		t.Errorf("line: %s", lines[0])
	}
	var doc struct {
		Quotes []struct {
			Content struct{ Text string } `json:"content"`
		} `json:"quotes"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &doc); err != nil || len(doc.Quotes) != 5 ||
		doc.Quotes[0].Content.Text != "that he had failed" {
		t.Errorf("decoded %+v, %v", doc, err)
	}
	preds, err := eval.ReadPredictions(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	d := sample(t)[0]
	for i, q := range preds[d.ID] {
		if !reflect.DeepEqual(q.Content, d.Quotes[i].Content) || !reflect.DeepEqual(q.Cue, d.Quotes[i].Cue) ||
			!reflect.DeepEqual(q.Source, d.Quotes[i].Source) || q.Kind != d.Quotes[i].Kind {
			t.Errorf("quote %d read back as %+v, want %+v", i, q, d.Quotes[i])
		}
	}
}

// TestBrat writes the sample as brat files and loads them back as a gold
// corpus: scoring the document against itself must be perfect.
func TestBrat(t *testing.T) {
	dir := t.TempDir()
	w, err := New("brat", nil, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	docs := sample(t)
	for _, d := range docs {
		if err := w.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	gold, err := brat.LoadCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 2 || gold[1].ID != docs[0].ID || gold[1].Text != docs[0].Text || len(gold[1].Quotes) != 5 {
		t.Fatalf("loaded %d docs", len(gold))
	}
	r := eval.Score(gold, map[string][]onrecord.Attribution{docs[0].ID: docs[0].Quotes, docs[1].ID: nil})
	one := eval.PRF{P: 1, R: 1, F1: 1}
	// Full overlap needs a cue, which the fifth attribution lacks.
	if r.ContentExact != one || r.SourceOverlap != one || r.CueOverlap != one || r.DirectOverlap != one ||
		r.FullOverlap != (eval.PRF{P: 0.8, R: 0.8, F1: 0.8}) {
		t.Errorf("self score %+v", r)
	}
	if _, err := New("brat", nil, Options{}); err == nil {
		t.Error("brat without a directory: no error")
	}
	for _, id := range []string{"../", "../x", "/etc/x", "a/../../x", "", "a/"} {
		if err := w.Write(&onrecord.Document{ID: id}); err == nil {
			t.Errorf("ID %q that is no file name: no error", id)
		}
	}
	// IDs with folders, from a tree of files, stay apart
	for _, id := range []string{"2019/story", "2020/story"} {
		if err := w.Write(&onrecord.Document{ID: id, Text: id}); err != nil {
			t.Fatal(err)
		}
		if b, err := os.ReadFile(filepath.Join(dir, id+".txt")); err != nil || string(b) != id {
			t.Errorf("%s.txt: %q %v", id, b, err)
		}
	}
}

// TestCSV reads the csv output back: a header, a row per attribution with
// content, offsets that point at the content, and no formula cells.
func TestCSV(t *testing.T) {
	rows, err := csv.NewReader(bytes.NewReader(render(t, "csv", Options{}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || !reflect.DeepEqual(rows[0], csvHeader) {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
	d := sample(t)[0]
	first := rows[1]
	if first[0] != d.ID || first[1] != "2021-02-13" || first[2] != "indirect" || first[3] != "Justin Timberlake" ||
		first[5] != "the former" || first[6] != "saying" || first[7] != "that he had failed" || first[10] != "0.800" {
		t.Errorf("first row %q", first)
	}
	if start, end := first[8], first[9]; start != strconv.Itoa(d.Quotes[0].Content[0].Start) || end != strconv.Itoa(d.Quotes[0].Content[0].End) {
		t.Errorf("content offsets %s-%s", start, end)
	}
	if last := rows[5]; last[3] != "" || last[5] != "" || last[6] != "" {
		t.Errorf("attribution without speaker, source and cue: %q", last)
	}

	text := "=HYPERLINK(x) said Bob."
	evil := &onrecord.Document{ID: "@evil", Text: text, Quotes: []onrecord.Attribution{
		{Kind: onrecord.Indirect, Content: []onrecord.Span{{Start: 0, End: 13}}, Cue: []onrecord.Span{{Start: 14, End: 18}}},
	}}
	var b bytes.Buffer
	w, err := New("csv", &b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(evil); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	rows, err = csv.NewReader(&b).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][0] != "'@evil" || rows[1][7] != "'=HYPERLINK(x)" {
		t.Errorf("formula cells not guarded: %q %v", rows, err)
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := New("xml", &bytes.Buffer{}, Options{}); err == nil {
		t.Error("no error")
	}
}

func BenchmarkJSONL(b *testing.B) {
	docs := sample(b)
	w, err := New("jsonl", io.Discard, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(docs[0].Text)))
	for b.Loop() {
		if err := w.Write(docs[0]); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConfidence checks the range both jsonl and csv print: JSON has no
// NaN, and a confidence is a share.
func TestConfidence(t *testing.T) {
	for _, tc := range []struct{ in, want float64 }{
		{0.5, 0.5}, {math.NaN(), 0}, {-0.2, 0}, {1.7, 1}, {math.Inf(1), 1},
	} {
		if got := confidence(tc.in); got != tc.want {
			t.Errorf("confidence(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
