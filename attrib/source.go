package attrib

import (
	"slices"
	"strings"

	"github.com/onrecord/onrecord"
)

// Sources: the source of a cue the tagger left without one, found in the
// parse or the layout.

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
	lo, hi = trimPunct(d, lo, hi)
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

// trimPunct narrows tokens [lo, hi) to leave out the commas, colons and
// periods at either end: UD treebanks hang the comma after a fronted phrase
// from that phrase ("According to Smith, …"), and a parser that learnt from
// them gives the subtree with its comma. A comma or dash that closes an
// aside the span opened stays, as PolNeAR's annotators keep it ("Jane Roe,
// the coach,": 997 of train's 1,000 sources ending in a comma).
func trimPunct(d *onrecord.Document, lo, hi int) (int, int) {
	edge := func(j int) bool {
		switch d.Tokens[j].Tag {
		case ",", ":", ".":
			return true
		}
		return false
	}
	for lo < hi && edge(lo) {
		lo++
	}
	for lo < hi && edge(hi-1) {
		if tag := d.Tokens[hi-1].Tag; tag != "." && slices.ContainsFunc(d.Tokens[lo:hi-1], func(t onrecord.Token) bool { return t.Tag == tag }) {
			break
		}
		hi--
	}
	return lo, hi
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
