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

func (l lookup) AliasIDs(ctx context.Context, key string) ([]int64, error) {
	rows, err := l.q.Query(ctx, `SELECT DISTINCT speaker_id FROM aliases WHERE key = $1 ORDER BY speaker_id`, key)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

func (l lookup) Persons(ctx context.Context, surname string) (ids []int64, firsts []string, err error) {
	rows, err := l.q.Query(ctx, `SELECT id, first FROM speakers WHERE type = 'person' AND surname = $1 ORDER BY id`, surname)
	if err != nil {
		return nil, nil, err
	}
	var id int64
	var first string
	_, err = pgx.ForEachRow(rows, []any{&id, &first}, func() error {
		ids, firsts = append(ids, id), append(firsts, first)
		return nil
	})
	return ids, firsts, err
}

func (l lookup) NameWords(ctx context.Context, words []string, suffixed bool) ([]int64, error) {
	var p params
	where := record.NameWordsSQL(words, suffixed, p.add)
	rows, err := l.q.Query(ctx, `SELECT DISTINCT a.speaker_id FROM aliases a JOIN speakers s ON s.id = a.speaker_id WHERE `+where+` ORDER BY a.speaker_id`, p...)
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

func (w writer) NewSpeaker(ctx context.Context, n onrecord.Name, typ string) (int64, error) {
	var id int64
	err := w.tx.QueryRow(ctx, `INSERT INTO speakers(name, type, first, surname) VALUES($1, $2, $3, $4) RETURNING id`,
		n.Full, typ, n.First, n.Surname).Scan(&id)
	return id, err
}

func (w writer) Rename(ctx context.Context, id int64, n onrecord.Name) error {
	_, err := w.tx.Exec(ctx, `UPDATE speakers SET name = $1, first = $2 WHERE id = $3`, n.Full, n.First, id)
	return err
}

func (w writer) AddAlias(ctx context.Context, id int64, n onrecord.Name) error {
	_, err := w.tx.Exec(ctx, `INSERT INTO aliases(name, key, speaker_id) VALUES($1, $2, $3) ON CONFLICT(name) DO NOTHING`, n.Display, n.Key, id)
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
	err := w.tx.QueryRow(ctx, `WITH ins AS (INSERT INTO quotes(key, content, tsv) VALUES($1, $2, $3::tsvector) ON CONFLICT(key) DO NOTHING RETURNING id)
		SELECT id FROM ins UNION ALL SELECT id FROM quotes WHERE key = $1`, key, content, record.TSVector(content)).Scan(&id)
	return id, err
}

func (w writer) AddOccurrence(ctx context.Context, d *onrecord.Document, o record.Occurrence) error {
	_, err := w.tx.Exec(ctx, `INSERT INTO occurrences(article_id, seq, quote_id, speaker_id, kind, confidence, date, content, source, cue, spans)
		VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		d.ID, o.Seq, o.Quote, o.Speaker, string(o.Kind), o.Confidence, d.Date, o.Content, o.Source, o.Cue, o.Spans)
	return err
}

func (w writer) UpdateQuotes(ctx context.Context, quotes []int64) error {
	_, err := w.tx.Exec(ctx, `UPDATE quotes q SET
		(first_occ, first_date) = (SELECT id, date FROM occurrences WHERE quote_id = q.id ORDER BY date = '', date, id LIMIT 1),
		articles = (SELECT COUNT(DISTINCT article_id) FROM occurrences WHERE quote_id = q.id)
		WHERE q.id = ANY($1)`, quotes)
	return err
}
