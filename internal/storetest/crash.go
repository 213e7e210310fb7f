package storetest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/onrecord/onrecord"
)

// childEnv holds the DSN the crash test's child process puts into.
const childEnv = "ONRECORD_STORETEST_CHILD"

// crashSequence is what the child puts, in order: 100 articles, then
// revised texts of every fourth, so that kills also hit replacements.
func crashSequence() []*onrecord.Document {
	docs := Corpus(100, 9, "cr")
	seq := slices.Clone(docs)
	for i := 0; i < len(docs); i += 4 {
		seq = append(seq, Revised(docs[i], 10))
	}
	return seq
}

// latest is the last version of each article of seq, in order of first
// appearance.
func latest(seq []*onrecord.Document) []*onrecord.Document {
	at := map[string]int{}
	var out []*onrecord.Document
	for _, d := range seq {
		if i, ok := at[d.ID]; ok {
			out[i] = d
			continue
		}
		at[d.ID] = len(out)
		out = append(out, d)
	}
	return out
}

// Main makes the test binary the crash test's child when childEnv is set:
// it puts the crash sequence into the store at that DSN, printing the index
// of every put as soon as it returns, then "done", and exits. Call it first
// in TestMain.
func Main(b Backend) {
	dsn := os.Getenv(childEnv)
	if dsn == "" {
		return
	}
	ctx := context.Background()
	s, err := b.Open(ctx, dsn)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(2)
	}
	for i, d := range crashSequence() {
		if _, err := s.Put(ctx, d); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(2)
		}
		fmt.Fprintln(os.Stdout, i) // unbuffered: the parent sees every put done
	}
	if err := s.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(2)
	}
	fmt.Fprintln(os.Stdout, "done")
	os.Exit(0)
}

// runChild runs the child on dsn and kills it with SIGKILL after it reports
// put number killAt (never when killAt < 0) and a further delay. It returns
// how many puts the child reported and whether it was killed.
func runChild(t *testing.T, dsn string, killAt int, delay time.Duration) (puts int, killed bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+dsn)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start child: %v", err)
	}
	sc := bufio.NewScanner(out)
	done := false
	for sc.Scan() {
		if sc.Text() == "done" {
			done = true
			continue
		}
		puts++
		if puts-1 == killAt {
			time.Sleep(delay)
			if err := cmd.Process.Kill(); err != nil {
				t.Fatalf("kill child: %v", err)
			}
		}
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
		return puts, true
	}
	if err != nil || !done {
		t.Fatalf("child failed: %v\n%s", err, stderr.String())
	}
	return puts, false
}

// testCrash kills a child process that is putting documents at 20 random
// moments, each time into a fresh store: after the kill the store must be
// exactly as if the puts before (or including) the one under way had run
// alone, and rerunning the child must complete it exactly.
func testCrash(t *testing.T, b Backend) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	seq := crashSequence()
	final := latest(seq)
	seed := uint64(time.Now().UnixNano())
	t.Logf("kill moments from seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	type run struct {
		puts          int    // reported by the killed child
		killed, rerun string // the store's dumps after the kill and after the rerun
	}
	var runs []run
	for i := range 20 {
		dsn := b.NewDSN(t)
		killAt := rng.IntN(len(seq) - 10)
		delay := time.Duration(rng.IntN(3000)) * time.Microsecond
		puts, killed := runChild(t, dsn, killAt, delay)
		if !killed || puts+1 >= len(seq) {
			t.Fatalf("run %d: the child was not killed mid-run (killed %v after %d of %d puts)", i, killed, puts, len(seq))
		}
		r := run{puts: puts, killed: dumpAt(t, b, dsn, final, nil)}
		if puts, killed := runChild(t, dsn, -1, 0); killed || puts != len(seq) {
			t.Fatalf("run %d: rerun: %d puts, killed %v", i, puts, killed)
		}
		r.rerun = dumpAt(t, b, dsn, final, func(s onrecord.Store) { checkCounts(t, s, final) })
		runs = append(runs, r)
		t.Logf("run %d: killed after %d+%v of %d puts, then rerun", i, puts, delay, len(seq))
	}

	// The reference: a store never killed, read after the prefixes of seq
	// that the kills left.
	want := map[int]string{}
	for _, r := range runs {
		want[r.puts], want[r.puts+1] = "", ""
	}
	ref, _ := b.open(t)
	for i := 0; i <= len(seq); i++ {
		if _, ok := want[i]; ok {
			want[i] = dump(t, ref, final)
		}
		if i < len(seq) {
			put(t, ref, seq[i])
		}
	}
	complete := dump(t, ref, final)
	for i, r := range runs {
		if r.killed != want[r.puts] && r.killed != want[r.puts+1] {
			t.Errorf("run %d: killed after %d puts, the store is neither the state after %d nor %d puts:\n%s",
				i, r.puts, r.puts, r.puts+1, firstDiff(r.killed, want[r.puts]))
		}
		if r.rerun != complete {
			t.Errorf("run %d: after the rerun the store differs from one never killed:\n%s", i, firstDiff(r.rerun, complete))
		}
	}
}

// dumpAt opens the store at dsn, checks it with check if not nil, and
// returns its dump.
func dumpAt(t *testing.T, b Backend, dsn string, docs []*onrecord.Document, check func(onrecord.Store)) string {
	t.Helper()
	s, err := b.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("open %s: %v", dsn, err)
	}
	defer s.Close()
	if check != nil {
		check(s)
	}
	return dump(t, s, docs)
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(al), len(bl))
}

// checkCounts checks the store's quotes and speakers against what docs
// hold: one quote per distinct quote key, one speaker per person with its
// exact numbers of quotes and articles.
func checkCounts(t testing.TB, s onrecord.Store, docs []*onrecord.Document) {
	t.Helper()
	occ := occurrences(docs)
	if got, want := len(searchAll(t, s, onrecord.Query{Limit: 1000})), distinct(occ, func(occurrence) bool { return true }); got != want {
		t.Fatalf("%d quotes, want %d", got, want)
	}
	stats := speakers(t, s)
	if len(stats) != len(people) {
		t.Fatalf("%d speakers, want %d: %+v", len(stats), len(people), stats)
	}
	for _, st := range stats {
		p, ok := personByKey[onrecord.ParseName(st.Name, st.Type).Key]
		if !ok {
			t.Fatalf("speaker %q is nobody of the corpus", st.Name)
		}
		arts := map[string]bool{}
		for _, o := range occ {
			if o.person == p {
				arts[o.article] = true
			}
		}
		quotes := distinct(occ, func(o occurrence) bool { return o.person == p })
		if st.Quotes != quotes || st.Articles != len(arts) {
			t.Fatalf("speaker %q: %d quotes in %d articles, want %d in %d", st.Name, st.Quotes, st.Articles, quotes, len(arts))
		}
	}
}
