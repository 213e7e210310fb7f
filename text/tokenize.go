// Package text turns raw article text into onrecord Documents: it reads
// files, directories and JSONL streams, finds the article body, and splits
// the body into tokens and sentences the way the silver CoreNLP analysis of
// PolNeAR does (PTB conventions), so that models trained on the silver
// layers see the same units at run time.
package text

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
)

// MaxSentenceTokens caps a sentence: a longer run of tokens without a
// boundary is cut, so that later stages (tagger, parser) stay linear on
// pathological input such as a huge single line without punctuation.
const MaxSentenceTokens = 150

// token classes that matter for sentence splitting.
const (
	clsWord     = iota
	clsBoundary // . ? ! and runs of ! ?
	clsCloser   // closing quotes and brackets: they stay with the sentence they follow
)

type tokenizer struct {
	d   *onrecord.Document
	s   string
	end int // byte end of the body

	// cursor for converting byte offsets to code points: tokens arrive in
	// order, so counting runes from the previous token keeps the total linear.
	cb, cc int

	lastEnd   int  // byte end of the previous token; -1 before the first
	nl        bool // a line break lies between the previous token and the next
	pending   bool // a sentence boundary was emitted; only closers may follow it
	sentStart int  // token index where the open sentence starts
}

// Tokenize fills d.Tokens (offsets only; Head is -1) and d.Sents for the
// text inside d.Body, replacing any previous tokens. A zero Body means the
// whole text. Tokens follow the PTB conventions of the silver CoreNLP
// analysis: quotes, brackets and most punctuation are tokens of their own;
// clitics are split ("do n't", "Trump 's"); hyphenated words, numbers,
// abbreviations, URLs, e-mail addresses, hashtags and @handles stay whole.
// A sentence ends after . ? or ! (with the closing quotes and brackets that
// follow it), at every line break, and after MaxSentenceTokens tokens.
// Invalid UTF-8 never panics: each invalid byte counts as one code point.
func Tokenize(d *onrecord.Document) {
	s := d.Text
	if len(s) > math.MaxInt32 {
		// Offsets are int32; the readers cap documents far below this.
		s = s[:math.MaxInt32]
	}
	body := d.Body
	if body == (onrecord.Span{}) {
		body.End = math.MaxInt
	}
	b0, c0 := byteOffset(s, 0, 0, body.Start)
	b1, _ := byteOffset(s, b0, c0, body.End)

	// About one token per 5 bytes of English news text.
	est := (b1-b0)/5 + 16
	if cap(d.Tokens) < est {
		d.Tokens = make([]onrecord.Token, 0, est)
	}
	d.Tokens = d.Tokens[:0]
	d.Sents = make([]onrecord.Sentence, 0, est/20+1)

	t := tokenizer{d: d, s: s, end: b1, cb: b0, cc: c0, lastEnd: -1}
	for p := b0; p < b1; {
		c := s[p]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				if c == '\n' || c == '\r' {
					t.nl = true
				}
				p++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(s[p:b1]); isSpace(r) {
			if r == 0x85 || r == 0x2028 || r == 0x2029 {
				t.nl = true
			}
			p += n
			continue
		}
		p = t.next(p)
	}
	t.closeSentence()
}

// byteOffset walks s from byte b (code point c) to code point cp and returns
// its byte and code point offsets, clamped to the text.
func byteOffset(s string, b, c, cp int) (int, int) {
	if cp < c {
		cp = c
	}
	for b < len(s) && c < cp {
		if s[b] < utf8.RuneSelf {
			b++
		} else {
			_, n := utf8.DecodeRuneInString(s[b:])
			b += n
		}
		c++
	}
	return b, c
}

// runeAt decodes the rune at byte p of the body; utf8.RuneError with
// width 1 for an invalid byte, (-1, 0) at the end.
func (t *tokenizer) runeAt(p int) (rune, int) {
	if p >= t.end {
		return -1, 0
	}
	if c := t.s[p]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(t.s[p:t.end])
}

func (t *tokenizer) spaceAt(p int) bool {
	r, _ := t.runeAt(p)
	return r < 0 || isSpace(r)
}

// emit appends the token [bs, be) and opens a new sentence before it when
// the previous one is over.
func (t *tokenizer) emit(bs, be int, cls int) {
	n := len(t.d.Tokens)
	if n > t.sentStart {
		follower := cls == clsCloser && !t.nl
		brk := t.nl && !t.carriesOver(n)
		if brk || (t.pending && !follower) || n-t.sentStart >= MaxSentenceTokens {
			t.closeSentence()
		}
	}
	if cls != clsCloser {
		t.pending = false
	}
	if cls == clsBoundary {
		t.pending = true
	}
	cs := t.cc + countRunes(t.s[t.cb:bs])
	ce := cs + countRunes(t.s[bs:be])
	t.cb, t.cc = be, ce
	if n == cap(t.d.Tokens) {
		// Double, rather than append's gentler growth for big slices: dense
		// input (say "<a<a<a...") outruns the length estimate many times.
		grown := make([]onrecord.Token, n, 2*n+16)
		copy(grown, t.d.Tokens)
		t.d.Tokens = grown
	}
	t.d.Tokens = append(t.d.Tokens, onrecord.Token{
		Start: int32(cs), End: int32(ce), BStart: int32(bs), BEnd: int32(be), Head: -1,
	})
	t.lastEnd = be
	t.nl = false
}

// carriesOver tells whether the sentence open before token n runs on across
// a line break, as in the silver analysis: after a colon (news text brings
// in block quotes with "he said:" and a new paragraph) and after a time-stamp
// line ("7:45 a.m."), which live blogs put above each entry.
func (t *tokenizer) carriesOver(n int) bool {
	last := t.d.Tokens[n-1]
	w := t.s[last.BStart:last.BEnd]
	return w == ":" || (w == "a.m." || w == "p.m.") && n-t.sentStart <= 2
}

func (t *tokenizer) closeSentence() {
	if n := len(t.d.Tokens); n > t.sentStart {
		t.d.Sents = append(t.d.Sents, onrecord.Sentence{Start: int32(t.sentStart), End: int32(n)})
		t.sentStart = n
	}
	t.pending = false
}

func countRunes(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return utf8.RuneCountInString(s)
		}
	}
	return len(s)
}

// next emits the token(s) starting at byte p (not a space) and returns the
// byte offset after them.
func (t *tokenizer) next(p int) int {
	s := t.s
	r, n := t.runeAt(p)
	switch {
	case r < utf8.RuneSelf && asciiWord[r] || r >= utf8.RuneSelf && isWordRune(r):
		if q := t.url(p); q > p {
			t.emit(p, q, clsWord)
			return q
		}
		return t.word(p)
	}
	attached := p == t.lastEnd
	switch r {
	case '"':
		// CoreNLP reads a straight quote as closing when it touches the
		// previous word or is followed by a space.
		if attached || t.spaceAt(p+1) {
			t.emit(p, p+1, clsCloser)
		} else {
			t.emit(p, p+1, clsWord)
		}
		return p + 1
	case '\'':
		if p+1 < t.end && s[p+1] == '\'' {
			t.emit(p, p+2, clsCloser)
			return p + 2
		}
		if t.elided(p + 1) {
			return t.word(p)
		}
		if q := t.clitic(p, 1); attached && q > p {
			t.emit(p, q, clsWord)
			return q
		}
		if attached {
			t.emit(p, p+1, clsCloser)
		} else {
			t.emit(p, p+1, clsWord)
		}
		return p + 1
	case '`':
		q := t.run(p, '`')
		t.emit(p, q, clsWord)
		return q
	case '‘', '’', '“', '”':
		if r == '’' && t.elided(p+n) {
			return t.word(p)
		}
		if q := t.clitic(p, n); r == '’' && attached && q > p {
			t.emit(p, q, clsWord)
			return q
		}
		q := p + n
		for {
			r2, n2 := t.runeAt(q)
			if r2 != '‘' && r2 != '’' && r2 != '“' && r2 != '”' {
				break
			}
			q += n2
		}
		// Only a single closing quote closes a sentence in CoreNLP; a
		// cluster such as ’” starts the next one.
		if (r == '’' || r == '”') && q == p+n {
			t.emit(p, q, clsCloser)
		} else {
			t.emit(p, q, clsWord)
		}
		return q
	case ')', ']', '}':
		t.emit(p, p+1, clsCloser)
		return p + 1
	case '.':
		if q := t.spacedEllipsis(p); q > p {
			t.emit(p, q, clsWord)
			return q
		}
		if p+1 < t.end && isDigit(s[p+1]) && t.spaceBefore(p) {
			return t.word(p) // .45
		}
		q := t.run(p, '.')
		if q-p > 2 {
			t.emit(p, q, clsWord)
			return q
		}
		// ".." is two periods, each ending a sentence
		t.emit(p, p+1, clsBoundary)
		return p + 1
	case '!', '?':
		q := p + 1
		for q < t.end && (s[q] == '!' || s[q] == '?') {
			q++
		}
		t.emit(p, q, clsBoundary)
		return q
	case '-', '+':
		if p+1 < t.end && isDigit(s[p+1]) && (p == 0 || s[p-1] != '-') {
			return t.word(p) // a signed number
		}
		if r == '-' {
			q := t.run(p, '-')
			t.emit(p, q, clsWord)
			return q
		}
	case '*', '=', '_', '~':
		q := t.run(p, byte(r))
		t.emit(p, q, clsWord)
		return q
	case '—', '–', '―':
		q := p + n
		for {
			r2, n2 := t.runeAt(q)
			if r2 != r {
				break
			}
			q += n2
		}
		t.emit(p, q, clsWord)
		return q
	case '#', '@':
		// hashtags and handles; "#2" is two tokens
		q := p + 1
		for q < t.end && (asciiWord[s[q]] || s[q] == '_') {
			q++
		}
		if q > p+1 && !isDigit(s[p+1]) {
			t.emit(p, q, clsWord)
			return q
		}
	case '<':
		if q := t.tag(p); q > p {
			t.emit(p, q, clsWord)
			return q
		}
	}
	t.emit(p, p+n, clsWord)
	return p + n
}

// clitic matches a clitic ('s 're 've 'll 'd 'm) whose apostrophe, n bytes
// long, is at p, or returns p.
func (t *tokenizer) clitic(p, n int) int {
	q := p + n
	for q < t.end && isASCIILetter(t.s[q]) {
		q++
	}
	if r, _ := t.runeAt(q); isWordRune(r) {
		return p
	}
	switch strings.ToLower(t.s[p+n : q]) {
	case "s", "re", "ve", "ll", "d", "m":
		return q
	}
	return p
}

// run returns the end of the run of byte c starting at p.
func (t *tokenizer) run(p int, c byte) int {
	q := p
	for q < t.end && t.s[q] == c {
		q++
	}
	return q
}

func (t *tokenizer) spaceBefore(p int) bool {
	if p == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t.s[:p])
	return isSpace(r) || r == '(' || r == '['
}

// elided reports a word that keeps its leading apostrophe (which ends at
// p): years ('16, ’80s) and 'em, 'cause, 'til.
func (t *tokenizer) elided(p int) bool {
	s := t.s
	q := p
	for q < t.end && isASCIILetter(s[q]) {
		q++
	}
	if q == p {
		if p+1 < t.end && isDigit(s[p]) && isDigit(s[p+1]) {
			q = p + 2
			if q < t.end && s[q] == 's' {
				q++
			}
		}
	} else if !elisions[strings.ToLower(s[p:q])] {
		return false
	}
	return q > p && (q == t.end || !asciiWord[s[q]])
}

// spacedEllipsis matches ". . ." (one token in PTB).
func (t *tokenizer) spacedEllipsis(p int) int {
	s := t.s
	if p+5 <= t.end && s[p:p+5] == ". . ." {
		return p + 5
	}
	return p
}

// tag matches an SGML/HTML tag such as <tweet id="1"> or </a>, which CoreNLP
// keeps as one token even with spaces inside.
func (t *tokenizer) tag(p int) int {
	s := t.s
	if p+2 >= t.end {
		return p
	}
	c := s[p+1]
	if !(c == '/' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return p
	}
	lim := min(t.end, p+2048)
	for q := p + 2; q < lim; q++ {
		switch s[q] {
		case '>':
			return q + 1
		case '<':
			return p
		}
	}
	return p
}

// url matches http://, https:// and www. addresses up to the next space,
// leaving trailing punctuation to the sentence.
func (t *tokenizer) url(p int) int {
	s := t.s[p:t.end]
	if !(hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") || hasPrefixFold(s, "www.") && len(s) > 4 && asciiWord[s[4]]) {
		return p
	}
	q := p
	for q < t.end && !t.spaceAt(q) && t.s[q] != '<' {
		_, n := t.runeAt(q)
		q += n
	}
	for q > p {
		c := t.s[q-1]
		if c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ']' {
			q--
			continue
		}
		if r, n := utf8.DecodeLastRuneInString(t.s[p:q]); r == '”' || r == '’' {
			q -= n
			continue
		}
		break
	}
	return q
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// email matches an e-mail address starting at p, or returns p. The scan
// is bounded (addresses are short), which keeps tokenizing linear.
func (t *tokenizer) email(p int) int {
	s := t.s
	lim := min(t.end, p+256)
	q := p
	for q < lim && (asciiWord[s[q]] || s[q] == '.' || s[q] == '_' || s[q] == '+' || s[q] == '-' || s[q] == '%') {
		q++
	}
	if q == p || q >= lim || s[q] != '@' {
		return p
	}
	q++
	dot, last := -1, q
	for q < lim && (asciiWord[s[q]] || s[q] == '-' || s[q] == '.' && q+1 < lim && asciiWord[s[q+1]]) {
		if s[q] == '.' {
			dot = q
		}
		q++
		last = q
	}
	if dot < 0 || last-dot < 3 {
		return p
	}
	return last
}

// word scans a word starting at p: letters, digits and marks joined by
// in-word connectors (hyphens, apostrophes, the dots of numbers, acronyms and
// domain names, the commas and colons of numbers, slashes, ampersands),
// then splits off clitics and decides whether a following period belongs
// to it (an abbreviation) or is punctuation.
func (t *tokenizer) word(p int) int {
	s := t.s
	q := p
	if s[q] == '-' || s[q] == '+' || s[q] == '\'' || s[q] == '.' {
		q++
	} else if r, n := t.runeAt(q); r == '’' {
		q += n
	}
	apos := -1 // byte offset of the last in-word apostrophe
	for {
		// an alphanumeric run
		for q < t.end {
			c := s[q]
			if c < utf8.RuneSelf {
				if !asciiWord[c] && c != '_' {
					break
				}
				q++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[q:t.end])
			if !isWordRune(r) {
				break
			}
			q += n
		}
		if q >= t.end {
			break
		}
		c := s[q]
		if c == 0xE2 && q+2 < t.end && s[q+1] == 0x80 && s[q+2] == 0x99 { // ’
			if next, _ := t.runeAt(q + 3); isLetter(next) {
				apos = q
				q += 3
				continue
			}
			break
		}
		next, _ := t.runeAt(q + 1)
		ok := false
		switch c {
		case '-':
			ok = isWordRune(next)
		case '\'':
			ok = isLetter(next)
			if ok {
				apos = q
			}
		case '.':
			ok = t.innerDot(q) || q-p == 2 && s[p:q] == "No" && isDigit(byte(next)) // No.1
			if !ok && q+2 < t.end && s[q+1] == '-' && isASCIILetter(s[q+2]) && isAcronym(s[p:q]) {
				q++ // D.C.-based
				ok = true
			}
		case ',':
			ok = isDigit(s[q-1]) && q+3 < t.end+0 && isDigit(s[q+1]) && isDigit(s[q+2]) && isDigit(s[q+3]) &&
				(q+4 >= t.end || !isDigit(s[q+4]))
		case ':':
			ok = isDigit(s[q-1]) && q+1 < t.end && isDigit(s[q+1])
		case '/':
			ok = isWordRune(next) && next != '_'
		case '&':
			ok = isUpper(rune(s[q-1])) && isUpper(next)
		}
		if !ok {
			break
		}
		q++
	}
	if q < t.end && (s[q] == '@' || s[q] == '.') && strings.IndexByte(s[q:min(t.end, q+256)], '@') >= 0 {
		if e := t.email(p); e > q {
			t.emit(p, e, clsWord)
			return e
		}
	}

	// A period after the word: part of an abbreviation, or punctuation.
	if q < t.end && s[q] == '.' && (q+1 >= t.end || s[q+1] != '.') {
		switch t.abbrev(p, q) {
		case abbrKeep:
			t.emit(p, q+1, clsWord)
			return q + 1
		case abbrSplit:
			t.clitics(p, q, apos)
			t.emit(q, q+1, clsBoundary)
			return q + 1
		}
	}
	t.clitics(p, q, apos)
	return q
}

// innerDot decides whether the period at q, after an alphanumeric, stays
// inside the word: decimals (1.6), acronyms (U.S., p.m.), domain names
// (state.gov) and run-together sentences ("Republicans.The"), which CoreNLP
// keeps whole.
func (t *tokenizer) innerDot(q int) bool {
	s := t.s
	if q+1 >= t.end {
		return false
	}
	prev, next := s[q-1], s[q+1]
	if isDigit(prev) && isDigit(next) {
		return true
	}
	return isASCIILetter(prev) && isASCIILetter(next)
}

const (
	abbrNone  = iota // the period is punctuation
	abbrKeep         // the period belongs to the word
	abbrSplit        // an abbreviation ending a sentence: word, then "." as a boundary
)

// abbrev classifies the word s[p:q] followed by a period at q.
func (t *tokenizer) abbrev(p, q int) int {
	s := t.s
	w := s[p:q]
	hyphen := false
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		// Party-state labels (I-Vt., D-N.Y.) keep their period; CoreNLP
		// does not know hyphenated titles (then-Sen.).
		w = w[i+1:]
		hyphen = true
	}
	var k followKind
	switch {
	case titles[w] && !hyphen:
		return abbrKeep
	case w == "No" || w == "no" || w == "Nos" || w == "nos":
		// "No. 1" is an abbreviation, "No." an answer.
		r := q + 1
		for r < t.end && s[r] == ' ' {
			r++
		}
		if r > q+1 && r < t.end && isDigit(s[r]) {
			return abbrKeep
		}
		return abbrNone
	case isAcronym(w):
		if hyphen && (w == "S.C" || w == "N.H") {
			return abbrSplit // a CoreNLP quirk: R-S.C. and D-N.H. lose their period
		}
		k = followAcronym
	case abbrevs[w]:
		k = followAbbrev
		if hyphen {
			k = followLabel
		}
	default:
		return abbrNone
	}
	if t.sentenceFollows(q+1, k) {
		return abbrSplit
	}
	return abbrKeep
}

// followKind selects the evidence sentenceFollows asks for.
type followKind int

const (
	followAcronym followKind = iota // U.S., J.: a word that usually starts sentences
	followAbbrev                    // Calif.: the end, a quote, or a capitalised word
	followLabel                     // I-Vt.: as followAbbrev, or a closing bracket
)

// isAcronym matches letters separated by periods (U.S, p.m, J, Ph.D), the
// form of a word before its final period.
func isAcronym(w string) bool {
	if w == "Ph.D" {
		return true
	}
	for i := 0; i < len(w); i++ {
		if i%2 == 0 {
			if !isASCIILetter(w[i]) {
				return false
			}
		} else if w[i] != '.' {
			return false
		}
	}
	return len(w)%2 == 1
}

// sentenceFollows reports whether a sentence seems to start after the
// period of an abbreviation, which ends at p. The evidence depends on the
// kind of abbreviation, as CoreNLP weighs it: for acronyms and initials,
// since "U.S. Senate" and "George W. Bush" are common, only a following word
// that usually starts sentences; for the others the end of the text, a
// quote right after the period, or a capitalised word.
func (t *tokenizer) sentenceFollows(p int, k followKind) bool {
	s := t.s
	if p >= t.end {
		return k != followAcronym
	}
	r, _ := t.runeAt(p)
	switch r {
	case '"', '”':
		return k != followAcronym
	case ')', ']':
		return k == followLabel
	}
	if !isSpace(r) {
		return false
	}
	nl := false
	for p < t.end {
		r, n := t.runeAt(p)
		if !isSpace(r) {
			break
		}
		nl = nl || r == '\n' || r == '\r'
		p += n
	}
	if p >= t.end {
		return k != followAcronym
	}
	r, _ = t.runeAt(p)
	if k != followAcronym {
		return isUpper(r) || nl && (r == '"' || r == '“' || r == '\'')
	}
	e := p
	for e < t.end && isASCIILetter(s[e]) {
		e++
	}
	if e < t.end && s[e] == '.' && starters[s[p:e+1]] {
		return true
	}
	return starters[s[p:e]] && (e >= t.end || !asciiWord[s[e]])
}

// clitics emits the word s[p:q], splitting off the PTB clitics: 's 're 've
// 'll 'd 'm n't (and the ’ forms), and cannot, gonna, gotta, wanna, gimme,
// lemme.
func (t *tokenizer) clitics(p, q, apos int) {
	s := t.s
	if apos > p {
		alen := 1
		if s[apos] != '\'' {
			alen = 3
		}
		suf := s[apos+alen : q]
		switch len(suf) {
		case 1:
			switch suf[0] | 0x20 {
			case 's', 'd', 'm':
				t.emit(p, apos, clsWord)
				t.emit(apos, q, clsWord)
				return
			case 't':
				if apos-1 > p && s[apos-1]|0x20 == 'n' {
					t.emit(p, apos-1, clsWord)
					t.emit(apos-1, q, clsWord)
					return
				}
			}
		case 2:
			a, b := suf[0]|0x20, suf[1]|0x20
			if a == 'r' && b == 'e' || a == 'v' && b == 'e' || a == 'l' && b == 'l' {
				t.emit(p, apos, clsWord)
				t.emit(apos, q, clsWord)
				return
			}
		}
	}
	if k := unitSuffix(s[p:q]); k > 0 {
		t.emit(p, p+k, clsWord)
		t.emit(p+k, q, clsWord)
		return
	}
	if q-p == 5 || q-p == 6 {
		if k := splitWords[lower6(s[p:q])]; k > 0 {
			t.emit(p, p+k, clsWord)
			t.emit(p+k, q, clsWord)
			return
		}
	}
	t.emit(p, q, clsWord)
}

// unitSuffix returns where the letters start in a time or decimal glued to
// its unit (12:00pm, 2.5million), or 0: CoreNLP splits those, but keeps 6AM
// and 1990s whole.
func unitSuffix(w string) int {
	n, sep := 0, false
	for n < len(w) && (isDigit(w[n]) || (w[n] == ':' || w[n] == '.') && n > 0) {
		sep = sep || w[n] == ':' || w[n] == '.'
		n++
	}
	if !sep || n == len(w) || !isDigit(w[n-1]) {
		return 0
	}
	for i := n; i < len(w); i++ {
		if !isASCIILetter(w[i]) {
			return 0
		}
	}
	return n
}

// lower6 lowercases an ASCII word of at most 6 bytes without allocating
// (the result is only used as a map key).
func lower6(w string) string {
	var b [6]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return string(b[:len(w)])
}

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isLetter(r rune) bool {
	if r < 0 {
		return false
	}
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r))
	}
	return unicode.IsLetter(r)
}

// isWordRune: letters, digits, combining marks and the soft hyphen.
func isWordRune(r rune) bool {
	if r < 0 {
		return false
	}
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == 0xAD
}

// isSpace: Unicode white space, plus control and format characters
// (the debris of pasted web text, which CoreNLP drops too) other than the
// soft hyphen, which stays inside words.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && asciiSpace[r]
	}
	return unicode.IsSpace(r) || unicode.IsControl(r) || r != 0xAD && unicode.Is(unicode.Cf, r)
}

var asciiSpace, asciiWord [256]bool

func init() {
	for c := 0; c < utf8.RuneSelf; c++ {
		asciiSpace[c] = c <= ' ' || c == 0x7F
	}
	for c := 0; c < utf8.RuneSelf; c++ {
		asciiWord[c] = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
}
