// Package parse is a labelled transition-based dependency parser: greedy
// arc-hybrid transitions with the root at the end of the buffer (and, once
// only the root is left, left arcs between the stack words, so that a word
// stranded low on the stack still finds its head), a linear model over
// hashed Zhang & Nivre (2011) style feature templates: the average of two
// averaged perceptrons, each trained with a dynamic oracle (Goldberg &
// Nivre 2013) on its own shuffle of the data.
// Transitions and labels are predicted jointly: the classes are SHIFT and
// LEFT/RIGHT for every label.
package parse

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/onrecord/onrecord"
)

//go:embed model.bin.gz
var embedded []byte

var (
	defOnce   sync.Once
	defParser *Parser
	defErr    error
)

// Default returns the parser built from the embedded model, loaded once.
func Default() (*Parser, error) {
	defOnce.Do(func() {
		defParser, defErr = loadBytes(embedded)
		if defErr != nil {
			defErr = fmt.Errorf("parse: embedded model: %w", defErr)
		}
	})
	return defParser, defErr
}

// Parser holds a trained model. It is read-only after loading and safe for
// concurrent use.
type Parser struct {
	labels  []string         // label id → name
	tags    map[string]uint8 // tag → id (1-based; 0 = unknown)
	tagList []string         // id-1 → tag, kept to save the model
	rootL   int              // id of the "root" label
	tab     table
	// The model as Save writes it: a trained parser keeps its rows, a
	// loaded one the bytes it came from (the table keeps no keys).
	rows []row
	raw  []byte
	pool sync.Pool // *state
}

// Classes: 0 is SHIFT, 1+2l is LEFT with label l, 2+2l is RIGHT with label l.
// LEFT attaches the stack top to the buffer front, or, once the buffer
// holds only the root, the second stack word to the top (see apply).
const shift = 0

func leftClass(l int) int  { return 1 + 2*l }
func rightClass(l int) int { return 2 + 2*l }

func (p *Parser) nClasses() int { return 1 + 2*len(p.labels) }

// Parse fills Head and Dep of every token of every sentence of d. Sentences
// whose range does not fit the tokens are skipped.
func (p *Parser) Parse(d *onrecord.Document) {
	st := p.getState()
	defer p.pool.Put(st)
	n := int32(len(d.Tokens))
	for _, s := range d.Sents {
		if s.Start < 0 || s.End > n || s.Start >= s.End {
			continue
		}
		st.load(p, d, int(s.Start), int(s.End))
		for !st.terminal() {
			c := p.predict(st)
			st.apply(c)
		}
		for i := 0; i < st.n; i++ {
			t := &d.Tokens[int(s.Start)+i]
			if h := st.head[i]; h == int32(st.n) {
				t.Head = -1
			} else {
				t.Head = s.Start + h
			}
			t.Dep = p.labels[st.label[i]]
		}
	}
}

func (p *Parser) getState() *state {
	if st, ok := p.pool.Get().(*state); ok {
		return st
	}
	return newState()
}

// predict returns the best valid class in st.
func (p *Parser) predict(st *state) int {
	// With an empty stack SHIFT is the only move, and with one word left
	// on the stack and none in the buffer, attaching it to the root: no
	// need to score.
	switch {
	case len(st.stack) == 0:
		return shift
	case len(st.stack) == 1 && int(st.b0) == st.n:
		return leftClass(p.rootL)
	}
	nc := p.nClasses()
	sc := st.scores[:nc]
	st.feats, st.stale = st.feats[:0], st.stale[:0]
	// Reductions leave the buffer front in place, and it gains a left child
	// only as a left arc's head, each one its new leftmost. The kids' row
	// holds the buffer's too, and the top's right row the top's fixed one,
	// so that a move adds up three kept rows rather than five.
	p.keep(st, st.front.scores, &st.front.key, int64(st.b0), nil, (*state).bufferFeatures)
	kids := int64(st.b0)<<32 | int64(uint32(at(st.lc1, st.b0)))
	p.keep(st, st.kids.scores, &st.kids.key, kids, st.front.scores, (*state).frontKidFeatures)
	s0 := st.stack[len(st.stack)-1]
	var right, second []int32
	if top, key, ok := st.top.at(s0, nc); ok {
		r, rkey, _ := st.topRight.at(s0, nc)
		p.keep(st, top, key, 0, nil, (*state).topFeatures)
		p.keep(st, r, rkey, int64(st.rc1[s0]), top, (*state).topRightFeatures)
		right = r
	}
	switch {
	case len(st.stack) == 1:
		// The templates of a missing second word read nothing that
		// changes, so their scores are kept for good.
		p.keep(st, st.lone.scores, &st.lone.key, 0, nil, (*state).secondFeatures)
		second = st.lone.scores
	case len(st.second.key) > 0:
		s1 := st.stack[len(st.stack)-2]
		row, key, _ := st.second.at(s1, nc)
		p.keep(st, row, key, int64(st.rc1[s1]), nil, (*state).secondFeatures)
		second = row
	}
	// The rest is scored afresh for this move alone.
	mark := len(st.feats)
	if right == nil {
		st.topFeatures()
		st.topRightFeatures()
	}
	if second == nil {
		st.secondFeatures()
	}
	st.stackFeatures()
	// One probe for every group, so that all of the move's cache misses
	// overlap, then the sums, in the order the kept rows build on one another.
	p.tab.probe(st.feats, st.hit)
	for _, g := range st.stale {
		if g.base == nil {
			clear(g.row[:nc])
		} else {
			copy(g.row[:nc], g.base[:nc])
		}
		p.tab.sum(st.hit[g.from:g.to], g.row)
	}
	copy(sc, st.kids.scores[:nc])
	if right != nil {
		addTo(sc, right)
	}
	if second != nil {
		addTo(sc, second)
	}
	p.tab.sum(st.hit[mark:len(st.feats)], sc)
	return st.bestValid(st.scores, p.rootL, len(p.labels))
}

// keep schedules row (capacity >= 256, for table.sum) to be rescored as
// base (nil: zeros) plus the scores of the templates feats appends, when
// *key differs from want, the state those templates read.
func (p *Parser) keep(st *state, row []int32, key *int64, want int64, base []int32, feats func(*state)) {
	if *key == want {
		return
	}
	from := len(st.feats)
	feats(st)
	st.stale = append(st.stale, staleRow{row: row, base: base, from: from, to: len(st.feats)})
	*key = want
}

// addTo adds row's first len(sc) scores to sc.
func addTo(sc, row []int32) {
	row = row[:len(sc)]
	for i := range sc {
		sc[i] += row[i]
	}
}

// bestValid returns the highest-scoring class that is legal in st.
func (st *state) bestValid(sc []int32, rootL, nl int) int {
	best, bestS := -1, int32(0)
	if int(st.b0) < st.n {
		best, bestS = shift, sc[shift]
	}
	if int(st.b0) == st.n && len(st.stack) == 1 {
		// Only the last stack item may attach to the root, so every
		// sentence gets exactly one root.
		if c := leftClass(rootL); best < 0 || sc[c] > bestS {
			best, bestS = c, sc[c]
		}
	} else {
		for l := 0; l < nl; l++ {
			if c := leftClass(l); l != rootL && (best < 0 || sc[c] > bestS) {
				best, bestS = c, sc[c]
			}
		}
	}
	if len(st.stack) >= 2 {
		for l := 0; l < nl; l++ {
			if c := rightClass(l); l != rootL && (best < 0 || sc[c] > bestS) {
				best, bestS = c, sc[c]
			}
		}
	}
	return best
}
