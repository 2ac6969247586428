package store

import (
	"cmp"
	"math"
	"slices"
)

// Shared is a stored report and how many of a text's hashes it holds.
type Shared struct {
	Report int64
	Hashes int
}

// TopShared returns the reports the scope selects (nil: every report),
// other than exclude, that hold the most of the hashes whose holders are
// lists: at most n, most first, equal counts by ID. Each list holds the
// holders of one hash, by report ID, each report once (as the stores'
// holders are kept); every hash counts one.
//
// It is what counting every posting of every list and sorting the counts
// gives, without reading every posting: in a store of one template, every
// report holds most of a report's hashes, and counting them all cost more
// with every report added. The reports are visited by ID (MaxScore, Turtle
// and Flood 1995): once n reports are kept and the n-th holds t hashes, a
// report not yet visited enters only by holding more than t (an equal
// count loses to the smaller ID), so it must be in one of the m−t shortest
// lists (m lists in all); the t longest are only looked into, by a
// galloping search, for the reports found in the shortest, and only while
// the report can still reach t+1. The longest lists, those of a
// template's text, are read at the few reports that can enter.
func TopShared(lists [][]Posting, scope *Scope, exclude int64, n int) []Shared {
	out, _ := topShared(lists, scope, exclude, n)
	return out
}

// topShared is TopShared; it also returns the postings it read (in the
// shortest lists, and one per step of a search in the longest), for the
// tests to show what it did not read.
func topShared(lists [][]Posting, scope *Scope, exclude int64, n int) ([]Shared, int) {
	if n <= 0 {
		return nil, 0
	}
	in := newScopeTest(scope)
	lists = slices.Clone(lists)
	slices.SortStableFunc(lists, func(a, b []Posting) int { return cmp.Compare(len(a), len(b)) })
	m := len(lists)
	pos := make([]int, m)
	top := make(sharedHeap, 0, n+1)
	// A report enters when it holds more than least hashes; the lists
	// before ess are the essential ones: a report in none of them holds
	// at most m-ess ≤ least.
	least, ess := 0, m
	read := 0
	for {
		// The next report of the scope in the essential lists.
		next := int64(math.MaxInt64)
		for i := range ess {
			ps, k := lists[i], pos[i]
			for k < len(ps) && (ps[k].Report == exclude || !in.holds(ps[k].UnitID)) {
				k++
			}
			read += k - pos[i]
			pos[i] = k
			if k < len(ps) && ps[k].Report < next {
				next = ps[k].Report
			}
		}
		if next == math.MaxInt64 {
			break
		}
		held := 0
		for i := range ess {
			if k := pos[i]; k < len(lists[i]) && lists[i][k].Report == next {
				held++
				pos[i]++
				read++
			}
		}
		// The other lists, shortest first, while next can still enter.
		for i := ess; i < m && held+m-i > least; i++ {
			k, steps := seek(lists[i], pos[i], next)
			read += steps
			if k < len(lists[i]) && lists[i][k].Report == next {
				held++
				k++
			}
			pos[i] = k
		}
		if held <= least {
			continue
		}
		top.push(Shared{next, held})
		if len(top) > n {
			top.pop()
		}
		if len(top) == n {
			least = top[0].Hashes
			ess = max(0, m-least)
		}
	}
	slices.SortFunc(top, func(a, b Shared) int {
		if a.Hashes != b.Hashes {
			return cmp.Compare(b.Hashes, a.Hashes)
		}
		return cmp.Compare(a.Report, b.Report)
	})
	return top, read
}

// seek returns the first index from k on of a posting of report id or a
// later one, searching by doubling steps then halving them, and the
// number of postings it compared.
func seek(ps []Posting, k int, id int64) (int, int) {
	// A few steps one by one first: in a list held by most reports the
	// next one looked for is near.
	for end := min(k+4, len(ps)); k < end; k++ {
		if ps[k].Report >= id {
			return k, 1
		}
	}
	if k >= len(ps) || ps[k].Report >= id {
		return k, 1
	}
	// ps[lo] is before id; find hi at or past it.
	lo, step, steps := k, 1, 1
	hi := lo + step
	for hi < len(ps) && ps[hi].Report < id {
		lo, step, steps = hi, step*2, steps+1
		hi = lo + step
	}
	hi = min(hi, len(ps))
	// The first at or past id is in (lo, hi].
	for lo+1 < hi {
		mid := int(uint(lo+hi) >> 1)
		steps++
		if ps[mid].Report < id {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi, steps
}

// scopeTest tells whether a report of a unit is in a scope: by a table
// of the units when their IDs are small (the tree's IDs are a
// database's), else by Holds.
type scopeTest struct {
	all   bool
	table []bool // by unit ID, when set
	scope *Scope // otherwise
}

func newScopeTest(scope *Scope) scopeTest {
	if scope == nil {
		return scopeTest{all: true}
	}
	top := int64(0)
	for _, u := range scope.Units {
		if u < 0 || u >= 1<<16 {
			return scopeTest{scope: scope}
		}
		top = max(top, u)
	}
	table := make([]bool, top+1)
	table[0] = scope.Unassigned
	for _, u := range scope.Units {
		if u > 0 {
			table[u] = true
		}
	}
	return scopeTest{table: table}
}

func (s scopeTest) holds(unit int64) bool {
	switch {
	case s.all:
		return true
	case s.table != nil:
		return uint64(unit) < uint64(len(s.table)) && s.table[unit]
	}
	return s.scope.Holds(unit)
}

// sharedHeap keeps the reports that enter, the one to drop first (fewest
// hashes, then the largest ID) at the root.
type sharedHeap []Shared

// worse reports whether a goes before b in the heap: a holds fewer
// hashes, or as many with a larger ID.
func worse(a, b Shared) bool {
	return a.Hashes < b.Hashes || a.Hashes == b.Hashes && a.Report > b.Report
}

func (h *sharedHeap) push(s Shared) {
	*h = append(*h, s)
	t := *h
	for i := len(t) - 1; i > 0; {
		p := (i - 1) / 2
		if !worse(t[i], t[p]) {
			break
		}
		t[i], t[p] = t[p], t[i]
		i = p
	}
}

func (h *sharedHeap) pop() {
	t := *h
	last := len(t) - 1
	t[0] = t[last]
	t = t[:last]
	for i := 0; ; {
		c := 2*i + 1
		if c >= len(t) {
			break
		}
		if c+1 < len(t) && worse(t[c+1], t[c]) {
			c++
		}
		if !worse(t[c], t[i]) {
			break
		}
		t[i], t[c] = t[c], t[i]
		i = c
	}
	*h = t
}
