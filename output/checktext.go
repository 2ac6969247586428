package output

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"zongjie/check"
)

// CheckTextOptions controls the text rendering of findings.
type CheckTextOptions struct {
	Color bool // ANSI colours, for a terminal
	// Fixable is the number of findings --fix would correct, for the
	// closing summary.
	Fixable int
}

// ANSI colours.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[1;36m"
	ansiBlue   = "\x1b[1;34m"
	ansiGreen  = "\x1b[32m"
)

// WriteCheckText writes findings the way compilers do, one per block:
//
//	a.txt:3:9: 错误: “昂杨”应为“昂扬” [TY001 typo-pair]
//	    3 | 始终保持昂杨的斗志和充足的干劲
//	      |         ^^^^
//	      = 修改：改为“昂扬”
//
// The first line is the form editors and CI logs link to (path:line:column,
// the column in characters); the caret line is aligned in display columns,
// a Chinese character taking two.
func WriteCheckText(w io.Writer, res CheckResult, opt CheckTextOptions) error {
	var b strings.Builder
	paint := func(color, s string) string {
		if !opt.Color {
			return s
		}
		return color + s + ansiReset
	}
	counts := map[check.Severity]int{}
	files := 0
	for _, f := range res.Files {
		if len(f.Diagnostics) > 0 {
			files++
		}
		src := &lineCache{lines: f.Lines}
		for _, d := range f.Diagnostics {
			counts[d.Severity]++
			color := ansiBlue
			switch d.Severity {
			case check.Error:
				color = ansiRed
			case check.Warning:
				color = ansiYellow
			}
			fmt.Fprintf(&b, "%s %s %s %s\n",
				paint(ansiBold, fmt.Sprintf("%s:%d:%d:", f.Path, d.Line, d.Column)),
				paint(color, d.Severity.Chinese()+":"),
				d.Message,
				paint(ansiCyan, "["+d.Rule+"]"))
			if f.Lines != nil {
				writeSource(&b, src.runes(d.Line), d, paint)
			}
			for i, fx := range d.Fixes {
				if i == 0 {
					fmt.Fprintf(&b, "%s %s\n", gutter(d.Line, "="), paint(ansiGreen, "修改："+fixText(fx)))
				} else {
					fmt.Fprintf(&b, "%s %s\n", gutter(d.Line, "="), paint(ansiGreen, "或："+fixText(fx)))
				}
			}
		}
	}
	total := counts[check.Error] + counts[check.Warning] + counts[check.Info]
	switch {
	case len(res.Files) == 0:
	case total == 0:
		fmt.Fprintf(&b, "检查了 %d 个文件，未发现问题。\n", len(res.Files))
	default:
		fmt.Fprintf(&b, "检查了 %d 个文件，%d 个文件发现 %d 处问题（错误 %d，警告 %d，提示 %d）",
			len(res.Files), files, total, counts[check.Error], counts[check.Warning], counts[check.Info])
		if opt.Fixable > 0 {
			fmt.Fprintf(&b, "；其中 %d 处可用 --fix 自动修改", opt.Fixable)
		}
		b.WriteString("。\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// fixText describes a fix for the text output.
func fixText(f check.Fix) string {
	if f.Message != "" {
		return f.Message
	}
	if f.Replacement == "" {
		return "删除"
	}
	return "改为“" + f.Replacement + "”"
}

// gutter returns the left margin of source lines: the line number, or the
// mark, right-aligned in the width of the line number.
func gutter(line int, mark string) string {
	n := len(fmt.Sprint(line))
	if mark == "" {
		return fmt.Sprintf("%*d |", n+4, line)
	}
	return fmt.Sprintf("%*s", n+4, "") + " " + mark
}

// writeSource writes the finding's line and a caret line under its span.
// Long lines are cut around the span.
func writeSource(b *strings.Builder, runes []rune, d check.Diagnostic, paint func(string, string) string) {
	if len(runes) == 0 {
		return
	}
	col := d.Column - 1 // 0-based, in characters
	if col > len(runes) {
		return
	}
	n := utf8.RuneCountInString(d.Text)
	if nl := strings.IndexByte(d.Text, '\n'); nl >= 0 {
		n = utf8.RuneCountInString(d.Text[:nl]) // a span across lines: underline to the line's end
	}
	end := min(col+max(n, 1), len(runes))
	// Keep at most 30 characters on either side of the span.
	const around = 30
	lo, hi := max(col-around, 0), min(end+around, len(runes))
	prefix, suffix := "", ""
	if lo > 0 {
		prefix = "…"
	}
	if hi < len(runes) {
		suffix = "…"
	}
	show := string(runes[lo:hi])
	show = strings.ReplaceAll(show, "\t", " ")
	fmt.Fprintf(b, "%s %s%s%s\n", gutter(d.Line, ""), prefix, show, suffix)
	pad := displayWidth(prefix) + displayWidth(string(runes[lo:col]))
	carets := max(displayWidth(string(runes[col:end])), 1)
	fmt.Fprintf(b, "%s %s%s\n", gutter(d.Line, "|"), strings.Repeat(" ", pad), paint(ansiRed, strings.Repeat("^", carets)))
}

// displayWidth returns the width of s in a terminal: two columns for wide
// and full-width characters, one for the rest.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// lineCache holds the characters of the last line asked for, and the
// length in characters of every line asked for. Findings come in order
// and many share a line, which may be a whole paragraph of megabytes:
// converting it once per finding made the output quadratic in its length.
type lineCache struct {
	lines  func(int) string
	n      int
	line   []rune
	counts map[int]int
}

// runes returns the characters of 1-based line n.
func (c *lineCache) runes(n int) []rune {
	if c.line == nil || c.n != n {
		c.n, c.line = n, []rune(c.lines(n))
	}
	return c.line
}

// count returns the length of 1-based line n in characters.
func (c *lineCache) count(n int) int {
	if c.counts == nil {
		c.counts = map[int]int{}
	}
	k, ok := c.counts[n]
	if !ok {
		k = utf8.RuneCountInString(c.lines(n))
		c.counts[n] = k
	}
	return k
}
