package http

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// addressAttr is an attribute of a page that holds an address: where a
// form goes, a link, a script's request.
var addressAttr = regexp.MustCompile(`\b(action|formaction|href|src|hx-(?:get|post|put|patch|delete))="([^"]*)"`)

// multipartForm is a multipart form's opening tag and what follows up to
// its first field.
var multipartForm = regexp.MustCompile(`(?s)<form\b[^>]*enctype="multipart/form-data"[^>]*>.*?<(?:input|select|textarea)\b[^>]*>`)

// Ensure no page puts the CSRF token in an address — no form's action, no
// link, no script's request — on every GET route of the table, bare and
// with the parameters that make pages show their results and forms; and
// that every multipart form carries it as its first field (where the
// middleware reads it) instead. Near miss: an urlencoded form keeps the
// token as a field too (the report page's), which is not an address.
func TestCSRFTokenNotInAddresses(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	ids := addExamples(t, s)
	old, cur := ids["shiqiao-2024.txt"], ids["shiqiao-2025.txt"]
	queries := []url.Values{
		{},
		{"a": {old}, "b": {cur}, "unit": {"石桥镇"}},
		{"unit": {"柳河乡"}},
		{"from": {old}, "source": {"actual"}, "actual": {cur}},
		{"q": {"工作"}, "period": {"2025"}},
	}
	forms, multipart := 0, 0
	for _, rt := range routes(s) {
		if rt[0] != "GET" || strings.HasPrefix(rt[1], "/api/") {
			continue
		}
		path := wildcard.ReplaceAllStringFunc(rt[1], func(w string) string {
			switch name := strings.TrimSuffix(strings.Trim(w, "{}"), "..."); {
			case name == "$":
				return ""
			case strings.Contains(name, "id"):
				return old
			}
			return "1"
		})
		for _, q := range queries {
			target := path
			if len(q) > 0 {
				target += "?" + q.Encode()
			}
			w := c.get(target)
			if !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
				continue
			}
			body := w.Body.String()
			for _, m := range addressAttr.FindAllStringSubmatch(body, -1) {
				if strings.Contains(m[2], c.token) || strings.Contains(strings.ToLower(m[2]), "csrf") {
					t.Errorf("GET %s: the token in an address: %s", target, m[0])
				}
			}
			forms += strings.Count(body, "<form")
			for _, m := range multipartForm.FindAllString(body, -1) {
				multipart++
				if !strings.HasSuffix(m, `<input type="hidden" name="csrf" value="`+c.token+`">`) {
					t.Errorf("GET %s: a multipart form whose first field is not the token: %s", target, m)
				}
			}
		}
	}
	if forms == 0 || multipart < 5 {
		t.Errorf("%d forms, %d multipart: the walk saw too few to tell", forms, multipart)
	}
	if body := c.get("/reports/" + old).Body.String(); !strings.Contains(body, `name="csrf" value="`+c.token+`"`) {
		t.Error("the report page's forms lost their token field")
	}
}
