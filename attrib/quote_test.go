package attrib

import (
	"slices"
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/text"
)

// TestQuotations checks the double-quotation layer on one paragraph: which
// tokens lie inside a quotation (in capitals below), and what is left open.
func TestQuotations(t *testing.T) {
	for _, tt := range []struct {
		text, inside string // inside: the words inside a quotation, marks aside
		open         bool   // left open at the paragraph's end
	}{
		// A nested single quote or an apostrophe keeps the quotation open.
		{"“Then ‘go’ would do it, and the players’ bus left,” he said.", "Then ‘ go ’ would do it , and the players ’ bus left ,", false},
		// Straight marks toggle; the last one opens a quotation the
		// paragraph leaves open.
		{`"We won," Lee said. "They know it`, "We won , They know it", true},
		// A mark touching the word before it and not the one after closes,
		// whatever its shape.
		{"“It is 51 percent.“ he said.", "It is 51 percent .", false},
		// Marks clustered in one token close the inner and the outer quote.
		{"“You called them ‘miracles,’” she said.", "You called them ‘ miracles ,", false},
		// Scraped news runs paragraphs together: a quotation reopened
		// mid-paragraph with no closing mark stays open, and the mark that
		// then closes it closes it.
		{`Roe said: "We won. "They know it." The bus left.`, "We won . They know it .", false},
	} {
		d, err := text.NewDocument("q", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		text.Tokenize(d)
		p := &para{d: d, a: 0, b: len(d.Tokens)}
		p.dq = quotations(d, p.a, p.b, nil, false)
		var in []string
		for i := p.a; i < p.b; i++ {
			if p.state(i) == qIn {
				in = append(in, d.Word(i))
			}
		}
		if got := strings.Join(in, " "); got != tt.inside {
			t.Errorf("%s: inside %q, want %q", tt.text, got, tt.inside)
		}
		if got := p.open() >= 0; got != tt.open {
			t.Errorf("%s: open %v, want %v", tt.text, got, tt.open)
		}
	}
}

// TestFeaturesReadMarksAsDecoder: the quotation layer of the features (1
// inside, 2 on a mark) agrees with the decoder's reading of double marks,
// also where scraped text reopens a quotation without closing it.
func TestFeaturesReadMarksAsDecoder(t *testing.T) {
	m := testModel(t)
	for _, s := range []string{
		`Roe said: "We won the cup. "They know it was hard work. It was not luck." Then the bus left.`,
		`"We won," Lee said. "They know it`,
		"“It is 51 percent.“ he said. “We are happy.”",
		`The coach, who said "grit" wins games, left. "It does," he said.`,
	} {
		d := analysed(t, s)
		f := featurizer{m: m}
		f.prepare(d)
		dq := quotations(d, 0, len(d.Tokens), nil, false)
		for i := range d.Tokens {
			want := map[int8]int8{qOut: 0, qIn: 1, qOpen: 2, qClose: 2}[dq[i]]
			if f.quote[i] != want {
				t.Errorf("%s: token %d %q: feature %d, decoder %d", s, i, d.Word(i), f.quote[i], dq[i])
			}
		}
	}
}

// TestExtractScraped: a quotation reopened mid-paragraph without its
// closing mark is one direct quote to its last closing mark, and the
// narration after it is no quote.
func TestExtractScraped(t *testing.T) {
	m := testModel(t)
	const s = `The match ended late. Roe said: "We won the cup and we are proud. "They know it was hard work. It was not luck at all." The bus left the ground an hour later and the fans went home.`
	d := analysed(t, s)
	m.Extract(d)
	var got []string
	for _, q := range d.Quotes {
		got = append(got, string(q.Kind)+": "+joined(d, q.Content))
	}
	want := `direct: "We won the cup and we are proud. "They know it was hard work. It was not luck at all."`
	if len(got) != 1 || got[0] != want {
		t.Errorf("quotes %q, want [%q]", got, want)
	}
}

func joined(d *onrecord.Document, ss []onrecord.Span) string {
	var parts []string
	for _, sp := range ss {
		parts = append(parts, d.Slice(sp))
	}
	return strings.Join(parts, " | ")
}

// TestNewsCues: cues the model misses in news of other desks, read from the
// sentence's layout. Each rule is run alone on the passage (no attribution
// found before it), then the whole stage, which must report the same.
func TestNewsCues(t *testing.T) {
	m := testModel(t)
	for _, tt := range []struct {
		text, want string // want: content parts / cue / source; "" for none
		whole      bool   // the whole stage reports it too
	}{
		{"According to the harbour authority, the ferry was two hours late on Monday.", "the ferry was two hours late on Monday / According to / the harbour authority", true},
		// The story's own comment after ", but" stays out.
		{"According to the league, the club had filed its accounts on time, but still lost the appeal.", "the club had filed its accounts on time / According to / the league", false},
		// Quoted words after the comma are a direct quote, not this rule's.
		{`According to Roe, "we will win it all."`, "", false},
		// A cue between commas inside its content.
		{"The new bridge, the engineer said, will open to traffic in the spring.", "The new bridge | will open to traffic in the spring / said / the engineer", true},
		{"Ticket prices, Ms Okafor says, are set by the venue alone.", "Ticket prices | are set by the venue alone / says / Ms Okafor", false},
		// A list between commas is no cue.
		{"The team beat Rovers, Athletic and United before losing in the final.", "", true},
		// Hearsay adverbs: the clause they modify, the adverb inside it.
		{"The driver reportedly left the scene before the police arrived.", "The driver reportedly left the scene before the police arrived / reportedly / ", true},
		{"He was stopped at the gate after he allegedly tried to climb the fence.", "he allegedly tried to climb the fence / allegedly / ", false},
		{"Reportedly, the mayor will resign on Friday.", "the mayor will resign on Friday / Reportedly / ", false},
		// The parse hangs the adverb from the predicate of a copula.
		{"The first fire reportedly was in the old mill near the river.", "The first fire reportedly was in the old mill near the river / reportedly / ", false},
		// A source and its cue ending the sentence after the clause.
		{"The new rules could raise fares for students, a consumer group has warned.", "The new rules could raise fares for students / has warned / a consumer group", true},
		// A reported clause quoting words, with its own cue, that the model
		// ran the quotation before on into: the quotation ends before it.
		{`Roe said: "We are ready." He hoped the team would "go far", he added.`, `He hoped the team would "go far" / added / he`, false},
		// A quotation closing after its comma, with its own source and cue,
		// that the model ran the clause before on into.
		{`Roe urged fans to stay calm. "We will find who did this," Doe said.`, `"We will find who did this," / said / Doe`, false},
		// The cue the model gave the quotation after it reports the clause too.
		{`Prices will rise, Roe said. "We cannot stop it."`, `Prices will rise | "We cannot stop it." / said / Roe`, false},
	} {
		d, p, f := paragraph(t, m, tt.text)
		var got []string
		var atts []onrecord.Attribution
		switch { // as the model reads the quotation
		case strings.Contains(tt.text, "We cannot stop it"):
			atts = []onrecord.Attribution{{Content: span(d, `"We cannot stop it."`), Cue: span(d, "said")}}
		case strings.Contains(tt.text, "go far"):
			atts = []onrecord.Attribution{{Content: span(d, `"We are ready." He hoped the team would "go far"`), Cue: span(d, "said")}}
		case strings.Contains(tt.text, "stay calm"):
			atts = []onrecord.Attribution{{Content: span(d, `fans to stay calm. "We will find who did this,"`), Cue: span(d, "urged"), Source: span(d, "Roe")}}
		}
		for _, rule := range []func(*onrecord.Document, *para, []onrecord.Attribution, *featurizer) []onrecord.Attribution{accordingTo, parenthetical, hearsayClause, trailingCue} {
			atts = rule(d, p, atts, f)
		}
		for _, q := range atts {
			got = append(got, describe(d, q))
		}
		// The reading before, cut at its sentence.
		for cue, before := range map[string]string{"go far": `"We are ready." / said / `, "stay calm": `fans to stay calm. / urged / Roe`} {
			if !strings.Contains(tt.text, cue) {
				continue
			}
			if len(got) != 2 || got[0] != before {
				t.Errorf("%s: %q, want the first reading cut at its sentence", tt.text, got)
			}
			got = got[1:]
		}
		if tt.want == "" && len(got) > 0 || tt.want != "" && !slices.Equal(got, []string{tt.want}) {
			t.Errorf("%s\ngot  %q\nwant %q", tt.text, got, tt.want)
		}
		if !tt.whole {
			continue
		}
		m.Extract(d)
		got = got[:0]
		for _, q := range d.Quotes {
			got = append(got, describe(d, q))
		}
		if tt.want == "" && len(got) > 0 || tt.want != "" && !slices.Contains(got, tt.want) {
			t.Errorf("%s: whole stage\ngot  %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// expectOne checks that a rule read at most one attribution, described as
// want ("" for none).
func expectOne(t *testing.T, d *onrecord.Document, atts []onrecord.Attribution, text, want string) {
	t.Helper()
	got := ""
	if len(atts) == 1 {
		got = describe(d, atts[0])
	}
	if len(atts) > 1 || got != want {
		t.Errorf("%s\ngot  %q (%d)\nwant %q", text, got, len(atts), want)
	}
}

func describe(d *onrecord.Document, q onrecord.Attribution) string {
	return joined(d, q.Content) + " / " + joined(d, q.Cue) + " / " + joined(d, q.Source)
}

// TestDrops: attributions the model reads into names and legal acts are
// dropped; the like with a claim in them stay.
func TestDrops(t *testing.T) {
	m := testModel(t)
	for _, tt := range []struct {
		text, content, cue string
		keep               bool
	}{
		{`The club runs a youth scheme known as "Bright Start" in the town.`, `"Bright Start"`, "known as", false},
		{`Their new plan is called "Clear Sky" by staff.`, `"Clear Sky"`, "called", false},
		// With a source, naming is an act of that source's.
		{`She called him "Little Joe" all week.`, `him "Little Joe"`, "called", true},
		// A claim in quotation marks, or words in lower case, stay.
		{`The coach called the referee "a disgrace" after the match.`, `the referee "a disgrace"`, "called", true},
		{`The report, titled "Prices Rise Again", says costs doubled.`, `costs doubled`, "says", true},
		// A legal act done to someone reports nothing they said.
		{"The two guards were tried by a jury in the capital.", "The two guards", "were tried by", false},
		{"The driver was jailed for two years.", "for two years", "was jailed", false},
		{"The clerk was found guilty on two counts.", "two counts", "was found guilty on", false},
		// A plea is the accused's own word; "guilty" elsewhere is no verdict.
		{"The clerk pleaded guilty to two counts.", "to two counts", "pleaded guilty", true},
		{"Her guilty pleasure, she admits, is bad television.", "is bad television", "admits", true},
	} {
		d, p, f := paragraph(t, m, tt.text)
		atts := []onrecord.Attribution{{Content: span(d, tt.content), Cue: span(d, tt.cue)}}
		if strings.HasPrefix(tt.text, "She called") {
			atts[0].Source = span(d, "She")
		}
		atts = dropActs(d, dropNames(d, p, atts, f), f)
		if got := len(atts) == 1; got != tt.keep {
			t.Errorf("%s: %q kept %v, want %v", tt.text, tt.content, got, tt.keep)
		}
	}
}

// TestAccordingInside: "according to X" inside its content, read by the
// model with the rest of the sentence in the source, is split at the
// source's comma or before the clause's subject.
func TestAccordingInside(t *testing.T) {
	m := testModel(t)
	for _, tt := range []struct {
		text, content, source, want string // want: content parts / cue / source
	}{
		{"The bakery is, according to its owner, closing next month.", "The bakery is", "its owner, closing next month",
			"The bakery is | closing next month / according to / its owner"},
		{"The road was shut and according to the council it will reopen in May.", "The road was shut and", "the council it will reopen in May",
			"it will reopen in May / according to / the council"},
		// A source with no clause after it stays whole.
		{"The fire started in the kitchen, according to the chief of the brigade.", "The fire started in the kitchen", "the chief of the brigade",
			"The fire started in the kitchen / according to / the chief of the brigade"},
		// Between "and," and a comma the rest is a predicate of its own,
		// verb or none; a list's comma after "but according to" is no cut.
		{"The club is small, mostly amateur and, according to its rivals, hostile to newcomers.", "The club is small, mostly amateur and", "its rivals, hostile to newcomers",
			"hostile to newcomers / according to / its rivals"},
		{"The club grew, but according to talks with its coaches, players and fans, it is short of money.", "it is short of money", "talks with its coaches, players and fans",
			"it is short of money / according to / talks with its coaches, players and fans"},
		// Nor does a quotation after the comma join.
		{`The plan, according to Roe, "will fail."`, "The plan", `Roe, "will fail."`,
			`The plan / according to / Roe, "will fail."`},
	} {
		d, p, f := paragraph(t, m, tt.text)
		atts := []onrecord.Attribution{{Content: span(d, tt.content), Cue: span(d, "according to"), Source: span(d, tt.source)}}
		atts = accordingInside(d, p, atts, f)
		if got := describe(d, atts[0]); got != tt.want {
			t.Errorf("%s\ngot  %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// TestAccordingBare: "according to X" with no comma before its clause
// has X as source, up to the clause's subject, and the clause as content,
// whether the model read X into the content or had no reading; a clause
// qualifying X stays in the source.
func TestAccordingBare(t *testing.T) {
	m := testModel(t)
	for _, tt := range []struct {
		text, content, source, want string // content, source: the model's reading ("" none)
	}{
		{"The ferry was late all week and according to the harbour office it lost money every day.",
			"The ferry was late all week and | the harbour office it lost money every day", "",
			"it lost money every day / according to / the harbour office"},
		{"According to the Bureau of Weather the storm will reach the coast on Sunday.", "", "",
			"the storm will reach the coast on Sunday / According to / the Bureau of Weather"},
		// The clause before stays a part when no "and" joins it.
		{"The ferry was sold, according to the harbour office it lost money every day.",
			"The ferry was sold", "the harbour office it lost money every day",
			"The ferry was sold | it lost money every day / according to / the harbour office"},
		{"The club grew fast according to new documents it filed with the city.",
			"The club grew fast", "new documents it filed with the city",
			"The club grew fast / according to / new documents it filed with the city"},
	} {
		d, p, f := paragraph(t, m, tt.text)
		var atts []onrecord.Attribution
		if tt.content != "" {
			at := onrecord.Attribution{Kind: onrecord.Indirect, Cue: span(d, "according to")}
			if tt.source != "" {
				at.Source = span(d, tt.source)
			}
			for _, c := range strings.Split(tt.content, " | ") {
				at.Content = append(at.Content, span(d, c)...)
			}
			atts = append(atts, at)
		}
		atts = accordingBare(d, p, atts, f)
		expectOne(t, d, atts, tt.text, tt.want)
	}
}

// TestSaidThat: a sentence whose main verb mostly reports speech, with a
// name or a pronoun as subject and a clause after it, is an attribution
// when the model found none there; other sentences are left alone.
func TestSaidThat(t *testing.T) {
	m := testModel(t)
	for _, tt := range []struct {
		text, want string // want: content / cue / source, "" for none
	}{
		{"Pablo Ibáñez of the city's transport authority said repairing the tunnel may take a year.",
			"repairing the tunnel may take a year / said / Pablo Ibáñez of the city's transport authority"},
		{"She also noted that the bridge had been closed twice.",
			"that the bridge had been closed twice / also noted / She"},
		// A verb that the training news seldom uses as one of speech,
		// and WordNet does, with "that".
		{"Detective Ann Holm stated to the radio on Monday that the road had been closed.",
			"that the road had been closed / stated / Detective Ann Holm"},
		{"Ann Holm delivered the letters they said were lost.", ""},
		// A common noun as subject, or a verb that seldom reports speech.
		{"The report said the tunnel may take a year to repair.", ""},
		{"Pablo Ibáñez showed that the tunnel was unsafe.", ""},
	} {
		d, p, f := paragraph(t, m, tt.text)
		atts := saidThat(d, p, nil, f)
		expectOne(t, d, atts, tt.text, tt.want)
	}
}

// TestObjectClaim: the object of a verb of speech is its content, a claim
// stated as a noun phrase, unless it names whom the verb addresses or is
// indefinite (the act of speech itself); a clause after a semicolon is read
// as a sentence is, and a reported clause the parser split into an object
// and a second verb is one content.
func TestObjectClaim(t *testing.T) {
	m := testModel(t)
	for _, tt := range []struct {
		text, want string // want: content / cue / source, "" for none
	}{
		{"Acme announced its intention to close the plant in the spring.",
			"its intention to close the plant in the spring / announced / Acme"},
		// A verb WordNet alone calls one of speech, and a verb of telling,
		// report no object.
		{"Ann Holm photographed the opening of the bridge.", ""},
		{"Ann Holm told the board on Monday.", ""},
		{"The rain was heavy all week; Ms Varga criticised the long delays.",
			"the long delays / criticised / Ms Varga"},
		{"Most of the guests were tourists; Roe confirmed two pilgrims from Peru also died.",
			"two pilgrims from Peru also died / confirmed / Roe"},
		{"The hall was full; Roe confirmed three visitors had been hurt.",
			"three visitors had been hurt / confirmed / Roe"},
		{"On Friday, Ann Holm defended the cost of the bridge, which opens in May.",
			"the cost of the bridge / defended / Ann Holm"},
		{"Roe said his neighbours, who fish there every week, would oppose the bridge.",
			"his neighbours, who fish there every week, would oppose the bridge / said / Roe"},
		{"Roe issued a statement on Monday.", ""},
		{"Roe concluded the statement with a warning.", ""},
		{"Roe called Tom Hale on Monday.", ""},
	} {
		d, p, f := paragraph(t, m, tt.text)
		atts := saidThat(d, p, nil, f)
		expectOne(t, d, atts, tt.text, tt.want)
	}
}

// TestSaidThatJoins: a cue the model gave a content elsewhere gets the
// clause after it as one more part; one it gave a content in the same
// sentence keeps the model's reading.
func TestSaidThatJoins(t *testing.T) {
	m := testModel(t)
	for _, tt := range []struct {
		text, content, want string
	}{
		{"She also noted that the bridge had been closed twice. The ferry was cancelled.", "The ferry was cancelled",
			"that the bridge had been closed twice | The ferry was cancelled / also noted / She"},
		{"She also noted that the bridge had been closed twice. The ferry was cancelled.", "the bridge had been closed",
			"the bridge had been closed / also noted / She"},
	} {
		d, p, f := paragraph(t, m, tt.text)
		atts := []onrecord.Attribution{{Content: span(d, tt.content), Cue: span(d, "also noted"), Source: span(d, "She")}}
		atts = saidThat(d, p, atts, f)
		if got := describe(d, atts[0]); len(atts) != 1 || got != tt.want {
			t.Errorf("%s\ngot  %q (%d)\nwant %q", tt.text, got, len(atts), tt.want)
		}
	}
}

// TestAccordingToSupersedes: "According to X, ..." read by the rule
// replaces a reading of the model's whose cue is no word of speech, keeps
// one whose cue is, and does not end its source at a date's comma.
func TestAccordingToSupersedes(t *testing.T) {
	m := testModel(t)
	for _, tt := range []struct {
		text, content, cue, source, want string // want: the first attribution after the rule
	}{
		{"According to the mayor, many people do not use the bridge because they fear it.", "not use the bridge because they fear it", "do", "many people",
			"many people do not use the bridge because they fear it / According to / the mayor"},
		{"According to the mayor, many residents said the bridge was unsafe.", "the bridge was unsafe", "said", "many residents",
			"the bridge was unsafe / said / many residents"},
		{"According to a May 3, 2020 council report, the old bridge is unsafe for lorries.", "", "", "",
			"the old bridge is unsafe for lorries / According to / a May 3, 2020 council report"},
	} {
		d, p, f := paragraph(t, m, tt.text)
		var atts []onrecord.Attribution
		if tt.content != "" {
			atts = []onrecord.Attribution{{Kind: onrecord.Indirect, Content: span(d, tt.content), Cue: span(d, tt.cue), Source: span(d, tt.source)}}
		}
		atts = accordingTo(d, p, atts, f)
		if len(atts) != 1 {
			t.Errorf("%s: %d attributions", tt.text, len(atts))
			continue
		}
		if got := describe(d, atts[0]); got != tt.want {
			t.Errorf("%s\ngot  %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// TestSaysAfter: a sentence ending with a speech verb after a comma and
// its speaker's name, with a description after it, has the clause before
// as content; a name opening a clause after the verb is no source.
func TestSaysAfter(t *testing.T) {
	m := testModel(t)
	for _, tt := range []struct{ text, want string }{
		{"Fake sites that copy bank names could soon be easier to build, says Jane Roe, director of the Web Trust.",
			"Fake sites that copy bank names could soon be easier to build / says / Jane Roe, director of the Web Trust"},
		{"Fake sites could soon be easier to build, says Jane Roe.",
			"Fake sites could soon be easier to build / says / Jane Roe"},
		{"Tom Hale, who ran the trust until May, said Roe would win easily.", ""},
	} {
		d, p, f := paragraph(t, m, tt.text)
		atts := saysAfter(d, p, nil, f)
		expectOne(t, d, atts, tt.text, tt.want)
	}
}

// TestSaidThenQuote: a name and its verb of speech, a short adjunct, a
// comma or colon and a quotation: the quotation is the content, to its
// closing mark or, left open, to the paragraph's end; an object between
// the verb and the comma is no adjunct. A clause after the comma whose
// verb the parser hung the cue under is the content too.
func TestSaidThenQuote(t *testing.T) {
	m := testModel(t)
	for _, tt := range []struct{ text, want string }{
		{`After the screening, Ann Holm said of the film, "It is the best work of the decade. I cried twice." Critics agreed.`,
			`"It is the best work of the decade. I cried twice." / said / Ann Holm`},
		{`Roe said on Monday: "We will rebuild the bridge by May. Nobody will wait longer than that.`,
			`"We will rebuild the bridge by May. Nobody will wait longer than that. / said / Roe`},
		{`Roe said the plan, "a mess from the start", would fail.`, ""},
		// A clause the parser hangs the cue under; an acronym after the name.
		{`The Weather Agency (WA) reported in May, 40 stations had closed within a year.`,
			`40 stations had closed within a year / reported / The Weather Agency (WA)`},
		{`Roe reported in May, 40 shops had closed within a year.`,
			`40 shops had closed within a year / reported / Roe`},
	} {
		d, p, f := paragraph(t, m, tt.text)
		atts := saidThenQuote(d, p, nil, f)
		expectOne(t, d, atts, tt.text, tt.want)
	}
}

// TestSplitCues: a second verb of speech inside a content, coordinated
// with the cue or a participle after a comma following a pronoun subject,
// ends the content and opens one of its own with the same source; a
// participle after a named subject speaks for that name and stays.
func TestSplitCues(t *testing.T) {
	m := testModel(t)
	for _, tt := range []struct {
		text, content, cue, source string
		want                       []string
	}{
		{"The unions said the figures were wrong and claimed the plan would close two depots.",
			"the figures were wrong and claimed the plan would close two depots", "said", "The unions",
			[]string{"the figures were wrong / said / The unions", "the plan would close two depots / claimed / The unions"}},
		{`The coastguard confirmed they found the boat, stating "The crew are safe and well."`,
			`they found the boat, stating "The crew are safe and well."`, "confirmed", "The coastguard",
			[]string{`they found the boat / confirmed / The coastguard`, `"The crew are safe and well." / stating / The coastguard`}},
		// A coordinated past tense the tagger read as a participle.
		{"Roe spoke to a court after his arrest in which he expressed no regret for the fire and specifically mentioned family pride.",
			"the fire and specifically mentioned family pride", "expressed no regret for", "he",
			[]string{"the fire / expressed no regret for / he", "family pride / mentioned / he"}},
		{"The paper reported Roe welcomed the vote, saying it was overdue.",
			"Roe welcomed the vote, saying it was overdue", "reported", "The paper",
			[]string{"Roe welcomed the vote, saying it was overdue / reported / The paper"}},
	} {
		d, p, f := paragraph(t, m, tt.text)
		atts := []onrecord.Attribution{{Kind: onrecord.Indirect, Content: span(d, tt.content), Cue: span(d, tt.cue), Source: span(d, tt.source)}}
		atts = splitCues(d, p, atts, f)
		var got []string
		for _, at := range atts {
			got = append(got, describe(d, at))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s\ngot  %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// TestSplitCuesKeepsOrder: the attribution split off takes its place in
// the order of contents that add and the joins across paragraphs rely on.
func TestSplitCuesKeepsOrder(t *testing.T) {
	m := testModel(t)
	text := "The unions have said the figures do not add up and claim the plan would close two depots."
	d, p, f := paragraph(t, m, text)
	atts := []onrecord.Attribution{
		{Kind: onrecord.Indirect, Content: span(d, "the figures do not add up and claim the plan would close two depots"), Cue: span(d, "have said"), Source: span(d, "The unions")},
		{Kind: onrecord.Indirect, Content: span(d, "claim the plan"), Cue: span(d, "add up")},
	}
	atts = splitCues(d, p, atts, f)
	if !slices.IsSortedFunc(atts, func(x, y onrecord.Attribution) int { return x.Content[0].Start - y.Content[0].Start }) {
		var got []string
		for _, at := range atts {
			got = append(got, describe(d, at))
		}
		t.Errorf("out of order: %q", got)
	}
}

// TestParentheticalParts: "X, Roe said, and Y; Z" reads X and Y as the
// two parts of Roe's content, Y without its "and" and ending at the
// semicolon; a sourceless "seems" of the model's inside Y gives way, a
// reading after the semicolon stays.
func TestParentheticalParts(t *testing.T) {
	m := testModel(t)
	text := "The orders will keep the plant busy for years, Roe said, and paying back the loan seems realistic; experts called this naive."
	d, p, f := paragraph(t, m, text)
	atts := []onrecord.Attribution{
		{Kind: onrecord.Indirect, Content: span(d, "the loan"), Cue: span(d, "seems")},
		{Kind: onrecord.Indirect, Content: span(d, "this naive"), Cue: span(d, "called"), Source: span(d, "experts")},
	}
	atts = parenthetical(d, p, atts, f)
	var got []string
	for _, at := range atts {
		got = append(got, describe(d, at))
	}
	want := []string{"The orders will keep the plant busy for years | paying back the loan seems realistic / said / Roe", "this naive / called / experts"}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// paragraph analyses s as one paragraph, its quotations read, with
// m's features prepared: what the rules of cues.go take.
func paragraph(t *testing.T, m *Model, s string) (*onrecord.Document, *para, *featurizer) {
	t.Helper()
	d := analysed(t, s)
	f := &featurizer{m: m}
	f.prepare(d)
	p := &para{d: d, a: 0, b: len(d.Tokens)}
	p.dq = quotations(d, p.a, p.b, nil, false)
	return d, p, f
}

// TestSplitQuotations: quotations side by side in one content become its
// parts; a content with a cue between its quotations, or one quotation,
// stays as it is.
func TestSplitQuotations(t *testing.T) {
	m := testModel(t)
	for _, tt := range []struct {
		text, content, want string
	}{
		{`"We trained hard all winter." "The title is ours to lose," Roe said.`, `"We trained hard all winter." "The title is ours to lose,"`,
			`"We trained hard all winter." | "The title is ours to lose,"`},
		{`Roe said: “It was close.” “We will be back.” “Next year, maybe.”`, `“It was close.” “We will be back.” “Next year, maybe.”`,
			`“It was close.” | “We will be back.” | “Next year, maybe.”`},
		// A quotation and the reported words after it are not two quotations.
		{`"It was close," Roe said, adding that the team would be back.`, `"It was close,"`, `"It was close,"`},
		// Marks side by side outside the content leave it alone.
		{`Roe called it "close" "again" and said the team would be back next year.`, `the team would be back next year`, `the team would be back next year`},
	} {
		d, p, _ := paragraph(t, m, tt.text)
		atts := splitQuotations(d, p, []onrecord.Attribution{{Kind: onrecord.Direct, Content: span(d, tt.content)}})
		if got := joined(d, atts[0].Content); got != tt.want {
			t.Errorf("%s\ngot  %q\nwant %q", tt.text, got, tt.want)
		}
	}
	// The whole stage parts the first passage's quotations.
	d, _, _ := paragraph(t, m, `"We trained hard all winter." "The title is ours to lose," Roe said.`)
	m.Extract(d)
	var got []string
	for _, q := range d.Quotes {
		got = append(got, describe(d, q))
	}
	want := `"We trained hard all winter." | "The title is ours to lose," / said / Roe`
	if !slices.Contains(got, want) {
		t.Errorf("whole stage: got %q, want %q", got, want)
	}
}
