package sqlite

import (
	"context"
	"database/sql"
	"sync"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// listCache keeps the summaries of the live reports, by ID, so that List
// reads from the database only the reports added since its last read: a
// report page lists its unit's reports (for the links to the previous and
// next), the desk every report in the user's scope, and every write
// empties the page cache of SQLite's reading connections, so that the
// same rows were read from disk again and again. Within one generation
// (norm.Generation: a new version, the trash, a deletion or a move changes
// it) a report's summary does not change and no report leaves; new ones
// come with larger IDs. A change of generation empties the cache, whoever
// wrote the database.
type listCache struct {
	mu   sync.Mutex
	gen  norm.Generation
	kept norm.Summaries
}

// list returns the summaries f selects, by ID, from the cache and what
// was added since, read in tx; ok is false when the cache cannot answer
// (over its budget, or another List moved it on meanwhile).
func (c *listCache) list(ctx context.Context, tx *sql.Tx, f store.Filter) (out []store.Summary, ok bool, err error) {
	var (
		gen  norm.Generation
		last int64
	)
	if err := tx.QueryRowContext(ctx, `SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'versions'), 0),
		(SELECT generation FROM placement), coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'reports'), 0)`).Scan(
		&gen[0], &gen[1], &last); err != nil {
		return nil, false, err
	}
	c.mu.Lock()
	if c.gen != gen && !c.gen.Before(gen) && c.kept.UpTo > 0 {
		c.mu.Unlock()
		return nil, false, nil // an older snapshot than the cache's
	}
	if c.gen != gen {
		c.gen, c.kept = gen, norm.Summaries{}
	}
	from, off := c.kept.UpTo, c.kept.Off
	c.mu.Unlock()
	if off {
		return nil, false, nil
	}
	var added []store.Summary
	if from < last {
		rows, err := tx.QueryContext(ctx, `SELECT `+summaryColumns+` FROM reports r
			WHERE r.id > ? AND r.id <= ? AND r.deleted IS NULL ORDER BY r.id`, from, last)
		if err != nil {
			return nil, false, err
		}
		for rows.Next() {
			sum, err := scanSummary(rows)
			if err != nil {
				rows.Close()
				return nil, false, err
			}
			added = append(added, sum)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, false, err
		}
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return nil, false, nil // another generation since
	}
	out, ok = c.kept.Answer(from, last, added, f)
	return out, ok, nil
}
