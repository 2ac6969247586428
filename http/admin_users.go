package http

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"zongjie/app"
	"zongjie/store"
)

// registerAdminUsersRoutes serves 用户 (/admin/users): the accounts of
// the admin's units, one added (with the password the admin types: there
// is no default one), disabled or enabled, given a new password; and
// their API tokens (admin_tokens.go).
func (s *Server) registerAdminUsersRoutes() {
	s.handle("GET /admin/users", s.handleAdminUsers)
	s.handle("POST /admin/users", s.handleAdminUserAdd)
	s.handle("POST /admin/users/{name}/disable", s.handleAdminUserDisable)
	s.handle("POST /admin/users/{name}/password", s.handleAdminUserPassword)
	s.registerAdminTokensRoutes()
}

// usersPage is the data of admin_users.html.
type usersPage struct {
	Users   []app.Account
	Units   []unitOption
	Roles   []roleOption
	Me      int64 // the admin's own account (0: the local user)
	Done    string
	Minimum int // the fewest characters of a password
}

// roleOption is a role as the form offers it.
type roleOption struct {
	Role store.Role
	Name string
}

// handleAdminUsers lists the users and shows the form to add one.
func (s *Server) handleAdminUsers(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	ctx := r.Context()
	users, err := s.app.ListUsers(ctx)
	if err != nil {
		return err
	}
	tree, err := s.app.UnitTree(ctx)
	if err != nil {
		return err
	}
	p := usersPage{Users: users, Units: unitOptions(tree), Me: currentUser(r).ID, Minimum: app.MinPassword}
	for _, n := range roleNames {
		p.Roles = append(p.Roles, roleOption{n.Role, n.Name})
	}
	p.Done = usersDone(users, r.URL.Query())
	return s.render(w, r, http.StatusOK, "admin_users", p)
}

// usersDone says what the change before the redirect did, naming a user
// of the list only.
func usersDone(users []app.Account, q url.Values) string {
	name := q.Get("user")
	known := false
	for _, u := range users {
		if u.Name == name {
			known = true
		}
	}
	if !known {
		return ""
	}
	switch q.Get("done") {
	case "added":
		return fmt.Sprintf("已添加用户 %s。请把用户名和初始密码告诉本人，并请其登录后修改密码。", name)
	case "disabled":
		return fmt.Sprintf("已停用用户 %s：不能再登录，已登录的会话和 API 令牌随即失效。", name)
	case "enabled":
		return fmt.Sprintf("已启用用户 %s。", name)
	case "passwd":
		return fmt.Sprintf("已重置用户 %s 的密码；其已登录的会话已结束。", name)
	}
	return ""
}

// passwordTwice reads a password typed twice.
func passwordTwice(f url.Values) (string, error) {
	pw := f.Get("password")
	if pw == "" {
		return "", app.Errorf(app.Invalid, "请输入密码")
	}
	if pw != f.Get("password2") {
		return "", app.Errorf(app.Invalid, "两次输入的密码不一致")
	}
	return pw, nil
}

// handleAdminUserAdd adds a user: name, unit (#ID), role, and the
// initial password, typed twice.
func (s *Server) handleAdminUserAdd(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	f, err := postForm(r)
	if err != nil {
		return err
	}
	pw, err := passwordTwice(f)
	if err != nil {
		return err
	}
	acc, err := s.app.AddUser(r.Context(), app.NewUser{Name: f.Get("name"), Unit: f.Get("unit"), Role: store.Role(f.Get("role")), Password: pw})
	if err != nil {
		return err
	}
	return adminRedirect(w, r, "/admin/users", url.Values{"done": {"added"}, "user": {acc.Name}})
}

// handleAdminUserDisable disables a user (disabled=1) or enables one
// again (disabled=0).
func (s *Server) handleAdminUserDisable(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	f, err := postForm(r)
	if err != nil {
		return err
	}
	var disabled bool
	switch strings.TrimSpace(f.Get("disabled")) {
	case "1":
		disabled = true
	case "0":
	default:
		return app.Errorf(app.Invalid, "disabled 应为 1（停用）或 0（启用）")
	}
	name := r.PathValue("name")
	if err := s.app.DisableUser(r.Context(), name, disabled); err != nil {
		return err
	}
	done := "enabled"
	if disabled {
		done = "disabled"
	}
	return adminRedirect(w, r, "/admin/users", url.Values{"done": {done}, "user": {name}})
}

// handleAdminUserPassword gives a user a new password, typed twice.
func (s *Server) handleAdminUserPassword(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	f, err := postForm(r)
	if err != nil {
		return err
	}
	pw, err := passwordTwice(f)
	if err != nil {
		return err
	}
	name := r.PathValue("name")
	if err := s.app.SetPassword(r.Context(), name, pw); err != nil {
		return err
	}
	return adminRedirect(w, r, "/admin/users", url.Values{"done": {"passwd"}, "user": {name}})
}
