package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/storetest"
	"github.com/onrecord/onrecord/postgres"
	"github.com/onrecord/onrecord/sqlite"
)

// defaultDSN is the database that .ci/postgres.sh creates.
const defaultDSN = "postgres://onrecord:onrecord@127.0.0.1:5432/onrecord_test?sslmode=disable"

var (
	serverOnce sync.Once
	serverDSN  string
	serverErr  error
)

// server returns the DSN of the test server: $ONRECORD_TEST_POSTGRES, else
// the local default. Tests skip, loudly, only when it cannot be reached.
func server(tb testing.TB) string {
	tb.Helper()
	serverOnce.Do(func() {
		serverDSN = os.Getenv("ONRECORD_TEST_POSTGRES")
		if serverDSN == "" {
			serverDSN = defaultDSN
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, serverDSN)
		if err != nil {
			serverErr = err
			return
		}
		serverErr = conn.Ping(ctx)
		conn.Close(ctx)
	})
	if serverErr != nil {
		tb.Skipf("POSTGRES TESTS SKIPPED: no server at %s (%v); run `export ONRECORD_TEST_POSTGRES=\"$(bash .ci/postgres.sh)\"`", redact(serverDSN), serverErr)
	}
	return serverDSN
}

// redact hides the password of a URL-style DSN.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(unparsable DSN)"
	}
	return u.Redacted()
}

// newDSN creates an empty schema for one test, dropped at its end, and
// returns a DSN whose search_path is that schema.
func newDSN(tb testing.TB) string {
	dsn := server(tb)
	ctx := context.Background()
	var b [6]byte
	rand.Read(b[:])
	name := "t_" + hex.EncodeToString(b[:])
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+name); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			tb.Error(err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+name+" CASCADE"); err != nil {
			tb.Error(err)
		}
	})
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "search_path=" + name
}

var backend = storetest.Backend{Name: "postgres", Open: postgres.Open, NewDSN: newDSN}

func TestMain(m *testing.M) {
	storetest.Main(backend)
	os.Exit(m.Run())
}

func TestStore(t *testing.T) { storetest.Run(t, backend) }

func BenchmarkSearch(b *testing.B) { storetest.BenchSearch(b, backend) }

func BenchmarkPut(b *testing.B) { storetest.BenchPut(b, backend) }

// TestUnstorableText checks that NUL and invalid UTF-8, which PostgreSQL
// text refuses, are stored as U+FFFD without moving any offset.
func TestUnstorableText(t *testing.T) {
	ctx := context.Background()
	s, err := postgres.Open(ctx, newDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	text := "a\x00b \xff\xfe “yes we can” \xe2\x82 said Obama"
	d := &onrecord.Document{ID: "bad\x00id", Text: text, Quotes: []onrecord.Attribution{{
		Kind: onrecord.Direct, Content: []onrecord.Span{{Start: 8, End: 18}},
		Speaker: &onrecord.Speaker{Name: "Obama\xff", Type: "person"},
	}}}
	want := d.Slice(d.Quotes[0].Content[0])
	if _, err := s.Put(ctx, d); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.Has(ctx, d.ID, text); err != nil || !ok {
		t.Fatalf("has: %v %v", ok, err)
	}
	got, err := s.Article(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.ValidString(got.Text) || d.Runes() != got.Runes() {
		t.Fatalf("text %q: %d code points, want %d", got.Text, got.Runes(), d.Runes())
	}
	if g := got.Slice(got.Quotes[0].Content[0]); g != want {
		t.Fatalf("content %q, want %q", g, want)
	}
}

// TestSameAsSQLite runs every query of the search language on both stores
// holding the same corpus: the same hits, snippets included.
func TestSameAsSQLite(t *testing.T) {
	ctx := context.Background()
	pg, err := postgres.Open(ctx, newDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	lite, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "same.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	for _, d := range storetest.Corpus(120, 10, "same") {
		for _, s := range []onrecord.Store{pg, lite} {
			if _, err := s.Put(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, words := range storetest.SearchQueries {
		q := onrecord.Query{Words: words, Limit: 100}
		want := storetest.Results(t, lite, q)
		if got := storetest.Results(t, pg, q); !slices.Equal(got, want) {
			t.Errorf("%q: postgres %d hits, sqlite %d:\n%s\nvs\n%s", words, len(got), len(want), strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	ls, lerr := lite.Speakers(ctx, 0)
	ps, perr := pg.Speakers(ctx, 0)
	if lerr != nil || perr != nil || fmt.Sprint(ls) != fmt.Sprint(ps) {
		t.Errorf("speakers: sqlite %v (%v), postgres %v (%v)", ls, lerr, ps, perr)
	}
	for _, name := range []string{"Clinton", "Donald Trump", "Mr. Obama", "the White House"} {
		q := onrecord.Query{Speaker: name, Limit: 100}
		if got, want := storetest.Results(t, pg, q), storetest.Results(t, lite, q); len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("speaker %q: postgres %d hits, sqlite %d", name, len(got), len(want))
		}
	}
	for _, words := range storetest.BadQueries {
		_, _, lerr := lite.Search(ctx, onrecord.Query{Words: words})
		_, _, perr := pg.Search(ctx, onrecord.Query{Words: words})
		if !errors.Is(lerr, onrecord.ErrBadQuery) || !errors.Is(perr, onrecord.ErrBadQuery) {
			t.Errorf("%q: sqlite %v, postgres %v; want bad queries", words, lerr, perr)
		}
	}
}

// TestOldRecord migrates a record made before the search terms (a tsv
// column PostgreSQL generated itself), speaker forms (speakers with
// aliases) and key hashes (a unique key).
func TestOldRecord(t *testing.T) {
	storetest.OldRecord(t, backend, func(dsn string) error {
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, `ALTER TABLE quotes DROP COLUMN tsv;
			ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', content)) STORED;
			ALTER TABLE quotes DROP COLUMN key_hash; ALTER TABLE quotes ADD UNIQUE (key);
			DROP INDEX occurrences_form; ALTER TABLE occurrences DROP COLUMN form_id; DROP TABLE forms;
			CREATE TABLE aliases(name text PRIMARY KEY, key text NOT NULL, speaker_id bigint NOT NULL REFERENCES speakers(id))`)
		return err
	})
}
