package onrecord

import "testing"

func TestTokensIn(t *testing.T) {
	// "He said: yes." as tokens He [0,2) said [3,7) : [7,8) yes [9,12) . [12,13)
	d := &Document{Text: "He said: yes.", Tokens: []Token{
		{Start: 0, End: 2}, {Start: 3, End: 7}, {Start: 7, End: 8}, {Start: 9, End: 12}, {Start: 12, End: 13},
	}}
	for _, c := range []struct {
		s    Span
		i, j int
	}{
		{Span{0, 2}, 0, 1},   // one token exactly
		{Span{1, 5}, 0, 2},   // parts of two tokens
		{Span{2, 3}, 1, 1},   // only the space between them
		{Span{9, 13}, 3, 5},  // to the end
		{Span{4, 4}, 1, 2},   // an empty span inside a token
		{Span{13, 20}, 5, 5}, // past the end
		{Span{0, 13}, 0, 5},  // everything
	} {
		if i, j := d.TokensIn(c.s); i != c.i || j != c.j {
			t.Errorf("TokensIn(%v) = [%d, %d), want [%d, %d)", c.s, i, j, c.i, c.j)
		}
	}
}

// TestTokenCopy checks that a token copy can be analysed without touching
// the original's tokens, and keeps its text and sentences.
func TestTokenCopy(t *testing.T) {
	d := &Document{ID: "d", Text: "He wrote", Tokens: []Token{{Start: 0, End: 2, BEnd: 2, Tag: "PRP"}, {Start: 3, End: 8, BStart: 3, BEnd: 8, Tag: "VBD"}},
		Sents: []Sentence{{Start: 0, End: 2}}}
	c := d.TokenCopy()
	c.Tokens[0].Tag, c.Tokens[0].Head = "NN", 1
	if d.Tokens[0].Tag != "PRP" || d.Tokens[0].Head != 0 {
		t.Errorf("the copy's analysis changed the original: %+v", d.Tokens[0])
	}
	if c.Text != d.Text || c.ID != d.ID || len(c.Sents) != 1 || c.Word(1) != "wrote" {
		t.Errorf("copy %+v lost the document's text or sentences", c)
	}
}
