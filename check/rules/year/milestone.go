package year

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/check"
	"zongjie/document"
	"zongjie/meta"
)

// Milestone reports a phrase tied to one year said of another: 党的二十大精神
// 开局之年 is 2023, 建党100周年 is 2021. The year compared is the one the
// sentence states ("2024年是……"), else the year of the part it stands in.
var Milestone = &check.Rule{
	ID: "YR006", Name: "milestone-year", Category: check.Year, Severity: check.Error,
	Doc: check.Doc{
		Title: "节点年份错误",
		Text: "“开局之年”“收官之年”“建党××周年”等说法只属于一个年份；沿用往年材料时最容易漏改。" +
			"比较的是句中写明的年份（“2024年是……”），没有写明时按所在部分（总结部分为总结年份，计划部分为计划年份）。",
		Wrong:  "2024年工作总结\n一、2024年工作总结\n2024年是全面贯彻落实党的二十大精神的开局之年。",
		Right:  "2024年工作总结\n一、2024年工作总结\n2024年是实现“十四五”规划目标任务的关键一年。",
		Source: "党的十八大、十九大、二十大分别于2012、2017、2022年召开；“十二五”至“十五五”为2011—2030年，每五年一期；中国共产党成立于1921年，中华人民共和国成立于1949年",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, m := range p.Find(milestoneWords) {
			r := p.ReportFor(m.Span.Start)
			if r == nil {
				continue
			}
			want, end, ok := meta.MilestoneYear(text, m.Span.Start, m.Span.End)
			if !ok {
				continue
			}
			span := document.Span{Start: m.Span.Start, End: end}
			said, stated := yearOfSentence(text, r, span)
			if said == 0 || said == want {
				continue
			}
			where := "本部分说的是"
			if stated {
				where = "句中说的是"
			}
			p.Report(span, "“"+text[span.Start:span.End]+"”是"+strconv.Itoa(want)+"年，"+where+strconv.Itoa(said)+"年")
		}
	},
}

// milestoneWords are the phrases of the milestone table, which package meta
// also reads a report's year from.
var milestoneWords = check.NewWords(meta.MilestoneWords...)

// yearOfSentence returns the year a phrase at span is said of: a year the
// sentence states before it ("2024年是", "今年是"; stated is set), else the
// year of the report part holding it, or 0 when neither is known.
func yearOfSentence(text string, r *zongjie.Report, span document.Span) (year int, stated bool) {
	// The year the sentence speaks of is stated near the phrase: looking
	// back at most yearReach bytes keeps a paragraph without sentence
	// marks from being read back to its start for every phrase.
	low := max(r.Span.Start, span.Start-yearReach)
	for low > r.Span.Start && !utf8.RuneStart(text[low]) {
		low++
	}
	start := sentenceStart(text, span.Start, low)
	head := text[start:span.Start]
	cur := r.Meta.CurrentYear()
	for _, rel := range []struct {
		word  string
		delta int
	}{{"今年", 0}, {"明年", 1}, {"去年", -1}, {"新的一年", 1}} {
		if strings.Contains(head, rel.word+"是") || strings.Contains(head, rel.word+"，是") || strings.Contains(head, rel.word+"也是") {
			if rel.word == "新的一年" && r.Meta.Plan != nil {
				return r.Meta.Plan.Year, true
			}
			if cur == 0 {
				return 0, false
			}
			return cur + rel.delta, true
		}
	}
	// The last "YYYY年" before the phrase that the sentence says 是 of.
	for i := len(head) - 5; i >= 0; i-- {
		if !isDigits(head[i:i+4]) || i > 0 && isDigit(head[i-1]) || !strings.HasPrefix(head[i+4:], "年") {
			continue
		}
		after := head[i+len("2024年"):]
		if strings.HasPrefix(after, "是") || strings.HasPrefix(after, "，是") || strings.HasPrefix(after, "也是") || strings.HasPrefix(after, "既是") {
			y, _ := strconv.Atoi(head[i : i+4])
			return y, true
		}
		break
	}
	if multiYear(r, span.Start) {
		return 0, false
	}
	switch sectionKindAt(r, span.Start) {
	case zongjie.KindPlan:
		if r.Meta.Plan != nil && r.Meta.Plan.Year > 0 && r.Meta.Plan.Period != zongjie.PeriodMulti {
			return r.Meta.Plan.Year, false
		}
	case zongjie.KindReview:
		if r.Meta.Review != nil && r.Meta.Review.Year > 0 && r.Meta.Review.Period != zongjie.PeriodMulti {
			return r.Meta.Review.Year, false
		}
	}
	return 0, false
}

// sentenceStart returns the start of the sentence holding byte i, not
// before min.
// yearReach is how far back, in bytes (about 200 characters), the year of
// a milestone phrase is looked for.
const yearReach = 600

func sentenceStart(text string, i, min int) int {
	for i > min {
		r, size := utf8.DecodeLastRuneInString(text[min:i])
		if r == '。' || r == '！' || r == '？' || r == '；' || r == '\n' {
			break
		}
		i -= size
	}
	return i
}

// Horizon reports wording of a period that has closed, in a report written
// after it: 打赢脱贫攻坚战 in a plan for 2021 or later (poverty was declared
// eliminated in 2020), 常态化疫情防控 in a report of 2024 or later (COVID
// measures were ended in January 2023), the 十三五 plan as current after
// 2020 and the 十四五 plan as current after 2025.
var Horizon = &check.Rule{
	ID: "YR007", Name: "stale-horizon", Category: check.Year, Severity: check.Warning,
	Doc: check.Doc{
		Title: "过时的阶段性表述",
		Text: "阶段性任务结束后仍按进行时来写，多为沿用往年材料：2021年起应写“巩固拓展脱贫攻坚成果同乡村振兴有效衔接”，" +
			"2023年起不再写“常态化疫情防控”，“十四五”收官后的计划应对接“十五五”规划。",
		Wrong:  "2024年工作总结\n一、2024年工作总结\n二、2025年工作计划\n坚决打赢脱贫攻坚战，做好常态化疫情防控。",
		Right:  "2024年工作总结\n一、2024年工作总结\n二、2025年工作计划\n巩固拓展脱贫攻坚成果同乡村振兴有效衔接。",
		Source: "2020年底脱贫攻坚目标任务完成；2023年1月8日起新冠病毒感染实施“乙类乙管”",
	},
	Run: func(p *check.Pass) {
		for _, m := range p.Find(horizonWords) {
			r := p.ReportFor(m.Span.Start)
			if r == nil {
				continue
			}
			kind := sectionKindAt(r, m.Span.Start)
			year := 0
			switch {
			case kind == zongjie.KindPlan && r.Meta.Plan != nil:
				year = r.Meta.Plan.Year
			case kind == zongjie.KindPlan:
			case r.Meta.Review != nil:
				year = r.Meta.Review.Year
			}
			if kind != zongjie.KindPlan && multiYear(r, m.Span.Start) {
				continue
			}
			h := horizons[m.Word]
			if year == 0 || year < h.from || h.planOnly && kind != zongjie.KindPlan {
				continue
			}
			p.Report(m.Span, "“"+m.Word+"”"+h.why+"，"+strconv.Itoa(year)+"年的"+partName(kind)+"不宜再这样写")
		}
	},
}

// A horizon is a phrase of a closed period: stale from year from on.
type horizon struct {
	from     int
	planOnly bool // stale only as a plan; a review may still look back on it
	why      string
}

var horizons = map[string]horizon{
	"打赢脱贫攻坚战":       {2021, true, "是2020年以前的任务，脱贫攻坚已经完成"},
	"决战决胜脱贫攻坚":      {2021, false, "是2020年的表述，脱贫攻坚已经完成"},
	"决胜全面建成小康社会":    {2021, false, "是2020年以前的表述，小康社会已经全面建成"},
	"常态化疫情防控":       {2024, false, "是疫情期间的表述，2023年1月起已不再实施"},
	"疫情防控常态化":       {2024, false, "是疫情期间的表述，2023年1月起已不再实施"},
	"统筹疫情防控和经济社会发展": {2024, false, "是疫情期间的表述，2023年1月起已不再实施"},
	"“十三五”规划目标任务":   {2021, true, "已于2020年收官"},
	"十三五规划目标任务":     {2021, true, "已于2020年收官"},
	"“十四五”规划目标任务":   {2026, true, "已于2025年收官"},
	"十四五规划目标任务":     {2026, true, "已于2025年收官"},
}

var horizonWords = check.NewWords(keys(horizons)...)

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func partName(k zongjie.SectionKind) string {
	if k == zongjie.KindPlan {
		return "计划"
	}
	return "报告"
}

// Relative reports a relative year glossed with the wrong absolute one:
// 今年（2022年） in a 2023 report.
var Relative = &check.Rule{
	ID: "YR008", Name: "relative-year", Category: check.Year, Severity: check.Error,
	Doc: check.Doc{
		Title:  "相对年份与括注不符",
		Text:   "“今年”“去年”“明年”后括注的年份应与报告年份相符。",
		Wrong:  "2023年工作总结\n一、2023年工作总结\n今年（2022年）以来，街道完成投资1.2亿元。",
		Right:  "2023年工作总结\n一、2023年工作总结\n今年（2023年）以来，街道完成投资1.2亿元。",
		Source: "公文审校常规：年份一致性",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, m := range p.Find(relativeWords) {
			r := p.ReportFor(m.Span.Start)
			cur := 0
			if r != nil {
				cur = r.Meta.CurrentYear()
			}
			if cur == 0 {
				continue
			}
			rest := text[m.Span.End:]
			open := ""
			for _, o := range []string{"（", "("} {
				if strings.HasPrefix(rest, o) {
					open = o
				}
			}
			if open == "" || len(rest) < len(open)+4 || !isDigits(rest[len(open):len(open)+4]) {
				continue
			}
			at := m.Span.End + len(open)
			y, _ := strconv.Atoi(text[at : at+4])
			want := cur + relativeDelta[m.Word]
			if y == want {
				continue
			}
			w := strconv.Itoa(want)
			p.Report(document.Span{Start: at, End: at + 4}, "“"+m.Word+"”是"+w+"年，括注写成了"+text[at:at+4]+"年",
				check.Fix{Message: "改为" + w, Replacement: w, Certain: true})
		}
	},
}

var relativeDelta = map[string]int{"今年": 0, "本年": 0, "本年度": 0, "去年": -1, "上年": -1, "上一年": -1, "明年": 1, "下一年": 1}

var relativeWords = check.NewWords(keys(relativeDelta)...)
