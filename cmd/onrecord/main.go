// Command onrecord reports who said what in news articles.
//
//	onrecord extract  [FILES|DIRS|URLS|-]  attributions with named speakers
//	onrecord analyze  [FILES|DIRS|-]       tokens, tags and dependencies
//	onrecord eval     GOLD_DIR [PRED]      score against brat gold
//	onrecord train    --data DIR           rebuild the embedded models
//	onrecord ingest   [FILES|DIRS|URLS|-]  add articles to the quote record
//	onrecord search   "words"              search the quote record
//	onrecord speakers                      speakers in the record
//	onrecord serve                         JSON API and web page
//	onrecord help     [COMMAND]            what a command does, with examples
//	onrecord version                       the version of this build
//
// This package only parses flags and wires the packages together.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

type command struct {
	name, usage string
	summary     string // one line, for the command list
	help        string // what it does, with examples, for "onrecord help COMMAND"
	run         func(args []string, stdin io.Reader, stdout, stderr io.Writer) error
}

var commands []command

func init() {
	commands = []command{
		{"extract", "[FILES|DIRS|URLS|-] [--input text|html|jsonl] [--encoding NAME] [--format jsonl|text|csv|brat] [--out DIR] [-j N]",
			"print who said what in each article",
			`Reads articles and prints every attribution (source, cue, content) with its
speaker. Inputs are .txt files, .html/.htm pages, http(s) URLs, directories
(walked for .txt, .html and .htm files) and - for standard input. With no
input and a terminal on stdin, the bundled example article is used.

Examples:
  onrecord extract article.txt
  onrecord extract --format text https://example.com/news/story.html
  onrecord extract corpus/ > quotes.jsonl
  onrecord extract --encoding windows-1252 archive/ > quotes.jsonl
  cat batch.jsonl | onrecord extract --input jsonl -
  onrecord extract --format brat --out ann/ corpus/`, runExtract},
		{"analyze", "[FILES|DIRS|-] | --score SPLIT_DIR [--misses]",
			"print tokens, tags and dependencies",
			`Prints the analysis the attributions are built on, as CoNLL-U, or scores it
against a split directory with silver analyses.

Examples:
  onrecord analyze article.txt
  onrecord analyze --score ../shared/data/polnear/dev`, runAnalyze},
		{"eval", "GOLD_DIR [PRED.jsonl] [--json] [--speakers FILE] [--misses]",
			"score attributions against brat gold",
			`Extracts GOLD_DIR/text (or reads PRED.jsonl, the output of extract) and
scores it against the brat annotations of GOLD_DIR.

Examples:
  onrecord eval ../shared/data/polnear/dev
  onrecord eval --json ../shared/data/polnear/dev pred.jsonl`, runEval},
		{"train", "--data DIR [--models tag,parse,attrib] [--out DIR] [--seed N]",
			"rebuild the embedded models",
			`Trains the tagger, parser and attribution models from a corpus and writes
them where the build embeds them.

Example:
  onrecord train --data ../shared/data/polnear --out .`, runTrain},
		{"ingest", "[FILES|DIRS|URLS|-] [--input text|html|jsonl] [--encoding NAME] [--db onrecord.db]",
			"add articles to the quote record",
			`Extracts articles and stores them with their quotes and speakers in the
record (an SQLite file, created when missing, or a postgres:// URL).
Articles already stored with the same text are skipped. With no input and a
terminal on stdin, the bundled example article is stored.

Examples:
  onrecord ingest corpus/
  onrecord ingest --db postgres://user@localhost/onrecord corpus/
  onrecord ingest --input jsonl --db news.db batch.jsonl`, runIngest},
		{"search", "\"words\" [--speaker NAME] [--since DATE] [--until DATE] [--kind KIND] [--db ...]",
			"search the quote record",
			`Finds quotes in the record by their words, speaker, date and kind. The
record must exist.

Examples:
  onrecord search "health care"
  onrecord search --speaker Holt --since 2024-01-01 pool`, runSearch},
		{"speakers", "[--top N] [--db ...]",
			"list the speakers in the record",
			`Lists the speakers with the most quotes, their type and the names they
appear under. The record must exist.

Example:
  onrecord speakers --top 50 --db news.db`, runSpeakers},
		{"serve", "[--addr 127.0.0.1:8080] [--db ...] [--create]",
			"serve the JSON API and the web page",
			`Serves extraction (POST /v1/extract, text or HTML) and the record's search
over HTTP, with a web page at /. The record must exist unless --create is
given; --db "" serves extraction only.

Examples:
  onrecord serve --db news.db
  onrecord serve --addr :8080 --db "" `, runServe},
		{"version", "", "print the version of this build",
			`Prints the module version and the VCS revision the binary was built from.

Example:
  onrecord version`, runVersion},
	}
}

// errFailed reports that some documents failed; each was already named on stderr.
var errFailed = errors.New("some documents failed")

// errUsage marks a mistake in the command line; usageErr says what it is.
var errUsage = errors.New("usage")

// errHelp reports that a command's help was asked for and printed.
var errHelp = errors.New("help printed")

// usageErr is a usage error whose message says what is wrong and which
// values are valid.
func usageErr(format string, a ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, a...)...)
}

// softMemoryLimit keeps the garbage collector from letting the heap grow
// to twice the embedded models' size on a batch; GOMEMLIMIT overrides it.
const softMemoryLimit = 200 << 20

// serveMemoryLimit is serve's: beside the models, its kept answers (up to
// 32 MB) and a long text's working arrays put the heap at 200 MB, where
// the collector ran without a pause and a 2 MB extraction after a load
// run took 5.5 s of CPU on its thread instead of 4.3 (bench/load -solo).
const serveMemoryLimit = 240 << 20

// setMemoryLimit sets the garbage collector's soft limit to n bytes
// unless GOMEMLIMIT says otherwise.
func setMemoryLimit(n int64) {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(n)
	}
}

func main() {
	setMemoryLimit(softMemoryLimit)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		usage(stdout)
		return 0
	case "-version", "--version":
		name = "version"
	case "help":
		if len(args) == 1 {
			usage(stdout)
			return 0
		}
		name = args[1]
		if find(name) != nil {
			// A command's help goes to stdout when asked for by name.
			stderr = stdout
			args = []string{name, "-h"}
		}
	}
	c := find(name)
	if c == nil {
		fmt.Fprintf(stderr, "onrecord: unknown command %q\n\n", name)
		usage(stderr)
		return 2
	}
	err := c.run(args[1:], stdin, stdout, stderr)
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.Is(err, errUsage):
		msg := strings.TrimPrefix(strings.TrimPrefix(err.Error(), errUsage.Error()), ": ")
		if msg == "" {
			msg = "wrong arguments"
		}
		fmt.Fprintf(stderr, "onrecord %s: %s\nusage: onrecord %s %s\nRun 'onrecord help %s' for more.\n", c.name, msg, c.name, c.usage, c.name)
		return 2
	default:
		fmt.Fprintf(stderr, "onrecord %s: %v\n", c.name, err)
		return 1
	}
}

func find(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "onrecord reports who said what in news articles.\n\nUsage:")
	for _, c := range commands {
		fmt.Fprintf(w, "  onrecord %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'onrecord help COMMAND' (or 'onrecord COMMAND -h') for what a command does, its flags and examples.")
}

// help prints a command's description, examples and flags.
func help(w io.Writer, name string, printFlags func()) {
	c := find(name)
	if c == nil {
		return
	}
	fmt.Fprintf(w, "usage: %s\n\n%s\n", strings.TrimSpace("onrecord "+c.name+" "+c.usage), c.help)
	if printFlags != nil {
		fmt.Fprintln(w, "\nFlags:")
		printFlags()
	}
}

func runVersion(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flags("version", stderr)
	args, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs("version", args); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "onrecord", version())
	return nil
}

// version is the module version (set by go install pkg@version) and, for
// a build from a clone, the VCS revision.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v += " " + s.Value
		case "vcs.modified":
			if s.Value == "true" {
				v += " (modified)"
			}
		}
	}
	return v + " " + bi.GoVersion
}
