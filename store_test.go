package onrecord

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestQuoteKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Obamacare is imploding, believe me.", "obamacare is imploding believe me"},
		{"  “OBAMACARE IS IMPLODING — believe me!”", "obamacare is imploding believe me"},
		{"Obamacare\tis\n\nimploding... believe   me", "obamacare is imploding believe me"},
		{"Zürich's café", "zürich s café"},
		{"I'll be back", "i ll be back"},
		{"", ""},
		{"?! — …", ""},
	} {
		if got := QuoteKey(tc.in); got != tc.want {
			t.Errorf("QuoteKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseName(t *testing.T) {
	for _, tc := range []struct {
		name, typ string
		want      Name
	}{
		{"Donald Trump", "person", Name{"Donald Trump", "Donald Trump", "donald trump", "donald", "trump"}},
		{"Donald J. Trump", "person", Name{"Donald J. Trump", "Donald Trump", "donald trump", "donald", "trump"}},
		{"Mr. Trump", "person", Name{"Trump", "Trump", "trump", "", "trump"}},
		{"President Trump’s", "person", Name{"Trump", "Trump", "trump", "", "trump"}},
		{"Secretary of State Hillary Clinton", "person", Name{"Hillary Clinton", "Hillary Clinton", "hillary clinton", "hillary", "clinton"}},
		{"Donald Trump Jr.", "person", Name{"Donald Trump Jr.", "Donald Trump Jr.", "donald trump jr", "donald", "trump jr"}},
		{"J. K. Rowling", "person", Name{"J. K. Rowling", "J. Rowling", "j rowling", "j", "rowling"}},
		{"José Andrés", "person", Name{"José Andrés", "José Andrés", "josé andrés", "josé", "andrés"}},
		{"President", "person", Name{"President", "President", "president", "", "president"}},
		{"the White House", "organization", Name{"White House", "White House", "white house", "white", "house"}},
		{"Mr. Smith Inc.", "organization", Name{"Mr. Smith Inc.", "Mr. Smith Inc.", "mr smith inc", "mr", "inc"}},
		{"", "person", Name{}},
		{"  ... -- ", "person", Name{}},
	} {
		if got := ParseName(tc.name, tc.typ); got != tc.want {
			t.Errorf("ParseName(%q, %q) = %+v, want %+v", tc.name, tc.typ, got, tc.want)
		}
	}
}

func FuzzQuoteKey(f *testing.F) {
	for _, s := range []string{"Obamacare is imploding!", "“Yes,” — we can", "\xff\x00a", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := QuoteKey(s)
		if !utf8.ValidString(k) || strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Fatalf("QuoteKey(%q) = %q: not collapsed", s, k)
		}
		if QuoteKey(k) != k {
			t.Fatalf("QuoteKey(%q) = %q, whose key is %q", s, k, QuoteKey(k))
		}
	})
}

func FuzzParseName(f *testing.F) {
	for _, s := range []string{"Donald J. Trump", "Mr. Trump’s", "the White House", "J.", "...", "\xff"} {
		f.Add(s, "person")
		f.Add(s, "organization")
	}
	f.Fuzz(func(t *testing.T, name, typ string) {
		n := ParseName(name, typ)
		if n.Key == "" {
			if n != (Name{}) {
				t.Fatalf("ParseName(%q) = %+v: parts without a key", name, n)
			}
			return
		}
		if n.Display == "" || n.Full == "" || n.Surname == "" || !strings.HasSuffix(n.Key, n.Surname) ||
			(n.First != "" && !strings.HasPrefix(n.Key, n.First+" ")) {
			t.Fatalf("ParseName(%q, %q) = %+v: inconsistent parts", name, typ, n)
		}
	})
}
