package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
)

// TestNewsSpeakers runs passages from other desks than politics, written
// for this test, through the whole pipeline and checks who each source is:
// descriptions resolve to the person or organisation they describe,
// surnames to the fullest name, spokespeople to whom they speak for, and a
// description with no one named gives no speaker.
func TestNewsSpeakers(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ source, name, typ string } // name "" for no speaker
	tests := []struct {
		name, text string
		want       []want
	}{
		{
			name: "entertainment: a description and a label's spokeswoman",
			text: "Pop star Maya Lindqvist has cancelled the rest of her European tour after a vocal cord injury, her record label said on Tuesday.\n\n" +
				"The 34-year-old singer said in a statement that she was \"heartbroken\" to let fans down. \"I have tried everything to make these shows happen, but my doctors have told me I need complete rest,\" Lindqvist said.\n\n" +
				"A spokeswoman for Northlight Records said refunds would be issued within 14 days.\n\n" +
				"Lindqvist added that she hoped to return to the stage next spring.",
			want: []want{
				{"her record label", "", ""},
				{"The 34-year-old singer", "Maya Lindqvist", "person"},
				{"Lindqvist", "Maya Lindqvist", "person"},
				{"A spokeswoman for Northlight Records", "Northlight Records", "organization"},
			},
		},
		{
			name: "sport: a title before the name, a former striker",
			text: "Referee Jane Roe was at the centre of the storm after Saturday's cup final at Wembley.\n\n" +
				"\"I saw the challenge clearly and I stand by the decision,\" Roe told reporters after the match.\n\n" +
				"Harbour City manager Tom Okafor was less forgiving. \"It was never a penalty. Everyone in the stadium could see that,\" the former striker said.\n\n" +
				"An FA spokesman said the governing body would review the incident. Okafor said he would not appeal.",
			want: []want{
				{"Roe", "Jane Roe", "person"},
				{"the former striker", "Tom Okafor", "person"},
				{"An FA spokesman", "FA", "organization"},
				{"Okafor", "Tom Okafor", "person"},
			},
		},
		{
			name: "business: spokespeople",
			text: "Shares in Acme Corp fell 8 percent on Wednesday after the company cut its profit forecast for the year.\n\n" +
				"An Acme spokesperson said no job cuts had been decided. Acme's spokesman, David Ellis, declined to comment further.\n\n" +
				"Analysts at Barclays said the forecast was \"disappointing but not surprising.\"",
			want: []want{
				{"An Acme spokesperson", "Acme", "organization"},
				{"Acme's spokesman, David Ellis,", "David Ellis", "person"},
				{"Analysts at Barclays", "", ""},
			},
		},
		{
			name: "health: a first name the tagger misses, the department",
			text: "Health officials in Ohio confirmed three new cases of measles on Monday.\n\n" +
				"Dr. Priya Raman, the state's chief medical officer, urged parents to check their children's vaccination records. \"Measles spreads very quickly among people who are not vaccinated,\" she said.\n\n" +
				"The Ohio Department of Health said the cases were linked to a school in Columbus. The department said it was contacting families.\n\n" +
				"Raman said the risk to the general public remained low.",
			want: []want{
				{"Health officials in Ohio", "", ""},
				{"she", "Priya Raman", "person"},
				{"The Ohio Department of Health", "Ohio Department of Health", "organization"},
				{"The department", "Ohio Department of Health", "organization"},
				{"Raman", "Priya Raman", "person"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &onrecord.Document{ID: "t", Text: tc.text}
			if err := p.Extract(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				q := bySource(d, w.source)
				if q == nil {
					t.Errorf("no attribution with source %q", w.source)
					continue
				}
				got, typ := "", ""
				if q.Speaker != nil {
					got, typ = q.Speaker.Name, q.Speaker.Type
				}
				if got != w.name || typ != w.typ {
					t.Errorf("source %q: speaker %q (%s), want %q (%s)", w.source, got, typ, w.name, w.typ)
				}
			}
		})
	}
}

// bySource is the first attribution whose source reads src.
func bySource(d *onrecord.Document, src string) *onrecord.Attribution {
	for i := range d.Quotes {
		var parts []string
		for _, s := range d.Quotes[i].Source {
			parts = append(parts, d.Slice(s))
		}
		if strings.Join(parts, " ") == src {
			return &d.Quotes[i]
		}
	}
	return nil
}
