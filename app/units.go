package app

import (
	"cmp"
	"context"
	"slices"

	"zongjie/corpus"
	"zongjie/store"
)

// UnitReports is a unit's stored reports in time order: what the track
// and series pages offer to choose from.
type UnitReports struct {
	Unit    string
	Reports []Summary // in time order (corpus.ReportOrder), then by ID
}

// StoredUnits returns the units of the stored reports the user may read,
// by name, each with its reports in time order. Reports whose unit is not
// known are left out.
func (a *App) StoredUnits(ctx context.Context) ([]UnitReports, error) {
	st, err := a.store(ctx)
	if err != nil {
		return nil, err
	}
	list, err := st.List(ctx, store.Filter{})
	if err != nil {
		return nil, storeError(err)
	}
	byUnit := map[string][]store.Summary{}
	for _, s := range list {
		if s.Unit != "" {
			byUnit[s.Unit] = append(byUnit[s.Unit], s)
		}
	}
	out := make([]UnitReports, 0, len(byUnit))
	for u, ss := range byUnit {
		sortByOrder(ss)
		out = append(out, UnitReports{Unit: u, Reports: summaries(ss)})
	}
	slices.SortFunc(out, func(x, y UnitReports) int { return cmp.Compare(x.Unit, y.Unit) })
	return out, nil
}

// sortByOrder orders summaries in time (corpus.ReportOrder), then by ID.
func sortByOrder(ss []store.Summary) {
	slices.SortFunc(ss, func(x, y store.Summary) int {
		if c := cmp.Compare(order(x), order(y)); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
}

func order(s store.Summary) int { return corpus.ReportOrder(s.Years, s.Period, s.Genre) }

// Neighbours returns the stored reports of r's unit just before and just
// after it in time (nil when there is none, when the unit is not known or
// r's period is not): the reports to track it against. Of several reports
// of one period, the latest added is taken.
func (a *App) Neighbours(ctx context.Context, r store.Summary) (prev, next *Summary, err error) {
	at := order(r)
	if r.Unit == "" || at == 0 {
		return nil, nil, nil
	}
	st, err := a.store(ctx)
	if err != nil {
		return nil, nil, err
	}
	list, err := st.List(ctx, store.Filter{Unit: r.Unit})
	if err != nil {
		return nil, nil, storeError(err)
	}
	p, n := neighbours(list, r.ID, at)
	if p != nil {
		x := SummaryOf(*p)
		prev = &x
	}
	if n != nil {
		x := SummaryOf(*n)
		next = &x
	}
	return prev, next, nil
}

// neighbours returns, of list, the report just before at in time (the
// largest order below it, of those the largest ID) and the one just after
// (the smallest order above it, of those the largest ID), leaving out
// report id and reports whose period is not known: one pass, not a sort
// of the unit's reports (a report page's neighbours cost 15% of the page
// for a unit of 300 reports).
func neighbours(list []store.Summary, id int64, at int) (prev, next *store.Summary) {
	var po, no int
	for i := range list {
		s := &list[i]
		o := order(*s)
		switch {
		case s.ID == id || o == 0:
		case o < at && (prev == nil || o > po || o == po && s.ID > prev.ID):
			prev, po = s, o
		case o > at && (next == nil || o < no || o == no && s.ID > next.ID):
			next, no = s, o
		}
	}
	return prev, next
}
