// Package onrecord holds the domain types that flow through the pipeline
// text → tag → parse → attrib → speaker → output/store/serve.
//
// A Document owns the original text and every layer computed over it; later
// stages only fill in the layers after theirs. All offsets exposed to users are
// Unicode code points into Document.Text, end exclusive (as in brat and PolNeAR).
package onrecord

import (
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open range [Start, End) of Unicode code points into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of code points in s.
func (s Span) Len() int { return s.End - s.Start }

// Token is one word or punctuation mark. Start/End are code points into the
// original text; BStart/BEnd are the same range in bytes, so text is sliced
// without conversion.
type Token struct {
	Start, End   int32
	BStart, BEnd int32
	Tag          string // Penn Treebank part of speech
	Lemma        string
	NER          string // PERSON, ORGANIZATION, LOCATION, ... or "O"
	Head         int32  // document-wide index of the head token; -1 for a sentence root
	Dep          string // dependency label of the arc to Head
}

// Sentence is a range [Start, End) of token indices.
type Sentence struct {
	Start, End int32
}

// Kind tells how an attribution reports what was said.
type Kind string

// The kinds of attribution.
const (
	Direct   Kind = "direct"   // the content is a verbatim quotation
	Indirect Kind = "indirect" // reported speech, beliefs, findings
	Mixed    Kind = "mixed"    // reported speech with a quoted fragment
)

// Speaker is the named entity a source refers to.
type Speaker struct {
	Name string `json:"name"`
	Type string `json:"type"` // person, organization or other
}

// Attribution is one "who said what": a content, the cue that ties it to a
// source, and the source when the text names one. Spans may be discontinuous;
// parts are in text order.
type Attribution struct {
	Kind       Kind
	Content    []Span
	Cue        []Span // nil when there is no cue
	Source     []Span // nil for agentless attributions
	Speaker    *Speaker
	Confidence float64
}

// Document is one article and the analysis layers over it.
type Document struct {
	ID   string
	Date string // YYYY-MM-DD, or "" when unknown
	Text string // the original text, exactly as read
	// Body is the part of Text that holds the article: after a leading
	// "date YYYY-MM-DD" header and before trailing link boilerplate.
	Body   Span
	Tokens []Token
	Sents  []Sentence
	Quotes []Attribution

	cp []int32 // byte offset of each code point, built on first use
}

// TokenCopy returns a copy of d that owns its tokens and shares the rest,
// so that a tagger or parser can analyse it without touching d's layers.
func (d *Document) TokenCopy() *Document {
	c := *d
	c.Tokens = slices.Clone(d.Tokens)
	return &c
}

// Word returns the text of token i.
func (d *Document) Word(i int) string {
	t := &d.Tokens[i]
	return d.Text[t.BStart:t.BEnd]
}

// TitleCase tells whether sentence si is written as a headline: four or
// more words, every one capitalised but the short lower-case function
// words ("of", "the", "n't"). Taggers run a headline's verbs into names.
func (d *Document) TitleCase(si int) bool {
	if si < 0 || si >= len(d.Sents) {
		return false
	}
	words := 0
	for i := max(int(d.Sents[si].Start), 0); i < int(d.Sents[si].End) && i < len(d.Tokens); i++ {
		w := d.Word(i)
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case !unicode.IsLetter(r):
		case unicode.IsUpper(r):
			words++
		case len(w) > 3:
			return false
		}
	}
	return words >= 4
}

// Slice returns the text covered by span s, clamped to the document.
func (d *Document) Slice(s Span) string {
	if d.cp == nil {
		d.cp = make([]int32, 0, len(d.Text)+1)
		for i := range d.Text {
			d.cp = append(d.cp, int32(i))
		}
		d.cp = append(d.cp, int32(len(d.Text)))
	}
	n := len(d.cp) - 1
	a, b := clamp(s.Start, n), clamp(s.End, n)
	if a >= b {
		return ""
	}
	return d.Text[d.cp[a]:d.cp[b]]
}

// TokensIn returns the range [i, j) of the tokens that overlap span s.
// Tokens are in text order, so both ends are found by binary search.
func (d *Document) TokensIn(s Span) (i, j int) {
	t := d.Tokens
	i = sort.Search(len(t), func(k int) bool { return int(t[k].End) > s.Start })
	j = i + sort.Search(len(t)-i, func(k int) bool { return int(t[i+k].Start) >= s.End })
	return i, j
}

// Runes is the length of the text in code points, counting each invalid
// byte as one (the way Go ranges over a string).
func (d *Document) Runes() int { return utf8.RuneCountInString(d.Text) }

func clamp(x, n int) int {
	if x < 0 {
		return 0
	}
	if x > n {
		return n
	}
	return x
}
