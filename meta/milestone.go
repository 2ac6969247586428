package meta

import (
	"strings"

	"zongjie/numeral"
)

// The milestone table: phrases that belong to one year only (党的十九大精神
// 开局之年 is 2018, “十四五”收官之年 2025, 建党100周年 2021). Detect reads a
// report's year from them when nothing stronger states it; the checker's
// milestone rule reports them said of another year. One table serves both.

// fiveYearPlans are the five-year plans, with their first and last years.
var fiveYearPlans = []struct {
	name        string
	first, last int
}{{"十一五", 2006, 2010}, {"十二五", 2011, 2015}, {"十三五", 2016, 2020}, {"十四五", 2021, 2025}, {"十五五", 2026, 2030}}

// milestones gives the year of each fixed phrase.
var milestones = func() map[string]int {
	m := map[string]int{}
	// Five-year plans: the first and the last year of each.
	for _, p := range fiveYearPlans {
		for _, q := range []string{"”", "”规划", "规划", ""} {
			m[p.name+q+"开局之年"] = p.first
			m[p.name+q+"收官之年"] = p.last
		}
	}
	// Party congresses: the year after one is the first year of carrying
	// out its spirit.
	for _, c := range []struct {
		name string
		year int
	}{{"十七大", 2008}, {"十八大", 2013}, {"十九大", 2018}, {"二十大", 2023}, {"二十一大", 2028}} {
		for _, q := range []string{"精神的开局之年", "精神开局之年", "的开局之年", "开局之年"} {
			m[c.name+q] = c.year
		}
	}
	return m
}()

// anniversaryBase gives the founding year of each anniversary's event:
// "建党100周年" is 1921+100.
var anniversaryBase = map[string]int{
	"建党": 1921, "中国共产党成立": 1921,
	"新中国成立": 1949, "中华人民共和国成立": 1949,
	"改革开放":   1978,
	"抗日战争胜利": 1945, "抗战胜利": 1945,
}

// MilestoneWords are the words of the milestone table, for a word matcher:
// the fixed phrases, and the events whose anniversaries are read forwards
// from them ("建党" + "100周年").
var MilestoneWords = func() []string {
	list := make([]string, 0, len(milestones)+len(anniversaryBase))
	for w := range milestones {
		list = append(list, w)
	}
	for w := range anniversaryBase {
		list = append(list, w)
	}
	return list
}()

// MilestoneYear returns the year a milestone word found at text[start:end]
// names, and where the phrase ends: the word's end for a fixed phrase, the
// end of "N周年" after an anniversary's event. ok is false for an event
// word not followed by an anniversary, and for an anniversary cited later
// (习近平总书记在庆祝中国共产党成立100周年大会上的重要讲话).
func MilestoneYear(text string, start, end int) (year, phraseEnd int, ok bool) {
	w := text[start:end]
	if y, found := milestones[w]; found {
		return y, end, true
	}
	base, found := anniversaryBase[w]
	if !found {
		return 0, 0, false
	}
	rest := text[end:]
	num, size := numeral.Scan(rest)
	if size == 0 || num.Approx || num.Value != float64(int(num.Value)) || num.Value < 1 || num.Value > 200 {
		return 0, 0, false
	}
	if !strings.HasPrefix(rest[size:], "周年") {
		return 0, 0, false
	}
	phraseEnd = end + size + len("周年")
	if after := text[phraseEnd:]; strings.HasPrefix(after, "大会") || strings.HasPrefix(after, "之际的") || strings.HasPrefix(after, "时的") {
		return 0, 0, false
	}
	return base + int(num.Value), phraseEnd, true
}
