package typo

import (
	"slices"
	"strings"
	"testing"
)

// TestInName checks the name contexts of TY008: a span at most one
// character after a title and a separator, or one before an honorific,
// may be a person's name; a title inside running text is none.
func TestInName(t *testing.T) {
	tests := []struct {
		text, span string
		want       bool
	}{
		{"某省人民政府省长 王清宪\n", "清宪", true},
		{"主任：李明华同志", "明华", true},
		{"表彰张晓峰同志的事迹", "晓峰", true},
		{"市长 刘文", "刘文", true},
		// Near-misses: a title in running text, a span too far away.
		{"推进城市长效管理", "长效", false},
		{"总书记考察重要讲话精神", "考察", false},
		{"省长 王清宪作报告", "报告", false},
		{"自治区主席 嘎玛泽登\n", "泽登", true},
		{"责任编辑：刘晓明）", "晓明", true},
		{"坚持贯澈落实", "贯澈", false},
	}
	for _, tt := range tests {
		start := indexOf(tt.text, tt.span)
		if got := inName(tt.text, start, start+len(tt.span)); got != tt.want {
			t.Errorf("%s, %s: inName %v, want %v", tt.text, tt.span, got, tt.want)
		}
	}
}

// TestRegionAbbreviation checks that a span holding a province's
// one-character name is left alone and that the common ones do not count.
func TestRegionAbbreviation(t *testing.T) {
	for s, want := range map[string]bool{"浙里": true, "皖台": true, "沪苏": true, "陕亮": true, "贯澈": false, "新港": false, "吉能": false} {
		if got := hasRegionChar(s); got != want {
			t.Errorf("%s: %v, want %v", s, got, want)
		}
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// TestOwnRegions checks that a province named twice lends its
// one-character names, and one named once or not at all does not.
func TestOwnRegions(t *testing.T) {
	tests := []struct{ text, want string }{
		{"天津市政府工作报告。天津要建设津城。", "津"},
		{"吉林省……吉林：吉能集团", "吉"},
		{"天津市政府工作报告。", ""},
		{"推进京津冀协同发展。", ""},
	}
	for _, tt := range tests {
		if got := ownRegions(tt.text); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.text, got, tt.want)
		}
	}
}

// ownRegions returns lexicon.regionsOf for text, whose ids it reads as
// scanner.scan does.
func ownRegions(text string) string {
	l, err := loadLexicon()
	if err != nil {
		panic(err)
	}
	sc := &scanner{l: l}
	sc.scan(text)
	return l.regionsOf(sc.all)
}

// TestOwnRegionsCount checks the one pass of ownRegions against a count
// of each name, on the tuning texts and on texts that name provinces
// twice, one after the other and inside each other's names.
func TestOwnRegionsCount(t *testing.T) {
	want := func(text string) string {
		var b strings.Builder
		for _, p := range provinces {
			if strings.Count(text, p.name) >= 2 {
				b.WriteString(p.abbr)
			}
		}
		return b.String()
	}
	texts := []string{"", "北京", "北京北京", "河北河南河北湖南", "内蒙古内蒙古、广西广东广西", "陕西西藏陕西西藏", "𠀀北京𠀀北京"}
	for _, e := range evalTexts(t) {
		texts = append(texts, e.text)
	}
	for _, text := range texts {
		if got, w := ownRegions(text), want(text); got != w {
			t.Errorf("%.30q: %q, want %q", text, got, w)
		}
	}
}

// TestScanIDs checks the ids that the scan gives each character against
// a plain decoding: a character of three bytes has its id, anything else
// (ASCII, other lengths, a lead byte without its two continuation bytes)
// is 0 and as long as the decoder says.
func TestScanIDs(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"贯彻落实", "a贯彻1", "\xe41\x85贯彻", "\xe4\x85贯彻", "贯彻\xe4\xb8", "贯\xe4\xb8", "é贯𠀀彻", "\x85\x85贯", "\xe4\xb8\x41贯",
		"贯彻落实新发展理念\xe4\xb8", "贯彻，落实。abc贯彻落实新", "贯彻落实新发\xe4\x85展理念", "贯彻落实a", "贯彻落实新发展理念", "贯彻落实é新发展理念𠀀",
	}
	for _, text := range texts {
		var want []uint16
		for i := 0; i < len(text); {
			r, size := decodeAt(text, i)
			var id uint16
			if size == 3 {
				id = l.id[r]
			}
			want = append(want, id)
			i += size
		}
		sc := &scanner{l: l}
		sc.scan(text)
		if !slices.Equal(sc.all, want) {
			t.Errorf("%q: ids %v, want %v", text, sc.all, want)
		}
	}
}
