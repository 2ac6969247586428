//go:build linux

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// mountTmpfs mounts a tmpfs of size at a temporary folder, unmounted when
// the test ends, or skips the test where that is not allowed (not root,
// no mount).
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root: the faults are tested without it in http (TestStoreFaults) and the stores")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	return dir
}

// faultServer is a `zongjie serve` process for the fault tests, with a
// browser's CSRF cookie.
type faultServer struct {
	t    *testing.T
	cmd  *exec.Cmd
	url  string
	dir  string
	csrf string
	hc   *http.Client
}

func startFaultServer(t *testing.T, db string) *faultServer {
	t.Helper()
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cmd, base, err := startServe(bin, dir, db)
	if err != nil {
		t.Fatal(err)
	}
	s := &faultServer{t: t, cmd: cmd, url: base, dir: dir, hc: &http.Client{
		Timeout:       time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
	t.Cleanup(func() { s.stop() })
	c := &ksClient{url: base, hc: s.hc}
	if err := c.token(); err != nil {
		t.Fatal(err)
	}
	s.csrf = c.csrf
	return s
}

// stop stops the server as Ctrl-C does.
func (s *faultServer) stop() {
	if s.cmd == nil {
		return
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	s.cmd.Wait()
	s.cmd = nil
}

func (s *faultServer) do(method, target, contentType string, body io.Reader) (int, string) {
	s.t.Helper()
	req, err := http.NewRequest(method, s.url+target, body)
	if err != nil {
		s.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if !strings.HasPrefix(target, "/api/") {
		req.AddCookie(&http.Cookie{Name: "zongjie_csrf", Value: s.csrf}) // a browser; the API's client is a program
	}
	resp, err := s.hc.Do(req)
	if err != nil {
		s.t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

// upload sends a report to the JSON API.
func (s *faultServer) upload(name, text string) (int, string) {
	body, _ := json.Marshal(map[string]string{"name": name, "text": text})
	return s.do("POST", "/api/v1/reports", "application/json", bytes.NewReader(body))
}

// uploadPage sends a report by the upload page's form, as a browser
// without the script does: the CSRF token its first field.
func (s *faultServer) uploadPage(name, text string) (int, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("csrf", s.csrf)
	w, _ := mw.CreateFormFile("file", name)
	w.Write([]byte(text))
	mw.Close()
	return s.do("POST", "/upload", mw.FormDataContentType(), &b)
}

func (s *faultServer) fix(id int64) (int, string) {
	form := url.Values{"csrf": {s.csrf}, "all": {"1"}}
	return s.do("POST", fmt.Sprintf("/reports/%d/fix", id), "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
}

// wantFault checks that the writes fail with status, code and message,
// and that the reads go on.
func (s *faultServer) wantFault(status int, code, says string, id int64, n int) {
	t := s.t
	t.Helper()
	st, body := s.upload(fmt.Sprintf("more-%d.txt", n), killServeText(9, 1, n, 0))
	var e struct {
		Error struct{ Code, Message string }
	}
	json.Unmarshal([]byte(body), &e)
	if st != status || e.Error.Code != code || !strings.Contains(e.Error.Message, says) {
		t.Errorf("POST /api/v1/reports: %d %s, want %d with code %s saying %s", st, body, status, code, says)
	}
	if st, body := s.uploadPage(fmt.Sprintf("page-%d.txt", n), killServeText(9, 2, n, 0)); st != status || !strings.Contains(body, says) || !strings.Contains(body, "已保存的报告仍可查看") {
		t.Errorf("POST /upload: %d, want %d saying %s\n%.2000s", st, status, says, body)
	}
	if st, body := s.fix(id); st != status || !strings.Contains(body, says) {
		t.Errorf("POST /reports/%d/fix: %d, want %d saying %s\n%.2000s", id, st, status, says, body)
	}
	for _, target := range []string{"/", "/search?q=" + url.QueryEscape("工作"), fmt.Sprintf("/reports/%d", id), "/api/v1/reports",
		fmt.Sprintf("/api/v1/reports/%d", id), fmt.Sprintf("/reports/%d/similar", id), "/families", "/upload"} {
		if st, body := s.do("GET", target, "", nil); st != 200 {
			t.Errorf("GET %s: %d\n%.1000s", target, st, body)
		}
	}
}

// Ensure `zongjie serve` on a database whose disk fills gives every
// write a clear error (507, code full, 磁盘已满: the JSON API, the upload
// page, the fix), keeps serving reads, and writes again once space is
// freed, without a restart; the database stays whole (db check).
func TestServeDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it")
	}
	mnt := mountTmpfs(t, "24m")
	db := filepath.Join(mnt, "z.db")
	s := startFaultServer(t, db)
	var id int64
	for i := range 4 {
		st, body := s.upload(fmt.Sprintf("r%d.txt", i), killServeText(8, 0, i, 0))
		if st != 200 {
			t.Fatalf("upload %d: %d %s", i, st, body)
		}
		if id == 0 {
			var res struct {
				Files []struct {
					Reports []struct{ Report struct{ ID int64 } }
				}
			}
			json.Unmarshal([]byte(body), &res)
			id = res.Files[0].Reports[0].Report.ID
		}
	}
	s.do("GET", "/", "", nil)
	// Fill the disk.
	filler := filepath.Join(mnt, "filler")
	f, err := os.Create(filler)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64<<10)
	for {
		if _, err := f.Write(buf); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			break
		}
	}
	f.Close()
	for n := range 3 {
		s.wantFault(507, "full", "磁盘已满", id, n)
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if st, body := s.upload("after.txt", killServeText(8, 1, 0, 0)); st != 200 {
		t.Errorf("upload with space again: %d %s", st, body)
	}
	if st, body := s.fix(id); st != http.StatusSeeOther {
		t.Errorf("fix with space again: %d %.1000s", st, body)
	}
	s.stop()
	bin, _ := buildBinary()
	if out, err := exec.Command(bin, "db", "check", "--db", db).CombinedOutput(); err != nil {
		t.Errorf("db check: %v\n%s", err, out)
	}
	if log, _ := os.ReadFile(filepath.Join(s.dir, "serve.log")); bytes.Contains(log, []byte("panic")) {
		t.Errorf("the server panicked:\n%s", tail(string(log), 3000))
	}
}

// Ensure `zongjie serve` on a database on a read-only file system starts,
// serves every read, and gives every write a clear error (503, code
// read_only, 数据库是只读的).
func TestServeReadOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it")
	}
	mnt := mountTmpfs(t, "24m")
	db := filepath.Join(mnt, "z.db")
	s := startFaultServer(t, db)
	var id int64
	for i := range 3 {
		st, body := s.upload(fmt.Sprintf("r%d.txt", i), killServeText(7, 0, i, 0))
		if st != 200 {
			t.Fatalf("upload %d: %d %s", i, st, body)
		}
		if id == 0 {
			var res struct {
				Files []struct {
					Reports []struct{ Report struct{ ID int64 } }
				}
			}
			json.Unmarshal([]byte(body), &res)
			id = res.Files[0].Reports[0].Report.ID
		}
	}
	s.stop()
	if out, err := exec.Command("mount", "-o", "remount,ro", mnt).CombinedOutput(); err != nil {
		t.Fatalf("remount read-only: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("mount", "-o", "remount,rw", mnt).Run() })
	s = startFaultServer(t, db)
	for n := range 2 {
		s.wantFault(503, "read_only", "数据库是只读的", id, n)
	}
	if st, body := s.do("GET", "/api/v1/reports", "", nil); st != 200 || strings.Count(body, `"id"`) != 3 {
		t.Errorf("GET /api/v1/reports: %d %.500s", st, body)
	}
}
