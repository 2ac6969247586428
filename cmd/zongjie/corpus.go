package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"zongjie"
	"zongjie/app"
	"zongjie/corpus"
	"zongjie/store"
)

// newFlags returns a flag set for a corpus command, with its usage line.
func newFlags(e *env, name, usageLine, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "用法：zongjie "+name+" "+usageLine)
		fmt.Fprintln(e.stderr, about)
		fmt.Fprintln(e.stderr, "")
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args and reports the exit code to return when parsing
// fails (ok false).
func parse(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	rest, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, exitOK, false
		}
		return nil, exitUsage, false
	}
	return rest, 0, true
}

func runAdd(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "add", "[选项] 文件或文件夹…", "把报告加入数据库（文件夹递归读取）。\n"+
		"同一文本不会重复保存；同一文件改动后再加入，保存为原报告的新版本（旧版本保留，可用 zongjie versions 查看、restore 恢复）。")
	db := dbFlag(fs)
	mf := metaFlagsFor(fs, "指定单位名称，覆盖自动识别（已保存的报告按此更正，保存为新版本）")
	noCheck := fs.Bool("no-check", false, "不校对（不保存校对结果）")
	quiet := fs.Bool("quiet", false, "不显示进度")
	verbose := fs.Bool("verbose", false, "每个文件保存完毕（已写入数据库）时，在标准输出列出：已保存 文件")
	demo := fs.Bool("demo", false, "加入内置的示例报告")
	paths, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(paths) == 0 && !*demo || len(paths) > 0 && *demo {
		fs.Usage()
		return exitUsage
	}
	for _, p := range paths {
		if strings.TrimSpace(p) == "" {
			fmt.Fprintln(e.stderr, "zongjie add: 文件名不能为空")
			return exitUsage
		}
	}
	if err := mf.parse(1); err != nil {
		fmt.Fprintf(e.stderr, "zongjie add: %v\n", err)
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	bar := isTerminal(e.stderr) && !*quiet
	failed := 0
	out := &stickyWriter{w: e.stdout} // what was saved: checked at the end
	req := app.AddRequest{
		Paths:   paths,
		Options: corpus.Options{Unit: mf.unit(0), Period: mf.period(0), Check: !*noCheck},
		Progress: func(p corpus.Progress) {
			if bar {
				fmt.Fprint(e.stderr, "\r\033[K")
			}
			if p.Err != nil {
				failed++
				fmt.Fprintf(e.stderr, "zongjie add: %s\n", pathErrorText(p.Path, p.Err))
			} else if *verbose {
				fmt.Fprintf(out, "已保存 %s\n", p.Path)
			}
			for _, v := range p.Versions {
				fmt.Fprintf(e.stderr, "%s：保存为报告 %d 的第 %d 版（%s）\n", p.Path, v.Report, v.Version, v.Note)
			}
			for _, n := range p.Notices {
				fmt.Fprintf(e.stderr, "%s：%s\n", p.Path, n)
			}
			if bar {
				fmt.Fprintf(e.stderr, "\r\033[K%s %d/%d  %s", progressBar(p.Done, p.Total, 24), p.Done, p.Total, shortPath(p.Path, 40))
			}
		},
	}
	if *demo {
		req.Inputs = app.Examples()
	}
	stats, err := a.Add(ctx, req)
	if bar {
		fmt.Fprint(e.stderr, "\r\033[K")
	}
	for _, sk := range stats.Skipped {
		fmt.Fprintf(e.stderr, "zongjie add: 跳过 %s：%s\n", sk.Path, sk.Reason)
	}
	if err != nil && stats.Files == 0 {
		return fail(e, "add", err)
	}
	mb := float64(stats.Bytes) / 1e6
	fmt.Fprintf(out, "读取 %d 个文件（%.1f MB，%s），新增 %d 篇报告，更新 %d 篇（保存为新版本），已有 %d 篇，失败 %d 个文件。\n",
		stats.Files, mb, stats.Elapsed.Round(time.Millisecond), stats.Added, stats.Updated, stats.Duplicates, stats.Failed)
	if err != nil {
		return fail(e, "add", err)
	}
	if out.err != nil {
		fmt.Fprintf(e.stderr, "zongjie add: 写出结果失败：%s（报告已保存）\n", ioReason(out.err))
		return exitUsage
	}
	if failed > 0 {
		return exitUsage
	}
	return exitOK
}

func progressBar(done, total, width int) string {
	if total == 0 {
		return ""
	}
	n := done * width / total
	return "[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + "]"
}

func shortPath(p string, n int) string {
	rs := []rune(p)
	if len(rs) <= n {
		return p
	}
	return "…" + string(rs[len(rs)-n+1:])
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// filterFlags adds the report filters to fs; the function it returns
// reads them, or says what is wrong with them.
func filterFlags(fs *flag.FlagSet) func() (store.Filter, error) {
	unit := fs.String("unit", "", "只看此单位")
	level := fs.String("level", "", "只看此层级：街道 镇 乡 区 县 市 省 国家 部门（或 street town township district county city province national department）")
	year := fs.Int("year", 0, "只看涉及此年份的报告，如 2024")
	genre := fs.String("genre", "", "只看此类：总结 计划 总结及计划 讲话（或 summary plan summary+plan speech）")
	return func() (store.Filter, error) {
		f := store.Filter{Unit: strings.TrimSpace(*unit), Year: *year}
		if *unit != "" && f.Unit == "" {
			return f, errors.New("--unit 的值不能为空")
		}
		if *level != "" {
			l, ok := zongjie.ParseLevel(strings.TrimSpace(*level))
			if !ok {
				return f, fmt.Errorf("--level %q 不是层级，可选 街道 镇 乡 区 县 市 省 国家", *level)
			}
			f.Level = string(l)
		}
		if *genre != "" {
			g, ok := zongjie.ParseGenre(strings.TrimSpace(*genre))
			if !ok {
				return f, fmt.Errorf("--genre %q 不是报告类型，可选 总结 计划 总结及计划 讲话", *genre)
			}
			f.Genre = string(g)
		}
		if *year != 0 && (*year < 1949 || *year > 2100) {
			return f, fmt.Errorf("--year %d 不是年份，应如 2024", *year)
		}
		return f, nil
	}
}

// unitText names a stored report's unit, or says it is unknown.
func unitText(u string) string {
	if u == "" {
		return "单位未识别"
	}
	return u
}

// periodText says which period a stored report covers, or that it is
// unknown.
func periodText(s store.Summary) string {
	if w := corpus.PeriodWords(s.Years, s.Period, s.Genre); w != "" {
		return w
	}
	return "时段未识别"
}

// levelText names a level in Chinese.
func levelText(l string) string {
	if w := zongjie.Level(l).Words(); w != "" {
		return w
	}
	return "层级未识别"
}

// genreText names a genre in Chinese.
func genreText(g string) string {
	if w := zongjie.Genre(g).Words(); w != "" {
		return w
	}
	return "类型未识别"
}

func runList(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "list", "[选项]", "列出数据库中的报告。")
	db := dbFlag(fs)
	filter := filterFlags(fs)
	format := formatFlag(fs)
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 || !checkFormat(e, "list", *format) {
		fs.Usage()
		return exitUsage
	}
	f, err := filter()
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie list: %v\n", err)
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	list, err := a.List(ctx, f)
	if err != nil {
		return fail(e, "list", err)
	}
	return writeOut(e, "list", *format, list, func(w io.Writer) error {
		unknown := false
		for _, r := range list.Reports {
			s := r.Stored
			version := ""
			if s.Version > 1 {
				version = fmt.Sprintf("  第 %d 版", s.Version)
			}
			fmt.Fprintf(w, "%6d  %s  %s  %s  %d字  %s%s\n", s.ID, unitText(s.Unit), periodText(s), genreText(s.Genre), s.Chars, s.Title, version)
			unknown = unknown || s.Unit == "" || len(s.Years) == 0
		}
		fmt.Fprintf(w, "共 %d 篇报告。\n", len(list.Reports))
		if unknown {
			fmt.Fprintln(w, "（“未识别”：报告中没有写明单位或年份、时段；可用 zongjie add --unit 单位 --period 时段 文件 重新加入以更正）")
		}
		return nil
	})
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// idArg reads a report ID.
func idArg(e *env, cmd, s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		fmt.Fprintf(e.stderr, "zongjie %s: %q 不是报告编号\n", cmd, s)
		return 0, false
	}
	return id, true
}

func runShow(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "show", "[选项] 编号", "显示一篇已保存的报告：元数据、提纲、校对结果；--format json 输出全部数据。")
	db := dbFlag(fs)
	format := formatFlag(fs)
	text := fs.Bool("text", false, "输出报告全文")
	version := fs.Int("version", 0, "显示第几版（默认为当前版本；zongjie versions 编号 列出各版）")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 || !checkFormat(e, "show", *format) {
		fs.Usage()
		return exitUsage
	}
	id, ok := idArg(e, "show", rest[0])
	if !ok {
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	shown, err := a.Show(ctx, id, *version)
	if err != nil {
		return fail(e, "show", err)
	}
	r := shown.Stored
	if *text {
		return writeResult(e, "show", func(w io.Writer) error {
			fmt.Fprint(w, r.Text)
			if !strings.HasSuffix(r.Text, "\n") {
				fmt.Fprintln(w)
			}
			return nil
		})
	}
	return writeOut(e, "show", *format, shown, func(w io.Writer) error {
		writeShownText(w, shown)
		return nil
	})
}

// writeShownText writes a stored report as show does: its metadata,
// versions and outline.
func writeShownText(w io.Writer, shown *app.Shown) {
	r := shown.Stored
	var findings []json.RawMessage
	if len(r.Findings) > 0 {
		json.Unmarshal(r.Findings, &findings)
	}
	sum := r.Summary()
	unit, period := unitText(r.Unit), periodText(sum)
	if r.Unit == "" {
		unit += "（报告中没有写明单位；可用 zongjie add --unit 单位 " + r.Path + " 更正）"
	}
	if len(r.Years) == 0 {
		period += "（报告中没有写明年份或时段；可用 zongjie add --period 时段 " + r.Path + " 更正，如 --period 2024H1）"
	}
	fmt.Fprintf(w, "编号：%d\n标题：%s\n文件：%s（第 %d 篇）\n单位：%s\n层级：%s\n时段：%s\n类型：%s\n字数：%d\n",
		r.ID, r.Title, r.Path, r.Index+1, unit, levelText(r.Level), period, genreText(r.Genre), r.Chars)
	if vs := shown.Versions; len(vs) > 1 {
		which := "当前版本"
		if r.Version != vs[len(vs)-1].Version {
			which = "旧版本"
		}
		fmt.Fprintf(w, "版本：第 %d 版（%s），共 %d 版（zongjie versions %d 查看）\n加入：%s（第 1 版）\n",
			r.Version, which, len(vs), r.ID, vs[0].Added.Local().Format("2006-01-02 15:04"))
		fmt.Fprintf(w, "本版：%s，%s\n", r.Added.Local().Format("2006-01-02 15:04"), r.Note)
	} else {
		fmt.Fprintf(w, "加入：%s\n", r.Added.Local().Format("2006-01-02 15:04"))
	}
	var data struct {
		Outline []struct {
			Marker, Title, Kind string
		} `json:"outline"`
		Quantities []json.RawMessage `json:"quantities"`
		Targets    []json.RawMessage `json:"targets"`
	}
	if json.Unmarshal(r.Data, &data) == nil {
		fmt.Fprintf(w, "指标：%d 个；目标：%d 个；校对发现：%d 处\n提纲：\n", len(data.Quantities), len(data.Targets), len(findings))
		for _, s := range data.Outline {
			fmt.Fprintf(w, "  %s%s（%s）\n", s.Marker, s.Title, orDash(zongjie.SectionKind(s.Kind).Words()))
		}
	}
}

func runRm(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "rm", "[选项] 编号…", "删除报告（连同其各个版本）。删除的报告进入回收站，30 天内管理员可以恢复（--undo），之后永久清除。\n"+
		"--list 列出回收站，--undo 编号 恢复。")
	db := dbFlag(fs)
	undo := fs.Bool("undo", false, "从回收站恢复这些报告")
	list := fs.Bool("list", false, "列出回收站中的报告")
	format := formatFlag(fs)
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if *list && (len(rest) > 0 || *undo) || !*list && len(rest) == 0 || !checkFormat(e, "rm", *format) {
		fs.Usage()
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	if *list {
		tl, err := a.ListTrash(ctx)
		if err != nil {
			return fail(e, "rm", err)
		}
		return writeOut(e, "rm", *format, tl, func(w io.Writer) error {
			for _, r := range tl.Reports {
				s := r.Stored
				fmt.Fprintf(w, "%6d  %s  %s  %s  %s 删除于 %s，%s 后永久清除\n", s.ID, unitText(s.Unit), periodText(s), s.Title,
					app.ActorText(r.DeletedBy), r.Deleted.Local().Format("2006-01-02 15:04"), r.Purge.Local().Format("2006-01-02"))
			}
			fmt.Fprintf(w, "回收站中共 %d 篇报告。\n", len(tl.Reports))
			return nil
		})
	}
	var ids []int64
	for _, a := range rest {
		id, ok := idArg(e, "rm", a)
		if !ok {
			return exitUsage
		}
		ids = append(ids, id)
	}
	code = exitOK
	for _, id := range ids {
		if *undo {
			if err := a.Undelete(ctx, id); err != nil {
				code = fail(e, "rm", err)
				continue
			}
			code = max(code, say(e, "rm", "已恢复报告 %d。\n", id))
			continue
		}
		if err := a.Remove(ctx, id); err != nil {
			code = fail(e, "rm", err)
			continue
		}
		code = max(code, say(e, "rm", "已删除报告 %d（30 天内可恢复：zongjie rm --undo %d）。\n", id, id))
	}
	return code
}
