package http

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"zongjie/app"
	"zongjie/store"
	"zongjie/store/sqlite"
)

// newTestServer returns a Server over an empty SQLite store, logging
// into log when it is not nil.
func newTestServer(t testing.TB, log io.Writer, o Options) *Server {
	t.Helper()
	if log != nil {
		o.Logger = slog.New(slog.NewTextHandler(log, nil))
	}
	db := filepath.Join(t.TempDir(), "test.db")
	a := app.New(app.Options{Open: func(context.Context) (store.Store, error) { return sqlite.Open(db) }, Web: true})
	t.Cleanup(func() { a.Close() })
	s, err := NewServer(a, o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// newRequest is httptest.NewRequest addressed to the default loopback
// host, as a browser on this computer sends it.
func newRequest(method, target string, body io.Reader) *http.Request {
	r := httptest.NewRequest(method, target, body)
	r.Host = "127.0.0.1:8080"
	return r
}

// serve serves r and returns the response.
func serve(s http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

// Ensure every response carries the security headers, and the CSP allows
// no inline script or style and no framing.
func TestSecurityHeaders(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	css, _ := s.assets.url("css/app.css")
	for _, target := range []string{"/", "/no-such-page", css, "/api/v1/no-such"} {
		w := serve(s, newRequest("GET", target, nil))
		h := w.Header()
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "default-src 'none'", "base-uri 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", target, csp, want)
			}
		}
		for _, bad := range []string{"unsafe-inline", "unsafe-eval", "http:", "https:", "*"} {
			if strings.Contains(csp, bad) {
				t.Errorf("%s: CSP %q allows %q", target, csp, bad)
			}
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"} {
			if got := h.Get(k); got != v {
				t.Errorf("%s: %s = %q, want %q", target, k, got, v)
			}
		}
		if h.Get("X-Request-ID") == "" {
			t.Errorf("%s: no X-Request-ID", target)
		}
	}
}

// Ensure an unknown page is the 404 page in Chinese, and JSON under /api/
// with the stable code.
func TestNotFound(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	w := serve(s, newRequest("GET", "/no-such-page", nil))
	if w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "没有这个页面") ||
		!strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		t.Errorf("page: %d %q\n%s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	w = serve(s, newRequest("GET", "/api/v1/no-such", nil))
	var body errorJSON
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		t.Fatalf("api: %v\n%s", err, w.Body)
	}
	if w.Code != http.StatusNotFound || body.Error.Code != "not_found" || !strings.Contains(body.Error.Message, "没有这个页面") ||
		body.Error.RequestID != w.Header().Get("X-Request-ID") {
		t.Errorf("api: %d %+v", w.Code, body)
	}
	// An htmx request gets the fragment, not a whole page.
	r := newRequest("GET", "/no-such-page", nil)
	r.Header.Set("HX-Request", "true")
	w = serve(s, r)
	if w.Code != http.StatusNotFound || strings.Contains(w.Body.String(), "<html") || !strings.Contains(w.Body.String(), `role="alert"`) {
		t.Errorf("htmx: %d\n%s", w.Code, w.Body)
	}
}

// Ensure a route asked with another method is 405 with Allow, as a page.
func TestMethodNotAllowed(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	w := serve(s, newRequest("DELETE", "/", nil))
	if w.Code != http.StatusMethodNotAllowed || !strings.Contains(w.Header().Get("Allow"), "GET") ||
		!strings.Contains(w.Body.String(), "不支持") {
		t.Errorf("%d Allow=%q\n%s", w.Code, w.Header().Get("Allow"), w.Body)
	}
}

// Ensure the code → status table covers every app code, and an error
// without a code is internal, shown without its text.
func TestErrorStatus(t *testing.T) {
	for _, c := range []app.Code{app.Invalid, app.NotFound, app.Conflict, app.Unreadable, app.TooLarge, app.Canceled, app.Internal,
		app.Unauthorized, app.RateLimited, app.ReadOnly, app.Full, app.Busy} {
		if _, ok := statuses[c]; !ok {
			t.Errorf("no status for %q", c)
		}
		if titles[c] == "" {
			t.Errorf("no title for %q", c)
		}
	}
	var log bytes.Buffer
	s := newTestServer(t, &log, Options{})
	tests := []struct {
		err    error
		status int
		code   string
		msg    string
	}{
		{app.Errorf(app.Invalid, "时段 %q 无法识别", "2024X"), 400, "invalid", `时段 "2024X" 无法识别`},
		{app.Errorf(app.NotFound, "报告 7 不存在"), 404, "not_found", "报告 7 不存在"},
		{app.Errorf(app.Unreadable, "a.doc：不支持 .doc"), 422, "unreadable", "a.doc：不支持 .doc"},
		{&http.MaxBytesError{Limit: 2 << 20}, 413, "too_large", "2 MB"},
		{errors.New("sqlite: disk I/O error at /secret/path"), 500, "internal", "服务器处理请求时出错"},
	}
	for _, tt := range tests {
		s.handle("GET /err/"+tt.code, func(w http.ResponseWriter, r *http.Request) error { return tt.err })
		w := serve(s, newRequest("GET", "/api/err/"+tt.code, nil))
		if w.Code != http.StatusNotFound { // the route is not under /api/: a 404 in JSON
			t.Fatalf("%s: %d", tt.code, w.Code)
		}
		r := newRequest("GET", "/err/"+tt.code, nil)
		r.Header.Set("Accept", "application/json")
		w = serve(s, r)
		var body errorJSON
		json.Unmarshal(w.Body.Bytes(), &body)
		if w.Code != tt.status || body.Error.Code != tt.code || !strings.Contains(body.Error.Message, tt.msg) {
			t.Errorf("%v: %d %+v, want %d %s %q", tt.err, w.Code, body.Error, tt.status, tt.code, tt.msg)
		}
		if strings.Contains(w.Body.String(), "/secret/path") {
			t.Errorf("%v: the page shows the internal error's text", tt.err)
		}
	}
	if !strings.Contains(log.String(), "/secret/path") {
		t.Errorf("the internal error is not logged:\n%s", log.String())
	}
}

// Ensure a panicking handler gives the 500 page and a logged stack, and
// the server goes on.
func TestPanicRecovery(t *testing.T) {
	var log bytes.Buffer
	s := newTestServer(t, &log, Options{})
	s.handle("GET /boom", func(w http.ResponseWriter, r *http.Request) error { panic("boom") })
	w := serve(s, newRequest("GET", "/boom", nil))
	if w.Code != http.StatusInternalServerError || !strings.Contains(w.Body.String(), "服务器内部错误") ||
		!strings.Contains(w.Body.String(), w.Header().Get("X-Request-ID")) {
		t.Errorf("%d\n%s", w.Code, w.Body)
	}
	if !strings.Contains(log.String(), "msg=panic") || !strings.Contains(log.String(), "middleware_test.go") {
		t.Errorf("no panic with its stack in the log:\n%s", log.String())
	}
	if w := serve(s, newRequest("GET", "/", nil)); w.Code != http.StatusOK {
		t.Errorf("after the panic: %d", w.Code)
	}
	// A panic after the response began leaves the response as it is.
	s.handle("GET /late", func(w http.ResponseWriter, r *http.Request) error {
		w.Write([]byte("partial"))
		panic("late")
	})
	if w := serve(s, newRequest("GET", "/late", nil)); w.Code != http.StatusOK || w.Body.String() != "partial" {
		t.Errorf("late panic: %d %q", w.Code, w.Body)
	}
}

// Ensure the access log has one line per request, with its ID and status.
func TestAccessLog(t *testing.T) {
	var log bytes.Buffer
	s := newTestServer(t, &log, Options{})
	w := serve(s, newRequest("GET", "/no-such-page", nil))
	line := log.String()
	for _, want := range []string{"msg=request", "id=" + w.Header().Get("X-Request-ID"), "method=GET", "path=/no-such-page", "status=404", "duration="} {
		if !strings.Contains(line, want) {
			t.Errorf("log lacks %q:\n%s", want, line)
		}
	}
}

// Ensure a body over the route's limit is refused as too large, whether
// its length is announced or not, and a route may allow more.
func TestBodyLimit(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	read := func(w http.ResponseWriter, r *http.Request) error {
		n, err := io.Copy(io.Discard, r.Body)
		if err != nil {
			return err
		}
		w.Write([]byte(strings.Repeat("x", int(n%7))))
		return nil
	}
	s.handle("POST /api/small", read)
	s.handle("POST /api/big", read, bodyLimit(4<<20))
	big := strings.Repeat("字", DefaultBodyLimit/3+10) // just over 1 MB
	for _, tt := range []struct {
		path   string
		chunk  bool
		status int
	}{
		{"/api/small", false, 413},
		{"/api/small", true, 413},
		{"/api/big", false, 200},
		{"/api/big", true, 200},
	} {
		var body io.Reader = strings.NewReader(big)
		if tt.chunk {
			body = io.MultiReader(body) // no length known in advance
		}
		r := newRequest("POST", tt.path, body)
		r.Header.Set("Content-Type", "application/octet-stream")
		if tt.chunk {
			r.ContentLength = -1
		}
		w := serve(s, r)
		if w.Code != tt.status {
			t.Errorf("%s chunked=%v: %d, want %d\n%s", tt.path, tt.chunk, w.Code, tt.status, w.Body)
		}
		if tt.status == 413 && !strings.Contains(w.Body.String(), "too_large") {
			t.Errorf("%s: %s", tt.path, w.Body)
		}
	}
}

// Ensure a server on a loopback address refuses other Host names (DNS
// rebinding) and one on all addresses does not.
func TestCheckHost(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	for host, want := range map[string]int{
		"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200, "LOCALHOST": 200,
		"evil.example:8080": 403, "127.0.0.1.evil.example": 403, "": 403,
	} {
		r := newRequest("GET", "/", nil)
		r.Host = host
		if w := serve(s, r); w.Code != want {
			t.Errorf("Host %q: %d, want %d", host, w.Code, want)
		}
	}
	// On all addresses any name is served: without accounts nothing
	// (such a server does not start, and refuses every request), with
	// accounts the login page.
	open := newTestServer(t, nil, Options{Addr: "0.0.0.0:8080"})
	r := newRequest("GET", "/", nil)
	r.Host = "reports.office.example"
	if w := serve(open, r); w.Code != 403 || !strings.Contains(w.Body.String(), "zongjie user add") {
		t.Errorf("on all addresses, no accounts: %d %.300s", w.Code, w.Body)
	}
	addUser(t, open, "zhang", "", true)
	r = newRequest("GET", "/", nil)
	r.Host = "reports.office.example"
	if w := serve(open, r); w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/login?next=%2F" {
		t.Errorf("on all addresses, with accounts: %d %q", w.Code, w.Header().Get("Location"))
	}
}

// Ensure a request that outlives the timeout is stopped and answered as
// timed out, and one that the client gave up on is not rendered.
func TestTimeout(t *testing.T) {
	s := newTestServer(t, nil, Options{RequestTimeout: 20 * time.Millisecond})
	s.handle("GET /api/slow", func(w http.ResponseWriter, r *http.Request) error {
		<-r.Context().Done()
		return &app.Error{Code: app.Canceled, Message: "已取消", Err: r.Context().Err()}
	})
	w := serve(s, newRequest("GET", "/api/slow", nil))
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), `"timeout"`) {
		t.Errorf("%d %s", w.Code, w.Body)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	w = serve(s, newRequest("GET", "/api/slow", nil).WithContext(ctx))
	if w.Code != 499 || w.Body.Len() != 0 {
		t.Errorf("cancelled: %d %q", w.Code, w.Body)
	}
}

// Ensure the user middleware puts the user on every route's context.
func TestUser(t *testing.T) {
	s := newTestServer(t, nil, Options{User: app.User{Name: "张三"}})
	s.handle("GET /who", func(w http.ResponseWriter, r *http.Request) error {
		u, ok := app.UserFrom(r.Context())
		if !ok {
			return errors.New("no user")
		}
		w.Write([]byte(u.Name))
		return nil
	})
	if w := serve(s, newRequest("GET", "/who", nil)); w.Body.String() != "张三" {
		t.Errorf("%d %q", w.Code, w.Body)
	}
	if d := newTestServer(t, nil, Options{}); d.opts.User != LocalUser {
		t.Errorf("default user %+v", d.opts.User)
	}
}

// csrfPage gets the home page and returns its token and cookie.
func csrfPage(t *testing.T, s http.Handler) (string, *http.Cookie) {
	t.Helper()
	page := "/"
	w := serve(s, newRequest("GET", page, nil))
	if w.Code == http.StatusSeeOther {
		page = "/login" // accounts exist: the login page, the one a browser signed out gets
		w = serve(s, newRequest("GET", page, nil))
	}
	var cookie *http.Cookie
	for _, c := range w.Result().Cookies() {
		if c.Name == csrfCookie {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode {
		t.Fatalf("cookie %+v", cookie)
	}
	m := regexp.MustCompile(`<meta name="csrf-token" content="([^"]+)">`).FindStringSubmatch(w.Body.String())
	if m == nil || m[1] != cookie.Value {
		t.Fatalf("meta %v, cookie %q", m, cookie.Value)
	}
	// The next page keeps the token rather than making a new one.
	r := newRequest("GET", page, nil)
	r.AddCookie(cookie)
	if w := serve(s, r); len(w.Result().Cookies()) != 0 || !strings.Contains(w.Body.String(), cookie.Value) {
		t.Fatalf("second page: cookies %v", w.Result().Cookies())
	}
	return cookie.Value, cookie
}

// Ensure every state-changing request needs the token (header, form field
// or, for multipart, the first field; never the address) and a
// same-origin request, and that programs may call the API with JSON and
// no cookie.
func TestCSRF(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	ok := func(w http.ResponseWriter, r *http.Request) error {
		w.Write([]byte("done"))
		return nil
	}
	s.handle("POST /act", ok)
	s.handle("POST /api/act", ok)
	s.handle("DELETE /api/act", ok)
	token, cookie := csrfPage(t, s)
	other := strings.Repeat("A", 43)

	form := func(v string) io.Reader { return strings.NewReader(url.Values{"csrf": {v}, "x": {"1"}}.Encode()) }
	// multi is a multipart form: the fields in turn, "x"=1 last.
	multi := func(fields ...string) (io.Reader, string) {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		for i := 0; i+1 < len(fields); i += 2 {
			mw.WriteField(fields[i], fields[i+1])
		}
		mw.WriteField("x", "1")
		mw.Close()
		return &b, mw.FormDataContentType()
	}
	// echo answers a multipart form's fields, read as a handler streams
	// them: the middleware put back what it read of the body.
	s.handle("POST /echo", func(w http.ResponseWriter, r *http.Request) error {
		mr, err := r.MultipartReader()
		if err != nil {
			return err
		}
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			v, _ := io.ReadAll(p)
			fmt.Fprintf(w, "%s=%s;", p.FormName(), v)
		}
	})
	type req struct {
		name   string
		make   func() *http.Request
		status int
	}
	with := func(r *http.Request, c *http.Cookie, ct string) *http.Request {
		if c != nil {
			r.AddCookie(c)
		}
		if ct != "" {
			r.Header.Set("Content-Type", ct)
		}
		return r
	}
	const formCT = "application/x-www-form-urlencoded"
	tests := []req{
		{"no token", func() *http.Request { return with(newRequest("POST", "/act", nil), cookie, "") }, 403},
		{"no cookie", func() *http.Request {
			r := with(newRequest("POST", "/act", nil), nil, "")
			r.Header.Set(csrfHeader, token)
			return r
		}, 403},
		{"header", func() *http.Request {
			r := with(newRequest("POST", "/act", nil), cookie, "")
			r.Header.Set(csrfHeader, token)
			return r
		}, 200},
		{"wrong header", func() *http.Request {
			r := with(newRequest("POST", "/act", nil), cookie, "")
			r.Header.Set(csrfHeader, other)
			return r
		}, 403},
		{"forged cookie and header alike", func() *http.Request {
			r := with(newRequest("POST", "/act", nil), &http.Cookie{Name: csrfCookie, Value: "x"}, "")
			r.Header.Set(csrfHeader, "x")
			return r
		}, 403},
		{"form field", func() *http.Request { return with(newRequest("POST", "/act", form(token)), cookie, formCT) }, 200},
		{"wrong form field", func() *http.Request { return with(newRequest("POST", "/act", form(other)), cookie, formCT) }, 403},
		{"multipart first field", func() *http.Request {
			b, ct := multi("csrf", token)
			return with(newRequest("POST", "/act", b), cookie, ct)
		}, 200},
		{"multipart wrong first field", func() *http.Request {
			b, ct := multi("csrf", other)
			return with(newRequest("POST", "/act", b), cookie, ct)
		}, 403},
		{"multipart token not first", func() *http.Request {
			b, ct := multi("y", "2", "csrf", token)
			return with(newRequest("POST", "/act", b), cookie, ct)
		}, 403},
		{"multipart token in the address (never taken)", func() *http.Request {
			b, ct := multi()
			return with(newRequest("POST", "/act?csrf="+token, b), cookie, ct)
		}, 403},
		{"multipart without", func() *http.Request {
			b, ct := multi()
			return with(newRequest("POST", "/act", b), cookie, ct)
		}, 403},
		{"cross-site with token", func() *http.Request {
			r := with(newRequest("POST", "/act", nil), cookie, "")
			r.Header.Set(csrfHeader, token)
			r.Header.Set("Sec-Fetch-Site", "cross-site")
			return r
		}, 403},
		{"other origin with token", func() *http.Request {
			r := with(newRequest("POST", "/act", nil), cookie, "")
			r.Header.Set(csrfHeader, token)
			r.Header.Set("Origin", "http://evil.example")
			return r
		}, 403},
		{"same origin", func() *http.Request {
			r := with(newRequest("POST", "/act", nil), cookie, "")
			r.Header.Set(csrfHeader, token)
			r.Header.Set("Sec-Fetch-Site", "same-origin")
			r.Header.Set("Origin", "http://127.0.0.1:8080")
			return r
		}, 200},
		{"api program JSON", func() *http.Request {
			return with(newRequest("POST", "/api/act", strings.NewReader("{}")), nil, "application/json")
		}, 200},
		{"api program DELETE", func() *http.Request { return with(newRequest("DELETE", "/api/act", nil), nil, "application/json") }, 200},
		{"api form without cookie", func() *http.Request { return with(newRequest("POST", "/api/act", form("")), nil, formCT) }, 403},
		{"api text/plain without cookie", func() *http.Request {
			return with(newRequest("POST", "/api/act", strings.NewReader("{}")), nil, "text/plain; charset=utf-8")
		}, 403},
		{"api no type without cookie", func() *http.Request { return with(newRequest("POST", "/api/act", nil), nil, "") }, 403},
		{"api JSON with cookie, no token", func() *http.Request {
			return with(newRequest("POST", "/api/act", strings.NewReader("{}")), cookie, "application/json")
		}, 403},
		{"api JSON cross-site", func() *http.Request {
			r := with(newRequest("POST", "/api/act", strings.NewReader("{}")), nil, "application/json")
			r.Header.Set("Sec-Fetch-Site", "cross-site")
			return r
		}, 403},
	}
	for _, tt := range tests {
		w := serve(s, tt.make())
		if w.Code != tt.status {
			t.Errorf("%s: %d, want %d\n%s", tt.name, w.Code, tt.status, w.Body)
		}
		if tt.status == 403 && !strings.Contains(w.Body.String(), "forbidden") && !strings.Contains(w.Body.String(), "拒绝") &&
			!strings.Contains(w.Body.String(), "令牌") {
			t.Errorf("%s: %s", tt.name, w.Body)
		}
	}
	// The handler reads the whole body, the token's part too.
	b, ct := multi("csrf", token, "big", strings.Repeat("字", multipartPeek))
	if w := serve(s, with(newRequest("POST", "/echo", b), cookie, ct)); w.Code != 200 ||
		w.Body.String() != "csrf="+token+";big="+strings.Repeat("字", multipartPeek)+";x=1;" {
		t.Errorf("echo: %d %.200s", w.Code, w.Body)
	}
	// A form over the limit is too large, not forbidden.
	r := with(newRequest("POST", "/act", strings.NewReader("csrf="+token+"&x="+strings.Repeat("y", DefaultBodyLimit))), cookie, formCT)
	r.ContentLength = -1
	if w := serve(s, r); w.Code != 413 {
		t.Errorf("large form: %d", w.Code)
	}
}

// Ensure LabelRoutes runs a request under the pprof label of its route's
// pattern, and that without it there is no label.
func TestLabelRoutes(t *testing.T) {
	for _, on := range []bool{true, false} {
		s := newTestServer(t, nil, Options{LabelRoutes: on})
		var got string
		var ok bool
		s.mux.HandleFunc("GET /probe/{id}", func(w http.ResponseWriter, r *http.Request) {
			got, ok = pprof.Label(r.Context(), "route")
		})
		serve(s, newRequest("GET", "/probe/7", nil))
		if on && (!ok || got != "GET /probe/{id}") {
			t.Errorf("LabelRoutes: route label %q, %v; want %q", got, ok, "GET /probe/{id}")
		}
		if !on && ok {
			t.Errorf("without LabelRoutes: route label %q", got)
		}
	}
}
