package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
)

// Q is a quotation to write into a synthetic article.
type Q struct {
	Kind    onrecord.Kind
	Speaker string // as the article names them; "" for an agentless quote
	Type    string // person, organization or other
	Content string // one part, or several separated by "|" for a discontinuous quote
}

// Article builds a document whose text reports qs, one sentence each, with
// content, cue and source spans in code points. The text starts with an
// emoji and uses curly quotes so that byte and code-point offsets differ.
func Article(id, date string, qs ...Q) *onrecord.Document {
	var b builder
	b.add("🗞 Report " + id + ".\n")
	var atts []onrecord.Attribution
	for _, q := range qs {
		a := onrecord.Attribution{Kind: q.Kind, Confidence: 0.5 + float64(len(q.Content)%50)/100}
		parts := strings.Split(q.Content, "|")
		if q.Speaker != "" {
			a.Speaker = &onrecord.Speaker{Name: q.Speaker, Type: q.Type}
		}
		switch {
		case q.Speaker == "":
			b.add("It was ")
			a.Cue = []onrecord.Span{b.add("reported")}
			b.add(" that ")
			a.Content = []onrecord.Span{b.add(parts[0])}
			b.add(".")
		case q.Kind == onrecord.Indirect:
			a.Source = []onrecord.Span{b.add(q.Speaker)}
			b.add(" ")
			a.Cue = []onrecord.Span{b.add("said")}
			b.add(" that ")
			a.Content = []onrecord.Span{b.add(parts[0])}
			b.add(".")
		default:
			b.add("“")
			a.Content = []onrecord.Span{b.add(parts[0])}
			b.add(",” ")
			a.Source = []onrecord.Span{b.add(q.Speaker)}
			b.add(" ")
			a.Cue = []onrecord.Span{b.add("said")}
			for _, p := range parts[1:] {
				b.add(", “")
				a.Content = append(a.Content, b.add(p))
				b.add("”")
			}
			b.add(".")
		}
		b.add(" Then the reporter moved on.\n")
		atts = append(atts, a)
	}
	b.add("Related: https://example.com/" + id + "\n")
	return &onrecord.Document{ID: id, Date: date, Text: b.text.String(), Body: onrecord.Span{Start: 0, End: b.n}, Quotes: atts}
}

type builder struct {
	text strings.Builder
	n    int
}

func (b *builder) add(s string) onrecord.Span {
	start := b.n
	b.text.WriteString(s)
	b.n += utf8.RuneCountInString(s)
	return onrecord.Span{Start: start, End: b.n}
}

// person is one speaker of the synthetic corpus and the ways articles name it.
type person struct {
	names []string
	typ   string
}

// people never share an ambiguous bare surname, so that their canonical
// speakers do not depend on the order in which articles arrive.
var people = []person{
	{[]string{"Donald Trump", "Trump", "Mr. Trump", "Donald J. Trump", "President Trump"}, "person"},
	{[]string{"Hillary Clinton", "Hillary Rodham Clinton", "Secretary of State Hillary Clinton", "Hillary Clinton’s"}, "person"},
	{[]string{"Bill Clinton", "former President Bill Clinton"}, "person"},
	{[]string{"Barack Obama", "Obama", "President Obama", "Mr. Obama"}, "person"},
	{[]string{"Justin Timberlake", "Timberlake", "Mr. Timberlake"}, "person"},
	{[]string{"Britney Spears", "Ms. Spears", "Spears"}, "person"},
	{[]string{"José Andrés", "Mr. Andrés"}, "person"},
	{[]string{"Angela Merkel", "Chancellor Merkel", "Merkel"}, "person"},
	{[]string{"the White House", "White House"}, "organization"},
}

// personOf maps every name of the corpus to its person's index, and
// personByKey every name's key.
var personOf, personByKey = func() (map[string]int, map[string]int) {
	m, k := map[string]int{}, map[string]int{}
	for i, p := range people {
		for _, n := range p.names {
			m[n] = i
			k[onrecord.ParseName(n, p.typ).Key] = i
		}
	}
	return m, k
}()

var words = strings.Fields(`we will repeal and replace obamacare the premiums crashed in september
healthcare markets are failing I apologize to britney spears for my part in it deeply
the economy jobs wall border trade deal china taxes voters campaign election
democracy café naïve Zürich résumé policy vaccine climate energy budget deficit
senate house vote bill law court justice freedom nation people families workers
tonight tomorrow never always again together strong great better worse
it's its U.S. us Trump's trumps health-care don't policies`)

// shared are quotations that several articles report, each by one person.
var shared = func() []Q {
	r := rand.New(rand.NewPCG(7, 7))
	var qs []Q
	for i := range 60 {
		p := people[i%len(people)]
		qs = append(qs, Q{Kind: onrecord.Direct, Speaker: p.names[0], Type: p.typ, Content: sentence(r, 8)})
	}
	return qs
}()

func sentence(r *rand.Rand, n int) string {
	ws := make([]string, n+r.IntN(n))
	for i := range ws {
		ws[i] = words[r.IntN(len(words))]
	}
	return strings.Join(ws, " ")
}

// Corpus returns n synthetic articles, the same for the same n and seed:
// 6 to 16 quotations each, a third of them shared with other articles (with
// varying case, punctuation and speaker names), dates over 2016–2017 or
// none. Article ids are prefix plus a number.
func Corpus(n int, seed uint64, prefix string) []*onrecord.Document {
	docs := make([]*onrecord.Document, n)
	for i := range docs {
		docs[i] = corpusArticle(fmt.Sprintf("%s%04d", prefix, i), rand.New(rand.NewPCG(seed, uint64(i))))
	}
	return docs
}

// Revised returns another version of d: the same id and date, another text.
func Revised(d *onrecord.Document, seed uint64) *onrecord.Document {
	r := rand.New(rand.NewPCG(seed, uint64(len(d.Text))))
	v := corpusArticle(d.ID, r)
	v.Date = d.Date
	return v
}

func corpusArticle(id string, r *rand.Rand) *onrecord.Document {
	date := ""
	if r.IntN(10) > 0 {
		date = fmt.Sprintf("%04d-%02d-%02d", 2016+r.IntN(2), 1+r.IntN(12), 1+r.IntN(28))
	}
	qs := make([]Q, 6+r.IntN(11))
	for i := range qs {
		p := people[r.IntN(len(people))]
		q := Q{Kind: onrecord.Direct, Speaker: p.names[r.IntN(len(p.names))], Type: p.typ, Content: sentence(r, 6)}
		switch k := r.IntN(10); {
		case k < 3:
			s := shared[r.IntN(len(shared))]
			p = people[personOf[s.Speaker]]
			q.Speaker, q.Type, q.Content = p.names[r.IntN(len(p.names))], p.typ, variant(r, s.Content)
		case k < 5:
			q.Kind = onrecord.Indirect
		case k < 6:
			q.Speaker, q.Type = "", ""
			q.Kind = onrecord.Indirect
		case k < 7:
			q.Kind = onrecord.Mixed
			q.Content += "|" + sentence(r, 3)
		}
		qs[i] = q
	}
	return Article(id, date, qs...)
}

// variant writes a quotation as another article might: other case and
// punctuation, the same words.
func variant(r *rand.Rand, s string) string {
	switch r.IntN(4) {
	case 0:
		return strings.ToUpper(s[:1]) + s[1:] + "!"
	case 1:
		return strings.ReplaceAll(s, " ", " — ")
	case 2:
		return strings.ToUpper(s)
	}
	return s
}
