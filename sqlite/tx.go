package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
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

func (l lookup) NameWords(ctx context.Context, words []string, suffixed bool) ([]int64, error) {
	var args []any
	// A bare parameter as a LIKE pattern has SQLite prepare the statement
	// again whenever its value changes (the plan may depend on the pattern),
	// three quarters of a search by speaker; a pattern that is an
	// expression keeps the plan.
	where := record.NameWordsSQL(words, suffixed, func(v any) string { args = append(args, v); return "(? || '')" })
	return column[int64](ctx, l.q, `SELECT DISTINCT s.id FROM forms a JOIN speakers s ON s.head = a.head WHERE a.n > 0 AND `+where+` ORDER BY s.id`, args...)
}

// writer is record.Tx: a Put's transaction.
type writer struct {
	lookup
	tx *sql.Tx
}

func (w writer) AddForm(ctx context.Context, f record.Form, head string) (int64, string, error) {
	var id int64
	var cur string
	err := w.tx.QueryRowContext(ctx, `INSERT INTO forms(display, type, key, first, surname, full_name, head, n) VALUES(?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(display, type) DO UPDATE SET n = n + excluded.n RETURNING id, head`,
		f.Display, f.Type, f.Name.Key, f.Name.First, f.Name.Surname, f.Name.Full, head, f.N).Scan(&id, &cur)
	return id, cur, err
}

func (w writer) DropForms(ctx context.Context, article string) (heads, surnames []string, err error) {
	rows, err := w.tx.QueryContext(ctx, `UPDATE forms SET n = n - (SELECT COUNT(*) FROM occurrences o WHERE o.article_id = ?1 AND o.form_id = forms.id)
		WHERE id IN (SELECT form_id FROM occurrences WHERE article_id = ?1) RETURNING head, type, surname`, article)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var head, typ, surname string
		if err := rows.Scan(&head, &typ, &surname); err != nil {
			return nil, nil, err
		}
		heads = append(heads, head)
		if typ == "person" {
			surnames = append(surnames, surname)
		}
	}
	return heads, surnames, rows.Err()
}

func (w writer) FullHeads(ctx context.Context, surname string) ([]string, error) {
	return column[string](ctx, w.tx, `SELECT DISTINCT head FROM forms WHERE surname = ? AND type = 'person' AND first <> '' AND n > 0 ORDER BY head`, surname)
}

func (w writer) MoveBare(ctx context.Context, surname, head string) ([]int64, []string, error) {
	const bare = `FROM forms WHERE surname = ?1 AND type = 'person' AND first = '' AND head <> ?2`
	rows, err := w.tx.QueryContext(ctx, `SELECT id, head `+bare, surname, head)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var ids []int64
	var old []string
	for rows.Next() {
		var id int64
		var h string
		if err := rows.Scan(&id, &h); err != nil {
			return nil, nil, err
		}
		ids, old = append(ids, id), append(old, h)
	}
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return nil, nil, err
	}
	_, err = w.tx.ExecContext(ctx, `UPDATE forms SET head = ?2 WHERE id IN (SELECT id `+bare+`)`, surname, head)
	return ids, old, err
}

func (w writer) HeadForms(ctx context.Context, head string) ([]record.Form, error) {
	rows, err := w.tx.QueryContext(ctx, `SELECT display, type, key, first, surname, full_name, n FROM forms WHERE head = ? AND n > 0`, head)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []record.Form
	for rows.Next() {
		var f record.Form
		if err := rows.Scan(&f.Display, &f.Type, &f.Name.Key, &f.Name.First, &f.Name.Surname, &f.Name.Full, &f.N); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

func (w writer) SetSpeaker(ctx context.Context, head, name, typ string) error {
	_, err := w.tx.ExecContext(ctx, `INSERT INTO speakers(head, name, type) VALUES(?, ?, ?)
		ON CONFLICT(head) DO UPDATE SET name = excluded.name, type = excluded.type
		WHERE name <> excluded.name OR type <> excluded.type`, head, name, typ)
	return err
}

func (w writer) DropSpeaker(ctx context.Context, head string) error {
	_, err := w.tx.ExecContext(ctx, `DELETE FROM speakers WHERE head = ?`, head)
	return err
}

func (w writer) Repoint(ctx context.Context, article string, forms []int64) error {
	// Two statements, so that each uses its index.
	const set = `UPDATE occurrences SET speaker_id = (SELECT s.id FROM forms f JOIN speakers s ON s.head = f.head WHERE f.id = occurrences.form_id)
		WHERE form_id IS NOT NULL AND `
	if _, err := w.tx.ExecContext(ctx, set+`article_id = ?`, article); err != nil || len(forms) == 0 {
		return err
	}
	ids, err := json.Marshal(forms)
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, set+`form_id IN (SELECT value FROM json_each(?))`, string(ids))
	return err
}

// column runs a query of one column of type T.
func column[T any](ctx context.Context, q querier, query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
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
	qids, err := column[int64](ctx, w.tx, `SELECT DISTINCT quote_id FROM occurrences WHERE article_id = ?`, d.ID)
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
	_, err := w.tx.ExecContext(ctx, `INSERT INTO occurrences(article_id, seq, quote_id, form_id, kind, confidence, date, content, source, cue, spans)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ID, o.Seq, o.Quote, record.FormID(o.Form), string(o.Kind), o.Confidence, d.Date, o.Content, o.Source, o.Cue, o.Spans)
	return err
}

func (w writer) UpdateQuotes(ctx context.Context, quotes []int64) error {
	for _, q := range quotes {
		_, err := w.tx.ExecContext(ctx, `UPDATE quotes SET
			(first_occ, first_date) = (SELECT id, date FROM occurrences WHERE quote_id = ?1 ORDER BY date = '', date, article_id, seq LIMIT 1),
			articles = (SELECT COUNT(DISTINCT article_id) FROM occurrences WHERE quote_id = ?1)
			WHERE id = ?1`, q)
		if err != nil {
			return fmt.Errorf("quote %d: %w", q, err)
		}
	}
	return nil
}
