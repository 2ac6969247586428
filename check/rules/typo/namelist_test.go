package typo

import (
	"strings"
	"testing"
)

// TestInNameList checks the lists of names: a span that is a whole item
// of a list beside a name (nameLike) is a name; one in a list of words,
// or part of an item, is not.
func TestInNameList(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, span string
		want       bool
	}{
		{"加快壮大，蔚来、比亚迪、奇瑞等企业", "蔚来", true},
		{"推进汾河、涝河、昕水河、浍河综合治理", "涝河", true},
		{"一批龙头企业，奇瑞、蔚来等加快发展", "蔚来", true},
		// Near-misses: a list of words, a span that is part of its item
		// or of an item set off by no 、, a list of one item.
		{"加快发展教育、卫声、文化等社会事业", "卫声", false},
		// Items general text writes as words (水文 660 in the lexicon),
		// though report prose seldom does, and items of four characters,
		// whose pairs across two words are rare (宁德时代: 德时).
		{"加强气象、水文、信仿、档案工作", "信仿", false},
		{"一批龙头企业，宁德时代、蔚来等加快发展", "蔚来", false},
		{"支持蔚来汽车、比亚迪发展", "蔚来", false},
		{"支持蔚来，比亚迪发展", "蔚来", false},
		{"支持蔚来发展", "蔚来", false},
		// An item glued to the words before it is read as none.
		{"培育宁德时代、蔚来等龙头企业", "蔚来", false},
	}
	for _, tt := range tests {
		start := strings.Index(tt.text, tt.span)
		if got := l.inNameList(tt.text, start, start+len(tt.span)); got != tt.want {
			t.Errorf("%s, %s: inNameList %v, want %v", tt.text, tt.span, got, tt.want)
		}
	}
}

// TestNonWordNameList runs TY008 over a list of firms whose name it took
// for a typo before (蔚来 → 未来), and over typos in lists of words, which
// it still finds.
func TestNonWordNameList(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, want string
	}{
		{"支持华为、中兴、京东方、宁德时代、比亚迪、奇瑞、吉利、长城、蔚来、小鹏、理想、零跑、赛力斯等企业做大做强。", ""},
		{"加快发展教育、卫声、文化、体育等社会事业，卫生健康服务水平提升。", "卫声→卫生"},
		{"支持民营企业、国有企业、外资企业、中小企叶共同发展，企业活力增强。", "企叶→企业"},
	}
	for _, tt := range tests {
		wantFinding(t, l, tt.text, tt.want)
	}
}
