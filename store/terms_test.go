package store

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"，。、；：  \n\t", nil},
		{"增长", []string{"增", "长"}},
		{"就业", []string{"就", "业"}},
		{"稳就业、促增长", []string{"稳", "就", "业", "促", "增", "长"}},
		{"GDP增长5.2%", []string{"gdp", "增", "长", "5", "2"}},
		{"全年GDP同比增长５．２％", []string{"全", "年", "gdp", "同", "比", "增", "长", "5", "2"}},
		{"２０２３年", []string{"2023", "年"}},
		{"ＧＤＰ", []string{"gdp"}},
		{"ｇｄｐ和ＧＤＰ", []string{"gdp", "和", "gdp"}},
		{"5G基站12345个", []string{"5g", "基", "站", "12345", "个"}},
		{"“十四五”规划", []string{"十", "四", "五", "规", "划"}},
		{"二〇二三年", []string{"二", "〇", "二", "三", "年"}},
		{"①完成②推进", []string{"完", "成", "推", "进"}},
		{"ＡＢＣ-def_Ghi", []string{"abc", "def", "ghi"}},
		{"Café", []string{"caf", "é"}},
		{"ÉCOLE", []string{"é", "cole"}},
		{"绿色GDP核算", []string{"绿", "色", "gdp", "核", "算"}},
		{"x\xffy", []string{"x", "y"}},
		{"  PM2.5浓度 ", []string{"pm2", "5", "浓", "度"}},
	}
	for _, tt := range tests {
		if got := Terms(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("Terms(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSpaced(t *testing.T) {
	if got, want := Spaced("GDP增长5.2%"), "gdp 增 长 5 2"; got != want {
		t.Errorf("Spaced = %q, want %q", got, want)
	}
	if got := Spaced("。；"); got != "" {
		t.Errorf("Spaced of punctuation = %q, want empty", got)
	}
}

func BenchmarkSpaced(b *testing.B) {
	text := strings.Repeat("全年实现地区生产总值（GDP）12.6亿元，同比增长6.1%，新增城镇就业岗位860个。", 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Spaced(text)
	}
}

// The fast path for CJK Unified Ideographs agrees with the general rule.
func TestTermsIdeographs(t *testing.T) {
	for r := rune(0x4e00); r <= 0x9fff; r++ {
		if !unicode.IsLetter(r) || unicode.ToLower(r) != r {
			t.Fatalf("%U is not a caseless letter", r)
		}
	}
}
