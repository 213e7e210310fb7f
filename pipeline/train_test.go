package pipeline

import (
	"strings"
	"testing"

	"github.com/onrecord/onrecord/conllu"
)

// TestGoldTagsForNews: EWT's imperative sentences and the gold corpora's
// quotation tags are left out of the tagger's training, other tags kept.
func TestGoldTagsForNews(t *testing.T) {
	const ud = "1\tCall\tcall\tVERB\tVB\t_\t0\troot\t_\t_\n2\tthem\tthey\tPRON\tPRP\t_\t1\tobj\t_\t_\n3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n" +
		"1\t\"\t\"\tPUNCT\t``\t_\t2\tpunct\t_\t_\n2\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n3\t\"\t\"\tPUNCT\t''\t_\t2\tpunct\t_\t_\n\n" +
		"1\tCall\tcall\tNOUN\tNN\t_\t3\tcompound\t_\t_\n2\tcentres\tcentre\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n3\tclosed\tclose\tVERB\tVBD\t_\t0\troot\t_\t_\n4\t\"\t\"\tPUNCT\t''\t_\t3\tpunct\t_\t_\n\n"
	docs, err := conllu.ReadUD(strings.NewReader(ud), "t")
	if err != nil {
		t.Fatal(err)
	}
	withoutImperatives(docs)
	withoutQuoteTags(docs)
	var got []string
	for _, tk := range docs[0].Tokens {
		got = append(got, tk.Tag)
	}
	want := []string{"", "", "", "", "", "", "NN", "NNS", "VBD", ""}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("tags %q, want %q", got, want)
	}
}
