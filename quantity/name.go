package quantity

import (
	"sort"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/document"
	"zongjie/indicator"
	"zongjie/internal/words"
)

// emit turns the items into quantities, with names unless the context
// says NoNames, and appends them.
func (sc *scanner) emit(out []zongjie.Quantity) []zongjie.Quantity {
	var names []string
	var also map[int][]string
	if !sc.ctx.NoNames {
		names = sc.names()
		also = sc.distribute(names)
	}
	for k := range sc.items {
		it := &sc.items[k]
		if it.growthOf >= 0 {
			continue // reported inside the figure it qualifies
		}
		q := sc.quantity(it)
		if names != nil {
			q.Name, q.Also, q.Members = names[k], also[k], it.members
		}
		if it.growth >= 0 {
			g := &sc.items[it.growth]
			gs := document.Span{Start: g.verbStart, End: g.end}
			loc := sc.f.Location(gs)
			q.Growth = &zongjie.Growth{
				Text: sc.text[gs.Start:gs.End], Unit: g.unitWord, Direction: g.change, Basis: g.basis,
				Line: loc.Line, Column: loc.Column, Offset: loc.Offset, Length: loc.Length, Span: gs,
			}
			if g.hasValue {
				v := abs(g.value)
				q.Growth.Value = &v
			}
			q.Growth.Placeholder = g.placeholder
		} else if it.change != "" {
			q.Change = it.change
			q.Span.Start = it.verbStart
			q.Text = sc.text[it.verbStart:it.end]
			loc := sc.f.Location(q.Span)
			q.Line, q.Column, q.Offset, q.Length = loc.Line, loc.Column, loc.Offset, loc.Length
		}
		out = append(out, q)
	}
	return out
}

// names finds the indicator name of each item of the paragraph, in order
// (an item may take the name of the one before it).
func (sc *scanner) names() []string {
	names := make([]string, len(sc.items))
	for k := range sc.items {
		it := &sc.items[k]
		off := it.start
		if it.change != "" {
			off = it.verbStart
		}
		name := sc.nameFor(k, off)
		if oneNoun(name) && k > 0 && names[k-1] != name && sc.items[k-1].end <= off && sc.text[sc.items[k-1].end:off] == name {
			// A figure and the noun it modifies name the count after them
			// (经济总量超200亿元县2个, 110千伏站3座), not the noun alone; a
			// noun the figure before counts is the subject (4个村超过20万元).
			name = clip(names[k-1] + sc.text[sc.items[k-1].start:off])
		}
		if name == "" && k > 0 && it.change == "" && sc.items[k-1].end <= off && threshold(sc.text[sc.items[k-1].start:sc.items[k-1].end]) {
			if between := sc.text[sc.items[k-1].end:off]; between == "的" || between == "" {
				// 其中35岁以下的16名, 其中居住人数10人以上的12户: the figure
				// before, with its clause and 的, qualifies this count, which
				// it names; after 其中 it qualifies the count it divides,
				// named with it (党员21名，其中35岁以下2名: 35岁以下党员).
				from, _ := sc.clauseStart(k-1, sc.items[k-1].start)
				qualifier := strip(sc.text[from:sc.items[k-1].end], leadingSet)
				if whole := sc.divided(k, from, names); whole != "" && !strings.HasSuffix(qualifier, whole) {
					name = clip(qualifier + whole)
				} else if between == "的" {
					name = clip(qualifier)
				}
			}
		}
		if name == "" && k > 0 && (it.listPrev >= 0 || sc.items[k-1].end == it.start || sc.linked(k)) {
			name = names[k-1] // 1491户、645.3亿元; 认定**户**人; 由46.9%提高到48.2%
		}
		if name == "" && it.gap && k > 0 && sc.items[k-1].end <= off && onlyConnectors(sc.text[sc.items[k-1].end:off]) {
			name = names[k-1] // 增长6.1%，比收入增幅高出2.4个百分点: the gap of the figure before
		}
		if name == "" && it.growthOf < 0 && k > 0 && it.change != "" && sc.text[sc.items[k-1].end:it.start] == "、" {
			name = names[k-1] // 分别增长4.4%、5.9%
		}
		if name == "" && it.growthOf < 0 && k > 0 && it.change != "" && sc.items[k-1].growthOf >= 0 && strings.Trim(sc.text[sc.items[k-1].end:it.verbStart], "，,") == "" {
			// 收入达到36.8万元，比上年增加9.2万元，增长33.3%: a second change
			// of the level the change before belongs to.
			name = names[sc.items[k-1].growthOf]
		}
		if superlative(name) {
			// 部分社区党群服务中心面积偏小，最小的只有280平方米: the least of
			// what the clause before tells of.
			if start, afterItem := sc.clauseStart(k, off); !afterItem {
				if s := sc.subjectBefore(start, 24); s != "" {
					name = s
				}
			}
		}
		if it.rest && it.change == "" {
			if whole := sc.wholeOf(k, names); whole != "" {
				name = whole // 14个排污口…，整治到位12个，其余2个纳入…
			}
		}
		if name == "占" && k > 0 && names[k-1] != "" && it.unit.base == "%" && sc.items[k-1].end <= off && strings.Trim(sc.text[sc.items[k-1].end:off], "，,") == "占" {
			// 老年人2860人，占22.7%: the share of the count before.
			name = clip(names[k-1] + "占比")
		}
		if (name == "" || name == "总数") && k > 0 && it.change == "" && sc.items[k-1].unit.base == it.unit.base {
			if n := cumulativeOf(names[k-1], sc.text[sc.items[k-1].end:off]); n != "" {
				name = n // 新增“四上”企业14家，总数达到126家
			}
		}
		if per := sc.perLead(k, off); per != "" && name != "" && !strings.HasPrefix(name, "每") && !strings.HasPrefix(name, per) {
			name = clip(per + name) // 每个网格配备专职网格员1名: 每个网格专职网格员
		}
		if per := perOnly(name); per != "" && it.change == "" {
			if whole := sc.distributedBefore(k, names); whole != "" {
				// 培育“法律明白人”1260名，实现每个村（社区）至少有5名: the
				// count for each place is of what the count before
				// gave in all.
				name = clip(per + whole)
			}
		}
		names[k] = name
	}
	return names
}

// superlative reports whether a name is a superlative alone (最小, 最多的,
// 最高): it tells of the extreme of something named before.
func superlative(name string) bool {
	rest, ok := strings.CutPrefix(strings.TrimSuffix(name, "的"), "最")
	n := utf8.RuneCountInString(rest)
	return ok && n >= 1 && n <= 2
}

// restWords open a clause that counts the rest of a whole told before it.
var restWords = []string{"其余", "剩余", "余下", "另有"}

// wholeOf returns the name of the whole that figure k counts the rest of:
// the first figure of its sentence in its unit, named and no change.
func (sc *scanner) wholeOf(k int, names []string) string {
	first := ""
	for j := k - 1; j >= 0; j-- {
		p := &sc.items[j]
		if strings.ContainsAny(sc.text[p.end:sc.items[k].start], "。；;！？") {
			break
		}
		if p.change == "" && p.growthOf < 0 && p.unit.base == sc.items[k].unit.base && names[j] != "" {
			first = names[j]
		}
	}
	return first
}

// perOnly returns the phrase of a place each of which a figure is given for
// when a name is that phrase alone, with at most a word of reach after it
// ("每个村（社区）至少" → 每个村（社区）, "每村"), or "".
func perOnly(name string) string {
	rest, ok := strings.CutPrefix(name, "每")
	if !ok {
		return ""
	}
	for changed := true; changed; {
		changed = false
		for _, w := range []string{"至少", "最少", "不少于", "配备", "配有", "均", "都", "有"} {
			if r, ok := strings.CutSuffix(rest, w); ok && r != "" {
				rest, changed = r, true
			}
		}
	}
	place := strings.TrimPrefix(rest, "个")
	if n := utf8.RuneCountInString(place); n == 0 || n > 7 || !placeNouns[place] && !perPlaces[place] {
		return ""
	}
	return "每" + rest
}

// perLead returns the phrase of a place that opens the clause of figure k
// (starting at off) and gives the figure for each such place: "每个网格配备
// 专职网格员1名" → 每个网格, or "". A per-head word that is part of a name
// (每户年均, 每人每月 …) is left to the name.
func (sc *scanner) perLead(k, off int) string {
	start, afterItem := sc.clauseStart(k, off)
	if afterItem {
		return ""
	}
	s := strip(words.TrimSpace(sc.text[start:off]), leadingSet)
	rest, ok := strings.CutPrefix(s, "每")
	if !ok {
		return ""
	}
	counter := ""
	if r, ok := strings.CutPrefix(rest, "个"); ok {
		rest, counter = r, "个"
	}
	for _, place := range perPlaceWords {
		if strings.HasPrefix(rest, place) && len(rest) > len(place) {
			if after := rest[len(place):]; isVerbLike(after) || strings.HasPrefix(after, "至少") || strings.HasPrefix(after, "都") || strings.HasPrefix(after, "均") {
				return "每" + counter + place
			}
		}
	}
	return ""
}

// perPlaceWords are the places a clause gives its figure for each of, the
// longest first.
var perPlaceWords = []string{"村（社区）", "村（居）", "行政村", "社区", "小区", "网格", "街道", "乡镇", "单位", "部门", "企业", "学校", "村", "镇", "乡"}

// perPlaces are the places (and households, people) a figure is given for
// each of, besides the placeNouns: 每户, 每人, 每个网格.
var perPlaces = map[string]bool{"户": true, "人": true, "网格": true, "小区": true, "镇": true, "乡": true, "单位": true, "部门": true, "企业": true, "学校": true}

// distributedBefore returns the name of the count that a count for each
// place (figure k) shares out: the last figure before it in its sentence,
// in the same unit, named and no change, less the scope word the places
// replace (农村“法律明白人” → “法律明白人”).
func (sc *scanner) distributedBefore(k int, names []string) string {
	for j := k - 1; j >= 0; j-- {
		p := &sc.items[j]
		if strings.ContainsAny(sc.text[p.end:sc.items[k].start], "。；;！？") {
			return ""
		}
		if p.change != "" || p.unit.base != sc.items[k].unit.base || names[j] == "" || perOnly(names[j]) != "" {
			continue
		}
		whole := names[j]
		for _, w := range scopeWords {
			if rest, ok := strings.CutPrefix(whole, w); ok && utf8.RuneCountInString(rest) >= 2 {
				whole = rest
				break
			}
		}
		return whole
	}
	return ""
}

// divided returns the name of the count that the figure k divides when its
// clause, starting at from, opens with 其中 right after that count's
// clause (村“两委”干部6人，其中35岁以下2人): the count is the last figure
// before 其中, in the same unit, named and no change.
func (sc *scanner) divided(k, from int, names []string) string {
	rest := words.TrimSpace(sc.text[from:sc.items[k].start])
	if !strings.HasPrefix(rest, "其中") {
		return ""
	}
	before := clauseTrail.TrimRight(sc.text[sc.start:from])
	for j := k - 2; j >= 0; j-- {
		p := &sc.items[j]
		if p.end > from {
			continue
		}
		if p.end != sc.start+len(before) || p.change != "" || p.unit.base != sc.items[k].unit.base || names[j] == "" {
			return ""
		}
		return names[j]
	}
	return ""
}

// distribute names the figures of a "分别" list after the subjects listed
// before it, the i-th subject taking the i-th figure: "城镇、农村常住居民人
// 均可支配收入分别增长4.4%、5.9%" gives 城镇常住居民人均可支配收入 and 农村
// 常住居民人均可支配收入; "二氧化硫、氮氧化物排放量分别下降5.6%和4%" gives
// 二氧化硫排放量 5.6% and 氮氧化物排放量 4%. The head the subjects share is
// found at the end of the last one (sharedHeads) and given to each subject
// that has none of its own. A collective subject names its parts in
// order (城乡居民人均可支配收入分别增长5%、6.5%: 城镇…, 农村…). One figure
// after several subjects ("化学需氧量、氨氮排放量分别下降2%") is given for
// each of them: the first names it, the others are returned in also.
func (sc *scanner) distribute(names []string) (also map[int][]string) {
	for k := 0; k < len(sc.items); k++ {
		it := &sc.items[k]
		if it.growthOf >= 0 {
			continue
		}
		off := it.start
		if it.change != "" {
			off = it.verbStart
		}
		subject, rest, ok := sc.eachSubject(off, it.change != "" && strings.Contains(it.basis, "分别"))
		if !ok {
			continue
		}
		// The figures of the list: k, k+1, … joined by 、 和 及, all changes
		// or all amounts.
		n := 1
		for k+n < len(sc.items) && (sc.items[k+n].change != "") == (it.change != "") && sc.items[k+n].growthOf < 0 &&
			isListJoin(sc.text[sc.items[k+n-1].end:sc.items[k+n].start]) {
			n++
		}
		parts := subjectParts(subject, n)
		if n == 1 && len(parts) < 2 && rest != "" {
			// 东岭村和桥头村各新建1个示范点: one figure for each of two
			// subjects joined by 和, 及 or 与.
			parts = subjectParts(subject, 2)
		}
		if what := sc.eachCounts(parts, rest, k+n-1); what != "" {
			// 城关镇和石桥镇分别完成投资5亿元、3亿元: the subjects are
			// places or people, not indicators; each is named with what
			// the figures count (城关镇投资, 石桥镇投资).
			for i, p := range parts {
				parts[i] = clip(p + what)
			}
		}
		switch {
		case len(parts) == n && n >= 2:
			for i, p := range parts {
				names[k+i] = p
			}
		case n == 1 && len(parts) >= 2:
			names[k] = parts[0]
			if also == nil {
				also = map[int][]string{}
			}
			also[k] = parts[1:]
		}
		k += n - 1
	}
	return also
}

// thresholdEnds end a threshold (及以上 ends in 以上).
var thresholdEnds = words.NewSet("以上", "以下", "以内")

// threshold reports whether a figure's text is a threshold (35岁以下,
// 10人以上): one that qualifies what a count after it counts.
func threshold(fig string) bool { return thresholdEnds.Suffix(fig) != "" }

// cumulativeOf names a total told right after the figure of what was
// added to it: "新增老年助餐点9个，累计达到68个" — 68个 are 老年助餐点,
// the name before without the verb of adding. between is the text from
// the figure before to this one's clause: a mark, then 累计, 共计, 总计,
// 合计, 总数 or the whole area (再建成“枫桥式”司法所2个，全区达到6个), and at
// most a verb of reaching.
func cumulativeOf(prev, between string) string {
	if prev == "" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(between)
	if r != '，' && r != '；' && r != ',' && r != ';' || size == len(between) {
		return ""
	}
	rest := between[size:]
	found := false
	for _, w := range []string{"累计", "共计", "总计", "合计", "总数", "全街道", "全区", "全县", "全市", "全镇", "全乡", "全村", "全社区"} {
		if after, ok := strings.CutPrefix(rest, w); ok {
			rest, found = after, true
			break
		}
	}
	if !found || utf8.RuneCountInString(rest) > 3 {
		return ""
	}
	for _, v := range []string{"新增", "新建", "新发展", "新引进", "新培育", "孵化培育", "培育", "引进", "建成"} {
		if n, ok := strings.CutPrefix(prev, v); ok && utf8.RuneCountInString(n) >= 2 {
			return n
		}
	}
	return prev
}

// eachSubject returns the subject of a "分别" list whose first figure (or
// change verb) starts at off: the words of its phrase before 分别, when
// only a verb stands between 分别 and the figure ("分别达到", "分别为",
// "分别控制在"). changed says the change starting at off holds 分别
// ("分别增长"): the subject is then the whole phrase before it.
func (sc *scanner) eachSubject(off int, changed bool) (subject, rest string, ok bool) {
	near := sc.text[max(sc.start, off-48):off]
	if !changed && !strings.Contains(near, "分别") && !strings.Contains(near, "各") {
		return "", "", false // no 分别 within a verb's reach: no need to find the phrase
	}
	subject = sc.text[sc.phraseStart(off):off]
	if !changed {
		i, word := strings.LastIndex(subject, "分别"), "分别"
		if i < 0 {
			// 东岭村、桥头村各配备2名网格员: 各 after a list of subjects
			// and before a verb or the figure gives the figure for each.
			i, word = strings.LastIndex(subject, "各"), "各"
			if i < 0 || !strings.ContainsAny(subject[:i], "、和及与") {
				return "", "", false
			}
			if after := subject[i+len(word):]; after != "" && !isVerbLike(after) {
				return "", "", false
			}
		}
		rest = subject[i+len(word):]
		for _, per := range []string{"每人每月", "每人每年", "每户每月", "每户每年", "每人", "每户", "每月", "每年", "每亩"} {
			if r, ok := strings.CutSuffix(rest, per); ok {
				rest = r // 分别提高到每人每月860元、720元
				break
			}
		}
		if utf8.RuneCountInString(rest) > 4 || strings.ContainsAny(rest, "0123456789") {
			return "", "", false
		}
		subject = subject[:i]
	}
	for _, w := range []string{"同比", "比上年", "比去年", "较上年", "较去年", "均"} {
		subject = strings.TrimSuffix(subject, w)
	}
	return subject, rest, words.TrimSpace(subject) != ""
}

// eachCounts returns what the figures of a list given for each of parts
// count when the parts are no indicators (places, units, people): the noun
// of the words between 分别 or 各 and the first figure (完成投资 → 投资,
// 捐款), or else the noun after the last figure (last): 分别新建2个、3个示范点
// → 示范点. It returns "" for parts that are indicators (财政收入, 普及率,
// a shared head) and when nothing is counted (分别达到).
func (sc *scanner) eachCounts(parts []string, rest string, last int) string {
	for _, p := range parts {
		if hasIndicatorSuffix(p) || isRatioName(p) || utf8.RuneCountInString(p) > 8 {
			return ""
		}
		for _, h := range sharedHeads {
			if strings.HasSuffix(p, h) {
				return ""
			}
		}
	}
	if name, _ := cleanName(rest); name != "" && !isFunctionChar(name) {
		return name
	}
	it := &sc.items[last]
	if it.change != "" {
		return ""
	}
	limit := sc.end
	if last+1 < len(sc.items) {
		limit = sc.items[last+1].start
	}
	noun, _ := sc.followingNoun(it.end, limit, it.unit.base == "人")
	return noun
}

// collectives name two parts in one word: 城乡 is 城镇 and 农村.
var collectives = []struct{ word, first, second string }{
	{"城乡", "城镇", "农村"}, {"进出口", "进口", "出口"}, {"存贷款", "存款", "贷款"},
}

// subjectParts splits the subject of a "分别" list into the names of its
// parts, each completed with the head the last part ends with: at 、, and
// at 和, 及 or 与 when 、 alone gives fewer parts than there are figures.
// One subject before two figures is split when it is a collective.
func subjectParts(subject string, n int) []string {
	parts := strings.Split(subject, "、")
	if len(parts) < n {
		for _, j := range []string{"和", "及", "与"} {
			last := parts[len(parts)-1]
			if strings.Count(last, j) == 1 && len(parts)+1 == n {
				a, b, _ := strings.Cut(last, j)
				parts = append(parts[:len(parts)-1], a, b)
				break
			}
		}
	}
	if len(parts) == 1 && n == 2 {
		name, _ := cleanName(parts[0])
		for _, c := range collectives {
			if i := strings.Index(name, c.word); i >= 0 {
				rest := name[:i] + "%s" + name[i+len(c.word):]
				return []string{strings.Replace(rest, "%s", c.first, 1), strings.Replace(rest, "%s", c.second, 1)}
			}
		}
		return nil
	}
	last, _ := cleanName(parts[len(parts)-1])
	head := ""
	for _, h := range sharedHeads {
		if strings.HasSuffix(last, h) && len(h) < len(last) {
			head = h
			break
		}
	}
	for _, w := range scopeWords {
		// 城市、农村自来水普及率: the last part's scope word is the one
		// the others parallel; the rest is the head.
		if rest, ok := strings.CutPrefix(last, w); ok && utf8.RuneCountInString(rest) >= 2 {
			head = rest
			break
		}
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		p, _ = cleanName(p)
		if p == "" {
			return nil
		}
		if i < len(parts)-1 && head != "" && !strings.HasSuffix(p, head) && !hasIndicatorSuffix(p) {
			p = joinHead(p, head)
		}
		out[i] = p
	}
	out[len(out)-1] = last
	return out
}

// scopeWords open the parts of a list that differ only in their scope:
// 城镇 and 农村 incomes, 工业 and 农业 loans.
var scopeWords = []string{
	"城镇", "农村", "城市", "乡村", "城区", "工业", "农业", "服务业", "第一产业", "第二产业", "第三产业", "国有", "民营",
	"本外币", "人民币", "外币", "省级", "市级", "县级",
}

// joinHead completes a modifier with the head it shares, without saying
// twice what both hold: 城镇居民 and 居民人均可支配收入 give 城镇居民人均可支
// 配收入.
func joinHead(p, head string) string {
	for n := min(len(p), len(head)); n >= len("居民"); n-- {
		if strings.HasSuffix(p, head[:n]) && utf8.RuneStart(head[n%len(head)]) {
			return p + head[n:]
		}
	}
	return p + head
}

// phraseStart returns where the phrase ending at off begins: after the last
// clause mark other than 、, which joins the items of a subject.
func (sc *scanner) phraseStart(off int) int {
	for i := off - 1; i >= sc.start; i-- {
		if size := clauseMarkAt(sc.text, i); size > 0 && !strings.HasPrefix(sc.text[i:], "、") {
			return i + size
		}
	}
	return sc.start
}

// sharedHeads are the heads that coordinated indicator names share,
// longest first.
var sharedHeads = []string{
	"常住居民人均可支配收入", "居民人均可支配收入", "人均可支配收入", "可支配收入", "贷款余额", "存款余额",
	"营业收入", "普及率", "覆盖率", "达标率", "合格率", "排放总量", "排放量", "排放强度", "平均浓度", "浓度", "增加值", "销售额", "营业额", "投资",
	"产值", "收入", "产量", "总额", "利润", "支出", "消费",
}

// linked reports whether item k restates the indicator of the item before
// it: only link words stand between them ("由46.9%提高到48.2%", "上升3个
// 百分点，达到51.2%").
func (sc *scanner) linked(k int) bool {
	between := sc.text[sc.items[k-1].end:sc.items[k].start]
	if strings.ContainsAny(between, "。；;") {
		return false
	}
	between = strings.Trim(between, "，, ")
	if rest, ok := strings.CutPrefix(between, "、"); ok {
		// 一季度开工率达到30%、上半年达到60%: a later stage of the same
		// indicator, told with its time and a verb of reaching.
		for _, w := range stageWords {
			if r, ok := strings.CutPrefix(rest, w); ok && r != "" && reachSet.At(r, 0) == r {
				return true
			}
		}
	}
	for _, w := range linkPhrases {
		if between == w {
			return true
		}
	}
	return false
}

// stageWords are the times of a stage of an indicator's course; reachSet
// the verbs it reaches a level with.
var (
	stageWords = []string{"前三季度", "一季度", "二季度", "三季度", "四季度", "上半年", "下半年", "全年", "年底前", "年底", "年末", "到年底"}
	reachSet   = words.NewSet("达到", "提高到", "提高至", "提升到", "提升至", "增加到", "增长到", "上升到", "下降到", "降至", "降低到", "减少到", "达")
)

var linkSet = words.NewSet(linkPhrases...)

// linkPhrases join two figures of one indicator.
var linkPhrases = []string{
	"提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增长至", "增至", "上升到", "上升至",
	"扩大到", "扩大至", "发展到", "发展至", "下降到", "下降至", "降至", "降低到", "降低至", "减少到", "减少至",
	"减至", "缩短到", "缩短至", "压缩到", "压缩至", "达到", "达", "为", "和", "及", "至", "到",
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// quantity builds the public form of an item.
func (sc *scanner) quantity(it *item) zongjie.Quantity {
	span := document.Span{Start: it.start, End: it.end}
	loc := sc.f.Location(span)
	q := zongjie.Quantity{
		Text: sc.text[it.start:it.end], Unit: it.unitWord, BaseUnit: it.unit.base,
		Approx: strings.Join(it.approx, "…"), Placeholder: it.placeholder, Numerals: it.numerals,
		Line: loc.Line, Column: loc.Column, Offset: loc.Offset, Length: loc.Length,
		Span: span, NumberSpan: document.Span{Start: it.numStart, End: it.numEnd},
		UnitSpan: document.Span{Start: it.unitStart, End: it.unitEnd},
	}
	if it.hasValue {
		factor := it.scale * it.unit.factor
		if factor == 0 {
			factor = it.scale
		}
		v, b := it.value, baseValue(it.value, it.decimal, factor)
		q.Value, q.BaseValue = &v, &b
		if it.isRange {
			vt, bt := it.valueTo, baseValue(it.valueTo, it.decimalTo, factor)
			if it.scaleTo != 0 && it.scaleTo != it.scale {
				// 3000万元至1亿元: the high end in the low end's unit.
				bt = baseValue(it.valueTo, it.decimalTo, it.scaleTo*it.unit.factor)
				if it.unit.factor == 0 {
					bt = baseValue(it.valueTo, it.decimalTo, it.scaleTo)
				}
				vt = baseValue(it.valueTo, "", it.scaleTo/it.scale)
			}
			q.ValueTo, q.BaseValueTo = &vt, &bt
		}
	}
	if q.BaseUnit == "" && it.scale != 1 {
		q.BaseUnit = "" // a bare multiplier: 237.15万 → 2371500
	}
	return q
}

// nameFor finds the indicator a figure measures. It weighs the clause
// before the figure (cleaned of time words, subjects and verbs) against the
// noun right after it: "财政收入9.01亿元" names what comes before, "83家规上
// 工业企业" what comes after. A change ("同比增长…") is named by what comes
// before its verb. Failing both, it takes the subject of the clause before
// ("不良率始终低位运行，6月末仅为0.39%").
func (sc *scanner) nameFor(k, off int) string {
	it := &sc.items[k]
	start, afterItem := sc.clauseStart(k, off)
	raw := sc.text[start:off]
	limit := sc.end
	if k+1 < len(sc.items) {
		limit = sc.items[k+1].start
	}
	follow, followVerb := "", ""
	if it.change == "" {
		follow, followVerb = sc.followingNoun(it.end, limit, it.unit.base == "人")
	}
	if follow == "" && followVerb == "" && !afterItem {
		if list, ok := sc.listBefore(start, off, k); ok {
			raw = list // 检查企业、“三小场所”等236家次: the list is counted
		} else if head, members, ok := sc.listHead(start, off, k); ok {
			raw = head // 协调解决用工、融资、审批等问题87个: 问题 are counted
			it.members = members
		}
	}
	if !afterItem && follow == "" {
		for _, w := range restWords {
			if strip(words.TrimSpace(raw), leadingSet) == w {
				it.rest = true // 其余2个纳入…: named by the whole (names)
				return ""
			}
		}
	}
	action := actionUnits[it.unit.base] && it.change == ""
	var name, verb string
	switch {
	case action && afterItem && followVerb != "":
		return followVerb // 参加十余次培训
	case action:
		name = cleanAction(raw)
	default:
		name, verb = cleanName(raw)
	}
	if contextPhrase(name) {
		// 在全市城市管理月度考评中4次排名第一: the clause before sets
		// the scene; what is counted follows.
		switch {
		case follow != "":
			return follow
		case followVerb != "":
			return followVerb
		}
	}
	if causatives[verb] && followVerb != "" {
		return followVerb // 帮助4人实现再就业 → 实现再就业
	}
	if onlyPlaceholders(name) || isFunctionChar(name) {
		name = "" // 增加至45个, 计3.5公里: a word left before the figure names nothing
	}
	if afterItem && strings.HasPrefix(name, "的") {
		// 收入10万元以上的村达到18个: the figure before qualifies the noun
		// counted, and the name is the whole phrase, that figure with it
		// (not 的村).
		if full, _ := cleanName(sc.text[sc.openingBefore(start):off]); len(full) > len(name) && strings.HasSuffix(full, name) {
			name = full
		}
	}
	if action && follow != "" && utf8.RuneCountInString(name) <= 2 {
		return name + follow // 召开*次垃圾分类工作推进会
	}
	if placeNouns[follow] && !afterItem && !action {
		if sv := subjectVerb(raw); sv != "" {
			return sv + follow // 5G网络覆盖全部14个地市 → 5G网络覆盖地市
		}
	}
	switch {
	case name != "" && !afterItem && verb == "" && (follow == "" || action || hasIndicatorSuffix(name)):
		return name
	case follow != "":
		return follow
	case name != "":
		return name
	}
	if verb != "" {
		if n := cleanAction(raw); n != "" {
			return n // 已征收1068户 → 征收; 各项技术培训*期 → 技术培训
		}
	}
	switch {
	case it.unit.digitsOnly:
		return it.unit.base // 5村5居
	case afterItem:
		return "" // 认定**户**人: the caller gives it the name of the figure before
	case followVerb != "":
		return followVerb // 组织约300人参加培训
	case k > 0 && sc.items[k-1].end > sc.clauseBefore(start):
		return "" // the clause before has its own figure; it is not the subject
	}
	return sc.subjectBefore(start, 12)
}

// causatives are verbs that make the people counted after them do what
// follows (帮助4人实现再就业, 组织300人参加培训): the count is named by
// that.
var causatives = map[string]bool{"帮助": true, "组织": true, "引导": true, "动员": true, "推动": true, "扶持": true}

// sceneEnds end a prepositional phrase of the scene after 在 (过程中 ends
// in 中).
var sceneEnds = words.NewSet("中", "里", "期间")

// contextPhrase reports whether a name is a prepositional phrase of the
// scene (在全市月度考评中, 在汛期里), which names no figure.
func contextPhrase(name string) bool {
	return strings.HasPrefix(name, "在") && utf8.RuneCountInString(name) >= 4 && sceneEnds.Suffix(name) != ""
}

// listBefore returns the whole of a list closed by 等 right before a
// figure that no noun follows, less the 等 ("检查企业、“三小场所”等236家
// 次", "调解邻里纠纷、家庭矛盾等86件"): the clause before the figure starts
// at its last 、, and the name is the list, not its last item. start is
// where that clause begins.
func (sc *scanner) listBefore(start, off, k int) (string, bool) {
	raw := words.TrimSpace(sc.text[start:off])
	for w := trailingWord(raw); w != "" && !strings.HasSuffix(raw, "等"); w = trailingWord(raw) {
		raw = raw[:len(raw)-len(w)] // 老党员等共120户: the words of reaching go
	}
	if !strings.HasSuffix(raw, "等") || start-len("、") < sc.start || sc.text[start-len("、"):start] != "、" {
		return "", false
	}
	off = start + len(raw)
	from := sc.listFirst(start, off, k)
	return strings.TrimSuffix(words.TrimSpace(sc.text[from:off]), "等"), true
}

// listFirst returns where the list of items joined by 、 that ends with the
// clause starting at start (right after a 、) begins: after the mark before
// its first item, not before the end of item k-1 (the figure before) nor the
// paragraph's start. off is where the clause's words end.
func (sc *scanner) listFirst(start, off, k int) int {
	low := sc.start
	if k > 0 && sc.items[k-1].end <= off {
		low = max(low, sc.items[k-1].end)
	}
	from := start - len("、")
	for {
		m := sc.markBefore(low, from)
		if m < 0 {
			return low
		}
		if sc.text[m-len("、"):m] != "、" {
			return m
		}
		from = m - len("、")
	}
}

// listHead reads a clause that lists the kinds of what its figure counts,
// closed by 等 and the noun they are kinds of ("协调解决用工、融资、审批等问
// 题87个", "新发展黄桃、脐橙等特色水果1200亩"): the figure counts the noun,
// not the last kind with it. It returns the noun (问题, 特色水果), which
// names the figure, and the kinds listed, the members (用工, 融资, 审批), less
// the verb before the list. start is where the clause holding the figure
// begins, after the list's last 、 when there is one. A word made with 等
// (高等教育, 中等, 等级) closes no list.
func (sc *scanner) listHead(start, off, k int) (raw string, members []string, ok bool) {
	clause := sc.text[start:off]
	i := strings.LastIndex(clause, "等")
	if i <= 0 {
		return "", nil, false
	}
	head := clause[i+len("等"):]
	if w := aspectSet.At(head, 0); w != "" {
		// 用地等方面诉求, 主题党日等形式学习: the aspects or means listed
		// are no kinds of what is counted, which follows them.
		head = strings.TrimPrefix(head[len(w):], "的")
	} else if rest, ok := strings.CutPrefix(head, "地"); ok {
		// 赴长三角、珠三角等地招商: places (not 等地方政府, 等地块).
		if r, _ := utf8.DecodeRuneInString(rest); !strings.ContainsRune("方块下质产标段铁摊貌形理", r) {
			head = rest
		}
	}
	if r, _ := utf8.DecodeRuneInString(head); !isHan(r) && r != '“' || equalWordSet.At(clause, i) != "" {
		return "", nil, false
	}
	if r, _ := utf8.DecodeLastRuneInString(clause[:i]); strings.ContainsRune("高中初低上下平同均对相优次特头甲乙丙一二三四五", r) {
		return "", nil, false
	}
	from := start
	if start-len("、") >= sc.start && sc.text[start-len("、"):start] == "、" {
		from = sc.listFirst(start, off, k)
	}
	parts := strings.Split(sc.text[from:start+i], "、")
	// The verb before the list stands before its first kind: the last verb
	// of the first part that leaves a kind after it (开展安全检查、… drops
	// 开展, not 开展安全检查).
	for s, first := parts[0], parts[0]; s != ""; {
		j, w := lastVerb(s)
		if j < 0 {
			break
		}
		if words.TrimSpace(first[j+len(w):]) != "" {
			parts[0] = first[j+len(w):]
			break
		}
		s = s[:j]
	}
	if w := listLeadSet.At(parts[0], 0); w != "" && len(w) < len(parts[0]) {
		parts[0] = parts[0][len(w):] // 对205国道、…等主要路段
	}
	for _, p := range parts {
		p = trimQuotes(strip(p, leadingSet))
		if p == "" {
			return "", nil, false
		}
		members = append(members, p)
	}
	return head, members, true
}

// equalWordSet are words that begin with 等 and close no list.
var equalWordSet = words.NewSet("等级", "等靠要", "等次", "等候", "等待", "等同", "等于", "等额", "等量")

// aspectSet are the nouns after 等 that say the list gives aspects or
// means (等方面, 等形式), not kinds of what is counted; listLeadSet the
// prepositions that open a list (对, 依托, 围绕).
var (
	aspectSet   = words.NewSet("方面", "领域", "形式", "方式", "途径", "渠道", "环节", "地区")
	listLeadSet = words.NewSet("对", "赴", "到", "去", "前往", "在", "为", "以", "向", "依托", "通过", "围绕", "针对", "聚焦", "结合")
)

// placeNouns are the places a coverage is counted in: "5G网络覆盖14个地
// 市" counts 地市 reached by 5G网络, not any 地市.
var placeNouns = map[string]bool{
	"地市": true, "市州": true, "县区": true, "县（市、区）": true, "县（市）": true, "乡镇": true, "街道": true,
	"村": true, "行政村": true, "自然村": true, "社区": true, "村（居）": true, "村（社区）": true,
	"县(市、区)": true, "县(市)": true, "村(居)": true, "村(社区)": true, // typed half-width
}

// subjectVerb returns the subject and verb of a clause that ends with a verb
// and at most a scope word ("5G网络覆盖全部", "农村公路通达所有"): the
// name of a coverage together with the place counted after the figure. It
// returns "" when no noun precedes the verb ("新建", "今年完成").
func subjectVerb(raw string) string {
	s := trimQuotes(words.TrimSpace(raw))
	for _, w := range []string{"全部", "所有", "全", "了"} {
		s = strings.TrimSuffix(s, w)
	}
	i, v := lastVerb(s)
	if i < 0 || i+len(v) != len(s) {
		return ""
	}
	subject := strip(s[:i], leadingSet)
	if j, w := lastVerb(subject); j >= 0 {
		subject = subject[j+len(w):]
	}
	if utf8.RuneCountInString(subject) < 2 || onlyPlaceholders(subject) {
		return ""
	}
	return clip(subject + v)
}

// clauseBefore returns where the clause before the one starting at off
// begins.
func (sc *scanner) clauseBefore(off int) int {
	before := clauseTrail.TrimRight(sc.text[sc.start:off])
	if i := clauseMarks.LastIndexAny(before); i >= 0 {
		_, size := utf8.DecodeRuneInString(before[i:])
		return sc.start + i + size
	}
	return sc.start
}

// onlyPlaceholders reports whether s is made of placeholder characters and
// punctuation only ("**", "**、**").
func onlyPlaceholders(s string) bool {
	for _, r := range s {
		if !isPlaceholderRune(r) && r != '、' && r != '和' && r != '及' {
			return false
		}
	}
	return true
}

// indicatorSuffixes end the names of measured indicators; a clause ending
// with one names the figure even when a noun follows it.
var indicatorSuffixes = words.NewSet(
	"收入", "产值", "增加值", "销售额", "营业额", "投资", "额", "量", "率", "值", "资金", "人数", "面积", "总量",
	"规模", "产量", "金额", "补贴", "费", "贷款", "收益", "支出", "利润", "税收", "产能", "容量", "里程", "总数",
	"户数", "人口", "就业", "资本", "经济", "预算", "价格", "指数", "比重", "津贴", "奖金", "经费", "成本",
	"强度", "比例", "水平", "标准", "赤字", "增速", "涨幅", "占比", "能耗",
)

func hasIndicatorSuffix(s string) bool { return indicatorSuffixes.Suffix(s) != "" }

// actionUnits count actions, not things: their indicator is the action
// with its object ("劝纠违法行为2000余起", "约谈企业5次").
var actionUnits = map[string]bool{
	"次": true, "人次": true, "起": true, "场": true, "场次": true, "批次": true, "轮": true,
	"户次": true, "家次": true, "台次": true, "车次": true, "架次": true, "班次": true, "趟": true,
}

// cleanAction cleans the clause before a count of actions, keeping its verb.
func cleanAction(raw string) string {
	s := trimQuotes(words.TrimSpace(raw))
	s = strings.TrimPrefix(s, "了")
	return clip(indicator.DropLightVerb(strip(s, actionLeadSet)))
}

// strip removes leading words of lead, leading dates and trailing words
// from s until none is left.
func strip(s string, lead *words.Set) string {
	for changed := true; changed && s != ""; {
		changed = false
		if w := lead.At(s, 0); w != "" {
			s, changed = s[len(w):], true
		}
		if t := stripLeadingDate(s); t != s {
			s, changed = t, true
		}
		if w := trailingWord(s); w != "" {
			s, changed = s[:len(s)-len(w)], true
		}
	}
	return s
}

// actionLeads are verbs of doing that say nothing about the action.
var actionLeads = []string{"开展", "组织", "举办", "进行", "实施", "完成", "共", "累计", "先后", "多次"}

// clauseStart returns where the clause holding off begins: after the last
// clause mark, or after the previous figure if it is in the same clause
// (then afterItem is set).
func (sc *scanner) clauseStart(k, off int) (int, bool) {
	start := sc.start
	// A mark before the end of the figure before cannot matter: the
	// clause then starts at that figure's end. Looking no further back
	// keeps a paragraph with few marks linear.
	low := sc.start
	if k > 0 && sc.items[k-1].end <= off {
		low = max(low, sc.items[k-1].end)
	}
	if m := sc.markBefore(low, off); m >= 0 {
		start = m
	}
	if k > 0 {
		if prevEnd := sc.items[k-1].end; prevEnd > start && prevEnd <= off {
			return prevEnd, true
		}
	}
	// A heading marker is not part of the clause: "（一）力争…", "一是…".
	if i := sort.Search(len(sc.ctx.Skip), func(i int) bool { return sc.ctx.Skip[i].End > start }); i < len(sc.ctx.Skip) {
		if m := sc.ctx.Skip[i]; m.Start <= start && m.End <= off {
			start = m.End
		}
	}
	return start, false
}

// markBefore returns the offset after the last clause mark of text[low:off]
// outside round brackets (a mark inside them, 县（区、市）, ends no
// clause), or -1.
func (sc *scanner) markBefore(low, off int) int {
	depth := 0 // closing brackets seen
	for i := off - 1; i >= low; i-- {
		switch bracketAt(sc.text, i) {
		case ')':
			depth++
			continue
		case '(':
			if depth > 0 {
				depth--
			}
			continue
		}
		if size := clauseMarkAt(sc.text, i); size > 0 && depth == 0 {
			return i + size
		}
	}
	return -1
}

// openingBefore returns where the clause holding off begins, across any
// figure in it (clauseStart stops at the figure before).
func (sc *scanner) openingBefore(off int) int {
	if m := sc.markBefore(sc.start, off); m >= 0 {
		return m
	}
	return sc.start
}

// bracketAt returns '(' or ')' when an opening or closing round bracket
// (ASCII or full-width) starts at byte i of text, or 0.
func bracketAt(text string, i int) byte {
	switch c := text[i]; c {
	case '(', ')':
		return c
	case 0xEF:
		if i+2 < len(text) && text[i+1] == 0xBC {
			switch text[i+2] {
			case 0x88: // （
				return '('
			case 0x89: // ）
				return ')'
			}
		}
	}
	return 0
}

// clauseMarkAt returns the size of the clause mark (，。；：！？、 or their
// ASCII forms) at byte i of text, or 0; it looks at bytes, not characters.
func clauseMarkAt(text string, i int) int {
	switch c := text[i]; c {
	case ',', ';', ':', '!', '?':
		return 1
	case 0xE3:
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x82 || text[i+2] == 0x81) { // 。 、
			return 3
		}
	case 0xEF:
		if i+2 < len(text) && text[i+1] == 0xBC {
			switch text[i+2] {
			case 0x8C, 0x9B, 0x9A, 0x81, 0x9F: // ， ； ： ！ ？
				return 3
			}
		}
	}
	return 0
}

// clauseTrail are the marks and spaces trimmed from the text before a
// clause mark; clauseMarks the marks that end a clause before a figure's.
var (
	clauseTrail = words.NewCutset("，,、 ")
	clauseMarks = words.NewCutset("，。；：！？、,;:!?")
)

// subjectBefore returns the subject of the clause before off: its text up
// to the first adverb or verb ("不良率始终低位运行" → 不良率).
// A subject longer than maxRunes is none.
func (sc *scanner) subjectBefore(off, maxRunes int) string {
	before := clauseTrail.TrimRight(sc.text[sc.start:off])
	if i := clauseMarks.LastIndexAny(before); i >= 0 {
		_, size := utf8.DecodeRuneInString(before[i:])
		before = before[i+size:]
	}
	cut := len(before)
	for _, w := range subjectStops {
		if i := strings.Index(before, w); i > 0 && i < cut {
			cut = i
		}
	}
	subject := before[:cut]
	if r, size := utf8.DecodeRuneInString(subject); strings.ContainsRune("一二三四五六七八九十", r) && strings.HasPrefix(subject[size:], "是") {
		subject = subject[size+len("是"):] // 四是部分社区…: an enumeration's marker
	}
	name, _ := cleanName(subject)
	if strings.ContainsAny(name, "0123456789") {
		return ""
	}
	if utf8.RuneCountInString(name) > maxRunes {
		return ""
	}
	return name
}

// subjectStops are words that end a clause's subject.
var subjectStops = []string{"始终", "持续", "保持", "一直", "继续", "稳步", "不断", "进一步", "均", "都", "仍", "已", "实现", "达到", "偏小", "偏低", "偏少", "偏大", "偏高", "偏多", "不足"}

// followingNoun returns the noun after a figure when the figure comes first
// ("派遣40名骨干力量到…" → 骨干力量). When the words after the figure are a
// verb phrase ("参加培训") it returns them as verbPhrase instead.
// A count of people (people) names people, never a place or a thing their
// title begins with: 2名网格员, 12名企业家, 5名社区工作者.
func (sc *scanner) followingNoun(end, limit int, people bool) (noun, verbPhrase string) {
	rest := sc.text[end:max(end, limit)]
	for _, w := range []string{"大关", "新台阶", "台阶", "关口", "的目标", "的任务", "目标任务"} {
		if strings.HasPrefix(rest, w) {
			// 突破百万吨大关: the threshold reached names nothing; nor
			// does the goal set (适老化改造500户的目标任务).
			return "", ""
		}
	}
	rest = strings.TrimPrefix(rest, "的")
	if w := linkSet.At(rest, 0); len(w) > len("到") {
		// A verb linking this figure to another of its indicator
		// (由20个工作日压缩到5个工作日) names nothing; one reaching a
		// standard is a predicate (其中5个达到推荐标准).
		after := rest[len(w):]
		if r, _ := utf8.DecodeRuneInString(after); r == utf8.RuneError || isDigitLike(r) || isClausePunct(r) || isPlaceholderRune(r) {
			return "", ""
		}
		if w == "达到" {
			end := len(after)
			for i, r := range after {
				if isClausePunct(r) || isDigitLike(r) || i >= 24 {
					end = i
					break
				}
			}
			return "", w + after[:end]
		}
	}
	if open, close := quoteOpening(rest); open != "" {
		// A quoted name: 15个“15分钟品质文化生活圈” (or "…" typed half-width).
		if j := strings.Index(rest[len(open):], close); j > 0 {
			return rest[len(open) : len(open)+j], ""
		}
	}
	for _, n := range countNouns {
		if strings.HasPrefix(rest, n) {
			// A noun must stand alone: 16个村的, not 两个村级; 1条街道级示范街
			// counts streets of the 街道 level, not 街道.
			r, _ := utf8.DecodeRuneInString(rest[len(n):])
			if r == '级' {
				continue
			}
			if utf8.RuneCountInString(n) > 1 && !people || !isHan(r) || r == '的' || predicateAt(rest[len(n):]) {
				return n, "" // 6个村年均增收, 14个村达到: the noun is the subject
			}
			if people && utf8.RuneCountInString(n) > 1 {
				// 2名网格员, x名村（社区）党组织书记: the people whose title
				// the noun begins.
				if tail, _ := nounRun(rest[len(n):], 1); tail != "" {
					return clip(n + tail), ""
				}
			}
		}
	}
	return nounRun(rest, 2)
}

// nounRun reads the noun phrase at the start of rest, the words after a
// figure, of at least min characters; or the verb phrase there.
func nounRun(rest string, minRunes int) (noun, verbPhrase string) {
	// The noun runs to a mark or a number, and to a stop word (searched
	// before the length cap, which may fall inside one: 和美乡村示范点建设).
	// A closing quotation mark after an opening one is inside it
	// (12条道路“白改黑”工程); quotation marks do not count towards the
	// cap of 24 bytes, which does not cut a quoted name.
	cut, capAt, marks := len(rest), len(rest), 0
	quoted := false
	for i, r := range rest {
		switch {
		case r == '“' || r == '"' && !quoted:
			quoted = true
			marks += utf8.RuneLen(r)
			continue
		case (r == '”' || r == '"') && quoted:
			quoted = false
			marks += utf8.RuneLen(r)
			if i-marks >= 24 && capAt == len(rest) {
				capAt = i + utf8.RuneLen(r) // the cap fell inside: the quoted name is whole
			}
			continue
		}
		if isClausePunct(r) || isDigitLike(r) || isPlaceholderRune(r) || r == '（' || r == '(' {
			cut = i
			break
		}
		if i-marks >= 24 && capAt == len(rest) && !quoted {
			capAt = i
		}
	}
	rest = rest[:cut]
	if isVerbLike(rest) {
		if utf8.RuneCountInString(rest) >= 2 {
			return "", rest[:min(capAt, len(rest))]
		}
		return "", ""
	}
	if i := followStopIndex(rest); i >= 0 {
		rest = rest[:i]
	}
	rest = trimQuotes(rest[:min(capAt, len(rest))])
	if utf8.RuneCountInString(rest) < minRunes {
		return "", ""
	}
	return rest, ""
}

// predicateAt reports whether s opens with what a subject is followed by:
// a word that ends a noun phrase (followStops), a verb, a change, or an
// adverb of time or reach (年均, 达).
func predicateAt(s string) bool {
	if followStopSet.At(s, 0) != "" && nounStartSet.At(s, 0) == "" || isVerbLike(s) {
		return true
	}
	for _, w := range []string{"年均", "达", "均"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// isVerbLike reports whether s starts with a verb or a change word, which
// is not a name: "提高到", "增长".
func isVerbLike(s string) bool {
	for _, d := range directionWords {
		if len(d.word) > 3 && strings.HasPrefix(s, d.word) {
			return true
		}
	}
	return s != "" && verbSet.At(s, 0) != ""
}

// countNouns are the nouns most often counted in reports; after a figure
// they are taken whole and alone ("23个社区基层…" → 社区).
var countNouns = []string{
	"村（居）", "村（社区）", "村(居)", "村(社区)", "社区", "小区", "行政村", "自然村", "村", "项目", "企业", "工作组", "部门", "单位",
	"网格", "示范点", "点位", "站点", "基地", "园区", "平台", "场所", "乡镇", "街道", "学校", "家庭", "人次",
}

// followStops end a noun phrase after a figure.
var followStops = []string{
	"的", "等", "到", "在", "参加", "参与", "进行", "实现", "完成", "开展", "建设", "落地", "入驻", "提供",
	"和", "及", "与", "全部", "均", "已", "正在", "积极", "顺利", "稳步", "获得", "成功", "创建", "征收",
	"改造", "提升", "治理", "整治", "验收", "分别", "共发放", "按时发放", "发放", "共计", "共有", "进行", "结合", "通过", "用于",
	"每户", "每人", "每年", "年均", "户均", "人均",
	"年内", "年底前", "年底", "全年", "今年", // 8个在建项目年内全部投产
	"组成", // 由4名干部组成
	// 12名企业家担任“招商顾问”, 两名社区党组织书记获评…, 20名书记赴…
	"担任", "获评", "荣获", "被评为", "赴", "前往",
	"予以", "依法", "依规", "及时", "逐一", "纳入", // 9名干部予以通报表扬, 14家社会组织依法作出…, 2个纳入…
}

// nounStarts are words that begin with a followStop and are the start of
// a noun, not its end: 2个和美乡村示范点, 102名在职党员, 8个在建项目.
var nounStarts = []string{"组成部分", "和美", "在职", "在建", "在校", "在岗", "在册", "在编", "在读", "在营", "在线", "在库", "在途"}

// followStopIndex returns where the first followStop of s stands that does
// not begin one of the nounStarts, or -1.
func followStopIndex(s string) int {
	for _, m := range followStopSet.All(s) {
		if nounStartSet.At(s, m.Start) == "" {
			return m.Start
		}
	}
	return -1
}

// cleanName strips time words, subjects, connectors and verbs from the
// clause before a figure. When the clause ends with a verb (the indicator
// is then the noun after the figure), name is empty and verb is that verb.
func cleanName(raw string) (name, verb string) {
	// A line break inside a paragraph is web copy's, inside a sentence
	// ("广义货币M\n2\n预期增长"): the name reads across it.
	s := trimQuotes(words.TrimSpace(strings.ReplaceAll(raw, "\n", "")))
	if w := linkSet.Suffix(s); len(w) > 3 {
		s = s[:len(s)-len(w)] // 中央预算内投资增加到 → 中央预算内投资
	}
	// The text after the last verb: "协助提供贷款" → 贷款. Not for rates and
	// shares, whose names hold verbs: 污水治理覆盖率, 城镇登记失业率.
	if t := strip(s, ratioLeadSet); isRatioName(t) {
		if utf8.RuneCountInString(t) < 2 {
			t = s // 完成率 is a name, not 完成 + 率
		}
		return clip(t), ""
	}
	for w := trailingWord(s); w != "" && len(w) < len(s); w = trailingWord(s) {
		s = s[:len(s)-len(w)] // 补助标准由每人每年: the verb is read on 补助标准
	}
	if t, ok := strings.CutSuffix(s, "为"); ok && t != "" {
		if r, _ := utf8.DecodeLastRuneInString(t); !strings.ContainsRune("行作成认称因以视更较", r) {
			s = t // 财政收入为3亿元; not 违法行为, 作为
		}
	}
	if i, w := lastVerb(s); i >= 0 {
		rest := s[i+len(w):]
		if !strings.HasPrefix(rest, "了解") {
			rest = strings.TrimPrefix(rest, "了")
		}
		if words.TrimSpace(rest) == "" {
			return "", w
		}
		if oneNoun(rest) {
			// The verb begins a noun whose head is one character: 检查井,
			// 登记证. The name starts after the verb before it.
			start := 0
			if j, w2 := lastVerb(s[:i]); j >= 0 {
				start = j + len(w2)
			}
			rest = s[start:]
		}
		s = rest
	}
	s = strip(s, leadingSet)
	s = indicator.DropLightVerb(s)
	if rest, ok := strings.CutPrefix(s, "共"); ok && verbSet.At(rest, 0) != "" {
		s = rest // 共争取资金 (not 共青团)
	}
	if strings.HasSuffix(s, "等") {
		return "", "等"
	}
	return clip(s), ""
}

// functionChars are the characters that are words of their own between a
// clause and its figure — prepositions, adverbs, particles, verbs of
// reaching (增加至 → 至, 在320个县 → 在, 计3.5公里 → 计). Left alone as a
// name they name nothing.
const functionChars = "至到于在过计为是达有共约超近的了和及与等把被将向对从由给以按就各每均另再又也都还已并且而其总合累仅逾"

// oneNoun reports whether s is one Han character that is not a function
// character: the head of a noun whose modifier was cut off (检查井 cut
// after the verb 检查, 超200亿元县 after the figure).
func oneNoun(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return size == len(s) && isHan(r) && !strings.ContainsRune(functionChars, r)
}

// isFunctionChar reports whether s is a single function character.
func isFunctionChar(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return size > 0 && size == len(s) && strings.ContainsRune(functionChars, r)
}

// ratioEnds end the names of rates and shares.
var ratioEnds = words.NewSet("率", "比重", "占比", "比例", "指数")

// isRatioName reports whether s names a rate or a share.
func isRatioName(s string) bool { return ratioEnds.Suffix(s) != "" }

// innerTimeWords are words of time, estimate and accumulation that a
// clause puts between its subject and the indicator (早稻预计亩产, 镇级河长
// 累计巡河, 新开工项目一季度开工率, 镇纪委全年立案): they qualify the
// figure, not the indicator. 全年, 今年 and 年内 not before a goal's word:
// 全年目标, 全年计划投资 are names.
var innerTimeWords = []struct {
	word   string
	toGoal bool // kept before a goal's word
}{
	{"前三季度", false}, {"一季度", false}, {"二季度", false}, {"三季度", false}, {"四季度", false},
	{"上半年", false}, {"下半年", false}, {"预计", false}, {"累计", false},
	{"全年", true}, {"今年", true}, {"年内", true},
}

// goalWordSet are the words of a goal that 全年 is part of the name of.
var goalWordSet = words.NewSet("目标", "任务", "计划", "指标", "预算")

// dropInnerTime removes the innerTimeWords that stand inside a name, after
// two characters at least and before more.
func dropInnerTime(s string) string {
	for _, w := range innerTimeWords {
		for from := 0; ; {
			i := strings.Index(s[from:], w.word)
			if i < 0 {
				break
			}
			i += from
			end := i + len(w.word)
			if utf8.RuneCountInString(s[:i]) < 2 || end == len(s) || w.toGoal && goalWordSet.At(s, end) != "" {
				from = end
				continue
			}
			s = s[:i] + s[end:]
			from = i
		}
	}
	return s
}

// clipCut are the marks and spaces clip trims from a name's ends.
var clipCut = words.NewCutset("，、 　")

// clip trims blanks and keeps at most the last 24 characters of a name:
// in a long clause the indicator is at the end. Words of time, estimate
// and accumulation inside it go (dropInnerTime).
func clip(s string) string {
	s = dropInnerTime(trimQuotes(clipCut.Trim(s)))
	if utf8.RuneCountInString(s) > 24 {
		r := []rune(s)
		s = string(r[len(r)-24:])
	}
	return s
}

// trimQuotes removes quotation marks and brackets that are not balanced
// inside s: "“小升规”" keeps its quotes, "小升规”" loses the stray one.
func trimQuotes(s string) string {
	if n := strings.Count(s, "\""); n%2 == 1 {
		// Typed half-width, an odd quotation mark is the stray one: the
		// one it opens with (…"平均办理时限), ends with, or else the last.
		switch i := strings.LastIndexByte(s, '"'); {
		case strings.HasPrefix(s, "\""):
			s = s[1:]
		default:
			s = s[:i] + s[i+1:]
		}
	}
	var count [8]int
	any := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '(' && c != ')' && c != 0xE2 && c != 0xE3 && c != 0xEF {
			continue
		}
		for k, p := range bracketRunes {
			if strings.HasPrefix(s[i:], p) {
				count[k]++
				any = true
			}
		}
	}
	if !any {
		return words.TrimSpace(s)
	}
	for k := 0; k < len(bracketRunes); k += 2 {
		open, close := bracketRunes[k], bracketRunes[k+1]
		for n := count[k] - count[k+1]; n > 0; n-- {
			i := strings.LastIndex(s, open)
			s = s[:i] + s[i+len(open):]
		}
		for n := count[k+1] - count[k]; n > 0; n-- {
			i := strings.Index(s, close)
			s = s[:i] + s[i+len(close):]
		}
	}
	return words.TrimSpace(s)
}

// bracketRunes are pairs of opening and closing marks.
var bracketRunes = [8]string{"“", "”", "（", "）", "(", ")", "《", "》"}

// verbHeads are the characters after a verb that make it the start of a
// noun (lastVerb).
var verbHeads = words.NewCutset("值率额量数区面度者方业费站中点队所强能时")

// lastVerb finds the verb of s from the verb list that ends last, ignoring
// verbs that begin a noun (增加值, 完成率, 覆盖面, 服务站, 服务中心, 检测点,
// 投入强度, 处理能力).
// It scans s once from the right.
func lastVerb(s string) (int, string) {
	best, word := -1, ""
	for i := len(s); i > 0; {
		// Back to the first byte of the character before i. Where
		// utf8.DecodeLastRuneInString would step over an invalid byte
		// alone, this steps over continuation bytes together: no verb
		// starts with one.
		for i--; i > 0 && s[i]&0xC0 == 0x80; i-- {
		}
		for _, v := range verbSet.Candidates(s, i) {
			if !strings.HasPrefix(s[i:], v) {
				continue
			}
			if r2, _ := utf8.DecodeRuneInString(s[i+len(v):]); verbHeads.Contains(r2) {
				continue
			}
			if modifies(s, skipAside(s, i+len(v))) {
				continue // a verb that modifies a head: 帮扶资金, 补助标准, 发展经费
			}
			if end := i + len(v); end > best+len(word) {
				best, word = i, v
			}
		}
		if best >= 0 && i+verbSet.MaxLen() < best+len(word) {
			break // no verb starting further left can end later
		}
	}
	return best, word
}

// skipAside returns the offset after a bracketed aside starting at i of s
// ("研究与试验发展（R&D）经费"), or i.
func skipAside(s string, i int) int {
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if strings.HasPrefix(s[i:], p[0]) {
			if j := strings.Index(s[i:], p[1]); j > 0 {
				return i + j + len(p[1])
			}
		}
	}
	return i
}

// modifierHeads are the nouns that a verb before them modifies rather than
// governs: 帮扶资金 and 补助标准 are names, not 帮扶 + 资金. endHeads do so
// only at the end of a name (补助标准, but 新建标准厂房 builds 标准厂房).
var (
	modifierHeads = words.NewSet("资金", "经费", "基金", "专项资金", "补贴")
	endHeads      = words.NewSet("标准", "对象")
)

// modifies reports whether a head that a verb modifies starts at i of s.
func modifies(s string, i int) bool {
	if modifierHeads.At(s, i) != "" {
		return true
	}
	w := endHeads.At(s, i)
	return w != "" && i+len(w) == len(s)
}

var (
	verbSet       = words.NewSet(verbs...)
	followStopSet = words.NewSet(followStops...)
	nounStartSet  = words.NewSet(nounStarts...)
	leadingSet    = words.NewSet(leadingWords...)
	actionLeadSet = words.NewSet(append(append([]string{}, leadingWords...), actionLeads...)...)
	ratioLeadSet  = words.NewSet(append(append([]string{}, leadingWords...), "实现", "完成", "推动", "推进", "确保", "使", "让")...)
	trailingSet   = words.NewSet(trailingWords...)
)

// verbs after which the indicator is what follows: "实现制造业投资" →
// 制造业投资; "招引海外专家" → 海外专家; "通过统筹协调" → (the noun after
// the figure).
var verbs = []string{
	"完成", "实现", "开展", "组织", "举办", "召开", "新建", "建成", "改造", "培训", "发放", "帮助", "帮扶",
	"协调", "引进", "招引", "招聘", "排查", "发现", "整改", "清理", "拆除", "整治", "走访", "慰问", "接待",
	"受理", "化解", "调处", "办理", "救助", "安置", "签约", "征收", "申报", "认定", "评选", "打造", "创建",
	"培育", "落实", "投入", "争取", "筹集", "下达", "出动", "检查", "约谈", "查处", "处罚", "收集", "治理",
	"种植", "造林", "修复", "铺设", "安装", "配置", "放置", "发布", "设立", "成立", "组建", "吸纳", "带动",
	"吸引", "提供", "输送", "覆盖", "惠及", "参与", "参加", "派遣", "抽调", "选派", "牵线", "获得", "荣获",
	"获评", "入选", "破获", "摸排", "张贴", "印发", "制定", "出台", "建立", "设置", "聘请", "邀请", "举行",
	"推动", "启动", "谋划", "储备", "上报", "申请", "核查", "探访", "解决", "处置", "移交",
	"调解", "开设", "开通", "打通", "贯通", "硬化", "销号", "摘牌", "达成", "观摩", "年产", "涉及", "拥有",
	"共有", "增加", "资助", "补助", "奖励", "兑现", "减免", "退还", "拨付", "划拨", "争创", "评定", "命名",
	"吸收", "发展", "挂牌", "开工", "竣工", "投产", "交付", "转化", "备案", "注册", "登记", "核发", "颁发",
	"签订", "评选出", "选出", "通过", "通达", "配备", "制止", "劝阻", "查获", "收缴", "清运", "收运", "处理", "帮扶", "对接", "服务",
}

// leadingWords are stripped from the start of a name.
var leadingWords = []string{
	"今年以来", "年初以来", "上半年来", "半年来", "一年来", "截至目前", "截止目前", "截至", "截止", "其中", "共计",
	"累计", "合计", "总计", "全年", "今年", "去年", "上半年", "下半年", "前三季度", "一季度", "二季度", "三季度",
	"四季度", "目前", "当前", "现已", "已经", "已", "全街道", "全镇", "全乡", "全区", "全县", "全市", "全省",
	"全国", "我镇", "我街道", "我乡", "我区", "我县", "我市", "我省", "我办", "街道", "辖区", "本年度", "年内",
	"同期", "以及", "通过", "力争", "确保", "计划", "争取", "预计", "全力", "努力", "各项", "各类", "等",
	"其中由", "并且", "我国", "年底前", "年底", "年末", "再", "又",
}

// trailingWords are stripped from the end of a name.
var trailingWords = []string{
	"分别为", "分别达到", "分别达", "分别", "共计", "累计", "总计", "合计", "仅为", "已达到", "已达", "达到", "达至",
	"突破", "超过", "保持在", "稳定在", "控制在", "增至", "提高到", "提高至", "提升至", "提升到", "降至",
	"下降到", "增长到", "增加到", "降到", "缩短到", "缩短至", "缩短为", "压缩到", "压缩至", "压缩为", "缩减到", "缩减至",
	"减少到", "减少至", "降低到", "降低至", "跃上", "首次跃上", "跃升至", "跃升到", "迈上", "站上", "首次突破", "首次超过",
	"每人每月", "每人每年", "每人每天", "每户每年", "每户每月", "每亩", "每户", "每人", "每月", "每年", // 标准提高到每人每月800元
	"折合", "折款", "折资", // 慰问品折合4.8万元
	"平均为", "拟定为", "确定为", "设定为", "定为", "拟按", "按照", "按", "首次", "预计", "预期", "均为", "共有", "现有", "拥有", "达", "共", "约", "超", "近", "的", "已", "仅",
	"了", "平均", "只有", "仅有", "只", "力争", "确保", "有", "从去年的", "从上年的", "从去年", "从上年", "由去年的", "由上年的", "由过去的", "由", "从", "要", "都要", "也要",
}

// trailingWord returns the trailing word s ends with, or "": not the 约
// that ends a word (村规民约, as approxPrefix leaves it).
func trailingWord(s string) string {
	w := trailingSet.Suffix(s)
	if w == "约" && strings.HasSuffix(s, "规民约") {
		return ""
	}
	return w
}

// stripLeadingDate removes a leading date or period: 1－6月, 6月末,
// 2023年, 截至6月底.
func stripLeadingDate(s string) string {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == 'x') {
		i++
	}
	if i == 0 {
		return s
	}
	rest := s[i:]
	for _, sep := range []string{"－", "-", "—", "～", "~", "至"} {
		if strings.HasPrefix(rest, sep) {
			j := len(sep)
			for j < len(rest) && (rest[j] >= '0' && rest[j] <= '9' || rest[j] == 'x') {
				j++
			}
			rest = rest[j:]
			break
		}
	}
	for _, w := range []string{"年度", "年底", "年末", "年初", "年", "月份", "月底", "月末", "月初", "月中旬", "月", "日"} {
		if strings.HasPrefix(rest, w) {
			rest = rest[len(w):]
			for _, w2 := range []string{"月底", "月末", "月份", "月"} {
				_ = w2
			}
			return strings.TrimLeft(rest, "，, ")
		}
	}
	return s
}

// quoteOpening returns the quotation mark s opens with and the mark that
// closes it: “ and ”, or " and " as messy reports type them; "" when s
// opens with none.
func quoteOpening(s string) (open, close string) {
	switch {
	case strings.HasPrefix(s, "“"):
		return "“", "”"
	case strings.HasPrefix(s, "\""):
		return "\"", "\""
	}
	return "", ""
}
