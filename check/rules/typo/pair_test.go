package typo

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/check/checktest"
)

// TestPair covers TY001 with hits from report usage and near misses: the
// contexts in which a short wrong form is part of correct text.
func TestPair(t *testing.T) {
	checktest.Expect(t, Pair, []checktest.Case{
		{In: "全体干部再接再励，奋力完成全年目标任务。", Want: []string{"再接再励→再接再厉"}},
		{In: "始终保持昂杨的斗志和充足的干劲。", Want: []string{"昂杨→昂扬"}},
		{In: "街道主动谋化，积极探索新路径。", Want: []string{"谋化→谋划"}},
		{In: "全民健身活动开展得如火如茶。", Want: []string{"如火如茶→如火如荼"}},
		{In: "截止目前，已完成排查1200户。", Want: []string{"截止目前→截至目前"}},
		{In: "通过12块ED屏滚动播放宣传标语。", Want: []string{"ED屏→LED屏"}},
		{In: "统筹按排专人值守，给与困难群众临时救助。", Want: []string{"按排→安排", "给与→给予"}},
		{In: "各部门各行其事，砥励奋进的劲头不足。", Want: []string{"各行其事→各行其是", "砥励奋进→砥砺奋进"}},
		{In: "推广使用天燃气，防止各类事故。", Want: []string{"天燃气→天然气"}},
		{In: "以身做则，履职尽责，弄虚做假必须杜绝。", Want: []string{"以身做则→以身作则", "弄虚做假→弄虚作假"}},
		{In: "村级活动场所建设布署到位。", Want: []string{"布署→部署"}},
		{Name: "near miss 以经济", In: "坚持以经济建设为中心，以经营主体需求为导向。"},
		{Name: "near miss 供给与", In: "促进公共服务供给与群众需求有效对接。"},
		{Name: "near miss 交给与会", In: "会议材料已交给与会代表。"},
		{Name: "near miss LED", In: "在LED屏幕和OLED屏上滚动播放，led屏同步更新。"},
		{Name: "near miss 按排名", In: "按排名先后确定入围名单，按排放标准核定。"},
		{Name: "near miss 已及时", In: "对群众反映的问题已及时处置。"},
		{Name: "near miss 已便利", In: "新建便民服务点已便利群众办事。"},
		{Name: "near miss 此刻服务", In: "时刻服务群众，立刻服从安排。"},
		{Name: "near miss 保健设施", In: "完善社区保健设施，开展稳健设计。"},
		{Name: "near miss 正规化", In: "推进队伍正规化、专业化、职业化建设，提升法规化水平。"},
		{Name: "near miss 阴谋化", In: "防止把正常诉求阴谋化。"},
		{Name: "near miss 攻坚苦干", In: "开展攻坚苦干大比武。"},
		{Name: "near miss 建立既", In: "建立既科学又管用的考核体系，确立既定目标。"},
		{Name: "near miss 医嘱目录", In: "规范医嘱目录管理。"},
		{Name: "near miss 触发辉光", In: "屏幕不会触发辉光。"},
		{Name: "correct idioms", In: "再接再厉，始终保持昂扬的斗志，积极谋划，截至目前各项工作如火如荼。"},
	})
}

// TestPairConfig checks a project's extra pairs: they are reported like
// the built-in ones, and a wrong form inside its own right form is not
// reported where the text holds the right form.
func TestPairConfig(t *testing.T) {
	cfg := &check.Config{Typos: map[string]string{"青禾街办": "青禾街道", "临川": "临川区", "昂杨": "昂扬向上"}}
	ds := checktest.Run(t, "t.txt", "青禾街办位于临川区，临川东部，昂杨。", cfg, Pair)
	got := strings.Join(checktest.Brief(ds), " ")
	want := "青禾街办→青禾街道 临川→临川区 昂杨→昂扬向上"
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if pairDictFor(&check.Config{}) != pairDict {
		t.Error("an empty configuration rebuilds the dictionary")
	}
	same := &check.Config{Typos: map[string]string{"临川": "临川区", "青禾街办": "青禾街道", "昂杨": "昂扬向上"}}
	if pairDictFor(cfg) != pairDictFor(same) {
		t.Error("the dictionary is rebuilt for the same pairs")
	}
	other := &check.Config{Typos: map[string]string{"临川": "临川县"}}
	if d := pairDictFor(other); d.byWrong["临川"].right != "临川县" || d.byWrong["青禾街办"] != nil {
		t.Error("the cached dictionary is used for other pairs")
	}
}

// TestDictionary checks the data of TY001 and TY003: enough distinct
// pairs, no pair whose wrong form equals its right form, no wrong form
// listed twice or in both files, no wrong form inside its own right form
// unless a guard of the pair excludes exactly that context, no right form
// that the category would itself report, and known sources.
func TestDictionary(t *testing.T) {
	if n := len(pairEntries); n < 500 {
		t.Errorf("TY001 has %d pairs, want at least 500", n)
	}
	sources := map[string]bool{"GW": true, "Y100": true, "FX": true, "ZJ": true, "YX": true}
	seen := map[string]string{}
	for _, list := range []struct {
		name    string
		entries []*entry
	}{{"pairs.tsv", pairEntries}, {"variants.tsv", variantEntries}} {
		for _, e := range list.entries {
			where := list.name + ":" + e.wrong
			if prev, dup := seen[e.wrong]; dup {
				t.Errorf("%s: wrong form also listed in %s", where, prev)
			}
			seen[e.wrong] = list.name
			if e.wrong == e.right {
				t.Errorf("%s: wrong form equals its right form", where)
			}
			if !sources[e.source] {
				t.Errorf("%s: unknown source %q", where, e.source)
			}
			if utf8.RuneCountInString(e.wrong) < 2 {
				t.Errorf("%s: a one-character wrong form cannot be checked without context", where)
			}
			for _, g := range append(append([]string(nil), e.notBefore...), e.notAfter...) {
				if g == "" {
					t.Errorf("%s: empty guard", where)
				}
			}
			if k := strings.Index(e.right, e.wrong); k >= 0 && !guarded(e, e.right[:k], e.right[k+len(e.wrong):]) {
				t.Errorf("%s: wrong form occurs inside its right form %q without a guard", where, e.right)
			}
			for _, d := range []*dict{pairDict, variantDict} {
				d.scan(e.right, func(start int, hit *entry) {
					t.Errorf("%s: right form %q contains the wrong form %q", where, e.right, hit.wrong)
				})
			}
		}
	}
}

// guarded reports whether a guard of e excludes the match between before
// and after.
func guarded(e *entry, before, after string) bool {
	for _, g := range e.notBefore {
		if strings.HasSuffix(before, g) {
			return true
		}
	}
	for _, g := range e.notAfter {
		if strings.HasPrefix(after, g) {
			return true
		}
	}
	return false
}

// TestParseDict checks that malformed data is rejected.
func TestParseDict(t *testing.T) {
	for _, bad := range []string{
		"昂杨",               // one column
		"昂杨\t昂杨",           // wrong equals right
		"昂杨\t昂扬\n昂杨\t昂扬",   // listed twice
		"\t昂扬",             // empty wrong form
		"a\tb\tc\td\te\tf", // too many columns
	} {
		if _, err := parseDict("t.tsv", bad); err == nil {
			t.Errorf("parseDict(%q) accepted bad data", bad)
		}
	}
	es, err := parseDict("t.tsv", "# comment\n\n股分\t股份\t入|持\t红\tYX\r\n")
	if err != nil || len(es) != 1 {
		t.Fatalf("parseDict: %v %v", es, err)
	}
	if e := es[0]; e.wrong != "股分" || e.right != "股份" || len(e.notBefore) != 2 || len(e.notAfter) != 1 || e.source != "YX" {
		t.Errorf("parsed %+v", e)
	}
}

// TestDictScan checks the pair filter of a scan: forms found at the start,
// the end and next to each other, a one-character form (which turns the
// filter off) and a pair that shares only its first character.
func TestDictScan(t *testing.T) {
	scan := func(d *dict, text string) []string {
		var got []string
		d.scan(text, func(start int, e *entry) { got = append(got, fmt.Sprint(start, " ", e.wrong)) })
		return got
	}
	d := newDict([]*entry{{wrong: "昂杨", right: "昂扬"}, {wrong: "截止目前", right: "截至目前"}, {wrong: "甲乙丙", right: "甲乙丁"}})
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"昂杨", []string{"0 昂杨"}},
		{"斗志昂杨截止目前", []string{"6 昂杨", "12 截止目前"}},
		{"昂扬截止日期甲乙", nil},
		{"甲乙丙", []string{"0 甲乙丙"}},
		{"昂", nil},
	} {
		if got := scan(d, tc.text); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("scan(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	single := newDict([]*entry{{wrong: "昂杨", right: "昂扬"}, {wrong: "玆", right: "兹"}})
	if got := scan(single, "今玆昂杨玆"); fmt.Sprint(got) != fmt.Sprint([]string{"3 玆", "6 昂杨", "12 玆"}) {
		t.Errorf("one-character form: got %v", got)
	}
}
