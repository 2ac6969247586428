package eval

import (
	"fmt"
	"strconv"
	"strings"

	"zongjie"
)

// amount is a value as the expectations write it: a number or a range
// ("6.5-7") with the unit as written ("万人", "%").
type amount struct {
	lo, hi  float64
	isRange bool
	unit    string
}

func parseAmount(value, unit string) (amount, error) {
	a := amount{unit: normUnit(unit)}
	if unit == "-" {
		a.unit = ""
	}
	if i := strings.Index(value[1:], "-"); i >= 0 {
		lo, err1 := strconv.ParseFloat(value[:i+1], 64)
		hi, err2 := strconv.ParseFloat(value[i+2:], 64)
		if err1 != nil || err2 != nil {
			return a, fmt.Errorf("bad range %q", value)
		}
		a.lo, a.hi, a.isRange = lo, hi, true
		return a, nil
	}
	v, err := strconv.ParseFloat(value, 64)
	if err != nil {
		return a, fmt.Errorf("bad value %q", value)
	}
	a.lo, a.hi = v, v
	return a, nil
}

func (a amount) String() string {
	if a.isRange {
		return fmt.Sprintf("%g-%g%s", a.lo, a.hi, a.unit)
	}
	return fmt.Sprintf("%g%s", a.lo, a.unit)
}

// base returns the amount's multiplier and base unit: 万人 is 10000 人,
// 亿元 100000000 元; units that merely start like a multiplier (千瓦,
// 百分点) are left whole.
func baseOf(unit string) (float64, string) {
	for _, p := range []struct {
		prefix string
		m      float64
	}{{"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}} {
		if strings.HasPrefix(unit, p.prefix) {
			return p.m, strings.TrimPrefix(unit, p.prefix)
		}
	}
	return 1, unit
}

// normUnit folds the ways one unit is written: ％ and %, 百分点 and 个百分点.
func normUnit(u string) string {
	u = strings.TrimSpace(u)
	u = strings.ReplaceAll(u, "％", "%")
	if u == "百分点" {
		u = "个百分点"
	}
	return u
}

// sameAmount reports whether a figure written as value (valueTo for a range)
// with unit, or in the base unit as base (baseTo) baseUnit, is the amount.
// Either way of writing it counts: 1240 万 and 12400000 with unit "".
func (a amount) same(value, valueTo *float64, unit string, base, baseTo *float64, baseUnit string) bool {
	if value != nil && normUnit(unit) == a.unit && approxEqual(*value, a.lo) && rangeOK(a, valueTo, 1) {
		return true
	}
	m, bu := baseOf(a.unit)
	if base != nil && normUnit(baseUnit) == bu && approxEqual(*base, a.lo*m) && rangeOK(a, baseTo, m) {
		return true
	}
	// 750千伏 given as 750000 伏: 千 taken as a multiplier too.
	if k := strings.TrimPrefix(bu, "千"); k != bu && k != "" {
		if base != nil && normUnit(baseUnit) == k && approxEqual(*base, a.lo*m*1000) && rangeOK(a, baseTo, m*1000) {
			return true
		}
		if value != nil && normUnit(unit) == k && approxEqual(*value, a.lo*m*1000) && rangeOK(a, valueTo, m*1000) {
			return true
		}
	}
	// 2.4‰ given as 0.24%, 三成 as 30%.
	if value != nil && a.unit != "%" && normUnit(unit) == "%" {
		if f := percentFactor(a.unit); f > 0 && approxEqual(*value, a.lo*f) && rangeOK(a, valueTo, f) {
			return true
		}
	}
	return false
}

// percentFactor converts a unit that is a share into percent.
func percentFactor(u string) float64 {
	switch u {
	case "‰":
		return 0.1
	case "‱":
		return 0.01
	case "成":
		return 10
	case "":
		return 100 // a fraction: 三分之一 as 33.33%
	}
	return 0
}

func rangeOK(a amount, to *float64, m float64) bool {
	if !a.isRange {
		return to == nil || approxEqual(*to, a.lo*m)
	}
	return to != nil && approxEqual(*to, a.hi*m)
}

// indicator is how an expectation names an indicator: any of names, none of
// nots, in a normalised target name.
type indicator struct {
	names, nots []string
	change      string // up, down or ""
}

func parseIndicator(names, nots, change string) indicator {
	ind := indicator{names: strings.Split(names, "|")}
	if nots != "-" && nots != "" {
		ind.nots = strings.Split(nots, "|")
	}
	if change != "-" {
		ind.change = change
	}
	return ind
}

// normName strips what never distinguishes an indicator: spaces, quotes.
func normName(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u3000', '“', '”', '"', '‘', '’', '\u200b':
			return -1
		}
		return r
	}, s)
}

func (ind indicator) String() string {
	s := ind.names[0]
	if ind.change != "" {
		s += "(" + ind.change + ")"
	}
	return s
}

// names reports whether a name stands for the indicator.
func (ind indicator) matchName(name string) bool {
	n := normName(name)
	for _, w := range ind.nots {
		if strings.Contains(n, w) {
			return false
		}
	}
	for _, w := range ind.names {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// Change words in a name, for a target whose Change is not set.
var (
	upWords   = []string{"增长", "增速", "涨幅", "上涨", "提高", "提升", "增加"}
	downWords = []string{"下降", "降低", "减少", "降幅"}
)

// changeOf returns the direction a target states: its Change, else the one
// its name says.
func changeOf(change, name string) string {
	if change != "" {
		return change
	}
	for _, w := range downWords {
		if strings.Contains(name, w) {
			return zongjie.Down
		}
	}
	for _, w := range upWords {
		if strings.Contains(name, w) {
			return zongjie.Up
		}
	}
	return ""
}

// expTarget is one expected target.
type expTarget struct {
	ind   indicator
	cmps  []string
	amt   amount
	line  int    // of the paragraph, when known
	class string // h or o
	src   string // file:line of the expectation, for messages
}

func (e expTarget) String() string {
	return fmt.Sprintf("%s %s %s", e.ind, strings.Join(e.cmps, "|"), e.amt)
}

func parseTarget(src string, line int, class, names, nots, change, cmps, value, unit string) (expTarget, error) {
	amt, err := parseAmount(value, unit)
	if err != nil {
		return expTarget{}, fmt.Errorf("%s: %v", src, err)
	}
	return expTarget{ind: parseIndicator(names, nots, change), cmps: strings.Split(cmps, "|"), amt: amt, line: line, class: class, src: src}, nil
}

// mismatch says why target t is not e, "" when it is.
func (e expTarget) mismatch(t zongjie.Target) string {
	if t.Placeholder {
		return "placeholder"
	}
	var why []string
	if !e.ind.matchName(t.Name) {
		why = append(why, "indicator "+strconv.Quote(t.Name))
	}
	if got := changeOf(t.Change, t.Name); got != e.ind.change {
		why = append(why, "change "+orNone(got))
	}
	cmpOK := false
	for _, c := range e.cmps {
		if c == t.Comparator {
			cmpOK = true
		}
	}
	if !cmpOK {
		why = append(why, "comparator "+orNone(t.Comparator))
	}
	if !e.amt.same(t.Value, t.ValueTo, t.Unit, t.BaseValue, nil, t.BaseUnit) && !e.amt.sameRangeBase(t) {
		why = append(why, "value "+targetAmount(t))
	}
	return strings.Join(why, ", ")
}

// sameRangeBase compares a range target through its base values, which the
// Target type gives without a base high end.
func (a amount) sameRangeBase(t zongjie.Target) bool {
	if !a.isRange || t.BaseValue == nil || t.ValueTo == nil || t.Value == nil || *t.Value == 0 {
		return false
	}
	to := *t.ValueTo * *t.BaseValue / *t.Value
	return a.same(nil, nil, "", t.BaseValue, &to, t.BaseUnit)
}

func targetAmount(t zongjie.Target) string {
	s := "?"
	if t.Value != nil {
		s = strconv.FormatFloat(*t.Value, 'f', -1, 64)
	}
	if t.ValueTo != nil {
		s += "-" + strconv.FormatFloat(*t.ValueTo, 'f', -1, 64)
	}
	return s + t.Unit
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// describe renders an extracted target briefly.
func describe(t zongjie.Target) string {
	return fmt.Sprintf("%s %s %s", orNone(t.Name), orNone(t.Comparator), targetAmount(t))
}
