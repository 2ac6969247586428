package app

import (
	"slices"
	"sync"

	"zongjie/check"
	"zongjie/store"
)

// Limits of the analyses an App keeps (see analyses).
const (
	analysesMax      = 512      // versions
	analysesMaxBytes = 16 << 20 // bytes of their texts together
)

// analyses keeps the analyses of the stored versions read lately, so
// that showing a version again does not read its text and extraction
// back from the store, extract the text again and check it again. A
// stored version never changes (store.Report), and an analysis depends
// on nothing else but the checker's configuration of its name, so an
// entry stays right for as long as the version is the one the store
// holds under its report ID and number. That is known from the version's
// summary, which the page reads anyway (the versions list): an entry is
// used only when the summary read now is the one it was made from (the
// file's hash, its position, the time it was stored …), not merely the
// same ID and number — a database restored from a backup under a running
// server may give an ID to another report — and only with the same
// configuration. The report's unit in the tree (Summary.UnitID), which
// the report's versions share and Assign changes, is not part of an
// analysis: the caller takes it from the summary read now.
//
// The oldest entries go first once there are analysesMax of them or
// their texts hold more than analysesMaxBytes bytes.
type analyses struct {
	mu    sync.Mutex
	items map[analysisKey]*cachedAnalysis
	order []analysisKey // oldest first
	bytes int
}

type analysisKey struct {
	id      int64
	version int
}

type cachedAnalysis struct {
	sum store.Summary // the version's, UnitID 0
	cfg *check.Config
	an  *analysis
}

// get returns the analysis of the version sum describes, made with cfg,
// or nil.
func (c *analyses) get(sum store.Summary, cfg *check.Config) *analysis {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.items[analysisKey{sum.ID, sum.Version}]
	if e == nil || e.cfg != cfg || !sameVersion(e.sum, sum) {
		return nil
	}
	return e.an
}

// put keeps the analysis an of the version sum describes, made with
// cfg.
func (c *analyses) put(sum store.Summary, cfg *check.Config, an *analysis) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.items == nil {
		c.items = map[analysisKey]*cachedAnalysis{}
	}
	k := analysisKey{sum.ID, sum.Version}
	sum.UnitID = 0
	if old := c.items[k]; old != nil {
		c.bytes -= len(old.an.file.Text)
		c.order = slices.DeleteFunc(c.order, func(x analysisKey) bool { return x == k })
	}
	// The record's text is the file's; what else it holds the analysis
	// was made from, and is not kept.
	kept := *an
	rec := *an.rec
	rec.Data, rec.Findings, rec.Fingerprints, rec.Paragraphs = nil, nil, nil, nil
	kept.rec = &rec
	c.items[k] = &cachedAnalysis{sum: sum, cfg: cfg, an: &kept}
	c.order = append(c.order, k)
	c.bytes += len(an.file.Text)
	for len(c.order) > 1 && (len(c.order) > analysesMax || c.bytes > analysesMaxBytes) {
		old := c.items[c.order[0]]
		c.bytes -= len(old.an.file.Text)
		delete(c.items, c.order[0])
		c.order = c.order[1:]
	}
}

// sameVersion reports whether a and b describe the same stored version,
// whatever unit of the tree its report is in now.
func sameVersion(a, b store.Summary) bool {
	a.UnitID, b.UnitID = 0, 0
	return a.ID == b.ID && a.Version == b.Version && a.Note == b.Note && a.FileHash == b.FileHash && a.Index == b.Index &&
		a.Path == b.Path && a.Title == b.Title && a.Unit == b.Unit && a.Level == b.Level && slices.Equal(a.Years, b.Years) &&
		a.Period == b.Period && a.Genre == b.Genre && a.Chars == b.Chars && a.Added.Equal(b.Added)
}
