package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"zongjie/check/rules"
	"zongjie/output"
	"zongjie/reader"
)

// checkReport has findings of several rules: a certain typo fix (截止目前),
// a half-width comma, a placeholder (no fix), a plan year and a range
// connector (a warning).
const checkReport = "青禾街道2024年工作总结及2024年工作计划\r\n" +
	"一、2024年工作总结\r\n" +
	"截止目前,街道完成投资xx万元，始终保持昂杨的斗志。\r\n" +
	"二、2025年工作计划\r\n" +
	"力争全年完成投资2亿元，1-6月完成1亿元。\r\n"

func TestCheckText(t *testing.T) {
	path := writeFile(t, "r.txt", checkReport)
	code, out, errOut := runCLI(t, "", "check", path)
	if code != exitFindings || errOut != "" {
		t.Fatalf("code %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		path + ":3:1: 错误: ", "[TY001]",
		path + ":3:5: 错误: 中文中应使用全角“，”", "[PU001]",
		path + ":3:12: 错误: 数字“xx”未填写 [PH001]",
		"    3 | 截止目前,街道完成投资xx万元",
		// The caret under xx: 10 characters of two columns before it.
		"      |                      ^^\n",
		"= 修改：改为“昂扬”",
		"检查了 1 个文件，1 个文件发现",
		"可用 --fix 自动修改",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour codes written to a pipe")
	}
	_, colored, _ := runCLI(t, "", "check", "--color", "always", path)
	if !strings.Contains(colored, "\x1b[1;31m错误:") {
		t.Error("--color always writes no colour")
	}
}

func TestCheckCleanFile(t *testing.T) {
	path := writeFile(t, "ok.txt", "青禾街道2024年工作总结\n一、主要工作\n全年完成投资2亿元，同比增长5%。\n")
	code, out, errOut := runCLI(t, "", "check", path)
	if code != exitOK || errOut != "" || !strings.Contains(out, "未发现问题") {
		t.Errorf("code %d, out %q, stderr %q", code, out, errOut)
	}
}

func TestCheckJSONAndSARIF(t *testing.T) {
	path := writeFile(t, "r.txt", checkReport)
	code, out, _ := runCLI(t, "", "check", "--format", "json", path)
	if code != exitFindings {
		t.Fatalf("code %d", code)
	}
	var res struct {
		Files []struct {
			Path        string `json:"path"`
			Chars       int    `json:"chars"`
			Diagnostics []struct {
				Rule, Category, Severity, Text, Message string
				Line, Column, Offset, Length            int
				Fixes                                   []struct{ Message, Replacement string }
			} `json:"diagnostics"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(res.Files) != 1 || res.Files[0].Chars != len([]rune(strings.ReplaceAll(checkReport, "\r\n", "\n"))) {
		t.Fatalf("files %+v", res.Files)
	}
	text := []rune(strings.ReplaceAll(checkReport, "\r\n", "\n"))
	for _, d := range res.Files[0].Diagnostics {
		// Offsets and lengths are in characters and point at the text.
		if got := string(text[d.Offset : d.Offset+d.Length]); got != d.Text {
			t.Errorf("%s: offset %d length %d is %q, text %q", d.Rule, d.Offset, d.Length, got, d.Text)
		}
		if d.Severity != "error" && d.Severity != "warning" && d.Severity != "info" {
			t.Errorf("%s: severity %q", d.Rule, d.Severity)
		}
	}

	code, out, _ = runCLI(t, "", "check", "--format", "sarif", path)
	if code != exitFindings {
		t.Fatalf("sarif: code %d", code)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Version         string                `json:"version"`
					SemanticVersion string                `json:"semanticVersion"`
					Rules           []struct{ ID string } `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) != len(res.Files[0].Diagnostics) || len(log.Runs[0].Tool.Driver.Rules) != len(rules.All()) {
		t.Errorf("sarif: version %q, %d runs", log.Version, len(log.Runs))
	}
	// The tool's version is a number that validators accept, even in a
	// build that records none (as this test binary).
	if d := log.Runs[0].Tool.Driver; !strings.HasPrefix(d.Version, "0.0.0-dev") && d.Version == "" || d.SemanticVersion != d.Version {
		t.Errorf("sarif: tool version %q, semanticVersion %q; want a semantic version in both", d.Version, d.SemanticVersion)
	}
}

func TestCheckLevelAndRules(t *testing.T) {
	path := writeFile(t, "r.txt", checkReport)
	_, all, _ := runCLI(t, "", "check", "--format", "json", path)
	_, errs, _ := runCLI(t, "", "check", "--format", "json", "--level", "error", path)
	if strings.Contains(errs, `"severity": "warning"`) || len(errs) >= len(all) {
		t.Error("--level error kept warnings or dropped nothing")
	}
	_, out, _ := runCLI(t, "", "check", "--format", "json", "--disable", "TY001,placeholder-figure", path)
	if strings.Contains(out, `"TY001"`) || strings.Contains(out, `"PH001"`) {
		t.Error("--disable did not disable")
	}
	code, _, errOut := runCLI(t, "", "check", "--disable", "XX999", path)
	if code != exitUsage || !strings.Contains(errOut, "XX999") {
		t.Errorf("unknown rule: code %d, %q", code, errOut)
	}

	// zongjie.toml beside the file is found and applied.
	dir := filepath.Dir(path)
	if err := os.WriteFile(filepath.Join(dir, "zongjie.toml"), []byte("[rules]\ndisable = [\"PU001\"]\n[rules.severity]\nTY001 = \"info\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ = runCLI(t, "", "check", "--format", "json", path)
	if strings.Contains(out, `"PU001"`) || !strings.Contains(out, `"info"`) {
		t.Errorf("zongjie.toml not applied:\n%s", out)
	}
	if err := os.WriteFile(filepath.Join(dir, "zongjie.toml"), []byte("[rule]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCLI(t, "", "check", path)
	if code != exitUsage || !strings.Contains(errOut, "zongjie.toml") {
		t.Errorf("bad config: code %d, %q", code, errOut)
	}
}

func TestCheckFix(t *testing.T) {
	// A GB18030 file with CRLF line endings.
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(checkReport)
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "gbk.txt", gb)

	code, diff, _ := runCLI(t, "", "check", "--diff", path)
	if code != exitFindings || !strings.Contains(diff, "-截止目前,街道") || !strings.Contains(diff, "+截至目前，街道") {
		t.Fatalf("--diff: code %d\n%s", code, diff)
	}

	// --fix prints the fixed text and leaves the file alone.
	code, fixed, errOut := runCLI(t, "", "check", "--fix", path)
	if code != exitFindings || !strings.Contains(errOut, "已改正") || !strings.Contains(errOut, "需人工核对") {
		t.Fatalf("--fix: code %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"截至目前，街道", "昂扬", "2024年工作总结及2025年工作计划", "xx万元"} {
		if !strings.Contains(fixed, want) {
			t.Errorf("--fix output lacks %q:\n%s", want, fixed)
		}
	}
	if data, _ := os.ReadFile(path); string(data) != gb {
		t.Fatal("--fix or --diff changed the file")
	}
	// From standard input too.
	if code, out, _ := runCLI(t, checkReport, "check", "--fix", "-"); code != exitFindings || !strings.Contains(out, "截至目前") {
		t.Errorf("--fix -: code %d\n%s", code, out)
	}

	// --write rewrites in place, keeping encoding, line endings and a backup.
	code, out, errOut := runCLI(t, "", "check", "--write", path)
	if code != exitFindings || !strings.Contains(errOut, "已改正") || !strings.Contains(errOut, ".bak") {
		t.Fatalf("--write: code %d, stderr %q", code, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := reader.Read(path, data)
	if err != nil {
		t.Fatal(err)
	}
	if f.Encoding != "GB18030" || !bytes.Contains(data, []byte("\r\n")) || bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) {
		t.Errorf("encoding %s or line endings lost", f.Encoding)
	}
	if f.Text != strings.ReplaceAll(fixed, "\r\n", "\n") {
		t.Errorf("--write and --fix disagree:\n%s\n%s", f.Text, fixed)
	}
	if backup, err := os.ReadFile(path + ".bak"); err != nil || string(backup) != gb {
		t.Errorf("backup: %v", err)
	}
	// What is left is what has no certain fix: the placeholder.
	if !strings.Contains(out, "PH001") || strings.Contains(out, "TY001") {
		t.Errorf("after --write:\n%s", out)
	}
	// A second run keeps the first backup.
	runCLI(t, "", "check", "--write", path)
	if _, err := os.Stat(path + ".bak.2"); err == nil {
		t.Error("a run with nothing to fix wrote a backup")
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 2 {
		t.Errorf("files left: %v", entries)
	}
}

func TestCheckExitCode(t *testing.T) {
	// Warnings alone (a range written with a hyphen) exit 0.
	path := writeFile(t, "w.txt", "青禾街道2024年工作总结\n一、主要工作\n1-6月完成投资2亿元，同比增长5%。\n")
	code, out, _ := runCLI(t, "", "check", path)
	if code != exitOK || !strings.Contains(out, "PU008") {
		t.Errorf("warnings only: code %d\n%s", code, out)
	}
}

func TestCheckUsageErrors(t *testing.T) {
	path := writeFile(t, "r.txt", checkReport)
	for _, args := range [][]string{
		{"check"},
		{"check", "--format", "xml", path},
		{"check", "--level", "fatal", path},
		{"check", "--fix", "--diff", path},
		{"check", "--write", "-"},
		{"check", "--fix", path, path},
		{"check", "--fix", "--format", "json", path},
		{"check", "--annotate", "out.docx", path},
		{"check", "--demo", path},
	} {
		code, _, errOut := runCLI(t, "", args...)
		if code != exitUsage || errOut == "" {
			t.Errorf("%v: code %d, stderr %q", args, code, errOut)
		}
	}
	// An unreadable file among good ones: exit 2, the others still checked.
	code, out, errOut := runCLI(t, "", "check", path, filepath.Join(t.TempDir(), "missing.txt"))
	if code != exitUsage || !strings.Contains(errOut, "文件不存在") || !strings.Contains(out, "PH001") {
		t.Errorf("missing file: code %d, stderr %q", code, errOut)
	}
}

// TestCheckDemo: the demo finds the examples' deliberate errors and,
// having worked, exits 0 (make demo must look clean).
func TestCheckDemo(t *testing.T) {
	code, out, errOut := runCLI(t, "", "check", "--demo")
	if code != exitOK || errOut != "" || !strings.Contains(out, "错误") {
		t.Fatalf("code %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"examples/", "TY001", "PH001", "YR001"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
}

func TestCheckAnnotate(t *testing.T) {
	src, err := os.ReadFile("../../reader/testdata/numbered.docx")
	if err != nil {
		t.Skip("reader/testdata/numbered.docx missing (make testdata)")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.docx")
	if err := os.WriteFile(in, src, 0o644); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(dir, "out.docx")
	code, _, errOut := runCLI(t, "", "check", "--annotate", dest, in)
	if code == exitUsage {
		t.Fatalf("code %d: %s", code, errOut)
	}
	data, err := os.ReadFile(dest)
	if err != nil {
		t.Fatalf("no annotated copy: %v (%s)", err, errOut)
	}
	if code == exitFindings && !bytes.Contains(data, []byte("word/comments.xml")) {
		t.Error("findings but no comments part")
	}
	if !strings.Contains(errOut, "已写入") {
		t.Errorf("stderr %q", errOut)
	}
	if code, _, _ := runCLI(t, "", "check", "--annotate", in, in); code != exitUsage {
		t.Error("annotating over the input was allowed")
	}
}

func TestRulesCommand(t *testing.T) {
	code, out, _ := runCLI(t, "", "rules")
	if code != exitOK || !strings.Contains(out, "TY001") || !strings.Contains(out, "错别字") {
		t.Fatalf("code %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "", "rules", "typo-pair")
	if code != exitOK || !strings.Contains(out, "错误示例") || !strings.Contains(out, "正确写法") {
		t.Errorf("rule doc: code %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "", "rules", "--format", "json")
	var list []output.RuleJSON
	if code != exitOK || json.Unmarshal([]byte(out), &list) != nil || len(list) != len(rules.All()) {
		t.Errorf("json: code %d, %d rules", code, len(list))
	}
	if code, _, _ := runCLI(t, "", "rules", "NOPE"); code != exitUsage {
		t.Errorf("unknown rule: code %d", code)
	}
}

// TestRulesDoc keeps docs/rules.md in step with the rules.
func TestRulesDoc(t *testing.T) {
	var b bytes.Buffer
	if err := output.WriteRulesMarkdown(&b, rules.All()); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../docs/rules.md")
	if err != nil || !bytes.Equal(got, b.Bytes()) {
		t.Errorf("docs/rules.md is out of date: run make docs")
	}
}
