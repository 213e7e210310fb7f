package parse

import (
	"bytes"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/cputime"
	"github.com/onrecord/onrecord/tag"
)

// Regression floors on dev with silver tokens and the tagger's tags,
// punctuation included, just under what the embedded models score (the
// tagger trained on gold tags as well costs the silver-trained parser 0.0003
// UAS against the silver tags). The project's bars (UAS 0.88, LAS 0.85) are
// not met yet; issue 22's (UAS 0.85) is.
const (
	minUAS = 0.856
	minLAS = 0.836
)

func defaultParser(t testing.TB) *Parser {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestDevAccuracy scores the parser on dev with the project's tagger's
// tags (the pipeline's condition, held to the bars) and with silver tags.
func TestDevAccuracy(t *testing.T) {
	dev := loadDocs(t, "dev")
	p := defaultParser(t)
	uas, las, n := Evaluate(p, dev)
	t.Logf("dev, silver tags: %d tokens, UAS %.2f%%, LAS %.2f%%", n, 100*uas, 100*las)

	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	tagged := make([]*onrecord.Document, len(dev))
	for i, d := range dev {
		tagged[i] = d.TokenCopy()
		tg.Tag(tagged[i]) // fills Tag, Lemma, NER; the silver Head/Dep stay as reference
	}
	uas, las, n = Evaluate(p, tagged)
	t.Logf("dev, tagger's tags: %d tokens, UAS %.2f%%, LAS %.2f%%", n, 100*uas, 100*las)
	if uas < minUAS || las < minLAS {
		t.Errorf("UAS %.4f LAS %.4f, want >= %.3f and >= %.3f", uas, las, minUAS, minLAS)
	}
}

// doc builds a one-sentence document from "word/TAG" items.
func doc(items string) *onrecord.Document {
	d := &onrecord.Document{}
	var sb strings.Builder
	for i, it := range strings.Fields(items) {
		k := strings.LastIndex(it, "/")
		w, tag := it[:k], it[k+1:]
		if i > 0 {
			sb.WriteByte(' ')
		}
		b := sb.Len()
		sb.WriteString(w)
		d.Tokens = append(d.Tokens, onrecord.Token{
			Start: int32(b), End: int32(sb.Len()), BStart: int32(b), BEnd: int32(sb.Len()), Tag: tag,
		})
	}
	d.Text = sb.String()
	d.Sents = []onrecord.Sentence{{Start: 0, End: int32(len(d.Tokens))}}
	return d
}

// TestArcs checks arcs on sentences of the sample article
// (testdata/timberlake-apology-2021-02-13.txt) tagged as the silver data is.
func TestArcs(t *testing.T) {
	p := defaultParser(t)
	type arc struct{ dep, head, label string }
	tests := []struct {
		sent string
		arcs []arc
	}{
		{"He/PRP wrote/VBD on/IN Friday/NNP ./.",
			[]arc{{"He", "wrote", "nsubj"}, {"Friday", "wrote", "nmod"}, {"wrote", "", "root"}}},
		{"The/DT documentary/NN suggested/VBD that/IN Timberlake/NNP used/VBD Spears/NNP to/TO advance/VB his/PRP$ career/NN ./.",
			[]arc{{"documentary", "suggested", "nsubj"}, {"used", "suggested", "ccomp"}, {"Timberlake", "used", "nsubj"},
				{"that", "used", "mark"}, {"Spears", "used", "dobj"}, {"career", "advance", "dobj"}}},
		{"The/DT film/NN shed/VBD light/NN on/IN circumstances/NNS that/WDT led/VBD to/TO Spears/NNP '/POS conservatorship/NN in/IN 2008/CD ./.",
			[]arc{{"film", "shed", "nsubj"}, {"light", "shed", "dobj"}, {"led", "circumstances", "acl:relcl"}, {"Spears", "conservatorship", "nmod:poss"}}},
		{"Justin/NNP Timberlake/NNP was/VBD recently/RB trending/VBG on/IN social/JJ media/NNS ./.",
			[]arc{{"Justin", "Timberlake", "compound"}, {"Timberlake", "trending", "nsubj"}, {"was", "trending", "aux"}, {"media", "trending", "nmod"}}},
		{"He/PRP said/VBD ,/, ``/`` I/PRP specifically/RB want/VBP to/TO apologize/VB to/TO Britney/NNP Spears/NNP ./. ''/''",
			[]arc{{"He", "said", "nsubj"}, {"want", "said", "ccomp"}, {"apologize", "want", "xcomp"}, {"Spears", "apologize", "nmod"}}},
	}
	for _, tc := range tests {
		d := doc(tc.sent)
		p.Parse(d)
		idx := map[string]int{}
		for i := range d.Tokens {
			idx[d.Word(i)] = i
		}
		for _, a := range tc.arcs {
			tok := d.Tokens[idx[a.dep]]
			head := ""
			if tok.Head >= 0 {
				head = d.Word(int(tok.Head))
			}
			if head != a.head || tok.Dep != a.label {
				t.Errorf("%q: %s ←%s– %q, want ←%s– %q", tc.sent, a.dep, tok.Dep, head, a.label, a.head)
			}
		}
	}
}

// checkTrees fails unless every valid sentence of d is a tree with one root.
func checkTrees(t *testing.T, d *onrecord.Document) {
	t.Helper()
	for _, s := range d.Sents {
		if s.Start < 0 || s.End > int32(len(d.Tokens)) || s.Start >= s.End {
			continue
		}
		roots := 0
		for i := s.Start; i < s.End; i++ {
			tok := d.Tokens[i]
			if tok.Dep == "" {
				t.Fatalf("token %d has no label", i)
			}
			if tok.Head == -1 {
				roots++
				continue
			}
			if tok.Head < s.Start || tok.Head >= s.End || tok.Head == i {
				t.Fatalf("token %d has head %d outside sentence [%d,%d)", i, tok.Head, s.Start, s.End)
			}
			h, steps := tok.Head, 0
			for h != -1 && steps <= int(s.End-s.Start) {
				h, steps = d.Tokens[h].Head, steps+1
			}
			if h != -1 {
				t.Fatalf("token %d is on a cycle", i)
			}
		}
		if roots != 1 {
			t.Fatalf("sentence [%d,%d) has %d roots", s.Start, s.End, roots)
		}
	}
}

var fuzzTags = []string{"NN", "NNP", "VBD", "VBZ", "DT", "IN", ",", ".", "PRP", "JJ", "CC", "``", "''", "RB", "TO", "VB", "", "XYZ"}

// FuzzParse builds documents of arbitrary words, tags and sentence ranges
// (some out of range); every sentence that fits must come out a tree.
func FuzzParse(f *testing.F) {
	f.Add([]byte("He wrote on Friday."), []byte{1, 2, 3, 4, 5}, uint16(5))
	f.Add([]byte("a"), []byte{}, uint16(0))
	f.Add(bytes.Repeat([]byte("x "), 300), bytes.Repeat([]byte{2, 7}, 150), uint16(600))
	p := defaultParser(f)
	f.Fuzz(func(t *testing.T, text []byte, tags []byte, cut uint16) {
		d := &onrecord.Document{Text: string(text)}
		for i, w := range strings.Fields(string(text)) {
			tag := ""
			if i < len(tags) {
				tag = fuzzTags[int(tags[i])%len(fuzzTags)]
			}
			// Offsets are arbitrary, even out of range: Parse must not care.
			b := int32(i)
			d.Tokens = append(d.Tokens, onrecord.Token{BStart: b, BEnd: b + int32(len(w)), Tag: tag})
		}
		n := int32(len(d.Tokens))
		c := int32(cut)
		if n > 0 {
			c = int32(cut) % (n + 1)
		}
		d.Sents = []onrecord.Sentence{{Start: 0, End: c}, {Start: c, End: n}, {Start: n, End: n + 3}, {Start: 2, End: 1}}
		p.Parse(d)
		checkTrees(t, d)
	})
}

// TestEndArcs checks the moves once only the root is left in the buffer:
// an opening quote stranded under the sentence's head can still attach to
// it, the oracle prices that move and the alternatives, and only the last
// word may take the root.
func TestEndArcs(t *testing.T) {
	p := defaultParser(t)
	lid := map[string]uint8{}
	for i, l := range p.labels {
		lid[l] = uint8(i)
	}
	// “ It is one . — every word hangs from "one" (3); 5 is the root.
	d := doc("``/`` It/PRP is/VBZ one/CD ./.")
	g := goldSent{d: d, end: 5, head: []int32{3, 3, 3, 5, 3},
		label: []uint8{lid["punct"], lid["nsubj"], lid["cop"], lid["root"], lid["punct"]}}
	st := newState()
	st.load(p, d, 0, 5)
	for _, w := range []int32{1, 2, 4} {
		st.attach(w, 3, g.label[w])
	}
	st.stack, st.b0 = append(st.stack, 0, 3), 5

	cost := make([]int, p.nClasses())
	st.bestGold(&g, make([]int32, p.nClasses()), cost, p.rootL, len(p.labels))
	for _, tc := range []struct {
		class, want int
	}{
		{leftClass(int(lid["punct"])), 0}, // “ ← one: the gold arc
		{leftClass(int(lid["nsubj"])), 1}, // right head, wrong label
		{rightClass(int(lid["dep"])), 2},  // one → “: loses both arcs
		{shift, 1 << 30},                  // nothing left to shift
	} {
		if cost[tc.class] != tc.want {
			t.Errorf("class %d: cost %d, want %d", tc.class, cost[tc.class], tc.want)
		}
	}

	st.apply(leftClass(int(lid["punct"])))
	if st.head[0] != 3 || !slices.Equal(st.stack, []int32{3}) || st.lc1[3] != 0 {
		t.Fatalf("after the left arc: head of “ %d, stack %v, leftmost child of one %d", st.head[0], st.stack, st.lc1[3])
	}
	sc := make([]int32, p.nClasses())
	sc[rightClass(int(lid["dep"]))] = 100
	if c := st.bestValid(sc, p.rootL, len(p.labels)); c != leftClass(p.rootL) {
		t.Fatalf("one word left: move %d, want the root arc %d", c, leftClass(p.rootL))
	}
}

func TestLongSentence(t *testing.T) {
	p := defaultParser(t)
	d := doc(strings.Repeat("the/DT big/JJ dog/NN barked/VBD and/CC ", 4000) + "./.")
	p.Parse(d)
	checkTrees(t, d)
}

// TestFrontScores checks that the scores predict keeps across moves (of
// the buffer, the front's children, the top with and without its right
// children, and the second stack word, present or not) equal scoring every
// template afresh.
func TestFrontScores(t *testing.T) {
	p := defaultParser(t)
	st, fresh := newState(), make([]int32, 256)
	nc := p.nClasses()
	// Two-word sentences score their first move at the same buffer front,
	// so scores kept from the previous sentence would show.
	short := doc("He/PRP left/VBD She/PRP stayed/VBD They/PRP laughed/VBD")
	short.Sents = []onrecord.Sentence{{Start: 0, End: 2}, {Start: 2, End: 4}, {Start: 4, End: 6}}
	// Past maxCachedWords the stack words' scores are not kept.
	long := doc(strings.Repeat("the/DT big/JJ dog/NN barked/VBD and/CC ", maxCachedWords/5+1) + "./.")
	moves, endLefts := 0, 0
	for _, d := range append(loadDocs(t, "dev")[:10], short, long) {
		for _, s := range d.Sents {
			st.load(p, d, int(s.Start), int(s.End))
			for !st.terminal() {
				c := p.predict(st)
				if len(st.stack) > 1 || len(st.stack) == 1 && int(st.b0) < st.n {
					got := slices.Clone(st.scores[:nc])
					st.features()
					if len(st.feats) != nTemplates {
						t.Fatalf("%s: move %d: %d features, want one per template (%d)", d.ID, moves, len(st.feats), nTemplates)
					}
					clear(fresh)
					p.tab.probe(st.feats, st.hit)
					p.tab.sum(st.hit[:len(st.feats)], fresh[:nc])
					if !slices.Equal(got, fresh[:nc]) {
						t.Fatalf("%s: move %d: reused scores differ from fresh ones", d.ID, moves)
					}
					moves++
				}
				if int(st.b0) == st.n && len(st.stack) > 1 && c%2 == 1 {
					endLefts++ // the top gains a left child: kept scores go stale
				}
				st.apply(c)
			}
		}
	}
	if moves < 1000 || endLefts == 0 {
		t.Fatalf("only %d scored moves checked, %d of them left arcs after the buffer", moves, endLefts)
	}
}

// TestTrainDeterministic trains twice on a few documents with one seed and
// expects identical model bytes that load back to the same parses.
func TestTrainDeterministic(t *testing.T) {
	docs := loadDocs(t, "train")[:6]
	train := func() (*Parser, []byte) {
		p, err := Train([]Corpus{{Docs: docs, Visits: 1}}, nil, 7, 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := p.Save(&b); err != nil {
			t.Fatal(err)
		}
		return p, b.Bytes()
	}
	trained, a := train()
	if _, b := train(); !bytes.Equal(a, b) {
		t.Fatal("two trainings with the same seed differ")
	}
	p, err := Load(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	// On its own training data the model must beat a trivial baseline
	// by far (it has nearly memorised it). Six documents, not fewer: only
	// features updated minUpdates times are kept.
	uas, _, _ := Evaluate(p, docs)
	if uas < 0.9 {
		t.Errorf("training-set UAS %.3f, want >= 0.9", uas)
	}
	for _, d := range docs {
		x, y := d.TokenCopy(), d.TokenCopy()
		trained.Parse(x)
		p.Parse(y)
		if !slices.Equal(x.Tokens, y.Tokens) {
			t.Fatalf("%s: the loaded model parses differently from the trained one", d.ID)
		}
	}
	var c bytes.Buffer
	if err := p.Save(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, c.Bytes()) {
		t.Error("Save after Load changes the bytes")
	}
}

// TestTrainLabelsOfFirstCorpus checks that the labels come from the first
// corpus alone: a later corpus's sentence with a label the first lacks is
// skipped, so the parser never emits a label the later stages never saw.
func TestTrainLabelsOfFirstCorpus(t *testing.T) {
	docs := loadDocs(t, "train")[:8]
	other := docs[6].TokenCopy()
	other.Tokens[0].Dep = "unseen"
	p, err := Train([]Corpus{{Docs: docs[:6], Visits: 1}, {Docs: []*onrecord.Document{other, docs[7]}, Visits: 2}}, nil, 7, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(p.labels, "unseen") {
		t.Errorf("labels %v include the second corpus's", p.labels)
	}
	if !slices.Contains(p.labels, "nsubj") || !slices.Contains(p.labels, "root") {
		t.Errorf("labels %v lack the first corpus's", p.labels)
	}
}

// TestMergeRows checks that members' weights are averaged per key and
// class, and that averages below minQuant (weights the members disagree on,
// or that only one holds) are dropped with any row left empty.
func TestMergeRows(t *testing.T) {
	e := func(c uint8, w int16) entry { return entry{c: c, w: w} }
	a := []row{
		{key: 1, ents: []entry{e(0, 1000), e(3, -2000)}},
		{key: 3, ents: []entry{e(1, 700)}},
		{key: 5, ents: []entry{e(2, 900)}},
	}
	b := []row{
		{key: 1, ents: []entry{e(0, 1001), e(3, 2000)}},
		{key: 5, ents: []entry{e(2, 901), e(4, 1200)}},
		{key: 7, ents: []entry{e(0, -900)}},
	}
	want := []row{
		{key: 1, ents: []entry{e(0, 1001)}}, // 1000.5 rounds away from zero; class 3 cancels
		{key: 5, ents: []entry{e(2, 901), e(4, 600)}},
		{key: 7, ents: []entry{e(0, -450)}},
	}
	// Key 3 (350 on average) falls below minQuant.
	got := mergeRows([][]row{a, b}, minQuant)
	if len(got) != len(want) {
		t.Fatalf("got %d rows %v, want %v", len(got), got, want)
	}
	for i := range want {
		if got[i].key != want[i].key || !slices.Equal(got[i].ents, want[i].ents) {
			t.Errorf("row %d: got %v, want %v", i, got[i], want[i])
		}
	}
	// A higher bound (Train's minWeight) drops more: key 7's -450 goes.
	if got := mergeRows([][]row{a, b}, 500); len(got) != 2 || got[1].key != 5 || !slices.Equal(got[1].ents, want[1].ents) {
		t.Errorf("min weight 500: got %v, want keys 1 and 5 as above", got)
	}
}

func TestLoadRejectsCorrupt(t *testing.T) {
	var b bytes.Buffer
	if err := defaultParser(t).Save(&b); err != nil {
		t.Fatal(err)
	}
	good := b.Bytes()
	for _, in := range [][]byte{nil, []byte("nope"), good[:len(good)/2]} {
		if _, err := Load(bytes.NewReader(in)); err == nil {
			t.Errorf("Load of %d bytes: no error", len(in))
		}
	}
}

func FuzzLoad(f *testing.F) {
	var b bytes.Buffer
	p, err := newParser([]string{"nsubj", "root"}, []string{"NN"})
	if err != nil {
		f.Fatal(err)
	}
	p.setRows([]row{{key: 3, ents: []entry{{c: 1, w: 5}}}})
	if err := p.Save(&b); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, in []byte) {
		q, err := Load(bytes.NewReader(in))
		if err != nil {
			return
		}
		d := doc("a/NN b/NN")
		q.Parse(d)
		checkTrees(t, d)
	})
}

func BenchmarkParse(b *testing.B) {
	dev := loadDocs(b, "dev")
	p := defaultParser(b)
	words := 0
	for _, d := range dev {
		words += len(d.Tokens)
	}
	p.Parse(dev[0]) // warm the scratch pool
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Process()
	for b.Loop() {
		for _, d := range dev {
			p.Parse(d)
		}
	}
	cputime.Report(b, words*b.N, cpu)
}

// TestConcurrent parses copies of one document from several goroutines
// (run with -race) and expects the same arcs as a sequential parse.
func TestConcurrent(t *testing.T) {
	p := defaultParser(t)
	base := doc("The/DT documentary/NN suggested/VBD that/IN Timberlake/NNP used/VBD Spears/NNP ./.")
	p.Parse(base)
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		go func() {
			c := base.TokenCopy()
			for i := range c.Tokens {
				c.Tokens[i].Head, c.Tokens[i].Dep = 0, ""
			}
			for k := 0; k < 50; k++ {
				p.Parse(c)
			}
			msg := ""
			for i := range c.Tokens {
				if c.Tokens[i].Head != base.Tokens[i].Head || c.Tokens[i].Dep != base.Tokens[i].Dep {
					msg = "concurrent parse differs from sequential"
				}
			}
			errs <- msg
		}()
	}
	for g := 0; g < 8; g++ {
		if m := <-errs; m != "" {
			t.Error(m)
		}
	}
}

// TestLoadMemory loads the embedded model and bounds the memory it keeps
// and allocates on the way, which count against the program's budget.
func TestLoadMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	p, err := Load(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	live := after.HeapAlloc - before.HeapAlloc
	total := after.TotalAlloc - before.TotalAlloc
	runtime.KeepAlive(p)
	t.Logf("model live %d MB, allocated while loading %d MB", live>>20, total>>20)
	if live > 80<<20 || total > 128<<20 {
		t.Errorf("model live %d MB, allocated %d MB while loading; want <= 80 and <= 128", live>>20, total>>20)
	}
}

// TestTrainMinWeight: a training with a weight bound gives the rows of one
// without, its weights below the bound dropped with the rows left empty;
// so a saved model pruned afterwards is what the bound trains.
func TestTrainMinWeight(t *testing.T) {
	docs := loadDocs(t, "train")[:6]
	full, err := Train([]Corpus{{Docs: docs, Visits: 1}}, nil, 7, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	const bound = 2000
	pruned, err := Train([]Corpus{{Docs: docs, Visits: 1}}, nil, 7, bound, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want []row
	for _, r := range full.rows {
		var ents []entry
		for _, e := range r.ents {
			if e.w >= bound || e.w <= -bound {
				ents = append(ents, e)
			}
		}
		if len(ents) > 0 {
			want = append(want, row{key: r.key, ents: ents})
		}
	}
	if len(want) == len(full.rows) || len(want) == 0 {
		t.Fatalf("the bound keeps %d of %d rows: pick one that prunes some", len(want), len(full.rows))
	}
	if len(pruned.rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(pruned.rows), len(want))
	}
	for i := range want {
		if pruned.rows[i].key != want[i].key || !slices.Equal(pruned.rows[i].ents, want[i].ents) {
			t.Fatalf("row %d: %v, want %v", i, pruned.rows[i], want[i])
		}
	}
}
