package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/output"
	"github.com/onrecord/onrecord/pipeline"
	"github.com/onrecord/onrecord/text"
	"golang.org/x/term"
	"golang.org/x/text/encoding/htmlindex"
)

// flags makes a flag set whose help goes to w (stderr, or stdout for
// "onrecord help COMMAND").
func flags(name string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("onrecord "+name, flag.ContinueOnError)
	fs.SetOutput(w)
	return fs
}

// parse parses args, allowing flags after positional arguments
// ("onrecord extract dir --format text"). -h prints the command's help
// and returns errHelp; a bad flag is a usage error saying what is wrong.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	out := fs.Output()
	// The flag package would print the error and every flag; run prints
	// the error and the command's usage line instead.
	fs.SetOutput(io.Discard)
	defer fs.SetOutput(out)
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(out)
				var printFlags func()
				fs.VisitAll(func(*flag.Flag) { printFlags = fs.PrintDefaults })
				help(out, strings.TrimPrefix(fs.Name(), "onrecord "), printFlags)
				return nil, errHelp
			}
			return nil, usageErr("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// inputFlags are the flags shared by the commands that read articles.
type inputFlags struct {
	input    string
	encoding string
	jobs     int
}

// inputFormats are the values of --input.
var inputFormats = []string{"text", "html", "jsonl"}

func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.input, "input", "text", "input format: text (.txt files; .html, .htm files and web pages are read as HTML), html (every input is an HTML page) or jsonl ({\"id\",\"text\",\"date\"} a line, .jsonl files)")
	fs.StringVar(&f.encoding, "encoding", "", "character encoding of the input when it is not UTF-8: latin1, windows-1252, iso-8859-15, utf-16, shift_jis, ... (any WHATWG encoding label)")
	fs.IntVar(&f.jobs, "j", 0, "documents processed in parallel (default: all cores)")
}

// documents reads the articles named by args. With no args and a terminal on
// stdin, it yields the bundled example article.
func (f *inputFlags) documents(args []string, stdin io.Reader, stderr io.Writer) (iter.Seq2[*onrecord.Document, error], error) {
	if !slices.Contains(inputFormats, f.input) {
		return nil, usageErr("--input must be one of %s, not %q", strings.Join(inputFormats, ", "), f.input)
	}
	opt := text.ReadOptions{JSONL: f.input == "jsonl", HTML: f.input == "html", Stdin: stdin, Warn: func(err error) {
		stderrMu.Lock()
		defer stderrMu.Unlock()
		if isTerminal(stderr) {
			fmt.Fprint(stderr, "\r\033[K") // off the progress line
		}
		fmt.Fprintf(stderr, "onrecord: warning: %v\n", err)
	}}
	if f.encoding != "" {
		enc, err := htmlindex.Get(f.encoding)
		if err != nil {
			return nil, usageErr("unknown --encoding %q: want an encoding name such as utf-8, latin1 (iso-8859-1), windows-1252, iso-8859-15, utf-16le, shift_jis", f.encoding)
		}
		opt.Encoding = enc
	}
	if len(args) == 0 && isTerminal(stdin) {
		fmt.Fprintf(stderr, "onrecord: no input given; using the bundled example article %s\n", onrecord.ExampleID)
		return func(yield func(*onrecord.Document, error) bool) {
			yield(text.NewDocument(onrecord.ExampleID, []byte(onrecord.Example)))
		}, nil
	}
	return text.Read(args, opt), nil
}

// isTerminal reports whether x is a terminal. /dev/null, a pipe or a file
// is not: a character device is not enough (cron and CI give /dev/null).
func isTerminal(x any) bool {
	f, ok := x.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// useColor honours NO_COLOR (https://no-color.org): colours only on a
// terminal, and not when NO_COLOR is set to anything.
func useColor(terminal bool) bool {
	return terminal && os.Getenv("NO_COLOR") == ""
}

// interruptible returns a context cancelled by Ctrl-C.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

// stderrMu orders the writes to stderr of the reader (warnings) and of
// process (errors, progress), which run in different goroutines.
var stderrMu sync.Mutex

// process runs stage over docs, reporting each failed document on stderr
// and progress when stderr is a terminal; handle gets every processed
// document in input order.
func process(ctx context.Context, stage pipeline.Stage, docs iter.Seq2[*onrecord.Document, error], jobs int, stderr io.Writer, handle func(*onrecord.Document) error) error {
	prog := newProgress(stderr)
	failed, hinted := 0, false
	err := pipeline.Run(ctx, docs, jobs, stage, func(r pipeline.Result) error {
		if r.Err == nil {
			if err := handle(r.Doc); err != nil {
				return err
			}
		}
		stderrMu.Lock()
		defer stderrMu.Unlock()
		if r.Err != nil {
			failed++
			prog.clear()
			fmt.Fprintf(stderr, "onrecord: %v\n", r.Err)
			if errors.Is(r.Err, text.ErrInvalidUTF8) && !hinted {
				hinted = true
				fmt.Fprintln(stderr, "onrecord: hint: name the input's encoding with --encoding, e.g. --encoding windows-1252 for an old Western European archive")
			}
		}
		prog.tick(failed)
		return nil
	})
	stderrMu.Lock()
	prog.done(failed)
	stderrMu.Unlock()
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d", errFailed, failed)
	}
	return nil
}

func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flags("extract", stderr)
	var in inputFlags
	in.register(fs)
	format := fs.String("format", "", "output: jsonl (default when stdout is not a terminal), text (default on a terminal), csv (a row an attribution) or brat")
	out := fs.String("out", "", "directory for --format brat (.ann and .txt per document)")
	args, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *format == "" {
		*format = "jsonl"
		if isTerminal(stdout) {
			*format = "text"
		}
	}
	if !slices.Contains(output.Formats(), *format) {
		return usageErr("--format must be one of %s, not %q", strings.Join(output.Formats(), ", "), *format)
	}
	if *format == "brat" && *out == "" {
		return usageErr("--format brat writes files: name their directory with --out DIR")
	}
	if isTerminal(stdout) {
		// The output is on the terminal: a progress line on stderr, the same
		// terminal, would be written over it. Hidden from isTerminal, stderr
		// still gets the errors and warnings.
		stderr = struct{ io.Writer }{stderr}
	}
	docs, err := in.documents(args, stdin, stderr)
	if err != nil {
		return err
	}
	w, err := output.New(*format, stdout, output.Options{Dir: *out, Color: useColor(isTerminal(stdout))})
	if err != nil {
		return err
	}
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	ctx, cancel := interruptible()
	defer cancel()
	err = process(ctx, p.Extract, docs, in.jobs, stderr, w.Write)
	if cerr := w.Close(); err == nil && cerr != nil {
		err = cerr
	}
	return err
}

// progress prints a one-line count on a terminal, at most every 200 ms.
type progress struct {
	w     io.Writer
	on    bool
	n     int
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer) *progress {
	return &progress{w: w, on: isTerminal(w), start: time.Now()}
}

func (p *progress) tick(failed int) {
	p.n++
	if !p.on || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.w, "\r%d documents, %d failed, %.1f/s ", p.n, failed, float64(p.n)/time.Since(p.start).Seconds())
}

func (p *progress) clear() {
	if p.on && !p.last.IsZero() {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func (p *progress) done(failed int) {
	if p.on && !p.last.IsZero() {
		p.clear()
		fmt.Fprintf(p.w, "%d documents, %d failed, %s\n", p.n, failed, time.Since(p.start).Round(time.Millisecond))
	}
}
