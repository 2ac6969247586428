package http

import (
	"encoding/json"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// chartsOf returns the charts' data of a series page.
func chartsOf(t *testing.T, body string) []chartData {
	t.Helper()
	var out []chartData
	for _, m := range regexp.MustCompile(`data-chart="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		var d chartData
		if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &d); err != nil {
			t.Fatalf("chart data %q: %v", m[1], err)
		}
		out = append(out, d)
	}
	return out
}

// Ensure the series page draws each of a unit's indicators over its
// periods (a line, in period order, the values in the unit a report
// would write) with the table beside it linking each figure at its span,
// and one period's indicators across units as bars; the form offers the
// units and periods; bad input is refused, a unit or period without
// reports is not found.
func TestSeries(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	wantStatus(t, "empty", c.get("/series"), 200, "还没有识别出单位的报告")
	ids := addExamples(t, s)
	wantStatus(t, "form", c.get("/series"), 200, `<option value="石桥镇" selected>石桥镇（2 篇）</option>`, `<option value="柳河乡">`,
		`<option value="2024H1">2024年上半年</option>`, `<option value="2025">2025年</option>`)
	w := c.get("/series?unit=" + url.QueryEscape("青禾街道"))
	wantStatus(t, "unit", w, 200, "青禾街道：2 期报告", `class="series-chart"`, "js/series.", "vendor/echarts.min.",
		`href="/series.csv?unit=`, "<th scope=\"col\">时段</th>")
	body := w.Body.String()
	charts := chartsOf(t, body)
	if len(charts) == 0 {
		t.Fatal("no chart")
	}
	for _, d := range charts {
		if d.Kind != "line" || len(d.Labels) != 2 || d.Labels[0] != "2024年上半年" || d.Labels[1] != "2024年" ||
			len(d.Values) != 2 || len(d.Figures) != 2 {
			t.Errorf("chart %+v: want a line over 2024年上半年 and 2024年", d)
		}
	}
	checkSpans(t, s, body, 2*len(charts))
	// Without all, a one-period indicator is left out; with it, kept.
	wantStatus(t, "all", c.get("/series?unit="+url.QueryEscape("柳河乡")+"&all=1"), 200, "柳河乡：1 期报告")
	wantStatus(t, "one report", c.get("/series?unit="+url.QueryEscape("柳河乡")), 200, "没有在两期以上报告中都出现的指标")
	if n := len(chartsOf(t, c.get("/series?unit="+url.QueryEscape("柳河乡")+"&all=1").Body.String())); n < 5 {
		t.Errorf("柳河乡 with all: %d charts", n)
	}

	// One period across units: bars, the units named, the values scaled.
	w = c.get("/series?period=2024")
	wantStatus(t, "across", w, 200, "2024年：3 个单位", "<th scope=\"col\">单位</th>", `href="/series?name=`)
	across := chartsOf(t, w.Body.String())
	found := false
	for _, d := range across {
		if d.Kind != "bar" || len(d.Labels) < 2 {
			t.Errorf("across chart %+v: want bars of two units or more", d)
		}
		if d.Name == "城镇新增就业" {
			found = true
			if strings.Join(d.Labels, ",") != "柳河乡,石桥镇,青禾街道" || d.Unit != "人" || d.Values[2] != 2105 {
				t.Errorf("城镇新增就业 across: %+v", d)
			}
		}
		if d.Name == "公共预算收入" && (d.Unit != "亿元" || d.Values[1] != 4.36) {
			t.Errorf("公共预算收入 across: %+v, want 亿元", d)
		}
	}
	if !found {
		t.Errorf("no 城镇新增就业 across the units of 2024: %+v", across)
	}
	checkSpans(t, s, w.Body.String(), 2*len(across))
	wantStatus(t, "across by name", c.get("/series?period=2024&name="+url.QueryEscape("就业")), 200, "城镇新增就业")
	wantStatus(t, "across, nothing", c.get("/series?period=2024H1"), 200, "没有两个以上单位都报告的指标")

	// CSV.
	w = c.get("/series.csv?unit=" + url.QueryEscape("青禾街道"))
	wantStatus(t, "csv", w, 200, "\ufeff指标,归一名称,类型,单位,期间,数值,原文,报告,行", "2024年上半年", "#"+ids["qinghe-2024h1.txt"])
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") || !strings.Contains(w.Header().Get("Content-Disposition"), "attachment") {
		t.Errorf("csv: %q, %q", ct, w.Header().Get("Content-Disposition"))
	}
	wantStatus(t, "csv across", c.get("/series.csv?period=2024"), 200, "报告单位", "城镇新增就业,城镇新增就业,数值,人,2024年,青禾街道,2105,2105人")

	// Bad input, and what is not there.
	wantStatus(t, "bad period", c.get("/series?period=24"), 400, "时段")
	wantStatus(t, "both", c.get("/series?unit=a&period=2024"), 400, "不要同时给出")
	wantStatus(t, "bad all", c.get("/series?unit=a&all=yes"), 400, "应为 1 或 0")
	wantStatus(t, "long name", c.get("/series?unit=a&name="+strings.Repeat("字", maxIndicatorName+1)), 400, "过长")
	wantStatus(t, "csv without", c.get("/series.csv"), 400, "单位")
	wantStatus(t, "no unit", c.get("/series?unit="+url.QueryEscape("无此镇")), 404, "无此镇")
	wantStatus(t, "no period", c.get("/series?period=1999"), 404, "1999年")
	wantStatus(t, "csv no unit", c.get("/series.csv?unit="+url.QueryEscape("无此镇")), 404)
}

// checkSpans checks that the page links at least n figures to their
// reports at exactly the figure.
func checkSpans(t *testing.T, s *Server, body string, n int) {
	t.Helper()
	links := regexp.MustCompile(`<a href="/reports/(\d+)\?hl=(\d+)-(\d+)#hit">([^<]+)</a>`).FindAllStringSubmatch(body, -1)
	if len(links) < n {
		t.Errorf("%d figures linked at their span, want %d", len(links), n)
	}
	texts := map[string][]rune{}
	for _, l := range links {
		if texts[l[1]] == nil {
			texts[l[1]] = reportText(t, s, l[1])
		}
		a, b := atoi(t, l[2]), atoi(t, l[3])
		if b > len(texts[l[1]]) {
			t.Errorf("report %s: span %d-%d beyond its %d characters", l[1], a, b, len(texts[l[1]]))
			continue
		}
		if got := string(texts[l[1]][a:b]); got != html.UnescapeString(l[4]) {
			t.Errorf("report %s at %d-%d is %q, the link says %q", l[1], a, b, got, l[4])
		}
	}
}

// Ensure the series page says which of the unit's reports state no
// period (their figures are under 时段未识别) and how to state it on the
// web app — the report page's 单位与时段 form —, never a flag; a unit
// whose reports all state theirs gets no such note.
func TestSeriesPeriodNote(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	id := addReport(t, s, "a.txt", []byte("石门镇工作总结\n一、工作回顾\n完成农村户厕改造860户。\n"))
	addReport(t, s, "b.txt", []byte("石门镇2025年工作总结\n一、2025年工作回顾\n完成农村户厕改造910户。\n"))
	w := c.get("/series?unit=" + url.QueryEscape("石门镇") + "&all=1")
	wantStatus(t, "a report without a period", w, 200, `<p class="note" role="note">#`+itoa64(id)+" 没有写明回顾的时段，其数字记在“时段未识别”下；可在报告页的“单位与时段”中填写回顾的时段")
	if strings.Contains(w.Body.String(), "--period") {
		t.Errorf("a flag on the page:\n%s", w.Body)
	}
	addExamples(t, s)
	if w := c.get("/series?unit=" + url.QueryEscape("石桥镇")); strings.Contains(w.Body.String(), `class="note"`) {
		t.Errorf("a note for reports that state their periods:\n%s", w.Body)
	}
}

// Ensure the series form chooses, when no unit is asked for, the unit of
// the most reports (its indicators have periods to draw), not the first
// by name, which may have one report. Near miss: a unit asked for stays
// chosen, one report or not.
func TestSeriesDefaultUnit(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	addReport(t, s, "a.txt", []byte("丁家镇2025年工作总结\n一、2025年工作回顾\n完成农村户厕改造860户。\n"))
	for i, y := range []string{"2023", "2024", "2025"} {
		addReport(t, s, "z"+itoa(i)+".txt", []byte("紫荆镇"+y+"年工作总结\n一、"+y+"年工作回顾\n完成农村户厕改造8"+itoa(i)+"0户。\n"))
	}
	body := c.get("/series").Body.String()
	first := regexp.MustCompile(`<option value="([^"]+)"`).FindStringSubmatch(body)
	if first == nil || first[1] != "丁家镇" {
		t.Fatalf("the first unit offered is %v, want 丁家镇 (of one report), or the test tells nothing", first)
	}
	if !strings.Contains(body, `<option value="紫荆镇" selected>紫荆镇（3 篇）</option>`) {
		t.Errorf("the unit of the most reports is not chosen:\n%s", regexp.MustCompile(`(?s)<select id="ser-unit".*?</select>`).FindString(body))
	}
	wantStatus(t, "asked", c.get("/series?unit="+url.QueryEscape("丁家镇")), 200, `<option value="丁家镇" selected>丁家镇（1 篇）</option>`)
}
