package tag

import (
	"slices"
	"strings"

	"github.com/onrecord/onrecord/conllu"
)

// With Extras.BILOU the name tagger learns where a token stands in its
// name: a person, organisation or place of one word is "U-PERSON", a
// longer one "B-PERSON", then "PERSON" inside, "L-PERSON" last, so that
// the label before tells a name's end from its middle. The model file
// holds these labels; tagging writes the class alone.

var placePrefixes = []string{"B-", "L-", "U-"}

// className is the class of a name label, with its place dropped.
func className(label string) string {
	for _, p := range placePrefixes {
		if c, ok := strings.CutPrefix(label, p); ok && conllu.IsName(c) {
			return c
		}
	}
	return label
}

// placeLabels adds the place labels of the names among labels, sorted.
func placeLabels(labels []string) []string {
	out := slices.Clone(labels)
	for _, l := range labels {
		if conllu.IsName(l) {
			for _, p := range placePrefixes {
				out = append(out, p+l)
			}
		}
	}
	slices.Sort(out)
	return out
}

// placeNames rewrites a sentence's gold name labels (indices into labels,
// as placeLabels gives them) with their places: each run of one name
// class is a name.
func placeNames(gold []uint8, labels []string) {
	index := func(l string) uint8 { return uint8(slices.Index(labels, l)) }
	for i := 0; i < len(gold); {
		j := i + 1
		if gold[i] >= noLabel-1 || !conllu.IsName(labels[gold[i]]) {
			i = j
			continue
		}
		for j < len(gold) && gold[j] == gold[i] {
			j++
		}
		c := labels[gold[i]]
		if j-i == 1 {
			gold[i] = index("U-" + c)
		} else {
			gold[i], gold[j-1] = index("B-"+c), index("L-"+c)
		}
		i = j
	}
}
