package speaker

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// countdown is a context that counts the looks at Err and reports itself
// cancelled from look left+1 on.
type countdown struct {
	context.Context
	left, looks int
}

func (c *countdown) Err() error {
	c.looks++
	if c.looks > c.left {
		return context.Canceled
	}
	return nil
}

// TestFindNamesStops checks the look at the context inside findNames, the
// longest step of a long document's analysis: on a document of several
// nameChunk steps it looks more than once, and it returns at the first
// look that finds the context ended, so analyse stops at the next step.
func TestFindNamesStops(t *testing.T) {
	d := toy(strings.Repeat("Vex said the tour would go on. ", nameChunk), []string{"Vex"}, nil)
	splitSentences(d)
	whole := &countdown{Context: context.Background(), left: len(d.Tokens)}
	a, err := analyse(whole, d)
	if err != nil {
		t.Fatal(err)
	}
	a.release()
	const between = 5 // analyse looks before each of its steps but the first
	if whole.looks < between+len(d.Tokens)/nameChunk/2 {
		t.Fatalf("%d looks at the context over %d tokens, want findNames' own besides analyse's %d", whole.looks, len(d.Tokens), between)
	}
	const before = 2 // analyse's looks before findNames, its third step
	c := &countdown{Context: context.Background(), left: before}
	if _, err := analyse(c, d); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context canceled", err)
	}
	if c.looks != before+2 {
		t.Errorf("%d looks, want %d: findNames' first (ended) and the one after it", c.looks, before+2)
	}
}
