package postgres

import (
	"container/list"
	"slices"
	"sync"

	"zongjie/store"
)

// reportCache keeps the reports Get read lately, each with the xmin of
// its row of reports: the transaction that wrote that version of the row.
// Every change of what Get returns changes the row (a new version
// rewrites it with its paragraphs, Assign sets its unit, the trash its
// deleted), and so its xmin; a Get of a report kept asks the database
// for the row's xmin only (one indexed row, 0.04 ms of its CPU, against
// 0.3 ms for a report of bench/load whole: its text, data, findings,
// fingerprints and paragraphs, detoasted and sent) and returns a copy of
// the report kept when it is the same. Another process's change is seen
// as at once as by a Get that reads everything.
type reportCache struct {
	mu    sync.Mutex
	m     map[int64]*list.Element // of *keptReport
	lru   list.List               // most recently used first
	bytes int
	max   int // bytes at most
}

type keptReport struct {
	xmin  uint32
	r     *store.Report
	bytes int
}

// reportCacheBytes is how much reportCache keeps at most: about 500
// reports of bench/load (30 KB with their data and findings), as much as
// the app keeps of analyses' text. The server's heap may grow to five
// times what it holds between collections (GOGC=400), so what is kept
// here costs the RSS more than its bytes.
const reportCacheBytes = 16 << 20

func newReportCache(max int) *reportCache {
	return &reportCache{m: map[int64]*list.Element{}, max: max}
}

// get returns the report kept for id, and its xmin.
func (c *reportCache) get(id int64) (*store.Report, uint32, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[id]
	if !ok {
		return nil, 0, false
	}
	c.lru.MoveToFront(e)
	k := e.Value.(*keptReport)
	return k.r, k.xmin, true
}

// put keeps r, read with the row's xmin.
func (c *reportCache) put(r *store.Report, xmin uint32) {
	size := reportSize(r)
	if size > c.max/16 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[r.ID]; ok {
		c.bytes -= e.Value.(*keptReport).bytes
		c.lru.Remove(e)
	}
	c.m[r.ID] = c.lru.PushFront(&keptReport{xmin: xmin, r: r, bytes: size})
	c.bytes += size
	for c.bytes > c.max {
		e := c.lru.Back()
		k := e.Value.(*keptReport)
		c.lru.Remove(e)
		delete(c.m, k.r.ID)
		c.bytes -= k.bytes
	}
}

// drop forgets the report kept for id.
func (c *reportCache) drop(id int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[id]; ok {
		c.bytes -= e.Value.(*keptReport).bytes
		c.lru.Remove(e)
		delete(c.m, id)
	}
}

// reportSize is about the bytes r holds.
func reportSize(r *store.Report) int {
	n := 512 + len(r.Text) + len(r.Data) + len(r.Findings) + 8*len(r.Fingerprints) + 8*len(r.Years)
	for _, p := range r.Paragraphs {
		n += 48 + len(p.Text) + len(p.Kind)
	}
	return n
}

// cloneReport returns a copy of r that shares no slice with it (the
// strings are immutable), so that a caller may change what it gets.
func cloneReport(r *store.Report) *store.Report {
	c := *r
	c.Years = slices.Clone(r.Years)
	c.Data = slices.Clone(r.Data)
	c.Findings = slices.Clone(r.Findings)
	c.Fingerprints = slices.Clone(r.Fingerprints)
	c.Paragraphs = slices.Clone(r.Paragraphs)
	return &c
}
