package tag

import "slices"

// beam decodes a sentence left to right keeping the width best label
// sequences instead of one: a greedy tagger commits to a label that the
// next words may show wrong ("Tax" before "Foundation"). A tagger reads
// at most the two labels before a token, so hypotheses ending in the same
// two labels are merged and the best kept. Training and tagging share it,
// so a model is trained with the search it is decoded with.
type beam struct {
	width  int
	states []beamState // the states kept at each token, best first
	start  []int32     // states[start[i]:start[i+1]] are token i's
	next   []beamState
	prev   []uint8 // the labels before the token, as a hypothesis sees them
	fixed  []int64 // token scores that read no earlier label
	scores []int64
	codes  int     // label codes: nl+1
	slot   []int32 // 1 + index in next of the state ending in codes c2, c1 at c2*codes+c1; 0 for none
}

type beamState struct {
	score  int64
	c2, c1 uint8 // the last two labels: 0 before the sentence, l+1 label l
	back   int32 // index in states of the state it extends, -1 for none
	gold   bool  // training: the state is the gold sequence's prefix
}

// beamScorer gives the scores of token i's labels after a hypothesis: at
// sets scores from what does not read earlier labels, once per token;
// after adds what does, given the hypothesis' labels before i (of which
// only the last two are valid) and their codes.
type beamScorer interface {
	at(i int, scores []int64)
	after(i int, prev []uint8, c2, c1 int, scores []int64)
}

// run decodes n tokens with nl labels. allowed, when not nil, restricts
// the labels of each token. gold, when not nil, is the sequence training
// wants: run stops after the first token whose kept states all leave it
// and returns how many tokens it decoded (n when the gold sequence stayed
// in the beam or there is none).
func (b *beam) run(n, nl int, sc beamScorer, allowed func(i, l int) bool, gold []uint8) int {
	b.states, b.start = b.states[:0], append(b.start[:0], 0)
	b.prev = slices.Grow(b.prev[:0], n)[:n]
	b.fixed = slices.Grow(b.fixed[:0], nl)[:nl]
	b.scores = slices.Grow(b.scores[:0], nl)[:nl]
	if b.codes != nl+1 {
		b.codes = nl + 1
		b.slot = make([]int32, b.codes*b.codes)
	}
	for i := 0; i < n; i++ {
		sc.at(i, b.fixed)
		b.next = b.next[:0]
		// Token 0 extends the empty hypothesis; token i the states of i-1.
		from, to := int32(-1), int32(0)
		if i > 0 {
			from, to = b.start[i-1], b.start[i]
		}
		for si := from; si < to; si++ {
			st := beamState{gold: gold != nil}
			if si >= 0 {
				st = b.states[si]
				b.prev[i-1] = st.c1 - 1
				if i >= 2 {
					b.prev[i-2] = st.c2 - 1
				}
			}
			copy(b.scores, b.fixed)
			sc.after(i, b.prev[:i], int(st.c2), int(st.c1), b.scores)
			for l, v := range b.scores {
				if allowed == nil || allowed(i, l) {
					b.offer(beamState{score: st.score + v, c2: st.c1, c1: uint8(l + 1), back: si, gold: st.gold && gold[i] == uint8(l)})
				}
			}
		}
		b.keep()
		b.states = append(b.states, b.next...)
		b.start = append(b.start, int32(len(b.states)))
		if gold != nil && !slices.ContainsFunc(b.next, func(s beamState) bool { return s.gold }) {
			return i + 1
		}
	}
	return n
}

// offer adds a hypothesis to the next token's, merged with one that ends
// in the same two labels: the better stays, the earlier on a tie. slot
// finds that one without a search.
func (b *beam) offer(s beamState) {
	k := int(s.c2)*b.codes + int(s.c1)
	if j := b.slot[k]; j > 0 {
		if o := &b.next[j-1]; s.score > o.score {
			*o = s
		}
		return
	}
	b.next = append(b.next, s)
	b.slot[k] = int32(len(b.next))
}

// keep cuts next to its best width states, best first; ties keep the
// order offered, so decoding is deterministic. A width is a few states,
// so picking each in turn beats sorting them all.
func (b *beam) keep() {
	for _, s := range b.next {
		b.slot[int(s.c2)*b.codes+int(s.c1)] = 0
	}
	k := min(len(b.next), b.width)
	for i := 0; i < k; i++ {
		best := i
		for j := i + 1; j < len(b.next); j++ {
			if b.next[j].score > b.next[best].score {
				best = j
			}
		}
		// Shift rather than swap, so the rest keep the order offered.
		s := b.next[best]
		copy(b.next[i+1:best+1], b.next[i:best])
		b.next[i] = s
	}
	b.next = b.next[:k]
}

// best writes into out[:i+1] the labels of the best state at token i,
// which run decoded.
func (b *beam) best(i int, out []uint8) {
	if i < 0 {
		return
	}
	for si := b.start[i]; si >= 0; i-- {
		out[i] = b.states[si].c1 - 1
		si = b.states[si].back
	}
}
