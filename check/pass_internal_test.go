package check

import (
	"testing"
	"unicode/utf8"

	"zongjie/document"
)

// numeralRunsByRune is numeralRuns written plainly: every character
// decoded and tested with isNumeralRune.
func numeralRunsByRune(text string) []document.Span {
	var out []document.Span
	start := -1
	for i, r := range text {
		switch {
		case isNumeralRune(r) && start < 0:
			start = i
		case !isNumeralRune(r) && start >= 0:
			out = append(out, document.Span{Start: start, End: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, document.Span{Start: start, End: len(text)})
	}
	return out
}

// TestNumeralRunsTable holds the table-driven numeralRuns to the plain
// definition: every numeral character class, its neighbours in the code
// space, four-byte characters and bytes that are not UTF-8.
func TestNumeralRunsTable(t *testing.T) {
	texts := []string{
		"",
		"2024年完成投资3.2亿元，增长一成五",
		"二〇二四年，○○街道，１２３项，壹佰贰拾叁万元，两千三百",
		"十百千万亿拾佰仟零几廿卅",
		"〆〇〈 /:09０９＊",
		"𠀀一𠀁二\xff三\xe4\xb8四",
		"一二三",
		"abc",
	}
	for r := rune(0); r < 0x10000; r += 97 {
		if utf8.ValidRune(r) {
			texts = append(texts, "前"+string(r)+"一"+string(r+1)+"后")
		}
	}
	for _, text := range texts {
		got, want := numeralRuns(text), numeralRunsByRune(text)
		if len(got) != len(want) {
			t.Fatalf("%q: %v, want %v", text, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q: %v, want %v", text, got, want)
			}
		}
	}
	for r := rune(0); r < 0x10000; r++ {
		text := string(r)
		if got := len(numeralRuns(text)) == 1; got != isNumeralRune(r) && utf8.ValidRune(r) {
			t.Errorf("%U: numeral %v, want %v", r, got, isNumeralRune(r))
		}
	}
}
