package http

import (
	"bytes"
	"context"
	"errors"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"zongjie/app"
	"zongjie/check"
	"zongjie/examples"
	"zongjie/reader"
)

// client is a browser of the test server: it keeps the CSRF cookie and
// sends the token with what it posts.
type client struct {
	t       *testing.T
	s       *Server
	token   string
	cookie  *http.Cookie
	session *http.Cookie // the session cookie of a signed-in user (clientAs)
}

func newClient(t *testing.T, s *Server) *client {
	t.Helper()
	token, cookie := csrfPage(t, s)
	return &client{t: t, s: s, token: token, cookie: cookie}
}

func (c *client) do(r *http.Request) *httptest.ResponseRecorder {
	r.AddCookie(c.cookie)
	if c.session != nil {
		r.AddCookie(c.session)
	}
	return serve(c.s, r)
}

// clientAs returns a client of s signed in as u (a session made in the
// store, as the login page makes it).
func clientAs(t *testing.T, s *Server, u app.User) *client {
	t.Helper()
	c := newClient(t, s)
	c.session = newSession(t, s, u)
	return c
}

// newSession starts a session for u and returns its cookie.
func newSession(t testing.TB, s *Server, u app.User) *http.Cookie {
	t.Helper()
	secret, err := s.app.CreateSession(context.Background(), u)
	if err != nil {
		t.Fatalf("session of %s: %v", u.Name, err)
	}
	return &http.Cookie{Name: sessionCookie, Value: secret}
}

func (c *client) get(target string) *httptest.ResponseRecorder {
	return c.do(newRequest("GET", target, nil))
}

// post posts an urlencoded form with the token.
func (c *client) post(target string, form url.Values) *httptest.ResponseRecorder {
	if form == nil {
		form = url.Values{}
	}
	form.Set("csrf", c.token)
	r := newRequest("POST", target, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(r)
}

// upload posts files (name → content) and pasted text as the upload
// form, with the token in the header as the page's script sends it.
func (c *client) upload(files map[string][]byte, text string, fragment bool) *httptest.ResponseRecorder {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for name, data := range files {
		w, _ := mw.CreateFormFile("file", name)
		w.Write(data)
	}
	if text != "" {
		mw.WriteField("text", text)
	}
	mw.Close()
	r := newRequest("POST", "/upload", &b)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.Header.Set(csrfHeader, c.token)
	if fragment {
		r.Header.Set("HX-Request", "true")
	}
	return c.do(r)
}

func exampleData(t *testing.T, name string) []byte {
	t.Helper()
	for _, f := range examples.All() {
		if strings.HasSuffix(f.Name, "/"+name) {
			return f.Data
		}
	}
	t.Fatalf("no example %s", name)
	return nil
}

// addReport stores an example and returns its ID.
func addReport(t *testing.T, s *Server, name string, data []byte) int64 {
	t.Helper()
	res, err := s.app.AddUploads(context.Background(), []app.Upload{{Name: name, Data: data}})
	if err != nil || res[0].Err != nil {
		t.Fatalf("add %s: %v %v", name, err, res[0].Err)
	}
	return res[0].Reports[0].ID
}

func wantStatus(t *testing.T, what string, w *httptest.ResponseRecorder, status int, contains ...string) {
	t.Helper()
	if w.Code != status {
		t.Errorf("%s: status %d, want %d\n%.600s", what, w.Code, status, w.Body)
		return
	}
	for _, c := range contains {
		if !strings.Contains(w.Body.String(), c) {
			t.Errorf("%s: the body lacks %q\n%.600s", what, c, w.Body)
		}
	}
}

// Ensure the upload page shows, and an upload adds each file and shows
// what became of it, an unreadable or oversized file failing alone with
// the reader's message.
func TestUpload(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	wantStatus(t, "page", c.get("/upload"), 200, `id="upload-form"`, `data-max-size="33554432"`, "粘贴文字")

	big := bytes.Repeat([]byte("字"), reader.MaxSize/3+1)
	w := c.upload(map[string][]byte{
		"qinghe-2024.txt": exampleData(t, "qinghe-2024.txt"),
		"a.doc":           {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0},
		"big.txt":         big[:reader.MaxSize+1],
	}, "柳河乡2024年工作总结\n一、工作回顾\n完成投资xx万元。\n", true)
	_, docErr := reader.Read("a.doc", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0})
	_, bigErr := reader.Load("big.txt", bytes.NewReader(big))
	wantStatus(t, "upload", w, 200, "<tbody", "青禾街道2024年工作总结及2025年工作计划", "新报告", `href="/reports/1"`,
		pageMessage(docErr.Error(), docErr), pageMessage(bigErr.Error(), bigErr), "粘贴的文本", "错误 ")
	if strings.Contains(w.Body.String(), "<html") {
		t.Error("the fragment is a whole page")
	}
	// Without the script: the whole page, with the results.
	w = c.upload(map[string][]byte{"qinghe-2024.txt": exampleData(t, "qinghe-2024.txt")}, "", false)
	wantStatus(t, "upload without script", w, 200, "<html", "已有，未改动")

	// Bad input: nothing sent, or not a form.
	wantStatus(t, "nothing", c.upload(nil, "  ", true), 400, "没有收到文件")
	r := newRequest("POST", "/upload", strings.NewReader("x=1"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set(csrfHeader, c.token)
	wantStatus(t, "not multipart", c.do(r), 400, "multipart")
	r = newRequest("POST", "/upload", strings.NewReader("--x\r\nbroken"))
	r.Header.Set("Content-Type", "multipart/form-data; boundary=x")
	r.Header.Set(csrfHeader, c.token)
	wantStatus(t, "broken multipart", c.do(r), 400, "无法读取上传的表单")
	// Too large: the request as a whole.
	r = newRequest("POST", "/upload", strings.NewReader("x"))
	r.ContentLength = uploadLimit + 1
	r.Header.Set("Content-Type", "multipart/form-data; boundary=x")
	r.Header.Set(csrfHeader, c.token)
	wantStatus(t, "too large", c.do(r), 413, "请求内容超过上限")
	// And without the token, refused.
	r = newRequest("POST", "/upload", strings.NewReader(""))
	r.Header.Set("Content-Type", "multipart/form-data; boundary=x")
	wantStatus(t, "no token", serve(s, r), 403)
}

// Ensure a file the reader refuses is refused on the pages in Chinese
// alone — in its upload row and on the error page of a comparison of two
// uploads — without the English the reader adds for logs (文件是空的
// (file is empty)); the API keeps it, as the command line does.
func TestUploadMessagesChinese(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	pdf := []byte("%PDF-1.4\n1 0 obj<<>>endobj\n")
	files := map[string][]byte{"空.txt": {}, "报告.pdf": pdf, "a.doc": {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0}}
	var zh, en []string
	for name, data := range files {
		_, err := reader.Read(name, data)
		var re *reader.Error
		if !errors.As(err, &re) {
			t.Fatalf("%s: %v, want a reader error", name, err)
		}
		zh, en = append(zh, name+": "+re.Reason), append(en, re.En)
	}
	for _, fragment := range []bool{true, false} {
		body := c.upload(files, "", fragment).Body.String()
		for i := range zh {
			if !strings.Contains(body, html.EscapeString(zh[i])) || strings.Contains(body, html.EscapeString(en[i])) {
				t.Errorf("upload (fragment %v): want %q without %q in\n%s", fragment, zh[i], en[i], body)
			}
		}
	}
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, _ := mw.CreateFormFile("a", "报告.pdf")
	fw.Write(pdf)
	fw, _ = mw.CreateFormFile("b", "qinghe-2024.txt")
	fw.Write(exampleData(t, "qinghe-2024.txt"))
	mw.Close()
	r := newRequest("POST", "/compare", &b)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.Header.Set(csrfHeader, c.token)
	w := c.do(r)
	if body := w.Body.String(); w.Code < 400 || !strings.Contains(body, "不支持 PDF 格式") || strings.Contains(body, "PDF is not supported") {
		t.Errorf("compare a .pdf: %d\n%s", w.Code, body)
	}
	w = apiDo(t, s, call{method: "POST", target: "/api/v1/check", body: strings.NewReader(""), contentType: "text/plain"})
	if !strings.Contains(w.Body.String(), "(file is empty)") {
		t.Errorf("the API's message lost its English: %s", w.Body)
	}
}

// Ensure a file's path inside an uploaded folder is kept as its name, and
// cleaned.
func TestUploadNames(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	w := c.upload(map[string][]byte{"街道/2024/../a.txt": []byte("青禾街道2024年工作总结\n一、工作回顾\n完成投资5万元。\n")}, "", true)
	wantStatus(t, "folder", w, 200, "街道/a.txt")
	if got := pastedName(""); !strings.HasPrefix(got, "粘贴的文本 ") || !strings.HasSuffix(got, ".txt") {
		t.Errorf("pasted name %q", got)
	}
	for in, want := range map[string]string{"总结": "总结.txt", "a.md": "a.md", "b.docx": "b.docx.txt"} {
		if got := pastedName(in); got != want {
			t.Errorf("pastedName(%q) = %q, want %q", in, got, want)
		}
	}
}

// Ensure the report page shows the text with its findings marked, the
// outline, the tables and the forms, and refuses what is not there.
func TestReportView(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	id := itoa64(addReport(t, s, "qinghe-2024h1.txt", exampleData(t, "qinghe-2024h1.txt")))
	w := c.get("/reports/" + id)
	wantStatus(t, "view", w, 200, "青禾街道2024年上半年工作总结暨下半年工作计划", `class="f sev-error`, `data-cat="placeholder"`,
		`<nav class="outline"`, `href="#s-1"`, `id="s-1"`, "全部改正可确定的问题", `name="finding"`, "下载 CSV", "第 1 版", "J</kbd>")
	if strings.Contains(w.Body.String(), `style=`) {
		t.Error("an inline style")
	}
	wantStatus(t, "version", c.get("/reports/"+id+"?v=1"), 200, "第 1 版（当前）")
	wantStatus(t, "no such version", c.get("/reports/"+id+"?v=9"), 404, "没有第 9 版")
	wantStatus(t, "bad version", c.get("/reports/"+id+"?v=x"), 400, "版本")
	wantStatus(t, "no such report", c.get("/reports/999"), 404, "报告 999 不存在")
	wantStatus(t, "not an ID", c.get("/reports/abc"), 404, "不是报告编号")
}

// Ensure a fix makes a new version and the page says so; bad, stale and
// missing requests are refused with their codes.
func TestReportFix(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	id := itoa64(addReport(t, s, "qinghe-2024.txt", exampleData(t, "qinghe-2024.txt")))
	page := c.get("/reports/" + id).Body.String()
	m := regexp.MustCompile(`name="finding" value="(\d+)">\s*<input type="hidden" name="rule" value="(TY001)">\s*<input type="hidden" name="offset" value="(\d+)">`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no fix form for TY001")
	}
	form := url.Values{"version": {"1"}, "finding": {m[1]}, "rule": {m[2]}, "offset": {m[3]}, "fix": {"0"}}
	w := c.post("/reports/"+id+"/fix", form)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/reports/"+id+"?saved=2&at="+m[3] {
		t.Fatalf("fix: %d %q", w.Code, w.Header().Get("Location"))
	}
	wantStatus(t, "saved", c.get("/reports/"+id+"?saved=2"), 200, "已保存为第 2 版", "如火如荼")
	wantStatus(t, "stale", c.post("/reports/"+id+"/fix", form), 409, "请刷新页面")
	wantStatus(t, "bad", c.post("/reports/"+id+"/fix", url.Values{"version": {"2"}, "finding": {"x"}}), 400, "问题序号")
	wantStatus(t, "incomplete", c.post("/reports/"+id+"/fix", url.Values{"version": {"2"}}), 400, "请指明")
	wantStatus(t, "missing", c.post("/reports/998/fix", url.Values{"all": {"1"}}), 404, "不存在")
	w = c.post("/reports/"+id+"/fix", url.Values{"all": {"1"}, "version": {"2"}})
	if w.Code != http.StatusSeeOther || !strings.HasSuffix(w.Header().Get("Location"), "saved=3") {
		t.Errorf("all: %d %q", w.Code, w.Header().Get("Location"))
	}
	wantStatus(t, "too large", c.post("/reports/"+id+"/fix", url.Values{"x": {strings.Repeat("x", DefaultBodyLimit)}}), 413)
}

// Ensure a change made at a finding comes back to the findings: the
// redirect names its offset (?at=), the notice is beside the findings
// with a button that undoes the change (restores the version before it)
// and comes back there too; a change made elsewhere (every certain fix,
// the unit) says so above the page, with its undo; a version that is
// not the current one, or the first, has nothing to undo.
func TestReportFixUndo(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	id := itoa64(addReport(t, s, "qinghe-2024.txt", exampleData(t, "qinghe-2024.txt")))
	page := c.get("/reports/" + id).Body.String()
	m := regexp.MustCompile(`name="finding" value="(\d+)">\s*<input type="hidden" name="rule" value="(TY001)">\s*<input type="hidden" name="offset" value="(\d+)">`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no fix form for TY001")
	}
	if !strings.Contains(page, `data-at="`+m[3]+`"`) {
		t.Errorf("the finding at %s has no data-at", m[3])
	}
	w := c.post("/reports/"+id+"/fix", url.Values{"version": {"1"}, "finding": {m[1]}, "rule": {m[2]}, "offset": {m[3]}, "fix": {"0"}})
	loc := w.Header().Get("Location")
	if w.Code != http.StatusSeeOther || loc != "/reports/"+id+"?saved=2&at="+m[3] {
		t.Fatalf("fix: %d %q", w.Code, loc)
	}
	undo := regexp.MustCompile(`(?s)<form method="post" action="/reports/` + id + `/restore" class="undo">.*?name="version" value="(\d+)">(?:\s*<input type="hidden" name="at" value="(\d+)">)?\s*<button type="submit">撤销（恢复第 \d+ 版）</button>`)
	findingsAt := func(body string) string { _, after, _ := strings.Cut(body, `<aside id="findings"`); return after }
	body := c.get(loc).Body.String()
	if u := undo.FindStringSubmatch(findingsAt(body)); u == nil || u[1] != "1" || u[2] != m[3] {
		t.Errorf("after the fix, the findings' undo is %q, want version 1 at %s", u, m[3])
	}
	if !strings.Contains(findingsAt(body), "已保存为第 2 版") {
		t.Error("after the fix, the notice is not beside the findings")
	}
	w = c.post("/reports/"+id+"/restore", url.Values{"version": {"1"}, "at": {m[3]}})
	if loc = w.Header().Get("Location"); w.Code != http.StatusSeeOther || loc != "/reports/"+id+"?saved=3&at="+m[3] {
		t.Fatalf("undo: %d %q", w.Code, loc)
	}
	body = c.get(loc).Body.String()
	if u := undo.FindStringSubmatch(findingsAt(body)); u == nil || u[1] != "2" || !strings.Contains(body, "恢复第 1 版") || !strings.Contains(body, "如火如荼") {
		t.Errorf("after the undo: undo %q", u)
	}
	w = c.post("/reports/"+id+"/meta", url.Values{"unit": {"临川区青禾街道"}})
	body = c.get(w.Header().Get("Location")).Body.String()
	if u := undo.FindStringSubmatch(body); w.Header().Get("Location") != "/reports/"+id+"?saved=4" || u == nil || u[1] != "3" || u[2] != "" || strings.Contains(findingsAt(body), "已保存") {
		t.Errorf("the unit stated: %q, undo %q", w.Header().Get("Location"), u)
	}
	for _, q := range []string{"?saved=2", "?saved=1", "?saved=4&v=2"} {
		if body := c.get("/reports/" + id + q).Body.String(); undo.MatchString(body) {
			t.Errorf("%s: an undo button for a version not just made current", q)
		}
	}
	wantStatus(t, "bad at", c.get("/reports/"+id+"?saved=4&at=x"), 400, "位置")
	wantStatus(t, "bad undo at", c.post("/reports/"+id+"/restore", url.Values{"version": {"1"}, "at": {"-2"}}), 400, "位置")
}

// Ensure the downloads say how many placeholders are still to be filled
// in — the files keep them — and say nothing for a report without one.
func TestReportUnfilled(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	downloads := func(id int64) string {
		_, after, _ := strings.Cut(c.get("/reports/"+itoa64(id)).Body.String(), `<section id="downloads"`)
		return after
	}
	id := addReport(t, s, "qinghe-2024h1.txt", exampleData(t, "qinghe-2024h1.txt"))
	rep, err := s.app.Report(context.Background(), id, 0)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	for _, d := range rep.Findings {
		if d.Category == check.Placeholder {
			n++
		}
	}
	if n == 0 {
		t.Fatal("qinghe-2024h1.txt has no placeholder")
	}
	if want := "还有 " + itoa(n) + " 处占位符"; !strings.Contains(downloads(id), want) {
		t.Errorf("the downloads do not say %q", want)
	}
	id = addReport(t, s, "a.txt", []byte("柳河乡2024年工作总结\n一、工作回顾\n全年完成投资5万元，同比增长6%。\n"))
	if got := downloads(id); strings.Contains(got, "占位符") {
		t.Errorf("a report without placeholders: %s", got)
	}
}

// Ensure the unit and period are stated as a new version, and a bad
// period is refused.
func TestReportMeta(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	id := itoa64(addReport(t, s, "qinghe-2024.txt", exampleData(t, "qinghe-2024.txt")))
	wantStatus(t, "form", c.get("/reports/"+id), 200, `name="unit" type="text" value="青禾街道"`, `name="period" type="text" value="2024"`)
	w := c.post("/reports/"+id+"/meta", url.Values{"unit": {"临川区青禾街道"}, "period": {"2024"}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("meta: %d %s", w.Code, w.Body)
	}
	wantStatus(t, "saved", c.get(w.Header().Get("Location")), 200, "单位 青禾街道 → 临川区青禾街道")
	wantStatus(t, "bad period", c.post("/reports/"+id+"/meta", url.Values{"period": {"去年"}}), 400, "无法识别")
	wantStatus(t, "same", c.post("/reports/"+id+"/meta", url.Values{"unit": {"临川区青禾街道"}, "period": {"2024"}}), 409, "相同")
	wantStatus(t, "missing", c.post("/reports/997/meta", url.Values{"unit": {"甲"}}), 404)
	wantStatus(t, "too large", c.post("/reports/"+id+"/meta", url.Values{"unit": {strings.Repeat("x", DefaultBodyLimit)}}), 413)
}

// Ensure versions are compared and restored, and bad requests refused.
func TestReportVersions(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	id := itoa64(addReport(t, s, "qinghe-2024.txt", exampleData(t, "qinghe-2024.txt")))
	c.post("/reports/"+id+"/fix", url.Values{"all": {"1"}, "version": {"1"}})
	wantStatus(t, "list", c.get("/reports/"+id), 200, "比较所选的两个版本", `form="restore-1"`, "改正全部可确定的问题")
	wantStatus(t, "diff", c.get("/reports/"+id+"/diff?a=1&b=2"), 200, `<tr class="del">`, "<del>", "<ins>", "省略")
	wantStatus(t, "diff to current", c.get("/reports/"+id+"/diff?a=1"), 200, "比较第 1 版与第 2 版")
	wantStatus(t, "diff without a", c.get("/reports/"+id+"/diff"), 400, "请选择")
	wantStatus(t, "diff bad", c.get("/reports/"+id+"/diff?a=x"), 400)
	wantStatus(t, "diff missing", c.get("/reports/"+id+"/diff?a=1&b=5"), 404, "没有第 5 版")
	wantStatus(t, "restore current", c.post("/reports/"+id+"/restore", url.Values{"version": {"2"}}), 409, "无需恢复")
	wantStatus(t, "restore none", c.post("/reports/"+id+"/restore", nil), 400, "请指明")
	wantStatus(t, "restore missing", c.post("/reports/"+id+"/restore", url.Values{"version": {"7"}}), 404)
	w := c.post("/reports/"+id+"/restore", url.Values{"version": {"1"}})
	if w.Code != http.StatusSeeOther || !strings.HasSuffix(w.Header().Get("Location"), "saved=3") {
		t.Errorf("restore: %d %q", w.Code, w.Header().Get("Location"))
	}
	wantStatus(t, "restore too large", c.post("/reports/"+id+"/restore", url.Values{"x": {strings.Repeat("x", DefaultBodyLimit)}}), 413)
}

// Ensure every download comes with its type and a file name, and
// unknown ones are not found.
func TestReportDownload(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	id := itoa64(addReport(t, s, "qinghe-2024.txt", exampleData(t, "qinghe-2024.txt")))
	for kind, want := range map[string]string{
		"fixed.txt": "text/plain", "annotated.docx": "wordprocessingml", "gongwen.docx": "wordprocessingml",
		"quantities.csv": "text/csv", "targets.csv": "text/csv",
	} {
		w := c.get("/reports/" + id + "/download/" + kind)
		cd := w.Header().Get("Content-Disposition")
		if w.Code != 200 || !strings.Contains(w.Header().Get("Content-Type"), want) || !strings.HasPrefix(cd, "attachment;") ||
			!strings.Contains(cd, "filename*=utf-8''") || w.Body.Len() == 0 {
			t.Errorf("%s: %d %q %q", kind, w.Code, w.Header().Get("Content-Type"), cd)
		}
	}
	wantStatus(t, "unknown", c.get("/reports/"+id+"/download/x.pdf"), 404, "没有这种下载")
	wantStatus(t, "missing", c.get("/reports/996/download/fixed.txt"), 404)
	wantStatus(t, "bad version", c.get("/reports/"+id+"/download/fixed.txt?v=-1"), 400)
}

// Ensure a report's markup, attribute breakouts and template syntax show
// as text on every page: the list, the upload results, the report, the
// findings, the comparison.
func TestEscaping(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	hostile := "青禾街道\"><img src=x onerror=alert(2)>{{.}}2024年工作总结\n一、工作回顾\n全年完成<b>财政收入</b>xx万元，" +
		"\"><img src=x onerror=alert(3)>{{template \"x\"}}同比增长5%<script>alert(4)</script>。\n"
	w := c.upload(map[string][]byte{"<script>alert(1)</script>.txt": []byte(hostile)}, "", true)
	id := regexp.MustCompile(`href="/reports/(\d+)"`).FindStringSubmatch(w.Body.String())
	if id == nil {
		t.Fatalf("no report:\n%s", w.Body)
	}
	c.post("/reports/"+id[1]+"/meta", url.Values{"unit": {"<i>单位</i>"}})
	pages := map[string]string{
		"upload": w.Body.String(),
		"home":   c.get("/").Body.String(),
		"report": c.get("/reports/" + id[1]).Body.String(),
		"old":    c.get("/reports/" + id[1] + "?v=1").Body.String(),
		"diff":   c.get("/reports/" + id[1] + "/diff?a=1").Body.String(),
	}
	bad := regexp.MustCompile(`<img|<script>alert|<b>|<i>单位|onerror=alert\(\d\)>`)
	for name, body := range pages {
		if m := bad.FindString(body); m != "" {
			t.Errorf("%s: %q is markup", name, m)
		}
		for _, want := range []string{"&lt;img src=x onerror=alert(2)&gt;", "{{.}}"} {
			if name != "diff" && !strings.Contains(body, want) {
				t.Errorf("%s: lacks %q as text", name, want)
			}
		}
	}
	if !strings.Contains(pages["upload"], "&lt;script&gt;alert(1)&lt;/script&gt;.txt") {
		t.Error("upload: the file name is not shown as text")
	}
	if !strings.Contains(pages["report"], "&lt;b&gt;财政收入&lt;/b&gt;") || !strings.Contains(pages["report"], "&lt;i&gt;单位&lt;/i&gt;") {
		t.Error("report: the text or the unit is not shown as text")
	}
}

// Ensure an oversized body is refused on every route, before its handler.
func TestEveryRouteTooLarge(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	for _, route := range []struct{ method, path string }{
		{"GET", "/"}, {"GET", "/upload"}, {"GET", "/reports/1"}, {"POST", "/reports/1/fix"}, {"POST", "/reports/1/meta"},
		{"POST", "/reports/1/restore"}, {"GET", "/reports/1/diff"}, {"GET", "/reports/1/download/fixed.txt"}, {"GET", "/reports/1/table/quantities"},
		{"POST", "/upload"}, {"GET", mustURL(t, s, "css/app.css")},
		{"GET", "/search"}, {"GET", "/compare"}, {"POST", "/compare"}, {"GET", "/reports/1/similar"}, {"GET", "/families"},
		{"GET", "/track"}, {"POST", "/track"}, {"GET", "/series"}, {"GET", "/series.csv"},
		{"GET", "/draft"}, {"POST", "/draft"},
	} {
		r := newRequest(route.method, route.path, io.LimitReader(strings.NewReader(""), 0))
		r.ContentLength = DefaultBodyLimit + 1
		switch {
		case route.path == "/upload":
			r.ContentLength = uploadLimit + 1
		case route.method == "POST" && (route.path == "/compare" || route.path == "/track"):
			r.ContentLength = compareLimit + 1
		case route.method == "POST" && route.path == "/draft":
			r.ContentLength = draftLimit + 1
		}
		r.Header.Set(csrfHeader, c.token)
		if w := c.do(r); w.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("%s %s: %d", route.method, route.path, w.Code)
		}
	}
}

// Ensure the upload results name a file of several reports once, beside
// all its reports' rows (rowspan), not on each row. Near miss: a file of
// one report has its name on its row, without rowspan.
func TestUploadNamesOnce(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	two := append(append(exampleData(t, "qinghe-2024.txt"), '\n'), exampleData(t, "shiqiao-2025.txt")...)
	body := c.upload(map[string][]byte{"两篇.txt": two, "一篇.txt": exampleData(t, "shiqiao-2024.txt")}, "", true).Body.String()
	if n := strings.Count(body, "两篇.txt"); n != 1 {
		t.Errorf("the file of two reports is named %d times, want once:\n%s", n, body)
	}
	if !strings.Contains(body, `<td class="file" rowspan="2">两篇.txt</td>`) || strings.Count(body, `<tr class="result ok">`) != 3 {
		t.Errorf("the file of two reports is not named beside its two rows:\n%s", body)
	}
	if !strings.Contains(body, `<td class="file">一篇.txt</td>`) {
		t.Errorf("the file of one report lost its name:\n%s", body)
	}
}

// Ensure the same report uploaded as .md and as a GBK .txt is stored once:
// the second upload's row says 已存在, names the stored report and links
// it. Near miss: the same upload with another figure is a new report.
func TestUploadSameTextOtherFile(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	txt := "柳河乡2024年工作总结\n一、主要工作\n全年新增就业1200人，完成投资3.2亿元。\n二、存在问题\n产业基础薄弱。\n"
	md := "# 柳河乡2024年工作总结\n\n## 一、主要工作\n\n全年新增就业**1200人**，完成投资3.2亿元。\n\n## 二、存在问题\n\n产业基础薄弱。\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.ReplaceAll(txt, "\n", "\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	first := c.upload(map[string][]byte{"总结.md": []byte(md)}, "", true).Body.String()
	id := regexp.MustCompile(`href="/reports/(\d+)"`).FindStringSubmatch(first)
	if id == nil || !strings.Contains(first, "新报告") {
		t.Fatalf("the .md is not stored:\n%s", first)
	}
	second := c.upload(map[string][]byte{"总结.txt": []byte(gbk)}, "", true).Body.String()
	for _, want := range []string{"已有，未改动", `href="/reports/` + id[1] + `"`, "已存在：与已保存的报告 " + id[1] + " 文本相同"} {
		if !strings.Contains(second, want) {
			t.Errorf("the GBK .txt's row lacks %q:\n%s", want, second)
		}
	}
	other := c.upload(map[string][]byte{"另一篇.txt": []byte(strings.Replace(txt, "1200人", "1300人", 1))}, "", true).Body.String()
	if !strings.Contains(other, "新报告") || strings.Contains(other, "已存在") {
		t.Errorf("a report with another figure is not new:\n%s", other)
	}
}
