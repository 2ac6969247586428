package meta_test

import (
	"fmt"
	"strings"
	"testing"

	"zongjie/meta"
	"zongjie/outline"
	"zongjie/reader"
)

// BenchmarkDetectLongParagraph times Detect on an undated report whose
// review is one paragraph of growing length, full of years and milestone
// phrases (the case that reads the most): the time per byte must stay flat
// (compare ns/op across the sizes).
func BenchmarkDetectLongParagraph(b *testing.B) {
	for _, n := range []int{1000, 4000, 16000} {
		s := "各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去一年工作回顾\n" +
			strings.Repeat("2017年全县生产总值增长7%今年是全面贯彻党的十九大精神的开局之年建党100周年", n) + "\n二、今年工作\n"
		f, err := reader.Read("t.txt", []byte(s))
		if err != nil {
			b.Fatal(err)
		}
		p := outline.Split(f, outline.Headings(f))[0]
		in := meta.Input{File: f, Span: p.Span, Sections: outline.Tree(f, p.Headings, p.Span.End)}
		b.Run(fmt.Sprintf("%dKB", len(s)/1000), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				meta.Detect(in)
			}
		})
	}
}
