package postgres

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/jackc/pgx/v5"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// The holders cache keeps, for the hashes looked up lately, the live
// reports holding each (Postings) and how many of them name each unit
// (HashUnits), as SQLite's does (store/sqlite/holders.go). Without it each
// lookup read every holder of a hash and joined its report: in a store of
// one template, where every report holds the template's hashes, each
// lookup cost more with every report added. Within one generation (see
// search.go: a new version, the trash, a restore, a move or a deletion
// counts one more, whichever process wrote) no posting of a report
// changes, and new reports come with larger IDs in the order of their
// commits; so the cache reads, once, the fingerprints of the reports added
// since its last read and adds them to the hashes it keeps. A change of
// generation empties it.

// holderBudget is the bytes the holders cache keeps at most (about a
// million postings); past it, the hashes used least lately are dropped. A
// variable for the tests.
var holderBudget = 32 << 20

// maxCatchUp is the number of report IDs given since the cache's last
// read past which it is emptied rather than brought up to date (a bulk
// add): reading the hashes again costs less than reading every new
// report's fingerprints.
const maxCatchUp = 4096

// holderCache is the holders cache of a Store.
type holderCache struct {
	mu      sync.Mutex
	gen     int64
	upTo    int64 // every entry holds the live reports with ID ≤ upTo
	entries map[uint64]*holderEntry
	bytes   int
	clock   uint64
}

// holderEntry is what the cache keeps of a hash. Its postings are only
// appended to (under the cache's lock).
type holderEntry struct {
	ps    []store.Posting // by report ID
	units []unitCount
	used  uint64
}

// unitCount is how many holders of a hash name a unit and belong to a
// unit of the tree.
type unitCount struct {
	name string
	id   int64
	n    int
}

func (e *holderEntry) add(p store.Posting) {
	e.ps = append(e.ps, p)
	for i := range e.units {
		if u := &e.units[i]; u.name == p.Unit && u.id == p.UnitID {
			u.n++
			return
		}
	}
	e.units = append(e.units, unitCount{p.Unit, p.UnitID, 1})
}

func (e *holderEntry) size() int { return 96 + 32*cap(e.ps) + 40*cap(e.units) }

// count returns the distinct units the holders in scope name (one naming
// none counting on its own), at most atLeast when atLeast > 0.
func (e *holderEntry) count(scope *store.Scope, atLeast int) int {
	n := 0
	var seen []string
	for _, u := range e.units {
		if !scope.Holds(u.id) {
			continue
		}
		switch {
		case u.name == "":
			n += u.n
		case !slices.Contains(seen, u.name):
			seen = append(seen, u.name)
			n++
		}
		if atLeast > 0 && n >= atLeast {
			return atLeast
		}
	}
	return n
}

func newEntry(ps []store.Posting) *holderEntry {
	e := &holderEntry{ps: make([]store.Posting, 0, len(ps))}
	for _, p := range ps {
		e.add(p)
	}
	return e
}

// holderSnap is what one statement saw: the generation and the largest
// report ID.
type holderSnap struct {
	gen, report int64
}

// snapColumns are the columns of a holderSnap, read in the statement they
// are added to.
const snapColumns = `(SELECT generation FROM search_state), (SELECT coalesce(max(id), 0) FROM reports)`

// holders calls visit, under the cache's lock, with the entry of each of
// hashes (sorted, distinct) that some live report holds, from the cache or
// read from the database; visit must not keep the entry. The answer is of
// one snapshot of the store for the hashes the cache held and of the
// snapshot the others were read in, each at least as new as the moment
// holders was called.
func (s *Store) holders(ctx context.Context, hashes []uint64, visit func(h uint64, e *holderEntry)) error {
	if len(hashes) == 0 {
		return nil
	}
	c := &s.held
	var snap holderSnap
	if err := s.pool.QueryRow(ctx, `SELECT `+snapColumns).Scan(&snap.gen, &snap.report); err != nil {
		return err
	}
	c.mu.Lock()
	if c.entries == nil || c.gen < snap.gen {
		c.gen, c.upTo, c.entries, c.bytes = snap.gen, snap.report, map[uint64]*holderEntry{}, 0
	}
	if c.gen == snap.gen && c.upTo < snap.report {
		if len(c.entries) == 0 || snap.report-c.upTo > maxCatchUp {
			c.upTo, c.entries, c.bytes = snap.report, map[uint64]*holderEntry{}, 0
		} else {
			from := c.upTo
			c.mu.Unlock()
			added, ok, err := s.reportsAdded(ctx, from, snap)
			if err != nil {
				return err
			}
			c.mu.Lock()
			if ok && c.gen == snap.gen && c.upTo == from {
				c.addReports(added)
				c.upTo = snap.report
			}
		}
	}
	usable := c.gen == snap.gen && c.upTo >= snap.report
	var miss []uint64
	for _, h := range hashes {
		e := c.entries[h]
		if !usable || e == nil {
			miss = append(miss, h)
			continue
		}
		c.clock++
		e.used = c.clock
		if len(e.ps) > 0 {
			visit(h, e)
		}
	}
	c.mu.Unlock()
	if len(miss) == 0 {
		return nil
	}

	read, rsnap, err := s.readHolders(ctx, miss)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	// Kept only when read in the cache's generation and no older than it:
	// the postings of reports the cache has not read yet are left out
	// (they come with the reports added).
	keep := rsnap.gen == c.gen && rsnap.report >= c.upTo
	for i, h := range miss {
		e := newEntry(read[i])
		if len(e.ps) > 0 {
			visit(h, e)
		}
		if !keep || c.entries[h] != nil {
			continue
		}
		if k := len(e.ps); k > 0 && e.ps[k-1].Report > c.upTo {
			end, _ := slices.BinarySearchFunc(e.ps, c.upTo+1, func(p store.Posting, id int64) int { return int(p.Report - id) })
			e = newEntry(e.ps[:end]) // a copy: visit may have kept the slice
		}
		c.clock++
		e.used = c.clock
		c.entries[h] = e
		c.bytes += e.size()
	}
	c.trim()
	return nil
}

// addReports adds the postings of reports added since the cache's last
// read to the hashes it keeps.
func (c *holderCache) addReports(added []addedReport) {
	for _, r := range added {
		for _, h := range r.fps {
			if e := c.entries[h]; e != nil {
				before := e.size()
				e.add(store.Posting{Report: r.id, Unit: r.unit, UnitID: r.unitID})
				c.bytes += e.size() - before
			}
		}
	}
	c.trim()
}

// trim drops the entries used least lately until the cache holds three
// quarters of its budget, once it holds more than the budget.
func (c *holderCache) trim() {
	if c.bytes <= holderBudget {
		return
	}
	type aged struct {
		h    uint64
		used uint64
	}
	all := make([]aged, 0, len(c.entries))
	for h, e := range c.entries {
		all = append(all, aged{h, e.used})
	}
	slices.SortFunc(all, func(a, b aged) int {
		switch {
		case a.used < b.used:
			return -1
		case a.used > b.used:
			return 1
		}
		return 0
	})
	for _, a := range all {
		if c.bytes <= holderBudget*3/4 {
			break
		}
		c.bytes -= c.entries[a.h].size()
		delete(c.entries, a.h)
	}
}

// addedReport is a live report added since the cache's last read.
type addedReport struct {
	id     int64
	unit   string
	unitID int64
	fps    []uint64
}

// reportsAdded reads the live reports with from < ID ≤ snap.report and
// their fingerprints in one statement; ok is false when the store has
// changed generation since snap. When that statement finds none, a second
// reads the generation: the same as snap's means it was the same at the
// first too (it never decreases).
func (s *Store) reportsAdded(ctx context.Context, from int64, snap holderSnap) (added []addedReport, ok bool, err error) {
	rows, err := s.pool.Query(ctx, `SELECT r.id, r.unit, coalesce(r.unit_id, 0), r.fingerprints, (SELECT generation FROM search_state)
		FROM reports r WHERE r.id > $1 AND r.id <= $2 AND r.deleted IS NULL ORDER BY r.id`, from, snap.report)
	if err != nil {
		return nil, false, err
	}
	var (
		r   addedReport
		fps []int64
		gen int64
	)
	ok = true
	names := map[string]string{}
	_, err = pgx.ForEachRow(rows, []any{&r.id, &r.unit, &r.unitID, &fps, &gen}, func() error {
		if gen != snap.gen {
			ok = false
		}
		a := r
		if n, seen := names[a.unit]; seen {
			a.unit = n
		} else {
			names[a.unit] = a.unit
		}
		a.fps = make([]uint64, len(fps))
		for i, h := range fps {
			a.fps[i] = uint64(h)
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
		ok = gen == snap.gen
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
func (s *Store) readHolders(ctx context.Context, hashes []uint64) ([][]store.Posting, holderSnap, error) {
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
		seen bool
	)
	names := map[string]string{}
	_, err = pgx.ForEachRow(rows, []any{&p.Report, &p.Unit, &p.UnitID, &held, &snap.gen, &snap.report}, func() error {
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
		if err := s.pool.QueryRow(ctx, `SELECT `+snapColumns).Scan(&snap.gen, &snap.report); err != nil {
			return nil, holderSnap{}, err
		}
		snap.report = -1 // never newer than the cache: not kept
	}
	return out, snap, nil
}

// Postings returns, for each of hashes held by some report, the reports
// holding it, by ID, from the holders cache.
func (s *Store) Postings(ctx context.Context, hashes []uint64) (map[uint64][]store.Posting, error) {
	out := make(map[uint64][]store.Posting)
	err := s.holders(ctx, norm.Fingerprints(hashes), func(h uint64, e *holderEntry) {
		out[h] = slices.Clone(e.ps)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: postings: %w", err)
	}
	return out, nil
}

// HashUnits returns, for each of hashes held by a report scope selects,
// the number of distinct units its holders name, counted from the holders
// cache (see store.Store).
func (s *Store) HashUnits(ctx context.Context, hashes []uint64, scope *store.Scope, atLeast int) (map[uint64]int, error) {
	out := make(map[uint64]int)
	err := s.holders(ctx, norm.Fingerprints(hashes), func(h uint64, e *holderEntry) {
		if n := e.count(scope, atLeast); n > 0 {
			out[h] = n
		}
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: units of hashes: %w", err)
	}
	return out, nil
}
