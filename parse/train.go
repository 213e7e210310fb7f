package parse

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand"
	"slices"
	"sync"
	"time"

	"github.com/onrecord/onrecord"
)

// Training settings: passes over the data, the pass from which the trainer
// follows its own predictions (dynamic oracle exploration) and how often.
const (
	// The model averages this many perceptrons trained with different
	// seeds. Averaging shrinks the weights they disagree on below minQuant,
	// which prunes a third of the features: a smaller table that the parser
	// probes faster, and dev accuracy a little higher than one member's.
	members      = 2
	epochs       = 7
	exploreFrom  = 1
	exploreProb  = 0.9
	quantMaxCode = 32767
	// Features updated fewer times are dropped from the saved model: seen
	// in one or two errors, they hardly generalise, and dropping them
	// shrinks the table the parser probes (dev UAS unchanged from a
	// threshold of 2, the model 18% smaller and parsing about 10% faster).
	minUpdates = 3
	// Quantised weights below this magnitude (of 32767 for the largest)
	// are dropped: they barely move decisions but dominate the entries
	// scored per move, and so the parser's speed.
	minQuant = 400
)

// goldSent is a training sentence with its tree in sentence-local
// indices; the root's head is n.
type goldSent struct {
	d          *onrecord.Document
	start, end int
	head       []int32
	label      []uint8
}

// weight is one class weight of a feature during training; its running
// sum for averaging lives apart, in a sum at the same index, so that
// scoring reads only the weights.
type weight struct {
	c uint16
	w int32
}

// sum is a weight's total over the updates so far, brought up to date
// lazily at ts.
type sum struct {
	ts  int32
	tot int64
}

// trainer holds the perceptron's rows, found by key through an
// open-addressing index that stays at most half full: scoring probes it
// about a hundred times a move, and a Go map made those probes a third of
// training time.
type trainer struct {
	index []islot
	found [][]weight // scratch: the rows of a move's features
	rows  [][]weight
	sums  [][]sum
	keys  []uint64
	upd   []uint16 // number of updates of each row, saturating
	now   int32
}

// islot is one index slot: a key (0 empty) and its row.
type islot struct {
	key uint64
	row int32
}

// find returns the index slot of key f: its row's, or the empty slot where
// it would go. Keys are odd hashes, so the bits above the lowest spread
// well.
func (tr *trainer) find(f uint64) int {
	mask := len(tr.index) - 1
	i := int(f>>1) & mask
	for k := tr.index[i].key; k != 0 && k != f; k = tr.index[i].key {
		i = (i + 1) & mask
	}
	return i
}

// score sets sc to the class scores of feats. The rows are all found
// before any is read, so that the processor overlaps the cache misses.
func (tr *trainer) score(feats []uint64, sc []int32) {
	for i := range sc {
		sc[i] = 0
	}
	if len(tr.index) == 0 {
		return
	}
	tr.found = tr.found[:0]
	for _, f := range feats {
		if s := tr.index[tr.find(f)]; s.key != 0 {
			tr.found = append(tr.found, tr.rows[s.row])
		}
	}
	for _, row := range tr.found {
		for _, e := range row {
			sc[e.c] += e.w
		}
	}
}

func (tr *trainer) update(feats []uint64, gold, pred int) {
	for _, f := range feats {
		if 2*(len(tr.keys)+1) > len(tr.index) {
			tr.grow()
		}
		i := tr.find(f)
		if tr.index[i].key == 0 {
			tr.index[i] = islot{key: f, row: int32(len(tr.keys))}
			tr.rows = append(tr.rows, nil)
			tr.sums = append(tr.sums, nil)
			tr.keys = append(tr.keys, f)
			tr.upd = append(tr.upd, 0)
		}
		r := tr.index[i].row
		if tr.upd[r] < 65535 {
			tr.upd[r]++
		}
		tr.bump(r, gold, 1)
		tr.bump(r, pred, -1)
	}
}

// grow doubles the index and reinserts every key.
func (tr *trainer) grow() {
	tr.index = make([]islot, max(2*len(tr.index), 1<<16))
	for r, f := range tr.keys {
		tr.index[tr.find(f)] = islot{key: f, row: int32(r)}
	}
}

func (tr *trainer) bump(r int32, c int, v int32) {
	row, sums := tr.rows[r], tr.sums[r]
	for i := range row {
		if e := &row[i]; int(e.c) == c {
			s := &sums[i]
			s.tot += int64(tr.now-s.ts) * int64(e.w)
			s.ts = tr.now
			e.w += v
			return
		}
	}
	tr.rows[r] = append(row, weight{c: uint16(c), w: v})
	tr.sums[r] = append(sums, sum{ts: tr.now})
}

// averaged returns the rows with averaged weights quantised to 16 bits,
// dropping small weights.
func (tr *trainer) averaged() []row {
	now := float64(max(tr.now, 1))
	avg := func(e weight, s sum) float64 {
		return (float64(s.tot) + float64(tr.now-s.ts)*float64(e.w)) / now
	}
	maxAbs := 0.0
	for i, r := range tr.rows {
		for j, e := range r {
			maxAbs = max(maxAbs, math.Abs(avg(e, tr.sums[i][j])))
		}
	}
	scale := quantMaxCode / max(maxAbs, 1e-9)
	rows := make([]row, 0, len(tr.rows))
	for i, r := range tr.rows {
		if tr.upd[i] < minUpdates {
			continue
		}
		var ents []entry
		for j, e := range r {
			if q := math.Round(avg(e, tr.sums[i][j]) * scale); math.Abs(q) >= minQuant {
				ents = append(ents, entry{c: uint8(e.c), w: int16(q)})
			}
		}
		if len(ents) > 0 {
			slices.SortFunc(ents, func(a, b entry) int { return int(a.c) - int(b.c) })
			rows = append(rows, row{key: tr.keys[i], ents: ents})
		}
	}
	sortRows(rows)
	return rows
}

// Corpus is training data for Train: documents with trees and tags.
type Corpus struct {
	Docs []*onrecord.Document
	// Visits is how often each sentence is seen per epoch (at least 1):
	// gold treebanks are visited more than silver ones, to outweigh them.
	Visits int
}

// Train learns a parser from the trees and tags of the corpora, logging
// each pass and the final model's dev accuracy (when dev is given) to log,
// which may be nil. Weights of the averaged model below minWeight (of
// 32767 for the largest; at least minQuant, which 0 gives) are dropped:
// a higher bound makes the model smaller and faster and a little less
// accurate. The labels are those of the first corpus (the silver
// analysis that later stages read): sentences with other labels, and those
// whose tree is not a projective tree, are skipped. The model is the
// average of members perceptrons, trained at once with seeds seed,
// seed+1, ...; the result depends only on the data and seed.
func Train(corpora []Corpus, dev []*onrecord.Document, seed int64, minWeight int, log io.Writer) (*Parser, error) {
	if log == nil {
		log = io.Discard
	}
	if len(corpora) == 0 {
		return nil, errors.New("parse: train: no training corpus")
	}
	var logMu sync.Mutex
	logf := func(format string, args ...any) {
		logMu.Lock()
		defer logMu.Unlock()
		fmt.Fprintf(log, format, args...)
	}
	labels := vocab(corpora[0].Docs, func(t *onrecord.Token) string { return t.Dep }, "root", maxLabels)
	var all []*onrecord.Document
	for _, c := range corpora {
		all = append(all, c.Docs...)
	}
	tags := vocab(all, func(t *onrecord.Token) string { return t.Tag }, "", maxTags)
	p, err := newParser(labels, tags)
	if err != nil {
		return nil, fmt.Errorf("parse: train: %w", err)
	}
	lid := make(map[string]uint8, len(labels))
	for i, l := range labels {
		lid[l] = uint8(i)
	}
	var sents []goldSent
	for ci, c := range corpora {
		n, skipped := 0, 0
		for _, d := range c.Docs {
			for _, s := range d.Sents {
				g, ok := goldOf(d, int(s.Start), int(s.End), lid, p.rootL)
				if !ok {
					skipped++
					continue
				}
				for range max(c.Visits, 1) {
					sents = append(sents, g)
				}
				n++
			}
		}
		logf("parse: corpus %d: %d training sentences, seen %d times an epoch (%d skipped: not a projective tree over the labels)\n",
			ci+1, n, max(c.Visits, 1), skipped)
	}
	if len(sents) == 0 {
		return nil, errors.New("parse: train: no usable training sentence")
	}
	logf("parse: %d training sentences an epoch, %d labels, %d tags\n", len(sents), len(labels), len(tags))

	sets := make([][]row, members)
	var wg sync.WaitGroup
	for m := range members {
		wg.Go(func() {
			sets[m] = p.trainMember(sents, seed+int64(m), func(format string, args ...any) {
				logf("parse: member %d: "+format, append([]any{m + 1}, args...)...)
			})
		})
	}
	wg.Wait()
	p.setRows(mergeRows(sets, max(minWeight, minQuant)))
	logf("parse: %d features\n", len(p.rows))
	if len(dev) > 0 {
		uas, las, n := Evaluate(p, dev)
		logf("parse: dev %d tokens: UAS %.2f LAS %.2f\n", n, 100*uas, 100*las)
	}
	return p, nil
}

// trainMember trains one averaged perceptron on sents, in an order drawn
// from seed, and returns its quantised rows.
func (p *Parser) trainMember(sents []goldSent, seed int64, logf func(string, ...any)) []row {
	nl := len(p.labels)
	rng := rand.New(rand.NewSource(seed))
	tr := &trainer{}
	st := newState()
	cost := make([]int, p.nClasses())
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	for ep := 0; ep < epochs; ep++ {
		t0 := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var moves, errs int
		for _, k := range order {
			g := &sents[k]
			st.load(p, g.d, g.start, g.end)
			for !st.terminal() {
				if len(st.stack) == 0 {
					st.apply(shift)
					continue
				}
				tr.now++
				st.features()
				tr.score(st.feats, st.scores)
				pred := st.bestValid(st.scores, p.rootL, nl)
				gold := st.bestGold(g, st.scores, cost, p.rootL, nl)
				moves++
				if cost[pred] > cost[gold] {
					errs++
					tr.update(st.feats, gold, pred)
				}
				next := gold
				if ep >= exploreFrom && rng.Float64() < exploreProb {
					next = pred
				}
				st.apply(next)
			}
		}
		logf("epoch %d: %d features, %.2f%% non-optimal moves (%s)\n",
			ep+1, len(tr.rows), 100*float64(errs)/float64(max(moves, 1)), time.Since(t0).Round(time.Second))
	}
	return tr.averaged()
}

// mergeRows averages the weights of several models' rows (each sorted by
// key, entries by class), dropping averages below minWeight: the weights
// the models disagree on.
func mergeRows(sets [][]row, minWeight int) []row {
	var out []row
	next := make([]int, len(sets))
	var tot [256]int64
	var seen [256]bool
	for {
		key, found := uint64(0), false
		for i, rs := range sets {
			if next[i] < len(rs) && (!found || rs[next[i]].key < key) {
				key, found = rs[next[i]].key, true
			}
		}
		if !found {
			return out
		}
		for i, rs := range sets {
			if next[i] < len(rs) && rs[next[i]].key == key {
				for _, e := range rs[next[i]].ents {
					tot[e.c] += int64(e.w)
					seen[e.c] = true
				}
				next[i]++
			}
		}
		var ents []entry
		for c := range tot {
			if !seen[c] {
				continue
			}
			if w := math.Round(float64(tot[c]) / float64(len(sets))); math.Abs(w) >= float64(minWeight) {
				ents = append(ents, entry{c: uint8(c), w: int16(w)})
			}
			tot[c], seen[c] = 0, false
		}
		if len(ents) > 0 {
			out = append(out, row{key: key, ents: ents})
		}
	}
}

// vocab lists, sorted, the non-empty values of field over docs' tokens,
// with extra (unless "") and at most limit of them.
func vocab(docs []*onrecord.Document, field func(*onrecord.Token) string, extra string, limit int) []string {
	seen := map[string]bool{}
	if extra != "" {
		seen[extra] = true
	}
	for _, d := range docs {
		for i := range d.Tokens {
			if v := field(&d.Tokens[i]); v != "" {
				seen[v] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for v := range seen {
		out = append(out, v)
	}
	slices.Sort(out)
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// goldOf reads the tree of tokens [start, end) of d; ok is false
// unless it is a projective tree with one root labelled root.
func goldOf(d *onrecord.Document, start, end int, lid map[string]uint8, rootL int) (goldSent, bool) {
	n := end - start
	g := goldSent{d: d, start: start, end: end, head: make([]int32, n), label: make([]uint8, n)}
	if n <= 0 || start < 0 || end > len(d.Tokens) {
		return g, false
	}
	roots := 0
	for i := 0; i < n; i++ {
		t := &d.Tokens[start+i]
		l, ok := lid[t.Dep]
		if !ok {
			return g, false
		}
		h := int(t.Head)
		switch {
		case h < 0:
			roots++
			g.head[i] = int32(n)
			if int(l) != rootL {
				return g, false
			}
		case h >= start && h < end && h != start+i && int(l) != rootL:
			g.head[i] = int32(h - start)
		default:
			return g, false
		}
		g.label[i] = l
	}
	if roots != 1 {
		return g, false
	}
	// Acyclic: every word reaches the root within n steps.
	for i := 0; i < n; i++ {
		h, k := int32(i), 0
		for h != int32(n) && k <= n {
			h, k = g.head[h], k+1
		}
		if h != int32(n) {
			return g, false
		}
	}
	// Projective: no two arcs cross (the root arc spans to n, the end).
	for i := 0; i < n; i++ {
		a, b := min(int32(i), g.head[i]), max(int32(i), g.head[i])
		for j := a + 1; j < b; j++ {
			if h := g.head[j]; h < a || h > b {
				return g, false
			}
		}
	}
	return g, true
}

// bestGold fills cost with the cost of every class under the dynamic oracle
// (gold arcs made unreachable; invalid classes get a huge cost) and returns
// the best-scoring class of least cost.
func (st *state) bestGold(g *goldSent, sc []int32, cost []int, rootL, nl int) int {
	const invalid = 1 << 30
	for i := range cost {
		cost[i] = invalid
	}
	top := len(st.stack) - 1
	s0, s1 := st.stack[top], int32(-1)
	if top > 0 {
		s1 = st.stack[top-1]
	}
	n, b0 := int32(st.n), st.b0
	// Dependents of s0 still in the buffer are lost by popping s0.
	depsInBuf := 0
	for d := b0; d < n; d++ {
		if g.head[d] == s0 {
			depsInBuf++
		}
	}
	hs0 := g.head[s0]
	if b0 < n {
		c := 0
		for _, d := range st.stack {
			if g.head[d] == b0 {
				c++
			}
		}
		if hb := g.head[b0]; hb != s0 && slices.Contains(st.stack, hb) {
			c++
		}
		cost[shift] = c
		base := depsInBuf
		if hs0 == s1 || hs0 > b0 {
			base++
		}
		labelCosts(cost, leftClass, base, hs0 == b0, g.label[s0], rootL, nl)
	} else if top == 0 {
		cost[leftClass(rootL)] = 0
	} else {
		// Only the root left: LEFT attaches s1 to s0.
		endArcCosts(cost, leftClass, g, st.stack, s1, s0, rootL, nl)
	}
	switch {
	case s1 < 0:
	case b0 < n:
		base := depsInBuf
		if hs0 >= b0 {
			base++
		}
		labelCosts(cost, rightClass, base, hs0 == s1, g.label[s0], rootL, nl)
	default:
		endArcCosts(cost, rightClass, g, st.stack, s0, s1, rootL, nl)
	}
	best := -1
	for c := range cost {
		if cost[c] == invalid {
			continue
		}
		if best < 0 || cost[c] < cost[best] || (cost[c] == cost[best] && sc[c] > sc[best]) {
			best = c
		}
	}
	return best
}

// endArcCosts sets, once only the root is left in the buffer, the cost of
// attaching stack word d to stack word h with every label but the root's
// (class gives a label's class): the stack words headed by d lose their
// head, and d its own if that is on the stack or the root and is not h, or
// its gold label if it is h. The cost is a lower bound: the order of the
// words left can make more arcs unreachable.
func endArcCosts(cost []int, class func(int) int, g *goldSent, stack []int32, d, h int32, rootL, nl int) {
	lost := 0
	for _, w := range stack {
		if w != d && g.head[w] == d {
			lost++
		}
	}
	gh := g.head[d]
	if gh != h && (gh == int32(len(g.head)) || slices.Contains(stack, gh)) {
		lost++
	}
	labelCosts(cost, class, lost, gh == h, g.label[d], rootL, nl)
}

// labelCosts sets the cost of an arc with every label but the root's
// (class gives a label's class): base, plus one for a label other than
// gold when the arc is the gold one.
func labelCosts(cost []int, class func(int) int, base int, goldArc bool, gold uint8, rootL, nl int) {
	for l := 0; l < nl; l++ {
		if l == rootL {
			continue
		}
		c := base
		if goldArc && gold != uint8(l) {
			c++
		}
		cost[class(l)] = c
	}
}

// Evaluate parses copies of docs' sentences and returns unlabelled and
// labelled attachment scores against their existing heads and labels
// (punctuation included), and the number of tokens scored.
func Evaluate(p *Parser, docs []*onrecord.Document) (uas, las float64, n int) {
	var ok, okl int
	for _, d := range docs {
		c := d.TokenCopy()
		p.Parse(c)
		for _, s := range d.Sents {
			for i := s.Start; i < s.End && int(i) < len(d.Tokens); i++ {
				n++
				if c.Tokens[i].Head == d.Tokens[i].Head {
					ok++
					if c.Tokens[i].Dep == d.Tokens[i].Dep {
						okl++
					}
				}
			}
		}
	}
	if n == 0 {
		return 0, 0, 0
	}
	return float64(ok) / float64(n), float64(okl) / float64(n), n
}
