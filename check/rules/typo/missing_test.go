package typo

import (
	"strings"
	"testing"
	"unicode/utf8"

	"zongjie/check/checktest"
)

// TestMissing covers TY006 with deletions of fixed phrases and the
// variants that are correct text.
func TestMissing(t *testing.T) {
	checktest.Expect(t, Missing, []checktest.Case{
		{In: "全面推进基层党组战斗堡垒作用。", Want: []string{"基层党组战斗堡垒作用→基层党组织战斗堡垒作用"}},
		{In: "建强基层党组战斗堡垒。", Want: []string{"基层党组战斗堡垒→基层党组织战斗堡垒"}},
		{In: "坚持稳中求进工作基调，推动高质发展。", Want: []string{"稳中求进工作基调→稳中求进工作总基调", "高质发展→高质量发展"}},
		{In: "规模以上工增加值增长5.2%。", Want: []string{"规模以上工增加值→规模以上工业增加值"}},
		{In: "持续推进全面从治党。", Want: []string{"全面从治党→全面从严治党"}},
		{Name: "near miss full phrases", In: "发挥基层党组织战斗堡垒作用，推动高质量发展，坚持稳中求进工作总基调。"},
		{Name: "near miss 基层组织", In: "发挥基层组织战斗堡垒作用。"},
		{Name: "near miss 中国现代化", In: "回顾中国现代化进程，推进中国式现代化。"},
		{Name: "near miss 高质量展示", In: "高质量展示发展成果，健全从严治党责任体系。"},
		{Name: "near miss 战略新兴产业", In: "培育战略新兴产业，建设现代产业体系。"},
		{Name: "near miss function word", In: "坚持以人民为中心发展思想的说法不在本规则检查之列。"},
	})
}

// TestMissingIndex checks the generated variants: the seed's deletion is
// there, no variant is a phrase, every variant keeps the first two and
// last two characters of its phrase and is one character shorter.
func TestMissingIndex(t *testing.T) {
	if got := missing.variants["基层党组战斗堡垒"]; got != "基层党组织战斗堡垒" {
		t.Errorf("基层党组战斗堡垒 → %q", got)
	}
	if len(missing.phrases) < 50 {
		t.Errorf("only %d phrases", len(missing.phrases))
	}
	for v, p := range missing.variants {
		rv, rp := []rune(v), []rune(p)
		switch {
		case missing.phrases[v]:
			t.Errorf("variant %q is a phrase", v)
		case len(rv) != len(rp)-1:
			t.Errorf("variant %q of %q is not one character shorter", v, p)
		case string(rv[:2]) != string(rp[:2]) || string(rv[len(rv)-2:]) != string(rp[len(rp)-2:]):
			t.Errorf("variant %q does not keep the ends of %q", v, p)
		}
	}
	for _, bad := range []string{
		"基层党组织\t不是变体",  // exclusion that is no deletion
		"高质量",          // too short
		"高质量发展\n高质量发展", // listed twice
	} {
		if _, err := buildMissingIndex(bad); err == nil {
			t.Errorf("buildMissingIndex(%q) accepted bad data", bad)
		}
	}
	if vs := deletions("获得感、幸福感、安全感"); strings.Contains(strings.Join(vs, " "), "获得感幸福感") {
		t.Errorf("deleted a punctuation mark: %v", vs)
	}
	if n := utf8.RuneCountInString("高质量发展"); n != 5 || len(deletions("高质量发展")) != 1 {
		t.Errorf("高质量发展 deletions: %v", deletions("高质量发展"))
	}
}
