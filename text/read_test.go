package text

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/onrecord/onrecord/internal/testfiles"
)

// collect runs Read and returns "id" for each document and "ERR message"
// for each error, in order.
func collect(t *testing.T, args []string, opt ReadOptions) []string {
	t.Helper()
	var out []string
	for d, err := range Read(args, opt) {
		switch {
		case err != nil && d == nil:
			out = append(out, "ERR "+err.Error())
		case err == nil && d != nil:
			out = append(out, d.ID)
		default:
			t.Fatalf("Read yielded (%v, %v)", d, err)
		}
	}
	return out
}

// writeFiles writes files under a new temporary folder and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	testfiles.Write(t, dir, files)
	return dir
}

func TestReadDirectory(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":       "First story.",
		"b.txt":       "bin\x00ary",
		"c.txt":       "bad \xff utf8",
		"d.txt":       "  \n",
		"e.md":        "not read",
		"sub/f.txt":   "date 2021-02-13 Nested story.",
		"sub/g/h.txt": "Deep story.",
	})
	got := collect(t, []string{dir, filepath.Join(dir, "missing.txt"), filepath.Join(dir, "e.md")}, ReadOptions{})
	want := []string{"a", "ERR b.txt: b: binary", "ERR c.txt: c: invalid UTF-8", "ERR d.txt: d: empty", "sub/f", "sub/g/h", "ERR missing.txt", "e.md"}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		w, g := want[i], got[i]
		if strings.HasPrefix(w, "ERR ") {
			// errors name the path
			if !strings.HasPrefix(g, "ERR read "+dir) || !strings.Contains(g, strings.TrimPrefix(w, "ERR ")) {
				t.Errorf("item %d = %q, want an error with %q", i, g, w)
			}
		} else if g != w {
			t.Errorf("item %d = %q, want %q", i, g, w)
		}
	}
}

// TestReadIDs: files of one name in different folders keep apart, by
// their path under the directory named; a file named directly keeps its
// base name; a second document with an ID already read is an error naming
// both places, and reading goes on.
func TestReadIDs(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"2019/story.txt":    "First story.",
		"2020/story.txt":    "Second story.",
		"2020/other.txt":    "Third story.",
		"lines/a.jsonl":     `{"id":"x","text":"One."}` + "\n" + `{"text":"Two."}` + "\n" + `{"id":"x","text":"Again."}`,
		"lines/sub/a.jsonl": `{"text":"Three."}`,
	})
	got := collect(t, []string{dir}, ReadOptions{})
	if want := "2019/story 2020/other 2020/story"; strings.Join(got, " ") != want {
		t.Errorf("tree: %q, want %s", got, want)
	}
	got = collect(t, []string{filepath.Join(dir, "2019/story.txt"), filepath.Join(dir, "2020/other.txt"), filepath.Join(dir, "2020/story.txt")}, ReadOptions{})
	if len(got) != 3 || got[0] != "story" || got[1] != "other" ||
		!strings.Contains(got[2], `duplicate document ID "story"`) || !strings.Contains(got[2], "2020/story.txt") || !strings.Contains(got[2], "2019/story.txt") {
		t.Errorf("files: %q", got)
	}
	got = collect(t, []string{filepath.Join(dir, "lines")}, ReadOptions{JSONL: true})
	if len(got) != 4 || got[0] != "x" || got[1] != "a:2" || !strings.Contains(got[2], `duplicate document ID "x" (also `+filepath.Join(dir, "lines", "a.jsonl")+`:1)`) || got[3] != "sub/a:1" {
		t.Errorf("jsonl: %q", got)
	}
}

func TestReadStdinAndStop(t *testing.T) {
	got := collect(t, nil, ReadOptions{Stdin: strings.NewReader("date 2020-05-01 From stdin.")})
	if len(got) != 1 || got[0] != "stdin" {
		t.Errorf("stdin: %q", got)
	}
	// the consumer stops after the first document
	dir := writeFiles(t, map[string]string{"a.txt": "A.", "b.txt": "B."})
	n := 0
	for range Read([]string{dir}, ReadOptions{}) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("read %d documents after break", n)
	}
}

func TestReadSizeCap(t *testing.T) {
	dir := writeFiles(t, map[string]string{"big.txt": strings.Repeat("word ", 300), "small.txt": "ok"})
	got := collect(t, []string{dir}, ReadOptions{MaxBytes: 1000})
	if len(got) != 2 || !strings.Contains(got[0], "big.txt") || !strings.Contains(got[0], "limit") || got[1] != "small" {
		t.Errorf("got %q", got)
	}
	// a JSONL line over the cap is skipped, and the next line is read
	in := `{"text": "` + strings.Repeat("x", 2000) + `"}` + "\n" + `{"text": "fine"}`
	got = collect(t, []string{"-"}, ReadOptions{JSONL: true, MaxBytes: 1000, Stdin: strings.NewReader(in)})
	if len(got) != 2 || !strings.Contains(got[0], "stdin:1") || got[1] != "stdin:2" {
		t.Errorf("jsonl: %q", got)
	}
}

// A single line far beyond bufio.Scanner's default token size is read
// whole; one over DefaultMaxBytes is reported by name, and reading goes on.
func TestReadLongLine(t *testing.T) {
	huge := writeFiles(t, map[string]string{"a-huge.txt": strings.Repeat("word ", DefaultMaxBytes/4), "b-small.txt": "small"})
	if got := collect(t, []string{huge}, ReadOptions{}); len(got) != 2 || !strings.Contains(got[0], "a-huge.txt") || got[1] != "b-small" {
		t.Errorf("over the default cap: %q", got)
	}
	line := strings.Repeat("word ", 300_000)
	dir := writeFiles(t, map[string]string{"long.txt": line, "long.jsonl": `{"id":"L","text":"` + line + `"}`})
	for _, opt := range []ReadOptions{{}, {JSONL: true}} {
		for d, err := range Read([]string{dir}, opt) {
			if err != nil {
				t.Fatal(err)
			}
			if d.Slice(d.Body) != line {
				t.Errorf("%s: body of %d code points", d.ID, d.Body.Len())
			}
		}
	}
}

func TestReadJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "one", "text": "First story.", "date": "2020-02-29"}`,
		``,
		`{"text": "No id here."}`,
		`{"id": "bad", "text": "x", "date": "2020-02-30"}`,
		`{"id": "nojson"`,
		`{"id": "notext"}`,
		`{"id": "empty", "text": "  "}`,
		"{\"id\": \"utf\", \"text\": \"\xff\"}",
		`{"id": "last", "text": "date 2019-01-01 Header loses to field.", "date": "2021-01-01"}`,
	}, "\r\n")
	dir := writeFiles(t, map[string]string{"batch.jsonl": in, "skip.txt": "not JSONL"})
	var got, dates, warnings []string
	warn := func(err error) { warnings = append(warnings, err.Error()) }
	for d, err := range Read([]string{dir}, ReadOptions{JSONL: true, Warn: warn}) {
		if err != nil {
			got = append(got, "ERR "+err.Error())
			continue
		}
		got = append(got, d.ID)
		dates = append(dates, d.Date)
	}
	want := []string{"one", "batch:3", "bad", "batch.jsonl:5: bad JSON", "batch.jsonl:6: notext: no \"text\"", "batch.jsonl:7: empty: empty", "batch.jsonl:8: invalid UTF-8", "last"}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if !strings.HasSuffix(got[i], want[i]) && !strings.Contains(got[i], want[i]) {
			t.Errorf("item %d = %q, want %q", i, got[i], want[i])
		}
	}
	if strings.Join(dates, ",") != "2020-02-29,,,2021-01-01" {
		t.Errorf("dates %q", dates)
	}
	// a date that cannot be read is a warning, and the document is kept
	if len(warnings) != 1 || !strings.Contains(warnings[0], "batch.jsonl:4: bad: date \"2020-02-30\" not understood") {
		t.Errorf("warnings %q", warnings)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-03-03": "2024-03-03", "March 3, 2024": "2024-03-03", "Mar. 3, 2024": "2024-03-03",
		"Sept. 30, 2019": "2019-09-30", "3 March 2024": "2024-03-03", "Sunday, March 3, 2024": "2024-03-03",
		"2024-03-03T22:10:00-05:00": "2024-03-03", "2024-03-03 08:00:00": "2024-03-03",
		"Sun, 03 Mar 2024 10:00:00 GMT": "2024-03-03", "  March  3,\t2024 ": "2024-03-03", "2024/03/03": "2024-03-03",
		"03/04/2024": "", "yesterday": "", "February 30, 2024": "", "2024-02-30": "", "": "",
	} {
		got, ok := ParseDate(in)
		if got != want || ok != (want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"Hello.","date":"2020-01-01"}` + "\n" + `{"text":"x"}`))
	f.Add([]byte("{\"text\":\"\\u0000\"}\n\n{}\n\xff\n"))
	f.Add([]byte(`{"id":1,"text":["x"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := strings.Count(string(data), "\n") + 1
		n := 0
		for d, err := range Read(nil, ReadOptions{JSONL: true, Stdin: strings.NewReader(string(data)), MaxBytes: 1 << 12}) {
			n++
			if (d == nil) == (err == nil) {
				t.Fatalf("Read yielded (%v, %v)", d, err)
			}
			if err != nil && !strings.Contains(err.Error(), "stdin:") {
				t.Fatalf("error %q does not name the line", err)
			}
			if d != nil {
				Tokenize(d)
				checkDocument(t, d)
			}
		}
		if n > lines {
			t.Fatalf("%d results from %d lines", n, lines)
		}
	})
}

func TestDateInName(t *testing.T) {
	tests := []struct{ id, want string }{
		{"nyt_2016-09-20_obama-speech", "2016-09-20"},
		{"2021-02-13", "2021-02-13"},
		{"report-2016-02-30", ""}, // not a calendar date
		{"12016-09-20", ""},       // part of a longer number
		{"story", ""},
	}
	for _, tt := range tests {
		if got := dateInName(tt.id); got != tt.want {
			t.Errorf("dateInName(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
	// a header in the text wins over the file name
	dir := writeFiles(t, map[string]string{"a_2016-01-01_x.txt": "date 2021-02-13 Body.", "b_2016-01-01_y.txt": "Body."})
	var dates []string
	for d, err := range Read([]string{dir}, ReadOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		dates = append(dates, d.Date)
	}
	if strings.Join(dates, ",") != "2021-02-13,2016-01-01" {
		t.Errorf("dates %v", dates)
	}
}

// TestReadHTML: .html and .htm files are read as pages, by extension or
// with opt.HTML, and a URL is fetched and read by its Content-Type.
func TestReadHTML(t *testing.T) {
	page := `<html><head><title>Dam opens</title><meta property="article:published_time" content="2022-06-01"></head>` +
		`<body><p>&ldquo;It works,&rdquo; the engineer said.</p></body></html>`
	dir := writeFiles(t, map[string]string{"a/page.html": page, "b/page.HTM": page, "c/page.txt": "Plain <b>text</b>.", "d/page.md": page})
	texts := map[string]string{}
	for d, err := range Read([]string{dir, filepath.Join(dir, "d/page.md")}, ReadOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		texts[d.ID] = d.Text
		if d.ID == "a/page" && d.Date != "2022-06-01" {
			t.Errorf("%s: date %q", d.ID, d.Date)
		}
	}
	want := "Dam opens\n\n“It works,” the engineer said."
	if texts["a/page"] != want || texts["b/page"] != want || texts["c/page"] != "Plain <b>text</b>." || !strings.HasPrefix(texts["page.md"], "<html>") {
		t.Errorf("read %q", texts)
	}
	for d, err := range Read([]string{"-"}, ReadOptions{HTML: true, Stdin: strings.NewReader(page)}) {
		if err != nil || d.Text != want {
			t.Errorf("stdin as HTML: %v %q", err, d.Text)
		}
	}

	mux := http.NewServeMux()
	mux.HandleFunc("/news/2022/dam.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(page))
	})
	mux.HandleFunc("/plain/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("date 2021-01-02 He said <so>."))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	got := map[string]string{}
	for d, err := range Read([]string{srv.URL + "/news/2022/dam.html", srv.URL + "/plain/", srv.URL + "/gone"}, ReadOptions{}) {
		if err != nil {
			got["ERR"] = err.Error()
			continue
		}
		got[d.ID] = d.Text
	}
	if got[host+"/news/2022/dam"] != want || got[host+"/plain"] != "date 2021-01-02 He said <so>." || !strings.Contains(got["ERR"], "404") {
		t.Errorf("urls: %q", got)
	}
}

// TestReadEncoding: with an encoding, files are decoded to UTF-8; without,
// invalid UTF-8 is an error.
func TestReadEncoding(t *testing.T) {
	dir := writeFiles(t, map[string]string{"old.txt": "\x93Non,\x94 dit Andr\xe9 \x80.", "old.jsonl": "{\"text\":\"caf\xe9\"}"})
	for d, err := range Read([]string{filepath.Join(dir, "old.txt")}, ReadOptions{}) {
		if err == nil || !errors.Is(err, ErrInvalidUTF8) {
			t.Errorf("no encoding: %v %v", d, err)
		}
	}
	for d, err := range Read([]string{filepath.Join(dir, "old.txt")}, ReadOptions{Encoding: charmap.Windows1252}) {
		if err != nil || d.Text != "“Non,” dit André €." {
			t.Errorf("windows-1252: %v %q", err, d.Text)
		}
	}
	for d, err := range Read([]string{dir}, ReadOptions{JSONL: true, Encoding: charmap.ISO8859_1}) {
		if err != nil || d.Text != "café" {
			t.Errorf("jsonl latin-1: %v %v", err, d)
		}
	}
}
