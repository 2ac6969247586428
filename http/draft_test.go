package http

import (
	"archive/zip"
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// postDraft posts the draft form as the page does: multipart, with a
// data CSV when data is not nil; and follows the redirect to the preview
// as a browser does.
func (c *client) postDraft(fields map[string]string, dataName string, data []byte) *httptest.ResponseRecorder {
	w := c.do(draftRequest(c.token, fields, dataName, data))
	if w.Code == http.StatusSeeOther {
		loc := w.Header().Get("Location")
		if strings.Contains(loc, c.token) || strings.Contains(loc, "csrf") {
			c.t.Errorf("the preview's address %q holds the CSRF token", loc)
		}
		return c.get(loc)
	}
	return w
}

// draftRequest is the draft form's request with the CSRF token, its
// first field as the page sends it.
func draftRequest(token string, fields map[string]string, dataName string, data []byte) *http.Request {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", token)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if data != nil {
		w, _ := mw.CreateFormFile("data", dataName)
		w.Write(data)
	}
	mw.Close()
	r := newRequest("POST", "/draft", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	return r
}

// docxText returns word/document.xml of a .docx, failing the test when
// it is not one.
func docxText(t *testing.T, data []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a .docx (zip): %v", err)
	}
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatal("no word/document.xml in the .docx")
	return ""
}

// Ensure the draft page drafts this period's summary from the last
// report's plan and a later report, a data CSV or nothing: the preview
// with the placeholders marked and the targets counted, and the .docx and
// the Markdown as downloads, posted again from the preview's forms.
func TestDraft(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	wantStatus(t, "empty", c.get("/draft"), 200, "还没有保存的报告")
	ids := addExamples(t, s)
	old, cur := ids["shiqiao-2024.txt"], ids["shiqiao-2025.txt"]
	wantStatus(t, "form", c.get("/draft?from="+old), 200, `<option value="`+old+`" selected>#`+old+" 石桥镇2024年工作总结",
		`<optgroup label="石桥镇">`, `action="/draft" enctype="multipart/form-data"`)
	wantStatus(t, "report link", c.get("/reports/"+old), 200, `href="/draft?from=`+old+`"`)

	// From a later report.
	w := c.postDraft(map[string]string{"from": old, "source": "actual", "actual": cur}, "", nil)
	wantStatus(t, "actual", w, 200, `<p class="doc-title">石桥镇2025年工作总结及2026年工作计划</p>`, `<span class="n">7</span> 达成`,
		`<span class="n">1</span> 未达成`, `<mark class="ph">【待补充`, "粮食播种面积6.85万亩，完成“6.8万亩以上”的目标。",
		`href="/track?a=`+old+`&amp;b=`+cur+`"`, `name="format" value="docx"`, `name="data_text" value=""`)
	// The downloads: the preview's forms, posted again (urlencoded).
	form := url.Values{"from": {old}, "source": {"actual"}, "actual": {cur}, "format": {"docx"}}
	w = c.post("/draft", form)
	wantStatus(t, "docx", w, 200)
	if ct := w.Header().Get("Content-Type"); ct != docxType || !strings.Contains(w.Header().Get("Content-Disposition"), "attachment") {
		t.Errorf("docx: %q, %q", ct, w.Header().Get("Content-Disposition"))
	}
	if x := docxText(t, w.Body.Bytes()); !strings.Contains(x, "6.85万亩") || !strings.Contains(x, "待补充") {
		t.Errorf("the .docx lacks the draft: %.300s", x)
	}
	form.Set("format", "md")
	wantStatus(t, "md", c.post("/draft", form), 200, "# 石桥镇2025年工作总结及2026年工作计划\n", "## 一、2025年工作总结")

	// From a data CSV, kept in the page for the downloads.
	csv := "指标,数值,单位\n粮食播种面积,6.5,万亩\n规上工业产值增速,9.1,%\n"
	w = c.postDraft(map[string]string{"from": old, "source": "data"}, "数据.csv", []byte(csv))
	wantStatus(t, "data", w, 200, "粮食播种面积6.5万亩", `<span class="n">1</span> 部分达成`, `<span class="n">8</span> 未报告`, `name="data_name" value="数据.csv"`,
		`name="data_text" value="指标,数值,单位`)
	form = url.Values{"from": {old}, "source": {"data"}, "data_name": {"数据.csv"}, "data_text": {csv}, "format": {"md"}}
	wantStatus(t, "data md", c.post("/draft", form), 200, "粮食播种面积6.5万亩")
	// Nothing: every result a placeholder, no counts.
	w = c.postDraft(map[string]string{"from": old, "source": "none", "period": "2025"}, "", nil)
	wantStatus(t, "none", w, 200, `<mark class="ph">`)
	if strings.Contains(w.Body.String(), `class="track-counts"`) {
		t.Error("a draft without results counts targets")
	}

	// Bad input, what is not there, too large, no token.
	wantStatus(t, "bad from", c.get("/draft?from=x"), 400, "上期报告的报告编号")
	wantStatus(t, "no from", c.postDraft(map[string]string{"source": "none"}, "", nil), 400, "上期报告")
	wantStatus(t, "bad source", c.postDraft(map[string]string{"from": old, "source": "web"}, "", nil), 400, "来源")
	wantStatus(t, "no actual", c.postDraft(map[string]string{"from": old, "source": "actual"}, "", nil), 400, "本期报告")
	wantStatus(t, "no data", c.postDraft(map[string]string{"from": old, "source": "data"}, "", nil), 400, "CSV")
	wantStatus(t, "bad period", c.postDraft(map[string]string{"from": old, "period": "明年"}, "", nil), 400)
	wantStatus(t, "bad format", c.post("/draft", url.Values{"from": {old}, "format": {"pdf"}}), 400, "下载格式")
	wantStatus(t, "backwards", c.postDraft(map[string]string{"from": cur, "source": "actual", "actual": old}, "", nil), 400, "上期报告与本期报告：", "在报告页的“单位与时段”中更正")
	if w := c.postDraft(map[string]string{"from": cur, "source": "actual", "actual": old}, "", nil); strings.Contains(w.Body.String(), "--") {
		t.Errorf("a flag on the page:\n%s", w.Body)
	}
	wantStatus(t, "not found", c.postDraft(map[string]string{"from": "999", "source": "none"}, "", nil), 404, "999")
	wantStatus(t, "csv too large", c.postDraft(map[string]string{"from": old, "source": "data"}, "big.csv", bytes.Repeat([]byte("a"), maxDataCSV+1)), 413)
	r := newRequest("POST", "/draft", io.LimitReader(strings.NewReader(""), 0))
	r.ContentLength = draftLimit + 1
	r.Header.Set("Content-Type", "multipart/form-data; boundary=x")
	wantStatus(t, "too large", c.do(r), 413)
	r = newRequest("POST", "/draft", strings.NewReader("from="+old))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	wantStatus(t, "no token", serve(s, r), 403)
	r = newRequest("POST", "/draft", strings.NewReader("{}"))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set(csrfHeader, c.token)
	wantStatus(t, "json", c.do(r), 400, "multipart")
}

// Ensure the draft form's post sends the browser on to the preview, a GET
// whose address holds the form's choices and never the CSRF token, so
// that reloading it drafts again without posting again: the same preview,
// a data CSV's too (kept by a key, for its user alone). Near misses: the
// downloads are still posted (no redirect), a data key not kept (or
// another user's) is refused in Chinese, and a multipart post with the
// token in the address alone, the old way, is refused.
func TestDraftPreviewRedirect(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	ids := addExamples(t, s)
	old, cur := ids["shiqiao-2024.txt"], ids["shiqiao-2025.txt"]
	w := c.do(draftRequest(c.token, map[string]string{"from": old, "source": "actual", "actual": cur}, "", nil))
	loc := w.Header().Get("Location")
	if w.Code != http.StatusSeeOther || !strings.HasPrefix(loc, "/draft?") || strings.Contains(loc, c.token) {
		t.Fatalf("post: %d to %q, want 303 to the preview without the token", w.Code, loc)
	}
	first := c.get(loc)
	wantStatus(t, "preview", first, 200, `<p class="doc-title">石桥镇2025年工作总结及2026年工作计划</p>`, `<span class="n">7</span> 达成`)
	if again := c.get(loc); again.Body.String() != first.Body.String() {
		t.Error("reloading the preview gives another page")
	}
	csv := "指标,数值,单位\n粮食播种面积,6.5,万亩\n"
	w = c.do(draftRequest(c.token, map[string]string{"from": old, "source": "data"}, "数据.csv", []byte(csv)))
	loc = w.Header().Get("Location")
	if w.Code != http.StatusSeeOther || strings.Contains(loc, "6.5") || !strings.Contains(loc, "data=") {
		t.Fatalf("data post: %d to %q, want 303 with the data's key", w.Code, loc)
	}
	wantStatus(t, "data preview", c.get(loc), 200, "粮食播种面积6.5万亩")
	wantStatus(t, "data reloaded", c.get(loc), 200, "粮食播种面积6.5万亩")
	// Another user does not get the data by its key.
	s.drafts.mu.Lock()
	for k, e := range s.drafts.m {
		e.user = 99
		s.drafts.m[k] = e
	}
	s.drafts.mu.Unlock()
	wantStatus(t, "data of another", c.get(loc), 404, "已不在服务器上")
	wantStatus(t, "no such data", c.get("/draft?from="+old+"&source=data&data=0123"), 404, "请回到起草页重新选择数据文件")
	// The downloads are posted and answered, not redirected.
	wantStatus(t, "download", c.post("/draft", url.Values{"from": {old}, "source": {"none"}, "format": {"md"}}), 200, "# 石桥")
	// The token in the address alone is no longer taken.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("from", old)
	mw.WriteField("source", "none")
	mw.Close()
	r := newRequest("POST", "/draft?csrf="+url.QueryEscape(c.token), &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	wantStatus(t, "token in the address", c.do(r), 403, "缺少安全令牌")
}

// Ensure the draft preview is HTML made from the draft's structure, not
// its Markdown: the title a paragraph of its own, the parts and sections
// headings, the sentences paragraphs, no Markdown markup left (#, **, a
// list's -), and markup in the source report — a Markdown report with a
// <script> in a heading and in a target — shown as text.
func TestDraftPreviewHTML(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	src := "# 柳河乡2024年工作总结及2025年工作计划\n\n## 一、2024年工作总结\n\n### （一）**现代农业**稳步发展\n\n" +
		"1. 全乡完成粮食播种面积*3.9万亩*，新建高标准农田`6000亩`。\n\n## 二、2025年工作计划\n\n" +
		"### （一）做强<script>alert(1)</script>特色产业\n\n- 新建高标准农田**8000亩**<script>alert(2)</script>。\n- 粮食播种面积稳定在4万亩以上。\n"
	id := addReport(t, s, "柳河乡.md", []byte(src))
	w := c.postDraft(map[string]string{"from": itoa64(id), "source": "none", "period": "2025"}, "", nil)
	wantStatus(t, "preview", w, 200, `<p class="doc-title">柳河乡2025年工作总结及2026年工作计划</p>`,
		`<h3 class="doc-h1">一、2025年工作总结</h3>`, `<h4 class="doc-h2">（一）做强&lt;script&gt;alert(1)&lt;/script&gt;特色产业</h4>`,
		`<p>高标准农田完成<mark class="ph">xx</mark>亩（目标：8000亩）。</p>`)
	body := w.Body.String()
	article := body[strings.Index(body, `<article class="draft-doc`):]
	article = article[:strings.Index(article, "</article>")]
	for _, raw := range []string{"<script>alert", "# ", "**", "\n- ", "`"} {
		if strings.Contains(article, raw) {
			t.Errorf("the preview holds %q:\n%s", raw, article)
		}
	}
}
