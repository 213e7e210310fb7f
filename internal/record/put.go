package record

import (
	"context"
	"fmt"

	"github.com/onrecord/onrecord"
)

// Tx is a Put's transaction in a store's SQL.
type Tx interface {
	Writer
	// InsertArticle stores a new article d whose text has this hash.
	InsertArticle(ctx context.Context, d *onrecord.Document, hash string) error
	// ReplaceArticle replaces the stored article d.ID by d: it deletes the
	// article's occurrences and the quotes no other article reports, and
	// returns the quotes whose first occurrence and count may change.
	ReplaceArticle(ctx context.Context, d *onrecord.Document, hash string) ([]int64, error)
	// Quote returns the id of the quote with this key, storing (and
	// indexing) content as a new quote when there is none.
	Quote(ctx context.Context, key, content string) (int64, error)
	// AddOccurrence stores o as an occurrence in article d.
	AddOccurrence(ctx context.Context, d *onrecord.Document, o Occurrence) error
	// UpdateQuotes recomputes the first occurrence, its date and the
	// number of articles of these quotes.
	UpdateQuotes(ctx context.Context, quotes []int64) error
}

// Put writes d, whose text has this hash, in tx and reports whether
// anything changed: the same text as stored changes nothing, a changed text
// replaces the article's attributions. Attributions whose content has no
// letter or digit are not stored.
func Put(ctx context.Context, tx Tx, d *onrecord.Document, hash string) (bool, error) {
	old, found, err := tx.ArticleHash(ctx, d.ID)
	if err != nil {
		return false, fmt.Errorf("find article: %w", err)
	}
	var touched []int64 // quotes whose first occurrence and count may change
	r := NewResolver()
	switch {
	case !found:
		err = tx.InsertArticle(ctx, d, hash)
	case old == hash:
		return false, nil
	default:
		touched, err = replace(ctx, tx, d, hash, r)
	}
	if err != nil {
		return false, fmt.Errorf("write article: %w", err)
	}
	for i := range d.Quotes {
		a := &d.Quotes[i]
		o, err := NewOccurrence(d, i)
		if err != nil {
			return false, err
		}
		if o.Key == "" {
			continue // nothing to search or match
		}
		if o.Quote, err = tx.Quote(ctx, o.Key, o.Content); err != nil {
			return false, fmt.Errorf("quote: %w", err)
		}
		touched = append(touched, o.Quote)
		if f, ok := speakerForm(a.Speaker); ok {
			if o.Form, err = r.Add(ctx, tx, f); err != nil {
				return false, err
			}
		}
		if err := tx.AddOccurrence(ctx, d, o); err != nil {
			return false, fmt.Errorf("insert occurrence: %w", err)
		}
	}
	if err := r.Resolve(ctx, tx, d.ID); err != nil {
		return false, err
	}
	// Kept on the quote so that searches without per-occurrence filters
	// need not rank occurrences.
	if err := tx.UpdateQuotes(ctx, touched); err != nil {
		return false, fmt.Errorf("update quotes: %w", err)
	}
	return true, nil
}

// speakerForm is the form of an attribution's speaker; false for none.
func speakerForm(sp *onrecord.Speaker) (Form, bool) {
	if sp == nil {
		return Form{}, false
	}
	return NewForm(sp)
}

// replace counts out the speakers of the stored article d.ID, then
// replaces it, and returns the quotes to update.
func replace(ctx context.Context, tx Tx, d *onrecord.Document, hash string, r *Resolver) ([]int64, error) {
	heads, surnames, err := tx.DropForms(ctx, d.ID)
	if err != nil {
		return nil, fmt.Errorf("drop speaker forms: %w", err)
	}
	for _, h := range heads {
		r.heads[h] = true
	}
	for _, s := range surnames {
		r.surnames[s] = true
	}
	return tx.ReplaceArticle(ctx, d, hash)
}

// Has reports whether l holds article id with exactly this text.
func Has(ctx context.Context, l Lookup, id, text string) (bool, error) {
	hash, found, err := l.ArticleHash(ctx, id)
	if err != nil {
		return false, fmt.Errorf("has %s: %w", id, err)
	}
	return found && hash == TextHash(text), nil
}
