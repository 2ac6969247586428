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

	"zongjie/annotate"
	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/document"
	"zongjie/examples"
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
	var inputs []input
	switch {
	case o.demo && len(files) > 0:
		return usageErr("--demo 不能与文件同时使用")
	case o.demo:
		if o.write {
			return usageErr("--demo 的示例报告内置在程序中，不能 --write；可用 --diff 查看修改")
		}
		for _, f := range examples.All() {
			inputs = append(inputs, input{path: f.Name, data: f.Data})
		}
	case len(files) == 0:
		fs.Usage()
		return exitUsage
	default:
		for _, f := range files {
			if o.write && f == "-" {
				return usageErr("标准输入不能 --write；可用 --fix 把改好的全文写到标准输出")
			}
			inputs = append(inputs, input{path: f})
		}
	}
	if err := mf.parse(len(inputs)); err != nil {
		return usageErr("%v", err)
	}
	for i := range inputs {
		inputs[i].opts = mf.forFile(i)
	}
	if o.annotate != "" && (len(inputs) != 1 || !strings.EqualFold(filepath.Ext(inputs[0].path), ".docx")) {
		return usageErr("--annotate 需要且只能检查一个 .docx 文件")
	}

	all := rules.All()
	configs := configLoader{explicit: o.config, rules: all, enable: splitList(o.enable), disable: splitList(o.disable)}
	if err := configs.validateFlags(); err != nil {
		return usageErr("%v", err)
	}

	code := exitOK
	res := output.CheckResult{Files: []output.CheckFile{}}
	fixable := 0
	for i, r := range readAll(ctx, inputs, e.stdin) {
		if r.err != nil {
			fmt.Fprintf(e.stderr, "zongjie: %s\n", errorText(r.err))
			code = exitUsage
			continue
		}
		cfg, err := configs.forFile(r.file.Path, inputs[i].data != nil)
		if err != nil {
			fmt.Fprintf(e.stderr, "zongjie: %v\n", err)
			return exitUsage
		}
		ds := check.Run(r.file, r.reports, all, cfg)
		edits := check.Edits(r.file.Text, ds)

		switch {
		case o.diff:
			if err := output.WriteDiff(e.stdout, r.file.Path, r.file.Text, edits); err != nil {
				fmt.Fprintf(e.stderr, "zongjie: 写出结果失败：%v\n", err)
				return exitUsage
			}
		case o.write && len(edits) > 0 && r.file.Format == document.FormatDocx:
			fmt.Fprintf(e.stderr, "%s: .docx 文件不能直接改写，可用 --annotate 生成带批注的副本\n", r.file.Path)
		case o.write && len(edits) > 0:
			backup, err := writeFixes(r, edits)
			if err != nil {
				fmt.Fprintf(e.stderr, "zongjie: %s\n", errorText(err))
				code = exitUsage
				continue
			}
			fmt.Fprintf(e.stderr, "%s: 已改正 %d 处，原文件备份为 %s\n", r.file.Path, len(edits), backup)
			// Check the fixed file again: what is left is what to report.
			again := analyse(input{path: r.file.Path, opts: inputs[i].opts}, e.stdin)
			if again.err != nil {
				fmt.Fprintf(e.stderr, "zongjie: %s\n", errorText(again.err))
				code = exitUsage
				continue
			}
			r = again
			ds = check.Run(r.file, r.reports, all, cfg)
		case o.fix:
			// The fixed text goes to standard output, what is left to
			// standard error.
			fixed := document.Apply(r.file.Text, edits)
			if _, err := io.WriteString(e.stdout, fixed); err != nil {
				fmt.Fprintf(e.stderr, "zongjie: 写出结果失败：%v\n", err)
				return exitUsage
			}
			left := filterLevel(ds, minLevel)
			left = slices.DeleteFunc(left, func(d check.Diagnostic) bool { return certainFix(d) })
			fmt.Fprintf(e.stderr, "%s: 已改正 %d 处，另有 %d 处需人工核对（运行 zongjie check 查看）\n", r.file.Path, len(edits), len(left))
			if check.HasErrors(left) && code == exitOK {
				code = exitFindings
			}
			continue
		}
		if o.annotate != "" {
			if err := writeAnnotated(e, o.annotate, r, filterLevel(ds, minLevel)); err != nil {
				fmt.Fprintf(e.stderr, "zongjie: %v\n", err)
				return exitUsage
			}
		}

		ds = filterLevel(ds, minLevel)
		for _, d := range ds {
			if certainFix(d) {
				fixable++
			}
		}
		if check.HasErrors(ds) && code == exitOK {
			code = exitFindings
		}
		res.Files = append(res.Files, output.CheckFile{
			Path: r.file.Path, Chars: r.file.Chars(), Diagnostics: ds, Lines: r.file.Line,
		})
	}
	if o.diff || o.fix && !o.write {
		return code
	}
	var werr error
	switch o.format {
	case "json":
		werr = output.WriteJSON(e.stdout, res)
	case "sarif":
		werr = output.WriteSARIF(e.stdout, res, all, buildinfo.Read(version).Numeric())
	default:
		if o.write {
			fixable = 0 // what is left after --write has no certain fix
		}
		werr = output.WriteCheckText(e.stdout, res, output.CheckTextOptions{Color: color, Fixable: fixable})
	}
	if werr != nil {
		fmt.Fprintf(e.stderr, "zongjie: 写出结果失败：%v\n", werr)
		return exitUsage
	}
	if o.demo && code == exitFindings {
		// The examples' errors are there to be found: finding them is
		// the demo working.
		code = exitOK
	}
	return code
}

// certainFix reports whether a diagnostic has a fix --fix applies.
func certainFix(d check.Diagnostic) bool {
	for _, f := range d.Fixes {
		if f.Certain {
			return true
		}
	}
	return false
}

// filterLevel keeps the diagnostics at least as serious as min.
func filterLevel(ds []check.Diagnostic, min check.Severity) []check.Diagnostic {
	out := make([]check.Diagnostic, 0, len(ds))
	for _, d := range ds {
		if d.Severity <= min { // Error is the lowest value
			out = append(out, d)
		}
	}
	return out
}

// writeFixes writes the fixed file in place, after keeping the original
// as a backup beside it (FILE.bak, or FILE.bak.2 … when that exists): the
// backup is a second name of the original file where the file system
// allows it, else a copy, and the new content goes through a temporary
// file renamed over the original (safefile.WriteAtomic), so a failure
// midway never leaves a half-written report, and the temporaries a killed
// run left are removed by the next. It returns the backup's path.
func writeFixes(r result, edits []document.Edit) (string, error) {
	out, err := reader.Rewrite(r.file, r.data, edits)
	if err != nil {
		return "", err
	}
	path := r.file.Path
	backup := path + ".bak"
	for n := 2; ; n++ {
		if _, err := os.Lstat(backup); errors.Is(err, os.ErrNotExist) {
			break
		}
		backup = fmt.Sprintf("%s.bak.%d", path, n)
	}
	if err := keepBackup(path, backup, r.data); err != nil {
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
func writeAnnotated(e *env, dest string, r result, ds []check.Diagnostic) error {
	if same(dest, r.file.Path) {
		return fmt.Errorf("--annotate 的输出文件不能是被检查的文件本身：%s", dest)
	}
	out, res, err := annotate.Docx(r.data, r.file, ds, "zongjie")
	if err != nil {
		return fmt.Errorf("%s: 无法写入批注：%v", r.file.Path, err)
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

// splitList splits a comma-separated flag value.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ' ' })
}

// configLoader finds the configuration of each checked file: the --config
// file for all, or the nearest zongjie.toml above the file (above the
// working directory for standard input and the demo), loaded once per
// path. Flags override the file.
type configLoader struct {
	explicit        string
	rules           []*check.Rule
	enable, disable []string
	cache           map[string]*check.Config
}

func (l *configLoader) validateFlags() error {
	c := &check.Config{}
	c.Rules.Enable, c.Rules.Disable = l.enable, l.disable
	c.Path = "命令行"
	return c.Validate(l.rules)
}

func (l *configLoader) forFile(path string, embedded bool) (*check.Config, error) {
	file := l.explicit
	if file == "" {
		dir := "."
		if path != "-" && !embedded {
			dir = filepath.Dir(path)
		}
		file = check.FindConfig(dir)
	}
	if l.cache == nil {
		l.cache = map[string]*check.Config{}
	}
	c, ok := l.cache[file]
	if !ok {
		c = &check.Config{}
		if file != "" {
			var err error
			if c, err = check.LoadConfig(file); err != nil {
				return nil, err
			}
			if err := c.Validate(l.rules); err != nil {
				return nil, err
			}
		}
		// Flags come last: they win over the file.
		var enable []string
		for _, id := range c.Rules.Enable {
			if !slices.Contains(l.disable, id) {
				enable = append(enable, id)
			}
		}
		c.Rules.Enable = append(enable, l.enable...)
		c.Rules.Disable = append(c.Rules.Disable, l.disable...)
		l.cache[file] = c
	}
	return c, nil
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
