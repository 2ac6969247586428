package http

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"zongjie/app"
	"zongjie/store"
)

// The security tests walk the server's route table (s.patterns), so that
// every page and API route, including those added later, is covered
// without being named here.

// hostile is a report written to break out of HTML: markup in its title,
// unit, headings, body and targets, and template actions. Two versions of
// it, its unit's report of the next year and a copy under another unit are
// stored, so that every page that shows a report, a search hit, a
// comparison, a family, a version diff, a finding, a target tracked or a
// chart has it to show.
const hostile = `<script>alert(1)</script>"><img src=x onerror=alert(2)>{{.CSRF}}敌意街道2024年工作总结
今年以来，"><img src=x onerror=alert(3)>敌意街道在区委区政府的领导下，{{template "base" .}}扎实推进各项工作，现将2024年工作总结如下。
一、<script>alert(4)</script>主要工作完成情况
（一）经济发展。全年完成固定资产投资5.2亿元，同比增长12%；<img src=x onerror=alert(5)>规上工业产值达到xx亿元。
（二）民生保障。新增就业岗位1200个，{{.User.Name}}城镇登记失业率控制在3%以内。'"></textarea></title><svg onload=alert(6)>
二、存在的问题
一是<script>alert(7)</script>产业结构仍需优化；二是**项目推进较慢。
三、2025年工作计划
力争完成固定资产投资6亿元<script>alert(8)</script>，新增就业岗位1300个以上。
`

// hostileUnit is the unit the hostile report and its next year's are
// stored under, as a user could state it.
const hostileUnit = `敌意街道"><img src=x onerror=alert(12)>{{.CSRF}}`

// hostileMarkup are what must never reach an HTML page unescaped.
var hostileMarkup = []string{"<script>alert", "<img src=x", "<svg onload", "</textarea></title><svg"}

// hostileUser is the name of a user of the hostile server, which the
// routes with a {name} get.
const hostileUser = "<script>alert(17)"

// hostileServer is a Server over a store holding the examples and the
// hostile report (IDs in hostileIDs).
type hostileIDs struct {
	report, copy int64
	next         int64 // the unit's report of the next year
	unit         string
	admin        *http.Cookie // the session of an admin of a root unit, who sees every report
}

func newHostileServer(t *testing.T) (*Server, hostileIDs) {
	t.Helper()
	s, _ := newAPIServer(t)
	ctx := context.Background()
	add := func(name, text string, unit ...string) {
		t.Helper()
		req := app.AddRequest{Inputs: []app.Input{{Name: name, Data: []byte(text)}}}
		if len(unit) > 0 {
			req.Options.Unit = unit[0]
		}
		stats, err := s.app.Add(ctx, req)
		if err != nil || stats.Failed > 0 {
			t.Fatalf("add %s: %+v %v", name, stats, err)
		}
	}
	add("<b>敌意</b>.txt", hostile, hostileUnit)
	add("<b>敌意</b>.txt", strings.Replace(hostile, "1200个", "1250个<script>alert(9)</script>", 1), hostileUnit) // a second version
	add("copy\"><img src=x onerror=alert(10)>.md", strings.ReplaceAll(hostile, "敌意街道", "<i>仿冒</i>街道"))
	add("<b>敌意</b>2025.txt", strings.NewReplacer("2025", "2026", "2024", "2025", "5.2亿元", "6.1亿元<b>实际</b>").Replace(hostile), hostileUnit)
	list, err := s.app.List(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var ids hostileIDs
	for _, r := range list.Reports {
		switch {
		case strings.HasPrefix(r.Path, "<b>敌意</b>2025"):
			ids.next = r.ID
		case strings.HasPrefix(r.Path, "<b>"):
			ids.report, ids.unit = r.ID, r.Unit
		case strings.HasPrefix(r.Path, "copy"):
			ids.copy = r.ID
		}
	}
	if ids.report == 0 || ids.copy == 0 || ids.next == 0 {
		t.Fatalf("hostile reports not stored: %+v", list.Reports)
	}
	// For the admin pages: units, aliases and a user named with markup,
	// a report in the trash, and the audit log holding all of them.
	for _, u := range []app.NewUnit{
		{Name: "<svg onload=alert(14)>区"},
		{Name: `"><img src=x onerror=alert(15)>{{.CSRF}}街道`, Parent: "<svg onload=alert(14)>区", Aliases: []string{"<script>alert(16)"}},
	} {
		if _, err := s.app.AddUnit(ctx, u); err != nil {
			t.Fatalf("AddUnit %s: %v", u.Name, err)
		}
	}
	if _, err := s.app.AddUser(ctx, app.NewUser{Name: hostileUser, Unit: "<script>alert(16)", Role: store.Drafter, Password: `"><svg onload=alert(18)>`}); err != nil {
		t.Fatalf("AddUser: %v", err)
	}
	if _, err := s.app.CreateToken(ctx, hostileUser, `<img src=x onerror=alert(22)>`); err != nil {
		t.Fatalf("CreateToken: %v", err)
	}
	// With accounts every request signs in: the walks act as an admin of
	// a root of the tree, who reads every report (the unassigned ones
	// too) and every admin page.
	if _, err := s.app.AddUser(ctx, app.NewUser{Name: "hostile-admin", Unit: "<svg onload=alert(14)>区", Role: store.Admin, Password: "hostile-admin-pw"}); err != nil {
		t.Fatalf("AddUser: %v", err)
	}
	admin, err := s.app.Authenticate(ctx, "hostile-admin", "hostile-admin-pw")
	if err != nil {
		t.Fatal(err)
	}
	ids.admin = newSession(t, s, admin)
	add("trash<svg onload=alert(19)>.txt", strings.ReplaceAll(hostile, "敌意街道", "<b>已删</b>敌意街道"))
	list, err = s.app.List(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range list.Reports {
		if strings.HasPrefix(r.Path, "trash") {
			if err := s.app.Remove(ctx, r.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	return s, ids
}

// wildcard matches a pattern's wildcards.
var wildcard = regexp.MustCompile(`\{([^}]*)\}`)

// routeTarget returns a path for a route pattern's path, with its
// wildcards filled in: report IDs by the hostile report, a user's name by
// hostileUser, versions and the rest by 1.
func routeTarget(path string, ids hostileIDs) string {
	return wildcard.ReplaceAllStringFunc(path, func(w string) string {
		name := strings.TrimSuffix(strings.Trim(w, "{}"), "...")
		switch {
		case name == "$":
			return ""
		case strings.Contains(name, "id"):
			return fmt.Sprint(ids.report)
		case name == "name": // a user's
			return url.PathEscape(hostileUser)
		case strings.HasPrefix(name, "v") || name == "n":
			return "1"
		}
		return "1"
	})
}

// routes returns the method and path of every route pattern; a pattern
// without a method serves every method: it is listed as GET and POST.
func routes(s *Server) [][2]string {
	var out [][2]string
	for _, p := range s.patterns {
		method, path, ok := strings.Cut(p, " ")
		if !ok {
			out = append(out, [2]string{"GET", p}, [2]string{"POST", p})
			continue
		}
		out = append(out, [2]string{method, path})
	}
	return out
}

// checkHeaders fails the test unless the response carries the security
// headers every response must.
func checkHeaders(t *testing.T, what string, w *httptest.ResponseRecorder) {
	t.Helper()
	h := w.Header()
	for k, v := range map[string]string{
		"Content-Security-Policy": contentSecurityPolicy,
		"X-Content-Type-Options":  "nosniff",
		"X-Frame-Options":         "DENY",
		"Referrer-Policy":         "same-origin",
	} {
		if got := h.Get(k); got != v {
			t.Errorf("%s: %s %q, want %q", what, k, got, v)
		}
	}
	if strings.Contains(h.Get("Content-Security-Policy"), "unsafe-inline") {
		t.Errorf("%s: the CSP allows inline code", what)
	}
	if ct := h.Get("Content-Type"); w.Body.Len() > 0 && ct == "" {
		t.Errorf("%s: a body without a Content-Type", what)
	}
}

// Ensure every GET route, with the hostile report stored and the
// parameters that make pages show it, answers without a server error,
// with the security headers, and with HTML in which none of the report's
// markup is live: tags arrive escaped and template actions as text.
func TestSecurityHostileReport(t *testing.T) {
	s, ids := newHostileServer(t)
	queries := []url.Values{
		{"q": {"敌意街道"}, "a": {fmt.Sprint(ids.report)}, "b": {fmt.Sprint(ids.copy)}, "old": {fmt.Sprint(ids.report)}, "new": {fmt.Sprint(ids.copy)},
			"id": {fmt.Sprint(ids.report)}, "version": {"1"}, "top": {"5"}},
		{"q": {"<script>alert"}, "unit": {ids.unit}, "all": {"true"}},
		{"q": {`"><img src=x onerror=alert(2)>`}, "unit": {`<script>alert(11)</script>`}, "kind": {"<script>"}, "name": {"{{.CSRF}}"}},
		{"a": {fmt.Sprint(ids.report)}, "b": {fmt.Sprint(ids.next)}, "old": {fmt.Sprint(ids.report)}, "new": {fmt.Sprint(ids.next)}},
	}
	walked, shown, shownHTML := 0, 0, 0
	// The admin pages must show the units, the user and the trashed
	// report named with markup (as text), or they checked nothing.
	adminShows := map[string]string{"/admin/units": "alert(15)", "/admin/users": "alert(17)", "/admin/audit": "alert(14)", "/admin/trash": "alert(19)", "/admin/users/{name}/tokens": "alert(22)"}
	adminShown := map[string]bool{}
	for _, rt := range routes(s) {
		if rt[0] != "GET" {
			continue
		}
		walked++
		for _, q := range queries {
			target := routeTarget(rt[1], ids) + "?" + q.Encode()
			r := newRequest("GET", target, nil)
			r.AddCookie(ids.admin)
			w := serve(s, r)
			what := "GET " + target
			if w.Code >= 500 {
				t.Errorf("%s: status %d: %.300s", what, w.Code, w.Body)
			}
			checkHeaders(t, what, w)
			ct := w.Header().Get("Content-Type")
			body := w.Body.String()
			if m, ok := adminShows[rt[1]]; ok && strings.Contains(body, m) && strings.HasPrefix(ct, "text/html") {
				adminShown[rt[1]] = true
			}
			if strings.Contains(body, "敌意街道") {
				shown++
				if strings.HasPrefix(ct, "text/html") {
					shownHTML++
				}
			}
			switch {
			case strings.HasPrefix(ct, "text/html"):
				if m, ctx := liveMarkup(body); m != "" {
					t.Errorf("%s: the page holds live markup %q: …%s…", what, m, ctx)
				}
				// A template action of the report's is text: it shows as
				// written wherever the title does.
				if strings.Contains(body, "敌意街道2024年工作总结") && !strings.Contains(body, "{{.CSRF}}") {
					t.Errorf("%s: the title shows without its {{.CSRF}}: an action was run", what)
				}
			case strings.HasPrefix(ct, "application/json"):
				// JSON is data: browsers do not render it (nosniff, checked above).
			case w.Body.Len() > 0 && strings.Contains(body, "<script>alert"):
				// A download (text, CSV, .docx) is not a page; it must say
				// what it is, and never be HTML.
				if ct == "" || strings.Contains(ct, "html") {
					t.Errorf("%s: hostile text served as %q", what, ct)
				}
			}
		}
	}
	if walked < 10 {
		t.Errorf("only %d GET routes walked: is the route table recorded?", walked)
	}
	// The pages that show a unit's reports over time have them to show.
	for _, target := range []string{
		"/track?unit=" + url.QueryEscape(ids.unit), fmt.Sprintf("/track?a=%d&b=%d", ids.report, ids.next),
		"/series?unit=" + url.QueryEscape(ids.unit),
	} {
		r := newRequest("GET", target, nil)
		r.AddCookie(ids.admin)
		if w := serve(s, r); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "敌意街道") {
			t.Errorf("GET %s: status %d, without the hostile report: the walk checked nothing there", target, w.Code)
		}
	}
	// A draft is posted, then shown at the address the post sends the
	// browser to: the preview of the hostile report's, drafted against
	// its next year's, shows its markup as text too.
	c := newClient(t, s)
	r := draftRequest(c.token, map[string]string{"from": fmt.Sprint(ids.report), "source": "actual", "actual": fmt.Sprint(ids.next)}, "", nil)
	r.AddCookie(ids.admin)
	w := c.do(r)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("POST /draft: status %d, want 303 to the preview", w.Code)
	}
	r = newRequest("GET", w.Header().Get("Location"), nil)
	r.AddCookie(ids.admin)
	w = c.do(r)
	body := w.Body.String()
	if w.Code != http.StatusOK || !strings.Contains(body, "敌意街道") || !strings.Contains(body, "&lt;img src=x onerror=alert(12)&gt;{{.CSRF}}") {
		t.Errorf("POST /draft: status %d, without the hostile unit as text: %.300s", w.Code, body)
	}
	if m, ctx := liveMarkup(body); m != "" {
		t.Errorf("POST /draft: the page holds live markup %q: …%s…", m, ctx)
	}
	checkHeaders(t, "POST /draft", w)
	if shown == 0 {
		t.Errorf("no response showed the hostile report: the walk checked nothing")
	}
	for path := range adminShows {
		if !adminShown[path] {
			t.Errorf("GET %s never showed the hostile units, user or report", path)
		}
	}
	t.Logf("%d GET routes, %d responses showed the hostile report, %d of them HTML pages", walked, shown, shownHTML)
}

// liveMarkup returns the first of the hostile report's markup that body
// holds unescaped, with the text around it, or "".
func liveMarkup(body string) (string, string) {
	for _, m := range hostileMarkup {
		if i := strings.Index(body, m); i >= 0 {
			return m, body[max(0, i-80):min(len(body), i+80)]
		}
	}
	return "", ""
}

// Ensure liveMarkup finds the report's markup as a page would hold it
// unescaped (a title written with template.HTML), and not escaped by
// html/template, in text, in an attribute or in a script's data.
func TestLiveMarkup(t *testing.T) {
	for _, tt := range []struct {
		body string
		live bool
	}{
		{`<h1><script>alert(1)</script>敌意街道</h1>`, true},
		{`<td>"><img src=x onerror=alert(2)></td>`, true},
		{`<p>'"></textarea></title><svg onload=alert(6)></p>`, true},
		{`<h1>&lt;script&gt;alert(1)&lt;/script&gt;敌意街道</h1>`, false},
		{`<td>&#34;&gt;&lt;img src=x onerror=alert(2)&gt;</td>`, false},
		{`<a title="&#34;&gt;&lt;img src=x onerror=alert(2)&gt;">`, false},
		{`<div data-title="\u003cscript\u003ealert(1)"></div>`, false},
		{`<div data-title="<script>alert(1)"></div>`, true},
	} {
		if m, _ := liveMarkup(tt.body); (m != "") != tt.live {
			t.Errorf("liveMarkup(%q) = %q, want live %v", tt.body, m, tt.live)
		}
	}
}

// Ensure every state-changing route refuses a request that a page of
// another site could make: a form without the token (with or without the
// session's cookie), and any request that says it comes from another
// site, JSON to the API included; and that nothing changed in the store.
func TestSecurityCSRFEveryRoute(t *testing.T) {
	s, ids := newHostileServer(t)
	ctx := context.Background()
	before, err := s.app.List(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	versions, _ := s.app.Versions(ctx, ids.report)
	cookie := &http.Cookie{Name: csrfCookie, Value: strings.Repeat("k", 43)}
	walked := 0
	for _, rt := range routes(s) {
		if safeMethod(rt[0]) {
			continue
		}
		walked++
		target := routeTarget(rt[1], ids)
		for _, tt := range []struct {
			name   string
			ct     string
			body   string
			header map[string]string
			cookie bool
		}{
			{"form, no token", "application/x-www-form-urlencoded", "unit=x&version=1", nil, false},
			{"form with the cookie, no token", "application/x-www-form-urlencoded", "unit=x&version=1", nil, true},
			{"form with the cookie, a wrong token", "application/x-www-form-urlencoded", "unit=x&csrf=" + strings.Repeat("j", 43), nil, true},
			{"multipart, no token", "multipart/form-data; boundary=b", "--b--\r\n", nil, false},
			{"text, no token", "text/plain", "x", nil, false},
			{"no body type", "", "", nil, false},
			{"cross-site JSON", "application/json", `{"unit":"x"}`, map[string]string{"Sec-Fetch-Site": "cross-site"}, false},
			{"cross-site with the API header", "text/plain", "x", map[string]string{"Sec-Fetch-Site": "cross-site", apiHeader: "1"}, false},
			{"other origin", "application/json", `{}`, map[string]string{"Origin": "https://evil.example"}, false},
			{"cross-site with the token", "application/x-www-form-urlencoded", "csrf=" + cookie.Value, map[string]string{"Sec-Fetch-Site": "cross-site"}, true},
		} {
			r := newRequest(rt[0], target, strings.NewReader(tt.body))
			if tt.ct != "" {
				r.Header.Set("Content-Type", tt.ct)
			}
			for k, v := range tt.header {
				r.Header.Set(k, v)
			}
			if tt.cookie {
				r.AddCookie(cookie)
			}
			w := serve(s, r)
			what := rt[0] + " " + target + " (" + tt.name + ")"
			if w.Code != http.StatusForbidden {
				t.Errorf("%s: status %d, want 403: %.200s", what, w.Code, w.Body)
			}
			checkHeaders(t, what, w)
		}
	}
	if walked < 5 {
		t.Errorf("only %d state-changing routes walked", walked)
	}
	after, err := s.app.List(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	versionsAfter, _ := s.app.Versions(ctx, ids.report)
	// Nor the accounts and units: the walk posted to the hostile user's
	// routes and the units'.
	// (The hostile user and the admin the walks sign in as.)
	if us, err := s.app.ListUsers(ctx); err != nil || len(us) != 2 || us[0].Disabled || us[1].Disabled {
		t.Errorf("refused requests changed the users: %+v, %v", us, err)
	}
	if ts, err := s.app.ListTokens(ctx, hostileUser); err != nil || len(ts) != 1 || ts[0].Revoked != nil {
		t.Errorf("refused requests changed the tokens: %+v, %v", ts, err)
	}
	if tree, err := s.app.UnitTree(ctx); err != nil || len(tree.Units) != 2 {
		t.Errorf("refused requests changed the units: %+v, %v", tree, err)
	}
	if len(after.Reports) != len(before.Reports) || len(versionsAfter.Versions) != len(versions.Versions) {
		t.Errorf("refused requests changed the store: %d → %d reports, %d → %d versions",
			len(before.Reports), len(after.Reports), len(versions.Versions), len(versionsAfter.Versions))
	}
}
