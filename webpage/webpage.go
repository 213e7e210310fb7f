// Package webpage reads news articles from HTML pages and from the web:
// the article's text, title, byline and date, without the navigation,
// advertising and comments around it.
//
// The article is found by Readability (codeberg.org/readeck/go-readability,
// a Go port of Mozilla's Readability.js, the reader view of Firefox) over
// golang.org/x/net/html, which decodes character references
// ("&ldquo;" is “).
package webpage

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Page is the article of an HTML page.
type Page struct {
	Title  string
	Byline string // the author as the page names them, "" when it does not
	Date   string // publication date as YYYY-MM-DD, "" when the page gives none
	// Text is the title, then the byline when the body does not already
	// carry it, then the article's body, one paragraph a line block, each
	// apart from the next by a blank line. It is the text attributions
	// are found in and their offsets count into.
	Text string
}

// Parse reads an HTML page. Its bytes are decoded by the charset in
// contentType (an HTTP Content-Type, or "") or the page's own <meta>
// charset, UTF-8 by default; pageURL, which may be nil, resolves relative
// links. A page with no text at all is an error.
func Parse(raw []byte, contentType string, pageURL *url.URL) (p *Page, err error) {
	// Readability is a port of JavaScript whose edge cases on malformed
	// pages are not ours to audit; a panic on one page becomes that page's
	// error, so that the other documents are still read.
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, fmt.Errorf("html: reading the article failed: %v", r)
		}
	}()
	doc, err := html.Parse(decode(raw, contentType))
	if err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	// Navigation, asides, footers and forms are never the article; without
	// them a short page Readability finds no article in is read as its text.
	strip(doc, "nav", "aside", "footer", "form")
	parser := readability.NewParser()
	// The page's whole text, kept before Readability rearranges the tree,
	// is the article when Readability finds no article in it (a page
	// holding nothing but a short text).
	whole := ""
	if body := find(doc, "body"); body != nil {
		whole = render.InnerText(body)
	}
	art, err := parser.ParseAndMutate(doc, pageURL)
	if err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	body := ""
	if art.Node != nil {
		body = render.InnerText(art.Node)
	}
	if strings.TrimSpace(body) == "" {
		body = whole
	}
	p = &Page{Title: oneLine(art.Title()), Byline: oneLine(art.Byline())}
	if t, err := art.PublishedTime(); err == nil {
		p.Date = t.Format(time.DateOnly)
	}
	p.Text = p.text(strings.TrimSpace(body))
	if strings.TrimSpace(p.Text) == "" {
		return nil, fmt.Errorf("html: no text in the page")
	}
	return p, nil
}

// decode reads raw as UTF-8, or in the charset contentType names, or
// failing that the one the page's <meta> names. A page in valid UTF-8 is
// read as UTF-8 whatever its <meta> says: pages misdeclared as Latin-1 are
// common, and the <meta> sniffing of x/net/html/charset looks at the first
// kilobyte only, taking an ASCII start for Windows-1252.
func decode(raw []byte, contentType string) io.Reader {
	enc, _, certain := charset.DetermineEncoding(raw, contentType)
	if !certain && utf8.Valid(raw) {
		return bytes.NewReader(raw)
	}
	return enc.NewDecoder().Reader(bytes.NewReader(raw))
}

// text joins the title, byline and body into the document text.
func (p *Page) text(body string) string {
	var b strings.Builder
	add := func(s string) {
		if s == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s)
	}
	// A title the body opens with is not written twice.
	if !strings.HasPrefix(body, p.Title) {
		add(p.Title)
	}
	if p.Byline != "" && !strings.Contains(body, p.Byline) {
		by := p.Byline
		// A bare name ("Jane Roe", from a <meta name="author">) is written
		// the way articles sign; anything else ("Released: May 2, 2022",
		// "By Jane Roe") as the page has it.
		if !strings.ContainsAny(by, "0123456789:") && !strings.HasPrefix(strings.ToLower(by), "by ") {
			by = "By " + by
		}
		add(by)
	}
	add(body)
	return b.String()
}

// strip removes the elements with the given names from n.
func strip(n *html.Node, tags ...string) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && slices.Contains(tags, c.Data) {
			n.RemoveChild(c)
		} else {
			strip(c, tags...)
		}
		c = next
	}
}

// find returns the first element named tag in a depth-first walk of n.
func find(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, tag); f != nil {
			return f
		}
	}
	return nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
