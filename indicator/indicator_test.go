package indicator

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		name, key, change string
	}{
		{"规上工业增加值", "规模以上工业增加值", ""},
		{"规模以上工业增加值", "规模以上工业增加值", ""},
		{"新增城镇就业", "城镇新增就业", ""},
		{"全年城镇新增就业", "城镇新增就业", ""},
		{"居民消费价格涨幅", "居民消费价格", "up"},
		{"CPI涨幅", "居民消费价格", "up"},
		{"把居民消费价格涨幅", "居民消费价格", "up"},
		{"居民消费价格总水平", "居民消费价格", ""},
		{"经济增长预期目标定为", "生产总值", "up"},
		{"提出国内生产总值", "生产总值", ""},
		{"地区生产总值", "生产总值", ""},
		{"能耗强度", "单位生产总值能耗", ""},
		{"单位国内生产总值能耗", "单位生产总值能耗", ""},
		{"拟安排财政赤字", "财政赤字", ""},
		{"赤字率在", "赤字率", ""},
		{"去年居民消费价格涨幅回落到", "居民消费价格", "up"},
		{"广义货币M2", "广义货币", ""},
		{"ＧＤＰ", "生产总值", ""},
		{"工业企业“小升规”", "工业企业小升规", ""},
		{"为经营主体减税降费", "减税降费", ""},
		{"物价涨幅", "居民消费价格", "up"},
		{"城镇新增就业人数", "城镇新增就业", ""},
		// a leading word that begins a word is kept: 使用, 和谐, 再生
		{"实际使用外商直接投资", "使用外商直接投资", ""},
		{"再生资源回收量", "再生资源回收量", ""},
		{"使城镇化率", "城镇化率", ""},
		{"再新增就业", "新增就业", ""},
		{"减少农村贫困人口", "贫困人口", "down"},
		{"再减少农村贫困人口", "贫困人口", "down"},
		{"农村贫困人口脱贫", "贫困人口", "down"},
		{"农村贫困人口实现脱贫", "贫困人口", "down"},
		{"脱贫", "贫困人口", "down"},
		{"易地搬迁脱贫", "易地扶贫搬迁", ""},
		{"易地扶贫搬迁人口", "易地扶贫搬迁", ""},
		{"脱贫攻坚投入", "脱贫攻坚投入", ""},
		{"5G基站", "5G基站", ""},
		{"为困难家庭实施危房改造", "困难家庭危房改造", ""},
		{"实施危房改造", "危房改造", ""},
		{"新建5G基站", "新建5G基站", ""},
		{"PM2.5", "PM2.5", ""},
		{"3个", "个", ""},
		{"提高常住人口城镇化率", "常住人口城镇化率", "up"},
		{"提升乡镇卫生院", "提升乡镇卫生院", ""},
		{"增加值", "增加值", ""},
		{"新增就业", "新增就业", ""},
		{"高新技术企业总数", "高新技术企业", ""},
		{"一般公共预算收入完成", "公共预算收入", ""},
		{"完成率", "完成率", ""},
		{"货物进出口总额", "进出口", ""},
		{"货物贸易进出口", "进出口", ""},
		{"向企业减税降费", "减税降费", ""},
		{"赤字率拟按", "赤字率", ""},
		{"粮食产量首次跃上", "粮食产量", ""},
		{"城镇调查失业率平均为", "调查失业率", ""},
		{"地方一般公共预算收入", "公共预算收入", ""},
		// near misses: a different indicator stays different
		{"为企业服务次数", "为企业服务次数", ""},
		{"城镇登记失业率", "登记失业率", ""},
		{"城镇调查失业率", "调查失业率", ""},
		{"服务业增加值占国内生产总值比重", "服务业增加值占比", ""},
		{"数字经济核心产业增加值占地区生产总值的比重", "数字经济核心产业增加值占比", ""},
		{"民生支出占一般公共预算支出比重", "民生支出占比", ""},
		{"农村居民人均可支配收入", "农村居民人均可支配收入", ""},
	}
	for _, tt := range tests {
		got := Parse(tt.name)
		if got.Key != tt.key || got.Change != tt.change {
			t.Errorf("Parse(%q) = %q %q, want %q %q", tt.name, got.Key, got.Change, tt.key, tt.change)
		}
	}
}

func TestBare(t *testing.T) {
	for _, k := range []string{"", "增长", "同比", "全年", "率", "连续"} {
		if !Bare(k) {
			t.Errorf("Bare(%q) = false, want true", k)
		}
	}
	for _, k := range []string{"财政收入", "粮食产量", "赤字率", "连续增产"} {
		if Bare(k) {
			t.Errorf("Bare(%q) = true, want false", k)
		}
	}
}

// TestReaches: a verb alone whose object the figure counts, not a name
// that holds such a verb.
func TestReaches(t *testing.T) {
	for name, want := range map[string]bool{"惠及": true, "又有": true, "覆盖": true, "惠及群众": false, "覆盖率": false, "完成": false} {
		if got := Reaches(name); got != want {
			t.Errorf("Reaches(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestLowerIsBetter(t *testing.T) {
	for key, want := range map[string]bool{
		"居民消费价格": true, "登记失业率": true, "单位生产总值能耗": true, "赤字率": true,
		"生产总值": false, "城镇新增就业": false, "粮食产量": false,
	} {
		if got := LowerIsBetter(key); got != want {
			t.Errorf("LowerIsBetter(%q) = %v, want %v", key, got, want)
		}
	}
}

func TestSimilarity(t *testing.T) {
	if s := Similarity("工业企业小升规", "新增小升规工业企业"); s < 0.75 {
		t.Errorf("reordered name: %.2f, want ≥ 0.75", s)
	}
	if s := Similarity("固定资产投资", "社零额"); s != 0 {
		t.Errorf("different names: %.2f, want 0", s)
	}
	if s := Similarity("生产总值", "全市生产总值达到"); s != 1 {
		t.Errorf("contained: %.2f, want 1", s)
	}
}

// TestTextKeepsChinesePunctuation: the name shown keeps the marks as
// written. Folding widths wholesale turned 、 into ､ (U+FF64) and 。 into ｡
// (U+FF61); only full-width ASCII (ＧＤＰ, ２０) is folded.
func TestTextKeepsChinesePunctuation(t *testing.T) {
	tests := []struct{ name, text string }{
		{"城镇、农村居民人均可支配收入", "城镇、农村居民人均可支配收入"},
		{"粮食、油料产量", "粮食、油料产量"},
		{"ＧＤＰ", "GDP"},
		{"ＰＭ２．５浓度", "PM2.5浓度"},
	}
	for _, tt := range tests {
		if got := Parse(tt.name).Text; got != tt.text {
			t.Errorf("Parse(%q).Text = %q, want %q", tt.name, got, tt.text)
		}
	}
	if got := Fold("产量。"); got != "产量。" {
		t.Errorf("Fold kept %q", got)
	}
}

// TestSameMeasure: a flow (新投产, 新建, 新增) and a stock (营业里程, 总数,
// 余额, a level reached) never stand for each other; clauses that say
// neither, or the same, do.
func TestSameMeasure(t *testing.T) {
	tests := []struct {
		target, evidence string
		want             bool
	}{
		{"新投产铁路", "铁路营业里程达到", false},
		{"新投产铁路里程", "铁路里程达到", false},
		{"全年新建5G基站", "5G基站总数达到", false},
		{"新增贷款", "贷款余额", false},
		{"5G基站总数达到", "全年新建5G基站", false},
		{"铁路营业里程达到", "铁路营业里程突破", true},
		{"新投产铁路", "全年新投产铁路", true},
		{"城镇新增就业", "城镇新增就业达到", true},
		{"社会消费品零售总额达到", "社会消费品零售总额完成", true},
		{"地区生产总值", "地区生产总值达到", true},
	}
	for _, tt := range tests {
		if got := SameMeasure(tt.target, tt.evidence); got != tt.want {
			t.Errorf("SameMeasure(%s, %s) = %v, want %v", tt.target, tt.evidence, got, tt.want)
		}
	}
}

// Ensure Dangling tells the words before a figure that tie to what
// follows (a conjunction, 等, 的, 了, 每 at the end; 的 at the start; a
// preposition with a scope alone) from names, words that end so of their
// own among them.
func TestDangling(t *testing.T) {
	for _, c := range []struct {
		name string
		want bool
	}{
		{"建成镇综治中心和", true},
		{"机关部门认领重点工作及", true},
		{"滨河绿道工程等", true},
		{"公司运营的", true},
		{"解决了", true},
		{"小麦最低收购价每", true},
		{"行政村生活污水或", true},
		{"的村", true},
		{"的县域", true},
		{"为全镇", true},
		{"对全县", true},
		// near misses: names
		{"收入总和", false},
		{"5G普及", false},
		{"群众参与", false},
		{"教育目的", false},
		{"基本公共服务均等", false},
		{"为企业服务次数", false},
		{"全镇", false},
		{"和", false},
		{"村级调解室", false},
		{"农村居民人均可支配收入", false},
		{"", false},
	} {
		if got := Dangling(c.name); got != c.want {
			t.Errorf("Dangling(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}

// Ensure 办理 between whom and what is dropped only after a preposition.
func TestDropLightVerbBanli(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"为困难群众办理临时救助", "困难群众临时救助"},
		{"为企业办理出口退税", "企业出口退税"},
		{"政务窗口办理业务", "政务窗口办理业务"},
		{"办理临时救助", "办理临时救助"},
	} {
		if got := DropLightVerb(c.in); got != c.want {
			t.Errorf("DropLightVerb(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestThresholdMatch: a count of what passes a threshold matches the same
// count (the same bound and noun), its subject said or left to the clause
// before, and nothing else: not the plain count, nor another bound.
func TestThresholdMatch(t *testing.T) {
	for _, tt := range []struct {
		target, evidence string
		want             float64
	}{
		{"村集体经营性收入10万元以上的村", "村集体经营性收入10万元以上的村", 1},
		{"村集体经营性收入10万元以上的村", "村集体经营性收入超过10万元的村", 1},
		{"村集体经营性收入10万元以上的村", "超过10万元的村", 0.8},
		{"营业收入超过1亿元的企业", "营业收入1亿元以上的企业", 1},
		// near misses
		{"村集体经营性收入10万元以上的村", "超过5万元的村", 0},
		{"村集体经营性收入10万元以上的村", "村", 0},
		{"村集体经营性收入10万元以上的村", "的村", 0},
		{"村集体经营性收入10万元以上的村", "年收入10万元以上的村", 0},
		{"营业收入超过1亿元的企业", "营业收入超过1亿元的项目", 0},
		{"企业", "营业收入超过1亿元的企业", 0},
		{"收入10万元以下的户", "收入10万元以上的户", 0},
	} {
		if got := Match(Parse(tt.target).Key, Parse(tt.evidence).Key); got != tt.want {
			t.Errorf("Match(%s, %s) = %.2f, want %.2f", tt.target, tt.evidence, got, tt.want)
		}
	}
	if !Elided(Parse("超过10万元的村").Key) || Elided(Parse("收入超过10万元的村").Key) || Elided(Parse("5G的覆盖").Key) {
		t.Error("Elided")
	}
}

// TestTrimLeadingDate: a name starting with its clause's deadline (a day
// or the end of a month, with its year) loses it; near misses: a month
// that is part of the name, a bare year.
func TestTrimLeadingDate(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"12月底前新建学校", "新建学校"},
		{"9月30日前完成整治", "完成整治"},
		{"2025年3月底前开工项目", "开工项目"},
		{"6月份新增就业", "新增就业"},
		// near misses
		{"12月", "12月"},
		{"2025年新增就业", "2025年新增就业"},
		{"5G基站", "5G基站"},
	} {
		if got := trimLeadingDate(tt.in); got != tt.want {
			t.Errorf("trimLeadingDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
