package outline

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/internal/words"
)

// A section's kind comes from its heading's phrases (the tables below,
// held by TestKindPhrases), then from its position, and where the heading
// says nothing, from its content (contentKind).
var (
	problemWords = words.NewSet(
		"存在问题", "存在的问题", "问题与不足", "问题和不足", "不足与", "不足和", "困难和问题", "困难与问题",
		"问题和困难", "问题与困难", "短板", "差距", "薄弱环节", "问题和挑战", "挑战和问题", "不足之处", "困难和挑战",
		"主要问题", "突出问题", "面临的挑战", "弱项",
	)
	// fixWords are the verbs of a task that closes a gap: a title with one
	// before its problem word ("补齐基础设施短板", "缩小城乡差距") names
	// what the plan does, not a problem. fixChars do so right before it
	// (补短板, 强弱项, 找差距).
	fixWords = words.NewSet(
		"补齐", "补足", "补上", "补强", "弥补", "填补", "缩小", "破解", "解决", "化解", "攻克", "克服", "消除",
		"加固", "补好", "拉长",
	)
	fixChars = "补强找"
	// lackWords tell a problem about a task: "补齐短板力度不够" is a problem.
	lackWords = words.NewSet(
		"不够", "不足", "不强", "不高", "不快", "不多", "不大", "不深", "不实", "不到位", "较大", "较多", "明显",
		"突出", "仍", "依然", "有待", "亟待", "欠缺", "缺乏", "滞后", "薄弱", "不平衡", "不充分",
	)
	highlightWords = words.NewSet("亮点", "特色工作", "特色做法", "创新做法", "争先进位", "经验做法", "典型经验", "创新举措")
	reviewWords    = words.NewSet(
		"回顾", "完成情况", "开展情况", "主要成效", "取得的成绩", "工作成效", "工作总结", "主要成绩", "进展情况",
		"主要工作", "落实情况", "执行情况", "总结", "成绩", "成效", "运行情况", "工作情况", "推进情况",
	)
	// reviewResultWords make a heading that names plan matters a review of
	// them: "目标任务完成情况", "重点工作落实情况".
	reviewResultWords = words.NewSet(
		"完成情况", "落实情况", "执行情况", "进展情况", "开展情况", "推进情况", "回顾", "总结", "成效", "成绩", "成就",
	)
	planWords = words.NewSet(
		"计划", "打算", "思路", "安排", "任务", "举措", "下一步", "下步", "目标", "重点工作", "工作重点",
		"部署", "展望", "工作要点", "总体要求", "预期", "谋划", "建议",
	)
	// planTimeWords put a heading in the planned period, whatever its
	// other words: 下一步工作, 明年工作思路, 今后五年的主要任务.
	planTimeWords = words.NewSet(
		"下一步", "下步", "下半年", "明年", "来年", "今后", "未来五年", "未来一年", "新的一年", "新一年",
		"下阶段", "下一阶段",
	)
	// childPlanWords make a section inside the review the plan: the
	// planned time (下一步, 明年, 下半年工作) or the name of the plan part
	// (工作安排, 工作的建议), unless the title reviews it (完成情况).
	childPlanWords = words.NewSet(
		"下一步", "下步", "明年", "来年", "今后", "未来五年", "新的一年", "新一年", "下阶段", "下一阶段",
		"下半年工作", "下半年计划", "下半年重点",
		"工作计划", "工作打算", "工作思路", "工作安排", "工作谋划", "工作建议", "工作的建议", "工作要点",
	)
	// reviewTimeWords put a heading in the reviewed period: 过去一年, 去年.
	reviewTimeWords = words.NewSet("过去", "去年", "上年", "以来")
)

// statusEnds end the title of a part that tells the present state of the
// unit (基本情况, 社区概况, 工作基础): in a plan it is not the plan.
var statusEnds = words.NewSet("基本情况", "概况", "工作基础", "发展基础", "现有基础", "发展现状", "基本现状")

func statusTitle(title string) bool {
	return statusEnds.Suffix(strings.TrimRight(title, "。：: ")) != ""
}

// notReviewWords keep a title with review words out of the review kind.
var notReviewWords = words.NewSet("下一步", "下步", "计划", "打算")

// Context is what Classify knows about the report.
type Context struct {
	// Text is the file's text, which the sections' spans index.
	Text string
	// ReviewYear is the year the report reviews, 0 if unknown.
	ReviewYear int
	// Summary is set when the report reviews a period: its first
	// sections, until a plan, problems or highlights one, are the review.
	Summary bool
	// ThisYearPlanned is set when 今年 in the report is the planned year:
	// a 政府工作报告, given at the start of the year it plans, or a plan.
	// In a summary written at the end of a year, 今年 is the reviewed one.
	ThisYearPlanned bool
	// Plan is set when the report is a plan and reviews nothing (a 工作
	// 计划, 工作要点): a section whose heading says nothing is the plan
	// ("第一，坚定不移抓工业、强实体").
	Plan bool
}

// Classify sets the kind of every section: a top-level section by its
// title's words (a year later than the reviewed one is the plan); when its
// title says nothing, by its position once the plan has begun (the rest is
// the plan), otherwise by its content if that is clear (contentKind), then
// by its position; a nested one by its parent's kind unless its own title
// is unmistakable.
//
// In a report that reviews a period (Summary), top-level sections with no
// telling words that come before the first problems, highlights or plan
// section are review sections: "一、全力以赴抓党建、聚合力，基层治理成效显著".
func Classify(roots []*zongjie.Section, c Context) {
	reviewing, planning := c.Summary, c.Plan && !c.Summary
	for _, s := range roots {
		s.Kind = topKind(s.Title, c)
		if s.Kind == zongjie.KindOther && s.Rank >= rankEnum {
			s.Kind = leadKind(s.Lead)
		}
		// Once the plan has begun, the rest is the plan; before it, a
		// section whose heading says nothing may still show by its
		// content that the plan begins there.
		if s.Kind == zongjie.KindOther && !planning && s.Rank < rankEnum && c.Text != "" && s.Body.End <= len(c.Text) {
			if k := contentKind(c.Text[s.Span.End:contentEnd(s, c.Text)]); k == zongjie.KindPlan || !reviewing {
				s.Kind = k
			}
		}
		switch {
		case s.Kind == zongjie.KindOther && planning && statusTitle(s.Title):
			// 一、基本情况 at the head of a plan tells what there is, not
			// what is planned: it stays other and the plan goes on.
		case s.Kind == zongjie.KindOther && planning:
			s.Kind = zongjie.KindPlan
		case s.Kind == zongjie.KindReview && planning && staleHeading(s.Title, c):
			s.Kind = zongjie.KindPlan
		case s.Kind == zongjie.KindOther && reviewing:
			s.Kind = zongjie.KindReview
		case s.Kind == zongjie.KindPlan:
			reviewing, planning = false, true
		case s.Kind != zongjie.KindReview && s.Kind != zongjie.KindOther:
			reviewing = false
		}
		classifyChildren(s, c)
	}
}

// leadKind classifies a list by the clause that introduces it: a promise
// of what follows ("我镇将重点抓好以下工作", "针对上述问题，我们将着力做好
// 以下工作") is the plan, a problem word the problems.
func leadKind(lead string) zongjie.SectionKind {
	switch {
	case lead == "":
	case planLead(lead):
		return zongjie.KindPlan
	case isProblemTitle(lead) || strings.Contains(lead, "问题") || strings.Contains(lead, "不足"):
		return zongjie.KindProblems
	case containsAny(lead, highlightWords):
		return zongjie.KindHighlights
	}
	return zongjie.KindOther
}

// planLead reports whether a list's lead-in promises what follows: 将
// before 以下, 重点 or 着力 ("我局将重点做好以下工作", "我将着力做好以下
// 工作"), or a planned time with 将 ("下一步，我们将").
func planLead(lead string) bool {
	i := strings.Index(lead, "将")
	if i < 0 {
		return false
	}
	rest := lead[i:]
	return strings.Contains(rest, "以下") || strings.Contains(rest, "重点") || strings.Contains(rest, "着力") ||
		containsAny(lead[:i], planTimeWords)
}

// taskLead says whether a list's lead-in sets out tasks to do well
// (做好以下, 抓好以下, 办好以下), not ones done (了).
func taskLead(lead string) bool {
	return !strings.Contains(lead, "了") && (strings.Contains(lead, "做好以下") || strings.Contains(lead, "抓好以下") || strings.Contains(lead, "办好以下"))
}

// contentEnd returns where a section's own content ends: before the
// paragraph of its first list whose lead-in gives the list a kind of its
// own ("…不足：一是…", "2027年，我镇将重点抓好以下工作：一是…"), whose
// words are not the section's.
func contentEnd(s *zongjie.Section, text string) int {
	for _, ch := range s.Children {
		if ch.Rank >= rankEnum && ch.Ordinal == 1 && leadKind(ch.Lead) != zongjie.KindOther && ch.Span.Start <= len(text) {
			if i := strings.LastIndexByte(text[:ch.Span.Start], '\n'); i >= s.Span.End {
				return i
			}
		}
	}
	return s.Body.End
}

func classifyChildren(parent *zongjie.Section, c Context) {
	listKind := zongjie.KindOther // the kind a list's lead-in gave it
	planned := false              // a lead-in paragraph promised the headings after it
	for _, ch := range parent.Children {
		ch.Kind = parent.Kind
		if ch.Rank >= rankEnum {
			// An item of a list takes the kind of its lead-in ("还面临不少
			// 问题：一是…") or of its parent, never of its own words: "三是特色
			// 亮点打造不够出彩" is a problem, not a highlight.
			if ch.Ordinal == 1 {
				listKind = leadKind(ch.Lead)
				if listKind == zongjie.KindOther && hasPlanWord(parent.Title) && taskLead(ch.Lead) {
					// In a part of problems and plan, "…，重点做好以下几件事："
					// (its 将 in a clause before) sets out the plan.
					listKind = zongjie.KindPlan
				}
			}
			if listKind != zongjie.KindOther {
				ch.Kind = listKind
			}
			if ch.Kind == zongjie.KindOther {
				ch.Kind = topKind(ch.Title, Context{})
			}
			classifyChildren(ch, c)
			continue
		}
		listKind = zongjie.KindOther
		if !planned && parent.Kind != zongjie.KindPlan && planLead(leadParagraph(c.Text, ch.Span.Start)) {
			// 五、存在的问题和2027年工作打算 … 2027年，我局将重点做好以下工作：
			// then （一）…（四）: the headings after the promise are the plan.
			planned = true
		}
		switch {
		case planned:
			ch.Kind = zongjie.KindPlan
		case isProblemTitle(ch.Title):
			ch.Kind = zongjie.KindProblems
		case containsAny(ch.Title, highlightWords):
			ch.Kind = zongjie.KindHighlights
		case parent.Kind != zongjie.KindPlan && plannedTitle(ch.Title, c):
			ch.Kind = zongjie.KindPlan
		case parent.Kind == zongjie.KindOther:
			ch.Kind = topKind(ch.Title, Context{})
		}
		classifyChildren(ch, c)
	}
}

// leadParagraph returns the paragraph right before the heading starting at
// start when it introduces what follows (it ends with a colon), or "".
func leadParagraph(text string, start int) string {
	if start <= 0 || start > len(text) {
		return ""
	}
	before := strings.TrimRight(text[:start], "\n\r \t")
	if !strings.HasSuffix(before, "：") && !strings.HasSuffix(before, ":") {
		return ""
	}
	return before[strings.LastIndexByte(before, '\n')+1:]
}

// plannedTitle reports whether a title is unmistakably of the plan, even
// inside a review: a later year than the reviewed one, 今年 where it is
// the planned year, or childPlanWords — unless the title reviews (完成情况,
// 以来).
func plannedTitle(title string, c Context) bool {
	if containsAny(title, reviewResultWords) || containsAny(title, reviewTimeWords) {
		return false
	}
	if y := firstYear(title); y > 0 && c.ReviewYear > 0 {
		return y > c.ReviewYear
	}
	return c.ThisYearPlanned && strings.Contains(title, "今年") || containsAny(title, childPlanWords)
}

// topKind classifies a top-level section title.
func topKind(title string, c Context) zongjie.SectionKind {
	switch {
	case isProblemTitle(title):
		return zongjie.KindProblems
	case containsAny(title, highlightWords):
		return zongjie.KindHighlights
	}
	// A year in the title decides between review and plan: "2015年工作总体部署".
	if y := firstYear(title); y > 0 && c.ReviewYear > 0 {
		if y > c.ReviewYear {
			if laterReview(title) {
				return zongjie.KindReview
			}
			return zongjie.KindPlan
		}
		if containsAny(title, reviewWords) || y == c.ReviewYear && !hasPlanWord(title) {
			return zongjie.KindReview
		}
	}
	if containsAny(title, planTimeWords) && !containsAny(title, reviewTimeWords) {
		if strings.Contains(title, "形势") && !hasPlanWord(title) {
			// 下半年形势不容乐观，要清醒认识: the situation the plan
			// faces, told by the problems, not the plan.
			return zongjie.KindOther
		}
		return zongjie.KindPlan
	}
	if strings.Contains(title, "今年") && !containsAny(title, reviewResultWords) {
		if c.ThisYearPlanned {
			return zongjie.KindPlan // 对今年政府工作的建议, 今年重点工作
		}
		if !hasPlanWord(title) {
			return zongjie.KindReview
		}
	}
	if containsAny(title, reviewWords) && !containsAny(title, notReviewWords) {
		return zongjie.KindReview
	}
	if containsAny(title, reviewTimeWords) && !hasPlanWord(title) {
		return zongjie.KindReview
	}
	if hasPlanWord(title) {
		return zongjie.KindPlan
	}
	return zongjie.KindOther
}

// superiorPlans are the plans of the levels above that a report carries
// out (推动重大决策部署落地见效, 贯彻落实党中央决策部署, 落实全国统一大市场
// 建设部署要求, 推进改革部署落地): the report's own work, reviewed or
// planned, not its plan part.
var superiorPlans = strings.NewReplacer("决策部署", "", "部署要求", "", "部署落地", "", "部署落实", "")

// hasPlanWord reports whether a title holds a plan word (planWords) other
// than in a superior's plan carried out.
func hasPlanWord(title string) bool {
	return containsAny(superiorPlans.Replace(title), planWords)
}

// Content cues: words of commitment against words of results. A word of
// result right after a word of commitment (力争完成, 确保实现) counts for
// the plan only.
var (
	planCues = words.NewSet(
		"力争", "确保", "将继续", "将进一步", "将着力", "将加快", "将全面", "将持续", "将大力", "将深入",
		"将坚持", "我们将", "要坚持", "要加快", "要着力", "要持续", "要大力", "要深入", "要全面", "要进一步",
		"计划", "拟", "争取", "预期", "明年", "下一步", "下半年", "今后",
	)
	reviewCues = words.NewSet(
		"完成", "实现", "达到", "同比", "比上年", "较上年", "累计", "共计", "荣获", "获评", "圆满", "超额",
		"先后", "已经", "建成", "取得",
	)
)

// contentKind classifies a section whose heading says nothing by its text:
// plan when words of commitment clearly outnumber words of results, review
// the other way, other when neither does.
func contentKind(text string) zongjie.SectionKind {
	if len(text) > 2<<10 {
		text = text[:2<<10] // the first 700 characters or so tell
	}
	plans := planCues.All(text)
	// 争取 before a figure tells what was obtained (争取上级扶持资金420万
	// 元), not a commitment, unless a bound says it is one (以上).
	kept := plans[:0:0]
	for _, p := range plans {
		if p.Word == "争取" && obtained(text[p.Start+len(p.Word):]) {
			continue
		}
		kept = append(kept, p)
	}
	plans = kept
	plan, review := len(plans), 0
	k := 0
	for _, m := range reviewCues.All(text) {
		for k < len(plans) && plans[k].Start+len(plans[k].Word) <= m.Start-4*3 {
			k++
		}
		// 力争完成, 确保实现, 计划建成: a result promised.
		if k < len(plans) && plans[k].Start < m.Start {
			continue
		}
		review++
	}
	switch {
	case plan >= 2 && plan >= 2*review:
		return zongjie.KindPlan
	case review >= 2 && review >= 2*plan:
		return zongjie.KindReview
	}
	return zongjie.KindOther
}

// obtained says whether the words after 争取 name what was obtained: a
// figure within the clause's first ten characters with no bound after it
// (上级扶持资金420万元, not 资金1000万元以上).
func obtained(after string) bool {
	n := 0
	for i, r := range after {
		if n >= 10 || strings.ContainsRune("，。；：", r) {
			return false
		}
		if r >= '0' && r <= '9' {
			rest := after[i:]
			if j := strings.IndexAny(rest, "，。；"); j >= 0 {
				rest = rest[:j]
			}
			return !strings.Contains(rest, "以上") && !strings.Contains(rest, "左右")
		}
		n++
	}
	return false
}

// laterReview reports whether a title with a year later than the reviewed
// one can only head the review: it names results (回顾, 总结, 成就,
// 完成情况 …) and no plan ("2026年工作回顾", "2026年主要工作和“十四五”发展
// 成就" in a report that reviews 2025), or the results of a plan
// ("2026年目标任务完成情况"). Its year is wrong, and the checker reports it
// (YR002); the part is still the review.
func laterReview(title string) bool {
	if !containsAny(title, reviewResultWords) || containsAny(title, planTimeWords) {
		return false
	}
	return !hasPlanWord(title) || containsAny(title, planResultWords)
}

// staleHeading reports whether a top-level title after the plan has
// begun is the plan's, with the reviewed year left in it: "三、2025年主要
// 工作" in a report that reviews 2025 and plans 2026. A review there says
// so (回顾, 总结, 完成情况, 过去).
func staleHeading(title string, c Context) bool {
	return c.ReviewYear > 0 && firstYear(title) == c.ReviewYear && !containsAny(title, reviewResultWords) &&
		!containsAny(title, reviewTimeWords) && !strings.Contains(title, "情况")
}

// planResultWords name the results of a plan: "目标任务完成情况".
var planResultWords = words.NewSet("完成情况", "落实情况", "执行情况", "进展情况", "推进情况")

// isProblemTitle reports whether a title (or a list's lead-in) names
// problems: it holds a problem word that is not the object of a task
// closing the gap ("补齐基础设施短板", "缩小城乡差距", "补短板、强弱项"),
// unless it says the task falls short ("补齐短板力度不够").
func isProblemTitle(title string) bool {
	i, w := problemWords.Index(title)
	if i < 0 {
		return false
	}
	before := title[:i]
	task := fixWords.Contains(before)
	if r, _ := utf8.DecodeLastRuneInString(before); strings.ContainsRune(fixChars, r) {
		task = true
	}
	return !task || lackWords.Contains(title[i+len(w):])
}

// containsAny reports whether s holds one of the words of set.
func containsAny(s string, set *words.Set) bool { return set.Contains(s) }

// firstYear returns the first four-digit year 1949–2099 followed by 年 in s.
func firstYear(s string) int {
	for i := 0; i+4 < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
			continue
		}
		if !strings.HasPrefix(s[i+4:], "年") {
			continue
		}
		if y, err := strconv.Atoi(s[i : i+4]); err == nil && y >= 1949 && y <= 2099 {
			return y
		}
	}
	return 0
}
