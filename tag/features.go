package tag

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes of (template, values); they are never built as
// strings, so extracting them does not allocate.

const (
	hashSeed  uint64 = 14695981039346656037
	hashPrime uint64 = 1099511628211
)

// mix folds b into a with a strong finaliser, so pairs of hashes give
// well-spread keys.
func mix(a, b uint64) uint64 {
	h := a ^ (b * 0x9E3779B97F4A7C15)
	h ^= h >> 32
	h *= 0xD6E8FEB86659FD93
	h ^= h >> 32
	h *= 0xD6E8FEB86659FD93
	h ^= h >> 32
	return h
}

func addRune(h uint64, r rune) uint64 {
	for r != 0 {
		h ^= uint64(r & 0xff)
		h *= hashPrime
		r >>= 8
	}
	h ^= 0xff // rune separator: keeps "ab" and a single rune 0x6261 apart
	h *= hashPrime
	return h
}

// Sentence padding: the words before the start and after the end.
var (
	padStart = tokInfo{w: 0x51a27, l: 0x51a27, shape: 0x51a27, flags: 1 << 8}
	padEnd   = tokInfo{w: 0xe4d, l: 0xe4d, shape: 0xe4d, flags: 1 << 9}
)

// unknownWord replaces the word hashes of words dropped in training.
const unknownWord uint64 = 0x0dd

const pad = 2 // context window on each side

// tokInfo holds the hashes of one token's word-level properties.
type tokInfo struct {
	w, l, shape, flags uint64
	gaz                uint64    // gazetteer bits (gazFirst, ...)
	clu                uint64    // word cluster (1..255), 0 for none
	habit              uint64    // case habit (habitLower, ...), 0 for none
	pre                [3]uint64 // lowercase prefixes of 1..3 runes
	suf                [4]uint64 // lowercase suffixes of 1..4 runes
}

const (
	flagInitCap = 1 << iota
	flagAllCap
	flagDigit
	flagHyphen
	flagLower
	flagPeriod
	flagAllDigit
)

// wordInfo computes the hashes of word s. They do not depend on where s
// stands, so the hashes and weights of frequent words can be cached.
func wordInfo(s string) tokInfo {
	var t tokInfo
	w, l, shape := hashSeed, hashSeed, hashSeed
	var flags uint64
	var lastClass rune = -1
	var ends [4]int // byte offsets where the last four runes start, newest first
	n, letters, digits, uppers := 0, 0, 0, 0
	for i, r := range s {
		ends[3], ends[2], ends[1], ends[0] = ends[2], ends[1], ends[0], i
		lr := unicode.ToLower(r)
		w = addRune(w, r)
		l = addRune(l, lr)
		if n < 3 {
			t.pre[n] = l
		}
		n++
		var class rune
		switch {
		case unicode.IsUpper(r):
			class = 'X'
			uppers++
			letters++
			if n == 1 {
				flags |= flagInitCap
			}
		case unicode.IsLetter(r):
			class = 'x'
			letters++
			flags |= flagLower
		case unicode.IsDigit(r):
			class = 'd'
			digits++
		default:
			class = r
			switch r {
			case '-':
				flags |= flagHyphen
			case '.':
				flags |= flagPeriod
			}
		}
		if class != lastClass {
			shape = addRune(shape, class)
			lastClass = class
		}
	}
	for k := n; k < 3; k++ {
		t.pre[k] = l // short words: the prefix is the word
	}
	if digits > 0 {
		flags |= flagDigit
		if digits == n {
			flags |= flagAllDigit
		}
	}
	if letters > 0 && uppers == letters {
		flags |= flagAllCap
	}
	for k := 0; k < 4; k++ {
		if k >= n {
			t.suf[k] = l
			continue
		}
		h := hashSeed
		for _, r := range s[ends[k]:] {
			h = addRune(h, unicode.ToLower(r))
		}
		t.suf[k] = h
	}
	if !utf8.ValidString(s) {
		flags |= 1 << 10
	}
	t.w, t.l, t.shape, t.flags = w, l, shape, flags
	return t
}

// Feature templates. The values only need to be distinct.
const (
	fBias uint64 = iota + 1
	fW
	fL
	fPre1
	fPre2
	fPre3
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fShape
	fFlags
	fLm1
	fLm2
	fLp1
	fLp2
	fSuf3m1
	fSuf3p1
	fTm1
	fTm2Tm1
	fTm1L
	fLm1L
	fLLp1
	fShapep1
	fWm1
	fWp1
	fShapem1
	fP
	fPm1
	fPp1
	fPm1PPp1
	fNm1
	fNm2Nm1
	fNm1W
	fNm1Shape
	fWWp1
	fWm1W
	fShapeP
	fSuf2p1
	fTm1Suf3
	fFirstFlags
	fPp2
	fGaz
	fGazm1
	fGazp1
	fGazp2
	fGazm1Gaz
	fClu
	fClum1
	fClup1
	fHabit
	fShapep2
	fWm2
	fWp2
	fShapem2
	fLp1Lp2
	fLm2Lm1
	fNm1Wp1
	fGazGazp1
	fLex
	fLexLexp1
)

// sentence is the per-sentence work area shared by both taggers: token
// hashes with padding, and the POS labels once chosen (read by NER).
type sentence struct {
	tok []tokInfo // len n+2*pad; token i is tok[i+pad]
	pos []uint8
	lex []uint8 // name lexicon marks (markNames), read by a lexicon's NER
}

func (s *sentence) reset(n int) {
	if cap(s.tok) < n+2*pad {
		s.tok = make([]tokInfo, 2*(n+2*pad))
	}
	if cap(s.pos) < n {
		s.pos = make([]uint8, 2*n)
		s.lex = make([]uint8, 2*n)
	}
	s.tok = s.tok[:n+2*pad]
	s.pos = s.pos[:n]
	s.lex = s.lex[:n]
	s.tok[0], s.tok[1] = padStart, padStart
	s.tok[n+pad], s.tok[n+pad+1] = padEnd, padEnd
}

func (s *sentence) n() int { return len(s.pos) }

// featFunc appends the features of token i that depend on more than one
// token or on the labels prev chosen for tokens 0..i-1.
type featFunc func(s *sentence, i int, prev []uint8, out []uint64) []uint64

// wordFunc appends the features that depend on one token only.
type wordFunc func(t *tokInfo, out []uint64) []uint64

// task is what differs between the POS and the NER tagger: the features,
// grouped by what they read so that a tagger can sum groups in advance.
// Single-token features are grouped into roles by the token's offset from
// the one being tagged: a tagger sums each word's role weights once (and
// caches them for frequent words) instead of looking them up per use.
// Features of the previous two labels, and of one POS tag at an offset,
// take few values and are tabulated when the model loads. The rest are
// found per token: fixed those that read no label, live those that read
// the label before, which a beam finds once per hypothesis.
type task struct {
	offs     []int      // offset of each role's token, within ±pad
	roles    []wordFunc // features of role r, read from token i+offs[r]
	hist     func(t2, t1 uint64, out []uint64) []uint64
	posOffs  []int
	posRoles []func(p uint64, out []uint64) []uint64
	fixed    func(s *sentence, i int, out []uint64) []uint64
	live     featFunc
}

// feats appends every feature of token i: the training view of a task.
func (k *task) feats(s *sentence, i int, prev []uint8, out []uint64) []uint64 {
	return k.histFeats(s, i, prev, k.staticFeats(s, i, out))
}

// staticFeats appends the features of token i that read no label before it.
func (k *task) staticFeats(s *sentence, i int, out []uint64) []uint64 {
	for r, f := range k.roles {
		out = f(&s.tok[i+pad+k.offs[r]], out)
	}
	for r, f := range k.posRoles {
		out = f(posLabel(s, i+k.posOffs[r]), out)
	}
	return k.fixed(s, i, out)
}

// histFeats appends the features of token i that read the labels before
// it, prev: the last two, and (the live features) only the last one, so
// that a beam can lend each hypothesis a buffer holding just those.
func (k *task) histFeats(s *sentence, i int, prev []uint8, out []uint64) []uint64 {
	out = k.hist(prevLabel(prev, i, 2), prevLabel(prev, i, 1), out)
	return k.live(s, i, prev, out)
}

// Hash values of labels: a label l is l+1; positions outside the sentence
// are these markers.
const (
	beforeStart uint64 = 0xb05
	afterEnd    uint64 = 0xe05
)

// prevLabel is the hash value of the label k tokens before token i.
func prevLabel(prev []uint8, i, k int) uint64 {
	if i-k < 0 {
		return beforeStart
	}
	return uint64(prev[i-k]) + 1
}

// posLabel is the hash value of the POS tag of token i.
func posLabel(s *sentence, i int) uint64 {
	if i < 0 {
		return beforeStart
	}
	if i >= s.n() {
		return afterEnd
	}
	return uint64(s.pos[i]) + 1
}

// firstFlags adds what capitalisation means at the start of a sentence.
func firstFlags(c *tokInfo, i int, out []uint64) []uint64 {
	if i == 0 {
		out = append(out, mix(fFirstFlags, c.flags))
	}
	return out
}

var posTask = &task{
	offs: []int{0, -1, -2, 1, 2},
	roles: []wordFunc{
		func(c *tokInfo, out []uint64) []uint64 {
			return wordClass(c, append(out,
				fBias,
				mix(fW, c.w),
				mix(fL, c.l),
				mix(fPre1, c.pre[0]),
				mix(fPre2, c.pre[1]),
				mix(fPre3, c.pre[2]),
				mix(fSuf1, c.suf[0]),
				mix(fSuf2, c.suf[1]),
				mix(fSuf3, c.suf[2]),
				mix(fSuf4, c.suf[3]),
				mix(fShape, c.shape),
				mix(fFlags, c.flags)))
		},
		func(m1 *tokInfo, out []uint64) []uint64 {
			return cluster(fClum1, m1, append(out, mix(fLm1, m1.l), mix(fSuf3m1, m1.suf[2])))
		},
		func(m2 *tokInfo, out []uint64) []uint64 { return append(out, mix(fLm2, m2.l)) },
		func(p1 *tokInfo, out []uint64) []uint64 {
			return cluster(fClup1, p1, append(out,
				mix(fLp1, p1.l),
				mix(fSuf3p1, p1.suf[2]),
				mix(fSuf2p1, p1.suf[1]),
				mix(fShapep1, p1.shape)))
		},
		func(p2 *tokInfo, out []uint64) []uint64 { return append(out, mix(fLp2, p2.l)) },
	},
	hist: func(t2, t1 uint64, out []uint64) []uint64 {
		return append(out, mix(fTm1, t1), mix(mix(fTm2Tm1, t2), t1))
	},
	fixed: func(s *sentence, i int, out []uint64) []uint64 {
		c, m1, p1 := &s.tok[i+pad], &s.tok[i+pad-1], &s.tok[i+pad+1]
		out = firstFlags(c, i, out)
		return append(out, mix(mix(fLm1L, m1.l), c.l), mix(mix(fLLp1, c.l), p1.l))
	},
	live: func(s *sentence, i int, prev []uint8, out []uint64) []uint64 {
		c := &s.tok[i+pad]
		t1 := prevLabel(prev, i, 1)
		return append(out, mix(mix(fTm1L, t1), c.l), mix(mix(fTm1Suf3, t1), c.suf[2]))
	},
}

var nerTask = &task{
	offs: []int{0, -1, -2, 1, 2},
	roles: []wordFunc{
		func(c *tokInfo, out []uint64) []uint64 {
			return append(out,
				fBias,
				mix(fW, c.w),
				mix(fL, c.l),
				mix(fPre2, c.pre[1]),
				mix(fPre3, c.pre[2]),
				mix(fSuf2, c.suf[1]),
				mix(fSuf3, c.suf[2]),
				mix(fSuf4, c.suf[3]),
				mix(fShape, c.shape),
				mix(fFlags, c.flags),
				mix(fGaz, gazCap(c)))
		},
		func(m1 *tokInfo, out []uint64) []uint64 {
			return append(out, mix(fWm1, m1.w), mix(fShapem1, m1.shape), mix(fGazm1, gazCap(m1)))
		},
		func(m2 *tokInfo, out []uint64) []uint64 { return append(out, mix(fLm2, m2.l)) },
		func(p1 *tokInfo, out []uint64) []uint64 {
			return append(out, mix(fWp1, p1.w), mix(fShapep1, p1.shape), mix(fGazp1, gazCap(p1)))
		},
		func(p2 *tokInfo, out []uint64) []uint64 {
			return append(out, mix(fLp2, p2.l), mix(fGazp2, gazCap(p2)))
		},
	},
	hist: func(n2, n1 uint64, out []uint64) []uint64 {
		return append(out, mix(fNm1, n1), mix(mix(fNm2Nm1, n2), n1))
	},
	posOffs: []int{0, -1, 1, 2},
	posRoles: []func(p uint64, out []uint64) []uint64{
		func(p uint64, out []uint64) []uint64 { return append(out, mix(fP, p)) },
		func(p uint64, out []uint64) []uint64 { return append(out, mix(fPm1, p)) },
		func(p uint64, out []uint64) []uint64 { return append(out, mix(fPp1, p)) },
		func(p uint64, out []uint64) []uint64 { return append(out, mix(fPp2, p)) },
	},
	fixed: func(s *sentence, i int, out []uint64) []uint64 {
		c, m1, p1 := &s.tok[i+pad], &s.tok[i+pad-1], &s.tok[i+pad+1]
		p := posLabel(s, i)
		out = firstFlags(c, i, out)
		return append(out,
			mix(mix(mix(fPm1PPp1, posLabel(s, i-1)), p), posLabel(s, i+1)),
			mix(mix(fWWp1, c.w), p1.w),
			mix(mix(fWm1W, m1.w), c.w),
			mix(mix(fShapeP, c.shape), p),
			mix(mix(fGazm1Gaz, gazCap(m1)), gazCap(c)))
	},
	live: func(s *sentence, i int, prev []uint8, out []uint64) []uint64 {
		c := &s.tok[i+pad]
		n1 := prevLabel(prev, i, 1)
		return append(out, mix(mix(fNm1W, n1), c.w), mix(mix(fNm1Shape, n1), c.shape))
	},
}

// cluster appends the feature of template f for t's word cluster, if it has
// one: a model without clusters learns exactly the features it did before.
func cluster(f uint64, t *tokInfo, out []uint64) []uint64 {
	if t.clu == 0 {
		return out
	}
	return append(out, mix(f, t.clu))
}

// wordClass appends the features of c's cluster and of its case habit
// with the case it is written in, if the model has them.
func wordClass(c *tokInfo, out []uint64) []uint64 {
	if c.habit != 0 {
		out = append(out, mix(fHabit, c.habit<<8|c.flags&(flagInitCap|flagAllCap|flagLower)))
	}
	return cluster(fClu, c, out)
}

// gazCap is a token's gazetteer bits with its capitalisation: a listed
// name counts when capitalised, and "will" is not "Will".
func gazCap(t *tokInfo) uint64 {
	return t.gaz<<4 | t.flags&(flagInitCap|flagAllCap|flagLower)
}

// widen is the task k reading, besides k's own features, the word
// features more of each role holds (by role, as k.roles; nil for none)
// and those fixed and live add (nil for none): a wide model's name tagger
// (a tag-6 file).
func widen(k *task, more []wordFunc, fixed func(s *sentence, i int, out []uint64) []uint64, live featFunc) *task {
	w := *k
	if more != nil {
		w.roles = make([]wordFunc, len(k.roles))
		for r, f := range k.roles {
			w.roles[r] = func(t *tokInfo, out []uint64) []uint64 { return more[r](t, f(t, out)) }
		}
	}
	if fixed != nil {
		w.fixed = func(s *sentence, i int, out []uint64) []uint64 { return fixed(s, i, k.fixed(s, i, out)) }
	}
	if live != nil {
		w.live = func(s *sentence, i int, prev []uint8, out []uint64) []uint64 {
			return live(s, i, prev, k.live(s, i, prev, out))
		}
	}
	return &w
}

// nerWide adds the words two tokens away as written, and word pairs
// around the token: a name's edges ("... of Canada", "Bank of ..."). Role
// features are summed in advance for the vocabulary, but each pair costs
// a probe of the weight table per token, so the pairs are read only for a
// word not in lower case, where names are.
var nerWide = widen(nerTask, []wordFunc{
	func(c *tokInfo, out []uint64) []uint64 { return out },
	func(m1 *tokInfo, out []uint64) []uint64 { return out },
	func(m2 *tokInfo, out []uint64) []uint64 {
		return append(out, mix(fWm2, m2.w), mix(fShapem2, m2.shape))
	},
	func(p1 *tokInfo, out []uint64) []uint64 { return out },
	func(p2 *tokInfo, out []uint64) []uint64 {
		return append(out, mix(fWp2, p2.w), mix(fShapep2, p2.shape))
	},
}, func(s *sentence, i int, out []uint64) []uint64 {
	c, m1, m2 := &s.tok[i+pad], &s.tok[i+pad-1], &s.tok[i+pad-2]
	p1, p2 := &s.tok[i+pad+1], &s.tok[i+pad+2]
	if !nameShaped(c) {
		return out
	}
	return append(out,
		mix(mix(fLp1Lp2, p1.l), p2.l),
		mix(mix(fLm2Lm1, m2.l), m1.l),
		mix(mix(fGazGazp1, gazCap(c)), gazCap(p1)))
}, func(s *sentence, i int, prev []uint8, out []uint64) []uint64 {
	if c := &s.tok[i+pad]; !nameShaped(c) {
		return out
	}
	return append(out, mix(mix(fNm1Wp1, prevLabel(prev, i, 1)), s.tok[i+pad+1].w))
})

// nameShaped tells a word not in lower case, where names are.
func nameShaped(c *tokInfo) bool { return c.flags&(flagInitCap|flagAllCap|flagDigit) != 0 }

// lexiconFeatures are the name lexicon's marks of the token and of the
// next one, where either has one (most tokens have none).
func lexiconFeatures(s *sentence, i int, out []uint64) []uint64 {
	next := uint64(0)
	if i+1 < s.n() {
		next = uint64(s.lex[i+1])
	}
	if c := uint64(s.lex[i]); c != 0 || next != 0 {
		out = append(out, mix(fLex, c), mix(mix(fLexLexp1, c), next))
	}
	return out
}

// nerTasks are the name tasks of a model, by wide then lexicon: nerTask,
// nerWide, and each with the lexicon's features.
var nerTasks = [2][2]*task{
	{nerTask, widen(nerTask, nil, lexiconFeatures, nil)},
	{nerWide, widen(nerWide, nil, lexiconFeatures, nil)},
}

// nerTaskOf gives the name task of a model, wide or not, with a name
// lexicon or not. The POS task is posTask: wider POS features (the word
// and the next as written, the tags a word is seen with) did not move EWT
// dev (0.9466-0.9469 against 0.9465) and cost a quarter of the tagging
// speed.
func nerTaskOf(wide, lexicon bool) *task {
	return nerTasks[b2i(wide)][b2i(lexicon)]
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
