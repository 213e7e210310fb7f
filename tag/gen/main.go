// Command gen trains the tagger on the PolNeAR silver analysis and writes
// the model file that package tag embeds. Run it from the tag directory
// (go generate does).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/conllu"
	"github.com/onrecord/onrecord/tag"
)

func main() {
	data := flag.String("data", "../../shared/data/polnear", "PolNeAR directory with train/ and dev/")
	out := flag.String("o", "model.bin.gz", "model file to write")
	seed := flag.Int64("seed", 1, "training seed")
	flag.Parse()
	if err := run(*data, *out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(data, out string, seed int64) error {
	train, err := load(filepath.Join(data, "train"))
	if err != nil {
		return err
	}
	dev, err := load(filepath.Join(data, "dev"))
	if err != nil {
		return err
	}
	t, err := tag.Train(train, dev, seed, os.Stderr)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.Save(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %s (%d bytes)\n", out, buf.Len())
	return nil
}

func load(dir string) ([]*onrecord.Document, error) {
	arts, err := conllu.LoadSplit(dir)
	if err != nil {
		return nil, err
	}
	docs := make([]*onrecord.Document, len(arts))
	for i, a := range arts {
		docs[i] = a.Doc
	}
	return docs, nil
}
