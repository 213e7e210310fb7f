package postgres_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/onrecord/onrecord/internal/storetest"
	"github.com/onrecord/onrecord/postgres"
)

// TestReadsUseIndexes checks the plans PostgreSQL makes for the reads the
// server answers, as sqlite's test of the same name does. On a table of a
// few rows the planner rightly prefers reading it whole, so sequential
// scans are turned off: one that remains is one no index could replace.
// The tables that grow with every article (occurrences, quotes, articles)
// must not be read whole; the speakers list reads speakers whole, as it
// counts every one.
func TestReadsUseIndexes(t *testing.T) {
	ctx := context.Background()
	dsn := newDSN(t)
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	storetest.PutPlanRecord(t, st)
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
		t.Fatal(err)
	}
	type read struct {
		name  string
		query string
		args  []any
	}
	reads := []read{
		{"article", postgres.ArticleSQL, []any{"a"}},
		{"article quotes", postgres.ArticleQuotesSQL, []any{"a"}},
		{"speakers", postgres.SpeakersSQL, []any{100}},
	}
	for _, c := range storetest.PlanSearches(t) {
		query, args := postgres.SearchSQL(c.Q, c.Words, c.IDs, 20, c.After)
		reads = append(reads, read{"search " + c.Name, query, args})
	}
	seq := regexp.MustCompile(`Seq Scan on (\w+)`)
	for _, r := range reads {
		rows, err := tx.Query(ctx, "EXPLAIN "+r.query, r.args...)
		if err != nil {
			t.Fatalf("%s: %v", r.name, err)
		}
		plan, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatalf("%s: %v", r.name, err)
		}
		t.Logf("%s:\n%s", r.name, strings.Join(plan, "\n"))
		for _, step := range plan {
			m := seq.FindStringSubmatch(step)
			if m == nil || (m[1] == "speakers" && r.name == "speakers") {
				continue
			}
			switch m[1] {
			case "occurrences", "quotes", "articles":
				t.Errorf("%s: %q reads a table that grows with the record whole", r.name, strings.TrimSpace(step))
			}
		}
	}
}
