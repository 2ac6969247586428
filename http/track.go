package http

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"zongjie"
	"zongjie/app"
	"zongjie/track"
)

// registerTrackRoutes serves the track page: the targets of a report's
// plan against what a later report says was achieved.
func (s *Server) registerTrackRoutes() {
	s.handle("GET /track", s.handleTrack, analysis())
	s.handle("POST /track", s.handleTrackFiles, bodyLimit(compareLimit), analysis())
}

// The statuses a target row can have, in the order the page counts them:
// track's four and the targets not due by the later report's period.
const statusNotDue = "notdue"

var trackStatuses = []struct{ Status, Words string }{
	{string(track.Met), "达成"}, {string(track.Partial), "部分达成"}, {string(track.Missed), "未达成"},
	{string(track.Unreported), "未报告"}, {statusNotDue, "未到期"},
}

// statusWords returns a status in Chinese, "" for one not known.
func statusWords(st string) string {
	for _, s := range trackStatuses {
		if s.Status == st {
			return s.Words
		}
	}
	return ""
}

// trackPage is the data of the track page: the forms, and a pair of
// reports tracked.
type trackPage struct {
	Units []app.UnitReports // the units with two reports or more, for the form
	Unit  string            // the unit chosen (?unit=)
	A, B  string            // the stored reports chosen (?a=&b=), for the form

	// Pairs are the unit's pairs of successive reports (?unit=), one of
	// them shown (?pair=, the last by default).
	Pairs []trackPairLink
	// Period is the unit's reports of one period tracked together
	// (?unit=&period=), Shown then holding the earlier report alone;
	// PeriodReports are those reports, linked, with what each alone
	// says.
	Period        *app.PeriodTracked
	PeriodReports []trackPeriodReport
	// SetBy says the rows name the report whose plan set each target:
	// the period's targets were set by more than one (Period.Plans).
	SetBy bool

	Notes   []string // the app's notes: reports left out, a period not known
	Shown   *app.Tracked
	Label   string // the pair in words: 2024年上半年计划 → 2024年
	Status  string // the status the rows are filtered by, "" for all
	Counts  []statusCount
	Rows    []trackRow
	Total   int    // the rows before the filter
	AllHref string // the rows of every status, "" for files
	Files   bool

	// Sole is the unit's only report (?unit= of a unit with one): its
	// targets, nothing to compare them with yet.
	Sole *trackSole
}

// trackSole is a unit's only report and the targets its plan sets.
type trackSole struct {
	ID    int64
	Title string
	Plan  string // 2025年, "" when not known
	Rows  []trackRow
}

// trackPeriodReport is one of a unit's reports of a period: the
// targets its figures rate, in words (依据 3 项：达成 2，部分达成 1).
type trackPeriodReport struct {
	ID           int64
	Title, Words string
	PairHref     string // the report tracked alone against the earlier one
}

// trackPairLink is one of a unit's pairs, as a link.
type trackPairLink struct {
	Label, Href string
	Current     bool
}

// statusCount is the number of targets of a status, linked to the rows of
// that status alone.
type statusCount struct {
	Status, Words string
	Count         int
	Href          string // "" for an upload (not a link)
	Current       bool
}

// trackRow is a target with its status and evidence.
type trackRow struct {
	Status, Words string
	Target        zongjie.Target
	TargetHref    string          // the earlier report at the target, "" for a file
	SetBy         *app.PeriodPlan // the report whose plan set it, when trackPage.SetBy
	Evidence      []trackEvidence
	Reason        string
	Progress      string // the share reached of a partial amount: 92%
}

// trackEvidence is a figure the later report gives, linked to it.
type trackEvidence struct {
	track.Evidence
	Href string // the later report at the figure, "" for a file
	In   int64  // the stored report it is in, 0 for a file
}

// handleTrack shows the track form, a unit's pairs (?unit=U, ?pair=N
// from 1), a unit's reports of one period tracked together (?unit=U,
// ?period=2026H1) or two stored reports (?a=ID&b=ID), filtered by
// ?status=.
func (s *Server) handleTrack(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p := trackPage{Unit: strings.TrimSpace(q.Get("unit")), A: strings.TrimSpace(q.Get("a")), B: strings.TrimSpace(q.Get("b"))}
	p.Status = q.Get("status")
	if p.Status != "" && statusWords(p.Status) == "" {
		return app.Errorf(app.Invalid, "状态 %q 无法识别（可选：met、partial、missed、unreported、notdue）", p.Status)
	}
	units, err := s.app.StoredUnits(r.Context())
	if err != nil {
		return err
	}
	for _, u := range units {
		if len(u.Reports) > 1 {
			p.Units = append(p.Units, u)
		}
	}
	base := url.Values{}
	switch {
	case p.A != "" || p.B != "":
		if p.Unit != "" {
			return app.Errorf(app.Invalid, "请选择单位，或填写两篇报告的编号，不要同时给出。")
		}
		a, err := compareID(p.A, "前期")
		if err != nil {
			return err
		}
		b, err := compareID(p.B, "后期")
		if err != nil {
			return err
		}
		res, err := s.app.Track(r.Context(), app.TrackRequest{Old: app.Stored(a), New: app.Stored(b)})
		if err != nil {
			return err
		}
		p.Notes, p.Shown = res.Notes, &res.Tracked
		base.Set("a", p.A)
		base.Set("b", p.B)
	case p.Unit != "" && q.Has("period"):
		if q.Has("pair") {
			return app.Errorf(app.Invalid, "参数 period 与 pair 只能给出一种")
		}
		term, err := zongjie.ParseTerm(q.Get("period"))
		if err != nil {
			return app.Errorf(app.Invalid, "%s", err.Error())
		}
		res, err := s.app.TrackPeriod(r.Context(), p.Unit, term)
		if err != nil {
			return err
		}
		p.Period = res
		p.Shown = &app.Tracked{Old: res.Old, OldTerm: res.OldTerm, NewTerm: res.Period, OldID: res.OldID, OldTitle: res.OldTitle}
		for _, rep := range res.Reports {
			p.PeriodReports = append(p.PeriodReports, trackPeriodReport{ID: rep.ID, Title: rep.Title, Words: ownWords(rep.Summary),
				PairHref: "/track?" + url.Values{"a": {itoa64(res.OldID)}, "b": {itoa64(rep.ID)}}.Encode()})
		}
		base.Set("unit", p.Unit)
		base.Set("period", res.Period.String())
	case p.Unit != "":
		pair, err := intParam(q.Get("pair"), "时段", 0)
		if err != nil {
			return err
		}
		res, err := s.app.TrackUnit(r.Context(), p.Unit)
		if err != nil && res != nil && res.Sole != nil {
			// One report: its targets, and why there is nothing to
			// compare them with yet.
			p.Sole = soleView(res.Sole)
			return s.render(w, r, http.StatusOK, "track", p)
		}
		if err != nil {
			return err
		}
		if pair == 0 {
			pair = len(res.Pairs)
		}
		if pair > len(res.Pairs) {
			return app.Errorf(app.NotFound, "单位“%s”只有 %d 组前后相继的报告，没有第 %d 组", p.Unit, len(res.Pairs), pair)
		}
		for i := range res.Pairs {
			v := url.Values{"unit": {p.Unit}, "pair": {itoa(i + 1)}}
			p.Pairs = append(p.Pairs, trackPairLink{Label: pairLabel(&res.Pairs[i]), Href: "/track?" + v.Encode(), Current: i+1 == pair})
		}
		p.Notes, p.Shown = res.Skipped, &res.Pairs[pair-1]
		base.Set("unit", p.Unit)
		base.Set("pair", itoa(pair))
	default:
		return s.render(w, r, http.StatusOK, "track", p)
	}
	p.layout(base)
	return s.render(w, r, http.StatusOK, "track", p)
}

// handleTrackFiles tracks two uploaded files, the parts "a" (the earlier
// report) and "b" (the later) of a multipart form; they are not stored.
func (s *Server) handleTrackFiles(w http.ResponseWriter, r *http.Request) error {
	fa, fb, err := filePair(r, "目标跟踪", "前期报告", "后期报告")
	if err != nil {
		return err
	}
	res, err := s.app.Track(r.Context(), app.TrackRequest{Old: app.File(fa), New: app.File(fb)})
	if err != nil {
		return err
	}
	p := trackPage{Notes: res.Notes, Shown: &res.Tracked, Files: true}
	p.layout(nil)
	return s.render(w, r, http.StatusOK, "track", p)
}

// soleView lays out a unit's only report: its targets, each linked to
// the report at its figure.
func soleView(sr *app.SoleReport) *trackSole {
	v := &trackSole{ID: sr.ID, Title: sr.Title}
	if sr.Plan != nil {
		v.Plan = sr.Plan.Words()
	}
	for i, x := range sr.Targets {
		v.Rows = append(v.Rows, trackRow{Target: x, TargetHref: reportAt(sr.ID, sr.Figures[i].Offset, sr.Figures[i].Length)})
	}
	return v
}

// ownWords says what one of a period's reports alone says of the
// targets: 依据 3 项：达成 2，部分达成 1; 未给出上期目标的数字 for none.
func ownWords(sum map[string]int) string {
	n := sum[string(track.Met)] + sum[string(track.Partial)] + sum[string(track.Missed)]
	if n == 0 {
		return "未给出上期目标的数字"
	}
	w := "依据 " + itoa(n) + " 项："
	sep := ""
	for _, st := range trackStatuses[:3] {
		if c := sum[st.Status]; c > 0 {
			w += sep + st.Words + " " + itoa(c)
			sep = "，"
		}
	}
	return w
}

// pairLabel names a pair by its periods: 2024年上半年计划 → 2024年.
func pairLabel(t *app.Tracked) string {
	old, cur := t.Old, t.New
	if t.OldTerm != nil {
		old = t.OldTerm.Words() + "计划"
	}
	if t.NewTerm != nil {
		cur = t.NewTerm.Words()
	}
	return old + " → " + cur
}

// reportAt links a stored report's text at a span in characters
// (docs/web.md): "" for a file (id 0) or an unknown span.
func reportAt(id int64, offset, length int) string {
	if id == 0 {
		return ""
	}
	href := "/reports/" + itoa64(id)
	if offset < 0 || length <= 0 {
		return href
	}
	return href + "?hl=" + itoa(offset) + "-" + itoa(offset+length) + "#hit"
}

// layout counts the targets by status and makes the rows of the status
// asked for; base is the query of the pair shown, for the filter links
// (nil for files: no links).
func (p *trackPage) layout(base url.Values) {
	t := p.Shown
	p.Label = pairLabel(t)
	if p.Period != nil {
		if len(p.Period.Plans) > 1 {
			// Every plan that set targets: 2026年下半年计划、2026年计划 → 2026年.
			var old []string
			for _, pl := range p.Period.Plans {
				if pl.Plan != nil {
					old = append(old, pl.Plan.Words()+"计划")
				} else {
					old = append(old, pl.Label)
				}
			}
			p.Label = strings.Join(old, "、") + " → " + t.NewTerm.Words()
		}
		p.Label += "（本期 " + itoa(len(p.Period.Reports)) + " 篇合计）"
	}
	results, ins := t.Targets, []int64(nil) // ins: the report of each result's evidence, t.NewID when nil
	var sets, notDueSets []int64            // the report whose plan set each result, each target not due; t.OldID when nil
	plans := map[int64]*app.PeriodPlan{}
	if pt := p.Period; pt != nil {
		results, ins = nil, nil
		for _, r := range pt.Targets {
			results, ins, sets = append(results, r.Result), append(ins, r.InID), append(sets, r.SetByID)
		}
		t.Figures, t.NotDueTargets, t.NotDueFigures, notDueSets = pt.Figures, pt.NotDueTargets, pt.NotDueFigures, pt.NotDueSetBy
		p.SetBy = len(pt.Plans) > 1
		for i := range pt.Plans {
			plans[pt.Plans[i].ID] = &pt.Plans[i]
		}
	}
	setBy := func(sets []int64, i int) int64 {
		if sets == nil {
			return t.OldID
		}
		return sets[i]
	}
	var all []trackRow
	for i, res := range results {
		in := t.NewID
		if ins != nil {
			in = ins[i]
		}
		row := trackRow{Status: string(res.Status), Words: statusWords(string(res.Status)), Target: res.Target, Reason: res.Reason}
		row.TargetHref = reportAt(setBy(sets, i), t.Figures[i].Offset, t.Figures[i].Length)
		if p.SetBy {
			row.SetBy = plans[setBy(sets, i)]
		}
		if res.Progress != nil {
			row.Progress = strconv.Itoa(int(*res.Progress*100+0.5)) + "%"
		}
		evs := res.Parts
		if len(evs) == 0 && res.Evidence != nil {
			evs = []track.Evidence{*res.Evidence}
		}
		for _, e := range evs {
			row.Evidence = append(row.Evidence, trackEvidence{Evidence: e, Href: reportAt(in, e.Offset, e.Length), In: in})
		}
		all = append(all, row)
	}
	for i, nd := range t.NotDueTargets {
		row := trackRow{Status: statusNotDue, Words: statusWords(statusNotDue), Target: nd,
			TargetHref: reportAt(setBy(notDueSets, i), t.NotDueFigures[i].Offset, t.NotDueFigures[i].Length), Reason: notDueReason(nd)}
		if p.SetBy {
			row.SetBy = plans[setBy(notDueSets, i)]
		}
		all = append(all, row)
	}
	p.Total = len(all)
	if base != nil {
		p.AllHref = "/track?" + base.Encode()
	}
	for _, st := range trackStatuses {
		c := statusCount{Status: st.Status, Words: st.Words, Current: st.Status == p.Status}
		for _, row := range all {
			if row.Status == st.Status {
				c.Count++
			}
		}
		if base != nil {
			v := url.Values{"status": {st.Status}}
			for k, vs := range base {
				v[k] = vs
			}
			c.Href = "/track?" + v.Encode()
		}
		p.Counts = append(p.Counts, c)
	}
	for _, row := range all {
		if p.Status == "" || row.Status == p.Status {
			p.Rows = append(p.Rows, row)
		}
	}
}

// notDueReason says when a target not yet due is due.
func notDueReason(t zongjie.Target) string {
	switch {
	case t.Year != 0:
		return "期限为" + zongjie.TermOf(t.Year, string(t.Period)).Words() + "，尚未到期"
	case t.Deadline != "":
		return "期限为“" + t.Deadline + "”，尚未到期"
	}
	return "不在后一报告回顾的时段内"
}
