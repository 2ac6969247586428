package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"zongjie/corpus"
	"zongjie/store"
)

func runVersions(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "versions", "[选项] 编号",
		"列出一篇已保存报告的各个版本（同一文件改动后重新加入、更正单位或时段、恢复旧版本，都保存为新版本，旧版本不会被覆盖）；\n"+
			"--diff 比较两个版本的文字。")
	db := dbFlag(fs)
	format := formatFlag(fs)
	diff := fs.String("diff", "", "比较的版本：“1”为第 1 版与当前版本，“1,3”为第 1 版与第 3 版")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 || !checkFormat(e, "versions", *format) {
		fs.Usage()
		return exitUsage
	}
	id, ok := idArg(e, "versions", rest[0])
	if !ok {
		return exitUsage
	}
	var pair []int
	if *diff != "" {
		for _, v := range splitValues(*diff) {
			n, err := strconv.Atoi(v)
			if err != nil || n <= 0 {
				fmt.Fprintf(e.stderr, "zongjie versions: --diff %q：版本号应为正整数，如 1 或 1,3\n", *diff)
				return exitUsage
			}
			pair = append(pair, n)
		}
		if len(pair) != 1 && len(pair) != 2 {
			fmt.Fprintf(e.stderr, "zongjie versions: --diff %q：应给出一个或两个版本号，如 1 或 1,3\n", *diff)
			return exitUsage
		}
		if *format == "json" {
			fmt.Fprintln(e.stderr, "zongjie versions: --diff 的输出是 diff 格式，不能与 --format json 同时使用")
			return exitUsage
		}
	}
	a := newApp(*db, nil)
	defer a.Close()
	if pair != nil {
		vb := 0
		if len(pair) == 2 {
			vb = pair[1]
		}
		d, err := a.DiffVersions(ctx, id, pair[0], vb)
		if err != nil {
			return fail(e, "versions", err)
		}
		label := func(r *store.Report) string {
			l := fmt.Sprintf("报告 %d 第 %d 版（%s", id, r.Version, r.Added.Local().Format("2006-01-02 15:04"))
			if r.Version == d.Current {
				l += "，当前版本"
			}
			return l + "）"
		}
		return writeResult(e, "versions", func(w io.Writer) error {
			writeUnified(w, label(d.A), label(d.B), d.Lines)
			return nil
		})
	}
	vl, err := a.Versions(ctx, id)
	if err != nil {
		return fail(e, "versions", err)
	}
	return writeOut(e, "versions", *format, vl, func(w io.Writer) error {
		cur := vl.Versions[len(vl.Versions)-1].Stored
		fmt.Fprintf(w, "报告 %d：%s，共 %d 版\n", id, cur.Title, len(vl.Versions))
		for _, x := range vl.Versions {
			v := x.Stored
			mark := " "
			if x.Current {
				mark = "*"
			}
			note := v.Note
			if note == "" && v.Version == 1 {
				note = "首次加入"
			}
			fmt.Fprintf(w, "%s 第 %d 版  %s  %s  %s  %d字  %s\n    %s\n", mark, v.Version, v.Added.Local().Format("2006-01-02 15:04"),
				unitText(v.Unit), periodText(v), v.Chars, note, v.Path)
		}
		fmt.Fprintln(w, "（* 为当前版本；zongjie versions --diff N 编号 比较第 N 版与当前版本，zongjie restore 编号 N 恢复第 N 版）")
		return nil
	})
}

// diffContext is the number of unchanged lines versions --diff shows
// around a change.
const versionsDiffContext = 2

// writeUnified writes a comparison of two texts as a unified diff (the
// format of diff -u), with the two texts' labels.
func writeUnified(w io.Writer, a, b string, lines []corpus.DiffLine) {
	changed := false
	for _, l := range lines {
		if l.Op != ' ' {
			changed = true
			break
		}
	}
	if !changed {
		fmt.Fprintf(w, "%s 与 %s 的文字相同。\n", a, b)
		return
	}
	fmt.Fprintf(w, "--- %s\n+++ %s\n", a, b)
	for i := 0; i < len(lines); {
		if lines[i].Op == ' ' {
			i++
			continue
		}
		// A hunk: changes less than 2*context lines apart, with context.
		start := max(i-versionsDiffContext, 0)
		end := i
		for k := i; k < len(lines); k++ {
			if lines[k].Op != ' ' {
				end = k + 1
			} else if k-end >= 2*versionsDiffContext {
				break
			}
		}
		end = min(end+versionsDiffContext, len(lines))
		hunk := lines[start:end]
		var na, nb, fa, fb int
		for _, l := range hunk {
			if l.Op != '+' {
				na++
				if fa == 0 {
					fa = l.A
				}
			}
			if l.Op != '-' {
				nb++
				if fb == 0 {
					fb = l.B
				}
			}
		}
		fmt.Fprintf(w, "@@ -%s +%s @@\n", unifiedRange(fa, na, lines, start, true), unifiedRange(fb, nb, lines, start, false))
		for _, l := range hunk {
			fmt.Fprintf(w, "%c%s\n", l.Op, l.Text)
		}
		i = end
	}
}

// unifiedRange formats a hunk's range in one text: its first line and
// count; an empty range is given by the line before it.
func unifiedRange(first, n int, lines []corpus.DiffLine, start int, inA bool) string {
	if n == 0 {
		before := 0
		for _, l := range lines[:start] {
			if inA && l.Op != '+' || !inA && l.Op != '-' {
				before++
			}
		}
		return fmt.Sprintf("%d,0", before)
	}
	if n == 1 {
		return strconv.Itoa(first)
	}
	return fmt.Sprintf("%d,%d", first, n)
}

func runRestore(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "restore", "[选项] 编号 版本号",
		"把已保存报告的一个旧版本恢复为当前版本：另存为新的一版，其余各版都保留。")
	db := dbFlag(fs)
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 2 {
		fs.Usage()
		return exitUsage
	}
	id, ok := idArg(e, "restore", rest[0])
	if !ok {
		return exitUsage
	}
	n, err := strconv.Atoi(strings.TrimSpace(rest[1]))
	if err != nil || n <= 0 {
		fmt.Fprintf(e.stderr, "zongjie restore: %q 不是版本号（应为正整数）\n", rest[1])
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	v, err := a.Restore(ctx, id, n)
	if err != nil {
		return fail(e, "restore", err)
	}
	return say(e, "restore", "已把报告 %d 的第 %d 版恢复为当前版本（第 %d 版）。\n", id, n, v.Version)
}
