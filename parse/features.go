package parse

// nTemplates is the number of feature templates features emits.
const nTemplates = 100

func mix(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 + b
	h *= 0xBF58476D1CE4E5B9
	return h ^ h>>31
}

// keyBits is the width of feature keys: wide enough that collisions among
// a few million features are rare, narrow enough to store keys compactly.
const keyBits = 40

// add appends the hash of template id over atoms a, b, c. Zero is the
// table's empty key, so keys are forced odd.
func (st *state) add(id, a, b, c uint64) {
	st.feats = append(st.feats, mix(mix(mix(id, a), b), c)>>(64-keyBits)|1)
}

func (st *state) w(x int32) uint64 {
	if x < 0 {
		return 0
	}
	return st.wh[x]
}

func (st *state) t(x int32) uint64 {
	if x < 0 {
		return 0
	}
	return st.tg[x]
}

func (st *state) l(x int32) uint64 {
	if x < 0 {
		return 0
	}
	return uint64(st.label[x]) + 1
}

func at(s []int32, x int32) int32 {
	if x < 0 {
		return -1
	}
	return s[x]
}

func dist(a, b int32) uint64 {
	if a < 0 || b < 0 {
		return 0
	}
	d := b - a
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	case d <= 15:
		return 7
	}
	return 8
}

func valency(v uint8) uint64 {
	if v > 6 {
		return 7
	}
	return uint64(v)
}

// features fills st.feats for the current configuration: words and tags of
// the top three stack items and the first four buffer items, their
// outermost children and those children's labels, valencies, label sets and
// distances. It is bufferFeatures, frontKidFeatures, topFeatures,
// topRightFeatures, secondFeatures and stackFeatures.
func (st *state) features() {
	st.feats = st.feats[:0]
	st.bufferFeatures()
	st.frontKidFeatures()
	if len(st.stack) > 0 { // an empty stack is never scored: SHIFT is forced
		st.topFeatures()
		st.topRightFeatures()
	}
	st.secondFeatures()
	st.stackFeatures()
}

// buffer returns the first four buffer items, -1 past the root.
func (st *state) buffer() (b0, b1, b2, b3 int32) {
	n := int32(st.n)
	b0, b1, b2, b3 = st.b0, st.b0+1, st.b0+2, st.b0+3
	if b0 > n {
		b0 = -1
	}
	if b1 > n || b0 < 0 {
		b1 = -1
	}
	if b2 > n || b1 < 0 {
		b2 = -1
	}
	if b3 > n || b2 < 0 {
		b3 = -1
	}
	return b0, b1, b2, b3
}

// stackAt returns the i-th stack item from the top (0: the top), -1 past
// the bottom.
func (st *state) stackAt(i int) int32 {
	if k := len(st.stack); i < k {
		return st.stack[k-1-i]
	}
	return -1
}

// bufferFeatures appends the templates that read only the words of the
// buffer. Reductions leave the buffer as it is, so the parser scores them
// once per buffer front rather than once per move.
func (st *state) bufferFeatures() {
	b0, b1, b2, b3 := st.buffer()
	b0w, b0t := st.w(b0), st.t(b0)
	b1w, b1t := st.w(b1), st.t(b1)
	b2w, b2t := st.w(b2), st.t(b2)
	st.add(4, mix(b0w, b0t), 0, 0)
	st.add(5, b0w, 0, 0)
	st.add(6, b0t, 0, 0)
	st.add(7, mix(b1w, b1t), 0, 0)
	st.add(8, b1w, 0, 0)
	st.add(9, b1t, 0, 0)
	st.add(10, b2w, b2t, 0)
	st.add(11, b2t, 0, 0)
	st.add(23, b0t, b1t, 0)
	st.add(29, b0w, b1w, 0)
	st.add(32, b0t, b1t, b2t)
	st.add(87, b1t, b2t, st.t(b3))
	st.add(88, b0t, b1w, b2t)
	st.add(90, at64(st.suf, b0), b0t, 0)
	st.add(91, at64(st.suf, b1), b1t, 0)
}

// frontKidFeatures appends the templates that read the buffer front and
// its left children. They change only when a left arc gives the front a
// new leftmost child, so the parser scores them once per such change.
func (st *state) frontKidFeatures() {
	b0, _, _, _ := st.buffer()
	b0w, b0t := st.w(b0), st.t(b0)
	b0wt := mix(b0w, b0t)
	b0l1, b0l2 := at(st.lc1, b0), at(st.lc2, b0)
	st.add(49, b0t, st.t(b0l1), st.t(b0l2))
	st.add(53, b0w, st.w(b0l1), st.l(b0l1))
	st.add(59, b0wt, st.l(b0l1), 0)
	st.add(60, b0t, st.l(b0l1), st.l(b0l2))
	st.add(63, b0t, at64(st.lset, b0), 0)
	st.add(66, b0wt, valency(at8(st.nl, b0)), 0)
	st.add(75, st.w(b0l1), st.t(b0l1), st.l(b0l1))
	st.add(78, st.t(b0l1), st.l(b0l1), 0)
	st.add(81, st.w(b0l2), st.t(b0l2), st.l(b0l2))
	st.add(86, b0w, at64(st.lset, b0), 0)
}

// topFeatures appends the templates that read the stack top with its
// left children and the words below it with theirs. While a word is on the
// stack all of these stay as they are: its left children were attached
// before it was shifted, and the words below it gain right children only
// from the word above them, which the arc pops. So the parser scores these
// once per word, and again only after an end-of-buffer left arc gives the
// word a new left child and a new word below (apply drops its scores).
func (st *state) topFeatures() {
	s0, s1, s2 := st.stackAt(0), st.stackAt(1), st.stackAt(2)
	s0w, s0t := st.w(s0), st.t(s0)
	s0wt := mix(s0w, s0t)
	s0l1, s0l2 := at(st.lc1, s0), at(st.lc2, s0)
	s1w, s1t := st.w(s1), st.t(s1)
	s1wt, s2t := mix(s1w, s1t), st.t(s2)
	s1l1, s1r1 := at(st.lc1, s1), at(st.rc1, s1)
	ps := st.punctBetween(s1, s0)
	st.add(1, s0wt, 0, 0)
	st.add(2, s0w, 0, 0)
	st.add(3, s0t, 0, 0)
	st.add(47, s0t, st.t(s0l1), st.t(s0l2))
	st.add(51, s0w, st.w(s0l1), st.l(s0l1))
	st.add(55, s0wt, st.l(s0l1), 0)
	st.add(56, s0t, st.l(s0l1), st.l(s0l2))
	st.add(73, st.w(s0l1), st.t(s0l1), st.l(s0l1))
	st.add(76, st.t(s0l1), st.l(s0l1), 0)
	st.add(79, st.w(s0l2), st.t(s0l2), st.l(s0l2))
	st.add(84, s0w, at64(st.lset, s0), 0)
	st.add(89, at64(st.suf, s0), s0t, 0)
	// With the words below.
	st.add(15, s2t, st.w(s2), 0)
	st.add(24, s1wt, s0wt, 0)
	st.add(25, s1w, s0w, 0)
	st.add(26, s1t, s0t, 0)
	st.add(27, s1t, s0w, 0)
	st.add(28, s1w, s0t, 0)
	st.add(35, s2t, s1t, s0t)
	st.add(43, s1t, s0t, st.t(s0l1))
	st.add(45, s1t, st.t(s1r1), s0t)
	st.add(46, s1t, st.t(s1l1), s0t)
	st.add(61, s1t, st.l(s1r1), s0t)
	st.add(64, s1t, at64(st.rset, s1), s0t)
	st.add(67, s1t, valency(at8(st.nr, s1)), s0t)
	st.add(72, s1t, s0t, dist(s1, s0))
	st.add(97, s1t, s0t, ps)
	st.add(98, s1w, s0t, ps)
	st.add(99, s1t, s0w, ps)
}

// topRightFeatures appends the templates that read the stack top's right
// children (and with them its children and their labels as sets). Until
// the buffer is down to the root, the top gains children only as a right
// arc's head, each one its new rightmost, so the parser scores these once
// per (top, rightmost child) and reuses them when a left arc uncovers the
// top again.
func (st *state) topRightFeatures() {
	s0, s1 := st.stackAt(0), st.stackAt(1)
	s0w, s0t := st.w(s0), st.t(s0)
	s0wt := mix(s0w, s0t)
	s0r1, s0r2 := at(st.rc1, s0), at(st.rc2, s0)
	st.add(44, st.t(s1), s0t, st.t(s0r1))
	st.add(48, s0t, st.t(s0r1), st.t(s0r2))
	st.add(52, s0w, st.w(s0r1), st.l(s0r1))
	st.add(57, s0wt, st.l(s0r1), 0)
	st.add(58, s0t, st.l(s0r1), st.l(s0r2))
	st.add(62, s0t, at64(st.lset, s0), at64(st.rset, s0))
	st.add(65, s0wt, valency(at8(st.nl, s0)), valency(at8(st.nr, s0)))
	st.add(74, st.w(s0r1), st.t(s0r1), st.l(s0r1))
	st.add(77, st.t(s0r1), st.l(s0r1), 0)
	st.add(80, st.w(s0r2), st.t(s0r2), st.l(s0r2))
	st.add(85, s0w, at64(st.rset, s0), 0)
}

// secondFeatures appends the templates that read only the second stack
// item and its children, which change only when a right arc gives it a
// new rightmost child.
func (st *state) secondFeatures() {
	s1 := st.stackAt(1)
	s1w, s1t := st.w(s1), st.t(s1)
	s1wt := mix(s1w, s1t)
	s1l1 := at(st.lc1, s1)
	s1r1, s1r2 := at(st.rc1, s1), at(st.rc2, s1)
	st.add(12, s1wt, 0, 0)
	st.add(13, s1w, 0, 0)
	st.add(14, s1t, 0, 0)
	st.add(50, s1t, st.t(s1r1), st.t(s1r2))
	st.add(54, s1w, st.w(s1r1), st.l(s1r1))
	st.add(82, st.w(s1r1), st.t(s1r1), st.l(s1r1))
	st.add(83, st.w(s1l1), st.t(s1l1), st.l(s1l1))
}

// stackFeatures appends the templates that read the stack with the
// buffer: they change with every move.
func (st *state) stackFeatures() {
	s0, s1 := st.stackAt(0), st.stackAt(1)
	b0, b1, _, _ := st.buffer()
	s0w, s0t := st.w(s0), st.t(s0)
	s1w, s1t := st.w(s1), st.t(s1)
	b0w, b0t := st.w(b0), st.t(b0)
	b1t := st.t(b1)
	s0wt, b0wt := mix(s0w, s0t), mix(b0w, b0t)
	s0l1, s0r1 := at(st.lc1, s0), at(st.rc1, s0)
	b0l1 := at(st.lc1, b0)

	// Pairs.
	st.add(16, s0wt, b0wt, 0)
	st.add(17, s0wt, b0w, 0)
	st.add(18, s0w, b0wt, 0)
	st.add(19, s0wt, b0t, 0)
	st.add(20, s0t, b0wt, 0)
	st.add(21, s0w, b0w, 0)
	st.add(22, s0t, b0t, 0)
	st.add(30, s1w, b0w, 0)
	st.add(31, s1t, b0t, 0)
	// Tag trigrams.
	st.add(33, s0t, b0t, b1t)
	st.add(34, s1t, s0t, b0t)
	st.add(36, s0w, b0t, b1t)
	st.add(37, s0t, b0w, b1t)
	st.add(38, s1t, s0w, b0t)
	st.add(39, s1t, s0t, b0w)
	// Children.
	st.add(40, s0t, st.t(s0l1), b0t)
	st.add(41, s0t, st.t(s0r1), b0t)
	st.add(42, s0t, b0t, st.t(b0l1))
	// Distance.
	d := dist(s0, b0)
	st.add(68, s0wt, d, 0)
	st.add(69, b0wt, d, 0)
	st.add(70, s0t, b0t, d)
	st.add(71, s0w, b0w, d)
	// Suffixes for words the model has rarely seen.
	s0x, b0x := at64(st.suf, s0), at64(st.suf, b0)
	st.add(92, s0x, b0x, 0)
	st.add(93, s1t, s0x, b0t)
	// Commas and colons between s0 and b0 (and, in 100, between s1 and
	// s0), for coordination and apposition.
	pb := st.punctBetween(s0, b0)
	st.add(94, s0t, b0t, pb)
	st.add(95, s0w, b0t, pb)
	st.add(96, s0t, b0w, pb)
	st.add(100, s1t, s0t, st.punctBetween(s1, s0)<<8|pb)
}

// punctBetween is the number of commas and colons strictly between a and b,
// capped at 3.
func (st *state) punctBetween(a, b int32) uint64 {
	if a < 0 || b < 0 || b <= a {
		return 15
	}
	return uint64(min(st.pc[b]-st.pc[a+1], 3))
}

func at64(s []uint64, x int32) uint64 {
	if x < 0 {
		return 0
	}
	return s[x]
}

func at8(s []uint8, x int32) uint8 {
	if x < 0 {
		return 0
	}
	return s[x]
}
