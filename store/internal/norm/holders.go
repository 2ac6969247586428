package norm

import (
	"cmp"
	"context"
	"slices"
	"sync"

	"zongjie/store"
)

// HolderCache is a store's holders cache: for the hashes looked up lately,
// the live reports holding each (Postings) and how many of them name each
// unit (HashUnits). Without it each lookup read every holder of a hash
// from the database: in a store of one template, where every report holds
// the template's hashes, each lookup cost more with every report added.
// Within one Generation no posting of a report changes, and new reports
// come with larger IDs (in the order of their commits); so the cache
// reads, once, the fingerprints of the reports added since its last read
// and adds them to the hashes it keeps. A change of generation empties it,
// whoever wrote. The stores read; the cache decides what to keep.
type HolderCache struct {
	mu      sync.Mutex
	gen     Generation
	upTo    int64 // every entry holds the live reports with ID ≤ upTo
	entries map[uint64]*HolderEntry
	bytes   int
	clock   uint64
}

// HolderBudget is the bytes a holders cache keeps at most (about a
// million postings; the server's collector lets the heap grow to five
// times what is live, GOGC=400); past it, the hashes used least lately are
// dropped. A variable for the tests.
var HolderBudget = 32 << 20

// maxCatchUp is the number of reports added since the cache's last read
// past which it is emptied rather than brought up to date (a bulk add by
// another process): reading the hashes again costs less than reading
// every new report's fingerprints.
const maxCatchUp = 4096

// HolderEntry is what the cache keeps of a hash. Its postings are only
// appended to (under the cache's lock), or copied to insert one, so a
// slice of them taken under the lock stays valid after it.
type HolderEntry struct {
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

// add adds the posting p unless the entry holds its report already (a
// report read again: see HolderSnap.Marks), in the order of report IDs.
func (e *HolderEntry) add(p store.Posting) {
	if k := len(e.ps); k == 0 || e.ps[k-1].Report < p.Report {
		e.ps = append(e.ps, p)
	} else {
		i, found := slices.BinarySearchFunc(e.ps, p.Report, func(q store.Posting, id int64) int { return cmp.Compare(q.Report, id) })
		if found {
			return
		}
		// A new array: a slice of the old one taken under the lock
		// stays as it was.
		e.ps = slices.Concat(e.ps[:i], []store.Posting{p}, e.ps[i:])
	}
	for i := range e.units {
		if u := &e.units[i]; u.name == p.Unit && u.id == p.UnitID {
			u.n++
			return
		}
	}
	e.units = append(e.units, unitCount{p.Unit, p.UnitID, 1})
}

func (e *HolderEntry) size() int { return 96 + 32*cap(e.ps) + 40*cap(e.units) }

// Postings returns the live holders of the hash, by report ID.
func (e *HolderEntry) Postings() []store.Posting { return e.ps }

// Count returns the distinct units the holders in scope name (one naming
// none counting on its own), at most atLeast when atLeast > 0.
func (e *HolderEntry) Count(scope *store.Scope, atLeast int) int {
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

func newHolderEntry(ps []store.Posting) *HolderEntry {
	e := &HolderEntry{ps: make([]store.Posting, 0, len(ps))}
	for _, p := range ps {
		e.add(p)
	}
	return e
}

// HolderSnap is what one read of a store saw: its generation and the
// last report ID given. With Marks, Report is the store's mark of the
// read's snapshot instead (see Snapshot): the reports a later mark adds
// may have smaller IDs, and an entry read at a newer mark than the
// cache's is kept whole (the reports added later that it holds already
// are not added twice).
type HolderSnap struct {
	Gen    Generation
	Report int64
	Marks  bool
}

// AddedReport is a live report added since the cache's last read.
type AddedReport struct {
	ID           int64
	Unit         string
	UnitID       int64
	Fingerprints []uint64
}

// HolderRead is what one read of the database found: the live holders of
// each of Hashes, by report ID, as of Snap.
type HolderRead struct {
	Snap     HolderSnap
	Hashes   []uint64
	Postings [][]store.Posting
}

// HolderSource is how a cache reads its store.
type HolderSource struct {
	// Added reads the live reports with from < ID ≤ snap.Report and
	// their fingerprints; ok is false when the store has changed
	// generation since snap.
	Added func(ctx context.Context, from int64, snap HolderSnap) (added []AddedReport, ok bool, err error)
	// Read reads the live holders of hashes (sorted, distinct).
	Read func(ctx context.Context, hashes []uint64) ([]HolderRead, error)
}

// Holders calls visit, under the cache's lock, with the entry of each of
// hashes (sorted, distinct) that some live report holds, from the cache or
// read through src; snap is the store as holders is called; visit must
// not keep the entry. The answer is of one snapshot of the store for the
// hashes the cache held and of the snapshots the others were read in,
// each at least as new as snap.
func (c *HolderCache) Holders(ctx context.Context, snap HolderSnap, hashes []uint64, src HolderSource, visit func(h uint64, e *HolderEntry)) error {
	if len(hashes) == 0 {
		return nil
	}
	c.mu.Lock()
	if c.entries == nil || c.gen.Before(snap.Gen) {
		c.gen, c.upTo, c.entries, c.bytes = snap.Gen, snap.Report, map[uint64]*HolderEntry{}, 0
	}
	if c.gen == snap.Gen && c.upTo < snap.Report {
		if len(c.entries) == 0 || snap.Report-c.upTo > maxCatchUp {
			c.upTo, c.entries, c.bytes = snap.Report, map[uint64]*HolderEntry{}, 0
		} else {
			from := c.upTo
			c.mu.Unlock()
			added, ok, err := src.Added(ctx, from, snap)
			if err != nil {
				return err
			}
			c.mu.Lock()
			// Also when another lookup brought the cache part of the
			// way meanwhile: the postings both read are kept once.
			if ok && c.gen == snap.Gen && c.upTo >= from && c.upTo < snap.Report {
				c.addReports(added)
				c.upTo = snap.Report
			}
		}
	}
	usable := c.gen == snap.Gen && c.upTo >= snap.Report
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

	reads, err := src.Read(ctx, miss)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, r := range reads {
		// Kept only when read in the cache's generation and no older
		// than it: the postings of reports the cache has not read yet
		// are left out (they come with the reports added).
		keep := r.Snap.Gen == c.gen && r.Snap.Report >= c.upTo
		for i, h := range r.Hashes {
			e := newHolderEntry(r.Postings[i])
			if len(e.ps) > 0 {
				visit(h, e)
			}
			if !keep || c.entries[h] != nil {
				continue
			}
			if k := len(e.ps); k > 0 && e.ps[k-1].Report > c.upTo && !r.Snap.Marks {
				end, _ := slices.BinarySearchFunc(e.ps, c.upTo+1, func(p store.Posting, id int64) int { return int(p.Report - id) })
				e = newHolderEntry(e.ps[:end]) // a copy: visit may have kept the slice
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
func (c *HolderCache) addReports(added []AddedReport) {
	for _, r := range added {
		for _, h := range r.Fingerprints {
			if e := c.entries[h]; e != nil {
				before := e.size()
				e.add(store.Posting{Report: r.ID, Unit: r.Unit, UnitID: r.UnitID})
				c.bytes += e.size() - before
			}
		}
	}
	c.trim()
}

// trim drops the entries used least lately until the cache holds three
// quarters of its budget, once it holds more than the budget.
func (c *HolderCache) trim() {
	if c.bytes <= HolderBudget {
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
		if c.bytes <= HolderBudget*3/4 {
			break
		}
		c.bytes -= c.entries[a.h].size()
		delete(c.entries, a.h)
	}
}

// Held returns the number of hashes the cache keeps and their bytes.
func (c *HolderCache) Held() (hashes, bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries), c.bytes
}
