package http

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"zongjie/reader"
)

// addExamples stores the examples and returns their IDs by file name.
func addExamples(t *testing.T, s *Server) map[string]string {
	t.Helper()
	ids := map[string]string{}
	for _, name := range []string{"liuhe-2024.md", "qinghe-2024.txt", "qinghe-2024h1.txt", "shiqiao-2024.txt", "shiqiao-2025.txt"} {
		ids[name] = itoa64(addReport(t, s, name, exampleData(t, name)))
	}
	return ids
}

// Ensure the desk lays out the stored reports as units × periods, each
// cell linking to its report and to the comparison with the unit's
// previous report, with the reasons to send it back; filters narrow it,
// an empty store says how to begin, bad filters are refused.
func TestDesk(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	wantStatus(t, "empty", c.get("/"), 200, "还没有报告", `href="/upload"`)
	ids := addExamples(t, s)
	w := c.get("/")
	wantStatus(t, "desk", w, 200, `<table class="desk">`, "<th scope=\"col\">2024年上半年</th><th scope=\"col\">2024年</th><th scope=\"col\">2025年</th>",
		`<th scope="row" class="desk-unit">石桥镇`, `href="/reports/`+ids["shiqiao-2025.txt"]+`"`,
		`href="/compare?a=`+ids["shiqiao-2024.txt"]+`&amp;b=`+ids["shiqiao-2025.txt"]+`"`, "与上期重复", "退回理由", "仍有占位符", "上期目标", "无报告",
		"共 5 篇报告，显示 5 篇")
	// Period and switches.
	wantStatus(t, "period", c.get("/?period=2025"), 200, "显示 1 篇（1 个单位 × 1 个时段）", `<option value="2025" selected>`)
	w = c.get("/?placeholders=1&sort=placeholders")
	wantStatus(t, "placeholders", w, 200, `id="f-placeholders" name="placeholders" value="1" checked`, "已筛除")
	if strings.Contains(w.Body.String(), "占位符 0</p>") {
		t.Error("the placeholders filter kept a report without placeholders")
	}
	wantStatus(t, "level", c.get("/?level=street"), 200, "青禾街道")
	if strings.Contains(c.get("/?level=street").Body.String(), `class="desk-unit">石桥镇`) {
		t.Error("the level filter kept a 镇")
	}
	wantStatus(t, "nothing kept", c.get("/?period=1999"), 200, "没有符合筛选条件的报告")
	// Bad input.
	wantStatus(t, "bad sort", c.get("/?sort=size"), 400, "排序方式")
	wantStatus(t, "bad switch", c.get("/?reuse=yes"), 400, "应为 1 或 0")
	wantStatus(t, "not found", c.get("/desk"), 404)
}

// Ensure two stored reports compare side by side, with both shares, the
// passages numbered and the year edits marked; the form shows alone;
// bad and missing IDs are refused.
func TestCompare(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	wantStatus(t, "form", c.get("/compare"), 200, `action="/compare"`, `enctype="multipart/form-data"`, "比对两个文件")
	ids := addExamples(t, s)
	a, b := ids["shiqiao-2024.txt"], ids["shiqiao-2025.txt"]
	w := c.get("/compare?a=" + a + "&b=" + b)
	wantStatus(t, "stored", w, 200, `<table class="compare-table">`, `id="p1"`, `<mark class="edit kind-year" title="年份">2024</mark>`,
		`<mark class="edit kind-year" title="年份">2025</mark>`, "的文字见于乙", "的文字见于甲", `href="/reports/`+a+`"`, "石桥镇2024年工作总结")
	wantStatus(t, "bad id", c.get("/compare?a=x&b="+b), 400, "甲方的报告编号")
	wantStatus(t, "one side", c.get("/compare?a="+a), 400, "乙方")
	wantStatus(t, "not found", c.get("/compare?a="+a+"&b=999"), 404, "999")
}

// Ensure two uploaded files compare as two stored reports do, a file of
// several reports report by report; a missing side, a file too large and
// a form that is not multipart are refused.
func TestCompareFiles(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	send := func(files map[string][]byte) string {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		for side, data := range files {
			w, _ := mw.CreateFormFile(side, side+"-"+map[string]string{"a": "2024", "b": "2025"}[side]+".txt")
			w.Write(data)
		}
		mw.Close()
		r := newRequest("POST", "/compare", &body)
		r.Header.Set("Content-Type", mw.FormDataContentType())
		r.Header.Set(csrfHeader, c.token)
		w := c.do(r)
		return string(rune('0'+w.Code/100)) + w.Body.String()
	}
	a, b := exampleData(t, "shiqiao-2024.txt"), exampleData(t, "shiqiao-2025.txt")
	got := send(map[string][]byte{"a": a, "b": b})
	if !strings.HasPrefix(got, "2") || !strings.Contains(got, `kind-year" title="年份">2025</mark>`) || !strings.Contains(got, "a-2024.txt") {
		t.Errorf("files: %.600s", got)
	}
	// A file of two reports: compared report by report.
	// (shiqiao-2024.txt is GBK: the pasted file is of two UTF-8 reports.)
	two := append(append(append([]byte{}, exampleData(t, "qinghe-2024h1.txt")...), '\n'), exampleData(t, "qinghe-2024.txt")...)
	got = send(map[string][]byte{"a": two, "b": b})
	if !strings.HasPrefix(got, "2") || !strings.Contains(got, `<table class="pairs">`) || !strings.Contains(got, "甲方含 2 篇报告") {
		t.Errorf("file of two reports: %.600s", got)
	}
	if got := send(map[string][]byte{"a": a}); !strings.HasPrefix(got, "4") || !strings.Contains(got, "请选择两个文件") {
		t.Errorf("one file: %.300s", got)
	}
	big := bytes.Repeat([]byte("字"), reader.MaxSize/3+1)
	if got := send(map[string][]byte{"a": a, "b": big}); !strings.HasPrefix(got, "4") || !strings.Contains(got, "过大") {
		t.Errorf("a file too large: %.300s", got)
	}
	wantTwoFileRefusals(t, s, c, "/compare")
}

// Ensure a report's similar list names the unit's other report first,
// links the comparison, and is a fragment for htmx.
func TestSimilar(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	ids := addExamples(t, s)
	id := ids["shiqiao-2025.txt"]
	w := c.get("/reports/" + id + "/similar")
	wantStatus(t, "page", w, 200, "与报告 #"+id+" 相似的报告", `<table class="similar-table">`,
		`href="/compare?a=`+ids["shiqiao-2024.txt"]+`&amp;b=`+id+`"`)
	first := regexp.MustCompile(`<td><a href="/reports/(\d+)">`).FindStringSubmatch(w.Body.String())
	if first == nil || first[1] != ids["shiqiao-2024.txt"] {
		t.Errorf("first similar report %v, want %s", first, ids["shiqiao-2024.txt"])
	}
	r := newRequest("GET", "/reports/"+id+"/similar", nil)
	r.Header.Set("HX-Request", "true")
	w = c.do(r)
	wantStatus(t, "fragment", w, 200, `id="similar-list"`)
	if strings.Contains(w.Body.String(), "<html") {
		t.Error("the fragment is a whole page")
	}
	wantStatus(t, "not found", c.get("/reports/999/similar"), 404)
	wantStatus(t, "not an ID", c.get("/reports/x/similar"), 404)
}

// Ensure search finds the paragraphs holding the query, with the query
// marked in the snippet and a link to the report at the hit, filtered by
// section kind; bad filters are refused.
func TestSearch(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	wantStatus(t, "form", c.get("/search"), 200, `role="search"`, `name="kind"`)
	addExamples(t, s)
	w := c.get("/search?q=" + url.QueryEscape("垃圾分类"))
	wantStatus(t, "hits", w, 200, "找到", `<mark class="q">垃圾分类</mark>`)
	link := regexp.MustCompile(`href="(/reports/\d+\?hl=(\d+)-(\d+)#hit)"`).FindStringSubmatch(w.Body.String())
	if link == nil {
		t.Fatalf("no link to a hit:\n%.800s", w.Body)
	}
	// The link opens the report with the hit marked.
	page := c.get(strings.TrimSuffix(link[1], "#hit")) // a browser keeps the fragment
	wantStatus(t, "report at the hit", page, 200, `<span id="hit" class="anchor"></span>`)
	if !regexp.MustCompile(`<mark class="(hit|f [^"]*in-hit)[^"]*"[^>]*>[^<]*垃圾`).MatchString(page.Body.String()) {
		t.Errorf("the hit is not marked on the report page")
	}
	// Kind: the problems part holds no 垃圾分类 in the examples, the
	// plan or review does.
	n := func(q string) int { return strings.Count(c.get("/search?"+q).Body.String(), `<li class="hit">`) }
	all, review, plan := n("q=垃圾分类"), n("q=垃圾分类&kind=review"), n("q=垃圾分类&kind=plan")
	if all == 0 || review+plan == 0 || review+plan > all {
		t.Errorf("kinds: all %d, review %d, plan %d", all, review, plan)
	}
	wantStatus(t, "nothing", c.get("/search?q="+url.QueryEscape("没有这句话的报告")), 200, "没有找到")
	wantStatus(t, "bad kind", c.get("/search?q=a&kind=x"), 400, "部分类型")
	wantStatus(t, "bad year", c.get("/search?q=a&year=20"), 400, "年份")
	wantStatus(t, "bad limit", c.get("/search?q=a&limit=0"), 400, "显示条数")
	wantStatus(t, "only punctuation", c.get("/search?q="+url.QueryEscape("，。")), 400, "没有可检索的文字")
	wantStatus(t, "too long", c.get("/search?q="+strings.Repeat("字", maxQuery+1)), 400, "过长")
}

// Ensure the families page lists each family with what it shares and
// passes the graph to its script in a data attribute; without families
// it says so; a bad top is refused.
func TestFamilies(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	wantStatus(t, "none", c.get("/families"), 200, "没有模板家族")
	addExamples(t, s)
	w := c.get("/families")
	wantStatus(t, "families", w, 200, `id="family-graph"`, `data-graph="{&#34;categories&#34;:[{&#34;name&#34;:&#34;家族 1&#34;}]`,
		"各篇共有的文字", "石桥镇", "js/families.", "vendor/echarts.min.")
	wantStatus(t, "bad top", c.get("/families?top=0"), 400, "显示的家族数")
	wantStatus(t, "bad top", c.get("/families?top=x"), 400)
}

// Ensure a report's markup shows as text on the desk, in search
// snippets, compare, similar and families.
func TestCorpusPagesEscaping(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	hostile := "青禾街道\"><img src=x onerror=alert(2)>{{.}}2024年工作总结\n一、工作回顾\n全年完成<b>财政收入</b>xx万元，" +
		"\"><img src=x onerror=alert(3)>{{template \"x\"}}同比增长5%<script>alert(4)</script>。推进垃圾分类进小区，完成改造任务。\n"
	id := itoa64(addReport(t, s, "<script>alert(1)</script>.txt", []byte(hostile)))
	copyID := itoa64(addReport(t, s, "copy.txt", []byte(strings.Replace(hostile, "2024", "2025", -1))))
	pages := map[string]string{
		"desk":     c.get("/").Body.String(),
		"search":   c.get("/search?q=" + url.QueryEscape("垃圾分类")).Body.String(),
		"compare":  c.get("/compare?a=" + id + "&b=" + copyID).Body.String(),
		"similar":  c.get("/reports/" + copyID + "/similar").Body.String(),
		"families": c.get("/families").Body.String(),
	}
	bad := regexp.MustCompile(`<img|<script>alert|<b>|onerror=alert\(\d\)>`)
	for name, body := range pages {
		if m := bad.FindString(body); m != "" {
			t.Errorf("%s: %q is markup", name, m)
		}
		if !strings.Contains(body, "&lt;img src=x onerror=alert(") && !strings.Contains(body, "&amp;lt;img") && !strings.Contains(body, `\u003cimg`) && !strings.Contains(body, "&#34;&gt;&lt;img") {
			t.Errorf("%s: the markup is not shown as text", name)
		}
	}
}

// wantTwoFileRefusals checks what a page that takes two uploaded files
// (POST path: compare, track) refuses: a form that is not multipart
// (400), a body over compareLimit (413), a request without the CSRF
// token (403).
func wantTwoFileRefusals(t *testing.T, s *Server, c *client, path string) {
	t.Helper()
	r := newRequest("POST", path, strings.NewReader("a=1"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set(csrfHeader, c.token)
	wantStatus(t, "not multipart", c.do(r), 400, "multipart")
	r = newRequest("POST", path, io.LimitReader(strings.NewReader(""), 0))
	r.ContentLength = compareLimit + 1
	r.Header.Set("Content-Type", "multipart/form-data; boundary=x")
	r.Header.Set(csrfHeader, c.token)
	wantStatus(t, "too large", c.do(r), 413)
	r = newRequest("POST", path, strings.NewReader(""))
	r.Header.Set("Content-Type", "multipart/form-data; boundary=x")
	wantStatus(t, "no token", serve(s, r), 403)
}

// Ensure the similar page, a page of its report's, marks itself — the
// last step of its crumbs — as the current page and not the 比对 entry of
// the navigation, which is the compare page's. Near miss: the compare
// page marks 比对.
func TestSimilarNav(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	ids := addExamples(t, s)
	w := c.get("/reports/" + ids["shiqiao-2025.txt"] + "/similar")
	wantStatus(t, "similar", w, 200, `<span aria-current="page">相似报告</span>`)
	nav := regexp.MustCompile(`(?s)<nav class="nav".*?</nav>`).FindString(w.Body.String())
	if nav == "" || strings.Contains(nav, `aria-current="page"`) {
		t.Errorf("the similar page marks a navigation entry as current:\n%s", nav)
	}
	wantStatus(t, "compare", c.get("/compare"), 200, `<a href="/compare" accesskey="c" aria-current="page">比对</a>`)
}
