package speaker

import (
	_ "embed"
	"strings"
)

// The common nouns whose most frequent sense in WordNet is a person or an
// organisation ("the broadcaster", "the firm"), generated from Debian's
// wordnet-base by internal/wordnetgen so that building needs no WordNet.
//
//go:generate go run ../internal/wordnetgen -nouns -out wordnet
var (
	//go:embed wordnet/person.txt
	wordnetPersonText string
	//go:embed wordnet/org.txt
	wordnetOrgText string

	wordnetPerson = set(wordnetPersonText)
	wordnetOrg    = set(wordnetOrgText)
)

// isPersonNoun tells a noun for a person: one the rules list (news use:
// "star", "host") or one WordNet gives, unless the rules list it for an
// organisation ("the broadcaster").
func isPersonNoun(w string) bool {
	return personNouns[w] || wordnetPerson[w] && !groupNouns[w] && !orgNouns[w]
}

// isOrgNoun tells a noun for an organisation, listed or from WordNet; a
// family is defined by someone ("his family"), not named.
func isOrgNoun(w string) bool {
	return groupNouns[w] || orgNouns[w] || wordnetOrg[w] && !roleNouns[w]
}

// WordNetPersonNouns lists, in WordNet's file order, the common nouns whose
// most frequent sense is a person: the tagger's gazetteer marks them, so
// that a role word it never saw before a name ("interviewee") still reads
// as one.
func WordNetPersonNouns() []string { return strings.Fields(wordnetPersonText) }
