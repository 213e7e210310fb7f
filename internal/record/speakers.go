package record

import (
	"context"
	"fmt"
	"maps"
	"slices"
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
}

// A Form is a speaker's name as attributions write it ("Mr. Trump",
// "NEW HAMPSHIRE"), with its type and how many attributions write it so.
// A canonical speaker is the set of forms with one head, and its name and
// type are drawn from them by Canonical: the record depends on which
// attributions it holds, never on the order they came in.
type Form struct {
	Display string // the name as written, titles dropped: onrecord.Name.Display
	Type    string
	Name    onrecord.Name
	N       int
}

// NewForm is the form of sp; false when its name has no word.
func NewForm(sp *onrecord.Speaker) (Form, bool) {
	typ := strings.ToLower(sp.Type)
	n := ParseName(sp.Name, typ)
	return Form{Display: n.Display, Type: typ, Name: n, N: 1}, n.Key != ""
}

// Bare reports whether f is a person known by the surname alone.
func (f Form) Bare() bool { return f.Type == "person" && f.Name.First == "" }

// Head is the key of f's canonical speaker, except for a bare surname,
// whose head BareHead decides: a person's first name and surname (so that
// "Hillary Rodham Clinton" and "Hillary Clinton" are one speaker, and
// "Donald J. Trump" and "Donald Trump"), else the name's key (so that an
// organisation's forms differing in case or an article are one speaker,
// and a name typed person here and organization there too).
func (f Form) Head() string {
	if f.Type == "person" && f.Name.First != "" {
		return f.Name.First + " " + f.Name.Surname
	}
	return f.Name.Key
}

// BareHead is the head of a bare surname given the heads of the persons
// with a first name and this surname in the whole record: the one such
// person, else the surname itself, a speaker of its own ("Clinton" where
// the record holds Hillary and Bill Clinton).
func BareHead(surname string, fullHeads []string) string {
	if len(fullHeads) == 1 {
		return fullHeads[0]
	}
	return surname
}

// Heads gives each of forms the head a record holding exactly these
// forms gives it: what the stores reach form by form, for a whole corpus
// at once.
func Heads(forms []Form) []string {
	full := map[string]map[string]bool{} // surname → heads of persons with a first name
	for _, f := range forms {
		if f.Type == "person" && f.Name.First != "" && f.N > 0 {
			if full[f.Name.Surname] == nil {
				full[f.Name.Surname] = map[string]bool{}
			}
			full[f.Name.Surname][f.Head()] = true
		}
	}
	heads := make([]string, len(forms))
	for i, f := range forms {
		heads[i] = f.Head()
		if f.Bare() {
			heads[i] = BareHead(f.Name.Surname, slices.Sorted(maps.Keys(full[f.Name.Surname])))
		}
	}
	return heads
}

// Canonical is the name and type of the speaker of these forms. The name is
// one of its forms with a first name when there is one (a bare surname
// names a speaker only when nothing fuller does): the most frequent full
// name (onrecord.Name.Full, middle initials dropped), then the one of most
// words, then one not in capitals only, then the first in byte order. The
// type is the one most attributions give, ties going to the first in
// byte order.
func Canonical(forms []Form) (name, typ string) {
	names, types := map[string]int{}, map[string]int{}
	full := false
	for _, f := range forms {
		full = full || f.Name.First != ""
	}
	for _, f := range forms {
		types[f.Type] += f.N
		if f.Name.First != "" || !full {
			names[f.Name.Full] += f.N
		}
	}
	better := func(a, b string) bool { // whether name a beats name b
		if names[a] != names[b] {
			return names[a] > names[b]
		}
		if wa, wb := len(strings.Fields(a)), len(strings.Fields(b)); wa != wb {
			return wa > wb
		}
		if ca, cb := a == strings.ToUpper(a), b == strings.ToUpper(b); ca != cb {
			return cb
		}
		return a < b
	}
	for n := range names {
		if name == "" || better(n, name) {
			name = n
		}
	}
	for t, c := range types {
		if typ == "" || c > types[typ] || c == types[typ] && t < typ {
			typ = t
		}
	}
	return name, typ
}

// Writer changes the speakers inside a Put's transaction; each store
// implements it in its SQL.
type Writer interface {
	Lookup
	// AddForm counts f.N more attributions written as f, storing f under
	// head when it is new, and returns its id and its current head.
	AddForm(ctx context.Context, f Form, head string) (id int64, cur string, err error)
	// DropForms counts out the attributions of article id (about to be
	// replaced) and returns the heads of their forms and the surnames of
	// their persons.
	DropForms(ctx context.Context, article string) (heads, surnames []string, err error)
	// FullHeads returns the heads of the counted persons with a first name
	// and this surname.
	FullHeads(ctx context.Context, surname string) ([]string, error)
	// MoveBare gives the bare person forms of this surname the head, and
	// returns the ids and former heads of those it moved.
	MoveBare(ctx context.Context, surname, head string) (ids []int64, old []string, err error)
	// HeadForms returns the counted forms of a head.
	HeadForms(ctx context.Context, head string) ([]Form, error)
	// SetSpeaker stores the canonical name and type of head's speaker,
	// creating it when new.
	SetSpeaker(ctx context.Context, head, name, typ string) error
	// DropSpeaker deletes head's speaker, which no attribution names.
	DropSpeaker(ctx context.Context, head string) error
	// Repoint gives the attributions of article, and those written as one
	// of these forms, the speaker of their form's head.
	Repoint(ctx context.Context, article string, forms []int64) error
}

// Resolver gathers what a Put (or a migration) changed about speakers, and
// brings their heads, names and types up to date at its end.
type Resolver struct {
	heads    map[string]bool
	surnames map[string]bool
}

// NewResolver returns a Resolver with nothing changed.
func NewResolver() *Resolver {
	return &Resolver{heads: map[string]bool{}, surnames: map[string]bool{}}
}

// Add counts f.N more attributions written as f in w and returns the
// form's id.
func (r *Resolver) Add(ctx context.Context, w Writer, f Form) (int64, error) {
	id, head, err := w.AddForm(ctx, f, f.Head())
	if err != nil {
		return 0, fmt.Errorf("speaker form %q: %w", f.Display, err)
	}
	r.heads[head] = true
	if f.Type == "person" {
		r.surnames[f.Name.Surname] = true
	}
	return id, nil
}

// Resolve settles the bare surnames of the persons touched, then the name
// and type of every speaker touched, and points the attributions of
// article, and those whose form moved, to their speakers.
func (r *Resolver) Resolve(ctx context.Context, w Writer, article string) error {
	var moved []int64
	for surname := range r.surnames {
		full, err := w.FullHeads(ctx, surname)
		if err != nil {
			return fmt.Errorf("surname %q: %w", surname, err)
		}
		head := BareHead(surname, full)
		ids, old, err := w.MoveBare(ctx, surname, head)
		if err != nil {
			return fmt.Errorf("surname %q: %w", surname, err)
		}
		moved = append(moved, ids...)
		for _, h := range old {
			r.heads[h] = true
		}
		if len(ids) > 0 {
			r.heads[head] = true
		}
	}
	var dead []string
	for head := range r.heads {
		forms, err := w.HeadForms(ctx, head)
		if err != nil {
			return fmt.Errorf("speaker %q: %w", head, err)
		}
		if len(forms) == 0 {
			dead = append(dead, head)
			continue
		}
		name, typ := Canonical(forms)
		if err := w.SetSpeaker(ctx, head, name, typ); err != nil {
			return fmt.Errorf("speaker %q: %w", head, err)
		}
	}
	if err := w.Repoint(ctx, article, moved); err != nil {
		return fmt.Errorf("point to speakers: %w", err)
	}
	for _, head := range dead { // once nothing points to them
		if err := w.DropSpeaker(ctx, head); err != nil {
			return fmt.Errorf("drop speaker %q: %w", head, err)
		}
	}
	return nil
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

// NameWordsSQL is the condition of NameWords on the forms a of speakers,
// with param giving the SQL of each parameter in turn: the same statement
// for both stores.
func NameWordsSQL(words []string, suffixed bool, param func(any) string) string {
	var where []string
	for _, w := range words {
		where = append(where, "(' ' || a.key || ' ') LIKE "+param("% "+w+" %"))
	}
	if !suffixed {
		where = append(where, "a.surname NOT LIKE '% %'")
	}
	return strings.Join(where, " AND ")
}

// OldSpeaker is a speaker of a record made before forms, with the number
// of its attributions.
type OldSpeaker struct {
	ID         int64
	Name, Type string
	N          int
}

// Migrate resolves the speakers of a record made before forms again: each
// old speaker becomes a form counted N times, which link gives to the old
// speaker's attributions; swap then replaces the old speaker tables by
// empty new ones, and the speakers are resolved from the forms.
func Migrate(ctx context.Context, w Writer, olds []OldSpeaker, link func(old, form int64) error, swap func() error) error {
	r := NewResolver()
	var forms []int64
	for _, o := range olds {
		f, ok := NewForm(&onrecord.Speaker{Name: o.Name, Type: o.Type})
		if !ok {
			continue
		}
		f.N = o.N
		id, err := r.Add(ctx, w, f)
		if err != nil {
			return err
		}
		if err := link(o.ID, id); err != nil {
			return fmt.Errorf("link speaker %d: %w", o.ID, err)
		}
		forms = append(forms, id)
	}
	if err := swap(); err != nil {
		return fmt.Errorf("new speaker tables: %w", err)
	}
	if err := r.Resolve(ctx, w, ""); err != nil {
		return err
	}
	return w.Repoint(ctx, "", forms)
}
