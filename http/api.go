package http

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"zongjie"
	"zongjie/app"
	"zongjie/check"
	"zongjie/extract"
	"zongjie/output"
	"zongjie/reader"
	"zongjie/store"
)

// The JSON API, /api/v1/…: the operations of the command line for
// programs, with its JSON contracts (docs/json.md), encoded by the same
// encoder (output.WriteCompactJSON: WriteJSON without the indentation). docs/api.md describes the routes, the
// request forms and the errors; openapi.json, served at
// /api/v1/openapi.json, is the same as an OpenAPI 3.1 document, and the
// tests validate every response against it.

// Limits of API requests.
const (
	// apiFileLimit is the body of a request that carries one file: the
	// reader's own limit and room for a multipart form's framing.
	apiFileLimit = reader.MaxSize + 1<<20
	// apiUploadLimit is the body of an upload of many files.
	apiUploadLimit = 128 << 20
	// apiMaxFiles is the number of files one request may carry.
	apiMaxFiles = 500
	// apiMaxName is the longest file name accepted, in characters.
	apiMaxName = 255
)

// codeMediaType is the failure of a request whose body is in a form the
// route does not take (415).
const codeMediaType app.Code = "unsupported_media_type"

//go:embed openapi.json
var openAPIDocument []byte

// registerAPIRoutes serves the JSON API.
func (s *Server) registerAPIRoutes() {
	s.apiHandle("GET /api/v1/openapi.json", s.apiOpenAPI)
	s.apiHandle("POST /api/v1/extract", s.apiExtract, bodyLimit(apiUploadLimit), analysis())
	s.apiHandle("POST /api/v1/check", s.apiCheck, bodyLimit(apiUploadLimit), analysis())
	s.apiHandle("GET /api/v1/compare", s.apiCompareStored, analysis())
	s.apiHandle("POST /api/v1/compare", s.apiCompare, bodyLimit(2*apiFileLimit), analysis())
	s.apiHandle("POST /api/v1/similar", s.apiSimilar, bodyLimit(apiFileLimit), analysis())
	s.apiHandle("GET /api/v1/families", s.apiFamilies, analysis())
	s.apiHandle("GET /api/v1/search", s.apiSearch)
	s.apiHandle("GET /api/v1/track", s.apiTrackStored, analysis())
	s.apiHandle("POST /api/v1/track", s.apiTrack, bodyLimit(2*apiFileLimit), analysis())
	s.apiHandle("GET /api/v1/series", s.apiSeriesStored, analysis())
	s.apiHandle("POST /api/v1/series", s.apiSeries, bodyLimit(apiUploadLimit), analysis())
	s.apiHandle("POST /api/v1/draft", s.apiDraft, bodyLimit(3*apiFileLimit), analysis())
	s.registerAPIReportRoutes()
}

// apiHandle registers an API route (see handle) whose query parameters
// must be text: a value that is not UTF-8 is invalid, never passed on to
// an operation or the store.
func (s *Server) apiHandle(pattern string, h handlerFunc, opts ...routeOption) {
	s.handle(pattern, func(w http.ResponseWriter, r *http.Request) error {
		for k, vs := range r.URL.Query() {
			for _, v := range vs {
				if !utf8.ValidString(k) || !utf8.ValidString(v) {
					return app.Errorf(app.Invalid, "参数 %q 不是有效的 UTF-8 文字", strings.ToValidUTF8(k, "\uFFFD"))
				}
			}
		}
		return h(w, r)
	}, opts...)
}

// apiOpenAPI serves the OpenAPI document of the API.
func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err := w.Write(openAPIDocument)
	return err
}

// bufferPool holds the buffers responses are encoded into, so that a
// busy server does not allocate one per request.
var bufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// writeJSON writes v as the response with status: encoded whole first
// (output.WriteCompactJSON: the command line's JSON without its
// indentation), so that a failure to encode is an error response rather
// than half a body.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	buf := bufferPool.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= 4<<20 {
			buf.Reset()
			bufferPool.Put(buf)
		}
	}()
	buf.Reset()
	encoded := false
	if a, ok := v.(jsonAppender); ok {
		var b []byte
		if b, encoded = a.appendJSON(buf.AvailableBuffer()); encoded {
			buf.Write(b)
		}
	}
	if !encoded {
		if err := output.WriteCompactJSON(buf, v); err != nil {
			return err
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

// jsonAppender is a response that can encode itself to the bytes
// output.WriteCompactJSON writes, faster: appendJSON appends them to b,
// or reports false to have encoding/json do it.
type jsonAppender interface {
	appendJSON(b []byte) ([]byte, bool)
}

// fileError is a file of a request that could not be read: the errors
// of a batch, which do not stop the others.
type fileError struct {
	Path    string `json:"path"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// fileErrorOf returns the fileError of err for the file named path.
func fileErrorOf(path string, err error) fileError {
	return fileError{Path: path, Code: string(app.ErrorCode(err)), Message: app.ErrorMessage(err)}
}

// upload is one file of a request, with what the user states about it.
type upload struct {
	in  app.Input
	err error // the file could not be received whole (it fails alone)
}

// fileJSON is a file, or a stored report, in a JSON request body: a
// stored report by its id, or a file's name with its text (pasted text)
// or its bytes (base64: a .docx); with the unit and period the user
// states for it.
type fileJSON struct {
	ID     int64   `json:"id,omitempty"`
	Name   string  `json:"name,omitempty"`
	Text   *string `json:"text,omitempty"`
	Data   []byte  `json:"data,omitempty"`
	Unit   string  `json:"unit,omitempty"`
	Period string  `json:"period,omitempty"`
}

// ref returns the report f names, and what it states.
func (f fileJSON) ref(what string) (app.Ref, extract.Options, error) {
	o, err := stated(f.Unit, f.Period)
	if err != nil {
		return app.Ref{}, o, err
	}
	hasFile := f.Text != nil || f.Data != nil
	switch {
	case f.ID < 0:
		return app.Ref{}, o, app.Errorf(app.Invalid, "%s：报告编号 %d 应为正整数", what, f.ID)
	case f.ID > 0 && (hasFile || f.Name != ""):
		return app.Ref{}, o, app.Errorf(app.Invalid, "%s：报告编号（id）与文件（name、text、data）只能给出一种", what)
	case f.ID > 0:
		return app.Stored(f.ID), o, nil
	case f.Text != nil && f.Data != nil:
		return app.Ref{}, o, app.Errorf(app.Invalid, "%s：text 与 data 只能给出一个", what)
	case !hasFile:
		return app.Ref{}, o, app.Errorf(app.Invalid, "%s：应给出报告编号（id），或文件的 text 或 data", what)
	}
	name := f.Name
	if name == "" {
		name = "report.txt"
	}
	if err := checkName(name); err != nil {
		return app.Ref{}, o, err
	}
	data := f.Data
	if f.Text != nil {
		data = []byte(*f.Text)
	}
	if data == nil {
		data = []byte{}
	}
	return app.File(app.Input{Name: name, Data: data, Stated: o}), o, nil
}

// stated reads the unit and period a user states for a report.
func stated(unit, period string) (extract.Options, error) {
	var o extract.Options
	unit, period = strings.TrimSpace(unit), strings.TrimSpace(period)
	if unit != "" {
		if !utf8.ValidString(unit) || strings.ContainsFunc(unit, unicode.IsControl) || utf8.RuneCountInString(unit) > 64 {
			return o, app.Errorf(app.Invalid, "单位名称应为一行，不超过 64 个字：%q", unit)
		}
		o.Unit = unit
	}
	if period != "" {
		t, err := zongjie.ParseTerm(period)
		if err != nil {
			return o, &app.Error{Code: app.Invalid, Message: err.Error(), Err: err}
		}
		o.Period = &t
	}
	return o, nil
}

// checkName refuses a file name no file has: empty, too long, with
// control characters or invalid UTF-8.
func checkName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return app.Errorf(app.Invalid, "文件名不能为空")
	case !utf8.ValidString(name), strings.ContainsFunc(name, unicode.IsControl):
		return app.Errorf(app.Invalid, "文件名 %q 中有控制字符或无效的编码", name)
	case utf8.RuneCountInString(name) > apiMaxName:
		return app.Errorf(app.Invalid, "文件名超过 %d 个字", apiMaxName)
	}
	return nil
}

// mediaType returns the media type of the request's body, lower case,
// "" when it has none.
func mediaType(r *http.Request) string {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return ""
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return "invalid"
	}
	return mt
}

// decodeJSON reads the request body as one JSON value into v: an object
// with no field v does not know, and nothing after it.
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		if err != nil {
			return jsonError(err)
		}
		return app.Errorf(app.Invalid, "请求体应为一个 JSON 对象，其后不能再有内容")
	}
	return nil
}

// jsonError says why a JSON body could not be read.
func jsonError(err error) error {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return err // too large, not invalid
	}
	if errors.Is(err, io.EOF) {
		return app.Errorf(app.Invalid, "请求体为空，应为一个 JSON 对象")
	}
	return &app.Error{Code: app.Invalid, Message: "请求体不是有效的 JSON 对象（" + err.Error() + "）", Err: err}
}

// needJSON refuses a body that is not JSON, for the routes that take
// only JSON.
func needJSON(r *http.Request) error {
	if mediaType(r) != "application/json" {
		return app.Errorf(codeMediaType, "请求体应为 JSON（Content-Type: application/json），不是 %q", r.Header.Get("Content-Type"))
	}
	return nil
}

// decodeFiles reads the files of a request, in one of three forms:
//
//   - multipart/form-data: each part with a file name is a file (any
//     field name; "file" by convention), at most max of them; the fields
//     unit and period state the unit and period of them all;
//   - application/json: one file as fileJSON (name with text or data);
//   - any other type: the body is the bytes of one file, named by the
//     query parameter name (report.txt, report.md or report.docx by the
//     type when absent).
//
// The query parameters unit and period state the unit and period of
// every file (for multipart and the raw body). A file that cannot be
// received whole has its err set: it fails alone. The request fails when
// it carries no file or more than max.
func decodeFiles(r *http.Request, max int) ([]upload, error) {
	q := r.URL.Query()
	unit, period := q.Get("unit"), q.Get("period")
	var ups []upload
	switch mt := mediaType(r); mt {
	case "multipart/form-data":
		mr, err := r.MultipartReader()
		if err != nil {
			return nil, app.Errorf(app.Invalid, "无法读取 multipart 表单：%v", err)
		}
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, multipartError(err)
			}
			name := uploadName(p)
			if name == "" && p.FileName() == "" && hasFileName(p) {
				continue // the empty part a form sends when no file is chosen
			}
			if name == "" {
				// A field: unit, period (or the CSRF token of a page's form).
				v, err := formValue(p)
				if err != nil {
					return nil, err
				}
				switch p.FormName() {
				case "unit":
					unit = v
				case "period":
					period = v
				case csrfField:
				default:
					return nil, app.Errorf(app.Invalid, "表单中有未知的字段 %q（可用：文件、unit、period）", p.FormName())
				}
				continue
			}
			if len(ups) == max {
				return nil, app.Errorf(app.TooLarge, "一次最多提交 %d 个文件", max)
			}
			up := upload{in: app.Input{Name: name}}
			if err := checkName(name); err != nil {
				up.in.Name = strings.ToValidUTF8(name, "\uFFFD")
				up.err = err
			} else {
				up.in.Data, up.err = reader.Load(name, p)
				var mb *http.MaxBytesError
				if errors.As(up.err, &mb) {
					return nil, mb // the request as a whole is over its limit
				}
			}
			ups = append(ups, up)
		}
	case "application/json":
		var f fileJSON
		if err := decodeJSON(r, &f); err != nil {
			return nil, err
		}
		if f.ID != 0 {
			return nil, app.Errorf(app.Invalid, "此处应提交文件（name 与 text 或 data），不是报告编号")
		}
		ref, _, err := f.ref("文件")
		if err != nil {
			return nil, err
		}
		return []upload{{in: ref.Input}}, nil
	case "application/x-www-form-urlencoded", "invalid":
		return nil, app.Errorf(codeMediaType, "无法从 %q 类型的请求体中读取文件：请用 multipart/form-data、application/json，或直接提交文件内容", r.Header.Get("Content-Type"))
	default:
		name := q.Get("name")
		if name == "" {
			name = defaultName(mt)
		}
		if err := checkName(name); err != nil {
			return nil, err
		}
		data, err := reader.LoadSize(name, r.Body, r.ContentLength)
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return nil, mb
		}
		ups = []upload{{in: app.Input{Name: name, Data: data}, err: err}}
		if data == nil && err == nil {
			ups[0].in.Data = []byte{}
		}
	}
	if len(ups) == 0 {
		return nil, app.Errorf(app.Invalid, "请求中没有文件")
	}
	o, err := stated(unit, period)
	if err != nil {
		return nil, err
	}
	for i := range ups {
		ups[i].in.Stated = o
		if ups[i].in.Data == nil && ups[i].err == nil {
			ups[i].in.Data = []byte{} // an empty file, never a path to read
		}
	}
	return ups, nil
}

// hasFileName reports whether a multipart part is a file: its
// Content-Disposition has a filename, maybe empty.
func hasFileName(p *multipart.Part) bool {
	_, params, err := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
	if err != nil {
		return p.FileName() != ""
	}
	_, ok := params["filename"]
	return ok
}

// defaultName is the name of a file sent as the raw body of a request
// with no name: its extension says the format.
func defaultName(mediaType string) string {
	switch mediaType {
	case "text/markdown", "text/x-markdown":
		return "report.md"
	case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
		return "report.docx"
	}
	return "report.txt"
}

// formValue reads a multipart field's value, a line of text.
func formValue(p *multipart.Part) (string, error) {
	b, err := io.ReadAll(io.LimitReader(p, 1<<10+1))
	if err != nil {
		return "", multipartError(err)
	}
	if len(b) > 1<<10 {
		return "", app.Errorf(app.Invalid, "表单字段 %q 过长", p.FormName())
	}
	if !utf8.Valid(b) {
		return "", app.Errorf(app.Invalid, "表单字段 %q 不是有效的 UTF-8 文字", p.FormName())
	}
	return string(b), nil
}

// multipartError says why a multipart body could not be read.
func multipartError(err error) error {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return mb
	}
	return &app.Error{Code: app.Invalid, Message: "multipart 表单不完整或格式有误", Err: err}
}

// pathID returns the report ID of the path's {id}.
func pathID(r *http.Request) (int64, error) {
	return parseID(r.PathValue("id"), "报告编号")
}

// parseID reads a report's ID.
func parseID(s, what string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || id <= 0 {
		return 0, app.Errorf(app.Invalid, "%q 不是%s（应为正整数）", s, what)
	}
	return id, nil
}

// queryInt reads the integer query parameter name, def when absent, and
// refuses one outside [lo, hi].
func queryInt(r *http.Request, name string, def, lo, hi int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < lo || n > hi {
		return 0, app.Errorf(app.Invalid, "参数 %s=%q 应为 %d 到 %d 之间的整数", name, v, lo, hi)
	}
	return n, nil
}

// queryBool reads the boolean query parameter name: 1, true, yes, or
// absent (false).
func queryBool(r *http.Request, name string) (bool, error) {
	switch v := strings.ToLower(r.URL.Query().Get(name)); v {
	case "", "0", "false", "no":
		return false, nil
	case "1", "true", "yes":
		return true, nil
	default:
		return false, app.Errorf(app.Invalid, "参数 %s=%q 应为 true 或 false", name, v)
	}
}

// queryFilter reads the filter of a list or a search: unit, level,
// year, genre (as the command line's flags).
func queryFilter(r *http.Request) (store.Filter, error) {
	q := r.URL.Query()
	f := store.Filter{Unit: strings.TrimSpace(q.Get("unit"))}
	if q.Has("unit") && f.Unit == "" {
		return f, app.Errorf(app.Invalid, "参数 unit 不能为空")
	}
	if v := q.Get("level"); v != "" {
		l, ok := zongjie.ParseLevel(strings.TrimSpace(v))
		if !ok {
			return f, app.Errorf(app.Invalid, "level=%q 不是层级，可选 街道 镇 乡 区 县 市 省 国家", v)
		}
		f.Level = string(l)
	}
	if v := q.Get("genre"); v != "" {
		g, ok := zongjie.ParseGenre(strings.TrimSpace(v))
		if !ok {
			return f, app.Errorf(app.Invalid, "genre=%q 不是报告类型，可选 总结 计划 总结及计划 讲话", v)
		}
		f.Genre = string(g)
	}
	year, err := queryInt(r, "year", 0, 1949, 2100)
	if err != nil {
		return f, err
	}
	f.Year = year
	return f, nil
}

// apiExtract extracts the reports of one or many files: the JSON of
// extract --format json, with the files that could not be read in
// "errors" (a request of one such file fails with its error).
func (s *Server) apiExtract(w http.ResponseWriter, r *http.Request) error {
	ups, err := decodeFiles(r, apiMaxFiles)
	if err != nil {
		return err
	}
	ins, errs, err := inputs(ups)
	if err != nil {
		return err
	}
	res := extractResponse{ExtractResult: output.ExtractResult{Documents: []*zongjie.Report{}}, Errors: errs}
	for _, d := range s.app.Extract(r.Context(), ins) {
		if d.Err != nil {
			if len(ups) == 1 || r.Context().Err() != nil {
				return d.Err
			}
			res.Errors = append(res.Errors, fileErrorOf(d.Input.Name, d.Err))
			continue
		}
		res.Documents = append(res.Documents, d.Reports...)
	}
	return writeJSON(w, http.StatusOK, res)
}

// extractResponse is the extract contract and the files that failed.
type extractResponse struct {
	output.ExtractResult
	Errors []fileError `json:"errors,omitempty"`
}

// inputs splits the uploads into the inputs to read and the files that
// failed already; one file that failed fails the request.
func inputs(ups []upload) ([]app.Input, []fileError, error) {
	var ins []app.Input
	var errs []fileError
	for _, u := range ups {
		if u.err != nil {
			if len(ups) == 1 {
				return nil, nil, u.err
			}
			errs = append(errs, fileErrorOf(u.in.Name, u.err))
			continue
		}
		ins = append(ins, u.in)
	}
	return ins, errs, nil
}

// apiCheck checks one or many files: the JSON of check --format json
// (findings at least as serious as the query parameter level), with the
// files that could not be read in "errors".
func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) error {
	level := check.Info
	if v := r.URL.Query().Get("level"); v != "" {
		var ok bool
		if level, ok = check.ParseSeverity(v); !ok {
			return app.Errorf(app.Invalid, "level=%q 应为 error、warning 或 info", v)
		}
	}
	ups, err := decodeFiles(r, apiMaxFiles)
	if err != nil {
		return err
	}
	ins, errs, err := inputs(ups)
	if err != nil {
		return err
	}
	for i := range ins {
		// The answer holds no extraction: no targets and no unit (no rule
		// reads them), and names only for the figures a rule asks
		// (check.Pass.NameOf).
		ins[i].Stated.NoTargets, ins[i].Stated.NoNames, ins[i].Stated.NoUnit = true, true, true
	}
	res := checkResponse{CheckResult: output.CheckResult{Files: make([]output.CheckFile, 0, len(ins))}, Errors: errs}
	for _, d := range s.app.Extract(r.Context(), ins) {
		c, err := s.app.CheckDocument(d)
		if err != nil {
			if len(ups) == 1 || r.Context().Err() != nil || d.Err == nil {
				return err // one file, or the configuration: the request fails
			}
			res.Errors = append(res.Errors, fileErrorOf(d.Input.Name, err))
			continue
		}
		ds := c.Diagnostics
		if level != check.Info { // every finding is at least a piece of information
			ds = app.AtLeast(ds, level)
		}
		res.Files = append(res.Files, output.CheckFile{Path: c.File.Path, Chars: c.File.Chars(), Diagnostics: ds})
	}
	return writeJSON(w, http.StatusOK, res)
}

// checkResponse is the check contract and the files that failed.
type checkResponse struct {
	output.CheckResult
	Errors []fileError `json:"errors,omitempty"`
}

// appendJSON appends r as output.WriteCompactJSON encodes it, by
// output.AppendCompactCheckJSON (the findings without reflection), when
// no file failed: a program's check of one file.
func (r checkResponse) appendJSON(b []byte) ([]byte, bool) {
	if len(r.Errors) > 0 {
		return b, false
	}
	return output.AppendCompactCheckJSON(b, r.CheckResult), true
}

// pairJSON is the body of a compare or track request in JSON: two
// reports, each stored (id) or a file.
type pairJSON struct {
	A   *fileJSON `json:"a,omitempty"`
	B   *fileJSON `json:"b,omitempty"`
	Old *fileJSON `json:"old,omitempty"`
	New *fileJSON `json:"new,omitempty"`
}

// refArg is a report named in a request, with what the user states.
type refArg struct {
	ref    app.Ref
	stated extract.Options
}

// decodePair reads the two reports of a compare (names a, b) or track
// (old, new) request: JSON (pairJSON), or a multipart form whose parts
// named by names are files, or fields holding a stored report's ID.
func decodePair(r *http.Request, names [2]string) ([2]refArg, error) {
	var out [2]refArg
	switch mediaType(r) {
	case "application/json":
		var p pairJSON
		if err := decodeJSON(r, &p); err != nil {
			return out, err
		}
		fs := [2]*fileJSON{p.A, p.B}
		other := [2]*fileJSON{p.Old, p.New}
		if names[0] == "old" {
			fs, other = other, fs
		}
		if other[0] != nil || other[1] != nil {
			return out, app.Errorf(app.Invalid, "此处应给出 %s 和 %s", names[0], names[1])
		}
		for i, f := range fs {
			if f == nil {
				return out, app.Errorf(app.Invalid, "缺少 %s", names[i])
			}
			ref, o, err := f.ref(names[i])
			if err != nil {
				return out, err
			}
			out[i] = refArg{ref, o}
		}
		return out, nil
	case "multipart/form-data":
	default:
		return out, app.Errorf(codeMediaType, "请求体应为 JSON 或 multipart/form-data，不是 %q", r.Header.Get("Content-Type"))
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return out, app.Errorf(app.Invalid, "无法读取 multipart 表单：%v", err)
	}
	var got [2]bool
	var units, periods [2]string
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, multipartError(err)
		}
		field := p.FormName()
		i := -1
		for k, n := range names {
			switch field {
			case n:
				i = k
			case n + "_unit", n + "_period":
				v, err := formValue(p)
				if err != nil {
					return out, err
				}
				if strings.HasSuffix(field, "_unit") {
					units[k] = v
				} else {
					periods[k] = v
				}
				i = -2
			}
		}
		switch {
		case i == -2 || field == csrfField:
			continue
		case i < 0:
			return out, app.Errorf(app.Invalid, "表单中有未知的字段 %q（可用：%s、%s）", field, names[0], names[1])
		case got[i]:
			return out, app.Errorf(app.Invalid, "%s 给出了不止一次", names[i])
		}
		got[i] = true
		if !hasFileName(p) {
			v, err := formValue(p)
			if err != nil {
				return out, err
			}
			id, err := parseID(v, names[i]+" 的报告编号")
			if err != nil {
				return out, err
			}
			out[i].ref = app.Stored(id)
			continue
		}
		name := uploadName(p)
		if err := checkName(name); err != nil {
			return out, err
		}
		data, err := reader.Load(name, p)
		if err != nil {
			return out, err
		}
		if data == nil {
			data = []byte{}
		}
		out[i].ref = app.File(app.Input{Name: name, Data: data})
	}
	for i := range out {
		if !got[i] {
			return out, app.Errorf(app.Invalid, "缺少 %s（文件，或已保存报告的编号）", names[i])
		}
		o, err := stated(units[i], periods[i])
		if err != nil {
			return out, err
		}
		out[i].stated = o
		out[i].ref.Input.Stated = o
	}
	return out, nil
}

// apiCompare compares two reports, files or stored: the JSON of compare
// --format json.
func (s *Server) apiCompare(w http.ResponseWriter, r *http.Request) error {
	p, err := decodePair(r, [2]string{"a", "b"})
	if err != nil {
		return err
	}
	c, err := s.app.Compare(r.Context(), p[0].ref, p[1].ref)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, c.JSON())
}

// apiCompareStored compares two stored reports, ?a=ID&b=ID.
func (s *Server) apiCompareStored(w http.ResponseWriter, r *http.Request) error {
	var ids [2]int64
	for i, n := range []string{"a", "b"} {
		id, err := parseID(r.URL.Query().Get(n), "报告编号（参数 "+n+"）")
		if err != nil {
			return err
		}
		ids[i] = id
	}
	c, err := s.app.Compare(r.Context(), app.Stored(ids[0]), app.Stored(ids[1]))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, c.JSON())
}

// apiSimilar finds the stored reports most like a file: the JSON of
// similar --format json.
func (s *Server) apiSimilar(w http.ResponseWriter, r *http.Request) error {
	top, err := queryInt(r, "top", 5, 1, 100)
	if err != nil {
		return err
	}
	ups, err := decodeFiles(r, 1)
	if err != nil {
		return err
	}
	if ups[0].err != nil {
		return ups[0].err
	}
	res, err := s.app.Similar(r.Context(), app.File(ups[0].in), top)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res.JSON())
}

// apiFamilies lists the families of the stored reports: the JSON of
// families --format json (?top=N: the largest N), written as they are
// found.
func (s *Server) apiFamilies(w http.ResponseWriter, r *http.Request) error {
	top, err := queryInt(r, "top", 0, 0, 1<<20)
	if err != nil {
		return err
	}
	// The families go into a buffer, to the client once it holds enough:
	// an error before that is an error response; after it, the
	// connection is cut, so that a client never takes half a list for a
	// whole one.
	var buf bytes.Buffer
	started := false
	flush := func() error {
		if !started {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.WriteHeader(http.StatusOK)
			started = true
		}
		_, err := buf.WriteTo(w)
		return err
	}
	fw := output.NewFamiliesWriter(&buf)
	err = s.app.Families(r.Context(), top, func(f app.Family) error {
		if err := fw.Write(f); err != nil {
			return err
		}
		if buf.Len() >= 256<<10 {
			return flush()
		}
		return nil
	})
	if err != nil {
		if started {
			s.log.Error("families: the response was cut", "id", requestID(r.Context()), "err", err)
			panic(http.ErrAbortHandler)
		}
		return err
	}
	if err := fw.Close(); err != nil {
		return err
	}
	return flush()
}

// apiSearch searches the stored reports: the JSON of search --format
// json.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, err := queryFilter(r)
	if err != nil {
		return err
	}
	limit, err := queryInt(r, "limit", 20, 1, 1000)
	if err != nil {
		return err
	}
	kind := ""
	if v := q.Get("kind"); v != "" {
		k, ok := zongjie.ParseSectionKind(strings.TrimSpace(v))
		if !ok {
			return app.Errorf(app.Invalid, "kind=%q 不是部分的类别，可选 回顾 亮点 问题 计划 其他", v)
		}
		kind = string(k)
	}
	res, err := s.app.Search(r.Context(), store.Query{Text: q.Get("q"), Filter: f, Kind: kind, Limit: limit})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}

// apiTrack tracks the targets of one report (old) against a later one
// (new), each a file or a stored report: the JSON of track --format
// json.
func (s *Server) apiTrack(w http.ResponseWriter, r *http.Request) error {
	p, err := decodePair(r, [2]string{"old", "new"})
	if err != nil {
		return err
	}
	res, err := s.app.Track(r.Context(), app.TrackRequest{Old: p[0].ref, New: p[1].ref, OldStated: p[0].stated, NewStated: p[1].stated})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res.Tracked)
}

// apiTrackStored tracks stored reports: every pair of a unit's
// (?unit=…, the JSON of track --unit), a unit's reports of one period
// together (?unit=…&period=2026, the JSON of track --unit --period), or
// two (?old=ID&new=ID).
func (s *Server) apiTrackStored(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if unit := strings.TrimSpace(q.Get("unit")); unit != "" {
		if q.Has("old") || q.Has("new") {
			return app.Errorf(app.Invalid, "参数 unit 与 old、new 只能给出一种")
		}
		if q.Has("period") {
			term, err := zongjie.ParseTerm(q.Get("period"))
			if err != nil {
				return app.Errorf(app.Invalid, "%s", err.Error())
			}
			res, err := s.app.TrackPeriod(r.Context(), unit, term)
			if err != nil {
				return err
			}
			return writeJSON(w, http.StatusOK, res)
		}
		res, err := s.app.TrackUnit(r.Context(), unit)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, res)
	}
	if !q.Has("old") && !q.Has("new") {
		return app.Errorf(app.Invalid, "应给出参数 unit（单位，可加 period 时段），或 old 和 new（两篇已保存报告的编号）")
	}
	if q.Has("period") {
		return app.Errorf(app.Invalid, "参数 period 只能与 unit 一起给出")
	}
	old, err := parseID(q.Get("old"), "报告编号（参数 old）")
	if err != nil {
		return err
	}
	cur, err := parseID(q.Get("new"), "报告编号（参数 new）")
	if err != nil {
		return err
	}
	res, err := s.app.Track(r.Context(), app.TrackRequest{Old: app.Stored(old), New: app.Stored(cur)})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res.Tracked)
}

// apiSeriesStored lists the indicators over the periods of stored
// reports: a unit's (?unit=…) or those named (?id=3&id=5): the JSON of
// series --format json. ?name= keeps the indicators whose name matches;
// ?all=true keeps those of one period too.
func (s *Server) apiSeriesStored(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	req := app.SeriesRequest{Unit: strings.TrimSpace(q.Get("unit")), Name: strings.TrimSpace(q.Get("name"))}
	var err error
	if req.All, err = queryBool(r, "all"); err != nil {
		return err
	}
	for _, v := range q["id"] {
		id, err := parseID(v, "报告编号（参数 id）")
		if err != nil {
			return err
		}
		req.Refs = append(req.Refs, app.Stored(id))
	}
	switch {
	case req.Unit == "" && len(req.Refs) == 0:
		return app.Errorf(app.Invalid, "应给出参数 unit（单位），或 id（已保存报告的编号，可多个）")
	case req.Unit != "" && len(req.Refs) > 0:
		return app.Errorf(app.Invalid, "参数 unit 与 id 只能给出一种")
	case len(req.Refs) > apiMaxFiles:
		return app.Errorf(app.TooLarge, "一次最多 %d 篇报告", apiMaxFiles)
	}
	res, err := s.app.Series(r.Context(), req)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}

// apiSeries lists the indicators over the periods of uploaded files
// (the unit and period of each stated by ?unit= and ?period=, or read
// from it).
func (s *Server) apiSeries(w http.ResponseWriter, r *http.Request) error {
	ups, err := decodeFiles(r, apiMaxFiles)
	if err != nil {
		return err
	}
	req := app.SeriesRequest{Unit: strings.TrimSpace(r.URL.Query().Get("unit")), Name: strings.TrimSpace(r.URL.Query().Get("name"))}
	if req.All, err = queryBool(r, "all"); err != nil {
		return err
	}
	for _, u := range ups {
		if u.err != nil {
			return u.err
		}
		req.Refs = append(req.Refs, app.File(u.in))
		req.Stated = append(req.Stated, u.in.Stated)
	}
	res, err := s.app.Series(r.Context(), req)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}
