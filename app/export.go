package app

import (
	"bytes"
	"context"
	"fmt"

	"zongjie"
	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/document"
	"zongjie/extract"
	"zongjie/gongwen"
	"zongjie/store"
)

// ExportRequest names the report to export in the official layout: a file
// (its Index-th report, from 1; 0 for the first) or a stored report, with
// the certain fixes applied unless NoFix.
type ExportRequest struct {
	Ref     Ref
	Index   int
	NoFix   bool
	Version int // of a stored report: the version to export (0: the current one)
}

// Exported is a report in the official 公文 layout (GB/T 9704): the
// document and its .docx.
type Exported struct {
	Label string // the file's name, or "报告 ID"
	Doc   *gongwen.Doc
	DOCX  []byte
	Fixed int      // the certain fixes applied; -1 with NoFix
	Notes []string // what the user should know
}

// Export lays a report out as a 公文 (.docx): A4, the official fonts and
// sizes, page numbers, its outline as headings. The certain fixes inside
// the report are applied first, as check --fix applies them (with the
// configuration found from the file, or from the working directory for a
// stored report).
func (a *App) Export(ctx context.Context, req ExportRequest) (*Exported, error) {
	if req.Index < 0 {
		return nil, Errorf(Invalid, "--index %d 不是报告的序号", req.Index)
	}
	out := &Exported{Fixed: -1}
	var (
		f       *document.File
		reports []*zongjie.Report
		name    string // for messages
		stored  bool   // reports hold a stored extraction
		sr      *store.Report
		stated  extract.Options
	)
	if req.Ref.ID == 0 {
		res, err := a.resolve(ctx, req.Ref)
		if err != nil {
			return nil, err
		}
		f, reports = res.file, extract.File(res.file)
		name, out.Label = req.Ref.Input.Name, req.Ref.Input.Name
	} else {
		st, err := a.store(ctx)
		if err != nil {
			return nil, err
		}
		if sr, _, err = getVersion(ctx, st, req.Ref.ID, req.Version); err != nil {
			return nil, err
		}
		// The stored text is one report's, its extraction stored with it.
		if f, err = storedFile(sr); err != nil {
			return nil, wrap(Unreadable, err, "报告 %d：%s", req.Ref.ID, ErrorMessage(err))
		}
		r, err := extract.Stored(f, sr.Data)
		if err != nil {
			r = whole(f, extract.File(f))
		}
		reports, stored = []*zongjie.Report{r}, true
		name, out.Label = itoa(req.Ref.ID), fmt.Sprintf("报告 %d", req.Ref.ID)
	}
	if len(reports) == 0 {
		return nil, Errorf(Unreadable, "%s：没有可导出的内容", name)
	}
	k := max(req.Index, 1) - 1
	if k >= len(reports) {
		return nil, Errorf(NotFound, "%s 中只有 %d 篇报告，没有第 %d 篇", name, len(reports), req.Index)
	}
	if len(reports) > 1 && req.Index == 0 {
		out.Notes = append(out.Notes, fmt.Sprintf("%s 中有 %d 篇报告，导出第 1 篇（用 --index 选择其他）", name, len(reports)))
	}
	r := reports[k]

	// The certain fixes inside the report, as check --fix applies them.
	if !req.NoFix {
		cfg, err := a.opts.Config.For(f.Path, stored || !req.Ref.Input.OnDisk())
		if err != nil {
			return nil, err
		}
		checked := reports
		if stored {
			// The rules read what a stored extraction does not keep (the
			// spans of a figure's number and unit): they check a fresh one,
			// with the unit and period the user stated.
			var fresh *zongjie.Report
			fresh, stated = freshReport(f, sr)
			checked = []*zongjie.Report{fresh}
		}
		ds := check.Run(f, checked, rules.All(), cfg)
		var edits []document.Edit
		for _, ed := range check.Edits(f.Text, ds) {
			if ed.Span.Start >= r.Span.Start && ed.Span.End <= r.Span.End {
				edits = append(edits, ed)
			}
		}
		if len(edits) > 0 {
			f = f.Apply(edits)
			again := extract.FileWith(f, stated)
			if len(again) == len(reports) {
				r = again[k]
			} else {
				r = whole(f, again) // the fixes changed where reports begin: keep all the text
			}
		}
		out.Fixed = len(edits)
	}

	out.Doc = gongwen.FromReport(f, r)
	var buf bytes.Buffer
	if err := gongwen.WriteDOCX(&buf, out.Doc); err != nil {
		return nil, wrap(Internal, err, "%v", err)
	}
	out.DOCX = buf.Bytes()
	if stored {
		if err := a.auditReport(ctx, "report.export", req.Ref.ID, "导出 .docx"); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// whole returns one report covering the whole file: the first of reports
// with the outlines, figures and targets of the others, for a text that
// is one report although extract splits it.
func whole(f *document.File, reports []*zongjie.Report) *zongjie.Report {
	if len(reports) == 0 {
		return &zongjie.Report{Span: document.Span{End: len(f.Text)}, Length: f.Chars(), Line: 1, EndLine: f.Lines()}
	}
	r := *reports[0]
	r.Span = document.Span{End: len(f.Text)}
	r.Offset, r.Length, r.Line = 0, f.Chars(), 1
	for _, o := range reports[1:] {
		r.Outline = append(r.Outline, o.Outline...)
		r.Quantities = append(r.Quantities, o.Quantities...)
		r.Targets = append(r.Targets, o.Targets...)
		r.EndLine = o.EndLine
	}
	return &r
}
