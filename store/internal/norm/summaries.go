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
type Summaries struct {
	UpTo  int64
	Sums  []store.Summary
	Bytes int
	Off   bool // over ListBudget in this generation: not kept
}

// SummaryBytes is about what a summary takes in the cache.
func SummaryBytes(s *store.Summary) int {
	return 200 + len(s.Note) + len(s.FileHash) + len(s.Path) + len(s.Title) + len(s.Unit) + len(s.Level) +
		len(s.Period) + len(s.Genre) + 8*len(s.Years)
}

// Answer adds added, the live reports with from < ID ≤ last read in the
// kept generation, when the cache is still at from, and returns the
// summaries f selects with ID ≤ last; ok is false when it cannot answer
// (over its budget, or moved on meanwhile by another read, not as far).
func (l *Summaries) Answer(from, last int64, added []store.Summary, f store.Filter) (out []store.Summary, ok bool) {
	switch {
	case l.Off:
		return nil, false
	case l.UpTo == from:
		for i := range added {
			l.Bytes += SummaryBytes(&added[i])
		}
		l.Sums = append(l.Sums, added...)
		l.UpTo = max(l.UpTo, last)
		if l.Bytes > ListBudget {
			l.Sums, l.Bytes, l.Off = nil, 0, true
			return nil, false
		}
	case l.UpTo < last:
		return nil, false
	}
	for i := range l.Sums {
		s := &l.Sums[i]
		if s.ID > last {
			break
		}
		m := ReportMeta{Path: s.Path, Unit: s.Unit, Level: s.Level, Genre: s.Genre, Years: s.Years, UnitID: s.UnitID}
		if m.Selected(f) {
			sum := *s
			sum.Years = slices.Clone(s.Years)
			out = append(out, sum)
		}
	}
	return out, true
}
