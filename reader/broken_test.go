package reader

import (
	"strings"
	"testing"
)

// TestJoinBroken: lines that web copy broke inside a sentence around a
// short fragment are one paragraph, its text and positions those of the
// file; other short lines stay paragraphs of their own.
func TestJoinBroken(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // the paragraphs' texts
	}{
		{"a digit of M2", "主要目标是：广义货币M\n2\n预期增长13%左右。\n下一段。",
			[]string{"主要目标是：广义货币M\n2\n预期增长13%左右。", "下一段。"}},
		{"two fragments in one sentence", "目标任务完成，“\n十三五\n”开局良好，以细颗粒物（PM\n2.5\n）治理为重点。",
			[]string{"目标任务完成，“\n十三五\n”开局良好，以细颗粒物（PM\n2.5\n）治理为重点。"}},
		// near misses
		{"a title and a short line", "石门县政府工作报告\n前言\n各位代表：", []string{"石门县政府工作报告", "前言", "各位代表："}},
		{"a blank line around it", "主要目标是：广义货币M\n\n2\n\n预期增长13%左右。", []string{"主要目标是：广义货币M", "2", "预期增长13%左右。"}},
		{"a page number", "国内生产总值增长6.5%左右，\n- 2 -\n居民消费价格涨幅3%左右。", []string{"国内生产总值增长6.5%左右，", "- 2 -", "居民消费价格涨幅3%左右。"}},
		{"after a finished sentence", "全年经济运行平稳。\n2\n居民消费价格涨幅3%左右。", []string{"全年经济运行平稳。", "2", "居民消费价格涨幅3%左右。"}},
	}
	for _, tt := range tests {
		f, err := Read("t.txt", []byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range f.Paragraphs {
			got = append(got, f.Slice(p.Span))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
		if f.Text != tt.in {
			t.Errorf("%s: the text changed", tt.name)
		}
	}
}
