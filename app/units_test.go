package app_test

import (
	"context"
	"testing"
)

// Ensure StoredUnits lists the units of the stored reports by name, each
// with its reports in time order, and Neighbours finds a report's unit's
// reports just before and after it — none for a report alone in its unit.
func TestStoredUnitsNeighbours(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	ids := map[string]int64{}
	// Added out of time order, so that the order is the periods', not the IDs'.
	for _, n := range []string{"qinghe-2024.txt", "shiqiao-2025.txt", "qinghe-2024h1.txt", "liuhe-2024.md", "shiqiao-2024.txt"} {
		ids[n] = addOne(t, a, upload(t, n))
	}
	units, err := a.StoredUnits(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range units {
		got = append(got, u.Unit)
		for _, r := range u.Reports {
			got = append(got, r.Path)
		}
	}
	want := []string{"柳河乡", "liuhe-2024.md", "石桥镇", "shiqiao-2024.txt", "shiqiao-2025.txt", "青禾街道", "qinghe-2024h1.txt", "qinghe-2024.txt"}
	if len(got) != len(want) {
		t.Fatalf("units %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("units %q, want %q", got, want)
		}
	}
	for _, tt := range []struct {
		name       string
		prev, next int64
	}{
		{"qinghe-2024h1.txt", 0, ids["qinghe-2024.txt"]},
		{"qinghe-2024.txt", ids["qinghe-2024h1.txt"], 0},
		{"shiqiao-2024.txt", 0, ids["shiqiao-2025.txt"]},
		{"shiqiao-2025.txt", ids["shiqiao-2024.txt"], 0},
		{"liuhe-2024.md", 0, 0},
	} {
		rep, err := a.Report(ctx, ids[tt.name], 0)
		if err != nil {
			t.Fatal(err)
		}
		prev, next, err := a.Neighbours(ctx, rep.Summary)
		if err != nil {
			t.Fatal(err)
		}
		var p, n int64
		if prev != nil {
			p = prev.ID
		}
		if next != nil {
			n = next.ID
		}
		if p != tt.prev || n != tt.next {
			t.Errorf("%s: neighbours %d, %d; want %d, %d", tt.name, p, n, tt.prev, tt.next)
		}
	}
}
