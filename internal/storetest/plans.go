package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/record"
)

// Search is a search whose plan a store's test checks: q with its words
// parsed (nil: none), the speaker ids its speaker names and the cursor of
// the page (nil: the first).
type Search struct {
	Name  string
	Q     onrecord.Query
	Words *record.Search
	IDs   []int64
	After *record.Cursor
}

// PlanSearches are the searches the server answers (by words, by speaker,
// by date, the newest quotes, first and later pages), over a record that
// PutPlanRecord filled.
func PlanSearches(tb testing.TB) []Search {
	words, err := record.ParseSearch("win")
	if err != nil {
		tb.Fatal(err)
	}
	day := time.Date(2016, 1, 15, 0, 0, 0, 0, time.UTC)
	ids := []int64{1, 2}
	page2 := &record.Cursor{Score: -1, Date: "2016-01-02", Quote: 1}
	return []Search{
		{"words", onrecord.Query{}, words, nil, nil},
		{"words, page 2", onrecord.Query{}, words, nil, page2},
		{"words since", onrecord.Query{Since: day}, words, nil, nil},
		{"words, speaker, kind", onrecord.Query{Kind: onrecord.Direct}, words, ids, nil},
		{"speaker", onrecord.Query{}, nil, ids, nil},
		{"speaker until, confidence", onrecord.Query{Until: day, MinConfidence: 0.5}, nil, ids, nil},
		{"since", onrecord.Query{Since: day}, nil, nil, nil},
		{"newest", onrecord.Query{}, nil, nil, nil},
		{"newest, page 2", onrecord.Query{}, nil, nil, page2},
	}
}

// PutPlanRecord stores the two articles the plans are made over.
func PutPlanRecord(tb testing.TB, st onrecord.Store) {
	for _, d := range []*onrecord.Document{
		Article("a", "2016-01-02", Q{Kind: onrecord.Direct, Speaker: "Donald Trump", Type: "person", Content: "we will win so much"}),
		Article("b", "2016-02-03", Q{Kind: onrecord.Indirect, Speaker: "Hillary Clinton", Type: "person", Content: "she would win the vote"}),
	} {
		if _, err := st.Put(context.Background(), d); err != nil {
			tb.Fatal(err)
		}
	}
}
