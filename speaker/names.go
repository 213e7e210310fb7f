package speaker

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// titles are honorifics and offices written before a name; they are not part
// of it ("Sen. Ted Cruz" is Ted Cruz). Keys are lower case without the period.
var titles = set(`mr mrs ms miss mx dr prof sen senator rep representative gov governor
	president vice vp secretary sec gen general lt col colonel maj major capt captain sgt
	adm admiral rev reverend fr father sister brother judge justice chief chairman chairwoman
	chair speaker mayor attorney ambassador sir dame lady lord baroness pope former candidate nominee
	congressman congresswoman hon honorable pastor rabbi imam bishop cardinal commissioner
	sheriff officer detective constable inspector sergeant superintendent retired ret first pres mister
	mp mep msp`)

// roman are the regnal numbers of monarchs and popes.
var roman = set(`ii iii iv vi vii viii ix xi xii xiii xiv xv xvi`)

// suffixes end a name without distinguishing people the way a surname does.
var suffixes = set(`jr sr ii iii iv phd md esq`)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// key lowers a word and drops periods, so "Sen." and "sen" compare equal.
func key(w string) string { return strings.ToLower(strings.Trim(w, ".")) }

// isUpperFirst tells a word that starts with a capital letter.
func isUpperFirst(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// keyAt is key of token i, from its lower-case form made once.
func (a *doc) keyAt(i int) string { return strings.Trim(a.lower[i], ".") }

// Canonical normalises one written name: spaces collapsed, a possessive 's
// and trailing party/state tags ("R-Texas", "(D-Calif.)") dropped, leading
// articles and titles ("the", "Mr.", "Sen.", "President") stripped. It does
// not merge variants; Names does that with the other names of a document.
func Canonical(name string) string {
	w := strings.Fields(name)
	for len(w) > 0 && !hasLetter(w[0]) && !stageNumber(w) {
		w = w[1:]
	}
	// Everything after a comma or parenthesis is an appositive or a tag.
	name = strings.Join(w, " ")
	if i := strings.IndexAny(name, ",("); i >= 0 {
		name = name[:i]
	}
	w = strings.Fields(name)
	for len(w) > 0 {
		last := w[len(w)-1]
		// Strip every possessive ending ("0's'" ends in two), so that a
		// canonical name is its own canonical name.
		t := last
		for u := stripPossessive(t); u != t; u = stripPossessive(t) {
			t = u
		}
		if t != last {
			w[len(w)-1] = t
		}
		if t == "" || partyTag(t) || !hasLetter(t) {
			w = w[:len(w)-1]
			continue
		}
		// A regnal number after a lone given name is the name
		// ("Elizabeth II"); after a surname it is a suffix.
		if k := key(t); suffixes[k] && !(len(w) == 2 && roman[k]) {
			w = w[:len(w)-1]
			continue
		}
		break
	}
	for len(w) > 1 {
		k := key(w[0])
		if k == "the" || titles[k] || !hasLetter(w[0]) && !stageNumber(w) {
			w = w[1:]
			continue
		}
		break
	}
	return strings.Join(w, " ")
}

func stripPossessive(w string) string {
	for _, s := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(w, s) && len(w) > len(s) {
			return w[:len(w)-len(s)]
		}
	}
	if strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’") {
		return strings.TrimRight(w, "'’")
	}
	return w
}

// stageNumber tells a name of a number and one word ("21 Savage"); see
// numeralFirst.
func stageNumber(w []string) bool {
	return len(w) == 2 && smallNumber(w[0]) && hasLetter(w[1])
}

// smallNumber tells a number of one to three digits, which names a stage
// name ("21 Savage") and no year.
func smallNumber(w string) bool {
	return len(w) > 0 && len(w) <= 3 && strings.Trim(w, "0123456789") == ""
}

// partyTag recognises "R-Texas", "D-Calif.", "R-Wis." written after a name.
func partyTag(w string) bool {
	w = strings.Trim(w, "().,")
	return len(w) > 2 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-'
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// initial is a middle initial such as "J." or "W".
func initial(w string) bool {
	w = strings.TrimRight(w, ".")
	return utf8.RuneCountInString(w) == 1
}

// Names maps the variants of the person names of one text (or a corpus) to
// one canonical full name. Add names in text order; Lookup then resolves a
// variant against the names added so far, preferring the most recent.
type Names struct {
	full  []fullName // multi-word names, in order of first mention
	index map[string]int
	seq   int // mentions added so far, for fullName.last
	// The full names by index, by first and by last word: a scan of
	// them all per lookup made long documents quadratic. byField holds,
	// for organisations, "<" first written word, last written word ">"
	// and "=" initials.
	byFirst, byLast, byField map[string][]int
	orgs                     bool // organisation names: no titles to strip
	// alone counts the one-word names written, by lower-case word.
	alone map[string]int
	// pron counts, by lower-case word, the he (0) and she (1) pronouns
	// that follow a one-word name in its clause ("Clinton said she"): the
	// gender the article gives a bare surname, which picks between a
	// husband and a wife or a father and a daughter.
	pron map[string]*[2]int
	// orgWords are the lower-case words the tagger puts in an
	// organisation's name somewhere in the text: "Acme" alone is no
	// short form of an "Acme Polska" it took for a person.
	orgWords map[string]bool
	// canon caches the canonical form and words of each name written:
	// the same names are added and looked up again and again.
	canon map[string]parsedName
}

type fullName struct {
	name   string
	words  []string // lower-case words without initials
	count  int
	gender byte // of its first name, worked out once
	last   int  // when last mentioned: Names.seq then
	// aloneBefore is how often its first word had been written alone
	// when the full name first came: news names a person in full first,
	// so a word written alone again and again before ("Acme ... Acme
	// ... Acme Polska") is a name of its own, not this one's short form.
	aloneBefore int
}

// Add records a mention of a name; multi-word names become candidates for
// later short forms.
func (n *Names) Add(name string) {
	c, w := n.parse(name)
	if len(w) == 1 {
		if n.alone == nil {
			n.alone = map[string]int{}
		}
		n.alone[w[0]]++
		// A bare surname is a mention of the person it stands for: the
		// subject of a story is named in full once and by surname after.
		if i, ok := n.index[n.Lookup(name)]; ok {
			n.full[i].count++
		}
	}
	if len(w) < 2 {
		return
	}
	if n.index == nil {
		n.index = map[string]int{}
	}
	// A variant with a middle initial ("Donald J. Trump") is the same
	// person as a known name without it; keep the shorter spelling.
	// The same name with its diacritics ("Yıldırım" after "Yildirim") is
	// kept in their spelling.
	written := c
	if m := n.lookupFull(c, w); m != "" {
		c = m
	}
	n.seq++
	if i, ok := n.index[c]; ok {
		f := &n.full[i]
		f.count++
		f.last = n.seq
		// So is a variant with a middle name written out ("Jane Ann
		// Roe" after "Jane Roe"): the fullest name is the one reported.
		if written != c && (written != fold(written) && fold(written) == fold(c) || !n.orgs && len(w) > len(f.words)) {
			delete(n.index, c)
			f.name, f.words = written, w
			n.index[written] = i
		}
		return
	}
	i := len(n.full)
	n.full = append(n.full, fullName{name: c, words: w, count: 1, gender: genderOfName("", c), last: n.seq, aloneBefore: n.alone[w[0]]})
	n.index[c] = i
	if n.byFirst == nil {
		n.byFirst, n.byLast, n.byField = map[string][]int{}, map[string][]int{}, map[string][]int{}
	}
	n.byFirst[w[0]] = append(n.byFirst[w[0]], i)
	n.byLast[w[len(w)-1]] = append(n.byLast[w[len(w)-1]], i)
	if n.orgs {
		// fullOrg looks names up by their first and last written word
		// and by their initials.
		first, _, _ := strings.Cut(c, " ")
		last := c[strings.LastIndexByte(c, ' ')+1:]
		for _, k := range []string{"<" + first, last + ">", "=" + initials(c)} {
			n.byField[k] = append(n.byField[k], i)
		}
	}
}

// newest is the full names at indices idx from the most recently
// mentioned to the least.
func (n *Names) newest(idx []int) []int {
	if len(idx) < 2 {
		return idx // most lookups: no copy to make
	}
	out := slices.Clone(idx)
	slices.SortFunc(out, func(x, y int) int { return n.full[y].last - n.full[x].last })
	return out
}

// parse is the canonical form of a written name and its words (see
// nameWords); callers must not change the words.
func (n *Names) parse(name string) (string, []string) {
	if p, ok := n.canon[name]; ok {
		return p.name, p.words
	}
	c := Canonical(name)
	if n.orgs {
		c = orgCanonical(name)
	}
	w := nameWords(c)
	if n.canon == nil {
		n.canon = map[string]parsedName{}
	}
	n.canon[name] = parsedName{c, w}
	return c, w
}

type parsedName struct {
	name  string
	words []string
}

// orgCanonical normalises an organisation name: spaces collapsed, a leading
// article and a possessive dropped ("the Post's" → "Post").
func orgCanonical(name string) string {
	w := strings.Fields(name)
	if len(w) > 1 && key(w[0]) == "the" {
		w = w[1:]
	}
	if len(w) > 0 {
		w[len(w)-1] = stripPossessive(w[len(w)-1])
	}
	return strings.TrimSpace(strings.Join(w, " "))
}

func nameWords(c string) []string {
	var out []string
	for _, w := range strings.Fields(c) {
		if initial(w) {
			continue
		}
		// "O’Neill" and "O'Neill" are one name, and so are "Yıldırım"
		// and "Yildirim": articles drop diacritics in some mentions.
		out = append(out, fold(strings.ToLower(strings.ReplaceAll(w, "’", "'"))))
	}
	return out
}

// fold is w without diacritics ("ğ" → "g"): its letters decomposed and
// their combining marks dropped. It holds no state, so documents resolved
// at once may share it (a shared transform.Chain did not: it panicked when
// two goroutines folded names together).
func fold(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			var b strings.Builder
			for _, r := range norm.NFD.String(w) {
				if !unicode.Is(unicode.Mn, r) {
					b.WriteRune(r)
				}
			}
			return norm.NFC.String(b.String())
		}
	}
	return w
}

// lookupFull finds the most recent known name with the same first and
// last word, or, for a person, one that ends with all the words of this
// one: a compound surname written without the given name ("Mr. Guajardo
// Villarreal" after "Ildefonso Guajardo Villarreal", "Suu Kyi"). A name
// that starts with a first name ("Melania Trump") is whole already.
// Organisations get their longest name in fullOrg.
func (n *Names) lookupFull(c string, w []string) string {
	if _, ok := n.index[c]; ok {
		return c
	}
	for _, i := range n.newest(n.byFirst[w[0]]) {
		if f := n.full[i]; len(f.words) >= 2 && f.words[len(f.words)-1] == w[len(w)-1] {
			return f.name
		}
	}
	if n.orgs || firstName(w[0]) {
		return ""
	}
	for _, i := range n.newest(n.byLast[w[len(w)-1]]) {
		if endsWith(n.full[i].words, w) {
			return n.full[i].name
		}
	}
	return ""
}

// Lookup returns the canonical form of name: the salient full name it
// abbreviates (a surname, or a first name when no surname matches), or the
// name itself, canonicalised, when none does.
func (n *Names) Lookup(name string) string {
	c, w := n.parse(name)
	switch {
	case len(w) == 0:
		return c
	case len(w) >= 2:
		if m := n.lookupFull(c, w); m != "" {
			return m
		}
		return c
	}
	// "Mrs. Clinton" is not Bill Clinton: a gendered title rules out
	// full names whose first name says otherwise. Without a title, the
	// pronouns the article writes after the bare surname prefer one.
	g, hard := byte(0), false
	if !n.orgs {
		g = genderOfName(name, "")
		hard = g != 0
		if !hard {
			g = n.pronGender(w[0])
		}
	}
	fits := func(f fullName, g byte) bool {
		if g == 0 {
			return true
		}
		return f.gender == 0 || f.gender == g
	}
	genders := []byte{g}
	if g != 0 && !hard {
		genders = append(genders, 0)
	}
	// A surname before a first name; within each, the gender first.
	// A lone word stands for a full name it starts, unless the text
	// names an organisation with it (see orgWords).
	byFirst := n.byFirst[w[0]]
	known := firstName(w[0])
	if n.orgWords[w[0]] && !known {
		byFirst = nil
	}
	for k, idx := range [][]int{n.byLast[w[0]], byFirst} {
		for _, g := range genders {
			if m := n.salient(idx, func(f fullName) bool { return fits(f, g) && (k == 0 || known || f.aloneBefore < 2) }); m != "" {
				return m
			}
		}
	}
	return c
}

// endsWith tells whether the words of a full name end with w and have
// more words before them.
func endsWith(full, w []string) bool {
	if len(full) <= len(w) {
		return false
	}
	for i := range w {
		if full[len(full)-len(w)+i] != w[i] {
			return false
		}
	}
	return true
}

// pronGender is the gender the pronouns after a one-word name give it,
// or 0 when they do not lean one way (twice as many of one kind).
func (n *Names) pronGender(w string) byte {
	v := n.pron[w]
	switch {
	case v == nil:
		return 0
	case v[0] > 2*v[1]:
		return 'm'
	case v[1] > 2*v[0]:
		return 'f'
	}
	return 0
}

// salient picks among the matching full names the most recent one, unless
// another was mentioned at least twice as often, by its full name or its
// short ones: "Clinton" in a story about Hillary Clinton stays hers after
// one mention of Bill Clinton.
func (n *Names) salient(idx []int, match func(fullName) bool) string {
	best := -1
	for _, i := range n.newest(idx) {
		f := n.full[i]
		if !match(f) {
			continue
		}
		if best < 0 || f.count >= 2*n.full[best].count {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return n.full[best].name
}
