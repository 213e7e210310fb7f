// Package attrib finds attributions — source, cue and content spans — in an
// analysed document. A structured averaged perceptron tags every token of a
// paragraph as part of a source, cue or content (BIO), reading words, tags,
// the dependency path to cue-like words and the quotation state; the tagged
// segments are then grouped into attributions around their cues.
package attrib

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"sync"
)

// Labels of the BIO scheme over the three roles.
const (
	lO = iota
	lBSrc
	lISrc
	lBCue
	lICue
	lBCon
	lICon
	nLabels
)

// role of each label: 0 none, 1 source, 2 cue, 3 content.
var roleOf = [nLabels]int{0, 1, 1, 2, 2, 3, 3}

// allowed reports whether label b may follow label a (I-X only after X).
func allowed(a, b int) bool {
	switch b {
	case lISrc, lICue, lICon:
		return a >= 0 && roleOf[a] == roleOf[b]
	}
	return true
}

// Model is a trained attribution tagger. It is read-only after loading and
// safe for concurrent use.
type Model struct {
	bits uint
	// Weights: (1<<bits) rows of nLabels. Training works on w; a finished
	// model keeps them quantized (times scale) in q, one row in two words
	// of four 16-bit lanes (see qLanes).
	w     []float32
	q     []uint64
	scale float32
	trans [nLabels + 1][nLabels]float32
	cue   map[string]uint8 // lemma → how often it is a cue, in tenths
	mid   float32          // median segment margin in training, for confidences

	pool sync.Pool // *featurizer scratch
}

func (m *Model) cueBucket(lemma string) uint8 { return m.cue[lemma] }

// qStride is the distance between rows of q: a row of nLabels 16-bit
// lanes padded to 16 bytes, so that no row straddles two cache lines (q is
// far larger than the caches, and each feature reads one row).
const qStride = 2

// A lane holds its int16 weight plus qBias, so that it is never negative
// and emissions can sum two lanes at once in the 32-bit halves of a word,
// with no carry crossing between them.
const qBias = 1 << 15

// lane l of row r of q.
func (m *Model) qLane(r, l int) int16 {
	return int16(m.q[r*qStride+l/4]>>(16*(l%4)) - qBias)
}

func (m *Model) setQLane(r, l int, w int16) {
	sh := 16 * (l % 4)
	p := &m.q[r*qStride+l/4]
	*p = *p&^(0xffff<<sh) | uint64(uint16(w)^qBias)<<sh
}

// newQ makes q for rows of zero weights.
func newQ(rows int) []uint64 {
	q := make([]uint64, rows*qStride)
	for i := range q {
		q[i] = 0x8000_8000_8000_8000
	}
	return q
}

// index is where the row of feature h starts in q, or in w while training.
func (m *Model) index(h uint32) int {
	r := int(h & (1<<m.bits - 1))
	if m.q != nil {
		return r * qStride
	}
	return r * nLabels
}

// quantize turns the trained float weights into int16 with one scale.
func (m *Model) quantize() {
	var max float32
	for _, x := range m.w {
		max = float32(math.Max(float64(max), math.Abs(float64(x))))
	}
	m.scale = max / 32767
	if m.scale == 0 {
		m.scale = 1
	}
	m.q = newQ(len(m.w) / nLabels)
	for i, x := range m.w {
		m.setQLane(i/nLabels, i%nLabels, int16(math.Round(float64(x/m.scale))))
	}
	m.w = nil
}

//go:embed model.bin.gz
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model embedded in the binary, loaded once.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Load(bytes.NewReader(embedded))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("load embedded attribution model: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}

const magic = "onrecord-attrib-2"

// Save writes the model compactly: gzip over the cue lexicon, transitions
// and the non-zero rows of the quantized weights.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { n := binary.PutUvarint(buf[:], x); bw.Write(buf[:n]) }
	bw.WriteString(magic)
	uv(uint64(m.bits))
	lemmas := make([]string, 0, len(m.cue))
	for l := range m.cue {
		lemmas = append(lemmas, l)
	}
	sort.Strings(lemmas)
	uv(uint64(len(lemmas)))
	for _, l := range lemmas {
		uv(uint64(len(l)))
		bw.WriteString(l)
		bw.WriteByte(m.cue[l])
	}
	for a := range m.trans {
		for b := range m.trans[a] {
			binary.Write(bw, binary.LittleEndian, m.trans[a][b])
		}
	}
	binary.Write(bw, binary.LittleEndian, m.mid)
	binary.Write(bw, binary.LittleEndian, m.scale)
	last := -1
	var row [nLabels]int16
	for r := 0; r < len(m.q)/qStride; r++ {
		for l := range row {
			row[l] = m.qLane(r, l)
		}
		if !slices.ContainsFunc(row[:], func(x int16) bool { return x != 0 }) {
			continue
		}
		uv(uint64(r - last))
		last = r
		binary.Write(bw, binary.LittleEndian, row)
	}
	uv(0)
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("attribution model: not an onrecord attribution model")
	}
	bits, err := binary.ReadUvarint(br)
	if err != nil || bits < 8 || bits > 26 {
		return nil, fmt.Errorf("attribution model: bad table size")
	}
	m := &Model{bits: uint(bits), q: newQ(1 << bits), cue: map[string]uint8{}}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<20 {
		return nil, fmt.Errorf("attribution model: bad lexicon")
	}
	for i := uint64(0); i < n; i++ {
		ln, err := binary.ReadUvarint(br)
		if err != nil || ln > 1<<10 {
			return nil, fmt.Errorf("attribution model: bad lexicon entry")
		}
		b := make([]byte, ln+1)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("attribution model: %w", err)
		}
		m.cue[string(b[:ln])] = b[ln]
	}
	if err := binary.Read(br, binary.LittleEndian, &m.trans); err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	if err := binary.Read(br, binary.LittleEndian, &m.mid); err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	if err := binary.Read(br, binary.LittleEndian, &m.scale); err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	rows := 1 << bits
	row := -1
	var buf [2 * nLabels]byte
	for {
		delta, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("attribution model: %w", err)
		}
		if delta == 0 {
			break
		}
		row += int(delta)
		if row >= rows {
			return nil, errors.New("attribution model: row out of range")
		}
		// Read by hand: binary.Read allocates for every one of the
		// model's rows.
		if _, err := io.ReadFull(br, buf[:]); err != nil {
			return nil, fmt.Errorf("attribution model: %w", err)
		}
		for l := range nLabels {
			m.setQLane(row, l, int16(binary.LittleEndian.Uint16(buf[2*l:])))
		}
	}
	return m, nil
}
