package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"sync"

	"github.com/onrecord/onrecord"
)

// answers keeps the latest answers of Article and Search while the record
// is unchanged. A served record is read far more often than written, and
// under load the same articles and searches come again and again: from
// memory an answer costs microseconds, from the file milliseconds of CPU.
// Any commit to the file, by this process or by another (an ingest beside
// the server), empties it before the next read.
type answers struct {
	vmu  sync.Mutex
	conn *sql.Conn // never writes; nil once it failed, which turns the cache off
	ver  *sql.Stmt // PRAGMA data_version on conn
	db   *sql.DB   // conn's own pool, apart from the store's

	mu       sync.Mutex
	at       int64 // the data version the answers were read at
	size     int   // roughly the bytes held
	articles map[string]*onrecord.Document
	searches map[onrecord.Query]searchAnswer
}

type searchAnswer struct {
	hits []onrecord.Hit
	next string
}

// maxAnswerBytes bounds the memory the answers hold; past it they start
// again empty.
const maxAnswerBytes = 32 << 20

// newAnswers opens the connection that watches the data version of the
// file that dsn names.
func newAnswers(ctx context.Context, dsn string) (*answers, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	ver, err := conn.PrepareContext(ctx, `PRAGMA data_version`)
	if err != nil {
		conn.Close()
		db.Close()
		return nil, err
	}
	return &answers{conn: conn, ver: ver, db: db, articles: map[string]*onrecord.Document{}, searches: map[onrecord.Query]searchAnswer{}}, nil
}

// version returns the record's data version, emptying the answers when it
// moved; ok is false when it cannot be known, and nothing may be kept or
// served then. SQLite's data_version, asked on a connection that never
// writes, changes with every commit of any other connection or process.
// One connection keeps the values comparable: another would count anew.
func (a *answers) version(ctx context.Context) (v int64, ok bool) {
	a.vmu.Lock()
	if a.conn != nil {
		if err := a.ver.QueryRowContext(ctx).Scan(&v); err != nil {
			if ctx.Err() == nil {
				a.ver.Close()
				a.conn.Close()
				a.conn = nil
			}
		} else {
			ok = true
		}
	}
	a.vmu.Unlock()
	if !ok {
		return 0, false
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if v > a.at {
		a.at = v
		a.clear()
	}
	return v, v == a.at
}

func (a *answers) clear() {
	clear(a.articles)
	clear(a.searches)
	a.size = 0
}

// keep counts n more bytes, emptying the answers first when they would go
// over the bound; it reports whether the answer read at version v may be
// kept. The caller holds mu.
func (a *answers) keep(v int64, n int) bool {
	if v != a.at || n > maxAnswerBytes/4 {
		return false
	}
	if a.size+n > maxAnswerBytes {
		a.clear()
	}
	a.size += n
	return true
}

// article returns a copy of the document kept for id at version v.
func (a *answers) article(v int64, id string) *onrecord.Document {
	a.mu.Lock()
	defer a.mu.Unlock()
	d := a.articles[id]
	if d == nil || v != a.at {
		return nil
	}
	c := *d
	c.Quotes = slices.Clone(d.Quotes)
	return &c
}

func (a *answers) keepArticle(v int64, d *onrecord.Document) {
	c := *d
	c.Quotes = slices.Clone(d.Quotes)
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.keep(v, len(d.Text)+100*len(d.Quotes)) {
		a.articles[d.ID] = &c
	}
}

// search returns a copy of the page kept for q at version v.
func (a *answers) search(v int64, q onrecord.Query) ([]onrecord.Hit, string, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	s, ok := a.searches[q]
	if !ok || v != a.at {
		return nil, "", false
	}
	return slices.Clone(s.hits), s.next, true
}

func (a *answers) keepSearch(v int64, q onrecord.Query, hits []onrecord.Hit, next string) {
	n := 100
	for _, h := range hits {
		n += 200 + len(h.Content) + len(h.Snippet) + len(h.Source) + len(h.Cue)
	}
	s := searchAnswer{hits: slices.Clone(hits), next: next}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.keep(v, n) {
		a.searches[q] = s
	}
}

func (a *answers) close() {
	a.vmu.Lock()
	defer a.vmu.Unlock()
	if a.conn != nil {
		a.ver.Close()
		a.conn.Close()
		a.conn = nil
	}
	a.db.Close()
}
