package consistency_test

import (
	"testing"

	"zongjie/check/checktest"
	"zongjie/check/rules/consistency"
)

func TestRules(t *testing.T) {
	checktest.Validate(t, consistency.Rules)
	for _, r := range consistency.Rules {
		checktest.ExpectExample(t, r)
	}
}

func TestPartExceeds(t *testing.T) {
	checktest.Expect(t, consistency.PartExceeds, []checktest.Case{
		{In: "全年新增就业1000人，其中高校毕业生1200人、退役军人30人。", Want: []string{"1200人"}},
		{In: "全年新增就业1000人，其中，高校毕业生1200人。", Want: []string{"1200人"}},
		{In: "完成投资2.5亿元，其中工业投资3亿元。", Want: []string{"3亿元"}},
		{Name: "near miss: parts within the total, other units, lower bounds, new sentences", In: "全年新增就业1000人，其中高校毕业生600人。培训1000余人次，其中1050人次取得证书。走访企业50家，其中解决诉求97件。完成投资1亿元。其中工业投资3亿元。建成铁路1.6万公里，新增公路63.9万公里，其中高速公路3.3万公里，加固堤防1.7万公里。新增铁路639公里、其中高铁370公里，新增公路2600公里。"},
		{Name: "near miss: a rate before 其中 is not a total", In: "抽检食品6万批次，每千人6.6批次，其中农产品超5万批次。服务游客800万人次，日均2.2万人次，其中外地游客1.5万人次。人均住房面积40平方米，其中新建住房120平方米。"},
		{Name: "an amount after a rate is still checked against an amount", In: "建成公园12个，人均绿地9平方米；新增绿地200万平方米，其中口袋公园260万平方米。", Want: []string{"260万平方米"}},
	})
}

func TestGrowthSign(t *testing.T) {
	checktest.Expect(t, consistency.GrowthSign, []checktest.Case{
		{In: "财政收入9亿元，同比增长-5%；税收5亿元，同比下降-3.2%。", Want: []string{"增长-→下降", "下降-→增长"}},
		{Name: "near miss", In: "财政收入同比增长5%，税收下降3.2%，增长1—6月。"},
	})
}

func TestConflict(t *testing.T) {
	checktest.Expect(t, consistency.Conflict, []checktest.Case{
		{In: "青禾街道2024年工作总结\n一、2024年工作回顾\n全年完成财政收入9.01亿元，同比增长6.2%。\n（二）重点工作\n财政收入8.6亿元，为民生投入提供保障。", Want: []string{"8.6亿元"}},
		{Name: "near miss: a target, a total, a list, a movement", In: "青禾街道2024年工作总结\n一、2024年工作回顾\n全年完成财政收入9.01亿元。\n财政收入累计达到35亿元。\n财政收入从7亿元提高到9.01亿元。\n二、2025年工作计划\n力争财政收入10亿元。\n财政收入10亿元。"},
		{In: "某县2024年工作总结\n一、2024年工作回顾\n全县粮食产量连续4年全省第一。\n（一）农业\n粮食产量连续5年全省第一，品质持续提升。", Want: []string{"5年"}},
		{Name: "near miss: the same ranking of different things", In: "某县2024年工作总结\n一、2024年工作回顾\n全县棉花产量连续4年全国第一，稳住基本盘。\n（一）外贸\n果品出口量连续8年全国第一，品牌影响力持续提升。\n林果面积保持9年全省第一。"},
		{Name: "near miss: a section about five years", In: "某省2026年政府工作报告\n一、“十四五”时期和2025年工作回顾\n城镇新增就业22.89万人。\n城镇新增就业124.27万人。\n二、2026年重点工作\n城镇新增就业21万人。"},
	})
}
