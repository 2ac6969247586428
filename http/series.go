package http

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"zongjie"
	"zongjie/app"
	"zongjie/output"
	"zongjie/track"
)

// registerSeriesRoutes serves the series page and its CSV download.
func (s *Server) registerSeriesRoutes() {
	s.handle("GET /series", s.handleSeries, analysis())
	s.handle("GET /series.csv", s.handleSeriesCSV, analysis())
}

// maxIndicatorName is the longest indicator name a query may give.
const maxIndicatorName = 50

// seriesQuery is what the series page is asked: a unit's indicators over
// its periods, or one period's across units.
type seriesQuery struct {
	Unit   string
	Period string // as given: 2024, 2024H1
	term   zongjie.Term
	Name   string // only the indicators whose name matches
	All    bool   // also the indicators of one period only (a unit's)
}

// readSeriesQuery reads ?unit= or ?period=, ?name= and ?all=.
func readSeriesQuery(v url.Values) (seriesQuery, error) {
	q := seriesQuery{Unit: strings.TrimSpace(v.Get("unit")), Period: strings.TrimSpace(v.Get("period")), Name: strings.TrimSpace(v.Get("name"))}
	switch v.Get("all") {
	case "", "0":
	case "1", "on", "true":
		q.All = true
	default:
		return q, app.Errorf(app.Invalid, "all=%q 应为 1 或 0", v.Get("all"))
	}
	if len([]rune(q.Name)) > maxIndicatorName {
		return q, app.Errorf(app.Invalid, "指标名称过长（最多 %d 字）", maxIndicatorName)
	}
	if q.Unit != "" && q.Period != "" {
		return q, app.Errorf(app.Invalid, "请选择一个单位（看各期），或选择一个时段（比较各单位），不要同时给出。")
	}
	if q.Period != "" {
		t, err := zongjie.ParseTerm(q.Period)
		if err != nil {
			return q, &app.Error{Code: app.Invalid, Message: err.Error(), Err: err}
		}
		q.term = t
	}
	return q, nil
}

// seriesPage is the data of the series page.
type seriesPage struct {
	seriesQuery
	Units []app.UnitReports // every unit, for the form
	// Chosen is the unit the form shows chosen: the one asked for, or
	// else the one of the most reports (the first of them), whose
	// indicators have the most periods to draw.
	Chosen  string
	Periods []kindOption // every period reviewed, for the form
	Reports int          // the unit's reports read
	Notes   []string     // the app's notes: reports whose period is not known
	Across  *app.Across
	Charts  []seriesChart
	CSV     string // the download of what is shown
}

// seriesChart is one indicator: a chart and the table beside it.
type seriesChart struct {
	ID    string // the chart's element
	Title string
	Sub   string // what is measured, in what: 数值，万元
	Data  string // the chart's data in JSON (chartData), for series.js
	Label string // the table's first column: 时段 or 单位
	Rows  []seriesRow
	More  string // a link to more of the indicator: the other units, or the unit's periods
}

// chartData is what series.js draws: a line over the periods or bars
// over the units, the values in the display unit.
type chartData struct {
	Kind    string    `json:"kind"` // line or bar
	Name    string    `json:"name"`
	Unit    string    `json:"unit"`
	Labels  []string  `json:"labels"`
	Values  []float64 `json:"values"`
	Figures []string  `json:"figures"` // as written, for the tooltip
}

// seriesRow is a row of an indicator's table.
type seriesRow struct {
	Label, Figure, Value string
	LabelHref            string // the unit's indicator over its periods (across units)
	Href                 string // the report at the figure
	Report               string // #ID, or the file's name
	Line                 int
}

// handleSeries shows the series form, a unit's indicators over its
// periods (?unit=, ?name=, ?all=1) or one period's across units
// (?period=, ?name=).
func (s *Server) handleSeries(w http.ResponseWriter, r *http.Request) error {
	q, err := readSeriesQuery(r.URL.Query())
	if err != nil {
		return err
	}
	p := seriesPage{seriesQuery: q}
	if p.Units, err = s.app.StoredUnits(r.Context()); err != nil {
		return err
	}
	p.Periods = periodOptions(p.Units)
	p.Chosen = q.Unit
	if p.Chosen == "" {
		most := 0
		for _, u := range p.Units {
			if len(u.Reports) > most {
				p.Chosen, most = u.Unit, len(u.Reports)
			}
		}
	}
	switch {
	case q.Unit != "":
		res, err := s.app.Series(r.Context(), app.SeriesRequest{Unit: q.Unit, Name: q.Name, All: q.All})
		if err != nil {
			return err
		}
		p.Reports, p.Notes = res.Reports, res.Notes
		p.Charts = unitCharts(res, q.Unit)
		p.CSV = "/series.csv?" + r.URL.RawQuery
	case q.Period != "":
		res, err := s.app.SeriesAcross(r.Context(), q.term, q.Name)
		if err != nil {
			return err
		}
		p.Across = res
		p.Charts = acrossCharts(res)
		p.CSV = "/series.csv?" + r.URL.RawQuery
	}
	return s.render(w, r, http.StatusOK, "series", p)
}

// handleSeriesCSV sends what the page shows as CSV: a unit's series as
// series --format csv writes them, or one period's indicators by unit.
func (s *Server) handleSeriesCSV(w http.ResponseWriter, r *http.Request) error {
	q, err := readSeriesQuery(r.URL.Query())
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	var name string
	switch {
	case q.Unit != "":
		res, err := s.app.Series(r.Context(), app.SeriesRequest{Unit: q.Unit, Name: q.Name, All: q.All})
		if err != nil {
			return err
		}
		if err := output.WriteSeriesCSV(&buf, res.Series); err != nil {
			return err
		}
		name = q.Unit + "指标.csv"
	case q.Period != "":
		res, err := s.app.SeriesAcross(r.Context(), q.term, q.Name)
		if err != nil {
			return err
		}
		if err := writeAcrossCSV(&buf, res); err != nil {
			return err
		}
		name = q.term.Words() + "各单位指标.csv"
	default:
		return app.Errorf(app.Invalid, "请给出单位（unit）或时段（period）。")
	}
	return writeDownload(w, app.Download{Name: name, Type: "text/csv; charset=utf-8", Data: buf.Bytes()})
}

// writeAcrossCSV writes one row per unit's figure of each indicator, as
// WriteSeriesCSV does (UTF-8 with a byte-order mark, Chinese headers).
func writeAcrossCSV(w *bytes.Buffer, a *app.Across) error {
	w.WriteString("\ufeff")
	cw := csv.NewWriter(w)
	cw.Write([]string{"指标", "归一名称", "类型", "计量单位", "期间", "报告单位", "数值", "原文", "报告", "行"})
	for _, ind := range a.Indicators {
		for _, v := range ind.Values {
			cw.Write([]string{ind.Indicator, ind.Key, output.MeasureWords(ind.Measure), ind.Unit, a.Period.Words(), v.Unit,
				strconv.FormatFloat(v.Point.Value, 'f', -1, 64), v.Point.Figure, "#" + itoa64(v.Report), itoa(v.Point.Line)})
		}
	}
	cw.Flush()
	return cw.Error()
}

// periodOptions are the periods the units' reports review (plans alone
// left out), in time order, for the form.
func periodOptions(units []app.UnitReports) []kindOption {
	seen := map[int]kindOption{}
	for _, u := range units {
		for _, r := range u.Reports {
			if len(r.Years) == 0 || r.Genre == string(zongjie.GenrePlan) || r.Period == string(zongjie.PeriodMulti) {
				continue
			}
			t := zongjie.TermOf(r.Years[0], r.Period)
			code := itoa(t.Year)
			if t.Period != zongjie.PeriodFullYear {
				code += string(t.Period)
			}
			seen[t.Order()] = kindOption{Value: code, Words: t.Words()}
		}
	}
	keys := make([]int, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]kindOption, len(keys))
	for i, k := range keys {
		out[i] = seen[k]
	}
	return out
}

// unitCharts lays out a unit's series: a line over the periods each.
func unitCharts(res *app.SeriesResult, unit string) []seriesChart {
	out := make([]seriesChart, 0, len(res.Series))
	for i, se := range res.Series {
		vals := make([]float64, len(se.Points))
		for k, pt := range se.Points {
			vals[k] = pt.Value
		}
		div, shown := displayUnit(se.Unit, vals)
		c := seriesChart{ID: "chart-" + itoa(i+1), Title: se.Indicator, Sub: measureSub(se.Measure, shown), Label: "时段",
			More: "/series?" + url.Values{"period": {lastPeriod(se.Points)}, "name": {se.Key}}.Encode()}
		d := chartData{Kind: "line", Name: se.Indicator, Unit: shown}
		for _, pt := range se.Points {
			label := output.PeriodCodeWords(pt.Period)
			v := scaled(pt.Value, div)
			d.Labels, d.Values, d.Figures = append(d.Labels, label), append(d.Values, v), append(d.Figures, pt.Figure)
			id := res.IDs[pt.Report]
			c.Rows = append(c.Rows, seriesRow{Label: label, Figure: pt.Figure, Value: formatValue(v), Href: reportAt(id, pt.Offset, pt.Length),
				Report: pt.Report, Line: pt.Line})
		}
		c.Data = chartJSON(d)
		out = append(out, c)
	}
	return out
}

// lastPeriod returns the period code of the last point, as the period
// parameter takes it (2024FY is 2024).
func lastPeriod(ps []track.Point) string {
	if len(ps) == 0 {
		return ""
	}
	return strings.TrimSuffix(ps[len(ps)-1].Period, string(zongjie.PeriodFullYear))
}

// acrossCharts lays out one period's indicators: bars over the units
// each.
func acrossCharts(a *app.Across) []seriesChart {
	out := make([]seriesChart, 0, len(a.Indicators))
	for i, ind := range a.Indicators {
		vals := make([]float64, len(ind.Values))
		for k, v := range ind.Values {
			vals[k] = v.Point.Value
		}
		div, shown := displayUnit(ind.Unit, vals)
		c := seriesChart{ID: "chart-" + itoa(i+1), Title: ind.Indicator, Sub: measureSub(ind.Measure, shown), Label: "单位"}
		d := chartData{Kind: "bar", Name: ind.Indicator, Unit: shown}
		for _, v := range ind.Values {
			x := scaled(v.Point.Value, div)
			d.Labels, d.Values, d.Figures = append(d.Labels, v.Unit), append(d.Values, x), append(d.Figures, v.Point.Figure)
			c.Rows = append(c.Rows, seriesRow{Label: v.Unit, Figure: v.Point.Figure, Value: formatValue(x),
				LabelHref: "/series?" + url.Values{"unit": {v.Unit}, "name": {ind.Key}}.Encode(),
				Href:      reportAt(v.Report, v.Point.Offset, v.Point.Length), Report: "#" + itoa64(v.Report), Line: v.Point.Line})
		}
		c.Data = chartJSON(d)
		out = append(out, c)
	}
	return out
}

func chartJSON(d chartData) string {
	b, err := json.Marshal(d)
	if err != nil {
		return "{}"
	}
	return string(b)
}

// measureSub says what a series measures, in what unit.
func measureSub(measure, unit string) string {
	s := output.MeasureWords(measure)
	if unit != "" {
		s += "，" + unit
	}
	return s
}

// counted are the base units of counts, shown in 万 from ten thousand.
var counted = map[string]bool{
	"人": true, "人次": true, "户": true, "个": true, "家": true, "家次": true, "件": true, "处": true, "亩": true,
	"吨": true, "套": true, "名": true, "次": true, "座": true, "辆": true, "台": true, "场": true, "所": true,
}

// displayUnit chooses the unit to show values of a base unit in, so that
// the axis reads as a report would write it: 元 in 万元 or 亿元, counts
// in 万; it returns the divisor and the unit's name.
func displayUnit(unit string, vals []float64) (float64, string) {
	top := 0.0
	for _, v := range vals {
		top = max(top, math.Abs(v))
	}
	switch {
	case unit == "元" && top >= 1e8:
		return 1e8, "亿元"
	case unit == "元" && top >= 1e4:
		return 1e4, "万元"
	case counted[unit] && top >= 1e4:
		return 1e4, "万" + unit
	}
	return 1, unit
}

// scaled divides v by div, to four decimals.
func scaled(v, div float64) float64 { return math.Round(v/div*1e4) / 1e4 }

func formatValue(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
