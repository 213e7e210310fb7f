package eval

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
)

// SpeakerRef is one hand-checked row: the gold source of an attribution
// (by its offsets) and the full name of the speaker it refers to, or ""
// when it refers to no named entity.
type SpeakerRef struct {
	Doc        string
	Source     onrecord.Span
	SourceText string
	Speaker    string
	Type       string
}

// ReadSpeakerRefs reads the tab-separated hand-checked file: doc,
// source_start, source_end, source_text, speaker ("-" for none), type;
// lines starting with # are comments.
func ReadSpeakerRefs(r io.Reader) ([]SpeakerRef, error) {
	var out []SpeakerRef
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("line %d: %d fields, want 6", line, len(f))
		}
		a, err1 := strconv.Atoi(f[1])
		b, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || a < 0 || b <= a {
			return nil, fmt.Errorf("line %d: bad source offsets %q %q", line, f[1], f[2])
		}
		ref := SpeakerRef{Doc: f[0], Source: onrecord.Span{Start: a, End: b}, SourceText: f[3], Speaker: f[4], Type: f[5]}
		if ref.Speaker == "-" {
			ref.Speaker = ""
		}
		out = append(out, ref)
	}
	return out, sc.Err()
}

// RefResult is speaker accuracy on the hand-checked rows whose gold
// attribution a prediction matches.
type RefResult struct {
	Accuracy Count
	NoGold   int // rows whose source is the source of no gold attribution
	NoMatch  int // rows whose attribution no prediction matched
	Misses   []SpeakerMiss
}

// ScoreSpeakerRefs pairs each row with its gold attribution and that with
// a prediction (the scorer's content matching), and counts the rows whose
// predicted speaker is the hand-checked one: the same name, or no named
// speaker (none, or typed other) where the row has none.
func ScoreSpeakerRefs(refs []SpeakerRef, gold []brat.GoldDoc, preds map[string][]onrecord.Attribution) RefResult {
	var r RefResult
	byID := map[string]int{}
	for i, g := range gold {
		byID[g.ID] = i
	}
	type pairing struct {
		patts  []onrecord.Attribution
		predOf []int
	}
	paired := map[string]pairing{}
	for _, ref := range refs {
		gi, ok := byID[ref.Doc]
		j := -1
		if ok {
			for k, q := range gold[gi].Quotes {
				if n := len(q.Source); n > 0 && q.Source[0].Start == ref.Source.Start && q.Source[n-1].End == ref.Source.End {
					j = k
					break
				}
			}
		}
		if j < 0 {
			r.NoGold++
			continue
		}
		p, ok := paired[ref.Doc]
		if !ok {
			p.patts, p.predOf = pairContents(preds[ref.Doc], gold[gi].Quotes)
			paired[ref.Doc] = p
		}
		i := p.predOf[j]
		if i < 0 {
			r.NoMatch++
			continue
		}
		got, named := "", false
		if s := p.patts[i].Speaker; s != nil {
			got, named = s.Name, s.Type == "person" || s.Type == "organization"
		}
		correct := ref.Speaker == "" && !named || ref.Speaker != "" && SameName(got, ref.Speaker)
		r.Accuracy.add(correct)
		if !correct {
			r.Misses = append(r.Misses, SpeakerMiss{Doc: ref.Doc, Source: ref.Source, Text: ref.SourceText, Expected: ref.Speaker,
				Got: got, GotFrom: sourceText(gold[gi].Text, p.patts[i].Source)})
		}
	}
	return r
}

// sourceText is the text of a predicted source, spaces collapsed, with
// spans in code points as in the .ann files.
func sourceText(text string, ss []onrecord.Span) string {
	var parts []string
	rs := []rune(text)
	for _, s := range ss {
		if 0 <= s.Start && s.Start < s.End && s.End <= len(rs) {
			parts = append(parts, string(rs[s.Start:s.End]))
		}
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// Print writes the hand-checked line of eval.
func (r RefResult) Print(w io.Writer) error {
	_, err := fmt.Fprintf(w, "%-16s %s (%d of %d hand-checked sources, content matched; %d unmatched, %d not gold)\n",
		"speaker_checked", pyFloat(r.Accuracy.Share()), r.Accuracy.Correct, r.Accuracy.Scored, r.NoMatch, r.NoGold)
	return err
}
