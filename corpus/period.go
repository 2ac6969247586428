package corpus

import (
	"context"
	"errors"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"

	"zongjie"
	"zongjie/document"
	"zongjie/store"
	"zongjie/track"
)

// A unit often writes several reports for one period: a year's 工作总结
// and its topic reports (安全生产, 信访, 述职) of the same year, or a 年中
// 讲话 and the 上半年工作总结. Each tells part of the period's results, so
// the targets of the unit's previous plan are tracked in all of them
// together (track.TrackAll): a target is 未报告 only when none of them
// reports it. The reports of one period — the period group — are those
// of one unit (not a placeholder for one: xx街道 is a template not filled
// in, not a unit) that review the same term: the same year and the same
// part of it. A plan alone reviews nothing and is in no group; a 年中讲话
// reviewing the first half-year and a year's 总结 review different terms,
// as do a 下半年 report and a year's, though both end with the year (they
// share the previous report, not the group). Every report of a group has
// the same previous report: the unit's latest report of an earlier term
// (previousReports).

// inGroup reports whether a report can be in a period group: a term it
// reviews is known.
func inGroup(d DeskReport) bool {
	return d.Order > 0 && len(d.Report.Years) > 0 && d.Report.Genre != string(zongjie.GenrePlan)
}

// sameTerm reports whether two reports of a unit review the same term.
func sameTerm(a, b DeskReport) bool {
	return a.Report.Years[0] == b.Report.Years[0] && zongjie.TermOf(a.Report.Years[0], a.Report.Period).Period == zongjie.TermOf(b.Report.Years[0], b.Report.Period).Period
}

// periodGroups adds to groups (made when nil) the period groups of a
// unit's reports ks, sorted by Order and ID: the reports of a term all end
// together, so a group lies in a run of one Order. A report alone in its
// term is left out.
func periodGroups(ds []DeskReport, ks []int, groups map[int][]int) map[int][]int {
	for i := 0; i < len(ks); {
		j := i + 1
		for j < len(ks) && ds[ks[j]].Order == ds[ks[i]].Order {
			j++
		}
		run := ks[i:j]
		i = j
		if len(run) == 1 {
			continue // the usual case: one report of its term
		}
		for a, k := range run {
			if groups[k] != nil || !inGroup(ds[k]) {
				continue
			}
			var g []int
			for _, o := range run[a+1:] {
				if groups[o] == nil && inGroup(ds[o]) && sameTerm(ds[k], ds[o]) {
					if g == nil {
						g = []int{k}
					}
					g = append(g, o)
				}
			}
			if g != nil && groups == nil {
				groups = map[int][]int{}
			}
			for _, o := range g {
				groups[o] = g
			}
		}
	}
	return groups
}

// groupDigest is a digest of the IDs and versions of a period group's
// reports, 0 for none: a report added to the group, removed from it or
// given a new version changes the figures of every report of the group.
func groupDigest(ds []DeskReport, g []int) uint64 { return trackDigest(ds, g, nil) }

// trackDigest is groupDigest of a period group g and of the reports
// earlier (earlierPlans) that may have set its targets besides the
// previous report: adding, changing or removing one changes the targets
// tracked. 0 when there are neither; groupDigest when there are no
// earlier reports.
func trackDigest(ds []DeskReport, g, earlier []int) uint64 {
	if len(g) == 0 && len(earlier) == 0 {
		return 0
	}
	h := fnv.New64a()
	var b []byte
	for i, ks := range [][]int{g, earlier} {
		if i == 1 && len(ks) > 0 {
			h.Write([]byte{'|'})
		}
		for _, k := range ks {
			b = strconv.AppendInt(b[:0], ds[k].Report.ID, 10)
			b = append(b, '.')
			b = strconv.AppendInt(b, int64(ds[k].Report.Version), 10)
			b = append(b, ',')
			h.Write(b)
		}
	}
	return max(h.Sum64(), 1)
}

// earlierPlans returns, of a unit's reports ks (sorted by Order and ID),
// those before report k other than its previous report p that may have
// set targets falling due in the term k reviews: those ending in the
// second half of the year before or later (a report of that year or of
// its second half plans the next; a plan alone of the year; a report of
// part of the year plans the rest of it), latest first. None when k
// reviews no known term or has no previous report.
func earlierPlans(ds []DeskReport, ks []int, k, p int) []int {
	if p < 0 || !inGroup(ds[k]) {
		return nil
	}
	from := zongjie.TermOf(ds[k].Report.Years[0]-1, string(zongjie.PeriodH2)).Order()
	var out []int
	for i := len(ks) - 1; i >= 0; i-- {
		o := ks[i]
		switch {
		case ds[o].Order >= ds[k].Order || o == p:
			continue
		case ds[o].Order < from:
			return out
		}
		out = append(out, o)
	}
	return out
}

// plansOf returns the plans whose targets are tracked in report k's
// period group, with the reports that set them: its previous report p's
// (read as old) first, always, as before; then, of the reports earlier
// (earlierPlans, latest first, read by read: nil when it cannot be), each
// whose plan is of the year k reviews and that no report after it
// re-planned (a later plan of the whole year, or of the same part of it),
// with the terms reviewed after it and before k (a half-year's report
// between a year's plan and the year's end): the year's targets a
// half-year's report does not restate are due at the year's end all the
// same (track.TrackPlans).
func plansOf(ds []DeskReport, k, p int, old *zongjie.Report, earlier []int, read func(i int) *zongjie.Report) ([]track.Plan, []int) {
	plans, idx := []track.Plan{{Report: old}}, []int{p}
	if len(earlier) == 0 {
		return plans, idx
	}
	year := ds[k].Report.Years[0]
	type planned struct {
		order  int
		period zongjie.Period
	}
	var seen []planned // the plans of the year of the reports passed
	if pl := old.Meta.Plan; pl != nil && pl.Year == year {
		seen = append(seen, planned{ds[p].Order, pl.Period})
	}
	for _, i := range earlier {
		r := read(i)
		if r == nil || r.Meta.Plan == nil || r.Meta.Plan.Year != year {
			continue
		}
		pl := r.Meta.Plan
		replanned := false
		for _, s := range seen {
			if s.order > ds[i].Order && (s.period == zongjie.PeriodFullYear || s.period == "" || s.period == pl.Period) {
				replanned = true
			}
		}
		seen = append(seen, planned{ds[i].Order, pl.Period})
		if replanned {
			continue
		}
		var since []*zongjie.Term
		for _, o := range append([]int{p}, earlier...) {
			d := ds[o]
			if d.Order > ds[i].Order && d.Report.Genre != string(zongjie.GenrePlan) && len(d.Report.Years) > 0 {
				since = append(since, zongjie.TermOf(d.Report.Years[0], d.Report.Period))
			}
		}
		plans, idx = append(plans, track.Plan{Report: r, Since: since}), append(idx, i)
	}
	return plans, idx
}

// unitStamp writes the part of a stamp of what a report's figures
// against its previous report depend on: the previous report's ID and
// version, and the digest of its period group when it has one
// ("12.1+9f3a…").
func unitStamp(id int64, version int, group uint64) string {
	s := versionKey(id, version)
	if group != 0 {
		s += "+" + strconv.FormatUint(group, 16)
	}
	return s
}

// parseUnitStamp reads a part written by unitStamp, or "-".
func parseUnitStamp(s string) (versionRef, uint64) {
	ref, g, ok := strings.Cut(s, "+")
	if !ok {
		return parseRef(s), 0
	}
	group, err := strconv.ParseUint(g, 16, 64)
	if err != nil {
		return versionRef{bad: true}, 0
	}
	return parseRef(ref), group
}

// groupTracked is the targets of a previous report tracked in the
// reports of a period group.
type groupTracked struct {
	ids     []int64 // the reports tracked in, as track.Result.In counts them
	outcome *track.Outcome
}

// earlierCount is the number of targets set by a report before the
// previous one (track.Result.From > 0).
func (g *groupTracked) earlierCount() int {
	n := 0
	for _, r := range g.outcome.Results {
		if r.From > 0 {
			n++
		}
	}
	return n
}

// figures sets the target figures of report id, one of the group's.
func (g *groupTracked) figures(id int64, f *DeskFigures) {
	o := g.outcome
	f.Group = len(g.ids)
	f.Targets = len(o.Results)
	f.Met, f.Partial = o.Count(track.Met), o.Count(track.Partial)
	f.Missed, f.Unreported = o.Count(track.Missed), o.Count(track.Unreported)
	f.Earlier = g.earlierCount()
	f.OwnMet, f.OwnPartial, f.OwnMissed = 0, 0, 0
	for _, r := range o.Results {
		if r.Evidence == nil || r.Early || g.ids[r.In] != id {
			continue
		}
		switch r.Status {
		case track.Met:
			f.OwnMet++
		case track.Partial:
			f.OwnPartial++
		case track.Missed:
			f.OwnMissed++
		}
	}
}

// trackGroup tracks the targets of p, the previous report ds[pk] of ds[k]
// (read as r), and of the reports earlier whose plans set targets due with them
// (earlierPlans, plansOf), in the reports of k's period group g (k alone
// when g is nil), once for the group: tracked keeps it by the group's
// first report, and loaded the group's reports and the earlier ones read.
// A report of the group deleted meanwhile is left out, and so is one that
// cannot be read again (r too), and an earlier report either way; nil
// when p or every report of the group cannot be read again.
func trackGroup(ctx context.Context, st store.Store, ds []DeskReport, g []int, k int, r *loadedReport, pk int, p *loadedReport, earlier []int,
	loaded map[int64]*loadedReport, tracked map[int]*groupTracked) (*groupTracked, error) {
	if len(g) == 0 {
		g = []int{k}
	}
	if t, ok := tracked[g[0]]; ok {
		return t, nil
	}
	oldFile, old, err := p.extraction()
	if err != nil {
		tracked[g[0]] = nil
		return nil, nil // unreadable: no targets
	}
	files := map[int]*document.File{pk: oldFile} // of the plans' reports, by ds's index
	get := func(m int) (*loadedReport, error) {
		id := ds[m].Report.ID
		l := loaded[id]
		if l == nil {
			if l, err = loadReport(ctx, st, id, nil); err != nil {
				return nil, err
			}
			loaded[id] = l
		}
		return l, nil
	}
	var failed error
	plans, idx := plansOf(ds, k, pk, old, earlier, func(i int) *zongjie.Report {
		l, err := get(i)
		if err != nil {
			if !errors.Is(err, store.ErrNotFound) && failed == nil {
				failed = err
			}
			return nil // deleted meanwhile: the next look tracks without it
		}
		file, rep, err := l.extraction()
		if err != nil {
			return nil
		}
		files[i] = file
		return rep
	})
	if failed != nil {
		return nil, failed
	}
	for j := range plans {
		// Their reviews' figures: a year's amount reached by mid-year
		// (track.Plan.File).
		plans[j].File = files[idx[j]]
	}
	out := &groupTracked{}
	var later []track.Later
	for _, m := range g {
		l := r
		if m != k {
			if l, err = get(m); errors.Is(err, store.ErrNotFound) {
				continue // deleted meanwhile: the next look tracks without it
			} else if err != nil {
				return nil, err
			}
		}
		file, cur, err := l.extraction()
		if err != nil {
			// Unreadable, k too: it tells nothing, and the group is
			// tracked in the others whichever member asks first.
			continue
		}
		out.ids = append(out.ids, l.rec.ID)
		later = append(later, track.Later{File: file, Report: cur})
	}
	if len(later) == 0 {
		tracked[g[0]] = nil
		return nil, nil // none readable: no targets
	}
	out.outcome = track.TrackPlans(plans, later)
	tracked[g[0]] = out
	return out, nil
}

// periodOf returns the reports of unit of the stored reports list, as
// the desk orders them, and the one of them that reviews term (-1 for
// none), with what previousReports gives.
func periodOf(list []store.Summary, unit string, term zongjie.Term) (ds []DeskReport, k int, prevs []int, groups, earlier map[int][]int) {
	for _, s := range list {
		if s.Unit == unit {
			ds = append(ds, DeskReport{Report: s, Order: ReportOrder(s.Years, s.Period, s.Genre)})
		}
	}
	prevs, groups, earlier = previousReports(ds)
	for k, d := range ds {
		if inGroup(d) && d.Report.Years[0] == term.Year && zongjie.TermOf(d.Report.Years[0], d.Report.Period).Period == zongjie.TermOf(term.Year, string(term.Period)).Period {
			return ds, k, prevs, groups, earlier
		}
	}
	return ds, -1, prevs, groups, earlier
}

// PeriodGroup returns the reports of unit that review term, of the
// stored reports list (its period group, by ID), and their previous
// report, as the desk takes them: 0 when there is none.
func PeriodGroup(list []store.Summary, unit string, term zongjie.Term) (prev int64, group []int64) {
	ds, k, prevs, groups, _ := periodOf(list, unit, term)
	if k < 0 {
		return 0, nil
	}
	if p := prevs[k]; p >= 0 {
		prev = ds[p].Report.ID
	}
	if groups[k] == nil {
		return prev, []int64{ds[k].Report.ID}
	}
	for _, m := range groups[k] {
		group = append(group, ds[m].Report.ID)
	}
	slices.Sort(group)
	return prev, group
}

// PeriodPlan is a report whose plan set targets tracked in a unit's
// reports of a period, by ID, read.
type PeriodPlan struct {
	ID   int64
	Plan track.Plan
}

// PeriodPlans returns the reports whose plans set the targets tracked in
// the reports of unit that review term, as the desk takes them: the
// previous report (PeriodGroup's) first, read as prev, then the earlier
// reports whose plans set targets due with them (plansOf), read by read;
// an earlier report read fails with store.ErrNotFound (deleted meanwhile)
// is left out, another error returned. Nil when there is no previous
// report.
func PeriodPlans(list []store.Summary, unit string, term zongjie.Term, prev *zongjie.Report, read func(id int64) (*zongjie.Report, error)) ([]PeriodPlan, error) {
	ds, k, prevs, _, earlier := periodOf(list, unit, term)
	if k < 0 || prevs[k] < 0 {
		return nil, nil
	}
	var failed error
	plans, idx := plansOf(ds, k, prevs[k], prev, earlier[k], func(i int) *zongjie.Report {
		r, err := read(ds[i].Report.ID)
		if err != nil && !errors.Is(err, store.ErrNotFound) && failed == nil {
			failed = err
		}
		return r
	})
	if failed != nil {
		return nil, failed
	}
	out := make([]PeriodPlan, len(plans))
	for i := range plans {
		out[i] = PeriodPlan{ID: ds[idx[i]].Report.ID, Plan: plans[i]}
	}
	return out, nil
}
