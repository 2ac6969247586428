package http

import (
	"slices"
	"strings"
	"testing"

	"zongjie"
	"zongjie/check"
	"zongjie/outline"
)

// render writes paragraphs as a string: marked runs as [text|ids],
// points as ^ids, heading runs as <text>, anchors as #id, lines joined
// by "/".
func renderView(paras []viewPara) string {
	var lines []string
	for _, p := range paras {
		var b strings.Builder
		if p.Title {
			b.WriteString("T:")
		}
		if p.Heading {
			b.WriteString("H:")
		}
		for _, s := range p.Segs {
			if s.Anchor != "" {
				b.WriteString("#" + s.Anchor)
			}
			switch {
			case s.Point:
				b.WriteString("^" + s.Findings)
			case s.Findings != "":
				b.WriteString("[" + s.Text + "|" + s.Findings + "]")
			case s.Head:
				b.WriteString("<" + s.Text + ">")
			default:
				b.WriteString(s.Text)
			}
		}
		lines = append(lines, b.String())
	}
	return strings.Join(lines, "/")
}

func diag(offset, length int, sev check.Severity) check.Diagnostic {
	return check.Diagnostic{Offset: offset, Length: length, Severity: sev, Category: check.Typo, Message: "m"}
}

// Ensure the text is cut where findings and headings begin and end, in
// characters (an astral character counts one), across lines, with
// overlaps and findings of no length.
func TestTextView(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		ds       []check.Diagnostic
		sections []*zongjie.Section
		title    string
		want     string
	}{
		{"plain", "甲乙丙\n丁", nil, nil, "", "甲乙丙/丁"},
		{"one finding", "甲乙丙丁", []check.Diagnostic{diag(1, 2, check.Error)}, nil, "", "甲[乙丙|0]丁"},
		{"astral before", "𠀀乙丙丁", []check.Diagnostic{diag(1, 2, check.Error)}, nil, "", "𠀀[乙丙|0]丁"},
		{"overlap", "甲乙丙丁戊", []check.Diagnostic{diag(1, 2, check.Error), diag(2, 2, check.Warning)}, nil, "",
			"甲[乙|0][丙|0 1][丁|1]戊"},
		{"across lines", "甲乙\n丙丁", []check.Diagnostic{diag(1, 3, check.Error)}, nil, "", "甲[乙|0]/[丙|0]丁"},
		{"no length", "甲乙", []check.Diagnostic{diag(1, 0, check.Error)}, nil, "", "甲^0乙"},
		{"at the end", "甲乙", []check.Diagnostic{diag(2, 0, check.Error), diag(1, 5, check.Info)}, nil, "", "甲[乙|1]^0"},
		{"empty line kept", "甲\n\n乙", nil, nil, "", "甲//乙"},
		{"heading line", "一、总体\n正文", nil, []*zongjie.Section{{Offset: 0, Length: 4, Level: 1, Form: "一、"}}, "",
			"H:#s-1<一、总体>/正文"},
		{"run-in heading", "（一）稳。正文", nil, []*zongjie.Section{{Offset: 0, Length: 4, Level: 2, Inline: true, Form: "（一）"}}, "",
			"#s-1<（一）稳>。正文"},
		{"enumerations are not headings", "一是甲，二是乙", nil, []*zongjie.Section{{Offset: 0, Length: 2, Form: "一是"}}, "",
			"一是甲，二是乙"},
		{"title", "# 标题\n一、甲", nil, nil, "标题", "T:# 标题/一、甲"},
		{"title only among the first lines", "甲\n标题x", nil, nil, "标题", "甲/标题x"},
		{"out of range", "甲乙", []check.Diagnostic{diag(5, 3, check.Error), diag(-1, 1, check.Error)}, nil, "", "[甲|1]乙^0"},
	}
	for _, tt := range tests {
		paras, _ := textView(tt.text, tt.ds, tt.sections, tt.title, [2]int{})
		if got := renderView(paras); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

// Ensure a run under several findings takes the most serious one's
// severity and lists every message.
func TestTextViewDescribe(t *testing.T) {
	ds := []check.Diagnostic{diag(0, 2, check.Info), diag(0, 2, check.Error), diag(0, 2, check.Warning)}
	ds[1].Category, ds[1].Message = check.Placeholder, "未填写"
	paras, _ := textView("甲乙", ds, nil, "", [2]int{})
	s := paras[0].Segs[0]
	if s.Severity != "error" || s.Category != "placeholder" || s.Findings != "0 1 2" || strings.Count(s.Title, "\n") != 2 || !strings.Contains(s.Title, "错误：未填写") {
		t.Errorf("%+v", s)
	}
	_, items := textView("一、甲\n（一）乙", nil, []*zongjie.Section{
		{Offset: 0, Length: 3, Level: 1, Marker: "一、", Title: "甲", Form: "一、", Children: []*zongjie.Section{
			{Offset: 4, Length: 4, Level: 2, Marker: "（一）", Title: "乙", Form: "（一）"},
		}},
	}, "", [2]int{})
	if len(items) != 2 || items[0].Anchor != "s-1" || items[1].Anchor != "s-2" || items[1].Level != 2 {
		t.Errorf("outline %+v", items)
	}
}

// Ensure a report set out in paragraph items alone (第一，…第二，…) has
// those that open a paragraph as its outline, marked inline, the
// paragraph no heading; near misses: an item inside a paragraph (首先),
// and items of a report that has headings, stay out.
func TestTextViewParagraphItems(t *testing.T) {
	text := "第一，抓工业。首先，强产业。\n　　第二，抓农业。"
	sections := []*zongjie.Section{
		{Offset: 0, Length: 6, Level: 1, Marker: "第一，", Title: "抓工业", Form: outline.FormDi, Inline: true, Children: []*zongjie.Section{
			{Offset: 7, Length: 6, Level: 2, Marker: "首先，", Title: "强产业", Form: outline.FormShouxian, Inline: true},
		}},
		{Offset: 17, Length: 6, Level: 1, Marker: "第二，", Title: "抓农业", Form: outline.FormDi, Inline: true},
	}
	paras, items := textView(text, nil, sections, "", [2]int{})
	var got []string
	for _, it := range items {
		got = append(got, it.Anchor+" "+it.Marker+it.Title)
	}
	if want := []string{"s-1 第一，抓工业", "s-2 第二，抓农业"}; !slices.Equal(got, want) {
		t.Errorf("outline %q, want %q", got, want)
	}
	if len(paras) != 2 || paras[0].Heading || paras[1].Heading || paras[0].Segs[0].Anchor != "s-1" || !paras[0].Segs[0].Head {
		t.Errorf("paragraphs %+v", paras)
	}
	withHeading := append([]*zongjie.Section{{Offset: 0, Length: 0, Level: 1, Marker: "一、", Title: "总体要求", Form: "一、"}}, sections...)
	if _, items := textView(text, nil, withHeading, "", [2]int{}); len(items) != 1 || items[0].Marker != "一、" {
		t.Errorf("with a heading: outline %+v, want the heading alone", items)
	}
}

func TestGrouped(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	for _, tt := range []struct {
		in   *float64
		want string
	}{{nil, ""}, {f(0), "0"}, {f(999), "999"}, {f(1000), "1,000"}, {f(362000000), "362,000,000"}, {f(-12345.678), "-12,345.678"}, {f(0.05), "0.05"}} {
		if got := grouped(tt.in); got != tt.want {
			t.Errorf("grouped(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Ensure the span a link opens the page at (?hl=) is marked, across a
// finding and a line end, with its anchor where it starts; a span outside
// the text or empty marks nothing.
func TestTextViewHit(t *testing.T) {
	hits := func(paras []viewPara) string {
		var b strings.Builder
		for _, p := range paras {
			for _, s := range p.Segs {
				if s.HitStart {
					b.WriteString("#")
				}
				if s.Hit {
					b.WriteString("{" + s.Text + "}")
				} else {
					b.WriteString(s.Text)
				}
			}
			b.WriteString("/")
		}
		return b.String()
	}
	for _, tt := range []struct {
		text string
		ds   []check.Diagnostic
		hit  [2]int
		want string
	}{
		{"甲乙丙丁", nil, [2]int{1, 3}, "甲#{乙丙}丁/"},
		{"甲乙丙丁", []check.Diagnostic{diag(2, 2, check.Error)}, [2]int{1, 3}, "甲#{乙}{丙}丁/"},
		{"甲乙\n丙丁", nil, [2]int{1, 4}, "甲#{乙}/{丙}丁/"},
		{"😀乙丙", nil, [2]int{1, 2}, "😀#{乙}丙/"},
		// Near misses: empty, reversed and outside the text.
		{"甲乙丙丁", nil, [2]int{2, 2}, "甲乙丙丁/"},
		{"甲乙丙丁", nil, [2]int{3, 1}, "甲乙丙丁/"},
		{"甲乙丙丁", nil, [2]int{9, 12}, "甲乙丙丁/"},
	} {
		paras, _ := textView(tt.text, tt.ds, nil, "", tt.hit)
		if got := hits(paras); got != tt.want {
			t.Errorf("textView(%q, hit %v) = %q, want %q", tt.text, tt.hit, got, tt.want)
		}
	}
	if h, err := hitParam("12-20"); err != nil || h != [2]int{12, 20} {
		t.Errorf("hitParam(12-20) = %v, %v", h, err)
	}
	for _, bad := range []string{"12", "a-b", "20-12", "-1-3", "1-"} {
		if _, err := hitParam(bad); err == nil {
			t.Errorf("hitParam(%q): no error", bad)
		}
	}
}
