package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/record"
)

// querier is a database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// lookup is the record.Lookup of a database or a transaction.
type lookup struct {
	q querier
}

func (l lookup) ArticleHash(ctx context.Context, id string) (string, bool, error) {
	var hash string
	err := l.q.QueryRowContext(ctx, `SELECT hash FROM articles WHERE id = ?`, id).Scan(&hash)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return hash, err == nil, err
}

func (l lookup) AliasIDs(ctx context.Context, key string) ([]int64, error) {
	return ids(ctx, l.q, `SELECT DISTINCT speaker_id FROM aliases WHERE key = ? ORDER BY speaker_id`, key)
}

func (l lookup) Persons(ctx context.Context, surname string) (pids []int64, firsts []string, err error) {
	rows, err := l.q.QueryContext(ctx, `SELECT id, first FROM speakers WHERE type = 'person' AND surname = ? ORDER BY id`, surname)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var first string
		if err := rows.Scan(&id, &first); err != nil {
			return nil, nil, err
		}
		pids, firsts = append(pids, id), append(firsts, first)
	}
	return pids, firsts, rows.Err()
}

func (l lookup) NameWords(ctx context.Context, words []string, suffixed bool) ([]int64, error) {
	var args []any
	where := record.NameWordsSQL(words, suffixed, func(v any) string { args = append(args, v); return "?" })
	return ids(ctx, l.q, `SELECT DISTINCT a.speaker_id FROM aliases a JOIN speakers s ON s.id = a.speaker_id WHERE `+where+` ORDER BY a.speaker_id`, args...)
}

// writer is record.Tx: a Put's transaction.
type writer struct {
	lookup
	tx *sql.Tx
}

func (w writer) NewSpeaker(ctx context.Context, n onrecord.Name, typ string) (int64, error) {
	res, err := w.tx.ExecContext(ctx, `INSERT INTO speakers(name, type, first, surname) VALUES(?, ?, ?, ?)`,
		n.Full, typ, n.First, n.Surname)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func (w writer) Rename(ctx context.Context, id int64, n onrecord.Name) error {
	_, err := w.tx.ExecContext(ctx, `UPDATE speakers SET name = ?, first = ? WHERE id = ?`, n.Full, n.First, id)
	return err
}

func (w writer) AddAlias(ctx context.Context, id int64, n onrecord.Name) error {
	_, err := w.tx.ExecContext(ctx, `INSERT INTO aliases(name, key, speaker_id) VALUES(?, ?, ?) ON CONFLICT(name) DO NOTHING`, n.Display, n.Key, id)
	return err
}

// ids runs a query of one integer column.
func ids(ctx context.Context, q querier, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func (w writer) InsertArticle(ctx context.Context, d *onrecord.Document, hash string) error {
	_, err := w.tx.ExecContext(ctx, `INSERT INTO articles(id, date, hash, text, body_start, body_end) VALUES(?, ?, ?, ?, ?, ?)`,
		d.ID, d.Date, hash, d.Text, d.Body.Start, d.Body.End)
	return err
}

// ReplaceArticle returns every quote the old article reported; those it
// deletes are no longer there to update.
func (w writer) ReplaceArticle(ctx context.Context, d *onrecord.Document, hash string) ([]int64, error) {
	qids, err := ids(ctx, w.tx, `SELECT DISTINCT quote_id FROM occurrences WHERE article_id = ?`, d.ID)
	if err != nil {
		return nil, fmt.Errorf("old quotes: %w", err)
	}
	if _, err := w.tx.ExecContext(ctx, `DELETE FROM occurrences WHERE article_id = ?`, d.ID); err != nil {
		return nil, fmt.Errorf("delete occurrences: %w", err)
	}
	for _, q := range qids {
		_, err := w.tx.ExecContext(ctx, `DELETE FROM quote_terms WHERE rowid = ?1 AND NOT EXISTS (SELECT 1 FROM occurrences WHERE quote_id = ?1)`, q)
		if err != nil {
			return nil, fmt.Errorf("unindex quote %d: %w", q, err)
		}
		_, err = w.tx.ExecContext(ctx, `DELETE FROM quotes WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM occurrences WHERE quote_id = ?1)`, q)
		if err != nil {
			return nil, fmt.Errorf("delete quote %d: %w", q, err)
		}
	}
	_, err = w.tx.ExecContext(ctx, `UPDATE articles SET date = ?, hash = ?, text = ?, body_start = ?, body_end = ? WHERE id = ?`,
		d.Date, hash, d.Text, d.Body.Start, d.Body.End, d.ID)
	return qids, err
}

func (w writer) Quote(ctx context.Context, key, content string) (int64, error) {
	var id int64
	err := w.tx.QueryRowContext(ctx, `SELECT id FROM quotes WHERE key = ?`, key).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("find quote: %w", err)
	}
	res, err := w.tx.ExecContext(ctx, `INSERT INTO quotes(key, content) VALUES(?, ?)`, key, content)
	if err != nil {
		return 0, fmt.Errorf("insert quote: %w", err)
	}
	if id, err = res.LastInsertId(); err != nil {
		return 0, fmt.Errorf("insert quote: %w", err)
	}
	if _, err := w.tx.ExecContext(ctx, `INSERT INTO quote_terms(rowid, terms) VALUES(?, ?)`, id, record.IndexText(content)); err != nil {
		return 0, fmt.Errorf("index quote: %w", err)
	}
	return id, nil
}

func (w writer) AddOccurrence(ctx context.Context, d *onrecord.Document, o record.Occurrence) error {
	_, err := w.tx.ExecContext(ctx, `INSERT INTO occurrences(article_id, seq, quote_id, speaker_id, kind, confidence, date, content, source, cue, spans)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ID, o.Seq, o.Quote, o.Speaker, string(o.Kind), o.Confidence, d.Date, o.Content, o.Source, o.Cue, o.Spans)
	return err
}

func (w writer) UpdateQuotes(ctx context.Context, quotes []int64) error {
	for _, q := range quotes {
		_, err := w.tx.ExecContext(ctx, `UPDATE quotes SET
			(first_occ, first_date) = (SELECT id, date FROM occurrences WHERE quote_id = ?1 ORDER BY date = '', date, id LIMIT 1),
			articles = (SELECT COUNT(DISTINCT article_id) FROM occurrences WHERE quote_id = ?1)
			WHERE id = ?1`, q)
		if err != nil {
			return fmt.Errorf("quote %d: %w", q, err)
		}
	}
	return nil
}
