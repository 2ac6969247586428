package typo

import (
	"testing"

	"zongjie/check/checktest"
)

// TestContext covers each pair of TY002 with hits and near misses.
func TestContext(t *testing.T) {
	checktest.Expect(t, Context, []checktest.Case{
		// 截止 / 截至
		{In: "截止今年6月底，全街道完成固定资产投资3.2亿元。", Want: []string{"截止→截至"}},
		{In: "截止2024年底，累计建成充电桩120个。", Want: []string{"截止→截至"}},
		{In: "截止十月底，已发放补贴86万元。", Want: []string{"截止→截至"}},
		{In: "截止xx月底，完成xx户。", Want: []string{"截止→截至"}},
		{In: "截至到目前，已完成改造任务。", Want: []string{"截至到→截至"}},
		{Name: "near miss 于…截止", In: "报名于6月30日截止。"},
		{Name: "near miss 截止时间", In: "申报截止时间为6月30日，截止日期不再延长。"},
		{Name: "near miss 截止到", In: "集中缴费时间截止到去年12月。"},
		{Name: "near miss 截止日前", In: "请于申报截止日前提交材料。"},
		{Name: "near miss 截止目前 is TY001", In: "截止目前，已完成排查。"},
		// 做出 / 作出
		{In: "为全区经济社会发展做出了应有的贡献。", Want: []string{"做出→作出"}},
		{In: "区委做出重要部署，要求做出新的更大贡献。", Want: []string{"做出→作出", "做出→作出"}},
		{Name: "near miss 做出来", In: "把产品做出来，把品牌做出特色。"},
		{Name: "near miss new phrase", In: "做出一批精品为乡村振兴贡献力量。"},
		{Name: "near miss verb 贡献", In: "做出成绩贡献了智慧。"},
		{Name: "near miss 作出", In: "作出了积极贡献，作出重要部署。"},
		// 必需 / 必须
		{In: "必需坚持问题导向，必需严格落实责任。", Want: []string{"必需→必须", "必需→必须"}},
		{Name: "near miss 必需品", In: "保障群众生活必需品供应，做好生产所必需的准备，落实必需经费。"},
		// 既使 / 即使
		{In: "既使困难再大，也要按期完成任务。", Want: []string{"既使→即使"}},
		{Name: "near miss 既使…又使", In: "既使群众得到实惠，又使企业增加效益。"},
		{Name: "near miss 既使…也使", In: "既使老人安心，也使子女放心。"},
		// 既将 / 即将, 既便 / 即便
		{In: "全区第一次代表大会既将召开。", Want: []string{"既将→即将"}},
		{Name: "near miss 既将…又将", In: "既将群众满意作为标准，又将群众参与作为基础。"},
		{In: "既便任务再重，也不能降低标准。", Want: []string{"既便→即便"}},
		{Name: "near miss 既便于", In: "既便于群众办事，又节约行政成本。"},
		// 即…又… / 既…又…
		{In: "即要抓发展，又要保安全。", Want: []string{"即→既"}},
		{In: "即有硬件投入，也有软件提升。", Want: []string{"即→既"}},
		{Name: "near miss 立即", In: "立即要求整改，又要举一反三。"},
		{Name: "near miss 即要求", In: "即要求各村在月底前完成，又要求上报台账。"},
		{Name: "near miss 即 alone", In: "即日起执行，随即开展检查。"},
		// 以经 / 已经
		{In: "项目以经完成验收，以经全面投入使用。", Want: []string{"以经→已经", "以经→已经"}},
		{Name: "near miss 以经济", In: "坚持以经济建设为中心，以经营主体需求为导向，以经验交流促提升。"},
		// 做为 / 作为
		{In: "做为一名党员，要带头参与志愿服务。", Want: []string{"做为→作为"}},
		{In: "该项目，做为全区重点项目加快推进。", Want: []string{"做为→作为"}},
		{Name: "near miss 做为民", In: "多做为民服务的实事，做为群众解难题的好事。"},
		// 不能自己 / 不能自已
		{In: "群众激动得不能自己。", Want: []string{"不能自己→不能自已"}},
		{Name: "near miss 不能自己解决", In: "问题不能自己解决的，及时上报。"},
		// 已上 / 以上
		{In: "粮食播种面积稳定在5万亩已上，覆盖率达到90%已上。", Want: []string{"已上→以上", "已上→以上"}},
		{Name: "near miss 已上报", In: "相关数据已上报，系统已上线运行，30人已上岗。"},
	})
}

// TestIsTimeObject checks what counts as the object of 截止.
func TestIsTimeObject(t *testing.T) {
	for s, want := range map[string]bool{
		"今年6月": true, "2024年": true, "６月": true, "十二月底": true, "二〇二四年": true, "xx月": true,
		"时间": false, "日期": false, "到": false, "十分": false, "x光": false, "": false,
	} {
		if got := isTimeObject(s); got != want {
			t.Errorf("isTimeObject(%q) = %v, want %v", s, got, want)
		}
	}
}
