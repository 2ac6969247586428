package http

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"zongjie/app"
)

// Defaults of Options.
const (
	DefaultAddr           = "127.0.0.1:8080"
	DefaultRequestTimeout = 60 * time.Second
	DefaultBodyLimit      = 1 << 20 // a form or a JSON request
)

// Options configure a Server. The zero value of each field is its
// default.
type Options struct {
	// Addr is the address to listen on (DefaultAddr); port 0 picks a
	// free port, which URL then says.
	Addr string
	// Logger receives the access log and the errors (nothing when nil).
	Logger *slog.Logger
	// User is who the requests act for while zongjie has no accounts
	// (LocalUser when its Name is empty). See Server.withUser.
	User app.User
	// RequestTimeout bounds the work of one request
	// (DefaultRequestTimeout): its context ends then, and the operation
	// with it.
	RequestTimeout time.Duration
}

// LocalUser is the one user of a zongjie without accounts: the person
// at this computer.
var LocalUser = app.User{Name: "本机用户"}

// Server is the web app. Create it with NewServer, start it with Open,
// stop it with Close; it is also an http.Handler, for tests.
type Server struct {
	app     *app.App
	opts    Options
	log     *slog.Logger
	mux     *http.ServeMux
	handler http.Handler // mux with the middleware around it
	pages   *pages
	assets  *assets
	origin  *http.CrossOriginProtection
	// patterns are the routes' patterns in the order registered: the
	// route table, which the security tests walk.
	patterns []string

	ln  net.Listener
	srv *http.Server
}

// NewServer returns a Server over a. It parses every template and hashes
// every asset now, so that a broken template fails at start rather than
// on the first request to its page.
func NewServer(a *app.App, o Options) (*Server, error) {
	if o.Addr == "" {
		o.Addr = DefaultAddr
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.User.Name == "" {
		o.User = LocalUser
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = DefaultRequestTimeout
	}
	s := &Server{app: a, opts: o, log: o.Logger, mux: http.NewServeMux(), origin: http.NewCrossOriginProtection()}
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, fmt.Errorf("http: assets: %w", err)
	}
	if s.pages, err = parsePages(s.funcs()); err != nil {
		return nil, fmt.Errorf("http: templates: %w", err)
	}
	s.routes()
	s.handler = s.middleware(http.HandlerFunc(s.dispatch))
	return s, nil
}

// routes registers every route, page by page. Adding a page is adding
// one line here and a file beside (docs/web.md).
func (s *Server) routes() {
	s.registerAssetRoutes()
	s.registerHomeRoutes()
	s.registerUploadRoutes()
	s.registerReportRoutes()
	s.registerAPIRoutes()
	s.registerCompareRoutes()
	s.registerSearchRoutes()
	s.registerFamiliesRoutes()
	s.registerAdminRoutes()
	s.registerTrackRoutes()
}

// ServeHTTP serves r through the middleware and the routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// Open starts listening on the address and serving in the background.
func (s *Server) Open() error {
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return fmt.Errorf("无法在 %s 上监听：%w", s.opts.Addr, err)
	}
	s.ln = ln
	s.srv = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		// Reading a body may take a while on a slow office network (an
		// upload of a few MB); writing includes the work of the request.
		ReadTimeout:    2 * time.Minute,
		WriteTimeout:   s.opts.RequestTimeout + 30*time.Second,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:    func(net.Listener) context.Context { return context.Background() },
	}
	go func() {
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("serve", "err", err)
		}
	}()
	return nil
}

// URL returns the address the server listens on, as a URL to open
// ("http://127.0.0.1:8080/"); "" before Open.
func (s *Server) URL() string {
	if s.ln == nil {
		return ""
	}
	return "http://" + s.ln.Addr().String() + "/"
}

// Close stops the server gracefully: it stops accepting connections and
// waits for the requests in flight to finish, until ctx ends (then it
// closes the connections that remain and returns ctx's error).
func (s *Server) Close(ctx context.Context) error {
	if s.srv == nil {
		return nil
	}
	err := s.srv.Shutdown(ctx)
	if err != nil {
		s.srv.Close()
	}
	return err
}
