package attrib

import (
	"strings"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
)

// Quotation state: which tokens of a paragraph lie inside double
// quotation marks, read from the marks themselves.

// Double-quotation state of a token: outside, inside, or the mark that
// opens or closes the quotation.
const (
	qOut int8 = iota
	qIn
	qOpen
	qClose
)

// quotations fills dq with the double-quotation state of tokens [a, b), one
// paragraph, each mark read by opens. Single marks inside a quotation
// (nested quotes, apostrophes) leave it open.
// In a document of single-mark style the single marks are the quotations
// and double ones nest inside them (singleQuotations).
func quotations(d *onrecord.Document, a, b int, dq []int8, single bool) []int8 {
	if single {
		return singleQuotations(d, a, b, dq)
	}
	dq = resize(dq, b-a)
	open := false
	for i := a; i < b; i++ {
		w := doubleMark(d.Word(i))
		curly := w == "\u201c" || w == "\u201d"
		if !curly && w != "\"" && w != "''" && w != "``" {
			dq[i-a] = qOut
			if open {
				dq[i-a] = qIn
			}
			continue
		}
		open = opens(d, i, a, b, w, open)
		dq[i-a] = qClose
		if open {
			dq[i-a] = qOpen
		}
	}
	return dq
}

// opens reads double mark i (w) of tokens [a, b): whether a quotation is
// open after it, given whether one was open before. A mark that touches
// the word before it and not the one after closes, and the other way round
// opens, whatever its shape or the state before: scraped news runs
// paragraphs together and reopens a quotation mid-paragraph with no
// closing mark ('… that. "Next …'). Otherwise curly marks open and close
// as drawn and straight ones toggle. The features read marks so too, so
// that the model and the decoder agree on what is quoted.
func opens(d *onrecord.Document, i, a, b int, w string, open bool) bool {
	left := i > a && d.Tokens[i].BStart == d.Tokens[i-1].BEnd
	right := i+1 < b && d.Tokens[i].BEnd == d.Tokens[i+1].BStart
	switch {
	case left && !right:
		return false
	case right && !left:
		return true
	case w == "\u201c" || w == "\u201d" || w == "``":
		return w != "\u201d"
	}
	return !open
}

// doubleMark returns the double mark of a token of quotation marks alone,
// as a cluster closing a nested quote ("’”") is tokenized, or w itself.
func doubleMark(w string) string {
	if len(w) <= 2 || w[0] != '"' && w[0] != '\'' && w[0] != 0xe2 || strings.Trim(w, "\"'\u2018\u2019\u201c\u201d") != "" {
		return w
	}
	if i := strings.IndexAny(w, "\"\u201c\u201d"); i >= 0 {
		_, n := utf8.DecodeRuneInString(w[i:])
		return w[i : i+n]
	}
	return w
}

// para is the paragraph being decoded, tokens [a, b), with the
// double-quotation state of each.
type para struct {
	d      *onrecord.Document
	a, b   int
	dq     []int8
	single bool // quotations are in single marks (singleStyle)
}

func (p *para) state(i int) int8 { return p.dq[i-p.a] }

// inQuote tells whether token i lies inside a quotation or opens one.
func (p *para) inQuote(i int) bool { s := p.state(i); return s == qIn || s == qOpen }

// opening returns the opening mark of the quotation that token i lies in,
// opens or closes, or -1 when i stands outside quotations.
func (p *para) opening(i int) int {
	if p.state(i) == qClose {
		i--
	}
	for ; i >= p.a; i-- {
		switch p.state(i) {
		case qOpen:
			return i
		case qOut, qClose:
			return -1
		}
	}
	return -1
}

// open returns the opening mark of the quotation left open at the end of
// the paragraph, or -1: news style leaves it open when the next paragraph
// carries the quotation on, or when the quotation ends with the paragraph.
func (p *para) open() int {
	if !p.inQuote(p.b - 1) {
		return -1
	}
	return p.opening(p.b - 1)
}

// quoted tells whether a segment holds a quotation mark: a double one, or
// in a paragraph of single-mark style a single one that opens or closes.
func quoted(p *para, s segment) bool {
	if strings.ContainsAny(p.d.Text[p.d.Tokens[s.a].BStart:p.d.Tokens[s.b-1].BEnd], quoteMarks) {
		return true
	}
	for i := s.a; p.single && i < s.b; i++ {
		if st := p.state(i); st == qOpen || st == qClose {
			return true
		}
	}
	return false
}

const quoteMarks = "\"\u201c\u201d"

func isOpening(w string) bool { return w == "\"" || w == "\u201c" }
