package extract_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"zongjie"
	"zongjie/document"
	"zongjie/examples"
	"zongjie/extract"
	"zongjie/internal/longtext"
	"zongjie/reader"
)

// FuzzFile runs the whole pipeline on arbitrary text and checks that every
// span it reports lies inside the text and inside its report, and that the
// user-visible positions agree with the spans.
func FuzzFile(f *testing.F) {
	if os.Getenv("ZONGJIE_FUZZ_BIG_SEEDS") != "" {
		for _, ex := range examples.All() {
			f.Add(ex.Data)
		}
	}
	if matches, _ := filepath.Glob("../../shared/seeds/*.txt"); len(matches) > 0 && os.Getenv("ZONGJIE_FUZZ_BIG_SEEDS") != "" {
		for _, m := range matches {
			if data, err := os.ReadFile(m); err == nil {
				f.Add(data)
			}
		}
	}
	// Very long paragraphs (issue 11): report sentences without a line
	// break, and one sentence without a mark.
	f.Add([]byte(longtext.Make("report", 100_000)))
	f.Add([]byte(longtext.Make("nopunct", 50_000)))
	f.Add([]byte("一、\n（一）\n一是二是。\n1.\n（1）①\n2023年工作总结及2024年工作计划\n一、xx户**人约300余人左右3-11岁20%～30%"))
	f.Add([]byte("柏溪市岚山区\n政 府 工 作 报 告\n——2023年12月28日在第十三届全国人大一次会议上\n岚山区人民政府区长 周某\n各位代表：\n现在，我代表岚山区人民政府，向大会报告工作。\n一、过去一年工作回顾\n刚刚过去的一年，是“十四五”收官之年，建党100周年。\n《石桥镇2024年工作总结》\n及2025年工作计划"))
	f.Add([]byte("1.2025年工作总结\n2.3个项目一是甲，二是乙，第一，丙，第二，丁。\n3.2026年工作计划\n坚持“四个不摘”［12］（见第24页）。\n说明\n1.快报数\n4.安排\n名词解释\n［12］“四个不摘”：指。\n〔3〕x：y\n本作品是中华人民共和国的"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := reader.Read("f.txt", data)
		if err != nil {
			return
		}
		reports := extract.File(file)
		if len(reports) == 0 {
			t.Fatal("no report")
		}
		end := 0
		for _, r := range reports {
			if r.Span.Start != end || r.Span.End < r.Span.Start || r.Span.End > len(file.Text) {
				t.Fatalf("report span %v after %d (len %d)", r.Span, end, len(file.Text))
			}
			end = r.Span.End
			if r.TitleSpan.Len() > 0 {
				inside(t, file.Text, r.Span, r.TitleSpan, "title")
			}
			for _, d := range r.Meta.Dating {
				if d.Span.Len() > 0 {
					inside(t, file.Text, r.Span, d.Span, "dating")
				}
			}
			zongjie.Walk(r.Outline, func(s *zongjie.Section) {
				inside(t, file.Text, r.Span, s.Span, "section")
				inside(t, file.Text, r.Span, s.Body, "section body")
				if loc := file.Location(s.Span); loc.Offset != s.Offset || loc.Line != s.Line {
					t.Fatalf("section position %d:%d does not match its span", s.Line, s.Column)
				}
			})
			for _, q := range r.Quantities {
				inside(t, file.Text, r.Span, q.Span, "quantity")
				if file.Text[q.Span.Start:q.Span.End] != q.Text {
					t.Fatalf("quantity text %q does not match its span", q.Text)
				}
				if loc := file.Location(q.Span); loc.Offset != q.Offset || loc.Length != q.Length {
					t.Fatalf("quantity location %+v does not match its span", loc)
				}
			}
			for _, tg := range r.Targets {
				inside(t, file.Text, r.Span, tg.FigureSpan, "target figure")
			}
			prev := r.Span.Start
			for _, a := range r.Asides {
				inside(t, file.Text, r.Span, a.Span, "aside")
				if a.Span.Start < prev {
					t.Fatalf("asides overlap or are out of order at %v", a.Span)
				}
				prev = a.Span.End
				if loc := file.Location(a.Span); loc.Offset != a.Offset || loc.Length != a.Length {
					t.Fatalf("aside location %+v does not match its span", loc)
				}
			}
			for _, rf := range r.Refs {
				inside(t, file.Text, r.Span, rf, "reference mark")
			}
		}
		if end != len(file.Text) {
			t.Fatalf("reports end at %d, text at %d", end, len(file.Text))
		}
	})
}

func inside(t *testing.T, text string, outer, s document.Span, what string) {
	t.Helper()
	if s.Start < outer.Start || s.End > outer.End || s.Start > s.End {
		t.Fatalf("%s span %v outside report %v", what, s, outer)
	}
	if s.Start < len(text) && !utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End]) {
		t.Fatalf("%s span %v splits a character", what, s)
	}
}
