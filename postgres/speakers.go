package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/onrecord/onrecord"
	"github.com/onrecord/onrecord/speaker"
)

// parseName is onrecord.ParseName after the speaker package's
// normalisation of person names (party tags, appositives), except for names
// with a generational suffix, which that normalisation drops: Donald Trump
// Jr. is not his father.
func parseName(name, typ string) onrecord.Name {
	name = clean(name)
	n := onrecord.ParseName(name, typ)
	if typ == "person" && !strings.Contains(n.Surname, " ") {
		n = onrecord.ParseName(speaker.Canonical(name), typ)
	}
	return n
}

// resolver finds or creates the canonical speaker of a name inside a Put's
// transaction, which holds the Put lock.
type resolver struct {
	tx pgx.Tx
}

// speaker returns the id of sp's canonical speaker, 0 when sp has no name.
// A name joins the speaker that already has its key ("Mr. Trump" and
// "Trump" share "trump"); otherwise onrecord.MatchSurname decides among
// the persons with the same surname.
func (r resolver) speaker(ctx context.Context, sp *onrecord.Speaker) (int64, error) {
	typ := clean(strings.ToLower(sp.Type))
	n := parseName(sp.Name, typ)
	if n.Key == "" {
		return 0, nil
	}
	var id int64
	err := r.tx.QueryRow(ctx, `SELECT speaker_id FROM aliases WHERE key = $1 ORDER BY speaker_id LIMIT 1`, n.Key).Scan(&id)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return 0, fmt.Errorf("find alias %q: %w", n.Key, err)
	}
	if id == 0 && typ == "person" {
		if id, err = r.bySurname(ctx, n); err != nil {
			return 0, err
		}
	}
	if id == 0 {
		err := r.tx.QueryRow(ctx, `INSERT INTO speakers(name, type, first, surname) VALUES($1, $2, $3, $4) RETURNING id`,
			n.Full, typ, n.First, n.Surname).Scan(&id)
		if err != nil {
			return 0, fmt.Errorf("insert speaker %q: %w", n.Display, err)
		}
	}
	_, err = r.tx.Exec(ctx, `INSERT INTO aliases(name, key, speaker_id) VALUES($1, $2, $3) ON CONFLICT(name) DO NOTHING`, n.Display, n.Key, id)
	if err != nil {
		return 0, fmt.Errorf("insert alias %q: %w", n.Display, err)
	}
	return id, nil
}

func (r resolver) bySurname(ctx context.Context, n onrecord.Name) (int64, error) {
	rows, err := r.tx.Query(ctx, `SELECT id, first FROM speakers WHERE type = 'person' AND surname = $1 ORDER BY id`, n.Surname)
	if err != nil {
		return 0, fmt.Errorf("find surname %q: %w", n.Surname, err)
	}
	var ids []int64
	var firsts []string
	for rows.Next() {
		var id int64
		var first string
		if err := rows.Scan(&id, &first); err != nil {
			rows.Close()
			return 0, fmt.Errorf("find surname %q: %w", n.Surname, err)
		}
		ids, firsts = append(ids, id), append(firsts, first)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("find surname %q: %w", n.Surname, err)
	}
	id, upgrade := onrecord.MatchSurname(n, ids, firsts)
	if upgrade {
		_, err := r.tx.Exec(ctx, `UPDATE speakers SET name = $1, first = $2 WHERE id = $3`, n.Full, n.First, id)
		if err != nil {
			return 0, fmt.Errorf("name speaker %q: %w", n.Display, err)
		}
	}
	return id, nil
}
