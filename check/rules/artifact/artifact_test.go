package artifact_test

import (
	"testing"

	"zongjie/check/checktest"
	"zongjie/check/rules/artifact"
)

func TestRules(t *testing.T) {
	checktest.Validate(t, artifact.Rules)
	for _, r := range artifact.Rules {
		checktest.ExpectExample(t, r)
	}
}

func TestMarker(t *testing.T) {
	checktest.Expect(t, artifact.Marker, []checktest.Case{
		{In: "##paidbegin##（二）坚持项目带动\n正文。##paidend##", Want: []string{"##paidbegin##→", "##paidend##→"}},
		{Name: "near miss: hashes in prose", In: "编号##为空，话题#乡村振兴#。"},
	})
}

func TestChrome(t *testing.T) {
	checktest.Expect(t, artifact.Chrome, []checktest.Case{
		{In: "下载\n打印\n【字号：\n加大\n】\n2026年政府工作报告", Want: []string{"下载→", "打印→", "【字号：→", "加大→"}},
		{In: "下载 打印 收藏\n2024年工作总结", Want: []string{"下载 打印 收藏→"}},
		{Name: "near miss: words in sentences", In: "群众可扫一扫二维码下载申请表，打印后提交。\n还原历史原貌。"},
	})
}

func TestJunk(t *testing.T) {
	checktest.Expect(t, artifact.Junk, []checktest.Case{
		{In: "2023年工作总结及2024年工作计划（镇乡）\n一、工作总结", Want: []string{"（镇乡）→"}},
		{In: "本文档仅供参考，下载后可编辑。", Want: []string{"本文档", "仅供参考", "下载后可编辑"}},
		{In: "编者按：本文为示例。各项数据请根据实际情况填写。", Want: []string{"编者按", "请根据实际情况"}},
		{Name: "near miss: bracketed levels in prose", In: "2024年工作总结\n指导各村（社区）、街道（乡镇）开展工作。"},
	})
}
