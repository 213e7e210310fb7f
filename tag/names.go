package tag

// Passes over the names the models wrote: reading them across the document
// (initials, commonOpeners, stormNames, persons) and by the word that ends
// them (placesAsOrgs, laws) or follows them (honours).

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/conllu"
	"github.com/onrecord/onrecord/internal/acronym"
)

const person = "PERSON"

// initials classes the initials an article defines ("the World
// Meteorological Organisation (WMO)") as the name they stand for, there and
// wherever the article writes them again, however the tagger read them
// alone (no name, a person). A name the tagger classed, whole, as a person
// or a place is one; any other is an organisation ("Notes from Ruritania
// (NFR)", read as a plural noun and a place). A name the tagger saw no
// person, organisation or place in is an organisation only if its last
// word ends organisations (orgWords: "Foundation", "Council"); otherwise it
// is left alone, as a system, a law or a title ("Long Range Tracking
// (LRT)", "Grand Master (GM)"), and so is one that opens with a singular
// noun the tagger left out of any name ("Member of Parliament (MP)"), an
// office.
func (t *Tagger) initials(d *onrecord.Document) {
	toks := d.Tokens
	sentence := func(i int) int { // a token outside every sentence counts as the first's
		k := sort.Search(len(d.Sents), func(k int) bool { return int(d.Sents[k].End) > i })
		if k < len(d.Sents) && int(d.Sents[k].Start) <= i {
			return k
		}
		return 0
	}
	defs := acronym.Defs(len(toks), func(i int) string { return word(d, i) }, sentence)
	if len(defs) == 0 {
		return
	}
	class := map[string]string{}
	for _, def := range defs {
		if first := &toks[def.Start]; first.NER == "O" && first.Tag == "NN" {
			continue
		}
		if !anyName(toks[def.Start:def.End]) && !t.gaz.has(word(d, def.End-1), gazOrg) {
			continue
		}
		c := toks[def.Start].NER
		for i := def.Start; i < def.End; i++ {
			if toks[i].NER != c || c != person && c != "LOCATION" {
				c = "ORGANIZATION"
			}
		}
		setClass(toks[def.Start:def.End], c)
		class[def.Acr] = c
	}
	if len(class) == 0 {
		return
	}
	for i := range toks {
		if w := word(d, i); acronym.Is(w) {
			if c, ok := class[strings.ReplaceAll(w, ".", "")]; ok {
				toks[i].NER = c
			}
		}
	}
}

// anyName tells whether the tagger read any of toks as a person, an
// organisation or a place.
func anyName(toks []onrecord.Token) bool {
	for i := range toks {
		if conllu.IsName(toks[i].NER) {
			return true
		}
	}
	return false
}

// persons reads a name the way the rest of its document does: news names a
// person in full once ("Mary Chaworth") and then by surname alone, where the
// tagger, seeing one capitalised word, may read a place ("Miss Chaworth",
// "Edleston's"). A lone proper noun, or a place of one word after titles
// only, that ends a person's name elsewhere in the document (a first name
// and more words) becomes that person. Organisations are kept: companies are named
// after their founders ("Dell" beside "Michael Dell"). Honorifics are left
// out of every person's name, as the gold corpora write them (CoreNLP, which
// the silver news comes from, keeps "Ms." in but "Mr." out).
func (t *Tagger) persons(d *onrecord.Document) {
	toks := d.Tokens
	// A surname is the last word of a person's name of two or more words
	// that opens, after any honorific, with a known first name ("Mary
	// Chaworth") or with a word the document never reads alone as a place:
	// where the tagger read "Melbourne Australia" as a person's name, the
	// article's other "Melbourne" tell the places, and "Australia" stays
	// one.
	places := map[string]bool{}
	eachRun(toks, func(i, j int) {
		if toks[i].NER == "LOCATION" && j == i+1 {
			places[word(d, i)] = true
		}
	})
	surnames := map[string]bool{}
	// A role word is the name's only when the name goes on in its sentence
	// (an e-mail signed "DP" over a line with the full name is two names).
	opens := make([]bool, len(toks)+1)
	for _, s := range d.Sents {
		if s.Start >= 0 && int(s.Start) < len(opens) {
			opens[s.Start] = true
		}
	}
	eachRun(toks, func(i, j int) {
		if toks[i].NER != person {
			return
		}
		for i < j && isTitle(word(d, i)) {
			i++
		}
		if j-i < 2 || !properTag(toks[j-1].Tag) {
			return
		}
		first, w := word(d, i), word(d, j-1)
		if capitalised(w) && (t.gaz.has(first, gazFirst) || !places[first]) {
			surnames[w] = true
		}
	})
	eachRun(toks, func(i, j int) {
		last := j - 1
		switch {
		case fitsSurname(d, i, j, surnames):
			setClass(toks[i:last], "O")
			toks[last].NER = person
		case toks[i].NER == person:
			for k := i; k < last && (isTitle(word(d, k)) || t.isRole(word(d, k)) && !opens[k+1] && !initial(word(d, k+1))); k++ {
				toks[k].NER = "O"
			}
		}
	})
}

// setClass gives every token of toks the name class c ("O" for none).
func setClass(toks []onrecord.Token, c string) {
	for i := range toks {
		toks[i].NER = c
	}
}

// eachRun calls f on every run [i, j) of tokens of one name class, and on
// every token outside a name alone.
func eachRun(toks []onrecord.Token, f func(i, j int)) {
	for i := 0; i < len(toks); {
		j := i + 1
		for j < len(toks) && toks[j].NER == toks[i].NER && toks[i].NER != "O" {
			j++
		}
		f(i, j)
		i = j
	}
}

// fitsSurname tells whether the run [i, j) of one class is a known surname
// read as something else: a place of titles and a surname, or a proper noun
// outside any name and beside no other proper noun.
func fitsSurname(d *onrecord.Document, i, j int, surnames map[string]bool) bool {
	toks := d.Tokens
	last := j - 1
	if !properTag(toks[last].Tag) || !surnames[word(d, last)] {
		return false
	}
	switch toks[i].NER {
	case "LOCATION":
		for k := i; k < last; k++ {
			if !isTitle(word(d, k)) {
				return false
			}
		}
		return true
	case "O":
		return (i == 0 || !properTag(toks[i-1].Tag)) && (j == len(toks) || !properTag(toks[j].Tag))
	}
	return false
}

// isRole tells whether w is a noun for a person (WordNet) that is no known
// first name or surname and that text does not nearly always capitalise:
// "Emperor" or "Reverend" before a name is the person's role, not part of
// the name; "Knight" and "Webb" may be surnames, and WordNet's "Saddam",
// always capitalised, is a name.
func (t *Tagger) isRole(w string) bool {
	b := t.gaz.bits(w)
	return b&gazRole != 0 && b&(gazFirst|gazSurname) == 0 && t.writtenLower(w)
}

// writtenLower tells whether the clustering text writes w in lower case at
// least a tenth of the time.
func (t *Tagger) writtenLower(w string) bool {
	h := t.gaz.info(w).habit
	return h == habitLower || h == habitMixed
}

// initial tells a middle initial ("A." or "A"), which follows a first
// name, not a role: "Jock A. Finlayson".
func initial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && (n == len(w) || w[n:] == ".")
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && utf8.RuneCountInString(w) > 1
}

// titles are the honorifics the gold corpora leave outside a name.
var titles = map[string]bool{
	"Mr.": true, "Mrs.": true, "Ms.": true, "Miss": true, "Dr.": true, "Mx.": true, "Mx": true,
	"Sir": true, "Dame": true,
}

func isTitle(w string) bool {
	if v, ok := britishTitles[w]; ok {
		w = v
	}
	return titles[w]
}

// orgEnd are the words of the gazetteer's orgWords that end organisations'
// names and no place's ("Union", "Court", "Bank", "Office" and the
// buildings end places too: "West Bank", "Oval Office").
var orgEnd = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`ltd limited plc inc incorporated corp corporation llc llp gmbh
		university college academy school polytechnic institute
		council committee commission ministry agency bureau
		party federation association society league fc afc`) {
		orgEnd[w] = true
	}
}

// placesAsOrgs reads a place of two or more words whose last word ends
// organisations as that organisation: after "went to" or "studied at" the
// tagger reads "Trinity College" as a place, and both gold corpora and
// CoreNLP's news class it an organisation.
func placesAsOrgs(d *onrecord.Document) {
	toks := d.Tokens
	eachRun(toks, func(i, j int) {
		if toks[i].NER == "LOCATION" && j-i >= 2 && orgEnd[strings.ToLower(word(d, j-1))] {
			setClass(toks[i:j], "ORGANIZATION")
		}
	})
}

// commonOpeners takes out of names a name of one word that opens its
// sentence, where a capital tells nothing, when the document writes the
// word elsewhere in lower case as a common noun and it is no known first
// name or surname ("Iodine deficiency can ..." in an article on iodine).
// Web text that writes a company's name in lower case reads it there as a
// proper noun or a verb ("google it"), so the name stays.
func (t *Tagger) commonOpeners(d *onrecord.Document) {
	toks := d.Tokens
	var lower map[string]bool
	for _, s := range d.Sents {
		i := int(s.Start)
		if i < 0 || i >= len(toks) || !conllu.IsName(toks[i].NER) || i+1 < len(toks) && toks[i+1].NER == toks[i].NER {
			continue
		}
		w := word(d, i)
		if !capitalised(w) || w == strings.ToUpper(w) || t.gaz.bits(w)&(gazFirst|gazSurname) != 0 {
			continue
		}
		if lower == nil {
			lower = map[string]bool{}
			for k := range toks {
				if v := word(d, k); !capitalised(v) && (toks[k].Tag == "NN" || toks[k].Tag == "NNS") {
					lower[v] = true
				}
			}
		}
		if lower[strings.ToLower(w)] {
			toks[i].NER = "O"
		}
	}
}

// storms are the words a storm's name follows ("Hurricane Katrina",
// "Storm Ciara"): storms are no person, organisation or place in the gold
// corpora, though their names are persons' first names. A word text also
// writes in lower case after them is no storm's name ("Hurricane Center").
var storms = map[string]bool{"Hurricane": true, "Cyclone": true, "Typhoon": true, "Storm": true}

// stormNames takes storms' names out of names, there and wherever the
// document writes them again ("Phailin" alone after "Cyclone Phailin").
func (t *Tagger) stormNames(d *onrecord.Document) {
	toks := d.Tokens
	var named map[string]bool
	for i := 0; i+1 < len(toks); i++ {
		if w := word(d, i+1); storms[word(d, i)] && capitalised(w) && !t.writtenLower(w) {
			if named == nil {
				named = map[string]bool{}
			}
			named[w] = true
		}
	}
	if named == nil {
		return
	}
	eachRun(toks, func(i, j int) {
		if !conllu.IsName(toks[i].NER) {
			return
		}
		found := false
		for k := i; k < j; k++ {
			w := word(d, k)
			if !named[w] && !storms[w] {
				return
			}
			found = found || named[w]
		}
		if found {
			setClass(toks[i:j], "O")
		}
	})
}

// lawEnd are the last words of laws' and treaties' names ("the Securities
// Act", "the Kyoto Protocol", "the Constitution"), which the gold corpora
// class as no person, organisation or place.
var lawEnd = map[string]bool{"Act": true, "Treaty": true, "Constitution": true, "Amendment": true, "Accord": true, "Accords": true, "Protocol": true}

// laws takes laws' and treaties' names out of names.
func laws(d *onrecord.Document) {
	toks := d.Tokens
	eachRun(toks, func(i, j int) {
		if conllu.IsName(toks[i].NER) && lawEnd[word(d, j-1)] {
			setClass(toks[i:j], "O")
		}
	})
}

// postNominals are the letters written after a person's name for a rank,
// an office or an honour ("Jane Roe, QC", "John Doe MP").
var postNominals = map[string]bool{
	"QC": true, "KC": true, "SC": true, "MP": true, "MSP": true, "MEP": true, "MLA": true,
	"OBE": true, "MBE": true, "CBE": true, "KBE": true, "DBE": true, "FRS": true,
}

// honours takes post-nominal letters after a person's name out of names: a
// rank or an honour is no organisation, nor part of the name.
func honours(d *onrecord.Document) {
	toks := d.Tokens
	for i := 1; i < len(toks); i++ {
		if toks[i].NER == "O" || !postNominals[word(d, i)] {
			continue
		}
		p := i - 1
		if word(d, p) == "," && p > 0 {
			p--
		}
		if toks[p].NER == person {
			toks[i].NER = "O"
		}
	}
}
