package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMessages: what a user reads names a file once, says codes in
// Chinese, says why something is unknown, and refuses blank arguments
// instead of taking them as nothing.
func TestMessages(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	undated := writeFile(t, "undated.txt", "矛盾纠纷化解工作总结\n一、主要做法\n推行网格化管理，化解矛盾纠纷86件。\n二、下一步打算\n继续完善网格员队伍。\n")
	db := filepath.Join(t.TempDir(), "z.db")

	// add names a file that fails once.
	_, _, errOut := runCLI(t, "", "add", "--db", db, empty, undated)
	if strings.Count(errOut, empty) != 1 || !strings.Contains(errOut, "文件是空的") {
		t.Errorf("add of an empty file: %q; want the path once and the reason", errOut)
	}
	// list and show: Chinese, and why a period or unit is unknown.
	_, out, _ := runCLI(t, "", "list", "--db", db)
	if !strings.Contains(out, "单位未识别  时段未识别") || !strings.Contains(out, "可用 zongjie add --unit 单位 --period 时段") {
		t.Errorf("list of an undated report:\n%s", out)
	}
	for _, code := range []string{" FY ", "summary", "street", "township"} {
		if strings.Contains(out, code) {
			t.Errorf("list shows the code %q:\n%s", code, out)
		}
	}
	_, out, _ = runCLI(t, "", "show", "--db", db, "1")
	for _, want := range []string{"时段：时段未识别（报告中没有写明年份或时段；可用 zongjie add --period 时段", "类型：", "（工作回顾）", "（工作计划）"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	for _, code := range []string{"（review）", "（plan）", "层级：street", "类型：summary"} {
		if strings.Contains(out, code) {
			t.Errorf("show shows the code %q:\n%s", code, out)
		}
	}
	// The Chinese names are accepted as filters too.
	if code, out, _ := runCLI(t, "", "search", "--db", db, "--kind", "回顾", "网格"); code != exitOK || !strings.Contains(out, "（工作回顾）") {
		t.Errorf("search --kind 回顾: %d %s", code, out)
	}

	// Blank and out-of-range arguments are usage errors, said.
	for _, args := range [][]string{
		{"search", "--db", db, ""},
		{"search", "--db", db, "，。！"},
		{"search", "--db", db, "--limit", "0", "网格"},
		{"search", "--db", db, "--kind", "成效", "网格"},
		{"list", "--db", db, "--level", "村委会"},
		{"list", "--db", db, "--genre", "报告"},
		{"list", "--db", db, "--year", "24"},
		{"list", "--db", db, "--unit", " "},
		{"similar", "--db", db, "--top", "0", undated},
		{"families", "--db", db, "--top", "-1"},
		{"extract", ""},
		{"check", " "},
		{"series", "--name", " ", undated},
		{"export", undated, "-o", ""},
		{"draft", "--from", undated, "--data", ""},
		{"compare", undated, ""},
	} {
		code, out, errOut := runCLI(t, "", args...)
		if code != exitUsage || errOut == "" || strings.HasPrefix(errOut, "用法") || strings.Contains(out, "没有找到") {
			t.Errorf("%q: exit %d, stderr %q; want a usage error that says why", args, code, errOut)
		}
	}

	// extract says why a period is unknown.
	if _, out, _ := runCLI(t, "", "extract", undated); !strings.Contains(out, "期间：未识别（报告中没有写明年份或时段；可用 --period 指定") {
		t.Errorf("extract of an undated report:\n%s", out)
	}

	// A database named with a password: the password is not shown.
	_, _, errOut = runCLI(t, "", "list", "--db", "postgres://zj:s3cret@127.0.0.1:1/none?connect_timeout=2")
	if strings.Contains(errOut, "s3cret") || !strings.Contains(errOut, "无法打开数据库 postgres://zj:xxxxx@127.0.0.1:1/none") {
		t.Errorf("list --db with a password: %q", errOut)
	}
}
