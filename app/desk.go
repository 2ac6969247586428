package app

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"

	"zongjie"
	"zongjie/account"
	"zongjie/corpus"
	"zongjie/store"
)

// The reviewer's desk: the stored reports as a grid of units × periods,
// each report with its figures (corpus.Desk) and the reasons to send it
// back.

// Thresholds above which a share of reused text is a reason to send a
// report back.
const (
	// PreviousLimit: of the text found in the unit's previous report
	// (a report copied from last year's with the years moved on).
	PreviousLimit = 0.5
	// OthersLimit: of the text found in other units' reports.
	OthersLimit = 0.3
	// ReuseFilter is the share above which DeskQuery.Reuse keeps a
	// report: found in the previous report or in other units'.
	ReuseFilter = 0.5
)

// Orders of the desk's units (DeskQuery.Sort).
const (
	SortUnit         = "unit"         // by name, units not known last
	SortReturns      = "returns"      // most reports to send back first
	SortReuse        = "reuse"        // the largest share reused first
	SortPlaceholders = "placeholders" // most placeholders first
	SortErrors       = "errors"       // most errors first
)

// DeskQuery filters and orders the desk. Zero fields keep every report.
type DeskQuery struct {
	Period       string `json:"period"`       // a column's key (DeskPeriod.Key)
	Level        string `json:"level"`        // street town township district county city province national
	Placeholders bool   `json:"placeholders"` // only reports that still hold placeholders
	Reuse        bool   `json:"reuse"`        // only reports more than ReuseFilter of which is found in the previous report or in other units'
	Returns      bool   `json:"returns"`      // only reports with a reason to send back
	Sort         string `json:"sort"`         // SortUnit (default) …
}

// Desk is the reviewer's desk: the stable output of the desk's JSON.
type Desk struct {
	Query   DeskQuery    `json:"query"`
	Periods []DeskPeriod `json:"periods"` // the columns shown, in time order
	Units   []DeskUnit   `json:"units"`   // the rows, in the order asked
	// Reports is the number of stored reports; Shown of them, those
	// the filters keep; Returns of those, with a reason of their own to
	// send back. GroupReturns is the number of cells shown whose reports
	// together leave the previous plan's targets unreported or missed
	// (DeskCell.Targets): the unit's reports of that period go back
	// together.
	Reports      int `json:"reports"`
	Shown        int `json:"shown"`
	Returns      int `json:"returns"`
	GroupReturns int `json:"group_returns"`
	// Computing is the number of reports shown whose figures are being
	// computed (DeskEntry.Pending or Stale).
	Computing int `json:"computing"`
	// AllPeriods and Levels are every period and level stored, for the
	// filters.
	AllPeriods []DeskPeriod `json:"all_periods"`
	Levels     []string     `json:"levels"`
	// The thresholds of the reasons (PreviousLimit, OthersLimit).
	PreviousLimit float64 `json:"previous_limit"`
	OthersLimit   float64 `json:"others_limit"`
}

// DeskPeriod is a column of the desk: the period reports review (a plan
// alone has a column of its own, before its year's).
type DeskPeriod struct {
	Key   string `json:"key"`   // 2024, 2024H1, 2025plan; "" for reports whose period is not known
	Words string `json:"words"` // 2024年, 2024年上半年, 2025年计划, 时段未识别
	order int
}

// DeskUnit is a row of the desk: one unit's reports, a cell per column.
type DeskUnit struct {
	Unit  string     `json:"unit"`  // "" for reports whose unit is not known
	Level string     `json:"level"` // of its latest report
	Cells []DeskCell `json:"cells"` // one per column of Desk.Periods
}

// DeskCell is a unit's reports of one period: none, usually one.
type DeskCell struct {
	Reports []DeskEntry `json:"reports"`
	// Hidden is the number of the cell's reports the filters left out.
	Hidden int `json:"hidden"`
	// Targets are the previous plan's targets tracked in the cell's
	// reports together, when two or more of them review the same term
	// (corpus: period groups): shown once for the cell, and their
	// reasons to send back are the cell's, in no entry's Reasons. Nil
	// when the cell's reports were tracked each alone (a report's own
	// DeskEntry then tells its targets).
	Targets *DeskTargets `json:"targets,omitempty"`
}

// DeskTargets are the targets of a unit's previous report tracked in all
// its reports of one period.
type DeskTargets struct {
	Previous int64 `json:"previous"` // the report whose plan set them
	// Period is the term the reports review, the key of the track
	// page's unit and period (/track?unit=&period=): 2026, 2026H1.
	Period string `json:"period"`
	// Reports is the number of reports tracked in.
	Reports    int `json:"reports"`
	Targets    int `json:"targets"`
	Met        int `json:"met"`
	Partial    int `json:"partial"`
	Missed     int `json:"missed"`
	Unreported int `json:"unreported"` // reported by none of them
	// Earlier is the number of Targets set by a report before
	// Previous (corpus.DeskFigures.Earlier).
	Earlier int `json:"earlier,omitempty"`
	// Reasons say why the unit's reports of the period should go back,
	// in Chinese; none when they need not.
	Reasons []string `json:"reasons"`
	// Stale: some of the reports' figures are being computed again.
	Stale bool `json:"stale,omitempty"`
}

// DeskEntry is one report on the desk.
type DeskEntry struct {
	Report  Summary            `json:"report"`
	Figures corpus.DeskFigures `json:"figures"`
	// Reasons say why the report should go back to its unit, in
	// Chinese, most serious first; none when it need not.
	Reasons []string `json:"reasons"`
	// Pending: the figures are not computed yet (they are zero, and
	// there are no reasons); Stale: they were computed before the last
	// change and are being computed again. Only for a server, which
	// computes them in the background.
	Pending bool `json:"pending,omitempty"`
	Stale   bool `json:"stale,omitempty"`
}

// Desk returns the reviewer's desk: every stored report the query keeps,
// by unit and period, with its figures and the reasons to send it back.
// Figures are computed for the reports added or changed since the last
// look (see corpus.Desk), one look at a time.
func (a *App) Desk(ctx context.Context, q DeskQuery) (*Desk, error) {
	switch q.Sort {
	case "":
		q.Sort = SortUnit
	case SortUnit, SortReturns, SortReuse, SortPlaceholders, SortErrors:
	default:
		return nil, Errorf(Invalid, "排序方式 %q 无法识别（可选：unit、returns、reuse、placeholders、errors）", q.Sort)
	}
	st, err := a.store(ctx)
	if err != nil {
		return nil, err
	}
	var reports []corpus.DeskReport
	if w := a.warmer(); w != nil && !w.failed.Load() {
		// A server computes the figures in the background (warm.go):
		// a look shows them as stored and never waits for them.
		var all store.Store
		if all, err = a.open(ctx); err != nil {
			return nil, err
		}
		reports, err = a.deskCache.Stored(ctx, st, unwrap(all))
		for _, d := range reports {
			if d.Pending || d.Stale {
				w.changed()
				break
			}
		}
	} else {
		a.deskMu.Lock()
		reports, err = corpus.Desk(ctx, st)
		a.deskMu.Unlock()
	}
	if err != nil {
		return nil, err
	}

	out := &Desk{Query: q, Reports: len(reports), Periods: []DeskPeriod{}, Units: []DeskUnit{}, AllPeriods: []DeskPeriod{}, Levels: []string{},
		PreviousLimit: PreviousLimit, OthersLimit: OthersLimit}
	periods := map[string]DeskPeriod{}
	levels := map[string]bool{}
	type unitRow struct {
		row     DeskUnit
		latest  int
		byCol   map[string]*DeskCell
		entries []*DeskEntry
	}
	units := map[string]*unitRow{}
	for _, d := range reports {
		p := deskPeriod(d)
		periods[p.Key] = p
		if d.Report.Level != "" {
			levels[d.Report.Level] = true
		}
		// A name that hides the unit (xx街道, **镇, 某街道: a template
		// not filled in) names no unit: such reports are the unknown
		// unit's row, not a row each.
		unit := d.Report.Unit
		if account.Anonymised(unit) {
			unit = ""
		}
		u := units[unit]
		if u == nil {
			u = &unitRow{row: DeskUnit{Unit: unit}, latest: -1, byCol: map[string]*DeskCell{}}
			units[unit] = u
		}
		if d.Order >= u.latest {
			u.latest, u.row.Level = d.Order, d.Report.Level
		}
		c := u.byCol[p.Key]
		if c == nil {
			c = &DeskCell{Reports: []DeskEntry{}}
			u.byCol[p.Key] = c
		}
		if !q.keepsPeriod(p.Key) || !q.keeps(d) {
			c.Hidden++
			continue
		}
		e := DeskEntry{Report: SummaryOf(d.Report), Figures: d.Figures, Pending: d.Pending, Stale: d.Stale, Reasons: []string{}}
		if !d.Pending {
			e.Reasons = ownReasons(d.Figures)
			if g := d.Figures; g.Group > 1 && c.Targets == nil {
				c.Targets = &DeskTargets{Previous: g.Previous, Period: p.Key, Reports: g.Group, Targets: g.Targets, Met: g.Met, Partial: g.Partial,
					Missed: g.Missed, Unreported: g.Unreported, Earlier: g.Earlier, Reasons: targetReasons(g)}
			}
		}
		if c.Targets != nil && d.Stale {
			c.Targets.Stale = true
		}
		if d.Pending || d.Stale {
			out.Computing++
		}
		c.Reports = append(c.Reports, e)
	}
	for _, p := range periods {
		out.AllPeriods = append(out.AllPeriods, p)
	}
	slices.SortFunc(out.AllPeriods, func(x, y DeskPeriod) int { return cmp.Compare(x.order, y.order) })
	for _, p := range out.AllPeriods {
		if q.keepsPeriod(p.Key) {
			out.Periods = append(out.Periods, p)
		}
	}
	for l := range levels {
		out.Levels = append(out.Levels, l)
	}
	slices.Sort(out.Levels)

	var rows []*unitRow
	for _, u := range units {
		shown := false
		for _, p := range out.Periods {
			c := u.byCol[p.Key]
			if c == nil {
				c = &DeskCell{Reports: []DeskEntry{}}
			}
			for i := range c.Reports {
				shown = true
				u.entries = append(u.entries, &c.Reports[i])
			}
			if len(c.Reports) == 0 {
				c.Targets = nil // the cell shows no report
			}
			u.row.Cells = append(u.row.Cells, *c)
		}
		if shown {
			rows = append(rows, u)
		}
	}
	// The rows in the order asked, by name on a tie; units not known
	// last.
	key := func(u *unitRow) float64 {
		v := 0.0
		if q.Sort == SortReturns {
			for _, c := range u.row.Cells {
				if c.Targets != nil && len(c.Targets.Reasons) > 0 {
					v += 1000 + float64(len(c.Targets.Reasons))
				}
			}
		}
		for _, e := range u.entries {
			f := e.Figures
			switch q.Sort {
			case SortReturns:
				if len(e.Reasons) > 0 {
					v += 1000
				}
				v += float64(len(e.Reasons))
			case SortReuse:
				v = max(v, f.PreviousShare, f.OthersShare)
			case SortPlaceholders:
				v += float64(f.Placeholders)
			case SortErrors:
				v += float64(f.Errors)
			}
		}
		return v
	}
	slices.SortFunc(rows, func(x, y *unitRow) int {
		if (x.row.Unit == "") != (y.row.Unit == "") {
			if x.row.Unit == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(key(y), key(x)), cmp.Compare(x.row.Unit, y.row.Unit))
	})
	for _, u := range rows {
		for _, e := range u.entries {
			out.Shown++
			if len(e.Reasons) > 0 {
				out.Returns++
			}
		}
		for _, c := range u.row.Cells {
			if c.Targets != nil && len(c.Targets.Reasons) > 0 {
				out.GroupReturns++
			}
		}
		out.Units = append(out.Units, u.row)
	}
	return out, nil
}

// deskPeriod returns the column of a report.
func deskPeriod(d corpus.DeskReport) DeskPeriod {
	s := d.Report
	switch {
	case len(s.Years) == 0:
		return DeskPeriod{Key: "", Words: "时段未识别", order: 1 << 30}
	case s.Genre == string(zongjie.GenrePlan):
		y := strconv.Itoa(s.Years[0])
		return DeskPeriod{Key: y + "plan", Words: y + "年计划", order: d.Order}
	}
	t := zongjie.TermOf(s.Years[0], s.Period)
	if t.Period == zongjie.PeriodMulti {
		return DeskPeriod{Key: t.String() + "multi", Words: corpus.PeriodWords(s.Years, s.Period, ""), order: d.Order}
	}
	return DeskPeriod{Key: t.String(), Words: t.Words(), order: d.Order}
}

// keepsPeriod reports whether a column's key passes the period filter.
func (q DeskQuery) keepsPeriod(key string) bool { return q.Period == "" || q.Period == key }

// keeps reports whether the query's filters other than the period keep a
// report.
func (q DeskQuery) keeps(d corpus.DeskReport) bool {
	f := d.Figures
	switch {
	case q.Level != "" && d.Report.Level != q.Level:
		return false
	case q.Placeholders && f.Placeholders == 0:
		return false
	case q.Reuse && f.PreviousShare <= ReuseFilter && f.OthersShare <= ReuseFilter:
		return false
	case q.Returns && len(ownReasons(f)) == 0 && len(targetReasons(f)) == 0:
		return false
	}
	return true
}

// ownReasons says why a report should go back to its unit, most serious
// first: placeholders left, other errors, text copied from its previous
// report or from other units', and, when its targets were tracked in it
// alone, targets of the previous plan not reported or missed. The targets
// tracked in several reports of one period are not one report's reason
// (targetReasons).
func ownReasons(f corpus.DeskFigures) []string { return reasons(f, true, f.Group <= 1) }

// targetReasons says why the reports the previous plan's targets were
// tracked in should go back: targets none of them reported, or missed.
func targetReasons(f corpus.DeskFigures) []string { return reasons(f, false, true) }

// reasons says why a report should go back, in that order: for its own
// figures (own) and for the previous plan's targets (targets).
func reasons(f corpus.DeskFigures, own, targets bool) []string {
	out := []string{}
	if own {
		if f.Placeholders > 0 {
			out = append(out, fmt.Sprintf("仍有占位符 %d 处", f.Placeholders))
		}
		if n := f.Errors - f.Placeholders; n > 0 {
			out = append(out, fmt.Sprintf("其他错误 %d 处", n))
		}
		if f.PreviousShare > PreviousLimit {
			out = append(out, fmt.Sprintf("与上期重复 %s", percent(f.PreviousShare)))
		}
		if f.OthersShare > OthersLimit {
			out = append(out, fmt.Sprintf("与其他单位重复约 %s", percent(f.OthersShare)))
		}
	}
	if targets {
		if f.Unreported > 0 {
			out = append(out, fmt.Sprintf("上期目标 %d 项未报告", f.Unreported))
		}
		if f.Missed > 0 {
			out = append(out, fmt.Sprintf("上期目标 %d 项未完成", f.Missed))
		}
	}
	return out
}

// percent writes a share as a whole percentage: 0.783 → 78%.
func percent(x float64) string { return strconv.Itoa(int(x*100+0.5)) + "%" }
