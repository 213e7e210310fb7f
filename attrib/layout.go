package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
)

// Attributions marked by layout rather than by a verb: quotations signed
// after a dash and transcript turns. The model, which reads attributions
// through their cues in running text, misses both.

// bylineQuote recognises a paragraph, tokens [a, b), that is one quotation
// signed after a dash, "“…” ― Sonya Herridge", as reader comments,
// epigraphs and captions are set: the quotation is the content, the dash the cue and the
// name the source. Attributions found inside the quotation give way.
func bylineQuote(d *onrecord.Document, a, b int, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	// A paragraph may open with a closing mark typed for an opening one.
	if b-a < 4 || !isOpening(d.Word(a)) && !isClosing(d.Word(a)) {
		return atts
	}
	end := b
	if d.Word(end-1) == "." {
		end--
	}
	// The signature is a name, perhaps with a description ("― Ellie
	// Shaw, captain"), and no verb.
	dash := end - 1
	for dash > a && end-dash <= 8 && !isDash(d.Word(dash)) {
		dash--
	}
	if dash-1 <= a || dash+1 >= end || !isDash(d.Word(dash)) || !isClosing(d.Word(dash-1)) || !capitalised(d.Word(dash+1)) {
		return atts
	}
	for i := dash + 1; i < end; i++ {
		if strings.HasPrefix(d.Tokens[i].Tag, "VB") {
			return atts
		}
	}
	at := onrecord.Attribution{Content: spanOf(d, a, dash), Cue: spanOf(d, dash, dash+1), Source: spanOf(d, dash+1, end)}
	at.Kind = brat.KindOf(f.runes, at.Content)
	return supersede(atts, at, at.Content[0].Start, at.Content[0].End)
}

// spanOf is the span of tokens [i, j) of d.
func spanOf(d *onrecord.Document, i, j int) []onrecord.Span {
	return []onrecord.Span{{Start: int(d.Tokens[i].Start), End: int(d.Tokens[j-1].End)}}
}

// supersede adds at to atts in place of the attributions whose content
// lies in [lo, hi): only the outermost of nested attributions counts. at
// takes the highest confidence among those, since a quotation the model
// found without its cue is the same one; otherwise 0.5, the confidence of
// an attribution of median margin.
func supersede(atts []onrecord.Attribution, at onrecord.Attribution, lo, hi int) []onrecord.Attribution {
	at.Confidence = 0.5
	out := make([]onrecord.Attribution, 0, len(atts)+1)
	for _, o := range atts {
		if o.Content[0].Start >= lo && o.Content[len(o.Content)-1].End <= hi {
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

// transcriptTurn recognises a paragraph, tokens [a, b), that is a turn of
// an interview transcript, "PENCE: Well, look, …": the capitalised label is
// the source, the colon the cue and the rest of the paragraph the content.
// The label must name a person of the document ("Mike Pence"), be tagged a
// person, or label several paragraphs, as speakers of a transcript do;
// that keeps out headline kickers. Attributions found inside the turn give
// way to it.
func transcriptTurn(d *onrecord.Document, a, b int, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	start := a
	if isOpening(d.Word(start)) {
		start++
	}
	colon := start
	for colon < b && colon-start < 4 && upperWord(d.Word(colon)) {
		colon++
	}
	if colon == start || colon+3 > b || d.Word(colon) != ":" || !isPerson(d, colon-1) {
		return atts
	}
	end := b
	if d.Word(end-1) == "." {
		end--
	}
	at := onrecord.Attribution{Content: spanOf(d, colon+1, end), Cue: spanOf(d, colon, colon+1), Source: spanOf(d, start, colon)}
	at.Kind = brat.KindOf(f.runes, at.Content)
	return supersede(atts, at, int(d.Tokens[a].Start), int(d.Tokens[b-1].End))
}

// upperWord reports whether w is a word in capitals, two letters or more.
func upperWord(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.' || r == '\'' || r == '-' || r == '\u2019':
		default:
			return false
		}
	}
	return n >= 2
}

// kickers are labels in capitals that open paragraphs without naming a
// speaker.
var kickers = map[string]bool{"UPDATE": true, "BREAKING": true, "EXCLUSIVE": true, "WATCH": true,
	"READ": true, "NOTE": true, "CORRECTION": true, "RELATED": true, "VIDEO": true, "PHOTOS": true, "ALSO": true,
	"BYLINE": true, "BOOM": true, "BUSTED": true, "BOMBSHELL": true}

// isPerson reports whether token i, a label in capitals, is tagged a
// person, is the surname of a person named elsewhere in d, or labels more
// than one turn ("JAKE TAPPER:" then "TAPPER:").
func isPerson(d *onrecord.Document, i int) bool {
	w := d.Word(i)
	if kickers[w] {
		return false
	}
	if d.Tokens[i].NER == "PERSON" {
		return true
	}
	if strings.Count(d.Text, w+":") > 1 {
		return true
	}
	for j := range d.Tokens {
		if j != i && d.Tokens[j].NER == "PERSON" && !upperWord(d.Word(j)) && strings.EqualFold(d.Word(j), w) {
			return true
		}
	}
	return false
}

// headlineClaim recognises a headline, the document's first paragraph,
// tokens [a, b), of the shape "Jane Roe: Taxes Will Rise": a short label
// before a colon names who made the claim after it, and the colon is the
// cue. The label is nouns alone, so that kickers ("Breaking:", "The
// Latest:") stay out; an adjective may open it ("Judicial Watch:") and a
// prepositional phrase close it ("Jane Roe on Taxes:", the source being
// the words before the preposition) when the tagger takes its head for a
// person or an organisation (a one-word label only when the story writes
// it again). A question is asked, not claimed.
// Attributions found inside the claim give way to it.
func headlineClaim(d *onrecord.Document, a, b int, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	if a != 0 {
		return atts
	}
	colon := a
	for colon < b && colon-a <= 6 && d.Word(colon) != ":" {
		colon++
	}
	end := b
	if d.Word(end-1) == "." {
		end--
	}
	if colon == a || colon+3 > end || d.Word(colon) != ":" || !capitalised(d.Word(a)) || d.Word(end-1) == "?" {
		return atts
	}
	src := colon // the source ends at the label's first preposition
	for i := a + 1; i < colon; i++ {
		if t := d.Tokens[i].Tag; t == "IN" || t == "TO" {
			src = i
			break
		}
	}
	ner := d.Tokens[src-1].NER
	named := ner == "PERSON" || ner == "ORGANIZATION"
	if src < colon && !(named && (src-a > 1 || namedAgain(d, b, d.Word(a)))) || src-a > 4 {
		return atts
	}
	for i := a; i < src; i++ {
		switch d.Tokens[i].Tag {
		case "NNP", "NNPS", "NN", "NNS", "POS":
		case "JJ":
			if !named {
				return atts
			}
		case "VB", "VBP":
			// A first name the tagger read as a verb ("Rush Limbaugh").
			if i+1 == src || d.Tokens[i+1].Tag != "NNP" {
				return atts
			}
		default:
			return atts
		}
		if kickers[strings.ToUpper(d.Word(i))] {
			return atts
		}
	}
	at := onrecord.Attribution{Content: spanOf(d, colon+1, end), Cue: spanOf(d, colon, colon+1), Source: spanOf(d, a, src)}
	at.Kind = brat.KindOf(f.runes, at.Content)
	return supersede(atts, at, int(d.Tokens[colon].Start), int(d.Tokens[b-1].End))
}

// namedAgain tells whether word w, a headline's one-word label, is written
// again after the headline (tokens from b): the story names whom its
// headline quotes, while a title-case word the tagger took for a name
// ("Stealth Over Substance:") is seldom repeated.
func namedAgain(d *onrecord.Document, b int, w string) bool {
	for i := b; i < len(d.Tokens); i++ {
		if d.Word(i) == w {
			return true
		}
	}
	return false
}

// headlineVerb recognises a headline, the document's first paragraph,
// tokens [a, b), one sentence with no final period, whose verb of speech
// (by the cue lexicon: WordNet's take nouns, "issues", "words") the tagger
// read as a plural noun, as
// headlines drop the articles around it: "Mayor questions cost of bridge",
// "Bridge to close in May, mayor warns". A short noun phrase opening the
// headline before the verb, or closing it after a comma, is the source; the
// rest, when it does not open with a verb, is the content. The model reads
// such a headline as a noun phrase.
func headlineVerb(d *onrecord.Document, a, b int, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	if a != 0 || len(d.Sents) == 0 || int(d.Sents[0].End) != b || b-a < 4 || strings.Contains(".?!", d.Word(b-1)) {
		return atts
	}
	speech := func(i int) bool {
		return d.Tokens[i].Tag == "NNS" && f.cue[i] >= saysBucket
	}
	noun := func(i, j int) bool { // tokens [i, j) a short noun phrase
		if j-i < 1 || j-i > 4 {
			return false
		}
		for k := i; k < j; k++ {
			switch d.Tokens[k].Tag {
			case "NNP", "NNPS", "NN", "JJ", "POS":
			default:
				return false
			}
		}
		return true
	}
	var at onrecord.Attribution
	switch {
	case speech(b-1) && b-1-a >= 4:
		// "<content>, <source> <verb>s"
		c := b - 2
		for c > a && d.Word(c) != "," {
			c--
		}
		if c == a || !noun(c+1, b-1) {
			return atts
		}
		at = onrecord.Attribution{Content: spanOf(d, a, c), Cue: spanOf(d, b-1, b), Source: spanOf(d, c+1, b-1)}
	default:
		v := a + 1
		for v < b && v-a <= 4 && !speech(v) {
			v++
		}
		if v >= b-2 || !speech(v) || !noun(a, v) {
			return atts
		}
		if t := d.Tokens[v+1].Tag; strings.HasPrefix(t, "VB") || t == "MD" || t == "IN" || t == "TO" || t == "," {
			return atts
		}
		at = onrecord.Attribution{Content: spanOf(d, v+1, b), Cue: spanOf(d, v, v+1), Source: spanOf(d, a, v)}
	}
	at.Kind = brat.KindOf(f.runes, at.Content)
	return supersede(atts, at, int(d.Tokens[a].Start), int(d.Tokens[b-1].End))
}

// singleStyle tells whether d sets its quotations in single marks, as
// British desks do ('…,' she said), keeping double ones for quotes inside
// them: some paragraph opens a single-mark quotation and no double mark
// stands outside one. A single-quoted headline over a body in double marks
// is not. s lends its buffer.
func singleStyle(d *onrecord.Document, us []unit, s *scratch) bool {
	found := false
	for _, u := range us {
		a, b := int(d.Sents[u.a].Start), int(d.Sents[u.b-1].End)
		s.dq = singleQuotations(d, a, b, s.dq)
		for i := a; i < b; i++ {
			switch st := s.dq[i-a]; {
			case st == qOpen:
				found = true
			case st == qOut && isDouble(d.Word(i)):
				return false
			}
		}
	}
	return found
}

// isDouble tells whether token w is or holds a double quotation mark.
func isDouble(w string) bool {
	return w == "''" || w == "``" || strings.ContainsAny(w, quoteMarks)
}

// singleQuotations is quotations for a paragraph, tokens [a, b), of
// single-mark style. A single mark that touches the word after it and not
// the one before opens; one that touches the word before and not the one
// after closes an open quotation, unless it follows a plural and leads a
// word, as a possessive does ("the players' union"); other single marks
// are apostrophes.
func singleQuotations(d *onrecord.Document, a, b int, dq []int8) []int8 {
	dq = resize(dq, b-a)
	open := false
	for i := a; i < b; i++ {
		st := qOut
		if open {
			st = qIn
		}
		if singleMark(d.Word(i)) {
			left := i > a && d.Tokens[i].BStart == d.Tokens[i-1].BEnd
			right := i+1 < b && d.Tokens[i].BEnd == d.Tokens[i+1].BStart
			switch {
			case right && !left && !open:
				open, st = true, qOpen
			case left && !right && open && !possessive(d, i, b):
				open, st = false, qClose
			}
		}
		dq[i-a] = st
	}
	return dq
}

// singleMark tells whether token w is quotation marks alone, holding a
// single one ("'", "‘", "”’").
func singleMark(w string) bool {
	return w != "" && strings.Trim(w, "\"'`\u2018\u2019\u201c\u201d") == "" && strings.ContainsAny(w, "'`\u2018\u2019") && w != "''" && w != "``"
}

// possessive tells whether the single mark at token i ends a plural's
// possessive, "players' union": it follows a word ending in s and a word
// follows it in the paragraph, which ends at b.
func possessive(d *onrecord.Document, i, b int) bool {
	if !strings.HasSuffix(d.Word(i-1), "s") || i+1 >= b {
		return false
	}
	r, _ := utf8.DecodeRuneInString(d.Word(i + 1))
	return unicode.IsLetter(r)
}

// singleQuote tells whether content (sorted) runs from a single mark that
// opens a quotation to one that closes a quotation, or that the paragraph
// leaves open: in a document of single-mark style it is a direct quote,
// whatever the double marks nested in it.
func singleQuote(p *para, content []segment) bool {
	if p.state(content[0].a) != qOpen {
		return false
	}
	last := content[len(content)-1].b - 1
	for last > content[0].a && (p.d.Word(last) == "." || p.d.Word(last) == ",") {
		last--
	}
	return p.state(last) == qClose || openEnded(p, content)
}
