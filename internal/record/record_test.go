package record

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
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

func forms(t *testing.T, names ...string) []Form {
	t.Helper()
	var out []Form
	for _, s := range names { // "type:name:count"
		p := strings.SplitN(s, ":", 3)
		f, ok := NewForm(&onrecord.Speaker{Type: p[0], Name: p[1]})
		if !ok {
			t.Fatalf("no form for %q", s)
		}
		f.N, _ = strconv.Atoi(p[2])
		out = append(out, f)
	}
	return out
}

func TestCanonical(t *testing.T) {
	for _, tc := range []struct {
		forms     []string
		name, typ string
	}{
		{[]string{"organization:NEW HAMPSHIRE:1", "organization:New Hampshire:2"}, "New Hampshire", "organization"},
		{[]string{"organization:NEW HAMPSHIRE:1", "organization:New Hampshire:1"}, "New Hampshire", "organization"}, // not in capitals
		{[]string{"organization:NEW HAMPSHIRE:3", "organization:New Hampshire:1"}, "NEW HAMPSHIRE", "organization"},
		{[]string{"person:Trump:40", "person:Donald Trump:3", "person:Donald J. Trump:2", "organization:Donald Trump:4"}, "Donald Trump", "person"},
		{[]string{"person:Hillary Clinton:1", "person:Hillary Rodham Clinton:1"}, "Hillary Rodham Clinton", "person"}, // fullest
		{[]string{"person:Mr. Trump:2", "person:Trump:1"}, "Trump", "person"},
		{[]string{"person:Acme:1", "organization:Acme:1"}, "Acme", "organization"}, // a tie: byte order
	} {
		fs := forms(t, tc.forms...)
		for range 3 { // any order of the forms
			if name, typ := Canonical(fs); name != tc.name || typ != tc.typ {
				t.Errorf("%v: %q %q, want %q %q", tc.forms, name, typ, tc.name, tc.typ)
			}
			slices.Reverse(fs)
			fs = append(fs[1:], fs[0])
		}
	}
}

func TestHeads(t *testing.T) {
	fs := forms(t, "person:Hillary Clinton:1", "person:Hillary Rodham Clinton:1", "person:Bill Clinton:1", "person:Clinton:4",
		"person:Donald J. Trump:1", "person:Mr. Trump:3", "organization:Trump:1", "person:Donald Trump Jr.:1", "person:Trump Jr.:1",
		"person:Merkel:1", "organization:the White House:1", "person:White House:1")
	want := []string{"hillary clinton", "hillary clinton", "bill clinton", "clinton",
		"donald trump", "donald trump", "trump", "donald trump jr", "donald trump jr",
		"merkel", "white house", "white house"}
	if got := Heads(fs); !slices.Equal(got, want) {
		t.Errorf("heads:\n got %q\nwant %q", got, want)
	}
}
