package app

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"zongjie/account"
	"zongjie/store"
)

// Every store query of every operation goes through App.store, which
// returns a view: the store as the user of the context may see it. A
// user reads the reports of a set of units (their read scope) and changes
// those of a smaller one (their write scope):
//
//	drafter   reads and changes their own unit's reports
//	reviewer  reads their unit's and every unit's below it; changes their own unit's
//	admin     reads and changes their unit's and every unit's below it, and,
//	          at a root of the tree, the unassigned reports
//	local     (the command line, no account) everything
//
// A report outside the read scope is not there: every method answers as
// the store does for a report it does not hold (store.ErrNotFound, left
// out of lists, searches, postings, counts), so that nobody learns that
// another unit's report exists. A report the user may read but not
// change is refused with Forbidden. The view also gives a new report its
// unit: the unit of the tree its name matches (account.Tree.Match), and
// for a user whose write scope does not hold that unit, the user's own.
// Every write is recorded in the audit log.
//
// The view implements store.Store method by method, embedding nothing: a
// method added to the store does not compile here until it is scoped.
type view struct {
	st   store.Store
	user User
	addr string

	once        sync.Once
	read, write *store.Scope // nil: every report
	err         error

	treeOnce sync.Once
	tree     *account.Tree
	treeErr  error
}

var _ store.Store = (*view)(nil)

// newView returns the store as the user of ctx may see it.
func newView(ctx context.Context, st store.Store) *view {
	return &view{st: st, user: userOf(ctx), addr: AddressFrom(ctx)}
}

// load works out the scopes, once: the local user's are every report,
// without a query; an account's come from the tree.
func (v *view) load(ctx context.Context) error {
	if v.user.Local() {
		return nil
	}
	v.once.Do(func() {
		t, err := v.units(ctx)
		if err != nil {
			v.err = err
			return
		}
		v.read, v.write = scopes(t, v.user)
	})
	return v.err
}

// units reads the tree, once.
func (v *view) units(ctx context.Context) (*account.Tree, error) {
	v.treeOnce.Do(func() {
		units, err := v.st.ListUnits(ctx)
		if err != nil {
			v.treeErr = err
			return
		}
		v.tree = account.NewTree(units)
	})
	return v.tree, v.treeErr
}

// scopes returns the read and write scopes of an account.
func scopes(t *account.Tree, u User) (read, write *store.Scope) {
	own := &store.Scope{Units: []int64{u.Unit}}
	if _, ok := t.Unit(u.Unit); !ok {
		return &store.Scope{}, &store.Scope{}
	}
	sub := &store.Scope{Units: t.Subtree(u.Unit)}
	switch u.Role {
	case store.Drafter:
		return own, own
	case store.Reviewer:
		return sub, own
	case store.Admin:
		unit, _ := t.Unit(u.Unit)
		sub.Unassigned = unit.Parent == 0
		return sub, sub
	}
	return &store.Scope{}, &store.Scope{}
}

// intersect returns the scope of the reports both a and b hold (nil is
// every report).
func intersect(a, b *store.Scope) *store.Scope {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	out := &store.Scope{Unassigned: a.Unassigned && b.Unassigned, Units: []int64{}}
	for _, u := range a.Units {
		if b.Holds(u) {
			out.Units = append(out.Units, u)
		}
	}
	return out
}

// notFound is the answer for a report outside the read scope: the
// store's own for a report it does not hold.
func notFound(id int64) error {
	return fmt.Errorf("report %d: %w", id, store.ErrNotFound)
}

// forbidden is the answer for a report the user may read but not change.
func forbidden(id int64) error {
	return Errorf(Forbidden, "无权修改报告 %d（只能修改本单位的报告）", id)
}

// check returns nil when the user may change the report at pl (write),
// or read it; notFound or forbidden otherwise.
func (v *view) check(id int64, pl store.Placement, write bool) error {
	if !v.read.Holds(pl.Unit) {
		return notFound(id)
	}
	if write && !v.write.Holds(pl.Unit) {
		return forbidden(id)
	}
	return nil
}

// writable reports whether the user of the view st may change the
// reports of unit (its scopes loaded by a read already).
func writable(ctx context.Context, st store.Store, unit int64) bool {
	v, ok := st.(*view)
	return !ok || v.load(ctx) == nil && v.write.Holds(unit)
}

// placement returns where report id is, or notFound when it is not
// stored or not in the read scope.
func (v *view) placement(ctx context.Context, id int64) (store.Placement, error) {
	pls, err := v.st.Placements(ctx, []int64{id})
	if err != nil {
		return store.Placement{}, err
	}
	pl, ok := pls[id]
	if !ok || !v.read.Holds(pl.Unit) {
		return pl, notFound(id)
	}
	return pl, nil
}

// --- reading

func (v *view) Get(ctx context.Context, id int64) (*store.Report, error) {
	if err := v.load(ctx); err != nil {
		return nil, err
	}
	r, err := v.st.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if !v.read.Holds(r.UnitID) {
		return nil, notFound(id)
	}
	return r, nil
}

func (v *view) Texts(ctx context.Context, ids []int64) ([]*store.Report, error) {
	if err := v.load(ctx); err != nil {
		return nil, err
	}
	rs, err := v.st.Texts(ctx, ids)
	if err != nil || v.read == nil {
		return rs, err
	}
	return slices.DeleteFunc(rs, func(r *store.Report) bool { return !v.read.Holds(r.UnitID) }), nil
}

func (v *view) GetVersion(ctx context.Context, id int64, version int) (*store.Report, error) {
	if err := v.load(ctx); err != nil {
		return nil, err
	}
	r, err := v.st.GetVersion(ctx, id, version)
	if err != nil {
		return nil, err
	}
	if !v.read.Holds(r.UnitID) {
		return nil, notFound(id)
	}
	return r, nil
}

func (v *view) Versions(ctx context.Context, id int64) ([]store.Summary, error) {
	if err := v.load(ctx); err != nil {
		return nil, err
	}
	vs, err := v.st.Versions(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(vs) == 0 || !v.read.Holds(vs[len(vs)-1].UnitID) {
		return nil, notFound(id)
	}
	return vs, nil
}

func (v *view) Find(ctx context.Context, fileHash string, index int) (int64, error) {
	return v.found(ctx, fileHash, index, v.st.Find)
}

func (v *view) Locate(ctx context.Context, fileHash string, index int) (int64, error) {
	return v.found(ctx, fileHash, index, v.st.Locate)
}

// found runs Find or Locate and leaves out a report outside the scope.
func (v *view) found(ctx context.Context, fileHash string, index int, find func(context.Context, string, int) (int64, error)) (int64, error) {
	if err := v.load(ctx); err != nil {
		return 0, err
	}
	id, err := find(ctx, fileHash, index)
	if err != nil {
		return 0, err
	}
	if _, err := v.placement(ctx, id); err != nil {
		return 0, fmt.Errorf("%s report %d: %w", fileHash, index, store.ErrNotFound)
	}
	return id, nil
}

func (v *view) List(ctx context.Context, f store.Filter) ([]store.Summary, error) {
	if err := v.load(ctx); err != nil {
		return nil, err
	}
	f.Scope = intersect(f.Scope, v.read)
	return v.st.List(ctx, f)
}

func (v *view) Search(ctx context.Context, q store.Query) ([]store.Hit, error) {
	if err := v.load(ctx); err != nil {
		return nil, err
	}
	q.Filter.Scope = intersect(q.Filter.Scope, v.read)
	return v.st.Search(ctx, q)
}

func (v *view) Postings(ctx context.Context, hashes []uint64) (map[uint64][]store.Posting, error) {
	if err := v.load(ctx); err != nil {
		return nil, err
	}
	ps, err := v.st.Postings(ctx, hashes)
	if err != nil || v.read == nil {
		return ps, err
	}
	for h, list := range ps {
		list = slices.DeleteFunc(list, func(p store.Posting) bool { return !v.read.Holds(p.UnitID) })
		if len(list) == 0 {
			delete(ps, h)
		} else {
			ps[h] = list
		}
	}
	return ps, nil
}

func (v *view) HashUnits(ctx context.Context, hashes []uint64, scope *store.Scope, atLeast int) (map[uint64]int, error) {
	if err := v.load(ctx); err != nil {
		return nil, err
	}
	return v.st.HashUnits(ctx, hashes, intersect(scope, v.read), atLeast)
}

func (v *view) Shared(ctx context.Context, hashes []uint64, scope *store.Scope, exclude int64, n int) ([]store.Shared, error) {
	if err := v.load(ctx); err != nil {
		return nil, err
	}
	return v.st.Shared(ctx, hashes, intersect(scope, v.read), exclude, n)
}

func (v *view) EachFingerprints(ctx context.Context, fn func(id int64, unit string, fps []uint64) error) error {
	if err := v.load(ctx); err != nil {
		return err
	}
	if v.read == nil {
		return v.st.EachFingerprints(ctx, fn)
	}
	// The reports in scope, listed first: a report added meanwhile
	// may or may not be seen, as the store's own says.
	list, err := v.st.List(ctx, store.Filter{Scope: v.read})
	if err != nil {
		return err
	}
	in := make(map[int64]bool, len(list))
	for _, s := range list {
		in[s.ID] = true
	}
	return v.st.EachFingerprints(ctx, func(id int64, unit string, fps []uint64) error {
		if !in[id] {
			return nil
		}
		return fn(id, unit, fps)
	})
}

func (v *view) Count(ctx context.Context) (int, error) {
	if err := v.load(ctx); err != nil {
		return 0, err
	}
	if v.read == nil {
		return v.st.Count(ctx)
	}
	list, err := v.st.List(ctx, store.Filter{Scope: v.read})
	return len(list), err
}

func (v *view) Placements(ctx context.Context, ids []int64) (map[int64]store.Placement, error) {
	if err := v.load(ctx); err != nil {
		return nil, err
	}
	pls, err := v.st.Placements(ctx, ids)
	if err != nil {
		return nil, err
	}
	for id, pl := range pls {
		if !v.read.Holds(pl.Unit) {
			delete(pls, id)
		}
	}
	return pls, nil
}

// Figures gives the figures of the reports in scope. (The desk's cache,
// corpus.Desk, stamps them with a digest of the reports the user saw, so
// that figures computed over another user's reports are computed again.)
func (v *view) Figures(ctx context.Context) ([]store.Figures, error) {
	if err := v.load(ctx); err != nil {
		return nil, err
	}
	fs, err := v.st.Figures(ctx)
	if err != nil || v.read == nil {
		return fs, err
	}
	return v.inScope(ctx, fs)
}

// PutFigures stores the figures of the reports in scope and leaves out
// the others, as the store leaves out those of reports not stored.
func (v *view) PutFigures(ctx context.Context, fs []store.Figures) error {
	if err := v.load(ctx); err != nil {
		return err
	}
	if v.read != nil {
		var err error
		if fs, err = v.inScope(ctx, fs); err != nil {
			return err
		}
	}
	return v.st.PutFigures(ctx, fs)
}

// inScope returns the figures of live reports in the read scope. They
// are told by the list of the scope's reports (kept by the store, and
// the size of the scope), not by the placement of every report with
// figures: a user of one unit looking at the desk read the placements of
// the whole store's reports.
func (v *view) inScope(ctx context.Context, fs []store.Figures) ([]store.Figures, error) {
	list, err := v.st.List(ctx, store.Filter{Scope: v.read})
	if err != nil {
		return nil, err
	}
	in := make(map[int64]bool, len(list))
	for _, s := range list {
		in[s.ID] = true
	}
	return slices.DeleteFunc(fs, func(f store.Figures) bool { return !in[f.Report] }), nil
}

func (v *view) ListTrash(ctx context.Context, f store.Filter) ([]store.Trashed, error) {
	if err := v.load(ctx); err != nil {
		return nil, err
	}
	f.Scope = intersect(f.Scope, v.read)
	return v.st.ListTrash(ctx, f)
}

// --- writing

func (v *view) Put(ctx context.Context, r *store.Report) (int64, bool, error) {
	ids, added, err := v.PutBatch(ctx, []*store.Report{r})
	if err != nil {
		return 0, false, err
	}
	return ids[0], added[0], nil
}

// PutBatch stores the reports the user may store, each with its unit,
// and records what it stored in the audit log. A new report whose text a
// report outside the user's scope holds already is not stored (the store
// would give that report's ID): its ID comes back 0, not added.
func (v *view) PutBatch(ctx context.Context, rs []*store.Report) ([]int64, []bool, error) {
	if err := v.load(ctx); err != nil {
		return nil, nil, err
	}
	ids := make([]int64, len(rs))
	added := make([]bool, len(rs))
	var (
		keep  []*store.Report
		index []int // of each kept report in rs
		given []int64
	)
	for i, r := range rs {
		if r == nil {
			keep, index, given = append(keep, r), append(index, i), append(given, 0)
			continue // the store says what is wrong with it
		}
		ok, err := v.prepare(ctx, r)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			keep, index, given = append(keep, r), append(index, i), append(given, r.ID)
		} else {
			r.ID = 0
		}
	}
	if len(keep) == 0 {
		return ids, added, nil
	}
	kids, kadded, err := v.st.PutBatch(ctx, keep)
	if err != nil {
		return nil, nil, err
	}
	// A text stored meanwhile by another unit: its report is not told.
	var others []int64
	for k, id := range kids {
		if !kadded[k] && id != 0 {
			others = append(others, id)
		}
	}
	var pls map[int64]store.Placement
	if len(others) > 0 && v.read != nil {
		if pls, err = v.st.Placements(ctx, others); err != nil {
			return nil, nil, err
		}
	}
	var entries []*store.AuditEntry
	for k, i := range index {
		id := kids[k]
		if pl, ok := pls[id]; ok && !v.read.Holds(pl.Unit) {
			id = 0
			keep[k].ID = 0
		}
		ids[i], added[i] = id, kadded[k]
		if !kadded[k] {
			continue
		}
		r := keep[k]
		e := v.entry("report.add", id, r.UnitID, r.Path)
		switch {
		case given[k] != 0:
			e.Action, e.Detail = "report.revise", fmt.Sprintf("第 %d 版：%s", r.Version, r.Note)
		case r.Version > 1:
			e.Action, e.Detail = "report.revive", r.Path
		}
		entries = append(entries, e)
	}
	if err := v.st.AppendAudit(ctx, entries...); err != nil {
		return nil, nil, fmt.Errorf("stored, but the audit log failed: %w", err)
	}
	return ids, added, nil
}

// prepare checks that the user may store r and gives a new report its
// unit; false means r is not to be stored (its text is held outside the
// scope).
func (v *view) prepare(ctx context.Context, r *store.Report) (bool, error) {
	if r.ID != 0 {
		// A new version of a report the user may change.
		pl, err := v.placement(ctx, r.ID)
		if err != nil {
			return false, err
		}
		if pl.Trashed {
			return false, notFound(r.ID)
		}
		if err := v.check(r.ID, pl, true); err != nil {
			return false, err
		}
		if r.UnitID != 0 && !v.write.Holds(r.UnitID) {
			return false, Errorf(Forbidden, "无权把报告 %d 移到该单位", r.ID)
		}
		return true, nil
	}
	if r.UnitID == 0 {
		id, err := v.match(ctx, r)
		if err != nil {
			return false, err
		}
		r.UnitID = id
	}
	if v.write == nil {
		return true, nil
	}
	if !v.write.Holds(r.UnitID) {
		r.UnitID = v.user.Unit
	}
	// A text held by a report the user may not change (or see) is not
	// stored again, nor brought back from the trash.
	id, err := v.st.Locate(ctx, r.FileHash, r.Index)
	if err != nil {
		return true, nil // new, or the store will say what is wrong
	}
	pls, err := v.st.Placements(ctx, []int64{id})
	if err != nil {
		return false, err
	}
	pl := pls[id]
	if !v.read.Holds(pl.Unit) || pl.Trashed && !v.write.Holds(pl.Unit) {
		return false, nil
	}
	return true, nil
}

// match returns the unit of the tree a new report names (0: none sure).
func (v *view) match(ctx context.Context, r *store.Report) (int64, error) {
	t, err := v.units(ctx)
	if err != nil || t.Len() == 0 {
		return 0, err
	}
	var data struct {
		Meta struct {
			Parent          string `json:"parent"`
			UnitPlaceholder bool   `json:"unit_placeholder"`
		} `json:"meta"`
	}
	if len(r.Data) > 0 {
		json.Unmarshal(r.Data, &data) // a report without meta is matched by its name alone
	}
	if data.Meta.UnitPlaceholder {
		return 0, nil
	}
	id, _ := t.Match(r.Unit, data.Meta.Parent)
	return id, nil
}

// entry returns an audit entry of the view's user.
func (v *view) entry(action string, report, unit int64, detail string) *store.AuditEntry {
	return &store.AuditEntry{User: v.user.ID, Actor: v.user.Name, Address: v.addr, Action: action,
		Report: report, Unit: unit, Detail: detail}
}

// mayChange returns where report id is when the user may change it.
func (v *view) mayChange(ctx context.Context, id int64) (store.Placement, error) {
	if err := v.load(ctx); err != nil {
		return store.Placement{}, err
	}
	pl, err := v.placement(ctx, id)
	if err != nil {
		return pl, err
	}
	return pl, v.check(id, pl, true)
}

func (v *view) Delete(ctx context.Context, id int64) error {
	pl, err := v.mayChange(ctx, id)
	if err != nil {
		return err
	}
	if err := v.st.Delete(ctx, id); err != nil {
		return err
	}
	return v.st.AppendAudit(ctx, v.entry("report.purge", id, pl.Unit, ""))
}

func (v *view) Trash(ctx context.Context, id int64) error {
	pl, err := v.mayChange(ctx, id)
	if err != nil {
		return err
	}
	if pl.Trashed {
		return notFound(id)
	}
	if err := v.st.Trash(ctx, id); err != nil {
		return err
	}
	return v.st.AppendAudit(ctx, v.entry("report.delete", id, pl.Unit, ""))
}

func (v *view) Untrash(ctx context.Context, id int64) error {
	pl, err := v.mayChange(ctx, id)
	if err != nil {
		return err
	}
	if err := v.st.Untrash(ctx, id); err != nil {
		return err
	}
	return v.st.AppendAudit(ctx, v.entry("report.undelete", id, pl.Unit, ""))
}

func (v *view) PurgeTrash(ctx context.Context, before time.Time) ([]int64, error) {
	if err := v.load(ctx); err != nil {
		return nil, err
	}
	var ids []int64
	if v.write == nil {
		var err error
		if ids, err = v.st.PurgeTrash(ctx, before); err != nil {
			return nil, err
		}
	} else {
		list, err := v.st.ListTrash(ctx, store.Filter{Scope: v.write})
		if err != nil {
			return nil, err
		}
		for _, t := range list {
			if t.Deleted.Before(before) {
				if err := v.st.Delete(ctx, t.ID); err != nil {
					return ids, err
				}
				ids = append(ids, t.ID)
			}
		}
	}
	var entries []*store.AuditEntry
	for _, id := range ids {
		entries = append(entries, v.entry("report.purge", id, 0, "回收站中超过保留期限"))
	}
	return ids, v.st.AppendAudit(ctx, entries...)
}

func (v *view) Assign(ctx context.Context, ids []int64, unit int64) error {
	if err := v.load(ctx); err != nil {
		return err
	}
	t, err := v.units(ctx)
	if err != nil {
		return err
	}
	if !v.write.Holds(unit) {
		if _, ok := t.Unit(unit); !ok && unit != 0 {
			return fmt.Errorf("unit %d: %w", unit, store.ErrNotFound)
		}
		return Errorf(Forbidden, "无权把报告分配到该单位")
	}
	var entries []*store.AuditEntry
	for _, id := range ids {
		if _, err := v.mayChange(ctx, id); err != nil {
			return err
		}
		entries = append(entries, v.entry("report.assign", id, unit, t.FullName(unit)))
	}
	if err := v.st.Assign(ctx, ids, unit); err != nil {
		return err
	}
	return v.st.AppendAudit(ctx, entries...)
}

// --- the rest: the store's own, or the accounts', which the operations
// in accounts.go and units.go check by role.

func (v *view) Optimize(ctx context.Context) error { return v.st.Optimize(ctx) }
func (v *view) Verify(ctx context.Context) error   { return v.st.Verify(ctx) }

// Close does nothing: the App holds the store.
func (v *view) Close() error { return nil }

func (v *view) CreateUnit(ctx context.Context, u *store.Unit) error { return v.st.CreateUnit(ctx, u) }
func (v *view) UpdateUnit(ctx context.Context, u *store.Unit) error { return v.st.UpdateUnit(ctx, u) }
func (v *view) ListUnits(ctx context.Context) ([]store.Unit, error) { return v.st.ListUnits(ctx) }

func (v *view) CreateUser(ctx context.Context, u *store.User) error { return v.st.CreateUser(ctx, u) }
func (v *view) UpdateUser(ctx context.Context, id int64, up store.UserUpdate) (store.User, error) {
	return v.st.UpdateUser(ctx, id, up)
}
func (v *view) User(ctx context.Context, id int64) (store.User, error) { return v.st.User(ctx, id) }
func (v *view) UserByName(ctx context.Context, name string) (store.User, error) {
	return v.st.UserByName(ctx, name)
}
func (v *view) ListUsers(ctx context.Context) ([]store.User, error) { return v.st.ListUsers(ctx) }
func (v *view) CountUsers(ctx context.Context) (int, error)         { return v.st.CountUsers(ctx) }

func (v *view) CreateSession(ctx context.Context, s store.Session) error {
	return v.st.CreateSession(ctx, s)
}
func (v *view) Session(ctx context.Context, hash string) (store.Session, error) {
	return v.st.Session(ctx, hash)
}
func (v *view) TouchSession(ctx context.Context, hash string, lastSeen, expires time.Time) error {
	return v.st.TouchSession(ctx, hash, lastSeen, expires)
}
func (v *view) DeleteSession(ctx context.Context, hash string) error {
	return v.st.DeleteSession(ctx, hash)
}
func (v *view) DeleteSessions(ctx context.Context, user int64) (int, error) {
	return v.st.DeleteSessions(ctx, user)
}
func (v *view) PurgeSessions(ctx context.Context, before time.Time) (int, error) {
	return v.st.PurgeSessions(ctx, before)
}

func (v *view) CreateToken(ctx context.Context, t *store.Token) error {
	return v.st.CreateToken(ctx, t)
}
func (v *view) TokenByHash(ctx context.Context, hash string) (store.Token, error) {
	return v.st.TokenByHash(ctx, hash)
}
func (v *view) ListTokens(ctx context.Context, user int64) ([]store.Token, error) {
	return v.st.ListTokens(ctx, user)
}
func (v *view) RevokeToken(ctx context.Context, id int64, at time.Time) error {
	return v.st.RevokeToken(ctx, id, at)
}
func (v *view) TouchToken(ctx context.Context, id int64, at time.Time) error {
	return v.st.TouchToken(ctx, id, at)
}

func (v *view) LoginFailures(ctx context.Context, key string) (store.LoginFailures, error) {
	return v.st.LoginFailures(ctx, key)
}
func (v *view) AddLoginFailure(ctx context.Context, key string, at time.Time, window time.Duration) (store.LoginFailures, error) {
	return v.st.AddLoginFailure(ctx, key, at, window)
}
func (v *view) ClearLoginFailures(ctx context.Context, key string) error {
	return v.st.ClearLoginFailures(ctx, key)
}

func (v *view) AppendAudit(ctx context.Context, es ...*store.AuditEntry) error {
	return v.st.AppendAudit(ctx, es...)
}

// ListAudit gives an admin below the root of the tree the entries of
// their subtree only.
func (v *view) ListAudit(ctx context.Context, f store.AuditFilter) ([]store.AuditEntry, error) {
	if err := v.load(ctx); err != nil {
		return nil, err
	}
	f.Scope = intersect(f.Scope, v.read)
	return v.st.ListAudit(ctx, f)
}
