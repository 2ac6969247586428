package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"zongjie/store"
)

// tree is a small unit tree: 云川市 with 东湖区 (青禾街道 below it) and
// 西山县 (青禾街道 below it too: names repeat under other parents).
type tree struct {
	city, east, west, eastStreet, westStreet int64
}

func makeTree(t *testing.T, s store.Store) tree {
	t.Helper()
	ctx := context.Background()
	mk := func(name string, parent int64, aliases ...string) int64 {
		t.Helper()
		u := &store.Unit{Name: name, Parent: parent, Aliases: aliases}
		if err := s.CreateUnit(ctx, u); err != nil {
			t.Fatalf("CreateUnit %s: %v", name, err)
		}
		return u.ID
	}
	var tr tree
	tr.city = mk("云川市", 0)
	tr.east = mk("东湖区", tr.city, "东湖")
	tr.west = mk("西山县", tr.city)
	tr.eastStreet = mk("青禾街道", tr.east)
	tr.westStreet = mk("青禾街道", tr.west)
	return tr
}

func testUnits(t *testing.T, s store.Store) {
	ctx := context.Background()
	if us, err := s.ListUnits(ctx); err != nil || len(us) != 0 {
		t.Fatalf("ListUnits of an empty store = %v, %v", us, err)
	}
	tr := makeTree(t, s)
	us, err := s.ListUnits(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(us) != 5 {
		t.Fatalf("ListUnits = %d units, want 5", len(us))
	}
	byID := map[int64]store.Unit{}
	for i, u := range us {
		byID[u.ID] = u
		if i > 0 && us[i-1].ID >= u.ID {
			t.Errorf("ListUnits not by ID: %d before %d", us[i-1].ID, u.ID)
		}
		if u.Created.IsZero() || time.Since(u.Created) > time.Hour {
			t.Errorf("unit %s created %v, want about now", u.Name, u.Created)
		}
	}
	if u := byID[tr.east]; u.Name != "东湖区" || u.Parent != tr.city || !slices.Equal(u.Aliases, []string{"东湖"}) {
		t.Errorf("东湖区 = %+v", u)
	}
	if u := byID[tr.city]; u.Parent != 0 || u.Aliases != nil {
		t.Errorf("云川市 = %+v, want a root without aliases", u)
	}

	// A name twice under one parent is refused; under another it is not
	// (and was not, above).
	if err := s.CreateUnit(ctx, &store.Unit{Name: "东湖区", Parent: tr.city}); !errors.Is(err, store.ErrConflict) {
		t.Errorf("CreateUnit of a second 东湖区 under 云川市 = %v, want ErrConflict", err)
	}
	if err := s.CreateUnit(ctx, &store.Unit{Name: "云川市"}); !errors.Is(err, store.ErrConflict) {
		t.Errorf("CreateUnit of a second root 云川市 = %v, want ErrConflict", err)
	}
	if err := s.CreateUnit(ctx, &store.Unit{Name: "某镇", Parent: 9999}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("CreateUnit under an unknown parent = %v, want ErrNotFound", err)
	}

	// Renaming, new aliases, moving.
	u := byID[tr.westStreet]
	u.Name, u.Aliases, u.Parent = "西山街道", []string{"西山", "西山", "老街"}, tr.east
	if err := s.UpdateUnit(ctx, &u); err != nil {
		t.Fatalf("UpdateUnit: %v", err)
	}
	us, _ = s.ListUnits(ctx)
	for _, g := range us {
		if g.ID == u.ID && (g.Name != "西山街道" || g.Parent != tr.east || !slices.Equal(g.Aliases, []string{"西山", "老街"})) {
			t.Errorf("after UpdateUnit: %+v, want 西山街道 under 东湖区, aliases each once", g)
		}
	}
	// Moved under a parent that has a child of that name: refused.
	clash := byID[tr.eastStreet]
	clash.Name = "西山街道"
	if err := s.UpdateUnit(ctx, &clash); !errors.Is(err, store.ErrConflict) {
		t.Errorf("UpdateUnit to a sibling's name = %v, want ErrConflict", err)
	}
	// Under itself or below itself: refused.
	city := byID[tr.city]
	for _, p := range []int64{tr.city, tr.east, tr.eastStreet} {
		city.Parent = p
		if err := s.UpdateUnit(ctx, &city); !errors.Is(err, store.ErrConflict) {
			t.Errorf("UpdateUnit of 云川市 under %d = %v, want ErrConflict", p, err)
		}
	}
	city.Parent = 9999
	if err := s.UpdateUnit(ctx, &city); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("UpdateUnit under an unknown parent = %v, want ErrNotFound", err)
	}
	if err := s.UpdateUnit(ctx, &store.Unit{ID: 9999, Name: "x"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("UpdateUnit of an unknown unit = %v, want ErrNotFound", err)
	}
	// A move to the root is allowed.
	east := byID[tr.east]
	east.Parent = 0
	if err := s.UpdateUnit(ctx, &east); err != nil {
		t.Errorf("UpdateUnit to a root: %v", err)
	}
}

// placed puts the corpus with the reports assigned round the tree and
// returns them.
func placed(t *testing.T, s store.Store, tr tree) []*store.Report {
	t.Helper()
	units := []int64{tr.east, tr.eastStreet, tr.west, 0, tr.westStreet, tr.city}
	rs := corpusReports()
	for i, r := range rs {
		r.UnitID = units[i%len(units)]
		put(t, s, r)
	}
	return rs
}

func testScope(t *testing.T, s store.Store) {
	ctx := context.Background()
	tr := makeTree(t, s)
	rs := placed(t, s, tr)
	for _, r := range rs {
		got, err := s.Get(ctx, r.ID)
		if err != nil || got.UnitID != r.UnitID {
			t.Fatalf("Get(%d).UnitID = %v, %v; want %d", r.ID, got, err, r.UnitID)
		}
	}
	scopes := []*store.Scope{
		nil,
		{},
		{Unassigned: true},
		{Units: []int64{tr.east, tr.eastStreet}},
		{Units: []int64{tr.west}},
		{Units: []int64{tr.west, tr.westStreet}, Unassigned: true},
		{Units: []int64{9999}},
	}
	for _, sc := range scopes {
		f := store.Filter{Scope: sc}
		got, err := s.List(ctx, f)
		if err != nil {
			t.Fatalf("List(%+v): %v", sc, err)
		}
		var ids, want []int64
		for _, sum := range got {
			ids = append(ids, sum.ID)
		}
		for _, r := range rs {
			if sc.Holds(r.UnitID) {
				want = append(want, r.ID)
			}
		}
		if !slices.Equal(ids, want) {
			t.Errorf("List(scope %+v) = %v, want %v", sc, ids, want)
		}
		// With another condition too.
		f.Level = "town"
		got, _ = s.List(ctx, f)
		for _, sum := range got {
			if sum.Level != "town" || !sc.Holds(sum.UnitID) {
				t.Errorf("List(scope %+v, town) gave %+v", sc, sum)
			}
		}
		for _, text := range []string{"增长", "就业", "农村人居环境"} {
			q := store.Query{Text: text, Filter: store.Filter{Scope: sc}, Limit: 1000}
			checkHits(t, s, q, wants(rs, q))
		}
	}
	// Postings carry the unit of the tree.
	ps, err := s.Postings(ctx, []uint64{sharedHash})
	if err != nil {
		t.Fatal(err)
	}
	units := map[int64]int64{}
	for _, r := range rs {
		units[r.ID] = r.UnitID
	}
	if len(ps[sharedHash]) != len(rs) {
		t.Fatalf("Postings gave %d reports, want %d", len(ps[sharedHash]), len(rs))
	}
	for _, p := range ps[sharedHash] {
		if p.UnitID != units[p.Report] {
			t.Errorf("posting of report %d: unit %d, want %d", p.Report, p.UnitID, units[p.Report])
		}
	}
	// A new version keeps the unit, or moves the report when it names one.
	r := rs[0]
	v2 := *r
	v2.FileHash, v2.UnitID, v2.Title = "scope-v2", 0, r.Title+"（修订）"
	if _, added, err := s.Put(ctx, &v2); err != nil || !added {
		t.Fatalf("Put v2: %v, %v", added, err)
	}
	vs, err := s.Versions(ctx, r.ID)
	if err != nil || len(vs) != 2 {
		t.Fatalf("Versions = %v, %v", vs, err)
	}
	for _, v := range vs {
		if v.UnitID != r.UnitID {
			t.Errorf("version %d: UnitID %d, want the report's %d", v.Version, v.UnitID, r.UnitID)
		}
	}
	v3 := *r
	v3.FileHash, v3.UnitID, v3.Title = "scope-v3", tr.westStreet, r.Title+"（再修订）"
	if _, added, err := s.Put(ctx, &v3); err != nil || !added {
		t.Fatalf("Put v3: %v, %v", added, err)
	}
	for _, n := range []int{1, 2, 3} {
		g, err := s.GetVersion(ctx, r.ID, n)
		if err != nil || g.UnitID != tr.westStreet {
			t.Errorf("GetVersion(%d, %d).UnitID = %v, %v; want %d: the report moved", r.ID, n, g, err, tr.westStreet)
		}
	}
	ps, _ = s.Postings(ctx, []uint64{sharedHash})
	for _, p := range ps[sharedHash] {
		if p.Report == r.ID && p.UnitID != tr.westStreet {
			t.Errorf("posting after the move: unit %d, want %d", p.UnitID, tr.westStreet)
		}
	}
	// A report of an unknown unit is refused whole.
	bad := syntheticReport("scope-bad-unit")
	bad.UnitID = 9999
	if _, _, err := s.Put(ctx, bad); err == nil {
		t.Errorf("Put of a report of an unknown unit succeeded")
	}
	if _, err := s.Find(ctx, bad.FileHash, 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the refused report was stored: %v", err)
	}
}

func testAssign(t *testing.T, s store.Store) {
	ctx := context.Background()
	tr := makeTree(t, s)
	rs := putCorpus(t, s)
	ids := []int64{rs[0].ID, rs[2].ID}
	if err := s.Assign(ctx, ids, tr.eastStreet); err != nil {
		t.Fatalf("Assign: %v", err)
	}
	pl, err := s.Placements(ctx, append(ids, rs[1].ID, 9999))
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]store.Placement{
		rs[0].ID: {Unit: tr.eastStreet}, rs[2].ID: {Unit: tr.eastStreet}, rs[1].ID: {},
	}
	if !reflect.DeepEqual(pl, want) {
		t.Errorf("Placements = %v, want %v", pl, want)
	}
	list, _ := s.List(ctx, store.Filter{Scope: &store.Scope{Units: []int64{tr.eastStreet}}})
	if len(list) != 2 {
		t.Errorf("List of 青禾街道 after Assign = %d reports, want 2", len(list))
	}
	// Postings see the move at once (a cache would have to know).
	ps, _ := s.Postings(ctx, []uint64{sharedHash})
	for _, p := range ps[sharedHash] {
		if w := want[p.Report].Unit; (p.Report == rs[0].ID || p.Report == rs[1].ID) && p.UnitID != w {
			t.Errorf("posting of %d: unit %d, want %d", p.Report, p.UnitID, w)
		}
	}
	if err := s.Assign(ctx, []int64{rs[0].ID}, 0); err != nil {
		t.Fatalf("Assign to none: %v", err)
	}
	if g, _ := s.Get(ctx, rs[0].ID); g.UnitID != 0 {
		t.Errorf("after Assign to 0: UnitID %d", g.UnitID)
	}
	ps, _ = s.Postings(ctx, []uint64{sharedHash})
	for _, p := range ps[sharedHash] {
		if p.Report == rs[0].ID && p.UnitID != 0 {
			t.Errorf("posting after Assign to 0: unit %d", p.UnitID)
		}
	}
	// Unknown unit or report: nothing changes.
	if err := s.Assign(ctx, []int64{rs[1].ID}, 9999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Assign to an unknown unit = %v, want ErrNotFound", err)
	}
	if err := s.Assign(ctx, []int64{rs[1].ID, 9999}, tr.west); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Assign of an unknown report = %v, want ErrNotFound", err)
	}
	if g, _ := s.Get(ctx, rs[1].ID); g.UnitID != 0 {
		t.Errorf("a failed Assign moved report %d to %d", rs[1].ID, g.UnitID)
	}
}

// gone checks that report r is seen by no method but those of the trash.
func gone(t *testing.T, s store.Store, r *store.Report, text string) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.Get(ctx, r.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get of a report in the trash = %v, want ErrNotFound", err)
	}
	if _, err := s.GetVersion(ctx, r.ID, 1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetVersion of a report in the trash = %v, want ErrNotFound", err)
	}
	if _, err := s.Versions(ctx, r.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Versions of a report in the trash = %v, want ErrNotFound", err)
	}
	if _, err := s.Find(ctx, r.FileHash, r.Index); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Find of a report in the trash = %v, want ErrNotFound", err)
	}
	list, _ := s.List(ctx, store.Filter{})
	for _, sum := range list {
		if sum.ID == r.ID {
			t.Errorf("List shows the report in the trash")
		}
	}
	if slices.Contains(hitReports(t, s, text), r.ID) {
		t.Errorf("Search finds the report in the trash")
	}
	for _, p := range holders(t, s, sharedHash) {
		if p.Report == r.ID {
			t.Errorf("Postings give the report in the trash")
		}
	}
	s.EachFingerprints(ctx, func(id int64, _ string, _ []uint64) error {
		if id == r.ID {
			t.Errorf("EachFingerprints gives the report in the trash")
		}
		return nil
	})
	if hasFigures(t, s, r.ID) {
		t.Errorf("Figures gives the report in the trash")
	}
}

// hasFigures reports whether Figures gives figures of report id.
func hasFigures(t *testing.T, s store.Store, id int64) bool {
	t.Helper()
	fs, err := s.Figures(context.Background())
	if err != nil {
		t.Fatalf("Figures: %v", err)
	}
	return slices.ContainsFunc(fs, func(f store.Figures) bool { return f.Report == id })
}

func testTrash(t *testing.T, s store.Store) {
	ctx := context.Background()
	rs := putCorpus(t, s)
	r := rs[1]
	// A second version, so that the versions come back too.
	v2 := *r
	v2.FileHash, v2.Title = "trash-v2", r.Title+"（修订）"
	if _, _, err := s.Put(ctx, &v2); err != nil {
		t.Fatal(err)
	}
	text := r.Paragraphs[0].Text
	if !slices.Contains(hitReports(t, s, text), r.ID) {
		t.Fatalf("Search for %q does not find report %d before the trash", text, r.ID)
	}
	if err := s.PutFigures(ctx, []store.Figures{{Report: r.ID, Stamp: "s", Data: []byte(`{"n":1}`)}}); err != nil {
		t.Fatal(err)
	}
	n0, _ := s.Count(ctx)
	before := time.Now().Add(-time.Second)
	if err := s.Trash(ctx, r.ID); err != nil {
		t.Fatalf("Trash: %v", err)
	}
	if err := s.Trash(ctx, r.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Trash twice = %v, want ErrNotFound", err)
	}
	if err := s.Trash(ctx, 9999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Trash of an unknown report = %v, want ErrNotFound", err)
	}
	gone(t, s, r, text)
	if n, _ := s.Count(ctx); n != n0-1 {
		t.Errorf("Count = %d after the trash, want %d", n, n0-1)
	}
	// The trash holds it, with its unit and when.
	tl, err := s.ListTrash(ctx, store.Filter{})
	if err != nil || len(tl) != 1 || tl[0].ID != r.ID || tl[0].Version != 2 {
		t.Fatalf("ListTrash = %+v, %v; want report %d at version 2", tl, err, r.ID)
	}
	if tl[0].Deleted.Before(before) || time.Since(tl[0].Deleted) > time.Hour {
		t.Errorf("Deleted = %v, want now", tl[0].Deleted)
	}
	if tl, _ := s.ListTrash(ctx, store.Filter{Unit: "no such unit"}); len(tl) != 0 {
		t.Errorf("ListTrash with a filter selecting nothing = %+v", tl)
	}
	if tl, _ := s.ListTrash(ctx, store.Filter{Scope: &store.Scope{Unassigned: true}}); len(tl) != 1 {
		t.Errorf("ListTrash of the unassigned = %+v, want the report", tl)
	}
	// Placements and Locate still see it.
	if pl, _ := s.Placements(ctx, []int64{r.ID}); !pl[r.ID].Trashed {
		t.Errorf("Placements = %v, want it in the trash", pl)
	}
	if id, err := s.Locate(ctx, r.FileHash, r.Index); err != nil || id != r.ID {
		t.Errorf("Locate of an earlier version's text = %d, %v; want %d", id, err, r.ID)
	}
	if _, err := s.Locate(ctx, "nothing", 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Locate of an unknown text = %v", err)
	}
	// A new version of it is refused.
	v3 := *r
	v3.FileHash = "trash-v3"
	if _, _, err := s.Put(ctx, &v3); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Put of a new version of a report in the trash = %v, want ErrNotFound", err)
	}

	if err := s.Untrash(ctx, r.ID); err != nil {
		t.Fatalf("Untrash: %v", err)
	}
	if err := s.Untrash(ctx, r.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Untrash of a live report = %v, want ErrNotFound", err)
	}
	if tl, _ := s.ListTrash(ctx, store.Filter{}); len(tl) != 0 {
		t.Errorf("ListTrash after Untrash = %+v", tl)
	}
	got, err := s.Get(ctx, r.ID)
	if err != nil || got.Version != 2 || got.FileHash != "trash-v2" {
		t.Fatalf("Get after Untrash = %+v, %v; want version 2", got, err)
	}
	if vs, err := s.Versions(ctx, r.ID); err != nil || len(vs) != 2 {
		t.Errorf("Versions after Untrash = %v, %v", vs, err)
	}
	if !slices.Contains(hitReports(t, s, text), r.ID) {
		t.Errorf("Search does not find the report brought back")
	}
	if !slices.ContainsFunc(holders(t, s, sharedHash), func(p store.Posting) bool { return p.Report == r.ID }) {
		t.Errorf("Postings do not give the report brought back")
	}
	if n, _ := s.Count(ctx); n != n0 {
		t.Errorf("Count = %d after Untrash, want %d", n, n0)
	}
	if !hasFigures(t, s, r.ID) {
		t.Errorf("the figures of the report brought back are lost")
	}
	// After Optimize, too (the fingerprint index must keep a report in
	// the trash).
	if err := s.Trash(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	gone(t, s, r, text)
	if err := s.Untrash(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(holders(t, s, sharedHash), func(p store.Posting) bool { return p.Report == r.ID }) {
		t.Errorf("Postings do not give the report brought back after Optimize")
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("Verify after the trash: %v", err)
	}
}

// Adding again the text of a report in the trash brings the report back.
func testTrashRevive(t *testing.T, s store.Store) {
	ctx := context.Background()
	rs := putCorpus(t, s)
	r := rs[2]
	if err := s.Trash(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	again := corpusReports()[2]
	id, added, err := s.Put(ctx, again)
	if err != nil || id != r.ID || !added || again.Version != 1 {
		t.Fatalf("Put of a text in the trash = %d, %v, %v (version %d); want %d, true, version 1", id, added, err, again.Version, r.ID)
	}
	if !slices.Contains(hitReports(t, s, r.Paragraphs[0].Text), r.ID) {
		t.Errorf("Search does not find the report brought back by Put")
	}
	if id, added, _ := s.Put(ctx, corpusReports()[2]); id != r.ID || added {
		t.Errorf("Put once more = %d, %v; want %d, false", id, added, r.ID)
	}
	// In a batch with new reports.
	if err := s.Trash(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	ids, addeds, err := s.PutBatch(ctx, []*store.Report{syntheticReport("revive-new"), corpusReports()[2]})
	if err != nil || ids[1] != r.ID || !addeds[0] || !addeds[1] {
		t.Fatalf("PutBatch = %v, %v, %v", ids, addeds, err)
	}
	if _, err := s.Get(ctx, r.ID); err != nil {
		t.Errorf("Get after PutBatch brought it back: %v", err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("Verify: %v", err)
	}
}

func testPurgeTrash(t *testing.T, s store.Store) {
	ctx := context.Background()
	rs := putCorpus(t, s)
	if err := s.Trash(ctx, rs[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Trash(ctx, rs[3].ID); err != nil {
		t.Fatal(err)
	}
	if ids, err := s.PurgeTrash(ctx, time.Now().Add(-time.Hour)); err != nil || len(ids) != 0 {
		t.Errorf("PurgeTrash of an hour ago = %v, %v; want none", ids, err)
	}
	ids, err := s.PurgeTrash(ctx, time.Now().Add(time.Minute))
	if err != nil || !slices.Equal(ids, []int64{rs[0].ID, rs[3].ID}) {
		t.Fatalf("PurgeTrash = %v, %v; want %v", ids, err, []int64{rs[0].ID, rs[3].ID})
	}
	if tl, _ := s.ListTrash(ctx, store.Filter{}); len(tl) != 0 {
		t.Errorf("ListTrash after PurgeTrash = %+v", tl)
	}
	if _, err := s.Locate(ctx, rs[0].FileHash, 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Locate of a purged report = %v, want ErrNotFound", err)
	}
	if err := s.Untrash(ctx, rs[0].ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Untrash of a purged report = %v", err)
	}
	// Its text is new again.
	id, added, err := s.Put(ctx, corpusReports()[0])
	if err != nil || !added || id == rs[0].ID {
		t.Errorf("Put of a purged text = %d, %v, %v; want a new report", id, added, err)
	}
	// Delete works in the trash too.
	if err := s.Trash(ctx, rs[1].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, rs[1].ID); err != nil {
		t.Errorf("Delete of a report in the trash: %v", err)
	}
	if pl, _ := s.Placements(ctx, []int64{rs[1].ID}); len(pl) != 0 {
		t.Errorf("Placements after Delete = %v", pl)
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("Verify: %v", err)
	}
}

func testUsers(t *testing.T, s store.Store) {
	ctx := context.Background()
	tr := makeTree(t, s)
	if n, err := s.CountUsers(ctx); err != nil || n != 0 {
		t.Fatalf("CountUsers = %d, %v", n, err)
	}
	a := &store.User{Name: "zhang", Unit: tr.east, Role: store.Reviewer, PasswordHash: "$argon2id$x"}
	if err := s.CreateUser(ctx, a); err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	if a.ID == 0 || a.Created.IsZero() {
		t.Errorf("CreateUser set %+v", a)
	}
	b := &store.User{Name: "李四", Unit: tr.eastStreet, Role: store.Drafter, PasswordHash: "h", Disabled: true}
	if err := s.CreateUser(ctx, b); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateUser(ctx, &store.User{Name: "zhang", Unit: tr.west, Role: store.Admin, PasswordHash: "h"}); !errors.Is(err, store.ErrConflict) {
		t.Errorf("CreateUser of a name in use = %v, want ErrConflict", err)
	}
	if err := s.CreateUser(ctx, &store.User{Name: "wang", Unit: 9999, Role: store.Admin, PasswordHash: "h"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("CreateUser in an unknown unit = %v, want ErrNotFound", err)
	}
	if err := s.CreateUser(ctx, &store.User{Name: "wang", Unit: tr.west, Role: "boss", PasswordHash: "h"}); err == nil {
		t.Errorf("CreateUser with an unknown role succeeded")
	}
	got, err := s.User(ctx, a.ID)
	if err != nil || !reflect.DeepEqual(got, *a) {
		t.Errorf("User = %+v, %v; want %+v", got, err, *a)
	}
	got, err = s.UserByName(ctx, "李四")
	if err != nil || !reflect.DeepEqual(got, *b) {
		t.Errorf("UserByName = %+v, %v; want %+v", got, err, *b)
	}
	if _, err := s.UserByName(ctx, "ZHANG"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("UserByName is not exact: %v", err)
	}
	if _, err := s.User(ctx, 9999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("User(9999) = %v", err)
	}
	if n, _ := s.CountUsers(ctx); n != 2 {
		t.Errorf("CountUsers = %d, want 2", n)
	}
	all, err := s.ListUsers(ctx)
	if err != nil || len(all) != 2 || all[0].ID != a.ID || all[1].ID != b.ID {
		t.Errorf("ListUsers = %+v, %v", all, err)
	}

	role, hash, off, unit := store.Admin, "new-hash", false, tr.city
	login := time.Date(2025, 3, 1, 8, 0, 0, 1000, time.UTC)
	up, err := s.UpdateUser(ctx, b.ID, store.UserUpdate{Role: &role, PasswordHash: &hash, Disabled: &off, Unit: &unit, LastLogin: &login})
	if err != nil {
		t.Fatalf("UpdateUser: %v", err)
	}
	want := *b
	want.Role, want.PasswordHash, want.Disabled, want.Unit, want.LastLogin = role, hash, off, unit, login
	if !reflect.DeepEqual(up, want) {
		t.Errorf("UpdateUser = %+v, want %+v", up, want)
	}
	if got, _ := s.User(ctx, b.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("User after UpdateUser = %+v, want %+v", got, want)
	}
	// Nothing to change: the user as it is.
	if got, err := s.UpdateUser(ctx, a.ID, store.UserUpdate{}); err != nil || !reflect.DeepEqual(got, *a) {
		t.Errorf("UpdateUser with nothing = %+v, %v", got, err)
	}
	if _, err := s.UpdateUser(ctx, 9999, store.UserUpdate{Role: &role}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("UpdateUser of an unknown user = %v", err)
	}
	bad := int64(9999)
	if _, err := s.UpdateUser(ctx, a.ID, store.UserUpdate{Unit: &bad}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("UpdateUser to an unknown unit = %v", err)
	}
}

// user makes a user for the tests of sessions and tokens.
func user(t *testing.T, s store.Store, name string) int64 {
	t.Helper()
	ctx := context.Background()
	us, _ := s.ListUnits(ctx)
	var unit int64
	if len(us) > 0 {
		unit = us[0].ID
	} else {
		u := &store.Unit{Name: "云川市"}
		if err := s.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
		unit = u.ID
	}
	u := &store.User{Name: name, Unit: unit, Role: store.Drafter, PasswordHash: "h"}
	if err := s.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	return u.ID
}

func testSessions(t *testing.T, s store.Store) {
	ctx := context.Background()
	alice, bob := user(t, s, "alice"), user(t, s, "bob")
	at := time.Date(2025, 5, 1, 9, 0, 0, 0, time.UTC)
	mk := func(hash string, u int64, expires time.Time) store.Session {
		return store.Session{Hash: hash, User: u, Created: at, Expires: expires, LastSeen: at, Address: "192.0.2.7"}
	}
	s1 := mk("h1", alice, at.Add(time.Hour))
	for _, ss := range []store.Session{s1, mk("h2", alice, at.Add(2*time.Hour)), mk("h3", bob, at.Add(3*time.Hour))} {
		if err := s.CreateSession(ctx, ss); err != nil {
			t.Fatalf("CreateSession: %v", err)
		}
	}
	if err := s.CreateSession(ctx, mk("h1", bob, at)); !errors.Is(err, store.ErrConflict) {
		t.Errorf("CreateSession of a hash in use = %v, want ErrConflict", err)
	}
	if err := s.CreateSession(ctx, mk("h9", 9999, at)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("CreateSession of an unknown user = %v, want ErrNotFound", err)
	}
	got, err := s.Session(ctx, "h1")
	if err != nil || !reflect.DeepEqual(got, s1) {
		t.Errorf("Session = %+v, %v; want %+v", got, err, s1)
	}
	if _, err := s.Session(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Session of an unknown hash = %v", err)
	}
	seen, exp := at.Add(10*time.Minute), at.Add(5*time.Hour)
	if err := s.TouchSession(ctx, "h1", seen, exp); err != nil {
		t.Fatalf("TouchSession: %v", err)
	}
	if got, _ := s.Session(ctx, "h1"); !got.LastSeen.Equal(seen) || !got.Expires.Equal(exp) || !got.Created.Equal(at) {
		t.Errorf("after TouchSession: %+v", got)
	}
	if err := s.TouchSession(ctx, "nope", seen, exp); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("TouchSession of an unknown hash = %v", err)
	}
	if err := s.DeleteSession(ctx, "h2"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSession(ctx, "h2"); err != nil {
		t.Errorf("DeleteSession of a session gone: %v", err)
	}
	if _, err := s.Session(ctx, "h2"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Session after DeleteSession = %v", err)
	}
	// h1 expires at +5h, h3 at +3h.
	if n, err := s.PurgeSessions(ctx, at.Add(4*time.Hour)); err != nil || n != 1 {
		t.Errorf("PurgeSessions = %d, %v; want 1", n, err)
	}
	if _, err := s.Session(ctx, "h3"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an expired session was kept")
	}
	if err := s.CreateSession(ctx, mk("h4", alice, at.Add(9*time.Hour))); err != nil {
		t.Fatal(err)
	}
	if n, err := s.DeleteSessions(ctx, alice); err != nil || n != 2 {
		t.Errorf("DeleteSessions = %d, %v; want 2", n, err)
	}
	if n, _ := s.DeleteSessions(ctx, bob); n != 0 {
		t.Errorf("DeleteSessions of bob = %d, want 0", n)
	}
}

func testTokens(t *testing.T, s store.Store) {
	ctx := context.Background()
	alice, bob := user(t, s, "alice"), user(t, s, "bob")
	t1 := &store.Token{User: alice, Name: "导入脚本", Hash: "th1"}
	if err := s.CreateToken(ctx, t1); err != nil {
		t.Fatalf("CreateToken: %v", err)
	}
	if t1.ID == 0 || t1.Created.IsZero() {
		t.Errorf("CreateToken set %+v", t1)
	}
	if err := s.CreateToken(ctx, &store.Token{User: bob, Name: "导入脚本", Hash: "th2"}); err != nil {
		t.Errorf("the same name for another user: %v", err)
	}
	if err := s.CreateToken(ctx, &store.Token{User: alice, Name: "导入脚本", Hash: "th3"}); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a name twice for one user = %v, want ErrConflict", err)
	}
	if err := s.CreateToken(ctx, &store.Token{User: bob, Name: "other", Hash: "th1"}); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a hash twice = %v, want ErrConflict", err)
	}
	if err := s.CreateToken(ctx, &store.Token{User: 9999, Name: "x", Hash: "th9"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a token of an unknown user = %v, want ErrNotFound", err)
	}
	got, err := s.TokenByHash(ctx, "th1")
	if err != nil || !reflect.DeepEqual(got, *t1) {
		t.Errorf("TokenByHash = %+v, %v; want %+v", got, err, *t1)
	}
	if _, err := s.TokenByHash(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("TokenByHash of an unknown hash = %v", err)
	}
	used := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	if err := s.TouchToken(ctx, t1.ID, used); err != nil {
		t.Fatal(err)
	}
	revoked := used.Add(time.Hour)
	if err := s.RevokeToken(ctx, t1.ID, revoked); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeToken(ctx, t1.ID, revoked.Add(time.Hour)); err != nil {
		t.Errorf("RevokeToken twice: %v", err)
	}
	if err := s.RevokeToken(ctx, 9999, revoked); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("RevokeToken of an unknown token = %v", err)
	}
	got, _ = s.TokenByHash(ctx, "th1")
	if !got.LastUsed.Equal(used) || !got.Revoked.Equal(revoked) {
		t.Errorf("after TouchToken and RevokeToken: %+v (revoked keeps its first time)", got)
	}
	// Once revoked, its name may be given again.
	if err := s.CreateToken(ctx, &store.Token{User: alice, Name: "导入脚本", Hash: "th4"}); err != nil {
		t.Errorf("a revoked token's name again: %v", err)
	}
	mine, err := s.ListTokens(ctx, alice)
	if err != nil || len(mine) != 2 || mine[0].ID != t1.ID {
		t.Errorf("ListTokens(alice) = %+v, %v", mine, err)
	}
	if all, _ := s.ListTokens(ctx, 0); len(all) != 3 {
		t.Errorf("ListTokens(0) = %d tokens, want 3", len(all))
	}
}

func testLoginFailures(t *testing.T, s store.Store) {
	ctx := context.Background()
	if f, err := s.LoginFailures(ctx, "user:zhang"); err != nil || f.Count != 0 {
		t.Fatalf("LoginFailures of none = %+v, %v", f, err)
	}
	at := time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)
	window := 15 * time.Minute
	for i := 1; i <= 3; i++ {
		f, err := s.AddLoginFailure(ctx, "user:zhang", at.Add(time.Duration(i)*time.Minute), window)
		if err != nil || f.Count != i || !f.First.Equal(at.Add(time.Minute)) || !f.Last.Equal(at.Add(time.Duration(i)*time.Minute)) {
			t.Fatalf("AddLoginFailure %d = %+v, %v", i, f, err)
		}
	}
	if f, _ := s.LoginFailures(ctx, "user:zhang"); f.Count != 3 {
		t.Errorf("LoginFailures = %+v, want 3", f)
	}
	// Another key counts apart.
	if f, _ := s.AddLoginFailure(ctx, "addr:192.0.2.1", at, window); f.Count != 1 {
		t.Errorf("another key = %+v", f)
	}
	// After the window, the count starts again.
	later := at.Add(3*time.Minute + window + time.Second)
	f, err := s.AddLoginFailure(ctx, "user:zhang", later, window)
	if err != nil || f.Count != 1 || !f.First.Equal(later) {
		t.Errorf("AddLoginFailure after the window = %+v, %v; want a count of 1 from %v", f, err, later)
	}
	// Just inside it, it goes on.
	if f, _ := s.AddLoginFailure(ctx, "user:zhang", later.Add(window), window); f.Count != 2 {
		t.Errorf("AddLoginFailure inside the window = %+v, want 2", f)
	}
	if err := s.ClearLoginFailures(ctx, "user:zhang"); err != nil {
		t.Fatal(err)
	}
	if f, _ := s.LoginFailures(ctx, "user:zhang"); f.Count != 0 {
		t.Errorf("after ClearLoginFailures: %+v", f)
	}
	if f, _ := s.LoginFailures(ctx, "addr:192.0.2.1"); f.Count != 1 {
		t.Errorf("ClearLoginFailures cleared another key: %+v", f)
	}
}

// Failures counted at once by many are each counted.
func testLoginFailuresConcurrent(t *testing.T, s store.Store) {
	ctx := context.Background()
	const n = 40
	at := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.AddLoginFailure(ctx, "user:many", at.Add(time.Duration(i)*time.Millisecond), time.Hour); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if f, _ := s.LoginFailures(ctx, "user:many"); f.Count != n {
		t.Errorf("%d failures counted at once: count %d", n, f.Count)
	}
}

func testAudit(t *testing.T, s store.Store) {
	ctx := context.Background()
	// The interface has no way to change or remove an entry.
	if m := reflect.TypeFor[store.Audit]().NumMethod(); m != 2 {
		t.Errorf("store.Audit has %d methods, want 2 (append and list)", m)
	}
	if es, err := s.ListAudit(ctx, store.AuditFilter{}); err != nil || len(es) != 0 {
		t.Fatalf("ListAudit of none = %v, %v", es, err)
	}
	at := time.Date(2025, 2, 1, 9, 0, 0, 0, time.UTC)
	entries := []store.AuditEntry{
		{At: at, User: 1, Actor: "zhang", Address: "192.0.2.1", Action: "login"},
		{At: at.Add(time.Minute), User: 1, Actor: "zhang", Address: "192.0.2.1", Action: "report.add", Report: 7, Unit: 3, Detail: "青禾街道.docx"},
		{At: at.Add(2 * time.Minute), User: 2, Actor: "李四", Action: "report.fix", Report: 7, Unit: 3, Detail: "第 2 版"},
		{At: at.Add(3 * time.Minute), User: 0, Actor: "", Action: "unit.add", Unit: 4},
		{At: at.Add(4 * time.Minute), User: 2, Actor: "李四", Action: "login.failed", Address: "2001:db8::1"},
		{User: 1, Actor: "zhang", Action: "user.add", Target: 2, Unit: 3, Detail: "drafter"},
	}
	// One, then the others at once.
	if err := s.AppendAudit(ctx, &entries[0]); err != nil {
		t.Fatalf("AppendAudit: %v", err)
	}
	var rest []*store.AuditEntry
	for i := range entries[1:] {
		rest = append(rest, &entries[1+i])
	}
	if err := s.AppendAudit(ctx, rest...); err != nil {
		t.Fatalf("AppendAudit of several: %v", err)
	}
	if err := s.AppendAudit(ctx); err != nil {
		t.Errorf("AppendAudit of none: %v", err)
	}
	for i, e := range entries {
		if e.ID == 0 || (i > 0 && e.ID <= entries[i-1].ID) {
			t.Errorf("AppendAudit set ID %d after %d", e.ID, entries[max(i-1, 0)].ID)
		}
	}
	if last := entries[len(entries)-1]; last.At.IsZero() || time.Since(last.At) > time.Hour {
		t.Errorf("AppendAudit left At %v, want now", last.At)
	}
	ids := func(f store.AuditFilter) []int64 {
		t.Helper()
		es, err := s.ListAudit(ctx, f)
		if err != nil {
			t.Fatalf("ListAudit(%+v): %v", f, err)
		}
		var out []int64
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	id := func(is ...int) []int64 {
		var out []int64
		for _, i := range is {
			out = append(out, entries[i].ID)
		}
		return out
	}
	all, err := s.ListAudit(ctx, store.AuditFilter{})
	if err != nil || len(all) != len(entries) {
		t.Fatalf("ListAudit = %d entries, %v", len(all), err)
	}
	for i, e := range all {
		if w := entries[len(entries)-1-i]; !reflect.DeepEqual(e, w) {
			t.Errorf("entry %d = %+v, want %+v (newest first)", i, e, w)
		}
	}
	for _, c := range []struct {
		f    store.AuditFilter
		want []int64
	}{
		{store.AuditFilter{User: 2}, id(4, 2)},
		{store.AuditFilter{Action: "login"}, id(0)},
		{store.AuditFilter{Action: "login."}, id(4)},
		{store.AuditFilter{Action: "report."}, id(2, 1)},
		{store.AuditFilter{Action: "report"}, nil},
		{store.AuditFilter{Report: 7}, id(2, 1)},
		{store.AuditFilter{Since: at.Add(time.Minute), Until: at.Add(3 * time.Minute)}, id(2, 1)},
		{store.AuditFilter{Scope: &store.Scope{Units: []int64{3}}}, id(5, 2, 1)},
		{store.AuditFilter{Scope: &store.Scope{Units: []int64{4}, Unassigned: true}}, id(4, 3, 0)},
		{store.AuditFilter{Scope: &store.Scope{}}, nil},
		{store.AuditFilter{Limit: 2}, id(5, 4)},
		{store.AuditFilter{Before: entries[4].ID, Limit: 2}, id(3, 2)},
		{store.AuditFilter{User: 1, Action: "report.", Report: 7}, id(1)},
	} {
		if got := ids(c.f); !slices.Equal(got, c.want) {
			t.Errorf("ListAudit(%+v) = %v, want %v", c.f, got, c.want)
		}
	}
}

func testVerify(t *testing.T, s store.Store) {
	ctx := context.Background()
	if err := s.Verify(ctx); err != nil {
		t.Errorf("Verify of an empty store: %v", err)
	}
	rs := putCorpus(t, s)
	v2 := *rs[0]
	v2.FileHash = "verify-v2"
	if _, _, err := s.Put(ctx, &v2); err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		put(t, s, syntheticReport(fmt.Sprintf("verify-%d", i)))
	}
	if err := s.Trash(ctx, rs[1].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, rs[2].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("Verify: %v", err)
	}
}
