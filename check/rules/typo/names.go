package typo

import (
	"strings"
	"unicode/utf8"

	"zongjie/internal/words"
)

// regionChars are the one-character names of provinces and
// municipalities that reports use in abbreviations (京津冀, 浙里办,
// 皖台合作, 沪苏同城, 陕企): a span holding one is an abbreviation the
// lexicon cannot hold, not a typo. The characters that are common in
// other words (京 吉 黑 苏 川 贵 云 甘 青 宁 新 港 台 蒙 秦 鲁 辽 津)
// are left out: a typist may well write them for a character of the
// same reading, and reports abbreviate with the distinctive ones.
const regionChars = "冀晋沪浙皖闽赣鄂湘粤桂琼渝黔滇陕陇豫蜀"

// hasRegionChar reports whether s holds a character of regionChars.
func hasRegionChar(s string) bool {
	return strings.ContainsAny(s, regionChars)
}

// provinces are the provincial divisions with the one-character names
// that abbreviate them.
var provinces = [...]struct{ name, abbr string }{
	{"北京", "京"}, {"天津", "津"}, {"河北", "冀"}, {"山西", "晋"}, {"内蒙古", "蒙"}, {"辽宁", "辽"},
	{"吉林", "吉"}, {"黑龙江", "黑"}, {"上海", "沪"}, {"江苏", "苏"}, {"浙江", "浙"}, {"安徽", "皖"},
	{"福建", "闽"}, {"江西", "赣"}, {"山东", "鲁"}, {"河南", "豫"}, {"湖北", "鄂"}, {"湖南", "湘"},
	{"广东", "粤"}, {"广西", "桂"}, {"海南", "琼"}, {"重庆", "渝"}, {"四川", "川蜀"}, {"贵州", "黔贵"},
	{"云南", "滇云"}, {"西藏", "藏"}, {"陕西", "陕秦"}, {"甘肃", "甘陇"}, {"青海", "青"}, {"宁夏", "宁"},
	{"新疆", "新"}, {"香港", "港"}, {"澳门", "澳"}, {"台湾", "台"},
}

// regionAbbrs holds every one-character name of provinces.
var regionAbbrs = func() string {
	var b strings.Builder
	for _, p := range provinces {
		b.WriteString(p.abbr)
	}
	return b.String()
}()

// regionsOf returns the one-character names of the provinces that a text
// names at least twice: a report of 天津 abbreviates its own province
// (津城, 津企) with a character that is common elsewhere, and so do its
// neighbours' (京津冀). It reads the ids of the text's characters (one a
// character, 0 for one the lexicon lacks, as scanner.all holds them),
// stopping only at those that start a name: a count of each name read
// the text 34 times, a fifth of TY008's time, and the bytes once more
// cost what the scan of the text does.
func (l *lexicon) regionsOf(all []uint16) string {
	var count [len(provinces)]int
	for j, id := range all {
		if l.regionFirst[id>>6]&(1<<(id&63)) == 0 {
			continue
		}
		for p := l.regionStart[id]; p != 0; p = l.regionNext[p-1] {
			name := &l.regionNames[p-1]
			k := 1
			for k < len(name) && name[k] != 0 && j+k < len(all) && all[j+k] == name[k] {
				k++
			}
			if k == len(name) || name[k] == 0 {
				count[p-1]++
			}
		}
	}
	var b strings.Builder
	for p, n := range count {
		if n >= 2 {
			b.WriteString(provinces[p].abbr)
		}
	}
	return b.String()
}

// setRegions gives l the ids of the provinces' names (regionsOf).
func (l *lexicon) setRegions() {
	l.regionStart = make([]uint8, len(l.chars))
	for p := len(provinces) - 1; p >= 0; p-- {
		k := 0
		for _, r := range provinces[p].name {
			l.regionNames[p][k] = l.id[r]
			k++
		}
		if id := l.regionNames[p][0]; id != 0 {
			l.regionFirst[id>>6] |= 1 << (id & 63)
			l.regionNext[p] = l.regionStart[id]
			l.regionStart[id] = uint8(p + 1)
		}
	}
}

// titles are the words that a person's name follows in a report's
// heading, a signature or a list of people (省长 王某某, 市委书记李某,
// 张某某同志): the characters just after one are a name.
var titles = words.NewSet(
	"省长", "市长", "县长", "区长", "州长", "旗长", "镇长", "乡长", "主席", "主任", "书记", "部长", "局长",
	"厅长", "处长", "科长", "院士", "教授", "总理", "记者", "编辑", "作者", "主持人", "通讯员", "摄影",
)

// honorifics follow a name (李某某同志, 王某某先生).
var honorifics = []string{"同志", "先生", "女士", "老师", "院士", "教授", "总理", "省长", "市长", "县长", "区长"}

// inName reports whether the span [start, end) of text may be part of a
// person's name: it starts at most two characters after a title and a
// space or a colon (省长 王某某, 主任：李某, 主席 嘎玛泽登), or it ends at
// most one character before an honorific (张某某同志). A title without a
// separator is running text (城市长效管理, 总书记考察).
func inName(text string, start, end int) bool {
	// Back over at most two characters (嘎玛泽登: names have up to four),
	// then a separator, to a title.
	i := start
	for skipped := 0; skipped <= 2 && i > 0; skipped++ {
		k := i
		for k > 0 {
			r, size := utf8.DecodeLastRuneInString(text[:k])
			if r != ' ' && r != '　' && r != '\t' && r != '：' && r != ':' {
				break
			}
			k -= size
		}
		if k < i && titles.Suffix(text[:k]) != "" {
			return true
		}
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !isHan(r) {
			break
		}
		i -= size
	}
	// Forward over at most one character and spaces to an honorific.
	j := end
	for skipped := 0; ; {
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if r != ' ' && r != '　' && r != '\t' {
				break
			}
			j += size
		}
		for _, h := range honorifics {
			if strings.HasPrefix(text[j:], h) {
				return true
			}
		}
		if skipped == 1 || j >= len(text) {
			break
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isHan(r) {
			break
		}
		j += size
		skipped++
	}
	return false
}
