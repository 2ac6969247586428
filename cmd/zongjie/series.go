package main

import (
	"context"
	"fmt"
	"io"

	"zongjie/app"
	"zongjie/output"
	"zongjie/track"
)

func runSeries(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "series", "[选项] --unit 单位 | 文件…",
		"列出一个单位各期报告中的每项指标（名称已归一），按期排列；--unit 读取数据库中该单位的报告，也可以直接给出各期报告文件。")
	db := dbFlag(fs)
	format := fs.String("format", "text", "输出格式：text、json 或 csv")
	mf := metaFlagsFor(fs, "不给文件时：该单位已保存的全部报告；给出文件时：指定其单位，覆盖自动识别")
	name := fs.String("name", "", "只列出名称相符的指标，如“一般公共预算收入”")
	all := fs.Bool("all", false, "也列出只出现在一期报告中的指标")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	switch *format {
	case "text", "json", "csv":
	default:
		fmt.Fprintf(e.stderr, "zongjie series: 不支持的输出格式 %q，可选 text、json、csv\n", *format)
		return exitUsage
	}
	if len(rest) == 0 && *mf.unitFlag == "" {
		fs.Usage()
		return exitUsage
	}
	if err := mf.parse(max(len(rest), 1)); err != nil {
		fmt.Fprintf(e.stderr, "zongjie series: %v\n", err)
		return exitUsage
	}
	unit := ""
	if len(rest) == 0 {
		unit = mf.unit(0)
		if len(mf.periods) > 0 {
			fmt.Fprintln(e.stderr, "zongjie series: --period 用于给出的报告文件；已保存的报告的时段可用 zongjie add --period 更正")
			return exitUsage
		}
	}
	req := app.SeriesRequest{Unit: unit, Name: *name, All: *all}
	for i, arg := range rest {
		ref, err := argRef(e, arg)
		if err != nil {
			return fail(e, "series", err)
		}
		req.Refs = append(req.Refs, ref)
		req.Stated = append(req.Stated, mf.forFile(i))
	}
	a := newApp(*db, nil)
	defer a.Close()
	res, err := a.Series(ctx, req)
	if res != nil {
		for _, n := range res.Notes {
			fmt.Fprintf(e.stderr, "zongjie series: %s\n", n)
		}
	}
	if err != nil {
		return fail(e, "series", err)
	}
	return writeResult(e, "series", func(w io.Writer) error {
		switch *format {
		case "json":
			return output.WriteJSON(w, res)
		case "csv":
			return output.WriteSeriesCSV(w, res.Series)
		}
		writeSeriesText(w, res.Series, res.Reports)
		return nil
	})
}

func writeSeriesText(w io.Writer, ss []track.Series, reports int) {
	for _, s := range ss {
		fmt.Fprintf(w, "%s（%s，%s）\n", s.Indicator, output.MeasureWords(s.Measure), orDash(s.Unit))
		for _, p := range s.Points {
			fmt.Fprintf(w, "  %s　%s　%s 第%d行\n", output.PeriodCodeWords(p.Period), p.Figure, p.Report, p.Line)
		}
	}
	fmt.Fprintf(w, "%d 期报告，%d 项指标。\n", reports, len(ss))
}
