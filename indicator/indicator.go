// Package indicator normalises the names of indicators, so that one
// indicator written several ways is recognised as one: 规上工业增加值 and
// 规模以上工业增加值, 城镇新增就业 and 新增城镇就业, 居民消费价格涨幅 and
// CPI涨幅, 国内生产总值 and GDP. Extraction names a figure by the words
// before it ("拟安排财政赤字", "把居民消费价格涨幅"); Parse strips such
// words and says whether the name itself states a change (涨幅, 增速).
//
// The synonym list is data: a pair is added when real reports are seen to
// write one indicator two ways.
package indicator

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Name is a parsed indicator name.
type Name struct {
	// Key is the normalised name: two names with one Key are one
	// indicator. It is for matching, not for showing.
	Key string
	// Change is "up" or "down" when the name itself states a change
	// ("居民消费价格涨幅", "能耗下降"), else "".
	Change string
	// Text is the name as written, cleaned of the leading and trailing
	// words that are not part of it: for showing.
	Text string
}

// synonyms rewrite one way of writing an indicator into the form the Key
// uses. Longer forms are tried first (strings.Replacer picks the longest
// match at each position only among forms that start there, so forms that
// contain one another are listed with the longer first).
var synonyms = strings.NewReplacer(synonymPairs...)

// synonymPairs are the synonyms as written: form, key form, ….
var synonymPairs = []string{
	// output
	"国内生产总值", "生产总值",
	"地区生产总值", "生产总值",
	"GDP", "生产总值",
	"经济增长", "生产总值增长",
	"经济增速", "生产总值增速",
	// energy intensity
	"能源消耗强度", "单位生产总值能耗",
	"能耗强度", "单位生产总值能耗",
	"万元生产总值能耗", "单位生产总值能耗",
	// prices
	"居民消费价格指数", "居民消费价格",
	"消费价格指数", "居民消费价格",
	"居民消费价格总水平", "居民消费价格",
	"消费价格总水平", "居民消费价格",
	"物价总水平", "居民消费价格",
	"物价涨幅", "居民消费价格涨幅",
	"CPI", "居民消费价格",
	// industry
	"规上", "规模以上",
	// jobs
	"新增城镇就业", "城镇新增就业",
	"城镇调查失业率", "调查失业率",
	"城镇登记失业率", "登记失业率",
	// money
	"广义货币供应量", "广义货币",
	"广义货币余额", "广义货币", // M2余额: the money supply is a balance
	"广义货币M2", "广义货币",
	"M2", "广义货币",
	"PM2.5", "PM2.5", // not P + 广义货币: kept whole, so M2 inside is not seen
	"财政赤字率", "赤字率",
	"一般公共预算收入", "公共预算收入",
	"公共财政预算收入", "公共预算收入",
	"地方公共预算收入", "公共预算收入",
	"全社会固定资产投资", "固定资产投资",
	"地方政府专项债券", "专项债券",
	"地方政府一般债券", "一般债券",
	"社会消费品零售总额", "社零额",
	"货物贸易进出口总额", "进出口",
	"货物贸易进出口", "进出口",
	"货物进出口总额", "进出口",
	"货物进出口", "进出口",
	"外贸进出口总额", "进出口",
	"外贸进出口", "进出口",
	"进出口总额", "进出口",
	"对外贸易", "进出口",
	"粮食总产量", "粮食产量",
	"粮食总产", "粮食产量",
	// poverty: the poor a report counts are the rural poor registered
	// (建档立卡); people moved out of poverty are the poor reduced
	"建档立卡贫困人口", "贫困人口",
	"农村建档立卡贫困人口", "贫困人口",
	"农村贫困人口", "贫困人口",
	"贫困人口实现脱贫", "贫困人口脱贫",
	"易地扶贫搬迁脱贫", "易地扶贫搬迁",
	"易地扶贫搬迁人口", "易地扶贫搬迁",
	"易地搬迁脱贫", "易地扶贫搬迁",
	"易地搬迁", "易地扶贫搬迁",
}

// rewrite applies the synonyms until nothing changes, so that a key is
// its own key: "地方一般公共预算收入" becomes 地方公共预算收入 in one pass
// and 公共预算收入 in the next, as "地方公共预算收入" does. A share written
// out ("占地区生产总值比重", "占一般公共预算支出的比重") becomes 占比, as
// reports also write it.
func rewrite(s string) string {
	for range 4 {
		t := synonyms.Replace(s)
		if t == s {
			break
		}
		s = t
	}
	return shareOf(s)
}

// shareOf rewrites "占…比重" (at most twelve characters between) as 占比.
func shareOf(s string) string {
	i := strings.Index(s, "占")
	if i < 0 {
		return s
	}
	rest := s[i+len("占"):]
	j := strings.Index(rest, "比重")
	if j <= 0 || utf8.RuneCountInString(rest[:j]) > 12 {
		return s
	}
	return s[:i] + "占比" + rest[j+len("比重"):]
}

// Forms returns every name the synonym table holds, both the forms it
// rewrites and the forms it rewrites them to: the names that tests of
// matching must hold to their promises.
func Forms() []string {
	return append([]string{}, synonymPairs...)
}

// leading are words that open a figure's name in a sentence but are not
// part of the indicator: verbs, time words, the unit itself.
var leading = []string{
	"提出", "拟安排", "安排", "拟", "要再", "要", "把", "将", "但", "使", "让", "实施", "发行",
	"力争", "确保", "争取", "努力", "推动", "推进", "实现", "完成", "预计", "预期",
	"今年的", "去年的", "全年的", "全年", "今年", "明年", "年度计划", "年度", "计划", "当年", "去年", "上年", "过去一年", "一年来", "年末", "年底", "年内", "上半年", "下半年", "五年",
	"全国", "全省", "全市", "全区", "全县", "全镇", "全乡", "全街道", "全街", "所有", "全部", "各类", "各项",
	"我省", "我市", "我区", "我县", "我镇", "我乡", "我街道", "街道", "辖区",
	"其中", "累计", "共", "和", "及", "与", "并", "同时", "还", "也", "再", "进一步",
	"同比", "比上年", "比去年", "较上年", "较去年", "实际", "名义", "年均", "平均",
}

// trailing are words that close a figure's name but are not part of it.
var trailing = []string{
	"预期目标定为", "预期目标", "目标定为", "目标值", "目标拟定为", "拟定为", "目标拟", "目标", "定为", "定在", "预期", "预计", "拟",
	"控制在", "稳定在", "保持在", "回落到", "回落至", "上升到", "上升至", "提高至", "下降至", "提高到", "提升到", "增加到", "降低到", "下降到", "达到", "突破",
	// outcomes told with other verbs: 降到, 跃上 … 新台阶, 首次超过
	"降到", "降至", "跃上", "跃升至", "跃升到", "迈上", "站上", "登上", "跨上", "首次", "平均为", "平均",
	"拟按", "按照", "按", "从", "由", "力争", "确保", "争取",
	"分别", "超过", "达", "为", "在", "到", "要", "是", "有",
	"比上年", "比去年", "较上年", "较去年", "同比", "年均",
	"均", "都", "已", "全部", "共计", "累计", "实际", "名义",
	"人数", "数量", "总数", // 城镇新增就业人数 counts 城镇新增就业
	"完成", "实现", // 一般公共预算收入完成36.8亿元
}

// changes are words that make a name a change: 涨幅 is the change of a
// price, 增速 of an amount.
var changes = []struct{ word, dir string }{
	{"增长率", "up"}, {"增速", "up"}, {"增幅", "up"}, {"涨幅", "up"}, {"增长", "up"},
	{"上涨", "up"}, {"提高", "up"}, {"提升", "up"}, {"增加", "up"},
	{"下降率", "down"}, {"降幅", "down"}, {"下降", "down"}, {"降低", "down"}, {"减少", "down"},
	{"脱贫", "down"}, // 贫困人口脱贫 is 贫困人口 down
}

// Parse parses an indicator name as extraction gives it.
func Parse(name string) Name {
	f := fold(name)
	text, _ := strip(f)
	key, dir := strip(rewrite(f))
	if key == "脱贫" || key == "实现脱贫" {
		key, dir = "贫困人口", "down" // 脱贫1000万人: the poor, fewer by as many
	}
	if dir == "" {
		// A change verb before the name: "减少农村贫困人口1000万人" is
		// 农村贫困人口 down by 1000万人, as "农村贫困人口减少1232万人" is.
		for _, c := range leadingChanges {
			if rest, ok := strings.CutPrefix(key, c.word); ok && !Bare(rest) && (c.dir == "down" || averaged(rest)) {
				key, dir = rest, c.dir // the text keeps its verb
				break
			}
		}
	}
	return Name{Key: key, Change: dir, Text: text}
}

// leadingChanges are the change verbs that can open a name; 增加 and 新增
// are not among them (增加值, 新增就业 are names). 提高 and 提升 make a
// change only of a rate or an average (提高常住人口城镇化率); before a thing
// counted they are an action (改造提升乡镇卫生院10所).
var leadingChanges = []struct{ word, dir string }{
	{"减少", "down"}, {"降低", "down"}, {"压减", "down"}, {"下降", "down"}, {"提高", "up"}, {"提升", "up"},
}

// Trim returns a name as written cleaned of the words around it, its
// change word kept: "今年的经济增长目标定为" gives 经济增长.
func Trim(name string) string {
	return trimWords(fold(name))
}

// strip removes the words around a name and the change word at its end,
// and returns the direction of that change.
func strip(s string) (string, string) {
	s = trimWords(s)
	var dir string
	for {
		found := false
		for _, c := range changes {
			if rest, ok := strings.CutSuffix(s, c.word); ok && utf8.RuneCountInString(rest) >= 2 {
				s, dir, found = trimWords(rest), c.dir, true
				break
			}
		}
		if !found {
			return s, dir
		}
	}
}

// Bare reports whether a key names no indicator: empty, a change word
// alone (增长), a basis alone (同比), or an adverb of time alone (连续).
func Bare(key string) bool {
	return utf8.RuneCountInString(key) < 2 || bareWords[key]
}

// bareWords are the words that name no indicator on their own.
var bareWords = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range changes {
		m[c.word] = true
	}
	for _, w := range append(append([]string{}, leading...), trailing...) {
		m[w] = true
	}
	// adverbs of time: "连续7年增产" counts the years of a streak, and
	// "先后3次" the times of something said around it
	for _, w := range []string{"连续", "持续", "先后", "相继", "历时"} {
		m[w] = true
	}
	return m
}()

// Fold normalises text for matching names inside it: widths folded,
// spaces and quotes dropped, synonyms rewritten.
func Fold(s string) string {
	return rewrite(fold(s))
}

// fold folds full-width letters, digits and signs (U+FF01–U+FF5E) to
// ASCII and drops whitespace, quotation marks and brackets. Chinese
// punctuation stays as written: a general width folding would turn the
// enumeration comma 、 into its half-width form ､ (U+FF64) and 。 into ｡,
// which then show in the names.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		switch {
		case unicode.IsSpace(r), r == '\u200b', r == '\ufeff':
		case strings.ContainsRune("\"'“”‘’「」『』《》〈〉()（）[]【】", r):
		default:
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// beneficiaries end a leading phrase that says for whom, not what: "为经营
// 主体减税降费" measures 减税降费.
var beneficiaries = []string{"经营主体", "市场主体", "企业", "群众", "居民", "农民", "纳税人", "家庭", "个人"}

// benefits are what is done for a beneficiary, measured as such: "为企业
// 减税降费" is 减税降费, but "为企业服务次数" stays a count of services to
// firms.
var benefits = []string{"减税", "降费", "退税", "减负", "减免", "降低", "节约", "减轻", "发放", "兑现", "融资", "贷款", "担保", "新增贷款"}

// trimFor removes a leading "为…" or "向…" phrase ending with a
// beneficiary, when what follows is done for it (benefits).
func trimFor(s string) string {
	for _, p := range []string{"为", "向", "给", "帮助"} {
		rest, ok := strings.CutPrefix(s, p)
		if !ok {
			continue
		}
		for _, b := range beneficiaries {
			i := strings.Index(rest, b)
			if i < 0 {
				continue
			}
			after := rest[i+len(b):]
			for _, w := range benefits {
				if strings.HasPrefix(after, w) {
					return after
				}
			}
		}
	}
	return s
}

// trimWords strips the leading and trailing words repeatedly.
func trimWords(s string) string {
	for {
		s = DropLightVerb(trimFor(trimLeadingDate(s)))
		before := s
		for _, w := range leading {
			if rest, ok := strings.CutPrefix(s, w); ok && utf8.RuneCountInString(rest) >= 2 && !opensWord(s, w) {
				s = rest
			}
		}
		for _, w := range trailing {
			if rest, ok := strings.CutSuffix(s, w); ok && utf8.RuneCountInString(rest) >= 2 {
				s = rest
			}
		}
		s = trimEdges(s)
		if s == before {
			return s
		}
	}
}

// trimLeadingDate removes a date of the month a name may start with, the
// deadline of its clause: 12月底前新建学校 → 新建学校, 9月30日前完成整治,
// with the year before it (2025年3月底前).
func trimLeadingDate(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if y, ok := strings.CutPrefix(s[i:], "年"); ok && i == 4 {
		if t := trimLeadingDate(y); t != y {
			return t // 2025年3月底前开工项目
		}
		return s
	}
	rest, ok := strings.CutPrefix(s[i:], "月")
	if i == 0 || !ok {
		return s
	}
	j := 0
	for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	if j > 0 {
		if rest, ok = strings.CutPrefix(rest[j:], "日"); !ok {
			return s
		}
	}
	for _, w := range []string{"底", "末", "初", "上旬", "中旬", "下旬", "份"} {
		if r, ok := strings.CutPrefix(rest, w); ok {
			rest = r
			break
		}
	}
	for _, w := range []string{"之前", "前"} {
		if r, ok := strings.CutPrefix(rest, w); ok {
			rest = r
			break
		}
	}
	if utf8.RuneCountInString(rest) < 2 {
		return s
	}
	return rest
}

// unsplit are words whose first character is a leading word of its own
// (使, 和, 共, 再, 并, 及): 实际使用外资 is 使用外资, not 用外资.
var unsplit = []string{"使用", "和谐", "共享", "共建", "共有", "共同", "再生", "再就业", "再制造", "再融资", "并购", "并网", "及时"}

// opensWord reports whether the leading word w at the start of s is the
// first character of a word in unsplit.
func opensWord(s, w string) bool {
	for _, u := range unsplit {
		if strings.HasPrefix(u, w) && len(u) > len(w) && strings.HasPrefix(s, u) {
			return true
		}
	}
	return false
}

// trimEdges removes punctuation and digits left at the ends of a name by
// the figures around it, but not the digits of a word: 5G基站, 4K, PM2.5,
// 广义货币M2 end where the word ends.
func trimEdges(s string) string {
	edge := func(r rune) bool { return unicode.IsPunct(r) || unicode.IsDigit(r) }
	start := 0
	for start < len(s) {
		r, size := utf8.DecodeRuneInString(s[start:])
		if !edge(r) {
			break
		}
		start += size
	}
	if start > 0 && start < len(s) && isLatinLetter(s[start]) && unicode.IsDigit(rune(s[start-1])) {
		// 5G, 3D: the digits before a letter are the word's
		for start > 0 && (unicode.IsDigit(rune(s[start-1])) || s[start-1] == '.') {
			start--
		}
	}
	s = s[start:]
	end := len(s)
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !edge(r) {
			break
		}
		end -= size
	}
	if end < len(s) && end > 0 && isLatinLetter(s[end-1]) && unicode.IsDigit(rune(s[end])) {
		// PM2.5, M2: the digits after a letter are the word's
		for end < len(s) && (unicode.IsDigit(rune(s[end])) || s[end] == '.' && end+1 < len(s) && unicode.IsDigit(rune(s[end+1]))) {
			end++
		}
	}
	return s[:end]
}

func isLatinLetter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// DropLightVerb removes a light verb between whom a measure is for and
// what is done ("为困难家庭实施危房改造" is 困难家庭危房改造), with the
// preposition before them. 办理 is light only after such a preposition
// ("为困难群众办理临时救助" is 困难群众临时救助; "窗口办理业务" keeps it).
func DropLightVerb(s string) string {
	for _, lv := range []string{"实施", "开展", "进行", "办理"} {
		i := strings.Index(s, lv)
		if i <= 0 || utf8.RuneCountInString(s[i+len(lv):]) < 2 {
			continue
		}
		before := s[:i]
		for _, p := range []string{"为", "对", "给"} {
			before = strings.TrimPrefix(before, p)
		}
		if lv == "办理" && len(before) == i {
			continue // no preposition: 办理 is the action measured
		}
		if utf8.RuneCountInString(before) < 2 {
			return s
		}
		return before + s[i+len(lv):]
	}
	return s
}

// Dangling reports whether a name, as the words before a figure give it,
// is no name of the figure: it ends with a word that ties it to what
// follows — a conjunction (建成镇综治中心和, 重点工作及), a list's 等
// (滨河绿道工程等), the attributive 的 (公司运营的), the aspect 了 of a verb
// (解决了), a per (小麦最低收购价每) — so the figure counts or measures the
// noun after it; or it opens with 的 (的村: the head of a clause cut off),
// or it is a preposition with only a scope for its object (为全镇: for
// whom, not what). Words that end so of their own (总和, 普及, 参与,
// 目的, 平等) are names.
func Dangling(name string) bool {
	s := strings.TrimSpace(name)
	if s == "" {
		return false
	}
	if strings.HasPrefix(s, "的") && !strings.HasPrefix(s, "的士") {
		return true
	}
	for _, p := range []string{"为", "对", "向", "给", "在"} {
		if rest, ok := strings.CutPrefix(s, p); ok && scopes[rest] {
			return true
		}
	}
	last, size := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune("和及与或等的了每", last) || size == len(s) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:len(s)-size])
	return !strings.Contains(ownEnds[last], string(prev))
}

// reachVerbs are verbs whose object is what a figure right after them
// counts: 惠及4.32亿城镇职工, 带动2000人就业, 又有1000万人.
var reachVerbs = map[string]bool{
	"惠及": true, "覆盖": true, "带动": true, "吸纳": true, "服务": true, "帮助": true, "帮扶": true, "救助": true,
	"资助": true, "安置": true, "接待": true, "慰问": true, "走访": true, "涉及": true, "有": true, "又有": true,
	"还有": true, "共有": true, "拥有": true, "受益": true, "辐射": true,
}

// Reaches reports whether a name, as the words before a figure give it,
// is only a verb whose object the figure counts ("惠及" in "惠及1.6亿学
// 生"): the noun after the figure is the name.
func Reaches(name string) bool {
	return reachVerbs[strings.TrimSpace(name)]
}

// scopes are the places a figure is counted in; after a preposition alone
// they say for whom or where, not what.
var scopes = map[string]bool{
	"全国": true, "全省": true, "全市": true, "全区": true, "全县": true, "全镇": true, "全乡": true, "全街道": true,
	"全村": true, "辖区": true, "本镇": true, "本乡": true, "本街道": true, "我镇": true, "我乡": true, "我县": true,
	"我区": true, "我市": true, "我省": true,
}

// ownEnds are, for each character Dangling looks at the end of a name,
// the characters before it that make a word ending a name: 总和, 普及,
// 参与, 目的, 平等, 为了.
var ownEnds = map[rune]string{
	'和': "总共调饱缓平温柔祥谐", '及': "普涉波惠顾危企触提以", '与': "参给赠授", '或': "",
	'等': "平同高中初对均优上次一二三头", '的': "目标", '了': "为除罢", '每': "",
}

// lowerBetter are words of indicators where less is better: prices,
// unemployment, energy use, emissions, deficits, accidents.
var lowerBetter = []string{
	"居民消费价格", "物价", "失业率", "能耗", "排放", "赤字", "事故", "死亡", "发案", "负债率", "污染",
	"贫困人口", "返贫", "信访", "火灾", "PM2.5", "细颗粒物", "浓度",
}

// LowerIsBetter reports whether less of the indicator with key is better.
func LowerIsBetter(key string) bool {
	for _, w := range lowerBetter {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}

// Similarity scores how well the name with key k is found in text t (both
// folded): 1 when t contains k, else the share of k's character pairs
// found in t. It is 0 for a key of one character.
func Similarity(k, t string) float64 {
	if k == "" {
		return 0
	}
	if strings.Contains(t, k) {
		return 1
	}
	kr := []rune(k)
	if len(kr) < 2 {
		return 0
	}
	found := 0
	for i := 0; i+1 < len(kr); i++ {
		if strings.Contains(t, string(kr[i:i+2])) {
			found++
		}
	}
	return float64(found) / float64(len(kr)-1)
}

// doingWords are the verbs (and their adverbs) of building and doing that a
// figure is often named by alone when its object is in the clause before
// ("新开工保障性安居工程666万套，基本建成544万套").
var doingWords = []string{
	"基本建成", "建成投用", "建成", "新开工", "开工建设", "开工", "竣工", "完工", "完成", "实现", "新建", "改建", "改造",
	"启动", "投产", "投用", "交付", "基本", "全面", "累计", "共",
}

// threshold is a count of what passes a threshold: "村集体经营性收入10万元
// 以上的村" is subject 村集体经营性收入, bound 10万元以上, head 村.
type threshold struct{ subject, bound, head string }

// thresholdRE matches a folded key that counts what passes a threshold: a
// figure with a comparator before (超过10万元) or after it (10万元以上),
// then 的 and the noun counted.
var thresholdRE = regexp.MustCompile(`^(.*?)(超过|高于|大于|逾|超)?([0-9]+(?:\.[0-9]+)?)([^0-9的]{0,4}?)(及以上|以上|及以下|以下)?的(\p{Han}+)$`)

// thresholdOf parses a key that counts what passes a threshold; "以上",
// "超过 …" and the like are one bound.
func thresholdOf(key string) (threshold, bool) {
	if !strings.Contains(key, "的") {
		return threshold{}, false
	}
	m := thresholdRE.FindStringSubmatch(key)
	if m == nil || m[2] == "" && m[5] == "" {
		return threshold{}, false // 5G的: no comparator, no threshold
	}
	dir := "以上"
	if strings.HasSuffix(m[5], "以下") {
		dir = "以下"
	}
	subject := strings.TrimRight(m[1], "均都达在")
	return threshold{subject: subject, bound: m[3] + m[4] + dir, head: m[6]}, true
}

// Elided reports whether a key counts what passes a threshold without
// saying what is measured ("超过10万元的村"): its subject is in the clause
// before.
func Elided(key string) bool {
	q, ok := thresholdOf(key)
	return ok && q.subject == ""
}

// Elliptic reports whether a key is only verbs of doing: it names its
// figure together with the object of the clause before.
func Elliptic(key string) bool {
	return key != "" && StripVerbs(key) == ""
}

// averaged reports whether a key names a rate, a share or an average,
// which 提高 and 提升 change (提高城镇化率), unlike a count.
func averaged(key string) bool {
	for _, w := range []string{"率", "比重", "占比", "比例", "指数", "水平", "人均", "平均", "强度"} {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}

// StripVerbs removes verbs of doing from the start of a name: 新开工保障性
// 安居工程 gives 保障性安居工程.
func StripVerbs(s string) string {
	for {
		t := s
		for _, w := range doingWords {
			s = strings.TrimPrefix(s, w)
		}
		if s == t {
			return s
		}
	}
}

// actingVerbs are verbs of doing that a target names its indicator with
// and that narrow nothing: 退出钢铁产能 is the 钢铁产能 a later report says
// was cut. Verbs of change (减少, 提高) and of flow (新增, 累计) are not
// among them: they make another measure of the indicator.
var actingVerbs = []string{
	"退出", "淘汰", "化解", "压减", "完成", "实现", "实施", "推进", "开展", "建成", "建设", "培育", "引进", "招引",
	"解决", "帮助", "安置", "整治", "治理", "推动", "落实", "组织", "举办", "打造", "创建",
	"招商引资", // 招商引资到位资金 is the 到位资金 a review gives: funds arrive only from investment promotion
}

// Acted reports whether target is evidence with verbs of doing before it
// and nothing else: 退出钢铁产能 and 钢铁产能, 完成造林 and 造林.
func Acted(target, evidence string) bool {
	rest, ok := strings.CutSuffix(target, evidence)
	if !ok || rest == "" || Bare(evidence) {
		return false
	}
	for rest != "" {
		found := false
		for _, v := range actingVerbs {
			if r, ok := strings.CutPrefix(rest, v); ok {
				rest, found = r, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// narrowing are the words before a general indicator's name that make it
// another indicator: a ratio to it (单位生产总值能耗 is read as 单位 +
// 生产总值 + 能耗, 占生产总值比重), a per-head figure (人均), or one part of
// it told apart from the other (城镇 and 农村 incomes, 省级 and 市级
// titles).
var narrowing = []string{"占", "单位", "人均", "万元", "每", "城镇", "农村", "城市", "乡村", "国家级", "省级", "市级", "县级", "区级"}

// Match scores how well the indicator named by an evidence key (a later
// report's figure) stands for a target key: 1 for the same indicator, 0
// for another one, the share of the target's character pairs found in the
// evidence otherwise (reordered names: 工业企业小升规 and 小升规工业企业).
//
// A more specific name never matches a more general one's evidence: when
// the evidence's key is part of the target's (单位生产总值能耗 and 生产总值,
// 农村居民人均可支配收入 and 居民人均可支配收入), the target measures
// something the evidence does not, and the score is 0. The other way, a
// target is matched by the evidence of a narrower scope of the same
// indicator when the words before it only restrict the scope (规模以上工业
// 增加值 for 工业增加值), never when they make another indicator of it
// (narrowing words) or when words follow it (生产总值能耗, 生产总值比重).
func Match(target, evidence string) float64 {
	s := match(target, evidence)
	if s >= 1 {
		return s
	}
	if t, e := near.Replace(target), near.Replace(evidence); t != target || e != evidence {
		s = max(s, 0.8*match(t, e)) // 新增企业 for 新增市场主体: likely, not certain
	}
	return s
}

// near rewrites names that usually, not always, mean one indicator: 企业
// (firms) are most of the 市场主体 (market entities) a report counts,
// lightening firms' tax and social-security burden is 减税降费, and the
// 保障性安居工程 a report counts are mostly 城镇保障性住房. Match
// scores a pair that is one only through them at 0.8 of its score.
var near = strings.NewReplacer(
	"城镇保障性住房", "保障性安居工程",
	"保障性住房", "保障性安居工程",
	"减轻企业税收和社保缴费负担", "减税降费",
	"减轻企业税费负担", "减税降费",
	"减税费", "减税降费",
	"企业", "市场主体",
)

// Inside reports whether the name found at s[i:j] of a folded text is part
// of a more specific indicator there: a narrowing word before it (单位,
// 人均, 占 …) or words after it that make another indicator of it (能耗,
// 比重, 强度): "生产总值" inside "单位生产总值能耗".
func Inside(s string, i, j int) bool {
	for _, w := range narrowing {
		if strings.HasSuffix(s[:i], w) {
			return true
		}
	}
	for _, w := range []string{"能耗", "比重", "的比重", "占比", "强度", "指数", "增加值", "率"} {
		if strings.HasPrefix(s[j:], w) {
			return true
		}
	}
	return false
}

func match(target, evidence string) float64 {
	if target == "" || evidence == "" {
		return 0
	}
	if target == evidence {
		return 1
	}
	tq, tok := thresholdOf(target)
	eq, eok := thresholdOf(evidence)
	switch {
	case tok && eok && tq.bound == eq.bound && tq.head == eq.head:
		if tq.subject == eq.subject {
			return 1
		}
		if eq.subject == "" {
			return 0.8 // "…收入均超过5万元，其中超过10万元的村达到18个": the subject is in the clause before
		}
		return 0
	case tok || eok:
		return 0 // the villages past a threshold are not the villages, nor those past another
	}
	if Equivalent(target, evidence) {
		return 1 // 盘活闲置楼宇面积 and 盘活闲置楼宇: the unit says it is an area
	}
	if strings.Contains(target, evidence) {
		if Acted(target, evidence) {
			return 0.9 // 退出钢铁产能 is 钢铁产能 cut: a verb of doing narrows nothing
		}
		if Elliptic(evidence) && strings.HasSuffix(target, evidence) {
			return 0.8 // "…，基本建成544万套": a verb whose object is in the clause before
		}
		return 0 // the target is more specific than the evidence
	}
	if i := strings.LastIndex(evidence, target); i >= 0 {
		before, after := evidence[:i], evidence[i+len(target):]
		if after != "" {
			return 0 // 生产总值能耗, 生产总值比重: another indicator
		}
		for _, w := range narrowing {
			if strings.Contains(before, w) {
				return 0 // 农村常住居民人均可支配收入 is not 居民人均可支配收入
			}
		}
		return 1 // 规模以上工业增加值 for 工业增加值
	}
	for _, w := range narrowing {
		if strings.Contains(target, w) != strings.Contains(evidence, w) {
			return 0 // a near name that narrows differently: 农村居民… and …居民…
		}
	}
	if reordered(target, evidence) {
		return 0.9 // 征收房屋 and 房屋征收
	}
	return Similarity(target, evidence)
}

// measureHeads name what the unit already says: a name with one and the
// same name without it are one indicator (units are compared apart).
var measureHeads = []string{"面积", "规模", "长度", "里程"}

// Equivalent reports whether two keys differ only by a measure head
// (面积, 规模 …) after a name of at least three characters: 盘活闲置楼宇面积
// and 盘活闲置楼宇 are one indicator, 新增里程 and 新增 are not.
func Equivalent(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	for _, h := range measureHeads {
		if a == b+h && utf8.RuneCountInString(b) >= 3 && !Bare(b) {
			return true
		}
	}
	return false
}

// reordered reports whether b is a's two parts the other way round: a is
// X+Y, b is Y+X, each part at least two characters (征收房屋 and 房屋征收,
// 改造老旧小区 and 老旧小区改造).
func reordered(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	ra := []rune(a)
	for i := 2; i+2 <= len(ra); i++ {
		if string(ra[i:])+string(ra[:i]) == b {
			return true
		}
	}
	return false
}

// flowWords count what a period adds; stockWords what there is at its end
// (a network's length, a total, a balance); levelWords say a stock reached
// a level ("铁路营业里程达到12.1万公里").
var (
	flowWords  = []string{"新增", "新投产", "新建", "新开工", "新改建", "新改造", "新通车", "新铺设", "新装", "当年"}
	stockWords = []string{"营业里程", "通车里程", "运营里程", "总里程", "保有量", "存量", "余额", "总数", "累计", "总计", "总装机", "总规模"}
	levelWords = []string{"达到", "突破", "超过", "跃上", "站上", "迈上"}
)

// Flow and Stock are the measures a clause can count.
const (
	Flow  = "flow"
	Stock = "stock"
)

// Measure says what the words of a clause before a figure count: Flow
// ("新投产铁路8000公里"), Stock ("铁路营业里程12.1万公里", "…总数", "…余额"),
// or "" when they say neither or both.
func Measure(clause string) string {
	flow, stock := hasAny(clause, flowWords), hasAny(clause, stockWords)
	switch {
	case flow && !stock:
		return Flow
	case stock && !flow:
		return Stock
	}
	return ""
}

// SameMeasure reports whether a figure told by the evidence clause may
// stand for a target told by the target clause: a flow is never met by a
// stock ("新投产铁路8000公里" by "铁路营业里程达到12.1万公里", which counts
// every year's railways), nor a stock by a flow. A clause that only says a
// level was reached ("…里程达到…") counts a stock against a flow.
func SameMeasure(target, evidence string) bool {
	t, e := Measure(target), Measure(evidence)
	if e == "" && hasAny(evidence, levelWords) && !hasAny(evidence, flowWords) {
		e = Stock
	}
	return t == "" || e == "" || t == e
}

func hasAny(s string, list []string) bool {
	for _, w := range list {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
