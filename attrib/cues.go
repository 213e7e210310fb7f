package attrib

import (
	"iter"
	"slices"
	"sort"
	"strings"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
)

// Cues that the model, trained on political news, misses in news of other
// desks, read from the sentence's layout.

// accordingTo finds, in paragraph p, each sentence that opens with
// "According to X," or "Per X," and reports an unquoted clause after the comma that
// no attribution the model found overlaps: the cue, its source X and the
// clause (without the final period, and up to ", but") are an
// attribution. Wire copy and encyclopedic news open sentences so far more
// than the training data.
func accordingTo(d *onrecord.Document, p *para, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	for a, be := range p.sentences() {
		b, end := be[0], be[1]
		if b-a < 7 {
			continue
		}
		cue := a + 1 // "Per X," as "According to X,"
		if f.words[a] == "according" && f.words[a+1] == "to" {
			cue = a + 2
		} else if f.words[a] != "per" {
			continue
		}
		comma := cue + 1
		for comma < b && comma-a <= 16 && (d.Word(comma) != "," || dateComma(d, comma)) {
			comma++
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
		at := onrecord.Attribution{Content: spanOf(d, comma+1, end), Cue: spanOf(d, a, cue), Source: spanOf(d, cue, comma)}
		atts = add(atts, at, f)
	}
	return atts
}

// accordingInside splits the source of each attribution whose cue is
// "according to" and whose source runs on into a clause of its own, "X is,
// according to Y, losing money" or "… and according to Y he left": the
// model reads the clause as part of the source, as it rarely sees the cue
// inside its content. The source ends at its first comma, or else before
// a subject whose verb follows; the rest, when it holds a verb outside
// quotations, joins the content, or is all of it after "and" or "but"
// (the clause before is the story's own).
func accordingInside(d *onrecord.Document, p *para, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	for k := range atts {
		at := &atts[k]
		if len(at.Cue) != 1 || len(at.Source) != 1 {
			continue
		}
		c, ce := d.TokensIn(at.Cue[0])
		s, se := d.TokensIn(at.Source[0])
		if ce-c != 2 || f.words[c] != "according" || f.words[c+1] != "to" || s != ce || se-s < 3 {
			continue
		}
		cut, rest := -1, -1
		for i := s + 1; i < se-1 && cut < 0; i++ {
			switch h := int(d.Tokens[i].Head); {
			case d.Word(i) == ",":
				cut, rest = i, i+1
			case (d.Tokens[i].Dep == "nsubj" || d.Tokens[i].Dep == "nsubjpass") && h > i && h < se:
				cut, rest = i, i
			}
		}
		// Between "and," and a comma ("X is A and, according to Y, B") the
		// rest is a predicate of its own, B, with or without a verb.
		andComma := cut >= 0 && c > 1 && d.Word(c-1) == "," && d.Tokens[c-2].Tag == "CC" && d.Word(cut) == ","
		if cut < 0 || !outside(p, rest, se) || !andComma && !slices.ContainsFunc(d.Tokens[rest:se], func(t onrecord.Token) bool { return strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" }) {
			continue
		}
		at.Source = spanOf(d, s, cut)
		if c > 0 && d.Tokens[c-1].Tag == "CC" || andComma {
			at.Content = nil
		}
		at.Content = append(at.Content, spanOf(d, rest, se)...)
		slices.SortFunc(at.Content, func(x, y onrecord.Span) int { return x.Start - y.Start })
		at.Kind = brat.KindOf(f.runes, at.Content)
	}
	return atts
}

// accordingBare reads "according to X" with no comma between its source and
// the clause it reports, "… and according to the ministry she died on
// Friday" or "According to the ministry the plant lost money": the source
// runs up to the subject of the clause after it, the clause is the content.
// The model, which learnt the cue from sentences with a comma after the
// source, reads such a source as part of the content or the clause as part
// of the source. A clause before the cue joined by "and" or "but" is the
// story's own; one before it otherwise stays a part of the content.
func accordingBare(d *onrecord.Document, p *para, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	for a, be := range p.sentences() {
		end := be[1]
		for i := a; i+3 < end; i++ {
			if f.words[i] != "according" || f.words[i+1] != "to" || !outside(p, i, end) {
				continue
			}
			s, k, e := i+2, -1, -1
			for j := s + 1; j < end && k < 0; j++ {
				t := d.Tokens[j]
				if strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" || t.Tag == "WDT" || t.Tag == "WP" || t.Tag == "," || t.Tag == ":" {
					break
				}
				// The subject of a clause of its own, not of a relative
				// clause that qualifies the source, whose verb lacks the
				// object the source fills ("documents he filed"; "the office
				// it lost money" is read as one by the parser too).
				if h := int(t.Head); (t.Dep == "nsubj" || t.Dep == "nsubjpass") && h > j && h < end && (!strings.HasPrefix(d.Tokens[h].Dep, "acl") || f.kids[h]&(kidDobj|kidCcomp) != 0) {
					k, e = int(f.lo[j]), min(end, int(f.hi[h])+1)
				}
			}
			if k <= s || slices.ContainsFunc(d.Tokens[s:k], func(t onrecord.Token) bool { return t.Tag == "WDT" || t.Tag == "WP" || t.Tag == "PRP" }) {
				continue
			}
			for e > k && (d.Word(e-1) == "," || strings.Contains(".!?", d.Word(e-1))) {
				e--
			}
			if !clause(d, p, k, e) {
				continue
			}
			// A clause before the cue is the story's own after "and" or
			// "but"; otherwise it is a part of the content the model read.
			keepBefore := i > a && f.words[i-1] != "and" && f.words[i-1] != "but"
			cue := spanOf(d, i, s)
			at := onrecord.Attribution{Content: spanOf(d, k, e), Cue: cue, Source: spanOf(d, s, k)}
			found := false
			for n := range atts {
				o := &atts[n]
				if !overlaps(o.Cue, cue[0]) {
					continue
				}
				found = true
				var content []onrecord.Span
				for _, c := range o.Content {
					if keepBefore && c.End <= cue[0].Start {
						content = append(content, c)
					}
				}
				o.Content = append(content, at.Content...)
				o.Source = at.Source
				o.Kind = brat.KindOf(f.runes, o.Content)
				break
			}
			if !found && !keepBefore {
				atts = add(atts, at, f)
			}
		}
	}
	return atts
}

// saysBucket is the least cue bucket (tenths of a lemma's occurrences in
// the training news that are cues) of a verb that saidThat takes for one:
// "say", "state", "tell", "note", not "show" or "find".
const saysBucket = 5

// saidThat finds, in paragraph p, each sentence whose main verb mostly
// reports speech in the training news, or whose first sense in WordNet is
// one of communication ("state", "report"), with a name or a pronoun as its
// subject and a clause after it ("Jane Roe of the water board said fixing
// the pipe may take a month"), that no attribution the model found
// overlaps: subject, verb group and clause are an attribution. The model
// misses some of these where its context features mislead it (a name it
// never saw, an unusual paragraph).
func saidThat(d *onrecord.Document, p *para, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	for a, be := range p.sentences() {
		for _, cl := range clauses(d, p, a, be[0], be[1]) {
			atts = saidThatIn(d, p, atts, f, cl[0], cl[1], cl[2])
		}
	}
	return atts
}

// clauses splits the sentence [a, b) (end before its final punctuation)
// at its semicolons outside quotations: [a, b, end] of each clause.
func clauses(d *onrecord.Document, p *para, a, b, end int) [][3]int {
	var out [][3]int
	for i := a; i < end; i++ {
		if d.Word(i) == ";" && p.state(i) == qOut && i > a {
			out = append(out, [3]int{a, i, i})
			a = i + 1
		}
	}
	return append(out, [3]int{a, b, end})
}

// saidThatIn reads one clause [a, b) of a sentence, end before its final
// punctuation. Its verb is the sentence's root, or, in a clause after a
// semicolon, the word the parser hangs from the clause before: the model
// reads a cue that opens such a clause less readily than one that opens a
// sentence.
func saidThatIn(d *onrecord.Document, p *para, atts []onrecord.Attribution, f *featurizer, a, b, end int) []onrecord.Attribution {
	v := -1
	for i := a; i < b; i++ {
		if d.Tokens[i].Dep == "root" {
			v = i
		}
	}
	for i := a; i < b && v < 0; i++ {
		if h := int(d.Tokens[i].Head); h >= 0 && (h < a || h >= b) {
			v = i
		}
	}
	if v < 0 || !f.speechVerb(v) || readHere(d, atts, v, a, b) {
		return atts // not a verb of speech; or the model read it as a cue of this sentence already
	}
	if t := d.Tokens[v].Tag; t != "VBD" && t != "VBZ" && t != "VBP" {
		return atts
	}
	subj, comp, obj, conj, cc := -1, -1, -1, -1, false
	for i := a; i < b; i++ {
		if int(d.Tokens[i].Head) != v {
			continue
		}
		switch dep := d.Tokens[i].Dep; {
		case dep == "nsubj" && i < v:
			subj = i
		case (dep == "ccomp" || dep == "xcomp") && i > v && comp < 0:
			comp = i // "said fixing it may take a year" is parsed as an xcomp
		case dep == "dobj" && i > v && obj < 0:
			obj = i
		case dep == "conj" && i > v && conj < 0:
			conj = i
		case dep == "cc" && i > v:
			cc = true
		}
	}
	if subj < 0 || comp < 0 && obj < 0 {
		return atts
	}
	if t := d.Tokens[subj].Tag; t != "NNP" && t != "NNPS" && t != "PRP" {
		return atts
	}
	ss, se := trimPunct(d, int(f.lo[subj]), int(f.hi[subj])+1)
	if comp < 0 {
		return objectClaim(d, p, atts, f, v, ss, se, obj, conj, cc, end)
	}
	cs := int(f.lo[comp])
	if se > v || cs <= v || cs >= end || !outside(p, ss, se) || !clause(d, p, cs, end) {
		return atts
	}
	// A verb WordNet alone calls one of speech must say "that".
	if f.cue[v] < saysBucket && f.words[cs] != "that" {
		return atts
	}
	at := onrecord.Attribution{Content: spanOf(d, cs, end), Cue: spanOf(d, cueStart(d, v, se), v+1), Source: spanOf(d, ss, se)}
	return add(atts, at, f)
}

// cueStart is the first token of the cue of verb v: the verb with its
// auxiliaries, negation and adverbs before it ("also noted"), not reaching
// back into the source, which ends at se.
func cueStart(d *onrecord.Document, v, se int) int {
	cue := v
	for cue-1 >= se && int(d.Tokens[cue-1].Head) == v && (d.Tokens[cue-1].Dep == "aux" || d.Tokens[cue-1].Dep == "neg" || d.Tokens[cue-1].Dep == "advmod") {
		cue--
	}
	return cue
}

// speechVerb tells whether token i is a verb of speech: by the cue lexicon
// learnt from the training news, or by WordNet.
func (f *featurizer) speechVerb(i int) bool {
	return f.cue[i] >= saysBucket || speechVerbs[f.lemmas[i]]
}

// objectClaim reads the object of a verb of speech as its content, a
// claim stated as a noun phrase: "Roe criticised the move", "the firm stated
// its intention to leave", which PolNeAR annotates as attributions too.
// When the parser took the subject of a reported clause for the object and
// the clause's verb for a second one of the cue's ("confirmed two guests
// also died": a conj with no "and"), the clause is the content.
func objectClaim(d *onrecord.Document, p *para, atts []onrecord.Attribution, f *featurizer, v, ss, se, obj, conj int, cc bool, end int) []onrecord.Attribution {
	os, oe := int(f.lo[obj]), min(int(f.hi[obj])+1, end)
	clauseObj := false
	if conj > obj && !cc {
		switch d.Tokens[conj].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			oe, clauseObj = end, true
		}
	}
	// Only a verb the training news mostly uses as a cue reports its
	// object: WordNet's verbs of communication take objects that say
	// nothing ("photographed the event", "teaches law", "faced charges"),
	// and a verb of telling takes whom it addresses ("told the press").
	if !clauseObj && (!claimObject(d, f, obj) || f.cue[v] < saysBucket || addressee[f.lemmas[v]]) {
		return atts
	}
	// A relative clause after a comma is the story's aside on the object
	// ("the openness of the project, which links ..."), not what was said;
	// unless a verb follows its closing comma, and the object is the
	// subject of a reported clause ("said his members, who ..., would ..."),
	// which is the content.
	for i := os + 1; !clauseObj && i+1 < oe; i++ {
		if d.Word(i) != "," || d.Tokens[i+1].Tag != "WDT" && d.Tokens[i+1].Tag != "WP" {
			continue
		}
		k := i + 2
		for k < end && d.Word(k) != "," {
			k++
		}
		if k+1 < end && (d.Tokens[k+1].Tag == "MD" || d.Tokens[k+1].Tag == "VBD" || d.Tokens[k+1].Tag == "VBZ" || d.Tokens[k+1].Tag == "VBP") {
			oe, clauseObj = end, true
		} else {
			oe = i
		}
	}
	// As in saidThat, a verb WordNet alone calls one of speech reports a
	// clause only with "that".
	if clauseObj && f.cue[v] < saysBucket {
		return atts
	}
	for oe > os && (d.Word(oe-1) == "," || d.Word(oe-1) == ":") {
		oe--
	}
	if se > v || os <= v || oe-os < 2 || !outside(p, ss, se) || !outside(p, os, oe) {
		return atts
	}
	at := onrecord.Attribution{Content: spanOf(d, os, oe), Cue: spanOf(d, cueStart(d, v, se), v+1), Source: spanOf(d, ss, se)}
	return add(atts, at, f)
}

// claimObject tells whether the object obj of a verb of speech may be what
// was said: not a person or a body spoken to or of ("nominated Roe",
// "addressed the students" are caught by the name or the pronoun; "emailed
// her"), and not an indefinite noun phrase, which news uses for the act of
// speech itself ("issued a statement", "delivered a speech", "faces a
// challenge"); a claim stated as a noun phrase is definite ("its intention
// to leave", "the claim", "these views") or bare ("mining rights").
func claimObject(d *onrecord.Document, f *featurizer, obj int) bool {
	switch t := d.Tokens[obj]; {
	case t.Tag == "NNP" || t.Tag == "NNPS" || t.Tag == "PRP" || t.NER == "PERSON" || t.NER == "ORGANIZATION":
		return false
	case vehicles[f.lemmas[obj]]:
		return false
	}
	for i := int(f.lo[obj]); i < obj; i++ {
		if int(d.Tokens[i].Head) == obj && d.Tokens[i].Dep == "det" && (f.words[i] == "a" || f.words[i] == "an") {
			return false
		}
	}
	return true
}

// addressee are verbs of speech whose object is whom they address.
var addressee = map[string]bool{"tell": true, "ask": true, "inform": true, "notify": true, "brief": true,
	"assure": true, "remind": true, "thank": true, "email": true, "contact": true, "address": true, "interview": true}

// vehicles are nouns of the text or the occasion that carries what is
// said: "concluded the statement", "wrote the letter", "skirted the
// question" report no claim.
var vehicles = map[string]bool{"statement": true, "speech": true, "letter": true, "remark": true,
	"interview": true, "address": true, "message": true, "post": true, "tweet": true, "email": true,
	"article": true, "essay": true, "column": true, "memo": true, "note": true, "release": true,
	"conference": true, "briefing": true, "question": true, "request": true, "call": true, "word": true}

// readHere tells whether an attribution of atts has token v in its cue
// and a content in the sentence [a, b): the model's reading stands. One
// whose contents all lie elsewhere ("He also noted that X" read with a
// content of the next paragraph) gets the clause as one more part (add).
func readHere(d *onrecord.Document, atts []onrecord.Attribution, v, a, b int) bool {
	for _, o := range atts {
		for _, c := range o.Cue {
			if i, j := d.TokensIn(c); i <= v && v < j {
				return slices.ContainsFunc(o.Content, func(s onrecord.Span) bool {
					i, j := d.TokensIn(s)
					return i < b && j > a
				})
			}
		}
	}
	return false
}

// dateComma tells the comma of a date, between a day and a year ("March
// 14, 2019").
func dateComma(d *onrecord.Document, i int) bool {
	return i > 0 && i+1 < len(d.Tokens) && d.Tokens[i-1].Tag == "CD" && d.Tokens[i+1].Tag == "CD" && len(d.Word(i+1)) == 4
}

// add adds at, found by a rule, to atts, which are in the order of their
// contents. When the model gave at's cue another content (“X, Roe said.
// "Y."”), at's content joins it: one cue reports both, as one content of
// several parts. Otherwise at is added only when its content overlaps none
// of atts': the model's reading stands.
func add(atts []onrecord.Attribution, at onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	for k := range atts {
		o := &atts[k]
		if len(o.Cue) == 0 || !overlaps(o.Cue, at.Cue[0]) {
			continue
		}
		for _, c := range at.Content {
			if overlaps(o.Content, c) {
				return atts
			}
		}
		o.Content = append(o.Content, at.Content...)
		slices.SortFunc(o.Content, func(x, y onrecord.Span) int { return x.Start - y.Start })
		if len(o.Source) == 0 {
			o.Source = at.Source
		}
		o.Kind = brat.KindOf(f.runes, o.Content)
		// Kept in the order of their contents.
		slices.SortStableFunc(atts, func(x, y onrecord.Attribution) int { return x.Content[0].Start - y.Content[0].Start })
		return atts
	}
	// A reading of the model's whose cue is no word of speech ("many
	// people do ...", "the idea was to prove ...") gives way to the rule's;
	// any other that overlaps stands.
	var weak []int
	for k, o := range atts {
		if !slices.ContainsFunc(at.Content, func(c onrecord.Span) bool { return overlaps(o.Content, c) }) {
			continue
		}
		if !f.weakCue(o) {
			return atts
		}
		weak = append(weak, k)
	}
	for i := len(weak) - 1; i >= 0; i-- {
		atts = slices.Delete(atts, weak[i], weak[i]+1)
	}
	at.Kind, at.Confidence = brat.KindOf(f.runes, at.Content), 0.5
	k := len(atts)
	for k > 0 && atts[k-1].Content[0].Start > at.Content[0].Start {
		k--
	}
	return slices.Insert(atts, k, at)
}

// weakBucket is the highest cue bucket of a cue that is no word of speech:
// "do", "be", "look", "prove" are cues in at most two tenths of their uses
// in the training news.
const weakBucket = 2

// weakCue tells an unquoted attribution whose cue holds no word that is
// often a cue in the training news.
func (f *featurizer) weakCue(o onrecord.Attribution) bool {
	if o.Kind != onrecord.Indirect || len(o.Cue) == 0 {
		return false
	}
	for _, c := range o.Cue {
		for i, j := f.d.TokensIn(c); i < j; i++ {
			// "this plan seems realistic" with no source: an
			// appearance, not a claim of anyone's.
			if f.cue[i] > weakBucket && !(len(o.Source) == 0 && seeming[f.lemmas[i]]) {
				return false
			}
		}
	}
	return true
}

// seeming are the verbs of appearance that the training news marks as cues
// of the one it seems to, and that with no source say nothing of anyone.
var seeming = map[string]bool{"seem": true, "appear": true}

// sentences yields the tokens [a, b) of each sentence of paragraph p,
// with end, b before the sentence's final punctuation.
func (p *para) sentences() iter.Seq2[int, [2]int] {
	return func(yield func(int, [2]int) bool) {
		lo := sort.Search(len(p.d.Sents), func(k int) bool { return int(p.d.Sents[k].Start) >= p.a })
		for si := lo; si < len(p.d.Sents) && int(p.d.Sents[si].End) <= p.b; si++ {
			a, b := int(p.d.Sents[si].Start), int(p.d.Sents[si].End)
			if !yield(a, [2]int{b, trimEnd(p.d, a, b)}) {
				return
			}
		}
	}
}

// trimEnd returns b before the final punctuation of tokens [a, b).
func trimEnd(d *onrecord.Document, a, b int) int {
	for b > a && strings.Contains(".!?", d.Word(b-1)) {
		b--
	}
	return b
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

// overlaps tells whether one of spans overlaps s.
func overlaps(spans []onrecord.Span, s onrecord.Span) bool {
	for _, c := range spans {
		if c.Start < s.End && s.Start < c.End {
			return true
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
	for a, be := range p.sentences() {
		end := be[1]
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
			// The second part is the clause after the cue: "and" joins
			// it, a semicolon ends it ("X, Roe said, and Y; Z").
			s2, e2 := v+2, end
			if f.words[s2] == "and" || f.words[s2] == "but" {
				s2++
			}
			for k := s2; k < end; k++ {
				if d.Word(k) == ";" {
					e2 = k
					break
				}
			}
			if s2 >= e2 || !clause(d, p, a, c) && !clause(d, p, s2, e2) || !outside(p, a, e2) {
				break
			}
			at := onrecord.Attribution{Content: append(spanOf(d, a, c), spanOf(d, s2, e2)...), Cue: spanOf(d, v, v+1), Source: spanOf(d, c+1, v)}
			atts = add(atts, at, f)
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

// hearsay are adverbs that attribute a clause to unnamed others.
var hearsay = map[string]bool{"reportedly": true, "allegedly": true}

// hearsayClause finds, in paragraph p, each clause that "reportedly" or
// "allegedly" attributes to no one, when no attribution the model found
// overlaps it: the clause of the word the adverb modifies (a verb, or the
// predicate of a copula) is the content, when it holds a finite verb (the
// adverb inside it, as an agentless passive's cue is) and the adverb
// the cue; opening the sentence ("Reportedly, …") it stays out, as does
// the subordinator of an adverbial clause.
func hearsayClause(d *onrecord.Document, p *para, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	for i := p.a; i < p.b; i++ {
		h := int(d.Tokens[i].Head)
		if !hearsay[f.words[i]] || h < p.a || h >= p.b {
			continue
		}
		lo, hi := int(f.lo[h]), int(f.hi[h])+1
		if lo < p.a || hi > p.b {
			continue
		}
		if lo == i {
			lo++
			for lo < hi && d.Word(lo) == "," {
				lo++
			}
		}
		// The subordinator of an adverbial clause is not reported: "after
		// he allegedly …".
		if lo < hi && int(d.Tokens[lo].Head) == h && d.Tokens[lo].Dep == "mark" && f.words[lo] != "that" && f.words[lo] != "whether" && f.words[lo] != "if" {
			lo++
		}
		hi = trimEnd(d, lo, hi)
		if hi-lo < 3 || !clause(d, p, lo, hi) {
			continue
		}
		at := onrecord.Attribution{Content: spanOf(d, lo, hi), Cue: spanOf(d, i, i+1)}
		atts = add(atts, at, f)
	}
	return atts
}

// trailingCue finds, in paragraph p, each sentence that ends with a short
// source and its speech verb after a comma, "<clause>, a trade body has
// warned.", when no attribution the model found overlaps the clause: the
// clause is the content. News ledes run so; the model, which reads the
// cue's object, misses it.
func trailingCue(d *onrecord.Document, p *para, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	for a, be := range p.sentences() {
		end := be[1]
		v := end - 1
		if v-a < 5 || f.cue[v] < cueLike || !strings.HasPrefix(d.Tokens[v].Tag, "VB") {
			continue
		}
		s := v // the source ends before the auxiliaries and adverbs
		for s > a && v-s < 3 && (strings.HasPrefix(d.Tokens[s-1].Tag, "RB") || d.Tokens[s-1].Tag == "MD" || aux[f.words[s-1]]) {
			s--
		}
		comma := s
		for comma > a && s-comma < 6 && sourceTag(d.Tokens[comma-1].Tag) {
			comma--
		}
		comma--
		// A quotation that is the whole clause closes after its comma
		// ("“…,” Roe said."): the content is the quotation, marks and all.
		end, src := comma, comma+1 // the content's end and the source's start
		quote := comma > a+1 && comma < s-1 && d.Word(comma-1) == "," && p.state(comma) == qClose && p.opening(comma) == a
		if quote {
			comma, end = comma-1, comma+1
		}
		if comma == s-1 || comma <= a || d.Word(comma) != "," || !quote && !finite(d, p, a, comma) {
			continue
		}
		at := onrecord.Attribution{Content: spanOf(d, a, end), Cue: spanOf(d, s, v+1), Source: spanOf(d, src, s)}
		atts = add(cutBefore(d, atts, a, at.Content[0], f), at, f)
	}
	return atts
}

// saysAfter finds, in paragraph p, each sentence that ends with a speech
// verb after a comma and the name of its speaker, with what the speaker is
// after it ("<clause>, says Jane Roe, director of the forum."), when no
// attribution the model found with a cue of speech overlaps the clause: the
// clause is the content. British news writes so; the model, which reads
// the cue before its source, misses it.
func saysAfter(d *onrecord.Document, p *para, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	for a, be := range p.sentences() {
		end := be[1]
		for c := a + 4; c+2 < end; c++ {
			v := c + 1
			if d.Word(c) != "," || f.cue[v] < cueLike || !strings.HasPrefix(d.Tokens[v].Tag, "VB") || d.Tokens[v+1].Tag != "NNP" {
				continue
			}
			// The name and what follows it, a description after a comma
			// with no verb, end the sentence: "said Roe" opening a clause
			// ("X, who ..., said Roe would win") is no source.
			n := v + 1
			for n < end && d.Tokens[n].Tag == "NNP" {
				n++
			}
			if n < end && (d.Word(n) != "," || slices.ContainsFunc(d.Tokens[n:end], func(t onrecord.Token) bool { return strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" })) {
				break
			}
			if !finite(d, p, a, c) || !outside(p, v, end) {
				break
			}
			at := onrecord.Attribution{Content: spanOf(d, a, c), Cue: spanOf(d, v, v+1), Source: spanOf(d, v+1, end)}
			atts = add(atts, at, f)
			break
		}
	}
	return atts
}

// saidThenQuote finds, in paragraph p, each sentence that opens (or goes
// on after a comma) with a name or a pronoun (perhaps "the" before it, an
// acronym in brackets after it) and its verb of speech (by the cue lexicon
// or WordNet), then,
// after at most a short phrase with no verb ("of the film", "on Monday"),
// a comma or colon and a quotation: "Roe said of the film, "…"". When no
// attribution the model found overlaps it, the quotation, up to its closing
// mark or the paragraph's end, is the content. The parser often hangs such
// a cue under the quotation's verb, and the model, reading the path from
// the cue, then misses the quotation.
func saidThenQuote(d *onrecord.Document, p *para, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	for a, be := range p.sentences() {
		end := be[1]
		for v := a + 1; v+2 < end; v++ {
			switch d.Tokens[v].Tag {
			case "VBD", "VBZ", "VBP":
			default:
				continue
			}
			if !f.speechVerb(v) || p.state(v) != qOut {
				continue
			}
			ss := v
			if ss-3 > a && d.Tokens[ss-1].Tag == "-RRB-" && d.Tokens[ss-2].Tag == "NNP" && d.Tokens[ss-3].Tag == "-LRB-" {
				ss -= 3 // an acronym after the name: "the Weather Agency (WA)"
			}
			for ss > a && v-ss < 7 && nameTag(d.Tokens[ss-1].Tag) {
				ss--
			}
			if ss == v || !nameTag(d.Tokens[ss].Tag) || ss > a && d.Word(ss-1) != "," && d.Tokens[ss-1].Tag != "DT" || !outside(p, ss, v) {
				break
			}
			if ss > a && d.Tokens[ss-1].Tag == "DT" {
				ss-- // "the Weather Agency"
				if ss > a && d.Word(ss-1) != "," {
					break
				}
			}
			j := v + 1
			for j < end && j-v <= 6 && phraseTag(d.Tokens[j].Tag) && p.state(j) == qOut {
				j++
			}
			// The phrase is an adjunct, not an object: "said the plan,
			// "a mess," would fail" quotes no speech of Roe's.
			if t := d.Tokens[v+1].Tag; j > v+1 && t != "IN" && t != "TO" && t != "RB" {
				break
			}
			if j+1 >= end || d.Word(j) != "," && d.Word(j) != ":" {
				break
			}
			if p.state(j+1) != qOpen {
				// A clause after the comma, when the parser hung the cue
				// under its verb as it does the quotation's ("Roe reported
				// in May, 40 shops had closed"): the clause is the content.
				if h := int(d.Tokens[v].Head); h > j && h < end && subjectTag(d.Tokens[j+1].Tag) && clause(d, p, j+1, end) {
					at := onrecord.Attribution{Content: spanOf(d, j+1, end), Cue: spanOf(d, v, v+1), Source: spanOf(d, ss, v)}
					atts = add(atts, at, f)
				}
				break
			}
			ce := j + 2
			for ce < p.b && p.state(ce) != qClose && p.state(ce) != qOpen {
				ce++
			}
			if ce < p.b && p.state(ce) == qClose {
				ce++
			}
			at := onrecord.Attribution{Content: spanOf(d, j+1, ce), Cue: spanOf(d, v, v+1), Source: spanOf(d, ss, v)}
			atts = add(atts, at, f)
			break
		}
	}
	return atts
}

// nameTag tells the tags of a name or a pronoun as a source.
func nameTag(t string) bool { return t == "NNP" || t == "NNPS" || t == "PRP" }

// subjectTag tells the tags a clause's subject may open with.
func subjectTag(t string) bool {
	switch t {
	case "DT", "CD", "NN", "NNS", "NNP", "NNPS", "PRP", "JJ", "PRP$":
		return true
	}
	return false
}

// phraseTag tells the tags of a short phrase between a cue and its
// quotation: a preposition and its noun phrase, an adverb, a date.
func phraseTag(t string) bool {
	switch t {
	case "IN", "TO", "DT", "NNP", "NNPS", "NN", "NNS", "PRP", "PRP$", "JJ", "CD", "RB", "POS":
		return true
	}
	return false
}

// splitCues splits the content of each attribution with a source at a
// second verb of speech of the same speaker inside it: one coordinated with
// the cue ("X have said A and claim B"), or a participle after a comma with
// no subject of its own ("X confirmed A, stating B"). The part after that
// verb is the content of an attribution of its own, the source shared, as
// PolNeAR annotates each cue; the model, which seldom ends a content before
// a word of its own sentence, runs the first content on over it.
func splitCues(d *onrecord.Document, p *para, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	for k := 0; k < len(atts); k++ {
		at := &atts[k]
		if len(at.Cue) != 1 || len(at.Source) == 0 {
			continue
		}
		c0, c1 := d.TokensIn(at.Cue[0])
		if s0, s1 := d.TokensIn(at.Source[0]); s1-s0 == 1 && (d.Tokens[s0].Tag == "WDT" || d.Tokens[s0].Tag == "WP") {
			continue // a relative clause's cue: its verbs' subject is unclear
		}
	parts:
		for pi, part := range at.Content {
			cs, ce := d.TokensIn(part)
			if cs < p.a || ce > p.b {
				continue
			}
			for i := cs + 1; i+1 < ce; i++ {
				t := d.Tokens[i]
				// A verb WordNet alone calls one of speech must say "that"
				// or open a quotation.
				says := f.cue[i] >= saysBucket || speechVerbs[f.lemmas[i]] && (f.words[i+1] == "that" || p.state(i+1) == qOpen)
				if p.state(i) != qOut || !says || seeming[f.lemmas[i]] || f.kids[i]&kidNsubj != 0 {
					continue
				}
				sep := i - 1
				if d.Tokens[sep].Tag == "RB" && sep > cs {
					sep-- // "and specifically mentioned"
				}
				h := int(t.Head)
				switch {
				case h >= c0 && h < c1 && t.Dep == "conj" && (t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "VBN" && d.Tokens[h].Tag == "VBD") && f.words[sep] == "and":
					if sep > cs && d.Word(sep-1) == "," {
						sep--
					}
				case t.Tag == "VBG" && d.Word(sep) == "," && f.words[i] != "according" && pronounSubject(d, h):
				default:
					continue
				}
				if sep <= cs || !outside(p, sep, i+1) {
					continue
				}
				next := onrecord.Attribution{Kind: at.Kind, Content: append(spanOf(d, i+1, ce), at.Content[pi+1:]...), Cue: spanOf(d, i, i+1), Source: at.Source, Confidence: at.Confidence}
				at.Content = append(at.Content[:pi:pi], spanOf(d, cs, sep)...)
				at.Kind = brat.KindOf(f.runes, at.Content)
				next.Kind = brat.KindOf(f.runes, next.Content)
				atts = slices.Insert(atts, k+1, next)
				break parts
			}
		}
	}
	// Kept in the order of their contents, as add and the joins across
	// paragraphs expect.
	slices.SortStableFunc(atts, func(x, y onrecord.Attribution) int { return x.Content[0].Start - y.Content[0].Start })
	return atts
}

// pronounSubject tells whether verb h has a personal pronoun as subject: a
// participle hanging from it ("they seized it, stating ...") speaks for the
// one the pronoun stands for, mostly the speaker of the clause h is in; after
// a named subject ("Roe won, saying ...") it speaks for that name.
func pronounSubject(d *onrecord.Document, h int) bool {
	for i := max(h-8, 0); i < h; i++ {
		if int(d.Tokens[i].Head) == h && strings.HasPrefix(d.Tokens[i].Dep, "nsubj") {
			return d.Tokens[i].Tag == "PRP"
		}
	}
	return false
}

// bracketSource widens each source that opens inside brackets ("WHO)"
// of "Jane Roe of the World Health Organization (WHO) told ..."), to the
// opening bracket and the name before it, back to the sentence's start or a
// comma: the tagger may read an acronym in capitals as a word of its own
// ("WHO" a wh-pronoun), and the parse and the model's source then break at
// the bracket.
func bracketSource(d *onrecord.Document, p *para, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	for k := range atts {
		at := &atts[k]
		if len(at.Source) != 1 {
			continue
		}
		s0, s1 := d.TokensIn(at.Source[0])
		r := -1
		for i := s0; i < s1 && r < 0; i++ {
			switch d.Word(i) {
			case "(":
				s1 = s0 // balanced or opened here: nothing to mend
			case ")":
				r = i
			}
		}
		if r < 0 || s0 <= p.a {
			continue
		}
		l := s0 - 1
		for l > p.a && s0-l < 6 && d.Word(l) != "(" && p.state(l) == qOut {
			l--
		}
		if d.Word(l) != "(" {
			continue
		}
		a := l
		for a > p.a && l-a < 10 && d.Word(a-1) != "," && p.state(a-1) == qOut && nounPhraseTag(d.Tokens[a-1].Tag) && !sentStart(d, a) {
			a--
		}
		if a == l || slices.ContainsFunc(at.Content, func(c onrecord.Span) bool { return c.Start < int(d.Tokens[s0].Start) && c.End > int(d.Tokens[a].Start) }) {
			continue
		}
		at.Source = spanOf(d, a, s1)
	}
	return atts
}

// asClause cuts a source that runs through a subordinating "as" back to the
// subject after it: in "... with his rival Jane Roe as the two men said
// ..." the speakers are the two men, but a parse that takes the "as" for a
// preposition hangs "the two men" on the name before it, and the source
// takes both. The words after the "as" must be a noun phrase that opens with a
// determiner or a possessive and ends at the cue: "as" before a bare role
// ("Roe as chairman said") may be that preposition.
func asClause(d *onrecord.Document, atts []onrecord.Attribution) []onrecord.Attribution {
	for k := range atts {
		at := &atts[k]
		if len(at.Source) != 1 || len(at.Cue) == 0 {
			continue
		}
		s0, s1 := d.TokensIn(at.Source[0])
		if c0, _ := d.TokensIn(at.Cue[0]); c0 != s1 {
			continue
		}
		for i := s0 + 1; i+2 < s1; i++ {
			if d.Word(i) != "as" {
				continue
			}
			if t := d.Tokens[i+1].Tag; d.Tokens[i].Tag != "IN" || t != "DT" && t != "PRP$" {
				break // the first "as" decides: "as well as the council"
			}
			other := func(t onrecord.Token) bool { // no word of a plain noun phrase
				return t.Tag != "CD" && !nounPhraseTag(t.Tag) || t.Tag == "IN" || t.Tag == "CC"
			}
			if !slices.ContainsFunc(d.Tokens[i+2:s1], other) {
				at.Source = spanOf(d, i+1, s1)
			}
			break
		}
	}
	return atts
}

// nounPhraseTag tells the tags of a name and what qualifies it.
func nounPhraseTag(t string) bool {
	switch t {
	case "NNP", "NNPS", "NN", "NNS", "IN", "DT", "JJ", "POS", "CC":
		return true
	}
	return false
}

// sentStart tells whether token i opens a sentence.
func sentStart(d *onrecord.Document, i int) bool {
	k := sort.Search(len(d.Sents), func(k int) bool { return int(d.Sents[k].Start) >= i })
	return k < len(d.Sents) && int(d.Sents[k].Start) == i
}

// finite tells whether tokens [a, b) of paragraph p hold a finite verb
// outside quotations and do not open with one: a reported clause, perhaps
// quoting words ('he hoped the team would "go far"').
func finite(d *onrecord.Document, p *para, a, b int) bool {
	if p.state(a) != qOut {
		return false
	}
	for i := a; i < b; i++ {
		if p.state(i) != qOut {
			continue
		}
		switch d.Tokens[i].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// cutBefore ends at token a-1 each content part that runs from before
// token a into s, of an attribution whose cue stands before a: the model
// ran a quotation on into the next sentence, which has a cue of its own
// ('"…," Roe said. He hoped …, he added.').
func cutBefore(d *onrecord.Document, atts []onrecord.Attribution, a int, s onrecord.Span, f *featurizer) []onrecord.Attribution {
	if a == 0 {
		return atts
	}
	start, prevEnd := int(d.Tokens[a].Start), int(d.Tokens[a-1].End)
	for k := range atts {
		o := &atts[k]
		if len(o.Cue) == 0 || o.Cue[len(o.Cue)-1].End > start {
			continue
		}
		for j := range o.Content {
			if c := &o.Content[j]; c.Start < start && c.End > s.Start && c.End <= s.End {
				c.End = prevEnd
				if o.Kind != onrecord.Direct {
					o.Kind = brat.KindOf(f.runes, o.Content)
				}
			}
		}
	}
	return atts
}

// aux are the auxiliaries of a cue's verb group.
var aux = map[string]bool{"has": true, "have": true, "had": true, "is": true, "was": true, "were": true, "are": true}

// naming are the last words of cues that give a name, not a claim: "a site
// known as", "dubbed", "a programme called".
var naming = map[string]bool{"as": true, "named": true, "dubbed": true, "titled": true,
	"nicknamed": true, "called": true, "labeled": true, "labelled": true, "branded": true}

// dropNames drops the attributions with no source whose cue gives a name
// and whose content is a name in quotation marks ('a site known as "Blue
// Lagoon"', 'a scheme called "Bright Start"'): every quotation in it is of
// capitalised words, and no finite verb stands outside them. With a
// source, naming is someone's act ('she called him "Little Joe"') and
// PolNeAR annotates it.
func dropNames(d *onrecord.Document, p *para, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	return slices.DeleteFunc(atts, func(at onrecord.Attribution) bool {
		if len(at.Cue) == 0 || len(at.Source) > 0 || len(at.Content) != 1 {
			return false
		}
		_, cb := d.TokensIn(at.Cue[len(at.Cue)-1])
		if cb == 0 || !naming[f.words[cb-1]] || f.words[cb-1] == "as" && (cb < 2 || f.words[cb-2] != "known") {
			return false
		}
		a, b := d.TokensIn(at.Content[0])
		if a < p.a || b > p.b {
			return false
		}
		quoted := false
		for i := a; i < b; i++ {
			switch st := p.state(i); {
			case st == qOpen || st == qClose:
				quoted = true
			case st == qIn:
				if r := []rune(d.Word(i)); !capitalised(d.Word(i)) && !(r[0] >= '0' && r[0] <= '9') {
					return false
				}
			default:
				switch d.Tokens[i].Tag {
				case "VBD", "VBZ", "VBP", "MD":
					return false
				}
			}
		}
		return quoted
	})
}

// acts are verbs that, passive, tell what a court, a jury or the police did
// to someone, not what anyone said: "were tried by", "was banned", "was
// thrown out of". News annotates no attribution there. (PolNeAR, whose
// annotators count a plea, a nomination or an interrogation as one, leaves
// those verbs out of this list.)
var acts = map[string]bool{"try": true, "throw": true, "ban": true, "convict": true, "acquit": true,
	"jail": true, "arrest": true, "indict": true}

// dropActs drops the attributions whose cue is a legal act: a passive verb
// of acts, or a verdict ("found guilty").
func dropActs(d *onrecord.Document, atts []onrecord.Attribution, f *featurizer) []onrecord.Attribution {
	return slices.DeleteFunc(atts, func(at onrecord.Attribution) bool {
		for _, c := range at.Cue {
			a, b := d.TokensIn(c)
			passive := false
			for i := a; i < b; i++ {
				switch {
				case f.words[i] == "guilty" && i > a && f.lemmas[i-1] == "find":
					return true
				case f.lemmas[i] == "be":
					passive = true
				case passive && acts[f.lemmas[i]] && d.Tokens[i].Tag == "VBN":
					return true
				}
			}
		}
		return false
	})
}
