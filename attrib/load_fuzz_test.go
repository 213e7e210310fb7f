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
// panic, and a real model cut short is an error. The fuzzed bytes are the
// decompressed payload, wrapped in gzip here, so that the fuzzer explores
// the model decoder and not the gzip header.
func FuzzLoad(f *testing.F) {
	zr, err := gzip.NewReader(bytes.NewReader(embedded))
	if err != nil {
		f.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		f.Fatal(err)
	}
	// Small seeds keep each run fast; the fuzzer grows them.
	for _, n := range []int{0, 8, 64, 512, 4096} {
		f.Add(raw[:min(n, len(raw))])
	}
	f.Fuzz(func(t *testing.T, payload []byte) {
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
