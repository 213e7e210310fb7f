package speaker

import (
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
		if got := spells(c.acr, strings.Fields(c.name)); got != c.want {
			t.Errorf("spells(%q, %q) = %v, want %v", c.acr, c.name, got, c.want)
		}
	}
}
