package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer for a command writing in one goroutine
// while the test reads in another.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Ensure serve --demo prints its URL, serves the pages on a free port,
// and stops cleanly when its context ends (Ctrl-C, SIGTERM).
func TestServeDemo(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--demo", "--addr", "127.0.0.1:0"}, strings.NewReader(""), &out, &errOut)
	}()
	var url string
	for deadline := time.Now().Add(30 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		url = regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(out.String())
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d:\n%s%s", code, out.String(), errOut.String())
		default:
		}
	}
	if url == "" {
		t.Fatalf("no URL printed:\n%s%s", out.String(), errOut.String())
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "石桥镇2025年工作总结及2026年工作计划") || !strings.Contains(string(body), "共 5 篇报告") {
		t.Errorf("GET %s: %d\n%s", url, resp.StatusCode, body)
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK || !strings.Contains(errOut.String(), "已停止") {
			t.Errorf("exit %d:\n%s", code, errOut.String())
		}
	case <-time.After(40 * time.Second):
		t.Fatal("serve did not stop")
	}
	if !strings.Contains(errOut.String(), "path=/ status=200") {
		t.Errorf("no access log line:\n%s", errOut.String())
	}
}

// Ensure serve refuses what it cannot do, with exit code 2.
func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "extra"},
		{"serve", "--demo", "--db", "x.db"},
		{"serve", "--addr", "not-an-address"},
		{"serve", "--addr", ""},
	} {
		code, _, errOut := runCLI(t, "", args...)
		if code != exitUsage || errOut == "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut)
		}
	}
}

// Ensure serve refuses to listen where other computers reach it while
// the database holds no account, and says how to make one; and that its
// new flags are checked.
func TestServeNeedsAccounts(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--db", db, "--addr", "0.0.0.0:0"}, "zongjie user add"},
		{[]string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--trusted-proxy", "127.0.0.1"}, "zongjie user add"},
		{[]string{"serve", "--db", db, "--trusted-proxy", "10.0.0.0/33"}, "CIDR"},
		{[]string{"serve", "--db", db, "--trusted-proxy", "proxy.example"}, "IP"},
		{[]string{"serve", "--db", db, "--tls-cert", "cert.pem"}, "--tls-key"},
		{[]string{"serve", "--db", db, "--tls-cert", "no-cert.pem", "--tls-key", "no-key.pem"}, "证书"},
		{[]string{"serve", "--db", db, "--debug-addr", "0.0.0.0:6060"}, "本机地址"},
		{[]string{"serve", "--db", db, "--debug-addr", "example.org:6060"}, "本机地址"},
		{[]string{"serve", "--db", db, "--debug-addr", "6060"}, "--debug-addr"},
	} {
		code, _, errOut := runCLI(t, "", tt.args...)
		if code != exitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%q: exit %d, stderr %q", tt.args, code, errOut)
		}
	}
}

// Ensure the debug listener serves Go's profiles on a loopback address,
// tells the port it chose for port 0, and stops.
func TestServeDebug(t *testing.T) {
	addr, stop, err := serveDebug("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(addr, ":0") {
		t.Fatalf("serveDebug(127.0.0.1:0) listens on %s: want the port chosen", addr)
	}
	defer stop()
	resp, err := http.Get("http://" + addr + "/debug/pprof/goroutine?debug=1")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "goroutine profile") {
		t.Errorf("status %d, body %.200q", resp.StatusCode, body)
	}
}

// Ensure --trusted-proxy takes CIDRs and addresses.
func TestParseProxies(t *testing.T) {
	got, err := parseProxies(" 127.0.0.1, 10.1.2.3/8,::1 ,")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[127.0.0.1/32 10.0.0.0/8 ::1/128]" {
		t.Errorf("%v", got)
	}
}

// Ensure serve's collector pace is GOGC=400 with a soft limit that
// follows what is live, gcHeadroom above it, and that GOGC and GOMEMLIMIT
// given by the user win.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	ctx, cancel := context.WithCancel(context.Background())
	tuneGC(ctx)
	if got := debug.SetGCPercent(400); got != 400 {
		t.Errorf("GC percent %d, want 400", got)
	}
	// 64 MB more live: the limit follows within a few periods.
	runtime.GC()
	time.Sleep(300 * time.Millisecond) // three periods
	before := debug.SetMemoryLimit(-1)
	if before < gcHeadroom || before > gcHeadroom+256<<20 {
		t.Errorf("memory limit %d MB, want the headroom (%d MB) above a test's live heap", before>>20, gcHeadroom>>20)
	}
	live := make([][]byte, 64)
	for i := range live {
		live[i] = make([]byte, 1<<20)
	}
	runtime.GC()
	deadline := time.Now().Add(20 * time.Second) // a guard against hanging, not a speed test
	for debug.SetMemoryLimit(-1) < before+48<<20 {
		if time.Now().After(deadline) {
			t.Fatalf("memory limit %d MB 20 s after 64 MB more became live, was %d MB", debug.SetMemoryLimit(-1)>>20, before>>20)
		}
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(live)
	cancel()

	t.Setenv("GOGC", "150")
	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetGCPercent(150)
	debug.SetMemoryLimit(1 << 30)
	tuneGC(context.Background())
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("GC percent %d with GOGC=150", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 1<<30 {
		t.Errorf("memory limit %d with GOMEMLIMIT=1GiB", got)
	}
}
