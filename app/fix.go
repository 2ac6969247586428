package app

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/check"
	"zongjie/corpus"
	"zongjie/document"
	"zongjie/extract"
	"zongjie/store"
)

// FixChoice says which fixes to apply to the current version of a stored
// report: every certain fix (All), or fix Fix of the finding Finding as
// the report page showed it — its index in Report.Findings, with the
// version, rule and offset it showed, so that a page out of date is
// refused rather than the wrong text changed.
type FixChoice struct {
	Version int // the version the page showed
	All     bool
	Finding int
	Rule    string
	Offset  int
	Fix     int
}

// ApplyFix applies fixes to the current version of report id and stores
// the result as a new version (the earlier ones are kept), which it
// returns.
func (a *App) ApplyFix(ctx context.Context, id int64, c FixChoice) (store.Summary, error) {
	st, err := a.store(ctx)
	if err != nil {
		return store.Summary{}, err
	}
	rec, _, err := getVersion(ctx, st, id, 0)
	if err != nil {
		return store.Summary{}, err
	}
	if c.Version != 0 && c.Version != rec.Version {
		return store.Summary{}, Errorf(Conflict, "页面显示的是报告 %d 的第 %d 版，当前已是第 %d 版：请刷新页面后再改", id, c.Version, rec.Version)
	}
	an, err := a.analyse(rec)
	if err != nil {
		return store.Summary{}, err
	}
	var edits []document.Edit
	var note string
	if c.All {
		edits = check.Edits(an.file.Text, an.ds)
		if len(edits) == 0 {
			return store.Summary{}, Errorf(Conflict, "报告 %d 没有可确定的修改", id)
		}
		note = fmt.Sprintf("改正全部可确定的问题（%d 处）", len(edits))
	} else {
		if c.Finding < 0 || c.Finding >= len(an.ds) {
			return store.Summary{}, Errorf(Conflict, "报告 %d 没有第 %d 个问题：请刷新页面", id, c.Finding+1)
		}
		d := an.ds[c.Finding]
		if d.Rule != c.Rule || d.Offset != c.Offset {
			return store.Summary{}, Errorf(Conflict, "报告 %d 的问题已有变化：请刷新页面后再改", id)
		}
		if c.Fix < 0 || c.Fix >= len(d.Fixes) {
			return store.Summary{}, Errorf(Invalid, "这个问题没有第 %d 种改法", c.Fix+1)
		}
		fx := d.Fixes[c.Fix]
		edits = []document.Edit{{Span: fx.Span, Text: fx.Replacement}}
		note = fmt.Sprintf("改正第 %d 行第 %d 列：%s（%s）", d.Line, d.Column, fx.Message, d.Rule)
	}
	text := document.Apply(an.file.Text, edits)
	return putVersion(ctx, st, rec, text, func(*store.Report) string { return note }, an.stated)
}

// SetMeta states the unit and the period of the current version of
// report id (the period as zongjie.ParseTerm reads it: 2024, 2024H1,
// 2024年上半年 …; empty: as the text says) and stores the report read
// with them as a new version, which it returns.
func (a *App) SetMeta(ctx context.Context, id int64, unit, period string) (store.Summary, error) {
	unit, period = strings.TrimSpace(unit), strings.TrimSpace(period)
	var o extract.Options
	if unit != "" {
		if !utf8.ValidString(unit) || strings.ContainsAny(unit, "\r\n\t") || len([]rune(unit)) > 40 {
			return store.Summary{}, Errorf(Invalid, "单位名称应为一行，不超过 40 个字：%q", unit)
		}
		o.Unit = unit
	}
	if period != "" {
		t, err := zongjie.ParseTerm(period)
		if err != nil {
			return store.Summary{}, &Error{Code: Invalid, Message: err.Error(), Err: err}
		}
		o.Period = &t
	}
	st, err := a.store(ctx)
	if err != nil {
		return store.Summary{}, err
	}
	rec, _, err := getVersion(ctx, st, id, 0)
	if err != nil {
		return store.Summary{}, err
	}
	return putVersion(ctx, st, rec, rec.Text, func(r *store.Report) string {
		return "更正元数据：" + metaChanges(rec, r)
	}, o)
}

// metaChanges says how the unit and the period of r differ from those
// of old, in Chinese ("单位 A → B，时段 2023年 → 2024年"), or that they
// do not.
func metaChanges(old, r *store.Report) string {
	var parts []string
	if old.Unit != r.Unit {
		parts = append(parts, "单位 "+orNone(old.Unit)+" → "+orNone(r.Unit))
	}
	if a, b := corpus.PeriodWords(old.Years, old.Period, old.Genre), corpus.PeriodWords(r.Years, r.Period, r.Genre); a != b {
		parts = append(parts, "时段 "+orNone(a)+" → "+orNone(b))
	}
	if len(parts) == 0 {
		return "单位、时段不变"
	}
	return strings.Join(parts, "，")
}

// putVersion stores text, read as the current version rec was, with the
// unit and period stated in o, as a new version of rec's report with the
// note made by note, and returns it. The text must make one report.
func putVersion(ctx context.Context, st store.Store, rec *store.Report, text string, note func(*store.Report) string, o extract.Options) (store.Summary, error) {
	rs, err := corpus.Prepare(storedName(rec), []byte(text), corpus.Options{Unit: o.Unit, Period: o.Period, Check: true})
	if err != nil {
		return store.Summary{}, &Error{Code: Internal, Message: "新版本无法读取：" + ErrorMessage(err), Err: err}
	}
	if len(rs) != 1 {
		return store.Summary{}, Errorf(Conflict, "改动后的文字被识别为 %d 篇报告，未保存", len(rs))
	}
	r := rs[0]
	r.ID, r.Path, r.Index = rec.ID, rec.Path, rec.Index
	r.Note = note(r)
	_, added, err := st.Put(ctx, r)
	if err != nil {
		return store.Summary{}, storeError(err)
	}
	if !added {
		return store.Summary{}, Errorf(Conflict, "与当前版本（第 %d 版）相同，未保存新版本", rec.Version)
	}
	return r.Summary(), nil
}

func orNone(s string) string {
	if s == "" {
		return "（无）"
	}
	return s
}
