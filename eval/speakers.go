package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
	"github.com/onrecord/onrecord/conllu"
)

// Source kinds, by how the gold source refers to its speaker.
const (
	KindName        = "name"        // headed by a proper noun: "Sen. Ted Cruz", "Cruz"
	KindDescription = "description" // a common noun phrase: "the senator", "the Trump campaign"
	KindPronoun     = "pronoun"     // one personal pronoun: "he", "they"
)

// SourceKinds lists the kinds in the order they are printed.
var SourceKinds = []string{KindName, KindDescription, KindPronoun}

// Count is a share: Correct of Scored.
type Count struct{ Correct, Scored int }

// Share is Correct / Scored, rounded as the scorer rounds.
func (c Count) Share() float64 { return ratio(c.Correct, c.Scored) }

func (c *Count) add(ok bool) {
	c.Scored++
	if ok {
		c.Correct++
	}
}

// SpeakerResult measures speaker names against the entity each gold source
// refers to. PolNeAR has no gold speakers, so the entity comes from the
// silver coreference chain of the source (or the source itself when it is a
// name) and its reference name is the fullest proper name written for it in
// the article. Only gold attributions whose content a prediction matches
// (the scorer's greedy matching) are scored: finding the quote is what the
// span metrics measure; here, naming its speaker.
type SpeakerResult struct {
	Name    Count            // speaker_name over all kinds
	ByKind  map[string]Count // speaker_name by source kind
	Unnamed int              // gold sources whose entity has no proper name in chain or source
	NoMatch int              // gold sources with a name whose content no prediction matched
	// IsName counts predicted speakers typed person or organization
	// (Scored) whose name is a proper name (Correct).
	IsName       Count
	NotNames     []string // predicted person/organization speakers that are no proper name
	DocsNoSilver int      // gold documents without a silver analysis (not scored)
	Misses       []SpeakerMiss
}

// SpeakerMiss is one scored gold source whose speaker was not named right.
type SpeakerMiss struct {
	Doc      string
	Source   onrecord.Span
	Kind     string
	Text     string // the gold source as written
	Expected string // the entity's fullest name
	Got      string // the predicted speaker name ("" when none)
	GotFrom  string // the predicted source as written ("" when none)
}

// ScoreSpeakers scores the speakers of preds (by document ID) against the
// gold attributions, with silver (conllu.LoadSplit of the same split)
// giving tokens, tags, names and coreference chains.
func ScoreSpeakers(gold []brat.GoldDoc, silver []conllu.Article, preds map[string][]onrecord.Attribution) SpeakerResult {
	byID := make(map[string]conllu.Article, len(silver))
	for _, a := range silver {
		byID[a.Doc.ID] = a
	}
	r := SpeakerResult{ByKind: map[string]Count{}}
	for _, qs := range preds {
		for _, q := range qs {
			if s := q.Speaker; s != nil && (s.Type == "person" || s.Type == "organization") {
				ok := ProperName(s.Name)
				r.IsName.add(ok)
				if !ok {
					r.NotNames = append(r.NotNames, s.Name)
				}
			}
		}
	}
	for _, gd := range gold {
		art, ok := byID[gd.ID]
		if !ok {
			r.DocsNoSilver++
			continue
		}
		patts, predOf := pairContents(preds[gd.ID], gd.Quotes)
		rd := newRefDoc(art, gd.Quotes)
		for j, g := range gd.Quotes {
			if len(g.Source) == 0 {
				continue
			}
			kind, expected := rd.referenceName(g.Source)
			if expected == "" {
				r.Unnamed++
				continue
			}
			i := predOf[j]
			if i < 0 {
				r.NoMatch++
				continue
			}
			got := ""
			if s := patts[i].Speaker; s != nil {
				got = s.Name
			}
			from := joinText(art.Doc, patts[i].Source)
			ok := SameName(got, expected)
			r.Name.add(ok)
			c := r.ByKind[kind]
			c.add(ok)
			r.ByKind[kind] = c
			if !ok {
				r.Misses = append(r.Misses, SpeakerMiss{Doc: gd.ID, Source: g.Source[0], Kind: kind,
					Text: joinText(art.Doc, g.Source), Expected: expected, Got: got, GotFrom: from})
			}
		}
	}
	return r
}

// pairContents keeps the predictions that have a content and pairs each
// gold attribution j with the prediction predOf[j] (-1 for none).
func pairContents(preds, gold []onrecord.Attribution) (patts []onrecord.Attribution, predOf []int) {
	for _, q := range preds {
		if len(q.Content) > 0 {
			patts = append(patts, q)
		}
	}
	predOf = make([]int, len(gold))
	for j := range predOf {
		predOf[j] = -1
	}
	for _, m := range match(contentSets(patts), contentSets(gold)) {
		predOf[m.j] = m.i
	}
	return patts, predOf
}

func joinText(d *onrecord.Document, ss []onrecord.Span) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, d.Slice(s))
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// refDoc is one article as the reference names are read from it, with the
// indexes built once for it.
type refDoc struct {
	art    conllu.Article
	d      *onrecord.Document
	lower  map[string]bool // words the article also writes in lower case
	verbs  map[string]bool // words the article also writes as lower-case verbs
	person map[string]bool // words the tagger puts in a person's name somewhere
	// srcLo, srcHi bound the gold source holding each token (-1: none):
	// the annotators wrote a speaker's whole noun phrase as its source, so
	// a name never runs out of it ("the Washington Post Trump said" with
	// "Trump" the source is no "Washington Post Trump").
	srcLo, srcHi []int
	names        map[string][]string // last word → person names of two or more words
	acronyms     map[string][]string // initials → names of two or more capitalised words
}

func newRefDoc(art conllu.Article, quotes []onrecord.Attribution) *refDoc {
	d := art.Doc
	rd := &refDoc{art: art, d: d, lower: map[string]bool{}, verbs: map[string]bool{}, person: map[string]bool{}, srcLo: make([]int, len(d.Tokens)), srcHi: make([]int, len(d.Tokens))}
	for i := range d.Tokens {
		rd.srcLo[i], rd.srcHi[i] = -1, -1
		w := d.Word(i)
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			rd.lower[w] = true
			rd.verbs[w] = rd.verbs[w] || strings.HasPrefix(d.Tokens[i].Tag, "VB")
		}
		if d.Tokens[i].NER == "PERSON" {
			rd.person[w] = true
		}
	}
	for _, q := range quotes {
		if toks := tokensOf(d, q.Source); len(toks) > 0 {
			lo, hi := toks[0], toks[len(toks)-1]+1
			for i := lo; i < hi; i++ {
				rd.srcLo[i], rd.srcHi[i] = lo, hi
			}
		}
	}
	rd.names = rd.personNames()
	rd.acronyms = rd.expansions()
	return rd
}

func tokensOf(d *onrecord.Document, src []onrecord.Span) []int {
	var toks []int
	for _, s := range src {
		for i, j := d.TokensIn(s); i < j; i++ {
			if n := len(toks); n == 0 || toks[n-1] < i {
				toks = append(toks, i)
			}
		}
	}
	return toks
}

// referenceName classifies a gold source and finds the fullest proper name
// of the entity it refers to: the names at the heads of the mentions of its
// silver chain and at its own head, the longest one, written out when it is
// an acronym the article expands ("the S.E.C." → "Securities and Exchange
// Commission"), and completed from the article when only a surname is known
// ("Roe" → "Jane Roe" when the article names one person of that surname).
// It is "" when no name is written for the entity, or when the name cannot
// be told: a surname several people of the article share ("Clinton" beside
// "Bill Clinton" and "Hillary Clinton"), a name cut inside a word.
func (rd *refDoc) referenceName(src []onrecord.Span) (kind, name string) {
	d := rd.d
	toks := tokensOf(d, src)
	h := headToken(d, toks)
	if h < 0 {
		return KindDescription, ""
	}
	switch t := d.Tokens[h].Tag; {
	case len(toks) == 1 && (t == "PRP" || t == "PRP$"):
		kind = KindPronoun
	case t == "NNP" || t == "NNPS":
		kind = KindName
	default:
		kind = KindDescription
	}
	var own string
	cands := []string{}
	if kind == KindName {
		n, ok := rd.nameAt(h, toks[0], toks[len(toks)-1]+1)
		if !ok {
			return kind, ""
		}
		own = n
		cands = append(cands, n)
	}
	person := kind == KindPronoun && personPronoun[strings.ToLower(d.Word(h))]
	cut := 0 // words of the longest name cut inside a word
	if chain := chainAt(rd.art.Mentions, h, toks); chain >= 0 {
		for _, m := range rd.art.Mentions {
			// A headline in title case ("Obama Sees 'Personal Insult'")
			// runs its words into the names the tagger finds there.
			if m.Chain != chain || m.Head < m.Start || m.Head >= m.End || m.Head >= len(d.Tokens) || headline(d, m.Head) {
				continue
			}
			// "he" and "she" are one person: no place, organisation or group.
			if t := d.Tokens[m.Head]; person && (t.NER == "LOCATION" || t.NER == "ORGANIZATION" || t.Tag == "NNPS") {
				continue
			}
			n, ok := rd.nameAt(m.Head, m.Start, m.End)
			if !ok {
				cut = max(cut, len(nameWords(n)))
				continue
			}
			// A name written in the source itself rules out the chain's
			// other names ("Stein" in a chain holding "Melezia Figueroa").
			if own != "" && !sameEntity(own, n) {
				continue
			}
			cands = append(cands, n)
		}
	}
	best := ""
	for _, c := range cands {
		if len(nameWords(c)) > len(nameWords(best)) {
			best = c
		}
	}
	if best == "" || cut > len(nameWords(best)) {
		return kind, "" // the fullest name is written cut: "FranÃ§ois Hollande"
	}
	if full := rd.acronyms[initials(best)]; len(full) == 1 && len(nameWords(best)) == 1 {
		best = full[0]
	}
	// Namesakes ("Bill Clinton", "Hillary Clinton"): a surname alone does
	// not tell them apart, nor a chain that runs them together.
	if w := nameWords(best); len(w) == 1 {
		switch full := rd.names[w[0]]; len(full) {
		case 0:
		case 1:
			best = full[0]
		default:
			return kind, ""
		}
	}
	for _, c := range cands {
		if x, y := nameWords(c), nameWords(best); len(x) > 0 && len(y) > 0 && x[len(x)-1] == y[len(y)-1] && rd.isPerson(c) && !sameEntity(c, best) {
			return kind, ""
		}
	}
	return kind, best
}

// personPronoun are the pronouns that refer to one person.
var personPronoun = map[string]bool{"he": true, "him": true, "his": true, "she": true, "her": true, "hers": true}

// sameEntity tells whether name a, written in a source, can name the
// entity that name b names: one ends with the other ("Nervo", "Frank
// Nervo"), or a is b's acronym ("IMF", "International Monetary Fund").
func sameEntity(a, b string) bool {
	x, y := nameWords(a), nameWords(b)
	return endsWith(x, y) || endsWith(y, x) || abbreviates(a, b) || abbreviates(b, a)
}

// endsWith tells whether the words x end with the words y.
func endsWith(x, y []string) bool {
	if len(y) == 0 || len(y) > len(x) {
		return false
	}
	for k := range y {
		if x[len(x)-len(y)+k] != y[k] {
			return false
		}
	}
	return true
}

// abbreviates tells whether a is the acronym of b.
func abbreviates(a, b string) bool { return initials(a) != "" && initials(a) == acronymOf(b) }

// initials are the letters of a name written as an acronym ("the S.E.C."
// → "SEC"), "" when it is none: one word of two to six capitals.
func initials(name string) string {
	ws := strings.Fields(name)
	if len(ws) > 1 && strings.EqualFold(ws[0], "the") {
		ws = ws[1:]
	}
	if len(ws) != 1 {
		return ""
	}
	w := strings.TrimSuffix(strings.TrimSuffix(ws[0], "'s"), "’s")
	var b strings.Builder
	for _, r := range w {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			b.WriteRune(r)
		default:
			return ""
		}
	}
	if n := b.Len(); n < 2 || n > 6 {
		return ""
	}
	return b.String()
}

// acronymOf is the initials of the capitalised words of a name ("Securities
// and Exchange Commission" → "SEC").
func acronymOf(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// headToken is the token of toks whose head lies outside them, preferring
// nouns and pronouns; -1 when toks is empty.
func headToken(d *onrecord.Document, toks []int) int {
	in := map[int]bool{}
	for _, t := range toks {
		in[t] = true
	}
	best := -1
	for _, t := range toks {
		tk := &d.Tokens[t]
		if in[int(tk.Head)] || isPunctWord(d.Word(t)) || tk.Tag == "POS" {
			continue
		}
		if strings.HasPrefix(tk.Tag, "NN") || strings.HasPrefix(tk.Tag, "PRP") {
			return t
		}
		if best < 0 {
			best = t
		}
	}
	if best < 0 && len(toks) > 0 {
		best = toks[len(toks)-1]
	}
	return best
}

// chainAt is the chain of the mention headed by h, else of the narrowest
// mention inside the source that covers h; -1 when none.
func chainAt(ms []conllu.Mention, h int, toks []int) int {
	best, size := -1, 1<<30
	for _, m := range ms {
		if m.Head == h {
			return m.Chain
		}
		if m.Start <= h && h < m.End && m.Start >= toks[0] && m.End <= toks[len(toks)-1]+1 && m.End-m.Start < size {
			best, size = m.Chain, m.End-m.Start
		}
	}
	return best
}

// nameAt is the proper name written at token h within [lo, hi) (and the
// gold source holding h): the run of tokens of h's name class (PERSON,
// ORGANIZATION) around h, else the run of proper nouns, with "of", "and",
// "for" between them, less the titles and role words before the name
// ("Manhattan Supreme Court Justice Frank Nervo"); "" when h is no proper
// noun, and ok false when the name would be cut inside a word (mojibake,
// "FranÃ§ois" split by the tokenizer).
func (rd *refDoc) nameAt(h, lo, hi int) (name string, ok bool) {
	d := rd.d
	if rd.srcLo[h] >= 0 {
		lo, hi = max(lo, rd.srcLo[h]), min(hi, rd.srcHi[h])
	}
	proper := func(i int) bool { t := d.Tokens[i].Tag; return t == "NNP" || t == "NNPS" }
	if !proper(h) {
		return "", true
	}
	class := d.Tokens[h].NER
	in := proper
	// A title heading the phrase ("Mayor Bill de Blasio", "Secretary
	// of State John F. Kerry") stands for the person named after it.
	if descriptor[lowerWord(d.Word(h))] {
		for k := h + 1; k < hi && d.Word(k) != ","; k++ {
			if d.Tokens[k].NER == "PERSON" && proper(k) {
				h, class = k, "PERSON"
				break
			}
		}
	}
	if class == "PERSON" || class == "ORGANIZATION" {
		in = func(i int) bool { return d.Tokens[i].NER == class && d.Tokens[i].Tag != "POS" }
	} else {
		class = ""
	}
	// The tagger often leaves out a first name that opens the sentence
	// ("Hillary Clinton said"): a capital the article never writes in
	// lower case is a name there.
	firstName := func(i int) bool {
		w := d.Word(i)
		return class == "PERSON" && proper(i) && d.Tokens[i].NER == "O" && atStart(d, i) && !headline(d, i) &&
			rd.person[w] && !rd.lower[strings.ToLower(w)] && !descriptor[lowerWord(w)]
	}
	s, e := h, h+1
	for s > lo && (in(s-1) || glue(d.Word(s-1)) && s-2 >= lo && in(s-2) && proper(s-2)) {
		s--
	}
	if s > lo && firstName(s-1) {
		s--
	}
	for e < hi && (in(e) || glue(d.Word(e)) && e+1 < hi && in(e+1) && proper(e+1)) {
		e++
	}
	// A coordination the tagger classed as one name ("Kerry and Mr.
	// Obama", "China and Russia") gives the conjunct holding h; an "and"
	// tagged as part of an organisation ("Securities and Exchange
	// Commission"), or between words of different classes ("Citizenship
	// and Immigration Services"), stands inside one name.
	for k := s + 1; k < e-1; k++ {
		w := d.Word(k)
		if w != "and" && w != "&" {
			continue
		}
		l, r := d.Tokens[k-1].NER, d.Tokens[k+1].NER
		if class == "PERSON" || class == "ORGANIZATION" && d.Tokens[k].NER != class ||
			class == "" && (l == "O" || r == "O" || l == r) {
			if k < h {
				s = k + 1
			} else {
				e = k
			}
		}
	}
	// Titles and descriptors in front of a person ("Democrat Hillary
	// Clinton", "Rival Hillary Clinton", "Supreme Court Justice Frank
	// Nervo") are no part of the name; an organisation keeps its words
	// ("Republican National Committee") unless it runs into the name of
	// a person of the article ("the House Newt Gingrich's").
	if class != "ORGANIZATION" {
		for k := h - 1; k >= s; k-- {
			if descriptor[lowerWord(d.Word(k))] {
				s = k + 1
				break
			}
		}
	} else {
		for k := s + 1; k < h; k++ {
			if rd.isPerson(d.Slice(onrecord.Span{Start: int(d.Tokens[k].Start), End: int(d.Tokens[e-1].End)})) {
				s = k
				break
			}
		}
	}
	for s < h && strings.EqualFold(d.Word(s), "the") {
		s++ // "The New York Times" as tagged
	}
	// A capital that only opens a sentence or a headline makes no name:
	// "Authorities said", "New Poll Shows ...", "Said Ellis".
	for s <= h && (atStart(d, s) || headline(d, s)) && !firstName(s) &&
		(d.Tokens[s].NER == "O" || rd.verbs[strings.ToLower(d.Word(s))]) {
		s++
	}
	if s > h {
		return "", true
	}
	if hw := lowerWord(d.Word(h)); descriptor[hw] && (s == h && e == h+1 || class != "ORGANIZATION" && !institution[hw]) {
		return "", true // "the President", "the White House Doctor": a title, no name
	}
	if partyLabel(d.Word(s)) {
		return "", true // "(R-Wis.)", "(D-Newport News)"
	}
	name = d.Slice(onrecord.Span{Start: int(d.Tokens[s].Start), End: int(d.Tokens[e-1].End)})
	return name, !rd.inWord(s-1, s, -1) && !rd.inWord(e, e-1, 1)
}

// isPerson tells whether name is the name of a person of the article of
// two or more words.
func (rd *refDoc) isPerson(name string) bool {
	w := nameWords(name)
	if len(w) < 2 {
		return false
	}
	for _, n := range rd.names[w[len(w)-1]] {
		if SameName(n, name) {
			return true
		}
	}
	return false
}

// inWord tells whether the tokens from i on, stepping by dir, that touch
// token prev with no space between lead to a letter: a name ending at prev
// would cut a word ("FranÃ" of "FranÃ\u0083Â§ois").
func (rd *refDoc) inWord(i, prev, dir int) bool {
	d := rd.d
	for ; i >= 0 && i < len(d.Tokens) && d.Tokens[i].Tag != "POS"; i, prev = i+dir, i {
		if a, b := min(i, prev), max(i, prev); d.Tokens[a].End != d.Tokens[b].Start && !rd.noSpace(a, b) {
			return false
		}
		if w := d.Word(i); !isPunctWord(w) {
			return true
		} else if strings.IndexFunc(w, boundary) >= 0 {
			return false
		}
	}
	return false
}

// boundary tells whether r ends a word: ASCII punctuation, quotes, dashes.
func boundary(r rune) bool {
	return r <= unicode.MaxASCII || unicode.In(r, unicode.Pi, unicode.Pf, unicode.Pd, unicode.Ps, unicode.Pe)
}

// noSpace tells whether the text between tokens a and b holds no space.
func (rd *refDoc) noSpace(a, b int) bool {
	between := rd.d.Slice(onrecord.Span{Start: int(rd.d.Tokens[a].End), End: int(rd.d.Tokens[b].Start)})
	return strings.IndexFunc(between, unicode.IsSpace) < 0
}

func lowerWord(w string) string { return strings.ToLower(strings.Trim(w, ".")) }

// partyLabel tells whether w opens a party and state label: "R-Wis.", "D-N.Y.".
func partyLabel(w string) bool {
	return len(w) > 2 && w[1] == '-' && strings.ContainsRune("RDI", rune(w[0]))
}

// atStart tells whether token i opens its sentence, after any punctuation.
func atStart(d *onrecord.Document, i int) bool {
	for k := i - 1; k >= 0; k-- {
		if k < len(d.Tokens) && d.Tokens[k].Tag != "``" && !isPunctWord(d.Word(k)) {
			return sentenceOf(d, k) != sentenceOf(d, i)
		}
	}
	return true
}

func sentenceOf(d *onrecord.Document, i int) int {
	return sort.Search(len(d.Sents), func(k int) bool { return int(d.Sents[k].End) > i })
}

// headline tells whether token i stands in a sentence in title case.
func headline(d *onrecord.Document, i int) bool { return d.TitleCase(sentenceOf(d, i)) }

// descriptor are the words a silver name run often carries in front of a
// person's name: titles, parties, roles, and the institutions of titles.
var descriptor = union(wordSet(`democrat republican libertarian independent rival crooked
	former candidate nominee democratic presidential fellow del delegate member chief leader
	commissioner chancellor`), roleWords, honorifics, institution)

// institution are descriptors that are names as well: "the White House".
var institution = wordSet(`house senate gop`)

func wordSet(words string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words) {
		out[w] = true
	}
	return out
}

func union(sets ...map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, set := range sets {
		for w := range set {
			out[w] = true
		}
	}
	return out
}

func glue(w string) bool { return w == "of" || w == "and" || w == "for" || w == "&" }

// personNames maps the last word of every person name of two or more words
// in the article to the distinct names ending with it, so that a surname
// can be completed when it is unambiguous.
func (rd *refDoc) personNames() map[string][]string {
	d := rd.d
	out := map[string][]string{}
	for i := 0; i < len(d.Tokens); i++ {
		// The last token of each PERSON run, read as nameAt reads it.
		if d.Tokens[i].NER != "PERSON" || d.Tokens[i].Tag == "POS" ||
			i+1 < len(d.Tokens) && d.Tokens[i+1].NER == "PERSON" && d.Tokens[i+1].Tag != "POS" {
			continue
		}
		name, ok := rd.nameAt(i, 0, len(d.Tokens))
		if w := nameWords(name); ok && len(w) > 1 {
			last := w[len(w)-1]
			// "Guajardo Villarreal" is "Ildefonso Guajardo Villarreal".
			known := false
			for k, n := range out[last] {
				if sameEntity(n, name) {
					known = true
					if len(nameWords(name)) > len(nameWords(n)) {
						out[last][k] = name
					}
				}
			}
			if !known {
				out[last] = append(out[last], name)
			}
		}
	}
	return out
}

// expansions maps initials to the distinct names of two or more capitalised
// words that have them ("Internal Revenue Service" → "IRS"), each run of
// proper nouns and every tail of it, so that an acronym can be written out
// when the article does.
func (rd *refDoc) expansions() map[string][]string {
	d := rd.d
	out := map[string][]string{}
	cap := func(i int) bool {
		t := d.Tokens[i].Tag
		r, _ := utf8.DecodeRuneInString(d.Word(i))
		return (t == "NNP" || t == "NNPS") && unicode.IsUpper(r)
	}
	joins := func(w string) bool { return glue(w) || w == "the" || w == "to" || w == "on" }
	for i := 0; i < len(d.Tokens); {
		if !cap(i) {
			i++
			continue
		}
		j := i + 1
		for j < len(d.Tokens) && (cap(j) || joins(d.Word(j)) && j+1 < len(d.Tokens) && cap(j+1)) {
			j++
		}
		for s := i; s < j; s++ {
			if !cap(s) {
				continue
			}
			name := d.Slice(onrecord.Span{Start: int(d.Tokens[s].Start), End: int(d.Tokens[j-1].End)})
			a := acronymOf(name)
			if len(a) < 2 || initials(name) != "" {
				continue
			}
			known := false
			for _, n := range out[a] {
				known = known || n == name
			}
			if !known {
				out[a] = append(out[a], name)
			}
		}
		i = j
	}
	return out
}

// SameName tells whether a predicted speaker name is the expected name: the
// same words once case, punctuation, possessives, leading titles and middle
// initials are set aside ("Donald J. Trump" is "Donald Trump", "Trump" is not).
func SameName(got, expected string) bool {
	x, y := nameWords(got), nameWords(expected)
	if len(x) == 0 || len(x) != len(y) {
		return false
	}
	for k := range x {
		if x[k] != y[k] {
			return false
		}
	}
	return true
}

// generational are the suffixes after a surname.
var generational = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// roleWords are titles and role nouns that make a speaker name a
// description ("Referee Jane Roe", "the spokesman"), not a name.
var roleWords = wordSet(`mr mrs ms miss mx dr prof sen senator rep representative gov
	governor president vice secretary gen general lt col sgt capt rev judge justice mayor
	minister chairman chairwoman ceo spokesman spokeswoman spokesperson referee bookmaker
	coach manager director officer official aide adviser lawyer attorney singer actor actress
	star player striker doctor nominee candidate former said told`)

// ProperName tells whether a speaker name is a proper name: every word
// capitalised (or a digit, or a joining word inside the name: "Bank of
// America"), no determiner in front and no title or role word.
func ProperName(name string) bool {
	ws := strings.Fields(name)
	if len(ws) == 0 {
		return false
	}
	for k, w := range ws {
		w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) && r != '&' })
		if w == "" {
			continue
		}
		lw := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
		if roleWords[lw] || k == 0 && (lw == "the" || lw == "a" || lw == "an") {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) || r == '&' {
			continue
		}
		if k > 0 && k < len(ws)-1 && joining[lw] {
			continue
		}
		return false
	}
	return true
}

// joining are the lower-case words that stand inside names.
var joining = map[string]bool{"of": true, "and": true, "for": true, "the": true, "on": true,
	"de": true, "van": true, "von": true, "der": true, "da": true, "du": true, "la": true, "le": true,
	"al": true, "bin": true, "y": true, "in": true}

func isPunctWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// Print writes the speaker lines of eval.
func (r SpeakerResult) Print(w io.Writer) error {
	_, err := fmt.Fprintf(w, "%-16s %s (%d of %d gold sources naming an entity, content matched; %d unnamed, %d unmatched)\n",
		"speaker_name", pyFloat(r.Name.Share()), r.Name.Correct, r.Name.Scored, r.Unnamed, r.NoMatch)
	if err != nil {
		return err
	}
	for _, k := range SourceKinds {
		c := r.ByKind[k]
		if _, err := fmt.Fprintf(w, "%-16s %-12s %s (%d of %d)\n", "", k, pyFloat(c.Share()), c.Correct, c.Scored); err != nil {
			return err
		}
	}
	_, err = fmt.Fprintf(w, "%-16s %s (%d of %d person/organization speakers are proper names)\n",
		"speaker_is_name", pyFloat(r.IsName.Share()), r.IsName.Correct, r.IsName.Scored)
	return err
}

// honorifics are dropped from the front of a name before comparing, so
// that "Mr. Trump", "President Obama" and "Republican nominee Donald Trump"
// compare by the names they carry.
var honorifics = map[string]bool{
	"the": true, "mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true, "gov": true,
	"senator": true, "governor": true, "representative": true, "president": true, "vice": true,
	"former": true, "secretary": true, "gen": true, "general": true, "judge": true, "justice": true,
	"democratic": true, "republican": true, "presidential": true, "nominee": true, "candidate": true,
}

// nameWords are the words of a name as compared: lower case, cut at the
// first comma or bracket (an appositive: "Sanders, a Vermont senator"),
// punctuation at word edges, possessive 's, leading titles and middle
// initials removed. A phrase of titles alone is kept whole.
func nameWords(s string) []string {
	if i := strings.IndexAny(s, ",("); i > 0 {
		s = s[:i]
	}
	var all, out []string
	for _, w := range strings.Fields(strings.ToLower(strings.ReplaceAll(s, "’", "'"))) {
		w = strings.TrimSuffix(w, "'s")
		w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
		if w == "" {
			continue
		}
		all = append(all, w)
		if len(out) > 0 || !honorifics[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return all
	}
	// "Joseph R. Biden Jr." is "Joseph R. Biden", as a middle initial is.
	for len(out) > 1 && generational[out[len(out)-1]] {
		out = out[:len(out)-1]
	}
	for k := len(out) - 2; k > 0; k-- {
		if len([]rune(out[k])) == 1 {
			out = append(out[:k], out[k+1:]...)
		}
	}
	return out
}
