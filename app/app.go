// Package app is what zongjie does, for every front end: one method per
// operation (extract, check, fix, add, list, compare, track, draft,
// export …), each taking its inputs as values — the bytes of a file with
// its name, pasted text, a stored report's ID — and returning a value.
// The command line (cmd/zongjie) parses flags, calls one operation and
// prints the result as text, JSON, CSV or SARIF; the web app parses a
// request, calls the same operation and renders the same result. Neither
// holds analysis logic.
//
// The results carry the JSON tags of the command line's stable JSON
// contracts (docs/json.md): encoding one is the --format json output.
// Failures are *Error values with a stable Code and a Chinese message.
//
// Operations that touch the store take a context: it carries the user
// (WithUser), by whom store queries will be scoped.
package app

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"zongjie/corpus"
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
	// Exists reports whether a store is there without creating one
	// (opening SQLite creates its file): compare uses a store only when
	// one exists. Nil means Open is always worth calling.
	Exists func() bool
	// Config finds the checker's configuration of a file (see Configs);
	// nil: the configuration files found from each file, no flags.
	Config *Configs
	// Version is the program's version, for the outputs that name it
	// (SARIF).
	Version string
	// Restore replaces the store's content with a backup's (see
	// App.RestoreBackup); the edge supplies it, knowing the driver and
	// the database. Nil: restoring is not possible here.
	Restore func(ctx context.Context, from string) error
	// Now is the clock (sessions, sign-in limits, the trash); nil is
	// time.Now.
	Now func() time.Time
	// WarmDesk computes the reviewer's desk's figures in the background
	// once the store is open and after each change (warm.go): for a
	// server, so that a look at the desk finds them stored.
	WarmDesk bool
	// Web says the front end is the web app (and its API), which has no
	// flags: a message that tells how to state what a report does not
	// say (its period) names the page to do it on, not the flag.
	Web bool

	warmed func() // called after each background computation (tests)
	// warmQuiet and warmMax replace the warmer's times (tests).
	warmQuiet, warmMax time.Duration
}

// App holds what the operations depend on: the store, opened lazily, and
// the configuration. It is safe for concurrent use.
type App struct {
	opts Options

	mu     sync.Mutex
	st     store.Store
	stErr  error
	opened bool

	deskMu sync.Mutex // one look at the desk computes its figures at a time
	// deskCache keeps the figures the desk read, for the looks of a
	// server (see corpus.DeskCache).
	deskCache corpus.DeskCache
	warm      *warmer // with Options.WarmDesk, once the store is open

	analyses analyses      // of the stored versions read lately
	kept     *keptAccounts // the store's accounts as this App reads them, kept for AccountsFor

	noUsers    atomic.Pointer[noUsersMark] // see HasUsers
	usersAdded atomic.Uint64               // AddUser calls
}

// New returns an App.
func New(o Options) *App {
	if o.Config == nil {
		o.Config = &Configs{}
	}
	return &App{opts: o}
}

// Close closes the store if it was opened.
func (a *App) Close() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.warm != nil {
		a.warm.stop()
		a.warm = nil
	}
	if a.st == nil {
		return nil
	}
	err := a.st.Close()
	a.st = nil
	return err
}

// forgetAccounts drops the accounts kept (see AccountsFor).
func (a *App) forgetAccounts() {
	a.mu.Lock()
	k := a.kept
	a.mu.Unlock()
	if k != nil {
		k.forget()
	}
}

// errNoStore is the failure of a stored-report operation without a store.
var errNoStore = Errorf(Invalid, "没有数据库")

// store returns the store as the user of ctx may see it (a view, see
// scope.go), opening it on first use. It is the one place every store
// query of an operation goes through.
func (a *App) store(ctx context.Context) (store.Store, error) {
	st, err := a.open(ctx)
	if err != nil {
		return nil, err
	}
	return newView(ctx, st), nil
}

// open returns the store itself, opening it on first use: for the
// operations on accounts, which check the user's role themselves.
func (a *App) open(ctx context.Context) (store.Store, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.opened {
		a.opened = true
		if a.opts.Open == nil {
			a.stErr = errNoStore
		} else {
			a.st, a.stErr = a.opts.Open(ctx)
			if a.stErr == nil {
				a.kept = newKeptAccounts(a.st, a.now)
				a.st = a.kept
			}
			if a.stErr == nil && a.opts.WarmDesk {
				a.startWarmer(a.st)
				a.st = notifying{Store: a.st, w: a.warm}
			}
		}
	}
	return a.st, a.stErr
}

// storeIfAny returns the store when it is open already or exists (see
// Options.Exists), nil otherwise or when it fails to open: for what only
// improves with a store at hand.
func (a *App) storeIfAny(ctx context.Context) store.Store {
	if a.opts.Open == nil {
		return nil
	}
	a.mu.Lock()
	opened := a.opened
	a.mu.Unlock()
	if !opened && a.opts.Exists != nil && !a.opts.Exists() {
		return nil
	}
	st, err := a.store(ctx)
	if err != nil {
		return nil
	}
	return st
}
