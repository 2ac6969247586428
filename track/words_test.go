package track

import (
	"strings"
	"testing"

	"zongjie/extract"
	"zongjie/indicator"
	"zongjie/reader"
)

// pair tracks the targets of text a against the results of text b.
func pair(t *testing.T, a, b string) *Outcome {
	t.Helper()
	fa, err := reader.Read("a.txt", []byte(a))
	if err != nil {
		t.Fatal(err)
	}
	fb, err := reader.Read("b.txt", []byte(b))
	if err != nil {
		t.Fatal(err)
	}
	return Track(extract.File(fa)[0], fb, extract.File(fb)[0])
}

const (
	planHead   = "政府工作报告\n一、2024年工作回顾\n全县经济运行总体平稳。\n二、2025年工作安排\n"
	reviewHead = "政府工作报告\n一、2025年工作回顾\n"
	reviewTail = "\n二、2026年工作安排\n今年要坚持稳中求进。\n"
)

// TestOutcomeWords: results told with other verbs and shapes are read as
// the year's figure (hits), and the shapes that are not the year's figure
// are not (near misses). Each line is a class: 平均为 is a year's average
// (年均 is a five-year one); the verbs of reaching (降到, 降至, 稳定在,
// 跃上, 突破, 首次超过, 达到…新台阶); a later report restating the target
// beside the result; a from–to phrase, whose "to" is the result; a more
// specific indicator never rated with a general one's figure.
func TestOutcomeWords(t *testing.T) {
	tests := []struct {
		name, target, result string
		key, status, value   string
	}{
		{"平均为 is the year's", "城镇调查失业率5.5%左右。", "城镇调查失业率平均为5.3%。", "调查失业率", "met", "5.3"},
		{"平均 with 为 and a miss", "城镇调查失业率5%以内。", "全年城镇调查失业率平均为5.4%。", "调查失业率", "missed", "5.4"},
		{"年均 is not (near miss)", "城镇调查失业率5.5%左右。", "五年来城镇调查失业率年均5.1%。", "调查失业率", "unreported", "-"},
		{"降到", "城镇调查失业率5.5%左右。", "城镇调查失业率降到5.2%。", "调查失业率", "met", "5.2"},
		{"降至", "城镇登记失业率控制在3.5%以内。", "城镇登记失业率降至3.6%。", "登记失业率", "missed", "3.6"},
		{"稳定在", "粮食产量稳定在30亿斤以上。", "粮食产量稳定在31.2亿斤。", "粮食产量", "met", "31.2"},
		{"首次跃上…新台阶", "粮食产量稳定在30亿斤以上。", "粮食产量首次跃上35亿斤新台阶。", "粮食产量", "met", "35"},
		{"突破", "外贸进出口总额达到120亿元。", "外贸进出口总额突破125亿元。", "进出口", "met", "125"},
		{"首次超过", "社会消费品零售总额达到200亿元。", "社会消费品零售总额首次超过210亿元。", "社零额", "met", "210"},
		{"达到…新台阶", "地区生产总值达到500亿元。", "地区生产总值达到520亿元新台阶。", "生产总值", "met", "520"},
		{"the result beside the restated target", "全年减税降费100亿元。", "全年减税降费120亿元，超过原定的近100亿元规模。", "减税降费", "met", "120"},
		{"the restated target alone is no figure, but says it was reached", "全年减税降费150亿元。", "减税降费超过原定的近150亿元规模。", "减税降费", "met", "-"},
		{"the restated target, not reached", "全年减税降费150亿元。", "减税降费规模低于原定的150亿元。", "减税降费", "missed", "-"},
		{"from–to: the to", "地区生产总值达到80亿元。", "地区生产总值从不到70亿元增加到超过80亿元。", "生产总值", "met", "80"},
		{"from–to with 由", "森林覆盖率达到47%。", "森林覆盖率由45.2%提高到46.1%。", "森林覆盖率", "missed", "46.1"},
		{"from–to, the from alone (near miss)", "村集体经营性收入达到30万元。", "村集体经营性收入从25万元起步。", "村集体经营性收入", "partial", "25"},
		{"a title earned, named after the count", "培育市级专精特新企业2家。", "3家企业获评市级专精特新企业。", "市级专精特新企业", "met", "3"},
		{"a title of another level (near miss)", "培育市级专精特新企业2家。", "3家企业获评省级专精特新企业。", "市级专精特新企业", "unreported", "-"},
		{"所有 and 全部 scope nothing", "所有村集体经济经营性收入达到20万元以上。", "村集体经济经营性收入全部超过20万元。", "村集体经济经营性收入", "met", "20"},
		{"a name reordered", "完成征收房屋350户。", "完成房屋征收362户。", "征收房屋", "met", "362"},
		{"a name reordered, a longer verb phrase", "完成雨污分流改造小区10个。", "完成8个小区雨污分流改造。", "雨污分流改造小区", "partial", "8"},
		{"an area named with and without 面积", "盘活闲置楼宇面积2万平方米。", "盘活闲置楼宇1.6万平方米。", "盘活闲置楼宇面积", "partial", "1.6"},
		{"a count named after it", "帮助就业困难人员就业100人。", "帮助132名就业困难人员实现就业。", "就业困难人员就业", "met", "132"},
		{"the amount's change is a target too", "实现税收收入3.4亿元，同比增长6%。", "全年实现税收收入3.52亿元，同比增长10%。", "税收收入", "met", "3.52"},
		{"a change verb before the name", "减少农村贫困人口1000万人以上。", "农村贫困人口减少1232万人。", "贫困人口", "met", "1232"},
		{"a change verb before the name, short", "减少农村贫困人口1000万人以上。", "农村贫困人口减少820万人。", "贫困人口", "missed", "820"},
		{"a verb of doing narrows nothing", "退出钢铁产能500万吨。", "大力化解过剩产能，其中钢铁产能620万吨。", "退出钢铁产能", "met", "620"},
		{"a name reordered with its verb", "退出钢铁产能500万吨。", "全年钢铁产能退出620万吨。", "退出钢铁产能", "met", "620"},
		{"an elided object", "城镇保障性住房基本建成47万套。", "新开工保障性安居工程66万套，基本建成54万套。", "城镇保障性住房基本建成", "met", "54"},
		{"a from dated last year is last year's", "赤字率2.1%左右。", "二、2026年工作安排\n赤字率从去年的2.1%提高到2.3%。", "赤字率", "met", "2.1"},
		{"a count split by its figure", "取消和下放行政审批事项200项以上。", "国务院各部门全年取消和下放246项行政审批事项。", "取消和下放行政审批事项", "met", "246"},
		{"a target for whom", "为经营主体减税降费超过500亿元。", "全年减税降费520亿元。", "减税降费", "met", "520"},
		{"a name before 拟按", "赤字率拟按3%左右安排。", "赤字率为2.9%。", "赤字率", "met", "2.9"},
		{"specific target, general figure", "单位地区生产总值能耗下降3%左右。", "地区生产总值增长5.2%。", "单位生产总值能耗", "unreported", "-"},
		{"specific target, its own figure", "单位地区生产总值能耗下降3%左右。", "地区生产总值增长5.2%，单位地区生产总值能耗下降3.4%。", "单位生产总值能耗", "met", "3.4"},
		{"specific target, general verdict in words", "地区生产总值增长5%左右。", "单位地区生产总值能耗下降目标未能实现。", "生产总值", "unreported", "-"},
		{"a verdict in words on the indicator itself", "外贸进出口总额增长6%左右。", "外贸进出口总额出现下降，预期增长目标未能实现。", "进出口", "missed", "-"},
		{"a part's income is not the whole's", "农村居民人均可支配收入增长7%。", "居民人均可支配收入增长6.1%。", "农村居民人均可支配收入", "unreported", "-"},
		{"the whole's income is not a part's", "居民人均可支配收入增长6%。", "农村居民人均可支配收入增长7.1%。", "居民人均可支配收入", "unreported", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := pair(t, planHead+"今年全县主要目标是："+tt.target+"\n", reviewHead+tt.result+reviewTail)
			if err := checkResult(find(o, tt.key), tt.status, tt.value); err != nil {
				for _, r := range o.Results {
					t.Logf("%s %s %s", r.Indicator, r.Status, r.Reason)
				}
				t.Error(err)
			}
		})
	}
}

// TestSeriesFromTo: in a from–to phrase the year's value is the "to"
// ("从不到70万亿元增加到超过100万亿元" gives 超过100万亿元), whether the
// link is a verb (增加到, 提高到, 降至) or a bare 到 after 从/由; and the
// names shown keep 、 as written (not the half-width ､).
func TestSeriesFromTo(t *testing.T) {
	texts := []string{
		"2024年工作总结\n一、2024年工作回顾\n全县生产总值从不到70亿元增加到超过100亿元。森林覆盖率由45.2%提高到46.1%。城镇、农村居民人均可支配收入分别增长5.1%、6.2%。城镇登记失业率从3.8%降至3.5%。\n",
		"2025年工作总结\n一、2025年工作回顾\n全县生产总值从100亿元到108亿元。森林覆盖率提高到46.8%。城镇、农村居民人均可支配收入分别增长5.3%、6.6%。城镇登记失业率3.4%。\n",
	}
	rs := reportsOf(t, texts)
	want := map[string][2]float64{
		"生产总值":  {100e8, 108e8},
		"森林覆盖率": {46.1, 46.8},
		"登记失业率": {3.5, 3.4},
	}
	ss := SeriesOf(rs, false)
	for key, w := range want {
		found := false
		for _, s := range ss {
			if s.Key != key {
				continue
			}
			found = true
			if len(s.Points) != 2 || s.Points[0].Value != w[0] || s.Points[1].Value != w[1] {
				t.Errorf("%s: %+v, want %v", key, s.Points, w)
			}
		}
		if !found {
			t.Errorf("no series %s in %+v", key, ss)
		}
	}
	for _, s := range ss {
		if strings.ContainsRune(s.Indicator, '､') {
			t.Errorf("series name %q holds the half-width ､", s.Indicator)
		}
	}
}

// TestNamesInOtherWords: names that usually mean one indicator (企业 and
// 市场主体, 减轻企业税收和社保缴费负担 and 减税降费) match, below an exact
// name; a target the later report gives as the sum of two figures (退税减税
// as 留抵退税 and 新增减税降费) is rated on their sum with both as evidence,
// never silently unreported.
func TestNamesInOtherWords(t *testing.T) {
	tests := []struct {
		name, target, result string
		key, status, value   string
		parts                int
	}{
		{"企业 for 市场主体", "新增市场主体3000户以上。", "全年新增企业3200户。", "新增市场主体", "met", "3200", 0},
		{"企业 with a narrower scope is not (near miss)", "新增市场主体3000户以上。", "全年新增规上企业30户。", "新增市场主体", "unreported", "-", 0},
		{"减轻企业税收和社保缴费负担 for 减税降费", "全年减税降费100亿元。", "减轻企业税收和社保缴费负担120亿元。", "减税降费", "met", "120", 0},
		{"an exact name wins over a near one", "新增市场主体3000户以上。", "新增企业2800户，新增市场主体3100户。", "新增市场主体", "met", "3100", 0},
		{"the sum of two parts", "全年退税减税1000亿元。", "全年留抵退税620亿元，新增减税降费450亿元。", "退税减税", "met", "620", 2},
		{"the sum of two parts, short", "全年退税减税1500亿元。", "全年留抵退税620亿元，新增减税降费450亿元。", "退税减税", "partial", "620", 2},
		{"one part alone is no sum (near miss)", "全年退税减税1000亿元。", "全年留抵退税620亿元。", "退税减税", "unreported", "-", 0},
		{"parts in two sentences are not one sum (near miss)", "全年退税减税1000亿元。", "全年留抵退税620亿元。新增减税降费450亿元。", "退税减税", "unreported", "-", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := pair(t, planHead+"今年全县主要目标是："+tt.target+"\n", reviewHead+tt.result+reviewTail)
			r := find(o, tt.key)
			if err := checkResult(r, tt.status, tt.value); err != nil {
				for _, r := range o.Results {
					t.Logf("%s %s %s", r.Indicator, r.Status, r.Reason)
				}
				t.Fatal(err)
			}
			if len(r.Parts) != tt.parts {
				t.Errorf("%d parts, want %d (%s)", len(r.Parts), tt.parts, r.Reason)
			}
		})
	}
}

// TestChangeWithAmount: a plan's amount stated with its change
// ("实现税收收入3.4亿元，同比增长6%") sets two targets, each tracked with its
// own kind of figure.
func TestChangeWithAmount(t *testing.T) {
	o := pair(t, planHead+"全年力争实现税收收入3.4亿元，同比增长6%。\n", reviewHead+"全年实现税收收入3.52亿元，同比增长3.5%。"+reviewTail)
	var got []string
	for _, r := range o.Results {
		if r.Indicator == "税收收入" && r.Evidence != nil {
			got = append(got, string(r.Status)+" "+r.Evidence.Figure)
		}
	}
	if strings.Join(got, "|") != "met 3.52亿元|missed 同比增长3.5%" {
		t.Errorf("税收收入: %v, want the amount met by 3.52亿元 and the change missed by 3.5%%", got)
	}
}

// Ensure series of one indicator that tie (as many points, one key: a
// level and a change, or two units) come in one order, call after call:
// by key, then measure, then unit.
func TestSeriesTieOrder(t *testing.T) {
	texts := []string{
		"2024年工作总结\n一、2024年工作回顾\n全镇粮食产量3.2万吨，同比增长2%。财政收入1.2亿元，同比增长5%。新增就业岗位800个，新增就业500人。\n",
		"2025年工作总结\n一、2025年工作回顾\n全镇粮食产量3.3万吨，同比增长3%。财政收入1.3亿元，同比增长6%。新增就业岗位900个，新增就业600人。\n",
	}
	rs := reportsOf(t, texts)
	order := func(ss []Series) string {
		var b strings.Builder
		for _, s := range ss {
			b.WriteString(s.Key + "|" + s.Measure + "|" + s.Unit + "; ")
		}
		return b.String()
	}
	first := SeriesOf(rs, false)
	ties := 0
	for i := 1; i < len(first); i++ {
		a, b := first[i-1], first[i]
		if len(a.Points) == len(b.Points) && a.Key == b.Key {
			ties++
			if a.Measure > b.Measure || a.Measure == b.Measure && a.Unit >= b.Unit {
				t.Errorf("%s before %s", order(first[i-1:i]), order(first[i:i+1]))
			}
		}
	}
	if ties < 2 {
		t.Fatalf("%d ties in %s: the test needs an indicator given as a level and a change", ties, order(first))
	}
	for range 50 {
		if got := order(SeriesOf(rs, false)); got != order(first) {
			t.Fatalf("the order changed:\n%s\n%s", order(first), got)
		}
	}
}

// Ensure no series is named by words that tie to what follows the figure
// (indicator.Dangling): "建成镇综治中心和20个村级调解室" is a series of
// 村级调解室, the noun after the figure; "为全镇1200余名80周岁以上老人" and
// "其中超过10万元的村" name none, and those figures are left out. Near
// misses keep their names.
func TestSeriesDanglingNames(t *testing.T) {
	texts := []string{
		"2024年工作总结\n一、2024年工作回顾\n建成镇综治中心和20个村级调解室。为全镇1200余名80周岁以上老人发放高龄津贴。清理规范村集体经济合同412份。为困难群众办理临时救助138人次。\n",
		"2025年工作总结\n一、2025年工作回顾\n建成镇综治中心和22个村级调解室。为全镇1300余名80周岁以上老人发放高龄津贴。清理规范村集体经济合同420份。为困难群众办理临时救助150人次。\n",
	}
	rs := reportsOf(t, texts)
	got := map[string]bool{}
	for _, s := range SeriesOf(rs, true) {
		got[s.Indicator] = true
		if indicator.Dangling(s.Indicator) || strings.HasPrefix(s.Indicator, "为") {
			t.Errorf("series %q (%s, %s)", s.Indicator, s.Measure, s.Unit)
		}
	}
	for _, want := range []string{"村级调解室", "规范村集体经济合同", "困难群众临时救助"} {
		if !got[want] {
			t.Errorf("no series %s in %v", want, got)
		}
	}
}

// Ensure an age that says whom the words after it count (3－6岁幼儿,
// 35岁以下青年党员, 80周岁以上老人) is no series, while an age that is an
// indicator's value (平均年龄…较上年下降1岁) is one.
func TestSeriesAgeQualifier(t *testing.T) {
	texts := []string{
		"2024年工作总结\n一、2024年工作回顾\n镇中心幼儿园完成提升改造，3－6岁幼儿入园率达到97%。新发展党员21名，其中35岁以下青年党员占比达到71%。为全镇1200余名80周岁以上老人发放高龄津贴。新录用公务员平均年龄28.5岁，较上年下降1岁。\n",
		"2025年工作总结\n一、2025年工作回顾\n镇中心幼儿园完成提升改造，3－6岁幼儿入园率达到98%。新发展党员23名，其中35岁以下青年党员占比达到72%。为全镇1300余名80周岁以上老人发放高龄津贴。新录用公务员平均年龄28.1岁，较上年下降0.4岁。\n",
	}
	rs := reportsOf(t, texts)
	ages := 0
	for _, s := range SeriesOf(rs, true) {
		if s.Unit != "岁" {
			continue
		}
		ages++
		if s.Key != "新录用公务员平均年龄" {
			t.Errorf("an age qualifier is a series: %s (%s)", s.Indicator, s.Key)
		}
	}
	if ages == 0 {
		t.Error("no series of ages, want 新录用公务员平均年龄")
	}
}

// Ensure a verb alone before a figure (惠及4.2万名群众, 又有300户) names
// its series with the noun counted after the figure, and a streak's years
// (连续7年增产) make no series "连续"; a name that holds such a verb
// (服务群众3000人次) stays as it is.
func TestSeriesVerbOnlyNames(t *testing.T) {
	texts := []string{
		"2024年工作总结\n一、2024年工作回顾\n新建社区食堂5个，惠及4.2万名群众。粮食产量连续7年增产。服务群众3000人次。\n",
		"2025年工作总结\n一、2025年工作回顾\n新建社区食堂8个，惠及5.1万名群众。粮食产量连续8年增产。服务群众3500人次。\n",
	}
	rs := reportsOf(t, texts)
	got := map[string]bool{}
	for _, s := range SeriesOf(rs, true) {
		got[s.Indicator] = true
		if indicator.Reaches(s.Indicator) || s.Key == "连续" {
			t.Errorf("series %q (%s, %s)", s.Indicator, s.Measure, s.Unit)
		}
	}
	for _, want := range []string{"惠及群众", "服务群众"} {
		if !got[want] {
			t.Errorf("no series %s in %v", want, got)
		}
	}
}

// reportsOf reads and extracts texts as the reports a, b, … of Series.
func reportsOf(t *testing.T, texts []string) []Report {
	t.Helper()
	var rs []Report
	for i, s := range texts {
		f, err := reader.Read("r.txt", []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, Report{Label: string(rune('a' + i)), File: f, Report: extract.File(f)[0]})
	}
	return rs
}
