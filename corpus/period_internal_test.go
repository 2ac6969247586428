package corpus

import (
	"context"
	"errors"
	"slices"
	"testing"

	"zongjie"
	"zongjie/extract"
	"zongjie/reader"
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
			prev, groups, _ := previousReports(ds)
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

// readLoaded reads text as the stored report id, already read.
func readLoaded(t *testing.T, id int64, text string) *loadedReport {
	t.Helper()
	f, err := reader.Read("r.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return &loadedReport{rec: &store.Report{ID: id}, file: f, rep: extract.File(f)[0], read: true}
}

// TestTrackGroupUnreadableMember: a member of a period group that cannot
// be read again tells nothing, whichever member the group is tracked
// for first: the group is tracked in the others, once. (It was tracked
// in none when the unreadable one came first, and in the others when it
// came later.) Near miss: an unreadable previous report gives no targets
// to any member.
func TestTrackGroupUnreadableMember(t *testing.T) {
	const (
		plan = "2025年工作总结和2026年工作计划\n一、2025年工作回顾\n全年地区生产总值增长5%。\n" +
			"二、2026年工作计划\n今年全镇主要目标是：地区生产总值增长6%，城镇新增就业1000人以上。\n"
		year = "2026年工作总结\n一、2026年工作回顾\n全年地区生产总值增长6.5%，城镇新增就业1100人。\n二、2027年工作安排\n继续抓好发展。\n"
	)
	prev := readLoaded(t, 1, plan)
	ok := readLoaded(t, 2, year)
	bad := &loadedReport{rec: &store.Report{ID: 3}, read: true, err: errors.New("unreadable")}
	ds := []DeskReport{{Report: store.Summary{ID: 2}}, {Report: store.Summary{ID: 3}}}
	group := []int{0, 1}
	for _, k := range []int{0, 1} {
		r := []*loadedReport{ok, bad}[k]
		loaded := map[int64]*loadedReport{2: ok, 3: bad}
		tracked := map[int]*groupTracked{}
		g, err := trackGroup(context.Background(), nil, ds, group, k, r, -1, prev, nil, loaded, tracked)
		if err != nil {
			t.Fatal(err)
		}
		if g == nil || len(g.ids) != 1 || g.ids[0] != 2 {
			t.Fatalf("tracked first for member %d: %+v, want tracked in report 2 alone", k, g)
		}
		var f DeskFigures
		g.figures(r.rec.ID, &f)
		if f.Targets != 2 || f.Met != 2 {
			t.Errorf("tracked first for member %d: %d targets, %d met; want 2 and 2", k, f.Targets, f.Met)
		}
		// The other member gets the same, once tracked.
		if again, _ := trackGroup(context.Background(), nil, ds, group, 1-k, []*loadedReport{ok, bad}[1-k], -1, prev, nil, loaded, tracked); again != g {
			t.Errorf("tracked first for member %d: the other member's result differs", k)
		}
	}

	// Near miss: the previous report unreadable.
	badPrev := &loadedReport{rec: &store.Report{ID: 1}, read: true, err: errors.New("unreadable")}
	g, err := trackGroup(context.Background(), nil, ds, group, 0, ok, -1, badPrev, nil, map[int64]*loadedReport{2: ok, 3: bad}, map[int]*groupTracked{})
	if err != nil || g != nil {
		t.Errorf("unreadable previous report: %+v, %v; want nil", g, err)
	}
}

// TestTrackGroupNoneReadable: a report alone that cannot be read again
// gets no targets (not every target unreported); near miss: readable, it
// gets them.
func TestTrackGroupNoneReadable(t *testing.T) {
	prev := readLoaded(t, 1, "2026年工作计划\n一、2026年工作计划\n今年全镇主要目标是：地区生产总值增长6%，城镇新增就业1000人以上。\n")
	bad := &loadedReport{rec: &store.Report{ID: 3}, read: true, err: errors.New("unreadable")}
	ds := []DeskReport{{Report: store.Summary{ID: 3}}}
	g, err := trackGroup(context.Background(), nil, ds, nil, 0, bad, -1, prev, nil, map[int64]*loadedReport{}, map[int]*groupTracked{})
	if err != nil || g != nil {
		t.Errorf("unreadable report alone: %+v, %v; want nil", g, err)
	}
	ok := readLoaded(t, 3, "2026年工作总结\n一、2026年工作回顾\n全年地区生产总值增长6.5%。\n")
	g, err = trackGroup(context.Background(), nil, ds, nil, 0, ok, -1, prev, nil, map[int64]*loadedReport{}, map[int]*groupTracked{})
	if err != nil || g == nil || len(g.outcome.Results) == 0 {
		t.Errorf("readable report alone: %+v, %v; want its targets tracked", g, err)
	}
}
