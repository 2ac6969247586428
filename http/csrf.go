package http

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"

	"zongjie/app"
)

// CSRF protection. Every state-changing request (any method but GET,
// HEAD and OPTIONS) must pass two checks:
//
//  1. net/http's CrossOriginProtection: a browser request from another
//     origin is refused, by its Sec-Fetch-Site header (every browser
//     since 2023) or its Origin header. It costs nothing and needs no
//     state, but lets through a request that carries neither header —
//     an old browser, or an embedded one in some office software.
//  2. A token: a random per-session value in the cookie csrfCookie
//     (HttpOnly, SameSite=Strict) that the request repeats in the
//     X-CSRF-Token header (our JavaScript, htmx) or in the csrf form
//     field: of an urlencoded form, or the first field of a multipart
//     form (the pages put it first; multipartToken reads it and puts the
//     bytes back, so that the handler still streams the body). Never in
//     the address: an address is kept in the history, the logs and the
//     Referer. The two are compared in constant time. Another site can
//     neither read the cookie nor set it, so it cannot repeat it.
//
// A request with an API token (Authorization: Bearer, user.go) needs no
// CSRF token either: a page of another origin cannot send that header
// without a CORS preflight, and a browser never adds it by itself as it
// adds cookies. (The origin check above still applies.)
//
// Programs that call the JSON API hold no cookie and need no token: an
// /api/ request without the cookie passes check 2 when it carries
// something a cross-origin page cannot send without a CORS preflight
// (which this server never grants): a Content-Type other than the three
// a form may have (application/json, say, but not multipart/form-data,
// application/x-www-form-urlencoded or text/plain), or the header
// apiHeader (for an upload, which is multipart). A browser that holds
// the cookie must send the token, to the API too.
const (
	csrfCookie = "zongjie_csrf"
	csrfHeader = "X-CSRF-Token"
	csrfField  = "csrf"
	apiHeader  = "X-Zongjie-API"
)

// csrfKey is the context key of the request's *csrfState.
type csrfKey struct{}

// csrfState is the CSRF token of one request: the cookie's, or one made
// for the response when a page needs it and the request had none.
type csrfState struct {
	token  string
	issued bool // token was made for this response (Set-Cookie sent)
}

// csrf checks the state-changing requests of a route (see above) and
// keeps the cookie's token on the context for the pages' forms.
func (s *Server) csrf(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		st := &csrfState{}
		if c, err := r.Cookie(csrfCookie); err == nil && validToken(c.Value) {
			st.token = c.Value
		}
		r = r.WithContext(context.WithValue(r.Context(), csrfKey{}, st))
		if safeMethod(r.Method) {
			return h(w, r)
		}
		if err := s.origin.Check(r); err != nil {
			return &app.Error{Code: codeForbidden, Message: "拒绝来自其他网站的请求。请在本应用的页面上操作。", Err: err}
		}
		if st.token == "" && isAPI(r) && (!formLike(r) || r.Header.Get(apiHeader) != "") {
			return h(w, r) // a program, not a browser: see above
		}
		if _, ok := bearer(r); ok {
			return h(w, r) // an API token, which a browser does not send by itself
		}
		sent := r.Header.Get(csrfHeader)
		if sent == "" {
			mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
			switch mt {
			case "application/x-www-form-urlencoded":
				if err := r.ParseForm(); err != nil {
					return err // a body over the limit is too large, not forbidden
				}
				sent = r.PostForm.Get(csrfField)
			case "multipart/form-data":
				var err error
				if sent, err = multipartToken(r); err != nil {
					return err // a body over the limit is too large, not forbidden
				}
			}
		}
		if st.token == "" || subtle.ConstantTimeCompare([]byte(sent), []byte(st.token)) != 1 {
			if isAPI(r) && st.token == "" {
				return app.Errorf(codeForbidden, "拒绝可能来自其他网站的请求：程序调用接口时，请求体请用 application/json，"+
					"或加上请求头 %s: 1（上传文件时）。", apiHeader)
			}
			return app.Errorf(codeForbidden, "页面已过期或请求无效（缺少安全令牌）。请刷新页面后重试。")
		}
		return h(w, r)
	}
}

// multipartPeek is how much of a multipart body multipartToken reads to
// find the csrf field first in it: the boundary, the part's header and
// the token take some 200 bytes.
const multipartPeek = 4 << 10

// multipartToken returns the value of the csrf field when it is the first
// part of r's multipart body, "" otherwise. The bytes it reads are put
// back in front of the body.
func multipartToken(r *http.Request) (string, error) {
	_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || params["boundary"] == "" || r.Body == nil {
		return "", nil
	}
	buf := make([]byte, multipartPeek)
	n, err := io.ReadFull(r.Body, buf)
	buf = buf[:n]
	r.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(buf), r.Body), r.Body}
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return "", err
	}
	p, err := multipart.NewReader(bytes.NewReader(buf), params["boundary"]).NextPart()
	if err != nil || p.FormName() != csrfField {
		return "", nil
	}
	v, _ := io.ReadAll(io.LimitReader(p, 64))
	return string(v), nil
}

// csrfToken returns the token to put in the page's forms, setting the
// cookie when the request had none.
func csrfToken(w http.ResponseWriter, r *http.Request) string {
	st, ok := r.Context().Value(csrfKey{}).(*csrfState)
	if !ok {
		return "" // a page outside the routes: the error page of a 404
	}
	if st.token == "" {
		issueCSRF(w, r, st)
	}
	return st.token
}

// issueCSRF makes a new token for st and sets its cookie.
func issueCSRF(w http.ResponseWriter, r *http.Request, st *csrfState) {
	var b [32]byte
	rand.Read(b[:])
	st.token, st.issued = base64.RawURLEncoding.EncodeToString(b[:]), true
	https := r.TLS != nil
	if c, ok := r.Context().Value(clientKey{}).(clientInfo); ok {
		https = c.https
	}
	http.SetCookie(w, &http.Cookie{
		Name: csrfCookie, Value: st.token, Path: "/",
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: https,
	})
}

// renewCSRF replaces the request's token with a new one (at sign-in and
// sign-out): a token someone learnt or set before is not the session's.
func renewCSRF(w http.ResponseWriter, r *http.Request) {
	st, ok := r.Context().Value(csrfKey{}).(*csrfState)
	if !ok {
		st = &csrfState{}
	}
	issueCSRF(w, r, st)
}

// validToken reports whether v has the form of a token (43 characters
// of base64url), so that a forged or damaged cookie is replaced.
func validToken(v string) bool {
	if len(v) != 43 {
		return false
	}
	for i := range len(v) {
		c := v[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// safeMethod reports whether a request with method m changes nothing.
func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// formLike reports whether r's Content-Type is one that a page of
// another origin may send without a CORS preflight (the CORS-safelisted
// request content types), or none.
func formLike(r *http.Request) bool {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return true
	}
	switch mt {
	case "application/x-www-form-urlencoded", "multipart/form-data", "text/plain":
		return true
	}
	return false
}
