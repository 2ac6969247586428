package corpus

import (
	"slices"
	"testing"

	"zongjie"
	"zongjie/store"
)

// Ensure the reports of one period group are those of one unit reviewing
// the same term, and share the previous report. Each case is two reports
// of 石桥镇 (or as given) beside its 2025 report: a hit when they review
// one term, and the near misses of each part of the key: another term
// ending with it (H2 and the year, H1 and Q2), another year, another unit,
// a plan alone, a unit that is a placeholder, no year known.
func TestPeriodGroups(t *testing.T) {
	type rep struct {
		unit   string
		years  []int
		period string
		genre  string
	}
	year := func(y int, genre string) rep { return rep{"石桥镇", []int{y, y + 1}, "", genre} }
	tests := []struct {
		name  string
		a, b  rep
		group bool
	}{
		{"a year's summary and a topic report", year(2026, "summary+plan"), year(2026, "summary"), true},
		{"a year's summary and a speech reviewing the year", year(2026, "summary+plan"), rep{"石桥镇", []int{2026}, "FY", "speech"}, true},
		{"a 年中讲话 and the half-year's summary", rep{"石桥镇", []int{2026}, "H1", "speech"}, rep{"石桥镇", []int{2026}, "H1", "summary+plan"}, true},
		// near misses
		{"a 年中讲话 and the year's summary", rep{"石桥镇", []int{2026}, "H1", "speech"}, year(2026, "summary+plan"), false},
		{"the second half-year and the year", rep{"石桥镇", []int{2026}, "H2", "summary"}, year(2026, "summary"), false},
		{"the first half-year and the second quarter", rep{"石桥镇", []int{2026}, "H1", "summary"}, rep{"石桥镇", []int{2026}, "Q2", "summary"}, false},
		{"two years", year(2026, "summary"), year(2027, "summary"), false},
		{"two units", year(2026, "summary"), rep{"柳河乡", []int{2026}, "", "summary"}, false},
		{"a plan alone", rep{"石桥镇", []int{2026}, "", "plan"}, rep{"石桥镇", []int{2026}, "", "plan"}, false},
		{"a placeholder for a unit", rep{"xx镇", []int{2026}, "", "summary"}, rep{"xx镇", []int{2026}, "", "summary"}, false},
		{"no year", rep{"石桥镇", nil, "", "summary"}, rep{"石桥镇", nil, "", "summary"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ds []DeskReport
			for i, r := range []rep{year(2025, "summary+plan"), tt.a, tt.b} {
				s := store.Summary{ID: int64(i + 1), Unit: r.unit, Years: r.years, Period: r.period, Genre: r.genre}
				if i == 0 && r.unit != tt.a.unit {
					s.Unit = tt.a.unit
				}
				ds = append(ds, DeskReport{Report: s, Order: ReportOrder(s.Years, s.Period, s.Genre)})
			}
			prev, groups := previousReports(ds)
			if got := groups[1] != nil; got != tt.group {
				t.Fatalf("grouped %v, want %v (groups %v)", got, tt.group, groups)
			}
			if tt.group {
				if !slices.Equal(groups[1], []int{1, 2}) || !slices.Equal(groups[2], groups[1]) {
					t.Errorf("groups %v, want both reports in each", groups)
				}
				if prev[1] != 0 || prev[2] != 0 {
					t.Errorf("previous %v, want the 2025 report for both", prev)
				}
				if g := groupDigest(ds, groups[1]); g == 0 || g == groupDigest(ds, groups[1][:1]) {
					t.Errorf("digest %x of the group is that of its first report", g)
				}
			}
			// The app's lookup gives the same group.
			term := zongjie.TermOf(1, "")
			if len(tt.a.years) > 0 {
				term = zongjie.TermOf(tt.a.years[0], tt.a.period)
			}
			list := []store.Summary{ds[0].Report, ds[1].Report, ds[2].Report}
			_, ids := PeriodGroup(list, ds[1].Report.Unit, *term)
			want := 1
			if tt.group {
				want = 2
			}
			if len(tt.a.years) == 0 || tt.a.genre == "plan" {
				want = 0 // in no group, not even alone
			}
			if tt.a.unit == "xx镇" {
				want = 1 // alone: a placeholder is no unit to gather by
			}
			if len(ids) != want {
				t.Errorf("PeriodGroup gives %v, want %d reports", ids, want)
			}
		})
	}
}

// Ensure a stamp's part of the previous report reads back with its group.
func TestUnitStamp(t *testing.T) {
	for _, g := range []uint64{0, 1, 0x9f3a, ^uint64(0)} {
		ref, group := parseUnitStamp(unitStamp(12, 3, g))
		if ref != (versionRef{id: 12, version: 3}) || group != g {
			t.Errorf("group %x: read %+v %x", g, ref, group)
		}
	}
	if ref, _ := parseUnitStamp("12.3+zz"); !ref.bad {
		t.Errorf("a bad digest reads as %+v", ref)
	}
	if ref, g := parseUnitStamp("-"); ref != (versionRef{}) || g != 0 {
		t.Errorf("no previous report reads as %+v %x", ref, g)
	}
}
