// Sources: from the tokens of an attribution's source to the entity it
// names, describes or stands for.

package speaker

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/onrecord/onrecord/internal/acronym"
)

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

// cueSubject is the noun phrase that is the subject of the cue's verb, or
// of the verb the cue hangs from ("Roe said, adding that ..."), when it
// lies outside the content; else the name written just before the cue
// ("... but Roe is confident ...", where a parser lost the subject), or
// for a participle the subject of the sentence; nil when there is none.
func (a *doc) cueSubject(qi int) []int {
	i, v, ok := a.cue(qi)
	if !ok {
		return nil
	}
	if toks := a.verbSubject(qi, v); toks != nil {
		return toks
	}
	k := i - 1
	for k >= 0 && a.sent[k] == a.sent[i] && (a.d.Tokens[k].Tag == "MD" || a.d.Tokens[k].Tag == "RB" ||
		strings.HasPrefix(a.d.Tokens[k].Tag, "VB") && (a.d.Tokens[k].Dep == "aux" || a.d.Tokens[k].Dep == "cop")) {
		k--
	}
	// "Roe, the club's captain, said": over an appositive between commas.
	if k >= 0 && a.words[k] == "," {
		for c := k - 1; c >= 0 && c > k-12 && a.sent[c] == a.sent[i]; c-- {
			if a.words[c] == "," {
				k = c - 1
				break
			}
		}
	}
	if k >= 0 && a.sent[k] == a.sent[i] && !a.inContent(qi, k) {
		if m, ok := a.nameEnding(k); ok {
			return tokenRange(m.start, m.end)
		}
	}
	// "Roe derided the claims, saying ...": a participle with no subject
	// of its own speaks for the subject of the sentence, written before it.
	if v >= 0 && a.d.Tokens[v].Tag == "VBG" {
		root := -1
		for t := i - 1; t >= 0 && a.sent[t] == a.sent[i]; t-- {
			if a.d.Tokens[t].Dep == "root" {
				root = t
			}
		}
		if root >= 0 && strings.HasPrefix(a.d.Tokens[root].Tag, "VB") {
			return a.verbSubject(qi, root)
		}
	}
	return nil
}

// verbSubject is the subject of the verb v or of the verb it hangs from,
// or the name written right after it ("..., said Roe afterwards", which
// parsers often take for its object); nil when there is none.
func (a *doc) verbSubject(qi, v int) []int {
	for hop := 0; v >= 0 && hop < 3; hop++ {
		for _, c := range a.kids[v] {
			if t := &a.d.Tokens[c]; t.Dep == "nsubj" && !a.inContent(qi, c) {
				return a.nounPhrase(c)
			}
		}
		if hop == 0 {
			// "..., said the Ruritanian": a bare description after the
			// verb, whatever the tagger made of the nationality.
			if n := v + 2; n < len(a.words) && a.sent[n] == a.sent[v] && a.lower[v+1] == "the" && !a.inContent(qi, n) && a.contentStart(qi) < v && a.bareDescription(n) {
				return tokenRange(v+1, n+1)
			}
			// The name ends the run of proper nouns after the verb,
			// titles before it ("said Mayor of Springfield Jane Roe").
			if n := v + 1; n < len(a.words) && a.sent[n] == a.sent[v] && !a.inContent(qi, n) && isProper(a.d.Tokens[n].Tag) && a.contentStart(qi) < v {
				h := n
				for h+1 < len(a.words) && a.sent[h+1] == a.sent[n] && (isProper(a.d.Tokens[h+1].Tag) ||
					a.lower[h+1] == "of" && h+2 < len(a.words) && isProper(a.d.Tokens[h+2].Tag)) {
					h++
				}
				for ; h >= n; h-- {
					if m, ok := a.nameEnding(h); ok {
						if int(a.d.Tokens[n].Head) == v || int(a.d.Tokens[h].Head) == v {
							return tokenRange(m.start, m.end)
						}
						break
					}
				}
			}
		}
		switch a.d.Tokens[v].Dep {
		case "xcomp", "advcl", "conj", "dep":
			v = int(a.d.Tokens[v].Head)
		case "parataxis":
			// "Acme sold its stores; announced ...": an active verb
			// after a semicolon shares the subject before it; a passive
			// one ("was hailed") has its own.
			if slices.ContainsFunc(a.kids[v], func(c int) bool { return a.d.Tokens[c].Dep == "auxpass" }) {
				return nil
			}
			v = int(a.d.Tokens[v].Head)
		default:
			return nil
		}
		if v >= len(a.words) {
			return nil
		}
	}
	return nil
}

// speakingTo is, for a source that is whom someone speaks to ("Jane Roe
// speaking to the Herald called the plan void", the extractor taking the
// Herald for the source), the one who speaks: the noun phrase the
// speaking hangs on; nil for any other source.
func (a *doc) speakingTo(toks []int) []int {
	if len(toks) == 0 {
		return nil
	}
	h := a.headOf(toks[0], toks[len(toks)-1]+1)
	if h < 0 || !a.addressedAt(h) {
		return nil
	}
	v := int(a.d.Tokens[h].Head)
	if a.d.Tokens[v].Dep != "acl" {
		return nil
	}
	n := int(a.d.Tokens[v].Head)
	if n < 0 || n >= len(a.words) || n > v || !isNoun(a.d.Tokens[n].Tag) {
		return nil
	}
	return a.nounPhrase(n)
}

// nounPhrase is the tokens of the noun phrase headed by n, widened to the
// whole of a name n is part of ("Jane Roe" of "Jane Roe of Acme").
func (a *doc) nounPhrase(n int) []int {
	s, e := a.npStart(n), n+1
	if m := a.mentAt[n]; m >= 0 {
		s, e = min(s, a.ments[m].start), max(e, a.ments[m].end)
	}
	return tokenRange(s, e)
}

// hedged tells an attribution whose cue says a claim is made by no one
// named: an adverb alone ("Roe allegedly hid the money") or a passive of a
// verb of saying or thinking with no agent ("what has been called a
// scandal", "Roe is considered the favourite"). Its subject is what the
// claim is about; the attribution names no speaker.
func (a *doc) hedged(qi int) bool {
	i, v, ok := a.cue(qi)
	if !ok || v < 0 {
		return false
	}
	q := &a.d.Quotes[qi]
	if s, e := a.d.TokensIn(q.Cue[0]); len(q.Cue) == 1 && e-s == 1 && a.d.Tokens[i].Tag == "RB" {
		return hedges[a.lower[i]]
	}
	if a.d.Tokens[v].Tag != "VBN" || !hearsay[lemma(&a.d.Tokens[v], a.lower[v])] ||
		v+1 < len(a.words) && particles[a.lower[v+1]] { // "is called on to", "'s called for"
		return false
	}
	passive := false
	for _, c := range a.kids[v] {
		switch {
		case a.d.Tokens[c].Dep == "auxpass" && lemma(&a.d.Tokens[c], a.lower[c]) == "be":
			passive = true
		case strings.HasPrefix(a.d.Tokens[c].Dep, "nmod") && a.caseOf(c) == "by":
			return false // "was called a scandal by Roe"
		}
	}
	return passive
}

// hedges are the adverbs that report a claim without its source.
var hedges = set(`allegedly reportedly reputedly purportedly supposedly`)

// hearsay are the verbs whose agentless passive reports what is said or
// thought of its subject ("is said to", "is considered", "was called").
var hearsay = set(`say believe consider call think report allege rumour rumor suspect deem regard describe`)

// particles make a verb of saying another verb ("call on", "call for").
var particles = set(`on for out off up into`)

// insideSubject is, for a source the extractor took from inside the
// subject of the cue's verb (a relative clause, an appositive or a phrase
// hung on it: "Roe, who was fined by the league, denied it", "Roe, of the
// Acme Trust, disagreed"), the subject itself; nil for any other source.
func (a *doc) insideSubject(qi int, toks []int) []int {
	if len(toks) == 0 {
		return nil
	}
	_, v, ok := a.cue(qi)
	if !ok || v < 0 {
		return nil
	}
	n := -1
	for _, c := range a.kids[v] {
		if isSubj(a.d.Tokens[c].Dep) && !a.inContent(qi, c) {
			n = c
		}
	}
	h := a.headOf(toks[0], toks[len(toks)-1]+1)
	if n < 0 || h < 0 || h == n || toks[0] <= n && n <= toks[len(toks)-1] || a.namedAt(n) < 0 {
		return nil // only a name: a parser often takes a date or a title for the subject
	}
	// h must hang on n, through a clause, an appositive or a phrase.
	for k, hop := h, 0; hop < 6; hop++ {
		p := int(a.d.Tokens[k].Head)
		if p < 0 || p >= len(a.words) || a.sent[p] != a.sent[h] {
			return nil
		}
		if p == n {
			switch dep := a.d.Tokens[k].Dep; {
			case dep == "acl:relcl" || dep == "appos" || strings.HasPrefix(dep, "nmod") && dep != "nmod:poss":
				return a.nounPhrase(n)
			}
			return nil
		}
		k = p
	}
	return nil
}

// cue is the first token of attribution qi's cue and the cue's head
// token (-1 when none); ok is false when it has no cue.
func (a *doc) cue(qi int) (first, head int, ok bool) {
	q := &a.d.Quotes[qi]
	if len(q.Cue) == 0 {
		return 0, -1, false
	}
	i, j := a.d.TokensIn(q.Cue[0])
	return i, a.headOf(i, j), true
}

// tokenRange lists the tokens s, s+1, ..., e-1.
func tokenRange(s, e int) []int {
	toks := make([]int, 0, max(e-s, 0))
	for k := s; k < e; k++ {
		toks = append(toks, k)
	}
	return toks
}

// nameEnding is the mention of a person or organisation whose last token
// is k, if there is one.
func (a *doc) nameEnding(k int) (mention, bool) {
	if a.namedAt(k) < 0 || a.ments[a.mentAt[k]].end != k+1 {
		return mention{}, false
	}
	return a.ments[a.mentAt[k]], true
}

// cueAgent is the name that is the agent of the cue's passive verb ("was
// described by Jane Roe"), or nil; it may lie inside the content, which
// for a passive cue often holds the whole clause.
func (a *doc) cueAgent(qi int) []int {
	_, v, ok := a.cue(qi)
	if !ok || v < 0 || a.d.Tokens[v].Tag != "VBN" {
		return nil
	}
	passive := false
	for _, c := range a.kids[v] {
		passive = passive || a.d.Tokens[c].Dep == "auxpass"
	}
	if !passive {
		return nil
	}
	// The agent may hang on a complement of the verb ("was dismissed as
	// ridiculous by Roe").
	kids := a.kids[v]
	for _, c := range a.kids[v] {
		if dep := a.d.Tokens[c].Dep; dep == "advcl" || dep == "xcomp" {
			kids = append(slices.Clip(kids), a.kids[c]...)
		}
	}
	for _, c := range kids {
		if a.d.Tokens[c].Dep != "nmod" || a.caseOf(c) != "by" || a.namedAt(c) < 0 {
			continue
		}
		m := a.ments[a.mentAt[c]]
		return tokenRange(m.start, m.end)
	}
	return nil
}

// inContent tells whether token t lies in the content of attribution qi.
func (a *doc) inContent(qi, t int) bool {
	tk := &a.d.Tokens[t]
	for _, s := range a.d.Quotes[qi].Content {
		if int(tk.Start) < s.End && int(tk.End) > s.Start {
			return true
		}
	}
	return false
}

// goOn gives a quotation with no source of its own the speaker of the
// attribution before it in the same or the previous paragraph.
func (a *doc) goOn(qi int) {
	c := a.contentStart(qi)
	if c < 0 {
		return
	}
	best, at := -1, -1
	for j := range a.d.Quotes {
		cj := a.contentStart(j)
		if _, ok := a.speaker[j]; !ok || cj < 0 || cj >= c || cj <= at || a.para[c]-a.para[cj] > 1 {
			continue
		}
		best, at = j, cj
	}
	if best >= 0 {
		e := a.speaker[best]
		a.speaker[qi] = e
		a.d.Quotes[qi].Speaker = a.speakerOf(e)
	}
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
	w := a.sourceWords(a.srcToks[qi])
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

// orgNouns head phrases that name an organisation after a person ("the
// Trump campaign").
var orgNouns = set(`campaign administration team office committee foundation organization
	organisation company firm group party staff camp government agency department ministry
	transition pac super-pac network website administration's`)

// groupNouns head descriptions of organisations ("the agency said").
var groupNouns = set(`agency union company corporation firm group bank fund court council board
	newspaper paper magazine network broadcaster channel club league federation association
	institute university college school hospital charity authority regulator commission
	police airline carrier retailer manufacturer maker studio label publisher band brigade body watchdog
	movement`)

// spokesNouns are the people who speak for someone else, who is then the
// speaker; an unnamed reporter likewise reports for an outlet ("a reporter
// for the Daily Planet").
var spokesNouns = set(`spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople
	spokespersons representative representatives reporter reporters correspondent correspondents`)

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
	// A title alone, the name after it left out of the source by the
	// extractor ("Ms" of "Ms Roe said"): the person named after it.
	if last := toks[len(toks)-1]; len(words) == 1 && personTitles[key(words[0])] && last+1 < len(a.words) {
		if e := a.namedAt(last + 1); e >= 0 && a.ents[e].typ == Person {
			return e
		}
	}
	if len(words) == 2 && words[0] == "the" && (words[1] == "former" || words[1] == "latter") {
		return a.formerLatter(toks[0], words[1] == "former")
	}
	h := a.headOf(toks[0], toks[len(toks)-1]+1)
	if h < 0 {
		return -1
	}
	// A headline whose verb the tagger read as a noun ("Veteran national
	// coach denounces ...") is parsed as one noun phrase, and its
	// source's words all hang on that verb: a modifier heads no source,
	// the noun after it does.
	if a.titleLine(h) && !isNoun(a.d.Tokens[h].Tag) {
		for _, t := range toks {
			if t > h && isNoun(a.d.Tokens[t].Tag) && a.d.Tokens[h].Head == a.d.Tokens[t].Head {
				h = t
			}
		}
	}
	// "Both" may be left just outside the source by the extractor.
	f := toks[0] - 1
	both := bothWords[words[0]] || f >= 0 && a.sent[f] == a.sent[toks[0]] && bothWords[a.lower[f]]
	if e := a.together(qi, toks, h, both); e >= 0 {
		return e
	}
	// "the Welshman, who won in 2019": a relative clause may follow.
	if h == toks[0]+1 && a.bareDescription(h) {
		// The person the story is about there, found as "he" or "she" is.
		if e := a.pronoun(qi, h, "3sg"); e >= 0 && a.ents[e].typ == Person {
			return e
		}
		return -1
	}
	// "She and Jack Goldsmith said": a pronoun heading a coordination is
	// resolved as a lone one, as a name heading one would be its speaker.
	if c := pronClass(a.lower[h]); c != "" && c != "you" && a.d.Tokens[h].Tag == "PRP" {
		return a.pronoun(qi, h, c)
	}
	if w := a.d.Tokens[h].Tag; (w == "WP" || w == "WDT") && len(words) == 1 {
		e := a.relative(h)
		// "a challenge from Jane Roe who said", the clause hung on the
		// challenge: "who" is a person, the name just before it.
		if e >= 0 && a.lower[h] == "who" && a.ents[e].desc && !a.ents[e].human {
			if b := a.beforeRelative(h); b >= 0 && a.ents[b].typ == Person {
				return b
			}
		}
		if e >= 0 {
			return e
		}
		return a.beforeRelative(h)
	}
	// "The general secretary of the union, Jane Roe,": a person named
	// last, after a comma, renames the description before.
	if m, ok := a.lastNamed(toks); ok {
		rest := true
		for _, t := range toks {
			rest = rest && (t < m.end || isPunct(a.words[t]))
		}
		if rest && m.start > h && m.start > 0 && a.words[m.start-1] == "," && a.ents[m.ent].typ == Person && !isProper(a.d.Tokens[h].Tag) {
			return m.ent
		}
	}
	// "Jane Roe, Acme's chief executive, said" with the name left out of
	// the source: the person the description stands in apposition to.
	if f := toks[0] - 1; f > 0 && a.words[f] == "," && a.sent[f-1] == a.sent[h] && a.namedAt(h) < 0 && isPersonNoun(strings.ToLower(a.words[h])) &&
		words[0] != "a" && words[0] != "an" {
		if m, ok := a.nameEnding(f - 1); ok && a.ents[m.ent].typ == Person {
			return m.ent
		}
	}
	// "According to the city's mayor, Jane Roe, ...": the person named
	// in apposition just after a description the source stops at.
	if end := toks[len(toks)-1] + 1; end+1 < len(a.words) && a.words[end] == "," && isPersonNoun(a.keyAt(h)) && !isProper(a.d.Tokens[h].Tag) {
		if e := a.namedAt(end + 1); e >= 0 && a.ents[e].typ == Person && a.sent[end+1] == a.sent[h] {
			if m := a.ments[a.mentAt[end+1]]; m.start == end+1 && m.end < len(a.words) && a.words[m.end] == "," {
				return e
			}
		}
	}
	if e := a.leadDescription(toks, h); e >= 0 {
		return e
	}
	// "Acme Council of Elders Chair Jane Roe": proper nouns written before
	// a person's name, an organisation and a title, modify it, whatever
	// head the parse gave the phrase (an "of" inside makes the name its
	// object); the person speaks.
	if m, ok := a.lastNamed(toks); ok && a.ents[m.ent].typ == Person && h < m.start && a.mentAt[h] >= 0 && a.ents[a.ments[a.mentAt[h]].ent].typ == Organization {
		pre := true
		for _, t := range toks {
			if t >= m.start {
				pre = pre && (t < m.end || isPunct(a.words[t]) && t == toks[len(toks)-1])
				continue
			}
			tg := a.d.Tokens[t].Tag
			pre = pre && (isProper(tg) || t > toks[0] && (tg == "IN" || tg == "CC") || t == toks[0] && tg == "DT")
		}
		if pre {
			return m.ent
		}
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
	if e := a.workSource(qi, h, headLemma); e >= 0 {
		return e
	}
	if e := a.spokespersonNamedAfter(h, headLemma); e >= 0 {
		return e
	}
	if e := a.namedSource(named, toks, h, headLemma); e >= 0 {
		return e
	}
	if spokesNouns[headLemma] {
		// "an Acme spokesperson" with Acme in no name class.
		for _, c := range a.kids[h] {
			if dep := a.d.Tokens[c].Dep; isProper(a.d.Tokens[c].Tag) && (dep == "compound" || dep == "nmod:poss" || dep == "nmod") {
				return a.entity(Organization, orgCanonical(a.span(a.properStart(c), c+1)))
			}
		}
		// "a fire brigade spokesman", "a spokeswoman for the studio":
		// the organisation described.
		for _, c := range a.kids[h] {
			if dep := a.d.Tokens[c].Dep; a.d.Tokens[c].Tag == "NN" && (dep == "compound" || dep == "nmod") && groupNouns[a.lower[c]] {
				return a.groupDescribed(qi, h, c)
			}
		}
		// "The company's spokeswoman": the organisation described.
		for _, c := range a.kids[h] {
			if e := a.describedOwner(qi, c); e >= 0 {
				return e
			}
		}
		// "The spokesperson added" after "an Acme spokesperson said":
		// whom the one before speaks for, unless a named person was
		// described so.
		if a.determiner(h) == "the" && len(named) == 0 && a.described(headLemma, nil, h) < 0 {
			if k := a.nounBefore(h, headLemma, reach); k >= 0 {
				if e := a.resolveTokens(qi, tokenRange(a.npStart(k), k+1)); e >= 0 && a.ents[e].typ == Organization {
					return e
				}
			}
		}
		// "A spokesman added" with no one named in the phrase speaks for
		// the organisation the story is about there.
		if len(named) == 0 && a.d.Tokens[h].Tag == "NN" {
			if e := a.storyOrg(qi, h); e >= 0 {
				return e
			}
		}
	}
	// A transcript's speaker label in capitals ("PENCE:") names a person:
	// the one of the article with that name, else the label in title case.
	// A full label ("JAKE TAPPER:") is remembered for the short ones after.
	if isNoun(a.d.Tokens[h].Tag) && h+1 < len(a.words) && a.words[h+1] == ":" && acronym.Is(a.words[h]) {
		s := h
		for s > 0 && a.sent[s-1] == a.sent[h] && acronym.Is(a.words[s-1]) {
			s--
		}
		name := a.people.Lookup(titleCase(a.span(s, h+1)))
		a.people.Add(name)
		return a.entity(Person, name)
	}
	// "Kent police said": a police force is named by its place ("Kent
	// Police").
	if a.lower[h] == "police" {
		for _, c := range a.kids[h] {
			if dep := a.d.Tokens[c].Dep; c < h && isProper(a.d.Tokens[c].Tag) && (dep == "compound" || dep == "amod") {
				return a.entity(Organization, a.span(a.properStart(c), c+1)+" Police")
			}
		}
	}
	// "Police said": the organisation named with that word, else no one.
	if len(words) == 1 && (a.commonOpener(h, h+1) || a.lower[h] == "police") {
		if e := a.orgNamedWith(h, a.lower[h]); e >= 0 {
			return e
		}
		e := a.entity(Other, a.lower[h])
		a.ents[e].desc = true
		return e
	}
	// A date ("a March 14, 2019 report", its parse headed by the month)
	// names no one.
	if dates[a.lower[h]] && h+1 < len(a.words) && a.d.Tokens[h+1].Tag == "CD" {
		return -1
	}
	// A proper noun the tagger did not class.
	if isProper(a.d.Tokens[h].Tag) {
		s := a.properStart(h)
		stage := a.numeralFirst(s, h+1)
		if stage {
			s--
		}
		name := a.span(s, h+1)
		// A title or a known surname makes it a person ("Mrs. Clinton's").
		orig := a.withTitle(s, h+1)
		p := a.people.Lookup(orig)
		if _, known := a.people.index[p]; known || genderOfName(orig, p) != 0 || titles[key(firstWord(orig))] {
			return a.entity(Person, p)
		}
		// A lone proper noun that speaks ("Jolly said") is a surname
		// more often than an organisation, unless written as an acronym
		// or classed as a place.
		if (s == h || stage) && len(words) <= 2 && a.d.Tokens[h].Tag == "NNP" && !acronym.Is(a.words[h]) &&
			a.determiner(h) == "" && a.d.Tokens[h].NER != "LOCATION" && !workNouns[a.lower[h]] {
			return a.entity(Person, p)
		}
		typ := Organization
		if a.d.Tokens[h].Tag == "NNPS" || a.d.Tokens[h].NER == "MISC" || workNouns[a.lower[h]] {
			typ = Other // "Poll: ..." in a headline is a work, not a speaker
		}
		return a.entity(typ, orgCanonical(name))
	}
	// "The Ruritanian government", "the Zapatista movement": an
	// organisation the story names only by what it is of, reported so.
	if e := a.namedByModifier(toks, h, headLemma); e >= 0 {
		return e
	}
	// A description of someone named before: "the senator", or "Obama's
	// former strategist", who is someone other than Obama.
	owner := -1
	if isPersonNoun(headLemma) {
		owner = a.owner(h)
	}
	if det := a.determiner(h); (det == "the" || det == "this" || owner >= 0) && a.d.Tokens[h].Tag == "NN" {
		var mods []string
		for _, t := range toks {
			if t < h && a.d.Tokens[t].Tag != "DT" {
				mods = append(mods, strings.Trim(a.lower[t], "."))
			}
		}
		if e := a.described(headLemma, mods, h); e >= 0 && e != owner && !a.otherRole(e, toks, h) {
			return e
		}
		if orgNouns[headLemma] || groupNouns[headLemma] {
			if e := a.orgWithWords(toks, h, headLemma, false); e >= 0 {
				return e
			}
		}
		// "The archive" after "the National Film Archive": the
		// organisation last named with the noun as one of its words.
		if !isPersonNoun(headLemma) && !workNouns[headLemma] && !roleNouns[headLemma] {
			if e := a.orgNamedWith(h, headLemma); e >= 0 {
				return e
			}
		}
		// Else "the singer", "the company": the named person or
		// organisation the story is about there, found the way a pronoun
		// is ("she", "it"), when its gender does not contradict the noun's.
		switch {
		case isPersonNoun(headLemma) && !(owner >= 0 && roleNouns[headLemma]) || titleNouns[headLemma] != "":
			// "Trump's lawyer" is who the story says, not whoever
			// it is about there.
			if e := a.pronoun(qi, h, "3sg"); e >= 0 && e != owner && a.ents[e].typ == Person && !a.otherRole(e, toks, h) {
				return e
			}
		case isOrgNoun(headLemma):
			if e := a.storyOrg(qi, h); e >= 0 {
				return e
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
	a.ents[e].desc = !a.writtenProper(h)
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

// spokespersonNamedAfter is the person the story names after the unnamed
// spokesperson h, with the same noun and organisation ("a spokeswoman for
// Acme said", then "Acme spokeswoman Jane Roe said"), or -1.
func (a *doc) spokespersonNamedAfter(h int, noun string) int {
	if !spokesNouns[noun] || a.determiner(h) == "the" {
		return -1
	}
	for _, c := range a.kids[h] {
		if dep := a.d.Tokens[c].Dep; dep != "compound" && dep != "nmod:poss" && dep != "nmod" {
			continue
		}
		var org []string
		switch m := a.mentAt[c]; {
		case m >= 0 && a.ents[a.ments[m].ent].typ == Organization:
			org = strings.Fields(strings.ToLower(a.span(a.ments[m].start, a.ments[m].end)))
		case isProper(a.d.Tokens[c].Tag):
			org = strings.Fields(strings.ToLower(a.span(a.properStart(c), c+1)))
		default:
			continue
		}
		for _, d := range a.descr[noun] {
			if d.at > h && a.sent[d.at]-a.sent[h] > reach {
				break
			}
			if d.at > h && a.ents[d.ent].typ == Person && !slices.ContainsFunc(org, func(w string) bool { return !slices.Contains(d.words, w) }) {
				return d.ent
			}
		}
	}
	return -1
}

// namedByModifier is an entity named by the organisation noun h and the
// capitalised words just before it, all of its modifiers ("the Ruritanian
// government"), typed other as a description, not a proper name; -1 when
// the source is no such phrase.
func (a *doc) namedByModifier(toks []int, h int, head string) int {
	if a.d.Tokens[h].Tag != "NN" || !isOrgNoun(head) || a.writtenProper(h) {
		return -1
	}
	s := -1
	for _, t := range toks {
		if t >= h {
			break
		}
		if tg := a.d.Tokens[t].Tag; tg == "DT" && s < 0 || isPunct(a.words[t]) {
			continue
		}
		if tg := a.d.Tokens[t].Tag; !isUpperFirst(a.words[t]) || tg != "NNP" && tg != "JJ" || titles[a.keyAt(t)] || roleNouns[a.keyAt(t)] {
			return -1
		}
		if s < 0 {
			s = t
		}
	}
	if s < 0 {
		return -1
	}
	name := a.span(s, h+1)
	e := a.entity(Other, strings.ToLower(name)) // the key findNominals gave the phrase
	a.ents[e].desc, a.ents[e].name = false, name
	return e
}

// otherRole tells whether the story named person e with the description's
// head noun h but not with its noun modifiers: "the health minister" is not
// "Transport Minister Jane Roe", nor "the Leeds manager" the "Hull
// manager" named before.
func (a *doc) otherRole(e int, toks []int, h int) bool {
	var mods []string
	for _, t := range toks {
		if t < h && isNoun(a.d.Tokens[t].Tag) {
			mods = append(mods, strings.Trim(a.lower[t], "."))
		}
	}
	if len(mods) == 0 {
		return false
	}
	// The mentions of the last sentences in reach, found by position, so
	// that a long document stays linear.
	for _, m := range a.ments[a.mentInSent(a.sent[h]-reach):a.mentBefore(h)] {
		if m.ent != e {
			continue
		}
		// The words written just before the name: "Transport Minister".
		s := m.start
		for s > 0 && s > m.start-5 && a.sent[s-1] == a.sent[m.start] && (isUpperFirst(a.words[s-1]) || isNoun(a.d.Tokens[s-1].Tag)) {
			s--
		}
		before := func(w string) bool {
			for k := s; k < m.start; k++ {
				if strings.Trim(a.lower[k], ".") == w {
					return true
				}
			}
			return false
		}
		if !before(a.lower[h]) {
			continue
		}
		for _, w := range mods {
			if !before(w) {
				return true
			}
		}
	}
	return false
}

// together is the group that the coordinated names of a source speak as
// ("Acme and Brightloop", "both she and Jane Roe", "neither Ruritania nor
// Acme"): an entity of type Other named by its members' names joined, none
// of whom is the speaker; -1 when the source joins no two names. Without
// "both" or "neither" only organisations are joined: people so joined
// ("Senators Roe and Doe said") keep the first as the speaker, as
// PolNeAR's reference reads them.
func (a *doc) together(qi int, toks []int, h int, both bool) int {
	members := []int{h}
	for _, c := range a.kids[h] {
		if a.d.Tokens[c].Dep == "conj" && c > toks[0] && c <= toks[len(toks)-1] {
			members = append(members, c)
		}
	}
	if len(members) < 2 {
		return -1
	}
	org := false // "the Farmers and the Social Democrats": a party named as a plural joins an organisation
	for _, c := range members {
		if e := a.namedAt(c); e >= 0 && a.ents[e].typ == Organization {
			org = true
		}
	}
	var names []string
	for _, c := range members {
		e := a.namedAt(c)
		if cl := pronClass(a.lower[c]); e < 0 && (cl == "3sg" || cl == "they") && a.d.Tokens[c].Tag == "PRP" {
			e = a.pronoun(qi, c, cl)
		}
		name := ""
		switch {
		case e >= 0:
			if sp := a.speakerOf(e); sp != nil && sp.Type != Other && (both || sp.Type == Organization) {
				name = sp.Name
			}
		case both && a.nameWord(c): // a place, or a name of common words: "both Ruritania and The Acme"
			name = orgCanonical(a.span(a.properStart(c), c+1))
		case org && a.d.Tokens[c].Tag == "NNPS":
			name = a.span(a.npStart(c), c+1)
		}
		if name == "" || slices.Contains(names, name) {
			return -1
		}
		names = append(names, name)
	}
	return a.entity(Other, strings.Join(names[:len(names)-1], ", ")+" and "+names[len(names)-1])
}

// bothWords open a group that speaks together ("both X and Y", "neither X
// nor Y").
var bothWords = set(`both neither`)

// lastNamed is the last mention of a person or organisation among toks.
func (a *doc) lastNamed(toks []int) (mention, bool) {
	for i := len(toks) - 1; i >= 0; i-- {
		if m := a.mentAt[toks[i]]; m >= 0 && a.ents[a.ments[m].ent].typ != Other {
			return a.ments[m], true
		}
	}
	return mention{}, false
}

// orgNamedWith is the organisation named last before token h with noun
// as one of its capitalised words, or -1; a name of one word is too
// often a tagger's stray capital ("Poll").
func (a *doc) orgNamedWith(h int, noun string) int {
	has := func(m mention) bool {
		en := a.ents[m.ent]
		if en.typ != Organization || !strings.Contains(en.name, " ") {
			return false
		}
		for _, w := range strings.Fields(en.name) {
			if isUpperFirst(w) && strings.EqualFold(w, noun) {
				return true
			}
		}
		return false
	}
	for mi := a.mentBefore(h) - 1; mi >= 0 && a.sent[h]-a.sent[a.ments[mi].start] <= reach; mi-- {
		if has(a.ments[mi]) {
			return a.ments[mi].ent
		}
	}
	// A source resolved before, named nowhere else ("Kent police said").
	spoken := a.spokenFrom(a.sent[h] - reach)
	for i := len(spoken) - 1; i >= 0; i-- {
		if m := spoken[i]; m.start < h && has(m) {
			return m.ent
		}
	}
	return -1
}

// storyOrg is the named organisation the story is about at the noun h
// ("the company"), found the way "it" is, or -1.
func (a *doc) storyOrg(qi, h int) int {
	if e := a.pronoun(qi, h, "it"); e >= 0 && a.ents[e].typ == Organization && !a.nounSince(h, e) {
		return e
	}
	return -1
}

// groupDescribed is the organisation a spokesperson h speaks for when the
// source only describes it with the group noun g ("a fire brigade
// spokesman", "a spokeswoman for the studio"): one named with its words,
// else the one the story is about there; -1 when none, as the
// spokesperson of an organisation unnamed names no speaker.
func (a *doc) groupDescribed(qi, h, g int) int {
	s := a.npStart(g)
	if a.d.Tokens[g].Dep == "compound" {
		s = a.npStart(h) // flat: "fire" of "fire brigade spokesman" hangs on the spokesman too
	}
	var phrase []int
	for t := s; t < g; t++ {
		phrase = append(phrase, t)
	}
	if e := a.orgWithWords(phrase, g, a.lower[g], false); e >= 0 {
		return e
	}
	return a.storyOrg(qi, g)
}

// namedSource picks the entity among the names inside a source headed by
// the common noun h: "Clinton's spokesman Brian Fallon" is Brian Fallon,
// "a spokesman for Trump" is nobody named, "the Trump campaign" is an
// organisation and "the campaign of Hillary Clinton" is Hillary Clinton.
func (a *doc) namedSource(named, toks []int, h int, headLemma string) int {
	if len(named) == 0 {
		return -1
	}
	if spokesNouns[headLemma] {
		// "a spokeswoman for Acme", "Acme's spokesman", "an Acme
		// spokesperson": the spokesperson speaks as Acme.
		for _, mi := range named {
			if m := a.ments[mi]; a.modifies(m, h) || int(a.d.Tokens[m.head].Head) == h {
				return m.ent
			}
		}
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
	if e := a.officeOf(h); e >= 0 {
		return e
	}
	if orgNouns[headLemma] && a.ents[m.ent].typ == Person {
		// "Roe's animal foundation": the one named with these words.
		if e := a.orgWithWords(toks, h, headLemma, true); e >= 0 {
			return e
		}
		// "the Trump campaign", "Clinton's campaign": the organisation.
		// Her team or camp is her campaign where the story has one.
		surname := lastWord(a.ents[m.ent].name)
		if (headLemma == "team" || headLemma == "camp") && a.hasCampaign(surname) {
			headLemma = "campaign"
		}
		return a.entity(Organization, surname+" "+headLemma)
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
// the head's phrase, cut before an appositive or relative clause; a
// leading quantifier is left out. A group named by a plural proper noun
// is named by it alone: "many liberal Democrats in the House" are
// Democrats, as a quantifier names no one and an adjective no group.
func (a *doc) phrase(toks []int, h int) string {
	if t := a.d.Tokens[h].Tag; t == "NNPS" || t == "NNS" && a.writtenProper(h) {
		return a.span(a.properStart(h), h+1)
	}
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
	// "many Democrats" are Democrats: a quantifier names no one.
	for s < h && quantifiers[a.lower[s]] {
		s++
	}
	return a.span(s, e)
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// writtenProper tells a noun the tagger took for a common one only because
// it opens a sentence ("Democrats also described ..."): the article writes
// it capitalised inside a sentence too.
func (a *doc) writtenProper(h int) bool {
	if !isUpperFirst(a.words[h]) || acronym.Is(a.words[h]) {
		return false
	}
	if a.midCaps == nil {
		a.midCaps = map[string]bool{}
		for i, w := range a.words {
			if i > 0 && isUpperFirst(w) && a.sent[i-1] == a.sent[i] && !isPunct(a.words[i-1]) {
				a.midCaps[w] = true
			}
		}
	}
	return a.midCaps[a.words[h]]
}
