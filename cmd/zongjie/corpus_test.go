package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"zongjie/examples"
	"zongjie/store/pgtest"
)

// exampleFiles writes the example reports into a folder.
func exampleFiles(t *testing.T) string {
	dir := t.TempDir()
	for _, f := range examples.All() {
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f.Name)), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestCorpusCommands runs the corpus commands end to end on SQLite and
// on PostgreSQL: add (twice, and a bad file), list with a filter, show,
// search, similar, families, compare in both formats, rm.
func TestCorpusCommands(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { corpusCommands(t, filepath.Join(t.TempDir(), "z.db")) })
	t.Run("postgres", func(t *testing.T) { corpusCommands(t, pgtest.CreateDatabase(t, "C.UTF-8")) })
}

func corpusCommands(t *testing.T, db string) {
	dir := exampleFiles(t)
	bad := writeFile(t, "scan.pdf", "%PDF-1.4 not a report")

	code, out, errOut := runCLI(t, "", "add", "--db", db, dir, bad)
	if code != exitUsage || !strings.Contains(out, "新增 5 篇报告") || !strings.Contains(errOut, "scan.pdf") {
		t.Fatalf("add: %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ = runCLI(t, "", "add", "--db", db, dir)
	if code != exitOK || !strings.Contains(out, "新增 0 篇报告，更新 0 篇（保存为新版本），已有 5 篇") {
		t.Fatalf("add again: %d %s", code, out)
	}

	code, out, _ = runCLI(t, "", "list", "--db", db, "--unit", "石桥镇", "--format", "json")
	var list struct {
		Reports []struct {
			ID    int64  `json:"id"`
			Path  string `json:"path"`
			Years []int  `json:"years"`
		} `json:"reports"`
	}
	if code != exitOK || json.Unmarshal([]byte(out), &list) != nil || len(list.Reports) != 2 {
		t.Fatalf("list: %d %s", code, out)
	}
	ids := map[string]int64{}
	for _, r := range list.Reports {
		ids[filepath.Base(r.Path)] = r.ID
	}
	a, b := ids["shiqiao-2024.txt"], ids["shiqiao-2025.txt"]
	if a == 0 || b == 0 {
		t.Fatalf("list: %+v", list)
	}
	sa, sb := itoa(a), itoa(b)

	code, out, _ = runCLI(t, "", "show", "--db", db, sb)
	if code != exitOK || !strings.Contains(out, "单位：石桥镇") || !strings.Contains(out, "提纲：") {
		t.Fatalf("show: %d %s", code, out)
	}
	if code, _, errOut = runCLI(t, "", "show", "--db", db, "999"); code != exitUsage || !strings.Contains(errOut, "不存在") {
		t.Fatalf("show unknown: %d %s", code, errOut)
	}

	code, out, _ = runCLI(t, "", "search", "--db", db, "--kind", "problems", "--color", "never", "不足")
	if code != exitOK || !strings.Contains(out, "【不足】") || !strings.Contains(out, "存在问题") {
		t.Fatalf("search: %d %s", code, out)
	}
	code, out, _ = runCLI(t, "", "search", "--db", db, "--format", "json", "就业")
	var hits struct {
		Hits []struct {
			Text       string   `json:"text"`
			Highlights [][2]int `json:"highlights"`
		} `json:"hits"`
	}
	if code != exitOK || json.Unmarshal([]byte(out), &hits) != nil || len(hits.Hits) == 0 {
		t.Fatalf("search json: %d %s", code, out)
	}
	for _, h := range hits.Hits {
		rs := []rune(h.Text)
		if len(h.Highlights) == 0 || string(rs[h.Highlights[0][0]:h.Highlights[0][1]]) != "就业" {
			t.Errorf("hit %q highlights %v", h.Text, h.Highlights)
		}
	}

	code, out, _ = runCLI(t, "", "similar", "--db", db, filepath.Join(dir, "shiqiao-2025.txt"))
	if code != exitOK || !strings.Contains(out, "1. ["+sa+"] 石桥镇") {
		t.Fatalf("similar: %d %s", code, out)
	}
	code, out, _ = runCLI(t, "", "families", "--db", db)
	if code != exitOK || !strings.Contains(out, "第 1 组（2 篇）") || strings.Contains(out, "第 2 组") ||
		!strings.Contains(out, "共有文字（以 ["+sa+"] 为准，与 1 篇比对）") {
		t.Fatalf("families: %d %s", code, out)
	}
	code, out, _ = runCLI(t, "", "families", "--db", db, "--format", "json")
	var fams struct {
		Families []struct {
			Shared struct {
				Report      int64 `json:"report"`
				Chars       int   `json:"chars"`
				SharedChars int   `json:"shared_chars"`
				Passages    []struct {
					Offset int    `json:"offset"`
					Length int    `json:"length"`
					Text   string `json:"text"`
				} `json:"passages"`
			} `json:"shared"`
		} `json:"families"`
	}
	if err := json.Unmarshal([]byte(out), &fams); code != exitOK || err != nil || len(fams.Families) != 1 {
		t.Fatalf("families --format json: %d %v %s", code, err, out)
	}
	// shiqiao-2025 is shiqiao-2024 edited: most of the text is shared,
	// each passage quoted as it stands.
	sh := fams.Families[0].Shared
	if strconv.FormatInt(sh.Report, 10) != sa || sh.SharedChars < sh.Chars*3/4 || len(sh.Passages) == 0 ||
		len([]rune(sh.Passages[0].Text)) != sh.Passages[0].Length {
		t.Errorf("families --format json: shared %+v", sh)
	}
	if code, _, _ = runCLI(t, "", "families", "--db", db, "--top", "-1"); code != exitUsage {
		t.Errorf("families --top -1: exit %d; want %d", code, exitUsage)
	}

	code, out, _ = runCLI(t, "", "compare", "--db", db, "--format", "json", sa, filepath.Join(dir, "shiqiao-2025.txt"))
	var cmp struct {
		A struct {
			Path        string  `json:"path"`
			Chars       int     `json:"chars"`
			ReusedChars int     `json:"reused_chars"`
			Reuse       float64 `json:"reuse"`
			Boilerplate int     `json:"boilerplate_chars"`
		} `json:"a"`
		Passages []struct {
			AOffset   int  `json:"a_offset"`
			ALength   int  `json:"a_length"`
			BOffset   int  `json:"b_offset"`
			BLength   int  `json:"b_length"`
			Identical bool `json:"identical"`
			Edits     []struct {
				Kind string `json:"kind"`
			} `json:"edits"`
		} `json:"passages"`
	}
	if code != exitOK || json.Unmarshal([]byte(out), &cmp) != nil {
		t.Fatalf("compare: %d %s", code, out)
	}
	if cmp.A.Path != "#"+sa || cmp.A.Reuse < 0.9 || cmp.A.Boilerplate == 0 || len(cmp.Passages) == 0 {
		t.Errorf("compare: %+v", cmp.A)
	}
	years := 0
	for _, p := range cmp.Passages {
		for _, e := range p.Edits {
			if e.Kind == "year" {
				years++
			}
		}
	}
	if years == 0 {
		t.Error("compare: no year edit found between the 2024 and 2025 reports")
	}
	code, out, _ = runCLI(t, "", "compare", "--color", "never", filepath.Join(dir, "shiqiao-2024.txt"), filepath.Join(dir, "shiqiao-2025.txt"))
	if code != exitOK || !strings.Contains(out, "⟦2024⟧年工作总结") || !strings.Contains(out, "│") {
		t.Fatalf("compare text: %d %s", code, out)
	}
	if code, _, errOut = runCLI(t, "", "compare", "nosuchfile.txt", "x"); code != exitUsage || !strings.Contains(errOut, "nosuchfile.txt") {
		t.Fatalf("compare bad: %d %s", code, errOut)
	}

	if code, out, _ = runCLI(t, "", "rm", "--db", db, sa); code != exitOK || !strings.Contains(out, "已删除") {
		t.Fatalf("rm: %d %s", code, out)
	}
	if code, _, _ = runCLI(t, "", "rm", "--db", db, sa); code != exitUsage {
		t.Fatalf("rm again: %d", code)
	}
	code, out, _ = runCLI(t, "", "list", "--db", db)
	if code != exitOK || !strings.Contains(out, "共 4 篇报告") {
		t.Fatalf("list after rm: %s", out)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
