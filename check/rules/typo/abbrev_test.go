package typo

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPlaceAbbreviation checks the compounds of one-character place
// names: the character at the marked place (the one a suspect would
// replace) is part of one, or is not.
func TestPlaceAbbreviation(t *testing.T) {
	tests := []struct {
		text, at string // at: the text from the character on
		want     bool
	}{
		// Two names: a province's and a city's the text writes (苏锡常),
		// two cities' (锦营), two provinces' (京蒙, 川渝), whether the
		// text names the provinces or not.
		{"无锡、常州、苏州协同，苏锡常一体化", "锡常一体化", true},
		{"无锡、常州、苏州协同，苏锡常一体化", "常一体化", true},
		{"锦州、营口两地交流密切，锦营合作持续深化", "营合作", true},
		{"锦州、营口两地交流密切，锦营合作持续深化", "锦营合作", true},
		{"京蒙协作成效显著", "京蒙", true},
		{"川渝地区", "川渝", true},
		{"成都、资阳同城化，蓉资合作深化", "蓉资合作", true},
		// A name and a direction, one or two (蒙东, 浙西南, 苏北), or a
		// direction before a province's name (南疆).
		{"推动蒙东地区发展", "蒙东", true},
		{"推动蒙东地区发展", "东地区", true},
		{"浙西南山区", "南山区", true},
		{"苏北地区", "北地区", true},
		{"南疆四地州", "南疆", true},
		// A name and a word of trade.
		{"津企出海步伐加快", "企出海", true},
		{"津企出海步伐加快", "津企", true},
		{"甘味品牌价值提升", "味品牌", true},
		// Near-misses: a city's character where the text writes no such
		// city (锦营 alone), or where it does but its neighbours are no
		// names (增常 in a text of 常州, 锦营 beside 民营企业 in a text of
		// 锦州 alone), 中 (吉中 is a typo of 集中 sooner than central 吉林),
		// a direction after no name, a word of trade after no name.
		{"推动锦营合作持续深化", "锦营合作", false},
		{"推动锦营合作持续深化", "营合作", false},
		{"常州市经济增常较快", "常较快", false},
		{"锦州市支持民营企业锦营发展", "锦营发展", false},
		{"推动资源吉中配置", "吉中配置", false},
		{"加快东部发展", "东部发展", false},
		{"服务企业发展", "企业发展", false},
		{"贯澈落实", "澈落实", false},
	}
	for _, tt := range tests {
		at := strings.Index(tt.text, tt.at)
		if at < 0 {
			t.Fatalf("%s: no %s", tt.text, tt.at)
		}
		var n placeNames
		if got := n.abbreviation(tt.text, at); got != tt.want {
			t.Errorf("%s at %s: abbreviation %v, want %v", tt.text, tt.at, got, tt.want)
		}
	}
}

// TestNonWordAbbreviation runs TY008 over sentences holding compounds of
// place names that it took for typos before the compound test (锦营 →
// 经营, 蓉资 → 融资), and over typos whose wrong character is a place
// name of the text but in no compound, which it still finds.
func TestNonWordAbbreviation(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, want string
	}{
		{"锦州、营口两地交流密切，锦营合作持续深化。", ""},
		{"成都、资阳两地交流密切，蓉资合作持续深化。", ""},
		// Near-misses: the same characters where the text writes neither
		// city, or writes one of them and the other character is none.
		{"推动锦营合作持续深化。", "锦营→经营"},
		{"锦州市持续优化营商环境，经营主体增长，锦州港吞吐量稳步增长。支持民营企业锦营发展。", "锦营→经营"},
		{"成都市推进金融改革，拓宽蓉资渠道，融资规模扩大。", "蓉资→融资"},
		{"常州市经济增常较快，增长势头良好，增长质量提升。", "增常→增长"},
		{"吉林省大力推进改革，全省上下吉极行动，积极扩大开放，积极培育新动能。", "吉极→积极"},
	}
	for _, tt := range tests {
		wantFinding(t, l, tt.text, tt.want)
	}
}

// TestCityNames checks the table of cities: no name written twice, each
// of two to five characters, its one-character names characters.
func TestCityNames(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range strings.Fields(cityNames) {
		name, abbr, _ := strings.Cut(f, ":")
		if seen[name] {
			t.Errorf("%s twice", name)
		}
		seen[name] = true
		if n := utf8.RuneCountInString(name); n < 2 || n > 5 {
			t.Errorf("%s: %d characters", name, n)
		}
		for _, r := range name + abbr {
			if !isHan(r) {
				t.Errorf("%s: %q is no character", f, r)
			}
		}
	}
	if len(seen) < 333 {
		t.Errorf("%d cities, want the 333 prefecture-level divisions and more", len(seen))
	}
	for _, r := range "锡甬常大" {
		if len(citiesOf[r]) == 0 {
			t.Errorf("%c: no city", r)
		}
	}
}
