package reuse_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"zongjie/reuse"
)

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"全年完成投资9.01亿元，同比增长33.0％。", "全年完成投资0亿元同比增长0"},
		{"走访辖区企业xx户，**街道、某某社区", "走访辖区企业0户0街道0社区"},
		{"２０２３年ＧＤＰ增长５．２%", "0年gdp增长0"},
		{"使用Excel表格x.x亿元", "使用excel表格0亿元"},
		{"一、 坚持  党建引领\n（一）", "一坚持党建引领一"},
		{"1,234户和1，234户", "0户和0户"},
		{"", ""},
		// Page chrome and an appended notice are not the report's text.
		{"下载\n【字号：\n大\n】\n工作总结\n来源：某某日报\n正文。", "工作总结正文"},
		{"正文完。\n\n本作品属于公有领域\nPublic domain\n", "正文完"},
		{"正文：来源：财政拨款。", "正文来源财政拨款"},
	} {
		if got := string(reuse.Normalize(tc.in).Runes); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestNoticeNotShared: two reports with one licence pasted after them
// share nothing (the notice used to be their longest common passage).
func TestNoticeNotShared(t *testing.T) {
	notice := "\n\n本作品是依法公开的政府文件，属于公有领域，任何人可以自由复制、传播。\n注：本页文字转自维基文库，版本说明见讨论页。\nPublic domain\nfalse\n"
	a := "石桥镇今年新建农村公路十二公里，改造危房三十户，新增就业岗位四百个。" + notice
	b := "青禾街道完成老旧小区改造八个，建成社区食堂五家，办理民生实事十件。" + notice
	res := reuse.Compare(reuse.Normalize(a), reuse.Normalize(b), nil)
	if len(res.Passages) != 0 {
		t.Errorf("passages %+v, want none: the notice is not the reports' text", res.Passages)
	}
}

func TestNormalizeOffsets(t *testing.T) {
	in := "２０２３年，𠮷祥xx户"
	n := reuse.Normalize(in)
	if n.Chars != utf8.RuneCountInString(in) {
		t.Fatalf("Chars = %d", n.Chars)
	}
	// 0 ← ２０２３ (0–4), 年 (4–5), 𠮷 (6–7), 祥 (7–8), 0 ← xx (8–10), 户 (10–11)
	want := [][2]int32{{0, 4}, {4, 5}, {6, 7}, {7, 8}, {8, 10}, {10, 11}}
	if len(n.Runes) != len(want) {
		t.Fatalf("runes %q", string(n.Runes))
	}
	for i, w := range want {
		if n.Start[i] != w[0] || n.End[i] != w[1] {
			t.Errorf("rune %d (%q): [%d,%d), want %v", i, n.Runes[i], n.Start[i], n.End[i], w)
		}
	}
	if off, l := n.Span(1, 4); off != 4 || l != 4 {
		t.Errorf("Span(1,4) = %d,%d", off, l)
	}
	if got := n.Ink(0, n.Chars); got != n.Chars {
		t.Errorf("Ink = %d, want %d (no whitespace)", got, n.Chars)
	}
}

// TestWinnowingGuarantee checks the winnowing guarantee: texts sharing
// K+W-1 normalised characters share a fingerprint; and the density.
func TestWinnowingGuarantee(t *testing.T) {
	shared := string([]rune(strings.Repeat("推进基层治理现代化建设加快产业转型升级", 5))[:reuse.K+reuse.W-1])
	a := reuse.Normalize("坚持党建引领，强化组织保障。" + shared + "提升群众满意度。")
	b := reuse.Normalize("深化改革开放，激发市场活力，优化营商环境。" + shared + "抓好安全生产。")
	fa := map[uint64]bool{}
	for _, f := range a.Fingerprints() {
		fa[f.Hash] = true
	}
	common := 0
	for _, f := range b.Fingerprints() {
		if fa[f.Hash] {
			common++
		}
	}
	if common == 0 {
		t.Errorf("no common fingerprint for %d shared characters", reuse.K+reuse.W-1)
	}
	long := reuse.Normalize(strings.Repeat("街道坚持党建引领推动高质量发展办好民生实事", 200))
	_ = long.Fingerprints() // repetitive text: must not blow up
	text := reuse.Normalize(sampleText(20000))
	fps := text.Fingerprints()
	density := float64(len(fps)) / float64(len(text.Runes))
	if want := 2.0 / (reuse.W + 1); density < want*0.7 || density > want*1.3 {
		t.Errorf("density %.4f, want about %.4f", density, want)
	}
	for i := 1; i < len(fps); i++ {
		if fps[i].Pos <= fps[i-1].Pos || fps[i].Pos-fps[i-1].Pos > reuse.W {
			t.Fatalf("fingerprints %d and %d at %d and %d", i-1, i, fps[i-1].Pos, fps[i].Pos)
		}
	}
}

// sampleText returns n characters of varied Chinese text (a simple
// generator over common characters; no real report is copied).
func sampleText(n int) string {
	const chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
	rs := []rune(chars)
	var b strings.Builder
	x := uint32(1)
	for i := 0; i < n; i++ {
		x = x*1664525 + 1013904223
		b.WriteRune(rs[int(x>>8)%len(rs)])
		if i%37 == 36 {
			b.WriteString("。")
		}
	}
	return b.String()
}

func TestCompare(t *testing.T) {
	copied := "今年以来，街道聚焦老旧小区改造，完成12个小区的雨污分流和外立面整治，惠及居民2300余户，群众满意率明显提升。"
	a := "青禾街道2024年工作总结\n一、经济运行\n全年完成财政总收入7.48亿元。\n" + copied + "\n二、下步打算\n抓好项目建设。"
	b := "柳河乡2025年工作总结\n一、乡村振兴\n新建高标准农田1万亩，茶叶产值突破1亿元。\n" +
		strings.NewReplacer("12个", "xx个", "2300", "**", "，", ",").Replace(copied) + "\n二、存在问题\n产业基础薄弱。"
	r := reuse.Compare(reuse.Normalize(a), reuse.Normalize(b), nil)
	if len(r.Passages) != 1 {
		t.Fatalf("%d passages, want 1: %+v", len(r.Passages), r.Passages)
	}
	p := r.Passages[0]
	ga := string([]rune(a)[p.AOffset : p.AOffset+p.ALength])
	gb := string([]rune(b)[p.BOffset : p.BOffset+p.BLength])
	// The passage runs from the first to the last shared letter: the final
	// 。 is punctuation and left out.
	if want := strings.TrimSuffix(copied, "。"); ga != want {
		t.Errorf("A passage %q, want %q", ga, want)
	}
	if !strings.HasPrefix(gb, "今年以来,街道") || !strings.HasSuffix(gb, "明显提升") {
		t.Errorf("B passage %q", gb)
	}
	if p.Identical {
		t.Error("edited passage marked identical")
	}
	if r.A.Reuse < 0.4 || r.A.Reuse > 0.8 || r.A.ReusedChars != utf8.RuneCountInString(ga) {
		t.Errorf("A side %+v", r.A)
	}

	same := reuse.Compare(reuse.Normalize(a), reuse.Normalize(a), nil)
	if same.A.Reuse < 0.99 || !same.Passages[0].Identical {
		t.Errorf("a text against itself: %+v", same.A)
	}
	none := reuse.Compare(reuse.Normalize(a), reuse.Normalize(sampleText(500)), nil)
	if len(none.Passages) != 0 || none.A.Reuse != 0 {
		t.Errorf("unrelated texts: %+v", none)
	}
	empty := reuse.Compare(reuse.Normalize(""), reuse.Normalize(a), nil)
	if len(empty.Passages) != 0 || empty.A.Chars != 0 {
		t.Errorf("empty text: %+v", empty)
	}
}

func TestBoilerplate(t *testing.T) {
	bp := reuse.StockPhrases()
	lead := "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，在区委区政府的坚强领导下，"
	a := lead + "石桥镇聚焦特色农业，新建高标准农田1万亩。"
	b := lead + "青禾街道聚焦城市更新，完成老旧小区改造12个。"
	r := reuse.Compare(reuse.Normalize(a), reuse.Normalize(b), bp)
	if len(r.Passages) != 1 || !r.Passages[0].Boilerplate {
		t.Fatalf("passages %+v, want one boilerplate passage", r.Passages)
	}
	if r.A.Reuse < 0.5 || r.A.ReuseOwn > 0.1 {
		t.Errorf("A: reuse %.2f, without stock phrases %.2f", r.A.Reuse, r.A.ReuseOwn)
	}
	plain := reuse.Compare(reuse.Normalize(a), reuse.Normalize(b), nil)
	if plain.A.ReuseOwn != plain.A.Reuse || plain.Passages[0].Boilerplate {
		t.Errorf("no boilerplate set: %+v", plain.A)
	}
}

func FuzzCompare(f *testing.F) {
	f.Add("今年以来，街道完成12个小区改造。", "今年以来,街道完成xx个小区改造。")
	f.Add("xX*＊×○□某1,2.3", "")
	f.Fuzz(func(t *testing.T, a, b string) {
		na, nb := reuse.Normalize(a), reuse.Normalize(b)
		r := reuse.Compare(na, nb, reuse.StockPhrases())
		for _, p := range r.Passages {
			if p.AOffset < 0 || p.ALength <= 0 || p.AOffset+p.ALength > na.Chars ||
				p.BOffset < 0 || p.BLength <= 0 || p.BOffset+p.BLength > nb.Chars {
				t.Fatalf("passage %+v outside %d/%d characters", p, na.Chars, nb.Chars)
			}
		}
		if r.A.ReusedChars > r.A.Chars || r.B.ReusedChars > r.B.Chars || r.A.BoilerplateChars > r.A.ReusedChars {
			t.Fatalf("sides %+v %+v", r.A, r.B)
		}
	})
}

// Ensure Excerpts gives what Original gives, for every stretch of texts
// of one-, two-, three- and four-byte characters, invalid bytes (which
// Original gives as U+FFFD) and an empty text.
func TestExcerpts(t *testing.T) {
	for _, s := range []string{"", "ab，2024年\n青禾𠀀街道", "x\xffy\xe4\xb8z", "   \t全角ＡＢＣ"} {
		text := reuse.Normalize(s)
		excerpt := text.Excerpts()
		for start := 0; start <= text.Chars; start++ {
			for end := start; end <= text.Chars; end++ {
				if got, want := excerpt(start, end), text.Original(start, end); got != want {
					t.Fatalf("%q [%d, %d): %q, want %q", s, start, end, got, want)
				}
			}
		}
	}
}
