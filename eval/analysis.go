package eval

import (
	"fmt"
	"io"
	"strings"

	"github.com/onrecord/onrecord"
)

// AnalysisResult compares a predicted text analysis with the silver one.
type AnalysisResult struct {
	Docs, DocsMissing int // silver documents; of those, without a prediction
	Tokens            PRF // token boundaries: tokens equal by (start, end)
	Sents             PRF // sentence boundaries: sentences equal by (start, end)
	// Over tokens whose offsets match silver:
	POS float64 // share with the silver tag
	UAS float64 // share whose head is the silver head (by its offsets), or both roots
	LAS float64 // UAS and the silver label

	SilverTokens, PredTokens, MatchedTokens int
	SilverSents, PredSents, MatchedSents    int
}

// ScoreAnalysis scores pred against silver, pairing documents by ID; a
// prediction with no silver document is ignored. Offsets are code points.
// Figures are rounded to four places like Score's.
func ScoreAnalysis(silver, pred []*onrecord.Document) AnalysisResult {
	byID := make(map[string]*onrecord.Document, len(pred))
	for _, d := range pred {
		byID[d.ID] = d
	}
	var r AnalysisResult
	var pos, uas, las int
	for _, s := range silver {
		r.Docs++
		r.SilverTokens += len(s.Tokens)
		ss := sentSpans(s)
		r.SilverSents += len(ss)
		p, ok := byID[s.ID]
		if !ok {
			r.DocsMissing++
			continue
		}
		r.PredTokens += len(p.Tokens)
		ps := sentSpans(p)
		r.PredSents += len(ps)
		silverSent := make(map[onrecord.Span]bool, len(ss))
		for _, x := range ss {
			silverSent[x] = true
		}
		for _, x := range ps {
			if silverSent[x] {
				r.MatchedSents++
				delete(silverSent, x) // a duplicate predicted sentence matches once
			}
		}
		silverTok := make(map[onrecord.Span]int, len(s.Tokens))
		for i, t := range s.Tokens {
			silverTok[tokSpan(t)] = i
		}
		for _, t := range p.Tokens {
			si, ok := silverTok[tokSpan(t)]
			if !ok {
				continue
			}
			delete(silverTok, tokSpan(t))
			r.MatchedTokens++
			st := s.Tokens[si]
			if t.Tag == st.Tag {
				pos++
			}
			ph, okP := headSpan(p, t.Head)
			sh, okS := headSpan(s, st.Head)
			if okP && okS && ph == sh {
				uas++
				if t.Dep == st.Dep {
					las++
				}
			}
		}
	}
	r.Tokens = prf(r.MatchedTokens, r.PredTokens, r.MatchedTokens, r.SilverTokens)
	r.Sents = prf(r.MatchedSents, r.PredSents, r.MatchedSents, r.SilverSents)
	r.POS = ratio(pos, r.MatchedTokens)
	r.UAS = ratio(uas, r.MatchedTokens)
	r.LAS = ratio(las, r.MatchedTokens)
	return r
}

func tokSpan(t onrecord.Token) onrecord.Span {
	return onrecord.Span{Start: int(t.Start), End: int(t.End)}
}

// root stands for "no head" when heads are compared by offsets.
var root = onrecord.Span{Start: -1, End: -1}

// headSpan gives the offsets of head token h of d (root for -1); false
// when h points nowhere.
func headSpan(d *onrecord.Document, h int32) (onrecord.Span, bool) {
	if h == -1 {
		return root, true
	}
	if h < 0 || int(h) >= len(d.Tokens) {
		return onrecord.Span{}, false
	}
	return tokSpan(d.Tokens[h]), true
}

// sentSpans gives each sentence as the code-point range of its tokens;
// sentences with no tokens or out of range are left out.
func sentSpans(d *onrecord.Document) []onrecord.Span {
	out := make([]onrecord.Span, 0, len(d.Sents))
	for _, s := range d.Sents {
		if s.Start < 0 || s.End <= s.Start || int(s.End) > len(d.Tokens) {
			continue
		}
		out = append(out, onrecord.Span{Start: int(d.Tokens[s.Start].Start), End: int(d.Tokens[s.End-1].End)})
	}
	return out
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return pyRound4(float64(a) / float64(b))
}

// Print writes the figures, one line each.
func (r AnalysisResult) Print(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-16s %d (missing %d)\n", "docs", r.Docs, r.DocsMissing)
	fmt.Fprintf(&b, "%-16s %s silver %d pred %d matched %d\n", "tokens", r.Tokens.py('\''), r.SilverTokens, r.PredTokens, r.MatchedTokens)
	fmt.Fprintf(&b, "%-16s %s silver %d pred %d matched %d\n", "sentences", r.Sents.py('\''), r.SilverSents, r.PredSents, r.MatchedSents)
	fmt.Fprintf(&b, "%-16s %s\n", "pos_accuracy", pyFloat(r.POS))
	fmt.Fprintf(&b, "%-16s %s\n", "uas", pyFloat(r.UAS))
	fmt.Fprintf(&b, "%-16s %s\n", "las", pyFloat(r.LAS))
	_, err := io.WriteString(w, b.String())
	return err
}
