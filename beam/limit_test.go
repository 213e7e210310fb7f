package beam

import (
	"context"
	"strings"
	"testing"

	"github.com/onrecord/onrecord/text"
)

// TestExtractOverLimit checks that Beam keeps the document limit of the
// command line and the API for articles that reach extraction without
// text.Read: a longer text is a dead letter naming the limit, and the
// other articles of the bundle are still extracted.
func TestExtractOverLimit(t *testing.T) {
	fn := &extractFn{}
	if err := fn.Setup(); err != nil {
		t.Fatal(err)
	}
	var recs []Record
	var dead []DeadLetter
	emit := func(r Record) { recs = append(recs, r) }
	dl := func(d DeadLetter) { dead = append(dead, d) }
	ctx := context.Background()
	big := strings.Repeat("a", text.DefaultMaxBytes+1)
	small := "\"We will win,\" she said."
	for _, a := range []Article{{ID: "big", Text: big, BodyEnd: len(big)}, {ID: "small", Text: small, BodyEnd: len(small)}} {
		if err := fn.ProcessElement(ctx, a, emit, dl); err != nil {
			t.Fatal(err)
		}
	}
	if err := fn.FinishBundle(ctx, emit, dl); err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || dead[0].ID != "big" || !strings.Contains(dead[0].Error, "size limit") {
		t.Errorf("dead letters %+v, want one for big over the size limit", dead)
	}
	if len(recs) != 1 || recs[0].ID != "small" {
		t.Errorf("records %+v, want small", recs)
	}
}
