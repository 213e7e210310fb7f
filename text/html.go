package text

import (
	"fmt"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/webpage"
)

// NewHTMLDocument reads an HTML page (see webpage.Parse; contentType, which
// may be "", names its charset) into a Document whose Text is the extracted
// article — title, byline, body — so that offsets count into that text, not
// into the HTML. Date is the page's publication date. It returns an error
// naming id for binary input and a page without text.
func NewHTMLDocument(id string, raw []byte, contentType string) (*onrecord.Document, error) {
	if err := checkBinary(id, raw); err != nil {
		return nil, err
	}
	p, err := webpage.Parse(raw, contentType, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", id, err)
	}
	d, err := NewDocument(id, []byte(p.Text))
	if err != nil {
		return nil, err
	}
	if p.Date != "" {
		d.Date = p.Date
	}
	return d, nil
}
