package http

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"zongjie/app"
	"zongjie/store"
	"zongjie/store/sqlite"
)

// adminDistrict is a unit tree with reports and users, and a server
// for each user (Options.User: who the requests act for).
type adminDistrict struct {
	t     *testing.T
	a     *app.App
	users map[string]app.User
	units map[string]int64 // by name
	// Reports: 青禾街道's, 白沙街道's, 柳河乡's (西山县), one of no unit.
	qinghe, baisha, liuhe, unassigned int64
}

// districtReport writes a report of a unit.
func districtReport(unit string, year int, own string) []byte {
	return fmt.Appendf(nil, "%s%d年工作总结\n\n%d年，%s在区委、区政府的领导下，扎实推进各项工作。\n一、主要工作\n（一）%s全年新增就业%d人。\n二、存在的问题\n一是产业结构仍需优化。\n三、%d年工作计划\n力争新增就业%d人。\n",
		unit, year, year, unit, own, 1000+year%10, year+1, 1100+year%10)
}

// newAdminDistrict makes 云川市 → 东湖区 → 青禾街道, 白沙街道 and 云川市 →
// 西山县 → 柳河乡, a report of each street and 柳河乡 and one naming no
// unit of the tree, and users: the city's admin, 东湖区's admin and
// reviewer, 青禾街道's drafter, 西山县's drafter.
func newAdminDistrict(t *testing.T) *adminDistrict {
	t.Helper()
	db := filepath.Join(t.TempDir(), "z.db")
	t.Chdir(t.TempDir())
	a := app.New(app.Options{Open: func(context.Context) (store.Store, error) { return sqlite.Open(db) }})
	t.Cleanup(func() { a.Close() })
	ctx := context.Background()
	d := &adminDistrict{t: t, a: a, users: map[string]app.User{}, units: map[string]int64{}}
	for _, u := range []app.NewUnit{
		{Name: "云川市"}, {Name: "东湖区", Parent: "云川市"}, {Name: "西山县", Parent: "云川市"},
		{Name: "青禾街道", Parent: "东湖区"}, {Name: "白沙街道", Parent: "东湖区"}, {Name: "柳河乡", Parent: "西山县"},
	} {
		added, err := a.AddUnit(ctx, u)
		if err != nil {
			t.Fatalf("AddUnit %s: %v", u.Name, err)
		}
		d.units[u.Name] = added.Unit.ID
	}
	add := func(name string, data []byte) int64 {
		t.Helper()
		res, err := a.AddUploads(ctx, []app.Upload{{Name: name, Data: data}})
		if err != nil || res[0].Err != nil {
			t.Fatalf("add %s: %v %v", name, err, res[0].Err)
		}
		return res[0].Reports[0].ID
	}
	d.qinghe = add("qinghe.txt", districtReport("青禾街道", 2024, "青禾社区食堂建成。"))
	d.baisha = add("baisha.txt", districtReport("白沙街道", 2024, "白沙绿道贯通。"))
	d.liuhe = add("liuhe.txt", districtReport("柳河乡", 2024, "柳河农田改造。"))
	d.unassigned = add("nowhere.txt", districtReport("石桥镇", 2024, "石桥老街修缮。"))
	for _, u := range []app.NewUser{
		{Name: "city-admin", Unit: "云川市", Role: store.Admin},
		{Name: "donghu-admin", Unit: "东湖区", Role: store.Admin},
		{Name: "donghu-reviewer", Unit: "东湖区", Role: store.Reviewer},
		{Name: "qinghe-drafter", Unit: "青禾街道", Role: store.Drafter},
		{Name: "xishan-drafter", Unit: "西山县", Role: store.Drafter},
	} {
		u.Password = "pw-" + u.Name
		if _, err := a.AddUser(ctx, u); err != nil {
			t.Fatalf("AddUser %s: %v", u.Name, err)
		}
		got, err := a.Authenticate(ctx, u.Name, u.Password)
		if err != nil {
			t.Fatalf("Authenticate %s: %v", u.Name, err)
		}
		d.users[u.Name] = got
	}
	return d
}

// as returns a browser of a server signed in as a user of the district
// ("" for one signed out).
func (d *adminDistrict) as(name string) *client {
	d.t.Helper()
	s, err := NewServer(d.a, Options{})
	if err != nil {
		d.t.Fatal(err)
	}
	if name == "" {
		return newClient(d.t, s)
	}
	u, ok := d.users[name]
	if !ok {
		d.t.Fatalf("no user %s", name)
	}
	return clientAs(d.t, s, u)
}

// ref names a unit of the district as the forms do.
func (d *adminDistrict) ref(name string) string { return unitRef(d.units[name]) }

// follow gets where a redirect (303) points.
func (c *client) follow(what string, w *httptest.ResponseRecorder) *httptest.ResponseRecorder {
	c.t.Helper()
	if w.Code != 303 {
		c.t.Fatalf("%s: status %d, want 303\n%.600s", what, w.Code, w.Body)
	}
	return c.get(w.Header().Get("Location"))
}

// Ensure every admin page and action refuses a user who is not an admin
// (403 with a Chinese message: an admin page is not a report), and that
// the navigation offers 管理 to admins only.
func TestAdminForbidden(t *testing.T) {
	d := newAdminDistrict(t)
	for _, who := range []string{"qinghe-drafter", "donghu-reviewer"} {
		c := d.as(who)
		for _, target := range []string{"/admin", "/admin/units", "/admin/units?edit=1", "/admin/users", "/admin/users/qinghe-drafter/tokens", "/admin/audit", "/admin/audit.csv", "/admin/trash"} {
			wantStatus(t, who+" GET "+target, c.get(target), 403, "只有管理员")
		}
		for _, target := range []string{"/admin/units", "/admin/units/1/edit", "/admin/units/assign", "/admin/units/match", "/admin/users",
			"/admin/users/qinghe-drafter/disable", "/admin/users/qinghe-drafter/password", "/admin/users/qinghe-drafter/tokens",
			"/admin/users/qinghe-drafter/tokens/1/revoke", fmt.Sprintf("/admin/trash/%d/undo", d.qinghe)} {
			form := url.Values{"name": {"新社区"}, "parent": {d.ref("青禾街道")}, "id": {fmt.Sprint(d.unassigned)}, "unit": {d.ref("青禾街道")},
				"disabled": {"1"}, "password": {"a new password"}, "password2": {"a new password"}, "role": {"admin"}, "token_name": {"x"}}
			wantStatus(t, who+" POST "+target, c.post(target, form), 403, "只有管理员")
		}
		if w := c.get("/"); strings.Contains(w.Body.String(), `href="/admin/units"`) {
			t.Errorf("%s: the navigation offers 管理", who)
		}
	}
	// Nothing changed: no unit, no user, no token, the unassigned report still so.
	if ts, err := d.a.ListTokens(context.Background(), "qinghe-drafter"); err != nil || len(ts) != 0 {
		t.Errorf("after the refused requests: tokens %+v, %v", ts, err)
	}
	tree, _ := d.a.UnitTree(context.Background())
	if len(tree.Units) != 6 || tree.Unassigned != 1 {
		t.Errorf("after the refused requests: %d units, %d unassigned", len(tree.Units), tree.Unassigned)
	}
	wantStatus(t, "city-admin home", d.as("city-admin").get("/"), 200, `href="/admin/units" accesskey="m"`)
}

// Ensure the units page shows the tree with its counts and the
// unassigned reports, and adds, changes and assigns.
func TestAdminUnits(t *testing.T) {
	d := newAdminDistrict(t)
	c := d.as("city-admin")
	w := c.get("/admin/units")
	wantStatus(t, "units", w, 200, "单位树", "青禾街道", "柳河乡", "1 篇报告", "未分配的报告 <span class=\"muted\">（1）", "石桥镇", `name="id" value="`+fmt.Sprint(d.unassigned)+`"`)
	// An admin of 东湖区 sees its subtree only, and cannot change 东湖区 itself.
	w = d.as("donghu-admin").get("/admin/units")
	wantStatus(t, "units as 东湖区's admin", w, 200, "青禾街道", "白沙街道")
	if b := w.Body.String(); strings.Contains(b, "柳河乡") || strings.Contains(b, fmt.Sprintf("edit=%d#", d.units["东湖区"])) {
		t.Errorf("东湖区's admin sees 柳河乡 or may edit 东湖区:\n%s", b)
	}

	// Add, with aliases; the page says so.
	w = c.post("/admin/units", url.Values{"name": {"新村社区"}, "parent": {d.ref("青禾街道")}, "aliases": {"新村、新村居委会"}})
	wantStatus(t, "added", c.follow("add", w), 200, "已添加单位 云川市/东湖区/青禾街道/新村社区", "别名：新村、新村居委会")
	// Adding a unit that unassigned reports name takes them.
	w = c.post("/admin/units", url.Values{"name": {"石桥镇"}, "parent": {d.ref("西山县")}})
	wantStatus(t, "added 石桥镇", c.follow("add", w), 200, "并按名称把 1 篇未分配的报告分配给它", "没有未分配的报告")
	for _, tt := range []struct {
		name   string
		form   url.Values
		status int
		msg    string
	}{
		{"no name", url.Values{"name": {""}, "parent": {d.ref("青禾街道")}}, 400, "单位名称不能为空"},
		{"a slash", url.Values{"name": {"甲/乙"}, "parent": {d.ref("青禾街道")}}, 400, "斜杠"},
		{"unknown parent", url.Values{"name": {"甲社区"}, "parent": {"#999"}}, 404, "没有单位"},
		{"twice", url.Values{"name": {"新村社区"}, "parent": {d.ref("青禾街道")}}, 409, "已有单位"},
		{"a root", url.Values{"name": {"外市"}, "parent": {""}}, 403, "只能在本单位之下"},
	} {
		wantStatus(t, "add "+tt.name, c.post("/admin/units", tt.form), tt.status, tt.msg)
	}

	// Change: rename, aliases, move.
	tree, _ := d.a.UnitTree(context.Background())
	var xinID int64
	for _, u := range tree.Units {
		if u.Name == "新村社区" {
			xinID = u.ID
		}
	}
	wantStatus(t, "edit form", c.get(fmt.Sprintf("/admin/units?edit=%d", xinID)), 200, "修改单位：云川市/东湖区/青禾街道/新村社区",
		`value="新村、新村居委会"`, fmt.Sprintf(`<option value="%s" selected>`, d.ref("青禾街道")))
	b := c.get(fmt.Sprintf("/admin/units?edit=%d", d.units["东湖区"])).Body.String()
	b = b[strings.Index(b, `id="edit-parent"`):]
	if b = b[:strings.Index(b, "</select>")]; strings.Contains(b, fmt.Sprintf(`value="%s"`, d.ref("青禾街道"))) || !strings.Contains(b, fmt.Sprintf(`value="%s"`, d.ref("西山县"))) {
		t.Errorf("the edit form of 东湖区 offers to move it under its own street")
	}
	edit := fmt.Sprintf("/admin/units/%d/edit", xinID)
	w = c.post(edit, url.Values{"name": {"新华社区"}, "aliases": {"新华"}, "parent": {d.ref("白沙街道")}})
	wantStatus(t, "changed", c.follow("edit", w), 200, "已修改单位：现为 云川市/东湖区/白沙街道/新华社区", "别名：新华")
	for _, tt := range []struct {
		name, target string
		form         url.Values
		status       int
		msg          string
	}{
		{"no name", edit, url.Values{"name": {" "}, "parent": {d.ref("白沙街道")}}, 400, "单位名称不能为空"},
		{"into itself", fmt.Sprintf("/admin/units/%d/edit", d.units["东湖区"]), url.Values{"name": {"东湖区"}, "parent": {d.ref("青禾街道")}}, 409, "在它自己之下"},
		{"unknown unit", "/admin/units/999/edit", url.Values{"name": {"x"}, "parent": {d.ref("白沙街道")}}, 404, "没有单位"},
		{"not a number", "/admin/units/abc/edit", url.Values{"name": {"x"}}, 404, "不是单位编号"},
		{"own unit", fmt.Sprintf("/admin/units/%d/edit", d.units["云川市"]), url.Values{"name": {"云川"}}, 403, "只能修改本单位之下"},
	} {
		wantStatus(t, "edit "+tt.name, c.post(tt.target, tt.form), tt.status, tt.msg)
	}
	wantStatus(t, "edit an unknown unit", c.get("/admin/units?edit=999"), 404, "没有编号为 999 的单位")
	// 东湖区's admin cannot change a unit of 西山县 (the tree's names are no secret: 403).
	wantStatus(t, "edit 柳河乡 as 东湖区's admin", d.as("donghu-admin").post(fmt.Sprintf("/admin/units/%d/edit", d.units["柳河乡"]), url.Values{"name": {"柳"}, "parent": {d.ref("西山县")}}), 403)
}

// Ensure unassigned reports are assigned by hand, one or several, and by
// matching again.
func TestAdminAssign(t *testing.T) {
	d := newAdminDistrict(t)
	ctx := context.Background()
	c := d.as("city-admin")
	// A second unassigned report; both to 白沙街道 at once.
	res, err := d.a.AddUploads(ctx, []app.Upload{{Name: "nowhere2.txt", Data: districtReport("**街道", 2023, "匿名。")}})
	if err != nil || res[0].Err != nil {
		t.Fatal(err, res[0].Err)
	}
	other := res[0].Reports[0].ID
	for _, tt := range []struct {
		name   string
		form   url.Values
		status int
		msg    string
	}{
		{"none checked", url.Values{"unit": {d.ref("白沙街道")}}, 400, "请先勾选"},
		{"no unit", url.Values{"id": {fmt.Sprint(d.unassigned)}}, 400, "请选择"},
		{"a bad ID", url.Values{"id": {"x1"}, "unit": {d.ref("白沙街道")}}, 400, "不是报告编号"},
		{"an unknown report", url.Values{"id": {"9999"}, "unit": {d.ref("白沙街道")}}, 404, ""},
		{"an unknown unit", url.Values{"id": {fmt.Sprint(d.unassigned)}, "unit": {"#999"}}, 404, "没有单位"},
	} {
		wantStatus(t, "assign "+tt.name, c.post("/admin/units/assign", tt.form), tt.status, tt.msg)
	}
	w := c.post("/admin/units/assign", url.Values{"id": {fmt.Sprint(d.unassigned), fmt.Sprint(other)}, "unit": {d.ref("白沙街道")}})
	wantStatus(t, "assigned", c.follow("assign", w), 200, "已把 2 篇报告分配给 云川市/东湖区/白沙街道", "没有未分配的报告")
	if s, err := d.a.Show(app.WithUser(ctx, d.users["donghu-reviewer"]), other, 0); err != nil {
		t.Errorf("the report assigned to 白沙街道 is not 东湖区's reviewer's: %v", err)
	} else if s.Report.Stored.UnitID != d.units["白沙街道"] {
		t.Errorf("assigned to unit %d", s.Report.Stored.UnitID)
	}
	// Back to none, then matching again finds the unit its name gives.
	if err := d.a.AssignReports(ctx, []int64{d.unassigned, d.qinghe}, ""); err != nil {
		t.Fatal(err)
	}
	w = c.post("/admin/units/match", nil)
	wantStatus(t, "matched", c.follow("match", w), 200, "重新按名称匹配：已分配 1 篇报告", "未分配的报告 <span class=\"muted\">（1）")
	w = c.post("/admin/units/match", nil)
	wantStatus(t, "matched again", c.follow("match", w), 200, "没有可以确定单位的报告")
	// 东湖区's admin is below the root: the unassigned are not theirs.
	wantStatus(t, "assign as 东湖区's admin", d.as("donghu-admin").post("/admin/units/assign", url.Values{"id": {fmt.Sprint(d.unassigned)}, "unit": {d.ref("白沙街道")}}), 404)
}

// Ensure the users page lists the users of the admin's units, adds one
// with the password the admin types, disables, enables and sets a
// password.
func TestAdminUsers(t *testing.T) {
	d := newAdminDistrict(t)
	ctx := context.Background()
	c := d.as("donghu-admin")
	w := c.get("/admin/users")
	wantStatus(t, "users", w, 200, "qinghe-drafter", "donghu-reviewer", "云川市/东湖区/青禾街道", "起草", "审阅", "最近登录")
	if b := w.Body.String(); strings.Contains(b, "xishan-drafter") || strings.Contains(b, "city-admin") {
		t.Errorf("东湖区's admin sees users of other units")
	}
	// Add.
	form := url.Values{"name": {"wang"}, "unit": {d.ref("白沙街道")}, "role": {"drafter"}, "password": {"白沙街道起草人员"}, "password2": {"白沙街道起草人员"}}
	w = c.post("/admin/users", form)
	wantStatus(t, "added", c.follow("add", w), 200, "已添加用户 wang", "云川市/东湖区/白沙街道", "从未登录")
	if u, err := d.a.Authenticate(ctx, "wang", "白沙街道起草人员"); err != nil || u.Role != store.Drafter || u.Unit != d.units["白沙街道"] {
		t.Errorf("wang signs in as %+v, %v", u, err)
	}
	with := func(k, v string) url.Values {
		f := url.Values{}
		for key, vs := range form {
			f[key] = vs
		}
		f.Set("name", "li")
		f.Set(k, v)
		return f
	}
	for _, tt := range []struct {
		name   string
		form   url.Values
		status int
		msg    string
	}{
		{"passwords differ", with("password2", "白沙街道起草"), 400, "两次输入的密码不一致"},
		{"no password", with("password", ""), 400, "请输入密码"},
		{"short", url.Values{"name": {"li"}, "unit": {d.ref("白沙街道")}, "role": {"drafter"}, "password": {"short"}, "password2": {"short"}}, 400, "密码太短"},
		{"bad role", with("role", "root"), 400, "角色"},
		{"space in name", with("name", "li si"), 400, "不能含空格"},
		{"taken", with("name", "wang"), 409, "已被使用"},
		{"no unit", with("unit", ""), 400, "请指定单位"},
		{"outside", with("unit", d.ref("柳河乡")), 403, "无权"},
	} {
		wantStatus(t, "add "+tt.name, c.post("/admin/users", tt.form), tt.status, tt.msg)
	}
	// Disable and enable.
	w = c.post("/admin/users/wang/disable", url.Values{"disabled": {"1"}})
	wantStatus(t, "disabled", c.follow("disable", w), 200, "已停用用户 wang", "已停用", `aria-label="启用 wang"`)
	if _, err := d.a.Authenticate(ctx, "wang", "白沙街道起草人员"); app.ErrorCode(err) != app.Unauthorized {
		t.Errorf("a disabled user signs in: %v", err)
	}
	w = c.post("/admin/users/wang/disable", url.Values{"disabled": {"0"}})
	wantStatus(t, "enabled", c.follow("enable", w), 200, "已启用用户 wang")
	if _, err := d.a.Authenticate(ctx, "wang", "白沙街道起草人员"); err != nil {
		t.Errorf("an enabled user does not sign in: %v", err)
	}
	// A new password.
	w = c.post("/admin/users/wang/password", url.Values{"password": {"另一个更长的新密码"}, "password2": {"另一个更长的新密码"}})
	wantStatus(t, "password", c.follow("password", w), 200, "已重置用户 wang 的密码")
	if _, err := d.a.Authenticate(ctx, "wang", "另一个更长的新密码"); err != nil {
		t.Errorf("the new password does not sign in: %v", err)
	}
	for _, tt := range []struct {
		name, target string
		form         url.Values
		status       int
		msg          string
	}{
		{"disable: no value", "/admin/users/wang/disable", url.Values{}, 400, "disabled 应为"},
		{"disable oneself", "/admin/users/donghu-admin/disable", url.Values{"disabled": {"1"}}, 400, "不能停用自己"},
		{"disable: unknown", "/admin/users/nobody/disable", url.Values{"disabled": {"1"}}, 404, "没有用户 nobody"},
		{"disable: another county's", "/admin/users/xishan-drafter/disable", url.Values{"disabled": {"1"}}, 404, "没有用户 xishan-drafter"},
		{"password: differ", "/admin/users/wang/password", url.Values{"password": {"另一个更长的新密码"}, "password2": {"另一个更长的新密码x"}}, 400, "不一致"},
		{"password: one character", "/admin/users/wang/password", url.Values{"password": {"aaaaaaaa"}, "password2": {"aaaaaaaa"}}, 400, "同一个字符"},
		{"password: unknown", "/admin/users/nobody/password", url.Values{"password": {"另一个更长的新密码"}, "password2": {"另一个更长的新密码"}}, 404, "没有用户"},
		{"password: another county's", "/admin/users/xishan-drafter/password", url.Values{"password": {"另一个更长的新密码"}, "password2": {"另一个更长的新密码"}}, 404, "没有用户"},
	} {
		wantStatus(t, tt.name, c.post(tt.target, tt.form), tt.status, tt.msg)
	}
	// The admin's own row has no disable button.
	if strings.Contains(c.get("/admin/users").Body.String(), `aria-label="停用 donghu-admin"`) {
		t.Errorf("the admin is offered to disable themselves")
	}
	// A name that needs escaping in a path still reaches its user.
	if _, err := d.a.AddUser(ctx, app.NewUser{Name: "a?b#c%d", Unit: "白沙街道", Role: store.Drafter, Password: "a long password"}); err != nil {
		t.Fatal(err)
	}
	b := c.get("/admin/users").Body.String()
	if !strings.Contains(b, `action="/admin/users/a%3Fb%23c%25d/disable"`) {
		t.Fatalf("the escaped name's form is missing")
	}
	w = c.post("/admin/users/a%3Fb%23c%25d/disable", url.Values{"disabled": {"1"}})
	wantStatus(t, "disable a?b#c%d", c.follow("disable", w), 200, "已停用用户 a?b#c%d")
}

// Ensure the audit page filters, pages and exports the CSV the command
// line writes.
func TestAdminAudit(t *testing.T) {
	d := newAdminDistrict(t)
	c := d.as("city-admin")
	wantStatus(t, "audit", c.get("/admin/audit"), 200, "unit.add", "user.add", "云川市/西山县/柳河乡", "导出 CSV")
	w := c.get("/admin/audit?action=user.add&unit=" + url.QueryEscape(d.ref("东湖区")))
	wantStatus(t, "filtered", w, 200, "donghu-reviewer", "qinghe-drafter")
	if b := w.Body.String(); strings.Contains(b, "<code>unit.add</code>") || strings.Contains(b, "xishan-drafter，") || !strings.Contains(b, "qinghe-drafter，") {
		t.Errorf("the filter let through other actions or units")
	}
	w = c.get(fmt.Sprintf("/admin/audit?report=%d", d.liuhe))
	wantStatus(t, "a report", w, 200, "报告：加入 <code>report.add</code>", "liuhe.txt")
	if strings.Contains(w.Body.String(), "<code>user.add</code>") {
		t.Errorf("the report filter let through other entries")
	}
	today := time.Now().Format("2006-01-02")
	wantStatus(t, "today", c.get("/admin/audit?from="+today+"&to="+today), 200, "<code>unit.add</code>")
	wantStatus(t, "before today", c.get("/admin/audit?to=2000-01-01"), 200, "没有符合条件的记录")
	wantStatus(t, "a user", c.get("/admin/audit?user=qinghe-drafter"), 200, "登录：登录 <code>login</code>")
	if got := actionWords("report.future"); got != "report.future" {
		t.Errorf("an unknown action is named %q, want its code", got)
	}
	// 东湖区's admin sees its entries only.
	if b := d.as("donghu-admin").get("/admin/audit").Body.String(); strings.Contains(b, "柳河乡") || !strings.Contains(b, "青禾街道") {
		t.Errorf("东湖区's admin's log holds other units' entries, or not its own")
	}
	for _, tt := range []struct {
		query  string
		status int
		msg    string
	}{
		{"from=2025-13-01", 400, "起始日期"},
		{"to=yesterday", 400, "截止日期"},
		{"from=2025-03-02&to=2025-03-01", 400, "晚于"},
		{"report=abc", 400, "报告编号"},
		{"before=-1", 400, "翻页位置"},
		{"user=nobody", 404, "没有用户 nobody"},
		{"unit=%23999", 404, "没有单位"},
	} {
		wantStatus(t, "audit?"+tt.query, c.get("/admin/audit?"+tt.query), tt.status, tt.msg)
		wantStatus(t, "audit.csv?"+tt.query, c.get("/admin/audit.csv?"+tt.query), tt.status, tt.msg)
	}

	// Pages of 50: disable and enable a user 30 times, 60 entries more.
	for range 30 {
		for _, v := range []string{"1", "0"} {
			if w := c.post("/admin/users/xishan-drafter/disable", url.Values{"disabled": {v}}); w.Code != 303 {
				t.Fatalf("disable: %d", w.Code)
			}
		}
	}
	all, err := d.a.AuditLog(context.Background(), app.AuditQuery{Action: "user."})
	if err != nil || len(all) != 65 {
		t.Fatalf("user.* entries: %d, %v", len(all), err)
	}
	w = c.get("/admin/audit?action=user.")
	first := w.Body.String()
	if n := strings.Count(first, "<code>user."); n != auditPageSize {
		t.Errorf("first page: %d entries, want %d", n, auditPageSize)
	}
	next := fmt.Sprintf(`href="/admin/audit?action=user.&amp;before=%d"`, all[auditPageSize-1].ID)
	if !strings.Contains(first, next) || strings.Contains(first, "最新的记录") {
		t.Fatalf("first page: no link %s, or a link to itself", next)
	}
	w = c.get(fmt.Sprintf("/admin/audit?action=user.&before=%d", all[auditPageSize-1].ID))
	second := w.Body.String()
	if n := strings.Count(second, "<code>user."); n != 15 || strings.Contains(second, `rel="next"`) || !strings.Contains(second, `href="/admin/audit?action=user."`) {
		t.Errorf("second page: %d entries, want 15, no next page and a link to the first", n)
	}
	if !strings.Contains(second, fmt.Sprintf(`<td class="num">%d</td>`, all[64].ID)) || strings.Contains(second, fmt.Sprintf(`<td class="num">%d</td>`, all[auditPageSize-1].ID)) {
		t.Errorf("second page does not start after the first")
	}

	// CSV: every entry the filters select, not a page; as the command
	// line writes it.
	w = c.get("/admin/audit.csv?action=user.&before=1")
	wantStatus(t, "csv", w, 200)
	if ct, cd := w.Header().Get("Content-Type"), w.Header().Get("Content-Disposition"); ct != "text/csv; charset=utf-8" || !strings.HasPrefix(cd, `attachment; filename="audit-`) {
		t.Errorf("csv headers %q, %q", ct, cd)
	}
	body := w.Body.String()
	if !strings.HasPrefix(body, "\uFEFF编号,时间,用户") {
		t.Errorf("csv starts %.40q", body)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	if err != nil || len(rows) != 66 {
		t.Fatalf("csv: %d rows, %v", len(rows), err)
	}
	var want strings.Builder
	if err := app.WriteAuditCSV(&want, all); err != nil {
		t.Fatal(err)
	}
	if body != want.String() {
		t.Errorf("the page's CSV is not WriteAuditCSV's")
	}
}

// Ensure a report is deleted from its page by who may change it, shows
// in the trash with who deleted it and the days left, and comes back.
func TestAdminTrash(t *testing.T) {
	d := newAdminDistrict(t)
	ctx := context.Background()
	report := fmt.Sprintf("/reports/%d", d.qinghe)
	drafter := d.as("qinghe-drafter")
	wantStatus(t, "the drafter's report page", drafter.get(report), 200, `action="`+report+`/delete"`, "确认删除报告")
	// A reviewer reads it but may not change it: no button, and 403.
	reviewer := d.as("donghu-reviewer")
	w := reviewer.get(report)
	wantStatus(t, "the reviewer's report page", w, 200)
	if strings.Contains(w.Body.String(), "/delete") {
		t.Errorf("the reviewer is offered to delete")
	}
	wantStatus(t, "delete as the reviewer", reviewer.post(report+"/delete", nil), 403)
	// Another county's drafter does not know it.
	wantStatus(t, "delete as 西山县's drafter", d.as("xishan-drafter").post(report+"/delete", nil), 404)
	wantStatus(t, "delete an unknown report", drafter.post("/reports/9999/delete", nil), 404)
	wantStatus(t, "delete a bad ID", drafter.post("/reports/x/delete", nil), 404)

	wantStatus(t, "delete", drafter.post(report+"/delete", nil), 200, "已移入回收站", "30 天内")
	wantStatus(t, "the deleted report", drafter.get(report), 404)
	wantStatus(t, "delete twice", drafter.post(report+"/delete", nil), 404)

	admin := d.as("city-admin")
	w = admin.get("/admin/trash")
	wantStatus(t, "trash", w, 200, "qinghe.txt", "qinghe-drafter", "30 天", fmt.Sprintf(`action="/admin/trash/%d/undo"`, d.qinghe))
	// 西山县's side: an admin of 东湖区 sees it, none of 西山县 would.
	wantStatus(t, "trash as 东湖区's admin", d.as("donghu-admin").get("/admin/trash"), 200, "qinghe.txt")

	wantStatus(t, "undo an unknown report", admin.post("/admin/trash/9999/undo", nil), 404, "回收站中没有报告 9999")
	wantStatus(t, "undo a live report", admin.post(fmt.Sprintf("/admin/trash/%d/undo", d.baisha), nil), 404)
	wantStatus(t, "undo a bad ID", admin.post("/admin/trash/x/undo", nil), 404)
	w = admin.post(fmt.Sprintf("/admin/trash/%d/undo", d.qinghe), nil)
	wantStatus(t, "undone", admin.follow("undo", w), 200, fmt.Sprintf("已恢复报告 %d", d.qinghe), "回收站是空的", `href="`+report+`"`)
	if s, err := d.a.Show(ctx, d.qinghe, 0); err != nil || s.Report.Stored.UnitID != d.units["青禾街道"] {
		t.Errorf("the report after undo: %+v, %v", s, err)
	}
	// An admin who deletes lands on the trash, the report in it.
	w = admin.post(report+"/delete", nil)
	wantStatus(t, "deleted by an admin", admin.follow("delete", w), 200, fmt.Sprintf("已把报告 %d 移入回收站", d.qinghe), "city-admin")
}

// Ensure the days left in the trash are counted up to whole days and
// never below 0.
func TestDaysLeft(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		purge time.Time
		want  int
	}{
		{now.Add(app.TrashKeep), 30},
		{now.Add(app.TrashKeep - time.Minute), 30},
		{now.Add(36 * time.Hour), 2},
		{now.Add(24 * time.Hour), 1},
		{now.Add(time.Minute), 1},
		{now, 0},
		{now.Add(-time.Hour), 0},
	} {
		if got := daysLeft(now, tt.purge); got != tt.want {
			t.Errorf("daysLeft(%v) = %d, want %d", tt.purge.Sub(now), got, tt.want)
		}
	}
}

// Ensure an admin lists, makes (the secret shown once) and revokes the
// API tokens of a user of their units, and of no other.
func TestAdminTokens(t *testing.T) {
	d := newAdminDistrict(t)
	ctx := context.Background()
	c := d.as("donghu-admin")
	wantStatus(t, "users page", c.get("/admin/users"), 200, `href="/admin/users/qinghe-drafter/tokens"`)
	page := "/admin/users/qinghe-drafter/tokens"
	wantStatus(t, "no tokens", c.get(page), 200, "qinghe-drafter 的 API 令牌", "此用户没有 API 令牌")
	w := c.post(page, url.Values{"token_name": {"导入脚本"}})
	wantStatus(t, "made", w, 200, "已创建令牌 <strong>导入脚本</strong>", "离开此页后无法再次查看")
	m := regexp.MustCompile(`value="(zjt_[^"]+)"`).FindStringSubmatch(w.Body.String())
	if m == nil {
		t.Fatalf("no secret shown")
	}
	if u, err := d.a.LookupToken(ctx, m[1]); err != nil || u.Name != "qinghe-drafter" {
		t.Errorf("the token shown is %+v, %v", u, err)
	}
	w = c.get(page)
	wantStatus(t, "listed", w, 200, "导入脚本", "有效")
	if strings.Contains(w.Body.String(), m[1]) {
		t.Errorf("the secret is shown again")
	}
	ts, _ := d.a.ListTokens(ctx, "qinghe-drafter")
	if len(ts) != 1 {
		t.Fatalf("tokens %+v", ts)
	}
	for _, tt := range []struct {
		name, target string
		form         url.Values
		status       int
		msg          string
	}{
		{"no name", page, url.Values{"token_name": {" "}}, 400, "令牌名称不能为空"},
		{"taken", page, url.Values{"token_name": {"导入脚本"}}, 409, "已有名为 导入脚本 的令牌"},
		{"another county's user", "/admin/users/xishan-drafter/tokens", url.Values{"token_name": {"x"}}, 404, "没有用户"},
		{"revoke an unknown token", page + "/999/revoke", nil, 404, "没有编号为 999 的令牌"},
		{"revoke a bad number", page + "/x/revoke", nil, 404, "不是令牌编号"},
		{"revoke another county's", fmt.Sprintf("/admin/users/xishan-drafter/tokens/%d/revoke", ts[0].ID), nil, 404, "没有用户"},
	} {
		wantStatus(t, tt.name, c.post(tt.target, tt.form), tt.status, tt.msg)
	}
	wantStatus(t, "another county's user's tokens", c.get("/admin/users/xishan-drafter/tokens"), 404, "没有用户")
	wantStatus(t, "an unknown user's tokens", c.get("/admin/users/nobody/tokens"), 404, "没有用户")
	w = c.post(fmt.Sprintf("%s/%d/revoke", page, ts[0].ID), nil)
	wantStatus(t, "revoked", c.follow("revoke", w), 200, "已撤销令牌 导入脚本", "已撤销（")
	if _, err := d.a.LookupToken(ctx, m[1]); app.ErrorCode(err) != app.Unauthorized {
		t.Errorf("a revoked token works: %v", err)
	}
}
