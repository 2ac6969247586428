// Package artifact finds what does not belong in a report at all: markers
// of paid templates (##paidbegin##), web page chrome copied along with the
// text (下载 打印 收藏 字号), download-site watermarks, and template tags
// (范文, （镇乡）), and notices appended after a report (本作品…公有领域).
package artifact

import (
	"strconv"
	"strings"

	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/chrome"
)

// Rules of the artifact category.
var Rules = []*check.Rule{Marker, Chrome, Junk, Notice}

// Marker reports ##word## markers, such as the ##paidbegin## and
// ##paidend## that paid template sites put around the part they sell.
var Marker = &check.Rule{
	ID: "AR001", Name: "artifact-marker", Category: check.Artifact, Severity: check.Error,
	Doc: check.Doc{
		Title:  "模板网站标记",
		Text:   "付费模板网站插入的标记（##paidbegin##、##paidend##）留在了正文中。",
		Wrong:  "##paidbegin##（二）坚持项目带动",
		Right:  "（二）坚持项目带动",
		Source: "公文审校常规：模板残留",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for off := 0; ; {
			i := strings.Index(text[off:], "##")
			if i < 0 {
				return
			}
			i += off
			j := strings.Index(text[i+2:], "##")
			if j < 0 || j > 24 || !isWord(text[i+2:i+2+j]) {
				off = i + 2
				continue
			}
			span := document.Span{Start: i, End: i + 4 + j}
			p.Report(span, "模板网站标记“"+text[span.Start:span.End]+"”应删除",
				check.Fix{Message: "删除标记", Replacement: "", Certain: true})
			off = span.End
		}
	},
}

func isWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// Chrome reports blocks of web page chrome: runs of lines made of button
// words (下载 打印 收藏 【字号：大 中 小】), breadcrumbs (首页 > 政府信息公开 >
// …), the page's information lines (来源：…日报, 时间：2026-02-02) and photo
// captions (…本报记者 张三摄). One finding per block, whose fix removes the
// whole block with its blank lines: never a bracket or a label without the
// rest.
var Chrome = &check.Rule{
	ID: "AR002", Name: "artifact-chrome", Category: check.Artifact, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "网页残留",
		Text:   "从网页复制正文时带入的按钮和栏目文字（下载、打印、收藏、【字号：大 中 小】、首页 > 栏目、来源：、时间：、图片说明、相关报道），不是报告内容，整块删除。",
		Wrong:  "下载 打印 收藏\n【字号：\n大 中 小\n】\n2024年工作总结",
		Right:  "2024年工作总结",
		Source: "公文审校常规：网页残留",
	},
	Run: func(p *check.Pass) {
		for _, b := range p.Chrome() {
			if b.Kind != chrome.Page {
				continue
			}
			p.Report(b.Span, "网页残留“"+summary(p.File.Slice(b.Span))+"”不是报告内容，应删除"+lines(b),
				check.Fix{Message: removeMessage(b), Replacement: "", Span: b.Remove, Certain: true})
		}
	},
}

// Notice reports a notice appended after a report: a licence or copyright
// block (本作品…属于公有领域, Public domain), a site footer (版权所有, ICP备).
// It is not the report's text, and reuse leaves it out as well.
var Notice = &check.Rule{
	ID: "AR004", Name: "artifact-notice", Category: check.Artifact, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "文末附加声明",
		Text:   "报告之后附带的版权或许可声明、网站页脚（本作品属于公有领域、Public domain、版权所有、ICP备案号）不是报告内容，应整块删除；查重时也不计入。",
		Wrong:  "让我们团结奋斗，再创佳绩！\n本作品属于公有领域。\nPublic domain",
		Right:  "让我们团结奋斗，再创佳绩！",
		Source: "公文审校常规：网页残留",
	},
	Run: func(p *check.Pass) {
		for _, b := range p.Chrome() {
			if b.Kind != chrome.Notice {
				continue
			}
			p.Report(b.Span, "文末附加的声明“"+summary(p.File.Slice(b.Span))+"”不是报告内容，应删除"+lines(b),
				check.Fix{Message: removeMessage(b), Replacement: "", Span: b.Remove, Certain: true})
		}
	},
}

// summary returns a block's text on one line, shortened.
func summary(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 24 {
		return string(r[:24]) + "…"
	}
	return s
}

// removeMessage names what a block's fix removes.
func removeMessage(b chrome.Block) string {
	if b.Lines > 1 {
		return "删除整块" + strconv.Itoa(b.Lines) + "行"
	}
	return "删除此行"
}

// lines says how many lines a block has, when more than one.
func lines(b chrome.Block) string {
	if b.Lines > 1 {
		return "（整块" + strconv.Itoa(b.Lines) + "行）"
	}
	return "（此行）"
}
