package year

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/words"
	"zongjie/meta"
)

// FutureYear reports a year later than the one reviewed, told as done in
// the review part: a 2023 summary saying "已于2024年3月建成", the review of
// 2025 in a 2026 政府工作报告 saying "2026年，全市生产总值增长5.2%", or
// dating an event held, an award won, a work completed inside a sentence
// ("在本市举办2026年…峰会", see eventDated).
var FutureYear = &check.Rule{
	ID: "YR005", Name: "future-year", Category: check.Year, Severity: check.Warning,
	Doc: check.Doc{
		Title: "总结中出现未来年份",
		Text: "总结（回顾）部分叙述已完成的事，却写了晚于所总结年份的年份（如2025年的回顾写“2026年，全市……增长5.2%”" +
			"“在本市举办2026年……峰会”“荣获2026年度……称号”），多为年份笔误或沿用了其他年份的材料。政府工作报告回顾的是上一年。" +
			"“到2027年”“2026年前”“为2026年……奠定基础”“成功申办2027年……”等展望，以及为下一年做的准备（“出台《2026年……方案》”“完成2026年预算编制”）不在此列。",
		Wrong:  "2023年工作总结\n一、2023年工作总结\n活动中心已于2024年3月建成，在我镇举办2024年全县农民运动会。\n2024年，全镇完成固定资产投资3.2亿元。",
		Right:  "2023年工作总结\n一、2023年工作总结\n活动中心已于2023年3月建成，在我镇举办2023年全县农民运动会。\n2023年，全镇完成固定资产投资3.2亿元，为2024年发展打下基础。",
		Source: "公文审校常规：年份一致性",
	},
	Run: func(p *check.Pass) {
		for _, r := range p.Reports {
			reviewYears(p, r, func(y, at int, several bool) {
				rev := r.Meta.Review.Year
				if y <= rev || y > rev+5 || !toldAsDone(p.File.Text, at, r) {
					return
				}
				p.Report(document.Span{Start: at, End: at + 4}, "这里回顾的是"+strconv.Itoa(rev)+"年，却把已完成的事写在了"+strconv.Itoa(y)+"年")
			})
		}
	},
}

// StaleYear reports a year before the one reviewed that a sentence of the
// review part opens with, telling its result: "2024年，全市完成…" in the
// review of 2025, a figure's year left from last year's text. A sentence
// that compares (比2024年, 同比, 以来, 累计 …) or a part about several
// years ("“十四五”时期回顾") may tell earlier years.
var StaleYear = &check.Rule{
	ID: "YR010", Name: "stale-year", Category: check.Year, Severity: check.Warning,
	Doc: check.Doc{
		Title: "总结中出现往年年份",
		Text: "总结（回顾）部分以往年开头叙述成绩（如2025年的回顾写“2024年，全市……增长5.2%”），多为沿用去年材料时漏改的年份。" +
			"与往年比较（“比2024年”“2021年以来”“累计”）和跨年度的回顾（“十四五”时期）不在此列。",
		Wrong:  "2025年工作总结\n一、2025年工作总结\n2024年，全镇完成固定资产投资3.2亿元。",
		Right:  "2025年工作总结\n一、2025年工作总结\n2025年，全镇完成固定资产投资3.2亿元，比2024年增长8%。",
		Source: "公文审校常规：年份一致性",
	},
	Run: func(p *check.Pass) {
		for _, r := range p.Reports {
			reviewYears(p, r, func(y, at int, several bool) {
				rev := r.Meta.Review.Year
				if several || y >= rev || y < rev-2 || !opensResult(p.File.Text, at, r) {
					return
				}
				p.Report(document.Span{Start: at, End: at + 4}, "这里回顾的是"+strconv.Itoa(rev)+"年，句子却以"+strconv.Itoa(y)+"年叙述成绩：请核对是否为沿用往年材料未改的年份")
			})
		}
	},
}

// reviewYears calls fn for each year written "YYYY年" in the review part
// of report r (its top-level review and highlights sections, outside their
// problems and plan subsections and the top-level headings, which
// HeadingYear checks), with the byte offset of its digits and whether the
// part is about several years ("“十四五”时期和2025年工作回顾").
func reviewYears(p *check.Pass, r *zongjie.Report, fn func(y, at int, several bool)) {
	if r.Meta.Review == nil || r.Meta.Review.Year == 0 || r.Meta.Review.Period == zongjie.PeriodMulti || r.Meta.PeriodSource == zongjie.SourceFileName {
		return // no year known, or only the file name's
	}
	text := p.File.Text
	runs := p.Numerals()
	for _, s := range r.Outline {
		if s.Kind != zongjie.KindReview && s.Kind != zongjie.KindHighlights {
			continue
		}
		several := multiYearWords.Contains(s.Title) || strings.Count(s.Title, "年") > 1 && strings.ContainsAny(s.Title, "—-－～至")
		// Each 年 starting before the body's end with four digits before
		// it (and no fifth): the digits end a run of numerals, and the
		// file's runs (shared by the number rules) are far fewer than
		// its bytes or its 年.
		end := s.Body.End
		from := s.Span.End + 4
		k, _ := slices.BinarySearchFunc(runs, from, func(run document.Span, j int) int { return run.End - j })
		for ; k < len(runs) && runs[k].End < end; k++ {
			j := runs[k].End
			if !strings.HasPrefix(text[j:], "年") {
				continue
			}
			i := j - 4
			if !isDigits(text[i:j]) || i > 0 && isDigit(text[i-1]) {
				continue
			}
			y, _ := strconv.Atoi(text[i:j])
			if y < 1949 || y > 2099 {
				continue
			}
			if k := sectionKindAt(r, i); k == zongjie.KindPlan || k == zongjie.KindProblems {
				continue
			}
			fn(y, i, several)
		}
	}
}

// toldAsDone reports whether the year at byte at of text is told as the
// time of something done: it opens a sentence ("2026年，全市生产总值增长
// 5.2%", "2026年目标任务顺利完成") or follows 过去的, or its clause says
// done (已于, 建成, 荣获 …); and nothing makes it a time ahead: a range, a
// deadline (到2027年, 2026年前, 2026年起), a purpose (为2026年…奠定基础), a
// gloss or a title (（2026年）, 《2026年…方案》), a plan word in the
// sentence (将, 力争, 预计 …), or a milestone phrase the year is right for
// ("2026年是“十五五”开局之年").
func toldAsDone(text string, at int, r *zongjie.Report) bool {
	if rangeAt(text, document.Span{Start: at, End: at + 4}) {
		return false
	}
	before := text[max(r.Span.Start, at-12):at]
	after := text[at+len("2024年"):]
	if aheadBefore.Suffix(before) != "" && !strings.HasSuffix(before, "评为") { // 被评为2025年度…: an award, no purpose
		return false
	}
	if aheadAfter.At(after, 0) != "" {
		return false
	}
	if inTitleMarks(text, at, r.Span.Start) {
		return false
	}
	sent := sentenceAround(text, at, r.Span)
	y, _ := strconv.Atoi(text[at : at+4])
	for _, m := range milestoneSet.All(sent.text) {
		if want, _, ok := meta.MilestoneYear(sent.text, m.Start, m.Start+len(m.Word)); ok && want == y {
			return false
		}
	}
	if opens(text, sent.start, at) || strings.HasSuffix(before, "过去的") {
		return !looksAhead(firstClause(text, at, sent.end))
	}
	clause := clauseAround(text, at, r.Span)
	if eventDated(text, at, clause, r) {
		return true
	}
	return doneWords.Contains(clause) && !looksAhead(clause) && !futureWords.Contains(clause)
}

// eventDated reports whether the year at byte at of text, inside its
// clause, is the date of an event held, an award won or a work completed:
// it follows the verb right away ("在本市举办2026年…峰会", "荣获了2026年度
// …称号", "开通2026年…航线"), and nothing makes it a time ahead: a plan
// word before the verb (将举办, 拟召开, 筹备召开) or in the clause (将,
// 力争, 计划 as a verb …), or a thing made ready for that year, which a
// review may tell as done ("完成2026年预算编制", "获得2026年…资金",
// "完成2026年度医保参保征缴"). In a 政府工作报告, delivered early in the
// year it plans, an event in that year's first months may be told as done
// ("召开2026年1月…").
func eventDated(text string, at int, clause string, r *zongjie.Report) bool {
	before := strings.TrimSuffix(text[max(r.Span.Start, at-18):at], "了")
	verb := ""
	for _, v := range eventVerbs {
		if strings.HasSuffix(before, v) {
			verb = v
			break
		}
	}
	if verb == "" {
		return false
	}
	if plannedBefore.Suffix(before[:len(before)-len(verb)]) != "" {
		return false
	}
	if looksAhead(clause) || eventAheadWords.Contains(clause) || modalYao(clause) {
		return false
	}
	// The rest of the clause after the year: what is dated.
	rest := text[at+len("2024年"):]
	if i := strings.IndexAny(rest, "，。；！？：\n"); i >= 0 {
		rest = rest[:i]
	}
	if preparedWords.Contains(rest) {
		return false
	}
	if yearTurn.At(rest, 0) != "" {
		return false
	}
	return !r.Meta.IsGovernmentReport() || earlyYear.At(rest, 0) == ""
}

// opensResult reports whether the year at byte at of text opens a sentence
// that tells a result of that year ("2024年，全市完成…", "2024年全镇…"):
// not a time ahead (toldAsDone's tests), not a point in the year
// (2024年底, 2024年初), not a name (2024年度…奖), no comparison in the
// sentence (比2023年, 以来, another year, 今年 …) and no streak in the
// year's own clause (累计, 连续, 首次). A change on the year before (同比,
// 比上年) does not make it the base: the sentence still tells the result
// of its opening year.
func opensResult(text string, at int, r *zongjie.Report) bool {
	sent := sentenceAround(text, at, r.Span)
	if !opens(text, sent.start, at) {
		return false
	}
	after := text[at+len("2024年"):]
	if !subjectAfter.Contains(firstRune(after)) {
		return false
	}
	if pointAfter.At(after, 0) != "" {
		return false
	}
	// The whole sentence, past a ；: "2024年，…；2025年，…" compares.
	end := sent.end
	for end < r.Span.End {
		c, size := utf8.DecodeRuneInString(text[end:r.Span.End])
		if c == '。' || c == '！' || c == '？' || c == '\n' {
			break
		}
		end += size
	}
	rest := text[at+len("2024年") : end]
	first := firstClause(text, at, sent.end)
	if compareWords.Contains(rest) || spanWords.Contains(first) || looksAhead(first) {
		return false
	}
	if ys := yearsIn(rest); ys > 0 {
		return false // two years: a comparison or a span
	}
	return true
}

// opens reports whether the year at byte at opens the sentence starting at
// start, after an item's marker or a link word if any: "2026年，…",
// "一是2026年…", "——2026年…", "（三）2026年…", "同时，2026年…".
func opens(text string, start, at int) bool {
	lead := text[start:at]
	for lead != "" {
		cut := false
		for _, w := range leadWords {
			if rest, ok := strings.CutPrefix(lead, w); ok {
				lead, cut = rest, true
				break
			}
		}
		if !cut {
			break
		}
	}
	if lead == "" {
		return true
	}
	// An item's marker: 一是, 第一，, （三）, 3., ①.
	r, size := utf8.DecodeRuneInString(lead)
	i := 0
	for i < len(lead) && (strings.ContainsRune("一二三四五六七八九十0123456789", r) || r >= '①' && r <= '⑳' || r == '（' || r == '(' || r == '第') {
		i += size
		r, size = utf8.DecodeRuneInString(lead[i:])
	}
	if i == 0 {
		return false
	}
	switch rest := lead[i:]; rest {
	case "是", "）", ")", "、", ".", "．", "，", "":
		return true
	}
	return false
}

// leadWords may stand before a year that opens a sentence.
var leadWords = []string{"——", "同时，", "此外，", "另外，", "其中，", "特别是", "尤其是"}

// firstClause returns the clause that tells what a year opening a
// sentence at byte at is the time of: the year's own clause, or the next
// when the year stands alone ("2026年，全市…"), up to end.
func firstClause(text string, at, end int) string {
	i := at + len("2024年")
	for _, pass := range []bool{false, true} {
		j := i
		for j < end {
			r, size := utf8.DecodeRuneInString(text[j:end])
			if r == '，' || r == ',' || r == '：' {
				break
			}
			j += size
		}
		if j > i+len("，") || pass || j >= end {
			return text[at:j]
		}
		_, size := utf8.DecodeRuneInString(text[j:end])
		i = j + size
	}
	return text[at:end]
}

func firstRune(s string) string {
	_, size := utf8.DecodeRuneInString(s)
	return s[:size]
}

// looksAhead reports whether a clause tells of a time ahead: a word of
// aheadWords, save 计划 as a noun (实施…投资计划, 营养改善计划: at the
// clause's end or before a quote or a title mark) and 将 marking an object
// (将312万名…纳入, 将8个公司…整合为: before a number or 其, 该, 这, 此).
func looksAhead(clause string) bool {
	for _, m := range aheadWords.All(clause) {
		next, _ := utf8.DecodeRuneInString(clause[m.Start+len(m.Word):])
		switch {
		case m.Word == "计划" && (next == utf8.RuneError || strings.ContainsRune("”’》」、）)", next)):
		case m.Word == "将" && (next >= '0' && next <= '9' || strings.ContainsRune("一二两三四五六七八九十百千万其该这此", next)):
		default:
			return true
		}
	}
	return false
}

// yearsIn counts the "YYYY年" written in s.
func yearsIn(s string) int {
	n := 0
	for i := 0; i+4 < len(s); i++ {
		if isDigits(s[i:i+4]) && (i == 0 || !isDigit(s[i-1])) && strings.HasPrefix(s[i+4:], "年") {
			n++
		}
	}
	return n
}

// A sentence of text: its byte range and text.
type sentence struct {
	start, end int
	text       string
}

// sentenceAround returns the sentence holding byte at, within bounds:
// from after the last 。！？；or line end before it (spaces skipped) to the
// next one.
func sentenceAround(text string, at int, bounds document.Span) sentence {
	start := sentenceStart(text, at, bounds.Start)
	for start < at {
		r, size := utf8.DecodeRuneInString(text[start:])
		if r != ' ' && r != '　' && r != '\t' {
			break
		}
		start += size
	}
	end := at
	for end < bounds.End {
		r, size := utf8.DecodeRuneInString(text[end:bounds.End])
		if r == '。' || r == '！' || r == '？' || r == '；' || r == '\n' {
			break
		}
		end += size
	}
	return sentence{start: start, end: end, text: text[start:end]}
}

// inTitleMarks reports whether byte at lies inside 《》 or a gloss's （）
// opened on its line.
func inTitleMarks(text string, at, min int) bool {
	line := text[max(min, strings.LastIndexByte(text[:at], '\n')+1):at]
	for _, pair := range [][2]string{{"《", "》"}, {"（", "）"}, {"(", ")"}} {
		if strings.Count(line, pair[0]) > strings.Count(line, pair[1]) {
			return true
		}
	}
	return false
}

// Words around a year that make it a time ahead, or a comparison.
var (
	// right before the year: a deadline, a purpose, a span's end, the
	// year of an event prepared for
	aheadBefore = words.NewSet("到", "至", "截至", "截止", "为", "对", "向", "迎接", "面向", "迈向", "展望", "谋划", "筹备", "申办", "将于", "拟于", "计划于", "预计于", "预计", "力争", "确保", "争取", "明年", "下一年", "新的一年")
	// right after it
	aheadAfter = words.NewSet("前", "以前", "之前", "以后", "之后", "起", "内", "后", "—", "－", "-", "～", "~", "至", "到", "工作安排", "工作计划", "计划", "预期", "远景")
	// in the clause the year is the time of
	aheadWords = words.NewSet("将", "力争", "争取", "预计", "计划", "拟", "有望", "确保", "展望", "目标是", "目标为", "即将", "谋划", "奠定", "打下")
	// what may follow a year that opens a sentence as its time: a comma,
	// the subject (全市, 我镇, 街道 …), 是
	subjectAfter = words.NewSet("，", ",", "全", "我", "本", "共", "各", "是", "街", "镇", "乡", "县", "市", "区", "省", "村", "社", "州", "旗", "盟")
	// a point in the year, not the year's result
	pointAfter = words.NewSet("底", "末", "初", "年初", "年底", "年末", "度", "上半年", "下半年", "一季度", "前三季度")
	// comparisons and spans a review sentence may tell earlier years in:
	// anywhere in the sentence ("2024年，…；今年，…", "…，较“十三五”末
	// 净增…")
	compareWords = words.NewSet("比20", "比19", "较20", "较19", "相比", "对比", "以来", "今年", "本年", "去年", "期间", "至今", "年均", "历年", "当年", "基础上", "以前", "之前", "以后", "之后",
		"十一五", "十二五", "十三五", "十四五", "十五五", "五年")
	// in the year's own clause: a streak or a first since then
	// ("2023年，…首次突破3000亿元"); later in the sentence these tell of
	// the year's result ("2024年，…，连续13年实现双提升")
	spanWords = words.NewSet("累计", "连续", "首次")
)

var milestoneSet = words.NewSet(meta.MilestoneWords...)

// Words around a year that an event verb dates inside a sentence.
var (
	// the verbs of an event held, an award won, a work completed
	eventVerbs = []string{"成功举办", "举办", "举行", "召开", "承办", "主办", "协办", "获得", "荣获", "获评", "评为", "入选", "夺得", "摘得", "建成", "开通", "完成"}
	// right before the verb: it is planned
	plannedBefore = words.NewSet("将", "要", "拟", "计划", "预计", "准备", "筹备", "力争", "争取", "确保", "即将", "申请", "积极")
	// in the clause: a plan or an event prepared for
	eventAheadWords = words.NewSet("将", "拟", "力争", "争取", "预计", "筹备", "筹办", "申办", "申报", "争创", "迎接", "即将", "有望")
	// after the year: a thing made ready for that year before it begins
	// (a plan, a budget, funds and quotas granted ahead, a list of its
	// projects, the next year's enrolment), or the right to hold an event
	preparedWords = words.NewSet("方案", "计划", "规划", "预算", "编制", "储备", "谋划", "申报", "筹备", "准备", "征缴", "参保", "缴费", "续保",
		"招生", "招录", "项目库", "重点项目", "预案", "清单", "要点", "目录", "资金", "投资", "额度", "债券", "指标", "补助", "名额", "举办权", "承办权", "主办权")
	// the turn of the year, whose events a year-end summary may tell
	// ("举办2026年新年音乐会") and whose preparations it may
	yearTurn = words.NewSet("新年", "迎新", "跨年", "元旦", "春节", "新春", "春运")
	// the first months of a year, before a 政府工作报告 is delivered
	earlyYear = words.NewSet("1月", "2月", "元月", "初")
)

// modalYao reports whether a clause holds 要 as a verb of what is to be
// done ("要在本市举办…", "还要"), not a part of a word (主要, 重要, 需要,
// 要求, 纲要 …).
func modalYao(clause string) bool {
	for i := 0; ; {
		j := strings.Index(clause[i:], "要")
		if j < 0 {
			return false
		}
		at := i + j
		i = at + len("要")
		prev, _ := utf8.DecodeLastRuneInString(clause[:at])
		next, _ := utf8.DecodeRuneInString(clause[i:])
		if !strings.ContainsRune("主重需必只首紧纲摘提扼政显机险不", prev) && !strings.ContainsRune("求素点闻件害塞道务", next) {
			return true
		}
	}
}

// Words that mark a clause as done, or as still to come, for a year inside
// a sentence.
var (
	doneWords   = words.NewSet("已于", "已经", "已完成", "建成", "完成了", "实现了", "竣工", "投入使用", "获评", "荣获", "被评为", "入选", "举办了", "成功举办", "圆满举办", "顺利召开", "成功召开", "圆满完成", "全面完成", "顺利完成")
	futureWords = words.NewSet("计划", "预计", "力争", "争取", "确保", "将于", "拟", "目标", "到", "至", "前完成", "以前", "之前")
)
