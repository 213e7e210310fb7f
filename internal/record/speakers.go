package record

import (
	"context"
	"fmt"
	"strings"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/speaker"
)

// ParseName is onrecord.ParseName after the speaker package's
// normalisation of person names (party tags, appositives), except for names
// with a generational suffix, which that normalisation drops: Donald Trump
// Jr. is not his father.
func ParseName(name, typ string) onrecord.Name {
	n := onrecord.ParseName(name, typ)
	if typ == "person" && !strings.Contains(n.Surname, " ") {
		n = onrecord.ParseName(speaker.Canonical(name), typ)
	}
	return n
}

// Lookup reads a store; each store implements it in its SQL.
type Lookup interface {
	// ArticleHash returns the TextHash stored with article id, if any.
	ArticleHash(ctx context.Context, id string) (hash string, found bool, err error)
	// AliasIDs returns the speakers with an alias of this key, by id.
	AliasIDs(ctx context.Context, key string) ([]int64, error)
	// Persons returns the persons with this surname, by id, and their
	// first names ("" for a person known by the surname alone).
	Persons(ctx context.Context, surname string) (ids []int64, firsts []string, err error)
}

// Writer changes the speakers inside a Put's transaction.
type Writer interface {
	Lookup
	// NewSpeaker stores a speaker named n.Full and returns its id.
	NewSpeaker(ctx context.Context, n onrecord.Name, typ string) (int64, error)
	// Rename gives speaker id the name n.Full and first name n.First.
	Rename(ctx context.Context, id int64, n onrecord.Name) error
	// AddAlias records n.Display, with key n.Key, as an alias of speaker
	// id unless that alias is already stored.
	AddAlias(ctx context.Context, id int64, n onrecord.Name) error
}

// Resolve returns the id of sp's canonical speaker, creating it if needed;
// 0 when sp has no name. A name joins the speaker that already has its key
// ("Mr. Trump" and "Trump" share "trump"); otherwise onrecord.MatchSurname
// decides among the persons with the same surname.
func Resolve(ctx context.Context, w Writer, sp *onrecord.Speaker) (int64, error) {
	typ := strings.ToLower(sp.Type)
	n := ParseName(sp.Name, typ)
	if n.Key == "" {
		return 0, nil
	}
	ids, err := w.AliasIDs(ctx, n.Key)
	if err != nil {
		return 0, fmt.Errorf("find alias %q: %w", n.Key, err)
	}
	var id int64
	if len(ids) > 0 {
		id = ids[0]
	} else if typ == "person" {
		ids, firsts, err := w.Persons(ctx, n.Surname)
		if err != nil {
			return 0, fmt.Errorf("find surname %q: %w", n.Surname, err)
		}
		var upgrade bool
		if id, upgrade = onrecord.MatchSurname(n, ids, firsts); upgrade {
			if err := w.Rename(ctx, id, n); err != nil {
				return 0, fmt.Errorf("name speaker %q: %w", n.Display, err)
			}
		}
	}
	if id == 0 {
		if id, err = w.NewSpeaker(ctx, n, typ); err != nil {
			return 0, fmt.Errorf("insert speaker %q: %w", n.Display, err)
		}
	}
	if err := w.AddAlias(ctx, id, n); err != nil {
		return 0, fmt.Errorf("insert alias %q: %w", n.Display, err)
	}
	return id, nil
}

// SpeakerIDs resolves a name in a query: the speakers with that alias key,
// else every person with that surname (and that first name, if given).
// Nothing found is no error.
func SpeakerIDs(ctx context.Context, l Lookup, name string) ([]int64, error) {
	for _, typ := range []string{"person", ""} {
		n := ParseName(name, typ)
		if n.Key == "" {
			continue
		}
		ids, err := l.AliasIDs(ctx, n.Key)
		if err != nil {
			return nil, fmt.Errorf("speaker %q: %w", name, err)
		}
		if len(ids) > 0 {
			return ids, nil
		}
		if typ != "person" {
			continue
		}
		ids, firsts, err := l.Persons(ctx, n.Surname)
		if err != nil {
			return nil, fmt.Errorf("speaker %q: %w", name, err)
		}
		var out []int64
		for i, f := range firsts {
			if n.First == "" || f == n.First {
				out = append(out, ids[i])
			}
		}
		if len(out) > 0 {
			return out, nil
		}
	}
	return nil, nil
}
