package http

import (
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"zongjie/app"
	"zongjie/store"
	"zongjie/store/pgtest"
	"zongjie/store/postgres"
	"zongjie/store/sqlite"
)

// The every-route leak walk. A district's server (newDistrictServer)
// holds the reports of two sibling streets, 蓝湾街道 (with leakMarker in
// their text and file names) and 白沙街道, and of a street in another
// county; every route of the router (s.patterns, so that a route added
// later is walked without being named here) is requested
//
//   - signed out: a page sends to the login page, the API answers 401,
//     and nothing of a report is in the answer;
//   - as the drafter of 白沙街道, with the IDs of 蓝湾街道's reports
//     wherever a route or its parameters take an ID: the answer is the
//     one for an ID never used (the same status, the same body but for
//     the ID and the request's own tokens), and nothing of 蓝湾街道 —
//     the marker, the unit's name, hence its reports' titles — is in any
//     answer, searches, comparisons, families, tracks, series, the desk,
//     downloads and the API included; a change by ID changes nothing;
//   - and, to show that the walk sees what it looks for, as the drafter
//     of 蓝湾街道: the marker is in the answers about their reports.
//
// Both stores: SQLite, and PostgreSQL where the tests find one (pgtest).

// leakMarker is written in the reports of 蓝湾街道 and nowhere else.
const leakMarker = "甲乙丙丁保密示范"

// leakUnit is the name of the unit whose reports must not show.
const leakUnit = "蓝湾"

// unusedID is a report ID never used.
const unusedID = 987654

// leakReport writes a report of a unit: shared boilerplate (so that
// similar and families would link the units), figures, and a line of
// its own.
func leakReport(unit string, year int, own string) string {
	return fmt.Sprintf(`%s%d年工作总结及%d年工作计划

%d年，在区委、区政府的坚强领导下，%s坚持以新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大和二十届二中、三中全会精神，紧紧围绕高质量发展这个首要任务，统筹推进经济发展、城市建设、民生保障和基层治理各项工作，较好完成了全年目标任务。现将有关情况报告如下：

一、%d年工作总结
（一）经济运行稳中有进。全年完成地区生产总值%d.5亿元，同比增长6.2%%；新增就业%d人，城镇登记失业率控制在3.5%%以内。
（二）民生保障持续加强。新建社区养老服务站3个，改造老旧小区12个，惠及居民2600户。
（三）%s

二、存在的问题
一是产业结构仍需优化，新兴产业占比不高；二是公共服务供给与群众期盼还有差距；三是基层治理能力有待提升。

三、%d年工作计划
%d年，力争地区生产总值增长6.5%%，新增就业%d人，新建社区养老服务站4个，改造老旧小区15个。
`, unit, year, year+1, year, unit, year, 10+year%10, 1000+year%10*100, own, year+1, year+1, 1100+year%10*100)
}

// district is the leak walk's server and what it holds.
type district struct {
	s                *Server
	qinghe, qinghe25 int64 // 蓝湾街道's reports (the first in two versions)
	baisha, baisha25 int64 // 白沙街道's
	liuhe            int64 // 柳河乡's, in another county
	passwords        map[string]string
	qingheToken      int64 // an API token of qinghe-drafter
}

// newDistrictServer makes 云川市 → 东湖区 → 蓝湾街道, 白沙街道 and 云川市 →
// 西山县 → 柳河乡 on the store open gives, stores reports of them (the
// local user adds; the units come from the reports' names) and makes a
// drafter of each street.
func newDistrictServer(t *testing.T, open app.Opener) *district {
	t.Helper()
	t.Chdir(t.TempDir())
	a := app.New(app.Options{Open: open})
	t.Cleanup(func() { a.Close() })
	ctx := context.Background()
	for _, u := range []app.NewUnit{
		{Name: "云川市"}, {Name: "东湖区", Parent: "云川市"}, {Name: "西山县", Parent: "云川市"},
		{Name: "蓝湾街道", Parent: "东湖区"}, {Name: "白沙街道", Parent: "东湖区"}, {Name: "柳河乡", Parent: "西山县"},
	} {
		if _, err := a.AddUnit(ctx, u); err != nil {
			t.Fatalf("AddUnit %s: %v", u.Name, err)
		}
	}
	add := func(name, text string) int64 {
		t.Helper()
		stats, err := a.Add(ctx, app.AddRequest{Inputs: []app.Input{{Name: name, Data: []byte(text)}}})
		if err != nil || stats.Added+stats.Updated != 1 {
			t.Fatalf("Add %s: %+v, %v", name, stats, err)
		}
		list, err := a.List(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range list.Reports {
			if r.Path == name {
				return r.ID
			}
		}
		t.Fatalf("%s not stored", name)
		return 0
	}
	d := &district{passwords: map[string]string{}}
	d.qinghe = add("upload/"+leakMarker+"-2024.txt", leakReport("蓝湾街道", 2024, leakMarker+"项目顺利推进。"))
	d.qinghe25 = add("upload/qinghe-2025.txt", leakReport("蓝湾街道", 2025, leakMarker+"二期开工建设。"))
	d.baisha = add("upload/baisha-2024.txt", leakReport("白沙街道", 2024, "滨河绿道全线贯通。"))
	d.baisha25 = add("upload/baisha-2025.txt", leakReport("白沙街道", 2025, "滨河绿道二期贯通。"))
	d.liuhe = add("upload/liuhe-2024.txt", leakReport("柳河乡", 2024, "高标准农田建设完成。"))
	if v2 := add("upload/"+leakMarker+"-2024.txt", leakReport("蓝湾街道", 2024, leakMarker+"项目顺利推进，已通过验收。")); v2 != d.qinghe {
		t.Fatalf("second version stored as %d, not %d", v2, d.qinghe)
	}
	for _, u := range []app.NewUser{
		{Name: "qinghe-drafter", Unit: "蓝湾街道", Role: store.Drafter},
		{Name: "baisha-drafter", Unit: "白沙街道", Role: store.Drafter},
	} {
		u.Password = "pw-" + u.Name + "-secret"
		if _, err := a.AddUser(ctx, u); err != nil {
			t.Fatalf("AddUser %s: %v", u.Name, err)
		}
		d.passwords[u.Name] = u.Password
	}
	qctx := app.WithUser(ctx, mustAuthenticate(t, a, "qinghe-drafter", d.passwords["qinghe-drafter"]))
	tok, err := a.CreateToken(qctx, "", "蓝湾导入")
	if err != nil {
		t.Fatal(err)
	}
	d.qingheToken = tok.ID
	s, err := NewServer(a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d.s = s
	return d
}

func mustAuthenticate(t *testing.T, a *app.App, name, pw string) app.User {
	t.Helper()
	u, err := a.Authenticate(context.Background(), name, pw)
	if err != nil {
		t.Fatalf("Authenticate %s: %v", name, err)
	}
	return u
}

// Placeholders of the probes, for a report's ID and for the walker's own.
const (
	idSlot  = "@ID@"
	ownSlot = "@OWN@"
)

// fill returns the path of a route's pattern with its wildcards filled:
// report IDs by idSlot, versions by 1, a download's kind by kind, a
// token's number by the other user's token.
func (d *district) fill(path string, kind string) string {
	return wildcard.ReplaceAllStringFunc(path, func(w string) string {
		switch name := strings.TrimSuffix(strings.Trim(w, "{}"), "..."); {
		case name == "$":
			return ""
		case name == "tid":
			return fmt.Sprint(d.qingheToken)
		case name == "id":
			return idSlot
		case name == "kind":
			return kind
		}
		return "1"
	})
}

// downloadKinds are the {kind}s of a report's downloads.
var downloadKinds = []string{"fixed.txt", "annotated.docx", "gongwen.docx", "quantities.csv", "targets.csv"}

// probe is one request of the walk.
type probe struct {
	method, target, ct, body string
	echo                     bool // the request names 蓝湾街道 itself: only the marker must not come back
}

// probes returns the requests of the walk for one route, with idSlot
// where a report's ID goes (in the path, the query and the body), and
// ownSlot, a report of the walker's unit, where a second one goes (see
// with).
func (d *district) probes(method, path string) []probe {
	var out []probe
	kinds := []string{"x"}
	if strings.Contains(path, "{kind}") {
		kinds = downloadKinds
	}
	hasID := strings.Contains(path, "{id}")
	ids := "a=" + idSlot + "&b=" + ownSlot + "&old=" + idSlot + "&new=" + ownSlot + "&id=" + idSlot + "&v=1&version=1"
	for _, kind := range kinds {
		target := d.fill(path, kind)
		if safeMethod(method) {
			out = append(out, probe{method: method, target: target + "?" + ids})
			if !hasID {
				for _, q := range []url.Values{
					{}, {"q": {"保密示范"}}, {"q": {"经济运行稳中有进"}}, {"q": {"经济运行稳中有进"}, "kind": {"review"}},
					{"top": {"50"}, "all": {"1"}},
				} {
					out = append(out, probe{method: method, target: target + "?" + q.Encode()})
				}
				out = append(out, probe{method: method, target: target + "?unit=" + url.QueryEscape("蓝湾街道"), echo: true})
			}
			continue
		}
		out = append(out, d.bodies(method, path, target)...)
	}
	return out
}

// bodies returns the state-changing requests of a route: the bodies its
// handler reads, with idSlot for a report's ID.
func (d *district) bodies(method, path, target string) []probe {
	form := "application/x-www-form-urlencoded"
	js := "application/json"
	text := leakReport("白沙街道", 2026, "探针报告。")
	file, _ := json.Marshal(map[string]string{"name": "probe.txt", "text": text})
	pair := func(a, b string) string {
		return fmt.Sprintf(`{%q:{"id":%s},%q:{"id":%s}}`, a, idSlot, b, ownSlot)
	}
	switch {
	case strings.HasSuffix(path, "/fix"):
		return []probe{{method: method, target: target, ct: form, body: "all=1&version=1"}}
	case strings.HasSuffix(path, "/meta"):
		return []probe{{method: method, target: target, ct: form, body: "unit=%E7%99%BD%E6%B2%99%E8%A1%97%E9%81%93&period=2024"}}
	case strings.HasSuffix(path, "/restore") && !isAPIPath(path):
		return []probe{{method: method, target: target, ct: form, body: "version=1"}}
	case method == "PATCH":
		return []probe{{method: method, target: target, ct: js, body: `{"unit":"白沙街道"}`}}
	case path == "/api/v1/compare":
		return []probe{{method: method, target: target, ct: js, body: pair("a", "b")}, {method: method, target: target, ct: js, body: pair("b", "a")}}
	case path == "/api/v1/track":
		return []probe{{method: method, target: target, ct: js, body: pair("old", "new")}}
	case path == "/api/v1/similar":
		return []probe{{method: method, target: target, ct: js, body: `{"id":` + idSlot + `}`}, {method: method, target: target, ct: js, body: string(file)}}
	case isAPIPath(path) && strings.Contains(path, "{id}"):
		return []probe{{method: method, target: target, ct: js, body: "{}"}}
	case isAPIPath(path):
		return []probe{{method: method, target: target, ct: js, body: string(file)}}
	case path == "/upload" || path == "/compare":
		return []probe{multipartProbe(target, map[string]string{"a": text, "b": leakReport("白沙街道", 2023, "项目顺利推进。"), "files": text})}
	case path == "/account/password":
		return []probe{{method: method, target: target, ct: form, body: "old=x&new=y&again=y"}}
	case path == "/account/tokens":
		return []probe{{method: method, target: target, ct: form, body: "name=%E6%8E%A2%E9%92%88"}}
	}
	return []probe{{method: method, target: target, ct: form, body: "version=1"}}
}

func isAPIPath(p string) bool { return strings.HasPrefix(p, "/api/") }

// multipartProbe posts files as a multipart form.
func multipartProbe(target string, files map[string]string) probe {
	var b strings.Builder
	mw := multipart.NewWriter(&b)
	for name, text := range files {
		w, _ := mw.CreateFormFile(name, name+".txt")
		w.Write([]byte(text))
	}
	mw.Close()
	return probe{method: "POST", target: target, ct: mw.FormDataContentType(), body: b.String()}
}

// send sends a probe as b, naming the reports id and own.
func (b *browser) send(p probe, id, own int64) *httptest.ResponseRecorder {
	b.t.Helper()
	r := strings.NewReplacer(idSlot, fmt.Sprint(id), ownSlot, fmt.Sprint(own))
	return b.do(p.method, r.Replace(p.target), p.ct, r.Replace(p.body))
}

// names reports whether p names a report by its ID.
func (p probe) names() bool { return strings.Contains(p.target+p.body, idSlot) }

var (
	requestIDText = regexp.MustCompile(`\b[0-9a-f]{16}\b`)
	csrfText      = regexp.MustCompile(`[A-Za-z0-9_-]{43}`)
)

// normalize returns body without what differs between two answers that
// say the same: the request's ID and the CSRF token.
func normalize(body string) string {
	body = requestIDText.ReplaceAllString(body, "REQ")
	return csrfText.ReplaceAllString(body, "CSRF")
}

// leaked returns what of 蓝湾街道's the answer holds, or "".
func leaked(w *httptest.ResponseRecorder, echo bool) string {
	body := w.Body.String() + fmt.Sprint(w.Header())
	if strings.Contains(body, leakMarker) || strings.Contains(body, url.QueryEscape(leakMarker)) {
		return leakMarker
	}
	if !echo && strings.Contains(body, leakUnit) {
		return leakUnit
	}
	return ""
}

// Ensure no route shows anything of a report to someone signed out, and
// nothing of another unit's reports to a user of a sibling unit, on
// SQLite and on PostgreSQL.
func TestLeakEveryRoute(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "z.db")
		leakWalk(t, func(context.Context) (store.Store, error) { return sqlite.Open(db) })
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := pgtest.CreateDatabase(t, "C.UTF-8")
		leakWalk(t, func(ctx context.Context) (store.Store, error) { return postgres.Open(ctx, dsn) })
	})
}

func leakWalk(t *testing.T, open app.Opener) {
	d := newDistrictServer(t, open)
	s := d.s
	ctx := context.Background()
	versions := func() int {
		v, err := s.app.Versions(ctx, d.qinghe)
		if err != nil {
			t.Fatal(err)
		}
		return len(v.Versions)
	}
	before := versions()
	rts := routes(s)
	if len(rts) < 30 {
		t.Fatalf("only %d routes: is the route table recorded?", len(rts))
	}

	// Signed out.
	out := newBrowser(t, s)
	out.get("/login") // a CSRF cookie, so that what is refused is the sign-in
	for _, rt := range rts {
		pattern := rt[0] + " " + rt[1]
		for _, p := range d.probes(rt[0], rt[1]) {
			w := out.send(p, d.qinghe, d.baisha)
			what := "signed out: " + p.method + " " + p.target
			if l := leaked(w, p.echo); l != "" || strings.Contains(w.Body.String(), "白沙") {
				t.Errorf("%s: %d shows a report (%q): %.300s", what, w.Code, l, w.Body)
			}
			switch {
			case s.public[pattern]:
			case isAPIPath(rt[1]):
				if w.Code != 401 || !strings.Contains(w.Body.String(), `"code":"unauthorized"`) {
					t.Errorf("%s: %d %.200s, want 401", what, w.Code, w.Body)
				}
			default:
				loc := w.Header().Get("Location")
				if w.Code != http.StatusSeeOther || !strings.HasPrefix(loc, "/login") {
					t.Errorf("%s: %d %q, want the login page", what, w.Code, loc)
				}
				if want := "/login?next=" + url.QueryEscape(strings.NewReplacer(idSlot, fmt.Sprint(d.qinghe), ownSlot, fmt.Sprint(d.baisha)).Replace(p.target)); p.method == "GET" && loc != want {
					t.Errorf("%s: Location %q does not come back", what, loc)
				}
			}
		}
	}

	// The drafter of the sibling street, signed in by the login page, and
	// by an API token.
	sib := newBrowser(t, s)
	sib.signIn("baisha-drafter", d.passwords["baisha-drafter"])
	bctx := app.WithUser(ctx, mustAuthenticate(t, s.app, "baisha-drafter", d.passwords["baisha-drafter"]))
	tok, err := s.app.CreateToken(bctx, "", "白沙脚本")
	if err != nil {
		t.Fatal(err)
	}
	api := newBrowser(t, s)
	api.token = tok.Secret
	walked, notFound := 0, 0
	for _, b := range []*browser{sib, api} {
		for _, rt := range rts {
			if rt[1] == "/logout" {
				continue // signs the walker out: its own test
			}
			for _, hidden := range []int64{d.qinghe, d.qinghe25} {
				for _, p := range d.probes(rt[0], rt[1]) {
					walked++
					what := fmt.Sprintf("%s %s [%s=%d]", p.method, p.target, idSlot, hidden)
					if b == api {
						what = "token: " + what
					}
					w := b.send(p, hidden, d.baisha)
					if w.Code >= 500 {
						t.Errorf("%s: %d %.300s", what, w.Code, w.Body)
					}
					if l := leaked(w, p.echo); l != "" {
						i := strings.Index(w.Body.String(), l)
						t.Errorf("%s: %d shows %q: …%s…", what, w.Code, l, w.Body.String()[max(0, i-200):min(w.Body.Len(), i+100)])
					}
					if !p.names() || strings.Contains(rt[1], "{tid}") {
						continue
					}
					// The same request with an ID never used: the same
					// answer, but for the ID it names.
					u := b.send(p, unusedID, d.baisha)
					got := normalize(w.Body.String())
					want := normalize(strings.ReplaceAll(u.Body.String(), fmt.Sprint(unusedID), fmt.Sprint(hidden)))
					if w.Code != u.Code || got != want {
						t.Errorf("%s: %d, with an ID never used %d:\n%.400s\n---\n%.400s", what, w.Code, u.Code, got, want)
					}
					if w.Code == 404 {
						notFound++
					}
					// By ID: not found — or, on an admin page, the
					// refusal every non-admin gets whatever the ID.
					if strings.Contains(rt[1], "{id}") && w.Code != 404 && (w.Code != 403 || !strings.HasPrefix(rt[1], "/admin/")) {
						t.Errorf("%s: %d, want 404: %.200s", what, w.Code, w.Body)
					}
				}
			}
		}
	}
	if v := versions(); v != before {
		t.Errorf("the walk changed 蓝湾街道's report: %d → %d versions", before, v)
	}
	tokens, err := s.app.ListTokens(app.WithUser(ctx, mustAuthenticate(t, s.app, "qinghe-drafter", d.passwords["qinghe-drafter"])), "")
	if err != nil || len(tokens) != 1 || tokens[0].Revoked != nil {
		t.Errorf("the walk revoked 蓝湾街道's token: %+v %v", tokens, err)
	}
	// The desk shows the walker's unit, and only it.
	if w := sib.get("/"); w.Code != 200 || !strings.Contains(w.Body.String(), "白沙街道") || strings.Contains(w.Body.String(), leakUnit) {
		t.Errorf("the desk of 白沙街道's drafter: %d", w.Code)
	}

	// The walk sees what it looks for: 蓝湾街道's drafter is shown their
	// reports by the same routes.
	own := newBrowser(t, s)
	own.signIn("qinghe-drafter", d.passwords["qinghe-drafter"])
	shown := map[string]bool{}
	for _, rt := range rts {
		if rt[0] != "GET" {
			continue
		}
		for _, p := range d.probes(rt[0], rt[1]) {
			if w := own.send(p, d.qinghe, d.qinghe25); w.Code < 300 && leaked(w, p.echo) != "" {
				shown[rt[1]] = true
			}
		}
	}
	for _, must := range []string{"/{$}", "/reports/{id}", "/search", "/api/v1/reports/{id}", "/api/v1/search", "/api/v1/reports", "/reports/{id}/download/{kind}"} {
		if !shown[must] {
			t.Errorf("as 蓝湾街道's drafter, %s shows nothing of their reports: the walk would not see a leak", must)
		}
	}
	t.Logf("%d routes; %d requests as the sibling drafter, %d answered 404 as for an ID never used; %d routes show the reports to their unit",
		len(rts), walked, notFound, len(shown))
}
