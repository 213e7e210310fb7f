package tag

import (
	"slices"
	"testing"
)

// tableScorer scores labels from fixed tables: first[i][l] for token i,
// plus pair[c1][l] for the label coded c1 before it.
type tableScorer struct {
	first [][]int64
	pair  [][]int64
}

func (s *tableScorer) at(i int, scores []int64) { copy(scores, s.first[i]) }

func (s *tableScorer) after(i int, prev []uint8, c2, c1 int, scores []int64) {
	if i > 0 && int(prev[i-1])+1 != c1 {
		panic("prev disagrees with c1")
	}
	for l := range scores {
		scores[l] += s.pair[c1][l]
	}
}

// A greedy tagger commits to the first token's better label; a beam keeps
// the other, which the second token rewards.
func TestBeamRun(t *testing.T) {
	sc := &tableScorer{
		first: [][]int64{{2, 1}, {0, 0}, {0, 0}},
		// After label 1 (code 2), label 1 scores 5; nothing else counts.
		pair: [][]int64{{0, 0}, {0, 0}, {0, 5}},
	}
	for _, c := range []struct {
		width int
		want  []uint8
	}{{1, []uint8{0, 0, 0}}, {2, []uint8{1, 1, 1}}, {4, []uint8{1, 1, 1}}} {
		b := &beam{width: c.width}
		out := make([]uint8, 3)
		if n := b.run(3, 2, sc, nil, nil, nil); n != 3 {
			t.Fatalf("width %d: decoded %d tokens, want 3", c.width, n)
		}
		b.best(2, out)
		if !slices.Equal(out, c.want) {
			t.Errorf("width %d: labels %v, want %v", c.width, out, c.want)
		}
	}
	// allowed bars label 1 from the first token: the best left starts 0.
	b, out := &beam{width: 4}, make([]uint8, 3)
	b.best(b.run(3, 2, sc, func(i, l int) bool { return i > 0 || l == 0 }, nil, nil)-1, out)
	if !slices.Equal(out, []uint8{0, 1, 1}) {
		t.Errorf("restricted: labels %v, want [0 1 1]", out)
	}
	// Training stops after the token where the gold sequence leaves the
	// beam, and runs to the end when it stays.
	for _, c := range []struct {
		width int
		gold  []uint8
		stop  int
	}{
		{1, []uint8{1, 1, 1}, 1}, // a greedy search drops label 1 at once
		{2, []uint8{0, 1, 0}, 2}, // two sequences outscore it at the second token
		{2, []uint8{1, 1, 1}, 3}, // the best sequence
	} {
		if n := (&beam{width: c.width}).run(3, 2, sc, nil, nil, c.gold); n != c.stop {
			t.Errorf("width %d, gold %v: stopped after %d tokens, want %d", c.width, c.gold, n, c.stop)
		}
	}
	// An empty sentence decodes to nothing.
	if n := (&beam{width: 2}).run(0, 2, sc, nil, nil, nil); n != 0 {
		t.Errorf("empty sentence: decoded %d tokens", n)
	}
	(&beam{width: 2}).best(-1, nil)
}

// A token a dictionary forces decodes as a beam restricted to that label
// would, without scoring what every state shares (at): what reads the
// labels before it (after) still tells the states apart.
func TestBeamForced(t *testing.T) {
	mixed := &tableScorer{
		first: [][]int64{{2, 1, 0}, {0, 4, 1}, {1, 0, 3}, {0, 2, 0}},
		pair:  [][]int64{{0, 0, 0}, {0, 1, 0}, {3, 0, 1}, {0, 2, 0}},
	}
	// Label 1 first loses to 0, but label 0 after it scores 5.
	after := &tableScorer{
		first: [][]int64{{2, 1, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}},
		pair:  [][]int64{{0, 0, 0}, {0, 0, 0}, {5, 0, 0}, {0, 0, 0}},
	}
	for _, c := range []struct {
		sc     *tableScorer
		forced []uint8
	}{
		{mixed, []uint8{noLabel, 2, noLabel, noLabel}},
		{mixed, []uint8{1, noLabel, 0, noLabel}},
		{mixed, []uint8{noLabel, noLabel, noLabel, 2}},
		{mixed, []uint8{0, 0, 0, 0}},
		{after, []uint8{noLabel, 0, noLabel, noLabel}},
	} {
		for _, width := range []int{1, 2, 3} {
			got, want := make([]uint8, 4), make([]uint8, 4)
			b := &beam{width: width}
			b.best(b.run(4, 3, c.sc, nil, c.forced, nil)-1, got)
			allowed := func(i, l int) bool { return c.forced[i] == noLabel || int(c.forced[i]) == l }
			b.best(b.run(4, 3, c.sc, allowed, nil, nil)-1, want)
			if !slices.Equal(got, want) {
				t.Errorf("forced %v, width %d: labels %v, want %v", c.forced, width, got, want)
			}
			if c.sc == after && width > 1 && got[0] != 1 {
				t.Errorf("forced %v, width %d: labels %v, want label 1 first", c.forced, width, got)
			}
		}
	}
}

// soleTable is a tableScorer that also scores a token after one
// hypothesis on its own, as the tagger does.
type soleTable struct{ tableScorer }

func (s *soleTable) sole(i int, prev []uint8, c2, c1 int, scores []int64) {
	s.at(i, scores)
	s.after(i, prev, c2, c1, scores)
}

// A margin drops the hypotheses scoring more than it below the best, and
// a sole scorer's shortcut decodes as the beam without it.
func TestBeamMargin(t *testing.T) {
	sc := tableScorer{
		// Label 1 first trails label 0 by 3; after it label 1 scores 10.
		first: [][]int64{{4, 1}, {0, 0}, {0, 0}},
		pair:  [][]int64{{0, 0}, {0, 0}, {0, 10}},
	}
	for _, c := range []struct {
		margin int64
		want   []uint8
	}{
		{0, []uint8{1, 1, 1}}, // no margin: the full beam
		{2, []uint8{0, 1, 1}}, // label 1 trails by more: dropped
		{3, []uint8{1, 1, 1}}, // by no more: kept
	} {
		for _, s := range []beamScorer{&sc, &soleTable{sc}} {
			b, out := &beam{width: 2, margin: c.margin}, make([]uint8, 3)
			b.best(b.run(3, 2, s, nil, nil, nil)-1, out)
			if !slices.Equal(out, c.want) {
				t.Errorf("margin %d, %T: labels %v, want %v", c.margin, s, out, c.want)
			}
		}
	}
	mixed := tableScorer{
		first: [][]int64{{2, 1, 0}, {0, 9, 1}, {1, 0, 3}, {0, 2, 0}, {7, 0, 7}},
		pair:  [][]int64{{0, 0, 0}, {0, 1, 0}, {3, 0, 1}, {0, 2, 0}},
	}
	for _, margin := range []int64{1, 2, 4, 8} {
		for _, width := range []int{1, 2, 3} {
			got, want := make([]uint8, 5), make([]uint8, 5)
			b := &beam{width: width, margin: margin}
			b.best(b.run(5, 3, &soleTable{mixed}, nil, nil, nil)-1, got)
			b.best(b.run(5, 3, &mixed, nil, nil, nil)-1, want)
			if !slices.Equal(got, want) {
				t.Errorf("margin %d, width %d: sole %v, shared %v", margin, width, got, want)
			}
		}
	}
}
