package app

import "context"

// User is who asks for an operation. The command line acts for the
// person at the terminal; the web app puts the signed-in user on each
// request's context in one middleware. Units come with accounts: every
// store query will then be scoped by the user's units, in one place
// (App.store).
type User struct {
	Name string
}

// userKey is the context key of the User.
type userKey struct{}

// WithUser returns ctx carrying u.
func WithUser(ctx context.Context, u User) context.Context {
	return context.WithValue(ctx, userKey{}, u)
}

// UserFrom returns the user ctx carries, and whether it carries one.
func UserFrom(ctx context.Context) (User, bool) {
	u, ok := ctx.Value(userKey{}).(User)
	return u, ok
}
