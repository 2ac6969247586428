package app

import (
	"cmp"
	"context"
	"slices"

	"zongjie"
	"zongjie/extract"
	"zongjie/store"
	"zongjie/track"
)

// Across is one period's indicators side by side, unit by unit: the
// figures the units' reports of the period give as results.
type Across struct {
	Period zongjie.Term
	// Units are the units with a report reviewing the period, by name.
	Units []string
	// Indicators are those given by two units or more (every one that
	// matches, when a name is asked for), most units first.
	Indicators []AcrossIndicator
}

// AcrossIndicator is one indicator of the period, unit by unit.
type AcrossIndicator struct {
	Indicator string // the name as the first unit writes it
	Key       string // the normalised name
	Measure   string // level or change (track.Series)
	Unit      string // the base unit
	Values    []AcrossValue
}

// AcrossValue is one unit's figure for an indicator.
type AcrossValue struct {
	Unit   string
	Report int64 // the stored report it comes from
	Point  track.Point
}

// SeriesAcross returns the indicators the units' stored reports of a
// period give, side by side: of each unit, the report reviewing the
// period (the latest stored, when there are several; plans alone left
// out), its figures as series reads them. With a name, only the
// indicators whose name matches, given by one unit or more; without, those
// given by two units or more.
func (a *App) SeriesAcross(ctx context.Context, period zongjie.Term, name string) (*Across, error) {
	st, err := a.store(ctx)
	if err != nil {
		return nil, err
	}
	list, err := st.List(ctx, store.Filter{Year: period.Year})
	if err != nil {
		return nil, storeError(err)
	}
	latest := map[string]store.Summary{}
	for _, s := range list {
		if s.Unit == "" || s.Genre == string(zongjie.GenrePlan) || len(s.Years) == 0 || s.Years[0] != period.Year ||
			zongjie.TermOf(s.Years[0], s.Period).Order() != period.Order() {
			continue
		}
		if cur, ok := latest[s.Unit]; !ok || s.ID > cur.ID {
			latest[s.Unit] = s
		}
	}
	if len(latest) == 0 {
		return nil, Errorf(NotFound, "没有回顾%s的报告", period.Words())
	}
	out := &Across{Period: period}
	for u := range latest {
		out.Units = append(out.Units, u)
	}
	slices.Sort(out.Units)
	type id struct{ key, measure, unit string }
	byID := map[id]*AcrossIndicator{}
	var ids []id
	for _, u := range out.Units {
		s := latest[u]
		rec, err := st.Get(ctx, s.ID)
		if err != nil {
			return nil, reportError(err, s.ID)
		}
		l, err := fromStored(rec, extract.Options{})
		if err != nil {
			return nil, err
		}
		for _, se := range track.SeriesOf([]track.Report{{Label: l.Label, File: l.File, Report: l.Report}}, true) {
			k := id{se.Key, se.Measure, se.Unit}
			ind := byID[k]
			if ind == nil {
				ind = &AcrossIndicator{Indicator: se.Indicator, Key: se.Key, Measure: se.Measure, Unit: se.Unit}
				byID[k] = ind
				ids = append(ids, k)
			}
			ind.Values = append(ind.Values, AcrossValue{Unit: u, Report: s.ID, Point: se.Points[0]})
		}
	}
	keep := func(ind *AcrossIndicator) bool { return len(ind.Values) > 1 }
	if name != "" {
		stubs := make([]track.Series, len(ids))
		for i, k := range ids {
			stubs[i] = track.Series{Key: k.key}
		}
		matched := map[string]bool{}
		for _, s := range track.Match(stubs, name) {
			matched[s.Key] = true
		}
		keep = func(ind *AcrossIndicator) bool { return matched[ind.Key] }
	}
	out.Indicators = []AcrossIndicator{}
	for _, k := range ids {
		if ind := byID[k]; keep(ind) {
			out.Indicators = append(out.Indicators, *ind)
		}
	}
	slices.SortStableFunc(out.Indicators, func(x, y AcrossIndicator) int {
		return cmp.Or(cmp.Compare(len(y.Values), len(x.Values)), cmp.Compare(x.Key, y.Key),
			cmp.Compare(x.Measure, y.Measure), cmp.Compare(x.Unit, y.Unit))
	})
	return out, nil
}
