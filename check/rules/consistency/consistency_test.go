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
	})
}

func TestBoundedRate(t *testing.T) {
	checktest.Expect(t, consistency.BoundedRate, []checktest.Case{
		{In: "城乡居民医保参保率达102%，垃圾分类覆盖率105%。", Want: []string{"102%", "105%"}},
		{Name: "near miss: rates that may exceed 100%", In: "年度任务完成率达112%，税收增长率120%，参保率99.5%。"},
	})
}

func TestGrowthSign(t *testing.T) {
	checktest.Expect(t, consistency.GrowthSign, []checktest.Case{
		{In: "财政收入9亿元，同比增长-5%；税收5亿元，同比下降-3.2%。", Want: []string{"增长-→下降", "下降-→增长"}},
		{Name: "near miss", In: "财政收入同比增长5%，税收下降3.2%，增长1—6月。"},
	})
}
