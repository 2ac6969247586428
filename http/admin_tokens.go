package http

import (
	"net/http"
	"net/url"
	"strconv"

	"zongjie/app"
)

// registerAdminTokensRoutes serves a user's API tokens
// (/admin/users/{name}/tokens): listed, one made (its secret shown once,
// on the answer to the POST, never in a URL), one revoked.
func (s *Server) registerAdminTokensRoutes() {
	s.handle("GET /admin/users/{name}/tokens", s.handleAdminTokens)
	s.handle("POST /admin/users/{name}/tokens", s.handleAdminTokenAdd)
	s.handle("POST /admin/users/{name}/tokens/{token}/revoke", s.handleAdminTokenRevoke)
}

// tokensPage is the data of admin_tokens.html.
type tokensPage struct {
	User    string
	Tokens  []app.APIToken
	New     *app.APIToken // the token just made, with its secret
	Revoked string        // the name of the token just revoked
}

// handleAdminTokens lists a user's tokens.
func (s *Server) handleAdminTokens(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	return s.renderTokens(w, r, http.StatusOK, nil)
}

// renderTokens renders the tokens of the user of the path, with the one
// just made.
func (s *Server) renderTokens(w http.ResponseWriter, r *http.Request, status int, made *app.APIToken) error {
	name := r.PathValue("name")
	ts, err := s.app.ListTokens(r.Context(), name)
	if err != nil {
		return err
	}
	p := tokensPage{User: name, Tokens: ts, New: made}
	if id, err := strconv.ParseInt(r.URL.Query().Get("revoked"), 10, 64); err == nil {
		for _, t := range ts {
			if t.ID == id && t.Revoked != nil {
				p.Revoked = t.Name
			}
		}
	}
	return s.render(w, r, status, "admin_tokens", p)
}

// handleAdminTokenAdd makes a token for the user and shows its secret,
// this once.
func (s *Server) handleAdminTokenAdd(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	f, err := postForm(r)
	if err != nil {
		return err
	}
	t, err := s.app.CreateToken(r.Context(), r.PathValue("name"), f.Get("token_name"))
	if err != nil {
		return err
	}
	return s.renderTokens(w, r, http.StatusOK, &t)
}

// handleAdminTokenRevoke revokes a token of the user.
func (s *Server) handleAdminTokenRevoke(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("token"), 10, 64)
	if err != nil || id <= 0 {
		return app.Errorf(app.NotFound, "%q 不是令牌编号", r.PathValue("token"))
	}
	name := r.PathValue("name")
	if err := s.app.RevokeToken(r.Context(), name, id); err != nil {
		return err
	}
	return adminRedirect(w, r, "/admin/users/"+url.PathEscape(name)+"/tokens", url.Values{"revoked": {strconv.FormatInt(id, 10)}})
}
