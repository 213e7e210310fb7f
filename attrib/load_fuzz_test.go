package attrib

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"hash/crc32"
	"io"
	"testing"
)

// FuzzLoad loads arbitrary model bytes: an error or a model, never a
// panic, and a model cut short is an error. The fuzzed bytes are the
// decompressed payload, wrapped in gzip here, so that the fuzzer explores
// the model decoder and not the gzip header. The seeds are a small model
// (256 rows): Load allocates the table a model's header asks for before
// reading a row, and the embedded model's would cost every run tens of
// megabytes.
func FuzzLoad(f *testing.F) {
	m := &Model{bits: 8, q: newQ(1 << 8), scale: 0.5, mid: 1, cue: map[string]uint8{"say": 9, "tell": 7}}
	m.trans[0][1] = 0.25
	m.setQLane(3, 1, 5)
	m.setQLane(200, nLabels-1, -7)
	var gz bytes.Buffer
	if err := m.Save(&gz); err != nil {
		f.Fatal(err)
	}
	zr, err := gzip.NewReader(&gz)
	if err != nil {
		f.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		f.Fatal(err)
	}
	if _, err := Load(bytes.NewReader(storedGzip(raw))); err != nil {
		f.Fatalf("the seed model does not load: %v", err)
	}
	for _, n := range []int{0, len(magic) + 1, len(raw) / 2, len(raw)} {
		f.Add(raw[:n])
	}
	f.Fuzz(func(t *testing.T, payload []byte) {
		if bits, ok := bytes.CutPrefix(payload, []byte(magic)); ok && len(bits) > 0 && bits[0] > 20 && bits[0] < 0x80 {
			// Load accepts tables of up to 2^26 rows and allocates and fills
			// the one the header asks for (1 GiB at 26) before reading a
			// row; runs that big stall the fuzzer. The embedded model has 20.
			t.Skip("table over 2^20 rows")
		}
		_, err := Load(bytes.NewReader(storedGzip(payload)))
		if err == nil && len(payload) < len(raw) && bytes.HasPrefix(raw, payload) {
			t.Fatalf("the model cut at byte %d of %d loaded without error", len(payload), len(raw))
		}
		if _, err := Load(bytes.NewReader(payload)); err == nil {
			t.Fatalf("%d bytes that are not gzip loaded without error", len(payload))
		}
	})
}

// storedGzip wraps b in a gzip stream of uncompressed (stored) deflate
// blocks: cheap to build for every input, unlike a compressor.
func storedGzip(b []byte) []byte {
	out := []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff} // header: deflate, no flags, unknown OS
	sum, size := crc32.ChecksumIEEE(b), uint32(len(b))
	for {
		n := min(len(b), 0xffff)
		final := byte(0)
		if n == len(b) {
			final = 1
		}
		out = append(out, final)
		out = binary.LittleEndian.AppendUint16(out, uint16(n))
		out = binary.LittleEndian.AppendUint16(out, ^uint16(n))
		out = append(out, b[:n]...)
		b = b[n:]
		if final == 1 {
			break
		}
	}
	out = binary.LittleEndian.AppendUint32(out, sum)
	return binary.LittleEndian.AppendUint32(out, size)
}

// TestStoredGzip checks the hand-built stream over no block, one and
// several.
func TestStoredGzip(t *testing.T) {
	for _, n := range []int{0, 1, 0xffff, 0x10000, 200000} {
		b := bytes.Repeat([]byte("abc"), n/3+1)[:n]
		zr, err := gzip.NewReader(bytes.NewReader(storedGzip(b)))
		if err != nil {
			t.Fatalf("%d bytes: %v", n, err)
		}
		got, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(got, b) {
			t.Fatalf("%d bytes: read back %d bytes, %v", n, len(got), err)
		}
	}
}
