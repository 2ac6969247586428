package http

import (
	"context"
	"net/http"
	"net/netip"
	"net/url"
	"strings"

	"zongjie/app"
)

// Who asks. withUser is the one place that decides who the user of a
// request is, and every app operation reads it from the context
// (app.UserFrom), by which every store query is scoped (app/scope.go):
//
//   - While the store holds no account (app.HasUsers is false), the user
//     is Options.User, the person at this computer, as before accounts
//     existed; but only on a server that listens on a loopback address
//     and trusts no proxy (otherwise anyone who reaches it would act as
//     the local user): such a server refuses every request.
//   - With accounts, a request carries a session cookie (sessionCookie,
//     made at sign-in, login.go) or an API token (Authorization: Bearer
//     zjt_…, made by zongjie user token or the account page), looked up
//     in the store (app.LookupSession, app.LookupToken), so that every
//     server process on one database shares them. A request with neither,
//     or with one that does not work, is refused: the login page for a
//     page, 401 JSON for the API. Public routes (the login page, the
//     assets) are served without one, as anonymous, who sees nothing.
const (
	sessionCookie = "zongjie_session"
	bearerPrefix  = "Bearer "
)

// anonymous is the user of a public route's request with no sign-in
// while accounts exist: not the local user (ID 0, who may do
// everything), and of no unit, so that every report is outside its scope.
var anonymous = app.User{ID: -1, Name: "未登录"}

// clientKey is the context key of the client's address as the
// middleware found it (see clientAddress).
type clientKey struct{}

// clientInfo is where a request came from.
type clientInfo struct {
	addr  string // the client's IP address
	https bool   // the client used TLS: to this server, or to a trusted proxy (X-Forwarded-Proto)
	proxy bool   // the direct peer is a trusted proxy
}

// clientAddress finds the client's address (see clientOf) and puts it on
// the request's context, for the audit log (app.WithAddress), the rate
// limits and the access log.
func (s *Server) clientAddress(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := s.clientOf(r)
		ctx := context.WithValue(app.WithAddress(r.Context(), c.addr), clientKey{}, c)
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}

// client returns where r came from (clientAddress), or the direct peer
// outside the middleware.
func (s *Server) client(r *http.Request) clientInfo {
	if c, ok := r.Context().Value(clientKey{}).(clientInfo); ok {
		return c
	}
	return s.clientOf(r)
}

// clientOf returns where r came from: the direct peer, unless the peer
// is a trusted proxy (Options.TrustedProxies); then the address the
// proxies recorded in X-Forwarded-For, read from the right (the nearest
// proxy's entry first), the first address that is not itself a trusted
// proxy. A client cannot forge its address: entries it wrote itself are
// left of the first untrusted one, which is taken.
func (s *Server) clientOf(r *http.Request) clientInfo {
	peer, ok := parseAddr(hostOf(r.RemoteAddr))
	c := clientInfo{addr: hostOf(r.RemoteAddr), https: r.TLS != nil}
	if !ok || !s.trusted(peer) {
		return c
	}
	c.proxy = true
	var hops []string
	for _, v := range r.Header.Values("X-Forwarded-For") {
		for part := range strings.SplitSeq(v, ",") {
			hops = append(hops, strings.TrimSpace(part))
		}
	}
	for i := len(hops) - 1; i >= 0; i-- {
		ip, ok := parseAddr(hops[i])
		if !ok {
			break // a damaged header: the last good hop stands
		}
		c.addr = ip.String()
		if !s.trusted(ip) {
			break
		}
	}
	if p := r.Header.Get("X-Forwarded-Proto"); p != "" {
		c.https = strings.EqualFold(strings.TrimSpace(p), "https")
	}
	return c
}

// parseAddr parses an IP address, with or without brackets or a zone,
// as an IPv4 address when it is one mapped into IPv6.
func parseAddr(s string) (netip.Addr, bool) {
	ip, err := netip.ParseAddr(strings.Trim(s, "[]"))
	if err != nil {
		return netip.Addr{}, false
	}
	return ip.Unmap().WithZone(""), true
}

// trusted reports whether ip is a trusted proxy.
func (s *Server) trusted(ip netip.Addr) bool {
	for _, p := range s.opts.TrustedProxies {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// localOnly reports whether the server may serve the local user while no
// account exists: it listens on a loopback address and trusts no proxy,
// so that only this computer reaches it.
func (s *Server) localOnly() bool {
	return isLoopback(hostOf(s.opts.Addr)) && len(s.opts.TrustedProxies) == 0
}

// hasUsers reports whether the store holds an account. Once it does, the
// answer is kept: accounts are disabled, never deleted, and a server that
// asks for sign-in never stops asking. Until then the app is asked at
// each request (App.HasUsers: a count of a small table, kept for a
// second), so that the first account made with zongjie user add takes
// effect within a second.
func (s *Server) hasUsers(ctx context.Context) (bool, error) {
	if s.accounts.Load() {
		return true, nil
	}
	has, err := s.app.HasUsers(ctx)
	if err != nil {
		return false, err
	}
	if has {
		s.accounts.Store(true)
	}
	return has, nil
}

// signedIn says how a request's user was found.
type signedIn int

const (
	viaNone    signedIn = iota // the local user, or anonymous
	viaSession                 // the session cookie
	viaToken                   // an API token
)

// authKey is the context key of how the user signed in.
type authKey struct{}

// withUser puts on the request's context the user the request acts for
// (app.WithUser); see the comment at the top of this file. A public
// route is served to anyone, as the signed-in user when the request has
// a working session, else as anonymous.
func (s *Server) withUser(h handlerFunc, public bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		ctx := r.Context()
		has, err := s.hasUsers(ctx)
		if err != nil && ctx.Err() != nil {
			return ctx.Err() // the client left, or the time is up: not a failure of the store
		}
		if err != nil && !public {
			return err
		}
		if err == nil && !has {
			if !s.localOnly() {
				return app.Errorf(codeForbidden, "尚未创建任何用户账户，本服务只供本机使用。请管理员先运行 zongjie user add 用户名 --unit 单位 --admin 创建管理员账户。")
			}
			return h(w, r.WithContext(app.WithUser(ctx, s.opts.User)))
		}
		u, via, err := s.authenticate(r)
		if err != nil {
			if public {
				return h(w, r.WithContext(app.WithUser(ctx, anonymous)))
			}
			return s.signInFirst(w, r, err)
		}
		ctx = context.WithValue(app.WithUser(ctx, u), authKey{}, via)
		return h(w, r.WithContext(ctx))
	}
}

// authenticate returns the user of r's API token or session cookie.
func (s *Server) authenticate(r *http.Request) (app.User, signedIn, error) {
	if token, ok := bearer(r); ok {
		u, err := s.app.LookupToken(r.Context(), token)
		if err != nil && r.Context().Err() != nil {
			err = r.Context().Err()
		}
		return u, viaToken, err
	}
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return app.User{}, viaNone, errSignIn
	}
	u, err := s.app.LookupSession(r.Context(), c.Value)
	if err != nil && r.Context().Err() != nil {
		err = r.Context().Err()
	}
	return u, viaSession, err
}

// errSignIn is the refusal of a request that carries no sign-in.
var errSignIn = app.Errorf(app.Unauthorized, "请先登录")

// bearer returns the token of r's Authorization header, and whether it
// has one (Bearer, in any case).
func bearer(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	if len(h) < len(bearerPrefix) || !strings.EqualFold(h[:len(bearerPrefix)], bearerPrefix) {
		return "", false
	}
	return strings.TrimSpace(h[len(bearerPrefix):]), true
}

// signInFirst answers a request that needs a user and has none: 401 with
// the reason for the API (and for a client that asks for JSON or holds
// a token that does not work); for a page, a redirect to the login page,
// which comes back here afterwards (a GET) or to the home page. A
// session that ended is forgotten by the browser.
func (s *Server) signInFirst(w http.ResponseWriter, r *http.Request, err error) error {
	if app.ErrorCode(err) != app.Unauthorized {
		return err // the store failed: not the client's fault
	}
	if c, cerr := r.Cookie(sessionCookie); cerr == nil && c.Value != "" {
		s.clearSession(w, r)
	}
	if _, tok := bearer(r); tok || wantsJSON(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="zongjie"`)
		return err
	}
	target := "/login"
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		target += "?next=" + url.QueryEscape(r.URL.RequestURI())
	}
	if r.Header.Get("HX-Request") == "true" {
		// htmx would swap the login page into a fragment: send the
		// whole page there instead.
		w.Header().Set("HX-Redirect", target)
		return err
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
	return nil
}

// currentUser returns the user of the request, for the pages.
func currentUser(r *http.Request) app.User {
	u, _ := app.UserFrom(r.Context())
	return u
}

// signedInVia returns how the request's user signed in.
func signedInVia(r *http.Request) signedIn {
	v, _ := r.Context().Value(authKey{}).(signedIn)
	return v
}

// setSession gives the browser the session cookie: HttpOnly (no script
// reads it), Secure when the client came over TLS (to this server or to
// a trusted proxy), SameSite=Lax (sent when following a link from
// elsewhere, not with another site's form posts), for as long as a
// session may last at most; the store decides when it ends before that.
func (s *Server) setSession(w http.ResponseWriter, r *http.Request, secret string) {
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: secret, Path: "/",
		MaxAge: int(app.SessionMax.Seconds()), HttpOnly: true, Secure: s.client(r).https, SameSite: http.SameSiteLaxMode,
	})
}

// clearSession tells the browser to forget the session cookie.
func (s *Server) clearSession(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: "", Path: "/",
		MaxAge: -1, HttpOnly: true, Secure: s.client(r).https, SameSite: http.SameSiteLaxMode,
	})
}
