// Package speaker resolves the source of each attribution to a named
// speaker: names are canonicalised within the document ("Trump" → "Donald
// Trump"), pronouns and descriptions ("he", "the former", "the senator") are
// linked to an earlier entity, and other noun phrases are kept as written.
//
// It works from the token layers only (POS, lemma, NER, dependencies): no
// coreference model is needed, and everything is rules and small tables.
package speaker

import (
	"sort"
	"strings"

	"github.com/onrecord/onrecord"
)

// Entity types of a Speaker.
const (
	Person       = "person"
	Organization = "organization"
	Other        = "other"
)

// Resolve sets Speaker on every attribution of d that has a Source, and
// clears it on those without one. Sources are resolved in text order so that
// earlier speakers can serve as antecedents of later pronouns; first-person
// sources inside a quotation wait for the speaker of that quotation.
func Resolve(d *onrecord.Document) {
	if d == nil || len(d.Quotes) == 0 {
		return
	}
	a := analyse(d)
	order := make([]int, 0, len(d.Quotes))
	for i := range d.Quotes {
		d.Quotes[i].Speaker = nil
		if len(d.Quotes[i].Source) > 0 {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(x, y int) bool {
		return d.Quotes[order[x]].Source[0].Start < d.Quotes[order[y]].Source[0].Start
	})
	var deferred []int
	for _, qi := range order {
		if a.firstPerson(qi) {
			deferred = append(deferred, qi)
			continue
		}
		a.resolve(qi)
	}
	for _, qi := range deferred {
		a.resolve(qi)
	}
}

// entity is one referent of the document: a named person or organisation,
// or a noun phrase kept as written.
type entity struct {
	name   string
	typ    string
	gender byte // 'm', 'f' or 0
	votes  [2]int
	plural bool
	human  bool // a description of a person ("the Florida senator"), typed Other
	count  int
	key    string
}

// mention is a span of tokens referring to an entity.
type mention struct {
	start, end int // token indices, end exclusive
	head       int
	ent        int
	subj       bool
	inner      bool // subject of a complement clause ("X said Y did it")
	spoken     bool // the source of an attribution already resolved
}

type doc struct {
	d       *onrecord.Document
	words   []string
	lower   []string
	sent    []int
	para    []int
	quoted  []bool
	kids    [][]int
	ents    []*entity
	byKey   map[string]int
	ments   []mention
	mentAt  []int     // token → index in ments, -1 when none
	spoken  []mention // sources resolved so far, as antecedents
	people  Names
	orgs    Names
	descr   map[string][]description // by noun ("senator"), in text order
	speaker map[int]int              // attribution index → entity, once resolved
}

func analyse(d *onrecord.Document) *doc {
	n := len(d.Tokens)
	a := &doc{
		d: d, words: make([]string, n), lower: make([]string, n),
		sent: make([]int, n), para: make([]int, n), quoted: make([]bool, n),
		kids: make([][]int, n), mentAt: make([]int, n),
		byKey: map[string]int{}, descr: map[string][]description{}, speaker: map[int]int{},
		orgs: Names{orgs: true},
	}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.BStart >= 0 && t.BStart <= t.BEnd && int(t.BEnd) <= len(d.Text) {
			a.words[i] = d.Text[t.BStart:t.BEnd]
		}
		a.lower[i] = strings.ToLower(a.words[i])
		a.mentAt[i] = -1
		if h := int(t.Head); h >= 0 && h < n && h != i {
			a.kids[h] = append(a.kids[h], i)
		}
	}
	for si, s := range d.Sents {
		for i := max(int(s.Start), 0); i < int(s.End) && i < n; i++ {
			a.sent[i] = si
		}
	}
	a.markParagraphsAndQuotes()
	a.findNames()
	a.findNominals()
	a.voteGender()
	return a
}

// resolve finds the speaker of attribution qi.
func (a *doc) resolve(qi int) {
	q := &a.d.Quotes[qi]
	toks := a.sourceTokens(qi)
	if len(toks) == 0 {
		// No analysis under the source: keep the text as written.
		if s := strings.Join(strings.Fields(joinSlices(a.d, q.Source)), " "); hasLetter(s) {
			q.Speaker = &onrecord.Speaker{Name: s, Type: Other}
		}
		return
	}
	e := a.resolveTokens(qi, toks)
	if e < 0 {
		return
	}
	a.speaker[qi] = e
	en := a.ents[e]
	q.Speaker = &onrecord.Speaker{Name: en.name, Type: en.typ}
	// Later pronouns may point back to this speaker.
	h := a.headOf(toks[0], toks[len(toks)-1]+1)
	if h >= 0 {
		a.spoken = append(a.spoken, mention{start: h, end: h + 1, head: h, ent: e, subj: true, spoken: true})
	}
}

func joinSlices(d *onrecord.Document, ss []onrecord.Span) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, d.Slice(s))
	}
	return strings.Join(parts, " ")
}
