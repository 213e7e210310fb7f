package tag

import (
	"errors"
	"fmt"
	"io"
	"math/rand"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/conllu"
)

// Training settings, chosen on the dev split.
const (
	posEpochs = 6
	nerEpochs = 6
	minWeight = 1 // quantised weights below this many steps are dropped
)

// Corpus is training data for Train. A token's Tag "" says nothing of its
// POS; its NER "" says nothing of its class, conllu.NotName that it is in
// no person, organisation or place name (any other class will do).
type Corpus struct {
	Docs []*onrecord.Document
	// POSVisits and NERVisits are how often each sentence is seen per
	// epoch by the POS and the name tagger (at least 1): gold names are
	// visited more than silver ones, to outweigh them, while the silver
	// POS tags keep weight enough for the news the tagger reads.
	POSVisits, NERVisits int
	// Lemmas says whether the lemma rules learn from this corpus's lemmas.
	Lemmas bool
}

// Labels that are no label: the gold data says nothing (noLabel), or only
// that the token is in no name (notName, for NER).
const (
	noLabel = 255
	notName = 254
)

// Clusters asks Train for K word clusters (a tag-5 model; K at most 255,
// 0 for none), learnt from the words of the training corpora and Text,
// unannotated sentences as words.
type Clusters struct {
	K    int
	Text [][]string
}

// Extras asks Train for more of the name tagger: with Wide it reads more
// features (nerWide), with Lexicon a name lexicon and the organisation
// ends learnt from the training names (lexiconCounts), each a tag-6 model;
// with BILOU it learns the place of a token in its name (placeLabels);
// with Beam above 1 the name tagger is trained for, and decodes with, a
// beam of that width (trainBeam; a tag-6 model).
//
// With Dict the POS and the name tagger each give a frequent word the
// label the training corpora give it nearly always (dictFor) without
// scoring it; with POSBeam above 1 the POS tagger is trained for, and
// decodes with, a beam of that width (either, a tag-7 model).
type Extras struct {
	Wide, Lexicon, BILOU, Dict bool
	Beam, POSBeam              int
}

// Train learns a Tagger from the corpora; first and surnames are the name
// lists of the gazetteer, roles its nouns for a person (a tag-4 model when
// given), and with common it also marks the words the corpora write in
// lower case (commonWords); clusters gives its word clusters. dev, when not empty, is only
// scored and reported to log; extras asks for more (Extras). The result depends only on the inputs, their
// order and seed.
func Train(train []Corpus, dev []*onrecord.Document, first, surnames, roles []string, common bool, clusters Clusters, extras Extras, seed int64, log io.Writer) (*Tagger, error) {
	if log == nil {
		log = io.Discard
	}
	logf := func(format string, args ...any) { fmt.Fprintf(log, format+"\n", args...) }
	began := time.Now()
	var all []*onrecord.Document
	for _, c := range train {
		all = append(all, c.Docs...)
	}
	posLabels := labelSet(all, func(t *onrecord.Token) string { return t.Tag })
	nerLabels := labelSet(all, func(t *onrecord.Token) string {
		if t.NER == conllu.NotName {
			return ""
		}
		return t.NER
	})
	if len(posLabels) == 0 || len(nerLabels) == 0 {
		return nil, errors.New("train tagger: no tagged tokens")
	}
	if extras.Beam < 0 || extras.Beam > MaxBeam || extras.POSBeam < 0 || extras.POSBeam > MaxBeam {
		return nil, fmt.Errorf("train tagger: beam widths %d, %d: want 0 to %d", extras.Beam, extras.POSBeam, MaxBeam)
	}
	if extras.BILOU {
		nerLabels = placeLabels(nerLabels)
	}
	if len(posLabels) > maxLabels || len(nerLabels) > maxLabels {
		return nil, fmt.Errorf("train tagger: too many labels (%d POS, %d NER)", len(posLabels), len(nerLabels))
	}
	var text [][]string // the training corpora's words, for the common words and the clusters
	if common || clusters.K > 0 {
		text = sentenceWords(train)
	}
	var commons []string
	if common {
		commons = commonWords(text)
	}
	gaz := newGazetteer(first, surnames, commons, roles)
	if clusters.K > 0 {
		gaz.apart = true
		gaz.clusters = clusterWords(slices.Concat(text, clusters.Text), clusters.K)
		logf("tag: %d words in %d clusters (%v)", len(gaz.clusters), clusters.K, time.Since(began).Round(time.Second))
	}
	if extras.Wide || extras.Lexicon {
		gaz.apart = true // as a tag-6 file is read
	}
	var lexFold []spanCounts // by fold, with lexAll: each document's lexicon is the others' folds
	var lexAll spanCounts
	if extras.Lexicon {
		var orgEnds []string
		lexFold, lexAll, orgEnds = lexiconCounts(train)
		gaz.spans = lexAll.spans()
		gaz.add(orgEnds, gazOrgEnd)
		logf("tag: %d names in the lexicon, %d organisation ends", len(gaz.spans), len(orgEnds))
	}
	var sents []*sentence
	var words [][]string
	var posGold, nerGold [][]uint8
	var posOrder, nerOrder []int // sentence visits per epoch
	var lemmaObs [][3]string
	var lower []byte
	index := func(labels []string, l string) uint8 {
		if i := slices.Index(labels, l); i >= 0 {
			return uint8(i)
		}
		return noLabel
	}
	for _, c := range train {
		for dk, d := range c.Docs {
			for _, sp := range d.Sents {
				n := int(sp.End - sp.Start)
				if n <= 0 || sp.Start < 0 || int(sp.End) > len(d.Tokens) {
					continue
				}
				s := &sentence{}
				s.reset(n)
				pg, ng := make([]uint8, n), make([]uint8, n)
				posKnown, nerKnown := false, false
				ws := make([]string, n)
				for i := 0; i < n; i++ {
					k := int(sp.Start) + i
					w, tk := word(d, k), &d.Tokens[k]
					ws[i] = w
					s.tok[i+pad] = gaz.info(w)
					pg[i], ng[i] = index(posLabels, tk.Tag), index(nerLabels, tk.NER)
					if tk.NER == conllu.NotName {
						ng[i] = notName
					}
					posKnown = posKnown || pg[i] != noLabel
					nerKnown = nerKnown || ng[i] != noLabel
					if c.Lemmas && tk.Tag != "" && !properTag(tk.Tag) {
						lower = appendLower(lower[:0], w)
						lemmaObs = append(lemmaObs, [3]string{string(lower), tk.Tag, tk.Lemma})
					}
				}
				if extras.BILOU {
					placeNames(ng, nerLabels)
				}
				if lexAll != nil {
					markNames(s, foldLexicon{all: lexAll, fold: lexFold[dk%lexFolds]})
				}
				k := len(sents)
				for v := 0; v < max(c.POSVisits, 1) && posKnown; v++ {
					posOrder = append(posOrder, k)
				}
				for v := 0; v < max(c.NERVisits, 1) && nerKnown; v++ {
					nerOrder = append(nerOrder, k)
				}
				sents = append(sents, s)
				words = append(words, ws)
				posGold, nerGold = append(posGold, pg), append(nerGold, ng)
			}
		}
	}
	logf("tag: %d sentences (%d POS, %d NER visits an epoch), %d POS labels, %d NER labels",
		len(sents), len(posOrder), len(nerOrder), len(posLabels), len(nerLabels))
	rng := rand.New(rand.NewSource(seed))
	// Word dropout: every word is known in training, so without it the
	// models never learn to tag unseen words (new names) from their
	// shape, affixes, gazetteer bits and context. On each visit, a word
	// seen once loses its identity features with probability 1/2.
	once := map[string]int{}
	for _, ws := range words {
		for _, w := range ws {
			once[w]++
		}
	}
	var rare [][]int32 // per sentence: positions of words seen once
	var infos [][]tokInfo
	for k, s := range sents {
		var r []int32
		for i := 0; i < s.n(); i++ {
			if once[words[k][i]] == 1 {
				r = append(r, int32(i))
			}
		}
		rare = append(rare, r)
		infos = append(infos, slices.Clone(s.tok))
	}
	dropout := func(k int) {
		for _, i := range rare[k] {
			t := &sents[k].tok[i+pad]
			*t = infos[k][i+pad]
			if rng.Intn(2) == 0 {
				t.w, t.l = unknownWord, unknownWord
			}
		}
	}
	restore := func() {
		for k, s := range sents {
			copy(s.tok, infos[k])
		}
	}

	// Where gold says only "no name", any class but a name is right.
	partial := make([]bool, len(nerLabels))
	for l, name := range nerLabels {
		partial[l] = !conllu.IsName(className(name))
	}
	nerK := nerTaskOf(extras.Wide, gaz.spans != nil)
	logf("tag: training POS")
	pt := newTrainer(len(posLabels))
	posGoldOf := func(k int) []uint8 { return posGold[k] }
	if extras.POSBeam > 1 {
		pt.trainBeam(sents, posOrder, posGoldOf, nil, dropout, posTask, extras.POSBeam, posEpochs, rng, logf)
	} else {
		pt.trainSeq(sents, posOrder, posGoldOf, nil, dropout, posTask.feats, posEpochs, rng, logf)
	}
	pos := pt.compile(posLabels, minWeight)
	logf("tag: POS model %v", pos)

	vocab := vocabulary(words)
	var posDict, nerDict []uint8
	if extras.Dict {
		posDict = dictFor(vocab, words, posGold, posOrder, posDictShare, func(l uint8) bool { return closedClass(posLabels[l]) })
		nerDict = dictFor(vocab, words, nerGold, nerOrder, nerDictShare, func(l uint8) bool { return partial[l] })
		logf("tag: %d words in the POS dictionary, %d in the name tagger's", dictWords(posDict), dictWords(nerDict))
	}

	// NER reads POS tags; train it on the tagger's own, as it will see them.
	// (The POS dictionary's tags are left out: they are the ones the
	// tagger gives anyway, all but a few in ten thousand, and without
	// them the name tagger is the one trained without a dictionary.)
	restore()
	pq := newSeqTagger(pos, posTask, nil, 0)
	sc := &scratch{scores: make([]int32, len(posLabels)), sum: make([]int32, len(posLabels))}
	for _, s := range sents {
		sc.lex = slices.Grow(sc.lex[:0], s.n())[:s.n()]
		for i := range sc.lex {
			sc.lex[i] = -1
		}
		pq.tag(s, sc.lex, s.pos, extras.POSBeam, nil, sc)
	}
	logf("tag: training NER")
	nt := newTrainer(len(nerLabels))
	nerGoldOf := func(k int) []uint8 { return nerGold[k] }
	if extras.Beam > 1 {
		nt.trainBeam(sents, nerOrder, nerGoldOf, partial, dropout, nerK, extras.Beam, nerEpochs, rng, logf)
	} else {
		nt.trainSeq(sents, nerOrder, nerGoldOf, partial, dropout, nerK.feats, nerEpochs, rng, logf)
	}
	ner := nt.compile(nerLabels, minWeight)
	logf("tag: NER model %v", ner)

	t := newTagger(pos, ner, learnLemmas(lemmaObs), vocab, gaz, extras.Wide, extras.Beam, extras.POSBeam)
	t.speedUp(posDict, nerDict)
	logf("tag: %d lemma rules, %d exceptions, %d gazetteer words; trained in %v", len(t.lem.rules), len(t.lem.exceptions), len(gaz.sets), time.Since(began).Round(time.Second))
	if len(dev) > 0 {
		logf("tag: dev %v", t.Evaluate(dev))
	}
	return t, nil
}

// sentenceWords lists the words of every sentence of the corpora.
func sentenceWords(train []Corpus) [][]string {
	var out [][]string
	for _, c := range train {
		for _, d := range c.Docs {
			for _, sp := range d.Sents {
				if sp.Start < 0 || sp.End <= sp.Start || int(sp.End) > len(d.Tokens) {
					continue
				}
				ws := make([]string, 0, sp.End-sp.Start)
				for k := sp.Start; k < sp.End; k++ {
					ws = append(ws, word(d, int(k)))
				}
				out = append(out, ws)
			}
		}
	}
	return out
}

// maxVocab bounds the words whose weights a Tagger sums in advance: each
// costs about a kilobyte and the most frequent ones cover most tokens.
const maxVocab = 16000

// vocabulary lists the words seen at least twice, most frequent first.
func vocabulary(sents [][]string) []string {
	counts := map[string]int{}
	for _, ws := range sents {
		for _, w := range ws {
			counts[w]++
		}
	}
	var vocab []string
	for w, n := range counts {
		if n >= 2 && w != "" {
			vocab = append(vocab, w)
		}
	}
	slices.SortFunc(vocab, func(a, b string) int {
		if c := counts[b] - counts[a]; c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return vocab[:min(len(vocab), maxVocab)]
}

// A tagger's dictionary holds the vocabulary words seen at least dictMin
// times (sentence visits counted) of which nearly all (the share) carry
// one label the dictionary may give: the tagger then gives that label
// without scoring the word, and scoring takes most of its time. The POS
// dictionary gives only closed-class and punctuation tags (closedClass),
// which belong to the word: an open-class word's tag is its context's
// ("declare" after "to" or "we"). The name tagger's gives only labels of
// no name, and more strictly, since a name's inner words ("and", "the")
// are rare among a word's uses but break the name when ruled out.
const (
	dictMin      = 20
	posDictShare = 0.99
	nerDictShare = 0.999
)

// dictFor builds a dictionary from the labels of the sentences' visits,
// by vocabulary index (noLabel: none), giving only labels that give
// allows. A gold notName (the names' "no name") counts for any label
// given.
func dictFor(vocab []string, words [][]string, gold [][]uint8, order []int, share float64, give func(l uint8) bool) []uint8 {
	index := make(map[string]int, len(vocab))
	for e, w := range vocab {
		index[w] = e
	}
	counts := make([]map[uint8]int, len(vocab))
	for _, k := range order {
		for i, l := range gold[k] {
			e, ok := index[words[k][i]]
			if !ok || l == noLabel {
				continue
			}
			if counts[e] == nil {
				counts[e] = map[uint8]int{}
			}
			counts[e][l]++
		}
	}
	dict := make([]uint8, len(vocab))
	for e, c := range counts {
		dict[e] = noLabel
		total, best, top := 0, 0, uint8(noLabel)
		for l, n := range c {
			total += n
			if l != notName && (n > best || n == best && l < top) {
				best, top = n, l
			}
		}
		if top == noLabel || !give(top) {
			continue
		}
		if total >= dictMin && float64(best+c[notName]) >= share*float64(total) {
			dict[e] = top
		}
	}
	return dict
}

// closedClass says whether a Penn Treebank tag is of a closed word class
// or punctuation.
func closedClass(tag string) bool {
	switch tag {
	case "CC", "DT", "EX", "IN", "MD", "PDT", "POS", "PRP", "PRP$", "RP", "TO", "WDT", "WP", "WP$", "WRB", "-LRB-", "-RRB-":
		return true
	}
	return !strings.ContainsFunc(tag, unicode.IsLetter)
}

// dictWords is the number of words a dictionary gives a label.
func dictWords(dict []uint8) int {
	n := 0
	for _, l := range dict {
		if l != noLabel {
			n++
		}
	}
	return n
}

// labelSet lists the distinct non-empty labels in sorted order.
func labelSet(docs []*onrecord.Document, get func(*onrecord.Token) string) []string {
	seen := map[string]bool{}
	for _, d := range docs {
		for i := range d.Tokens {
			if l := get(&d.Tokens[i]); l != "" {
				seen[l] = true
			}
		}
	}
	return sortedKeys(seen)
}

// Scores compares a tagger's output with the reference annotation.
type Scores struct {
	Tokens   int
	POS      float64 // token accuracy
	NER      float64 // token accuracy
	Lemma    float64 // token accuracy
	PersonF1 float64 // entity F1 over maximal runs of PERSON tokens
	OrgF1    float64 // the same for ORGANIZATION
}

func (s Scores) String() string {
	return fmt.Sprintf("%d tokens: POS %.2f%%, NER %.2f%%, lemma %.2f%%, PERSON F1 %.2f%%, ORGANIZATION F1 %.2f%%",
		s.Tokens, 100*s.POS, 100*s.NER, 100*s.Lemma, 100*s.PersonF1, 100*s.OrgF1)
}

// Evaluate tags copies of docs and scores them against the docs' own
// Tag, NER and Lemma; docs are not changed.
func (t *Tagger) Evaluate(docs []*onrecord.Document) Scores {
	var s Scores
	var pos, ner, lem int
	var per, org f1
	for _, d := range docs {
		c := d.TokenCopy()
		t.Tag(c)
		for i := range d.Tokens {
			g, p := &d.Tokens[i], &c.Tokens[i]
			s.Tokens++
			pos += eq(g.Tag, p.Tag)
			ner += eq(g.NER, p.NER)
			lem += eq(g.Lemma, p.Lemma)
		}
		per.add(d.Tokens, c.Tokens, "PERSON")
		org.add(d.Tokens, c.Tokens, "ORGANIZATION")
	}
	if s.Tokens > 0 {
		n := float64(s.Tokens)
		s.POS, s.NER, s.Lemma = float64(pos)/n, float64(ner)/n, float64(lem)/n
	}
	s.PersonF1, s.OrgF1 = per.f1(), org.f1()
	return s
}

func eq(a, b string) int {
	if a == b {
		return 1
	}
	return 0
}

// f1 counts entity matches, an entity being a maximal run of one class.
type f1 struct{ gold, pred, match int }

func (f *f1) add(gold, pred []onrecord.Token, class string) {
	g := runs(gold, class)
	p := runs(pred, class)
	f.gold += len(g)
	f.pred += len(p)
	for _, r := range p {
		if _, ok := slices.BinarySearchFunc(g, r, func(a, b [2]int) int {
			if a[0] != b[0] {
				return a[0] - b[0]
			}
			return a[1] - b[1]
		}); ok {
			f.match++
		}
	}
}

func (f *f1) f1() float64 {
	if f.gold+f.pred == 0 {
		return 0
	}
	return 2 * float64(f.match) / float64(f.gold+f.pred)
}

// runs lists the runs of tokens of a name class (eachRun's).
func runs(toks []onrecord.Token, class string) [][2]int {
	var out [][2]int
	eachRun(toks, func(i, j int) {
		if toks[i].NER == class {
			out = append(out, [2]int{i, j})
		}
	})
	return out
}
