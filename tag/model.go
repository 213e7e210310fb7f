package tag

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strings"
)

// File layout (gzip): magic, then the POS model, the NER model, the
// lemmatizer, the vocabulary and the gazetteer's first names and surnames,
// in a tag-3 file its common words, and in a tag-4 file its common words and
// role nouns (each set a count and sorted,
// delta-coded 32-bit keys). Integers are uvarints; weights are zigzag varints; feature
// keys are sorted and delta-coded. Everything is written in sorted order,
// so the same Tagger always gives the same bytes.

// A tagger trained without common words (the embedded one) is written as
// tag-2, the layout before them, so that it keeps its bytes.
// A tag-4 file adds the role nouns, and its gazetteer bits are read apart
// from the capitalisation flags (gazetteer.apart); a tag-5 file is a tag-4
// file followed by the word clusters (a count, then sorted, delta-coded
// keys each with its cluster number and case habit); a tag-6 file (a
// model trained with Extras) has after its magic whether its name tagger
// reads the wide features (nerWide; 1 or 0), then is a tag-5 file with
// the learnt organisation ends among the gazetteer sets, followed by the
// name lexicon (keys, each with its class; none for a model without one).
// That first number also holds, above its lowest bit, the name tagger's
// beam width (0 for greedy, as before beams). A tag-7 file has after
// that number the POS tagger's beam width, then is a tag-6 file followed
// by the POS and the name tagger's dictionaries: vocabulary indexes as
// keys, each with its label.
const (
	magic2 = "onrecord-tag-2\n"
	magic3 = "onrecord-tag-3\n"
	magic4 = "onrecord-tag-4\n"
	magic5 = "onrecord-tag-5\n"
	magic6 = "onrecord-tag-6\n"
	magic7 = "onrecord-tag-7\n"
)

// hasExtras says whether a file of the given magic holds the name
// tagger's extras (the tag-6 layout).
func hasExtras(magic string) bool { return magic == magic6 || magic == magic7 }

// MaxBeam is the widest beam a model file may ask for.
const MaxBeam = 64

// setsOf gives the gazetteer sets a file of the given magic holds.
func setsOf(magic string) []uint64 {
	switch magic {
	case magic2:
		return savedBits[:2]
	case magic3:
		return savedBits[:3]
	case magic4, magic5:
		return savedBits[:4]
	}
	return savedBits
}

// Save writes the model to w.
func (t *Tagger) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save tag model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	e := &encoder{w: bw}
	magic := magic2
	switch {
	case t.posDict != nil || t.nerDict != nil || t.posBeam > 1:
		magic = magic7
	case t.wide || t.gaz.spans != nil || t.beam > 1:
		magic = magic6
	case len(t.gaz.clusters) > 0:
		magic = magic5
	case t.gaz.apart:
		magic = magic4
	case len(t.gaz.keys(gazCommon)) > 0:
		magic = magic3
	}
	e.str(magic)
	if hasExtras(magic) {
		e.uint(uint64(t.beam<<1 | b2i(t.wide)))
	}
	if magic == magic7 {
		e.uint(uint64(t.posBeam))
	}
	e.model(t.pos.m)
	e.model(t.ner.m)
	e.lemmatizer(t.lem)
	e.uint(uint64(len(t.vocab)))
	for _, w := range t.vocab {
		e.str(w)
	}
	for _, bit := range setsOf(magic) {
		e.keys(t.gaz.keys(bit), nil)
	}
	if magic == magic5 || hasExtras(magic) {
		e.keys(slices.Sorted(maps.Keys(t.gaz.clusters)), func(k uint32) uint64 { return uint64(t.gaz.clusters[k]) })
	}
	if hasExtras(magic) {
		e.keys(slices.Sorted(maps.Keys(t.gaz.spans)), func(k uint32) uint64 { return uint64(t.gaz.spans[k]) })
	}
	if magic == magic7 {
		e.dict(t.posDict)
		e.dict(t.nerDict)
	}
	if e.err == nil {
		e.err = bw.Flush()
	}
	if e.err == nil {
		e.err = zw.Close()
	}
	if e.err != nil {
		return fmt.Errorf("save tag model: %w", e.err)
	}
	return nil
}

type encoder struct {
	w   *bufio.Writer
	err error
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) uint(x uint64) {
	if e.err == nil {
		_, e.err = e.w.Write(binary.AppendUvarint(e.buf[:0], x))
	}
}

func (e *encoder) int(x int64) {
	if e.err == nil {
		_, e.err = e.w.Write(binary.AppendVarint(e.buf[:0], x))
	}
}

// keys writes sorted keys as their count and the gaps between them, each
// gap followed by val(k) when val is not nil (the gazetteer's sets, the
// word clusters).
func (e *encoder) keys(keys []uint32, val func(uint32) uint64) {
	e.uint(uint64(len(keys)))
	prev := uint32(0)
	for _, k := range keys {
		e.uint(uint64(k - prev))
		if val != nil {
			e.uint(val(k))
		}
		prev = k
	}
}

func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *encoder) model(m *model) {
	e.uint(uint64(len(m.labels)))
	for _, l := range m.labels {
		e.str(l)
	}
	var live []int // slots in key order
	for j, s := range m.slots {
		if s.fp != 0 {
			live = append(live, j)
		}
	}
	slices.SortFunc(live, func(a, b int) int { return cmp.Compare(m.keys[a], m.keys[b]) })
	e.uint(uint64(len(live)))
	prev := uint64(0)
	for _, j := range live {
		e.uint(m.keys[j] - prev)
		prev = m.keys[j]
		off, n := m.slots[j].span>>8, m.slots[j].span&0xff
		e.uint(uint64(n))
		for _, en := range m.ents[off : off+n] {
			e.uint(uint64(en >> 16))
			e.int(int64(int16(uint16(en))))
		}
	}
}

func (e *encoder) lemmatizer(lm *lemmatizer) {
	keys := sortedKeys(lm.rules)
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.uint(uint64(lm.rules[k].cut))
		e.str(lm.rules[k].add)
	}
	keys = sortedKeys(lm.exceptions)
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.str(lm.exceptions[k])
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("load tag model: %w", err)
	}
	defer zr.Close()
	d := &decoder{r: bufio.NewReader(zr)}
	magic := d.str()
	if d.err == nil && magic != magic2 && magic != magic3 && magic != magic4 && magic != magic5 && !hasExtras(magic) {
		return nil, errors.New("load tag model: not a tag model file")
	}
	var wide bool
	var beam int
	if hasExtras(magic) {
		v := d.uint(MaxBeam<<1 | 1)
		wide, beam = v&1 == 1, int(v>>1)
	}
	var posBeam int
	if magic == magic7 {
		posBeam = int(d.uint(MaxBeam))
	}
	pos := d.model()
	ner := d.model()
	lem := d.lemmatizer()
	nv := d.uint(maxCount)
	var vocab []string
	for i := uint64(0); i < nv && d.err == nil; i++ {
		vocab = append(vocab, d.str())
	}
	gaz := newGazetteer(nil, nil, nil, nil)
	gaz.apart = magic == magic4 || magic == magic5 || hasExtras(magic)
	for _, bit := range setsOf(magic) {
		d.keys(func(k uint32) { gaz.sets[k] |= bit })
	}
	if magic == magic5 || hasExtras(magic) {
		gaz.clusters = map[uint32]uint16{}
		d.keys(func(k uint32) { gaz.clusters[k] = uint16(d.uint(habitCapital<<8 | maxClusters)) })
	}
	if hasExtras(magic) {
		spans := spanSet{}
		d.keys(func(k uint32) { spans[k] = uint8(d.uint(3)) })
		if len(spans) > 0 {
			gaz.spans = spans
		}
	}
	var posDict, nerDict []uint8
	if magic == magic7 && d.err == nil {
		posDict = d.dict(len(vocab), len(pos.labels))
		nerDict = d.dict(len(vocab), len(ner.labels))
	}
	if d.err != nil {
		return nil, fmt.Errorf("load tag model: %w", d.err)
	}
	t := newTagger(pos, ner, lem, vocab, gaz, wide, beam, posBeam)
	t.speedUp(posDict, nerDict)
	return t, nil
}

// dict writes a dictionary as keys, each with its label.
func (e *encoder) dict(dict []uint8) {
	var keys []uint32
	for k, l := range dict {
		if l != noLabel {
			keys = append(keys, uint32(k))
		}
	}
	e.keys(keys, func(k uint32) uint64 { return uint64(dict[k]) })
}

// dict reads what encoder.dict wrote for a vocabulary of words and nl
// labels: nil for a dictionary without words.
func (d *decoder) dict(words, nl int) []uint8 {
	var dict []uint8
	d.keys(func(k uint32) {
		l := d.uint(uint64(nl - 1))
		if int(k) >= words && d.err == nil {
			d.err = fmt.Errorf("dictionary word %d of %d", k, words)
		}
		if d.err != nil {
			return
		}
		if dict == nil {
			dict = make([]uint8, words)
			for i := range dict {
				dict[i] = noLabel
			}
		}
		dict[k] = uint8(l)
	})
	return dict
}

type decoder struct {
	r   *bufio.Reader
	err error
}

// Limits that keep a corrupt file from asking for absurd allocations.
const (
	maxCount  = 1 << 26
	maxString = 1 << 16
	maxLabels = 64
)

func (d *decoder) uint(limit uint64) uint64 {
	if d.err != nil {
		return 0
	}
	x, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.err = err
		return 0
	}
	if x > limit {
		d.err = fmt.Errorf("value %d over limit %d", x, limit)
		return 0
	}
	return x
}

// keys reads what encoder.keys wrote, giving each key to each in order
// (which reads the key's value, if any).
func (d *decoder) keys(each func(k uint32)) {
	n := d.uint(maxCount)
	k := uint64(0)
	for i := uint64(0); i < n && d.err == nil; i++ {
		k += d.uint(math.MaxUint32 - k)
		each(uint32(k))
	}
}

func (d *decoder) str() string {
	n := d.uint(maxString)
	if d.err != nil {
		return ""
	}
	var sb strings.Builder
	if _, err := io.CopyN(&sb, d.r, int64(n)); err != nil {
		d.err = err
	}
	return sb.String()
}

func (d *decoder) model() *model {
	m := &model{}
	nl := d.uint(maxLabels)
	for i := uint64(0); i < nl && d.err == nil; i++ {
		m.labels = append(m.labels, d.str())
	}
	if d.err == nil && nl == 0 {
		d.err = errors.New("model without labels")
	}
	nf := d.uint(maxCount)
	// A header's count is not trusted for allocation: a corrupt or hostile
	// file would get tens of megabytes before its first row is read.
	keys := make([]uint64, 0, min(nf, 1<<12))
	rows := make([][]uint32, 0, min(nf, 1<<12))
	var ents []uint32
	key := uint64(0)
	if nf > maxEnts {
		d.err = fmt.Errorf("%d features, over the limit", nf)
	}
	for i := uint64(0); i < nf && d.err == nil; i++ {
		key += d.uint(^uint64(0))
		n := d.uint(nl)
		start := len(ents)
		for j := uint64(0); j < n && d.err == nil; j++ {
			l := d.uint(nl - 1)
			w, err := binary.ReadVarint(d.r)
			if err == nil && (w < -1<<15 || w >= 1<<15) {
				err = fmt.Errorf("weight %d out of range", w)
			}
			if err != nil {
				d.err = err
			}
			ents = append(ents, entry(int(l), int16(w)))
		}
		if key == 0 || len(keys) > 0 && key <= keys[len(keys)-1] {
			d.err = errors.New("feature keys out of order")
		}
		if len(ents) >= maxEnts {
			d.err = errors.New("too many weights")
		}
		keys = append(keys, key)
		rows = append(rows, ents[start:len(ents):len(ents)])
	}
	if d.err != nil {
		return nil
	}
	m.build(keys, rows)
	return m
}

func (d *decoder) lemmatizer() *lemmatizer {
	lm := &lemmatizer{rules: map[string]rewrite{}, exceptions: map[string]string{}}
	n := d.uint(maxCount)
	for i := uint64(0); i < n && d.err == nil; i++ {
		k := d.str()
		cut := d.uint(maxString)
		lm.rules[k] = rewrite{cut: int(cut), add: d.str()}
	}
	n = d.uint(maxCount)
	for i := uint64(0); i < n && d.err == nil; i++ {
		k := d.str()
		lm.exceptions[k] = d.str()
	}
	return lm
}
