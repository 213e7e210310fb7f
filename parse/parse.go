// Package parse is a labelled transition-based dependency parser: greedy
// arc-hybrid transitions with the root at the end of the buffer, a linear
// model over hashed Zhang & Nivre (2011) style feature templates, trained as
// an averaged perceptron with a dynamic oracle (Goldberg & Nivre 2013).
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
	clear(sc)
	st.feats = st.feats[:0]
	// Reductions leave the buffer front in place, and it gains a left child
	// only as a left arc's head, each one its new leftmost.
	p.addRow(st, st.front.scores, &st.front.key, int64(st.b0), sc, (*state).bufferFeatures)
	kids := int64(st.b0)<<32 | int64(uint32(at(st.lc1, st.b0)))
	p.addRow(st, st.kids.scores, &st.kids.key, kids, sc, (*state).frontKidFeatures)
	p.addWord(st, &st.top, st.stack[len(st.stack)-1], sc, (*state).topFeatures)
	if len(st.stack) > 1 {
		p.addWord(st, &st.second, st.stack[len(st.stack)-2], sc, (*state).secondFeatures)
	} else {
		st.secondFeatures() // no second word: its templates still score
	}
	st.stackFeatures()
	p.tab.add(st.feats, sc, st.hit)
	return st.bestValid(st.scores, p.rootL, len(p.labels))
}

// addRow adds to sc the scores in row of the templates feats appends,
// scoring them into row (capacity >= 256, for table.add) only when *key
// differs from want, the state those templates read.
func (p *Parser) addRow(st *state, row []int32, key *int64, want int64, sc []int32, feats func(*state)) {
	if *key != want {
		mark := len(st.feats)
		feats(st)
		clear(row[:len(sc)])
		p.tab.add(st.feats[mark:], row, st.hit)
		st.feats = st.feats[:mark]
		*key = want
	}
	for i := range sc {
		sc[i] += row[i]
	}
}

// addWord is addRow for templates of stack word w, kept per word in c. A
// word on the stack gains children only as a right arc's head, each one
// its new rightmost, so its rightmost child is the key. Without a cache
// (a long sentence) the templates are left in st.feats, to be scored with
// the rest.
func (p *Parser) addWord(st *state, c *wordCache, w int32, sc []int32, feats func(*state)) {
	if len(c.key) == 0 {
		feats(st)
		return
	}
	p.addRow(st, c.scores[int(w)*len(sc):], &c.key[w], int64(st.rc1[w]), sc, feats)
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
