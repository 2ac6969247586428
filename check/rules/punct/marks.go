package punct

import (
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/words"
)

// cnDigit returns the value of a Chinese digit 一 … 九, or 0.
func cnDigit(r rune) int {
	i := strings.IndexRune("一二三四五六七八九", r)
	if i < 0 {
		return 0
	}
	return i/len("一") + 1
}

// ApproxDunhao reports a 顿号 between the two numerals of an approximate
// number: 三、四个 → 三四个, 七、八十人 → 七八十人.
var ApproxDunhao = &check.Rule{
	ID: "PU006", Name: "approx-number-dunhao", Category: check.Punctuation, Severity: check.Error,
	Doc: check.Doc{
		Title:  "概数中间加了顿号",
		Text:   "相邻两个数字连用表示概数时，中间不用顿号；“一、二等奖”“第一、二产业”等是两个序数的省略，不在此列。",
		Wrong:  "每村配备三、四名网格员，服务七、八十户群众。",
		Right:  "每村配备三四名网格员，服务七八十户群众。",
		Source: "GB/T 15834—2011 4.5.3.4；GB/T 15835—2011 5.2",
	},
	Run: func(p *check.Pass) {
		skip := newSkipper(p)
		text := p.File.Text
		for i := 0; ; {
			j := strings.Index(text[i:], "、")
			if j < 0 {
				break
			}
			at := i + j
			i = at + len("、")
			left, _ := utf8.DecodeLastRuneInString(text[:at])
			right, size := utf8.DecodeRuneInString(text[i:])
			l, r := cnDigit(left), cnDigit(right)
			if l == 0 || r != l+1 || skip.skip(at) {
				continue
			}
			before := text[:at-len(string(left))]
			if strings.HasSuffix(before, "第") || strings.HasSuffix(before, "、") {
				continue // 第一、二产业; 一、二、三
			}
			rest := text[i+size:]
			for strings.HasPrefix(rest, "十") || strings.HasPrefix(rest, "百") || strings.HasPrefix(rest, "千") || strings.HasPrefix(rest, "万") {
				rest = rest[len("十"):]
			}
			if measure.At(rest, 0) == "" || ordinalWords.At(rest, 0) != "" {
				continue
			}
			p.Report(document.Span{Start: at, End: at + len("、")}, "“"+string(left)+string(right)+"”是概数，中间不用顿号",
				check.Fix{Message: "删除顿号", Replacement: "", Certain: true})
		}
	},
}

var (
	measure = words.NewSet("个", "人", "名", "天", "年", "次", "家", "户", "项", "岁", "倍", "里", "米", "公里", "亩", "元", "万", "千", "百",
		"条", "件", "所", "座", "台", "辆", "位", "批", "支", "只", "处", "份", "间", "层", "周", "月", "日", "小时", "分钟", "成")
	ordinalWords = words.NewSet("等奖", "年级", "季度", "产业", "批", "轮", "届", "期", "级", "类", "档", "星", "号")
)

// DunhaoConjunction reports a 顿号 before 和, 及, 与, 或: the conjunction
// already joins the last item.
var DunhaoConjunction = &check.Rule{
	ID: "PU007", Name: "dunhao-before-conjunction", Category: check.Punctuation, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "连词前多了顿号",
		Text:   "并列词语的最后两项之间已用“和”“及”“与”“或”连接时，连词前不再加顿号；“以及”前用逗号。",
		Wrong:  "统筹科技、技改、和发展资金，加强学习、以及培训。",
		Right:  "统筹科技、技改和发展资金，加强学习，以及培训。",
		Source: "GB/T 15834—2011 附录 A（顿号与连词）",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, m := range p.Find(conjunctions) {
			rest := text[m.Span.End:]
			if notConjunction.At(text, m.Span.Start+len("、")) != "" || rest == "" {
				continue
			}
			// The conjunction joins the last item: no 、 may follow in the
			// clause (和睦相处、和衷共济、和谐发展), and the item is a word,
			// not one character (桥园里、和苑等).
			item := clause(rest)
			if i := strings.Index(item, "等"); i >= 0 {
				item = item[:i]
			}
			if strings.Contains(clause(rest), "、") || utf8.RuneCountInString(item) < 2 {
				continue
			}
			span := document.Span{Start: m.Span.Start, End: m.Span.Start + len("、")}
			if m.Word == "、以及" {
				p.Report(span, "“以及”前用逗号，不用顿号", check.Fix{Message: "改为逗号", Replacement: "，", Certain: true})
				continue
			}
			conj := strings.TrimPrefix(m.Word, "、")
			p.Report(span, "“"+conj+"”已连接最后一项，前面不用顿号", check.Fix{Message: "删除顿号", Replacement: "", Certain: true})
		}
	},
}

var (
	conjunctions   = check.NewWords("、和", "、及", "、与", "、或", "、以及", "、或者", "、并且")
	notConjunction = words.NewSet("和谐", "和平", "和美", "和睦", "和善", "和煦", "和合", "和顺", "和解", "和田", "和气", "及时", "及早", "及格",
		"与会", "与时俱进", "或许", "或然", "及其", "与其", "和衷共济", "和而不同", "和风细雨", "和蔼",
		"和县", "和林格尔", "和龙", "和政", "和静", "和硕", "和平区", "和布克赛尔")
)

// QuotedDunhao reports a 顿号 between quoted or titled items: “六治六提”、
// “六比六晒”. Off by default: GB/T 15834 allows leaving it out, and practice
// (the 政府工作报告 included) mostly keeps it.
var QuotedDunhao = &check.Rule{
	ID: "PU005", Name: "quoted-items-dunhao", Category: check.Punctuation, Severity: check.Info, OffByDefault: true,
	Doc: check.Doc{
		Title:  "引号、书名号之间的顿号",
		Text:   "标有引号或书名号的并列成分之间通常不用顿号；中间有括注等成分时保留。国家政府工作报告中也常保留，故默认关闭。",
		Wrong:  "开展“六治六提”、“六比六晒”活动，学习《条例》、《办法》。",
		Right:  "开展“六治六提”“六比六晒”活动，学习《条例》《办法》。",
		Source: "GB/T 15834—2011 4.5.3.5",
	},
	Run: func(p *check.Pass) {
		for _, m := range p.Find(quotedItems) {
			at := m.Span.Start + len("”")
			p.Report(document.Span{Start: at, End: at + len("、")}, "引号或书名号之间的并列成分通常不用顿号",
				check.Fix{Message: "删除顿号", Replacement: "", Certain: true})
		}
	},
}

// rangeDashes are the marks PU008 finds written for a range connector.
var rangeDashes = check.NewWords("-", "－", "–", "~", "〜")

// Range reports a hyphen used as a range connector between numbers:
// 1-6月 → 1—6月, 20-30人 → 20～30人.
var Range = &check.Rule{
	ID: "PU008", Name: "range-connector", Category: check.Punctuation, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "范围号用错",
		Text:   "表示数值或时间范围用一字线“—”或浪纹线“～”，不用短横线“-”、全角连字符“－”或半角“~”。时间、序号范围宜用“—”，数量范围宜用“～”。日期“2023-07-05”、电话和型号中的短横线不在此列。",
		Wrong:  "1-6月完成投资20-30亿元，增速6.5%－7%。",
		Right:  "1—6月完成投资20～30亿元，增速6.5%～7%。",
		Source: "GB/T 15834—2011 4.13",
	},
	Run: func(p *check.Pass) {
		skip := newSkipper(p)
		text := p.File.Text
		for _, m := range p.Find(rangeDashes) {
			i := m.Span.Start
			r, size := utf8.DecodeRuneInString(text[i:])
			before, after := neighbours(text, i, i+size)
			if !(isDigit(before) || before == '%' || before == '％') || !isDigit(after) || skip.skip(i) {
				continue
			}
			// Dates 2023-07-05, phone and model numbers: digit groups
			// joined by more than one hyphen, or with no unit after.
			prefix := strings.TrimSuffix(strings.TrimSuffix(text[:i], "%"), "％")
			left := lastNumber(prefix)
			right := nextNumber(text[i+size:])
			rest := text[i+size+len(right):]
			if strings.HasPrefix(rest, string(r)) || strings.HasSuffix(prefix[:len(prefix)-len(left)], string(r)) {
				continue
			}
			u, _ := utf8.DecodeRuneInString(rest)
			if !isHan(u) && u != '%' && u != '％' && !strings.HasSuffix(text[:i], "%") && !strings.HasSuffix(text[:i], "％") {
				continue
			}
			unit := rest
			want := "～"
			if timeUnits.At(unit, 0) != "" {
				want = "—"
			}
			p.Report(document.Span{Start: i, End: i + size}, "表示范围应用"+dashNames[want]+"“"+want+"”，不用"+dashNames[string(r)]+"“"+string(r)+"”",
				check.Fix{Message: "改为" + want, Replacement: want, Certain: true})
		}
	},
}

// dashNames name the marks of PU008's message, which look alike in most
// fonts (－ and —, ～ and 〜): the reader is told which mark is written
// and which is wanted, not shown two dashes.
var dashNames = map[string]string{
	"—": "一字线",
	"～": "浪纹线",
	"-": "短横线",
	"－": "全角连字符",
	"–": "半字线",
	"~": "半角浪纹线",
	"〜": "波浪符",
}

var timeUnits = words.NewSet("月", "日", "年", "季度", "号", "时", "点", "周", "期")

// lastNumber returns the digits (with a decimal point) that end s.
func lastNumber(s string) string {
	i := len(s)
	for i > 0 && (s[i-1] >= '0' && s[i-1] <= '9' || s[i-1] == '.') {
		i--
	}
	return s[i:]
}

// nextNumber returns the digits (with a decimal point) that start s.
func nextNumber(s string) string {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	return s[:i]
}

// Ellipsis reports an ellipsis written with the wrong characters: ...
// 。。。 a single … ······.
var Ellipsis = &check.Rule{
	ID: "PU009", Name: "ellipsis-form", Category: check.Punctuation, Severity: check.Error,
	Doc: check.Doc{
		Title:  "省略号写法错误",
		Text:   "省略号是六个点“……”，占两个字的位置；不能写成“...”“。。。”“···”或单个“…”。",
		Wrong:  "开展文明创建、志愿服务...推进移风易俗。。。",
		Right:  "开展文明创建、志愿服务……推进移风易俗……",
		Source: "GB/T 15834—2011 4.11",
	},
	Run: func(p *check.Pass) {
		skip := newSkipper(p)
		text := p.File.Text
		skipTo := 0
		for _, m := range p.Find(ellipsisStarts) {
			if m.Span.Start < skipTo {
				continue
			}
			i := m.Span.Start
			n := ellipsisRun(text[i:])
			if n == 0 {
				continue
			}
			run := text[i : i+n]
			span := document.Span{Start: i, End: i + n}
			skipTo = span.End
			if run == "……" || run == "…………" || skip.skip(span.Start) {
				continue
			}
			before, after := neighbours(text, span.Start, span.End)
			if strings.Trim(run, ".") == "" && !(isChinese(before) || isChinese(after)) {
				continue // ... in Latin or numeric text
			}
			if strings.Trim(run, "。") == "" && len(run) < 3*len("。") {
				continue // 。。 is a doubled full stop (PU012)
			}
			p.Report(span, "省略号应写作“……”", check.Fix{Message: "改为……", Replacement: "……", Certain: true})
		}
	},
}

// ellipsisStarts are the starts of the runs ellipsisRun reads.
var ellipsisStarts = check.NewWords("…", "⋯", "...", "。。。", "···", "･･･", "．．．")

// ellipsisRun returns the length of a run of ellipsis-like characters at
// the start of s: three or more . or 。 or ·, or any run of … and ⋯.
func ellipsisRun(s string) int {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '…', '⋯', '.', '。', '·', '･', '．':
	default:
		return 0
	}
	n, count := 0, 0
	for n < len(s) {
		c, size := utf8.DecodeRuneInString(s[n:])
		if c != r && !(r == '…' && c == '⋯') && !(r == '⋯' && c == '…') {
			break
		}
		n += size
		count++
	}
	if (r == '.' || r == '。' || r == '·' || r == '･' || r == '．') && count < 3 {
		return 0
	}
	return n
}

// EllipsisDeng reports an ellipsis used with 等 or 等等: one of them is
// enough.
var EllipsisDeng = &check.Rule{
	ID: "PU010", Name: "ellipsis-with-deng", Category: check.Punctuation, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "省略号与“等”连用",
		Text:   "省略号和“等”“等等”作用相同，不能连用，保留其一。",
		Wrong:  "过好端午节、中秋节……等传统节日。",
		Right:  "过好端午节、中秋节等传统节日。",
		Source: "GB/T 15834—2011 附录 A（省略号）",
	},
	Run: func(p *check.Pass) {
		for _, m := range p.Find(ellipsisDeng) {
			i := strings.Index(m.Word, "……")
			span := document.Span{Start: m.Span.Start + i, End: m.Span.Start + i + len("……")}
			p.Report(span, "省略号与“等”不连用，删去其一", check.Fix{Message: "删除省略号", Replacement: "", Certain: true})
		}
	},
}

// Dash reports a 破折号 written as -- or －－ or a single — between
// clauses of Chinese text.
var Dash = &check.Rule{
	ID: "PU011", Name: "dash-form", Category: check.Punctuation, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "破折号写法错误",
		Text:   "破折号是两个一字线“——”，占两个字的位置；不能写成“--”“－－”或“―”。",
		Wrong:  "工作重点--乡村振兴；发展目标－－共同富裕。",
		Right:  "工作重点——乡村振兴；发展目标——共同富裕。",
		Source: "GB/T 15834—2011 4.10",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, m := range p.Find(dashRuns) {
			if m.Word == "——" {
				continue
			}
			// Take the whole run: --- is still one dash.
			end := m.Span.End
			for end < len(text) {
				r, size := utf8.DecodeRuneInString(text[end:])
				if !strings.ContainsRune("-－―━—", r) {
					break
				}
				end += size
			}
			before, after := neighbours(text, m.Span.Start, end)
			if !isChinese(before) && !isChinese(after) {
				continue // -- in code, a table rule
			}
			p.Report(document.Span{Start: m.Span.Start, End: end}, "破折号应写作“——”", check.Fix{Message: "改为——", Replacement: "——", Certain: true})
		}
	},
}

// Doubled reports a mark doubled (，， 。。 、、) or two clashing marks
// (，。 、， ；。).
var Doubled = &check.Rule{
	ID: "PU012", Name: "doubled-punct", Category: check.Punctuation, Severity: check.Error,
	Doc: check.Doc{
		Title:  "标点重复或连用错误",
		Text:   "同一位置只用一个点号：“，，”“。。”是重复，“，。”“、，”是两个点号冲突。问号和叹号连用（？！）不在此列。",
		Wrong:  "推进项目建设，，确保按期完工，。全面完成、，任务",
		Right:  "推进项目建设，确保按期完工。全面完成，任务",
		Source: "GB/T 15834—2011 4.1—4.7",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		skipTo := 0
		for _, m := range p.Find(markPairs) {
			if m.Span.Start < skipTo {
				continue
			}
			a, size := utf8.DecodeRuneInString(m.Word)
			b, _ := utf8.DecodeRuneInString(m.Word[size:])
			span := m.Span
			if a == '。' && b == '。' && strings.HasPrefix(text[span.End:], "。") {
				// 。。。 is an ellipsis (PU009).
				for span.End < len(text) && strings.HasPrefix(text[span.End:], "。") {
					span.End += len("。")
				}
				skipTo = span.End
				continue
			}
			skipTo = span.End
			if a == b {
				p.Report(span, "标点“"+string(a)+"”重复", check.Fix{Message: "保留一个", Replacement: string(a), Certain: true})
				continue
			}
			// The stronger mark ends the clause: 。 over ； over ， over 、.
			keep := a
			if strength(b) > strength(a) {
				keep = b
			}
			p.Report(span, "“"+string(a)+"”与“"+string(b)+"”连用，只应保留一个", check.Fix{Message: "保留" + string(keep), Replacement: string(keep), Certain: false})
		}
	},
}

// markPairs are the two-mark sequences Doubled reports: every pair of
// point marks except the combinations of ？ and ！ the standard allows.
var markPairs = check.NewWords(func() []string {
	var out []string
	for _, a := range pointMarks {
		for _, b := range pointMarks {
			if strings.ContainsRune("？！", a) && strings.ContainsRune("？！", b) {
				continue
			}
			out = append(out, string(a)+string(b))
		}
	}
	return out
}()...)

const pointMarks = "，。、；：？！"

func strength(r rune) int {
	return strings.IndexRune("、，：；。？！", r)
}

// QuoteEnd reports a full stop both inside and after a closing quote:
// 。”。
var QuoteEnd = &check.Rule{
	ID: "PU013", Name: "quote-end-mark", Category: check.Punctuation, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "引号内外重复句号",
		Text:   "句末点号要么在引号内（完整引用一句话），要么在引号外（引语是句子的一部分），不能内外都有。",
		Wrong:  "营造“比学赶超的良好氛围。”。",
		Right:  "营造“比学赶超的良好氛围”。",
		Source: "GB/T 15834—2011 4.8",
	},
	Run: func(p *check.Pass) {
		for _, m := range p.Find(quoteEnds) {
			at := m.Span.End - len("。")
			p.Report(document.Span{Start: at, End: m.Span.End}, "引号内已有句末点号，引号外不再加“。”",
				check.Fix{Message: "删除", Replacement: "", Certain: true})
		}
	},
}

// TitleMarks reports 书名号 around what is not a work: activities,
// campaigns, meetings, courses, awards (《四送一服》活动 → “四送一服”活动).
var TitleMarks = &check.Rule{
	ID: "PU016", Name: "title-marks-misuse", Category: check.Punctuation, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "书名号用于非作品名称",
		Text:   "书名号用于书名、篇名、文件名等作品名称；活动、会议、工程、奖项、课程等名称不用书名号，需要突出时用引号。",
		Wrong:  "开展《四送一服》活动，举办《乡村振兴》培训班。",
		Right:  "开展“四送一服”活动，举办“乡村振兴”培训班。",
		Source: "GB/T 15834—2011 4.15",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, m := range p.Find(titleCloses) {
			after := text[m.Span.End:]
			w := nonWork.At(after, 0)
			if w == "" {
				continue
			}
			open := strings.LastIndex(text[:m.Span.Start], "《")
			if open < 0 || strings.ContainsAny(text[open:m.Span.Start], "》。\n") {
				continue
			}
			name := text[open+len("《") : m.Span.Start]
			if workWords.Suffix(name) != "" || utf8.RuneCountInString(name) > 20 {
				continue // 《…实施方案》专项行动: the name of a document
			}
			if mediaWords.Contains(text[max(0, open-len("纪录片")*2):open]) {
				continue // 央视《…》, 电视节目《…》: a programme, film or book is a work
			}
			span := document.Span{Start: open, End: m.Span.End}
			p.Report(span, "“"+name+"”是"+w+"名称，不是作品，不用书名号",
				check.Fix{Message: "改为引号", Replacement: "“" + name + "”", Certain: false})
		}
	},
}

var (
	// nonWork follow the name of what is not a work. 品牌 is not among
	// them: a programme, a film or a book series is a brand and a work.
	nonWork = words.NewSet("活动", "行动", "工程", "会议", "大会", "论坛", "比赛", "竞赛", "评选", "培训班", "课程", "专项", "奖", "项目", "示范区")
	// mediaWords before 《 say that what follows is a programme, a film, a
	// book or a song: a work, whatever comes after it.
	mediaWords = words.NewSet("央视", "卫视", "电视", "电视台", "电台", "广播", "频道", "栏目", "节目", "纪录片", "专题片", "电影", "微电影",
		"电视剧", "短剧", "动画片", "歌曲", "图书", "出版", "播出", "播放", "拍摄", "摄制", "创作", "刊发", "报刊", "杂志", "报道")
	workWords = words.NewSet("条例", "办法", "方案", "意见", "通知", "规划", "决定", "报告", "纲要", "规定", "细则", "计划", "法", "标准", "指南", "实施意见", "要点", "宣言", "公约", "精神", "讲话", "决议", "文件", "读本", "选编", "汇编", "手册", "丛书")
)

// wrongDots are dots written for the 间隔号.
var wrongDots = check.NewWords("•", "・", "‧")

// MiddleDot reports a 间隔号 written with another dot: 5•12 → 5·12.
var MiddleDot = &check.Rule{
	ID: "PU017", Name: "middle-dot-form", Category: check.Punctuation, Severity: check.Info,
	Doc: check.Doc{
		Title:  "间隔号写法错误",
		Text:   "间隔号是“·”（U+00B7），用于月日简称和外国人名；不用“•”“・”“‧”。",
		Wrong:  "纪念“5•12”汶川地震，学习白求恩・诺尔曼。",
		Right:  "纪念“5·12”汶川地震，学习白求恩·诺尔曼。",
		Source: "GB/T 15834—2011 4.14",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, m := range p.Find(wrongDots) {
			i := m.Span.Start
			_, size := utf8.DecodeRuneInString(text[i:])
			before, after := neighbours(text, i, i+size)
			if !(isDigit(before) && isDigit(after) || isHan(before) && isHan(after)) {
				continue // a bullet at the start of a line
			}
			p.Report(document.Span{Start: i, End: i + size}, "间隔号应写作“·”", check.Fix{Message: "改为·", Replacement: "·", Certain: true})
		}
	},
}

// clause returns text up to the first clause mark.
func clause(text string) string {
	if i := strings.IndexAny(text, "，。；：！？\n"); i >= 0 {
		return text[:i]
	}
	return text
}

// quotedItems are 顿号 between quoted or titled items.
var quotedItems = check.NewWords("”、“", "》、《")

// ellipsisDeng are an ellipsis with 等.
var ellipsisDeng = check.NewWords("……等等", "……等", "等……", "等等……")

// dashRuns are dashes written with other characters.
var dashRuns = check.NewWords("--", "－－", "——", "――", "—―", "―—", "━━", "─ ─")

// quoteEnds are end marks inside and after a closing quote.
var quoteEnds = check.NewWords("。”。", "！”。", "？”。", "。’。")

// titleCloses are closing title marks.
var titleCloses = check.NewWords("》")
