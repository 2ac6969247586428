package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"sync"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// listBudget is the bytes of summaries the list cache holds at most (about
// 80,000 reports): a larger store is listed from the database each time.
// A variable for the tests.
var listBudget = 32 << 20

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
	mu    sync.Mutex
	gen   norm.Generation
	upTo  int64           // the live reports with ID ≤ upTo are in sums
	sums  []store.Summary // ascending ID
	bytes int
	off   bool // over budget in this generation: not kept
}

// summaryBytes is about what a summary takes in the cache.
func summaryBytes(s *store.Summary) int {
	return 200 + len(s.Note) + len(s.FileHash) + len(s.Path) + len(s.Title) + len(s.Unit) + len(s.Level) +
		len(s.Period) + len(s.Genre) + 8*len(s.Years)
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
	if c.gen != gen && !c.gen.Before(gen) && c.upTo > 0 {
		c.mu.Unlock()
		return nil, false, nil // an older snapshot than the cache's
	}
	if c.gen != gen {
		c.gen, c.upTo, c.sums, c.bytes, c.off = gen, 0, nil, 0, false
	}
	from, off := c.upTo, c.off
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
	switch {
	case c.gen != gen || c.off:
		return nil, false, nil
	case c.upTo == from:
		for i := range added {
			c.bytes += summaryBytes(&added[i])
		}
		c.sums = append(c.sums, added...)
		c.upTo = max(c.upTo, last)
		if c.bytes > listBudget {
			c.sums, c.bytes, c.off = nil, 0, true
			return nil, false, nil
		}
	case c.upTo < last:
		return nil, false, nil // moved on by another list, not as far
	}
	for i := range c.sums {
		s := &c.sums[i]
		if s.ID > last {
			break
		}
		m := norm.ReportMeta{Path: s.Path, Unit: s.Unit, Level: s.Level, Genre: s.Genre, Years: s.Years, UnitID: s.UnitID}
		if m.Selected(f) {
			sum := *s
			sum.Years = slices.Clone(s.Years)
			out = append(out, sum)
		}
	}
	return out, true, nil
}
