package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"sync"

	"zongjie"
	"zongjie/document"
	"zongjie/examples"
	"zongjie/extract"
	"zongjie/output"
	"zongjie/reader"
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
	var inputs []input
	switch {
	case *demo && len(files) > 0:
		fmt.Fprintln(e.stderr, "zongjie extract: --demo 不能与文件同时使用")
		return exitUsage
	case *demo:
		for _, f := range examples.All() {
			inputs = append(inputs, input{path: f.Name, data: f.Data})
		}
	case len(files) == 0:
		fs.Usage()
		return exitUsage
	default:
		for _, f := range files {
			inputs = append(inputs, input{path: f})
		}
	}

	if err := mf.parse(len(inputs)); err != nil {
		fmt.Fprintf(e.stderr, "zongjie extract: %v\n", err)
		return exitUsage
	}
	for i := range inputs {
		inputs[i].opts = mf.forFile(i)
	}
	results := readAll(ctx, inputs, e.stdin)
	var reports []*zongjie.Report
	code := exitOK
	for _, r := range results {
		if r.err != nil {
			fmt.Fprintf(e.stderr, "zongjie: %s\n", errorText(r.err))
			code = exitUsage
			continue
		}
		reports = append(reports, r.reports...)
	}
	if err := writeExtract(e.stdout, *format, reports, *items); err != nil {
		fmt.Fprintf(e.stderr, "zongjie: 写出结果失败：%v\n", err)
		return exitUsage
	}
	return code
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

// input is one file to read: a path, or embedded data.
type input struct {
	path string
	data []byte          // nil: read the path
	opts extract.Options // what the user states about its reports
}

type result struct {
	file    *document.File
	data    []byte // the bytes read, for commands that write the file back
	reports []*zongjie.Report
	err     error
}

// readAll reads and analyses the inputs concurrently and returns the
// results in input order.
func readAll(ctx context.Context, inputs []input, stdin io.Reader) []result {
	results := make([]result, len(inputs))
	parallel(len(inputs), func(i int) {
		if err := ctx.Err(); err != nil {
			results[i].err = err
			return
		}
		results[i] = analyse(inputs[i], stdin)
	})
	return results
}

// parallel calls fn(i) for every i in [0, n), on one goroutine per
// processor, and returns when all calls have.
func parallel(n int, fn func(i int)) {
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				fn(i)
			}
		}()
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
}

func analyse(in input, stdin io.Reader) result {
	data, err := in.data, error(nil)
	switch {
	case data != nil:
	case in.path == "-":
		data, err = reader.Load("-", stdin)
	default:
		data, err = reader.LoadFile(in.path)
	}
	if err != nil {
		return result{err: err}
	}
	f, err := reader.Read(in.path, data)
	if err != nil {
		return result{err: err}
	}
	return result{file: f, data: data, reports: extract.FileWith(f, in.opts)}
}

// pathErrorText returns the message of err about the file at path, naming
// the path once: a reading error names it already.
func pathErrorText(path string, err error) string {
	var re *reader.Error
	if errors.As(err, &re) && re.Path != "" {
		return re.Error()
	}
	return path + "：" + errorText(err)
}

// errorText returns the message for a reading error: Chinese first, then
// English.
func errorText(err error) string {
	var re *reader.Error
	if errors.As(err, &re) {
		return re.Error()
	}
	if errors.Is(err, context.Canceled) {
		return "已取消（interrupted）"
	}
	return err.Error()
}
