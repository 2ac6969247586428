// Package number checks number usage against GB/T 15835—2011 出版物上数字
// 用法: Arabic digits for measurement, no digits mixed with 十百千, units
// kept on both ends of a range, full years and one date form, one percent
// sign, half-width digits and decimal points, and approximations that are
// vague at one end only.
package number

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/words"
	"zongjie/numeral"
)

// Rules of the number category.
var Rules = []*check.Rule{Measure, ApproxForm, Mixed, RangeUnit, YearForm, DateForm, DateSeparator, TimeForm, Percent, Separator, DecimalPoint, FullWidth, DoubleApprox, BoundedRate}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// digitsAt returns the length of the run of ASCII digits at the start of s.
func digitsAt(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// digitsBefore returns the length of the run of ASCII digits that ends s.
func digitsBefore(s string) int {
	n := 0
	for n < len(s) && s[len(s)-1-n] >= '0' && s[len(s)-1-n] <= '9' {
		n++
	}
	return n
}

// numberBefore returns the length of the number (digits, one decimal
// point) that ends s.
func numberBefore(s string) int {
	n := digitsBefore(s)
	if n > 0 && n < len(s) && s[len(s)-1-n] == '.' {
		if m := digitsBefore(s[:len(s)-1-n]); m > 0 {
			n += 1 + m
		}
	}
	return n
}

// numberAt returns the length of the number (digits, one decimal point)
// that starts s.
func numberAt(s string) int {
	n := digitsAt(s)
	if n > 0 && n < len(s) && s[n] == '.' {
		if m := digitsAt(s[n+1:]); m > 0 {
			n += 1 + m
		}
	}
	return n
}

// Measure reports a measured quantity written in Chinese numerals:
// 三千五百万元 → 3500万元. Approximations (二十余次), fixed words (四个意识)
// and small counts are left alone.
var Measure = &check.Rule{
	ID: "NM001", Name: "measure-in-arabic", Category: check.Number, Severity: check.Info,
	Doc: check.Doc{
		Title:  "计量数值宜用阿拉伯数字",
		Text:   "金额、面积、长度、重量等计量数值（十以上、确切的数）宜用阿拉伯数字；概数（二十余次、三四个）、定型词语（三会一课、四个意识）和庄重表述可用汉字。",
		Wrong:  "完成投资三千五百万元，新建道路十二公里。",
		Right:  "完成投资3500万元，新建道路12公里。",
		Source: "GB/T 15835—2011 4.1、4.3",
	},
	Run: func(p *check.Pass) {
		for _, q := range p.Quantities() {
			if q.Numerals != "chinese" || q.Value == nil || q.Approx != "" || q.ValueTo != nil || q.Placeholder || measureUnits.At(q.Unit, 0) == "" {
				continue
			}
			num := p.File.Slice(q.NumberSpan)
			n, ok := numeral.Parse(num)
			if !ok || n.Approx || n.DigitByDigit || n.Value < 10 || utf8.RuneCountInString(num) < 2 {
				continue
			}
			want := strconv.FormatFloat(n.Value, 'f', -1, 64)
			if n.Value >= 1e8 && n.Value == float64(int64(n.Value/1e8))*1e8 {
				want = strconv.FormatFloat(n.Value/1e8, 'f', -1, 64) + "亿"
			} else if n.Value >= 1e4 && n.Value == float64(int64(n.Value/1e4))*1e4 {
				want = strconv.FormatFloat(n.Value/1e4, 'f', -1, 64) + "万"
			}
			p.Report(q.NumberSpan, "计量数值宜用阿拉伯数字：“"+num+"”写作“"+want+"”",
				check.Fix{Message: "改为" + want, Replacement: want, Certain: false})
		}
	},
}

var measureUnits = words.NewSet("元", "万元", "亿元", "平方米", "平方公里", "公里", "千米", "米", "吨", "万吨", "亩", "万亩", "公顷", "千瓦", "千克", "公斤", "立方米")

// ApproxForm reports an approximate number of adjacent numerals written in
// digits (3、4个, 3-4个 → 三四个) or with 几 after digits (20几个 → 二十几个).
var ApproxForm = &check.Rule{
	ID: "NM002", Name: "approx-number-form", Category: check.Number, Severity: check.Error,
	Doc: check.Doc{
		Title:  "概数写法错误",
		Text:   "相邻两个数字连用表示的概数、带“几”的概数用汉字，且中间不加顿号：三四个、二十几个。",
		Wrong:  "组织3、4个工作组，走访20几户群众。",
		Right:  "组织三四个工作组，走访二十几户群众。",
		Source: "GB/T 15835—2011 4.2、5.2",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		c := numerals{runs: p.Numerals()}
		for i := c.next(0, len(text)); i < len(text); i = c.next(i+1, len(text)) {
			if !isDigit(rune(text[i])) || i > 0 && (isDigit(rune(text[i-1])) || text[i-1] == '.') {
				continue
			}
			n := digitsAt(text[i:])
			rest := text[i+n:]
			switch {
			case strings.HasPrefix(rest, "几"):
				v, _ := strconv.Atoi(text[i : i+n])
				if v < 10 || v > 90 || v%10 != 0 {
					continue
				}
				want := chinese(v) + "几"
				p.Report(document.Span{Start: i, End: i + n + len("几")}, "带“几”的概数用汉字：“"+want+"”",
					check.Fix{Message: "改为" + want, Replacement: want, Certain: true})
			case n == 1 && strings.HasPrefix(rest, "、"):
				sep := len("、")
				if len(rest) <= sep || digitsAt(rest[sep:]) != 1 {
					continue
				}
				a, b := int(text[i]-'0'), int(rest[sep]-'0')
				after := rest[sep+1:]
				if b != a+1 || a == 0 || countWords.At(after, 0) == "" || i > 0 && strings.HasSuffix(text[:i], "第") {
					continue
				}
				end := i + n + sep + 1
				want := chinese(a) + chinese(b)
				p.Report(document.Span{Start: i, End: end}, "相邻数字连用的概数用汉字，不加顿号：“"+want+"”",
					check.Fix{Message: "改为" + want, Replacement: want, Certain: true})
			}
		}
	},
}

// numerals walks the file's numeral runs (Pass.Numerals) forward: the
// rules that look at every digit of the text skip with it the bytes
// outside the runs, where no digit stands (most of the text).
type numerals struct {
	runs []document.Span
	k    int // the first run that may hold an offset asked for next
}

// next returns the first offset at or after i inside a run, or limit
// when there is none before it. The offsets asked for must not go back.
func (c *numerals) next(i, limit int) int {
	for c.k < len(c.runs) && c.runs[c.k].End <= i {
		c.k++
	}
	if c.k == len(c.runs) {
		return limit
	}
	return min(max(i, c.runs[c.k].Start), limit)
}

var countWords = words.NewSet("个", "人", "名", "家", "户", "次", "项", "天", "年", "条", "件", "所", "座", "位", "批", "支", "只", "处", "份", "间", "层", "周", "岁", "倍", "万", "千", "百", "十")

// chinese writes 1 … 99 in Chinese numerals.
func chinese(n int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return d[n]
	case n < 20:
		return "十" + d[n%10]
	}
	return d[n/10] + "十" + d[n%10]
}

// Mixed reports Arabic digits mixed with 十百千, or Chinese numerals with
// digits: 3千 → 3000, 三千5百, 百分之20 → 20%, 二0二三年.
var Mixed = &check.Rule{
	ID: "NM003", Name: "mixed-numerals", Category: check.Number, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "阿拉伯数字与汉字数字混用",
		Text:   "阿拉伯数字中只有“万”“亿”可以用汉字（10亿零817万），不能写成“3千”“5百”“三千5百”“百分之20”；千米、千克等单位不在此列。",
		Wrong:  "新增就业3千人，完成投资三千5百万元，覆盖率达百分之20。",
		Right:  "新增就业3000人，完成投资3500万元，覆盖率达20%。",
		Source: "GB/T 15835—2011 5.3",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		i := 0
		for _, run := range p.Numerals() {
			i = max(i, run.Start)
			for i < run.End {
				r, size := utf8.DecodeRuneInString(text[i:])
				switch {
				case isDigit(r) && (i == 0 || !isDigit(rune(text[i-1])) && text[i-1] != '.'):
					n := numberAt(text[i:])
					rest := text[i+n:]
					u, us := utf8.DecodeRuneInString(rest)
					if (u == '千' || u == '百' || u == '十') && !prefixUnit(rest[us:]) {
						end := i + n + us
						// Take the rest of a mixed number: 2万5千, 3千多.
						for end < len(text) {
							c, cs := utf8.DecodeRuneInString(text[end:])
							if !isDigit(c) && !numeral.IsChineseDigit(c) && c != '千' && c != '百' && c != '十' && c != '万' {
								break
							}
							end += cs
						}
						start := i
						// Include a leading 2万 of 2万5千.
						if b := text[:i]; strings.HasSuffix(b, "万") || strings.HasSuffix(b, "亿") {
							if k := numberBefore(b[:len(b)-len("万")]); k > 0 {
								start = i - len("万") - k
							}
						}
						span := document.Span{Start: start, End: end}
						fix := mixedFix(text[start:end])
						if fix != "" {
							p.Report(span, "阿拉伯数字后不用“"+string(u)+"”：“"+text[start:end]+"”宜写作“"+fix+"”",
								check.Fix{Message: "改为" + fix, Replacement: fix, Certain: false})
						} else {
							p.Report(span, "阿拉伯数字后不用“"+string(u)+"”：只有“万”“亿”可以这样写")
						}
					}
					i += n
					continue
				case strings.HasPrefix(text[i:], "百分之") && isDigit(rune(at(text, i+len("百分之")))):
					start := i + len("百分之")
					n := numberAt(text[start:])
					want := text[start:start+n] + "%"
					p.Report(document.Span{Start: i, End: start + n}, "“百分之”后不用阿拉伯数字：写作“"+want+"”",
						check.Fix{Message: "改为" + want, Replacement: want, Certain: true})
					i = start + n
					continue
				case numeral.IsChineseDigit(r) && r != '十' && r != '百' && r != '千' && r != '万' && r != '亿':
					// A Chinese-digit year with an Arabic digit inside: 二0二三年.
					j := i
					han, arabic := 0, 0
					for j < len(text) {
						c, cs := utf8.DecodeRuneInString(text[j:])
						switch {
						case isDigit(c):
							arabic++
						case numeral.IsChineseDigit(c) && c != '十' && c != '百' && c != '千' && c != '万' && c != '亿':
							han++
						default:
							goto done
						}
						j += cs
					}
				done:
					if han > 0 && arabic > 0 && han+arabic == 4 && strings.HasPrefix(text[j:], "年") {
						p.Report(document.Span{Start: i, End: j}, "年份中汉字数字与阿拉伯数字混用：“"+text[i:j]+"”")
					}
					if j > i {
						i = j
						continue
					}
				}
				i += size
			}
		}
	},
}

func at(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// prefixUnit reports whether s continues a unit whose prefix is 千 or 百
// (千米, 千克, 千瓦, 百亿亿次) so the 千 is not a numeral.
func prefixUnit(s string) bool {
	for _, w := range []string{"米", "克", "瓦", "伏", "帕", "焦", "赫", "卡", "亿次", "分点", "分比"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// mixedFix rewrites a simple mixed number in digits: 3千 → 3000,
// 2万5千 → 2.5万 is left to the writer; "" when not simple.
func mixedFix(s string) string {
	n, ok := numeral.Parse(s)
	if !ok || n.Approx || strings.ContainsAny(s, "万亿") {
		return ""
	}
	return strconv.FormatFloat(n.Value, 'f', -1, 64)
}

// rangeMarks join the two numbers of a range.
var rangeMarks = check.NewWords("～", "~", "-", "－", "—", "至", "到")

// RangeUnit reports a range whose first number dropped a % or 万/亿 that
// the second has: 20～30% → 20%～30%, 9～16亿 → 9亿～16亿.
var RangeUnit = &check.Rule{
	ID: "NM004", Name: "range-unit", Category: check.Number, Severity: check.Error,
	Doc: check.Doc{
		Title:  "数值范围省略了单位",
		Text:   "表示数值范围时，百分号和“万”“亿”不能只写在后一个数上：20%～30%，不写作20～30%；9亿～16亿，不写作9～16亿。",
		Wrong:  "增速保持在4.5～5%，完成投资9～16亿元。",
		Right:  "增速保持在4.5%～5%，完成投资9亿～16亿元。",
		Source: "GB/T 15835—2011 5.1（数值范围）",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, m := range p.Find(rangeMarks) {
			i := m.Span.Start
			r, size := utf8.DecodeRuneInString(text[i:])
			left := numberBefore(text[:i])
			right := numberAt(text[i+size:])
			if left == 0 || right == 0 {
				continue
			}
			after := text[i+size+right:]
			unit := ""
			for _, u := range []string{"%", "％", "‰", "万亿", "万", "亿"} {
				if strings.HasPrefix(after, u) {
					unit = u
					break
				}
			}
			// Dates (2023-07-05), codes: the left number is the unit's
			// own (20%～30%) or the range joins more than two numbers.
			leadingZero := left > 1 && text[i-left] == '0' && text[i-left+1] != '.'
			if unit == "" || leadingZero || strings.ContainsRune("-－", r) && strings.HasPrefix(after[len(unit):], string(r)) {
				continue
			}
			sep := string(r)
			if strings.ContainsRune("-－~", r) {
				sep = "～" // the range connector too (PU008)
			}
			want := text[i-left:i] + unit + sep + text[i+size:i+size+right+len(unit)]
			p.Report(document.Span{Start: i - left, End: i + size + right + len(unit)},
				"数值范围中，“"+unit+"”不能省略：写作“"+want+"”",
				check.Fix{Message: "改为" + want, Replacement: want, Certain: true})
		}
	},
}

// BoundedRate reports a rate that cannot exceed 100% written above it:
// 参保率102%, 覆盖率达105%.
var BoundedRate = &check.Rule{
	ID: "NM014", Name: "rate-over-100", Category: check.Number, Severity: check.Error,
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
			name, _ := p.NameOf(&q)
			rate := boundedRates.Suffix(name)
			if rate == "" || unbounded.Suffix(name) != "" {
				continue
			}
			p.Report(q.Span, "“"+name+"”是部分占全体的比例，不能超过100%，这里是"+strconv.FormatFloat(*q.Value, 'f', -1, 64)+"%")
		}
	},
}

var (
	boundedRates = words.NewSet("参保率", "覆盖率", "达标率", "合格率", "入学率", "巩固率", "知晓率", "普及率", "满意率", "满意度",
		"占比", "比重", "利用率", "处理率", "清运率", "接种率", "就业率", "优良率", "通过率", "入园率", "升学率", "出勤率",
		"到位率", "办结率", "回复率", "化率", "治愈率", "签约率", "参合率", "入网率", "好评率", "正确率", "准确率", "达成率", "绿化率", "保有率", "留存率", "建档率", "检出率")
	unbounded = words.NewSet("完成率", "增长率", "增速", "超额完成率", "利润率", "收益率", "回报率", "负债率", "杠杆率", "周转率", "贡献率", "拉动率", "弹性", "资产负债率", "产销率")
)
