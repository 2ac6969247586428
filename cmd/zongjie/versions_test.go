package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zongjie/store/pgtest"
)

// TestVersionsCommands: re-adding an edited file stores a new version of
// its report (series then lists each value once), --unit corrects a stored
// report as a new version, and versions, show --version and restore work
// on the history; on SQLite and PostgreSQL.
func TestVersionsCommands(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { versionsCommands(t, filepath.Join(t.TempDir(), "z.db")) })
	t.Run("postgres", func(t *testing.T) { versionsCommands(t, pgtest.CreateDatabase(t, "C.UTF-8")) })
}

func versionsCommands(t *testing.T, db string) {
	const v1 = "青禾街道2023年工作总结及2024年工作计划\n一、2023年工作总结\n全年新增就业1200人，完成固定资产投资3.2亿元。\n二、2024年工作计划\n力争新增就业1300人。\n"
	path := writeFile(t, "qinghe.txt", v1)
	run := func(args ...string) (int, string, string) {
		t.Helper()
		return runCLI(t, "", append(args[:1:1], append([]string{"--db", db}, args[1:]...)...)...)
	}
	if code, out, errOut := run("add", path); code != exitOK || !strings.Contains(out, "新增 1 篇报告，更新 0 篇") {
		t.Fatalf("add: %d %s %s", code, out, errOut)
	}
	// Edited in place and added again: a new version, not a second report.
	if err := os.WriteFile(path, []byte(strings.Replace(v1, "1200人", "1250人", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run("add", path)
	if code != exitOK || !strings.Contains(out, "新增 0 篇报告，更新 1 篇（保存为新版本），已有 0 篇") ||
		!strings.Contains(errOut, "保存为报告 1 的第 2 版（重新加入 qinghe.txt：文本有改动）") {
		t.Fatalf("add edited: %d %s %s", code, out, errOut)
	}
	code, out, _ = run("series", "--unit", "青禾街道", "--all", "--name", "新增就业")
	if code != exitOK || strings.Count(out, "1250人") != 1 || strings.Contains(out, "1200人") {
		t.Errorf("series after the edit: %d\n%s", code, out)
	}
	// A unit stated for a stored file corrects it, as a new version.
	code, out, errOut = run("add", "--unit", "临川区青禾街道", path)
	if code != exitOK || !strings.Contains(out, "更新 1 篇") || !strings.Contains(errOut, "单位 青禾街道 → 临川区青禾街道") {
		t.Fatalf("add --unit: %d %s %s", code, out, errOut)
	}
	code, out, _ = run("list")
	if code != exitOK || !strings.Contains(out, "临川区青禾街道  2023年，计划2024年  总结及计划") || !strings.Contains(out, "第 3 版") || !strings.Contains(out, "共 1 篇报告") {
		t.Errorf("list: %s", out)
	}

	code, out, _ = run("versions", "1")
	for _, want := range []string{"共 3 版", "  第 1 版", "首次加入", "  第 2 版", "文本有改动", "* 第 3 版", "更正元数据：单位 青禾街道 → 临川区青禾街道"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("versions lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run("versions", "--format", "json", "1")
	var vj struct {
		Versions []struct {
			Version int
			Note    string
			Current bool
			Unit    string
		}
	}
	if code != exitOK || json.Unmarshal([]byte(out), &vj) != nil || len(vj.Versions) != 3 || !vj.Versions[2].Current || vj.Versions[0].Current ||
		vj.Versions[2].Unit != "临川区青禾街道" || vj.Versions[1].Version != 2 || vj.Versions[1].Note != "重新加入 qinghe.txt：文本有改动" {
		t.Errorf("versions json: %s", out)
	}
	code, out, _ = run("versions", "--diff", "1", "1")
	if code != exitOK || !strings.Contains(out, "--- 报告 1 第 1 版") || !strings.Contains(out, "+++ 报告 1 第 3 版") ||
		!strings.Contains(out, "\n-全年新增就业1200人") || !strings.Contains(out, "\n+全年新增就业1250人") || !strings.Contains(out, "\n 一、2023年工作总结") {
		t.Errorf("versions --diff 1:\n%s", out)
	}
	if code, out, _ = run("versions", "--diff", "2,3", "1"); code != exitOK || !strings.Contains(out, "文字相同") {
		t.Errorf("versions --diff 2,3 (the same text): %d %s", code, out)
	}
	code, out, _ = run("show", "--version", "1", "--text", "1")
	if code != exitOK || out != v1 {
		t.Errorf("show --version 1 --text: %q", out)
	}
	code, out, _ = run("show", "1")
	if code != exitOK || !strings.Contains(out, "版本：第 3 版（当前版本），共 3 版") {
		t.Errorf("show: %s", out)
	}

	code, out, _ = run("restore", "1", "1")
	if code != exitOK || !strings.Contains(out, "已把报告 1 的第 1 版恢复为当前版本（第 4 版）") {
		t.Errorf("restore: %d %s", code, out)
	}
	if _, out, _ = run("show", "--text", "1"); out != v1 {
		t.Errorf("after restore, the current text: %q", out)
	}
	for _, args := range [][]string{
		{"restore", "1", "4"},  // the current one
		{"restore", "1", "9"},  // none such
		{"restore", "1", "x"},  // not a number
		{"restore", "77", "1"}, // no such report
		{"versions", "77"},     // no such report
		{"versions", "--diff", "0", "1"},
		{"versions", "--diff", "1,2,3", "1"},
		{"versions", "--diff", "9", "1"},
		{"show", "--version", "9", "1"},
	} {
		code, _, errOut := run(args...)
		if code != exitUsage || errOut == "" {
			t.Errorf("%q: %d %q; want a usage error", args, code, errOut)
		}
	}
}
