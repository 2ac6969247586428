package postgres

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"zongjie/store"
	"zongjie/store/pgtest"
	"zongjie/store/storetest"
)

// Ensure Get returns a report it keeps with one round trip (the row's
// xmin), and that a change made by another process — a new version,
// a move to another unit, the trash, a deletion — is seen by the next
// Get at once; and that what a caller does to a report it got does not
// change what the next Get returns.
func TestGetKept(t *testing.T) {
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	ctx := context.Background()
	var st [2]*Store
	for i := range st {
		s, err := Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		st[i] = s
	}
	a, b := st[0], st[1]
	id, _, err := b.Put(ctx, storetest.Synthetic(1))
	if err != nil {
		t.Fatal(err)
	}
	get := func(what string) (*store.Report, int64) {
		t.Helper()
		before := a.RoundTrips()
		r, err := a.Get(ctx, id)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return r, a.RoundTrips() - before
	}
	first, _ := get("first Get")
	again, trips := get("Get again")
	if trips != 1 || !reflect.DeepEqual(first, again) {
		t.Errorf("a report kept: %d round trips, the same report %v; want 1, true", trips, reflect.DeepEqual(first, again))
	}
	again.Paragraphs[0].Text = "改了"
	again.Fingerprints[0]++
	again.Data[0] = ' '
	if r, _ := get("Get after the caller changed its copy"); !reflect.DeepEqual(first, r) {
		t.Errorf("a change of the report a caller got changed the report kept")
	}

	// A new version by the other store.
	next := storetest.Synthetic(2)
	next.ID = id
	if _, _, err := b.Put(ctx, next); err != nil {
		t.Fatal(err)
	}
	if r, trips := get("Get after a new version"); r.Version != 2 || r.Text != next.Text || len(r.Paragraphs) != len(next.Paragraphs) || trips != 2 {
		t.Errorf("after a new version stored by another process: version %d, its text %v, %d round trips; want 2, true, 2", r.Version, r.Text == next.Text, trips)
	}

	// Moved to a unit by the other store.
	u := &store.Unit{Name: "云川市"}
	if err := b.CreateUnit(ctx, u); err != nil {
		t.Fatal(err)
	}
	if err := b.Assign(ctx, []int64{id}, u.ID); err != nil {
		t.Fatal(err)
	}
	if r, _ := get("Get after a move"); r.UnitID != u.ID {
		t.Errorf("after a move by another process: unit %d, want %d", r.UnitID, u.ID)
	}

	// To the trash and back, then deleted.
	if err := b.Trash(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Get(ctx, id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after the trash: %v, want ErrNotFound", err)
	}
	if err := b.Untrash(ctx, id); err != nil {
		t.Fatal(err)
	}
	if r, _ := get("Get after the trash and back"); r.Version != 2 {
		t.Errorf("back from the trash: version %d, want 2", r.Version)
	}
	if err := b.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Get(ctx, id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after a deletion: %v, want ErrNotFound", err)
	}
}

// Ensure the reports kept stay within their bytes, the least recently
// used forgotten first.
func TestReportCacheBound(t *testing.T) {
	c := newReportCache(16 * reportSize(storetest.Synthetic(0)) * 3 / 2)
	for i := range 100 {
		r := storetest.Synthetic(i)
		r.ID = int64(i + 1)
		c.put(r, uint32(i))
		if _, _, ok := c.get(1); !ok {
			t.Fatalf("report 1, used after each put, forgotten after %d puts", i+1)
		}
		if c.bytes > c.max {
			t.Fatalf("%d bytes kept, at most %d", c.bytes, c.max)
		}
	}
	if _, _, ok := c.get(2); ok {
		t.Errorf("report 2, never used again, still kept after 100 puts")
	}
	if n := len(c.m); n < 10 || n > 25 {
		t.Errorf("%d reports kept, want about 24", n)
	}
}
