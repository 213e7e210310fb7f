package pipeline

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/output"
	"github.com/onrecord/onrecord/text"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func extractExample(t *testing.T) *onrecord.Document {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := text.NewDocument(onrecord.ExampleID, []byte(onrecord.Example))
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Extract(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// find returns the attribution whose content holds the phrase.
func find(d *onrecord.Document, phrase string) *onrecord.Attribution {
	for i := range d.Quotes {
		q := &d.Quotes[i]
		for _, c := range q.Content {
			if strings.Contains(d.Slice(c), phrase) {
				return q
			}
		}
	}
	return nil
}

func join(d *onrecord.Document, spans []onrecord.Span) string {
	var parts []string
	for _, s := range spans {
		parts = append(parts, d.Slice(s))
	}
	return strings.Join(parts, " ")
}

// TestExample checks what the issue asks of the bundled article: every
// quotation of Timberlake's statement is his, including the last one,
// whose closing mark the article drops after an inner "Timberlake wrote."
func TestExample(t *testing.T) {
	d := extractExample(t)
	if d.Date != "2021-02-13" {
		t.Errorf("date %q, want 2021-02-13", d.Date)
	}
	// cue: a word the cue must hold; for the last quotation either verb of
	// "He concluded the statement by adding" is a fair cue.
	direct := []struct{ phrase, cue string }{
		{"I specifically want to apologize", "said"},
		{"I've seen the messages", "wrote"},
		{"It sets men, especially white men", "added"},
		{"It's designed this way", "wrote"},
		{"I also feel compelled to respond", "added"},
		{"I have not been perfect", "concluded|adding"},
	}
	for _, tt := range direct {
		q := find(d, tt.phrase)
		switch {
		case q == nil:
			t.Errorf("no attribution holds %q", tt.phrase)
		case q.Kind != onrecord.Direct:
			t.Errorf("%q: kind %s, want direct", tt.phrase, q.Kind)
		case q.Speaker == nil || q.Speaker.Name != "Justin Timberlake":
			t.Errorf("%q: speaker %+v, want Justin Timberlake", tt.phrase, q.Speaker)
		case !containsAny(join(d, q.Cue), strings.Split(tt.cue, "|")):
			t.Errorf("%q: cue %q, want one with %q", tt.phrase, join(d, q.Cue), tt.cue)
		}
	}
	if q := find(d, "I can do better and I will do better"); q == nil || q.Speaker == nil || q.Speaker.Name != "Justin Timberlake" {
		t.Errorf("the end of the last quotation is not Timberlake's: %+v", q)
	}
	if q := find(d, "he had failed"); q == nil || q.Kind != onrecord.Indirect || q.Speaker == nil || q.Speaker.Name != "Justin Timberlake" {
		t.Errorf(`"saying that he had failed": %+v, want indirect by Justin Timberlake`, q)
	}
	if q := find(d, `a "flawed" industry`); q == nil || q.Speaker == nil || q.Speaker.Name != "Justin Timberlake" {
		t.Errorf(`"Calling it a "flawed" industry he added": %+v, want Justin Timberlake`, q)
	}
	if q := find(d, "Timberlake used Spears to advance his career"); q == nil || q.Kind != onrecord.Indirect || join(d, q.Source) != "The documentary" {
		t.Errorf(`"The documentary suggested ...": %+v, want indirect with source "The documentary"`, q)
	}
	also := strings.Index(d.Text, "ALSO READ")
	cp := len([]rune(d.Text[:also]))
	for _, q := range d.Quotes {
		if q.Content[len(q.Content)-1].End > cp {
			t.Errorf("attribution in the ALSO READ lines: %q", join(d, q.Content))
		}
	}
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// TestExampleGolden pins the whole JSONL output for the example article,
// so that any change in what onrecord reports shows up in review.
func TestExampleGolden(t *testing.T) {
	d := extractExample(t)
	var buf bytes.Buffer
	w, err := output.New("jsonl", &buf, output.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(d); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "example.jsonl.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("output differs from %s (run go test -update after checking the change):\n%s", golden, buf.String())
	}
}

// TestTreeSource checks sources found through the parse: a participle cue
// ("saying", "adding") takes the subject of the verb it hangs from even when
// that subject is already the source of the verb's own attribution, and a
// name with a party-state label, which the splitter (as CoreNLP) cuts off
// as a sentence of its own, is the subject of the cue that follows.
func TestTreeSource(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, content, source string
	}{
		{"Attorney General Roy Cooper called on Friday for the release of the police videos, saying that transparency brings progress.\n",
			"transparency brings progress", "Attorney General Roy Cooper"},
		{"The mayor praised the officers on Monday, adding that the city owes them a great deal.\n",
			"the city owes them", "The mayor"},
		{"Rep. Trey Gowdy (R-S.C.) said that claim smacked of hypocrisy.\n",
			"smacked of hypocrisy", "Rep. Trey Gowdy (R-S.C.)"},
		{"However, Rep. Stephen Lynch (D-Mass.) said the law doesn't require witnesses to show up.\n",
			"the law doesn't require", "Rep. Stephen Lynch (D-Mass.)"},
	}
	for _, tc := range tests {
		d, err := text.NewDocument("t", []byte(tc.text))
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Extract(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		q := find(d, tc.content)
		if q == nil {
			t.Errorf("%q: no attribution holds %q", tc.text, tc.content)
			continue
		}
		if got := join(d, q.Source); got != tc.source {
			t.Errorf("%q: source %q, want %q", tc.text, got, tc.source)
		}
	}
}

// TestSignedQuote checks a paragraph that is one quotation signed after a
// dash: the dash is the cue and the name the source, with either dash and
// either quotation mark style.
func TestSignedQuote(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, cue, source string }{
		{"\u201cTrump must stop portraying Latinos as dangerous gangsters. He is ignorant of our culture.\u201d \u2015 Carla Sanchez\n", "\u2015", "Carla Sanchez"},
		{"\"He can't even answer a question without scaring people.\" \u2014 Esther Tapia.\n", "\u2014", "Esther Tapia"},
	} {
		d, err := text.NewDocument("t", []byte(tc.text))
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Extract(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if len(d.Quotes) != 1 {
			t.Errorf("%q: %d attributions, want 1", tc.text, len(d.Quotes))
			continue
		}
		q := d.Quotes[0]
		if q.Kind != onrecord.Direct || join(d, q.Cue) != tc.cue || join(d, q.Source) != tc.source || q.Speaker == nil || q.Speaker.Name != tc.source {
			t.Errorf("%q: got %s, cue %q, source %q, speaker %v", tc.text, q.Kind, join(d, q.Cue), join(d, q.Source), q.Speaker)
		}
	}
}

// TestTranscriptTurn checks that a transcript turn, "PENCE: ...", has the
// label as its source, the colon as its cue and the person the label names
// as its speaker, and that a repeated kicker ("UPDATE:") is not taken for
// a speaker.
func TestTranscriptTurn(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, content, source, speaker string }{
		{"Fox host Chris Wallace pressed Mike Pence on Sunday.\n\nWALLACE: Will Gennifer Flowers be there tomorrow night?\n\nPENCE: Gennifer Flowers will not be attending the debate tomorrow night.\n",
			"Gennifer Flowers will not be attending the debate tomorrow night", "PENCE", "Mike Pence"},
		{"The hosts spoke on Sunday.\n\nWALLACE: Will Gennifer Flowers be there tomorrow night?\n\nHUME: I doubt that she will be there at all.\n\nWALLACE: We will see.\n",
			"Will Gennifer Flowers be there tomorrow night?", "WALLACE", "Wallace"},
		{"JAKE TAPPER: Do you think he has campaigned as a healer?\n\nFALLIN: I think he is trying to campaign as a healer.\n\nTAPPER: And what about the others in the race?\n",
			"And what about the others in the race?", "TAPPER", "Jake Tapper"},
		{"UPDATE: The campaign released a new statement on Friday.\n\nUPDATE: The statement was withdrawn an hour later.\n", "", "", ""},
	} {
		d, err := text.NewDocument("t", []byte(tc.text))
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Extract(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if tc.content == "" {
			for _, q := range d.Quotes {
				if join(d, q.Cue) == ":" {
					t.Errorf("%q: a turn of %q", tc.text, join(d, q.Source))
				}
			}
			continue
		}
		q := find(d, tc.content)
		if q == nil || join(d, q.Cue) != ":" || join(d, q.Source) != tc.source || q.Speaker == nil || q.Speaker.Name != tc.speaker {
			t.Errorf("%q: no turn of %s (%s) holding %q: %+v", tc.text, tc.source, tc.speaker, tc.content, d.Quotes)
		}
	}
}
