package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strings"

	"zongjie"
	"zongjie/draft"
	"zongjie/extract"
	"zongjie/gongwen"
	"zongjie/reader"
	"zongjie/track"
)

func runDraft(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "draft", "--from 上期报告 [选项]",
		"按上期报告的工作计划起草本期工作总结和下期计划的框架：每项目标按数据写明完成情况，缺少数据处留下 xx、【待补充】等占位符（check 会提示），不编造数字。")
	db := dbFlag(fs)
	from := fs.String("from", "", "上期报告：文件或已保存报告的编号（必填）")
	data := fs.String("data", "", "本期数据 CSV：列“指标,数值[,单位]”，如“一般公共预算收入增速,5.2%”")
	actual := fs.String("actual", "", "记载本期完成情况的报告（文件或编号），从中取各项目标的实际数")
	period := fs.String("period", "", "本期时段，如 2024H1、2024、2024年上半年（默认为上期报告计划的时段）；也作为 --actual 报告回顾的时段，覆盖自动识别")
	unit := fs.String("unit", "", "单位名称，覆盖上期报告中自动识别的单位")
	format := fs.String("format", "md", "输出格式：md 或 docx")
	out := fs.String("o", "", "输出文件（md 默认写到标准输出；docx 必须给出）")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if *from == "" || len(rest) > 0 || *data != "" && *actual != "" {
		fs.Usage()
		return exitUsage
	}
	if *format != "md" && *format != "docx" {
		fmt.Fprintf(e.stderr, "zongjie draft: 不支持的输出格式 %q，可选 md、docx\n", *format)
		return exitUsage
	}
	if *format == "docx" && *out == "" {
		fmt.Fprintln(e.stderr, "zongjie draft: --format docx 需要用 -o 指定输出文件")
		return exitUsage
	}
	if *unit != "" && strings.TrimSpace(*unit) == "" {
		fmt.Fprintln(e.stderr, "zongjie draft: --unit 的值不能为空")
		return exitUsage
	}
	var this *zongjie.Term
	if *period != "" {
		t, err := zongjie.ParseTerm(*period)
		if err != nil {
			fmt.Fprintf(e.stderr, "zongjie draft: %v\n", err)
			return exitUsage
		}
		this = &t
	}
	get, closeStore := lazyStore(ctx, *db)
	defer closeStore()
	last, err := loadReport(ctx, *from, get, extract.Options{Unit: strings.TrimSpace(*unit)})
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie draft: %s\n", errorText(err))
		return exitUsage
	}
	noteOthers(e, "draft", last)
	if this != nil && known(last.report.Meta.Plan) == nil {
		// A report that names no plan period plans this one.
		p := *this
		last.report.Meta.Plan = &p
	}
	in := draft.Input{File: last.file, Last: last.report, Period: this}
	switch {
	case *actual != "":
		l, err := loadReport(ctx, *actual, get, extract.Options{Period: this})
		if err != nil {
			fmt.Fprintf(e.stderr, "zongjie draft: %s\n", errorText(err))
			return exitUsage
		}
		noteOthers(e, "draft", l)
		warn, refuse := pairProblem(last, l)
		if refuse != nil {
			fmt.Fprintf(e.stderr, "zongjie draft: --from 与 --actual：%v\n", refuse)
			return exitUsage
		}
		if warn != "" {
			fmt.Fprintf(e.stderr, "zongjie draft: %s\n", warn)
		}
		in.Outcome = track.Track(last.report, l.file, l.report)
	case *data != "":
		l, err := dataReport(*data, in.Period, last.report.Meta.Plan)
		if err != nil {
			fmt.Fprintf(e.stderr, "zongjie draft: %s\n", errorText(err))
			return exitUsage
		}
		in.Outcome = track.Track(last.report, l.file, l.report)
	}
	doc := draft.Draft(in)
	var buf bytes.Buffer
	if *format == "docx" {
		err = gongwen.WriteDOCX(&buf, doc)
	} else {
		err = draft.WriteMarkdown(&buf, doc)
	}
	if err == nil {
		if *out == "" || *out == "-" {
			_, err = e.stdout.Write(buf.Bytes())
		} else if err = writeAtomic(*out, buf.Bytes()); err != nil {
			fmt.Fprintf(e.stderr, "zongjie draft: %s：写入失败：%s\n", *out, ioReason(err))
			return exitUsage
		}
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie draft: 写出失败：%v\n", err)
		return exitUsage
	}
	if in.Outcome != nil {
		fmt.Fprintf(e.stderr, "目标 %d 项：已完成 %d，未完成 %d，部分完成 %d，无数据 %d（已留占位符）。\n",
			len(in.Outcome.Results), in.Outcome.Count(track.Met), in.Outcome.Count(track.Missed),
			in.Outcome.Count(track.Partial), in.Outcome.Count(track.Unreported))
	}
	return exitOK
}

// dataReport turns a data CSV into a report of one sentence per row
// ("一般公共预算收入增速5.2%。"), read by the same extraction as any
// report, so that track matches it like a later report. Its evidence lines
// are the CSV's lines. The CSV may be UTF-8 (with or without a BOM) or
// GBK; a header row naming 指标 is skipped.
func dataReport(path string, period, plan *zongjie.Term) (loaded, error) {
	raw, err := reader.LoadFile(path)
	if err != nil {
		return loaded{}, err
	}
	f, err := reader.Read(path+".txt", raw) // detects the encoding
	if err != nil {
		return loaded{}, err
	}
	r := csv.NewReader(strings.NewReader(f.Text))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return loaded{}, fmt.Errorf("%s：不是有效的 CSV（%v）", path, err)
	}
	var b strings.Builder
	for i, row := range rows {
		if len(row) < 2 || i == 0 && strings.Contains(row[0], "指标") {
			b.WriteString("\n") // keep lines aligned with the CSV
			continue
		}
		name, value := strings.TrimSpace(row[0]), strings.TrimSpace(row[1])
		unit := ""
		if len(row) > 2 {
			unit = strings.TrimSpace(row[2])
		}
		fmt.Fprintf(&b, "%s%s%s。\n", name, value, unit)
	}
	df, err := reader.Read(path+".txt", []byte(b.String()))
	if err != nil {
		return loaded{}, fmt.Errorf("%s：没有数据行", path)
	}
	rs := extract.File(df)
	if len(rs) == 0 {
		return loaded{}, fmt.Errorf("%s：没有数据行", path)
	}
	rep := rs[0]
	rep.Meta.Review = period
	if rep.Meta.Review == nil {
		rep.Meta.Review = plan
	}
	rep.Targets = nil // the data are results, whatever words they use
	return loaded{label: path, file: df, report: rep}, nil
}
