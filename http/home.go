package http

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"zongjie"
	"zongjie/app"
	"zongjie/corpus"
)

// registerHomeRoutes serves the home page: the reviewer's desk.
func (s *Server) registerHomeRoutes() {
	s.handle("GET /{$}", s.handleHome)
}

// handleHome shows the reviewer's desk: the stored reports as units ×
// periods, filtered and ordered by the query (period, level,
// placeholders, reuse, returns, sort).
func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) error {
	q, err := deskQuery(r.URL.Query())
	if err != nil {
		return err
	}
	d, err := s.app.Desk(r.Context(), q)
	if err != nil {
		return err
	}
	p, err := s.layoutDesk(d)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "home", p)
}

// deskQuery reads the desk's filters: period, level and sort as given
// (app.Desk checks the order), and the switches placeholders, reuse and
// returns ("1" or "on" sets one, "" or "0" clears it).
func deskQuery(v url.Values) (app.DeskQuery, error) {
	q := app.DeskQuery{Period: v.Get("period"), Level: v.Get("level"), Sort: v.Get("sort")}
	for _, f := range []struct {
		name string
		to   *bool
	}{{"placeholders", &q.Placeholders}, {"reuse", &q.Reuse}, {"returns", &q.Returns}} {
		switch v.Get(f.name) {
		case "", "0":
		case "1", "on":
			*f.to = true
		default:
			return q, app.Errorf(app.Invalid, "筛选条件 %s=%q 应为 1 或 0", f.name, v.Get(f.name))
		}
	}
	return q, nil
}

// deskPage is the desk laid out for its template: the grid's cells as
// the strings they show, made once here rather than by many template
// actions per cell (a desk of 1,000 reports is rendered in a few
// milliseconds so). It is layout: every figure comes from app.Desk.
type deskPage struct {
	*app.Desk
	Rows []deskRow
}

// deskRow is a unit's row.
type deskRow struct {
	Unit, Level string
	Cells       []deskCellView
}

// deskCellView is a cell: its reports (each written by the template
// desk-entry, see deskEntries, one after the other), or why it is empty.
type deskCellView struct {
	HTML  template.HTML
	Empty string // 无报告, 已筛除 2 篇
}

// deskEntryView is one report in a cell.
type deskEntryView struct {
	Href, Title, Label string
	Send               bool   // there are reasons to send it back
	Counts             string // 错误 3 · 警告 2 · 占位符 2, or 未校对
	CountsBad          bool
	PrevHref, PrevText string // the comparison with the previous report; PrevHref "" for none
	PrevBad            bool
	OtherHref          string // the comparison with the report of another unit sharing most
	OtherText          string
	OtherTitle         string
	OtherBad           bool
	Targets            string // 上期目标 9：完成 7，部分 1，未完成 1; in a period group, 本篇依据：完成 3
	TargetsHref        string // the targets on the track page
	TargetsBad         bool
	Reasons            []string
}

// deskGroupView is the previous plan's targets tracked in a cell's
// reports together, shown once at the top of the cell.
type deskGroupView struct {
	Text, Href string // 本期 3 篇合计 · 上期目标 9：完成 7，未报告 2; the unit and period on the track page
	Send, Bad  bool
	Reasons    []string
}

// deskGroup writes the block of a cell's targets tracked together.
func (s *Server) deskGroup(unit string, t *app.DeskTargets) (template.HTML, error) {
	v := deskGroupView{Send: len(t.Reasons) > 0, Bad: t.Missed+t.Unreported > 0, Reasons: t.Reasons}
	v.Text = fmt.Sprintf("本期 %d 篇合计 · %s", t.Reports, targetCounts(t.Targets, t.Earlier, t.Met, t.Partial, t.Missed, t.Unreported))
	if t.Stale {
		v.Text += " · 更新中"
	}
	v.Href = "/track?" + url.Values{"unit": {unit}, "period": {t.Period}}.Encode()
	var buf bytes.Buffer
	if err := s.pages.sets["home"].ExecuteTemplate(&buf, "desk-group", v); err != nil {
		return "", fmt.Errorf("page home: %w", err)
	}
	return template.HTML(buf.String()), nil
}

// targetCounts writes the previous plan's targets by status: 上期目标 9：完成
// 7，部分 1，未完成 1，未报告 0 left out; with those of them set by a
// report before the previous one (earlier): 上期目标 9（含更早计划 4 项）.
func targetCounts(targets, earlier, met, partial, missed, unreported int) string {
	t := fmt.Sprintf("上期目标 %d", targets)
	if earlier > 0 {
		t += fmt.Sprintf("（含更早计划 %d 项）", earlier)
	}
	t += fmt.Sprintf("：完成 %d", met)
	if partial > 0 {
		t += fmt.Sprintf("，部分 %d", partial)
	}
	if missed > 0 {
		t += fmt.Sprintf("，未完成 %d", missed)
	}
	if unreported > 0 {
		t += fmt.Sprintf("，未报告 %d", unreported)
	}
	return t
}

// minOthersShown is the share found in other units' reports below which
// the desk does not show it.
const minOthersShown = 0.05

// layoutDesk lays out the desk, each entry written once for what it shows
// (deskEntries).
func (s *Server) layoutDesk(d *app.Desk) (deskPage, error) {
	p := deskPage{Desk: d, Rows: make([]deskRow, 0, len(d.Units))}
	var hs []template.HTML // a cell's entries
	for _, u := range d.Units {
		row := deskRow{Unit: u.Unit, Level: zongjie.Level(u.Level).Words(), Cells: make([]deskCellView, len(u.Cells))}
		if row.Unit == "" {
			row.Unit = "单位未识别"
		}
		for i, c := range u.Cells {
			cv := &row.Cells[i]
			switch {
			case len(c.Reports) > 0:
			case c.Hidden > 0:
				cv.Empty = fmt.Sprintf("已筛除 %d 篇", c.Hidden)
			default:
				cv.Empty = "无报告"
			}
			hs = hs[:0]
			n := 0
			if c.Targets != nil {
				h, err := s.deskGroup(u.Unit, c.Targets)
				if err != nil {
					return deskPage{}, err
				}
				hs, n = append(hs, h), n+len(h)
			}
			for _, e := range c.Reports {
				h, err := s.deskEntry(d, e)
				if err != nil {
					return deskPage{}, err
				}
				hs, n = append(hs, h), n+len(h)
			}
			var b strings.Builder
			b.Grow(n)
			for _, h := range hs {
				b.WriteString(string(h))
			}
			cv.HTML = template.HTML(b.String())
		}
		p.Rows = append(p.Rows, row)
	}
	return p, nil
}

// deskEntries keeps each report's entry on the desk as the template
// desk-entry wrote it, with what it was written from: a look writes again
// only the entries whose report or figures changed since the last (a desk
// of thousands of reports spent most of its time in the template's
// actions, a dozen for each entry). One entry a report, the last written;
// emptied when over deskEntriesBudget bytes (reports deleted meanwhile
// stay until then).
type deskEntries struct {
	mu    sync.Mutex
	m     map[int64]deskWritten
	bytes int
}

// deskEntryKey is all an entry's writing depends on.
type deskEntryKey struct {
	ID                         int64
	Title, Genre               string
	Unit, Period               string // of the track page's link
	Year                       int
	Figures                    corpus.DeskFigures
	Pending, Stale             bool
	PreviousLimit, OthersLimit float64
}

type deskWritten struct {
	key  deskEntryKey
	html template.HTML
}

// deskEntriesBudget is the bytes of written entries kept at most (about
// 20,000 entries).
const deskEntriesBudget = 16 << 20

// deskEntry returns e's entry on the desk d, written now or kept from
// before.
func (s *Server) deskEntry(d *app.Desk, e app.DeskEntry) (template.HTML, error) {
	k := deskEntryKey{ID: e.Report.ID, Title: e.Report.Title, Genre: e.Report.Genre, Unit: e.Report.Unit, Period: e.Report.Period, Year: firstYear(e.Report.Years), Figures: e.Figures,
		Pending: e.Pending, Stale: e.Stale, PreviousLimit: d.PreviousLimit, OthersLimit: d.OthersLimit}
	c := &s.deskEntries
	c.mu.Lock()
	w, ok := c.m[k.ID]
	c.mu.Unlock()
	if ok && w.key == k {
		return w.html, nil
	}
	var buf bytes.Buffer
	if err := s.pages.sets["home"].ExecuteTemplate(&buf, "desk-entry", entryView(d, e)); err != nil {
		return "", fmt.Errorf("page home: %w", err)
	}
	h := template.HTML(buf.String())
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || c.bytes > deskEntriesBudget {
		c.m, c.bytes = map[int64]deskWritten{}, 0
	}
	c.bytes += len(h) - len(c.m[k.ID].html)
	c.m[k.ID] = deskWritten{k, h}
	return h, nil
}

// entryView lays out a report's entry on the desk d.
func entryView(d *app.Desk, e app.DeskEntry) deskEntryView {
	pct := func(x float64) string { return strconv.Itoa(int(x*100+0.5)) + "%" }
	f, id := e.Figures, strconv.FormatInt(e.Report.ID, 10)
	v := deskEntryView{Href: "/reports/" + id, Title: e.Report.Title, Send: len(e.Reasons) > 0, Reasons: e.Reasons}
	v.Label = zongjie.Genre(e.Report.Genre).Words()
	if v.Label == "" {
		v.Label = "报告"
	}
	v.Label += " #" + id
	if e.Pending {
		// Computed in the background: nothing to show yet.
		v.Counts = "数字计算中，请稍后刷新"
		return v
	}
	if f.Checked {
		v.Counts = fmt.Sprintf("错误 %d · 警告 %d · 占位符 %d", f.Errors, f.Warnings, f.Placeholders)
		v.CountsBad = f.Errors > 0
	} else {
		v.Counts = "未校对"
	}
	if e.Stale {
		v.Counts += " · 更新中"
	}
	if f.Previous != 0 {
		v.PrevHref = fmt.Sprintf("/compare?a=%d&b=%s", f.Previous, id)
		v.PrevText = "与上期重复 " + pct(f.PreviousShare)
		v.PrevBad = f.PreviousShare > d.PreviousLimit
	} else {
		v.PrevText = "无上期报告"
	}
	if f.OthersShare >= minOthersShown {
		v.OtherText = "其他单位约 " + pct(f.OthersShare)
		v.OtherTitle = fmt.Sprintf("与其他单位的报告共有约 %s", pct(f.OthersShare))
		v.OtherBad = f.OthersShare > d.OthersLimit
		// The report shared with most, when the user may
		// read it.
		if f.Other != 0 {
			v.OtherHref = fmt.Sprintf("/compare?a=%d&b=%s", f.Other, id)
			v.OtherTitle += fmt.Sprintf("；与重复最多的 #%d 比对", f.Other)
		}
	}
	switch {
	case f.Targets == 0:
	case f.Group > 1:
		// Tracked with the unit's other reports of the period: the
		// cell tells the targets once; the entry what it alone says.
		if own := f.OwnMet + f.OwnPartial + f.OwnMissed; own > 0 {
			t := fmt.Sprintf("本篇依据 %d 项：完成 %d", own, f.OwnMet)
			if f.OwnPartial > 0 {
				t += fmt.Sprintf("，部分 %d", f.OwnPartial)
			}
			if f.OwnMissed > 0 {
				t += fmt.Sprintf("，未完成 %d", f.OwnMissed)
			}
			v.Targets, v.TargetsBad = t, f.OwnMissed > 0
			v.TargetsHref = fmt.Sprintf("/track?a=%d&b=%s", f.Previous, id)
		}
	default:
		v.Targets = targetCounts(f.Targets, f.Earlier, f.Met, f.Partial, f.Missed, f.Unreported)
		v.TargetsBad = f.Missed+f.Unreported > 0
		v.TargetsHref = fmt.Sprintf("/track?a=%d&b=%s", f.Previous, id)
		if t := zongjie.TermOf(firstYear(e.Report.Years), e.Report.Period); f.Earlier > 0 && t != nil && e.Report.Unit != "" {
			// Some targets were set before the previous report: the
			// period's page shows them with the report that set each.
			v.TargetsHref = "/track?" + url.Values{"unit": {e.Report.Unit}, "period": {t.String()}}.Encode()
		}
	}
	return v
}

// firstYear returns the first of a report's years, 0 for none.
func firstYear(years []int) int {
	if len(years) == 0 {
		return 0
	}
	return years[0]
}
