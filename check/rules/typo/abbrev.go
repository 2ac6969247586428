package typo

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Abbreviations of place names (README.md, "TY008", "Abbreviations and
// names"). Reports join the one-character names of provinces and cities
// into words no lexicon lists: two or more names (苏锡常, 京蒙协作, 哈大齐,
// 川渝), a name and a direction (蒙东, 辽西, 浙西南, 南疆), a name and a
// word of trade (津企, 甘味, 黔货, 陇药). A span whose replaced character
// is part of such a compound is an abbreviation, not a typo.

// cityNames lists the prefecture-level divisions by province (and a few
// places that reports abbreviate as they do cities: 雄安, 滨海新区, 浦东),
// each with its one-character names after a colon where they are not
// just its first character (无锡 锡, 宁波 甬, 长株潭's 湘潭 潭).
const cityNames = `
石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 雄安
太原:太并 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁
呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 兴安盟 锡林郭勒 阿拉善
沈阳 大连:大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛
长春 吉林 四平 辽源 通化 白山 松原 白城 延边
哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 大兴安岭
南京:宁 无锡:锡 徐州 常州 苏州 南通:通 连云港:连 淮安 盐城 扬州 镇江 泰州 宿迁
杭州 宁波:甬 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水
合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城
福州:福榕 厦门:厦鹭 莆田 三明 泉州 漳州 南平 龙岩 宁德
南昌:昌洪 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶
济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽
郑州 开封:汴 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源
武汉:汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 仙桃 潜江 天门 神农架
长沙 株洲 湘潭:潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西
广州:穗 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮
南宁:邕 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左
海口 三亚 三沙 儋州
成都:蓉 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 阿坝 甘孜 凉山
贵阳:筑 六盘水 遵义 安顺 毕节 铜仁
昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 楚雄 红河 文山 西双版纳 大理 德宏 怒江 迪庆
拉萨 日喀则 昌都 林芝 山南 那曲 阿里
西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛 杨凌
兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 临夏 甘南
西宁 海东 黄南 果洛 玉树 海西
银川 石嘴山 吴忠 固原 中卫
乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉 博尔塔拉 巴音郭楞 阿克苏 克孜勒苏 喀什 和田 伊犁 塔城 阿勒泰 石河子
滨海新区:滨 浦东:浦
`

// provinceNamesMore are one-character names of provinces besides those
// of regionAbbrs (新疆 疆: 南疆, 北疆).
const provinceNamesMore = "疆"

// directions follow a name (蒙东, 苏北, 浙西南, 黔东南) or, before a
// province's, lead it (南疆, 东蒙). 中 is none: 吉中 is more often a typo
// of 集中 than central 吉林.
const directions = "东西南北"

// tradeWords follow a name to make the word for its firms, goods or
// people (津企, 浙商, 甘味, 黔货, 陇药, 川籍).
const tradeWords = "企商货菜味药品籍"

// citiesOf gives, for each one-character name of a city, the names of
// the cities it abbreviates (大: 大同, 大连, 大庆, 大理, 大兴安岭).
var citiesOf = func() map[rune][]string {
	m := map[rune][]string{}
	for _, f := range strings.Fields(cityNames) {
		name, abbr, ok := strings.Cut(f, ":")
		if !ok {
			r, _ := utf8.DecodeRuneInString(name)
			abbr = string(r)
		}
		for _, r := range abbr {
			m[r] = append(m[r], name)
		}
	}
	return m
}()

// placeNames holds what a text shows of its one-character place names:
// those of every province are names anywhere, a city's where the text
// writes the city's name (the text writes 无锡 and 常州: 锡 and 常 are
// names there). Each character is looked up once a suspect asks.
type placeNames struct {
	city map[rune]bool
}

// isProvince reports whether r is a one-character name of a province.
func isProvince(r rune) bool {
	return strings.ContainsRune(regionAbbrs, r) || strings.ContainsRune(provinceNamesMore, r)
}

// isName reports whether r is a one-character place name of text.
func (n *placeNames) isName(text string, r rune) bool {
	if isProvince(r) {
		return true
	}
	cities := citiesOf[r]
	if len(cities) == 0 {
		return false
	}
	v, ok := n.city[r]
	if !ok {
		v = slices.ContainsFunc(cities, func(c string) bool { return strings.Contains(text, c) })
		if n.city == nil {
			n.city = map[rune]bool{}
		}
		n.city[r] = v
	}
	return v
}

// abbreviation reports whether the character at byte offset at of text,
// the one a suspect replaces, is part of a compound of one-character
// place names (names.isName): next to another name (锡常 of 苏锡常, 京蒙),
// a name before a direction (蒙东, 辽西) or a word of trade (津企, 甘味),
// a direction after a name or after a name and a direction (苏北, 浙西南)
// or before a province's name (南疆), a word of trade after a name.
func (n *placeNames) abbreviation(text string, at int) bool {
	c, size := utf8.DecodeRuneInString(text[at:])
	p, psize := utf8.DecodeLastRuneInString(text[:at])
	q, _ := utf8.DecodeRuneInString(text[at+size:])
	switch {
	case strings.ContainsRune(directions, c):
		if n.isName(text, p) || isProvince(q) {
			return true
		}
		// 浙西南: a name, a direction, then this one.
		if strings.ContainsRune(directions, p) {
			pp, _ := utf8.DecodeLastRuneInString(text[:at-psize])
			return n.isName(text, pp)
		}
		return false
	case strings.ContainsRune(tradeWords, c):
		return n.isName(text, p)
	case n.isName(text, c):
		return n.isName(text, p) || n.isName(text, q) || strings.ContainsRune(directions, q) || strings.ContainsRune(tradeWords, q)
	}
	return false
}
