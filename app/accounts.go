package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"zongjie/account"
	"zongjie/store"
)

// Sign-in limits. A user name that fails UserFailures times in a row,
// each within FailureWindow of the one before, is locked for Lockout after
// the last failure; so is a client address that fails AddressFailures
// times (whatever the names: guessing many users' passwords). While
// locked, a sign-in is refused without looking at the password, and does
// not count. The counts are in the store, shared by every server process.
const (
	UserFailures    = 5
	AddressFailures = 20
	FailureWindow   = 15 * time.Minute
	Lockout         = 15 * time.Minute
)

// Session lifetimes: a session ends after SessionIdle without a request,
// and SessionMax after it began, whichever comes first.
const (
	SessionIdle = 12 * time.Hour
	SessionMax  = 7 * 24 * time.Hour
	// touchEvery is how often a session's or token's last use is written:
	// not at every request.
	touchEvery = time.Minute
)

// now returns the time of the App's clock.
func (a *App) now() time.Time {
	if a.opts.Now != nil {
		return a.opts.Now()
	}
	return time.Now()
}

// accounts returns the store itself and the tree, for the operations on
// accounts (which check the role of the user of ctx themselves).
func (a *App) accounts(ctx context.Context) (store.Store, *account.Tree, error) {
	st, err := a.open(ctx)
	if err != nil {
		return nil, nil, err
	}
	units, err := st.ListUnits(ctx)
	if err != nil {
		return nil, nil, wrap(Internal, err, "读取单位：%v", err)
	}
	return st, account.NewTree(units), nil
}

// audit appends an entry of the user of ctx to the audit log.
func (a *App) audit(ctx context.Context, st store.Store, e store.AuditEntry) error {
	u := userOf(ctx)
	e.User, e.Actor, e.Address = u.ID, u.Name, AddressFrom(ctx)
	if err := st.AppendAudit(ctx, &e); err != nil {
		return wrap(Internal, err, "审计日志写入失败：%v", err)
	}
	return nil
}

// requireAdmin refuses a user who is not an admin.
func requireAdmin(u User) error {
	if !u.admin() {
		return Errorf(Forbidden, "需要管理员权限")
	}
	return nil
}

// administers reports whether u may administer unit (and the users and
// units below it): the local user, or an admin of it or a unit above.
func administers(t *account.Tree, u User, unit int64) bool {
	return u.Local() || u.Role == store.Admin && t.Within(unit, u.Unit)
}

// Account is a user as the operations give it (user list --format json).
type Account struct {
	ID        int64      `json:"id"`
	Name      string     `json:"name"`
	UnitID    int64      `json:"unit_id"`
	Unit      string     `json:"unit"` // the unit's full name: 云川市/东湖区
	Role      store.Role `json:"role"`
	Disabled  bool       `json:"disabled"`
	Created   time.Time  `json:"created"`
	LastLogin *time.Time `json:"last_login,omitempty"`
}

func accountOf(t *account.Tree, u store.User) Account {
	out := Account{ID: u.ID, Name: u.Name, UnitID: u.Unit, Unit: t.FullName(u.Unit), Role: u.Role, Disabled: u.Disabled, Created: u.Created}
	if !u.LastLogin.IsZero() {
		l := u.LastLogin
		out.LastLogin = &l
	}
	return out
}

// userFrom returns the User an account acts as.
func userFrom(u store.User) User {
	return User{ID: u.ID, Name: u.Name, Unit: u.Unit, Role: u.Role}
}

// HasUsers reports whether any account exists. Without one, the web app
// serves the local user as it always has; with one, it asks to sign in.
//
// The web app asks at every request while there is none: an answer that
// there is none is kept for noUsersFor (counting the accounts was 3% of
// the server's CPU under POST /api/v1/check), but not past an AddUser of
// this App. An account another process adds (zongjie user add beside a
// running server) takes effect within noUsersFor.
func (a *App) HasUsers(ctx context.Context) (bool, error) {
	if a.opts.Open == nil {
		return false, nil // no store, no accounts
	}
	now, gen := a.now(), a.usersAdded.Load()
	if m := a.noUsers.Load(); m != nil && m.gen == gen && now.Sub(m.at) >= 0 && now.Sub(m.at) < noUsersFor {
		return false, nil
	}
	st, err := a.open(ctx)
	if err != nil {
		return false, err
	}
	n, err := st.CountUsers(ctx)
	if err != nil {
		return false, wrap(Internal, err, "读取用户：%v", err)
	}
	if n == 0 {
		a.noUsers.Store(&noUsersMark{at: now, gen: gen})
	}
	return n > 0, nil
}

// noUsersFor is how long HasUsers keeps an answer that there is no
// account.
const noUsersFor = time.Second

// noUsersMark is when the store was found to hold no account, and the
// count of AddUser calls then: one since voids the answer.
type noUsersMark struct {
	at  time.Time
	gen uint64
}

// NewUser is an account to create.
type NewUser struct {
	Name     string
	Password string
	Unit     string // a unit's name, alias or full name (云川市/东湖区), or its number
	Role     store.Role
}

// AddUser creates an account. There is no default password and no
// default admin: the first admin is made this way from the command line
// (zongjie user add --admin).
func (a *App) AddUser(ctx context.Context, nu NewUser) (Account, error) {
	me := userOf(ctx)
	if err := requireAdmin(me); err != nil {
		return Account{}, err
	}
	name := strings.TrimSpace(nu.Name)
	if err := checkUserName(name); err != nil {
		return Account{}, err
	}
	if !nu.Role.Valid() {
		return Account{}, Errorf(Invalid, "角色 %q 无效：应为 drafter（起草）、reviewer（审阅）或 admin（管理员）", nu.Role)
	}
	if err := checkPassword(name, nu.Password); err != nil {
		return Account{}, err
	}
	st, tree, err := a.accounts(ctx)
	if err != nil {
		return Account{}, err
	}
	unit, err := resolveUnit(tree, nu.Unit)
	if err != nil {
		return Account{}, err
	}
	if !administers(tree, me, unit.ID) {
		return Account{}, Errorf(Forbidden, "无权在单位 %s 下添加用户", tree.FullName(unit.ID))
	}
	hash, err := account.HashPassword(nu.Password)
	if err != nil {
		return Account{}, wrap(Internal, err, "%v", err)
	}
	u := &store.User{Name: name, Unit: unit.ID, Role: nu.Role, PasswordHash: hash}
	if err := st.CreateUser(ctx, u); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return Account{}, wrap(Conflict, err, "用户名 %s 已被使用", name)
		}
		return Account{}, wrap(ErrorCode(err), err, "添加用户 %s：%v", name, err)
	}
	a.usersAdded.Add(1) // HasUsers: no longer none
	err = a.audit(ctx, st, store.AuditEntry{Action: "user.add", Target: u.ID, Unit: u.Unit,
		Detail: fmt.Sprintf("%s，%s，%s", name, tree.FullName(u.Unit), RoleWords(u.Role))})
	return accountOf(tree, *u), err
}

// checkUserName refuses a user name that is empty, long, or holds spaces
// or control characters.
func checkUserName(name string) error {
	if name == "" {
		return Errorf(Invalid, "用户名不能为空")
	}
	if utf8.RuneCountInString(name) > 64 {
		return Errorf(Invalid, "用户名过长（最多 64 个字符）")
	}
	for _, r := range name {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '/' || r == utf8.RuneError {
			return Errorf(Invalid, "用户名 %q 不能含空格、斜杠或控制字符", name)
		}
	}
	return nil
}

// MinPassword is the fewest characters a password may have.
const MinPassword = 8

// checkPassword refuses a password that is short, long, the user's name,
// or one character repeated.
func checkPassword(name, pw string) error {
	n := utf8.RuneCountInString(pw)
	switch {
	case !utf8.ValidString(pw):
		return Errorf(Invalid, "密码含有无效字符")
	case n < MinPassword:
		return Errorf(Invalid, "密码太短：至少 %d 个字符", MinPassword)
	case len(pw) > 1024:
		return Errorf(Invalid, "密码太长：最多 1024 字节")
	case strings.EqualFold(pw, name):
		return Errorf(Invalid, "密码不能与用户名相同")
	case strings.Count(pw, string([]rune(pw)[:1])) == n:
		return Errorf(Invalid, "密码不能是同一个字符重复")
	}
	return nil
}

// ListUsers returns the accounts the user of ctx administers, by ID.
func (a *App) ListUsers(ctx context.Context) ([]Account, error) {
	me := userOf(ctx)
	if err := requireAdmin(me); err != nil {
		return nil, err
	}
	st, tree, err := a.accounts(ctx)
	if err != nil {
		return nil, err
	}
	us, err := st.ListUsers(ctx)
	if err != nil {
		return nil, wrap(Internal, err, "读取用户：%v", err)
	}
	out := []Account{}
	for _, u := range us {
		if administers(tree, me, u.Unit) {
			out = append(out, accountOf(tree, u))
		}
	}
	return out, nil
}

// managed returns the account named name if the user of ctx administers
// it; NotFound otherwise (an admin does not learn of the users of other
// units).
func (a *App) managed(ctx context.Context, name string) (store.Store, *account.Tree, store.User, error) {
	st, tree, err := a.accounts(ctx)
	if err != nil {
		return nil, nil, store.User{}, err
	}
	u, err := st.UserByName(ctx, strings.TrimSpace(name))
	if err != nil || !administers(tree, userOf(ctx), u.Unit) {
		if err == nil || errors.Is(err, store.ErrNotFound) {
			return nil, nil, store.User{}, Errorf(NotFound, "没有用户 %s", name)
		}
		return nil, nil, store.User{}, wrap(Internal, err, "读取用户 %s：%v", name, err)
	}
	return st, tree, u, nil
}

// SetPassword gives a user a new password (an admin's operation; a user
// changes their own with ChangePassword) and ends their sessions.
func (a *App) SetPassword(ctx context.Context, name, password string) error {
	if err := requireAdmin(userOf(ctx)); err != nil {
		return err
	}
	st, _, u, err := a.managed(ctx, name)
	if err != nil {
		return err
	}
	return a.setPassword(ctx, st, u, password)
}

func (a *App) setPassword(ctx context.Context, st store.Store, u store.User, password string) error {
	if err := checkPassword(u.Name, password); err != nil {
		return err
	}
	hash, err := account.HashPassword(password)
	if err != nil {
		return wrap(Internal, err, "%v", err)
	}
	if _, err := st.UpdateUser(ctx, u.ID, store.UserUpdate{PasswordHash: &hash}); err != nil {
		return wrap(ErrorCode(err), err, "修改密码：%v", err)
	}
	if _, err := st.DeleteSessions(ctx, u.ID); err != nil {
		return wrap(Internal, err, "结束会话：%v", err)
	}
	if err := st.ClearLoginFailures(ctx, failKeyUser(u.Name)); err != nil {
		return wrap(Internal, err, "%v", err)
	}
	return a.audit(ctx, st, store.AuditEntry{Action: "user.passwd", Target: u.ID, Unit: u.Unit, Detail: u.Name})
}

// ChangePassword changes the password of the signed-in user, who gives
// the old one, and ends their sessions (the web app signs them in again).
func (a *App) ChangePassword(ctx context.Context, old, password string) error {
	me := userOf(ctx)
	if me.Local() {
		return Errorf(Invalid, "本机用户没有密码；请用 zongjie user passwd 用户名")
	}
	st, err := a.open(ctx)
	if err != nil {
		return err
	}
	u, err := st.User(ctx, me.ID)
	if err != nil {
		return wrap(ErrorCode(err), err, "读取用户：%v", err)
	}
	if ok, _ := account.CheckPassword(u.PasswordHash, old); !ok {
		return Errorf(Unauthorized, "原密码不正确")
	}
	return a.setPassword(ctx, st, u, password)
}

// DisableUser disables an account (or enables it again): a disabled user
// cannot sign in, their sessions end and their tokens stop working.
func (a *App) DisableUser(ctx context.Context, name string, disabled bool) error {
	me := userOf(ctx)
	if err := requireAdmin(me); err != nil {
		return err
	}
	st, _, u, err := a.managed(ctx, name)
	if err != nil {
		return err
	}
	if u.ID == me.ID && disabled {
		return Errorf(Invalid, "不能停用自己的账户")
	}
	if _, err := st.UpdateUser(ctx, u.ID, store.UserUpdate{Disabled: &disabled}); err != nil {
		return wrap(ErrorCode(err), err, "%v", err)
	}
	action := "user.enable"
	if disabled {
		action = "user.disable"
		if _, err := st.DeleteSessions(ctx, u.ID); err != nil {
			return wrap(Internal, err, "结束会话：%v", err)
		}
	}
	return a.audit(ctx, st, store.AuditEntry{Action: action, Target: u.ID, Unit: u.Unit, Detail: u.Name})
}

// failKeyUser and failKeyAddr name the counts of failed sign-ins.
func failKeyUser(name string) string { return "user:" + name }
func failKeyAddr(addr string) string { return "addr:" + addr }

// Authenticate signs a user in by name and password, from the address of
// ctx (WithAddress), and returns the user. A wrong name and a wrong
// password get the same answer (Unauthorized) after the same time; too
// many failures lock the name, or the address, for a while
// (RateLimited, saying until when); a disabled account is refused once
// its password is right. Every attempt is in the audit log.
func (a *App) Authenticate(ctx context.Context, name, password string) (User, error) {
	name = strings.TrimSpace(name)
	st, err := a.open(ctx)
	if err != nil {
		return User{}, err
	}
	now := a.now()
	addr := AddressFrom(ctx)
	keys := []struct {
		key   string
		limit int
	}{{failKeyUser(name), UserFailures}}
	if addr != "" {
		keys = append(keys, struct {
			key   string
			limit int
		}{failKeyAddr(addr), AddressFailures})
	}
	fail := func(u store.User, why string) {
		// The sign-in has failed whatever happens here: the counts and
		// the log are best effort.
		for _, k := range keys {
			st.AddLoginFailure(ctx, k.key, now, FailureWindow)
		}
		st.AppendAudit(ctx, &store.AuditEntry{At: now, User: u.ID, Actor: short(name), Address: addr,
			Action: "login.failed", Unit: u.Unit, Detail: why})
	}
	for _, k := range keys {
		f, err := st.LoginFailures(ctx, k.key)
		if err != nil {
			return User{}, wrap(Internal, err, "%v", err)
		}
		if until := f.Last.Add(Lockout); f.Count >= k.limit && now.Before(until) {
			st.AppendAudit(ctx, &store.AuditEntry{At: now, Actor: short(name), Address: addr, Action: "login.failed", Detail: "已锁定"})
			return User{}, Errorf(RateLimited, "登录失败次数过多，已暂时锁定，请于 %s 后再试", until.Local().Format("15:04"))
		}
	}
	wrong := Errorf(Unauthorized, "用户名或密码错误")
	u, err := st.UserByName(ctx, name)
	if errors.Is(err, store.ErrNotFound) {
		account.CheckNobody(password)
		fail(store.User{}, "无此用户")
		return User{}, wrong
	}
	if err != nil {
		return User{}, wrap(Internal, err, "%v", err)
	}
	ok, err := account.CheckPassword(u.PasswordHash, password)
	if err != nil {
		return User{}, wrap(Internal, err, "用户 %s 的密码无法核对：%v", name, err)
	}
	if !ok {
		fail(u, "密码错误")
		return User{}, wrong
	}
	if u.Disabled {
		st.AppendAudit(ctx, &store.AuditEntry{At: now, User: u.ID, Actor: u.Name, Address: addr, Action: "login.failed", Unit: u.Unit, Detail: "账户已停用"})
		return User{}, Errorf(Unauthorized, "账户 %s 已停用，请联系管理员", name)
	}
	if err := st.ClearLoginFailures(ctx, failKeyUser(name)); err != nil {
		return User{}, wrap(Internal, err, "%v", err)
	}
	up := store.UserUpdate{LastLogin: &now}
	if account.NeedsRehash(u.PasswordHash) {
		if hash, err := account.HashPassword(password); err == nil {
			up.PasswordHash = &hash
		}
	}
	if _, err := st.UpdateUser(ctx, u.ID, up); err != nil {
		return User{}, wrap(Internal, err, "%v", err)
	}
	if err := st.AppendAudit(ctx, &store.AuditEntry{At: now, User: u.ID, Actor: u.Name, Address: addr, Action: "login", Unit: u.Unit}); err != nil {
		return User{}, wrap(Internal, err, "审计日志写入失败：%v", err)
	}
	return userFrom(u), nil
}

// short returns s cut to 64 characters, for the log.
func short(s string) string {
	if r := []rune(s); len(r) > 64 {
		return string(r[:64]) + "…"
	}
	return s
}

// CreateSession starts a session for a user who has just signed in and
// returns its secret, the cookie's value; the store keeps only its hash.
func (a *App) CreateSession(ctx context.Context, u User) (string, error) {
	if u.Local() {
		return "", Errorf(Invalid, "本机用户不需要会话")
	}
	st, err := a.open(ctx)
	if err != nil {
		return "", err
	}
	secret, hash, err := account.NewSecret(account.SessionPrefix)
	if err != nil {
		return "", wrap(Internal, err, "%v", err)
	}
	now := a.now()
	s := store.Session{Hash: hash, User: u.ID, Created: now, Expires: now.Add(SessionIdle), LastSeen: now, Address: AddressFrom(ctx)}
	if err := st.CreateSession(ctx, s); err != nil {
		return "", wrap(ErrorCode(err), err, "创建会话：%v", err)
	}
	return secret, nil
}

// errSignIn is the answer for a session or token that does not work.
var errSignIn = Errorf(Unauthorized, "请先登录")

// LookupSession returns the user of a session's secret, or Unauthorized
// when there is no such session, it has expired, or its user is
// disabled. It keeps the session alive.
func (a *App) LookupSession(ctx context.Context, secret string) (User, error) {
	if !strings.HasPrefix(secret, account.SessionPrefix) {
		return User{}, errSignIn
	}
	st, err := a.open(ctx)
	if err != nil {
		return User{}, err
	}
	hash := account.HashSecret(secret)
	s, err := st.Session(ctx, hash)
	if errors.Is(err, store.ErrNotFound) {
		return User{}, errSignIn
	}
	if err != nil {
		return User{}, wrap(Internal, err, "%v", err)
	}
	now := a.now()
	end := s.Created.Add(SessionMax)
	if !now.Before(s.Expires) || !now.Before(end) {
		st.DeleteSession(ctx, hash)
		return User{}, Errorf(Unauthorized, "登录已过期，请重新登录")
	}
	u, err := st.User(ctx, s.User)
	if err != nil || u.Disabled {
		st.DeleteSession(ctx, hash)
		return User{}, errSignIn
	}
	if now.Sub(s.LastSeen) >= touchEvery {
		exp := now.Add(SessionIdle)
		if exp.After(end) {
			exp = end
		}
		if err := st.TouchSession(ctx, hash, now, exp); err != nil && !errors.Is(err, store.ErrNotFound) {
			return User{}, wrap(Internal, err, "%v", err)
		}
	}
	return userFrom(u), nil
}

// DeleteSession ends a session (signing out).
func (a *App) DeleteSession(ctx context.Context, secret string) error {
	st, err := a.open(ctx)
	if err != nil {
		return err
	}
	hash := account.HashSecret(secret)
	s, err := st.Session(ctx, hash)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return wrap(Internal, err, "%v", err)
	}
	if err := st.DeleteSession(ctx, hash); err != nil {
		return wrap(Internal, err, "%v", err)
	}
	e := store.AuditEntry{User: s.User, Address: AddressFrom(ctx), Action: "logout"}
	if u, err := st.User(ctx, s.User); err == nil {
		e.Actor, e.Unit = u.Name, u.Unit
	}
	return st.AppendAudit(ctx, &e)
}

// APIToken is an API token as the operations give it; its secret is
// given once, when it is made.
type APIToken struct {
	ID       int64      `json:"id"`
	User     string     `json:"user"`
	Name     string     `json:"name"`
	Created  time.Time  `json:"created"`
	LastUsed *time.Time `json:"last_used,omitempty"`
	Revoked  *time.Time `json:"revoked,omitempty"`
	Secret   string     `json:"secret,omitempty"`
}

func tokenOf(t store.Token, user string) APIToken {
	out := APIToken{ID: t.ID, User: user, Name: t.Name, Created: t.Created}
	if !t.LastUsed.IsZero() {
		l := t.LastUsed
		out.LastUsed = &l
	}
	if !t.Revoked.IsZero() {
		r := t.Revoked
		out.Revoked = &r
	}
	return out
}

// tokenOwner returns the user whose tokens the user of ctx manages: their
// own, or (an admin) those of a user they administer.
func (a *App) tokenOwner(ctx context.Context, name string) (store.Store, store.User, error) {
	me := userOf(ctx)
	if !me.Local() && (name == "" || name == me.Name) {
		st, err := a.open(ctx)
		if err != nil {
			return nil, store.User{}, err
		}
		u, err := st.User(ctx, me.ID)
		if err != nil {
			return nil, store.User{}, wrap(ErrorCode(err), err, "读取用户：%v", err)
		}
		return st, u, nil
	}
	if name == "" {
		return nil, store.User{}, Errorf(Invalid, "请指定用户")
	}
	if err := requireAdmin(me); err != nil {
		return nil, store.User{}, err
	}
	st, _, u, err := a.managed(ctx, name)
	return st, u, err
}

// CreateToken makes an API token for a user ("" for the signed-in user
// themselves) and returns it with its secret, which is shown once and
// not kept.
func (a *App) CreateToken(ctx context.Context, user, name string) (APIToken, error) {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 64 {
		return APIToken{}, Errorf(Invalid, "令牌名称不能为空，最多 64 个字符")
	}
	st, u, err := a.tokenOwner(ctx, user)
	if err != nil {
		return APIToken{}, err
	}
	secret, hash, err := account.NewSecret(account.TokenPrefix)
	if err != nil {
		return APIToken{}, wrap(Internal, err, "%v", err)
	}
	t := &store.Token{User: u.ID, Name: name, Hash: hash, Created: a.now()}
	if err := st.CreateToken(ctx, t); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return APIToken{}, wrap(Conflict, err, "用户 %s 已有名为 %s 的令牌", u.Name, name)
		}
		return APIToken{}, wrap(ErrorCode(err), err, "%v", err)
	}
	if err := a.audit(ctx, st, store.AuditEntry{Action: "token.add", Target: u.ID, Unit: u.Unit, Detail: name}); err != nil {
		return APIToken{}, err
	}
	out := tokenOf(*t, u.Name)
	out.Secret = secret
	return out, nil
}

// ListTokens returns a user's API tokens ("" for the signed-in user's).
func (a *App) ListTokens(ctx context.Context, user string) ([]APIToken, error) {
	st, u, err := a.tokenOwner(ctx, user)
	if err != nil {
		return nil, err
	}
	ts, err := st.ListTokens(ctx, u.ID)
	if err != nil {
		return nil, wrap(Internal, err, "%v", err)
	}
	out := []APIToken{}
	for _, t := range ts {
		out = append(out, tokenOf(t, u.Name))
	}
	return out, nil
}

// RevokeToken revokes a user's API token by its number ("" for the
// signed-in user's).
func (a *App) RevokeToken(ctx context.Context, user string, id int64) error {
	st, u, err := a.tokenOwner(ctx, user)
	if err != nil {
		return err
	}
	ts, err := st.ListTokens(ctx, u.ID)
	if err != nil {
		return wrap(Internal, err, "%v", err)
	}
	for _, t := range ts {
		if t.ID == id {
			if err := st.RevokeToken(ctx, id, a.now()); err != nil {
				return wrap(ErrorCode(err), err, "%v", err)
			}
			return a.audit(ctx, st, store.AuditEntry{Action: "token.revoke", Target: u.ID, Unit: u.Unit, Detail: t.Name})
		}
	}
	return Errorf(NotFound, "用户 %s 没有编号为 %d 的令牌", u.Name, id)
}

// LookupToken returns the user of an API token's secret, or Unauthorized
// when there is no such token, it is revoked, or its user is disabled.
func (a *App) LookupToken(ctx context.Context, secret string) (User, error) {
	if !strings.HasPrefix(secret, account.TokenPrefix) {
		return User{}, errSignIn
	}
	st, err := a.open(ctx)
	if err != nil {
		return User{}, err
	}
	t, err := st.TokenByHash(ctx, account.HashSecret(secret))
	if errors.Is(err, store.ErrNotFound) || err == nil && !t.Revoked.IsZero() {
		return User{}, Errorf(Unauthorized, "API 令牌无效或已撤销")
	}
	if err != nil {
		return User{}, wrap(Internal, err, "%v", err)
	}
	u, err := st.User(ctx, t.User)
	if err != nil || u.Disabled {
		return User{}, Errorf(Unauthorized, "API 令牌无效或已撤销")
	}
	if now := a.now(); now.Sub(t.LastUsed) >= touchEvery {
		if err := st.TouchToken(ctx, t.ID, now); err != nil {
			return User{}, wrap(Internal, err, "%v", err)
		}
	}
	return userFrom(u), nil
}
