package postgres

import (
	"context"
	"slices"
	"sync"

	"github.com/jackc/pgx/v5"

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
// next) and the desk every report in the user's scope. It relies on what
// the search cache does (search.go): within one generation a report's
// summary does not change and no report leaves, and new ones come with
// larger IDs, in the order of their commits; a change of generation
// empties it, whichever process wrote the database.
type listCache struct {
	mu    sync.Mutex
	gen   int64
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
// was added since; ok is false when the cache cannot answer (over its
// budget, or another List moved it on meanwhile).
//
// One statement reads the reports added since the cache's last read with
// the generation and the largest report ID of its snapshot. When it finds
// none, a second asks the generation: the same as the cache's means that
// it was the same at the first statement too (it never decreases), and the
// cache answers as of that statement.
func (c *listCache) list(ctx context.Context, q querier, f store.Filter) (out []store.Summary, ok bool, err error) {
	c.mu.Lock()
	from, gen, off := c.upTo, c.gen, c.off
	c.mu.Unlock()
	if off {
		return nil, false, nil
	}
	rows, err := q.Query(ctx, `SELECT `+summaryColumns+`, (SELECT generation FROM search_state), (SELECT coalesce(max(id), 0) FROM reports)
		FROM reports r WHERE r.id > $1 AND r.deleted IS NULL ORDER BY r.id`, from)
	if err != nil {
		return nil, false, err
	}
	var (
		added   []store.Summary
		rowGen  int64
		last    int64
		sum     store.Summary
		scanned bool
	)
	for rows.Next() {
		if sum, err = scanSummary(rows, &rowGen, &last); err != nil {
			rows.Close()
			return nil, false, err
		}
		added = append(added, sum)
		scanned = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	if !scanned {
		if err := q.QueryRow(ctx, `SELECT generation FROM search_state`).Scan(&rowGen); err != nil {
			return nil, false, err
		}
		if rowGen != gen || from == 0 {
			// Another generation (or an empty cache, whose generation
			// is unknown): nothing can be said of the first snapshot.
			return nil, false, nil
		}
		last = from
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	if rowGen != c.gen {
		if rowGen < c.gen {
			return nil, false, nil // an older snapshot than the cache's
		}
		// A newer generation: start again, from what this read gives
		// when it read from the start.
		c.gen, c.upTo, c.sums, c.bytes, c.off = rowGen, 0, nil, 0, false
		if from != 0 {
			return nil, false, nil
		}
	}
	switch {
	case c.off:
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

// querier is what list reads through: the pool.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}
