package attrib

import (
	"strings"

	"github.com/onrecord/onrecord"
)

// Content shaping: a content segment is stretched, trimmed or joined to
// the quotation or clause it reports.

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
// The paragraph's last sentence may open a quotation it leaves open, which
// the next paragraph goes on with ("“…,” she said. “…\n\n“…”").
func quotesOn(d *onrecord.Document, p *para, segs []segment, c int, content []segment, sentOf []int) []segment {
	last := content[len(content)-1]
	ls := sentOf[last.b-1-p.a]
	if segs[c].sent > ls || p.state(last.b-1) != qClose {
		return content
	}
	for si := ls + 1; si < len(d.Sents) && int(d.Sents[si].End) <= p.b; si++ {
		a, b := int(d.Sents[si].Start), int(d.Sents[si].End)
		leftOpen := b == p.b && b-a >= 3 && p.state(a) == qOpen && p.open() == a
		if p.state(b-1) != qClose && !leftOpen { // a period after the closing mark
			b--
		}
		if !leftOpen && (b-a < 3 || p.state(a) != qOpen || p.state(b-1) != qClose || p.opening(b-1) != a) {
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
