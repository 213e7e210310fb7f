package text

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/conllu"
)

const polnear = "../../shared/data/polnear"

func loadSplit(tb testing.TB, split string) []conllu.Article {
	tb.Helper()
	dir := filepath.Join(polnear, split)
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("silver data absent: %v", err)
	}
	arts, err := conllu.LoadSplit(dir)
	if err != nil {
		tb.Fatal(err)
	}
	return arts
}

type prf struct{ tp, fp, fn int }

func (c prf) f1() float64 {
	if c.tp == 0 {
		return 0
	}
	p := float64(c.tp) / float64(c.tp+c.fp)
	r := float64(c.tp) / float64(c.tp+c.fn)
	return 2 * p * r / (p + r)
}

func (c prf) String() string {
	return fmt.Sprintf("F1 %.4f (tp %d fp %d fn %d)", c.f1(), c.tp, c.fp, c.fn)
}

// count adds the matches between gold and predicted spans.
func (c *prf) count(gold, pred []onrecord.Span) {
	in := make(map[onrecord.Span]bool, len(gold))
	for _, s := range gold {
		in[s] = true
	}
	for _, s := range pred {
		if in[s] {
			c.tp++
			delete(in, s)
		} else {
			c.fp++
		}
	}
	c.fn += len(in)
}

func tokenSpans(d *onrecord.Document) []onrecord.Span {
	out := make([]onrecord.Span, len(d.Tokens))
	for i, t := range d.Tokens {
		out[i] = onrecord.Span{Start: int(t.Start), End: int(t.End)}
	}
	return out
}

// paraSentSpans is sentSpans under Tokenize's paragraph rule: every silver
// sentence is also cut at the line breaks inside it. CoreNLP attaches an
// opening ” that starts a paragraph to the sentence before; such a piece
// of bare punctuation joins the sentence it opens.
func paraSentSpans(d *onrecord.Document) []onrecord.Span {
	var out []onrecord.Span
	glue := false // the last span is punctuation opening the next sentence
	for _, s := range d.Sents {
		start := s.Start
		for i := s.Start + 1; i <= s.End; i++ {
			if i < s.End && !strings.ContainsAny(d.Text[d.Tokens[i-1].BEnd:d.Tokens[i].BStart], "\n\r") {
				continue
			}
			sp := onrecord.Span{Start: int(d.Tokens[start].Start), End: int(d.Tokens[i-1].End)}
			if glue {
				out[len(out)-1].End = sp.End
			} else {
				out = append(out, sp)
			}
			glue = i == s.End && start > s.Start && !strings.ContainsFunc(d.Slice(sp), unicode.IsLetter)
			start = i
		}
	}
	return out
}

func sentSpans(d *onrecord.Document) []onrecord.Span {
	out := make([]onrecord.Span, len(d.Sents))
	for i, s := range d.Sents {
		out[i] = onrecord.Span{Start: int(d.Tokens[s.Start].Start), End: int(d.Tokens[s.End-1].End)}
	}
	return out
}

// TestSilverAgreement measures how closely Tokenize reproduces the silver
// CoreNLP tokens and sentences of the dev split (TEXT_SPLIT=train for the
// other one). Set TEXT_DIFF=N (TEXT_SDIFF=N) to print N mismatched tokens
// (sentences) with their context (with -v).
func TestSilverAgreement(t *testing.T) {
	split := os.Getenv("TEXT_SPLIT")
	if split == "" {
		split = "dev"
	}
	arts := loadSplit(t, split)
	show, _ := strconv.Atoi(os.Getenv("TEXT_DIFF"))
	sshow, _ := strconv.Atoi(os.Getenv("TEXT_SDIFF"))
	var tok, sent, para, bodyTok prf
	for _, a := range arts {
		gold := a.Doc
		d := &onrecord.Document{ID: gold.ID, Text: gold.Text, Body: onrecord.Span{Start: 0, End: gold.Runes()}}
		Tokenize(d)
		tok.count(tokenSpans(gold), tokenSpans(d))
		sent.count(sentSpans(gold), sentSpans(d))
		para.count(paraSentSpans(gold), sentSpans(d))
		// as the pipeline sees it: NewDocument's body leaves out link lines
		nd, err := NewDocument(gold.ID, []byte(gold.Text))
		if err != nil {
			t.Fatal(err)
		}
		Tokenize(nd)
		bodyTok.count(tokenSpans(gold), tokenSpans(nd))
		if show > 0 {
			show -= logDiff(t, gold, d, show, tokenSpans)
		}
		if sshow > 0 {
			sshow -= logDiff(t, gold, d, sshow, paraSentSpans)
		}
	}
	t.Logf("%s: %d articles; tokens %v; sentences %v; sentences cut at line breaks %v; tokens in NewDocument bodies %v",
		split, len(arts), tok, sent, para, bodyTok)
	if f := tok.f1(); f < 0.98 {
		t.Errorf("token F1 %.4f below 0.98", f)
	}
	// Tokenize ends a sentence at a line break except after a colon or a
	// time-stamp line, as CoreNLP mostly did; the figure against silver
	// sentences cut at every line break is printed for comparison.
	if f := sent.f1(); f < 0.95 {
		t.Errorf("sentence F1 %.4f below 0.95", f)
	}
}

// logDiff prints up to max places where the predicted tokens differ from
// gold, and returns how many it printed.
func logDiff(t *testing.T, gold, pred *onrecord.Document, max int, spans func(*onrecord.Document) []onrecord.Span) int {
	g, p := spans(gold), spans(pred)
	i, j, n := 0, 0, 0
	for i < len(g) && j < len(p) && n < max {
		if g[i] == p[j] {
			i++
			j++
			continue
		}
		// resynchronise at the next common end
		i2, j2 := i, j
		for i2 < len(g) && j2 < len(p) && g[i2].End != p[j2].End {
			if g[i2].End < p[j2].End {
				i2++
			} else {
				j2++
			}
		}
		i2, j2 = min(i2+1, len(g)), min(j2+1, len(p))
		show := func(sp []onrecord.Span, d *onrecord.Document) string {
			s := ""
			for _, x := range sp {
				s += strconv.Quote(d.Slice(x)) + " "
			}
			return s
		}
		ctx := onrecord.Span{Start: max0(g[i].Start - 30), End: g[min(i2, len(g)-1)].End + 10}
		if ctx.Len() > 300 {
			ctx.End = ctx.Start + 300
		}
		t.Logf("%s @%d  %q\n  gold: %s\n  pred: %s", gold.ID, g[i].Start, gold.Slice(ctx), show(g[i:i2], gold), show(p[j:j2], pred))
		n++
		i, j = i2, j2
	}
	return n
}

func max0(x int) int { return max(x, 0) }
