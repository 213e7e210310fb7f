package attrib

import (
	"math"
	"sort"
	"strings"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
)

// Grouping: the labelled tokens of a paragraph become segments, each
// content and source is tied to a cue, and each cue with its content and
// source becomes an attribution.

// segment is a run of tokens [a, b) with one role.
type segment struct {
	role, a, b, sent int
	cue              int     // for contents and sources: the cue segment they belong to, -1 none
	link             bool    // attached through the dependency tree
	conf             float64 // mean margin of its labels
}

// group turns the labels of the tokens of paragraph p into attributions.
func group(d *onrecord.Document, p *para, labels []int8, score []float32, sentOf []int, f *featurizer) []onrecord.Attribution {
	off := p.a
	var segs []segment
	for i := 0; i < len(labels); i++ {
		l := int(labels[i])
		if l == lO {
			continue
		}
		if l == lBSrc || l == lBCue || l == lBCon || len(segs) == 0 || segs[len(segs)-1].b != off+i || segs[len(segs)-1].role != roleOf[l] {
			segs = append(segs, segment{role: roleOf[l], a: off + i, b: off + i + 1, sent: sentOf[i], cue: -1})
		} else {
			segs[len(segs)-1].b = off + i + 1
		}
		sc := score[i*nLabels : (i+1)*nLabels]
		best, second := sc[l], float32(math.Inf(-1))
		for k, v := range sc {
			if k != l && v > second {
				second = v
			}
		}
		segs[len(segs)-1].conf += float64(best - second)
	}
	for i := range segs {
		segs[i].conf /= float64(segs[i].b - segs[i].a)
		if segs[i].role == 3 {
			snapQuote(&segs[i], f.quote, off, off+len(labels))
		}
	}
	if len(segs) == 0 {
		return nil
	}
	segs = joinQuoted(segs, p)
	segs = dropFragments(d, segs)
	for i := range segs {
		// A quotation whose opening mark the splitter left at the end of
		// the sentence before belongs to the sentence it opens.
		if sg := &segs[i]; sg.role == 3 && sg.b-sg.a > 1 && p.state(sg.a) == qOpen && sentOf[sg.a+1-off] != sg.sent {
			sg.sent = sentOf[sg.a+1-off]
		}
	}
	for i := range segs {
		if segs[i].role == 3 {
			wholeQuote(segs, i, p)
			quoteTail(&segs[i], p)
		}
	}
	var cues []int
	for i := range segs {
		if segs[i].role == 2 {
			cues = append(cues, i)
		}
	}
	for i := range segs {
		if segs[i].role == 3 {
			snapTree(d, segs, i, f)
		}
	}
	owner := func(tok int) int { // the cue segment holding token tok, or -1
		for _, c := range cues {
			if segs[c].a <= tok && tok < segs[c].b {
				return c
			}
		}
		return -1
	}
	// treeLink finds a cue that governs the segment, or that the segment
	// governs (in "X, he said" parsers often hang the cue under the content).
	treeLink := func(sg *segment) int {
		for i := sg.a; i < sg.b; i++ {
			h := int(d.Tokens[i].Head)
			if h >= sg.a && h < sg.b || sentOf[i-off] < sg.sent { // a mark left in the sentence before
				continue
			}
			for j, steps := h, 0; j >= 0 && steps < 4; j, steps = int(d.Tokens[j].Head), steps+1 {
				if c := owner(j); c >= 0 {
					return c
				}
				if sentOf[j-off] != sg.sent || j < off || j >= off+len(labels) {
					break
				}
			}
		}
		for _, c := range cues {
			if segs[c].sent != sg.sent {
				continue
			}
			for i := segs[c].a; i < segs[c].b; i++ {
				h := int(d.Tokens[i].Head)
				if h >= sg.a && h < sg.b && sg.role == 3 {
					return c
				}
			}
		}
		return -1
	}
	dist := func(sg *segment, c int) int {
		if segs[c].b <= sg.a {
			return sg.a - segs[c].b
		}
		return segs[c].a - sg.b
	}
	// beside tells whether cue c stands in a sentence of segment sg or in
	// the one before or after it.
	beside := func(sg *segment, c int) bool {
		return segs[c].sent >= sg.sent-1 && segs[c].sent <= sentOf[sg.b-1-off]+1
	}
	nearest := func(sg *segment, sameSent bool) int {
		best, bd := -1, 1<<30
		for _, c := range cues {
			if sameSent && segs[c].sent != sg.sent {
				continue
			}
			if !sameSent && !beside(sg, c) {
				continue
			}
			if dd := dist(sg, c); dd < bd {
				best, bd = c, dd
			}
		}
		return best
	}
	for i := range segs {
		sg := &segs[i]
		if sg.role == 2 {
			continue
		}
		if c := treeLink(sg); c >= 0 {
			sg.cue, sg.link = c, true
		} else if c := nearest(sg, true); c >= 0 {
			sg.cue = c
		} else if sg.role == 1 {
			sg.cue = opensNext(d, segs, cues, sg)
		}
	}
	// A content with no cue in its sentence goes to a cue in the sentence
	// before or after; a quotation goes first to a cue that already reports
	// a quotation ("X," he said. "Y.") over a nearer one that does not.
	quotedCue := map[int]bool{}
	for _, sg := range segs {
		if sg.role == 3 && sg.cue >= 0 && quoted(p, sg) {
			quotedCue[sg.cue] = true
		}
	}
	for i := range segs {
		sg := &segs[i]
		if sg.role != 3 || sg.cue >= 0 {
			continue
		}
		sg.cue = nearest(sg, false)
		if !quoted(p, *sg) {
			continue
		}
		for _, c := range cues {
			if quotedCue[c] && beside(sg, c) && (!quotedCue[sg.cue] || dist(sg, c) < dist(sg, sg.cue)) {
				sg.cue = c
			}
		}
	}
	var out []onrecord.Attribution
	sourceOf := map[int]segment{} // the source each cue got, for a later cue to share
	for _, c := range cues {
		var content, source []segment
		for _, sg := range segs {
			if sg.cue != c {
				continue
			}
			if sg.role == 3 {
				content = append(content, sg)
			} else if sg.role == 1 {
				source = append(source, sg)
			}
		}
		if len(content) == 0 {
			continue
		}
		content = dropStray(p, content)
		content = nearSentences(content, segs[c], sentOf, off)
		trimLeads(p, content)
		if len(source) > 1 { // one source per cue: prefer the tree, then the nearest
			sort.SliceStable(source, func(x, y int) bool {
				if source[x].link != source[y].link {
					return source[x].link
				}
				return dist(&source[x], c) < dist(&source[y], c)
			})
			source = source[:1]
		}
		if len(source) == 0 {
			if sg, ok := treeSource(d, segs, c, f); ok {
				source = append(source, sg)
			} else if sg, ok := afterQuote(d, p, segs, c); ok {
				source = append(source, sg)
			} else if sg, ok := shared(d, segs, cues, c, sourceOf); ok {
				source = append(source, sg)
			}
		}
		if len(source) > 0 {
			sourceOf[c] = source[0]
		}
		content = aside(d, p, segs, c, content, source)
		content = quotesOn(d, p, segs, c, content, sentOf)
		out = append(out, build(d, f, p, content, []segment{segs[c]}, source))
	}
	// A content with no cue anywhere near is kept only when it is a whole
	// quotation opening its sentence (a quote standing alone in its
	// paragraph, or one the paragraph leaves open for the next to carry
	// on); a stray unquoted clause is far more often a tagging slip than an
	// attribution, and a quoted phrase inside a sentence a scare quote.
	for _, sg := range segs {
		if sg.role == 3 && sg.cue < 0 && sg.a == int(d.Sents[sg.sent].Start) {
			if at := build(d, f, p, []segment{sg}, nil, nil); at.Kind == onrecord.Direct {
				out = append(out, at)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Content[0].Start < out[j].Content[0].Start })
	return out
}

// build makes an attribution from token segments, joining touching parts.
// Its confidence grows with the mean label margin of its content and cue,
// reaching 0.5 at the median margin seen in training; it ranks
// attributions but is not a calibrated probability.
func build(d *onrecord.Document, f *featurizer, p *para, content, cue, source []segment) onrecord.Attribution {
	at := onrecord.Attribution{
		Content: spans(d, content),
		Cue:     spans(d, cue),
		Source:  spans(d, source),
	}
	var conf float64
	for _, s := range content {
		conf += s.conf
	}
	for _, s := range cue {
		conf += s.conf
	}
	conf = max(conf/float64(len(content)+len(cue)), 0)
	at.Confidence = math.Round(conf/(conf+float64(max(f.m.mid, 1e-6)))*1000) / 1000
	at.Kind = brat.KindOf(f.runes, at.Content)
	if at.Kind == onrecord.Mixed && openEnded(p, content) || p.single && at.Kind != onrecord.Direct && singleQuote(p, content) {
		at.Kind = onrecord.Direct
	}
	return at
}

// openEnded tells whether content (sorted) is a quotation from its opening
// mark that the paragraph leaves open: news style ends it with the
// paragraph, or carries it on in the next, so it is a direct quote.
func openEnded(p *para, content []segment) bool {
	last := content[len(content)-1]
	o := p.open()
	return p.state(content[0].a) == qOpen && o >= last.a && last.b >= p.b-1
}

func spans(d *onrecord.Document, segs []segment) []onrecord.Span {
	if len(segs) == 0 {
		return nil
	}
	sort.Slice(segs, func(i, j int) bool { return segs[i].a < segs[j].a })
	var out []onrecord.Span
	for _, s := range segs {
		sp := onrecord.Span{Start: int(d.Tokens[s.a].Start), End: int(d.Tokens[s.b-1].End)}
		if n := len(out); n > 0 && strings.TrimSpace(d.Slice(onrecord.Span{Start: out[n-1].End, End: sp.Start})) == "" {
			out[n-1].End = sp.End
			continue
		}
		out = append(out, sp)
	}
	return out
}
