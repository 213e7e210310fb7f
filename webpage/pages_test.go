package webpage_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/pipeline"
	"github.com/onrecord/onrecord/text"
	"github.com/onrecord/onrecord/webpage"
)

// The pages in testdata/pages were written for these tests, each in
// another layout (a news site with comments, a blog with a sidebar, an old
// table layout in Latin-1, a modern page with JSON-LD and a cookie banner,
// a press release): each gives the attributions of its plain text, the
// article as a reader would copy it, and none of its clutter.
var pages = []struct {
	name, title, byline, date string
	clutter                   []string // text around the article that must not be read
	quotes                    int      // attributions at least
}{
	{"gazette", "Harbor town votes to close its last public pool", "Jane Roe", "2024-03-05",
		[]string{"Obituaries", "Dockside Furniture", "Parks budget shrinks", "Shameful", "Name them", "Privacy"}, 5},
	{"blog", "Robot lawnmowers worry a rural fire chief", "Sam Okafor", "2023-08-17",
		[]string{"Reviews", "Share this", "Obstacle detected", "Leave a Reply", "Drones count sheep", "Gadgets, farms"}, 4},
	{"wire", "Ferry strike ends after 11 days", "", "",
		[]string{"COASTAL NEWS WIRE", "Archive", "Cheap flights", "Reproduction prohibited"}, 4},
	{"modern", "City clinics to open on Sundays from June", "Priya Nair", "2025-04-22",
		[]string{"cookies", "Accept all", "Sign in", "Most read", "Rail fares", "Hospital waiting times", "Advertisement", "Terms"}, 4},
	{"release", "Stonebridge Police Department - News Release", "Released: October 11, 2022", "",
		[]string{"Report a crime", "Join our team", "Share on Facebook", "Great work, officers", "12 Main Street"}, 4},
}

// attr is an attribution by its texts, which do not depend on where the
// article starts in its document.
func attrs(d *onrecord.Document) []string {
	var out []string
	for _, q := range d.Quotes {
		who := "-"
		if q.Speaker != nil {
			who = q.Speaker.Name
		}
		out = append(out, fmt.Sprintf("%s | %s | %s | %s | %s", q.Kind, texts(d, q.Content), texts(d, q.Cue), texts(d, q.Source), who))
	}
	slices.Sort(out)
	return out
}

func texts(d *onrecord.Document, ss []onrecord.Span) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, d.Slice(s))
	}
	return strings.Join(parts, " ... ")
}

func TestPagesAsPlainText(t *testing.T) {
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, pg := range pages {
		t.Run(pg.name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata/pages", pg.name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			plain, err := os.ReadFile(filepath.Join("testdata/pages", pg.name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			page, err := webpage.Parse(raw, "", nil)
			if err != nil {
				t.Fatal(err)
			}
			if page.Title != pg.title || page.Byline != pg.byline || page.Date != pg.date {
				t.Errorf("title %q byline %q date %q, want %q %q %q", page.Title, page.Byline, page.Date, pg.title, pg.byline, pg.date)
			}
			if strings.Contains(page.Text, "&") || strings.Contains(page.Text, "<") {
				t.Errorf("markup or an entity left in the text:\n%s", page.Text)
			}
			// every paragraph of the article is in the page text, whole
			for _, par := range strings.Split(strings.TrimSpace(string(plain)), "\n\n")[1:] {
				if !strings.Contains(page.Text, par) {
					t.Errorf("page text misses the paragraph %q", par)
				}
			}
			fromHTML, err := text.NewHTMLDocument(pg.name, raw, "")
			if err != nil {
				t.Fatal(err)
			}
			fromText, err := text.NewDocument(pg.name, plain)
			if err != nil {
				t.Fatal(err)
			}
			// the article analysed: without trailing boilerplate lines
			body := fromHTML.Slice(fromHTML.Body)
			for _, c := range pg.clutter {
				if strings.Contains(body, c) {
					t.Errorf("article text has %q", c)
				}
			}
			if fromHTML.Date != pg.date {
				t.Errorf("document date %q, want %q", fromHTML.Date, pg.date)
			}
			for _, d := range []*onrecord.Document{fromHTML, fromText} {
				if err := p.Extract(ctx, d); err != nil {
					t.Fatal(err)
				}
			}
			got, want := attrs(fromHTML), attrs(fromText)
			if !slices.Equal(got, want) {
				t.Errorf("attributions of the page:\n  %s\nof its plain text:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
			if len(want) < pg.quotes {
				t.Errorf("%d attributions, want at least %d:\n  %s", len(want), pg.quotes, strings.Join(want, "\n  "))
			}
			curly := false
			for _, a := range got {
				curly = curly || strings.Contains(a, "“")
			}
			if !curly {
				t.Errorf("no quotation in “…” found: %q", got)
			}
		})
	}
}
