package app_test

import (
	"context"
	"strings"
	"testing"

	"zongjie"
	"zongjie/app"
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

// Ensure SeriesAcross puts one period's indicators side by side, unit by
// unit in name order, those of two units or more, most units first; a
// name keeps the matching ones; a period without reports is not found.
func TestSeriesAcross(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	for _, n := range []string{"qinghe-2024.txt", "shiqiao-2025.txt", "qinghe-2024h1.txt", "liuhe-2024.md", "shiqiao-2024.txt"} {
		addOne(t, a, upload(t, n))
	}
	fy := zongjie.Term{Year: 2024, Period: zongjie.PeriodFullYear}
	r, err := a.SeriesAcross(ctx, fy, "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(r.Units, ",") != "柳河乡,石桥镇,青禾街道" {
		t.Errorf("units %v", r.Units)
	}
	var jobs *app.AcrossIndicator
	for i, ind := range r.Indicators {
		if len(ind.Values) < 2 || i > 0 && len(ind.Values) > len(r.Indicators[i-1].Values) {
			t.Errorf("indicator %d %s of %d units, after one of %d", i, ind.Key, len(ind.Values), len(r.Indicators[max(i-1, 0)].Values))
		}
		if ind.Key == "城镇新增就业" {
			jobs = &r.Indicators[i]
		}
	}
	if jobs == nil || len(jobs.Values) != 3 || jobs.Values[0].Unit != "柳河乡" || jobs.Values[2].Point.Figure != "2105人" {
		t.Fatalf("城镇新增就业: %+v", jobs)
	}
	r, err = a.SeriesAcross(ctx, fy, "就业")
	if err != nil || len(r.Indicators) == 0 {
		t.Fatalf("by name: %+v, %v", r, err)
	}
	for _, ind := range r.Indicators {
		if !strings.Contains(ind.Key, "就业") {
			t.Errorf("by name 就业: %s", ind.Key)
		}
	}
	if _, err := a.SeriesAcross(ctx, zongjie.Term{Year: 1999, Period: zongjie.PeriodFullYear}, ""); code(err) != app.NotFound {
		t.Errorf("1999: %v, want NotFound", err)
	}
}
