package storetest

import (
	"context"
	"slices"
	"strconv"
	"testing"

	"github.com/onrecord/onrecord"
)

// OldRecord checks that a record of the schema before search terms and
// speaker forms is moved to both when opened: toOld turns the fresh record
// at dsn, closed, into that schema. Hits and speakers (names, types and
// counts; the old record kept no forms to list as aliases) must be the
// same after.
func OldRecord(t *testing.T, b Backend, toOld func(dsn string) error) {
	s, dsn := b.open(t)
	put(t, s, Corpus(20, 9, "old")...)
	q := onrecord.Query{Words: "it's OR obamacare"}
	want, wantSpeakers := Results(t, s, q), speakerCounts(t, s)
	s.Close()
	if err := toOld(dsn); err != nil {
		t.Fatalf("make the record old: %v", err)
	}
	s, err := b.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := Results(t, s, q); len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("after migration: %d hits, want %d", len(got), len(want))
	}
	if got := speakerCounts(t, s); !slices.Equal(got, wantSpeakers) {
		t.Errorf("speakers after migration:\n%q\nwant\n%q", got, wantSpeakers)
	}
	if hits := searchAll(t, s, onrecord.Query{Speaker: "Clinton"}); len(hits) == 0 {
		t.Errorf("--speaker Clinton after migration: no hits")
	}
}

// speakerCounts lists each speaker's name, type and counts, in order.
func speakerCounts(t *testing.T, s onrecord.Store) []string {
	t.Helper()
	var out []string
	for _, sp := range speakers(t, s) {
		out = append(out, sp.Name+"/"+sp.Type+"/"+strconv.Itoa(sp.Quotes)+"/"+strconv.Itoa(sp.Articles))
	}
	return out
}
