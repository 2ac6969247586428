package document

import "testing"

// TestBrokenInside: a line of one to three characters between two lines of
// one sentence is web copy's fragment (hits); a short line after a title,
// a page number, a heading after it, a line after a finished sentence, or a
// fragment that ends a sentence is not (near misses).
func TestBrokenInside(t *testing.T) {
	tests := []struct {
		name, prev, frag, next string
		want                   bool
	}{
		{"a digit of M2", "主要预期目标是：国内生产总值增长6.5%左右；广义货币M", "2", "预期增长13%左右；居民消费价格涨幅3%左右。", true},
		{"a quoted name", "主要目标任务圆满完成，“", "十三五", "”实现了良好开局。", true},
		{"an aside", "以细颗粒物（PM", "2.5", "）治理为突破口。", true},
		{"after a full stop inside the line", "国内生产总值增长6.7%。广义货币M", "2", "余额增长11.3%。", true},
		// near misses
		{"after a title", "石门县2025年政府工作报告", "前言", "各位代表：", false},
		{"a page number", "国内生产总值增长6.5%左右，", "- 2 -", "居民消费价格涨幅3%左右。", false},
		{"after a finished sentence", "全年经济运行总体平稳。", "2", "居民消费价格涨幅3%左右。", false},
		{"a heading after it", "主要预期目标是：国内生产总值增长6.5%左右，", "2", "二、2025年工作安排", false},
		{"a heading as the fragment", "主要预期目标是：国内生产总值增长6.5%左右，", "一、", "坚持稳中求进", false},
		{"a fragment too long", "主要预期目标是：国内生产总值增长6.5%左右，", "居民消费", "价格涨幅3%左右。", false},
		{"a fragment that ends a sentence", "主要预期目标是：国内生产总值增长6.5%左右，", "好。", "居民消费价格涨幅3%左右。", false},
		{"nothing after it", "主要预期目标是：国内生产总值增长6.5%左右，", "2", "", false},
		{"a table cell by cell", "主要指标完成情况如下（单位", "亿元", "2024年", false},
		{"after a colon", "主要指标完成情况如下：", "指标", "地区生产总值增长6%", false},
	}
	for _, tt := range tests {
		if got := BrokenInside(tt.prev, tt.frag, tt.next); got != tt.want {
			t.Errorf("%s: BrokenInside = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestEndsSentence: 。！？；… end a sentence; a comma, an opening mark or
// a closing quotation mark do not.
func TestEndsSentence(t *testing.T) {
	for s, want := range map[string]bool{
		"经济运行平稳。": true, "目标是什么？": true, "增长6.5%左右；": true, "等等…": true, "平稳。　": true,
		"增长6.5%左右，": false, "广义货币M": false, "他说：“今年要努力。”": false, "": false,
	} {
		if got := EndsSentence(s); got != want {
			t.Errorf("EndsSentence(%q) = %v, want %v", s, got, want)
		}
	}
}
