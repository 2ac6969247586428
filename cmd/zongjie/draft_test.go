package main

import (
	"archive/zip"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestSeries lists a unit's indicators from files and from the store.
func TestSeries(t *testing.T) {
	dir := exampleFiles(t)
	old, cur := filepath.Join(dir, "shiqiao-2024.txt"), filepath.Join(dir, "shiqiao-2025.txt")
	code, out, errOut := runCLI(t, "", "series", "--format", "json", cur, old)
	if code != exitOK {
		t.Fatalf("series: %d\n%s", code, errOut)
	}
	var got struct {
		Series []struct {
			Key    string
			Points []struct{ Period string }
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range got.Series {
		if s.Key == "粮食播种面积" {
			found = len(s.Points) == 2 && s.Points[0].Period == "2024FY" && s.Points[1].Period == "2025FY"
		}
	}
	if !found {
		t.Errorf("series: no 粮食播种面积 for 2024FY and 2025FY in order\n%s", out)
	}

	db := filepath.Join(t.TempDir(), "z.db")
	if code, _, errOut := runCLI(t, "", "add", "--db", db, "--quiet", dir); code != exitOK {
		t.Fatalf("add: %d\n%s", code, errOut)
	}
	code, out, errOut = runCLI(t, "", "series", "--db", db, "--unit", "石桥镇", "--format", "csv", "--name", "粮食播种面积")
	if code != exitOK || !strings.Contains(out, "期间") || !strings.Contains(out, ",2025年,") || !strings.Contains(out, "6.85万亩") {
		t.Errorf("series --unit csv: %d\n%s\n%s", code, out, errOut)
	}
}

// TestDraft drafts from a file with the results of a later report, as
// Markdown and as .docx.
func TestDraft(t *testing.T) {
	dir := exampleFiles(t)
	old, cur := filepath.Join(dir, "shiqiao-2024.txt"), filepath.Join(dir, "shiqiao-2025.txt")
	code, out, errOut := runCLI(t, "", "draft", "--from", old, "--actual", cur)
	if code != exitOK || !strings.HasPrefix(out, "# 石桥镇2025年工作总结及2026年工作计划") || !strings.Contains(errOut, "已完成") {
		t.Fatalf("draft md: %d\n%s\n%s", code, out, errOut)
	}
	data := writeFile(t, "data.csv", "指标,数值,单位\n粮食播种面积,6.5,万亩\n")
	code, out, errOut = runCLI(t, "", "draft", "--from", old, "--data", data, "--period", "2025")
	if code != exitOK || !strings.Contains(out, "粮食播种面积6.5万亩，完成目标（6.8万亩以上）的96%") || !strings.Contains(out, "高标准农田完成xx万亩") {
		t.Errorf("draft --data: %d\n%s\n%s", code, out, errOut)
	}
	docx := filepath.Join(t.TempDir(), "draft.docx")
	if code, _, errOut := runCLI(t, "", "draft", "--from", old, "--format", "docx", "-o", docx); code != exitOK {
		t.Fatalf("draft docx: %d\n%s", code, errOut)
	}
	zr, err := zip.OpenReader(docx)
	if err != nil {
		t.Fatalf("draft docx: %v", err)
	}
	defer zr.Close()
	ok := false
	for _, f := range zr.File {
		ok = ok || f.Name == "word/document.xml"
	}
	if !ok {
		t.Error("draft docx: no word/document.xml")
	}
	if code, _, _ := runCLI(t, "", "draft", "--from", old, "--format", "docx"); code != exitUsage {
		t.Errorf("draft docx without -o: exit %d, want %d", code, exitUsage)
	}
	if code, _, _ := runCLI(t, "", "draft"); code != exitUsage {
		t.Errorf("draft without --from: exit %d, want %d", code, exitUsage)
	}
}
