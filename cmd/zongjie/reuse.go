package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"zongjie"
	"zongjie/app"
	"zongjie/corpus"
	"zongjie/output"
	"zongjie/reuse"
	"zongjie/store"
)

func runCompare(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "compare", "[选项] A B", "比较两篇报告（文件或已保存报告的编号）：各自有多少文字与对方相同，以及相同的段落。")
	db := dbFlag(fs)
	format := formatFlag(fs)
	color := fs.String("color", "auto", "文本输出着色：auto、always、never")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 2 || !checkFormat(e, "compare", *format) {
		fs.Usage()
		return exitUsage
	}
	paint, ok := useColor(*color, e.stdout)
	if !ok {
		fmt.Fprintf(e.stderr, "zongjie compare: --color 应为 auto、always 或 never\n")
		return exitUsage
	}
	x, err := argRef(e, rest[0])
	if err != nil {
		return fail(e, "compare", err)
	}
	y, err := argRef(e, rest[1])
	if err != nil {
		return fail(e, "compare", err)
	}
	a := newApp(*db, nil)
	defer a.Close()
	c, err := a.Compare(ctx, x, y)
	if err != nil {
		return fail(e, "compare", err)
	}
	return writeOut(e, "compare", *format, c.JSON(), func(w io.Writer) error {
		if c.Whole != nil {
			writeCompareText(w, *c.Whole, paint)
			return nil
		}
		for _, p := range c.Pairs.Pairs {
			fmt.Fprintf(w, "== A 第 %d/%d 篇%s ↔ B 第 %d/%d 篇%s\n", p.A.Index+1, c.PartsA, titled(p.A.Title), p.B.Index+1, c.PartsB, titled(p.B.Title))
			if len(p.Passages) == 0 {
				fmt.Fprintln(w, "没有相同的文字。")
				fmt.Fprintln(w)
				continue
			}
			writeCompareText(w, p.Comparison, paint)
			fmt.Fprintln(w)
		}
		return nil
	})
}

// titled returns "（title）", or "" for no title.
func titled(title string) string {
	if title == "" {
		return ""
	}
	return "（" + title + "）"
}

// writeCompareText prints the shares, then each passage side by side with
// its differences marked.
func writeCompareText(w io.Writer, c app.Comparison, paint bool) {
	na, nb := c.TextA, c.TextB
	for _, s := range []struct {
		name string
		s    app.Side
	}{{"A", c.A}, {"B", c.B}} {
		fmt.Fprintf(w, "%s %s：%d 字，与对方相同 %d 字（%.1f%%），其中套话 %d 字；去除套话后 %.1f%%\n",
			s.name, s.s.Path, s.s.Chars, s.s.ReusedChars, 100*s.s.Reuse, s.s.BoilerplateChars, 100*s.s.ReuseOwn)
	}
	fmt.Fprintf(w, "相同段落 %d 处。\n", len(c.Passages))
	const col = 34 // display cells per column
	for k, p := range c.Passages {
		kinds := map[string]int{}
		for _, e := range p.Edits {
			kinds[e.Kind]++
		}
		note := "完全相同"
		if !p.Identical {
			var parts []string
			for _, kind := range []string{"year", "number", "placeholder", "width", "punctuation", "text"} {
				if kinds[kind] > 0 {
					parts = append(parts, fmt.Sprintf("%s %d 处", editKindText[kind], kinds[kind]))
				}
			}
			note = "改动：" + strings.Join(parts, "，")
		}
		if p.Boilerplate {
			note += "（套话）"
		}
		fmt.Fprintf(w, "\n段落 %d：A 第 %d–%d 字 ↔ B 第 %d–%d 字，%s\n", k+1, p.AOffset+1, p.AOffset+p.ALength, p.BOffset+1, p.BOffset+p.BLength, note)
		left := wrapMarked(na, p.AOffset, p.ALength, p.Edits, true, col, paint)
		right := wrapMarked(nb, p.BOffset, p.BLength, p.Edits, false, col, paint)
		for i := 0; i < max(len(left), len(right)); i++ {
			var l, r cell
			if i < len(left) {
				l = left[i]
			}
			if i < len(right) {
				r = right[i]
			}
			fmt.Fprintf(w, "  %s%s │ %s\n", l.text, strings.Repeat(" ", col-l.width), r.text)
		}
	}
}

var editKindText = map[string]string{
	"year": "年份", "number": "数字", "placeholder": "占位符", "width": "标点全半角", "punctuation": "标点", "text": "文字",
}

type cell struct {
	text  string
	width int
}

// wrapMarked wraps the original text of one side of a passage into lines
// of at most col display cells, marking the edited characters: in colour,
// or between ⟦ and ⟧.
func wrapMarked(t *reuse.Text, off, n int, edits []reuse.Edit, isA bool, col int, paint bool) []cell {
	marked := make([]bool, n)
	for _, e := range edits {
		o, l := e.BOffset, e.BLength
		if isA {
			o, l = e.AOffset, e.ALength
		}
		for k := o; k < o+l; k++ {
			if k-off >= 0 && k-off < n {
				marked[k-off] = true
			}
		}
	}
	var lines []cell
	var cur strings.Builder
	width := 0
	in := false // a mark is open on the current line
	open, close := "⟦", "⟧"
	markWidth := 1
	if paint {
		open, close, markWidth = "\033[1;31m", "\033[0m", 0
	}
	flushLine := func() {
		if in {
			cur.WriteString(close)
			width += markWidth
			in = false
		}
		lines = append(lines, cell{cur.String(), width})
		cur.Reset()
		width = 0
	}
	for k, r := range []rune(t.Original(off, off+n)) {
		if r == '\n' {
			r = '↵'
		}
		rw := 1
		if r >= 0x1100 {
			rw = 2
		}
		// Room for the character and for the marks it may need.
		if width+rw+2*markWidth > col && width > 0 {
			flushLine()
		}
		if marked[k] != in {
			in = marked[k]
			if in {
				cur.WriteString(open)
			} else {
				cur.WriteString(close)
			}
			width += markWidth
		}
		cur.WriteRune(r)
		width += rw
	}
	if cur.Len() > 0 {
		flushLine()
	}
	return lines
}

func runSimilar(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "similar", "[选项] 文件或编号", "找出数据库中与之文字相同最多的报告；文件中有多篇报告时，逐篇查找。")
	db := dbFlag(fs)
	format := formatFlag(fs)
	top := fs.Int("top", 10, "每篇最多列出几篇（至少 1）")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 || !checkFormat(e, "similar", *format) {
		fs.Usage()
		return exitUsage
	}
	ref, err := argRef(e, rest[0])
	if err != nil {
		return fail(e, "similar", err)
	}
	a := newApp(*db, nil)
	defer a.Close()
	res, err := a.Similar(ctx, ref, *top)
	if err != nil {
		return fail(e, "similar", err)
	}
	return writeOut(e, "similar", *format, res.JSON(), func(w io.Writer) error {
		for i, p := range res.Parts {
			indent := ""
			if len(res.Parts) > 1 {
				if i > 0 {
					fmt.Fprintln(w)
				}
				fmt.Fprintf(w, "第 %d 篇（共 %d 篇）：%s\n", p.Index+1, len(res.Parts), p.Title)
				indent = "  "
			}
			if len(p.Similar) == 0 {
				fmt.Fprintln(w, indent+"数据库中没有与之文字相同的报告。")
				continue
			}
			for k, m := range p.Similar {
				r := m.Report.Stored
				fmt.Fprintf(w, "%s%2d. [%d] %s %s %s\n%s    本篇 %.1f%% 与之相同（去除套话 %.1f%%），对方 %.1f%% 与本篇相同（去除套话 %.1f%%），%d 处相同段落\n%s    最长一处 %d 字：%s\n",
					indent, k+1, r.ID, unitText(r.Unit), periodText(r), r.Title,
					indent, 100*m.Query.Reuse, 100*m.Query.ReuseOwn, 100*m.Other.Reuse, 100*m.Other.ReuseOwn, m.Passages,
					indent, len([]rune(m.Text)), clip(m.Text, 60))
			}
		}
		return nil
	})
}

func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", "↵")
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}

func runFamilies(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "families", "[选项]", "把出自同一模板或同一篇旧报告的报告分组（相互文字相同较多者归为一组），大组在前，列出每组成员和共有的文字。")
	db := dbFlag(fs)
	format := formatFlag(fs)
	top := fs.Int("top", 0, "只列最大的几组（0：全部）")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 0 || !checkFormat(e, "families", *format) {
		fs.Usage()
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	// The families are written as they are found: a failed write comes
	// back through a.Families, and out tells it from the database's own.
	out := &stickyWriter{w: e.stdout}
	var write func(f app.Family) error
	n := 0
	if *format == "json" {
		fw := output.NewFamiliesWriter(out)
		write = func(f app.Family) error { return fw.Write(f) }
		if err := a.Families(ctx, *top, write); err != nil || out.err != nil {
			return streamed(e, "families", out, err)
		}
		return streamed(e, "families", out, fw.Close())
	}
	write = func(f app.Family) error {
		n++
		fmt.Fprintf(out, "第 %d 组（%d 篇）：\n", n, len(f.Members))
		for _, m := range f.Family.Members {
			fmt.Fprintf(out, "  [%d] %s %s %s\n", m.ID, unitText(m.Unit), periodText(m), m.Title)
		}
		for _, l := range f.Family.Links {
			fmt.Fprintf(out, "    %d ↔ %d：约 %.0f%% / %.0f%% 相同\n", l.A, l.B, 100*l.ShareA, 100*l.ShareB)
		}
		writeShared(out, f.SharedRaw)
		return out.err
	}
	if err := a.Families(ctx, *top, write); err != nil || out.err != nil {
		return streamed(e, "families", out, err)
	}
	if n == 0 {
		fmt.Fprintln(out, "没有发现相互文字相同较多的报告。")
	}
	return streamed(e, "families", out, nil)
}

// sharedShown is how many of the shared passages of a family the text
// output quotes: the longest.
const sharedShown = 5

// writeShared writes what a family shares.
func writeShared(w io.Writer, sh corpus.Shared) {
	if len(sh.Passages) == 0 {
		fmt.Fprintf(w, "  共有文字（以 [%d] 为准，与 %d 篇比对）：无（各篇与之相同的部分不重合）\n", sh.Report, len(sh.Compared))
		return
	}
	fmt.Fprintf(w, "  共有文字（以 [%d] 为准，与 %d 篇比对）：%d 字，占其全文 %.0f%%（去除套话 %.0f%%），%d 段\n",
		sh.Report, len(sh.Compared), sh.SharedChars, 100*float64(sh.SharedChars)/float64(max(sh.Chars, 1)),
		100*float64(sh.OwnChars)/float64(max(sh.Chars, 1)), len(sh.Passages))
	shown := slices.Clone(sh.Passages)
	slices.SortStableFunc(shown, func(a, b corpus.SharedPassage) int { return b.Length - a.Length })
	shown = shown[:min(len(shown), sharedShown)]
	slices.SortFunc(shown, func(a, b corpus.SharedPassage) int { return a.Offset - b.Offset })
	for _, p := range shown {
		note := ""
		if p.Boilerplate {
			note = "（套话）"
		}
		fmt.Fprintf(w, "    第 %d 字起 %d 字%s：%s\n", p.Offset+1, p.Length, note, clip(p.Text, 60))
	}
	if rest := len(sh.Passages) - len(shown); rest > 0 {
		fmt.Fprintf(w, "    另有 %d 段\n", rest)
	}
}

func runSearch(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "search", "[选项] 查询词", "全文检索所有已保存的报告（按字匹配，不需分词）。")
	db := dbFlag(fs)
	filter := filterFlags(fs)
	format := formatFlag(fs)
	kind := fs.String("kind", "", "只查此类部分：回顾 亮点 问题 计划 其他（或 review highlights problems plan other）")
	limit := fs.Int("limit", 20, "最多几条（至少 1）")
	color := fs.String("color", "auto", "着色：auto、always、never")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) == 0 || !checkFormat(e, "search", *format) {
		fs.Usage()
		return exitUsage
	}
	paint, ok := useColor(*color, e.stdout)
	if !ok {
		fmt.Fprintf(e.stderr, "zongjie search: --color 应为 auto、always 或 never\n")
		return exitUsage
	}
	query := strings.Join(rest, " ")
	f, err := filter()
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie search: %v\n", err)
		return exitUsage
	}
	k := ""
	if *kind != "" {
		sk, ok := zongjie.ParseSectionKind(strings.TrimSpace(*kind))
		if !ok {
			fmt.Fprintf(e.stderr, "zongjie search: --kind %q 不是部分的类别，可选 回顾 亮点 问题 计划 其他\n", *kind)
			return exitUsage
		}
		k = string(sk)
	}
	a := newApp(*db, nil)
	defer a.Close()
	res, err := a.Search(ctx, store.Query{Text: query, Filter: f, Kind: k, Limit: *limit})
	if err != nil {
		return fail(e, "search", err)
	}
	return writeOut(e, "search", *format, res, func(w io.Writer) error {
		if len(res.Hits) == 0 {
			fmt.Fprintln(w, "没有找到。")
			return nil
		}
		for _, h := range res.Hits {
			r := h.Report.Stored
			snip, spans := corpus.Snippet(h.Text, h.Highlights, 80)
			fmt.Fprintf(w, "[%d] %s %s %s（%s）\n    %s\n", r.ID, unitText(r.Unit), periodText(r), r.Title,
				orDash(zongjie.SectionKind(h.Kind).Words()), mark(snip, spans, paint))
		}
		return nil
	})
}

// mark wraps the spans of s in colour or 【】.
func mark(s string, spans [][2]int, paint bool) string {
	open, close := "【", "】"
	if paint {
		open, close = "\033[1;31m", "\033[0m"
	}
	rs := []rune(s)
	var b strings.Builder
	k := 0
	for i, r := range rs {
		if k < len(spans) && i == spans[k][0] {
			b.WriteString(open)
		}
		b.WriteRune(r)
		if k < len(spans) && i == spans[k][1]-1 {
			b.WriteString(close)
			k++
		}
	}
	return strings.ReplaceAll(b.String(), "\n", " ")
}
