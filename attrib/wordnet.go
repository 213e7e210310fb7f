package attrib

import (
	_ "embed"
	"strings"
)

// The verbs whose most frequent sense in WordNet is one of communication
// ("state", "report", "reassert"), generated from Debian's wordnet-base by
// wordnet/gen.go so that building needs no WordNet. The cue lexicon is
// learned from politics, and rates low a verb that is mostly a noun there
// ("state") or rare ("berate"): saidThat backs off to these.
//
//go:generate go run wordnet/gen.go -out wordnet
//go:embed wordnet/verbs.txt
var wordnetVerbsText string

var speechVerbs = readVerbs(wordnetVerbsText)

// readVerbs reads the verbs of the "verb 1" lines of verbs.txt (a first
// sense of communication); "verb 2" lines (a later one only) are left out.
func readVerbs(s string) map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(s, "\n") {
		if w, n, ok := strings.Cut(l, " "); ok && n == "1" {
			m[w] = true
		}
	}
	return m
}
