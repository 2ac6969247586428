package http

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"sync/atomic"
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
	// AnalysesPerUser is how many analyses (uploads, checks,
	// comparisons …) one account runs at once (DefaultAnalysesPerUser);
	// see limits.go.
	AnalysesPerUser int
	// TrustedProxies are the reverse proxies whose X-Forwarded-For and
	// X-Forwarded-Proto are believed: the client's address (the audit
	// log, the sign-in limits) and whether it used TLS (the cookies'
	// Secure). None: the direct peer is the client.
	TrustedProxies []netip.Prefix
	// TLSCert and TLSKey are the files of the certificate (its chain, in
	// PEM) and its private key: with both, the server speaks HTTPS only.
	TLSCert, TLSKey string
	// LabelRoutes labels the CPU samples of each request with its
	// route's pattern (the pprof label "route"), so that a profile of
	// the server (zongjie serve --debug-addr) tells which pages and
	// API calls its time goes to. Off, the middleware does nothing of
	// the kind.
	LabelRoutes bool
}

// ErrNoAccounts is why a server that others could reach does not start
// while the store holds no account.
const ErrNoAccounts = "数据库中还没有任何用户账户：没有账户时，网页版只能在本机地址（如 127.0.0.1）上监听，且不能经由代理访问。" +
	"要让其他电脑访问，请先创建管理员账户：zongjie user add 用户名 --unit 单位 --admin（见 docs/accounts.md）"

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
	tables  tableCache // the report page's tables, written once an extraction
	// deskEntries are the desk's entries, written once for what they show.
	deskEntries deskEntries
	// drafts are the data CSVs of the draft previews (draft.go).
	drafts draftData
	assets *assets
	origin *http.CrossOriginProtection
	// patterns are the routes' patterns in the order registered: the
	// route table, which the security tests walk; public those served
	// without sign-in.
	patterns []string
	public   map[string]bool

	accounts   atomic.Bool // the store holds accounts (hasUsers)
	loginLimit *rateLimiter
	analyses   *analysisLimiter

	tls *tls.Config // HTTPS, when Options.TLSCert is given

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
	if o.AnalysesPerUser <= 0 {
		o.AnalysesPerUser = DefaultAnalysesPerUser
	}
	if (o.TLSCert == "") != (o.TLSKey == "") {
		return nil, errors.New("HTTPS 需要同时给出证书（--tls-cert）和私钥（--tls-key）")
	}
	s := &Server{app: a, opts: o, log: o.Logger, mux: http.NewServeMux(), origin: http.NewCrossOriginProtection(),
		public: map[string]bool{}, loginLimit: newRateLimiter(loginBurst, loginEvery), analyses: newAnalysisLimiter(o.AnalysesPerUser)}
	if o.TLSCert != "" {
		cert, err := tls.LoadX509KeyPair(o.TLSCert, o.TLSKey)
		if err != nil {
			return nil, fmt.Errorf("无法读取 HTTPS 证书或私钥：%w", err)
		}
		s.tls = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
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
	s.registerLoginRoutes()
	s.registerAccountRoutes()
	s.registerSeriesRoutes()
	s.registerDraftRoutes()
}

// ServeHTTP serves r through the middleware and the routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// Open starts listening on the address and serving in the background.
// While the store holds no account, it refuses to listen where others
// than this computer could reach it (see withUser).
func (s *Server) Open() error {
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return fmt.Errorf("无法在 %s 上监听：%w", s.opts.Addr, err)
	}
	if !s.localOnly() {
		has, err := s.hasUsers(context.Background())
		if err == nil && !has {
			err = errors.New(ErrNoAccounts)
		}
		if err != nil {
			ln.Close()
			return err
		}
	}
	if s.tls != nil {
		ln = tls.NewListener(ln, s.tls)
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
	if s.tls != nil {
		return "https://" + s.ln.Addr().String() + "/"
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
