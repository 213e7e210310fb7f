package attrib

import (
	_ "embed"
	"strings"
)

// The verbs whose most frequent sense in WordNet is one of communication
// ("state", "report", "reassert"), generated from Debian's wordnet-base by
// internal/wordnetgen so that building needs no WordNet. The cue lexicon is
// learned from politics, and rates low a verb that is mostly a noun there
// ("state") or rare ("berate"): saidThat backs off to these.
//
//go:generate go run ../internal/wordnetgen -verbs -out wordnet
//go:embed wordnet/verbs.txt
var wordnetVerbsText string

var speechVerbs = readVerbs(wordnetVerbsText)

// readVerbs reads verbs.txt, a verb a line.
func readVerbs(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
