package app_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"zongjie"
	"zongjie/app"
	"zongjie/corpus"
	"zongjie/extract"
	"zongjie/store"
)

// marker is written in the reports of 青禾街道 (and in their file names),
// and nowhere else: a result that holds it leaks them.
const marker = "甲乙丙丁保密示范"

// report writes a report of a unit for the tests: shared boilerplate (so
// that similar and families would link the units), its own figures and
// targets, and a line of its own.
func report(unit string, year int, own string) []byte {
	return fmt.Appendf(nil, `%s%d年工作总结及%d年工作计划

%d年，在区委、区政府的坚强领导下，%s坚持以新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大和二十届二中、三中全会精神，紧紧围绕高质量发展这个首要任务，统筹推进经济发展、城市建设、民生保障和基层治理各项工作，较好完成了全年目标任务。现将有关情况报告如下：

一、%d年工作总结
（一）经济运行稳中有进。全年完成地区生产总值%d.5亿元，同比增长6.2%%；新增就业%d人，城镇登记失业率控制在3.5%%以内。
（二）民生保障持续加强。新建社区养老服务站3个，改造老旧小区12个，惠及居民2600户。
（三）%s

二、存在的问题
一是产业结构仍需优化，新兴产业占比不高；二是公共服务供给与群众期盼还有差距；三是基层治理能力有待提升。

三、%d年工作计划
%d年，力争地区生产总值增长6.5%%，新增就业%d人，新建社区养老服务站4个，改造老旧小区15个。
`, unit, year, year+1, year, unit, year, 10+year%10, 1000+year%10*100, own, year+1, year+1, 1100+year%10*100)
}

// district is the tree, the reports and the users of the leak tests.
type district struct {
	a                *app.App
	qinghe, qinghe25 int64 // 青禾街道's reports, holding marker
	baisha, liuhe    int64 // 白沙街道's (青禾街道's sibling), 柳河乡's (in another county)
	unassigned       int64 // a report of no unit, holding marker
	trashed          int64 // 青禾街道's, in the trash
	users            map[string]app.User
}

// newDistrict makes 云川市 → 东湖区 → 青禾街道, 白沙街道 and 云川市 → 西山县 →
// 柳河乡, stores reports of them (the local user adds, the units come from
// the reports' names), and signs users in.
func newDistrict(t *testing.T) *district {
	t.Helper()
	ctx := context.Background()
	d := &district{a: newApp(t), users: map[string]app.User{}}
	for _, u := range []app.NewUnit{
		{Name: "云川市"}, {Name: "东湖区", Parent: "云川市"}, {Name: "西山县", Parent: "云川市"},
		{Name: "青禾街道", Parent: "东湖区"}, {Name: "白沙街道", Parent: "东湖区"}, {Name: "柳河乡", Parent: "西山县", Aliases: []string{"柳河"}},
	} {
		if _, err := d.a.AddUnit(ctx, u); err != nil {
			t.Fatalf("AddUnit %s: %v", u.Name, err)
		}
	}
	add := func(name string, data []byte) int64 {
		t.Helper()
		stats, err := d.a.Add(ctx, app.AddRequest{Inputs: []app.Input{{Name: name, Data: data}}})
		if err != nil || stats.Added != 1 {
			t.Fatalf("Add %s: %+v, %v", name, stats, err)
		}
		list, _ := d.a.List(ctx, store.Filter{})
		return list.Reports[len(list.Reports)-1].ID
	}
	d.qinghe = add("upload/"+marker+"-qinghe-2024.txt", report("青禾街道", 2024, marker+"项目顺利推进。"))
	d.qinghe25 = add("upload/qinghe-2025.txt", report("青禾街道", 2025, marker+"二期开工建设。"))
	d.baisha = add("upload/baisha-2024.txt", report("白沙街道", 2024, "滨河绿道全线贯通。"))
	d.liuhe = add("upload/liuhe-2024.txt", report("柳河乡", 2024, "高标准农田建设完成。"))
	d.unassigned = add("upload/nowhere.txt", report("某某镇", 2024, marker+"无主报告。"))
	d.trashed = add("upload/qinghe-old.txt", report("青禾街道", 2023, marker+"旧报告。"))
	if err := d.a.Remove(ctx, d.trashed); err != nil {
		t.Fatal(err)
	}
	// A second version of 青禾街道's, so that versions, diffs and restores
	// have something to show.
	v2 := report("青禾街道", 2024, marker+"项目顺利推进，已通过验收。")
	if stats, err := d.a.Add(ctx, app.AddRequest{Inputs: []app.Input{{Name: "upload/" + marker + "-qinghe-2024.txt", Data: v2}}}); err != nil || stats.Updated != 1 {
		t.Fatalf("second version: %+v, %v", stats, err)
	}
	for _, u := range []app.NewUser{
		{Name: "qinghe-drafter", Unit: "青禾街道", Role: store.Drafter},
		{Name: "baisha-drafter", Unit: "白沙街道", Role: store.Drafter},
		{Name: "xishan-reviewer", Unit: "西山县", Role: store.Reviewer},
		{Name: "xishan-admin", Unit: "西山县", Role: store.Admin},
		{Name: "donghu-reviewer", Unit: "东湖区", Role: store.Reviewer},
		{Name: "city-admin", Unit: "云川市", Role: store.Admin},
	} {
		u.Password = "pw-" + u.Name
		if _, err := d.a.AddUser(ctx, u); err != nil {
			t.Fatalf("AddUser %s: %v", u.Name, err)
		}
		got, err := d.a.Authenticate(ctx, u.Name, u.Password)
		if err != nil {
			t.Fatalf("Authenticate %s: %v", u.Name, err)
		}
		d.users[u.Name] = got
	}
	return d
}

// as returns ctx acting for a user of the district.
func (d *district) as(name string) context.Context {
	return app.WithAddress(app.WithUser(context.Background(), d.users[name]), "192.0.2.9")
}

// leaks reports whether v, as JSON or as Go, holds marker.
func leaks(v any) bool {
	b, _ := json.Marshal(v)
	return strings.Contains(string(b), marker) || strings.Contains(fmt.Sprintf("%+v", v), marker)
}

// op is one operation of the App run in the leak walk. byID: it reads or
// changes a stored report given by its ID, and must fail with NotFound
// for a user who may not see it (never Forbidden: they must not learn it
// exists). admins: a user who is not an admin is refused (Forbidden).
// refused: it acts on a unit or user outside the user's reach, and must
// be refused (NotFound or Forbidden) — units and accounts are not reports.
type op struct {
	run     func(ctx context.Context, d *district) (any, error)
	byID    bool
	admins  bool
	refused bool
}

// found turns a result that should have been empty into a leak: marker.
func found(ok bool, v any, err error) (any, error) {
	if ok && err == nil {
		return fmt.Sprintf("%s: %+v", marker, v), nil
	}
	return v, err
}

// ops are the operations of the App that read or change stored reports,
// units, users or the audit log, each run on 青禾街道's reports.
var ops = map[string]op{
	"List": {run: func(ctx context.Context, d *district) (any, error) { return d.a.List(ctx, store.Filter{}) }},
	"Show": {byID: true, run: func(ctx context.Context, d *district) (any, error) { return d.a.Show(ctx, d.qinghe, 0) }},
	"Versions": {byID: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.Versions(ctx, d.qinghe)
	}},
	"DiffVersions": {byID: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.DiffVersions(ctx, d.qinghe, 1, 0)
	}},
	"Restore": {byID: true, run: func(ctx context.Context, d *district) (any, error) { return d.a.Restore(ctx, d.qinghe, 1) }},
	"Remove":  {byID: true, run: func(ctx context.Context, d *district) (any, error) { return nil, d.a.Remove(ctx, d.qinghe) }},
	"Compare": {byID: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.Compare(ctx, app.Stored(d.qinghe), app.Stored(d.baisha))
	}},
	"Similar": {run: func(ctx context.Context, d *district) (any, error) {
		return d.a.Similar(ctx, app.File(app.Input{Name: "q.txt", Data: report("白沙街道", 2025, "绿道二期。")}), 10)
	}},
	"Families": {run: func(ctx context.Context, d *district) (any, error) {
		var fs []app.Family
		err := d.a.Families(ctx, 10, func(f app.Family) error { fs = append(fs, f); return nil })
		return fs, err
	}},
	"Search": {run: func(ctx context.Context, d *district) (any, error) {
		r, err := d.a.Search(ctx, store.Query{Text: marker, Limit: 100})
		if err != nil || len(r.Hits) > 0 {
			return found(true, r.Hits, err)
		}
		var hits []*app.SearchResult
		for _, q := range []string{"老旧小区", "地区生产总值", "二期"} {
			r, err := d.a.Search(ctx, store.Query{Text: q, Limit: 100})
			if err != nil {
				return hits, err
			}
			hits = append(hits, r)
		}
		return hits, nil
	}},
	"Track": {byID: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.Track(ctx, app.TrackRequest{Old: app.Stored(d.qinghe), New: app.Stored(d.qinghe25)})
	}},
	"TrackUnit": {run: func(ctx context.Context, d *district) (any, error) {
		r, err := d.a.TrackUnit(ctx, "青禾街道")
		return found(r != nil && len(r.Pairs) > 0, r, err)
	}},
	"TrackPeriod": {run: func(ctx context.Context, d *district) (any, error) {
		r, err := d.a.TrackPeriod(ctx, "青禾街道", zongjie.Term{Year: 2025, Period: zongjie.PeriodFullYear})
		return found(r != nil && len(r.Reports) > 0, r, err)
	}},
	"StoredUnits": {run: func(ctx context.Context, d *district) (any, error) {
		us, err := d.a.StoredUnits(ctx)
		seen := false
		for _, u := range us {
			for _, r := range u.Reports {
				seen = seen || r.ID == d.qinghe || r.ID == d.qinghe25 || r.ID == d.unassigned
			}
		}
		return found(seen, us, err)
	}},
	"Neighbours": {run: func(ctx context.Context, d *district) (any, error) {
		// A summary of 青禾街道's report, as its readers have it: its
		// neighbours are not there for the others.
		rep, err := d.a.Report(context.Background(), d.qinghe25, 0)
		if err != nil {
			return nil, err
		}
		prev, next, err := d.a.Neighbours(ctx, rep.Summary)
		return found(prev != nil || next != nil, []*app.Summary{prev, next}, err)
	}},
	"SeriesAcross": {run: func(ctx context.Context, d *district) (any, error) {
		r, err := d.a.SeriesAcross(ctx, zongjie.Term{Year: 2024, Period: zongjie.PeriodFullYear}, "")
		return found(r != nil && slices.Contains(r.Units, "青禾街道"), r, err)
	}},
	"Series": {run: func(ctx context.Context, d *district) (any, error) {
		r, err := d.a.Series(ctx, app.SeriesRequest{Unit: "青禾街道", All: true})
		return found(r != nil && len(r.Series) > 0, r, err)
	}},
	"Draft": {byID: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.Draft(ctx, app.DraftRequest{From: app.Stored(d.qinghe)})
	}},
	"Export": {byID: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.Export(ctx, app.ExportRequest{Ref: app.Stored(d.qinghe)})
	}},
	"Load": {byID: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.Load(ctx, app.Stored(d.qinghe), extract.Options{})
	}},
	"Add": {run: func(ctx context.Context, d *district) (any, error) {
		// 青禾街道's file uploaded again by someone else: not stored,
		// and no ID given away.
		var ids []int64
		stats, err := d.a.Add(ctx, app.AddRequest{Inputs: []app.Input{{Name: "mine.txt", Data: report("青禾街道", 2024, marker+"项目顺利推进。")}},
			Progress: func(p corpus.Progress) {
				for _, v := range p.Versions {
					ids = append(ids, v.Report)
				}
			}})
		if stats.Added > 0 || slices.Contains(ids, d.qinghe) {
			return fmt.Sprintf("%+v %v (%s)", stats, ids, marker), err
		}
		return stats, err
	}},
	"AddUploads": {run: func(ctx context.Context, d *district) (any, error) {
		return d.a.AddUploads(ctx, []app.Upload{{Name: "mine.txt", Data: report("青禾街道", 2024, marker+"项目顺利推进。")}})
	}},
	"AddUploadsStated": {run: func(ctx context.Context, d *district) (any, error) {
		return d.a.AddUploadsStated(ctx, []app.Upload{{Name: "mine.txt", Data: report("青禾街道", 2024, marker+"项目顺利推进。")}}, extract.Options{Unit: "青禾街道"})
	}},
	"Report": {byID: true, run: func(ctx context.Context, d *district) (any, error) { return d.a.Report(ctx, d.qinghe, 0) }},
	"FixedText": {byID: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.FixedText(ctx, d.qinghe, 0)
	}},
	"GongwenDocx": {byID: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.GongwenDocx(ctx, d.qinghe, 1)
	}},
	"AnnotatedDocx": {byID: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.AnnotatedDocx(ctx, d.qinghe, 0)
	}},
	"ApplyFix": {byID: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.ApplyFix(ctx, d.qinghe, app.FixChoice{Version: 2, All: true})
	}},
	"SetMeta": {byID: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.SetMeta(ctx, d.qinghe, "白沙街道", "2024")
	}},
	"Desk": {run: func(ctx context.Context, d *district) (any, error) { return d.a.Desk(ctx, app.DeskQuery{}) }},
	"UnitTree": {run: func(ctx context.Context, d *district) (any, error) {
		tr, err := d.a.UnitTree(ctx)
		if tr != nil && slices.ContainsFunc(tr.Units, func(u app.UnitInfo) bool { return u.Name == "青禾街道" }) {
			return marker + " (青禾街道 listed)", err
		}
		return tr, err
	}},
	"Unassigned": {admins: true, run: func(ctx context.Context, d *district) (any, error) { return d.a.Unassigned(ctx) }},
	"AssignReports": {admins: true, byID: true, run: func(ctx context.Context, d *district) (any, error) {
		return nil, d.a.AssignReports(ctx, []int64{d.qinghe}, "柳河乡")
	}},
	"MatchUnassigned": {admins: true, run: func(ctx context.Context, d *district) (any, error) { return d.a.MatchUnassigned(ctx) }},
	"ListTrash":       {admins: true, run: func(ctx context.Context, d *district) (any, error) { return d.a.ListTrash(ctx) }},
	"Undelete": {admins: true, byID: true, run: func(ctx context.Context, d *district) (any, error) {
		return nil, d.a.Undelete(ctx, d.trashed)
	}},
	"AuditLog": {admins: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.AuditLog(ctx, app.AuditQuery{})
	}},
	"ListUsers": {admins: true, run: func(ctx context.Context, d *district) (any, error) {
		us, err := d.a.ListUsers(ctx)
		if slices.ContainsFunc(us, func(u app.Account) bool { return u.Name == "qinghe-drafter" }) {
			return marker + " (qinghe-drafter listed)", err
		}
		return us, err
	}},
	"SetPassword": {admins: true, refused: true, run: func(ctx context.Context, d *district) (any, error) {
		return nil, d.a.SetPassword(ctx, "qinghe-drafter", "a new password")
	}},
	"DisableUser": {admins: true, refused: true, run: func(ctx context.Context, d *district) (any, error) {
		return nil, d.a.DisableUser(ctx, "qinghe-drafter", true)
	}},
	"ListTokens": {refused: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.ListTokens(ctx, "qinghe-drafter")
	}},
	"CreateToken": {refused: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.CreateToken(ctx, "qinghe-drafter", "x")
	}},
	"RevokeToken": {refused: true, run: func(ctx context.Context, d *district) (any, error) {
		return nil, d.a.RevokeToken(ctx, "qinghe-drafter", 1)
	}},
	"ChangeUnit": {admins: true, refused: true, run: func(ctx context.Context, d *district) (any, error) {
		name := "改名"
		return d.a.ChangeUnit(ctx, "青禾街道", app.UnitChange{Name: &name})
	}},
	"AddUnit": {admins: true, refused: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.AddUnit(ctx, app.NewUnit{Name: "新社区", Parent: "青禾街道"})
	}},
	"AddUser": {admins: true, refused: true, run: func(ctx context.Context, d *district) (any, error) {
		return d.a.AddUser(ctx, app.NewUser{Name: "intruder", Unit: "青禾街道", Role: store.Admin, Password: "long enough"})
	}},
}

// exempt are the operations of the App that read no stored report, unit,
// user or log entry, or whose checks have their own tests
// (accounts_test.go), with why.
var exempt = map[string]string{
	"Check":          "a file's bytes",
	"CheckDocument":  "a document read already",
	"Annotate":       "a checked file",
	"Extract":        "files' bytes",
	"Close":          "closes the store",
	"Authenticate":   "signs in: accounts_test.go",
	"CreateSession":  "after Authenticate: accounts_test.go",
	"LookupSession":  "a secret: accounts_test.go",
	"DeleteSession":  "a secret: accounts_test.go",
	"LookupToken":    "a secret: accounts_test.go",
	"ChangePassword": "the user's own: accounts_test.go",
	"HasUsers":       "whether any account exists",
	"PurgeTrash":     "the policy, every unit alike: trash_test.go",
	"Backup":         "admins of a root only: backup_test.go",
	"RestoreBackup":  "admins of a root only: backup_test.go",
	"Verify":         "the store's integrity",
}

// TestEveryOperationScoped runs every operation of the App that reads or
// changes stored reports as users of units beside 青禾街道's — a drafter of
// its sibling street, a reviewer and an admin of another county — and
// checks that none of 青禾街道's reports shows (by ID the answer is
// NotFound, never Forbidden). The same walk as 东湖区's reviewer and the
// city's admin, who may read them, and as the local user, finds them: the
// test can fail. Every exported method of the App must be in ops or
// exempt, so that a new operation cannot be forgotten here.
func TestEveryOperationScoped(t *testing.T) {
	typ := reflect.TypeFor[*app.App]()
	for i := range typ.NumMethod() {
		name := typ.Method(i).Name
		_, inOps := ops[name]
		if _, ok := exempt[name]; !ok && !inOps {
			t.Errorf("App.%s is neither walked (ops) nor exempt: add it to scope_test.go", name)
		}
	}
	for name := range ops {
		if _, ok := typ.MethodByName(name); !ok {
			t.Errorf("ops has %s, which the App does not have", name)
		}
	}
	names := slices.Sorted(maps.Keys(ops))
	for _, who := range []string{"baisha-drafter", "xishan-reviewer", "xishan-admin"} {
		t.Run(who, func(t *testing.T) {
			d := newDistrict(t)
			// The desk's figures cache filled by someone who sees
			// everything.
			if _, err := d.a.Desk(context.Background(), app.DeskQuery{}); err != nil {
				t.Fatal(err)
			}
			isAdmin := d.users[who].Role == store.Admin
			for _, name := range names {
				o := ops[name]
				got, err := o.run(d.as(who), d)
				code := app.ErrorCode(err)
				switch {
				case leaks(got) || leaks(app.ErrorMessage(err)):
					t.Errorf("%s as %s: 青禾街道's report shows: %.300s / %v", name, who, fmt.Sprintf("%+v", got), err)
				case o.admins && !isAdmin:
					if code != app.Forbidden {
						t.Errorf("%s as %s (not an admin) = %v, want Forbidden", name, who, err)
					}
				case o.refused:
					if code != app.Forbidden && code != app.NotFound {
						t.Errorf("%s as %s = %v (%s), want it refused", name, who, err, code)
					}
				case o.byID:
					if code != app.NotFound {
						t.Errorf("%s as %s = %v (%s), want NotFound: the report is not there for them", name, who, err, code)
					}
				case err != nil && code != app.NotFound:
					t.Errorf("%s as %s: %v", name, who, err)
				}
			}
			// Nothing of theirs changed 青禾街道's reports.
			local := context.Background()
			if s, err := d.a.Show(local, d.qinghe, 0); err != nil || s.Report.Version != 2 {
				t.Errorf("青禾街道's report after the walk: %+v, %v", s, err)
			}
			if l, _ := d.a.ListTrash(local); len(l.Reports) != 1 {
				t.Errorf("the trash after the walk: %+v", l)
			}
		})
	}
	// Those who may read 青禾街道's reports see them: the walk would see a
	// leak.
	for _, who := range []string{"qinghe-drafter", "donghu-reviewer", "city-admin", ""} {
		d := newDistrict(t)
		ctx := context.Background()
		if who != "" {
			ctx = d.as(who)
		}
		for _, name := range []string{"List", "Show", "Search", "Families", "Series", "Desk", "StoredUnits", "Neighbours", "SeriesAcross", "TrackPeriod"} {
			got, err := ops[name].run(ctx, d)
			if err != nil || !leaks(got) {
				t.Errorf("%s as %q does not show 青禾街道's report (%v): the walk could not fail", name, who, err)
			}
		}
	}
}

// TestScopes checks each role's reach over the district's reports: what
// List gives, and what a write gets.
func TestScopes(t *testing.T) {
	d := newDistrict(t)
	ids := func(who string) []int64 {
		l, err := d.a.List(d.as(who), store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, s := range l.Reports {
			out = append(out, s.ID)
		}
		sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
		return out
	}
	for _, c := range []struct {
		who  string
		want []int64
	}{
		{"qinghe-drafter", []int64{d.qinghe, d.qinghe25}},
		{"baisha-drafter", []int64{d.baisha}},
		{"donghu-reviewer", []int64{d.qinghe, d.qinghe25, d.baisha}},
		{"xishan-reviewer", []int64{d.liuhe}},
		{"xishan-admin", []int64{d.liuhe}},
		{"city-admin", []int64{d.qinghe, d.qinghe25, d.baisha, d.liuhe, d.unassigned}},
	} {
		if got := ids(c.who); !slices.Equal(got, c.want) {
			t.Errorf("List as %s = %v, want %v", c.who, got, c.want)
		}
	}
	// A reviewer reads 青禾街道's reports but does not change them.
	err := d.a.Remove(d.as("donghu-reviewer"), d.qinghe)
	if app.ErrorCode(err) != app.Forbidden {
		t.Errorf("Remove by a reviewer of the district = %v, want Forbidden", err)
	}
	if _, err := d.a.Restore(d.as("donghu-reviewer"), d.qinghe, 1); app.ErrorCode(err) != app.Forbidden {
		t.Errorf("Restore by a reviewer of the district = %v, want Forbidden", err)
	}
	// The drafter of 青禾街道 does.
	if _, err := d.a.Restore(d.as("qinghe-drafter"), d.qinghe, 1); err != nil {
		t.Errorf("Restore by 青禾街道's drafter: %v", err)
	}
	// A drafter's upload of another unit's report is their own unit's.
	ctx := d.as("baisha-drafter")
	stats, err := d.a.Add(ctx, app.AddRequest{Inputs: []app.Input{{Name: "liuhe-2025.txt", Data: report("柳河乡", 2025, "新的一年。")}}})
	if err != nil || stats.Added != 1 {
		t.Fatalf("Add by a drafter: %+v, %v", stats, err)
	}
	mine := ids("baisha-drafter")
	if len(mine) != 2 {
		t.Errorf("the drafter does not see the report they added: %v", mine)
	}
	if got := ids("xishan-reviewer"); !slices.Equal(got, []int64{d.liuhe}) {
		t.Errorf("柳河乡's report added by 白沙街道's drafter is 柳河乡's: %v", got)
	}
	// An admin at the root adds one that names no unit: unassigned.
	stats, err = d.a.Add(d.as("city-admin"), app.AddRequest{Inputs: []app.Input{{Name: "x.txt", Data: report("无名镇", 2024, "无。")}}})
	if err != nil || stats.Added != 1 {
		t.Fatal(err)
	}
	un, _ := d.a.Unassigned(d.as("city-admin"))
	if len(un.Reports) != 2 {
		t.Errorf("Unassigned = %d reports, want 2", len(un.Reports))
	}
	// An admin of a county adds one: their county's.
	stats, err = d.a.Add(d.as("xishan-admin"), app.AddRequest{Inputs: []app.Input{{Name: "y.txt", Data: report("另一镇", 2024, "无。")}}})
	if err != nil || stats.Added != 1 {
		t.Fatal(err)
	}
	if got := ids("xishan-reviewer"); len(got) != 2 {
		t.Errorf("the county admin's upload is not the county's: %v", got)
	}
}
