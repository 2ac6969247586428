package typo

import (
	"strings"
	"testing"
)

// TestParallelItem checks the items set in parallel (parallelItem): each
// case is a text, the span as "wrong→right", and whether the span is
// part of an item that its sibling across 、，； makes a coinage of.
func TestParallelItem(t *testing.T) {
	tests := []struct {
		text, span string
		want       bool
	}{
		// The sibling repeats the wrong character and its neighbour.
		{"民之所盼，政之所向。", "政之→政治", true},
		{"坚持以案为鉴、以案明纪、以案促改。", "以案→议案", true},
		// Counted from the items' ends.
		{"推动发展稳中有为，稳中提质。", "稳中→稳重", true},
		// The sibling reads the same on both sides of another character.
		{"弘扬抗洪精神、抗疫精神。", "抗疫→抗议", true},
		{"推进政企分开、政资分开。", "政资→政治", true},
		// Near misses: the sibling holds the correction (a typo of the
		// word the list repeats).
		{"加强基层管理、加墙社会治理。", "加墙→加强", false},
		{"弘扬抗洪精神、抗宏精神。", "抗宏→抗洪", false},
		// The wrong character alone, at an item's start (推动, 推护).
		{"坚持推动发展、推护群众权益。", "推护→维护", false},
		// Two characters of a frame only (第一位, 第耳位), or agreement on
		// one side of the replaced place only (公共资源配置, 公共资阐交易).
		{"出口额跃居世界第一位，提升到第耳位。", "耳位→二位", false},
		{"健全公共资源配置，公共资阐交易。", "资阐→资产", false},
		// No mark between: one item.
		{"弘扬抗洪精神抗疫精神。", "抗疫→抗议", false},
	}
	for _, tt := range tests {
		wrong, right, _ := strings.Cut(tt.span, "→")
		start := strings.LastIndex(tt.text, wrong)
		if start < 0 {
			t.Fatalf("%s: no %s", tt.text, wrong)
		}
		s := suspect{start: start, end: start + len(wrong), right: right}
		at, r := s.replaced(tt.text)
		if got := parallelItem(tt.text, s.start, s.end, at, r); got != tt.want {
			t.Errorf("%s %s: got %v, want %v", tt.text, tt.span, got, tt.want)
		}
	}
}

// TestBeforeSharedName checks the name suffixes written once for a list
// of names (beforeSharedName): the text after a span of two characters.
func TestBeforeSharedName(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		after string
		want  bool
	}{
		{"、石雄铁路项目建设", true},
		{"、津兴城际建成通车", true},
		{"、石雄、津兴铁路", true},
		// Near misses: the item is a word (产业集群、产业园区), of another
		// length, or followed by no suffix; no list.
		{"、产业园区、龙头企业", false},
		{"、石家庄铁路", false},
		{"、石雄项目建设", false},
		{"铁路项目", false},
		{"，石雄铁路", false},
	}
	for _, tt := range tests {
		if got := l.beforeSharedName(tt.after, 2); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.after, got, tt.want)
		}
	}
}
