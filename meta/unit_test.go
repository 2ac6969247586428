package meta

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"zongjie"
)

// Ensure unit names are read from the words of a title, a session or a
// speaker line: a chain of names keeps the last as the unit and the one
// before as its parent; a verb, an adjective or a common noun glued to a
// suffix (按照县, 省级园林县, 棚户区) is no name. A department after an
// area's name (临川区民政局) is the unit, the area its parent; a 社区
// is a community, not a district (桃园社区).
func TestChainAt(t *testing.T) {
	tests := []struct {
		in   string
		want string // "unit parent level", "-" for none
	}{
		{"保定市满城区", "满城区 保定市 district"},
		{"柏溪市岚山区2020年", "岚山区 柏溪市 district"},
		{"云岭省柏溪市岚山区", "岚山区 柏溪市 district"},
		{"上海市政府工作报告", "上海市  province"},
		{"广西壮族自治区政府工作报告", "广西壮族自治区  province"},
		{"桐溪土家族自治县", "桐溪土家族自治县  county"},
		{"安乡县人民政府", "安乡县  county"},
		{"湘乡市", "湘乡市  city"},
		{"红旗区人民政府", "红旗区  district"},
		{"沙市区", "沙市区  district"},
		{"市中区", "市中区  district"},
		{"镇江市", "镇江市  city"},
		{"达茂旗", "达茂旗  county"},
		{"阿克苏地区", "阿克苏地区  city"},
		{"关于石桥镇", "石桥镇  town"},
		{"中共石桥镇委员会", "石桥镇  town"},
		{"**街道", "**街道  street"},
		{"xx市xx区", "xx区 xx市 district"},
		{"公路街办", "公路街办  street"},
		// A 街道's office is the 街道.
		{"枫林街道办事处2026年工作总结和2027年工作计划", "枫林街道  street"},
		{"临川区枫林街道办事处", "枫林街道 临川区 street"},
		{"城关街道办2026年上半年工作总结", "城关街道  street"},
		{"near miss: 枫林街道2026年工作总结", "枫林街道  street"},
		{"near miss: 枫林街道党工委", "枫林街道  street"},
		{"新城区", "新城区  district"},
		{"县人民政府", "  county"},
		{"临川区民政局", "民政局 临川区 department"},
		{"临川区住房和城乡建设局", "住房和城乡建设局 临川区 department"},
		{"安平县发展和改革委员会关于", "发展和改革委员会 安平县 department"},
		{"江州市临川区人力资源和社会保障局", "人力资源和社会保障局 临川区 department"},
		{"临川区教育体育局局长2026年度述职述廉报告", "教育体育局 临川区 department"},
		{"临川区发展和改革委员会主任述职报告", "发展和改革委员会 临川区 department"},
		{"青禾街道桃园社区2026年工作总结", "桃园社区 青禾街道 community"},
		{"凤鸣社区党委书记", "凤鸣社区  community"},
		{"白沙镇东岭社区", "东岭社区 白沙镇 community"},
		{"柳河乡杨柳村2026年工作总结和明年工作思路", "杨柳村 柳河乡 "},
		{"新塘村2026年工作总结", "新塘村  "},
		{"东岭村第一书记", "东岭村  "},
		{"中共白沙镇委员会白沙镇人民政府关于2026年工作情况", "白沙镇  town"},
		{"near miss: 乡村振兴工作总结", "-"},
		{"near miss: 农村人居环境整治工作总结", "-"},
		{"near miss: 行政村2026年", "-"},
		{"near miss: 杨柳村民小组", "-"},
		{"near miss: 柳河乡杨柳村民小组", "柳河乡  township"},
		// A body's word ends the chain unless the same unit follows: the
		// sender is 白沙镇's committee, and a town is inside no town.
		{"near miss: 中共白沙镇委员会石桥镇", "白沙镇  town"},
		{"near miss: 白沙镇人民政府石桥镇", "白沙镇  town"},
		{"near miss: 安平县人大常委会白沙镇", "安平县  county"},
		{"near miss: 中共临川区委员会龙潭乡", "临川区  district"},
		{"临川区人民政府办公室", "人民政府办公室 临川区 department"},
		{"near miss: 临川区教育体育局局长办公会议", "临川区  district"},
		{"near miss: 社区2026年", "-"},
		{"near miss: 城市社区", "-"},
		{"near miss: 中共石桥镇委员会", "石桥镇  town"},
		{"near miss: 临川区公安局交通警察大队", "临川区  district"},
		{"near miss: 民政局", "-"},
		{"near miss: 上海市市长", "上海市  province"},
		{"near miss: 按照县委", "-"},
		{"near miss: 实施县域", "-"},
		{"near miss: 大力提升县城", "-"},
		{"near miss: 离不开县委", "-"},
		{"near miss: 省级园林县城", "-"},
		{"near miss: 落实省委", "-"},
		{"near miss: 确保新城区", "-"},
		{"near miss: 旧城区", "-"},
		{"near miss: 棚户区", "-"},
		{"near miss: 自觉接受区人大", "-"},
		{"near miss: 开发区", "-"},
		{"near miss: 全县", "-"},
		{"near miss: 我镇", "-"},
		{"near miss: 城乡", "-"},
		{"near miss: 街道2023年", "-"},
		{"near miss: 自治区", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			in := tt.in
			if len(in) > len("near miss: ") && in[:len("near miss: ")] == "near miss: " {
				in = in[len("near miss: "):]
			}
			got := "-"
			if u, ok := chainAt(in); ok {
				got = fmt.Sprintf("%s %s %s", u.name, u.parent, u.level)
			}
			if got != tt.want {
				t.Errorf("chainAt(%q) = %q, want %q", in, got, tt.want)
			}
		})
	}
}

// Ensure the session and speaker lines under a title give the unit, and a
// national session its year.
func TestHeaderLines(t *testing.T) {
	tests := []struct {
		line string
		want string // "unit parent level | year", "-" when the line gives nothing
	}{
		{"——2026年1月20日在云岭省第十四届人民代表大会第四次会议上", "云岭省  province | 0"},
		{"在桐溪县第十七届人民代表大会第三次会议上", "桐溪县  county | 0"},
		{"——在柏溪市岚山区第五届人民代表大会第二次会议上", "岚山区 柏溪市 district | 0"},
		{"在市十六届人大四次会议上", "  city | 0"},
		{"——2018年3月5日在第十三届全国人民代表大会第一次会议上", "  national | 2018"},
		{"在十二届全国人大三次会议上", "  national | 2015"},
		{"第十一届全国人民代表大会第三次会议", "  national | 2010"},
		{"岚山区人民政府区长 周某", "岚山区  district | -"},
		{"云岭省省长　某某", "云岭省  province | -"},
		{"自治区主席 某某", "  province | -"},
		{"柏溪市代市长 某某", "柏溪市  city | -"},
		{"桐溪县人民政府县长李某", "桐溪县  county | -"},
		{"柳河乡党委副书记、乡长 黄建军", "柳河乡  township | -"},
		{"石桥镇党委书记 赵明远", "石桥镇  town | -"},
		{"南湖街道党工委副书记、办事处主任 某某", "南湖街道  street | -"},
		{"near miss: 县委书记 某某", "-"},
		{"near miss: 柳河乡党委委员、副乡长 某某", "-"},
		{"near miss: 第十一届全国人民代表大会第一次会议以来的五年", "  national | 2008"}, // a line; the header filter keeps body sentences out
		{"near miss: 来源：云岭日报", "-"},
		{"near miss: 时间：2026-02-09", "-"},
		{"near miss: 按照县委部署 县长 某某", "-"},
		{"near miss: 市长热线", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			line := tt.line
			if len(line) > len("near miss: ") && line[:len("near miss: ")] == "near miss: " {
				line = line[len("near miss: "):]
			}
			got := "-"
			if s, ok := sessionAt(line); ok {
				got = fmt.Sprintf("%s %s %s | %d", s.unit.name, s.unit.parent, s.unit.level, s.year)
			} else if u, ok := speakerUnit(line); ok {
				got = fmt.Sprintf("%s %s %s | -", u.name, u.parent, u.level)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Ensure a dated subtitle gives the year of the report it dates, the next
// year for a congress held in November or December.
func TestSubtitleDate(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		{"——2024年1月10日在桐溪县第十八届人民代表大会第四次会议上", 2024},
		{"（2024年1月10日）", 2024},
		{"——2023年12月28日在桐溪县第十八届人民代表大会第三次会议上", 2024},
		{"2022年1月6日在云岭省第十三届人民代表大会第五次会议上 云岭省省长 某某", 2022},
		{"near miss: 时间：2026-02-09", 0},
		{"near miss: 2024年1月10日", 0}, // a bare date line is no subtitle
		{"near miss: ——在2024年经济工作会议上", 0},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			line := tt.line
			if len(line) > len("near miss: ") && line[:len("near miss: ")] == "near miss: " {
				line = line[len("near miss: "):]
			}
			got, _, _ := subtitleDate(line)
			if got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

// Ensure placeholderHits' byte table steps over whole characters, and
// only over characters no placeholder starts with.
func TestPlaceholderStep(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		n := int(placeholderStep[s[0]])
		if n == 0 {
			continue
		}
		if n != len(s) {
			t.Errorf("%U: placeholderStep steps %d bytes over a character of %d", r, n, len(s))
		}
		if placeholderAt(s+"街道", 0) != 0 {
			t.Errorf("%U starts a placeholder but placeholderStep steps over it", r)
		}
	}
}

// Ensure a work team's or first secretary's title gives the village it
// works in, not the department that sends it.
func TestUnitInTitleStationed(t *testing.T) {
	tests := []struct{ in, want string }{
		{"临川区住房和城乡建设局驻龙潭乡龙口村工作队2026年工作总结", "龙口村 龙潭乡 "},
		{"驻新庄村工作队2026年上半年工作总结和下半年工作安排", "新庄村  "},
		{"驻白沙镇东岭村第一书记2026年度个人工作总结", "东岭村 白沙镇 "},
		// A team sent to a 乡, 镇 or 街道 reports on it; the sender's area
		// is its parent.
		{"安平县财政局驻马坪乡乡村振兴工作队2026年工作总结", "马坪乡 安平县 township"},
		{"临川区商务局驻枫林街道帮扶工作组2026年工作总结", "枫林街道 临川区 street"},
		{"驻双溪镇工作队2026年工作总结", "双溪镇  town"},
		{"江州市卫生健康委员会驻龙潭乡服务队2026年上半年工作总结", "龙潭乡 江州市 township"},
		{"near miss: 驻马店市2026年政府工作报告", "驻马店市  city"},
		{"near miss: 白沙镇驻外商会2026年工作总结", "白沙镇  town"},
		{"near miss: 白沙镇驻村工作总结", "白沙镇  town"},
		{"near miss: 龙潭乡驻村帮扶工作总结", "龙潭乡  township"},
		{"near miss: 临川区住房和城乡建设局驻村工作2026年总结", "not a village"},
	}
	for _, tt := range tests {
		in, _ := strings.CutPrefix(tt.in, "near miss: ")
		got := "-"
		if u, ok := unitInTitle(in); ok {
			got = fmt.Sprintf("%s %s %s", u.name, u.parent, u.level)
		}
		if tt.want == "not a village" && !strings.Contains(got, "村") {
			continue
		}
		if got != tt.want {
			t.Errorf("unitInTitle(%q) = %q, want %q", in, got, tt.want)
		}
	}
}

// Ensure a unit its title names alone takes for parent the unit above it
// whose leadership its opening thanks, or the addressee it reports to;
// unnamed bodies, a unit of its own level, and other words give none.
func TestSuperior(t *testing.T) {
	community := unitFound{name: "幸福里社区", level: zongjie.LevelCommunity}
	township := unitFound{name: "龙潭乡", level: zongjie.LevelTownship}
	town := unitFound{name: "白沙镇", level: zongjie.LevelTown}
	village := unitFound{name: "新塘村"}
	tests := []struct {
		intro string
		u     unitFound
		want  string
	}{
		{"幸福里社区2026年工作总结\n\n2026年，幸福里社区在桂园街道党工委、办事处的坚强领导下，各项工作取得了新进展。", community, "桂园街道"},
		{"2026年，我在安平县委和乡党委的领导下，协助书记抓好党的建设。", township, "安平县"},
		{"中共白沙镇委员会 白沙镇人民政府\n关于2026年工作情况的报告\n\n中共安平县委、安平县人民政府：\n\n2026年，全镇…", town, "安平县"},
		{"2026年，新塘村党支部在清水镇党委、政府的坚强领导下，在安平县委的关心下，带领全村。", village, "清水镇"},
		{"在安平县委、县政府和白沙镇党委的坚强领导下", village, "白沙镇"},
		{"near miss: 在县委、县政府和镇党委的坚强领导下，全镇…", town, ""},
		{"near miss: 在区委区政府的坚强领导下，坚持稳中求进", unitFound{name: "青禾街道", level: zongjie.LevelStreet}, ""},
		{"near miss: 在桂园街道党工委的领导下，南湖街道…", unitFound{name: "南湖街道", level: zongjie.LevelStreet}, ""},
		{"near miss: 在安平县委的关心支持下，全乡…", township, ""},
		{"near miss: 我们在安平县开展调研，在街道党工委的领导下，…", community, ""},
		{"near miss: 在临川区民政局的指导下，…", community, ""},
		{"near miss: 在桂园街道党工委的领导下", unitFound{name: "民政局", level: zongjie.LevelDepartment}, ""},
		// 和, 及, 与 join two bodies only after a body's word; inside a
		// place's name they are part of it.
		{"2026年，幸福里社区在和平街道党工委、办事处的坚强领导下，", community, "和平街道"},
		{"今年以来，全乡在和田县委的坚强领导下，", township, "和田县"},
		{"今年以来，全乡在太和县委、县政府的坚强领导下，", township, "太和县"},
		{"2026年，新塘村在永和镇党委、政府的领导下，", village, "永和镇"},
		{"2026年，新塘村在共和镇党委的领导下，", village, "共和镇"},
		{"今年以来，全乡在和县县委的领导下，", township, "和县"},
		{"今年以来，全镇在临川区区委的领导下，", town, "临川区"},
		{"今年以来，全镇在临川区委和区政府的坚强领导下，", town, "临川区"},
		{"在安平县委及县政府的领导下", town, "安平县"},
		{"在安平县政府与白沙镇党委的领导下", village, "白沙镇"},
		{"在区委和和平街道党工委的领导下", community, "和平街道"},
		{"在临川区和平街道党工委的领导下", community, "和平街道"},
		{"near miss: 今年以来，在区委和区政府的坚强领导下，", unitFound{name: "和平街道", level: zongjie.LevelStreet}, ""},
		{"near miss: 在和平街道党工委的领导下，", unitFound{name: "和平街道", level: zongjie.LevelStreet}, ""},
		{"在区委和平安街道党工委的领导下", community, "平安街道"}, // after a body, 和 joins
	}
	for _, tt := range tests {
		intro, _ := strings.CutPrefix(tt.intro, "near miss: ")
		d := &detector{intro: intro}
		if got := d.superior(tt.u); got != tt.want {
			t.Errorf("superior(%q, %s) = %q, want %q", intro, tt.u.name, got, tt.want)
		}
	}
}

// Ensure a list of bodies splits at every 、 and at 和, 及, 与 after a
// body's word only, never inside a place's name.
func TestBodyList(t *testing.T) {
	tests := []struct{ in, want string }{
		{"在安平县委、县政府和白沙镇党委的领导下", "在安平县委|县政府|白沙镇党委的领导下"},
		{"在县委及县政府", "在县委|县政府"},
		{"区人大与区政协", "区人大|区政协"},
		{"在村党支部和村委会", "在村党支部|村委会"},
		{"在区委和和平街道党工委", "在区委|和平街道党工委"},
		{"near miss: 在和平街道党工委、办事处", "在和平街道党工委|办事处"},
		{"near miss: 在和田县委", "在和田县委"},
		{"near miss: 在太和县委", "在太和县委"},
		{"near miss: 在永和镇党委和政府", "在永和镇党委|政府"},
		{"near miss: 在临川区和平街道党工委", "在临川区和平街道党工委"},
		{"near miss: 在党和政府", "在党和政府"},
	}
	for _, tt := range tests {
		in, _ := strings.CutPrefix(tt.in, "near miss: ")
		if got := strings.Join(bodyList(in), "|"); got != tt.want {
			t.Errorf("bodyList(%q) = %q, want %q", in, got, tt.want)
		}
	}
}

// Ensure a line of unit names alone (a title's first line) is read as
// chainAt reads it: two bodies of one unit are one unit's line, a body
// followed by another unit is not.
func TestIsUnitLine(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"保定市满城区", true},
		{"石桥镇人民政府", true},
		{"中共白沙镇委员会 白沙镇人民政府", true},
		{"中共白沙镇委员会白沙镇人民政府", true},
		{"near miss: 中共白沙镇委员会 石桥镇人民政府", false},
		{"near miss: 安平县人大常委会白沙镇", false},
		{"near miss: 中共石桥镇委员会", false},
		{"near miss: 石桥镇2026年工作总结", false},
	}
	for _, tt := range tests {
		in, _ := strings.CutPrefix(tt.in, "near miss: ")
		if got := isUnitLine(in); got != tt.want {
			t.Errorf("isUnitLine(%q) = %v, want %v", in, got, tt.want)
		}
	}
}
