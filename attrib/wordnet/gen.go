//go:build ignore

// gen writes verbs.txt, the one-word verbs that have a sense in WordNet's
// lexicographer file verb.communication ("urge", "berate", "reassert"),
// from the WordNet 3.0 database of Debian's wordnet-base package:
//
//	go run gen.go [-dict /usr/share/wordnet] [-out .]
//
// Each line is a verb and "1" when its most frequent sense is one of
// communication, "2" when only a later sense is ("tip", "hit"): the
// attribution rules read the first as a back-off for cue verbs the
// training news rarely uses.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

const communication = "32" // verb.communication

var word = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

func main() {
	dict := flag.String("dict", "/usr/share/wordnet", "WordNet 3.0 database directory")
	out := flag.String("out", ".", "directory to write verbs.txt to")
	flag.Parse()
	if err := run(*dict, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	lexFile := map[string]string{} // synset → lexicographer file
	err := lines(filepath.Join(dir, "data.verb"), func(l string) {
		f := strings.Fields(l)
		if len(f) < 2 || strings.HasPrefix(l, "  ") {
			return
		}
		lexFile[f[0]] = f[1]
	})
	if err != nil {
		return err
	}
	var verbs []string
	err = lines(filepath.Join(dir, "index.verb"), func(l string) {
		f := strings.Fields(l)
		if len(f) < 4 || strings.HasPrefix(l, "  ") || !word.MatchString(f[0]) {
			return
		}
		// The synsets close the line, the most frequent sense first.
		var senses int
		fmt.Sscanf(f[2], "%d", &senses)
		if senses < 1 || senses > len(f) {
			return
		}
		for k, s := range f[len(f)-senses:] {
			if lexFile[s] == communication {
				verbs = append(verbs, fmt.Sprintf("%s %d", f[0], min(k+1, 2)))
				return
			}
		}
	})
	if err != nil {
		return err
	}
	sort.Strings(verbs)
	path := filepath.Join(out, "verbs.txt")
	if err := os.WriteFile(path, []byte(strings.Join(verbs, "\n")+"\n"), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func lines(path string, each func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		each(sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}
