package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
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
	// A record in memory: the same statements as on a file without its
	// locks and reads, half of a search's time; the fuzzer's coverage of
	// SQLite's own code makes each search ten times slower than outside it.
	s, err := sqlite.Open(context.Background(), "file:fuzzsearch?mode=memory&cache=shared")
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

// TestOldRecord migrates a record made before the search terms (an FTS5
// index tokenized by SQLite, quotes_fts) and speaker forms (speakers with
// aliases).
func TestOldRecord(t *testing.T) {
	storetest.OldRecord(t, backend, func(dsn string) error {
		db, err := sql.Open("sqlite", dsn)
		if err != nil {
			return err
		}
		defer db.Close()
		_, err = db.Exec(`DROP TABLE quote_terms; CREATE VIRTUAL TABLE quotes_fts USING fts5(
			content, content='quotes', content_rowid='id', tokenize='porter unicode61');
			INSERT INTO quotes_fts(quotes_fts) VALUES('rebuild');
			DROP INDEX occurrences_form; ALTER TABLE occurrences DROP COLUMN form_id; DROP TABLE forms;
			CREATE TABLE aliases(name TEXT PRIMARY KEY, key TEXT NOT NULL, speaker_id INTEGER NOT NULL REFERENCES speakers(id));`)
		return err
	})
}
