package attrib

import (
	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
)

// Joining across paragraphs: a quotation that news style carries on in
// the next paragraph is one attribution.

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

// splitQuotations parts a content where one quotation closes and the next
// opens with nothing but space between ('"…." "…."'): a speaker's
// quotations side by side are parts of one attribution, as a quotation
// carried on into the next paragraph is (join), and news gold writes each
// as its own. The characters covered are the same, less the space.
func splitQuotations(d *onrecord.Document, p *para, atts []onrecord.Attribution) []onrecord.Attribution {
	for k := range atts {
		at := &atts[k]
		var parts []onrecord.Span // nil until a content is parted
		for j, c := range at.Content {
			for i := p.a; i+1 < p.b; i++ {
				cl, op := d.Tokens[i], d.Tokens[i+1]
				if p.state(i) != qClose || p.state(i+1) != qOpen || int(cl.Start) <= c.Start || int(op.End) >= c.End {
					continue
				}
				if parts == nil {
					parts = append(parts, at.Content[:j]...)
				}
				parts = append(parts, onrecord.Span{Start: c.Start, End: int(cl.End)})
				c.Start = int(op.Start)
			}
			if parts != nil {
				parts = append(parts, c)
			}
		}
		if parts != nil {
			at.Content = parts
		}
	}
	return atts
}
