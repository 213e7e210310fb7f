package attrib

import (
	"fmt"
	"io"
	"math"
	"math/rand"
	"slices"
	"sort"
	"time"

	"github.com/onrecord/onrecord"
)

// TrainOptions control training. Zero values take the defaults.
type TrainOptions struct {
	Epochs int   // passes over the data (default 12)
	Runs   int   // models trained on different shuffles and averaged (default 7)
	Seed   int64 // shuffling seed; the same seed and data give the same model
	Bits   uint  // log2 of the weight-table rows (default 20)
	Log    io.Writer
}

// example is one decoding unit with its features and gold labels.
type example struct {
	fv   []uint32
	gold []int8
}

// Train learns a model from analysed documents whose Quotes hold the gold
// attributions. Tokens take the label of the role span they overlap.
func Train(docs []*onrecord.Document, opt TrainOptions) (*Model, error) {
	if opt.Epochs == 0 {
		opt.Epochs = 12
	}
	if opt.Bits == 0 {
		opt.Bits = 20
	}
	if opt.Runs == 0 {
		opt.Runs = 7
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("train attribution model: no documents")
	}
	m := &Model{bits: opt.Bits, w: make([]float32, (1<<opt.Bits)*nLabels), cue: cueLexicon(docs)}
	start := time.Now()
	var exs []example
	s := &scratch{featurizer: featurizer{m: m}}
	for _, d := range docs {
		if len(d.Sents) == 0 {
			continue
		}
		gold := goldLabels(d)
		s.prepare(d)
		for _, u := range units(d) {
			a, b := s.featurize(d, u)
			exs = append(exs, example{fv: append([]uint32(nil), s.fv...), gold: gold[a:b]})
		}
	}
	fmt.Fprintf(opt.Log, "attrib: %d units featurized in %s\n", len(exs), time.Since(start).Round(time.Millisecond))

	// Runs on different shuffles are averaged: the figures of one run
	// swing by about a point of exact-content F1 with the seed, those of
	// three to nine still by half a point of speaker_name
	// (docs/training-notes.md, "A POS beam with a margin" and "Seven
	// runs").
	for r := 0; r < opt.Runs; r++ {
		run := &Model{bits: m.bits, w: make([]float32, len(m.w)), cue: m.cue}
		run.perceptron(exs, opt.Epochs, opt.Seed+int64(r), opt.Log, start)
		for i, x := range run.w {
			m.w[i] += x / float32(opt.Runs)
		}
		for a := range run.trans {
			for b := range run.trans[a] {
				m.trans[a][b] += run.trans[a][b] / float32(opt.Runs)
			}
		}
	}
	m.quantize()
	m.mid = medianMargin(m, exs)
	return m, nil
}

// perceptron trains m's weights from zero: an averaged structured
// perceptron with lazy averaging, acc holding Σ c·Δw so that the average is
// w - acc/c.
func (m *Model) perceptron(exs []example, epochs int, seed int64, log io.Writer, start time.Time) {
	acc := make([]float32, len(m.w))
	var tacc [nLabels + 1][nLabels]float32
	c := float32(1)
	rng := rand.New(rand.NewSource(seed))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	var dc decoder
	upd := func(fv []uint32, l int, v float32) {
		for _, h := range fv {
			r := m.index(h) + l
			m.w[r] += v
			acc[r] += c * v
		}
	}
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, oi := range order {
			ex := exs[oi]
			n := len(ex.gold)
			pred := dc.decode(m, ex.fv, n)
			toks += n
			for i := 0; i < n; i++ {
				g, p := int(ex.gold[i]), int(pred[i])
				gp, pp := nLabels, nLabels
				if i > 0 {
					gp, pp = int(ex.gold[i-1]), int(pred[i-1])
				}
				if g != p {
					errs++
					fv := ex.fv[i*nFeatures : (i+1)*nFeatures]
					upd(fv, g, 1)
					upd(fv, p, -1)
				}
				if g != p || gp != pp {
					m.trans[gp][g]++
					tacc[gp][g] += c
					m.trans[pp][p]--
					tacc[pp][p] -= c
				}
			}
			c++
		}
		fmt.Fprintf(log, "attrib: seed %d epoch %d: %.2f%% token errors (%s)\n", seed, ep+1, 100*float64(errs)/float64(toks), time.Since(start).Round(time.Second))
	}
	for i := range m.w {
		m.w[i] -= acc[i] / c
	}
	for a := range m.trans {
		for b := range m.trans[a] {
			m.trans[a][b] -= tacc[a][b] / c
		}
	}
}

// medianMargin decodes the training units with the final weights and
// returns the median mean margin of the content segments.
func medianMargin(m *Model, exs []example) float32 {
	var margins []float32
	var dc decoder
	for _, ex := range exs {
		n := len(ex.gold)
		pred := dc.decode(m, ex.fv, n)
		score := dc.score
		var sum float32
		var k int
		for i := 0; i <= n; i++ {
			if i < n && roleOf[pred[i]] == 3 && (k == 0 || pred[i] == lICon) {
				sc := score[i*nLabels : (i+1)*nLabels]
				second := float32(math.Inf(-1))
				for l, v := range sc {
					if l != int(pred[i]) && v > second {
						second = v
					}
				}
				sum += sc[pred[i]] - second
				k++
				continue
			}
			if k > 0 {
				margins = append(margins, sum/float32(k))
				sum, k = 0, 0
			}
			if i < n && pred[i] == lBCon {
				i-- // a new segment starts here
			}
		}
	}
	if len(margins) == 0 {
		return 1
	}
	slices.Sort(margins)
	return margins[len(margins)/2]
}

// cueLexicon measures, per lemma, the share of its occurrences inside gold
// cues, in tenths (rounded up so that any real cue gets at least 1).
func cueLexicon(docs []*onrecord.Document) map[string]uint8 {
	total, inCue := map[string]int{}, map[string]int{}
	for _, d := range docs {
		labels := goldLabels(d)
		for i := range d.Tokens {
			l := d.Tokens[i].Lemma
			if l == "" {
				l = d.Word(i)
			}
			l = lower(l)
			total[l]++
			if roleOf[labels[i]] == 2 {
				inCue[l]++
			}
		}
	}
	lex := map[string]uint8{}
	keys := make([]string, 0, len(inCue))
	for l := range inCue {
		keys = append(keys, l)
	}
	sort.Strings(keys)
	for _, l := range keys {
		if inCue[l] < 2 {
			continue
		}
		b := (inCue[l]*10 + total[l] - 1) / total[l]
		lex[l] = uint8(min(b, 10))
	}
	return lex
}

// goldLabels gives each token the BIO label of the role span it overlaps;
// a token already claimed by an earlier attribution keeps its label.
func goldLabels(d *onrecord.Document) []int8 {
	labels := make([]int8, len(d.Tokens))
	owner := make([]int, len(d.Tokens))
	for i := range owner {
		owner[i] = -1
	}
	for ai, at := range d.Quotes {
		for _, r := range []struct {
			spans []onrecord.Span
			b     int8
		}{{at.Source, lBSrc}, {at.Cue, lBCue}, {at.Content, lBCon}} {
			for _, sp := range r.spans {
				i, j := d.TokensIn(sp)
				for ; i < j; i++ {
					if owner[i] >= 0 {
						continue
					}
					owner[i] = ai
					labels[i] = r.b + 1 // I-
					if i == 0 || owner[i-1] != ai || roleOf[labels[i-1]] != roleOf[r.b] {
						labels[i] = r.b
					}
				}
			}
		}
	}
	return labels
}
