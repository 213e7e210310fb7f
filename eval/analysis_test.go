package eval

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
	"github.com/onrecord/onrecord/conllu"
)

const tinyText = `Clinton spoke. He said his plan works. It rained.`

const tinySilver = `# sent 1
1	Clinton	Clinton	NNP	PERSON	2	nsubj	0	7
2	spoke	speak	VBD	O	0	root	8	13
3	.	.	.	O	2	punct	13	14

# sent 2
1	He	he	PRP	O	2	nsubj	15	17
2	said	say	VBD	O	0	root	18	22
3	his	he	PRP$	O	4	nmod:poss	23	26
4	plan	plan	NN	O	5	nsubj	27	31
5	works	work	VBZ	O	2	ccomp	32	37
6	.	.	.	O	2	punct	37	38

# sent 3
1	It	it	PRP	O	2	nsubj	39	41
2	rained	rain	VBD	O	0	root	42	48
3	.	.	.	O	2	punct	48	49

# coref chain=1 sent=1 start=1 end=2 head=1 rep=1 text=Clinton
# coref chain=1 sent=2 start=1 end=2 head=1 rep=0 text=He
# coref chain=1 sent=2 start=3 end=4 head=3 rep=0 text=his
# coref chain=2 sent=2 start=3 end=5 head=4 rep=1 text=his plan
`

func tiny(t *testing.T) conllu.Article {
	t.Helper()
	d, ms, err := conllu.Read(strings.NewReader(tinySilver), "tiny", tinyText)
	if err != nil {
		t.Fatal(err)
	}
	return conllu.Article{Doc: d, Mentions: ms}
}

func TestScoreAnalysis(t *testing.T) {
	s := tiny(t).Doc
	if r := ScoreAnalysis([]*onrecord.Document{s}, []*onrecord.Document{s}); r.Tokens != (PRF{1, 1, 1}) ||
		r.Sents != (PRF{1, 1, 1}) || r.POS != 1 || r.UAS != 1 || r.LAS != 1 {
		t.Errorf("silver against itself: %+v", r)
	}
	p := *s
	p.Tokens = append([]onrecord.Token(nil), s.Tokens...)
	p.Tokens[0].Tag = "NN"                                                 // POS miss
	p.Tokens[1].End = 12                                                   // "spoke" unmatched: heads of Clinton and "." miss too
	p.Tokens[5].Dep = "nsubj"                                              // "his": LAS miss
	p.Tokens[6].Head = -1                                                  // "plan" as a root: UAS miss
	p.Sents = []onrecord.Sentence{{Start: 0, End: 3}, {Start: 3, End: 12}} // sentences 2 and 3 merged
	r := ScoreAnalysis([]*onrecord.Document{s, {ID: "absent"}}, []*onrecord.Document{&p})
	want := AnalysisResult{
		Docs: 2, DocsMissing: 1,
		Tokens: PRF{0.9167, 0.9167, 0.9167}, Sents: PRF{0.5, 0.3333, 0.4},
		POS: 0.9091, UAS: 0.7273, LAS: 0.6364,
		SilverTokens: 12, PredTokens: 12, MatchedTokens: 11,
		SilverSents: 3, PredSents: 2, MatchedSents: 1,
	}
	if r != want {
		t.Errorf("got  %+v\nwant %+v", r, want)
	}
	var b bytes.Buffer
	if err := r.Print(&b); err != nil || !strings.Contains(b.String(), "las              0.6364\n") {
		t.Errorf("print: %v\n%s", err, b.String())
	}
}

func TestSameName(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Trump", "Donald Trump", false}, // a surname is not the full name
		{"donald trump ", "Donald  Trump", true},
		{"Mr. Trump", "Trump", true},
		{"Clinton 's", "Clinton’s", true},
		{"Donald Trump", "Donald J. Trump", true}, // a middle initial
		{"J. Trump", "Donald Trump", false},
		{"", "Trump", false},
		{"President Obama", "Obama", true},
		{"Sanders, a Vermont senator", "Sanders", true},
		{"Sen. David Perdue (R-Ga.)", "David Perdue", true},
		{"The Republican nominee", "Donald Trump", false},
		{"Hillary Clinton", "Bill Clinton", false},
	}
	for _, tc := range tests {
		if got := SameName(tc.a, tc.b); got != tc.want {
			t.Errorf("SameName(%q, %q) = %v", tc.a, tc.b, got)
		}
		if got := SameName(tc.b, tc.a); got != tc.want {
			t.Errorf("SameName(%q, %q) = %v (swapped)", tc.b, tc.a, got)
		}
	}
}

func TestProperName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"Justin Timberlake", true},
		{"Bank of America", true},
		{"International Monetary Fund", true},
		{"3M", true},
		{"U.S. Court of Appeals", true},
		{"Robert C. \"Bobby\" Scott", true},
		{"The 52-year-old singer", false},
		{"the Oscar-winning director", false},
		{"A bookmaker", false},
		{"Referee Jane Roe", false},
		{"Sen. Ted Cruz", false},
		{"Trump campaign", false},
		{"Voters", true}, // capitalised: ProperName looks at form, not meaning
		{"", false},
	}
	for _, tc := range tests {
		if got := ProperName(tc.name); got != tc.want {
			t.Errorf("ProperName(%q) = %v", tc.name, got)
		}
	}
}

func TestScoreSpeakers(t *testing.T) {
	art := tiny(t)
	att := func(src, content onrecord.Span) onrecord.Attribution {
		return onrecord.Attribution{Source: []onrecord.Span{src}, Content: []onrecord.Span{content}}
	}
	gold := []brat.GoldDoc{{ID: "tiny", Text: tinyText, Quotes: []onrecord.Attribution{
		att(sp(15, 17), sp(23, 37)), // He → chain 1, named Clinton
		att(sp(0, 7), sp(8, 13)),    // a name
		att(sp(39, 41), sp(42, 48)), // It: in no chain, unnamed
	}}, {ID: "no-silver"}}
	named := func(c onrecord.Span, name, typ string) onrecord.Attribution {
		return onrecord.Attribution{Content: []onrecord.Span{c}, Speaker: &onrecord.Speaker{Name: name, Type: typ}}
	}
	r := ScoreSpeakers(gold, []conllu.Article{art}, map[string][]onrecord.Attribution{"tiny": {
		named(sp(23, 37), "Clinton", "person"), named(sp(8, 13), "the senator", "person"), named(sp(42, 48), "Rain", "other"),
	}})
	if r.Name != (Count{1, 2}) || r.ByKind[KindPronoun] != (Count{1, 1}) || r.ByKind[KindName] != (Count{0, 1}) ||
		r.Unnamed != 1 || r.DocsNoSilver != 1 || r.IsName != (Count{1, 2}) || len(r.Misses) != 1 ||
		r.Misses[0].Expected != "Clinton" || r.Misses[0].Got != "the senator" {
		t.Errorf("got %+v", r)
	}
	r = ScoreSpeakers(gold, []conllu.Article{art}, map[string][]onrecord.Attribution{"tiny": {
		{Content: []onrecord.Span{sp(23, 37)}},
	}})
	if r.Name != (Count{0, 1}) || r.NoMatch != 1 || r.IsName != (Count{}) {
		t.Errorf("got %+v", r)
	}
}

// TestScoreSpeakersDev gives every gold attribution on dev no speaker
// (share 0) and then the expected name (share 1), and checks that every
// source kind is scored.
func TestScoreSpeakersDev(t *testing.T) {
	dir := filepath.Join(shared, "dev")
	gold, err := brat.LoadCorpus(dir)
	if err != nil {
		t.Skip("no ../shared data")
	}
	silver, err := conllu.LoadSplit(dir)
	if err != nil {
		t.Fatal(err)
	}
	none := map[string][]onrecord.Attribution{}
	for _, g := range gold {
		none[g.ID] = g.Quotes
	}
	r := ScoreSpeakers(gold, silver, none)
	if r.Name.Scored == 0 || r.Name.Correct != 0 || r.DocsNoSilver != 1 || r.NoMatch != 0 {
		t.Fatalf("no speakers: %+v", r.Name)
	}
	for _, k := range SourceKinds {
		if r.ByKind[k].Scored == 0 {
			t.Errorf("no %s sources scored", k)
		}
	}
	type key struct {
		doc string
		src onrecord.Span
	}
	expected := map[key]string{}
	for _, m := range r.Misses {
		expected[key{m.Doc, m.Source}] = m.Expected
	}
	// Gold contents do not overlap, so each copy is matched to its original.
	oracle := map[string][]onrecord.Attribution{}
	for _, g := range gold {
		for _, q := range g.Quotes {
			if len(q.Source) > 0 {
				if e, ok := expected[key{g.ID, q.Source[0]}]; ok {
					q.Speaker = &onrecord.Speaker{Name: e, Type: "person"}
				}
			}
			oracle[g.ID] = append(oracle[g.ID], q)
		}
	}
	o := ScoreSpeakers(gold, silver, oracle)
	if o.Name.Correct != o.Name.Scored || o.Name.Scored != r.Name.Scored {
		t.Errorf("oracle: %+v, want all of %+v", o.Name, r.Name)
	}
	t.Logf("dev: %d scored, %d unnamed; by kind %v", r.Name.Scored, r.Unnamed, r.ByKind)
}

// refSilverA: a title before a name, an organisation with "and" in its
// name and its acronym, and a chain that runs a surname into another
// person.
const refTextA = `Coach Jane Roe said the Securities and Exchange Commission erred. The SEC said it would appeal. Roe said Ann Lee agreed.`

const refSilverA = `# sent 1
1	Coach	Coach	NNP	PERSON	3	compound	0	5
2	Jane	Jane	NNP	PERSON	3	compound	6	10
3	Roe	Roe	NNP	PERSON	4	nsubj	11	14
4	said	say	VBD	O	0	root	15	19
5	the	the	DT	O	9	det	20	23
6	Securities	Securities	NNP	ORGANIZATION	9	compound	24	34
7	and	and	CC	ORGANIZATION	6	cc	35	38
8	Exchange	Exchange	NNP	ORGANIZATION	9	compound	39	47
9	Commission	Commission	NNP	ORGANIZATION	10	nsubj	48	58
10	erred	err	VBD	O	4	ccomp	59	64
11	.	.	.	O	4	punct	64	65

# sent 2
1	The	the	DT	O	2	det	66	69
2	SEC	SEC	NNP	ORGANIZATION	3	nsubj	70	73
3	said	say	VBD	O	0	root	74	78
4	it	it	PRP	O	6	nsubj	79	81
5	would	would	MD	O	6	aux	82	87
6	appeal	appeal	VB	O	3	ccomp	88	94
7	.	.	.	O	3	punct	94	95

# sent 3
1	Roe	Roe	NNP	PERSON	2	nsubj	96	99
2	said	say	VBD	O	0	root	100	104
3	Ann	Ann	NNP	PERSON	4	compound	105	108
4	Lee	Lee	NNP	PERSON	5	nsubj	109	112
5	agreed	agree	VBD	O	2	ccomp	113	119
6	.	.	.	O	2	punct	119	120

# coref chain=1 sent=2 start=1 end=3 head=2 rep=1 text=The SEC
# coref chain=1 sent=2 start=4 end=5 head=4 rep=0 text=it
# coref chain=2 sent=3 start=1 end=2 head=1 rep=0 text=Roe
# coref chain=2 sent=3 start=3 end=5 head=4 rep=1 text=Ann Lee
`

// refSilverB: namesakes, and a party label in a chain.
const refTextB = `Bill Roe and Hillary Roe met. Roe said so. Rep. Tom Fox (R-Ohio) spoke. He left.`

const refSilverB = `# sent 1
1	Bill	Bill	NNP	PERSON	2	compound	0	4
2	Roe	Roe	NNP	PERSON	6	nsubj	5	8
3	and	and	CC	O	2	cc	9	12
4	Hillary	Hillary	NNP	PERSON	5	compound	13	20
5	Roe	Roe	NNP	PERSON	2	conj	21	24
6	met	meet	VBD	O	0	root	25	28
7	.	.	.	O	6	punct	28	29

# sent 2
1	Roe	Roe	NNP	PERSON	2	nsubj	30	33
2	said	say	VBD	O	0	root	34	38
3	so	so	RB	O	2	advmod	39	41
4	.	.	.	O	2	punct	41	42

# sent 3
1	Rep.	Rep.	NNP	O	3	compound	43	47
2	Tom	Tom	NNP	PERSON	3	compound	48	51
3	Fox	Fox	NNP	PERSON	7	nsubj	52	55
4	(	(	-LRB-	O	5	punct	56	57
5	R-Ohio	R-Ohio	NNP	O	3	appos	57	63
6	)	)	-RRB-	O	5	punct	63	64
7	spoke	speak	VBD	O	0	root	65	70
8	.	.	.	O	7	punct	70	71

# sent 4
1	He	he	PRP	O	2	nsubj	72	74
2	left	leave	VBD	O	0	root	75	79
3	.	.	.	O	2	punct	79	80

# coref chain=1 sent=3 start=5 end=6 head=5 rep=1 text=R-Ohio
# coref chain=1 sent=4 start=1 end=2 head=1 rep=0 text=He
`

func TestReferenceName(t *testing.T) {
	for _, c := range []struct {
		text, silver string
		src          onrecord.Span
		kind, want   string
	}{
		{refTextA, refSilverA, sp(0, 14), KindName, "Jane Roe"},                               // a title is no part of the name
		{refTextA, refSilverA, sp(20, 58), KindName, "Securities and Exchange Commission"},    // "and" tagged inside an organisation
		{refTextA, refSilverA, sp(66, 73), KindName, "Securities and Exchange Commission"},    // an acronym written out
		{refTextA, refSilverA, sp(79, 81), KindPronoun, "Securities and Exchange Commission"}, // through the chain
		{refTextA, refSilverA, sp(96, 99), KindName, "Jane Roe"},                              // the chain's "Ann Lee" is someone else
		{refTextB, refSilverB, sp(30, 33), KindName, ""},                                      // two people named Roe
		{refTextB, refSilverB, sp(43, 64), KindName, "Tom Fox"},                               // title and party label left out
		{refTextB, refSilverB, sp(72, 74), KindPronoun, ""},                                   // a party label is no name
	} {
		d, ms, err := conllu.Read(strings.NewReader(c.silver), "ref", c.text)
		if err != nil {
			t.Fatal(err)
		}
		src := []onrecord.Span{c.src}
		rd := newRefDoc(conllu.Article{Doc: d, Mentions: ms}, []onrecord.Attribution{{Source: src}})
		if kind, got := rd.referenceName(src); kind != c.kind || got != c.want {
			t.Errorf("%q: got %s %q, want %s %q", d.Slice(c.src), kind, got, c.kind, c.want)
		}
	}
}
