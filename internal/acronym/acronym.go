// Package acronym finds the initials an article defines: a name followed by
// its initials in parentheses ("the Northern Liberation Front (NLF)"). The
// tagger classes the initials as the name is classed, and the speaker rules
// report them under the name written out.
package acronym

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Def is a name written out at tokens [Start, End) and followed by its
// initials Acr (without periods) in parentheses.
type Def struct {
	Start, End int
	Acr        string
}

// maxWords bounds how far before the parentheses a name is looked for.
const maxWords = 16

// Defs finds, before each "(" ACR ")" among n words (word gives the i-th),
// the shortest run of words just before it in the same sentence (sentence
// gives a word's) whose initials spell ACR. Reading through functions
// lets a caller look only where parentheses are, without copying every
// word first.
func Defs(n int, word func(i int) string, sentence func(i int) int) []Def {
	var defs []Def
	for p := 1; p+2 < n; p++ {
		if word(p) != "(" || word(p+2) != ")" || !Is(word(p+1)) {
			continue
		}
		acr := strings.ReplaceAll(word(p+1), ".", "")
		for s := p - 1; s >= 0 && s >= p-maxWords && sentence(s) == sentence(p); s-- {
			if w := word(s); !upperFirst(w) {
				if !joining[strings.ToLower(w)] && w != "," {
					break
				}
				continue
			}
			if spells(acr, word, s, p) {
				defs = append(defs, Def{s, p, acr})
				break
			}
		}
	}
	return defs
}

// Is tells a word written as initials: no lower-case letter and at least
// two capitals ("NLF", "U.S.").
func Is(w string) bool {
	up := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			up++
		}
	}
	return up > 1
}

// joining words may stand inside a name an acronym stands for, lower case,
// with or without a letter of their own ("Notes from Ruritania (NFR)", "Bank
// of England (BoE)").
var joining = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`of and for the on from in at to de la du des & y`) {
		joining[w] = true
	}
}

// spells tells whether the initials of words [s, e) spell acr: each
// capitalised word gives its first letter (a word in capitals all its
// letters or its first), a joining word its first letter or none, a comma
// nothing.
func spells(acr string, word func(i int) string, s, e int) bool {
	if s == e {
		return acr == ""
	}
	w := word(s)
	if w == "," {
		return spells(acr, word, s+1, e)
	}
	r, n := utf8.DecodeRuneInString(acr)
	if n == 0 {
		return false
	}
	f, _ := utf8.DecodeRuneInString(w)
	if upperFirst(w) {
		if Is(w) {
			if caps := strings.ReplaceAll(w, ".", ""); strings.HasPrefix(acr, caps) && spells(acr[len(caps):], word, s+1, e) {
				return true
			}
		}
		return unicode.ToUpper(f) == unicode.ToUpper(r) && spells(acr[n:], word, s+1, e)
	}
	if !joining[strings.ToLower(w)] {
		return false
	}
	return spells(acr, word, s+1, e) || unicode.ToUpper(f) == unicode.ToUpper(r) && spells(acr[n:], word, s+1, e)
}

func upperFirst(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
