package placeholder_test

import (
	"testing"

	"zongjie/check/checktest"
	"zongjie/check/rules/placeholder"
)

func TestRules(t *testing.T) {
	checktest.Validate(t, placeholder.Rules)
	for _, r := range placeholder.Rules {
		checktest.ExpectExample(t, r)
	}
}

func TestFigure(t *testing.T) {
	checktest.Expect(t, placeholder.Figure, []checktest.Case{
		{In: "完成投资xx万元，新增就业**人。", Want: []string{"xx", "**"}},
		{In: "xxxx年是开局之年，x-x月份税收约xxx万元。", Want: []string{"xxxx", "x-x月份", "xxx"}},
		{In: "规上工业产值1200万元，增速xx.xx%。", Want: []string{"增速xx.xx%"}},
		{Name: "near miss: real figures", In: "完成投资1200万元，增速6.5%。"},
		{Name: "near miss: a name placeholder is not a figure", In: "**街道完成任务。"},
	})
}

func TestName(t *testing.T) {
	checktest.Expect(t, placeholder.Name, []checktest.Case{
		{In: "**街道指导xx村和××公司。", Want: []string{"**", "xx", "××"}},
		{In: "邀请某某同志授课，□□社区参加。", Want: []string{"某某", "□□"}},
		{In: "推介镇内新x菜名徽厨，*粮种业公司参加。", Want: []string{"x", "*"}},
		{Name: "near miss: figures belong to PH001", In: "新增就业**人，投资xx万元。"},
		{Name: "near miss: Latin words and expressions", In: "使用Excel表格，实行7×24小时值守，开展X光检查。"},
		{Name: "near miss: the slogan 数据要素×", In: "深入实施“数据要素×”行动，推进数据要素×三年行动。"},
		{Name: "near miss: 某 alone is a word", In: "某些企业和某种程度上存在问题。"},
		{Name: "a circle outside a number", In: "○○村完成改造，第○次会议召开，○○年计划。", Want: []string{"○○", "○", "○○"}},
		{Name: "near miss: a circle is a zero inside a Chinese numeral", In: "到二○三五年基本实现现代化，二○○八年以来，全长一○○公里，二○二○年。"},
	})
}

func TestLeader(t *testing.T) {
	checktest.Expect(t, placeholder.Leader, []checktest.Case{
		{In: "坚持以A新时代中国特色社会主义思想为指导。", Want: []string{"A"}},
		{In: "学习贯彻A总书记重要讲话精神，××书记作出批示。", Want: []string{"A", "××"}},
		{Name: "near miss: the full name", In: "坚持以习近平新时代中国特色社会主义思想为指导，学习习近平总书记重要讲话精神。"},
		{Name: "near miss: a Latin word before 书记", In: "聘请CEO担任村支部副书记。"},
	})
}

func TestBracket(t *testing.T) {
	checktest.Expect(t, placeholder.Bracket, []checktest.Case{
		{In: "[单位名称]2024年工作总结", Want: []string{"[单位名称]"}},
		{In: "主要做法（此处填写具体措施）取得成效。【填写日期】", Want: []string{"（此处填写具体措施）", "【填写日期】"}},
		{Name: "near miss: ordinary brackets", In: "完成村（社区）换届，出台《实施办法（试行）》，【典型经验】予以推广。"},
	})
}
