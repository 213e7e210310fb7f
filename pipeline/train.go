package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/attrib"
	"github.com/onrecord/onrecord/brat"
	"github.com/onrecord/onrecord/conllu"
	"github.com/onrecord/onrecord/parse"
	"github.com/onrecord/onrecord/speaker"
	"github.com/onrecord/onrecord/tag"
	"github.com/onrecord/onrecord/text"
)

// TrainConfig says what to train from where.
type TrainConfig struct {
	// Data is a PolNeAR-layout corpus: either a root with train/ and dev/
	// splits, or one directory with text/, attributions/ and (for the
	// tagger and parser) silver/.
	Data string
	// Out is the directory under which tag/, parse/ and attrib/ model
	// files are written (the repository root, to embed them on next build).
	Out string
	// Models lists what to train: "tag", "parse", "attrib". The others are
	// taken from the embedded models.
	Models []string
	// Gold is the directory holding the gold corpora and name lists the
	// tagger and parser also learn from: ud-ewt/, uner-ewt/, gum/ and names/ (see
	// GoldCorpora); "" trains on the silver analysis alone.
	Gold string
	// ParseGoldVisits is how often the parser sees each gold tree (EWT
	// and GUM train) per epoch, against once for silver ones; 0 trains it
	// on the silver trees alone, as the embedded model is (README: "The
	// parser on gold trees").
	ParseGoldVisits int
	// ParseTagFolds says whose tags the parser learns from: 0 the
	// corpora's own (as the embedded parser); 1 those the tagger of this
	// training gives them; k >= 2 those of k taggers trained by the
	// tagger's recipe (the Tag* fields) each without a k-th of the
	// training documents, which tag that k-th (jackknifing). At run time
	// the parser reads the tagger's tags, errors included: the errors a
	// tagger makes on text it never saw.
	ParseTagFolds int
	// ParseMinWeight drops the parser's averaged weights below it (of
	// 32767 for the largest; 0 keeps parse's default, as the embedded
	// model): fewer features, a smaller and faster model.
	ParseMinWeight int
	// AttribRuns is how many attribution models, on different shuffles,
	// the attribution model averages (0: attrib's default).
	AttribRuns int
	// TagNews trains the tagger on the gold tags in CoreNLP's conventions
	// (conllu.NewsTag) without their quotation tags, on the silver news
	// twice an epoch, and with the common-word and role-noun gazetteer bits
	// (a tag-4 model, its gazetteer bits apart from capitalisation): with
	// TagEWTVisits 5, TagClusters 200, TagBeam 4 and TagDict, the embedded model's recipe
	// (`onrecord train`'s defaults); off, the recipe before it (README:
	// "The tagger with news conventions").
	TagNews bool
	// TagEWTVisits is how often the tagger's POS sees each sentence of UD
	// EWT train per epoch, imperatives left out (with TagNews only; 0:
	// none; the embedded model: 5).
	TagEWTVisits int
	// TagImperativeVisits is how often the tagger's POS sees each
	// imperative sentence of UD EWT train per epoch (with TagNews; 0:
	// none, as TagEWTVisits leaves them out).
	TagImperativeVisits int
	// TagSilverNERVisits is how often the name tagger sees each silver
	// news sentence per epoch with TagNews (0: newsVisits, as the POS):
	// fewer let the gold names' conventions weigh more.
	TagSilverNERVisits int
	// TagGoldNERVisits is how often the name tagger sees each sentence of
	// UNER and GUM train per epoch with TagNews (0: goldVisits).
	TagGoldNERVisits int
	// TagClusters is how many word clusters the tagger learns (with
	// TagNews; at most 255, 0: none), from the words of its training
	// corpora and of the unannotated news of wikinews/ under Gold.
	TagClusters int
	// TagWide has the name tagger read more features (with TagNews): the
	// words two away as written, word pairs around a capitalised word (a
	// tag-6 model).
	TagWide bool
	// TagLexicon has the name tagger read a lexicon of the training
	// corpora's names and the organisation ends learnt from them (with
	// TagNews; a tag-6 model).
	TagLexicon bool
	// TagBILOU has the name tagger learn where a token stands in its name
	// (first, inside, last, alone; with TagNews).
	TagBILOU bool
	// TagBeam is the name tagger's beam width (with TagNews; 0 or 1:
	// greedy), which it is trained for and decodes with.
	TagBeam int
	// TagDict has the POS and the name tagger take a frequent word's
	// nearly constant label from a dictionary, unscored (with TagNews; a
	// tag-7 model; the embedded model's recipe).
	TagDict bool
	// TagPOSBeam is the POS tagger's beam width (with TagNews; 0 or 1:
	// greedy), which it is trained for and decodes with, less a margin
	// (a tag-7 model; 4 in the embedded recipe).
	TagPOSBeam int
	Seed       int64
	Log        io.Writer
}

// ModelFiles are the paths, under TrainConfig.Out, of the embedded models.
var ModelFiles = map[string]string{
	"tag":    filepath.Join("tag", "model.bin.gz"),
	"parse":  filepath.Join("parse", "model.bin.gz"),
	"attrib": filepath.Join("attrib", "model.bin.gz"),
}

// Train rebuilds the requested models, each from what the one before it
// produces: the attribution model learns over the project's own tagger and
// parser output, the analysis it will see at run time.
func Train(cfg TrainConfig) error {
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	trainDir, devDir := cfg.Data, ""
	if st, err := os.Stat(filepath.Join(cfg.Data, "train")); err == nil && st.IsDir() {
		trainDir, devDir = filepath.Join(cfg.Data, "train"), filepath.Join(cfg.Data, "dev")
	}
	// Stages not retrained come from the embedded models.
	p := &Pipeline{}
	var err error
	if !slices.Contains(cfg.Models, "tag") {
		if p.Tagger, err = tag.Default(); err != nil {
			return err
		}
	}
	if !slices.Contains(cfg.Models, "parse") {
		if p.Parser, err = parse.Default(); err != nil {
			return err
		}
	}
	if slices.Contains(cfg.Models, "tag") || slices.Contains(cfg.Models, "parse") {
		train, dev, err := silver(trainDir, devDir)
		if err != nil {
			return err
		}
		// The gold corpora take a while to read: only for a tagger, or a
		// parser told to learn from them or from jackknifed tags.
		var gold GoldData
		if cfg.Gold != "" && (slices.Contains(cfg.Models, "tag") || cfg.ParseGoldVisits > 0 || cfg.ParseTagFolds > 1) {
			if gold, err = LoadGoldCorpora(cfg.Gold, cfg.TagNews); err != nil {
				return err
			}
		}
		// Read once for every tagger trained, the jackknife's folds too.
		if cfg.TagNews && cfg.TagClusters > 0 && (slices.Contains(cfg.Models, "tag") || cfg.ParseTagFolds > 1) {
			if gold.News, err = plainSentences(filepath.Join(cfg.Gold, "wikinews")); err != nil {
				return err
			}
		}
		if slices.Contains(cfg.Models, "tag") {
			start := time.Now()
			t, err := trainTagger(cfg, train, dev, gold, cfg.Log)
			if err != nil {
				return err
			}
			if err := save(cfg.Out, "tag", t.Save); err != nil {
				return err
			}
			p.Tagger = t
			fmt.Fprintf(cfg.Log, "tagger trained in %s\n", time.Since(start).Round(time.Second))
		}
		if slices.Contains(cfg.Models, "parse") {
			start := time.Now()
			for _, d := range dev { // the parser is scored on the tagger's own tags
				p.Tagger.Tag(d)
			}
			corpora := []parse.Corpus{{Docs: train, Visits: 1}}
			if cfg.ParseGoldVisits > 0 {
				corpora = append(corpora, parse.Corpus{Docs: gold.EWT, Visits: cfg.ParseGoldVisits},
					parse.Corpus{Docs: gold.GUM, Visits: cfg.ParseGoldVisits})
			}
			switch {
			case cfg.ParseTagFolds == 1:
				for i := range corpora {
					corpora[i].Docs = retag(p.Tagger, corpora[i].Docs)
				}
			case cfg.ParseTagFolds > 1:
				tagged, err := jackknife(cfg, train, gold)
				if err != nil {
					return err
				}
				for i := range corpora {
					corpora[i].Docs = tagged[i]
				}
			}
			pr, err := parse.Train(corpora, dev, cfg.Seed, cfg.ParseMinWeight, cfg.Log)
			if err != nil {
				return fmt.Errorf("train parser: %w", err)
			}
			if err := save(cfg.Out, "parse", pr.Save); err != nil {
				return err
			}
			p.Parser = pr
			fmt.Fprintf(cfg.Log, "parser trained in %s\n", time.Since(start).Round(time.Second))
		}
	}
	if slices.Contains(cfg.Models, "attrib") {
		start := time.Now()
		// Over the tagger's exact analysis, not its dictionaries' shortcut
		// (see tag.Tagger.Exact).
		docs, err := Gold(&Pipeline{Tagger: p.Tagger.Exact(), Parser: p.Parser}, trainDir)
		if err != nil {
			return err
		}
		m, err := attrib.Train(docs, attrib.TrainOptions{Seed: cfg.Seed, Runs: cfg.AttribRuns, Log: cfg.Log})
		if err != nil {
			return fmt.Errorf("train attribution model: %w", err)
		}
		if err := save(cfg.Out, "attrib", m.Save); err != nil {
			return err
		}
		fmt.Fprintf(cfg.Log, "attribution model trained in %s\n", time.Since(start).Round(time.Second))
	}
	return nil
}

// trainTagger trains a tagger by cfg's recipe on the silver news train and
// the gold corpora.
func trainTagger(cfg TrainConfig, train, dev []*onrecord.Document, gold GoldData, log io.Writer) (*tag.Tagger, error) {
	corpora := []tag.Corpus{{Docs: train, POSVisits: 1, NERVisits: 1, Lemmas: true},
		{Docs: gold.UNER, NERVisits: goldVisits}, {Docs: gold.GUM, POSVisits: goldVisits, NERVisits: goldVisits}}
	if cfg.TagNews {
		corpora[0].POSVisits, corpora[0].NERVisits = newsVisits, newsVisits
		if cfg.TagSilverNERVisits > 0 {
			corpora[0].NERVisits = cfg.TagSilverNERVisits
		}
		if cfg.TagGoldNERVisits > 0 {
			corpora[1].NERVisits, corpora[2].NERVisits = cfg.TagGoldNERVisits, cfg.TagGoldNERVisits
		}
		corpora[2].Docs = tagsForNews(gold.GUM, allSentences)
		if cfg.TagEWTVisits > 0 {
			corpora = append(corpora, tag.Corpus{Docs: tagsForNews(gold.EWT, noImperatives), POSVisits: cfg.TagEWTVisits})
		}
		if cfg.TagImperativeVisits > 0 {
			corpora = append(corpora, tag.Corpus{Docs: tagsForNews(gold.EWT, imperatives), POSVisits: cfg.TagImperativeVisits})
		}
	}
	var roles []string
	if cfg.TagNews {
		roles = speaker.WordNetPersonNouns()
	}
	var clusters tag.Clusters
	if cfg.TagNews && cfg.TagClusters > 0 {
		clusters = tag.Clusters{K: cfg.TagClusters, Text: gold.News}
	}
	// The name tagger's options are the news recipe's (see TrainConfig).
	var extras tag.Extras
	if cfg.TagNews {
		extras = tag.Extras{Wide: cfg.TagWide, Lexicon: cfg.TagLexicon, BILOU: cfg.TagBILOU, Dict: cfg.TagDict, Beam: cfg.TagBeam, POSBeam: cfg.TagPOSBeam}
	}
	t, err := tag.Train(corpora, dev, gold.FirstNames, gold.Surnames, roles, cfg.TagNews, clusters, extras, cfg.Seed, log)
	if err != nil {
		return nil, fmt.Errorf("train tagger: %w", err)
	}
	return t, nil
}

// jackknife returns copies of the parser's training documents (silver
// train, and with ParseGoldVisits EWT and GUM train, in that order) with
// tags from taggers that never saw them: for each of cfg.ParseTagFolds
// folds, a tagger trained by cfg's recipe without the fold's documents
// (every k-th of each corpus) tags them. The folds train at once; UNER's
// names, which teach no tag, stay whole.
func jackknife(cfg TrainConfig, train []*onrecord.Document, gold GoldData) ([][]*onrecord.Document, error) {
	k := cfg.ParseTagFolds
	src := [][]*onrecord.Document{train}
	if cfg.ParseGoldVisits > 0 {
		src = append(src, gold.EWT, gold.GUM)
	}
	out := make([][]*onrecord.Document, len(src))
	for c := range src {
		out[c] = make([]*onrecord.Document, len(src[c]))
	}
	// split gives the documents of fold f (in) and the others.
	split := func(docs []*onrecord.Document, f int) (in, rest []*onrecord.Document) {
		for i, d := range docs {
			if i%k == f {
				in = append(in, d)
			} else {
				rest = append(rest, d)
			}
		}
		return in, rest
	}
	errs := make([]error, k)
	var logMu sync.Mutex
	var wg sync.WaitGroup
	for f := range k {
		wg.Go(func() {
			start := time.Now()
			_, silverRest := split(train, f)
			g := gold
			_, g.EWT = split(gold.EWT, f)
			_, g.GUM = split(gold.GUM, f)
			t, err := trainTagger(cfg, silverRest, nil, g, io.Discard)
			if err != nil {
				errs[f] = fmt.Errorf("jackknife fold %d: %w", f+1, err)
				return
			}
			for c := range src {
				for i := f; i < len(src[c]); i += k {
					out[c][i] = tagged(t, src[c][i])
				}
			}
			logMu.Lock()
			defer logMu.Unlock()
			fmt.Fprintf(cfg.Log, "parse: jackknife fold %d of %d: tagger trained and applied in %s\n", f+1, k, time.Since(start).Round(time.Second))
		})
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// goldVisits is how often the tagger sees each gold sentence of GUM and
// UNER per epoch, against once for the silver news (newsVisits with
// TrainConfig.TagNews, as the attribution model and the speaker rules read
// the tags and names as CoreNLP gives them on news): where they disagree,
// gold should win.
const (
	goldVisits = 3
	newsVisits = 2
)

// GoldData is the gold training data under TrainConfig.Gold.
type GoldData struct {
	UNER []*onrecord.Document // Universal NER over EWT train: gold names
	GUM  []*onrecord.Document // GUM train (gumGenres): tags, names and trees
	EWT  []*onrecord.Document // UD EWT train: gold tags and trees
	// FirstNames and Surnames are the gazetteer's name lists.
	FirstNames, Surnames []string
	// News is the unannotated news of wikinews/ as sentences of words,
	// which word clusters learn from (TrainConfig.TagClusters).
	News [][]string
}

// LoadGoldCorpora reads the training splits of the gold corpora under
// dir: uner-ewt/en_ewt-ud-train.iob2, ud-ewt/en_ewt-ud-train.conllu, GUM's
// train documents (gum/dep, as gum/splits.md lists them) of the genres
// whose texts gum/LICENSE.txt gives a licence without a non-commercial
// clause (gumGenres), and names/first-names.txt and names/surnames.txt.
// With roleHeads a GUM name may hang under a role word (conllu.ReadUD);
// without, it is read as the embedded tagger learnt it
// (conllu.ReadUDOwnHeads).
func LoadGoldCorpora(dir string, roleHeads bool) (GoldData, error) {
	var g GoldData
	var err error
	if g.UNER, err = conllu.LoadGold(filepath.Join(dir, "uner-ewt", "en_ewt-ud-train.iob2")); err != nil {
		return g, err
	}
	if g.EWT, err = conllu.LoadGold(filepath.Join(dir, "ud-ewt", "en_ewt-ud-train.conllu")); err != nil {
		return g, err
	}
	if g.FirstNames, err = lines(filepath.Join(dir, "names", "first-names.txt")); err != nil {
		return g, err
	}
	if g.Surnames, err = lines(filepath.Join(dir, "names", "surnames.txt")); err != nil {
		return g, err
	}
	f, err := os.Open(filepath.Join(dir, "gum", "splits.md"))
	if err != nil {
		return g, fmt.Errorf("read GUM splits: %w", err)
	}
	ids, err := conllu.GUMSplit(f, "train")
	f.Close()
	if err != nil {
		return g, fmt.Errorf("read GUM splits: %w", err)
	}
	for _, id := range ids {
		if !slices.ContainsFunc(gumGenres, func(genre string) bool { return strings.HasPrefix(id, "GUM_"+genre+"_") }) {
			continue
		}
		docs, err := readGUM(filepath.Join(dir, "gum", "dep", id+".conllu"), roleHeads)
		if err != nil {
			return g, err
		}
		g.GUM = append(g.GUM, docs...)
	}
	return g, nil
}

// readGUM reads one GUM document (see LoadGoldCorpora for roleHeads).
func readGUM(path string, roleHeads bool) ([]*onrecord.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	read := conllu.ReadUDOwnHeads
	if roleHeads {
		read = conllu.ReadUD
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return read(f, name)
}

// tagsForNews gives the tagger's copies of gold documents (the parser
// reads the originals): tags in CoreNLP's conventions (conllu.NewsTag), the
// opening and closing quotation tags cleared, as
// whether a straight quote opens or closes is left to the silver news,
// where the attribution model reads it (with EWT's learnt, 42 quotation
// marks of PolNeAR dev changed tag); and the tags of the sentences keep
// leaves out cleared too (with imperatives, those sentences left out). EWT is web text,
// whose many imperatives ("Call them", "Avoid this place") taught the
// tagger to read a sentence-initial noun in news ("Software company X
// said") as a verb; its other sentences teach the web's casual spelling.
func tagsForNews(docs []*onrecord.Document, keep sentences) []*onrecord.Document {
	out := make([]*onrecord.Document, len(docs))
	for k, d := range docs {
		c := d.TokenCopy()
		for i := range c.Tokens {
			t := &c.Tokens[i]
			t.Tag = conllu.NewsTag(c.Word(i), t.Tag)
			if t.Tag == "``" || t.Tag == "''" {
				t.Tag = ""
			}
		}
		var kept []onrecord.Sentence
		for _, s := range c.Sents {
			if keep == allSentences || s.Start < 0 || s.End > int32(len(c.Tokens)) {
				break
			}
			toks := c.Tokens[s.Start:s.End]
			first := slices.IndexFunc(toks, func(t onrecord.Token) bool { return t.Tag != "" && !isPunctTag(t.Tag) })
			if imperative := first >= 0 && toks[first].Tag == "VB"; imperative == (keep == imperatives) {
				kept = append(kept, s)
				continue
			}
			for i := range toks {
				toks[i].Tag = ""
			}
		}
		if keep == imperatives { // the other sentences are with the rest of the corpus
			c.Sents = kept
		}
		out[k] = c
	}
	return out
}

// sentences says which sentences of a gold corpus the tagger learns tags
// from: all, all but the imperatives (opening with a base-form verb), or
// only those.
type sentences int

const (
	allSentences sentences = iota
	noImperatives
	imperatives
)

// retag returns copies of docs with the tags t gives them; heads and
// labels are kept.
func retag(t *tag.Tagger, docs []*onrecord.Document) []*onrecord.Document {
	out := make([]*onrecord.Document, len(docs))
	for i, d := range docs {
		out[i] = tagged(t, d)
	}
	return out
}

// tagged is a copy of d with the tags t gives it.
func tagged(t *tag.Tagger, d *onrecord.Document) *onrecord.Document {
	c := d.TokenCopy()
	t.Tag(c)
	return c
}

// isPunctTag reports whether a PTB tag is punctuation or a symbol.
func isPunctTag(t string) bool {
	return strings.Trim(t, "`'\",.:-()$#") == "" || t == "-LRB-" || t == "-RRB-" || t == "SYM"
}

// gumGenres are GUM's genres whose texts are CC BY or CC BY-SA (academic,
// court; Wikipedia biographies, Wikivoyage; Wikinews news and interviews).
// Fiction, essays, letters, podcasts and how-to guides are BY-NC-SA, and
// LICENSE.txt names no licence for the others: the embedded model does not
// learn from them.
var gumGenres = []string{"academic", "bio", "court", "interview", "news", "voyage"}

// plainSentences reads the .txt files of dir, in name order, as the
// tokenizer splits them: each sentence as its words.
func plainSentences(dir string) ([][]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("read %s: no .txt files", dir)
	}
	var out [][]string
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		d, err := text.NewDocument(filepath.Base(path), b)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		text.Tokenize(d)
		for _, sp := range d.Sents {
			ws := make([]string, 0, sp.End-sp.Start)
			for k := sp.Start; k < sp.End; k++ {
				ws = append(ws, d.Word(int(k)))
			}
			out = append(out, ws)
		}
	}
	return out, nil
}

// lines reads the non-empty lines of a file.
func lines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out, nil
}

// silver loads the silver analyses of the train and (when present) dev splits.
func silver(trainDir, devDir string) (train, dev []*onrecord.Document, err error) {
	if train, err = conllu.LoadDocs(trainDir); err != nil {
		return nil, nil, err
	}
	if devDir != "" {
		if dev, err = conllu.LoadDocs(devDir); err != nil {
			return nil, nil, err
		}
	}
	return train, dev, nil
}

// Gold reads a brat corpus (text/ and attributions/) and analyses its texts
// with p, leaving the gold attributions in each document's Quotes.
func Gold(p *Pipeline, dir string) ([]*onrecord.Document, error) {
	gold, err := brat.LoadCorpus(dir)
	if err != nil {
		return nil, err
	}
	docs := make([]*onrecord.Document, 0, len(gold))
	for _, g := range gold {
		d, err := text.NewDocument(g.ID, []byte(g.Text))
		if err != nil {
			return nil, err
		}
		p.Analyze(d)
		d.Quotes = g.Quotes
		docs = append(docs, d)
	}
	return docs, nil
}

// save writes one model file atomically: a half-written model must never
// be embedded.
func save(out, name string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return fmt.Errorf("save %s model: %w", name, err)
	}
	path := filepath.Join(out, ModelFiles[name])
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("save %s model: %w", name, err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("save %s model: %w", name, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("save %s model: %w", name, err)
	}
	return nil
}

// AnalyzeTokens tags and parses a copy of d's tokens and sentences as they
// are, without tokenizing: gold corpora are scored on their own tokens.
func AnalyzeTokens(p *Pipeline, d *onrecord.Document) *onrecord.Document {
	c := d.TokenCopy()
	for i := range c.Tokens {
		t := &c.Tokens[i]
		t.Tag, t.NER, t.Lemma, t.Dep, t.Head = "", "", "", "", -1
	}
	p.Tagger.Tag(c)
	p.Parser.Parse(c)
	return c
}
