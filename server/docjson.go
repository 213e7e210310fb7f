package server

import (
	"strings"

	"github.com/onrecord/onrecord"
)

// The extract JSON of one document: the object of one line of
// `onrecord extract --format jsonl`. Text is set only where the reader has
// not got the text already (an article read back from the record).
type docJSON struct {
	ID     string      `json:"id"`
	Date   string      `json:"date,omitempty"`
	Text   string      `json:"text,omitempty"`
	Quotes []quoteJSON `json:"quotes"`
}

type quoteJSON struct {
	Kind       onrecord.Kind     `json:"kind"`
	Content    *spanJSON         `json:"content"`
	Cue        *spanJSON         `json:"cue"`
	Source     *spanJSON         `json:"source"`
	Speaker    *onrecord.Speaker `json:"speaker"`
	Confidence float64           `json:"confidence"`
}

// spanJSON is a possibly discontinuous span: Start and End enclose all the
// parts, and Parts lists them only when there are several.
type spanJSON struct {
	Start int      `json:"start"`
	End   int      `json:"end"`
	Text  string   `json:"text"`
	Parts [][2]int `json:"parts,omitempty"`
}

func encodeDoc(d *onrecord.Document, withText bool) docJSON {
	out := docJSON{ID: d.ID, Date: d.Date, Quotes: make([]quoteJSON, 0, len(d.Quotes))}
	if withText {
		out.Text = d.Text
	}
	for _, q := range d.Quotes {
		out.Quotes = append(out.Quotes, quoteJSON{
			Kind:       q.Kind,
			Content:    encodeSpans(d, q.Content),
			Cue:        encodeSpans(d, q.Cue),
			Source:     encodeSpans(d, q.Source),
			Speaker:    q.Speaker,
			Confidence: q.Confidence,
		})
	}
	return out
}

func encodeSpans(d *onrecord.Document, ss []onrecord.Span) *spanJSON {
	if len(ss) == 0 {
		return nil
	}
	s := &spanJSON{Start: ss[0].Start, End: ss[len(ss)-1].End}
	texts := make([]string, len(ss))
	for i, p := range ss {
		texts[i] = d.Slice(p)
	}
	s.Text = strings.Join(texts, " … ")
	if len(ss) > 1 {
		s.Parts = make([][2]int, len(ss))
		for i, p := range ss {
			s.Parts[i] = [2]int{p.Start, p.End}
		}
	}
	return s
}
