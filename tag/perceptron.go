package tag

import (
	"fmt"
	"math"
	"math/rand"
	"slices"
)

// The sequence learner: a left-to-right averaged perceptron over hashed
// features, greedy or with a beam (beam.go). POS and NER use the same code
// with their own label set and feature function.

// model is a trained, compact weight table: an open-addressing hash from
// feature key to a run of (label, int16 weight) entries. A slot keeps only
// 32 bits of the key, to halve the table's cache footprint; a false match
// needs two 64-bit keys to agree on the slot and on those bits.
type model struct {
	labels []string
	keys   []uint64 // the full keys, in slot order, for Save
	slots  []slot   // power-of-two length; fp 0 marks an empty slot
	ents   []uint32
}

type slot struct {
	fp   uint32 // high half of the key, never 0
	span uint32 // offset into ents << 8 | number of entries
}

const maxEnts = 1 << 24 // what slot.span can address

func entry(label int, w int16) uint32 { return uint32(label)<<16 | uint32(uint16(w)) }

func fingerprint(k uint64) uint32 { return uint32(k>>32) | 1 }

// build fills the table; rows[i] holds the entries of keys[i], which are
// distinct and non-zero. Callers keep len(ents) below maxEnts.
func (m *model) build(keys []uint64, rows [][]uint32) {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	m.slots = make([]slot, size)
	m.keys = make([]uint64, size)
	m.ents = m.ents[:0]
	mask := uint64(size - 1)
	for i, k := range keys {
		j := k & mask
		for m.slots[j].fp != 0 {
			j = (j + 1) & mask
		}
		m.slots[j] = slot{fp: fingerprint(k), span: uint32(len(m.ents))<<8 | uint32(len(rows[i]))}
		m.keys[j] = k
		m.ents = append(m.ents, rows[i]...)
	}
}

// nonzero keeps key 0 free for empty slots.
func nonzero(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

// add adds the weights of feats to scores. The table is far larger than the
// processor's caches, so each probe may miss: the home slots of a batch of
// features are loaded first, with no branch on what they hold that a
// misprediction would make wait for the load, and only then compared and
// their rows summed, so that the misses overlap instead of queueing.
func (m *model) add(feats []uint64, scores []int32) {
	mask := uint64(len(m.slots) - 1)
	var home [16]slot
	for len(feats) > 0 {
		fs := feats[:min(len(feats), len(home))]
		feats = feats[len(fs):]
		for k, f := range fs {
			home[k] = m.slots[nonzero(f)&mask]
		}
		for k, f := range fs {
			f = nonzero(f)
			fp, j := fingerprint(f), f&mask
			for s := home[k]; s.fp != 0; s = m.slots[j] {
				if s.fp == fp {
					home[k] = s
					break
				}
				j = (j + 1) & mask
			}
			if home[k].fp != fp {
				home[k].span = 0
			}
		}
		for _, s := range home[:len(fs)] {
			off := s.span >> 8
			for _, e := range m.ents[off : off+s.span&0xff] {
				scores[e>>16] += int32(int16(uint16(e)))
			}
		}
	}
}

// argmax returns the best label; ties go to the lowest index, so results
// are deterministic.
func argmax[T int32 | int64](scores []T) int {
	best := 0
	for l := 1; l < len(scores); l++ {
		if scores[l] > scores[best] {
			best = l
		}
	}
	return best
}

// trainer holds the perceptron during training, with lazily averaged weights.
type trainer struct {
	nl   int
	idx  map[uint64]int32
	rows [][]tweight
	now  int64 // number of tokens seen so far
}

type tweight struct {
	label int32
	w     int32
	ts    int64 // time of the last change of w
	tot   int64 // sum of w over time up to ts
}

func newTrainer(nl int) *trainer {
	return &trainer{nl: nl, idx: make(map[uint64]int32)}
}

func (t *trainer) predict(feats []uint64, scores []int64) int {
	clear(scores)
	t.addScores(feats, scores)
	return argmax(scores)
}

func (t *trainer) update(feats []uint64, truth, guess int) {
	t.bumpAll(feats, truth, 1)
	t.bumpAll(feats, guess, -1)
}

// bumpAll adds d to the weight of label for each feature.
func (t *trainer) bumpAll(feats []uint64, label, d int) {
	for _, f := range feats {
		f = nonzero(f)
		r, ok := t.idx[f]
		if !ok {
			r = int32(len(t.rows))
			t.idx[f] = r
			t.rows = append(t.rows, nil)
		}
		t.bump(r, label, d)
	}
}

// addScores adds the weights of feats to scores.
func (t *trainer) addScores(feats []uint64, scores []int64) {
	for _, f := range feats {
		r, ok := t.idx[nonzero(f)]
		if !ok {
			continue
		}
		for _, e := range t.rows[r] {
			scores[e.label] += int64(e.w)
		}
	}
}

func (t *trainer) bump(r int32, label, d int) {
	row := t.rows[r]
	for i := range row {
		e := &row[i]
		if int(e.label) == label {
			e.tot += int64(e.w) * (t.now - e.ts)
			e.ts = t.now
			e.w += int32(d)
			return
		}
	}
	t.rows[r] = append(row, tweight{label: int32(label), w: int32(d), ts: t.now})
}

// trainSeq runs the perceptron for the given epochs over the sentence
// visits in order, shuffled by rng each epoch. gold(k) gives the labels of
// sentence k: noLabel teaches nothing, and notName accepts any label that
// partial allows (the update, if any, goes to the best of those).
// prepare(k) is called before each visit of sentence k.
func (t *trainer) trainSeq(sents []*sentence, order []int, gold func(k int) []uint8, partial []bool, prepare func(k int), ff featFunc, epochs int, rng *rand.Rand, logf func(string, ...any)) {
	scores := make([]int64, t.nl)
	var feats []uint64
	var out []uint8
	runEpochs(order, epochs, rng, logf, func(k int) (right, total int) {
		prepare(k)
		s, g := sents[k], gold(k)
		out = slices.Grow(out[:0], len(g))[:len(g)]
		for i := range g {
			t.now++
			feats = ff(s, i, out[:i], feats[:0])
			guess := t.predict(feats, scores)
			// Training conditions on its own guesses, as tagging will.
			out[i] = uint8(guess)
			truth := int(g[i])
			switch truth {
			case noLabel:
				continue
			case notName:
				if partial[guess] {
					truth = guess
				} else {
					truth = bestOf(scores, partial)
				}
			}
			total++
			if guess != truth {
				t.update(feats, truth, guess)
			} else {
				right++
			}
		}
		return right, total
	})
}

// runEpochs visits the sentences of order (shuffled by rng each epoch) for
// the given epochs and logs each epoch's share of right labels; visit
// trains on sentence k and says how many of its labels it got right of
// how many it was taught.
func runEpochs(order []int, epochs int, rng *rand.Rand, logf func(string, ...any), visit func(k int) (right, total int)) {
	order = slices.Clone(order)
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, k := range order {
			r, n := visit(k)
			right, total = right+r, total+n
		}
		logf("  epoch %d: train accuracy %.2f%%", ep+1, 100*float64(right)/float64(max(total, 1)))
	}
}

// bestOf is the highest-scoring label among those allowed.
func bestOf(scores []int64, allowed []bool) int {
	best := -1
	for l, ok := range allowed {
		if ok && (best < 0 || scores[l] > scores[best]) {
			best = l
		}
	}
	return best
}

// qMax is the largest quantised weight: small enough that sums of several
// weights still fit an int16.
const qMax = 4095

// compile averages the weights, quantises them to int16 and drops those
// whose magnitude is below minQ quantisation steps, and features left empty.
func (t *trainer) compile(labels []string, minQ int) *model {
	avg := func(e *tweight) float64 {
		return float64(e.tot+int64(e.w)*(t.now-e.ts)) / float64(max(t.now, 1))
	}
	maxAbs := 0.0
	for _, row := range t.rows {
		for i := range row {
			maxAbs = math.Max(maxAbs, math.Abs(avg(&row[i])))
		}
	}
	scale := 0.0
	if maxAbs > 0 {
		scale = qMax / maxAbs
	}
	keys := make([]uint64, 0, len(t.idx))
	for k := range t.idx {
		keys = append(keys, k)
	}
	slices.Sort(keys) // the map's order is random; the model file must not be
	var kept []uint64
	var rows [][]uint32
	total := 0
	for _, k := range keys {
		var row []uint32
		src := t.rows[t.idx[k]]
		slices.SortFunc(src, func(a, b tweight) int { return int(a.label - b.label) })
		for i := range src {
			q := math.Round(avg(&src[i]) * scale)
			if math.Abs(q) < float64(minQ) {
				continue
			}
			row = append(row, entry(int(src[i].label), int16(q)))
		}
		if len(row) > 0 && total+len(row) < maxEnts {
			kept = append(kept, k)
			rows = append(rows, row)
			total += len(row)
		}
	}
	m := &model{labels: slices.Clone(labels)}
	m.build(kept, rows)
	return m
}

func (m *model) String() string {
	return fmt.Sprintf("%d labels, %d features, %d weights", len(m.labels), m.features(), len(m.ents))
}

func (m *model) features() int {
	n := 0
	for _, s := range m.slots {
		if s.fp != 0 {
			n++
		}
	}
	return n
}

// trainBeam is trainSeq for a tagger that decodes with a beam of the given
// width: a structured perceptron with early update. Each visit first finds
// the best sequence the gold allows (where gold says only "no name", the
// classes partial allows; where it says nothing, any), then decodes; when
// the beam loses that sequence, or ends on another, the sequence is
// rewarded and the beam's best penalised up to that token. Updating on
// the prefix the search was still able to judge keeps the update a
// violation, so the perceptron learns the search it will run.
func (t *trainer) trainBeam(sents []*sentence, order []int, gold func(k int) []uint8, partial []bool, prepare func(k int), k *task, width, epochs int, rng *rand.Rand, logf func(string, ...any)) {
	sc := &trainScorer{t: t, k: k}
	want, got := &beam{width: width}, &beam{width: width}
	var wantSeq, gotSeq []uint8
	runEpochs(order, epochs, rng, logf, func(v int) (right, total int) {
		prepare(v)
		s, g := sents[v], gold(v)
		n := len(g)
		sc.prepare(s, n)
		allowed := func(i, l int) bool {
			return g[i] == noLabel || int(g[i]) == l || g[i] == notName && partial[l]
		}
		wantSeq = slices.Grow(wantSeq[:0], n)[:n]
		if slices.ContainsFunc(g, func(l uint8) bool { return l == noLabel || l == notName }) {
			want.best(want.run(n, t.nl, sc, allowed, nil, nil)-1, wantSeq)
		} else {
			copy(wantSeq, g)
		}
		m := got.run(n, t.nl, sc, nil, nil, wantSeq)
		gotSeq = slices.Grow(gotSeq[:0], n)[:n]
		got.best(m-1, gotSeq)
		t.now += int64(m)
		for i := 0; i < m; i++ {
			if g[i] != noLabel {
				total++
				if allowed(i, int(gotSeq[i])) {
					right++
				}
			}
		}
		if !slices.Equal(wantSeq[:m], gotSeq[:m]) {
			sc.update(wantSeq[:m], gotSeq[:m])
		}
		return right, total
	})
}

// trainScorer scores a training sentence for the beam from the trainer's
// current weights; a sentence's fixed features are found once a visit.
type trainScorer struct {
	t     *trainer
	k     *task
	s     *sentence
	fixed [][]uint64 // per token
	// sums holds each token's scores from fixed, found once a visit (the
	// weights change only after both searches): nl at i*nl, known[i].
	sums  []int64
	known []bool
	feats []uint64
}

func (c *trainScorer) prepare(s *sentence, n int) {
	c.s = s
	c.fixed = slices.Grow(c.fixed[:0], n)[:n]
	for i := range c.fixed {
		c.fixed[i] = c.k.staticFeats(s, i, c.fixed[i][:0])
	}
	c.sums = slices.Grow(c.sums[:0], n*c.t.nl)[:n*c.t.nl]
	c.known = slices.Grow(c.known[:0], n)[:n]
	clear(c.known)
}

func (c *trainScorer) at(i int, scores []int64) {
	sum := c.sums[i*c.t.nl : (i+1)*c.t.nl]
	if !c.known[i] {
		clear(sum)
		c.t.addScores(c.fixed[i], sum)
		c.known[i] = true
	}
	copy(scores, sum)
}

func (c *trainScorer) after(i int, prev []uint8, c2, c1 int, scores []int64) {
	c.feats = c.k.histFeats(c.s, i, prev, c.feats[:0])
	c.t.addScores(c.feats, scores)
}

// update rewards sequence want and penalises got, token by token where
// their features differ: where a token's label and the two before it
// agree, both read the same features and the update would cancel.
func (c *trainScorer) update(want, got []uint8) {
	for i := range want {
		same := want[i] == got[i]
		if same && code(want, i, 1) == code(got, i, 1) && code(want, i, 2) == code(got, i, 2) {
			continue
		}
		if !same {
			c.t.bumpAll(c.fixed[i], int(want[i]), 1)
			c.t.bumpAll(c.fixed[i], int(got[i]), -1)
		}
		c.t.bumpAll(c.k.histFeats(c.s, i, want[:i], c.feats[:0]), int(want[i]), 1)
		c.t.bumpAll(c.k.histFeats(c.s, i, got[:i], c.feats[:0]), int(got[i]), -1)
	}
}
