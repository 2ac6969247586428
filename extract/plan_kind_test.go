package extract_test

import (
	"strings"
	"testing"

	"zongjie"
	"zongjie/extract"
	"zongjie/reader"
)

// planHeadings are names a report gives its plan part besides 计划.
var planHeadings = []string{
	"对今年政府工作的建议", "2024年工作安排", "下一步工作打算", "今后五年的主要任务", "明年工作思路",
	"今年重点工作", "2024年工作思路和目标任务", "下步工作谋划",
}

// Ensure a plan part under any of its names is a plan section, whether
// its heading is numbered, an unnumbered line or a section inside the
// review, and that the figures it commits to are targets.
func TestPlanSectionNames(t *testing.T) {
	shapes := []struct {
		name, text string
	}{
		{"numbered", "一、2023年工作回顾\n全县地区生产总值完成186亿元，同比增长6.2%。\n二、{H}\n{P}\n"},
		{"unnumbered line", "一、2023年工作回顾\n全县地区生产总值完成186亿元，同比增长6.2%。\n（一）产业发展。新增规上企业18家。\n{H}\n（一）稳增长。{P}\n"},
		{"inside the review", "一、2023年工作回顾\n（一）产业发展。全县地区生产总值完成186亿元，同比增长6.2%。\n（二）{H}\n{P}\n"},
	}
	plan := "今年全县地区生产总值增长6.5%左右，新增规上企业20家以上。"
	for _, sh := range shapes {
		for _, h := range planHeadings {
			if sh.name == "inside the review" && (strings.HasPrefix(h, "对今年政府") || strings.HasPrefix(h, "今后五年")) {
				continue // parts of a government work report, never inside the review
			}
			t.Run(sh.name+"/"+h, func(t *testing.T) {
				text := "2024年云岭县政府工作报告\n各位代表：\n" + strings.NewReplacer("{H}", h, "{P}", plan).Replace(sh.text)
				f, err := reader.Read("t.txt", []byte(text))
				if err != nil {
					t.Fatal(err)
				}
				reports := extract.File(f)
				if len(reports) != 1 {
					t.Fatalf("%d reports, want 1", len(reports))
				}
				r := reports[0]
				var kind zongjie.SectionKind
				zongjie.Walk(r.Outline, func(s *zongjie.Section) {
					if s.Title == h {
						kind = s.Kind
					}
				})
				if kind != zongjie.KindPlan {
					t.Errorf("heading %q is %q, want plan", h, kind)
				}
				var figs []string
				for _, tg := range r.Targets {
					figs = append(figs, tg.Figure)
				}
				if want := "增长6.5%左右 20家以上"; strings.Join(figs, " ") != want {
					t.Errorf("targets %q, want %q", strings.Join(figs, " "), want)
				}
			})
		}
	}
}
