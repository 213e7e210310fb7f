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
	if !strings.Contains(dsn, "pool_max_conns") {
		// A server with hundreds of clients queues them here rather than
		// at PostgreSQL.
		cfg.MaxConns = int32(record.PoolSize())
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
	head text NOT NULL UNIQUE,
	name text COLLATE "C" NOT NULL,
	type text COLLATE "C" NOT NULL
);
CREATE TABLE IF NOT EXISTS forms(
	id bigserial PRIMARY KEY,
	display text COLLATE "C" NOT NULL,
	type text COLLATE "C" NOT NULL,
	key text NOT NULL,
	first text NOT NULL,
	surname text NOT NULL,
	full_name text COLLATE "C" NOT NULL,
	head text COLLATE "C" NOT NULL,
	n integer NOT NULL,
	UNIQUE(display, type)
);
CREATE INDEX IF NOT EXISTS forms_head ON forms(head);
CREATE INDEX IF NOT EXISTS forms_surname ON forms(surname, type);
CREATE TABLE IF NOT EXISTS quotes(
	id bigserial PRIMARY KEY,
	key text NOT NULL,
	content text NOT NULL,
	tsv tsvector NOT NULL DEFAULT '',
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
	form_id bigint,
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

// indexes are made once migrateSpeakers has added the columns they index.
// A quote's key is unique by its hash: a btree entry holds at most 2704
// bytes, less than a long quotation's key (records made before had the
// key itself unique, and refused such quotes).
const indexes = `CREATE INDEX IF NOT EXISTS occurrences_form ON occurrences(form_id);
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS key_hash text GENERATED ALWAYS AS (md5(key)) STORED;
ALTER TABLE quotes DROP CONSTRAINT IF EXISTS quotes_key_key;
CREATE UNIQUE INDEX IF NOT EXISTS quotes_key_hash ON quotes(key_hash);`

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
	if err := reindex(ctx, tx); err != nil {
		return fmt.Errorf("reindex quotes: %w", err)
	}
	if err := migrateSpeakers(ctx, tx); err != nil {
		return fmt.Errorf("migrate speakers: %w", err)
	}
	if _, err := tx.Exec(ctx, indexes); err != nil {
		return fmt.Errorf("create indexes: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("commit schema: %w", err)
	}
	return nil
}

// reindex moves a record made before the search terms, whose tsv column
// PostgreSQL generated with its own parser and stemmer, to the terms of
// record.TSVector.
func reindex(ctx context.Context, tx pgx.Tx) error {
	var old bool
	err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = 'quotes' AND column_name = 'tsv' AND is_generated = 'ALWAYS')`).Scan(&old)
	if err != nil || !old {
		return err
	}
	if _, err := tx.Exec(ctx, `ALTER TABLE quotes DROP COLUMN tsv; ALTER TABLE quotes ADD COLUMN tsv tsvector NOT NULL DEFAULT ''`); err != nil {
		return err
	}
	rows, err := tx.Query(ctx, `SELECT id, content FROM quotes`)
	if err != nil {
		return err
	}
	var id int64
	var content string
	var ids []int64
	var tsvs []string
	if _, err := pgx.ForEachRow(rows, []any{&id, &content}, func() error {
		ids, tsvs = append(ids, id), append(tsvs, record.TSVector(content))
		return nil
	}); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE quotes q SET tsv = t.tsv::tsvector FROM unnest($1::bigint[], $2::text[]) AS t(id, tsv) WHERE q.id = t.id`, ids, tsvs); err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `CREATE INDEX IF NOT EXISTS quotes_tsv ON quotes USING gin(tsv)`)
	return err
}

// migrateSpeakers moves a record made before speaker forms, whose speakers
// took the name and type of the first attribution met, to forms, as
// record.Migrate does.
func migrateSpeakers(ctx context.Context, tx pgx.Tx) error {
	var old bool
	err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_name = 'aliases')`).Scan(&old)
	if err != nil || !old {
		return err
	}
	if _, err := tx.Exec(ctx, `ALTER TABLE occurrences ADD COLUMN form_id bigint`); err != nil {
		return err
	}
	rows, err := tx.Query(ctx, `SELECT s.id, s.name, s.type, COUNT(*)::int FROM speakers s JOIN occurrences o ON o.speaker_id = s.id GROUP BY s.id ORDER BY s.id`)
	if err != nil {
		return err
	}
	var o record.OldSpeaker
	var olds []record.OldSpeaker
	if _, err := pgx.ForEachRow(rows, []any{&o.ID, &o.Name, &o.Type, &o.N}, func() error {
		olds = append(olds, o)
		return nil
	}); err != nil {
		return err
	}
	return record.Migrate(ctx, writer{lookup{tx}, tx}, olds, func(old, form int64) error {
		_, err := tx.Exec(ctx, `UPDATE occurrences SET form_id = $1 WHERE speaker_id = $2`, form, old)
		return err
	}, func() error {
		_, err := tx.Exec(ctx, `UPDATE occurrences SET speaker_id = NULL; DROP TABLE aliases; DROP TABLE speakers CASCADE;`+schema+
			`ALTER TABLE occurrences ADD FOREIGN KEY (speaker_id) REFERENCES speakers(id)`)
		return err
	})
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
	return record.Has(ctx, lookup{s.pool}, clean(id), text)
}

// Put stores d and its attributions in one transaction.
func (s *Store) Put(ctx context.Context, d *onrecord.Document) (bool, error) {
	if err := record.Check(d); err != nil {
		return false, err
	}
	// The hash is of the text as given, so that Has answers for it.
	hash := record.TextHash(d.Text)
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return false, fmt.Errorf("put %s: begin: %w", d.ID, err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(lockPut)); err != nil {
		return false, fmt.Errorf("put %s: lock: %w", d.ID, err)
	}
	changed, err := record.Put(ctx, writer{lookup{tx}, tx}, cleanDoc(d), hash)
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

// cleanDoc is d with every text it stores cleaned; offsets do not move.
func cleanDoc(d *onrecord.Document) *onrecord.Document {
	cd := &onrecord.Document{ID: clean(d.ID), Date: d.Date, Text: clean(d.Text), Body: d.Body}
	cd.Quotes = make([]onrecord.Attribution, len(d.Quotes))
	for i, a := range d.Quotes {
		a.Kind = onrecord.Kind(clean(string(a.Kind)))
		if a.Speaker != nil {
			a.Speaker = &onrecord.Speaker{Name: clean(a.Speaker.Name), Type: clean(a.Speaker.Type)}
		}
		cd.Quotes[i] = a
	}
	return cd
}

// The statements of Article and Speakers (their plans are checked in
// TestReadsUseIndexes).
const (
	articleSQL       = `SELECT date, text, body_start, body_end FROM articles WHERE id = $1`
	articleQuotesSQL = `SELECT o.kind, o.confidence, o.spans, s.name, s.type
		FROM occurrences o LEFT JOIN speakers s ON s.id = o.speaker_id
		WHERE o.article_id = $1 ORDER BY o.seq`
	speakersSQL = `SELECT s.name, s.type, COUNT(DISTINCT o.quote_id) AS nq, COUNT(DISTINCT o.article_id) AS na,
			ARRAY(SELECT DISTINCT f.display FROM forms f WHERE f.head = s.head AND f.n > 0 ORDER BY f.display)
		FROM speakers s JOIN occurrences o ON o.speaker_id = s.id
		GROUP BY s.id ORDER BY nq DESC, na DESC, s.name, s.head COLLATE "C" LIMIT $1`
)

// Article returns the stored document id.
func (s *Store) Article(ctx context.Context, id string) (*onrecord.Document, error) {
	d := &onrecord.Document{ID: id}
	err := s.pool.QueryRow(ctx, articleSQL, clean(id)).
		Scan(&d.Date, &d.Text, &d.Body.Start, &d.Body.End)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, onrecord.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	rows, err := s.pool.Query(ctx, articleQuotesSQL, clean(id))
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
	rows, err := s.pool.Query(ctx, speakersSQL, limit)
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
