package server_test

import (
	"context"
	"encoding/json"
	"flag"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onrecord/onrecord/server"
)

var update = flag.Bool("update", false, "rewrite the README screenshots in ../docs")

// chromiumPath is Debian's chromium unless $CHROMIUM names another binary.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// artefactDir is where screenshots go: $ONRECORD_ARTIFACTS when set (CI
// keeps it), else a directory that outlives the test so the path logged can
// be opened.
func artefactDir(t *testing.T) string {
	dir := os.Getenv("ONRECORD_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "onrecord-e2e")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("artefact dir: %v", err)
	}
	return dir
}

func saveScreenshot(t *testing.T, png []byte, name string) {
	t.Helper()
	path := filepath.Join(artefactDir(t), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatalf("write screenshot: %v", err)
	}
	t.Logf("screenshot: %s", path)
	if *update {
		if err := os.WriteFile(filepath.Join("..", "docs", name), png, 0o644); err != nil {
			t.Fatalf("update docs screenshot: %v", err)
		}
	}
}

// newBrowser starts a fresh headless Chromium, or skips loudly when there is
// none.
func newBrowser(t *testing.T) context.Context {
	exe := chromiumPath()
	if _, err := os.Stat(exe); err != nil {
		t.Skipf("!!! SKIPPING THE END-TO-END BROWSER TEST: no chromium at %s (%v). Install it: apt-get update && apt-get install -y chromium", exe, err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithErrorf(t.Logf))
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first run starts the browser; it must not carry a timeout.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// page state read back from the DOM after an extraction.
type extracted struct {
	Quotes   int      // distinct quotes with highlighted content
	Speakers []string // the speaker label before each quote
	Sources  int
	Cues     int
	Legend   []string
	Cards    int
	Summary  string
}

const readExtracted = `(() => {
  const q = new Set(Array.from(document.querySelectorAll('#article-text mark.content')).map(m => m.dataset.q));
  return {
    Quotes: q.size,
    Speakers: Array.from(document.querySelectorAll('#article-text .who')).map(e => e.textContent),
    Sources: document.querySelectorAll('#article-text mark.source').length,
    Cues: document.querySelectorAll('#article-text mark.cue').length,
    Legend: Array.from(document.querySelectorAll('.legend li')).map(e => e.textContent),
    Cards: document.querySelectorAll('#quote-list li').length,
    Summary: document.getElementById('status').textContent,
  };
})()`

// TestBrowser drives the page in headless Chromium: paste the sample
// article, find its quotes, search the record, open the speaker's page.
func TestBrowser(t *testing.T) {
	ctx := newBrowser(t)
	ex := testExtractor(t)
	st := filledStore(t, ex, testStore(t))
	ts := httptest.NewServer(server.New(ex, st, nil, server.Options{}))
	defer ts.Close()
	sample := readSample(t)

	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(what, js string, v any) {
		t.Helper()
		// Through JSON.stringify, so any shape decodes with encoding/json.
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string]("JSON.stringify("+js+")"))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if err := json.Unmarshal([]byte(s), v); err != nil {
			t.Fatalf("%s: decode %q: %v", what, s, err)
		}
	}

	// Read an article.
	run("open the page",
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("text")),
		chromedp.SetValue(chromedp.ID("text"), sample),
		chromedp.SetValue(chromedp.ID("date"), "2021-02-13"),
		chromedp.Click(chromedp.ID("extract-submit")),
		chromedp.WaitVisible(chromedp.ID("quote-list")),
	)
	var got extracted
	eval("read the result", readExtracted, &got)
	if got.Quotes != 6 || got.Cards != 6 {
		t.Errorf("%d highlighted quotes and %d cards, want 6: %+v", got.Quotes, got.Cards, got)
	}
	if len(got.Speakers) != 6 {
		t.Errorf("speaker labels %q, want 6", got.Speakers)
	}
	for _, s := range got.Speakers {
		if s != "Justin Timberlake" {
			t.Errorf("speaker label %q, want Justin Timberlake", s)
		}
	}
	if got.Sources == 0 || got.Cues == 0 {
		t.Errorf("no source or cue highlighted: %+v", got)
	}
	if len(got.Legend) != 4 || !strings.Contains(strings.Join(got.Legend, "|"), "Source") {
		t.Errorf("legend = %q", got.Legend)
	}
	if !strings.HasPrefix(got.Summary, "6 quotes found.") {
		t.Errorf("status = %q", got.Summary)
	}
	// The highlighted text must be the text itself: marks cut at code points.
	var quoted string
	eval("read the first quote", `document.querySelector('#article-text mark.content[data-q="0"]').textContent`, &quoted)
	if !strings.HasPrefix(quoted, `"I specifically want to apologize`) {
		t.Errorf("first highlighted content = %q", quoted)
	}
	run("scroll to the result", chromedp.ScrollIntoView(chromedp.ID("extract-result")))
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	saveScreenshot(t, shot, "screenshot.png")

	// Search the record.
	run("search",
		chromedp.Click(chromedp.CSS(`nav a[data-nav="record"]`)),
		chromedp.WaitVisible(chromedp.ID("s-q")),
		chromedp.SetValue(chromedp.ID("s-q"), "misogyny"),
		chromedp.Click(chromedp.ID("search-submit")),
		// The list says which query filled it; the unfiltered search that
		// opening the view started must not be mistaken for the answer.
		chromedp.WaitVisible(chromedp.CSS(`#hits[data-query="q=misogyny"] li.hit`)),
	)
	var hits []string
	eval("read hits", `Array.from(document.querySelectorAll('#hits li.hit')).map(e => e.textContent)`, &hits)
	if len(hits) != 1 || !strings.Contains(hits[0], "misogyny") || !strings.Contains(hits[0], "Justin Timberlake") {
		t.Errorf("hits for misogyny = %q", hits)
	}

	// The speaker's page: quotes grouped by date.
	run("open the speaker",
		chromedp.Click(chromedp.CSS(`#hits li.hit a[href^="#/speaker/"]`)),
		chromedp.WaitVisible(chromedp.CSS("#timeline h2")),
	)
	var timeline struct {
		Heading string
		Dates   []string
		Quotes  int
	}
	eval("read the timeline", `({
		Heading: document.getElementById('h-speaker').textContent,
		Dates: Array.from(document.querySelectorAll('#timeline h2')).map(e => e.textContent),
		Quotes: document.querySelectorAll('#timeline li.hit').length,
	})`, &timeline)
	if timeline.Heading != "Justin Timberlake" || len(timeline.Dates) != 1 || timeline.Dates[0] != "2021-02-13" || timeline.Quotes != 6 {
		t.Errorf("speaker page = %+v", timeline)
	}
	shot, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("speaker screenshot: %v", err)
	}
	saveScreenshot(t, shot, "screenshot-speaker.png")

	// An article of the record, then the page at phone width: nothing may
	// stick out sideways.
	run("open the article",
		chromedp.Click(chromedp.CSS(`#timeline li.hit a[href^="#/article/"]`)),
		chromedp.WaitVisible(chromedp.CSS("#article-result #quote-list")),
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(ts.URL+"/#/article/timberlake"),
		chromedp.WaitVisible(chromedp.CSS("#article-result #quote-list")),
	)
	var phone struct{ Quotes, Overflow int }
	eval("read the phone page", `({
		Quotes: new Set(Array.from(document.querySelectorAll('#article-text mark.content')).map(m => m.dataset.q)).size,
		Overflow: document.documentElement.scrollWidth - window.innerWidth,
	})`, &phone)
	if phone.Quotes != 6 || phone.Overflow > 0 {
		t.Errorf("article at phone width: %+v", phone)
	}
	shot, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("phone screenshot: %v", err)
	}
	saveScreenshot(t, shot, "screenshot-phone.png")

	// An error from the API reaches the reader.
	run("missing article",
		chromedp.Navigate(ts.URL+"/#/article/nope"),
		chromedp.WaitVisible(chromedp.CSS("#status.error")),
	)
	var msg string
	eval("read the error", `document.getElementById('status').textContent`, &msg)
	if msg != `no article "nope" in the record` {
		t.Errorf("error shown = %q", msg)
	}
}
