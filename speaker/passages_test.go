package speaker

import (
	"os"
	"strings"
	"testing"
)

// TestPassages checks real dev passages (silver analysis, gold sources):
// the first source written as src at or after code point `from` in article
// id must resolve to name and typ; name "" means no speaker.
func TestPassages(t *testing.T) {
	if _, err := os.Stat(polnear + "/dev"); err != nil {
		t.Skip("PolNeAR data not available")
	}
	arts, err := goldSplit("dev")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		id, src   string
		from      int
		name, typ string
	}{
		{"breitbart_2016-09-12_stealth-over-health-hillary-clin", "The New York Post", 0, "New York Post", Organization},
		{"breitbart_2016-09-12_stealth-over-health-hillary-clin", "The Post", 0, "New York Post", Organization},
		{"breitbart_2016-09-12_stealth-over-health-hillary-clin", "sources", 0, "", ""},
		{"huff-post_2016-09-22_trump-the-dealmaker-could-addres", "Sen. Lindsey Graham (R-S.C.)", 0, "Lindsey Graham", Person},
		{"huff-post_2016-09-22_trump-the-dealmaker-could-addres", "the South Carolina senator", 0, "Lindsey Graham", Person},
		{"huff-post_2016-09-27_hillary-clinton-goes-after-donal", "Brian Fallon, the campaign’s press secretary,", 0, "Brian Fallon", Person},
		{"huff-post_2016-09-27_hillary-clinton-goes-after-donal", "the Clinton campaign", 0, "Clinton campaign", Other},
		{"huff-post_2016-09-27_hillary-clinton-goes-after-donal", "Trump campaign spokesman Jason Miller", 0, "Jason Miller", Person},
		{"huff-post_2016-09-27_hillary-clinton-goes-after-donal", "Obama’s aides", 0, "", ""},
		{"breitbart_2016-09-30_the-latest-trump-urges-supporter", "Clinton spokesman Nick Merrill", 0, "Nick Merrill", Person},
		{"breitbart_2016-09-30_the-latest-trump-urges-supporter", "A spokeswoman for Hillary Clinton", 0, "Hillary Clinton", Person},
		{"breitbart_2016-09-30_the-latest-trump-urges-supporter", "Donald Trump’s campaign", 0, "Trump campaign", Other},
		{"breitbart_2016-10-03_the-latest-trump-s-leaked-taxes-", "White House spokesman Josh Earnest", 0, "Josh Earnest", Person},
		{"nyt_2016-09-08_obama-on-climate-change-the-tren", "Mrs. Clinton", 0, "Hillary Clinton", Person},
		{"nyt_2016-09-08_obama-on-climate-change-the-tren", "Mr. Deese", 0, "Brian Deese", Person},
		{"nyt_2016-09-08_obama-on-climate-change-the-tren", "Benjamin J. Rhodes, one of the president's closest aides,", 0, "Benjamin J. Rhodes", Person},
		// The silver tree makes the name an nmod of the title.
		{"wash-post_2016-09-10_outrage-but-few-options-on-the-t", "Secretary of State John F. Kerry", 0, "John F. Kerry", Person},
		// "Johnnie Wilson, of Springfield, Va., said he had fought ... He said"
		{"nyt_2016-09-25_obama-says-african-american-muse", "He", 6000, "Johnnie Wilson", Person},
		// "Mr. Obama learned from the experience. ... he said."
		{"nyt_2016-09-08_obama-on-climate-change-the-tren", "he", 0, "Obama", Person},
		// "Sen. David Perdue (R-Ga.) said ... “It’s not what worked in 2012 ...,” he said."
		{"huff-post_2016-09-27_hillary-clinton-goes-after-donal", "he", 0, "David Perdue", Person},
	}
	byID := map[string]int{}
	for i, a := range arts {
		byID[a.Doc.ID] = i
	}
	for _, c := range cases {
		i, ok := byID[c.id]
		if !ok {
			t.Errorf("%s: no such dev article", c.id)
			continue
		}
		d := arts[i].Doc
		Resolve(d)
		found := false
		for _, q := range d.Quotes {
			if len(q.Source) == 0 || q.Source[0].Start < c.from {
				continue
			}
			var parts []string
			for _, s := range q.Source {
				parts = append(parts, d.Slice(s))
			}
			if strings.Join(parts, " ") != c.src {
				continue
			}
			found = true
			got, typ := "", ""
			if q.Speaker != nil {
				got, typ = q.Speaker.Name, q.Speaker.Type
			}
			if got != c.name || typ != c.typ {
				t.Errorf("%s: %q from %d → %q (%s), want %q (%s)", c.id, c.src, c.from, got, typ, c.name, c.typ)
			}
			break
		}
		if !found {
			t.Errorf("%s: source %q from %d not found", c.id, c.src, c.from)
		}
	}
}
