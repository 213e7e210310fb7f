package speaker

import "testing"

func TestWordNetNouns(t *testing.T) {
	for _, c := range []struct {
		w           string
		person, org bool
	}{
		{"medallist", true, false}, // from WordNet only
		{"campaigner", true, false},
		{"senator", true, false}, // listed by the rules
		{"firm", false, true},
		{"government", false, true},
		{"family", false, false},     // defined by someone, not named
		{"broadcaster", false, true}, // the rules list it for organisations
		{"archive", false, false},
		{"report", false, false},
	} {
		if got := isPersonNoun(c.w); got != c.person {
			t.Errorf("isPersonNoun(%q) = %v, want %v", c.w, got, c.person)
		}
		if got := isOrgNoun(c.w); got != c.org {
			t.Errorf("isOrgNoun(%q) = %v, want %v", c.w, got, c.org)
		}
	}
}
