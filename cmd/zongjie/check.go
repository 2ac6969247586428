package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"zongjie/app"
	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/document"
	"zongjie/internal/buildinfo"
	"zongjie/internal/safefile"
	"zongjie/output"
	"zongjie/reader"
)

// checkOptions are the flags of `zongjie check`.
type checkOptions struct {
	format   string
	config   string
	enable   string
	disable  string
	level    string
	fix      bool
	write    bool
	diff     bool
	annotate string
	color    string
	demo     bool
}

func runCheck(ctx context.Context, e *env, args []string) int {
	var o checkOptions
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&o.format, "format", "text", "输出格式：text、json 或 sarif")
	fs.StringVar(&o.config, "config", "", "配置文件（默认在文件所在目录及其上级目录中查找 "+check.ConfigName+"）")
	fs.StringVar(&o.enable, "enable", "", "启用的规则，逗号分隔（编号或名称，如 TY007,banned-word）")
	fs.StringVar(&o.disable, "disable", "", "停用的规则，逗号分隔；all 表示全部")
	fs.StringVar(&o.level, "level", "info", "只报告不低于此级别的问题：error、warning 或 info")
	fs.BoolVar(&o.fix, "fix", false, "改正可确定的问题，把改好的全文写到标准输出（只能检查一个文件）")
	fs.BoolVar(&o.write, "write", false, "改正可确定的问题并直接写回 .txt、.md 文件（保留原编码和换行，原文件备份为 .bak）")
	fs.BoolVar(&o.diff, "diff", false, "以 diff 格式显示将做的修改，不改动文件")
	fs.StringVar(&o.annotate, "annotate", "", "把问题以批注写入 .docx 的副本，保存为此文件（只能检查一个 .docx）")
	fs.StringVar(&o.color, "color", "auto", "彩色输出：auto、always 或 never")
	mf := metaFlags(fs)
	fs.BoolVar(&o.demo, "demo", false, "检查内置的示例报告（其中的错误是有意写入的示例，检查成功即退出码 0）")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "用法：zongjie check [选项] 文件…")
		fmt.Fprintln(e.stderr, "校对报告：占位符、年份、错别字、规范表述、序号、标点、数字用法、重复和前后矛盾。")
		fmt.Fprintln(e.stderr, "退出码：0 没有“错误”级别的问题，1 有，2 用法错误或文件无法读取。")
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
	usageErr := func(format string, args ...any) int {
		fmt.Fprintf(e.stderr, "zongjie check: "+format+"\n", args...)
		return exitUsage
	}
	switch o.format {
	case "text", "json", "sarif":
	default:
		return usageErr("不支持的输出格式 %q，可选 text、json、sarif", o.format)
	}
	minLevel, ok := check.ParseSeverity(o.level)
	if !ok {
		return usageErr("--level 应为 error、warning 或 info，不是 %q", o.level)
	}
	color, ok := useColor(o.color, e.stdout)
	if !ok {
		return usageErr("--color 应为 auto、always 或 never，不是 %q", o.color)
	}
	switch {
	case o.diff && (o.fix || o.write):
		return usageErr("--diff 不能与 --fix、--write 同时使用")
	case o.fix && !o.write && (len(files) != 1 || o.demo):
		return usageErr("--fix 把改好的全文写到标准输出，只能检查一个文件；改写多个文件请用 --write")
	case o.fix && !o.write && o.format != "text":
		return usageErr("--fix 的输出是改好的全文，不能与 --format 同时使用")
	}
	var inputs []app.Input
	switch {
	case o.demo && len(files) > 0:
		return usageErr("--demo 不能与文件同时使用")
	case o.demo:
		if o.write {
			return usageErr("--demo 的示例报告内置在程序中，不能 --write；可用 --diff 查看修改")
		}
		inputs = app.Examples()
	case len(files) == 0:
		fs.Usage()
		return exitUsage
	default:
		for _, f := range files {
			if o.write && f == "-" {
				return usageErr("标准输入不能 --write；可用 --fix 把改好的全文写到标准输出")
			}
			inputs = append(inputs, fileInput(e, f))
		}
	}
	if err := mf.parse(len(inputs)); err != nil {
		return usageErr("%v", err)
	}
	for i := range inputs {
		inputs[i].Stated = mf.forFile(i)
		// No rule reads the targets or the unit and no output shows them;
		// the names are found for the figures a rule asks for
		// (check.Pass.NameOf).
		inputs[i].Stated.NoTargets, inputs[i].Stated.NoNames, inputs[i].Stated.NoUnit = true, true, true
	}
	if o.annotate != "" && (len(inputs) != 1 || !strings.EqualFold(filepath.Ext(inputs[0].Name), ".docx")) {
		return usageErr("--annotate 需要且只能检查一个 .docx 文件")
	}

	configs := &app.Configs{Explicit: o.config, Enable: app.SplitList(o.enable), Disable: app.SplitList(o.disable)}
	if err := configs.ValidateFlags(); err != nil {
		return usageErr("%v", errorText(err))
	}
	a := app.New(app.Options{Config: configs})

	code := exitOK
	res := output.CheckResult{Files: []output.CheckFile{}}
	fixable := 0
	for i, d := range a.Extract(ctx, inputs) {
		if d.Err != nil {
			fmt.Fprintf(e.stderr, "zongjie: %s\n", errorText(d.Err))
			code = exitUsage
			continue
		}
		c, err := a.CheckDocument(d)
		if err != nil {
			fmt.Fprintf(e.stderr, "zongjie: %v\n", errorText(err))
			return exitFor(err)
		}
		ds, edits, path := c.Diagnostics, c.Edits(), c.File.Path

		switch {
		case o.diff:
			if err := output.WriteDiff(e.stdout, path, c.File.Text, edits); err != nil {
				return wrote(e, "check", err)
			}
		case o.write && len(edits) > 0 && c.File.Format == document.FormatDocx:
			fmt.Fprintf(e.stderr, "%s: .docx 文件不能直接改写，可用 --annotate 生成带批注的副本\n", path)
		case o.write && len(edits) > 0:
			backup, err := writeFixes(c)
			if err != nil {
				fmt.Fprintf(e.stderr, "zongjie: %s\n", errorText(err))
				code = exitUsage
				continue
			}
			fmt.Fprintf(e.stderr, "%s: 已改正 %d 处，原文件备份为 %s\n", path, len(edits), backup)
			// Check the fixed file again: what is left is what to report.
			again := a.Extract(ctx, []app.Input{{Name: path, Stated: inputs[i].Stated}})[0]
			if again.Err != nil {
				fmt.Fprintf(e.stderr, "zongjie: %s\n", errorText(again.Err))
				code = exitUsage
				continue
			}
			if c, err = a.CheckDocument(again); err != nil {
				fmt.Fprintf(e.stderr, "zongjie: %v\n", errorText(err))
				return exitFor(err)
			}
			ds = c.Diagnostics
		case o.fix:
			// The fixed text goes to standard output, what is left to
			// standard error.
			if _, err := io.WriteString(e.stdout, c.Fixed()); err != nil {
				return wrote(e, "check", err)
			}
			left := app.AtLeast(ds, minLevel)
			left = slices.DeleteFunc(left, app.CertainFix)
			fmt.Fprintf(e.stderr, "%s: 已改正 %d 处，另有 %d 处需人工核对（运行 zongjie check 查看）\n", path, len(edits), len(left))
			if check.HasErrors(left) && code == exitOK {
				code = exitFindings
			}
			continue
		}
		if o.annotate != "" {
			if err := writeAnnotated(e, a, o.annotate, c, app.AtLeast(ds, minLevel)); err != nil {
				fmt.Fprintf(e.stderr, "zongjie: %v\n", errorText(err))
				return exitUsage
			}
		}

		ds = app.AtLeast(ds, minLevel)
		for _, d := range ds {
			if app.CertainFix(d) {
				fixable++
			}
		}
		if check.HasErrors(ds) && code == exitOK {
			code = exitFindings
		}
		res.Files = append(res.Files, output.CheckFile{
			Path: c.File.Path, Chars: c.File.Chars(), Diagnostics: ds, Lines: c.File.Line,
		})
	}
	if o.diff || o.fix && !o.write {
		return code
	}
	if o.write {
		fixable = 0 // what is left after --write has no certain fix
	}
	if out := writeResult(e, "check", func(w io.Writer) error {
		switch o.format {
		case "json":
			return output.WriteJSON(w, res)
		case "sarif":
			return output.WriteSARIF(w, res, rules.All(), buildinfo.Read(version).Numeric())
		}
		return output.WriteCheckText(w, res, output.CheckTextOptions{Color: color, Fixable: fixable})
	}); out != exitOK {
		return out
	}
	if o.demo && code == exitFindings {
		// The examples' errors are there to be found: finding them is
		// the demo working.
		code = exitOK
	}
	return code
}

// writeFixes writes the fixed file in place, after keeping the original
// as a backup beside it (FILE.bak, or FILE.bak.2 … when that exists): the
// backup is a second name of the original file where the file system
// allows it, else a copy, and the new content goes through a temporary
// file renamed over the original (safefile.WriteAtomic), so a failure
// midway never leaves a half-written report, and the temporaries a killed
// run left are removed by the next. It returns the backup's path.
func writeFixes(c app.Checked) (string, error) {
	out, err := c.Rewrite()
	if err != nil {
		return "", err
	}
	path := c.File.Path
	backup := path + ".bak"
	for n := 2; ; n++ {
		if _, err := os.Lstat(backup); errors.Is(err, os.ErrNotExist) {
			break
		}
		backup = fmt.Sprintf("%s.bak.%d", path, n)
	}
	if err := keepBackup(path, backup, c.Data); err != nil {
		return "", &reader.Error{Path: path, Reason: "无法写入备份文件 " + backup + "：" + ioReason(err), En: "cannot write backup", Err: err}
	}
	if err := writeAtomic(path, out); err != nil {
		return "", &reader.Error{Path: path, Reason: "写入失败：" + ioReason(err), En: "write failed", Err: err}
	}
	return backup, nil
}

// keepBackup makes backup a copy of the file at path, whose content is
// data: a hard link when the file still holds data (nothing to copy, and
// nothing half-written if the process is killed), else a copy.
func keepBackup(path, backup string, data []byte) error {
	if cur, err := os.ReadFile(path); err == nil && bytes.Equal(cur, data) {
		if os.Link(path, backup) == nil {
			return nil
		}
	}
	return writeAtomic(backup, data)
}

// writeAtomic replaces the file at path with data, keeping its mode; see
// safefile.WriteAtomic.
func writeAtomic(path string, data []byte) error {
	return safefile.WriteAtomic(path, data)
}

// ioReason says in Chinese why writing or reading a file failed, for a
// message that names the file already.
func ioReason(err error) string { return safefile.Reason(err) }

// writeAnnotated writes a copy of the checked .docx with the findings as
// comments.
func writeAnnotated(e *env, a *app.App, dest string, c app.Checked, ds []check.Diagnostic) error {
	if same(dest, c.File.Path) {
		return fmt.Errorf("--annotate 的输出文件不能是被检查的文件本身：%s", dest)
	}
	out, res, err := a.Annotate(c, ds)
	if err != nil {
		return err
	}
	if err := writeAtomic(dest, out); err != nil {
		return fmt.Errorf("%s: 写入失败：%s", dest, ioReason(err))
	}
	msg := fmt.Sprintf("%s: 已写入 %d 条批注", dest, res.Placed())
	if len(res.Approx) > 0 {
		msg += fmt.Sprintf("（其中 %d 条位于文本框、自动编号等处，批注在所在段落开头并引用原文）", len(res.Approx))
	}
	if len(res.Skipped) > 0 {
		msg += fmt.Sprintf("；%d 条位于脚注、尾注，未写入", len(res.Skipped))
	}
	fmt.Fprintln(e.stderr, msg)
	return nil
}

// same reports whether two paths name the same file.
func same(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(sa, sb)
	}
	aa, _ := filepath.Abs(a)
	ab, _ := filepath.Abs(b)
	return aa == ab
}

// useColor decides whether to colour the text output.
func useColor(mode string, w io.Writer) (bool, bool) {
	switch mode {
	case "always":
		return true, true
	case "never":
		return false, true
	case "auto":
	default:
		return false, false
	}
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false, true
	}
	return isTerminal(w), true
}
