package record

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/onrecord/onrecord"
)

// Search is a parsed query of the search language, which both stores run
// from this one tree:
//
//	health care          both words (words are ANDed)
//	"health care"        the phrase: the words next to each other, in order
//	obamacare OR "health care"   either (OR in capitals binds tighter than AND)
//	-repeal -"death panels"      neither this word nor this phrase
//
// Words are matched as terms (see terms): case, accents, apostrophes and
// the periods of abbreviations do not count, nor do plural endings.
type Search struct {
	all [][]phrase // every group must match: one of its phrases
	not []phrase   // no phrase may match
}

// phrase is one or more terms that must occur next to each other.
type phrase []string

// ParseSearch parses a query. A blank query is nil: no words to match. A
// query with no term once normalised (only punctuation or emoji), only
// exclusions, or an OR without a word on each side is an
// onrecord.ErrBadQuery.
func ParseSearch(s string) (*Search, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	q := &Search{}
	or := false // the previous item was OR
	for _, it := range lex(s) {
		switch {
		case it.or:
			if or || len(q.all) == 0 {
				return nil, fmt.Errorf("%w: OR needs a word or phrase on each side in %q", onrecord.ErrBadQuery, s)
			}
			or = true
		case len(it.terms) == 0:
			// a word of punctuation or emoji: nothing to match
			if or {
				return nil, fmt.Errorf("%w: OR needs a word or phrase on each side in %q", onrecord.ErrBadQuery, s)
			}
		case it.not:
			if or {
				return nil, fmt.Errorf("%w: OR cannot join an excluded word in %q", onrecord.ErrBadQuery, s)
			}
			q.not = append(q.not, it.terms)
		case or:
			last := len(q.all) - 1
			q.all[last] = append(q.all[last], it.terms)
			or = false
		default:
			q.all = append(q.all, []phrase{it.terms})
		}
	}
	switch {
	case or:
		return nil, fmt.Errorf("%w: OR needs a word or phrase on each side in %q", onrecord.ErrBadQuery, s)
	case len(q.all) == 0 && len(q.not) > 0:
		return nil, fmt.Errorf("%w: %q only excludes words; give a word to find", onrecord.ErrBadQuery, s)
	case len(q.all) == 0:
		return nil, fmt.Errorf("%w: %q has no word to search for (only punctuation or symbols)", onrecord.ErrBadQuery, s)
	}
	return q, nil
}

// item is a word, a phrase or OR of a query, with its terms.
type item struct {
	terms phrase
	not   bool
	or    bool
}

// lex splits a query into items: runs of non-space characters, or a
// double-quoted phrase (a quote left open runs to the end), either after
// a minus sign that excludes it.
func lex(s string) []item {
	var out []item
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		var it item
		if rs[i] == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			it.not = true
			i++
		}
		var text string
		if isQuote(rs[i]) {
			j := i + 1
			for j < len(rs) && !isQuote(rs[j]) {
				j++
			}
			text = string(rs[i+1 : j])
			i = j + 1
		} else {
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) {
				j++
			}
			text = string(rs[i:j])
			i = j
			if text == "OR" && !it.not {
				out = append(out, item{or: true})
				continue
			}
		}
		for _, t := range terms(text) {
			it.terms = append(it.terms, t.text)
		}
		out = append(out, it)
	}
	return out
}

// isQuote reports whether r delimits a phrase: straight or curly double quotes.
func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' }

// FTS5 is q in SQLite FTS5's query syntax over an IndexText column: every
// term is a quoted string, so no term is FTS5 syntax.
func (q *Search) FTS5() string {
	return q.compile(func(p phrase) string { return `"` + strings.Join(p, " ") + `"` }, " AND ", " OR ", " NOT ")
}

// TSQuery is q as a PostgreSQL tsquery literal over a TSVector column:
// terms are quoted lexemes, a phrase's terms joined by <->.
func (q *Search) TSQuery() string {
	return q.compile(func(p phrase) string {
		parts := make([]string, len(p))
		for i, t := range p {
			parts[i] = "'" + t + "'"
		}
		return "(" + strings.Join(parts, " <-> ") + ")"
	}, " & ", " | ", " & !")
}

// compile writes q in an engine's syntax: how it writes a phrase, and its
// AND, OR and AND NOT.
func (q *Search) compile(ph func(phrase) string, and, or, andNot string) string {
	var b strings.Builder
	for i, g := range q.all {
		if i > 0 {
			b.WriteString(and)
		}
		b.WriteByte('(')
		for j, p := range g {
			if j > 0 {
				b.WriteString(or)
			}
			b.WriteString(ph(p))
		}
		b.WriteByte(')')
	}
	for _, p := range q.not {
		b.WriteString(andNot)
		b.WriteString(ph(p))
	}
	return b.String()
}

// snippetWords is how many words of a long quote a snippet shows.
const snippetWords = 24

// Snippet is content around its first word that the query looks for, with
// every such word in [brackets] and an ellipsis where content is cut; the
// same in both stores, as they share the terms.
func (q *Search) Snippet(content string) string {
	want := map[string]bool{}
	for _, g := range q.all {
		for _, p := range g {
			for _, t := range p {
				want[t] = true
			}
		}
	}
	ts := terms(content)
	first := 0
	for i, t := range ts {
		if want[t.text] {
			first = i
			break
		}
	}
	from := max(0, min(first-snippetWords/4, len(ts)-snippetWords))
	to := min(len(ts), from+snippetWords)
	var b strings.Builder
	pos := 0
	if from > 0 {
		b.WriteString("…")
		pos = ts[from].start
	}
	for _, t := range ts[from:to] {
		if !want[t.text] {
			continue
		}
		b.WriteString(content[pos:t.start])
		b.WriteString("[" + content[t.start:t.end] + "]")
		pos = t.end
	}
	end := len(content)
	if to < len(ts) {
		end = ts[to-1].end
	}
	b.WriteString(content[pos:end])
	if to < len(ts) {
		b.WriteString("…")
	}
	return b.String()
}

// Matches reports whether content matches q as the stores match it: the
// reference against which the store tests check both engines.
func (q *Search) Matches(content string) bool {
	var ts []string
	for _, t := range terms(content) {
		ts = append(ts, t.text)
	}
	has := func(p phrase) bool {
		for i := 0; i+len(p) <= len(ts); i++ {
			if slices.Equal(ts[i:i+len(p)], p) {
				return true
			}
		}
		return false
	}
	for _, g := range q.all {
		if !slices.ContainsFunc(g, has) {
			return false
		}
	}
	return !slices.ContainsFunc(q.not, has)
}
