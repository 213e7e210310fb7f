// Package conllu reads and writes the column layout of the silver CoreNLP
// files in ../shared/data/polnear/*/silver:
//
//	ID FORM LEMMA POS NER HEAD DEPREL START END
//
// with a "# sent N" line before each sentence, a blank line after it, and
// "# coref ..." lines holding coreference chains. START/END are code points
// into the article text, end exclusive.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
)

// Mention is one mention of a coreference chain, in document token indices.
type Mention struct {
	Chain      int
	Sent       int // 0-based sentence index
	Start, End int // document token indices, end exclusive
	Head       int // document token index
	Rep        bool
	Text       string
}

// Read parses a silver file over text (the article it annotates) into a
// Document with tokens, sentences, tags, lemmas, NER, heads and labels, and
// returns the coreference mentions. Forms are not kept: token text is sliced
// from the original by offset.
func Read(r io.Reader, id, text string) (*onrecord.Document, []Mention, error) {
	d := &onrecord.Document{ID: id, Text: text}
	// code point → byte offset, so tokens carry both.
	cp := make([]int32, 0, len(text)+1)
	for i := range text {
		cp = append(cp, int32(i))
	}
	cp = append(cp, int32(len(text)))
	d.Body = onrecord.Span{Start: 0, End: len(cp) - 1}

	var mentions []Mention
	var sentStarts []int // doc token index of each sentence start
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	line := 0
	sentStart := -1
	flush := func() {
		if sentStart >= 0 && len(d.Tokens) > sentStart {
			d.Sents = append(d.Sents, onrecord.Sentence{Start: int32(sentStart), End: int32(len(d.Tokens))})
		}
		sentStart = -1
	}
	for sc.Scan() {
		line++
		s := sc.Text()
		switch {
		case strings.HasPrefix(s, "# coref "):
			m, err := parseMention(s)
			if err != nil {
				return nil, nil, fmt.Errorf("%s line %d: %w", id, line, err)
			}
			mentions = append(mentions, m)
		case strings.HasPrefix(s, "# sent"):
			flush()
			sentStart = len(d.Tokens)
			sentStarts = append(sentStarts, sentStart)
		case strings.HasPrefix(s, "#"):
		case strings.TrimSpace(s) == "":
			flush()
		default:
			if sentStart < 0 {
				sentStart = len(d.Tokens)
				sentStarts = append(sentStarts, sentStart)
			}
			f := strings.Split(s, "\t")
			if len(f) < 9 {
				return nil, nil, fmt.Errorf("%s line %d: want 9 columns, got %d", id, line, len(f))
			}
			head, err1 := strconv.Atoi(f[5])
			start, err2 := strconv.Atoi(f[7])
			end, err3 := strconv.Atoi(f[8])
			if err1 != nil || err2 != nil || err3 != nil || start < 0 || end < start || end >= len(cp) {
				return nil, nil, fmt.Errorf("%s line %d: bad HEAD/START/END %q %q %q", id, line, f[5], f[7], f[8])
			}
			h := int32(-1)
			if head > 0 {
				h = int32(sentStart + head - 1)
			}
			d.Tokens = append(d.Tokens, onrecord.Token{
				Start: int32(start), End: int32(end),
				BStart: cp[start], BEnd: cp[end],
				Lemma: under(f[2]), Tag: f[3], NER: under(f[4]),
				Head: h, Dep: under(f[6]),
			})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", id, err)
	}
	flush()
	for i := range mentions {
		m := &mentions[i]
		if m.Sent < 0 || m.Sent >= len(sentStarts) {
			return nil, nil, fmt.Errorf("%s: coref mention in sentence %d of %d", id, m.Sent+1, len(sentStarts))
		}
		base := sentStarts[m.Sent]
		m.Start += base - 1
		m.End += base - 1
		m.Head += base - 1
		if m.Start < 0 || m.End > len(d.Tokens) || m.Start >= m.End {
			return nil, nil, fmt.Errorf("%s: coref mention %q out of range", id, m.Text)
		}
	}
	for i := range d.Tokens {
		if h := d.Tokens[i].Head; h >= int32(len(d.Tokens)) {
			return nil, nil, fmt.Errorf("%s: token %d has head %d beyond the document", id, i, h)
		}
	}
	return d, mentions, nil
}

func under(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

// parseMention reads "# coref chain=1 sent=74 start=18 end=20 head=19 rep=1 text=...".
// Token numbers stay sentence-relative and 1-based here; Read rebases them.
func parseMention(s string) (Mention, error) {
	var m Mention
	rest := strings.TrimPrefix(s, "# coref ")
	if i := strings.Index(rest, " text="); i >= 0 {
		m.Text = rest[i+len(" text="):]
		rest = rest[:i]
	}
	for _, kv := range strings.Fields(rest) {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return m, fmt.Errorf("bad coref field %q", kv)
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return m, fmt.Errorf("bad coref field %q", kv)
		}
		switch k {
		case "chain":
			m.Chain = n
		case "sent":
			m.Sent = n - 1
		case "start":
			m.Start = n
		case "end":
			m.End = n
		case "head":
			m.Head = n
		case "rep":
			m.Rep = n == 1
		}
	}
	return m, nil
}

// Write prints d in the silver layout: "_" where a layer is empty.
func Write(w io.Writer, d *onrecord.Document) error {
	bw := bufio.NewWriter(w)
	for si, s := range d.Sents {
		fmt.Fprintf(bw, "# sent %d\n", si+1)
		for i := s.Start; i < s.End; i++ {
			t := &d.Tokens[i]
			head := 0
			if t.Head >= 0 {
				head = int(t.Head-s.Start) + 1
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%d\t%s\t%d\t%d\n", i-s.Start+1, form(d.Word(int(i))),
				or(t.Lemma), or(t.Tag), or(t.NER), head, or(t.Dep), t.Start, t.End)
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// form keeps a token on one column: tabs and newlines inside a token (rare,
// from odd input) would break the layout.
func form(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

func or(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// Article is one silver-analysed article of a PolNeAR split.
type Article struct {
	Doc      *onrecord.Document
	Mentions []Mention
}

// LoadSplit reads every text/ID.txt of a split directory (e.g.
// ../shared/data/polnear/train) that has a silver/ID.conllu, in sorted order.
func LoadSplit(dir string) ([]Article, error) {
	files, err := filepath.Glob(filepath.Join(dir, "silver", "*.conllu"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no silver/*.conllu files under %s", dir)
	}
	sort.Strings(files)
	out := make([]Article, 0, len(files))
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".conllu")
		text, err := os.ReadFile(filepath.Join(dir, "text", id+".txt"))
		if err != nil {
			return nil, fmt.Errorf("read text of %s: %w", id, err)
		}
		fh, err := os.Open(f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f, err)
		}
		d, ms, err := Read(fh, id, string(text))
		fh.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, Article{Doc: d, Mentions: ms})
	}
	return out, nil
}

// LoadDocs is LoadSplit without the coreference mentions.
func LoadDocs(dir string) ([]*onrecord.Document, error) {
	arts, err := LoadSplit(dir)
	if err != nil {
		return nil, err
	}
	docs := make([]*onrecord.Document, len(arts))
	for i, a := range arts {
		docs[i] = a.Doc
	}
	return docs, nil
}
