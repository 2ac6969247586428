package output

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"zongjie"
)

// Chinese names of the enumerations, for text output.
var (
	levelNames = map[zongjie.Level]string{
		zongjie.LevelCommunity: "社区", zongjie.LevelStreet: "街道", zongjie.LevelTown: "镇", zongjie.LevelTownship: "乡", zongjie.LevelDistrict: "区",
		zongjie.LevelCounty: "县", zongjie.LevelCity: "市", zongjie.LevelProvince: "省级", zongjie.LevelNational: "国家",
		zongjie.LevelDepartment: "部门",
	}
	periodNames = map[zongjie.Period]string{
		zongjie.PeriodFullYear: "全年", zongjie.PeriodH1: "上半年", zongjie.PeriodH2: "下半年", zongjie.PeriodQ1: "第一季度",
		zongjie.PeriodQ2: "第二季度", zongjie.PeriodQ3: "第三季度", zongjie.PeriodQ4: "第四季度", zongjie.PeriodQ1Q3: "前三季度",
		zongjie.PeriodMulti: "多年",
	}
	genreNames = map[zongjie.Genre]string{
		zongjie.GenreSummary: "总结", zongjie.GenrePlan: "计划", zongjie.GenreSummaryPlan: "总结及计划", zongjie.GenreSpeech: "讲话",
	}
	kindNames = map[zongjie.SectionKind]string{
		zongjie.KindReview: "回顾", zongjie.KindHighlights: "亮点", zongjie.KindProblems: "问题", zongjie.KindPlan: "计划", zongjie.KindOther: "其他",
	}
	comparatorNames = map[string]string{
		zongjie.AtLeast: "不低于", zongjie.AtMost: "不超过", zongjie.Over: "超过", zongjie.Under: "低于", zongjie.About: "约", zongjie.Exactly: "",
	}
)

func sectionName(kind string) string { return kindNames[zongjie.SectionKind(kind)] }

func direction(d string) string {
	switch d {
	case zongjie.Up:
		return "增"
	case zongjie.Down:
		return "减"
	case zongjie.Flat:
		return "持平"
	}
	return ""
}

// TextOptions controls the text rendering.
type TextOptions struct {
	// Enumerations includes 一是/二是 items in the outline.
	Enumerations bool
}

// WriteExtractText writes reports for reading in a terminal, in Chinese.
func WriteExtractText(w io.Writer, reports []*zongjie.Report, opt TextOptions) error {
	p := &printer{w: w}
	for i, r := range reports {
		if i > 0 {
			p.line("")
		}
		p.report(r, opt)
	}
	return p.err
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) line(format string, args ...any) {
	if p.err != nil {
		return
	}
	_, p.err = fmt.Fprintf(p.w, format+"\n", args...)
}

func (p *printer) report(r *zongjie.Report, opt TextOptions) {
	title := r.Title
	if r.TitleInferred {
		title += "（无标题行，据内容推断）"
	}
	where := r.Path
	if r.Path == "-" {
		where = "标准输入"
	}
	p.line("== %s 第%d–%d行 ==", where, r.Line, r.EndLine)
	p.line("标题：%s", title)
	m := r.Meta
	unit := m.Unit
	if unit == "" {
		unit = "（未识别）"
	}
	if m.UnitPlaceholder {
		unit += "（名称已隐去）"
	}
	level := orDash(levelNames[m.Level])
	var about []string
	if m.Parent != "" {
		about = append(about, "上级："+m.Parent)
	}
	if m.UnitSource != "" {
		if m.Unit == "" {
			level += "（据" + m.UnitSource.Chinese() + "）"
		} else {
			about = append(about, "据"+m.UnitSource.Chinese())
		}
	}
	if len(about) > 0 {
		unit += "（" + strings.Join(about, "；") + "）"
	}
	p.line("单位：%s　级别：%s　类型：%s（%s）", unit, level, orDash(m.DocType), orDash(genreNames[m.Genre]))
	var terms []string
	if m.Review != nil {
		terms = append(terms, "回顾 "+termName(m.Review))
	}
	if m.Plan != nil {
		terms = append(terms, "计划 "+termName(m.Plan))
	}
	switch {
	case len(terms) == 0:
		terms = append(terms, "—（未找到年份）")
	case m.PeriodSource != "":
		terms[len(terms)-1] += "（据" + m.PeriodSource.Chinese() + "）"
	}
	if m.StatedPlan != nil {
		terms = append(terms, "（文中写作计划 "+termName(m.StatedPlan)+"）")
	}
	if !hasYear(m.Review) && !hasYear(m.Plan) {
		p.line("期间：未识别（报告中没有写明年份或时段；可用 --period 指定，如 --period 2024）")
	} else {
		p.line("期间：%s", strings.Join(terms, "　"))
	}

	p.line("")
	p.line("提纲：")
	if len(r.Outline) == 0 {
		p.line("  （未找到标题）")
	}
	zongjie.Walk(r.Outline, func(s *zongjie.Section) {
		if !opt.Enumerations && s.Rank >= 6 {
			return
		}
		p.line("%s%s%s　［%s］第%d行", strings.Repeat("  ", s.Level), s.Marker, s.Title, kindNames[s.Kind], s.Line)
	})
	for _, a := range r.Asides {
		name := asideNames[a.Kind]
		if t := strings.TrimRight(a.Title, "：:"); t != "" && t != name {
			name += "：" + t
		}
		p.line("  （正文以外）%s　第%d–%d行", name, a.Line, a.EndLine)
	}

	p.line("")
	p.line("指标（%d 项）：", len(r.Quantities))
	for _, q := range r.Quantities {
		p.line("  第%d行　%s　%s%s", q.Line, orDash(q.Name), quantityText(q), growthText(q))
	}

	p.line("")
	p.line("目标（%d 项）：", len(r.Targets))
	for _, t := range r.Targets {
		dl := t.Deadline
		if dl == "" && t.Year > 0 {
			dl = strconv.Itoa(t.Year) + "年" + periodNames[t.Period]
		}
		change := ""
		switch t.Change {
		case zongjie.Up:
			change = "增长"
		case zongjie.Down:
			change = "下降"
		}
		fig := t.Figure
		if t.Value != nil {
			fig = strings.TrimSpace(comparatorNames[t.Comparator] + " " + strconv.FormatFloat(*t.Value, 'f', -1, 64) + t.Unit)
		}
		p.line("  第%d行　%s%s　%s　期限：%s", t.Line, orDash(t.Name), change, fig, orDash(dl))
	}
}

// asideNames name the parts of a report that are not its body.
var asideNames = map[zongjie.AsideKind]string{
	zongjie.AsideGlossary:    "名词解释",
	zongjie.AsideNotes:       "注释",
	zongjie.AsideAttachment:  "附件",
	zongjie.AsideBoilerplate: "附加的非报告文字",
}

func termName(t *zongjie.Term) string {
	s := periodNames[t.Period]
	if t.Year > 0 {
		s = strconv.Itoa(t.Year) + "年" + s
	} else {
		s = "年份未识别"
	}
	return s
}

// hasYear reports whether t names a year.
func hasYear(t *zongjie.Term) bool { return t != nil && t.Year > 0 }

func quantityText(q zongjie.Quantity) string {
	s := q.Text
	if q.Placeholder {
		return s + "（占位符，待填写）"
	}
	if q.BaseValue != nil && q.Value != nil && *q.BaseValue != *q.Value && q.BaseUnit != "" {
		s += "（" + strconv.FormatFloat(*q.BaseValue, 'f', -1, 64) + q.BaseUnit + "）"
	}
	return s
}

func growthText(q zongjie.Quantity) string {
	if q.Growth == nil {
		return ""
	}
	return "，" + q.Growth.Text
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
