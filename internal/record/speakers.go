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

// Finder finds speakers for a query; each store implements it in its SQL.
type Finder interface {
	// NameWords returns, by id, the speakers with an alias whose key has
	// every one of these words; with suffixed false, no speaker whose
	// surname has a generational suffix ("Donald Trump Jr.").
	NameWords(ctx context.Context, words []string, suffixed bool) ([]int64, error)
}

// SpeakerIDs resolves a name in a query to the canonical speakers it names
// by name words: "Clinton" is every speaker with Clinton in a name (Hillary
// Clinton, Bill Clinton, a "Clinton" the record could not tell apart),
// "Donald Trump" only those with both words, and not Donald Trump Jr.
// unless the query says "Jr". Titles are dropped as from a speaker's name
// ("President Trump" is "Trump"). Nothing found is no error.
func SpeakerIDs(ctx context.Context, f Finder, name string) ([]int64, error) {
	for _, typ := range []string{"person", ""} {
		n := ParseName(name, typ)
		if n.Key == "" {
			continue
		}
		ids, err := f.NameWords(ctx, strings.Fields(n.Key), strings.Contains(n.Surname, " "))
		if err != nil {
			return nil, fmt.Errorf("speaker %q: %w", name, err)
		}
		if len(ids) > 0 {
			return ids, nil
		}
	}
	return nil, nil
}

// NameWordsSQL is the condition of NameWords on aliases a and speakers s,
// with param giving the SQL of each parameter in turn: the same statement
// for both stores.
func NameWordsSQL(words []string, suffixed bool, param func(any) string) string {
	var where []string
	for _, w := range words {
		where = append(where, "(' ' || a.key || ' ') LIKE "+param("% "+w+" %"))
	}
	if !suffixed {
		where = append(where, "s.surname NOT LIKE '% %'")
	}
	return strings.Join(where, " AND ")
}
