package number

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/words"
	"zongjie/numeral"
)

// YearForm reports years written short (23年5月 → 2023年5月) and
// Chinese-numeral years written with 零 or ○ (二零二三年 → 二〇二三年).
var YearForm = &check.Rule{
	ID: "NM005", Name: "year-form", Category: check.Number, Severity: check.Error,
	Doc: check.Doc{
		Title:  "年份写法错误",
		Text:   "年份不能简写为两位数（23年5月应写作2023年5月）；汉字数字年份中的零写作“〇”，不写作“零”或“○”。",
		Wrong:  "23年5月，街道启动改造工程；二零二三年是开局之年，二○二四年继续推进。",
		Right:  "2023年5月，街道启动改造工程；二〇二三年是开局之年，二〇二四年继续推进。",
		Source: "GB/T 15835—2011 5.1（年份不简写）、5.2（〇与零）",
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
					n := digitsAt(text[i:])
					rest := text[i+n:]
					// Only with a month: 30年 alone is a duration.
					if n == 2 && strings.HasPrefix(rest, "年") {
						m := digitsAt(rest[len("年"):])
						if m >= 1 && m <= 2 && strings.HasPrefix(rest[len("年")+m:], "月") && !durationBefore(text[:i]) {
							yy, _ := strconv.Atoi(text[i : i+n])
							full := strconv.Itoa(2000 + yy)
							if yy > 49 {
								full = strconv.Itoa(1900 + yy)
							}
							p.Report(document.Span{Start: i, End: i + n}, "年份不能简写：“"+text[i:i+n]+"年”应写作“"+full+"年”",
								check.Fix{Message: "改为" + full, Replacement: full, Certain: false})
						}
					}
					i += n
					continue
				case numeral.IsChineseDigit(r) || r == '○':
					j := i
					for j < len(text) {
						c, cs := utf8.DecodeRuneInString(text[j:])
						if !(numeral.IsChineseDigit(c) || c == '○') || c == '十' || c == '百' || c == '千' || c == '万' || c == '亿' {
							break
						}
						j += cs
					}
					year := text[i:j]
					isYear := utf8.RuneCountInString(year) == 4 && strings.HasPrefix(text[j:], "年") &&
						(strings.HasPrefix(year, "二") || strings.HasPrefix(year, "一九"))
					if isYear && strings.ContainsAny(year, "零○") {
						want := strings.NewReplacer("零", "〇", "○", "〇").Replace(year)
						p.Report(document.Span{Start: i, End: j}, "年份中的零写作“〇”：“"+want+"年”",
							check.Fix{Message: "改为" + want, Replacement: want, Certain: true})
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

// durationBefore reports whether the text before a number makes it a
// duration (近30年, 连续10年).
func durationBefore(s string) bool { return durationWords.Suffix(s) != "" }

var durationWords = words.NewSet("近", "连续", "第", "每", "历时", "用了", "经过")

// DateForm reports a date mixing Chinese and Arabic numerals:
// 二〇二三年8月8日.
var DateForm = &check.Rule{
	ID: "NM006", Name: "mixed-date-form", Category: check.Number, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "日期中汉字与阿拉伯数字混用",
		Text:   "同一日期中的年、月、日应统一用阿拉伯数字或统一用汉字数字。公文成文日期用阿拉伯数字。",
		Wrong:  "二〇二三年8月8日召开大会。",
		Right:  "2023年8月8日召开大会。",
		Source: "GB/T 15835—2011 4.3；GB/T 9704—2012 7.3.5.4",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, m := range p.Find(nian) {
			// The year before 年.
			yStart := m.Span.Start
			for yStart > 0 {
				c, cs := utf8.DecodeLastRuneInString(text[:yStart])
				if !(numeral.IsChineseDigit(c) || c == '○' || isDigit(c)) || c == '十' || c == '百' || c == '千' || c == '万' || c == '亿' {
					break
				}
				yStart -= cs
			}
			year := text[yStart:m.Span.Start]
			if utf8.RuneCountInString(year) != 4 {
				continue
			}
			yArabic := isDigit(rune(year[0]))
			// The month after 年.
			rest := text[m.Span.End:]
			mEnd := 0
			for mEnd < len(rest) {
				c, cs := utf8.DecodeRuneInString(rest[mEnd:])
				if !(numeral.IsChineseDigit(c) || isDigit(c)) {
					break
				}
				mEnd += cs
			}
			if mEnd == 0 || !strings.HasPrefix(rest[mEnd:], "月") {
				continue
			}
			mArabic := isDigit(rune(rest[0]))
			if yArabic == mArabic {
				continue
			}
			end := m.Span.End + mEnd + len("月")
			if d := rest[mEnd+len("月"):]; true {
				dEnd := 0
				for dEnd < len(d) {
					c, cs := utf8.DecodeRuneInString(d[dEnd:])
					if !(numeral.IsChineseDigit(c) || isDigit(c)) {
						break
					}
					dEnd += cs
				}
				if dEnd > 0 && (strings.HasPrefix(d[dEnd:], "日") || strings.HasPrefix(d[dEnd:], "号")) {
					end += dEnd + len("日")
				}
			}
			p.Report(document.Span{Start: yStart, End: end}, "同一日期中汉字数字与阿拉伯数字混用，应统一")
		}
	},
}

// DateSeparator reports dates written with dots or slashes, or with
// leading zeros: 2023.7.5, 2023/7/5, 2023年07月05日 → 2023年7月5日.
var DateSeparator = &check.Rule{
	ID: "NM007", Name: "date-separator", Category: check.Number, Severity: check.Error,
	Doc: check.Doc{
		Title:  "日期写法不规范",
		Text:   "正文中的日期写作“2023年7月5日”；不用“2023.7.5”“2023/7/5”，月、日前不补零（“2023-07-05”的格式用于表格等）。",
		Wrong:  "2023.7.5召开会议，2023/8/1起施行，于2023年07月05日完成。",
		Right:  "2023年7月5日召开会议，2023年8月1日起施行，于2023年7月5日完成。",
		Source: "GB/T 15835—2011 5.1；GB/T 9704—2012 7.3.5.4",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		c := numerals{runs: p.Numerals()}
		for i := c.next(0, len(text)); i < len(text); i = c.next(i+1, len(text)) {
			if !isDigit(rune(text[i])) || i > 0 && (isDigit(rune(text[i-1])) || text[i-1] == '.' || text[i-1] == '/') {
				continue
			}
			n := digitsAt(text[i:])
			if n != 4 {
				i += n - 1
				continue
			}
			y, _ := strconv.Atoi(text[i : i+4])
			if y < 1949 || y > 2099 {
				i += 3
				continue
			}
			rest := text[i+4:]
			if len(rest) > 0 && (rest[0] == '.' || rest[0] == '/') {
				sep := rest[0]
				m := digitsAt(rest[1:])
				if m < 1 || m > 2 || len(rest) <= 1+m || rest[1+m] != sep {
					i += 3
					continue
				}
				d := digitsAt(rest[2+m:])
				if d < 1 || d > 2 || len(rest) > 2+m+d && (isDigit(rune(rest[2+m+d])) || rest[2+m+d] == '.' && len(rest) > 3+m+d && isDigit(rune(rest[3+m+d]))) {
					i += 3
					continue
				}
				mon, _ := strconv.Atoi(rest[1 : 1+m])
				day, _ := strconv.Atoi(rest[2+m : 2+m+d])
				if mon < 1 || mon > 12 || day < 1 || day > 31 {
					i += 3
					continue
				}
				end := i + 4 + 2 + m + d
				want := strconv.Itoa(y) + "年" + strconv.Itoa(mon) + "月" + strconv.Itoa(day) + "日"
				p.Report(document.Span{Start: i, End: end}, "正文中的日期写作“"+want+"”",
					check.Fix{Message: "改为" + want, Replacement: want, Certain: true})
				i = end - 1
				continue
			}
			if strings.HasPrefix(rest, "年0") {
				// 2023年07月05日: leading zeros.
				m := digitsAt(rest[len("年"):])
				after := rest[len("年")+m:]
				if m == 2 && strings.HasPrefix(after, "月") {
					mon, _ := strconv.Atoi(rest[len("年") : len("年")+m])
					want := strconv.Itoa(y) + "年" + strconv.Itoa(mon) + "月"
					end := i + 4 + len("年") + m + len("月")
					d := digitsAt(after[len("月"):])
					if d == 2 && strings.HasPrefix(after[len("月")+d:], "日") {
						day, _ := strconv.Atoi(after[len("月") : len("月")+d])
						want += strconv.Itoa(day) + "日"
						end += d + len("日")
					}
					p.Report(document.Span{Start: i, End: end}, "月、日前不补零：写作“"+want+"”",
						check.Fix{Message: "改为" + want, Replacement: want, Certain: true})
					i = end - 1
					continue
				}
			}
			i += 3
		}
	},
}

// TimeForm reports a time written with a full-width colon: 15：40 → 15:40.
var TimeForm = &check.Rule{
	ID: "NM008", Name: "time-form", Category: check.Number, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "时间写法错误",
		Text:   "时、分用阿拉伯数字和半角冒号（15:40），或写作“15时40分”；不用全角冒号。",
		Wrong:  "会议于15：40开始。",
		Right:  "会议于15:40开始。",
		Source: "GB/T 15835—2011 5.1（时分秒）",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, m := range p.Find(fullColon) {
			h := digitsBefore(text[:m.Span.Start])
			mm := digitsAt(text[m.Span.End:])
			if h < 1 || h > 2 || mm != 2 {
				continue
			}
			hour, _ := strconv.Atoi(text[m.Span.Start-h : m.Span.Start])
			minute, _ := strconv.Atoi(text[m.Span.End : m.Span.End+2])
			if hour > 24 || minute > 59 || isDigit(rune(at(text, m.Span.End+2))) {
				continue
			}
			// A time, not a ratio (1：50): a time word before or after.
			before := text[max(0, m.Span.Start-h-18) : m.Span.Start-h]
			after := text[m.Span.End+2:]
			if !timeBefore.Contains(before) && timeAfter.At(after, 0) == "" {
				continue
			}
			p.Report(m.Span, "时间中用半角冒号“:”", check.Fix{Message: "改为:", Replacement: ":", Certain: true})
		}
	},
}

// Percent reports the minority percent sign of a document that mixes %
// and ％.
var Percent = &check.Rule{
	ID: "NM009", Name: "percent-sign", Category: check.Number, Severity: check.Info,
	Doc: check.Doc{
		Title:  "百分号前后不一致",
		Text:   "同一文件中百分号应统一，报告用得少的一种；新写的文件推荐半角“%”（国家标准的示例用“%”）。",
		Wrong:  "财政收入增长33.0％，税收增长12%。",
		Right:  "财政收入增长33.0%，税收增长12%。",
		Source: "GB/T 15835—2011 4.3（同类别同形式）",
	},
	Run: func(p *check.Pass) {
		half := p.Find(halfPercent)
		full := p.Find(fullPercent)
		if len(half) == 0 || len(full) == 0 {
			return
		}
		// Report the form used less; on a tie, the full-width one.
		minority, want := full, "%"
		if len(half) < len(full) {
			minority, want = half, "％"
		}
		msg := fmt.Sprintf("全文百分号不统一（“%%”%d处，“％”%d处），这里宜改为“%s”", len(half), len(full), want)
		for _, m := range minority {
			p.Report(m.Span, msg, check.Fix{Message: "改为" + want, Replacement: want, Certain: true})
		}
	},
}

// Separator reports thousands separators in prose: 12,500万元 → 12500万元
// (公文 write numbers without them), and a full-width comma inside a number
// (12，500万元), which is not a separator at all. Tables are left alone.
var Separator = &check.Rule{
	ID: "NM010", Name: "number-separator", Category: check.Number, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "数字中的分节号",
		Text:   "公文正文中的多位数不加分节号；全角逗号不能用作分节号，年份、编号更不分节。表格中的数字不在此列。",
		Wrong:  "完成投资12,500万元，新增就业1,234人，投资12，500万元。",
		Right:  "完成投资12500万元，新增就业1234人，投资12500万元。",
		Source: "GB/T 15835—2011 5.1（多位数）；公文写作常规",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		c := numerals{runs: p.Numerals()}
		for _, para := range p.File.Paragraphs {
			if para.Kind == document.TableRow {
				continue
			}
			t := text[para.Span.Start:para.Span.End]
			base := para.Span.Start
			for i := c.next(base, para.Span.End) - base; i < len(t); i = c.next(base+i+1, para.Span.End) - base {
				if !isDigit(rune(t[i])) || i > 0 && (isDigit(rune(t[i-1])) || t[i-1] == '.' || t[i-1] == ',') {
					continue
				}
				lead := digitsAt(t[i:])
				end := i + lead
				groups := 0
				for lead <= 3 && strings.HasPrefix(t[end:], ",") && digitsAt(t[end+1:]) == 3 && !isDigit(rune(at(t, end+4))) {
					end += 4
					groups++
				}
				if groups > 0 {
					num := strings.ReplaceAll(t[i:end], ",", "")
					at := para.Span.Start + i
					p.Report(document.Span{Start: at, End: para.Span.Start + end}, "正文中的数字不加分节号：“"+num+"”",
						check.Fix{Message: "改为" + num, Replacement: num, Certain: true})
					i = end - 1
					continue
				}
				// 12，500万元: a full-width comma inside a number.
				if lead >= 1 && lead <= 3 && strings.HasPrefix(t[end:], "，") && digitsAt(t[end+len("，"):]) == 3 {
					tail := t[end+len("，")+3:]
					u, _ := utf8.DecodeRuneInString(tail)
					if !isDigit(u) && (unitStart(tail) || u == '%' || u == '％') {
						at := para.Span.Start + end
						p.Report(document.Span{Start: at, End: at + len("，")}, "数字中不能用全角逗号分节",
							check.Fix{Message: "删除", Replacement: "", Certain: false})
					}
				}
				i = end - 1
			}
		}
	},
}

func unitStart(s string) bool { return unitStarts.At(s, 0) != "" }

var unitStarts = words.NewSet("万", "亿", "元", "人", "户", "个", "家", "吨", "亩", "米", "平方", "公里", "辆", "件", "项", "台", "套")

// DecimalPoint reports a decimal point written ． or 。 inside a number:
// 9．01亿 → 9.01亿.
var DecimalPoint = &check.Rule{
	ID: "NM011", Name: "decimal-point", Category: check.Number, Severity: check.Error,
	Doc: check.Doc{
		Title:  "小数点写法错误",
		Text:   "小数点用半角“.”，不用全角“．”或句号“。”。",
		Wrong:  "财政收入9．01亿元，增长3。5%。",
		Right:  "财政收入9.01亿元，增长3.5%。",
		Source: "GB/T 15835—2011 5.1",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, m := range p.Find(decimalMarks) {
			l := digitsBefore(text[:m.Span.Start])
			r := digitsAt(text[m.Span.End:])
			if l == 0 || r == 0 {
				continue
			}
			if m.Word == "。" {
				// Only where a unit follows closely: 3。5% — not a sentence
				// break such as "2.27:1。15个县区".
				tail := text[m.Span.End+r:]
				u, _ := utf8.DecodeRuneInString(tail)
				if r > 2 || !(u == '%' || u == '％' || strings.HasPrefix(tail, "万") || strings.HasPrefix(tail, "亿") || strings.HasPrefix(tail, "元")) {
					continue
				}
			}
			p.Report(m.Span, "小数点用“.”", check.Fix{Message: "改为.", Replacement: ".", Certain: true})
		}
	},
}

// FullWidth reports full-width digits: ２０２３年 → 2023年.
var FullWidth = &check.Rule{
	ID: "NM012", Name: "fullwidth-digits", Category: check.Number, Severity: check.Error,
	Doc: check.Doc{
		Title:  "全角数字",
		Text:   "阿拉伯数字用半角形式。",
		Wrong:  "２０２３年完成投资１２亿元。",
		Right:  "2023年完成投资12亿元。",
		Source: "GB/T 15835—2011 5.1（书写格式）",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		i := 0
		for _, run := range p.Numerals() {
			i = max(i, run.Start)
			for i < run.End {
				r, size := utf8.DecodeRuneInString(text[i:])
				if r < '０' || r > '９' {
					i += size
					continue
				}
				j := i
				var b strings.Builder
				for j < len(text) {
					c, cs := utf8.DecodeRuneInString(text[j:])
					switch {
					case c >= '０' && c <= '９':
						b.WriteRune(c - '０' + '0')
					case c == '．' && j+cs < len(text) && strings.ContainsRune("０１２３４５６７８９", []rune(text[j+cs:])[0]):
						b.WriteByte('.')
					default:
						goto done
					}
					j += cs
				}
			done:
				p.Report(document.Span{Start: i, End: j}, "数字用半角：“"+b.String()+"”", check.Fix{Message: "改为" + b.String(), Replacement: b.String(), Certain: true})
				i = j
			}
		}
	},
}

// DoubleApprox reports approximation at both ends of one number: 约30人
// 左右, 超过80%以上, 约300余人.
var DoubleApprox = &check.Rule{
	ID: "NM013", Name: "double-approximation", Category: check.Number, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "概数表达重复",
		Text:   "“约”“近”与“左右”“上下”，“超过”与“以上”，“约”与“余”“多”意思重复，保留一个即可。",
		Wrong:  "参加群众约300人左右，覆盖率超过80%以上，培训约200余人次。",
		Right:  "参加群众约300人，覆盖率超过80%，培训200余人次。",
		Source: "GB/T 15835—2011 4.2（概数）；公文写作常规",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, m := range p.Find(approxHeads) {
			rest := text[m.Span.End:]
			// The number must follow the head at once: 约300人左右.
			n := numberAt(rest)
			if n == 0 {
				_, n = numeral.Scan(rest)
			}
			if n == 0 {
				continue
			}
			// A tail is looked for within 12 bytes of the number, in its
			// clause: the clause is looked for no further (a paragraph
			// without marks would be scanned to its end for every head).
			seg := rest[:min(len(rest), n+12+len("左右"))]
			if i := strings.IndexAny(seg, "，。；、：\n"); i >= 0 {
				seg = seg[:i]
			}
			if len(seg) < n {
				continue // a mark inside the number: ４，５６５
			}
			var tails []string
			switch m.Word {
			case "超过", "多于", "高于", "大于":
				tails = []string{"以上", "多"}
			default:
				tails = []string{"左右", "上下", "余", "多"}
			}
			for _, t := range tails {
				k := strings.Index(seg[n:], t)
				if k < 0 || k > 12 {
					continue
				}
				if t == "多" && strings.HasPrefix(seg[n+k:], "多元") || t == "多" && strings.HasPrefix(seg[n+k:], "多个") && k > 0 {
					continue
				}
				end := m.Span.End + n + k + len(t)
				p.Report(document.Span{Start: m.Span.Start, End: end}, "“"+m.Word+"”与“"+t+"”重复，保留一个",
					check.Fix{Message: "删去“" + m.Word + "”", Replacement: text[m.Span.End:end], Certain: false})
				break
			}
		}
	},
}

var (
	timeBefore = words.NewSet("上午", "下午", "晚上", "早上", "中午", "凌晨", "时间", "于", "从", "至", "到", "每天", "每日")
	timeAfter  = words.NewSet("至", "到", "—", "－", "-", "～", "开始", "召开", "举行", "前", "后", "左右", "起", "结束")
)

var approxHeads = check.NewWords("约", "大约", "近", "将近", "接近", "超过", "多于", "高于", "大于")

// nian ends a year.
var nian = check.NewWords("年")

// fullColon may separate hours and minutes.
var fullColon = check.NewWords("：")

// halfPercent and fullPercent are the two percent signs.
var halfPercent = check.NewWords("%")

var fullPercent = check.NewWords("％")

// decimalMarks are wrong decimal points.
var decimalMarks = check.NewWords("．", "。")
