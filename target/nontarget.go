package target

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"zongjie"
	"zongjie/document"
	"zongjie/internal/words"
)

// Classes of figures in a plan that are not targets. nonTarget returns
// the one a figure falls in, or "".
const (
	classAnniversary = "anniversary" // 中华人民共和国成立75周年, 建党105周年
	classPopulation  = "population"  // 14亿多中国人, 全县52万多群众, 13亿人口
	classSlogan      = "slogan"      // 两个市场两种资源, 两个指标, 五项工作: a count in words with no verb of doing
	classOrdinal     = "ordinal"     // 二轮延包, 三期工程: 二 and 三期 name a round or a phase
	classDuration    = "duration"    // 再延长30年, 连续6年, 15分钟生活圈: a span of time that is no limit
	classPer         = "per"         // 每50公斤: the amount a price or a rate is per
	classFrom        = "from"        // 由240元提高到280元: the value left behind
	classPast        = "past"        // 2023年全县生产总值增长2.3%, 实现了…: a result told in the plan
	classRestated    = "restated"    // 7%左右的速度可以实现比较充分的就业: a goal named again as an attribute
	classBare        = "bare"        // a number with no unit (PM broken across lines before 2.5)
	classScope       = "scope"       // 对全市1200余家学校食堂开展检查: how many the work is done to
	classQualifier   = "qualifier"   // 新签约亿元以上项目10个: a figure that qualifies what a later figure of its clause counts
	classExplained   = "explained"   // 网格服务团队，即1名网格长、1名专职网格员: what a thing just named consists of
)

// populationNouns are whole populations: a figure that counts one
// describes who there are, not what is to be done.
var populationNouns = words.NewSet(
	"中国人民", "中国人", "各族人民", "各族群众", "人民群众", "干部群众", "群众", "人民", "人口", "同胞", "儿女",
	"党员", "劳动力", "网民", "中等收入群体", "居民", "市民", "村民", "农民", "职工", "中小学生", "在校生", "学生",
)

// workforceWords, before a count of people, name the whole of them
// (劳动力资源达…).
var workforceWords = words.NewSet("劳动力资源", "劳动力", "人口总量", "总人口")

// doingVerbs are the verbs that make a count in Chinese numerals a thing to
// do ("新建两个社区食堂", "建成三个"); a count after any other word is a
// slogan ("统筹两个市场两种资源", "对两个指标作些说明", "抓好五项工作").
var doingVerbs = []string{
	"新建", "建成", "建设", "新增", "完成", "改造", "创建", "打造", "培育", "引进", "招引", "新开工", "开工",
	"举办", "组建", "设立", "新设", "开设", "开通", "新开", "增加", "争创", "创成", "认定", "评定", "落地",
	"投用", "投运", "竣工", "建立", "实施", "推出", "再建", "续建", "提升", "改扩建", "扩建", "招聘", "选派",
	"减少", "解决", "转移", "带动", "吸纳", "安置", "帮助", "培训", "办好", "办成",
}

// wholeWords say that a count is all there is of something.
var wholeWords = words.NewSet("全市", "全区", "全县", "全省", "全镇", "全乡", "全街道", "辖区", "所有", "全部", "全体")

// limitWords make a span of time a target: a limit to keep within.
var limitWords = []string{"压缩", "缩短", "控制在", "以内", "以下", "不超过", "时限", "办结", "时间", "工作日", "天数", "时长"}

// nonTarget returns the class of figure k of the report when it is not a
// target although a plan states it, or "".
func (x *extractor) nonTarget(k int, q zongjie.Quantity, sent, clause document.Span) string {
	text := x.in.File.Text
	before := text[clause.Start:q.Span.Start]
	after := text[q.Span.End:clause.End]
	if q.Unit == "" && q.BaseUnit == "" && !strings.Contains(q.Text, "/") && !strings.Contains(q.Text, "分之") {
		return classBare // a fraction (减少1/3) has no unit but is a figure
	}
	switch q.BaseUnit {
	case "周年":
		return classAnniversary
	case "年", "月", "天", "周", "小时", "分钟":
		// A limit is set before the figure (压缩至3个工作日以内, 办结时限5天);
		// "用5年左右时间" spends time, it sets no limit.
		if !containsAny(text[sent.Start:q.Span.Start], limitWords) && !strings.Contains(q.Approx, "以内") && !strings.Contains(q.Approx, "以下") {
			return classDuration
		}
	case "期", "轮":
		// Rounds or sessions in digits that close the clause of the work
		// done in them (开展安全生产专项检查2轮) are counted, as sessions of
		// a course are; an ordinal comes before what it numbers (二轮延包,
		// 机场4期扩建).
		closes := q.Numerals != "chinese" && q.BaseUnit == "轮" && strings.Trim(after, "，。；：,;:.!?！？ ") == ""
		if q.Numerals == "chinese" || !closes && !containsAny(text[clause.Start:clause.End], []string{"培训", "举办", "开班", "办班"}) {
			return classOrdinal // 浦东国际机场四期, 二轮延包
		}
	}
	if q.Numerals == "chinese" && q.Value != nil {
		num := text[q.NumberSpan.Start:q.NumberSpan.End]
		if num == "二" || num == "贰" {
			return classOrdinal // 二 before a measure word is an ordinal: 二轮, 二级
		}
		if *q.Value <= 10 && q.Unit != "" && q.BaseUnit != "%" && !q.Placeholder && !afterDoingVerb(before) {
			return classSlogan
		}
	}
	if strings.HasSuffix(q.Unit, "人口") && !afterDoingVerb(before) {
		return classPopulation // 13亿人口
	}
	if (q.BaseUnit == "" || q.BaseUnit == "人" || q.BaseUnit == "名") && !afterDoingVerb(before) {
		if populationNouns.At(strings.TrimLeft(after, "多余名位"), 0) != "" || workforceWords.Suffix(strings.TrimRight(before, "达约有近超过")) != "" {
			return classPopulation
		}
	}
	for _, w := range []string{"的速度", "的增速", "的增长", "的水平", "的目标", "的预期目标", "的预期"} {
		if strings.HasPrefix(after, w) {
			// "完成…适老化改造500户的目标任务": the goal is what the
			// sentence commits to complete, not an attribute.
			if strings.HasSuffix(w, "目标") && containsAny(text[sent.Start:q.Span.Start], []string{"完成", "实现", "确保", "力争"}) {
				continue
			}
			return classRestated
		}
	}
	if b := strings.TrimLeft(before, " \u3000"); strings.HasPrefix(b, "对") &&
		(wholeWords.Contains(b) || strings.Contains(after, "全覆盖")) {
		// 对全市1200余家学校食堂开展检查: how many there are in all, which
		// the work covers; "对500户困难家庭实施危房改造" counts the work.
		return classScope
	}
	if wholeWords.Suffix(before) != "" && (strings.Contains(after, "全部") || strings.Contains(after, "全覆盖")) {
		// 推动辖区12个小区物业服务企业全部建立党的组织: all there are, each
		// of which the work reaches.
		return classScope
	}
	if x.explains(k, sent) {
		return classExplained
	}
	if r, _ := utf8.DecodeLastRuneInString(text[:q.Span.Start]); r == '每' {
		return classPer
	}
	if x.qualifies(k, clause) {
		return classQualifier
	}
	if IsFrom(x.in.File, x.in.Quantities, k) {
		return classFrom
	}
	if x.pastYear(q) {
		return classPast
	}
	return ""
}

// qualifies reports whether figure k qualifies the noun that a later figure
// of its clause counts or measures, the words between them a noun phrase
// with no mark: "新签约亿元以上项目10个以上" (项目 of over 亿元),
// "力争全镇12个村集体经营性收入全部达到15万元以上" (the 村 are 12),
// "年产5万吨环保包装材料项目9月底前投产". A change of the next figure
// ("3200万元同比增长8%") and a list (30%、上半年达到60%) do not.
func (x *extractor) qualifies(k int, clause document.Span) bool {
	qs := x.in.Quantities
	if k+1 >= len(qs) {
		return false
	}
	q, next := qs[k], qs[k+1]
	if next.Span.Start >= clause.End || next.Change != "" || next.Span.Start <= q.Span.End {
		return false
	}
	between := x.in.File.Text[q.Span.End:next.Span.Start]
	r, _ := utf8.DecodeRuneInString(between)
	if !unicode.Is(unicode.Han, r) || strings.ContainsAny(between, "、，,；;：:。（(") {
		return false
	}
	return !strings.Contains(between, "增长") && !strings.Contains(between, "比上年") && !strings.Contains(between, "同比")
}

// explainMarks open a phrase that tells what a thing just named is or
// consists of; notExplainMarks are words that start with one but do not
// (即将建成, 即时办结).
var (
	explainMarks    = []string{"即", "也就是", "包括"}
	notExplainMarks = []string{"即将", "即时", "即使", "即便", "即可", "即刻", "即办"}
)

// explains reports whether figure k of the report tells what a thing just
// named consists of rather than an amount to reach: its phrase (to a comma,
// across 、) opens with 即, 也就是 or 包括 ("形成“1+1+N”网格服务团队，即1名
// 网格长、1名专职网格员加若干名党员"), or it lies between 由 and 组成 ("组建
// 由1名班子成员、3名干部组成的工作专班"). A figure its phrase commits to
// ("即到年底建成10个") and the breakdown of a figure just named ("新建保障
// 房1000套，包括公租房300套", a figure earlier in the sentence) stay
// targets.
func (x *extractor) explains(k int, sent document.Span) bool {
	text := x.in.File.Text
	q := x.in.Quantities[k]
	phrase := x.around(q.Span, &phraseMarks)
	before := strings.TrimLeft(text[phrase.Start:q.Span.Start], " \u3000")
	rest, ok := "", false
	if i := strings.LastIndex(before, "由"); i >= 0 && strings.Contains(text[q.Span.End:phrase.End], "组成") {
		rest, ok = before[i+len("由"):], true
	} else if !slices.ContainsFunc(notExplainMarks, func(m string) bool { return strings.HasPrefix(before, m) }) {
		for _, m := range explainMarks {
			if strings.HasPrefix(before, m) {
				rest, ok = before[len(m):], true
				break
			}
		}
		for j := k - 1; ok && j >= 0 && x.in.Quantities[j].Span.Start >= sent.Start; j-- {
			if x.in.Quantities[j].Span.End <= phrase.Start {
				return false // a breakdown of a figure just named
			}
		}
	}
	return ok && !containsAny(rest, doingVerbs) && !containsAny(rest, commitWords) && !containsAny(rest, []string{"达到", "实现"})
}

// afterDoingVerb reports whether the words before a figure in its clause
// end with a verb of doing, allowing adverbs and 了 between ("再新建",
// "力争建成", "新建了").
func afterDoingVerb(before string) bool {
	return doingEnds.Suffix(strings.TrimRight(before, "了约近超过")) != ""
}

var doingEnds = words.NewSet(doingVerbs...)

// pastYear reports whether the sentence of a figure (to 。, across ；)
// opens with a year before the one the plan is for ("2023年，全县生产总值增
// 长2.3%；粮食产量稳定在…" in the plan part of the 2024 report) and commits
// to nothing.
func (x *extractor) pastYear(q zongjie.Quantity) bool {
	sent := x.around(q.Span, &fullStops)
	s := strings.TrimLeft(x.in.File.Text[sent.Start:q.Span.Start], " \u3000\t")
	if len(s) < 4+len("年") || !isYear(s[:4]) || !strings.HasPrefix(s[4:], "年") {
		return false
	}
	y := 0
	for _, c := range s[:4] {
		y = y*10 + int(c-'0')
	}
	current := x.in.Meta.CurrentYear()
	if p := x.in.Meta.Plan; p != nil && p.Year > current {
		current = p.Year
	}
	if current == 0 || y >= current {
		return false
	}
	return !containsAny(x.in.File.Text[sent.Start:sent.End], commitWords)
}
