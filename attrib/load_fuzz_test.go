package attrib

import (
	"bytes"
	"testing"

	"github.com/onrecord/onrecord/internal/fuzzgz"
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
	raw, err := fuzzgz.Body(gz.Bytes())
	if err != nil {
		f.Fatal(err)
	}
	if _, err := Load(bytes.NewReader(fuzzgz.Stored(raw))); err != nil {
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
		_, err := Load(bytes.NewReader(fuzzgz.Stored(payload)))
		if err == nil && len(payload) < len(raw) && bytes.HasPrefix(raw, payload) {
			t.Fatalf("the model cut at byte %d of %d loaded without error", len(payload), len(raw))
		}
		if _, err := Load(bytes.NewReader(payload)); err == nil {
			t.Fatalf("%d bytes that are not gzip loaded without error", len(payload))
		}
	})
}
