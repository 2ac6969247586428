package norm

import (
	"container/list"
	"context"
	"slices"
	"strings"
	"sync"

	"zongjie/store"
)

// Para is a paragraph that holds a phrase, as SearchCache keeps it: what
// Rank needs of it and what a Query selects it by.
type Para struct {
	ID, Report  int64
	Kind        string
	Tokens      int32 // store.CountPhrase of its text and the phrase
	Occurrences int32
}

// NewPara returns the Para of a paragraph holding the phrase terms
// (store.Terms of a query).
func NewPara(id, report int64, kind, text string, terms []string) Para {
	n, tf := store.CountPhrase(text, terms)
	return Para{ID: id, Report: report, Kind: internKind(kind), Tokens: int32(min(n, 1<<31-1)), Occurrences: int32(min(tf, 1<<31-1))}
}

// MatchPara returns the Para of a paragraph and whether it holds the
// phrase terms (store.Terms of a query) — whether the full-text index
// finds it for the phrase: both hold its tokens consecutively.
func MatchPara(id, report int64, kind, text string, terms []string) (Para, bool) {
	p := NewPara(id, report, kind, text, terms)
	return p, p.Occurrences > 0
}

// internKind returns a section kind as a constant string when it is one
// of the kinds, so that the cache does not hold a copy for each paragraph.
func internKind(kind string) string {
	for _, k := range [...]string{"review", "highlights", "problems", "plan", "other", ""} {
		if kind == k {
			return k
		}
	}
	return kind
}

// ReportMeta is what a Filter selects a live report by.
type ReportMeta struct {
	Path, Unit, Level, Genre string
	Years                    []int
	UnitID                   int64 // 0: unassigned
}

// Selected reports whether f selects the report (the trash aside: the
// cache holds no paragraph of a report in the trash).
func (m *ReportMeta) Selected(f store.Filter) bool {
	return (f.Path == "" || m.Path == f.Path) && (f.Unit == "" || m.Unit == f.Unit) &&
		(f.Level == "" || m.Level == f.Level) && (f.Year == 0 || slices.Contains(m.Years, f.Year)) &&
		(f.Genre == "" || m.Genre == f.Genre) && f.Scope.Holds(m.UnitID)
}

// Generation is a store's count of the changes after which SearchCache
// must read everything again: any change that takes a paragraph out of
// the full-text index (a new version, the trash, a deletion) or changes
// what a Filter selects a report by (a new version, a move to another
// unit). Its parts never decrease; adding a report changes none of them.
type Generation [2]int64

// Before reports whether g is older than h: no part larger, one smaller.
func (g Generation) Before(h Generation) bool {
	return g != h && g[0] <= h[0] && g[1] <= h[1]
}

// Snapshot is what a search's read transaction sees of the store: its
// generation and the largest paragraph and report IDs. IDs are given in
// increasing order, so that within one generation the paragraphs and
// reports of an older snapshot are those of a newer one up to its IDs.
//
// With Marks, Paragraph and Report are instead the store's mark of the
// snapshot (PostgreSQL, whose writers take no common lock: IDs commit out
// of order): marks grow with the snapshots, a later one seeing every row
// an earlier one does, but the rows an older mark lacks may have any IDs.
// What the cache holds at a mark is at least what the snapshot of the
// mark sees (perhaps more: what a newer one sees), and what it reads is
// merged by ID, each kept once. It answers a snapshot older than what it
// holds as of what it holds, a snapshot at least as new, never cut at an
// ID.
type Snapshot struct {
	Generation Generation
	Paragraph  int64 // the largest paragraph ID, 0 for none (or the mark)
	Report     int64 // the largest report ID, 0 for none (or the mark)
	Marks      bool
}

// SearchSource reads, within the search's read transaction, what the
// cache lacks.
type SearchSource interface {
	// Matches returns the paragraphs with after < ID ≤ upTo that hold
	// phrase (store.Spaced of a query), in the index (not in the trash),
	// by ascending ID, at most limit of them.
	Matches(ctx context.Context, phrase string, after, upTo int64, limit int) ([]Para, error)
	// Reports returns the live reports with after < ID ≤ upTo.
	Reports(ctx context.Context, after, upTo int64) (map[int64]ReportMeta, error)
	// Hits returns the hits of the paragraphs ids (without scores): each
	// paragraph and the summary of its report.
	Hits(ctx context.Context, ids []int64) (map[int64]store.Hit, error)
}

// Bounds of SearchCache.
const (
	// cachePhrase is the number of paragraphs a phrase may match and be
	// kept (7.7 MB, under a quarter of PhraseBudget): a phrase found in
	// more is searched in the database each time, where the newest
	// SearchScan that the query selects are read — about ten times the
	// cost of ranking them from the cache (BenchmarkGrowth, 4,000 reports
	// of one template: 就业 in 58,000 paragraphs). At 50,000 a word of
	// every report's template passed it in a store of 3,500 reports.
	cachePhrase = 160000
	// paraBytes is what the cache holds for a paragraph of a phrase: a
	// Para (its kind one of the constant strings) and its share of the
	// slice's spare capacity.
	paraBytes = 48
	// hitOverhead is what the cache holds for a hit beside its strings:
	// the hit, its list element and its entry in the map.
	hitOverhead = 320
)

// Byte budgets of SearchCache: the paragraphs of all phrases (about
// 700,000 of them) and the hits shown (each paragraph's text and its
// report's summary; about 20,000 hits of 500 bytes of text). Variables
// for the tests.
var (
	PhraseBudget = 32 << 20
	HitBudget    = 16 << 20
)

// SearchCache keeps, per phrase searched, the paragraphs of the store
// that hold it, and the fields of the reports a Filter selects by, so
// that a search reads from the database only what was added since the
// last one: the paragraphs every search ranks (all those it selects) are
// otherwise read again each time, several thousand for a common word. It
// reads everything again when the store's Generation has changed. Its
// answers are those of the query in the database: the paragraphs q
// selects, newest first, at most SearchScan, ranked by Rank.
//
// It also keeps the hits shown (a paragraph and its report's summary,
// which no change but one of the Generation alters), the least recently
// shown dropped beyond HitBudget bytes: read again each time, they cost a
// search most of its time under writes, which empty SQLite's page cache
// of every reading connection.
type SearchCache struct {
	mu      sync.Mutex
	gen     Generation
	reports map[int64]ReportMeta
	upTo    int64 // the reports with ID ≤ upTo are in reports
	phrases map[string]*phraseEntry
	total   int    // paragraphs held by phrases
	clock   uint64 // of the last use, to drop the least recently used

	hits     map[int64]*list.Element // of hitEntry, by paragraph ID
	hitOrder list.List               // most recently shown first
	hitBytes int
}

// hitEntry is a hit kept, by its paragraph's ID.
type hitEntry struct {
	id    int64
	hit   store.Hit
	bytes int
}

// phraseEntry is what the cache holds of a phrase.
type phraseEntry struct {
	paras   []Para // ascending ID
	upTo    int64  // the paragraphs holding the phrase with ID ≤ upTo are in paras
	tooMany bool   // more than cachePhrase: not kept
	used    uint64
}

// Search returns the best hits of q (ranked as Rank ranks them), reading
// what it lacks from src, as of snap; ok is false when the cache cannot
// answer (the phrase is found in too many paragraphs, or snap is older
// than what the cache holds) and the store must search itself.
func (c *SearchCache) Search(ctx context.Context, src SearchSource, snap Snapshot, q store.Query) (best []Scored, ok bool, err error) {
	phrase := store.Spaced(q.Text)
	c.mu.Lock()
	if c.gen.Before(snap.Generation) || c.phrases == nil {
		c.reset(snap.Generation)
	}
	if c.gen != snap.Generation {
		c.mu.Unlock()
		return nil, false, nil
	}
	e := c.phrases[phrase]
	reportsFrom := c.upTo
	c.mu.Unlock()
	if e != nil && e.tooMany {
		return nil, false, nil
	}

	// What was added since.
	var (
		from  int64
		added []Para
		have  int
	)
	if e != nil {
		from, have = e.upTo, len(e.paras)
	}
	if from < snap.Paragraph {
		if added, err = src.Matches(ctx, phrase, from, snap.Paragraph, cachePhrase-have+1); err != nil {
			return nil, false, err
		}
	}
	var reports map[int64]ReportMeta
	if reportsFrom < snap.Report {
		if reports, err = src.Reports(ctx, reportsFrom, snap.Report); err != nil {
			return nil, false, err
		}
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != snap.Generation {
		return nil, false, nil
	}
	// What was read since reportsFrom brings the cache to the snapshot
	// also when another search has brought it part of the way meanwhile:
	// what both read is kept once.
	if reports != nil && c.upTo >= reportsFrom && c.upTo < snap.Report {
		for id, m := range reports {
			c.reports[id] = m
		}
		c.upTo = snap.Report
	}
	if c.upTo < snap.Report {
		return nil, false, nil // not expected: an emptied cache is a new generation
	}
	cur := c.phrases[phrase]
	switch {
	case cur != nil && cur.tooMany:
		return nil, false, nil
	case cur != nil && cur.upTo >= snap.Paragraph:
		// As new as needed already (perhaps newer: the IDs above the
		// snapshot's are left out below, with Marks not).
	case (cur == nil && from == 0) || (cur != nil && cur.upTo >= from):
		// From the entry read or one another search brought part of the
		// way meanwhile (the paragraphs both read are kept once).
		next := &phraseEntry{upTo: snap.Paragraph}
		if cur != nil {
			// In place when appended: the cache is read and written
			// under c.mu only, and only the latest entry of a phrase
			// is appended to.
			next.paras = MergeByID(cur.paras, added, func(p Para) int64 { return p.ID })
		} else {
			next.paras = added
		}
		if len(next.paras) > cachePhrase {
			next.paras, next.tooMany = nil, true
		}
		c.put(phrase, cur, next)
		if next.tooMany {
			return nil, false, nil
		}
		cur = next
	default:
		return nil, false, nil // dropped or replaced meanwhile
	}
	c.clock++
	cur.used = c.clock
	return c.rank(cur.paras, snap, q)
}

// rank selects the paragraphs of paras that q selects, up to the
// snapshot's IDs, newest first and at most SearchScan, and ranks them.
func (c *SearchCache) rank(paras []Para, snap Snapshot, q store.Query) ([]Scored, bool, error) {
	end := len(paras)
	if !snap.Marks {
		end, _ = slices.BinarySearchFunc(paras, snap.Paragraph+1, func(p Para, id int64) int {
			switch {
			case p.ID < id:
				return -1
			case p.ID > id:
				return 1
			}
			return 0
		})
	}
	var (
		stats  []stat
		last   int64 = -1
		chosen bool
	)
	for i := end - 1; i >= 0 && len(stats) < SearchScan; i-- {
		p := &paras[i]
		if q.Kind != "" && p.Kind != q.Kind {
			continue
		}
		if p.Report != last {
			m, ok := c.reports[p.Report]
			if !ok {
				return nil, false, nil // not as expected: let the database answer
			}
			last, chosen = p.Report, m.Selected(q.Filter)
		}
		if chosen {
			stats = append(stats, stat{id: p.ID, n: int(p.Tokens), tf: int(p.Occurrences)})
		}
	}
	return rankStats(stats, Limit(q)), true, nil
}

// reset empties the cache for generation gen.
func (c *SearchCache) reset(gen Generation) {
	c.gen = gen
	c.reports = make(map[int64]ReportMeta)
	c.upTo = 0
	c.phrases = make(map[string]*phraseEntry)
	c.total = 0
	c.hits = make(map[int64]*list.Element)
	c.hitOrder.Init()
	c.hitBytes = 0
}

// put replaces the entry old of phrase (nil: none) with e and drops the
// least recently used phrases while the cache holds more than
// PhraseBudget bytes of paragraphs.
func (c *SearchCache) put(phrase string, old, e *phraseEntry) {
	if old != nil {
		c.total -= len(old.paras)
	}
	c.phrases[phrase] = e
	c.total += len(e.paras)
	for c.total*paraBytes > PhraseBudget {
		var (
			victim string
			oldest *phraseEntry
		)
		for k, v := range c.phrases {
			if v != e && (oldest == nil || v.used < oldest.used) {
				victim, oldest = k, v
			}
		}
		if oldest == nil {
			break
		}
		c.total -= len(oldest.paras)
		delete(c.phrases, victim)
	}
}

// Hits returns the hits of best, in its order and with its scores: those
// kept from earlier searches of snap's generation, the others read from
// src (and kept). A paragraph src does not find is left out.
func (c *SearchCache) Hits(ctx context.Context, src SearchSource, snap Snapshot, best []Scored) ([]store.Hit, error) {
	if len(best) == 0 {
		return nil, nil
	}
	found := make(map[int64]store.Hit, len(best))
	var missing []int64
	c.mu.Lock()
	current := c.gen == snap.Generation && c.hits != nil
	for _, b := range best {
		if el, ok := c.hits[b.ID]; ok && current {
			c.hitOrder.MoveToFront(el)
			found[b.ID] = el.Value.(*hitEntry).hit
		} else {
			missing = append(missing, b.ID)
		}
	}
	c.mu.Unlock()
	if len(missing) > 0 {
		read, err := src.Hits(ctx, missing)
		if err != nil {
			return nil, err
		}
		c.mu.Lock()
		// Kept only when the cache is still of the snapshot's generation:
		// a paragraph and its report's summary are the same then.
		keep := c.gen == snap.Generation && c.hits != nil
		for id, h := range read {
			found[id] = h
			if keep {
				c.keepHit(id, h)
			}
		}
		c.mu.Unlock()
	}
	hits := make([]store.Hit, 0, len(best))
	for _, b := range best {
		if h, ok := found[b.ID]; ok {
			h.Score = b.Score
			h.Report.Years = slices.Clone(h.Report.Years) // the caller's own
			hits = append(hits, h)
		}
	}
	return hits, nil
}

// keepHit keeps the hit of paragraph id and drops the least recently
// shown while the hits hold more than HitBudget bytes.
func (c *SearchCache) keepHit(id int64, h store.Hit) {
	if _, ok := c.hits[id]; ok {
		return
	}
	h.Score = 0
	r := &h.Report
	n := hitOverhead + len(h.Paragraph.Text) + len(h.Paragraph.Kind) + len(r.Note) + len(r.FileHash) + len(r.Path) +
		len(r.Title) + len(r.Unit) + len(r.Level) + len(r.Period) + len(r.Genre) + 8*len(r.Years)
	if n > HitBudget {
		return
	}
	c.hits[id] = c.hitOrder.PushFront(&hitEntry{id: id, hit: h, bytes: n})
	c.hitBytes += n
	for c.hitBytes > HitBudget {
		e := c.hitOrder.Remove(c.hitOrder.Back()).(*hitEntry)
		delete(c.hits, e.id)
		c.hitBytes -= e.bytes
	}
}

// Terms returns the tokens of a phrase (store.Spaced of a query) for
// NewPara.
func Terms(phrase string) []string {
	return strings.Split(phrase, " ")
}

// Phrases returns the number of phrases the cache holds (for tests).
func (c *SearchCache) Phrases() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.phrases)
}

// Held returns the bytes the cache counts for the paragraphs of its
// phrases and for its hits, and the number of hits (for tests).
func (c *SearchCache) Held() (phraseBytes, hitBytes, hits int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.total * paraBytes, c.hitBytes, len(c.hits)
}

// MergeByID returns a, ascending by the IDs id gives, with the elements
// of b (also ascending) whose IDs a lacks: appended to a in place when
// they all come after it (IDs given and committed in order), else merged
// into a new slice (rows that committed out of the order of their IDs).
func MergeByID[T any](a, b []T, id func(T) int64) []T {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 || id(a[len(a)-1]) < id(b[0]) {
		return append(a, b...)
	}
	out := make([]T, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch x, y := id(a[i]), id(b[j]); {
		case x < y:
			out = append(out, a[i])
			i++
		case x > y:
			out = append(out, b[j])
			j++
		default: // held already
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}
