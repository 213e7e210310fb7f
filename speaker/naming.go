// Naming: the name an entity is reported under. A speaker is a name: the
// fullest one the article writes for the entity, without titles or role
// words; a description that found no named entity names no speaker.

package speaker

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/acronym"
)

// speakerOf is the speaker entity e is reported as, or nil when e is a
// description ("the 52-year-old singer", "critics") with no name.
func (a *doc) speakerOf(e int) *onrecord.Speaker {
	en := a.ents[e]
	if en.desc {
		return nil
	}
	name := en.name
	switch en.typ {
	case Person:
		// The whole article is known now: "Roe" said before "Referee
		// Jane Roe" is written out is still Jane Roe, and a name written
		// without its diacritics is written with them.
		name = a.people.Lookup(name)
	case Organization:
		name = a.fullOrg(name)
	case Other:
		// Initials the article expands are an organisation's.
		if full, ok := a.acronyms[strings.ReplaceAll(name, ".", "")]; ok {
			name, en = full, &entity{typ: Organization}
		}
	}
	// In a name ending in a capitalised organisation word, a person
	// noun is part of the name ("Premier League", "Queen's Park Rangers").
	org := en.typ == Organization && orgHeads[strings.ToLower(lastWord(name))] && isUpperFirst(lastWord(name))
	name = dropTitles(name, org)
	if name == "" {
		return nil
	}
	typ := en.typ
	if typ != Other && !isName(name, org) {
		typ = Other // "Trump campaign": an organisation known by a description
	}
	return &onrecord.Speaker{Name: name, Type: typ}
}

// dropTitles removes titles, role and person nouns and quantifiers before a
// name ("Referee Jane Roe", "Sen. Ted Cruz", "the IMF", "many Democrats");
// person nouns stay in the name of an organisation.
func dropTitles(name string, org bool) string {
	w := strings.Fields(name)
	for len(w) > 1 {
		k := key(w[0])
		if !titles[k] && !roleNouns[k] && (!personNouns[k] || org) && !quantifiers[k] && k != "the" {
			break
		}
		w = w[1:]
	}
	return strings.Join(w, " ")
}

// isName tells a proper name: capitalised words (joining words such as
// "of" inside), none a title, a role or a person noun, except inside an
// organisation's name ("Leeds General Infirmary").
func isName(name string, org bool) bool {
	w := strings.Fields(name)
	for i, x := range w {
		k := key(stripPossessive(x))
		if (titles[k] || roleNouns[k]) && !(org && i > 0) || personNouns[k] && !acronym.Is(x) && !org {
			return false
		}
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(x, `"'“‘(`))
		if unicode.IsUpper(r) || unicode.IsDigit(r) || i > 0 && i < len(w)-1 && joinWords[k] {
			continue
		}
		return false
	}
	return len(w) > 0
}

// quantifiers say how much of a group a phrase means: "some Democrats" and
// "fellow Republicans" name no other group than "Democrats", "Republicans".
var quantifiers = set(`many most some several few all both other fellow numerous`)

// joinWords stand inside names ("Bank of America", "Ludwig van Beethoven").
var joinWords = set(`of and for the on de van von der da du la le al bin y in & at`)

// fullOrg is the fullest name the article writes for an organisation: the
// name an acronym stands for ("IMF" → "International Monetary Fund"), a
// longer name ending with this one ("Policy Center" → "Tax Policy Center"),
// or this one with a company word after it ("Acme" → "Acme Corp").
func (a *doc) fullOrg(name string) string {
	acr := strings.ReplaceAll(name, ".", "")
	if full, ok := a.acronyms[acr]; ok {
		return full
	}
	// A name with the initials of one the article defined ("U.S. Geodetic
	// Office" after "United States Geodetic Office (USGO)").
	if full, ok := a.acronyms[initials(name)]; ok && strings.Contains(name, " ") {
		return full
	}
	// A country's initials, where the article also writes its name.
	if full, ok := countryInitials[acr]; ok && strings.Contains(a.d.Text, full) {
		return full
	}
	n := &a.orgs
	if acronym.Is(acr) && len(acr) > 1 {
		if idx := n.byField["="+acr]; len(idx) > 0 {
			return n.full[slices.MinFunc(idx, func(x, y int) int { return n.full[x].last - n.full[y].last })].name
		}
	}
	// The candidates in order of last mention, as the longest one wins and
	// the earlier of two as long.
	f := strings.Fields(name)
	if len(f) == 0 {
		return name
	}
	idx := n.newest(append(slices.Clone(n.byField[f[len(f)-1]+">"]), n.byField["<"+f[0]]...))
	slices.Reverse(idx)
	best := name
	for _, i := range idx {
		full := n.full[i].name
		switch {
		case len(full) > len(best) && strings.HasSuffix(full, " "+name):
			best = full
		case len(full) > len(best) && strings.HasPrefix(full, name+" ") && (orgHeads[strings.ToLower(lastWord(full))] || strings.HasPrefix(full, name+" & ")):
			best = full // "Acme" → "Acme Corp", "Roe" → "Roe & Doe"
		}
	}
	return best
}

// countryInitials are the countries news names by initials without
// defining them.
var countryInitials = map[string]string{"UK": "United Kingdom", "US": "United States", "USA": "United States",
	"UAE": "United Arab Emirates", "DRC": "Democratic Republic of the Congo"}

// initials of a name's capitalised words: "International Monetary Fund" → "IMF",
// an acronym giving all its letters ("U.S. Navy" → "USN").
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			if strings.Contains(w, ".") && acronym.Is(w) {
				b.WriteString(strings.ReplaceAll(w, ".", ""))
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}
