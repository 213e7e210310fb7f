package beam

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
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
	register.Function2x2(nameCount)
	register.Function2x1(addCounts)
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
	register.Iter1[NameCount]()
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

	// A name's speaker depends on every other name (a bare surname joins
	// the one person of the corpus with that surname) and a speaker's name
	// and type on how often each is written, so the distinct names, far
	// fewer than the quotes, are counted and then resolved together on one
	// worker.
	named := beam.ParDo(s, speakerOccs, occs) // KV<name key, Occurrence>
	counts := beam.DropKey(s, beam.CombinePerKey(s, addCounts, beam.ParDo(s, nameCount, named)))
	canon, infos := beam.ParDo2(s, resolveSpeakers, beam.GroupByKey(s, beam.AddFixedKey(s, counts)))

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

// NameCount is how many attributions write a speaker name with a type.
type NameCount struct {
	Name, Type string
	N          int
}

func nameCount(k string, o Occurrence) (string, NameCount) {
	return k, NameCount{Name: o.SpeakerName, Type: o.SpeakerType, N: 1}
}

func addCounts(a, b NameCount) NameCount {
	a.N += b.N
	return a
}

// resolveSpeakers resolves the names as the stores do, from the forms the
// names are written in and their counts (record.Heads, record.Canonical);
// it emits each name's canonical speaker id and every canonical speaker.
func resolveSpeakers(_ int, names func(*NameCount) bool, canon func(string, int64), infos func(Speaker)) error {
	type formKey struct{ display, typ string }
	index := map[formKey]int{}
	var forms []record.Form
	nameForm := map[string]int{} // name key → index of its form
	var nc NameCount
	for names(&nc) {
		f, ok := record.NewForm(&onrecord.Speaker{Name: nc.Name, Type: nc.Type})
		if !ok {
			continue // a name with no letter or digit has no speaker, as in the stores
		}
		k := formKey{f.Display, f.Type}
		i, seen := index[k]
		if !seen {
			i = len(forms)
			index[k] = i
			f.N = 0
			forms = append(forms, f)
		}
		forms[i].N += nc.N
		nameForm[nameKey(nc.Name, nc.Type)] = i
	}
	heads := record.Heads(forms)
	byHead := map[string][]record.Form{}
	for i, h := range heads {
		byHead[h] = append(byHead[h], forms[i])
	}
	ids := map[string]int64{}
	for _, h := range slices.Sorted(maps.Keys(byHead)) {
		ids[h] = int64(len(ids) + 1)
		sp := Speaker{ID: ids[h]}
		sp.Name, sp.Type = record.Canonical(byHead[h])
		for _, f := range byHead[h] {
			if !slices.Contains(sp.Aliases, f.Display) {
				sp.Aliases = append(sp.Aliases, f.Display)
			}
		}
		infos(sp)
	}
	for k, i := range nameForm {
		canon(k, ids[heads[i]])
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
