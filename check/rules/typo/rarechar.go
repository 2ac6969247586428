package typo

import (
	"fmt"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
)

// RareChar reports characters of CJK Extension A (U+3400–U+4DBF), of
// Extensions B and later (U+20000–U+3134F), and of the private-use areas.
// A 公文 is written in the characters of the common set; a character from
// these blocks is almost always a glyph garbled by a font, an encoding
// conversion or an input method ("㘰门" for 闸门).
var RareChar = &check.Rule{
	ID: "TY004", Name: "rare-char", Category: check.Typo, Severity: check.Warning,
	Doc: check.Doc{
		Title: "生僻字或乱码",
		Text: "文中出现CJK扩展区（扩展A、扩展B及以后）的生僻字或私用区字符。公文用字都在通用规范汉字范围内，" +
			"这类字符几乎都是字体替换、编码转换或输入法造成的乱码、错字，需要人工核对原字。",
		Wrong:  "对各排灌站、㘰门进行了全面检查。",
		Right:  "对各排灌站、闸门进行了全面检查。",
		Source: "《通用规范汉字表》（2013）；Unicode CJK统一汉字扩展区与私用区",
	},
	Run: runRareChar,
}

// runRareChar scans the bytes of the text. The characters of the blocks
// checked have the UTF-8 lead bytes 0xE3 and 0xE4 (Extension A, from
// U+3400 = E3 90 80 to U+4DBF = E4 B6 BF), 0xEE and 0xEF (the BMP
// private-use area) or 0xF0 and above (the supplementary planes); every
// other byte, and the CJK punctuation and common characters that share the
// lead bytes of Extension A, are skipped without decoding.
func runRareChar(p *check.Pass) {
	text := p.File.Text
	for i := 0; i < len(text); {
		c := text[i]
		if !rareLead[c] {
			i++
			continue
		}
		if i+1 < len(text) && (c == 0xE3 && text[i+1] < 0x90 || c == 0xE4 && text[i+1] > 0xB6) {
			i++ // U+3000–U+33FF or U+4DC0–U+4FFF
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if kind := rareKind(r); kind != "" && !skip(p, i) {
			span := document.Span{Start: i, End: i + size}
			if kind == "pua" {
				p.Report(span, fmt.Sprintf("“%c”（U+%04X）是私用区字符，通常是字体或编码错误造成的乱码，请核对", r, r))
			} else {
				p.Report(span, fmt.Sprintf("“%c”（U+%04X）是生僻字，很可能是乱码或错字，请核对", r, r))
			}
		}
		i += size
	}
}

// rareLead marks the lead bytes runRareChar decodes after.
var rareLead = func() (t [256]bool) {
	for c := 0xE3; c <= 0xFF; c++ {
		t[c] = c == 0xE3 || c == 0xE4 || c == 0xEE || c == 0xEF || c >= 0xF0
	}
	return t
}()

// rareKind classifies r: "ext" for the CJK extension blocks checked, "pua"
// for a private-use character, "" otherwise.
func rareKind(r rune) string {
	switch {
	case r >= 0x3400 && r <= 0x4DBF, r >= 0x20000 && r <= 0x3134F:
		return "ext"
	case r >= 0xE000 && r <= 0xF8FF, r >= 0xF0000 && r <= 0x10FFFD:
		return "pua"
	}
	return ""
}
