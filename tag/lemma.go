package tag

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The lemmatizer imitates CoreNLP's: proper nouns keep their form, other
// words are lowercased and reduced by suffix rules learnt per tag, and the
// words the rules get wrong in training are kept in an exception table.

const maxSuffix = 5 // longest suffix (in bytes) a rule is keyed on

// rewrite turns a lowercase form into its lemma: drop cut bytes, append add.
type rewrite struct {
	cut int
	add string
}

type lemmatizer struct {
	// exceptions maps lowercase form + "\x00" + tag to the lemma.
	exceptions map[string]string
	// rules maps tag + "\x00" + suffix to a rewrite.
	rules map[string]rewrite
}

// properTag tells a proper noun's tag, whose lemma is the form as written.
func properTag(tag string) bool { return tag == "NNP" || tag == "NNPS" }

func rewriteOf(form, lemma string) rewrite {
	p := 0
	for p < len(form) && p < len(lemma) && form[p] == lemma[p] {
		p++
	}
	return rewrite{cut: len(form) - p, add: lemma[p:]}
}

// learnLemmas builds the rules and exceptions from (lowercase form, tag,
// lemma) observations.
func learnLemmas(obs [][3]string) *lemmatizer {
	// Type level: the most frequent lemma of each (form, tag).
	type ft struct{ form, tag string }
	counts := map[ft]map[string]int{}
	for _, o := range obs {
		k := ft{o[0], o[1]}
		if counts[k] == nil {
			counts[k] = map[string]int{}
		}
		counts[k][o[2]]++
	}
	keys := make([]ft, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b ft) int {
		if c := strings.Compare(a.tag, b.tag); c != 0 {
			return c
		}
		return strings.Compare(a.form, b.form)
	})
	lemmaOf := make(map[ft]string, len(keys))
	for _, k := range keys {
		best, bn := "", -1
		for l, n := range counts[k] {
			if n > bn || n == bn && l < best {
				best, bn = l, n
			}
		}
		lemmaOf[k] = best
	}
	// Rules: per (tag, suffix), the rewrite most word types agree on.
	type rc struct {
		key string
		rw  rewrite
	}
	ruleCounts := map[rc]int{}
	for _, k := range keys {
		rw := rewriteOf(k.form, lemmaOf[k])
		for n := 0; n <= maxSuffix && n <= len(k.form); n++ {
			if n < rw.cut || n > 0 && !utf8.RuneStart(k.form[len(k.form)-n]) {
				continue
			}
			ruleCounts[rc{k.tag + "\x00" + k.form[len(k.form)-n:], rw}]++
		}
	}
	rcs := make([]rc, 0, len(ruleCounts))
	for k := range ruleCounts {
		rcs = append(rcs, k)
	}
	slices.SortFunc(rcs, func(a, b rc) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		if c := ruleCounts[b] - ruleCounts[a]; c != 0 {
			return c
		}
		if c := a.rw.cut - b.rw.cut; c != 0 {
			return c
		}
		return strings.Compare(a.rw.add, b.rw.add)
	})
	lm := &lemmatizer{exceptions: map[string]string{}, rules: map[string]rewrite{}}
	for i, r := range rcs {
		if i > 0 && rcs[i-1].key == r.key {
			continue // not the most frequent rewrite for this key
		}
		if ruleCounts[r] < 2 && r.rw != (rewrite{}) {
			continue // one word is an exception, not a rule
		}
		lm.rules[r.key] = r.rw
	}
	// Rules that agree with the shorter suffix's rule add nothing.
	for k, rw := range lm.rules {
		tag, suf, _ := strings.Cut(k, "\x00")
		if suf == "" {
			continue
		}
		if shorter, ok := lm.lookupRule(tag, []byte(suf[1:])); ok && shorter == rw {
			delete(lm.rules, k)
		}
	}
	var buf []byte
	for _, k := range keys {
		if properTag(k.tag) {
			continue
		}
		buf = lm.apply(buf[:0], []byte(k.form), k.tag)
		if string(buf) != lemmaOf[k] {
			lm.exceptions[k.form+"\x00"+k.tag] = lemmaOf[k]
		}
	}
	return lm
}

// lookupRule finds the rule of the longest suffix of form for tag.
func (lm *lemmatizer) lookupRule(tag string, form []byte) (rewrite, bool) {
	var key [64]byte
	kb := append(append(key[:0], tag...), 0)
	for n := min(maxSuffix, len(form)); n >= 0; n-- {
		if n > 0 && !utf8.RuneStart(form[len(form)-n]) {
			continue
		}
		if rw, ok := lm.rules[string(append(kb, form[len(form)-n:]...))]; ok {
			return rw, true
		}
	}
	return rewrite{}, false
}

// apply appends the rule-based lemma of a lowercase form to buf.
func (lm *lemmatizer) apply(buf, form []byte, tag string) []byte {
	rw, _ := lm.lookupRule(tag, form)
	if rw.cut > len(form) || rw.cut >= len(form) && rw.add == "" {
		return append(buf, form...)
	}
	return append(append(buf, form[:len(form)-rw.cut]...), rw.add...)
}

// lemmaScratch is reused across tokens so lemmatizing does not allocate.
type lemmaScratch struct {
	key []byte // lowercase form + "\x00" + tag
	buf []byte // built lemmas of one document, turned into one string
}

// lemma returns the lemma of word under tag. When it is neither (a prefix
// of) the word nor a stored string, it is appended to sc.buf as bytes
// [start, end) and ok is false: the caller makes one string per document.
func (lm *lemmatizer) lemma(word, tag string, sc *lemmaScratch) (lem string, start, end int, ok bool) {
	if properTag(tag) {
		return word, 0, 0, true
	}
	sc.key = appendLower(sc.key[:0], word)
	n := len(sc.key)
	sc.key = append(append(sc.key, 0), tag...)
	if l, found := lm.exceptions[string(sc.key)]; found {
		return l, 0, 0, true
	}
	start = len(sc.buf)
	sc.buf = lm.apply(sc.buf, sc.key[:n], tag)
	built := sc.buf[start:]
	if len(built) <= len(word) && string(built) == word[:len(built)] {
		sc.buf = sc.buf[:start]
		return word[:len(built)], 0, 0, true
	}
	return "", start, len(sc.buf), false
}

// appendLower appends the lowercase of s; invalid bytes pass through.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, c)
		} else {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
		i += size
	}
	return b
}
