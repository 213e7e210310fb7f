// Package fuzzgz wraps fuzz inputs in gzip for the model loaders' fuzz
// targets, which read gzip files: the fuzzer then explores the decoders, not
// the gzip header, and no compressor is built for every input.
package fuzzgz

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"hash/crc32"
	"io"
)

// Body returns the uncompressed body of the gzip file gz: a saved model
// in the form the fuzz targets take their inputs, for their seeds.
func Body(gz []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// Stored wraps b in a gzip stream of uncompressed (stored) deflate blocks.
func Stored(b []byte) []byte {
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
