package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
)

// newsText and newsLine are a small news gold written for this test: an interrupted
// quote as two attributions, a pronoun, a description, a group.
const newsText = `"We are ready," Anna Berg said, "and we will win." She added that the team was fit. ` +
	`The coach said the pitch was poor. Fans said it was a good day.`

var newsLine = `{"id": "n1", "attributions": [` +
	`{"kind": "direct", "content_start": 0, "content_end": 15, "cue_start": 26, "cue_end": 30, "source_start": 16, "source_end": 25, "speaker": "Anna Berg", "speaker_type": "person"},` +
	`{"kind": "direct", "content_start": 32, "content_end": 50, "cue_start": 26, "cue_end": 30, "source_start": 16, "source_end": 25, "speaker": "Anna Berg", "speaker_type": "person"},` +
	`{"kind": "indirect", "content_start": 66, "content_end": 82, "cue_start": 55, "cue_end": 60, "source_start": 51, "source_end": 54, "speaker": "Anna Berg", "speaker_type": "person"},` +
	`{"kind": "indirect", "content_start": 99, "content_end": 117, "cue_start": 94, "cue_end": 98, "source_start": 84, "source_end": 93, "speaker": "Carl Dunn|Dunn", "speaker_type": "person"},` +
	`{"kind": "indirect", "content_start": 129, "content_end": 146, "cue_start": 124, "cue_end": 128, "source_start": 119, "source_end": 123, "speaker": null, "speaker_type": "other"}]}`

func writeNews(t *testing.T, lines ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "text"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "text", "n1.txt"), []byte(newsText), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, NewsGoldFile), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestScoreNews: the expected output is what score_news.py prints for the
// same gold and predictions.
func TestScoreNews(t *testing.T) {
	gold, err := LoadNews(writeNews(t, newsLine))
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(newsText)
	for j, want := range []string{`"We are ready,"`, `"and we will win."`, "the team was fit", "the pitch was poor", "it was a good day"} {
		if got := string(runes[gold[0].Quotes[j].Content[0].Start:gold[0].Quotes[j].Content[0].End]); got != want {
			t.Fatalf("gold content %d %q, want %q", j, got, want)
		}
	}
	berg := &onrecord.Speaker{Name: "anna  berg", Type: "person"}
	preds := map[string][]onrecord.Attribution{"n1": {
		// One content in two parts: scored as two attributions.
		{Kind: onrecord.Direct, Content: []onrecord.Span{sp(0, 15), sp(32, 50)}, Cue: []onrecord.Span{sp(26, 30)}, Source: []onrecord.Span{sp(16, 25)}, Speaker: berg},
		{Kind: onrecord.Indirect, Content: []onrecord.Span{sp(66, 82)}, Source: []onrecord.Span{sp(51, 54)}, Speaker: &onrecord.Speaker{Name: "Team", Type: "organization"}},
		{Kind: onrecord.Indirect, Content: []onrecord.Span{sp(129, 146)}, Cue: []onrecord.Span{sp(124, 128)}, Speaker: &onrecord.Speaker{Name: "Fans", Type: "organization"}},
	}}
	r := ScoreNews(gold, preds)
	var b bytes.Buffer
	if err := r.Print(&b); err != nil {
		t.Fatal(err)
	}
	if err := r.PrintMisses(&b); err != nil {
		t.Fatal(err)
	}
	want := `docs             1
docs_missing     0
gold             5
pred             4
content_overlap  {'P': 1.0, 'R': 0.8, 'F1': 0.8889}
content_exact    {'P': 1.0, 'R': 0.8, 'F1': 0.8889}
content_token    {'P': 1.0, 'R': 0.7857, 'F1': 0.88}
source_overlap   {'P': 1.0, 'R': 0.6, 'F1': 0.75}
cue_overlap      {'P': 1.0, 'R': 0.6, 'F1': 0.75}
full_overlap     {'P': 0.5, 'R': 0.4, 'F1': 0.4444}
direct_overlap   {'P': 1.0, 'R': 1.0, 'F1': 1.0}
speaker          0.5
speaker_matched  0.6667
by_source        {'name': '2/2 = 1.0', 'pronoun': '0/1 = 0.0'}
unnamed_named    1/1
n1	66	wrong	gold='Anna Berg'	predicted='Team'	source='She'
n1	99	missed	gold='Carl Dunn|Dunn'	predicted=None	source='The coach'
`
	if b.String() != want {
		t.Errorf("text output:\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := r.PrintJSON(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(b.String(), `"speaker": 0.5, "speaker_matched": 0.6667, "by_source": {"name": "2/2 = 1.0", "pronoun": "0/1 = 0.0"}, "unnamed_named": "1/1"}`+"\n") {
		t.Errorf("json output: %s", b.String())
	}
}

func TestSourceKind(t *testing.T) {
	str := func(s string) *string { return &s }
	for _, tc := range []struct {
		src     *string
		speaker string
		want    string
	}{
		{nil, "Anna Berg", KindNone},
		{str(""), "Anna Berg", KindNone},
		{str(" They "), "Acme Corp", KindPronoun},
		{str("Ms Berg"), "Anna Berg", KindName},
		{str("the firm's O'Neil-Smith"), "Jo O'Neil-Smith", KindName},
		{str("the striker"), "Anna Berg|Berg", KindDescription},
		{str("Acme"), "Acme Corp|ACME", KindName},
		{str("A spokesman"), "Acme", KindDescription}, // "A" alone is no capitalised word
	} {
		if got := sourceKind(tc.src, tc.speaker); got != tc.want {
			t.Errorf("sourceKind(%v, %q) = %q, want %q", tc.src, tc.speaker, got, tc.want)
		}
	}
}

func TestSpeakerIs(t *testing.T) {
	str := func(s string) *string { return &s }
	for _, tc := range []struct {
		got  *string
		gold string
		want bool
	}{
		{str("The Acme  Group"), "Acme Group", true},
		{str("Pope Leo"), "Pope Leo|Leo", true},
		{str("Leo"), "Pope Leo|Leo", true},
		{str("Leo X"), "Pope Leo|Leo", false},
		{nil, "Leo", false},
		{str("theatre group"), "atre group", false}, // only the word "the" goes
	} {
		if got := speakerIs(tc.got, tc.gold); got != tc.want {
			t.Errorf("speakerIs(%v, %q) = %v", tc.got, tc.gold, got)
		}
	}
}

func TestPyRepr(t *testing.T) {
	str := func(s string) *string { return &s }
	for _, tc := range []struct {
		s    *string
		want string
	}{
		{nil, "None"},
		{str("Anna"), "'Anna'"},
		{str("O'Neil"), `"O'Neil"`},
		{str(`O'Neil "Jo"`), `'O\'Neil "Jo"'`},
		{str("a\\b\tc\nd"), `'a\\b\tc\nd'`},
		{str("a\u00a0b\u200bc é"), `'a\xa0b\u200bc é'`},
	} {
		if got := pyRepr(tc.s); got != tc.want {
			t.Errorf("pyRepr(%v) = %s, want %s", tc.s, got, tc.want)
		}
	}
}

func TestLoadNewsErrors(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{`{"id": "n2", "attributions": []}`, "text of n2"},
		{`{"attributions": []}`, `"id"`},
		{`{"id": "../n1"}`, `"id"`},
		{`{"id": "n1", "attributions": [{"kind": "direct", "content_start": 1}]}`, "content_start without content_end"},
		{`{"id": "n1", "attributions": [{"kind": "direct", "cue_start": 1, "cue_end": 2}]}`, "no content"},
		{`not json`, "line 2"},
	} {
		_, err := LoadNews(writeNews(t, newsLine, tc.line))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one naming %q", tc.line, err, tc.want)
		}
	}
	if _, err := LoadNews(writeNews(t, "")); err == nil {
		t.Error("empty gold: no error")
	}
}

func FuzzParseNewsLine(f *testing.F) {
	f.Add([]byte(newsLine))
	f.Add([]byte(`{"id": "x", "attributions": [{"content_start": -5, "content_end": 900, "source_start": 3, "source_end": 1, "speaker": ""}]}`))
	f.Add([]byte(`{"id": 3}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		d, err := parseNewsLine(line, func(string) (string, error) { return newsText, nil })
		if err != nil {
			return
		}
		if len(d.Speakers) != len(d.Quotes) {
			t.Fatalf("%d speakers for %d quotes", len(d.Speakers), len(d.Quotes))
		}
		// Any offsets the reader accepts must score and print without panic.
		r := ScoreNews([]NewsDoc{d}, map[string][]onrecord.Attribution{d.ID: d.Quotes})
		var b bytes.Buffer
		if err := r.Print(&b); err != nil {
			t.Fatal(err)
		}
		if err := r.PrintMisses(&b); err != nil {
			t.Fatal(err)
		}
	})
}
