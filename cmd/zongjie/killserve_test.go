//go:build unix

package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"zongjie/app"
	"zongjie/store"
	"zongjie/store/pgtest"
	"zongjie/store/postgres"
	"zongjie/store/sqlite"
)

// TestKillServe kills `zongjie serve` on an SQLite store with SIGKILL
// while 20 clients upload reports and apply fixes, again and again
// (ZONGJIE_KILL_LOOPS kills, 5 by default; scripts/kill-serve.sh runs the
// long loop), and after each kill checks the store as the next process
// finds it: `zongjie db check` passes, every upload and version the
// server acknowledged (a 2xx answer received) is stored with the text
// sent (or, for a fix, the text the fix makes), and nothing else is
// stored: no report or version the clients did not ask for, none twice.
// After each restart the server serves every version acknowledged in the
// round before.
func TestKillServe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it")
	}
	db := filepath.Join(t.TempDir(), "z.db")
	killServeLoop(t, db, 5, func(ctx context.Context) (store.Store, error) { return sqlite.Open(db) })
}

// TestKillServePostgres is TestKillServe on PostgreSQL (three kills by
// default): a fresh database, the server killed with SIGKILL while its
// connections are in transactions.
func TestKillServePostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it")
	}
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	killServeLoop(t, dsn, 3, func(ctx context.Context) (store.Store, error) { return postgres.Open(ctx, dsn) })
}

// killServeClients is how many clients write at once.
const killServeClients = 20

// ksAck is an upload or a version the server acknowledged.
type ksAck struct {
	name    string
	id      int64
	version int
	text    string // the text sent, or for a fix the text fixed
	fix     bool   // a fix of every certain finding of text
}

// ksClient is one client of the server: a report at a time, uploaded,
// fixed, uploaded again edited (a new version) and fixed again.
type ksClient struct {
	url  string
	hc   *http.Client
	csrf string       // the token of the page forms (the fix)
	stop *atomic.Bool // when set, the client stops before its next report

	mu     sync.Mutex
	acks   []ksAck
	sent   map[string][]string // name → every text sent for it
	fixed  map[string][]string // name → every text a fix was asked of
	failed []string            // answers that were not 2xx, errors while the server lived
}

// newKSClient returns client i of the server at base: every other one
// opens a connection for each request.
func newKSClient(base string, i int) *ksClient {
	return &ksClient{
		url:   base,
		sent:  map[string][]string{},
		fixed: map[string][]string{},
		hc: &http.Client{
			Timeout:       2 * time.Minute,
			Transport:     &http.Transport{DisableKeepAlives: i%2 == 0},
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
	}
}

// acked returns a copy of what the client has had acknowledged so far.
func (c *ksClient) acked() []ksAck {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.acks)
}

func (c *ksClient) record(a ksAck) {
	c.mu.Lock()
	c.acks = append(c.acks, a)
	c.mu.Unlock()
}

// killServeLoop runs the kill loop against the database db (an SQLite
// file or a postgres:// URL), loops times unless ZONGJIE_KILL_LOOPS says;
// open opens it in the test.
func killServeLoop(t *testing.T, db string, loops int, open func(context.Context) (store.Store, error)) {
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := strconv.Atoi(os.Getenv("ZONGJIE_KILL_LOOPS")); n > 0 {
		loops = n
	}
	dir := t.TempDir()
	fixes := &ksFixes{dir: dir, done: map[string]string{}}
	defer fixes.close()
	var all, prev []ksAck
	uploads, versions, fixesAcked := 0, 0, 0
	// A kill may land before some kind of request was acknowledged in
	// a round (on a loaded machine, before the first fix): after the
	// rounds asked, go on (up to four times as many) until every kind was.
	rounds := 0
	for round := 0; round < loops || (uploads == 0 || fixesAcked == 0 || versions == 0) && round < 4*loops; round++ {
		srv, base, err := startServe(bin, dir, db)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		// The restarted server serves what was acknowledged before.
		if err := servedAll(base, prev); err != nil {
			srv.Process.Kill()
			srv.Wait()
			t.Fatalf("round %d, after the restart: %v", round, err)
		}
		rounds++
		// In the rounds past those asked, the kill waits for a new
		// version (which comes after an upload and its fix).
		clients, killedAfter := killServeRound(t, srv, base, round, round >= loops)
		var failed []string
		prev = prev[:0]
		sent, fixed := map[string][]string{}, map[string][]string{}
		for _, c := range clients {
			failed = append(failed, c.failed...)
			prev = append(prev, c.acks...)
			for k, v := range c.sent {
				sent[k] = v
			}
			for k, v := range c.fixed {
				fixed[k] = v
			}
		}
		for _, a := range prev {
			switch {
			case a.fix:
				fixesAcked++
			case a.version == 1:
				uploads++
			default:
				versions++
			}
		}
		all = append(all, prev...)
		if len(failed) > 0 {
			t.Fatalf("round %d: %d requests failed while the server ran:\n%s", round, len(failed), strings.Join(failed[:min(len(failed), 10)], "\n"))
		}
		where := fmt.Sprintf("round %d (killed %v after the first acknowledgement, %d acknowledged this round)", round, killedAfter.Round(time.Millisecond), len(prev))
		checkServeStore(t, bin, dir, db, open, fixes, all, round, sent, fixed, where)
		if t.Failed() {
			return
		}
	}
	t.Logf("%d kills on %s; acknowledged: %d uploads, %d new versions uploaded, %d fixes (%d versions in all); failures 0",
		rounds, storeKind(db), uploads, versions, fixesAcked, len(all))
	if uploads == 0 || fixesAcked == 0 || versions == 0 {
		t.Errorf("nothing of some kind was acknowledged: the test proved little")
	}
}

func storeKind(db string) string {
	if isPostgres(db) {
		return "PostgreSQL"
	}
	return "SQLite"
}

// startServe starts `zongjie serve` on a free port and returns it with
// its URL once it listens. Its log goes to serve.log in dir.
func startServe(bin, dir, db string, args ...string) (*exec.Cmd, string, error) {
	cmd := exec.Command(bin, append([]string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Dir = dir
	logf, err := os.OpenFile(filepath.Join(dir, "serve.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, "", err
	}
	defer logf.Close()
	cmd.Stderr = logf
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, "", err
	}
	if err := cmd.Start(); err != nil {
		return nil, "", err
	}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if u := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(sc.Text()); u != "" {
				found <- strings.TrimSuffix(u, "/")
			}
		}
		close(found)
	}()
	select {
	case u, ok := <-found:
		if ok {
			return cmd, u, nil
		}
	case <-time.After(90 * time.Second):
	}
	cmd.Process.Kill()
	cmd.Wait()
	log, _ := os.ReadFile(filepath.Join(dir, "serve.log"))
	return nil, "", fmt.Errorf("serve did not start:\n%s", tail(string(log), 2000))
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// killServeRound runs the clients against the server at base until it is
// killed, at a random moment after the first acknowledgement (up to 1.5
// s), or with everyKind after the first new version's, and returns them
// once they have all stopped.
func killServeRound(t *testing.T, srv *exec.Cmd, base string, round int, everyKind bool) ([]*ksClient, time.Duration) {
	var killed atomic.Bool
	first := make(chan struct{})
	var firstOnce sync.Once
	clients := make([]*ksClient, killServeClients)
	var wg sync.WaitGroup
	for i := range clients {
		c := newKSClient(base, i)
		clients[i] = c
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.run(round, i, &killed, func(version int) {
				if !everyKind || version > 1 {
					firstOnce.Do(func() { close(first) })
				}
			})
		}()
	}
	delay := time.Duration(rand.IntN(1500)) * time.Millisecond
	select {
	case <-first:
	case <-time.After(2 * time.Minute):
		t.Errorf("round %d: nothing acknowledged in 2 minutes", round)
	}
	time.Sleep(delay)
	killed.Store(true)
	if err := srv.Process.Signal(os.Kill); err != nil {
		t.Fatalf("kill: %v", err)
	}
	srv.Wait()
	wg.Wait()
	return clients, delay
}

// run is one client's work: until a request fails, a new report
// uploaded, fixed, uploaded again edited and fixed again, then the next.
// A failure while the server lives (not killed yet) is recorded.
func (c *ksClient) run(round, n int, killed *atomic.Bool, acked func(version int)) {
	fail := func(format string, args ...any) {
		if !killed.Load() {
			c.mu.Lock()
			c.failed = append(c.failed, fmt.Sprintf("client %d: ", n)+fmt.Sprintf(format, args...))
			c.mu.Unlock()
		}
	}
	if err := c.token(); err != nil {
		fail("%v", err)
		return
	}
	for k := 0; c.stop == nil || !c.stop.Load(); k++ {
		name := fmt.Sprintf("r%03d-c%02d-%04d.txt", round, n, k)
		var id int64
		version := 0
		for edit := range 2 {
			text := killServeText(round, n, k, edit)
			c.mu.Lock()
			c.sent[name] = append(c.sent[name], text)
			c.mu.Unlock()
			got, v, status, err := c.upload(name, text)
			if err != nil {
				fail("upload %s: %v", name, err)
				return
			}
			want := "new"
			if edit > 0 {
				want = "version"
			}
			if status != want || (edit > 0 && (got != id || v != version+1)) {
				fail("upload %s: %s, report %d version %d; want %s (report %d version %d)", name, status, got, v, want, id, version+1)
				return
			}
			id, version = got, v
			c.record(ksAck{name: name, id: id, version: version, text: text})
			acked(version)
			c.mu.Lock()
			c.fixed[name] = append(c.fixed[name], text)
			c.mu.Unlock()
			v, err = c.fix(id, version)
			if err != nil {
				fail("fix %s (report %d version %d): %v", name, id, version, err)
				return
			}
			if v != version+1 {
				fail("fix %s: saved version %d, want %d", name, v, version+1)
				return
			}
			version = v
			c.record(ksAck{name: name, id: id, version: version, text: text, fix: true})
		}
	}
}

// token gets the CSRF cookie of the page forms, as a browser does.
func (c *ksClient) token() error {
	resp, err := c.hc.Get(c.url + "/upload")
	if err != nil {
		return err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	for _, ck := range resp.Cookies() {
		if ck.Name == "zongjie_csrf" {
			c.csrf = ck.Value
			return nil
		}
	}
	return fmt.Errorf("GET /upload: %s, no CSRF cookie", resp.Status)
}

// upload sends one file to POST /api/v1/reports (JSON) and returns what
// the server says it stored.
func (c *ksClient) upload(name, text string) (int64, int, string, error) {
	body, _ := json.Marshal(map[string]string{"name": name, "text": text})
	resp, err := c.hc.Post(c.url+"/api/v1/reports", "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, 0, "", err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, 0, "", err // the answer cut: not acknowledged
	}
	if resp.StatusCode != http.StatusOK {
		return 0, 0, "", fmt.Errorf("%s: %s", resp.Status, data)
	}
	var res app.UploadResult
	if err := json.Unmarshal(data, &res); err != nil {
		return 0, 0, "", fmt.Errorf("%v: %s", err, data)
	}
	if len(res.Files) != 1 || res.Files[0].Error != nil || len(res.Files[0].Reports) != 1 {
		return 0, 0, "", fmt.Errorf("unexpected answer: %s", data)
	}
	r := res.Files[0].Reports[0]
	return r.Report.ID, r.Report.Version, r.Status, nil
}

// fix applies every certain fix of the report's current version (the
// report page's form: POST /reports/{id}/fix with the CSRF token) and
// returns the version saved.
func (c *ksClient) fix(id int64, version int) (int, error) {
	form := url.Values{"csrf": {c.csrf}, "all": {"1"}, "version": {strconv.Itoa(version)}}
	req, _ := http.NewRequest(http.MethodPost, fmt.Sprintf("%s/reports/%d/fix", c.url, id), strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "zongjie_csrf", Value: c.csrf})
	resp, err := c.hc.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusSeeOther {
		return 0, fmt.Errorf("%s: %s", resp.Status, tail(string(data), 500))
	}
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		return 0, err
	}
	v, err := strconv.Atoi(loc.Query().Get("saved"))
	if err != nil {
		return 0, fmt.Errorf("redirected to %q", loc)
	}
	return v, nil
}

// killServeText is the text of report k of client n in a round, the
// edit-th time it is uploaded: the same unit, title and year each time,
// other figures, and a half-width comma (PU001, a certain fix) to fix.
func killServeText(round, n, k, edit int) string {
	var b strings.Builder
	id := round*100000 + n*1000 + k
	fmt.Fprintf(&b, "第%d号测试街道2025年工作总结\n一、主要工作\n", id)
	for j := range 6 {
		fmt.Fprintf(&b, "（%d）第%d项工作：全年新增就业%d人,完成固定资产投资%d.%d亿元，同比增长%d.%d%%，改造老旧小区%d个。\n",
			j+1, j+1, 100+id%97+j+edit*11, 1+j, (k+edit)%10, 2+j, edit, 3+j+edit)
	}
	fmt.Fprintf(&b, "二、下一步工作计划\n力争新增就业%d人以上，完成投资%d亿元。\n", 1000+id%89, 10+edit)
	return b.String()
}

// servedAll asks the server for every version of acks: each must be
// there (200).
func servedAll(base string, acks []ksAck) error {
	hc := &http.Client{Timeout: time.Minute}
	for _, a := range acks {
		resp, err := hc.Get(fmt.Sprintf("%s/api/v1/reports/%d/versions/%d", base, a.id, a.version))
		if err != nil {
			return err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("report %d version %d (%s) acknowledged, now %s", a.id, a.version, a.name, resp.Status)
		}
	}
	return nil
}

// checkServeStore checks the database after a kill: `zongjie db check`
// passes; every acknowledged version is stored with its text; every
// report of this round's names is stored once, each of its versions a
// text sent for it or what a fix asked of one makes.
func checkServeStore(t *testing.T, bin, dir, db string, open func(context.Context) (store.Store, error), fixes *ksFixes,
	all []ksAck, round int, sent, fixed map[string][]string, where string) {
	t.Helper()
	cmd := exec.Command(bin, "db", "check", "--db", db)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: zongjie db check: %v\n%s", where, err, out)
	}
	ctx := context.Background()
	st, err := open(ctx)
	if err != nil {
		t.Fatalf("%s: open: %v", where, err)
	}
	defer st.Close()
	hash := func(s string) [32]byte { return sha256.Sum256([]byte(s)) }
	for _, a := range all {
		want := a.text
		if a.fix {
			if want, err = fixes.of(a.name, a.text); err != nil {
				t.Fatal(err)
			}
		}
		r, err := st.GetVersion(ctx, a.id, a.version)
		if err != nil {
			t.Errorf("%s: %s, report %d version %d, acknowledged: %v", where, a.name, a.id, a.version, err)
			continue
		}
		if hash(r.Text) != hash(want) || r.Path != a.name {
			t.Errorf("%s: %s, report %d version %d, acknowledged, is not stored whole: %q, %d bytes of text, want %d",
				where, a.name, a.id, a.version, r.Path, len(r.Text), len(want))
		}
	}
	list, err := st.List(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	prefix := fmt.Sprintf("r%03d-", round)
	seen := map[string]bool{}
	for _, s := range list {
		if !strings.HasPrefix(s.Path, prefix) {
			continue
		}
		if seen[s.Path] {
			t.Errorf("%s: %s stored as two reports", where, s.Path)
		}
		seen[s.Path] = true
		allowed := map[[32]byte]bool{}
		for _, text := range sent[s.Path] {
			allowed[hash(text)] = true
		}
		for _, text := range fixed[s.Path] {
			f, err := fixes.of(s.Path, text)
			if err != nil {
				t.Fatal(err)
			}
			allowed[hash(f)] = true
		}
		vs, err := st.Versions(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			r, err := st.GetVersion(ctx, s.ID, v.Version)
			if err != nil {
				t.Fatalf("%s: %s version %d: %v", where, s.Path, v.Version, err)
			}
			if !allowed[hash(r.Text)] {
				t.Errorf("%s: %s version %d holds a text no client sent (%d bytes)", where, s.Path, v.Version, len(r.Text))
			}
		}
	}
}

// ksFixes gives the text a fix of every certain finding makes of a
// text, as the server makes it: uploaded to an App of the test's own on
// a scratch store and fixed there.
type ksFixes struct {
	dir  string
	mu   sync.Mutex
	a    *app.App
	n    int
	done map[string]string
}

func (f *ksFixes) of(name, text string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if out, ok := f.done[text]; ok {
		return out, nil
	}
	ctx := context.Background()
	if f.a == nil {
		scratch := filepath.Join(f.dir, "scratch.db")
		f.a = app.New(app.Options{Open: func(context.Context) (store.Store, error) { return sqlite.Open(scratch) }})
	}
	f.n++
	added, err := f.a.AddUploads(ctx, []app.Upload{{Name: fmt.Sprintf("%d/%s", f.n, name), Data: []byte(text)}})
	if err != nil || len(added) != 1 || added[0].Err != nil || len(added[0].Reports) != 1 {
		return "", fmt.Errorf("scratch upload of %s: %v %+v", name, err, added)
	}
	id := added[0].Reports[0].ID
	s, err := f.a.ApplyFix(ctx, id, app.FixChoice{All: true})
	if err != nil {
		return "", fmt.Errorf("scratch fix of %s: %v", name, err)
	}
	r, err := f.a.Show(ctx, id, s.Version)
	if err != nil {
		return "", err
	}
	f.done[text] = r.Stored.Text
	return r.Stored.Text, nil
}

func (f *ksFixes) close() {
	if f.a != nil {
		f.a.Close()
	}
}
