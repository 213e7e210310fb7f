package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
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
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
`
	code, out, errs := runCmd(t, in, "extract", "--input", "jsonl", "--format", "jsonl", "-")
	if code != 1 || !strings.Contains(errs, ":2") {
		t.Errorf("exit %d, stderr %q: want 1 and the bad line named", code, errs)
	}
	if n := strings.Count(out, "\n"); n != 2 {
		t.Errorf("%d documents out, want 2:\n%s", n, out)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"nope"}, {"extract", "--format", "xml", "x.txt"}, {"eval"}} {
		if code, _, _ := runCmd(t, "", args...); code != 2 {
			t.Errorf("onrecord %v: exit %d, want 2", args, code)
		}
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
