package typo

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"zongjie/check"
	"zongjie/examples"
	"zongjie/extract"
	"zongjie/internal/shared"
	"zongjie/reader"
)

// runFile reads one file and runs the whole category over it, returning
// the findings as "name rule text→fix" lines.
func runFile(t *testing.T, name string, data []byte) []string {
	t.Helper()
	f, err := reader.Read(name, data)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	var out []string
	for _, d := range check.Run(f, extract.File(f), Rules, nil) {
		s := fmt.Sprintf("%s %s %s", filepath.ToSlash(name), d.Rule, d.Text)
		if len(d.Fixes) > 0 {
			s += "→" + d.Fixes[0].Replacement
		}
		out = append(out, s)
	}
	return out
}

// runDir runs the category over the files of ../shared/<sub> matching
// pattern, naming them relative to the directory.
func runDir(t *testing.T, sub, pattern string) []string {
	t.Helper()
	dir := shared.Dir(t, sub)
	paths, _ := filepath.Glob(filepath.Join(dir, pattern))
	if len(paths) == 0 {
		t.Fatalf("no files match %s/%s", sub, pattern)
	}
	var out []string
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name, _ := filepath.Rel(dir, path)
		out = append(out, runFile(t, name, data)...)
	}
	return out
}

// compare fails with the differences between the findings and the
// expected list.
func compare(t *testing.T, got, want []string) {
	t.Helper()
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("unexpected finding: %s", g)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing finding: %s", w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d findings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
}

// TestCorpus runs the category over the published reports of the corpus
// (1.3 MB) and checks that it finds exactly the errors read and confirmed
// there, so that a new false positive fails. Confirmed:
//
//   - national/2011.txt writes 显着提高 twice (综合国力…, 国际地位和影响力…):
//     the 着 of a traditional-to-simplified conversion; the file has no
//     显著 at all.
//   - national/2011.txt ends its call with 做出新贡献: official writing uses
//     作出 before an abstract object (the other national reports write
//     作出…贡献).
func TestCorpus(t *testing.T) {
	compare(t, runDir(t, "corpus", "*/*.txt"), []string{
		"national/2011.txt TY001 显着提高→显著提高",
		"national/2011.txt TY001 显着提高→显著提高",
		"national/2011.txt TY002 做出→作出",
	})
}

// TestSeeds runs the category over the seed reports. Every finding was
// read and is a real error: 000 and 001 are the same report (001 with
// half-width punctuation and xxx placeholders); 002 writes ED屏幕 for LED
// 屏幕 and “各行其事”; 003 and 004 have no typo.
func TestSeeds(t *testing.T) {
	var want []string
	for _, seed := range []string{"000_8e6901b7a525d842.txt", "001_fed2e38e2e8090d0.txt"} {
		want = append(want,
			seed+" TY001 昂杨→昂扬",
			seed+" TY002 做出→作出", // 做出了应有的贡献
			seed+" TY006 基层党组战斗堡垒作用→基层党组织战斗堡垒作用",
			seed+" TY003 其它→其他", // 其它村社区
			seed+" TY001 截止目前→截至目前",
			seed+" TY001 谋化→谋划",
			seed+" TY004 㘰", // 㘰门 for 闸门
		)
	}
	want = append(want,
		"002_f7a6677d878e2b53.txt TY003 其它→其他", // 其它项目
		"002_f7a6677d878e2b53.txt TY001 各行其事→各行其是",
		"002_f7a6677d878e2b53.txt TY001 ED屏→LED屏",
	)
	compare(t, runDir(t, "seeds", "*.txt"), want)
}

// TestExamples runs the category over the project's example reports and
// checks that it finds their deliberate typos (examples/README.md) and
// nothing else.
func TestExamples(t *testing.T) {
	var got []string
	for _, f := range examples.All() {
		got = append(got, runFile(t, f.Name, f.Data)...)
	}
	compare(t, got, []string{
		"examples/qinghe-2024.txt TY001 如火如茶→如火如荼",
		"examples/qinghe-2024h1.txt TY002 做出→作出",
		"examples/qinghe-2024h1.txt TY001 截止目前→截至目前",
		"examples/qinghe-2024h1.txt TY001 再接再励→再接再厉",
		"examples/shiqiao-2024.txt TY001 各行其事→各行其是",
	})
}

// TestEdges runs every rule over each trigger and wrong form alone, at the
// end of a text and at its start, where the context checks look past the
// text's ends.
func TestEdges(t *testing.T) {
	var forms []string
	for t := range contextChecks {
		forms = append(forms, t)
	}
	for _, e := range pairEntries[:50] {
		forms = append(forms, e.wrong)
	}
	forms = append(forms, "的的", "了了", "基层党组战斗堡垒", "㘰", "x")
	for _, s := range forms {
		for _, text := range []string{s, "。" + s, s + "。"} {
			f, err := reader.Read("t.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			check.Run(f, extract.File(f), Rules, &check.Config{Banned: map[string]string{s: ""}})
		}
	}
}
