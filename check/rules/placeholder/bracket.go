package placeholder

import (
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
)

// Bracket reports instructions in brackets that a template asks the drafter
// to replace: [单位名称], 【填写日期】, （此处填写…）, (xxx).
var Bracket = &check.Rule{
	ID: "PH004", Name: "placeholder-bracket", Category: check.Placeholder, Severity: check.Error,
	Doc: check.Doc{
		Title:  "模板说明未替换",
		Text:   "括号中的填写说明（[单位名称]、【填写日期】、（此处填写具体措施））没有换成正文。",
		Wrong:  "[单位名称]2024年工作总结（此处填写主要成绩）",
		Right:  "青禾街道2024年工作总结",
		Source: "公文审校常规：占位符未填充",
	},
	Run: runBracket,
}

// instructionWords mark a bracket's content as an instruction to the drafter.
var instructionWords = []string{"填写", "单位名称", "名称", "姓名", "日期", "此处", "请输入", "输入", "待定", "待补充", "待填", "XX", "xx", "××"}

// brackets are the bracket pairs templates use.
var brackets = [][2]string{{"[", "]"}, {"【", "】"}, {"（", "）"}, {"(", ")"}, {"〔", "〕"}}

func runBracket(p *check.Pass) {
	text := p.File.Text
	for _, para := range p.File.Paragraphs {
		s := text[para.Span.Start:para.Span.End]
		for _, b := range brackets {
			for off := 0; ; {
				i := check.Index(s[off:], b[0])
				if i < 0 {
					break
				}
				i += off
				j := check.Index(s[i+len(b[0]):], b[1])
				if j < 0 {
					break
				}
				inner := s[i+len(b[0]) : i+len(b[0])+j]
				off = i + len(b[0]) + j + len(b[1])
				if isInstruction(inner, b[0]) {
					span := document.Span{Start: para.Span.Start + i, End: para.Span.Start + off}
					p.Reportf(span, "模板说明“%s”未替换为正文", text[span.Start:span.End])
				}
			}
		}
	}
}

// isInstruction reports whether bracket content is a drafting instruction.
// Round brackets are ordinary prose, so they need 此处 or 填写; square
// brackets need only an instruction word.
func isInstruction(inner, open string) bool {
	if inner == "" || utf8.RuneCountInString(inner) > 30 {
		return false
	}
	if open == "（" || open == "(" {
		return strings.HasPrefix(inner, "此处") || strings.Contains(inner, "填写") || strings.Contains(inner, "请输入")
	}
	for _, w := range instructionWords {
		if strings.Contains(inner, w) {
			return true
		}
	}
	return false
}
