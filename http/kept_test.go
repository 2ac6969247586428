package http

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"sync"
	"testing"
	"time"

	"zongjie/app"
	"zongjie/store"
	"zongjie/store/pgtest"
	"zongjie/store/postgres"
)

// testClock is a clock the test moves.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// Ensure the accounts a server keeps (app.AccountsFor) spare the database
// the lookups of a signed-in request, and that what they keep does not
// outlive a change: a token revoked, a sign-out, a user disabled and a
// password changed on one of two servers over one PostgreSQL database
// are refused at once on that server, and on the other once AccountsFor
// has passed (the two servers' clocks moved by the test).
func TestAccountsKeptTwoServers(t *testing.T) {
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	clock := &testClock{t: time.Now()}
	var (
		servers [2]*Server
		stores  [2]*postgres.Store
	)
	for i := range servers {
		open := func(ctx context.Context) (store.Store, error) {
			st, err := postgres.Open(ctx, dsn)
			stores[i] = st
			return st, err
		}
		a := app.New(app.Options{Open: open, Now: clock.Now})
		t.Cleanup(func() { a.Close() })
		s, err := NewServer(a, Options{})
		if err != nil {
			t.Fatal(err)
		}
		servers[i] = s
	}
	pw := addUser(t, servers[0], "zhang", "", true)
	lipw := addUser(t, servers[0], "li", "云川市", false)
	wangpw := addUser(t, servers[0], "wang", "云川市", false)
	admin := newBrowser(t, servers[0])
	admin.signIn("zhang", pw)

	// A token of li's, used on both servers.
	li := newBrowser(t, servers[0])
	li.signIn("li", lipw)
	page := li.form("/account/tokens", url.Values{"name": {"脚本"}})
	secret := tokenIn(t, page.Body.String())
	m := regexp.MustCompile(`/account/tokens/(\d+)/revoke`).FindStringSubmatch(page.Body.String())
	if m == nil {
		t.Fatalf("no revoke form on the account page: %.300s", page.Body)
	}
	scripts := [2]*browser{newBrowser(t, servers[0]), newBrowser(t, servers[1])}
	check := func(b *browser) int {
		t.Helper()
		return b.do("POST", "/api/v1/check", "application/json", `{"name":"a.txt","text":"2025年工作总结\n一、主要工作\n全年完成投资5亿元。"}`).Code
	}
	for i, b := range scripts {
		b.token = secret
		if _, err := servers[i].app.HasUsers(context.Background()); err != nil { // opens the store
			t.Fatal(err)
		}
		before := stores[i].RoundTrips()
		if c := check(b); c != 200 {
			t.Fatalf("server %d, the check with li's token: %d", i, c)
		}
		cold := stores[i].RoundTrips() - before
		before = stores[i].RoundTrips()
		if c := check(b); c != 200 {
			t.Fatalf("server %d, the check again: %d", i, c)
		}
		warm := stores[i].RoundTrips() - before
		t.Logf("server %d: a check by API token, %d round trips with the token not kept, %d kept", i, cold, warm)
		if cold < 2 || warm != 0 {
			t.Errorf("server %d: a check by API token made %d round trips with the token not kept and %d kept, want 2 or more and 0", i, cold, warm)
		}
	}
	// Revoked on server 0: refused there at once, on server 1 within
	// the bound.
	if w := li.form("/account/tokens/"+m[1]+"/revoke", nil); w.Code != http.StatusSeeOther {
		t.Fatalf("revoke: %d %.300s", w.Code, w.Body)
	}
	if c := check(scripts[0]); c != http.StatusUnauthorized {
		t.Errorf("the token revoked on server 0, server 0 answers %d, want 401 at once", c)
	}
	clock.advance(app.AccountsFor)
	if c := check(scripts[1]); c != http.StatusUnauthorized {
		t.Errorf("the token revoked on server 0, server 1 answers %d after %v, want 401", c, app.AccountsFor)
	}

	// Signed out on server 1: refused there at once, on server 0 within
	// the bound.
	on := [2]*browser{li, newBrowser(t, servers[1])}
	on[1].cookies = li.cookies
	signedIn := func(b *browser) bool {
		t.Helper()
		switch w := b.get("/api/v1/reports"); w.Code {
		case 200:
			return true
		case http.StatusUnauthorized:
			return false
		default:
			t.Fatalf("GET /api/v1/reports: %d %.300s", w.Code, w.Body)
			return false
		}
	}
	for i, b := range on {
		if !signedIn(b) {
			t.Fatalf("li's session on server %d: refused", i)
		}
	}
	session := li.cookies[sessionCookie].Value
	if w := on[1].form("/logout", nil); w.Code != http.StatusSeeOther {
		t.Fatalf("sign out on server 1: %d", w.Code)
	}
	stale := [2]*browser{newBrowser(t, servers[0]), newBrowser(t, servers[1])}
	for _, b := range stale {
		b.cookies[sessionCookie] = &http.Cookie{Name: sessionCookie, Value: session}
	}
	if signedIn(stale[1]) {
		t.Errorf("signed out on server 1, the session still works there")
	}
	clock.advance(app.AccountsFor)
	if signedIn(stale[0]) {
		t.Errorf("signed out on server 1, the session still works on server 0 after %v", app.AccountsFor)
	}

	// wang signed in on both; disabled on server 0 by the admin; enabled
	// again, signed in again, and a new password set on server 0.
	for _, change := range []struct {
		name string
		do   func() *http.Response
	}{
		{"disabled", func() *http.Response {
			return admin.form("/admin/users/wang/disable", url.Values{"disabled": {"1"}}).Result()
		}},
		{"given a new password", func() *http.Response {
			return admin.form("/admin/users/wang/password", url.Values{"password": {"new-secret-of-wang"}, "password2": {"new-secret-of-wang"}}).Result()
		}},
	} {
		if change.name != "disabled" {
			if w := admin.form("/admin/users/wang/disable", url.Values{"disabled": {"0"}}); w.Code != http.StatusSeeOther {
				t.Fatalf("enable wang: %d", w.Code)
			}
		}
		wang := [2]*browser{newBrowser(t, servers[0]), newBrowser(t, servers[1])}
		wang[0].signIn("wang", wangpw)
		wang[1].cookies = wang[0].cookies
		for i, b := range wang {
			if !signedIn(b) {
				t.Fatalf("wang's session on server %d: refused", i)
			}
		}
		if res := change.do(); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("wang %s: %d", change.name, res.StatusCode)
		}
		if signedIn(wang[0]) {
			t.Errorf("wang %s on server 0: the session still works there", change.name)
		}
		clock.advance(app.AccountsFor)
		if signedIn(wang[1]) {
			t.Errorf("wang %s on server 0: the session still works on server 1 after %v", change.name, app.AccountsFor)
		}
		if change.name != "disabled" {
			wangpw = "new-secret-of-wang"
		}
	}
}
