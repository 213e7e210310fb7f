package webpage

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, page, ctype, want string
	}{
		{"entities", `<p>&ldquo;Yes,&rdquo; she said &amp; left. &#8216;No&#8217; &quot;x&quot;</p>`, "",
			"“Yes,” she said & left. ‘No’ \"x\""},
		{"short page", `<html><body><p>He said so.</p></body></html>`, "", "He said so."},
		{"short page with nav", `<nav><a href="/">Home</a></nav><p>He said so.</p><aside>Ads</aside><footer>(c) Site</footer>`, "", "He said so."},
		{"latin-1 by meta", "<meta charset=\"iso-8859-1\"><p>Andr\xe9 said \x93no\x94.</p>", "", "André said “no”."},
		{"charset by Content-Type", "<p>Andr\xe9 said no.</p>", "text/html; charset=windows-1252", "André said no."},
		// valid UTF-8 wins over a <meta> that says otherwise
		{"misdeclared utf-8", "<meta charset=\"iso-8859-1\"><p>André said no.</p>", "", "André said no."},
		{"title once", `<title>Mayor resigns</title><h1>Mayor resigns</h1><p>The mayor said she would resign.</p>`, "",
			"Mayor resigns\n\nThe mayor said she would resign."},
	} {
		p, err := Parse([]byte(tc.page), tc.ctype, nil)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if p.Text != tc.want {
			t.Errorf("%s: text %q, want %q", tc.name, p.Text, tc.want)
		}
	}
	for _, page := range []string{"", "<html><body><script>x()</script></body></html>", "<img src=a.png>"} {
		if p, err := Parse([]byte(page), "", nil); err == nil {
			t.Errorf("%q: no error, text %q", page, p.Text)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`<html><head><title>T</title><meta name="author" content="A"></head><body><article><p>&ldquo;Q,&rdquo; he said.</p></article></body></html>`), "")
	f.Add([]byte("<table><tr><td><p>x<td><br><br>y"), "text/html; charset=iso-8859-1")
	f.Add([]byte(`<script type="application/ld+json">{"datePublished":"2024-13-45","author":[{}]}</script><p>z</p>`), "")
	f.Add([]byte("<math><mi>x</mi></math><pre>a\n b</pre><noscript><img src=x></noscript>"), "text/html; charset=utf-16")
	f.Fuzz(func(t *testing.T, raw []byte, ctype string) {
		p, err := Parse(raw, ctype, nil)
		if err != nil {
			return
		}
		if strings.TrimSpace(p.Text) == "" {
			t.Errorf("no error and no text")
		}
		if p.Date != "" {
			if _, err := time.Parse(time.DateOnly, p.Date); err != nil {
				t.Errorf("date %q: %v", p.Date, err)
			}
		}
	})
}

func TestFetch(t *testing.T) {
	var agent string
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		agent = r.Header.Get("User-Agent")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<p>Hello.</p>"))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("x", 5000)))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := context.Background()

	body, ctype, err := Fetch(ctx, srv.URL+"/story", 1000)
	if err != nil || string(body) != "<p>Hello.</p>" || !strings.HasPrefix(ctype, "text/html") {
		t.Errorf("story: %q %q %v", body, ctype, err)
	}
	if agent != UserAgent {
		t.Errorf("user agent %q", agent)
	}
	if _, _, err := Fetch(ctx, srv.URL+"/big", 1000); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("big: %v, want the size limit", err)
	}
	if _, _, err := Fetch(ctx, srv.URL+"/missing", 1000); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("missing: %v, want 404", err)
	}
	short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, _, err := Fetch(short, srv.URL+"/slow", 1000); err == nil {
		t.Errorf("slow: no error")
	}
	if time.Since(start) > 3*time.Second {
		t.Errorf("slow: gave up after %s", time.Since(start))
	}
}

// BenchmarkParse reads the five test pages; MB/s counts their HTML.
func BenchmarkParse(b *testing.B) {
	files, err := filepath.Glob("testdata/pages/*.html")
	if err != nil || len(files) == 0 {
		b.Fatal("no test pages", err)
	}
	var pages [][]byte
	size := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, raw)
		size += len(raw)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, raw := range pages {
			if _, err := Parse(raw, "", nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}
