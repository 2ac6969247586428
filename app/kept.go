package app

import (
	"context"
	"slices"
	"sync"
	"time"

	"zongjie/store"
)

// AccountsFor is how long a server process keeps what every signed-in
// request reads from the store before it does anything else: the API
// token or session of its secret, the user, and the unit tree (by which
// the request's scope is worked out). Without it each request made two
// to four queries of the database before its own (on PostgreSQL, 1.2 ms
// of the database's CPU for a check of a report).
//
// It is the bound of a change made by another process: a token revoked,
// a user disabled, a password changed (which ends the user's sessions),
// a sign-out, a user's role or unit changed, a unit moved, on another
// server of the same database or with the command line, takes effect
// here within AccountsFor. A change made through this App takes effect
// at once: every change of accounts or units through its store forgets
// all that is kept.
const AccountsFor = time.Second

// keptAccounts is the store with the lookups of accounts kept for
// AccountsFor (see there). Only what was found is kept: an unknown
// token or session is asked of the store each time, so that one made by
// another process works at once, and guessing secrets fills nothing.
type keptAccounts struct {
	store.Store
	now func() time.Time

	mu       sync.Mutex
	gen      uint64 // changes made through this store: a read begun before one is not kept
	tokens   map[string]keptValue[store.Token]
	sessions map[string]keptValue[store.Session]
	users    map[int64]keptValue[store.User]
	units    keptValue[[]store.Unit]
}

// keptValue is a value read from the store, and when.
type keptValue[T any] struct {
	v  T
	at time.Time
	ok bool // read at all (for units)
}

// maxKept is how many tokens, sessions or users are kept at most: past
// it, those kept too long are forgotten, and if that is not enough, all.
const maxKept = 4096

func newKeptAccounts(st store.Store, now func() time.Time) *keptAccounts {
	return &keptAccounts{
		Store:    st,
		now:      now,
		tokens:   map[string]keptValue[store.Token]{},
		sessions: map[string]keptValue[store.Session]{},
		users:    map[int64]keptValue[store.User]{},
	}
}

// fresh reports whether a value read at at may still be used at now.
func fresh(at, now time.Time) bool {
	d := now.Sub(at)
	return d >= 0 && d < AccountsFor
}

// lookup returns the value m keeps for k if it is fresh, and the
// generation a read of the store begun now must carry to be kept.
func lookup[K comparable, T any](k *keptAccounts, m map[K]keptValue[T], key K) (T, bool, uint64) {
	now := k.now()
	k.mu.Lock()
	defer k.mu.Unlock()
	if e, ok := m[key]; ok {
		if fresh(e.at, now) {
			return e.v, true, k.gen
		}
		delete(m, key)
	}
	var zero T
	return zero, false, k.gen
}

// keep keeps v for key, read at generation gen, unless a change was made
// since.
func keep[K comparable, T any](k *keptAccounts, m map[K]keptValue[T], key K, v T, gen uint64) {
	now := k.now()
	k.mu.Lock()
	defer k.mu.Unlock()
	if gen != k.gen {
		return
	}
	if len(m) >= maxKept {
		for key, e := range m {
			if !fresh(e.at, now) {
				delete(m, key)
			}
		}
		if len(m) >= maxKept {
			clear(m)
		}
	}
	m[key] = keptValue[T]{v: v, at: now, ok: true}
}

// forget drops everything kept: after a change of accounts or units made
// through this store (whether it succeeded or not).
func (k *keptAccounts) forget() {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.gen++
	clear(k.tokens)
	clear(k.sessions)
	clear(k.users)
	k.units = keptValue[[]store.Unit]{}
}

// cloneUnits returns a copy of units that shares nothing with it.
func cloneUnits(units []store.Unit) []store.Unit {
	out := slices.Clone(units)
	for i := range out {
		out[i].Aliases = slices.Clone(out[i].Aliases)
	}
	return out
}

func (k *keptAccounts) TokenByHash(ctx context.Context, hash string) (store.Token, error) {
	t, ok, gen := lookup(k, k.tokens, hash)
	if ok {
		return t, nil
	}
	t, err := k.Store.TokenByHash(ctx, hash)
	if err == nil {
		keep(k, k.tokens, hash, t, gen)
	}
	return t, err
}

func (k *keptAccounts) Session(ctx context.Context, hash string) (store.Session, error) {
	s, ok, gen := lookup(k, k.sessions, hash)
	if ok {
		return s, nil
	}
	s, err := k.Store.Session(ctx, hash)
	if err == nil {
		keep(k, k.sessions, hash, s, gen)
	}
	return s, err
}

func (k *keptAccounts) User(ctx context.Context, id int64) (store.User, error) {
	u, ok, gen := lookup(k, k.users, id)
	if ok {
		return u, nil
	}
	u, err := k.Store.User(ctx, id)
	if err == nil {
		keep(k, k.users, id, u, gen)
	}
	return u, err
}

func (k *keptAccounts) ListUnits(ctx context.Context) ([]store.Unit, error) {
	now := k.now()
	k.mu.Lock()
	e, gen := k.units, k.gen
	k.mu.Unlock()
	if e.ok && fresh(e.at, now) {
		return cloneUnits(e.v), nil
	}
	units, err := k.Store.ListUnits(ctx)
	if err != nil {
		return nil, err
	}
	k.mu.Lock()
	if gen == k.gen {
		k.units = keptValue[[]store.Unit]{v: cloneUnits(units), at: now, ok: true}
	}
	k.mu.Unlock()
	return units, nil
}

// TouchToken and TouchSession write what the kept copy has too, so that
// a token or session kept is not touched again at each request.

func (k *keptAccounts) TouchToken(ctx context.Context, id int64, at time.Time) error {
	err := k.Store.TouchToken(ctx, id, at)
	if err == nil {
		k.mu.Lock()
		for h, e := range k.tokens {
			if e.v.ID == id {
				e.v.LastUsed = at
				k.tokens[h] = e
			}
		}
		k.mu.Unlock()
	}
	return err
}

func (k *keptAccounts) TouchSession(ctx context.Context, hash string, lastSeen, expires time.Time) error {
	err := k.Store.TouchSession(ctx, hash, lastSeen, expires)
	k.mu.Lock()
	if e, ok := k.sessions[hash]; ok {
		if err == nil {
			e.v.LastSeen, e.v.Expires = lastSeen, expires
			k.sessions[hash] = e
		} else {
			delete(k.sessions, hash)
		}
	}
	k.mu.Unlock()
	return err
}

// The changes of accounts and units: each forgets all that is kept.

func (k *keptAccounts) CreateUnit(ctx context.Context, u *store.Unit) error {
	defer k.forget()
	return k.Store.CreateUnit(ctx, u)
}

func (k *keptAccounts) UpdateUnit(ctx context.Context, u *store.Unit) error {
	defer k.forget()
	return k.Store.UpdateUnit(ctx, u)
}

func (k *keptAccounts) CreateUser(ctx context.Context, u *store.User) error {
	defer k.forget()
	return k.Store.CreateUser(ctx, u)
}

func (k *keptAccounts) UpdateUser(ctx context.Context, id int64, up store.UserUpdate) (store.User, error) {
	defer k.forget()
	return k.Store.UpdateUser(ctx, id, up)
}

func (k *keptAccounts) DeleteSession(ctx context.Context, hash string) error {
	defer k.forget()
	return k.Store.DeleteSession(ctx, hash)
}

func (k *keptAccounts) DeleteSessions(ctx context.Context, user int64) (int, error) {
	defer k.forget()
	return k.Store.DeleteSessions(ctx, user)
}

func (k *keptAccounts) PurgeSessions(ctx context.Context, before time.Time) (int, error) {
	defer k.forget()
	return k.Store.PurgeSessions(ctx, before)
}

func (k *keptAccounts) RevokeToken(ctx context.Context, id int64, at time.Time) error {
	defer k.forget()
	return k.Store.RevokeToken(ctx, id, at)
}
