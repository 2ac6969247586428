package http

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// Ensure the embedded vendored files are the ones vendor/SHA256SUMS pins
// (refresh.sh writes both), and that every vendored file is pinned.
func TestVendorChecksums(t *testing.T) {
	sums, err := assetFS.ReadFile("assets/vendor/SHA256SUMS")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(sums))
	for sc.Scan() {
		want, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Fatalf("SHA256SUMS: bad line %q", sc.Text())
		}
		data, err := assetFS.ReadFile("assets/vendor/" + name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != want {
			t.Errorf("%s: SHA-256 %s, SHA256SUMS says %s", name, got, want)
		}
		listed[name] = true
	}
	for _, want := range []string{"htmx.min.js", "echarts.min.js"} {
		if !listed[want] {
			t.Errorf("SHA256SUMS does not pin %s", want)
		}
	}
	entries, _ := fs.ReadDir(assetFS, "assets/vendor")
	for _, e := range entries {
		if e.Name() != "SHA256SUMS" && !listed[e.Name()] {
			t.Errorf("vendor/%s is not in SHA256SUMS", e.Name())
		}
	}
}

// Ensure assets are served at their hashed URLs with a year's cache, a
// stale hash is redirected to the current URL, and an unknown name is 404.
func TestAssets(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	for _, name := range []string{"css/app.css", "js/app.js", "vendor/htmx.min.js", "vendor/echarts.min.js", "img/favicon.svg"} {
		u, err := s.assets.url(name)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`^/assets/[0-9a-f]{16}/` + regexp.QuoteMeta(name) + `$`).MatchString(u) {
			t.Errorf("url %q", u)
		}
		w := serve(s, newRequest("GET", u, nil))
		data, _ := assetFS.ReadFile("assets/" + name)
		if w.Code != 200 || !bytes.Equal(w.Body.Bytes(), data) {
			t.Errorf("%s: %d, %d bytes of %d", u, w.Code, w.Body.Len(), len(data))
		}
		if cc := w.Header().Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") || !strings.Contains(cc, "immutable") {
			t.Errorf("%s: Cache-Control %q", u, cc)
		}
		if len(w.Result().Cookies()) > 0 {
			t.Errorf("%s sets a cookie", u)
		}
		r := newRequest("GET", u, nil)
		r.Header.Set("Accept-Encoding", "gzip, deflate")
		w = serve(s, r)
		if w.Header().Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(w.Body)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(zr)
			if !bytes.Equal(got, data) {
				t.Errorf("%s: gzipped body differs", u)
			}
		} else if strings.HasPrefix(name, "vendor/") {
			t.Errorf("%s: not gzipped", u)
		}
	}
	if ct := serve(s, newRequest("GET", mustURL(t, s, "js/app.js"), nil)).Header().Get("Content-Type"); !strings.Contains(ct, "javascript") {
		t.Errorf("app.js Content-Type %q", ct)
	}
	w := serve(s, newRequest("GET", "/assets/0000000000000000/css/app.css", nil))
	if w.Code != http.StatusFound || w.Header().Get("Location") != mustURL(t, s, "css/app.css") || w.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("stale hash: %d %q %q", w.Code, w.Header().Get("Location"), w.Header().Get("Cache-Control"))
	}
	for _, u := range []string{"/assets/0000000000000000/css/none.css", "/assets/x/", "/assets/0000000000000000/vendor/"} {
		if w := serve(s, newRequest("GET", u, nil)); w.Code != http.StatusNotFound {
			t.Errorf("%s: %d", u, w.Code)
		}
	}
	// Paths that leave the assets are cleaned by the mux first.
	if w := serve(s, newRequest("GET", "/assets/0000000000000000/../../templates/base.html", nil)); w.Code == 200 {
		t.Errorf("dot-dot: %d\n%s", w.Code, w.Body)
	}
	for _, name := range []string{"refresh.sh"} {
		if _, ok := s.assets.files[name]; ok {
			t.Errorf("%s is served", name)
		}
	}
}

func mustURL(t *testing.T, s *Server, name string) string {
	t.Helper()
	u, err := s.assets.url(name)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// Ensure no template holds what the CSP refuses: an inline script, a
// style element or attribute, an event handler attribute, a javascript:
// URL; and no page loads anything from another origin.
func TestTemplatesCSP(t *testing.T) {
	bad := []*regexp.Regexp{
		regexp.MustCompile(`<script(\s[^>]*)?>[^<]`), // a script with a body
		regexp.MustCompile(`<script(?:\s+[a-z-]+(="[^"]*")?)*\s*>`),
		regexp.MustCompile(`<style`),
		regexp.MustCompile(`\sstyle=`),
		regexp.MustCompile(`\son[a-z]+=`),
		regexp.MustCompile(`(?i)javascript:`),
		regexp.MustCompile(`(src|href|action)="(https?:)?//`),
		regexp.MustCompile(`\shx-on`),
	}
	err := fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := templateFS.ReadFile(p)
		for _, re := range bad {
			for _, m := range re.FindAll(data, -1) {
				if bytes.Contains(m, []byte(`src="{{`)) {
					continue // <script src="{{asset …}}">
				}
				t.Errorf("%s: %q (%s)", p, m, re)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
