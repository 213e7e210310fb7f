package record

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/onrecord/onrecord"
)

func TestPage(t *testing.T) {
	c := Cursor{Score: -1.5, Date: "2016-09-01", Quote: 42}
	for _, tc := range []struct {
		q     onrecord.Query
		limit int
		after *Cursor
		bad   bool
	}{
		{onrecord.Query{}, onrecord.DefaultLimit, nil, false},
		{onrecord.Query{Limit: 7, Cursor: c.String()}, 7, &c, false},
		{onrecord.Query{Cursor: "garbage"}, 0, nil, true},
		{onrecord.Query{Cursor: "!!"}, 0, nil, true},
		{onrecord.Query{Cursor: "eyJxIjoiIn0"}, 0, nil, true}, // {"q":""}
	} {
		limit, after, err := Page(tc.q)
		if tc.bad != errors.Is(err, onrecord.ErrBadQuery) || (err != nil && !tc.bad) {
			t.Errorf("%+v: err %v, want bad %v", tc.q, err, tc.bad)
			continue
		}
		if limit != tc.limit || (after == nil) != (tc.after == nil) || (after != nil && *after != *tc.after) {
			t.Errorf("%+v: %d %+v, want %d %+v", tc.q, limit, after, tc.limit, tc.after)
		}
	}
}

// FuzzPage checks that any cursor is either read or a bad query.
func FuzzPage(f *testing.F) {
	for _, s := range []string{"", "garbage", Cursor{Quote: 3}.String(), "eyJxIjoiIn0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, _, err := Page(onrecord.Query{Cursor: s}); err != nil && !errors.Is(err, onrecord.ErrBadQuery) {
			t.Fatalf("cursor %q: %v", s, err)
		}
	})
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		d  *onrecord.Document
		ok bool
	}{
		{nil, false},
		{&onrecord.Document{}, false},
		{&onrecord.Document{ID: "a"}, true},
		{&onrecord.Document{ID: "a", Date: "2016-09-01"}, true},
		{&onrecord.Document{ID: "a", Date: "2016-9-01"}, false},
		{&onrecord.Document{ID: "a", Date: "2016/09/01"}, false},
		{&onrecord.Document{ID: "a", Date: "2016-09-0x"}, false},
	} {
		if err := Check(tc.d); (err == nil) != tc.ok {
			t.Errorf("%+v: err %v, want ok %v", tc.d, err, tc.ok)
		}
	}
}

func TestJoinSpans(t *testing.T) {
	d := &onrecord.Document{Text: "He said: “we will win” and “big”."}
	got := JoinSpans(d, []onrecord.Span{{Start: 10, End: 21}, {Start: 28, End: 31}, {Start: 0, End: 0}})
	if got != "we will win … big" {
		t.Errorf("JoinSpans: %q", got)
	}
}

// people is a Lookup of persons all named Trump.
type people struct {
	aliases map[string][]int64
	ids     []int64
	firsts  []string
}

func (people) ArticleHash(context.Context, string) (string, bool, error) { return "", false, nil }

func (p people) AliasIDs(_ context.Context, key string) ([]int64, error) { return p.aliases[key], nil }

func (p people) Persons(_ context.Context, surname string) ([]int64, []string, error) {
	if surname != "trump" {
		return nil, nil, nil
	}
	return p.ids, p.firsts, nil
}

func TestSpeakerIDs(t *testing.T) {
	l := people{aliases: map[string][]int64{"donald trump": {1}}, ids: []int64{1, 2}, firsts: []string{"donald", "eric"}}
	for _, tc := range []struct {
		name string
		want []int64
	}{
		{"Donald J. Trump", []int64{1}},
		{"Trump", []int64{1, 2}},
		{"Mr. Eric Trump", []int64{2}},
		{"Ivanka Trump", nil},
		{"!!", nil},
	} {
		got, err := SpeakerIDs(context.Background(), l, tc.name)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v %v, want %v", tc.name, got, err, tc.want)
		}
	}
}
