// Command wordnetgen writes the word lists the speaker and attribution rules
// read from WordNet, from the WordNet 3.0 database of Debian's wordnet-base
// package, so that building needs no WordNet:
//
//	go run ./internal/wordnetgen -nouns -out speaker/wordnet   # person.txt, org.txt
//	go run ./internal/wordnetgen -verbs -out attrib/wordnet    # verbs.txt
//
// Only one-word entries written in letters (and hyphens) are kept, by their
// most frequent sense: nouns for a person (lexicographer file noun.person)
// or an organisation (a kind of organization.n.01), the heads of
// descriptions such as "the broadcaster" or "the firm"; verbs of
// communication (verb.communication: "state", "underline"), which the cue
// lexicon, learned from politics, rates low.
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
	personFile    = "18"       // noun.person
	organization  = "08008335" // organization.n.01
	communication = "32"       // verb.communication
)

var word = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

func main() {
	dict := flag.String("dict", "/usr/share/wordnet", "WordNet 3.0 database directory")
	out := flag.String("out", ".", "directory to write the lists to")
	nouns := flag.Bool("nouns", false, "write person.txt and org.txt")
	verbs := flag.Bool("verbs", false, "write verbs.txt")
	flag.Parse()
	err := fmt.Errorf("give -nouns or -verbs")
	switch {
	case *nouns:
		err = writeNouns(*dict, *out)
	case *verbs:
		err = writeVerbs(*dict, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wordnetgen:", err)
		os.Exit(1)
	}
}

func writeNouns(dir, out string) error {
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
	err = firstSenses(filepath.Join(dir, "index.noun"), func(w, first string) {
		switch {
		case lexFile[first] == personFile:
			people = append(people, w)
		case org(first, 0):
			orgs = append(orgs, w)
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

func writeVerbs(dir, out string) error {
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
	err = firstSenses(filepath.Join(dir, "index.verb"), func(w, first string) {
		if lexFile[first] == communication {
			verbs = append(verbs, w)
		}
	})
	if err != nil {
		return err
	}
	return write(filepath.Join(out, "verbs.txt"), verbs)
}

// firstSenses calls each with every one-word entry of the index file at
// path and the synset of its most frequent sense: the synsets close the
// line, that one first.
func firstSenses(path string, each func(w, first string)) error {
	return lines(path, func(l string) {
		f := strings.Fields(l)
		if len(f) < 4 || strings.HasPrefix(l, "  ") || !word.MatchString(f[0]) {
			return
		}
		var senses int
		fmt.Sscanf(f[2], "%d", &senses)
		if senses < 1 || senses > len(f) {
			return
		}
		each(f[0], f[len(f)-senses])
	})
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
