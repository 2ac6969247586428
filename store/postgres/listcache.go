package postgres

import (
	"context"
	"sync"

	"github.com/jackc/pgx/v5"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// listCache keeps the summaries of the live reports, by ID, so that List
// reads from the database only the reports added since its last read: a
// report page lists its unit's reports (for the links to the previous and
// next) and the desk every report in the user's scope. It relies on what
// the search cache does (search.go): within one generation a report's
// summary does not change and no report leaves, and what a read at one
// mark lacks for a newer snapshot is the reports of the transactions
// finished between (marks.go); a change of generation empties it,
// whichever process wrote the database.
type listCache struct {
	mu   sync.Mutex
	gen  int64
	kept norm.Summaries
}

// list returns the summaries f selects, by ID, from the cache and what
// was added since; ok is false when the cache cannot answer (over its
// budget, or another List moved it on meanwhile).
//
// One statement reads the reports the cache's mark lacks with the
// generation and the snapshot it saw. When it finds none, a second asks
// the generation: the same as the cache's means that it was the same at
// the first statement too (it never decreases), and the cache answers as
// of its mark.
func (c *listCache) list(ctx context.Context, q querier, m *marks, f store.Filter) (out []store.Summary, ok bool, err error) {
	c.mu.Lock()
	from, gen, off := c.kept.UpTo, c.gen, c.kept.Off
	c.mu.Unlock()
	if off {
		return nil, false, nil
	}
	cond, args := m.delta("r", from, nil)
	rows, err := q.Query(ctx, `SELECT `+summaryColumns+`, (SELECT generation FROM search_state), pg_current_snapshot()::text
		FROM reports r WHERE `+cond+` AND r.deleted IS NULL ORDER BY r.id`, args...)
	if err != nil {
		return nil, false, err
	}
	var (
		added   []store.Summary
		rowGen  int64
		text    string
		sum     store.Summary
		scanned bool
	)
	for rows.Next() {
		if sum, err = scanSummary(rows, &rowGen, &text); err != nil {
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
	last := from
	if scanned {
		if last, err = m.parse(text); err != nil {
			return nil, false, err
		}
	} else {
		if err := q.QueryRow(ctx, `SELECT generation FROM search_state`).Scan(&rowGen); err != nil {
			return nil, false, err
		}
		if rowGen != gen || from == 0 {
			// Another generation (or an empty cache, whose generation
			// is unknown): nothing can be said of the first snapshot.
			return nil, false, nil
		}
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	if rowGen != c.gen {
		if rowGen < c.gen {
			return nil, false, nil // an older snapshot than the cache's
		}
		// A newer generation: start again, from what this read gives
		// when it read from the start.
		c.gen, c.kept = rowGen, norm.Summaries{}
		if from != 0 {
			return nil, false, nil
		}
	}
	c.kept.Marks = true
	out, ok = c.kept.Answer(from, last, added, f)
	return out, ok, nil
}

// querier is what list reads through: the pool.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}
