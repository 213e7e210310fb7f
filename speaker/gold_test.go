package speaker

import (
	"path/filepath"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
	"github.com/onrecord/onrecord/conllu"
)

// polnear is where the shared corpus sits relative to this package.
const polnear = "../../shared/data/polnear"

// goldSplit loads a split's silver analysis with gold attributions attached.
func goldSplit(split string) ([]conllu.Article, error) {
	dir := filepath.Join(polnear, split)
	arts, err := conllu.LoadSplit(dir)
	if err != nil {
		return nil, err
	}
	docs, err := brat.LoadCorpus(dir)
	if err != nil {
		return nil, err
	}
	gold := make(map[string][]onrecord.Attribution, len(docs))
	for _, g := range docs {
		gold[g.ID] = g.Quotes
	}
	for _, a := range arts {
		a.Doc.Quotes = gold[a.Doc.ID]
	}
	return arts, nil
}
