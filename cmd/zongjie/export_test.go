package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"zongjie/reader"
)

// readDocx opens an exported .docx: its text as the project's reader
// reads it, and its styles part.
func readDocx(t *testing.T, data []byte) (text, styles string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	for _, f := range zr.File {
		if f.Name != "word/styles.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		styles = string(b)
	}
	file, err := reader.Read("out.docx", data)
	if err != nil {
		t.Fatalf("the reader refuses the export: %v", err)
	}
	return file.Text, styles
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

var fixedRE = regexp.MustCompile(`导出前已改正 (\d+) 处`)

// Ensure export writes a file beside the input with the certain fixes
// applied, or without them, or to standard output, and refuses to
// overwrite its input.
func TestExportFile(t *testing.T) {
	dir := exampleFiles(t)
	in := filepath.Join(dir, "qinghe-2024.txt")
	code, out, errOut := runCLI(t, "", "export", in)
	if code != exitOK || out != "" {
		t.Fatalf("export: %d %q %s", code, out, errOut)
	}
	if m := fixedRE.FindStringSubmatch(errOut); m == nil || m[1] == "0" || !strings.Contains(errOut, "已导出 "+filepath.Join(dir, "qinghe-2024.docx")) {
		t.Errorf("export: stderr %q", errOut)
	}
	text, styles := readDocx(t, readFile(t, filepath.Join(dir, "qinghe-2024.docx")))
	for _, want := range []string{"青禾街道2024年工作总结", "一、", "如火如荼", "每月组织三四个特色活动", "2024年工作总结及2025年工作计划报告如下"} {
		if !strings.Contains(text, want) {
			t.Errorf("export lacks %q", want)
		}
	}
	if strings.Contains(text, "如火如茶") {
		t.Error("export keeps the typo 如火如茶")
	}
	for _, font := range []string{"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312"} {
		if !strings.Contains(styles, `w:eastAsia="`+font+`"`) {
			t.Errorf("styles lack %s", font)
		}
	}

	// --no-fix keeps the text as written; -o - writes to standard output.
	code, out, errOut = runCLI(t, "", "export", "--no-fix", "-o", "-", in)
	if code != exitOK || !strings.HasPrefix(out, "PK") || strings.Contains(errOut, "改正") {
		t.Fatalf("export --no-fix -o -: %d %q", code, errOut)
	}
	if text, _ := readDocx(t, []byte(out)); !strings.Contains(text, "如火如茶") {
		t.Error("--no-fix: the typo is fixed")
	}

	// A .docx exports too (here the export itself), but never over itself.
	docx := filepath.Join(dir, "qinghe-2024.docx")
	if code, _, errOut = runCLI(t, "", "export", docx); code != exitUsage || !strings.Contains(errOut, "不能是输入文件本身") {
		t.Fatalf("export over the input: %d %s", code, errOut)
	}
	again := filepath.Join(dir, "again.docx")
	if code, _, errOut = runCLI(t, "", "export", docx, "-o", again); code != exitOK {
		t.Fatalf("export of a .docx: %d %s", code, errOut)
	}
	if text2, _ := readDocx(t, readFile(t, again)); text2 != text {
		t.Errorf("a .docx export exported again changed:\n%s\nwas\n%s", text2, text)
	}

	// Standard input needs -o.
	if code, _, errOut = runCLI(t, "", "export", "-"); code != exitUsage || !strings.Contains(errOut, "-o") {
		t.Errorf("export - without -o: %d %s", code, errOut)
	}
	code, out, _ = runCLI(t, report, "export", "-", "-o", "-")
	if code != exitOK {
		t.Fatalf("export of standard input: %d", code)
	}
	if text, _ := readDocx(t, []byte(out)); !strings.HasPrefix(text, "青禾街道2024年上半年工作总结暨下半年工作计划\n") || !strings.Contains(text, "1—6月") {
		t.Errorf("export of standard input: %q", text)
	}

	for _, args := range [][]string{{"export"}, {"export", "a", "b"}, {"export", "nosuch.txt"}, {"export", "--index", "2", in}} {
		if code, _, errOut := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("%v: code %d, stderr %s", args, code, errOut)
		}
	}
}

// Ensure stored reports export by ID, to report-ID.docx by default, with
// the certain fixes, Markdown read as Markdown.
func TestExportStored(t *testing.T) {
	dir := exampleFiles(t)
	db := filepath.Join(t.TempDir(), "z.db")
	if code, _, errOut := runCLI(t, "", "add", "--db", db, "--quiet", dir); code != exitOK {
		t.Fatalf("add: %d %s", code, errOut)
	}
	code, out, _ := runCLI(t, "", "list", "--db", db, "--format", "json")
	var list struct {
		Reports []struct {
			ID   int64  `json:"id"`
			Path string `json:"path"`
		} `json:"reports"`
	}
	if code != exitOK || json.Unmarshal([]byte(out), &list) != nil {
		t.Fatalf("list: %d %s", code, out)
	}
	ids := map[string]string{}
	for _, r := range list.Reports {
		ids[filepath.Base(r.Path)] = itoa(r.ID)
	}

	work := t.TempDir()
	t.Chdir(work)
	id := ids["shiqiao-2024.txt"]
	code, _, errOut := runCLI(t, "", "export", "--db", db, id)
	if code != exitOK || !strings.Contains(errOut, "报告 "+id+"：导出前已改正") {
		t.Fatalf("export %s: %d %s", id, code, errOut)
	}
	text, _ := readDocx(t, readFile(t, filepath.Join(work, "report-"+id+".docx")))
	if !strings.HasPrefix(text, "石桥镇2024年工作总结") || !strings.Contains(text, "3～6岁") || strings.Contains(text, "下载 打印") || strings.Contains(text, "各行其事") {
		t.Errorf("stored report exported as:\n%s", text)
	}

	id = ids["liuhe-2024.md"]
	out2 := filepath.Join(work, "liuhe.docx")
	if code, _, errOut = runCLI(t, "", "export", "--db", db, "--no-fix", id, "-o", out2); code != exitOK {
		t.Fatalf("export %s: %d %s", id, code, errOut)
	}
	text, _ = readDocx(t, readFile(t, out2))
	// Its table is a Word table: a row reads back as its cells, tab-separated.
	if !strings.HasPrefix(text, "柳河乡2024年工作总结及2025年工作计划\n") || !strings.Contains(text, "粮食总产量\t1.8万吨") || strings.Contains(text, "**") || strings.Contains(text, "| ---") {
		t.Errorf("stored Markdown report exported as:\n%s", text)
	}

	if code, _, errOut = runCLI(t, "", "export", "--db", db, "999"); code != exitUsage || !strings.Contains(errOut, "不存在") {
		t.Errorf("export of an unknown ID: %d %s", code, errOut)
	}
}

// TestExportDropsChrome: export applies the fixes check --fix makes, and
// page chrome goes whole — the 【字号： bar with its closing 】, the page's
// 来源：/时间： lines, a photo caption and a licence pasted after the report
// — while the report's text stays.
func TestExportDropsChrome(t *testing.T) {
	in := "下载\n打印\n【字号：\n大\n中\n小\n】\n\n柳塘镇2025年工作总结\n来源：柳塘日报\n时间：2026-01-05\n镇长在会上作报告。本报记者 王明摄\n" +
		"2025年，全镇上下团结一心，完成各项目标任务。\n一、主要工作\n新建村级养老服务站4个，改造农村公路12公里。\n\n\n" +
		"本作品属于公有领域。\nPublic domain\nfalse\n"
	dir := t.TempDir()
	path := filepath.Join(dir, "liutang.txt")
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "export", "-o", "-", path)
	if code != exitOK {
		t.Fatalf("export: %d %s", code, errOut)
	}
	text, _ := readDocx(t, []byte(out))
	for _, junk := range []string{"下载", "字号", "】", "来源", "2026-01-05", "记者", "公有领域", "Public domain", "false"} {
		if strings.Contains(text, junk) {
			t.Errorf("export keeps %q:\n%s", junk, text)
		}
	}
	for _, want := range []string{"柳塘镇2025年工作总结", "完成各项目标任务", "改造农村公路12公里"} {
		if !strings.Contains(text, want) {
			t.Errorf("export lacks %q:\n%s", want, text)
		}
	}
}

// Ensure export writes the report's own title and never one inferred from
// the metadata: a spaced title line is the title; a report without a
// title line gets none (issue 11.6).
func TestExportTitle(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name, text  string
		title       string // the first line of the document
		notInferred string // a title extract infers, which must not appear
		stderr      string
	}{
		{"spaced.txt", "政 府 工 作 报 告\n——2015年1月9日在桐溪区第五届人民代表大会第四次会议上\n各位代表：\n现在，我代表区人民政府，向大会报告工作。\n一、2014年工作回顾\n全区生产总值增长7%。\n",
			"政 府 工 作 报 告\n", "2015年政府工作报告", "政 府 工 作 报 告"},
		{"untitled.txt", "今年以来，桐溪区全区完成投资1亿元。\n一、2014年工作总结\n全区生产总值增长7%。\n二、2015年工作计划\n",
			"今年以来", "2014年工作总结及2015年工作计划", "原文无标题行"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := filepath.Join(dir, tt.name)
			if err := os.WriteFile(in, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, errOut := runCLI(t, "", "export", in)
			if code != exitOK {
				t.Fatalf("export: %d %s", code, errOut)
			}
			text, _ := readDocx(t, readFile(t, strings.TrimSuffix(in, ".txt")+".docx"))
			if !strings.HasPrefix(text, tt.title) || strings.Contains(text, tt.notInferred) {
				t.Errorf("document %q, want it to open with %q and not contain %q", text, tt.title, tt.notInferred)
			}
			if !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr %q lacks %q", errOut, tt.stderr)
			}
		})
	}
}
