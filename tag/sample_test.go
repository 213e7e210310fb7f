package tag

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
)

const sample = "../testdata/timberlake-apology-2021-02-13.txt"

// testToken splits text roughly the PTB way, enough for the sample
// sentences: words (with inner hyphens), the clitic 's, single symbols.
var testToken = regexp.MustCompile(`'s|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*|\S`)

// docOf builds a document of one sentence per string, tokenized by testToken.
func docOf(sents ...string) *onrecord.Document {
	d := &onrecord.Document{Text: strings.Join(sents, " ")}
	base := 0
	for _, s := range sents {
		start := len(d.Tokens)
		for _, m := range testToken.FindAllStringIndex(s, -1) {
			d.Tokens = append(d.Tokens, tokenAt(d.Text, base+m[0], base+m[1]))
		}
		d.Sents = append(d.Sents, onrecord.Sentence{Start: int32(start), End: int32(len(d.Tokens))})
		base += len(s) + 1
	}
	return d
}

func tokenAt(text string, b, e int) onrecord.Token {
	cs := utf8.RuneCountInString(text[:b])
	return onrecord.Token{
		BStart: int32(b), BEnd: int32(e),
		Start: int32(cs), End: int32(cs + utf8.RuneCountInString(text[b:e])),
	}
}

func TestSampleSentences(t *testing.T) {
	text, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	tg := mustDefault(t)
	type want struct{ word, tag, lemma, ner string }
	tests := []struct {
		sent string
		want []want
	}{
		{"Justin Timberlake was recently trending on social media after fans stood in support of his ex-girlfriend Britney Spears, and asked him for an apology.",
			[]want{{"Justin", "NNP", "Justin", "PERSON"}, {"Timberlake", "NNP", "Timberlake", "PERSON"},
				{"was", "VBD", "be", "O"}, {"trending", "VBG", "trend", "O"}, {"fans", "NNS", "fan", "O"},
				{"stood", "VBD", "stand", "O"}, {"his", "PRP$", "he", "O"},
				{"Britney", "NNP", "Britney", "PERSON"}, {"Spears", "NNP", "Spears", "PERSON"},
				{"asked", "VBD", "ask", "O"}, {"an", "DT", "a", "O"}}},
		{"He said, \"I specifically want to apologize to Britney Spears and Janet Jackson both individually, because I care for and respect these women and I know I failed.\"",
			[]want{{"He", "PRP", "he", "O"}, {"said", "VBD", "say", "O"}, {"want", "VBP", "want", "O"},
				{"apologize", "VB", "apologize", "O"}, {"Janet", "NNP", "Janet", "PERSON"},
				{"Jackson", "NNP", "Jackson", "PERSON"}, {"women", "NNS", "woman", "O"},
				{"failed", "VBD", "fail", "O"}}},
		{"I understand that I fell short in these moments and in many others and benefited from a system that condones misogyny and racism,\" he wrote on Friday.",
			[]want{{"fell", "VBD", "fall", "O"}, {"he", "PRP", "he", "O"}, {"wrote", "VBD", "write", "O"},
				{"Friday", "NNP", "Friday", "DATE"}}},
		{"For the unversed, in 2018, Timberlake returned to the Super Bowl halftime show, meanwhile, Janet Jackson did not get another chance 14 years after a wardrobe malfunction that caused a national controversy.",
			[]want{{"2018", "CD", "2018", "DATE"}, {"Timberlake", "NNP", "Timberlake", "PERSON"},
				{"returned", "VBD", "return", "O"}, {"did", "VBD", "do", "O"}, {"years", "NNS", "year", "DURATION"}}},
	}
	for _, tc := range tests {
		if !bytes.Contains(text, []byte(tc.sent)) {
			t.Fatalf("sentence not in the sample: %q", tc.sent)
		}
		d := docOf(tc.sent)
		tg.Tag(d)
		next := 0 // expectations are in order; words may repeat
		for _, w := range tc.want {
			for next < len(d.Tokens) && d.Word(next) != w.word {
				next++
			}
			if next == len(d.Tokens) {
				t.Fatalf("%q: no token %q", tc.sent, w.word)
			}
			tk := d.Tokens[next]
			if got := (want{w.word, tk.Tag, tk.Lemma, tk.NER}); got != w {
				t.Errorf("%q: got %+v, want %+v", tc.sent, got, w)
			}
			next++
		}
	}
}

// TestMalformed: documents with odd sentences or offsets are tagged
// without panicking, and every token in a sentence gets labels.
func TestMalformed(t *testing.T) {
	tg := mustDefault(t)
	d := docOf("He wrote it.")
	d.Sents = nil // no sentences: the whole document is one
	tg.Tag(d)
	for i, tk := range d.Tokens {
		if tk.Tag == "" || tk.NER == "" {
			t.Errorf("token %d untagged without sentences: %+v", i, tk)
		}
	}
	d = docOf("He wrote it.")
	d.Sents = []onrecord.Sentence{{Start: -3, End: 2}, {Start: 3, End: 99}, {Start: 2, End: 1}}
	d.Tokens[1].BStart, d.Tokens[1].BEnd = 50, 40
	tg.Tag(d)
	if d.Tokens[0].Tag == "" || d.Tokens[3].Tag == "" {
		t.Errorf("clamped sentences not tagged: %+v", d.Tokens)
	}
	tg.Tag(&onrecord.Document{})
}

func TestTagAllocs(t *testing.T) {
	tg := mustDefault(t)
	d := docOf("Justin Timberlake said on Friday that he had failed Britney Spears and Janet Jackson.",
		"Netizens started calling for an apology after the release of the documentary.")
	tg.Tag(d) // warm the pool
	// Built lemmas ("netizen", "start") share one string per document.
	if n := testing.AllocsPerRun(20, func() { tg.Tag(d) }); n > 1 {
		t.Errorf("Tag made %v allocations per document, want <= 1", n)
	}
}

func TestConcurrentTag(t *testing.T) {
	tg := mustDefault(t)
	text, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	var sents []string
	for _, line := range strings.Split(string(text), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			sents = append(sents, line)
		}
	}
	ref := docOf(sents...)
	tg.Tag(ref)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 5; k++ {
				d := docOf(sents...)
				tg.Tag(d)
				for i := range d.Tokens {
					if d.Tokens[i] != ref.Tokens[i] {
						errs <- d.Word(i)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for w := range errs {
		t.Errorf("concurrent tagging differs at %q", w)
	}
}

func FuzzTag(f *testing.F) {
	f.Add("He said , \" I failed . \" Justin Timberlake wrote on Friday .")
	f.Add("\xff\xfe Ünïcödé 漢字 -- ... 's n't U.S. 3.5% $ 10")
	f.Add("")
	// The document-level passes: initials defined, a surname after a full name.
	f.Add("The World Cargo Board ( WCB ) met . WCB ( ) ( Mary Halloway smiled . Miss Halloway left")
	// Role words, openers, storms, laws, and a document ending in a title.
	f.Add("Emperor Tomas Vell signed the Clean Rivers Act . Cyclone Mirela hit . Mirela faded . Iodine fell . iodine . Mara Lind , QC . TC Mirela . Thank you Miss")
	tg, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := &onrecord.Document{Text: text}
		start := 0
		for i := 0; i <= len(text); i++ {
			if i < len(text) && text[i] != ' ' && text[i] != '\n' {
				continue
			}
			if i > start {
				d.Tokens = append(d.Tokens, tokenAt(text, start, i))
				if w := text[start:i]; w == "." || w == "\n" {
					d.Sents = append(d.Sents, onrecord.Sentence{End: int32(len(d.Tokens))})
				}
			}
			start = i + 1
		}
		// Sentences run from the previous end: cut at "." tokens.
		prev := int32(0)
		for i := range d.Sents {
			d.Sents[i].Start, prev = prev, d.Sents[i].End
		}
		if prev < int32(len(d.Tokens)) {
			d.Sents = append(d.Sents, onrecord.Sentence{Start: prev, End: int32(len(d.Tokens))})
		}
		tg.Tag(d)
		for i, tk := range d.Tokens {
			if tk.Tag == "" || tk.NER == "" {
				t.Fatalf("token %d %q untagged: %+v", i, d.Word(i), tk)
			}
		}
	})
}

// TestTitleCase: a headline in title case is tagged as its words would be
// in sentence case, and its names stay names.
func TestTitleCase(t *testing.T) {
	tg := mustDefault(t)
	for _, tc := range []struct {
		sent      string
		word, tag string
		ner       string
	}{
		{"Farmers Slam New Water Rules As A Costly Mistake", "Slam", "VBP", "O"},
		{"Farmers Slam New Water Rules As A Costly Mistake", "Costly", "JJ", "O"},
		{"Gina Marsh Says The Plan Will Fail", "Says", "VBZ", "O"},
		{"Gina Marsh Says The Plan Will Fail", "Marsh", "NNP", "PERSON"},
		{"Gina Marsh Says The Plan Will Fail", "Will", "MD", "O"},
	} {
		d := docOf(tc.sent)
		tg.Tag(d)
		for i, tk := range d.Tokens {
			if d.Word(i) == tc.word && (tk.Tag != tc.tag || tk.NER != tc.ner) {
				t.Errorf("%q: %s got %s %s, want %s %s", tc.sent, tc.word, tk.Tag, tk.NER, tc.tag, tc.ner)
			}
		}
	}
}

// TestBritishTitles: a title without a period is tagged as with one.
func TestBritishTitles(t *testing.T) {
	tg := mustDefault(t)
	d := docOf("Ticket prices, Ms Adebayor says, are set by the venue alone.")
	tg.Tag(d)
	want := map[string]string{"Ms": "NNP", "Adebayor": "NNP", "says": "VBZ"}
	for i, tk := range d.Tokens {
		if w, ok := want[d.Word(i)]; ok && tk.Tag != w {
			t.Errorf("%s got %s, want %s", d.Word(i), tk.Tag, w)
		}
	}
}

// TestTitleCaseCommonWords: in a title-case sentence a word no vocabulary
// entry holds is read lower-case when the model's common-word list has it
// and it is no listed name ("Slam"), and kept as written otherwise.
func TestTitleCaseCommonWords(t *testing.T) {
	g := newGazetteer([]string{"gina"}, []string{"marsh"}, []string{"slam", "rules", "marsh"}, nil)
	tg := &Tagger{lexicon: map[string]int32{}, gaz: g}
	d := docOf("Farmers Slam Gina Marsh Over New Rules")
	n := len(d.Tokens)
	var s sentence
	s.reset(n)
	lex := make([]int32, n)
	for i := range lex {
		lex[i] = -1
		s.tok[i+pad] = g.info(d.Word(i))
	}
	if tg.lowerTitleCase(d, 0, &s, lex) == nil {
		t.Fatal("not read as title case")
	}
	for i, lowered := range []bool{false, true, false, false, false, false, true} {
		if got := s.tok[i+pad].flags&flagInitCap == 0; got != lowered {
			t.Errorf("%s: read lower-case %v, want %v", d.Word(i), got, lowered)
		}
	}
}
