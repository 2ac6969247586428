package app

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"zongjie/store"
	"zongjie/store/sqlite"
	"zongjie/store/storetest"
)

// viewFixture is a store with a unit tree, reports of two sibling streets
// (A and B of one district) and of no unit, and the view of it a user of B
// has.
type viewFixture struct {
	st          store.Store
	a, b, none  []*store.Report // A's are the ones that must not show
	unitA, unit int64           // A's unit and B's
	trashedA    int64
}

func newViewFixture(t *testing.T) *viewFixture {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "z.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f := &viewFixture{st: st}
	mk := func(name string, parent int64) int64 {
		u := &store.Unit{Name: name, Parent: parent}
		if err := st.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
		return u.ID
	}
	district := mk("东湖区", 0)
	f.unitA, f.unit = mk("青禾街道", district), mk("白沙街道", district)
	for i := range 9 {
		r := storetest.Synthetic(i) // they share fingerprints
		switch i % 3 {
		case 0:
			r.UnitID = f.unitA
			f.a = append(f.a, r)
		case 1:
			r.UnitID = f.unit
			f.b = append(f.b, r)
		default:
			f.none = append(f.none, r)
		}
		if _, _, err := st.Put(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	// Figures of every report (the desk's cache).
	var fs []store.Figures
	for _, r := range append(append(slices.Clone(f.a), f.b...), f.none...) {
		fs = append(fs, store.Figures{Report: r.ID, Stamp: "s", Data: []byte(`{"n":1}`)})
	}
	if err := st.PutFigures(ctx, fs); err != nil {
		t.Fatal(err)
	}
	// A second version of one of A's, and one of A's in the trash.
	v2 := *f.a[0]
	v2.FileHash = "a-v2"
	if _, _, err := st.Put(ctx, &v2); err != nil {
		t.Fatal(err)
	}
	f.trashedA = f.a[2].ID
	if err := st.Trash(ctx, f.trashedA); err != nil {
		t.Fatal(err)
	}
	return f
}

// as returns the view of a user of B with the role given.
func (f *viewFixture) as(role store.Role) *view {
	ctx := WithUser(context.Background(), User{ID: 99, Name: "b-" + string(role), Unit: f.unit, Role: role})
	return newView(ctx, f.st)
}

// readers are the reading methods of the store, each run to return the
// IDs of the reports it shows.
var readers = map[string]func(ctx context.Context, v *view, f *viewFixture) ([]int64, error){
	"Get": func(ctx context.Context, v *view, f *viewFixture) ([]int64, error) {
		return byID(f.a, func(id int64) (int64, error) {
			r, err := v.Get(ctx, id)
			return idOf(r), err
		})
	},
	"Texts": func(ctx context.Context, v *view, f *viewFixture) ([]int64, error) {
		rs, err := v.Texts(ctx, append(ids(f.a), ids(f.b)...))
		var out []int64
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return out, err
	},
	"GetVersion": func(ctx context.Context, v *view, f *viewFixture) ([]int64, error) {
		return byID(f.a, func(id int64) (int64, error) {
			r, err := v.GetVersion(ctx, id, 1)
			return idOf(r), err
		})
	},
	"Versions": func(ctx context.Context, v *view, f *viewFixture) ([]int64, error) {
		return byID(f.a, func(id int64) (int64, error) {
			vs, err := v.Versions(ctx, id)
			if len(vs) > 0 {
				return vs[0].ID, err
			}
			return 0, err
		})
	},
	"Find": func(ctx context.Context, v *view, f *viewFixture) ([]int64, error) {
		return byReport(f.a, func(r *store.Report) (int64, error) { return v.Find(ctx, r.FileHash, r.Index) })
	},
	"Locate": func(ctx context.Context, v *view, f *viewFixture) ([]int64, error) {
		return byReport(f.a, func(r *store.Report) (int64, error) { return v.Locate(ctx, r.FileHash, r.Index) })
	},
	"List": func(ctx context.Context, v *view, f *viewFixture) ([]int64, error) {
		var out []int64
		for _, flt := range []store.Filter{{}, {Scope: &store.Scope{Units: []int64{f.unitA}}}, {Scope: &store.Scope{Unassigned: true}}} {
			l, err := v.List(ctx, flt)
			if err != nil {
				return nil, err
			}
			for _, s := range l {
				out = append(out, s.ID)
			}
		}
		return out, nil
	},
	"ListTrash": func(ctx context.Context, v *view, f *viewFixture) ([]int64, error) {
		l, err := v.ListTrash(ctx, store.Filter{})
		var out []int64
		for _, s := range l {
			out = append(out, s.ID)
		}
		return out, err
	},
	"Search": func(ctx context.Context, v *view, f *viewFixture) ([]int64, error) {
		var out []int64
		for _, p := range f.a[0].Paragraphs {
			hits, err := v.Search(ctx, store.Query{Text: p.Text, Limit: 1000})
			if err != nil {
				return nil, err
			}
			for _, h := range hits {
				out = append(out, h.Report.ID)
			}
		}
		return out, nil
	},
	"Postings": func(ctx context.Context, v *view, f *viewFixture) ([]int64, error) {
		ps, err := v.Postings(ctx, f.a[0].Fingerprints)
		var out []int64
		for _, list := range ps {
			for _, p := range list {
				out = append(out, p.Report)
			}
		}
		return out, err
	},
	"HashUnits": func(ctx context.Context, v *view, f *viewFixture) ([]int64, error) {
		// A's reports counted: more units than the postings the view
		// gives, or any count when asking for A's unit alone.
		ps, err := v.Postings(ctx, f.a[0].Fingerprints)
		if err != nil {
			return nil, err
		}
		all, err := v.HashUnits(ctx, f.a[0].Fingerprints, nil, 0)
		if err != nil {
			return nil, err
		}
		onlyA, err := v.HashUnits(ctx, f.a[0].Fingerprints, &store.Scope{Units: []int64{f.unitA}}, 0)
		if err != nil {
			return nil, err
		}
		if !maps.Equal(all, store.UnitCounts(ps, nil, 0)) || len(onlyA) > 0 {
			return ids(f.a), nil
		}
		return nil, nil
	},
	"Shared": func(ctx context.Context, v *view, f *viewFixture) ([]int64, error) {
		// Every holder, and asking for A's unit alone.
		var out []int64
		for _, scope := range []*store.Scope{nil, {Units: []int64{f.unitA}}} {
			shared, err := v.Shared(ctx, f.a[0].Fingerprints, scope, 0, 100)
			if err != nil {
				return nil, err
			}
			for _, s := range shared {
				out = append(out, s.Report)
			}
		}
		return out, nil
	},
	"EachFingerprints": func(ctx context.Context, v *view, f *viewFixture) ([]int64, error) {
		var out []int64
		err := v.EachFingerprints(ctx, func(id int64, _ string, _ []uint64) error { out = append(out, id); return nil })
		return out, err
	},
	"Placements": func(ctx context.Context, v *view, f *viewFixture) ([]int64, error) {
		pls, err := v.Placements(ctx, ids(f.a))
		var out []int64
		for id := range pls {
			out = append(out, id)
		}
		return out, err
	},
	"Figures": func(ctx context.Context, v *view, f *viewFixture) ([]int64, error) {
		fs, err := v.Figures(ctx)
		var out []int64
		for _, x := range fs {
			out = append(out, x.Report)
		}
		return out, err
	},
	"Count": func(ctx context.Context, v *view, f *viewFixture) ([]int64, error) {
		n, err := v.Count(ctx)
		if n > len(f.b)+len(f.none) {
			return ids(f.a), err // more than B's and the unassigned: A's counted
		}
		return nil, err
	},
}

// writers are the writing methods of the store, each run on A's reports;
// they must fail with NotFound.
var writers = map[string]func(ctx context.Context, v *view, f *viewFixture, id int64) error{
	"Put": func(ctx context.Context, v *view, f *viewFixture, id int64) error {
		r := storetest.Synthetic(100)
		r.ID = id
		_, _, err := v.Put(ctx, r)
		return err
	},
	"PutBatch": func(ctx context.Context, v *view, f *viewFixture, id int64) error {
		r := storetest.Synthetic(101)
		r.ID = id
		_, _, err := v.PutBatch(ctx, []*store.Report{r})
		return err
	},
	"Delete":  func(ctx context.Context, v *view, f *viewFixture, id int64) error { return v.Delete(ctx, id) },
	"Trash":   func(ctx context.Context, v *view, f *viewFixture, id int64) error { return v.Trash(ctx, id) },
	"Untrash": func(ctx context.Context, v *view, f *viewFixture, id int64) error { return v.Untrash(ctx, f.trashedA) },
	"Assign": func(ctx context.Context, v *view, f *viewFixture, id int64) error {
		return v.Assign(ctx, []int64{id}, f.unit)
	},
}

// passed are the methods the view passes on as they are, with why: the
// store's own upkeep, and the accounts, whose operations check the role
// (accounts.go, unittree.go; their leak walk is TestEveryOperationScoped).
var passed = map[string]string{
	"PutFigures": "left out, not refused: TestViewFigures",
	"Optimize":   "upkeep", "Verify": "upkeep", "Close": "does nothing", "PurgeTrash": "tested apart (TestViewPurgeTrash)",
	"CreateUnit": "accounts", "UpdateUnit": "accounts", "ListUnits": "accounts",
	"CreateUser": "accounts", "UpdateUser": "accounts", "User": "accounts", "UserByName": "accounts", "ListUsers": "accounts", "CountUsers": "accounts",
	"CreateSession": "accounts", "Session": "accounts", "TouchSession": "accounts", "DeleteSession": "accounts", "DeleteSessions": "accounts", "PurgeSessions": "accounts",
	"CreateToken": "accounts", "TokenByHash": "accounts", "ListTokens": "accounts", "RevokeToken": "accounts", "TouchToken": "accounts",
	"LoginFailures": "accounts", "AddLoginFailure": "accounts", "ClearLoginFailures": "accounts",
	"AppendAudit": "append only", "ListAudit": "scoped: TestViewAudit",
}

func idOf(r *store.Report) int64 {
	if r == nil {
		return 0
	}
	return r.ID
}

func ids(rs []*store.Report) []int64 {
	var out []int64
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

// byID runs fn on the IDs of rs and returns those it gave; an error other
// than ErrNotFound fails.
func byID(rs []*store.Report, fn func(id int64) (int64, error)) ([]int64, error) {
	return byReport(rs, func(r *store.Report) (int64, error) { return fn(r.ID) })
}

func byReport(rs []*store.Report, fn func(r *store.Report) (int64, error)) ([]int64, error) {
	var out []int64
	for _, r := range rs {
		id, err := fn(r)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, nil
}

// TestViewLeaks runs every reading method of the store through the view
// of users of B (a drafter, a reviewer, an admin below the root), and
// checks that none shows a report of A, its sibling; the writing methods
// on A's reports fail with ErrNotFound. Through the local user's view,
// every reader shows A's reports (the test can fail). Every method of
// store.Store must be a reader, a writer or passed on knowingly.
func TestViewLeaks(t *testing.T) {
	typ := reflect.TypeFor[store.Store]()
	for i := range typ.NumMethod() {
		name := typ.Method(i).Name
		_, r := readers[name]
		_, w := writers[name]
		_, p := passed[name]
		if !r && !w && !p {
			t.Errorf("store.Store.%s is not in readers, writers or passed: scope it in the view (scope.go) and test it here", name)
		}
	}
	f := newViewFixture(t)
	ctx := context.Background()
	secret := ids(f.a)
	for _, role := range []store.Role{store.Drafter, store.Reviewer, store.Admin} {
		v := f.as(role)
		for _, name := range slices.Sorted(maps.Keys(readers)) {
			got, err := readers[name](ctx, v, f)
			if err != nil {
				t.Errorf("%s as B's %s: %v", name, role, err)
			}
			for _, id := range got {
				if slices.Contains(secret, id) || id == f.trashedA {
					t.Errorf("%s as B's %s shows A's report %d", name, role, id)
				}
			}
		}
		for _, name := range slices.Sorted(maps.Keys(writers)) {
			err := writers[name](ctx, v, f, f.a[1].ID)
			if !errors.Is(err, store.ErrNotFound) {
				t.Errorf("%s of A's report as B's %s = %v, want ErrNotFound", name, role, err)
			}
		}
	}
	// Nothing changed.
	for _, r := range f.a {
		if r.ID == f.trashedA {
			continue
		}
		if g, err := f.st.Get(ctx, r.ID); err != nil || g.UnitID != f.unitA {
			t.Errorf("A's report %d after the walk: %+v, %v", r.ID, g, err)
		}
	}
	if tl, _ := f.st.ListTrash(ctx, store.Filter{}); len(tl) != 1 {
		t.Errorf("the trash after the walk: %v", tl)
	}
	// The local user sees A's reports through every reader.
	local := newView(ctx, f.st)
	for _, name := range slices.Sorted(maps.Keys(readers)) {
		got, err := readers[name](ctx, local, f)
		if err != nil || !slices.ContainsFunc(got, func(id int64) bool { return slices.Contains(secret, id) || id == f.trashedA }) {
			t.Errorf("%s as the local user does not show A's reports (%v): the walk could not fail", name, err)
		}
	}
}

// A reviewer of the district reads A's reports and B's but changes
// neither: Forbidden, for they see them.
func TestViewReviewer(t *testing.T) {
	f := newViewFixture(t)
	ctx := context.Background()
	district, _ := f.st.ListUnits(ctx)
	v := newView(WithUser(ctx, User{ID: 7, Name: "rev", Unit: district[0].ID, Role: store.Reviewer}), f.st)
	if l, _ := v.List(ctx, store.Filter{}); len(l) != len(f.a)-1+len(f.b) {
		t.Errorf("the district's reviewer lists %d reports, want %d", len(l), len(f.a)-1+len(f.b))
	}
	for name, w := range writers {
		if err := w(ctx, v, f, f.a[1].ID); ErrorCode(err) != Forbidden {
			t.Errorf("%s by the district's reviewer = %v, want Forbidden", name, err)
		}
	}
}

// Purging the trash through a user's view purges only what they may
// change.
func TestViewPurgeTrash(t *testing.T) {
	f := newViewFixture(t)
	ctx := context.Background()
	v := f.as(store.Drafter)
	if err := v.Trash(ctx, f.b[0].ID); err != nil {
		t.Fatal(err)
	}
	ids, err := v.PurgeTrash(ctx, time.Now().Add(time.Hour))
	if err != nil || !slices.Equal(ids, []int64{f.b[0].ID}) {
		t.Errorf("PurgeTrash as B's drafter = %v, %v; want only B's", ids, err)
	}
	if tl, _ := f.st.ListTrash(ctx, store.Filter{}); len(tl) != 1 || tl[0].ID != f.trashedA {
		t.Errorf("A's report in the trash was purged: %v", tl)
	}
}

// The audit log through a view: a user below the root sees the entries of
// their units.
func TestViewAudit(t *testing.T) {
	f := newViewFixture(t)
	ctx := context.Background()
	for _, unit := range []int64{f.unitA, f.unit, 0} {
		if err := f.st.AppendAudit(ctx, &store.AuditEntry{Action: "report.add", Unit: unit, Detail: fmt.Sprint(unit)}); err != nil {
			t.Fatal(err)
		}
	}
	es, err := f.as(store.Admin).ListAudit(ctx, store.AuditFilter{})
	if err != nil || len(es) != 1 || es[0].Unit != f.unit {
		t.Errorf("ListAudit as B's admin = %+v, %v; want B's entry only", es, err)
	}
	if es, _ := newView(ctx, f.st).ListAudit(ctx, store.AuditFilter{}); len(es) != 3 {
		t.Errorf("ListAudit as the local user = %d entries, want 3", len(es))
	}
}

// The figures of A's reports put through B's view are left out: A's stay
// as they were.
func TestViewFigures(t *testing.T) {
	f := newViewFixture(t)
	ctx := context.Background()
	v := f.as(store.Admin)
	err := v.PutFigures(ctx, []store.Figures{
		{Report: f.a[1].ID, Stamp: "b's", Data: []byte(`{"n":2}`)},
		{Report: f.b[0].ID, Stamp: "b's", Data: []byte(`{"n":2}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	fs, _ := f.st.Figures(ctx)
	for _, x := range fs {
		switch x.Report {
		case f.a[1].ID:
			if x.Stamp != "s" {
				t.Errorf("B's admin changed the figures of A's report: %+v", x)
			}
		case f.b[0].ID:
			if x.Stamp != "b's" {
				t.Errorf("B's admin could not store the figures of B's report: %+v", x)
			}
		}
	}
}
