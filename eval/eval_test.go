package eval

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"zongjie"
	"zongjie/document"
)

func f64(v float64) *float64 { return &v }

// TestAmountSame checks that a figure matches an amount as written or in
// the base unit, and not with another value or unit.
func TestAmountSame(t *testing.T) {
	tests := []struct {
		name         string
		value, unit  string
		v, to        *float64
		u            string
		base, baseTo *float64
		bu           string
		want         bool
	}{
		{"as written", "600", "万套", f64(600), nil, "万套", nil, nil, "", true},
		{"in the base unit", "1240", "万", f64(1240), nil, "", f64(12400000), nil, "", true},
		{"another value", "600", "万套", f64(601), nil, "万套", f64(6010000), nil, "套", false},
		{"another unit", "600", "万套", f64(600), nil, "万户", f64(6000000), nil, "户", false},
		{"a range", "6.5-7", "%", f64(6.5), f64(7), "%", f64(6.5), f64(7), "%", true},
		{"a range read as its low end", "6.5-7", "%", f64(6.5), nil, "%", f64(6.5), nil, "%", false},
		{"a level read as a range", "5", "%", f64(5), f64(5.5), "%", nil, nil, "", false},
		{"％ and %", "3.5", "%", f64(3.5), nil, "％", nil, nil, "", true},
		{"per mille as percent", "2.4", "‰", f64(0.24), nil, "%", nil, nil, "", true},
		{"per mille read as percent", "2.4", "‰", f64(2.4), nil, "%", nil, nil, "", false},
		{"千 as a multiplier", "750", "千伏", f64(750000), nil, "伏", f64(750000), nil, "伏", true},
		{"a fraction as percent", "0.333333", "-", f64(33.3333333), nil, "%", nil, nil, "", true},
	}
	for _, tt := range tests {
		a, err := parseAmount(tt.value, tt.unit)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := a.same(tt.v, tt.to, tt.u, tt.base, tt.baseTo, tt.bu); got != tt.want {
			t.Errorf("%s: same = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestTargetMismatch checks the target matcher: every field must agree,
// and a more specific indicator never stands for a general one.
func TestTargetMismatch(t *testing.T) {
	gdp, err := parseTarget("test", 0, "h", "国内生产总值|生产总值|GDP", "单位|能耗", "up", "≈", "6.5", "%")
	if err != nil {
		t.Fatal(err)
	}
	target := func(name, change, cmp string, v float64, unit string) zongjie.Target {
		return zongjie.Target{Name: name, Change: change, Comparator: cmp, Value: f64(v), Unit: unit, BaseValue: f64(v), BaseUnit: unit}
	}
	tests := []struct {
		name string
		t    zongjie.Target
		want string // a word of the mismatch; "" for a match
	}{
		{"right", target("国内生产总值", "up", "≈", 6.5, "%"), ""},
		{"change in the name", target("国内生产总值增长", "", "≈", 6.5, "%"), ""},
		{"energy intensity is not GDP", target("单位国内生产总值能耗", "down", "≈", 6.5, "%"), "indicator"},
		{"a level, not a growth", target("国内生产总值", "", "≈", 6.5, "%"), "change"},
		{"another comparator", target("国内生产总值", "up", ">=", 6.5, "%"), "comparator"},
		{"another value", target("国内生产总值", "up", "≈", 6.7, "%"), "value"},
		{"a placeholder", zongjie.Target{Name: "国内生产总值", Placeholder: true}, "placeholder"},
	}
	for _, tt := range tests {
		got := gdp.mismatch(tt.t)
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("%s: mismatch %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestField reads the JSON view, absent fields included.
func TestField(t *testing.T) {
	v := map[string]any{"meta": map[string]any{"unit": "青禾街道", "review": map[string]any{"year": 2024.0, "period": "FY"}}}
	for path, want := range map[string]string{"meta.unit": "青禾街道", "meta.review": "2024FY", "meta.parent": "", "meta.plan": "", "nothing.at.all": ""} {
		if got := field(v, path); got != want {
			t.Errorf("field(%s) = %q, want %q", path, got, want)
		}
	}
}

// Our own text for the injectors.
const sample = `二、2025年工作安排

全年完成投资85亿元，增长6.2%，新建村级卫生室20个。我们要以习近平新时代中国特色社会主义思想为指导，统筹发展和安全，推进“两新”工作，巩固发展成果，提升服务水平。持续改善营商环境，扎实推进城乡融合发展，不断增强群众获得感。

（一）抓产业。全年实施重点项目60个，完成投资40亿元以上，培育规模以上工业企业10家以上，推动传统产业技术改造和新兴产业集聚发展。

（二）抓城乡。新建改建农村公路100公里，完成农村户厕改造1500户，持续改善农村人居环境，推进县城排水管网和停车设施建设。

（三）抓民生。新增城镇就业4000人以上，建成县养老服务中心，办好教育、医疗等民生实事，让发展成果更多更公平惠及全县群众。
`

// TestInjectors checks that each injector changes the text as its kind
// says, with spans on the change, and that an injector with nothing to
// alter reports so.
func TestInjectors(t *testing.T) {
	lay := Layout{ReviewLines: map[int]bool{}, ReviewYear: 2024, PlanYear: 2025}
	tests := []struct {
		cat, kind string
		check     func(inj Injection) bool
	}{
		{"formulation", "drop", func(inj Injection) bool {
			for _, f := range Formulations {
				if strings.HasPrefix(inj.Desc, f+" → ") {
					return len([]rune(spanText(inj))) == len([]rune(f))-1
				}
			}
			return false
		}},
		{"formulation", "insert", func(inj Injection) bool {
			for _, f := range Formulations {
				if strings.HasPrefix(inj.Desc, f+" → ") {
					return len([]rune(spanText(inj))) == len([]rune(f))+1
				}
			}
			return false
		}},
		{"formulation", "substitute", func(inj Injection) bool { return len(inj.Text) == len(sample) && inj.Text != sample }},
		{"repeat", "sentence", func(inj Injection) bool {
			s := spanText(inj)
			return len(s)%2 == 0 && s[:len(s)/2] == s[len(s)/2:]
		}},
		{"repeat", "clauses", func(inj Injection) bool {
			s := spanText(inj)
			return len(s)%2 == 0 && s[:len(s)/2] == s[len(s)/2:] && strings.HasSuffix(s, "。")
		}},
		{"repeat", "paragraph", func(inj Injection) bool { return len(inj.Text) > len(sample)+100 }},
		{"placeholder", "number", func(inj Injection) bool {
			s := spanText(inj)
			return s == "xx" || s == "XX" || s == "**" || s == "××"
		}},
		{"placeholder", "decimal", func(inj Injection) bool { return spanText(inj) == "x.x" }},
		{"year", "heading", func(inj Injection) bool { return strings.HasPrefix(inj.Text, "二、2024年工作安排") }},
		{"numbering", "skip", func(inj Injection) bool { return ordinals(inj.Text) == "1,3,4" || ordinals(inj.Text) == "1,2,4" }},
		{"numbering", "repeat", func(inj Injection) bool { return ordinals(inj.Text) == "1,1,2" || ordinals(inj.Text) == "1,2,2" }},
		{"punctuation", "halfwidth", func(inj Injection) bool { return spanText(inj) == "," }},
		{"punctuation", "doubled", func(inj Injection) bool { return spanText(inj) == "，，" }},
		{"punctuation", "unpaired", func(inj Injection) bool { return spanText(inj) == "“两新" && !strings.Contains(inj.Text, "”") }},
		{"number", "fullwidth", func(inj Injection) bool { return strings.ContainsAny(spanText(inj), "０１２３４５６７８９") }},
		{"number", "decimal", func(inj Injection) bool { return spanText(inj) == "6．2" }},
		{"number", "thousand", func(inj Injection) bool { return spanText(inj) == "4千" || spanText(inj) == "1千" }},
		{"consistency", "growth-sign", func(inj Injection) bool {
			return strings.Contains(inj.Text, "增长-6.2%") && spanText(inj) == "增长-6.2%"
		}},
		{"artifact", "marker", func(inj Injection) bool {
			for _, m := range templateMarkers {
				if spanText(inj) == m {
					return true
				}
			}
			return false
		}},
	}
	for _, tt := range tests {
		for i := range 5 {
			rng := rand.New(rand.NewPCG(1, uint64(i)))
			inj, ok := Inject(sample, tt.cat, tt.kind, lay, rng)
			if !ok {
				t.Errorf("%s/%s: nothing injected", tt.cat, tt.kind)
				break
			}
			if inj.Text == sample || !tt.check(inj) {
				t.Errorf("%s/%s: %s gave span %q", tt.cat, tt.kind, inj.Desc, spanText(inj))
			}
		}
	}
	// Near misses: nothing to alter.
	plain := "全年工作稳步推进。\n"
	for _, tt := range []struct{ cat, kind string }{
		{"formulation", "drop"}, {"placeholder", "decimal"}, {"year", "review"}, {"numbering", "skip"},
		{"punctuation", "unpaired"}, {"number", "range"}, {"consistency", "growth-sign"},
	} {
		if inj, ok := Inject(plain, tt.cat, tt.kind, lay, rand.New(rand.NewPCG(1, 1))); ok {
			t.Errorf("%s/%s: injected %s into a text without a place for it", tt.cat, tt.kind, inj.Desc)
		}
	}
}

// ordinals lists the ordinals of the （n） markers of a text: "1,2,3".
func ordinals(text string) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if m := subMarkerRE.FindStringSubmatch(line); m != nil {
			out = append(out, strconv.Itoa(cnOrdinal(m[1])))
		}
	}
	return strings.Join(out, ",")
}

func spanText(inj Injection) string {
	s := inj.Spans[0]
	return inj.Text[s.Start:s.End]
}

// TestMarkerRuns finds clean runs of sibling markers and leaves broken
// ones alone.
func TestMarkerRuns(t *testing.T) {
	text := "一、甲\n（一）子\n（二）丑\n二、乙\n（一）寅\n（三）卯\n三、丙\n"
	top := markerRuns(text, topMarkerRE)
	if len(top) != 1 || len(top[0]) != 3 {
		t.Errorf("top-level runs %v, want one of 3", top)
	}
	sub := markerRuns(text, subMarkerRE)
	if len(sub) != 1 || len(sub[0]) != 2 {
		t.Errorf("sub-level runs %v, want one of 2 (the second part skips 二)", sub)
	}
}

// TestRunInjection counts a new finding of the category on the error, and
// not one the clean text had already.
func TestRunInjection(t *testing.T) {
	clean := "一、2024年工作回顾\n\n全年完成投资85亿元，增长6.2%。\n"
	d, err := Parse("a.txt", []byte(clean))
	if err != nil {
		t.Fatal(err)
	}
	base := map[string]int{}
	for _, x := range d.Check() {
		base[x.Rule+"|"+x.Text]++
	}
	at := strings.Index(clean, "85")
	inj := Injection{Category: "placeholder", Text: replace(clean, at, 2, "xx"), Spans: []document.Span{span(at, 2)}}
	if ok, why, err := runInjection("a.txt", inj, base); err != nil || !ok {
		t.Errorf("placeholder xx not found (%s, %v)", why, err)
	}
	// The same placeholder already in the clean text is not a new finding.
	withXX := map[string]int{}
	d2, _ := Parse("a.txt", []byte(inj.Text))
	for _, x := range d2.Check() {
		withXX[x.Rule+"|"+x.Text]++
	}
	if ok, _, _ := runInjection("a.txt", inj, withXX); ok {
		t.Error("a finding the clean text had counted as found")
	}
	// A finding of another category does not count.
	inj.Category = "typo"
	if ok, why, _ := runInjection("a.txt", inj, base); ok || !strings.Contains(why, "PH001") {
		t.Errorf("placeholder finding counted for a typo (%s)", why)
	}
}

// TestInjectTypo replaces an occurrence of the word, and reports when the
// text has none.
func TestInjectTypo(t *testing.T) {
	inj, ok := InjectTypo(sample, "营商", "营啇", rand.New(rand.NewPCG(1, 1)))
	if !ok || spanText(inj) != "营啇" || strings.Contains(inj.Text, "营商") {
		t.Errorf("typo injected as %q (%v)", spanText(inj), ok)
	}
	if _, ok := InjectTypo(sample, "燃气", "燃汽", rand.New(rand.NewPCG(1, 1))); ok {
		t.Error("a typo injected for a word the text lacks")
	}
}

// TestTypoList keeps the typo list usable: each typo differs from its word
// by one character, and the list has at least 60 entries.
func TestTypoList(t *testing.T) {
	rows, err := readTSV("testdata/typos.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 60 {
		t.Errorf("%d typos, want at least 60", len(rows))
	}
	for _, r := range rows {
		w, ty := []rune(r.get(0)), []rune(r.get(1))
		diff := 0
		for i := range w {
			if i < len(ty) && w[i] != ty[i] {
				diff++
			}
		}
		if len(w) != len(ty) || diff != 1 {
			t.Errorf("typos.tsv:%d: %s → %s is not one substitution", r.line, r.get(0), r.get(1))
		}
	}
}
