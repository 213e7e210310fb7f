package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/storetest"
)

// TestAnswersFollowWriters checks that kept answers are served while the
// record is unchanged and never after another store on the same file (as
// an ingest in another process would) commits a change.
func TestAnswersFollowWriters(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "answers.db")
	open := func() *Store {
		st, err := Open(ctx, file)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st.(*Store)
	}
	server, ingest := open(), open()
	put := func(s *Store, d *onrecord.Document) {
		t.Helper()
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	search := func(want int) {
		t.Helper()
		hits, _, err := server.Search(ctx, onrecord.Query{Words: "win"})
		if err != nil || len(hits) != want {
			t.Fatalf("search: %d hits, %v; want %d", len(hits), err, want)
		}
	}
	article := func(want string) {
		t.Helper()
		d, err := server.Article(ctx, "a")
		if err != nil || d.Text != want {
			t.Fatalf("article: %q, %v; want %q", d.Text, err, want)
		}
		d.Quotes = nil // the caller's copy: the next answer keeps its quotes
	}
	a := storetest.Article("a", "2016-01-02", storetest.Q{Kind: onrecord.Direct, Speaker: "Donald Trump", Type: "person", Content: "we will win so much"})
	put(ingest, a)
	search(1)
	article(a.Text)
	search(1)
	article(a.Text)
	if d, _ := server.Article(ctx, "a"); len(d.Quotes) != 1 {
		t.Fatalf("kept article: %d quotes, want 1", len(d.Quotes))
	}
	if len(server.ans.searches) != 1 || len(server.ans.articles) != 1 {
		t.Fatalf("kept %d searches and %d articles, want 1 and 1", len(server.ans.searches), len(server.ans.articles))
	}
	put(ingest, storetest.Article("b", "2016-01-03", storetest.Q{Kind: onrecord.Direct, Speaker: "Hillary Clinton", Type: "person", Content: "we will win this"}))
	search(2)
	a2 := storetest.Article("a", "2016-01-02", storetest.Q{Kind: onrecord.Direct, Speaker: "Donald Trump", Type: "person", Content: "we will not lose"})
	put(ingest, a2)
	article(a2.Text)
	search(1)
	// The server's own writes count too.
	put(server, a)
	search(2)
}
