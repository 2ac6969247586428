package outline

import (
	"math"
	"strings"
	"unicode/utf8"

	"zongjie/numeral"
)

// Numbering forms, named by their canonical first marker.
const (
	FormPart     = "第一部分"
	FormCN       = "一、"
	FormParenCN  = "（一）"
	FormArabic   = "1."
	FormParenNum = "（1）"
	FormCircled  = "①"
	FormShi      = "一是"
	FormYao      = "一要"
	FormDi       = "第一"
	FormShouxian = "首先"
	FormQiyi     = "其一"
	FormStyle    = "" // a heading marked only by its style (.docx heading, Markdown #)
)

// Ranks of the forms: a heading nests under the nearest preceding heading
// of a smaller rank. Enumerations are always the deepest.
const (
	rankPart = iota
	rankCN
	rankParenCN
	rankArabic
	rankParenNum
	rankCircled
	rankEnum
)

// marker is a numbering marker found at some position.
type marker struct {
	form    string
	rank    int
	ordinal int // 1-based; -1 for 最后 (the last item)
	size    int // bytes of the marker, its punctuation included
}

// parseHeadingMarker recognises the marker of a heading at the start of s:
// 一、 （一） 1. （1） ① and their variants (half-width brackets, wrong
// punctuation, enclosed characters). It does not recognise enumerations.
func parseHeadingMarker(s string) (marker, bool) {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r >= '㈠' && r <= '㈩': // ㈠ … ㈩
		return marker{form: FormParenCN, rank: rankParenCN, ordinal: int(r-'㈠') + 1, size: size}, true
	case r >= '⑴' && r <= '⒇':
		return marker{form: FormParenNum, rank: rankParenNum, ordinal: int(r-'⑴') + 1, size: size}, true
	case r >= '⒈' && r <= '⒛':
		return marker{form: FormArabic, rank: rankArabic, ordinal: int(r-'⒈') + 1, size: size}, true
	case r >= '①' && r <= '⑳':
		return marker{form: FormCircled, rank: rankCircled, ordinal: int(r-'①') + 1, size: size}, true
	case r >= '㉑' && r <= '㉟':
		return marker{form: FormCircled, rank: rankCircled, ordinal: int(r-'㉑') + 21, size: size}, true
	case isOpenBracket(r):
		inner := s[size:]
		if n, m := chineseOrdinal(inner); m > 0 {
			if c, cs := utf8.DecodeRuneInString(inner[m:]); isCloseBracket(c) {
				return marker{form: FormParenCN, rank: rankParenCN, ordinal: n, size: size + m + cs}, true
			}
		}
		if n, m := arabicOrdinal(inner); m > 0 {
			if c, cs := utf8.DecodeRuneInString(inner[m:]); isCloseBracket(c) {
				return marker{form: FormParenNum, rank: rankParenNum, ordinal: n, size: size + m + cs}, true
			}
		}
	case r == '第':
		n, m := chineseOrdinal(s[size:])
		if m == 0 {
			break
		}
		rest := s[size+m:]
		for _, w := range []string{"部分", "章", "篇"} {
			if strings.HasPrefix(rest, w) {
				m += len(w)
				rest = rest[len(w):]
				p := punctAfter(rest, "、.．，：: 　")
				return marker{form: FormPart, rank: rankPart, ordinal: n, size: size + m + p}, true
			}
		}
	}
	if n, m := chineseOrdinal(s); m > 0 {
		rest := s[m:]
		p := punctAfter(rest, "、.．，,：: 　")
		if p == 0 || !headingFollows(rest[p:], true) {
			return marker{}, false
		}
		return marker{form: FormCN, rank: rankCN, ordinal: n, size: m + p}, true
	}
	if n, m := arabicOrdinal(s); m > 0 {
		rest := s[m:]
		if c, cs := utf8.DecodeRuneInString(rest); c == ')' || c == '）' {
			// "1)" and "1）" are the half-bracket form of （1）.
			if headingFollows(rest[cs:], false) {
				return marker{form: FormParenNum, rank: rankParenNum, ordinal: n, size: m + cs}, true
			}
			return marker{}, false
		}
		p := punctAfter(rest, ".．、，,：: 　")
		if p == 0 || !headingFollows(rest[p:], false) {
			return marker{}, false
		}
		return marker{form: FormArabic, rank: rankArabic, ordinal: n, size: m + p}, true
	}
	return marker{}, false
}

// punctAfter returns the size of the one mark from set at the start of s
// (a run of spaces counts as one mark), or 0.
func punctAfter(s, set string) int {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || !strings.ContainsRune(set, r) {
		return 0
	}
	if r == ' ' || r == '　' {
		for size < len(s) && (s[size] == ' ' || strings.HasPrefix(s[size:], "　")) {
			if s[size] == ' ' {
				size++
			} else {
				size += len("　")
			}
		}
		return size
	}
	// A mark followed by spaces: take the spaces too.
	for size < len(s) && s[size] == ' ' {
		size++
	}
	return size
}

// headingFollows reports whether the text after a marker can be a heading:
// after an Arabic marker not a digit (1.6万 is a number, 1、2号楼 a list),
// after a Chinese one not another numeral of a list (一、二、三产业); a
// Chinese marker may be followed by a year (一、2023年工作总结).
func headingFollows(rest string, cn bool) bool {
	r, size := utf8.DecodeRuneInString(rest)
	if size == 0 {
		return true // a marker alone on its line; the title follows on the next
	}
	if numeral.IsDigit(r) && !cn {
		return false
	}
	if cn && numeral.IsChineseDigit(r) {
		if _, m := chineseOrdinal(rest); m > 0 && strings.HasPrefix(rest[m:], "、") {
			return false
		}
	}
	return r != '%' && r != '％'
}

// chineseOrdinal reads a Chinese ordinal 一 … 九十九 at the start of s.
func chineseOrdinal(s string) (int, int) {
	r, _ := utf8.DecodeRuneInString(s)
	if r == '两' || r == '〇' || r == '零' || r == '○' {
		return 0, 0
	}
	num, size := numeral.Scan(s)
	if size == 0 || num.Arabic || num.Approx || num.DigitByDigit || num.Value < 1 || num.Value > 99 || num.Value != math.Trunc(num.Value) {
		return 0, 0
	}
	if strings.ContainsAny(s[:size], "两百千万亿壹贰叁肆伍陆柒捌玖拾点") {
		return 0, 0
	}
	return int(num.Value), size
}

// arabicOrdinal reads 1 … 99 in ASCII or full-width digits at the start of s.
func arabicOrdinal(s string) (int, int) {
	n, size := 0, 0
	for size < len(s) {
		r, rs := utf8.DecodeRuneInString(s[size:])
		var d int
		switch {
		case r >= '0' && r <= '9':
			d = int(r - '0')
		case r >= '０' && r <= '９':
			d = int(r - '０')
		default:
			goto end
		}
		n = n*10 + d
		size += rs
		if n > 99 {
			return 0, 0
		}
	}
end:
	if size == 0 || n == 0 {
		return 0, 0
	}
	return n, size
}

func isOpenBracket(r rune) bool {
	switch r {
	case '（', '(', '〔', '［', '[', '【', '〖':
		return true
	}
	return false
}

func isCloseBracket(r rune) bool {
	switch r {
	case '）', ')', '〕', '］', ']', '】', '〗':
		return true
	}
	return false
}

// sequenceWords are the ordinal words of the 首先 set.
var sequenceWords = []struct {
	word    string
	ordinal int
}{{"首先", 1}, {"其次", 2}, {"再次", 3}, {"最后", -1}}

// parseEnumMarker recognises an enumeration at the start of s: 一是 二是,
// 一要, 第一，, 首先， 其次，, 其一，. Callers check that s starts a sentence.
func parseEnumMarker(s string) (marker, bool) {
	for _, w := range sequenceWords {
		if strings.HasPrefix(s, w.word) {
			rest := s[len(w.word):]
			if p := punctAfter(rest, "，,、："); p > 0 {
				return marker{form: FormShouxian, rank: rankEnum, ordinal: w.ordinal, size: len(w.word) + p}, true
			}
			return marker{}, false
		}
	}
	if strings.HasPrefix(s, "其") {
		if n, m := chineseOrdinal(s[len("其"):]); m > 0 && n <= 10 {
			rest := s[len("其")+m:]
			if p := punctAfter(rest, "，,、："); p > 0 {
				return marker{form: FormQiyi, rank: rankEnum, ordinal: n, size: len("其") + m + p}, true
			}
			if strings.HasPrefix(rest, "是") {
				return marker{form: FormQiyi, rank: rankEnum, ordinal: n, size: len("其") + m + len("是")}, true
			}
		}
		return marker{}, false
	}
	if strings.HasPrefix(s, "第") {
		n, m := chineseOrdinal(s[len("第"):])
		if m == 0 {
			return marker{}, false
		}
		rest := s[len("第")+m:]
		p := punctAfter(rest, "，,、：")
		if p == 0 {
			return marker{}, false
		}
		if strings.HasPrefix(rest, "、") {
			// 第一、第三产业 and 第一、二轮 are abbreviations, not ordinals.
			next := rest[len("、"):]
			if strings.HasPrefix(next, "第") || startsWithCN(next) {
				return marker{}, false
			}
		}
		return marker{form: FormDi, rank: rankEnum, ordinal: n, size: len("第") + m + p}, true
	}
	n, m := chineseOrdinal(s)
	if m == 0 {
		return marker{}, false
	}
	rest := s[m:]
	switch {
	case strings.HasPrefix(rest, "是"):
		size := m + len("是")
		size += punctAfter(rest[len("是"):], "，,：:")
		return marker{form: FormShi, rank: rankEnum, ordinal: n, size: size}, true
	case strings.HasPrefix(rest, "要") && !strings.HasPrefix(rest, "要素") && !strings.HasPrefix(rest, "要求"):
		size := m + len("要")
		size += punctAfter(rest[len("要"):], "，,：:")
		return marker{form: FormYao, rank: rankEnum, ordinal: n, size: size}, true
	}
	return marker{}, false
}

func startsWithCN(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return numeral.IsChineseDigit(r)
}
