package speaker

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/conllu"
)

// polnear is where the shared corpus sits relative to this package.
const polnear = "../../shared/data/polnear"

// loadGold reads the brat attributions of a split: for each article id, the
// first annotation file in sorted order. Only what Resolve needs is kept
// (Source, Cue and Content spans); the real reader lives in package brat.
func loadGold(dir string) (map[string][]onrecord.Attribution, error) {
	files, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	sort.Strings(files)
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	ids := make(map[string]bool, len(texts))
	for _, t := range texts {
		ids[strings.TrimSuffix(filepath.Base(t), ".txt")] = true
	}
	out := map[string][]onrecord.Attribution{}
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".ann")
		i := strings.LastIndexByte(base, '_')
		if i < 0 || !ids[base[:i]] {
			continue
		}
		id := base[:i]
		if _, done := out[id]; done {
			continue
		}
		as, err := readAnn(f)
		if err != nil {
			return nil, err
		}
		out[id] = as
	}
	return out, nil
}

func readAnn(path string) ([]onrecord.Attribution, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer fh.Close()
	spans := map[string][]onrecord.Span{}
	var events [][]string
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 2 {
			continue
		}
		switch f[0][0] {
		case 'T':
			_, rest, ok := strings.Cut(f[1], " ")
			if !ok {
				continue
			}
			var ss []onrecord.Span
			for _, part := range strings.Split(rest, ";") {
				a, b, _ := strings.Cut(part, " ")
				x, err1 := strconv.Atoi(a)
				y, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil {
					return nil, fmt.Errorf("%s: bad span %q", path, part)
				}
				ss = append(ss, onrecord.Span{Start: x, End: y})
			}
			spans[f[0]] = ss
		case 'E':
			events = append(events, strings.Fields(f[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var out []onrecord.Attribution
	for _, ev := range events {
		var a onrecord.Attribution
		for _, arg := range ev[1:] {
			role, id, _ := strings.Cut(arg, ":")
			switch role {
			case "Source":
				a.Source = append(a.Source, spans[id]...)
			case "Cue":
				a.Cue = append(a.Cue, spans[id]...)
			case "Content", "Content2":
				a.Content = append(a.Content, spans[id]...)
			}
		}
		for _, s := range [][]onrecord.Span{a.Source, a.Cue, a.Content} {
			sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
		}
		if len(a.Content) == 0 {
			continue
		}
		a.Kind = onrecord.Indirect
		out = append(out, a)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Content[0].Start < out[j].Content[0].Start })
	return out, nil
}

// goldSplit loads a split's silver analysis with gold attributions attached.
func goldSplit(split string) ([]conllu.Article, error) {
	dir := filepath.Join(polnear, split)
	arts, err := conllu.LoadSplit(dir)
	if err != nil {
		return nil, err
	}
	gold, err := loadGold(dir)
	if err != nil {
		return nil, err
	}
	for _, a := range arts {
		a.Doc.Quotes = gold[a.Doc.ID]
	}
	return arts, nil
}
