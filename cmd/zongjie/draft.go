package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"zongjie"
	"zongjie/app"
	"zongjie/draft"
	"zongjie/gongwen"
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
	req := app.DraftRequest{Unit: *unit, Period: this}
	var err error
	if req.From, err = argRef(e, *from); err != nil {
		return fail(e, "draft", err)
	}
	switch {
	case *actual != "":
		ref, err := argRef(e, *actual)
		if err != nil {
			return fail(e, "draft", err)
		}
		req.Actual = &ref
	case *data != "":
		req.Data = &app.Input{Name: *data}
	}
	a := newApp(*db, nil)
	defer a.Close()
	d, err := a.Draft(ctx, req)
	if d != nil {
		for _, n := range d.Notes {
			fmt.Fprintf(e.stderr, "zongjie draft: %s\n", n)
		}
	}
	if err != nil {
		return fail(e, "draft", err)
	}
	var buf bytes.Buffer
	if *format == "docx" {
		err = gongwen.WriteDOCX(&buf, d.Doc)
	} else {
		err = draft.WriteMarkdown(&buf, d.Doc)
	}
	if err == nil {
		if *out == "" || *out == "-" {
			_, err = e.stdout.Write(buf.Bytes())
		} else if err = writeAtomic(*out, buf.Bytes()); err != nil {
			fmt.Fprintf(e.stderr, "zongjie draft: %s：写入失败：%s\n", *out, ioReason(err))
			return exitUsage
		}
	}
	if code := wrote(e, "draft", err); code != exitOK {
		return code
	}
	if o := d.Outcome; o != nil {
		fmt.Fprintf(e.stderr, "目标 %d 项：已完成 %d，未完成 %d，部分完成 %d，无数据 %d（已留占位符）。\n",
			len(o.Results), o.Count(track.Met), o.Count(track.Missed), o.Count(track.Partial), o.Count(track.Unreported))
	}
	return exitOK
}
