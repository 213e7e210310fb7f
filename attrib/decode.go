package attrib

import (
	"context"
	"math"
	"strings"

	"github.com/onrecord/onrecord"
)

// maxSeq caps a decoding unit so that pathological paragraphs stay cheap.
const maxSeq = 400

// span is a range of sentences [a, b) decoded together: one paragraph.
type unit struct{ a, b int }

// units splits the sentences of d into paragraphs (a newline between two
// sentences starts a new one), each at most maxSeq tokens.
func units(d *onrecord.Document) []unit {
	var out []unit
	start := 0
	for si := 1; si <= len(d.Sents); si++ {
		brk := si == len(d.Sents)
		if !brk {
			prev, cur := d.Sents[si-1], d.Sents[si]
			gap := d.Text[d.Tokens[prev.End-1].BEnd:d.Tokens[cur.Start].BStart]
			brk = strings.Contains(gap, "\n") || cur.End-d.Sents[start].Start > maxSeq
		}
		if brk {
			out = append(out, unit{start, si})
			start = si
		}
	}
	return out
}

// decoder holds the buffers of one decoding.
type decoder struct {
	score  []float32 // nLabels per token
	back   []int8
	labels []int8
}

// decode labels n tokens with features fv, leaving scores and labels in dc.
func (dc *decoder) decode(m *Model, fv []uint32, n int) []int8 {
	dc.score = resize(dc.score, n*nLabels)
	dc.back = resize(dc.back, n*nLabels)
	dc.labels = resize(dc.labels, n)
	m.emissions(fv, n, dc.score)
	m.viterbi(dc.score, n, dc.back, dc.labels)
	return dc.labels
}

// scratch is per-call working memory, pooled.
type scratch struct {
	featurizer
	decoder
	fv     []uint32 // nFeatures per token of a unit
	sentOf []int
	dq     []int8 // double-quotation state of each token of a unit
}

func (m *Model) scratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{featurizer: featurizer{m: m}}
}

// featurize fills s.fv for the tokens of unit u and returns the token range.
func (s *scratch) featurize(d *onrecord.Document, u unit) (int, int) {
	a, b := int(d.Sents[u.a].Start), int(d.Sents[u.b-1].End)
	n := b - a
	s.fv = resize(s.fv, n*nFeatures)
	s.sentOf = resize(s.sentOf, n)
	for si := u.a; si < u.b; si++ {
		sent := d.Sents[si]
		for i := int(sent.Start); i < int(sent.End); i++ {
			s.sentOf[i-a] = si
			s.extract(i, sent, si, s.fv[(i-a)*nFeatures:(i-a+1)*nFeatures])
		}
	}
	return a, b
}

// emissions sums the weights of each token's features per label.
func (m *Model) emissions(fv []uint32, n int, out []float32) {
	for i := 0; i < n; i++ {
		sc := out[i*nLabels : (i+1)*nLabels]
		if m.q != nil {
			// Lanes 0 and 2 sum in the halves of a, 1 and 3 in b, 4 and 6
			// in c, 5 in d: four adds a feature instead of seven. The
			// biased lanes cannot overflow 32 bits (nFeatures < 1<<16).
			const even = 0x0000ffff_0000ffff
			var a, b, c, d uint64
			for _, h := range fv[i*nFeatures : (i+1)*nFeatures] {
				o := m.index(h)
				r := (*[qStride]uint64)(m.q[o : o+qStride])
				a += r[0] & even
				b += r[0] >> 16 & even
				c += r[1] & even
				d += r[1] >> 16 & even
			}
			lane := func(x uint64) float32 {
				return float32(int32(uint32(x)-nFeatures*qBias)) * m.scale
			}
			sc[0], sc[2] = lane(a), lane(a>>32)
			sc[1], sc[3] = lane(b), lane(b>>32)
			sc[4], sc[6] = lane(c), lane(c>>32)
			sc[5] = lane(d)
			continue
		}
		for l := range sc {
			sc[l] = 0
		}
		for _, h := range fv[i*nFeatures : (i+1)*nFeatures] {
			r := m.w[m.index(h):]
			for l := range sc {
				sc[l] += r[l]
			}
		}
	}
}

// viterbi finds the best label sequence under the BIO constraints.
func (m *Model) viterbi(score []float32, n int, back, labels []int8) {
	if n == 0 {
		return
	}
	var prev, cur [nLabels]float32
	for l := 0; l < nLabels; l++ {
		prev[l] = score[l] + m.trans[nLabels][l]
		if !allowed(-1, l) {
			prev[l] = float32(math.Inf(-1))
		}
	}
	for i := 1; i < n; i++ {
		for l := 0; l < nLabels; l++ {
			best, arg := float32(math.Inf(-1)), 0
			for p := 0; p < nLabels; p++ {
				if !allowed(p, l) {
					continue
				}
				if v := prev[p] + m.trans[p][l]; v > best {
					best, arg = v, p
				}
			}
			cur[l] = best + score[i*nLabels+l]
			back[i*nLabels+l] = int8(arg)
		}
		prev = cur
	}
	best := 0
	for l := 1; l < nLabels; l++ {
		if prev[l] > prev[best] {
			best = l
		}
	}
	for i := n - 1; i >= 0; i-- {
		labels[i] = int8(best)
		if i > 0 {
			best = int(back[i*nLabels+best])
		}
	}
}

// tagUnit decodes one unit, leaving labels in s.labels; it returns the token range.
func (m *Model) tagUnit(s *scratch, d *onrecord.Document, u unit) (int, int) {
	a, b := s.featurize(d, u)
	s.decode(m, s.fv, b-a)
	return a, b
}

// Extract appends the attributions found in d (analysed: tokens, tags,
// lemmas, heads) to d.Quotes. Speakers are left to package speaker.
func (m *Model) Extract(d *onrecord.Document) {
	m.ExtractContext(context.Background(), d) // never cancelled: no error
}

// unitChunk is how many paragraphs ExtractContext decodes between two
// looks at its context: a 2 MB news text has some 10,000 and takes about
// a second.
const unitChunk = 64

// ExtractContext is Extract that looks at ctx first and then every
// unitChunk paragraphs, and once ctx ends returns its error with d.Quotes
// holding what the paragraphs done so far gave.
func (m *Model) ExtractContext(ctx context.Context, d *onrecord.Document) error {
	if err := ctx.Err(); err != nil || len(d.Sents) == 0 {
		return err
	}
	s := m.scratch()
	defer m.pool.Put(s)
	s.prepare(d)
	open := -1 // the opening mark of a quotation the previous paragraph left open
	prev := -1 // the previous paragraph's first token
	us := units(d)
	single := singleStyle(d, us, s)
	for i, u := range us {
		if i > 0 && i%unitChunk == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		a, b := m.tagUnit(s, d, u)
		s.dq = quotations(d, a, b, s.dq, single)
		p := &para{d: d, a: a, b: b, dq: s.dq, single: single}
		atts := group(d, p, s.labels[:b-a], s.score, s.sentOf, &s.featurizer)
		atts = bylineQuote(d, a, b, atts, &s.featurizer)
		atts = transcriptTurn(d, a, b, atts, &s.featurizer)
		atts = headlineClaim(d, a, b, atts, &s.featurizer)
		atts = headlineVerb(d, a, b, atts, &s.featurizer)
		atts = accordingTo(d, p, atts, &s.featurizer)
		atts = accordingInside(d, p, atts, &s.featurizer)
		atts = accordingBare(d, p, atts, &s.featurizer)
		atts = saidThat(d, p, atts, &s.featurizer)
		atts = parenthetical(d, p, atts, &s.featurizer)
		atts = hearsayClause(d, p, atts, &s.featurizer)
		atts = trailingCue(d, p, atts, &s.featurizer)
		atts = saysAfter(d, p, atts, &s.featurizer)
		atts = saidThenQuote(d, p, atts, &s.featurizer)
		atts = splitCues(d, p, atts, &s.featurizer)
		atts = bracketSource(d, p, atts, &s.featurizer)
		atts = asClause(d, atts)
		atts = dropNames(d, p, atts, &s.featurizer)
		atts = dropActs(d, atts, &s.featurizer)
		atts = splitQuotations(d, p, atts)
		if n := len(d.Quotes); n > 0 {
			switch last := &d.Quotes[n-1]; {
			case len(atts) > 0 && (continues(d, last, &atts[0], open, a) || goesOn(d, last, &atts[0], prev, p, s.runes)):
				join(last, &atts[0], s.runes)
				atts = atts[1:]
			case open >= 0 && dangling(d, last, open):
				d.Quotes = d.Quotes[:n-1]
			}
		}
		d.Quotes = append(d.Quotes, atts...)
		open, prev = p.open(), a
	}
	if n := len(d.Quotes); n > 0 && open >= 0 && dangling(d, &d.Quotes[n-1], open) {
		d.Quotes = d.Quotes[:n-1]
	}
	return nil
}
