package quantity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"zongjie/internal/words"
)

// directionWords are the verbs that make a figure a change, longest first.
// A time shortened by a figure (办理时间缩短60%, 工期压缩15天) fell by it;
// shortened to one (缩短到3个工作日, 压缩至5天) is a level: 到 and 至 are
// no link words.
var directionWords = []struct {
	word, dir string
}{
	{"增长率", "up"}, {"增速", "up"}, {"增幅", "up"}, {"涨幅", "up"}, {"降幅", "down"}, {"增长", "up"},
	{"增加", "up"}, {"提高", "up"}, {"提升", "up"}, {"上升", "up"}, {"上涨", "up"}, {"扩大", "up"},
	{"下降", "down"}, {"减少", "down"}, {"降低", "down"}, {"回落", "down"}, {"下滑", "down"},
	{"收窄", "down"}, {"缩小", "down"}, {"下跌", "down"}, {"缩短", "down"}, {"压缩", "down"}, {"缩减", "down"},
	{"持平", "flat"}, {"偏多", "up"}, {"偏少", "down"}, {"偏高", "up"}, {"偏低", "down"}, {"增", "up"}, {"降", "down"},
	{"涨", "up"}, {"减", "down"},
}

// linkWords may stand between a change verb and its figure.
var linkWords = []string{"了", "达到", "达", "为", "约"}

// linkEnds and directionEnds filter the texts changeBefore tries the
// words on.
var (
	linkEnds      = endsOf(linkWords...)
	directionEnds = func() *endFilter {
		var ws []string
		for _, d := range directionWords {
			ws = append(ws, d.word)
		}
		return endsOf(ws...)
	}()
)

// basisWords may stand before a change verb: 同比, 比上年 …
var basisWords = []string{
	"比上年同期", "比去年同期", "较上年同期", "较去年同期", "比上年", "比去年", "较上年", "较去年",
	"比年初", "较年初", "较常年同期", "比常年同期", "较常年", "比常年", "较往年", "比往年",
	"同比", "环比", "年均", "实际", "名义", "分别", "均",
}

// changeBefore recognises "同比增长" before off: it returns the direction,
// the basis words and where the phrase starts; gap is set for a gap to
// another group or place (gapBefore).
func (sc *scanner) changeBefore(off int) (dir, basis string, start int, gap bool) {
	before := sc.text[sc.start:off]
	if linkEnds.mayEnd(before) {
		for _, w := range linkWords {
			if strings.HasSuffix(before, w) {
				before = before[:len(before)-len(w)]
				break
			}
		}
	}
	if !directionEnds.mayEnd(before) {
		dir, basis, start = sc.gapBefore(before)
		return dir, basis, start, dir != ""
	}
	for _, d := range directionWords {
		if !strings.HasSuffix(before, d.word) {
			continue
		}
		head := before[:len(before)-len(d.word)]
		// 增, 降, 涨, 减 alone, and 偏多, 偏少 … (more than usual), only
		// after a basis word: 同比增, 较常年偏多14%.
		if len(d.word) == 3 || strings.HasPrefix(d.word, "偏") {
			if !hasBasisSuffix(head) {
				return "", "", 0, false
			}
		}
		dir = d.dir
		before = head
		// Basis words, possibly several (比上年同期, 分别, 同比).
		for {
			found := false
			for _, b := range basisWords {
				if strings.HasSuffix(before, b) && !perHead(before, b) {
					basis = b + basis
					before = before[:len(before)-len(b)]
					found = true
					break
				}
			}
			if !found {
				break
			}
		}
		// 比2020年 …
		if y := yearBasis(before); y > 0 {
			basis = before[len(before)-y:] + basis
			before = before[:len(before)-y]
		}
		return dir, basis, sc.start + len(before), false
	}
	dir, basis, start = sc.gapBefore(before)
	return dir, basis, start, dir != ""
}

// gapWords compare a figure with another group or place: 增速比城镇居民高
// 1.9个百分点, 比全区平均水平低0.5个百分点 (after 比 or 较 and what is
// compared), 高于全市平均2个百分点 (before it). The gap is a change of the
// figure named before the comparison (增速), up when it is the higher.
// 多 and 少 are no gap words: 比上年多3个 stays a count.
var gapWords = []struct {
	word, dir string
}{
	{"高出", "up"}, {"低出", "down"}, {"高", "up"}, {"低", "down"}, {"快", "up"}, {"慢", "down"},
}

// gapAfterWords are gapWords that stand before what is compared.
var gapAfterWords = []struct {
	word, dir string
}{
	{"高于", "up"}, {"低于", "down"}, {"快于", "up"}, {"慢于", "down"}, {"高出", "up"},
}

// maxCompared bounds what is compared, in characters.
const maxCompared = 10

// gapBefore recognises a gap to another group or place ending before
// (see gapWords): it returns the direction, the comparison (比城镇居民,
// 全区平均水平) as the basis, and where the phrase starts. What is
// compared is a few characters with no punctuation; with none (高于5%)
// the figure is a bound, not a gap.
func (sc *scanner) gapBefore(before string) (dir, basis string, start int) {
	for _, g := range gapWords {
		if !strings.HasSuffix(before, g.word) {
			continue
		}
		head := before[:len(before)-len(g.word)]
		i := len(head)
		for n := 0; n <= maxCompared && i > 0; n++ {
			r, size := utf8.DecodeLastRuneInString(head[:i])
			if unicode.IsPunct(r) || unicode.IsSpace(r) {
				break
			}
			i -= size
			if (r == '比' || r == '较') && i+size < len(head) && !comparisonWord(head[:i], head[i+size:]) {
				return g.dir, head[i:], sc.start + i
			}
		}
		break
	}
	window := before[max(0, len(before)-(maxCompared+2)*utf8.UTFMax):]
	for _, g := range gapAfterWords {
		i := strings.LastIndex(window, g.word)
		if i < 0 {
			continue
		}
		compared := window[i+len(g.word):]
		if compared == "" || utf8.RuneCountInString(compared) > maxCompared || strings.IndexFunc(compared, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }) >= 0 {
			continue
		}
		return g.dir, compared, sc.start + len(before) - len(window) + i
	}
	return "", "", 0
}

// comparisonWord reports whether the 比 or 较 before compared is part of
// a word (比重高, 比例, 比较, 较为, 占比) rather than the comparison.
func comparisonWord(head, compared string) bool {
	for _, w := range []string{"重", "例", "率", "较", "值", "为", "大", "多"} {
		if strings.HasPrefix(compared, w) {
			return true
		}
	}
	return strings.HasSuffix(head, "占") || strings.HasSuffix(head, "对") || strings.HasSuffix(head, "同") || strings.HasSuffix(head, "环")
}

// perHead reports whether the basis word b ending s is the 均 of a
// per-head noun (人均, 户均, 亩均): 人均增加1680元 is the change of an
// amount per person, not 人 changed 均.
func perHead(s, b string) bool {
	if b != "均" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-len(b)])
	return strings.ContainsRune("人户亩村企校床", r)
}

func hasBasisSuffix(s string) bool { return basisSet.Suffix(s) != "" }

var basisSet = words.NewSet(basisWords...)

// yearBasis returns the length of a "比2020年" or "较2020年底" suffix of s.
func yearBasis(s string) int {
	t := strings.TrimSuffix(strings.TrimSuffix(s, "底"), "末")
	if !strings.HasSuffix(t, "年") {
		return 0
	}
	t = strings.TrimSuffix(t, "年")
	n := 0
	for n < len(t) && t[len(t)-1-n] >= '0' && t[len(t)-1-n] <= '9' {
		n++
	}
	if n != 4 {
		return 0
	}
	t = t[:len(t)-n]
	for _, w := range []string{"比", "较"} {
		if strings.HasSuffix(t, w) {
			return len(s) - len(t) + len(w)
		}
	}
	return 0
}

// levelsInSentence reports whether items from … to-1 are levels with no
// change of their own, in the sentence of item to: no full stop or
// semicolon between them.
func (sc *scanner) levelsInSentence(from, to int) bool {
	if from < 0 {
		return false
	}
	for x := from; x < to; x++ {
		if it := sc.items[x]; it.change != "" || it.growth >= 0 || it.growthOf >= 0 {
			return false
		}
	}
	return !strings.ContainsAny(sc.text[sc.items[from].end:sc.items[to].start], "。；;！？!?\n")
}

// isListJoin reports whether s joins two items of one list: 、 和 及.
func isListJoin(s string) bool { return s == "、" || s == "和" || s == "及" }

// onlyConnectors reports whether s holds nothing but commas, enumeration
// commas and blanks, so that a change right after it still belongs to the
// figure before it.
func onlyConnectors(s string) bool {
	for _, r := range s {
		switch r {
		case '，', ',', '、', ' ', '　':
		default:
			return false
		}
	}
	return true
}

// growthPass marks the changes among the items and attaches each to the
// figure it qualifies: "贷款1491户、645.3亿元，同比增长20.0%、42.8%" pairs
// 20.0% with 1491户 and 42.8% with 645.3亿元.
func (sc *scanner) growthPass() {
	items := sc.items
	for k := range items {
		it := &items[k]
		if dir, basis, start, gap := sc.changeBefore(it.start); dir != "" {
			it.change, it.basis, it.verbStart, it.gap = dir, basis, start, gap
			if it.value < 0 && dir == "up" {
				it.change = "down"
			}
			continue
		}
		// A figure right after a change, joined by 、, continues the list of
		// changes: "增长20.0%、42.8%".
		if k > 0 && items[k-1].change != "" && isListJoin(sc.text[items[k-1].end:it.start]) && it.unit.base == items[k-1].unit.base {
			it.change, it.basis, it.verbStart, it.gap = items[k-1].change, items[k-1].basis, it.start, items[k-1].gap
			if it.value < 0 && it.change == "up" {
				it.change = "down"
			}
		}
	}
	// 、-lists of levels: each item after the first of a list.
	for k := 1; k < len(items); k++ {
		if items[k].change == "" && items[k-1].change == "" && sc.text[items[k-1].end:items[k].start] == "、" {
			items[k].listPrev = k - 1
		}
	}
	// Attach groups of changes to groups of levels.
	for k := 0; k < len(items); {
		if items[k].change == "" || items[k].gap || items[k].verbStart != items[k].start && k > 0 && items[k-1].change != "" && items[k].verbStart >= items[k-1].end && sc.text[items[k-1].end:items[k].verbStart] == "、" {
			k++
			continue
		}
		// The group of changes: k … g-1.
		g := k + 1
		for g < len(items) && items[g].change != "" && items[g].verbStart == items[g].start && isListJoin(sc.text[items[g-1].end:items[g].start]) {
			g++
		}
		// The group of levels just before: l … k-1.
		// The verb may start inside the figure before (5年均增2: 均增 after
		// 5年): then the two are not a level and its change.
		if k > 0 && items[k-1].change == "" && items[k].verbStart >= items[k-1].end && onlyConnectors(sc.text[items[k-1].end:items[k].verbStart]) && items[k-1].growth < 0 {
			l := k - 1
			for l > 0 && items[l].listPrev == l-1 && items[l-1].change == "" {
				l--
			}
			levels, changes := k-l, g-k
			// 分别 gives each change to one of as many levels before it in
			// its sentence, each told in a clause of its own: "接待游客38.2
			// 万人次，旅游综合收入2.5亿元，分别增长16.4%和19.1%".
			if levels < changes && strings.Contains(items[k].basis, "分别") && sc.levelsInSentence(k-changes, k) {
				l, levels = k-changes, changes
			}
			switch {
			case levels == changes:
				for x := 0; x < changes; x++ {
					items[l+x].growth, items[k+x].growthOf = k+x, l+x
				}
			default:
				items[k-1].growth, items[k].growthOf = k, k-1
			}
		}
		k = g
	}
}
