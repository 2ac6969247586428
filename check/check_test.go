package check_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zongjie/check"
	"zongjie/check/checktest"
)

var (
	cutoffWords = check.NewWords("截止")
	nowWords    = check.NewWords("目前")
	wholeWords  = check.NewWords("截止目前")
)

// Two small rules for testing the framework: one reports every 截止 with a
// certain fix, one reports every 目前.
var (
	cutoff = &check.Rule{
		ID: "T001", Name: "test-cutoff", Category: check.Typo, Severity: check.Error,
		Doc: check.Doc{Title: "测试", Text: "测试规则", Wrong: "截止目前", Right: "截至目前", Source: "测试"},
		Run: func(p *check.Pass) {
			for _, m := range p.Find(cutoffWords) {
				p.Report(m.Span, "应为截至", check.Fix{Message: "改为截至", Replacement: "截至", Certain: true})
			}
		},
	}
	now = &check.Rule{
		ID: "T002", Name: "test-now", Category: check.Typo, Severity: check.Info, OffByDefault: true,
		Doc: check.Doc{Title: "测试", Text: "测试规则", Wrong: "目前", Right: "当前", Source: "测试"},
		Run: func(p *check.Pass) {
			for _, m := range p.Find(nowWords) {
				p.Report(m.Span, "目前", check.Fix{Replacement: "当前"})
			}
		},
	}
	whole = &check.Rule{
		ID: "T003", Name: "test-overlap", Category: check.Typo, Severity: check.Warning,
		Doc: check.Doc{Title: "测试", Text: "测试规则", Wrong: "截止目前", Right: "截至目前", Source: "测试"},
		Run: func(p *check.Pass) {
			for _, m := range p.Find(wholeWords) {
				p.Report(m.Span, "整体", check.Fix{Replacement: "到目前为止", Certain: true})
				p.Report(m.Span, "整体") // a duplicate, dropped
			}
		},
	}
)

func TestRunPositions(t *testing.T) {
	text := "一、总体情况\n截止目前，完成任务。\n\t截止目前😀截止\n"
	ds := checktest.Run(t, "t.txt", text, &check.Config{}, cutoff, now, whole) // defaults: T002 is off
	got := checktest.Messages(ds)
	want := []string{
		"T001 2:1 应为截至",
		"T003 2:1 整体",
		"T001 3:2 应为截至",
		"T003 3:2 整体",
		"T001 3:7 应为截至",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Offsets and lengths count characters; the emoji is one.
	last := ds[len(ds)-1]
	if r := []rune(text); string(r[last.Offset:last.Offset+last.Length]) != "截止" || last.Length != 2 {
		t.Errorf("offset %d length %d do not point at 截止", last.Offset, last.Length)
	}
	if last.Severity != check.Error || last.Category != check.Typo || last.Text != "截止" {
		t.Errorf("diagnostic %+v", last)
	}
}

func TestConfigSeverityAndSwitches(t *testing.T) {
	text := "截止目前，完成任务。"
	cfg := &check.Config{}
	cfg.Rules.Disable = []string{"test-overlap"}
	cfg.Rules.Enable = []string{"T002"}
	cfg.Rules.Severity = map[string]string{"T001": "warning"}
	ds := checktest.Run(t, "t.txt", text, cfg, cutoff, now, whole)
	if got := strings.Join(checktest.Messages(ds), "\n"); got != "T001 1:1 应为截至\nT002 1:3 目前" {
		t.Fatalf("got\n%s", got)
	}
	if ds[0].Severity != check.Warning {
		t.Errorf("severity %v, want warning from the config", ds[0].Severity)
	}
	cfg = &check.Config{}
	cfg.Rules.Disable = []string{"all"}
	cfg.Rules.Enable = []string{"T001"}
	if got := checktest.Messages(checktest.Run(t, "t.txt", text, cfg, cutoff, now, whole)); len(got) != 1 {
		t.Errorf("disable all, enable T001: %v", got)
	}
}

func TestSuppress(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"next paragraph only", "zongjie:ignore T001 引用原文\n截止目前，完成。\n截止目前，完成。", []string{"T003 2:1 整体", "T001 3:1 应为截至", "T003 3:1 整体"}},
		{"by name, in an HTML comment", "<!-- zongjie:ignore test-cutoff,T003 引用原文 -->\n截止目前，完成。", nil},
		{"whole file", "截止目前，完成。\n# zongjie:ignore-file all 历史文献\n截止目前。", nil},
		{"no reason", "zongjie:ignore T001\n截止目前，完成。", []string{"ZJ000 1:1 忽略指令缺少规则或原因，未生效；请写成“zongjie:ignore 规则编号 原因”", "T001 2:1 应为截至", "T003 2:1 整体"}},
		{"unknown rule", "zongjie:ignore T009 原因\n截止目前。", []string{"ZJ000 1:1 忽略指令中有未知的规则：T009（运行 zongjie rules 查看全部规则）", "T001 2:1 应为截至", "T003 2:1 整体"}},
		{"a directive is not checked itself", "// zongjie:ignore T001 截止目前的写法保留\n完成。", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := checktest.Messages(checktest.Run(t, "t.txt", tt.text, nil, cutoff, whole, check.DirectiveRule))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestApplyFixes(t *testing.T) {
	text := "截止目前，完成。截止明天。"
	ds := checktest.Run(t, "t.txt", text, &check.Config{}, cutoff, whole)
	// T001 at 0 and T003 at 0 overlap: the first diagnostic (T001) wins.
	got, n := check.ApplyFixes(text, ds)
	if got != "截至目前，完成。截至明天。" || n != 2 {
		t.Errorf("got %q (%d fixes)", got, n)
	}
	// Uncertain fixes are never applied.
	cfg := &check.Config{}
	cfg.Rules.Enable = []string{"T002"}
	ds = checktest.Run(t, "t.txt", "目前", cfg, now)
	if got, n := check.ApplyFixes("目前", ds); got != "目前" || n != 0 {
		t.Errorf("uncertain fix applied: %q", got)
	}
	if e := check.Edits(text, ds); len(e) != 0 {
		t.Errorf("edits %v", e)
	}
}

func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("zongjie.toml", `
[rules]
disable = ["T002"]
[rules.severity]
T001 = "info"
[typos]
"青禾街办" = "青禾街道"
[names]
units = ["青禾街道党工委"]
[banned]
"老板" = "称负责人"
`)
	c, err := check.LoadConfig(good)
	if err != nil {
		t.Fatal(err)
	}
	if c.Typos["青禾街办"] != "青禾街道" || c.Names.Units[0] != "青禾街道党工委" || c.Banned["老板"] != "称负责人" || c.Path != good {
		t.Errorf("config %+v", c)
	}
	if err := c.Validate([]*check.Rule{cutoff, now}); err != nil {
		t.Error(err)
	}
	if err := c.Validate([]*check.Rule{cutoff}); err == nil || !strings.Contains(err.Error(), "T002") {
		t.Errorf("unknown rule not reported: %v", err)
	}
	for name, bad := range map[string]string{
		"typo in a key": "[rule]\ndisable = [\"T001\"]\n",
		"bad severity":  "[rules.severity]\nT001 = \"fatal\"\n",
		"bad toml":      "[rules\n",
	} {
		if _, err := check.LoadConfig(write("bad/"+strings.ReplaceAll(name, " ", "_")+".toml", bad)); err == nil {
			t.Errorf("%s: no error", name)
		} else if !strings.Contains(err.Error(), "bad/") {
			t.Errorf("%s: error does not name the file: %v", name, err)
		}
	}
	sub := filepath.Join(dir, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := check.FindConfig(sub); got != good {
		t.Errorf("FindConfig = %q, want %q", got, good)
	}
}

// TestFindingsInsideChrome: a block of page chrome is the artifact rules'
// alone, so that --fix removes it whole: another rule's fix inside it
// (a half-width colon in 分享:) would keep the block from being removed.
func TestFindingsInsideChrome(t *testing.T) {
	text := "截止\n下载 打印\n截止发稿时本报记者 李明摄\n\n正文截止。\n"
	ds := checktest.Run(t, "t.txt", text, &check.Config{}, cutoff)
	var lines []int
	for _, d := range ds {
		lines = append(lines, d.Line)
	}
	if fmt.Sprint(lines) != "[1 5]" {
		t.Errorf("findings on lines %v, want [1 5]: none inside the chrome block of lines 2–3", lines)
	}
}
