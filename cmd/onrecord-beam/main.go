// Command onrecord-beam runs onrecord's extraction as an Apache Beam
// pipeline (package beam) on Prism locally or on Dataflow, Flink or Spark.
//
// It is a separate binary, not `onrecord beam`, because the Beam SDK parses
// its own flags (--runner, --endpoint, --project, ...) on the process's
// global flag set, and beam.Init must run at the start of main so that the
// same binary can start as a worker on a distributed runner; the onrecord
// CLI parses a flag set per subcommand. Keeping the SDK out of cmd/onrecord
// also keeps its hundreds of packages out of the core binary.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs" // gs:// input and output on Dataflow
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	onbeam "github.com/onrecord/onrecord/beam"
)

func main() {
	var opt onbeam.Options
	flag.StringVar(&opt.Input, "input", "", "articles: a file glob, local or a Beam filesystem URL (gs://)")
	format := flag.String("format", "text", "input format: text (a .txt file an article) or jsonl ({\"id\",\"text\",\"date\"} a line)")
	flag.StringVar(&opt.Output, "output", "", "output prefix: PREFIX-extract-SSSSS-of-NNNNN.jsonl, PREFIX-quotes-…, PREFIX-speakers-…, PREFIX-dead-…")
	flag.IntVar(&opt.Shards, "shards", 4, "number of extract shards")
	// The global flag set holds the SDK's flags beside these; beam.Init,
	// after them, runs the worker instead of returning when this binary is
	// started as one by a distributed runner.
	flag.Parse()
	beam.Init()
	if opt.Input == "" || opt.Output == "" || (*format != "text" && *format != "jsonl") {
		fmt.Fprintln(os.Stderr, "usage: onrecord-beam --input GLOB --output PREFIX [--format text|jsonl] [--shards N] [--runner prism|dataflow|flink|spark ...]")
		os.Exit(2)
	}
	opt.JSONL = *format == "jsonl"
	p, s := beam.NewPipelineWithRoot()
	onbeam.Build(s, opt)
	if err := beamx.Run(context.Background(), p); err != nil {
		fmt.Fprintln(os.Stderr, "onrecord-beam:", err)
		os.Exit(1)
	}
}
