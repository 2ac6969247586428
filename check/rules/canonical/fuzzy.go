package canonical

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/check/rules/typo"
	"zongjie/document"
)

// segmented are the fixed formulations matched fuzzily, written word by
// word (a space between words): a variant one or two characters away
// (dropped, added, changed or two swapped) is reported without listing
// variants in advance. Each is written without 、 and quotes, which the
// matching ignores. The words tell an edit that breaks a word (乡的村振兴,
// 习近平法思想: a non-word) from one between words, which may be another
// phrase (中国式现代化 / 中国现代化: 式 is a word of its own; 中华民族的伟大复兴).
//
// Formulations of eight characters or more take any edit inside them
// (two from twelve characters); the short ones, four to seven characters,
// are a word away from other phrases, so an edit there must be a typo: a
// changed character confusable with the right one (the same reading or a
// look-alike: 统愁发展和安全, 高质量发辗), a dropped (not from four
// characters) or added one inside a word, or two neighbours swapped. At either end of any formulation only a
// confusable changed character is an edit (中国特色社会主意, 桶筹发展和安全); a
// character dropped or added there makes a shorter or longer phrase.
//
// Sources: the 规范表述 of ../shared/reference/gongwen.md §5, the reports
// of the 党代会 and the 政府工作报告 that fixed each wording, and the
// formulations of the corpus. Verb phrases whose wording is free
// (全面推进乡村振兴, 因地制宜发展新质生产力) are not here: 全面推进了乡村振兴 is
// right.
var segmented = []string{
	// Eight characters or more.
	"习近平 新时代 中国 特色 社会主义 思想",
	"以 习近平 同志 为 核心 的 党中央",
	"巩固 拓展 脱贫 攻坚 成果 同 乡村 振兴 有效 衔接",
	"中国共产党 领导 的 多党 合作 和 政治 协商 制度",
	"国内 国际 双循环 相互 促进 的 新 发展 格局",
	"去 产能 去 库存 去 杠杆 降 成本 补 短板",
	"人民 日益 增长 的 美好 生活 需要",
	"简政 放权 放 管 结合 优化 服务",
	"港人 治 港 澳人 治 澳 高度 自治",
	"国家 治理 体系 和 治理 能力 现代化",
	"推进 国家 安全 体系 和 能力 现代化",
	"黄河 流域 生态 保护 和 高质量 发展",
	"完整 准确 全面 贯彻 新 发展 理念",
	"全面 建设 社会主义 现代化 国家",
	"全面 建成 社会主义 现代化 强国",
	"人民 群众 获得感 幸福感 安全感",
	"马克思主义 中国化 时代化",
	"新时代 中国 特色 社会主义",
	"铸牢 中华民族 共同体 意识",
	"以 人民 为 中心 的 发展 思想",
	"绿水 青山 就是 金山 银山",
	"社会主义 市场 经济 体制",
	"习近平 生态 文明 思想",
	"成渝 地区 双城 经济圈",
	"两个 一百年 奋斗 目标",
	"第二个 百年 奋斗 目标",
	"高水平 科技 自立 自强",
	"稳中求进 工作 总 基调",
	"构建 人类 命运 共同体",
	"社会主义 核心 价值观",
	"以 国内 大 循环 为 主体",
	"全面 建成 小康 社会",
	"大众 创业 万众 创新",
	"精准 扶贫 精准 脱贫",
	"全体 人民 共同 富裕",
	"中华 优秀 传统 文化",
	"创新 驱动 发展 战略",
	"人 与 自然 和谐 共生",
	"五位一体 总体 布局",
	"四个 全面 战略 布局",
	"两岸 关系 和平 发展",
	"长三角 一体化 发展",
	"农业 农村 优先 发展",
	"不忘 初心 牢记 使命",
	"供给侧 结构性 改革",
	"中央 八项 规定 精神",
	"中华民族 伟大 复兴",
	"中国 特色 社会主义",
	// Five to seven characters.
	"统筹 发展 和 安全",
	"习近平 法治 思想",
	"习近平 经济 思想",
	"习近平 外交 思想",
	"习近平 强军 思想",
	"习近平 文化 思想",
	"全过程 人民 民主",
	"人类 命运 共同体",
	"总体 国家 安全观",
	"现代 化 产业 体系",
	"全国 统一 大 市场",
	"高水平 对外 开放",
	"新时代 枫桥 经验",
	"京津 冀 协同 发展",
	"农业 农村 现代化",
	"防止 规模 性 返贫",
	"高效 办成 一件 事",
	"中国 式 现代化",
	"全面 从严 治党",
	"全面 依法 治国",
	"全面 深化 改革",
	"乡村 振兴 战略",
	"乡村 全面 振兴",
	"两个 毫不 动摇",
	"科技 自立 自强",
	"党风 廉政 建设",
	"党史 学习 教育",
	"以 人民 为 中心",
	"城乡 融合 发展",
	"碳 达峰 碳 中和",
	"共建 共治 共享",
	"共商 共建 共享",
	"生态 文明 建设",
	"党 的 全面 领导",
	"中央 八项 规定",
	"粤港澳 大湾区",
	"新 发展 理念",
	"新 发展 格局",
	"新 发展 阶段",
	"高质量 发展",
	"新 质 生产力",
	"反腐败 斗争",
	"长江 经济带",
	"新型 城镇化",
	"新型 工业化",
	// Four characters: a dropped character leaves three, too often
	// another phrase (生态明显 holds 生态明), so only the edits that keep
	// the length or add inside a word count (乡的村振兴, 共同富余).
	"乡村 振兴",
	"共同 富裕",
	"脱贫 攻坚",
	"精准 扶贫",
	"一带 一路",
	"生态 文明",
	"依法 治国",
	"从严 治党",
	"守正 创新",
}

// formulations are the formulations of segmented, without their spaces.
var formulations = func() []string {
	out := make([]string, len(segmented))
	for i, s := range segmented {
		out[i] = strings.ReplaceAll(s, " ", "")
	}
	return out
}()

// minShort is the length, in characters, from which a formulation takes
// any edit inside it; shorter ones take typos only (see segmented), and
// a character dropped only from minDrop characters.
const (
	minShort = 8
	minDrop  = 5
)

// allowed are the legitimate phrases within two edits of a formulation
// (siblings, older official names, phrases that hold a variant:
// 产城融合发展 holds 城融合发展): text holding one of them is not a variant.
var allowed = []string{
	"习近平新时代中国特色社会主义经济思想", "习近平新时代中国特色社会主义外交思想", "习近平新时代中国特色社会主义法治思想",
	"习近平新时代中国特色社会主义强军思想", "社会主义核心价值体系", "全面建成社会主义现代化国家", "全面建设社会主义现代化强国",
	"全面建设小康社会", "社会主义市场经济体系", "中国特色社会主义道路", "中国特色社会主义制度", "中国特色社会主义理论体系",
	"中国特色社会主义文化", "中国特色社会主义事业", "中国特色社会主义新时代", "有中国特色的社会主义", "中国特色社会主义者",
	"构建人类卫生健康共同体", "构建人类命运共同体意识", "国家安全体系和能力现代化", "社会主义现代化国家",
	"新时代中国特色社会主义思想", "人民群众获得感幸福感安全感认同感",
	// Siblings and older names of the short formulations.
	"新兴工业化", "以人为中心", "党纪学习教育", "产城融合", "人民群众日益增长的美好生活需要", "中国优秀传统文化", "以法治国",
}

// isIgnored reports the marks the matching skips on both sides: 不忘初心、
// 牢记使命 is 不忘初心牢记使命.
func isIgnored(r rune) bool {
	switch r {
	case '、', '“', '”', '‘', '’', '"', '\'', ' ', '　', '\t':
		return true
	}
	return false
}

// isBarrier reports the marks that end a window: a formulation never
// spans a clause.
func isBarrier(r rune) bool {
	switch r {
	case '。', '，', '；', '：', '！', '？', '\n', '(', ')', '（', '）', '《', '》', ',', ';', ':', '!', '?':
		return true
	}
	return false
}

// fuzzyEntry is one formulation ready to match.
type fuzzyEntry struct {
	canonical []rune
	edits     int            // at most this many
	short     bool           // under minShort characters: typos only
	inside    []bool         // inside[i]: c[i-1] and c[i] are of one word
	text      string         // canonical as a string
	pieces    *check.Words   // one of them is intact in a variant
	offsets   map[string]int // of a piece in canonical, in characters
	bytes     map[string]int // the same in bytes
}

var fuzzyEntries = func() []fuzzyEntry {
	list := append([]string(nil), segmented...)
	// Longest first: a variant of a long formulation is not also reported
	// as a variant of a short one it holds.
	length := func(s string) int { return utf8.RuneCountInString(strings.ReplaceAll(s, " ", "")) }
	sort.SliceStable(list, func(i, j int) bool { return length(list[i]) > length(list[j]) })
	out := make([]fuzzyEntry, 0, len(list))
	for _, seg := range list {
		var c []rune
		var inside []bool
		for _, w := range strings.Fields(seg) {
			for k, r := range []rune(w) {
				c = append(c, r)
				inside = append(inside, k > 0)
			}
		}
		inside = append(inside, false)
		k := 1
		if len(c) >= 12 {
			k = 2
		}
		e := fuzzyEntry{canonical: c, text: string(c), edits: k, short: len(c) < minShort, inside: inside, offsets: map[string]int{}, bytes: map[string]int{}}
		var ps []string
		// Pieces such that any k edits leave one intact: for two edits
		// four pieces (a swap across two of them and one more edit); for
		// one edit the two halves and the halves' joint with its two
		// characters swapped (中国特社色会主义), so that no piece of a
		// long formulation is as short and common as 中国. The halves of
		// the shortest are two characters (新型, 长江): the neighbour test
		// keeps their many matches cheap.
		add := func(p string, at int) {
			if _, dup := e.offsets[p]; !dup {
				e.offsets[p] = at
				e.bytes[p] = len(string(c[:at]))
				ps = append(ps, p)
			}
		}
		if k == 1 {
			h := len(c) / 2
			add(string(c[:h]), 0)
			add(string(c[h:]), h)
			add(string([]rune{c[h-2], c[h], c[h-1], c[h+1]}), h-2)
		} else {
			for j := 0; j < 4; j++ {
				from, to := j*len(c)/4, (j+1)*len(c)/4
				add(string(c[from:to]), from)
			}
		}
		e.pieces = check.NewWords(ps...)
		out = append(out, e)
	}
	return out
}()

// stripped is a stretch of the text without the ignored marks, as runes
// with their byte spans in the text.
type stripped struct {
	rs         []rune
	start, end []int
}

// strip fills s with the runes of text[from:to] that are not ignored.
func (s *stripped) strip(text string, from, to int) {
	s.rs, s.start, s.end = s.rs[:0], s.start[:0], s.end[:0]
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isIgnored(r) {
			s.rs = append(s.rs, r)
			s.start = append(s.start, i)
			s.end = append(s.end, i+size)
		}
		i += size
	}
}

// index returns the position in s of the character at byte offset off.
func (s *stripped) index(off int) int {
	return sort.SearchInts(s.start, off)
}

// around returns the byte offsets n characters before and after off (or
// the ends of text).
func around(text string, off, n int) (int, int) {
	from, to := off, off
	for k := 0; k < n && from > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
	}
	for k := 0; k < n && to < len(text); k++ {
		_, size := utf8.DecodeRuneInString(text[to:])
		to += size
	}
	return from, to
}

// fuzzyFindings returns the variants of the formulations in text, as spans
// with the canonical wording, skipping spans in done (already reported).
// Only the stretch of text around an anchor (a piece of a formulation
// found intact) is looked at.
func fuzzyFindings(p *check.Pass, done []document.Span) []fuzzyFinding {
	text := p.File.Text
	var out []fuzzyFinding
	var st stripped
	var dp osaBuffers
	taken := append([]document.Span(nil), done...)
	for _, e := range fuzzyEntries {
		c := e.text
		for _, m := range p.Find(e.pieces) {
			if off := m.Span.Start - e.bytes[m.Word]; off >= 0 && strings.HasPrefix(text[off:], c) {
				continue // the formulation itself
			}
			// Quick tests first: a character next to the piece, then the
			// stretch the formulation can take (a few ignored marks
			// aside); then the distances on a wider stretch, which the
			// allowed phrases around it need.
			off := e.offsets[m.Word]
			if !e.neighbour(text, m.Span, off, utf8.RuneCountInString(m.Word)) {
				continue
			}
			from, _ := around(text, m.Span.Start, off+2*e.edits+4)
			_, to := around(text, m.Span.Start, len(e.canonical)-off+2*e.edits+4)
			st.strip(text, from, to)
			if !e.plausible(st.rs, st.index(m.Span.Start)-off) {
				continue
			}
			from, to = around(text, m.Span.Start, 2*len(e.canonical))
			st.strip(text, from, to)
			at := st.index(m.Span.Start)
			s, end, d := e.best(st.rs, at-off, &dp)
			if d < 1 || d > e.edits {
				continue
			}
			span := document.Span{Start: st.start[s], End: st.end[end-1]}
			if overlaps(taken, span) || e.excused(st.rs, s, end) {
				continue
			}
			taken = append(taken, span)
			out = append(out, fuzzyFinding{span: span, canonical: c})
		}
	}
	return out
}

type fuzzyFinding struct {
	span      document.Span
	canonical string
}

func overlaps(spans []document.Span, s document.Span) bool {
	for _, t := range spans {
		if s.Start < t.End && t.Start < s.End {
			return true
		}
	}
	return false
}

// neighbour is the quickest necessary test of a variant around the piece
// at span (off and n: its place and length in the formulation): within k
// edits, one of the k+1 characters of the formulation next to the piece
// on one side is intact, and stands within 2k+1 characters of it (marks
// ignored). The side is the one before the piece unless it starts the
// formulation; where those characters reach an end of the formulation
// (whose character may be the one changed), nothing is tested.
func (e *fuzzyEntry) neighbour(text string, span document.Span, off, n int) bool {
	c, k := e.canonical, e.edits
	if off > 0 {
		if off-1-k < 0 {
			return true
		}
		want := c[off-1-k : off]
		i := span.Start
		for seen := 0; seen < 2*k+1 && i > 0; {
			r, size := utf8.DecodeLastRuneInString(text[:i])
			i -= size
			if isIgnored(r) {
				continue
			}
			if isBarrier(r) {
				return false
			}
			if slices.Contains(want, r) {
				return true
			}
			seen++
		}
		return false
	}
	if off+n+k >= len(c) {
		return true
	}
	want := c[off+n : off+n+k+1]
	i := span.End
	for seen := 0; seen < 2*k+1 && i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if isIgnored(r) {
			continue
		}
		if isBarrier(r) {
			return false
		}
		if slices.Contains(want, r) {
			return true
		}
		seen++
	}
	return false
}

// best returns the window of rs nearest to e's formulation around
// position at (where the formulation would start if the anchor piece is
// where it belongs): its start, end and edit distance (optimal string
// alignment: a swap of neighbours is one edit) among the windows that are
// a typo of it (typo). d is -1 where no window fits.
func (e *fuzzyEntry) best(rs []rune, at int, dp *osaBuffers) (start, end, d int) {
	c, k := e.canonical, e.edits
	n := len(c)
	d = -1
	if !e.plausible(rs, at) {
		return 0, 0, d
	}
	for s := at - k; s <= at+k; s++ {
		if s < 0 || s >= len(rs) {
			continue
		}
		limit := min(len(rs), s+n+k)
		for i := s; i < limit; i++ {
			if isBarrier(rs[i]) {
				limit = i
				break
			}
		}
		dist := dp.osa(c, rs[s:limit])
		for l := max(1, n-k); l <= limit-s; l++ {
			dd := dist[l]
			if dd > k {
				continue
			}
			w := rs[s : s+l]
			// Anchored at both ends: the window starts and ends with the
			// formulation's characters, or differs from it at one end by
			// one changed character only (中国特色社会主意).
			if w[0] != c[0] || w[l-1] != c[n-1] {
				if dd != 1 || l != n || w[0] != c[0] && w[l-1] != c[n-1] {
					continue
				}
			}
			if (d < 0 || dd < d || dd == d && abs(l-n) < abs(end-start-n)) && e.typo(rs, s, s+l, dd) {
				start, end, d = s, s+l, dd
			}
		}
	}
	return start, end, d
}

// plausible is a quick necessary test before the distances: within k
// edits, at least n−k characters of the formulation stand within 2k of
// where they belong if it starts at at (a changed or dropped character
// loses one; an added one or a swap only shifts the others).
func (e *fuzzyEntry) plausible(rs []rune, at int) bool {
	c, k := e.canonical, e.edits
	miss := 0
	for i, r := range c {
		found := false
		for j := max(0, at+i-2*k); j <= at+i+2*k && j < len(rs); j++ {
			if rs[j] == r {
				found = true
				break
			}
		}
		if !found {
			if miss++; miss > k {
				return false
			}
		}
	}
	return true
}

// typo reports whether the window w, d edits away from e's formulation,
// is a variant of it rather than another phrase (see segmented): a 的
// added between two words (中华民族的伟大复兴, 人民群众的获得感) reads naturally
// and is none, one added inside a word (社会的主义, 乡的村振兴) is one. A
// formulation of eight characters or more takes any other edit inside it;
// a changed character at either end must be confusable with the right
// one; and a short formulation takes a confusable changed character, a
// character dropped or added inside a word, or two neighbours swapped.
func (e *fuzzyEntry) typo(rs []rune, s, end, d int) bool {
	w := rs[s:end]
	c := e.canonical
	n := len(c)
	if e.addedDe(w) {
		return false
	}
	if d != 1 {
		return !e.short
	}
	switch len(w) - n {
	case 0:
		var diff []int
		for i := range w {
			if w[i] != c[i] {
				diff = append(diff, i)
			}
		}
		if len(diff) != 1 {
			return true // two neighbours swapped
		}
		i := diff[0]
		if e.short || i == 0 || i == n-1 {
			return typo.Confusable(w[i], c[i])
		}
		return true
	case -1:
		// A character dropped: c[i] for some i with w == c[:i]+c[i+1:]
		// (several when it is doubled); inside a word for a short
		// formulation, and none from four characters.
		if n < minDrop {
			return false
		}
		for i := 1; i < n-1; i++ {
			if slices.Equal(c[:i], w[:i]) && slices.Equal(c[i+1:], w[i:]) && (!e.short || e.inside[i] || e.inside[i+1]) &&
				!e.binds(rs, s, end, i) {
				return true
			}
		}
		return false
	case 1:
		if !e.short {
			return true
		}
		for i := 1; i < n; i++ {
			if slices.Equal(c[:i], w[:i]) && slices.Equal(c[i:], w[i+1:]) && e.inside[i] {
				return true
			}
		}
		return false
	}
	return false
}

// binds reports whether the window rs[s:end], e's formulation without
// c[i], is another phrase: c[i] was one of a word of two characters at
// an end of the formulation, and the character left of that word makes a
// word of the lexicon with the character of the text beyond the window
// (高质量展示 is not 高质量发展 without 发; 统筹发展和全面 not 统筹发展和安全
// without 安).
func (e *fuzzyEntry) binds(rs []rune, s, end, i int) bool {
	c, n := e.canonical, len(e.canonical)
	switch {
	case i == 1 && e.inside[1] && !e.inside[2] && s > 0 && !isBarrier(rs[s-1]):
		return typo.LexiconWord(string([]rune{rs[s-1], c[0]}), 50)
	case i == n-2 && e.inside[n-1] && !e.inside[n-2] && end < len(rs) && !isBarrier(rs[end]):
		return typo.LexiconWord(string([]rune{c[n-1], rs[end]}), 50)
	}
	return false
}

// addedDe reports whether the window w is e's formulation with one or two
// 的 added between its words, and nothing else changed.
func (e *fuzzyEntry) addedDe(w []rune) bool {
	c := e.canonical
	if len(w) <= len(c) {
		return false
	}
	i := 0
	for _, r := range w {
		switch {
		case i < len(c) && r == c[i]:
			i++
		case r == '的' && i > 0 && i < len(c) && !e.inside[i]:
		default:
			return false
		}
	}
	return i == len(c)
}

// excused reports whether a window is no variant at all: the formulation
// itself is written right there, or another one or an allowed phrase
// covers the window: 全面建设社会主义现代化国家 is not a variant of
// 全面建成社会主义现代化强国. (A part of the formulation, 中国特色社会主义 in
// 习近平新时代中国特色社会主义理论思想, excuses nothing.)
func (e *fuzzyEntry) excused(rs []rune, s, end int) bool {
	c := string(e.canonical)
	for _, a := range allowed {
		if !strings.Contains(c, a) && across(rs, s, end, []rune(a), nil) {
			return true
		}
	}
	// Another formulation, also with a 的 added between its words
	// (全面建设社会主义现代化的国家 is no variant of 全面建成社会主义现代化强国).
	for i := range fuzzyEntries {
		o := &fuzzyEntries[i]
		a := string(o.canonical)
		if (a == c || !strings.Contains(c, a)) && across(rs, s, end, o.canonical, o.inside) {
			return true
		}
	}
	return false
}

// across reports whether phrase occurs in rs overlapping [s, end); with
// the words of the phrase (inside, as fuzzyEntry's), also with a 的 added
// between two of its words.
func across(rs []rune, s, end int, phrase []rune, inside []bool) bool {
	extra := 0
	if inside != nil {
		extra = 2
	}
	lo, hi := max(0, s-len(phrase)-extra+1), min(len(rs), end+len(phrase)+extra-1)
	for i := lo; i < min(end, hi); i++ {
		if rs[i] != phrase[0] {
			continue
		}
		j, k := i, 0
		for j < hi && k < len(phrase) {
			switch {
			case rs[j] == phrase[k]:
				k++
			case inside != nil && rs[j] == '的' && k > 0 && !inside[k] && j-i-k < extra:
			default:
				j = hi
				continue
			}
			j++
		}
		if k == len(phrase) && j > s {
			return true
		}
	}
	return false
}

// osaBuffers are the rows of the distance table, reused.
type osaBuffers struct{ a, b, c []int }

// osa returns, for every prefix length l of t, the optimal string
// alignment distance between c and t[:l]. The slice is valid until the
// next call.
func (dp *osaBuffers) osa(c, t []rune) []int {
	n, m := len(c), len(t)
	if cap(dp.a) < m+1 {
		dp.a, dp.b, dp.c = make([]int, m+1), make([]int, m+1), make([]int, m+1)
	}
	prev2, prev, cur := dp.a[:m+1], dp.b[:m+1], dp.c[:m+1]
	for j := 0; j <= m; j++ {
		prev[j] = j
	}
	for i := 1; i <= n; i++ {
		cur[0] = i
		for j := 1; j <= m; j++ {
			cost := 1
			if c[i-1] == t[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && c[i-1] == t[j-2] && c[i-2] == t[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
