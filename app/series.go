package app

import (
	"context"
	"fmt"

	"zongjie/extract"
	"zongjie/track"
)

// SeriesRequest says whose indicators to list: a unit's stored reports,
// or reports named one by one (files or stored reports, each with what
// the user states about it).
type SeriesRequest struct {
	Unit   string
	Refs   []Ref
	Stated []extract.Options // for each of Refs; may be shorter
	Name   string            // only the indicators whose name matches
	All    bool              // also the indicators of one period only
}

// SeriesResult is each indicator over the periods of the reports: the
// stable output of series --format json (its keys in alphabetical order,
// as they have always been written).
type SeriesResult struct {
	Series []track.Series `json:"series"`
	Unit   string         `json:"unit"`

	Reports int      `json:"-"` // how many reports were read
	Notes   []string `json:"-"` // what the user should know (files of several reports)
	// IDs are the stored reports by the label the points name them by
	// (Point.Report: "#ID"); a file is not in it.
	IDs map[string]int64 `json:"-"`
}

// Series lists the indicators of a unit's reports over their periods,
// names normalised, in the order of the periods the reports review. On a
// failure the result still holds the notes made until then.
func (a *App) Series(ctx context.Context, req SeriesRequest) (*SeriesResult, error) {
	out := &SeriesResult{Unit: req.Unit}
	var ls []*Loaded
	if len(req.Refs) == 0 {
		var err error
		if ls, err = a.unitReports(ctx, req.Unit); err != nil {
			return nil, err
		}
		if len(ls) == 0 {
			return nil, Errorf(NotFound, "没有单位“%s”的报告", req.Unit)
		}
	} else {
		for i, ref := range req.Refs {
			var o extract.Options
			if i < len(req.Stated) {
				o = req.Stated[i]
			}
			l, err := a.Load(ctx, ref, o)
			if err != nil {
				return out, err
			}
			out.Notes = appendOthers(out.Notes, l)
			ls = append(ls, l)
		}
		sortByTerm(ls)
	}
	for _, l := range ls {
		if known(l.Report.Meta.Review) == nil {
			out.Notes = append(out.Notes, fmt.Sprintf("%s 没有写明回顾的时段，其数字记在“时段未识别”下；%s", l.Label, a.periodHint(false, l)))
		}
	}
	reports := make([]track.Report, len(ls))
	out.IDs = map[string]int64{}
	for i, l := range ls {
		reports[i] = track.Report{Label: l.Label, File: l.File, Report: l.Report}
		if l.ID != 0 {
			out.IDs[l.Label] = l.ID
		}
	}
	ss := track.SeriesOf(reports, req.All || req.Name != "")
	if req.Name != "" {
		ss = track.Match(ss, req.Name)
	}
	if ss == nil {
		ss = []track.Series{}
	}
	out.Series, out.Reports = ss, len(ls)
	return out, nil
}
