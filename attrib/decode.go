package attrib

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
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
	if len(d.Sents) == 0 {
		return
	}
	s := m.scratch()
	defer m.pool.Put(s)
	s.prepare(d)
	open := -1 // the opening mark of a quotation the previous paragraph left open
	prev := -1 // the previous paragraph's first token
	us := units(d)
	single := singleStyle(d, us, s)
	for _, u := range us {
		a, b := m.tagUnit(s, d, u)
		s.dq = quotations(d, a, b, s.dq, single)
		p := &para{d: d, a: a, b: b, dq: s.dq, single: single}
		atts := group(d, p, s.labels[:b-a], s.score, s.sentOf, &s.featurizer)
		atts = bylineQuote(d, a, b, atts, &s.featurizer)
		atts = transcriptTurn(d, a, b, atts, &s.featurizer)
		atts = headlineClaim(d, a, b, atts, &s.featurizer)
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
}

// Double-quotation state of a token: outside, inside, or the mark that
// opens or closes the quotation.
const (
	qOut int8 = iota
	qIn
	qOpen
	qClose
)

// quotations fills dq with the double-quotation state of tokens [a, b), one
// paragraph. A mark that touches the word before it and not the one after
// closes, and the other way round opens, whatever its shape (“…“ is a
// common slip); otherwise curly marks open and close as drawn and straight
// ones toggle. Single marks inside a quotation (nested quotes,
// apostrophes) leave it open.
// In a document of single-mark style the single marks are the quotations
// and double ones nest inside them (singleQuotations).
func quotations(d *onrecord.Document, a, b int, dq []int8, single bool) []int8 {
	if single {
		return singleQuotations(d, a, b, dq)
	}
	dq = resize(dq, b-a)
	open := false
	for i := a; i < b; i++ {
		w := doubleMark(d.Word(i))
		curly := w == "\u201c" || w == "\u201d"
		if !curly && w != "\"" && w != "''" && w != "``" {
			dq[i-a] = qOut
			if open {
				dq[i-a] = qIn
			}
			continue
		}
		left := i > a && d.Tokens[i].BStart == d.Tokens[i-1].BEnd
		right := i+1 < b && d.Tokens[i].BEnd == d.Tokens[i+1].BStart
		switch {
		case left && !right:
			open = false
		case right && !left:
			open = true
		case curly || w == "``":
			open = w != "\u201d"
		default:
			open = !open
		}
		dq[i-a] = qClose
		if open {
			dq[i-a] = qOpen
		}
	}
	return dq
}

// doubleMark returns the double mark of a token of quotation marks alone,
// as a cluster closing a nested quote ("’”") is tokenized, or w itself.
func doubleMark(w string) string {
	if len(w) <= 2 || w[0] != '"' && w[0] != '\'' && w[0] != 0xe2 || strings.Trim(w, "\"'\u2018\u2019\u201c\u201d") != "" {
		return w
	}
	if i := strings.IndexAny(w, "\"\u201c\u201d"); i >= 0 {
		_, n := utf8.DecodeRuneInString(w[i:])
		return w[i : i+n]
	}
	return w
}

// para is the paragraph being decoded, tokens [a, b), with the
// double-quotation state of each.
type para struct {
	d      *onrecord.Document
	a, b   int
	dq     []int8
	single bool // quotations are in single marks (singleStyle)
}

func (p *para) state(i int) int8 { return p.dq[i-p.a] }

// inQuote tells whether token i lies inside a quotation or opens one.
func (p *para) inQuote(i int) bool { s := p.state(i); return s == qIn || s == qOpen }

// opening returns the opening mark of the quotation that token i lies in,
// opens or closes, or -1 when i stands outside quotations.
func (p *para) opening(i int) int {
	if p.state(i) == qClose {
		i--
	}
	for ; i >= p.a; i-- {
		switch p.state(i) {
		case qOpen:
			return i
		case qOut, qClose:
			return -1
		}
	}
	return -1
}

// open returns the opening mark of the quotation left open at the end of
// the paragraph, or -1: news style leaves it open when the next paragraph
// carries the quotation on, or when the quotation ends with the paragraph.
func (p *para) open() int {
	if !p.inQuote(p.b - 1) {
		return -1
	}
	return p.opening(p.b - 1)
}

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

// shared returns the source of the last cue before cue c in its sentence
// that has one when c is a verb joined to that cue's clause by a comma or
// a conjunction, with no subject of its own: "Roe said …, adding …", "Roe
// says … and said …" report the same speaker.
func shared(d *onrecord.Document, segs []segment, cues []int, c int, sourceOf map[int]segment) (segment, bool) {
	cue := segs[c]
	if cue.a == int(d.Sents[cue.sent].Start) || !strings.HasPrefix(d.Tokens[cue.a].Tag, "VB") {
		return segment{}, false
	}
	switch strings.ToLower(d.Word(cue.a - 1)) {
	case ",", "and", "but":
	default:
		return segment{}, false
	}
	for i := int(d.Sents[cue.sent].Start); i < int(d.Sents[cue.sent].End); i++ {
		if h := int(d.Tokens[i].Head); h >= cue.a && h < cue.b && d.Tokens[i].Dep == "nsubj" {
			return segment{}, false
		}
	}
	for k := len(cues) - 1; k >= 0; k-- {
		p := cues[k]
		if segs[p].a >= cue.a || segs[p].sent != cue.sent {
			continue
		}
		if sg, ok := sourceOf[p]; ok {
			sg.cue, sg.link = c, false
			return sg, true
		}
	}
	return segment{}, false
}

// opensNext returns the cue that opens the sentence after source sg when
// sg ends its own sentence, or -1: the splitter ends a sentence at the
// period of an abbreviation closing the source ("Rep. Jane Roe (D-Wis.)",
// "John Roe Jr.") and leaves the cue to open the next one.
func opensNext(d *onrecord.Document, segs []segment, cues []int, sg *segment) int {
	if sg.sent+1 >= len(d.Sents) {
		return -1
	}
	for i := sg.b; i < int(d.Sents[sg.sent].End); i++ {
		if w := d.Word(i); w != "." && w != ")" {
			return -1
		}
	}
	start := int(d.Sents[sg.sent+1].Start)
	for _, c := range cues {
		if segs[c].sent == sg.sent+1 && segs[c].a-start <= 2 {
			return c
		}
	}
	return -1
}

// dropFragments drops the source segments that cannot be a source: a
// time of day ("3:25 p.m." opening a live-blog entry) or a whole relative
// clause ("who was shot at ..."), where a source is at most the relative
// pronoun. A cue left without its source finds one in the parse.
func dropFragments(d *onrecord.Document, segs []segment) []segment {
	out := segs[:0]
	for _, sg := range segs {
		if sg.role == 1 && (clockTime(d, sg.a, sg.b) || sg.b-sg.a > 1 && (d.Tokens[sg.a].Tag == "WP" || d.Tokens[sg.a].Tag == "WDT")) {
			continue
		}
		out = append(out, sg)
	}
	return out
}

// clockTime tells whether tokens [lo, hi) hold a time of day, "11:05".
func clockTime(d *onrecord.Document, lo, hi int) bool {
	for i := lo; i < hi; i++ {
		w := d.Word(i)
		if k := strings.IndexByte(w, ':'); k > 0 && k < len(w)-1 && digits(w[:k]) && digits(w[k+1:]) {
			return true
		}
	}
	return false
}

func digits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// joinQuoted joins content segments whose gap lies wholly inside one
// quotation: the tagger, misled by a nested quote or an apostrophe, may
// break a quotation in two, but it is one content.
func joinQuoted(segs []segment, p *para) []segment {
	out := segs[:0]
	for _, sg := range segs {
		if n := len(out); n > 0 && sg.role == 3 && out[n-1].role == 3 && inside(p, out[n-1].b, sg.a) {
			prev := &out[n-1]
			la, lb := float64(prev.b-prev.a), float64(sg.b-sg.a)
			prev.conf = (prev.conf*la + sg.conf*lb) / (la + lb)
			prev.b = sg.b
			continue
		}
		out = append(out, sg)
	}
	return out
}

// wholeQuote stretches content segment k, when it opens a quotation and
// stops inside it, to the quotation's closing mark (or the paragraph's end,
// where the quotation is left open) over tokens no other segment holds: a
// quotation is reported whole.
func wholeQuote(segs []segment, k int, p *para) {
	sg := &segs[k]
	if p.state(sg.a) != qOpen || !p.inQuote(sg.b-1) {
		return
	}
	end := sg.b
	for end < p.b && p.state(end) == qIn {
		end++
	}
	switch {
	case end < p.b && p.state(end) == qClose:
		end++
	case end < p.b:
		return
	}
	for i, o := range segs {
		if i != k && o.a < end && sg.b < o.b {
			return
		}
	}
	sg.b = end
}

// quoteTail ends a content segment that opens with a quotation at the
// closing mark of its last quotation when that quotation ends a sentence or
// clause (,” .” ?” !”) and only unquoted words follow: those are the
// attribution's own words ("“…,” Jane Roe, the coach, told") or the story's.
func quoteTail(sg *segment, p *para) {
	if p.state(sg.a) != qOpen {
		return
	}
	k := sg.b - 1
	for k > sg.a && p.state(k) == qOut {
		k--
	}
	if k == sg.b-1 || p.state(k) != qClose || !strings.Contains(",.?!", p.d.Word(k-1)) {
		return
	}
	sg.b = k + 1
}

// inside tells whether tokens [i, j) lie inside the quotation that token
// i-1 lies in or opens, which goes on at token j: no mark among them.
func inside(p *para, i, j int) bool {
	if i == p.a || !p.inQuote(i-1) || j == p.b || p.state(j) != qIn && p.state(j) != qClose {
		return false
	}
	for k := i; k < j; k++ {
		if p.state(k) != qIn {
			return false
		}
	}
	return true
}

// trimLeads starts each later part of a quotation's content at the opening
// mark of the quotation it ends in, when words outside quotations lead it:
// those belong to the cue or the source ("said on Fox News, “…”").
func trimLeads(p *para, content []segment) {
	if p.state(content[0].a) != qOpen {
		return
	}
	for k := 1; k < len(content); k++ {
		sg := &content[k]
		o := p.opening(sg.b - 1)
		if o <= sg.a {
			continue
		}
		// A finite verb in the lead makes it a reported clause ending in a
		// quote, 'that she would talk "in a few weeks"', and a conjunction
		// alone joins the quotation ('but "…"'): both are kept whole.
		out := false
		for i := sg.a; i < o; i++ {
			switch t := p.d.Tokens[i].Tag; {
			case p.state(i) != qOut:
			case t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD":
				out = false
				i = o
			case t != "CC":
				out = true
			}
		}
		if out {
			sg.a = o
		}
	}
}

// snapQuote stretches a content that nearly fills a quotation to its marks:
// direct quotes keep their quotation marks.
func snapQuote(sg *segment, quote []int8, lo, hi int) {
	a, b := sg.a, sg.b-1
	if quote[a] == 1 {
		for j := a - 1; j >= lo && j >= sg.a-2; j-- {
			if quote[j] == 2 {
				sg.a = j
				break
			}
			if quote[j] != 1 {
				break
			}
		}
	}
	if quote[b] == 1 || (b > sg.a && quote[b] == 0 && quote[b-1] == 1) {
		for j := b + 1; j < hi && j <= b+2; j++ {
			if quote[j] == 2 {
				sg.b = j + 1
				break
			}
			if quote[j] != 1 && quote[j] != 0 {
				break
			}
		}
	}
}

// snapTree widens an unquoted content to the whole subtree of its head
// when that subtree stays in the sentence and takes no other segment's
// tokens: a clause is reported whole.
func snapTree(d *onrecord.Document, segs []segment, k int, f *featurizer) {
	sg := &segs[k]
	head := -1
	for i := sg.a; i < sg.b; i++ {
		if f.quote[i] != 0 {
			return
		}
		h := int(d.Tokens[i].Head)
		if h < sg.a || h >= sg.b {
			if head >= 0 {
				return
			}
			head = i
		}
	}
	if head < 0 {
		return
	}
	lo, hi := int(f.lo[head]), int(f.hi[head])+1
	for i, o := range segs {
		if i != k && o.a < hi && lo < o.b {
			return
		}
	}
	sent := d.Sents[sg.sent]
	if lo < int(sent.Start) || hi > int(sent.End) {
		return
	}
	for hi > lo+1 && strings.Contains(".,;:", d.Word(hi-1)) {
		hi--
	}
	for i := lo; i < hi; i++ {
		if f.quote[i] != 0 {
			return
		}
	}
	sg.a, sg.b = min(sg.a, lo), max(sg.b, hi)
}

// treeSource finds the source of a cue the tagger left without one in the
// parse, trying in turn: the noun that "according to" introduces, the
// subject of the cue verb, the agent of a passive one, the possessor of a
// noun cue, the subject of the verb a participle or infinitive cue hangs
// from ("Looking ahead, Ham explained"), the noun a participle cue modifies ("a statement
// announcing"), the first subject after a participle opening the
// sentence, and a name labelled with its party in the sentence before. A
// candidate inside a content or cue is passed over for the next.
func treeSource(d *onrecord.Document, segs []segment, c int, f *featurizer) (segment, bool) {
	cue := segs[c]
	sent := d.Sents[cue.sent]
	outside := func(j int) bool { return j < cue.a || j >= cue.b }
	// subject returns the tokens [lo, hi) of h's subject outside the cue
	// (lo < 0: none), joining a subject the parser split in two adjacent
	// ones ("the" and "former" of "the former took"). A time of day the
	// parser took for a subject ("3:25 p.m. Jane Roe is defending") is
	// passed over.
	subject := func(h int, passive bool) (lo, hi int) {
		lo = -1
		for j := int(sent.Start); j < int(sent.End); j++ {
			if dep := d.Tokens[j].Dep; int(d.Tokens[j].Head) == h && outside(j) && (dep == "nsubj" || passive && dep == "nsubjpass") && !clockTime(d, int(f.lo[j]), int(f.hi[j])+1) {
				switch {
				case lo < 0:
					lo, hi = caseless(d, f, j), int(f.hi[j])+1
				case int(f.lo[j]) == hi:
					hi = int(f.hi[j]) + 1
				}
			}
		}
		return lo, hi
	}
	subtree := func(j int) (segment, bool) {
		return sourceAt(d, segs, c, int(f.lo[j]), int(f.hi[j])+1, int(sent.Start))
	}
	for i := cue.a; i < cue.b; i++ {
		if t := &d.Tokens[i]; t.Dep == "case" && t.Head >= 0 && outside(int(t.Head)) {
			if sg, ok := subtree(int(t.Head)); ok {
				return sg, true
			}
			break
		}
	}
	for i := cue.a; i < cue.b; i++ {
		if lo, hi := subject(i, false); lo >= 0 {
			if sg, ok := sourceAt(d, segs, c, lo, hi, int(sent.Start)); ok {
				return sg, true
			}
		}
	}
	// The speaker after a verb inverted behind a quotation, "“…!” shouted
	// Jane Roe": the splitter ends the sentence at "!”" and the parser,
	// seeing no subject, takes the speaker for the verb's object.
	if cue.a == int(sent.Start) && cue.a > 1 && isClosing(d.Word(cue.a-1)) && strings.Contains("?!", d.Word(cue.a-2)) && strings.HasPrefix(d.Tokens[cue.a].Tag, "VB") {
		for j := cue.b; j < int(sent.End); j++ {
			if h := int(d.Tokens[j].Head); h >= cue.a && h < cue.b && int(f.lo[j]) == cue.b && d.Tokens[j].Dep == "dobj" {
				if sg, ok := subtree(j); ok {
					return sg, true
				}
			}
		}
	}
	// A passive cue's agent, without its "by": "was passed by Congress".
	for j := int(sent.Start); j < int(sent.End); j++ {
		if h := int(d.Tokens[j].Head); h >= cue.a && h < cue.b && outside(j) && strings.HasPrefix(d.Tokens[j].Dep, "nmod") && hasBy(d, j) {
			if sg, ok := sourceAt(d, segs, c, caseless(d, f, j), int(f.hi[j])+1, int(sent.Start)); ok {
				return sg, true
			}
		}
	}
	// A noun cue's possessor: "the agency's estimate of".
	for j := int(sent.Start); j < int(sent.End); j++ {
		if h := int(d.Tokens[j].Head); h >= cue.a && h < cue.b && outside(j) && d.Tokens[j].Dep == "nmod:poss" && strings.HasPrefix(d.Tokens[h].Tag, "NN") {
			if sg, ok := subtree(j); ok {
				return sg, true
			}
		}
	}
	// From the cue's word that hangs outside it, climb at most three
	// clausal links to a verb with a subject that is not part of a content
	// or cue ("He concluded by adding ..."), passive or not ("He was
	// tethered to a teleprompter, delivering ...").
	top := -1
	for i := cue.a; i < cue.b && top < 0; i++ {
		if h := int(d.Tokens[i].Head); h < 0 || outside(h) {
			top = i
		}
	}
	for j, steps := top, 0; j >= 0 && steps < 3; steps++ {
		h := int(d.Tokens[j].Head)
		switch d.Tokens[j].Dep {
		case "advcl", "xcomp", "conj", "dep":
		default:
			h = -1
		}
		if h < 0 {
			break
		}
		if lo, hi := subject(h, true); lo >= 0 {
			if sg, ok := sourceAt(d, segs, c, lo, hi, int(sent.Start)); ok {
				return sg, true
			}
		}
		j = h
	}
	// The noun up to its head word, without its case marker or the
	// participle clause itself ("footage of Hillary Clinton asking"); not
	// the noun a gerund complements ("the purpose of forwarding").
	if top >= 0 && d.Tokens[top].Dep == "acl" && d.Tokens[top].Tag == "VBG" && !marked(d, top) {
		if h := int(d.Tokens[top].Head); h >= 0 && h < top && strings.HasPrefix(d.Tokens[h].Tag, "NN") {
			if sg, ok := sourceAt(d, segs, c, caseless(d, f, h), h+1, int(sent.Start)); ok {
				return sg, true
			}
		}
	}
	// A participle opening the sentence shares the subject of the main
	// clause, even when the parser misses the clause: "Calling it a
	// flawed industry he added, ...".
	if cue.a == int(sent.Start) && d.Tokens[cue.a].Tag == "VBG" {
		for j := cue.b; j < int(sent.End); j++ {
			if d.Tokens[j].Dep == "nsubj" {
				if sg, ok := subtree(j); ok {
					return sg, true
				}
			}
		}
	}
	if j := labelledName(d, cue.sent, cue.a); j >= 0 {
		return sourceAt(d, segs, c, nameStart(d, f, j), int(f.hi[j])+1, int(d.Sents[cue.sent-1].Start))
	}
	return segment{}, false
}

// marked tells whether verb v has a preposition or subordinator of its
// own, as a gerund complement has ("of forwarding").
func marked(d *onrecord.Document, v int) bool {
	return v > 0 && int(d.Tokens[v-1].Head) == v && (d.Tokens[v-1].Dep == "mark" || d.Tokens[v-1].Dep == "case")
}

// afterQuote returns the words between a quotation's closing mark and the
// cue that follows it, "“…,” Jane Roe, the coach, told", which the parser,
// led astray by the quotation, may hang anywhere. They must hold a noun or
// pronoun, stay outside quotations and lie within the cue's sentence.
func afterQuote(d *onrecord.Document, p *para, segs []segment, c int) (segment, bool) {
	cue := segs[c]
	start := max(int(d.Sents[cue.sent].Start), p.a)
	k := cue.a - 1
	for k > start && cue.a-k <= 30 && p.state(k) == qOut {
		k--
	}
	if k <= start || k == cue.a-1 || p.state(k) != qClose || !strings.Contains(",?!", d.Word(k-1)) {
		return segment{}, false
	}
	noun := false
	for i := k + 1; i < cue.a; i++ {
		if t := d.Tokens[i].Tag; strings.HasPrefix(t, "NN") || t == "PRP" {
			noun = true
		}
	}
	if !noun {
		return segment{}, false
	}
	return sourceAt(d, segs, c, k+1, cue.a, start)
}

// caseless returns the first token of j's subtree after its case markers.
func caseless(d *onrecord.Document, f *featurizer, j int) int {
	lo := int(f.lo[j])
	for lo < j && d.Tokens[lo].Dep == "case" {
		lo++
	}
	return lo
}

// nameStart returns the first token of name j's subtree after the
// adverbs, conjunctions and punctuation that lead it: a verbless fragment
// ("However, Rep. Stephen Lynch (D-Mass.)") may be parsed with them
// hanging from the name.
func nameStart(d *onrecord.Document, f *featurizer, j int) int {
	lo := int(f.lo[j])
	for lo < j && int(d.Tokens[lo].Head) == j {
		switch d.Tokens[lo].Dep {
		case "advmod", "punct", "cc", "discourse":
			lo = int(f.hi[lo]) + 1
		default:
			return lo
		}
	}
	return min(lo, j)
}

// hasBy tells whether token j has the case marker "by".
func hasBy(d *onrecord.Document, j int) bool {
	for i := j - 1; i >= 0 && i >= j-4; i-- {
		if int(d.Tokens[i].Head) == j && d.Tokens[i].Dep == "case" && strings.EqualFold(d.Word(i), "by") {
			return true
		}
	}
	return false
}

// sourceAt makes the source of cue c from tokens [lo, hi), which must lie
// in [first, end of the cue's sentence) and hold no content or cue token.
func sourceAt(d *onrecord.Document, segs []segment, c, lo, hi, first int) (segment, bool) {
	cue := segs[c]
	sent := d.Sents[cue.sent]
	if lo < cue.b && cue.a < hi { // "according to X": keep what follows the cue
		lo = max(lo, cue.b)
	}
	if lo >= hi || lo < first || hi > int(sent.End) {
		return segment{}, false
	}
	// The subject may already be another cue's source ("X called for Y,
	// saying Z"): the two attributions share it, as PolNeAR annotates. A
	// token of a content or cue is never a source.
	for _, o := range segs {
		if o.a < hi && lo < o.b {
			if o.role != 1 {
				return segment{}, false
			}
			lo, hi = o.a, o.b
		}
	}
	return segment{role: 1, a: lo, b: hi, sent: cue.sent, cue: c, link: true}, true
}

// labelledName returns the name ending the sentence before sentence k
// when that sentence has no verb and ends with a party-state label,
// "However, Sen. Claire McCaskill (D-Mo.)", where the splitter, like
// CoreNLP, ends it at the label's period, and sentence k opens with the cue
// at token cue: the name is the cue's subject. Otherwise it returns -1.
func labelledName(d *onrecord.Document, k, cue int) int {
	if k == 0 || k >= len(d.Sents) || cue-int(d.Sents[k].Start) > 2 {
		return -1
	}
	prev := d.Sents[k-1]
	if prev.End-prev.Start < 4 || d.Word(int(prev.End-1)) != ")" {
		return -1
	}
	open := -1
	for i := int(prev.Start); i < int(prev.End); i++ {
		switch {
		case strings.HasPrefix(d.Tokens[i].Tag, "VB"):
			return -1
		case d.Word(i) == "(":
			open = i
		}
	}
	if open <= int(prev.Start) || !strings.HasPrefix(d.Tokens[open-1].Tag, "NNP") {
		return -1
	}
	if w := d.Word(open + 1); len(w) < 3 || w[1] != '-' || !strings.ContainsRune("RDI", rune(w[0])) {
		return -1
	}
	return open - 1
}

// nearSentences keeps, of content parts (in order) that fall into runs of
// sentences apart, the run nearest cue, when the cue stands before or
// after them all: the far run is another attribution's, whose cue the
// tagger missed, far more often than the same one's going on. With the cue
// between them ("“…,” she said. “…”") all are kept.
func nearSentences(content []segment, cue segment, sentOf []int, off int) []segment {
	if len(content) < 2 || cue.a > content[0].a && cue.a < content[len(content)-1].a {
		return content
	}
	best, start := content, 0
	bd := 1 << 30
	for k := 1; k <= len(content); k++ {
		if k < len(content) && sentOf[content[k].a-off] == sentOf[content[k-1].b-1-off] {
			continue
		}
		run := content[start:k]
		dd := cue.a - run[len(run)-1].b
		if cue.a < run[0].a {
			dd = run[0].a - cue.b
		}
		if dd < bd {
			best, bd = run, dd
		}
		start = k
	}
	return best
}

// aside adds to content the words that open the sentence of cue c when
// the cue stands between commas inside the sentence, "X, she said, Y", and
// an unquoted content starts right after the second: PolNeAR annotates both
// X and Y. X must hold no segment but sources other than the cue's and more
// than adverbs and conjunctions ("However, she said, …").
func aside(d *onrecord.Document, p *para, segs []segment, c int, content, source []segment) []segment {
	cue, first := segs[c], content[0]
	start := int(d.Sents[cue.sent].Start)
	if first.a < cue.b || first.sent != cue.sent || first.a-cue.b > 5 || d.Word(first.a-1) != "," || p.state(first.a) != qOut {
		return content
	}
	open := -1
	for j := cue.a - 1; j > start && cue.a-j <= 8; j-- {
		if d.Word(j) == "," {
			open = j
			break
		}
	}
	if open < 0 {
		return content
	}
	for _, o := range segs {
		if o.a < open && start < o.b && o.role != 1 {
			return content
		}
	}
	for _, o := range source {
		if o.a < open && start < o.b {
			return content
		}
	}
	for j := start; j < open; j++ {
		switch t := d.Tokens[j].Tag; {
		case strings.HasPrefix(t, "RB"), t == "CC", t == "IN", t == "UH", t == ",":
		default:
			x := segment{role: 3, a: start, b: open, sent: cue.sent, cue: c, conf: first.conf}
			return append([]segment{x}, content...)
		}
	}
	return content
}

// quotesOn adds to content, which ends with a quotation after cue c, each
// sentence of the paragraph that follows it and is one quotation the
// tagger left unlabelled: "“…,” she said. “…”" is one speaker going on.
func quotesOn(d *onrecord.Document, p *para, segs []segment, c int, content []segment, sentOf []int) []segment {
	last := content[len(content)-1]
	ls := sentOf[last.b-1-p.a]
	if segs[c].sent > ls || p.state(last.b-1) != qClose {
		return content
	}
	for si := ls + 1; si < len(d.Sents) && int(d.Sents[si].End) <= p.b; si++ {
		a, b := int(d.Sents[si].Start), int(d.Sents[si].End)
		if p.state(b-1) != qClose { // a period after the closing mark
			b--
		}
		if b-a < 3 || p.state(a) != qOpen || p.state(b-1) != qClose || p.opening(b-1) != a {
			return content
		}
		for _, o := range segs {
			if o.a < b && a < o.b {
				return content
			}
		}
		content = append(content, segment{role: 3, a: a, b: b, sent: si, cue: c, conf: last.conf})
	}
	return content
}

// dropStray keeps only the quoted parts of a content that has both quoted
// and unquoted parts: a stray unquoted segment beside a quotation is far
// more often a tagging slip than a mixed attribution.
func dropStray(p *para, parts []segment) []segment {
	if len(parts) < 2 {
		return parts
	}
	var q []segment
	for _, sg := range parts {
		if quoted(p, sg) {
			q = append(q, sg)
		}
	}
	if len(q) == 0 {
		return parts
	}
	return q
}

// quoted tells whether a segment holds a quotation mark: a double one, or
// in a paragraph of single-mark style a single one that opens or closes.
func quoted(p *para, s segment) bool {
	if strings.ContainsAny(p.d.Text[p.d.Tokens[s.a].BStart:p.d.Tokens[s.b-1].BEnd], quoteMarks) {
		return true
	}
	for i := s.a; p.single && i < s.b; i++ {
		if st := p.state(i); st == qOpen || st == qClose {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
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

const quoteMarks = "\"\u201c\u201d"

// continues tells whether next, the first attribution of the paragraph
// starting at token start, carries on prev's quotation, which the paragraph
// before left open from its mark at token open (-1: none). News style
// leaves the closing mark out and opens the next paragraph with a fresh
// mark, with the cue in either paragraph or in neither; PolNeAR annotates
// the whole as one content.
func continues(d *onrecord.Document, prev, next *onrecord.Attribution, open, start int) bool {
	if open < 0 || start < 1 || prev.Cue != nil && next.Cue != nil {
		return false
	}
	// The next paragraph reopens the quotation with a mark of the same shape.
	if int(d.Tokens[start].Start) != next.Content[0].Start || d.Word(start) != d.Word(open) {
		return false
	}
	// prev's last part holds the open mark and runs to the paragraph's end
	// (a final period aside).
	pc := prev.Content[len(prev.Content)-1]
	return pc.Start <= int(d.Tokens[open].Start) && pc.End >= int(d.Tokens[max(start-2, 0)].End)
}

// goesOn tells whether next, a quotation with no cue that fills paragraph
// p and closes in it, carries on prev, a quotation with a cue in the
// paragraph before (starting at token before) opened with the same mark:
// "“…,” she said." then "“…”" is one speaker going on, and PolNeAR
// annotates one content.
func goesOn(d *onrecord.Document, prev, next *onrecord.Attribution, before int, p *para, runes []rune) bool {
	if before < 0 || next.Cue != nil || next.Kind != onrecord.Direct || prev.Cue == nil || prev.Kind != onrecord.Direct || p.open() >= 0 {
		return false
	}
	if runes[prev.Content[0].Start] != runes[next.Content[0].Start] {
		return false
	}
	nc := next.Content[len(next.Content)-1]
	return next.Content[0].Start == int(d.Tokens[p.a].Start) && nc.End >= int(d.Tokens[max(p.b-2, p.a)].End) &&
		prev.Content[len(prev.Content)-1].End > int(d.Tokens[before].Start)
}

// dangling tells whether at is a quotation with no cue that its paragraph
// left open from token open and the next did not carry on: alone it is far
// more often an excerpt or a block of transcript than a quote.
func dangling(d *onrecord.Document, at *onrecord.Attribution, open int) bool {
	pc, o := at.Content[len(at.Content)-1], int(d.Tokens[open].Start)
	return at.Cue == nil && pc.Start <= o && o < pc.End
}

// join makes next, which continues prev's quotation, part of prev; prev
// takes next's cue and source when it has none.
func join(prev, next *onrecord.Attribution, runes []rune) {
	direct := prev.Kind == onrecord.Direct && next.Kind == onrecord.Direct
	prev.Content = append(prev.Content, next.Content...)
	if prev.Cue == nil {
		prev.Cue, prev.Source, prev.Confidence = next.Cue, next.Source, next.Confidence
	}
	prev.Kind = brat.KindOf(runes, prev.Content)
	if direct {
		prev.Kind = onrecord.Direct
	}
}

func isOpening(w string) bool { return w == "\"" || w == "\u201c" }
