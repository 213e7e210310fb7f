//go:build linux

package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/brat"
	"github.com/onrecord/onrecord/internal/cputime"
	"github.com/onrecord/onrecord/output"
	"github.com/onrecord/onrecord/text"
)

// extractBudget is the CPU time one document may take: a fixed part and a
// part proportional to its size, several times the measured rate, so that
// only a stage growing faster than the text fails. The stages work per
// token: prose runs at about 2 µs a byte and 13 µs a token, and a text of
// one-character tokens (a run of "^^^") has five times prose's tokens a
// byte, so the size is whichever of the two costs more.
func extractBudget(bytes, tokens int) time.Duration {
	return 20*time.Millisecond + max(time.Duration(bytes)*5*time.Microsecond, time.Duration(tokens)*30*time.Microsecond)
}

// FuzzExtract runs random text through the whole pipeline and every output
// writer: no error, no panic, spans inside the text, valid JSON, and no
// more CPU than extractBudget.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"\"We will win,\" she said.",
		"Jo Roe, a spokeswoman for Acme Corp., said the plan was dead. \"It is over,\" Roe added.",
		"date 2021-02-13 He told reporters that “curly quotes” work; ‘single’ ones too, she wrote.\n\nALSO READ: more",
		"According to the report, prices rose. \"Open quote never closed, he said.\n\n\"Second paragraph",
		"«Nein», sagte er. 日本語のテキスト。 \"x\" — said the 52-year-old singer.",
		// One token a byte: near a budget by bytes alone.
		strings.Repeat("^", 8000),
	} {
		f.Add([]byte(s))
	}
	p, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		d, err := text.NewDocument("fuzz", raw)
		if err != nil {
			return // not a text: text.FuzzNewDocument covers the refusals
		}
		used, err := extractCPU(p, d)
		if err != nil {
			t.Fatalf("extract: %v", err)
		}
		// A loaded machine slows a run by its neighbours' use of the caches,
		// for a moment: the fastest of three runs is the text's own cost, and
		// a stage that grows faster than the text exceeds the budget in each.
		budget := extractBudget(len(raw), len(d.Tokens))
		for retry := 0; retry < 2 && used > budget; retry++ {
			again, err := text.NewDocument("fuzz", raw)
			if err != nil {
				t.Fatal(err)
			}
			if u, err := extractCPU(p, again); err == nil {
				used = min(used, u)
			}
		}
		if used > budget {
			t.Fatalf("%d bytes took %s of CPU in each of three runs, over the budget of %s", len(raw), used, budget)
		}
		checkSpans(t, d)
		for _, format := range output.Formats() {
			var buf bytes.Buffer
			if format == "brat" {
				// The brat writer's .ann, without its two files a run.
				if err := brat.Write(&buf, d); err != nil {
					t.Fatalf("brat: %v", err)
				}
				continue
			}
			w, err := output.New(format, &buf, output.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(d); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if err := w.Close(); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if format == "jsonl" && !json.Valid(buf.Bytes()) {
				t.Fatalf("jsonl: not JSON: %q", buf.String())
			}
		}
	})
}

// extractCPU runs p on d and returns the CPU time of the thread it ran on.
func extractCPU(p *Pipeline, d *onrecord.Document) (time.Duration, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	start := cputime.Thread()
	err := p.Extract(context.Background(), d)
	return cputime.Thread() - start, err
}

// checkSpans fails when an attribution's span is empty, reversed or
// outside the text.
func checkSpans(t *testing.T, d *onrecord.Document) {
	n := utf8.RuneCountInString(d.Text)
	for i, q := range d.Quotes {
		if len(q.Content) == 0 {
			t.Fatalf("quote %d has no content", i)
		}
		for _, ss := range [][]onrecord.Span{q.Content, q.Source, q.Cue} {
			for _, s := range ss {
				if s.Start < 0 || s.Start >= s.End || s.End > n {
					t.Fatalf("quote %d: span %+v outside the text of %d code points", i, s, n)
				}
			}
		}
	}
}
