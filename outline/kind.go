package outline

import (
	"strconv"
	"strings"

	"zongjie"
	"zongjie/internal/words"
)

// Keyword lists for section kinds, tried in this order: a title that names
// problems is a problems section even if it also says 总结.
var (
	problemWords = words.NewSet(
		"存在问题", "存在的问题", "问题与不足", "问题和不足", "不足与", "不足和", "困难和问题", "困难与问题",
		"问题和困难", "问题与困难", "短板", "差距", "薄弱环节", "问题和挑战", "挑战和问题", "不足之处", "困难和挑战",
		"主要问题", "突出问题", "面临的挑战",
	)
	highlightWords = words.NewSet("亮点", "特色工作", "特色做法", "创新做法", "争先进位", "经验做法", "典型经验", "创新举措")
	reviewWords    = words.NewSet(
		"回顾", "完成情况", "开展情况", "主要成效", "取得的成绩", "工作成效", "工作总结", "主要成绩", "进展情况",
		"主要工作", "落实情况", "执行情况", "总结", "成绩", "成效", "运行情况", "工作情况",
	)
	planWords = words.NewSet(
		"计划", "打算", "思路", "安排", "任务", "举措", "下一步", "下步", "目标", "重点工作", "工作重点",
		"部署", "展望", "工作要点", "总体要求", "预期",
	)
	// A section inside a review keeps its parent's kind unless its own
	// title is unmistakable.
	childPlanWords = words.NewSet("下一步", "下步", "工作计划", "工作打算", "工作思路", "下半年工作", "明年工作")
)

// notReviewWords keep a title with review words out of the review kind.
var notReviewWords = words.NewSet("下一步", "下步", "计划", "打算")

// Classify sets the kind of every section: a top-level section by its
// title's words (or, failing those, by a year later than the reviewed one),
// a nested one by its parent's kind unless its own title says otherwise.
//
// In a report that reviews a period (summary is true), top-level sections
// with no telling words that come before the first problems, highlights or
// plan section are review sections: "一、全力以赴抓党建、聚合力，基层治理成效显著".
func Classify(roots []*zongjie.Section, reviewYear int, summary bool) {
	reviewing, planning := summary, false
	for _, s := range roots {
		s.Kind = topKind(s.Title, reviewYear)
		if s.Kind == zongjie.KindOther && s.Rank == rankEnum {
			s.Kind = leadKind(s.Lead)
		}
		switch {
		case s.Kind == zongjie.KindOther && planning:
			s.Kind = zongjie.KindPlan
		case s.Kind == zongjie.KindOther && reviewing:
			s.Kind = zongjie.KindReview
		case s.Kind == zongjie.KindPlan:
			reviewing, planning = false, true
		case s.Kind != zongjie.KindReview && s.Kind != zongjie.KindOther:
			reviewing = false
		}
		classifyChildren(s)
	}
}

// leadKind classifies a list by the clause that introduces it.
func leadKind(lead string) zongjie.SectionKind {
	switch {
	case lead == "":
	case containsAny(lead, problemWords) || strings.Contains(lead, "问题") || strings.Contains(lead, "不足"):
		return zongjie.KindProblems
	case containsAny(lead, highlightWords):
		return zongjie.KindHighlights
	}
	return zongjie.KindOther
}

func classifyChildren(parent *zongjie.Section) {
	listKind := zongjie.KindOther // the kind a list's lead-in gave it
	for _, c := range parent.Children {
		c.Kind = parent.Kind
		if c.Rank == rankEnum {
			// An item of a list takes the kind of its lead-in ("还面临不少
			// 问题：一是…") or of its parent, never of its own words: "三是特色
			// 亮点打造不够出彩" is a problem, not a highlight.
			if c.Ordinal == 1 {
				listKind = leadKind(c.Lead)
			}
			if listKind != zongjie.KindOther {
				c.Kind = listKind
			}
			if c.Kind == zongjie.KindOther {
				c.Kind = topKind(c.Title, 0)
			}
			classifyChildren(c)
			continue
		}
		listKind = zongjie.KindOther
		switch {
		case containsAny(c.Title, problemWords):
			c.Kind = zongjie.KindProblems
		case containsAny(c.Title, highlightWords):
			c.Kind = zongjie.KindHighlights
		case containsAny(c.Title, childPlanWords):
			c.Kind = zongjie.KindPlan
		case parent.Kind == zongjie.KindOther:
			c.Kind = topKind(c.Title, 0)
		}
		classifyChildren(c)
	}
}

// topKind classifies a top-level section title.
func topKind(title string, reviewYear int) zongjie.SectionKind {
	switch {
	case containsAny(title, problemWords):
		return zongjie.KindProblems
	case containsAny(title, highlightWords):
		return zongjie.KindHighlights
	}
	// A year in the title decides between review and plan: "2015年工作总体部署".
	if y := firstYear(title); y > 0 && reviewYear > 0 {
		if y > reviewYear {
			return zongjie.KindPlan
		}
		if containsAny(title, reviewWords) || y == reviewYear && !containsAny(title, planWords) {
			return zongjie.KindReview
		}
	}
	if strings.Contains(title, "下半年") || strings.Contains(title, "明年") {
		return zongjie.KindPlan
	}
	if containsAny(title, reviewWords) && !containsAny(title, notReviewWords) {
		return zongjie.KindReview
	}
	if containsAny(title, planWords) {
		return zongjie.KindPlan
	}
	return zongjie.KindOther
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
