// Package app is what zongjie does, for every front end: one method per
// operation (extract, check, fix, add, list, compare, track, draft,
// export …), each taking its inputs as values — the bytes of a file with
// its name, pasted text, a stored report's ID — and returning a value.
// The command line (cmd/zongjie) parses flags, calls one operation and
// prints the result as text, JSON, CSV or SARIF; the web app parses a
// request, calls the same operation and renders the same result. Neither
// holds analysis logic.
//
// Failures are *Error values with a stable Code and a Chinese message.
//
// Operations that touch the store take a context: it carries the user
// (WithUser), by whom store queries will be scoped.
package app

import (
	"context"
	"sync"

	"zongjie/store"
)

// Opener opens the store. The edge that runs the app chooses the driver
// (SQLite or PostgreSQL) and the database.
type Opener func(ctx context.Context) (store.Store, error)

// Options configure an App.
type Options struct {
	// Open opens the store the first time an operation needs it; nil
	// means there is none, and operations on stored reports fail.
	Open Opener
	// Version is the program's version, for SARIF.
	Version string
}

// App holds what the operations depend on: the store, opened lazily. It
// is safe for concurrent use.
type App struct {
	opts Options

	mu sync.Mutex
	st store.Store
}

// New returns an App.
func New(o Options) *App {
	return &App{opts: o}
}

// Close closes the store if it was opened.
func (a *App) Close() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.st == nil {
		return nil
	}
	err := a.st.Close()
	a.st = nil
	return err
}
