package attrib

import (
	"strings"
	"testing"

	"github.com/onrecord/onrecord/text"
)

// TestQuotations checks the double-quotation layer on one paragraph: which
// tokens lie inside a quotation (in capitals below), and what is left open.
func TestQuotations(t *testing.T) {
	for _, tt := range []struct {
		text, inside string // inside: the words inside a quotation, marks aside
		open         bool   // left open at the paragraph's end
	}{
		// A nested single quote or an apostrophe keeps the quotation open.
		{"“Then ‘go’ would do it, and the players’ bus left,” he said.", "Then ‘ go ’ would do it , and the players ’ bus left ,", false},
		// Straight marks toggle; the last one opens a quotation the
		// paragraph leaves open.
		{`"We won," Lee said. "They know it`, "We won , They know it", true},
		// A mark touching the word before it and not the one after closes,
		// whatever its shape.
		{"“It is 51 percent.“ he said.", "It is 51 percent .", false},
		// Marks clustered in one token close the inner and the outer quote.
		{"“You called them ‘miracles,’” she said.", "You called them ‘ miracles ,", false},
	} {
		d, err := text.NewDocument("q", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		text.Tokenize(d)
		p := &para{d: d, a: 0, b: len(d.Tokens)}
		p.dq = quotations(d, p.a, p.b, nil, false)
		var in []string
		for i := p.a; i < p.b; i++ {
			if p.state(i) == qIn {
				in = append(in, d.Word(i))
			}
		}
		if got := strings.Join(in, " "); got != tt.inside {
			t.Errorf("%s: inside %q, want %q", tt.text, got, tt.inside)
		}
		if got := p.open() >= 0; got != tt.open {
			t.Errorf("%s: open %v, want %v", tt.text, got, tt.open)
		}
	}
}
