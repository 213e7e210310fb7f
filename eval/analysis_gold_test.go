package eval

import (
	"slices"
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/conllu"
)

func TestScoreGold(t *testing.T) {
	ud := "1\tJane\tJane\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tso\tso\tADV\tRB\t_\t2\tadvmod\t_\t_\n4\tx\tx\tX\tGW\t_\t2\tdep\t_\t_\n\n"
	iob := "1\tJane\tB-PER\n2\tRoe\tI-PER\n3\tof\tO\n4\tAcme\tB-ORG\n5\tin\tO\n6\tParis\tB-LOC\n\n"
	g1, err := conllu.ReadUD(strings.NewReader(ud), "ud")
	if err != nil {
		t.Fatal(err)
	}
	g2, err := conllu.ReadIOB2(strings.NewReader(iob), "iob")
	if err != nil {
		t.Fatal(err)
	}
	gold := append(g1, g2...)
	p1, p2 := g1[0].TokenCopy(), g2[0].TokenCopy()
	p1.Tokens[2].Tag = "IN"       // POS miss (of 3 tagged: GW has none)
	p1.Tokens[3].Tag = "NN"       // untagged in gold: not counted
	p1.Tokens[2].Dep = "mark"     // LAS miss
	p1.Tokens[3].Head = 0         // UAS miss
	p2.Tokens[1].NER = "O"        // PER "Jane" only: wrong span
	p2.Tokens[2].NER = "DATE"     // no name
	p2.Tokens[5].NER = "LOCATION" // right
	p2.Tokens[3].NER = "PERSON"   // ORG as PER
	r, err := ScoreGold(gold, []*onrecord.Document{p1, p2})
	if err != nil {
		t.Fatal(err)
	}
	if r.TaggedTokens != 3 || r.POS != 0.6667 || r.ParsedTokens != 4 || r.UAS != 0.75 || r.LAS != 0.5 {
		t.Errorf("POS %v of %d, UAS %v LAS %v of %d", r.POS, r.TaggedTokens, r.UAS, r.LAS, r.ParsedTokens)
	}
	if r.Names["LOC"] != (PRF{1, 1, 1}) || r.Names["ORG"] != (PRF{0, 0, 0}) || r.Names["PER"] != (PRF{0, 0, 0}) {
		t.Errorf("names %+v", r.Names)
	}
	if all := r.Names["ALL"]; all.P != 0.3333 || all.R != 0.3333 {
		t.Errorf("ALL %+v", all)
	}
	wantMisses := []NameMiss{
		{Doc: "iob", Text: "Jane Roe", Gold: "PERSON", Pred: "PERSON"},
		{Doc: "iob", Text: "Acme", Gold: "ORGANIZATION", Pred: "PERSON"},
		{Doc: "iob", Text: "Jane", Pred: "PERSON"},
		{Doc: "iob", Text: "Acme", Pred: "PERSON"},
	}
	if !slices.Equal(r.NameMisses, wantMisses) {
		t.Errorf("misses %+v, want %+v", r.NameMisses, wantMisses)
	}
	var b strings.Builder
	if err := r.Print(&b, true); err != nil || !strings.Contains(b.String(), "names_ALL") || !strings.Contains(b.String(), "pos_accuracy     0.6667") ||
		!strings.Contains(b.String(), `miss iob "Acme": gold ORGANIZATION, predicted PERSON`) || !strings.Contains(b.String(), `miss iob "Jane": gold none, predicted PERSON`) {
		t.Errorf("print: %v\n%s", err, b.String())
	}
	if _, err := ScoreGold(gold, []*onrecord.Document{p1}); err == nil {
		t.Error("missing prediction: no error")
	}
	// Two abutting places: CoreNLP's labels cannot part them, so the gold
	// leaves the second undecided, and a name over it is not scored.
	g4, err := conllu.ReadIOB2(strings.NewReader("1\tin\tO\n2\tLima\tB-LOC\n3\tPeru\tB-LOC\n4\tJo\tB-PER\n\n"), "abut")
	if err != nil {
		t.Fatal(err)
	}
	p4 := g4[0].TokenCopy()
	p4.Tokens[1].NER, p4.Tokens[2].NER, p4.Tokens[3].NER = "LOCATION", "LOCATION", "PERSON"
	if r, err := ScoreGold(g4, []*onrecord.Document{p4}); err != nil || r.UndecidedNames != 1 || r.Names["ALL"] != (PRF{1, 0.5, 0.6667}) {
		t.Errorf("undecided %d, names %+v (err %v)", r.UndecidedNames, r.Names, err)
	}
	// CoreNLP's conventions: "to" is TO, a dash is ':'.
	g3, err := conllu.ReadUD(strings.NewReader("1\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n2\tto\tto\tADP\tIN\t_\t3\tcase\t_\t_\n3\tLima\tLima\tPROPN\tNNP\t_\t1\tobl\t_\t_\n4\t--\t--\tPUNCT\t,\t_\t1\tpunct\t_\t_\n\n"), "to")
	if err != nil {
		t.Fatal(err)
	}
	p3 := g3[0].TokenCopy()
	p3.Tokens[1].Tag, p3.Tokens[3].Tag = "TO", ":"
	if r, err := ScoreGold(g3, []*onrecord.Document{p3}); err != nil || r.POS != 1 {
		t.Errorf("POS %v, want 1 (err %v)", r.POS, err)
	}
}
