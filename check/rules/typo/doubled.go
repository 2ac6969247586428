package typo

import (
	"strings"

	"zongjie/check"
	"zongjie/document"
)

// doubledChar is a function character checked for doubling, with the
// characters around a doubled pair that make it correct: one in before
// ends a word with the character (目的的, 不了了之's 不), one in after starts
// a word with it (的的确确, 为了了解, 就就业问题).
type doubledChar struct {
	char          string
	before, after string
}

// doubledChars lists the characters of TY005. Reduplicated words that are
// right (等等, 常常, 天天, 人人, 年年, 层层, 处处, 事事, 种种, 渐渐, 刚刚)
// are not listed; neither is 对, whose 对对 is too often 对 + 对X.
var doubledChars = []doubledChar{
	{"的", "目标打", "确士哥姐卢黎"},
	{"了", "不时", "解结之然如却断得望无若账事"},
	{"是", "但可要若还就凡总只而正于或倒硬算像真老便乃实即不确光尤", "非否"},
	{"在", "实现存所正内外潜自好旨意重贵难志健不犹尚同常何", "建职岗校线册途编押库用营售产读研谈任望场世野行案即内理家外逃劫乎于办审手身位华京沪役"},
	{"和", "祥总温平缓调融饱共柔随附讲人中谦暖亲违求议失协搅掺凑应唱太保清加缀", "谐睦美气平善蔼顺解好约煦衷谈亲弦田风畅合乐悦缓声稀盘事暖光而为鸣局棋"},
	{"与", "参给赋授赠寄赐付交施相让干", "会否其时日人世众共"},
	{"及", "以涉危普顾论企不来波惠追遍提触殃所可早未兼旁言累推延", "时早格第物"},
	{"把", "一车火门刀两几这那每扫锄枪", "关握手脉控持柄戏舵守门式头兄玩酒"},
	{"被", "棉植覆丝毛羽床", "告害执保选监继审征救扶抚赡评访调授申投检查代侵拆动迫子褥单套罩服捕"},
	{"将", "大主干老名即武猛良小少上中悍强败闯虎麻点激遣必终行也都还又已均正并仍亦才便就", "来军领士帅近要会就心计息养"},
	{"也", "", ""},
	{"都", "首成京古国故建定迁旧帝陪魔商东西南北花水", "市会城督江匀昌兰柏"},
	{"就", "成造迁屈将俯早高去", "业医学餐诊近地职任位绪座读此寝范义事着势"},
	{"还", "偿归退返送讨交奉清生赎发追索催借找往璧", "款贷债原乡本击清钱账息建迁田手价嘴礼愿俗魂阳给"},
	{"并", "合兼吞归一裁撤火扩整", "购入网联存重举行发肩轨列表线案立蒂称用置"},
	{"其", "尤极与何土各不出究及充若", "他中实余次它间后所一二三乐貌"},
	{"之", "总加反随为与置使持因以言视代取听用得受行安处对而继次由若久胜从及伴甚要称谓名", "前后间中外内上下一所乎际类初末余久时"},
	{"于", "", "是"},
}

// doubledByPair maps a doubled pair ("的的") to its character's guards.
var doubledByPair = func() map[string]*doubledChar {
	m := make(map[string]*doubledChar, len(doubledChars))
	for i := range doubledChars {
		d := &doubledChars[i]
		m[d.char+d.char] = d
	}
	return m
}()

// doubledWords finds the doubled pairs.
var doubledWords = func() *check.Words {
	list := make([]string, 0, len(doubledByPair))
	for pair := range doubledByPair {
		list = append(list, pair)
	}
	return check.NewWords(list...)
}()

// Doubled reports a function character written twice (的的, 了了, 在在).
var Doubled = &check.Rule{
	ID: "TY005", Name: "doubled-char", Category: check.Typo, Severity: check.Error,
	Doc: check.Doc{
		Title: "虚词重复",
		Text: "“的、了、是、在、和、与、及、把、被、将、也、都、就、还、并、其、之、于”等虚词连写两次，多为录入时多敲了一个字，删去一个即可。" +
			"与前后文字组成词语的不算重复（“目的的”“的的确确”“为了了解”“不了了之”“实实在在”“就就业问题”）。",
		Wrong:  "全面完成了了年度目标，群众的的满意度持续提升。",
		Right:  "全面完成了年度目标，群众的满意度持续提升。",
		Source: "公文校对常规：重复字（多字）",
	},
	Run: runDoubled,
}

// runDoubled scans for the doubled pairs and reports those whose
// neighbours do not make them correct.
func runDoubled(p *check.Pass) {
	text := p.File.Text
	for _, m := range p.Find(doubledWords) {
		d := doubledByPair[m.Word]
		end := m.Span.Start + len(m.Word)
		if strings.ContainsRune(d.before, prevRune(text, m.Span.Start)) ||
			strings.ContainsRune(d.after, nextRune(text, end)) || skip(p, m.Span.Start) {
			continue
		}
		span := document.Span{Start: m.Span.Start, End: end}
		p.Report(span, "“"+m.Word+"”中“"+d.char+"”重复，应删去一个",
			check.Fix{Message: "删去重复的“" + d.char + "”", Replacement: d.char, Certain: true})
	}
}
