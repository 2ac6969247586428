package http

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"zongjie/app"
	"zongjie/store"
)

// registerAdminRoutes serves the admin pages (管理): the unit tree and the
// unassigned reports, the users, the audit log and the trash. Each
// handler refuses a user who is not an admin (adminOnly) before it calls
// the operation, which checks the role again and what the admin reaches.
func (s *Server) registerAdminRoutes() {
	s.handle("GET /admin", s.handleAdmin)
	s.registerAdminUnitsRoutes()
	s.registerAdminUsersRoutes()
	s.registerAdminAuditRoutes()
	s.registerAdminTrashRoutes()
}

// handleAdmin sends an admin to the first admin page.
func (s *Server) handleAdmin(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/units", http.StatusSeeOther)
	return nil
}

// adminOnly refuses a signed-in user who is not an admin. An admin page
// is not a report: it exists for everyone, and saying so (403) gives
// nothing away (docs/accounts.md).
func adminOnly(r *http.Request) error {
	if !currentUser(r).IsAdmin() {
		return app.Errorf(app.Forbidden, "此页面只有管理员可以使用。")
	}
	return nil
}

// unitOption is a unit as a <select> offers it: its number as the
// operations take it (#12) and its name indented by its depth.
type unitOption struct {
	Value    string
	ID       int64
	Label    string
	FullName string
}

// unitOptions returns the units of a tree as options, depth first.
func unitOptions(t *app.UnitTree) []unitOption {
	out := make([]unitOption, 0, len(t.Units))
	for _, u := range t.Units {
		out = append(out, unitOption{Value: unitRef(u.ID), ID: u.ID, Label: strings.Repeat("\u3000", u.Depth) + u.Name, FullName: u.FullName})
	}
	return out
}

// unitRef names a unit by its number, as the operations read it.
func unitRef(id int64) string { return "#" + strconv.FormatInt(id, 10) }

// unitByRef returns the unit of the tree a form's value (#12) names.
func unitByRef(t *app.UnitTree, ref string) (app.UnitInfo, bool) {
	id, err := strconv.ParseInt(strings.TrimPrefix(ref, "#"), 10, 64)
	if err != nil {
		return app.UnitInfo{}, false
	}
	for _, u := range t.Units {
		if u.ID == id {
			return u, true
		}
	}
	return app.UnitInfo{}, false
}

// roleNames are the roles in Chinese, in the order forms offer them.
var roleNames = []struct {
	Role store.Role
	Name string
}{
	{store.Drafter, "起草"}, {store.Reviewer, "审阅"}, {store.Admin, "管理员"},
}

// roleWords says a role in Chinese.
func roleWords(r store.Role) string {
	for _, n := range roleNames {
		if n.Role == r {
			return n.Name
		}
	}
	return string(r)
}

// adminRedirect sends the browser back to an admin page after a change,
// with what was done in the query (the page says it).
func adminRedirect(w http.ResponseWriter, r *http.Request, path string, done url.Values) error {
	target := path
	if len(done) > 0 {
		target += "?" + done.Encode()
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
	return nil
}

// postForm parses an urlencoded form.
func postForm(r *http.Request) (url.Values, error) {
	if err := r.ParseForm(); err != nil {
		return nil, formError(err)
	}
	return r.PostForm, nil
}

// splitNames splits a list of names typed in one field: separated by
// 、，, ; ； or spaces.
func splitNames(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == '，' || r == ',' || r == ';' || r == '；' || r == ' ' || r == '\u3000' || r == '\t' || r == '\n' || r == '\r'
	})
}

// countParam reads a small count of a redirect's query (0 when absent or
// bad: it only chooses words).
func countParam(q url.Values, key string) int {
	n, err := strconv.Atoi(q.Get(key))
	if err != nil || n < 0 {
		return 0
	}
	return n
}
