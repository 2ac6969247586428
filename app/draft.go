package app

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

// DraftRequest says what to draft from: the last report (its plan
// sections), and the results of the period, from a later report (Actual)
// or from a data CSV (Data); neither leaves placeholders for every
// result.
type DraftRequest struct {
	From   Ref
	Unit   string        // the unit, over the one the last report names
	Period *zongjie.Term // this period; also the period Actual reviews
	Actual *Ref
	Data   *Input // a CSV of "指标,数值[,单位]"
}

// Drafted is a draft: the document, the outcome of the last report's
// targets it was written from (nil without results), and what the user
// should know.
type Drafted struct {
	Doc     *gongwen.Doc
	Outcome *track.Outcome
	Notes   []string
}

// Draft writes this period's summary and the next period's plan from the
// last report's plan: each target's outcome as the data say, placeholders
// (xx, 【待补充】) where data are missing, no invented figure. On a
// failure the result still holds the notes made until then.
func (a *App) Draft(ctx context.Context, req DraftRequest) (*Drafted, error) {
	if req.Actual != nil && req.Data != nil {
		return nil, Errorf(Invalid, "--actual 与 --data 只能给出一个")
	}
	out := &Drafted{}
	last, err := a.Load(ctx, req.From, extract.Options{Unit: strings.TrimSpace(req.Unit)})
	if err != nil {
		return nil, err
	}
	out.Notes = appendOthers(out.Notes, last)
	if req.Period != nil && known(last.Report.Meta.Plan) == nil {
		// A report that names no plan period plans this one.
		p := *req.Period
		last.Report.Meta.Plan = &p
	}
	in := draft.Input{File: last.File, Last: last.Report, Period: req.Period}
	switch {
	case req.Actual != nil:
		l, err := a.Load(ctx, *req.Actual, extract.Options{Period: req.Period})
		if err != nil {
			return out, err
		}
		out.Notes = appendOthers(out.Notes, l)
		warn, refuse := a.pairProblem(last, l)
		if refuse != nil {
			which := "--from 与 --actual"
			if a.opts.Web {
				which = "上期报告与本期报告"
			}
			return out, wrap(ErrorCode(refuse), refuse, "%s：%v", which, refuse)
		}
		if warn != "" {
			out.Notes = append(out.Notes, warn)
		}
		in.Outcome = track.Track(last.Report, l.File, l.Report)
	case req.Data != nil:
		l, err := dataReport(*req.Data, in.Period, last.Report.Meta.Plan)
		if err != nil {
			return out, err
		}
		in.Outcome = track.Track(last.Report, l.File, l.Report)
	}
	out.Doc, out.Outcome = draft.Draft(in), in.Outcome
	return out, nil
}

// dataReport turns a data CSV into a report of one sentence per row
// ("一般公共预算收入增速5.2%。"), read by the same extraction as any
// report, so that track matches it like a later report. Its evidence lines
// are the CSV's lines. The CSV may be UTF-8 (with or without a BOM) or
// GBK; a header row naming 指标 is skipped.
func dataReport(in Input, period, plan *zongjie.Term) (*Loaded, error) {
	path := in.Name
	raw, err := in.load()
	if err != nil {
		return nil, err
	}
	f, err := reader.Read(path+".txt", raw) // detects the encoding
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(strings.NewReader(f.Text))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, wrap(Unreadable, err, "%s：不是有效的 CSV（%v）", path, err)
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
		return nil, Errorf(Unreadable, "%s：没有数据行", path)
	}
	rs := extract.File(df)
	if len(rs) == 0 {
		return nil, Errorf(Unreadable, "%s：没有数据行", path)
	}
	rep := rs[0]
	rep.Meta.Review = period
	if rep.Meta.Review == nil {
		rep.Meta.Review = plan
	}
	rep.Targets = nil // the data are results, whatever words they use
	return &Loaded{Label: path, File: df, Report: rep}, nil
}

// DraftJSON is a draft as the JSON API answers it: the document's
// title and blocks, the same as Markdown, the outcome of the last
// report's targets it was written from (null without results) and the
// notes.
type DraftJSON struct {
	Title    string         `json:"title"`
	Subtitle string         `json:"subtitle,omitempty"`
	Blocks   []DraftBlock   `json:"blocks"`
	Markdown string         `json:"markdown"`
	Outcome  *track.Outcome `json:"outcome"`
	Notes    []string       `json:"notes"`
}

// DraftBlock is a paragraph of a draft: level 0 for body text, 1–4 for
// the heading levels 一、（一）1.（1）.
type DraftBlock struct {
	Level int    `json:"level"`
	Text  string `json:"text"`
}

// JSON returns the draft as the JSON API answers it.
func (d *Drafted) JSON() (DraftJSON, error) {
	md, err := d.Markdown()
	if err != nil {
		return DraftJSON{}, err
	}
	out := DraftJSON{Title: d.Doc.Title, Subtitle: d.Doc.Subtitle, Blocks: make([]DraftBlock, len(d.Doc.Blocks)),
		Markdown: string(md), Outcome: d.Outcome, Notes: d.Notes}
	for i, b := range d.Doc.Blocks {
		out.Blocks[i] = DraftBlock{Level: b.Level, Text: b.Text}
	}
	if out.Notes == nil {
		out.Notes = []string{}
	}
	return out, nil
}

// Markdown returns the draft in Markdown, as draft --format md writes it.
func (d *Drafted) Markdown() ([]byte, error) {
	var b bytes.Buffer
	err := draft.WriteMarkdown(&b, d.Doc)
	return b.Bytes(), err
}

// Docx returns the draft as a GB/T 9704 .docx, as draft --format docx
// writes it.
func (d *Drafted) Docx() ([]byte, error) {
	var b bytes.Buffer
	err := gongwen.WriteDOCX(&b, d.Doc)
	return b.Bytes(), err
}

// FileName names a download of the draft: its title (one line), or
// 起草稿, with the extension ext (".docx").
func (d *Drafted) FileName(ext string) string {
	name := strings.Join(strings.Fields(strings.ReplaceAll(d.Doc.Title, "\n", "")), "")
	if name == "" {
		name = "起草稿"
	}
	return name + ext
}
