package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"zongjie/corpus"
	"zongjie/examples"
	"zongjie/store"
)

// dbFlag adds --db to fs.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "数据库：SQLite 文件路径或 postgres://… 地址（默认 $ZONGJIE_DB 或 "+corpus.DefaultDB+"）")
}

// openStore opens the store, printing the error.
func openStore(ctx context.Context, e *env, cmd, db string) (store.Store, bool) {
	st, err := corpus.Open(ctx, corpus.DB(db))
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie %s: 无法打开数据库 %s：%v\n", cmd, corpus.DB(db), err)
		return nil, false
	}
	return st, true
}

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
	fs := newFlags(e, "add", "[选项] 文件或文件夹…", "把报告加入数据库（文件夹递归读取；同一文件重复加入不会重复保存）。")
	db := dbFlag(fs)
	unit := fs.String("unit", "", "指定单位名称（覆盖自动识别）")
	period := fs.String("period", "", "指定时段，如 2024、2024H1、2024Q3（覆盖自动识别）")
	noCheck := fs.Bool("no-check", false, "不校对（不保存校对结果）")
	quiet := fs.Bool("quiet", false, "不显示进度")
	demo := fs.Bool("demo", false, "加入内置的示例报告")
	paths, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(paths) == 0 && !*demo || len(paths) > 0 && *demo {
		fs.Usage()
		return exitUsage
	}
	if *demo {
		dir, err := os.MkdirTemp("", "zongjie-demo")
		if err != nil {
			fmt.Fprintf(e.stderr, "zongjie add: %v\n", err)
			return exitUsage
		}
		defer os.RemoveAll(dir)
		for _, f := range examples.All() {
			p := filepath.Join(dir, filepath.Base(f.Name))
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				fmt.Fprintf(e.stderr, "zongjie add: %v\n", err)
				return exitUsage
			}
			paths = append(paths, p)
		}
	}
	if *period != "" {
		if _, _, err := corpus.ParsePeriod(*period); err != nil {
			fmt.Fprintf(e.stderr, "zongjie add: %v\n", err)
			return exitUsage
		}
	}
	st, ok := openStore(ctx, e, "add", *db)
	if !ok {
		return exitUsage
	}
	defer st.Close()
	bar := isTerminal(e.stderr) && !*quiet
	failed := 0
	stats, err := corpus.Add(ctx, st, paths, corpus.AddOptions{
		Options: corpus.Options{Unit: *unit, Period: *period, Check: !*noCheck},
		Progress: func(p corpus.Progress) {
			if p.Err != nil {
				failed++
				if bar {
					fmt.Fprint(e.stderr, "\r\033[K")
				}
				fmt.Fprintf(e.stderr, "zongjie add: %s\n", pathErrorText(p.Path, p.Err))
			}
			if bar {
				fmt.Fprintf(e.stderr, "\r\033[K%s %d/%d  %s", progressBar(p.Done, p.Total, 24), p.Done, p.Total, shortPath(p.Path, 40))
			}
		},
	})
	if bar {
		fmt.Fprint(e.stderr, "\r\033[K")
	}
	if err != nil && stats.Files == 0 {
		fmt.Fprintf(e.stderr, "zongjie add: %v\n", err)
		return exitUsage
	}
	for _, sk := range stats.Skipped {
		fmt.Fprintf(e.stderr, "zongjie add: 跳过 %s：%s\n", sk.Path, sk.Reason)
	}
	mb := float64(stats.Bytes) / 1e6
	fmt.Fprintf(e.stdout, "读取 %d 个文件（%.1f MB，%s），新增 %d 篇报告，已有 %d 篇，失败 %d 个文件。\n",
		stats.Files, mb, stats.Elapsed.Round(time.Millisecond), stats.Added, stats.Duplicates, stats.Failed)
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie add: %v\n", err)
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

// filterFlags adds the report filters to fs.
func filterFlags(fs *flag.FlagSet) func() store.Filter {
	unit := fs.String("unit", "", "只看此单位")
	level := fs.String("level", "", "只看此层级：street town township district county city province national")
	year := fs.Int("year", 0, "只看涉及此年份的报告")
	genre := fs.String("genre", "", "只看此类：summary plan summary+plan speech")
	return func() store.Filter { return store.Filter{Unit: *unit, Level: *level, Year: *year, Genre: *genre} }
}

func formatFlag(fs *flag.FlagSet) *string {
	return fs.String("format", "text", "输出格式：text 或 json")
}

func checkFormat(e *env, cmd, format string) bool {
	if format != "text" && format != "json" {
		fmt.Fprintf(e.stderr, "zongjie %s: 不支持的输出格式 %q，可选 text、json\n", cmd, format)
		return false
	}
	return true
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// summaryJSON is a report in list and similar output.
type summaryJSON struct {
	ID     int64  `json:"id"`
	Path   string `json:"path"`
	Index  int    `json:"index"`
	Title  string `json:"title"`
	Unit   string `json:"unit"`
	Level  string `json:"level"`
	Years  []int  `json:"years"`
	Period string `json:"period"`
	Genre  string `json:"genre"`
	Chars  int    `json:"chars"`
	Added  string `json:"added"`
}

func toJSON(s store.Summary) summaryJSON {
	years := s.Years
	if years == nil {
		years = []int{}
	}
	return summaryJSON{s.ID, s.Path, s.Index, s.Title, s.Unit, s.Level, years, s.Period, s.Genre, s.Chars, s.Added.UTC().Format(time.RFC3339)}
}

func yearsText(ys []int) string {
	var parts []string
	for _, y := range ys {
		parts = append(parts, strconv.Itoa(y))
	}
	return strings.Join(parts, "、")
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
	st, ok := openStore(ctx, e, "list", *db)
	if !ok {
		return exitUsage
	}
	defer st.Close()
	list, err := st.List(ctx, filter())
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie list: %v\n", err)
		return exitUsage
	}
	if *format == "json" {
		out := []summaryJSON{}
		for _, s := range list {
			out = append(out, toJSON(s))
		}
		writeJSON(e.stdout, map[string]any{"reports": out})
		return exitOK
	}
	for _, s := range list {
		fmt.Fprintf(e.stdout, "%6d  %s  %s  %s %s  %d字  %s\n", s.ID, orDash(s.Unit), yearsText(s.Years), orDash(s.Period), orDash(s.Genre), s.Chars, s.Title)
	}
	fmt.Fprintf(e.stdout, "共 %d 篇报告。\n", len(list))
	return exitOK
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
		fmt.Fprintf(e.stderr, "zongjie %s: %q 不是报告编号（not a report ID）\n", cmd, s)
		return 0, false
	}
	return id, true
}

func runShow(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "show", "[选项] 编号", "显示一篇已保存的报告：元数据、提纲、校对结果；--format json 输出全部数据。")
	db := dbFlag(fs)
	format := formatFlag(fs)
	text := fs.Bool("text", false, "输出报告全文")
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
	st, ok := openStore(ctx, e, "show", *db)
	if !ok {
		return exitUsage
	}
	defer st.Close()
	r, err := st.Get(ctx, id)
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie show: 报告 %d：%v\n", id, notFound(err))
		return exitUsage
	}
	if *text {
		fmt.Fprint(e.stdout, r.Text)
		if !strings.HasSuffix(r.Text, "\n") {
			fmt.Fprintln(e.stdout)
		}
		return exitOK
	}
	var findings []json.RawMessage
	if len(r.Findings) > 0 {
		json.Unmarshal(r.Findings, &findings)
	}
	if *format == "json" {
		writeJSON(e.stdout, map[string]any{
			"report":       toJSON(r.Summary()),
			"data":         r.Data,
			"findings":     orEmpty(r.Findings),
			"fingerprints": len(r.Fingerprints),
			"paragraphs":   len(r.Paragraphs),
		})
		return exitOK
	}
	fmt.Fprintf(e.stdout, "编号：%d\n标题：%s\n文件：%s（第 %d 篇）\n单位：%s\n层级：%s\n年份：%s\n时段：%s\n类型：%s\n字数：%d\n加入：%s\n",
		r.ID, r.Title, r.Path, r.Index+1, orDash(r.Unit), orDash(r.Level), yearsText(r.Years), orDash(r.Period), orDash(r.Genre), r.Chars, r.Added.Local().Format("2006-01-02 15:04"))
	var data struct {
		Outline []struct {
			Marker, Title, Kind string
		} `json:"outline"`
		Quantities []json.RawMessage `json:"quantities"`
		Targets    []json.RawMessage `json:"targets"`
	}
	if json.Unmarshal(r.Data, &data) == nil {
		fmt.Fprintf(e.stdout, "指标：%d 个；目标：%d 个；校对发现：%d 处\n提纲：\n", len(data.Quantities), len(data.Targets), len(findings))
		for _, s := range data.Outline {
			fmt.Fprintf(e.stdout, "  %s%s（%s）\n", s.Marker, s.Title, s.Kind)
		}
	}
	return exitOK
}

func orEmpty(b json.RawMessage) json.RawMessage {
	if len(b) == 0 {
		return json.RawMessage("[]")
	}
	return b
}

func notFound(err error) string {
	if errors.Is(err, store.ErrNotFound) {
		return "不存在（not found）"
	}
	return err.Error()
}

func runRm(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "rm", "[选项] 编号…", "从数据库中删除报告。")
	db := dbFlag(fs)
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) == 0 {
		fs.Usage()
		return exitUsage
	}
	var ids []int64
	for _, a := range rest {
		id, ok := idArg(e, "rm", a)
		if !ok {
			return exitUsage
		}
		ids = append(ids, id)
	}
	st, ok := openStore(ctx, e, "rm", *db)
	if !ok {
		return exitUsage
	}
	defer st.Close()
	code = exitOK
	for _, id := range ids {
		if err := st.Delete(ctx, id); err != nil {
			fmt.Fprintf(e.stderr, "zongjie rm: 报告 %d：%s\n", id, notFound(err))
			code = exitUsage
			continue
		}
		fmt.Fprintf(e.stdout, "已删除报告 %d。\n", id)
	}
	return code
}
