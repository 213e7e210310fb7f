package fuzzgz

import (
	"bytes"
	"testing"
)

// TestStored checks the hand-built stream over no block, one and several,
// read back by Body (the standard gzip reader).
func TestStored(t *testing.T) {
	for _, n := range []int{0, 1, 0xffff, 0x10000, 200000} {
		b := bytes.Repeat([]byte("abc"), n/3+1)[:n]
		got, err := Body(Stored(b))
		if err != nil || !bytes.Equal(got, b) {
			t.Fatalf("%d bytes: read back %d bytes, %v", n, len(got), err)
		}
	}
	if _, err := Body([]byte("not gzip")); err == nil {
		t.Error("Body read a text that is not gzip")
	}
}
