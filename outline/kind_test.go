package outline

import (
	"strings"
	"testing"

	"zongjie"
	"zongjie/document"
)

// Ensure the heading phrases classify sections as the table says: at the
// top level, inside a review (where only an unmistakable title changes the
// parent's kind), in a 政府工作报告 (今年 is the planned year) and in a
// year-end summary (今年 is the reviewed year).
func TestKindPhrases(t *testing.T) {
	gov := Context{ReviewYear: 2023, Summary: true, ThisYearPlanned: true}
	sum := Context{ReviewYear: 2023, Summary: true}
	const (
		review   = zongjie.KindReview
		plan     = zongjie.KindPlan
		problems = zongjie.KindProblems
		other    = zongjie.KindOther
	)
	tests := []struct {
		title      string
		c          Context
		top, child zongjie.SectionKind // child: "" keeps the review parent's kind
	}{
		// The plan part under its many names.
		{"对今年政府工作的建议", gov, plan, plan},
		{"2024年工作安排", gov, plan, plan},
		{"2024年工作安排", sum, plan, plan},
		{"下一步工作打算", sum, plan, plan},
		{"今后五年的主要任务", gov, plan, plan},
		{"明年工作思路", sum, plan, plan},
		{"今年重点工作", gov, plan, plan},
		{"下步工作谋划", sum, plan, plan},
		{"2024年工作思路和目标任务", gov, plan, plan},
		{"下半年工作计划", sum, plan, plan},
		// The situation a plan faces is not the plan; its tasks are.
		{"下半年形势不容乐观，要清醒认识", sum, other, ""},
		{"下半年形势任务和工作安排", sum, plan, plan},
		{"“十五五”时期主要目标任务", gov, plan, ""},
		// The review under its names.
		{"2023年工作回顾", gov, review, ""},
		{"过去一年工作回顾", gov, review, ""},
		{"过去五年的工作", gov, review, ""},
		{"今年以来工作开展情况", sum, review, ""},
		{"今年工作回顾", sum, review, ""},
		// Near misses: plan words in a review of them, narrative titles.
		{"2023年目标任务完成情况", sum, review, ""},
		{"重点工作推进情况", sum, review, ""},
		{"重点工作扎实推进", sum, plan, ""},
		{"主要任务全面完成", sum, plan, ""},
		{"下半年以来经济运行", sum, review, ""},
		{"今年重点工作落实情况", gov, review, ""},
		{"坚持项目为王", sum, other, ""},
		// A superior's plan carried out is the report's work, not its
		// plan part; the report's own 部署 is.
		{"加强政治监督，推动重大决策部署落地见效", sum, other, ""},
		{"不折不扣贯彻落实党中央决策部署", sum, other, ""},
		{"推进改革部署落地，激发和增强社会活力", sum, other, ""},
		{"2024年工作总体部署", gov, plan, plan},
		{"下一步工作部署", sum, plan, plan},
		{"全年工作部署", sum, plan, ""},
		{"存在的问题和下一步打算", sum, problems, problems},
		// A review heading given a later year than the reviewed one is
		// still the review (its year is the checker's finding); a later
		// year with plan words or a bare 主要工作 is the plan.
		{"2024年工作回顾", gov, review, ""},
		{"“十四五”时期发展成就和2024年工作回顾", gov, review, ""},
		{"2024年主要工作和“十四五”发展成就", gov, review, ""},
		{"2024年工作总结", sum, review, ""},
		{"2024年目标任务完成情况", sum, review, ""},
		{"2024年主要工作", gov, plan, plan},
		{"2024年工作思路和“十五五”成就展望", gov, plan, ""},
		{"明年工作总结表彰安排", sum, plan, ""},
		// A task closing a gap is no problems heading; a problem about
		// such a task is.
		{"补齐基础设施短板", gov, other, ""},
		{"缩小城乡发展差距", gov, other, ""},
		{"补上民生领域弱项", gov, other, ""},
		{"破解要素保障薄弱环节", gov, other, ""},
		{"补短板、强弱项", gov, other, ""},
		{"基础设施短板明显", gov, problems, problems},
		{"与先进地区差距较大", sum, problems, problems},
		{"补齐短板力度不够", sum, problems, problems},
		{"民生领域仍有弱项", sum, problems, problems},
	}
	for _, tt := range tests {
		if got := topKind(tt.title, tt.c); got != tt.top {
			t.Errorf("top-level %q: %q, want %q", tt.title, got, tt.top)
		}
		parent := &zongjie.Section{Kind: review}
		child := &zongjie.Section{Title: tt.title, Rank: rankParenCN}
		parent.Children = []*zongjie.Section{child}
		classifyChildren(parent, tt.c)
		want := tt.child
		if want == "" {
			want = review
		}
		if child.Kind != want {
			t.Errorf("inside a review %q: %q, want %q", tt.title, child.Kind, want)
		}
	}
}

// Ensure a section whose heading says nothing takes its kind from its
// content when it is clear: commitments (将, 要, 力争, 确保) against results
// (完成, 实现, 达到, 同比), a promised result (力争完成) counting for the
// plan.
func TestContentKind(t *testing.T) {
	for _, tt := range []struct {
		text string
		want zongjie.SectionKind
	}{
		{"力争全年实施重点项目120个。确保城乡居民收入增长7%。我们将继续深化改革。", zongjie.KindPlan},
		{"力争完成投资150亿元，确保实现收入增长7%，计划建成学校5所。", zongjie.KindPlan},
		{"全年完成投资150亿元，同比增长8%。实现收入12亿元，比上年增长6%。累计建成学校5所。", zongjie.KindReview},
		{"新建学校5所，改造道路12条。", zongjie.KindOther},               // near miss: no cue either way
		{"完成投资150亿元。力争增长8%。", zongjie.KindOther},             // near miss: one of each
		{"已经完成投资150亿元，明年力争再增长8%，确保实现目标。", zongjie.KindOther}, // near miss: not clear enough
		// 争取 before a figure obtained is no commitment.
		{"争取上级扶持资金420万元，建设项目9个，确保资产保值。全年实现服务收入86万元。", zongjie.KindOther},
		{"争取上级资金1000万元以上，确保资产保值。力争实现服务收入90万元。", zongjie.KindPlan}, // near miss: a bound
	} {
		if got := contentKind(tt.text); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Ensure content decides only where the title and the position do not: a
// report with no review year and untelling headings; and that once a plan
// section has begun, sections that say nothing stay the plan whatever
// their words of results (实现, 取得 are a plan's words too).
func TestClassifyByContent(t *testing.T) {
	plan := "一、2024年工作安排\n力争增长6%。\n二、深化改革开放\n全面完成改革任务，实现重大突破，取得明显成效，建成统一市场。\n"
	p1 := &zongjie.Section{Title: "2024年工作安排", Rank: rankCN, Span: span(plan, "一、2024年工作安排"), Body: bodySpan(plan, "一、", "二、")}
	p2 := &zongjie.Section{Title: "深化改革开放", Rank: rankCN, Span: span(plan, "二、深化改革开放"), Body: bodySpan(plan, "二、", "")}
	Classify([]*zongjie.Section{p1, p2}, Context{Text: plan, ReviewYear: 2023, Summary: true})
	if p1.Kind != zongjie.KindPlan || p2.Kind != zongjie.KindPlan {
		t.Errorf("after a plan section: kinds %q %q, want plan plan", p1.Kind, p2.Kind)
	}

	text := "一、聚焦发展\n全年完成投资150亿元，同比增长8%。实现收入12亿元，比上年增长6%。\n二、聚焦民生\n力争新建学校5所，确保收入增长7%，我们将继续深化改革。\n"
	s1 := &zongjie.Section{Title: "聚焦发展", Rank: rankCN, Span: span(text, "一、聚焦发展"), Body: bodySpan(text, "一、聚焦发展", "二、")}
	s2 := &zongjie.Section{Title: "聚焦民生", Rank: rankCN, Span: span(text, "二、聚焦民生"), Body: bodySpan(text, "二、聚焦民生", "")}
	Classify([]*zongjie.Section{s1, s2}, Context{Text: text})
	if s1.Kind != zongjie.KindReview || s2.Kind != zongjie.KindPlan {
		t.Errorf("kinds %q %q, want review plan", s1.Kind, s2.Kind)
	}

	// In a plan that reviews nothing (a 工作计划), a section whose heading
	// says nothing is the plan, whatever its content; one that says
	// otherwise keeps its kind.
	s3 := &zongjie.Section{Title: "存在的问题", Rank: rankCN}
	Classify([]*zongjie.Section{s1, s2, s3}, Context{Text: text, Plan: true})
	if s1.Kind != zongjie.KindPlan || s2.Kind != zongjie.KindPlan || s3.Kind != zongjie.KindProblems {
		t.Errorf("in a plan: kinds %q %q %q, want plan plan problems", s1.Kind, s2.Kind, s3.Kind)
	}

	// A part that tells the present state (基本情况, 社区概况, 发展现状)
	// is not the plan, and the plan goes on after it; near misses: a
	// task's title, and a state to change (改变落后现状), which is a task.
	for _, tt := range []struct {
		title string
		want  zongjie.SectionKind
	}{
		{"基本情况", zongjie.KindOther},
		{"凤鸣社区概况", zongjie.KindOther},
		{"发展现状", zongjie.KindOther},
		{"聚力经济发展", zongjie.KindPlan},
		{"改变落后现状", zongjie.KindPlan},
	} {
		st := &zongjie.Section{Title: tt.title, Rank: rankCN}
		after := &zongjie.Section{Title: "聚焦民生", Rank: rankCN}
		Classify([]*zongjie.Section{st, after}, Context{Text: text, Plan: true})
		if st.Kind != tt.want || after.Kind != zongjie.KindPlan {
			t.Errorf("in a plan, %q then 聚焦民生: kinds %q %q, want %q plan", tt.title, st.Kind, after.Kind, tt.want)
		}
	}
}

// Ensure a top-level heading of the reviewed year after the plan has
// begun is a review only when it says so (回顾, 完成情况, 过去): "三、2023年
// 主要工作" there is the plan, with a stale year; without a year it is
// left as it was.
func TestClassifyAfterPlan(t *testing.T) {
	for _, tt := range []struct {
		third string
		want  zongjie.SectionKind
	}{
		{"2023年主要工作", zongjie.KindPlan},
		{"2023年工作回顾", zongjie.KindReview},
		{"过去一年主要工作", zongjie.KindReview},
		{"2023年经济运行情况", zongjie.KindReview},
		{"主要工作", zongjie.KindReview},
	} {
		var roots []*zongjie.Section
		for _, title := range []string{"2023年工作回顾", "“十五五”时期主要目标任务", tt.third} {
			roots = append(roots, &zongjie.Section{Title: title, Rank: rankCN})
		}
		Classify(roots, Context{ReviewYear: 2023, Summary: true, ThisYearPlanned: true})
		if roots[2].Kind != tt.want {
			t.Errorf("%q after the plan: %q, want %q", tt.third, roots[2].Kind, tt.want)
		}
	}
}

func span(text, s string) document.Span {
	i := strings.Index(text, s)
	return document.Span{Start: i, End: i + len(s)}
}

func bodySpan(text, from, to string) document.Span {
	i := strings.Index(text, from)
	end := len(text)
	if to != "" {
		end = i + strings.Index(text[i:], to)
	}
	return document.Span{Start: i, End: end}
}

// Ensure a task that closes a gap keeps the kind of the part it is in: in
// the plan part "（二）补齐基础设施短板" is the plan; in a 存在问题 part its
// subsections stay problems, a task's title among them too, and a problem
// subsection in a review is still a problem.
func TestTaskTitlesInParts(t *testing.T) {
	c := Context{ReviewYear: 2023, Summary: true, ThisYearPlanned: true}
	tree := func(parent string, children ...string) *zongjie.Section {
		p := &zongjie.Section{Title: parent, Rank: rankCN}
		for _, ch := range children {
			p.Children = append(p.Children, &zongjie.Section{Title: ch, Rank: rankParenCN})
		}
		return p
	}
	review := tree("2023年工作回顾", "聚焦项目建设", "基础设施短板依然突出")
	problems := tree("存在的问题", "基础设施短板明显", "补齐短板力度不够", "缩小城乡差距")
	plan := tree("2024年工作安排", "做强产业", "补齐基础设施短板", "缩小城乡差距", "补上民生弱项")
	Classify([]*zongjie.Section{review, problems, plan}, c)
	want := map[*zongjie.Section][]zongjie.SectionKind{
		review:   {zongjie.KindReview, zongjie.KindProblems},
		problems: {zongjie.KindProblems, zongjie.KindProblems, zongjie.KindProblems},
		plan:     {zongjie.KindPlan, zongjie.KindPlan, zongjie.KindPlan, zongjie.KindPlan},
	}
	for _, p := range []*zongjie.Section{review, problems, plan} {
		for i, ch := range p.Children {
			if ch.Kind != want[p][i] {
				t.Errorf("%s / %s: %q, want %q", p.Title, ch.Title, ch.Kind, want[p][i])
			}
		}
	}
	if review.Kind != zongjie.KindReview || problems.Kind != zongjie.KindProblems || plan.Kind != zongjie.KindPlan {
		t.Errorf("parts: %q %q %q", review.Kind, problems.Kind, plan.Kind)
	}
}

// Ensure headings after a paragraph that promises them (2027年，我局将重点
// 做好以下工作：) are the plan inside a part of problems and plan; near
// miss: after a lead-in of problems (存在的问题主要有：) they stay problems.
func TestHeadingsAfterAPlanLead(t *testing.T) {
	for _, tt := range []struct {
		lead string
		want zongjie.SectionKind
	}{
		{"2027年，我局将重点做好以下工作：", zongjie.KindPlan},
		{"存在的问题主要有：", zongjie.KindProblems},
	} {
		text := "五、存在的问题和2027年工作打算\n" + tt.lead + "\n（一）持续优化营商环境，企业开办时间保持在1个工作日以内；\n（二）守牢安全底线。\n"
		c1 := &zongjie.Section{Title: "持续优化营商环境，企业开办时间保持在1个工作日以内；", Rank: rankCN + 1, Span: span(text, "（一）")}
		c2 := &zongjie.Section{Title: "守牢安全底线。", Rank: rankCN + 1, Span: span(text, "（二）")}
		top := &zongjie.Section{Title: "存在的问题和2027年工作打算", Rank: rankCN, Span: span(text, "五、存在的问题和2027年工作打算"),
			Body: bodySpan(text, "五、", ""), Children: []*zongjie.Section{c1, c2}}
		Classify([]*zongjie.Section{top}, Context{Text: text, ReviewYear: 2026, Summary: true})
		if c1.Kind != tt.want || c2.Kind != tt.want {
			t.Errorf("after %q: kinds %q %q, want %q", tt.lead, c1.Kind, c2.Kind, tt.want)
		}
	}
}
