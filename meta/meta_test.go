package meta_test

import (
	"fmt"
	"testing"

	"zongjie"
	"zongjie/document"
	"zongjie/meta"
	"zongjie/outline"
	"zongjie/reader"
)

// detect runs the metadata detector on the first report of text.
func detect(t *testing.T, text string) zongjie.Meta {
	t.Helper()
	f, err := reader.Read("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	parts := outline.Split(f, outline.Headings(f))
	p := parts[0]
	roots := outline.Tree(f, p.Headings, p.Span.End)
	title := ""
	if p.Title != (document.Span{}) {
		title = f.Slice(p.Title)
	}
	return meta.Detect(meta.Input{File: f, Span: p.Span, Title: title, Sections: roots})
}

func term(t *zongjie.Term) string {
	if t == nil {
		return "-"
	}
	return fmt.Sprintf("%d%s", t.Year, t.Period)
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text           string
		unit                 string
		level                zongjie.Level
		genre                zongjie.Genre
		review, plan, stated string
	}{
		{"title with both years", "青禾街道2024年工作总结及2025年工作计划\n一、2024年工作总结\n全街道上下…\n二、2025年工作计划\n",
			"青禾街道", zongjie.LevelStreet, zongjie.GenreSummaryPlan, "2024FY", "2025FY", "-"},
		{"the title's next-year plan outweighs half-year words in the body", "青禾街道2024年工作总结及2025年工作计划\n半年来，全街道上下…\n一、2024年工作总结\n二、下半年工作计划\n",
			"青禾街道", zongjie.LevelStreet, zongjie.GenreSummaryPlan, "2024FY", "2025FY", "-"},
		{"half year with 暨", "石桥镇2024年上半年工作总结暨下半年工作计划\n一、上半年工作\n二、下半年工作计划\n",
			"石桥镇", zongjie.LevelTown, zongjie.GenreSummaryPlan, "2024H1", "2024H2", "-"},
		{"wrong plan year in the title", "柳河乡2024年工作总结及2024年工作计划\n一、工作总结\n二、工作计划\n",
			"柳河乡", zongjie.LevelTownship, zongjie.GenreSummaryPlan, "2024FY", "2025FY", "2024FY"},
		{"wrong plan year in the lead sentence", "2024年工作总结及2025年工作计划\n现将我镇2024年工作总结及2024年工作计划报告如下：\n一、工作总结\n全镇完成…，全镇推进…\n二、工作计划\n",
			"", zongjie.LevelTown, zongjie.GenreSummaryPlan, "2024FY", "2025FY", "2024FY"},
		{"no title, lead sentence and anonymised unit", "2024年**街道坚持…。现将2024年上半年工作开展情况总结如下：\n一、上半年工作开展情况\n二、下一步工作打算\n",
			"**街道", zongjie.LevelStreet, zongjie.GenreSummaryPlan, "2024H1", "2024H2", "-"},
		{"plan only", "青禾街道2025年工作要点\n一、总体要求\n二、重点任务\n",
			"青禾街道", zongjie.LevelStreet, zongjie.GenrePlan, "-", "2025FY", "-"},
		{"speech", "街道2024年年中工作会议讲话\n同志们：\n一、上半年工作回顾\n二、下半年工作任务\n加快推进xx街道建设。xx街道要…\n",
			"xx街道", zongjie.LevelStreet, zongjie.GenreSpeech, "2024H1", "2024H2", "-"},
		{"government work report", "2026年某某省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n一、2025年工作回顾\n二、2026年重点工作\n",
			"某某省", zongjie.LevelProvince, zongjie.GenreSummaryPlan, "2025FY", "2026FY", "-"},
		{"national report without a title", "各位代表：\n现在，我代表国务院，向大会作政府工作报告。\n一、过去一年工作回顾\n2019年经济平稳。2019年就业稳定。\n二、今年工作总体部署\n",
			"国务院", zongjie.LevelNational, zongjie.GenreSummaryPlan, "2019FY", "2020FY", "-"},
		{"municipality is province level", "2026年上海市政府工作报告\n一、2025年工作回顾\n二、2026年主要任务\n",
			"上海市", zongjie.LevelProvince, zongjie.GenreSummaryPlan, "2025FY", "2026FY", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := detect(t, tt.text)
			got := fmt.Sprintf("%s %s %s %s %s %s", m.Unit, m.Level, m.Genre, term(m.Review), term(m.Plan), term(m.StatedPlan))
			want := fmt.Sprintf("%s %s %s %s %s %s", tt.unit, tt.level, tt.genre, tt.review, tt.plan, tt.stated)
			if got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

// Ensure a verb before a unit word is not read as the unit's name, and a
// Han name needs to recur.
func TestUnitNearMiss(t *testing.T) {
	m := detect(t, "2024年工作总结\n依托街道资源，围绕街道中心工作。\n一、工作总结\n")
	if m.Unit != "" {
		t.Errorf("unit %q, want none", m.Unit)
	}
	m = detect(t, "2024年工作总结\n。青禾街道完成任务。青禾街道推进项目。\n一、工作总结\n")
	if m.Unit != "青禾街道" {
		t.Errorf("unit %q, want 青禾街道", m.Unit)
	}
}
