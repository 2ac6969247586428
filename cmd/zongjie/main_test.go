package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zongjie/output"
)

// runCLI runs the command line with stdin and returns the exit code and
// both outputs.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// writeFile writes a file in a temporary directory and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const report = "青禾街道2024年上半年工作总结暨下半年工作计划\n一、上半年工作开展情况\n1－6月，完成财政总收入3.62亿元，同比增长8.4%。\n二、下半年工作计划\n力争全年规上工业增加值增速达10%以上。\n"

func TestExtractFormats(t *testing.T) {
	path := writeFile(t, "r.txt", report)

	code, out, errOut := runCLI(t, "", "extract", path)
	if code != exitOK || errOut != "" {
		t.Fatalf("text: code %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"标题：青禾街道2024年上半年工作总结暨下半年工作计划", "单位：青禾街道", "回顾 2024年上半年", "财政总收入", "3.62亿元（362000000元），同比增长8.4%", "目标（1 项）"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}

	// Flags may follow the file name.
	code, out, _ = runCLI(t, "", "extract", path, "--format", "json")
	if code != exitOK {
		t.Fatalf("json: code %d", code)
	}
	var res output.ExtractResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if len(res.Documents) != 1 || len(res.Documents[0].Quantities) != 2 || res.Documents[0].Meta.Unit != "青禾街道" {
		t.Errorf("json: %+v", res.Documents)
	}
	// The JSON carries the contract's field names.
	for _, key := range []string{`"documents"`, `"meta"`, `"outline"`, `"quantities"`, `"targets"`, `"base_value"`, `"growth"`, `"comparator"`, `"deadline"`} {
		if !strings.Contains(out, key) {
			t.Errorf("json lacks %s", key)
		}
	}

	code, out, _ = runCLI(t, "", "extract", "--format", "csv", path)
	if code != exitOK || !strings.HasPrefix(out, "\uFEFF") {
		t.Fatalf("csv: code %d, no BOM", code)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil || len(rows) != 3 || rows[0][6] != "指标" || rows[1][6] != "财政总收入" || rows[1][11] != "362000000" {
		t.Errorf("csv rows %q (err %v)", rows, err)
	}
}

// Ensure "-" reads standard input and several files are all reported.
func TestExtractStdinAndSeveralFiles(t *testing.T) {
	code, out, _ := runCLI(t, report, "extract", "-")
	if code != exitOK || !strings.Contains(out, "== 标准输入") {
		t.Errorf("stdin: code %d\n%s", code, out)
	}
	a := writeFile(t, "a.txt", report)
	b := writeFile(t, "b.md", "# 柳河乡2024年工作总结\n\n## 一、主要成效\n\n新增就业120人。\n")
	code, out, _ = runCLI(t, "", "extract", "--format", "json", a, b)
	var res output.ExtractResult
	if code != exitOK || json.Unmarshal([]byte(out), &res) != nil || len(res.Documents) != 2 || res.Documents[1].Path != b {
		t.Errorf("two files: code %d\n%s", code, out)
	}
}

// Ensure unreadable input exits 2 with the file named, while the readable
// files are still reported.
func TestExtractBadInput(t *testing.T) {
	good := writeFile(t, "good.txt", report)
	pdf := writeFile(t, "scan.pdf", "%PDF-1.7 binary")
	code, out, errOut := runCLI(t, "", "extract", good, pdf, filepath.Join(t.TempDir(), "missing.txt"))
	if code != exitUsage {
		t.Errorf("code %d, want %d", code, exitUsage)
	}
	if !strings.Contains(out, "青禾街道") {
		t.Errorf("the good file was not reported:\n%s", out)
	}
	for _, want := range []string{"scan.pdf: 不支持 PDF 格式", "missing.txt: 文件不存在"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	// In Chinese alone: the English of a reader error is for logs and the API.
	for _, not := range []string{"PDF is not supported", "no such file"} {
		if strings.Contains(errOut, not) {
			t.Errorf("stderr holds the English %q:\n%s", not, errOut)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"extract"},
		{"extract", "--format", "xml", "a.txt"},
		{"extract", "--no-such-flag"},
		{"extract", "--demo", "a.txt"},
	} {
		code, _, errOut := runCLI(t, "", args...)
		if code != exitUsage || errOut == "" {
			t.Errorf("%q: code %d, stderr %q", args, code, errOut)
		}
	}
	if code, _, _ := runCLI(t, "", "help"); code != exitOK {
		t.Errorf("help: code %d", code)
	}
	// version names the build, not "dev": this test binary records no
	// version, and says so.
	if code, out, _ := runCLI(t, "", "version"); code != exitOK || !strings.HasPrefix(out, "zongjie ") ||
		strings.Contains(out, "dev\n") || !strings.Contains(out, "修订：") || !strings.Contains(out, "Go：go1.") {
		t.Errorf("version: %d %q", code, out)
	}
	if code, _, _ := runCLI(t, "", "extract", "-h"); code != exitOK {
		t.Errorf("extract -h: code %d", code)
	}
}

// Ensure the demo runs on every bundled example.
func TestDemo(t *testing.T) {
	code, out, errOut := runCLI(t, "", "extract", "--demo")
	if code != exitOK || errOut != "" {
		t.Fatalf("demo: code %d, stderr %q", code, errOut)
	}
	for _, unit := range []string{"青禾街道", "石桥镇", "柳河乡"} {
		if !strings.Contains(out, "单位："+unit) {
			t.Errorf("demo output lacks %s", unit)
		}
	}
	if n := strings.Count(out, "\n== "); n < 4 {
		t.Errorf("demo reported %d reports", n+1)
	}
}
