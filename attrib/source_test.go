package attrib

import (
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/parse"
	"github.com/onrecord/onrecord/tag"
	"github.com/onrecord/onrecord/text"
)

// testModel is the embedded attribution model, or tb fails.
func testModel(tb testing.TB) *Model {
	tb.Helper()
	m, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

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
		// A noun cue's possessor.
		{"That was enough to hold the agency's estimate of growth steady.", "estimate of", "growth steady", "the agency's"},
		// A gerund complementing a noun does not make that noun a source.
		{"The network was set up with the explicit purpose of forwarding its views.", "forwarding", "its views", ""},
		// The subject of a passive main clause is the participle's.
		{"For weeks, Roe had been tied to a teleprompter, delivering carefully scripted speeches on budgets.", "delivering", "carefully scripted speeches on budgets", "Roe"},
		// A time of day opening a live-blog entry is no subject.
		{"3:25 p.m. Jane Roe is defending her early tweets, saying they show she is awake at night.", "saying", "they show she is awake at night", "Jane Roe"},
	}
	m := testModel(t)
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

// TestExtractSources runs the whole stage on passages whose source the
// tagger leaves apart from its cue, and expects the source of the cue.
// TestTreeSourceTrimsPunct hangs the comma after a fronted phrase from
// the phrase, as UD treebanks do: the source still leaves the comma out.
func TestTreeSourceTrimsPunct(t *testing.T) {
	d := analysed(t, "According to Smith, the plan failed.")
	smith, comma := 2, 3
	if d.Word(smith) != "Smith" || d.Word(comma) != "," {
		t.Fatalf("tokens: %q %q", d.Word(smith), d.Word(comma))
	}
	d.Tokens[comma].Head = int32(smith)
	m := testModel(t)
	f := featurizer{m: m}
	f.prepare(d)
	ca, cb := d.TokensIn(span(d, "According to")[0])
	xa, xb := d.TokensIn(span(d, "the plan failed")[0])
	segs := []segment{{role: 2, a: ca, b: cb, cue: -1}, {role: 3, a: xa, b: xb, cue: 0}}
	got := ""
	if sg, ok := treeSource(d, segs, 0, &f); ok {
		got = d.Text[d.Tokens[sg.a].BStart:d.Tokens[sg.b-1].BEnd]
	}
	if got != "Smith" {
		t.Errorf("source %q, want \"Smith\"", got)
	}
}

func TestExtractSources(t *testing.T) {
	tests := []struct{ text, cue, want string }{
		// The splitter ends the sentence at the label's period.
		{"“We will keep building,” Rep. Jane Roe (D-Wis.) said Friday.", "said", "Rep. Jane Roe (D-Wis.)"},
		// A participle clause shares the subject of the clause it follows.
		{"The striker said the team was ready, adding that the coach had earned their trust.", "adding", "The striker"},
		// The words between a quotation and its cue, which the tagger took
		// for part of the quotation.
		{"“Nobody saw it coming, not even the players,’” Jane Roe, the team’s physician and a former sprinter, told The Daily Mail.", "told", "Jane Roe, the team’s physician and a former sprinter,"},
		// The opening mark of the quotation ends the sentence before, whose
		// cue must not take it.
		{"What the coach calls ''grit'' might be seen by others as stubbornness. ''He should rest the starters now,'' Mr. Roe said.", "said", "Mr. Roe"},
	}
	m := testModel(t)
	for _, tt := range tests {
		d := analysed(t, tt.text)
		m.Extract(d)
		got, found := "", false
		for _, q := range d.Quotes {
			if len(q.Cue) > 0 && d.Slice(q.Cue[0]) == tt.cue {
				found = true
				if len(q.Source) > 0 {
					got = d.Slice(q.Source[0])
				}
			}
		}
		if !found || got != tt.want {
			t.Errorf("%q: cue %q found %v, source %q, want %q", tt.text, tt.cue, found, got, tt.want)
		}
	}
}

// TestDropFragments: a time of day or a relative clause is never a source;
// a relative pronoun alone is.
func TestDropFragments(t *testing.T) {
	for _, tt := range []struct {
		text, source string
		keep         bool
	}{
		{"11:05 a.m. The mayor says taxes will rise.", "11:05 a.m.", false},
		{"The song was written by Roe after the death of a fan, who was hit by a car.", "who was hit by a car", false},
		{"The fan, who said he was hurt, left.", "who", true},
		{"The mayor says taxes will rise.", "The mayor", true},
	} {
		d := analysed(t, tt.text)
		a, b := d.TokensIn(span(d, tt.source)[0])
		segs := dropFragments(d, []segment{{role: 1, a: a, b: b, cue: -1}})
		if got := len(segs) == 1; got != tt.keep {
			t.Errorf("%q in %q: kept %v, want %v", tt.source, tt.text, got, tt.keep)
		}
	}
}

// TestHeadlineClaim: a headline "Name: claim" is the named source's claim,
// the colon its cue; a kicker, a question or a label that is not a name is
// no source.
func TestHeadlineClaim(t *testing.T) {
	tests := []struct{ text, source string }{
		{"Coach Jane Roe: Our Defence Will Win Us The Title.\n\nThe coach spoke on Friday.", "Coach Jane Roe"},
		{"Rush Roe: The Band Is Not Splitting Up.\n\nThe singer spoke on Friday.", "Rush Roe"},
		{"Jane Roe on Her Injury: I Will Be Back by Spring.\n\nThe striker spoke on Friday.", "Jane Roe"},
		{"The Latest: Storm Closes Schools Across the County.\n\nSchools were shut on Friday.", ""},
		{"Jane Roe: Hero or Villain of the Final?\n\nThe striker spoke on Friday.", ""},
		{"Stealth Over Substance: The Club Hid the Injury for Weeks.\n\nThe club spoke on Friday.", ""},
		// A one-word label before a preposition: a name the story repeats.
		{"Roe on Her Injury: I Will Be Back by Spring.\n\nRoe spoke on Friday.", "Roe"},
		{"Roe on Her Injury: I Will Be Back by Spring.\n\nThe striker spoke on Friday.", ""},
	}
	m := testModel(t)
	for _, tt := range tests {
		d := analysed(t, tt.text)
		m.Extract(d)
		got := ""
		for _, q := range d.Quotes {
			if len(q.Cue) > 0 && d.Slice(q.Cue[0]) == ":" && len(q.Source) > 0 {
				got = d.Slice(q.Source[0])
			}
		}
		if got != tt.source {
			t.Errorf("%q: source %q, want %q", tt.text, got, tt.source)
		}
	}
}

// TestHeadlineVerb: a headline whose verb of speech the tagger read as a
// plural noun has the noun phrase before it, or after the comma before it,
// as source and the rest as content; a verb after the noun, or one that is
// no cue in the training news, makes no attribution.
func TestHeadlineVerb(t *testing.T) {
	// The rule mends a tagger's error: each test's verb ("denounces",
	// "declares", "reports", "issues") is set to the plural noun a tagger
	// reads in a headline, whatever the embedded one reads.
	misread := map[string]bool{"denounces": true, "declares": true, "reports": true, "issues": true}
	tests := []struct{ text, want string }{
		{"Harbour board denounces cost of second pier\n\nThe board met on Friday.",
			"cost of second pier / denounces / Harbour board"},
		{"Ferries to stop at midnight from May 3, harbour master declares\n\nThe board met on Friday.",
			"Ferries to stop at midnight from May 3 / declares / harbour master"},
		{"Harbour reports show losses rising\n\nThe board met on Friday.", ""},
		{"Harbour board issues permits for second pier\n\nThe board met on Friday.", ""},
	}
	m := testModel(t)
	for _, tt := range tests {
		d := analysed(t, tt.text)
		for i := range d.Tokens {
			if misread[d.Word(i)] {
				d.Tokens[i].Tag = "NNS"
			}
		}
		f := &featurizer{m: m}
		f.prepare(d)
		atts := headlineVerb(d, 0, int(d.Sents[0].End), nil, f)
		expectOne(t, d, atts, tt.text, tt.want)
	}
}

// TestBracketSource: a source that opens inside brackets takes in the
// opening bracket and the name before it, back to the sentence's start or a
// comma; a whole bracket, or one opened in the source, is left alone.
func TestBracketSource(t *testing.T) {
	m := testModel(t)
	for _, tt := range []struct{ text, source, want string }{
		{"Ann Holm of the Pacific Fisheries Board (PFB) told reporters the stocks were falling.", "PFB)",
			"Ann Holm of the Pacific Fisheries Board (PFB)"},
		{"On Monday, the Pacific Fisheries Board (PFB) told reporters the stocks were falling.", "PFB)",
			"the Pacific Fisheries Board (PFB)"},
		{"Ann Holm of the Pacific Fisheries Board (PFB) told reporters the stocks were falling.", "the Pacific Fisheries Board (PFB)",
			"the Pacific Fisheries Board (PFB)"},
	} {
		d, p, f := paragraph(t, m, tt.text)
		atts := []onrecord.Attribution{{Kind: onrecord.Indirect, Content: span(d, "the stocks were falling"), Cue: span(d, "told"), Source: span(d, tt.source)}}
		atts = bracketSource(d, p, atts, f)
		if got := joined(d, atts[0].Source); got != tt.want {
			t.Errorf("%s\ngot  %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// TestAsClause: a source running through a subordinating "as" is the noun
// phrase after it; "as" before a bare role or in "as well as" is left.
func TestAsClause(t *testing.T) {
	m := testModel(t)
	for _, tt := range []struct{ text, source, content, want string }{
		{"The coach settled his dispute with the striker Joe Bloggs as the two men said they would train together.",
			"the striker Joe Bloggs as the two men", "they would train together", "the two men"},
		{"The band parted with its drummer Ann Holm as their manager said the tour was over.",
			"its drummer Ann Holm as their manager", "the tour was over", "their manager"},
		{"Jane Roe as chairman said the club would move.", "Jane Roe as chairman", "the club would move", "Jane Roe as chairman"},
		{"Union leaders as well as the council said the plan was sound.",
			"Union leaders as well as the council", "the plan was sound", "Union leaders as well as the council"},
	} {
		d, _, _ := paragraph(t, m, tt.text)
		atts := []onrecord.Attribution{{Kind: onrecord.Indirect, Content: span(d, tt.content), Cue: span(d, "said"), Source: span(d, tt.source)}}
		atts = asClause(d, atts)
		if got := joined(d, atts[0].Source); got != tt.want {
			t.Errorf("%s\ngot  %q\nwant %q", tt.text, got, tt.want)
		}
	}
}
