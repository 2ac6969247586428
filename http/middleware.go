package http

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"zongjie/app"
)

// middleware wraps h, the routes, in the middleware every request goes
// through, the first listed the outermost:
//
//  1. requestIDs: an ID for the request (X-Request-ID, the log, the error page)
//  2. clientAddress: the client's address, from a trusted proxy's
//     X-Forwarded-For only (user.go), on the context for the audit log
//  3. accessLog: one slog line per request, with its status, size and time
//  4. recoverer: a panic becomes a 500 page and a logged stack, never a crash
//  5. securityHeaders: CSP, nosniff, Referrer-Policy, frame-ancestors, no-store
//  6. checkHost: a server on a loopback address answers loopback names only
//  7. timeout: the request's context ends after Options.RequestTimeout
//
// Then dispatch finds the route, and the route's own middleware runs
// (see handle): the body limit, the CSRF checks (csrf.go), the user
// (user.go), the user's analysis slots (limits.go).
func (s *Server) middleware(h http.Handler) http.Handler {
	h = s.timeout(h)
	h = s.checkHost(h)
	h = securityHeaders(h)
	h = s.recoverer(h)
	h = s.accessLog(h)
	h = s.clientAddress(h)
	h = requestIDs(h)
	if s.opts.LabelRoutes {
		h = s.routeLabels(h)
	}
	return h
}

// routeLabels runs each request under the pprof label "route" = its
// route's pattern ("GET /reports/{id}"; "none" when no route matches),
// which goroutines it starts inherit: a CPU profile then splits by route
// (go tool pprof -tags).
func (s *Server) routeLabels(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, pattern := s.mux.Handler(r)
		if pattern == "" {
			pattern = "none"
		}
		pprof.Do(r.Context(), pprof.Labels("route", pattern), func(ctx context.Context) {
			h.ServeHTTP(w, r.WithContext(ctx))
		})
	})
}

// requestIDKey is the context key of the request ID.
type requestIDKey struct{}

// requestIDs gives each request a random ID, on its context and in the
// X-Request-ID response header.
func requestIDs(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b [8]byte
		rand.Read(b[:])
		id := hex.EncodeToString(b[:])
		w.Header().Set("X-Request-ID", id)
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id)))
	})
}

// requestID returns the ID of the request ctx belongs to, or "".
func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// statusWriter records the status and the size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (sw *statusWriter) WriteHeader(status int) {
	if sw.status == 0 {
		sw.status = status
	}
	sw.ResponseWriter.WriteHeader(status)
}

func (sw *statusWriter) Write(b []byte) (int, error) {
	if sw.status == 0 {
		sw.status = http.StatusOK
	}
	n, err := sw.ResponseWriter.Write(b)
	sw.bytes += int64(n)
	return n, err
}

// Unwrap gives http.ResponseController the writer underneath (Flush,
// deadlines).
func (sw *statusWriter) Unwrap() http.ResponseWriter { return sw.ResponseWriter }

// accessLog logs each request once it is served.
func (s *Server) accessLog(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("id", requestID(r.Context())),
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", sw.status),
			slog.Int64("bytes", sw.bytes),
			slog.Duration("duration", time.Since(start)),
			slog.String("remote", s.client(r).addr))
	})
}

// recoverer turns a panic in a handler into an internal error: logged
// with its stack, shown as the 500 page when nothing was written yet.
// http.ErrAbortHandler, net/http's way to abort a response, goes on.
func (s *Server) recoverer(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.LogAttrs(r.Context(), slog.LevelError, "panic",
				slog.String("id", requestID(r.Context())),
				slog.String("method", r.Method), slog.String("path", r.URL.Path),
				slog.String("panic", fmt.Sprint(v)), slog.String("stack", string(debug.Stack())))
			if sw, ok := w.(*statusWriter); ok && sw.status != 0 {
				return // the response has begun: it cannot become an error page
			}
			s.Error(w, r, &app.Error{Code: app.Internal, Message: "内部错误", Err: fmt.Errorf("panic: %v", v)})
		}()
		h.ServeHTTP(w, r)
	})
}

// contentSecurityPolicy allows what the pages load from this server and
// nothing else: no inline script or style (no 'unsafe-inline', no
// 'unsafe-eval'), no other origin, no framing. Images may be data: and
// blob: URLs (charts saved as pictures).
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// securityHeaders sets the headers every response carries. Responses are
// not stored by caches (they hold the CSRF token and reports), except
// the assets, which say otherwise.
func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		hd.Set("Cross-Origin-Resource-Policy", "same-origin")
		hd.Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}

// checkHost refuses, on a server listening on a loopback address, a
// request whose Host is not a loopback name. Without it a web page whose
// domain is made to resolve to 127.0.0.1 (DNS rebinding) would be "same
// origin" with the server and could read every report. A request through
// a trusted proxy (on this computer, in front of the server) carries the
// public name the proxy serves, and is let through: such a server asks
// for sign-in (withUser).
func (s *Server) checkHost(h http.Handler) http.Handler {
	if !isLoopback(hostOf(s.opts.Addr)) {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isLoopback(hostOf(r.Host)) && !s.client(r).proxy {
			s.Error(w, r, app.Errorf(codeForbidden, "此服务只接受本机地址（127.0.0.1 或 localhost）的访问，不接受 %q。", r.Host))
			return
		}
		h.ServeHTTP(w, r)
	})
}

// hostOf returns the host of a host:port (or of a bare host).
func hostOf(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return h
	}
	return strings.Trim(hostport, "[]")
}

// isLoopback reports whether host is a loopback IP address or localhost.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// timeout ends the request's context after Options.RequestTimeout; the
// operation stops at its next step and Error says so (codeTimeout).
func (s *Server) timeout(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.RequestTimeout)
		defer cancel()
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}
