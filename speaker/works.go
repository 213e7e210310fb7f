// Works and renamings: a report, a statement or a decision speaks for
// whoever wrote or released it ("the IMF report", "a study by Harvard"),
// and a relative pronoun after a description that renames a name ("Acme,
// a retailer that ...") stands for that name.

package speaker

import (
	"strings"
	"unicode"
)

// authoredNouns head sources that speak for their author, as works do
// (workNouns): "a decision by the court", "the club's announcement".
var authoredNouns = set(`decision ruling announcement estimate estimates forecast projection
	finding findings data figures memo tweet filing complaint lawsuit speech remarks
	testimony guidance warning assessment indictment verdict email interview release
	website post message blog podcast newsletter`)

// authorVerbs make their agent ("a report released by Acme") or their
// subject ("Roe wrote a memoir") the author of a work. Publishing is not
// authoring: a newspaper publishes what others wrote.
var authorVerbs = set(`release issue write author conduct prepare produce compile sign send commission`)

// workSource resolves a source headed by the common noun h, when h is a
// work, to its author: written in the phrase ("Acme's report", "the IMF
// report", "a study by Harvard", "a poll released by Acme"), or the
// subject of the clause that holds it ("In a statement, Acme said"), or,
// for "the statement", the author of the statement named before it.
func (a *doc) workSource(qi, h int, headLemma string) int {
	if !workNouns[headLemma] && !authoredNouns[headLemma] || isProper(a.d.Tokens[h].Tag) {
		return -1
	}
	if e := a.workAuthor(qi, h); e >= 0 {
		return e
	}
	if det := a.determiner(h); det != "the" && det != "this" {
		return -1
	}
	if k := a.nounBefore(h, headLemma, 12); k >= 0 {
		return a.workAuthor(qi, k)
	}
	return -1
}

// nounBefore is the nearest common noun before h, at most within sentences
// back, with this lemma ("the statement" after "a statement by Acme"), or -1.
func (a *doc) nounBefore(h int, lem string, within int) int {
	for k := h - 1; k >= 0 && a.sent[h]-a.sent[k] <= within; k-- {
		if isNoun(a.d.Tokens[k].Tag) && !isProper(a.d.Tokens[k].Tag) && lemma(&a.d.Tokens[k], a.lower[k]) == lem {
			return k
		}
	}
	return -1
}

// workAuthor is the named author of the work noun k, or -1.
func (a *doc) workAuthor(qi, k int) int {
	for _, c := range a.kids[k] {
		t := &a.d.Tokens[c]
		switch {
		case t.Dep == "nmod:poss" && isPronTag(t.Tag):
			// "his statement", "their report"
			if cl := pronClass(a.lower[c]); cl == "3sg" || cl == "they" || cl == "it" {
				if e := a.pronoun(qi, c, cl); e >= 0 && a.ents[e].typ != Other {
					return e
				}
			}
		case t.Dep == "nmod:poss" || t.Dep == "compound":
			if m := a.mentAt[c]; m >= 0 && a.joint(a.ments[m], k) {
				return -1
			}
			if e := a.namedAt(c); e >= 0 {
				return e
			}
			if e := a.describedOwner(qi, c); e >= 0 {
				return e
			}
		case t.Dep == "nmod" && (a.caseOf(c) == "by" || a.caseOf(c) == "from"):
			if e := a.namedAt(c); e >= 0 {
				return e
			}
			if e := a.namedByModifier(tokenRange(a.npStart(c), c+1), c, lemma(t, a.lower[c])); e >= 0 {
				return e
			}
			if e := a.officeOf(c); e >= 0 {
				return e
			}
		case t.Dep == "acl" && authorVerbs[lemma(t, a.lower[c])]:
			for _, g := range a.kids[c] {
				if a.d.Tokens[g].Dep == "nmod" && a.caseOf(g) == "by" {
					if e := a.namedAt(g); e >= 0 {
						return e
					}
				}
			}
		}
	}
	// The subject of the clause: "Roe wrote a memoir", "In a statement,
	// Acme said".
	t := &a.d.Tokens[k]
	v := int(t.Head)
	if v < 0 || v >= len(a.words) || !strings.HasPrefix(a.d.Tokens[v].Tag, "VB") {
		return -1
	}
	if t.Dep == "dobj" && authorVerbs[lemma(&a.d.Tokens[v], a.lower[v])] || t.Dep == "nmod" && a.caseOf(k) == "in" {
		for _, c := range a.kids[v] {
			if isSubj(a.d.Tokens[c].Dep) {
				return a.namedAt(c)
			}
		}
	}
	return -1
}

// describedOwner is the organisation that the possessor c, a definite
// description ("the chain's press release", "the hotel's website"),
// stands for, resolved as a source headed by it would be; -1 when none.
func (a *doc) describedOwner(qi, c int) int {
	t := &a.d.Tokens[c]
	if t.Dep != "nmod:poss" || t.Tag != "NN" || a.determiner(c) != "the" {
		return -1
	}
	if e := a.resolveTokens(qi, tokenRange(a.npStart(c), c+1)); e >= 0 && a.ents[e].typ == Organization {
		return e
	}
	return -1
}

// officeOf is the person whose office the noun i is ("Roe's office"), or
// -1: an office speaks for whoever holds it.
func (a *doc) officeOf(i int) int {
	if lemma(&a.d.Tokens[i], a.lower[i]) != "office" {
		return -1
	}
	for _, c := range a.kids[i] {
		if e := a.namedAt(c); e >= 0 && a.d.Tokens[c].Dep == "nmod:poss" && a.ents[e].typ == Person {
			return e
		}
	}
	return -1
}

// caseOf is the preposition of the noun i ("by" of "by Acme"), or "".
func (a *doc) caseOf(i int) string {
	for _, c := range a.kids[i] {
		if a.d.Tokens[c].Dep == "case" {
			return a.lower[c]
		}
	}
	return ""
}

// renamed is the name that the description headed by the common noun n
// renames, for a relative pronoun after it: the name it is in apposition
// to ("Acme, a retailer that ...") or the name written just before it and
// a comma ("Roe, now the club's captain, who ..."); -1 when there is none.
func (a *doc) renamed(n int) int {
	t := &a.d.Tokens[n]
	if !isNoun(t.Tag) || isProper(t.Tag) {
		return -1
	}
	p := -1
	if t.Dep == "appos" {
		p = int(t.Head)
	} else {
		k := a.npStart(n) - 1
		for k >= 0 && a.sent[k] == a.sent[n] && a.d.Tokens[k].Tag == "RB" {
			k--
		}
		if k >= 1 && a.words[k] == "," && a.sent[k-1] == a.sent[n] {
			p = k - 1
		}
	}
	if p < 0 || p >= len(a.words) || p == n {
		return -1
	}
	if e := a.namedAt(p); e >= 0 {
		return e
	}
	// A capitalised word inside a sentence that the tagger classed as no
	// name is one, of the kind the description tells ("Zorbex, a startup
	// company that ...").
	r := []rune(a.words[p])
	if !isNoun(a.d.Tokens[p].Tag) || len(r) == 0 || !unicode.IsUpper(r[0]) || p == 0 || a.sent[p-1] != a.sent[p] || a.headline(p) {
		return -1
	}
	switch l := lemma(t, a.lower[n]); {
	case orgNouns[l] || groupNouns[l]:
		return a.entity(Organization, orgCanonical(a.span(a.properStart(p), p+1)))
	}
	return -1
}

// nounSince tells whether the common noun h was written before it, and
// after the last mention of entity e, heading a phrase that names nothing:
// in "Bloomberg reports ... among the group of voters ... The group also
// views", the group is the voters, not Bloomberg.
func (a *doc) nounSince(h, e int) bool {
	last := -1
	from := a.sent[h] - reach
	for _, list := range [][]mention{a.ments[a.mentInSent(from):a.mentBefore(h)], a.spokenFrom(from)} {
		for _, m := range list {
			if m.ent == e && m.end <= h {
				last = max(last, m.end)
			}
		}
	}
	if last < 0 {
		return false
	}
	l := lemma(&a.d.Tokens[h], a.lower[h])
	for k := last; k < h; k++ {
		t := &a.d.Tokens[k]
		if !isNoun(t.Tag) || isProper(t.Tag) || a.namedAt(k) >= 0 || t.Dep == "appos" || lemma(t, a.lower[k]) != l {
			continue
		}
		named := false
		for _, c := range a.kids[k] {
			named = named || a.namedAt(c) >= 0
		}
		if !named {
			return true
		}
	}
	return false
}

// joint tells a work of several names ("a Times/CBS News poll", "a
// Post-ABC survey"), whose speaker is none of them: a slash or hyphen
// joins the name m to another before the work noun h.
func (a *doc) joint(m mention, h int) bool {
	for k := max(m.start-1, 0); k < h; k++ {
		if strings.ContainsAny(a.words[k], "/-") || k < m.start && isProper(a.d.Tokens[k].Tag) {
			return true
		}
	}
	return false
}
