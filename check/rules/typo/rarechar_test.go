package typo

import (
	"testing"

	"zongjie/check/checktest"
)

// TestRareChar covers TY004: extension characters and private-use
// characters are reported, the characters of the common set and the
// neighbouring blocks are not.
func TestRareChar(t *testing.T) {
	checktest.Expect(t, RareChar, []checktest.Case{
		{In: "对各排灌站、㘰门进行了全面检查。", Want: []string{"㘰"}},
		{In: "新建\U00020000道路两条。", Want: []string{"\U00020000"}},
		{In: "完成\ue000改造任务，\U000F0001项。", Want: []string{"\ue000", "\U000F0001"}},
		{In: "㐀与䶿在扩展A的两端。", Want: []string{"㐀", "䶿"}},
		{Name: "near miss 闸门", In: "对各排灌站、闸门进行了全面检查。"},
		{Name: "near miss 〇 and hexagrams", In: "二〇二四年，䷀卦象不在扩展A内。"},
		{Name: "near miss compatibility and symbols", In: "①②③、℃、㎡、ｘ、—、…均为常用符号。"},
	})
}

// TestRareKind checks the block boundaries.
func TestRareKind(t *testing.T) {
	for r, want := range map[rune]string{
		0x33FF: "", 0x3400: "ext", 0x4DBF: "ext", 0x4DC0: "", 0x4E00: "",
		0xDFFF: "", 0xE000: "pua", 0xF8FF: "pua", 0xF900: "",
		0x1FFFF: "", 0x20000: "ext", 0x3134F: "ext", 0x31350: "",
		0xF0000: "pua", 0x10FFFD: "pua",
	} {
		if got := rareKind(r); got != want {
			t.Errorf("rareKind(%U) = %q, want %q", r, got, want)
		}
	}
}
