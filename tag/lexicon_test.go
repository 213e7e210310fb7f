package tag

import (
	"slices"
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
)

// spanOf is the lexicon key of words as written.
func spanOf(words string) uint32 {
	h := hashSeed
	for _, w := range strings.Fields(words) {
		h = spanKey(h, wordInfo(w).w)
	}
	return keyOf(h)
}

func TestMarkNames(t *testing.T) {
	const per, org, loc = 1 << 2, 2 << 2, 3 << 2
	lex := spanSet{spanOf("Jane Roe"): 1, spanOf("Jane"): 1, spanOf("Bank of Canada"): 2, spanOf("Canada"): 3, spanOf("roe"): 1}
	for _, c := range []struct {
		text string
		want []uint8
	}{
		// The longest match wins, inside a name too: "Canada" of the bank is
		// not the place.
		{"Jane Roe of the Bank of Canada met Jane", []uint8{per | 0, per | 2, 0, 0, org | 0, org | 1, org | 2, 0, per | 3}},
		{"Canada", []uint8{loc | 3}},
		// Matches start at a word not in lower case, and are as written.
		{"jane roe and JANE", []uint8{0, 0, 0, 0}},
		{"Bank of", []uint8{0, 0}},
	} {
		ws := strings.Fields(c.text)
		s := &sentence{}
		s.reset(len(ws))
		for i, w := range ws {
			s.tok[i+pad] = wordInfo(w)
		}
		markNames(s, lex)
		if !slices.Equal(s.lex, c.want) {
			t.Errorf("%q: marks %v, want %v", c.text, s.lex, c.want)
		}
	}
}

// TestLexiconFolds: a document's lexicon holds the names of the other
// folds' documents only, with the class they are marked most often; the
// model's holds them all. An organisation's last word is learnt when
// it ends enough of them.
func TestLexiconFolds(t *testing.T) {
	var docs []*onrecord.Document
	for k, c := range []struct{ text, ner string }{
		{"Jane Roe left", "PERSON PERSON O"},
		{"Acme Ltd hired Roe", "ORGANIZATION ORGANIZATION O PERSON"},
		{"Bolt Ltd and Jane Roe", "ORGANIZATION ORGANIZATION O PERSON PERSON"},
		{"Crux Ltd met Roe", "ORGANIZATION ORGANIZATION O LOCATION"},
		{"Jane Roe", "LOCATION LOCATION"},
	} {
		d := docOf(c.text)
		for i, l := range strings.Fields(c.ner) {
			d.Tokens[i].NER = l
		}
		docs = append(docs, d)
		if k >= lexFolds {
			t.Fatal("one document a fold, please")
		}
	}
	folds, all, ends := lexiconCounts([]Corpus{{Docs: docs}})
	for _, c := range []struct {
		fold  int
		words string
		want  uint8
	}{
		{0, "Jane Roe", 1}, // fold 0's own count left out: PERSON 1 against LOCATION 1
		{2, "Jane Roe", 1},
		{4, "Jane Roe", 1}, // PERSON twice
		{1, "Acme Ltd", 0}, // only in its own document
		{0, "Acme Ltd", 2},
		{1, "Roe", 3}, // PERSON only in fold 1
		{3, "Roe", 1},
	} {
		if got := (foldLexicon{all: all, fold: folds[c.fold]}).class(spanOf(c.words)); got != c.want {
			t.Errorf("fold %d: class of %q = %d, want %d", c.fold, c.words, got, c.want)
		}
	}
	if got := all.spans()[spanOf("Jane Roe")]; got != 1 {
		t.Errorf("model lexicon: class of Jane Roe = %d, want 1", got)
	}
	if !slices.Equal(ends, []string{"ltd"}) {
		t.Errorf("organisation ends %q, want [ltd]", ends)
	}
}
