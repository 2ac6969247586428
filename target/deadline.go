package target

import (
	"strconv"
	"strings"

	"zongjie"
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

// deadline finds the deadline of a commitment: the nearest time words
// before the figure in its paragraph (before is the paragraph up to the
// figure: "今年…目标是：…；城镇新增就业…" shares 今年), else after it in
// its sentence (after), else in the titles of its enclosing sections, else
// the plan period of the report. It returns the words as
// written (empty when only the report's plan period applies) and the year
// and period they stand for.
func deadline(in Input, sec *zongjie.Section, before, after string) (string, int, zongjie.Period) {
	current := currentYear(in.Meta)
	if w, y, p := lastDeadline(before, current); w != "" {
		return w, y, p
	}
	if w, y, p := findDeadline(after, current); w != "" {
		return w, y, p
	}
	for s := sec; s != nil; s = parentOf(in.Sections, s) {
		if w, y, p := findDeadline(s.Title, current); w != "" {
			return w, y, p
		}
	}
	if in.Meta.Plan != nil {
		return "", in.Meta.Plan.Year, in.Meta.Plan.Period
	}
	return "", 0, ""
}

// currentYear is the year a report's "今年" refers to: the planned year of
// a plan written at its start (政府工作报告), the reviewed year otherwise.
func currentYear(m zongjie.Meta) int {
	switch {
	case m.DocType == "政府工作报告" && m.Plan != nil:
		return m.Plan.Year
	case m.Review != nil && m.Review.Year > 0:
		return m.Review.Year
	case m.Plan != nil:
		return m.Plan.Year
	}
	return 0
}

// lastDeadline reads the last deadline in s: the one nearest to the end.
func lastDeadline(s string, current int) (string, int, zongjie.Period) {
	var word string
	var year int
	var period zongjie.Period
	for off := 0; off < len(s); {
		w, y, p := findDeadline(s[off:], current)
		if w == "" {
			break
		}
		word, year, period = w, y, p
		off += strings.Index(s[off:], w) + len(w)
	}
	return word, year, period
}

// findDeadline reads the first deadline in s.
func findDeadline(s string, current int) (string, int, zongjie.Period) {
	best := -1
	var word string
	var year int
	var period zongjie.Period
	// "2025年底", "到2025年", "2025年".
	for i := 0; i+4 < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || i > 0 && s[i-1] >= '0' && s[i-1] <= '9' || !strings.HasPrefix(s[i+4:], "年") {
			continue
		}
		y, err := strconv.Atoi(s[i : i+4])
		if err != nil || y < 1949 || y > 2099 {
			continue
		}
		w := s[i : i+4+len("年")]
		p := zongjie.PeriodFullYear
		rest := s[i+len(w):]
		for _, d := range deadlineWords {
			if strings.HasPrefix(rest, d.word) && !d.next && d.word != "今年" {
				w += d.word
				p = d.period
				break
			}
		}
		for _, suf := range []string{"底前", "底", "末"} {
			if strings.HasPrefix(rest, suf) {
				w += suf
				break
			}
		}
		best, word, year, period = i, w, y, p
		break
	}
	if i, w := deadlineSet.Index(s); i >= 0 && (best < 0 || i < best) {
		d := deadlineByWord[w]
		y := current
		if d.next && y > 0 {
			y++
		}
		word, year, period = w, y, d.period
	}
	return word, year, period
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
