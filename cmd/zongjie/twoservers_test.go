//go:build unix

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"zongjie/app"
	"zongjie/store/pgtest"
)

// Ensure two `zongjie serve` processes on one PostgreSQL database are one
// service: uploads sent to both at once all land, and each server lists
// all of them; a report fixed on one is seen fixed on the other, its
// metadata corrected on the other is seen on the first; the same fix sent
// to both at once is stored once (the other is told the report changed);
// each server's desk shows the reports of both.
func TestTwoServersOnePostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it")
	}
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	var bases [2]string
	for i := range bases {
		srv, base, err := startServe(bin, t.TempDir(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			srv.Process.Kill()
			srv.Wait()
		})
		bases[i] = base
	}
	// Ten clients on each server upload five reports each, all at once.
	type upload struct {
		server int
		id     int64
	}
	var (
		mu   sync.Mutex
		ups  []upload
		errs []string
		wg   sync.WaitGroup
	)
	for n := range 20 {
		server := n % 2
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := newKSClient(bases[server], n)
			for k := range 5 {
				id, v, status, err := c.upload(fmt.Sprintf("s%d-c%02d-%d.txt", server, n, k), killServeText(60+server, n, k, 0))
				mu.Lock()
				if err != nil || status != "new" || v != 1 {
					errs = append(errs, fmt.Sprintf("server %d, client %d, report %d: %s %d %v", server, n, k, status, v, err))
				} else {
					ups = append(ups, upload{server, id})
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("uploads failed:\n%s", strings.Join(errs, "\n"))
	}
	var all []int64
	for _, u := range ups {
		all = append(all, u.id)
	}
	for i, base := range bases {
		if got := servedIDs(t, base); !equalIDs(got, all) {
			t.Errorf("server %d lists %d reports, want the %d uploaded to both", i, len(got), len(all))
		}
	}
	// A report uploaded to server 1, fixed on server 0, is fixed on 1.
	var id int64
	for _, u := range ups {
		if u.server == 1 {
			id = u.id
			break
		}
	}
	c0 := newKSClient(bases[0], 0)
	if err := c0.token(); err != nil {
		t.Fatal(err)
	}
	if v, err := c0.fix(id, 1); err != nil || v != 2 {
		t.Fatalf("fix on server 0: version %d, %v", v, err)
	}
	if got := shownVersion(t, bases[1], id); got != 2 {
		t.Errorf("server 1 shows report %d at version %d after the fix on server 0, want 2", id, got)
	}
	// Its unit stated on server 1 is seen on server 0.
	req, _ := http.NewRequest("PATCH", fmt.Sprintf("%s/api/v1/reports/%d", bases[1], id), strings.NewReader(`{"unit":"第一联合测试街道"}`))
	req.Header.Set("Content-Type", "application/json")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
		t.Fatalf("PATCH on server 1: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	if got := shownVersion(t, bases[0], id); got != 3 {
		t.Errorf("server 0 shows report %d at version %d after the edit on server 1, want 3", id, got)
	}
	if body := get(t, bases[0], fmt.Sprintf("/reports/%d", id)); !strings.Contains(body, "第一联合测试街道") {
		t.Errorf("server 0's report page lacks the unit stated on server 1")
	}
	// The same fix sent to both at once: stored once.
	var other int64
	for _, u := range ups {
		if u.id != id {
			other = u.id
			break
		}
	}
	clients := [2]*ksClient{c0, newKSClient(bases[1], 1)}
	if err := clients[1].token(); err != nil {
		t.Fatal(err)
	}
	var results [2]string
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := clients[i].fix(other, 1)
			results[i] = fmt.Sprintf("version %d, %v", v, err)
		}()
	}
	wg.Wait()
	saved, refused := 0, 0
	for _, r := range results {
		switch {
		case r == "version 2, <nil>":
			saved++
		case strings.Contains(r, "409 Conflict"):
			refused++
		}
	}
	if saved != 1 || refused != 1 {
		t.Errorf("the same fix on both servers at once: %q; want one saved and one refused as a conflict", results)
	}
	if got := shownVersion(t, bases[0], other); got != 2 {
		t.Errorf("report %d at version %d after the fix sent twice, want 2", other, got)
	}
	// Each desk shows every report.
	for i, base := range bases {
		body := get(t, base, "/")
		for _, want := range []string{"第6002004号测试街道", "第6103004号测试街道"} {
			if !strings.Contains(body, want) {
				t.Errorf("server %d's desk lacks %s", i, want)
			}
		}
	}
}

// shownVersion returns the current version of a report as a server shows it.
func shownVersion(t *testing.T, base string, id int64) int {
	t.Helper()
	var shown struct{ Report struct{ Version int } }
	if err := json.Unmarshal([]byte(get(t, base, fmt.Sprintf("/api/v1/reports/%d", id))), &shown); err != nil {
		t.Fatal(err)
	}
	return shown.Report.Version
}

// get returns the body of a page or answer, which must be 200.
func get(t *testing.T, base, target string) string {
	t.Helper()
	resp, err := http.Get(base + target)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s%s: %s %.500s", base, target, resp.Status, body)
	}
	return string(body)
}

// Ensure a session made by signing in on one of two servers on one
// PostgreSQL database works on the other, and that signing out on the
// other ends it there at once and on the first within app.AccountsFor
// (how long a server keeps a session it has read): sessions are rows of
// the database. A user disabled by the command line beside both servers
// is refused by both within app.AccountsFor too.
func TestTwoServersOneSession(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it")
	}
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	run := func(stdin string, args ...string) {
		t.Helper()
		cmd := exec.Command(bin, append(args, "--db", dsn)...)
		cmd.Stdin = strings.NewReader(stdin)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("zongjie %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	run("", "unit", "add", "云川市")
	run("correct horse battery\n", "user", "add", "zhang", "--unit", "云川市", "--admin")
	var bases [2]string
	for i := range bases {
		srv, base, err := startServe(bin, t.TempDir(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			srv.Process.Kill()
			srv.Wait()
		})
		bases[i] = base
	}
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	status := func(base, method, target, session string, form url.Values, csrf string) (int, *http.Response) {
		t.Helper()
		var body io.Reader
		if form != nil {
			body = strings.NewReader(form.Encode())
		}
		req, _ := http.NewRequest(method, base+target, body)
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		if session != "" {
			req.AddCookie(&http.Cookie{Name: "zongjie_session", Value: session})
		}
		if csrf != "" {
			req.AddCookie(&http.Cookie{Name: "zongjie_csrf", Value: csrf})
		}
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode, resp
	}
	cookie := func(resp *http.Response, name string) string {
		for _, c := range resp.Cookies() {
			if c.Name == name {
				return c.Value
			}
		}
		return ""
	}
	if st, _ := status(bases[1], "GET", "/api/v1/reports", "", nil, ""); st != http.StatusUnauthorized {
		t.Fatalf("server 1 signed out: %d, want 401", st)
	}
	// Sign in on server 0, as a browser: the login page's CSRF cookie,
	// then the form.
	_, page := status(bases[0], "GET", "/login", "", nil, "")
	csrf := cookie(page, "zongjie_csrf")
	if csrf == "" {
		t.Fatal("the login page set no CSRF cookie")
	}
	st, resp := status(bases[0], "POST", "/login", "", url.Values{"name": {"zhang"}, "password": {"correct horse battery"}, "csrf": {csrf}}, csrf)
	session := cookie(resp, "zongjie_session")
	if st != http.StatusSeeOther || session == "" {
		t.Fatalf("sign-in on server 0: %d, session cookie %q", st, session)
	}
	if st, _ := status(bases[1], "GET", "/api/v1/reports", session, nil, ""); st != 200 {
		t.Errorf("server 1 with the session made on server 0: %d, want 200", st)
	}
	if st, _ := status(bases[1], "GET", "/", session, nil, ""); st != 200 {
		t.Errorf("server 1's desk with the session made on server 0: %d, want 200", st)
	}
	if st, _ := status(bases[0], "GET", "/api/v1/reports", session, nil, ""); st != 200 {
		t.Errorf("server 0 with its session: %d, want 200", st)
	}
	// Sign out on server 1: the session ends there at once, and on server
	// 0 (which has just read it) within the bound.
	if st, _ := status(bases[1], "POST", "/logout", session, url.Values{"csrf": {csrf}}, csrf); st != http.StatusSeeOther {
		t.Errorf("sign-out on server 1: %d, want 303", st)
	}
	if st, _ := status(bases[1], "GET", "/api/v1/reports", session, nil, ""); st != http.StatusUnauthorized {
		t.Errorf("server 1 with the session ended there: %d, want 401", st)
	}
	time.Sleep(app.AccountsFor)
	if st, _ := status(bases[0], "GET", "/api/v1/reports", session, nil, ""); st != http.StatusUnauthorized {
		t.Errorf("server 0 with the session ended on server 1, %v later: %d, want 401", app.AccountsFor, st)
	}
	// Signed in again and read on both; disabled by the command line.
	_, resp = status(bases[0], "POST", "/login", "", url.Values{"name": {"zhang"}, "password": {"correct horse battery"}, "csrf": {csrf}}, csrf)
	session = cookie(resp, "zongjie_session")
	for i, base := range bases {
		if st, _ := status(base, "GET", "/api/v1/reports", session, nil, ""); st != 200 {
			t.Fatalf("server %d with the new session: %d, want 200", i, st)
		}
	}
	run("", "user", "disable", "zhang")
	time.Sleep(app.AccountsFor)
	for i, base := range bases {
		if st, _ := status(base, "GET", "/api/v1/reports", session, nil, ""); st != http.StatusUnauthorized {
			t.Errorf("server %d, the user disabled by the command line %v before: %d, want 401", i, app.AccountsFor, st)
		}
	}
}
