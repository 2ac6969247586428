package chrome

import (
	"strings"
	"testing"
)

// removed returns text with every block's Remove span cut out.
func removed(text string, blocks []Block) string {
	var b strings.Builder
	at := 0
	for _, bl := range blocks {
		b.WriteString(text[at:bl.Remove.Start])
		at = bl.Remove.End
	}
	b.WriteString(text[at:])
	return b.String()
}

func TestFind(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string // the blocks' spans
		left string   // the text without them
	}{
		{
			name: "button bar with its closing bracket",
			in:   "下载\n打印\n【字号：\n大\n中\n小\n】\n\n2025年青禾街道工作总结\n一、主要工作\n",
			want: []string{"下载\n打印\n【字号：\n大\n中\n小\n】"},
			left: "2025年青禾街道工作总结\n一、主要工作\n",
		},
		{
			name: "source and date lines under the title",
			in:   "2025年石桥镇工作总结\n来源：石桥镇人民政府 时间：2025-12-30\n发布日期：2025年12月30日 10:20\n今年以来，全镇上下真抓实干。\n",
			want: []string{"来源：石桥镇人民政府 时间：2025-12-30\n发布日期：2025年12月30日 10:20"},
			left: "2025年石桥镇工作总结\n今年以来，全镇上下真抓实干。\n",
		},
		{
			name: "labels and values on lines of their own, then a caption",
			in:   "某区政府工作报告\n时间：\n2025-01-08 09:30\n来源：\n区政府办公室\n分享:\n区长王某作政府工作报告\n各位代表：\n",
			want: []string{"时间：\n2025-01-08 09:30\n来源：\n区政府办公室\n分享:\n区长王某作政府工作报告"},
			left: "某区政府工作报告\n各位代表：\n",
		},
		{
			name: "breadcrumb on separate lines and on one line",
			in:   "首页\n>\n信息公开\n>\n工作总结\n2025年工作总结\n正文一段。\n首页 > 政务公开 > 规划计划\n",
			want: []string{"首页\n>\n信息公开\n>\n工作总结", "首页 > 政务公开 > 规划计划"},
			left: "2025年工作总结\n正文一段。\n",
		},
		{
			name: "photo caption",
			in:   "各位代表：\n县长在会上作报告。本报记者 李明摄\n现在，我代表县人民政府报告工作。\n",
			want: []string{"县长在会上作报告。本报记者 李明摄"},
			left: "各位代表：\n现在，我代表县人民政府报告工作。\n",
		},
		{
			name: "licence appended, in fragments, after blank lines",
			in:   "让我们团结一心，再创佳绩！\n\n\n本作品属于\n公有领域\n。\n注：本文转自维基文库。\nPublic domain\nfalse\n",
			want: []string{"本作品属于\n公有领域\n。\n注：本文转自维基文库。\nPublic domain\nfalse"},
			left: "让我们团结一心，再创佳绩！\n",
		},
		{
			name: "site footer with related links before it",
			in:   "全年各项工作圆满完成。\n相关链接：\n版权所有：青禾街道办事处 ICP备12345678号\n",
			want: []string{"相关链接：", "版权所有：青禾街道办事处 ICP备12345678号"},
			left: "全年各项工作圆满完成。\n",
		},
		{
			name: "editor in brackets, links to the next and previous pages",
			in:   "全年各项工作圆满完成。\n（责任编辑：王五）\n上一篇：关于做好春节期间安全生产工作的通知\n下一篇：2024年石桥镇工作计划\n",
			want: []string{"（责任编辑：王五）\n上一篇：关于做好春节期间安全生产工作的通知\n下一篇：2024年石桥镇工作计划"},
			left: "全年各项工作圆满完成。\n",
		},
		{
			name: "near miss: the same words in the report's sentences",
			in:   "2025年工作总结\n资金来源：财政拨款和社会资本，共计1200万元。\n时间：紧，任务：重。\n群众可扫一扫二维码下载申请表，打印后提交。\n首页设计由街道统一制作。\n（编辑部设在宣传办，负责稿件审核。）\n",
		},
		{
			name: "near miss: a date line alone, a bracket in a list",
			in:   "2025年工作总结\n2025-12-30\n】\n一、主要工作\n",
		},
		{
			name: "near miss: copyright in the body, followed by the report",
			in: "一、主要工作\n加强知识产权保护，查处侵犯版权所有人权益案件12起。\n" +
				strings.Repeat("二、持续推进基层治理现代化，完善网格化服务管理体系，推动矛盾纠纷就地化解，群众满意度明显提升，社会大局和谐稳定。\n", 2),
		},
		{
			name: "near miss: a speaker line with a year is a title",
			in:   "2025年青禾街道作政府工作报告\n正文。\n",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bs := Find(c.in)
			var got []string
			for _, b := range bs {
				got = append(got, c.in[b.Span.Start:b.Span.End])
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("blocks:\n got %q\nwant %q", got, c.want)
			}
			left := c.left
			if c.want == nil {
				left = c.in
			}
			if r := removed(c.in, bs); r != left {
				t.Errorf("without the blocks:\n got %q\nwant %q", r, left)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	f.Add("下载\n【字号：\n】\n\n正文。\n本作品属于公有领域\nPublic domain\n")
	f.Add("首页\n>\n\n>\n时间：\n\n来源：")
	f.Fuzz(func(t *testing.T, s string) {
		at := 0
		for _, b := range Find(s) {
			if b.Remove.Start < at || b.Remove.Start > b.Span.Start || b.Span.End > b.Remove.End || b.Remove.End > len(s) {
				t.Fatalf("bad block %+v after %d in %q", b, at, s)
			}
			at = b.Remove.End
		}
	})
}
