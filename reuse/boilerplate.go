package reuse

import (
	"slices"
	"strings"
	"sync"
)

// HashSet is a set of k-gram hashes; it implements Boilerplate.
type HashSet map[uint64]struct{}

// Has reports whether h is in the set.
func (s HashSet) Has(h uint64) bool {
	_, ok := s[h]
	return ok
}

// Add puts every k-gram hash of text's normalised form in the set.
func (s HashSet) Add(text string) {
	for _, h := range Normalize(text).Hashes() {
		s[h] = struct{}{}
	}
}

// Union is stock phrases known to any of its members.
type Union []Boilerplate

// Has reports whether a member has h.
func (u Union) Has(h uint64) bool {
	for _, b := range u {
		if b != nil && b.Has(h) {
			return true
		}
	}
	return false
}

func (u Union) markShort(t *Text, m []bool) {
	for _, b := range u {
		if s, ok := b.(shortMarker); ok {
			s.markShort(t, m)
		}
	}
}

// shortMarker is a Boilerplate that also knows phrases shorter than K,
// which no k-gram hash can stand for.
type shortMarker interface {
	markShort(t *Text, m []bool)
}

// Stock is a list of stock phrases: the k-gram hashes of the long ones
// and the short ones (fewer than K normalised characters) themselves.
type Stock struct {
	hashes HashSet
	short  map[rune][][]rune // by first character
}

// Has reports whether h is a k-gram of a stock phrase.
func (s *Stock) Has(h uint64) bool { return s.hashes.Has(h) }

// add adds a phrase.
func (s *Stock) add(phrase string) {
	n := Normalize(phrase)
	if len(n.Runes) >= K {
		s.hashes.Add(phrase)
		return
	}
	if len(n.Runes) >= 6 { // shorter ones are words, not formulas
		s.short[n.Runes[0]] = append(s.short[n.Runes[0]], n.Runes)
	}
}

// markShort marks every occurrence of a short phrase.
func (s *Stock) markShort(t *Text, m []bool) {
	for i, r := range t.Runes {
		for _, p := range s.short[r] {
			if i+len(p) <= len(t.Runes) && slices.Equal(t.Runes[i:i+len(p)], p) {
				for k := i; k < i+len(p); k++ {
					m[k] = true
				}
			}
		}
	}
}

// stockPhrases are the formulas every report of the genre uses, which say
// nothing about copying: the guiding thought, the leadership formula, the
// general tone, the report's own framing. A store adds the phrases it sees
// in the reports of many units (see corpus); these cover a store too small
// to tell. Each line is one phrase; variants for 区/县/市 are generated.
const stockPhrases = `以习近平新时代中国特色社会主义思想为指导
坚持以习近平新时代中国特色社会主义思想为指导
全面贯彻党的二十大和二十届二中三中全会精神
全面贯彻落实党的二十大精神
深入学习贯彻党的二十大精神
深入贯彻落实党的二十大精神
认真贯彻落实党的二十大精神
以习近平同志为核心的党中央
紧密团结在以习近平同志为核心的党中央周围
坚持稳中求进工作总基调
完整准确全面贯彻新发展理念
加快构建新发展格局
着力推动高质量发展
统筹发展和安全
坚持以人民为中心的发展思想
巩固拓展脱贫攻坚成果同乡村振兴有效衔接
铸牢中华民族共同体意识
深刻领悟两个确立的决定性意义
增强四个意识坚定四个自信做到两个维护
坚决拥护两个确立坚决做到两个维护
全面从严治党向纵深发展
落实全面从严治党主体责任
持之以恒正风肃纪
一以贯之落实中央八项规定精神
扎实推进主题教育
学习贯彻习近平新时代中国特色社会主义思想主题教育
党纪学习教育
在{委}{府}的坚强领导下
在{委}{府}的正确领导下
在{委}{府}的正确领导和关心支持下
现将有关工作情况汇报如下
现将工作开展情况总结如下
现将工作总结及工作计划报告如下
各项工作取得了新成效
各项工作取得新进展新成效
取得了显著成效
存在的问题和不足
下一步工作打算
下一步工作计划
为建设社会主义现代化国家作出新的更大贡献
奋力谱写中国式现代化新篇章
以中国式现代化全面推进中华民族伟大复兴
坚持和发展新时代枫桥经验
守牢安全底线
牢牢守住不发生规模性返贫底线
统筹推进经济社会高质量发展
全力推动经济社会高质量发展
群众获得感幸福感安全感
办好民生实事
切实增强群众获得感幸福感安全感`

// StockPhrases returns the built-in stock phrases, built once and shared.
func StockPhrases() *Stock { return stock() }

var stock = sync.OnceValue(func() *Stock {
	s := &Stock{hashes: HashSet{}, short: map[rune][][]rune{}}
	pairs := [][2]string{{"区委", "区政府"}, {"县委", "县政府"}, {"市委", "市政府"}, {"党工委", "办事处"}, {"镇党委", "镇政府"}, {"乡党委", "乡政府"}}
	for _, line := range strings.Split(stockPhrases, "\n") {
		if !strings.Contains(line, "{委}") {
			s.add(line)
			continue
		}
		for _, p := range pairs {
			s.add(strings.NewReplacer("{委}", p[0], "{府}", p[1]).Replace(line))
			s.add(strings.NewReplacer("{委}", p[0], "{府}", "、"+p[1]).Replace(line))
		}
	}
	return s
})
