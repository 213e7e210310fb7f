package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
)

// Feature templates. Each feature is a hash of a template number and its
// values; the model keeps one weight per (hash bucket, label).
const (
	fBias = iota + 1
	fWord
	fLemma
	fTag
	fPrevWord
	fNextWord
	fPrev2Word
	fNext2Word
	fTagBigramL
	fTagBigramR
	fPrevTag
	fNextTag
	fSuffix
	fShape
	fDep
	fDepHeadLemma
	fHeadTag
	fCueBucket
	fCueBucketTag
	fQuote
	fQuoteTag
	fPathRel
	fPathRelLemma
	fPathRelDist
	fNearCue
	fNearCueLemma
	fAccording
	fColon
	fChildren
	fNER
	fQuoteOutsideCue
	fPosition
	fHeadline
	fPathRelQuote
	fLemmaDep
	fDepDep
	fVerbPath
	fHeadWord
	fBigramL
	fBigramR
	fDepPath
	fHeadCue
	fRootLemma
	nFeatures // features per token
)

// seq is one decoding unit: the tokens of one paragraph (capped in length),
// with what the features need precomputed.
type seq struct {
	start, end int   // document token indices
	sentOf     []int // sentence index of each token (relative to the doc)
}

// hasher builds FNV-1a hashes without allocating.
type hasher uint32

func newHash(tmpl int) hasher {
	h := hasher(2166136261)
	return h.byte(byte(tmpl))
}

func (h hasher) byte(b byte) hasher { return (h ^ hasher(b)) * 16777619 }

func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		h = (h ^ hasher(s[i])) * 16777619
	}
	return h.byte(0xff)
}

func (h hasher) int(n int) hasher {
	return h.byte(byte(n)).byte(byte(n >> 8))
}

// lower returns s lowercased, reusing s when it has no upper-case letter.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// shape maps a word to a coarse pattern: Xx, x, X, d, punctuation...
func shape(s string) string {
	var out [4]byte
	n := 0
	var last byte
	for _, r := range s {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = '.'
		}
		if c != last && n < len(out) {
			out[n] = c
			n++
		}
		last = c
	}
	switch string(out[:n]) {
	case "Xx", "x", "X", "d", ".", "Xx.", "x.", "d.d", "X.":
		return string(out[:n])
	}
	return "other"
}

func isQuote(w string) (open, close, straight bool) {
	switch w {
	case "\"", "''", "``":
		return false, false, true
	case "\u201c", "\u2018":
		return true, false, false
	case "\u201d", "\u2019":
		return false, true, false
	}
	return
}

func bucket(n int) int {
	switch {
	case n <= 0:
		return 0
	case n <= 2:
		return n
	case n <= 5:
		return 3
	case n <= 10:
		return 4
	case n <= 20:
		return 5
	}
	return 6
}

// featurizer holds per-document scratch for feature extraction.
type featurizer struct {
	m      *Model
	d      *onrecord.Document
	words  []string // lowercased words
	lemmas []string
	cue    []uint8 // cue bucket of each token's lemma
	quote  []int8  // 1 inside a quotation, 2 on a quote mark, 0 outside
	kids   []uint8 // bitset: has nsubj, has ccomp, has dobj, has xcomp child
	near   []int32 // nearest cue-like token in the sentence, -1 when none
	lo, hi []int32 // first and last token of each token's subtree
	runes  []rune  // the text by code point, for brat.KindOf
	// per sentence: first "according" and ":" token (-1 when none), and
	// whether a cue-like token stands outside quotes
	acc, colon []int32
	qcue       []byte
	root       []string // lemma of the sentence's root
}

const (
	kidNsubj = 1 << iota
	kidCcomp
	kidDobj
	kidXcomp
	kidMark
)

// prepare computes the per-token layers the templates read.
func (f *featurizer) prepare(d *onrecord.Document) {
	f.d = d
	f.runes = f.runes[:0]
	for _, r := range d.Text {
		f.runes = append(f.runes, r)
	}
	n := len(d.Tokens)
	f.words = resize(f.words, n)
	f.lemmas = resize(f.lemmas, n)
	f.cue = resize(f.cue, n)
	f.quote = resize(f.quote, n)
	f.kids = resize(f.kids, n)
	f.near = resize(f.near, n)
	for i := range d.Tokens {
		t := &d.Tokens[i]
		f.words[i] = lower(d.Word(i))
		l := t.Lemma
		if l == "" {
			l = f.words[i]
		} else {
			l = lower(l)
		}
		f.lemmas[i] = l
		f.cue[i] = f.m.cueBucket(l)
		f.kids[i] = 0
	}
	f.lo = resize(f.lo, n)
	f.hi = resize(f.hi, n)
	for i := range d.Tokens {
		f.lo[i], f.hi[i] = int32(i), int32(i)
	}
	for i := range d.Tokens {
		// Walk up, widening each ancestor's yield; the step cap keeps a
		// malformed tree with a cycle from looping.
		for j, steps := d.Tokens[i].Head, 0; j >= 0 && int(j) < n && steps < 64; j, steps = d.Tokens[j].Head, steps+1 {
			f.lo[j] = min(f.lo[j], int32(i))
			f.hi[j] = max(f.hi[j], int32(i))
		}
	}
	for i := range d.Tokens {
		h := d.Tokens[i].Head
		if h < 0 || int(h) >= n {
			continue
		}
		switch d.Tokens[i].Dep {
		case "nsubj", "nsubjpass":
			f.kids[h] |= kidNsubj
		case "ccomp", "parataxis":
			f.kids[h] |= kidCcomp
		case "dobj":
			f.kids[h] |= kidDobj
		case "xcomp":
			f.kids[h] |= kidXcomp
		case "mark":
			f.kids[h] |= kidMark
		}
	}
	// Quotation state runs over a paragraph: double marks as opens reads
	// them, single curly ones open and close as drawn. A new paragraph resets it unless it opens with
	// a quote (continued quotations reopen the mark in news style).
	depth := 0
	prevEnd := int32(-1)
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if prevEnd >= 0 && strings.Contains(d.Text[prevEnd:t.BStart], "\n") {
			depth = 0
		}
		prevEnd = t.BEnd
		open, cl, straight := isQuote(d.Word(i))
		if w := d.Word(i); w == "\"" || w == "\u201c" || w == "\u201d" || w == "''" || w == "``" {
			// Double marks are read as the decoder reads them.
			open = opens(d, i, 0, len(d.Tokens), w, depth == 1)
			cl, straight = !open, false
		}
		switch {
		case open || (straight && depth == 0):
			depth = 1
			f.quote[i] = 2
		case cl || straight:
			depth = 0
			f.quote[i] = 2
		default:
			f.quote[i] = int8(depth)
		}
	}
	f.acc = resize(f.acc, len(d.Sents))
	f.colon = resize(f.colon, len(d.Sents))
	f.qcue = resize(f.qcue, len(d.Sents))
	f.root = resize(f.root, len(d.Sents))
	for si, s := range d.Sents {
		f.acc[si], f.colon[si], f.qcue[si], f.root[si] = -1, -1, 'N', "-"
		for j := s.Start; j < s.End; j++ {
			if d.Tokens[j].Head < 0 && f.root[si] == "-" {
				f.root[si] = f.lemmas[j]
			}
			switch {
			case f.words[j] == "according" && f.acc[si] < 0:
				f.acc[si] = j
			case f.words[j] == ":" && f.colon[si] < 0:
				f.colon[si] = j
			}
			if f.quote[j] == 0 && f.cue[j] >= cueLike {
				f.qcue[si] = 'Y'
			}
		}
		last := int32(-1)
		for i := s.Start; i < s.End; i++ {
			if f.cue[i] >= cueLike {
				last = i
			}
			f.near[i] = last
		}
		next := int32(-1)
		for i := s.End - 1; i >= s.Start; i-- {
			if f.cue[i] >= cueLike {
				next = i
			}
			if next >= 0 && (f.near[i] < 0 || next-i < i-f.near[i]) {
				f.near[i] = next
			}
		}
	}
}

// cueLike is the cue bucket from which a lemma counts as a likely cue.
const cueLike = 2

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// extract writes the nFeatures hashes of token i (in sentence si) to dst.
func (f *featurizer) extract(i int, sent onrecord.Sentence, sentIdx int, dst []uint32) {
	d := f.d
	t := &d.Tokens[i]
	w := func(j int) string {
		if j < int(sent.Start) {
			return "<s>"
		}
		if j >= int(sent.End) {
			return "</s>"
		}
		return f.words[j]
	}
	tg := func(j int) string {
		if j < int(sent.Start) {
			return "<s>"
		}
		if j >= int(sent.End) {
			return "</s>"
		}
		return d.Tokens[j].Tag
	}
	word := f.words[i]
	k := 0
	put := func(h hasher) { dst[k] = uint32(h); k++ }
	put(newHash(fBias))
	put(newHash(fWord).str(word))
	put(newHash(fLemma).str(f.lemmas[i]))
	put(newHash(fTag).str(t.Tag))
	put(newHash(fPrevWord).str(w(i - 1)))
	put(newHash(fNextWord).str(w(i + 1)))
	put(newHash(fPrev2Word).str(w(i - 2)))
	put(newHash(fNext2Word).str(w(i + 2)))
	put(newHash(fTagBigramL).str(tg(i - 1)).str(t.Tag))
	put(newHash(fTagBigramR).str(t.Tag).str(tg(i + 1)))
	put(newHash(fPrevTag).str(tg(i - 1)))
	put(newHash(fNextTag).str(tg(i + 1)))
	suf := word
	if len(suf) > 3 {
		suf = suf[len(suf)-3:]
	}
	put(newHash(fSuffix).str(suf))
	put(newHash(fShape).str(shape(d.Word(i))))
	put(newHash(fDep).str(t.Dep))
	headLemma, headTag := "<root>", "<root>"
	if t.Head >= 0 && int(t.Head) < len(d.Tokens) {
		headLemma, headTag = f.lemmas[t.Head], d.Tokens[t.Head].Tag
	}
	put(newHash(fDepHeadLemma).str(t.Dep).str(headLemma))
	put(newHash(fHeadTag).str(t.Dep).str(headTag))
	put(newHash(fCueBucket).int(int(f.cue[i])))
	put(newHash(fCueBucketTag).int(int(f.cue[i])).str(t.Tag))
	q := int(f.quote[i])
	put(newHash(fQuote).int(q))
	put(newHash(fQuoteTag).int(q).str(t.Tag).int(int(f.cue[i])))

	// Path to the nearest cue-like ancestor: the relation under which this
	// token hangs from it (nsubj → source, ccomp → content, ...).
	rel, anc, dist := "none", -1, 0
	child := i
	for j, steps := int(t.Head), 1; j >= 0 && j < len(d.Tokens) && steps < 12; j, steps = int(d.Tokens[j].Head), steps+1 {
		if f.cue[j] >= cueLike {
			rel, anc, dist = d.Tokens[child].Dep, j, steps
			break
		}
		child = j
	}
	ancLemma := "-"
	if anc >= 0 {
		ancLemma = f.lemmas[anc]
	}
	ancCue := 0
	if anc >= 0 {
		ancCue = int(f.cue[anc])
	}
	put(newHash(fPathRel).str(rel).int(q).int(ancCue))
	put(newHash(fPathRelLemma).str(rel).str(ancLemma))
	put(newHash(fPathRelDist).str(rel).int(bucket(dist)))
	put(newHash(fPathRelQuote).str(rel).int(q).str(t.Tag))
	// The labels on the way up to the cue, at most three: "dobj<xcomp"
	// tells an object inside a complement apart from the cue's own object.
	dp := newHash(fDepPath)
	if anc >= 0 {
		for j, steps := i, 0; j != anc && j >= 0 && steps < 3; j, steps = int(d.Tokens[j].Head), steps+1 {
			dp = dp.str(d.Tokens[j].Dep)
		}
	}
	put(dp.int(bucket(dist)).byte(side(anc, i)))
	headCue := 0
	if t.Head >= 0 && int(t.Head) < len(d.Tokens) {
		headCue = int(f.cue[t.Head])
	}
	put(newHash(fHeadCue).str(t.Dep).int(headCue).int(q))
	put(newHash(fRootLemma).str(f.root[sentIdx]).byte(side(int(f.near[i]), i)))
	put(newHash(fBigramL).str(w(i - 1)).str(word))
	put(newHash(fBigramR).str(word).str(w(i + 1)))

	near := int(f.near[i])
	if near >= 0 {
		side := byte('L')
		dd := i - near
		if near > i {
			side, dd = 'R', near-i
		}
		put(newHash(fNearCue).byte(side).int(bucket(dd)).int(q))
		put(newHash(fNearCueLemma).byte(side).str(f.lemmas[near]))
	} else {
		put(newHash(fNearCue).byte('N').int(q))
		put(newHash(fNearCueLemma).byte('N'))
	}

	// "according to X, Y" and "X: Y" put the content on the other side.
	acc, colon := side(int(f.acc[sentIdx]), i), side(int(f.colon[sentIdx]), i)
	put(newHash(fAccording).byte(acc).str(rel))
	put(newHash(fColon).byte(colon).int(q).int(min(sentIdx, 1)))
	put(newHash(fChildren).int(int(f.kids[i])).int(int(f.cue[i])))
	put(newHash(fNER).str(t.NER).str(t.Tag))
	put(newHash(fQuoteOutsideCue).int(q).int(bucket(int(f.cue[i]))).byte(f.qcue[sentIdx]))
	pos := 1
	if i == int(sent.Start) {
		pos = 0
	} else if i == int(sent.End)-1 {
		pos = 2
	}
	put(newHash(fPosition).int(pos).str(t.Tag))
	put(newHash(fHeadline).int(min(sentIdx, 2)).int(q))
	put(newHash(fLemmaDep).str(f.lemmas[i]).str(t.Dep))
	hd := "<root>"
	if t.Head >= 0 && int(t.Head) < len(d.Tokens) {
		hd = d.Tokens[t.Head].Dep
	}
	put(newHash(fDepDep).str(t.Dep).str(hd))

	// The nearest verb above the token and the relation under it: the
	// clause a token belongs to decides its role more than its own word.
	vrel, vlemma := "none", "-"
	child = i
	for j, steps := int(t.Head), 1; j >= 0 && j < len(d.Tokens) && steps < 12; j, steps = int(d.Tokens[j].Head), steps+1 {
		if strings.HasPrefix(d.Tokens[j].Tag, "VB") {
			vrel, vlemma = d.Tokens[child].Dep, f.lemmas[j]
			break
		}
		child = j
	}
	put(newHash(fVerbPath).str(vrel).str(vlemma))
	put(newHash(fHeadWord).str(t.Dep).str(headLemma).str(word))
}

// side tells where token j stands from token i: N when there is none, A
// when at or before i, B when after it.
func side(j, i int) byte {
	switch {
	case j < 0:
		return 'N'
	case j > i:
		return 'B'
	}
	return 'A'
}
