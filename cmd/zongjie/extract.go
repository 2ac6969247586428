package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"zongjie"
	"zongjie/app"
	"zongjie/output"
)

func runExtract(ctx context.Context, e *env, args []string) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "text", "输出格式：text、json 或 csv（指标表）")
	demo := fs.Bool("demo", false, "读取内置的示例报告")
	items := fs.Bool("items", false, "文本输出的提纲中列出“一是、二是”等条目")
	mf := metaFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "用法：zongjie extract [选项] 文件…")
		fmt.Fprintln(e.stderr, "读取 .txt（UTF-8 或 GBK）、.md、.docx 报告；“-”表示标准输入。")
		fmt.Fprintln(e.stderr, "")
		fs.PrintDefaults()
	}
	files, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	switch *format {
	case "text", "json", "csv":
	default:
		fmt.Fprintf(e.stderr, "zongjie extract: 不支持的输出格式 %q，可选 text、json、csv\n", *format)
		return exitUsage
	}
	var inputs []app.Input
	switch {
	case *demo && len(files) > 0:
		fmt.Fprintln(e.stderr, "zongjie extract: --demo 不能与文件同时使用")
		return exitUsage
	case *demo:
		inputs = app.Examples()
	case len(files) == 0:
		fs.Usage()
		return exitUsage
	default:
		for _, f := range files {
			inputs = append(inputs, fileInput(e, f))
		}
	}
	if err := mf.parse(len(inputs)); err != nil {
		fmt.Fprintf(e.stderr, "zongjie extract: %v\n", err)
		return exitUsage
	}
	for i := range inputs {
		inputs[i].Stated = mf.forFile(i)
	}
	var reports []*zongjie.Report
	code := exitOK
	for _, d := range app.New(app.Options{}).Extract(ctx, inputs) {
		if d.Err != nil {
			fmt.Fprintf(e.stderr, "zongjie: %s\n", errorText(d.Err))
			code = exitUsage
			continue
		}
		reports = append(reports, d.Reports...)
	}
	if out := writeResult(e, "extract", func(w io.Writer) error { return writeExtract(w, *format, reports, *items) }); out != exitOK {
		return out
	}
	return code
}

// fileInput returns the input a file argument names: the file at the
// path, or standard input for "-".
func fileInput(e *env, name string) app.Input {
	in := app.Input{Name: name}
	if name == "-" {
		in.Reader = e.stdin
	}
	return in
}

func writeExtract(w io.Writer, format string, reports []*zongjie.Report, items bool) error {
	switch format {
	case "json":
		if reports == nil {
			reports = []*zongjie.Report{}
		}
		return output.WriteJSON(w, output.ExtractResult{Documents: reports})
	case "csv":
		return output.WriteQuantitiesCSV(w, reports)
	}
	return output.WriteExtractText(w, reports, output.TextOptions{Enumerations: items})
}
