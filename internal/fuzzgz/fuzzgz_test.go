package fuzzgz

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"
)

// TestStored checks the hand-built stream over no block, one and several.
func TestStored(t *testing.T) {
	for _, n := range []int{0, 1, 0xffff, 0x10000, 200000} {
		b := bytes.Repeat([]byte("abc"), n/3+1)[:n]
		zr, err := gzip.NewReader(bytes.NewReader(Stored(b)))
		if err != nil {
			t.Fatalf("%d bytes: %v", n, err)
		}
		got, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(got, b) {
			t.Fatalf("%d bytes: read back %d bytes, %v", n, len(got), err)
		}
	}
}
