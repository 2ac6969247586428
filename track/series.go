package track

import (
	"fmt"
	"sort"
	"strings"

	"zongjie"
	"zongjie/document"
	"zongjie/indicator"
)

// Report is one report of a unit, for Series.
type Report struct {
	Label  string // the path, or "#ID"
	File   *document.File
	Report *zongjie.Report
}

// Point is an indicator's value in one period.
type Point struct {
	Period string   `json:"period"` // 2024FY, 2024H1
	Value  float64  `json:"value"`  // in the base unit; a change is signed (下降 is negative)
	Figure string   `json:"figure"` // as written
	Report string   `json:"report"` // the report's path or #ID
	Line   int      `json:"line"`
	Raw    *float64 `json:"-"`
	// Offset and Length are the figure's place in its report's file, in
	// characters (Evidence.Offset).
	Offset int `json:"-"`
	Length int `json:"-"`
}

// Series is one indicator of a unit over its periods.
type Series struct {
	Indicator string  `json:"indicator"` // the name as first written
	Key       string  `json:"key"`       // the normalised name
	Measure   string  `json:"measure"`   // "level" (财政收入9.01亿元) or "change" (增长33%)
	Unit      string  `json:"unit"`      // the base unit: 元, 人, %, 个百分点
	Points    []Point `json:"points"`
}

// SeriesOf returns the indicators the reports give as results, each with
// its value per reviewed period, in period order. A report gives one value
// per indicator: its likeliest (a result of the period, not a multi-year
// figure, the first such). An indicator given by only one report is left
// out unless all is set.
func SeriesOf(reports []Report, all bool) []Series {
	type id struct{ key, measure, unit string }
	byID := map[id]*Series{}
	var order []id
	for _, r := range reports {
		period := termText(r.Report.Meta.Review)
		best := map[id]candidate{}
		for _, c := range candidates(r.File, r.Report) {
			key, text := c.nameKey, c.text
			if c.altKey != "" && !indicator.Bare(c.altKey) && strings.Contains(key, c.altKey) {
				key, text = c.altKey, c.altKey // the clause holds more than the name: 以来各村党组织领办合作社
			}
			if indicator.Dangling(text) {
				// "建成镇综治中心和20个村级调解室", "为全镇1200余名…老人":
				// the words before name no figure. The noun right after
				// it names a count; else the figure is left out.
				if !c.altNext || indicator.Bare(c.altKey) || indicator.Dangling(c.altKey) {
					continue
				}
				key, text = c.altKey, c.altKey
			}
			if indicator.Reaches(text) && c.altNext && !indicator.Bare(c.altKey) && !indicator.Dangling(c.altKey) {
				// 惠及4.32亿城镇职工: the verb alone names nothing; with the
				// noun counted it does (惠及城镇职工).
				text += c.altKey
				key = indicator.Parse(text).Key
			}
			if key == "" || indicator.Bare(key) || c.ageOf {
				continue // no name; or an age that qualifies a group (3－6岁幼儿), not an indicator's value
			}
			c.text = text
			k := id{key, measure(c.change), c.unit}
			if b, ok := best[k]; !ok || c.tier < b.tier {
				best[k] = c
			}
		}
		for k, c := range best {
			s := byID[k]
			if s == nil {
				s = &Series{Indicator: c.text, Key: k.key, Measure: k.measure, Unit: k.unit}
				byID[k] = s
				order = append(order, k)
			}
			s.Points = append(s.Points, Point{Period: period, Value: c.ev.base, Figure: c.ev.Figure, Report: r.Label, Line: c.ev.Line,
				Offset: c.ev.Offset, Length: c.ev.Length})
		}
	}
	var out []Series
	for _, k := range order {
		s := byID[k]
		if len(s.Points) < 2 && !all {
			continue
		}
		out = append(out, *s)
	}
	// Most points first, then by key, measure and unit: series that tie
	// (one indicator as a level and a change) keep one order, whatever
	// the order the map above gave them.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if len(a.Points) != len(b.Points) {
			return len(a.Points) > len(b.Points)
		}
		if a.Key != b.Key {
			return a.Key < b.Key
		}
		if a.Measure != b.Measure {
			return a.Measure < b.Measure
		}
		return a.Unit < b.Unit
	})
	return out
}

func measure(change string) string {
	if change != "" {
		return "change"
	}
	return "level"
}

// termText writes a period: 2024FY, 2024H1; "" when unknown.
func termText(t *zongjie.Term) string {
	if t == nil || t.Year == 0 {
		return ""
	}
	return fmt.Sprintf("%d%s", t.Year, t.Period)
}

// Match filters series by a name: those whose key holds the name's key,
// or is close to it.
func Match(ss []Series, name string) []Series {
	k := indicator.Parse(name).Key
	var out []Series
	for _, s := range ss {
		if strings.Contains(s.Key, k) || indicator.Similarity(k, s.Key) >= minScore {
			out = append(out, s)
		}
	}
	return out
}
