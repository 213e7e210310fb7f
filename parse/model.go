package parse

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"slices"
)

// entry is one non-zero weight of a feature row: a class and its weight
// quantised to 16 bits.
type entry struct {
	c uint8
	w int16
}

// A slot is one feature of the table in 64 bits, so that the table stays
// small enough for the processor's caches: a 14-bit fingerprint of the key,
// a 2-bit entry count code, and 48 bits of payload. Rows of one or two
// entries are stored in the payload (24 bits each), which saves a second
// cache miss for most features; longer rows (code 3) hold an offset into
// ents and a count. Two keys with the same home region and fingerprint are
// confused: an absent key about once in 16,000 probes, and 5 of the
// embedded model's 922k features are read as another (20 when the table
// was half the size), which costs nothing measurable.
type slot = uint64

const (
	keyMask   = 1<<keyBits - 1
	fpShift   = 50
	codeShift = 48
	fpMask    = 1<<14 - 1
	long      = 3
)

func fingerprint(key uint64) uint64 { return key >> 1 & fpMask }

func pack(e entry) uint64   { return uint64(e.c) | uint64(uint16(e.w))<<8 }
func unpack(x uint64) entry { return entry{c: uint8(x), w: int16(uint16(x >> 8))} }

// table maps feature keys to their rows with open addressing (linear
// probing, load at most 5/16: a run of occupied slots costs a mispredicted
// branch, and that weighs more than the size of the table).
type table struct {
	slots []slot
	shift uint
	mask  uint64
	ents  []entry
}

// probe sets hit[k] (len(hit) >= len(fs)) to the slot of feature fs[k], 0
// when it has none. All probes are made before any row is read so the
// processor can overlap their cache misses: the table is many times the
// size of its caches.
func (t *table) probe(fs []uint64, hit []slot) {
	hit = hit[:len(fs)]
	if len(t.slots) == 0 {
		clear(hit)
		return
	}
	// The home slots are loaded first, with no branch on their contents
	// that a misprediction could stall, then the few collisions resolved.
	for k, f := range fs {
		hit[k] = t.slots[f>>t.shift]
	}
	for k, f := range fs {
		fp := fingerprint(f)
		if s := hit[k]; s == 0 || s>>fpShift == fp {
			continue
		}
		i := (f>>t.shift + 1) & t.mask
		s := t.slots[i]
		for s != 0 && s>>fpShift != fp {
			i = (i + 1) & t.mask
			s = t.slots[i]
		}
		hit[k] = s
	}
}

// sum adds the rows of the probed slots hit to scores (one per class).
func (t *table) sum(hit []slot, scores []int32) {
	// Classes fit a byte, so indexing a 256-array needs no bounds check;
	// scores' capacity is 256, and Load rejects classes past the model's.
	sc := (*[256]int32)(scores[:256])
	for _, s := range hit {
		if s>>codeShift&3 == long {
			off, n := s&(1<<32-1), s>>32&(1<<16-1)
			for _, e := range t.ents[off : off+n] {
				sc[e.c] += int32(e.w)
			}
			continue
		}
		// Short rows add both payload entries with no branch on their
		// count: a missing entry is all zero bits, a weight 0 for class 0.
		e := unpack(s)
		sc[e.c] += int32(e.w)
		e = unpack(s >> 24)
		sc[e.c] += int32(e.w)
	}
}

// row is one feature's weights while building a table.
type row struct {
	key  uint64
	ents []entry
}

// init sizes t for n rows holding ents entries in rows longer than two,
// at load at most 5/16.
func (t *table) init(n, ents int) {
	size := 2
	for size*5 < n*16 && size < 1<<30 {
		size *= 2
	}
	t.slots = make([]slot, size)
	t.shift = uint(keyBits - bits.TrailingZeros(uint(size)))
	t.mask = uint64(size - 1)
	t.ents = make([]entry, 0, ents)
}

// put stores row r, whose odd key must be new; rows longer than 65535
// entries cannot occur (classes fit a byte).
func (t *table) put(r row) {
	var s slot
	switch n := len(r.ents); {
	case n > 2:
		s = long<<codeShift | uint64(n)<<32 | uint64(len(t.ents))
		t.ents = append(t.ents, r.ents...)
	case n == 2:
		s = 2<<codeShift | pack(r.ents[0]) | pack(r.ents[1])<<24
	case n == 1:
		s = 1<<codeShift | pack(r.ents[0])
	default:
		return
	}
	s |= fingerprint(r.key) << fpShift
	i := r.key >> t.shift
	for t.slots[i] != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i] = s
}

// build fills t from rows with distinct odd keys.
func (t *table) build(rows []row) {
	total := 0
	for _, r := range rows {
		if len(r.ents) > 2 {
			total += len(r.ents)
		}
	}
	t.init(len(rows), total)
	for _, r := range rows {
		t.put(r)
	}
}

const magic = "onrecord-parse 1\n"

// Limits that keep Load from allocating without bound on a corrupt file.
const (
	maxLabels = 127 // so that the 1+2*labels classes fit a byte
	maxTags   = 253
	maxRows   = 1 << 23
)

// Save writes the model, gzipped, in a byte-for-byte reproducible layout:
// rows in key order, keys and classes delta-coded. A loaded parser writes
// back the bytes it was loaded from.
func (p *Parser) Save(w io.Writer) error {
	if p.raw != nil {
		if _, err := w.Write(p.raw); err != nil {
			return fmt.Errorf("parse: save: %w", err)
		}
		return nil
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("parse: save: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	sv := func(x int64) { bw.Write(buf[:binary.PutVarint(buf[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	bw.WriteString(magic)
	uv(uint64(len(p.labels)))
	for _, l := range p.labels {
		str(l)
	}
	uv(uint64(len(p.tagList)))
	for _, t := range p.tagList {
		str(t)
	}
	uv(nTemplates)
	uv(uint64(len(p.rows)))
	prev := uint64(0)
	for _, r := range p.rows {
		uv(r.key - prev)
		prev = r.key
		uv(uint64(len(r.ents)))
		pc := uint8(0)
		for _, e := range r.ents {
			uv(uint64(e.c - pc))
			pc = e.c
			sv(int64(e.w))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("parse: save: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("parse: save: %w", err)
	}
	return nil
}

// setRows builds the table from rows, in key order, and keeps them for Save.
func (p *Parser) setRows(rows []row) {
	p.tab.build(rows)
	p.rows = rows
}

var errCorrupt = errors.New("corrupt model")

// Load reads a model written by Save.
func Load(r io.Reader) (*Parser, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("parse: load: %w", err)
	}
	return loadBytes(raw)
}

// loadBytes decodes the model file raw, which the parser keeps for Save
// (so the embedded model is not copied).
func loadBytes(raw []byte) (*Parser, error) {
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("parse: load: %w", err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, fmt.Errorf("parse: load: not a parser model")
	}
	var rerr error
	uv := func(limit uint64) uint64 {
		if rerr != nil {
			return 0
		}
		x, err := binary.ReadUvarint(br)
		if err == nil && x > limit {
			err = errCorrupt
		}
		if err != nil {
			rerr = err
			return 0
		}
		return x
	}
	strs := func(limit uint64) []string {
		n := uv(limit)
		out := make([]string, 0, n)
		for i := uint64(0); i < n && rerr == nil; i++ {
			b := make([]byte, uv(64))
			if rerr == nil {
				_, rerr = io.ReadFull(br, b)
			}
			out = append(out, string(b))
		}
		return out
	}
	labels := strs(maxLabels)
	tags := strs(maxTags)
	if nt := uv(1 << 20); rerr == nil && nt != nTemplates {
		return nil, fmt.Errorf("parse: load: model has %d feature templates, code has %d", nt, nTemplates)
	}
	nRows := uv(maxRows)
	if rerr != nil {
		return nil, fmt.Errorf("parse: load: %w", rerr)
	}
	p, err := newParser(labels, tags)
	if err != nil {
		return nil, fmt.Errorf("parse: load: %w", err)
	}
	// The table is allocated once, sized by the row count, and filled as
	// the file streams in; long rows' entries are appended to one array.
	nc := uint64(p.nClasses())
	p.tab.init(int(nRows), 0)
	buf := make([]entry, 0, nc)
	key := uint64(0)
	for i := uint64(0); i < nRows && rerr == nil; i++ {
		dk := uv(^uint64(0))
		if rerr == nil && (dk == 0 || dk >= 1<<keyBits || key+dk >= 1<<keyBits || (key+dk)&1 == 0) {
			rerr = errCorrupt
		}
		key += dk
		ne := uv(nc)
		buf = buf[:0]
		c := uint64(0)
		for j := uint64(0); j < ne && rerr == nil; j++ {
			dc := uv(nc)
			if j > 0 && dc == 0 {
				rerr = errCorrupt
			}
			c += dc
			w, err := binary.ReadVarint(br)
			if err == nil && (c >= nc || w < -32768 || w > 32767) {
				err = errCorrupt
			}
			if err != nil {
				rerr = err
			}
			buf = append(buf, entry{c: uint8(c), w: int16(w)})
		}
		if rerr == nil {
			p.tab.put(row{key: key, ents: buf})
		}
	}
	if rerr != nil {
		return nil, fmt.Errorf("parse: load: %w", rerr)
	}
	p.raw = raw
	return p, nil
}

// newParser makes a parser with an empty table over the given label and tag
// sets; labels must include "root".
func newParser(labels, tags []string) (*Parser, error) {
	if len(labels) < 2 || len(labels) > maxLabels {
		return nil, fmt.Errorf("%d labels, want 2 to %d", len(labels), maxLabels)
	}
	if len(tags) > maxTags {
		return nil, fmt.Errorf("%d tags, want at most %d", len(tags), maxTags)
	}
	p := &Parser{labels: labels, tagList: tags, tags: make(map[string]uint8, len(tags)), rootL: -1}
	for i, l := range labels {
		if l == "root" {
			p.rootL = i
		}
	}
	if p.rootL < 0 {
		return nil, errors.New(`no "root" label`)
	}
	for i, t := range tags {
		p.tags[t] = uint8(i + 1)
	}
	return p, nil
}

func sortRows(rs []row) {
	slices.SortFunc(rs, func(a, b row) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
}
