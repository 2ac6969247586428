package meta

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/internal/words"
	"zongjie/numeral"
)

// headerLine is a short line at the head of a report, under its title: a
// subtitle ("——2024年1月10日在XX县第十七届人民代表大会第三次会议上"), a
// speaker line ("XX县人民政府县长 张三"), an addressee ("各位代表：").
type headerLine struct {
	text  string
	start int // byte offset in the file
}

// header returns the lines between the title and the body: the paragraphs
// before the first heading, up to the salutation (which is included) or
// the first sentence, without the title and without long paragraphs,
// looking at most 30 paragraphs in (web copies open with page chrome).
func (d *detector) header() []headerLine {
	if d.head != nil {
		return *d.head
	}
	var lines []headerLine
	f := d.in.File
	end := d.in.Span.Start + len(d.intro)
	i := f.ParagraphAt(d.in.Span.Start)
	if i < 0 {
		// The report starts between paragraphs: the first one after.
		for i = 0; i < len(f.Paragraphs) && f.Paragraphs[i].Span.Start < d.in.Span.Start; i++ {
		}
	}
	for n := 0; i >= 0 && i < len(f.Paragraphs) && n < 30; i, n = i+1, n+1 {
		p := f.Paragraphs[i]
		if p.Span.Start >= end {
			break
		}
		if d.in.TitleSpan.Len() > 0 && p.Span.Start < d.in.TitleSpan.End && p.Span.End > d.in.TitleSpan.Start {
			continue
		}
		text := strings.TrimSpace(f.Slice(p.Span))
		if text == "" {
			continue
		}
		if strings.Contains(text, "。") {
			break
		}
		if utf8.RuneCountInString(text) > 120 {
			continue
		}
		lines = append(lines, headerLine{text: text, start: p.Span.Start + strings.Index(f.Slice(p.Span), text)})
		if isSalutationLine(text) {
			break
		}
	}
	d.head = &lines
	return lines
}

// isSalutationLine reports whether a line is a salutation: "各位代表：",
// "同志们：".
func isSalutationLine(text string) bool {
	body, ok := cutColon(text)
	if !ok || utf8.RuneCountInString(body) > 30 || strings.Contains(body, "如下") || !addressWords.Contains(body) {
		return false // "分享:" is page chrome
	}
	for _, r := range body {
		if !isHan(r) && !isPlaceholder(r) && !strings.ContainsRune("、，, 　", r) {
			return false // "【字号："
		}
	}
	return body != ""
}

// addressWords are the words of a salutation.
var addressWords = words.NewSet("代表", "同志", "委员", "领导", "各位", "朋友", "嘉宾")

// session is a people's congress session named in a header line.
type session struct {
	unit     unitFound // the congress's unit (none for a bare 县, 市 …)
	national bool
	term     int // 届
	meeting  int // 次会议, 0 if not written
	year     int // the year of a national session, 0 for a local one
}

// sessionAt reads a congress session in a header line: "在XX县第十七届人民
// 代表大会第三次会议上", "在市十六届人大四次会议上", "第十三届全国人民代表
// 大会第一次会议". Only the national congress's terms give the year by
// themselves: its 5th term opened in 1978 and every term since lasts five
// years, one session a year.
func sessionAt(line string) (session, bool) {
	var s session
	at, word := -1, ""
	for _, w := range []string{"人民代表大会", "人大"} {
		if i := strings.Index(line, w); i >= 0 {
			at, word = i, w
			break
		}
	}
	if at < 0 {
		return s, false
	}
	before := line[:at]
	if b, ok := strings.CutSuffix(before, "全国"); ok {
		s.national = true
		before = b
	}
	b, ok := strings.CutSuffix(before, "届")
	if !ok {
		return s, false
	}
	// The term number, read backwards: Chinese numerals, then 第.
	j := len(b)
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(b[:j])
		if !strings.ContainsRune("零〇一二三四五六七八九十0123456789", r) {
			break
		}
		j -= size
	}
	num, size := numeral.Scan(b[j:])
	if size == 0 || size != len(b)-j || num.Value < 1 || num.Value > 40 {
		return s, false
	}
	s.term = int(num.Value)
	prefix := strings.TrimSuffix(b[:j], "第")
	after := strings.TrimPrefix(line[at+len(word):], "第")
	if m, size := numeral.Scan(after); size > 0 && strings.HasPrefix(after[size:], "次会议") && m.Value >= 1 && m.Value <= 9 {
		s.meeting = int(m.Value)
	}
	if s.national {
		s.unit = unitFound{level: zongjie.LevelNational}
		if s.term >= 5 && s.meeting > 0 {
			s.year = 1978 + 5*(s.term-5) + s.meeting - 1
		}
		return s, true
	}
	// The unit: the names between 在 (or the start, past a date) and 第.
	if k := strings.LastIndex(prefix, "在"); k >= 0 {
		prefix = prefix[k+len("在"):]
	} else if k := strings.LastIndex(prefix, "日"); k >= 0 {
		prefix = prefix[k+len("日"):]
	}
	prefix = strings.TrimLeft(prefix, "—－- 　")
	if u, ok := chainAt(prefix); ok {
		if u.name != "" && len(prefix) != chainLen(prefix) {
			return s, true // words between the unit and the term: not a congress of that unit
		}
		s.unit = u
	} else if lvl := suffixLevel(prefix); lvl != "" {
		s.unit = unitFound{level: lvl}
	}
	return s, true
}

// chainLen returns the bytes the unit names at the start of s take, read
// as chainAt reads them: past a leading 关于, 中共 or 在, and past a body
// followed by its unit's name again ("中共白沙镇委员会白沙镇").
func chainLen(s string) int {
	rest := s
	for _, p := range []string{"关于", "中共", "在"} {
		rest = strings.TrimPrefix(rest, p)
	}
	for {
		name, _, size := unitAt(rest)
		if size == 0 {
			return len(s) - len(rest)
		}
		rest = sameUnitAgain(name, rest[size:])
	}
}

// sessionUnit returns the unit whose congress a header line names.
func sessionUnit(line string) (unitFound, bool) {
	s, ok := sessionAt(line)
	if !ok || s.national || s.unit.level == "" {
		return unitFound{}, false
	}
	s.unit.source = zongjie.SourceSession
	return s.unit, true
}

// offices are the titles a speaker line names after the unit, longest
// first: "XX县人民政府县长", "上海市市长", "自治区主席". The titles in the
// unit's party committee come first: a 乡长 or 镇长 is named after them
// ("柳河乡党委副书记、乡长", "石桥镇党委书记").
var offices = []string{
	"党工委副书记", "党工委书记", "党委副书记", "党委书记",
	"代理省长", "代理市长", "代理县长", "代理区长", "代理旗长", "代理州长", "代理盟长",
	"代省长", "代市长", "代县长", "代区长", "代旗长", "代州长", "代盟长", "代主席",
	"省长", "市长", "县长", "区长", "旗长", "州长", "盟长", "镇长", "乡长", "主席", "主任",
}

// speakerUnit reads the unit of a speaker line: "XX县人民政府县长 张三",
// "陕西省省长 赵刚", "自治区主席 某某" (a level only). The office must
// close a space-separated part of the line, or be followed by a name of at
// most four characters.
func speakerUnit(line string) (unitFound, bool) {
	for _, part := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\u3000' || r == '\t' || r == '\u00a0' }) {
		for _, o := range offices {
			i := strings.Index(part, o)
			if i <= 0 {
				continue
			}
			if rest := afterPartyTitle(o, part[i+len(o):]); utf8.RuneCountInString(rest) > 4 {
				continue
			}
			who := part[:i]
			for _, gov := range []string{"人民政府", "政府", "办事处", "管委会"} {
				who = strings.TrimSuffix(who, gov)
			}
			if u, ok := chainAt(who); ok && u.name != "" && chainLen(who) == len(who) {
				u.source = zongjie.SourceSpeaker
				return u, true
			}
			if lvl := suffixLevel(who); lvl != "" {
				return unitFound{level: lvl, source: zongjie.SourceSpeaker}, true
			}
			break
		}
	}
	return unitFound{}, false
}

// afterPartyTitle returns what follows a speaker's office in a speaker
// line, past the government office a party title is followed by:
// "、办事处主任" after 党工委副书记 leaves "".
func afterPartyTitle(office, rest string) string {
	if !strings.HasPrefix(office, "党") {
		return rest
	}
	r, ok := strings.CutPrefix(rest, "、")
	if !ok {
		return rest
	}
	for _, gov := range []string{"人民政府", "政府", "办事处", "管委会"} {
		r = strings.TrimPrefix(r, gov)
	}
	for _, o := range offices {
		if after, ok := strings.CutPrefix(r, o); ok && !strings.HasPrefix(o, "党") {
			return after
		}
	}
	return rest
}

// representUnit reads the unit a speaker represents in the opening of a
// report: "我代表上海市人民政府，向大会报告工作" (上海市), "我代表县人民
// 政府" (a county), "受XX区人民政府委托".
func representUnit(intro string) (unitFound, bool) {
	for _, lead := range []string{"我代表", "受"} {
		for i := strings.Index(intro, lead); i >= 0; {
			rest := intro[i+len(lead):]
			if j := strings.Index(rest, "人民政府"); j >= 0 && j <= 12*3 {
				who := rest[:j]
				if u, ok := chainAt(who); ok && u.name != "" && chainLen(who) == len(who) {
					u.source = zongjie.SourceSpeaker
					return u, true
				}
				if lvl := suffixLevel(who); lvl != "" {
					return unitFound{level: lvl, source: zongjie.SourceSpeaker}, true
				}
			}
			k := strings.Index(rest, lead)
			if k < 0 {
				break
			}
			i += len(lead) + k
		}
	}
	return unitFound{}, false
}

// subtitleDate reads the date of a dated header line — a subtitle such as
// "——2024年1月10日在…会议上" or "（2024年1月10日）" — and returns the year
// whose report it dates: the date's year, or the next for a congress held
// in November or December. off is the byte offset of the year in line.
func subtitleDate(line string) (year, off int, ok bool) {
	year, month, off, ok := headerDate(line)
	if ok && month >= 11 {
		year++
	}
	return year, off, ok
}

// headerDate reads the date of a dated header line, as subtitleDate does,
// and returns its year and month as written.
func headerDate(line string) (year, month, off int, ok bool) {
	dated := strings.HasPrefix(line, "—") || strings.HasPrefix(line, "（") || strings.HasPrefix(line, "(") ||
		strings.Contains(line, "会议") || strings.Contains(line, "大会")
	if !dated {
		return 0, 0, 0, false
	}
	ys, offs := years(line)
	for k, y := range ys {
		if m, _, ok := monthDay(line[offs[k]+len("2024年"):]); ok {
			return y, m, offs[k], true
		}
	}
	return 0, 0, 0, false
}

// monthDay reads a month and day at the start of s ("7月15日"): the
// month, and the length read.
func monthDay(s string) (month, size int, ok bool) {
	m, n := leadingInt(s)
	if n == 0 || m < 1 || m > 12 || !strings.HasPrefix(s[n:], "月") {
		return 0, 0, false
	}
	n += len("月")
	day, k := leadingInt(s[n:])
	if k == 0 || day < 1 || day > 31 || !strings.HasPrefix(s[n+k:], "日") {
		return 0, 0, false
	}
	return m, n + k + len("日"), true
}

// leadingInt reads the ASCII digits at the start of s.
func leadingInt(s string) (int, int) {
	n := 0
	for n < len(s) && n < 4 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 {
		return 0, 0
	}
	v, _ := strconv.Atoi(s[:n])
	return v, n
}
