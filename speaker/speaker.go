// Package speaker resolves the source of each attribution to a named
// speaker: names are canonicalised within the document ("Trump" → "Donald
// Trump"), pronouns and descriptions ("he", "the former", "the senator") are
// linked to an earlier entity, and other noun phrases are kept as written.
//
// It works from the token layers only (POS, lemma, NER, dependencies): no
// coreference model is needed, and everything is rules and small tables.
package speaker

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
)

// Entity types of a Speaker.
const (
	Person       = "person"
	Organization = "organization"
	Other        = "other"
)

// Resolve sets Speaker on every attribution of d that has a Source, and
// clears it on those without one. Sources are resolved in text order so that
// earlier speakers can serve as antecedents of later pronouns; first-person
// sources inside a quotation wait for the speaker of that quotation.
func Resolve(d *onrecord.Document) {
	if d == nil || len(d.Quotes) == 0 {
		return
	}
	a := analyse(d)
	order := make([]int, 0, len(d.Quotes))
	for i := range d.Quotes {
		d.Quotes[i].Speaker = nil
		if len(d.Quotes[i].Source) > 0 {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(x, y int) bool {
		return d.Quotes[order[x]].Source[0].Start < d.Quotes[order[y]].Source[0].Start
	})
	var deferred []int
	for _, qi := range order {
		if a.firstPerson(qi) {
			deferred = append(deferred, qi)
			continue
		}
		a.resolve(qi)
	}
	for _, qi := range deferred {
		a.resolve(qi)
	}
}

// entity is one referent of the document: a named person or organisation,
// or a noun phrase kept as written.
type entity struct {
	name   string
	typ    string
	gender byte // 'm', 'f' or 0
	votes  [2]int
	plural bool
	human  bool // a description of a person ("the Florida senator"), typed Other
	count  int
	key    string
}

// mention is a span of tokens referring to an entity.
type mention struct {
	start, end int // token indices, end exclusive
	head       int
	ent        int
	subj       bool
	inner      bool // subject of a complement clause ("X said Y did it")
	spoken     bool // the source of an attribution already resolved
}

type doc struct {
	d       *onrecord.Document
	words   []string
	lower   []string
	sent    []int
	para    []int
	quoted  []bool
	kids    [][]int
	ents    []*entity
	byKey   map[string]int
	ments   []mention
	mentAt  []int     // token → index in ments, -1 when none
	spoken  []mention // sources resolved so far, as antecedents
	people  Names
	orgs    Names
	descr   map[string][]description // by noun ("senator"), in text order
	speaker map[int]int              // attribution index → entity, once resolved
}

func analyse(d *onrecord.Document) *doc {
	n := len(d.Tokens)
	a := &doc{
		d: d, words: make([]string, n), lower: make([]string, n),
		sent: make([]int, n), para: make([]int, n), quoted: make([]bool, n),
		kids: make([][]int, n), mentAt: make([]int, n),
		byKey: map[string]int{}, descr: map[string][]description{}, speaker: map[int]int{},
		orgs: Names{orgs: true},
	}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.BStart >= 0 && t.BStart <= t.BEnd && int(t.BEnd) <= len(d.Text) {
			a.words[i] = d.Text[t.BStart:t.BEnd]
		}
		a.lower[i] = strings.ToLower(a.words[i])
		a.mentAt[i] = -1
		if h := int(t.Head); h >= 0 && h < n && h != i {
			a.kids[h] = append(a.kids[h], i)
		}
	}
	for si, s := range d.Sents {
		for i := max(int(s.Start), 0); i < int(s.End) && i < n; i++ {
			a.sent[i] = si
		}
	}
	a.markParagraphsAndQuotes()
	a.findNames()
	a.findNominals()
	a.voteGender()
	return a
}

// markParagraphsAndQuotes numbers paragraphs (a line break between tokens
// starts one) and marks tokens inside double quotation marks. An unclosed
// quotation ends with its paragraph, as in news style.
func (a *doc) markParagraphsAndQuotes() {
	text := a.d.Text
	p, open, prevEnd := 0, false, 0
	for i := range a.d.Tokens {
		t := &a.d.Tokens[i]
		b := int(t.BStart)
		if b >= prevEnd && b <= len(text) && strings.Contains(text[prevEnd:b], "\n") {
			p++
			open = false
		}
		if int(t.BEnd) > prevEnd && int(t.BEnd) <= len(text) {
			prevEnd = int(t.BEnd)
		}
		a.para[i] = p
		w := a.words[i]
		switch {
		case w == "“" || w == "``":
			open = true
			a.quoted[i] = true
		case w == "”" || w == "''":
			a.quoted[i] = true
			open = false
		case w == `"`:
			open = !open
			a.quoted[i] = true
		default:
			a.quoted[i] = open
		}
	}
}

func nerClass(ner string) string {
	switch ner {
	case "PERSON", "PER", "B-PER", "I-PER":
		return Person
	case "ORGANIZATION", "ORG", "B-ORG", "I-ORG":
		return Organization
	}
	return ""
}

func isProper(tag string) bool { return tag == "NNP" || tag == "NNPS" }
func isNoun(tag string) bool   { return strings.HasPrefix(tag, "NN") }
func isSubj(dep string) bool   { return strings.HasPrefix(dep, "nsubj") }

// findNames collects runs of PERSON and ORGANIZATION tokens, then proper
// nouns the tagger missed that repeat a known surname, and builds the
// entities with canonical names.
func (a *doc) findNames() {
	toks := a.d.Tokens
	type run struct {
		start, end int
		typ        string
		orig       string
	}
	var runs []run
	inRun := make([]bool, len(toks))
	for i := 0; i < len(toks); {
		c := nerClass(toks[i].NER)
		if c == "" || toks[i].Tag == "POS" {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && nerClass(toks[j].NER) == c && toks[j].Tag != "POS" && a.sent[j] == a.sent[i] {
			j++
		}
		// Only the proper nouns of a run name someone: a tagger that
		// carries PERSON over a headline verb ("Obama Says") or a
		// lower-case word must not make it part of the name. Function
		// words stay inside ("Commission on Presidential Debates").
		for s := i; s < j; {
			for s < j && !a.nameWord(s) {
				s++
			}
			e := s
			for k := s; k < j; k++ {
				if a.nameWord(k) {
					e = k + 1
				} else if !nameGlue[toks[k].Tag] {
					break
				}
			}
			if e > s {
				typ := c
				if a.workBefore(s) {
					typ = Other // "the documentary Framing Britney": a title
				}
				runs = append(runs, run{s, e, typ, a.withTitle(s, e)})
				for k := s; k < e; k++ {
					inRun[k] = true
				}
				s = e
			} else {
				s = j
			}
		}
		i = j
	}
	for _, r := range runs {
		if r.typ == Person {
			a.people.Add(r.orig)
		}
	}
	// A lone word classed as an organisation that is the surname of a
	// person of the article is that person: taggers often class a bare
	// "Trump" with "Trump Tower" and "the Trump Organization".
	for k, r := range runs {
		if r.typ == Organization && r.end-r.start == 1 {
			if c, full := Canonical(r.orig), a.people.Lookup(r.orig); full != c && lastWord(full) == c {
				runs[k].typ = Person
			}
		}
	}
	// Proper nouns outside any run that are known surnames, or that follow
	// a personal title ("Mr. Ban"), are people too: taggers often miss a
	// bare "Clinton" in a headline.
	for i := 0; i < len(toks); i++ {
		if !isProper(toks[i].Tag) || inRun[i] || titles[key(a.words[i])] {
			continue
		}
		if i > 0 && personTitles[key(a.words[i-1])] && a.sent[i-1] == a.sent[i] {
			j := i + 1
			for j < len(toks) && isProper(toks[j].Tag) && !inRun[j] && a.sent[j] == a.sent[i] {
				j++
			}
			runs = append(runs, run{i, j, Person, a.withTitle(i, j)})
			a.people.Add(a.withTitle(i, j))
			i = j - 1
			continue
		}
		if nerClass(toks[i].NER) != "" {
			continue
		}
		if l := a.people.Lookup(a.words[i]); strings.Contains(l, " ") && len(Canonical(a.words[i])) > 1 && Canonical(a.words[i]) != l {
			runs = append(runs, run{i, i + 1, Person, a.withTitle(i, i+1)})
		}
	}
	sort.Slice(runs, func(x, y int) bool { return runs[x].start < runs[y].start })
	var seen Names
	var seenOrgs = Names{orgs: true}
	for _, r := range runs {
		var name string
		switch r.typ {
		case Other:
			name = orgCanonical(r.orig)
		case Person:
			seen.Add(r.orig)
			name = seen.Lookup(r.orig)
			if !strings.Contains(name, " ") {
				name = a.people.Lookup(r.orig) // cataphora: the full name comes later
			}
		default:
			seenOrgs.Add(r.orig)
			a.orgs.Add(r.orig)
			name = seenOrgs.Lookup(r.orig)
		}
		if name == "" {
			continue
		}
		e := a.entity(r.typ, name)
		if r.typ == Person && a.ents[e].gender == 0 {
			a.ents[e].gender = genderOfName(r.orig, name)
		}
		if r.typ == Organization {
			a.ents[e].plural = false
		}
		a.addMention(r.start, r.end, e)
		if r.typ == Person {
			a.learnDescriptors(r.start, r.end, e)
		}
	}
}

// nameWord tells whether token i can be part of a name: a proper noun, or
// a capitalised common noun ("The Post" tagged NN), never a verb.
func (a *doc) nameWord(i int) bool {
	t := a.d.Tokens[i].Tag
	if isProper(t) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(a.words[i])
	return isNoun(t) && unicode.IsUpper(r)
}

// nameGlue are the tags of words that may stand between the proper nouns
// of one name ("Commission on Presidential Debates", "Bank of America").
var nameGlue = map[string]bool{"IN": true, "CC": true, "DT": true}

// personTitles make the proper noun after them a person's name.
var personTitles = set(`mr mrs ms dr sen rep gov gen lt col sgt rev`)

// workNouns head phrases that are works or findings, not people: a source
// "the documentary" or "the poll" is kept as written, and a name right
// after such a noun ("the documentary Framing Britney") is a title.
var workNouns = set(`documentary film movie report video poll survey study book memoir
	article series show episode album song ad advertisement commercial statement letter
	op-ed editorial column analysis paper review investigation audit documentary's`)

// workBefore tells whether token i follows a work noun of its sentence,
// possibly with a determiner between ("the film The Post").
func (a *doc) workBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-2 && a.sent[k] == a.sent[i]; k-- {
		if workNouns[a.lower[k]] && isNoun(a.d.Tokens[k].Tag) && !isProper(a.d.Tokens[k].Tag) {
			return true
		}
		if a.d.Tokens[k].Tag != "DT" {
			return false
		}
	}
	return false
}

// withTitle is the text of tokens [i, j) with a title written just before
// ("Sen.", "Mr.") so that gender and canonical form can use it.
func (a *doc) withTitle(i, j int) string {
	s := i
	for s > 0 && s > i-3 && titles[key(a.words[s-1])] && a.sent[s-1] == a.sent[i] {
		s--
	}
	return a.span(s, j)
}

// span is the original text of tokens [i, j).
func (a *doc) span(i, j int) string {
	if i < 0 || j > len(a.words) || i >= j {
		return ""
	}
	s, e := int(a.d.Tokens[i].BStart), int(a.d.Tokens[j-1].BEnd)
	if s < 0 || e > len(a.d.Text) || s >= e {
		var b strings.Builder
		for k := i; k < j; k++ {
			if k > i {
				b.WriteByte(' ')
			}
			b.WriteString(a.words[k])
		}
		return b.String()
	}
	return strings.Join(strings.Fields(a.d.Text[s:e]), " ")
}

func (a *doc) entity(typ, name string) int {
	k := typ + "|" + strings.ToLower(name)
	if e, ok := a.byKey[k]; ok {
		return e
	}
	a.ents = append(a.ents, &entity{name: name, typ: typ, key: k})
	a.byKey[k] = len(a.ents) - 1
	return len(a.ents) - 1
}

// addMention records tokens [s, e) as a mention of entity ent, with the
// head found from the dependency tree.
func (a *doc) addMention(s, e, ent int) {
	h := a.headOf(s, e)
	if h < 0 {
		h = s // all punctuation: any token will do
	}
	subj := false
	{
		dep := a.d.Tokens[h].Dep
		subj = isSubj(dep)
		// "Mr. Trump and his wife said": a conjunct of a subject is one too.
		if dep == "conj" || dep == "appos" {
			if p := int(a.d.Tokens[h].Head); p >= 0 && p < len(a.words) {
				subj = isSubj(a.d.Tokens[p].Dep)
			}
		}
	}
	// "McLenney said Clinton doesn't ...": the subject of what is said
	// is less salient than whoever says it.
	inner := false
	if v := int(a.d.Tokens[h].Head); subj && v >= 0 && v < len(a.words) {
		inner = a.d.Tokens[v].Dep == "ccomp"
	}
	a.ments = append(a.ments, mention{start: s, end: e, head: h, ent: ent, subj: subj, inner: inner})
	for i := s; i < e; i++ {
		if a.mentAt[i] < 0 {
			a.mentAt[i] = len(a.ments) - 1
		}
	}
	a.ents[ent].count++
}

// headOf is the token of [s, e) whose head lies outside the range, or -1
// for a range of punctuation. Without a usable tree (several tokens
// pointing outside) it is the last noun before any comma, preposition or
// relative pronoun: the head of an English noun phrase comes last.
func (a *doc) headOf(s, e int) int {
	first, outside, lastNoun := -1, -1, -1
	cut := false
	for i := max(s, 0); i < e && i < len(a.words); i++ {
		t := &a.d.Tokens[i]
		if t.Tag == "POS" || isPunct(a.words[i]) {
			cut = cut || a.words[i] == "," || a.words[i] == "("
			continue
		}
		if t.Tag == "IN" || t.Tag == "WP" || t.Tag == "WDT" {
			cut = true
		}
		if first < 0 {
			first = i
		}
		if !cut && isNoun(t.Tag) {
			lastNoun = i
		}
		if h := int(t.Head); h < s || h >= e {
			if outside >= 0 {
				if lastNoun >= 0 {
					return lastNoun
				}
				return outside
			}
			outside = i
		}
	}
	if outside >= 0 {
		return outside
	}
	return first
}

func isPunct(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// titleNouns maps written titles to the noun a later description uses.
var titleNouns = map[string]string{
	"sen": "senator", "senator": "senator", "gov": "governor", "governor": "governor",
	"rep": "congressman", "congressman": "congressman", "congresswoman": "congresswoman",
	"president": "president", "secretary": "secretary", "gen": "general", "general": "general",
	"mayor": "mayor", "judge": "judge", "justice": "justice", "speaker": "speaker",
	"rev": "reverend", "dr": "doctor", "chairman": "chairman", "ambassador": "ambassador",
}

// description is a common noun a person was described with and the words
// written before it ("Republican presidential nominee").
type description struct {
	ent   int
	at    int // first token of the description
	words []string
}

// learnDescriptors records the common nouns a person is described with, so
// that "the senator" or "the Republican nominee" can find them later:
// titles ("Sen. Ted Cruz"), compounds ("billionaire Donald Trump") and
// appositions ("Ted Cruz, the senator from Texas").
func (a *doc) learnDescriptors(s, e, ent int) {
	k := s - 1
	for k >= 0 && k >= s-4 && a.sent[k] == a.sent[s] && titles[key(a.words[k])] {
		k--
	}
	for j := k + 1; j < s; j++ {
		if t, ok := titleNouns[key(a.words[j])]; ok {
			a.describe(t, ent, k+1, s)
		}
	}
	// "Democratic vice presidential nominee Tim Kaine", read off the words
	// rather than the tree, which often hangs such a compound elsewhere.
	if j := s - 1; j >= 0 && a.sent[j] == a.sent[s] && a.d.Tokens[j].Tag == "NN" {
		m := j
		for m > 0 && m > j-5 && a.sent[m-1] == a.sent[s] && descrMod[a.d.Tokens[m-1].Tag] {
			m--
		}
		a.describe(lemma(&a.d.Tokens[j], a.lower[j]), ent, m, s)
	}
	h := a.headOf(s, e)
	if h < 0 {
		return
	}
	for _, c := range a.kids[h] {
		t := &a.d.Tokens[c]
		switch {
		case t.Dep == "compound" && t.Tag == "NN" && c < s-1: // c == s-1 is read off the words above
			a.describe(lemma(t, a.lower[c]), ent, a.npStart(h), s)
		case t.Dep == "appos" && t.Tag == "NN":
			a.describe(lemma(t, a.lower[c]), ent, a.npStart(c), c)
		}
	}
	if t := &a.d.Tokens[h]; t.Dep == "appos" {
		if p := int(t.Head); p >= 0 && p < len(a.words) && a.d.Tokens[p].Tag == "NN" {
			a.describe(lemma(&a.d.Tokens[p], a.lower[p]), ent, a.npStart(p), p)
		}
	}
}

// descrMod are the tags of words that modify a descriptive noun before a
// name ("former Democratic vice presidential nominee").
var descrMod = map[string]bool{"JJ": true, "NNP": true, "NN": true, "VBN": true, "HYPH": true, "NNPS": true}

// describe records noun as a description of ent, with the words of tokens
// [s, e) as its modifiers. Organisation nouns describe no person.
func (a *doc) describe(noun string, ent, s, e int) {
	if orgNouns[noun] || workNouns[noun] || noun == "" {
		return
	}
	var words []string
	for i := max(s, 0); i < e && i < len(a.lower); i++ {
		words = append(words, strings.Trim(a.lower[i], "."))
	}
	a.descr[noun] = append(a.descr[noun], description{ent: ent, at: s, words: words})
}

// described finds the latest person described by noun whose modifiers do
// not contradict those of the source ("the Democratic nominee" is not the
// Republican one, "the nominee" not the vice-presidential one).
func (a *doc) described(noun string, mods []string, before int) int {
	ds := a.descr[noun]
	for i := len(ds) - 1; i >= 0; i-- {
		if ds[i].at < before && !contradict(mods, ds[i].words) {
			return ds[i].ent
		}
	}
	return -1
}

func contradict(x, y []string) bool {
	side := func(ws []string) (party byte, vice bool) {
		for _, w := range ws {
			switch {
			case w == "republican" || w == "gop":
				party = 'r'
			case w == "democratic" || w == "democrat":
				party = 'd'
			case strings.HasPrefix(w, "vice"):
				vice = true
			}
		}
		return
	}
	px, vx := side(x)
	py, vy := side(y)
	return px != 0 && py != 0 && px != py || vx != vy
}

func lemma(t *onrecord.Token, lower string) string {
	if t.Lemma != "" {
		return strings.ToLower(t.Lemma)
	}
	return lower
}

// nominalDeps are the relations of noun phrases that can be antecedents.
var nominalDeps = map[string]bool{
	"nsubj": true, "nsubjpass": true, "dobj": true, "iobj": true, "conj": true, "appos": true,
	"root": true, "nmod": true, "nmod:agent": true, "nsubj:pass": true, "obj": true, "obl": true,
}

// findNominals adds the common-noun phrases ("the protesters", "the
// report") that plural and neuter pronouns can point to.
func (a *doc) findNominals() {
	for h := range a.d.Tokens {
		t := &a.d.Tokens[h]
		if a.mentAt[h] >= 0 || !isNoun(t.Tag) || !nominalDeps[t.Dep] && !strings.HasPrefix(t.Dep, "nmod") {
			continue
		}
		if isProper(t.Tag) && t.Tag != "NNPS" && nerClass(t.NER) != "" {
			continue
		}
		s, e := a.npStart(h), h+1
		name := a.span(s, e)
		if name == "" {
			continue
		}
		noun := lemma(t, a.lower[h])
		// "The Republican nominee noted ...": a definite description of a
		// person described so before is a mention of that person.
		if det := a.determiner(h); t.Tag == "NN" && personNouns[noun] && (det == "the" || det == "this") {
			var mods []string
			for k := s; k < h; k++ {
				if a.d.Tokens[k].Tag != "DT" {
					mods = append(mods, strings.Trim(a.lower[k], "."))
				}
			}
			if p := a.described(noun, mods, s); p >= 0 {
				a.addMention(s, e, p)
				continue
			}
		}
		ent := a.entity(Other, strings.ToLower(stripDet(name)))
		en := a.ents[ent]
		if en.count == 0 {
			en.name = name
		}
		en.plural = t.Tag == "NNS" || t.Tag == "NNPS"
		en.human = en.human || personNouns[noun]
		if en.gender == 0 {
			en.gender = nounGender(noun)
		}
		a.addMention(s, e, ent)
	}
	sort.SliceStable(a.ments, func(x, y int) bool { return a.ments[x].start < a.ments[y].start })
	for i := range a.mentAt {
		a.mentAt[i] = -1
	}
	// A name inside a noun phrase ("the Trump campaign") is found first.
	for _, named := range []bool{true, false} {
		for mi, m := range a.ments {
			if (a.ents[m.ent].typ != Other) != named {
				continue
			}
			for i := m.start; i < m.end; i++ {
				if a.mentAt[i] < 0 {
					a.mentAt[i] = mi
				}
			}
		}
	}
}

// npStart is the first token of the noun phrase headed by h: its left
// determiners, modifiers and compounds.
func (a *doc) npStart(h int) int {
	s := h
	for _, c := range a.kids[h] {
		if c >= s || a.sent[c] != a.sent[h] {
			continue
		}
		switch a.d.Tokens[c].Dep {
		case "det", "amod", "compound", "nummod", "nmod:poss", "det:predet", "case":
			if a.d.Tokens[c].Dep == "case" {
				continue
			}
			s = min(s, a.npStart(c))
		}
	}
	return s
}

func stripDet(s string) string {
	f := strings.Fields(s)
	if len(f) > 1 {
		switch strings.ToLower(f[0]) {
		case "the", "a", "an", "this", "that", "these", "those":
			return strings.Join(f[1:], " ")
		}
	}
	return s
}

// voteGender counts he/she pronouns whose sentence and the one before
// mention exactly one person: unambiguous contexts tell the gender of names
// the first-name table does not know.
func (a *doc) voteGender() {
	for p := range a.words {
		g := pronounGender(a.lower[p])
		if g == 0 || !isPronTag(a.d.Tokens[p].Tag) {
			continue
		}
		who := -1
		for mi := len(a.ments) - 1; mi >= 0; mi-- {
			m := a.ments[mi]
			if m.start >= p {
				continue
			}
			if a.sent[p]-a.sent[m.start] > 1 {
				break
			}
			if a.ents[m.ent].typ != Person {
				continue
			}
			if who >= 0 && who != m.ent {
				who = -2
				break
			}
			who = m.ent
		}
		if who >= 0 {
			if g == 'm' {
				a.ents[who].votes[0]++
			} else {
				a.ents[who].votes[1]++
			}
		}
	}
	for _, e := range a.ents {
		if e.gender == 0 && e.typ == Person {
			switch {
			case e.votes[0] > e.votes[1]:
				e.gender = 'm'
			case e.votes[1] > e.votes[0]:
				e.gender = 'f'
			}
		}
	}
}

func isPronTag(tag string) bool { return tag == "PRP" || tag == "PRP$" }

func pronounGender(w string) byte {
	switch w {
	case "he", "him", "his", "himself":
		return 'm'
	case "she", "her", "hers", "herself":
		return 'f'
	}
	return 0
}

// sourceTokens lists the tokens overlapping the source of attribution qi.
func (a *doc) sourceTokens(qi int) []int {
	var out []int
	for _, s := range a.d.Quotes[qi].Source {
		for i, j := a.d.TokensIn(s); i < j; i++ {
			if n := len(out); n == 0 || out[n-1] < i {
				out = append(out, i)
			}
		}
	}
	return out
}

// words of the source without punctuation, lower case.
func (a *doc) sourceWords(toks []int) []string {
	var out []string
	for _, i := range toks {
		if !isPunct(a.words[i]) {
			out = append(out, a.lower[i])
		}
	}
	return out
}

func (a *doc) firstPerson(qi int) bool {
	w := a.sourceWords(a.sourceTokens(qi))
	return len(w) == 1 && (pronClass(w[0]) == "i" || pronClass(w[0]) == "we")
}

// pronClass groups personal pronouns by what they can refer to.
func pronClass(w string) string {
	switch w {
	case "he", "him", "his", "himself", "she", "her", "hers", "herself":
		return "3sg"
	case "i", "me", "my", "mine", "myself":
		return "i"
	case "we", "us", "our", "ours", "ourselves":
		return "we"
	case "they", "them", "their", "theirs", "themselves":
		return "they"
	case "it", "its", "itself":
		return "it"
	case "you", "your", "yours", "yourself", "yourselves":
		return "you"
	}
	return ""
}

// resolve finds the speaker of attribution qi.
func (a *doc) resolve(qi int) {
	q := &a.d.Quotes[qi]
	toks := a.sourceTokens(qi)
	if len(toks) == 0 {
		// No analysis under the source: keep the text as written.
		if s := strings.Join(strings.Fields(joinSlices(a.d, q.Source)), " "); hasLetter(s) {
			q.Speaker = &onrecord.Speaker{Name: s, Type: Other}
		}
		return
	}
	e := a.resolveTokens(qi, toks)
	if e < 0 {
		return
	}
	a.speaker[qi] = e
	en := a.ents[e]
	q.Speaker = &onrecord.Speaker{Name: en.name, Type: en.typ}
	// Later pronouns may point back to this speaker.
	h := a.headOf(toks[0], toks[len(toks)-1]+1)
	if h >= 0 {
		a.spoken = append(a.spoken, mention{start: h, end: h + 1, head: h, ent: e, subj: true, spoken: true})
	}
}

func joinSlices(d *onrecord.Document, ss []onrecord.Span) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, d.Slice(s))
	}
	return strings.Join(parts, " ")
}

// orgNouns head phrases that name an organisation after a person ("the
// Trump campaign").
var orgNouns = set(`campaign administration team office committee foundation organization
	organisation company firm group party staff camp government agency department ministry
	transition pac super-pac network website administration's`)

// roleNouns are people defined by someone else ("Clinton's spokesman").
var roleNouns = set(`spokesman spokeswoman spokesperson aide adviser advisor lawyer attorney
	surrogate official representative manager director chief assistant friend wife husband
	daughter son father mother brother sister supporter supporters aides advisers officials
	staffer staffers secretary press-secretary lawyers attorneys family`)

func (a *doc) resolveTokens(qi int, toks []int) int {
	words := a.sourceWords(toks)
	if len(words) == 0 {
		return -1
	}
	if len(words) == 1 {
		switch c := pronClass(words[0]); c {
		case "3sg", "they", "it", "i", "we":
			var p int
			for _, t := range toks {
				if !isPunct(a.words[t]) {
					p = t
				}
			}
			return a.pronoun(qi, p, c)
		case "you":
			return -1
		}
	}
	if len(words) == 2 && words[0] == "the" && (words[1] == "former" || words[1] == "latter") {
		return a.formerLatter(toks[0], words[1] == "former")
	}
	h := a.headOf(toks[0], toks[len(toks)-1]+1)
	if h < 0 {
		return -1
	}
	if w := a.d.Tokens[h].Tag; (w == "WP" || w == "WDT") && len(words) == 1 {
		if e := a.relative(h); e >= 0 {
			return e
		}
		return a.beforeRelative(h)
	}
	// A name heading the source, or a name in apposition to its head noun.
	if m := a.mentAt[h]; m >= 0 && a.ents[a.ments[m].ent].typ != Other {
		return a.ments[m].ent
	}
	var named []int // mentions of names inside the source
	for _, t := range toks {
		if m := a.mentAt[t]; m >= 0 && a.ents[a.ments[m].ent].typ != Other && (len(named) == 0 || named[len(named)-1] != m) {
			named = append(named, m)
		}
	}
	headLemma := lemma(&a.d.Tokens[h], a.lower[h])
	if e := a.namedSource(named, h, headLemma); e >= 0 {
		return e
	}
	// A transcript's speaker label in capitals ("PENCE:") names a person:
	// the one of the article with that name, else the label in title case.
	// A full label ("JAKE TAPPER:") is remembered for the short ones after.
	if isNoun(a.d.Tokens[h].Tag) && h+1 < len(a.words) && a.words[h+1] == ":" && isAcronym(a.words[h]) {
		s := h
		for s > 0 && a.sent[s-1] == a.sent[h] && isAcronym(a.words[s-1]) {
			s--
		}
		name := a.people.Lookup(titleCase(a.span(s, h+1)))
		a.people.Add(name)
		return a.entity(Person, name)
	}
	// A proper noun the tagger did not class.
	if isProper(a.d.Tokens[h].Tag) {
		s := a.properStart(h)
		name := a.span(s, h+1)
		// A title or a known surname makes it a person ("Mrs. Clinton's").
		orig := a.withTitle(s, h+1)
		p := a.people.Lookup(orig)
		if _, known := a.people.index[p]; known || genderOfName(orig, "") != 0 {
			return a.entity(Person, p)
		}
		// A lone proper noun that speaks ("Jolly said") is a surname
		// more often than an organisation, unless written as an acronym
		// or classed as a place.
		if s == h && len(words) <= 2 && a.d.Tokens[h].Tag == "NNP" && !isAcronym(a.words[h]) &&
			a.determiner(h) == "" && a.d.Tokens[h].NER != "LOCATION" && !workNouns[a.lower[h]] {
			return a.entity(Person, p)
		}
		typ := Organization
		if a.d.Tokens[h].Tag == "NNPS" || a.d.Tokens[h].NER == "MISC" || workNouns[a.lower[h]] {
			typ = Other // "Poll: ..." in a headline is a work, not a speaker
		}
		return a.entity(typ, orgCanonical(name))
	}
	// A description of someone named before: "the senator".
	if det := a.determiner(h); (det == "the" || det == "this") && a.d.Tokens[h].Tag == "NN" {
		var mods []string
		for _, t := range toks {
			if t < h && a.d.Tokens[t].Tag != "DT" {
				mods = append(mods, strings.Trim(a.lower[t], "."))
			}
		}
		if e := a.described(headLemma, mods, h); e >= 0 {
			return e
		}
		if orgNouns[headLemma] {
			for mi := len(a.ments) - 1; mi >= 0; mi-- {
				m := a.ments[mi]
				en := a.ents[m.ent]
				if m.start < h && en.typ == Organization && strings.HasSuffix(strings.ToLower(en.name), " "+headLemma) {
					return m.ent
				}
			}
		}
	}
	// An article or a time alone ("the", "3:25") is a stray source, and a
	// verb heads no speaker.
	if len(words) == 1 && (words[0] == "the" || words[0] == "a" || words[0] == "an") ||
		!hasLetter(strings.Join(words, "")) || strings.HasPrefix(a.d.Tokens[h].Tag, "VB") {
		return -1
	}
	name := a.phrase(toks, h)
	if name == "" {
		return -1
	}
	// A source that runs over a clause names its head's noun phrase.
	for _, t := range toks {
		if tg := a.d.Tokens[t].Tag; tg == "VBD" || tg == "VBZ" || tg == "VBP" || tg == "MD" {
			name = a.span(a.npStart(h), h+1)
			break
		}
	}
	e := a.entity(Other, strings.ToLower(stripDet(name)))
	if a.ents[e].count == 0 {
		a.ents[e].name = name
	}
	a.ents[e].plural = a.d.Tokens[h].Tag == "NNS" || a.d.Tokens[h].Tag == "NNPS"
	a.ents[e].human = a.ents[e].human || personNouns[headLemma]
	if a.ents[e].gender == 0 {
		a.ents[e].gender = nounGender(headLemma)
	}
	return e
}

// nounGender is the gender a noun for a person implies ("her husband"
// is not "she"), or 0.
func nounGender(noun string) byte {
	switch noun {
	case "man", "father", "son", "husband", "brother", "king", "prince", "actor", "spokesman",
		"congressman", "businessman", "chairman", "boyfriend", "uncle", "nephew", "grandfather":
		return 'm'
	case "woman", "mother", "daughter", "wife", "sister", "queen", "princess", "actress",
		"spokeswoman", "congresswoman", "businesswoman", "chairwoman", "girlfriend", "aunt",
		"niece", "grandmother", "widow":
		return 'f'
	}
	return 0
}

// personNouns head descriptions of people: a later "he" or "she" may
// refer to "the Florida senator" even when no name for it is known.
var personNouns = set(`senator president candidate nominee governor congressman congresswoman
	lawmaker official spokesman spokeswoman spokesperson aide adviser advisor lawyer attorney
	secretary director chairman chairwoman chair leader minister ambassador judge justice
	mayor representative politician strategist analyst expert economist professor scientist
	researcher author writer reporter journalist columnist editor host anchor moderator
	billionaire businessman businesswoman executive ceo founder owner manager consultant
	pollster activist organizer protester voter supporter critic opponent rival challenger
	man woman father mother son daughter husband wife brother sister friend resident student
	boyfriend girlfriend uncle aunt nephew niece grandfather grandmother widow
	teacher doctor officer agent general commander veteran soldier witness victim suspect
	prosecutor investigator chief head member delegate speaker former latter nominee's
	republican democrat democrats republicans actor actress singer star comedian celebrity
	pastor priest bishop pope king queen prince princess premier chancellor spokeswoman's`)

// namedSource picks the entity among the names inside a source headed by
// the common noun h: "Clinton's spokesman Brian Fallon" is Brian Fallon,
// "a spokesman for Trump" is nobody named, "the Trump campaign" is an
// organisation and "the campaign of Hillary Clinton" is Hillary Clinton.
func (a *doc) namedSource(named []int, h int, headLemma string) int {
	if len(named) == 0 {
		return -1
	}
	for _, mi := range named {
		m := a.ments[mi]
		if a.possessive(m) {
			continue
		}
		dep := a.d.Tokens[m.head].Dep
		switch {
		case a.modifies(m, h) && orgNouns[headLemma]:
			// "the Trump campaign": handled below.
		case a.modifies(m, h) || int(a.d.Tokens[m.head].Head) == h && dep == "amod":
			// "a Donald Trump tweet", "a Bloomberg poll": not the name.
		case strings.HasPrefix(dep, "nmod") && !orgNouns[headLemma] && !a.afterTitle(m):
			// "a spokesman for Trump", "a study by Harvard"; but
			// "Secretary of State Hillary Clinton" is Hillary Clinton.
		default:
			return m.ent
		}
	}
	m := a.ments[named[0]]
	if orgNouns[headLemma] && a.ents[m.ent].typ == Person {
		// "the Trump campaign", "Clinton's campaign": the organisation.
		return a.entity(Organization, lastWord(a.ents[m.ent].name)+" "+headLemma)
	}
	return -1
}

// afterTitle tells whether the name m follows a proper noun of the same
// phrase, as in "Secretary of State Hillary Clinton", where a parser may
// attach the name to the title like a prepositional object.
func (a *doc) afterTitle(m mention) bool {
	return m.start > 0 && a.sent[m.start-1] == a.sent[m.start] && isProper(a.d.Tokens[m.start-1].Tag)
}

// titleCase writes each word of s with only its first letter in capitals.
func titleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		r, n := utf8.DecodeRuneInString(w)
		ws[i] = string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
	}
	return strings.Join(ws, " ")
}

// isAcronym tells a word written in capitals ("NATO", "FBI").
func isAcronym(w string) bool {
	up := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			up++
		}
	}
	return up > 1
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return s
	}
	return f[len(f)-1]
}

// properStart extends a proper noun leftwards over its compound parts.
func (a *doc) properStart(h int) int {
	s := h
	for s > 0 && isProper(a.d.Tokens[s-1].Tag) && a.sent[s-1] == a.sent[h] && int(a.d.Tokens[s-1].Head) == h {
		s--
	}
	return s
}

// possessive tells a name written as a possessive ("Clinton's").
func (a *doc) possessive(m mention) bool {
	if m.end < len(a.words) && a.d.Tokens[m.end].Tag == "POS" {
		return true
	}
	return m.head >= 0 && a.d.Tokens[m.head].Dep == "nmod:poss"
}

// modifies tells whether the mention's head depends directly on token h
// as a compound or possessive ("the Trump campaign").
func (a *doc) modifies(m mention, h int) bool {
	if m.head < 0 {
		return false
	}
	t := &a.d.Tokens[m.head]
	return int(t.Head) == h && (t.Dep == "compound" || t.Dep == "nmod:poss")
}

func (a *doc) determiner(h int) string {
	for _, c := range a.kids[h] {
		if a.d.Tokens[c].Dep == "det" {
			return a.lower[c]
		}
	}
	return ""
}

// phrase is the source as a noun phrase: from its first word to the end of
// the head's phrase, cut before an appositive or relative clause.
func (a *doc) phrase(toks []int, h int) string {
	s, e := -1, h+1
	for _, t := range toks {
		if isPunct(a.words[t]) && s < 0 {
			continue
		}
		if s < 0 {
			s = t
		}
		if t > h {
			if a.words[t] == "," || a.d.Tokens[t].Tag == "WP" || a.d.Tokens[t].Tag == "WDT" || a.words[t] == "(" {
				break
			}
			e = t + 1
		}
	}
	if s < 0 || s > h {
		s = h
	}
	return a.span(s, e)
}

// relative resolves "who"/"which" to the noun its clause modifies.
func (a *doc) relative(w int) int {
	v := int(a.d.Tokens[w].Head)
	for hops := 0; v >= 0 && v < len(a.words) && hops < 3; hops++ {
		t := &a.d.Tokens[v]
		if strings.HasPrefix(t.Dep, "acl") {
			n := int(t.Head)
			if n < 0 || n >= len(a.words) {
				return -1
			}
			if m := a.mentAt[n]; m >= 0 {
				return a.ments[m].ent
			}
			return -1
		}
		v = int(t.Head)
	}
	return -1
}

// beforeRelative resolves "who" without a usable tree to the phrase
// written just before it ("Graham—who", "64 percent who say").
func (a *doc) beforeRelative(w int) int {
	k := w - 1
	for k >= 0 && a.sent[k] == a.sent[w] && isPunct(a.words[k]) {
		k--
	}
	if k < 0 || a.sent[k] != a.sent[w] {
		return -1
	}
	if m := a.mentAt[k]; m >= 0 {
		return a.ments[m].ent
	}
	t := &a.d.Tokens[k]
	if !isNoun(t.Tag) && t.Tag != "DT" && t.Tag != "CD" {
		return -1
	}
	name := a.span(a.npStart(k), k+1)
	if !hasLetter(name) && t.Tag != "CD" {
		return -1
	}
	e := a.entity(Other, strings.ToLower(stripDet(name)))
	if a.ents[e].count == 0 {
		a.ents[e].name = name
	}
	return e
}

// formerLatter picks, of the last two named entities before token p, the
// earlier (the former) or the later (the latter).
func (a *doc) formerLatter(p int, former bool) int {
	var last []int
	for mi := len(a.ments) - 1; mi >= 0 && len(last) < 2; mi-- {
		m := a.ments[mi]
		if m.start >= p || a.ents[m.ent].typ == Other {
			continue
		}
		if len(last) == 1 && last[0] == m.ent {
			continue
		}
		last = append(last, m.ent)
	}
	switch {
	case len(last) == 2 && former:
		return last[1]
	case len(last) >= 1 && !former:
		return last[0]
	}
	return -1
}

// quoteOf is the attribution other than qi whose content covers token p.
func (a *doc) quoteOf(qi, p int) int {
	t := &a.d.Tokens[p]
	for j := range a.d.Quotes {
		if j == qi {
			continue
		}
		for _, s := range a.d.Quotes[j].Content {
			if int(t.Start) >= s.Start && int(t.End) <= s.End {
				return j
			}
		}
	}
	return -1
}

// pronoun resolves pronoun token p of class c (see pronClass).
func (a *doc) pronoun(qi, p int, c string) int {
	if c == "i" || c == "we" {
		// Inside a quotation, "I" is whoever is quoted.
		if j := a.quoteOf(qi, p); j >= 0 {
			if e, ok := a.speaker[j]; ok && (c == "i" || a.ents[e].typ != Person) {
				return e
			}
		}
		if c == "i" && a.quoted[p] {
			return a.nearestSpeaker(p)
		}
		return -1
	}
	g := pronounGender(a.lower[p])
	// A source written after its content ("“...,” he said") is read from
	// where the content starts: what the speaker says is not where the
	// speaker was last named, and names inside it are not antecedents.
	at := p
	if c0 := a.contentStart(qi); c0 >= 0 && c0 < p && a.quoted[c0] {
		at = c0
	}
	// Earlier speakers first, then mentions: on a tie the speaker wins.
	var cands []mention
	for _, list := range [][]mention{a.spoken, a.ments} {
		for _, m := range list {
			if m.start >= at || m.end > at && !m.spoken || a.sent[at]-a.sent[m.start] > 12 {
				continue
			}
			if compatible(a.ents[m.ent], c, g, a.d.Tokens[m.head].Tag) {
				cands = append(cands, m)
			}
		}
	}
	best, bestScore := -1, math.Inf(-1)
	for _, m := range cands {
		dist := a.sent[at] - a.sent[m.start]
		en := a.ents[m.ent]
		s := -weights.dist * float64(dist)
		if a.para[at] != a.para[m.start] {
			s -= weights.para
		}
		s -= 0.01 * math.Min(float64(at-m.end), 60)
		switch {
		case m.inner:
			s += weights.inner
		case m.subj:
			s += weights.subj
		}
		if m.spoken {
			s += weights.spoken
		}
		if a.quoted[m.start] && !a.quoted[p] {
			s -= 2
		}
		if g != 0 && en.gender == g {
			s += weights.gender
		}
		if en.typ != Other {
			s += weights.count * math.Log1p(float64(en.count))
		}
		if c != "3sg" && en.typ == Organization {
			s += weights.org
		}
		if c == "they" && en.human {
			s += weights.human
		}
		// Another subject that could be meant, written after this
		// candidate, makes it less likely: "Grayson said ... Murphy, a
		// Jupiter Democrat, has made ... He said" is Murphy. An
		// appositive ("John Dickey, the chief executive") is no other
		// subject: it renames the noun it hangs on.
		seen := -1
		for _, o := range cands {
			if o.ent != m.ent && o.subj && o.start >= m.end && o.ent != seen && !(a.quoted[o.start] && !a.quoted[p]) &&
				a.d.Tokens[o.head].Dep != "appos" {
				s -= weights.between
				seen = o.ent
			}
		}
		if s > bestScore {
			best, bestScore = m.ent, s
		}
	}
	return best
}

// contentStart is the first token of the content of attribution qi, or
// -1 when it has none.
func (a *doc) contentStart(qi int) int {
	first := -1
	for _, sp := range a.d.Quotes[qi].Content {
		if i, j := a.d.TokensIn(sp); i < j && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}

// weights weigh the evidence for a pronoun's antecedent.
var weights = struct{ dist, para, subj, inner, spoken, gender, count, between, org, human float64 }{1.2, 0.8, 1.2, 0.6, 1.5, 0.5, 0.3, 0.6, 0.3, 0.5}

// compatible tells whether entity en can be the antecedent of a pronoun of
// class c and gender g; tag is the tag of the mention's head.
func compatible(en *entity, c string, g byte, tag string) bool {
	switch c {
	case "3sg":
		return (en.typ == Person || en.human && !en.plural) && (en.gender == 0 || en.gender == g)
	case "they":
		return en.typ == Organization || en.typ == Other && en.plural
	case "it":
		return en.typ == Organization || en.typ == Other && !en.plural && tag != "NNP"
	}
	return false
}

// nearestSpeaker is the speaker of the resolved attribution whose content
// lies closest to token p, for a quoted "I" outside any annotated content.
func (a *doc) nearestSpeaker(p int) int {
	best, bestDist := -1, 1<<30
	pos := int(a.d.Tokens[p].Start)
	for j := range a.d.Quotes {
		e, ok := a.speaker[j]
		if !ok {
			continue
		}
		for _, s := range a.d.Quotes[j].Content {
			if dd := min(abs(s.Start-pos), abs(s.End-pos)); dd < bestDist {
				best, bestDist = e, dd
			}
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
