// Entities: what is known of each referent (descriptions, gender, number)
// and how pronouns, relatives and "the former"/"the latter" find theirs.

package speaker

import (
	"math"
	"strings"
)

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
	for k >= 0 && k >= s-4 && a.sent[k] == a.sent[s] && (titles[a.keyAt(k)] || personNouns[a.keyAt(k)]) {
		k--
	}
	for j := k + 1; j < s; j++ {
		if t, ok := titleNouns[a.keyAt(j)]; ok {
			a.describe(t, ent, k+1, s)
		} else if w := a.keyAt(j); personNouns[w] {
			a.describe(w, ent, k+1, s) // "Research Director Raj Shah"
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

// voteGender counts he/she pronouns whose sentence and the one before
// mention exactly one person: unambiguous contexts tell the gender of names
// the first-name table does not know.
func (a *doc) voteGender() {
	for p := range a.words {
		g := pronounGender(a.lower[p])
		if !isPronTag(a.d.Tokens[p].Tag) {
			g = nounGender(lemma(&a.d.Tokens[p], a.lower[p])) // "the singer", "the actress"
		}
		if g == 0 || !isPronTag(a.d.Tokens[p].Tag) {
			continue
		}
		who := -1
		for mi := a.mentBefore(p) - 1; mi >= 0; mi-- {
			m := a.ments[mi]
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

// namePronouns counts, for each one-word proper noun, the first he or
// she written after it in its sentence before any other proper noun, on
// the same side of a quotation mark ("Clinton allowed her staff"): see
// Names.pron. Proper nouns have no gender of their own, so these votes
// tell which bearer of a shared surname the bare surname means.
func (a *doc) namePronouns() map[string]*[2]int {
	votes := map[string]*[2]int{}
	for i := range a.words {
		if !isProper(a.d.Tokens[i].Tag) || !hasLetter(a.words[i]) ||
			i > 0 && isProper(a.d.Tokens[i-1].Tag) && !titles[a.keyAt(i-1)] {
			continue
		}
		for j := i + 1; j < len(a.words) && j < i+25 && a.sent[j] == a.sent[i] && a.quoted[j] == a.quoted[i]; j++ {
			t := &a.d.Tokens[j]
			if isProper(t.Tag) {
				break
			}
			g := pronounGender(a.lower[j])
			if g == 0 || !isPronTag(t.Tag) {
				continue
			}
			v := votes[a.lower[i]]
			if v == nil {
				v = &[2]int{}
				votes[a.lower[i]] = v
			}
			if g == 'm' {
				v[0]++
			} else {
				v[1]++
			}
			break
		}
	}
	return votes
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
	pastor priest bishop pope king queen prince princess premier chancellor spokeswoman's
	player striker midfielder defender goalkeeper keeper coach referee captain athlete champion
	rapper musician guitarist drummer songwriter producer filmmaker designer model chef
	surgeon nurse physician patient banker investor trader entrepreneur engineer officer's
	president's owner's star's boss chairman's inventor pilot driver rider boxer fighter`)

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
			return a.referent(n)
		}
		v = int(t.Head)
	}
	return -1
}

// referent is the entity a relative pronoun after the noun n stands for:
// the name n renames ("Acme, a retailer that ..."), else n's own, or -1.
func (a *doc) referent(n int) int {
	if e := a.renamed(n); e >= 0 {
		return e
	}
	if m := a.mentAt[n]; m >= 0 {
		return a.ments[m].ent
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
	if e := a.referent(k); e >= 0 {
		return e
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
	a.ents[e].desc = true
	if a.ents[e].count == 0 {
		a.ents[e].name = name
	}
	return e
}

// formerLatter picks, of the last two named entities before token p, the
// earlier (the former) or the later (the latter).
func (a *doc) formerLatter(p int, former bool) int {
	var last []int
	for mi := a.mentBefore(p) - 1; mi >= 0 && len(last) < 2 && a.sent[p]-a.sent[a.ments[mi].start] <= reach; mi-- {
		m := a.ments[mi]
		if a.ents[m.ent].typ == Other {
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
		if c == "i" {
			return a.writer(p)
		}
		return -1
	}
	g := pronounGender(a.lower[p])
	if !isPronTag(a.d.Tokens[p].Tag) {
		g = nounGender(lemma(&a.d.Tokens[p], a.lower[p])) // "the singer", "the actress"
	}
	// A source written after its content ("“...,” he said", "He hoped
	// Roe would stay, he added") is read from where the content starts:
	// what the speaker says is not where the speaker was last named, and
	// names inside it are not antecedents, quoted or not.
	// Reported speech unquoted is different where its own subject is a
	// name: "Roe was shocked, she said" is about the speaker herself.
	at, c0 := p, a.contentStart(qi)
	if c0 >= 0 && c0 < p {
		at = c0
	}
	ownSubject := func(m mention) bool {
		return c0 >= 0 && !a.quoted[c0] && m.start >= c0 && m.end <= p && a.sent[m.start] == a.sent[c0] && m.subj && !m.inner
	}
	// Earlier speakers first, then mentions: on a tie the speaker wins.
	// Only mentions of the last 12 sentences are looked at, found by
	// position: a scan of all of them made long documents quadratic.
	var cands []mention
	from := a.sent[at] - 12
	for _, list := range [][]mention{a.spokenFrom(from), a.ments[a.mentInSent(from):a.mentBefore(p)]} {
		for _, m := range list {
			if (m.start >= at || m.end > at && !m.spoken) && !ownSubject(m) || a.sent[at]-a.sent[m.start] > 12 ||
				a.sent[m.start] == a.sent[p] && a.addressee(m) {
				continue
			}
			if compatible(a.ents[m.ent], c, g, a.d.Tokens[m.head].Tag) || a.spokesperson(m, c, g) {
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
		// "The host" that names no one known is still most likely
		// someone the story names: a name wins the pronoun over it.
		// "A witness" is someone new and stays a candidate.
		if c == "3sg" && en.desc && a.determiner(m.head) == "the" {
			s -= weights.unnamed
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

// addressee tells a mention of whom someone speaks to ("In an interview
// with the Herald, she said", "Speaking to Roe, he said"): not the one a
// pronoun of that sentence means.
func (a *doc) addressee(m mention) bool { return a.addressedAt(m.head) }

// addressedAt tells a noun h that is whom someone speaks to (see addressee).
func (a *doc) addressedAt(h int) bool {
	hd := int(a.d.Tokens[h].Head)
	if hd < 0 || hd >= len(a.words) {
		return false
	}
	switch l := lemma(&a.d.Tokens[hd], a.lower[hd]); a.caseOf(h) {
	case "with":
		return l == "interview"
	case "to":
		return l == "speak" || l == "talk"
	}
	return false
}

// spokesperson tells whether the earlier source m is a spokesperson a
// pronoun of class c and gender g can stand for: "A spokeswoman for the
// hospital said ... she said" is the hospital speaking again.
func (a *doc) spokesperson(m mention, c string, g byte) bool {
	if !m.spoken || c != "3sg" {
		return false
	}
	n := lemma(&a.d.Tokens[m.head], a.lower[m.head])
	return spokesNouns[n] && (g == 0 || nounGender(n) == 0 || nounGender(n) == g)
}

// contentStart is the first token of the content of attribution qi, or
// -1 when it has none.
func (a *doc) contentStart(qi int) int {
	if a.contStart == nil {
		a.contStart = make([]int, len(a.d.Quotes))
		for q := range a.contStart {
			first := -1
			for _, sp := range a.d.Quotes[q].Content {
				if i, j := a.d.TokensIn(sp); i < j && (first < 0 || i < first) {
					first = i
				}
			}
			a.contStart[q] = first
		}
	}
	return a.contStart[qi]
}

// weights weigh the evidence for a pronoun's antecedent.
var weights = struct{ dist, para, subj, inner, spoken, gender, count, between, org, human, unnamed float64 }{1.2, 0.8, 1.2, 0.6, 1.5, 0.5, 0.3, 0.6, 0.3, 0.5, 4}

// compatible tells whether entity en can be the antecedent of a pronoun of
// class c and gender g; tag is the tag of the mention's head.
func compatible(en *entity, c string, g byte, tag string) bool {
	switch c {
	case "3sg":
		return (en.typ == Person || en.human && !en.plural) && (g == 0 || en.gender == 0 || en.gender == g)
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
