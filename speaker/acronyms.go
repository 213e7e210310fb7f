// Acronyms: a name followed by its initials in parentheses ("the Northern
// Liberation Front (NLF)") defines them; later uses of the initials and
// the source that writes both are reported under the name written out.

package speaker

import "github.com/onrecord/onrecord/internal/acronym"

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

// acronymDefs finds the acronyms the article defines (acronym.Defs) and
// tells which of them are an office's.
func (a *doc) acronymDefs() []acronymDef {
	var defs []acronymDef
	word := func(i int) string { return a.words[i] }
	sentence := func(i int) int { return a.sent[i] }
	for _, d := range acronym.Defs(len(a.words), word, sentence) {
		k := a.keyAt(d.Start)
		defs = append(defs, acronymDef{d.Start, d.End, d.Acr, titles[k] || roleNouns[k] || personNouns[k]})
	}
	return defs
}
