package postgres

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzClean(f *testing.F) {
	for _, s := range []string{"plain", "a\x00b", "\xff\xfe", "“ok” \xe2\x82", "\uFFFD"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := clean(s)
		if !utf8.ValidString(c) || strings.ContainsRune(c, 0) {
			t.Fatalf("clean(%q) = %q: not storable", s, c)
		}
		if utf8.RuneCountInString(c) != utf8.RuneCountInString(s) {
			t.Fatalf("clean(%q) = %q: code points moved", s, c)
		}
		if utf8.ValidString(s) && !strings.ContainsRune(s, 0) && c != s {
			t.Fatalf("clean(%q) = %q: changed a storable text", s, c)
		}
	})
}
