package beam

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/output"
	"github.com/onrecord/onrecord/pipeline"
	"github.com/onrecord/onrecord/sqlite"
	"github.com/onrecord/onrecord/text"
)

// TestMain runs the pipelines on Prism, embedded in the test process.
func TestMain(m *testing.M) {
	ptest.MainWithDefault(m, "prism")
}

// run runs the pipeline over glob and returns the lines of each output
// (extract, dead, quotes, speakers), every shard's lines together.
func run(t *testing.T, glob string, jsonl bool) map[string][]string {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "out")
	p, s := beam.NewPipelineWithRoot()
	Build(s, Options{Input: glob, JSONL: jsonl, Output: prefix, Shards: 3})
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	out := map[string][]string{}
	for _, name := range []string{"extract", "dead", "quotes", "speakers"} {
		files, err := filepath.Glob(prefix + "-" + name + "-*-of-*.jsonl")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			out[name] = append(out[name], readLines(t, f)...)
		}
	}
	return out
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

// cliLines is what `onrecord extract` prints for args, by document ID, and
// the documents it read, in input order; read errors fail the test.
func cliLines(t *testing.T, args []string, jsonl bool) (map[string]string, []*onrecord.Document) {
	t.Helper()
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, err := output.New("jsonl", &buf, output.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*onrecord.Document
	err = pipeline.Run(context.Background(), text.Read(args, text.ReadOptions{JSONL: jsonl}), 0, p.Extract, func(r pipeline.Result) error {
		if r.Err != nil {
			return r.Err
		}
		docs = append(docs, r.Doc)
		return w.Write(r.Doc)
	})
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]string{}
	for _, l := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		lines[lineID(t, l)] = l
	}
	return lines, docs
}

func lineID(t *testing.T, line string) string {
	t.Helper()
	var rec struct{ ID string }
	if err := json.Unmarshal([]byte(line), &rec); err != nil {
		t.Fatalf("bad output line %q: %v", line, err)
	}
	return rec.ID
}

// sameRecords checks that the pipeline's extract lines are the CLI's,
// article for article and byte for byte.
func sameRecords(t *testing.T, got []string, want map[string]string) {
	t.Helper()
	seen := map[string]bool{}
	for _, l := range got {
		id := lineID(t, l)
		if seen[id] {
			t.Errorf("%s: written twice", id)
		}
		seen[id] = true
		if w, ok := want[id]; !ok {
			t.Errorf("%s: not in the CLI's output", id)
		} else if l != w {
			t.Errorf("%s: differs from onrecord extract:\nbeam %s\ncli  %s", id, l, w)
		}
	}
	if len(seen) != len(want) {
		t.Errorf("%d records, onrecord extract gives %d", len(seen), len(want))
	}
}

func TestExample(t *testing.T) {
	path := filepath.Join("..", "testdata", onrecord.ExampleID+".txt")
	out := run(t, path, false)
	want, _ := cliLines(t, []string{path}, false)
	sameRecords(t, out["extract"], want)
	if len(out["dead"]) != 0 {
		t.Errorf("dead letters: %q", out["dead"])
	}
	var sp onrecord.SpeakerStat
	if len(out["speakers"]) == 0 || json.Unmarshal([]byte(out["speakers"][0]), &sp) != nil || sp.Name != "Justin Timberlake" {
		t.Errorf("speakers = %q, want Justin Timberlake", out["speakers"])
	}
}

// TestCorpus runs 300 PolNeAR train articles, 200 as .txt files and 100 as
// JSONL lines, and checks the records against the CLI's and the aggregates
// against the SQLite store fed the same articles.
func TestCorpus(t *testing.T) {
	src := filepath.Join("..", "..", "shared", "data", "polnear", "train", "text")
	files, _ := filepath.Glob(filepath.Join(src, "*.txt"))
	if len(files) < 300 {
		t.Skipf("PolNeAR train texts not found in %s", src)
	}
	dir := t.TempDir()
	for _, f := range files[:200] {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var jl bytes.Buffer
	enc := json.NewEncoder(&jl)
	for i, f := range files[200:300] {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rec := map[string]string{"id": fmt.Sprintf("line-%03d", i), "text": string(raw), "date": "2016-10-01"}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
	jsonlDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(jsonlDir, "batch.jsonl"), jl.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	txtOut := run(t, filepath.Join(dir, "*.txt"), false)
	jsonlOut := run(t, filepath.Join(jsonlDir, "*.jsonl"), true)
	want, docs := cliLines(t, []string{dir}, false)
	sameRecords(t, txtOut["extract"], want)
	wantJSONL, _ := cliLines(t, []string{jsonlDir}, true)
	sameRecords(t, jsonlOut["extract"], wantJSONL)
	for _, o := range []map[string][]string{txtOut, jsonlOut} {
		if len(o["dead"]) != 0 {
			t.Errorf("dead letters: %q", o["dead"])
		}
	}
	sameAsStore(t, txtOut, docs)
}

// sameAsStore checks the quotes and speakers of out against an SQLite
// store into which docs were put in ID order.
func sameAsStore(t *testing.T, out map[string][]string, docs []*onrecord.Document) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "record.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	slices.SortFunc(docs, func(a, b *onrecord.Document) int { return strings.Compare(a.ID, b.ID) })
	for _, d := range docs {
		if _, err := st.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}

	hits, _, err := st.Search(ctx, onrecord.Query{Limit: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	wantQuotes := map[string]int{}
	for _, h := range hits {
		wantQuotes[onrecord.QuoteKey(h.Content)] = h.Articles
	}
	gotQuotes := map[string]int{}
	for _, l := range out["quotes"] {
		var q Quote
		if err := json.Unmarshal([]byte(l), &q); err != nil {
			t.Fatal(err)
		}
		gotQuotes[q.Key] = q.Articles
	}
	if len(gotQuotes) != len(wantQuotes) {
		t.Errorf("%d quotes, the store has %d", len(gotQuotes), len(wantQuotes))
	}
	for k, n := range wantQuotes {
		if gotQuotes[k] != n {
			t.Errorf("quote %q: in %d articles, the store says %d", k, gotQuotes[k], n)
		}
	}

	stats, err := st.Speakers(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, s := range stats {
		b, _ := json.Marshal(s)
		want = append(want, string(b))
	}
	for _, l := range out["speakers"] {
		var s onrecord.SpeakerStat
		if err := json.Unmarshal([]byte(l), &s); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(s)
		got = append(got, string(b))
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("speakers differ from the store's:\nbeam  %q\nstore %q", got, want)
	}
}

// TestDeadLetter checks that bad documents go to the dead-letter output,
// named and with their error, and that the good ones are all extracted.
func TestDeadLetter(t *testing.T) {
	dir := t.TempDir()
	lines := []string{
		`{"id":"good-1","text":"\"We will win,\" the mayor said."}`,
		`this is not JSON`,
		"{\"id\":\"bad-utf8\",\"text\":\"caf\xe9\"}",
		`{"id":"empty","text":"   "}`,
		`{"id":"good-2","text":"The senator said the vote was close.","date":"2021-03-04"}`,
	}
	path := filepath.Join(dir, "batch.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "binary.txt"), []byte("a\x00b"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := run(t, filepath.Join(dir, "*"), true)

	var ids []string
	for _, l := range out["extract"] {
		ids = append(ids, lineID(t, l))
	}
	slices.Sort(ids)
	if want := []string{"good-1", "good-2"}; !slices.Equal(ids, want) {
		t.Errorf("extracted %q, want %q", ids, want)
	}
	// The binary.txt file read as JSONL is one bad line, too.
	wantDead := map[string]string{
		path + ":2": "bad JSON", path + ":3": "invalid UTF-8", path + ":4": "empty document",
		filepath.Join(dir, "binary.txt") + ":1": "",
	}
	var got []string
	for _, l := range out["dead"] {
		var d DeadLetter
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatal(err)
		}
		got = append(got, d.Error)
		found := false
		for where, msg := range wantDead {
			if strings.Contains(d.Error, where+":") && strings.Contains(d.Error, msg) {
				found = true
				delete(wantDead, where)
				break
			}
		}
		if !found {
			t.Errorf("unexpected dead letter %s", l)
		}
	}
	if len(wantDead) > 0 {
		t.Errorf("missing dead letters %q; got %q", wantDead, got)
	}
}
