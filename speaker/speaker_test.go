package speaker

import (
	"context"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
)

func TestCanonical(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Mr. Trump", "Trump"},
		{"Donald J. Trump", "Donald J. Trump"},
		{"Sen. Ted Cruz, R-Texas", "Ted Cruz"},
		{"House Speaker Paul D. Ryan (R-Wis.)", "House Speaker Paul D. Ryan"},
		{"President Barack Obama", "Barack Obama"},
		{"Clinton's", "Clinton"},
		{"Spears'", "Spears"},
		{"  Gov.   Mike  Pence ", "Mike Pence"},
		{"the Rev. Peter Wherry", "Peter Wherry"},
		{"Secretary of State John Kerry", "of State John Kerry"},
		{"Mrs.", "Mrs."},
		{"Elizabeth II", "Elizabeth II"},   // a regnal number after a lone given name
		{"Robert Ames III", "Robert Ames"}, // a suffix after a surname
		{"Lord Ashworth", "Ashworth"},
		{"21 Savage", "21 Savage"},  // a stage name opening with a number
		{"2004 Roe", "Roe"},         // a year is no part of a name
		{"-- Jane Roe", "Jane Roe"}, // stray punctuation before a name
		{"21 Jane Roe", "Jane Roe"}, // nor a number before a full name
		{"", ""},
	} {
		if got := Canonical(c.in); got != c.want {
			t.Errorf("Canonical(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNames(t *testing.T) {
	n := Names{orgWords: map[string]bool{"zorbex": true}}
	for _, s := range []string{"Donald Trump", "Hillary Clinton", "Bill Clinton", "Hillary Clinton", "Hillary Clinton", "Justin Timberlake", "Debbie Wasserman Schultz", "Zorbex Polska", "Ravindra Kulkarni"} {
		n.Add(s)
	}
	for _, c := range []struct{ in, want string }{
		{"Mr. Trump", "Donald Trump"},
		{"Trump", "Donald Trump"},
		{"Donald J. Trump", "Donald Trump"},
		{"Trump's", "Donald Trump"},
		{"Hillary Clinton", "Hillary Clinton"},
		{"Bill Clinton", "Bill Clinton"},
		// Hillary is named three times to Bill's once.
		{"Clinton", "Hillary Clinton"},
		{"Mrs. Clinton", "Hillary Clinton"},
		{"Justin", "Justin Timberlake"},
		{"Sanders", "Sanders"},
		// A word that names an organisation stands for no full name it
		// starts; another one does.
		{"Zorbex", "Zorbex"},
		{"Ravindra", "Ravindra Kulkarni"},
		// A compound surname without the given name.
		{"Ms. Wasserman Schultz", "Debbie Wasserman Schultz"},
		{"Schultz", "Debbie Wasserman Schultz"},
	} {
		if got := n.Lookup(c.in); got != c.want {
			t.Errorf("Lookup(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// A monarch's given name alone; a name written without its accents.
	var r Names
	r.Add("Elizabeth II")
	r.Add("Ayşe Özdemir")
	for _, c := range []struct{ in, want string }{
		{"Elizabeth", "Elizabeth II"},
		{"Ozdemir", "Ayşe Özdemir"},
		{"Ms Ozdemir", "Ayşe Özdemir"},
	} {
		if got := r.Lookup(c.in); got != c.want {
			t.Errorf("Lookup(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// A middle name written out later makes the fullest name; a middle
	// initial does not.
	var f Names
	f.Add("Jane Roe")
	f.Add("Jane Ann Roe")
	f.Add("Jane B. Roe")
	if got := f.Lookup("Roe"); got != "Jane Ann Roe" {
		t.Errorf("Roe after a middle name = %q, want Jane Ann Roe", got)
	}
	// The most recent of equally salient full names wins.
	var m Names
	m.Add("Hillary Clinton")
	m.Add("Bill Clinton")
	if got := m.Lookup("Clinton"); got != "Bill Clinton" {
		t.Errorf("recent Clinton = %q, want Bill Clinton", got)
	}
	if got := m.Lookup("Mrs. Clinton"); got != "Hillary Clinton" {
		t.Errorf("Mrs. Clinton = %q, want Hillary Clinton", got)
	}
	if got := m.Lookup("Mr. Clinton"); got != "Bill Clinton" {
		t.Errorf("Mr. Clinton = %q, want Bill Clinton", got)
	}
}

// TestNamesSalience checks which bearer of a shared surname a bare surname
// means when the most recent full name is not the story's subject.
func TestNamesSalience(t *testing.T) {
	for _, c := range []struct {
		name   string
		added  []string
		pron   map[string]*[2]int
		lookup string
		want   string
	}{
		// The subject is named in full once and by surname after: those
		// mentions count, and one mention of a namesake does not win.
		{"short mentions count", []string{"Bob Ray", "Ray", "Ray", "Ray", "Tim Ray"}, nil, "Ray", "Bob Ray"},
		// Her first name used alone ("Hillary said") is a mention of her
		// too, not a sign that the surname means someone else.
		{"first name alone", []string{"Hillary Clinton", "Hillary", "Bill Clinton"}, nil, "Clinton", "Hillary Clinton"},
		// "Ray said she ...": the article's pronouns give the bare
		// surname a gender.
		{"pronouns after the surname", []string{"Jane Ray", "Tom Ray"}, map[string]*[2]int{"ray": {0, 2}}, "Ray", "Jane Ray"},
		{"pronouns that do not lean", []string{"Jane Ray", "Tom Ray"}, map[string]*[2]int{"ray": {1, 1}}, "Ray", "Tom Ray"},
		// A title outweighs the pronouns.
		{"title first", []string{"Jane Ray", "Tom Ray"}, map[string]*[2]int{"ray": {0, 2}}, "Mr. Ray", "Tom Ray"},
		// News names a person in full first: a word written alone again
		// and again before a longer name starting with it is a name of
		// its own (a firm the tagger took for a person), unless it is a
		// first name; once alone (a headline) it is still the short form.
		{"alone before the longer name", []string{"Zentrix", "Zentrix", "Zentrix Baltica"}, nil, "Zentrix", "Zentrix"},
		{"once alone before", []string{"Marlowe", "Marlowe Quint"}, nil, "Marlowe", "Marlowe Quint"},
		{"a first name alone before", []string{"Justin", "Justin", "Justin Timberlake"}, nil, "Justin", "Justin Timberlake"},
		{"alone after the longer name", []string{"Zentrix Baltica", "Zentrix", "Zentrix"}, nil, "Zentrix", "Zentrix Baltica"},
	} {
		n := Names{pron: c.pron}
		for _, s := range c.added {
			n.Add(s)
		}
		if got := n.Lookup(c.lookup); got != c.want {
			t.Errorf("%s: Lookup(%q) = %q, want %q", c.name, c.lookup, got, c.want)
		}
	}
}

// TestSurnamePronouns checks the whole path: the she written after a bare
// surname picks the wife over the husband named later.
func TestSurnamePronouns(t *testing.T) {
	d := toy("Jane Ray runs the farm. Ray said she would sell it. Her husband Tom Ray agreed. Later Ray said taxes rose.",
		[]string{"Jane Ray", "Tom Ray"}, nil)
	splitSentences(d)
	sourceAt(t, d, "Ray", 3)
	Resolve(d)
	if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != "Jane Ray" {
		t.Errorf("got %+v, want Jane Ray", sp)
	}
}

// TestAuthor checks an unquoted "I": the writer who signs the letter, or
// the one a column's closing line presents.
func TestAuthor(t *testing.T) {
	for _, c := range []struct {
		name, text string
		people     []string
		n          int
		want       string
	}{
		// The toy tokenizer keeps a final period on its word, so the
		// signatures go without one.
		{"letter", "Taxes are too high. I think the council should cut them.\n\nAnn Lee\n\nThe roads are bad. I want them fixed.\n\nBob Ray",
			[]string{"Ann Lee", "Bob Ray"}, 1, "Bob Ray"},
		{"column", "I grew up on a farm. I know the work.\n\nJane Roe is a writer in Ohio.", []string{"Jane Roe"}, 1, "Jane Roe"},
		{"neither", "I grew up on a farm. I know the work. Jane Roe agrees.", []string{"Jane Roe"}, 1, ""},
	} {
		d := toy(c.text, c.people, nil)
		for i := range d.Tokens {
			if d.Word(i) == "is" {
				d.Tokens[i].Lemma = "be"
			}
		}
		sourceAt(t, d, "I", c.n)
		got := firstSpeaker(d)
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// toy analyses a text without a parser: a regexp tokenizer, sentence
// breaks at final punctuation, tags from word shape and NER from the given
// name lists, and no dependency tree. Resolve must cope with that little.
func toy(text string, people, orgs []string) *onrecord.Document {
	d := &onrecord.Document{Text: text}
	// A possessive 's is a token of its own, as taggers write it.
	re := regexp.MustCompile(`['’]s\b|[\p{L}\p{N}]+(?:[.-][\p{L}\p{N}]+|['’](?:[^s\s\p{P}]|s[\p{L}\p{N}])[\p{L}\p{N}]*)*\.?|\S`)
	byteToCP := map[int]int{}
	cp := 0
	for i := range text {
		byteToCP[i] = cp
		cp++
	}
	byteToCP[len(text)] = cp
	ner := map[string]string{}
	for _, list := range []struct {
		names []string
		tag   string
	}{{people, "PERSON"}, {orgs, "ORGANIZATION"}} {
		for _, n := range list.names {
			for _, w := range strings.Fields(n) {
				ner[w] = list.tag
			}
		}
	}
	start := 0
	for _, m := range re.FindAllStringIndex(text, -1) {
		w := text[m[0]:m[1]]
		t := onrecord.Token{BStart: int32(m[0]), BEnd: int32(m[1]),
			Start: int32(byteToCP[m[0]]), End: int32(byteToCP[m[1]]), Head: -1, NER: "O", Tag: "NN"}
		lw := strings.ToLower(w)
		switch {
		case w == "'s" || w == "’s":
			t.Tag = "POS"
		case pronClass(lw) != "":
			t.Tag = "PRP"
			if lw == "his" || lw == "her" || lw == "their" || lw == "its" || lw == "my" || lw == "our" {
				t.Tag = "PRP$"
			}
		case lw == "the" || lw == "a" || lw == "an":
			t.Tag = "DT"
		case ner[w] != "":
			t.Tag, t.NER = "NNP", ner[w]
		case w[0] >= 'A' && w[0] <= 'Z':
			t.Tag = "NNP"
		case isPunct(w):
			t.Tag = w
		}
		t.Lemma = lw
		if len(d.Tokens) > 0 && strings.Contains(text[d.Tokens[len(d.Tokens)-1].BEnd:m[0]], "\n") && start < len(d.Tokens) {
			d.Sents = append(d.Sents, onrecord.Sentence{Start: int32(start), End: int32(len(d.Tokens))})
			start = len(d.Tokens)
		}
		d.Tokens = append(d.Tokens, t)
		if w == "." || w == "!" || w == "?" {
			d.Sents = append(d.Sents, onrecord.Sentence{Start: int32(start), End: int32(len(d.Tokens))})
			start = len(d.Tokens)
		}
	}
	if start < len(d.Tokens) {
		d.Sents = append(d.Sents, onrecord.Sentence{Start: int32(start), End: int32(len(d.Tokens))})
	}
	return d
}

// sourceAt adds an attribution whose source is the n-th (0-based)
// whole-word occurrence of src in the text, content the following 20 code points.
func sourceAt(t *testing.T, d *onrecord.Document, src string, n int) {
	t.Helper()
	runes := []rune(d.Text)
	r := []rune(src)
	for i, seen := 0, 0; i+len(r) <= len(runes); i++ {
		if string(runes[i:i+len(r)]) != src ||
			i > 0 && unicode.IsLetter(runes[i-1]) || i+len(r) < len(runes) && unicode.IsLetter(runes[i+len(r)]) {
			continue
		}
		if seen == n {
			d.Quotes = append(d.Quotes, onrecord.Attribution{
				Kind:    onrecord.Indirect,
				Source:  []onrecord.Span{{Start: i, End: i + len(r)}},
				Content: []onrecord.Span{{Start: i + len(r), End: min(i+len(r)+20, len(runes))}},
			})
			return
		}
		seen++
	}
	t.Fatalf("source %q #%d not in text", src, n)
}

func TestTimberlake(t *testing.T) {
	text, err := os.ReadFile("../testdata/timberlake-apology-2021-02-13.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := toy(string(text),
		[]string{"Justin Timberlake", "Britney Spears", "Janet Jackson"},
		[]string{"The New York Times", "Hulu", "FX"})
	cases := []struct {
		src  string
		n    int
		name string
		typ  string
	}{
		{"the former", 0, "Justin Timberlake", Person},
		{"He", 0, "Justin Timberlake", Person}, // He said, "I specifically ..."
		{"he", 1, "Justin Timberlake", Person}, // he wrote on Friday
		{"The documentary", 0, "", ""},         // a work, no one named
		{"he", 3, "Justin Timberlake", Person}, // he added, "It sets men ..."
		{"He", 1, "Justin Timberlake", Person}, // He wrote, "It's designed ..."
		{"Justin", 3, "Justin Timberlake", Person},
		{"He", 2, "Justin Timberlake", Person}, // He concluded
		{"Timberlake", 6, "Justin Timberlake", Person},
	}
	for _, c := range cases {
		sourceAt(t, d, c.src, c.n)
	}
	Resolve(d)
	for i, c := range cases {
		got, typ := "", ""
		if sp := d.Quotes[i].Speaker; sp != nil {
			got, typ = sp.Name, sp.Type
		}
		if got != c.name || typ != c.typ {
			t.Errorf("%q #%d: got %q (%s), want %q (%s)", c.src, c.n, got, typ, c.name, c.typ)
		}
	}
}

// TestSourceless checks attributions the extractor found no source for:
// reported speech stays unnamed, while a quotation that goes on after one
// with a speaker is that speaker's.
func TestSourceless(t *testing.T) {
	d := toy("Trump said so. It was reported that taxes rose.\n\n\"Taxes rose.\"", []string{"Trump"}, nil)
	d.Quotes = []onrecord.Attribution{
		{Kind: onrecord.Indirect, Content: []onrecord.Span{{Start: 30, End: 47}}, Speaker: &onrecord.Speaker{Name: "stale"}},
		{Kind: onrecord.Direct, Content: []onrecord.Span{{Start: 49, End: 62}}},
	}
	sourceAt(t, d, "Trump", 0)
	d.Quotes[2].Content = []onrecord.Span{{Start: 12, End: 14}}
	Resolve(d)
	if d.Quotes[0].Speaker != nil {
		t.Errorf("sourceless reported speech got speaker %+v", d.Quotes[0].Speaker)
	}
	if sp := d.Quotes[1].Speaker; sp == nil || sp.Name != "Trump" || sp.Type != Person {
		t.Errorf("sourceless quotation after Trump's: got %+v, want Trump", sp)
	}
	if sp := d.Quotes[2].Speaker; sp == nil || sp.Name != "Trump" || sp.Type != Person {
		t.Errorf("Trump: got %+v", sp)
	}
}

// TestInvertedCue checks a quotation whose source the extractor missed
// where it follows the verb ("..., said Lena Marsh"), which the parser
// took for the verb's object.
func TestInvertedCue(t *testing.T) {
	for _, c := range []struct {
		text, after string
		deps        [][3]string // word, relation, head word
	}{
		{"Spain won. \"What a year,\" said Lena Marsh afterwards.", "said",
			[][3]string{{"Marsh", "dobj", "said"}, {"Lena", "compound", "Marsh"}}},
		// A title before the name, with a place in it.
		{"Spain won. \"What a year,\" tweeted Mayor of Springfield Lena Marsh today.", "tweeted",
			[][3]string{{"Mayor", "dobj", "tweeted"}, {"Marsh", "nmod", "Mayor"}, {"Lena", "compound", "Marsh"}, {"of", "case", "Marsh"}}},
	} {
		d := toy(c.text, []string{"Lena Marsh", "Mayor"}, nil)
		splitSentences(d)
		for _, dep := range c.deps {
			attach(t, d, dep[0], 0, dep[1], dep[2])
		}
		cue := spanOf(t, d, c.after)
		d.Quotes = []onrecord.Attribution{{Kind: onrecord.Direct,
			Content: []onrecord.Span{{Start: spanOf(t, d, "\"What").Start, End: cue.Start - 1}}, Cue: []onrecord.Span{cue}}}
		Resolve(d)
		if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != "Lena Marsh" || sp.Type != Person {
			t.Errorf("%q: got %+v, want Lena Marsh (person)", c.text, sp)
		}
	}
}

// TestInvertedBareDescription: "..., said the Ruritanian" with no source
// from the extractor is the person the story is about, even where the
// tagger read the nationality as an adjective and the parser as an object.
func TestInvertedBareDescription(t *testing.T) {
	d := toy("Lena Marsh won in Spain. \"What a year,\" said the Ruritanian afterwards.", []string{"Lena Marsh"}, nil)
	splitSentences(d)
	for i := range d.Tokens {
		if d.Word(i) == "Ruritanian" {
			d.Tokens[i].Tag, d.Tokens[i].NER = "JJ", "MISC"
		}
	}
	attach(t, d, "Marsh", 0, "nsubj", "won")
	attach(t, d, "Lena", 0, "compound", "Marsh")
	attach(t, d, "Ruritanian", 0, "dobj", "said")
	attach(t, d, "the", 0, "det", "Ruritanian")
	cue := spanOf(t, d, "said")
	d.Quotes = []onrecord.Attribution{{Kind: onrecord.Direct,
		Content: []onrecord.Span{{Start: spanOf(t, d, "\"What").Start, End: cue.Start - 1}}, Cue: []onrecord.Span{cue}}}
	Resolve(d)
	if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != "Lena Marsh" || sp.Type != Person {
		t.Errorf("got %+v, want Lena Marsh (person)", sp)
	}
}

// TestPassiveAgent checks a passive cue whose agent is named ("The phone
// was described by Jane Roe as ..."): the agent speaks, not the subject
// the extractor took for the source, even where the content holds the
// whole clause.
func TestPassiveAgent(t *testing.T) {
	for _, c := range []struct {
		text, agentHead string // agentHead: the word "Roe" hangs on
	}{
		{"Sales rose. The Zorbex phone was described by Jane Roe as a triumph.", "described"},
		// On a complement of the verb, as parsers often hang it.
		{"Sales rose. The Zorbex phone was described as triumphant by Jane Roe today.", "triumphant"},
	} {
		text := c.text
		d := toy(text, []string{"Jane Roe"}, nil)
		splitSentences(d)
		attach(t, d, "phone", 0, "nsubjpass", "described")
		attach(t, d, "was", 0, "auxpass", "described")
		attach(t, d, "Roe", 0, "nmod", c.agentHead)
		attach(t, d, "by", 0, "case", "Roe")
		attach(t, d, "Jane", 0, "compound", "Roe")
		if c.agentHead != "described" {
			attach(t, d, c.agentHead, 0, "advcl", "described")
		}
		setTags(d, map[string]string{"described": "VBN"})
		cue := spanOf(t, d, "was described")
		d.Quotes = []onrecord.Attribution{{Kind: onrecord.Indirect,
			Source:  []onrecord.Span{{Start: spanOf(t, d, "The Zorbex").Start, End: cue.Start - 1}},
			Cue:     []onrecord.Span{cue},
			Content: []onrecord.Span{{Start: spanOf(t, d, "Jane").Start, End: len(text) - 1}}}}
		Resolve(d)
		if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != "Jane Roe" || sp.Type != Person {
			t.Errorf("%q: got %+v, want Jane Roe (person)", text, sp)
		}
	}
}

// TestLostSubject checks cues whose subject the parser lost: the name
// written just before the cue ("but Ann Lee is confident", also with an
// appositive between), and, for a
// participle, the subject of the sentence ("Ann Lee derided the claims,
// saying ...").
func TestLostSubject(t *testing.T) {
	for _, c := range []struct {
		text, cue, content string
		tags               map[string]string
		deps               [][3]string // word, relation, head word
	}{
		{"The team will play Leeds but Ann Lee is confident they will win.", "is confident", "they will win",
			map[string]string{"is": "VBZ", "confident": "JJ", "will": "MD", "play": "VB"},
			[][3]string{{"Lee", "conj", "Leeds"}, {"Ann", "compound", "Lee"}, {"is", "cop", "confident"}, {"confident", "ccomp", "play"}, {"play", "root", "play"}}},
		{"The team will play Leeds but Ann Lee, the captain, is confident they will win.", "is confident", "they will win",
			map[string]string{"is": "VBZ", "confident": "JJ", "will": "MD", "play": "VB"},
			[][3]string{{"Lee", "conj", "Leeds"}, {"Ann", "compound", "Lee"}, {"captain", "appos", "Lee"}, {"is", "cop", "confident"}, {"confident", "ccomp", "play"}, {"play", "root", "play"}}},
		{"Ann Lee derided the claims, saying the sums were wrong.", "saying", "the sums were wrong",
			map[string]string{"derided": "VBD", "saying": "VBG"},
			[][3]string{{"Lee", "nsubj", "derided"}, {"Ann", "compound", "Lee"}, {"saying", "acl", "claims"}, {"derided", "root", "derided"}}},
	} {
		d := toy(c.text, []string{"Ann Lee"}, nil)
		setTags(d, c.tags)
		for _, dep := range c.deps {
			attach(t, d, dep[0], 0, dep[1], dep[2])
		}
		d.Quotes = []onrecord.Attribution{{Kind: onrecord.Indirect,
			Cue: []onrecord.Span{spanOf(t, d, c.cue)}, Content: []onrecord.Span{spanOf(t, d, c.content)}}}
		Resolve(d)
		if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != "Ann Lee" || sp.Type != Person {
			t.Errorf("%q: got %+v, want Ann Lee (person)", c.text, sp)
		}
	}
}

// TestApposedAfter checks a source that stops at a description before
// the name in apposition to it ("According to the club's manager, Ann
// Lee, ..."): the person named.
func TestApposedAfter(t *testing.T) {
	text := "Bob Ray cheered. According to the club's manager, Ann Lee, the match was late."
	d := toy(text, []string{"Ann Lee", "Bob Ray"}, nil)
	splitSentences(d)
	attach(t, d, "Ray", 0, "nsubj", "cheered.")
	attach(t, d, "the", 0, "det", "manager")
	attach(t, d, "club", 0, "nmod:poss", "manager")
	attach(t, d, "Lee", 0, "dep", "match") // a parser's slip, as often here
	attach(t, d, "Ann", 0, "compound", "Lee")
	d.Quotes = []onrecord.Attribution{{Kind: onrecord.Indirect,
		Source:  []onrecord.Span{spanOf(t, d, "the club's manager")},
		Content: []onrecord.Span{{Start: spanOf(t, d, "the match").Start, End: len(text) - 1}}}}
	Resolve(d)
	if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != "Ann Lee" || sp.Type != Person {
		t.Errorf("got %+v, want Ann Lee (person)", sp)
	}
}

// TestBothSources checks "both X and Y", "neither X nor Y" and two
// organisations joined: they speak as a group, named by both, neither of
// them alone.
func TestBothSources(t *testing.T) {
	for _, c := range []struct{ text, src, want, nn string }{
		{"Prices rose. Both Ann Lee and Acme said the rise was small.", "Both Ann Lee and Acme", "Ann Lee and Acme", ""},
		// A name of common words a tagger read as a common noun.
		{"Prices rose. Both Ann Lee and The Lantern said the rise was small.", "Both Ann Lee and The Lantern", "Ann Lee and Lantern", "Lantern"},
		{"Prices rose. Neither Ann Lee nor Ruritania said the rise was small.", "Neither Ann Lee nor Ruritania", "Ann Lee and Ruritania", ""},
		// Two organisations need no "both"; a person and one do.
		{"Prices rose. Brightloop Corp and Acme said the rise was small.", "Brightloop Corp and Acme", "Brightloop Corp and Acme", ""},
		{"Prices rose. Ann Lee and Acme said the rise was small.", "Ann Lee and Acme", "Ann Lee", ""},
		// "Both" left just outside the source by the extractor.
		{"Prices rose. Both Ann Lee and Acme said the rise was small.", "Ann Lee and Acme", "Ann Lee and Acme", ""},
	} {
		d := toy(c.text, []string{"Ann Lee"}, []string{"Acme", "Brightloop Corp"})
		splitSentences(d)
		setTags(d, map[string]string{c.nn: "NN"})
		f := strings.Fields(strings.TrimPrefix(strings.TrimPrefix(c.src, "Both "), "Neither "))
		first, second := f[1], f[len(f)-1]
		attach(t, d, first, 0, "nsubj", "said")
		attach(t, d, f[0], 0, "compound", first)
		attach(t, d, second, 0, "conj", first)
		attach(t, d, f[2], 0, "cc", second)
		sourceAt(t, d, c.src, 0)
		Resolve(d)
		typ := Other
		if !strings.Contains(c.want, " and ") {
			typ = Person
		}
		if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != c.want || sp.Type != typ {
			t.Errorf("%q: got %+v, want %s (%s)", c.text, sp, c.want, typ)
		}
	}
}

// spanOf is the span, in code points, of the first occurrence of s in d's
// text.
func spanOf(t *testing.T, d *onrecord.Document, s string) onrecord.Span {
	t.Helper()
	i := strings.Index(d.Text, s)
	if i < 0 {
		t.Fatalf("%q not in text", s)
	}
	start := utf8.RuneCountInString(d.Text[:i])
	return onrecord.Span{Start: start, End: start + utf8.RuneCountInString(s)}
}

// setTags gives the tokens spelled as the keys of tags those tags, which
// toy does not.
func setTags(d *onrecord.Document, tags map[string]string) {
	for i := range d.Tokens {
		if tg, ok := tags[d.Word(i)]; ok {
			d.Tokens[i].Tag = tg
		}
	}
}

// attach gives the n-th (0-based) token spelled w the relation rel to the
// first token spelled head: the toy analysis has no tree of its own.
func attach(t *testing.T, d *onrecord.Document, w string, n int, rel, head string) {
	t.Helper()
	find := func(w string, n int) int {
		for i := range d.Tokens {
			if d.Word(i) == w {
				if n == 0 {
					return i
				}
				n--
			}
		}
		t.Fatalf("token %q not in text", w)
		return -1
	}
	i := find(w, n)
	d.Tokens[i].Dep, d.Tokens[i].Head = rel, int32(find(head, 0))
}

// splitSentences ends a sentence after every word written with a final
// period: the toy tokenizer keeps the period on the word, so its
// sentences end only at line breaks.
func splitSentences(d *onrecord.Document) {
	d.Sents = d.Sents[:0]
	start := 0
	for i := range d.Tokens {
		if strings.HasSuffix(d.Word(i), ".") || i == len(d.Tokens)-1 {
			d.Sents = append(d.Sents, onrecord.Sentence{Start: int32(start), End: int32(i + 1)})
			start = i + 1
		}
	}
}

// quoteBefore adds an attribution whose source is the n-th occurrence of
// src and whose content is the text from the first occurrence of content
// up to the source: "“...,” he said".
func quoteBefore(t *testing.T, d *onrecord.Document, content, src string, n int) {
	t.Helper()
	sourceAt(t, d, src, n)
	q := &d.Quotes[len(d.Quotes)-1]
	q.Content = []onrecord.Span{{Start: spanOf(t, d, content).Start, End: q.Source[0].Start}}
}

func TestPronounSalience(t *testing.T) {
	type attachment struct {
		w       string
		n       int
		rel, hd string
	}
	for _, c := range []struct {
		name, text string
		people     []string
		deps       []attachment
		add        func(t *testing.T, d *onrecord.Document)
		want       string
	}{
		{
			// The appositive renames Dickey: it is no other subject
			// standing between him and the pronoun.
			name: "appositive is not an intervening subject",
			text: "Larry King hosts a show. King is famous. King likes it. King works. King sings. King reads. King talks. " +
				"John Dickey, the executive of a company based in a city far away from here, defended King's show. Later he said it was fine.",
			people: []string{"Larry King", "John Dickey"},
			deps:   []attachment{{"Dickey", 0, "nsubj", "defended"}, {"executive", 0, "appos", "Dickey"}},
			add:    func(t *testing.T, d *onrecord.Document) { sourceAt(t, d, "he", 0) },
			want:   "John Dickey",
		},
		{
			// A speaker does not name himself in his own quotation: the
			// names inside it are not antecedents of "he said" after it.
			name:   "names inside the quotation a pronoun speaks",
			text:   "Ann Lee met Mary Smith in town. “Mary Smith is wrong. She is so wrong. Mary Smith never listens,” she said.",
			people: []string{"Ann Lee", "Mary Smith"},
			deps:   []attachment{{"Lee", 0, "nsubj", "met"}},
			add: func(t *testing.T, d *onrecord.Document) {
				quoteBefore(t, d, "“Mary Smith is wrong", "she", 0)
			},
			want: "Ann Lee",
		},
		{
			// The subject of what is said is less salient than the one
			// who says it.
			name:   "subject of a reported clause",
			text:   "Tom Hale is the mayor. Hale works hard. Hale said Bob Ray was wrong. He added that taxes rose.",
			people: []string{"Tom Hale", "Bob Ray"},
			deps: []attachment{{"Hale", 2, "nsubj", "said"}, {"Ray", 0, "nsubj", "wrong."},
				{"wrong.", 0, "ccomp", "said"}},
			add:  func(t *testing.T, d *onrecord.Document) { sourceAt(t, d, "He", 0) },
			want: "Tom Hale",
		},
		{
			// A noun written before a name is for a person: "the
			// admiral" after "Admiral Ken Ito" is he, and the subject
			// nearest the pronoun.
			name:   "a description learnt from a name",
			text:   "Admiral Ken Ito leads the fleet. Tom Hale met him on Monday. Then the admiral smiled. “We are ready,” he said.",
			people: []string{"Ken Ito", "Tom Hale"},
			deps:   []attachment{{"Hale", 0, "nsubj", "met"}, {"the", 1, "det", "admiral"}, {"admiral", 0, "nsubj", "smiled."}},
			add: func(t *testing.T, d *onrecord.Document) {
				d.Tokens[0].Tag = "NN" // the tagger's "Admiral"
				quoteBefore(t, d, "“We are ready", "he", 0)
			},
			want: "Ken Ito",
		},
		{
			// "The host" names no one known: the named man is "he".
			name:   "a definite description naming no one",
			text:   "Tom Hale hosts the show. He spoke to Ann Lee on Monday. Later the host smiled. “It was fun,” he said.",
			people: []string{"Tom Hale", "Ann Lee"},
			deps:   []attachment{{"Hale", 0, "nsubj", "hosts"}, {"the", 1, "det", "host"}, {"host", 0, "nsubj", "smiled."}},
			add: func(t *testing.T, d *onrecord.Document) {
				quoteBefore(t, d, "“It was fun", "he", 0)
			},
			want: "Tom Hale",
		},
		{
			// Reported speech is different: "Ms. Smith was shocked, she
			// said" is about the speaker herself.
			name:   "names inside reported speech",
			text:   "Ann Lee met Mary Smith in town. Later Mary Smith was shocked by the crowd, she said.",
			people: []string{"Ann Lee", "Mary Smith"},
			deps:   []attachment{{"Lee", 0, "nsubj", "met"}, {"Smith", 1, "nsubjpass", "shocked"}},
			add: func(t *testing.T, d *onrecord.Document) {
				quoteBefore(t, d, "Mary Smith was shocked", "she", 0)
			},
			want: "Mary Smith",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := toy(c.text, c.people, nil)
			splitSentences(d)
			for _, a := range c.deps {
				attach(t, d, a.w, a.n, a.rel, a.hd)
			}
			c.add(t, d)
			Resolve(d)
			if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != c.want {
				t.Errorf("got %+v, want %s", sp, c.want)
			}
		})
	}
}

// TestStraySources checks sources that name nobody: an article or a time
// left alone by the tagger, a quantifier or a description with no named
// entity to refer to gets no speaker.
func TestStraySources(t *testing.T) {
	for _, c := range []struct {
		text, src string
		want      string // "" for no speaker
	}{
		{"At 3:25 the campaign said nothing new.", "3:25", ""},
		{"In the end the report said taxes rose.", "the", ""},
		{"By noon some said taxes rose again this year.", "some", ""},
		{"The report said taxes rose again this year.", "The report", ""},
	} {
		d := toy(c.text, nil, nil)
		sourceAt(t, d, c.src, 0)
		got := firstSpeaker(d)
		if got != c.want {
			t.Errorf("%q: source %q got speaker %q, want %q", c.text, c.src, got, c.want)
		}
	}
}

// TestNameTypes checks the type a lone word gets as a speaker: a surname
// the tagger classed as an organisation is the person of that surname when
// the article names that person, and a headline's "Poll" is a work.
func TestNameTypes(t *testing.T) {
	for _, c := range []struct {
		text   string
		people []string
		src    string
		n      int  // occurrence of src that is the source
		org    bool // the tagger's error: the source classed as an organisation
		name   string
		typ    string
	}{
		{"Donald Trump spoke in Ohio. Later Trump said taxes would fall.", []string{"Donald Trump"}, "Trump", 1, true, "Donald Trump", Person},
		{"The tower stood empty. Later Trump said taxes would fall.", nil, "Trump", 0, true, "Trump", Organization},
		{"The tower stood empty. Later Poll said taxes would fall.", nil, "Poll", 0, false, "Poll", Other},
	} {
		d := toy(c.text, c.people, nil)
		sourceAt(t, d, c.src, c.n)
		if c.org {
			for i, j := d.TokensIn(d.Quotes[0].Source[0]); i < j; i++ {
				d.Tokens[i].NER = "ORGANIZATION"
			}
		}
		Resolve(d)
		sp := d.Quotes[0].Speaker
		if sp == nil || sp.Name != c.name || sp.Type != c.typ {
			t.Errorf("%q: got %+v, want %s (%s)", c.text, sp, c.name, c.typ)
		}
	}
}

// TestFirstNames checks names the tagger cut short: a first name it
// classed apart from the surname joins the name, unless the word is one
// the article writes in lower case, a party word or a plural title.
func TestFirstNames(t *testing.T) {
	for _, c := range []struct {
		text, first, last string
		people            []string
		src               string
		n                 int
		want              string
	}{
		{"The striker Kofi Mensah scored twice. Mensah said the team played well.", "Kofi", "Mensah",
			[]string{"Mensah"}, "Mensah", 1, "Kofi Mensah"},
		{"Said Mensah: the team played well. The coach said so.", "Said", "Mensah",
			[]string{"Mensah"}, "Mensah", 0, "Mensah"},
		{"Democrat Mensah said the budget was too small.", "Democrat", "Mensah",
			[]string{"Mensah"}, "Mensah", 0, "Mensah"},
		{"Senators Mensah and Oduya met. Mensah said the team played well.", "Senators", "Mensah",
			[]string{"Mensah", "Oduya"}, "Mensah", 1, "Mensah"},
		// A hyphenated first name the tagger left alone as the person.
		{"Critics agree. Anne-Marie Duval, a film scholar, found the plot thin. Duval said so.", "Anne-Marie", "Duval",
			[]string{"Anne-Marie"}, "Duval", 1, "Anne-Marie Duval"},
	} {
		d := toy(c.text, c.people, nil)
		splitSentences(d)
		attach(t, d, c.first, 0, "compound", c.last)
		sourceAt(t, d, c.src, c.n)
		Resolve(d)
		if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != c.want {
			t.Errorf("%q: source %q got %+v, want %s", c.text, c.src, sp, c.want)
		}
	}
}

// TestWriter checks "I" outside any quotation: it is the writer a
// signature names (a letter's, a byline, a closing biography), and no one
// in an unsigned text or one signed by two writers.
func TestWriter(t *testing.T) {
	for _, c := range []struct {
		text   string
		people []string
		n      int // occurrence of "I" that is the source
		want   string
	}{
		{"I think the new stadium costs too much.\n\nJane Roe\n\nI hope the council listens.\n\nTom Hale", []string{"Jane Roe", "Tom Hale"}, 0, "Jane Roe"},
		{"I think the new stadium costs too much.\n\nJane Roe\n\nI hope the council listens.\n\nTom Hale", []string{"Jane Roe", "Tom Hale"}, 1, "Tom Hale"},
		{"By Ann Lee\n\nI went to the match on Saturday. The crowd was loud.", []string{"Ann Lee"}, 0, "Ann Lee"},
		{"I grew up on a farm. I know the land.\n\nMary Smith is a farmer in Iowa.", []string{"Mary Smith"}, 1, "Mary Smith"},
		{"I grew up on a farm. I know the land.\n\nAnn Lee is a teacher. Bob Ray is a nurse.", []string{"Ann Lee", "Bob Ray"}, 0, ""},
		{"I think the new stadium costs too much.\n\nThe council meets on Monday.", nil, 0, ""},
	} {
		d := toy(c.text, c.people, nil)
		splitSentences(d)
		sourceAt(t, d, "I", c.n)
		got := firstSpeaker(d)
		if got != c.want {
			t.Errorf("%q: \"I\" #%d got %q, want %q", c.text, c.n, got, c.want)
		}
	}
}

// TestNamesWithoutFirst checks a person's name of several words written
// without its first name: it is the full name that ends with it, unless
// it starts with a first name itself.
func TestNamesWithoutFirst(t *testing.T) {
	var n Names
	for _, s := range []string{"Gabriel García Márquez", "Watch Maria Lopez"} {
		n.Add(s)
	}
	for _, c := range []struct{ in, want string }{
		{"Mr. García Márquez", "Gabriel García Márquez"},
		{"Maria Lopez", "Maria Lopez"},
	} {
		if got := n.Lookup(c.in); got != c.want {
			t.Errorf("Lookup(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	orgs := Names{orgs: true}
	orgs.Add("Pacific Rail Workers Union")
	if got := orgs.Lookup("Workers Union"); got != "Workers Union" {
		t.Errorf("organisation Lookup(%q) = %q, want it unchanged", "Workers Union", got)
	}
}

// TestMistaggedSurnames checks a name word the tagger took for another
// word: a known surname opening a sentence is the person named in full,
// an adjective inside a name is part of it, unless the article writes the
// word in lower case too.
func TestMistaggedSurnames(t *testing.T) {
	for _, c := range []struct {
		text, src string
		n         int    // occurrence of src
		jj        string // the word tagged as an adjective
		want      string
	}{
		{"Marta Kovacs won the final. Kovacs said the wind was hard.", "Kovacs", 1, "Kovacs", "Marta Kovacs"},
		{"Ana Okoro praised the plan. Then Tad Devine, an adviser, said it would pass.", "Tad Devine", 0, "Devine", "Tad Devine"},
		// "Will" is a word of the article too: no surname.
		{"Ana Will won the final. Will said the team will improve.", "Will", 1, "Will", ""},
	} {
		d := toy(c.text, nil, nil)
		splitSentences(d)
		for i := range d.Tokens {
			if w := d.Word(i); i < 2 || w == "Tad" || w == "Devine" {
				d.Tokens[i].NER = "PERSON"
			}
			if d.Word(i) == c.jj && (i >= 2 || c.n == 0) {
				d.Tokens[i].Tag = "JJ"
			}
		}
		sourceAt(t, d, c.src, c.n)
		Resolve(d)
		got := ""
		if sp := d.Quotes[0].Speaker; sp != nil && sp.Type == Person {
			got = sp.Name
		}
		if got != c.want {
			t.Errorf("%q: source %q got %q, want %q", c.text, c.src, got, c.want)
		}
	}
}

// TestGroupNames checks a group named by a capitalised plural the tagger
// took for a common noun: the group is named by it alone, whatever
// qualifies it.
func TestGroupNames(t *testing.T) {
	d := toy("Fans went to the game. Later two angry Rovers in the stands said the referee was wrong. The Rovers lost.", nil, nil)
	splitSentences(d)
	for i := range d.Tokens {
		if d.Word(i) == "Rovers" {
			d.Tokens[i].Tag = "NNS"
		}
	}
	attach(t, d, "two", 0, "nummod", "Rovers")
	attach(t, d, "angry", 0, "amod", "Rovers")
	attach(t, d, "stands", 0, "nmod", "Rovers")
	attach(t, d, "in", 0, "case", "stands")
	attach(t, d, "the", 1, "det", "stands")
	sourceAt(t, d, "two angry Rovers in the stands", 0)
	Resolve(d)
	if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != "Rovers" || sp.Type != Other {
		t.Errorf("got %+v, want Rovers (other)", sp)
	}
}

// TestOrgFirstWords checks organisation names whose first word the tagger
// left out: a capitalised word inside a sentence is part of the name.
func TestOrgFirstWords(t *testing.T) {
	// The tags a tagger gives a nationality and a joining word ("the
	// Ruritanian Ministry of Health"), which toy does not.
	national := map[string][2]string{"Ruritanian": {"JJ", "MISC"}, "of": {"IN", "ORGANIZATION"}}
	for _, c := range []struct {
		text, src string
		orgs      []string
		want      string
		retag     map[string][2]string
	}{
		{"Analysts disagree. The Tax Foundation said taxes would rise.", "The Tax Foundation", []string{"Foundation"}, "Tax Foundation", nil},
		{"Analysts disagree. The Sleep Research Institute said naps help.", "The Sleep Research Institute", []string{"Research", "Institute"}, "Sleep Research Institute", nil},
		// A sentence's first word is capitalised whatever it is.
		{"Analysts disagree. Rivals Acme said prices would rise.", "Acme", []string{"Acme"}, "Acme", nil},
		// A nationality the tagger classed apart opens the name after
		// "the", and only there.
		{"Talks stalled. The talks failed, the Ruritanian Ministry of Health said.", "the Ruritanian Ministry of Health", []string{"Ministry", "Health"}, "Ruritanian Ministry of Health", national},
		{"Talks stalled. The talks failed, Ruritanian Ministry of Health said.", "Ruritanian Ministry of Health", []string{"Ministry", "Health"}, "Ministry of Health", national},
		// A capitalised word joined by "and" after "the" opens it too.
		{"Talks stalled. The talks failed, the Northern and Western Farmers Union said.", "the Northern and Western Farmers Union", []string{"Western", "Farmers", "Union"}, "Northern and Western Farmers Union", nil},
		// So does a proper noun classed a place, compounded on the name.
		{"Talks stalled. The talks failed, the Ruritania Herald said.", "the Ruritania Herald", []string{"Herald"}, "Ruritania Herald", map[string][2]string{"Ruritania": {"NNP", "LOCATION"}}},
	} {
		d := toy(c.text, nil, c.orgs)
		for i := range d.Tokens {
			if tn, ok := c.retag[d.Word(i)]; ok {
				d.Tokens[i].Tag, d.Tokens[i].NER = tn[0], tn[1]
			}
		}
		if _, ok := c.retag["Ruritania"]; ok {
			attach(t, d, "Ruritania", 0, "compound", "Herald")
		}
		splitSentences(d)
		sourceAt(t, d, c.src, 0)
		Resolve(d)
		if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != c.want || sp.Type != Organization {
			t.Errorf("%q: source %q got %+v, want %s", c.text, c.src, sp, c.want)
		}
	}
}

// TestLeadDescription checks a bare or indefinite description in a
// headline or lead, which the story names only after it: the person
// later written with the same title, else the first named subject of that
// kind that was not named before the description.
func TestLeadDescription(t *testing.T) {
	type attachment struct {
		w       string
		n       int
		rel, hd string
	}
	for _, c := range []struct {
		text         string
		people, orgs []string
		deps         []attachment
		src          string
		want, typ    string
	}{
		{
			text:   "Retired Judge Speaks Out On Court Delays.\n\nRetired Judge Ann Lee is speaking out about the courts.\n\nLee said the system was slow.",
			people: []string{"Ann Lee"},
			src:    "Retired Judge", want: "Ann Lee", typ: Person,
		},
		{
			text: "A union representing pilots endorsed the merger on Monday.\n\nThe Allied Pilots Association said the deal was fair.",
			orgs: []string{"Allied Pilots Association"},
			deps: []attachment{{"Allied", 0, "compound", "Association"}, {"Pilots", 0, "compound", "Association"}, {"Association", 0, "nsubj", "said"}},
			src:  "A union", want: "Allied Pilots Association", typ: Organization,
		},
		{
			// Tom Smith, named in the lead, is not the coach who speaks.
			text:   "Former coach calls for Smith to resign.\n\nA former coach of the club says Tom Smith should go.\n\nTom Smith declined to comment. Bob Ray, who coached the side until 2019, said the club had lost its way.",
			people: []string{"Tom Smith", "Bob Ray"},
			deps:   []attachment{{"Smith", 2, "nsubj", "declined"}, {"Ray", 0, "nsubj", "said"}},
			src:    "Former coach", want: "Bob Ray", typ: Person,
		},
		{
			// A definite description is someone known, not introduced.
			text:   "The coach spoke after the match.\n\nBob Ray said the team played well.",
			people: []string{"Bob Ray"},
			deps:   []attachment{{"Ray", 0, "nsubj", "said"}},
			src:    "The coach", want: "", typ: "",
		},
	} {
		d := toy(c.text, c.people, c.orgs)
		splitSentences(d)
		for _, a := range c.deps {
			attach(t, d, a.w, a.n, a.rel, a.hd)
		}
		sourceAt(t, d, c.src, 0)
		if got, typ := firstSpeakerTyped(d); got != c.want || typ != c.typ {
			t.Errorf("%q: got %q (%s), want %q (%s)", c.src, got, typ, c.want, c.typ)
		}
	}
}

// TestPersonInOrganisation checks a title and a person's name that the
// tagger classed with the organisation before them.
func TestPersonInOrganisation(t *testing.T) {
	d := toy("The ruling came late. Metro County Court Judge Frank Nervo rejected the request. Nervo said the case was closed.",
		nil, []string{"Metro County Court Judge Frank Nervo"})
	splitSentences(d)
	sourceAt(t, d, "Nervo", 1)
	Resolve(d)
	if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != "Frank Nervo" || sp.Type != Person {
		t.Errorf("got %+v, want Frank Nervo (person)", sp)
	}
	// A role noun opening the sentence, classed with the name, is no
	// word of it, whether the name list knows the first name or not.
	for _, c := range []struct{ text, src, want string }{
		{"The match ended. Novelist Quill Dexter said it was brave.", "Novelist Quill Dexter", "Quill Dexter"},
		{"The match ended. Novelist Anna Dexter said it was brave.", "Novelist Anna Dexter", "Anna Dexter"},
	} {
		words := strings.Fields(c.src)
		d := toy(c.text, nil, []string{c.src})
		splitSentences(d)
		attach(t, d, words[0], 0, "compound", words[2])
		attach(t, d, words[1], 0, "compound", words[2])
		sourceAt(t, d, c.src, 0)
		Resolve(d)
		if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != c.want || sp.Type != Person {
			t.Errorf("%q: got %+v, want %s (person)", c.text, sp, c.want)
		}
	}
}

// TestDropTitles checks what is cut before a name: titles, role words,
// articles and quantifiers, never the last word.
func TestDropTitles(t *testing.T) {
	for in, want := range map[string]string{
		"Referee Jane Roe":     "Jane Roe",
		"the IMF":              "IMF",
		"Many Democrats":       "Democrats",
		"fellow Republicans":   "Republicans",
		"Some":                 "Some",
		"Acme Records":         "Acme Records",
		"Sen. Lindsey Graham":  "Lindsey Graham",
		"MP Jane Roe":          "Jane Roe",
		"Several Union Chiefs": "Union Chiefs",
	} {
		if got := dropTitles(in, false); got != want {
			t.Errorf("dropTitles(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDescriptions checks descriptions resolved to the named entity they
// refer to: an organisation's work, a court named by its words, a
// person's team where the story has her campaign, someone said to be of
// another person, and a group whose quantifier names no one.
func TestDescriptions(t *testing.T) {
	type attachment struct {
		w       string
		n       int
		rel, hd string
	}
	for _, c := range []struct {
		name, text   string
		people, orgs []string
		deps         []attachment
		pre          string // a source resolved before src, if any
		src          string
		want, typ    string
	}{
		{
			name: "an organisation's poll",
			text: "A Gallup poll showed the mayor ahead.",
			orgs: []string{"Gallup"},
			deps: []attachment{{"Gallup", 0, "compound", "poll"}},
			src:  "A Gallup poll", want: "Gallup", typ: Organization,
		},
		{
			name: "a joint poll",
			text: "A Gallup/Pew poll showed the mayor ahead.",
			orgs: []string{"Gallup", "Pew"},
			deps: []attachment{{"Gallup", 0, "compound", "poll"}, {"Pew", 0, "compound", "poll"}},
			src:  "A Gallup/Pew poll", want: "", typ: "",
		},
		{
			name: "the court named by its words",
			text: "The Ninth Circuit Appeals Court heard the case against Acme Corp. Acme Corp had sued the state. The appeals court ruled that the law stood.",
			orgs: []string{"Ninth Circuit Appeals Court", "Acme Corp"},
			deps: []attachment{{"Corp", 0, "nsubj", "had"}, {"The", 1, "det", "court"}},
			src:  "The appeals court", want: "Ninth Circuit Appeals Court", typ: Organization,
		},
		{
			name:   "her team is her campaign",
			text:   "The Lee campaign opened an office. Later Ann Lee's team said it was pleased.",
			people: []string{"Ann Lee"},
			deps:   []attachment{{"Ann", 0, "compound", "Lee"}, {"Lee", 1, "nmod:poss", "team"}},
			src:    "Ann Lee's team", want: "Lee campaign", typ: Other,
		},
		{
			name:   "someone said to be of another person",
			text:   "Tom Hale said the polls were wrong. Ann Lee's former strategist said the race was close.",
			people: []string{"Tom Hale", "Ann Lee"},
			deps:   []attachment{{"Hale", 0, "nsubj", "said"}, {"Ann", 0, "compound", "Lee"}, {"Lee", 0, "nmod:poss", "strategist"}, {"former", 0, "amod", "strategist"}},
			pre:    "Tom Hale",
			src:    "Ann Lee's former strategist", want: "Tom Hale", typ: Person,
		},
		{
			// The name in apposition says which chairman, not the
			// chairman described before.
			name:   "a description renamed by its apposition",
			text:   "Club Chairman Tom Reyes backed the bid. Then the club chairman, Ana Silva, said the vote was over.",
			people: []string{"Tom Reyes", "Ana Silva"},
			deps: []attachment{{"Reyes", 0, "nsubj", "backed"}, {"club", 0, "compound", "chairman"},
				{"the", 1, "det", "chairman"}, {"Silva", 0, "appos", "chairman"}, {"chairman", 0, "nsubj", "said"}},
			src: "the club chairman, Ana Silva,", want: "Ana Silva", typ: Person,
		},
		{
			// A pronoun heads the coordination: the first speaker is
			// whom it refers to, not the name after it.
			name:   "a pronoun and a name",
			text:   "Ann Lee met voters in Ohio. Later she and Tom Hale said taxes rose.",
			people: []string{"Ann Lee", "Tom Hale"},
			deps: []attachment{{"Lee", 0, "nsubj", "met"}, {"she", 0, "nsubj", "said"}, {"and", 0, "cc", "she"},
				{"Tom", 0, "compound", "Hale"}, {"Hale", 0, "conj", "she"}},
			src: "she and Tom Hale", want: "Ann Lee", typ: Person,
		},
		{
			name: "a quantifier names no one",
			text: "Voters went to the polls. Later many Democrats said taxes rose. Democrats won.",
			src:  "many Democrats", want: "Democrats", typ: Other,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := toy(c.text, c.people, c.orgs)
			splitSentences(d)
			for _, a := range c.deps {
				attach(t, d, a.w, a.n, a.rel, a.hd)
			}
			for i := range d.Tokens {
				if d.Word(i) == "Democrats" {
					d.Tokens[i].Tag = "NNS" // as taggers often write a party's members
				}
			}
			if c.pre != "" {
				sourceAt(t, d, c.pre, 0)
			}
			sourceAt(t, d, c.src, 0)
			Resolve(d)
			got, typ := "", ""
			if sp := d.Quotes[len(d.Quotes)-1].Speaker; sp != nil {
				got, typ = sp.Name, sp.Type
			}
			if got != c.want || typ != c.typ {
				t.Errorf("%q: got %q (%s), want %q (%s)", c.src, got, typ, c.want, c.typ)
			}
		})
	}
}

// TestMiscOrganisations checks names the tagger classed as neither person
// nor organisation (MISC): one ending in an organisation word is an
// organisation, and completes a shorter name of it.
func TestMiscOrganisations(t *testing.T) {
	for _, c := range []struct {
		text, misc, src string
		n               int
		want, typ       string
	}{
		{"Ann Lee, director of the Bayview Sleep Research Center, agreed. Later the Sleep Research Center said naps help.",
			"Bayview Sleep Research Center", "Sleep Research Center", 1, "Bayview Sleep Research Center", Organization},
	} {
		d := toy(c.text, nil, nil)
		splitSentences(d)
		for i := range d.Tokens {
			if strings.Contains(c.misc, d.Word(i)) && d.Tokens[i].Tag == "NNP" {
				d.Tokens[i].NER = "MISC"
			}
		}
		sourceAt(t, d, c.src, c.n)
		if got, typ := firstSpeakerTyped(d); got != c.want || typ != c.typ {
			t.Errorf("%q: got %q (%s), want %q (%s)", c.src, got, typ, c.want, c.typ)
		}
	}
}

// TestWorks checks sources that are works, reporters and relative
// pronouns: a work speaks for its author written in the phrase or as the
// subject of its clause (not for its publisher), an unnamed reporter for
// the outlet, and "who" or "that" after a description for the name it
// renames.
func TestWorks(t *testing.T) {
	// dep gives the n-th token spelled w the relation rel to the hn-th
	// token spelled hd.
	type dep struct {
		w       string
		n       int
		rel, hd string
		hn      int
	}
	// The toy analysis tags every lower-case word a noun.
	tags := map[string][2]string{"released": {"VBD", "release"}, "published": {"VBD", "publish"},
		"announced": {"VBD", "announce"}, "said": {"VBD", "say"}, "that": {"WDT", "that"}, "who": {"WP", "who"}}
	for _, c := range []struct {
		text      string
		orgs      []string
		deps      []dep
		src       string
		n         int
		want, typ string
	}{
		{"Sales fell. The Acme report said prices rose.", []string{"Acme"},
			[]dep{{"Acme", 0, "compound", "report", 0}}, "The Acme report", 0, "Acme", Organization},
		{"Sales fell. A study by Northfield University found prices rose.", []string{"Northfield University"},
			[]dep{{"University", 0, "nmod", "study", 0}, {"by", 0, "case", "University", 0}, {"Northfield", 0, "compound", "University", 0}},
			"A study by Northfield University", 0, "Northfield University", Organization},
		{"Sales fell. A survey released by Harbor Trust found prices rose.", []string{"Harbor Trust"},
			[]dep{{"A", 0, "det", "survey", 0}, {"released", 0, "acl", "survey", 0}, {"Trust", 0, "nmod", "released", 0},
				{"by", 0, "case", "Trust", 0}, {"Harbor", 0, "compound", "Trust", 0}},
			"A survey released by Harbor Trust", 0, "Harbor Trust", Organization},
		// A post online speaks for whoever wrote it.
		{"Sales fell. A post by Harbor Trust said prices rose.", []string{"Harbor Trust"},
			[]dep{{"A", 0, "det", "post", 0}, {"Trust", 0, "nmod", "post", 0}, {"by", 0, "case", "Trust", 0}, {"Harbor", 0, "compound", "Trust", 0}},
			"A post by Harbor Trust", 0, "Harbor Trust", Organization},
		// Publishing is not authoring.
		{"Sales fell. A report published by Harbor Trust found prices rose.", []string{"Harbor Trust"},
			[]dep{{"A", 0, "det", "report", 0}, {"published", 0, "acl", "report", 0}, {"Trust", 0, "nmod", "published", 0},
				{"by", 0, "case", "Trust", 0}, {"Harbor", 0, "compound", "Trust", 0}},
			"A report published by Harbor Trust", 0, "", ""},
		// The subject of the clause, and "the statement" after it.
		{"In a statement, Riverside Players announced a tour. The statement said tickets were cheap.", []string{"Riverside Players"},
			[]dep{{"statement", 0, "nmod", "announced", 0}, {"In", 0, "case", "statement", 0}, {"Players", 0, "nsubj", "announced", 0},
				{"Riverside", 0, "compound", "Players", 0}, {"The", 0, "det", "statement", 1}},
			"The statement", 0, "Riverside Players", Organization},
		{"Fans waited. A reporter for Daily Planet said the match was late.", nil,
			[]dep{{"Planet", 0, "nmod", "reporter", 0}, {"for", 0, "case", "Planet", 0}, {"Daily", 0, "compound", "Planet", 0}},
			"A reporter for Daily Planet", 0, "Daily Planet", Organization},
		{"Fans waited for Zorbex, a startup company that said the launch was late.", nil,
			[]dep{{"company", 0, "appos", "Zorbex", 0}, {"said", 0, "acl:relcl", "company", 0}, {"that", 0, "nsubj", "said", 0}},
			"that", 0, "Zorbex", Organization},
		// No tree for the relative clause: the name before the description.
		{"Fans met Ann Lee, the team captain, who said the match was late.", nil,
			[]dep{{"the", 0, "det", "captain", 0}, {"team", 0, "compound", "captain", 0}, {"who", 0, "nsubj", "said", 0}},
			"who", 0, "Ann Lee", Person},
		// "the group" is the group of buyers written since Acme.
		{"Acme reported strong sales. Shoppers in the group of buyers were happy. The group said prices were low.", []string{"Acme"},
			[]dep{{"group", 1, "nsubj", "said", 0}, {"The", 0, "det", "group", 1}}, "The group", 0, "", ""},
		{"Acme reported strong sales. Shoppers were happy. The group said prices were low.", []string{"Acme"},
			[]dep{{"group", 0, "nsubj", "said", 0}, {"The", 0, "det", "group", 0}}, "The group", 0, "Acme", Organization},
	} {
		d := toy(c.text, []string{"Ann Lee"}, c.orgs)
		splitSentences(d)
		find := func(w string, n int) int {
			for i := range d.Tokens {
				if d.Word(i) == w {
					if n == 0 {
						return i
					}
					n--
				}
			}
			t.Fatalf("token %q not in text", w)
			return -1
		}
		for i := range d.Tokens {
			if tl, ok := tags[d.Word(i)]; ok {
				d.Tokens[i].Tag, d.Tokens[i].Lemma = tl[0], tl[1]
			}
		}
		for _, a := range c.deps {
			i := find(a.w, a.n)
			d.Tokens[i].Dep, d.Tokens[i].Head = a.rel, int32(find(a.hd, a.hn))
		}
		sourceAt(t, d, c.src, c.n)
		if got, typ := firstSpeakerTyped(d); got != c.want || typ != c.typ {
			t.Errorf("%q: source %q got %q (%s), want %q (%s)", c.text, c.src, got, typ, c.want, c.typ)
		}
	}
}

// TestOneSpaced checks white space in spans: a run of it, a line break or
// a non-breaking space is one space, and a span already so is unchanged.
func TestOneSpaced(t *testing.T) {
	for in, want := range map[string]string{
		"Jane Roe":          "Jane Roe",
		"Jane  Roe":         "Jane Roe",
		"Jane\nRoe":         "Jane Roe",
		"Jane\u00a0Roe":     "Jane Roe",
		" Jane Roe ":        "Jane Roe",
		"Hôpital Saint-Luc": "Hôpital Saint-Luc",
		"":                  "",
	} {
		if got := oneSpaced(in); got != want {
			t.Errorf("oneSpaced(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNamedElsewhere checks a one-word name the tagger classed as a person
// twice and as nothing the third time: the third is still a mention of the
// person, counting for pronouns, and not a name of its own.
func TestNamedElsewhere(t *testing.T) {
	d := toy("Singer Vex won. Vex thanked fans. Later Vex said the tour would go on.", []string{"Vex"}, nil)
	last := -1
	for i := range d.Tokens {
		if d.Word(i) == "Vex" {
			last = i
		}
	}
	d.Tokens[last].NER, d.Tokens[last].Dep = "O", "nsubj"
	splitSentences(d)
	a, _ := analyse(context.Background(), d)
	defer a.release()
	m := a.mentAt[last]
	if m < 0 || a.ents[a.ments[m].ent].typ != Person || a.ents[a.ments[m].ent].count != 3 {
		t.Errorf("third Vex: mention %d, want one of the person Vex named three times", m)
	}
}

// TestApposedBefore checks a source cut to the description after a name
// ("Jane Roe, Acme's chief, said"): the person named before the comma; an
// indefinite description is someone the story introduces, not resolved so.
func TestApposedBefore(t *testing.T) {
	for _, c := range []struct{ text, src, want string }{
		{"Prices rose. Jane Roe, Acme's chief, said prices would rise.", "Acme's chief", "Jane Roe"},
		{"Prices rose. Jane Roe, a chief, said prices would rise.", "a chief", ""},
	} {
		d := toy(c.text, []string{"Jane Roe"}, []string{"Acme"})
		splitSentences(d)
		sourceAt(t, d, c.src, 0)
		got := firstSpeaker(d)
		if got != c.want {
			t.Errorf("%q: source %q got %q, want %q", c.text, c.src, got, c.want)
		}
	}
}

// firstSpeaker resolves d and is the name of its first attribution's
// speaker, "" for none.
func firstSpeaker(d *onrecord.Document) string {
	name, _ := firstSpeakerTyped(d)
	return name
}

// firstSpeakerTyped resolves d and is the name and type of its first
// attribution's speaker, "" and "" for none.
func firstSpeakerTyped(d *onrecord.Document) (name, typ string) {
	Resolve(d)
	if sp := d.Quotes[0].Speaker; sp != nil {
		return sp.Name, sp.Type
	}
	return "", ""
}

// TestTaggerSlips checks names a tagger with a name list gets wrong: a
// firm joined by "&" classed as two people, a speech verb opening a
// sentence taken for a first name, a surname taken for a place where the
// article mostly classes it a person, or right after a first name.
func TestTaggerSlips(t *testing.T) {
	for _, c := range []struct {
		text, src string
		n         int
		people    []string
		places    []string // words classed LOCATION at occurrence 0
		want, typ string
	}{
		{"Shares in Pellow & Grange fell. Pellow said it would appeal.", "Pellow", 1, []string{"Pellow", "Grange"}, nil, "Pellow & Grange", Organization},
		{"Dana Voss won again. Said Voss: the course was hard.", "Said Voss", 0, []string{"Said", "Voss", "Dana"}, nil, "Dana Voss", Person},
		// A name followed by its initials is an organisation's, whatever
		// the tagger made of its words; a title's initials are no name.
		{"Analysts agree. Voices of Ruritania (VOR) said the vote was fair.", "Voices of Ruritania (VOR)", 0, nil, []string{"Ruritania"}, "Voices of Ruritania", Organization},
		{"Analysts agree. Member of Parliament (MP) Ana Roe said the vote was fair.", "Member of Parliament (MP) Ana Roe", 0, []string{"Ana", "Roe"}, nil, "Ana Roe", Person},
		{"Ilse Marrow spoke first. Marrow met Brandt. Marrow said the vote was fair.", "Marrow", 2, []string{"Ilse", "Marrow"}, []string{"Marrow"}, "Ilse Marrow", Person},
		// Once a person elsewhere is enough right after a first name.
		{"Ilse Marrow spoke first. Marrow said the vote was fair.", "Marrow", 1, []string{"Ilse", "Marrow"}, []string{"Marrow"}, "Ilse Marrow", Person},
	} {
		d := toy(c.text, c.people, nil)
		splitSentences(d)
		for i := range d.Tokens {
			if d.Word(i) == "&" {
				d.Tokens[i].Tag = "CC"
			}
			for _, p := range c.places {
				if d.Word(i) == p {
					d.Tokens[i].NER = "LOCATION"
					break
				}
			}
			if len(c.places) > 0 && d.Word(i) == c.places[0] {
				c.places = nil // only the first occurrence
			}
		}
		sourceAt(t, d, c.src, c.n)
		Resolve(d)
		sp := d.Quotes[0].Speaker
		if sp == nil || sp.Name != c.want || sp.Type != c.typ {
			t.Errorf("%q: source %q got %+v, want %q (%s)", c.text, c.src, sp, c.want, c.typ)
		}
	}
}

// TestPersonClassedOrganisation: a first name and a surname classed as an
// organisation, where the surname alone is classed a person elsewhere,
// are that person.
func TestPersonClassedOrganisation(t *testing.T) {
	d := toy("Ed Harlan spoke first. Harlan met staff. Harlan said the plan was done.", []string{"Harlan"}, nil)
	splitSentences(d)
	d.Tokens[0].NER, d.Tokens[1].NER = "ORGANIZATION", "ORGANIZATION"
	sourceAt(t, d, "Harlan", 2)
	Resolve(d)
	if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != "Ed Harlan" || sp.Type != Person {
		t.Errorf("got %+v, want Ed Harlan (person)", sp)
	}
}

// TestSpeakingTo checks a source the extractor took from whom a person
// speaks to ("Karl Weber speaking to the Danube Council called ..."): the
// person speaks, not the council.
func TestSpeakingTo(t *testing.T) {
	text := "Talks stalled. Karl Weber speaking to the Danube Council called the treaty dead."
	d := toy(text, []string{"Karl Weber"}, []string{"Danube Council"})
	splitSentences(d)
	attach(t, d, "Karl", 0, "compound", "Weber")
	attach(t, d, "Weber", 0, "nsubj", "called")
	attach(t, d, "speaking", 0, "acl", "Weber")
	attach(t, d, "Council", 0, "nmod", "speaking")
	attach(t, d, "to", 0, "case", "Council")
	attach(t, d, "the", 0, "det", "Council")
	attach(t, d, "Danube", 0, "compound", "Council")
	setTags(d, map[string]string{"speaking": "VBG", "called": "VBD", "to": "TO"})
	for i := range d.Tokens {
		if d.Word(i) == "speaking" {
			d.Tokens[i].Lemma = "speak"
		}
	}
	d.Quotes = []onrecord.Attribution{{Kind: onrecord.Indirect,
		Source:  []onrecord.Span{spanOf(t, d, "the Danube Council")},
		Cue:     []onrecord.Span{spanOf(t, d, "called")},
		Content: []onrecord.Span{spanOf(t, d, "the treaty dead")}}}
	Resolve(d)
	if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != "Karl Weber" || sp.Type != Person {
		t.Errorf("got %+v, want Karl Weber (person)", d.Quotes[0].Speaker)
	}
}

// TestSpokespersonAgain checks "The spokesperson added" after a
// spokesperson of a named organisation who is no source of the extractor's:
// the organisation the one before spoke for, not the person the story is
// about.
func TestSpokespersonAgain(t *testing.T) {
	text := "Ruth Amos asked Tradewatch for help. The rules forbid it, a Tradewatch spokesperson stated. The spokesperson added that no help would come."
	d := toy(text, []string{"Ruth Amos"}, nil)
	splitSentences(d)
	attach(t, d, "Ruth", 0, "compound", "Amos")
	attach(t, d, "Amos", 0, "nsubj", "asked")
	attach(t, d, "Tradewatch", 1, "compound", "spokesperson")
	attach(t, d, "a", 0, "det", "spokesperson")
	attach(t, d, "spokesperson", 0, "nsubj", "stated.")
	attach(t, d, "spokesperson", 1, "nsubj", "added")
	// attach names a head by its first occurrence: the second "The" is
	// hung on the second "spokesperson" by hand.
	for i := 1; i < len(d.Tokens); i++ {
		if d.Word(i) == "spokesperson" && d.Word(i-1) == "The" {
			d.Tokens[i-1].Head, d.Tokens[i-1].Dep = int32(i), "det"
		}
	}
	setTags(d, map[string]string{"asked": "VBD", "stated.": "VBD", "added": "VBD"})
	sourceAt(t, d, "The spokesperson", 0)
	Resolve(d)
	if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != "Tradewatch" || sp.Type != Organization {
		t.Errorf("got %+v, want Tradewatch (organization)", d.Quotes[0].Speaker)
	}
}

// TestHedged checks cues that report a claim without its source: an
// adverb alone and an agentless passive of saying name no speaker, while
// the same passive with its agent names the agent.
func TestHedged(t *testing.T) {
	for _, c := range []struct {
		text, src, cue, content string
		deps                    [][3]string // word, relation, head word
		want                    string
	}{
		{"Dan Cole allegedly paid the mayor.", "Dan Cole", "allegedly", "paid the mayor",
			[][3]string{{"Dan", "compound", "Cole"}, {"Cole", "nsubj", "paid"}, {"allegedly", "advmod", "paid"}}, ""},
		{"Dan Cole is considered the favourite.", "Dan Cole", "is considered", "the favourite",
			[][3]string{{"Dan", "compound", "Cole"}, {"Cole", "nsubjpass", "considered"}, {"is", "auxpass", "considered"}}, ""},
		{"Dan Cole is considered the favourite by Ann Lee today.", "Ann Lee", "is considered", "the favourite",
			[][3]string{{"Dan", "compound", "Cole"}, {"Cole", "nsubjpass", "considered"}, {"is", "auxpass", "considered"},
				{"Lee", "nmod", "considered"}, {"by", "case", "Lee"}, {"Ann", "compound", "Lee"}}, "Ann Lee"},
	} {
		d := toy(c.text, []string{"Dan Cole", "Ann Lee"}, nil)
		splitSentences(d)
		for _, dep := range c.deps {
			attach(t, d, dep[0], 0, dep[1], dep[2])
		}
		setTags(d, map[string]string{"allegedly": "RB", "paid": "VBD", "considered": "VBN", "is": "VBZ", "by": "IN"})
		for i := range d.Tokens {
			switch d.Word(i) {
			case "considered":
				d.Tokens[i].Lemma = "consider"
			case "is":
				d.Tokens[i].Lemma = "be"
			}
		}
		d.Quotes = []onrecord.Attribution{{Kind: onrecord.Indirect,
			Source: []onrecord.Span{spanOf(t, d, c.src)}, Cue: []onrecord.Span{spanOf(t, d, c.cue)},
			Content: []onrecord.Span{spanOf(t, d, c.content)}}}
		if got := firstSpeaker(d); got != c.want {
			t.Errorf("%q: speaker %q, want %q", c.text, got, c.want)
		}
	}
}

// TestInsideSubject checks a source the extractor took from inside the
// named subject of the cue's verb: the subject speaks.
func TestInsideSubject(t *testing.T) {
	text := "Dan Cole, who was fined by the Acme League, denied the charge."
	d := toy(text, []string{"Dan Cole"}, []string{"Acme League"})
	splitSentences(d)
	attach(t, d, "Dan", 0, "compound", "Cole")
	attach(t, d, "Cole", 0, "nsubj", "denied")
	attach(t, d, "fined", 0, "acl:relcl", "Cole")
	attach(t, d, "League", 0, "nmod", "fined")
	attach(t, d, "by", 0, "case", "League")
	attach(t, d, "the", 0, "det", "League")
	attach(t, d, "Acme", 0, "compound", "League")
	setTags(d, map[string]string{"denied": "VBD", "fined": "VBN", "by": "IN"})
	d.Quotes = []onrecord.Attribution{{Kind: onrecord.Indirect,
		Source:  []onrecord.Span{spanOf(t, d, "the Acme League")},
		Cue:     []onrecord.Span{spanOf(t, d, "denied")},
		Content: []onrecord.Span{spanOf(t, d, "the charge")}}}
	Resolve(d)
	if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != "Dan Cole" {
		t.Errorf("got %+v, want Dan Cole", d.Quotes[0].Speaker)
	}
}

// TestOrgParticiple checks a capitalised participle inside an
// organisation's name, which taggers tag as a verb: it stays in the name.
func TestOrgParticiple(t *testing.T) {
	text := "The Union of Striking Dockers said the port was shut."
	d := toy(text, nil, []string{"Union of Striking Dockers"})
	splitSentences(d)
	setTags(d, map[string]string{"of": "IN", "Striking": "VBG", "Dockers": "NNPS", "said": "VBD"})
	attach(t, d, "Union", 0, "nsubj", "said")
	attach(t, d, "Dockers", 0, "nmod", "Union")
	d.Quotes = []onrecord.Attribution{{Kind: onrecord.Indirect,
		Source:  []onrecord.Span{spanOf(t, d, "The Union of Striking Dockers")},
		Cue:     []onrecord.Span{spanOf(t, d, "said")},
		Content: []onrecord.Span{spanOf(t, d, "the port was shut")}}}
	Resolve(d)
	if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != "Union of Striking Dockers" {
		t.Errorf("got %+v, want Union of Striking Dockers", d.Quotes[0].Speaker)
	}
}

// TestParataxisSubject checks a cue with no source of its own after a
// semicolon: an active one shares the subject before it, a passive one
// does not.
func TestParataxisSubject(t *testing.T) {
	for _, c := range []struct{ text, cue, aux, want string }{
		{"Jane Roe sold the farms; announced leaving the venture today.", "announced", "", "Jane Roe"},
		{"Jane Roe sold the farms; was hailed a hero today.", "hailed", "was", ""},
	} {
		d := toy(c.text, []string{"Jane Roe"}, nil)
		splitSentences(d)
		attach(t, d, "Jane", 0, "compound", "Roe")
		attach(t, d, "Roe", 0, "nsubj", "sold")
		attach(t, d, c.cue, 0, "parataxis", "sold")
		setTags(d, map[string]string{"sold": "VBD", c.cue: "VBD"})
		if c.aux != "" {
			attach(t, d, c.aux, 0, "auxpass", c.cue)
			setTags(d, map[string]string{c.cue: "VBN"})
		}
		cue := spanOf(t, d, c.cue)
		d.Quotes = []onrecord.Attribution{{Kind: onrecord.Indirect, Cue: []onrecord.Span{cue},
			Content: []onrecord.Span{{Start: cue.End + 1, End: len([]rune(c.text)) - 1}}}}
		if got := firstSpeaker(d); got != c.want {
			t.Errorf("%q: speaker %q, want %q", c.text, got, c.want)
		}
	}
}

// TestFoldConcurrent folds names with diacritics from many goroutines at
// once, as documents are resolved in parallel: fold must share no state.
func TestFoldConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				for in, want := range map[string]string{"Maróthy": "Marothy", "Yıldırım": "Yıldırım", "Ibáñez": "Ibanez", "Gökçe": "Gokce"} {
					if got := fold(in); got != want {
						errs <- in + " → " + got
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestOfficeBeforeName: words of an office before a person's name that a
// tagger classed into a name are left out of it: a noun for a person
// opening the sentence, initials, and an adjective before a title.
func TestOfficeBeforeName(t *testing.T) {
	for _, c := range []struct {
		text, src    string
		people, orgs []string
		adj          string // a word tagged JJ and classed an organisation
		want         string
	}{
		{"Analysts agree. Novelist Ilsa Dunmore said the vote was fair.", "Novelist Ilsa Dunmore", []string{"Novelist", "Ilsa", "Dunmore"}, nil, "", "Ilsa Dunmore"},
		{"Analysts agree. MP Ana Roe said the vote was fair.", "MP Ana Roe", []string{"Ana", "Roe"}, []string{"MP"}, "", "Ana Roe"},
		{"Analysts agree. Member of parliament (MP) Ana Roe said the vote was fair.", "Member of parliament (MP) Ana Roe", []string{"Ana", "Roe"}, []string{"MP"}, "", "Ana Roe"},
		{"Analysts agree. Senior Adviser Ana Roe said the vote was fair.", "Senior Adviser Ana Roe", []string{"Ana", "Roe"}, nil, "Senior", "Ana Roe"},
	} {
		d := toy(c.text, c.people, c.orgs)
		splitSentences(d)
		for i := range d.Tokens {
			if d.Word(i) == c.adj {
				d.Tokens[i].Tag, d.Tokens[i].NER = "JJ", "ORGANIZATION"
			}
		}
		sourceAt(t, d, c.src, 0)
		Resolve(d)
		if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != c.want || sp.Type != Person {
			t.Errorf("%q: got %+v, want %q (person)", c.text, sp, c.want)
		}
	}
}

// TestStageNameSlips: a stage name before "real name" is the person's name
// whatever the tagger made of it, a number opening it included.
func TestStageNameSlips(t *testing.T) {
	for _, tags := range [][]string{{"JJ", "CD", "NN"}, {"JJ", "CD", "NNP"}} {
		d := toy("Chart-topper 7 Lantern, real name Jonah Mertz, said the feud was over. He said he was glad.", []string{"Jonah", "Mertz"}, nil)
		for i, tg := range tags {
			d.Tokens[i].Tag = tg
		}
		sourceAt(t, d, "He", 0)
		Resolve(d)
		if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != "7 Lantern" || sp.Type != Person {
			t.Errorf("tags %v: got %+v, want 7 Lantern (person)", tags, sp)
		}
	}
}

// TestPossessorHeadsNothing: a parse that makes a possessor the head of
// the source ("Ruritania's neighbouring countries", after a tagger read
// "neighbouring" as a verb) does not make the possessor the speaker.
func TestPossessorHeadsNothing(t *testing.T) {
	d := toy("Prices rose. Ruritania's neighbouring farm-belt northern provinces including Arcadia said the rise was small.", nil, []string{"Ruritania", "Arcadia"})
	splitSentences(d)
	setTags(d, map[string]string{"neighbouring": "VBG", "farm-belt": "NN", "northern": "JJ", "provinces": "NNS", "including": "VBG", "said": "VBD"})
	attach(t, d, "Ruritania", 0, "nsubj", "said")
	attach(t, d, "'s", 0, "case", "Ruritania")
	attach(t, d, "neighbouring", 0, "acl", "Ruritania")
	attach(t, d, "provinces", 0, "dobj", "neighbouring")
	attach(t, d, "farm-belt", 0, "compound", "provinces")
	attach(t, d, "northern", 0, "amod", "provinces")
	attach(t, d, "Arcadia", 0, "nmod", "provinces")
	attach(t, d, "including", 0, "case", "Arcadia")
	sourceAt(t, d, "Ruritania's neighbouring farm-belt northern provinces including Arcadia", 0)
	Resolve(d)
	if sp := d.Quotes[0].Speaker; sp != nil {
		t.Errorf("got %+v, want no speaker", sp)
	}
}

// TestFlippedMiddleClass: a tagger that classes a middle word of a name
// apart from its first and last ("Northfield/ORG Coastal/MISC Observatory/ORG")
// still gives one name.
func TestFlippedMiddleClass(t *testing.T) {
	for _, c := range []struct {
		text, middle, class, src, want string
	}{
		{"The Northfield Coastal Observatory said the beach would close.", "Coastal", "MISC", "The Northfield Coastal Observatory", "Northfield Coastal Observatory"},
		{"Ana Maria Okoro said the beach would close. Okoro said more.", "Maria", "MISC", "Okoro", "Ana Maria Okoro"},
	} {
		d := toy(c.text, []string{"Ana Okoro"}, []string{"Northfield Observatory"})
		splitSentences(d)
		for i := range d.Tokens {
			if d.Word(i) == c.middle {
				d.Tokens[i].NER = c.class
			}
		}
		sourceAt(t, d, c.src, 0)
		if got := firstSpeaker(d); got != c.want {
			t.Errorf("%q: source %q got %q, want %q", c.text, c.src, got, c.want)
		}
	}
}

// TestOrgWordAfter: a capitalised proper noun the tagger left unclassed
// after an organisation's name ends the name when the name's last word
// hangs on it as a compound; without that tie, or for a role word, the name
// stays as classed.
func TestOrgWordAfter(t *testing.T) {
	for _, c := range []struct {
		text, tail string
		compound   bool
		want       string
	}{
		{"The Ministry of Coastal Affairs said the beach would close.", "Affairs", true, "Ministry of Coastal Affairs"},
		{"The Ministry of Coastal Affairs said the beach would close.", "Affairs", false, "Ministry of Coastal"},
		{"The Ministry of Coastal Chairman said the beach would close.", "Chairman", true, "Ministry of Coastal"},
	} {
		d := toy(c.text, nil, []string{"Ministry of Coastal"})
		splitSentences(d)
		for i := range d.Tokens {
			if d.Word(i) == c.tail && c.compound {
				d.Tokens[i-1].Head, d.Tokens[i-1].Dep = int32(i), "compound"
			}
		}
		sourceAt(t, d, "The Ministry of Coastal "+c.tail, 0)
		if got := firstSpeaker(d); got != c.want {
			t.Errorf("%q (compound %v): got %q, want %q", c.text, c.compound, got, c.want)
		}
	}
}

// TestOrgVote: a lone proper noun classed a person is the organisation the
// article classes it more often, at least twice; not on votes of names that
// modify a common noun ("Acme campaign"), and a person's surname stays the
// person's.
func TestOrgVote(t *testing.T) {
	for _, c := range []struct {
		text, src string
		compound  bool // the organisation mentions modify the noun after them
		want      string
	}{
		{"Acme won the vote. Acme gained seats. In the end, Acme said it would govern.", "Acme", false, Organization},
		{"Acme won the vote. Acme gained seats. In the end, Acme said it would govern.", "Acme", true, Person},
		{"Jane Acme won the vote. Acme gained seats. Acme rose. Acme fell. In the end, Acme said it would govern.", "Acme", false, Person},
	} {
		d := toy(c.text, []string{"Jane"}, []string{"Acme"})
		splitSentences(d)
		last := -1
		for i := range d.Tokens {
			if d.Word(i) == "Acme" {
				last = i
				if c.compound {
					d.Tokens[i].Head, d.Tokens[i].Dep = int32(i+1), "compound"
				}
				if i > 0 && d.Word(i-1) == "Jane" {
					d.Tokens[i].NER = "PERSON"
				}
			}
		}
		d.Tokens[last].NER = "PERSON"
		d.Tokens[last].Head, d.Tokens[last].Dep = -1, ""
		sourceAt(t, d, c.src, strings.Count(c.text, "Acme")-1)
		if _, got := firstSpeakerTyped(d); got != c.want {
			t.Errorf("%q (compound %v): type %q, want %q", c.text, c.compound, got, c.want)
		}
	}
}

// TestHeadlineSourceHead: in a headline whose verb the tagger read as a
// noun, all the source's words hang on that verb; the noun, not an
// adjective before it, heads the source, so the description finds the
// person the story names with it.
func TestHeadlineSourceHead(t *testing.T) {
	d := toy("Veteran national coach denounces plan\n\nOn Monday the veteran national coach Jane Roe denounced the plan.", []string{"Jane Roe"}, nil)
	splitSentences(d)
	at := func(w string) int {
		i := slices.IndexFunc(d.Tokens, func(t onrecord.Token) bool { return d.Text[t.BStart:t.BEnd] == w })
		if i < 0 {
			t.Fatalf("no %q", w)
		}
		return i
	}
	v := at("denounces")
	d.Tokens[v].Tag = "NNS"
	for _, w := range []string{"Veteran", "national", "coach"} {
		k := at(w)
		d.Tokens[k].Head, d.Tokens[k].Dep = int32(v), "amod"
		if w != "coach" {
			d.Tokens[k].Tag = "JJ"
		}
	}
	d.Tokens[at("coach")].Dep = "compound"
	for i := range d.Tokens {
		if w := d.Word(i); i > v && (w == "veteran" || w == "national") {
			d.Tokens[i].Tag = "JJ"
		}
	}
	sourceAt(t, d, "Veteran national coach", 0)
	if got := firstSpeaker(d); got != "Jane Roe" {
		t.Errorf("headline source %q: got %q, want %q", "Veteran national coach", got, "Jane Roe")
	}
}

// TestTitledPersonAfterOrg: an organisation and a title written before a
// person's name modify it even where the parse made the organisation the
// head; the person speaks.
func TestTitledPersonAfterOrg(t *testing.T) {
	d := toy("Acme Council of Elders Chair Jane Roe said the vote was fair.", []string{"Jane Roe"}, []string{"Acme Council of Elders"})
	splitSentences(d)
	said := slices.IndexFunc(d.Tokens, func(t onrecord.Token) bool { return d.Text[t.BStart:t.BEnd] == "said" })
	for i := 0; i < said; i++ {
		d.Tokens[i].Head, d.Tokens[i].Dep = 0, "compound"
	}
	d.Tokens[0].Head, d.Tokens[0].Dep = int32(said), "nsubj"
	d.Tokens[said-1].Dep = "nmod"
	sourceAt(t, d, "Acme Council of Elders Chair Jane Roe", 0)
	if got := firstSpeaker(d); got != "Jane Roe" {
		t.Errorf("got %q, want %q", got, "Jane Roe")
	}
}

// TestHeadlineCueNoName: a title-case headline's cue that the tagger
// classed into the name before it is no part of that name.
func TestHeadlineCueNoName(t *testing.T) {
	text := "Jane Roe Calls for Inquiry Into Port Deal\n\nThe port commissioner spoke on Monday."
	d := toy(text, []string{"Jane Roe"}, nil) // a sentence ends at the headline's line break
	for i := range d.Tokens {
		if d.Word(i) == "Calls" {
			d.Tokens[i].NER = "PERSON"
		}
	}
	at := func(s string) []onrecord.Span {
		i := utf8.RuneCountInString(text[:strings.Index(text, s)])
		return []onrecord.Span{{Start: i, End: i + utf8.RuneCountInString(s)}}
	}
	d.Quotes = []onrecord.Attribution{{Kind: onrecord.Indirect, Source: at("Jane Roe"), Cue: at("Calls for"), Content: at("Inquiry Into Port Deal")}}
	if got := firstSpeaker(d); got != "Jane Roe" {
		t.Errorf("got %q, want %q", got, "Jane Roe")
	}
}
