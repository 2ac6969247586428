package typo

import (
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/words"
)

// finding is what a context check reports: the span to replace, the
// message and the replacement.
type finding struct {
	span        document.Span
	message     string
	replacement string
	certain     bool
}

// contextCheck decides, at a trigger found at byte offset i of text,
// whether the context makes the trigger an error.
type contextCheck func(text string, i int) (finding, bool)

// contextChecks maps each trigger of TY002 to its check. Each pair has its
// own condition: both forms are real words, so a pair is reported only
// where its context makes the wrong one certain or very likely.
var contextChecks = map[string]contextCheck{
	"截止":   checkJiezhi,
	"截至到":  checkJiezhiDao,
	"做出":   checkZuochu,
	"必需":   checkBixu,
	"既使":   checkJishi,
	"既将":   checkJijiang,
	"既便":   checkJibian,
	"即":    checkJiYou,
	"以经":   checkYijing,
	"做为":   checkZuowei,
	"不能自己": checkBunengziyi,
	"已上":   checkYishang,
}

// contextWords finds the triggers.
var contextWords = func() *check.Words {
	list := make([]string, 0, len(contextChecks))
	for t := range contextChecks {
		list = append(list, t)
	}
	return check.NewWords(list...)
}()

// Context reports pairs of real words where the context shows which one is
// meant: 截止/截至 before a time, 做出/作出 before an abstract object, 必需/必须
// before a verb, 既使/即使, 既将/即将, 既便/即便, 即…又…/既…又…, 以经/已经,
// 做为/作为, 不能自己/不能自已, 已上/以上 after a figure.
var Context = &check.Rule{
	ID: "TY002", Name: "typo-context", Category: check.Typo, Severity: check.Warning,
	Doc: check.Doc{
		Title: "易混词误用",
		Text: "这些写法在别的上下文中是正确的，在此处却用错了：“截止”后接时间宾语应为“截至”，“截至到”重复；" +
			"“做出”后接贡献、决定、部署等抽象事物应为“作出”；“必需”后接动词应为“必须”；" +
			"“既使”“既将”“既便”应为“即使”“即将”“即便”（“既…又…”句式除外）；“即要…又要…”应为“既要…又要…”；" +
			"“以经完成”应为“已经完成”；句首“做为”应为“作为”；“不能自己”应为“不能自已”；数量后的“已上”应为“以上”。",
		Wrong:  "截止今年6月底，街道为辖区发展做出了应有的贡献，必需坚持问题导向。",
		Right:  "截至今年6月底，街道为辖区发展作出了应有的贡献，必须坚持问题导向。",
		Source: "语言文字规范用法（截至/截止、作出/做出、必须/必需、即/既、以/已）；《咬文嚼字》“当代汉语出版物中最常见的100个别字”（既使）",
	},
	Run: runContext,
}

// runContext runs the check of every trigger found.
func runContext(p *check.Pass) {
	text := p.File.Text
	for _, m := range p.Find(contextWords) {
		f, ok := contextChecks[m.Word](text, m.Span.Start)
		if !ok || skip(p, f.span.Start) {
			continue
		}
		p.Report(f.span, f.message,
			check.Fix{Message: "改为“" + f.replacement + "”", Replacement: f.replacement, Certain: f.certain})
	}
}

// wordAt returns the longest word of set at byte offset i of text, or ""
// (also at the end of the text, where words.Set.At must not be called).
func wordAt(set *words.Set, text string, i int) string {
	if i >= len(text) {
		return ""
	}
	return set.At(text, i)
}

// at returns the span of n bytes at i.
func at(i, n int) document.Span { return document.Span{Start: i, End: i + n} }

// jiezhiTimes are time words that, right after 截止, are its object.
// 目前 is left to TY001 (截止目前 is a certain error); 日前 and 当日 are
// not listed because 截止日前 and 截止当日 read as "before the deadline".
var jiezhiTimes = words.NewSet("今年", "去年", "本年", "当年", "上年", "本月", "上月", "当月",
	"年底", "年末", "年初", "月底", "月末", "上半年", "下半年", "前三季度", "一季度", "二季度",
	"三季度", "四季度", "第一季度", "第二季度", "第三季度", "第四季度", "本季度", "当前", "现在",
	"今天", "今日", "昨天", "昨日", "本周", "上周", "发稿", "二〇", "二零")

// checkJiezhi reports 截止 followed by a time: 截止 means "to end" and
// takes no object; the preposition "up to" is 截至.
func checkJiezhi(text string, i int) (finding, bool) {
	end := i + len("截止")
	if !isTimeObject(text[end:]) {
		return finding{}, false
	}
	return finding{span: at(i, len("截止")), message: "“截止”后接时间时应为“截至”（截止表示到期停止，不带宾语）", replacement: "截至"}, true
}

// isTimeObject reports whether s starts with a time: a time word, a digit,
// a placeholder digit (x, X, *) before a digit or a date unit, or Chinese
// numerals before 年, 月 or 日.
func isTimeObject(s string) bool {
	if wordAt(jiezhiTimes, s, 0) != "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case r >= '0' && r <= '9', r >= '０' && r <= '９':
		return true
	case r == 'x' || r == 'X' || r == '*' || r == '＊':
		rest := strings.TrimLeft(s, "xX*＊")
		n, _ := utf8.DecodeRuneInString(rest)
		return n >= '0' && n <= '9' || n == '年' || n == '月' || n == '日'
	}
	rest := strings.TrimLeft(s, "〇零一二三四五六七八九十")
	if len(rest) == len(s) {
		return false
	}
	n, _ := utf8.DecodeRuneInString(rest)
	return n == '年' || n == '月' || n == '日'
}

// checkJiezhiDao reports 截至到: 截至 already means "up to".
func checkJiezhiDao(text string, i int) (finding, bool) {
	return finding{span: at(i, len("截至到")), message: "“截至到”语义重复，应为“截至”", replacement: "截至"}, true
}

// zuochuObjects are the abstract objects that take 作出 in official
// writing.
var zuochuObjects = words.NewSet("贡献", "决定", "部署", "安排", "承诺", "努力", "表率", "规定",
	"批示", "判断", "牺牲", "决策", "指示", "决议", "回应", "答复", "结论", "评价", "解释",
	"说明", "处分", "处罚", "选择", "调整")

// zuochuBreaks are characters that, between 做出 and the object, start a
// new phrase: the object then belongs to another verb (做出产品为…贡献力量).
const zuochuBreaks = "为给向对把将让使在从被并而又也再"

// checkZuochu reports 做出 before an abstract object within eight
// characters of the same phrase (做出了应有的贡献 → 作出).
func checkZuochu(text string, i int) (finding, bool) {
	j := i + len("做出")
	for k := 0; k <= 8 && j < len(text); k++ {
		if w := wordAt(zuochuObjects, text, j); w != "" {
			after := text[j+len(w):]
			for _, verb := range []string{"了", "着", "过", "力量", "智慧", "青春"} {
				if strings.HasPrefix(after, verb) {
					return finding{}, false // the object word is a verb here
				}
			}
			return finding{span: at(i, len("做出")), message: "“做出”应为“作出”：后接“" + w + "”等抽象事物时用“作出”", replacement: "作出", certain: true}, true
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isHan(r) && !(r >= '0' && r <= '9') || strings.ContainsRune(zuochuBreaks, r) {
			return finding{}, false
		}
		j += size
	}
	return finding{}, false
}

// bixuVerbs are words that, after 必需, show that 必须 ("must") is meant.
var bixuVerbs = words.NewSet("坚持", "加强", "做好", "落实", "把", "按照", "严格", "切实", "高度",
	"认真", "深入", "进一步", "始终", "全面", "牢固", "牢记", "树立", "建立", "健全", "完善",
	"推进", "实行", "实施", "执行", "遵守", "遵循", "注意", "重视", "确保", "强化", "提高",
	"依法", "依照", "做到", "贯彻", "持续", "不断", "充分", "统筹", "保持", "明确", "尽快", "及时")

// checkBixu reports 必需 ("necessary") before a verb, where 必须 ("must")
// is meant.
func checkBixu(text string, i int) (finding, bool) {
	if wordAt(bixuVerbs, text, i+len("必需")) == "" {
		return finding{}, false
	}
	return finding{span: at(i, len("必需")), message: "“必需”应为“必须”：表示“一定要”时用“必须”", replacement: "必须"}, true
}

// rest returns the rest of the sentence after byte offset i.
func rest(text string, i int) string { return text[i:sentenceEnd(text, i, 300)] }

// checkJishi reports 既使 for 即使 ("even if"), unless the sentence goes on
// with 又 or 也使, the 既…又… construction with 使 as a verb (既使群众满意，
// 又使…).
func checkJishi(text string, i int) (finding, bool) {
	r := rest(text, i+len("既使"))
	for _, s := range []string{"又", "也使", "也让", "也能使", "还使", "更使"} {
		if strings.Contains(r, s) {
			return finding{}, false
		}
	}
	return finding{span: at(i, len("既使")), message: "“既使”应为“即使”", replacement: "即使"}, true
}

// checkJijiang reports 既将 for 即将 ("about to"), unless the sentence
// goes on with 又 or 也 (既将…纳入，又将…).
func checkJijiang(text string, i int) (finding, bool) {
	if r := rest(text, i+len("既将")); strings.ContainsAny(r, "又也") {
		return finding{}, false
	}
	return finding{span: at(i, len("既将")), message: "“既将”应为“即将”", replacement: "即将"}, true
}

// checkJibian reports 既便 for 即便 ("even if"), unless it is 既 + 便于,
// 便利, 便民, 便捷 or 便宜, or the sentence goes on with 又.
func checkJibian(text string, i int) (finding, bool) {
	end := i + len("既便")
	if strings.ContainsRune("于利民捷宜", nextRune(text, end)) || strings.Contains(rest(text, end), "又") {
		return finding{}, false
	}
	return finding{span: at(i, len("既便")), message: "“既便”应为“即便”", replacement: "即便"}, true
}

// jiYouWords are the words X of "即X…又X…", the misspelt 既X…又X….
var jiYouWords = words.NewSet("要", "有", "是", "能", "讲", "抓", "重", "注重", "坚持", "考虑",
	"包括", "做到", "需要", "可以", "注意", "体现", "保证", "善于", "敢于", "着眼")

// jiWords are characters that, before 即, make a word with it (立即, 随即).
const jiWords = "立随旋当亦意则在"

// checkJiYou reports 即 in "即X…又X…" or "即X…也X…", the 既…又…
// construction misspelt (即要抓发展，又要保安全).
func checkJiYou(text string, i int) (finding, bool) {
	end := i + len("即")
	x := wordAt(jiYouWords, text, end)
	if x == "" || strings.ContainsRune(jiWords, prevRune(text, i)) ||
		strings.HasPrefix(text[end:], "要求") || strings.HasPrefix(text[end:], "有关") {
		return finding{}, false
	}
	r := rest(text, end+len(x))
	if !strings.Contains(r, "又"+x) && !strings.Contains(r, "也"+x) {
		return finding{}, false
	}
	return finding{span: at(i, len("即")), message: "“即" + x + "…又" + x + "”应为“既" + x + "…又" + x + "”", replacement: "既"}, true
}

// yijingNext are words that, after 以经, show that 已经 ("already") is
// meant; 以经济, 以经营, 以经验 and 以经过 are never followed by them.
var yijingNext = words.NewSet("完成", "开始", "建成", "成为", "形成", "取得", "实现", "达到",
	"进入", "启动", "基本", "全面", "初步", "落实", "竣工", "具备", "投入", "开工", "覆盖",
	"超过", "完工", "发生", "明确", "出台", "制定", "印发", "获得", "签订", "纳入", "全部",
	"顺利", "连续", "累计", "是", "在")

// checkYijing reports 以经 for 已经 before a verb or an adverb of
// completion.
func checkYijing(text string, i int) (finding, bool) {
	if wordAt(yijingNext, text, i+len("以经")) == "" {
		return finding{}, false
	}
	return finding{span: at(i, len("以经")), message: "“以经”应为“已经”", replacement: "已经"}, true
}

// zuoweiNext are words after which 做为 is the misspelt 作为 wherever it
// stands (做为一名党员).
var zuoweiNext = words.NewSet("一名", "一个", "一位", "一项", "一种", "一支", "一级", "全国", "全省",
	"全市", "全区", "全县", "全镇", "全街道", "党员", "基层", "重要", "主要", "首批", "国家", "我国",
	"我省", "我市", "我区", "我县", "我镇", "街道")

// zuoweiObjects are characters after which 做为 is 做 + 为X (做为民服务的实事).
const zuoweiObjects = "民群人老企百社困农大他孩学家居村职"

// checkZuowei reports 做为 for 作为: before zuoweiNext, or at the start of
// a clause unless 为 starts a phrase of its own.
func checkZuowei(text string, i int) (finding, bool) {
	end := i + len("做为")
	atClauseStart := !isHan(prevRune(text, i)) && !strings.ContainsRune(zuoweiObjects, nextRune(text, end))
	if wordAt(zuoweiNext, text, end) == "" && !atClauseStart {
		return finding{}, false
	}
	return finding{span: at(i, len("做为")), message: "“做为”应为“作为”", replacement: "作为"}, true
}

// checkBunengziyi reports 不能自己 at the end of a clause, where 不能自已
// ("cannot restrain oneself") is meant; before a verb (不能自己解决) it is
// right.
func checkBunengziyi(text string, i int) (finding, bool) {
	end := i + len("不能自己")
	if r := nextRune(text, end); end < len(text) && isHan(r) {
		return finding{}, false
	}
	return finding{span: at(i, len("不能自己")), message: "“不能自己”应为“不能自已”（自已：控制自己的情绪）", replacement: "不能自已"}, true
}

// yishangAfter are characters that, before 已上, close a quantity.
const yishangAfter = "0123456789０１２３４５６７８９%％万亿千百十岁元人个户家亩吨米次名项所间座台辆倍"

// checkYishang reports 已上 for 以上 after a quantity at the end of a
// phrase (50%已上，); 已上报, 已上线 and the like are right.
func checkYishang(text string, i int) (finding, bool) {
	end := i + len("已上")
	next := nextRune(text, end)
	if !strings.ContainsRune(yishangAfter, prevRune(text, i)) || isHan(next) && next != '的' {
		return finding{}, false
	}
	return finding{span: at(i, len("已上")), message: "“已上”应为“以上”", replacement: "以上"}, true
}
