package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"zongjie/app"
)

func runExport(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "export", "[选项] 文件或编号",
		"按公文格式（GB/T 9704-2012）把报告导出为 .docx：A4，版心 156×225 毫米，每页 22 行、每行 28 字，\n"+
			"标题二号方正小标宋简体，正文三号仿宋_GB2312，一级标题黑体，二级标题楷体_GB2312，页码四号宋体“— 1 —”。\n"+
			"导出前先改正可确定的问题（同 zongjie check --fix），--no-fix 则按原文导出。")
	out := fs.String("o", "", "输出文件（默认为输入文件名改为 .docx，已保存的报告为 report-编号.docx；“-”表示标准输出）")
	db := dbFlag(fs)
	noFix := fs.Bool("no-fix", false, "不改正，按原文导出")
	index := fs.Int("index", 0, "文件中有多篇报告时，导出第几篇（从 1 数起；默认第 1 篇）")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 || *index < 0 {
		fs.Usage()
		return exitUsage
	}
	arg := rest[0]
	ref, err := argRef(e, arg)
	if err != nil {
		return fail(e, "export", err)
	}
	// Where the .docx goes: beside the file, or report-ID.docx.
	dest := *out
	if ref.ID == 0 {
		if arg == "-" && dest == "" {
			fmt.Fprintln(e.stderr, "zongjie export: 从标准输入读取时请用 -o 指定输出文件")
			return exitUsage
		}
		if dest == "" {
			dest = strings.TrimSuffix(arg, filepath.Ext(arg)) + ".docx"
		}
		if dest != "-" && same(dest, arg) {
			fmt.Fprintf(e.stderr, "zongjie export: 输出文件不能是输入文件本身：%s（请用 -o 指定其他文件名）\n", dest)
			return exitUsage
		}
	} else if dest == "" {
		dest = fmt.Sprintf("report-%d.docx", ref.ID)
	}
	a := newApp(*db, nil)
	defer a.Close()
	x, err := a.Export(ctx, app.ExportRequest{Ref: ref, Index: *index, NoFix: *noFix})
	if err != nil {
		return fail(e, "export", err)
	}
	for _, n := range x.Notes {
		fmt.Fprintf(e.stderr, "zongjie export: %s\n", n)
	}
	if x.Fixed >= 0 {
		fmt.Fprintf(e.stderr, "%s：导出前已改正 %d 处可确定的问题（--no-fix 可按原文导出）\n", x.Label, x.Fixed)
	}
	if dest == "-" {
		_, err := e.stdout.Write(x.DOCX)
		return wrote(e, "export", err)
	}
	if err := writeAtomic(dest, x.DOCX); err != nil {
		fmt.Fprintf(e.stderr, "zongjie export: %s：写入失败：%s\n", dest, ioReason(err))
		return exitUsage
	}
	title := strings.ReplaceAll(x.Doc.Title, "\n", "")
	if title == "" {
		title = "（原文无标题行，未加标题）"
	}
	fmt.Fprintf(e.stderr, "已导出 %s：%s，%d 段\n", dest, title, len(x.Doc.Blocks))
	return exitOK
}
