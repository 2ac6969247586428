package meta

import (
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/internal/words"
)

// unitSuffixes are the words that end a unit's name, longest first, with
// the level they give.
var unitSuffixes = []struct {
	word  string
	level zongjie.Level
}{
	{"街道办事处", zongjie.LevelStreet}, {"街道办", zongjie.LevelStreet}, {"街道", zongjie.LevelStreet},
	{"街办", zongjie.LevelStreet}, {"自治区", zongjie.LevelProvince}, {"自治州", zongjie.LevelCity},
	{"自治县", zongjie.LevelCounty}, {"镇", zongjie.LevelTown}, {"乡", zongjie.LevelTownship},
	{"区", zongjie.LevelDistrict}, {"县", zongjie.LevelCounty}, {"市", zongjie.LevelCity},
	{"省", zongjie.LevelProvince},
}

// municipalities are cities at province level.
var municipalities = []string{"北京市", "上海市", "天津市", "重庆市"}

// selfWords are the ways a report refers to its own unit, with the level.
var selfWords = []struct {
	word  string
	level zongjie.Level
}{
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

// unit finds the reporting unit's name and level.
func (d *detector) unit() (name string, level zongjie.Level, placeholder bool) {
	// Who delivers a 政府工作报告 or a speech.
	if strings.Contains(d.intro, "代表国务院") {
		return "国务院", zongjie.LevelNational, false
	}
	// The title names the unit: "公路街办2023年…", "2026年安徽省政府工作报告".
	if n, l, ph := unitIn(d.in.Title); n != "" {
		return n, l, ph
	}
	// A template marks its level in brackets: （镇乡）, （街道）.
	titleLevel := zongjie.Level("")
	for _, m := range []struct {
		word  string
		level zongjie.Level
	}{{"（街道）", zongjie.LevelStreet}, {"（镇乡）", zongjie.LevelTown}, {"（乡镇）", zongjie.LevelTown}, {"（镇）", zongjie.LevelTown}, {"（乡）", zongjie.LevelTownship}} {
		if strings.Contains(d.in.Title, m.word) {
			titleLevel = m.level
		}
	}
	if titleLevel == "" && strings.HasPrefix(d.in.Title, "街道") {
		titleLevel = zongjie.LevelStreet
	}
	level = titleLevel
	if strings.Contains(d.intro, "代表自治区人民政府") || strings.Contains(d.intro, "代表省人民政府") {
		level = zongjie.LevelProvince
	}
	// An anonymised name ("**街道") is the report's own unit: templates
	// blank out only that. Otherwise the level comes from self references
	// (我镇, 全街道) and the name is the one of that level named most often.
	if level == "" {
		if name, ph := d.namedUnit("", true); ph {
			return name, levelOf(name), true
		}
		level = d.selfLevel()
	}
	if name, ph := d.namedUnit(level, true); ph {
		return name, level, true
	}
	name, ph := d.namedUnit(level, false)
	if level == "" && name != "" {
		level = levelOf(name)
	}
	return name, level, ph
}

// selfLevel counts the self references (我镇, 全街道 …) and returns the
// level most often used.
func (d *detector) selfLevel() zongjie.Level {
	counts := map[zongjie.Level]int{}
	for _, w := range selfWords {
		counts[w.level] += strings.Count(d.text, w.word)
	}
	best, n := zongjie.Level(""), 0
	for _, l := range []zongjie.Level{zongjie.LevelStreet, zongjie.LevelTown, zongjie.LevelTownship, zongjie.LevelCounty, zongjie.LevelDistrict, zongjie.LevelCity, zongjie.LevelProvince} {
		if counts[l] > n {
			best, n = l, counts[l]
		}
	}
	return best
}

// unitIn finds a unit named in s: the name before a unit suffix, after any
// year ("2026年安徽省政府工作报告" → 安徽省).
func unitIn(s string) (string, zongjie.Level, bool) {
	if _, offs := years(s); len(offs) > 0 {
		// Look after the first year as well as before it.
		before := s[:offs[0]]
		after := s[offs[0]+len("2023年"):]
		for _, part := range []string{before, after} {
			if n, l, ph := unitAtStart(part); n != "" {
				return n, l, ph
			}
		}
		return "", "", false
	}
	return unitAtStart(s)
}

// unitAtStart reads a unit name at the start of s: Han characters or
// placeholders up to a unit suffix, at most 8 characters of name.
func unitAtStart(s string) (string, zongjie.Level, bool) {
	limit := 0
	for i, r := range s {
		if !(isHan(r) || isPlaceholder(r)) || utf8.RuneCountInString(s[:i]) > 10 {
			break
		}
		limit = i + utf8.RuneLen(r)
	}
	s = s[:limit]
	for i := range s {
		for _, suf := range unitSuffixes {
			if !strings.HasPrefix(s[i:], suf.word) || i == 0 {
				continue
			}
			name := s[:i+len(suf.word)]
			if strings.HasPrefix(s[i+len(suf.word):], "政府") || i > 0 {
				lvl := suf.level
				for _, m := range municipalities {
					if name == m {
						lvl = zongjie.LevelProvince
					}
				}
				return name, lvl, isPlaceholderName(s[:i])
			}
		}
	}
	return "", "", false
}

// suffixSet finds every unit suffix of a text in one pass.
var suffixSet = func() *words.Set {
	var list []string
	for _, suf := range unitSuffixes {
		list = append(list, suf.word)
	}
	return words.NewSet(list...)
}()

// namedUnit returns the unit of the given level named most often in the
// report: a placeholder name ("**街道", "xx镇") or a Han name after a
// clause start ("。石桥镇…"). Level "" means any level; placeholderOnly
// restricts the search to anonymised names.
func (d *detector) namedUnit(level zongjie.Level, placeholderOnly bool) (string, bool) {
	if placeholderOnly {
		return d.placeholderUnit(level)
	}
	if d.suffixes == nil {
		d.suffixes = suffixSet.All(d.text)
	}
	counts := map[string]int{}
	first := map[string]int{}
	for _, m := range d.suffixes {
		lvl := levelOf(m.Word)
		if level != "" && lvl != level {
			continue
		}
		at := m.Start
		n := nameBefore(d.text[:at])
		if n == "" {
			continue
		}
		name := n + m.Word
		if m.Word == "街道办事处" || m.Word == "街道办" {
			name = n + "街道"
		}
		counts[name]++
		if _, ok := first[name]; !ok {
			first[name] = at
		}
	}
	// Placeholder names are certain; a Han name must recur, since a single
	// "依托街道…" may just be a verb before the word.
	best, bestN, bestPH := "", 0, false
	for name, c := range counts {
		ph := isPlaceholderName(strings.TrimSuffix(name, suffixOf(name)))
		if !ph && c < 2 {
			continue
		}
		better := ph && !bestPH || ph == bestPH && (c > bestN || c == bestN && first[name] < first[best])
		if better {
			best, bestN, bestPH = name, c, ph
		}
	}
	if best == "" {
		return "", false
	}
	return best, isPlaceholderName(strings.TrimSuffix(best, suffixOf(best)))
}

// placeholderHit is an anonymised unit name found in a report.
type placeholderHit struct {
	name string
	at   int
}

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
		switch text[i] {
		case 'x', 'X', '*', 0xC3, 0xE2, 0xE6, 0xEF: // the bytes a placeholder can start with
		default:
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
	for _, h := range d.placeholderHits() {
		if level != "" && levelOf(h.name) != level {
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

// nameBefore returns the name that ends s: a run of placeholder characters
// (**, xx, XX, ××, 某某), or two to four Han characters starting a clause.
func nameBefore(s string) string {
	end := len(s)
	i := end
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isPlaceholder(r) {
			break
		}
		i -= size
	}
	if i < end {
		return s[i:end]
	}
	// Han names: only right after a clause mark or a year, so that "全镇"
	// and "升级改造" do not become names.
	for n := 2; n <= 4; n++ {
		j := end
		ok := true
		for k := 0; k < n; k++ {
			r, size := utf8.DecodeLastRuneInString(s[:j])
			if !isHan(r) {
				ok = false
				break
			}
			j -= size
		}
		if !ok {
			break
		}
		name := s[j:end]
		if strings.ContainsAny(name, "全本我该各辖在和及与的对向为") || startsWithVerb(name) {
			continue
		}
		r, _ := utf8.DecodeLastRuneInString(s[:j])
		if j == 0 || r == '\n' || r == '。' || r == '，' || r == '：' || r == '；' || r == '年' || r == '“' {
			return name
		}
	}
	return ""
}

// startsWithVerb reports whether a would-be name begins with a verb that
// often stands before a unit word ("依托街道", "围绕全镇").
func startsWithVerb(s string) bool {
	for _, v := range []string{"依托", "围绕", "推动", "推进", "加快", "实现", "组织", "支持", "带动", "打造", "建设", "服务", "指导", "联系", "覆盖", "走进", "深入", "结合", "联合", "协助", "配合"} {
		if strings.HasPrefix(s, v) {
			return true
		}
	}
	return false
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
