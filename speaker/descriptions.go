// Descriptions: a common noun phrase resolved to the named entity it
// stands for, from what the article says of it before (an organisation
// whose name holds its words, a person's campaign, whose aide someone is)
// or, in a headline or lead, after it.

package speaker

import "strings"

// orgWithWords is the latest organisation named before the description
// toks headed by h whose name holds its head noun and its modifiers, nouns
// all, adjectives at least one ("the appeals court" is the "U.S. Court of
// Appeals for the Sixth Circuit" named before); with after, else the first
// one named after it ("Roe's animal foundation", then the "Jane Roe Animal
// Foundation"); -1 when none.
func (a *doc) orgWithWords(toks []int, h int, head string, after bool) int {
	for mi := a.mentBefore(h) - 1; mi >= 0 && a.sent[h]-a.sent[a.ments[mi].start] <= reach; mi-- {
		if a.holdsWords(a.ments[mi], toks, h, head) {
			return a.ments[mi].ent
		}
	}
	for mi := a.mentBefore(h); after && mi < len(a.ments) && a.sent[a.ments[mi].start]-a.sent[h] <= reach; mi++ {
		if a.holdsWords(a.ments[mi], toks, h, head) {
			return a.ments[mi].ent
		}
	}
	return -1
}

// holdsWords tells whether m names an organisation with the words of the
// description toks headed by h (see orgWithWords).
func (a *doc) holdsWords(m mention, toks []int, h int, head string) bool {
	en := a.ents[m.ent]
	if en.typ != Organization {
		return false
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(en.name)) {
		words[strings.Trim(w, ".,")] = true
	}
	if !words[head] {
		return false
	}
	matched := 0
	for _, t := range toks {
		if t >= h || isPunct(a.words[t]) || a.d.Tokens[t].Tag == "DT" {
			continue
		}
		switch {
		case words[strings.Trim(a.lower[t], ".")]:
			matched++
		case isNoun(a.d.Tokens[t].Tag):
			return false
		}
	}
	return matched > 0
}

// hasCampaign tells whether the story writes of the campaign of the person
// with this surname ("the Roe campaign", "Roe's campaign").
func (a *doc) hasCampaign(surname string) bool {
	for i := 1; i < len(a.words); i++ {
		if a.lower[i] != "campaign" {
			continue
		}
		k := i - 1
		if a.d.Tokens[k].Tag == "POS" && k > 0 {
			k--
		}
		if a.words[k] == surname {
			return true
		}
	}
	return false
}

// owner is the person a noun is said to be of ("Obama's former
// strategist"), or -1.
func (a *doc) owner(h int) int {
	for _, c := range a.kids[h] {
		if a.d.Tokens[c].Dep != "nmod:poss" {
			continue
		}
		if m := a.mentAt[c]; m >= 0 && a.ents[a.ments[m].ent].typ == Person {
			return a.ments[m].ent
		}
	}
	return -1
}

// leadSentences is how far into a story its headline and lead run: a
// description there ("Lawmaker urges ...", "A union representing pilots
// endorsed ...") is of someone the next sentences name.
const leadSentences = 3

// leadDescription resolves a bare or indefinite description of one person
// or organisation in the headline or lead, headed by h, to the entity the
// story names after it (see ahead); -1 when it is none such.
func (a *doc) leadDescription(toks []int, h int) int {
	if a.sent[h] >= leadSentences {
		return -1
	}
	if t := a.d.Tokens[h].Tag; t != "NN" && t != "NNP" {
		return -1
	}
	noun := a.keyAt(h)
	typ := Person
	switch {
	case groupNouns[noun]:
		typ = Organization
	case titleNouns[noun] != "":
		noun = titleNouns[noun]
	case !personNouns[noun] || spokesNouns[noun]:
		return -1 // a spokesperson speaks for someone else
	}
	// Capitalised, it must be in a title-case headline or open its
	// sentence, not be part of a name ("General Motors said").
	if isUpperFirst(a.words[h]) && !a.headline(h) && h > 0 && a.sent[h-1] == a.sent[h] {
		return -1
	}
	for _, t := range toks {
		if m := a.mentAt[t]; m >= 0 && a.ents[a.ments[m].ent].typ == typ && !(a.ments[m].start == h && a.ments[m].end == h+1) {
			return -1 // "party leader Marine Le Pen" is named already
		}
		if t >= h {
			continue
		}
		// Definite, it is someone known, not introduced: "the
		// senator", "Obama's former strategist"; but "flight
		// attendants' union" only says what kind of union.
		tg := a.d.Tokens[t].Tag
		if tg == "DT" && a.lower[t] != "a" && a.lower[t] != "an" || tg == "PRP$" ||
			tg == "POS" && t > 0 && a.d.Tokens[t-1].Tag != "NNS" {
			return -1
		}
	}
	return a.ahead(h, noun, typ)
}

// ahead is the entity of type typ a description headed by h stands for
// when the story names it only after it: the first one described with the
// same noun in the next sentences ("Retired General ..." then "Gen. Norman
// Ham"), else, unless the noun is a title that the name would carry, the
// first such entity that speaks or is the subject of a sentence there and
// was not named up to the description ("Former chairman calls for Clinton
// contingency plan" is not Clinton).
func (a *doc) ahead(h int, noun, typ string) int {
	last := a.sent[h] + leadSentences
	if typ == Person {
		for _, d := range a.descr[noun] {
			if d.at > h && a.sent[d.at] <= last {
				return d.ent
			}
		}
	}
	if namedTitles[noun] {
		return -1
	}
	before := map[int]bool{}
	for _, m := range a.ments {
		if a.sent[m.start] <= a.sent[h] {
			before[m.ent] = true
			continue
		}
		if a.sent[m.start] > last {
			break
		}
		if (m.subj && !m.inner || a.speaks(m.head)) && !a.possessive(m) && a.ents[m.ent].typ == typ && !before[m.ent] {
			return m.ent
		}
	}
	return -1
}

// namedTitles are written before a name as a title ("Sen. Ted Cruz",
// "Judge Ann Lee"): a story names the person they describe with them.
var namedTitles = set(`senator governor congressman congresswoman general doctor reverend judge justice mayor`)

// speaks tells whether token t heads the source of an attribution ("...,”
// said Don Fowler", which a parser may take for an object).
func (a *doc) speaks(t int) bool {
	for _, toks := range a.srcToks {
		if len(toks) > 0 && toks[0] <= t && t <= toks[len(toks)-1] && a.headOf(toks[0], toks[len(toks)-1]+1) == t {
			return true
		}
	}
	return false
}

// bareDescription tells a word that, after "the", describes a person by
// age or nationality alone, with no person noun: "the 22-year-old", "the
// Welshman", "the Frenchwoman". Sport and human-interest stories refer to
// people so; a tagger may class the nationality as a name.
func (a *doc) bareDescription(i int) bool {
	if i == 0 || a.lower[i-1] != "the" || a.sent[i-1] != a.sent[i] {
		return false
	}
	w := a.lower[i]
	if strings.HasSuffix(w, "-year-old") {
		return true
	}
	demonym := strings.HasSuffix(w, "woman") || strings.HasSuffix(w, "man") && len(w) > 6
	// A lone nationality the tagger classed as neither person nor
	// organisation ("the Ruritanian said") describes one too; a plural
	// one ("the Ruritanians", "the Chinese" as NNPS) is a people.
	// A lone nationality ends its phrase: "the Central and East European
	// Coalition" goes on.
	lone := i+1 >= len(a.words) || a.sent[i+1] != a.sent[i] || !isUpperFirst(a.words[i+1]) && !joinWords[a.lower[i+1]]
	demonym = demonym || runClass(a.d.Tokens[i].NER) == misc && !strings.HasSuffix(w, "s") && a.d.Tokens[i].Tag != "NNPS" && lone
	return demonym && isUpperFirst(a.words[i]) && !personNouns[w] && !titles[w]
}
