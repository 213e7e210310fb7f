package tag

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/conllu"
	"github.com/onrecord/onrecord/internal/fuzzgz"
)

// TestTrainDeterministic trains on a few documents twice: the same seed must
// give the same file, which must load back into a tagger that saves the
// same bytes and tags like the original.
func TestTrainDeterministic(t *testing.T) {
	dir := filepath.Join(polnear, "train")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no PolNeAR data at %s", dir)
	}
	all, err := conllu.LoadDocs(dir)
	if err != nil {
		t.Fatal(err)
	}
	train, dev := all[:6], all[6:8]
	save := func(tg *Tagger) []byte {
		var b bytes.Buffer
		if err := tg.Save(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	corpora := []Corpus{{Docs: train, POSVisits: 1, NERVisits: 1, Lemmas: true}}
	first, surnames := []string{"Jane", "Ngozi"}, []string{"Roe", "Okonjo-Iweala"}
	var t1 *Tagger
	// Without common words the file has the layout before them (tag-2);
	// with role nouns, tag-4; with word clusters, tag-5; wide, tag-6.
	days := Clusters{K: 4}
	for range clusterMinCount {
		days.Text = append(days.Text, []string{"on", "Tuesday", "she", "left"}, []string{"on", "Friday", "she", "left"})
	}
	for _, c := range []struct {
		common   bool
		roles    []string
		clusters Clusters
		extras   Extras
		magic    string
	}{{false, nil, Clusters{}, Extras{}, magic2}, {true, nil, Clusters{}, Extras{}, magic3}, {true, []string{"interviewee"}, Clusters{}, Extras{}, magic4},
		{true, []string{"interviewee"}, days, Extras{}, magic5}, {true, []string{"interviewee"}, days, Extras{Wide: true}, magic6},
		{true, []string{"interviewee"}, Clusters{}, Extras{Lexicon: true, BILOU: true}, magic6},
		{true, []string{"interviewee"}, days, Extras{Wide: true, Lexicon: true}, magic6},
		{true, []string{"interviewee"}, Clusters{}, Extras{Beam: 3}, magic6},
		{true, []string{"interviewee"}, Clusters{}, Extras{Beam: 3, Dict: true}, magic7},
		{true, []string{"interviewee"}, Clusters{}, Extras{POSBeam: 2}, magic7}} {
		common, roles := c.common, c.roles
		var log bytes.Buffer
		var err error
		t1, err = Train(corpora, dev, first, surnames, roles, common, c.clusters, c.extras, 7, &log)
		if err != nil {
			t.Fatal(err)
		}
		t2, err := Train(corpora, nil, first, surnames, roles, common, c.clusters, c.extras, 7, nil)
		if err != nil {
			t.Fatal(err)
		}
		b1, b2 := save(t1), save(t2)
		if !bytes.Equal(b1, b2) {
			t.Fatal("two trainings with the same seed saved different files")
		}
		if zr, err := gzip.NewReader(bytes.NewReader(b1)); err != nil {
			t.Fatal(err)
		} else if head, _ := io.ReadAll(io.LimitReader(zr, int64(1+len(c.magic)))); !bytes.HasSuffix(head, []byte(c.magic)) {
			t.Errorf("file starts %q, want %q", head, c.magic)
		}
		if !bytes.Contains(log.Bytes(), []byte("tag: dev")) {
			t.Errorf("training log lacks the dev report:\n%s", log.String())
		}
		t3, err := Load(bytes.NewReader(b1))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(save(t3), b1) {
			t.Error("load then save changed the file")
		}
		said, role := uint64(0), uint64(0)
		if common {
			said = gazCommon
		}
		if roles != nil {
			role = gazRole
		}
		for w, want := range map[string]uint64{"ngozi": gazFirst, "Okonjo-Iweala": gazSurname, "Council": gazOrg, "said": said, "Trump": 0, "Interviewee": role} {
			if roles != nil { // apart from the capitalisation flags
				want <<= 1
			}
			if got := t3.gaz.info(w).gaz; got != want {
				t.Errorf("common %v: loaded gazetteer bits of %q = %b, want %b", common, w, got, want)
			}
		}
		// A capitalised first name reads differently from any capitalised
		// word in a tag-4 model.
		jane, table := t3.gaz.info("Jane"), t3.gaz.info("Table")
		if roles != nil && gazCap(&jane) == gazCap(&table) {
			t.Errorf("tag-4: Jane and Table have the same gazetteer feature %b", gazCap(&jane))
		}
		// The clusters are saved: the days of the unannotated text share one.
		tue, fri := t3.gaz.info("Tuesday").clu, t3.gaz.info("friday").clu
		if c.clusters.K > 0 && (tue == 0 || tue != fri) {
			t.Errorf("%s: loaded clusters of Tuesday and friday = %d, %d, want one cluster", c.magic, tue, fri)
		}
		if c.clusters.K == 0 && tue != 0 {
			t.Errorf("%s: Tuesday has cluster %d in a model without clusters", c.magic, tue)
		}
		// The lexicon is saved; only a lexicon model has one.
		if got := len(t3.gaz.spans) > 0; got != c.extras.Lexicon || t3.wide != c.extras.Wide || t3.beam != c.extras.Beam || t3.posBeam != c.extras.POSBeam {
			t.Errorf("%s %+v: loaded lexicon %v, wide %v, beam %d, POS beam %d", c.magic, c.extras, got, t3.wide, t3.beam, t3.posBeam)
		}
		// The dictionaries are saved, and the POS one gives "the" its tag.
		if c.extras.Dict != (t3.posDict != nil) || c.extras.Dict != (t3.nerDict != nil) {
			t.Errorf("%s %+v: loaded POS dictionary %v, name dictionary %v", c.magic, c.extras, t3.posDict != nil, t3.nerDict != nil)
		}
		if e, ok := t3.lexicon["the"]; c.extras.Dict && (!ok || t3.posDict[e] == noLabel || t3.pos.m.labels[t3.posDict[e]] != "DT") {
			t.Errorf("%s: the POS dictionary lacks the, DT", c.magic)
		}
		// Names are tagged with their class alone.
		if got := slices.Contains(t3.ner.m.labels, "U-PERSON"); got != c.extras.BILOU {
			t.Errorf("%+v: U-PERSON among the name labels: %v", c.extras, got)
		}
		tagged := dev[0].TokenCopy()
		t3.Tag(tagged)
		for _, tk := range tagged.Tokens {
			if strings.Contains(tk.NER, "-") {
				t.Fatalf("%+v: tagged name class %q", c.extras, tk.NER)
			}
		}
		if s1, s3 := t1.Evaluate(dev), t3.Evaluate(dev); s1 != s3 {
			t.Errorf("loaded tagger scores %v, trained one %v", s3, s1)
		}
	}
	// Even a tiny training set teaches the commonest tags.
	if s := t1.Evaluate(dev); s.POS < 0.75 {
		t.Errorf("POS accuracy after training on %d documents = %.3f, want >= 0.75", len(train), s.POS)
	}
}

// TestClusterWords: words that stand in the same contexts share a cluster,
// words of other contexts do not, and rare words get none.
func TestClusterWords(t *testing.T) {
	var sents [][]string
	for _, day := range []string{"Monday", "Tuesday", "Friday"} {
		for _, pet := range []string{"cat", "dog", "horse"} {
			sents = append(sents, []string{"on", day, "the", pet, "slept", "."}, []string{"my", pet, "ran", "on", day, "."})
		}
	}
	sents = append(sents, []string{"a", "zebra", "ran", "."})
	cl := clusterWords(sents, 4)
	of := func(w string) uint16 { return cl[keyOf(wordInfo(w).l)] & 0xff }
	habit := func(w string) uint16 { return cl[keyOf(wordInfo(w).l)] >> 8 }
	if of("monday") == 0 || of("monday") != of("Friday") || of("Tuesday") != of("friday") {
		t.Errorf("days in clusters %d, %d, %d, want one", of("monday"), of("tuesday"), of("friday"))
	}
	if of("cat") == 0 || of("cat") != of("dog") || of("dog") != of("horse") {
		t.Errorf("pets in clusters %d, %d, %d, want one", of("cat"), of("dog"), of("horse"))
	}
	if of("cat") == of("monday") {
		t.Errorf("days and pets share cluster %d", of("cat"))
	}
	if habit("monday") != habitCapital || habit("cat") != habitLower {
		t.Errorf("case habits of Monday and cat = %d, %d, want %d, %d", habit("monday"), habit("cat"), habitCapital, habitLower)
	}
	if of("zebra") != 0 {
		t.Errorf("a word seen once has cluster %d, want none", of("zebra"))
	}
	if cl := clusterWords(sents[:1], 200); cl != nil {
		t.Errorf("more clusters than words: %d words clustered, want none", len(cl))
	}
}

func TestCommonWords(t *testing.T) {
	sents := [][]string{
		{"Jump", "to", "the", "jump", "."}, {"A", "jump", "and", "a", "jump", "."},
		{"Bush", "met", "Bush", "with", "Bush", "and", "Bush", "by", "the", "bush", "bush", "bush", "."},
		{"rare", "words", "say", "little", "."},
	}
	got := commonWords(sents)
	want := []string{"jump"} // "the" twice, "bush" not more than "Bush" inside sentences
	if !slices.Equal(got, want) {
		t.Errorf("commonWords = %q, want %q", got, want)
	}
}

func TestTrainEmpty(t *testing.T) {
	if _, err := Train(nil, nil, nil, nil, nil, false, Clusters{}, Extras{}, 1, nil); err == nil {
		t.Error("Train on no documents succeeded")
	}
	if _, err := Train([]Corpus{{Docs: []*onrecord.Document{{}}}}, nil, nil, nil, nil, false, Clusters{}, Extras{}, 1, nil); err == nil {
		t.Error("Train on an empty document succeeded")
	}
}

func TestLoadRejects(t *testing.T) {
	tg := mustDefault(t)
	var b bytes.Buffer
	if err := tg.Save(&b); err != nil {
		t.Fatal(err)
	}
	good := b.Bytes()
	for name, data := range map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello"),
		"truncated": good[:len(good)/2],
	} {
		if _, err := Load(bytes.NewReader(data)); err == nil {
			t.Errorf("%s: Load succeeded", name)
		}
	}
}

// FuzzLoad feeds arbitrary model bodies (gzipped, so the decoder itself is
// exercised) to Load: it must fail cleanly, never panic.
func FuzzLoad(f *testing.F) {
	body, err := fuzzgz.Body(embedded)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(body[:min(len(body), 1024)]) // small: a run costs its size
	// Whole models of each layout, trained on one sentence: small, and the
	// mutations reach every part of the decoder (a magic with a few bytes
	// after it stops at the first length).
	words := strings.Fields("Jo Roe said the plan works .")
	clusters := Clusters{K: 2, Text: [][]string{words, words, words}}
	for _, gaz := range []struct {
		roles    []string
		common   bool
		clusters Clusters
		extras   Extras
	}{{nil, false, Clusters{}, Extras{}}, {nil, true, Clusters{}, Extras{}}, {[]string{"spokesperson"}, true, Clusters{}, Extras{}},
		{[]string{"spokesperson"}, true, clusters, Extras{}}, {[]string{"spokesperson"}, true, clusters, Extras{Lexicon: true}},
		{[]string{"spokesperson"}, true, clusters, Extras{Dict: true, POSBeam: 2}}} {
		f.Add(tinyModel(f, gaz.roles, gaz.common, gaz.clusters, gaz.extras))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		if tg, err := Load(bytes.NewReader(fuzzgz.Stored(body))); err == nil {
			tg.Tag(docOf("He said so."))
		}
	})
}

// tinyModel trains a tagger on one tagged sentence and returns its model
// file's body (gunzipped). With dictionaries the sentence is seen twice,
// and often enough for its words to be in them.
func tinyModel(f *testing.F, roles []string, common bool, clusters Clusters, extras Extras) []byte {
	d := docOf("Jo Roe said the plan works .")
	for i, tl := range [][3]string{{"NNP", "Jo", "PERSON"}, {"NNP", "Roe", "PERSON"}, {"VBD", "say", "O"},
		{"DT", "the", "O"}, {"NN", "plan", "O"}, {"VBZ", "work", "O"}, {".", ".", "O"}} {
		d.Tokens[i].Tag, d.Tokens[i].Lemma, d.Tokens[i].NER = tl[0], tl[1], tl[2]
	}
	docs, visits := []*onrecord.Document{d}, 1
	if extras.Dict { // the vocabulary holds words seen twice
		docs, visits = append(docs, d), dictMin
	}
	tg, err := Train([]Corpus{{Docs: docs, POSVisits: visits, NERVisits: visits, Lemmas: true}}, nil,
		[]string{"Jo"}, []string{"Roe"}, roles, common, clusters, extras, 1, nil)
	if err != nil {
		f.Fatal(err)
	}
	if extras.Dict && (dictWords(tg.posDict) == 0 || dictWords(tg.nerDict) == 0) {
		f.Fatalf("the seed model's dictionaries are empty: %d, %d words", dictWords(tg.posDict), dictWords(tg.nerDict))
	}
	var gz bytes.Buffer
	if err := tg.Save(&gz); err != nil {
		f.Fatal(err)
	}
	body, err := fuzzgz.Body(gz.Bytes())
	if err != nil {
		f.Fatal(err)
	}
	if _, err := Load(bytes.NewReader(fuzzgz.Stored(body))); err != nil {
		f.Fatalf("the seed model does not load: %v", err)
	}
	return body
}

// TestDictFor: a word seen often enough with one label that may be given
// gets it; too rare, too mixed or an open class does not, and a gold
// "no name" counts for the label given.
func TestDictFor(t *testing.T) {
	labels := []string{",", "DT", "NN", "VB"}
	give := func(l uint8) bool { return closedClass(labels[l]) }
	vocab := []string{"the", "cat", "run", "that", "rare", "so"}
	var words [][]string
	var gold [][]uint8
	add := func(n int, w string, l uint8) {
		for range n {
			words, gold = append(words, []string{w}), append(gold, []uint8{l})
		}
	}
	add(dictMin, "the", 1)        // always DT
	add(dictMin, "cat", 2)        // always NN: an open class
	add(dictMin, "run", 3)        // always VB: an open class
	add(dictMin, "that", 1)       // DT, but mixed with NN below
	add(1, "that", 2)             //
	add(dictMin-1, "rare", 0)     // too rare
	add(dictMin/2, "so", 1)       // DT half the time...
	add(dictMin/2, "so", notName) // ...and a wildcard the rest
	order := make([]int, len(words))
	for i := range order {
		order[i] = i
	}
	dict := dictFor(vocab, words, gold, order, 0.99, give)
	want := []uint8{1, noLabel, noLabel, noLabel, noLabel, 1}
	if !slices.Equal(dict, want) {
		t.Errorf("dictionary %v, want %v", dict, want)
	}
	for tag, want := range map[string]bool{"DT": true, ",": true, "-LRB-": true, "``": true, "PRP$": true, "NN": false, "VBP": false, "CD": false, "UH": false} {
		if closedClass(tag) != want {
			t.Errorf("closedClass(%q) = %v", tag, !want)
		}
	}
}
