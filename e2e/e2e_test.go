// Package e2e holds the end-to-end test of the web app: the real binary,
// started as `zongjie serve`, driven in Debian's headless Chromium by the
// Node script pages.mjs (playwright-core, pinned in package-lock.json).
// `make e2e-deps` installs what it needs; `make screenshots` refreshes
// docs/screenshots from it.
package e2e

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"zongjie/reader"
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
	watchSources(t, "..")
	bin := filepath.Join(dir, "zongjie")
	cmd := exec.Command(goTool(), "build", "-o", bin, "./cmd/zongjie")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// watchSources stats every source file of the module under root, so
// that go test's cache, which records the files a test looks at, runs
// this test again when one of them changes: the binary it builds and the
// pages it drives are not among the test's own dependencies.
func watchSources(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "bin" || name == "testdata" || name == "eval") {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(name) {
		case ".go", ".html", ".css", ".js", ".mjs", ".svg", ".txt", ".md", ".json", ".mod", ".sum":
			_, err = os.Stat(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
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

	uploads := uploadFiles(t, bin, filepath.Join(dir, "uploads"))
	downloads := filepath.Join(dir, "downloads")

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
	cmd := script(ctx, node, "pages.mjs")
	cmd.Env = append(os.Environ(),
		"ZONGJIE_URL="+srv.url,
		"ZONGJIE_SCREENSHOTS="+shots,
		"ZONGJIE_EXAMPLES="+examples,
		"ZONGJIE_SEEDS="+seeds,
		"ZONGJIE_UPLOADS="+uploads,
		"ZONGJIE_DOWNLOADS="+downloads,
	)
	out, err := cmd.CombinedOutput()
	t.Logf("pages.mjs:\n%s", out)
	if err != nil {
		t.Errorf("pages.mjs: %v", err)
	}
	checkDownloads(t, downloads)
	srv.stop(t)
	if t.Failed() {
		t.Logf("server log:\n%s", srv.stderr)
	}
}

// hostile is a report whose title and text hold markup, an attribute
// breakout and template syntax: every page must show them as text.
const hostile = "青禾街道\"><img src=x onerror=alert(2)>{{.}}2024年工作总结\n" +
	"一、工作回顾\n全年完成<b>财政收入</b>xx万元，\"><img src=x onerror=alert(3)>，{{template \"x\"}}同比增长5%。\n" +
	"二、2025年工作计划\n力争财政收入增长6%<script>alert(4)</script>。\n"

// hostileName is the hostile report's file name.
const hostileName = "<img src=x onerror=alert(5)>{{.}}.txt"

// uploadFiles writes into dir the files the browser uploads besides the
// seeds and the examples: a .docx exported by the binary, the hostile
// report, and files the reader refuses.
func uploadFiles(t *testing.T, bin, dir string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "export", "../examples/shiqiao-2025.txt", "-o", filepath.Join(dir, "石桥镇2025年工作总结.docx")).CombinedOutput()
	if err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	files := map[string][]byte{
		hostileName: []byte(hostile),
		"旧版文档.doc":  {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0},
		"空白.txt":    {},
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// checkDownloads opens what the browser downloaded: each .docx must be a
// zip with word/document.xml and read as a report, the annotated one with
// comments; the draft's Markdown a document with its title.
func checkDownloads(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Errorf("downloads: %v", err)
		return
	}
	seen := map[string]bool{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Error(err)
			continue
		}
		seen[filepath.Ext(e.Name())] = true
		if strings.HasPrefix(e.Name(), "audit-") && filepath.Ext(e.Name()) == ".csv" {
			// The audit log's export: the entries of the admin pages' walk.
			if !bytes.HasPrefix(data, []byte("\uFEFF编号,时间,用户")) || !bytes.Contains(data, []byte("user.add")) || bytes.Contains(data, []byte("unit.add")) {
				t.Errorf("download %s: not the audit log's user.add entries (%.120q)", e.Name(), data)
			}
			seen["audit"] = true
			continue
		}
		if filepath.Ext(e.Name()) == ".csv" {
			if !bytes.HasPrefix(data, []byte("\uFEFF")) || !bytes.Contains(data, []byte("指标")) {
				t.Errorf("download %s: not a table (%.80q)", e.Name(), data)
			}
			continue
		}
		if filepath.Ext(e.Name()) == ".docx" {
			z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil || !slices.ContainsFunc(z.File, func(f *zip.File) bool { return f.Name == "word/document.xml" }) {
				t.Errorf("download %s: not a .docx with word/document.xml (%v)", e.Name(), err)
				continue
			}
		}
		if filepath.Ext(e.Name()) == ".md" && !bytes.HasPrefix(data, []byte("# ")) {
			t.Errorf("download %s: not a draft in Markdown (%.80q)", e.Name(), data)
		}
		f, err := reader.Read(e.Name(), data)
		if err != nil {
			t.Errorf("download %s: %v", e.Name(), err)
			continue
		}
		if !strings.Contains(f.Text, "青禾街道") {
			t.Errorf("download %s: not the report (%.80q)", e.Name(), f.Text)
		}
		if strings.Contains(e.Name(), "批注") && !bytes.Contains(data, []byte("word/comments.xml")) {
			t.Errorf("download %s: no comments", e.Name())
		}
	}
	for _, ext := range []string{".docx", ".txt", ".csv", ".md", "audit"} {
		if !seen[ext] {
			t.Errorf("no %s downloaded (%d files)", ext, len(entries))
		}
	}
}

// TestSignInPages runs the server on a database with accounts — the
// drafters of two sibling streets, each street with a report — and
// drives the login, the desk, the account page and signing out in
// Chromium as 青禾街道's drafter (signin.mjs): they see their unit only.
func TestSignInPages(t *testing.T) {
	if testing.Short() {
		t.Skip("the end-to-end test starts a browser")
	}
	node := tools(t)
	dir := t.TempDir()
	bin := build(t, dir)
	db := filepath.Join(dir, "accounts.db")
	zj := func(stdin string, args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append(args, "--db", db)...)
		cmd.Stdin = strings.NewReader(stdin)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("zongjie %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	zj("", "unit", "add", "云川市")
	zj("", "unit", "add", "东湖区", "--parent", "云川市")
	zj("", "unit", "add", "青禾街道", "--parent", "东湖区")
	zj("", "unit", "add", "白沙街道", "--parent", "东湖区")
	reports := filepath.Join(dir, "reports")
	os.MkdirAll(reports, 0o755)
	for name, unit := range map[string]string{"qinghe.txt": "青禾街道", "baisha.txt": "白沙街道"} {
		text := unit + "2024年工作总结\n一、2024年工作回顾\n全年完成固定资产投资5.2亿元，同比增长12%。\n二、2025年工作计划\n力争完成固定资产投资6亿元。\n"
		os.WriteFile(filepath.Join(reports, name), []byte(text), 0o644)
	}
	zj("", "add", reports)
	list := zj("", "list", "--format", "json")
	var stored struct {
		Reports []struct {
			ID   int64  `json:"id"`
			Path string `json:"path"`
		} `json:"reports"`
	}
	if err := json.Unmarshal([]byte(list), &stored); err != nil {
		t.Fatalf("list: %v\n%s", err, list)
	}
	hidden := int64(0)
	for _, r := range stored.Reports {
		if strings.HasSuffix(r.Path, "baisha.txt") {
			hidden = r.ID
		}
	}
	if hidden == 0 {
		t.Fatalf("白沙街道's report not stored: %s", list)
	}
	const password = "青禾起草-e2e-口令"
	zj(password+"\n", "user", "add", "qinghe", "--unit", "青禾街道", "--role", "drafter")
	zj("baisha-e2e-password\n", "user", "add", "baisha", "--unit", "白沙街道", "--role", "drafter")

	srv := start(t, bin, "--db", db)
	shots := os.Getenv("ZONGJIE_SCREENSHOTS")
	if shots == "" {
		shots = filepath.Join(dir, "screenshots")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := script(ctx, node, "signin.mjs")
	cmd.Env = append(os.Environ(),
		"ZONGJIE_URL="+srv.url,
		"ZONGJIE_SCREENSHOTS="+shots,
		"ZONGJIE_USER=qinghe",
		"ZONGJIE_PASSWORD="+password,
		"ZONGJIE_HIDDEN="+strconv.FormatInt(hidden, 10),
	)
	out, err := cmd.CombinedOutput()
	t.Logf("signin.mjs:\n%s", out)
	if err != nil {
		t.Errorf("signin.mjs: %v", err)
	}
	srv.stop(t)
	if t.Failed() {
		t.Logf("server log:\n%s", srv.stderr)
	}
	audit := zj("", "audit", "--format", "json")
	for _, action := range []string{`"login.failed"`, `"login"`, `"token.add"`, `"logout"`} {
		if !strings.Contains(audit, action) {
			t.Errorf("the audit log has no %s", action)
		}
	}
}

// script returns the command that runs a Node script until ctx ends. On
// its end the script and the browser it started are killed (ownGroup), and
// Wait returns within a few seconds even if a process still holds the
// output pipe (WaitDelay): a hung browser fails the test when ctx ends, not
// at go test's alarm with every test of the package lost.
func script(ctx context.Context, node, name string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, node, name)
	ownGroup(cmd)
	cmd.WaitDelay = 10 * time.Second
	return cmd
}
