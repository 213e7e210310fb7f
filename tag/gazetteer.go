package tag

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A gazetteer tells the name tagger which words are known first names,
// surnames or words that end organisation names, so that a name no
// training sentence holds still starts a person and "... Council" still
// ends an organisation. The name lists come from training data
// (../shared/data/names) and are kept in the model file as sets of 32-bit
// hashes of the lower-case word, as are the common words (commonWords);
// the organisation words are this list.
type gazetteer struct {
	sets map[uint32]uint64 // hash key → gaz bits
	// apart shifts the bits a token reads clear of its capitalisation
	// flags (tag-4 files): gazCap's shift put the first-name bit on
	// flagLower, so tag-2 and tag-3 models, which keep that, never told a
	// capitalised first name from any capitalised word.
	apart bool
	// clusters maps the key of a lower-case word to its word cluster and
	// case habit (clusterWords; tag-5 files).
	clusters map[uint32]uint16
	// spans is the name lexicon (markNames; tag-6 files), nil for none.
	spans spanSet
}

// Gazetteer bits of a word.
const (
	gazFirst uint64 = 1 << iota
	gazSurname
	gazOrg
	gazCommon
	gazRole   // a noun for a person (WordNet): "interviewee", "bookmaker"
	gazOrgEnd // learnt from the training names (lexiconCounts; tag-6 files)
)

// savedBits are the gazetteer sets the model file holds.
var savedBits = []uint64{gazFirst, gazSurname, gazCommon, gazRole, gazOrgEnd}

// orgWords are generic words that end organisation names in English, from
// business, sport, government, culture and civil society.
var orgWords = strings.Fields(`
	ltd limited plc inc incorporated corp corporation co company companies llc llp gmbh ag sa
	group holdings partners associates industries enterprises ventures capital bank bancorp
	fund trust foundation institute institution university college academy school polytechnic
	council committee commission board authority agency bureau department ministry office
	service services administration assembly parliament congress senate
	party union federation confederation association society league alliance coalition club
	fc afc united athletic rovers wanderers
	studios records entertainment media pictures films productions publishing press broadcasting
	network networks airlines airways motors systems technologies technology labs laboratories
	pharmaceuticals electronics communications telecom energy oil petroleum mining insurance
	brigade police army navy corps force forces guard regiment
	hospital clinic museum gallery orchestra theatre theater church mosque synagogue
	court tribunal organisation organization
`)

// keyOf is the gazetteer key of a token: the high half of its lower-case
// hash, so that a lookup needs no new hashing.
func keyOf(l uint64) uint32 { return uint32(l >> 32) }

// newGazetteer builds the sets from the first names, surnames, common
// words and role nouns, plus the organisation words. Names are matched
// lower-case; entries that are not one word of letters (with ' or -) are
// skipped. With role nouns it is a tag-4 gazetteer (apart).
func newGazetteer(first, surnames, common, roles []string) *gazetteer {
	g := &gazetteer{sets: map[uint32]uint64{}, apart: len(roles) > 0}
	g.add(first, gazFirst)
	g.add(surnames, gazSurname)
	g.add(orgWords, gazOrg)
	g.add(common, gazCommon)
	g.add(roles, gazRole)
	return g
}

// add sets bit on words (see newGazetteer).
func (g *gazetteer) add(words []string, bit uint64) {
	for _, w := range words {
		w = strings.TrimSpace(w)
		if w == "" || strings.ContainsFunc(w, func(r rune) bool {
			return !unicode.IsLetter(r) && r != '\'' && r != '-'
		}) {
			continue
		}
		g.sets[keyOf(wordInfo(w).l)] |= bit
	}
}

// commonWords lists the words that the training text writes in lower case
// more often than capitalised inside a sentence: a capitalised "Kudos",
// "Model" or "Jump" in web text is then less likely a name; a word that is
// both ("Will", "Price") has both bits, and the weights learn the pair.
func commonWords(sents [][]string) []string {
	lower, capital := map[string]int{}, map[string]int{}
	for _, ws := range sents {
		for i, w := range ws {
			r, _ := utf8.DecodeRuneInString(w)
			switch {
			case unicode.IsLower(r) && strings.ToLower(w) == w:
				lower[w]++
			case unicode.IsUpper(r) && i > 0:
				capital[strings.ToLower(w)]++
			}
		}
	}
	var out []string
	for w, n := range lower {
		if n >= minCommon && n > capital[w] {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}

// minCommon is how often a word must be written in lower case to count as
// a common word: rarer ones say little.
const minCommon = 3

// flags gives the gazetteer bits of a token with lower-case hash l.
func (g *gazetteer) flags(l uint64) uint64 {
	if g == nil {
		return 0
	}
	if g.apart {
		return g.sets[keyOf(l)] << 1
	}
	return g.sets[keyOf(l)]
}

// bits returns the lists word w, in any case, is in (gazFirst, gazOrg,
// ...), whatever the shift of the model's flags.
func (g *gazetteer) bits(w string) uint64 {
	if g == nil {
		return 0
	}
	return g.sets[keyOf(wordInfo(w).l)]
}

// has tells whether word w, in any case, is in the list of bit.
func (g *gazetteer) has(w string, bit uint64) bool { return g.bits(w)&bit != 0 }

// commonWord says whether the word of hash l is a common word that is no
// listed first name or surname.
func (g *gazetteer) commonWord(l uint64) bool {
	if g == nil {
		return false
	}
	b := g.sets[keyOf(l)]
	return b&gazCommon != 0 && b&(gazFirst|gazSurname) == 0
}

// info is wordInfo with the gazetteer bits.
func (g *gazetteer) info(w string) tokInfo {
	t := wordInfo(w)
	t.gaz = g.flags(t.l)
	if g != nil {
		v := g.clusters[keyOf(t.l)]
		t.clu, t.habit = uint64(v&0xff), uint64(v>>8)
	}
	return t
}

// keys lists the keys holding the bit, in order (for Save).
func (g *gazetteer) keys(bit uint64) []uint32 {
	var out []uint32
	for k, b := range g.sets {
		if b&bit != 0 {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}
