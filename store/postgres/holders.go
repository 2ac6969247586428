package postgres

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// The holders cache (norm.HolderCache, as SQLite's) keeps, for the hashes
// looked up lately, the live reports holding each (Postings) and how many
// of them name each unit (HashUnits). Without it each lookup read every
// holder of a hash and joined its report. Its generation is
// search_state's (see search.go: a new version, the trash, a restore, a
// move or a deletion counts one more, whichever process wrote), and what
// it lacks for a newer snapshot is the reports of the transactions
// finished between (marks.go).

// holderSnap is what one statement saw: the generation and the mark of
// its snapshot.
type holderSnap struct {
	gen, report int64
}

// norm returns the snapshot as the cache keeps it.
func (s holderSnap) norm() norm.HolderSnap {
	return norm.HolderSnap{Gen: norm.Generation{s.gen, 0}, Report: s.report, Marks: true}
}

// snapColumns are the columns of a holderSnap, read in the statement they
// are added to: the generation and the snapshot, to mark.
const snapColumns = `(SELECT generation FROM search_state), pg_current_snapshot()::text`

// holders calls visit, under the cache's lock, with the entry of each of
// hashes (sorted, distinct) that some live report holds (see
// norm.HolderCache.Holders).
func (s *Store) holders(ctx context.Context, hashes []uint64, visit func(h uint64, e *norm.HolderEntry)) error {
	if len(hashes) == 0 {
		return nil
	}
	var (
		snap holderSnap
		text string
	)
	err := s.pool.QueryRow(ctx, `SELECT `+snapColumns).Scan(&snap.gen, &text)
	if err != nil {
		return err
	}
	if snap.report, err = s.marks.parse(text); err != nil {
		return err
	}
	return s.held.Holders(ctx, snap.norm(), hashes, norm.HolderSource{Added: s.reportsAdded, Read: s.readHolders}, visit)
}

// reportsAdded reads the live reports that a cache at mark from lacks
// for snap.Report's snapshot, and their fingerprints, in one statement;
// ok is false when the store has changed generation since snap. When that
// statement finds none, a second reads the generation: the same as
// snap's means it was the same at the first too (it never decreases).
func (s *Store) reportsAdded(ctx context.Context, from int64, snap norm.HolderSnap) (added []norm.AddedReport, ok bool, err error) {
	to, kept := s.marks.snapshot(snap.Report)
	if !kept {
		return nil, false, nil // mark 0, or no longer kept
	}
	cond, args := s.marks.delta("r", from, []any{to.String()})
	rows, err := s.pool.Query(ctx, `SELECT r.id, r.unit, coalesce(r.unit_id, 0), r.fingerprints, (SELECT generation FROM search_state)
		FROM reports r WHERE `+cond+` AND pg_visible_in_snapshot(r.xact, $1::pg_snapshot) AND r.deleted IS NULL ORDER BY r.id`, args...)
	if err != nil {
		return nil, false, err
	}
	var (
		r   norm.AddedReport
		fps []int64
		gen int64
	)
	ok = true
	names := map[string]string{}
	_, err = pgx.ForEachRow(rows, []any{&r.ID, &r.Unit, &r.UnitID, &fps, &gen}, func() error {
		if gen != snap.Gen[0] {
			ok = false
		}
		a := r
		if n, seen := names[a.Unit]; seen {
			a.Unit = n
		} else {
			names[a.Unit] = a.Unit
		}
		a.Fingerprints = make([]uint64, len(fps))
		for i, h := range fps {
			a.Fingerprints[i] = uint64(h)
		}
		added = append(added, a)
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	if len(added) == 0 {
		if err := s.pool.QueryRow(ctx, `SELECT generation FROM search_state`).Scan(&gen); err != nil {
			return nil, false, err
		}
		ok = gen == snap.Gen[0]
	}
	if !ok {
		return nil, false, nil
	}
	return added, true, nil
}

// readHolders reads the live holders of hashes (sorted, distinct), each
// by report ID, in one statement, and what that statement saw. When it
// finds no holder, the snapshot is a later one, whose generation and
// largest ID are no smaller: the cache then keeps the empty entries only
// if nothing changed between.
func (s *Store) readHolders(ctx context.Context, hashes []uint64) ([]norm.HolderRead, error) {
	ps, snap, err := s.readHoldersOnce(ctx, hashes)
	if err != nil {
		return nil, err
	}
	return []norm.HolderRead{{Snap: snap.norm(), Hashes: hashes, Postings: ps}}, nil
}

// readHoldersOnce is readHolders' statement.
func (s *Store) readHoldersOnce(ctx context.Context, hashes []uint64) ([][]store.Posting, holderSnap, error) {
	keys := make([]int64, len(hashes))
	at := make(map[uint64]int, len(hashes))
	for i, h := range hashes {
		keys[i] = int64(h)
		at[h] = i
	}
	out := make([][]store.Posting, len(hashes))
	// A row a report, its hashes in an array, joined to reports after
	// grouping: a hash of a template's text is held by hundreds of
	// reports, and a row of (hash, report) each, joined and sorted by
	// PostgreSQL, cost twice the database's CPU (a report of bench/load,
	// 32 hashes, 3,656 postings: 6.9-9.3 -> 3.7-4.1 ms).
	rows, err := s.pool.Query(ctx, `SELECT g.report, r.unit, coalesce(r.unit_id, 0), g.hashes, `+snapColumns+`
		FROM (SELECT report, array_agg(hash) AS hashes FROM fingerprints WHERE hash = ANY ($1) GROUP BY report) g
		JOIN reports r ON r.id = g.report
		WHERE r.deleted IS NULL ORDER BY g.report`, keys)
	if err != nil {
		return nil, holderSnap{}, err
	}
	var (
		p    store.Posting
		held []int64
		snap holderSnap
		text string
		seen bool
	)
	names := map[string]string{}
	_, err = pgx.ForEachRow(rows, []any{&p.Report, &p.Unit, &p.UnitID, &held, &snap.gen, &text}, func() error {
		seen = true
		if n, ok := names[p.Unit]; ok {
			p.Unit = n
		} else {
			names[p.Unit] = p.Unit
		}
		for _, h := range held {
			if i, ok := at[uint64(h)]; ok {
				out[i] = append(out[i], p)
			}
		}
		return nil
	})
	if err != nil {
		return nil, holderSnap{}, err
	}
	if !seen {
		// No holder at all: the same answer in a later snapshot unless a
		// report was added or the generation changed between, which the
		// cache's check of the snapshot it keeps by tells.
		if err := s.pool.QueryRow(ctx, `SELECT generation FROM search_state`).Scan(&snap.gen); err != nil {
			return nil, holderSnap{}, err
		}
		snap.report = -1 // never newer than the cache: not kept
		return out, snap, nil
	}
	if snap.report, err = s.marks.parse(text); err != nil {
		return nil, holderSnap{}, err
	}
	return out, snap, nil
}

// Postings returns, for each of hashes held by some report, the reports
// holding it, by ID, from the holders cache.
func (s *Store) Postings(ctx context.Context, hashes []uint64) (map[uint64][]store.Posting, error) {
	out := make(map[uint64][]store.Posting)
	err := s.holders(ctx, norm.Fingerprints(hashes), func(h uint64, e *norm.HolderEntry) {
		out[h] = slices.Clone(e.Postings())
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: postings: %w", err)
	}
	return out, nil
}

// Shared returns the reports of the scope holding the most of hashes
// (store.TopShared), from the holders cache's postings, not copied.
func (s *Store) Shared(ctx context.Context, hashes []uint64, scope *store.Scope, exclude int64, n int) ([]store.Shared, error) {
	var lists [][]store.Posting
	err := s.holders(ctx, norm.Fingerprints(hashes), func(h uint64, e *norm.HolderEntry) { lists = append(lists, e.Postings()) })
	if err != nil {
		return nil, fmt.Errorf("postgres: reports sharing hashes: %w", err)
	}
	return store.TopShared(lists, scope, exclude, n), nil
}

// HashUnits returns, for each of hashes held by a report scope selects,
// the number of distinct units its holders name, counted from the holders
// cache (see store.Store).
func (s *Store) HashUnits(ctx context.Context, hashes []uint64, scope *store.Scope, atLeast int) (map[uint64]int, error) {
	out := make(map[uint64]int)
	err := s.holders(ctx, norm.Fingerprints(hashes), func(h uint64, e *norm.HolderEntry) {
		if n := e.Count(scope, atLeast); n > 0 {
			out[h] = n
		}
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: units of hashes: %w", err)
	}
	return out, nil
}
