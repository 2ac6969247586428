package http

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"zongjie/app"
	"zongjie/check"
	"zongjie/store"
)

// reportPage is the data of the report page.
type reportPage struct {
	*app.Report
	Paras      []viewPara
	Outline    []outlineItem
	Categories []categoryCount
	Saved      *store.Summary // the version just stored, to say so
	// Undo is the version a button restores to undo Saved (0: none):
	// the one before it, when Saved is the current version, shown.
	Undo int
	// At is the offset of the finding a change was made at (-1: none):
	// the page says what was saved beside the findings, and report.js
	// moves to the finding now there.
	At int
	// Unfilled counts the placeholders (xx, **, 某某) still in the text:
	// the downloads keep them, and the page says so beside them.
	Unfilled   int
	PeriodForm string // the period as the form shows it: 2024, 2024H1 …
	DiffA      int    // the version to compare the shown one with: the one before it

	// The tables of figures and targets too long to be on the page
	// itself (nil: on the page): loaded when scrolled to.
	LazyQuantities, LazyTargets *lazyTable
	// The tables on the page itself, written (see tableCache).
	Quantities, Targets template.HTML
	// Previous and Next are the unit's reports just before and after
	// this one, to track targets against (nil for none).
	Previous, Next *app.Summary
}

// handleReportView shows a stored report: the current version, or the
// one ?v= names; ?saved= names a version just stored.
func (s *Server) handleReportView(w http.ResponseWriter, r *http.Request) error {
	id, err := reportID(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	v, err := intParam(q.Get("v"), "版本", 0)
	if err != nil {
		return err
	}
	saved, err := intParam(q.Get("saved"), "版本", 0)
	if err != nil {
		return err
	}
	at, err := intParam(q.Get("at"), "位置", -1)
	if err != nil {
		return err
	}
	hit, err := hitParam(q.Get("hl"))
	if err != nil {
		return err
	}
	rep, err := s.app.Report(r.Context(), id, v)
	if err != nil {
		return err
	}
	p := reportPage{Report: rep, Categories: categories(rep.Findings), PeriodForm: periodForm(rep.Summary), DiffA: max(rep.Version-1, 1), At: -1}
	title := rep.Extract.Title
	if rep.Extract.TitleInferred {
		title = ""
	}
	p.LazyQuantities = newLazyTable(rep, "quantities", len(rep.Extract.Quantities))
	p.LazyTargets = newLazyTable(rep, "targets", len(rep.Extract.Targets))
	if p.LazyQuantities == nil && len(rep.Extract.Quantities) > 0 {
		if p.Quantities, err = s.table("quantities-table", rep); err != nil {
			return err
		}
	}
	if p.LazyTargets == nil && len(rep.Extract.Targets) > 0 {
		if p.Targets, err = s.table("targets-table", rep); err != nil {
			return err
		}
	}
	for _, d := range rep.Findings {
		if d.Category == check.Placeholder {
			p.Unfilled++
		}
	}
	p.Paras, p.Outline = textView(rep.Text, rep.Findings, rep.Extract.Outline, title, hit)
	if p.Previous, p.Next, err = s.app.Neighbours(r.Context(), rep.Summary); err != nil {
		return err
	}
	for i := range rep.Versions {
		if rep.Versions[i].Version == saved && saved > 0 {
			p.Saved = &rep.Versions[i]
		}
	}
	if p.Saved != nil {
		if p.Saved.Version == rep.Current && rep.IsCurrent() && p.Saved.Version > 1 && rep.Changeable {
			p.Undo = p.Saved.Version - 1
		}
		p.At = at
	}
	return s.render(w, r, http.StatusOK, "report", p)
}

// periodForm writes a stored period as the period field takes it: the
// reviewed year and its part (2024, 2024H1, 2024Q1-Q3); "" when unknown
// or several years.
func periodForm(s store.Summary) string {
	if len(s.Years) == 0 || s.Period == "multi-year" {
		return ""
	}
	y := s.Years[0]
	if s.Period == "" || s.Period == "FY" {
		return itoa(y)
	}
	return itoa(y) + s.Period
}

// hitParam reads ?hl=START-END, the span of the text (in characters) a
// link opens the page at, such as a search hit (docs/web.md); "" is
// none.
func hitParam(v string) ([2]int, error) {
	if v == "" {
		return [2]int{}, nil
	}
	a, b, ok := strings.Cut(v, "-")
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || start < 0 || end < start {
		return [2]int{}, app.Errorf(app.Invalid, "位置 hl=%q 应为“起点-终点”（字数）", v)
	}
	return [2]int{start, end}, nil
}
