package year

import (
	"strconv"
	"strings"

	"zongjie"
	"zongjie/check"
)

// TitleYear reports a statement of a report's own year that the rest of
// it contradicts: a file titled "2024年政府工作报告" whose subtitle,
// session and headings are those of 2022, a subtitle dated another year
// than the title and the headings, a summary titled with last year's year
// over this year's headings and body. The report's year is the one its
// evidence gives (see package meta: a title loses only to the rest
// agreeing); each title, dated subtitle or national session that says
// another is reported.
var TitleYear = &check.Rule{
	ID: "YR009", Name: "title-year", Category: check.Year, Severity: check.Error,
	Doc: check.Doc{
		Title: "标题年份与正文不符",
		Text: "报告的标题、副标题日期、会议届次、开头、部分标题和正文所叙述的年份应是同一年；" +
			"标题写成另一年（常见于把往年报告另存为新标题，或沿用了往年的标题）而其余证据一致指向另一年时，报告的年份以其余证据为准，并在此指出。" +
			"只有一处部分标题或节点表述与标题不符时以标题为准，由其他规则指出。",
		Wrong:  "桐溪县2024年政府工作报告\n——2022年1月6日在桐溪县第十八届人民代表大会第一次会议上\n各位代表：\n一、2021年工作回顾\n全县完成投资1亿元。\n二、2022年工作安排\n力争完成投资2亿元。",
		Right:  "桐溪县2022年政府工作报告\n——2022年1月6日在桐溪县第十八届人民代表大会第一次会议上\n各位代表：\n一、2021年工作回顾\n全县完成投资1亿元。\n二、2022年工作安排\n力争完成投资2亿元。",
		Source: "公文审校常规：年份一致性",
	},
	Run: func(p *check.Pass) {
		for _, r := range p.Reports {
			m := r.Meta
			year := m.CurrentYear() // the year the report's datings give
			if year == 0 {
				continue
			}
			var agree []string // the evidence for the report's year, in Chinese
			for _, d := range m.Dating {
				if d.Year == year && !contains(agree, d.Source.Chinese()) {
					agree = append(agree, d.Source.Chinese())
				}
			}
			if len(agree) == 0 {
				continue
			}
			for _, d := range m.Dating {
				if d.Year == year || d.Span.Len() == 0 {
					continue
				}
				switch d.Source {
				case zongjie.SourceTitle, zongjie.SourceSubtitle, zongjie.SourceSession:
				default:
					continue // headings and milestones have rules of their own
				}
				y := strconv.Itoa(year)
				msg := d.Source.Chinese() + "表明是" + strconv.Itoa(d.Year) + "年的报告，但" + strings.Join(agree, "、") + "表明是" + y + "年的报告"
				if d.Source == zongjie.SourceSession {
					p.Report(d.Span, msg)
					continue
				}
				p.Report(d.Span, msg, check.Fix{Message: "改为" + y, Replacement: strconv.Itoa(yearWritten(d, year)), Certain: false})
			}
		}
	},
}

// yearWritten returns the year to write in place of a dating's year for a
// report of year: the year itself, or the one before where the dating
// shifts the year it writes (a congress in December delivers the next
// year's report).
func yearWritten(d zongjie.Dating, year int) int {
	if w := yearDigits(d); w > 0 {
		return year - (d.Year - w)
	}
	return year
}

// yearDigits returns the year a dating writes in its text, 0 if none.
func yearDigits(d zongjie.Dating) int {
	for i := 0; i+4 <= len(d.Text); i++ {
		if isDigits(d.Text[i:i+4]) && (i == 0 || !isDigit(d.Text[i-1])) && strings.HasPrefix(d.Text[i+4:], "年") {
			y, _ := strconv.Atoi(d.Text[i : i+4])
			return y
		}
	}
	return 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
