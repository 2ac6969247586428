package rules_test

import (
	"testing"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/extract"
	"zongjie/internal/longtext"
	"zongjie/reader"
)

// FuzzCheck runs every rule on arbitrary text: no rule may panic, every
// span must lie inside the text on character boundaries with the line,
// column and offset the document gives it, and applying the certain fixes
// must give valid UTF-8.
func FuzzCheck(f *testing.F) {
	for _, seed := range []string{
		"2024年工作总结\n一、主要工作\n（一）坚持党建引领。一是……。二是……\n截止目前，完成投资3千万元，增长20～30%。",
		"**街道2023年上半年工作总结暨下半年工作计划\n1.进一步加强进一步加强基层治理，确保按期完工，确保按期完工。",
		"“以习近平新时代特色社会主义思想为指导”（2023年，(一) 1-6月 ２０２３年 二零二三年5•12 xx%",
		"\n\n\r\n。。，，“”（）《》——……～~－-○〇零",
	} {
		f.Add(seed)
	}
	// Very long paragraphs (issue 11): report sentences without a line
	// break, and one sentence without a mark.
	f.Add(longtext.Make("report", 100_000))
	f.Add(longtext.Make("nopunct", 50_000))
	all, cfg := rules.All(), allOn()
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := reader.Read("fuzz.txt", []byte(text))
		if err != nil {
			return
		}
		ds := check.Run(doc, extract.File(doc), all, cfg)
		for _, d := range ds {
			s := d.Span
			if s.Start < 0 || s.End < s.Start || s.End > len(doc.Text) {
				t.Fatalf("%s: span %v outside the text (%d bytes)", d.Rule, s, len(doc.Text))
			}
			if !utf8.ValidString(doc.Text[s.Start:s.End]) || s.Start < len(doc.Text) && !utf8.RuneStart(doc.Text[s.Start]) ||
				s.End < len(doc.Text) && !utf8.RuneStart(doc.Text[s.End]) {
				t.Fatalf("%s: span %v splits a character", d.Rule, s)
			}
			pos := doc.Position(s.Start)
			if d.Line != pos.Line || d.Column != pos.Column || d.Offset != pos.Offset {
				t.Fatalf("%s: position %d:%d@%d, document says %d:%d@%d", d.Rule, d.Line, d.Column, d.Offset, pos.Line, pos.Column, pos.Offset)
			}
		}
		if fixed, _ := check.ApplyFixes(doc.Text, ds); !utf8.ValidString(fixed) {
			t.Fatalf("fixes give invalid UTF-8")
		}
	})
}
