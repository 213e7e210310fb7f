package text

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
)

// NewDocument checks raw and wraps it in a Document: Text is raw unchanged,
// Date comes from a leading "date YYYY-MM-DD " header, and Body covers the
// article after that header and before trailing boilerplate link lines
// ("ALSO READ: ...", "Click here to ...", "Follow us on ..."); without
// either, Body is the whole text. It returns an
// error naming id for binary input (NUL bytes), invalid UTF-8, empty or
// whitespace-only input, and an impossible date in the header.
func NewDocument(id string, raw []byte) (*onrecord.Document, error) {
	if err := checkBinary(id, raw); err != nil {
		return nil, err
	}
	if !utf8.Valid(raw) {
		return nil, fmt.Errorf("%s: %w at byte offset %d", id, ErrInvalidUTF8, invalidAt(raw))
	}
	text := string(raw)
	if leadingSpace(text) == len(text) {
		return nil, fmt.Errorf("%s: empty document", id)
	}
	start := 0 // byte offset of the body
	date, after, found, err := dateHeader(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", id, err)
	}
	if found {
		start = after + leadingSpace(text[after:])
		if start == len(text) {
			return nil, fmt.Errorf("%s: no text after the date header", id)
		}
	}
	end := bodyEnd(text, start)
	cs := utf8.RuneCountInString(text[:start])
	return &onrecord.Document{
		ID:   id,
		Date: date,
		Text: text,
		Body: onrecord.Span{Start: cs, End: cs + utf8.RuneCountInString(text[start:end])},
	}, nil
}

// ErrInvalidUTF8 is in the error for a text that is not UTF-8, which a
// caller can answer with the hint to name the text's encoding.
var ErrInvalidUTF8 = errors.New("invalid UTF-8")

// checkBinary rejects content with a NUL byte, which no text has.
func checkBinary(id string, raw []byte) error {
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return fmt.Errorf("%s: binary content (NUL byte at offset %d)", id, i)
	}
	return nil
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// leadingSpace measures the white space (in the tokenizer's sense, which
// includes control characters) at the start of s.
func leadingSpace(s string) int {
	return len(s) - len(strings.TrimLeftFunc(s, isSpace))
}

// dateHeader reads "date YYYY-MM-DD" after optional white space at the
// start of text, followed by white space or the end. It returns the date
// and the byte offset after it; found is false when there is no header. A
// header whose date does not exist is an error.
func dateHeader(text string) (date string, after int, found bool, err error) {
	i := leadingSpace(text)
	const word = "date "
	if len(text) < i+len(word)+10 || !strings.EqualFold(text[i:i+len(word)], word) {
		return "", 0, false, nil
	}
	j := i + len(word)
	d := text[j : j+10]
	if !isDateShape(d) {
		return "", 0, false, nil
	}
	if r, _ := utf8.DecodeRuneInString(text[j+10:]); j+10 < len(text) && !unicode.IsSpace(r) {
		return "", 0, false, nil
	}
	if err := checkDate(d); err != nil {
		return "", 0, false, fmt.Errorf("date header: %w", err)
	}
	return d, j + 10, true, nil
}

// isDateShape matches DDDD-DD-DD.
func isDateShape(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != 4 && i != 7 && !isDigit(s[i]) {
			return false
		}
	}
	return true
}

var errDate = errors.New("want a date as YYYY-MM-DD")

// checkDate accepts an existing calendar date written YYYY-MM-DD.
func checkDate(s string) error {
	if !isDateShape(s) {
		return fmt.Errorf("%w, got %q", errDate, s)
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return fmt.Errorf("bad date %q: %w", s, err)
	}
	return nil
}

// bodyEnd returns the byte offset where the body ends: the end of the text
// or, when trailing boilerplate lines were cut, the end of the last line
// before them. The first line of the body always stays.
func bodyEnd(text string, start int) int {
	end, cut := len(text), false
	for {
		trimmed := strings.TrimRightFunc(text[start:end], isSpace)
		lineStart := strings.LastIndexAny(trimmed, "\n\r") + 1
		if lineStart == 0 || !isBoilerplate(trimmed[lineStart:]) {
			// A text of nothing but such lines is all body: the reader
			// asked for it.
			if cut && trimmed != "" {
				return start + len(trimmed)
			}
			return len(text)
		}
		end, cut = start+lineStart, true
	}
}

// boilerplateLead are line openings that mark a link or promotion that
// news sites append to articles, whatever follows them.
var boilerplateLead = []string{
	"also read", "read more", "read also", "must read", "also see", "also watch",
	"click here", "tap here", "follow us", "like us on", "join us on", "join our",
	"subscribe to", "subscribe now", "sign up for", "download the", "get the latest",
	"you may also like", "you might also like", "don't miss", "don’t miss", "catch all the",
	"read the rest", "read the full", "read full", "(with inputs from", "with inputs from",
	"all rights reserved", "copyright ©", "©", "advertisement", "story continues below",
}

// boilerplateLabel are openings that mark boilerplate only as a label,
// followed by a separator (":", "|", a dash) — "Related: ..." but not
// "Related charges were filed".
var boilerplateLabel = []string{
	"related", "related stories", "related articles", "related news", "recommended",
	"see also", "watch", "watch video", "video", "trending", "more", "more stories",
	"tags", "listen", "also", "photos", "explore more", "top stories", "latest news",
}

// isBoilerplate reports whether one line of text is a trailing link line.
func isBoilerplate(line string) bool {
	line = strings.TrimLeft(strings.TrimSpace(line), "•*>-–—·» ")
	if line == "" || len(line) > 400 {
		return false
	}
	lower := strings.ToLower(line)
	for _, p := range boilerplateLead {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	for _, p := range boilerplateLabel {
		if rest, ok := strings.CutPrefix(lower, p); ok {
			rest = strings.TrimLeft(rest, " \t")
			if rest == "" || strings.ContainsRune(":|-–—>»", []rune(rest)[0]) {
				return true
			}
		}
	}
	// "Follow Jane Doe on Twitter @janedoe"
	if strings.HasPrefix(lower, "follow ") && len(line) < 200 {
		for _, site := range []string{"twitter", "facebook", "instagram", "@"} {
			if strings.Contains(lower, site) {
				return true
			}
		}
	}
	return false
}

// dateLayouts are the forms of a date ParseDate reads besides YYYY-MM-DD:
// timestamps, and dates as newsrooms write them. Day-first and month-first
// all-numeric forms (03/04/2024) are ambiguous and left out.
var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006/01/02",
	time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC,
	"January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "January 2 2006", "Jan 2 2006",
	"Monday, January 2, 2006", "Mon, January 2, 2006", "Mon, Jan 2, 2006",
	"2 January 2006", "2 Jan 2006", "2 Jan. 2006", "Monday, 2 January 2006", "Mon, 2 Jan 2006",
	"January 2, 2006 3:04 PM", "Jan 2, 2006 3:04 PM", "January 2, 2006, 3:04 PM",
}

// ParseDate reads a date written YYYY-MM-DD or in one of dateLayouts and
// returns it as YYYY-MM-DD; ok is false for anything else, and for a day
// that does not exist.
func ParseDate(s string) (date string, ok bool) {
	s = strings.Join(strings.Fields(s), " ")
	if checkDate(s) == nil {
		return s, true
	}
	s = strings.Replace(s, "Sept", "Sep", 1) // the AP's abbreviation, unknown to package time
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}
