package http

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"zongjie/app"
)

// One unit's reports for the period tests: its 2025 plan of three
// targets, its 2026 summary giving the first, a topic report of 2026
// giving the second; and the near misses, a topic report of 2026 of
// another unit and one of the unit's next half-year, each giving the
// third.
var periodTexts = []struct{ name, text string }{
	{"plan.txt", "枫林镇2025年工作总结及2026年工作计划\n一、2025年工作总结\n全镇经济运行总体平稳，各项工作有序推进。\n" +
		"二、2026年工作计划\n2026年主要目标是：地区生产总值增长6%，城镇新增就业1000人以上，森林覆盖率达到60%。\n"},
	{"year.txt", "枫林镇2026年工作总结及2027年工作计划\n一、2026年工作总结\n全镇地区生产总值增长6.5%，经济运行稳中有进。\n" +
		"二、2027年工作计划\n继续坚持稳中求进工作总基调。\n"},
	{"jobs.txt", "枫林镇2026年就业工作总结\n一、2026年工作总结\n全年城镇新增就业800人，就业形势总体稳定。\n二、2027年工作打算\n继续抓好重点群体就业。\n"},
	{"other.txt", "松岭镇2026年林业工作总结\n一、2026年工作总结\n全镇森林覆盖率达到61%，生态持续向好。\n二、2027年工作打算\n继续抓好森林防火。\n"},
	{"next.txt", "枫林镇2027年上半年林业工作总结\n一、上半年工作总结\n全镇森林覆盖率达到61%，生态持续向好。\n二、下半年工作打算\n继续抓好森林防火。\n"},
}

// Ensure the desk shows the targets of a unit's plan tracked in all its
// reports of the period once, in the cell, with the reasons to send the
// cell back (the one target none of them reports) and in each report what
// it alone gives; the cell links the track page of the unit and period,
// which lists both reports and links each target's evidence to the report
// it is in; the API gives the same. Near misses: a report of another unit
// and one of another period report the third target, and change nothing.
func TestDeskPeriodGroup(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	ids := map[string]string{}
	for _, r := range periodTexts {
		ids[r.name] = itoa64(addReport(t, s, r.name, []byte(r.text)))
	}
	w := c.get("/")
	wantStatus(t, "desk", w, 200, "本期 2 篇合计 · 上期目标 3：完成 1，部分 1，未报告 1", "退回理由（本期各篇合计）",
		`href="/track?period=2026&amp;unit=`+url.QueryEscape("枫林镇")+`"`,
		"本篇依据 1 项：完成 1", "本篇依据 1 项：完成 0，部分 1",
		`href="/track?a=`+ids["plan.txt"]+`&amp;b=`+ids["jobs.txt"]+`"`,
		"其中 <strong>0</strong> 篇建议退回，另有 <strong>1</strong> 组同期报告")
	body := w.Body.String()
	if n := strings.Count(body, "上期目标 1 项未报告"); n != 1 {
		t.Errorf("the unreported target is a reason %d times, want once for the cell", n)
	}
	if n := strings.Count(body, `class="desk-group`); n != 1 {
		t.Errorf("%d group blocks, want 1 (the other unit's and the next half-year's reports are in none)", n)
	}
	// Only what is to send back: the cell's reports stay.
	wantStatus(t, "returns", c.get("/?returns=1"), 200, "#"+ids["year.txt"], "#"+ids["jobs.txt"], "本期 2 篇合计")

	// The track page of the unit and period.
	w = c.get("/track?unit=" + url.QueryEscape("枫林镇") + "&period=2026")
	wantStatus(t, "track", w, 200, "枫林镇：2026年计划 → 2026年（本期 2 篇合计）", "该单位本期 2 篇报告",
		`href="/reports/`+ids["year.txt"]+`">#`+ids["year.txt"], `href="/reports/`+ids["jobs.txt"]+`">#`+ids["jobs.txt"],
		"依据 1 项：达成 1", "依据 1 项：部分达成 1", `<span class="n">1</span> 未报告`, "本期各篇报告均未报告“森林覆盖率”")
	body = w.Body.String()
	checkSpans(t, s, body, 3)
	for _, name := range []string{"year.txt", "jobs.txt"} {
		if !strings.Contains(body, `<a href="/reports/`+ids[name]+`?hl=`) {
			t.Errorf("no evidence linked in %s", name)
		}
	}
	for _, name := range []string{"other.txt", "next.txt"} {
		if strings.Contains(body, "/reports/"+ids[name]) {
			t.Errorf("%s, of another unit or period, is on the page", name)
		}
	}
	wantStatus(t, "status filter", c.get("/track?unit="+url.QueryEscape("枫林镇")+"&period=2026&status=unreported"), 200,
		`<tr class="st-unreported">`, `href="/track?period=2026&amp;status=met&amp;unit=`)
	wantStatus(t, "bad period", c.get("/track?unit="+url.QueryEscape("枫林镇")+"&period=26"), 400, "时段")
	wantStatus(t, "period and pair", c.get("/track?unit="+url.QueryEscape("枫林镇")+"&period=2026&pair=1"), 400, "period")
	wantStatus(t, "no report of the period", c.get("/track?unit="+url.QueryEscape("枫林镇")+"&period=2030"), 404, "2030年")
	wantStatus(t, "no report before", c.get("/track?unit="+url.QueryEscape("枫林镇")+"&period=2025"), 404, "没有上期目标")

	// The API.
	aw := apiDo(t, s, call{method: "GET", target: "/api/v1/track?unit=" + url.QueryEscape("枫林镇") + "&period=2026"})
	want(t, "api", aw, 200, "")
	var pt app.PeriodTracked
	if err := json.Unmarshal(aw.Body.Bytes(), &pt); err != nil {
		t.Fatal(err)
	}
	ins := map[string]string{}
	for _, r := range pt.Targets {
		ins[r.Indicator] = r.In
	}
	if len(pt.Reports) != 2 || pt.Summary["unreported"] != 1 || ins["城镇新增就业"] != "#"+ids["jobs.txt"] || ins["生产总值"] != "#"+ids["year.txt"] || ins["森林覆盖率"] != "" {
		t.Errorf("api: %d reports, summary %v, evidence in %v", len(pt.Reports), pt.Summary, ins)
	}
	want(t, "api period alone", apiDo(t, s, call{method: "GET", target: fmt.Sprintf("/api/v1/track?old=%s&new=%s&period=2026", ids["plan.txt"], ids["year.txt"])}), 400, "invalid")
	want(t, "api bad period", apiDo(t, s, call{method: "GET", target: "/api/v1/track?unit=" + url.QueryEscape("枫林镇") + "&period=x"}), 400, "invalid")
}

// Ensure the desk, the track page of a unit and period and the API show
// the year's targets set before the year tracked at the year's end past
// the half-year's report, and which report set each: the entry counts
// them (含更早计划) and links the period's page, which lists both plans
// and names the plan of each target in its 目标出自 column, each target's
// figure linked at its span in the report that set it. Near miss: the
// half-year's page, where the year's targets are not due and one plan
// sets them (no column).
func TestTrackEarlierPlan(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	ids := map[string]string{}
	for _, r := range []struct{ name, text string }{
		periodTexts[0],
		{"half.txt", "枫林镇2026年上半年工作总结暨下半年工作计划\n一、上半年工作总结\n上半年城镇新增就业520人。\n二、下半年工作计划\n下半年新增农村公益性岗位40个。\n"},
		{"year.txt", "枫林镇2026年工作总结及2027年工作计划\n一、2026年工作总结\n全镇地区生产总值增长6.5%，城镇新增就业1100人，森林覆盖率达到61%，新增农村公益性岗位45个。\n" +
			"二、2027年工作计划\n继续坚持稳中求进工作总基调。\n"},
	} {
		ids[r.name] = itoa64(addReport(t, s, r.name, []byte(r.text)))
	}
	period := `href="/track?period=2026&amp;unit=` + url.QueryEscape("枫林镇") + `"`
	wantStatus(t, "desk", c.get("/"), 200, "上期目标 4（含更早计划 3 项）：完成 4", period)

	w := c.get("/track?unit=" + url.QueryEscape("枫林镇") + "&period=2026")
	wantStatus(t, "track", w, 200, "枫林镇：2026年下半年计划、2026年计划 → 2026年（本期 1 篇合计）", "到本期到期的目标出自 2 篇报告", "<th scope=\"col\">目标出自</th>",
		`<td class="set-by"><a href="/reports/`+ids["half.txt"]+`">#`+ids["half.txt"]+`</a> <span class="muted">2026年下半年计划</span></td>`,
		`<td class="set-by"><a href="/reports/`+ids["plan.txt"]+`">#`+ids["plan.txt"]+`</a> <span class="muted">2026年计划</span></td>`,
		`<span class="n">4</span> 达成`)
	body := w.Body.String()
	checkSpans(t, s, body, 8)
	if n := strings.Count(body, `<a href="/reports/`+ids["plan.txt"]+`?hl=`); n != 3 {
		t.Errorf("%d targets linked in the 2025 report, want its 3", n)
	}

	// Near miss: at mid-year the year's targets are not due; one plan.
	w = c.get("/track?unit=" + url.QueryEscape("枫林镇") + "&period=2026H1")
	wantStatus(t, "mid-year", w, 200, `<span class="n">3</span> 未到期`)
	if strings.Contains(w.Body.String(), "目标出自") && !strings.Contains(w.Body.String(), "按单位和时段核对时，到本期到期的目标不只出自") {
		t.Errorf("the mid-year page names the plans of its targets")
	}
	if strings.Contains(w.Body.String(), `<th scope="col">目标出自</th>`) {
		t.Errorf("the mid-year page has the 目标出自 column, with one plan")
	}

	aw := apiDo(t, s, call{method: "GET", target: "/api/v1/track?unit=" + url.QueryEscape("枫林镇") + "&period=2026"})
	want(t, "api", aw, 200, "")
	var pt app.PeriodTracked
	if err := json.Unmarshal(aw.Body.Bytes(), &pt); err != nil {
		t.Fatal(err)
	}
	sets := map[string]string{}
	for _, r := range pt.Targets {
		sets[r.Indicator] = r.SetBy
	}
	if len(pt.Plans) != 2 || pt.Plans[0].Label != "#"+ids["half.txt"] || sets["森林覆盖率"] != "#"+ids["plan.txt"] || sets["新增农村公益性岗位"] != "#"+ids["half.txt"] {
		t.Errorf("api: plans %+v, set by %v", pt.Plans, sets)
	}
}

// Ensure the track page of a unit's year and the API show a year's amount
// reached in the half-year's report, which the year's report does not
// give again, as met with its evidence linked in the half-year's report
// (#ID 第 N 行), and the desk counts it among the cell's met targets.
// Near miss: an amount short of its target then stays unreported, the
// figure so far in its reason and no evidence linked.
func TestTrackEarlyPage(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	ids := map[string]string{}
	for _, r := range []struct{ name, text string }{
		{"2025.txt", "柳溪乡2025年工作总结和2026年工作计划\n一、2025年工作回顾\n全乡经济运行总体平稳。\n二、2026年工作计划\n" +
			"2026年主要目标是：新建高标准农田3000亩，新增市场主体200户，改造农村危房40户。\n"},
		{"2026h1.txt", "柳溪乡2026年上半年工作总结暨下半年工作计划\n一、上半年工作回顾\n已建成高标准农田3200亩，提前完成全年任务。新增市场主体90户。\n" +
			"二、下半年工作计划\n下半年，新增农村公益性岗位40个。\n"},
		{"2026.txt", "柳溪乡2026年工作总结\n一、2026年工作回顾\n全年改造农村危房42户，新增农村公益性岗位45个。\n二、2027年工作计划\n继续抓好各项工作。\n"},
	} {
		ids[r.name] = itoa64(addReport(t, s, r.name, []byte(r.text)))
	}
	w := c.get("/track?unit=" + url.QueryEscape("柳溪乡") + "&period=2026")
	wantStatus(t, "track", w, 200, "2026年上半年的报告已达到：3200亩", `<a href="/reports/`+ids["2026h1.txt"]+`?hl=`,
		"#"+ids["2026h1.txt"]+" 第 3 行", "2026年上半年的报告为90户")
	aw := apiDo(t, s, call{method: "GET", target: "/api/v1/track?unit=" + url.QueryEscape("柳溪乡") + "&period=2026"})
	want(t, "api", aw, 200, "")
	if !strings.Contains(aw.Body.String(), `"early":true`) {
		t.Error(`api: no "early":true`)
	}
	var pt app.PeriodTracked
	if err := json.Unmarshal(aw.Body.Bytes(), &pt); err != nil {
		t.Fatal(err)
	}
	for _, r := range pt.Targets {
		switch r.Indicator {
		case "高标准农田":
			if r.Status != "met" || !r.Early || r.In != "#"+ids["2026h1.txt"] {
				t.Errorf("高标准农田: %s early %v in %s, want met early in #%s", r.Status, r.Early, r.In, ids["2026h1.txt"])
			}
		case "新增市场主体":
			if r.Status != "unreported" || r.Early || r.Evidence != nil || r.In != "" {
				t.Errorf("新增市场主体: %s early %v in %q, want unreported without evidence", r.Status, r.Early, r.In)
			}
		}
	}
	wantStatus(t, "desk", c.get("/"), 200, "完成 3")
}
