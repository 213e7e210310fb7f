package beam

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/record"
)

func init() {
	register.Function2x0(recordOccs)
	register.Function1x2(byQuote)
	register.Function2x2(quoteLine)
	register.Function2x0(speakerOccs)
	register.Function2x1(earlier)
	register.Function4x1(resolveSpeakers)
	register.Function4x0(mentionsBySpeaker)
	register.Function3x2(speakerLine)
	register.Function2x2(mentionOf)
	register.Function1x2(speakerByID)
	register.Emitter1[Occurrence]()
	register.Emitter2[string, Occurrence]()
	register.Emitter2[string, Mention]()
	register.Emitter2[string, int64]()
	register.Emitter2[int64, Mention]()
	register.Emitter1[Speaker]()
	register.Iter1[Occurrence]()
	register.Iter1[Mention]()
	register.Iter1[int64]()
	register.Iter1[Speaker]()
}

// Quote is a quotation with every article that reports it, as a store
// keeps it: one quote per record.Occurrence.Key.
type Quote struct {
	Key         string         `json:"key"`
	Content     string         `json:"content"` // of the first occurrence
	Articles    int            `json:"articles"`
	FirstDate   string         `json:"first_date,omitempty"`
	Occurrences []QuoteArticle `json:"occurrences"`
}

// QuoteArticle is one occurrence of a Quote.
type QuoteArticle struct {
	Article string            `json:"article"`
	Date    string            `json:"date,omitempty"`
	Seq     int               `json:"seq"` // the attribution's index in the article's quotes
	Speaker *onrecord.Speaker `json:"speaker,omitempty"`
}

// Mention is an occurrence as a speaker's count sees it.
type Mention struct {
	Article, Key string
}

// Speaker is a canonical speaker found by resolveSpeakers.
type Speaker struct {
	ID      int64
	Name    string
	Type    string
	Aliases []string
}

// aggregate merges the occurrences of all records into quotes and
// per-speaker counts, both as JSON lines.
func aggregate(s beam.Scope, recs beam.PCollection) (quotes, speakers beam.PCollection) {
	occs := beam.ParDo(s, recordOccs, recs)
	quotes = beam.ParDo(s, quoteLine, beam.GroupByKey(s, beam.ParDo(s, byQuote, occs)))

	// Resolving names is order-dependent (a bare surname joins the one
	// person known by it), so the distinct names, far fewer than the
	// quotes, are resolved together on one worker, in the order a store
	// fed the articles in ID order would meet them.
	named := beam.ParDo(s, speakerOccs, occs) // KV<name key, Occurrence>
	firsts := beam.DropKey(s, beam.CombinePerKey(s, earlier, named))
	canon, infos := beam.ParDo2(s, resolveSpeakers, beam.GroupByKey(s, beam.AddFixedKey(s, firsts)))

	mentions := beam.ParDo(s, mentionOf, named)
	byID := beam.ParDo(s, mentionsBySpeaker, beam.CoGroupByKey(s, mentions, canon))
	infoByID := beam.ParDo(s, speakerByID, infos)
	speakers = beam.ParDo(s, speakerLine, beam.CoGroupByKey(s, byID, infoByID))
	return quotes, speakers
}

func recordOccs(r Record, emit func(Occurrence)) {
	for _, o := range r.Occs {
		emit(o)
	}
}

func byQuote(o Occurrence) (string, Occurrence) { return o.Key, o }

// before orders occurrences as the stores order a quote's first
// occurrence: dated before undated, then by date, then by article and
// position.
func before(a, b Occurrence) int {
	return cmp.Or(
		cmp.Compare(boolInt(a.Date == ""), boolInt(b.Date == "")),
		cmp.Compare(a.Date, b.Date),
		cmp.Compare(a.Article, b.Article),
		cmp.Compare(a.Seq, b.Seq))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func quoteLine(key string, occs func(*Occurrence) bool) (string, error) {
	var all []Occurrence
	var o Occurrence
	for occs(&o) {
		all = append(all, o)
	}
	slices.SortFunc(all, before)
	q := Quote{Key: key, Content: all[0].Content, FirstDate: all[0].Date, Occurrences: make([]QuoteArticle, len(all))}
	for i, o := range all {
		q.Occurrences[i] = QuoteArticle{Article: o.Article, Date: o.Date, Seq: o.Seq}
		if o.SpeakerName != "" {
			q.Occurrences[i].Speaker = &onrecord.Speaker{Name: o.SpeakerName, Type: o.SpeakerType}
		}
		if i == 0 || o.Article != all[i-1].Article {
			q.Articles++ // an article's occurrences share its date, so the sort keeps them together
		}
	}
	return jsonLine(q)
}

// nameKey identifies a speaker name as written, with its type.
func nameKey(name, typ string) string { return typ + "\x00" + name }

func speakerOccs(o Occurrence, emit func(string, Occurrence)) {
	if o.SpeakerName != "" {
		emit(nameKey(o.SpeakerName, o.SpeakerType), o)
	}
}

// earlier is the occurrence met first when the articles are stored in ID
// order.
func earlier(a, b Occurrence) Occurrence {
	if cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Seq, b.Seq)) <= 0 {
		return a
	}
	return b
}

// resolveSpeakers resolves every distinct name with record.Resolve, the
// stores' own resolution, over an in-memory speaker table; it emits each
// name's canonical speaker id and every canonical speaker.
func resolveSpeakers(_ int, firsts func(*Occurrence) bool, canon func(string, int64), infos func(Speaker)) error {
	var all []Occurrence
	var o Occurrence
	for firsts(&o) {
		all = append(all, o)
	}
	slices.SortFunc(all, func(a, b Occurrence) int {
		return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Seq, b.Seq))
	})
	t := newSpeakerTable()
	ctx := context.Background() // the table is in memory: nothing to cancel
	for _, o := range all {
		id, err := record.Resolve(ctx, t, &onrecord.Speaker{Name: o.SpeakerName, Type: o.SpeakerType})
		if err != nil {
			return fmt.Errorf("resolve speaker %q: %w", o.SpeakerName, err)
		}
		if id != 0 {
			canon(nameKey(o.SpeakerName, o.SpeakerType), id)
		}
	}
	for _, sp := range t.speakers {
		infos(*sp)
	}
	return nil
}

func mentionOf(k string, o Occurrence) (string, Mention) {
	return k, Mention{Article: o.Article, Key: o.Key}
}

func speakerByID(sp Speaker) (int64, Speaker) { return sp.ID, sp }

func mentionsBySpeaker(_ string, mentions func(*Mention) bool, ids func(*int64) bool, emit func(int64, Mention)) {
	var id int64
	if !ids(&id) {
		return // a name with no letter or digit has no speaker, as in the stores
	}
	var m Mention
	for mentions(&m) {
		emit(id, m)
	}
}

// speakerLine counts a canonical speaker's distinct quotes and articles,
// as the stores' Speakers does.
func speakerLine(_ int64, mentions func(*Mention) bool, info func(*Speaker) bool) (string, error) {
	var sp Speaker
	if !info(&sp) {
		return "", fmt.Errorf("speaker without its record")
	}
	quotes, articles := map[string]bool{}, map[string]bool{}
	var m Mention
	for mentions(&m) {
		quotes[m.Key], articles[m.Article] = true, true
	}
	aliases := slices.Clone(sp.Aliases)
	slices.Sort(aliases)
	return jsonLine(onrecord.SpeakerStat{Name: sp.Name, Type: sp.Type, Aliases: aliases, Quotes: len(quotes), Articles: len(articles)})
}

// speakerTable is record.Writer over memory: the speakers and aliases
// tables of a store.
type speakerTable struct {
	speakers []*Speaker         // by id - 1
	firsts   []string           // first name of each speaker
	surnames []string           // surname of each speaker
	aliases  map[string]int64   // alias name → speaker id; the first speaker keeps it
	keys     map[string][]int64 // alias key → speaker ids, ascending
}

func newSpeakerTable() *speakerTable {
	return &speakerTable{aliases: map[string]int64{}, keys: map[string][]int64{}}
}

// ArticleHash is part of record.Lookup; resolution never asks it.
func (t *speakerTable) ArticleHash(context.Context, string) (string, bool, error) {
	return "", false, nil
}

func (t *speakerTable) AliasIDs(_ context.Context, key string) ([]int64, error) {
	return t.keys[key], nil
}

func (t *speakerTable) Persons(_ context.Context, surname string) (ids []int64, firsts []string, err error) {
	for i, sp := range t.speakers {
		if sp.Type == "person" && t.surnames[i] == surname {
			ids, firsts = append(ids, sp.ID), append(firsts, t.firsts[i])
		}
	}
	return ids, firsts, nil
}

func (t *speakerTable) NewSpeaker(_ context.Context, n onrecord.Name, typ string) (int64, error) {
	id := int64(len(t.speakers) + 1)
	t.speakers = append(t.speakers, &Speaker{ID: id, Name: n.Full, Type: typ})
	t.firsts, t.surnames = append(t.firsts, n.First), append(t.surnames, n.Surname)
	return id, nil
}

func (t *speakerTable) Rename(_ context.Context, id int64, n onrecord.Name) error {
	t.speakers[id-1].Name, t.firsts[id-1] = n.Full, n.First
	return nil
}

func (t *speakerTable) AddAlias(_ context.Context, id int64, n onrecord.Name) error {
	if _, ok := t.aliases[n.Display]; ok {
		return nil
	}
	t.aliases[n.Display] = id
	t.speakers[id-1].Aliases = append(t.speakers[id-1].Aliases, n.Display)
	if ids := t.keys[n.Key]; !slices.Contains(ids, id) {
		ids = append(ids, id)
		slices.Sort(ids) // the stores return a key's speakers by id
		t.keys[n.Key] = ids
	}
	return nil
}

// jsonLine is v as one JSON line without its newline, HTML left unescaped
// as in the extract records.
func jsonLine(v any) (string, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", fmt.Errorf("encode %T: %w", v, err)
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}
