package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"zongjie/app"
	"zongjie/output"
)

// parseDay reads a date or a time as a user writes it: 2025-03-01,
// 2025-03-01T08:00, 2025-03-01 08:00:00, or RFC 3339; local time.
func parseDay(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, nil
		}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q 不是日期，应如 2025-03-01 或 2025-03-01 08:00", s)
}

func runAudit(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "audit", "[选项]", "查看审计日志（新的在前）：谁在何时、从何处上传、修改、导出、删除了哪篇报告，谁登录（及失败），谁改动了用户和单位。\n"+
		"--format csv 导出为表格（Excel/WPS 可直接打开）。")
	db := dbFlag(fs)
	user := fs.String("user", "", "只看此用户")
	unit := fs.String("unit", "", "只看此单位及其下级单位的记录")
	action := fs.String("action", "", "只看此操作，如 login.failed；以 . 结尾为一类，如 report.")
	report := fs.Int64("report", 0, "只看此报告")
	since := fs.String("since", "", "从此时起，如 2025-03-01")
	until := fs.String("until", "", "到此时为止（不含），如 2025-04-01")
	limit := fs.Int("limit", 0, "最多列出几条（0：全部）")
	format := fs.String("format", "text", "输出格式：text、json 或 csv")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 || *limit < 0 {
		fs.Usage()
		return exitUsage
	}
	if *format != "text" && *format != "json" && *format != "csv" {
		fmt.Fprintf(e.stderr, "zongjie audit: 不支持的输出格式 %q，可选 text、json、csv\n", *format)
		return exitUsage
	}
	q := app.AuditQuery{User: *user, Unit: *unit, Action: *action, Report: *report, Limit: *limit}
	for _, d := range []struct {
		flag string
		into *time.Time
	}{{*since, &q.Since}, {*until, &q.Until}} {
		if d.flag == "" {
			continue
		}
		t, err := parseDay(d.flag)
		if err != nil {
			fmt.Fprintf(e.stderr, "zongjie audit: %v\n", err)
			return exitUsage
		}
		*d.into = t
	}
	a := newApp(*db, nil)
	defer a.Close()
	es, err := a.AuditLog(ctx, q)
	if err != nil {
		return fail(e, "audit", err)
	}
	return writeResult(e, "audit", func(w io.Writer) error {
		switch *format {
		case "json":
			return output.WriteJSON(w, map[string]any{"entries": es})
		case "csv":
			return app.WriteAuditCSV(w, es)
		}
		for _, x := range es {
			var parts []string
			if x.Report != 0 {
				parts = append(parts, fmt.Sprintf("报告 %d", x.Report))
			}
			if x.Unit != "" {
				parts = append(parts, x.Unit)
			}
			if x.Target != "" {
				parts = append(parts, "用户 "+x.Target)
			}
			if x.Detail != "" {
				parts = append(parts, x.Detail)
			}
			addr := ""
			if x.Address != "" {
				addr = " @" + x.Address
			}
			fmt.Fprintf(w, "%6d  %s  %s%s  %s  %s\n", x.ID, x.At.Local().Format("2006-01-02 15:04:05"), app.ActorText(x.User), addr,
				x.Action, strings.Join(parts, "，"))
		}
		fmt.Fprintf(w, "共 %d 条。\n", len(es))
		return nil
	})
}
