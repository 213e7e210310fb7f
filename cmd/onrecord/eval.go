package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
	"github.com/onrecord/onrecord/conllu"
	"github.com/onrecord/onrecord/eval"
	"github.com/onrecord/onrecord/pipeline"
	"github.com/onrecord/onrecord/tag"
	"github.com/onrecord/onrecord/text"
)

// Reference points on PolNeAR, printed beside our figures.
const (
	humanContent = 0.86 // inter-annotator content_overlap F1
	humanFull    = 0.76 // inter-annotator full_overlap F1
	bertExact    = 0.73 // best published tagger, exact content F1
)

func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flags("eval", stderr)
	asJSON := fs.Bool("json", false, "print the metrics as one JSON object, like score_attrib.py (score_news.py) --json")
	jobs := fs.Int("j", 0, "documents processed in parallel when extracting (default: all cores)")
	refs := fs.String("speakers", defaultSpeakerRefs, "hand-checked speaker file to score (tab separated; see README); \"\" for none")
	misses := fs.Bool("misses", false, "list the gold sources whose speaker was not named right, and predicted speakers that are no proper name")
	args, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(args) < 1 || len(args) > 2 {
		return usageErr("want GOLD_DIR and optionally PRED.jsonl, got %d arguments", len(args))
	}
	// A folder with gold.jsonl is news gold with speakers (score_news.py);
	// any other is PolNeAR's brat layout (score_attrib.py).
	var news []eval.NewsDoc
	var gold []brat.GoldDoc
	if _, err := os.Stat(filepath.Join(args[0], eval.NewsGoldFile)); err == nil {
		news, err = eval.LoadNews(args[0])
		if err != nil {
			return err
		}
	} else if gold, err = brat.LoadCorpus(args[0]); err != nil {
		return err
	}
	preds, err := predictions(args, *jobs, stderr)
	if err != nil {
		return err
	}
	if news != nil {
		res := eval.ScoreNews(news, preds)
		if *asJSON {
			err = res.PrintJSON(stdout)
		} else {
			err = res.Print(stdout)
		}
		if err == nil && *misses {
			err = res.PrintMisses(stdout)
		}
		return err
	}
	res := eval.Score(gold, preds)
	if *asJSON {
		return res.PrintJSON(stdout)
	}
	if err := res.Print(stdout); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%-16s content_overlap %+.4f, full_overlap %+.4f vs human agreement (%.2f / %.2f); content_exact %+.4f vs best published (%.2f)\n",
		"reference", res.ContentOverlap.F1-humanContent, res.FullOverlap.F1-humanFull, humanContent, humanFull,
		res.ContentExact.F1-bertExact, bertExact)
	if _, err := os.Stat(filepath.Join(args[0], "silver")); err == nil {
		silver, err := conllu.LoadSplit(args[0])
		if err != nil {
			return err
		}
		sr := eval.ScoreSpeakers(gold, silver, preds)
		if err := sr.Print(stdout); err != nil {
			return err
		}
		if *misses {
			printMisses(stdout, sr.Misses)
			for _, n := range sr.NotNames {
				fmt.Fprintf(stdout, "  not a name %q\n", n)
			}
		}
	}
	if *refs == "" {
		return nil
	}
	var in io.Reader = strings.NewReader(onrecord.SpeakersDev) // the default, as built
	if *refs != defaultSpeakerRefs {
		f, err := os.Open(*refs)
		if err != nil {
			return fmt.Errorf("read speakers: %w", err)
		}
		defer f.Close()
		in = f
	}
	rows, err := eval.ReadSpeakerRefs(in)
	if err != nil {
		return fmt.Errorf("read %s: %w", *refs, err)
	}
	rr := eval.ScoreSpeakerRefs(rows, gold, preds)
	if err := rr.Print(stdout); err != nil {
		return err
	}
	if *misses {
		printMisses(stdout, rr.Misses)
	}
	return nil
}

// predictions reads PRED.jsonl (args[1]) or, without it, extracts the
// articles of GOLD_DIR/text.
func predictions(args []string, jobs int, stderr io.Writer) (map[string][]onrecord.Attribution, error) {
	if len(args) == 2 {
		f, err := os.Open(args[1])
		if err != nil {
			return nil, fmt.Errorf("read predictions: %w", err)
		}
		defer f.Close()
		preds, err := eval.ReadPredictions(f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", args[1], err)
		}
		return preds, nil
	}
	p, err := pipeline.Default()
	if err != nil {
		return nil, err
	}
	ctx, cancel := interruptible()
	defer cancel()
	preds := map[string][]onrecord.Attribution{}
	docs := text.Read([]string{filepath.Join(args[0], "text")}, text.ReadOptions{})
	err = process(ctx, p.Extract, docs, jobs, stderr, func(d *onrecord.Document) error {
		preds[d.ID] = d.Quotes
		return nil
	})
	return preds, err
}

// defaultSpeakerRefs is the hand-checked speaker file on PolNeAR dev,
// read from the binary (onrecord.SpeakersDev) whatever the working directory.
const defaultSpeakerRefs = "testdata/speakers-dev.tsv"

func printMisses(w io.Writer, ms []eval.SpeakerMiss) {
	for _, m := range ms {
		fmt.Fprintf(w, "  miss %s %d-%d %s %q: want %q, got %q from %q\n", m.Doc, m.Source.Start, m.Source.End, m.Kind, m.Text, m.Expected, m.Got, m.GotFrom)
	}
}

func runAnalyze(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flags("analyze", stderr)
	var in inputFlags
	in.register(fs)
	score := fs.String("score", "", "score against a split directory with text/ and silver/ (e.g. ../shared/data/polnear/dev), or gold tokens: a CoNLL-U or IOB2 file or directory (EWT, GUM, UNER)")
	split := fs.String("split", "", "with --score on GUM's directory: only the documents of this split of its splits.md (train, dev, test)")
	genres := fs.String("genre", "", "with --score on GUM: only documents of these genres, comma separated (e.g. news,interview,bio)")
	misses := fs.Bool("misses", false, "with --score on gold names: also list each name that only the gold or only the prediction has")
	args, err := parse(fs, args)
	if err != nil {
		return err
	}
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	if *score != "" {
		if _, err := os.Stat(filepath.Join(*score, "silver")); err != nil {
			return scoreGold(p, *score, *split, *genres, *misses, stdout)
		}
		arts, err := conllu.LoadSplit(*score)
		if err != nil {
			return err
		}
		silver := make([]*onrecord.Document, len(arts))
		pred := make([]*onrecord.Document, len(arts))
		for i, a := range arts {
			silver[i] = a.Doc
			if pred[i], err = text.NewDocument(a.Doc.ID, []byte(a.Doc.Text)); err != nil {
				return err
			}
			p.Analyze(pred[i])
		}
		return eval.ScoreAnalysis(silver, pred).Print(stdout)
	}
	docs, err := in.documents(args, stdin, stderr)
	if err != nil {
		return err
	}
	analyze := func(_ context.Context, d *onrecord.Document) error {
		p.Analyze(d)
		return nil
	}
	ctx, cancel := interruptible()
	defer cancel()
	return process(ctx, analyze, docs, in.jobs, stderr, func(d *onrecord.Document) error {
		fmt.Fprintf(stdout, "# doc %s\n", d.ID)
		return conllu.Write(stdout, d)
	})
}

// scoreGold tags and parses the gold tokens of a gold corpus and scores
// them; see GoldResult.
func scoreGold(p *pipeline.Pipeline, path, split, genres string, misses bool, stdout io.Writer) error {
	gold, err := conllu.LoadGold(path)
	if err != nil {
		return err
	}
	if split != "" {
		f, err := os.Open(filepath.Join(path, "..", "splits.md"))
		if err != nil {
			if f, err = os.Open(filepath.Join(path, "splits.md")); err != nil {
				return fmt.Errorf("--split: %w", err)
			}
		}
		ids, err := conllu.GUMSplit(f, split)
		f.Close()
		if err != nil {
			return err
		}
		gold = slices.DeleteFunc(gold, func(d *onrecord.Document) bool { return !slices.Contains(ids, d.ID) })
	}
	if genres != "" {
		gs := strings.Split(genres, ",")
		gold = slices.DeleteFunc(gold, func(d *onrecord.Document) bool {
			return !slices.ContainsFunc(gs, func(g string) bool { return strings.Contains(d.ID, "_"+strings.TrimSpace(g)+"_") })
		})
	}
	if len(gold) == 0 {
		return fmt.Errorf("score %s: no documents left", path)
	}
	pred := make([]*onrecord.Document, len(gold))
	for i, g := range gold {
		pred[i] = pipeline.AnalyzeTokens(p, g)
	}
	r, err := eval.ScoreGold(gold, pred)
	if err != nil {
		return err
	}
	return r.Print(stdout, misses)
}

func runTrain(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flags("train", stderr)
	data := fs.String("data", "../shared/data/polnear", "corpus: a PolNeAR-layout root (train/, dev/) or one directory with text/, attributions/ and silver/")
	models := fs.String("models", "tag,parse,attrib", "models to train, in order; the rest come from the embedded ones")
	out := fs.String("out", ".", "repository root: models are written to OUT/tag, OUT/parse, OUT/attrib")
	gold := fs.String("gold", "../shared/data", "directory with the gold corpora and name lists the tagger and parser also learn from (ud-ewt/, uner-ewt/, gum/, names/, and wikinews/ for --tag-clusters); \"\" for none")
	parseTags := fs.Int("parse-tags", 0, "whose tags the parser learns from: 0 the corpora's (as the embedded parser), 1 the tagger's, K>=2 those of K taggers (the --tag-* recipe) each trained without the K-th of the documents it tags")
	parseMinWeight := fs.Int("parse-min-weight", 0, "drop the parser's averaged weights below this (of 32767 for the largest; 0: the default, 400, as the embedded parser): a smaller, faster model")
	parseGold := fs.Int("parse-gold", 0, "how often the parser sees each gold tree of EWT and GUM train per epoch (silver: once); 0 for the silver trees alone, as the embedded parser")
	tagNews := fs.Bool("tag-news", true, "train the tagger on gold tags in CoreNLP's conventions, the silver news twice an epoch and a common-word list, as the embedded tagger; --tag-news=false for the silver news and GUM's tags alone, the recipe before")
	tagEWT := fs.Int("tag-ewt", 5, "with --tag-news: how often the tagger's POS sees each sentence of UD EWT train per epoch (0: none)")
	tagSilverNER := fs.Int("tag-silver-ner", 0, "with --tag-news: how often the name tagger sees each silver news sentence per epoch (0: as the POS, twice), against three for the gold names")
	tagImperatives := fs.Int("tag-ewt-imperatives", 0, "with --tag-news: how often the tagger's POS sees each imperative sentence of UD EWT train per epoch (0: none; --tag-ewt leaves them out)")
	tagGoldNER := fs.Int("tag-gold-ner", 0, "with --tag-news: how often the name tagger sees each sentence of UNER and GUM train per epoch (0: three times)")
	tagWide := fs.Bool("tag-wide", false, "with --tag-news: the name tagger reads more features (the words two away as written, word pairs around a capitalised word)")
	tagLexicon := fs.Bool("tag-lexicon", false, "with --tag-news: the name tagger reads a lexicon of the training corpora's names")
	tagBILOU := fs.Bool("tag-bilou", false, "with --tag-news: the name tagger learns where a token stands in its name (first, inside, last, alone)")
	tagBeam := fs.Int("tag-beam", 4, "with --tag-news: the name tagger's beam width, trained for and decoded with (0 or 1: greedy, as the tagger embedded until the evening of 7 December 2026; at most 64)")
	tagDict := fs.Bool("tag-dict", true, "with --tag-news: the POS and the name tagger give a frequent word the label the training corpora give it nearly always (a closed-class tag, or no name) from a dictionary, without scoring it, which takes 0.6–0.7 of the time to tag; --tag-dict=false for the tagger embedded until 8 December 2026")
	tagPOSBeam := fs.Int("tag-pos-beam", 4, "with --tag-news: the POS tagger's beam width, trained for and decoded with, less a margin (0 or 1: greedy, as the tagger embedded until 8 December 2026; at most 64)")
	tagClusters := fs.Int("tag-clusters", 200, "with --tag-news: how many word clusters (at most 255) the tagger learns from its training text and ../shared/data/wikinews (0: none)")
	attribRuns := fs.Int("attrib-runs", 0, "how many attribution models, trained on different shuffles (seeds --seed, --seed+1, ...), the attribution model averages (0: seven, as the embedded model)")
	seed := fs.Int64("seed", 1, "random seed (the same seed and data give the same models)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *attribRuns < 0 {
		return fmt.Errorf("%w: --attrib-runs must be 0 or more", errUsage)
	}
	if *parseMinWeight < 0 || *parseMinWeight > 32767 {
		return fmt.Errorf("%w: --parse-min-weight must be within 0 and 32767", errUsage)
	}
	if *parseTags < 0 {
		return fmt.Errorf("%w: --parse-tags must be 0 or more", errUsage)
	}
	if !*tagNews {
		// The news recipe's options, defaults included, mean nothing to
		// the recipe before it.
		var err error
		fs.Visit(func(f *flag.Flag) {
			if err == nil && strings.HasPrefix(f.Name, "tag-") && f.Name != "tag-news" {
				err = fmt.Errorf("%w: --%s needs --tag-news", errUsage, f.Name)
			}
		})
		if err != nil {
			return err
		}
		*tagEWT, *tagClusters, *tagBeam, *tagDict = 0, 0, 0, false
	}
	if *tagBeam < 0 || *tagBeam > tag.MaxBeam {
		return fmt.Errorf("%w: --tag-beam %d: want 0 to %d", errUsage, *tagBeam, tag.MaxBeam)
	}
	if *tagPOSBeam < 0 || *tagPOSBeam > tag.MaxBeam {
		return fmt.Errorf("%w: --tag-pos-beam %d: want 0 to %d", errUsage, *tagPOSBeam, tag.MaxBeam)
	}
	if *tagClusters < 0 || *tagClusters > 255 {
		return fmt.Errorf("%w: --tag-clusters %d: want 0 to 255", errUsage, *tagClusters)
	}
	var list []string
	for _, m := range strings.Split(*models, ",") {
		m = strings.TrimSpace(m)
		if _, ok := pipeline.ModelFiles[m]; !ok {
			return fmt.Errorf("%w: unknown model %q (want tag, parse or attrib)", errUsage, m)
		}
		list = append(list, m)
	}
	if err := pipeline.Train(pipeline.TrainConfig{Data: *data, Out: *out, Models: list, Gold: *gold, ParseGoldVisits: *parseGold, ParseTagFolds: *parseTags, ParseMinWeight: *parseMinWeight, TagNews: *tagNews, TagEWTVisits: *tagEWT, TagSilverNERVisits: *tagSilverNER, TagImperativeVisits: *tagImperatives, TagGoldNERVisits: *tagGoldNER, TagClusters: *tagClusters, TagWide: *tagWide, TagLexicon: *tagLexicon, TagBILOU: *tagBILOU, TagBeam: *tagBeam, TagDict: *tagDict, TagPOSBeam: *tagPOSBeam, AttribRuns: *attribRuns, Seed: *seed, Log: stderr}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "models written under %s; rebuild (go build ./cmd/onrecord) to embed them\n", *out)
	return nil
}
