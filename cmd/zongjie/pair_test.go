package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTrackRefusesTheSameReport: track (and draft --from/--actual) refuse a
// report against itself, however it is named, and a "later" report that
// does not review a later period.
func TestTrackRefusesTheSameReport(t *testing.T) {
	dir := exampleFiles(t)
	old, cur := filepath.Join(dir, "shiqiao-2024.txt"), filepath.Join(dir, "shiqiao-2025.txt")
	data, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	copyOld := filepath.Join(t.TempDir(), "副本.txt")
	os.WriteFile(copyOld, data, 0o644)
	// The same text in another encoding: other bytes, the same report.
	utf8 := filepath.Join(t.TempDir(), "utf8.txt")
	db := filepath.Join(t.TempDir(), "z.db")
	if code, _, errOut := runCLI(t, "", "add", "--db", db, "--quiet", dir); code != exitOK {
		t.Fatalf("add: %d %s", code, errOut)
	}
	_, listOut, _ := runCLI(t, "", "list", "--db", db, "--unit", "石桥镇", "--format", "json")
	var list struct {
		Reports []struct {
			ID   int64
			Path string
		}
	}
	json.Unmarshal([]byte(listOut), &list)
	ids := map[string]string{}
	for _, r := range list.Reports {
		ids[filepath.Base(r.Path)] = itoa(r.ID)
	}
	idOld, idCur := ids["shiqiao-2024.txt"], ids["shiqiao-2025.txt"]
	if idOld == "" || idCur == "" {
		t.Fatalf("list: %s", listOut)
	}
	_, oldText, _ := runCLI(t, "", "show", "--db", db, "--text", idOld)
	os.WriteFile(utf8, []byte(oldText), 0o644)

	for _, tt := range []struct {
		args []string
		why  string
	}{
		{[]string{"track", old, old}, "不能自己对照自己"},
		{[]string{"track", old, copyOld}, "内容相同"},
		{[]string{"track", old, utf8}, "文字相同"},
		{[]string{"track", "--db", db, idOld, idOld}, "同一篇已保存的报告"},
		{[]string{"track", "--db", db, old, idOld}, "内容相同"},
		{[]string{"track", cur, old}, "请把较早的报告放在前面"},
		{[]string{"track", "--db", db, idCur, idOld}, "请把较早的报告放在前面"},
		{[]string{"track", "--period", "2025", old, cur}, "回顾的是同一时段（2025年）"},
		{[]string{"draft", "--from", old, "--actual", old}, "不能自己对照自己"},
		{[]string{"draft", "--from", cur, "--actual", old}, "请把较早的报告放在前面"},
	} {
		code, out, errOut := runCLI(t, "", tt.args...)
		if code != exitUsage || !strings.Contains(errOut, tt.why) || strings.Contains(out, "已完成") {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tt.args, code, errOut, exitUsage, tt.why)
		}
	}
	// The near miss: the later report of the same unit is tracked.
	if code, out, errOut := runCLI(t, "", "track", "--db", db, idOld, cur); code != exitOK || !strings.Contains(out, "已完成") {
		t.Errorf("track ID file: %d %s %s", code, out, errOut)
	}
	// A unit's stored reports: a second report of the same period is
	// skipped, with the reason, and the others are tracked.
	dup := filepath.Join(t.TempDir(), "shiqiao-2025-b.txt")
	b, _ := os.ReadFile(cur)
	os.WriteFile(dup, append(b, []byte("\n（本文另有补充说明。）\n")...), 0o644)
	if code, _, errOut := runCLI(t, "", "add", "--db", db, "--quiet", dup); code != exitOK {
		t.Fatalf("add dup: %d %s", code, errOut)
	}
	code, out, errOut := runCLI(t, "", "track", "--db", db, "--unit", "石桥镇")
	if code != exitOK || strings.Count(out, "的目标 →") != 1 || !strings.Contains(errOut, "跳过：") || !strings.Contains(errOut, "回顾的是同一时段") {
		t.Errorf("track --unit with two reports of one period: %d\n%s\n%s", code, out, errOut)
	}
}

// Our own undated reports: a plan and, a year later, its outcome. Neither
// states its year.
const (
	undatedOld = "柳河乡工作总结\n一、主要工作\n全年新增就业1200人。\n二、下一步工作计划\n力争新增就业1300人，完成固定资产投资3亿元。\n"
	undatedNew = "柳河乡工作总结\n一、主要工作\n全年新增就业1350人，完成固定资产投资2.6亿元。\n二、下一步工作计划\n力争新增就业1400人。\n"
)

// TestMetaFlags: --unit and --period on extract, check, track, series and
// draft, one value for every file or one per file.
func TestMetaFlags(t *testing.T) {
	a := writeFile(t, "a.txt", undatedOld)
	b := writeFile(t, "b.txt", undatedNew)

	code, out, errOut := runCLI(t, "", "extract", "--format", "json", "--period", "2023,2024", "--unit", "临川区柳河乡", a, b)
	var res struct {
		Documents []struct {
			Meta struct {
				Unit   string
				Level  string
				Review struct {
					Year   int
					Period string
				}
				Plan struct{ Year int }
			}
		}
	}
	if code != exitOK || json.Unmarshal([]byte(out), &res) != nil || len(res.Documents) != 2 {
		t.Fatalf("extract: %d %s %s", code, out, errOut)
	}
	for i, want := range []int{2023, 2024} {
		m := res.Documents[i].Meta
		if m.Unit != "临川区柳河乡" || m.Level != "township" || m.Review.Year != want || m.Review.Period != "FY" || m.Plan.Year != want+1 {
			t.Errorf("extract document %d: %+v", i, m)
		}
	}
	code, out, _ = runCLI(t, "", "extract", "--period", "2024年上半年", a)
	if code != exitOK || !strings.Contains(out, "回顾 2024年上半年") {
		t.Errorf("extract --period in Chinese: %d\n%s", code, out)
	}

	// Without periods, track cannot tell which targets are due, and says
	// so; with them, it tracks.
	code, out, errOut = runCLI(t, "", "track", a, b)
	if code != exitOK || !strings.Contains(errOut, "都没有写明回顾的时段") {
		t.Errorf("track undated: %d\n%s\n%s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "", "track", "--format", "json", "--period", "2023,2024", a, b)
	var tr struct{ Summary map[string]int }
	if code != exitOK || json.Unmarshal([]byte(out), &tr) != nil || tr.Summary["met"] != 1 || tr.Summary["partial"] != 1 || errOut != "" {
		t.Errorf("track --period: %d %s %s", code, out, errOut)
	}

	code, out, _ = runCLI(t, "", "series", "--format", "json", "--all", "--period", "2023,2024", b, a)
	var sr struct {
		Series []struct {
			Key    string
			Points []struct{ Period string }
		}
	}
	if code != exitOK || json.Unmarshal([]byte(out), &sr) != nil {
		t.Fatalf("series: %d %s", code, out)
	}
	found := false
	for _, s := range sr.Series {
		if strings.Contains(s.Key, "就业") && len(s.Points) == 2 && s.Points[0].Period == "2023FY" && s.Points[1].Period == "2024FY" {
			found = true
		}
	}
	if !found {
		t.Errorf("series --period: no 就业 over 2023FY, 2024FY (the files given in the other order):\n%s", out)
	}

	code, out, errOut = runCLI(t, "", "draft", "--from", a, "--actual", b, "--period", "2024", "--unit", "柳河乡")
	if code != exitOK || !strings.Contains(out, "柳河乡") || !strings.Contains(out, "2024") || !strings.Contains(errOut, "已完成 1，未完成 0，部分完成 1") {
		t.Errorf("draft --period --unit: %d\n%s\n%s", code, out, errOut)
	}

	code, _, _ = runCLI(t, "", "check", "--period", "2024H1", "--unit", "柳河乡", a)
	if code == exitUsage {
		t.Errorf("check --period --unit: exit %d", code)
	}
	for _, args := range [][]string{
		{"extract", "--period", "去年", a},
		{"extract", "--period", "2023,2024,2025", a, b},
		{"extract", "--period", ",", a},
		{"extract", "--unit", " ", a},
		{"extract", "--unit", "甲,,乙", a, b},
		{"check", "--period", "2024H3", a},
		{"track", "--period", "2023,2024,2025", a, b},
		{"series", "--period", "2023", "--unit", "柳河乡"},
		{"draft", "--from", a, "--period", "24"},
		{"draft", "--from", a, "--unit", " "},
		{"add", "--period", "2023,2024", a},
	} {
		code, _, errOut := runCLI(t, "", args...)
		if code != exitUsage || errOut == "" {
			t.Errorf("%q: exit %d, stderr %q; want a usage error", args, code, errOut)
		}
	}
}
