package punct_test

import (
	"testing"

	"zongjie/check/checktest"
	"zongjie/check/rules/punct"
)

func TestRules(t *testing.T) {
	checktest.Validate(t, punct.Rules)
	for _, r := range punct.Rules {
		checktest.ExpectExample(t, r)
	}
}

func TestHalfWidth(t *testing.T) {
	checktest.Expect(t, punct.HalfWidth, []checktest.Case{
		{In: "经济形势有所下滑,但我们坚持稳中求进;完成任务(同比增长5%).", Want: []string{",→，", ";→；", "(→（", ")→）", ".→。"}},
		{In: "加强\"三河三湖\"治理:成效明显?是的!", Want: []string{"\"→“", "\"→”", ":→：", "?→？", "!→！"}},
		{In: "1.主要工作\n财政收入9.01亿元，增长1,234万元，8:30开会。", Want: nil},
		{Name: "near miss: numbers, times, URLs, English", In: "财政收入9.01亿元，完成1,234户，上午8:30召开，详见https://www.gov.cn/a.html，使用Excel, Word等软件，增速x.x%。"},
		{Name: "near miss: an odd number of ASCII quotes", In: "他说\"好的，开展活动。"},
		{Name: "near miss: runs of marks", In: "等等...还有?!"},
	})
}

func TestSpaces(t *testing.T) {
	checktest.Expect(t, punct.Spaces, []checktest.Case{
		{In: "坚持 党建引领，有序启动 “十二五”规划建设。", Want: []string{" →", " →"}},
		{Name: "near miss: layout and mixed text", In: "上海市市长 龚 正\n　　坚持使用 Excel 表格，完成 2024 年任务。\n本报记者 韩卿立 摄"},
	})
}

func TestUnbalanced(t *testing.T) {
	checktest.Expect(t, punct.Unbalanced, []checktest.Case{
		{In: "举办“党建引领乡村振兴第三届春训班，学员（含村干部120人。", Want: []string{"“", "（"}},
		{In: "实现1＋1＋1》3的效果，完成目标）。", Want: []string{"》→＞", "）"}},
		{Name: "near miss: a quotation of several paragraphs", In: "他指出：“要坚持党建引领。\n“要坚持人民至上。”"},
		{Name: "near miss: lines broken inside a sentence", In: "主要目标任务圆满完成，“\n十三五\n”实现了良好开局。\n以细颗粒物（PM\n2.5\n）治理为突破口。"},
		{Name: "near miss: list markers and headings", In: "（一）抓党建\n主要有：1）强学习；2）重实效。a) 开展培训。"},
	})
}

func TestMismatched(t *testing.T) {
	checktest.Expect(t, punct.Mismatched, []checktest.Case{
		{In: "开展“四送一服」活动，学习《条例>。", Want: []string{"」→”", ">→》"}},
		{Name: "near miss: matched pairs", In: "开展“四送一服”活动，学习《条例》，健全机制（试行）。"},
	})
}

func TestNesting(t *testing.T) {
	checktest.Expect(t, punct.Nesting, []checktest.Case{
		{In: "提出“深入开展“四送一服”活动”的要求。", Want: []string{"“四送一服”→‘四送一服’"}},
		{Name: "near miss: single quotes inside", In: "提出“深入开展‘四送一服’活动”的要求。"},
		{Name: "near miss: a missing close makes quotes look nested", In: "开展“四送一服活动，推进“放管服”改革。"},
	})
}

func TestApproxDunhao(t *testing.T) {
	checktest.Expect(t, punct.ApproxDunhao, []checktest.Case{
		{In: "每村配备三、四名网格员，服务七、八十户群众，年龄在十二、三岁。", Want: []string{"、→", "、→", "、→"}},
		{Name: "near miss: ordinals and lists", In: "荣获一、二等奖，推动第一、二产业融合，六、七年级学生，一、二、三类地区。\n三、四个坚持"},
	})
}

func TestDunhaoConjunction(t *testing.T) {
	checktest.Expect(t, punct.DunhaoConjunction, []checktest.Case{
		{In: "统筹科技、技改、和发展资金，加强学习、以及培训。", Want: []string{"、→", "、→，"}},
		{Name: "near miss: words that start with 和", In: "各民族和睦相处、和衷共济、和谐发展。消除桥园里、和苑等6处易积水点位。推进建设、及时总结。"},
	})
}

func TestQuotedDunhao(t *testing.T) {
	checktest.Expect(t, punct.QuotedDunhao, []checktest.Case{
		{In: "开展“六治六提”、“六比六晒”活动，学习《条例》、《办法》。", Want: []string{"、→", "、→"}},
		{Name: "near miss: something between", In: "开展“六治六提”（试点）、“六比六晒”活动。"},
	})
}

func TestRange(t *testing.T) {
	checktest.Expect(t, punct.Range, []checktest.Case{
		{In: "1-6月完成投资20-30亿元，增速6.5%－7%，3-11岁儿童，颁布2011-2020年纲要，4.5-5%。", Want: []string{"-→—", "-→～", "－→～", "-→～", "-→—", "-→～"}},
		{In: "时间为1~3月。", Want: []string{"~→—"}},
		{Name: "near miss: dates, phones, models", In: "于2023-07-05召开，电话0551-12345678，型号G20-30，x-x月份税收。"},
	})
}

// TestRangeMessage: the message names the mark written and the one
// wanted, since －/— and 〜/～ look alike in most fonts.
func TestRangeMessage(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"1－6月", "表示范围应用一字线“—”，不用全角连字符“－”"},
		{"1-6月", "表示范围应用一字线“—”，不用短横线“-”"},
		{"20–30人", "表示范围应用浪纹线“～”，不用半字线“–”"},
		{"20~30人", "表示范围应用浪纹线“～”，不用半角浪纹线“~”"},
		{"20〜30人", "表示范围应用浪纹线“～”，不用波浪符“〜”"},
	} {
		ds := checktest.Run(t, "t.txt", c.in, nil, punct.Range)
		if len(ds) != 1 || ds[0].Message != c.want {
			t.Errorf("%s: got %v, want one finding %q", c.in, ds, c.want)
		}
	}
}

func TestEllipsis(t *testing.T) {
	checktest.Expect(t, punct.Ellipsis, []checktest.Case{
		{In: "开展文明创建、志愿服务...推进移风易俗。。。还有…", Want: []string{"...→……", "。。。→……", "…→……"}},
		{Name: "near miss: right forms and Latin", In: "开展文明创建……推进移风易俗…………\nwait... ok\n完成。。"},
	})
}

func TestEllipsisDeng(t *testing.T) {
	checktest.Expect(t, punct.EllipsisDeng, []checktest.Case{
		{In: "过好端午节、中秋节……等传统节日。", Want: []string{"……→"}},
		{Name: "near miss", In: "过好端午节、中秋节等传统节日，开展文明创建……"},
	})
}

func TestDash(t *testing.T) {
	checktest.Expect(t, punct.Dash, []checktest.Case{
		{In: "工作重点--乡村振兴；发展目标－－共同富裕。\n--我们要推动发展。", Want: []string{"--→——", "－－→——", "--→——"}},
		{Name: "near miss", In: "工作重点——乡村振兴。\nx--y\n|---|---|"},
	})
}

func TestDoubled(t *testing.T) {
	checktest.Expect(t, punct.Doubled, []checktest.Case{
		{In: "推进项目建设，，确保按期完工，。全面完成、，任务", Want: []string{"，，→，", "，。→。", "、，→，"}},
		{Name: "near miss: allowed combinations", In: "这是真的吗？！太好了！！移风易俗。。。"},
	})
}

func TestQuoteEnd(t *testing.T) {
	checktest.Expect(t, punct.QuoteEnd, []checktest.Case{
		{In: "营造“比学赶超的良好氛围。”。", Want: []string{"。→"}},
		{Name: "near miss", In: "他说：“要比学赶超。”营造“比学赶超”的氛围。"},
	})
}

func TestTitleMarks(t *testing.T) {
	checktest.Expect(t, punct.TitleMarks, []checktest.Case{
		{In: "开展《四送一服》活动，举办《乡村振兴》培训班。", Want: []string{"《四送一服》→“四送一服”", "《乡村振兴》→“乡村振兴”"}},
		{Name: "near miss: documents", In: "落实《优化营商环境条例》专项行动，学习《民法典》宣传活动。"},
		{In: "举办《青春之歌》比赛，打造《邻里节》品牌活动。", Want: []string{"《青春之歌》→“青春之歌”"}},
		{Name: "near miss: a programme, a film, a book are works", In: "打造《乡村大舞台》品牌，联合市电视台《今日关注》栏目开展活动，电视剧《山海情》项目带动旅游，出版《家风故事》丛书。"},
		{Name: "near miss: a programme before an activity word", In: "登上央视《星光大道》比赛舞台，参与纪录片《大美山川》拍摄工程。"},
	})
}

func TestMiddleDot(t *testing.T) {
	checktest.Expect(t, punct.MiddleDot, []checktest.Case{
		{In: "纪念“5•12”汶川地震，学习白求恩・诺尔曼。", Want: []string{"•→·", "・→·"}},
		{Name: "near miss: bullets", In: "• 加强学习\n纪念“5·12”。"},
	})
}
