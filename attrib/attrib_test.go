package attrib

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
)

// doc builds a document of whitespace tokens, one sentence per line, with
// tags taken from a tiny table and no parse (every token a root).
func doc(text string) *onrecord.Document {
	d := &onrecord.Document{Text: text, Body: onrecord.Span{End: utf8.RuneCountInString(text)}}
	cp, start, startCP := 0, -1, 0
	sent := int32(0)
	flush := func(b int) {
		if start >= 0 {
			d.Tokens = append(d.Tokens, onrecord.Token{Start: int32(startCP), End: int32(cp), BStart: int32(start), BEnd: int32(b), Head: -1, Tag: "NN"})
			start = -1
		}
	}
	for i, r := range text {
		if r == ' ' || r == '\n' {
			flush(i)
			if r == '\n' && int32(len(d.Tokens)) > sent {
				d.Sents = append(d.Sents, onrecord.Sentence{Start: sent, End: int32(len(d.Tokens))})
				sent = int32(len(d.Tokens))
			}
		} else if start < 0 {
			start, startCP = i, cp
		}
		cp++
	}
	flush(len(text))
	if int32(len(d.Tokens)) > sent {
		d.Sents = append(d.Sents, onrecord.Sentence{Start: sent, End: int32(len(d.Tokens))})
	}
	for i := range d.Tokens {
		if d.Word(i) == "said" {
			d.Tokens[i].Tag = "VBD"
		}
	}
	return d
}

func span(d *onrecord.Document, phrase string) []onrecord.Span {
	i := strings.Index(d.Text, phrase)
	s := utf8.RuneCountInString(d.Text[:i])
	return []onrecord.Span{{Start: s, End: s + utf8.RuneCountInString(phrase)}}
}

func TestGoldLabels(t *testing.T) {
	d := doc(`" Taxes will fall , " Smith said .`)
	d.Quotes = []onrecord.Attribution{{
		Content: span(d, `" Taxes will fall , "`), Cue: span(d, "said"), Source: span(d, "Smith"),
	}}
	got := goldLabels(d)
	want := []int8{lBCon, lICon, lICon, lICon, lICon, lICon, lBSrc, lBCue, lO}
	if !bytes.Equal(int8s(got), int8s(want)) {
		t.Errorf("labels %v, want %v", got, want)
	}
}

func int8s(x []int8) []byte {
	b := make([]byte, len(x))
	for i, v := range x {
		b[i] = byte(v)
	}
	return b
}

func corpus() []*onrecord.Document {
	var docs []*onrecord.Document
	for _, s := range []struct{ text, content, cue, source string }{
		{`" We will win , " Smith said .`, `" We will win , "`, "said", "Smith"},
		{`Jones said taxes will fall .`, "taxes will fall", "said", "Jones"},
		{`" Prices are up , " Lee said .`, `" Prices are up , "`, "said", "Lee"},
	} {
		d := doc(s.text)
		d.Quotes = []onrecord.Attribution{{Content: span(d, s.content), Cue: span(d, s.cue), Source: span(d, s.source)}}
		docs = append(docs, d)
	}
	return docs
}

// TestTrainSaveLoad: the same data and seed give the same bytes, a loaded
// model saves back to them, and it extracts what it was taught.
func TestTrainSaveLoad(t *testing.T) {
	save := func(m *Model) []byte {
		var b bytes.Buffer
		if err := m.Save(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	m1, err := Train(corpus(), TrainOptions{Seed: 3, Bits: 12, Epochs: 5})
	if err != nil {
		t.Fatal(err)
	}
	m2, _ := Train(corpus(), TrainOptions{Seed: 3, Bits: 12, Epochs: 5})
	b1 := save(m1)
	if !bytes.Equal(b1, save(m2)) {
		t.Fatal("two trainings with the same seed differ")
	}
	m3, err := Load(bytes.NewReader(b1))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1, save(m3)) {
		t.Fatal("load → save changes the model")
	}
	d := doc(`" We will win , " Smith said .`)
	m3.Extract(d)
	if len(d.Quotes) != 1 || d.Slice(d.Quotes[0].Content[0]) != `" We will win , "` || d.Quotes[0].Kind != onrecord.Direct {
		t.Fatalf("extracted %+v", d.Quotes)
	}
	if c := d.Quotes[0].Confidence; c <= 0 || c > 1 {
		t.Errorf("confidence %v outside (0, 1]", c)
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	for _, in := range []string{"", "not gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00"} {
		if _, err := Load(strings.NewReader(in)); err == nil {
			t.Errorf("Load(%q) succeeded", in)
		}
	}
}

// FuzzExtract: any text, tokenized naively, must not panic the embedded
// model, and every attribution must lie inside the text.
func FuzzExtract(f *testing.F) {
	f.Add(`" Taxes will fall , " Smith said .`)
	f.Add("\" \" \"\nsaid said\n\n“ ”")
	f.Add("“ Taxes will fall . ” ― Carla Sanchez\n\n” x ” -- A B C D E F .")
	f.Add("PENCE : Taxes will fall .\n\n\" PENCE : We will see .\n\nUPDATE : none")
	f.Add("According to the board , taxes said fall , but\nPer\nTaxes , she said , will fall .\nrates rose , a group has said")
	f.Add("Roe said : \" We won . \" They know it . \" It is 6'3\" tall")
	m := testModel(f)
	f.Fuzz(func(t *testing.T, text string) {
		d := doc(text)
		m.Extract(d)
		n := utf8.RuneCountInString(text)
		for _, q := range d.Quotes {
			for _, s := range append(append(q.Content, q.Cue...), q.Source...) {
				if s.Start < 0 || s.End > n || s.Start >= s.End {
					t.Fatalf("span %v outside the text of %d code points", s, n)
				}
			}
		}
	})
}
