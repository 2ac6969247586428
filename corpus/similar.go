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
	bp, ids, err := lookup(ctx, st, hashes, q.Exclude, top*candidates)
	if err != nil {
		return nil, err
	}
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
// units) and the n stored reports other than exclude sharing the most of
// the other hashes, most first, equal counts by ID.
//
// The store counts them (store.Shared): until 2026-12 the holders of every
// hash were read (Postings), copied, and counted here, which in a store of
// one template, where every report holds most of a report's hashes, cost
// more with every report added (the copies alone 12 MB a request at 6,000
// reports).
func lookup(ctx context.Context, st store.Store, hashes []uint64, exclude int64, n int) (reuse.Boilerplate, []int64, error) {
	common, err := commonHashes(ctx, st, hashes)
	if err != nil {
		return nil, nil, err
	}
	rest := hashes
	if len(common) > 0 {
		rest = slices.DeleteFunc(slices.Clone(hashes), common.Has)
	}
	shared, err := st.Shared(ctx, rest, nil, exclude, n)
	if err != nil {
		return nil, nil, err
	}
	ids := make([]int64, len(shared))
	for i, s := range shared {
		ids[i] = s.Report
	}
	return reuse.Union{reuse.StockPhrases(), common}, ids, nil
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

// commonHashes returns the hashes held by the reports of many units (of
// the store as st shows it: a user's scope), from the stores' count of
// each hash's units (store.HashUnits), which need not read the holders of
// a hash past the threshold: in a store of one template, every report
// holds its stock phrases, and reading their holders cost more with every
// report added.
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
