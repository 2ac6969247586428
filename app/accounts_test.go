package app_test

import (
	"context"
	"encoding/base64"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/argon2"

	"zongjie/app"
	"zongjie/store"
	"zongjie/store/sqlite"
)

// clock is a settable time for the tests of sessions and lockouts.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// clockApp returns an App on a new store with a clock, a unit tree
// (云川市 → 东湖区) and the store itself.
func clockApp(t *testing.T) (*app.App, *clock, store.Store) {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "z.db"))
	if err != nil {
		t.Fatal(err)
	}
	c := &clock{t: time.Date(2025, 3, 3, 9, 0, 0, 0, time.Local)}
	a := app.New(app.Options{Open: func(context.Context) (store.Store, error) { return st, nil }, Now: c.now})
	t.Cleanup(func() { a.Close() })
	ctx := context.Background()
	for _, u := range []app.NewUnit{{Name: "云川市"}, {Name: "东湖区", Parent: "云川市"}} {
		if _, err := a.AddUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	return a, c, st
}

// Ensure HasUsers keeps an answer that there is no account for a second
// (the web app asks at every request) and then asks the store again: an
// account another process adds takes effect within the second. An
// account this App adds takes effect at once (TestAddUser).
func TestHasUsersKept(t *testing.T) {
	a, c, st := clockApp(t)
	ctx := context.Background()
	if has, err := a.HasUsers(ctx); err != nil || has {
		t.Fatalf("HasUsers of a new store = %v, %v", has, err)
	}
	other := app.New(app.Options{Open: func(context.Context) (store.Store, error) { return st, nil }, Now: c.now})
	if _, err := other.AddUser(ctx, app.NewUser{Name: "zhang", Password: "青禾街道2024年", Unit: "东湖区", Role: store.Admin}); err != nil {
		t.Fatal(err)
	}
	c.add(999 * time.Millisecond)
	if has, _ := a.HasUsers(ctx); has {
		t.Errorf("HasUsers asked the store again within the second")
	}
	c.add(time.Millisecond)
	if has, _ := a.HasUsers(ctx); !has {
		t.Errorf("HasUsers a second after = false: another process's account never shows")
	}
}

func TestAddUser(t *testing.T) {
	a, _, _ := clockApp(t)
	ctx := context.Background()
	if has, err := a.HasUsers(ctx); err != nil || has {
		t.Fatalf("HasUsers of a new store = %v, %v", has, err)
	}
	acc, err := a.AddUser(ctx, app.NewUser{Name: "zhang", Password: "青禾街道2024年", Unit: "东湖区", Role: store.Admin})
	if err != nil {
		t.Fatal(err)
	}
	if acc.Unit != "云川市/东湖区" || acc.Role != store.Admin || acc.ID == 0 {
		t.Errorf("AddUser = %+v", acc)
	}
	if has, _ := a.HasUsers(ctx); !has {
		t.Errorf("HasUsers after AddUser = false")
	}
	for _, c := range []struct {
		u    app.NewUser
		code app.Code
		msg  string
	}{
		{app.NewUser{Name: "zhang", Password: "another password", Unit: "东湖区", Role: store.Drafter}, app.Conflict, "已被使用"},
		{app.NewUser{Name: "li", Password: "short", Unit: "东湖区", Role: store.Drafter}, app.Invalid, "密码太短"},
		{app.NewUser{Name: "li", Password: "短短短短短短短", Unit: "东湖区", Role: store.Drafter}, app.Invalid, "密码太短"}, // 7 characters
		{app.NewUser{Name: "li", Password: "aaaaaaaaaaaa", Unit: "东湖区", Role: store.Drafter}, app.Invalid, "同一个字符"},
		{app.NewUser{Name: "lisisisi", Password: "LISISISI", Unit: "东湖区", Role: store.Drafter}, app.Invalid, "用户名相同"},
		{app.NewUser{Name: "li si", Password: "long enough", Unit: "东湖区", Role: store.Drafter}, app.Invalid, "空格"},
		{app.NewUser{Name: "", Password: "long enough", Unit: "东湖区", Role: store.Drafter}, app.Invalid, "不能为空"},
		{app.NewUser{Name: "li", Password: "long enough", Unit: "西山县", Role: store.Drafter}, app.NotFound, "没有单位"},
		{app.NewUser{Name: "li", Password: "long enough", Unit: "东湖区", Role: "boss"}, app.Invalid, "角色"},
	} {
		_, err := a.AddUser(ctx, c.u)
		if app.ErrorCode(err) != c.code || !strings.Contains(app.ErrorMessage(err), c.msg) {
			t.Errorf("AddUser(%+v) = %v (%s), want %s %q", c.u, err, app.ErrorCode(err), c.code, c.msg)
		}
	}
	// An 8-character Chinese password is long enough.
	if _, err := a.AddUser(ctx, app.NewUser{Name: "li", Password: "青禾街道工作总结", Unit: "云川市/东湖区", Role: store.Drafter}); err != nil {
		t.Errorf("AddUser with 8 Chinese characters: %v", err)
	}
	// A drafter adds nobody; an admin of 东湖区 not above it.
	li, _ := a.Authenticate(ctx, "li", "青禾街道工作总结")
	if _, err := a.AddUser(app.WithUser(ctx, li), app.NewUser{Name: "x", Password: "long enough", Unit: "东湖区", Role: store.Drafter}); app.ErrorCode(err) != app.Forbidden {
		t.Errorf("AddUser by a drafter = %v", err)
	}
	zhang, _ := a.Authenticate(ctx, "zhang", "青禾街道2024年")
	if _, err := a.AddUser(app.WithUser(ctx, zhang), app.NewUser{Name: "x", Password: "long enough", Unit: "云川市", Role: store.Admin}); app.ErrorCode(err) != app.Forbidden {
		t.Errorf("AddUser above the admin's unit = %v", err)
	}
	if _, err := a.AddUser(app.WithUser(ctx, zhang), app.NewUser{Name: "x", Password: "long enough", Unit: "东湖区", Role: store.Reviewer}); err != nil {
		t.Errorf("AddUser in the admin's unit: %v", err)
	}
}

// addUser makes a user and fails the test on an error.
func addUser(t *testing.T, a *app.App, name, password, unit string, role store.Role) {
	t.Helper()
	if _, err := a.AddUser(context.Background(), app.NewUser{Name: name, Password: password, Unit: unit, Role: role}); err != nil {
		t.Fatal(err)
	}
}

func TestAuthenticate(t *testing.T) {
	a, c, st := clockApp(t)
	addUser(t, a, "zhang", "right password", "东湖区", store.Reviewer)
	ctx := app.WithAddress(context.Background(), "192.0.2.1")
	u, err := a.Authenticate(ctx, " zhang ", "right password")
	if err != nil || u.Name != "zhang" || u.Role != store.Reviewer || u.Local() {
		t.Fatalf("Authenticate = %+v, %v", u, err)
	}
	// A wrong password and an unknown name: the same answer.
	_, e1 := a.Authenticate(ctx, "zhang", "wrong password")
	_, e2 := a.Authenticate(ctx, "nobody", "right password")
	if app.ErrorCode(e1) != app.Unauthorized || app.ErrorMessage(e1) != app.ErrorMessage(e2) || app.ErrorCode(e2) != app.Unauthorized {
		t.Errorf("wrong password = %v, unknown user = %v: want the same Unauthorized", e1, e2)
	}
	// Four more failures lock the name (five in a row) …
	for range 4 {
		c.add(time.Minute)
		a.Authenticate(ctx, "zhang", "wrong password")
	}
	c.add(time.Minute)
	_, err = a.Authenticate(ctx, "zhang", "right password")
	if app.ErrorCode(err) != app.RateLimited || !strings.Contains(app.ErrorMessage(err), "后再试") {
		t.Fatalf("after five failures: %v, want RateLimited saying until when", err)
	}
	// … until Lockout after the last failure; attempts while locked do
	// not count.
	c.add(app.Lockout - 2*time.Minute)
	if _, err := a.Authenticate(ctx, "zhang", "wrong password"); app.ErrorCode(err) != app.RateLimited {
		t.Errorf("still locked: %v", err)
	}
	c.add(2 * time.Minute)
	if _, err := a.Authenticate(ctx, "zhang", "right password"); err != nil {
		t.Errorf("after the lockout: %v", err)
	}
	// A success clears the count.
	for range 4 {
		a.Authenticate(ctx, "zhang", "wrong password")
	}
	if _, err := a.Authenticate(ctx, "zhang", "right password"); err != nil {
		t.Errorf("after four failures: %v", err)
	}
	// Failures further apart than the window do not add up.
	for range 6 {
		c.add(app.FailureWindow + time.Second)
		a.Authenticate(ctx, "zhang", "wrong password")
	}
	if _, err := a.Authenticate(ctx, "zhang", "right password"); err != nil {
		t.Errorf("after failures far apart: %v", err)
	}
	// One address guessing many names is locked too, whatever the name.
	bot := app.WithAddress(context.Background(), "198.51.100.7")
	for i := range app.AddressFailures {
		a.Authenticate(bot, "user"+string(rune('a'+i)), "guess")
	}
	if _, err := a.Authenticate(bot, "zhang", "right password"); app.ErrorCode(err) != app.RateLimited {
		t.Errorf("an address after %d failures: %v, want RateLimited", app.AddressFailures, err)
	}
	if _, err := a.Authenticate(ctx, "zhang", "right password"); err != nil {
		t.Errorf("another address is not locked: %v", err)
	}
	// A disabled user is told so, once the password is right.
	if err := a.DisableUser(context.Background(), "zhang", true); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Authenticate(ctx, "zhang", "wrong password"); app.ErrorMessage(err) != "用户名或密码错误" {
		t.Errorf("a disabled user, wrong password: %v", err)
	}
	c.add(app.Lockout)
	if _, err := a.Authenticate(ctx, "zhang", "right password"); app.ErrorCode(err) != app.Unauthorized || !strings.Contains(app.ErrorMessage(err), "停用") {
		t.Errorf("a disabled user, right password: %v", err)
	}
	// Every attempt is in the log, with the address.
	es, err := a.AuditLog(context.Background(), app.AuditQuery{Action: "login."})
	if err != nil || len(es) < 10 {
		t.Fatalf("login failures logged: %d, %v", len(es), err)
	}
	if es[len(es)-1].Address != "192.0.2.1" || es[len(es)-1].User != "zhang" {
		t.Errorf("first failure logged as %+v", es[len(es)-1])
	}
	ok, _ := a.AuditLog(context.Background(), app.AuditQuery{Action: "login"})
	if len(ok) != 5 {
		t.Errorf("%d sign-ins logged, want 5", len(ok))
	}
	// The counts are in the store (shared by every server).
	if f, _ := st.LoginFailures(context.Background(), "addr:198.51.100.7"); f.Count != app.AddressFailures {
		t.Errorf("stored failures of the address: %+v", f)
	}
}

// A hash of weaker parameters is made again at the next sign-in.
func TestRehash(t *testing.T) {
	a, _, st := clockApp(t)
	addUser(t, a, "zhang", "right password", "东湖区", store.Drafter)
	ctx := context.Background()
	u, _ := st.UserByName(ctx, "zhang")
	old := "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$" // key below
	weak := old + weakKey(t)
	if _, err := st.UpdateUser(ctx, u.ID, store.UserUpdate{PasswordHash: &weak}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Authenticate(ctx, "zhang", "right password"); err != nil {
		t.Fatalf("sign-in with a weak hash: %v", err)
	}
	u, _ = st.UserByName(ctx, "zhang")
	if u.PasswordHash == weak || !strings.HasPrefix(u.PasswordHash, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash after the sign-in: %s", u.PasswordHash)
	}
}

func TestSessions(t *testing.T) {
	a, c, st := clockApp(t)
	addUser(t, a, "zhang", "right password", "东湖区", store.Drafter)
	ctx := app.WithAddress(context.Background(), "192.0.2.1")
	u, err := a.Authenticate(ctx, "zhang", "right password")
	if err != nil {
		t.Fatal(err)
	}
	secret, err := a.CreateSession(ctx, u)
	if err != nil || !strings.HasPrefix(secret, "zjs_") {
		t.Fatalf("CreateSession = %q, %v", secret, err)
	}
	// The store has its hash only.
	if _, err := st.Session(ctx, secret); err == nil {
		t.Errorf("the session is stored under its secret")
	}
	got, err := a.LookupSession(ctx, secret)
	if err != nil || got != u {
		t.Fatalf("LookupSession = %+v, %v; want %+v", got, err, u)
	}
	for _, bad := range []string{"", "zjs_", secret + "x", "zjt_" + secret[4:], strings.ToUpper(secret)} {
		if _, err := a.LookupSession(ctx, bad); app.ErrorCode(err) != app.Unauthorized {
			t.Errorf("LookupSession(%q) = %v", bad, err)
		}
	}
	// Used within the idle time, it lives on …
	for range 10 {
		c.add(app.SessionIdle - time.Hour)
		if _, err := a.LookupSession(ctx, secret); err != nil {
			t.Fatalf("a session in use expired: %v", err)
		}
	}
	// … up to SessionMax.
	c.add(app.SessionMax - 10*(app.SessionIdle-time.Hour))
	if _, err := a.LookupSession(ctx, secret); app.ErrorCode(err) != app.Unauthorized || !strings.Contains(app.ErrorMessage(err), "过期") {
		t.Errorf("after SessionMax: %v", err)
	}
	// Unused for the idle time, it ends.
	s2, _ := a.CreateSession(ctx, u)
	c.add(app.SessionIdle)
	if _, err := a.LookupSession(ctx, s2); app.ErrorCode(err) != app.Unauthorized {
		t.Errorf("after SessionIdle unused: %v", err)
	}
	// Signing out ends it, and is logged.
	s3, _ := a.CreateSession(ctx, u)
	if err := a.DeleteSession(ctx, s3); err != nil {
		t.Fatal(err)
	}
	if _, err := a.LookupSession(ctx, s3); app.ErrorCode(err) != app.Unauthorized {
		t.Errorf("after DeleteSession: %v", err)
	}
	if err := a.DeleteSession(ctx, s3); err != nil {
		t.Errorf("DeleteSession twice: %v", err)
	}
	if es, _ := a.AuditLog(context.Background(), app.AuditQuery{Action: "logout"}); len(es) != 1 || es[0].User != "zhang" {
		t.Errorf("logout logged: %+v", es)
	}
	// A password change, or disabling the user, ends every session.
	s4, _ := a.CreateSession(ctx, u)
	s5, _ := a.CreateSession(ctx, u)
	me := app.WithUser(ctx, u)
	if err := a.ChangePassword(me, "wrong password", "a new password"); app.ErrorCode(err) != app.Unauthorized {
		t.Errorf("ChangePassword with a wrong old one = %v", err)
	}
	if _, err := a.LookupSession(ctx, s4); err != nil {
		t.Errorf("a failed password change ended a session: %v", err)
	}
	if err := a.ChangePassword(me, "right password", "a new password"); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{s4, s5} {
		if _, err := a.LookupSession(ctx, s); app.ErrorCode(err) != app.Unauthorized {
			t.Errorf("a session after the password change: %v", err)
		}
	}
	if _, err := a.Authenticate(ctx, "zhang", "a new password"); err != nil {
		t.Errorf("sign-in with the new password: %v", err)
	}
	s6, _ := a.CreateSession(ctx, u)
	if err := a.DisableUser(context.Background(), "zhang", true); err != nil {
		t.Fatal(err)
	}
	if _, err := a.LookupSession(ctx, s6); app.ErrorCode(err) != app.Unauthorized {
		t.Errorf("a session of a disabled user: %v", err)
	}
	// The local user has none.
	if _, err := a.CreateSession(ctx, app.User{}); app.ErrorCode(err) != app.Invalid {
		t.Errorf("CreateSession of the local user = %v", err)
	}
}

// A session made through one App works through another on the same
// store: what several server processes share.
func TestSessionsShared(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	open := func(context.Context) (store.Store, error) { return sqlite.Open(db) }
	a1, a2 := app.New(app.Options{Open: open}), app.New(app.Options{Open: open})
	defer a1.Close()
	defer a2.Close()
	ctx := context.Background()
	if _, err := a1.AddUnit(ctx, app.NewUnit{Name: "云川市"}); err != nil {
		t.Fatal(err)
	}
	addUser(t, a1, "zhang", "right password", "云川市", store.Admin)
	u, err := a2.Authenticate(ctx, "zhang", "right password")
	if err != nil {
		t.Fatal(err)
	}
	secret, _ := a2.CreateSession(ctx, u)
	if got, err := a1.LookupSession(ctx, secret); err != nil || got.Name != "zhang" {
		t.Errorf("the session of one App through another: %+v, %v", got, err)
	}
	a1.DeleteSession(ctx, secret)
	if _, err := a2.LookupSession(ctx, secret); app.ErrorCode(err) != app.Unauthorized {
		t.Errorf("signed out through one, still in through the other: %v", err)
	}
}

func TestTokens(t *testing.T) {
	a, _, st := clockApp(t)
	addUser(t, a, "zhang", "right password", "东湖区", store.Drafter)
	addUser(t, a, "li", "right password", "东湖区", store.Drafter)
	ctx := context.Background()
	tok, err := a.CreateToken(ctx, "zhang", "导入脚本")
	if err != nil || !strings.HasPrefix(tok.Secret, "zjt_") || tok.User != "zhang" {
		t.Fatalf("CreateToken = %+v, %v", tok, err)
	}
	if _, err := a.CreateToken(ctx, "zhang", "导入脚本"); app.ErrorCode(err) != app.Conflict {
		t.Errorf("a token name twice = %v", err)
	}
	u, err := a.LookupToken(ctx, tok.Secret)
	if err != nil || u.Name != "zhang" {
		t.Errorf("LookupToken = %+v, %v", u, err)
	}
	// Stored by hash only; listed without the secret.
	ts, _ := st.ListTokens(ctx, 0)
	if len(ts) != 1 || ts[0].Hash == tok.Secret || strings.Contains(ts[0].Hash, tok.Secret[4:]) {
		t.Errorf("stored token: %+v", ts)
	}
	list, _ := a.ListTokens(ctx, "zhang")
	if len(list) != 1 || list[0].Secret != "" || list[0].LastUsed == nil {
		t.Errorf("ListTokens = %+v: want no secret, and when it was last used", list)
	}
	// A user manages their own tokens, not another's.
	li, _ := a.Authenticate(ctx, "li", "right password")
	asLi := app.WithUser(ctx, li)
	if _, err := a.CreateToken(asLi, "", "mine"); err != nil {
		t.Errorf("CreateToken of one's own: %v", err)
	}
	if err := a.RevokeToken(asLi, "zhang", tok.ID); app.ErrorCode(err) != app.Forbidden {
		t.Errorf("RevokeToken of another's = %v", err)
	}
	if err := a.RevokeToken(asLi, "", tok.ID); app.ErrorCode(err) != app.NotFound {
		t.Errorf("RevokeToken of another's by number = %v", err)
	}
	if err := a.RevokeToken(ctx, "zhang", tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.LookupToken(ctx, tok.Secret); app.ErrorCode(err) != app.Unauthorized {
		t.Errorf("a revoked token: %v", err)
	}
	for _, bad := range []string{"", "zjt_", "zjs_x", tok.Secret + "x"} {
		if _, err := a.LookupToken(ctx, bad); app.ErrorCode(err) != app.Unauthorized {
			t.Errorf("LookupToken(%q) = %v", bad, err)
		}
	}
	// A disabled user's tokens stop working.
	t2, _ := a.CreateToken(ctx, "zhang", "另一个")
	a.DisableUser(ctx, "zhang", true)
	if _, err := a.LookupToken(ctx, t2.Secret); app.ErrorCode(err) != app.Unauthorized {
		t.Errorf("a disabled user's token: %v", err)
	}
	es, _ := a.AuditLog(ctx, app.AuditQuery{Action: "token."})
	if len(es) != 4 {
		t.Errorf("%d token operations logged, want 4: %+v", len(es), es)
	}
}

// weakKey returns the key of "right password" with the salt and the weak
// parameters of TestRehash, in unpadded base64.
func weakKey(t *testing.T) string {
	t.Helper()
	key := argon2.IDKey([]byte("right password"), []byte("saltsaltsaltsalt"), 1, 1024, 1, 32)
	return base64.RawStdEncoding.EncodeToString(key)
}
