package http

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"zongjie/app"
	"zongjie/extract"
	"zongjie/output"
	"zongjie/reader"
	"zongjie/store"
	"zongjie/store/sqlite"
)

// newAPIServer returns a Server over a new SQLite store holding the
// bundled examples, and their IDs by file name. It runs in an empty
// folder, so that no configuration file of the working directory is
// read.
func newAPIServer(t *testing.T) (*Server, map[string]int64) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "z.db")
	t.Chdir(t.TempDir())
	a := app.New(app.Options{Open: func(context.Context) (store.Store, error) { return sqlite.Open(db) }})
	t.Cleanup(func() { a.Close() })
	ctx := context.Background()
	if _, err := a.Add(ctx, app.AddRequest{Inputs: app.Examples()}); err != nil {
		t.Fatal(err)
	}
	list, err := a.List(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, r := range list.Reports {
		ids[filepath.Base(r.Path)] = r.ID
	}
	s, err := NewServer(a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s, ids
}

// exampleText returns the text of a bundled example.
func exampleText(t *testing.T, name string) string {
	t.Helper()
	for _, in := range app.Examples() {
		if filepath.Base(in.Name) == name {
			return string(in.Data)
		}
	}
	t.Fatalf("no example %s", name)
	return ""
}

// exampleDecoded returns the text of a bundled example decoded (one of
// them is GBK), for a JSON body.
func exampleDecoded(t *testing.T, name string) string {
	t.Helper()
	f, err := reader.Read(name, []byte(exampleText(t, name)))
	if err != nil {
		t.Fatal(err)
	}
	return f.Text
}

// call is one request to the API.
type call struct {
	method, target string
	body           io.Reader
	contentType    string
	header         http.Header
}

// apiDo serves c as a program sends it (no cookie; a form carries the
// X-Zongjie-API header), checks the response against the OpenAPI
// document, and returns it.
func apiDo(t *testing.T, s *Server, c call) *httptest.ResponseRecorder {
	t.Helper()
	r := newRequest(c.method, c.target, c.body)
	if c.contentType != "" {
		r.Header.Set("Content-Type", c.contentType)
	}
	if formLike(r) && !safeMethod(c.method) {
		r.Header.Set(apiHeader, "1")
	}
	for k, vs := range c.header {
		r.Header[k] = vs
	}
	w := serve(s, r)
	validateResponse(t, s, r, w)
	return w
}

// want checks the status of a response and, for an error, its code.
func want(t *testing.T, what string, w *httptest.ResponseRecorder, status int, code string) {
	t.Helper()
	if w.Code != status {
		t.Errorf("%s: status %d, want %d: %.400s", what, w.Code, status, w.Body)
		return
	}
	if code == "" {
		return
	}
	var e errorJSON
	if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error.Code != code || e.Error.Message == "" {
		t.Errorf("%s: error %+v (%v), want code %s with a message", what, e.Error, err, code)
	}
}

// decode decodes a response's body into v.
func decode(t *testing.T, w *httptest.ResponseRecorder, v any) {
	t.Helper()
	if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
		t.Fatalf("response: %v\n%.300s", err, w.Body)
	}
}

// part is a part of a multipart body: a file (with a name) or a field.
type part struct {
	field, filename, content string
}

// multipartBody returns a multipart form of the parts and its type.
func multipartBody(t *testing.T, parts ...part) (io.Reader, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for _, p := range parts {
		var w io.Writer
		var err error
		if p.filename != "" {
			w, err = mw.CreateFormFile(p.field, p.filename)
		} else {
			w, err = mw.CreateFormField(p.field)
		}
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.content)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

// jsonBody returns v encoded.
func jsonBody(v any) io.Reader {
	b, _ := json.Marshal(v)
	return bytes.NewReader(b)
}

// bigDeclared is a request body that says it is n bytes long and is
// refused before it is read.
func bigDeclared(t *testing.T, s *Server, method, target, contentType string, n int64) *httptest.ResponseRecorder {
	t.Helper()
	r := newRequest(method, target, strings.NewReader("x"))
	r.ContentLength = n
	r.Header.Set("Content-Type", contentType)
	r.Header.Set(apiHeader, "1")
	w := serve(s, r)
	validateResponse(t, s, r, w)
	return w
}

// Ensure extract takes a file in each of the three forms (the raw body
// named by ?name=, JSON, a multipart form of many), gives the reports as
// extract --format json does, lists a bad file of a batch in errors
// without stopping the others, and refuses one bad file, an empty
// request and one over the limit.
func TestAPIExtract(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	text := exampleText(t, "shiqiao-2024.txt")

	w := apiDo(t, s, call{method: "POST", target: "/api/v1/extract?name=石桥.txt&unit=石桥镇", body: strings.NewReader(text), contentType: "text/plain; charset=utf-8"})
	want(t, "raw", w, 200, "")
	var res extractResponse
	decode(t, w, &res)
	if len(res.Documents) != 1 || res.Documents[0].Path != "石桥.txt" || res.Documents[0].Meta.Unit != "石桥镇" || len(res.Documents[0].Quantities) == 0 || res.Errors != nil {
		t.Errorf("raw: %+v", res)
	}
	// The body is the command line's JSON, byte for byte.
	d := s.app.Extract(context.Background(), []app.Input{{Name: "石桥.txt", Data: []byte(text), Stated: extract.Options{Unit: "石桥镇"}}})
	if !sameJSON(t, w.Body.Bytes(), output.ExtractResult{Documents: d[0].Reports}) {
		t.Errorf("raw: the body differs from extract --format json")
	}

	w = apiDo(t, s, call{method: "POST", target: "/api/v1/extract", body: jsonBody(map[string]string{"name": "a.md", "text": "# 某镇2024年工作总结\n\n一、主要工作\n\n全年完成投资5亿元。\n"}), contentType: "application/json"})
	want(t, "json", w, 200, "")
	decode(t, w, &res)
	if len(res.Documents) != 1 || res.Documents[0].Path != "a.md" {
		t.Errorf("json: %+v", res)
	}

	body, ct := multipartBody(t, part{"file", "a.txt", text}, part{"file", "bad.docx", "PK\x03\x04 not a zip"}, part{"file", "b.txt", exampleText(t, "qinghe-2024.txt")}, part{"unit", "", ""})
	w = apiDo(t, s, call{method: "POST", target: "/api/v1/extract", body: body, contentType: ct})
	want(t, "batch", w, 200, "")
	res = extractResponse{}
	decode(t, w, &res)
	if len(res.Documents) != 2 || len(res.Errors) != 1 || res.Errors[0].Path != "bad.docx" || res.Errors[0].Code != "unreadable" || !strings.Contains(res.Errors[0].Message, "bad.docx") {
		t.Errorf("batch: %d documents, errors %+v", len(res.Documents), res.Errors)
	}

	for _, tt := range []struct {
		name   string
		c      call
		status int
		code   string
	}{
		{"one bad file", call{method: "POST", target: "/api/v1/extract?name=x.docx", body: strings.NewReader("PK\x03\x04 not a zip"), contentType: "application/octet-stream"}, 422, "unreadable"},
		{"unknown format", call{method: "POST", target: "/api/v1/extract?name=x.pdf", body: strings.NewReader("%PDF"), contentType: "application/pdf"}, 422, "unreadable"},
		{"no file", call{method: "POST", target: "/api/v1/extract", body: func() io.Reader { b, _ := multipartBody(t, part{"unit", "", "某镇"}); return b }(), contentType: ""}, 0, ""},
		{"bad name", call{method: "POST", target: "/api/v1/extract?name=a%00.txt", body: strings.NewReader(text), contentType: "text/plain"}, 400, "invalid"},
		{"bad period", call{method: "POST", target: "/api/v1/extract?period=明年", body: strings.NewReader(text), contentType: "text/plain"}, 400, "invalid"},
		{"json unknown field", call{method: "POST", target: "/api/v1/extract", body: strings.NewReader(`{"name":"a.txt","txt":"x"}`), contentType: "application/json"}, 400, "invalid"},
		{"json two values", call{method: "POST", target: "/api/v1/extract", body: strings.NewReader(`{"text":"x"} {}`), contentType: "application/json"}, 400, "invalid"},
		{"json not json", call{method: "POST", target: "/api/v1/extract", body: strings.NewReader(`{"text":`), contentType: "application/json"}, 400, "invalid"},
		{"json id", call{method: "POST", target: "/api/v1/extract", body: strings.NewReader(`{"id":3}`), contentType: "application/json"}, 400, "invalid"},
		{"form", call{method: "POST", target: "/api/v1/extract", body: strings.NewReader("text=x"), contentType: "application/x-www-form-urlencoded"}, 415, "unsupported_media_type"},
		{"broken multipart", call{method: "POST", target: "/api/v1/extract", body: strings.NewReader("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc"), contentType: "multipart/form-data; boundary=x"}, 400, "invalid"},
		{"unknown field", call{method: "POST", target: "/api/v1/extract", body: func() io.Reader { b, _ := multipartBody(t, part{"files", "", "x"}); return b }(), contentType: ""}, 0, ""},
		{"GET", call{method: "GET", target: "/api/v1/extract"}, 405, "method_not_allowed"},
	} {
		c := tt.c
		if c.contentType == "" && c.body != nil {
			// A multipart body made above: its boundary.
			b := c.body.(*bytes.Buffer)
			c.contentType = "multipart/form-data; boundary=" + boundaryOf(b.Bytes())
			tt.status, tt.code = 400, "invalid"
		}
		if tt.code == "method_not_allowed" {
			r := newRequest(c.method, c.target, nil)
			w := serve(s, r)
			want(t, tt.name, w, tt.status, tt.code)
			continue
		}
		want(t, tt.name, apiDo(t, s, c), tt.status, tt.code)
	}
	want(t, "too large", bigDeclared(t, s, "POST", "/api/v1/extract", "text/plain", apiUploadLimit+1), 413, "too_large")
}

// sameJSON reports whether body is what the command line writes of v
// (output.WriteJSON), without the indentation.
func sameJSON(t *testing.T, body []byte, v any) bool {
	t.Helper()
	var cli, compact bytes.Buffer
	if err := output.WriteJSON(&cli, v); err != nil {
		t.Fatal(err)
	}
	if err := json.Compact(&compact, cli.Bytes()); err != nil {
		t.Fatal(err)
	}
	return bytes.Equal(bytes.TrimSpace(body), compact.Bytes())
}

// boundaryOf returns the boundary of a multipart body made by
// multipartBody.
func boundaryOf(b []byte) string {
	line, _, _ := bytes.Cut(b, []byte("\r\n"))
	return strings.TrimPrefix(string(line), "--")
}

// Ensure check gives the findings as check --format json does, filtered
// by level, for one file or a batch with a bad file, and refuses a bad
// level, a file over the reader's limit and a body over the route's.
func TestAPICheck(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	text := exampleText(t, "qinghe-2024h1.txt")
	w := apiDo(t, s, call{method: "POST", target: "/api/v1/check?name=q.txt", body: strings.NewReader(text), contentType: "text/plain"})
	want(t, "raw", w, 200, "")
	var all checkResponse
	decode(t, w, &all)
	if len(all.Files) != 1 || all.Files[0].Path != "q.txt" || len(all.Files[0].Diagnostics) == 0 || all.Files[0].Chars == 0 {
		t.Fatalf("raw: %+v", all)
	}
	c, err := s.app.Check(context.Background(), app.Input{Name: "q.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	res := output.CheckResult{Files: []output.CheckFile{{Path: "q.txt", Chars: c.File.Chars(), Diagnostics: c.Diagnostics}}}
	if !sameJSON(t, w.Body.Bytes(), res) {
		t.Errorf("raw: the body differs from check --format json")
	}
	var exact bytes.Buffer
	if err := output.WriteCompactJSON(&exact, res); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.Body.Bytes(), exact.Bytes()) {
		t.Errorf("raw: the body is not the bytes of output.WriteCompactJSON")
	}

	w = apiDo(t, s, call{method: "POST", target: "/api/v1/check?level=error", body: jsonBody(map[string]string{"name": "q.txt", "text": text}), contentType: "application/json"})
	want(t, "level=error", w, 200, "")
	var errs checkResponse
	decode(t, w, &errs)
	if n := len(errs.Files[0].Diagnostics); n == 0 || n >= len(all.Files[0].Diagnostics) {
		t.Errorf("level=error: %d findings of %d", n, len(all.Files[0].Diagnostics))
	}
	for _, d := range errs.Files[0].Diagnostics {
		if d.Severity.String() != "error" {
			t.Errorf("level=error: %s %s", d.Rule, d.Severity)
		}
	}

	body, ct := multipartBody(t, part{"file", "q.txt", text}, part{"file", "empty.docx", ""})
	w = apiDo(t, s, call{method: "POST", target: "/api/v1/check", body: body, contentType: ct})
	want(t, "batch", w, 200, "")
	var batch checkResponse
	decode(t, w, &batch)
	if len(batch.Files) != 1 || len(batch.Errors) != 1 || batch.Errors[0].Path != "empty.docx" {
		t.Errorf("batch: %+v", batch.Errors)
	}

	want(t, "bad level", apiDo(t, s, call{method: "POST", target: "/api/v1/check?level=fatal", body: strings.NewReader(text), contentType: "text/plain"}), 400, "invalid")
	huge := bytes.Repeat([]byte("字"), reader.MaxSize/3+1)
	want(t, "file over the reader's limit", apiDo(t, s, call{method: "POST", target: "/api/v1/check", body: bytes.NewReader(huge), contentType: "text/plain"}), 413, "too_large")
	want(t, "body over the route's limit", bigDeclared(t, s, "POST", "/api/v1/check", "text/plain", apiUploadLimit+1), 413, "too_large")
}

// Ensure compare takes two stored reports (GET), two files (JSON or
// multipart) or one of each, and refuses a report against itself, a
// missing side, an unknown report, a bad ID.
func TestAPICompare(t *testing.T) {
	s, ids := newAPIServer(t)
	a, b := ids["shiqiao-2024.txt"], ids["shiqiao-2025.txt"]
	w := apiDo(t, s, call{method: "GET", target: fmt.Sprintf("/api/v1/compare?a=%d&b=%d", a, b)})
	want(t, "stored", w, 200, "")
	var cmp app.Comparison
	decode(t, w, &cmp)
	if cmp.A.Path != fmt.Sprint("#", a) || len(cmp.Passages) == 0 || cmp.A.Reuse == 0 {
		t.Errorf("stored: %+v", cmp.A)
	}
	text := exampleText(t, "shiqiao-2024.txt")
	w = apiDo(t, s, call{method: "POST", target: "/api/v1/compare", body: jsonBody(map[string]any{"a": map[string]any{"name": "x.txt", "text": exampleDecoded(t, "shiqiao-2024.txt")}, "b": map[string]any{"id": b}}), contentType: "application/json"})
	want(t, "json", w, 200, "")
	decode(t, w, &cmp)
	if cmp.A.Path != "x.txt" || len(cmp.Passages) == 0 {
		t.Errorf("json: %+v", cmp.A)
	}
	body, ct := multipartBody(t, part{"a", "x.txt", text}, part{"b", "", fmt.Sprint(b)})
	want(t, "multipart", apiDo(t, s, call{method: "POST", target: "/api/v1/compare", body: body, contentType: ct}), 200, "")

	for _, tt := range []struct {
		name   string
		c      call
		status int
		code   string
	}{
		{"itself", call{method: "GET", target: fmt.Sprintf("/api/v1/compare?a=%d&b=%d", a, a)}, 200, ""},
		{"unknown", call{method: "GET", target: fmt.Sprintf("/api/v1/compare?a=%d&b=999", a)}, 404, "not_found"},
		{"bad id", call{method: "GET", target: "/api/v1/compare?a=x&b=1"}, 400, "invalid"},
		{"no b", call{method: "POST", target: "/api/v1/compare", body: jsonBody(map[string]any{"a": map[string]any{"id": a}}), contentType: "application/json"}, 400, "invalid"},
		{"old for a", call{method: "POST", target: "/api/v1/compare", body: jsonBody(map[string]any{"old": map[string]any{"id": a}, "new": map[string]any{"id": b}}), contentType: "application/json"}, 400, "invalid"},
		{"id and text", call{method: "POST", target: "/api/v1/compare", body: jsonBody(map[string]any{"a": map[string]any{"id": a, "text": "x"}, "b": map[string]any{"id": b}}), contentType: "application/json"}, 400, "invalid"},
		{"text", call{method: "POST", target: "/api/v1/compare", body: strings.NewReader("x"), contentType: "text/plain"}, 415, "unsupported_media_type"},
	} {
		want(t, tt.name, apiDo(t, s, tt.c), tt.status, tt.code)
	}
	want(t, "too large", bigDeclared(t, s, "POST", "/api/v1/compare", "application/json", 2*apiFileLimit+1), 413, "too_large")
}

// Ensure similar finds the other report of the unit for an uploaded file
// and for a stored report, and refuses a bad top and an unknown report.
func TestAPISimilar(t *testing.T) {
	s, ids := newAPIServer(t)
	w := apiDo(t, s, call{method: "POST", target: "/api/v1/similar?name=new.txt&top=2", body: strings.NewReader(exampleText(t, "shiqiao-2025.txt") + "\n新增一段文字。\n"), contentType: "text/plain"})
	want(t, "file", w, 200, "")
	var one struct {
		Path    string      `json:"path"`
		Similar []app.Match `json:"similar"`
	}
	decode(t, w, &one)
	if one.Path != "new.txt" || len(one.Similar) == 0 || len(one.Similar) > 2 {
		t.Errorf("file: %+v", one)
	}
	w = apiDo(t, s, call{method: "GET", target: fmt.Sprintf("/api/v1/reports/%d/similar", ids["shiqiao-2025.txt"])})
	want(t, "stored", w, 200, "")
	decode(t, w, &one)
	if len(one.Similar) == 0 || one.Similar[0].Report.ID != ids["shiqiao-2024.txt"] {
		t.Errorf("stored: %+v", one.Similar)
	}
	want(t, "top=0", apiDo(t, s, call{method: "GET", target: fmt.Sprintf("/api/v1/reports/%d/similar?top=0", ids["shiqiao-2025.txt"])}), 400, "invalid")
	want(t, "unknown", apiDo(t, s, call{method: "GET", target: "/api/v1/reports/999/similar"}), 404, "not_found")
	want(t, "bad id", apiDo(t, s, call{method: "GET", target: "/api/v1/reports/-1/similar"}), 400, "invalid")
	want(t, "too large", bigDeclared(t, s, "POST", "/api/v1/similar", "text/plain", apiFileLimit+1), 413, "too_large")
}

// Ensure families lists the families as families --format json does, and
// refuses a negative top.
func TestAPIFamilies(t *testing.T) {
	s, _ := newAPIServer(t)
	w := apiDo(t, s, call{method: "GET", target: "/api/v1/families"})
	want(t, "all", w, 200, "")
	var fl struct {
		Families []app.Family `json:"families"`
	}
	decode(t, w, &fl)
	if len(fl.Families) == 0 || len(fl.Families[0].Members) < 2 {
		t.Errorf("families: %+v", fl)
	}
	var cli bytes.Buffer
	fw := output.NewFamiliesWriter(&cli)
	s.app.Families(context.Background(), 0, func(f app.Family) error { return fw.Write(f) })
	fw.Close()
	if cli.String() != w.Body.String() {
		t.Errorf("the body differs from families --format json")
	}
	if !json.Valid(w.Body.Bytes()) {
		t.Errorf("families: not JSON")
	}
	want(t, "top=-1", apiDo(t, s, call{method: "GET", target: "/api/v1/families?top=-1"}), 400, "invalid")
	// An empty store: an empty list.
	w = apiDo(t, newTestServer(t, nil, Options{}), call{method: "GET", target: "/api/v1/families"})
	want(t, "empty store", w, 200, "")
	decode(t, w, &fl)
	if len(fl.Families) != 0 {
		t.Errorf("empty store: %d families", len(fl.Families))
	}
}

// Ensure search finds a phrase of the examples with its highlights and
// filters, and refuses a query of punctuation, a bad kind, level, year
// or limit.
func TestAPISearch(t *testing.T) {
	s, _ := newAPIServer(t)
	w := apiDo(t, s, call{method: "GET", target: "/api/v1/search?q=" + url.QueryEscape("垃圾分类") + "&limit=3"})
	want(t, "search", w, 200, "")
	var res app.SearchResult
	decode(t, w, &res)
	if len(res.Hits) == 0 || len(res.Hits) > 3 || len(res.Hits[0].Highlights) == 0 {
		t.Errorf("search: %+v", res)
	}
	w = apiDo(t, s, call{method: "GET", target: "/api/v1/search?q=" + url.QueryEscape("垃圾分类") + "&unit=" + url.QueryEscape("没有这个镇")})
	want(t, "other unit", w, 200, "")
	decode(t, w, &res)
	if len(res.Hits) != 0 {
		t.Errorf("other unit: %d hits", len(res.Hits))
	}
	for _, q := range []string{"q=" + url.QueryEscape("，"), "q=x&kind=abc", "q=x&level=planet", "q=x&year=20", "q=x&limit=0", "q=x&genre=poem", "q=x&unit="} {
		want(t, q, apiDo(t, s, call{method: "GET", target: "/api/v1/search?" + q}), 400, "invalid")
	}
}

// Ensure track rates a unit's stored reports, two stored reports and two
// files, and refuses a report against itself, a unit without two
// reports, a request with neither.
func TestAPITrack(t *testing.T) {
	s, ids := newAPIServer(t)
	w := apiDo(t, s, call{method: "GET", target: "/api/v1/track?unit=" + url.QueryEscape("石桥镇")})
	want(t, "unit", w, 200, "")
	var ut app.UnitTracked
	decode(t, w, &ut)
	if ut.Unit != "石桥镇" || len(ut.Pairs) != 1 || len(ut.Pairs[0].Targets) == 0 {
		t.Errorf("unit: %+v", ut)
	}
	old, cur := ids["shiqiao-2024.txt"], ids["shiqiao-2025.txt"]
	w = apiDo(t, s, call{method: "GET", target: fmt.Sprintf("/api/v1/track?old=%d&new=%d", old, cur)})
	want(t, "stored", w, 200, "")
	var tr app.Tracked
	decode(t, w, &tr)
	if len(tr.Targets) == 0 || tr.Summary["met"] == 0 {
		t.Errorf("stored: %+v", tr.Summary)
	}
	w = apiDo(t, s, call{method: "POST", target: "/api/v1/track", body: jsonBody(map[string]any{
		"old": map[string]any{"name": "a.txt", "text": exampleDecoded(t, "shiqiao-2024.txt")},
		"new": map[string]any{"name": "b.txt", "text": exampleText(t, "shiqiao-2025.txt"), "period": "2025"}}), contentType: "application/json"})
	want(t, "files", w, 200, "")
	decode(t, w, &tr)
	if tr.Old != "a.txt" || len(tr.Targets) == 0 {
		t.Errorf("files: %+v", tr)
	}
	body, ct := multipartBody(t, part{"old", "", fmt.Sprint(old)}, part{"new", "b.txt", exampleText(t, "shiqiao-2025.txt")}, part{"new_unit", "", "石桥镇"})
	want(t, "multipart", apiDo(t, s, call{method: "POST", target: "/api/v1/track", body: body, contentType: ct}), 200, "")

	for _, tt := range []struct {
		name   string
		c      call
		status int
		code   string
	}{
		{"itself", call{method: "GET", target: fmt.Sprintf("/api/v1/track?old=%d&new=%d", old, old)}, 409, "conflict"},
		{"later first", call{method: "GET", target: fmt.Sprintf("/api/v1/track?old=%d&new=%d", cur, old)}, 400, "invalid"},
		{"one report", call{method: "GET", target: "/api/v1/track?unit=" + url.QueryEscape("六合镇")}, 404, "not_found"},
		{"nothing", call{method: "GET", target: "/api/v1/track"}, 400, "invalid"},
		{"unit and ids", call{method: "GET", target: fmt.Sprintf("/api/v1/track?unit=x&old=%d", old)}, 400, "invalid"},
		{"unknown", call{method: "GET", target: fmt.Sprintf("/api/v1/track?old=%d&new=999", old)}, 404, "not_found"},
		{"a for old", call{method: "POST", target: "/api/v1/track", body: jsonBody(map[string]any{"a": map[string]any{"id": old}, "b": map[string]any{"id": cur}}), contentType: "application/json"}, 400, "invalid"},
	} {
		want(t, tt.name, apiDo(t, s, tt.c), tt.status, tt.code)
	}
	want(t, "too large", bigDeclared(t, s, "POST", "/api/v1/track", "application/json", 2*apiFileLimit+1), 413, "too_large")
}

// Ensure series lists a unit's indicators over its stored reports, over
// stored reports named by ID and over uploaded files, and refuses a
// request naming none, or both a unit and IDs, or an unknown unit.
func TestAPISeries(t *testing.T) {
	s, ids := newAPIServer(t)
	w := apiDo(t, s, call{method: "GET", target: "/api/v1/series?unit=" + url.QueryEscape("石桥镇")})
	want(t, "unit", w, 200, "")
	var sr app.SeriesResult
	decode(t, w, &sr)
	if sr.Unit != "石桥镇" || len(sr.Series) == 0 {
		t.Errorf("unit: %+v", sr)
	}
	w = apiDo(t, s, call{method: "GET", target: fmt.Sprintf("/api/v1/series?id=%d&id=%d&all=true", ids["shiqiao-2025.txt"], ids["shiqiao-2024.txt"])})
	want(t, "ids", w, 200, "")
	body, ct := multipartBody(t, part{"file", "b.txt", exampleText(t, "shiqiao-2025.txt")}, part{"file", "a.txt", exampleText(t, "shiqiao-2024.txt")})
	w = apiDo(t, s, call{method: "POST", target: "/api/v1/series", body: body, contentType: ct})
	want(t, "files", w, 200, "")
	decode(t, w, &sr)
	if len(sr.Series) == 0 || sr.Series[0].Points[0].Report != "a.txt" {
		t.Errorf("files: %+v", sr.Series)
	}
	for _, q := range []string{"", "unit=x&id=1", "id=x", "unit=x&all=maybe"} {
		want(t, q, apiDo(t, s, call{method: "GET", target: "/api/v1/series?" + q}), 400, "invalid")
	}
	want(t, "unknown unit", apiDo(t, s, call{method: "GET", target: "/api/v1/series?unit=" + url.QueryEscape("没有这个镇")}), 404, "not_found")
	want(t, "unknown id", apiDo(t, s, call{method: "GET", target: "/api/v1/series?id=999"}), 404, "not_found")
	want(t, "too large", bigDeclared(t, s, "POST", "/api/v1/series", "text/plain", apiUploadLimit+1), 413, "too_large")
}

// Ensure the stored reports can be listed (with filters), shown, their
// versions listed, shown, compared and restored, and removed; unknown
// reports and versions are not found, bad IDs invalid.
func TestAPIReports(t *testing.T) {
	s, ids := newAPIServer(t)
	w := apiDo(t, s, call{method: "GET", target: "/api/v1/reports"})
	want(t, "list", w, 200, "")
	var list app.ReportList
	decode(t, w, &list)
	if len(list.Reports) != len(app.Examples()) {
		t.Errorf("list: %d reports", len(list.Reports))
	}
	w = apiDo(t, s, call{method: "GET", target: "/api/v1/reports?unit=" + url.QueryEscape("石桥镇") + "&year=2026&level=镇&genre=summary%2Bplan"})
	want(t, "filtered", w, 200, "")
	decode(t, w, &list)
	if len(list.Reports) != 1 || list.Reports[0].ID != ids["shiqiao-2025.txt"] {
		t.Errorf("filtered: %+v", list.Reports)
	}
	id := ids["qinghe-2024.txt"]
	w = apiDo(t, s, call{method: "GET", target: fmt.Sprintf("/api/v1/reports/%d", id)})
	want(t, "show", w, 200, "")
	var shown app.Shown
	decode(t, w, &shown)
	if shown.Report.ID != id || shown.Paragraphs == 0 || len(shown.Data) == 0 {
		t.Errorf("show: %+v", shown.Report)
	}

	// A second version: the example edited, added again under its name.
	ctx := context.Background()
	edited := strings.Replace(exampleText(t, "qinghe-2024.txt"), "。", "。新增的一句话。", 1)
	if _, err := s.app.Add(ctx, app.AddRequest{Inputs: []app.Input{{Name: shown.Report.Path, Data: []byte(edited)}}}); err != nil {
		t.Fatal(err)
	}
	w = apiDo(t, s, call{method: "GET", target: fmt.Sprintf("/api/v1/reports/%d/versions", id)})
	want(t, "versions", w, 200, "")
	var vl app.VersionList
	decode(t, w, &vl)
	if len(vl.Versions) != 2 || !vl.Versions[1].Current {
		t.Fatalf("versions: %+v", vl)
	}
	want(t, "version 1", apiDo(t, s, call{method: "GET", target: fmt.Sprintf("/api/v1/reports/%d/versions/1", id)}), 200, "")
	w = apiDo(t, s, call{method: "GET", target: fmt.Sprintf("/api/v1/reports/%d/diff?a=1", id)})
	want(t, "diff", w, 200, "")
	var d app.VersionDiffJSON
	decode(t, w, &d)
	ops := map[string]int{}
	for _, l := range d.Lines {
		ops[l.Op]++
	}
	if d.A.Version != 1 || d.B.Version != 2 || d.Same || ops["delete"] != 1 || ops["insert"] != 1 || ops["equal"] == 0 {
		t.Errorf("diff: a %d b %d same %v ops %v", d.A.Version, d.B.Version, d.Same, ops)
	}
	w = apiDo(t, s, call{method: "POST", target: fmt.Sprintf("/api/v1/reports/%d/versions/1/restore", id)})
	want(t, "restore", w, 200, "")
	var v app.Summary
	decode(t, w, &v)
	if v.Version != 3 || v.ID != id {
		t.Errorf("restore: %+v", v)
	}
	for _, tt := range []struct {
		name   string
		c      call
		status int
		code   string
	}{
		{"restore the current", call{method: "POST", target: fmt.Sprintf("/api/v1/reports/%d/versions/3/restore", id)}, 409, "conflict"},
		{"restore unknown version", call{method: "POST", target: fmt.Sprintf("/api/v1/reports/%d/versions/9/restore", id)}, 404, "not_found"},
		{"show unknown", call{method: "GET", target: "/api/v1/reports/999"}, 404, "not_found"},
		{"show unknown version", call{method: "GET", target: fmt.Sprintf("/api/v1/reports/%d/versions/9", id)}, 404, "not_found"},
		{"show bad id", call{method: "GET", target: "/api/v1/reports/abc"}, 400, "invalid"},
		{"show bad version", call{method: "GET", target: fmt.Sprintf("/api/v1/reports/%d/versions/0", id)}, 400, "invalid"},
		{"versions unknown", call{method: "GET", target: "/api/v1/reports/999/versions"}, 404, "not_found"},
		{"diff without a", call{method: "GET", target: fmt.Sprintf("/api/v1/reports/%d/diff", id)}, 400, "invalid"},
		{"diff unknown version", call{method: "GET", target: fmt.Sprintf("/api/v1/reports/%d/diff?a=1&b=7", id)}, 404, "not_found"},
		{"list bad year", call{method: "GET", target: "/api/v1/reports?year=abc"}, 400, "invalid"},
		{"remove unknown", call{method: "DELETE", target: "/api/v1/reports/999"}, 404, "not_found"},
		{"remove bad id", call{method: "DELETE", target: "/api/v1/reports/0"}, 400, "invalid"},
		{"no route", call{method: "GET", target: "/api/v1/nothing"}, 404, "not_found"},
	} {
		want(t, tt.name, apiDo(t, s, tt.c), tt.status, tt.code)
	}
	w = apiDo(t, s, call{method: "DELETE", target: fmt.Sprintf("/api/v1/reports/%d", id)})
	want(t, "remove", w, 204, "")
	want(t, "removed", apiDo(t, s, call{method: "GET", target: fmt.Sprintf("/api/v1/reports/%d", id)}), 404, "not_found")
}

// Ensure a program needs no CSRF token for the API, but a state-changing
// request a cross-origin page could send is refused: a form or text
// without the X-Zongjie-API header, any request from another origin, and
// a request with the cookie of a browser session and no token.
func TestAPICSRF(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	text := "某镇2024年工作总结\n全年完成投资5亿元。\n"
	send := func(ct string, header map[string]string, cookie bool) *httptest.ResponseRecorder {
		r := newRequest("POST", "/api/v1/check", strings.NewReader(text))
		r.Header.Set("Content-Type", ct)
		for k, v := range header {
			r.Header.Set(k, v)
		}
		if cookie {
			r.AddCookie(&http.Cookie{Name: csrfCookie, Value: strings.Repeat("a", 43)})
		}
		w := serve(s, r)
		validateResponse(t, s, r, w)
		return w
	}
	for _, tt := range []struct {
		name   string
		ct     string
		header map[string]string
		cookie bool
		status int
	}{
		{"json", "application/json", nil, false, 400}, // passes the check; the text is no JSON object
		{"markdown", "text/markdown", nil, false, 200},
		{"text/plain", "text/plain", nil, false, 403},
		{"text/plain with the header", "text/plain", map[string]string{apiHeader: "1"}, false, 200},
		{"form", "multipart/form-data; boundary=x", nil, false, 403},
		{"no type", "", nil, false, 403},
		{"cross-site json", "application/json", map[string]string{"Sec-Fetch-Site": "cross-site"}, false, 403},
		{"cross-origin header", "text/plain", map[string]string{apiHeader: "1", "Origin": "http://evil.example"}, false, 403},
		{"same-origin browser without token", "application/json", map[string]string{"Sec-Fetch-Site": "same-origin"}, true, 403},
		{"same-origin browser with token", "text/markdown", map[string]string{"Sec-Fetch-Site": "same-origin", csrfHeader: strings.Repeat("a", 43)}, true, 200},
	} {
		w := send(tt.ct, tt.header, tt.cookie)
		if w.Code != tt.status {
			t.Errorf("%s: status %d, want %d: %.300s", tt.name, w.Code, tt.status, w.Body)
		}
		if tt.status == 403 && !strings.Contains(w.Body.String(), `"forbidden"`) {
			t.Errorf("%s: %s", tt.name, w.Body)
		}
	}
}

// Ensure an upload stores each file of a multipart batch (a folder's
// path kept), says of each whether its reports are new, a new version or
// stored already with their findings counted, lists a bad file with its
// reason without stopping the others, applies a stated unit, and refuses
// an upload with no file or over the limit.
func TestAPIUpload(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	text := exampleText(t, "qinghe-2024h1.txt")
	body, ct := multipartBody(t, part{"file", "区/qinghe.txt", text}, part{"file", "bad.docx", "PK\x03\x04 not a zip"}, part{"file", "shiqiao.txt", exampleText(t, "shiqiao-2024.txt")})
	w := apiDo(t, s, call{method: "POST", target: "/api/v1/reports", body: body, contentType: ct})
	want(t, "batch", w, 200, "")
	var res app.UploadResult
	decode(t, w, &res)
	if len(res.Files) != 3 {
		t.Fatalf("batch: %+v", res)
	}
	q, bad, sq := res.Files[0], res.Files[1], res.Files[2]
	if q.Path != "区/qinghe.txt" || len(q.Reports) != 1 || q.Reports[0].Status != "new" || q.Reports[0].Findings.Errors == 0 || q.Error != nil {
		t.Errorf("qinghe: %+v", q)
	}
	if bad.Error == nil || bad.Error.Code != "unreadable" || !strings.Contains(bad.Error.Message, "bad.docx") || len(bad.Reports) != 0 {
		t.Errorf("bad: %+v", bad)
	}
	if len(sq.Reports) != 1 || sq.Reports[0].Status != "new" || sq.Reports[0].Report.Unit != "石桥镇" {
		t.Errorf("shiqiao: %+v", sq)
	}
	// Again, the same text: stored already; edited: a new version.
	w = apiDo(t, s, call{method: "POST", target: "/api/v1/reports?name=" + url.QueryEscape("区/qinghe.txt"), body: strings.NewReader(text), contentType: "text/plain"})
	decode(t, w, &res)
	if res.Files[0].Reports[0].Status != "stored" || res.Files[0].Reports[0].Report.ID != q.Reports[0].Report.ID {
		t.Errorf("again: %+v", res.Files[0])
	}
	w = apiDo(t, s, call{method: "POST", target: "/api/v1/reports?name=" + url.QueryEscape("区/qinghe.txt"), body: strings.NewReader(text + "\n新增一句。\n"), contentType: "text/plain"})
	decode(t, w, &res)
	if r := res.Files[0].Reports[0]; r.Status != "version" || r.Report.ID != q.Reports[0].Report.ID || r.Report.Version != 2 {
		t.Errorf("edited: %+v", res.Files[0])
	}
	// A unit stated for the file.
	w = apiDo(t, s, call{method: "POST", target: "/api/v1/reports", body: jsonBody(map[string]string{"name": "粘贴.txt", "text": "2024年工作总结\n全年完成投资5亿元。\n", "unit": "柳河乡", "period": "2024"}), contentType: "application/json"})
	want(t, "json", w, 200, "")
	decode(t, w, &res)
	if r := res.Files[0].Reports; len(r) != 1 || r[0].Report.Unit != "柳河乡" || r[0].Report.Period != "FY" {
		t.Errorf("stated: %+v", res.Files[0])
	}
	// One bad file alone: its entry, not an error of the request.
	w = apiDo(t, s, call{method: "POST", target: "/api/v1/reports?name=x.docx", body: strings.NewReader("PK\x03\x04"), contentType: "application/octet-stream"})
	want(t, "one bad file", w, 200, "")
	decode(t, w, &res)
	if len(res.Files) != 1 || res.Files[0].Error == nil {
		t.Errorf("one bad file: %+v", res.Files)
	}
	noFile, ct := multipartBody(t, part{"unit", "", "x"})
	want(t, "no file", apiDo(t, s, call{method: "POST", target: "/api/v1/reports", body: noFile, contentType: ct}), 400, "invalid")
	want(t, "bad period", apiDo(t, s, call{method: "POST", target: "/api/v1/reports?period=x", body: strings.NewReader(text), contentType: "text/plain"}), 400, "invalid")
	// A stated unit that is not text (found by FuzzAPI: it reached the
	// store, a 500), in the query and in a form's field.
	want(t, "unit not UTF-8", apiDo(t, s, call{method: "POST", target: "/api/v1/reports?unit=%80", body: strings.NewReader(text), contentType: "text/plain"}), 400, "invalid")
	badUnit, ct := multipartBody(t, part{"file", "a.txt", text}, part{"unit", "", "青禾\x80"})
	want(t, "form unit not UTF-8", apiDo(t, s, call{method: "POST", target: "/api/v1/reports", body: badUnit, contentType: ct}), 400, "invalid")
	want(t, "too large", bigDeclared(t, s, "POST", "/api/v1/reports", "text/plain", apiUploadLimit+1), 413, "too_large")
}

// Ensure a metadata edit stores the report with the stated unit and
// period as a new version, keeps the earlier one, and refuses a body
// that is not JSON, states nothing, or states a bad period; an unknown
// report is not found.
func TestAPISetMeta(t *testing.T) {
	s, ids := newAPIServer(t)
	id := ids["qinghe-2024.txt"]
	w := apiDo(t, s, call{method: "PATCH", target: fmt.Sprintf("/api/v1/reports/%d", id), body: strings.NewReader(`{"unit":"青禾街道办事处","period":"2024H1"}`), contentType: "application/json"})
	want(t, "edit", w, 200, "")
	var v app.Summary
	decode(t, w, &v)
	if v.ID != id || v.Version != 2 || v.Unit != "青禾街道办事处" || v.Period != "H1" || !strings.Contains(v.Note, "单位") {
		t.Errorf("edit: %+v", v)
	}
	w = apiDo(t, s, call{method: "GET", target: fmt.Sprintf("/api/v1/reports/%d/versions", id)})
	var vl app.VersionList
	decode(t, w, &vl)
	if len(vl.Versions) != 2 || vl.Versions[0].Unit == "青禾街道办事处" {
		t.Errorf("versions: %+v", vl.Versions)
	}
	for _, tt := range []struct {
		name, body, ct string
		status         int
		code           string
	}{
		{"same again", `{"unit":"青禾街道办事处","period":"2024H1"}`, "application/json", 409, "conflict"},
		{"nothing", `{}`, "application/json", 400, "invalid"},
		{"bad period", `{"period":"下个月"}`, "application/json", 400, "invalid"},
		{"unit on two lines", `{"unit":"青禾\n街道"}`, "application/json", 400, "invalid"},
		{"unknown field", `{"units":"x"}`, "application/json", 400, "invalid"},
		{"form", `unit=x`, "application/x-www-form-urlencoded", 415, "unsupported_media_type"},
	} {
		want(t, tt.name, apiDo(t, s, call{method: "PATCH", target: fmt.Sprintf("/api/v1/reports/%d", id), body: strings.NewReader(tt.body), contentType: tt.ct}), tt.status, tt.code)
	}
	want(t, "unknown", apiDo(t, s, call{method: "PATCH", target: "/api/v1/reports/999", body: strings.NewReader(`{"unit":"x"}`), contentType: "application/json"}), 404, "not_found")
	want(t, "too large", bigDeclared(t, s, "PATCH", fmt.Sprintf("/api/v1/reports/%d", id), "application/json", DefaultBodyLimit+1), 413, "too_large")
}
