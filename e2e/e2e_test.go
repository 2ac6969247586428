// Package e2e holds the end-to-end test of the web app: the real binary,
// started as `zongjie serve`, driven in Debian's headless Chromium by the
// Node script pages.mjs (playwright-core, pinned in package-lock.json).
// `make e2e-deps` installs what it needs; `make screenshots` refreshes
// docs/screenshots from it.
package e2e

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// chromium is Debian's Chromium, the browser the test drives.
const chromium = "/usr/bin/chromium"

// tools returns node's path, or skips the test (fails it when
// ZONGJIE_REQUIRE_TOOLS is set, as in CI) when node, Chromium or the npm
// packages are missing.
func tools(t *testing.T) string {
	t.Helper()
	missing := func(what string) {
		msg := what + " is missing: run `make e2e-deps`"
		if os.Getenv("ZONGJIE_REQUIRE_TOOLS") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node")
	}
	if _, err := os.Stat(chromium); err != nil {
		missing(chromium)
	}
	if _, err := os.Stat("node_modules/playwright-core/package.json"); err != nil {
		missing("e2e/node_modules (npm ci)")
	}
	return node
}

// goTool returns the go command that runs this test.
func goTool() string {
	if root := os.Getenv("GOROOT"); root != "" {
		if p := filepath.Join(root, "bin", "go"); fileExists(p) {
			return p
		}
	}
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return "/usr/local/go/bin/go"
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// build builds cmd/zongjie into dir.
func build(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "zongjie")
	cmd := exec.Command(goTool(), "build", "-o", bin, "./cmd/zongjie")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// server is a running `zongjie serve`.
type server struct {
	cmd    *exec.Cmd
	url    string
	stderr *lockedBuffer
	done   chan error
}

// start starts `zongjie serve` on a free port with args, and waits for
// the URL it prints.
func start(t *testing.T, bin string, args ...string) *server {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, stderr: &lockedBuffer{}, done: make(chan error, 1)}
	cmd.Stderr = s.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		sent := false
		for sc.Scan() {
			if m := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(sc.Text()); m != "" && !sent {
				urls <- m
				sent = true
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	go func() { s.done <- cmd.Wait() }()
	select {
	case s.url = <-urls:
	case err := <-s.done:
		t.Fatalf("zongjie serve exited: %v\n%s", err, s.stderr)
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("zongjie serve printed no URL in 60s\n%s", s.stderr)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
		}
	})
	return s
}

// stop sends SIGTERM and checks that the server stops cleanly.
func (s *server) stop(t *testing.T) {
	t.Helper()
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-s.done:
		if err != nil {
			t.Errorf("zongjie serve after SIGTERM: %v\n%s", err, s.stderr)
		}
	case <-time.After(40 * time.Second):
		s.cmd.Process.Kill()
		t.Errorf("zongjie serve did not stop within 40s of SIGTERM\n%s", s.stderr)
	}
	if !strings.Contains(s.stderr.String(), "已停止") {
		t.Errorf("zongjie serve did not say it stopped:\n%s", s.stderr)
	}
}

// TestPages drives every page in Chromium and saves a screenshot of each
// (in ZONGJIE_SCREENSHOTS, or a temporary folder).
func TestPages(t *testing.T) {
	if testing.Short() {
		t.Skip("the end-to-end test starts a browser")
	}
	node := tools(t)
	dir := t.TempDir()
	bin := build(t, dir)
	srv := start(t, bin, "--db", filepath.Join(dir, "e2e.db"))

	shots := os.Getenv("ZONGJIE_SCREENSHOTS")
	if shots == "" {
		shots = filepath.Join(dir, "screenshots")
	}
	seeds, _ := filepath.Abs("../../shared/seeds")
	if !fileExists(seeds) {
		seeds = ""
	}
	examples, _ := filepath.Abs("../examples")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "pages.mjs")
	cmd.Env = append(os.Environ(),
		"ZONGJIE_URL="+srv.url,
		"ZONGJIE_SCREENSHOTS="+shots,
		"ZONGJIE_EXAMPLES="+examples,
		"ZONGJIE_SEEDS="+seeds,
	)
	out, err := cmd.CombinedOutput()
	t.Logf("pages.mjs:\n%s", out)
	if err != nil {
		t.Errorf("pages.mjs: %v", err)
	}
	srv.stop(t)
	if t.Failed() {
		t.Logf("server log:\n%s", srv.stderr)
	}
}
