package tag

import (
	"unicode"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
)

// The name lexicon of a tag-6 model: the word sequences (as written, up to
// maxSpan words) that the training corpora mark as a person, organisation
// or place, each with the class it is most often marked, kept in the model
// file as 32-bit span hashes. Before the name tagger runs, each sentence's
// longest matches, left to right, mark their words with the class and
// the word's place in the name, which the tagger reads as features. In
// training, a document's marks come from the names of the other folds'
// documents only (lexFolds), so that the tagger learns how far a match
// is to be trusted in text whose names it has not seen.

const (
	maxSpan  = 4 // words in the longest name the lexicon holds
	lexFolds = 5
	// minOrgEnd is how often a word must end an organisation name of two
	// words or more, and more often than not when capitalised inside a
	// sentence, to be learnt as an organisation's last word (gazOrgEnd).
	minOrgEnd = 3
)

// nameClass is the lexicon class of a name label: 1 to 3, 0 for none.
func nameClass(ner string) uint8 {
	switch ner {
	case "PERSON":
		return 1
	case "ORGANIZATION":
		return 2
	case "LOCATION":
		return 3
	}
	return 0
}

// spanKey extends the hash of a span by the next word's hash as written.
func spanKey(h, w uint64) uint64 { return mix(h, w) }

// lexicon gives the class of a span key, 0 for none.
type lexicon interface{ class(key uint32) uint8 }

type spanSet map[uint32]uint8

func (m spanSet) class(key uint32) uint8 { return m[key] }

// markNames fills s.lex: for each longest lexicon match, left to right,
// starting at a word not written in lower case, its class<<2 | place
// (0 first, 1 inside, 2 last, 3 the whole name); 0 elsewhere.
func markNames(s *sentence, lex lexicon) {
	n := s.n()
	clear(s.lex)
	for i := 0; i < n; {
		if s.tok[i+pad].flags&(flagInitCap|flagAllCap|flagDigit) == 0 {
			i++
			continue
		}
		var keys [maxSpan]uint32
		h, m := hashSeed, min(maxSpan, n-i)
		for j := 0; j < m; j++ {
			h = spanKey(h, s.tok[i+pad+j].w)
			keys[j] = keyOf(h)
		}
		found := 0
		for j := m - 1; j >= 0 && found == 0; j-- {
			if c := lex.class(keys[j]); c != 0 {
				found = j + 1
				for k := 0; k <= j; k++ {
					place := uint8(1)
					switch {
					case j == 0:
						place = 3
					case k == 0:
						place = 0
					case k == j:
						place = 2
					}
					s.lex[i+k] = c<<2 | place
				}
			}
		}
		i += max(found, 1)
	}
}

// nameSpans calls f with each name of a document's sentence (tokens
// [a, b) of one class, words hashed as written) no longer than maxSpan.
func nameSpans(d *onrecord.Document, a, b int, f func(key uint32, class uint8, a, b int)) {
	for i := a; i < b; {
		c := nameClass(d.Tokens[i].NER)
		j := i + 1
		for j < b && d.Tokens[j].NER == d.Tokens[i].NER {
			j++
		}
		if c != 0 && j-i <= maxSpan {
			h := hashSeed
			for k := i; k < j; k++ {
				h = spanKey(h, wordInfo(word(d, k)).w)
			}
			f(keyOf(h), c, i, j)
		}
		i = j
	}
}

// spanCounts counts how often each span is marked with each class.
type spanCounts map[uint32]*[4]int32

// foldLexicon is the lexicon of every fold but one: all the counts less
// the fold's own.
type foldLexicon struct{ all, fold spanCounts }

func (l foldLexicon) class(key uint32) uint8 {
	a := l.all[key]
	if a == nil {
		return 0
	}
	var c [4]int32 = *a
	if f := l.fold[key]; f != nil {
		for k := range c {
			c[k] -= f[k]
		}
	}
	return bestClass(&c)
}

// bestClass is the class marked most often (the first of a tie), 0 if none.
func bestClass(c *[4]int32) uint8 {
	best := uint8(0)
	for k := uint8(1); k < 4; k++ {
		if c[k] > 0 && (best == 0 || c[k] > c[best]) {
			best = k
		}
	}
	return best
}

// lexiconCounts counts the names of the corpora's documents by fold (the
// k-th document of each corpus is in fold k mod lexFolds) and in all, and
// lists the lower-case words that end organisation names (minOrgEnd).
func lexiconCounts(train []Corpus) (folds []spanCounts, all spanCounts, orgEnds []string) {
	folds = make([]spanCounts, lexFolds)
	for f := range folds {
		folds[f] = spanCounts{}
	}
	all = spanCounts{}
	ends, capital := map[string]int{}, map[string]int{}
	add := func(m spanCounts, key uint32, c uint8) {
		if m[key] == nil {
			m[key] = new([4]int32)
		}
		m[key][c]++
	}
	for _, c := range train {
		for k, d := range c.Docs {
			for _, sp := range d.Sents {
				a, b := int(sp.Start), int(sp.End)
				if a < 0 || b <= a || b > len(d.Tokens) {
					continue
				}
				for i := a + 1; i < b; i++ {
					if r, _ := utf8.DecodeRuneInString(word(d, i)); unicode.IsUpper(r) {
						capital[lowerWord(d, i)]++
					}
				}
				nameSpans(d, a, b, func(key uint32, class uint8, i, j int) {
					add(folds[k%lexFolds], key, class)
					add(all, key, class)
					if class == nameClass("ORGANIZATION") && j-i >= 2 {
						ends[lowerWord(d, j-1)]++
					}
				})
			}
		}
	}
	for w, n := range ends {
		if n >= minOrgEnd && 2*n > capital[w] {
			orgEnds = append(orgEnds, w)
		}
	}
	return folds, all, orgEnds
}

// spans is the lexicon of all the counts, for the model file.
func (all spanCounts) spans() spanSet {
	out := spanSet{}
	for k, c := range all {
		out[k] = bestClass(c)
	}
	return out
}

func lowerWord(d *onrecord.Document, i int) string {
	return string(appendLower(nil, word(d, i)))
}
