package typo

import (
	"testing"

	"zongjie/check/checktest"
)

// TestVariant covers TY003 with hits and the guarded near misses.
func TestVariant(t *testing.T) {
	checktest.Expect(t, Variant, []checktest.Case{
		{In: "其它村社区已完成规划设计。", Want: []string{"其它→其他"}},
		{In: "开设专用帐户，建立工作台帐。", Want: []string{"帐户→账户", "台帐→台账"}},
		{In: "检测土壤化学成份，监控图象清晰。", Want: []string{"成份→成分", "图象→图像"}},
		{In: "成立村级股分经济合作社。", Want: []string{"股分→股份"}},
		{In: "清理关连交易，嘉宾依次就坐。", Want: []string{"关连→关联", "就坐→就座"}},
		{In: "引进急需人材，宏扬新风正气。", Want: []string{"人材→人才", "宏扬→弘扬"}},
		{Name: "near miss 入股分红", In: "村民以土地入股分红，按股分配收益。"},
		{Name: "near miss 有关连续", In: "有关连续性政策保持稳定，机关连续三年获评先进。"},
		{Name: "near miss 就坐下", In: "大家就坐下来商量，就坐在村口议事。"},
		{Name: "near miss 个人材料", In: "个人材料已报送组织部。"},
		{Name: "near miss 帐篷", In: "把救灾物资送到帐篷里，搭建帐篷20顶。"},
		{Name: "near miss 完成份额", In: "超额完成份额任务，尤其它们的作用明显。"},
		{Name: "near miss 屈原故里", In: "举办屈原故里端午文化节，讲好形象故事。"},
		{Name: "near miss 阳光采购", In: "推行阳光采购，发展特色采摘。"},
		{Name: "recommended forms", In: "其他村开设账户，成分、图像、股份、关联、就座均规范。"},
	})
}
