package app

import (
	"context"

	"zongjie/store"
)

// User is who asks for an operation. The command line acts for the
// local user: the person at this computer, with no account, who may do
// everything (ID 0). The web app puts the signed-in user on each
// request's context in one middleware; every store query is then scoped
// by that user's unit and role in one place (App.store, scope.go), and
// the operations on accounts check the role (accounts.go).
type User struct {
	ID   int64 // the account's; 0 for the local user
	Name string
	Unit int64      // the account's unit of the tree
	Role store.Role // the account's role; the local user is an admin of everything
}

// Local reports whether u is the local user.
func (u User) Local() bool { return u.ID == 0 }

// admin reports whether u may administer: units, users, the trash, the
// audit log.
func (u User) admin() bool { return u.Local() || u.Role == store.Admin }

// IsAdmin reports whether u may administer (the local user, or an admin):
// the web app shows its admin pages to them only.
func (u User) IsAdmin() bool { return u.admin() }

// userKey is the context key of the User.
type userKey struct{}

// WithUser returns ctx carrying u.
func WithUser(ctx context.Context, u User) context.Context {
	return context.WithValue(ctx, userKey{}, u)
}

// UserFrom returns the user ctx carries, and whether it carries one. A
// context without a user is the local user's.
func UserFrom(ctx context.Context) (User, bool) {
	u, ok := ctx.Value(userKey{}).(User)
	return u, ok
}

// userOf returns the user of ctx: the local user when it carries none.
func userOf(ctx context.Context) User {
	u, _ := UserFrom(ctx)
	return u
}

// addressKey is the context key of the client's address.
type addressKey struct{}

// WithAddress returns ctx carrying the address the request came from
// (the web app's middleware puts the client's there), which the audit
// log records and sign-ins are rate limited by.
func WithAddress(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, addressKey{}, addr)
}

// AddressFrom returns the address ctx carries, "" for none (the command
// line).
func AddressFrom(ctx context.Context) string {
	a, _ := ctx.Value(addressKey{}).(string)
	return a
}
