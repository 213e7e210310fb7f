package pipeline

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/onrecord/onrecord/conllu"
)

// TestGoldTagsForNews: EWT's imperative sentences and the gold corpora's
// quotation tags are left out of the tagger's training, "to" is TO, other
// tags kept.
func TestGoldTagsForNews(t *testing.T) {
	const ud = "1\tCall\tcall\tVERB\tVB\t_\t0\troot\t_\t_\n2\tthem\tthey\tPRON\tPRP\t_\t1\tobj\t_\t_\n3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n" +
		"1\t\"\t\"\tPUNCT\t``\t_\t2\tpunct\t_\t_\n2\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n3\t\"\t\"\tPUNCT\t''\t_\t2\tpunct\t_\t_\n\n" +
		"1\tCall\tcall\tNOUN\tNN\t_\t3\tcompound\t_\t_\n2\tcentres\tcentre\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n3\tclosed\tclose\tVERB\tVBD\t_\t0\troot\t_\t_\n4\tto\tto\tADP\tIN\t_\t5\tcase\t_\t_\n5\tall\tall\tDET\tDT\t_\t3\tobl\t_\t_\n6\t\"\t\"\tPUNCT\t''\t_\t3\tpunct\t_\t_\n\n"
	docs, err := conllu.ReadUD(strings.NewReader(ud), "t")
	if err != nil {
		t.Fatal(err)
	}
	news := tagsForNews(docs, noImperatives)
	var got []string
	for _, tk := range news[0].Tokens {
		got = append(got, tk.Tag)
	}
	want := []string{"", "", "", "", "", "", "NN", "NNS", "VBD", "TO", "DT", ""}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("tags %q, want %q", got, want)
	}
	if docs[0].Tokens[0].Tag != "VB" || docs[0].Tokens[3].Tag != "``" || docs[0].Tokens[9].Tag != "IN" {
		t.Error("the parser's gold documents lost their tags")
	}
	if tk := tagsForNews(docs, allSentences)[0].Tokens; tk[0].Tag != "VB" || tk[3].Tag != "" {
		t.Errorf("all sentences: tags %q and %q, want VB and none", tk[0].Tag, tk[3].Tag)
	}
	got = got[:0]
	imp := tagsForNews(docs, imperatives)[0]
	for _, s := range imp.Sents {
		for _, tk := range imp.Tokens[s.Start:s.End] {
			got = append(got, tk.Tag)
		}
	}
	want = []string{"VB", "PRP", ".", "", "VB", ""}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("imperatives only: tags %q, want %q", got, want)
	}
}

// TestPlainSentences: the unannotated news the word clusters learn from is
// read as the tokenizer splits it, file by file in name order; a folder
// without text is an error naming it.
func TestPlainSentences(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"b.txt": "Second file.\n",
		"a.txt": "Title here\n\nThe firm said it would grow. Shares rose.\n",
		"c.md":  "Not read.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sents, err := plainSentences(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ws := range sents {
		got = append(got, strings.Join(ws, " "))
	}
	want := []string{"Title here", "The firm said it would grow .", "Shares rose .", "Second file ."}
	if !slices.Equal(got, want) {
		t.Errorf("sentences %q, want %q", got, want)
	}
	empty := t.TempDir()
	if _, err := plainSentences(empty); err == nil || !strings.Contains(err.Error(), empty) {
		t.Errorf("folder without text: error %v, want one naming %s", err, empty)
	}
}

// TestJackknife: each training document is tagged by a tagger trained
// without it (the one document with an FW tag gets another, as its tagger
// never saw that tag), on a copy that keeps the tree; the originals keep
// their tags.
func TestJackknife(t *testing.T) {
	var ud strings.Builder
	for i, s := range []string{"The xq runs .", "The dog runs .", "A cat sleeps .", "The dog sleeps .", "A cat runs .", "A dog sleeps ."} {
		ud.WriteString("# newdoc id = d" + string(rune('0'+i)) + "\n")
		w := strings.Fields(s)
		tags := []string{"DT", "NN", "VBZ", "."}
		if w[1] == "xq" {
			tags[1] = "FW"
		}
		ud.WriteString("1\t" + w[0] + "\t" + strings.ToLower(w[0]) + "\tDET\t" + tags[0] + "\t_\t2\tdet\t_\t_\n")
		ud.WriteString("2\t" + w[1] + "\t" + w[1] + "\tNOUN\t" + tags[1] + "\t_\t3\tnsubj\t_\t_\n")
		ud.WriteString("3\t" + w[2] + "\t" + w[2] + "\tVERB\t" + tags[2] + "\t_\t0\troot\t_\t_\n")
		ud.WriteString("4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n")
	}
	docs, err := conllu.ReadUD(strings.NewReader(ud.String()), "t")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 6 {
		t.Fatalf("%d documents, want 6", len(docs))
	}
	for _, d := range docs { // the tagger learns names too
		for i := range d.Tokens {
			d.Tokens[i].NER = "O"
		}
	}
	out, err := jackknife(TrainConfig{ParseTagFolds: 2, Seed: 1, Log: io.Discard}, docs, GoldData{})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || len(out[0]) != len(docs) {
		t.Fatalf("got %d corpora, want 1 of %d documents", len(out), len(docs))
	}
	for i, d := range out[0] {
		for j, tk := range d.Tokens {
			if tk.Tag == "" || tk.Head != docs[i].Tokens[j].Head || tk.Dep != docs[i].Tokens[j].Dep {
				t.Errorf("doc %d token %d: tag %q head %d %s, want a tag and head %d %s", i, j, tk.Tag, tk.Head, tk.Dep, docs[i].Tokens[j].Head, docs[i].Tokens[j].Dep)
			}
		}
	}
	if got := out[0][0].Tokens[1].Tag; got == "FW" {
		t.Error("the held-out document's FW tag came from a tagger that saw it")
	}
	if docs[0].Tokens[1].Tag != "FW" {
		t.Errorf("the original's tag changed to %q", docs[0].Tokens[1].Tag)
	}
}
