// Command onrecord reports who said what in news articles.
//
//	onrecord extract  [FILES|DIRS|-]     attributions with named speakers
//	onrecord analyze  [FILES|DIRS|-]     tokens, tags and dependencies
//	onrecord eval     GOLD_DIR [PRED]    score against brat gold
//	onrecord train    --data DIR         rebuild the embedded models
//	onrecord ingest   [FILES|DIRS|-]     add articles to the quote record
//	onrecord search   "words"            search the quote record
//	onrecord speakers                    speakers in the record
//	onrecord serve                       JSON API and web page
//
// This package only parses flags and wires the packages together.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

type command struct {
	name, usage string
	run         func(args []string, stdin io.Reader, stdout, stderr io.Writer) error
}

var commands []command

func init() {
	commands = []command{
		{"extract", "[FILES|DIRS|-] [--input jsonl] [--format jsonl|text|csv|brat] [--out DIR] [-j N]", runExtract},
		{"analyze", "[FILES|DIRS|-] | --score SPLIT_DIR", runAnalyze},
		{"eval", "GOLD_DIR [PRED.jsonl] [--json]", runEval},
		{"train", "--data DIR [--models tag,parse,attrib] [--out DIR]", runTrain},
		{"ingest", "[FILES|DIRS|-] [--input jsonl] [--db onrecord.db]", runIngest},
		{"search", "\"words\" [--speaker NAME] [--since DATE] [--until DATE] [--kind KIND] [--db ...]", runSearch},
		{"speakers", "[--top N] [--db ...]", runSpeakers},
		{"serve", "[--addr 127.0.0.1:8080] [--db ...]", runServe},
	}
}

// errFailed reports that some documents failed; each was already named on stderr.
var errFailed = errors.New("some documents failed")

// softMemoryLimit keeps the garbage collector from letting the heap grow
// to twice the embedded models' size on a batch; GOMEMLIMIT overrides it.
const softMemoryLimit = 200 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(args[1:], stdin, stdout, stderr)
		switch {
		case err == nil:
			return 0
		case errors.Is(err, errUsage):
			return 2
		case errors.Is(err, errFailed):
			fmt.Fprintf(stderr, "onrecord %s: %v\n", c.name, err)
			return 1
		default:
			fmt.Fprintf(stderr, "onrecord %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "onrecord: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "onrecord reports who said what in news articles.\n\nUsage:")
	for _, c := range commands {
		fmt.Fprintf(w, "  onrecord %-8s %s\n", c.name, c.usage)
	}
	fmt.Fprintln(w, "\nRun 'onrecord COMMAND -h' for a command's flags.")
}
