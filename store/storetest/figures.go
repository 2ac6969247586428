package storetest

import (
	"context"
	"encoding/json"
	"testing"

	"zongjie/store"
)

// testFigures checks the desk's cache: figures are stored per report, by
// ID, byte for byte; a later put replaces them; figures of a report that
// is not stored are left out; a new version of a report leaves them
// (their stamp tells they are stale); deleting a report removes them; bad
// figures fail the whole put.
func testFigures(t *testing.T, s store.Store) {
	ctx := context.Background()
	figures := func() map[int64]store.Figures {
		t.Helper()
		fs, err := s.Figures(ctx)
		if err != nil {
			t.Fatalf("Figures: %v", err)
		}
		out := map[int64]store.Figures{}
		for i, f := range fs {
			if i > 0 && fs[i-1].Report >= f.Report {
				t.Errorf("Figures not by report ID: %d then %d", fs[i-1].Report, f.Report)
			}
			out[f.Report] = f
		}
		return out
	}
	same := func(what string, got store.Figures, want store.Figures) {
		t.Helper()
		if got.Report != want.Report || got.Stamp != want.Stamp || string(got.Data) != string(want.Data) {
			t.Errorf("%s: got %d %q %s, want %d %q %s", what, got.Report, got.Stamp, got.Data, want.Report, want.Stamp, want.Data)
		}
	}
	if got := figures(); len(got) != 0 {
		t.Fatalf("an empty store has figures: %v", got)
	}
	if err := s.PutFigures(ctx, nil); err != nil {
		t.Errorf("PutFigures of none: %v", err)
	}

	a, b := fullReport(), syntheticReport("figures-b")
	ida, idb := put(t, s, a), put(t, s, b)
	fa := store.Figures{Report: ida, Stamp: "v1|青禾街道:1", Data: json.RawMessage(`{"errors": 2,  "share": 0.25, "units": ["青禾街道"]}`)}
	fb := store.Figures{Report: idb, Stamp: "v1", Data: json.RawMessage(`{}`)}
	gone := store.Figures{Report: idb + 1000, Stamp: "v1", Data: json.RawMessage(`{}`)}
	if err := s.PutFigures(ctx, []store.Figures{fa, gone, fb}); err != nil {
		t.Fatalf("PutFigures: %v", err)
	}
	got := figures()
	if len(got) != 2 {
		t.Fatalf("Figures: %d reports, want 2 (the figures of a report not stored left out): %v", len(got), got)
	}
	same("figures of a", got[ida], fa)
	same("figures of b", got[idb], fb)

	// Replaced, the last of two for one report winning.
	fb2 := store.Figures{Report: idb, Stamp: "v2", Data: json.RawMessage(`{"placeholders": 3}`)}
	fb3 := store.Figures{Report: idb, Stamp: "v3", Data: json.RawMessage(`{"placeholders": 4}`)}
	if err := s.PutFigures(ctx, []store.Figures{fb2, fb3}); err != nil {
		t.Fatalf("PutFigures again: %v", err)
	}
	got = figures()
	same("figures of b replaced", got[idb], fb3)
	same("figures of a untouched", got[ida], fa)

	// A new version leaves them.
	a2 := fullReport()
	a2.ID, a2.Unit = ida, "柳塘镇"
	if _, added, err := s.Put(ctx, a2); err != nil || !added {
		t.Fatalf("Put a new version: added %v, %v", added, err)
	}
	same("figures of a after a new version", figures()[ida], fa)

	// Bad figures: none of the put is stored.
	for _, bad := range []store.Figures{
		{Report: ida, Stamp: "x", Data: json.RawMessage(`{"errors":`)},
		{Report: ida, Stamp: "x", Data: nil},
		{Report: 0, Stamp: "x", Data: json.RawMessage(`{}`)},
		{Report: ida, Stamp: "x\x00y", Data: json.RawMessage(`{}`)},
		{Report: ida, Stamp: "x\xff", Data: json.RawMessage(`{}`)},
	} {
		ok := store.Figures{Report: idb, Stamp: "v9", Data: json.RawMessage(`{}`)}
		if err := s.PutFigures(ctx, []store.Figures{ok, bad}); err == nil {
			t.Errorf("PutFigures(%d %q %q): no error", bad.Report, bad.Stamp, bad.Data)
		}
	}
	same("figures of b after failed puts", figures()[idb], fb3)

	// Deleted with their report.
	if err := s.Delete(ctx, ida); err != nil {
		t.Fatal(err)
	}
	got = figures()
	if _, ok := got[ida]; ok || len(got) != 1 {
		t.Errorf("after deleting report %d: figures of %v", ida, got)
	}
	same("figures of b after deleting a", got[idb], fb3)
}
