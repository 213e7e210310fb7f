package tag

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word clusters group words that stand in the same contexts of plain text
// ("Tuesday" with "Friday", "bookmaker" with "retailer"), so that a word the
// annotated corpora hold rarely or never is tagged like the words of its
// cluster. They are learnt from the words of the training text and of
// unannotated news (spherical k-means over the words' left and right
// neighbours) and kept in the model file as lower-case word hashes with a
// cluster number and the word's case habit: how the text writes it inside
// a sentence, so that web text's "india" reads as the name it usually is
// and a capitalised "Kudos" as the common word.

// Case habits of a word inside sentences (0: never seen there).
const (
	habitLower = 1 + iota // capitalised under a tenth of the time
	habitMixed
	habitCapital // capitalised over nine tenths of the time
)

// Clustering settings.
const (
	clusterMinCount = 3    // rarer words have too few contexts to place
	clusterContexts = 1000 // the most frequent words serve as contexts
	clusterIters    = 12
	maxClusters     = 255 // cluster numbers are a byte, 0 for none
)

// clusterWords learns k clusters (at most maxClusters) of the lower-case
// words of sents and returns, by gazetteer key, each word's cluster (1..k,
// 0 for none) with its case habit shifted left by 8. The result depends
// only on sents and k.
func clusterWords(sents [][]string, k int) map[uint32]uint16 {
	k = min(k, maxClusters)
	counts := map[string]int{}
	inside, capital := map[string]int{}, map[string]int{} // occurrences after a sentence's first word
	lowered := make([][]string, len(sents))
	for s, ws := range sents {
		lowered[s] = make([]string, len(ws))
		for i, w := range ws {
			lw := strings.ToLower(w)
			lowered[s][i] = lw
			counts[lw]++
			if i > 0 {
				inside[lw]++
				if r, _ := utf8.DecodeRuneInString(w); lw != w && unicode.IsUpper(r) {
					capital[lw]++
				}
			}
		}
	}
	var words []string
	for w, n := range counts {
		if n >= clusterMinCount {
			words = append(words, w)
		}
	}
	slices.SortFunc(words, func(a, b string) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	if k <= 0 || len(words) < k {
		return nil
	}
	index := make(map[string]int32, len(words))
	for i, w := range words {
		index[w] = int32(i)
	}
	// Context dimensions: a frequent word on the left (d) or right
	// (nc+d), and the sentence's start and end.
	nc := min(clusterContexts, len(words))
	dims := 2*nc + 2
	cooc := make([]map[int32]float64, len(words))
	for i := range cooc {
		cooc[i] = map[int32]float64{}
	}
	ctxTotal := make([]float64, dims)
	total := 0.0
	for _, ws := range lowered {
		for i, w := range ws {
			e, ok := index[w]
			if !ok {
				continue
			}
			left, right := int32(2*nc), int32(2*nc+1)
			if i > 0 {
				left = -1
				if c, ok := index[ws[i-1]]; ok && int(c) < nc {
					left = c
				}
			}
			if i+1 < len(ws) {
				right = -1
				if c, ok := index[ws[i+1]]; ok && int(c) < nc {
					right = int32(nc) + c
				}
			}
			for _, d := range []int32{left, right} {
				if d >= 0 {
					cooc[e][d]++
					ctxTotal[d]++
					total++
				}
			}
		}
	}
	// Each word is a unit vector of positive pointwise mutual information
	// with its contexts.
	type feat struct {
		d int32
		v float64
	}
	vecs := make([][]feat, len(words))
	for e, m := range cooc {
		wTotal := 0.0
		for _, n := range m {
			wTotal += n
		}
		var v []feat
		for d, n := range m {
			if pmi := math.Log(n * total / (wTotal * ctxTotal[d])); pmi > 0 {
				v = append(v, feat{d, pmi})
			}
		}
		// Summed in a fixed order: the map's would change the rounding.
		slices.SortFunc(v, func(a, b feat) int { return cmp.Compare(a.d, b.d) })
		norm := 0.0
		for _, f := range v {
			norm += f.v * f.v
		}
		for i := range v {
			v[i].v /= math.Sqrt(norm)
		}
		vecs[e] = v
	}
	// Start from k words spread over the frequency ranks, so that rare
	// words get clusters of their own kinds and not only the frequent ones.
	cents := make([][]float64, k)
	for c := range cents {
		cents[c] = make([]float64, dims)
		for _, f := range vecs[c*len(words)/k] {
			cents[c][f.d] = f.v
		}
	}
	assign := make([]int, len(words))
	for it := 0; it < clusterIters; it++ {
		for e, v := range vecs {
			if len(v) == 0 { // no telling context: no cluster
				assign[e] = -1
				continue
			}
			best, bestDot := 0, math.Inf(-1)
			for c, cent := range cents {
				dot := 0.0
				for _, f := range v {
					dot += f.v * cent[f.d]
				}
				if dot > bestDot {
					best, bestDot = c, dot
				}
			}
			assign[e] = best
		}
		sums := make([][]float64, k)
		for c := range sums {
			sums[c] = make([]float64, dims)
		}
		for e, v := range vecs {
			for _, f := range v {
				sums[assign[e]][f.d] += f.v // v is empty when assign[e] is -1
			}
		}
		for c, s := range sums {
			norm := 0.0
			for _, x := range s {
				norm += x * x
			}
			if norm == 0 {
				continue // an empty cluster keeps its centre
			}
			for d := range s {
				s[d] /= math.Sqrt(norm)
			}
			cents[c] = s
		}
	}
	out := make(map[uint32]uint16, len(words))
	for e, w := range words {
		v := uint16(assign[e] + 1) // 0 when unassigned
		switch n, c := inside[w], capital[w]; {
		case n == 0:
		case 10*c < n:
			v |= habitLower << 8
		case 10*c > 9*n:
			v |= habitCapital << 8
		default:
			v |= habitMixed << 8
		}
		if v != 0 {
			out[keyOf(wordInfo(w).l)] = v
		}
	}
	return out
}
