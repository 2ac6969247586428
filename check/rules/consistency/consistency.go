// Package consistency checks figures against each other and against what
// they can be: a part larger than its whole (共…，其中…), a rate of
// coverage or compliance above 100%, and a change whose word and sign
// disagree (增长-5%).
//
// Comparing the same indicator across a report (财政收入 here and there)
// was measured and left out: on the provincial reports every pair of
// different values with the same name was legitimate — five-year totals
// beside one year's, 分别 lists, sub-indicators — so the rule could not be
// made precise from the text alone.
package consistency

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/words"
)

// Rules of the consistency category.
var Rules = []*check.Rule{PartExceeds, BoundedRate, GrowthSign}

// PartExceeds reports a part named after 其中 that is larger than the total
// before it, in the same unit: 新增就业1000人，其中高校毕业生1200人.
var PartExceeds = &check.Rule{
	ID: "CS001", Name: "part-exceeds-total", Category: check.Consistency, Severity: check.Error,
	Doc: check.Doc{
		Title:  "部分大于总数",
		Text:   "“其中”之后列出的部分数值不能大于前面的总数（同一单位）。多为数字录错或沿用了往年数据。",
		Wrong:  "全年新增就业1000人，其中高校毕业生1200人。",
		Right:  "全年新增就业1000人，其中高校毕业生120人。",
		Source: "数据逻辑校验",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		qs := p.Quantities()
		for _, m := range p.Find(words.NewSet("其中")) {
			// The total: the last figure before 其中, in the same clause
			// or the one just before it (…639公里、其中高铁370公里).
			ti := -1
			for i, q := range qs {
				if q.Span.End > m.Span.Start {
					break
				}
				ti = i
			}
			if ti < 0 {
				continue
			}
			total := qs[ti]
			gap := strings.TrimSpace(text[total.Span.End:m.Span.Start])
			if !comparable(total) || vagueUp(total) || utf8.RuneCountInString(gap) > 1 || gap != "" && !strings.ContainsAny(gap, "，、；（(") {
				continue
			}
			// The parts: figures in the clause that 其中 opens.
			from := m.Span.End
			for _, c := range []string{"，", "：", ","} {
				if strings.HasPrefix(text[from:], c) {
					from += len(c)
				}
			}
			end := clauseEnd(text, from)
			for _, part := range qs[ti+1:] {
				if part.Span.Start >= end {
					break
				}
				if part.Span.Start < from || !comparable(part) || part.BaseUnit != total.BaseUnit {
					continue
				}
				if *part.BaseValue > *total.BaseValue*1.0001 {
					p.Report(part.Span, "“其中”的部分（"+part.Text+"）大于前面的总数（"+total.Text+"），请核对")
				}
			}
		}
	},
}

// clauseEnd returns the offset of the end of the clause from off: the
// next ，；。 (a list joined by 、 stays in the clause).
func clauseEnd(text string, off int) int {
	i := strings.IndexAny(text[off:], "，；。！？\n")
	if i < 0 {
		return len(text)
	}
	return off + i
}

// comparable reports whether a quantity is a known count or amount that
// parts can be compared with: not a rate, not a placeholder, not a range.
func comparable(q zongjie.Quantity) bool {
	return q.BaseValue != nil && !q.Placeholder && q.ValueTo == nil && q.BaseUnit != "%" && q.BaseUnit != "个百分点" &&
		q.BaseUnit != "" && q.Change == "" && q.Growth == nil
}

// vagueUp reports whether a total is only a lower bound (1000余人, 超1000人):
// a part may then exceed the number written.
func vagueUp(q zongjie.Quantity) bool {
	for _, w := range []string{"余", "多", "以上", "超", "近", "约", "左右"} {
		if strings.Contains(q.Approx, w) {
			return true
		}
	}
	return false
}

// BoundedRate reports a rate that cannot exceed 100% written above it:
// 参保率102%, 覆盖率达105%.
var BoundedRate = &check.Rule{
	ID: "CS002", Name: "rate-over-100", Category: check.Consistency, Severity: check.Error,
	Doc: check.Doc{
		Title:  "比率超过100%",
		Text:   "参保率、覆盖率、达标率、合格率、入学率、知晓率、占比等是部分占全体的比例，不能超过100%；完成率、增长率等不在此列。",
		Wrong:  "城乡居民医保参保率达102%，垃圾分类覆盖率105%。",
		Right:  "城乡居民医保参保率达99.2%，垃圾分类覆盖率100%。",
		Source: "数据逻辑校验",
	},
	Run: func(p *check.Pass) {
		for _, q := range p.Quantities() {
			if q.BaseUnit != "%" || q.Value == nil || q.Placeholder || q.Change != "" || *q.Value <= 100 {
				continue
			}
			rate := boundedRates.Suffix(q.Name)
			if rate == "" || unbounded.Suffix(q.Name) != "" {
				continue
			}
			p.Report(q.Span, "“"+q.Name+"”是部分占全体的比例，不能超过100%，这里是"+strconv.FormatFloat(*q.Value, 'f', -1, 64)+"%")
		}
	},
}

var (
	boundedRates = words.NewSet("参保率", "覆盖率", "达标率", "合格率", "入学率", "巩固率", "知晓率", "普及率", "满意率", "满意度",
		"占比", "比重", "利用率", "处理率", "清运率", "接种率", "就业率", "优良率", "通过率", "入园率", "升学率", "出勤率",
		"到位率", "办结率", "回复率", "化率", "治愈率", "签约率", "参合率", "入网率", "好评率", "正确率", "准确率", "达成率", "绿化率", "保有率", "留存率", "建档率", "检出率")
	unbounded = words.NewSet("完成率", "增长率", "增速", "超额完成率", "利润率", "收益率", "回报率", "负债率", "杠杆率", "周转率", "贡献率", "拉动率", "弹性", "资产负债率", "产销率")
)

// GrowthSign reports a change word with a negative number: 增长-5%
// (下降5%), 下降-3.2% (a double negative).
var GrowthSign = &check.Rule{
	ID: "CS003", Name: "growth-sign", Category: check.Consistency, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "增减表述与正负号矛盾",
		Text:   "“增长”“提高”后接负数，或“下降”“减少”后接负数，意思含混；负增长写作“下降5%”。",
		Wrong:  "财政收入9亿元，同比增长-5%；税收5亿元，同比下降-3.2%。",
		Right:  "财政收入9亿元，同比下降5%；税收5亿元，同比增长3.2%。",
		Source: "统计数据表述常规",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, m := range p.Find(changeWords) {
			rest := text[m.Span.End:]
			sign := ""
			for _, s := range []string{"-", "－", "—", "负"} {
				if strings.HasPrefix(rest, s) {
					sign = s
				}
			}
			if sign == "" || len(rest) <= len(sign) || rest[len(sign)] < '0' || rest[len(sign)] > '9' {
				continue
			}
			span := document.Span{Start: m.Span.Start, End: m.Span.End + len(sign)}
			if up[m.Word] {
				p.Report(span, "“"+m.Word+"”后接负数，负增长宜写作“下降”",
					check.Fix{Message: "改为下降", Replacement: "下降", Certain: false})
				continue
			}
			p.Report(span, "“"+m.Word+"”后接负数，意思相反，请核对", check.Fix{Message: "改为增长", Replacement: "增长", Certain: false})
		}
	},
}

var (
	up          = map[string]bool{"增长": true, "提高": true, "上升": true, "增加": true, "上涨": true}
	changeWords = words.NewSet("增长", "提高", "上升", "增加", "上涨", "下降", "减少", "降低", "回落", "下滑")
)
