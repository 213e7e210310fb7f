// Command load measures `onrecord serve` under concurrent clients, on
// loopback only and for a bounded time. It starts the server itself (-bin,
// over -db, ingesting -text first when the record does not exist) or
// targets one already running (-addr, with -pid to read its memory).
//
// N clients each send one request after another for D seconds, drawn with
// the mix 40% GET /v1/quotes, 20% GET /v1/speakers, 30% GET /v1/articles/{id}
// and 10% POST /v1/extract of a 5 KB article; K more clients meanwhile POST
// 2 MB articles. Afterwards, when asked, one 2 MB extraction is timed alone
// (-solo: wall time and server CPU) and one is abandoned after a second or
// -leave (-abandon: how long the server goes on working for it). It prints, per
// endpoint, requests, errors, p50, p99 and the slowest answer, the first
// errors seen, and the server's peak RSS (VmHWM) and CPU time. A 503 with
// Retry-After is the server turning work away: counted apart as busy (an
// answer, in the latencies), and the client waits as told before its next
// request.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

type config struct {
	bin, db, text, addr string
	pid                 int
	clients, big        int
	duration            time.Duration
	smallSize, bigSize  int
	solo, abandon       bool
	leave               time.Duration
	seed                uint64
}

func main() {
	var c config
	flag.StringVar(&c.bin, "bin", "", "onrecord binary to start as the server (with -db)")
	flag.StringVar(&c.db, "db", "", "the record the started server serves; built from -text when missing")
	flag.StringVar(&c.text, "text", "../shared/data/polnear/dev/text", "folder of *.txt articles: the ids asked for, the texts posted, the record ingested")
	flag.StringVar(&c.addr, "addr", "", "a running server to target instead of starting one (loopback only)")
	flag.IntVar(&c.pid, "pid", 0, "with -addr: the server's process id, to read its memory and CPU")
	flag.IntVar(&c.clients, "clients", 200, "concurrent clients with the mixed small requests")
	flag.IntVar(&c.big, "big", 0, "concurrent clients posting large articles meanwhile")
	flag.DurationVar(&c.duration, "duration", 60*time.Second, "how long the clients run (at most 10m)")
	flag.IntVar(&c.smallSize, "small", 5000, "bytes of the articles the mix posts to /v1/extract")
	flag.IntVar(&c.bigSize, "size", 2000000, "bytes of the articles the -big clients post")
	flag.BoolVar(&c.solo, "solo", false, "afterwards, time one large extraction alone")
	flag.BoolVar(&c.abandon, "abandon", false, "afterwards, abandon one large extraction after -leave and time how long the server goes on")
	flag.DurationVar(&c.leave, "leave", time.Second, "with -abandon, how long after posting the client leaves (on 2 MB the tagger and parser take the first 3 to 4 s of CPU, the attributions and speakers the last 2)")
	flag.Uint64Var(&c.seed, "seed", 1, "random seed of the request mix")
	flag.Parse()
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

func run(c config) error {
	if c.duration <= 0 || c.duration > 10*time.Minute {
		return fmt.Errorf("-duration %s: want more than 0 and at most 10m", c.duration)
	}
	if (c.bin == "") == (c.addr == "") {
		return errors.New("give either -bin (with -db) or -addr")
	}
	arts, err := readArticles(c.text)
	if err != nil {
		return err
	}
	// Everything, the server included, ends by this deadline.
	ctx, cancel := context.WithTimeout(context.Background(), c.duration+5*time.Minute)
	defer cancel()
	var srv *server
	if c.bin != "" {
		if srv, err = start(ctx, c); err != nil {
			return err
		}
		defer srv.stop()
		c.addr, c.pid = srv.addr, srv.cmd.Process.Pid
	}
	if err := loopbackOnly(c.addr); err != nil {
		return err
	}
	base := "http://" + c.addr
	client := clientFrom(0)
	names, err := speakerNames(ctx, client, base)
	if err != nil {
		return err
	}
	l := &load{client: client, base: base, arts: arts, names: names,
		small: cutArticles(arts, c.smallSize), big: joinArticles(arts, c.bigSize),
		stats: map[string]*stat{}}
	cpu0 := cpuSeconds(c.pid)
	fmt.Printf("load: %d clients (mix) + %d clients posting %d-byte articles, %s, server %s; load average %s\n", c.clients, c.big, c.bigSize, c.duration, base, loadavg())
	lctx, lcancel := context.WithTimeout(ctx, c.duration)
	var wg sync.WaitGroup
	for i := range c.clients {
		wg.Go(func() { l.mixClient(lctx, clientFrom(i+1), rand.New(rand.NewPCG(c.seed, uint64(i)))) })
	}
	for i := range c.big {
		wg.Go(func() { l.bigClient(lctx, clientFrom(c.clients+i+1)) })
	}
	wg.Wait()
	lcancel()
	fmt.Printf("load average at the end %s\n", loadavg())
	l.report(os.Stdout)
	if srv != nil {
		reportCosts(os.Stdout, srv.costsSince(0))
	}
	if c.pid > 0 {
		fmt.Printf("server: peak RSS (VmHWM) %d MB, CPU %.1f s during the load\n", peakRSS(c.pid)>>20, cpuSeconds(c.pid)-cpu0)
	}
	if c.pid > 0 {
		// Work the server goes on doing for clients that have gone.
		busy, ok := waitIdle(c.pid, 3*time.Minute)
		fmt.Printf("server: busy %.1f s after the clients stopped (idle: %v)\n", busy.Seconds(), ok)
	}
	if c.solo {
		if err := l.solo(ctx, c.pid, srv); err != nil {
			return err
		}
	}
	if c.abandon {
		if srv == nil {
			return errors.New("-abandon needs the server started here (-bin), to read its log")
		}
		waitIdle(c.pid, time.Minute) // so that the extraction starts at once
		if err := l.abandonOne(ctx, srv, c.leave); err != nil {
			return err
		}
	}
	if c.pid > 0 {
		fmt.Printf("server: peak RSS (VmHWM) %d MB at the end\n", peakRSS(c.pid)>>20)
	}
	return nil
}

type article struct{ id, text string }

// clientFrom returns an HTTP client whose connections come from loopback
// address 127.0.0.(2+i) (modulo the range), so that the server, which
// limits each client address, sees each simulated client as its own.
func clientFrom(i int) *http.Client {
	ip := net.IPv4(127, byte(i>>16), byte(i>>8), byte(2+i%250))
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: ip}, Timeout: 10 * time.Second}
	return &http.Client{Transport: &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 4}}
}

func readArticles(dir string) ([]article, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no *.txt articles in %s", dir)
	}
	slices.Sort(files)
	arts := make([]article, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f, err)
		}
		arts = append(arts, article{id: strings.TrimSuffix(filepath.Base(f), ".txt"), text: string(b)})
	}
	return arts, nil
}

// cutArticles returns the articles of at least size bytes cut to size at a
// line end, so that the posted texts are real prose of one length.
func cutArticles(arts []article, size int) []string {
	var out []string
	for _, a := range arts {
		if len(a.text) < size {
			continue
		}
		t := a.text[:size]
		if i := strings.LastIndexByte(t, '\n'); i > size/2 {
			t = t[:i+1]
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		for _, a := range arts {
			out = append(out, a.text)
		}
	}
	return out
}

// joinArticles joins whole articles, paragraph after paragraph, up to size
// bytes: one long text such as a bulk upload would send.
func joinArticles(arts []article, size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(arts[i%len(arts)].text)
		b.WriteString("\n\n")
	}
	t := b.String()[:size]
	if i := strings.LastIndexByte(t, '\n'); i > size/2 {
		t = t[:i+1]
	}
	return t
}

// loopbackOnly refuses any address that is not this machine's loopback.
func loopbackOnly(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, err)
	}
	ips, err := net.LookupIP(host)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, err)
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return fmt.Errorf("address %q is not loopback (%s): load is only run against this machine", addr, ip)
		}
	}
	return nil
}

// server is an `onrecord serve` started here, with its log followed.
type server struct {
	cmd   *exec.Cmd
	addr  string
	mu    sync.Mutex
	lines []string    // request log lines of /v1/extract while watching
	watch atomic.Bool // set by -abandon, when only its request runs
	seen  chan struct{}
	costs []cost // every extraction the log tells the cost of
}

// cost is what the server's log line says an extraction took: its text's
// size, its status, and the CPU time of the thread it ran on (servers
// before this field say nothing).
type cost struct {
	Status int
	Text   int     `json:"text_bytes"`
	CPU    float64 `json:"extract_cpu_ms"`
}

// largeText is the server's threshold of a long text (server.LargeText).
const largeText = 256 << 10

// costsSince returns the costs logged after the first n.
func (s *server) costsSince(n int) []cost {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.costs[min(n, len(s.costs)):])
}

// reportCosts prints the CPU time of the finished extractions of costs,
// short and long texts apart.
func reportCosts(w io.Writer, costs []cost) {
	for _, long := range []bool{false, true} {
		var cpu []float64
		for _, c := range costs {
			if c.Status == http.StatusOK && c.CPU > 0 && (c.Text > largeText) == long {
				cpu = append(cpu, c.CPU)
			}
		}
		if len(cpu) == 0 {
			continue
		}
		slices.Sort(cpu)
		kind := "short texts"
		if long {
			kind = "long texts"
		}
		fmt.Fprintf(w, "server: CPU of an extraction (its thread), %d of %s: p50 %.1f ms, max %.1f ms\n",
			len(cpu), kind, cpu[len(cpu)/2], cpu[len(cpu)-1])
	}
}

func start(ctx context.Context, c config) (*server, error) {
	if c.db == "" {
		return nil, errors.New("-bin needs -db")
	}
	if _, err := os.Stat(c.db); errors.Is(err, os.ErrNotExist) {
		ing := exec.CommandContext(ctx, c.bin, "ingest", "--db", c.db, c.text)
		ing.Stdout, ing.Stderr = os.Stderr, os.Stderr
		if err := ing.Run(); err != nil {
			return nil, fmt.Errorf("ingest %s into %s: %w", c.text, c.db, err)
		}
	}
	s := &server{seen: make(chan struct{}, 1)}
	s.cmd = exec.CommandContext(ctx, c.bin, "serve", "--addr", "127.0.0.1:0", "--db", c.db)
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", c.bin, err)
	}
	ready := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if a, ok := strings.CutPrefix(line, "onrecord: serving on http://"); ok {
				ready <- strings.TrimSuffix(a, "/")
				continue
			}
			if strings.Contains(line, `"extract_cpu_ms"`) {
				var c cost
				if json.Unmarshal([]byte(line), &c) == nil {
					s.mu.Lock()
					s.costs = append(s.costs, c)
					s.mu.Unlock()
				}
			}
			// The request line, written when the handler returns, in
			// this version of the server and in earlier ones.
			if s.watch.Load() && strings.Contains(line, `"msg":"request"`) && strings.Contains(line, `"path":"/v1/extract"`) {
				s.mu.Lock()
				s.lines = append(s.lines, line)
				s.mu.Unlock()
				select {
				case s.seen <- struct{}{}:
				default:
				}
			}
		}
	}()
	select {
	case s.addr = <-ready:
		return s, nil
	case <-time.After(30 * time.Second):
		s.stop()
		return nil, errors.New("the server did not start listening within 30 s")
	}
}

func (s *server) stop() {
	s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		s.cmd.Process.Kill()
		<-done
	}
}

func speakerNames(ctx context.Context, client *http.Client, base string) ([]string, error) {
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/v1/speakers?top=200", nil)
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("list speakers: %w", err)
	}
	defer resp.Body.Close()
	var body struct {
		Speakers []struct{ Name string } `json:"speakers"`
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("list speakers: status %s (is the record empty or missing?)", resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, fmt.Errorf("list speakers: %w", err)
	}
	var names []string
	for _, s := range body.Speakers {
		names = append(names, s.Name)
	}
	if len(names) == 0 {
		return nil, errors.New("list speakers: the record has none")
	}
	return names, nil
}

// stat collects one endpoint's outcomes.
type stat struct {
	lat    []time.Duration
	errors int
	busy   int      // 503 with Retry-After: turned away
	cut    int      // still unanswered when the run ended
	first  []string // the first distinct errors
}

type load struct {
	client *http.Client
	base   string
	arts   []article
	names  []string
	small  []string
	big    string
	mu     sync.Mutex
	stats  map[string]*stat
}

// words are the search terms of /v1/quotes: common words of news quotes.
var words = []string{"economy", "president", "campaign", "voters", "believe", "war", "health", "tax", "police", "immigration", "said", "country", "jobs", "court", "election"}

func (l *load) mixClient(ctx context.Context, client *http.Client, rng *rand.Rand) {
	for ctx.Err() == nil {
		var name string
		var req *http.Request
		switch n := rng.IntN(100); {
		case n < 40:
			name = "quotes"
			v := url.Values{}
			switch rng.IntN(3) {
			case 0:
				v.Set("q", words[rng.IntN(len(words))])
			case 1:
				v.Set("speaker", l.names[rng.IntN(len(l.names))])
			default:
				v.Set("q", words[rng.IntN(len(words))])
				v.Set("since", "2016-01-01")
			}
			req, _ = http.NewRequest("GET", l.base+"/v1/quotes?"+v.Encode(), nil)
		case n < 60:
			name = "speakers"
			req, _ = http.NewRequest("GET", l.base+"/v1/speakers", nil)
		case n < 90:
			name = "articles"
			req, _ = http.NewRequest("GET", l.base+"/v1/articles/"+url.PathEscape(l.arts[rng.IntN(len(l.arts))].id), nil)
		default:
			name = "extract"
			req, _ = http.NewRequest("POST", l.base+"/v1/extract?id=bench", strings.NewReader(l.small[rng.IntN(len(l.small))]))
			req.Header.Set("Content-Type", "text/plain")
		}
		l.wait(ctx, l.do(ctx, client, name, req, 30*time.Second))
	}
}

func (l *load) bigClient(ctx context.Context, client *http.Client) {
	for ctx.Err() == nil {
		req, _ := http.NewRequest("POST", l.base+"/v1/extract?id=bench-big", strings.NewReader(l.big))
		req.Header.Set("Content-Type", "text/plain")
		l.wait(ctx, l.do(ctx, client, "extract-big", req, 120*time.Second))
	}
}

// wait sleeps for d or until ctx ends.
func (l *load) wait(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// do sends req and records its latency or error; a request cut by the end
// of the run is counted apart. It returns the Retry-After of a busy answer.
func (l *load) do(ctx context.Context, client *http.Client, name string, req *http.Request, timeout time.Duration) (retry time.Duration) {
	rctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	start := time.Now()
	resp, err := client.Do(req.WithContext(rctx))
	var msg string
	if err == nil {
		body, rerr := io.ReadAll(resp.Body)
		resp.Body.Close()
		secs, aerr := strconv.Atoi(resp.Header.Get("Retry-After"))
		switch {
		case rerr != nil:
			err = rerr
		case resp.StatusCode == http.StatusServiceUnavailable && aerr == nil && secs > 0:
			retry = time.Duration(secs) * time.Second
		case resp.StatusCode != http.StatusOK:
			msg = fmt.Sprintf("%s: %s", resp.Status, bytes.TrimSpace(body[:min(len(body), 200)]))
		}
	}
	lat := time.Since(start)
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.stats[name]
	if s == nil {
		s = &stat{}
		l.stats[name] = s
	}
	if err != nil {
		if ctx.Err() != nil {
			s.cut++
			return 0
		}
		msg = err.Error()
	}
	s.lat = append(s.lat, lat)
	if retry > 0 {
		s.busy++
	}
	if msg != "" {
		s.errors++
		if len(s.first) < 3 && !slices.Contains(s.first, msg) {
			s.first = append(s.first, msg)
		}
	}
	return retry
}

func (l *load) report(w io.Writer) {
	fmt.Fprintf(w, "%-12s %8s %6s %7s %8s %8s %8s %5s\n", "endpoint", "answered", "busy", "errors", "p50_ms", "p99_ms", "max_ms", "cut")
	var errs []string
	for _, name := range []string{"quotes", "speakers", "articles", "extract", "extract-big"} {
		s := l.stats[name]
		if s == nil {
			continue
		}
		if len(s.lat) == 0 {
			fmt.Fprintf(w, "%-12s %8d %6d %7d %8s %8s %8s %5d\n", name, 0, 0, s.errors, "-", "-", "-", s.cut)
			continue
		}
		slices.Sort(s.lat)
		fmt.Fprintf(w, "%-12s %8d %6d %7d %8.1f %8.1f %8.1f %5d\n", name, len(s.lat), s.busy, s.errors, ms(pct(s.lat, 0.50)), ms(pct(s.lat, 0.99)), ms(s.lat[len(s.lat)-1]), s.cut)
		for _, e := range s.first {
			errs = append(errs, name+": "+e)
		}
	}
	for _, e := range errs {
		fmt.Fprintln(w, "error", e)
	}
}

func pct(sorted []time.Duration, p float64) time.Duration {
	return sorted[min(len(sorted)-1, int(p*float64(len(sorted))))]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// solo times one large extraction with nothing else running: wall time,
// the server's CPU time meanwhile (the garbage collector's included), and
// with srv the CPU time of the extraction's own thread from the log.
func (l *load) solo(ctx context.Context, pid int, srv *server) error {
	cpu0 := cpuSeconds(pid)
	var logged int
	if srv != nil {
		logged = len(srv.costsSince(0))
	}
	start := time.Now()
	req, _ := http.NewRequestWithContext(ctx, "POST", l.base+"/v1/extract?id=bench-solo", strings.NewReader(l.big))
	req.Header.Set("Content-Type", "text/plain")
	resp, err := l.client.Do(req)
	if err != nil {
		return fmt.Errorf("solo extraction: %w", err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	wall, cpu := time.Since(start), cpuSeconds(pid)-cpu0
	thread := ""
	// The log line comes when the handler returns, just after the answer.
	for deadline := time.Now().Add(2 * time.Second); srv != nil && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cs := srv.costsSince(logged); len(cs) > 0 {
			thread = fmt.Sprintf(", %.2f s on its thread", cs[0].CPU/1000)
			break
		}
	}
	fmt.Printf("solo: one %d-byte extraction: %s in %.2f s wall, %.2f s server CPU%s\n", len(l.big), resp.Status, wall.Seconds(), cpu, thread)
	return nil
}

// abandonOne posts a large article, goes away after leave and waits for
// the server's log line of that request, written when the handler returns:
// the time from leaving to that line, and the CPU the server used
// meanwhile, is the work it went on doing for nobody.
func (l *load) abandonOne(ctx context.Context, srv *server, leave time.Duration) error {
	pid := srv.cmd.Process.Pid
	srv.watch.Store(true)
	rctx, cancel := context.WithCancel(ctx)
	req, _ := http.NewRequestWithContext(rctx, "POST", l.base+"/v1/extract?id=bench-abandon", strings.NewReader(l.big))
	req.Header.Set("Content-Type", "text/plain")
	done := make(chan struct{})
	go func() {
		if resp, err := l.client.Do(req); err == nil {
			resp.Body.Close()
		}
		close(done)
	}()
	time.Sleep(leave)
	cancel()
	left, cpu0 := time.Now(), cpuSeconds(pid)
	<-done
	select {
	case <-srv.seen:
	case <-time.After(3 * time.Minute):
		return errors.New("abandon: no log line of the abandoned request within 3 minutes")
	}
	stopped, cpu := time.Since(left), cpuSeconds(pid)-cpu0
	srv.mu.Lock()
	line := srv.lines[0]
	srv.mu.Unlock()
	fmt.Printf("abandon: a %d-byte extraction left after %s: the server logged it %.2f s later, %.2f s of CPU meanwhile: %s\n", len(l.big), leave, stopped.Seconds(), cpu, line)
	return nil
}

// waitIdle waits until the process uses next to no CPU (under a fifth of a
// core for three tenths of a second in a row) and returns how long it was
// busy, or gives up after max.
func waitIdle(pid int, max time.Duration) (time.Duration, bool) {
	const tick = 100 * time.Millisecond
	start := time.Now()
	prev, quiet := cpuSeconds(pid), 0
	for time.Since(start) < max {
		time.Sleep(tick)
		cur := cpuSeconds(pid)
		if cur-prev < 0.02 {
			quiet++
		} else {
			quiet = 0
		}
		prev = cur
		if quiet == 3 {
			return time.Since(start) - 3*tick, true
		}
	}
	return time.Since(start), false
}

// peakRSS reads the process's peak resident set (VmHWM) in bytes.
func peakRSS(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(v)
			if len(f) > 0 {
				kb, _ := strconv.ParseInt(f[0], 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}

// cpuSeconds reads the process's user and system CPU time.
func cpuSeconds(pid int) float64 {
	if pid <= 0 {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The fields after the command name, which is in parentheses.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseFloat(f[11], 64)
	st, _ := strconv.ParseFloat(f[12], 64)
	return (ut + st) / 100 // clock ticks; 100 a second on Linux
}

// loadavg is the machine's 1-, 5- and 15-minute load average: on a shared
// machine, how much else ran.
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}
