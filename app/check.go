package app

import (
	"context"

	"zongjie/annotate"
	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/document"
	"zongjie/reader"
)

// Checked is a document checked: its findings with the configuration in
// force.
type Checked struct {
	Document
	Config      *check.Config
	Diagnostics []check.Diagnostic // every finding, by position
}

// Edits returns the certain fixes among the findings as edits of the
// text, sorted, not overlapping. They are made when asked for: a check
// answered with its findings (the API, the web's upload) never needs them.
func (c Checked) Edits() []document.Edit { return check.Edits(c.File.Text, c.Diagnostics) }

// Check reads, extracts and checks one input (see CheckDocument).
func (a *App) Check(ctx context.Context, in Input) (Checked, error) {
	d := a.Extract(ctx, []Input{in})[0]
	if d.Err != nil {
		return Checked{Document: d}, d.Err
	}
	return a.CheckDocument(d)
}

// CheckDocument checks a document read by Extract with the rules and the
// configuration of its file (Options.Config): the nearest zongjie.toml
// above a file on disk, above the working directory for anything else. A
// configuration that cannot be read is an Invalid error.
func (a *App) CheckDocument(d Document) (Checked, error) {
	c := Checked{Document: d}
	if d.Err != nil {
		return c, d.Err
	}
	cfg, err := a.opts.Config.For(d.File.Path, !d.Input.OnDisk())
	if err != nil {
		return c, err
	}
	c.Config = cfg
	c.Diagnostics = check.Run(d.File, d.Reports, rules.All(), cfg)
	return c, nil
}

// Fixed returns the text with the certain fixes applied.
func (c Checked) Fixed() string { return document.Apply(c.File.Text, c.Edits()) }

// Rewrite returns the file's bytes with the certain fixes applied, in its
// own encoding and line endings (a .txt or .md; a .docx is refused).
func (c Checked) Rewrite() ([]byte, error) { return reader.Rewrite(c.File, c.Data, c.Edits()) }

// Annotate returns a copy of a checked .docx with ds (its findings, or
// some of them) as Word comments, and what became of each.
func (a *App) Annotate(c Checked, ds []check.Diagnostic) ([]byte, annotate.Result, error) {
	out, res, err := annotate.Docx(c.Data, c.File, ds, "zongjie")
	if err != nil {
		return nil, res, wrap(Unreadable, err, "%s: 无法写入批注：%v", c.File.Path, err)
	}
	return out, res, nil
}

// CertainFix reports whether a finding has a fix applied without asking
// (check --fix, export).
func CertainFix(d check.Diagnostic) bool {
	for _, f := range d.Fixes {
		if f.Certain {
			return true
		}
	}
	return false
}

// AtLeast returns the findings at least as serious as min.
func AtLeast(ds []check.Diagnostic, min check.Severity) []check.Diagnostic {
	out := make([]check.Diagnostic, 0, len(ds))
	for _, d := range ds {
		if d.Severity <= min { // Error is the lowest value
			out = append(out, d)
		}
	}
	return out
}
