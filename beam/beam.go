// Package beam is onrecord's extraction as an Apache Beam pipeline, so that a
// corpus too large for one machine runs on Dataflow, Flink or Spark, and
// locally on the Prism runner. It reads articles as `onrecord extract` does
// (text.Read), extracts them with the pipeline package, writes the same
// JSONL records in shards, and aggregates the record across articles with the
// stores' own logic (internal/record): the same quotation reported by several
// articles is one quote, and speaker names resolve to canonical speakers.
package beam

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // plain paths, as on Prism
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/record"
	"github.com/onrecord/onrecord/output"
	"github.com/onrecord/onrecord/pipeline"
	"github.com/onrecord/onrecord/text"
)

func init() {
	register.DoFn4x1[context.Context, fileio.FileMetadata, func(Article), func(DeadLetter), error](&readFn{})
	register.DoFn4x1[context.Context, Article, func(Record), func(DeadLetter), error](&extractFn{})
	register.Emitter1[Article]()
	register.Emitter1[Record]()
	register.Emitter1[DeadLetter]()
}

// Options name the pipeline's input and outputs.
type Options struct {
	Input  string // a file glob (local path or a Beam filesystem URL such as gs://)
	JSONL  bool   // the files hold {"id","text","date"} a line instead of one article each
	Output string // prefix of the outputs PREFIX-{extract,quotes,speakers,dead}-SSSSS-of-NNNNN.jsonl
	Shards int    // number of extract shards; < 1 means 1
}

// Article is a document as read, before analysis: what a worker needs to
// rebuild the onrecord.Document that `onrecord extract` would analyse.
type Article struct {
	ID, Date, Text string
	BodyStart      int
	BodyEnd        int
}

// DeadLetter is an input that could not be read or extracted: the file or
// document it came from and why. Nothing else is dropped.
type DeadLetter struct {
	ID    string `json:"id"`
	Error string `json:"error"`
}

// Record is one extracted article: its `onrecord extract` JSONL line and
// its attributions as the stores encode them.
type Record struct {
	ID   string
	Line string // without the newline
	Occs []Occurrence
}

// Occurrence is one attribution of an article as a store keys it.
type Occurrence struct {
	Article     string
	Date        string
	Seq         int
	Key         string // record.Occurrence.Key: matches the same quotation across articles
	Content     string
	SpeakerName string // "" for no speaker
	SpeakerType string
}

// Outputs are the pipeline's PCollections, for callers that add their own
// transforms beside (or, with no Options.Output, instead of) the files.
type Outputs struct {
	Records  beam.PCollection // Record
	Dead     beam.PCollection // DeadLetter
	Quotes   beam.PCollection // string: a Quote as JSON
	Speakers beam.PCollection // string: an onrecord.SpeakerStat as JSON
}

// Build adds the pipeline to s. With opt.Output empty it writes nothing and
// only returns the PCollections.
func Build(s beam.Scope, opt Options) Outputs {
	files := fileio.MatchFiles(s, opt.Input, fileio.MatchEmptyDisallow())
	arts, readDead := beam.ParDo2(s, &readFn{JSONL: opt.JSONL}, files)
	// A file is read by one worker; the reshuffle spreads its articles
	// over all workers for the expensive extraction.
	arts = beam.Reshuffle(s, arts)
	recs, extractDead := beam.ParDo2(s, &extractFn{}, arts)
	out := Outputs{Records: recs, Dead: beam.Flatten(s, readDead, extractDead)}
	out.Quotes, out.Speakers = aggregate(s.Scope("aggregate"), recs)
	if opt.Output != "" {
		shards := max(opt.Shards, 1)
		writeShards(s.Scope("extract"), opt.Output+"-extract", ".jsonl", shards, beam.ParDo(s, recordLine, recs))
		writeShards(s.Scope("dead"), opt.Output+"-dead", ".jsonl", 1, beam.ParDo(s, deadLine, out.Dead))
		writeShards(s.Scope("quotes"), opt.Output+"-quotes", ".jsonl", 1, out.Quotes)
		writeShards(s.Scope("speakers"), opt.Output+"-speakers", ".jsonl", 1, out.Speakers)
	}
	return out
}

// readFn reads the articles of one file with text.Read, the reader of
// `onrecord extract`, so that IDs, dates, bodies and errors are the CLI's.
type readFn struct {
	JSONL bool
}

func (fn *readFn) ProcessElement(ctx context.Context, f fileio.FileMetadata, emit func(Article), dead func(DeadLetter)) error {
	path, cleanup, err := localCopy(ctx, f.Path)
	if err != nil {
		// A worker that cannot fetch a file fails the bundle, so that the
		// runner retries it instead of losing the file's articles.
		return err
	}
	defer cleanup()
	for d, err := range text.Read([]string{path}, text.ReadOptions{JSONL: fn.JSONL}) {
		if err != nil {
			msg := strings.ReplaceAll(err.Error(), path, f.Path)
			dead(DeadLetter{ID: f.Path, Error: msg})
			continue
		}
		emit(Article{ID: d.ID, Date: d.Date, Text: d.Text, BodyStart: d.Body.Start, BodyEnd: d.Body.End})
	}
	return nil
}

// localCopy returns a local path holding the file at path: path itself
// when it is on the local filesystem, else a copy under a temporary
// directory with the same base name (text.Read takes the ID and date of a
// .txt article from its name); cleanup removes the copy.
func localCopy(ctx context.Context, path string) (local string, cleanup func(), err error) {
	if !strings.Contains(path, "://") {
		return path, func() {}, nil
	}
	fsys, err := filesystem.New(ctx, path)
	if err != nil {
		return "", nil, fmt.Errorf("open filesystem of %s: %w", path, err)
	}
	defer fsys.Close()
	r, err := fsys.OpenRead(ctx, path)
	if err != nil {
		return "", nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer r.Close()
	dir, err := os.MkdirTemp("", "onrecord-beam-")
	if err != nil {
		return "", nil, fmt.Errorf("copy %s: %w", path, err)
	}
	cleanup = func() { os.RemoveAll(dir) }
	local = filepath.Join(dir, filepath.Base(path))
	w, err := os.Create(local)
	if err == nil {
		_, err = io.Copy(w, r)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		cleanup()
		return "", nil, fmt.Errorf("copy %s: %w", path, err)
	}
	return local, cleanup, nil
}

// The models load once per worker process, however many bundles and DoFn
// instances run there; a Pipeline is read-only and safe for concurrent use.
var (
	modelsOnce sync.Once
	models     *pipeline.Pipeline
	modelsErr  error
)

func loadModels() (*pipeline.Pipeline, error) {
	modelsOnce.Do(func() {
		models, modelsErr = pipeline.Default()
		if modelsErr != nil {
			modelsErr = fmt.Errorf("load the embedded models: %w", modelsErr)
		}
	})
	return models, modelsErr
}

// extractFn runs pipeline.Extract on each article and encodes it as
// `onrecord extract` does. A runner may hand a worker its articles in one
// bundle at a time (Prism does), so the articles are extracted in batches
// over all cores with pipeline.Run; the batch bounds what is held.
type extractFn struct {
	p   *pipeline.Pipeline
	buf []*onrecord.Document
}

func (fn *extractFn) Setup() error {
	p, err := loadModels()
	fn.p = p
	return err
}

func (fn *extractFn) ProcessElement(ctx context.Context, a Article, emit func(Record), dead func(DeadLetter)) error {
	fn.buf = append(fn.buf, &onrecord.Document{ID: a.ID, Date: a.Date, Text: a.Text, Body: onrecord.Span{Start: a.BodyStart, End: a.BodyEnd}})
	if len(fn.buf) < 4*runtime.GOMAXPROCS(0) {
		return nil
	}
	return fn.flush(ctx, emit, dead)
}

func (fn *extractFn) FinishBundle(ctx context.Context, emit func(Record), dead func(DeadLetter)) error {
	return fn.flush(ctx, emit, dead)
}

// flush extracts the buffered articles; Run calls back on this goroutine,
// where the emitters may be used.
func (fn *extractFn) flush(ctx context.Context, emit func(Record), dead func(DeadLetter)) error {
	docs := fn.buf
	fn.buf = nil
	in := func(yield func(*onrecord.Document, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
	err := pipeline.Run(ctx, in, 0, fn.p.Extract, func(r pipeline.Result) error {
		rec, err := r.Doc, r.Err
		if err == nil {
			var out Record
			if out, err = encode(rec); err == nil {
				emit(out)
				return nil
			}
		}
		dead(DeadLetter{ID: rec.ID, Error: fmt.Sprintf("extract %s: %v", rec.ID, err)})
		return nil
	})
	if err != nil {
		return fmt.Errorf("extract a batch of %d articles: %w", len(docs), err)
	}
	return nil
}

// encode is the Record of an extracted document.
func encode(d *onrecord.Document) (Record, error) {
	line, err := Line(d)
	if err != nil {
		return Record{}, err
	}
	rec := Record{ID: d.ID, Line: line}
	for i := range d.Quotes {
		o, err := record.NewOccurrence(d, i)
		if err != nil {
			return Record{}, fmt.Errorf("encode %s: %w", d.ID, err)
		}
		if o.Key == "" {
			continue // the stores keep no attribution without letters or digits
		}
		occ := Occurrence{Article: d.ID, Date: d.Date, Seq: i, Key: o.Key, Content: o.Content}
		if sp := d.Quotes[i].Speaker; sp != nil {
			occ.SpeakerName, occ.SpeakerType = sp.Name, sp.Type
		}
		rec.Occs = append(rec.Occs, occ)
	}
	return rec, nil
}

// Line is d's `onrecord extract --format jsonl` record without its newline.
func Line(d *onrecord.Document) (string, error) {
	var buf bytes.Buffer
	w, err := output.New("jsonl", &buf, output.Options{})
	if err != nil {
		return "", fmt.Errorf("jsonl writer: %w", err)
	}
	if err := w.Write(d); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", fmt.Errorf("jsonl of %s: %w", d.ID, err)
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}

func recordLine(r Record) string { return r.Line }

func deadLine(d DeadLetter) (string, error) { return jsonLine(d) }

func init() {
	register.Function1x1(recordLine)
	register.Function1x2(deadLine)
}
