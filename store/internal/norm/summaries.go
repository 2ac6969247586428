package norm

import (
	"slices"

	"zongjie/store"
)

// ListBudget is the bytes of summaries a store's list cache holds at most
// (about 80,000 reports): a larger store is listed from the database each
// time. A variable for the tests.
var ListBudget = 32 << 20

// Summaries is what a store's list cache keeps of one generation: the
// summaries of the live reports with ID ≤ UpTo, by ascending ID. Within a
// generation a report's summary does not change and no report leaves; new
// ones come with larger IDs. The store keeps the generation and reads;
// Summaries decides what to keep.
//
// The summaries are indexed by unit name and by unit of the tree, so that
// a list of one unit's reports (a report page's neighbours) or of a
// user's scope (a drafter's desk) costs what it returns, not the whole
// store.
//
// With Marks, UpTo and the bounds Answer is given are a store's marks of
// its snapshots instead (see Snapshot): the reports a later mark adds may
// have smaller IDs than those kept, and the cache answers a read of an
// older mark as of what it holds, never cut at an ID.
type Summaries struct {
	UpTo  int64
	Sums  []store.Summary
	Bytes int
	Off   bool // over ListBudget in this generation: not kept
	Marks bool

	byUnit   map[string][]int32 // the places in Sums of each unit name's summaries, ascending
	byUnitID map[int64][]int32  // of each unit of the tree's (0: unassigned)
}

// SummaryBytes is about what a summary takes in the cache.
func SummaryBytes(s *store.Summary) int {
	return 200 + len(s.Note) + len(s.FileHash) + len(s.Path) + len(s.Title) + len(s.Unit) + len(s.Level) +
		len(s.Period) + len(s.Genre) + 8*len(s.Years)
}

// Answer adds added, the live reports with from < ID ≤ last read in the
// kept generation, when the cache is still at from (or another read has
// brought it part of the way meanwhile: what both read is kept once),
// and returns the summaries f selects with ID ≤ last (with Marks, all it
// holds); ok is false when it cannot answer (over its budget, or moved on
// meanwhile by another read, not as far).
func (l *Summaries) Answer(from, last int64, added []store.Summary, f store.Filter) (out []store.Summary, ok bool) {
	switch {
	case l.Off:
		return nil, false
	case l.UpTo == from || l.UpTo > from && l.UpTo < last:
		if l.byUnit == nil {
			l.byUnit, l.byUnitID = map[string][]int32{}, map[int64][]int32{}
		}
		if n := len(l.Sums); n == 0 || len(added) == 0 || l.Sums[n-1].ID < added[0].ID {
			for i := range added {
				l.Bytes += SummaryBytes(&added[i])
				k := int32(len(l.Sums) + i)
				l.byUnit[added[i].Unit] = append(l.byUnit[added[i].Unit], k)
				l.byUnitID[added[i].UnitID] = append(l.byUnitID[added[i].UnitID], k)
			}
			l.Sums = append(l.Sums, added...)
		} else {
			// Before some kept (committed out of the order of their
			// IDs), or kept already: merged, and the places indexed
			// again.
			l.Sums = MergeByID(l.Sums, added, func(s store.Summary) int64 { return s.ID })
			l.reindex()
		}
		l.UpTo = max(l.UpTo, last)
		if l.Bytes > ListBudget {
			l.Sums, l.Bytes, l.Off, l.byUnit, l.byUnitID = nil, 0, true, nil, nil
			return nil, false
		}
	case l.UpTo < last:
		return nil, false
	}
	places, indexed := l.candidates(f)
	if indexed && len(places) > 0 {
		out = make([]store.Summary, 0, len(places))
	}
	add := func(s *store.Summary) bool {
		if s.ID > last && !l.Marks {
			return false
		}
		m := ReportMeta{Path: s.Path, Unit: s.Unit, Level: s.Level, Genre: s.Genre, Years: s.Years, UnitID: s.UnitID}
		if m.Selected(f) {
			out = append(out, *s)
		}
		return true
	}
	if indexed {
		for _, k := range places {
			if !add(&l.Sums[k]) {
				break
			}
		}
	} else {
		for i := range l.Sums {
			if !add(&l.Sums[i]) {
				break
			}
		}
	}
	if len(out) == 0 {
		return nil, true // as the database lists none
	}
	// The years copied, into one array: the caller may change them.
	n := 0
	for i := range out {
		n += len(out[i].Years)
	}
	years := make([]int, 0, n)
	for i := range out {
		if y := out[i].Years; y != nil {
			k := len(years)
			years = append(years, y...)
			out[i].Years = years[k:len(years):len(years)]
		}
	}
	return out, true
}

// reindex counts the bytes of Sums and indexes their places again.
func (l *Summaries) reindex() {
	l.Bytes = 0
	l.byUnit, l.byUnitID = map[string][]int32{}, map[int64][]int32{}
	for i := range l.Sums {
		s := &l.Sums[i]
		l.Bytes += SummaryBytes(s)
		l.byUnit[s.Unit] = append(l.byUnit[s.Unit], int32(i))
		l.byUnitID[s.UnitID] = append(l.byUnitID[s.UnitID], int32(i))
	}
}

// candidates returns the places in Sums, ascending, of the only summaries
// f can select by its unit or its scope, when the indexes tell and they
// are fewer than half of all; ok is false when every summary must be
// looked at.
func (l *Summaries) candidates(f store.Filter) (places []int32, ok bool) {
	switch {
	case f.Unit != "":
		return l.byUnit[f.Unit], true
	case f.Scope == nil:
		return nil, false
	}
	var lists [][]int32
	n := 0
	for i, u := range f.Scope.Units {
		if u == 0 || slices.Contains(f.Scope.Units[:i], u) {
			continue // 0 names no unit of the tree (Scope.Holds)
		}
		lists = append(lists, l.byUnitID[u])
		n += len(l.byUnitID[u])
	}
	if f.Scope.Unassigned {
		lists = append(lists, l.byUnitID[0])
		n += len(l.byUnitID[0])
	}
	switch {
	case len(lists) == 1:
		return lists[0], true
	case 2*n > len(l.Sums):
		return nil, false
	}
	places = make([]int32, 0, n)
	for _, ks := range lists {
		places = append(places, ks...)
	}
	slices.Sort(places)
	return places, true
}
