package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// The holders cache keeps, for the hashes looked up lately, the live
// reports holding each (Postings) and how many of them name each unit
// (HashUnits). Without it each lookup read every holder of a hash from the
// fingerprint index — one block per run, from pages every write has made
// cold — and looked up each holder's unit: in a store of one template,
// where every report holds the template's hashes, each lookup cost more
// with every report added. Within one generation (norm.Generation: a new
// version, the trash, a deletion or a move changes it) no posting of a
// report changes, and new reports come with larger IDs; so the cache
// reads, once, the fingerprints of the reports added since its last read
// and adds them to the hashes it keeps. A change of generation empties it,
// whoever wrote the database.

// holderBudget is the bytes the holders cache keeps at most (about a
// million postings; the server's collector lets the heap grow to five
// times what is live, GOGC=400); past it, the hashes used least lately are
// dropped. A variable for the tests.
var holderBudget = 32 << 20

// maxCatchUp is the number of reports added since the cache's last read
// past which it is emptied rather than brought up to date (a bulk add by
// another process): reading the hashes again costs less than reading
// every new report's fingerprints.
const maxCatchUp = 4096

// holderCache is the holders cache of a Store.
type holderCache struct {
	mu      sync.Mutex
	gen     norm.Generation
	upTo    int64 // every entry holds the live reports with ID ≤ upTo
	entries map[uint64]*holderEntry
	bytes   int
	clock   uint64
}

// holderEntry is what the cache keeps of a hash. Its postings are only
// appended to (under the cache's lock), so a slice of them taken under
// the lock stays valid after it.
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

// holderSnap is what one read transaction sees: the generation and the
// last report ID given.
type holderSnap struct {
	gen    norm.Generation
	report int64
}

const holderSnapSQL = `SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'versions'), 0),
	(SELECT generation FROM placement), coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'reports'), 0)`

func readHolderSnap(ctx context.Context, q queryer) (holderSnap, error) {
	var s holderSnap
	err := q.QueryRowContext(ctx, holderSnapSQL).Scan(&s.gen[0], &s.gen[1], &s.report)
	return s, err
}

// holders calls visit, under the cache's lock, with the entry of each of
// hashes (sorted, distinct) that some live report holds, from the cache or
// read from the database; visit must not keep the entry. The answer is of
// one snapshot of the store for the hashes the cache held and of the
// snapshots the others were read in, each at least as new as the moment
// holders was called.
func (s *Store) holders(ctx context.Context, hashes []uint64, visit func(h uint64, e *holderEntry)) error {
	if len(hashes) == 0 {
		return nil
	}
	c := &s.held
	snap, err := readHolderSnap(ctx, &s.rq)
	if err != nil {
		return err
	}
	c.mu.Lock()
	if c.entries == nil || c.gen.Before(snap.gen) {
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

	reads, err := s.readHolders(ctx, miss)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, r := range reads {
		// Kept only when read in the cache's generation and no older
		// than it: the postings of reports the cache has not read yet
		// are left out (they come with the reports added).
		keep := r.snap.gen == c.gen && r.snap.report >= c.upTo
		for i, h := range r.hashes {
			e := newEntry(r.ps[i])
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
// their fingerprints, in a read transaction of snap's generation; ok is
// false when the store has changed generation since.
func (s *Store) reportsAdded(ctx context.Context, from int64, snap holderSnap) (added []addedReport, ok bool, err error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, false, err
	}
	defer tx.Rollback()
	now, err := readHolderSnap(ctx, tx)
	if err != nil || now.gen != snap.gen {
		return nil, false, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT r.id, r.unit, coalesce(r.unit_id, 0), f.hashes
		FROM reports r JOIN fingerprints f ON f.report = r.id
		WHERE r.id > ? AND r.id <= ? AND r.deleted IS NULL ORDER BY r.id`, from, snap.report)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	names := map[string]string{}
	for rows.Next() {
		var (
			r      addedReport
			hashes []byte
		)
		if err := rows.Scan(&r.id, &r.unit, &r.unitID, &hashes); err != nil {
			return nil, false, err
		}
		if r.fps, err = unpackHashes(hashes); err != nil {
			return nil, false, fmt.Errorf("report %d: %w", r.id, err)
		}
		if n, ok := names[r.unit]; ok {
			r.unit = n
		} else {
			names[r.unit] = r.unit
		}
		added = append(added, r)
	}
	return added, true, rows.Err()
}

// holderRead is what one connection read of the fingerprint index: the
// live holders of each of hashes, by report ID, as of snap.
type holderRead struct {
	snap   holderSnap
	hashes []uint64
	ps     [][]store.Posting
}

// readHolders reads the holders of hashes from the database, in chunks on
// several connections at once.
func (s *Store) readHolders(ctx context.Context, hashes []uint64) ([]holderRead, error) {
	type result struct {
		reports [][]int64 // of each hash of the chunk
		snap    holderSnap
		err     error
	}
	n := (len(hashes) + postingsChunk - 1) / postingsChunk
	results := make([]result, n)
	// At most as many connections at once as there are processors.
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for c := range n {
		chunk := hashes[c*postingsChunk : min((c+1)*postingsChunk, len(hashes))]
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[c].reports, results[c].snap, results[c].err = s.postings(ctx, chunk)
		})
	}
	wg.Wait()
	var ids []int64
	for _, r := range results {
		if r.err != nil {
			return nil, r.err
		}
		for _, reports := range r.reports {
			ids = append(ids, reports...)
		}
	}
	units, err := s.units.get(ctx, &s.rq, ids)
	if err != nil {
		return nil, err
	}
	out := make([]holderRead, n)
	for c, r := range results {
		out[c] = holderRead{snap: r.snap, hashes: hashes[c*postingsChunk : min((c+1)*postingsChunk, len(hashes))], ps: make([][]store.Posting, len(r.reports))}
		for i, reports := range r.reports {
			ps := make([]store.Posting, 0, len(reports))
			for _, id := range reports {
				if u, ok := units[id]; ok { // not in the trash
					ps = append(ps, store.Posting{Report: id, Unit: u.name, UnitID: u.id})
				}
			}
			out[c].ps[i] = ps
		}
	}
	return out, nil
}
