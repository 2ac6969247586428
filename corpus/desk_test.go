package corpus_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"zongjie/corpus"
	"zongjie/store"
	"zongjie/store/pgtest"
	"zongjie/store/postgres"
	"zongjie/store/sqlite"
)

// Reports of our own for the desk: one unit's two years, the second
// made from the first (years moved on, figures changed, placeholders
// left), another unit copying a paragraph of it, and a unit of its own.
const (
	deskCopied = "坚持把社区网格化治理作为基层工作的重要抓手，全面推行“网格员+楼栋长+志愿者”联动机制，" +
		"每月开展入户走访和矛盾排查，建立问题发现、登记、交办、反馈的闭环流程，群众满意度持续提升。"
	deskQinghe2023 = "青禾街道2023年工作总结及2024年工作计划\n" +
		"一、2023年工作总结\n" +
		"全年新增就业1200人，完成固定资产投资3.2亿元，新建口袋公园4个。\n" +
		deskCopied + "\n" +
		"聚焦老旧小区改造，完成柳塘小区、桂花苑等小区的外墙翻新和管网更新，惠及居民两千余户，小区面貌焕然一新，居民生活更加便利。\n" +
		"二、存在问题\n产业基础薄弱，招商引资后劲不足。\n" +
		"三、2024年工作计划\n力争新增就业1300人，完成道路改造5公里，新建口袋公园3个。\n"
	deskQinghe2024 = "青禾街道2024年工作总结及2025年工作计划\n" +
		"一、2024年工作总结\n" +
		"全年新增就业1350人，完成固定资产投资xx亿元，新建口袋公园3个。\n" +
		deskCopied + "\n" +
		"聚焦老旧小区改造，完成柳塘小区、桂花苑等小区的外墙翻新和管网更新，惠及居民两千余户，小区面貌焕然一新，居民生活更加便利。\n" +
		"二、存在问题\n产业基础薄弱，招商引资后劲不足。\n" +
		"三、2025年工作计划\n力争新增就业1400人，新建口袋公园**个。\n"
	deskLiutang2024 = "柳塘镇2024年工作总结\n" +
		"一、主要工作\n全镇粮食播种面积稳定在八万亩，完成高标准农田建设一万二千亩。\n" +
		deskCopied + "\n" +
		"二、下一步打算\n继续抓好粮食生产和农田水利建设。\n"
	deskShiwan2024 = "石湾乡2024年工作总结\n" +
		"一、主要工作\n全乡新修机耕道路十二公里，改造危旧房屋三十六户，引进特色种植项目两个。\n" +
		"二、下一步打算\n做强茶叶产业，办好乡村旅游节。\n"
)

// countingStore counts the reports read whole and the figures put.
type countingStore struct {
	store.Store
	gets, puts atomic.Int64
}

func (c *countingStore) Get(ctx context.Context, id int64) (*store.Report, error) {
	c.gets.Add(1)
	return c.Store.Get(ctx, id)
}

func (c *countingStore) PutFigures(ctx context.Context, fs []store.Figures) error {
	c.puts.Add(int64(len(fs)))
	return c.Store.PutFigures(ctx, fs)
}

// addTexts adds texts (name → text) to st, checked, and returns their IDs
// by name.
func addTexts(t *testing.T, st store.Store, texts map[string]string, check bool) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	var in []corpus.Input
	for name, text := range texts {
		in = append(in, corpus.Input{Path: name, Data: []byte(text)})
	}
	if _, err := corpus.AddInputs(ctx, st, in, corpus.AddOptions{Options: corpus.Options{Check: check}}); err != nil {
		t.Fatal(err)
	}
	list, err := st.List(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, s := range list {
		for name := range texts {
			if strings.HasSuffix(s.Path, name) {
				ids[name] = s.ID
			}
		}
	}
	if len(ids) != len(texts) {
		t.Fatalf("stored %v, want %d reports", ids, len(texts))
	}
	return ids
}

// desk returns the desk's figures by report ID.
func desk(t *testing.T, st store.Store) map[int64]corpus.DeskReport {
	t.Helper()
	ds, err := corpus.Desk(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]corpus.DeskReport{}
	for _, d := range ds {
		out[d.Report.ID] = d
	}
	return out
}

// Ensure the desk's figures say what each report holds: findings and
// placeholders, the share found in the unit's previous report and how its
// targets fared, the share found in other units' reports and whose.
func TestDeskFigures(t *testing.T) {
	st := openSQLite(t)
	ids := addTexts(t, st, map[string]string{
		"qinghe-2023.txt": deskQinghe2023, "qinghe-2024.txt": deskQinghe2024,
		"liutang-2024.txt": deskLiutang2024, "shiwan-2024.txt": deskShiwan2024,
	}, true)
	got := desk(t, st)
	q23, q24 := got[ids["qinghe-2023.txt"]].Figures, got[ids["qinghe-2024.txt"]].Figures
	lt, sw := got[ids["liutang-2024.txt"]].Figures, got[ids["shiwan-2024.txt"]].Figures

	if !q24.Checked || q24.Placeholders < 2 || q24.Errors < 2 {
		t.Errorf("qinghe 2024: checked %v, %d placeholders, %d errors; want the xx and ** found", q24.Checked, q24.Placeholders, q24.Errors)
	}
	if q23.Placeholders != 0 {
		t.Errorf("qinghe 2023: %d placeholders, want 0", q23.Placeholders)
	}
	if q24.Previous != ids["qinghe-2023.txt"] || q24.PreviousShare < 0.5 {
		t.Errorf("qinghe 2024: previous %d share %.3f, want %d and most of the text", q24.Previous, q24.PreviousShare, ids["qinghe-2023.txt"])
	}
	if q23.Previous != 0 || q23.Targets != 0 {
		t.Errorf("qinghe 2023 has no previous report: %+v", q23)
	}
	// 2023's plan: 就业1300 (met by 1350), 道路改造5公里 (not reported),
	// 口袋公园3个 (met).
	if q24.Targets < 2 || q24.Met < 1 || q24.Unreported < 1 || q24.Met+q24.Partial+q24.Missed+q24.Unreported != q24.Targets {
		t.Errorf("qinghe 2024 targets: %d (met %d, partial %d, missed %d, unreported %d)", q24.Targets, q24.Met, q24.Partial, q24.Missed, q24.Unreported)
	}
	if lt.OthersShare <= 0 || lt.Other != ids["qinghe-2023.txt"] && lt.Other != ids["qinghe-2024.txt"] || lt.OtherShare <= 0 {
		t.Errorf("liutang: others' share %.3f, other %d (%.3f); want the copied paragraph found in qinghe's", lt.OthersShare, lt.Other, lt.OtherShare)
	}
	if lt.Previous != 0 {
		t.Errorf("liutang: previous %d, want none (another unit's report is no previous report)", lt.Previous)
	}
	// The near miss: a unit of its own shares nothing, and the share
	// between the two years of one unit is not another unit's.
	if sw.OthersShare != 0 || sw.Other != 0 {
		t.Errorf("shiwan: others' share %.3f, other %d; want none", sw.OthersShare, sw.Other)
	}
	if q23.Other == ids["qinghe-2024.txt"] || q24.Other == ids["qinghe-2023.txt"] {
		t.Errorf("qinghe's years count as another unit's: %d, %d", q23.Other, q24.Other)
	}
	if q24.OthersShare >= q24.PreviousShare {
		t.Errorf("qinghe 2024: others' share %.3f not below the previous report's %.3f", q24.OthersShare, q24.PreviousShare)
	}
}

// Ensure a plan alone (a 工作计划 that reviews nothing) is not asked for
// the outcomes of the unit's previous plan: no target of it is counted,
// none unreported (it was a reason to send the plan back). Near miss: the
// next year's summary is.
func TestDeskPlanAlone(t *testing.T) {
	st := openSQLite(t)
	ids := addTexts(t, st, map[string]string{
		"qinghe-2023.txt": deskQinghe2023,
		"qinghe-2024plan.txt": "青禾街道2024年工作计划\n一、主要目标\n力争新增就业1300人，新建口袋公园3个。\n" +
			"二、主要措施\n抓好就业服务，建好口袋公园。\n",
	}, true)
	got := desk(t, st)
	if p := got[ids["qinghe-2024plan.txt"]].Figures; p.Previous != ids["qinghe-2023.txt"] || p.Targets != 0 || p.Unreported != 0 {
		t.Errorf("the 2024 plan: previous %d, %d targets (%d unreported); want %d and none", p.Previous, p.Targets, p.Unreported, ids["qinghe-2023.txt"])
	}
	st2 := openSQLite(t)
	ids = addTexts(t, st2, map[string]string{"qinghe-2023.txt": deskQinghe2023, "qinghe-2024.txt": deskQinghe2024}, true)
	if q := desk(t, st2)[ids["qinghe-2024.txt"]].Figures; q.Targets == 0 {
		t.Errorf("the 2024 summary: no target of the 2023 plan tracked")
	}
}

// Ensure the figures are computed once and again only when what they
// depend on changes: nothing on a second look; after a report of another
// unit is added, only its own and the others' shares; after a new
// version, the report's and its successor's; after a removal, the
// successor's.
func TestDeskCache(t *testing.T) {
	ctx := context.Background()
	cs := &countingStore{Store: openSQLite(t)}
	ids := addTexts(t, cs, map[string]string{"qinghe-2023.txt": deskQinghe2023, "qinghe-2024.txt": deskQinghe2024}, true)
	desk(t, cs)
	if cs.puts.Load() != 2 {
		t.Errorf("first look: %d figures stored, want 2", cs.puts.Load())
	}
	cs.gets.Store(0)
	cs.puts.Store(0)
	desk(t, cs)
	if cs.gets.Load() != 0 || cs.puts.Load() != 0 {
		t.Errorf("second look: %d reports read, %d figures stored; want none", cs.gets.Load(), cs.puts.Load())
	}

	// Another unit: its own figures (one report read), everyone's
	// others' share stored again.
	more := addTexts(t, cs, map[string]string{"liutang-2024.txt": deskLiutang2024}, true)
	cs.gets.Store(0)
	cs.puts.Store(0)
	got := desk(t, cs)
	if cs.gets.Load() != 1 || cs.puts.Load() != 3 {
		t.Errorf("after adding another unit's report: %d reports read (want 1), %d figures stored (want 3)", cs.gets.Load(), cs.puts.Load())
	}
	if f := got[ids["qinghe-2024.txt"]].Figures; f.Other != more["liutang-2024.txt"] {
		t.Errorf("qinghe 2024: other %d, want liutang's %d", f.Other, more["liutang-2024.txt"])
	}

	// A new version of 2023 without the paragraph of 2024's: 2023 read
	// for its own figures, and 2024 to compare with it (2023 read once).
	before := got[ids["qinghe-2024.txt"]].Figures.PreviousShare
	r, err := cs.Store.Get(ctx, ids["qinghe-2023.txt"])
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(deskQinghe2023, "聚焦老旧小区改造，完成柳塘小区、桂花苑等小区的外墙翻新和管网更新，惠及居民两千余户，小区面貌焕然一新，居民生活更加便利。\n", "", 1)
	rs, err := corpus.Prepare(r.Path, []byte(edited), corpus.Options{Check: true})
	if err != nil {
		t.Fatal(err)
	}
	rs[0].ID = r.ID
	if _, added, err := cs.Store.Put(ctx, rs[0]); err != nil || !added {
		t.Fatalf("new version: %v %v", added, err)
	}
	cs.gets.Store(0)
	got = desk(t, cs)
	if n := cs.gets.Load(); n != 2 {
		t.Errorf("after a new version of 2023: %d reports read, want 2 (2023, then 2024 compared with it)", n)
	}
	after := got[ids["qinghe-2024.txt"]].Figures
	if after.PreviousShare >= before {
		t.Errorf("qinghe 2024's share of 2023 %.3f → %.3f after a paragraph was cut from 2023", before, after.PreviousShare)
	}

	// A later report of the unit changes nothing of 2024's.
	addTexts(t, cs, map[string]string{"qinghe-2025.txt": strings.ReplaceAll(strings.ReplaceAll(deskQinghe2024, "2025", "2026"), "2024", "2025")}, true)
	cs.gets.Store(0)
	got = desk(t, cs)
	if n := cs.gets.Load(); n != 2 {
		t.Errorf("after adding 2025: %d reports read, want 2 (2025 and its previous, 2024)", n)
	}
	if f := got[ids["qinghe-2024.txt"]].Figures; f.Previous != after.Previous || f.PreviousShare != after.PreviousShare || f.Targets != after.Targets {
		t.Errorf("qinghe 2024's figures changed when 2025 was added: %+v, were %+v", f, after)
	}

	// Removing 2023 leaves 2024 without a previous report.
	if err := cs.Store.Delete(ctx, ids["qinghe-2023.txt"]); err != nil {
		t.Fatal(err)
	}
	got = desk(t, cs)
	if f := got[ids["qinghe-2024.txt"]].Figures; f.Previous != 0 || f.PreviousShare != 0 || f.Targets != 0 {
		t.Errorf("qinghe 2024 after 2023 was removed: %+v", f)
	}
	if _, ok := got[ids["qinghe-2023.txt"]]; ok || len(got) != 3 {
		t.Errorf("after a removal: %d reports on the desk", len(got))
	}
}

// Ensure a report stored without its findings is checked for the desk.
func TestDeskUnchecked(t *testing.T) {
	st := openSQLite(t)
	ids := addTexts(t, st, map[string]string{"qinghe-2024.txt": deskQinghe2024}, false)
	f := desk(t, st)[ids["qinghe-2024.txt"]].Figures
	if !f.Checked || f.Placeholders < 2 {
		t.Errorf("unchecked report: checked %v, %d placeholders", f.Checked, f.Placeholders)
	}
}

// Ensure reports are ordered by the periods they cover, a plan alone at
// the start of its year.
func TestReportOrder(t *testing.T) {
	for _, c := range []struct {
		a, b []any // years, period, genre
	}{
		{[]any{[]int{2024}, "H1", "summary+plan"}, []any{[]int{2024, 2025}, "FY", "summary+plan"}},
		{[]any{[]int{2024}, "", "plan"}, []any{[]int{2024}, "Q1", "summary"}},
		{[]any{[]int{2023, 2024}, "FY", "summary+plan"}, []any{[]int{2024}, "", "plan"}},
	} {
		oa := corpus.ReportOrder(c.a[0].([]int), c.a[1].(string), c.a[2].(string))
		ob := corpus.ReportOrder(c.b[0].([]int), c.b[1].(string), c.b[2].(string))
		if oa >= ob {
			t.Errorf("%v (%d) not before %v (%d)", c.a, oa, c.b, ob)
		}
	}
	if o := corpus.ReportOrder(nil, "FY", "summary"); o != 0 {
		t.Errorf("no years: %d, want 0", o)
	}
}

// hiding is a view of the store that does not list one report.
type hiding struct {
	store.Store
	hidden int64
}

func (h hiding) List(ctx context.Context, f store.Filter) ([]store.Summary, error) {
	list, err := h.Store.List(ctx, f)
	out := list[:0]
	for _, s := range list {
		if s.ID != h.hidden {
			out = append(out, s)
		}
	}
	return out, err
}

// Ensure DeskStored computes and stores nothing: figures never computed
// are Pending, those computed are shown as stored, a new version makes
// its report's (and its successor's) Stale while the others stay fresh,
// and a view that does not list the other unit's report shared with most
// does not name it.
func TestDeskStored(t *testing.T) {
	ctx := context.Background()
	cs := &countingStore{Store: openSQLite(t)}
	ids := addTexts(t, cs, map[string]string{
		"qinghe-2023.txt": deskQinghe2023, "qinghe-2024.txt": deskQinghe2024, "liutang-2024.txt": deskLiutang2024,
	}, true)
	stored := func(st store.Store) map[int64]corpus.DeskReport {
		t.Helper()
		ds, err := corpus.DeskStored(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		out := map[int64]corpus.DeskReport{}
		for _, d := range ds {
			out[d.Report.ID] = d
		}
		return out
	}
	before := stored(cs)
	if len(before) != 3 || cs.gets.Load() != 0 || cs.puts.Load() != 0 {
		t.Fatalf("DeskStored on a new store: %d reports, %d read, %d figures stored; want 3, none, none", len(before), cs.gets.Load(), cs.puts.Load())
	}
	for id, d := range before {
		if !d.Pending || d.Stale || d.Figures != (corpus.DeskFigures{}) {
			t.Errorf("report %d before any computation: pending %v, stale %v, %+v", id, d.Pending, d.Stale, d.Figures)
		}
	}
	computed := desk(t, cs)
	cs.puts.Store(0)
	now := stored(cs)
	for id, d := range now {
		if d.Pending || d.Stale || d.Figures != computed[id].Figures {
			t.Errorf("report %d once computed: pending %v, stale %v, %+v; want %+v", id, d.Pending, d.Stale, d.Figures, computed[id].Figures)
		}
	}
	lt := ids["liutang-2024.txt"]
	other := now[lt].Figures.Other
	if other == 0 {
		t.Fatal("liutang shares no text with qinghe: the test needs it to")
	}
	if f := stored(hiding{Store: cs, hidden: other})[lt].Figures; f.Other != 0 || f.OtherShare != 0 || f.OthersShare != now[lt].Figures.OthersShare {
		t.Errorf("a view without report %d: other %d (%.3f), others' share %.3f; want the share and no report named", other, f.Other, f.OtherShare, f.OthersShare)
	}

	// A new version of 2023: 2023 and 2024 (compared with it) stale,
	// with the figures they had; liutang's own figures fresh.
	r, err := cs.Store.Get(ctx, ids["qinghe-2023.txt"])
	if err != nil {
		t.Fatal(err)
	}
	rs, err := corpus.Prepare(r.Path, []byte(strings.Replace(deskQinghe2023, "新建口袋公园4个", "新建口袋公园5个", 1)), corpus.Options{Check: true})
	if err != nil {
		t.Fatal(err)
	}
	rs[0].ID = r.ID
	if _, added, err := cs.Store.Put(ctx, rs[0]); err != nil || !added {
		t.Fatalf("new version: %v %v", added, err)
	}
	after := stored(cs)
	for name, want := range map[string]bool{"qinghe-2023.txt": true, "qinghe-2024.txt": true, "liutang-2024.txt": false} {
		d := after[ids[name]]
		if d.Stale != want || d.Pending || d.Figures != now[ids[name]].Figures {
			t.Errorf("%s after a new version of 2023: stale %v (want %v), pending %v, figures %+v (were %+v)", name, d.Stale, want, d.Pending, d.Figures, now[ids[name]].Figures)
		}
	}
	if cs.puts.Load() != 0 {
		t.Errorf("DeskStored stored %d figures, want none", cs.puts.Load())
	}
}

// Ensure a DeskCache's answer is DeskStored's, read afresh, after every
// kind of change, made by this store or by another process's (a second
// handle on the database): reports added, figures computed, a new version
// (a fix, a metadata edit), the trash and a restore from it, a deletion;
// on SQLite and on PostgreSQL.
func TestDeskCacheStored(t *testing.T) {
	onBothStores(t, testDeskCacheSteps)
}

// Ensure a DeskCache's answer is DeskStored's once the writes are done,
// after looks while other processes stored figures and moved reports to
// and from the trash, on SQLite and on PostgreSQL.
func TestDeskCacheConcurrent(t *testing.T) {
	onBothStores(t, testDeskCacheConcurrent)
}

// onBothStores runs test on a new SQLite database and on a new
// PostgreSQL one, with a function that opens a handle on it.
func onBothStores(t *testing.T, test func(t *testing.T, open func() store.Store)) {
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "z.db")
		test(t, func() store.Store {
			st, err := sqlite.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st
		})
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := pgtest.CreateDatabase(t, "C.UTF-8")
		test(t, func() store.Store {
			st, err := postgres.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st
		})
	})
}

// testDeskCacheConcurrent is TestDeskCacheConcurrent on two handles on
// one database that open makes.
func testDeskCacheConcurrent(t *testing.T, open func() store.Store) {
	ctx := context.Background()
	st := open()
	ids := addTexts(t, st, map[string]string{"concurrent-a.txt": deskQinghe2023, "concurrent-b.txt": deskLiutang2024}, true)
	var list []int64
	for _, id := range ids {
		list = append(list, id)
	}
	var (
		c      corpus.DeskCache
		wg     sync.WaitGroup
		stop   atomic.Bool
		looked atomic.Int64
	)
	for w := range 3 {
		other := open()
		wg.Go(func() {
			for i := range 40 {
				id := list[(w+i)%len(list)]
				var err error
				switch i % 4 {
				case 1:
					err = other.Trash(ctx, id)
				case 3:
					err = other.Untrash(ctx, id)
				default:
					data := fmt.Sprintf(`{"checked":true,"placeholders":%d}`, w*100+i)
					err = other.PutFigures(ctx, []store.Figures{{Report: id, Stamp: "x|-|", Data: json.RawMessage(data)}})
				}
				if err != nil && !errors.Is(err, store.ErrNotFound) {
					t.Error(err)
					return
				}
			}
		})
	}
	var looks sync.WaitGroup
	for range 3 {
		looks.Go(func() {
			for !stop.Load() {
				if _, err := c.Stored(ctx, st, st); err != nil {
					t.Error(err)
					return
				}
				looked.Add(1)
			}
		})
	}
	wg.Wait()
	stop.Store(true)
	looks.Wait()
	got, err := c.Stored(ctx, st, st)
	if err != nil {
		t.Fatal(err)
	}
	want, err := corpus.DeskStored(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after %d looks during the writes, the cache's desk differs from the store's:\n%+v\nwant\n%+v", looked.Load(), got, want)
	}
}

// testDeskCacheSteps is TestDeskCacheStored on two handles on one
// database that open makes.
func testDeskCacheSteps(t *testing.T, open func() store.Store) {
	ctx := context.Background()
	st, other := open(), open()
	var c corpus.DeskCache
	same := func(step string) {
		t.Helper()
		for _, view := range []store.Store{st, hiding{Store: st, hidden: 2}} {
			got, err := c.Stored(ctx, view, st)
			if err != nil {
				t.Fatal(err)
			}
			want, err := corpus.DeskStored(ctx, view)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the cache's desk differs from the store's:\n%+v\nwant\n%+v", step, got, want)
			}
		}
	}
	compute := func(s store.Store) {
		t.Helper()
		if _, err := corpus.Desk(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	newVersion := func(s store.Store, id int64, edit func(string) string) {
		t.Helper()
		r, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := corpus.Prepare(r.Path, []byte(edit(r.Text)), corpus.Options{Check: true})
		if err != nil {
			t.Fatal(err)
		}
		rs[0].ID = r.ID
		if _, added, err := s.Put(ctx, rs[0]); err != nil || !added {
			t.Fatalf("new version: %v %v", added, err)
		}
	}

	ids := addTexts(t, st, map[string]string{"qinghe-2023.txt": deskQinghe2023, "qinghe-2024.txt": deskQinghe2024}, true)
	same("added, never computed")
	compute(st)
	same("computed")
	addTexts(t, other, map[string]string{"liutang-2024.txt": deskLiutang2024}, true)
	same("added by another process")
	compute(other)
	same("computed by another process")
	newVersion(st, ids["qinghe-2023.txt"], func(s string) string {
		return strings.Replace(s, "新建口袋公园4个", "新建口袋公园5个", 1)
	})
	same("fixed")
	compute(st)
	same("fixed, computed")
	newVersion(other, ids["qinghe-2024.txt"], func(s string) string { return strings.Replace(s, "青禾街道", "石湾乡", 1) })
	same("unit edited by another process")
	compute(other)
	same("unit edited, computed by another process")
	if err := other.Trash(ctx, ids["qinghe-2023.txt"]); err != nil {
		t.Fatal(err)
	}
	same("trashed by another process")
	compute(st)
	same("trashed, computed")
	if err := other.Untrash(ctx, ids["qinghe-2023.txt"]); err != nil {
		t.Fatal(err)
	}
	same("restored by another process")
	compute(other)
	same("restored, computed by another process")
	if err := other.Delete(ctx, ids["qinghe-2024.txt"]); err != nil {
		t.Fatal(err)
	}
	same("deleted by another process")
	compute(st)
	same("deleted, computed")
}

// sinceCounting is a store that counts what FiguresSince gives.
type sinceCounting struct {
	*sqlite.Store
	all, figures atomic.Int64
}

func (s *sinceCounting) FiguresSince(ctx context.Context, mark string) (store.FiguresDelta, error) {
	d, err := s.Store.FiguresSince(ctx, mark)
	if d.All {
		s.all.Add(1)
	}
	s.figures.Add(int64(len(d.Figures)))
	return d, err
}

// Ensure a DeskCache reads every report's figures once, then only those
// stored since its last look: none when nothing changed.
func TestDeskCacheReadsChanges(t *testing.T) {
	ctx := context.Background()
	st := &sinceCounting{Store: openSQLite(t).(*sqlite.Store)}
	ids := addTexts(t, st, map[string]string{
		"qinghe-2023.txt": deskQinghe2023, "qinghe-2024.txt": deskQinghe2024, "liutang-2024.txt": deskLiutang2024,
	}, true)
	if _, err := corpus.Desk(ctx, st); err != nil {
		t.Fatal(err)
	}
	var c corpus.DeskCache
	look := func(step string, all, figures int64) {
		t.Helper()
		st.all.Store(0)
		st.figures.Store(0)
		ds, err := c.Stored(ctx, st, st)
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) != 3 {
			t.Errorf("%s: %d reports on the desk, want 3", step, len(ds))
		}
		if st.all.Load() != all || st.figures.Load() != figures {
			t.Errorf("%s: read every report's figures %d times and %d figures; want %d and %d", step, st.all.Load(), st.figures.Load(), all, figures)
		}
	}
	look("first look", 1, 3)
	look("nothing changed", 0, 0)
	fs, err := st.Figures(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Report == ids["qinghe-2024.txt"] {
			if err := st.PutFigures(ctx, []store.Figures{f}); err != nil {
				t.Fatal(err)
			}
		}
	}
	look("one report's figures stored", 0, 1)
}

// Ensure the desk is the one computed anew after any sequence of adds,
// new versions, trash and restores, deletions, computations on the whole
// store and on views of it, on SQLite and on PostgreSQL.
func TestDeskStampsRandom(t *testing.T) {
	onBothStores(t, func(t *testing.T, open func() store.Store) {
		ctx := context.Background()
		st := open()
		texts := []string{deskQinghe2023, deskQinghe2024, deskLiutang2024, deskShiwan2024,
			strings.ReplaceAll(deskShiwan2024, "石湾乡", "东山乡") + deskCopied + "\n",
			strings.ReplaceAll(deskLiutang2024, "柳塘镇", "桂花镇")}
		r := rand.New(rand.NewPCG(7, 11))
		added := 0
		var live, trashed []int64
		refresh := func() {
			list, err := st.List(ctx, store.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			live = live[:0]
			for _, s := range list {
				live = append(live, s.ID)
			}
		}
		for step := range 40 {
			var what string
			switch op := r.IntN(6); {
			case op == 0 && added < len(texts) || len(live) == 0:
				if added == len(texts) {
					continue
				}
				addTexts(t, st, map[string]string{fmt.Sprintf("r%d.txt", added): texts[added]}, true)
				added++
				what = "add"
			case op == 1:
				id := live[r.IntN(len(live))]
				rec, err := st.Get(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				rs, err := corpus.Prepare(rec.Path, []byte(rec.Text+"全年完成各项任务。\n"+string([]rune(deskCopied)[:20*(1+r.IntN(2))])+"\n"), corpus.Options{Check: true})
				if err != nil {
					t.Fatal(err)
				}
				rs[0].ID = id
				if _, _, err := st.Put(ctx, rs[0]); err != nil {
					t.Fatal(err)
				}
				what = fmt.Sprintf("new version of %d", id)
			case op == 2:
				id := live[r.IntN(len(live))]
				if err := st.Trash(ctx, id); err != nil {
					t.Fatal(err)
				}
				trashed = append(trashed, id)
				what = fmt.Sprintf("trash %d", id)
			case op == 3 && len(trashed) > 0:
				i := r.IntN(len(trashed))
				if err := st.Untrash(ctx, trashed[i]); err != nil {
					t.Fatal(err)
				}
				what = fmt.Sprintf("restore %d", trashed[i])
				trashed = slices.Delete(trashed, i, i+1)
			case op == 4 && len(live) > 2:
				id := live[r.IntN(len(live))]
				if err := st.Delete(ctx, id); err != nil {
					t.Fatal(err)
				}
				what = fmt.Sprintf("delete %d", id)
			default:
				// A computation on a view hiding one report.
				h := hiding{Store: st, hidden: live[r.IntN(len(live))]}
				if _, err := corpus.Desk(ctx, h); err != nil {
					t.Fatal(err)
				}
				what = fmt.Sprintf("computed without %d", h.hidden)
			}
			refresh()
			if r.IntN(3) > 0 {
				sameDesk(t, fmt.Sprintf("step %d (%s)", step, what), st)
			}
		}
		sameDesk(t, "at the end", st)
	})
}

// scratch is a store whose figures are never stored: Desk on it computes
// every figure from the reports.
type scratch struct{ store.Store }

func (scratch) Figures(context.Context) ([]store.Figures, error)  { return nil, nil }
func (scratch) PutFigures(context.Context, []store.Figures) error { return nil }

// fromScratch returns Desk on st with no figures stored.
func fromScratch(t *testing.T, st store.Store) []corpus.DeskReport {
	t.Helper()
	ds, err := corpus.Desk(context.Background(), scratch{st})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// sameDesk fails unless Desk and DeskStored on st give what Desk gives
// with no figures stored.
func sameDesk(t *testing.T, step string, st store.Store) {
	t.Helper()
	want := fromScratch(t, st)
	got, err := corpus.Desk(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: Desk differs from the desk computed anew:\n%+v\nwant\n%+v", step, got, want)
	}
	stored, err := corpus.DeskStored(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(stored, want) {
		t.Errorf("%s: DeskStored after Desk differs from the desk computed anew:\n%+v\nwant\n%+v", step, stored, want)
	}
}

// A topic report of 青禾街道's 2024, giving the target of the 2023 plan
// its year's summary leaves out (道路改造5公里).
const deskQingheRoads2024 = "青禾街道2024年城市建设工作总结\n" +
	"一、2024年工作总结\n全年完成道路改造5.2公里，城市面貌持续改善。\n" +
	"二、2025年工作打算\n继续推进背街小巷整治。\n"

// Ensure the targets of a unit's previous plan are tracked in all its
// reports of the period together: the year's summary and a topic report
// of the same year each give part of them, so none is unreported, and
// both reports hold the group's figures and each what it alone gives.
// Near misses: the topic report of another unit, or of the unit's next
// half-year, joins no group, and the year's summary alone leaves the
// target unreported.
func TestDeskPeriodGroup(t *testing.T) {
	st := openSQLite(t)
	ids := addTexts(t, st, map[string]string{
		"qinghe-2023.txt": deskQinghe2023, "qinghe-2024.txt": deskQinghe2024, "roads-2024.txt": deskQingheRoads2024,
	}, true)
	got := desk(t, st)
	q24, roads := got[ids["qinghe-2024.txt"]].Figures, got[ids["roads-2024.txt"]].Figures
	if q24.Group != 2 || roads.Group != 2 {
		t.Errorf("groups %d and %d, want both reports of 2024 tracked together", q24.Group, roads.Group)
	}
	if q24.Targets < 3 || q24.Unreported != 0 || q24.Met < 3 {
		t.Errorf("2024 together: %d targets, %d met, %d unreported; want the three of 2023 met", q24.Targets, q24.Met, q24.Unreported)
	}
	if g := func(f corpus.DeskFigures) [5]int { return [5]int{f.Targets, f.Met, f.Partial, f.Missed, f.Unreported} }; g(q24) != g(roads) {
		t.Errorf("the group's figures differ between its reports: %+v and %+v", q24, roads)
	}
	if roads.OwnMet != 1 || q24.OwnMet != q24.Met-1 || roads.Previous != ids["qinghe-2023.txt"] {
		t.Errorf("own: the summary %d, the topic report %d (previous %d); want the roads in the topic report alone", q24.OwnMet, roads.OwnMet, roads.Previous)
	}

	// Near misses: the same topic report of another unit, or of the
	// next half-year.
	for name, other := range map[string]string{
		"another unit": strings.ReplaceAll(deskQingheRoads2024, "青禾街道", "柳塘镇"),
		"another period": "青禾街道2025年上半年城市建设工作总结\n一、上半年工作总结\n上半年完成道路改造5.2公里，城市面貌持续改善。\n" +
			"二、下半年工作打算\n继续推进背街小巷整治。\n",
		"no other report": "",
	} {
		t.Run(name, func(t *testing.T) {
			st := openSQLite(t)
			texts := map[string]string{"qinghe-2023.txt": deskQinghe2023, "qinghe-2024.txt": deskQinghe2024}
			if other != "" {
				texts["other.txt"] = other
			}
			ids := addTexts(t, st, texts, true)
			q := desk(t, st)[ids["qinghe-2024.txt"]].Figures
			if q.Group != 1 || q.Unreported < 1 || q.OwnMet != q.Met {
				t.Errorf("2024 alone: group %d, %d unreported, own met %d of %d; want it alone, the roads unreported", q.Group, q.Unreported, q.OwnMet, q.Met)
			}
		})
	}
}

// Ensure the figures of a period group are computed again whenever one of
// its reports changes, and only then: a report added to the group, a new
// version of one, one trashed and restored, one deleted; each step's desk
// is the one computed anew, and a look with nothing changed computes
// nothing.
func TestDeskPeriodGroupStamps(t *testing.T) {
	onBothStores(t, func(t *testing.T, open func() store.Store) {
		ctx := context.Background()
		st := &countingStore{Store: open()}
		ids := addTexts(t, st, map[string]string{"qinghe-2023.txt": deskQinghe2023, "qinghe-2024.txt": deskQinghe2024}, true)
		sameDesk(t, "the summary alone", st)
		roads := addTexts(t, st, map[string]string{"roads-2024.txt": deskQingheRoads2024}, true)["roads-2024.txt"]
		sameDesk(t, "the topic report added", st)
		if f := desk(t, st)[ids["qinghe-2024.txt"]].Figures; f.Group != 2 || f.Unreported != 0 {
			t.Fatalf("the summary after the topic report came: group %d, %d unreported", f.Group, f.Unreported)
		}
		st.gets.Store(0)
		desk(t, st)
		if n := st.gets.Load(); n != 0 {
			t.Errorf("a look with nothing changed read %d reports", n)
		}
		rec, err := st.Get(ctx, roads)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := corpus.Prepare(rec.Path, []byte(strings.ReplaceAll(rec.Text, "道路改造5.2公里", "道路改造4公里")), corpus.Options{Check: true})
		if err != nil {
			t.Fatal(err)
		}
		rs[0].ID = roads
		if _, _, err := st.Put(ctx, rs[0]); err != nil {
			t.Fatal(err)
		}
		sameDesk(t, "a new version of the topic report", st)
		if f := desk(t, st)[ids["qinghe-2024.txt"]].Figures; f.Partial != 1 {
			t.Errorf("the summary after the topic report's new version: %d partial, want the roads", f.Partial)
		}
		if err := st.Trash(ctx, roads); err != nil {
			t.Fatal(err)
		}
		sameDesk(t, "the topic report trashed", st)
		if err := st.Untrash(ctx, roads); err != nil {
			t.Fatal(err)
		}
		sameDesk(t, "the topic report restored", st)
		if err := st.Delete(ctx, roads); err != nil {
			t.Fatal(err)
		}
		sameDesk(t, "the topic report deleted", st)
		if f := desk(t, st)[ids["qinghe-2024.txt"]].Figures; f.Group != 1 || f.Unreported == 0 {
			t.Errorf("the summary alone again: group %d, %d unreported", f.Group, f.Unreported)
		}
	})
}
