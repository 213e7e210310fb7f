// Mentions: paragraphs and quotations, the names of the document (runs of
// PERSON and ORGANIZATION tokens) and the common-noun phrases that pronouns
// can point to.

package speaker

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/acronym"
)

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

var speechVerbs = set("said says added adds told asked wrote")

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

// nameChunk is how many steps findNames takes between two looks at the
// context (a step is a token or a run of them).
const nameChunk = 4096

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
	cls := a.runClasses()
	// A title-case headline's cue is no part of a name, though the tagger
	// may tag and class its verb as one ("Jane Roe Calls for ...").
	cue := make([]bool, len(toks))
	for _, q := range a.d.Quotes {
		for _, c := range q.Cue {
			i, j := a.d.TokensIn(c)
			for k := max(i, 0); k < j && k < len(cue); k++ {
				cue[k] = a.headline(k)
			}
		}
	}
	for i, steps := 0, 1; i < len(toks); steps++ {
		if steps%nameChunk == 0 && a.ctx.Err() != nil {
			return // analyse returns the error
		}
		c := cls[i]
		if c == "" || toks[i].Tag == "POS" {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && cls[j] == c && toks[j].Tag != "POS" && a.sent[j] == a.sent[i] {
			j++
		}
		// Only the proper nouns of a run name someone: a tagger that
		// carries PERSON over a headline verb ("Obama Says") or a
		// lower-case word must not make it part of the name. Function
		// words stay inside ("Commission on Presidential Debates").
		for s := i; s < j; {
			for s < j && (!a.nameWord(s) || cue[s]) {
				s++
			}
			e := s
			for k := s; k < j && !cue[k]; k++ {
				// Inside an organisation's name a capitalised participle
				// is a name word ("Party of Working People").
				if a.nameWord(k) || c == Organization && k > s && (toks[k].Tag == "VBG" || toks[k].Tag == "VBN") && isUpperFirst(a.words[k]) && !a.headline(k) {
					e = k + 1
				} else if !nameGlue[toks[k].Tag] {
					break
				}
			}
			// A speech verb opening a sentence before a name ("Said
			// Roe:") is no first name, whatever a name list says.
			if e-s > 1 && c == Person && speechVerbs[a.lower[s]] && (s == 0 || a.sent[s-1] != a.sent[s]) {
				s++
			}
			if e-s == 1 && (c == Person && a.bareDescription(s) || personTitles[a.keyAt(s)]) {
				s = e // "the Welshman", a lone "Mr" is no name
				continue
			}
			if e > s && c == Person {
				// A first name the tagger left out or classed apart
				// ("Dr. Priya Raman", "Brad" in an organisation) is
				// part of the name.
				if a.firstNameBefore(s, e) || a.numeralFirst(s, e) {
					s--
				}
				// A surname, or a regnal number ("Elizabeth II"), the
				// tagger classed apart.
				if a.surnameAfter(s, e) || e-s == 1 && e < len(toks) && a.sent[e] == a.sent[s] && roman[a.keyAt(e)] && isUpperFirst(a.words[e]) {
					e++
					j = max(j, e)
				}
				if n := len(runs); n > 0 && runs[n-1].end > s {
					// What is left of it must still hold a word the tagger
					// classed: "Staff" of "Chief of Staff Rahm" is no name.
					if r := &runs[n-1]; r.start < s && a.classed(r.start, s) {
						r.end, r.orig = s, a.withTitle(r.start, s)
					} else {
						runs = runs[:n-1]
					}
				}
				// "Novelist Jane Roe said": a noun for a person (WordNet's
				// too, "the broadcaster" being read as a body elsewhere)
				// opening the sentence before a name of two words is a role,
				// unless it is a first name ("Mason").
				if e-s >= 3 && (s == 0 || a.sent[s-1] != a.sent[s]) && (isPersonNoun(a.lower[s]) || wordnetPerson[a.lower[s]]) && !firstName(a.lower[s]) {
					s++
				}
				s = a.afterTitles(s, e)
			}
			typ := c
			if e > s && c == misc {
				// A name of another class is an organisation only by its
				// last word ("the Urban-Brookings Tax Policy Center").
				if !orgHeads[a.lower[e-1]] {
					s = e
					continue
				}
				typ = Organization
			}
			if e > s && typ == Organization {
				for s > 0 && a.orgWordBefore(s) {
					s--
				}
				for e < len(toks) && a.orgWordAfter(e) {
					e++
					j = max(j, e)
				}
				// "the Northern and Western Farmers Union": a capitalised
				// word joined by "and" after "the" opens the name too,
				// unless it is a name of its own ("the FBI and ...").
				if s >= 3 && (a.lower[s-1] == "and" || a.words[s-1] == "&") && a.lower[s-3] == "the" && a.sent[s-3] == a.sent[s] && isProper(toks[s-2].Tag) && isUpperFirst(a.words[s-2]) && !a.roleWord(s-2) && !acronym.Is(a.words[s-2]) && nerClass(toks[s-2].NER) == "" {
					s -= 2
				}
				// "Manhattan Supreme Court Justice Frank Nervo" classed
				// whole as an organisation: a title and a first name
				// inside start a person, and the organisation ends
				// before the title.
				p := a.afterTitles(s, e)
				// "Novelist Jane Roe said": a noun for a person or a
				// body opening the sentence is a role, not a name's word.
				role := p > s && a.roleWord(p-1)
				if p == s && (s == 0 || a.sent[s-1] != a.sent[s]) && (isPersonNoun(a.lower[s]) || isOrgNoun(a.lower[s])) {
					p, role = s+1, true
				}
				if p > s && e-p >= 2 && (firstName(a.lower[p]) || e-p == 2 && role) && !orgHeads[a.lower[e-1]] {
					if t := a.titleStart(p); t > s {
						runs = append(runs, run{s, t, c, a.span(s, t)})
					}
					s, typ = p, Person
				}
			}
			if e > s && typ == Organization && a.commonOpener(s, e) {
				s = e // "Police said": the police, no name
				continue
			}
			if e > s {
				if c == Person && (orgHeads[a.lower[e-1]] || a.groupNounBefore(s)) {
					typ = Organization // "Northlight Records", "software company Brightloop"
				}
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
	// A nickname in quotation marks inside a name ("Antonia \"Toni\"
	// Roe"): the two runs around it are one name.
	// The first name before it may be one the tagger did not class.
	for k := 0; k < len(runs); k++ {
		n := runs[k]
		if n.typ != Person {
			continue
		}
		for i := n.start - 3; i >= n.start-5 && i >= 1; i-- {
			if !a.nickname(i, n.start) {
				continue
			}
			for k > 0 && runs[k-1].start > i { // the nickname classed apart
				runs = slices.Delete(runs, k-1, k)
				k--
			}
			switch {
			case k > 0 && runs[k-1].typ == Person && runs[k-1].end == i:
				runs[k-1].end, runs[k-1].orig = n.end, a.withTitle(runs[k-1].start, n.end)
				runs = slices.Delete(runs, k, k+1)
				k--
			case isProper(a.d.Tokens[i-1].Tag) && a.sent[i-1] == a.sent[i] && !a.roleWord(i-1) && (k == 0 || runs[k-1].end < i):
				runs[k].start, runs[k].orig = i-1, a.withTitle(i-1, n.end)
			}
			break
		}
	}
	// "Rapper 21 Savage, real name Jane Roe,": the person is known by the
	// first name; the other one names no one else, and a pronoun after it
	// is still the rapper.
	for k, r := range runs {
		j := -1
		if r.typ == Person {
			j = a.birthName(r.start)
		}
		if j < 0 || k > 0 && runs[k-1].end > j {
			continue
		}
		// The name before it is a person's, whatever the tagger made
		// of it (a number and a word as an amount, or a common noun):
		// a small number opening it is part of it ("Chart-topper 21
		// Savage, real name ...").
		s := a.properStart(j)
		if a.smallNumberBefore(s) {
			s--
		}
		runs = append(runs, run{s, j + 1, Person, a.withTitle(s, j+1)})
	}
	runs = slices.DeleteFunc(runs, func(r run) bool {
		return r.typ == Person && a.birthName(r.start) >= 0
	})
	sort.Slice(runs, func(x, y int) bool { return runs[x].start < runs[y].start })
	for _, r := range runs {
		if r.typ == Person && !a.headline(r.start) {
			a.people.Add(r.orig)
		}
	}
	// A headline's run is cut to the longest start of it that the story
	// itself names ("Obama Sees" is Obama).
	for k, r := range runs {
		if r.typ != Person || r.end-r.start < 2 || !a.headline(r.start) {
			continue
		}
		for e := r.end; e > r.start; e-- {
			c := Canonical(a.span(r.start, e))
			if _, known := a.people.index[a.people.Lookup(c)]; known || a.people.alone[strings.ToLower(c)] > 0 {
				runs[k].end, runs[k].orig = e, a.withTitle(r.start, e)
				break
			}
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
	// Two words classed as an organisation, the second a word the tagger
	// classes a person at least twice elsewhere, are a person's first
	// name and surname ("Jane Roe" classed with "Roe Holdings").
	for k, r := range runs {
		if r.typ == Organization && r.end-r.start == 2 && !orgHeads[a.lower[r.end-1]] && isProper(toks[r.start].Tag) && a.personCount(a.words[r.end-1]) >= 2 {
			runs[k].typ = Person
			a.people.Add(r.orig)
		}
	}
	// A lone word classed as a person that starts the name of an
	// organisation joined by "&" or ended by a company word ("Roe & Doe
	// said", "the Roe Group said", then "Roe said") is that organisation,
	// unless a person of the article bears it.
	joined := map[string]bool{}
	for _, r := range runs {
		if r.typ != Organization {
			continue
		}
		f := strings.Fields(orgCanonical(r.orig))
		if len(f) > 2 && f[1] == "&" || len(f) >= 2 && orgHeads[strings.ToLower(f[len(f)-1])] && isUpperFirst(f[len(f)-1]) {
			joined[f[0]] = true
		}
	}
	for k, r := range runs {
		if c := Canonical(r.orig); r.typ == Person && r.end-r.start == 1 && joined[c] && !strings.Contains(a.people.Lookup(r.orig), " ") {
			runs[k].typ = Organization
		}
	}
	// Proper nouns outside any run that are known surnames, or that follow
	// a personal title ("Mr. Ban"), are people too: taggers often miss a
	// bare "Clinton" in a headline. So is a known surname the tagger took
	// for another word, mostly where it opens a sentence ("Nega said" as
	// an adjective, "Schilling" as a verb): capitalised, and never written
	// in lower case by the article.
	for i := 0; i < len(toks); i++ {
		proper := isProper(toks[i].Tag)
		if inRun[i] || titles[a.keyAt(i)] || !proper && !a.capitalisedOnly(i) {
			continue
		}
		if i > 0 && personTitles[a.keyAt(i-1)] && a.sent[i-1] == a.sent[i] {
			j := i + 1
			for j < len(toks) && isProper(toks[j].Tag) && !inRun[j] && a.sent[j] == a.sent[i] {
				j++
			}
			runs = append(runs, run{i, j, Person, a.withTitle(i, j)})
			a.people.Add(a.withTitle(i, j))
			i = j - 1
			continue
		}
		if proper && nerClass(toks[i].NER) != "" {
			continue
		}
		if l := a.people.Lookup(a.words[i]); strings.Contains(l, " ") && len(Canonical(a.words[i])) > 1 && Canonical(a.words[i]) != l {
			runs = append(runs, run{i, i + 1, Person, a.withTitle(i, i+1)})
		}
	}
	// A name followed by its initials in parentheses is an organisation's
	// name written out, whatever the tagger made of its words ("Notes
	// from Ruritania (NFR)" as a plural noun and a place).
	defined := map[string]bool{}
	// Initials just before a person's name, or in parentheses before it,
	// are an office's ("MP Jane Roe", "Member of parliament (MP) Jane
	// Roe"), whatever the tagger classed them.
	runs = slices.DeleteFunc(runs, func(r run) bool {
		n := r.end
		if r.start > 0 && a.words[r.start-1] == "(" && n < len(toks) && a.words[n] == ")" {
			n++
		}
		return r.typ == Organization && r.end == r.start+1 && acronym.Is(a.words[r.start]) && n < len(toks) &&
			a.sent[n] == a.sent[r.start] && nerClass(toks[n].NER) == Person
	})
	for _, d := range a.acronymDefs() {
		if d.title {
			// "Member of Parliament (MP)" is a title, and so are its
			// initials there, whatever the tagger classed them.
			runs = slices.DeleteFunc(runs, func(r run) bool { return r.start == d.end+1 && r.end == d.end+2 })
			continue
		}
		kept := runs[:0]
		for _, r := range runs {
			if r.end <= d.start || r.start >= d.end {
				kept = append(kept, r)
			}
		}
		runs = append(kept, run{d.start, d.end, Organization, a.span(d.start, d.end)})
		defined[d.acr] = true
	}
	// The initials so defined name the organisation wherever the article
	// writes them, whatever the tagger made of them ("WHO" as a pronoun,
	// or alone as a person's name).
	if len(defined) > 0 {
		isDefined := func(i int) bool { return defined[strings.ReplaceAll(a.words[i], ".", "")] }
		inRun := make([]bool, len(toks))
		for x, r := range runs {
			if r.end == r.start+1 && isDefined(r.start) {
				runs[x].typ, runs[x].orig = Organization, a.words[r.start]
			}
			for k := r.start; k < r.end; k++ {
				inRun[k] = true
			}
		}
		for i := range toks {
			if !inRun[i] && acronym.Is(a.words[i]) && isDefined(i) {
				runs = append(runs, run{i, i + 1, Organization, a.words[i]})
			}
		}
	}
	sort.Slice(runs, func(x, y int) bool { return runs[x].start < runs[y].start })
	seen := Names{pron: a.people.pron, orgWords: a.people.orgWords}
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

// personCount is how many times the tagger classed word w a person,
// counted once for all words: counting per name read the whole document
// for each, half a second of a 2 MB text's speakers.
func (a *doc) personCount(w string) int {
	if a.persons == nil {
		a.persons = map[string]int{}
		for i := range a.words {
			if nerClass(a.d.Tokens[i].NER) == Person {
				a.persons[a.words[i]]++
			}
		}
	}
	return a.persons[w]
}

// runClasses is the run class of each token (see runClass), except that
// the compounded proper nouns of a name ending in an organisation word
// are all of the organisation when the tagger classed any of them: it
// often splits "London Fire Brigade" into a place, an organisation and a
// person, "Croydon Council" into a person and an organisation, or leaves
// "Premier" of "Premier League" out.
func (a *doc) runClasses() []string {
	toks := a.d.Tokens
	cls := make([]string, len(toks))
	for i := range toks {
		cls[i] = runClass(toks[i].NER)
	}
	// A proper noun the tagger classes a person more often than anything
	// else in the article is one where it took it for a place: a name
	// list may also know a surname as a place ("Roe" of "Jane Roe" as a
	// town).
	votes := map[string]*[2]int{} // person, other class
	for i := range toks {
		if !isProper(toks[i].Tag) {
			continue
		}
		v := votes[a.words[i]]
		if v == nil {
			v = &[2]int{}
			votes[a.words[i]] = v
		}
		switch {
		case cls[i] == Person:
			v[0]++
		case toks[i].NER != "O":
			v[1]++
		}
	}
	// So is one right after a person's word, as a word the article
	// classes a person elsewhere ("Jane/PERSON Roe/LOCATION ... Roe/PERSON").
	for i := range toks {
		v := votes[a.words[i]]
		if v == nil || toks[i].NER != "LOCATION" || a.bareDescription(i) {
			continue
		}
		after := i > 0 && a.sent[i-1] == a.sent[i] && cls[i-1] == Person && isProper(toks[i-1].Tag) && v[0] >= 1
		if v[0] >= 2 && v[0] > v[1] || after {
			cls[i] = Person
		}
	}
	// A lone proper noun classed a person where the article classes the
	// word an organisation more often, and at least twice, is that
	// organisation (a party or a newspaper that the tagger now and then
	// reads as a person); a first name stays a person. A name modifying a
	// common noun casts no vote ("Roe campaign", "Roe supporters"),
	// whatever its class.
	orgs := map[string]int{}
	for i := range toks {
		if h := int(toks[i].Head); isProper(toks[i].Tag) && cls[i] == Organization && (toks[i].Dep != "compound" || h < 0 || h >= len(toks) || isProper(toks[h].Tag)) {
			orgs[a.words[i]]++
		}
	}
	beside := func(i, j int) bool { return j >= 0 && j < len(toks) && a.sent[j] == a.sent[i] && isProper(toks[j].Tag) }
	for i := range toks {
		if cls[i] != Person || !isProper(toks[i].Tag) || firstName(a.lower[i]) || beside(i, i-1) || beside(i, i+1) {
			continue
		}
		if v := votes[a.words[i]]; orgs[a.words[i]] >= 2 && orgs[a.words[i]] > v[0] {
			cls[i] = Organization
		}
	}
	// A run of adjacent proper nouns whose first and last word are of one
	// person or organisation, the words between classed a person, an
	// organisation or neither (MISC), is one name of that class: a tagger
	// often flips the class of a middle word
	// ("National/ORGANIZATION Film/MISC Archive/ORGANIZATION"). A place
	// between stays apart: on PolNeAR train that joined more wrong names
	// than right.
	named := func(i int) bool { return isProper(toks[i].Tag) && cls[i] != "" }
	for s := 0; s < len(toks); {
		if !named(s) {
			s++
			continue
		}
		e := s + 1
		for e < len(toks) && a.sent[e] == a.sent[s] && named(e) {
			e++
		}
		if c := cls[s]; e-s > 2 && cls[e-1] == c && (c == Person || c == Organization) {
			for k := s + 1; k < e-1; k++ {
				cls[k] = c
			}
		}
		s = e
	}
	// Proper nouns joined by "&" ("Roe & Doe", "Roe & Doe Partners") are a
	// firm when the tagger classed any of them: it often takes both sides
	// for people and leaves the "&" out.
	for i := 1; i+1 < len(toks); i++ {
		if a.words[i] != "&" || a.sent[i-1] != a.sent[i] || a.sent[i+1] != a.sent[i] || !isProper(toks[i-1].Tag) || !isProper(toks[i+1].Tag) {
			continue
		}
		s, e := i-1, i+2
		for s > 0 && a.sent[s-1] == a.sent[i] && isProper(toks[s-1].Tag) {
			s--
		}
		for e < len(toks) && a.sent[e] == a.sent[i] && isProper(toks[e].Tag) {
			e++
		}
		if cls[i-1] != "" || cls[i+1] != "" {
			for k := s; k < e; k++ {
				cls[k] = Organization
			}
		}
	}
	for e := 1; e <= len(toks); e++ {
		if !orgHeads[a.lower[e-1]] || !isProper(toks[e-1].Tag) || e < len(toks) && isProper(toks[e].Tag) {
			continue
		}
		// The words before hang on the organisation word, or, flat, on
		// the noun it hangs on itself ("a Premier League spokesman").
		s, h := e-1, int(toks[e-1].Head)
		for s > 0 && a.sent[s-1] == a.sent[s] && isProper(toks[s-1].Tag) && toks[s-1].Dep == "compound" && !dates[a.lower[s-1]] {
			if p := int(toks[s-1].Head); (p < s || p >= e) && p != h {
				break
			}
			s--
		}
		classed := false
		for k := s; k < e && e-s > 1; k++ {
			classed = classed || cls[k] != ""
		}
		if classed {
			for k := s; k < e; k++ {
				cls[k] = Organization
			}
		}
	}
	return cls
}

// nameWord tells whether token i can be part of a name: a proper noun, a
// capitalised common noun ("The Post" tagged NN), or an adjective the
// article writes only capitalised ("Tad Devine", "the American Action
// Network"), outside a title-case headline; never a verb.
func (a *doc) nameWord(i int) bool {
	t := a.d.Tokens[i].Tag
	if isProper(t) {
		return true
	}
	return isNoun(t) && isUpperFirst(a.words[i]) || t == "JJ" && a.capitalisedOnly(i) && !a.headline(i) && !a.titleAfter(i)
}

// titleAfter tells whether a title or role word follows token i in its
// sentence: an adjective before it is the office's ("Senior
// Adviser"), not a name's. Nouns for people in general ("star")
// end names too ("the Ruritanian Star").
func (a *doc) titleAfter(i int) bool {
	if i+1 >= len(a.words) || a.sent[i+1] != a.sent[i] {
		return false
	}
	k := a.keyAt(i + 1)
	return titles[k] || roleNouns[k]
}

// firstNameBefore tells whether the proper noun just before the person
// name [s, e) is its first name, which the tagger left out or classed
// apart: a known first name, a word after a personal title ("Mr."), or
// any capitalised word compounded to a lone surname ("Raj Shah", "Mehmet
// Oz"), which a news story rarely writes without its first name unless
// it has named the person before. A headline's capitals say nothing.
func (a *doc) firstNameBefore(s, e int) bool {
	f := s - 1
	if f < 0 || a.sent[f] != a.sent[s] {
		return false
	}
	t := &a.d.Tokens[f]
	// "on Tuesday Roe met": a date is no first name.
	if !isProper(t.Tag) || int(t.Head) < s || int(t.Head) >= e || a.roleWord(f) || t.NER == "DATE" || t.NER == "TIME" {
		return false
	}
	k := a.keyAt(f)
	switch {
	case firstName(a.lower[f]):
		return true
	case f > 0 && personTitles[a.keyAt(f-1)]:
		return t.NER == "O"
	}
	// "Secretary of State Clinton": the word ends an office.
	if f > 1 && a.lower[f-1] == "of" && a.roleWord(f-2) {
		return false
	}
	return e-s == 1 && !acronym.Is(a.words[f]) && !affiliations[k] && !orgHeads[k] &&
		!a.headline(f) && !a.titleLine(f) && !a.writtenLower(a.lower[f])
}

// nickname tells whether tokens [i, j) are a nickname in quotation marks:
// an opening mark, capitalised words, a closing mark, in one sentence.
func (a *doc) nickname(i, j int) bool {
	if j-i < 3 || j-i > 5 || a.sent[i] != a.sent[j-1] {
		return false
	}
	if tg := a.d.Tokens[i].Tag; tg != "``" || a.d.Tokens[j-1].Tag != "''" {
		return false
	}
	for k := i + 1; k < j-1; k++ {
		if !isUpperFirst(a.words[k]) {
			return false
		}
	}
	return true
}

// birthName is, when the name at token s is introduced as another name of
// someone just named ("21 Savage, real name Jane Roe", "née"), the last
// token of that name; else -1.
func (a *doc) birthName(s int) int {
	k := s - 1
	switch {
	case k >= 0 && (a.lower[k] == "née" || a.lower[k] == "nee"):
	case k >= 1 && a.lower[k] == "name" && (a.lower[k-1] == "real" || a.lower[k-1] == "birth"):
		k--
	default:
		return -1
	}
	if k >= 2 && a.words[k-1] == "," && a.sent[k-1] == a.sent[s] && a.nameWord(k-2) {
		return k - 2
	}
	return -1
}

// numeralFirst tells a stage name that opens with a number ("rapper 21
// Savage"): a number of at most three digits, no year, written before a
// lone singular proper noun (which the tagger may class as money), with
// nothing before it that makes it a count ("the 21 Savages").
func (a *doc) numeralFirst(s, e int) bool {
	if e-s != 1 || a.d.Tokens[s].Tag != "NNP" || !a.smallNumberBefore(s) {
		return false
	}
	f := s - 1
	if f > 0 && a.sent[f-1] == a.sent[f] {
		switch a.d.Tokens[f-1].Tag {
		case "DT", "CD", "JJ", "JJR", "JJS", "RB", "$", "TO", "PRP$", "POS":
			return false
		}
	}
	return true
}

// smallNumberBefore tells whether a number of at most three digits, no
// year, is written just before token s in its sentence.
func (a *doc) smallNumberBefore(s int) bool {
	f := s - 1
	return f >= 0 && a.sent[f] == a.sent[s] && a.d.Tokens[f].Tag == "CD" && smallNumber(a.words[f])
}

// roleWord tells a title or a role noun, singular or plural ("Senators
// Rubio and Cruz").
func (a *doc) roleWord(i int) bool {
	k := a.keyAt(i)
	for _, w := range []string{k, strings.TrimSuffix(k, "s")} {
		if titles[w] || personNouns[w] || roleNouns[w] {
			return true
		}
	}
	return false
}

// surnameAfter tells whether the proper noun just after the person name
// [s, e), a lone first name ("Jo-Renee"), is its surname, which the
// tagger classed apart.
func (a *doc) surnameAfter(s, e int) bool {
	if e-s != 1 || e >= len(a.words) || a.sent[e] != a.sent[s] || !firstName(a.lower[s]) {
		return false
	}
	t := &a.d.Tokens[e]
	return isProper(t.Tag) && int(a.d.Tokens[s].Head) == e && nerClass(t.NER) != Person &&
		!a.roleWord(e) && !orgHeads[a.lower[e]] && !acronym.Is(a.words[e])
}

// orgWordBefore tells whether the word just before the organisation name
// starting at s is its first word, which the tagger left out: a
// capitalised noun it classed as no name, inside a sentence, where
// capitals are the writer's ("the Tax Foundation", "The Tax Policy
// Center"). A sentence's first word (also after a word that ends one, for
// a tokenizer that kept the period) and a headline's say nothing; an
// initialism's period ends no sentence ("U.S.").
func (a *doc) orgWordBefore(s int) bool {
	f := s - 1
	if f < 1 || a.sent[f] != a.sent[s] || a.sent[f-1] != a.sent[f] {
		return false
	}
	prev := a.words[f-1]
	if isPunct(prev) ||
		strings.ContainsAny(lastRune(prev), ".!?") && strings.Count(prev, ".") < 2 ||
		a.d.Tokens[f].NER != "O" && !a.nationalFirst(f) || !a.nameWord(f) || a.roleWord(f) || a.headline(f) || acronym.Is(a.words[f]) {
		return false
	}
	return true
}

// orgWordAfter tells whether token e, just after an organisation's name
// ending at e, is its last word, which the tagger left out: a capitalised
// proper noun it classed as no name, on which the name's last word hangs as
// a compound ("the Ministry of Coastal Affairs" with "Affairs" unclassed). A
// role ("Acme Chairman") or a headline's word is not.
func (a *doc) orgWordAfter(e int) bool {
	t := &a.d.Tokens[e]
	return a.sent[e] == a.sent[e-1] && isProper(t.Tag) && t.NER == "O" && isUpperFirst(a.words[e]) &&
		int(a.d.Tokens[e-1].Head) == e && a.d.Tokens[e-1].Dep == "compound" && !a.roleWord(e) && !a.headline(e)
}

// nationalFirst tells a nationality adjective opening an organisation's
// name after "the" ("the Ruritanian Ministry of Health"): a tagger classes
// it apart, as a nationality, but the name holds it. So does a proper
// noun compounded on the name that it classed a place or a person ("the
// Ruritania Herald").
func (a *doc) nationalFirst(f int) bool {
	t := &a.d.Tokens[f]
	if a.lower[f-1] != "the" || affiliations[a.keyAt(f)] {
		return false
	}
	return t.Tag == "JJ" && runClass(t.NER) == misc || isProper(t.Tag) && t.Dep == "compound" && int(t.Head) > f
}

// commonOpener tells a one-word name [s, e) that opens its sentence and
// that the article writes in lower case elsewhere: a common noun
// capitalised by its place ("Police said"), which a tagger may class. A
// headline's first word may be a name cut short ("State calls ...").
func (a *doc) commonOpener(s, e int) bool {
	return e-s == 1 && (s == 0 || a.sent[s-1] != a.sent[s]) && !acronym.Is(a.words[s]) && a.writtenLower(a.lower[s]) &&
		!a.titleLine(s) && !a.headline(s) && a.para[s] > 0
}

// groupNounBefore tells whether a common noun of organisations stands
// just before the name starting at s, saying what it is ("software
// company Brightloop", "the band Wet Leg").
func (a *doc) groupNounBefore(s int) bool {
	f := s - 1
	return f >= 0 && a.sent[f] == a.sent[s] && a.d.Tokens[f].Tag == "NN" && groupNouns[a.words[f]]
}

// classed tells whether any of tokens [i, j) is in a name class.
func (a *doc) classed(i, j int) bool {
	for k := i; k < j; k++ {
		if nerClass(a.d.Tokens[k].NER) != "" {
			return true
		}
	}
	return false
}

// writtenLower tells whether the article writes word w in lower case
// somewhere: then a capitalised w opens a sentence ("Said Ellis") rather
// than naming anyone.
func (a *doc) writtenLower(w string) bool {
	if a.lowerSeen == nil {
		// Indexed once: a scan per word asked about made long
		// documents quadratic.
		a.lowerSeen = map[string]bool{}
		for i, x := range a.lower {
			if r, _ := utf8.DecodeRuneInString(a.words[i]); unicode.IsLower(r) {
				a.lowerSeen[x] = true
			}
		}
	}
	return a.lowerSeen[w]
}

// capitalisedOnly tells a word written with a capital letter that the
// article never writes in lower case.
func (a *doc) capitalisedOnly(i int) bool {
	return isUpperFirst(a.words[i]) && !acronym.Is(a.words[i]) && !a.writtenLower(a.lower[i])
}

// titleLine tells whether token i is in the article's first paragraph and
// that paragraph does not end as a sentence does: a headline, however
// few its capitals ("Derelict Obama and Clinton;").
func (a *doc) titleLine(i int) bool {
	if a.para[i] != 0 {
		return false
	}
	j := i
	for j+1 < len(a.para) && a.para[j+1] == 0 {
		j++
	}
	return !strings.ContainsAny(lastRune(a.words[j]), `.!?”"'`)
}

func lastRune(w string) string {
	_, n := utf8.DecodeLastRuneInString(w)
	return w[len(w)-n:]
}

// affiliations are capitalised words written before a surname that say
// what side the person is on, not who the person is ("Democrat Clinton").
var affiliations = set(`democrat democrats democratic republican republicans gop libertarian independent
	conservative liberal labour tory socialist green`)

// headline tells whether token i is in a sentence written in title case.
func (a *doc) headline(i int) bool {
	si := a.sent[i]
	if si < 0 || si >= len(a.titled) {
		return a.d.TitleCase(si)
	}
	if a.titled[si] == 0 {
		a.titled[si] = 2
		if a.d.TitleCase(si) {
			a.titled[si] = 1
		}
	}
	return a.titled[si] == 1
}

// afterTitles is where a person's name starts in the run [s, e) a tagger
// classed as PERSON: after the last title or role word in it ("Mayor Bill
// de Blasio", "Charlotte Mayor Jennifer Roberts", "Secretary of State John
// Kerry"), which stays outside for learnDescriptors.
func (a *doc) afterTitles(s, e int) int {
	start := s
	for k := s; k < e-1; k++ {
		w := a.keyAt(k)
		if !titles[w] && !personNouns[w] {
			continue
		}
		n := k + 1
		if a.lower[n] == "of" && n+2 < e {
			n += 2 // "Secretary of State"
		}
		if a.nameWord(n) && !titles[a.keyAt(n)] {
			start = n
		}
	}
	return start
}

// titleStart is where the title or role words end that stand just before
// the name starting at p ("Court Justice", "Secretary of State").
func (a *doc) titleStart(p int) int {
	t := p
	for t > 0 && a.roleWord(t-1) {
		t--
	}
	if t == p && p > 2 && a.lower[p-2] == "of" && a.roleWord(p-3) {
		t = p - 3
	}
	return t
}

// dates are the proper nouns of the calendar, which a parser may hang on
// a name after them ("On Friday Acme Group said").
var dates = set(`monday tuesday wednesday thursday friday saturday sunday january february
	march april may june july august september october november december`)

// orgHeads end the names of organisations, whatever a tagger says.
var orgHeads = set(`records studios corp corporation company inc ltd llc plc co group bank university
	college institute foundation association council department ministry party club fc united
	airlines airways motors industries holdings partners media news times post press league
	federation union committee commission agency authority hospital school center centre
	journal alliance coalition fund institution organization organisation society network
	brigade pictures service trust infirmary police`)

// misc is the run class of names a tagger classed as neither person nor
// organisation (MISC: events, nationalities, works, and some institutes).
const misc = "misc"

// runClass is the class of a token for name runs: nerClass, or misc.
func runClass(ner string) string {
	if ner == "MISC" || ner == "B-MISC" || ner == "I-MISC" {
		return misc
	}
	return nerClass(ner)
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
	op-ed editorial column analysis paper review investigation audit documentary's
	research data statistics findings figures`)

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
	for s > 0 && s > i-3 && titles[a.keyAt(s-1)] && a.sent[s-1] == a.sent[i] {
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
	return oneSpaced(a.d.Text[s:e])
}

// oneSpaced is s with its runs of white space made one space each; most
// spans are so already and are returned as they are.
func oneSpaced(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c != ' ' && c <= ' ' || c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

func (a *doc) entity(typ, name string) int {
	k := entityKey{typ, strings.ToLower(name)}
	if e, ok := a.byKey[k]; ok {
		return e
	}
	a.ents = append(a.ents, &entity{name: name, typ: typ})
	a.byKey[k] = len(a.ents) - 1
	return len(a.ents) - 1
}

// entityKey identifies an entity by its type and lower-case name.
type entityKey struct{ typ, name string }

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
		// A possessor heads no phrase ("Ruritania's neighbouring
		// countries" parsed with Ruritania as the subject): the last
		// common noun of the phrase after it, up to a preposition or a
		// clause, is the head when it is plural and no one speaking for
		// it (not "aides"). Singular, it is most often the possessor's
		// own voice ("Roe's email").
		if p := outside + 1; p < e && p < len(a.words) && a.d.Tokens[p].Tag == "POS" {
			last := -1
			for i := p + 1; i < e && i < len(a.words); i++ {
				t := &a.d.Tokens[i]
				if t.Dep == "case" || t.Dep == "cc" || t.Tag == "IN" || t.Tag == "CC" || t.Tag == "WDT" || t.Tag == "WP" || isPunct(a.words[i]) {
					break
				}
				if t.Tag == "NN" || t.Tag == "NNS" {
					last = i
				}
			}
			if last >= 0 && a.d.Tokens[last].Tag == "NNS" && !roleNouns[a.lower[last]] && !personNouns[a.lower[last]] {
				return last
			}
		}
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
		// "The party chairman, Kelly Armstrong, said": the name in
		// apposition says whom the common noun stands for, whoever else
		// the story described so. A capitalised noun is a name itself
		// ("Future45, a super PAC").
		if p := a.apposName(h); p >= 0 && t.Tag == "NN" && a.words[h] == a.lower[h] {
			a.addMention(s, e, p)
			continue
		}
		noun := lemma(t, a.lower[h])
		// "The Republican nominee noted ...": a definite description of a
		// person described so before is a mention of that person; a noun
		// the story has written before a name or beside one is for a
		// person too ("Admiral Harris" ... "the admiral").
		if det := a.determiner(h); t.Tag == "NN" && (personNouns[noun] || len(a.descr[noun]) > 0) && (det == "the" || det == "this") {
			var mods []string
			for k := s; k < h; k++ {
				if a.d.Tokens[k].Tag != "DT" {
					mods = append(mods, strings.Trim(a.lower[k], "."))
				}
			}
			if p := a.described(noun, mods, s); p >= 0 && !a.otherRole(p, tokenRange(s, h), h) {
				a.addMention(s, e, p)
				continue
			}
		}
		// A proper noun outside the name classes ("Republicans", "the
		// United States") is a name for its group or place.
		proper := isProper(t.Tag)
		if proper {
			name = a.span(a.properStart(h), e)
			// A name the tagger classed elsewhere in the article
			// ("MC-Ray" as a person once, as nothing after) is that
			// person or organisation.
			if p := a.namedAs(name); p >= 0 {
				a.addMention(a.properStart(h), e, p)
				continue
			}
		}
		ent := a.entity(Other, strings.ToLower(stripDet(name)))
		a.ents[ent].desc = !proper
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

// namedAs is the person, else the organisation, of the article named
// exactly name, or -1; a tagger's class is trusted once it gave it twice
// ("Twitter" as a person once is a stray).
func (a *doc) namedAs(name string) int {
	for _, typ := range []string{Person, Organization} {
		if e, ok := a.byKey[entityKey{typ, strings.ToLower(name)}]; ok && a.ents[e].count >= 2 {
			return e
		}
	}
	return -1
}

// apposName is the named entity in apposition to the noun h ("the party
// chairman, Kelly Armstrong"), or -1.
func (a *doc) apposName(h int) int {
	for _, c := range a.kids[h] {
		if a.d.Tokens[c].Dep == "appos" {
			if e := a.namedAt(c); e >= 0 {
				return e
			}
		}
	}
	return -1
}

// namedAt is the person or organisation named at token i, or -1.
func (a *doc) namedAt(i int) int {
	if m := a.mentAt[i]; m >= 0 && a.ents[a.ments[m].ent].typ != Other {
		return a.ments[m].ent
	}
	return -1
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
