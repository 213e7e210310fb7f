package tag

import (
	"math"
	"slices"
)

// beam decodes a sentence left to right keeping the width best label
// sequences instead of one: a greedy tagger commits to a label that the
// next words may show wrong ("Tax" before "Foundation"). A tagger reads
// at most the two labels before a token, so hypotheses ending in the same
// two labels are merged and the best kept. Training and tagging share it,
// so a model is trained with the search it is decoded with.
type beam struct {
	width  int
	margin int64       // when above 0, states scoring margin below the best are dropped
	states []beamState // the states kept at each token, best first
	start  []int32     // states[start[i]:start[i+1]] are token i's
	prev   []uint8     // the labels before the token, as a hypothesis sees them
	fixed  []int64     // token scores that read no earlier label
	scores []int64
	// The hypotheses of the next token, by the last label of the state
	// they extend (in the order those labels first come among the states)
	// then by label: a hypothesis ends in that label and its own, so
	// hypotheses of one group and label are merged, the better kept. Only
	// their scores and the states they extend are held: most are dropped
	// unread, and keep builds the few it keeps.
	c1s      []uint8
	candSum  []int64
	candFrom []int32
	top      []beamState // the best width of them, best first
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

// soleScorer is a beamScorer that scores a token after one hypothesis
// (at and after together) faster than at and after do, which keep what
// several hypotheses share.
type soleScorer interface {
	sole(i int, prev []uint8, c2, c1 int, scores []int64)
}

// run decodes n tokens with nl labels. allowed, when not nil, restricts
// the labels of each token. forced, when not nil, gives the tokens whose
// label the tag dictionary sets (noLabel: none): every state takes it,
// unscored. gold, when not nil, is the sequence training wants: run stops
// after the first token whose kept states all leave it and returns how
// many tokens it decoded (n when the gold sequence stayed in the beam or
// there is none).
func (b *beam) run(n, nl int, sc beamScorer, allowed func(i, l int) bool, forced, gold []uint8) int {
	b.states, b.start = b.states[:0], append(b.start[:0], 0)
	b.prev = slices.Grow(b.prev[:0], n)[:n]
	b.fixed = slices.Grow(b.fixed[:0], nl)[:nl]
	b.scores = slices.Grow(b.scores[:0], nl)[:nl]
	sole, _ := sc.(soleScorer)
	for i := 0; i < n; i++ {
		// Token 0 extends the empty hypothesis; token i the states of i-1.
		from, to := int32(-1), int32(0)
		if i > 0 {
			from, to = b.start[i-1], b.start[i]
		}
		if forced != nil && forced[i] != noLabel {
			b.force(i, from, to, forced[i], sc, gold)
		} else {
			b.extend(i, nl, from, to, sc, sole, allowed, gold)
		}
		b.states = append(b.states, b.top...)
		b.start = append(b.start, int32(len(b.states)))
		if gold != nil && !slices.ContainsFunc(b.top, func(s beamState) bool { return s.gold }) {
			return i + 1
		}
	}
	return n
}

// child is state st, index si, extended by label l of token i, scoring
// score in all.
func child(st beamState, si int32, l uint8, score int64, i int, gold []uint8) beamState {
	return beamState{score: score, c2: st.c1, c1: l + 1, back: si, gold: st.gold && gold[i] == l}
}

// hyp returns the state si of token i-1, or the empty hypothesis for -1.
func (b *beam) hyp(si int32, gold []uint8) beamState {
	if si < 0 {
		return beamState{gold: gold != nil}
	}
	return b.states[si]
}

// state returns the state si of token i-1 (the empty hypothesis for -1)
// with its labels set in prev, as the scorer reads them.
func (b *beam) state(i int, si int32, gold []uint8) beamState {
	st := b.hyp(si, gold)
	if si < 0 {
		return st
	}
	b.prev[i-1] = st.c1 - 1
	if i >= 2 {
		b.prev[i-2] = st.c2 - 1
	}
	return st
}

// force sets top to the states from..to of token i-1 (or the empty
// hypothesis) extended by label l, which a dictionary gives token i. The
// scores that read no earlier label are the same for every state and are
// not computed; those that do (after) still tell the states apart.
func (b *beam) force(i int, from, to int32, l uint8, sc beamScorer, gold []uint8) {
	top := b.top[:0]
	for si := from; si < to; si++ {
		st := b.state(i, si, gold)
		clear(b.scores)
		sc.after(i, b.prev[:i], int(st.c2), int(st.c1), b.scores)
		s := child(st, si, l, st.score+b.scores[l], i, gold)
		// States ending in the same two labels merge, the better kept
		// (the earlier on a tie); the rest stay best first.
		if k := slices.IndexFunc(top, func(t beamState) bool { return t.c2 == s.c2 }); k >= 0 {
			if top[k].score >= s.score {
				continue
			}
			top = slices.Delete(top, k, k+1)
		}
		top = append(top, s)
		place(top, len(top)-1, s)
	}
	b.top = b.prune(top)
}

// extend sets top to the best hypotheses extending the states from..to of
// token i-1 (or the empty hypothesis) by each label of token i. sole, when
// not nil, is sc as a soleScorer, which scores a lone state.
func (b *beam) extend(i, nl int, from, to int32, sc beamScorer, sole soleScorer, allowed func(i, l int) bool, gold []uint8) {
	if to-from > 1 || allowed != nil {
		sole = nil
	}
	if sole == nil {
		sc.at(i, b.fixed) // shared by the states
	}
	b.c1s, b.candSum, b.candFrom = b.c1s[:0], b.candSum[:0], b.candFrom[:0]
	for si := from; si < to; si++ {
		st := b.state(i, si, gold)
		if sole != nil {
			sole.sole(i, b.prev[:i], int(st.c2), int(st.c1), b.scores)
			if l, ok := b.lead(b.scores); ok {
				// What keep and prune would leave, without their work.
				b.top = append(b.top[:0], child(st, si, uint8(l), st.score+b.scores[l], i, gold))
				return
			}
		} else {
			copy(b.scores, b.fixed)
			sc.after(i, b.prev[:i], int(st.c2), int(st.c1), b.scores)
		}
		g := slices.Index(b.c1s, st.c1)
		fresh := g < 0
		if fresh {
			g = len(b.c1s)
			b.c1s = append(b.c1s, st.c1)
			b.candSum = slices.Grow(b.candSum, nl)[:len(b.candSum)+nl]
			b.candFrom = slices.Grow(b.candFrom, nl)[:len(b.candFrom)+nl]
		}
		// The states come best first, so on a tie the earlier stays.
		sums, froms := b.candSum[g*nl:(g+1)*nl], b.candFrom[g*nl:(g+1)*nl]
		for l, v := range b.scores {
			if s := st.score + v; fresh || s > sums[l] {
				sums[l], froms[l] = s, si
			}
		}
	}
	b.keep(i, nl, allowed, gold)
}

// lead returns the best label of scores (the first on a tie) and whether
// every other scores more than the margin below it, so that prune would
// leave it alone.
func (b *beam) lead(scores []int64) (int, bool) {
	if b.margin <= 0 {
		return 0, false
	}
	best, second := 0, int64(math.MinInt64)
	for l := 1; l < len(scores); l++ {
		switch v := scores[l]; {
		case v > scores[best]:
			second, best = scores[best], l
		case v > second:
			second = v
		}
	}
	return best, second < scores[best]-b.margin
}

// keep sets top to the best width hypotheses of token i, best first; ties
// keep their order among the candidates, so decoding is deterministic. One
// pass inserts each into the few kept so far, after those that score as
// high: most fall to the floor (below the last of a full beam, or more
// than the margin below the best so far) and cost one comparison.
func (b *beam) keep(i, nl int, allowed func(i, l int) bool, gold []uint8) {
	top := b.top[:0]
	floor := int64(math.MinInt64) // candidates scoring no more are not kept
	for k, s := range b.candSum {
		if s <= floor || allowed != nil && !allowed(i, k%nl) {
			continue
		}
		n := len(top)
		if n == b.width {
			n--
		} else {
			top = append(top, beamState{})
		}
		si := b.candFrom[k]
		place(top, n, child(b.hyp(si, gold), si, uint8(k%nl), s, i, gold))
		if len(top) == b.width {
			floor = top[len(top)-1].score
		}
		if b.margin > 0 {
			// prune would drop it: the best only rises.
			floor = max(floor, top[0].score-b.margin-1)
		}
	}
	b.top = b.prune(top)
}

// prune drops from top, best first, the states scoring more than the
// margin below the best: where the best leads by that much, the others
// would cost the next tokens' scoring and rarely win.
func (b *beam) prune(top []beamState) []beamState {
	if b.margin > 0 {
		for len(top) > 1 && top[len(top)-1].score < top[0].score-b.margin {
			top = top[:len(top)-1]
		}
	}
	return top
}

// place puts s at top[n] and moves it up past the states that score
// lower, each of which moves down one.
func place(top []beamState, n int, s beamState) {
	for n > 0 && top[n-1].score < s.score {
		top[n] = top[n-1]
		n--
	}
	top[n] = s
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
