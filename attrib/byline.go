package attrib

import (
	"unicode"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
)

// bylineQuote recognises a paragraph, tokens [a, b), that is one quotation
// signed after a dash, "“…” ― Sonya Herridge", as reader comments and
// epigraphs are set: the quotation is the content, the dash the cue and the
// name the source. The model, which reads quotations through their cue
// verbs, finds neither the cue nor the source there. Attributions it found
// inside the quotation give way, since only the outermost of nested
// attributions counts.
func bylineQuote(d *onrecord.Document, a, b int, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	// A paragraph may open with a closing mark typed for an opening one.
	if b-a < 4 || !isOpening(d.Word(a)) && !isClosing(d.Word(a)) {
		return atts
	}
	end := b
	if d.Word(end-1) == "." {
		end--
	}
	dash := end - 1
	for dash > a && end-dash <= 5 && capitalised(d.Word(dash)) {
		dash--
	}
	if dash == end-1 || dash-1 <= a || !isDash(d.Word(dash)) || !isClosing(d.Word(dash-1)) {
		return atts
	}
	tok := func(i, j int) []onrecord.Span {
		return []onrecord.Span{{Start: int(d.Tokens[i].Start), End: int(d.Tokens[j-1].End)}}
	}
	at := onrecord.Attribution{Content: tok(a, dash), Cue: tok(dash, dash+1), Source: tok(dash+1, end), Confidence: 0.5}
	at.Kind = brat.KindOf(f.runes, at.Content)
	lo, hi := at.Content[0].Start, at.Content[0].End
	out := make([]onrecord.Attribution, 0, len(atts)+1)
	for _, o := range atts {
		if o.Content[0].Start >= lo && o.Content[len(o.Content)-1].End <= hi {
			// A quotation the model found without its signature is this
			// one: keep its confidence.
			at.Confidence = max(at.Confidence, o.Confidence)
			continue
		}
		out = append(out, o)
	}
	return append(out, at)
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isDash(w string) bool {
	return w == "\u2015" || w == "\u2014" || w == "\u2013" || w == "--"
}

func isClosing(w string) bool { return w == "\"" || w == "\u201d" }
