package meta

import (
	"strings"

	"zongjie"
)

// Override applies to m what a user states about a report (the --unit and
// --period flags): the unit, with the level its name gives (the level
// detected when the name gives none), and the period it reviews — or, for
// a plan that reviews nothing, the period it plans — with the planned
// period following the reviewed one as Detect makes it follow. A stated
// plan period that now agrees is dropped. An empty unit or a nil term
// leaves that part as detected.
func Override(m *zongjie.Meta, unit string, term *zongjie.Term) {
	if unit = strings.TrimSpace(unit); unit != "" {
		if unit != m.Unit {
			m.Parent = "" // of the unit detected
		}
		m.Unit, m.UnitSource = unit, zongjie.SourceUser
		if l := levelOf(unit); l != "" {
			m.Level = l
		}
		m.UnitPlaceholder = isPlaceholderName(strings.TrimSuffix(unit, suffixOf(unit)))
	}
	if term == nil {
		return
	}
	m.PeriodSource = zongjie.SourceUser
	t := zongjie.Term{Year: term.Year, Period: term.Period}
	if t.Period == "" {
		t.Period = zongjie.PeriodFullYear
	}
	if m.Review == nil && m.Genre == zongjie.GenrePlan {
		m.Plan = &t
	} else {
		m.Review = &t
		if m.Plan != nil || m.Genre == zongjie.GenreSummaryPlan {
			next := nextTerm(&claim{year: t.Year, period: t.Period})
			m.Plan = &zongjie.Term{Year: next.year, Period: next.period}
		}
	}
	if m.StatedPlan != nil && m.Plan != nil && m.StatedPlan.Year == m.Plan.Year && m.StatedPlan.Period == m.Plan.Period {
		m.StatedPlan = nil
	}
	// Years and Period as Detect makes them.
	m.Years = []int{}
	for _, t := range []*zongjie.Term{m.Review, m.Plan} {
		if t != nil && t.Year > 0 && !containsInt(m.Years, t.Year) {
			m.Years = append(m.Years, t.Year)
		}
	}
	if len(m.Years) == 2 && m.Years[0] > m.Years[1] {
		m.Years[0], m.Years[1] = m.Years[1], m.Years[0]
	}
	switch {
	case m.Review != nil:
		m.Period = m.Review.Period
	case m.Plan != nil:
		m.Period = m.Plan.Period
	}
}
