package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/onrecord/onrecord/internal/testfiles"
	"github.com/onrecord/onrecord/sqlite"
)

// runCmd runs the onrecord command line in-process.
func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

type docJSON struct {
	ID     string `json:"id"`
	Date   *string
	Quotes []struct {
		Kind    string
		Speaker *struct{ Name string }
	}
}

func TestExtractExample(t *testing.T) {
	code, out, errs := runCmd(t, "", "extract", "--format", "jsonl", "../../testdata/timberlake-apology-2021-02-13.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var d docJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("not one JSON line: %v\n%s", err, out)
	}
	if d.ID != "timberlake-apology-2021-02-13" || d.Date == nil || *d.Date != "2021-02-13" {
		t.Errorf("id %q date %v", d.ID, d.Date)
	}
	direct := 0
	for _, q := range d.Quotes {
		if q.Kind == "direct" && q.Speaker != nil && q.Speaker.Name == "Justin Timberlake" {
			direct++
		}
	}
	if direct != 6 {
		t.Errorf("%d direct quotes by Justin Timberlake, want 6", direct)
	}
}

// TestExtractBadInput: each bad document is named on stderr, the others are
// still extracted in input order, and the exit status is 1.
func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a-good.txt":   "Mr. Smith said the plan would work.",
		"b-empty.txt":  "",
		"c-binary.txt": "PK\x03\x04\x00\x00binary",
		"d-utf8.txt":   "He said \xff\xfe it was fine.",
		"e-good.txt":   "\"We will win,\" she said.",
	}
	testfiles.Write(t, dir, files)
	code, out, errs := runCmd(t, "", "extract", "--format", "jsonl", dir, filepath.Join(dir, "missing.txt"))
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, name := range []string{"b-empty", "c-binary", "d-utf8", "missing"} {
		if !strings.Contains(errs, name) {
			t.Errorf("stderr does not name %s:\n%s", name, errs)
		}
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var d docJSON
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("bad output line %q: %v", line, err)
		}
		ids = append(ids, d.ID)
	}
	if got := strings.Join(ids, ","); got != "a-good,e-good" {
		t.Errorf("extracted %s, want a-good,e-good", got)
	}
}

func TestExtractJSONL(t *testing.T) {
	in := `{"id":"x1","text":"\"Taxes will fall,\" the senator said.","date":"2016-09-01"}
not json
{"id":"x2","text":"According to the report, crime fell."}
{"id":"x3","text":"The mayor said the pool would close.","date":"March 3, 2024"}
{"id":"x4","text":"The mayor said the pool would open.","date":"the third of March"}
`
	code, out, errs := runCmd(t, in, "extract", "--input", "jsonl", "--format", "jsonl", "-")
	if code != 1 || !strings.Contains(errs, ":2") {
		t.Errorf("exit %d, stderr %q: want 1 and the bad line named", code, errs)
	}
	if n := strings.Count(out, "\n"); n != 4 {
		t.Errorf("%d documents out, want 4:\n%s", n, out)
	}
	// a human date is read; one that cannot be is a warning, and the
	// document is still extracted
	if !strings.Contains(out, `{"id":"x3","date":"2024-03-03"`) || !strings.Contains(out, `{"id":"x4","date":null`) {
		t.Errorf("dates:\n%s", out)
	}
	if !strings.Contains(errs, `warning: read stdin:5: x4: date "the third of March" not understood`) {
		t.Errorf("no warning for line 5:\n%s", errs)
	}
}

// TestUsageErrors: every mistake in the command line exits 2 with a
// message saying what is wrong and, where there is a list, the valid values.
func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	for _, tc := range []struct {
		args []string
		want []string // in the message
	}{
		{nil, []string{"Usage:", "extract"}},
		{[]string{"nope"}, []string{`unknown command "nope"`, "extract"}},
		{[]string{"help", "nope"}, []string{`unknown command "nope"`}},
		{[]string{"extract", "--format", "xml", "x.txt"}, []string{`"xml"`, "jsonl, text, csv, brat"}},
		{[]string{"extract", "--format", "brat", "x.txt"}, []string{"--out"}},
		{[]string{"extract", "--input", "pdf", "x.txt"}, []string{`"pdf"`, "text, html, jsonl"}},
		{[]string{"extract", "--encoding", "klingon", "x.txt"}, []string{`"klingon"`, "windows-1252"}},
		{[]string{"extract", "-j", "many"}, []string{"-j"}},
		{[]string{"extract", "--nope"}, []string{"-nope"}},
		{[]string{"ingest", "--input", "xml"}, []string{`"xml"`, "text, html, jsonl"}},
		{[]string{"analyze", "--input", "xml"}, []string{`"xml"`}},
		{[]string{"search", "--db", db, "--since", "March 3"}, []string{`"March 3"`, "YYYY-MM-DD"}},
		{[]string{"search", "--db", db, "--until", "2024-02-30"}, []string{"2024-02-30", "YYYY-MM-DD"}},
		{[]string{"search", "--db", db, "--kind", "rumour"}, []string{"direct", "indirect", "mixed"}},
		{[]string{"speakers", "--top", "x"}, []string{"-top"}},
		{[]string{"speakers", "--db", db, "extra"}, []string{"no arguments", `"extra"`}},
		{[]string{"serve", "--addr"}, []string{"-addr"}},
		{[]string{"eval"}, []string{"GOLD_DIR"}},
		{[]string{"train", "--models", "tag,magic"}, []string{`"magic"`, "tag, parse or attrib"}},
		{[]string{"train", "--models", "tag", "--tag-news=false", "--tag-ewt", "3"}, []string{"--tag-ewt needs --tag-news"}},
		{[]string{"train", "--models", "tag", "--tag-news=false", "--tag-silver-ner", "1"}, []string{"--tag-silver-ner needs --tag-news"}},
		{[]string{"train", "--models", "tag", "--tag-news=false", "--tag-ewt-imperatives", "1"}, []string{"--tag-ewt-imperatives needs --tag-news"}},
		{[]string{"train", "--models", "tag", "--tag-news=false", "--tag-gold-ner", "5"}, []string{"--tag-gold-ner needs --tag-news"}},
		{[]string{"train", "--models", "tag", "--tag-news=false", "--tag-clusters", "200"}, []string{"--tag-clusters needs --tag-news"}},
		{[]string{"train", "--models", "tag", "--tag-news=false", "--tag-wide"}, []string{"--tag-wide needs --tag-news"}},
		{[]string{"train", "--models", "tag", "--tag-news=false", "--tag-lexicon"}, []string{"--tag-lexicon needs --tag-news"}},
		{[]string{"train", "--models", "tag", "--tag-news=false", "--tag-bilou"}, []string{"--tag-bilou needs --tag-news"}},
		{[]string{"train", "--models", "tag", "--tag-news", "--tag-clusters", "300"}, []string{"--tag-clusters 300", "0 to 255"}},
		{[]string{"train", "--models", "tag", "--tag-news=false", "--tag-beam", "4"}, []string{"--tag-beam needs --tag-news"}},
		{[]string{"train", "--models", "tag", "--tag-beam", "65"}, []string{"--tag-beam 65", "0 to 64"}},
		{[]string{"version", "now"}, []string{"no arguments"}},
	} {
		code, out, errs := runCmd(t, "", tc.args...)
		if code != 2 {
			t.Errorf("onrecord %q: exit %d, want 2", tc.args, code)
		}
		if out != "" {
			t.Errorf("onrecord %q: stdout %q", tc.args, out)
		}
		for _, w := range tc.want {
			if !strings.Contains(errs, w) {
				t.Errorf("onrecord %q: stderr does not say %q:\n%s", tc.args, w, errs)
			}
		}
	}
}

// TestHelp: every command describes itself with examples, by
// "onrecord help COMMAND" on stdout and by "COMMAND -h" on stderr, exit 0.
func TestHelp(t *testing.T) {
	for _, c := range commands {
		code, out, _ := runCmd(t, "", "help", c.name)
		if code != 0 || !strings.Contains(out, "usage: onrecord "+c.name) || !strings.Contains(out, "Example") || !strings.Contains(out, c.help) {
			t.Errorf("help %s: exit %d:\n%s", c.name, code, out)
		}
		if c.name != "version" && !strings.Contains(out, "Flags:") {
			t.Errorf("help %s lists no flags:\n%s", c.name, out)
		}
		code, out, errs := runCmd(t, "", c.name, "-h")
		if code != 0 || out != "" || !strings.Contains(errs, c.help) {
			t.Errorf("%s -h: exit %d, stdout %q, stderr:\n%s", c.name, code, out, errs)
		}
	}
	code, out, _ := runCmd(t, "", "--help")
	if code != 0 || !strings.Contains(out, "onrecord help COMMAND") {
		t.Errorf("--help: exit %d:\n%s", code, out)
	}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ := runCmd(t, "", args...)
		if code != 0 || !strings.HasPrefix(out, "onrecord ") || !strings.Contains(out, "go1.") {
			t.Errorf("%q: exit %d: %q", args, code, out)
		}
	}
}

// TestNoExampleWithoutTerminal: with no input named and stdin not a
// terminal (cron, CI, an empty pipe), stdin is read and the bundled example
// is neither extracted nor stored.
func TestNoExampleWithoutTerminal(t *testing.T) {
	devnull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	db := filepath.Join(t.TempDir(), "r.db")
	for _, args := range [][]string{{"extract", "--format", "jsonl"}, {"ingest", "--db", db}} {
		var out, errb bytes.Buffer
		run(args, devnull, &out, &errb)
		if strings.Contains(out.String()+errb.String(), "timberlake") {
			t.Errorf("%q on /dev/null used the example:\n%s%s", args, out.String(), errb.String())
		}
	}
	code, out, errs := runCmd(t, "", "search", "--db", db, "Timberlake")
	if code != 0 || out != "" {
		t.Errorf("search after ingest of /dev/null: exit %d, %q %s", code, out, errs)
	}
}

// extractTo runs extraction on split/text into a JSONL file and returns
// its path, with python3 and the scorer; it skips the test when ../shared
// or python3 is absent.
func extractTo(t *testing.T, split, scorer string) (pred, py string) {
	t.Helper()
	// Skipped loudly: without it eval's agreement with the scorer is unchecked.
	skip := func(why string) {
		msg := fmt.Sprintf("SKIP %s: %s: onrecord eval not checked against %s", t.Name(), why, scorer)
		fmt.Fprintln(os.Stderr, msg)
		t.Skip(msg)
	}
	if _, err := os.Stat(split); err != nil {
		skip("no ../shared data")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		skip("no python3")
	}
	code, out, errs := runCmd(t, "", "extract", "--format", "jsonl", filepath.Join(split, "text"))
	if code != 0 {
		t.Fatalf("extract: exit %d: %s", code, errs)
	}
	pred = filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(pred, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	return pred, py
}

// TestEvalAgreesWithScorer runs extraction on dev, scores it with onrecord
// eval and with the reference scorer, and compares every figure.
func TestEvalAgreesWithScorer(t *testing.T) {
	const dev = "../../../shared/data/polnear/dev"
	const scorer = "../../../shared/tools/score_attrib.py"
	path, py := extractTo(t, dev, scorer)
	code, ours, errs := runCmd(t, "", "eval", "--json", dev, path)
	if code != 0 {
		t.Fatalf("eval: exit %d: %s", code, errs)
	}
	theirs, err := exec.Command(py, scorer, dev, path, "--json").Output()
	if err != nil {
		t.Fatalf("score_attrib.py: %v", err)
	}
	var a, b map[string]any
	if err := json.Unmarshal([]byte(ours), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(theirs, &b); err != nil {
		t.Fatal(err)
	}
	for k, v := range b {
		if av, _ := json.Marshal(a[k]); string(av) != mustJSON(v) {
			t.Errorf("%s: onrecord eval %s, score_attrib.py %s", k, av, mustJSON(v))
		}
	}
	t.Logf("dev: %s", strings.TrimSpace(string(theirs)))
	// The acceptance bars of the extractor on dev.
	bars := map[string]float64{"content_overlap": 0.75, "content_exact": 0.55, "full_overlap": 0.55,
		"source_overlap": 0.70, "cue_overlap": 0.72, "direct_overlap": 0.92}
	for k, bar := range bars {
		m, _ := b[k].(map[string]any)
		if f, _ := m["F1"].(float64); f < bar {
			t.Errorf("%s F1 %.4f below the bar %.2f", k, f, bar)
		}
	}
}

// TestNewsEvalAgreesWithScorer runs extraction on news-dev and compares
// onrecord eval with score_news.py byte for byte: the text output with the
// misses, and the JSON.
func TestNewsEvalAgreesWithScorer(t *testing.T) {
	const news = "../../../shared/data/news-dev"
	const scorer = "../../../shared/tools/score_news.py"
	path, py := extractTo(t, news, scorer)
	for _, flag := range []string{"--misses", "--json"} {
		code, ours, errs := runCmd(t, "", "eval", flag, news, path)
		if code != 0 {
			t.Fatalf("eval %s: exit %d: %s", flag, code, errs)
		}
		theirs, err := exec.Command(py, scorer, news, path, flag).Output()
		if err != nil {
			t.Fatalf("score_news.py %s: %v", flag, err)
		}
		if ours != string(theirs) {
			t.Errorf("eval %s differs from score_news.py:\n%s\nwant\n%s", flag, ours, theirs)
		}
		if flag == "--misses" && strings.Count(ours, "\n") < 20 {
			t.Errorf("eval --misses: %d lines, want the figures and the misses", strings.Count(ours, "\n"))
		}
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestIngestCollidingNames: files of one name in different folders are
// different articles, and every one is in the record afterwards.
func TestIngestCollidingNames(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"2019/story.txt":      "\"The bridge will open in May,\" Mayor Ann Holt said.",
		"2020/story.txt":      "\"The bridge is late,\" council member Raul Ortiz said.",
		"2020/more/story.txt": "\"We are hiring,\" said Dana Kim, the owner.",
	}
	testfiles.Write(t, dir, files)
	db := filepath.Join(t.TempDir(), "r.db")
	if code, _, errs := runCmd(t, "", "ingest", "--db", db, dir); code != 0 || !strings.Contains(errs, "3 new or changed") {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for name, body := range files {
		id := strings.TrimSuffix(name, ".txt")
		d, err := st.Article(context.Background(), id)
		if err != nil {
			t.Errorf("article %s: %v", id, err)
		} else if d.Text != body {
			t.Errorf("article %s holds %q", id, d.Text)
		}
	}
}

// TestExtractEncoding: a Windows-1252 file is an error with a hint at
// --encoding, and is read with it.
func TestExtractEncoding(t *testing.T) {
	dir := t.TempDir()
	testfiles.Write(t, dir, map[string]string{"old.txt": "\x93The ferry will run again on Monday,\x94 said Andr\xe9 Morel."})
	path := filepath.Join(dir, "old.txt")
	code, _, errs := runCmd(t, "", "extract", "--format", "jsonl", path)
	if code != 1 || !strings.Contains(errs, "invalid UTF-8") || !strings.Contains(errs, "--encoding") {
		t.Errorf("without --encoding: exit %d:\n%s", code, errs)
	}
	for _, enc := range []string{"windows-1252", "latin1", "ISO-8859-1"} {
		code, out, errs := runCmd(t, "", "extract", "--format", "jsonl", "--encoding", enc, path)
		if code != 0 || !strings.Contains(out, `"text":"“The ferry will run again on Monday,”"`) || !strings.Contains(out, "André Morel") {
			t.Errorf("--encoding %s: exit %d: %s\n%s", enc, code, out, errs)
		}
	}
}

// TestExtractHTMLStdin: --input html reads standard input as a page.
func TestExtractHTMLStdin(t *testing.T) {
	page := `<html><head><title>Ferry back</title></head><body><nav><a href="/">Home</a></nav>` +
		`<p>&ldquo;The ferry will run again on Monday,&rdquo; said Andr&eacute; Morel.</p></body></html>`
	code, out, errs := runCmd(t, page, "extract", "--input", "html", "--format", "jsonl")
	if code != 0 || !strings.Contains(out, `"id":"stdin"`) || !strings.Contains(out, `"text":"“The ferry will run again on Monday,”"`) || !strings.Contains(out, "André Morel") {
		t.Errorf("exit %d: %s\n%s", code, out, errs)
	}
}

// TestMissingRecord: the commands that read the record do not create an
// empty one for a mistyped --db.
func TestMissingRecord(t *testing.T) {
	db := filepath.Join(t.TempDir(), "typo.db")
	for _, args := range [][]string{{"search", "--db", db, "pool"}, {"speakers", "--db", db}, {"serve", "--addr", "127.0.0.1:0", "--db", db}} {
		code, _, errs := runCmd(t, "", args...)
		if code != 1 || !strings.Contains(errs, "no record at "+db) {
			t.Errorf("%q: exit %d: %s", args, code, errs)
		}
		if _, err := os.Stat(db); err == nil {
			t.Fatalf("%q created %s", args, db)
		}
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u:secret@db:5432/x?sslmode=disable": "postgres://u:xxxxx@db:5432/x?sslmode=disable",
		"postgresql://u@db/x":                           "postgresql://u@db/x",
		"onrecord.db":                                   "onrecord.db",
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNoColor(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	if !useColor(true) || useColor(false) {
		t.Errorf("without NO_COLOR: colours %v on a terminal, %v off it", useColor(true), useColor(false))
	}
	t.Setenv("NO_COLOR", "1")
	if useColor(true) {
		t.Errorf("NO_COLOR=1: colours on a terminal")
	}
}
