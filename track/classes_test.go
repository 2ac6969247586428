package track

import "testing"

// trackCase is one target sentence, one result sentence and what the
// target under key should come out as.
type trackCase struct {
	name, target, result string
	key, status, value   string
}

func runCases(t *testing.T, tests []trackCase) {
	t.Helper()
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

// TestEachSubjectTracked: the figures of a 分别 list are tracked each with
// its own subject, in the order written, on both sides: a collective
// (城乡) split into its parts, one figure given for several subjects, and a
// review whose second subject must not take the first figure.
func TestEachSubjectTracked(t *testing.T) {
	runCases(t, []trackCase{
		{"城乡 split, the towns", "城乡居民人均可支配收入分别增长5%、6.5%。", "城镇、农村居民人均可支配收入分别增长5.3%、6.1%。", "城镇居民人均可支配收入", "met", "5.3"},
		{"城乡 split, the villages", "城乡居民人均可支配收入分别增长5%、6.5%。", "城镇、农村居民人均可支配收入分别增长5.3%、6.1%。", "农村居民人均可支配收入", "missed", "6.1"},
		{"one figure, the first subject", "化学需氧量、氨氮排放量分别下降2%。", "化学需氧量、氨氮排放量分别下降2.4%、1.8%。", "化学需氧量", "met", "2.4"},
		{"one figure, the second subject", "化学需氧量、氨氮排放量分别下降2%。", "化学需氧量、氨氮排放量分别下降2.4%、1.8%。", "氨氮排放量", "missed", "1.8"},
		{"one figure in the review too", "氨氮排放量下降2%。", "化学需氧量、氨氮排放量分别下降2.6%。", "氨氮排放量", "met", "2.6"},
		{"the i-th name takes the i-th value", "二氧化硫、氮氧化物排放量分别下降3%和4.5%。", "二氧化硫、氮氧化物排放量分别下降5.6%和4%。", "氮氧化物排放量", "missed", "4"},
		{"the first name keeps the first value", "二氧化硫、氮氧化物排放量分别下降3%和4.5%。", "二氧化硫、氮氧化物排放量分别下降5.6%和4%。", "二氧化硫排放量", "met", "5.6"},
		{"amounts, not changes", "城镇和农村居民人均可支配收入分别达到5万元、2.5万元。", "城镇、农村居民人均可支配收入分别为5.1万元和2.4万元。", "农村居民人均可支配收入", "partial", "2.4"},
		// near misses
		{"the whole is none of its parts", "城乡居民人均可支配收入增长6%。", "城镇、农村居民人均可支配收入分别增长5.3%、6.1%。", "城乡居民人均可支配收入", "unreported", "-"},
		{"a part is not the list before it", "氮氧化物排放量下降3%。", "二氧化硫、化学需氧量排放量分别下降5.6%和4%。", "氮氧化物排放量", "unreported", "-"},
	})
}

// TestVerbFirstNames: a name told with its change verb first (再减少农村贫困
// 人口) is the indicator's change, whichever way the result is told: the
// verb after (农村贫困人口减少), before (减少农村贫困人口), 脱贫 for the
// poor reduced, a count without 人 (1240万), a count named after its figure
// (1240万农村贫困人口实现脱贫), a from–to followed by the difference; and
// 易地搬迁脱贫 is 易地扶贫搬迁. Near misses: 提升 before a thing counted is
// an action, a rate of poverty is not the poor.
func TestVerbFirstNames(t *testing.T) {
	runCases(t, []trackCase{
		{"verb after", "再减少农村贫困人口1000万人以上。", "农村贫困人口减少1240万人。", "贫困人口", "met", "1240"},
		{"verb after, no 人", "再减少农村贫困人口1000万人以上。", "农村贫困人口减少1240万。", "贫困人口", "met", "1240"},
		{"verb before on both sides", "再减少农村贫困人口1000万人以上。", "全年减少农村贫困人口880万人。", "贫困人口", "missed", "880"},
		{"脱贫 for 减少", "再减少农村贫困人口1000万人以上。", "农村贫困人口脱贫1240万人。", "贫困人口", "met", "1240"},
		{"脱贫 named after the count", "再减少农村贫困人口1000万人以上。", "1240万农村贫困人口实现脱贫。", "贫困人口", "met", "1240"},
		{"脱贫 in the target", "农村贫困人口脱贫1000万人以上。", "农村贫困人口减少1240万人。", "贫困人口", "met", "1240"},
		{"from–to and the difference", "再减少农村贫困人口1000万人以上。", "农村贫困人口由5575万人减少到4335万人，减少1240万人。", "贫困人口", "met", "1240"},
		{"易地搬迁脱贫 is 易地扶贫搬迁", "易地搬迁脱贫200万人以上。", "易地扶贫搬迁人口240万。", "易地扶贫搬迁", "met", "240"},
		{"易地搬迁脱贫, done", "易地搬迁脱贫200万人以上。", "完成易地扶贫搬迁180万人。", "易地扶贫搬迁", "partial", "180"},
		// near misses
		{"a rate of poverty is not the poor", "再减少农村贫困人口1000万人以上。", "贫困发生率下降到4.5%。", "贫困人口", "unreported", "-"},
		{"the poor left are not the poor reduced", "再减少农村贫困人口1000万人以上。", "年末农村贫困人口为4335万人。", "贫困人口", "unreported", "-"},
	})
}

// TestStockAndFlow: a flow (what a year adds: 新投产, 新建, 新增) is never
// met by a stock (what there is: 营业里程, 总数, a level reached), nor a
// stock by a flow; the same measure on both sides matches.
func TestStockAndFlow(t *testing.T) {
	runCases(t, []trackCase{
		{"flow by flow", "新投产铁路里程800公里。", "新投产铁路里程820公里。", "铁路里程", "met", "820"},
		{"stock by stock", "5G基站总数达到3000个。", "5G基站总数达到3200个。", "5G基站", "met", "3200"},
		{"flow by flow, 新建", "全年新建5G基站500个。", "全年新建5G基站620个。", "5G基站", "met", "620"},
		// near misses
		{"flow, a level reached", "新投产铁路里程800公里。", "铁路里程达到1.21万公里。", "铁路里程", "unreported", "-"},
		{"flow, a total", "全年新建5G基站500个。", "5G基站总数达到3200个。", "5G基站", "unreported", "-"},
		{"flow, a network's length", "新建农村公路里程300公里。", "农村公路通车里程5000公里。", "农村公路里程", "unreported", "-"},
		{"stock, a flow", "5G基站总数达到3000个。", "全年新建5G基站620个。", "5G基站", "unreported", "-"},
	})
}

// TestDomainNarrowsNothing: 招商引资 before 到位资金 names where the funds
// come from, as a verb of doing would, and narrows nothing; near miss:
// another kind of funds is not 到位资金.
func TestDomainNarrowsNothing(t *testing.T) {
	runCases(t, []trackCase{
		{"招商引资到位资金 by 到位资金", "招商引资到位资金200亿元。", "实际到位资金215亿元。", "招商引资到位资金", "met", "215"},
		{"招商引资到位资金, short", "招商引资到位资金200亿元。", "全年到位资金180亿元。", "招商引资到位资金", "partial", "180"},
		{"签约资金 is not 到位资金 (near miss)", "招商引资到位资金200亿元。", "招商引资签约资金320亿元。", "招商引资到位资金", "unreported", "-"},
	})
}

// TestWebCopyTracked: a target whose sentence web copy broke around a
// short fragment is found, named and tracked, on either side; near miss: a
// fragment after a finished sentence names nothing.
func TestWebCopyTracked(t *testing.T) {
	runCases(t, []trackCase{
		{"the target broken", "国内生产总值增长6.5%左右；广义货币M\n2\n预期增长13%左右；居民消费价格涨幅3%左右。", "广义货币M2余额增长11.3%。", "广义货币", "missed", "11.3"},
		{"both broken", "国内生产总值增长6.5%左右；广义货币M\n2\n预期增长13%左右。", "国内生产总值增长6.7%。广义货币M\n2\n余额增长13.3%。", "广义货币", "met", "13.3"},
		{"the list goes on after the break", "国内生产总值增长6.5%左右；广义货币M\n2\n预期增长13%左右；居民消费价格涨幅3%左右。", "居民消费价格上涨2%。", "居民消费价格", "met", "2"},
	})
}

// TestUnitsTracked: the units the scanner reads since the second round are
// tracked like any other: an amount per a period against the same amount
// written with 每月, a concentration (微克/立方米), a range's ends, a
// relief (减负) that is no negative amount, a magnitude without 一
// (突破千亿元). Near misses: a concentration above its limit is missed, a
// relief short of its target partial.
func TestUnitsTracked(t *testing.T) {
	runCases(t, []trackCase{
		{"per month in the unit", "城乡低保标准提高到每月800元。", "城乡低保标准达到842元/月。", "城乡低保标准", "met", "842"},
		{"a concentration", "细颗粒物平均浓度控制在30微克/立方米以下。", "细颗粒物平均浓度为28微克/立方米。", "细颗粒物平均浓度", "met", "28"},
		{"a range", "城镇新增就业10万至12万人。", "城镇新增就业11.5万人。", "城镇新增就业", "met", "11.5"},
		{"relief is positive", "为市场主体减负20亿元以上。", "为市场主体减负23.5亿元。", "减负", "met", "23.5"},
		{"a magnitude without 一", "地区生产总值突破千亿元。", "地区生产总值达到1052亿元。", "生产总值", "met", "1052"},
		// near misses
		{"a concentration missed", "细颗粒物平均浓度控制在30微克/立方米以下。", "细颗粒物平均浓度为33微克/立方米。", "细颗粒物平均浓度", "missed", "33"},
		{"relief short", "为市场主体减负20亿元以上。", "为市场主体减负12亿元。", "减负", "partial", "12"},
	})
}
