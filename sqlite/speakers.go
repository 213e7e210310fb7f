package sqlite

import (
	"context"
	"database/sql"

	"github.com/onrecord/onrecord"
)

// querier is a database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// lookup is the record.Lookup of a database or a transaction.
type lookup struct {
	q querier
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

// writer is record.Writer inside a Put's transaction.
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
