package numeral_test

import (
	"testing"
	"unicode/utf8"

	"zongjie/numeral"
)

func TestScan(t *testing.T) {
	tests := []struct {
		in        string
		text      string // what Scan consumes
		value     float64
		max       float64 // 0: same as value
		approx    bool
		decimal   string
		digitwise bool
	}{
		// Arabic.
		{in: "9.01亿元", text: "9.01", value: 9.01, decimal: "9.01"},
		{in: "1491户、", text: "1491", value: 1491, decimal: "1491"},
		{in: "１２３４人", text: "１２３４", value: 1234, decimal: "1234"},
		{in: "9．01亿", text: "9．01", value: 9.01, decimal: "9.01"},
		{in: "12,500户", text: "12,500", value: 12500, decimal: "12500"},
		{in: "1,234,567.5元", text: "1,234,567.5", value: 1234567.5, decimal: "1234567.5"},
		{in: "2.27:1。", text: "2.27", value: 2.27, decimal: "2.27"},
		{in: "3.。", text: "3", value: 3, decimal: "3"},
		{in: "1,23", text: "1", value: 1, decimal: "1"}, // not a thousands group
		{in: "0.39％", text: "0.39", value: 0.39, decimal: "0.39"},
		{in: "1.6万人", text: "1.6", value: 1.6, decimal: "1.6"},
		{in: "5.3万亿元", text: "5.3", value: 5.3, decimal: "5.3"},
		// Chinese.
		{in: "十余次", text: "十", value: 10},
		{in: "两名", text: "两", value: 2},
		{in: "一千二百人", text: "一千二百", value: 1200},
		{in: "三千五百万元", text: "三千五百", value: 3500},
		{in: "一百零二", text: "一百零二", value: 102},
		{in: "一千零五十", text: "一千零五十", value: 1050},
		{in: "二十三个", text: "二十三", value: 23},
		{in: "十五", text: "十五", value: 15},
		{in: "三千五", text: "三千五", value: 3500},
		{in: "一百二", text: "一百二", value: 120},
		{in: "壹拾贰元", text: "壹拾贰", value: 12},
		{in: "三点五亿", text: "三点五", value: 3.5},
		{in: "廿三", text: "廿三", value: 23},
		// Approximate numerals.
		{in: "三四十家", text: "三四十", value: 30, max: 40, approx: true},
		{in: "十七八岁", text: "十七八", value: 17, max: 18, approx: true},
		{in: "七八百人", text: "七八百", value: 700, max: 800, approx: true},
		{in: "三四个", text: "三四", value: 3, max: 4, approx: true},
		{in: "三五个", text: "三五", value: 3, max: 5, approx: true},
		{in: "十几个", text: "十几", value: 10, max: 19, approx: true},
		{in: "二十几万", text: "二十几", value: 20, max: 29, approx: true},
		{in: "零点五", text: "零点五", value: 0.5},
		{in: "两千三点一", text: "两千三点一", value: 2300.1},
		{in: "一万零十二", text: "一万零十二", value: 10012},
		{in: "两百点两", text: "两百点两", value: 200.2},
		{in: "九九点九", text: "九九点九", value: 99.9},
		{in: "十点三十分", text: "十", value: 10},
		{in: "几百人", text: "几百", value: 100, max: 900, approx: true},
		// Digit by digit.
		{in: "二〇二三年", text: "二〇二三", value: 2023, digitwise: true},
		{in: "二○二三年", text: "二○二三", value: 2023, digitwise: true},
		{in: "一九九八年", text: "一九九八", value: 1998, digitwise: true},
		// Mixed.
		{in: "3千5百", text: "3千5百", value: 3500},
		{in: "1万600人", text: "1万600", value: 10600},
		{in: "2万5千公里", text: "2万5千", value: 25000},
		{in: "10亿零817万5288人", text: "10亿零817万5288", value: 1008175288},
		{in: "1亿3千多万", text: "1亿3千多万", value: 130000000},
		{in: "1亿3千万元", text: "1亿3千万", value: 130000000},
		{in: "一万二", text: "一万二", value: 12000},
		{in: "5千多户", text: "5千", value: 5000},
		{in: "4千亿元", text: "4千", value: 4000},
	}
	for _, tt := range tests {
		num, size := numeral.Scan(tt.in)
		if got := tt.in[:size]; got != tt.text {
			t.Errorf("Scan(%q) read %q, want %q", tt.in, got, tt.text)
			continue
		}
		max := tt.max
		if max == 0 {
			max = tt.value
		}
		if num.Value != tt.value || num.Max != max || num.Approx != tt.approx {
			t.Errorf("Scan(%q)=%v..%v approx=%v, want %v..%v approx=%v", tt.in, num.Value, num.Max, num.Approx, tt.value, max, tt.approx)
		}
		if num.Decimal != tt.decimal {
			t.Errorf("Scan(%q).Decimal=%q, want %q", tt.in, num.Decimal, tt.decimal)
		}
		if num.DigitByDigit != tt.digitwise {
			t.Errorf("Scan(%q).DigitByDigit=%v", tt.in, num.DigitByDigit)
		}
	}
}

// Ensure words that contain numeral characters are not read as numbers.
func TestScanNotANumber(t *testing.T) {
	for _, in := range []string{
		"万众一心", "千家万户", "百舸争流", "亿元", "零星", "〇〇村", "○○村",
		"是", "", "点",
	} {
		if _, size := numeral.Scan(in); size != 0 {
			t.Errorf("Scan(%q) read %q, want nothing", in, in[:size])
		}
	}
}

func TestScanStops(t *testing.T) {
	tests := []struct{ in, text string }{
		{"一5", "一"},
		{"5三", "5"},
		{"一是", "一"},
		{"十四五", "十四五"}, // a range of digits; the caller sees no unit and skips it
		{"1+3", "1"},
		{"十百", "十"},
		{"五十三百", "五十三"},
	}
	for _, tt := range tests {
		if _, size := numeral.Scan(tt.in); tt.in[:size] != tt.text {
			t.Errorf("Scan(%q) read %q, want %q", tt.in, tt.in[:size], tt.text)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in    string
		value float64
		ok    bool
	}{
		{"9.01亿", 901000000, true},
		{"1.6万", 16000, true},
		{"十五万", 150000, true},
		{"三千五百万", 35000000, true},
		{"5.3万亿", 5.3e12, true},
		{"一千二百", 1200, true},
		{"一千二百人", 0, false},
		{"亿", 0, false},
	}
	for _, tt := range tests {
		num, ok := numeral.Parse(tt.in)
		if ok != tt.ok || ok && num.Value != tt.value {
			t.Errorf("Parse(%q)=%v,%v want %v,%v", tt.in, num.Value, ok, tt.value, tt.ok)
		}
	}
	if num, _ := numeral.Parse("9.01亿"); num.Decimal != "901000000" {
		t.Errorf("Parse(9.01亿).Decimal=%q", num.Decimal)
	}
}

func TestScaleDecimal(t *testing.T) {
	tests := []struct {
		d     string
		scale float64
		want  string
	}{
		{"9.01", 1e8, "901000000"},
		{"645.3", 1e8, "64530000000"},
		{"1.6", 1e4, "16000"},
		{"0.39", 1, "0.39"},
		{"0.0005", 1e4, "5"},
		{"0.00005", 1e4, "0.5"},
		{"237.15", 1e4, "2371500"},
		{"5.3", 1e12, "5300000000000"},
		{"12.50", 1, "12.5"},
	}
	for _, tt := range tests {
		if got := numeral.ScaleDecimal(tt.d, tt.scale); got != tt.want {
			t.Errorf("ScaleDecimal(%q,%g)=%q, want %q", tt.d, tt.scale, got, tt.want)
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{"9.01亿元", "三四十家", "1亿3千多万", "二〇二三年", "12,500", "十几", "廿三", "3千5百", "一百零二",
		"零点五", "两百点两", "两千三点一", "４，５６５户", "五万亿三千亿", "六百万点八四", "九九点九", "十点三十分", "二十几万"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		num, size := numeral.Scan(s)
		if size < 0 || size > len(s) {
			t.Fatalf("size %d out of range for %q", size, s)
		}
		if size == 0 {
			return
		}
		if !utf8.ValidString(s[:size]) && utf8.ValidString(s) {
			t.Fatalf("Scan(%q) split a character: %q", s, s[:size])
		}
		if num.Max < num.Value {
			t.Fatalf("Scan(%q): max %v < value %v", s, num.Max, num.Value)
		}
		if num.Value < 0 {
			t.Fatalf("Scan(%q): negative %v", s, num.Value)
		}
		// Scanning the consumed text alone gives the same number.
		again, n := numeral.Scan(s[:size])
		if n != size || again.Value != num.Value {
			t.Fatalf("Scan(%q) not stable: %q→%v, alone %d→%v", s, s[:size], num.Value, n, again.Value)
		}
	})
}

func TestScanSeparators(t *testing.T) {
	tests := []struct {
		in, text string
		value    float64
	}{
		{"４，５６５户", "４，５６５", 4565},
		{"１２，３４５，６７８元", "１２，３４５，６７８", 12345678},
		{"１,２３４人", "１,２３４", 1234},
		{"1,234人", "1,234", 1234},
		// Near misses: a full-width comma after ASCII digits is a clause
		// mark (分别为3，456 is rare, but 增长3，456户 is a list); a group
		// of other than three digits is not a thousands group.
		{"3，456户", "3", 3},
		{"４，５６户", "４", 4},
		{"４，５６７８户", "４", 4},
		{"1，234", "1", 1},
	}
	for _, tt := range tests {
		num, size := numeral.Scan(tt.in)
		if tt.in[:size] != tt.text || num.Value != tt.value {
			t.Errorf("Scan(%q) read %q = %v, want %q = %v", tt.in, tt.in[:size], num.Value, tt.text, tt.value)
		}
	}
}
