package eval

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
	"github.com/onrecord/onrecord/conllu"
)

// SpeakerResult measures speaker resolution of pronoun sources: of the gold
// sources that are one pronoun, the share whose predicted speaker name
// matches the representative mention of the pronoun's silver coreference
// chain.
type SpeakerResult struct {
	Pronouns   int     // gold sources that are a single PRP/PRP$ token in silver
	NoChain    int     // of those, in no silver chain: left out of Share
	Scored     int     // Pronouns - NoChain
	Correct    int     // predicted name matches the chain's representative
	Wrong      int     // a name that does not match
	NoSpeaker  int     // content matched, but the prediction has no speaker
	NoMatch    int     // no predicted content matched the gold content
	RepPronoun int     // scored pronouns whose chain is represented by a pronoun (hard to match)
	Share      float64 // Correct / Scored, rounded to four places
	// Entity counts predictions that name the chain's entity: they match
	// the representative or any mention of the chain with a proper noun
	// (CoreNLP often picks a description, "The Republican nominee", as the
	// representative of a chain that also holds "Donald Trump").
	Entity      int
	EntityShare float64 // Entity / Scored
	// Named counts the scored pronouns whose representative holds a proper
	// noun, the ones a speaker name can match; NamedCorrect of them match.
	Named, NamedCorrect int
	NamedShare          float64
	DocsNoSilver        int // gold documents without a silver analysis (not scored)
	Misses              []SpeakerMiss
}

// SpeakerMiss is one scored pronoun source that was not resolved correctly.
type SpeakerMiss struct {
	Doc      string
	Source   onrecord.Span
	Pronoun  string
	Expected string // the chain's representative mention, as in the text
	Got      string // the predicted speaker name ("" when none)
}

// ScoreSpeakers scores the speakers of preds (by document ID) on the gold
// attributions whose source is a pronoun, with silver (conllu.LoadSplit of
// the same split) giving tags and coreference. A gold attribution gets the
// prediction whose content Score's greedy matching pairs it with.
func ScoreSpeakers(gold []brat.GoldDoc, silver []conllu.Article, preds map[string][]onrecord.Attribution) SpeakerResult {
	byID := make(map[string]conllu.Article, len(silver))
	for _, a := range silver {
		byID[a.Doc.ID] = a
	}
	var r SpeakerResult
	for _, gd := range gold {
		art, ok := byID[gd.ID]
		if !ok {
			r.DocsNoSilver++
			continue
		}
		var patts []onrecord.Attribution
		for _, q := range preds[gd.ID] {
			if len(q.Content) > 0 {
				patts = append(patts, q)
			}
		}
		predOf := make([]int, len(gd.Quotes))
		for j := range predOf {
			predOf[j] = -1
		}
		for _, m := range match(contentSets(patts), contentSets(gd.Quotes)) {
			predOf[m.j] = m.i
		}
		d := art.Doc
		for j, g := range gd.Quotes {
			tok := pronounToken(d, g.Source)
			if tok < 0 {
				continue
			}
			r.Pronouns++
			rep, ok := representative(art.Mentions, tok)
			if !ok {
				r.NoChain++
				continue
			}
			r.Scored++
			expected := mentionText(d, rep)
			named := hasProper(d, rep)
			if named {
				r.Named++
			}
			if rep.End-rep.Start == 1 && isPronounTag(d.Tokens[rep.Start].Tag) {
				r.RepPronoun++
			}
			got := ""
			switch i := predOf[j]; {
			case i < 0:
				r.NoMatch++
			case patts[i].Speaker == nil || strings.TrimSpace(patts[i].Speaker.Name) == "":
				r.NoSpeaker++
			case NamesMatch(patts[i].Speaker.Name, expected):
				r.Correct++
				r.Entity++
				if named {
					r.NamedCorrect++
				}
				continue
			case namesMention(d, art.Mentions, rep.Chain, patts[i].Speaker.Name):
				r.Entity++
				r.Wrong++
				got = patts[i].Speaker.Name
			default:
				r.Wrong++
				got = patts[i].Speaker.Name
			}
			r.Misses = append(r.Misses, SpeakerMiss{Doc: gd.ID, Source: g.Source[0], Pronoun: d.Word(tok), Expected: expected, Got: got})
		}
	}
	r.Share = ratio(r.Correct, r.Scored)
	r.EntityShare = ratio(r.Entity, r.Scored)
	r.NamedShare = ratio(r.NamedCorrect, r.Named)
	return r
}

// hasProper tells whether a mention holds a proper noun.
func hasProper(d *onrecord.Document, m conllu.Mention) bool {
	for k := max(m.Start, 0); k < m.End && k < len(d.Tokens); k++ {
		if t := d.Tokens[k].Tag; t == "NNP" || t == "NNPS" {
			return true
		}
	}
	return false
}

// namesMention tells whether name matches a mention of the chain that
// holds a proper noun.
func namesMention(d *onrecord.Document, ms []conllu.Mention, chain int, name string) bool {
	for _, m := range ms {
		if m.Chain != chain || m.Start < 0 || m.End > len(d.Tokens) {
			continue
		}
		if hasProper(d, m) && NamesMatch(name, mentionText(d, m)) {
			return true
		}
	}
	return false
}

func isPronounTag(tag string) bool { return tag == "PRP" || tag == "PRP$" }

// pronounToken gives the index of the one silver token the source spans
// overlap when it is tagged PRP or PRP$, else -1.
func pronounToken(d *onrecord.Document, src []onrecord.Span) int {
	found := -1
	for _, s := range src {
		for i, j := d.TokensIn(s); i < j; i++ {
			if found >= 0 && found != i {
				return -1
			}
			found = i
		}
	}
	if found < 0 || !isPronounTag(d.Tokens[found].Tag) {
		return -1
	}
	return found
}

// representative finds the chain of the narrowest mention covering token
// tok (so "his" in "his wife" goes to the chain of "his") and returns the
// chain's representative mention.
func representative(ms []conllu.Mention, tok int) (conllu.Mention, bool) {
	best := -1
	for k, m := range ms {
		if m.Start <= tok && tok < m.End && (best < 0 || m.End-m.Start < ms[best].End-ms[best].Start) {
			best = k
		}
	}
	if best < 0 {
		return conllu.Mention{}, false
	}
	for _, m := range ms {
		if m.Chain == ms[best].Chain && m.Rep {
			return m, true
		}
	}
	return conllu.Mention{}, false
}

// mentionText is the mention as written ("Clinton's", where the silver
// text field has "Clinton 's").
func mentionText(d *onrecord.Document, m conllu.Mention) string {
	if m.Start < 0 || m.End > len(d.Tokens) || m.Start >= m.End {
		return m.Text
	}
	return d.Text[d.Tokens[m.Start].BStart:d.Tokens[m.End-1].BEnd]
}

// honorifics are dropped from the front of a name before comparing, so
// that "Mr. Trump", "President Obama" and "Republican nominee Donald Trump"
// match the names they carry.
var honorifics = map[string]bool{
	"the": true, "mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true, "gov": true,
	"senator": true, "governor": true, "representative": true, "president": true, "vice": true,
	"former": true, "secretary": true, "gen": true, "general": true, "judge": true, "justice": true,
	"democratic": true, "republican": true, "presidential": true, "nominee": true, "candidate": true,
}

// NamesMatch tells whether a predicted speaker name and an expected name
// denote the same speaker: compared as lower-case words, cut at the first
// comma or bracket (an appositive: "Sanders, a Vermont senator"), with
// punctuation at word edges, possessive 's, leading titles and middle
// initials removed, the names match when the words are equal or the
// shorter name's words are the first or the last words of the longer one ("Trump" matches "Donald Trump",
// "Hillary" matches "Hillary Clinton", "Clinton" does not match "Bill").
func NamesMatch(a, b string) bool {
	x, y := nameWords(a), nameWords(b)
	if len(x) == 0 || len(y) == 0 {
		return false
	}
	if len(x) > len(y) {
		x, y = y, x
	}
	prefix, suffix := true, true
	for k := range x {
		prefix = prefix && x[k] == y[k]
		suffix = suffix && x[k] == y[len(y)-len(x)+k]
	}
	return prefix || suffix
}

func nameWords(s string) []string {
	if i := strings.IndexAny(s, ",("); i > 0 {
		s = s[:i]
	}
	var all, out []string
	for _, w := range strings.Fields(strings.ToLower(strings.ReplaceAll(s, "’", "'"))) {
		w = strings.TrimSuffix(w, "'s")
		w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
		if w == "" {
			continue
		}
		all = append(all, w)
		if len(out) > 0 || !honorifics[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 { // a description, not a name: compare it whole
		return all
	}
	// Middle initials come and go: "Donald J. Trump" is "Donald Trump".
	for k := len(out) - 2; k > 0; k-- {
		if len([]rune(out[k])) == 1 {
			out = append(out[:k], out[k+1:]...)
		}
	}
	return out
}

// Print writes the share and the counts behind it.
func (r SpeakerResult) Print(w io.Writer) error {
	_, err := fmt.Fprintf(w, "%-16s %s (%d of %d pronoun sources in a chain)\n"+
		"%-16s pronouns %d, no chain %d (excluded), wrong %d, no speaker %d, content unmatched %d, pronoun representative %d, docs without silver %d\n",
		"speaker_pronoun", pyFloat(r.Share), r.Correct, r.Scored,
		"", r.Pronouns, r.NoChain, r.Wrong, r.NoSpeaker, r.NoMatch, r.RepPronoun, r.DocsNoSilver)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%-16s %s (%d of %d: the name matches the representative or a named mention of its chain)\n",
		"speaker_entity", pyFloat(r.EntityShare), r.Entity, r.Scored)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%-16s %s (%d of %d whose representative is a name)\n",
		"speaker_named", pyFloat(r.NamedShare), r.NamedCorrect, r.Named)
	return err
}
