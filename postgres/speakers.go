package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/onrecord/onrecord"
)

// querier is the pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// lookup is the record.Lookup of the pool or a transaction.
type lookup struct {
	q querier
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

// writer is record.Writer inside a Put's transaction, which holds the Put
// lock, so that two writers never create the same speaker twice.
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
