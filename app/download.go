package app

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"zongjie/check"
	"zongjie/store"
)

// Download is a file made for the user to save.
type Download struct {
	Name string // a file name to save it as
	Type string // its media type
	Data []byte
}

// Media types of downloads.
const (
	TypeText = "text/plain; charset=utf-8"
	TypeDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)

// FixedText returns the text of a version of report id (0: the current
// one) with every certain fix applied, as `zongjie check --fix` gives it.
func (a *App) FixedText(ctx context.Context, id int64, version int) (Download, error) {
	an, err := a.analyseVersion(ctx, id, version)
	if err != nil {
		return Download{}, err
	}
	text, _ := check.ApplyFixes(an.file.Text, an.ds)
	return Download{Name: downloadName(an.rec, "（改正后）.txt"), Type: TypeText, Data: []byte(text)}, nil
}

// GongwenDocx returns a version of report id in the official layout
// (GB/T 9704-2012) as a .docx, its certain fixes applied first: Export.
func (a *App) GongwenDocx(ctx context.Context, id int64, version int) (Download, error) {
	rec, err := a.getVersionOf(ctx, id, version)
	if err != nil {
		return Download{}, err
	}
	ex, err := a.Export(ctx, ExportRequest{Ref: Stored(id), Version: rec.Version})
	if err != nil {
		return Download{}, err
	}
	return Download{Name: downloadName(rec, ".docx"), Type: TypeDocx, Data: ex.DOCX}, nil
}

// AnnotatedDocx returns a version of report id as a .docx (the official
// layout, its text unchanged) with each finding of a check of that .docx
// as a Word comment (批注) on the text it is about: Export, then Check and
// Annotate, as for any .docx.
func (a *App) AnnotatedDocx(ctx context.Context, id int64, version int) (Download, error) {
	rec, err := a.getVersionOf(ctx, id, version)
	if err != nil {
		return Download{}, err
	}
	ex, err := a.Export(ctx, ExportRequest{Ref: Stored(id), Version: rec.Version, NoFix: true})
	if err != nil {
		return Download{}, err
	}
	name := downloadName(rec, "（批注）.docx")
	c, err := a.Check(ctx, Input{Name: name, Data: ex.DOCX})
	if err != nil {
		return Download{}, wrap(Internal, err, "批注版无法生成：%s", ErrorMessage(err))
	}
	out, _, err := a.Annotate(c, c.Diagnostics)
	if err != nil {
		return Download{}, err
	}
	return Download{Name: name, Type: TypeDocx, Data: out}, nil
}

// getVersionOf returns a version of a stored report (0: the current one).
func (a *App) getVersionOf(ctx context.Context, id int64, version int) (*store.Report, error) {
	st, err := a.store(ctx)
	if err != nil {
		return nil, err
	}
	rec, _, err := getVersion(ctx, st, id, version)
	return rec, err
}

// analyseVersion reads a version of a stored report again.
func (a *App) analyseVersion(ctx context.Context, id int64, version int) (*analysis, error) {
	rec, err := a.getVersionOf(ctx, id, version)
	if err != nil {
		return nil, err
	}
	return a.analyse(rec)
}

// downloadName names a download of a stored report: its title (or
// "报告N"), version and suffix, without characters file systems refuse.
func downloadName(rec *store.Report, suffix string) string {
	base := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.TrimSpace(rec.Title))
	if rs := []rune(base); len(rs) > 60 {
		base = string(rs[:60])
	}
	if base == "" {
		base = fmt.Sprintf("报告%d", rec.ID)
	}
	return fmt.Sprintf("%s（第%d版）%s", base, rec.Version, suffix)
}
