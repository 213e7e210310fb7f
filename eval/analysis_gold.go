package eval

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/conllu"
)

// GoldResult compares an analysis of gold tokens (EWT, GUM, UNER, read by
// conllu.LoadGold) with their gold labels. Tokens are the same on both
// sides, so tokens pair by index.
type GoldResult struct {
	Docs                 int
	Tokens               int
	TaggedTokens         int     // tokens with a gold tag
	POS                  float64 // over tagged tokens
	ParsedTokens         int     // tokens with a gold head and label
	UAS, LAS             float64 // over parsed tokens
	NamedDocs            int     // documents with gold names (or gold "no name")
	Names                map[string]PRF
	GoldNames, PredNames map[string]int
	MatchedNames         map[string]int
	UndecidedNames       int // predicted names left out: see ScoreGold
	// NameMisses lists, document by document, the gold names not
	// predicted as written, then the predicted names the gold does not
	// have (names over undecided tokens left out).
	NameMisses []NameMiss
}

// NameMiss is a name on one side only: Gold is its gold class, or "" for a
// predicted name the gold lacks; Pred is its predicted class, or "" for a
// gold name not predicted with that span and class.
type NameMiss struct {
	Doc, Text  string
	Gold, Pred string
}

// nameClasses are the classes name F1 is printed for, as the gold corpora
// write them, with the CoreNLP class each stands for.
var nameClasses = []struct{ short, class string }{
	{"PER", "PERSON"}, {"ORG", "ORGANIZATION"}, {"LOC", "LOCATION"},
}

// ScoreGold scores pred against gold, pairing documents by position;
// pred[i] must be an analysis of gold[i]'s tokens. Names are exact token
// spans, a name being a maximal run of one class within a sentence.
func ScoreGold(gold, pred []*onrecord.Document) (GoldResult, error) {
	if len(gold) != len(pred) {
		return GoldResult{}, fmt.Errorf("score: %d gold documents, %d predicted", len(gold), len(pred))
	}
	r := GoldResult{Names: map[string]PRF{}, GoldNames: map[string]int{}, PredNames: map[string]int{}, MatchedNames: map[string]int{}}
	var pos, uas, las int
	for k, g := range gold {
		p := pred[k]
		if len(p.Tokens) != len(g.Tokens) {
			return GoldResult{}, fmt.Errorf("score %s: %d gold tokens, %d predicted", g.ID, len(g.Tokens), len(p.Tokens))
		}
		r.Docs++
		r.Tokens += len(g.Tokens)
		named := false
		for i := range g.Tokens {
			gt, pt := &g.Tokens[i], &p.Tokens[i]
			if gt.Tag != "" {
				r.TaggedTokens++
				// The tagger follows CoreNLP's conventions, which attrib reads.
				if conllu.NewsTag(g.Word(i), gt.Tag) == pt.Tag {
					pos++
				}
			}
			if gt.Dep != "" {
				r.ParsedTokens++
				if gt.Head == pt.Head {
					uas++
					if gt.Dep == pt.Dep {
						las++
					}
				}
			}
			named = named || gt.NER != ""
		}
		if !named {
			continue
		}
		r.NamedDocs++
		type key struct {
			start, end int
			class      string
		}
		want := map[key]bool{}
		gn := conllu.Names(g)
		for _, n := range gn {
			want[key{n.Start, n.End, n.Class}] = true
			r.GoldNames[n.Class]++
		}
		got := map[key]bool{}
		pn := conllu.Names(p)
		for _, n := range pn {
			got[key{n.Start, n.End, n.Class}] = true
		}
		text := func(n conllu.NameSpan) string {
			ws := make([]string, 0, n.End-n.Start)
			for i := n.Start; i < n.End; i++ {
				ws = append(ws, g.Word(i))
			}
			return strings.Join(ws, " ")
		}
		for _, n := range gn {
			if !got[key{n.Start, n.End, n.Class}] {
				pc := ""
				if c := p.Tokens[n.Start].NER; conllu.IsName(c) {
					pc = c
				}
				r.NameMisses = append(r.NameMisses, NameMiss{Doc: g.ID, Text: text(n), Gold: n.Class, Pred: pc})
			}
		}
		for _, n := range pn {
			// A name over tokens the gold data leaves undecided (GUM's
			// names modifying a common noun, UNER's second of two
			// abutting names of one class) is neither right nor wrong.
			if slices.ContainsFunc(g.Tokens[n.Start:n.End], func(t onrecord.Token) bool { return t.NER == "" }) {
				r.UndecidedNames++
				continue
			}
			r.PredNames[n.Class]++
			if want[key{n.Start, n.End, n.Class}] {
				r.MatchedNames[n.Class]++
			} else {
				r.NameMisses = append(r.NameMisses, NameMiss{Doc: g.ID, Text: text(n), Pred: n.Class})
			}
		}
	}
	r.POS = ratio(pos, r.TaggedTokens)
	r.UAS = ratio(uas, r.ParsedTokens)
	r.LAS = ratio(las, r.ParsedTokens)
	var tg, tp, tm int
	for _, c := range nameClasses {
		m, np, ng := r.MatchedNames[c.class], r.PredNames[c.class], r.GoldNames[c.class]
		r.Names[c.short] = prf(m, np, m, ng)
		tg, tp, tm = tg+ng, tp+np, tm+m
	}
	r.Names["ALL"] = prf(tm, tp, tm, tg)
	return r, nil
}

// Print writes the figures of the layers the gold data has, one line each,
// then with misses the names one side lacks.
func (r GoldResult) Print(w io.Writer, misses bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-16s %d, %d tokens (gold tokens and sentences)\n", "docs", r.Docs, r.Tokens)
	if r.TaggedTokens > 0 {
		fmt.Fprintf(&b, "%-16s %s over %d tokens\n", "pos_accuracy", pyFloat(r.POS), r.TaggedTokens)
	}
	if r.ParsedTokens > 0 {
		fmt.Fprintf(&b, "%-16s %s over %d tokens\n", "uas", pyFloat(r.UAS), r.ParsedTokens)
		fmt.Fprintf(&b, "%-16s %s (UD v2 labels mapped to UD v1)\n", "las", pyFloat(r.LAS))
	}
	if r.NamedDocs > 0 {
		for _, c := range append(nameClasses, struct{ short, class string }{"ALL", ""}) {
			n := r.Names[c.short]
			g, p, m := r.GoldNames[c.class], r.PredNames[c.class], r.MatchedNames[c.class]
			if c.short == "ALL" {
				g, p, m = 0, 0, 0
				for _, c := range nameClasses {
					g, p, m = g+r.GoldNames[c.class], p+r.PredNames[c.class], m+r.MatchedNames[c.class]
				}
			}
			fmt.Fprintf(&b, "%-16s %s gold %d pred %d matched %d\n", "names_"+c.short, n.py('\''), g, p, m)
		}
		fmt.Fprintf(&b, "%-16s %d predicted names over tokens the gold leaves undecided, not scored\n", "names_undecided", r.UndecidedNames)
	}
	if misses {
		for _, m := range r.NameMisses {
			fmt.Fprintf(&b, "  miss %s %q: gold %s, predicted %s\n", m.Doc, m.Text, orNone(m.Gold), orNone(m.Pred))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func orNone(class string) string {
	if class == "" {
		return "none"
	}
	return class
}
