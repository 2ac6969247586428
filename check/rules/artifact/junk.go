package artifact

import (
	"strings"

	"zongjie/check"
)

// Junk reports template and download-site remnants: 范文, 仅供参考, 下载后可
// 编辑, the names of document-sharing sites, page footers (第1页 共3页), and
// template tags in a title such as （镇乡） and （街道）.
var Junk = &check.Rule{
	ID: "AR003", Name: "artifact-template", Category: check.Artifact, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "模板或网站残留",
		Text:   "范文网站、文库的字样，模板的分类标签和页脚留在了正文中。",
		Wrong:  "2023年工作总结及2024年工作计划（镇乡）",
		Right:  "2023年工作总结及2024年工作计划",
		Source: "公文审校常规：模板残留",
	},
	Run: func(p *check.Pass) {
		for _, m := range p.Find(junkWords) {
			p.Report(m.Span, "“"+m.Word+"”是模板或网站残留，应删除")
		}
		for _, r := range p.Reports {
			if r.TitleSpan.End <= r.TitleSpan.Start {
				continue
			}
			title := p.File.Slice(r.TitleSpan)
			for _, tag := range titleTags {
				if i := strings.Index(title, tag); i >= 0 {
					span := r.TitleSpan
					span.Start, span.End = span.Start+i, span.Start+i+len(tag)
					p.Report(span, "标题中的“"+tag+"”是模板分类标签，应删除",
						check.Fix{Message: "删除标签", Replacement: "", Certain: true})
				}
			}
		}
	},
}

// junkWords are template and site remnants.
var junkWords = check.NewWords(
	"范文网", "范文大全", "精选范文", "优秀范文", "范文参考", "仅供参考", "下载后可编辑", "可编辑修改", "word版本", "Word版本",
	"百度文库", "道客巴巴", "豆丁网", "原创力文档", "文档下载", "免费下载", "本文档", "本文由", "版权归原作者",
	"第一范文网", "第一公文网", "公文易", "好范文", "笔杆子", "（模板）", "【模板】", "（范文）", "【范文】",
	// Editor notes and template instructions.
	"编者按", "编者注", "【编者按】", "请根据实际情况", "根据实际情况填写", "根据实际情况修改", "可根据实际情况增减", "以下为示例", "此处可根据",
)

// titleTags are the category tags of template collections.
var titleTags = []string{"（镇乡）", "（乡镇）", "（街道）", "（通用）", "（模板）", "（范文）", "(镇乡)", "(街道)", "(乡镇)"}
