package main

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestSearch ingests the example and searches it in each output format,
// with the query language, a speaker's name word and a confidence floor.
func TestSearch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if code, _, errs := runCmd(t, "", "ingest", "--db", db, "../../testdata/timberlake-apology-2021-02-13.txt"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	search := func(args ...string) []map[string]any {
		t.Helper()
		code, out, errs := runCmd(t, "", append([]string{"search", "--db", db, "--limit", "100"}, args...)...)
		if code != 0 {
			t.Fatalf("search %q: exit %d: %s", args, code, errs)
		}
		var hits []map[string]any
		for line := range strings.Lines(out) {
			var h map[string]any
			if err := json.Unmarshal([]byte(line), &h); err != nil {
				t.Fatalf("search %q: %v in %q", args, err, line)
			}
			hits = append(hits, h)
		}
		return hits
	}
	all := search("--speaker", "Timberlake")
	if len(all) < 6 {
		t.Fatalf("--speaker Timberlake: %d hits, want his 6 direct quotes at least", len(all))
	}
	if n := len(search("--speaker", "Justin")); n != len(all) {
		t.Errorf("--speaker Justin: %d hits, want %d", n, len(all))
	}
	sure := search("--speaker", "Timberlake", "--min-confidence", "0.9")
	if len(sure) >= len(all) {
		t.Errorf("--min-confidence 0.9: %d hits of %d", len(sure), len(all))
	}
	for _, h := range sure {
		if h["confidence"].(float64) < 0.9 {
			t.Errorf("hit of confidence %v", h["confidence"])
		}
	}
	misogyny := search("misogyny")
	either := search("misogyny OR racism")
	without := search("misogyny -racism")
	// The example's one quote with "misogyny" also says "racism".
	if len(misogyny) != 1 || len(either) != 1 || len(without) != 0 {
		t.Errorf("misogyny %d, misogyny OR racism %d, misogyny -racism %d", len(misogyny), len(either), len(without))
	}
	code, out, _ := runCmd(t, "", "search", "--db", db, "--format", "csv", "--speaker", "Timberlake", "--limit", "100")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != len(all)+1 || rows[0][0] != "quote_id" {
		t.Errorf("csv: exit %d, %d rows, err %v", code, len(rows), err)
	}
	code, out, _ = runCmd(t, "", "search", "--db", db, "--format", "text", "misogyny")
	if code != 0 || !strings.Contains(out, "[misogyny]") {
		t.Errorf("text: exit %d:\n%s", code, out)
	}
	for _, args := range [][]string{{"🙂"}, {"-misogyny"}, {"--format", "brat", "x"}, {"--min-confidence", "2", "x"}} {
		if code, _, _ := runCmd(t, "", append([]string{"search", "--db", db}, args...)...); code != 2 {
			t.Errorf("search %q: exit %d, want 2", args, code)
		}
	}
}
