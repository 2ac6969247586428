package http

import (
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"zongjie/app"
)

// Signing in and out. GET /login shows the form, POST /login signs in
// (app.Authenticate, which counts failures and locks a name or an
// address in the store) and starts a session (app.CreateSession: the
// cookie of user.go), then goes back to the page asked for; POST /logout
// ends the session. Both login routes are public; sign-in attempts are
// also limited per client address here (loginLimiter), before the
// password's hash is computed.
func (s *Server) registerLoginRoutes() {
	s.handle("GET /login", s.handleLoginPage, public())
	s.handle("POST /login", s.handleLogin, public())
	s.handle("POST /logout", s.handleLogout, public())
}

// Limits of the login form's fields, in characters.
const (
	maxLoginName     = 64
	maxLoginPassword = 256
	maxNextURL       = 2048
)

// loginForm is a decoded sign-in.
type loginForm struct {
	Name     string
	Password string
	Next     string // a local path to go to afterwards ("/" when none or not local)
}

// decodeLogin reads the login form from r's urlencoded body: the name
// (spaces around it trimmed), the password (as typed), the page to go
// back to (safeNext). A field over its limit or not UTF-8 is invalid.
func decodeLogin(r *http.Request) (loginForm, error) {
	if err := r.ParseForm(); err != nil {
		return loginForm{Next: "/"}, err
	}
	f := loginForm{
		Name:     strings.TrimSpace(r.PostForm.Get("name")),
		Password: r.PostForm.Get("password"),
		Next:     safeNext(r.PostForm.Get("next")),
	}
	switch {
	case !utf8.ValidString(f.Name) || !utf8.ValidString(f.Password):
		return f, app.Errorf(app.Invalid, "用户名或密码含有无效的字符")
	case utf8.RuneCountInString(f.Name) > maxLoginName:
		return f, app.Errorf(app.Invalid, "用户名过长（最多 %d 个字符）", maxLoginName)
	case utf8.RuneCountInString(f.Password) > maxLoginPassword:
		return f, app.Errorf(app.Invalid, "密码过长（最多 %d 个字符）", maxLoginPassword)
	case f.Name == "" || f.Password == "":
		return f, app.Errorf(app.Invalid, "请输入用户名和密码")
	}
	return f, nil
}

// safeNext returns next when it is a path of this server ("/reports/3?v=2"),
// else "/": never another site ("https://evil.example", "//evil.example",
// "/\evil.example", which browsers read as "//"), never a scheme
// ("javascript:…"), never control characters (a header split).
func safeNext(next string) string {
	if next == "" || len(next) > maxNextURL || !strings.HasPrefix(next, "/") ||
		strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") || !utf8.ValidString(next) {
		return "/"
	}
	for _, c := range next {
		if c < 0x20 || c == 0x7f || c == '\\' {
			return "/"
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") {
		return "/"
	}
	if u.Path == "/login" || u.Path == "/logout" {
		return "/"
	}
	return next
}

// loginPage is the data of the login page.
type loginPage struct {
	Name    string
	Next    string
	Message string // why the form is shown again (wrong password, locked …)
	Notice  string // what happened before (signed out, session ended)
}

// handleLoginPage shows the login form; a user who is signed in already
// goes on to the page asked for; without accounts there is nothing to
// sign in to.
func (s *Server) handleLoginPage(w http.ResponseWriter, r *http.Request) error {
	next := safeNext(r.URL.Query().Get("next"))
	if has, err := s.hasUsers(r.Context()); err == nil && !has {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return nil
	}
	if currentUser(r) != anonymous {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return nil
	}
	p := loginPage{Next: next}
	if r.URL.Query().Get("done") == "logout" {
		p.Notice = "已退出登录。"
	}
	return s.render(w, r, http.StatusOK, "login", p)
}

// handleLogin signs in: the per-address limit, app.Authenticate, a new
// session, a new CSRF token (the one before sign-in is not the one
// after), and the page asked for. A refused sign-in shows the form again
// with the reason and the status of its code (401, 429).
func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) error {
	f, err := decodeLogin(r)
	p := loginPage{Name: f.Name, Next: f.Next}
	if has, herr := s.hasUsers(r.Context()); herr == nil && !has {
		http.Redirect(w, r, f.Next, http.StatusSeeOther)
		return nil
	}
	if err == nil {
		if wait, ok := s.loginLimit.allow(s.client(r).addr); !ok {
			w.Header().Set("Retry-After", retryAfter(wait))
			err = tooManyAttempts(wait)
		}
	}
	var u app.User
	if err == nil {
		u, err = s.app.Authenticate(r.Context(), f.Name, f.Password)
	}
	if err != nil && r.Context().Err() != nil {
		return r.Context().Err() // the client left, or the time ran out: not the store's failure
	}
	if err != nil {
		code := errorCode(r, err)
		status, ok := statuses[code]
		if !ok || status >= 500 {
			return err
		}
		p.Message = errorMessage(err, code)
		if wantsJSON(r) {
			return err
		}
		return s.render(w, r, status, "login", p)
	}
	secret, err := s.app.CreateSession(r.Context(), u)
	if err != nil {
		return err
	}
	s.setSession(w, r, secret)
	renewCSRF(w, r)
	http.Redirect(w, r, f.Next, http.StatusSeeOther)
	return nil
}

// handleLogout ends the session (app.DeleteSession, logged) and goes to
// the login page. A browser without a session is simply sent there.
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		if err := s.app.DeleteSession(r.Context(), c.Value); err != nil {
			return err
		}
		s.clearSession(w, r)
	}
	renewCSRF(w, r)
	if has, err := s.hasUsers(r.Context()); err == nil && !has {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, "/login?done=logout", http.StatusSeeOther)
	return nil
}
