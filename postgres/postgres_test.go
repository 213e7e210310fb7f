package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/storetest"
	"github.com/onrecord/onrecord/postgres"
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
