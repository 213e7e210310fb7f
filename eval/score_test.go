package eval

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
)

const shared = "../../shared/data/polnear"

func sp(a, b int) onrecord.Span { return onrecord.Span{Start: a, End: b} }

func TestPyRound4(t *testing.T) {
	// Expected values printed by Python 3's round(x, 4).
	tests := []struct{ x, want float64 }{
		{1.0 / 32, 0.0312}, {5.0 / 32, 0.1562}, {13.0 / 32, 0.4062}, // exact ties: half to even
		{0.00005, 0.0001}, {0.00015, 0.0001}, {0.00025, 0.0003}, // binary value just above/below the tie
		{0.12345, 0.1235}, {2.0 / 3, 0.6667}, {1.0 / 3, 0.3333}, {0, 0}, {1, 1},
	}
	for _, tc := range tests {
		if got := pyRound4(tc.x); got != tc.want {
			t.Errorf("pyRound4(%v) = %v, want %v", tc.x, got, tc.want)
		}
	}
}

func TestPrint(t *testing.T) {
	r := Result{Docs: 2, Gold: 3, Pred: 4, ContentOverlap: PRF{0.5, 0.25, 0.3333}, ContentExact: PRF{1, 0, 0.0001}}
	var b bytes.Buffer
	if err := r.Print(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	if lines[0] != "docs             2" || lines[4] != "content_overlap  {'P': 0.5, 'R': 0.25, 'F1': 0.3333}" ||
		lines[5] != "content_exact    {'P': 1.0, 'R': 0.0, 'F1': 0.0001}" || len(lines) != 12 {
		t.Errorf("text output:\n%s", b.String())
	}
	b.Reset()
	if err := r.PrintJSON(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), `{"docs": 2, "docs_missing": 0, "gold": 3, "pred": 4, "content_overlap": {"P": 0.5, "R": 0.25, "F1": 0.3333}, `) {
		t.Errorf("json output: %s", b.String())
	}
}

func TestScoreSmall(t *testing.T) {
	text := `He said "it is fine" and she denied that it was.`
	gold := []brat.GoldDoc{{ID: "a", Text: text, Quotes: []onrecord.Attribution{
		{Content: []onrecord.Span{sp(8, 20)}, Cue: []onrecord.Span{sp(3, 7)}, Source: []onrecord.Span{sp(0, 2)}},
		{Content: []onrecord.Span{sp(36, 47)}, Cue: []onrecord.Span{sp(29, 35)}, Source: []onrecord.Span{sp(25, 28)}},
	}}, {ID: "b", Text: "x"}}
	preds := map[string][]onrecord.Attribution{"a": {
		// Two predictions tie on the first gold content; the later one wins.
		{Kind: onrecord.Direct, Content: []onrecord.Span{sp(9, 19)}, Cue: []onrecord.Span{sp(3, 7)}},
		{Kind: onrecord.Direct, Content: []onrecord.Span{sp(9, 19)}, Cue: []onrecord.Span{sp(3, 7)}, Source: []onrecord.Span{sp(0, 1)}},
		// Parts out of order; joined with a space they equal the gold text.
		{Content: []onrecord.Span{sp(41, 47), sp(36, 40)}, Source: []onrecord.Span{sp(25, 28)}},
		{Content: nil, Cue: []onrecord.Span{sp(0, 2)}}, // no content: not counted
	}}
	got := Score(gold, preds)
	want := Result{
		Docs: 2, DocsMissing: 1, Gold: 2, Pred: 3,
		ContentOverlap: PRF{0.6667, 1, 0.8},
		ContentExact:   PRF{0.6667, 1, 0.8}, // quote marks are trimmed
		ContentToken:   PRF{0.6667, 0.8696, 0.7547},
		SourceOverlap:  PRF{1, 1, 1},
		CueOverlap:     PRF{0.5, 0.5, 0.5},
		FullOverlap:    PRF{0.3333, 0.5, 0.4},
		DirectOverlap:  PRF{0.5, 1, 0.6667},
	}
	if got != want {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// perturb derives predictions from gold so that every metric and code path
// of the script is exercised: shifted and discontinuous contents, dropped or
// displaced cues and sources, duplicates (ties), extra and missing quotes,
// wrong kinds, missing documents, and the several span notations.
func perturb(gold []brat.GoldDoc, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 7))
	var b bytes.Buffer
	for di, d := range gold {
		if rng.IntN(15) == 0 {
			continue // missing document
		}
		n := len([]rune(d.Text))
		var qs []string
		// style 0 and 1: "parts" as [s, e] pairs (no span as null or []);
		// 2: "parts" as objects; 3: a list of objects.
		span := func(ss []onrecord.Span, style int) string {
			if len(ss) == 0 {
				if style == 1 {
					return "[]"
				}
				return "null"
			}
			if len(ss) == 1 && style != 3 {
				return fmt.Sprintf(`{"start": %d, "end": %d, "text": "x"}`, ss[0].Start, ss[0].End)
			}
			var ps []string
			for _, s := range ss {
				if style >= 2 {
					ps = append(ps, fmt.Sprintf(`{"start": %d, "end": %d}`, s.Start, s.End))
				} else {
					ps = append(ps, fmt.Sprintf("[%d, %d]", s.Start, s.End))
				}
			}
			if style == 3 {
				return "[" + strings.Join(ps, ", ") + "]"
			}
			return fmt.Sprintf(`{"start": %d, "end": %d, "parts": [%s]}`, ss[0].Start, ss[len(ss)-1].End, strings.Join(ps, ", "))
		}
		shift := func(s onrecord.Span) onrecord.Span {
			s.Start = min(max(0, s.Start+rng.IntN(21)-10), n)
			s.End = min(max(s.Start, s.End+rng.IntN(21)-10), n)
			return s
		}
		for _, g := range d.Quotes {
			if rng.IntN(8) == 0 {
				continue // missing quote
			}
			content := append([]onrecord.Span(nil), g.Content...)
			cue := append([]onrecord.Span(nil), g.Cue...)
			src := append([]onrecord.Span(nil), g.Source...)
			switch rng.IntN(6) {
			case 0:
				content[0] = shift(content[0])
			case 1: // cut a gap into the content
				c := content[0]
				if c.Len() > 6 {
					m := c.Start + c.Len()/2
					content = append([]onrecord.Span{sp(c.Start, m-2), sp(m, c.End)}, content[1:]...)
				}
			case 2: // trim quote marks and a final period
				if c := content[0]; c.Len() > 3 {
					content[0] = sp(c.Start+1, c.End-1)
				}
			}
			switch rng.IntN(6) {
			case 0:
				cue = nil
			case 1:
				if len(cue) > 0 {
					cue[0] = shift(cue[0])
				}
			}
			switch rng.IntN(6) {
			case 0:
				src = nil
			case 1:
				if len(src) > 0 {
					src = []onrecord.Span{sp(src[0].End, src[0].End+2)}
				}
			}
			kind := "indirect"
			if brat.IsDirect([]rune(d.Text), g.Content) != (rng.IntN(10) == 0) {
				kind = "direct"
			}
			style := rng.IntN(4)
			q := fmt.Sprintf(`{"kind": %q, "content": %s, "cue": %s, "source": %s, "confidence": 0.5}`,
				kind, span(content, style), span(cue, style), span(src, style))
			qs = append(qs, q)
			if rng.IntN(10) == 0 { // duplicate with another source: a tie
				qs = append(qs, fmt.Sprintf(`{"kind": "direct", "content": %s, "source": %s}`,
					span(content, 1), span([]onrecord.Span{sp(0, 3)}, 1)))
			}
		}
		for range rng.IntN(3) { // extra quotes
			a := rng.IntN(max(1, n-50))
			qs = append(qs, fmt.Sprintf(`{"kind": "mixed", "content": {"start": %d, "end": %d}, "cue": {"start": %d, "end": %d}}`,
				a, a+rng.IntN(50), a, a+3))
		}
		if rng.IntN(4) == 0 { // past the end of the text, which Python clamps
			qs = append(qs, fmt.Sprintf(`{"content": {"start": %d, "end": %d}}`, max(0, n-20), n+3))
		}
		qs = append(qs, `{"kind": "direct", "content": null}`) // no content
		id := d.ID
		if di%3 == 0 {
			id = "some/dir/" + id + ".txt"
		}
		fmt.Fprintf(&b, "{\"id\": %q, \"quotes\": [%s]}\n\n", id, strings.Join(qs, ", "))
	}
	b.WriteString(`{"id": "not-in-gold", "quotes": [{"content": {"start": 0, "end": 5}}]}` + "\n")
	return b.Bytes()
}

// TestAgreesWithScript scores perturbed dev predictions with Score and with
// ../shared/tools/score_attrib.py and requires identical output, in both the
// JSON and the text form, on four prediction sets.
func TestAgreesWithScript(t *testing.T) {
	dir := filepath.Join(shared, "dev")
	script := filepath.Join(shared, "../../tools/score_attrib.py")
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	if _, err := os.Stat(filepath.Join(dir, "attributions")); err != nil {
		t.Skip("no ../shared data")
	}
	gold, err := brat.LoadCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	for seed := range uint64(4) {
		var jsonl []byte
		if seed == 0 {
			jsonl = []byte(`{"id": "x", "quotes": null}` + "\n") // every document missing
		} else {
			jsonl = perturb(gold, seed)
		}
		path := filepath.Join(t.TempDir(), "pred.jsonl")
		if err := os.WriteFile(path, jsonl, 0o644); err != nil {
			t.Fatal(err)
		}
		preds, err := ReadPredictions(bytes.NewReader(jsonl))
		if err != nil {
			t.Fatal(err)
		}
		res := Score(gold, preds)
		modes := []string{"--json"}
		if seed == 1 { // the text form once: the script is slow on a busy machine
			modes = append(modes, "")
		}
		for _, mode := range modes {
			args := []string{script, dir, path}
			var got bytes.Buffer
			if mode != "" {
				args = append(args, mode)
				err = res.PrintJSON(&got)
			} else {
				err = res.Print(&got)
			}
			if err != nil {
				t.Fatal(err)
			}
			want, err := exec.Command(py, args...).Output()
			if err != nil {
				t.Fatalf("%s: %v", strings.Join(args, " "), err)
			}
			if got.String() != string(want) {
				t.Errorf("seed %d %s:\ngo:     %s\npython: %s", seed, mode, got.String(), want)
			}
		}
		if seed == 1 {
			t.Logf("seed 1: %+v", res)
		}
	}
}

func TestReadPredictions(t *testing.T) {
	in := `{"id": "a/b/doc1.txt", "quotes": [{"kind": "direct", "content": {"start": 1, "end": 5, "parts": [[1, 2], {"start": 3, "end": 5}]}, "cue": null, "source": [{"start": 0, "end": 1}], "speaker": {"name": "Ann", "type": "person"}, "confidence": 0.25}]}

{"id": "doc2", "quotes": [{"content": {"start": "2", "end": 4.7, "parts": []}, "cue": {}, "source": "x", "speaker": null}]}
{"id": "doc2", "quotes": [{"content": {"start": 2, "end": 4}}]}
{"id": "doc3"}
`
	got, err := ReadPredictions(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]onrecord.Attribution{
		"doc1": {{Kind: onrecord.Direct, Content: []onrecord.Span{sp(1, 2), sp(3, 5)}, Source: []onrecord.Span{sp(0, 1)},
			Speaker: &onrecord.Speaker{Name: "Ann", Type: "person"}, Confidence: 0.25}},
		"doc2": {{Content: []onrecord.Span{sp(2, 4)}}},
		"doc3": {},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	got, err = ReadPredictions(strings.NewReader(`{"id": "x", "quotes": [{"content": {"start": "2", "end": 4.7}}]}`))
	if err != nil || !reflect.DeepEqual(got["x"][0].Content, []onrecord.Span{sp(2, 4)}) {
		t.Errorf("string and float offsets: %v %v", got, err)
	}
	for _, bad := range []string{
		`[1]`, `{"id": 3}`, `{"id": "x", "quotes": {"a": 1}}`, `{"id": "x", "quotes": [{"content": {"start": 1}}]}`,
		`{"id": "x", "quotes": [{"content": {"parts": [[1]]}}]}`, `{"id": "x", "quotes": [{"content": {"start": "a", "end": 2}}]}`,
	} {
		if _, err := ReadPredictions(strings.NewReader(bad)); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

func FuzzReadPredictions(f *testing.F) {
	f.Add(`{"id": "a", "quotes": [{"kind": "direct", "content": {"start": 1, "end": 5, "parts": [[1, 2]]}, "cue": null}]}`)
	f.Add(`{"id": "b", "quotes": [{"content": [{"start": 1, "end": 5}], "source": {"start": "1", "end": 2.5}}]}`)
	f.Fuzz(func(t *testing.T, s string) {
		preds, err := ReadPredictions(strings.NewReader(s))
		if err != nil {
			return
		}
		// Whatever was read must score without trouble.
		Score([]brat.GoldDoc{{ID: "a", Text: "some text", Quotes: []onrecord.Attribution{{Content: []onrecord.Span{sp(1, 4)}}}}}, preds)
	})
}

func BenchmarkScore(b *testing.B) {
	gold, err := brat.LoadCorpus(filepath.Join(shared, "dev"))
	if err != nil {
		b.Skip("no ../shared data")
	}
	preds, err := ReadPredictions(bytes.NewReader(perturb(gold, 1)))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Score(gold, preds)
	}
}
