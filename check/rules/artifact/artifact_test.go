package artifact_test

import (
	"strings"
	"testing"

	"zongjie/check"
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
		{Name: "one block, removed with its closing bracket and blank line", In: "下载\n打印\n【字号：\n加大\n】\n\n2026年政府工作报告",
			Want: []string{"下载\n打印\n【字号：\n加大\n】→"}},
		{In: "下载 打印 收藏\n2024年工作总结", Want: []string{"下载 打印 收藏→"}},
		{Name: "source and date lines", In: "2025年石桥镇工作总结\n来源：石桥日报\n时间：2025-12-30\n今年以来，全镇上下真抓实干。",
			Want: []string{"来源：石桥日报\n时间：2025-12-30→"}},
		{Name: "caption", In: "各位代表：\n县长在会上作报告。本报记者 李明摄\n现在，我代表县人民政府报告工作。",
			Want: []string{"县长在会上作报告。本报记者 李明摄→"}},
		{Name: "breadcrumb", In: "首页 > 政务公开 > 规划计划\n2025年工作总结\n正文。", Want: []string{"首页 > 政务公开 > 规划计划→"}},
		{Name: "near miss: words in sentences", In: "群众可扫一扫二维码下载申请表，打印后提交。\n还原历史原貌。\n资金来源：财政拨款，共计1200万元。"},
		{Name: "near miss: a bracket alone", In: "一、主要工作\n】\n正文。"},
	})
}

// TestChromeFixWhole: --fix removes a chrome block whole, never leaving
// the closing 】 of 【字号： on a line of its own, nor its blank lines, nor
// the page's 来源：/时间： lines.
func TestChromeFixWhole(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"下载\n打印\n【字号：\n加大\n还原\n减小\n】\n\n2026年工作报告\n来源：某某日报\n时间：2026-02-02\n\n各位代表：\n正文。\n",
			"2026年工作报告\n各位代表：\n正文。\n"},
		{"2025年工作总结\n时间：\n2025-12-30 09:20\n来源：\n区政府办公室\n分享:\n正文，全年完成各项任务。\n",
			"2025年工作总结\n正文，全年完成各项任务。\n"},
		{"正文完。\n\n\n本作品属于公有领域。\nPublic domain\nfalse\n", "正文完。\n"},
	} {
		ds := checktest.Run(t, "a.txt", c.in, nil, artifact.Rules...)
		if got, _ := check.ApplyFixes(c.in, ds); got != c.want {
			t.Errorf("fixed %q\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestNotice(t *testing.T) {
	checktest.Expect(t, artifact.Notice, []checktest.Case{
		{In: "让我们团结奋斗！\n\n本作品属于公有领域。\nPublic domain\nfalse", Want: []string{"本作品属于公有领域。\nPublic domain\nfalse→"}},
		{In: "全年工作圆满完成。\n版权所有：某某街道办事处\n网站标识码：1234567890", Want: []string{"版权所有：某某街道办事处\n网站标识码：1234567890→"}},
		{Name: "near miss: copyright in a sentence", In: "一、主要工作\n查处侵犯版权所有人权益案件12起。\n二、下一步计划"},
		{Name: "near miss: notice words far from the end", In: "本作品属于公有领域。\n" + strings.Repeat("全面推进乡村振兴，持续改善人居环境，群众获得感幸福感安全感不断增强。\n", 120)},
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
