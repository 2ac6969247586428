// Package meta reads what a report says about itself: the reporting unit
// and its level, the period reviewed and the period planned, the genre and
// the title.
//
// Sources, strongest first: the title line ("2023年工作总结及2024年工作计划"),
// the introduction ("现将2023年上半年工作开展情况总结如下"), the top-level
// headings ("一、2022年工作总结", "二、下一步工作计划") and the body (self
// references such as 我镇, 全街道, and named units such as "**街道"). A
// speech whose title names no year is dated by a line under its title or
// the date it is signed with, else by the year its body tells as the year
// so far; evidence that conflicts leaves it undated.
package meta

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/document"
)

// Input is what Detect reads.
type Input struct {
	File      *document.File
	Span      document.Span // the report
	Title     string        // the title, "" if none (see TitleText)
	TitleSpan document.Span // the title's lines, empty if none
	Sections  []*zongjie.Section
	// NoUnit leaves the unit out (Unit, Parent, Level, UnitPlaceholder,
	// UnitSource): a check reads none of them, and looking for an
	// anonymised name (**街道) is a scan of the whole report.
	NoUnit bool
}

// Detect returns the metadata of one report.
func Detect(in Input) zongjie.Meta {
	d := detector{in: in, text: in.File.Text[in.Span.Start:in.Span.End]}
	d.intro = d.introText()
	var m zongjie.Meta
	m.DocType = d.docType()
	d.periods(&m)
	m.Genre = d.genre(&m)
	if !in.NoUnit {
		d.unit(&m)
	}
	for _, t := range []*zongjie.Term{m.Review, m.Plan} {
		if t != nil && t.Year > 0 && !containsInt(m.Years, t.Year) {
			m.Years = append(m.Years, t.Year)
		}
	}
	if len(m.Years) == 2 && m.Years[0] > m.Years[1] {
		m.Years[0], m.Years[1] = m.Years[1], m.Years[0]
	}
	if m.Years == nil {
		m.Years = []int{}
	}
	switch {
	case m.Review != nil:
		m.Period = m.Review.Period
	case m.Plan != nil:
		m.Period = m.Plan.Period
	}
	return m
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

type detector struct {
	in     Input
	text   string            // the report's text
	intro  string            // the first paragraphs, up to the first heading
	phHits *[]placeholderHit // anonymised unit names, found once
	head   *[]headerLine     // the lines under the title, found once
}

// introText returns the text before the first heading (at most a few
// paragraphs), where reports say what they are.
func (d *detector) introText() string {
	end := len(d.text)
	for _, s := range d.in.Sections {
		if s.Span.Start > d.in.Span.Start {
			end = min(end, s.Span.Start-d.in.Span.Start)
			break
		}
	}
	intro := d.text[:end]
	if len(intro) > 3000 {
		intro = intro[:3000]
		for len(intro) > 0 && !utf8.RuneStart(intro[len(intro)-1]) {
			intro = intro[:len(intro)-1]
		}
	}
	return intro
}

// docType names the kind of document from its title and opening.
func (d *detector) docType() string {
	t := d.in.Title
	switch {
	case strings.Contains(t, "政府工作报告") || strings.Contains(d.intro, "政府工作报告") || strings.Contains(d.intro, "报告政府工作") ||
		strings.Contains(d.intro, "人民政府") && strings.Contains(d.intro, "报告工作") ||
		strings.Contains(d.intro, "代表国务院") && strings.Contains(d.intro, "政府工作") ||
		d.congressOpening():
		return zongjie.GovernmentReport
	case strings.Contains(t, "讲话") || strings.Contains(t, "致辞") || strings.Contains(t, "发言"):
		return "讲话"
	case strings.Contains(t, "述职"):
		return "述职报告"
	case strings.Contains(t, "要点"):
		return "工作要点"
	case hasSummaryWord(t) && hasPlanWord(t):
		return "工作总结及计划"
	case hasSummaryWord(t):
		return "工作总结"
	case hasPlanWord(t):
		return "工作计划"
	case strings.Contains(t, "报告") || strings.Contains(t, "汇报"):
		return "工作报告"
	}
	if strings.Contains(d.intro, "总结如下") || strings.Contains(d.intro, "工作总结") {
		return "工作总结"
	}
	if strings.Contains(d.intro, "向大会报告工作") {
		return "工作报告"
	}
	return ""
}

// congressOpening reports whether a report opens as a government's report
// to its people's congress: a session line under the title and a speaker
// who reports to the congress on behalf of a government ("我代表省政府，
// 向大会报告工作").
func (d *detector) congressOpening() bool {
	if !strings.Contains(d.intro, "政府") || !(strings.Contains(d.intro, "向大会报告") || strings.Contains(d.intro, "报告工作")) {
		return false
	}
	for _, h := range d.header() {
		if _, ok := sessionAt(h.text); ok {
			return true
		}
	}
	return strings.Contains(d.intro, "代表") && strings.Contains(d.intro, "各位代表")
}

func hasSummaryWord(s string) bool {
	return strings.Contains(s, "总结") || strings.Contains(s, "回顾") || strings.Contains(s, "情况")
}

func hasPlanWord(s string) bool {
	for _, w := range []string{"计划", "思路", "打算", "安排", "要点", "任务"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// genre classifies the report from its type, periods and sections.
func (d *detector) genre(m *zongjie.Meta) zongjie.Genre {
	switch m.DocType {
	case "讲话":
		return zongjie.GenreSpeech
	case zongjie.GovernmentReport:
		return zongjie.GenreSummaryPlan
	}
	hasPlan := m.Plan != nil || d.hasPlanSection()
	switch {
	case m.Review != nil && hasPlan:
		return zongjie.GenreSummaryPlan
	case m.Review != nil:
		return zongjie.GenreSummary
	case hasPlan:
		return zongjie.GenrePlan
	}
	return zongjie.GenreSummary
}

// years returns every year written as four digits followed by 年 in s,
// with its byte offset.
func years(s string) (ys []int, offs []int) {
	for i := 0; i+4 < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
			continue
		}
		if !strings.HasPrefix(s[i+4:], "年") {
			continue
		}
		y, err := strconv.Atoi(s[i : i+4])
		if err == nil && y >= 1949 && y <= 2099 {
			ys, offs = append(ys, y), append(offs, i)
		}
	}
	return ys, offs
}
