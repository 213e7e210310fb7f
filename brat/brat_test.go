package brat

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
)

const shared = "../../shared/data/polnear"

// sample offsets: He 0-2, said 3-7, "I failed." 9-20, She 21-24, added 25-30,
// that 31-35, it was "fine" 36-49, went home 54-63.
const sample = `He said, "I failed." She added that it was "fine" and went home.`

func sp(a, b int) onrecord.Span { return onrecord.Span{Start: a, End: b} }

func TestRead(t *testing.T) {
	tests := []struct {
		name string
		ann  string
		want []onrecord.Attribution
	}{
		{
			name: "direct with source and cue",
			ann: "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 9 20\t\"I failed.\"\n" +
				"T4\tAttribution 3 7\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
			want: []onrecord.Attribution{{Kind: onrecord.Direct, Content: []onrecord.Span{sp(9, 20)},
				Cue: []onrecord.Span{sp(3, 7)}, Source: []onrecord.Span{sp(0, 2)}, Confidence: 1}},
		},
		{
			name: "mixed, discontinuous parts sorted, no source, notes and discards ignored",
			ann: "T1\tCue 25 30\tadded\nT2\tContent 36 49;31 35\tit was \"fine\" that\n" +
				"T3\tAttribution-no-source 25 30\tadded\nE1\tAttribution-no-source:T3 Content:T2 Cue:T1\n" +
				"#1\tAnnotatorNotes T2\tsure?\nT9\tDiscard 54 58\twent\nT10\tDiscuss 0 2\tHe\n",
			want: []onrecord.Attribution{{Kind: onrecord.Mixed, Content: []onrecord.Span{sp(31, 35), sp(36, 49)},
				Cue: []onrecord.Span{sp(25, 30)}, Confidence: 1}},
		},
		{
			name: "Content2 merges into the content; events may precede their spans",
			ann: "E1\tAttribution:T4 Content:T3 Content2:T5 Cue:T2\nT3\tContent 36 42\tit was\n" +
				"T5\tContent 54 63\twent home\nT2\tCue 25 30\tadded\nT4\tAttribution 25 30\tadded\n",
			want: []onrecord.Attribution{{Kind: onrecord.Indirect, Content: []onrecord.Span{sp(36, 42), sp(54, 63)},
				Cue: []onrecord.Span{sp(25, 30)}, Confidence: 1}},
		},
		{
			name: "event without content is skipped; continuation lines ignored",
			ann:  "T1\tCue 3 7\tsaid\nmore text\r\nE1\tAttribution:T1 Cue:T1 Content:T8\n",
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tc.ann), sample)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	for _, ann := range []string{
		"T1\tContent 0 200\tx\n",
		"T1\tContent 5 3\tx\n",
		"T1\tContent 1 2 3\tx\n",
		"T1\tContent\n",
		"T1\tContent a b\tx\n",
		"E1\tAttribution:T1:T2\n",
		"E1\tAttribution\n",
	} {
		if _, err := Read(strings.NewReader(ann), sample); err == nil {
			t.Errorf("%q: no error", ann)
		}
	}
}

func TestIsDirect(t *testing.T) {
	text := []rune(` "Yes," he said. “No” "a" x"y"`)
	tests := []struct {
		s    []onrecord.Span
		want bool
	}{
		{[]onrecord.Span{sp(0, 7)}, true},   // ` "Yes,"`: white space stripped
		{[]onrecord.Span{sp(1, 6)}, false},  // `"Yes,` has no closing mark
		{[]onrecord.Span{sp(17, 21)}, true}, // curly marks
		{[]onrecord.Span{sp(22, 25)}, true}, // `"a"` is three code points
		{[]onrecord.Span{sp(26, 30)}, false},
		{[]onrecord.Span{sp(17, 18), sp(20, 21)}, true}, // first to last part
		{nil, false},
	}
	for _, tc := range tests {
		if got := IsDirect(text, tc.s); got != tc.want {
			t.Errorf("%v: got %v", tc.s, got)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	d := &onrecord.Document{ID: "x", Text: sample, Quotes: []onrecord.Attribution{
		{Kind: onrecord.Direct, Content: []onrecord.Span{sp(9, 20)}, Cue: []onrecord.Span{sp(3, 7)},
			Source: []onrecord.Span{sp(0, 2)}, Confidence: 1, Speaker: &onrecord.Speaker{Name: "Justin\tT", Type: "person"}},
		{Kind: onrecord.Mixed, Content: []onrecord.Span{sp(31, 35), sp(36, 49)}, Cue: []onrecord.Span{sp(25, 30)},
			Source: []onrecord.Span{sp(21, 24)}, Confidence: 1},
		{Kind: onrecord.Indirect, Content: []onrecord.Span{sp(54, 63)}, Confidence: 1},
	}}
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "AnnotatorNotes E1\tspeaker: Justin T (person)\n") ||
		!strings.Contains(buf.String(), "E3\tAttribution-no-source:T10 Content:T9\n") {
		t.Errorf("unexpected .ann:\n%s", buf.String())
	}
	got, err := Read(&buf, sample)
	if err != nil {
		t.Fatal(err)
	}
	want := append([]onrecord.Attribution(nil), d.Quotes...)
	want[0].Speaker = nil // notes are not read back
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\ngot  %+v\nwant %+v", got, want)
	}
}

func TestWriteSplitsLines(t *testing.T) {
	d := &onrecord.Document{Text: "a\nbc\r\n\nd", Quotes: []onrecord.Attribution{
		{Content: []onrecord.Span{sp(0, 8)}, Cue: []onrecord.Span{sp(1, 2)}},
		{Content: []onrecord.Span{sp(1, 2)}}, // only a line break: skipped
	}}
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	want := "T1\tContent 0 1;2 4;7 8\ta bc d\nT2\tAttribution-no-source 0 1;2 4;7 8\ta bc d\n" +
		"E1\tAttribution-no-source:T2 Content:T1\n"
	if buf.String() != want {
		t.Errorf("got\n%q\nwant\n%q", buf.String(), want)
	}
	d.Quotes[0].Content = []onrecord.Span{sp(3, 9)}
	if err := Write(&buf, d); err == nil {
		t.Error("span beyond the text: no error")
	}
}

// TestLoadCorpusDev checks the dev split against figures of the reference
// scorer's loader (84 articles, first annotator, 2192 attributions of which 361 direct).
func TestLoadCorpusDev(t *testing.T) {
	dir := filepath.Join(shared, "dev")
	if _, err := os.Stat(filepath.Join(dir, "attributions")); err != nil {
		t.Skip("no ../shared data")
	}
	docs, err := LoadCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	n, direct := 0, 0
	for _, d := range docs {
		n += len(d.Quotes)
		for _, q := range d.Quotes {
			if q.Kind == onrecord.Direct {
				direct++
			}
		}
		if d.ID == "politico_2016-09-08_flynn-says-trump-absolutely-righ" && !strings.HasSuffix(d.File, "_4b22.ann") {
			t.Errorf("%s: chose %s, want the first annotator", d.ID, d.File)
		}
	}
	if len(docs) != 84 || n != 2192 || direct != 361 {
		t.Errorf("%d docs, %d attributions, %d direct", len(docs), n, direct)
	}
	t.Logf("%d docs, %d attributions, %d direct", len(docs), n, direct)
}

func FuzzRead(f *testing.F) {
	f.Add("T1\tSource 0 2\tHe\nT3\tContent 9 19;20 21\tx\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n", sample)
	f.Add("E1\tA:T1 Content2:T1\nT1\tC 0 0\t\n", "")
	f.Fuzz(func(t *testing.T, ann, text string) {
		qs, err := Read(strings.NewReader(ann), text)
		if err != nil {
			return
		}
		n := len([]rune(text))
		for _, q := range qs {
			if len(q.Content) == 0 {
				t.Fatal("attribution without content")
			}
			for _, ss := range [][]onrecord.Span{q.Content, q.Cue, q.Source} {
				for i, s := range ss {
					if s.Start < 0 || s.End > n || s.Start > s.End || (i > 0 && ss[i-1].Start > s.Start) {
						t.Fatalf("bad spans %v for %d code points", ss, n)
					}
				}
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(shared, "dev/attributions/*.ann"))
	if len(files) == 0 {
		b.Skip("no ../shared data")
	}
	ann, err := os.ReadFile(files[0])
	if err != nil {
		b.Fatal(err)
	}
	id := annotator.ReplaceAllString(strings.TrimSuffix(filepath.Base(files[0]), ".ann"), "")
	text, err := os.ReadFile(filepath.Join(shared, "dev/text", id+".txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(ann)))
	for b.Loop() {
		if _, err := Read(bytes.NewReader(ann), string(text)); err != nil {
			b.Fatal(err)
		}
	}
}
