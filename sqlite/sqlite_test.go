package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/storetest"
	"github.com/onrecord/onrecord/sqlite"
)

var backend = storetest.Backend{
	Name:   "sqlite",
	Open:   sqlite.Open,
	NewDSN: func(tb testing.TB) string { return filepath.Join(tb.TempDir(), "onrecord.db") },
}

func TestMain(m *testing.M) {
	storetest.Main(backend)
	os.Exit(m.Run())
}

func TestStore(t *testing.T) { storetest.Run(t, backend) }

func BenchmarkSearch(b *testing.B) { storetest.BenchSearch(b, backend) }

func BenchmarkPut(b *testing.B) { storetest.BenchPut(b, backend) }

func TestOpenDSN(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, tc := range []struct {
		dsn  string
		file string
		ok   bool
	}{
		{filepath.Join(dir, "a.db"), "a.db", true},
		{"sqlite:" + filepath.Join(dir, "b.db"), "b.db", true},
		{"file:" + filepath.Join(dir, "c.db") + "?cache=private", "c.db", true},
		{"", "", false},
		{filepath.Join(dir, "missing", "d.db"), "", false},
	} {
		s, err := sqlite.Open(ctx, tc.dsn)
		if (err == nil) != tc.ok {
			t.Errorf("open %q: err %v, want ok %v", tc.dsn, err, tc.ok)
		}
		if err != nil {
			continue
		}
		if _, err := s.Put(ctx, storetest.Article("x", "", storetest.Q{Kind: onrecord.Direct, Speaker: "Obama", Type: "person", Content: "yes we can"})); err != nil {
			t.Fatal(err)
		}
		s.Close()
		if _, err := os.Stat(filepath.Join(dir, tc.file+"-wal")); err == nil {
			t.Errorf("%s: WAL not checkpointed on close", tc.file)
		}
		if _, err := os.Stat(filepath.Join(dir, tc.file)); err != nil {
			t.Errorf("%s: %v", tc.dsn, err)
		}
	}
}

// FuzzSearch checks that no query text fails the store: words and names
// are user input, never FTS5 syntax; a query with nothing to search is a
// bad query.
func FuzzSearch(f *testing.F) {
	s, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Put(context.Background(), storetest.Article("x", "2016-01-02",
		storetest.Q{Kind: onrecord.Direct, Speaker: "Donald Trump", Type: "person", Content: "we will win so much"})); err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"win", `"win`, "win*", "NEAR(win much)", "a:b", "-win", "^win", "Trump’s", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, _, err := s.Search(context.Background(), onrecord.Query{Words: q, Speaker: q}); err != nil && !errors.Is(err, onrecord.ErrBadQuery) {
			t.Fatalf("search %q: %v", q, err)
		}
	})
}

// TestOldRecord checks that a record made before the search terms and
// speaker forms (its FTS5 index tokenized by SQLite, quotes_fts; speakers
// with aliases) is moved to both when opened: the same hits and speakers.
func TestOldRecord(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range storetest.Corpus(20, 9, "old") {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	q := onrecord.Query{Words: "it's OR obamacare"}
	want, wantSpeakers := storetest.Results(t, s, q), speakerCounts(t, s)
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`DROP TABLE quote_terms; CREATE VIRTUAL TABLE quotes_fts USING fts5(
		content, content='quotes', content_rowid='id', tokenize='porter unicode61');
		INSERT INTO quotes_fts(quotes_fts) VALUES('rebuild');
		DROP INDEX occurrences_form; ALTER TABLE occurrences DROP COLUMN form_id; DROP TABLE forms;
		CREATE TABLE aliases(name TEXT PRIMARY KEY, key TEXT NOT NULL, speaker_id INTEGER NOT NULL REFERENCES speakers(id));`)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if s, err = sqlite.Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := storetest.Results(t, s, q); len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("after migration: %d hits, want %d", len(got), len(want))
	}
	if got := speakerCounts(t, s); !slices.Equal(got, wantSpeakers) {
		t.Errorf("speakers after migration:\n%q\nwant\n%q", got, wantSpeakers)
	}
	if hits, _, err := s.Search(ctx, onrecord.Query{Speaker: "Clinton"}); err != nil || len(hits) == 0 {
		t.Errorf("--speaker Clinton after migration: %d hits, %v", len(hits), err)
	}
}

// speakerCounts lists each speaker's name, type and counts.
func speakerCounts(t *testing.T, s onrecord.Store) []string {
	t.Helper()
	st, err := s.Speakers(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, sp := range st {
		out = append(out, fmt.Sprint(sp.Name, sp.Type, sp.Quotes, sp.Articles))
	}
	return out
}
