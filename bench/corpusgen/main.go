// Command corpusgen writes a synthetic news corpus for bench/corpus.sh: n
// articles, one JSONL record ({"id","text","date"}) a line, each built from
// the paragraphs of one source article with a few paragraphs of another
// spliced in at a random place, so that articles differ from one another
// while keeping the length and the quotes of real news. The same flags give
// the same bytes.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	n := flag.Int("n", 10000, "number of articles")
	src := flag.String("src", "../shared/data/polnear/train/text", "folder of source articles (*.txt)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if err := run(*n, *src, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "corpusgen:", err)
		os.Exit(1)
	}
}

func run(n int, src string, seed uint64) error {
	files, err := filepath.Glob(filepath.Join(src, "*.txt"))
	if err != nil {
		return err
	}
	if len(files) < 2 {
		return fmt.Errorf("%s: want at least two *.txt articles", src)
	}
	arts := make([][]string, len(files))
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		arts[i] = strings.Split(strings.TrimSpace(string(raw)), "\n\n")
	}
	rng := rand.New(rand.NewPCG(seed, 0))
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	type record struct {
		ID   string `json:"id"`
		Text string `json:"text"`
		Date string `json:"date"`
	}
	for i := 0; i < n; i++ {
		a, b := arts[i%len(arts)], arts[rng.IntN(len(arts))]
		// Up to three consecutive paragraphs of b go in at a random
		// paragraph boundary of a.
		k := rng.IntN(len(b))
		spliced := b[k:min(k+1+rng.IntN(3), len(b))]
		at := rng.IntN(len(a) + 1)
		paras := make([]string, 0, len(a)+len(spliced))
		paras = append(append(append(paras, a[:at]...), spliced...), a[at:]...)
		date := fmt.Sprintf("2016-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28))
		if err := enc.Encode(record{ID: fmt.Sprintf("gen-%06d", i), Text: strings.Join(paras, "\n\n"), Date: date}); err != nil {
			return err
		}
	}
	return w.Flush()
}
