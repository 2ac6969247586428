package reader

import (
	"strconv"
	"strings"
)

// formatNumber renders n in the WordprocessingML number format numFmt
// (w:numFmt), zero-padded to pad digits where the format is decimal.
// Formats that cannot show n (a 21st circled number, the 11th heavenly
// stem) and unknown formats fall back to decimal, as Word does. n is
// clamped to [0, maxNumberValue], so the result is always short.
func formatNumber(n int, numFmt string, pad int) string {
	n = max(0, min(n, maxNumberValue))
	switch numFmt {
	case "none", "bullet":
		return ""
	case "decimalZero":
		return zeroPad(n, 2)
	case "upperRoman", "lowerRoman":
		if s, ok := roman(n); ok {
			if numFmt == "lowerRoman" {
				return strings.ToLower(s)
			}
			return s
		}
	case "upperLetter", "lowerLetter":
		base := 'A'
		if numFmt == "lowerLetter" {
			base = 'a'
		}
		if s, ok := letters(n, base); ok {
			return s
		}
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting",
		"taiwaneseCounting", "taiwaneseCountingThousand":
		return chineseCount(n, chineseDigits, chineseUnits)
	case "chineseLegalSimplified":
		return chineseCount(n, legalSimplifiedDigits, legalSimplifiedUnits)
	case "ideographLegalTraditional":
		return chineseCount(n, legalTraditionalDigits, legalTraditionalUnits)
	case "ideographDigital", "taiwaneseDigital":
		return perDigit(n, chineseDigits)
	case "ideographTraditional":
		return fromList(n, "甲乙丙丁戊己庚辛壬癸")
	case "ideographZodiac":
		return fromList(n, "子丑寅卯辰巳午未申酉戌亥")
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		return enclosed(n, 0x2460)
	case "decimalEnclosedParen":
		return enclosed(n, 0x2474)
	case "decimalEnclosedFullstop":
		return enclosed(n, 0x2488)
	case "decimalFullWidth", "decimalFullWidth2":
		return fullWidth(n)
	}
	return zeroPad(n, pad)
}

// zeroPad renders n in decimal with at least width digits.
func zeroPad(n, width int) string {
	s := strconv.Itoa(n)
	if len(s) < width {
		s = strings.Repeat("0", width-len(s)) + s
	}
	return s
}

// roman renders 1–3999 in upper-case Roman numerals.
func roman(n int) (string, bool) {
	if n < 1 || n > 3999 {
		return "", false
	}
	values := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	symbols := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range values {
		for n >= v {
			b.WriteString(symbols[i])
			n -= v
		}
	}
	return b.String(), true
}

// maxLetterRepeat caps the Word letter format (A…Z, AA…ZZ, AAA…), whose
// length grows with n.
const maxLetterRepeat = 10

// letters renders n as Word's letter format: A–Z, then AA–ZZ, and so on.
func letters(n int, base rune) (string, bool) {
	if n < 1 || (n-1)/26 >= maxLetterRepeat {
		return "", false
	}
	return strings.Repeat(string(base+rune((n-1)%26)), (n-1)/26+1), true
}

// Digit and unit characters of the Chinese counting formats. Units are
// 十, 百, 千 and 万.
var (
	chineseDigits          = []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	chineseUnits           = []string{"十", "百", "千", "万"}
	legalSimplifiedDigits  = []string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}
	legalSimplifiedUnits   = []string{"拾", "佰", "仟", "万"}
	legalTraditionalDigits = []string{"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"}
	legalTraditionalUnits  = []string{"拾", "佰", "仟", "萬"}
)

// innerZero is written for a run of zeros inside a Chinese number (一百零一),
// whatever the digits; only a lone zero uses the format's zero digit.
const innerZero = "零"

// chineseCount renders n the way Chinese counts: 一, 十, 十一, 二十一,
// 一百零一, 一千零一十, 一万二千. n is below 10^8 (it is clamped far lower).
// Zero is the zero digit.
func chineseCount(n int, digits, units []string) string {
	if n == 0 {
		return digits[0]
	}
	var s string
	if high, low := n/10000, n%10000; high > 0 {
		s = chineseSection(high, digits, units) + units[3]
		if low > 0 {
			if low < 1000 {
				s += innerZero
			}
			s += chineseSection(low, digits, units)
		}
	} else {
		s = chineseSection(n, digits, units)
	}
	// 10–19 are said 十, 十一…, not 一十, 一十一.
	if one := digits[1] + units[0]; strings.HasPrefix(s, one) {
		s = strings.TrimPrefix(s, digits[1])
	}
	return s
}

// chineseSection renders 1–9999 with units, writing one 零 for each run of
// inner zeros (一千零一十).
func chineseSection(n int, digits, units []string) string {
	var b strings.Builder
	pendingZero := false
	for i, place := range []int{1000, 100, 10, 1} {
		d := n / place % 10
		if d == 0 {
			if b.Len() > 0 {
				pendingZero = true
			}
			continue
		}
		if pendingZero {
			b.WriteString(innerZero)
			pendingZero = false
		}
		b.WriteString(digits[d])
		if place > 1 {
			b.WriteString(units[2-i])
		}
	}
	return b.String()
}

// perDigit renders n digit by digit (〇一二…), as ideographDigital does.
func perDigit(n int, digits []string) string {
	var b strings.Builder
	for _, c := range strconv.Itoa(n) {
		b.WriteString(digits[c-'0'])
	}
	return b.String()
}

// fromList renders 1–len(list) as the n-th character of list, other
// values in decimal.
func fromList(n int, list string) string {
	chars := []rune(list)
	if n >= 1 && n <= len(chars) {
		return string(chars[n-1])
	}
	return strconv.Itoa(n)
}

// enclosed renders 1–20 as the n-th character of a Unicode run of
// enclosed numbers starting at first (①, ⑴, ⒈), other values in decimal.
func enclosed(n int, first rune) string {
	if n >= 1 && n <= 20 {
		return string(first + rune(n-1))
	}
	return strconv.Itoa(n)
}

// fullWidth renders n with full-width digits (１２).
func fullWidth(n int) string {
	var b strings.Builder
	for _, c := range strconv.Itoa(n) {
		b.WriteRune('０' + c - '0')
	}
	return b.String()
}
