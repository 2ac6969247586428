package http

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkWho measures what deciding who asks costs a request, on
// SQLite: withUser around a handler that does nothing, with no account in
// the store (a count of the users each request), with a session cookie
// (the session and its user read) and with an API token (the token and
// its user read).
func BenchmarkWho(b *testing.B) {
	for _, how := range []string{"no accounts", "session", "token"} {
		b.Run(how, func(b *testing.B) {
			s := newTestServer(b, nil, Options{})
			var cookie *http.Cookie
			var token string
			if how != "no accounts" {
				pw := addUser(b, s, "zhang", "", true)
				c := newBrowser(b, s)
				c.get("/login")
				c.form("/login", map[string][]string{"name": {"zhang"}, "password": {pw}})
				cookie = c.cookies[sessionCookie]
				w := c.form("/account/tokens", map[string][]string{"name": {"bench"}})
				token = tokenIn(b, w.Body.String())
			}
			h := s.withUser(func(w http.ResponseWriter, r *http.Request) error {
				if u := currentUser(r); u.Local() != (how == "no accounts") {
					b.Fatalf("%s: user %+v", how, u)
				}
				return nil
			}, false)
			r := newRequest("GET", "/api/v1/reports", nil)
			switch how {
			case "session":
				r.AddCookie(cookie)
			case "token":
				r.Header.Set("Authorization", "Bearer "+token)
			}
			w := httptest.NewRecorder()
			b.ReportAllocs()
			for b.Loop() {
				if err := h(w, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
