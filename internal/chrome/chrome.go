// Package chrome finds the text a report carries that is not the report's:
// the web page chrome copied along with it (buttons such as 下载 打印 收藏,
// the font-size bar 【字号：大 中 小】, breadcrumbs 首页 > 政府信息公开 > …,
// the page's 来源： and 时间： lines, photo captions, 扫一扫 footers) and
// notices appended after it (a licence or copyright block such as a
// wiki's "本作品…属于公有领域 / Public domain", a site footer).
//
// Both come as blocks of whole lines. A block is found whole, with the
// blank lines that belong to it, so that removing it never leaves half a
// bracket pair or a label without its value behind. The check rules report
// the blocks (artifact) and reuse leaves them out of the text it compares.
package chrome

import (
	"strings"
	"unicode/utf8"

	"zongjie/document"
	"zongjie/internal/words"
)

// Kind tells what a block is.
type Kind int

const (
	// Page is web page chrome: buttons, breadcrumbs, the page's source
	// and date lines, photo captions.
	Page Kind = iota
	// Notice is a licence, copyright or site notice appended after the
	// report, running to the end of the text.
	Notice
)

// A Block is a run of whole lines that are not the report's text.
type Block struct {
	Kind Kind
	// Span covers the block's lines with text, first to last, without
	// their final newline: what a finding points at.
	Span document.Span
	// Remove is what deleting the block deletes: its lines with their
	// newlines and the blank lines that belong to the block (those after
	// it, or for a block at the end of the text those before it too).
	Remove document.Span
	// Lines counts the block's lines with text.
	Lines int
}

// line is one line of the text and what it is.
type line struct {
	start, end int // byte offsets, end before the newline
	text       string
	class      class
}

type class int

const (
	other  class = iota
	blank        // nothing but spaces
	strong       // chrome by itself
	weak         // chrome only beside other chrome: 】, >, a date, a crumb
)

// Find returns the blocks of text in order. It reads lines only, in one
// pass, and is linear in the length of the text.
func Find(text string) []Block {
	lines := split(text)
	for i := range lines {
		lines[i].class = classify(lines[i].text)
	}
	context(lines)
	var out []Block
	notice := noticeStart(lines)
	for i := 0; i < notice; {
		if lines[i].class != strong && lines[i].class != weak {
			i++
			continue
		}
		j := i
		hasStrong := false
		for j < notice && lines[j].class != other {
			if lines[j].class == strong {
				hasStrong = true
			}
			j++
		}
		// Trailing blank lines belong to the gap after the block, not to
		// its text: trim them from the lines with text.
		last := j - 1
		for last >= i && lines[last].class == blank {
			last--
		}
		if hasStrong && last >= i {
			b := Block{Kind: Page, Span: document.Span{Start: lines[i].start, End: lines[last].end}}
			for k := i; k <= last; k++ {
				if lines[k].class != blank {
					b.Lines++
				}
			}
			b.Remove = document.Span{Start: lines[i].start, End: afterLine(text, lines[j-1])}
			if j == len(lines) {
				// At the end of the text: the blank lines before it go too.
				b.Remove.Start = blankBefore(lines, i)
			}
			out = append(out, b)
		}
		i = j
	}
	if notice < len(lines) {
		last := len(lines) - 1
		for last > notice && lines[last].class == blank {
			last--
		}
		b := Block{Kind: Notice, Span: document.Span{Start: lines[notice].start, End: lines[last].end}}
		for k := notice; k <= last; k++ {
			if lines[k].class != blank {
				b.Lines++
			}
		}
		b.Remove = document.Span{Start: blankBefore(lines, notice), End: len(text)}
		// Page chrome just before the notice (相关链接 …) took the blank
		// lines between them.
		if n := len(out); n > 0 {
			b.Remove.Start = max(b.Remove.Start, out[n-1].Remove.End)
		}
		out = append(out, b)
	}
	return out
}

// split returns the lines of text.
func split(text string) []line {
	out := make([]line, 0, strings.Count(text, "\n")+1)
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		out = append(out, line{start: start, end: end, text: text[start:end]})
		start = end + 1
	}
	return out
}

// afterLine returns the offset after l's newline (or the end of text).
func afterLine(text string, l line) int {
	if l.end < len(text) {
		return l.end + 1
	}
	return l.end
}

// blankBefore returns the start of the blank lines just before line i
// (their first one), or line i's start: where a block at the end of the
// text begins to be removed. The newline that ends the last line of text
// is kept.
func blankBefore(lines []line, i int) int {
	k := i
	for k > 0 && lines[k-1].class == blank {
		k--
	}
	return lines[k].start
}

// context settles the lines whose class depends on their neighbours:
// crumbs between breadcrumb separators, and the value of a bare label
// (来源： on one line, 陕西省人民政府 on the next).
func context(lines []line) {
	for i := range lines {
		t := words.TrimSpace(lines[i].text)
		if isSeparator(t) {
			for _, k := range []int{i - 1, i + 1} {
				if k >= 0 && k < len(lines) && lines[k].class == other && isCrumb(lines[k].text) {
					lines[k].class = weak
				}
			}
		}
		if isBareLabel(t) && i+1 < len(lines) && lines[i+1].class == other && isCrumb(lines[i+1].text) {
			lines[i+1].class = weak
		}
	}
}

// maxLine is the longest line of chrome, in characters.
const maxLine = 60

// classify says what a line is by itself.
func classify(s string) class {
	if len(s) > 4*maxLine {
		return other // a paragraph of text, not a line of chrome
	}
	t := words.TrimSpace(s)
	if t != "" && (t[0] == 0xE2 || t[0] == 0xEF || t[len(t)-1] == 0x8B || t[len(t)-1] == 0x8D || t[len(t)-1] == 0xBF) {
		t = words.TrimSpace(strings.Trim(t, "\u200b\u200d\ufeff")) // zero-width marks from web pages
	}
	switch {
	case t == "":
		return blank
	case utf8.RuneCountInString(t) > maxLine:
		return other
	case isButtons(t) == strong, isMeta(t), isMeta(unwrap(t)), isCaption(t), isBreadcrumb(t), pagePhrases.Contains(t) && len(t) == len(pagePhrases.At(t, 0)):
		return strong
	case isButtons(t) == weak, isSeparator(t), isDateTime(t):
		return weak
	}
	return other
}

// buttonWords are the words of page chrome buttons and bars.
var buttonWords = words.NewSet(
	"下载", "打印", "收藏", "全屏", "分享", "关闭", "关闭窗口", "打印本页", "返回顶部", "返回", "字号", "【字号", "字号：",
	"加大", "还原", "减小", "大", "中", "小", "】", "【", "：", ":", "|", "相关报道", "相关链接", "相关新闻", "扫一扫", "微信", "微博",
	"浏览次数", "阅读", "点击", "分享到", "【打印】", "【关闭】", "【收藏】", "视力保护色", "字体", "默认", "背景色", "QQ空间", "我要纠错",
	"【我要纠错】", "【字体", "[", "]", "首页", "上一篇", "下一篇",
)

// isButtons tells whether a line is nothing but button words and blanks:
// strong with at least one real word (of two characters or more), weak
// with single characters only (大, 】), other if it is not.
func isButtons(s string) class {
	if utf8.RuneCountInString(s) > 30 {
		return other
	}
	rest := s
	real := false
	for rest != "" {
		w := buttonWords.At(rest, 0)
		if w == "" {
			return other
		}
		if utf8.RuneCountInString(w) >= 2 {
			real = true
		}
		rest = strings.TrimLeft(rest[len(w):], " \t　")
	}
	if real {
		return strong
	}
	return weak
}

// pagePhrases are whole lines of chrome that are sentences of their own.
var pagePhrases = words.NewSet(
	"扫一扫在手机打开当前页", "扫一扫在手机上打开当前页", "在手机上打开当前页", "打开微信扫一扫", "用微信扫描二维码", "分享给朋友",
)

// metaLabels are the labels of a page's information line: 来源：解放日报,
// 时间：2026-02-09, 发布日期：…, 作者：…, 浏览次数：….
var metaLabels = words.NewSet("来源", "信息来源", "文章来源", "稿件来源", "时间", "发布时间", "发布日期", "日期", "更新时间",
	"作者", "编辑", "责任编辑", "审核", "浏览次数", "点击数", "阅读次数", "访问量", "发布机构", "字号", "上一篇", "下一篇")

// dateLabels must be followed by a date, if anything.
var dateLabels = map[string]bool{"时间": true, "发布时间": true, "发布日期": true, "日期": true, "更新时间": true}

// isMeta reports whether a line is a page's information line: one or more
// label：value pairs (来源：解放日报 时间：2026-02-09), each value short,
// without sentence marks, and a date after a date label.
func isMeta(s string) bool {
	rest := s
	n := 0
	for rest != "" {
		w := metaLabels.At(rest, 0)
		if w == "" {
			return false
		}
		rest = rest[len(w):]
		if c := colon(rest); c > 0 {
			rest = rest[c:]
		} else {
			return false
		}
		rest = strings.TrimLeft(rest, " \t　")
		// The value runs to the next label after a blank.
		end := len(rest)
		for k := 0; k < len(rest); {
			r, size := utf8.DecodeRuneInString(rest[k:])
			if r == ' ' || r == '\t' || r == '　' {
				after := strings.TrimLeft(rest[k:], " \t　")
				if l := metaLabels.At(after, 0); l != "" && colon(after[len(l):]) > 0 {
					end = k
					break
				}
			}
			k += size
		}
		value := words.TrimSpace(rest[:end])
		if strings.ContainsAny(value, "。，；！？") || utf8.RuneCountInString(value) > 30 {
			return false
		}
		if dateLabels[w] && value != "" && !isDateTime(value) {
			return false
		}
		rest = strings.TrimLeft(rest[end:], " \t　")
		n++
	}
	return n > 0
}

// unwrap returns s without the brackets around it: （责任编辑：王五）.
func unwrap(s string) string {
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}, {"【", "】"}, {"[", "]"}} {
		if t, ok := strings.CutPrefix(s, p[0]); ok {
			if t, ok := strings.CutSuffix(t, p[1]); ok {
				return words.TrimSpace(t)
			}
		}
	}
	return ""
}

// colon returns the length of a colon at the start of s, or 0.
func colon(s string) int {
	for _, c := range []string{"：", ":"} {
		if strings.HasPrefix(s, c) {
			return len(c)
		}
	}
	return 0
}

// isBareLabel reports whether a line is a label with no value: 来源：.
func isBareLabel(s string) bool {
	w := metaLabels.At(s, 0)
	return w != "" && colon(s[len(w):]) > 0 && len(s) == len(w)+colon(s[len(w):])
}

// isDateTime reports whether s is a date or a time and nothing else:
// 2026-02-09, 2026-02-02 09:20, 2026年2月9日 10:30, 2026/02/09.
func isDateTime(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune("-/.:：年月日时分秒 　", r):
		default:
			return false
		}
	}
	return digits >= 4
}

// isCaption reports whether a line is a photo caption: a short line that
// credits a photographer (…本报记者 张三摄, 通讯员 李四 摄影), or that
// says who is reading the report (省长赵刚作政府工作报告).
func isCaption(s string) bool {
	if utf8.RuneCountInString(s) > 50 {
		return false
	}
	if strings.HasSuffix(s, "摄") || strings.HasSuffix(s, "摄影") || strings.HasSuffix(s, "供图") {
		for _, w := range []string{"记者", "通讯员", "摄影", "供图", "图为", "新华社", " "} {
			if strings.Contains(s, w) {
				return true
			}
		}
		return false
	}
	if strings.HasPrefix(s, "图为") || strings.HasPrefix(s, "图片来源") {
		return true
	}
	// The speaker at the lectern: 省长赵刚作政府工作报告, with no mark,
	// no year and a short name before it.
	if name, ok := strings.CutSuffix(s, "作政府工作报告"); ok {
		return name != "" && utf8.RuneCountInString(name) <= 12 && !strings.ContainsAny(name, "年。，；：:0123456789")
	}
	return false
}

// isSeparator reports whether a line is a breadcrumb separator alone.
func isSeparator(s string) bool {
	switch s {
	case ">", "＞", "›", "»", ">>", "＞＞", "/", "-", "→":
		return true
	}
	return false
}

// isBreadcrumb reports whether a line is a breadcrumb trail on one line:
// 首页 > 政府信息公开 > 政府工作报告, 当前位置：首页 > ….
func isBreadcrumb(s string) bool {
	if strings.HasPrefix(s, "当前位置") || strings.HasPrefix(s, "您的位置") || strings.HasPrefix(s, "您现在的位置") {
		return true
	}
	if !strings.HasPrefix(s, "首页") {
		return false
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '>' || r == '＞' || r == '›' || r == '»' })
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !isCrumb(p) {
			return false
		}
	}
	return true
}

// isCrumb reports whether s could be one step of a breadcrumb trail or
// the value of a label: short, with no sentence or clause marks.
func isCrumb(s string) bool {
	t := words.TrimSpace(s)
	n := utf8.RuneCountInString(t)
	return n > 0 && n <= 20 && !strings.ContainsAny(t, "。，；！？、：:“”")
}

// noticeTriggers start a notice appended after a report.
var noticeTriggers = []string{
	"本作品是", "本作品在", "本作品不适用", "本作品属于", "属于公有领域", "Public domain", "public domain", "Public Domain",
	"维基文库", "Wikisource", "版权所有", "Copyright", "copyright", "ICP备", "网站标识码", "转载请注明", "免责声明",
}

// noticeTail is how far from the end of the text a notice may start, in
// lines and in bytes: a notice is appended, it does not run through a
// report.
const (
	noticeTailLines = 60
	noticeTailBytes = 4000 * 3
	// noticeMaxBytes bounds a notice itself.
	noticeMaxBytes = 1500 * 3
)

// noticeStart returns the index of the line where an appended notice
// starts, or len(lines): the first line of the text's tail holding a
// trigger, if what follows is short and every line of it is too (a
// notice's fragments and its Public domain / false lines), never a
// paragraph of the report.
func noticeStart(lines []line) int {
	n := len(lines)
	if n == 0 {
		return n
	}
	end := lines[n-1].end
	first := max(0, n-noticeTailLines)
	for first < n && end-lines[first].start > noticeTailBytes {
		first++
	}
	for i := first; i < n; i++ {
		if lines[i].class == blank || !startsNotice(lines[i].text) || i == 0 {
			continue
		}
		ok := end-lines[i].start <= noticeMaxBytes
		for k := i + 1; k < n && ok; k++ {
			t := words.TrimSpace(lines[k].text)
			ok = t == "" || startsNotice(t) || utf8.RuneCountInString(t) <= 60
		}
		if ok {
			return i
		}
	}
	return n
}

// startsNotice reports whether a line opens with a notice's words (after
// a 注： or a ©): a sentence of the report that mentions 版权所有 does not.
func startsNotice(s string) bool {
	s = words.TrimSpace(s)
	for _, p := range []string{"注：", "注:", "©", "（", "("} {
		s = strings.TrimPrefix(s, p)
	}
	for _, w := range noticeTriggers {
		if strings.HasPrefix(s, w) || w == "维基文库" && strings.Contains(s, w) && utf8.RuneCountInString(s) <= 80 {
			return true
		}
	}
	return false
}
