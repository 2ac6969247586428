package rules_test

import (
	"slices"
	"strings"
	"testing"

	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/examples"
	"zongjie/extract"
	"zongjie/reader"
)

// TestExamples checks the project's own example reports against the
// errors examples/README.md lists for them: each one found (rule and the
// text of its span, in order), and nothing else.
func TestExamples(t *testing.T) {
	want := map[string][]string{
		"liuhe-2024.md":   nil,
		"qinghe-2024.txt": {"YR001 2024", "NB002 1.", "YR003 今年上半年", "NM013 约300余", "NM014 102%", "PU006 、", "TY001 如火如茶"},
		"qinghe-2024h1.txt": {"TY002 做出", "PU008 －", "PH001 xx", "TY001 截止目前", "NB001 四是", "PH001 **", "PU008 －",
			"CA001 以习近平总书记为核心的党中央", "PU001 (", "PU001 )", "PU001 ,", "RP002 各社区均建立了“红黄绿”三色隐患台账，实行销号管理。", "TY001 再接再励"},
		"shiqiao-2024.txt": {"AR002 下载 打印 收藏", "PH003 A", "PH001 xxxx", "PU008 －", "TY001 各行其事"},
		"shiqiao-2025.txt": {"PH001 x.x", "PU008 －"},
	}
	files := examples.All()
	if len(files) != len(want) {
		t.Errorf("%d example files, want %d", len(files), len(want))
	}
	for _, ex := range files {
		f, err := reader.Read(ex.Name, ex.Data)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range check.Run(f, extract.File(f), rules.All(), &check.Config{}) {
			got = append(got, d.Rule+" "+d.Text)
		}
		name := strings.TrimPrefix(ex.Name, "examples/")
		if !slices.Equal(got, want[name]) {
			t.Errorf("%s:\n got  %s\n want %s", ex.Name, strings.Join(got, " | "), strings.Join(want[name], " | "))
		}
	}
}
