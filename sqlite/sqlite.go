// Package sqlite is the embedded quote record: one SQLite database file in
// WAL mode, written one transaction per article, with an FTS5 index over the
// quotations. A process killed at any moment leaves the file consistent;
// re-putting the same documents completes the work.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/record"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is an onrecord.Store in one SQLite file.
type Store struct {
	db    *sql.DB
	turns turns    // one a connection, taken by every call
	read  *stmts   // the queries of the read calls, prepared once
	ans   *answers // of Article and Search, while the record is unchanged
}

var _ onrecord.Store = (*Store)(nil)

// pragmas make every connection wait for a writer instead of failing
// (busy_timeout), keep readers and the writer apart (WAL), and start write
// transactions with the write lock held (_txlock=immediate) so that two
// writers never deadlock upgrading a read lock. synchronous=NORMAL is
// crash-safe in WAL mode: a killed process loses nothing committed; only a
// power cut may lose the last transactions, never consistency.
const pragmas = "_pragma=busy_timeout(30000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_txlock=immediate"

// Open opens (creating if needed) the database at dsn: a file path,
// optionally prefixed with "sqlite:" or "file:".
func Open(ctx context.Context, dsn string) (onrecord.Store, error) {
	path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite://"), "sqlite:")
	if path == "" {
		return nil, errors.New("open sqlite: empty path")
	}
	if !strings.HasPrefix(path, "file:") {
		path = "file:" + path
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	db, err := sql.Open("sqlite", path+sep+pragmas)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", dsn, err)
	}
	ans, err := newAnswers(ctx, path+sep+pragmas)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", dsn, err)
	}
	// An unbounded pool opened a connection (and a page cache) per
	// concurrent request. Idle connections are kept, so that a busy server
	// does not reopen them (pragmas, schema) request after request.
	n := record.PoolSize()
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	s := &Store{db: db, turns: make(turns, n), read: newStmts(db), ans: ans}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", dsn, err)
	}
	return s, nil
}

const schema = `
CREATE TABLE IF NOT EXISTS articles(
	id TEXT PRIMARY KEY,
	date TEXT NOT NULL,
	hash TEXT NOT NULL,
	text TEXT NOT NULL,
	body_start INTEGER NOT NULL,
	body_end INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS speakers(
	id INTEGER PRIMARY KEY,
	head TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	type TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS forms(
	id INTEGER PRIMARY KEY,
	display TEXT NOT NULL,
	type TEXT NOT NULL,
	key TEXT NOT NULL,
	first TEXT NOT NULL,
	surname TEXT NOT NULL,
	full_name TEXT NOT NULL,
	head TEXT NOT NULL,
	n INTEGER NOT NULL,
	UNIQUE(display, type)
);
CREATE INDEX IF NOT EXISTS forms_head ON forms(head);
CREATE INDEX IF NOT EXISTS forms_surname ON forms(surname, type);
CREATE TABLE IF NOT EXISTS quotes(
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE,
	content TEXT NOT NULL,
	first_occ INTEGER NOT NULL DEFAULT 0,
	first_date TEXT NOT NULL DEFAULT '',
	articles INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS quotes_first ON quotes(first_date, id);
CREATE VIRTUAL TABLE IF NOT EXISTS quote_terms USING fts5(terms, tokenize='ascii');
CREATE TABLE IF NOT EXISTS occurrences(
	id INTEGER PRIMARY KEY,
	article_id TEXT NOT NULL REFERENCES articles(id),
	seq INTEGER NOT NULL,
	quote_id INTEGER NOT NULL REFERENCES quotes(id),
	speaker_id INTEGER REFERENCES speakers(id),
	form_id INTEGER,
	kind TEXT NOT NULL,
	confidence REAL NOT NULL,
	date TEXT NOT NULL,
	content TEXT NOT NULL,
	source TEXT NOT NULL,
	cue TEXT NOT NULL,
	spans TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS occurrences_article ON occurrences(article_id);
CREATE INDEX IF NOT EXISTS occurrences_quote ON occurrences(quote_id);
CREATE INDEX IF NOT EXISTS occurrences_speaker ON occurrences(speaker_id);
CREATE INDEX IF NOT EXISTS occurrences_date ON occurrences(date);
`

// indexes are made once migrateSpeakers has added the columns they index.
const indexes = `CREATE INDEX IF NOT EXISTS occurrences_form ON occurrences(form_id);`

func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin schema: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, schema); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	if err := reindex(ctx, tx); err != nil {
		return fmt.Errorf("reindex quotes: %w", err)
	}
	if err := migrateSpeakers(ctx, tx); err != nil {
		return fmt.Errorf("migrate speakers: %w", err)
	}
	if _, err := tx.ExecContext(ctx, indexes); err != nil {
		return fmt.Errorf("create indexes: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit schema: %w", err)
	}
	return nil
}

// reindex moves a record made before the search terms (its FTS5 index,
// quotes_fts, tokenized by SQLite itself) to the quote_terms index.
func reindex(ctx context.Context, tx *sql.Tx) error {
	var old int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE name = 'quotes_fts'`).Scan(&old); err != nil || old == 0 {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, content FROM quotes`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var content string
		if err := rows.Scan(&id, &content); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO quote_terms(rowid, terms) VALUES(?, ?)`, id, record.IndexText(content)); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DROP TABLE quotes_fts`)
	return err
}

// migrateSpeakers moves a record made before speaker forms, whose speakers
// took the name and type of the first attribution met, to forms: each old
// speaker becomes a form counted as many times as it was quoted, and the
// speakers are resolved again from the forms.
func migrateSpeakers(ctx context.Context, tx *sql.Tx) error {
	var old int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE name = 'aliases'`).Scan(&old); err != nil || old == 0 {
		return err
	}
	stmts := func(ss ...string) error {
		for _, st := range ss {
			if _, err := tx.ExecContext(ctx, st); err != nil {
				return err
			}
		}
		return nil
	}
	err := stmts(`ALTER TABLE occurrences ADD COLUMN form_id INTEGER`,
		`CREATE TEMP TABLE old_speakers AS SELECT s.id, s.name, s.type, COUNT(*) AS n FROM speakers s JOIN occurrences o ON o.speaker_id = s.id GROUP BY s.id`)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, name, type, n FROM old_speakers ORDER BY id`)
	if err != nil {
		return err
	}
	var olds []record.OldSpeaker
	for rows.Next() {
		var o record.OldSpeaker
		if err := rows.Scan(&o.ID, &o.Name, &o.Type, &o.N); err != nil {
			rows.Close()
			return err
		}
		olds = append(olds, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return record.Migrate(ctx, writer{lookup{tx}, tx}, olds, func(old, form int64) error {
		_, err := tx.ExecContext(ctx, `UPDATE occurrences SET form_id = ? WHERE speaker_id = ?`, form, old)
		return err
	}, func() error {
		return stmts(`UPDATE occurrences SET speaker_id = NULL`, `DROP TABLE aliases`, `DROP TABLE speakers`, `DROP TABLE old_speakers`, schema)
	})
}

// Close closes the database.
func (s *Store) Close() error {
	s.read.close()
	s.ans.close()
	return s.db.Close()
}

// Has reports whether article id is stored with exactly this text.
func (s *Store) Has(ctx context.Context, id, text string) (bool, error) {
	if err := s.turns.enter(ctx); err != nil {
		return false, fmt.Errorf("has %s: %w", id, err)
	}
	defer s.turns.leave()
	return record.Has(ctx, lookup{s.read}, id, text)
}

// Put stores d and its attributions in one transaction.
func (s *Store) Put(ctx context.Context, d *onrecord.Document) (bool, error) {
	if err := record.Check(d); err != nil {
		return false, err
	}
	if err := s.turns.enter(ctx); err != nil {
		return false, fmt.Errorf("put %s: %w", d.ID, err)
	}
	defer s.turns.leave()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("put %s: begin: %w", d.ID, err)
	}
	defer tx.Rollback()
	changed, err := record.Put(ctx, writer{lookup{tx}, tx}, d, record.TextHash(d.Text))
	if err != nil {
		return false, fmt.Errorf("put %s: %w", d.ID, err)
	}
	if !changed {
		return false, nil
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("put %s: commit: %w", d.ID, err)
	}
	return true, nil
}

// The statements of Article and Speakers (their plans are checked in
// TestReadsUseIndexes).
const (
	articleSQL       = `SELECT date, text, body_start, body_end FROM articles WHERE id = ?`
	articleQuotesSQL = `SELECT o.kind, o.confidence, o.spans, s.name, s.type
		FROM occurrences o LEFT JOIN speakers s ON s.id = o.speaker_id
		WHERE o.article_id = ? ORDER BY o.seq`
	speakersSQL = `SELECT s.id, s.name, s.type, COUNT(DISTINCT o.quote_id) AS nq, COUNT(DISTINCT o.article_id) AS na,
			(SELECT group_concat(display, char(31)) FROM (SELECT DISTINCT display FROM forms WHERE head = s.head AND n > 0 ORDER BY display))
		FROM speakers s JOIN occurrences o ON o.speaker_id = s.id
		GROUP BY s.id ORDER BY nq DESC, na DESC, s.name, s.head LIMIT ?`
)

// Article returns the stored document id.
func (s *Store) Article(ctx context.Context, id string) (*onrecord.Document, error) {
	v, cached := s.ans.version(ctx)
	if cached {
		if d := s.ans.article(v, id); d != nil {
			return d, nil
		}
	}
	if err := s.turns.enter(ctx); err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	defer s.turns.leave()
	d := &onrecord.Document{ID: id}
	err := s.read.QueryRowContext(ctx, articleSQL, id).
		Scan(&d.Date, &d.Text, &d.Body.Start, &d.Body.End)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, onrecord.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	rows, err := s.read.QueryContext(ctx, articleQuotesSQL, id)
	if err != nil {
		return nil, fmt.Errorf("article %s quotes: %w", id, err)
	}
	defer rows.Close()
	if d.Quotes, err = record.ScanAttributions(rows); err != nil {
		return nil, fmt.Errorf("article %s quotes: %w", id, err)
	}
	if cached {
		s.ans.keepArticle(v, d)
	}
	return d, nil
}

// Speakers returns the top speakers by quotes, then articles.
func (s *Store) Speakers(ctx context.Context, top int) ([]onrecord.SpeakerStat, error) {
	if top <= 0 {
		top = -1 // SQLite: no limit
	}
	if err := s.turns.enter(ctx); err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	defer s.turns.leave()
	rows, err := s.read.QueryContext(ctx, speakersSQL, top)
	if err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	defer rows.Close()
	var out []onrecord.SpeakerStat
	for rows.Next() {
		var st onrecord.SpeakerStat
		var id int64
		var aliases sql.NullString
		if err := rows.Scan(&id, &st.Name, &st.Type, &st.Quotes, &st.Articles, &aliases); err != nil {
			return nil, fmt.Errorf("speakers: %w", err)
		}
		if aliases.String != "" {
			st.Aliases = strings.Split(aliases.String, "\x1f")
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	return out, nil
}
