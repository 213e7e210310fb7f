package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/onrecord/onrecord"
)

// Gold corpora in the standard CoNLL-U layout (UD EWT, GUM) and IOB2 name
// files (Universal NER) are read into Documents whose text is the gold
// tokens joined by single spaces, one sentence a line, so that the tagger
// and parser see exactly the gold tokens and sentences.
//
// Their labels are mapped to what the silver CoreNLP analysis uses, the
// scheme the tagger, parser, attribution model and speakers read:
// Tag holds the PTB tag CoreNLP would give ("" where there is none, as for
// GW and XX), Dep the UD v1 label of the UD v2 relation, and NER a name
// class (PERSON, ORGANIZATION, LOCATION), NotName where the gold data says
// the token is in no such name, or "" where it says nothing about names.

// NotName marks a token that gold data puts outside every person,
// organisation and place name without saying which other class (O, DATE,
// MISC, ...) CoreNLP would give it: a partial label.
const NotName = "!NAME"

// Name classes of the gold corpora, as CoreNLP writes them.
var nameClass = map[string]string{
	"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION",
	"person": "PERSON", "organization": "ORGANIZATION", "place": "LOCATION",
}

// IsName reports whether a NER label is one of the three name classes.
func IsName(ner string) bool {
	return ner == "PERSON" || ner == "ORGANIZATION" || ner == "LOCATION"
}

// CoreNLPTag maps a PTB tag of EWT or GUM to the one CoreNLP's tagger would
// give; "" for tags with no counterpart (GW, XX: parts of split words and
// unknown tokens).
func CoreNLPTag(xpos string) string {
	switch xpos {
	case "HYPH", "NFP":
		return ":"
	case "ADD":
		return "NN"
	case "AFX":
		return "JJ"
	case "GW", "XX", "_":
		return ""
	}
	return xpos
}

// NewsTag maps a gold tag of the word form, as CoreNLPTag gives it, to
// CoreNLP's older PTB conventions where the gold corpora's guidelines
// differ: "to" is always TO, where EWT and GUM make the preposition IN, and
// only a comma is ","; EWT also tags dashes, semicolons and ellipses so.
// The readers keep the gold tag, which the embedded tagger learnt from;
// scoring compares the tagger's tags with this.
func NewsTag(form, tag string) string {
	switch {
	case tag == "IN" && strings.EqualFold(form, "to"):
		return "TO"
	case tag == "," && form != ",":
		return ":"
	}
	return tag
}

// v1Label maps UD v2 relations and subtypes to the UD v1 labels of
// CoreNLP's basic dependencies (the labels the silver files use).
var v1Label = map[string]string{
	"nsubj:pass": "nsubjpass", "csubj:pass": "csubjpass", "aux:pass": "auxpass",
	"obj": "dobj", "obl": "nmod", "obl:npmod": "nmod:npmod", "obl:tmod": "nmod:tmod",
	"obl:unmarked": "nmod:tmod", "nmod:unmarked": "nmod:npmod", "det:poss": "nmod:poss",
	"flat": "compound", "fixed": "mwe", "nsubj:outer": "nsubj", "csubj:outer": "csubj",
	"advcl:relcl": "advcl", "orphan": "dep", "reparandum": "dep", "goeswith": "dep",
	"list": "dep", "dislocated": "dep", "vocative": "dep", "discourse": "discourse",
	// Subtypes CoreNLP writes keep them.
	"nmod:poss": "nmod:poss", "nmod:tmod": "nmod:tmod", "nmod:npmod": "nmod:npmod",
	"compound:prt": "compound:prt", "det:predet": "det:predet", "cc:preconj": "cc:preconj",
	"acl:relcl": "acl:relcl",
}

// V1Label maps a UD v2 relation to the UD v1 label CoreNLP writes; other
// subtypes (obl:for, nmod:desc, ...) fall back to their relation.
func V1Label(dep string) string {
	if l, ok := v1Label[dep]; ok {
		return l
	}
	if base, _, ok := strings.Cut(dep, ":"); ok {
		if l, ok := v1Label[base]; ok {
			return l
		}
		return base
	}
	return dep
}

// docBuilder collects gold tokens into a Document, writing their forms
// joined by spaces and one sentence a line.
type docBuilder struct {
	d       *onrecord.Document
	text    strings.Builder
	cp      int // code points written so far
	sent    int // token index where the current sentence began
	inSent  bool
	sentIDs []string
}

func newDocBuilder(id string) *docBuilder { return &docBuilder{d: &onrecord.Document{ID: id}} }

func (b *docBuilder) add(form string, t onrecord.Token) {
	if !b.inSent {
		b.inSent, b.sent = true, len(b.d.Tokens)
		if b.text.Len() > 0 {
			b.text.WriteByte('\n')
			b.cp++
		}
	} else {
		b.text.WriteByte(' ')
		b.cp++
	}
	form = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			return '_' // a token with inner spaces (EWT "3 / 4") stays one word
		}
		return r
	}, form)
	t.BStart, t.Start = int32(b.text.Len()), int32(b.cp)
	b.text.WriteString(form)
	b.cp += len([]rune(form))
	t.BEnd, t.End = int32(b.text.Len()), int32(b.cp)
	b.d.Tokens = append(b.d.Tokens, t)
}

// endSent closes the current sentence, if any.
func (b *docBuilder) endSent() {
	if b.inSent {
		b.d.Sents = append(b.d.Sents, onrecord.Sentence{Start: int32(b.sent), End: int32(len(b.d.Tokens))})
		b.inSent = false
	}
}

// next adds the current document to docs, when it has tokens, and starts
// the one a "# newdoc id = ID" line names.
func (b *docBuilder) next(line string, docs []*onrecord.Document) (*docBuilder, []*onrecord.Document) {
	if len(b.d.Tokens) > 0 {
		docs = append(docs, b.done())
	}
	_, id, _ := strings.Cut(line, "=")
	return newDocBuilder(strings.TrimSpace(id)), docs
}

func (b *docBuilder) done() *onrecord.Document {
	b.endSent()
	b.d.Text = b.text.String()
	b.d.Body = onrecord.Span{Start: 0, End: b.cp}
	return b.d
}

// ReadUD reads a CoNLL-U file (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL
// DEPS MISC) into one Document per "# newdoc id" (name when there is none),
// with tags, lemmas and dependencies mapped as the package comment says.
// Multiword-token and empty-node lines are skipped. GUM's Entity= brackets
// give NER (see entityNames); without them NER is "".
func ReadUD(r io.Reader, name string) ([]*onrecord.Document, error) {
	return readUD(r, name, true)
}

// ReadUDOwnHeads is ReadUD with the names of the first conversion, which
// the embedded tagger learnt from: only entities headed by a proper noun,
// so a name under a role word ("interviewee Jane Roe") is no name.
func ReadUDOwnHeads(r io.Reader, name string) ([]*onrecord.Document, error) {
	return readUD(r, name, false)
}

func readUD(r io.Reader, name string, roleHeads bool) ([]*onrecord.Document, error) {
	var docs []*onrecord.Document
	b := newDocBuilder(name)
	var sent []udTok
	line := 0
	flushSent := func() error {
		if len(sent) == 0 {
			return nil
		}
		for _, t := range sent {
			if t.head > len(sent) {
				return fmt.Errorf("%s line %d: head %d beyond the sentence", name, line, t.head)
			}
		}
		base := len(b.d.Tokens)
		names := entityNames(sent, roleHeads)
		heads, deps := v1Tree(sent)
		for i, t := range sent {
			tok := onrecord.Token{Lemma: under(t.f[2]), Tag: CoreNLPTag(t.f[4]), Head: -1, Dep: deps[i]}
			if heads[i] > 0 {
				tok.Head = int32(base + heads[i] - 1)
			}
			tok.NER = names[i]
			b.add(t.f[1], tok)
		}
		b.endSent()
		sent = sent[:0]
		return nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	docEnts := false
	for sc.Scan() {
		line++
		s := sc.Text()
		switch {
		case strings.HasPrefix(s, "# newdoc id"):
			if err := flushSent(); err != nil {
				return nil, err
			}
			b, docs = b.next(s, docs)
		case strings.HasPrefix(s, "#"):
		case strings.TrimSpace(s) == "":
			if err := flushSent(); err != nil {
				return nil, err
			}
		default:
			f := strings.Split(s, "\t")
			if len(f) != 10 {
				return nil, fmt.Errorf("%s line %d: want 10 columns, got %d", name, line, len(f))
			}
			if strings.ContainsAny(f[0], "-.") {
				continue // a multiword token's surface line or an empty node
			}
			id, err1 := strconv.Atoi(f[0])
			head, err2 := strconv.Atoi(f[6])
			if err1 != nil || err2 != nil || id != len(sent)+1 || head < 0 {
				return nil, fmt.Errorf("%s line %d: bad ID/HEAD %q %q", name, line, f[0], f[6])
			}
			t := udTok{f: f, head: head}
			for _, kv := range strings.Split(f[9], "|") {
				if v, ok := strings.CutPrefix(kv, "Entity="); ok {
					t.ents, docEnts = v, true
				}
			}
			sent = append(sent, t)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if err := flushSent(); err != nil {
		return nil, err
	}
	if len(b.d.Tokens) > 0 {
		docs = append(docs, b.done())
	}
	if docEnts {
		// A document with entity annotation says where names are not: a
		// sentence of it with no entity at all is still fully annotated.
		for _, d := range docs {
			for i := range d.Tokens {
				switch d.Tokens[i].NER {
				case "":
					d.Tokens[i].NER = NotName
				case unknownName:
					d.Tokens[i].NER = ""
				}
			}
		}
	}
	return docs, nil
}

// v1Tree gives the heads (1-based, 0 the root) and labels of a UD v2
// sentence as CoreNLP's UD v1 basic dependencies draw them: labels mapped
// (V1Label; "not", "n't", "never" and the determiner "no" are neg); a flat
// name headed by its last word, the others its compounds ("Donald ←
// Trump"); a coordinating conjunction, and punctuation before a conjunct,
// attached to the first conjunct rather than the next.
func v1Tree(sent []udTok) ([]int, []string) {
	n := len(sent)
	heads, deps := make([]int, n), make([]string, n)
	for i, t := range sent {
		heads[i], deps[i] = t.head, under(t.f[7])
	}
	for h := 1; h <= n; h++ {
		last := 0 // the last flat dependent of h
		for i := h + 1; i <= n; i++ {
			if heads[i-1] == h && strings.HasPrefix(deps[i-1], "flat") {
				last = i
			}
		}
		if last == 0 {
			continue
		}
		for i := 1; i <= n; i++ {
			if i != last && heads[i-1] == h {
				heads[i-1] = last
				if strings.HasPrefix(deps[i-1], "flat") {
					deps[i-1] = "compound"
				}
			}
		}
		heads[last-1], deps[last-1] = heads[h-1], deps[h-1]
		heads[h-1], deps[h-1] = last, "compound"
	}
	for i := range sent {
		h := heads[i]
		if h > 0 && deps[h-1] == "conj" && (deps[i] == "cc" || deps[i] == "punct" && i+1 < h) {
			heads[i] = heads[h-1]
		}
		w := strings.ToLower(sent[i].f[1])
		switch {
		case deps[i] == "advmod" && (w == "not" || w == "n't" || w == "never"), deps[i] == "det" && w == "no":
			deps[i] = "neg"
		default:
			deps[i] = V1Label(deps[i])
		}
	}
	// A compound of a compound hangs from the last noun ("ice ← cream ←
	// shop" becomes "ice ← shop"), as in CoreNLP's trees, which come from
	// the Penn Treebank's flat noun phrases: PolNeAR train's silver trees
	// nest 43 of 45,600 compounds, EWT train's gold ones 686 of 9,039.
	for i := 1; i <= n; i++ {
		for steps := 0; deps[i-1] == "compound" && steps < n; steps++ {
			h := heads[i-1]
			if h <= i || h > n || deps[h-1] != "compound" || heads[h-1] <= h {
				break
			}
			heads[i-1] = heads[h-1]
		}
	}
	v1Punct(heads, deps)
	return heads, deps
}

// v1Punct hangs punctuation as CoreNLP's trees do where UD's differ: a
// mark at the edge of a dependent's phrase, on the side facing the head,
// hangs from the head (", the coach" from the noun before it, ", she said"
// from "said"), not from the phrase, and so does the comma closing an
// apposition. In PolNeAR train's silver trees 4,042 commas opening an
// apposition hang from the noun and none from the apposition, in EWT
// train's gold trees none and 419. Parataxis and dep, which the silver
// trees hang either way, keep UD's; conjuncts are done by v1Tree.
func v1Punct(heads []int, deps []string) {
	n := len(heads)
	lo, hi := make([]int, n+1), make([]int, n+1)
	for i := 1; i <= n; i++ {
		lo[i], hi[i] = i, i
	}
	for i := 1; i <= n; i++ {
		for h, steps := heads[i-1], 0; h > 0 && steps < n; h, steps = heads[h-1], steps+1 {
			lo[h], hi[h] = min(lo[h], i), max(hi[h], i)
		}
	}
	// edge moves the marks of d's phrase from its edge at i inward (step
	// 1 or -1) to g: a comma and a quotation mark together (",\"") go as one.
	edge := func(d, g, i, step int) {
		for ; i >= 1 && i <= n && i != d && heads[i-1] == d && deps[i-1] == "punct"; i += step {
			heads[i-1] = g
		}
	}
	for d := 1; d <= n; d++ {
		g := heads[d-1]
		if g <= 0 || punctKept[deps[d-1]] {
			continue
		}
		if g < d {
			edge(d, g, lo[d], 1)
			if deps[d-1] == "appos" {
				edge(d, g, hi[d], -1)
			}
		} else {
			edge(d, g, hi[d], -1)
			if deps[d-1] == "appos" {
				edge(d, g, lo[d], 1)
			}
		}
	}
}

// punctKept are the relations whose edge punctuation v1Punct leaves.
var punctKept = map[string]bool{"parataxis": true, "dep": true, "conj": true, "cc": true, "punct": true, "root": true}

type udTok struct {
	f    []string
	head int    // 1-based, 0 for the root
	ents string // the MISC Entity= value, "" when none
}

// entityNames finds the names among a GUM sentence's entities: entities of
// type person, organization or place whose head (the token whose head lies
// outside the entity) is a proper noun, or with roleHeads a common noun with
// a proper noun flat under it (a role word and a name). A name is the part of its entity
// from the first to the last proper noun, so that "the University of
// Toronto" is the name "University of Toronto"; a name inside another is
// dropped. It returns each token's class or "".
func entityNames(sent []udTok, roleHeads bool) []string {
	type span struct {
		start, end int // token indices, end exclusive
		class      string
	}
	var open []struct {
		id    string
		start int
		class string
	}
	var spans []span
	for i, t := range sent {
		v := t.ents
		for v != "" {
			switch {
			case v[0] == '(':
				j := strings.IndexAny(v[1:], "()")
				body := v[1:]
				if j >= 0 {
					body = v[1 : 1+j]
				}
				fs := strings.Split(body, "-")
				class := ""
				if len(fs) > 1 {
					class = nameClass[fs[1]]
				}
				if j >= 0 && v[1+j] == ')' { // a one-token entity "(id-type-...)"
					spans = append(spans, span{i, i + 1, class})
					v = v[1+j+1:]
					continue
				}
				open = append(open, struct {
					id    string
					start int
					class string
				}{fs[0], i, class})
				if j < 0 {
					v = ""
				} else {
					v = v[1+j:]
				}
			default: // "id)" closes an entity
				j := strings.IndexByte(v, ')')
				if j < 0 {
					v = ""
					continue
				}
				id := v[:j]
				for k := len(open) - 1; k >= 0; k-- {
					if open[k].id == id {
						spans = append(spans, span{open[k].start, i + 1, open[k].class})
						open = slices.Delete(open, k, k+1)
						break
					}
				}
				v = v[j+1:]
			}
		}
	}
	proper := func(i int) bool { return sent[i].f[4] == "NNP" || sent[i].f[4] == "NNPS" }
	var names []span
	unknown := map[int]bool{}
	for _, e := range spans {
		if e.class == "" {
			continue
		}
		head := -1
		for i := e.start; i < e.end; i++ {
			if h := sent[i].head - 1; h < e.start || h >= e.end {
				head = i
				break
			}
		}
		// GUM hangs a name in apposition to a role word on that word
		// ("interviewee Jane Roe": Jane and Roe flat under interviewee);
		// the name is still there, headed by its first flat proper noun.
		if roleHeads && head >= 0 && !proper(head) {
			for i := e.start; i < e.end; i++ {
				if sent[i].head-1 == head && strings.HasPrefix(sent[i].f[7], "flat") && proper(i) {
					head = i
					break
				}
			}
		}
		// A plural proper noun heading a person ("Afghans") is a group, which
		// CoreNLP and Universal NER do not call a person.
		if head < 0 || !proper(head) || e.class == "PERSON" && sent[head].f[4] != "NNP" {
			continue
		}
		// A name modifying a common noun ("Maya ruins", where GUM types the
		// civilisation as an organisation) is left unlabelled: CoreNLP and
		// Universal NER differ on such uses.
		if h := sent[head].head - 1; (sent[head].f[7] == "compound" || sent[head].f[7] == "amod") && h >= 0 && h < len(sent) && !proper(h) {
			for i := e.start; i < e.end; i++ {
				unknown[i] = true
			}
			continue
		}
		// The name is the run of proper nouns around the head (bridged by
		// "of", "the", "and" ...); a person's does not cross into an
		// entity nested in it that does not hold the head ("U.S. President
		// X"), while an organisation's or place's takes those in ("United
		// States Navy").
		blocked := func(i int) bool {
			if e.class != "PERSON" {
				return false
			}
			for _, o := range spans {
				if o != e && o.start >= e.start && o.end <= e.end && i >= o.start && i < o.end && (head < o.start || head >= o.end) {
					return true
				}
			}
			return false
		}
		a, z := head, head+1
		for i := head - 1; i >= e.start && !blocked(i); i-- {
			if proper(i) {
				a = i
			} else if !nameBridge[strings.ToLower(sent[i].f[1])] {
				break
			}
		}
		for i := head + 1; i < e.end && !blocked(i); i++ {
			if proper(i) {
				z = i + 1
			} else if !nameBridge[strings.ToLower(sent[i].f[1])] {
				break
			}
		}
		if e.class == "PERSON" {
			for k := z - 1; k >= a; k-- { // after the last title word
				if personTitle[strings.ToLower(strings.TrimSuffix(sent[k].f[1], "."))] {
					a = k + 1
					break
				}
			}
		}
		if a < z {
			names = append(names, span{a, z, e.class})
		}
	}
	out := make([]string, len(sent))
	for i := range unknown {
		out[i] = unknownName
	}
	// Outer names first, so that a name inside another is left out.
	slices.SortStableFunc(names, func(x, y span) int {
		if x.start != y.start {
			return x.start - y.start
		}
		return y.end - x.end
	})
	for _, n := range names {
		if slices.ContainsFunc(out[n.start:n.end], func(c string) bool { return c != "" && c != unknownName }) {
			continue
		}
		for i := n.start; i < n.end; i++ {
			out[i] = n.class
		}
	}
	return out
}

// nameBridge are the lower-case words that join proper nouns into one name
// ("University of Toronto", "Bank of the West", "Johnson & Johnson").
var nameBridge = map[string]bool{"of": true, "the": true, "and": true, "&": true, "for": true, "de": true, "du": true, "von": true, "van": true, "der": true, "la": true, "'s": true}

// personTitle are titles and roles written before a person's name, which
// CoreNLP and Universal NER leave out of the name.
var personTitle = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`mr mrs ms miss dr prof professor sir dame lord lady president vice
		senator sen governor gov mayor minister premier chancellor secretary ambassador king queen
		prince princess emperor empress duke duchess pope saint st cardinal bishop archbishop rev
		reverend judge justice general gen colonel col captain capt lieutenant
		lt sergeant sgt major admiral commander officer chief chairman chairwoman ceo director coach
		representative rep congressman congresswoman speaker president-elect detective inspector
		doctor`) {
		personTitle[w] = true
	}
}

// unknownName marks, inside ReadUD, tokens whose name class is left
// unknown ("" in the result).
const unknownName = "?"

// ReadIOB2 reads an IOB2 name file (columns: index, word, tag, ...; a
// blank line after each sentence; "# newdoc id" starting a document) into
// Documents with NER only: PER, ORG and LOC become CoreNLP's classes,
// everything else (O, OTH) NotName.
func ReadIOB2(r io.Reader, name string) ([]*onrecord.Document, error) {
	var docs []*onrecord.Document
	b := newDocBuilder(name)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		switch {
		case strings.HasPrefix(s, "# newdoc id"):
			b, docs = b.next(s, docs)
		case strings.HasPrefix(s, "#"):
		case strings.TrimSpace(s) == "":
			b.endSent()
		default:
			f := strings.Split(s, "\t")
			if len(f) < 3 {
				return nil, fmt.Errorf("%s line %d: want 3 columns, got %d", name, line, len(f))
			}
			ner := NotName
			if p, c, ok := strings.Cut(f[2], "-"); ok && (p == "B" || p == "I") && nameClass[c] != "" && c == strings.ToUpper(c) {
				ner = nameClass[c]
				if p == "B" && b.inSent && len(b.d.Tokens) > b.sent && b.d.Tokens[len(b.d.Tokens)-1].NER == ner {
					// Two names of one class side by side: CoreNLP's labels
					// cannot part them, so neither is learnt as one name.
					ner = ""
				}
			}
			b.add(f[1], onrecord.Token{NER: ner, Head: -1})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(b.d.Tokens) > 0 {
		docs = append(docs, b.done())
	}
	return docs, nil
}

// Names lists the gold names of d: maximal runs of one name class within a
// sentence, as token ranges [start, end) with their class.
func Names(d *onrecord.Document) []NameSpan {
	var out []NameSpan
	sents := d.Sents
	if len(sents) == 0 {
		sents = []onrecord.Sentence{{Start: 0, End: int32(len(d.Tokens))}}
	}
	for _, s := range sents {
		for i := int(s.Start); i < int(s.End) && i < len(d.Tokens); {
			c := d.Tokens[i].NER
			if !IsName(c) {
				i++
				continue
			}
			j := i + 1
			for j < int(s.End) && j < len(d.Tokens) && d.Tokens[j].NER == c {
				j++
			}
			out = append(out, NameSpan{Start: i, End: j, Class: c})
			i = j
		}
	}
	return out
}

// NameSpan is one name: tokens [Start, End) of class Class.
type NameSpan struct {
	Start, End int
	Class      string
}

// LoadGold reads a gold corpus: a CoNLL-U file (*.conllu), an IOB2 file
// (*.iob2), or a directory of such files (read in sorted order).
func LoadGold(path string) ([]*onrecord.Document, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	files := []string{path}
	if st.IsDir() {
		files = nil
		for _, ext := range []string{"*.conllu", "*.iob2"} {
			m, err := filepath.Glob(filepath.Join(path, ext))
			if err != nil {
				return nil, fmt.Errorf("list %s: %w", path, err)
			}
			files = append(files, m...)
		}
		slices.Sort(files)
		if len(files) == 0 {
			return nil, fmt.Errorf("no *.conllu or *.iob2 files under %s", path)
		}
	}
	var docs []*onrecord.Document
	for _, f := range files {
		ds, err := readGoldFile(f)
		if err != nil {
			return nil, err
		}
		docs = append(docs, ds...)
	}
	return docs, nil
}

func readGoldFile(path string) ([]*onrecord.Document, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer fh.Close()
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	switch filepath.Ext(path) {
	case ".iob2":
		return ReadIOB2(fh, name)
	case ".conllu":
		return ReadUD(fh, name)
	}
	return nil, fmt.Errorf("read %s: not a .conllu or .iob2 file", path)
}

// GUMSplit lists the documents of one split (train, dev, test, test2) in
// GUM's splits.md, a "## split" heading followed by "  * DOC" lines.
func GUMSplit(r io.Reader, split string) ([]string, error) {
	var ids []string
	in := false
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		s := strings.TrimSpace(sc.Text())
		if h, ok := strings.CutPrefix(s, "## "); ok {
			in = strings.TrimSpace(h) == split
			continue
		}
		if id, ok := strings.CutPrefix(s, "* "); ok && in {
			ids = append(ids, strings.TrimSpace(id))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read splits: %w", err)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("no split %q in splits", split)
	}
	return ids, nil
}
