package numeral_test

import (
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"zongjie/numeral"
)

func TestWords(t *testing.T) {
	tests := []struct {
		d     string
		style numeral.Style
		want  string
	}{
		{"12", numeral.Standard, "十二"},
		{"105", numeral.Standard, "一百零五"},
		{"10012", numeral.Standard, "一万零一十二"},
		{"10012", numeral.ShortTen, "一万零十二"},
		{"100010", numeral.ShortTen, "十万零十"},
		{"2300", numeral.Standard, "二千三百"},
		{"2300", numeral.Liang, "两千三百"},
		{"2300", numeral.Colloquial, "两千三"},
		{"12000", numeral.Colloquial, "一万二"},
		{"350", numeral.Colloquial, "三百五"},
		{"351", numeral.Colloquial, "三百五十一"},
		{"1200", numeral.Liang, "一千两百"},
		{"20000", numeral.Liang, "两万"},
		{"220000", numeral.Liang, "二十二万"},
		{"200000000", numeral.Liang, "两亿"},
		{"1008175288", numeral.Standard, "十亿零八百一十七万五千二百八十八"},
		{"1000001", numeral.Standard, "一百万零一"},
		{"12", numeral.Financial, "壹拾贰"},
		{"35000000", numeral.Financial, "叁仟伍佰万"},
		{"2023", numeral.Digitwise, "二〇二三"},
		{"99.9", numeral.Digitwise, "九九点九"},
		{"0.5", numeral.Standard, "零点五"},
		{"2300.1", numeral.Colloquial, "两千三点一"},
		{"200.2", numeral.Liang, "两百点二"},
		{"10600", numeral.Mixed, "1万600"},
		{"30005", numeral.Mixed, "3万零5"},
		{"1234567890", numeral.Mixed, "12亿3456万7890"},
		{"0", numeral.Standard, ""},
		{"1.5", numeral.Mixed, ""},
	}
	for _, tt := range tests {
		if got := numeral.Words(tt.d, tt.style); got != tt.want {
			t.Errorf("Words(%s, %s) = %q, want %q", tt.d, tt.style, got, tt.want)
		}
	}
}

// values returns the decimals the round trip runs on: every integer to
// 1200, the edges of every section and zero pattern, and random integers
// and decimals of every magnitude up to 10^15.
func values() []string {
	var out []string
	for v := 1; v <= 1200; v++ {
		out = append(out, strconv.Itoa(v))
	}
	for _, p := range []string{"1", "10", "100", "1000", "10000", "100000", "1000000", "10000000", "100000000", "1000000000000"} {
		for _, d := range []string{"1", "2", "9", "10", "11", "12", "20", "101", "110", "1001", "1010"} {
			a, _ := strconv.ParseInt(p, 10, 64)
			b, _ := strconv.ParseInt(d, 10, 64)
			out = append(out, strconv.FormatInt(a, 10), strconv.FormatInt(a+b, 10), strconv.FormatInt(a*b, 10), strconv.FormatInt(a*b+b, 10))
		}
	}
	rng := rand.New(rand.NewSource(12))
	for range 3000 {
		digits := 1 + rng.Intn(15)
		var b strings.Builder
		b.WriteByte(byte('1' + rng.Intn(9)))
		for i := 1; i < digits; i++ {
			if rng.Intn(3) == 0 {
				b.WriteByte('0') // zeros are where the grammar is hard
			} else {
				b.WriteByte(byte('0' + rng.Intn(10)))
			}
		}
		if digits <= 9 && rng.Intn(3) == 0 {
			b.WriteByte('.')
			for i := 1 + rng.Intn(3); i > 0; i-- {
				b.WriteByte(byte('0' + rng.Intn(10)))
			}
			if rng.Intn(4) == 0 {
				out = append(out, "0."+strings.SplitN(b.String(), ".", 2)[1])
			}
		}
		out = append(out, b.String())
	}
	return out
}

// TestRoundTrip writes many values in every style and reads them back:
// Parse(Words(v)) must be v, and Scan must read the whole of it.
func TestRoundTrip(t *testing.T) {
	n := 0
	for _, d := range values() {
		want, _ := strconv.ParseFloat(d, 64)
		for st := numeral.Style(0); st < numeral.Styles; st++ {
			w := numeral.Words(d, st)
			if w == "" || st == numeral.Digitwise && len(d) == 2 {
				continue // two digits one by one read as a range (三四个): a year or a code has more
			}
			n++
			num, ok := numeral.Parse(w)
			if !ok || num.Value != want || num.Max != want || num.Approx {
				t.Errorf("%s: Parse(%q) = %v (ok %v, approx %v), want %s", st, w, num.Value, ok, num.Approx, d)
				continue
			}
			if st == numeral.Digitwise && !strings.Contains(w, "点") && len(w) > 3 && !num.DigitByDigit {
				t.Errorf("Parse(%q) not marked digit by digit", w)
			}
		}
	}
	t.Logf("%d forms read back", n)
}

// TestApproxRoundTrip writes approximate numerals from their parts and
// reads them back: X几 (the low end, flagged unknown), 几X, and ranges of
// two adjacent digits before a unit (三四十, 七八百, 两三千).
func TestApproxRoundTrip(t *testing.T) {
	for tens := 1; tens <= 9; tens++ {
		base := strconv.Itoa(tens * 10)
		w := numeral.Words(base, numeral.Standard) + "几"
		num, ok := numeral.Parse(w)
		if !ok || num.Value != float64(tens*10) || num.Max != float64(tens*10+9) || !num.Unknown {
			t.Errorf("Parse(%q) = %v..%v unknown %v", w, num.Value, num.Max, num.Unknown)
		}
		for _, big := range []string{"万", "亿"} {
			num, ok := numeral.Parse(w + big)
			scale := map[string]float64{"万": 1e4, "亿": 1e8}[big]
			if !ok || num.Value != float64(tens*10)*scale || !num.Approx {
				t.Errorf("Parse(%q) = %v approx %v", w+big, num.Value, num.Approx)
			}
		}
	}
	for _, unit := range []struct {
		w string
		v float64
	}{{"十", 10}, {"百", 100}, {"千", 1000}} {
		num, ok := numeral.Parse("几" + unit.w)
		if !ok || num.Value != unit.v || num.Max != 9*unit.v || !num.Unknown {
			t.Errorf("Parse(几%s) = %v..%v", unit.w, num.Value, num.Max)
		}
		for lo := 1; lo <= 8; lo++ {
			a, b := numeral.Words(strconv.Itoa(lo), numeral.Standard), numeral.Words(strconv.Itoa(lo+1), numeral.Standard)
			if lo == 2 {
				a = "两"
			}
			w := a + b + unit.w
			num, ok := numeral.Parse(w)
			if !ok || num.Value != float64(lo)*unit.v || num.Max != float64(lo+1)*unit.v || num.Unknown || !num.Approx {
				t.Errorf("Parse(%q) = %v..%v", w, num.Value, num.Max)
			}
		}
	}
}
