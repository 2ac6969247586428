package corpus_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"zongjie"
	"zongjie/corpus"
	"zongjie/store"
	"zongjie/store/sqlite"
)

// Reports of our own: one unit's 2023 and 2024 reports.
const (
	report2023 = "青禾街道2023年工作总结及2024年工作计划\n一、2023年工作总结\n全年新增就业1200人，完成固定资产投资3.2亿元。\n二、存在问题\n产业基础薄弱。\n三、2024年工作计划\n力争新增就业1300人。\n"
	report2024 = "青禾街道2024年工作总结及2025年工作计划\n一、2024年工作总结\n全年新增就业1350人，完成固定资产投资3.6亿元。\n二、存在问题\n营商环境有待优化。\n三、2025年工作计划\n力争新增就业1400人。\n"
	undated    = "关于社区治理工作的总结\n一、主要做法\n推行网格化管理，化解矛盾纠纷86件。\n二、下一步打算\n继续完善网格员队伍。\n"
)

// openSQLite opens a store in a temporary folder.
func openSQLite(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "z.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// adder adds files to a store and records what Progress said.
type adder struct {
	t       *testing.T
	st      store.Store
	notices []string
	news    []corpus.NewVersion
}

func (a *adder) add(o corpus.Options, paths ...string) corpus.Stats {
	a.t.Helper()
	a.notices, a.news = nil, nil
	stats, err := corpus.Add(context.Background(), a.st, paths, corpus.AddOptions{Options: o, Progress: func(p corpus.Progress) {
		if p.Err != nil {
			a.t.Errorf("%s: %v", p.Path, p.Err)
		}
		a.notices = append(a.notices, p.Notices...)
		a.news = append(a.news, p.Versions...)
	}})
	if err != nil {
		a.t.Fatal(err)
	}
	return stats
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReAdd: what re-adding a file does, case by case (see Decide).
func TestReAdd(t *testing.T) {
	ctx := context.Background()
	st := openSQLite(t)
	a := &adder{t: t, st: st}
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	write(t, path, report2023)

	counts := func(s corpus.Stats) [3]int { return [3]int{s.Added, s.Updated, s.Duplicates} }
	if got := counts(a.add(corpus.Options{}, path)); got != [3]int{1, 0, 0} {
		t.Fatalf("first add: %v", got)
	}
	list, _ := st.List(ctx, store.Filter{})
	id := list[0].ID
	if list[0].Path != path {
		t.Errorf("stored path %q, want the absolute %q", list[0].Path, path)
	}
	versions := func() []store.Summary {
		vs, err := st.Versions(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return vs
	}

	// The same file again: nothing stored.
	if got := counts(a.add(corpus.Options{}, path)); got != [3]int{0, 0, 1} || len(versions()) != 1 {
		t.Errorf("unchanged: %v, %d versions", got, len(versions()))
	}

	// Edited in place: a new version of the same report, not a second
	// report.
	edited := strings.Replace(report2023, "1200人", "1250人", 1)
	write(t, path, edited)
	if got := counts(a.add(corpus.Options{}, path)); got != [3]int{0, 1, 0} {
		t.Errorf("edited: %v", got)
	}
	vs := versions()
	if n, _ := st.Count(ctx); n != 1 || len(vs) != 2 || vs[1].Note != "重新加入 a.txt：文本有改动" ||
		len(a.news) != 1 || a.news[0] != (corpus.NewVersion{Report: id, Version: 2, Note: vs[1].Note}) {
		t.Errorf("edited: %d reports, versions %+v, news %+v", n, vs, a.news)
	}

	// A unit stated for the stored text: its metadata corrected as a new
	// version; stated again, or not stated, nothing changes.
	o := corpus.Options{Unit: "临川区青禾街道"}
	if got := counts(a.add(o, path)); got != [3]int{0, 1, 0} {
		t.Errorf("--unit: %v", got)
	}
	vs = versions()
	if len(vs) != 3 || vs[2].Unit != "临川区青禾街道" || vs[2].FileHash != vs[1].FileHash || vs[2].Note != "更正元数据：单位 青禾街道 → 临川区青禾街道" {
		t.Errorf("--unit: versions %+v", vs)
	}
	for _, o := range []corpus.Options{o, {}} {
		if got := counts(a.add(o, path)); got != [3]int{0, 0, 1} || len(versions()) != 3 {
			t.Errorf("again with %+v: %v, %d versions", o, got, len(versions()))
		}
	}
	if r, _ := st.Get(ctx, id); r.Unit != "临川区青禾街道" {
		t.Errorf("the correction was undone: unit %q", r.Unit)
	}

	// A period stated: the same.
	if got := counts(a.add(corpus.Options{Period: &zongjie.Term{Year: 2023, Period: zongjie.PeriodH1}}, path)); got != [3]int{0, 1, 0} {
		t.Errorf("--period: %v", got)
	}
	if vs = versions(); vs[3].Period != "H1" || !strings.Contains(vs[3].Note, "时段 2023年，计划2024年 → 2023年上半年") {
		t.Errorf("--period: %+v", vs[3])
	}

	// The first version's text at another path: it is stored already, as
	// an earlier version; nothing changes, and the user is told.
	old := filepath.Join(dir, "old-copy.txt")
	write(t, old, report2023)
	if got := counts(a.add(corpus.Options{Unit: "别的单位"}, old)); got != [3]int{0, 0, 1} || len(versions()) != 4 ||
		len(a.notices) != 1 || !strings.Contains(a.notices[0], "这是报告 ") || !strings.Contains(a.notices[0], "第 1 版") ||
		!strings.Contains(a.notices[0], "--period 未应用") {
		t.Errorf("an earlier version's text: %v, notices %q", got, a.notices)
	}

	// The file overwritten with the next year's report: a new report.
	write(t, path, report2024)
	if got := counts(a.add(corpus.Options{}, path)); got != [3]int{1, 0, 0} || len(versions()) != 4 {
		t.Errorf("next year's report at the same path: %v, %d versions", got, len(versions()))
	}
	// …and that one edited: a version of it, not of the first.
	write(t, path, strings.Replace(report2024, "1350人", "1360人", 1))
	if got := counts(a.add(corpus.Options{}, path)); got != [3]int{0, 1, 0} || len(a.news) != 1 || a.news[0].Report == id {
		t.Errorf("next year's report edited: %v, %+v", got, a.news)
	}

	// Restore: an earlier version as the current one, the history kept.
	sum, err := corpus.Restore(ctx, st, id, 1)
	if err != nil || sum.Version != 5 || sum.Note != "恢复第 1 版" || sum.FileHash != versions()[0].FileHash {
		t.Errorf("Restore = %+v, %v", sum, err)
	}
	if _, err := corpus.Restore(ctx, st, id, 5); !errors.Is(err, corpus.ErrCurrentVersion) {
		t.Errorf("Restore of the current version = %v", err)
	}
	if _, err := corpus.Restore(ctx, st, id, 9); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Restore of no such version = %v", err)
	}
	if n, _ := st.Count(ctx); n != 2 {
		t.Errorf("%d reports, want 2", n)
	}
}

// TestReAddUndated: a report that states no period is still the same
// report when edited; a relative path is the absolute one.
func TestReAddUndated(t *testing.T) {
	st := openSQLite(t)
	a := &adder{t: t, st: st}
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "b.txt", undated)
	a.add(corpus.Options{}, "b.txt")
	write(t, "b.txt", strings.Replace(undated, "86件", "92件", 1))
	if s := a.add(corpus.Options{}, filepath.Join(dir, "b.txt")); s.Updated != 1 || s.Added != 0 {
		t.Errorf("undated, edited: %+v", s)
	}
	// A store of an earlier version of the program holds the path as it
	// was given.
	if _, _, err := st.Put(context.Background(), &store.Report{FileHash: "legacy", Path: "c.txt", Text: "旧"}); err != nil {
		t.Fatal(err)
	}
	write(t, "c.txt", undated+"三、其他\n无。\n")
	if s := a.add(corpus.Options{}, "c.txt"); s.Updated != 1 {
		t.Errorf("a path stored relative: %+v", s)
	}
}

func TestDiffLines(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"same", "一\n二\n", "一\n二\n", " 一| 二"},
		{"a line changed", "一\n二\n三\n", "一\n贰\n三\n", " 一|-二|+贰| 三"},
		{"a line added at the end", "一\n二\n", "一\n二\n三\n", " 一| 二|+三"},
		{"a line removed at the start", "一\n二\n三\n", "二\n三\n", "-一| 二| 三"},
		{"moved", "甲\n乙\n丙\n丁\n", "乙\n丙\n甲\n丁\n", "-甲| 乙| 丙|+甲| 丁"},
		{"two changes apart", "甲\n乙\n丙\n丁\n戊\n", "甲\n乙乙\n丙\n丁丁\n戊\n", " 甲|-乙|+乙乙| 丙|-丁|+丁丁| 戊"},
		{"from nothing", "", "一\n", "+一"},
		{"no newline at the end", "一\n二", "一\n二\n", " 一|-二|+二"},
	}
	for _, tt := range tests {
		var parts []string
		a, b := 0, 0
		for _, l := range corpus.DiffLines(tt.a, tt.b) {
			parts = append(parts, string(l.Op)+l.Text)
			if l.Op != '+' {
				a++
				if l.A != a {
					t.Errorf("%s: %q has line %d of a, want %d", tt.name, l.Text, l.A, a)
				}
			}
			if l.Op != '-' {
				b++
				if l.B != b {
					t.Errorf("%s: %q has line %d of b, want %d", tt.name, l.Text, l.B, b)
				}
			}
		}
		if got := strings.Join(parts, "|"); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestSameTextOtherFile: the same report from another file — a Markdown
// copy, a GBK .txt with full-width digits and other spacing — is stored
// once, and the add says 已存在 with the stored report's number, whether
// the copies come in one add or in two. Near miss: a copy with another
// figure is a report of its own.
func TestSameTextOtherFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	md := "# 青禾街道2023年工作总结及2024年工作计划\n\n## 一、2023年工作总结\n\n全年新增就业**1200人**，完成固定资产投资3.2亿元。\n\n" +
		"## 二、存在问题\n\n产业基础薄弱。\n\n## 三、2024年工作计划\n\n力争新增就业1300人。\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.NewReplacer("1200", "１２００", "。\n", "。\r\n\r\n").Replace(report2023))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "a.txt"), report2023)
	write(t, filepath.Join(dir, "a.md"), md)
	write(t, filepath.Join(dir, "a-gbk.txt"), gbk)
	write(t, filepath.Join(dir, "b.txt"), strings.Replace(report2023, "1200人", "1250人", 1))
	for _, together := range []bool{false, true} {
		st := openSQLite(t)
		a := &adder{t: t, st: st}
		var notices []string
		if together {
			a.add(corpus.Options{}, filepath.Join(dir, "a.txt"), filepath.Join(dir, "a.md"), filepath.Join(dir, "a-gbk.txt"), filepath.Join(dir, "b.txt"))
			notices = a.notices
		} else {
			for _, name := range []string{"a.txt", "a.md", "a-gbk.txt", "b.txt"} {
				a.add(corpus.Options{}, filepath.Join(dir, name))
				notices = append(notices, a.notices...)
			}
		}
		list, _ := st.List(ctx, store.Filter{})
		if len(list) != 2 {
			t.Errorf("together %v: %d reports stored, want 2 (a and b): %+v", together, len(list), list)
			continue
		}
		want := "已存在：与已保存的报告 " + strconv.FormatInt(list[0].ID, 10) + " 文本相同"
		n := 0
		for _, m := range notices {
			if strings.HasPrefix(m, want) {
				n++
			}
		}
		if n != 2 {
			t.Errorf("together %v: %d notices %q, want 2 (the .md and the GBK .txt): %q", together, n, want, notices)
		}
	}
}
