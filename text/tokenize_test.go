package text

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/onrecord/onrecord"
)

func tokenize(text string) *onrecord.Document {
	d := &onrecord.Document{Text: text}
	Tokenize(d)
	return d
}

// words returns the tokens of text joined by spaces, and its sentences
// joined by " | ".
func words(text string) (string, string) {
	d := tokenize(text)
	var ws, ss []string
	for _, s := range d.Sents {
		var sent []string
		for i := s.Start; i < s.End; i++ {
			sent = append(sent, d.Word(int(i)))
		}
		ws = append(ws, sent...)
		ss = append(ss, strings.Join(sent, " "))
	}
	return strings.Join(ws, " "), strings.Join(ss, " | ")
}

func TestTokenizeWords(t *testing.T) {
	tests := []struct{ in, want string }{
		// sentences of the example article
		{`He said, "I specifically want to apologize to Britney Spears`, `He said , " I specifically want to apologize to Britney Spears`},
		{"circumstances that led to Spears' conservatorship in 2008", "circumstances that led to Spears ' conservatorship in 2008"},
		{"and the #FreeBritney movement started by her fans.", "and the #FreeBritney movement started by her fans ."},
		{`"I've seen the messages, tags, comments, and concerns`, `" I 've seen the messages , tags , comments , and concerns`},
		{"I didn't recognize it for all that it was", "I did n't recognize it for all that it was"},
		{"calling for Timberlake's apology", "calling for Timberlake 's apology"},
		{"Calling it a \"flawed\" industry he added, \"It sets men,", "Calling it a \" flawed \" industry he added , \" It sets men ,"},
		{"the well-being of the people", "the well-being of the people"},
		// clitics
		{"can't won't cannot gonna wanna", "ca n't wo n't can not gon na wan na"},
		{"Clinton’s team didn’t say they’re sure", "Clinton ’s team did n’t say they ’re sure"},
		{"We'll see what you'd do, I'm sure", "We 'll see what you 'd do , I 'm sure"},
		{"O'Malley and D’Souza rock 'n' the '80s", "O'Malley and D’Souza rock 'n ' the '80s"},
		// quotes and dashes
		{"“Curly quotes” and ‘single’ ones", "“ Curly quotes ” and ‘ single ’ ones"},
		{"It was — he said — over -- really... “Wait…”", "It was — he said — over -- really ... “ Wait … ”"},
		{"this ''quote'' here", "this '' quote '' here"},
		// abbreviations and acronyms
		{"Sen. Ted Cruz (R-Texas) and Mr. Smith of Apple Inc. met Jan. 20 in Washington, D.C., at 9 a.m.", "Sen. Ted Cruz ( R-Texas ) and Mr. Smith of Apple Inc. met Jan. 20 in Washington , D.C. , at 9 a.m."},
		{"the U.S. Senate and the U.S. military", "the U.S. Senate and the U.S. military"},
		{"Sen. Bernie Sanders (I-Vt.) said", "Sen. Bernie Sanders ( I-Vt . ) said"},
		{"George W. Bush and No. 2", "George W. Bush and No. 2"},
		// numbers
		{"$100,000 and 50% of 3.5 million, 9/11 at 12:00pm", "$ 100,000 and 50 % of 3.5 million , 9/11 at 12:00 pm"},
		{"margin of +/-3 points, 58%-33%", "margin of + / -3 points , 58 % -33 %"},
		// web
		{"Email jane.doe@example.com or see https://example.com/a?b=c.", "Email jane.doe@example.com or see https://example.com/a?b=c ."},
		{"@realDonaldTrump tweeted pic.twitter.com/abc on www.example.org", "@realDonaldTrump tweeted pic.twitter.com/abc on www.example.org"},
		{`<tweet id="1" author="@x">Hi</tweet>`, `<tweet id="1" author="@x"> Hi </tweet>`},
	}
	for _, tt := range tests {
		if got, _ := words(tt.in); got != tt.want {
			t.Errorf("Tokenize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenizeSentences(t *testing.T) {
	tests := []struct{ in, want string }{
		{"He left. She stayed.", "He left . | She stayed ."},
		{`"I know I failed." He said it.`, `" I know I failed . " | He said it .`},
		{"“Why?” he asked. (He left.) Then", "“ Why ? ” | he asked . | ( He left . ) | Then"},
		{"Mr. Smith went to Washington. Then", "Mr. Smith went to Washington . | Then"},
		{"They live in the U.S. He works.", "They live in the U.S . | He works ."},
		{"A headline without period\nThe body starts here.", "A headline without period | The body starts here ."},
		{"Cruz continued:\n\n“You look at the questions.”", "Cruz continued : “ You look at the questions . ”"},
		{"7:45 a.m.\n\nTrump spoke.\nClinton did not.", "7:45 a.m. Trump spoke . | Clinton did not ."},
		{"It was 9 a.m.\nThey left.", "It was 9 a.m . | They left ."},
		{"He moved to Fresno, Calif. The town grew.", "He moved to Fresno , Calif . | The town grew ."},
		{"Wow!!! Really?! Yes.", "Wow !!! | Really ?! | Yes ."},
		{"Wait... what?", "Wait ... what ?"},
	}
	for _, tt := range tests {
		if _, got := words(tt.in); got != tt.want {
			t.Errorf("sentences of %q\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenizeOffsets(t *testing.T) {
	d := tokenize("Café “naïve” \xffx")
	want := []struct {
		word                     string
		start, end, bstart, bend int32
	}{
		{"Café", 0, 4, 0, 5},
		{"“", 5, 6, 6, 9},
		{"naïve", 6, 11, 9, 15},
		{"”", 11, 12, 15, 18},
		{"\xff", 13, 14, 19, 20},
		{"x", 14, 15, 20, 21},
	}
	if len(d.Tokens) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(d.Tokens), len(want))
	}
	for i, w := range want {
		tk := d.Tokens[i]
		if d.Word(i) != w.word || tk.Start != w.start || tk.End != w.end || tk.BStart != w.bstart || tk.BEnd != w.bend || tk.Head != -1 {
			t.Errorf("token %d = %q %+v, want %+v", i, d.Word(i), tk, w)
		}
	}
}

func TestTokenizeBody(t *testing.T) {
	d := &onrecord.Document{Text: "skip this. Keep “this” part. skip", Body: onrecord.Span{Start: 11, End: 28}}
	Tokenize(d)
	var got []string
	for i := range d.Tokens {
		got = append(got, d.Word(i))
	}
	if g := strings.Join(got, " "); g != "Keep “ this ” part ." {
		t.Errorf("tokens in body = %q", g)
	}
}

// A huge line without punctuation still gets sentences of bounded length.
func TestTokenizeLongLine(t *testing.T) {
	d := tokenize(strings.Repeat("word ", 100_000))
	if len(d.Tokens) != 100_000 {
		t.Fatalf("got %d tokens", len(d.Tokens))
	}
	checkDocument(t, d)
}

// checkDocument asserts the invariants of Tokenize's output.
func checkDocument(t *testing.T, d *onrecord.Document) {
	t.Helper()
	n := utf8.RuneCountInString(d.Text)
	lo, hi := min(max(d.Body.Start, 0), n), min(max(d.Body.End, 0), n)
	if d.Body == (onrecord.Span{}) {
		lo, hi = 0, n
	}
	prevEnd := int32(lo)
	cb, cc := 0, 0 // a byte offset and its code point offset, advancing with the tokens
	for i, tk := range d.Tokens {
		if tk.Start < prevEnd || tk.Start >= tk.End || int(tk.End) > hi {
			t.Fatalf("token %d %+v out of order or outside body [%d,%d) after %d", i, tk, lo, hi, prevEnd)
		}
		if int(tk.BStart) < cb || tk.BStart >= tk.BEnd || int(tk.BEnd) > len(d.Text) {
			t.Fatalf("token %d %+v: bad byte offsets", i, tk)
		}
		cc += utf8.RuneCountInString(d.Text[cb:tk.BStart])
		if int(tk.Start) != cc || int(tk.End-tk.Start) != utf8.RuneCountInString(d.Text[tk.BStart:tk.BEnd]) {
			t.Fatalf("token %d %+v: byte and code point offsets disagree", i, tk)
		}
		cb = int(tk.BStart)
		if tk.Head != -1 {
			t.Fatalf("token %d has head %d", i, tk.Head)
		}
		prevEnd = tk.End
	}
	next := int32(0)
	for i, s := range d.Sents {
		if s.Start != next || s.End <= s.Start || s.End-s.Start > MaxSentenceTokens {
			t.Fatalf("sentence %d %+v does not follow %d or has a bad length", i, s, next)
		}
		next = s.End
	}
	if int(next) != len(d.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(d.Tokens))
	}
}

func FuzzTokenize(f *testing.F) {
	sample, _ := os.ReadFile("../testdata/timberlake-apology-2021-02-13.txt")
	for _, s := range []string{
		string(sample), "", "U.S.", "a.b.c.d.", "\xff\xfe'", "’’’", "<a <b>", "-1 +2 .3", "Mr.", "e.v.’s",
		"http://", "x@y.z@", "#@#@", "\u202a\u00ad", "I-Vt.)", ". . . .", "can't’t", "cannot", "12:00pm",
	} {
		f.Add(s, 0, 1<<20)
	}
	f.Add(string(sample), 16, 40)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		d := &onrecord.Document{Text: text, Body: onrecord.Span{Start: start, End: end}}
		Tokenize(d)
		checkDocument(t, d)
	})
}
