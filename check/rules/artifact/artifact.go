// Package artifact finds what does not belong in a report at all: markers
// of paid templates (##paidbegin##), web page chrome copied along with the
// text (下载 打印 收藏 字号), download-site watermarks, and template tags
// (范文, （镇乡）).
package artifact

import (
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/words"
)

// Rules of the artifact category.
var Rules = []*check.Rule{Marker, Chrome, Junk}

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

// Chrome reports lines of web page chrome: a paragraph made only of words
// such as 下载, 打印, 收藏, 全屏, 分享, 【字号：, 加大, 还原, 减小, 返回顶部.
var Chrome = &check.Rule{
	ID: "AR002", Name: "artifact-chrome", Category: check.Artifact, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "网页残留",
		Text:   "从网页复制正文时带入的按钮和栏目文字（下载、打印、收藏、字号、相关报道），不是报告内容。",
		Wrong:  "下载 打印 收藏\n2024年工作总结",
		Right:  "2024年工作总结",
		Source: "公文审校常规：网页残留",
	},
	Run: func(p *check.Pass) {
		for _, para := range p.File.Paragraphs {
			if isChrome(p.File.Slice(para.Span)) {
				p.Report(para.Span, "网页残留“"+p.File.Slice(para.Span)+"”不是报告内容，应删除",
					check.Fix{Message: "删除此行", Replacement: "", Certain: true})
			}
		}
	},
}

// chromeWords are the words of page chrome.
var chromeWords = words.NewSet(
	"下载", "打印", "收藏", "全屏", "分享", "关闭", "关闭窗口", "打印本页", "返回顶部", "返回", "字号", "【字号", "字号：",
	"加大", "还原", "减小", "大", "中", "小", "】", "【", "：", ":", "|", "相关报道", "相关链接", "扫一扫", "微信", "微博",
	"责任编辑", "来源", "浏览次数", "阅读", "点击", "分享到", "【打印】", "【关闭】", "【收藏】", "视力保护色",
)

// isChrome reports whether a paragraph is nothing but chrome words and
// blanks, with at least one real chrome word.
func isChrome(s string) bool {
	if len(s) > 30*utf8.UTFMax || utf8.RuneCountInString(s) > 30 {
		return false
	}
	rest := strings.TrimSpace(s)
	strong := false
	for rest != "" {
		w := chromeWords.At(rest, 0)
		if w == "" {
			return false
		}
		if utf8.RuneCountInString(w) >= 2 {
			strong = true
		}
		rest = strings.TrimLeft(rest[len(w):], " \t　")
	}
	return strong
}
