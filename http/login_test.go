package http

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"

	"zongjie/app"
	"zongjie/store"
)

// addUser makes an account on s's store as the local user: an admin of
// the root unit 云川市 (made when missing) or a drafter of unit.
func addUser(t testing.TB, s *Server, name, unit string, admin bool) string {
	t.Helper()
	ctx := context.Background()
	if unit == "" {
		unit = "云川市"
	}
	tree, err := s.app.UnitTree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(mustJSON(t, tree), `"`+unit+`"`) {
		if _, err := s.app.AddUnit(ctx, app.NewUnit{Name: unit}); err != nil {
			t.Fatalf("AddUnit %s: %v", unit, err)
		}
	}
	role := store.Drafter
	if admin {
		role = store.Admin
	}
	pw := "pw-" + name + "-secret"
	if _, err := s.app.AddUser(ctx, app.NewUser{Name: name, Password: pw, Unit: unit, Role: role}); err != nil {
		t.Fatalf("AddUser %s: %v", name, err)
	}
	return pw
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// browser is a browser of the tests: it keeps the cookies the server sets
// and sends them back, repeats the CSRF cookie in X-CSRF-Token on
// state-changing requests (as app.js does), and may carry an API token.
type browser struct {
	t       testing.TB
	s       http.Handler
	cookies map[string]*http.Cookie
	token   string // Authorization: Bearer, when set
	remote  string // RemoteAddr, when set
	noCSRF  bool   // send no X-CSRF-Token
}

func newBrowser(t testing.TB, s http.Handler) *browser {
	return &browser{t: t, s: s, cookies: map[string]*http.Cookie{}}
}

// do sends a request; a body that is a string is sent with the content
// type ct.
func (c *browser) do(method, target, ct, body string) *httptest.ResponseRecorder {
	c.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	r := newRequest(method, target, rd)
	if ct != "" {
		r.Header.Set("Content-Type", ct)
	}
	if c.remote != "" {
		r.RemoteAddr = c.remote
	}
	for _, ck := range c.cookies {
		r.AddCookie(&http.Cookie{Name: ck.Name, Value: ck.Value})
	}
	if ck, ok := c.cookies[csrfCookie]; ok && !safeMethod(method) && !c.noCSRF {
		r.Header.Set(csrfHeader, ck.Value)
	}
	if c.token != "" {
		r.Header.Set("Authorization", "Bearer "+c.token)
	}
	w := serve(c.s, r)
	for _, ck := range w.Result().Cookies() {
		if ck.MaxAge < 0 || ck.Value == "" {
			delete(c.cookies, ck.Name)
			continue
		}
		c.cookies[ck.Name] = ck
	}
	return w
}

func (c *browser) get(target string) *httptest.ResponseRecorder { return c.do("GET", target, "", "") }

// form posts an urlencoded form.
func (c *browser) form(target string, v url.Values) *httptest.ResponseRecorder {
	c.t.Helper()
	return c.do("POST", target, "application/x-www-form-urlencoded", v.Encode())
}

// signIn signs c in as name through the login page, and fails the test
// unless it works.
func (c *browser) signIn(name, password string) {
	c.t.Helper()
	if w := c.get("/login"); w.Code != 200 {
		c.t.Fatalf("GET /login: %d", w.Code)
	}
	w := c.form("/login", url.Values{"name": {name}, "password": {password}, "next": {"/"}})
	if w.Code != http.StatusSeeOther || c.cookies[sessionCookie] == nil {
		c.t.Fatalf("sign in as %s: %d %.300s", name, w.Code, w.Body)
	}
}

// tokenIn returns the API token the account page shows once.
func tokenIn(t testing.TB, page string) string {
	t.Helper()
	i := strings.Index(page, `value="zjt_`)
	if i < 0 {
		t.Fatalf("no token on the page: %.300s", page)
	}
	secret := page[i+len(`value="`):]
	return secret[:strings.IndexByte(secret, '"')]
}

// Ensure safeNext keeps a path of this server and turns everything else,
// another site above all, into "/".
func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"/reports/3?v=2":            "/reports/3?v=2",
		"/search?q=%E5%9E%83":       "/search?q=%E5%9E%83",
		"/":                         "/",
		"":                          "/",
		"//evil.example/x":          "/",
		"/\\evil.example":           "/",
		"/\tevil":                   "/",
		"https://evil.example/":     "/",
		"http:/evil.example":        "/",
		"javascript:alert(1)":       "/",
		"evil.example":              "/",
		"/a\r\nSet-Cookie: x=1":     "/",
		"/login?next=//evil":        "/",
		"/logout":                   "/",
		"/%2F%2Fevil.example":       "/", // decoded, it begins with //: refused to be safe
		"/reports/1#hit":            "/reports/1#hit",
		"\\\\evil.example":          "/",
		"/.//evil.example":          "/.//evil.example", // a local path: the browser stays here
		"/x/../../\\/evil.example/": "/",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

// Ensure that while no account exists the server serves the local user
// as it always has (on a loopback address), and the login page sends
// back; and that once one exists every page asks to sign in (a redirect
// back to it), every API route answers 401 JSON, and the login, logout
// and the session cookie work.
func TestSignIn(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newBrowser(t, s)
	if w := c.get("/"); w.Code != 200 || !strings.Contains(w.Body.String(), `href="/admin/units"`) || strings.Contains(w.Body.String(), `action="/logout"`) {
		t.Fatalf("no accounts: GET / %d (the local user administers, and has no sign-out)", w.Code)
	}
	if w := c.get("/login?next=/search"); w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/search" {
		t.Errorf("no accounts: GET /login %d %q", w.Code, w.Header().Get("Location"))
	}
	pw := addUser(t, s, "zhang", "", true)

	w := c.get("/search?q=%E4%BA%A7%E4%B8%9A")
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/login?next="+url.QueryEscape("/search?q=%E4%BA%A7%E4%B8%9A") {
		t.Errorf("signed out: GET /search %d %q", w.Code, w.Header().Get("Location"))
	}
	w = c.get("/api/v1/reports")
	if w.Code != 401 || !strings.Contains(w.Body.String(), `"code":"unauthorized"`) || w.Header().Get("WWW-Authenticate") == "" {
		t.Errorf("signed out: GET /api/v1/reports %d %s %q", w.Code, w.Body, w.Header().Get("WWW-Authenticate"))
	}
	r := newRequest("GET", "/", nil)
	r.Header.Set("HX-Request", "true")
	if w := serve(s, r); w.Header().Get("HX-Redirect") != "/login?next=%2F" {
		t.Errorf("signed out, htmx: %d HX-Redirect %q", w.Code, w.Header().Get("HX-Redirect"))
	}

	w = c.get("/login?next=/search")
	if w.Code != 200 || !strings.Contains(w.Body.String(), `name="password"`) || !strings.Contains(w.Body.String(), `value="/search"`) {
		t.Fatalf("GET /login: %d %.500s", w.Code, w.Body)
	}
	if strings.Contains(w.Body.String(), `href="/upload"`) {
		t.Errorf("the login page shows the navigation to someone signed out")
	}
	// A wrong password: the form again, with the reason, 401.
	w = c.form("/login", url.Values{"name": {"zhang"}, "password": {"wrong-password"}, "next": {"/search"}})
	if w.Code != 401 || !strings.Contains(w.Body.String(), "用户名或密码错误") || c.cookies[sessionCookie] != nil {
		t.Errorf("wrong password: %d %.300s", w.Code, w.Body)
	}
	if !strings.Contains(w.Body.String(), `value="zhang"`) {
		t.Errorf("wrong password: the form forgot the name")
	}
	// The CSRF token of the login form is required.
	nc := newBrowser(t, s)
	nc.get("/login")
	nc.noCSRF = true
	if w := nc.form("/login", url.Values{"name": {"zhang"}, "password": {pw}}); w.Code != 403 {
		t.Errorf("sign-in without the CSRF token: %d", w.Code)
	}

	csrfBefore := c.cookies[csrfCookie].Value
	w = c.form("/login", url.Values{"name": {" zhang "}, "password": {pw}, "next": {"/search"}})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/search" {
		t.Fatalf("sign in: %d %q %.300s", w.Code, w.Header().Get("Location"), w.Body)
	}
	sc := c.cookies[sessionCookie]
	if sc == nil || !strings.HasPrefix(sc.Value, "zjs_") || !sc.HttpOnly || sc.SameSite != http.SameSiteLaxMode || sc.Secure || sc.MaxAge != int(app.SessionMax.Seconds()) || sc.Path != "/" {
		t.Fatalf("session cookie %+v", sc)
	}
	if c.cookies[csrfCookie].Value == csrfBefore {
		t.Errorf("the CSRF token is the same after sign-in")
	}
	w = c.get("/")
	if w.Code != 200 || !strings.Contains(w.Body.String(), ">zhang</a>") || !strings.Contains(w.Body.String(), `action="/logout"`) {
		t.Errorf("signed in: GET / %d", w.Code)
	}
	if w := c.get("/api/v1/reports"); w.Code != 200 {
		t.Errorf("signed in: GET /api/v1/reports %d", w.Code)
	}
	if w := c.get("/login?next=/upload"); w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/upload" {
		t.Errorf("signed in: GET /login %d %q", w.Code, w.Header().Get("Location"))
	}
	// An open redirect is not one.
	c2 := newBrowser(t, s)
	c2.get("/login")
	if w := c2.form("/login", url.Values{"name": {"zhang"}, "password": {pw}, "next": {"//evil.example/"}}); w.Header().Get("Location") != "/" {
		t.Errorf("next=//evil.example: Location %q", w.Header().Get("Location"))
	}

	// Sign out: the session ends in the store, not only in the browser.
	session := sc.Value
	w = c.form("/logout", nil)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/login?done=logout" || c.cookies[sessionCookie] != nil {
		t.Errorf("logout: %d %q %v", w.Code, w.Header().Get("Location"), c.cookies[sessionCookie])
	}
	old := newBrowser(t, s)
	old.cookies[sessionCookie] = &http.Cookie{Name: sessionCookie, Value: session}
	if w := old.get("/"); w.Code != http.StatusSeeOther {
		t.Errorf("the session signed out still works: %d", w.Code)
	}
	if old.cookies[sessionCookie] != nil {
		t.Errorf("a dead session's cookie is not cleared")
	}
	if w := old.get("/api/v1/reports"); w.Code != 401 {
		t.Errorf("a dead session on the API: %d", w.Code)
	}

	// Over TLS the cookie is Secure.
	r = newRequest("GET", "/login", nil)
	r.TLS = &tls.ConnectionState{}
	w = serve(s, r)
	var tlsCSRF *http.Cookie
	for _, ck := range w.Result().Cookies() {
		if ck.Name == csrfCookie {
			tlsCSRF = ck
		}
	}
	if tlsCSRF == nil || !tlsCSRF.Secure {
		t.Fatalf("over TLS: CSRF cookie %+v", tlsCSRF)
	}
	r = newRequest("POST", "/login", strings.NewReader(url.Values{"name": {"zhang"}, "password": {pw}, "csrf": {tlsCSRF.Value}}.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.AddCookie(tlsCSRF)
	r.TLS = &tls.ConnectionState{}
	w = serve(s, r)
	secure := false
	for _, ck := range w.Result().Cookies() {
		if ck.Name == sessionCookie {
			secure = ck.Secure
		}
	}
	if w.Code != http.StatusSeeOther || !secure {
		t.Errorf("over TLS: %d, session cookie Secure %v", w.Code, secure)
	}
}

// Ensure a name locked by failures is refused with the lock's message
// (429), even with the right password, and an address that tries too
// often is slowed down before any password is checked.
func TestSignInLimits(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	pw := addUser(t, s, "zhang", "", true)
	c := newBrowser(t, s)
	c.remote = "192.0.2.7:4000"
	c.get("/login")
	for i := range app.UserFailures {
		if w := c.form("/login", url.Values{"name": {"zhang"}, "password": {"wrong-password"}}); w.Code != 401 {
			t.Fatalf("failure %d: %d", i, w.Code)
		}
	}
	w := c.form("/login", url.Values{"name": {"zhang"}, "password": {pw}})
	if w.Code != 429 || !strings.Contains(w.Body.String(), "登录失败次数过多，已暂时锁定") || c.cookies[sessionCookie] != nil {
		t.Errorf("locked: %d %.400s", w.Code, w.Body)
	}
	// Another address, another name: the address's bucket, not the lock.
	d := newBrowser(t, s)
	d.remote = "198.51.100.3:4000"
	d.get("/login")
	limited := 0
	for i := range loginBurst + 2 {
		w := d.form("/login", url.Values{"name": {fmt.Sprint("nobody", i)}, "password": {"wrong-password"}})
		if w.Code == 429 {
			limited++
			if !strings.Contains(w.Body.String(), "登录尝试过于频繁") || w.Header().Get("Retry-After") == "" {
				t.Errorf("limited: %.300s %q", w.Body, w.Header().Get("Retry-After"))
			}
		}
	}
	if limited != 2 {
		t.Errorf("%d of %d attempts limited, want 2", limited, loginBurst+2)
	}
}

// Ensure the rate limiter gives a burst, then one token per period, and
// forgets full buckets.
func TestRateLimiter(t *testing.T) {
	l := newRateLimiter(3, 10*time.Second)
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	l.now = func() time.Time { return now }
	for i := range 3 {
		if _, ok := l.allow("a"); !ok {
			t.Fatalf("burst %d refused", i)
		}
	}
	wait, ok := l.allow("a")
	if ok || wait != 10*time.Second {
		t.Errorf("after the burst: %v %v", wait, ok)
	}
	if _, ok := l.allow("b"); !ok {
		t.Errorf("another key refused")
	}
	now = now.Add(5 * time.Second)
	if wait, ok := l.allow("a"); ok || wait != 5*time.Second {
		t.Errorf("half a period later: %v %v", wait, ok)
	}
	now = now.Add(5 * time.Second)
	if _, ok := l.allow("a"); !ok {
		t.Errorf("a period later: refused")
	}
	now = now.Add(2 * time.Minute)
	l.allow("c")
	if _, ok := l.buckets["b"]; ok {
		t.Errorf("a full bucket was kept")
	}
}

// Ensure the client's address is the peer's, unless the peer is a
// trusted proxy: then the nearest address of X-Forwarded-For that is not
// a trusted proxy (a client's own entries are not believed).
func TestClientAddress(t *testing.T) {
	s := newTestServer(t, nil, Options{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("::1/128")}})
	for _, tt := range []struct {
		remote, xff, proto string
		want               string
		https, proxy       bool
	}{
		{"192.0.2.1:5000", "", "", "192.0.2.1", false, false},
		{"192.0.2.1:5000", "203.0.113.9", "https", "192.0.2.1", false, false}, // not a proxy: its headers are the client's
		{"10.0.0.2:5000", "203.0.113.9", "https", "203.0.113.9", true, true},
		{"10.0.0.2:5000", "6.6.6.6, 203.0.113.9", "http", "203.0.113.9", false, true}, // the client wrote 6.6.6.6
		{"10.0.0.2:5000", "203.0.113.9, 10.0.0.5", "", "203.0.113.9", false, true},    // two proxies
		{"10.0.0.2:5000", "", "", "10.0.0.2", false, true},
		{"10.0.0.2:5000", "garbage, 203.0.113.9", "", "203.0.113.9", false, true},
		{"10.0.0.2:5000", "203.0.113.9, garbage", "", "10.0.0.2", false, true},
		{"[::1]:5000", "2001:db8::7", "", "2001:db8::7", false, true},
		{"[::ffff:10.0.0.2]:5000", "::ffff:203.0.113.9", "", "203.0.113.9", false, true},
	} {
		r := newRequest("GET", "/", nil)
		r.RemoteAddr = tt.remote
		if tt.xff != "" {
			r.Header.Set("X-Forwarded-For", tt.xff)
		}
		if tt.proto != "" {
			r.Header.Set("X-Forwarded-Proto", tt.proto)
		}
		c := s.clientOf(r)
		if c.addr != tt.want || c.https != tt.https || c.proxy != tt.proxy {
			t.Errorf("%s XFF %q: %+v, want %s https %v proxy %v", tt.remote, tt.xff, c, tt.want, tt.https, tt.proxy)
		}
	}
}

// Ensure one user runs at most AnalysesPerUser analyses at once (the
// next waits, then gets 429 with a Chinese message), others are not held
// up by them, a slot given back is taken again, and the local user is
// not limited.
func TestAnalysesPerUser(t *testing.T) {
	l := newAnalysisLimiter(2)
	l.wait = 20 * time.Millisecond
	ctx := context.Background()
	r1, err1 := l.acquire(ctx, 1)
	r2, err2 := l.acquire(ctx, 1)
	if err1 != nil || err2 != nil {
		t.Fatalf("the first two: %v %v", err1, err2)
	}
	if _, err := l.acquire(ctx, 1); app.ErrorCode(err) != app.RateLimited || !strings.Contains(app.ErrorMessage(err), "同时进行的分析已达 2 项") {
		t.Errorf("the third: %v", err)
	}
	r3, err := l.acquire(ctx, 2)
	if err != nil {
		t.Errorf("another user is held up: %v", err)
	}
	r3()
	done := make(chan error)
	l.wait = 5 * time.Second
	go func() {
		r, err := l.acquire(ctx, 1)
		if err == nil {
			r()
		}
		done <- err
	}()
	time.Sleep(10 * time.Millisecond)
	r1()
	if err := <-done; err != nil {
		t.Errorf("a waiting analysis did not get the slot given back: %v", err)
	}
	r2()
	l.mu.Lock()
	left := len(l.slots) + len(l.used)
	l.mu.Unlock()
	if left != 0 {
		t.Errorf("%d users' slots kept after all were given back", left)
	}

	// Through the server: a route marked analysis() answers 429 JSON to
	// the user over the limit.
	s := newTestServer(t, nil, Options{AnalysesPerUser: 1})
	s.analyses.wait = 10 * time.Millisecond
	pw := addUser(t, s, "zhang", "", true)
	b := newBrowser(t, s)
	b.signIn("zhang", pw)
	u := mustAuthenticate(t, s.app, "zhang", pw)
	release, err := s.analyses.acquire(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	w := b.do("POST", "/api/v1/check", "application/json", `{"name":"a.txt","text":"青禾街道2024年工作总结"}`)
	if w.Code != 429 || !strings.Contains(w.Body.String(), `"rate_limited"`) || w.Header().Get("Retry-After") == "" {
		t.Errorf("over the limit: %d %s", w.Code, w.Body)
	}
	release()
	if w := b.do("POST", "/api/v1/check", "application/json", `{"name":"a.txt","text":"青禾街道2024年工作总结"}`); w.Code != 200 {
		t.Errorf("within the limit: %d %.300s", w.Code, w.Body)
	}
}

// Ensure the account page changes the password (the old one must be
// right; the other sessions end, this browser stays signed in), makes an
// API token shown once that then works as Bearer without a CSRF token,
// lists and revokes it; and that every step is in the audit log with the
// client's address.
func TestAccountPage(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	pw := addUser(t, s, "zhang", "", true)
	b := newBrowser(t, s)
	b.remote = "192.0.2.44:5000"
	b.get("/login")
	b.form("/login", url.Values{"name": {"zhang"}, "password": {"wrong-password"}})
	b.signIn("zhang", pw)
	other := newBrowser(t, s)
	other.signIn("zhang", pw)

	w := b.get("/account")
	if w.Code != 200 || !strings.Contains(w.Body.String(), "修改密码") || !strings.Contains(w.Body.String(), "还没有令牌") {
		t.Fatalf("GET /account: %d", w.Code)
	}
	for _, tt := range []struct {
		old, new, again, want string
	}{
		{"wrong-password", "new-password-1", "new-password-1", "原密码不正确"},
		{pw, "new-password-1", "new-password-2", "两次输入的新密码不一致"},
		{pw, "short", "short", "至少 8 个字符"},
	} {
		w := b.form("/account/password", url.Values{"old": {tt.old}, "new": {tt.new}, "again": {tt.again}})
		if w.Code != 400 || !strings.Contains(w.Body.String(), tt.want) {
			t.Errorf("%+v: %d %.200s", tt, w.Code, w.Body)
		}
	}
	w = b.form("/account/password", url.Values{"old": {pw}, "new": {"new-password-1"}, "again": {"new-password-1"}})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/account?done=password" {
		t.Fatalf("change: %d %.300s", w.Code, w.Body)
	}
	if w := b.get("/account?done=password"); w.Code != 200 || !strings.Contains(w.Body.String(), "密码已修改") {
		t.Errorf("after the change this browser: %d", w.Code)
	}
	if w := other.get("/"); w.Code != http.StatusSeeOther {
		t.Errorf("after the change the other session: %d", w.Code)
	}
	if _, err := s.app.Authenticate(context.Background(), "zhang", "new-password-1"); err != nil {
		t.Errorf("the new password: %v", err)
	}

	w = b.form("/account/tokens", url.Values{"name": {"导入脚本"}})
	body := w.Body.String()
	i := strings.Index(body, `value="zjt_`)
	if w.Code != 201 || i < 0 {
		t.Fatalf("make a token: %d %.300s", w.Code, body)
	}
	secret := body[i+len(`value="`):]
	secret = secret[:strings.IndexByte(secret, '"')]
	if w := b.get("/account"); strings.Contains(w.Body.String(), secret) || !strings.Contains(w.Body.String(), "导入脚本") {
		t.Errorf("the list shows the secret again, or not the token")
	}
	script := newBrowser(t, s)
	script.token = secret
	if w := script.do("POST", "/api/v1/check", "text/plain", "青禾街道2024年工作总结\n一、工作\n完成投资5亿元。\n"); w.Code != 200 {
		t.Errorf("the token, POST without a CSRF token: %d %.300s", w.Code, w.Body)
	}
	tokens, err := s.app.ListTokens(app.WithUser(context.Background(), mustAuthenticate(t, s.app, "zhang", "new-password-1")), "")
	if err != nil || len(tokens) != 1 {
		t.Fatalf("tokens %+v %v", tokens, err)
	}
	w = b.form(fmt.Sprintf("/account/tokens/%d/revoke", tokens[0].ID), nil)
	if w.Code != http.StatusSeeOther {
		t.Errorf("revoke: %d %.300s", w.Code, w.Body)
	}
	if w := script.get("/api/v1/reports"); w.Code != 401 {
		t.Errorf("a revoked token: %d", w.Code)
	}
	if w := b.form("/account/tokens/999/revoke", nil); w.Code != 404 {
		t.Errorf("revoke a token not there: %d", w.Code)
	}
	b.form("/logout", nil)

	log, err := s.app.AuditLog(context.Background(), app.AuditQuery{User: "zhang"})
	if err != nil {
		t.Fatal(err)
	}
	// The test's own sign-ins (mustAuthenticate) have no address; the
	// browser's have its.
	seen := map[string]bool{}
	for _, e := range log {
		if e.Address == "192.0.2.44" {
			seen[e.Action] = true
		}
	}
	for _, action := range []string{"login", "login.failed", "logout", "user.passwd", "token.add", "token.revoke"} {
		if !seen[action] {
			t.Errorf("audit: no %s from the browser's address (%v)", action, seen)
		}
	}
}
