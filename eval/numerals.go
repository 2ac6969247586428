package eval

import (
	"fmt"
	"strings"

	"zongjie/document"
)

// Numerals runs the sentences of testdata/numerals.tsv through extraction,
// one paragraph each, and compares the figure found on each case's words
// with the value read: base value (or range), base unit and, where the
// suite says, whether it is approximate. A case whose words are not a
// figure (a year, an ordinal, a slogan) is right when no figure is found
// there.
func Numerals(expPath string) (*Result, error) {
	rows, err := readTSV(expPath)
	if err != nil {
		return nil, err
	}
	var sb strings.Builder
	type kase struct {
		r    row
		span document.Span
	}
	var cases []kase
	for _, r := range rows {
		sent, fig := r.get(0), r.get(1)
		i := strings.Index(sent, fig)
		if i < 0 {
			return nil, fmt.Errorf("numerals.tsv:%d: %q not in the sentence", r.line, fig)
		}
		start := sb.Len() + i
		cases = append(cases, kase{r, document.Span{Start: start, End: start + len(fig)}})
		sb.WriteString(sent)
		sb.WriteString("\n\n")
	}
	d, err := Parse("numerals.txt", []byte(sb.String()))
	if err != nil {
		return nil, err
	}
	type found struct {
		span   document.Span
		f      figure
		approx string
	}
	var all []found
	for _, rep := range d.Reports {
		for _, q := range rep.Quantities {
			all = append(all, found{q.Span, figure{q.Value, q.ValueTo, q.Unit, q.BaseValue, q.BaseValueTo, q.BaseUnit, q.Text}, q.Approx})
			if g := q.Growth; g != nil {
				all = append(all, found{g.Span, figure{value: g.Value, unit: g.Unit, base: g.Value, baseUnit: normUnit(g.Unit), text: g.Text}, ""})
			}
		}
	}
	res := &Result{}
	right, neg, negRight := 0, 0, 0
	for _, k := range cases {
		var over []found
		for _, f := range all {
			if f.span.Start < k.span.End && k.span.Start < f.span.End {
				over = append(over, f)
			}
		}
		fig := k.r.get(1)
		if k.r.get(2) == "none" {
			neg++
			if len(over) == 0 {
				right++
				negRight++
			} else {
				res.missf("numerals.tsv:%d: %s is not a figure, extracted as %q", k.r.line, fig, over[0].f.text)
			}
			continue
		}
		// Readings a reader accepts, separated by |: 二十几万 is about
		// 200000, or the range 210000-290000.
		var alts []amount
		for _, v := range strings.Split(k.r.get(2), "|") {
			a, err := parseAmount(v, k.r.get(3))
			if err != nil {
				return nil, fmt.Errorf("numerals.tsv:%d: %v", k.r.line, err)
			}
			alts = append(alts, a)
		}
		if len(over) == 0 {
			res.missf("numerals.tsv:%d: %s: no figure", k.r.line, fig)
			continue
		}
		var hit *found
		var a amount
		for i := range over {
			f := over[i].f
			for _, alt := range alts {
				if hit == nil && (alt.same(f.base, f.baseTo, f.baseUnit, f.base, f.baseTo, f.baseUnit) || alt.same(f.value, f.valueTo, f.unit, f.base, f.baseTo, f.baseUnit)) {
					hit, a = &over[i], alt
				}
			}
		}
		if hit == nil {
			f := over[0].f
			res.missf("numerals.tsv:%d: %s read as %s, want %s", k.r.line, fig, showFigure(f), k.r.get(2)+k.r.get(3))
			continue
		}
		approx := k.r.get(4)
		if a.isRange && len(alts) > 1 {
			approx = "-" // a range says the approximation itself
		}
		switch approx {
		case "yes":
			if hit.approx == "" {
				res.missf("numerals.tsv:%d: %s: value right, not marked approximate", k.r.line, fig)
				continue
			}
		case "no":
			if hit.approx != "" {
				res.missf("numerals.tsv:%d: %s: value right, marked approximate (%s)", k.r.line, fig, hit.approx)
				continue
			}
		}
		right++
	}
	res.add(ratio("numerals: read right", right, len(cases), fmt.Sprintf("value, unit, approximation; %d/%d non-figures left alone", negRight, neg)))
	return res, nil
}

func showFigure(f figure) string {
	s := fmt.Sprintf("%q", f.text)
	if f.base != nil {
		s += fmt.Sprintf(" = %g", *f.base)
		if f.baseTo != nil {
			s += fmt.Sprintf("-%g", *f.baseTo)
		}
		s += f.baseUnit
	}
	return s
}
