package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/internal/record"
)

// querier is the pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// lookup is the record.Lookup of the pool or a transaction.
type lookup struct {
	q querier
}

func (l lookup) ArticleHash(ctx context.Context, id string) (string, bool, error) {
	var hash string
	err := l.q.QueryRow(ctx, `SELECT hash FROM articles WHERE id = $1`, id).Scan(&hash)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	return hash, err == nil, err
}

func (l lookup) NameWords(ctx context.Context, words []string, suffixed bool) ([]int64, error) {
	var p params
	where := record.NameWordsSQL(words, suffixed, p.add)
	rows, err := l.q.Query(ctx, `SELECT DISTINCT s.id FROM forms a JOIN speakers s ON s.head = a.head WHERE a.n > 0 AND `+where+` ORDER BY s.id`, p...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// writer is record.Tx: a Put's transaction, which holds the Put lock, so
// that two writers never create the same speaker twice.
type writer struct {
	lookup
	tx pgx.Tx
}

func (w writer) AddForm(ctx context.Context, f record.Form, head string) (int64, string, error) {
	var id int64
	var cur string
	err := w.tx.QueryRow(ctx, `INSERT INTO forms(display, type, key, first, surname, full_name, head, n) VALUES($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT(display, type) DO UPDATE SET n = forms.n + excluded.n RETURNING id, head`,
		f.Display, f.Type, f.Name.Key, f.Name.First, f.Name.Surname, f.Name.Full, head, f.N).Scan(&id, &cur)
	return id, cur, err
}

func (w writer) DropForms(ctx context.Context, article string) (heads, surnames []string, err error) {
	rows, err := w.tx.Query(ctx, `UPDATE forms SET n = n - (SELECT COUNT(*) FROM occurrences o WHERE o.article_id = $1 AND o.form_id = forms.id)
		WHERE id IN (SELECT form_id FROM occurrences WHERE article_id = $1) RETURNING head, type, surname`, article)
	if err != nil {
		return nil, nil, err
	}
	var head, typ, surname string
	_, err = pgx.ForEachRow(rows, []any{&head, &typ, &surname}, func() error {
		heads = append(heads, head)
		if typ == "person" {
			surnames = append(surnames, surname)
		}
		return nil
	})
	return heads, surnames, err
}

func (w writer) FullHeads(ctx context.Context, surname string) ([]string, error) {
	rows, err := w.tx.Query(ctx, `SELECT DISTINCT head FROM forms WHERE surname = $1 AND type = 'person' AND first <> '' AND n > 0 ORDER BY head`, surname)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

func (w writer) MoveBare(ctx context.Context, surname, head string) (ids []int64, old []string, err error) {
	rows, err := w.tx.Query(ctx, `UPDATE forms f SET head = $2 FROM forms m
		WHERE m.id = f.id AND f.surname = $1 AND f.type = 'person' AND f.first = '' AND f.head <> $2 RETURNING f.id, m.head`, surname, head)
	if err != nil {
		return nil, nil, err
	}
	var id int64
	var h string
	_, err = pgx.ForEachRow(rows, []any{&id, &h}, func() error {
		ids, old = append(ids, id), append(old, h)
		return nil
	})
	return ids, old, err
}

func (w writer) HeadForms(ctx context.Context, head string) ([]record.Form, error) {
	rows, err := w.tx.Query(ctx, `SELECT display, type, key, first, surname, full_name, n FROM forms WHERE head = $1 AND n > 0`, head)
	if err != nil {
		return nil, err
	}
	var f record.Form
	var out []record.Form
	_, err = pgx.ForEachRow(rows, []any{&f.Display, &f.Type, &f.Name.Key, &f.Name.First, &f.Name.Surname, &f.Name.Full, &f.N}, func() error {
		out = append(out, f)
		return nil
	})
	return out, err
}

func (w writer) SetSpeaker(ctx context.Context, head, name, typ string) error {
	_, err := w.tx.Exec(ctx, `INSERT INTO speakers(head, name, type) VALUES($1, $2, $3)
		ON CONFLICT(head) DO UPDATE SET name = excluded.name, type = excluded.type
		WHERE speakers.name <> excluded.name OR speakers.type <> excluded.type`, head, name, typ)
	return err
}

func (w writer) DropSpeaker(ctx context.Context, head string) error {
	_, err := w.tx.Exec(ctx, `DELETE FROM speakers WHERE head = $1`, head)
	return err
}

func (w writer) Repoint(ctx context.Context, article string, forms []int64) error {
	// Two statements, so that each uses its index.
	const set = `UPDATE occurrences o SET speaker_id = s.id FROM forms f JOIN speakers s ON s.head = f.head WHERE f.id = o.form_id AND `
	if _, err := w.tx.Exec(ctx, set+`o.article_id = $1`, article); err != nil || len(forms) == 0 {
		return err
	}
	_, err := w.tx.Exec(ctx, set+`o.form_id = ANY($1)`, forms)
	return err
}

func (w writer) InsertArticle(ctx context.Context, d *onrecord.Document, hash string) error {
	_, err := w.tx.Exec(ctx, `INSERT INTO articles(id, date, hash, text, body_start, body_end) VALUES($1, $2, $3, $4, $5, $6)`,
		d.ID, d.Date, hash, d.Text, d.Body.Start, d.Body.End)
	return err
}

// ReplaceArticle returns the quotes that other articles still report.
func (w writer) ReplaceArticle(ctx context.Context, d *onrecord.Document, hash string) ([]int64, error) {
	// The statement sees the occurrences as before it, hence article_id <> $1.
	rows, err := w.tx.Query(ctx, `WITH gone AS (DELETE FROM occurrences WHERE article_id = $1 RETURNING quote_id),
		orphans AS (DELETE FROM quotes q WHERE q.id IN (SELECT quote_id FROM gone)
			AND NOT EXISTS (SELECT 1 FROM occurrences o WHERE o.quote_id = q.id AND o.article_id <> $1) RETURNING id)
		SELECT DISTINCT quote_id FROM gone WHERE quote_id NOT IN (SELECT id FROM orphans)`, d.ID)
	if err != nil {
		return nil, fmt.Errorf("delete old quotes: %w", err)
	}
	qids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("delete old quotes: %w", err)
	}
	_, err = w.tx.Exec(ctx, `UPDATE articles SET date = $1, hash = $2, text = $3, body_start = $4, body_end = $5 WHERE id = $6`,
		d.Date, hash, d.Text, d.Body.Start, d.Body.End, d.ID)
	return qids, err
}

func (w writer) Quote(ctx context.Context, key, content string) (int64, error) {
	var id int64
	err := w.tx.QueryRow(ctx, `WITH ins AS (INSERT INTO quotes(key, content, tsv) VALUES($1, $2, $3::tsvector) ON CONFLICT(key_hash) DO NOTHING RETURNING id)
		SELECT id FROM ins UNION ALL SELECT id FROM quotes WHERE key_hash = md5($1) AND key = $1`, key, content, record.TSVector(content)).Scan(&id)
	return id, err
}

func (w writer) AddOccurrence(ctx context.Context, d *onrecord.Document, o record.Occurrence) error {
	_, err := w.tx.Exec(ctx, `INSERT INTO occurrences(article_id, seq, quote_id, form_id, kind, confidence, date, content, source, cue, spans)
		VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		d.ID, o.Seq, o.Quote, record.FormID(o.Form), string(o.Kind), o.Confidence, d.Date, o.Content, o.Source, o.Cue, o.Spans)
	return err
}

func (w writer) UpdateQuotes(ctx context.Context, quotes []int64) error {
	_, err := w.tx.Exec(ctx, `UPDATE quotes q SET
		(first_occ, first_date) = (SELECT id, date FROM occurrences WHERE quote_id = q.id ORDER BY date = '', date, article_id COLLATE "C", seq LIMIT 1),
		articles = (SELECT COUNT(DISTINCT article_id) FROM occurrences WHERE quote_id = q.id)
		WHERE q.id = ANY($1)`, quotes)
	return err
}
