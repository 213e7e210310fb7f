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
