package zongjie

import (
	"fmt"
	"strconv"
	"strings"
)

// String returns the term as the command line writes it: 2024 for a full
// year, else the year and the period (2024H1, 2024Q1-Q3); "" for nil.
func (t *Term) String() string {
	if t == nil {
		return ""
	}
	if t.Period == PeriodFullYear || t.Period == "" {
		return strconv.Itoa(t.Year)
	}
	return strconv.Itoa(t.Year) + string(t.Period)
}

// Words returns the term in Chinese: 2024年, 2024年上半年, 2024年前三季度.
func (t *Term) Words() string {
	if t == nil {
		return ""
	}
	return strconv.Itoa(t.Year) + "年" + t.Period.Words()
}

// periodSpellings are the ways ParseTerm accepts a part of a year after
// the year, upper-cased: codes and Chinese words.
var periodSpellings = map[string]Period{
	"": PeriodFullYear, "FY": PeriodFullYear, "年": PeriodFullYear, "年度": PeriodFullYear, "年全年": PeriodFullYear,
	"H1": PeriodH1, "H2": PeriodH2, "Q1": PeriodQ1, "Q2": PeriodQ2, "Q3": PeriodQ3, "Q4": PeriodQ4,
	"Q1-Q3": PeriodQ1Q3, "Q1Q3": PeriodQ1Q3,
	"年上半年": PeriodH1, "年下半年": PeriodH2, "年前三季度": PeriodQ1Q3,
	"年第一季度": PeriodQ1, "年第二季度": PeriodQ2, "年第三季度": PeriodQ3, "年第四季度": PeriodQ4,
	"年一季度": PeriodQ1, "年二季度": PeriodQ2, "年三季度": PeriodQ3, "年四季度": PeriodQ4,
}

// ParseTerm reads a period as a user gives one on the command line: a
// year and an optional part of it, as a code (2024, 2024FY, 2024H1,
// 2024h2, 2024Q3, 2024Q1-Q3) or in Chinese (2024年, 2024年上半年,
// 2024年第三季度, 2024年前三季度). The year must be between 1949 and 2100.
// It is the one parser of periods for every command.
func ParseTerm(s string) (Term, error) {
	in := strings.ToUpper(strings.TrimSpace(s))
	bad := func() (Term, error) {
		return Term{}, fmt.Errorf("时段 %q 无法识别，应如 2024、2024H1、2024Q3 或 2024年上半年", s)
	}
	if len(in) < 4 {
		return bad()
	}
	year, err := strconv.Atoi(in[:4])
	if err != nil || in[0] == '+' || in[0] == '-' {
		return bad()
	}
	p, ok := periodSpellings[in[4:]]
	if !ok {
		return bad()
	}
	if year < 1949 || year > 2100 {
		return Term{}, fmt.Errorf("时段 %q 的年份 %d 不在 1949—2100 之间", s, year)
	}
	return Term{Year: year, Period: p}, nil
}

// periodRank orders the parts of a year by where they end.
var periodRank = map[Period]int{
	PeriodQ1: 1, PeriodH1: 2, PeriodQ2: 2, PeriodQ1Q3: 3, PeriodQ3: 3,
	PeriodH2: 4, PeriodQ4: 4, PeriodFullYear: 5, PeriodMulti: 5,
}

// Order orders terms in time, by where they end: a part of a year
// before the parts that end later and before the whole year (2024Q1 <
// 2024H1 < 2024Q1-Q3 < 2024H2 < 2024), a year before the next. Terms
// that end together (2024H1 and 2024Q2) are equal; nil is 0, before
// every term.
func (t *Term) Order() int {
	if t == nil {
		return 0
	}
	return t.Year*10 + periodRank[t.Period]
}
