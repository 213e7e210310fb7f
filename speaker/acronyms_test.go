package speaker

import (
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/acronym"
)

// TestInitialsOfDefined: a name with the initials of one the article spelt
// out before its acronym is that organisation ("U.S." giving "US").
func TestInitialsOfDefined(t *testing.T) {
	text := "Analysts agree. The Northern Ruritania Survey Board (NRSB) counted the votes. Later the N.R. Survey Board said the count was fair."
	d := toy(text, nil, []string{"Northern Ruritania Survey Board", "NRSB", "N.R."})
	start := 0
	for i := range d.Tokens {
		if w := d.Word(i); strings.HasSuffix(w, ".") && !acronym.Is(w) || i == len(d.Tokens)-1 {
			d.Sents = append(d.Sents, onrecord.Sentence{Start: int32(start), End: int32(i + 1)})
			start = i + 1
		}
	}
	sourceAt(t, d, "the N.R. Survey Board", 0)
	Resolve(d)
	if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != "Northern Ruritania Survey Board" || sp.Type != Organization {
		t.Errorf("got %+v, want Northern Ruritania Survey Board (organization)", sp)
	}
}

// TestDefinedInitialsOverClass: initials the article defined name that
// organisation even where the tagger classes them alone as a person.
func TestDefinedInitialsOverClass(t *testing.T) {
	text := "The Northern Ruritania Survey Board (NRSB) counted the votes. Later NRSB said the count was fair."
	d := toy(text, nil, []string{"Northern Ruritania Survey Board", "NRSB"})
	for i := range d.Tokens {
		if d.Word(i) == "." {
			start := int32(0)
			if n := len(d.Sents); n > 0 {
				start = d.Sents[n-1].End
			}
			d.Sents = append(d.Sents, onrecord.Sentence{Start: start, End: int32(i + 1)})
		}
	}
	last := len(d.Tokens) - 1
	for d.Word(last) != "NRSB" {
		last--
	}
	d.Tokens[last].NER = "PERSON"
	sourceAt(t, d, "NRSB", 1)
	Resolve(d)
	if sp := d.Quotes[0].Speaker; sp == nil || sp.Name != "Northern Ruritania Survey Board" || sp.Type != Organization {
		t.Errorf("got %+v, want Northern Ruritania Survey Board (organization)", sp)
	}
}
