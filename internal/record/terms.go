package record

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A term is a word of a text as both stores index and search it. Both
// full-text engines are given the terms ready made (SQLite's FTS5 splits
// them on spaces with its ascii tokenizer; PostgreSQL reads them as a
// tsvector literal), so that their own tokenizers and stemmers, which
// differ on apostrophes, periods and suffixes, never decide what matches.
type term struct {
	text       string // normalised: see normTerm
	start, end int    // byte offsets of the word in the text
}

// maxTermBytes caps a term below PostgreSQL's limit on a lexeme (2 KB), so
// that no run of letters makes a quote unstorable.
const maxTermBytes = 120

// terms splits s into words: runs of letters, digits and combining marks,
// where an apostrophe between two such characters is part of the word
// ("it's", "Trump’s", "don't") and so is a period between single letters
// or between digits ("U.S.", "e.g.", "3.5"). Anything else separates words:
// hyphens, dashes, slashes, quote marks, emoji. Words that normalise to
// nothing are dropped.
func terms(s string) []term {
	var out []term
	start := -1 // byte offset of the word being read, -1 between words
	seg := 0    // letters since the word's start or its last joining period
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if wordRune(r) {
			if start < 0 {
				start, seg = i-size, 0
			}
			seg++
			continue
		}
		if start >= 0 && joins(s, i-size, i, seg) {
			seg = 0
			continue
		}
		if start >= 0 {
			out = appendTerm(out, s, start, i-size)
			start = -1
		}
	}
	if start >= 0 {
		out = appendTerm(out, s, start, len(s))
	}
	return out
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r)
}

// joins reports whether the character s[i:j], inside a word whose current
// segment has seg characters, joins the word to the next character.
func joins(s string, i, j, seg int) bool {
	next, _ := utf8.DecodeRuneInString(s[j:])
	if !wordRune(next) {
		return false
	}
	switch r, _ := utf8.DecodeRuneInString(s[i:j]); r {
	case '\'', '’', 'ʼ':
		return true
	case '.':
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		return seg == 1 && unicode.IsLetter(prev) && unicode.IsLetter(next) || unicode.IsDigit(prev) && unicode.IsDigit(next)
	}
	return false
}

func appendTerm(out []term, s string, start, end int) []term {
	if t := normTerm(s[start:end]); t != "" {
		out = append(out, term{t, start, end})
	}
	return out
}

// normTerm folds a word: compatibility forms and diacritics removed ("ﬁ",
// "é"), lower case, joining apostrophes and periods dropped ("U.S." →
// "us"), then an English plural or possessive ending removed (stem).
func normTerm(w string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(w) {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	t := stem(b.String())
	if len(t) > maxTermBytes {
		t = t[:maxTermBytes]
		for !utf8.ValidString(t) {
			t = t[:len(t)-1]
		}
	}
	return t
}

// stem removes the plural and possessive endings of English words by
// Harman's S-stemmer rules ("policies" → "policy", "trump's" → "trump",
// "votes" → "vote", "its" → "it"), and nothing else: a light stemmer keeps
// "apologize" and "apologized" apart but never merges unrelated words.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 3 && strings.HasSuffix(w, "ies") && !strings.HasSuffix(w, "eies") && !strings.HasSuffix(w, "aies"):
		return w[:n-3] + "y"
	case n > 2 && strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "aes") && !strings.HasSuffix(w, "ees") && !strings.HasSuffix(w, "oes"):
		return w[:n-1]
	case n > 1 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "ss"):
		return w[:n-1]
	}
	return w
}

// IndexText is the text of content's terms, separated by spaces, that the
// SQLite store indexes with FTS5's ascii tokenizer: terms hold no ASCII
// punctuation, so that tokenizer splits exactly at the spaces.
func IndexText(content string) string {
	return joinTerms(content, func(_ int, t string) string { return t })
}

// TSVector is content's terms as a PostgreSQL tsvector literal with their
// positions ('term':1 'other':2), which PostgreSQL stores as given: terms
// hold neither quote marks nor backslashes.
func TSVector(content string) string {
	return joinTerms(content, func(i int, t string) string { return "'" + t + "':" + strconv.Itoa(i+1) })
}

// joinTerms joins content's terms, each written by write with its index,
// with spaces.
func joinTerms(content string, write func(i int, t string) string) string {
	ts := terms(content)
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = write(i, t.text)
	}
	return strings.Join(parts, " ")
}
