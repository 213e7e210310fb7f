// Package speaker resolves the source of each attribution to a named
// speaker: names are canonicalised within the document ("Trump" → "Donald
// Trump"), pronouns and descriptions ("he", "the former", "the senator") are
// linked to an earlier entity, and other noun phrases are kept as written.
//
// It works from the token layers only (POS, lemma, NER, dependencies): no
// coreference model is needed, and everything is rules and small tables.
// One file a step: mentions.go finds the names and noun phrases of the
// text, names.go completes and canonicalises names, entities.go keeps
// what is known of each referent and resolves pronouns, sources.go turns a
// source into its entity, with descriptions.go, works.go and writers.go
// for descriptions, works and the first person, and naming.go says the
// name a speaker is reported under.
package speaker

import (
	"context"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/onrecord/onrecord"
)

// Entity types of a Speaker.
const (
	Person       = "person"
	Organization = "organization"
	Other        = "other"
)

// Resolve sets Speaker on every attribution of d it can name. Sources are
// resolved in text order so that earlier speakers can serve as antecedents
// of later pronouns; first-person sources inside a quotation wait for the
// speaker of that quotation. An attribution the extractor found no source
// for is given the subject of its cue ("..., adding that ..." after "Roe
// said"), else, when it is a quotation, the speaker of the quotation just
// before it in the same or the previous paragraph: the source is not
// written there, but the reader knows who goes on speaking.
func Resolve(d *onrecord.Document) {
	ResolveContext(context.Background(), d) // never cancelled: no error
}

// quoteChunk is how many sources ResolveContext resolves between two looks
// at its context.
const quoteChunk = 64

// ResolveContext is Resolve that looks at ctx first, between the steps of
// the document's analysis and then every quoteChunk sources, and once ctx
// ends returns its error, the attributions not reached left without a
// speaker.
func ResolveContext(ctx context.Context, d *onrecord.Document) error {
	if err := ctx.Err(); err != nil || d == nil || len(d.Quotes) == 0 {
		return err
	}
	a, err := analyse(ctx, d)
	if err != nil {
		return err
	}
	defer a.release()
	type job struct{ qi, at int }
	var order []job
	for i := range d.Quotes {
		d.Quotes[i].Speaker = nil
		toks := a.sourceTokens(i)
		if ag := a.cueAgent(i); ag != nil && (len(toks) == 0 || !slices.Contains(toks, ag[len(ag)-1])) {
			toks = ag // "The phone was described by Roe as ...": Roe speaks
		}
		if len(toks) == 0 {
			toks = a.cueSubject(i)
		}
		if sp := a.speakingTo(toks); sp != nil {
			toks = sp // "Roe, speaking to the Herald, said": the Herald is spoken to
		} else if sp := a.insideSubject(i, toks); sp != nil {
			toks = sp // "Roe, who was fined by the league, denied it": Roe denied
		}
		a.srcToks[i] = toks
		if len(toks) > 0 {
			order = append(order, job{i, toks[0]})
		}
	}
	sort.SliceStable(order, func(x, y int) bool { return order[x].at < order[y].at })
	var deferred []int
	for k, j := range order {
		if k > 0 && k%quoteChunk == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if a.firstPerson(j.qi) {
			deferred = append(deferred, j.qi)
			continue
		}
		if a.hedged(j.qi) {
			continue
		}
		a.resolve(j.qi)
	}
	for _, qi := range deferred {
		a.resolve(qi)
	}
	for i := range d.Quotes {
		if len(a.srcToks[i]) == 0 && d.Quotes[i].Kind != onrecord.Indirect {
			a.goOn(i)
		}
	}
	return nil
}

// scratch holds the per-token arrays of a document's analysis, reused from
// one document to the next: allocated anew, they were most of what
// resolving a corpus left to the garbage collector.
type scratch struct {
	words, lower       []string
	sent, para, mentAt []int
	first, flat, at    []int
	quoted             []bool
	titled             []byte
	kids               [][]int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// resize is s with length n, cleared, reallocated only when too small.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// release returns the arrays of a to the pool; a is not used after.
func (a *doc) release() {
	sc := a.scratch
	sc.words, sc.lower, sc.sent, sc.para, sc.mentAt = a.words, a.lower, a.sent, a.para, a.mentAt
	sc.quoted, sc.titled, sc.kids = a.quoted, a.titled, a.kids
	// No text stays reachable from the pool.
	clear(sc.words)
	clear(sc.lower)
	scratchPool.Put(sc)
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
	desc   bool // a common-noun phrase, no name: it names no speaker
	count  int
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
	d      *onrecord.Document
	words  []string
	lower  []string
	sent   []int
	para   []int
	quoted []bool
	kids   [][]int
	ents   []*entity
	byKey  map[entityKey]int
	ments  []mention
	mentAt []int     // token → index in ments, -1 when none
	titled []byte    // sentence → title case: 0 not yet known, 1 yes, 2 no
	spoken []mention // sources resolved so far, as antecedents
	// spokenAt are the indices of spoken in order of position.
	spokenAt []int
	people   Names
	orgs     Names
	descr    map[string][]description // by noun ("senator"), in text order
	speaker  map[int]int              // attribution index → entity, once resolved
	srcToks  [][]int                  // attribution index → its source's tokens
	// lowerSeen holds the words the article writes in lower case, by
	// their lower-case form, and midCaps the capitalised words it writes
	// inside a sentence; both are made on first use.
	lowerSeen, midCaps map[string]bool
	contStart          []int             // attribution → its content's first token, once known (see contentStart)
	signs              []signature       // the writers' signatures, once asked for
	acronyms           map[string]string // acronym → the name it stands for, where the article says
	persons            map[string]int    // word → times classed a person, made on first use
	scratch            *scratch          // where the per-token arrays go back to
	ctx                context.Context   // the caller's, looked at inside findNames too
}

// analyse reads the names, mentions and layout of d, looking at ctx
// between its steps (on 2 MB the analysis is the longest stretch of the
// stage).
func analyse(ctx context.Context, d *onrecord.Document) (*doc, error) {
	n := len(d.Tokens)
	sc := scratchPool.Get().(*scratch)
	a := &doc{
		d: d, words: resize(sc.words, n), lower: resize(sc.lower, n),
		sent: resize(sc.sent, n), para: resize(sc.para, n), quoted: resize(sc.quoted, n),
		mentAt: resize(sc.mentAt, n), titled: resize(sc.titled, len(d.Sents)),
		byKey: map[entityKey]int{}, descr: map[string][]description{}, speaker: map[int]int{},
		orgs: Names{orgs: true}, srcToks: make([][]int, len(d.Quotes)), scratch: sc, ctx: ctx,
	}
	// The children of each token, in token order, as slices of one array.
	first := resize(sc.first, n+1)
	for i := range d.Tokens {
		if h := int(d.Tokens[i].Head); h >= 0 && h < n && h != i {
			first[h+1]++
		}
	}
	for h := 1; h <= n; h++ {
		first[h] += first[h-1]
	}
	flat, at := resize(sc.flat, first[n]), resize(sc.at, n)
	copy(at, first[:n])
	for i := range d.Tokens {
		if h := int(d.Tokens[i].Head); h >= 0 && h < n && h != i {
			flat[at[h]] = i
			at[h]++
		}
	}
	a.kids = resize(sc.kids, n)
	for h := range a.kids {
		a.kids[h] = flat[first[h]:first[h+1]:first[h+1]]
	}
	sc.first, sc.flat, sc.at = first, flat, at
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.BStart >= 0 && t.BStart <= t.BEnd && int(t.BEnd) <= len(d.Text) {
			a.words[i] = d.Text[t.BStart:t.BEnd]
		}
		a.lower[i] = strings.ToLower(a.words[i])
		a.mentAt[i] = -1
	}
	for si, s := range d.Sents {
		for i := max(int(s.Start), 0); i < int(s.End) && i < n; i++ {
			a.sent[i] = si
		}
	}
	for i, step := range []func(){
		a.markParagraphsAndQuotes,
		func() { a.people.pron, a.people.orgWords = a.namePronouns(), a.orgWords() },
		a.findNames,
		a.findAcronyms,
		a.findNominals,
		a.voteGender,
	} {
		if i > 0 {
			if err := ctx.Err(); err != nil {
				a.release()
				return nil, err
			}
		}
		step()
	}
	return a, nil
}

// orgWords are the words the tagger puts in organisations' names (see
// Names.orgWords).
func (a *doc) orgWords() map[string]bool {
	w := map[string]bool{}
	for i := range a.d.Tokens {
		if a.d.Tokens[i].NER == "ORGANIZATION" {
			w[fold(a.lower[i])] = true
		}
	}
	return w
}

// resolve finds the speaker of attribution qi.
func (a *doc) resolve(qi int) {
	q := &a.d.Quotes[qi]
	toks := a.srcToks[qi]
	e := a.resolveTokens(qi, toks)
	if e < 0 {
		return
	}
	a.speaker[qi] = e
	q.Speaker = a.speakerOf(e)
	// Later pronouns may point back to this speaker.
	h := a.headOf(toks[0], toks[len(toks)-1]+1)
	if h >= 0 {
		a.spoken = append(a.spoken, mention{start: h, end: h + 1, head: h, ent: e, subj: true, spoken: true})
		i := sort.Search(len(a.spokenAt), func(i int) bool { return a.spoken[a.spokenAt[i]].start > h })
		a.spokenAt = slices.Insert(a.spokenAt, i, len(a.spoken)-1)
	}
}

// reach is how many sentences back an antecedent, an organisation a
// description renames or a work's author is looked for: more than any
// news article has, it keeps long documents linear.
const reach = 250

// mentBefore is the index of the first mention starting at token p or
// later: a.ments is in text order once findNominals has run.
func (a *doc) mentBefore(p int) int {
	return sort.Search(len(a.ments), func(i int) bool { return a.ments[i].start >= p })
}

// mentInSent is the index of the first mention in sentence si or later.
func (a *doc) mentInSent(si int) int {
	return sort.Search(len(a.ments), func(i int) bool { return a.sent[a.ments[i].start] >= si })
}

// spokenFrom are the sources resolved so far that start in sentence si or
// later, in the order they were resolved.
func (a *doc) spokenFrom(si int) []mention {
	i := sort.Search(len(a.spokenAt), func(i int) bool { return a.sent[a.spoken[a.spokenAt[i]].start] >= si })
	if i == len(a.spokenAt) {
		return nil
	}
	if i == 0 {
		return a.spoken
	}
	idx := slices.Clone(a.spokenAt[i:])
	slices.Sort(idx)
	out := make([]mention, len(idx))
	for k, j := range idx {
		out[k] = a.spoken[j]
	}
	return out
}
