package text

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNewDocumentSample(t *testing.T) {
	raw, err := os.ReadFile("../testdata/timberlake-apology-2021-02-13.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewDocument("timberlake", raw)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "timberlake" || d.Date != "2021-02-13" || d.Text != string(raw) {
		t.Errorf("ID %q Date %q, text kept: %v", d.ID, d.Date, d.Text == string(raw))
	}
	body := d.Slice(d.Body)
	if !strings.HasPrefix(body, "Justin Timberlake was recently trending") {
		t.Errorf("body starts %q", body[:40])
	}
	if !strings.HasSuffix(body, `I can do better and I will do better."`) {
		t.Errorf("body ends %q", body[len(body)-40:])
	}
	if strings.Contains(body, "ALSO READ") {
		t.Error("body keeps the ALSO READ lines")
	}
	Tokenize(d)
	checkDocument(t, d)
	if w := d.Word(0); w != "Justin" {
		t.Errorf("first token %q", w)
	}
	if w := d.Word(len(d.Tokens) - 1); w != `"` {
		t.Errorf("last token %q", w)
	}
}

func TestNewDocument(t *testing.T) {
	tests := []struct {
		name, in   string
		date, body string
	}{
		{"plain", "Just a story.\n", "", "Just a story.\n"},
		{"header", "date 2020-01-31 The story.", "2020-01-31", "The story."},
		{"header after space", "\n  DATE 2020-01-31\n\nThe story.", "2020-01-31", "The story."},
		{"not a header", "dated 2020-01-31 story", "", "dated 2020-01-31 story"},
		{"header glued to text", "date 2020-01-31story", "", "date 2020-01-31story"},
		{"boilerplate", "The story.\n\nRead more: other story\nAlso Read | x\nFollow us on Twitter\n", "", "The story."},
		{"labels", "The story.\nRELATED: x\nClick here to subscribe.\n© 2021 Times\nFollow Jane Doe on Twitter @jd", "", "The story."},
		{"not boilerplate", "The story.\nRelated charges were filed.", "", "The story.\nRelated charges were filed."},
		{"only boilerplate", "Read more: x", "", "Read more: x"},
		{"boilerplate mid-text stays", "A.\nRead more: x\nB.", "", "A.\nRead more: x\nB."},
	}
	for _, tt := range tests {
		d, err := NewDocument(tt.name, []byte(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if d.Date != tt.date || d.Slice(d.Body) != tt.body || d.Text != tt.in {
			t.Errorf("%s: date %q body %q", tt.name, d.Date, d.Slice(d.Body))
		}
	}
}

func TestNewDocumentErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "empty"},
		{" \n\t ", "empty"},
		{"ab\x00cd", "binary"},
		{"ab\xffcd", "invalid UTF-8"},
		{"date 2021-02-30 text", "bad date"},
		{"date 2021-02-13   ", "no text after the date header"},
	}
	for _, tt := range tests {
		_, err := NewDocument("doc-7", []byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "doc-7") {
			t.Errorf("NewDocument(%q) error %v, want one naming doc-7 with %q", tt.in, err, tt.want)
		}
	}
}

func FuzzNewDocument(f *testing.F) {
	sample, _ := os.ReadFile("../testdata/timberlake-apology-2021-02-13.txt")
	for _, s := range []string{string(sample), "", "date 2020-01-01", "date 2020-01-01 x\nALSO READ: y", "\x00", "\xff", "é\nRead more", "\nALSO"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		d, err := NewDocument("f", raw)
		if err != nil {
			if d != nil {
				t.Fatal("document with an error")
			}
			return
		}
		n := utf8.RuneCount(raw)
		if d.Text != string(raw) || d.Body.Start < 0 || d.Body.Start >= d.Body.End || d.Body.End > n {
			t.Fatalf("body %+v of %d code points", d.Body, n)
		}
		if d.Date != "" && checkDate(d.Date) != nil {
			t.Fatalf("bad date %q", d.Date)
		}
		Tokenize(d)
		checkDocument(t, d)
		if len(d.Tokens) == 0 {
			t.Fatal("no tokens in a non-empty body")
		}
	})
}
