// Package postgres is the quote record in a PostgreSQL database: the same
// behaviour as package sqlite, for stores shared by several users, with
// full-text search over a tsvector column indexed by GIN.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/record"
)

// Store is an onrecord.Store in a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
}

var _ onrecord.Store = (*Store)(nil)

// Advisory lock keys: one for creating the schema, one that serialises Puts
// so that two writers never create the same speaker twice.
const (
	lockSchema = 0x6f6e7265636f7201
	lockPut    = 0x6f6e7265636f7202
)

// Open connects to the database at dsn ("postgres://user:pass@host/db",
// any libpq-style parameters, e.g. search_path) and creates the tables in
// its current schema when absent.
func Open(ctx context.Context, dsn string) (onrecord.Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres %s@%s: %w", cfg.ConnConfig.Database, cfg.ConnConfig.Host, err)
	}
	s := &Store{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres %s@%s: %w", cfg.ConnConfig.Database, cfg.ConnConfig.Host, err)
	}
	return s, nil
}

// Byte-order collation ("C") keeps dates and names ordered as in SQLite,
// whatever the database's locale.
const schema = `
CREATE TABLE IF NOT EXISTS articles(
	id text PRIMARY KEY,
	date text COLLATE "C" NOT NULL,
	hash text NOT NULL,
	text text NOT NULL,
	body_start integer NOT NULL,
	body_end integer NOT NULL
);
CREATE TABLE IF NOT EXISTS speakers(
	id bigserial PRIMARY KEY,
	name text COLLATE "C" NOT NULL,
	type text NOT NULL,
	first text NOT NULL,
	surname text NOT NULL
);
CREATE INDEX IF NOT EXISTS speakers_surname ON speakers(surname);
CREATE TABLE IF NOT EXISTS aliases(
	name text COLLATE "C" PRIMARY KEY,
	key text NOT NULL,
	speaker_id bigint NOT NULL REFERENCES speakers(id)
);
CREATE INDEX IF NOT EXISTS aliases_key ON aliases(key);
CREATE INDEX IF NOT EXISTS aliases_speaker ON aliases(speaker_id);
CREATE TABLE IF NOT EXISTS quotes(
	id bigserial PRIMARY KEY,
	key text NOT NULL UNIQUE,
	content text NOT NULL,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', content)) STORED,
	first_occ bigint NOT NULL DEFAULT 0,
	first_date text COLLATE "C" NOT NULL DEFAULT '',
	articles integer NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS quotes_first ON quotes(first_date, id);
CREATE INDEX IF NOT EXISTS quotes_tsv ON quotes USING gin(tsv);
CREATE TABLE IF NOT EXISTS occurrences(
	id bigserial PRIMARY KEY,
	article_id text NOT NULL REFERENCES articles(id),
	seq integer NOT NULL,
	quote_id bigint NOT NULL REFERENCES quotes(id),
	speaker_id bigint REFERENCES speakers(id),
	kind text NOT NULL,
	confidence double precision NOT NULL,
	date text COLLATE "C" NOT NULL,
	content text NOT NULL,
	source text NOT NULL,
	cue text NOT NULL,
	spans jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS occurrences_article ON occurrences(article_id);
CREATE INDEX IF NOT EXISTS occurrences_quote ON occurrences(quote_id);
CREATE INDEX IF NOT EXISTS occurrences_speaker ON occurrences(speaker_id);
CREATE INDEX IF NOT EXISTS occurrences_date ON occurrences(date);
`

func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin schema: %w", err)
	}
	defer tx.Rollback(ctx)
	// Concurrent CREATE ... IF NOT EXISTS can still collide in PostgreSQL.
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(lockSchema)); err != nil {
		return fmt.Errorf("lock schema: %w", err)
	}
	if _, err := tx.Exec(ctx, schema); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("commit schema: %w", err)
	}
	return nil
}

// Close closes the connections.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// clean makes s storable as PostgreSQL text, which refuses NUL and invalid
// UTF-8: each such byte becomes U+FFFD, so code-point offsets still hold.
func clean(s string) string {
	ok := !strings.ContainsRune(s, 0) && utf8.ValidString(s)
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s { // an invalid byte ranges as one utf8.RuneError
		if r == 0 {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Has reports whether article id is stored with exactly this text.
func (s *Store) Has(ctx context.Context, id, text string) (bool, error) {
	var hash string
	err := s.pool.QueryRow(ctx, `SELECT hash FROM articles WHERE id = $1`, clean(id)).Scan(&hash)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("has %s: %w", id, err)
	}
	return hash == record.TextHash(text), nil
}

// Put stores d and its attributions in one transaction.
func (s *Store) Put(ctx context.Context, d *onrecord.Document) (bool, error) {
	if err := record.Check(d); err != nil {
		return false, err
	}
	// The hash is of the text as given, so that Has answers for it.
	hash := record.TextHash(d.Text)
	cd := &onrecord.Document{ID: clean(d.ID), Date: d.Date, Text: clean(d.Text), Body: d.Body, Quotes: d.Quotes}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return false, fmt.Errorf("put %s: begin: %w", d.ID, err)
	}
	defer tx.Rollback(ctx)
	changed, err := put(ctx, tx, cd, hash)
	if err != nil {
		return false, fmt.Errorf("put %s: %w", d.ID, err)
	}
	if !changed {
		return false, nil
	}
	if err := tx.Commit(ctx); err != nil {
		return false, fmt.Errorf("put %s: commit: %w", d.ID, err)
	}
	return true, nil
}

func put(ctx context.Context, tx pgx.Tx, d *onrecord.Document, hash string) (bool, error) {
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(lockPut)); err != nil {
		return false, fmt.Errorf("lock: %w", err)
	}
	var old string
	var touched []int64 // quotes whose first occurrence and count may change
	err := tx.QueryRow(ctx, `SELECT hash FROM articles WHERE id = $1`, d.ID).Scan(&old)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		_, err = tx.Exec(ctx, `INSERT INTO articles(id, date, hash, text, body_start, body_end) VALUES($1, $2, $3, $4, $5, $6)`,
			d.ID, d.Date, hash, d.Text, d.Body.Start, d.Body.End)
	case err != nil:
		return false, err
	case old == hash:
		return false, nil
	default:
		if touched, err = dropQuotes(ctx, tx, d.ID); err != nil {
			return false, err
		}
		_, err = tx.Exec(ctx, `UPDATE articles SET date = $1, hash = $2, text = $3, body_start = $4, body_end = $5 WHERE id = $6`,
			d.Date, hash, d.Text, d.Body.Start, d.Body.End, d.ID)
	}
	if err != nil {
		return false, fmt.Errorf("write article: %w", err)
	}
	r := writer{lookup{tx}, tx}
	for i := range d.Quotes {
		a := &d.Quotes[i]
		o, err := record.NewOccurrence(d, a)
		if err != nil {
			return false, err
		}
		if o.Key == "" {
			continue // nothing to search or match
		}
		var qid int64
		err = tx.QueryRow(ctx, `WITH ins AS (INSERT INTO quotes(key, content) VALUES($1, $2) ON CONFLICT(key) DO NOTHING RETURNING id)
			SELECT id FROM ins UNION ALL SELECT id FROM quotes WHERE key = $1`, o.Key, o.Content).Scan(&qid)
		if err != nil {
			return false, fmt.Errorf("quote: %w", err)
		}
		touched = append(touched, qid)
		var sid *int64
		if a.Speaker != nil {
			// PostgreSQL text refuses what clean replaces.
			id, err := record.Resolve(ctx, r, &onrecord.Speaker{Name: clean(a.Speaker.Name), Type: clean(a.Speaker.Type)})
			if err != nil {
				return false, err
			}
			if id != 0 {
				sid = &id
			}
		}
		_, err = tx.Exec(ctx, `INSERT INTO occurrences(article_id, seq, quote_id, speaker_id, kind, confidence, date, content, source, cue, spans)
			VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			d.ID, i, qid, sid, clean(string(a.Kind)), a.Confidence, d.Date, o.Content, o.Source, o.Cue, o.Spans)
		if err != nil {
			return false, fmt.Errorf("insert occurrence: %w", err)
		}
	}
	// Kept on the quote so that searches without per-occurrence filters
	// need not rank occurrences.
	_, err = tx.Exec(ctx, `UPDATE quotes q SET
		(first_occ, first_date) = (SELECT id, date FROM occurrences WHERE quote_id = q.id ORDER BY date = '', date, id LIMIT 1),
		articles = (SELECT COUNT(DISTINCT article_id) FROM occurrences WHERE quote_id = q.id)
		WHERE q.id = ANY($1)`, touched)
	if err != nil {
		return false, fmt.Errorf("update quotes: %w", err)
	}
	return true, nil
}

// dropQuotes deletes an article's occurrences and the quotes no other
// article reports, and returns the quotes that other articles still report.
func dropQuotes(ctx context.Context, tx pgx.Tx, id string) ([]int64, error) {
	// The statement sees the occurrences as before it, hence article_id <> $1.
	rows, err := tx.Query(ctx, `WITH gone AS (DELETE FROM occurrences WHERE article_id = $1 RETURNING quote_id),
		orphans AS (DELETE FROM quotes q WHERE q.id IN (SELECT quote_id FROM gone)
			AND NOT EXISTS (SELECT 1 FROM occurrences o WHERE o.quote_id = q.id AND o.article_id <> $1) RETURNING id)
		SELECT DISTINCT quote_id FROM gone WHERE quote_id NOT IN (SELECT id FROM orphans)`, id)
	if err != nil {
		return nil, fmt.Errorf("delete old quotes: %w", err)
	}
	qids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("delete old quotes: %w", err)
	}
	return qids, nil
}

// Article returns the stored document id.
func (s *Store) Article(ctx context.Context, id string) (*onrecord.Document, error) {
	d := &onrecord.Document{ID: id}
	err := s.pool.QueryRow(ctx, `SELECT date, text, body_start, body_end FROM articles WHERE id = $1`, clean(id)).
		Scan(&d.Date, &d.Text, &d.Body.Start, &d.Body.End)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, onrecord.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	rows, err := s.pool.Query(ctx, `SELECT o.kind, o.confidence, o.spans, s.name, s.type
		FROM occurrences o LEFT JOIN speakers s ON s.id = o.speaker_id
		WHERE o.article_id = $1 ORDER BY o.seq`, clean(id))
	if err != nil {
		return nil, fmt.Errorf("article %s quotes: %w", id, err)
	}
	defer rows.Close()
	if d.Quotes, err = record.ScanAttributions(rows); err != nil {
		return nil, fmt.Errorf("article %s quotes: %w", id, err)
	}
	return d, nil
}

// Speakers returns the top speakers by quotes, then articles.
func (s *Store) Speakers(ctx context.Context, top int) ([]onrecord.SpeakerStat, error) {
	var limit *int
	if top > 0 {
		limit = &top
	}
	rows, err := s.pool.Query(ctx, `SELECT s.name, s.type, COUNT(DISTINCT o.quote_id) AS nq, COUNT(DISTINCT o.article_id) AS na,
			ARRAY(SELECT a.name FROM aliases a WHERE a.speaker_id = s.id ORDER BY a.name)
		FROM speakers s JOIN occurrences o ON o.speaker_id = s.id
		GROUP BY s.id ORDER BY nq DESC, na DESC, s.name, s.id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	defer rows.Close()
	var out []onrecord.SpeakerStat
	for rows.Next() {
		var st onrecord.SpeakerStat
		if err := rows.Scan(&st.Name, &st.Type, &st.Quotes, &st.Articles, &st.Aliases); err != nil {
			return nil, fmt.Errorf("speakers: %w", err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	return out, nil
}

// params numbers query parameters as they are added.
type params []any

func (p *params) add(v any) string {
	*p = append(*p, v)
	return "$" + strconv.Itoa(len(*p))
}
