package numeral

import (
	"strconv"
	"strings"
)

// Style is one way of writing a number in words; Words writes a value in
// each. Every style is one that reports use and that Scan and Parse read
// back (docs/numerals.md gives the grammar).
type Style int

const (
	// Standard is the dictionary form: 十二, 一百零五, 一万零一十二,
	// 二千三百, 十亿零八百一十七万. A leading 一十 is written 十.
	Standard Style = iota
	// Liang writes 两 for a 2 before 百, 千, 万 and 亿: 两千三百, 两万,
	// 一千两百; 二十 and 十二 keep 二.
	Liang
	// ShortTen drops the 一 of 一十 after 零: 一万零十二 (10012), 十万零十
	// (100010); elsewhere it is Standard.
	ShortTen
	// Colloquial leaves out the last unit when only two digits are
	// nonzero and adjacent: 两千三 (2300), 一万二 (12000), 三百五 (350).
	// Other values are written as in Liang.
	Colloquial
	// Financial uses the capital digits of cheques and contracts, with
	// every 壹 written: 壹拾贰, 壹万零壹拾贰, 叁仟伍佰.
	Financial
	// Digitwise writes each digit: 二〇二三, 九九点九 (years, codes, some
	// percentages).
	Digitwise
	// Mixed writes the sections between 万 and 亿 in Arabic digits:
	// 12亿3456万7890, 1万600, 3万零5.
	Mixed
	// Styles counts the styles.
	Styles
)

// String names the style.
func (s Style) String() string {
	return [...]string{"standard", "liang", "short-ten", "colloquial", "financial", "digitwise", "mixed"}[s]
}

var (
	stdDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	finDigits = []string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}
	stdUnits  = []string{"", "十", "百", "千"}
	finUnits  = []string{"", "拾", "佰", "仟"}
)

// Words writes the non-negative decimal d (ASCII digits with an optional
// fraction: "10012", "2300.1", "0.5") in the given style. Integers up to
// 10^16 are written; it returns "" for what the style cannot write (a
// fraction in Mixed; zero with no fraction, which reports write 零 only as
// a word).
func Words(d string, style Style) string {
	intPart, frac, _ := strings.Cut(d, ".")
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" && frac == "" || len(intPart) > 16 || !allDigits(intPart) || !allDigits(frac) {
		return ""
	}
	digits := stdDigits
	if style == Financial {
		digits = finDigits
	}
	var b strings.Builder
	switch style {
	case Digitwise:
		if intPart == "" {
			intPart = "0"
		}
		for _, c := range intPart {
			if c == '0' {
				b.WriteString("〇")
			} else {
				b.WriteString(digits[c-'0'])
			}
		}
	case Mixed:
		if frac != "" || intPart == "" {
			return ""
		}
		b.WriteString(mixed(intPart))
	default:
		if intPart == "" {
			b.WriteString("零")
		} else {
			b.WriteString(integer(intPart, style))
		}
	}
	if frac != "" {
		b.WriteString("点")
		for _, c := range frac {
			b.WriteString(digits[c-'0'])
		}
	}
	return b.String()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// sections splits an integer into groups of four digits, lowest first.
func sections(s string) []string {
	var out []string
	for len(s) > 4 {
		out = append(out, s[len(s)-4:])
		s = s[:len(s)-4]
	}
	return append(out, s)
}

// bigName names the unit of section k (counted from the lowest):
// "", 万, 亿, 万亿.
func bigName(k int) string { return [...]string{"", "万", "亿", "万亿"}[k] }

// integer writes a positive integer (no leading zeros) in a Chinese style.
func integer(s string, style Style) string {
	if style == Colloquial {
		if w := colloquial(s); w != "" {
			return w
		}
		style = Liang
	}
	digits, units := stdDigits, stdUnits
	if style == Financial {
		digits, units = finDigits, finUnits
	}
	secs := sections(s)
	var b strings.Builder
	zero := false // a 零 is owed before the next nonzero digit
	for k := len(secs) - 1; k >= 0; k-- {
		sec := secs[k]
		if strings.Trim(sec, "0") == "" {
			zero = b.Len() > 0
			continue
		}
		// Leading zeros of a lower section (1,0012) owe a 零.
		padded := strings.Repeat("0", 4-len(sec)) + sec
		if k < len(secs)-1 && padded[0] == '0' {
			zero = true
		}
		for i, c := range padded {
			place := 3 - i
			if c == '0' {
				zero = zero || b.Len() > 0 && strings.Trim(padded[i:], "0") != ""
				continue
			}
			owed := zero && b.Len() > 0
			if owed {
				b.WriteString("零")
			}
			zero = false
			d := int(c - '0')
			switch {
			case place == 1 && d == 1 && style != Financial && (b.Len() == 0 || style == ShortTen && owed):
				// 十二, not 一十二; 一万零十二 in ShortTen.
			case d == 2 && style == Liang && (place >= 2 || place == 0 && k > 0 && padded[:3] == "000"):
				b.WriteString("两") // 两千, 一千两百, 两万, 两亿
			default:
				b.WriteString(digits[d])
			}
			b.WriteString(units[place])
		}
		b.WriteString(bigName(k))
	}
	return b.String()
}

// colloquial writes 两千三, 一万二, 三百五 (two adjacent nonzero digits,
// the lower one's unit left out, within the lowest two sections); "" when
// the value has another shape.
func colloquial(s string) string {
	if len(s) < 3 || len(s) > 8 {
		return ""
	}
	hi, lo := s[0]-'0', s[1]-'0'
	if hi == 0 || lo == 0 || strings.Trim(s[2:], "0") != "" {
		return ""
	}
	// The unit of the leading digit: 百 (3 digits), 千 (4), 万 (5), 十万… no.
	unit := map[int]string{3: "百", 4: "千", 5: "万"}[len(s)]
	if unit == "" {
		return ""
	}
	lead := stdDigits[hi]
	if hi == 2 {
		lead = "两"
	}
	return lead + unit + stdDigits[lo]
}

// mixed writes the sections of an integer in Arabic digits with 万 and
// 亿 between them: 12亿3456万7890, 1万600, 3万零5 (a lower section of one
// digit takes 零, or it would read as 3万5 = 35000).
func mixed(s string) string {
	secs := sections(s)
	var b strings.Builder
	for k := len(secs) - 1; k >= 0; k-- {
		v, _ := strconv.Atoi(secs[k])
		if v == 0 {
			continue
		}
		if b.Len() > 0 && v < 10 {
			b.WriteString("零")
		}
		b.WriteString(strconv.Itoa(v))
		b.WriteString(bigName(k))
	}
	return b.String()
}
