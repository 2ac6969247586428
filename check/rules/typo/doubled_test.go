package typo

import (
	"testing"
	"unicode/utf8"

	"zongjie/check/checktest"
)

// TestDoubled covers TY005: doubled function characters, and the words
// that contain a doubled pair correctly.
func TestDoubled(t *testing.T) {
	checktest.Expect(t, Doubled, []checktest.Case{
		{In: "全面完成了了年度目标任务。", Want: []string{"了了→了"}},
		{In: "群众的的满意度持续提升。", Want: []string{"的的→的"}},
		{In: "这是是全年的重点工作，并在在全区推广。", Want: []string{"是是→是", "在在→在"}},
		{In: "项目和和资金同步落实，与与会代表座谈。", Want: []string{"和和→和"}},
		{In: "要把把握发展主动权，也也要守住底线。", Want: []string{"也也→也"}},
		{In: "对于于法有据的事项，都都要公开。", Want: []string{"于于→于", "都都→都"}},
		{Name: "near miss reduplication", In: "道路、桥梁等等，常常检查，天天巡查，人人参与，层层压实，年年评比。"},
		{Name: "near miss 的的确确", In: "的的确确解决了问题，实现了目的的统一。"},
		{Name: "near miss 为了了解", In: "为了了解实情，不了了之的问题要追责。"},
		{Name: "near miss 是是非非", In: "分清是是非非，关键是是否落实到位。"},
		{Name: "near miss 实实在在", In: "实实在在办实事，现在在建项目12个，存在在岗不在状态的问题。"},
		{Name: "near miss 就就业", In: "就就业问题开展调研，就就医难题提出建议。"},
		{Name: "near miss 稳定和和谐", In: "维护社会稳定和和谐，参与与否自愿，以及及时性。"},
		{Name: "near miss 被被告", In: "依法保护被被告侵害的权益，并并购重组企业，即将将项目移交。"},
	})
}

// TestDoubledTable checks the data of TY005: one character each, listed
// once, and no guard that holds the character itself (which would hide a
// tripled character).
func TestDoubledTable(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range doubledChars {
		if utf8.RuneCountInString(d.char) != 1 || seen[d.char] {
			t.Errorf("bad or repeated character %q", d.char)
		}
		seen[d.char] = true
		if doubledByPair[d.char+d.char] == nil {
			t.Errorf("%q is not indexed", d.char)
		}
		for _, g := range []string{d.before, d.after} {
			for _, r := range g {
				if string(r) == d.char {
					t.Errorf("%q: guard holds the character itself", d.char)
				}
			}
		}
	}
}
