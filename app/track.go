package app

import (
	"context"

	"zongjie"
	"zongjie/corpus"
	"zongjie/document"
	"zongjie/extract"
	"zongjie/store"
	"zongjie/track"
)

// Tracked is the targets of one report against the results of a later
// one: the stable output of track --format json, one per pair of reports.
type Tracked struct {
	Old     string         `json:"old"`
	New     string         `json:"new"`
	OldTerm *zongjie.Term  `json:"old_plan,omitempty"`
	NewTerm *zongjie.Term  `json:"new_review,omitempty"`
	Targets []track.Result `json:"targets"`
	NotDue  int            `json:"not_due"`
	Summary map[string]int `json:"summary"`

	// For the web page: the stored reports (0 for a file), their
	// titles, the targets not due by the later report's period, and
	// where the figure of each target (of Targets, of NotDueTargets) is
	// in the earlier report, in characters (the sentence when the figure
	// is not known).
	OldID, NewID       int64               `json:"-"`
	OldTitle, NewTitle string              `json:"-"`
	NotDueTargets      []zongjie.Target    `json:"-"`
	Figures            []document.Location `json:"-"`
	NotDueFigures      []document.Location `json:"-"`
}

// TrackRequest names the two reports to track, each a file or a stored
// report, with what the user states about each (a unit, a period).
type TrackRequest struct {
	Old, New             Ref
	OldStated, NewStated extract.Options
}

// TrackResult is a pair of reports tracked, with what the user should
// know: a file that holds several reports (its first is used), reports
// whose order cannot be checked.
type TrackResult struct {
	Tracked
	Notes []string `json:"-"`
}

// Track rates each target of the earlier report that is due by the
// period the later one reviews: met, missed, partial or unreported, with
// the evidence. Two reports that are one report are a Conflict; a later
// report that does not review a later period is Invalid. On a failure the
// result still holds the notes made until then.
func (a *App) Track(ctx context.Context, req TrackRequest) (*TrackResult, error) {
	var ls [2]*Loaded
	out := &TrackResult{}
	for i, x := range []struct {
		ref Ref
		o   extract.Options
	}{{req.Old, req.OldStated}, {req.New, req.NewStated}} {
		l, err := a.Load(ctx, x.ref, x.o)
		if err != nil {
			return out, err
		}
		out.Notes = appendOthers(out.Notes, l)
		ls[i] = l
	}
	warn, refuse := a.pairProblem(ls[0], ls[1])
	if refuse != nil {
		return out, refuse
	}
	if warn != "" {
		out.Notes = append(out.Notes, warn)
	}
	out.Tracked = trackPair(ls[0], ls[1])
	return out, nil
}

// appendOthers notes that only the first report of a file that holds
// several is used.
func appendOthers(notes []string, l *Loaded) []string {
	if l.Others > 0 {
		notes = append(notes, l.Label+" 中有 "+itoa(int64(l.Others+1))+" 篇报告，使用第 1 篇："+l.Report.Title)
	}
	return notes
}

// trackPair tracks the targets of old against the results of cur.
func trackPair(old, cur *Loaded) Tracked {
	o := track.Track(old.Report, cur.File, cur.Report)
	t := Tracked{
		Old: old.Label, New: cur.Label, OldTerm: old.Report.Meta.Plan, NewTerm: cur.Report.Meta.Review,
		Targets: o.Results, NotDue: len(o.NotDue), Summary: map[string]int{},
		OldID: old.ID, NewID: cur.ID, OldTitle: old.Report.Title, NewTitle: cur.Report.Title, NotDueTargets: o.NotDue,
	}
	for _, s := range []track.Status{track.Met, track.Missed, track.Partial, track.Unreported} {
		t.Summary[string(s)] = o.Count(s)
	}
	at := targetAt(old)
	for _, r := range o.Results {
		t.Figures = append(t.Figures, at(r.Target))
	}
	for _, x := range o.NotDue {
		t.NotDueFigures = append(t.NotDueFigures, at(x))
	}
	return t
}

// UnitTracked is every pair of a unit's successive stored reports
// tracked: the stable output of track --unit --format json (its keys in
// alphabetical order, as they have always been written).
type UnitTracked struct {
	Pairs []Tracked `json:"pairs"`
	Unit  string    `json:"unit"`

	Skipped []string `json:"-"` // why pairs were left out
	// Sole is the unit's only stored report, when it has one alone
	// (TrackUnit then fails, NotFound): what the web page shows until
	// the next report comes.
	Sole *SoleReport `json:"-"`
}

// SoleReport is a unit's only stored report: the targets its plan sets,
// which the unit's next report will be tracked against.
type SoleReport struct {
	ID      int64
	Title   string
	Plan    *zongjie.Term // the period its plan is for, nil when not known
	Targets []zongjie.Target
	Figures []document.Location // where each target's figure is (its sentence when the figure is not known)
}

// TrackUnit tracks each pair of successive stored reports of a unit, in
// the order of the periods they review; pairs that are one report, or not
// successive, are left out (Skipped says why). A unit of one report is
// NotFound, the result then holding that report (Sole).
func (a *App) TrackUnit(ctx context.Context, unit string) (*UnitTracked, error) {
	reps, err := a.unitReports(ctx, unit)
	if err != nil {
		return nil, err
	}
	switch len(reps) {
	case 0:
		return nil, Errorf(NotFound, "没有单位“%s”已保存的报告", unit)
	case 1:
		l := reps[0]
		sole := &SoleReport{ID: l.ID, Title: l.Report.Title, Plan: l.Report.Meta.Plan, Targets: l.Report.Targets}
		at := targetAt(l)
		for _, x := range sole.Targets {
			sole.Figures = append(sole.Figures, at(x))
		}
		return &UnitTracked{Unit: unit, Sole: sole},
			Errorf(NotFound, "单位“%s”只有 1 篇已保存的报告：跟踪目标要有前后两期（上一期的计划和这一期的总结）", unit)
	}
	out := &UnitTracked{Unit: unit}
	for i := 1; i < len(reps); i++ {
		if _, err := a.pairProblem(reps[i-1], reps[i]); err != nil {
			out.Skipped = append(out.Skipped, ErrorMessage(err))
			continue
		}
		out.Pairs = append(out.Pairs, trackPair(reps[i-1], reps[i]))
	}
	if len(out.Pairs) == 0 {
		return out, Errorf(NotFound, "单位“%s”已保存的报告中没有前后相继的两期", unit)
	}
	return out, nil
}

// PeriodTracked is the targets of a unit's previous report tracked in all
// its stored reports of one period together (a year's 工作总结 and its
// topic reports): a target is rated by the figure of whichever report
// gives it, and unreported only when none does. The stable output of
// track --unit --period --format json.
type PeriodTracked struct {
	Unit   string        `json:"unit"`
	Period *zongjie.Term `json:"period"` // the term the reports review
	// Old is the unit's report before the period, whose plan set the
	// targets (as the reviewer's desk takes it: the latest of an
	// earlier term).
	Old     string        `json:"old"`
	OldTerm *zongjie.Term `json:"old_plan,omitempty"`
	// Plans are the reports whose plans set the targets, Old's first,
	// then those before it whose plans fall due in the period all the
	// same (the year's targets set before the year, tracked at the
	// year's end past the half-year's report), the latest first.
	Plans []PeriodPlan `json:"plans"`
	// Reports are the unit's reports of the period, by ID.
	Reports []PeriodReport `json:"reports"`
	Targets []PeriodResult `json:"targets"`
	NotDue  int            `json:"not_due"`
	Summary map[string]int `json:"summary"`

	// For the web page, as in Tracked.
	OldID         int64               `json:"-"`
	OldTitle      string              `json:"-"`
	NotDueTargets []zongjie.Target    `json:"-"`
	Figures       []document.Location `json:"-"`
	NotDueFigures []document.Location `json:"-"`
	// NotDueSetBy is the report whose plan set each of NotDueTargets.
	NotDueSetBy []int64 `json:"-"`
}

// PeriodReport is one of a unit's reports of a period, with what it alone
// says of the targets: how many its figures rate, by status (met, missed,
// partial).
type PeriodReport struct {
	Label   string         `json:"label"`
	ID      int64          `json:"id"`
	Title   string         `json:"title"`
	Summary map[string]int `json:"summary"`
}

// PeriodPlan is a report whose plan set targets tracked in a period, with
// the term it planned and how many of the targets (of Targets and of the
// targets not due) it set.
type PeriodPlan struct {
	Label   string        `json:"label"`
	ID      int64         `json:"id"`
	Title   string        `json:"title"`
	Plan    *zongjie.Term `json:"plan,omitempty"`
	Targets int           `json:"targets"`
	NotDue  int           `json:"not_due"`
}

// PeriodResult is a target with its outcome, the report whose plan set it
// and the report whose figure (or words) rated it: their Labels, In ""
// when none rated it. In is one of Reports, or, when Early, one of Plans:
// the half-year's report at the year's end, where a year's amount was
// already reached.
type PeriodResult struct {
	track.Result
	In string `json:"in"`
	// InID is that report's ID, 0 when none (the web page's links).
	InID int64 `json:"-"`
	// SetBy is the report whose plan set the target (one of Plans), by
	// label and ID.
	SetBy   string `json:"set_by"`
	SetByID int64  `json:"set_by_id"`
}

// TrackPeriod tracks the targets of a unit's previous report in all its
// stored reports that review term, with those of the earlier reports
// whose plans fall due in the term past a report between them (the
// year's plan past the half-year's report): the reports of the period and
// those before them are those the reviewer's desk takes
// (corpus.PeriodGroup, corpus.PeriodPlans).
func (a *App) TrackPeriod(ctx context.Context, unit string, term zongjie.Term) (*PeriodTracked, error) {
	st, err := a.store(ctx)
	if err != nil {
		return nil, err
	}
	list, err := st.List(ctx, store.Filter{Unit: unit})
	if err != nil {
		return nil, err
	}
	prev, group := corpus.PeriodGroup(list, unit, term)
	switch {
	case len(group) == 0:
		return nil, Errorf(NotFound, "单位“%s”没有已保存的回顾%s的报告", unit, term.Words())
	case prev == 0:
		return nil, Errorf(NotFound, "单位“%s”在%s之前没有已保存的报告，没有上期目标可以核对", unit, term.Words())
	}
	loaded := map[int64]*Loaded{}
	get := func(id int64) (*Loaded, error) {
		if l := loaded[id]; l != nil {
			return l, nil
		}
		r, err := st.Get(ctx, id)
		if err != nil {
			return nil, wrap(ErrorCode(err), err, "报告 %d：%s", id, notFoundText(err))
		}
		l, err := fromStored(r, extract.Options{})
		if err == nil {
			loaded[id] = l
		}
		return l, err
	}
	old, err := get(prev)
	if err != nil {
		return nil, err
	}
	plans, err := corpus.PeriodPlans(list, unit, term, old.Report, func(id int64) (*zongjie.Report, error) {
		l, err := get(id)
		if err != nil {
			return nil, err
		}
		return l.Report, nil
	})
	if err != nil {
		return nil, err
	}
	out := &PeriodTracked{Unit: unit, Period: &zongjie.Term{Year: term.Year, Period: term.Period}, Old: old.Label, OldTerm: old.Report.Meta.Plan,
		Plans: []PeriodPlan{}, Reports: []PeriodReport{}, Targets: []PeriodResult{}, Summary: map[string]int{}, OldID: old.ID, OldTitle: old.Report.Title}
	if out.Period.Period == "" {
		out.Period.Period = zongjie.PeriodFullYear
	}
	var tps []track.Plan
	for _, p := range plans {
		l := loaded[p.ID]
		out.Plans = append(out.Plans, PeriodPlan{Label: l.Label, ID: l.ID, Title: l.Report.Title, Plan: l.Report.Meta.Plan})
		p.Plan.File = l.File // its review's figures: a year's amount reached by mid-year
		tps = append(tps, p.Plan)
	}
	var later []track.Later
	for _, id := range group {
		l, err := get(id)
		if err != nil {
			return nil, err
		}
		out.Reports = append(out.Reports, PeriodReport{Label: l.Label, ID: l.ID, Title: l.Report.Title,
			Summary: map[string]int{string(track.Met): 0, string(track.Missed): 0, string(track.Partial): 0}})
		later = append(later, track.Later{File: l.File, Report: l.Report})
	}
	o := track.TrackPlans(tps, later)
	for _, s := range []track.Status{track.Met, track.Missed, track.Partial, track.Unreported} {
		out.Summary[string(s)] = o.Count(s)
	}
	for _, r := range o.Results {
		set := &out.Plans[r.From]
		set.Targets++
		res := PeriodResult{Result: r, SetBy: set.Label, SetByID: set.ID}
		switch {
		case r.Evidence != nil && r.Early:
			// In a report before the period's (the half-year's): one of Plans.
			in := &out.Plans[r.In]
			res.In, res.InID = in.Label, in.ID
		case r.Evidence != nil:
			in := &out.Reports[r.In]
			res.In, res.InID = in.Label, in.ID
			in.Summary[string(r.Status)]++
		}
		out.Targets = append(out.Targets, res)
		out.Figures = append(out.Figures, targetAt(loaded[set.ID])(r.Target))
	}
	out.NotDue, out.NotDueTargets = len(o.NotDue), o.NotDue
	for i, x := range o.NotDue {
		set := &out.Plans[o.NotDueFrom[i]]
		set.NotDue++
		out.NotDueSetBy = append(out.NotDueSetBy, set.ID)
		out.NotDueFigures = append(out.NotDueFigures, targetAt(loaded[set.ID])(x))
	}
	return out, nil
}

// targetAt returns where a target of the earlier report old is, in
// characters: its figure, or its sentence when the figure is not known.
func targetAt(old *Loaded) func(zongjie.Target) document.Location {
	return func(x zongjie.Target) document.Location {
		if x.FigureSpan.End > x.FigureSpan.Start {
			return old.File.Location(x.FigureSpan)
		}
		return document.Location{Line: x.Line, Column: x.Column, Offset: x.Offset, Length: x.Length}
	}
}
