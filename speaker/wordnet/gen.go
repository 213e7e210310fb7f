//go:build ignore

// gen writes person.txt and org.txt, the common nouns whose most frequent
// sense in WordNet is a person (lexicographer file noun.person) or an
// organisation (a kind of organization.n.01), from the WordNet 3.0
// database of Debian's wordnet-base package:
//
//	go run gen.go [-dict /usr/share/wordnet] [-out .]
//
// Only one-word nouns written in letters (and hyphens) are kept: the
// heads of descriptions such as "the broadcaster" or "the firm".
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

const (
	personFile   = "18"       // noun.person
	organization = "08008335" // organization.n.01
)

var word = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

func main() {
	dict := flag.String("dict", "/usr/share/wordnet", "WordNet 3.0 database directory")
	out := flag.String("out", ".", "directory to write person.txt and org.txt to")
	flag.Parse()
	if err := run(*dict, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	lexFile := map[string]string{}     // synset → lexicographer file
	hypernyms := map[string][]string{} // synset → its hypernyms (not instances)
	err := lines(filepath.Join(dir, "data.noun"), func(l string) {
		f := strings.Fields(l)
		if len(f) < 4 || strings.HasPrefix(l, "  ") {
			return
		}
		lexFile[f[0]] = f[1]
		var nw int
		fmt.Sscanf(f[3], "%x", &nw)
		i := 4 + 2*nw
		if i >= len(f) {
			return
		}
		var np int
		fmt.Sscanf(f[i], "%d", &np)
		for p := 0; p < np && i+1+4*p+1 < len(f); p++ {
			if f[i+1+4*p] == "@" {
				hypernyms[f[0]] = append(hypernyms[f[0]], f[i+2+4*p])
			}
		}
	})
	if err != nil {
		return err
	}
	isOrg := map[string]bool{}
	var org func(s string, depth int) bool
	org = func(s string, depth int) bool {
		if s == organization {
			return true
		}
		if v, ok := isOrg[s]; ok || depth > 30 {
			return v
		}
		v := false
		for _, h := range hypernyms[s] {
			v = v || org(h, depth+1)
		}
		isOrg[s] = v
		return v
	}
	var people, orgs []string
	err = lines(filepath.Join(dir, "index.noun"), func(l string) {
		f := strings.Fields(l)
		if len(f) < 4 || strings.HasPrefix(l, "  ") || !word.MatchString(f[0]) {
			return
		}
		// The synsets close the line, the most frequent sense first.
		var senses int
		fmt.Sscanf(f[2], "%d", &senses)
		first := f[len(f)-senses]
		switch {
		case lexFile[first] == personFile:
			people = append(people, f[0])
		case org(first, 0):
			orgs = append(orgs, f[0])
		}
	})
	if err != nil {
		return err
	}
	if err := write(filepath.Join(out, "person.txt"), people); err != nil {
		return err
	}
	return write(filepath.Join(out, "org.txt"), orgs)
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

func write(path string, words []string) error {
	sort.Strings(words)
	if err := os.WriteFile(path, []byte(strings.Join(words, "\n")+"\n"), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
