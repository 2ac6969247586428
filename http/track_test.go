package http

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"zongjie/reader"
)

// Ensure the track page lists each target of the earlier plan with its
// status and evidence, each figure linked to its report at exactly that
// span, with the counts by status at the top; a status filters the rows;
// the form offers the units with two reports or more.
func TestTrack(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	wantStatus(t, "empty", c.get("/track"), 200, "还没有哪个单位保存了两期以上的报告", `action="/track" enctype="multipart/form-data"`)
	ids := addExamples(t, s)
	old, cur := ids["shiqiao-2024.txt"], ids["shiqiao-2025.txt"]
	wantStatus(t, "form", c.get("/track"), 200, `<option value="石桥镇">石桥镇（2 篇）</option>`, `<option value="青禾街道">`)
	if strings.Contains(c.get("/track").Body.String(), `<option value="柳河乡"`) {
		t.Error("a unit of one report is offered")
	}
	w := c.get("/track?unit=" + url.QueryEscape("石桥镇"))
	wantStatus(t, "unit", w, 200, "石桥镇：2025年计划 → 2025年", `href="/reports/`+old+`">#`+old+" 石桥镇2024年工作总结",
		`<span class="n">10</span> 全部`, `<span class="n">7</span> 达成`, `<span class="n">1</span> 部分达成`, `<span class="n">1</span> 未达成`,
		`<span class="n">1</span> 未报告`, `<span class="status st-partial">部分达成</span><small>完成 92%</small>`,
		"目标农村居民人均可支配收入增长7%左右，实际同比增长6.4%", `status=missed`)
	body := w.Body.String()
	// Every figure links its report at the figure: the span's text is
	// the link's.
	checkSpans(t, s, body, 18)
	for _, id := range []string{old, cur} {
		if !strings.Contains(body, `<a href="/reports/`+id+`?hl=`) {
			t.Errorf("no link to report %s at a figure", id)
		}
	}
	// The link opens the report with the figure marked.
	first := strings.TrimSuffix(regexp.MustCompile(`/reports/\d+\?hl=\d+-\d+`).FindString(body), "#hit")
	wantStatus(t, "report at the figure", c.get(first), 200, `<span id="hit" class="anchor"></span>`)

	// The filter.
	w = c.get("/track?unit=" + url.QueryEscape("石桥镇") + "&status=missed")
	wantStatus(t, "missed", w, 200, `<tr class="st-missed">`, `aria-current="true"><span class="n">1</span> 未达成`)
	if strings.Contains(w.Body.String(), `<tr class="st-met">`) {
		t.Error("the missed filter kept a met target")
	}
	wantStatus(t, "none of a status", c.get("/track?unit="+url.QueryEscape("石桥镇")+"&status=notdue"), 200, "没有状态为“未到期”的目标")
	// Two stored reports, as the desk and the report page link them.
	wantStatus(t, "pair", c.get("/track?a="+old+"&b="+cur), 200, "2025年计划 → 2025年", `<span class="n">7</span> 达成`,
		`href="/track?a=`+old+`&amp;b=`+cur+`&amp;status=met"`)
	wantStatus(t, "half year", c.get("/track?a="+ids["qinghe-2024h1.txt"]+"&b="+ids["qinghe-2024.txt"]), 200,
		"目标老旧小区改造12个，实际9个", `<span class="n">4</span> 达成`)
	wantStatus(t, "desk link", c.get("/"), 200, `href="/track?a=`+old+`&amp;b=`+cur+`"`)
	wantStatus(t, "report link back", c.get("/reports/"+cur), 200, `href="/track?a=`+old+`&amp;b=`+cur+`">上期计划目标的完成情况`)
	wantStatus(t, "report link on", c.get("/reports/"+old), 200, `href="/track?a=`+old+`&amp;b=`+cur+`">本期计划目标在下期的完成情况`)
	if strings.Contains(c.get("/reports/"+ids["liuhe-2024.md"]).Body.String(), `href="/track?`) {
		t.Error("a report alone in its unit links the track page")
	}

	// Bad input and what is not there.
	wantStatus(t, "bad status", c.get("/track?a="+old+"&b="+cur+"&status=done"), 400, "状态")
	wantStatus(t, "bad id", c.get("/track?a=x&b="+cur), 400, "前期的报告编号")
	wantStatus(t, "one side", c.get("/track?a="+old), 400, "后期")
	wantStatus(t, "both", c.get("/track?a="+old+"&b="+cur+"&unit=x"), 400, "不要同时给出")
	wantStatus(t, "bad pair", c.get("/track?unit="+url.QueryEscape("石桥镇")+"&pair=x"), 400)
	wantStatus(t, "backwards", c.get("/track?a="+cur+"&b="+old), 400, "早于")
	wantStatus(t, "itself", c.get("/track?a="+old+"&b="+old), 409, "同一篇")
	wantStatus(t, "no report", c.get("/track?a="+old+"&b=999"), 404, "999")
	wantStatus(t, "no unit", c.get("/track?unit="+url.QueryEscape("无此镇")), 404, "无此镇")
	wantStatus(t, "no pair", c.get("/track?unit="+url.QueryEscape("石桥镇")+"&pair=2"), 404, "没有第 2 组")
}

// reportText returns the text of stored report id, as the report page
// numbers its characters.
func reportText(t *testing.T, s *Server, id string) []rune {
	t.Helper()
	n, _ := strconv.ParseInt(id, 10, 64)
	rep, err := s.app.Report(context.Background(), n, 0)
	if err != nil {
		t.Fatal(err)
	}
	return []rune(rep.Text)
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Ensure two uploaded files are tracked as two stored reports are,
// without links (they are not stored); a missing file, a file too large
// and a form that is not multipart are refused.
func TestTrackFiles(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	send := func(files map[string][]byte) string {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		for _, side := range []string{"a", "b"} {
			if data, ok := files[side]; ok {
				w, _ := mw.CreateFormFile(side, side+".txt")
				w.Write(data)
			}
		}
		mw.Close()
		r := newRequest("POST", "/track", &body)
		r.Header.Set("Content-Type", mw.FormDataContentType())
		r.Header.Set(csrfHeader, c.token)
		w := c.do(r)
		return string(rune('0'+w.Code/100)) + w.Body.String()
	}
	a, b := exampleData(t, "shiqiao-2024.txt"), exampleData(t, "shiqiao-2025.txt")
	got := send(map[string][]byte{"a": a, "b": b})
	if !strings.HasPrefix(got, "2") || !strings.Contains(got, `<span class="n">7</span> 达成`) || !strings.Contains(got, "a.txt") ||
		strings.Contains(got, "?hl=") || strings.Contains(got, "status=met") {
		t.Errorf("files: %.600s", got)
	}
	if got := send(map[string][]byte{"a": a}); !strings.HasPrefix(got, "4") || !strings.Contains(got, "前期报告和后期报告各一个") {
		t.Errorf("one file: %.300s", got)
	}
	big := bytes.Repeat([]byte("字"), reader.MaxSize/3+1)
	if got := send(map[string][]byte{"a": a, "b": big}); !strings.HasPrefix(got, "4") || !strings.Contains(got, "过大") {
		t.Errorf("a file too large: %.300s", got)
	}
	wantTwoFileRefusals(t, s, c, "/track")
}

// Ensure the notes and refusals of the track page say how to state a
// period on the web app, which has no flags: in the report page's
// "单位与时段" form for stored reports, in the text or after storing for
// uploaded files; never the command line's --period.
func TestTrackPeriodHint(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	old := []byte("石门镇工作总结\n一、工作回顾\n完成农村户厕改造860户。\n二、下一步工作计划\n完成农村户厕改造900户。\n")
	cur := []byte("石门镇工作总结\n一、工作回顾\n完成农村户厕改造910户。\n二、下一步工作计划\n完成农村户厕改造950户。\n")
	a, b := addReport(t, s, "a.txt", old), addReport(t, s, "b.txt", cur)
	w := c.get("/track?a=" + itoa64(a) + "&b=" + itoa64(b))
	wantStatus(t, "stored, no period", w, 200, "都没有写明回顾的时段", "可在报告页的“单位与时段”中填写回顾的时段")
	if strings.Contains(w.Body.String(), "--period") {
		t.Errorf("a flag on the page:\n%s", w.Body)
	}
	// Uploaded files are not stored: no report page yet.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for side, data := range map[string][]byte{"a": old, "b": cur} {
		fw, _ := mw.CreateFormFile(side, side+".txt")
		fw.Write(data)
	}
	mw.Close()
	r := newRequest("POST", "/track", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.Header.Set(csrfHeader, c.token)
	w = c.do(r)
	wantStatus(t, "files, no period", w, 200, "可在报告中写明年份，或上传保存后在报告页的“单位与时段”中填写")
	if strings.Contains(w.Body.String(), "--period") {
		t.Errorf("a flag on the page:\n%s", w.Body)
	}
	// Backwards: the refusal says where to correct the period.
	ids := addExamples(t, s)
	w = c.get("/track?a=" + ids["shiqiao-2025.txt"] + "&b=" + ids["shiqiao-2024.txt"])
	wantStatus(t, "backwards", w, 400, "早于", "请把较早的报告放在前面，或在报告页的“单位与时段”中更正回顾的时段")
	if strings.Contains(w.Body.String(), "--period") {
		t.Errorf("a flag on the page:\n%s", w.Body)
	}
}

// Ensure the track page of a unit with one stored report is no dead end:
// it shows the report's targets, each linked to the report at its figure,
// says in Chinese why there is nothing to compare yet and links the
// upload of the next report. Near misses: a unit without reports is still
// not found, and one with two shows its pair.
func TestTrackSoleReport(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	id := itoa64(addReport(t, s, "a.txt", []byte("石门镇2025年工作总结\n一、2025年工作回顾\n完成农村户厕改造860户。\n二、2026年工作计划\n"+
		"2026年，全镇新建农村公路12公里，新增就业岗位300个。\n")))
	w := c.get("/track?unit=" + url.QueryEscape("石门镇"))
	wantStatus(t, "one report", w, 200, "石门镇：2026年计划 → 下一期", "只保存了 1 篇报告", `<a href="/upload">上传下一期报告</a>`,
		`href="/reports/`+id+`">#`+id+` 石门镇2025年工作总结`, "计划的 2 项目标", "新建农村公路12公里")
	checkSpans(t, s, w.Body.String(), 2)
	wantStatus(t, "no report", c.get("/track?unit="+url.QueryEscape("石桥镇")), 404, "没有单位“石桥镇”已保存的报告")
	addReport(t, s, "b.txt", []byte("石门镇2026年工作总结\n一、2026年工作回顾\n新建农村公路13公里，新增就业岗位280个。\n"))
	w = c.get("/track?unit=" + url.QueryEscape("石门镇"))
	wantStatus(t, "two reports", w, 200, "石门镇：2026年计划 → 2026年", `<span class="n">1</span> 达成`)
	if strings.Contains(w.Body.String(), "只保存了 1 篇报告") {
		t.Error("a unit of two reports is said to have one")
	}
}
