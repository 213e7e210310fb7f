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
		names := articleNames(art.Doc)
		for j, g := range gd.Quotes {
			if len(g.Source) == 0 {
				continue
			}
			kind, expected := referenceName(art, names, g.Source)
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

// referenceName classifies a gold source and finds the fullest proper name
// of the entity it refers to: the names at the heads of the mentions of its
// silver chain and at its own head, the longest one, then completed from the
// article when only a surname is known ("Roe" → "Jane Roe" when the article
// names one person of that surname). It is "" when no name is written for
// the entity.
func referenceName(art conllu.Article, names map[string][]string, src []onrecord.Span) (kind, name string) {
	d := art.Doc
	var toks []int
	for _, s := range src {
		for i, j := d.TokensIn(s); i < j; i++ {
			if n := len(toks); n == 0 || toks[n-1] < i {
				toks = append(toks, i)
			}
		}
	}
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
	var cands []string
	if kind == KindName {
		cands = append(cands, nameAt(d, h, toks[0], toks[len(toks)-1]+1))
	}
	if chain := chainAt(art.Mentions, h, toks); chain >= 0 {
		for _, m := range art.Mentions {
			// A headline in title case ("Obama Sees 'Personal Insult'")
			// runs its words into the names the tagger finds there.
			if m.Chain == chain && m.Head >= m.Start && m.Head < m.End && m.Head < len(d.Tokens) && !headline(d, m.Head) {
				cands = append(cands, nameAt(d, m.Head, m.Start, m.End))
			}
		}
	}
	best := ""
	for _, c := range cands {
		if len(nameWords(c)) > len(nameWords(best)) {
			best = c
		}
	}
	if best == "" {
		return kind, ""
	}
	if w := nameWords(best); len(w) == 1 {
		if full := names[w[0]]; len(full) == 1 {
			best = full[0]
		}
	}
	return kind, best
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

// nameAt is the proper name written at token h within [lo, hi): the run of
// tokens of h's name class (PERSON, ORGANIZATION) around h, which leaves
// out titles and role words ("Homeland Security Secretary Jeh Johnson"),
// else the run of proper nouns, with "of", "and", "for" between them; ""
// when h is no proper noun.
func nameAt(d *onrecord.Document, h, lo, hi int) string {
	proper := func(i int) bool { t := d.Tokens[i].Tag; return t == "NNP" || t == "NNPS" }
	if !proper(h) {
		return ""
	}
	in := proper
	if c := d.Tokens[h].NER; c == "PERSON" || c == "ORGANIZATION" {
		in = func(i int) bool { return d.Tokens[i].NER == c && d.Tokens[i].Tag != "POS" }
	}
	// A title heading the phrase ("Mayor Bill de Blasio", "Secretary
	// of State John F. Kerry") stands for the person named after it.
	if descriptor[strings.ToLower(strings.Trim(d.Word(h), "."))] {
		for k := h + 1; k < hi && d.Word(k) != ","; k++ {
			if d.Tokens[k].NER == "PERSON" && proper(k) {
				h = k
				in = func(i int) bool { return d.Tokens[i].NER == "PERSON" && d.Tokens[i].Tag != "POS" }
				break
			}
		}
	}
	s, e := h, h+1
	for s > lo && (in(s-1) || glue(d.Word(s-1)) && s-2 >= lo && in(s-2) && proper(s-2)) {
		s--
	}
	for e < hi && (in(e) || glue(d.Word(e)) && e+1 < hi && in(e+1) && proper(e+1)) {
		e++
	}
	// A coordination the tagger classed as one name ("Kerry and Mr.
	// Obama") gives the conjunct holding h; titles and descriptors in front
	// ("Democrat Hillary Clinton", "Rival Hillary Clinton") are no part of it.
	for k := s; k < e; k++ {
		if w := d.Word(k); w == "and" || w == "&" && d.Tokens[h].NER == "PERSON" {
			if k < h {
				s = k + 1
			} else {
				e = k
			}
		}
	}
	for s < h && descriptor[strings.ToLower(strings.Trim(d.Word(s), "."))] {
		s++
	}
	// A capital that only opens a sentence or a headline makes no name:
	// "Authorities said", "New Poll Shows ...", "Fellow Republicans".
	for s <= h && d.Tokens[s].NER == "O" && (atStart(d, s) || headline(d, s)) {
		s++
	}
	if s > h {
		return ""
	}
	if s == h && e == h+1 && descriptor[strings.ToLower(strings.Trim(d.Word(h), "."))] {
		return "" // "the President", "Senator from Texas": a title, no name
	}
	return d.Slice(onrecord.Span{Start: int(d.Tokens[s].Start), End: int(d.Tokens[e-1].End)})
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
// person's name: titles, parties, roles.
var descriptor = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`democrat republican libertarian independent rival crooked
		house senate gop former candidate nominee democratic presidential fellow`) {
		descriptor[w] = true
	}
	for w := range roleWords {
		descriptor[w] = true
	}
	for w := range honorifics {
		descriptor[w] = true
	}
}

func glue(w string) bool { return w == "of" || w == "and" || w == "for" || w == "&" }

// articleNames maps the last word of every person name of two or more words
// in the article to the distinct names ending with it, so that a surname
// can be completed when it is unambiguous.
func articleNames(d *onrecord.Document) map[string][]string {
	out := map[string][]string{}
	for i := 0; i < len(d.Tokens); {
		if d.Tokens[i].NER != "PERSON" {
			i++
			continue
		}
		j := i
		for j < len(d.Tokens) && d.Tokens[j].NER == "PERSON" && d.Tokens[j].Tag != "POS" {
			j++
		}
		if j == i {
			i++
			continue
		}
		name := d.Slice(onrecord.Span{Start: int(d.Tokens[i].Start), End: int(d.Tokens[j-1].End)})
		if w := nameWords(name); len(w) > 1 {
			last := w[len(w)-1]
			known := false
			for _, n := range out[last] {
				known = known || SameName(n, name)
			}
			if !known {
				out[last] = append(out[last], name)
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
var roleWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`mr mrs ms miss mx dr prof sen senator rep representative gov
		governor president vice secretary gen general lt col sgt capt rev judge justice mayor
		minister chairman chairwoman ceo spokesman spokeswoman spokesperson referee bookmaker
		coach manager director officer official aide adviser lawyer attorney singer actor actress
		star player striker doctor nominee candidate former said told`) {
		roleWords[w] = true
	}
}

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
