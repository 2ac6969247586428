package http

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"zongjie/app"
)

// handlerFunc is a route's handler: it writes the response, or returns
// an error and writes nothing; Error renders the error (see handle).
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// route configures one route; see bodyLimit, public and analysis.
type route struct {
	limit    int64 // the largest request body, in bytes
	public   bool  // served without sign-in (user.go)
	analysis bool  // counts against the user's concurrent analyses (limits.go)
}

// routeOption changes a route's configuration.
type routeOption func(*route)

// bodyLimit lets a route read a body of up to n bytes instead of
// DefaultBodyLimit (uploads).
func bodyLimit(n int64) routeOption {
	return func(rt *route) { rt.limit = n }
}

// public serves a route without sign-in, to anonymous when the request
// has none (the login page, the assets): its handler must show nothing
// stored.
func public() routeOption {
	return func(rt *route) { rt.public = true }
}

// analysis marks a route whose work is an analysis (checking, comparing,
// storing files): a user runs at most Options.AnalysesPerUser of them at
// once (limits.go).
func analysis() routeOption {
	return func(rt *route) { rt.analysis = true }
}

// handle registers h for pattern ("GET /reports/{id}": the standard
// mux's method and pattern). It is the adapter to net/http, and runs the
// route's own middleware, in this order: the request body is limited
// (DefaultBodyLimit, or bodyLimit), a state-changing request must pass
// the CSRF checks (csrf.go), the user is put on the context or the
// request refused for want of a sign-in (user.go), and an analysis waits
// for one of the user's slots (limits.go). An error h returns is rendered by Error: as JSON under
// /api/, as the error page otherwise.
func (s *Server) handle(pattern string, h handlerFunc, opts ...routeOption) {
	rt := route{limit: DefaultBodyLimit}
	for _, o := range opts {
		o(&rt)
	}
	if rt.analysis {
		h = s.limitAnalyses(h)
	}
	h = s.csrf(s.withUser(h, rt.public))
	s.patterns = append(s.patterns, pattern)
	if rt.public {
		s.public[pattern] = true
	}
	s.mux.Handle(pattern, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > rt.limit {
			s.Error(w, r, &http.MaxBytesError{Limit: rt.limit})
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, rt.limit)
		if err := h(w, r); err != nil {
			s.Error(w, r, err)
		}
	}))
}

// dispatch serves r by its route, and renders the mux's own answers for
// no route (404) and for a route with another method (405) as the error
// page or JSON, like every other error.
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request) {
	h, pattern := s.mux.Handler(r)
	if pattern != "" {
		s.mux.ServeHTTP(w, r)
		return
	}
	// The mux's answer: run it aside to learn its status and Allow.
	probe := &probeWriter{header: http.Header{}}
	h.ServeHTTP(probe, r)
	switch probe.status {
	case http.StatusMethodNotAllowed:
		w.Header().Set("Allow", probe.header.Get("Allow"))
		s.Error(w, r, app.Errorf(codeMethod, "此地址不支持 %s 请求。", r.Method))
	case http.StatusMovedPermanently, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		http.Redirect(w, r, probe.header.Get("Location"), probe.status)
	default:
		s.Error(w, r, app.Errorf(app.NotFound, "没有这个页面：%s", r.URL.Path))
	}
}

// probeWriter records the status and the headers of a response and
// drops its body.
type probeWriter struct {
	header http.Header
	status int
}

func (p *probeWriter) Header() http.Header { return p.header }

func (p *probeWriter) Write(b []byte) (int, error) {
	if p.status == 0 {
		p.status = http.StatusOK
	}
	return len(b), nil
}

func (p *probeWriter) WriteHeader(status int) {
	if p.status == 0 {
		p.status = status
	}
}

// isAPI reports whether r is a request to the JSON API.
func isAPI(r *http.Request) bool {
	return r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/")
}

// containsToken reports whether the header value (a comma-separated
// list such as Accept) names the media type t.
func containsToken(header, t string) bool {
	for part := range strings.SplitSeq(header, ",") {
		media, _, _ := strings.Cut(part, ";")
		if strings.EqualFold(strings.TrimSpace(media), t) {
			return true
		}
	}
	return false
}

// sizeText says a size in bytes for people: "32 MB", "1.5 MB", "512 KB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}

func itoa(n int) string     { return strconv.Itoa(n) }
func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
