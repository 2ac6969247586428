package quantity_test

import (
	"fmt"
	"strings"
	"testing"

	"zongjie"
	"zongjie/document"
	"zongjie/quantity"
	"zongjie/reader"
)

// extract runs the scanner over one paragraph of text.
func extract(t *testing.T, text string) []zongjie.Quantity {
	t.Helper()
	f, err := reader.Read("t.txt", []byte(text))
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return quantity.Extract(f, document.Span{Start: 0, End: len(f.Text)}, quantity.Context{})
}

// brief renders a quantity compactly for comparisons:
// text|value|unit|base|name|approx|growth|change.
func brief(q zongjie.Quantity) string {
	v, b := "-", "-"
	if q.Value != nil {
		v = fmt.Sprint(*q.Value)
		if q.ValueTo != nil {
			v += "~" + fmt.Sprint(*q.ValueTo)
		}
	}
	if q.BaseValue != nil {
		b = fmt.Sprint(*q.BaseValue) + q.BaseUnit
	}
	g := ""
	if q.Growth != nil {
		g = q.Growth.Text + "/" + q.Growth.Direction
	}
	return strings.Join([]string{q.Text, v, q.Unit, b, q.Name, q.Approx, g, q.Change}, "|")
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"money with growth", "1－6月，街道财政收入3.62亿元，同比增长8.4%。",
			[]string{"3.62亿元|3.62|亿元|3.62e+08元|财政收入||同比增长8.4%/up|"}},
		{"people in 万", "全年新增城镇就业1.6万人。",
			[]string{"1.6万人|1.6|万人|16000人|新增城镇就业|||"}},
		{"paired growth", "协助企业获得贷款218户、4.6亿元，同比增长12.5%、18.1%。",
			[]string{"218户|218|户|218户|贷款||同比增长12.5%/up|", "4.6亿元|4.6|亿元|4.6e+08元|贷款||18.1%/up|"}},
		{"standalone change", "规上工业增加值增长9.4%，社会消费品零售总额下降1.2%。",
			[]string{"增长9.4%|9.4|%|9.4%|规上工业增加值|||up", "下降1.2%|1.2|%|1.2%|社会消费品零售总额|||down"}},
		{"percentage points", "服务业增加值比重比上年提高1.5个百分点。",
			[]string{"比上年提高1.5个百分点|1.5|个百分点|1.5个百分点|服务业增加值比重|||up"}},
		{"approximations", "组织约300人参加培训，走访企业40余家，完成投资近2亿元，覆盖率达到95%左右。",
			[]string{"约300人|300|人|300人|参加培训|约||", "40余家|40|家|40家|企业|余||", "近2亿元|2|亿元|2e+08元|投资|近||", "95%左右|95|%|95%|覆盖率|左右||"}},
		{"range", "为3－6岁儿童提供服务，增速保持在20%～30%。",
			[]string{"3－6岁|3~6|岁|3岁|儿童|||", "20%～30%|20~30|%|20%|增速|||"}},
		{"chinese numerals", "组织两名干部参加十余次培训，引进三四十家企业，共一千二百人。",
			[]string{"两名|2|名|2人|干部|||", "十余次|10|次|10次|培训|余||", "三四十家|30~40|家|30家|企业|||", "一千二百人|1200|人|1200人||||"}},
		{"a quoted name after a figure, typed half-width", "建成\"15分钟健身圈\"3个,新增\"四上\"企业14家,累计达到126家。",
			[]string{"3个|3|个|3个|\"15分钟健身圈\"|||", "14家|14|家|14家|新增\"四上\"企业|||", "126家|126|家|126家|\"四上\"企业|||"}},
		{"placeholders", "完成投资xx万元，新增就业**人，增速x.x%，占比xx%。",
			[]string{"xx万元|-|万元|-|投资|||", "**人|-|人|-|新增就业||增速x.x%/up|", "xx%|-|%|-|占比|||"}},
		{"a bare magnitude after a verb (near miss of a unit named alone)", "奖励一万元，税收突破亿元。",
			[]string{"一万元|1|万元|10000元|奖励|||", "亿元|1e+08|元|1e+08元|税收|||"}},
		{"bare number in a table-like cell", "共计：1280",
			[]string{"1280|1280||1280||||"}},
		{"fraction", "行政审批事项减少1/3。",
			[]string{"减少1/3|0.3333333333333333||0.3333333333333333|行政审批事项|||down"}},
		{"percent words", "贡献率达到百分之六十。",
			[]string{"百分之六十|60|%|60%|贡献率|||"}},
		{"distributed changes", "城镇、农村居民人均可支配收入分别增长5.1%、6.8%，工业、农业贷款余额分别增长9%、12%。",
			[]string{"分别增长5.1%|5.1|%|5.1%|城镇居民人均可支配收入|||up", "6.8%|6.8|%|6.8%|农村居民人均可支配收入|||up",
				"分别增长9%|9|%|9%|工业贷款余额|||up", "12%|12|%|12%|农业贷款余额|||up"}},
		{"a total after what was added", "新增老年助餐点9个，累计达到68个。",
			[]string{"9个|9|个|9个|新增老年助餐点|||", "68个|68|个|68个|老年助餐点|||"}},
		{"a 总数 after what was added", "新增规上工业企业4家，总数达到37家。",
			[]string{"4家|4|家|4家|新增规上工业企业|||", "37家|37|家|37家|规上工业企业|||"}},
		{"near miss: a 总数 in another unit", "新增规上工业企业4家，总数达到120亿元。",
			[]string{"4家|4|家|4家|新增规上工业企业|||", "120亿元|120|亿元|1.2e+10元|总数|||"}},
		{"near miss: another count after a count", "新增老年助餐点9个，覆盖社区12个。",
			[]string{"9个|9|个|9个|新增老年助餐点|||", "12个|12|个|12个|社区|||"}},
		{"distributed levels per person", "城市、农村低保标准分别提高到每人每月860元、720元。",
			[]string{"860元|860|元|860元|城市低保标准|||", "720元|720|元|720元|农村低保标准|||"}},
		{"near miss: one level per person", "农村低保标准提高到每人每月720元。",
			[]string{"720元|720|元|720元|农村低保标准|||"}},
		{"a noun of a level is not the counted noun", "打造2条街道级示范街，新建3个社区。",
			[]string{"2条|2|条|2条|街道级示范街|||", "3个|3|个|3个|社区|||"}},
		{"table-free slogan count", "在六个方面积极作为，完成4项任务。",
			[]string{"4项|4|项|4项|任务|||"}},
		{"a time limit shortened to a figure", "审批时限缩短到3个工作日，办结时间压缩至5天。",
			[]string{"3个工作日|3|个工作日|3天|审批时限|||", "5天|5|天|5天|办结时间|||"}},
		{"a time shortened by a figure fell by it", "群众等候时间缩短60%以上，工期压缩15天。",
			[]string{"缩短60%以上|60|%|60%|群众等候时间|以上||down", "压缩15天|15|天|15天|工期|||down"}},
		{"near miss: a time limit stated", "审批时限为20个工作日。",
			[]string{"20个工作日|20|个工作日|20天|审批时限|||"}},
		{"near miss of a telephone number: a range after a number", "覆盖3-5个社区，投放鱼苗12万尾。",
			[]string{"3-5个|3~5|个|3个|社区|||", "12万尾|12|万尾|120000尾|投放鱼苗|||"}},
		{"rates per 100,000 people and counts of lending", "发病率为186.3/10万，死亡率8.5/10万人，外借图书38.2万册次。",
			[]string{"186.3/10万|186.3|/10万|186.3/10万|发病率|||", "8.5/10万人|8.5|/10万人|8.5/10万人|死亡率|||",
				"38.2万册次|38.2|万册次|382000册次|外借图书|||"}},
		{"near miss of a rate per people: a unit over a unit, a fraction", "单位能耗0.35吨标准煤/万元，完成1/3。",
			[]string{"0.35吨标准煤/万元|0.35|吨标准煤/万元|0.35吨标准煤/万元|单位能耗|||", "1/3|0.3333333333333333||0.3333333333333333||||"}},
		{"near miss of a weekday: rounds counted", "每周二开展巡查，全年开展五轮，每轮两周。",
			[]string{"五轮|5|轮|5轮|巡查|||", "两周|2|周|2周|每轮|||"}},
		{"near miss of a mobile number and an event's year", "营业收入12907971234元，种植1950株“金秋红”梨树。",
			[]string{"12907971234元|1.2907971234e+10|元|1.2907971234e+10元|营业收入|||", "1950株|1950|株|1950株|金秋红|||"}},
		{"phases of what is built are no counts", "标准厂房三期已完成主体工程的70%，项目二期3月底前开工，物流园一期投入运营。",
			[]string{"70%|70|%|70%|主体工程|||"}},
		{"a gap to another group or place is a change of what grows", "农村居民收入增长6.8%，增速比城镇居民高1.9个百分点，比全区平均水平低0.5个百分点。",
			[]string{"增长6.8%|6.8|%|6.8%|农村居民收入|||up", "比城镇居民高1.9个百分点|1.9|个百分点|1.9个百分点|增速|||up",
				"比全区平均水平低0.5个百分点|0.5|个百分点|0.5个百分点|增速|||down"}},
		{"a gap after the figure it compares", "城镇化率比全省高3.2个百分点，投资增长12%，高于全市平均2个百分点，增速快于城镇居民1.1个百分点。",
			[]string{"比全省高3.2个百分点|3.2|个百分点|3.2个百分点|城镇化率|||up", "增长12%|12|%|12%|投资|||up",
				"高于全市平均2个百分点|2|个百分点|2个百分点|投资|||up", "快于城镇居民1.1个百分点|1.1|个百分点|1.1个百分点|增速|||up"}},
		{"a gap is not the year-on-year change of the level before", "人均可支配收入3.2万元，比全省高1500元。",
			[]string{"3.2万元|3.2|万元|32000元|人均可支配收入|||", "比全省高1500元|1500|元|1500元|人均可支配收入|||up"}},
		{"near miss of a gap: a year-on-year change, a count more, a bound", "投资10亿元，比上年增长8%；新增示范村5个，比上年多3个；确保增速高于5%。",
			[]string{"10亿元|10|亿元|1e+09元|投资||比上年增长8%/up|", "5个|5|个|5个|新增示范村|||", "3个|3|个|3个|比上年多|||",
				"增速高于5%|5|%|5%||高于||up"}},
		{"near miss of a gap: 比 of a word (比重, 比例), 较 of 较高", "其中比重高的有3个，比例低于5%的村12个，病床使用率较高，达95%。",
			[]string{"3个|3|个|3个|比重高|||", "低于5%|5|%|5%|比例|低于||", "12个|12|个|12个|比例低于5%的村|||", "95%|95|%|95%|病床使用率较高|||"}},
		{"口 counts wells and ponds", "维修山塘4口，新打机井12口。",
			[]string{"4口|4|口|4口|维修山塘|||", "12口|12|口|12口|新打机井|||"}},
		{"near miss of 口: a word it begins", "新建3个出口，设置2口径管道。",
			[]string{"3个|3|个|3个|出口|||"}},
		{"more or less than usual, after a basis, is a change", "平均降雨量1186毫米，较常年偏多14%；气温比常年同期偏高0.8℃。",
			[]string{"1186毫米|1186|毫米|1.186米|平均降雨量||较常年偏多14%/up|", "比常年同期偏高0.8℃|0.8|℃|0.8℃|气温|||up"}},
		{"near miss of more than usual: no basis", "今年降雨偏多14%。",
			[]string{"14%|14|%|14%|降雨偏多|||"}},
		{"分别 gives each change to a level of its own clause", "接待游客38.2万人次，旅游收入2.5亿元，分别增长16.4%和19.1%。",
			[]string{"38.2万人次|38.2|万人次|382000人次|接待游客||分别增长16.4%/up|", "2.5亿元|2.5|亿元|2.5e+08元|旅游收入||19.1%/up|"}},
		{"near miss of 分别: a level in another sentence", "接待游客38.2万人次。旅游收入2.5亿元，分别增长16.4%和19.1%。",
			[]string{"38.2万人次|38.2|万人次|382000人次|接待游客|||", "2.5亿元|2.5|亿元|2.5e+08元|旅游收入||分别增长16.4%/up|", "19.1%|19.1|%|19.1%||||up"}},
		{"near miss of an attachment list: a count after 附件", "共有附件：3份，举办培训三期。",
			[]string{"3份|3|份|3份||||", "三期|3|期|3期|培训|||"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range extract(t, tt.in) {
				got = append(got, brief(q))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("in %q\ngot:\n  %s\nwant:\n  %s", tt.in, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// Ensure dates, years, ordinals, names, formulas and slogans are not
// quantities.
func TestNotQuantities(t *testing.T) {
	for _, in := range []string{
		"2023年全面完成。",
		"1－6月累计完成。",
		"项目于9月30日前完工，计划2025年6月底交付。",
		"规划期为2022－2035年。",
		"居全省第4位，进入全国前8位。",
		"坚持“十四五”规划引领，学习贯彻党的二十大精神。",
		"打好“三个大抓”组合拳，推进“1+3”机制。",
		"开通12345热线，改造205国道。",
		"实现政社互动、1＋1＋1》3的效果。",
		"PM2.5浓度下降，建设5G基站。",
		"增强四个意识，坚持三会一课。",
		"工作会议于15:30召开。",
		"xx街道、**社区和××村。",
		"总投资见《xx区2023年政府投资项目计划》。",
		"推进浦阳江治理三期工程，打造数字经济“一号工程”。",
		"统一思想，万众一心，千家万户。",
		"二〇二三年七月一日。",
		"2.0版本上线。",
		"省第十三次党代会，二十届四中全会，十一届十次全会。",
		"引进三方机构。",
		"印发《考核办法》（白发〔2026〕17号）。",
		"公布监督电话0797-6283315，热线010－12345678。",
		"附件：1.桂园街道2025年主要经济指标完成情况表",
		"完成清水片区标准厂房二期建设，启动三期项目。",
		"乡应急分队队长刘强同志的手机：13907971234。",
		"推行周一集中办公、周二至周五轮流值班，星期六休息。",
		"成功举办2026“南湖之夏”音乐季。",
		"成功举办2026\"南湖之夏\"音乐季。",       // typed half-width
		"推进\"1+3\"机制，打造\"15分钟健身圈\"。", // a short quotation typed half-width is a name
		"说一千道一万，关键在落实。",
		"单位：万元。",
		"全区财政收入情况（亿元）见附表。",
		"万元地区生产总值能耗下降，每万人口拥有执业医师数增加。",
	} {
		if qs := extract(t, in); len(qs) > 0 {
			var got []string
			for _, q := range qs {
				got = append(got, brief(q))
			}
			t.Errorf("in %q found %s", in, strings.Join(got, "; "))
		}
	}
}

// Ensure year and month placeholders count as placeholder quantities.
func TestDatePlaceholders(t *testing.T) {
	qs := extract(t, "xxxx年是开局之年，x-x月份完成，预计xx月中旬投产。")
	var got []string
	for _, q := range qs {
		got = append(got, q.Text+"/"+q.Unit+"/"+fmt.Sprint(q.Placeholder))
	}
	want := "xxxx年/年/true x-x月份/月/true xx月/月/true"
	if strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

// Ensure a Chinese numeral's count in the clause an item of a paragraph
// runs on with after its title is a figure, and one in the title's own
// words a slogan.
func TestTitleClause(t *testing.T) {
	for _, tt := range []struct{ text, title, want string }{
		{"一是工业经济体量偏小，规上工业企业仅有十一家；二是旅游季节性强。", "工业经济体量偏小，规上工业企业仅有十一家", "十一家"},
		{"一是抓好两个振兴，推进三项改革；二是守牢底线。", "抓好两个振兴，推进三项改革", "三项"},
		{"一是抓好两个振兴；二是守牢底线。", "抓好两个振兴", ""},
		{"（一）做好三篇文章。全年完成投资5亿元。", "做好三篇文章", "5亿元"},
	} {
		f, err := reader.Read("t.txt", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		start := strings.Index(tt.text, tt.title)
		ctx := quantity.Context{Titles: []document.Span{{Start: start, End: start + len(tt.title)}}}
		var got []string
		for _, q := range quantity.Extract(f, document.Span{Start: 0, End: len(tt.text)}, ctx) {
			got = append(got, q.Text)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Ensure quantities inside heading markers and Chinese numerals in heading
// titles are skipped, as the extract driver arranges.
func TestContext(t *testing.T) {
	text := "1.抓好两个振兴\n（2）完成投资5亿元"
	f, err := reader.Read("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	ctx := quantity.Context{
		Skip:   []document.Span{{Start: 0, End: 2}, {Start: strings.Index(text, "（2）"), End: strings.Index(text, "（2）") + len("（2）")}},
		Titles: []document.Span{{Start: 2, End: strings.Index(text, "\n")}},
	}
	qs := quantity.Extract(f, document.Span{Start: 0, End: len(text)}, ctx)
	if len(qs) != 1 || qs[0].Text != "5亿元" {
		var got []string
		for _, q := range qs {
			got = append(got, q.Text)
		}
		t.Fatalf("got %v, want only 5亿元", got)
	}
	// The position is in characters: line 2, column 8.
	if qs[0].Line != 2 || qs[0].Column != 8 {
		t.Errorf("position %d:%d, want 2:8", qs[0].Line, qs[0].Column)
	}
}

// Ensure a number right after a skipped heading marker is read on its
// own: the outline took "2." of "2.3个重点项目" for a marker, so 3个 is the
// figure (not 2.3个, and not nothing), and "1." of "1.2025年" leaves a year.
func TestAfterMarker(t *testing.T) {
	for _, tt := range []struct {
		text, marker string
		want         []string
	}{
		{"2.3个重点项目全部开工", "2.", []string{"3个"}},
		{"1.2025年工作总结", "1.", nil},
		{"12.5%的村完成改厕", "12.", []string{"5%"}},
		{"2、3家企业上市", "2、", []string{"3家"}},
		// Near miss: without the marker skipped, the decimal stands.
		{"2.3个百分点", "", []string{"2.3个百分点"}},
	} {
		f, err := reader.Read("t.txt", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		var ctx quantity.Context
		if tt.marker != "" {
			ctx.Skip = []document.Span{{Start: 0, End: len(tt.marker)}}
		}
		var got []string
		for _, q := range quantity.Extract(f, document.Span{Start: 0, End: len(f.Text)}, ctx) {
			got = append(got, q.Text)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%q skipping %q: got %q, want %q", tt.text, tt.marker, got, tt.want)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"财政收入9.01亿元，同比增长33.0％", "xx户**人x.x%", "3－6岁、20%～30%", "三四十家，十余次", "1/3，百分之二十",
		"2023年1－6月", "“1+3”机制", "约30人左右", "比上年增长-2.3%",
		"5年均增2", // a change verb inside the figure before it once sliced backwards
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		file, err := reader.Read("f.txt", []byte(s))
		if err != nil {
			return
		}
		qs := quantity.Extract(file, document.Span{Start: 0, End: len(file.Text)}, quantity.Context{})
		prev := -1
		for _, q := range qs {
			if q.Span.Start < 0 || q.Span.End > len(file.Text) || q.Span.Start >= q.Span.End {
				t.Fatalf("bad span %v in %q", q.Span, s)
			}
			if file.Text[q.Span.Start:q.Span.End] != q.Text {
				t.Fatalf("text %q does not match span %q", q.Text, file.Text[q.Span.Start:q.Span.End])
			}
			if q.Span.Start < prev {
				t.Fatalf("quantities out of order in %q", s)
			}
			prev = q.Span.Start
			if q.Placeholder != (q.Value == nil) {
				t.Fatalf("placeholder %v with value %v in %q", q.Placeholder, q.Value, s)
			}
		}
	})
}

// Ensure a table row's bare numbers take the unit its unit column (单位)
// names, unless their column's header names its own (增长（%）, 比重,
// 2025年（亿元）), its label is the first cell past a column of row numbers
// (序号), and neither the row number nor the unit cell is a figure; a table
// with neither column keeps its first cell as the label and its numbers
// bare, and a blank cell leaves the cells after it under their headers.
func TestTableColumns(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"row numbers and units",
			"序号\t指标名称\t单位\t2026年预计\t2027年目标\n1\t固定资产投资\t亿元\t18.2\t19.6\n2\t新增城镇就业\t人\t610\t650\n",
			[]string{"18.2|18.2|亿元|1.82e+09元|固定资产投资|||", "19.6|19.6|亿元|1.96e+09元|固定资产投资|||",
				"610|610|人|610人|新增城镇就业|||", "650|650|人|650人|新增城镇就业|||"}},
		{"near miss: no such columns",
			"指标\t2026年\t2027年\n固定资产投资\t18.2亿元\t19.6\n",
			[]string{"18.2亿元|18.2|亿元|1.82e+09元|固定资产投资|||", "19.6|19.6||19.6|固定资产投资|||"}},
		{"a growth column names its own unit and is the growth of the figure before it",
			"序号\t指标\t单位\t2025年\t增长（%）\n1\t地区生产总值\t亿元\t32.6\t5.2\n",
			[]string{"32.6|32.6|亿元|3.26e+09元|地区生产总值||5.2/up|"}},
		{"a share column is in percent",
			"指标\t单位\t2025年\t比重\n服务业增加值\t亿元\t12.4\t48.5\n",
			[]string{"12.4|12.4|亿元|1.24e+09元|服务业增加值|||", "48.5|48.5|%|48.5%|服务业增加值|||"}},
		{"a unit in brackets in a header, no unit column",
			"指标\t2025年（亿元）\t增速(%)\n财政收入\t9.01\t-1.2\n",
			[]string{"9.01|9.01|亿元|9.01e+08元|财政收入||-1.2/down|"}},
		{"near miss: a column after a growth column takes the row's unit",
			"指标\t单位\t2025年\t增长（%）\t2026年\n固定资产投资\t亿元\t18.2\t6.5\t19.6\n",
			[]string{"18.2|18.2|亿元|1.82e+09元|固定资产投资||6.5/up|", "19.6|19.6|亿元|1.96e+09元|固定资产投资|||"}},
		{"near miss: a change that may be either stays bare",
			"指标\t单位\t2025年\t增减\n财政收入\t亿元\t9.01\t0.5\n",
			[]string{"9.01|9.01|亿元|9.01e+08元|财政收入|||", "0.5|0.5||0.5|财政收入|||"}},
		{"near miss: brackets that name no unit",
			"指标\t单位\t2026年（预计）\n财政收入\t亿元\t9.6\n",
			[]string{"9.6|9.6|亿元|9.6e+08元|财政收入|||"}},
		{"a blank cell keeps the columns under their headers",
			"序号\t指标\t单位\t2025年\t备注\n1\t地区生产总值\t亿元\t32.6\t\n2\t财政收入\t亿元\t2.1\t含基金\n\t合计\t亿元\t34.7\t\n",
			[]string{"32.6|32.6|亿元|3.26e+09元|地区生产总值|||", "2.1|2.1|亿元|2.1e+08元|财政收入|||", "34.7|34.7|亿元|3.47e+09元|合计|||"}},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range extract(t, tt.text) {
			got = append(got, brief(q))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n%s\nwant:\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}
