package target

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/document"
	"zongjie/internal/words"
)

// deadlineWords are the time words of commitments, longest first, with the
// period they name. Years written in digits are read separately.
var deadlineWords = []struct {
	word   string
	period zongjie.Period
	next   bool // the year after the current one
}{
	{"年底前", zongjie.PeriodFullYear, false}, {"年底", zongjie.PeriodFullYear, false},
	{"年末", zongjie.PeriodFullYear, false}, {"年内", zongjie.PeriodFullYear, false},
	{"全年", zongjie.PeriodFullYear, false}, {"今年", zongjie.PeriodFullYear, false},
	{"下半年", zongjie.PeriodH2, false}, {"上半年", zongjie.PeriodH1, false},
	{"前三季度", zongjie.PeriodQ1Q3, false}, {"四季度", zongjie.PeriodQ4, false},
	{"三季度", zongjie.PeriodQ3, false}, {"二季度", zongjie.PeriodQ2, false},
	{"一季度", zongjie.PeriodQ1, false}, {"明年", zongjie.PeriodFullYear, true},
}

var (
	deadlineSet    *words.Set
	deadlineByWord = map[string]struct {
		period zongjie.Period
		next   bool
	}{}
)

func init() {
	var list []string
	for _, d := range deadlineWords {
		list = append(list, d.word)
		deadlineByWord[d.word] = struct {
			period zongjie.Period
			next   bool
		}{d.period, d.next}
	}
	deadlineSet = words.NewSet(list...)
}

// deadline finds the deadline of a commitment at figure span fig: the
// nearest time words before the figure in its paragraph ("今年…目标是：…；
// 城镇新增就业…" shares 今年), else after it in its sentence (after),
// else in the titles of its enclosing sections, else the plan period of the
// report. It returns the words as written (empty when only the report's
// plan period applies) and the year and period they stand for.
func (x *extractor) deadline(sec *zongjie.Section, fig document.Span, after string) (string, int, zongjie.Period) {
	current := x.in.Meta.CurrentYear()
	if p := x.in.Meta.Plan; p != nil && p.Year > current && x.inPlan(sec) {
		// 全年, 年底前 in the plan part of "2024年工作总结及2025年工作计划"
		// are 2025's.
		current = p.Year
	}
	// 明年 is the year after the one the report is written in, even in
	// the plan part where 全年 is the plan's: "明年思路：明年…" in a 2026
	// summary is 2027's.
	written := x.in.Meta.CurrentYear()
	next := func(w string, y int) int {
		if d, ok := deadlineByWord[w]; ok && d.next && written > 0 {
			return written + 1
		}
		return y
	}
	lo, hi := x.earlierItems(sec)
	before, okBefore := x.deadlineBefore(fig.Start, current, lo, hi)
	// The end of a month or a quarter in the figure's own clause after it
	// ("剩余4个未开工项目9月底前全部开工") dates it before time words of
	// another sentence.
	if h, ok := x.deadlineAfter(fig.End, fig.End+len(ownClause(after)), current); ok && (h.month != 0 || quarter(h.period)) &&
		(!okBefore || strings.ContainsAny(x.in.File.Text[before.end:fig.Start], "。！？!?")) {
		return h.word, next(h.word, h.year), x.period(h)
	}
	if okBefore {
		return before.word, next(before.word, before.year), x.period(before)
	}
	if h, ok := x.deadlineAfter(fig.End, fig.End+len(ownCommitment(after)), current); ok {
		return h.word, next(h.word, h.year), x.period(h)
	}
	for s := sec; s != nil; s = parentOf(x.in.Sections, s) {
		if s == sec && s.Inline && enumItem(s) {
			// An item of a list inside a paragraph: its title is the
			// start of its text, read above ("四是做好“十五五”规划编制
			// 前期工作，谋划储备项目20个以上" is no five-year target).
			continue
		}
		if w, y, p := findDeadline(s.Title, current); w != "" {
			return w, next(w, y), p
		}
		if w, y := fivePlan(s.Title); w != "" {
			return w, y, zongjie.PeriodMulti // "“十三五”时期主要目标任务"
		}
	}
	if x.in.Meta.Plan != nil {
		return "", x.in.Meta.Plan.Year, x.in.Meta.Plan.Period
	}
	return "", 0, ""
}

// enumItem reports whether a section is an item of an enumeration inside
// a paragraph (一是, 一要, 第一, 首先, 其一).
func enumItem(s *zongjie.Section) bool {
	switch s.Form {
	case "一是", "一要", "第一", "首先", "其一":
		return true
	}
	return false
}

// inPlan reports whether sec or one of its ancestors is a plan section.
func (x *extractor) inPlan(sec *zongjie.Section) bool {
	for s := sec; s != nil; s = parentOf(x.in.Sections, s) {
		if s.Kind == zongjie.KindPlan {
			return true
		}
	}
	return false
}

// fivePlans are the five-year plan periods and their last years.
var fivePlans = []struct {
	word string
	end  int
}{{"十一五", 2010}, {"十二五", 2015}, {"十三五", 2020}, {"十四五", 2025}, {"十五五", 2030}, {"十六五", 2035}}

// fivePlan finds a five-year plan period in a section title: its name and
// last year.
func fivePlan(title string) (string, int) {
	for _, p := range fivePlans {
		if strings.Contains(title, p.word) {
			return p.word, p.end
		}
	}
	return "", 0
}

// deadlineHit is a time word found in a paragraph.
type deadlineHit struct {
	start, end int
	word       string
	year       int
	period     zongjie.Period
	month      int // the last month of a quarter a date names (6月底前), or 0
}

// period is the period of a time word: for the end of a quarter's last
// month (6月底前, 9月30日前) the part of the planned period that ends then
// — in a year's plan 3月 ends the first quarter, 6月 the first half, 9月
// the first three quarters, 12月 the year; in a second half's plan 9月
// ends its third quarter and 12月 the half.
func (x *extractor) period(h deadlineHit) zongjie.Period {
	if h.month == 0 {
		return h.period
	}
	if p := x.in.Meta.Plan; p != nil && p.Period == zongjie.PeriodH2 {
		switch h.month {
		case 9:
			return zongjie.PeriodQ3
		case 12:
			return zongjie.PeriodH2
		}
	}
	switch h.month {
	case 3:
		return zongjie.PeriodQ1
	case 6:
		return zongjie.PeriodH1
	case 9:
		return zongjie.PeriodQ1Q3
	}
	return zongjie.PeriodFullYear
}

// monthEnd reads a date at the end of a quarter's last month that starts
// at byte i of s and bounds a commitment: "6月底前", "6月底", "3月末",
// "9月30日前", "12月31日之前". It returns the words and the month, or "".
func monthEnd(s string, i int) (string, int) {
	if i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		return "", 0
	}
	j := i
	for j < len(s) && j-i < 2 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i || !strings.HasPrefix(s[j:], "月") {
		return "", 0
	}
	m, _ := strconv.Atoi(s[i:j])
	if m == 0 || m > 12 || m%3 != 0 {
		return "", 0
	}
	k := j + len("月")
	switch rest := s[k:]; {
	case strings.HasPrefix(rest, "底前"):
		return s[i : k+len("底前")], m
	case strings.HasPrefix(rest, "底"), strings.HasPrefix(rest, "末"):
		return s[i : k+len("底")], m
	}
	d := k
	for d < len(s) && d-k < 2 && s[d] >= '0' && s[d] <= '9' {
		d++
	}
	day, _ := strconv.Atoi(s[k:d])
	if d == k || day < 28 {
		return "", 0
	}
	for _, suf := range []string{"日前", "日之前"} {
		if strings.HasPrefix(s[d:], suf) {
			return s[i : d+len(suf)], m
		}
	}
	return "", 0
}

// deadlineBefore returns the last time word that ends at or before off in
// off's paragraph and does not start in [lo, hi), relative words read as
// years of current. Each paragraph is scanned once, when first needed.
func (x *extractor) deadlineBefore(off, current, lo, hi int) (deadlineHit, bool) {
	hits := x.hits(off, current)
	i := sort.Search(len(hits), func(i int) bool { return hits[i].end > off })
	for ; i > 0; i-- {
		h := hits[i-1]
		if (h.month != 0 || quarter(h.period)) && h.end <= off && strings.ContainsAny(x.in.File.Text[h.end:off], "；;。") {
			// The end of a month dates the clauses it stands in, not
			// those after a semicolon ("二期3月底前开工、10月底前投产；
			// …新增厂房面积4万平方米"), and so does a quarter ("…改造
			// 4.6公里，第三季度投入使用。参保率稳定在96%以上"); a period's
			// words (下半年, 年底前) still lead them.
			continue
		}
		if strings.ContainsAny(x.in.File.Text[h.end:off], "。！？!?") && !opensSentence(x.in.File.Text, h.start) {
			// A time word inside a sentence (确保全年完成投资13亿元。)
			// dates that sentence, not the ones after it; one that opens
			// its sentence (下半年要…。…) leads them.
			continue
		}
		if h.start < lo || h.start >= hi {
			return h, true
		}
	}
	return deadlineHit{}, false
}

// opensSentence reports whether the time word at byte i of text opens its
// sentence: nothing but a paragraph's start, a full stop or a heading's
// marker before it.
func opensSentence(text string, i int) bool {
	j := strings.LastIndexAny(text[:i], "。！？!?\n")
	if j < 0 {
		return strings.TrimSpace(text[:i]) == ""
	}
	_, size := utf8.DecodeRuneInString(text[j:])
	return strings.TrimSpace(text[j+size:i]) == ""
}

// ownClause returns the start of after up to the end of its clause.
func ownClause(after string) string {
	if i := strings.IndexAny(after, "，；。,;！？"); i >= 0 {
		return after[:i]
	}
	return after
}

// quarter says whether a period is a quarter or the first three.
func quarter(p zongjie.Period) bool {
	switch p {
	case zongjie.PeriodQ1, zongjie.PeriodQ2, zongjie.PeriodQ3, zongjie.PeriodQ4, zongjie.PeriodQ1Q3:
		return true
	}
	return false
}

// earlierItems returns the stretch of sec's paragraph held by the items of
// its list before it, when sec is an item of a list inside a paragraph
// ("一是…，确保全年…；…；四是…，谋划储备项目20个以上"): a time word of an
// earlier item is that item's, not sec's. The lead-in before the first
// item is outside the stretch ("2027年，我镇将重点做好以下工作：一是…"):
// its time words are every item's. Empty when sec is no such item.
func (x *extractor) earlierItems(sec *zongjie.Section) (lo, hi int) {
	if sec == nil || !sec.Inline || sec.Ordinal <= 1 {
		return 0, 0
	}
	siblings := x.in.Sections
	if p := parentOf(x.in.Sections, sec); p != nil {
		siblings = p.Children
	}
	for _, s := range siblings {
		if s.Inline && s.Ordinal == 1 && s.Form == sec.Form && s.Para == sec.Para && s.Span.Start < sec.Span.Start {
			lo = s.Span.Start
		}
	}
	if lo == 0 {
		return 0, 0
	}
	return lo, sec.Span.Start
}

// ownCommitment returns the start of after, the text after a figure in its
// sentence, up to a clause that commits to something of its own: in "新建
// 投放亭100个，力争年底前回收利用率达到40%以上" 年底前 is the rate's, and
// in "新建高标准农田2500亩，上半年完成管网改造3.5公里" 上半年 leads the
// clause with a figure of its own, not the one before (a clause it leads
// with no figure still dates it: "新建学校3所，年底前投入使用").
func ownCommitment(after string) string {
	for i := 0; i < len(after); {
		r, size := utf8.DecodeRuneInString(after[i:])
		i += size
		if r != '，' && r != '；' && r != ',' && r != ';' {
			continue
		}
		for _, w := range []string{"力争", "确保", "争取", "力求", "计划"} {
			if strings.HasPrefix(after[i:], w) {
				return after[:i]
			}
		}
		if w := timeWordAt(after, i); w != "" && hasDigit(clauseFrom(after, i+len(w))) {
			return after[:i]
		}
	}
	return after
}

// timeWordAt returns the time word (上半年, 年底前, 2026年, 6月底前) that
// starts at byte i of s, or "".
func timeWordAt(s string, i int) string {
	if w, _ := monthEnd(s, i); w != "" {
		return w
	}
	w, _, _ := deadlineAt(s, i, 0)
	return w
}

// clauseFrom returns s from byte i to the end of its clause.
func clauseFrom(s string, i int) string {
	s = s[i:]
	if j := strings.IndexAny(s, "，；。,;"); j >= 0 {
		return s[:j]
	}
	return s
}

// hasDigit reports whether s holds a digit.
func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789０１２３４５６７８９")
}

// deadlineAfter returns the first time word in [off, end).
func (x *extractor) deadlineAfter(off, end, current int) (deadlineHit, bool) {
	hits := x.hits(off, current)
	i := sort.Search(len(hits), func(i int) bool { return hits[i].start >= off })
	if i < len(hits) && hits[i].end <= end {
		return hits[i], true
	}
	return deadlineHit{}, false
}

// hits returns the time words of the paragraph holding off, found once per
// paragraph.
func (x *extractor) hits(off, current int) []deadlineHit {
	para := paragraphOf(x.in.File, off)
	hits, ok := x.deadlines[para.Start]
	if !ok {
		text := x.in.File.Text[para.Start:para.End]
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			if r >= '0' && r <= '9' {
				if w, m := monthEnd(text, i); w != "" {
					h := deadlineHit{start: para.Start + i, end: para.Start + i + len(w), word: w, year: current, month: m}
					if n := len(hits); n > 0 && hits[n-1].end == h.start && hits[n-1].period == zongjie.PeriodFullYear && hits[n-1].month == 0 {
						// 2025年6月底前: the year's own month.
						h.start, h.word, h.year = hits[n-1].start, hits[n-1].word+w, hits[n-1].year
						hits = hits[:n-1]
					}
					hits = append(hits, h)
					i += len(w)
					continue
				}
			}
			if r >= '0' && r <= '9' || deadlineSet.MayStart(r) {
				if w, y, p := deadlineAt(text, i, current); w != "" {
					hits = append(hits, deadlineHit{start: para.Start + i, end: para.Start + i + len(w), word: w, year: y, period: p})
					i += len(w)
					continue
				}
			}
			i += size
		}
		x.deadlines[para.Start] = hits
	}
	return hits
}

// deadlineAt reads a deadline that starts exactly at byte i of s: a year
// ("2025年", "2025年底前", "2025年下半年") or a time word (全年, 年底前 …).
func deadlineAt(s string, i, current int) (string, int, zongjie.Period) {
	if i >= 4 && strings.HasPrefix(s[i:], "年") && isYear(s[i-4:i]) && (i == 4 || s[i-5] < '0' || s[i-5] > '9') {
		return deadlineAt(s, i-4, current) // 年底 in 2025年底 belongs to the year
	}
	if i+4 < len(s) && isYear(s[i:i+4]) && strings.HasPrefix(s[i+4:], "年") && (i == 0 || s[i-1] < '0' || s[i-1] > '9') {
		y, _ := strconv.Atoi(s[i : i+4])
		w := s[i : i+4+len("年")]
		p := zongjie.PeriodFullYear
		rest := s[i+len(w):]
		for _, d := range deadlineWords {
			if strings.HasPrefix(rest, d.word) && !d.next && d.word != "今年" {
				w += d.word
				p = d.period
				rest = rest[len(d.word):]
				break
			}
		}
		for _, suf := range []string{"底前", "底", "末"} {
			if strings.HasPrefix(rest, suf) {
				w += suf
				break
			}
		}
		return w, y, p
	}
	if w := deadlineSet.At(s, i); w != "" {
		d := deadlineByWord[w]
		y := current
		if d.next && y > 0 {
			y++
		}
		return w, y, d.period
	}
	return "", 0, ""
}

// isYear reports whether s is four digits from 1949 to 2099.
func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	y, _ := strconv.Atoi(s)
	return y >= 1949 && y <= 2099
}

// findDeadline reads the first deadline in s.
func findDeadline(s string, current int) (string, int, zongjie.Period) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= '0' && r <= '9' || deadlineSet.MayStart(r) {
			if w, y, p := deadlineAt(s, i, current); w != "" {
				return w, y, p
			}
		}
		i += size
	}
	return "", 0, ""
}

// parentOf returns the parent of s in the tree, or nil.
func parentOf(roots []*zongjie.Section, s *zongjie.Section) *zongjie.Section {
	for _, r := range roots {
		for _, c := range r.Children {
			if c == s {
				return r
			}
		}
		if p := parentOf(r.Children, s); p != nil {
			return p
		}
	}
	return nil
}
