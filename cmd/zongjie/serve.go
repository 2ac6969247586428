package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"net/netip"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"zongjie/app"
	"zongjie/corpus"
	zjhttp "zongjie/http"
	"zongjie/internal/memlimit"
	"zongjie/store"
)

// shutdownGrace is how long a stopping server waits for the requests in
// flight.
const shutdownGrace = 30 * time.Second

func runServe(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "serve", "[选项]", "启动网页版：在浏览器中上传、校对和审阅报告。\n"+
		"默认只在本机（127.0.0.1）监听；按 Ctrl-C 停止（正在处理的请求先完成）。")
	addr := fs.String("addr", zjhttp.DefaultAddr, "监听地址（主机:端口；端口为 0 时自动选择空闲端口）")
	db := dbFlag(fs)
	demo := fs.Bool("demo", false, "使用内置的示例报告（临时数据库，退出时删除），不读写 --db")
	tlsCert := fs.String("tls-cert", "", "HTTPS 证书文件（PEM，含中间证书）；与 --tls-key 一起给出时只提供 HTTPS")
	tlsKey := fs.String("tls-key", "", "HTTPS 私钥文件（PEM）")
	proxies := fs.String("trusted-proxy", "", "可信的反向代理地址（CIDR 或 IP，逗号分隔，如 127.0.0.1/32）：只有来自这些地址的请求，才从 X-Forwarded-For 读取客户端地址")
	debugAddr := fs.String("debug-addr", "", "开发者用：在此本机地址（如 127.0.0.1:6060）提供 Go 性能分析 /debug/pprof/，并按路由标记 CPU 采样；默认不开启")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fs.Usage()
		return exitUsage
	}
	if *demo && *db != "" {
		fmt.Fprintln(e.stderr, "zongjie serve: --demo 使用临时数据库，不能同时给出 --db")
		return exitUsage
	}
	trusted, err := parseProxies(*proxies)
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie serve: --trusted-proxy：%v\n", err)
		return exitUsage
	}
	logger := slog.New(slog.NewTextHandler(e.stderr, nil))
	tuneGC(ctx)

	var open app.Opener
	if *demo {
		// A temporary database, removed on the way out.
		dir, err := os.MkdirTemp("", "zongjie-demo-")
		if err != nil {
			fmt.Fprintf(e.stderr, "zongjie serve: 无法创建临时数据库：%v\n", err)
			return exitUsage
		}
		defer os.RemoveAll(dir)
		name := filepath.Join(dir, "demo.db")
		open = func(ctx context.Context) (store.Store, error) { return openDB(ctx, name) }
	} else {
		name := dbName(*db)
		open = func(ctx context.Context) (store.Store, error) { return openDB(ctx, name) }
	}
	// The checker's configuration of uploads and stored reports is read
	// once, now: a request reads no file.
	configs := &app.Configs{}
	if err := configs.Pin(); err != nil {
		fmt.Fprintf(e.stderr, "zongjie serve: %s\n", errorText(err))
		return exitUsage
	}
	a := app.New(app.Options{Open: open, Config: configs, Version: version, WarmDesk: true, Web: true})
	defer a.Close()
	if *demo {
		stats, err := a.Add(ctx, app.AddRequest{Inputs: app.Examples(), Options: corpus.Options{Check: true}})
		if err == nil && stats.Failed > 0 {
			err = errors.New("示例报告未能全部加入")
		}
		if err != nil {
			return fail(e, "serve", err)
		}
	}

	if name := dbName(*db); *demo || isPostgres(name) || fileExists(name) { // not made before it is needed
		serveAccounts(ctx, a, logger)
	}

	if *debugAddr != "" {
		bound, stop, err := serveDebug(*debugAddr)
		if err != nil {
			fmt.Fprintf(e.stderr, "zongjie serve: --debug-addr：%v\n", err)
			return exitUsage
		}
		defer stop()
		fmt.Fprintf(e.stderr, "zongjie serve: 性能分析：http://%s/debug/pprof/\n", bound)
	}
	srv, err := zjhttp.NewServer(a, zjhttp.Options{Addr: *addr, Logger: logger, TLSCert: *tlsCert, TLSKey: *tlsKey, TrustedProxies: trusted,
		LabelRoutes: *debugAddr != ""})
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie serve: %v\n", err)
		return exitUsage
	}
	if err := srv.Open(); err != nil {
		fmt.Fprintf(e.stderr, "zongjie serve: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(e.stdout, "总结网页版已启动，请用浏览器打开 %s （按 Ctrl-C 停止）\n", srv.URL())

	<-ctx.Done()
	fmt.Fprintln(e.stderr, "zongjie serve: 正在停止，等待处理中的请求完成…")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Close(sctx); err != nil {
		fmt.Fprintf(e.stderr, "zongjie serve: %v\n", err)
	}
	if err := a.Close(); err != nil {
		fmt.Fprintf(e.stderr, "zongjie serve: %v\n", err)
		return exitUsage
	}
	fmt.Fprintln(e.stderr, "zongjie serve: 已停止")
	return exitOK
}

// tuneGC lets the server's heap grow to five times what is live between
// collections (GOGC=400) instead of twice: a check request leaves about
// 1 MB of garbage behind, and collecting it at the default pace cost 15%
// of the CPU of POST /api/v1/check (bench/api). But what is live at a
// collection (the caches, which grow with the store, and the requests in
// flight) was then five times over in the resident memory, which climbed
// over minutes (bench/load, 4 minutes: 496 -> 694 MB from the second
// minute to the last). So a soft limit follows what each collection
// finds live, gcHeadroom above it (internal/memlimit), at most 2 GiB:
// the heap grows five times while little is live and by gcHeadroom once
// more is. GOGC and GOMEMLIMIT, when set, win (GOMEMLIMIT: a fixed
// limit). It runs until ctx is done.
func tuneGC(ctx context.Context) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		memlimit.Set(gcHeadroom, gcMaxLimit)
		go memlimit.Run(ctx, gcHeadroom, gcMaxLimit, 100*time.Millisecond)
	}
}

// The soft memory limit: what the last collection found live and the
// runtime's own memory, plus gcHeadroom, at most gcMaxLimit.
const (
	gcHeadroom = 256 << 20
	gcMaxLimit = 2 << 30
)

// serveAccounts runs the trash's policy at start (reports deleted more
// than app.TrashKeep ago are purged).
func serveAccounts(ctx context.Context, a *app.App, logger *slog.Logger) {
	if ids, err := a.PurgeTrash(ctx); err != nil {
		logger.Warn("purge the trash", "err", err)
	} else if len(ids) > 0 {
		logger.Info("purged the trash", "reports", len(ids))
	}
}

// parseProxies parses --trusted-proxy: CIDRs or bare addresses (one
// address each), separated by commas.
func parseProxies(v string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for part := range strings.SplitSeq(v, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if strings.Contains(part, "/") {
			p, err := netip.ParsePrefix(part)
			if err != nil {
				return nil, fmt.Errorf("%q 不是有效的 CIDR（如 10.0.0.0/8）", part)
			}
			out = append(out, p.Masked())
			continue
		}
		ip, err := netip.ParseAddr(part)
		if err != nil {
			return nil, fmt.Errorf("%q 不是有效的 IP 地址或 CIDR", part)
		}
		ip = ip.Unmap()
		out = append(out, netip.PrefixFrom(ip, ip.BitLen()))
	}
	return out, nil
}

// serveDebug serves Go's profiles (net/http/pprof) on addr, which must be
// a loopback address: a profile shows the server's code and its memory
// to whoever fetches it. It returns the address it listens on (the port
// chosen when addr's is 0) and the function that stops it.
func serveDebug(addr string) (string, func(), error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return "", nil, err
	}
	if ip, err := netip.ParseAddr(host); host != "localhost" && (err != nil || !ip.IsLoopback()) {
		return "", nil, fmt.Errorf("性能分析只在本机地址上提供（如 127.0.0.1:6060），不能是 %s", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", nil, fmt.Errorf("无法在 %s 上监听：%w", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return ln.Addr().String(), func() { srv.Close() }, nil
}
