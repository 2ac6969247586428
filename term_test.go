package zongjie

import "testing"

func TestParseTerm(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Term
	}{
		{"2024", Term{2024, PeriodFullYear, ""}},
		{" 2024FY ", Term{2024, PeriodFullYear, ""}},
		{"2024fy", Term{2024, PeriodFullYear, ""}},
		{"2024H1", Term{2024, PeriodH1, ""}},
		{"2024h2", Term{2024, PeriodH2, ""}},
		{"2023Q3", Term{2023, PeriodQ3, ""}},
		{"2023q1-q3", Term{2023, PeriodQ1Q3, ""}},
		{"2024年", Term{2024, PeriodFullYear, ""}},
		{"2024年度", Term{2024, PeriodFullYear, ""}},
		{"2024年上半年", Term{2024, PeriodH1, ""}},
		{"2024年下半年", Term{2024, PeriodH2, ""}},
		{"2024年第三季度", Term{2024, PeriodQ3, ""}},
		{"2024年一季度", Term{2024, PeriodQ1, ""}},
		{"2024年前三季度", Term{2024, PeriodQ1Q3, ""}},
	} {
		got, err := ParseTerm(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseTerm(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	// Near misses: no year, a two-digit year, a period that is not one,
	// words around it, a year out of range.
	for _, in := range []string{"", "  ", "去年", "24H1", "2024H3", "2024Q5", "2024 H1", "2024年上", "H1 2024",
		"+2024", "-202", "20241", "2024-2025", "1900", "2101", "９０２４"} {
		if got, err := ParseTerm(in); err == nil {
			t.Errorf("ParseTerm(%q) = %+v; want an error", in, got)
		}
	}
	for _, tt := range []struct {
		t           *Term
		code, words string
	}{
		{&Term{Year: 2024, Period: PeriodFullYear}, "2024", "2024年"},
		{&Term{Year: 2024, Period: PeriodH1}, "2024H1", "2024年上半年"},
		{&Term{Year: 2023, Period: PeriodQ1Q3}, "2023Q1-Q3", "2023年前三季度"},
		{nil, "", ""},
	} {
		if tt.t.String() != tt.code || tt.t.Words() != tt.words {
			t.Errorf("%+v: String %q, Words %q", tt.t, tt.t.String(), tt.t.Words())
		}
	}
}

func TestWordsAndParse(t *testing.T) {
	if LevelProvince.Words() != "省级" || Level("x").Words() != "" || GenreSummaryPlan.Words() != "总结及计划" || KindProblems.Words() != "存在问题" {
		t.Error("Words")
	}
	for in, want := range map[string]Level{"street": LevelStreet, "街道": LevelStreet, "社区": LevelCommunity, "community": LevelCommunity, "镇": LevelTown, "省": LevelProvince, "国家": LevelNational} {
		if got, ok := ParseLevel(in); !ok || got != want {
			t.Errorf("ParseLevel(%q) = %q, %v", in, got, ok)
		}
	}
	for in, want := range map[string]Genre{"summary+plan": GenreSummaryPlan, "总结及计划": GenreSummaryPlan, "总结": GenreSummary, "工作计划": GenrePlan} {
		if got, ok := ParseGenre(in); !ok || got != want {
			t.Errorf("ParseGenre(%q) = %q, %v", in, got, ok)
		}
	}
	for in, want := range map[string]SectionKind{"problems": KindProblems, "问题": KindProblems, "存在问题": KindProblems, "计划": KindPlan} {
		if got, ok := ParseSectionKind(in); !ok || got != want {
			t.Errorf("ParseSectionKind(%q) = %q, %v", in, got, ok)
		}
	}
	// Near misses: case, spaces, a word that is not one.
	for _, in := range []string{"Street", " 街道", "村委会", ""} {
		if _, ok := ParseLevel(in); ok {
			t.Errorf("ParseLevel(%q) accepted", in)
		}
	}
	for _, in := range []string{"Summary", "报告", ""} {
		if _, ok := ParseGenre(in); ok {
			t.Errorf("ParseGenre(%q) accepted", in)
		}
	}
	for _, in := range []string{"Problems", "成效", ""} {
		if _, ok := ParseSectionKind(in); ok {
			t.Errorf("ParseSectionKind(%q) accepted", in)
		}
	}
}

// Ensure Order puts terms in the order they end.
func TestTermOrder(t *testing.T) {
	in := []string{"2023", "2024Q1", "2024H1", "2024Q1-Q3", "2024H2", "2024", "2025Q1"}
	for i := 1; i < len(in); i++ {
		a, _ := ParseTerm(in[i-1])
		b, _ := ParseTerm(in[i])
		if a.Order() >= b.Order() {
			t.Errorf("%s (%d) not before %s (%d)", in[i-1], a.Order(), in[i], b.Order())
		}
	}
	// Terms that end together are equal; nil is before every term.
	h1, _ := ParseTerm("2024H1")
	q2, _ := ParseTerm("2024Q2")
	if h1.Order() != q2.Order() {
		t.Errorf("2024H1 %d, 2024Q2 %d: want equal", h1.Order(), q2.Order())
	}
	var none *Term
	if y, _ := ParseTerm("1949"); none.Order() != 0 || none.Order() >= y.Order() {
		t.Errorf("nil: %d", none.Order())
	}
}
