package sqlite

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/onrecord/onrecord/internal/storetest"
)

// TestReadsUseIndexes checks the plans SQLite makes for the reads the
// server answers (an article, the speakers list, searches by words, by
// speaker, by date and the newest quotes): the tables that grow with every
// article (occurrences, quotes, articles) are reached through an index, the
// full-text index or the rowid, never scanned whole. The speakers list
// scans speakers, as it counts every one (the server counts it once a
// second for all clients); a page of the newest quotes walks the quotes'
// date index from the newest and stops after the page.
func TestReadsUseIndexes(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "plans.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := st.(*Store)
	storetest.PutPlanRecord(t, s)
	type read struct {
		name  string
		query string
		args  []any
	}
	reads := []read{
		{"article", articleSQL, []any{"a"}},
		{"article quotes", articleQuotesSQL, []any{"a"}},
		{"speakers", speakersSQL, []any{100}},
	}
	for _, c := range storetest.PlanSearches(t) {
		query, args := searchSQL(c.Q, c.Words, c.IDs, 20, c.After)
		reads = append(reads, read{"search " + c.Name, query, args})
	}
	scan := regexp.MustCompile(`^SCAN (\w+)(.*)`)
	for _, r := range reads {
		plan, err := explain(ctx, s, r.query, r.args)
		if err != nil {
			t.Fatalf("%s: %v", r.name, err)
		}
		t.Logf("%s:\n%s", r.name, strings.Join(plan, "\n"))
		if strings.HasPrefix(r.name, "search words") && !strings.Contains(strings.Join(plan, "\n"), "SCAN quote_terms VIRTUAL TABLE INDEX 0:M") {
			t.Errorf("%s: the words are not looked up in the full-text index", r.name)
		}
		for _, step := range plan {
			m := scan.FindStringSubmatch(step)
			if m == nil {
				continue
			}
			switch table, how := m[1], m[2]; {
			case table == "s" && r.name == "speakers":
			case table == "q" && strings.HasPrefix(r.name, "search newest") && strings.Contains(how, "USING INDEX quotes_first"):
			case table == "o", table == "occurrences", table == "q", table == "quotes", table == "articles":
				t.Errorf("%s: %q scans a table that grows with the record", r.name, step)
			}
		}
	}
}

// explain returns the steps of the plan of query, one line each.
func explain(ctx context.Context, s *Store, query string, args []any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var steps []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return nil, err
		}
		steps = append(steps, detail)
	}
	return steps, rows.Err()
}
