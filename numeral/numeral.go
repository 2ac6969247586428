// Package numeral reads the numbers written in Chinese reports: Arabic
// digits (half- or full-width, with decimals and thousands separators),
// Chinese numerals (一千二百, 两, 十余 is left to the caller, 壹拾, 二〇二三),
// mixed forms (3千5百, 1万600, 2.5万) and approximate numerals (三四十,
// 十几, 七八百).
//
// Scan reads the longest number at the start of a string and reports what it
// found; Parse reads a whole string. Neither allocates on the common path.
package numeral

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Number is a number read from text.
type Number struct {
	Value float64 // the value; for approximate numerals, the low end
	Max   float64 // the high end: equal to Value unless Approx
	// Approx is set for numerals that name a range or an unknown digit:
	// 三四十 (30–40), 十几 (11–19), 几百.
	Approx bool
	// Unknown is set when the approximation is an unknown digit, 几
	// (二十几万, 十几, 几百), rather than a range of two digits (三四十).
	Unknown bool
	Arabic  bool // has Arabic digits
	Chinese bool // has Chinese numeral characters
	// Decimal is the number in plain ASCII decimal notation when it is
	// written in Arabic digits only ("9.01", "1234"), so callers can scale it
	// exactly; empty otherwise.
	Decimal string
	// DigitByDigit is set for Chinese numerals read digit by digit, the way
	// years are written (二〇二三).
	DigitByDigit bool
}

// token is one element of a number.
type token struct {
	kind   tokKind
	lo, hi float64 // digit or group value (lo == hi unless 几 or a range)
	size   int     // bytes in the source
	arabic bool    // an Arabic digit group
}

type tokKind uint8

const (
	tokDigit  tokKind = iota // a single Chinese digit, or an Arabic group
	tokUnit                  // 十 百 千
	tokBig                   // 万 亿
	tokPoint                 // 点 (Chinese decimal point)
	tokApprox                // 余/多 inside a number (3千多万)
)

// chineseDigit returns the value of a Chinese digit character.
func chineseDigit(r rune) (float64, bool) {
	switch r {
	case '〇', '零', '○':
		return 0, true
	case '一', '壹':
		return 1, true
	case '二', '两', '贰', '貳':
		return 2, true
	case '三', '叁', '參':
		return 3, true
	case '四', '肆':
		return 4, true
	case '五', '伍':
		return 5, true
	case '六', '陆', '陸':
		return 6, true
	case '七', '柒':
		return 7, true
	case '八', '捌':
		return 8, true
	case '九', '玖':
		return 9, true
	}
	return 0, false
}

// unitValue returns the value of a numeral unit character.
func unitValue(r rune) (float64, tokKind, bool) {
	switch r {
	case '十', '拾':
		return 10, tokUnit, true
	case '百', '佰':
		return 100, tokUnit, true
	case '千', '仟':
		return 1000, tokUnit, true
	case '万', '萬':
		return 1e4, tokBig, true
	case '亿', '億':
		return 1e8, tokBig, true
	}
	return 0, 0, false
}

// IsDigit reports whether r is an ASCII or full-width decimal digit.
func IsDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// IsChineseDigit reports whether r is a Chinese digit (〇 to 九, 两, and the
// financial capitals).
func IsChineseDigit(r rune) bool {
	_, ok := chineseDigit(r)
	return ok
}

// IsNumeralChar reports whether r can be part of a Chinese numeral.
func IsNumeralChar(r rune) bool {
	if _, ok := chineseDigit(r); ok {
		return true
	}
	_, _, ok := unitValue(r)
	return ok || r == '几' || r == '廿' || r == '卅'
}

// Scan reads the longest number at the start of s. It returns size 0 when s
// does not start with a number. A number must start with a digit, 几, 十,
// 廿 or 卅; a bare 百, 千, 万 or 亿 is a word, not a number.
//
// Trailing 万 and 亿 (and 万亿) are left unread, because reports write them
// as part of the unit ("9.01亿元", "1.6万人"); the caller reads them with the
// unit. They are read only when the number needs them to be whole, as in
// "1亿3千多万", where the 万 scales 3千多, not the whole number.
func Scan(s string) (Number, int) {
	var toks [32]token
	n := 0
	pos := 0
	decimal := ""
scan:
	for pos < len(s) && n < len(toks) {
		r, size := utf8.DecodeRuneInString(s[pos:])
		t := token{size: size}
		switch {
		case IsDigit(r):
			if n > 0 && toks[n-1].kind == tokDigit && (toks[n-1].arabic || toks[n-1].lo != 0) {
				break scan // "一5" is not one number; "亿零817" is
			}
			lit, gsize, ok := scanArabic(s[pos:])
			if !ok {
				break scan
			}
			v, err := strconv.ParseFloat(lit, 64)
			if err != nil || math.IsInf(v, 0) {
				break scan
			}
			t = token{kind: tokDigit, lo: v, hi: v, size: gsize, arabic: true}
			if n == 0 {
				decimal = lit
			}
		case r == '几':
			// 几 is an unknown digit: 1–9 where it leads (几百, 几十),
			// 0–9 after a unit (十几 = 10–19, 二十几万 = 20–29万), so
			// that the low end is the round figure the writer had.
			t.kind, t.lo, t.hi = tokDigit, 1, 9
			if n > 0 && toks[n-1].kind == tokUnit {
				t.lo = 0
			}
		case r == '廿':
			t.kind, t.lo, t.hi = tokDigit, 20, 20 // 廿三 = 23
		case r == '卅':
			t.kind, t.lo, t.hi = tokDigit, 30, 30
		default:
			if d, ok := chineseDigit(r); ok {
				if d == 0 && n == 0 && !pointFollows(s[pos+size:]) {
					break scan // a leading zero sign is a placeholder or a word (零星, ○○村); 零点五 is a number
				}
				if n > 0 && toks[n-1].arabic {
					break scan // "5三" is not one number
				}
				t.kind, t.lo, t.hi = tokDigit, d, d
				break
			}
			if v, kind, ok := unitValue(r); ok {
				if n == 0 && v != 10 {
					break scan
				}
				if n > 0 && toks[n-1].kind == tokUnit && kind == tokUnit && toks[n-1].lo <= v {
					break scan // 十百 is not a number
				}
				t.kind, t.lo, t.hi = kind, v, v
				if v == 1e4 {
					if r2, size2 := utf8.DecodeRuneInString(s[pos+size:]); r2 == '亿' || r2 == '億' {
						t.lo, t.hi, t.size = 1e12, 1e12, size+size2 // 万亿 is one unit: 五万亿三千亿
					}
				}
				break
			}
			if r == '点' && n > 0 && !toks[n-1].arabic && toks[n-1].kind != tokPoint && toks[n-1].kind != tokApprox && !hasPoint(toks[:n]) {
				if r2, _ := utf8.DecodeRuneInString(s[pos+size:]); IsChineseDigit(r2) {
					t.kind = tokPoint // 三点五, 两百点两
					break
				}
			}
			if (r == '余' || r == '多') && n > 0 && hasBig(toks[:n]) {
				if r2, _ := utf8.DecodeRuneInString(s[pos+size:]); r2 == '万' || r2 == '亿' {
					t.kind = tokApprox
					break
				}
			}
			break scan
		}
		toks[n] = t
		n++
		pos += t.size
	}
	// A Chinese decimal point is followed by digits only: in 十点三十分 the
	// 点 is a clock's, so the number ends before it.
	for k := 0; k < n; k++ {
		if toks[k].kind != tokPoint {
			continue
		}
		digits := 0
		for _, t := range toks[k+1 : n] {
			if t.kind != tokDigit {
				break
			}
			digits++
		}
		if digits > 0 && (k+1+digits == n || toks[k+1+digits].kind != tokUnit) {
			break
		}
		for _, t := range toks[k:n] {
			pos -= t.size
		}
		n = k
		break
	}
	// The longest prefix that forms a valid number wins (五十三百 → 五十三),
	// without trailing 万/亿 that scale the whole number, 点 or 多.
	var num Number
	for n > 0 {
		t := toks[n-1]
		if t.kind == tokPoint || t.kind == tokApprox || t.kind == tokBig && !biggerBefore(toks[:n-1], t.lo) {
			n--
			pos -= t.size
			continue
		}
		var ok bool
		if num, ok = evaluate(toks[:n]); ok {
			break
		}
		n--
		pos -= t.size
	}
	if n == 0 {
		return Number{}, 0
	}
	for _, t := range toks[:n] {
		if t.arabic {
			num.Arabic = true
		} else {
			num.Chinese = true
		}
	}
	if num.Arabic && !num.Chinese {
		num.Decimal = decimal
	}
	num.Unknown = num.Approx && strings.Contains(s[:pos], "几")
	return num, pos
}

// pointFollows reports whether s starts with 点 and a Chinese digit.
func pointFollows(s string) bool {
	rest, ok := strings.CutPrefix(s, "点")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return IsChineseDigit(r)
}

// hasPoint reports whether toks hold a decimal point.
func hasPoint(toks []token) bool {
	for _, t := range toks {
		if t.kind == tokPoint {
			return true
		}
	}
	return false
}

// hasBig reports whether toks contain 万 or 亿.
func hasBig(toks []token) bool {
	for _, t := range toks {
		if t.kind == tokBig {
			return true
		}
	}
	return false
}

// biggerBefore reports whether toks hold a big unit larger than v, which
// makes a trailing big unit v part of the number (1亿3千万).
func biggerBefore(toks []token, v float64) bool {
	for _, t := range toks {
		if t.kind == tokBig && t.lo > v {
			return true
		}
	}
	return false
}

// scanArabic reads an Arabic number: digits (ASCII or full-width), an
// optional decimal part after "." or "．", and ASCII thousands separators
// in groups of three. It returns the number in ASCII notation.
func scanArabic(s string) (lit string, size int, ok bool) {
	var b strings.Builder
	intDigits, groupDigits := 0, -1
	pos := 0
	seenPoint := false
	fullWidth := true // every digit so far is full-width
	for pos < len(s) {
		r, n := utf8.DecodeRuneInString(s[pos:])
		switch {
		case r >= '0' && r <= '9':
			b.WriteByte(byte(r))
			fullWidth = false
		case r >= '０' && r <= '９':
			b.WriteByte(byte(r - '０' + '0'))
		case (r == '.' || r == '．') && !seenPoint:
			r2, _ := utf8.DecodeRuneInString(s[pos+n:])
			if !IsDigit(r2) || groupDigits >= 0 && groupDigits != 3 {
				goto end
			}
			seenPoint = true
			b.WriteByte('.')
			pos += n
			continue
		case (r == ',' || r == '，' && fullWidth) && !seenPoint && (intDigits > 0 && intDigits <= 3 && groupDigits < 0 || groupDigits == 3):
			// A thousands separator only when exactly three digits follow:
			// ASCII digits after ",", full-width ones after "," or "，"
			// when the digits before are full-width too (４，５６５).
			if !threeDigits(s[pos+n:], r == '，') {
				goto end
			}
			groupDigits = 0
			pos += n
			continue
		default:
			goto end
		}
		if !seenPoint {
			intDigits++
			if groupDigits >= 0 {
				groupDigits++
			}
		}
		pos += n
	}
end:
	if b.Len() == 0 || groupDigits >= 0 && groupDigits != 3 {
		return "", 0, false
	}
	return b.String(), pos, true
}

// threeDigits reports whether s starts with exactly three digits, ASCII
// or full-width (only full-width when fullWidth is set).
func threeDigits(s string, fullWidth bool) bool {
	pos := 0
	for i := 0; i < 4; i++ {
		r, n := utf8.DecodeRuneInString(s[pos:])
		digit := r >= '０' && r <= '９' || !fullWidth && r >= '0' && r <= '9'
		if i == 3 {
			return !IsDigit(r)
		}
		if !digit {
			return false
		}
		pos += n
	}
	return false
}

// evaluate computes a number from its tokens, once with the low value of
// every uncertain digit and once with the high value.
func evaluate(toks []token) (Number, bool) {
	// Digit-by-digit numerals (二〇二三, 一九九八) have several digits and no
	// units; two adjacent digits one apart are a range instead (三四个).
	units, digits, small := 0, 0, true
	for i, t := range toks {
		switch t.kind {
		case tokPoint:
			if units == 0 && digits >= 2 && small {
				// 九九点九: digits read one by one, then a fraction.
				return digitwiseDecimal(toks[:i], toks[i+1:])
			}
			units++
		case tokUnit, tokBig:
			units++
		case tokDigit:
			digits++
			small = small && t.hi <= 9
		}
	}
	if units == 0 && digits >= 2 && small {
		if lo, hi, ok := rangePair(toks); ok {
			return Number{Value: lo, Max: hi, Approx: true}, true
		}
		v := 0.0
		for _, t := range toks {
			if t.kind != tokDigit || t.lo != t.hi || t.lo > 9 {
				return Number{}, false
			}
			v = v*10 + t.lo
		}
		return Number{Value: v, Max: v, DigitByDigit: true}, true
	}
	lo, ok1 := eval(toks, false, 0)
	hi, ok2 := eval(toks, true, 0)
	if !ok1 || !ok2 {
		return Number{}, false
	}
	if lo == hi {
		// The integer part is exact; the fraction is added through its
		// decimal notation (一亿…零一十点零三一 is 140937010.031 exactly).
		for i, t := range toks {
			if t.kind == tokPoint {
				if frac, ok := fraction(toks[i+1:]); ok {
					lo = withFraction(math.Floor(lo), frac)
					hi = lo
				}
				break
			}
		}
	}
	return Number{Value: lo, Max: hi, Approx: hi != lo}, true
}

// digitwiseDecimal reads a number written digit by digit with a Chinese
// decimal point (九九点九 = 99.9), as percentages are sometimes read out.
func digitwiseDecimal(intPart, frac []token) (Number, bool) {
	v := 0.0
	for _, t := range intPart {
		if t.kind != tokDigit || t.lo != t.hi || t.lo > 9 {
			return Number{}, false
		}
		v = v*10 + t.lo
	}
	f, ok := fraction(frac)
	if !ok {
		return Number{}, false
	}
	v = withFraction(v, f)
	return Number{Value: v, Max: v}, true
}

// fraction reads the digits after a Chinese decimal point as ASCII.
func fraction(toks []token) (string, bool) {
	if len(toks) == 0 {
		return "", false
	}
	digits := make([]byte, 0, len(toks))
	for _, t := range toks {
		if t.kind != tokDigit || t.lo != t.hi || t.lo > 9 {
			return "", false
		}
		digits = append(digits, byte('0'+t.lo))
	}
	return string(digits), true
}

// withFraction returns the integer v with the decimal digits frac, read
// from their decimal notation so that the result is the double nearest to
// what is written (2300 and "1" give 2300.1 exactly as strconv reads it).
func withFraction(v float64, frac string) float64 {
	f, err := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 0, 64)+"."+frac, 64)
	if err != nil {
		return v
	}
	return f
}

// rangePair recognises two adjacent digits naming a range: 三四, 七八, 一两, 三五.
func rangePair(toks []token) (lo, hi float64, ok bool) {
	if len(toks) != 2 || toks[0].kind != tokDigit || toks[1].kind != tokDigit {
		return 0, 0, false
	}
	a, b := toks[0].lo, toks[1].lo
	if a >= 1 && b <= 9 && (b == a+1 || a == 3 && b == 5) {
		return a, b, true
	}
	return 0, 0, false
}

// eval computes the value of toks, taking the high or low value of
// uncertain digits and of adjacent-digit ranges (三四十). scale is the big
// unit just before toks, if any (see evalSmall).
func eval(toks []token, high bool, scale float64) (float64, bool) {
	// Split at the last 万亿, then 亿, then 万: left × unit + right.
	for _, big := range []float64{1e12, 1e8, 1e4} {
		for i := len(toks) - 1; i >= 0; i-- {
			if toks[i].kind != tokBig || toks[i].lo != big {
				continue
			}
			left := 1.0
			if i > 0 {
				var ok bool
				if left, ok = eval(toks[:i], high, 0); !ok {
					return 0, false
				}
			}
			rest := toks[i+1:]
			for len(rest) > 0 && rest[0].kind == tokApprox {
				rest = rest[1:]
			}
			right, ok := eval(rest, high, big)
			if !ok {
				return 0, false
			}
			return left*big + right, true
		}
	}
	return evalSmall(toks, high, scale)
}

// evalSmall computes a section below 万 made of digits, 十 百 千 and a
// Chinese decimal point. scale is the big unit just before the section (0
// if none), for the colloquial omission of the last unit (一万二 = 12000).
func evalSmall(toks []token, high bool, scale float64) (float64, bool) {
	v := 0.0
	pending := -1.0 // a digit waiting for its unit
	lastUnit := scale
	zero := false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		val := t.lo
		if high {
			val = t.hi
		}
		switch t.kind {
		case tokDigit:
			if pending >= 0 {
				// Two digits in a row: a range (三四十 → 三 or 四), or 零
				// followed by a digit (一百零二).
				if pending == 0 {
					pending = val
					zero = true
					continue
				}
				if t.lo == pending+1 || pending == 3 && t.lo == 5 {
					if high {
						pending = val
					}
					continue
				}
				if pending >= 20 && val <= 9 && t.lo == t.hi && pending == math.Trunc(pending) && int(pending)%10 == 0 {
					pending += val // 廿三
					continue
				}
				return 0, false
			}
			pending = val
		case tokUnit:
			d := pending
			if d < 0 || d == 0 && t.lo == 10 {
				if t.lo != 10 {
					return 0, false
				}
				d = 1 // 十五 = 15; 一万零十二 = 10012
			}
			if lastUnit != 0 && lastUnit != scale && t.lo >= lastUnit {
				return 0, false // 五十三百
			}
			v += d * t.lo
			lastUnit = t.lo
			pending = -1
			zero = false
		case tokPoint:
			frac, ok := fraction(toks[i+1:])
			if !ok {
				return 0, false
			}
			switch {
			case pending < 0 && lastUnit > 0:
				pending = 0 // 两百点两 = 200.2, 六百万点八四 = 6000000.84
			case pending < 0:
				return 0, false
			case !zero && lastUnit >= 100 && pending <= 9 && i >= 2 && toks[i-2].kind == tokUnit:
				pending *= lastUnit / 10 // 两千三点一 = 2300.1
			case !zero && lastUnit == scale && scale >= 1e4 && pending <= 9 && i == 1:
				pending *= scale / 10 // 六万六点七 = 66000.7
			}
			return withFraction(v+pending, frac), true
		case tokApprox:
			// 多/余 inside a section only before a big unit; nothing to add.
		default:
			return 0, false
		}
	}
	if pending >= 0 {
		if !zero && lastUnit >= 100 && pending <= 9 && len(toks) >= 2 && toks[len(toks)-2].kind == tokUnit {
			pending *= lastUnit / 10 // 三千五 = 3500, 一万二 = 12000
		} else if !zero && lastUnit == scale && scale >= 1e4 && pending <= 9 && len(toks) == 1 {
			pending *= scale / 10
		}
		v += pending
	}
	return v, true
}

// Parse reads s as one whole number, trailing 万 and 亿 included.
func Parse(s string) (Number, bool) {
	num, size := Scan(s)
	if size == 0 {
		return Number{}, false
	}
	rest := s[size:]
	if rest == "" {
		return num, true
	}
	scale := BigUnit(rest)
	if scale == 0 {
		return Number{}, false
	}
	if num.Decimal != "" {
		num.Decimal = ScaleDecimal(num.Decimal, scale)
	}
	num.Value = scaleExact(num.Value, scale)
	num.Max = scaleExact(num.Max, scale)
	return num, true
}

// scaleExact multiplies v by scale, a power of ten, through v's shortest
// decimal notation, so that 1.2 × 10^4 is 12000 and not 12000.000000000002.
func scaleExact(v, scale float64) float64 {
	d := strconv.FormatFloat(v, 'f', -1, 64)
	if f, err := strconv.ParseFloat(ScaleDecimal(d, scale), 64); err == nil {
		return f
	}
	return v * scale
}

// BigUnit returns the multiplier named by s when s is exactly 万, 亿, 万亿,
// 千万 or 百万 (also with traditional forms), else 0.
func BigUnit(s string) float64 {
	switch s {
	case "万", "萬":
		return 1e4
	case "亿", "億":
		return 1e8
	case "万亿", "萬億":
		return 1e12
	case "千万", "仟万":
		return 1e7
	case "百万", "佰万":
		return 1e6
	case "十万":
		return 1e5
	}
	return 0
}

// ScaleDecimal multiplies the ASCII decimal d by scale, a power of ten,
// exactly, and returns the result in plain notation ("9.01", 1e8 →
// "901000000").
func ScaleDecimal(d string, scale float64) string {
	exp := int(math.Round(math.Log10(scale)))
	intPart, frac, _ := strings.Cut(d, ".")
	for ; exp > 0; exp-- {
		if frac == "" {
			intPart += "0"
		} else {
			intPart += frac[:1]
			frac = frac[1:]
		}
	}
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	if frac = strings.TrimRight(frac, "0"); frac != "" {
		return intPart + "." + frac
	}
	return intPart
}
