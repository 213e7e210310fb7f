package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/output"
	"github.com/onrecord/onrecord/pipeline"
	"github.com/onrecord/onrecord/postgres"
	"github.com/onrecord/onrecord/server"
	"github.com/onrecord/onrecord/sqlite"
)

const defaultDB = "onrecord.db"

// openStore picks the backend by the DSN: postgres:// URLs go to
// PostgreSQL, anything else is an SQLite file.
func openStore(ctx context.Context, dsn string) (onrecord.Store, error) {
	if isPostgres(dsn) {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}

// openRecord opens an existing record for the commands that read it: a
// mistyped SQLite path is an error instead of a new, empty record.
func openRecord(ctx context.Context, dsn string) (onrecord.Store, error) {
	if !isPostgres(dsn) {
		if _, err := os.Stat(dsn); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no record at %s: check --db, or create it with onrecord ingest --db %s", dsn, dsn)
		}
	}
	return openStore(ctx, dsn)
}

func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// redact hides the password of a postgres:// URL, for printing.
func redact(dsn string) string {
	if !isPostgres(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://…" // unparsable: the password cannot be found to hide
	}
	return u.Redacted()
}

// noArgs rejects positional arguments for a command that takes none.
func noArgs(name string, args []string) error {
	if len(args) > 0 {
		return usageErr("%s takes no arguments, got %q", name, strings.Join(args, " "))
	}
	return nil
}

func runIngest(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flags("ingest", stderr)
	var in inputFlags
	in.register(fs)
	db := fs.String("db", defaultDB, "the quote record: an SQLite file or a postgres:// URL")
	args, err := parse(fs, args)
	if err != nil {
		return err
	}
	docs, err := in.documents(args, stdin, stderr)
	if err != nil {
		return err
	}
	ctx, cancel := interruptible()
	defer cancel()
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	// Articles already stored with the same text are not extracted again,
	// so a rerun after an interruption only does what is left.
	skipped := 0
	fresh := func(yield func(*onrecord.Document, error) bool) {
		for d, err := range docs {
			if err == nil {
				has, herr := st.Has(ctx, d.ID, d.Text)
				if herr != nil {
					err = fmt.Errorf("%s: %w", d.ID, herr)
				} else if has {
					skipped++
					continue
				}
			}
			if !yield(d, err) {
				return
			}
		}
	}
	start := time.Now()
	stored, changed := 0, 0
	err = process(ctx, p.Extract, iter.Seq2[*onrecord.Document, error](fresh), in.jobs, stderr, func(d *onrecord.Document) error {
		ch, err := st.Put(ctx, d)
		if err != nil {
			return fmt.Errorf("store %s: %w", d.ID, err)
		}
		stored++
		if ch {
			changed++
		}
		return nil
	})
	secs := time.Since(start).Seconds()
	fmt.Fprintf(stderr, "ingested %d articles (%d new or changed, %d already stored) into %s in %.1fs, %.1f articles/s\n",
		stored, changed, skipped, redact(*db), secs, float64(stored)/max(secs, 1e-9))
	return err
}

func runSearch(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flags("search", stderr)
	db := fs.String("db", defaultDB, "the quote record: an SQLite file or a postgres:// URL")
	var q onrecord.Query
	fs.StringVar(&q.Speaker, "speaker", "", "only quotes of speakers with these name words: Clinton (every Clinton), \"Hillary Clinton\"")
	since := fs.String("since", "", "only articles dated on or after YYYY-MM-DD")
	until := fs.String("until", "", "only articles dated on or before YYYY-MM-DD")
	kind := fs.String("kind", "", "only direct, indirect or mixed quotes")
	fs.IntVar(&q.Limit, "limit", onrecord.DefaultLimit, "at most this many quotes")
	fs.Float64Var(&q.MinConfidence, "min-confidence", 0, "only attributions of at least this confidence (0 to 1)")
	format := fs.String("format", "", "output: jsonl (default when stdout is not a terminal), text (default on a terminal) or csv")
	args, err := parse(fs, args)
	if err != nil {
		return err
	}
	q.Words = strings.Join(args, " ")
	for _, d := range []struct {
		s string
		t *time.Time
	}{{*since, &q.Since}, {*until, &q.Until}} {
		if d.s == "" {
			continue
		}
		if *d.t, err = time.Parse(time.DateOnly, d.s); err != nil {
			return fmt.Errorf("%w: bad date %q, want YYYY-MM-DD", errUsage, d.s)
		}
	}
	if q.MinConfidence < 0 || q.MinConfidence > 1 {
		return fmt.Errorf("%w: --min-confidence must be between 0 and 1", errUsage)
	}
	if *format == "" {
		*format = "jsonl"
		if isTerminal(stdout) {
			*format = "text"
		}
	}
	w, err := output.NewHits(*format, stdout, output.Options{Color: isTerminal(stdout)})
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	switch onrecord.Kind(*kind) {
	case "", onrecord.Direct, onrecord.Indirect, onrecord.Mixed:
		q.Kind = onrecord.Kind(*kind)
	default:
		return fmt.Errorf("%w: --kind must be direct, indirect or mixed", errUsage)
	}
	ctx := context.Background()
	st, err := openRecord(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, _, err := st.Search(ctx, q)
	if errors.Is(err, onrecord.ErrBadQuery) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err != nil {
		return err
	}
	for _, h := range hits {
		if err := w.Write(h); err != nil {
			return err
		}
	}
	return w.Close()
}

func runSpeakers(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flags("speakers", stderr)
	db := fs.String("db", defaultDB, "the quote record: an SQLite file or a postgres:// URL")
	top := fs.Int("top", 20, "how many speakers (0: all)")
	args, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs("speakers", args); err != nil {
		return err
	}
	ctx := context.Background()
	st, err := openRecord(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	stats, err := st.Speakers(ctx, *top)
	if err != nil {
		return err
	}
	if isTerminal(stdout) {
		for _, s := range stats {
			fmt.Fprintf(stdout, "%-30s %-12s %5d quotes %5d articles  %s\n", s.Name, s.Type, s.Quotes, s.Articles, strings.Join(s.Aliases, ", "))
		}
		return nil
	}
	enc := json.NewEncoder(stdout)
	for _, s := range stats {
		if err := enc.Encode(s); err != nil {
			return err
		}
	}
	return nil
}

func runServe(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flags("serve", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	db := fs.String("db", defaultDB, "the quote record: an SQLite file or a postgres:// URL (\"\" to serve extraction only)")
	create := fs.Bool("create", false, "create the SQLite record when it does not exist")
	var opt server.Options
	fs.Func("allow-host", "a host name clients may use besides loopback ones (repeat, or comma-separated)", func(v string) error {
		opt.AllowHosts = append(opt.AllowHosts, strings.Split(v, ",")...)
		return nil
	})
	args, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs("serve", args); err != nil {
		return err
	}
	setMemoryLimit(serveMemoryLimit)
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	var st onrecord.Store
	if *db != "" {
		open := openRecord
		if *create {
			open = openStore
		}
		if st, err = open(ctx, *db); err != nil {
			return err
		}
		defer st.Close()
	}
	srv := server.NewServer(*addr, server.New(p, st, log, opt))
	return server.Run(ctx, srv, log, func(a string) {
		fmt.Fprintf(stderr, "onrecord: serving on http://%s/\n", a)
	})
}
