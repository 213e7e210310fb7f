// Package tag assigns Penn Treebank part-of-speech tags, named-entity
// classes and lemmas to tokenized documents, imitating the silver CoreNLP
// analysis it is trained on.
//
// Both taggers are left-to-right averaged perceptrons over hashed features
// (one learner, two label sets), decoded greedily or with a beam; NER
// reads the POS tags. Lemmas come from suffix rules learnt per tag plus an
// exception table.
package tag

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/onrecord/onrecord"
)

//go:embed model.bin.gz
var embedded []byte

// Tagger holds a trained model. It is read-only once built, so one Tagger
// serves any number of goroutines.
type Tagger struct {
	pos, ner seqTagger
	lem      *lemmatizer
	// vocab lists frequent words; lexicon maps them to their index, and
	// infos holds their hashes. Their role weights are summed in advance.
	vocab   []string
	lexicon map[string]int32
	infos   []tokInfo
	gaz     *gazetteer
	wide    bool // names read the wide task (nerWide): a tag-6 file
	beam    int  // the name tagger's beam width (0 or 1: greedy)
	// posDict and nerDict are the taggers' dictionaries (a tag-7 file):
	// the one label the training corpora give a vocabulary word nearly
	// always, by vocabulary index (noLabel: none); nil without one.
	posDict, nerDict []uint8
	posBeam          int // the POS tagger's beam width (0 or 1: greedy)
	// modelsOnly leaves out the passes over the names the models wrote
	// (names.go), as Exact does.
	modelsOnly bool
	classes    []string  // the class of each NER label (className)
	pool       sync.Pool // *scratch
}

var (
	defaultOnce   sync.Once
	defaultTagger *Tagger
	defaultErr    error
)

// Default returns the tagger of the embedded model, loading it on first use.
func Default() (*Tagger, error) {
	defaultOnce.Do(func() {
		defaultTagger, defaultErr = Load(bytes.NewReader(embedded))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("embedded tag model: %w", defaultErr)
		}
	})
	return defaultTagger, defaultErr
}

// seqTagger runs one model with its task. A word's block holds, for each
// role r, the summed weights of its role-r features: L scores at r*L.
type seqTagger struct {
	m         *model
	k         *task
	nl        int
	padStart  []int16
	padEnd    []int16
	lexBlocks []int16 // the blocks of the vocabulary, one after another
	// hist holds the task's hist weights for label codes (c2, c1) at
	// (c2*(nl+1)+c1)*nl, code 0 meaning before the sentence, l+1 label l.
	hist []int16
	// posTab holds, per POS role r, the weights for POS codes c at
	// (r*(npos+2)+c)*nl: code 0 before the sentence, 1 after it, l+2 tag l.
	posTab []int16
	npos   int
	margin int64 // a beam's margin (see beam); 0 for none
}

// posMargin is the POS beam's margin: a hypothesis scoring this far below
// the best (two fifths of the model's largest weight) is dropped. Most
// tokens then keep one hypothesis and are scored as greedily; the few
// close calls keep their rivals. EWT POS accuracy stays within 0.0002 of
// the full beam's (docs/training-notes.md), at about the greedy speed.
const posMargin = qMax * 2 / 5

func newSeqTagger(m *model, k *task, infos []tokInfo, npos int) seqTagger {
	q := seqTagger{m: m, k: k, nl: len(m.labels), npos: npos}
	bl, nl := q.blockLen(), q.nl
	var feats []uint64
	sum := make([]int32, nl)
	value := func(code int) uint64 { // hist code to label hash value
		if code == 0 {
			return beforeStart
		}
		return uint64(code)
	}
	q.hist = make([]int16, (nl+1)*(nl+1)*nl)
	for c2 := 0; c2 <= nl; c2++ {
		for c1 := 0; c1 <= nl; c1++ {
			feats = k.hist(value(c2), value(c1), feats[:0])
			at := (c2*(nl+1) + c1) * nl
			clear(sum)
			m.add(feats, sum)
			saturate(q.hist[at:at+nl], sum)
		}
	}
	q.posTab = make([]int16, len(k.posRoles)*(npos+2)*nl)
	for r, f := range k.posRoles {
		for c := 0; c < npos+2; c++ {
			v := uint64(c - 1) // tag l has code l+2 and hash value l+1
			switch c {
			case 0:
				v = beforeStart
			case 1:
				v = afterEnd
			}
			feats = f(v, feats[:0])
			at := (r*(npos+2) + c) * nl
			clear(sum)
			m.add(feats, sum)
			saturate(q.posTab[at:at+nl], sum)
		}
	}
	q.padStart, q.padEnd = make([]int16, bl), make([]int16, bl)
	feats = q.wordBlock(&padStart, q.padStart, sum, feats)
	feats = q.wordBlock(&padEnd, q.padEnd, sum, feats)
	q.lexBlocks = make([]int16, len(infos)*bl)
	for e := range infos {
		feats = q.wordBlock(&infos[e], q.lexBlocks[e*bl:(e+1)*bl], sum, feats)
	}
	return q
}

func (q *seqTagger) blockLen() int { return len(q.k.roles) * q.nl }

// wordBlock fills blk with the role sums of token t; sum is scratch of
// length nl.
func (q *seqTagger) wordBlock(t *tokInfo, blk []int16, sum []int32, feats []uint64) []uint64 {
	for r, f := range q.k.roles {
		feats = f(t, feats[:0])
		clear(sum)
		q.m.add(feats, sum)
		saturate(blk[r*q.nl:(r+1)*q.nl], sum)
	}
	return feats
}

// saturate stores sums as int16. Weights are quantised with headroom
// (qMax), so only sums of many extreme weights are clipped, and those
// decide the label either way.
func saturate(dst []int16, sum []int32) {
	for l, v := range sum[:len(dst)] {
		dst[l] = int16(min(max(v, math.MinInt16), math.MaxInt16))
	}
}

// tag labels the sentence into out, greedily or, for a width above 1,
// with a beam of that width. lex gives each token's vocabulary index, or
// -1 to compute its block here. forced, when not nil, gives a
// dictionary's labels (noLabel: none), which decoding gives unscored.
func (q *seqTagger) tag(s *sentence, lex []int32, out []uint8, width int, forced []uint8, sc *scratch) {
	blocks := q.blocks(s, lex, sc)
	if width > 1 {
		sc.beam.width = width
		sc.beam.margin = q.margin
		bt := &sc.scorer
		bt.q, bt.s, bt.blocks, bt.sc = q, s, blocks, sc
		// Sized for the widest label set seen, so that the POS and the
		// name tagger's sentences, which alternate, share them.
		if len(bt.known) < q.nl+1 {
			bt.live, bt.known = make([]int32, (q.nl+1)*q.nl), make([]int, q.nl+1)
		}
		clear(bt.known)
		sc.beam.best(sc.beam.run(s.n(), q.nl, bt, nil, forced, nil)-1, out)
		return
	}
	scores := sc.scores[:q.nl]
	for i := 0; i < s.n(); i++ {
		if forced != nil && forced[i] != noLabel {
			out[i] = forced[i]
			continue
		}
		q.fixed(s, blocks, i, scores, sc)
		q.addHist(s, i, code(out, i, 2), code(out, i, 1), out[:i], scores, sc)
		out[i] = uint8(argmax(scores))
	}
}

// code is the hist code of the label k tokens before token i: 0 before
// the sentence, l+1 for label l.
func code(out []uint8, i, k int) int {
	if i < k {
		return 0
	}
	return int(out[i-k]) + 1
}

// blocks gives the role blocks of the sentence's tokens, padded.
func (q *seqTagger) blocks(s *sentence, lex []int32, sc *scratch) [][]int16 {
	n, bl, nl := s.n(), q.blockLen(), q.nl
	if cap(sc.arena) < n*bl {
		sc.arena = make([]int16, 2*n*bl)
	}
	arena := sc.arena[:n*bl]
	if cap(sc.blocks) < n+2*pad {
		sc.blocks = make([][]int16, 2*(n+2*pad))
	}
	blocks := sc.blocks[:n+2*pad]
	for p := 0; p < pad; p++ {
		blocks[p], blocks[n+pad+p] = q.padStart, q.padEnd
	}
	for j := 0; j < n; j++ {
		if e := int(lex[j]); e >= 0 {
			blocks[j+pad] = q.lexBlocks[e*bl : (e+1)*bl]
			continue
		}
		blk := arena[j*bl : (j+1)*bl]
		sc.feats = q.wordBlock(&s.tok[j+pad], blk, sc.sum[:nl], sc.feats)
		blocks[j+pad] = blk
	}
	return blocks
}

// fixed sets scores to token i's scores from the features that read no
// label before it: the word roles and POS tags tabulated, and the task's
// fixed features.
func (q *seqTagger) fixed(s *sentence, blocks [][]int16, i int, scores []int32, sc *scratch) {
	n, nl := s.n(), q.nl
	rows := sc.rows[:0]
	for r, off := range q.k.offs {
		rows = append(rows, blocks[i+pad+off][r*nl:(r+1)*nl])
	}
	for r, off := range q.k.posOffs {
		c := 0
		switch j := i + off; {
		case j >= n:
			c = 1
		case j >= 0:
			c = int(s.pos[j]) + 2
		}
		at := (r*(q.npos+2) + c) * nl
		rows = append(rows, q.posTab[at:at+nl])
	}
	sumRows(scores, rows)
	sc.rows = rows
	sc.feats = q.k.fixed(s, i, sc.feats[:0])
	q.m.add(sc.feats, scores)
}

// addHist adds to scores the weights of the features that read the labels
// before token i: the tabulated hist row of c2 and c1, the codes of the
// last two, and the task's live features, which read prev.
func (q *seqTagger) addHist(s *sentence, i, c2, c1 int, prev []uint8, scores []int32, sc *scratch) {
	for l, w := range q.histRow(c2, c1) {
		scores[l] += int32(w)
	}
	sc.feats = q.k.live(s, i, prev, sc.feats[:0])
	q.m.add(sc.feats, scores)
}

// histRow is the tabulated row of hist weights after label codes c2, c1.
func (q *seqTagger) histRow(c2, c1 int) []int16 {
	at := (c2*(q.nl+1) + c1) * q.nl
	return q.hist[at : at+q.nl]
}

// beamTagger scores a sentence's tokens for the beam with a trained model.
// The live features read only the label before the token, which several
// hypotheses share: their weights are summed once per token and label.
type beamTagger struct {
	q      *seqTagger
	s      *sentence
	blocks [][]int16
	sc     *scratch
	live   []int32 // the live weights after label code c1 at c1*nl
	known  []int   // 1 + the token whose live weights live holds, by c1
}

func (b *beamTagger) at(i int, scores []int64) {
	sum := b.sc.scores[:b.q.nl]
	b.q.fixed(b.s, b.blocks, i, sum, b.sc)
	for l, v := range sum {
		scores[l] = int64(v)
	}
}

func (b *beamTagger) after(i int, prev []uint8, c2, c1 int, scores []int64) {
	nl := b.q.nl
	live := b.live[c1*nl : (c1+1)*nl]
	if b.known[c1] != i+1 {
		clear(live)
		b.sc.feats = b.q.k.live(b.s, i, prev, b.sc.feats[:0])
		b.q.m.add(b.sc.feats, live)
		b.known[c1] = i + 1
	}
	for l, w := range b.q.histRow(c2, c1) {
		scores[l] += int64(w) + int64(live[l])
	}
}

// sole scores token i after one hypothesis as the greedy tagger does
// (soleScorer), without the live rows kept for several.
func (b *beamTagger) sole(i int, prev []uint8, c2, c1 int, scores []int64) {
	sum := b.sc.scores[:b.q.nl]
	b.q.fixed(b.s, b.blocks, i, sum, b.sc)
	b.q.addHist(b.s, i, c2, c1, prev, sum, b.sc)
	for l, v := range sum {
		scores[l] = int64(v)
	}
}

// sumRows sets dst to the sum of rows, adding them three at a time so that
// dst is read and written once per three rows rather than once per row.
func sumRows(dst []int32, rows [][]int16) {
	clear(dst)
	for ; len(rows) >= 3; rows = rows[3:] {
		a, b, c := rows[0][:len(dst)], rows[1][:len(dst)], rows[2][:len(dst)]
		for l := range dst {
			dst[l] += int32(a[l]) + int32(b[l]) + int32(c[l])
		}
	}
	for _, r := range rows {
		r = r[:len(dst)]
		for l := range dst {
			dst[l] += int32(r[l])
		}
	}
}

// scratch is the per-call work area, pooled so tagging does not allocate
// per token.
type scratch struct {
	sent   sentence
	lex    []int32
	labels []uint8
	forced []uint8 // a dictionary's labels of the sentence
	feats  []uint64
	scores []int32
	sum    []int32
	arena  []int16
	blocks [][]int16
	rows   [][]int16 // the tabulated rows summed for one token
	beam   beam
	scorer beamTagger // held here so that tagging with a beam does not allocate
	lem    lemmaScratch
	built  []builtLemma
}

// builtLemma is a lemma held in lemmaScratch.buf until the document is done.
type builtLemma struct {
	tok        int
	start, end int
}

func newTagger(pos, ner *model, lem *lemmatizer, vocab []string, gaz *gazetteer, wide bool, beam, posBeam int) *Tagger {
	t := &Tagger{lem: lem, vocab: vocab, lexicon: make(map[string]int32, len(vocab)), gaz: gaz, wide: wide, beam: beam, posBeam: posBeam}
	for e, w := range vocab {
		t.lexicon[w] = int32(e)
		t.infos = append(t.infos, gaz.info(w))
	}
	for _, l := range ner.labels {
		t.classes = append(t.classes, className(l))
	}
	t.pos = newSeqTagger(pos, posTask, t.infos, 0)
	t.ner = newSeqTagger(ner, nerTaskOf(wide, gaz.spans != nil), t.infos, len(pos.labels))
	t.pool.New = func() any {
		nl := max(len(pos.labels), len(ner.labels))
		return &scratch{scores: make([]int32, nl), sum: make([]int32, nl)}
	}
	return t
}

// Tag fills Tag, Lemma and NER of every token in d's sentences. A document
// without sentences is tagged as one sentence.
func (t *Tagger) Tag(d *onrecord.Document) {
	sc := t.pool.Get().(*scratch)
	defer t.pool.Put(sc)
	sc.lem.buf = sc.lem.buf[:0]
	sc.built = sc.built[:0]
	n := int32(len(d.Tokens))
	if len(d.Sents) == 0 {
		t.tagRange(d, 0, n, sc)
	}
	for _, s := range d.Sents {
		a, b := max(s.Start, 0), min(s.End, n)
		if a < b {
			t.tagRange(d, a, b, sc)
		}
	}
	if !t.modelsOnly {
		t.initials(d)
		t.commonOpeners(d)
		t.persons(d)
		// After persons: a storm's name that a longer name made a
		// surname ("TC Phailin", then "Phailin") is taken out again.
		t.stormNames(d)
		placesAsOrgs(d)
		laws(d)
		honours(d)
	}
	if len(sc.built) > 0 {
		all := string(sc.lem.buf) // one allocation for every built lemma
		for _, b := range sc.built {
			d.Tokens[b.tok].Lemma = all[b.start:b.end]
		}
	}
}

// tagRange tags tokens [a, b) as one sentence.
func (t *Tagger) tagRange(d *onrecord.Document, a, b int32, sc *scratch) {
	n := int(b - a)
	s := &sc.sent
	s.reset(n)
	if cap(sc.lex) < n {
		sc.lex = make([]int32, 2*n)
		sc.labels = make([]uint8, 2*n)
	}
	lex := sc.lex[:n]
	for i := 0; i < n; i++ {
		w := word(d, int(a)+i)
		if v, ok := britishTitles[w]; ok {
			w = v // tagged as the form the training news writes
		}
		if e, ok := t.lexicon[w]; ok {
			lex[i] = e
			s.tok[i+pad] = t.infos[e]
		} else {
			lex[i] = -1
			s.tok[i+pad] = t.gaz.info(w)
		}
	}
	nerLex := lex
	if saved := t.lowerTitleCase(d, a, s, lex); saved != nil {
		t.pos.tag(s, saved.lex, s.pos, t.posBeam, t.dictLabels(t.posDict, saved.lex, sc), sc)
		// Proper nouns keep their written case for names.
		for i := 0; i < n; i++ {
			if properTag(t.pos.m.labels[s.pos[i]]) {
				s.tok[i+pad], saved.lex[i] = saved.tok[i], lex[i]
			}
		}
		nerLex = saved.lex
	} else {
		t.pos.tag(s, lex, s.pos, t.posBeam, t.dictLabels(t.posDict, lex, sc), sc)
	}
	if t.gaz.spans != nil {
		markNames(s, t.gaz.spans)
	}
	out := sc.labels[:n]
	t.ner.tag(s, nerLex, out, t.beam, t.dictLabels(t.nerDict, nerLex, sc), sc)
	for i := 0; i < n; i++ {
		k := int(a) + i
		tok := &d.Tokens[k]
		tok.Tag = t.pos.m.labels[s.pos[i]]
		tok.NER = t.classes[out[i]]
		lem, start, end, ok := t.lem.lemma(word(d, k), tok.Tag, &sc.lem)
		if ok {
			tok.Lemma = lem
		} else {
			sc.built = append(sc.built, builtLemma{tok: k, start: start, end: end})
		}
	}
}

// speedUp gives t the dictionaries and, with a POS beam, its margin: what
// saves time at a cost of a few labels, and Exact leaves out.
func (t *Tagger) speedUp(posDict, nerDict []uint8) {
	t.posDict, t.nerDict = posDict, nerDict
	if t.posBeam > 1 {
		t.pos.margin = posMargin
	}
}

// Exact returns the tagger without its dictionaries and without the POS
// beam's margin: every word scored and every hypothesis kept, as the
// models were trained; and without the passes over the names the models
// wrote (names.go), so that the analysis is the models' own. The others
// save time and change a few labels in ten thousand, the passes mend a few
// names; the attribution model learns over the exact analysis, so that
// those few do not decide its training (retrained over the mended names,
// its PolNeAR dev figures move within the spread of its seeds, as over any
// analysis).
func (t *Tagger) Exact() *Tagger {
	e := newTagger(t.pos.m, t.ner.m, t.lem, t.vocab, t.gaz, t.wide, t.beam, t.posBeam)
	e.modelsOnly = true
	return e
}

// dictLabels gives dict's label for each token of lex (noLabel: none),
// or nil for no dictionary.
func (t *Tagger) dictLabels(dict []uint8, lex []int32, sc *scratch) []uint8 {
	if dict == nil {
		return nil
	}
	f := slices.Grow(sc.forced[:0], len(lex))[:len(lex)]
	for i, e := range lex {
		f[i] = noLabel
		if e >= 0 {
			f[i] = dict[e]
		}
	}
	sc.forced = f
	return f
}

// britishTitles are titles written without a period, as British news
// does, with the form American news (the tagger's training text) writes:
// the tagger read "Ms Roe says" as a plural noun, a preposition and a
// noun.
var britishTitles = map[string]string{"Mr": "Mr.", "Mrs": "Mrs.", "Ms": "Ms.", "Dr": "Dr."}

// caseSaved holds a title-case sentence's tokens as written (tok) while
// its parts of speech are tagged from the lexicon entries of lex.
type caseSaved struct {
	tok []tokInfo
	lex []int32
}

// lowerTitleCase prepares a sentence written in title case (a headline:
// "Lawmakers Rip Plan As A Fraud") for tagging: each capitalised word
// whose lower-case form is the more frequent word, or that is a rarer word
// the training text mostly writes in lower case, is read lower-case, as
// a sentence case writer would have written it. It returns the lexicon
// entries to tag with and the tokens as written (to put back for proper
// nouns), or nil when the sentence is not in title case.
func (t *Tagger) lowerTitleCase(d *onrecord.Document, a int32, s *sentence, lex []int32) *caseSaved {
	n := len(lex)
	upper, words := 0, 0
	for i := 0; i < n; i++ {
		if f := s.tok[i+pad].flags; f&(flagInitCap|flagLower) != 0 {
			words++
			if f&flagInitCap != 0 {
				upper++
			}
		}
	}
	if words < 4 || upper*5 < words*4 {
		return nil
	}
	saved := &caseSaved{tok: slices.Clone(s.tok[pad : pad+n]), lex: slices.Clone(lex)}
	for i := 0; i < n; i++ {
		w := word(d, int(a)+i)
		if s.tok[i+pad].flags&flagInitCap == 0 {
			continue
		}
		lw := strings.ToLower(w)
		if e, ok := t.lexicon[lw]; ok && (lex[i] < 0 || e < lex[i]) {
			saved.lex[i] = e
			s.tok[i+pad] = t.infos[e]
		} else if lex[i] < 0 && t.gaz.commonWord(s.tok[i+pad].l) {
			// A rarer word the training text mostly writes in lower
			// case ("Slam"), for models that list such words.
			s.tok[i+pad] = t.gaz.info(lw)
		}
	}
	return saved
}

// word is d.Word(i), or "" when the token's offsets do not fit the text, so
// a malformed document cannot make tagging panic.
func word(d *onrecord.Document, i int) string {
	tk := &d.Tokens[i]
	if tk.BStart < 0 || tk.BStart > tk.BEnd || int(tk.BEnd) > len(d.Text) {
		return ""
	}
	return d.Word(i)
}
