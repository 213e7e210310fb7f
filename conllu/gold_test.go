package conllu

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
)

// A GUM-like sentence: nested entities, a title, a place inside an
// organisation, a one-token entity and a plural proper noun heading a group.
const gumSample = `# newdoc id = GUM_news_sample
# sent_id = s1
1	U.S.	U.S.	PROPN	NNP	_	2	compound	2:compound	Entity=(1-person-new-s-cf1-4-coref(2-place-new-s-cf2-1-sgl)
2	President	president	PROPN	NNP	_	4	compound	4:compound	_
3	Jane	Jane	PROPN	NNP	_	4	flat	4:flat	_
4	Roe	Roe	PROPN	NNP	_	5	nsubj	5:nsubj	Entity=1)
5	thanked	thank	VERB	VBD	_	0	root	0:root	_
6	the	the	DET	DT	_	9	det	9:det	Entity=(3-organization-new-s-cf3-4-coref
7	United	United	PROPN	NNP	_	8	compound	8:compound	Entity=(4-place-new-s-cf4-2-sgl
8	States	States	PROPN	NNPS	_	9	compound	9:compound	Entity=4)
9	Navy	Navy	PROPN	NNP	_	5	obj	5:obj	Entity=3)
10	and	and	CCONJ	CC	_	12	cc	12:cc	_
11	the	the	DET	DT	_	12	det	12:det	Entity=(5-person-new-s-cf5-2-coref
12	Afghans	Afghan	PROPN	NNPS	_	9	conj	9:conj	Entity=5)
13	in	in	ADP	IN	_	14	case	14:case	_
14	Kabul	Kabul	PROPN	NNP	_	5	obl	5:obl:in	Entity=(6-place-new-s-cf6-1-sgl)|SpaceAfter=No
15	-	-	PUNCT	HYPH	_	5	punct	5:punct	_
16	today	today	NOUN	NN	_	5	obl:unmarked	5:obl:unmarked	Entity=(7-time-new-s-cf7-1-sgl)

`

func TestReadUDGUM(t *testing.T) {
	docs, err := ReadUD(strings.NewReader(gumSample), "f")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].ID != "GUM_news_sample" || len(docs[0].Tokens) != 16 || len(docs[0].Sents) != 1 {
		t.Fatalf("got %d docs, %+v", len(docs), docs)
	}
	d := docs[0]
	var got []string
	for _, n := range Names(d) {
		got = append(got, n.Class+":"+d.Text[d.Tokens[n.Start].BStart:d.Tokens[n.End-1].BEnd])
	}
	want := "LOCATION:U.S. PERSON:Jane Roe ORGANIZATION:United States Navy LOCATION:Kabul"
	if strings.Join(got, " ") != want {
		t.Errorf("names %q, want %q", strings.Join(got, " "), want)
	}
	for i, w := range map[int]string{1: NotName, 4: NotName, 11: NotName, 15: NotName} {
		if d.Tokens[i].NER != w {
			t.Errorf("token %d %q: NER %q, want %q", i, d.Word(i), d.Tokens[i].NER, w)
		}
	}
	for i, w := range []struct{ tag, dep string }{
		4: {"VBD", "root"}, 8: {"NNP", "dobj"}, 13: {"NNP", "nmod"}, 14: {":", "punct"}, 15: {"NN", "nmod:tmod"},
	} {
		if w.tag == "" {
			continue
		}
		if tk := d.Tokens[i]; tk.Tag != w.tag || tk.Dep != w.dep {
			t.Errorf("token %d: %s/%s, want %s/%s", i, tk.Tag, tk.Dep, w.tag, w.dep)
		}
	}
	// "U.S." compounds "President", itself a compound: flat, as CoreNLP's
	// trees draw a noun phrase, it hangs from "Roe".
	if d.Tokens[4].Head != -1 || d.Tokens[0].Head != 3 {
		t.Errorf("heads %d %d", d.Tokens[4].Head, d.Tokens[0].Head)
	}
	if d.Text[:20] != "U.S. President Jane " || d.Tokens[3].Start != 20 || d.Tokens[3].End != 23 {
		t.Errorf("text %q, token 3 at %d-%d", d.Text, d.Tokens[3].Start, d.Tokens[3].End)
	}
}

// GUM's role word heading a name ("researcher Jane Roe"): the name is the
// proper nouns flat under it, the role word and its adjective are not.
func TestReadUDRoleHead(t *testing.T) {
	in := "# newdoc id = GUM_news_role\n" +
		"1\tSenior\tsenior\tADJ\tJJ\t_\t2\tamod\t_\tEntity=(1-person-new-s-cf1-2,3,4-sgl\n" +
		"2\tresearcher\tresearcher\tNOUN\tNN\t_\t5\tnsubj\t_\t_\n" +
		"3\tJane\tJane\tPROPN\tNNP\t_\t2\tflat\t_\t_\n" +
		"4\tRoe\tRoe\tPROPN\tNNP\t_\t2\tflat\t_\tEntity=1)\n" +
		"5\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"
	for _, c := range []struct {
		read func(io.Reader, string) ([]*onrecord.Document, error)
		want []string
	}{
		{ReadUD, []string{NotName, NotName, "PERSON", "PERSON", NotName}},
		{ReadUDOwnHeads, []string{NotName, NotName, NotName, NotName, NotName}}, // the first conversion
	} {
		want := c.want
		docs, err := c.read(strings.NewReader(in), "f")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range docs {
			for i := range d.Tokens {
				got = append(got, d.Tokens[i].NER)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("classes %q, want %q", got, want)
		}
	}
}

func TestReadUDErrors(t *testing.T) {
	for name, in := range map[string]string{
		"columns":   "1\tHe\the\tPRON\tPRP\n",
		"bad head":  "1\tHe\the\tPRON\tPRP\t_\tx\tnsubj\t_\t_\n",
		"bad id":    "2\tHe\the\tPRON\tPRP\t_\t0\troot\t_\t_\n",
		"far head":  "1\tHe\the\tPRON\tPRP\t_\t5\troot\t_\t_\n",
		"neg head":  "1\tHe\the\tPRON\tPRP\t_\t-1\troot\t_\t_\n",
		"not multi": "1-x\tHe\the\tPRON\tPRP\t_\t0\troot\t_\t_\n1\tHe\the\tPRON\tPRP\t_\t0\troot\t_\t_\n2\tx\tx\tX\tXX\t_\t9\tdep\t_\t_\n",
	} {
		if _, err := ReadUD(strings.NewReader(in), name); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// A multiword token's surface line is skipped; GW has no CoreNLP tag.
	docs, err := ReadUD(strings.NewReader("1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n2\tn't\tnot\tPART\tGW\t_\t1\tadvmod\t_\t_\n"), "m")
	if err != nil || len(docs) != 1 || len(docs[0].Tokens) != 2 || docs[0].Tokens[1].Tag != "" || docs[0].Tokens[1].NER != "" {
		t.Errorf("multiword: %v %+v", err, docs)
	}
}

func TestReadIOB2(t *testing.T) {
	in := "# newdoc id = a\n# text = x\n1\tJane\tB-PER\t-\n2\tRoe\tI-PER\t-\n3\tB\tB-PER\t-\n4\tof\tO\t-\n5\tNew\tB-LOC\n6\tYork\tI-LOC\n7\tToday\tB-OTH\n\n" +
		"# newdoc id = b\n1\tAcme\tB-ORG\t-\n2\tsaid\tO\t-\n"
	docs, err := ReadIOB2(strings.NewReader(in), "f")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].ID != "a" || docs[1].ID != "b" || len(docs[0].Sents) != 1 || len(docs[1].Sents) != 1 {
		t.Fatalf("docs %+v", docs)
	}
	var ner []string
	for _, tk := range docs[0].Tokens {
		ner = append(ner, tk.NER)
	}
	// "B" right after a person is a second name of the same class: unknown.
	want := "PERSON PERSON  !NAME LOCATION LOCATION !NAME"
	if strings.Join(ner, " ") != want {
		t.Errorf("NER %q, want %q", strings.Join(ner, " "), want)
	}
	if docs[0].Text != "Jane Roe B of New York Today" {
		t.Errorf("text %q", docs[0].Text)
	}
	if _, err := ReadIOB2(strings.NewReader("1\tJane\n"), "short"); err == nil {
		t.Error("two columns: no error")
	}
}

func TestGUMSplit(t *testing.T) {
	in := "# Splits\n## dev\n  * GUM_a\n## test\n  * GUM_b\n  * GUM_c\n## train\n  * GUM_d\n"
	ids, err := GUMSplit(strings.NewReader(in), "test")
	if err != nil || strings.Join(ids, ",") != "GUM_b,GUM_c" {
		t.Errorf("test split %v %v", ids, err)
	}
	if _, err := GUMSplit(strings.NewReader(in), "test3"); err == nil {
		t.Error("missing split: no error")
	}
}

func TestV1Label(t *testing.T) {
	for in, want := range map[string]string{
		"nsubj:pass": "nsubjpass", "obj": "dobj", "obl": "nmod", "obl:for": "nmod", "obl:tmod": "nmod:tmod",
		"flat": "compound", "nmod:poss": "nmod:poss", "nmod:desc": "nmod", "acl:relcl": "acl:relcl", "punct": "punct",
	} {
		if got := V1Label(in); got != want {
			t.Errorf("V1Label(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNewsTag(t *testing.T) {
	for _, c := range []struct{ form, tag, want string }{
		{"to", "IN", "TO"}, {"To", "IN", "TO"}, {"to", "TO", "TO"}, {"into", "IN", "IN"},
		{",", ",", ","}, {"--", ",", ":"}, {"...", ",", ":"}, {";", ",", ":"},
		{"Kabul", "NNP", "NNP"}, {"to", "", ""},
	} {
		if got := NewsTag(c.form, c.tag); got != c.want {
			t.Errorf("NewsTag(%q, %q) = %q, want %q", c.form, c.tag, got, c.want)
		}
	}
}

// FuzzReadUD: any input gives documents whose tokens lie in their text and
// whose heads and sentences point inside them, or an error; never a panic.
func FuzzReadUD(f *testing.F) {
	f.Add(gumSample)
	f.Add("1\ta\ta\tX\tNN\t_\t0\troot\t_\tEntity=(1-person-x)2)(3-place\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ReadUD(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, d := range docs {
			checkDoc(t, d)
		}
	})
}

func FuzzReadIOB2(f *testing.F) {
	f.Add("1\tJane\tB-PER\n2\tRoe\tI-PER\n\n1\tx\tO\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ReadIOB2(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, d := range docs {
			checkDoc(t, d)
		}
	})
}

func checkDoc(t *testing.T, d *onrecord.Document) {
	t.Helper()
	for i, tk := range d.Tokens {
		if tk.BStart < 0 || tk.BStart > tk.BEnd || int(tk.BEnd) > len(d.Text) || tk.Start > tk.End || int(tk.End) > d.Body.End {
			t.Fatalf("token %d %+v outside text of %d bytes", i, tk, len(d.Text))
		}
		if utf8.RuneCountInString(d.Text[:tk.BStart]) != int(tk.Start) {
			t.Fatalf("token %d: code point offset %d does not match byte offset %d", i, tk.Start, tk.BStart)
		}
		if tk.Head < -1 || int(tk.Head) >= len(d.Tokens) {
			t.Fatalf("token %d: head %d", i, tk.Head)
		}
	}
	for _, s := range d.Sents {
		if s.Start < 0 || s.End <= s.Start || int(s.End) > len(d.Tokens) {
			t.Fatalf("sentence %+v of %d tokens", s, len(d.Tokens))
		}
	}
	for _, n := range Names(d) {
		if n.Start < 0 || n.End > len(d.Tokens) || n.Start >= n.End || !IsName(n.Class) {
			t.Fatalf("name %+v", n)
		}
	}
}

func TestV1Tree(t *testing.T) {
	in := "1\tDonald\t_\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n2\tTrump\t_\tPROPN\tNNP\t_\t1\tflat\t_\t_\n" +
		"3\tand\t_\tCCONJ\tCC\t_\t4\tcc\t_\t_\n4\tPence\t_\tPROPN\tNNP\t_\t1\tconj\t_\t_\n" +
		"5\twon\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n6\tnot\t_\tPART\tRB\t_\t5\tadvmod\t_\t_\n7\tthe\t_\tDET\tDT\t_\t8\tdet\t_\t_\n8\tvote\t_\tNOUN\tNN\t_\t5\tobj\t_\t_\n"
	docs, err := ReadUD(strings.NewReader(in), "v1")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tk := range docs[0].Tokens {
		got = append(got, fmt.Sprintf("%d:%s", tk.Head+1, tk.Dep))
	}
	want := "2:compound 5:nsubj 2:cc 2:conj 0:root 5:neg 8:det 5:dobj"
	if strings.Join(got, " ") != want {
		t.Errorf("v1 tree %q, want %q", strings.Join(got, " "), want)
	}
}

// A name modifying a common noun is left unlabelled.
func TestReadUDModifierName(t *testing.T) {
	in := "1\tMaya\tMaya\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-organization-new-s-cf1-1-sgl)\n" +
		"2\truins\truin\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n" +
		"3\tlie\tlie\tVERB\tVBP\t_\t0\troot\t_\t_\n"
	docs, err := ReadUD(strings.NewReader(in), "m")
	if err != nil {
		t.Fatal(err)
	}
	var ner []string
	for _, tk := range docs[0].Tokens {
		ner = append(ner, tk.NER)
	}
	if got := strings.Join(ner, ","); got != ","+NotName+","+NotName {
		t.Errorf("NER %q", got)
	}
}

// TestV1Punct: punctuation at the edge of a phrase facing its head hangs
// from the head, as in CoreNLP's trees; an apposition's closing comma too.
func TestV1Punct(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"apposition", "1\tRoe\t_\tPROPN\tNNP\t_\t6\tnsubj\t_\t_\n2\t,\t_\tPUNCT\t,\t_\t4\tpunct\t_\t_\n" +
			"3\tthe\t_\tDET\tDT\t_\t4\tdet\t_\t_\n4\tcoach\t_\tNOUN\tNN\t_\t1\tappos\t_\t_\n" +
			"5\t,\t_\tPUNCT\t,\t_\t4\tpunct\t_\t_\n6\tleft\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n",
			"6:nsubj 1:punct 4:det 1:appos 1:punct 0:root"},
		{"quotation before its verb", "1\tGo\t_\tVERB\tVB\t_\t4\tccomp\t_\t_\n2\t,\t_\tPUNCT\t,\t_\t1\tpunct\t_\t_\n" +
			"3\the\t_\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n4\tsaid\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n",
			"4:ccomp 4:punct 4:nsubj 0:root"},
		{"parataxis keeps its own", "1\tGo\t_\tVERB\tVB\t_\t0\troot\t_\t_\n2\t,\t_\tPUNCT\t,\t_\t4\tpunct\t_\t_\n" +
			"3\the\t_\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n4\tsaid\t_\tVERB\tVBD\t_\t1\tparataxis\t_\t_\n",
			"0:root 4:punct 4:nsubj 1:parataxis"},
	} {
		docs, err := ReadUD(strings.NewReader(c.in), c.name)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tk := range docs[0].Tokens {
			got = append(got, fmt.Sprintf("%d:%s", tk.Head+1, tk.Dep))
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s: %q, want %q", c.name, strings.Join(got, " "), c.want)
		}
	}
}
