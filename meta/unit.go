package meta

import (
	"slices"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/internal/words"
)

// unitSuffixes are the words that end a unit's name, longest first at each
// position, with the level they give.
var unitSuffixes = []struct {
	word  string
	level zongjie.Level
}{
	{"街道办事处", zongjie.LevelStreet}, {"街道办", zongjie.LevelStreet}, {"街道", zongjie.LevelStreet},
	{"街办", zongjie.LevelStreet}, {"社区", zongjie.LevelCommunity}, {"特别行政区", zongjie.LevelProvince}, {"自治区", zongjie.LevelProvince},
	{"自治州", zongjie.LevelCity}, {"自治县", zongjie.LevelCounty}, {"自治旗", zongjie.LevelCounty},
	{"地区", zongjie.LevelCity}, {"镇", zongjie.LevelTown}, {"乡", zongjie.LevelTownship},
	{"区", zongjie.LevelDistrict}, {"县", zongjie.LevelCounty}, {"旗", zongjie.LevelCounty},
	{"盟", zongjie.LevelCity}, {"市", zongjie.LevelCity}, {"省", zongjie.LevelProvince},
}

// municipalities are cities at province level.
var municipalities = []string{"北京市", "上海市", "天津市", "重庆市"}

// selfWords are the ways a report refers to its own unit, with the level.
var selfWords = []struct {
	word  string
	level zongjie.Level
}{
	{"我社区", zongjie.LevelCommunity}, {"全社区", zongjie.LevelCommunity}, {"本社区", zongjie.LevelCommunity},
	{"我街道", zongjie.LevelStreet}, {"全街道", zongjie.LevelStreet}, {"本街道", zongjie.LevelStreet},
	{"街道党工委", zongjie.LevelStreet}, {"街道办事处", zongjie.LevelStreet}, {"我街办", zongjie.LevelStreet},
	{"我办", zongjie.LevelStreet}, {"全办", zongjie.LevelStreet},
	{"我镇", zongjie.LevelTown}, {"全镇", zongjie.LevelTown}, {"本镇", zongjie.LevelTown}, {"镇党委", zongjie.LevelTown},
	{"我乡", zongjie.LevelTownship}, {"全乡", zongjie.LevelTownship}, {"乡党委", zongjie.LevelTownship},
	{"我区", zongjie.LevelDistrict}, {"全区", zongjie.LevelDistrict},
	{"我县", zongjie.LevelCounty}, {"全县", zongjie.LevelCounty},
	{"我市", zongjie.LevelCity}, {"全市", zongjie.LevelCity},
	{"我省", zongjie.LevelProvince}, {"全省", zongjie.LevelProvince}, {"全区各族", zongjie.LevelProvince},
}

// unitFound is a reporting unit as read from one source: a name (and the
// unit named before it, its parent), or only a level.
type unitFound struct {
	name, parent string
	level        zongjie.Level
	placeholder  bool
	source       zongjie.Source
}

// unit fills the unit, its parent, level and source. A unit's name is read
// only where a report names itself — the title, the session and speaker
// lines under it, the "我代表…人民政府" and "现将…如下" sentences — never
// from a word in running text, where "按照县委" or "确保新城区" would pass
// for names. Anonymised names ("**街道") are the exception: templates blank
// out only the report's own unit. Without a name, the level comes from
// those lines, a template's bracket (（镇乡）) or the self references (我镇,
// 全街道).
func (d *detector) unit(m *zongjie.Meta) {
	u := d.findUnit()
	if u.name != "" && u.parent == "" && !u.placeholder {
		u.parent = d.superior(u)
	}
	m.Unit, m.Parent, m.Level, m.UnitPlaceholder, m.UnitSource = u.name, u.parent, u.level, u.placeholder, u.source
	if m.Level == "" {
		m.UnitSource = ""
	}
}

func (d *detector) findUnit() unitFound {
	if strings.Contains(d.intro, "代表国务院") {
		return unitFound{name: "国务院", level: zongjie.LevelNational, source: zongjie.SourceSpeaker}
	}
	hint := unitFound{} // a level without a name, from the strongest source that gives one
	note := func(u unitFound) {
		if hint.level == "" {
			hint = u
		}
	}
	if u, ok := unitInTitle(d.in.Title); ok {
		u.source = zongjie.SourceTitle
		if u.name != "" {
			return u
		}
		note(u)
	}
	for _, h := range d.header() {
		for _, read := range []func(string) (unitFound, bool){sessionUnit, speakerUnit} {
			if u, ok := read(h.text); ok {
				if u.name != "" {
					return u
				}
				note(u)
			}
		}
	}
	if u, ok := representUnit(d.intro); ok {
		if u.name != "" {
			return u
		}
		note(u)
	}
	if l := lead(d.intro); l != "" {
		if rest, ok := strings.CutPrefix(l, "现将"); ok {
			if u, ok := chainAt(rest); ok && u.name != "" {
				u.source = zongjie.SourceIntro
				return u
			}
		}
	}
	// A template marks its level in brackets: （镇乡）, （街道）.
	for _, m := range []struct {
		word  string
		level zongjie.Level
	}{{"（街道）", zongjie.LevelStreet}, {"（镇乡）", zongjie.LevelTown}, {"（乡镇）", zongjie.LevelTown}, {"（镇）", zongjie.LevelTown}, {"（乡）", zongjie.LevelTownship}} {
		if strings.Contains(d.in.Title, m.word) {
			note(unitFound{level: m.level, source: zongjie.SourceTitle})
		}
	}
	if strings.HasPrefix(d.in.Title, "街道") {
		note(unitFound{level: zongjie.LevelStreet, source: zongjie.SourceTitle})
	}
	// An anonymised name ("**街道") is the report's own unit: templates
	// blank out only that. Otherwise the level comes from self references
	// (我镇, 全街道) and the name is the anonymised one of that level.
	level := hint.level
	if level == "" {
		if name, ok := d.placeholderUnit(""); ok {
			return unitFound{name: name, level: levelOf(name), placeholder: true, source: zongjie.SourceBody}
		}
		if level = d.selfLevel(); level != "" {
			hint = unitFound{level: level, source: zongjie.SourceBody}
		}
	}
	if name, ok := d.placeholderUnit(level); ok && level != "" {
		return unitFound{name: name, level: level, placeholder: true, source: zongjie.SourceBody}
	}
	return hint
}

// selfLevel counts the self references (我镇, 全街道 …) and returns the
// level most often used.
func (d *detector) selfLevel() zongjie.Level {
	counts := map[zongjie.Level]int{}
	for _, w := range selfWords {
		counts[w.level] += strings.Count(d.text, w.word)
	}
	best, n := zongjie.Level(""), 0
	for _, l := range []zongjie.Level{zongjie.LevelCommunity, zongjie.LevelStreet, zongjie.LevelTown, zongjie.LevelTownship, zongjie.LevelCounty, zongjie.LevelDistrict, zongjie.LevelCity, zongjie.LevelProvince} {
		if counts[l] > n {
			best, n = l, counts[l]
		}
	}
	return best
}

// unitInTitle finds the unit a title names: the names before the first
// year, or right after it ("2026年安徽省政府工作报告" → 安徽省), after
// "关于" or "中共". A title that opens with a bare level word ("县人民政府
// 工作报告") gives the level.
func unitInTitle(s string) (unitFound, bool) {
	// A work team's or a first secretary's report names the unit that
	// sends it before the village it works in: "临川区住建局驻龙潭乡龙口村
	// 工作队", "驻新庄村工作队". The village is the unit. A team sent to a
	// 乡, 镇 or 街道 ("安平县财政局驻马坪乡乡村振兴工作队") reports on that
	// place, and the area of the department that sends it is its parent.
	if i := strings.Index(s, "驻"); i >= 0 {
		after := s[i+len("驻"):]
		if u, ok := chainAt(after); ok {
			switch {
			case strings.HasSuffix(u.name, "村"):
				return u, true
			case levelRank(u) == 3 && teamWords.Contains(after):
				if u.parent == "" {
					u.parent = senderArea(s[:i])
				}
				return u, true
			}
		}
	}
	parts := []string{s}
	if _, offs := years(s); len(offs) > 0 {
		parts = []string{s[:offs[0]], s[offs[0]+len("2023年"):]}
	}
	for _, part := range parts {
		if u, ok := chainAt(part); ok {
			return u, true
		}
	}
	return unitFound{}, false
}

// teamWords name a team sent to work in a place: 工作队, 帮扶工作组.
var teamWords = words.NewSet("工作队", "工作组", "帮扶", "服务队", "指导组", "第一书记")

// senderArea returns the area whose department or body sends a team (the
// title's words before 驻): 安平县 in 安平县财政局, a district, county or
// city; "" for none.
func senderArea(s string) string {
	u, ok := chainAt(s)
	if !ok {
		return ""
	}
	area := u.name
	if u.level == zongjie.LevelDepartment {
		area = u.parent
	}
	switch levelOf(area) {
	case zongjie.LevelDistrict, zongjie.LevelCounty, zongjie.LevelCity:
		return area
	}
	return ""
}

// chainAt reads the unit names at the start of s, past a leading 关于, 中共
// or 在: "保定市满城区…" is 满城区 of 保定市. A bare level word before
// 人民政府, 政府, 人民代表大会 or 人大 ("县人民政府") gives the level alone.
func chainAt(s string) (unitFound, bool) {
	for _, p := range []string{"关于", "中共", "在"} {
		s = strings.TrimPrefix(s, p)
	}
	var names []string
	var u unitFound
	rest := s
	for {
		if len(names) > 0 {
			// A department of the unit read ("临川区民政局"): the
			// department is the unit, the area its parent.
			if dep, ok := departmentAt(rest); ok {
				return unitFound{name: dep, parent: names[len(names)-1], level: zongjie.LevelDepartment}, true
			}
		}
		if v, size := villageAt(rest); size > 0 {
			// A village is the lowest unit: the chain ends with it. The
			// project has no level for it.
			names = append(names, v)
			u.level = ""
			break
		}
		name, lvl, size := unitAt(rest)
		if size == 0 {
			break
		}
		names = append(names, name)
		u.level = lvl
		rest = officeUnder(lvl, sameUnitAgain(name, rest[size:]))
	}
	if len(names) == 0 {
		for _, suf := range unitSuffixes {
			after, ok := strings.CutPrefix(s, suf.word)
			if ok && (strings.HasPrefix(after, "人民政府") || strings.HasPrefix(after, "政府") || strings.HasPrefix(after, "人民代表大会") || strings.HasPrefix(after, "人大")) {
				return unitFound{level: suf.level}, true
			}
		}
		return unitFound{}, false
	}
	u.name = names[len(names)-1]
	if len(names) > 1 {
		u.parent = names[len(names)-2]
	}
	u.placeholder = isPlaceholderName(strings.TrimSuffix(u.name, suffixOf(u.name)))
	return u, true
}

// departmentSuffixes end the name of a government's department.
var departmentSuffixes = []string{"局", "委员会", "办公室"}

// departmentAt reads the name of a government's department that makes the
// whole of s, or its start before a year, 关于, 工作, 党组 or its head's office (局长述职):
// "民政局", "住房和城乡建设局", "发展和改革委员会关于". It is read only
// after an area's name ("临川区民政局"), never alone: "公安局" in a
// sentence names no reporting unit.
func departmentAt(s string) (string, bool) {
	n := 0
	for i, r := range s {
		if !isHan(r) || n >= 14 {
			break
		}
		n++
		for _, suf := range departmentSuffixes {
			if !strings.HasPrefix(s[i:], suf) || i == 0 {
				continue
			}
			end := i + len(suf)
			after := s[end:]
			if after == "" || after[0] >= '0' && after[0] <= '9' || strings.HasPrefix(after, "关于") || strings.HasPrefix(after, "工作") || strings.HasPrefix(after, "党组") || headTitle(after) {
				if name := s[:end]; !strings.ContainsAny(name, "的了与对为是把被在该") && !startsWithArea(name) {
					return name, true
				}
			}
		}
	}
	return "", false
}

// organs are the bodies of a unit its name is followed by.
var organs = []string{"委员会", "党工委", "党委", "人民政府", "政府", "办事处"}

// organStarts are the bodies' words no unit's name starts with: a chain
// of names read past one ("中共白沙镇委员会石桥镇") stops at it, and
// "委员会石桥镇" is no name.
var organStarts = prefixes{"委员会", "党工委", "党委", "人民政府", "政府", "办事处", "人民代表大会", "人大", "政协", "常委会"}

// organEnds end the name of a body: 县委, 镇党委, 街道党工委, 县政府, 区人大,
// 县政协, 居委会, 办事处. A 和, 及 or 与 after one joins two bodies.
var organEnds = words.NewSet("委", "委员会", "委会", "政府", "人大", "政协", "办事处", "党组", "支部", "总支")

// sameUnitAgain returns rest past one organ and the unit's name again: a
// report sent by two bodies of one unit names it twice ("中共白沙镇委员会
// 白沙镇人民政府关于…": 白沙镇, once), not a unit inside another.
func sameUnitAgain(name, rest string) string {
	for _, o := range organs {
		after, ok := strings.CutPrefix(rest, o)
		if !ok {
			continue
		}
		after = strings.TrimLeft(after, " \u3000、")
		if again, ok := strings.CutPrefix(after, name); ok {
			return again
		}
	}
	return rest
}

// officeUnder returns rest past the government of a district, county or
// city (the level read before rest) when a 街道's office follows it: a
// 街道办事处 is that government's office, and a title names it under it
// ("临川区人民政府南湖街道办事处", "XX区人民政府XX街道办事处": the 街道 of the
// district). Otherwise rest as it is: 临川区人民政府关于… names the district.
func officeUnder(level zongjie.Level, rest string) string {
	switch level {
	case zongjie.LevelDistrict, zongjie.LevelCounty, zongjie.LevelCity:
	default:
		return rest
	}
	for _, gov := range []string{"人民政府", "政府"} {
		after, ok := strings.CutPrefix(rest, gov)
		if !ok {
			continue
		}
		after = strings.TrimLeft(after, " \u3000")
		if _, _, size := unitAt(after); size > 0 && (strings.HasSuffix(after[:size], "街道办事处") || strings.HasSuffix(after[:size], "街道办")) {
			return after
		}
	}
	return rest
}

// villageAfter are the words a village's name is followed by where a
// report names its unit: its bodies, its officers, its work team, 工作.
var villageAfter = prefixes{"工作", "党", "村民委员会", "村委会", "“两委”", "\"两委\"", "两委", "第一书记", "帮扶", "关于", "驻村"}

// villageStarts start common nouns that end with 村: 行政村, 重点村.
var villageStarts = prefixes{
	"行政", "自然", "重点", "贫困", "脱贫", "试点", "中心", "空壳", "薄弱", "先进", "传统", "搬迁",
	"移民", "城中", "边境", "和美", "宜居", "明星", "富裕", "集体", "每个", "少数民族",
}

// villageAt reads a village's name at the start of s: two to five Han
// characters and 村, followed by nothing, a year or what a title names
// after its unit (villageAfter): "杨柳村2026年", "龙口村工作队". 乡村, 农村,
// 行政村 and a run holding another unit's suffix (柳河乡杨柳村: 柳河乡
// comes first) are none.
func villageAt(s string) (string, int) {
	i := strings.Index(s, "村")
	if i <= 0 {
		return "", 0
	}
	part := s[:i]
	if n := utf8.RuneCountInString(part); n < 2 || n > 5 {
		return "", 0
	}
	for j, r := range part {
		if !isHan(r) || suffixSet.At(part, j) != "" || strings.ContainsRune("驻局委厅", r) {
			return "", 0
		}
	}
	name := s[:i+len("村")]
	after := s[len(name):]
	if !(after == "" || after[0] >= '0' && after[0] <= '9' || villageAfter.HasPrefix(after)) {
		return "", 0
	}
	if villageStarts.HasPrefix(part) || !validName(part, name) {
		return "", 0
	}
	return name, len(name)
}

// headTitles are the offices of a department's head: "教育体育局局长2026年度
// 述职述廉报告" is the department's.
var headTitles = []string{"局长", "副局长", "主任", "副主任"}

// headTitle says whether s starts with a head's office followed by what
// ends a title's subject: a year, 述职, 在, or the end.
func headTitle(s string) bool {
	for _, w := range headTitles {
		if rest, ok := strings.CutPrefix(s, w); ok {
			return rest == "" || rest[0] >= '0' && rest[0] <= '9' || strings.HasPrefix(rest, "述职") || strings.HasPrefix(rest, "在")
		}
	}
	return false
}

// startsWithArea says whether s starts with the name of a district or a
// larger area ("临川区人力资源和社会保障局"): the chain of names goes on.
// A 乡 or 镇 read inside a department's name is none ("住房和城乡建设局").
func startsWithArea(s string) bool {
	_, level, size := unitAt(s)
	if size == 0 {
		return false
	}
	switch level {
	case zongjie.LevelTown, zongjie.LevelTownship, zongjie.LevelStreet, zongjie.LevelCommunity:
		return false
	}
	return true
}

// unitAt reads one unit name at the start of s: Han characters or
// placeholders up to the first unit suffix, at most 12 characters in all.
// It returns the name, its level and its length in bytes, or size 0; a
// 街道's office (街道办事处, 街道办) is read as the 街道. A
// suffix followed by 区, 县 or 市 that starts no office word takes it in
// ("安乡县", "红旗区", "沙市区"; but "上海市市长" is 上海市).
func unitAt(s string) (name string, level zongjie.Level, size int) {
	limit, n := 0, 0
	for i, r := range s {
		if !(isHan(r) || isPlaceholder(r)) || n >= 12 {
			break
		}
		n++
		limit = i + utf8.RuneLen(r)
	}
	run := s[:limit]
	for i := 0; i < len(run); {
		_, sz := utf8.DecodeRuneInString(run[i:])
		if i == 0 {
			// A level word at the start is no name's end ("自治区主席",
			// "镇江市"): look after it.
			if suf := suffixSet.At(run, 0); suf != "" {
				sz = len(suf)
			}
			i += sz
			continue
		}
		suf := suffixSet.At(run, i)
		if suf == "" {
			i += sz
			continue
		}
		end := i + len(suf)
		level = suffixLevel(suf)
		if r, sz2 := utf8.DecodeRuneInString(run[end:]); (r == '区' || r == '县' || r == '市') && !officeWords.HasPrefix(run[end:]) {
			level = suffixLevel(string(r))
			end += sz2
		}
		name = run[:end]
		if !validName(run[:i], name) {
			return "", "", 0
		}
		// A 街道's office names the 街道 itself: 枫林街道办事处, 城关街道办.
		if end == i+len(suf) && (suf == "街道办事处" || suf == "街道办") {
			name = run[:i] + "街道"
		}
		for _, m := range municipalities {
			if name == m {
				level = zongjie.LevelProvince
			}
		}
		return name, level, end
	}
	return "", "", 0
}

// officeWords start with a unit's suffix character without being part of
// a name: 上海市市长, 满城区区委, 县域.
var officeWords = prefixes{
	"市长", "市委", "市级", "市域", "市场", "市民", "市政", "市容", "市属", "市直", "市县",
	"区长", "区委", "区级", "区域", "区属", "区直", "区划", "区位", "区间", "区块",
	"县长", "县委", "县级", "县域", "县城", "县属", "县直", "县乡",
}

type prefixes []string

// HasPrefix reports whether s starts with one of the words.
func (p prefixes) HasPrefix(s string) bool {
	for _, w := range p {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

func suffixLevel(word string) zongjie.Level {
	for _, suf := range unitSuffixes {
		if suf.word == word {
			return suf.level
		}
	}
	return ""
}

// validName checks the name part of a would-be unit (before its suffix)
// and the whole: a placeholder, or Han characters that are not a self
// reference (全, 我, 本), not a verb or an adjective glued to a suffix
// (按照县, 大力提升县, 省级园林县) and not a common noun that ends like a
// unit (社区, 棚户区, 开发区).
func validName(part, whole string) bool {
	if isPlaceholderName(part) {
		return true
	}
	if n := utf8.RuneCountInString(part); n > 10 {
		return false
	}
	for _, r := range part {
		if !isHan(r) && !isPlaceholder(r) {
			return false
		}
	}
	if stopNames[whole] || stopNameStarts.HasPrefix(part) || organStarts.HasPrefix(part) || strings.ContainsAny(part, "的了与及对为是把被在各该") {
		return false
	}
	switch part {
	case "全", "我", "本", "此", "其", "该", "各", "省", "市", "县", "区", "乡", "镇", "外":
		return false
	}
	return true
}

// stopNames are common nouns that end like a unit.
var stopNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"社区", "园区", "景区", "片区", "辖区", "小区", "街区", "山区", "牧区", "库区", "矿区", "灾区", "校区",
		"厂区", "市区", "营区", "湖区", "老区", "边区", "特区", "地区", "城市", "都市", "城乡", "城镇", "乡镇",
		"集镇", "小镇", "古镇", "名镇", "重镇", "强镇", "大镇", "家乡", "故乡", "下乡", "强县", "大县", "强市",
		"强省", "大省", "开发区", "高新区", "新区", "棚户区", "示范区", "试验区", "功能区", "保护区", "风景区",
		"核心区", "商务区", "自贸区", "旧城区", "主城区", "中心城区", "老旧小区", "园林县", "园林城市",
		"集聚区", "先行区", "引领区", "服务区", "商圈区", "生活区", "工业区", "产业区", "农业区", "旅游区",
	} {
		m[w] = true
	}
	return m
}()

// stopNameStarts are verbs and modifiers that stand before a unit word in
// running text (按照县委, 确保新城区, 省级园林县) and start no name.
var stopNameStarts = prefixes{
	"按照", "实施", "大力", "提升", "离不开", "确保", "自觉", "接受", "落实", "推进", "推动", "加快",
	"打造", "创建", "争创", "围绕", "依托", "助力", "全力", "全面", "深入", "支持", "带动", "实现",
	"组织", "指导", "联系", "覆盖", "走进", "结合", "协助", "配合", "坚持", "加强", "促进", "完善",
	"巩固", "积极", "努力", "进一步", "不断", "持续", "着力", "聚焦", "突出", "抓好", "做好", "开展", "成功",
	"获评", "荣获", "评为", "省级", "市级", "县级", "区级", "国家级", "全国", "全省", "全市", "全县", "全区",
	"全镇", "全乡", "我", "国家", "示范", "文明", "卫生", "园林", "生态", "森林", "美丽", "和谐",
	"新型", "现代", "特色", "旧城", "老旧", "主城", "中心城", "各", "该", "所在", "周边", "相关", "有关",
}

// suffixSet finds a unit suffix at a position.
var suffixSet = func() *words.Set {
	var list []string
	for _, suf := range unitSuffixes {
		list = append(list, suf.word)
	}
	return words.NewSet(list...)
}()

// placeholderHit is an anonymised unit name found in a report.
type placeholderHit struct {
	name string
	at   int
}

// placeholderStep gives, for the first byte of a character, 0 when a
// placeholder may start with it (x X * and the lead bytes C3, E2, E6, EF
// of × □ ○ ＊ ｘ and the like), else the length of the character it
// starts, stepped over by placeholderHits: most characters of a Chinese
// text are three bytes led by E4–E9.
var placeholderStep = words.Steps('x', 'X', '*', 0xC3, 0xE2, 0xE6, 0xEF)

// placeholderHits finds every anonymised unit name ("**街道", "xx镇") in the
// report once: runs of placeholder characters followed by a unit suffix.
// Only the few bytes that can start a placeholder are looked at closely.
func (d *detector) placeholderHits() []placeholderHit {
	if d.phHits != nil {
		return *d.phHits
	}
	var hits []placeholderHit
	text := d.text
	for i := 0; i < len(text); i++ {
		if n := placeholderStep[text[i]]; n > 0 {
			i += int(n) - 1 // no placeholder starts here: the character is stepped over whole
			continue
		}
		if placeholderAt(text, i) == 0 || i > 0 && isPlaceholder(lastRune(text[:i])) {
			continue
		}
		start := i
		for i < len(text) {
			size := placeholderAt(text, i)
			if size == 0 {
				break
			}
			i += size
		}
		if i >= len(text) {
			break
		}
		suf := suffixSet.At(text, i)
		if suf == "" {
			i--
			continue
		}
		name := text[start:i] + suf
		if suf == "街道办事处" || suf == "街道办" {
			name = text[start:i] + "街道"
		}
		hits = append(hits, placeholderHit{name: name, at: start})
		i--
	}
	d.phHits = &hits
	return hits
}

// placeholderAt returns the size of the placeholder character at byte i of
// text (x X * × ○ □ 某 ＊ ｘ Ｘ), or 0, comparing bytes without decoding:
// this runs on every byte of a report.
func placeholderAt(text string, i int) int {
	c := text[i]
	switch {
	case c == 'x' || c == 'X' || c == '*':
		return 1
	case c < 0xC3 || i+1 >= len(text):
		return 0
	case c == 0xC3:
		if text[i+1] == 0x97 { // ×
			return 2
		}
		return 0
	case i+2 >= len(text):
		return 0
	}
	b1, b2 := text[i+1], text[i+2]
	switch c {
	case 0xE2:
		if b1 == 0x97 && b2 == 0x8B || b1 == 0x96 && b2 == 0xA1 { // ○ □
			return 3
		}
	case 0xE6:
		if b1 == 0x9F && b2 == 0x90 { // 某
			return 3
		}
	case 0xEF:
		if b1 == 0xBC && (b2 == 0x8A || b2 == 0xB8) || b1 == 0xBD && b2 == 0x98 { // ＊ Ｘ ｘ
			return 3
		}
	}
	return 0
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// placeholderUnit returns the anonymised unit of the given level (any
// level for "") named most often.
func (d *detector) placeholderUnit(level zongjie.Level) (string, bool) {
	counts := map[string]int{}
	first := map[string]int{}
	hits := d.placeholderHits()
	// A 社区 blanked out beside a blanked 街道 or 镇 (各村、**社区) is one of
	// its parts: the report's unit is the other.
	parts := level == "" && slices.ContainsFunc(hits, func(h placeholderHit) bool { return levelOf(h.name) != zongjie.LevelCommunity })
	for _, h := range hits {
		if level != "" && levelOf(h.name) != level || parts && levelOf(h.name) == zongjie.LevelCommunity {
			continue
		}
		counts[h.name]++
		if _, ok := first[h.name]; !ok {
			first[h.name] = h.at
		}
	}
	best, bestN := "", 0
	for name, c := range counts {
		if c > bestN || c == bestN && first[name] < first[best] {
			best, bestN = name, c
		}
	}
	return best, best != ""
}

func suffixOf(name string) string {
	for _, suf := range unitSuffixes {
		if strings.HasSuffix(name, suf.word) {
			return suf.word
		}
	}
	return ""
}

func levelOf(name string) zongjie.Level {
	for _, m := range municipalities {
		if name == m {
			return zongjie.LevelProvince
		}
	}
	for _, suf := range unitSuffixes {
		if strings.HasSuffix(name, suf.word) {
			return suf.level
		}
	}
	return ""
}

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF
}

func isPlaceholder(r rune) bool {
	switch r {
	case 'x', 'X', '*', '＊', '×', '某', '○', 'ｘ', 'Ｘ', '□':
		return true
	}
	return false
}

// isPlaceholderName reports whether a unit's name is anonymised.
func isPlaceholderName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isPlaceholder(r) {
			return false
		}
	}
	return true
}

// levelRank orders the levels of the units a report may name its superior
// among, lowest first: a village (no level, a name in 村), a community, a
// 街道 or 乡镇, a district or county, a city, a province. 0 for none.
func levelRank(u unitFound) int {
	switch u.level {
	case "":
		if strings.HasSuffix(u.name, "村") {
			return 1
		}
	case zongjie.LevelCommunity:
		return 2
	case zongjie.LevelStreet, zongjie.LevelTown, zongjie.LevelTownship:
		return 3
	case zongjie.LevelDistrict, zongjie.LevelCounty:
		return 4
	case zongjie.LevelCity:
		return 5
	case zongjie.LevelProvince:
		return 6
	}
	return 0
}

// superior returns the parent of a unit named without one, where the
// opening of the report names it: a unit above it whose bodies the report
// thanks for their leadership (在桂园街道党工委、办事处的坚强领导下, 在安平
// 县委和乡党委的领导下) or the addressee it reports to (中共安平县委、安平县
// 人民政府：), the nearest above it when several are named. Unnamed bodies
// (在县委、县政府的领导下) give none, and a department none.
func (d *detector) superior(u unitFound) string {
	own := levelRank(u)
	if own == 0 {
		return ""
	}
	best, bestRank := "", 0
	consider := func(s string) {
		for _, p := range []string{"在", "中共"} {
			s = strings.TrimPrefix(s, p)
		}
		// Each name of the chain followed by one of its bodies: 安平县 in
		// 安平县委和乡党委.
		for {
			name, level, size := unitAt(s)
			if size == 0 {
				return
			}
			s = s[size:]
			// The level word may come again before the body: 安平县县委,
			// 白沙镇镇党委, 临川区区委.
			after := strings.TrimPrefix(s, suffixOf(name))
			organ := strings.HasPrefix(after, "委")
			for _, o := range organs {
				organ = organ || strings.HasPrefix(after, o)
			}
			c := unitFound{name: name, level: level}
			// 区委区政府 unspaced is two bodies of an unnamed unit.
			if strings.ContainsAny(name, "委府") {
				return
			}
			if r := levelRank(c); organ && !isPlaceholderName(strings.TrimSuffix(name, suffixOf(name))) && r > own && (bestRank == 0 || r < bestRank) {
				best, bestRank = name, r
			}
			if organ {
				return
			}
		}
	}
	// Each body of a list: 在安平县委、县政府和白沙镇党委的领导下.
	considerAll := func(s string) {
		for _, part := range bodyList(s) {
			consider(part)
		}
	}
	for _, line := range strings.Split(d.intro, "\n") {
		line = strings.TrimSpace(line)
		if body, ok := cutColon(line); ok && utf8.RuneCountInString(line) <= 40 {
			considerAll(body) // the addressee: 中共安平县委、安平县人民政府：
			continue
		}
		for i := 0; ; {
			j := strings.Index(line[i:], "在")
			if j < 0 {
				break
			}
			clause := line[i+j:]
			if k := strings.IndexAny(clause, "，。；,;"); k >= 0 {
				clause = clause[:k]
			}
			if strings.Contains(clause, "领导下") || strings.Contains(clause, "指导下") {
				considerAll(clause)
			}
			i += j + len("在")
		}
	}
	return best
}

// bodyList splits a list of bodies (在安平县委、县政府和白沙镇党委) into its
// items: at every 、, and at a 和, 及 or 与 only where it joins two bodies,
// after one's name (县委和, 县政府及, 区人大与). Elsewhere the character is
// part of a place's name: 和平街道, 和田县, 太和县, 永和镇.
func bodyList(s string) []string {
	var parts []string
	start := 0
	for i, r := range s {
		switch r {
		case '、':
		case '和', '及', '与':
			if !endsWithOrgan(s[start:i]) {
				continue
			}
		default:
			continue
		}
		if i > start {
			parts = append(parts, s[start:i])
		}
		start = i + utf8.RuneLen(r)
	}
	if start < len(s) {
		parts = append(parts, s[start:])
	}
	return parts
}

// endsWithOrgan says whether s ends with a body's word (organEnds).
func endsWithOrgan(s string) bool { return organEnds.Suffix(s) != "" }

// cutColon returns line without the colon it ends with, full-width or
// half-width, and whether it had one.
func cutColon(line string) (string, bool) {
	if body, ok := strings.CutSuffix(line, "："); ok {
		return body, true
	}
	return strings.CutSuffix(line, ":")
}
