package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"zongjie"
	"zongjie/internal/shared"
)

// term renders a period as "2023H1", "2024FY", or "-".
func term(t *zongjie.Term) string {
	if t == nil {
		return "-"
	}
	return fmt.Sprintf("%d%s", t.Year, t.Period)
}

// Ensure the metadata of the seven reports in the seeds (002 holds three)
// is right. Expected values were read off the texts by hand.
func TestSeedMetadata(t *testing.T) {
	tests := []struct {
		seed      string
		index     int
		title     string // "" when the report has no title line
		unit      string
		level     zongjie.Level
		years     []int
		period    zongjie.Period
		genre     zongjie.Genre
		review    string
		plan      string
		stated    string // the plan period as wrongly written, "-" if none
		lineStart int
	}{
		{"000", 0, "", "**街道", zongjie.LevelStreet, []int{2023}, zongjie.PeriodH1, zongjie.GenreSummaryPlan, "2023H1", "2023H2", "-", 1},
		{"001", 0, "", "xx街道", zongjie.LevelStreet, []int{2024}, zongjie.PeriodH1, zongjie.GenreSummaryPlan, "2024H1", "2024H2", "-", 1},
		{"002", 0, "2023年工作总结及2024年工作计划（镇乡）", "xx镇", zongjie.LevelTown, []int{2023, 2024}, zongjie.PeriodFullYear, zongjie.GenreSummaryPlan, "2023FY", "2024FY", "2023FY", 1},
		{"002", 1, "2023年工作总结及2023年工作思路（街道）", "xx街道", zongjie.LevelStreet, []int{2023, 2024}, zongjie.PeriodFullYear, zongjie.GenreSummaryPlan, "2023FY", "2024FY", "2023FY", 31},
		{"002", 2, "公路街办2023年上半年工作总结暨下半年工作计划", "公路街办", zongjie.LevelStreet, []int{2023}, zongjie.PeriodH1, zongjie.GenreSummaryPlan, "2023H1", "2023H2", "-", 62},
		{"003", 0, "", "**街道", zongjie.LevelStreet, []int{2022, 2023}, zongjie.PeriodFullYear, zongjie.GenreSummaryPlan, "2022FY", "2023FY", "-", 1},
		{"004", 0, "街道2023年年中工作会议讲话", "XX街道", zongjie.LevelStreet, []int{2023}, zongjie.PeriodH1, zongjie.GenreSpeech, "2023H1", "2023H2", "-", 1},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s-%d", tt.seed, tt.index), func(t *testing.T) {
			reports := readSeed(t, tt.seed)
			if tt.index >= len(reports) {
				t.Fatalf("seed %s has %d reports", tt.seed, len(reports))
			}
			r := reports[tt.index]
			m := r.Meta
			if tt.title != "" && r.Title != tt.title {
				t.Errorf("title %q, want %q", r.Title, tt.title)
			}
			if tt.title == "" && !r.TitleInferred {
				t.Errorf("title %q should be inferred", r.Title)
			}
			if m.Unit != tt.unit || m.Level != tt.level {
				t.Errorf("unit %q %s, want %q %s", m.Unit, m.Level, tt.unit, tt.level)
			}
			if fmt.Sprint(m.Years) != fmt.Sprint(tt.years) {
				t.Errorf("years %v, want %v", m.Years, tt.years)
			}
			if m.Period != tt.period || m.Genre != tt.genre {
				t.Errorf("period %s genre %s, want %s %s", m.Period, m.Genre, tt.period, tt.genre)
			}
			if got := term(m.Review); got != tt.review {
				t.Errorf("review %s, want %s", got, tt.review)
			}
			if got := term(m.Plan); got != tt.plan {
				t.Errorf("plan %s, want %s", got, tt.plan)
			}
			if got := term(m.StatedPlan); got != tt.stated {
				t.Errorf("stated plan %s, want %s", got, tt.stated)
			}
			if r.Line != tt.lineStart {
				t.Errorf("report starts on line %d, want %d", r.Line, tt.lineStart)
			}
		})
	}
}

// Ensure seed 002 splits into its three reports and nothing else.
func TestSeed002Split(t *testing.T) {
	reports := readSeed(t, "002")
	if len(reports) != 3 {
		t.Fatalf("got %d reports, want 3", len(reports))
	}
	for i, r := range reports {
		if i > 0 && r.Span.Start != reports[i-1].Span.End {
			t.Errorf("report %d does not start where report %d ends", i, i-1)
		}
		if len(r.Outline) == 0 || r.Outline[0].Marker != "一、" {
			t.Errorf("report %d does not open with 一、", i)
		}
	}
	if last := reports[2]; last.Span.End != len(strings.Join([]string{}, "")) && last.EndLine != 84 {
		t.Errorf("last report ends on line %d, want 84", last.EndLine)
	}
}

// Ensure every quantity of the first section of seed 004 is found, with its
// value, unit, name and growth. The table was checked by hand against the
// text, figure by figure.
func TestSeed004FirstSection(t *testing.T) {
	r := readSeed(t, "004")[0]
	sec := r.Outline[0]
	var got []string
	for _, q := range r.Quantities {
		if q.Span.Start < sec.Body.Start || q.Span.Start >= sec.Body.End {
			continue
		}
		v := "-"
		if q.Value != nil {
			v = fmt.Sprint(*q.Value)
		}
		g := ""
		if q.Growth != nil {
			g = fmt.Sprintf("%s %v%s %s", q.Growth.Text, *q.Growth.Value, q.Growth.Unit, q.Growth.Direction)
		}
		got = append(got, strings.Join([]string{q.Text, v, q.Unit, q.Name, q.Approx, g}, "|"))
	}
	want := []string{
		"9.01亿元|9.01|亿元|财政收入||同比增加33.0％ 33％ up",
		"5.95亿元|5.95|亿元|一般公共预算收入||同比增加9.8％ 9.8％ up",
		"7.13亿元|7.13|亿元|制造业投资||",
		"8.88亿元|8.88|亿元|固定资产投资||",
		"5.73亿元|5.73|亿元|高新技术产业投资||",
		"3.87亿元|3.87|亿元|建安投资||",
		"36.86亿元|36.86|亿元|规上工业企业产值||",
		"10.28亿元|10.28|亿元|规上工业增加值||同比增长12.2％ 12.2％ up",
		"167亿元|167|亿元|限上批发销售额||同比增长37.6％ 37.6％ up",
		"22.65亿元|22.65|亿元|限上零售销售额||同比增长7.1％ 7.1％ up",
		"0.68亿元|0.68|亿元|限上住宿营业额||同比增长37.0％ 37％ up",
		"1.87亿元|1.87|亿元|限上餐饮营业额||同比增长38.0％ 38％ up",
		"5亿元|5|亿元|服务业四大类营业收入||同比增长27.5％ 27.5％ up",
		"5973万元|5973|万元|二大类营业收入||同比增长33.5％ 33.5％ up",
		"4家|4|家|工业企业“小升规”||",
		"83家|83|家|规上工业企业||",
		"4.2亿元|4.2|亿元|战略新兴产业增加值||同比增长39.8％ 39.8％ up",
		"6.4亿元|6.4|亿元|高新技术产业增加值||同比增长21.6％ 21.6％ up",
		"26只|26|只|新增入库项目||",
		"10只|10|只|项目||",
		"15000吨|15000|吨|高品质纤维智能化||",
		"1491户|1491|户|贷款||同比增长20.0％ 20％ up",
		"645.3亿元|645.3|亿元|贷款||42.8％ 42.8％ up",
		"0.39％|0.39|％|不良率||",
		"近20名|20|名|专家|近|",
		"2名|2|名|海外专家||",
		"4名|4|名|海外博士||",
		"40名|40|名|骨干力量||",
		"3个|3|个|工作组||",
		"1068户|1068|户|征收||",
		"98.8％|98.8|％|完成率||",
		"1000万套|1000|万套|高压共轨泵生产线||",
		"134亩|134|亩|土地||",
		"440万元|440|万元|投资||",
		"16个|16|个|村||",
		"30万元|30|万元|投资||",
		"28个|28|个|村（居）||",
		"23个|23|个|社区||",
		"约2500万元|2500|万元|投资|约|",
		"10个|10|个|村||",
		"54处|54|处|农房激活||",
		"约1102.5万元|1102.5|万元|社会资本|约|",
		"237.15万|237.15|万|村集体经济||",
		"108人|108|人|劳动就业||",
		"60万元以上|60|万元|集体经营性收入|以上|",
		"19个|19|个|省级高标准生活垃圾分类示范小区||",
		"2000余起|2000|起|现场劝纠违法行为|余|",
		"400余起|400|起|制止秸秆焚烧|余|",
		"97处|97|处|小微水体剿劣||",
		"200万元|200|万元|投资||",
		"11个|11|个|城中村区域||",
		"1.99亿元|1.99|亿元|总投资||",
		"2822.89万元|2822.89|万元|投资||",
		"四层|4|层|结顶工作||",
		"542名|542|名|困难群众季度探访||",
		"5082位|5082|位|老人高龄津贴核查||",
		"510名|510|名|精神障碍患者体检||",
		"270人次|270|人次|村级养老护理人员职业技能提升培训||",
		"3761件|3761|件|社保类业务||",
		"1502件|1502|件|老年人优待证业务||",
		"597件|597|件|医保类业务||",
		"552件|552|件|“身后一件事”||",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("quantities of 004's first section:\n%s", firstDiff(strings.Join(got, "\n"), strings.Join(want, "\n")))
	}
	// Base values are exact: 9.01亿元 is 901000000 元.
	q := r.Quantities[0]
	if *q.BaseValue != 901000000 || q.BaseUnit != "元" {
		t.Errorf("base of %s: %v %s", q.Text, *q.BaseValue, q.BaseUnit)
	}
}

// placeholderFigure is an independent description of a placeholder number:
// a run of x, X, * or ×, possibly x.x, followed by a unit word. It is
// deliberately simpler than the scanner, to catch what the scanner misses.
var placeholderFigure = regexp.MustCompile(`(?:[xX]+(?:\.[xX]+)?|\*+|×+)(?:余|多)?(?:万|亿)?(?:元|人次|人|户|家|个|项|件|次|场次|场|批|期|起|处|条|篇|份|套|台次|台|辆|座|所|名|位|亩|平方米|平方|平米|公里|米|吨|%|％|对|月|年|日|周年)`)

// Ensure every placeholder number of seeds 000, 001 and 002 is a placeholder
// quantity.
func TestSeedPlaceholders(t *testing.T) {
	dir := shared.Dir(t, "seeds")
	for _, n := range []string{"000", "001", "002"} {
		t.Run(n, func(t *testing.T) {
			matches, _ := filepath.Glob(filepath.Join(dir, n+"_*.txt"))
			data, err := os.ReadFile(matches[0])
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			var spans [][2]int
			for _, r := range readSeed(t, n) {
				for _, q := range r.Quantities {
					if q.Placeholder {
						if q.Value != nil || q.BaseValue != nil {
							t.Errorf("placeholder %q has a value", q.Text)
						}
						spans = append(spans, [2]int{q.Span.Start, q.Span.End})
					}
					if g := q.Growth; g != nil && g.Placeholder {
						spans = append(spans, [2]int{g.Span.Start, g.Span.End}) // 增速xx.xx%
					}
				}
			}
			found := 0
			for _, m := range placeholderFigure.FindAllStringIndex(text, -1) {
				// A unit word that runs on into a longer word is a name
				// (**项目, **家庭农场, **人员 is counted), and a figure in a
				// closing quotation is a slogan (“幸福**人”).
				if next := text[m[1]:]; strings.HasPrefix(next, "目") || strings.HasPrefix(next, "庭") || strings.HasPrefix(next, "”") {
					continue
				}
				found++
				covered := false
				for _, s := range spans {
					if m[0] >= s[0] && m[0] < s[1] {
						covered = true
						break
					}
				}
				if !covered {
					line := strings.Count(text[:m[0]], "\n") + 1
					t.Errorf("line %d: placeholder %q is not a placeholder quantity", line, text[m[0]:m[1]])
				}
			}
			if found == 0 {
				t.Fatal("no placeholders found by the independent pattern")
			}
			t.Logf("seed %s: %d placeholder figures by pattern, %d placeholder quantities", n, found, len(spans))
		})
	}
}
