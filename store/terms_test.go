package store

import (
	"math/rand/v2"
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

// Ensure CountPhrase counts the tokens and the phrase's occurrences as
// the spaced text shows them: " " + Spaced(text) + " " searched for
// " " + phrase + " " at every byte (occurrences overlap), on texts and
// phrases of Chinese characters, ASCII runs, full-width letters and
// punctuation, each phrase found and not.
func TestCountPhrase(t *testing.T) {
	for _, tc := range []struct {
		text, phrase string
		tokens, tf   int
	}{
		{"推进垃圾分类，垃圾分类取得实效", "垃圾分类", 14, 2},
		{"推进垃圾分类，垃圾分 类", "垃圾分类", 10, 2}, // the space is not a token
		{"推进垃圾分拣", "垃圾分类", 6, 0},
		{"长长长", "长长", 3, 2},
		{"GDP增长5.6%，ＧＤＰ", "gdp", 6, 2},
		{"GDPS增长", "gdp", 3, 0},
		{"", "就业", 0, 0},
	} {
		n, tf := CountPhrase(tc.text, Terms(tc.phrase))
		if n != tc.tokens || tf != tc.tf {
			t.Errorf("CountPhrase(%q, %q) = %d, %d; want %d, %d", tc.text, tc.phrase, n, tf, tc.tokens, tc.tf)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alpha := []string{"就", "业", "长", "ab", "Ａ", "，", " ", "1", "é"}
	pick := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alpha[rng.IntN(len(alpha))])
		}
		return b.String()
	}
	for range 5000 {
		text, query := pick(rng.IntN(30)), pick(1+rng.IntN(4))
		phrase := Spaced(query)
		if phrase == "" {
			continue
		}
		hay, needle := " "+Spaced(text)+" ", " "+phrase+" "
		want := 0
		for j := 0; ; {
			k := strings.Index(hay[j:], needle)
			if k < 0 {
				break
			}
			want++
			j += k + 1
		}
		n, tf := CountPhrase(text, strings.Split(phrase, " "))
		if wantN := len(Terms(text)); n != wantN || tf != want {
			t.Fatalf("CountPhrase(%q, %q) = %d, %d; want %d, %d", text, phrase, n, tf, wantN, want)
		}
	}
}
