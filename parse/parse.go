// Package parse is a labelled transition-based dependency parser: greedy
// arc-hybrid transitions with the root at the end of the buffer, a linear
// model over hashed Zhang & Nivre (2011) style feature templates, trained as
// an averaged perceptron with a dynamic oracle (Goldberg & Nivre 2013).
// Transitions and labels are predicted jointly: the classes are SHIFT and
// LEFT/RIGHT for every label.
package parse

import (
	"bytes"
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
		defParser, defErr = Load(bytes.NewReader(embedded))
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
	if st.b0 != st.front {
		st.feats = st.feats[:0]
		st.bufferFeatures()
		clear(st.frontScores[:nc])
		p.tab.add(st.feats, st.frontScores[:nc], st.hit)
		st.front = st.b0
	}
	// A new left child of the front is always its leftmost one.
	if kid := at(st.lc1, st.b0); st.b0 != st.kidFront || kid != st.kid {
		st.feats = st.feats[:0]
		st.frontKidFeatures()
		clear(st.kidScores[:nc])
		p.tab.add(st.feats, st.kidScores[:nc], st.hit)
		st.kidFront, st.kid = st.b0, kid
	}
	sc := st.scores[:nc]
	for c, v := range st.frontScores[:nc] {
		sc[c] = v + st.kidScores[c]
	}
	st.feats = st.feats[:0]
	p.addCached(st, &st.top, st.stack[len(st.stack)-1], sc, (*state).topFeatures)
	if len(st.stack) > 1 {
		p.addCached(st, &st.second, st.stack[len(st.stack)-2], sc, (*state).secondFeatures)
	} else {
		st.secondFeatures() // no second word: its templates still score
	}
	st.stackFeatures()
	p.tab.add(st.feats, sc, st.hit)
	return st.bestValid(st.scores, p.rootL, len(p.labels))
}

// addCached adds to sc the scores of the templates feats appends for stack
// word w, scoring them only when w's rightmost child has changed since
// they were last kept in c. Without a cache (a long sentence) the
// templates are left in st.feats, to be scored with the rest.
func (p *Parser) addCached(st *state, c *wordCache, w int32, sc []int32, feats func(*state)) {
	if len(c.key) == 0 {
		feats(st)
		return
	}
	nc := len(sc)
	row := c.scores[int(w)*nc:]
	if rc := st.rc1[w]; c.key[w] != rc {
		mark := len(st.feats)
		feats(st)
		clear(row[:nc])
		p.tab.add(st.feats[mark:], row, st.hit)
		st.feats = st.feats[:mark]
		c.key[w] = rc
	}
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
	if int(st.b0) == st.n {
		// Only the last stack item may attach to the root, so every
		// sentence gets exactly one root.
		if len(st.stack) == 1 {
			if c := leftClass(rootL); best < 0 || sc[c] > bestS {
				best, bestS = c, sc[c]
			}
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
