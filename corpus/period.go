package corpus

import (
	"context"
	"errors"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"

	"zongjie"
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
func groupDigest(ds []DeskReport, g []int) uint64 {
	if len(g) == 0 {
		return 0
	}
	h := fnv.New64a()
	var b []byte
	for _, k := range g {
		b = strconv.AppendInt(b[:0], ds[k].Report.ID, 10)
		b = append(b, '.')
		b = strconv.AppendInt(b, int64(ds[k].Report.Version), 10)
		b = append(b, ',')
		h.Write(b)
	}
	return max(h.Sum64(), 1)
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

// figures sets the target figures of report id, one of the group's.
func (g *groupTracked) figures(id int64, f *DeskFigures) {
	o := g.outcome
	f.Group = len(g.ids)
	f.Targets = len(o.Results)
	f.Met, f.Partial = o.Count(track.Met), o.Count(track.Partial)
	f.Missed, f.Unreported = o.Count(track.Missed), o.Count(track.Unreported)
	f.OwnMet, f.OwnPartial, f.OwnMissed = 0, 0, 0
	for _, r := range o.Results {
		if r.Evidence == nil || g.ids[r.In] != id {
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

// trackGroup tracks the targets of p, the previous report of ds[k] (read
// as r), in the reports of k's period group g (k alone when g is nil),
// once for the group: tracked keeps it by the group's first report, and
// loaded the group's reports read. A report of the group deleted meanwhile
// is left out, and so is one that cannot be read again (r too); nil when
// p or every report of the group cannot be read again.
func trackGroup(ctx context.Context, st store.Store, ds []DeskReport, g []int, k int, r, p *loadedReport,
	loaded map[int64]*loadedReport, tracked map[int]*groupTracked) (*groupTracked, error) {
	if len(g) == 0 {
		g = []int{k}
	}
	if t, ok := tracked[g[0]]; ok {
		return t, nil
	}
	_, old, err := p.extraction()
	if err != nil {
		tracked[g[0]] = nil
		return nil, nil // unreadable: no targets
	}
	out := &groupTracked{}
	var later []track.Later
	for _, m := range g {
		l := r
		if m != k {
			id := ds[m].Report.ID
			if l = loaded[id]; l == nil {
				l, err = loadReport(ctx, st, id, nil)
				if errors.Is(err, store.ErrNotFound) {
					continue // deleted meanwhile: the next look tracks without it
				}
				if err != nil {
					return nil, err
				}
				loaded[id] = l
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
	out.outcome = track.TrackAll(old, later)
	tracked[g[0]] = out
	return out, nil
}

// PeriodGroup returns the reports of unit that review term, of the
// stored reports list (its period group, by ID), and their previous
// report, as the desk takes them: 0 when there is none.
func PeriodGroup(list []store.Summary, unit string, term zongjie.Term) (prev int64, group []int64) {
	var ds []DeskReport
	for _, s := range list {
		if s.Unit == unit {
			ds = append(ds, DeskReport{Report: s, Order: ReportOrder(s.Years, s.Period, s.Genre)})
		}
	}
	prevs, groups := previousReports(ds)
	for k, d := range ds {
		if !inGroup(d) || d.Report.Years[0] != term.Year || zongjie.TermOf(d.Report.Years[0], d.Report.Period).Period != zongjie.TermOf(term.Year, string(term.Period)).Period {
			continue
		}
		if p := prevs[k]; p >= 0 {
			prev = ds[p].Report.ID
		}
		if groups[k] == nil {
			return prev, []int64{d.Report.ID}
		}
		for _, m := range groups[k] {
			group = append(group, ds[m].Report.ID)
		}
		slices.Sort(group)
		return prev, group
	}
	return 0, nil
}
