package quantity

import (
	"strings"
	"unicode/utf8"

	"zongjie/internal/words"
)

// unit describes a unit word: its base unit and the factor to reach it.
type unit struct {
	base   string
	factor float64
	// noScale is set for units that take no 万/亿 prefix (%, 年, 岁).
	noScale bool
	// digitsOnly is set for nouns that act as units only after a real
	// number, never after a placeholder (5村5居, but **村 is a name).
	digitsOnly bool
	// arabicOnly is set for units that are dates or words after a Chinese
	// numeral (三年行动, 七月).
	arabicOnly bool
	// scaleOnly is set for units that are units only after a multiplier:
	// 120万度 is electricity, 35度 a temperature or an angle.
	scaleOnly bool
}

// units maps the unit words of reports to their base. Prefixes 万, 亿,
// 万亿, 千万, 百万 and 十万 combine with every unit that is not noScale.
var units = map[string]unit{
	// Money.
	"元": {base: "元", factor: 1}, "千元": {base: "元", factor: 1e3}, "美元": {base: "美元", factor: 1},
	"欧元": {base: "欧元", factor: 1}, "港元": {base: "港元", factor: 1}, "块": {base: "块", factor: 1},
	// People and counts.
	"人": {base: "人", factor: 1}, "名": {base: "人", factor: 1}, "位": {base: "人", factor: 1},
	"人次": {base: "人次", factor: 1}, "户": {base: "户", factor: 1}, "户次": {base: "户次", factor: 1},
	"家": {base: "家", factor: 1}, "家次": {base: "家次", factor: 1}, "个": {base: "个", factor: 1},
	"项": {base: "项", factor: 1}, "件": {base: "件", factor: 1}, "次": {base: "次", factor: 1},
	"场": {base: "场", factor: 1}, "场次": {base: "场次", factor: 1}, "批": {base: "批", factor: 1},
	"批次": {base: "批次", factor: 1}, "期": {base: "期", factor: 1}, "起": {base: "起", factor: 1},
	"宗": {base: "宗", factor: 1}, "处": {base: "处", factor: 1}, "条": {base: "条", factor: 1},
	"篇": {base: "篇", factor: 1}, "份": {base: "份", factor: 1}, "套": {base: "套", factor: 1},
	"台": {base: "台", factor: 1}, "台次": {base: "台次", factor: 1}, "辆": {base: "辆", factor: 1},
	"座": {base: "座", factor: 1}, "栋": {base: "栋", factor: 1}, "幢": {base: "幢", factor: 1},
	"间": {base: "间", factor: 1}, "所": {base: "所", factor: 1}, "张": {base: "张", factor: 1},
	"支": {base: "支", factor: 1}, "株": {base: "株", factor: 1}, "棵": {base: "棵", factor: 1},
	"头": {base: "头", factor: 1}, "只": {base: "只", factor: 1}, "匹": {base: "匹", factor: 1},
	"尾": {base: "尾", factor: 1}, "卷": {base: "卷", factor: 1}, "口": {base: "口", factor: 1},
	"对": {base: "对", factor: 1}, "组": {base: "组", factor: 1}, "队": {base: "队", factor: 1},
	"本": {base: "本", factor: 1}, "册": {base: "册", factor: 1}, "部": {base: "部", factor: 1},
	"种": {base: "种", factor: 1}, "类": {base: "类", factor: 1}, "门": {base: "门", factor: 1},
	"节": {base: "节", factor: 1}, "课": {base: "课", factor: 1}, "段": {base: "段", factor: 1},
	"片": {base: "片", factor: 1}, "根": {base: "根", factor: 1}, "盏": {base: "盏", factor: 1},
	"把": {base: "把", factor: 1}, "例": {base: "例", factor: 1}, "笔": {base: "笔", factor: 1},
	"轮": {base: "轮", factor: 1}, "层": {base: "层", factor: 1}, "车": {base: "车", factor: 1},
	"车次": {base: "车次", factor: 1}, "架次": {base: "架次", factor: 1}, "班次": {base: "班次", factor: 1},
	"趟": {base: "趟", factor: 1}, "艘": {base: "艘", factor: 1}, "枚": {base: "枚", factor: 1},
	"床": {base: "床", factor: 1}, "张床位": {base: "张床位", factor: 1}, "个床位": {base: "张床位", factor: 1},
	"列": {base: "列", factor: 1}, "列次": {base: "列次", factor: 1}, "艘次": {base: "艘次", factor: 1},
	"辆次": {base: "辆次", factor: 1}, "航次": {base: "航次", factor: 1}, "亩次": {base: "亩次", factor: 1},
	"册次": {base: "册次", factor: 1}, "件次": {base: "件次", factor: 1},
	"学时": {base: "学时", factor: 1}, "课时": {base: "课时", factor: 1}, "工日": {base: "工日", factor: 1},
	"个工日": {base: "工日", factor: 1}, "人口": {base: "人", factor: 1}, "人员": {base: "人", factor: 1},
	"村": {base: "村", factor: 1, digitsOnly: true}, "居": {base: "居", factor: 1, digitsOnly: true},
	"镇": {base: "镇", factor: 1, digitsOnly: true}, "乡": {base: "乡", factor: 1, digitsOnly: true},
	"县": {base: "县", factor: 1, digitsOnly: true},
	// Area, length, volume, mass, energy.
	"亩": {base: "亩", factor: 1}, "公顷": {base: "公顷", factor: 1}, "平方米": {base: "平方米", factor: 1},
	"平米": {base: "平方米", factor: 1}, "平方": {base: "平方米", factor: 1}, "㎡": {base: "平方米", factor: 1},
	"m²": {base: "平方米", factor: 1}, "m2": {base: "平方米", factor: 1},
	"平方公里": {base: "平方公里", factor: 1}, "平方千米": {base: "平方公里", factor: 1}, "km²": {base: "平方公里", factor: 1},
	"立方米": {base: "立方米", factor: 1}, "方": {base: "立方米", factor: 1, arabicOnly: true}, "m³": {base: "立方米", factor: 1},
	"米": {base: "米", factor: 1}, "公里": {base: "公里", factor: 1}, "千米": {base: "公里", factor: 1},
	"km": {base: "公里", factor: 1}, "厘米": {base: "米", factor: 0.01}, "毫米": {base: "米", factor: 0.001},
	"延米": {base: "米", factor: 1}, "吨": {base: "吨", factor: 1}, "千克": {base: "千克", factor: 1},
	"公斤": {base: "千克", factor: 1}, "kg": {base: "千克", factor: 1}, "斤": {base: "斤", factor: 1},
	"克": {base: "克", factor: 1}, "升": {base: "升", factor: 1}, "毫升": {base: "升", factor: 0.001},
	"千瓦": {base: "千瓦", factor: 1}, "kW": {base: "千瓦", factor: 1}, "兆瓦": {base: "千瓦", factor: 1e3},
	"MW": {base: "千瓦", factor: 1e3}, "吉瓦": {base: "千瓦", factor: 1e6}, "GW": {base: "千瓦", factor: 1e6},
	"千瓦时": {base: "千瓦时", factor: 1}, "kWh": {base: "千瓦时", factor: 1}, "度": {base: "千瓦时", factor: 1, scaleOnly: true},
	"兆瓦时": {base: "千瓦时", factor: 1e3}, "MWh": {base: "千瓦时", factor: 1e3},
	"千伏安": {base: "千伏安", factor: 1}, "kVA": {base: "千伏安", factor: 1}, "兆伏安": {base: "千伏安", factor: 1e3},
	"MVA": {base: "千伏安", factor: 1e3}, "吨公里": {base: "吨公里", factor: 1}, "人公里": {base: "人公里", factor: 1},
	"微克": {base: "微克", factor: 1}, "毫克": {base: "毫克", factor: 1},
	"千伏": {base: "千伏", factor: 1}, "kV": {base: "千伏", factor: 1}, "伏": {base: "伏", factor: 1},
	"标箱": {base: "标箱", factor: 1}, "TEU": {base: "标箱", factor: 1}, "吨标准煤": {base: "吨标准煤", factor: 1},
	"吨标煤": {base: "吨标准煤", factor: 1}, "千卡": {base: "千卡", factor: 1},
	"兆帕": {base: "兆帕", factor: 1}, "℃": {base: "℃", factor: 1, noScale: true},
	// Time and age.
	"年": {base: "年", factor: 1, noScale: true, arabicOnly: true}, "个月": {base: "月", factor: 1, noScale: true},
	"天": {base: "天", factor: 1, noScale: true}, "小时": {base: "小时", factor: 1, noScale: true},
	"分钟": {base: "分钟", factor: 1, noScale: true}, "秒": {base: "秒", factor: 1, noScale: true},
	"周": {base: "周", factor: 1, noScale: true}, "周年": {base: "周年", factor: 1, noScale: true},
	"个工作日": {base: "天", factor: 1, noScale: true}, "工作日": {base: "天", factor: 1, noScale: true},
	"个季度": {base: "季度", factor: 1, noScale: true},
	"岁":   {base: "岁", factor: 1, noScale: true}, "周岁": {base: "岁", factor: 1, noScale: true},
	// Ratios.
	"%": {base: "%", factor: 1, noScale: true}, "％": {base: "%", factor: 1, noScale: true},
	"‰": {base: "‰", factor: 1, noScale: true}, "‱": {base: "‱", factor: 1, noScale: true}, "个百分点": {base: "个百分点", factor: 1, noScale: true},
	"百分点": {base: "个百分点", factor: 1, noScale: true}, "倍": {base: "倍", factor: 1, noScale: true},
	"成": {base: "%", factor: 10, noScale: true},
}

// scales are the multiplier prefixes of units, longest first.
var scales = []struct {
	word   string
	factor float64
}{
	{"万亿", 1e12}, {"千万", 1e7}, {"百万", 1e6}, {"十万", 1e5}, {"万", 1e4}, {"亿", 1e8},
}

// unitSet finds the unit words at a position, longest first.
var unitSet = func() *words.Set {
	list := make([]string, 0, len(units))
	for w := range units {
		list = append(list, w)
	}
	return words.NewSet(list...)
}()

// chengIsUnitBefore are the characters before which 成 is a unit: an
// approximation, the end of a clause.
var chengIsUnitBefore = words.NewCutset("以左多的，。、；）,.;)!?！？：:")

// notUnitAfter lists, for unit words that begin common nouns and verbs,
// the characters that make them a word instead: 人民, 项目, 处理, 组织.
var notUnitAfter = map[string]string{
	"人": "民大才们员口工力均群为物士事际", "名": "单称义额誉优牌师片", "位": "置于列居次",
	"户": "口籍外型", "家": "庭园乡具居属长务族底电政", "个": "人体性别案例", "项": "目链",
	"件": "事", "次": "数日要序", "场": "所地景面馆合", "批": "准示复", "期": "间待望限末初中盼刊工建项",
	"起": "来步点始草诉", "处": "理置分罚室长级于在境", "条": "件例款目线块", "份": "额子",
	"套": "餐", "台": "账阶风", "座": "谈", "间": "隔", "所": "属有在谓以得需辖长", "张": "贴",
	"支": "持部出付队撑柱", "头": "部脑雁羊", "只": "有要是能", "对": "象接于照标口应待外",
	"组": "织建成合团长员", "队": "伍员", "本": "地次级着领市县区镇乡村土身届", "部": "署门分长委",
	"种": "植养子类", "类": "型别似", "门": "口户槛诊类", "节": "点约日能", "课": "程题",
	"段": "落", "片": "区", "根": "据本源", "把": "握关", "例": "如会", "笔": "记", "轮": "番",
	"层": "面级次", "车": "间辆位站道", "村": "民组级委庄落", "居": "民住家委", "镇": "村级区域政",
	"乡": "村镇级", "县": "级城域委", "列": "入车席举为出支表明", "元": "旦宵素", "米": "面粉饭", "方": "面式案向法便位针略",
	"年": "度代级轻龄", "尾": "声款号部数巴气矿", "卷": "烟尺帘宗材面", "口": "径岸罩号令碑头味感气语述腔音子供服吻袋",
	"天": "然地津下气", "周": "边期围末", "吨": "位", "亩": "产均", "倍": "增", "秒": "杀",
	"克": "服难", "升": "级温学", "岁": "月末",
}

// matchUnit returns the unit word at the start of s, with its description
// and scale (the factor of a 万/亿 prefix, 1 if none). digits is true after
// a real number (not a placeholder); arabic after an Arabic number.
func matchUnit(s string, digits, arabic bool) (word string, u unit, scale float64, size int) {
	if n := perPopulation(s); n > 0 {
		// A rate per so many people: 发病率186.3/10万.
		return s[:n], unit{base: s[:n], factor: 1, noScale: true}, 1, n
	}
	scale = 1
	prefix := 0
	for _, sc := range scales {
		if strings.HasPrefix(s, sc.word) {
			scale, prefix = sc.factor, len(sc.word)
			break
		}
	}
	rest := s[prefix:]
	// Longest unit word first.
	if rest != "" {
		for _, w := range unitSet.Candidates(rest, 0) {
			if !strings.HasPrefix(rest, w) {
				continue
			}
			d := units[w]
			switch {
			case d.noScale && prefix > 0:
			case d.scaleOnly && prefix == 0:
			case d.digitsOnly && (!digits || prefix > 0):
			case d.arabicOnly && !arabic:
			case blockedAfter(w, rest[len(w):]):
			default:
				n := prefix + len(w)
				if !d.noScale {
					if per, pd, m := perUnit(s[n:]); m > 0 {
						// A unit over a unit: 微克/立方米, 万吨/日, 元/平方米.
						d.base += "/" + per
						d.factor /= pd
						return s[:n] + s[n:n+m], d, scale, n + m
					}
				}
				return s[:n], d, scale, n
			}
		}
	}
	if prefix > 0 {
		// A bare multiplier: "237.15万", "十余万".
		return s[:prefix], unit{base: ""}, scale, prefix
	}
	return "", unit{}, 1, 0
}

// splitScale splits a unit word into its multiplier and its measure word:
// 万人 → 万, 人; 亿元 → 亿, 元; 人 → "", 人.
func splitScale(word string) (mult, measure string) {
	for _, sc := range scales {
		if strings.HasPrefix(word, sc.word) {
			return sc.word, word[len(sc.word):]
		}
	}
	return "", word
}

// perUnit reads the second half of a unit over a unit at the start of s:
// "/立方米", "／日", "/万元". It returns the denominator's base unit (a
// multiplier in it is kept: 吨标准煤/万元 is its own unit), the factor
// that brings it to that base, and the length read, 0 when none.
func perUnit(s string) (base string, factor float64, n int) {
	sep := perSign(s)
	if sep == 0 {
		return "", 0, 0
	}
	rest := s[sep:]
	mult := ""
	for _, sc := range scales {
		if strings.HasPrefix(rest, sc.word) {
			mult = sc.word
			break
		}
	}
	if w := perSet.At(rest, len(mult)); w != "" {
		if d, ok := units[w]; ok {
			return mult + d.base, d.factor, sep + len(mult) + len(w)
		}
		return mult + w, 1, sep + len(mult) + len(w)
	}
	return "", 0, 0
}

// perSign returns the length of the slash, half- or full-width, at the
// start of s, 0 if none.
func perSign(s string) int {
	switch {
	case strings.HasPrefix(s, "/"):
		return 1
	case strings.HasPrefix(s, "／"):
		return len("／")
	}
	return 0
}

// perPopulation returns the length of a rate's population base at the
// start of s ("/10万", "／万", "/10万人"), 0 if none: a rate of cases per
// so many people, not a unit over a unit (元/万元) nor a fraction.
func perPopulation(s string) int {
	n := perSign(s)
	if n == 0 {
		return 0
	}
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if !strings.HasPrefix(s[n:], "万") && !strings.HasPrefix(s[n:], "千") {
		return 0
	}
	n += len("万")
	if strings.HasPrefix(s[n:], "元") || strings.HasPrefix(s[n:], "吨") || strings.HasPrefix(s[n:], "米") ||
		strings.HasPrefix(s[n:], "瓦") || strings.HasPrefix(s[n:], "克") {
		return 0 // 元/万元, 吨/千米: a unit over a unit
	}
	for _, p := range []string{"人口", "人"} {
		if strings.HasPrefix(s[n:], p) {
			return n + len(p)
		}
	}
	return n
}

// perWords are the denominators of a unit over a unit besides the unit
// words: the times a rate is per.
var perWords = []string{"日", "月", "年", "季度", "时", "秒"}

var perSet = func() *words.Set {
	list := append([]string{}, perWords...)
	for w, d := range units {
		if d.base != "%" && d.base != "‰" && d.base != "‱" && d.base != "个百分点" {
			list = append(list, w)
		}
	}
	return words.NewSet(list...)
}()

// blockedAfter reports whether the text after unit word w makes it part of
// a longer word (项目, 处理), or an ASCII unit runs on into a word.
func blockedAfter(w, after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	if r == utf8.RuneError {
		return false
	}
	if c := w[len(w)-1]; c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}
	if w == "成" {
		// 三成 is 30%, but 成 starts many words (建成, 成立): take it only
		// before an approximation or the end of a clause.
		return !chengIsUnitBefore.Contains(r)
	}
	if set, ok := notUnitAfter[lastRune(w)]; ok && strings.ContainsRune(set, r) {
		// A whole two-character unit (人次, 个月) is never blocked by its
		// own second character; only single-character units are.
		return utf8.RuneCountInString(w) == 1
	}
	return false
}

func lastRune(s string) string {
	_, size := utf8.DecodeLastRuneInString(s)
	return s[len(s)-size:]
}
