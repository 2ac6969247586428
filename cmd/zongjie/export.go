package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"zongjie"
	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/document"
	"zongjie/extract"
	"zongjie/gongwen"
	"zongjie/reader"
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
	fail := func(format string, args ...any) int {
		fmt.Fprintf(e.stderr, "zongjie export: "+format+"\n", args...)
		return exitUsage
	}
	arg := rest[0]
	label := arg // for messages

	// The report: a file, or a stored report by ID.
	var f *document.File
	var reports []*zongjie.Report
	var embedded bool // not a file on disk: zongjie.toml is looked for in the working directory
	var storedID bool // a stored report: reports hold its stored extraction
	dest := *out
	if _, err := os.Stat(arg); err == nil || arg == "-" {
		if arg == "-" && dest == "" {
			return fail("从标准输入读取时请用 -o 指定输出文件")
		}
		var data []byte
		if arg == "-" {
			data, err = reader.Load("-", e.stdin)
		} else {
			data, err = reader.LoadFile(arg)
		}
		if err == nil {
			f, err = reader.Read(arg, data)
		}
		if err != nil {
			return fail("%s", errorText(err))
		}
		if dest == "" {
			dest = strings.TrimSuffix(arg, filepath.Ext(arg)) + ".docx"
		}
		if dest != "-" && same(dest, arg) {
			return fail("输出文件不能是输入文件本身：%s（请用 -o 指定其他文件名）", dest)
		}
		reports = extract.File(f)
	} else {
		id, err := strconv.ParseInt(arg, 10, 64)
		if err != nil || id <= 0 {
			return fail("%s：文件不存在，也不是报告编号（no such file or report ID）", arg)
		}
		st, ok := openStore(ctx, e, "export", *db)
		if !ok {
			return exitUsage
		}
		sr, err := st.Get(ctx, id)
		st.Close()
		if err != nil {
			return fail("报告 %d：%s", id, notFound(err))
		}
		// The stored text is one report's, its extraction stored with it.
		if f, err = storedFile(sr); err != nil {
			return fail("报告 %d：%s", id, errorText(err))
		}
		r, err := extract.Stored(f, sr.Data)
		if err != nil {
			r = whole(f, extract.File(f))
		}
		reports = []*zongjie.Report{r}
		storedID = true
		embedded = true
		label = fmt.Sprintf("报告 %d", id)
		if dest == "" {
			dest = fmt.Sprintf("report-%d.docx", id)
		}
	}
	if len(reports) == 0 {
		return fail("%s：没有可导出的内容", arg)
	}
	k := max(*index, 1) - 1
	if k >= len(reports) {
		return fail("%s 中只有 %d 篇报告，没有第 %d 篇", arg, len(reports), *index)
	}
	if len(reports) > 1 && *index == 0 {
		fmt.Fprintf(e.stderr, "zongjie export: %s 中有 %d 篇报告，导出第 1 篇（用 --index 选择其他）\n", arg, len(reports))
	}
	r := reports[k]

	// The certain fixes inside the report, as `check --fix` applies them.
	if !*noFix {
		configs := configLoader{rules: rules.All()}
		cfg, err := configs.forFile(f.Path, embedded)
		if err != nil {
			return fail("%v", err)
		}
		checked := reports
		if storedID {
			// The rules read what a stored extraction does not keep (the
			// spans of a figure's number and unit): they check a fresh one.
			checked = []*zongjie.Report{whole(f, extract.File(f))}
		}
		ds := check.Run(f, checked, configs.rules, cfg)
		var edits []document.Edit
		for _, ed := range check.Edits(f.Text, ds) {
			if ed.Span.Start >= r.Span.Start && ed.Span.End <= r.Span.End {
				edits = append(edits, ed)
			}
		}
		if len(edits) > 0 {
			f = f.Apply(edits)
			again := extract.File(f)
			if len(again) == len(reports) {
				r = again[k]
			} else {
				r = whole(f, again) // the fixes changed where reports begin: keep all the text
			}
		}
		fmt.Fprintf(e.stderr, "%s：导出前已改正 %d 处可确定的问题（--no-fix 可按原文导出）\n", label, len(edits))
	}

	d := gongwen.FromReport(f, r)
	var buf bytes.Buffer
	if err := gongwen.WriteDOCX(&buf, d); err != nil {
		return fail("%v", err)
	}
	if dest == "-" {
		if _, err := e.stdout.Write(buf.Bytes()); err != nil {
			return fail("写出结果失败：%v", err)
		}
		return exitOK
	}
	if err := writeAtomic(dest, buf.Bytes()); err != nil {
		return fail("%s：写入失败：%s", dest, ioReason(err))
	}
	title := strings.ReplaceAll(d.Title, "\n", "")
	if title == "" {
		title = "（原文无标题行，未加标题）"
	}
	fmt.Fprintf(e.stderr, "已导出 %s：%s，%d 段\n", dest, title, len(d.Blocks))
	return exitOK
}

// whole returns one report covering the whole file: the first of reports
// with the outlines of the others, for a text that is one report although
// extract splits it.
func whole(f *document.File, reports []*zongjie.Report) *zongjie.Report {
	if len(reports) == 0 {
		return &zongjie.Report{Span: document.Span{End: len(f.Text)}}
	}
	r := *reports[0]
	r.Span = document.Span{End: len(f.Text)}
	for _, o := range reports[1:] {
		r.Outline = append(r.Outline, o.Outline...)
	}
	return &r
}
