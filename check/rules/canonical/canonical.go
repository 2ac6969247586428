// Package canonical checks political expressions (规范表述) against their
// canonical wording: the names of the guiding thought and of the party
// centre, fixed policy phrases, the numbered slogans (两个确立, 四个意识 …)
// with their verbs, members and order, bare congress names, the 新华社
// 禁用词 list, and a project's own unit and leader names from zongjie.toml.
//
// The data is kept in tables in this package, to be updated as wording
// changes; every entry is either an official formulation or a correction
// from the 新华社新闻信息报道中的禁用词和慎用词 list.
package canonical

import (
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
)

// Rules of the canonical category.
var Rules = []*check.Rule{Formulation, Names, BareCongress, Collocation, Members, SloganQuotes, Xinhua, LeaderNames}

// A frame finds variants of a formulation: text that starts with prefix
// and ends with suffix within maxLen characters is the formulation, and
// must be written exactly.
type frame struct {
	prefix, suffix string
	canonical      string
	maxLen         int  // in characters
	certain        bool // whether --fix may apply the canonical wording
}

// frames are the formulations checked. Sources: the resolutions and
// reports that fixed each wording (see Formulation's doc).
var frames = []frame{
	{"习近平", "社会主义思想", "习近平新时代中国特色社会主义思想", 20, true},
	{"以习近平", "为核心的党中央", "以习近平同志为核心的党中央", 16, true},
	{"巩固", "乡村振兴有效衔接", "巩固拓展脱贫攻坚成果同乡村振兴有效衔接", 24, false},
	{"稳中求进", "总基调", "稳中求进工作总基调", 11, true},
	{"统筹发展", "安全", "统筹发展和安全", 8, false},
	{"铸牢", "共同体意识", "铸牢中华民族共同体意识", 13, true},
	{"筑牢中华民族", "共同体意识", "铸牢中华民族共同体意识", 13, true},
	{"以人民为中心", "发展思想", "以人民为中心的发展思想", 13, false},
}

// framePrefixes finds the prefix of each frame: one list each, so that
// one prefix found inside another (习近平 in 以习近平) is found too.
var framePrefixes = func() []*check.Words {
	out := make([]*check.Words, len(frames))
	for i, f := range frames {
		out[i] = check.NewWords(f.prefix)
	}
	return out
}()

// Formulation reports a variant of a fixed formulation: a word dropped,
// changed or added. The frames describe the known variants of a few; every
// formulation of the fuzzy list (fuzzy.go) is also matched within one or
// two edits, without listing its variants, the short ones (four to seven
// characters) for typos only.
var Formulation = &check.Rule{
	ID: "CA001", Name: "canonical-formulation", Category: check.Canonical, Severity: check.Error,
	Doc: check.Doc{
		Title: "规范表述有误",
		Text: "重要论述和政策提法有固定表述，不能增减、替换字词：“习近平新时代中国特色社会主义思想”“以习近平同志为核心的党中央”" +
			"“巩固拓展脱贫攻坚成果同乡村振兴有效衔接”“稳中求进工作总基调”“统筹发展和安全”“铸牢中华民族共同体意识”“以人民为中心的发展思想”。" +
			"八字以上的固定提法（“中国特色社会主义”“社会主义核心价值观”“全面建成小康社会”等）与规范写法只差一两个字（漏字、多字、错字、颠倒）的，也会报告，请核对；" +
			"四到七字的提法（“统筹发展和安全”“高质量发展”“习近平法治思想”“乡村振兴”等）只报告笔误：同音或形近的错字（统愁发展和安全）、词中间多字（乡的村振兴）或漏字（习近平法思想，五字以上）、相邻两字颠倒。" +
			"首尾一字写错的，只在是同音或形近字时报告；词与词之间加“的”（中华民族的伟大复兴）不算错。",
		Wrong:  "坚持以习近平新时代特色社会主义思想为指导，紧密团结在以习近平总书记为核心的党中央周围，巩固脱贫攻坚同乡村振兴有效衔接。",
		Right:  "坚持以习近平新时代中国特色社会主义思想为指导，紧密团结在以习近平同志为核心的党中央周围，巩固拓展脱贫攻坚成果同乡村振兴有效衔接。",
		Source: "党的十九大、二十大报告；《中共中央 国务院关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的意见》（2020年12月）",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		seen := map[int]bool{}
		var done []document.Span
		for k, f := range frames {
			for _, m := range p.Find(framePrefixes[k]) {
				start := m.Span.Start
				if seen[start] || strings.HasPrefix(text[start:], f.canonical) {
					continue
				}
				end, ok := frameEnd(text, start, f)
				if !ok {
					continue
				}
				got := text[start:end]
				seen[start] = true
				done = append(done, document.Span{Start: start, End: end})
				p.Report(document.Span{Start: start, End: end}, "规范表述应为“"+f.canonical+"”，这里写作“"+got+"”",
					check.Fix{Message: "改为规范表述", Replacement: f.canonical, Certain: f.certain})
			}
		}
		// Variants no frame describes: one or two characters away from a
		// formulation of the list.
		for _, v := range fuzzyFindings(p, done) {
			got := text[v.span.Start:v.span.End]
			p.Report(v.span, "规范表述应为“"+v.canonical+"”，这里写作“"+got+"”，请核对",
				check.Fix{Message: "改为规范表述", Replacement: v.canonical, Certain: false})
		}
	},
}

// frameEnd finds the end of f's suffix after start, within f.maxLen
// characters and one clause.
func frameEnd(text string, start int, f frame) (int, bool) {
	limit := start
	for n := 0; n < f.maxLen && limit < len(text); n++ {
		r, size := utf8.DecodeRuneInString(text[limit:])
		if strings.ContainsRune("。，；：！？\n“”", r) {
			break
		}
		limit += size
	}
	i := strings.Index(text[start+len(f.prefix):limit], f.suffix)
	if i < 0 {
		return 0, false
	}
	return start + len(f.prefix) + i + len(f.suffix), true
}

// Names reports near misses of the unit names a project configures in
// zongjie.toml ([names] units): one character wrong, missing, added or
// swapped with its neighbour.
var Names = &check.Rule{
	ID: "CA002", Name: "configured-unit-name", Category: check.Canonical, Severity: check.Error,
	Doc: check.Doc{
		Title:  "单位名称写错",
		Text:   "在 zongjie.toml 的 [names] units 中列出本单位和上级单位的规范名称后，与之只差一个字的写法（错字、漏字、多字、颠倒）都会报告。单位名称写错属严重差错。",
		Wrong:  "青禾街道党委召开会议。",
		Right:  "青禾街道党工委召开会议。",
		Source: "政府网站与政务新媒体检查指标：严重表述错误（单位名称、领导姓名）",
		Config: "[names]\nunits = [\"青禾街道党工委\"]\n",
	},
	Run: func(p *check.Pass) {
		for _, name := range p.Config.Names.Units {
			for _, m := range nearMisses(p.File.Text, name, false) {
				p.Report(m.span, "单位名称应为“"+name+"”，这里写作“"+m.text+"”",
					check.Fix{Message: "改为" + name, Replacement: name, Certain: false})
			}
		}
	},
}

// LeaderNames reports near misses of the leaders' names a project
// configures in zongjie.toml ([names] leaders): the same surname and one
// other character wrong, or two characters swapped. A different person
// can bear such a name, so it is a warning.
var LeaderNames = &check.Rule{
	ID: "CA008", Name: "configured-leader-name", Category: check.Canonical, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "领导姓名疑似写错",
		Text:   "在 zongjie.toml 的 [names] leaders 中列出领导姓名后，同姓且只差一个字（或两字颠倒）的姓名会报告；如确为另一人，可忽略。",
		Wrong:  "王建图同志出席会议并讲话。",
		Right:  "王建国同志出席会议并讲话。",
		Source: "政府网站与政务新媒体检查指标：严重表述错误（领导姓名）",
		Config: "[names]\nleaders = [\"王建国\"]\n",
	},
	Run: func(p *check.Pass) {
		for _, name := range p.Config.Names.Leaders {
			for _, m := range nearMisses(p.File.Text, name, true) {
				p.Report(m.span, "与领导姓名“"+name+"”只差一字，请核对；如为他人可忽略",
					check.Fix{Message: "改为" + name, Replacement: name, Certain: false})
			}
		}
	},
}

// A miss is a near miss of a name found in the text.
type miss struct {
	span document.Span
	text string
}

// nearMisses finds the strings of text one edit away from name (of three
// characters or more), keeping its first character: a substitution or a
// swap of neighbours; for units also one character missing or added, which
// must keep the last character too (so a longer word that starts like the
// name is not taken for it). Where the exact name starts, nothing is
// reported.
func nearMisses(text, name string, sameLength bool) []miss {
	nr := []rune(name)
	if len(nr) < 3 {
		return nil
	}
	first := string(nr[0])
	var out []miss
	for from := 0; ; {
		i := strings.Index(text[from:], first)
		if i < 0 {
			break
		}
		start := from + i
		from = start + len(first)
		if strings.HasPrefix(text[start:], name) {
			continue
		}
		rest := []rune(limitRunes(text[start:], len(nr)+1))
		lengths := []int{len(nr)}
		if !sameLength {
			lengths = append(lengths, len(nr)+1, len(nr)-1)
		}
		for _, l := range lengths {
			if l > len(rest) {
				continue
			}
			cand := rest[:l]
			if !oneEdit(cand, nr, !sameLength) {
				continue
			}
			end := start + len(string(cand))
			out = append(out, miss{span: document.Span{Start: start, End: end}, text: string(cand)})
			from = end
			break
		}
	}
	return out
}

// limitRunes returns the first n runes of s.
func limitRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// oneEdit reports whether a is b with one substitution or one swap of
// neighbours (first character kept), or, when indels is set, one
// character missing or added (first and last characters kept).
func oneEdit(a, b []rune, indels bool) bool {
	if len(a) == 0 || a[0] != b[0] {
		return false
	}
	switch len(a) - len(b) {
	case 0:
		var diff []int
		for i := range a {
			if a[i] != b[i] {
				diff = append(diff, i)
			}
		}
		switch len(diff) {
		case 1:
			return true
		case 2:
			i, j := diff[0], diff[1]
			return j == i+1 && a[i] == b[j] && a[j] == b[i]
		}
		return false
	case 1:
		return indels && a[len(a)-1] == b[len(b)-1] && oneInsert(b, a)
	case -1:
		return indels && a[len(a)-1] == b[len(b)-1] && oneInsert(a, b)
	}
	return false
}

// oneInsert reports whether long is short with one character inserted.
func oneInsert(short, long []rune) bool {
	i := 0
	for i < len(short) && short[i] == long[i] {
		i++
	}
	return string(short[i:]) == string(long[i+1:])
}
