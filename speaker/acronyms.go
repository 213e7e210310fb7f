// Acronyms: a name followed by its initials in parentheses ("the Northern
// Liberation Front (NLF)") defines them; later uses of the initials and
// the source that writes both are reported under the name written out.

package speaker

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// acronymWords may stand inside a name an acronym stands for, lower case,
// with or without a letter of their own ("Notes from Ruritania (NFR)", "Bank
// of England (BoE)").
var acronymWords = set(`of and for the on from in at to de la du des & y`)

// findAcronyms records the names the article expands acronyms to (see
// acronymDefs). The name is also an organisation name of the article, so
// that shorter forms of it find it.
func (a *doc) findAcronyms() {
	for _, d := range a.acronymDefs() {
		if d.title {
			continue
		}
		if a.acronyms == nil {
			a.acronyms = map[string]string{}
		}
		full := orgCanonical(a.span(d.start, d.end))
		a.acronyms[d.acr] = full
		a.orgs.Add(full)
	}
}

// acronymDef is a name written out at tokens [start, end) and followed by
// its initials acr in parentheses; title says that the name is an office
// ("Member of Parliament (MP)"), which names no one.
type acronymDef struct {
	start, end int
	acr        string
	title      bool
}

// acronymDefs finds, before each "(" ACR ")", the shortest run of words
// just before it in the same sentence whose initials spell ACR.
func (a *doc) acronymDefs() []acronymDef {
	var defs []acronymDef
	for p := 1; p+2 < len(a.words); p++ {
		if a.words[p] != "(" || a.words[p+2] != ")" || !isAcronym(a.words[p+1]) {
			continue
		}
		acr := strings.ReplaceAll(a.words[p+1], ".", "")
		for s := p - 1; s >= 0 && s >= p-16 && a.sent[s] == a.sent[p]; s-- {
			if !isUpperFirst(a.words[s]) {
				if !acronymWords[a.lower[s]] && a.words[s] != "," {
					break
				}
				continue
			}
			if spells(acr, a.words[s:p]) {
				k := a.keyAt(s)
				defs = append(defs, acronymDef{s, p, acr, titles[k] || roleNouns[k] || personNouns[k]})
				break
			}
		}
	}
	return defs
}

// spells tells whether the initials of words spell acr: each capitalised
// word gives its first letter (a word in capitals all its letters or its
// first), a joining word its first letter or none, a comma nothing.
func spells(acr string, words []string) bool {
	if len(words) == 0 {
		return acr == ""
	}
	w := words[0]
	rest := words[1:]
	if w == "," {
		return spells(acr, rest)
	}
	r, n := utf8.DecodeRuneInString(acr)
	if n == 0 {
		return false
	}
	f, _ := utf8.DecodeRuneInString(w)
	if isUpperFirst(w) {
		if isAcronym(w) {
			if caps := strings.ReplaceAll(w, ".", ""); strings.HasPrefix(acr, caps) && spells(acr[len(caps):], rest) {
				return true
			}
		}
		return unicode.ToUpper(f) == unicode.ToUpper(r) && spells(acr[n:], rest)
	}
	if !acronymWords[strings.ToLower(w)] {
		return false
	}
	return spells(acr, rest) || unicode.ToUpper(f) == unicode.ToUpper(r) && spells(acr[n:], rest)
}
