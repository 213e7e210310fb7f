package record

import (
	"context"
	"errors"
	"fmt"
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

// finder records what SpeakerIDs asks and finds speaker 7 only for
// the words "white house".
type finder struct {
	asked []string
}

func (f *finder) NameWords(_ context.Context, words []string, suffixed bool) ([]int64, error) {
	f.asked = append(f.asked, fmt.Sprint(words, suffixed))
	if slices.Equal(words, []string{"white", "house"}) {
		return []int64{7}, nil
	}
	return nil, nil
}

func TestSpeakerIDs(t *testing.T) {
	for _, tc := range []struct {
		name  string
		asked []string
		want  []int64
	}{
		{"Donald J. Trump", []string{"[donald trump] false", "[donald j trump] false"}, nil},
		{"President Trump", []string{"[trump] false", "[president trump] false"}, nil},
		{"Donald Trump Jr.", []string{"[donald trump jr] true", "[donald trump jr] true"}, nil},
		{"the White House", []string{"[white house] false"}, []int64{7}},
		{"!!", nil, nil},
	} {
		f := &finder{}
		got, err := SpeakerIDs(context.Background(), f, tc.name)
		if err != nil || !slices.Equal(got, tc.want) || !slices.Equal(f.asked, tc.asked) {
			t.Errorf("%q: %v %v asking %q, want %v asking %q", tc.name, got, err, f.asked, tc.want, tc.asked)
		}
	}
}
