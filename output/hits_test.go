package output

import (
	"bytes"
	"testing"

	"github.com/onrecord/onrecord"
)

func TestHits(t *testing.T) {
	hits := []onrecord.Hit{
		{QuoteID: 3, ArticleID: "a1", Date: "2016-09-20", Kind: onrecord.Direct, Content: "We will  win,\nbelieve me",
			Speaker: &onrecord.Speaker{Name: "Donald Trump", Type: "person"}, Source: "Trump", Cue: "said",
			Span: onrecord.Span{Start: 10, End: 35}, Confidence: 0.8125, Articles: 2, Snippet: "We will [win], believe me"},
		{QuoteID: 4, ArticleID: "=a2", Kind: onrecord.Indirect, Content: "-1 is the answer", Cue: "reported", Confidence: 1.7, Articles: 1},
	}
	for _, tc := range []struct {
		format, want string
	}{
		{"jsonl", `{"quote_id":3,"article_id":"a1","date":"2016-09-20","kind":"direct","content":"We will  win,\nbelieve me","speaker":{"name":"Donald Trump","type":"person"},"source":"Trump","cue":"said","span":{"start":10,"end":35},"confidence":0.8125,"articles":2,"snippet":"We will [win], believe me"}
{"quote_id":4,"article_id":"=a2","kind":"indirect","content":"-1 is the answer","speaker":null,"cue":"reported","span":{"start":0,"end":0},"confidence":1,"articles":1}
`},
		{"text", `Donald Trump — direct, a1 2016-09-20, confidence 0.81, in 2 articles
  We will [win], believe me

(no speaker) — indirect, =a2, confidence 1.00
  -1 is the answer

`},
		{"csv", `quote_id,article_id,date,kind,speaker,speaker_type,source,cue,content,content_start,content_end,confidence,articles
3,a1,2016-09-20,direct,Donald Trump,person,Trump,said,"We will win, believe me",10,35,0.812,2
4,'=a2,,indirect,,,,reported,'-1 is the answer,0,0,1.000,1
`},
	} {
		var b bytes.Buffer
		w, err := NewHits(tc.format, &b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			if err := w.Write(h); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if b.String() != tc.want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.format, b.String(), tc.want)
		}
	}
	if _, err := NewHits("brat", &bytes.Buffer{}, Options{}); err == nil {
		t.Error("brat hits: no error")
	}
}
