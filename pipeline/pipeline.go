// Package pipeline runs the stages text → tag → parse → attrib → speaker over
// documents, one at a time or many in parallel with output in input order.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"runtime/debug"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/attrib"
	"github.com/onrecord/onrecord/parse"
	"github.com/onrecord/onrecord/speaker"
	"github.com/onrecord/onrecord/tag"
	"github.com/onrecord/onrecord/text"
)

// Pipeline holds the trained models. It is read-only once built and safe
// for concurrent use by many goroutines.
type Pipeline struct {
	Tagger *tag.Tagger
	Parser *parse.Parser
	Attrib *attrib.Model
}

// Default returns the pipeline over the models embedded in the binary.
func Default() (*Pipeline, error) {
	t, err := tag.Default()
	if err != nil {
		return nil, err
	}
	p, err := parse.Default()
	if err != nil {
		return nil, err
	}
	a, err := attrib.Default()
	if err != nil {
		return nil, err
	}
	return &Pipeline{Tagger: t, Parser: p, Attrib: a}, nil
}

// ErrTooLarge is the error of a document over text.DefaultMaxBytes, the
// one size limit of the command line, the API and Beam: analysing a larger
// text would hold hundreds of megabytes and many seconds of CPU.
var ErrTooLarge = errors.New("document over the size limit")

// sentenceChunk is how many sentences the tagger and parser take between
// two looks at the context, so that a long text's extraction stops soon
// after it is cancelled, not at the end of a stage of several seconds.
const sentenceChunk = 64

// step is one stage of Extract: it returns ctx's error, unrun, once ctx ends.
type step func(context.Context, *onrecord.Document) error

// stages are Extract's steps in order; the first three are the analysis.
func (p *Pipeline) stages() []step {
	return []step{
		whole(text.Tokenize),
		bySentences(p.Tagger.Tag),
		bySentences(p.Parser.Parse),
		func(ctx context.Context, d *onrecord.Document) error {
			d.Quotes = d.Quotes[:0]
			return p.Attrib.ExtractContext(ctx, d)
		},
		speaker.ResolveContext,
	}
}

// whole runs f on the whole document once ctx, checked before, allows it.
func whole(f func(*onrecord.Document)) step {
	return func(ctx context.Context, d *onrecord.Document) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		f(d)
		return nil
	}
}

// bySentences runs f over d's sentences sentenceChunk at a time, checking
// ctx before each chunk; f must treat each sentence on its own, as the
// tagger and parser do. A document without sentences is given to f whole.
func bySentences(f func(*onrecord.Document)) step {
	return func(ctx context.Context, d *onrecord.Document) error {
		all := d.Sents
		defer func() { d.Sents = all }()
		for i := 0; i == 0 || i < len(all); i += sentenceChunk {
			if err := ctx.Err(); err != nil {
				return err
			}
			d.Sents = all[i:min(i+sentenceChunk, len(all))]
			f(d)
		}
		return nil
	}
}

// Analyze tokenizes, tags and parses d, replacing earlier layers.
func (p *Pipeline) Analyze(d *onrecord.Document) {
	for _, stage := range p.stages()[:3] {
		stage(context.Background(), d) // never cancelled: no error
	}
}

// Extract analyses d and fills d.Quotes with its attributions and their
// speakers. It implements onrecord.Extractor. ctx is checked before each
// stage and inside each but tokenizing (every sentenceChunk sentences of
// the tagger and parser, 64 paragraphs of the attributions, the steps of
// the speakers' analysis and 64 sources), so a cancelled extraction stops
// soon.
func (p *Pipeline) Extract(ctx context.Context, d *onrecord.Document) (err error) {
	if len(d.Text) > text.DefaultMaxBytes {
		return fmt.Errorf("%s: %d bytes: %w of %d bytes", d.ID, len(d.Text), ErrTooLarge, text.DefaultMaxBytes)
	}
	defer contain(d, &err)
	for _, stage := range p.stages() {
		if err := stage(ctx, d); err != nil {
			return fmt.Errorf("%s: %w", d.ID, err)
		}
	}
	return nil
}

// Result is one document out of Run: the document, or why it failed.
type Result struct {
	Doc *onrecord.Document
	Err error
}

// contain, deferred, turns a panic into d's error: a bug in one stage
// must cost one document, not the batch.
func contain(d *onrecord.Document, err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: internal error: %v\n%s", d.ID, r, debug.Stack())
	}
}

// runStage applies stage to d, a panic contained (Analyze has no error of
// its own to return).
func runStage(ctx context.Context, stage Stage, d *onrecord.Document) (err error) {
	defer contain(d, &err)
	return stage(ctx, d)
}

// Stage is the work Run does on each document: Pipeline.Extract, or a
// lighter one such as analysis alone.
type Stage func(context.Context, *onrecord.Document) error

// Run applies stage to every document of in with jobs workers (all cores
// when jobs < 1) and calls emit in input order. At most a few documents per
// worker are held at once, so memory stays flat however many there are.
// Reader errors are passed on to emit in their place. Run stops early when
// emit returns an error or ctx ends.
func Run(ctx context.Context, in iter.Seq2[*onrecord.Document, error], jobs int, stage Stage, emit func(Result) error) error {
	if jobs < 1 {
		jobs = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		res  Result
		done chan struct{}
	}
	window := make(chan *job, 4*jobs) // in input order; its size bounds memory
	work := make(chan *job)
	go func() {
		defer close(window)
		defer close(work)
		for d, err := range in {
			j := &job{res: Result{Doc: d, Err: err}, done: make(chan struct{})}
			select {
			case window <- j:
			case <-ctx.Done():
				return
			}
			if err != nil || d == nil {
				close(j.done)
				continue
			}
			select {
			case work <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	for w := 0; w < jobs; w++ {
		go func() {
			for j := range work {
				j.res.Err = runStage(ctx, stage, j.res.Doc)
				close(j.done)
			}
		}()
	}
	for j := range window {
		select {
		case <-j.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := emit(j.res); err != nil {
			return err
		}
	}
	return ctx.Err()
}
