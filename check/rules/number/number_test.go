package number_test

import (
	"testing"

	"zongjie/check/checktest"
	"zongjie/check/rules/number"
)

func TestRules(t *testing.T) {
	checktest.Validate(t, number.Rules)
	for _, r := range number.Rules {
		checktest.ExpectExample(t, r)
	}
}

func TestMeasure(t *testing.T) {
	checktest.Expect(t, number.Measure, []checktest.Case{
		{In: "完成投资三千五百万元，新建道路十二公里。", Want: []string{"三千五百→3500", "十二→12"}},
		{Name: "near miss: approximations, counts, fixed words", In: "开展培训二十余次，落实四个意识，建成三个中心，新建道路五公里，完成投资1200万元。"},
	})
}

func TestApproxForm(t *testing.T) {
	checktest.Expect(t, number.ApproxForm, []checktest.Case{
		{In: "组织3、4个工作组，走访20几户群众。", Want: []string{"3、4→三四", "20几→二十几"}},
		{Name: "near miss", In: "第1、2批次，完成3、5个项目，200余户，二十几个。"},
	})
}

func TestMixed(t *testing.T) {
	checktest.Expect(t, number.Mixed, []checktest.Case{
		{In: "新增就业3千人，覆盖率达百分之20，修路2万5千公里，二0二三年。", Want: []string{"3千→3000", "百分之20→20%", "2万5千", "二0二三"}},
		{Name: "near miss: units and allowed forms", In: "修路3千米，重5千克，装机2千瓦，10亿零817万人，增长3个百分点，三千五百人。"},
	})
}

func TestRangeUnit(t *testing.T) {
	checktest.Expect(t, number.RangeUnit, []checktest.Case{
		{In: "增速保持在4.5～5%，完成投资9～16亿元，增长4.5-5%。", Want: []string{"4.5～5%→4.5%～5%", "9～16亿→9亿～16亿", "4.5-5%→4.5%～5%"}},
		{Name: "near miss", In: "增速保持在4.5%～5%，投资9亿～16亿元，2021—2025年，3～5年，电话0551-2345%。"},
	})
}

func TestYearForm(t *testing.T) {
	checktest.Expect(t, number.YearForm, []checktest.Case{
		{In: "23年5月启动，二零二三年是开局之年，二○二四年继续。", Want: []string{"23→2023", "二零二三→二〇二三", "二○二四→二〇二四"}},
		{Name: "near miss: durations", In: "近30年来，连续10年5月举办，二〇二三年完成，一千零五十年。"},
	})
}

func TestDateForm(t *testing.T) {
	checktest.Expect(t, number.DateForm, []checktest.Case{
		{In: "二〇二三年8月8日召开大会。", Want: []string{"二〇二三年8月8日"}},
		{Name: "near miss", In: "2023年8月8日召开，二〇二三年八月八日印发。"},
	})
}

func TestDateSeparator(t *testing.T) {
	checktest.Expect(t, number.DateSeparator, []checktest.Case{
		{In: "2023.7.5召开会议，2023/8/1起施行，于2023年07月05日完成。", Want: []string{"2023.7.5→2023年7月5日", "2023/8/1→2023年8月1日", "2023年07月05日→2023年7月5日"}},
		{Name: "near miss: versions, numbers and ISO dates", In: "版本2023.1.10.5，完成2023.5万元，2023-07-05施行，增长2024.12%。"},
	})
}

func TestTimeForm(t *testing.T) {
	checktest.Expect(t, number.TimeForm, []checktest.Case{
		{In: "会议于15：40开始，上午9：00签到。", Want: []string{"：→:", "：→:"}},
		{Name: "near miss: ratios", In: "比例为1：50，按1：10配套。"},
	})
}

func TestPercent(t *testing.T) {
	checktest.Expect(t, number.Percent, []checktest.Case{
		{In: "财政收入增长33.0％，税收增长12%，投资增长5%。", Want: []string{"％→%"}},
		{In: "财政收入增长33.0％，税收增长12％，投资增长5%。", Want: []string{"%→％"}},
		{Name: "near miss: one form throughout", In: "财政收入增长33.0％，税收增长12％。"},
	})
}

func TestSeparator(t *testing.T) {
	checktest.Expect(t, number.Separator, []checktest.Case{
		{In: "完成投资12,500万元，新增就业1,234,567人，2,023年完成，投资12，500万元。", Want: []string{"12,500→12500", "1,234,567→1234567", "2,023→2023", "，→"}},
		{Name: "near miss: decimals, lists, bad grouping", In: "完成投资1.25亿元，分别为12，34个，2，3，4号楼，编号12,34，比例1,2500。"},
	})
}

func TestDecimalPoint(t *testing.T) {
	checktest.Expect(t, number.DecimalPoint, []checktest.Case{
		{In: "财政收入9．01亿元，增长3。5%。", Want: []string{"．→.", "。→."}},
		{Name: "near miss: sentence breaks and headings", In: "比例为2.27:1。15个县区完成。\n1．主要工作"},
	})
}

func TestFullWidth(t *testing.T) {
	checktest.Expect(t, number.FullWidth, []checktest.Case{
		{In: "２０２３年完成投资１２．５亿元。", Want: []string{"２０２３→2023", "１２．５→12.5"}},
		{Name: "near miss", In: "2023年完成投资12.5亿元。"},
	})
}

func TestDoubleApprox(t *testing.T) {
	checktest.Expect(t, number.DoubleApprox, []checktest.Case{
		{In: "参加群众约300人左右，覆盖率超过80%以上，培训约200余人次。", Want: []string{"约300人左右→300人左右", "超过80%以上→80%以上", "约200余→200余"}},
		{Name: "near miss", In: "参加群众约300人，近年来成效明显，覆盖率超过80%，培训200余人次，约束机制多元。"},
	})
}

func TestBoundedRate(t *testing.T) {
	checktest.Expect(t, number.BoundedRate, []checktest.Case{
		{In: "城乡居民医保参保率达102%，垃圾分类覆盖率105%。", Want: []string{"102%", "105%"}},
		{Name: "near miss: rates that may exceed 100%", In: "年度任务完成率达112%，税收增长率120%，参保率99.5%。"},
	})
}
