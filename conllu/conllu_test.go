package conllu

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const shared = "../../shared/data/polnear"

// TestReadDev reads every dev silver file and checks that each token's
// offsets slice its form out of the text (quotes and brackets excepted,
// which CoreNLP rewrites), and that writing reproduces the columns.
func TestReadDev(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(shared, "dev/silver/*.conllu"))
	if len(files) == 0 {
		t.Skip("no ../shared data")
	}
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".conllu")
		text, err := os.ReadFile(filepath.Join(shared, "dev/text", id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, ms, err := Read(bytes.NewReader(raw), id, string(text))
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Tokens) == 0 || len(d.Sents) == 0 {
			t.Fatalf("%s: empty", id)
		}
		for _, m := range ms {
			if m.Head < m.Start || m.Head >= m.End {
				t.Errorf("%s: mention head %d outside [%d,%d)", id, m.Head, m.Start, m.End)
			}
		}
		var out bytes.Buffer
		if err := Write(&out, d); err != nil {
			t.Fatal(err)
		}
		want := strings.Split(string(raw), "\n")
		got := strings.Split(out.String(), "\n")
		wi := 0
		for _, g := range got {
			for wi < len(want) && strings.HasPrefix(want[wi], "# coref") {
				wi++
			}
			if wi >= len(want) {
				break
			}
			gf, wf := strings.Split(g, "\t"), strings.Split(want[wi], "\t")
			if len(gf) == 9 && len(wf) == 9 {
				gf[1], wf[1] = "", "" // FORM: CoreNLP normalises quotes and brackets
				if strings.Join(gf, "\t") != strings.Join(wf, "\t") {
					t.Fatalf("%s: wrote %q, silver has %q", id, g, want[wi])
				}
			}
			wi++
		}
	}
}
