package attrib

import (
	"slices"
	"strings"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
)

// Cues that the model, trained on political news, misses in news of other
// desks, read from the sentence's layout.

// accordingTo finds, in paragraph p, each sentence that opens with
// "According to X," and reports an unquoted clause after the comma that
// no attribution the model found overlaps: the cue, its source X and the
// clause (without the final period, and up to ", but") are an
// attribution. Wire copy and
// encyclopedic news open sentences so far more than the training data.
func accordingTo(d *onrecord.Document, p *para, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	for si := range d.Sents {
		a, b := int(d.Sents[si].Start), int(d.Sents[si].End)
		if a < p.a || b > p.b {
			continue
		}
		if b-a < 7 || f.words[a] != "according" || f.words[a+1] != "to" {
			continue
		}
		comma := a + 3
		for comma < b && comma-a <= 16 && d.Word(comma) != "," {
			comma++
		}
		end := b
		for end > comma && strings.Contains(".!?", d.Word(end-1)) {
			end--
		}
		// ", but …" after the clause is the story's own comment.
		for i := comma + 1; i+1 < end; i++ {
			if d.Word(i) == "," && f.words[i+1] == "but" {
				end = i
			}
		}
		if comma >= b || d.Word(comma) != "," || end-comma < 4 || !clause(d, p, comma+1, end) {
			continue
		}
		at := onrecord.Attribution{Content: spanOf(d, comma+1, end), Cue: spanOf(d, a, a+2), Source: spanOf(d, a+2, comma)}
		if overlapsAny(atts, at.Content[0]) {
			continue
		}
		at.Kind, at.Confidence = brat.KindOf(f.runes, at.Content), 0.5
		atts = insert(atts, at)
	}
	return atts
}

// insert adds at to atts, which are in the order of their contents.
func insert(atts []onrecord.Attribution, at onrecord.Attribution) []onrecord.Attribution {
	k := len(atts)
	for k > 0 && atts[k-1].Content[0].Start > at.Content[0].Start {
		k--
	}
	return slices.Insert(atts, k, at)
}

// clause tells whether tokens [a, b) of paragraph p hold a finite verb
// and stand outside quotations: an unquoted reported clause.
func clause(d *onrecord.Document, p *para, a, b int) bool {
	if !outside(p, a, b) {
		return false
	}
	verb := false
	for i := a; i < b; i++ {
		switch d.Tokens[i].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			verb = true
		}
	}
	return verb
}

// overlapsAny tells whether some attribution's content overlaps s.
func overlapsAny(atts []onrecord.Attribution, s onrecord.Span) bool {
	for _, o := range atts {
		for _, c := range o.Content {
			if c.Start < s.End && s.Start < c.End {
				return true
			}
		}
	}
	return false
}

// parenthetical finds, in paragraph p, each sentence that a short source
// and a speech verb interrupt between commas, "X, she said, Y" or "X, Jane
// Roe says, Y", when no attribution the model found overlaps it: X and Y
// (without the final period) are the content, in two parts. The model
// reads a cue before or after its content, rarely inside it.
func parenthetical(d *onrecord.Document, p *para, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	for si := range d.Sents {
		a, b := int(d.Sents[si].Start), int(d.Sents[si].End)
		if a < p.a || b > p.b {
			continue
		}
		end := b
		for end > a && strings.Contains(".!?", d.Word(end-1)) {
			end--
		}
		for c := a + 1; c+3 < end; c++ {
			if d.Word(c) != "," {
				continue
			}
			v := c + 1
			for v < end && v-c <= 5 && sourceTag(d.Tokens[v].Tag) {
				v++
			}
			if v == c+1 || v+2 >= end || f.cue[v] < cueLike || d.Word(v+1) != "," {
				continue
			}
			switch d.Tokens[v].Tag {
			case "VBD", "VBZ", "VBP":
			default:
				continue
			}
			if !clause(d, p, a, c) && !clause(d, p, v+2, end) || !outside(p, a, end) {
				break
			}
			at := onrecord.Attribution{Content: append(spanOf(d, a, c), spanOf(d, v+2, end)...), Cue: spanOf(d, v, v+1), Source: spanOf(d, c+1, v)}
			if overlapsAny(atts, at.Content[0]) || overlapsAny(atts, at.Content[1]) {
				break
			}
			at.Kind, at.Confidence = brat.KindOf(f.runes, at.Content), 0.5
			atts = insert(atts, at)
			break
		}
	}
	return atts
}

// sourceTag tells whether a word of this tag may be part of a short source:
// a pronoun or a noun phrase without a verb.
func sourceTag(t string) bool {
	switch t {
	case "PRP", "NNP", "NNPS", "NN", "NNS", "DT", "JJ", "POS":
		return true
	}
	return false
}

// outside tells whether tokens [a, b) of paragraph p stand outside
// quotations.
func outside(p *para, a, b int) bool {
	for i := a; i < b; i++ {
		if p.state(i) != qOut {
			return false
		}
	}
	return true
}
