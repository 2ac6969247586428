package store

import (
	"context"
	"time"
)

// Trash keeps the reports deleted softly. A report in the trash is gone
// for every other method (Get, List, Search, Postings … answer as if it
// were not stored), but whole: Untrash brings it back as it was, with its
// versions, its unit and its ID. PurgeTrash deletes for good.
//
// Put of a text a report in the trash holds brings that report back
// (added true), rather than storing the text again.
type Trash interface {
	// Trash moves a live report to the trash, or returns ErrNotFound.
	Trash(ctx context.Context, id int64) error
	// Untrash brings a report back from the trash, or returns
	// ErrNotFound when it is not there.
	Untrash(ctx context.Context, id int64) error
	// ListTrash returns the reports in the trash that f selects, by ID.
	ListTrash(ctx context.Context, f Filter) ([]Trashed, error)
	// PurgeTrash deletes for good the reports moved to the trash before
	// the time given and returns their IDs.
	PurgeTrash(ctx context.Context, before time.Time) ([]int64, error)
}

// Trashed is a report in the trash.
type Trashed struct {
	Summary
	Deleted time.Time // when it was moved to the trash
}

// Unit is a unit of the tree (市 → 区/县 → 街道/乡镇, of any depth) to which
// reports and users belong.
type Unit struct {
	ID      int64
	Parent  int64    // 0 for a root
	Name    string   // 满城区
	Aliases []string // other names reports give it (满城); each at most once in a unit
	Created time.Time
}

// Units keeps the unit tree. Units are never deleted: reports, users and
// the audit log name them.
type Units interface {
	// CreateUnit stores u and sets u.ID and u.Created. ErrNotFound for
	// an unknown parent, ErrConflict when the parent has a child of that
	// name already.
	CreateUnit(ctx context.Context, u *Unit) error
	// UpdateUnit stores u's name, aliases and parent over unit u.ID.
	// ErrNotFound for an unknown unit or parent; ErrConflict for a name
	// the new parent has already, or a parent inside u's own subtree.
	UpdateUnit(ctx context.Context, u *Unit) error
	// ListUnits returns every unit, by ID.
	ListUnits(ctx context.Context) ([]Unit, error)
}

// Role is what a user may do: see app and docs/accounts.md.
type Role string

// Roles.
const (
	Drafter  Role = "drafter"  // their own unit's reports: upload, check, fix, draft, export
	Reviewer Role = "reviewer" // reads every report of their unit and the units below it
	Admin    Role = "admin"    // units, users, assignment, the trash, the audit log
)

// Valid reports whether r is one of the roles.
func (r Role) Valid() bool { return r == Drafter || r == Reviewer || r == Admin }

// User is an account.
type User struct {
	ID           int64
	Name         string // the login name, unique
	Unit         int64
	Role         Role
	PasswordHash string // an encoded hash (package account); never the password
	Disabled     bool
	Created      time.Time
	LastLogin    time.Time // zero: never
}

// UserUpdate changes some fields of a user: nil leaves a field as it is.
type UserUpdate struct {
	Unit         *int64
	Role         *Role
	PasswordHash *string
	Disabled     *bool
	LastLogin    *time.Time
}

// Session is a signed-in browser. Its secret is the cookie's value and
// is never stored: Hash is its SHA-256, so that reading the database does
// not let anyone sign in.
type Session struct {
	Hash     string // hex SHA-256 of the secret
	User     int64
	Created  time.Time
	Expires  time.Time
	LastSeen time.Time
	Address  string // the client's address when it signed in
}

// Token is a named API token of a user, for scripts. As with sessions,
// only the hash of its secret is stored.
type Token struct {
	ID       int64
	User     int64
	Name     string
	Hash     string // hex SHA-256 of the secret
	Created  time.Time
	LastUsed time.Time // zero: never
	Revoked  time.Time // zero: valid
}

// LoginFailures counts the failed sign-ins of one key (a user name, a
// client address) in a row.
type LoginFailures struct {
	Key   string
	Count int
	First time.Time // of the failures counted
	Last  time.Time
}

// Accounts keeps users, their sessions and tokens, and the failed
// sign-ins that rate limiting counts. Every process of a deployment
// reads the same, so that a session made by one server works on another.
type Accounts interface {
	// CreateUser stores u and sets u.ID and u.Created; ErrConflict for
	// a name in use, ErrNotFound for an unknown unit.
	CreateUser(ctx context.Context, u *User) error
	// UpdateUser changes the fields of user id that up sets and returns
	// the user; ErrNotFound for an unknown user or unit.
	UpdateUser(ctx context.Context, id int64, up UserUpdate) (User, error)
	// User returns a user by ID, UserByName by name; or ErrNotFound.
	User(ctx context.Context, id int64) (User, error)
	UserByName(ctx context.Context, name string) (User, error)
	// ListUsers returns every user, by ID.
	ListUsers(ctx context.Context) ([]User, error)
	// CountUsers returns the number of users, disabled ones included.
	CountUsers(ctx context.Context) (int, error)

	// CreateSession stores s; ErrNotFound for an unknown user,
	// ErrConflict for a hash in use.
	CreateSession(ctx context.Context, s Session) error
	// Session returns the session of a hash, expired or not, or
	// ErrNotFound.
	Session(ctx context.Context, hash string) (Session, error)
	// TouchSession sets a session's LastSeen and Expires; ErrNotFound
	// when it is gone.
	TouchSession(ctx context.Context, hash string, lastSeen, expires time.Time) error
	// DeleteSession removes a session (signing out); none is no error.
	DeleteSession(ctx context.Context, hash string) error
	// DeleteSessions removes every session of a user and returns how many.
	DeleteSessions(ctx context.Context, user int64) (int, error)
	// PurgeSessions removes the sessions that expired before the time
	// given and returns how many.
	PurgeSessions(ctx context.Context, before time.Time) (int, error)

	// CreateToken stores t and sets t.ID; ErrNotFound for an unknown
	// user, ErrConflict for a hash in use or a name the user has given
	// to a token not revoked.
	CreateToken(ctx context.Context, t *Token) error
	// TokenByHash returns the token of a hash, revoked or not, or
	// ErrNotFound.
	TokenByHash(ctx context.Context, hash string) (Token, error)
	// ListTokens returns the tokens of a user (every user's for 0), by ID.
	ListTokens(ctx context.Context, user int64) ([]Token, error)
	// RevokeToken marks a token revoked at the time given (a revoked one
	// keeps its first time); ErrNotFound for an unknown token.
	RevokeToken(ctx context.Context, id int64, at time.Time) error
	// TouchToken sets a token's LastUsed.
	TouchToken(ctx context.Context, id int64, at time.Time) error

	// LoginFailures returns the failures counted for a key (Count 0 for
	// none).
	LoginFailures(ctx context.Context, key string) (LoginFailures, error)
	// AddLoginFailure counts a failure of key at the time given, in one
	// step however many processes count: when the last failure counted
	// is older than window, the count starts again at 1.
	AddLoginFailure(ctx context.Context, key string, at time.Time, window time.Duration) (LoginFailures, error)
	// ClearLoginFailures forgets the failures of a key.
	ClearLoginFailures(ctx context.Context, key string) error
}

// AuditEntry is one line of the audit log: who did what, to which report,
// unit or user, when, from where.
type AuditEntry struct {
	ID      int64
	At      time.Time
	User    int64  // the account acting; 0 for the local user (the command line)
	Actor   string // the user's name when it acted
	Address string // the client's address; "" on the command line
	Action  string // a stable verb: report.add, login.failed, user.add … (app.Action*)
	Report  int64  // the report acted on, or 0
	Unit    int64  // the unit concerned (the report's, the user's, the unit acted on), or 0
	Target  int64  // the user acted on, or 0
	Detail  string // more, for people: a file name, a version, a reason
}

// AuditFilter selects entries of the audit log; zero fields select all.
type AuditFilter struct {
	User   int64
	Action string // exact, or a prefix ending in "." ("report.")
	Report int64
	Since  time.Time // at or after
	Until  time.Time // before
	// Scope, when set, selects only the entries whose Unit it holds
	// (Unassigned: those of no unit).
	Scope  *Scope
	Before int64 // only entries with a smaller ID (paging back), 0 for none
	Limit  int   // at most this many, newest first; 0 for all
}

// Audit is the append-only audit log. There is no method to change or
// remove an entry, and the databases refuse it too.
type Audit interface {
	// AppendAudit stores the entries in one transaction, in their order,
	// and sets their IDs (and At, when zero).
	AppendAudit(ctx context.Context, es ...*AuditEntry) error
	// ListAudit returns the entries f selects, newest first.
	ListAudit(ctx context.Context, f AuditFilter) ([]AuditEntry, error)
}
