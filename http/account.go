package http

import (
	"net/http"
	"strconv"
	"unicode/utf8"

	"zongjie/app"
)

// The signed-in user's own account (账户): the password change and the
// user's API tokens (made — the secret shown once —, listed, revoked).
// An admin's pages manage other users; these are every user's.
func (s *Server) registerAccountRoutes() {
	s.handle("GET /account", s.handleAccount)
	s.handle("POST /account/password", s.handlePassword)
	s.handle("POST /account/tokens", s.handleTokenCreate)
	s.handle("POST /account/tokens/{tid}/revoke", s.handleTokenRevoke)
}

// accountPage is the data of the account page.
type accountPage struct {
	Local    bool // the local user: no account, nothing to manage
	User     app.User
	Tokens   []app.APIToken
	NewToken *app.APIToken // the token just made, with its secret (shown once)
	Notice   string        // what the last change did
	Error    string        // why the last change was refused
	Form     string        // the form the error is about: "password" or "token"
}

// accountNotices are the ?done= values the changes redirect with.
var accountNotices = map[string]string{
	"password": "密码已修改。其他设备上的登录已全部退出。",
	"revoked":  "令牌已撤销，使用它的程序将无法再访问。",
}

// handleAccount shows the account page.
func (s *Server) handleAccount(w http.ResponseWriter, r *http.Request) error {
	return s.renderAccount(w, r, http.StatusOK, accountPage{Notice: accountNotices[r.URL.Query().Get("done")]})
}

// renderAccount renders the account page with p, reading the tokens.
func (s *Server) renderAccount(w http.ResponseWriter, r *http.Request, status int, p accountPage) error {
	p.User = currentUser(r)
	p.Local = p.User.Local()
	if !p.Local {
		ts, err := s.app.ListTokens(r.Context(), "")
		if err != nil {
			return err
		}
		p.Tokens = ts
	}
	return s.render(w, r, status, "account", p)
}

// refuse renders the account page again with err's message by the form
// it is about, with err's status; an internal error is the error page.
func (s *Server) refuseAccount(w http.ResponseWriter, r *http.Request, form string, err error) error {
	code := errorCode(r, err)
	status, ok := statuses[code]
	if !ok || status >= 500 || wantsJSON(r) {
		return err
	}
	if code == app.Unauthorized {
		status = http.StatusBadRequest // a wrong old password is not a missing sign-in
	}
	return s.renderAccount(w, r, status, accountPage{Error: errorMessage(err, code), Form: form})
}

// handlePassword changes the signed-in user's password
// (app.ChangePassword: the old one must be right; every session of the
// user ends) and signs this browser in again with a new session.
// Attempts count against the address's sign-in limit: guessing the old
// password is guessing a password.
func (s *Server) handlePassword(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return err
	}
	old, pw, again := r.PostForm.Get("old"), r.PostForm.Get("new"), r.PostForm.Get("again")
	if wait, ok := s.loginLimit.allow(s.client(r).addr); !ok {
		w.Header().Set("Retry-After", retryAfter(wait))
		return s.refuseAccount(w, r, "password", tooManyAttempts(wait))
	}
	switch {
	case utf8.RuneCountInString(old) > maxLoginPassword || utf8.RuneCountInString(pw) > maxLoginPassword:
		return s.refuseAccount(w, r, "password", app.Errorf(app.Invalid, "密码过长（最多 %d 个字符）", maxLoginPassword))
	case pw != again:
		return s.refuseAccount(w, r, "password", app.Errorf(app.Invalid, "两次输入的新密码不一致"))
	}
	if err := s.app.ChangePassword(r.Context(), old, pw); err != nil {
		return s.refuseAccount(w, r, "password", err)
	}
	if signedInVia(r) == viaSession {
		secret, err := s.app.CreateSession(r.Context(), currentUser(r))
		if err != nil {
			return err
		}
		s.setSession(w, r, secret)
	}
	http.Redirect(w, r, "/account?done=password", http.StatusSeeOther)
	return nil
}

// handleTokenCreate makes an API token for the signed-in user and shows
// it once, on the page it answers with (not a redirect: the secret is in
// no URL and no later page).
func (s *Server) handleTokenCreate(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return err
	}
	t, err := s.app.CreateToken(r.Context(), "", r.PostForm.Get("name"))
	if err != nil {
		return s.refuseAccount(w, r, "token", err)
	}
	return s.renderAccount(w, r, http.StatusCreated, accountPage{NewToken: &t,
		Notice: "令牌“" + t.Name + "”已创建。请现在复制保存，离开本页后将无法再次查看。"})
}

// handleTokenRevoke revokes one of the signed-in user's tokens.
func (s *Server) handleTokenRevoke(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("tid"), 10, 64)
	if err != nil || id <= 0 {
		return app.Errorf(app.NotFound, "没有这个令牌：%s", r.PathValue("tid"))
	}
	if err := s.app.RevokeToken(r.Context(), "", id); err != nil {
		return err
	}
	http.Redirect(w, r, "/account?done=revoked", http.StatusSeeOther)
	return nil
}
