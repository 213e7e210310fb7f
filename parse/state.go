package parse

import "github.com/onrecord/onrecord"

// state is one parser configuration over a sentence of n words, plus the
// scratch that scoring needs. Word n is the artificial root, always the last
// item of the buffer; the buffer is the range [b0, n].
type state struct {
	n     int
	b0    int32
	stack []int32
	head  []int32
	label []uint8
	// Two leftmost and two rightmost children, child counts and label sets
	// (one bit a label, modulo 64) for the valency and label features.
	lc1, lc2, rc1, rc2 []int32
	nl, nr             []uint8
	lset, rset         []uint64
	// Per-word atoms: a hash of the normalised form, of its last three
	// bytes, and a tag code.
	wh, suf, tg []uint64
	// pc[i] is the number of commas and colons before word i.
	pc []int32

	feats  []uint64
	hit    []slot
	scores []int32
	// Scores of template groups kept across moves while what they read
	// stays the same (see predict): the buffer's, the buffer front's
	// children's, the missing second word's, and per word those of the
	// stack top (apart from and with its right children) and of the second
	// word.
	front, kids, lone     keyedRow
	top, topRight, second wordCache
	stale                 []staleRow // kept rows to rescore in this move
}

// staleRow is a kept row predict rescores: base plus the rows of the
// features feats[from:to].
type staleRow struct {
	row, base []int32
	from, to  int
}

// keyedRow is the scores of one template group with the key of the state
// they were scored for (-1: none).
type keyedRow struct {
	scores []int32 // capacity 256, for table.add
	key    int64
}

// wordCache holds, nc per word, the scores of one template group of a
// stack position, keyed by what they read that can change (-2: not scored
// yet), with 256 entries of padding for table.add. Sentences longer than
// maxCachedWords, which the tokenizer never makes, go without (key
// empty), to bound the memory.
type wordCache struct {
	scores []int32
	key    []int64
}

// reset empties c for a sentence of n words and nc classes.
func (c *wordCache) reset(n, nc int) {
	c.key = c.key[:0]
	if n > maxCachedWords {
		return
	}
	if need := n*nc + 256; cap(c.scores) < need {
		c.scores = make([]int32, 2*need)
	}
	c.scores = c.scores[:cap(c.scores)]
	for range n {
		c.key = append(c.key, -2)
	}
}

// at returns word w's row and key, and false when c keeps none.
func (c *wordCache) at(w int32, nc int) ([]int32, *int64, bool) {
	if int(w) >= len(c.key) {
		return nil, nil, false
	}
	return c.scores[int(w)*nc:], &c.key[w], true
}

// forget drops word w's row.
func (c *wordCache) forget(w int32) {
	if int(w) < len(c.key) {
		c.key[w] = -2
	}
}

const maxCachedWords = 1024

func newState() *state {
	return &state{
		feats:  make([]uint64, 0, nTemplates),
		stale:  make([]staleRow, 0, 5),
		hit:    make([]slot, nTemplates),
		scores: make([]int32, 256),
		front:  keyedRow{scores: make([]int32, 256)},
		kids:   keyedRow{scores: make([]int32, 256)},
		lone:   keyedRow{scores: make([]int32, 256), key: -1},
	}
}

// grow makes every per-word slice hold n+1 items, reusing capacity.
func (st *state) grow(n int) {
	m := n + 1
	if cap(st.head) < m {
		c := 2 * m
		st.head = make([]int32, c)
		st.label = make([]uint8, c)
		st.lc1, st.lc2 = make([]int32, c), make([]int32, c)
		st.rc1, st.rc2 = make([]int32, c), make([]int32, c)
		st.nl, st.nr = make([]uint8, c), make([]uint8, c)
		st.lset, st.rset = make([]uint64, c), make([]uint64, c)
		st.wh, st.suf, st.tg = make([]uint64, c), make([]uint64, c), make([]uint64, c)
		st.pc = make([]int32, c+1)
		st.stack = make([]int32, 0, c)
	}
	st.head, st.label = st.head[:m], st.label[:m]
	st.lc1, st.lc2, st.rc1, st.rc2 = st.lc1[:m], st.lc2[:m], st.rc1[:m], st.rc2[:m]
	st.nl, st.nr, st.lset, st.rset = st.nl[:m], st.nr[:m], st.lset[:m], st.rset[:m]
	st.wh, st.suf, st.tg, st.pc = st.wh[:m], st.suf[:m], st.tg[:m], st.pc[:m+1]
}

// load resets st to the initial configuration over tokens [start, end) of d.
func (st *state) load(p *Parser, d *onrecord.Document, start, end int) {
	n := end - start
	st.grow(n)
	st.n = n
	st.b0 = 0
	st.front.key, st.kids.key = -1, -1
	st.top.reset(n, p.nClasses())
	st.topRight.reset(n, p.nClasses())
	st.second.reset(n, p.nClasses())
	st.stack = st.stack[:0]
	for i := 0; i <= n; i++ {
		st.head[i] = -1
		st.label[i] = 0
		st.lc1[i], st.lc2[i], st.rc1[i], st.rc2[i] = -1, -1, -1, -1
		st.nl[i], st.nr[i] = 0, 0
		st.lset[i], st.rset[i] = 0, 0
	}
	st.pc[0] = 0
	for i := 0; i < n; i++ {
		t := &d.Tokens[start+i]
		b, e := int(t.BStart), int(t.BEnd)
		st.wh[i] = wordHash(d.Text, b, e)
		st.suf[i] = wordHash(d.Text, max(b, e-3), e)
		st.tg[i] = uint64(p.tags[t.Tag]) + 2
		st.pc[i+1] = st.pc[i]
		if t.Tag == "," || t.Tag == ":" {
			st.pc[i+1]++
		}
	}
	st.wh[n], st.suf[n], st.tg[n] = 1, 1, 1
	st.pc[n+1] = st.pc[n]
}

// wordHash hashes text[b:e] lowercased (ASCII) with digits folded to 0, so
// numbers and capitalised words share features. Bad offsets hash as "".
func wordHash(text string, b, e int) uint64 {
	h := uint64(14695981039346656037)
	if b < 0 || e > len(text) || b > e {
		return h
	}
	for i := b; i < e; i++ {
		c := text[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= '1' && c <= '9':
			c = '0'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h | 2
}

func (st *state) terminal() bool { return len(st.stack) == 0 && int(st.b0) >= st.n }

// apply performs class c, which must be valid in st.
func (st *state) apply(c int) {
	if c == shift {
		st.stack = append(st.stack, st.b0)
		st.b0++
		return
	}
	l := uint8((c - 1) / 2)
	top := len(st.stack) - 1
	s0 := st.stack[top]
	st.stack = st.stack[:top]
	switch {
	case (c-1)%2 == 1:
		st.attach(s0, st.stack[top-1], l)
	case int(st.b0) == st.n && top > 0:
		// Once only the root is left in the buffer, a left arc attaches
		// the second stack word to the top, so that a word stranded low
		// on the stack (an opening quote, say) need not end up as the
		// root. The top gains a left child and a new word below it:
		// its kept scores are stale.
		s1 := st.stack[top-1]
		st.stack[top-1] = s0
		st.attach(s1, s0, l)
		st.top.forget(s0)
		st.topRight.forget(s0)
	default:
		st.attach(s0, st.b0, l)
	}
}

func (st *state) attach(d, h int32, l uint8) {
	st.head[d] = h
	st.label[d] = l
	if d < h {
		if st.lc1[h] < 0 || d < st.lc1[h] {
			st.lc2[h], st.lc1[h] = st.lc1[h], d
		} else if st.lc2[h] < 0 || d < st.lc2[h] {
			st.lc2[h] = d
		}
		if st.nl[h] < 255 {
			st.nl[h]++
		}
		st.lset[h] |= 1 << (l & 63)
		return
	}
	if st.rc1[h] < 0 || d > st.rc1[h] {
		st.rc2[h], st.rc1[h] = st.rc1[h], d
	} else if st.rc2[h] < 0 || d > st.rc2[h] {
		st.rc2[h] = d
	}
	if st.nr[h] < 255 {
		st.nr[h]++
	}
	st.rset[h] |= 1 << (l & 63)
}
