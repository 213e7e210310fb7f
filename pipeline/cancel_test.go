package pipeline

import (
	"context"
	"errors"
	"math"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/text"
)

// cancelAfter is a context that reports itself cancelled once Err has been
// asked n times: it ends an extraction at a chosen stage boundary.
type cancelAfter struct {
	context.Context
	n atomic.Int32
}

func (c *cancelAfter) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

func TestExtractStopsBetweenStages(t *testing.T) {
	p := loadPipeline(t)
	raw := "The mayor said on Monday that the bridge would reopen. \"We are nearly done,\" she told reporters."
	for n := range 6 {
		d, err := text.NewDocument("doc", []byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		ctx := &cancelAfter{Context: context.Background()}
		ctx.n.Store(int32(n))
		if n == 5 {
			ctx.n.Store(math.MaxInt32) // never: the stages look inside too
		}
		err = p.Extract(ctx, d)
		if n < 5 {
			// Cancelled before stage n: the stages before it ran, no later one.
			if !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), "doc: ") {
				t.Fatalf("cancelled before stage %d: err %v, want doc: context canceled", n, err)
			}
			if got := len(d.Tokens) > 0; got != (n >= 1) {
				t.Errorf("cancelled before stage %d: tokens %v", n, got)
			}
			if got := len(d.Quotes) > 0; got != (n >= 4) {
				t.Errorf("cancelled before stage %d: quotes %v", n, got)
			}
			for _, q := range d.Quotes {
				if q.Speaker != nil {
					t.Errorf("cancelled before the speakers: %+v has one", q)
				}
			}
			continue
		}
		if err != nil || len(d.Quotes) == 0 {
			t.Fatalf("not cancelled: err %v, %d quotes", err, len(d.Quotes))
		}
	}
}

func TestExtractRefusesOverLimit(t *testing.T) {
	p := loadPipeline(t)
	d := &onrecord.Document{ID: "big", Text: strings.Repeat("a", text.DefaultMaxBytes+1)}
	if err := p.Extract(context.Background(), d); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err %v, want ErrTooLarge", err)
	}
}

func loadPipeline(t *testing.T) *Pipeline {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestExtractStopsInsideAnalysis cancels a long text between two chunks of
// sentences of the tagger: the first chunk is tagged, the rest is not, and
// sentences are put back whole.
func TestExtractStopsInsideAnalysis(t *testing.T) {
	p := loadPipeline(t)
	raw := strings.Repeat("The mayor said the bridge would reopen. ", 3*sentenceChunk)
	d, err := text.NewDocument("long", []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	ctx := &cancelAfter{Context: context.Background()}
	ctx.n.Store(2) // before tokenizing, before the tagger's first chunk
	if err := p.Extract(ctx, d); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context canceled", err)
	}
	if len(d.Sents) < 3*sentenceChunk {
		t.Fatalf("%d sentences after the stop, want all %d", len(d.Sents), 3*sentenceChunk)
	}
	first, later := d.Sents[sentenceChunk-1], d.Sents[sentenceChunk]
	if d.Tokens[first.Start].Tag == "" || d.Tokens[later.Start].Tag != "" {
		t.Errorf("tags: last sentence of the first chunk %q, first of the next %q; want tagged, then not",
			d.Tokens[first.Start].Tag, d.Tokens[later.Start].Tag)
	}
}

// countErr is a context that counts how often Err is asked.
type countErr struct {
	context.Context
	n atomic.Int32
}

func (c *countErr) Err() error {
	c.n.Add(1)
	return nil
}

// TestExtractStopsInsideAttributionsAndSpeakers cancels a long text at the
// first look at the context inside the attribution stage, then inside the
// speakers' analysis, then at the last look of the speakers: the
// attributions stop after the first 64 paragraphs; the speakers stop
// before any is named, then after a multiple of 64 sources.
func TestExtractStopsInsideAttributionsAndSpeakers(t *testing.T) {
	p := loadPipeline(t)
	const paras = 3 * 64
	raw := strings.Repeat("\"We are nearly done with the bridge,\" Mayor Ann Weber said on Monday.\n\n", paras)
	newDoc := func() *onrecord.Document {
		d, err := text.NewDocument("long", []byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	full := newDoc()
	count := &countErr{Context: context.Background()}
	if err := p.Extract(count, full); err != nil {
		t.Fatal(err)
	}
	if len(full.Quotes) != paras {
		t.Fatalf("%d attributions, want one a paragraph (%d)", len(full.Quotes), paras)
	}
	chunks := (len(full.Sents) + sentenceChunk - 1) / sentenceChunk
	// Looks before: tokenize, the tagger's and parser's chunks, the
	// attributions' start; then two inside them (paragraphs 64 and 128)
	// and the speakers' start.
	inAttrib := int32(1 + 2*chunks + 1)
	inSpeakers := inAttrib + 2 + 1
	last := count.n.Load() - 1 // the speakers' last, at source 128
	if last < inSpeakers+1 {
		t.Fatalf("%d looks at the context in a whole extraction, want more than %d", last+1, inSpeakers+1)
	}

	d := newDoc()
	ctx := &cancelAfter{Context: context.Background()}
	ctx.n.Store(inAttrib)
	if err := p.Extract(ctx, d); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled inside the attributions: err %v", err)
	}
	if len(d.Quotes) != 64 {
		t.Errorf("cancelled inside the attributions: %d attributions, want those of the first 64 paragraphs", len(d.Quotes))
	}
	for _, q := range d.Quotes {
		if q.Speaker != nil {
			t.Fatalf("cancelled before the speakers: %+v has one", q)
		}
	}

	for _, c := range []struct {
		name      string
		at        int32
		min, most int
	}{
		{"inside the speakers' analysis", inSpeakers, 0, 0},
		{"at the speakers' last look", last, 1, 128},
	} {
		d = newDoc()
		ctx = &cancelAfter{Context: context.Background()}
		ctx.n.Store(c.at)
		if err := p.Extract(ctx, d); !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled %s: err %v", c.name, err)
		}
		named := 0
		for _, q := range d.Quotes {
			if q.Speaker != nil {
				named++
			}
		}
		if len(d.Quotes) != paras || named < c.min || named > c.most {
			t.Errorf("cancelled %s: %d of %d attributions named, want %d to %d of %d", c.name, named, len(d.Quotes), c.min, c.most, paras)
		}
	}
}

// A stage that panics on one document costs that document alone: Run
// reports it as the document's error and goes on, in input order.
func TestRunContainsPanics(t *testing.T) {
	docs := func(yield func(*onrecord.Document, error) bool) {
		for _, id := range []string{"a", "b", "c"} {
			if !yield(&onrecord.Document{ID: id}, nil) {
				return
			}
		}
	}
	stage := func(_ context.Context, d *onrecord.Document) error {
		if d.ID == "b" {
			var toks []onrecord.Token
			_ = toks[len(d.ID)] // out of range
		}
		return nil
	}
	var got []string
	err := Run(context.Background(), docs, 2, stage, func(r Result) error {
		switch {
		case r.Err == nil:
			got = append(got, r.Doc.ID+" ok")
		case strings.Contains(r.Err.Error(), "b: internal error"):
			got = append(got, r.Doc.ID+" contained")
		default:
			got = append(got, r.Doc.ID+" "+r.Err.Error())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "a ok,b contained,c ok"; strings.Join(got, ",") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}
