package http

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzLogin feeds the login form's decoding arbitrary bodies: it must
// return a form or an error, never panic; a form it returns has a name
// and a password within their limits, as UTF-8, and a next that is a
// path of this server (safeNext), never another site's.
func FuzzLogin(f *testing.F) {
	f.Add("name=zhang&password=pw-secret&next=%2Freports%2F3%3Fv%3D2", "application/x-www-form-urlencoded")
	f.Add("name=%E5%BC%A0%E4%B8%89&password=%E5%AF%86%E7%A0%81%E5%AF%86%E7%A0%81&next=//evil.example", "application/x-www-form-urlencoded")
	f.Add("name=a&password=b&next=%2F%5Cevil.example&csrf=x", "application/x-www-form-urlencoded; charset=utf-8")
	f.Add("name=%FF&password=%00&next=javascript:alert(1)", "application/x-www-form-urlencoded")
	f.Add("name=a&name=b&password=;&next=/%0d%0aSet-Cookie:x", "application/x-www-form-urlencoded")
	f.Add("%", "application/x-www-form-urlencoded")
	f.Add("name=a", "text/plain")
	f.Fuzz(func(t *testing.T, body, ct string) {
		r := httptest.NewRequest("POST", "/login", strings.NewReader(body))
		r.Header.Set("Content-Type", ct)
		r.Body = http.MaxBytesReader(httptest.NewRecorder(), r.Body, DefaultBodyLimit)
		form, err := decodeLogin(r)
		if next := form.Next; next != "/" {
			u, perr := url.Parse(next)
			if perr != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
				strings.ContainsAny(next, "\\\r\n\t") {
				t.Errorf("next %q leaves the server", next)
			}
		}
		if err != nil {
			return
		}
		if form.Name == "" || form.Password == "" || !utf8.ValidString(form.Name) || !utf8.ValidString(form.Password) ||
			utf8.RuneCountInString(form.Name) > maxLoginName || utf8.RuneCountInString(form.Password) > maxLoginPassword ||
			form.Name != strings.TrimSpace(form.Name) {
			t.Errorf("decoded %+v", form)
		}
	})
}
