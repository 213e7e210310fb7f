package acronym

import (
	"reflect"
	"strings"
	"testing"
)

func TestSpells(t *testing.T) {
	for _, c := range []struct {
		acr, name string
		want      bool
	}{
		{"NLF", "Northern Liberation Front", true},
		{"BOE", "Bank of England", true},
		{"NFR", "Notes from Ruritania", true},
		{"FPA", "Fund for Public Art", true}, // "for" gives no letter
		{"UKRC", "UK Rowing Council", true},  // a word in capitals gives all its letters
		{"URC", "UK Rowing Council", true},   // or its first
		{"MEAC", "Marine , Estuary and Arctic Centre", true},
		{"NLF", "Liberation Front", false},
		{"NLF", "Northern Liberation Front Army", false},
		{"NLF", "", false},
	} {
		ws := strings.Fields(c.name)
		if got := spells(c.acr, func(i int) string { return ws[i] }, 0, len(ws)); got != c.want {
			t.Errorf("spells(%q, %q) = %v, want %v", c.acr, c.name, got, c.want)
		}
	}
}

// TestDefs: the shortest run before the parentheses that spells the
// initials, in the same sentence only.
func TestDefs(t *testing.T) {
	for _, c := range []struct {
		text string
		sent []int // sentence of each word; nil: all one
		want []Def
	}{
		{"the Northern Liberation Front ( NLF ) said", nil, []Def{{1, 4, "NLF"}}},
		{"Bank of England ( BoE ) rates", nil, nil}, // "BoE" has a lower-case letter
		{"the U.S. Geological Survey ( U.S.G.S. ) said", nil, []Def{{1, 4, "USGS"}}},
		{"Ruritania ( NR ) said", nil, nil},
		{"Northern . Ruritania ( NR ) said", []int{0, 0, 1, 1, 1, 1, 1}, nil},
		{"Northern , Ruritania ( NR ) said", nil, []Def{{0, 3, "NR"}}},
	} {
		words := strings.Fields(c.text)
		sent := c.sent
		if sent == nil {
			sent = make([]int, len(words))
		}
		got := Defs(len(words), func(i int) string { return words[i] }, func(i int) int { return sent[i] })
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Defs(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
