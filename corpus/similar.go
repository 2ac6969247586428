package corpus

import (
	"cmp"
	"context"
	"slices"

	"zongjie/document"
	"zongjie/extract"

	"zongjie/reuse"
	"zongjie/store"
)

// MinBoilerplateUnits is the smallest number of distinct units whose
// reports must hold a fingerprint for it to count as a stock phrase of the
// genre rather than copying; a store of more than 100 times as many
// reports raises it to 1% of them. It is well above the size of a
// template family (a district's dozens of townships), which is copying to
// be found, not discounted.
const MinBoilerplateUnits = 50

// boilerplateUnits returns the threshold for a store of n reports.
func boilerplateUnits(n int) int { return max(MinBoilerplateUnits, n/100) }

// Match is a stored report that shares text with the one asked about.
type Match struct {
	Report store.Summary
	// Query and Other measure the shared text on each side: the report
	// asked about, and the stored one.
	Query, Other reuse.Side
	Largest      reuse.Passage // the longest passage, offsets in each text
	LargestText  string        // its text in the stored report
	Passages     int
}

// Query is a text to find similar reports for.
type Query struct {
	Text    string
	Exclude int64 // a stored report to leave out (the query itself), or 0
}

// candidates is how many more stored reports than asked for are aligned:
// the ranking by shared fingerprints is an estimate.
const candidates = 2

// Similar returns the stored reports sharing most text with q, at most
// top of them, by the larger of the two shares without stock phrases.
func Similar(ctx context.Context, st store.Store, q Query, top int) ([]Match, error) {
	if top <= 0 {
		top = 10
	}
	qt := reuse.Normalize(q.Text)
	hashes := reuse.Distinct(qt.Fingerprints())
	bp, shared, err := lookup(ctx, st, hashes, q.Exclude)
	if err != nil {
		return nil, err
	}
	ids := shared.top(top * candidates)
	comparer := reuse.NewComparer(qt, bp)
	// The candidates' texts in one read; one deleted or moved to the
	// trash since the postings were read is left out.
	rs, err := st.Texts(ctx, ids)
	if err != nil {
		return nil, err
	}
	var out []Match
	for _, r := range rs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ot := reuse.Normalize(r.Text)
		res := comparer.Compare(ot)
		if len(res.Passages) == 0 {
			continue
		}
		m := Match{Report: r.Summary(), Query: res.A, Other: res.B, Passages: len(res.Passages)}
		for _, p := range res.Passages {
			if p.BLength > m.Largest.BLength {
				m.Largest = p
			}
		}
		m.LargestText = ot.Original(m.Largest.BOffset, m.Largest.BOffset+m.Largest.BLength)
		out = append(out, m)
	}
	slices.SortStableFunc(out, func(a, b Match) int { return cmp.Compare(score(b), score(a)) })
	if len(out) > top {
		out = out[:top]
	}
	return out, nil
}

func score(m Match) float64 { return max(m.Query.ReuseOwn, m.Other.ReuseOwn) }

// lookup finds which stored reports hold the hashes. It returns the stock
// phrases (the built-in ones and the hashes held by the reports of many
// units) and, per stored report, how many of the other hashes it shares.
func lookup(ctx context.Context, st store.Store, hashes []uint64, exclude int64) (reuse.Boilerplate, *shareCounts, error) {
	postings, err := st.Postings(ctx, hashes)
	if err != nil {
		return nil, nil, err
	}
	units := make(map[uint64]int, len(postings))
	most := 0
	for h, ps := range postings {
		units[h] = distinctUnits(len(ps), func(k int) string { return ps[k].Unit })
		most = max(most, units[h])
	}
	// The threshold is never below MinBoilerplateUnits: the store's size
	// matters only when a hash reaches it (counting the reports of a
	// user's scope lists them).
	limit := MinBoilerplateUnits
	if most >= limit {
		n, err := st.Count(ctx)
		if err != nil {
			return nil, nil, err
		}
		limit = boilerplateUnits(n)
	}
	common := reuse.HashSet{}
	var lists [][]store.Posting
	for h, ps := range postings {
		if units[h] >= limit {
			common[h] = struct{}{}
			continue
		}
		lists = append(lists, ps)
	}
	return reuse.Union{reuse.StockPhrases(), common}, countShared(lists, exclude), nil
}

// shareCounts is how many hashes each stored report shares with a text.
// In a store of one template every report holds the template's hashes, so
// the counts are of thousands of reports: they are kept in a slice
// indexed by report ID when the IDs are dense enough, not in a map (a
// map's insertions were most of counting them).
type shareCounts struct {
	base  int64
	dense []int32         // of report base+i
	hash  map[int64]int32 // when the IDs are too sparse for dense
}

// countShared counts the reports of the postings lists, leaving out
// exclude.
func countShared(lists [][]store.Posting, exclude int64) *shareCounts {
	lo, hi, total := int64(0), int64(-1), 0
	for _, ps := range lists {
		for _, p := range ps {
			if hi < lo {
				lo, hi = p.Report, p.Report
			}
			lo, hi = min(lo, p.Report), max(hi, p.Report)
		}
		total += len(ps)
	}
	c := &shareCounts{base: lo}
	if hi >= lo && hi-lo < 4*int64(total)+1024 {
		c.dense = make([]int32, hi-lo+1)
		for _, ps := range lists {
			for _, p := range ps {
				c.dense[p.Report-lo]++
			}
		}
		if exclude >= lo && exclude <= hi {
			c.dense[exclude-lo] = 0
		}
		return c
	}
	c.hash = map[int64]int32{}
	for _, ps := range lists {
		for _, p := range ps {
			if p.Report != exclude {
				c.hash[p.Report]++
			}
		}
	}
	return c
}

// of returns the hashes report id shares.
func (c *shareCounts) of(id int64) int {
	if c.dense != nil {
		if id < c.base || id-c.base >= int64(len(c.dense)) {
			return 0
		}
		return int(c.dense[id-c.base])
	}
	return int(c.hash[id])
}

// top returns the n reports sharing most hashes, most first, equal counts
// by ID.
func (c *shareCounts) top(n int) []int64 {
	var ids []int64
	if c.dense == nil {
		for id := range c.hash {
			ids = append(ids, id)
		}
	} else {
		// Of the counts, the n-th largest: the reports above it are
		// in, those at it by ID until n.
		var hist []int
		for _, k := range c.dense {
			for int(k) >= len(hist) {
				hist = append(hist, 0)
			}
			hist[k]++
		}
		least, atLeast := 1, len(c.dense) // fewer than n: every report counted
		above := 0
		for k := len(hist) - 1; k >= 1; k-- {
			if above+hist[k] >= n {
				least, atLeast = k, n-above // of the count least, by ID
				break
			}
			above += hist[k]
		}
		for i, k := range c.dense {
			switch {
			case int(k) > least:
				ids = append(ids, c.base+int64(i))
			case int(k) == least && atLeast > 0:
				ids = append(ids, c.base+int64(i))
				atLeast--
			}
		}
	}
	slices.SortFunc(ids, func(a, b int64) int {
		if ca, cb := c.of(a), c.of(b); ca != cb {
			return cb - ca
		}
		return cmp.Compare(a, b)
	})
	return ids[:min(n, len(ids))]
}

// distinctUnits counts the units of n postings, unit(k) giving the k-th's;
// a posting without a unit counts on its own.
func distinctUnits(n int, unit func(k int) string) int {
	seen := map[string]bool{}
	count := 0
	for k := range n {
		u := unit(k)
		if u == "" || !seen[u] {
			seen[u] = true
			count++
		}
	}
	return count
}

// Boilerplate returns the stock phrases to discount when comparing texts
// against st: the built-in ones and the fingerprints of the texts held by
// the reports of many units. st may be nil.
func Boilerplate(ctx context.Context, st store.Store, texts ...*reuse.Text) (reuse.Boilerplate, error) {
	if st == nil {
		return reuse.StockPhrases(), nil
	}
	var hashes []uint64
	for _, t := range texts {
		hashes = append(hashes, reuse.Distinct(t.Fingerprints())...)
	}
	common, err := commonHashes(ctx, st, hashes)
	if err != nil {
		return nil, err
	}
	return reuse.Union{reuse.StockPhrases(), common}, nil
}

// commonHashes returns the hashes held by the reports of many units, as
// lookup finds them, but from the stores' count of each hash's units
// (store.HashUnits), which need not read the holders of a hash past the
// threshold: in a store of one template, every report holds its stock
// phrases, and reading their holders cost more with every report added.
func commonHashes(ctx context.Context, st store.Store, hashes []uint64) (reuse.HashSet, error) {
	units, err := st.HashUnits(ctx, hashes, nil, MinBoilerplateUnits)
	if err != nil {
		return nil, err
	}
	var over []uint64
	for h, n := range units {
		if n >= MinBoilerplateUnits {
			over = append(over, h)
		}
	}
	common := reuse.HashSet{}
	if len(over) == 0 {
		return common, nil
	}
	// The store's size matters only when a hash reaches the smallest
	// threshold, as in lookup.
	n, err := st.Count(ctx)
	if err != nil {
		return nil, err
	}
	if limit := boilerplateUnits(n); limit > MinBoilerplateUnits {
		if units, err = st.HashUnits(ctx, over, nil, limit); err != nil {
			return nil, err
		}
		over = over[:0]
		for h, n := range units {
			if n >= limit {
				over = append(over, h)
			}
		}
	}
	for _, h := range over {
		common[h] = struct{}{}
	}
	return common, nil
}

// Part is one report of a file, to be compared on its own.
type Part struct {
	Index int    // the report's position in the file, 0-based
	Title string // "" for the whole text of a file of one report
	Text  string
}

// Parts returns the texts of a file to compare one by one: the whole text
// when the file holds one report (or none), else each report's. A file
// that pastes several reports together, compared whole, shares a small
// part of itself with each stored report, however much of the report it
// holds; each of its reports compared on its own is measured against its
// own length.
func Parts(f *document.File) []Part {
	reports := extract.File(f)
	if len(reports) <= 1 {
		return []Part{{Text: f.Text}}
	}
	parts := make([]Part, len(reports))
	for i, r := range reports {
		parts[i] = Part{Index: r.Index, Title: r.Title, Text: f.Text[r.Span.Start:r.Span.End]}
	}
	return parts
}
