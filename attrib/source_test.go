package attrib

import (
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/parse"
	"github.com/onrecord/onrecord/tag"
	"github.com/onrecord/onrecord/text"
)

// analysed tokenizes, tags and parses one sentence with the embedded models.
func analysed(t *testing.T, s string) *onrecord.Document {
	t.Helper()
	d, err := text.NewDocument("t", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	text.Tokenize(d)
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	p, err := parse.Default()
	if err != nil {
		t.Fatal(err)
	}
	tg.Tag(d)
	p.Parse(d)
	return d
}

// TestTreeSource gives a cue and its content, with no source, and expects
// the source found in the parse.
func TestTreeSource(t *testing.T) {
	tests := []struct{ sent, cue, content, want string }{
		{"The senator said the plan failed.", "said", "the plan failed", "The senator"},
		{"According to Smith, the plan failed.", "According to", "the plan failed", "Smith"},
		{"The act was passed by Congress with wide support.", "was passed", "The act", "Congress"},
		{"He concluded the statement by adding, “I can do better.”", "adding", "“I can do better.”", "He"},
		// "to" introduces the content, not a source: the subject of the
		// verb the participle hangs from is the source.
		{"Looking ahead to the future of the armed forces, Ham explained his vote.", "Looking ahead to", "the future of the armed forces", "Ham"},
		{"The ad uses footage of Hillary Clinton asking, “Why am I not ahead?”", "asking", "“Why am I not ahead?”", "Hillary Clinton"},
		// The example article: with no comma after the participle clause
		// the parser makes "Calling" the root, and "he" is left over.
		{`Calling it a "flawed" industry he added, "It sets men, especially white men, up for success."`, "Calling", `it a "flawed" industry`, "he"},
		// The parser hangs both "the" and "former" from "took" as subjects:
		// the source is the two together.
		{"Now, the former took to his Instagram account and issued a statement, saying that he had failed.", "saying", "that he had failed", "the former"},
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		d := analysed(t, tt.sent)
		f := featurizer{m: m}
		f.prepare(d)
		ca, cb := d.TokensIn(span(d, tt.cue)[0])
		xa, xb := d.TokensIn(span(d, tt.content)[0])
		segs := []segment{{role: 2, a: ca, b: cb, cue: -1}, {role: 3, a: xa, b: xb, cue: 0}}
		sg, ok := treeSource(d, segs, 0, &f)
		got := ""
		if ok {
			got = d.Text[d.Tokens[sg.a].BStart:d.Tokens[sg.b-1].BEnd]
		}
		if got != tt.want {
			t.Errorf("%q: source %q, want %q", tt.sent, got, tt.want)
		}
	}
}
