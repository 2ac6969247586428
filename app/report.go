package app

import (
	"context"
	"errors"
	"fmt"

	"zongjie"
	"zongjie/check"
	"zongjie/store"
)

// Report is one version of a stored report as a reader sees it: its
// text, what was extracted from it, and the findings of a check of it.
// Positions (Offset, Length, Line, Column) are in characters of Text.
type Report struct {
	store.Summary                 // this version
	Current       int             // the number of the current version
	Versions      []store.Summary // every version, oldest first
	Text          string
	Extract       *zongjie.Report
	Findings      []check.Diagnostic // in the order of the text
	Counts
	// Changeable says whether the user may change the report (fix it,
	// restore a version, delete it), not only read it.
	Changeable bool
}

// IsCurrent reports whether r is the current version.
func (r *Report) IsCurrent() bool { return r.Version == r.Current }

// Report returns a stored report: the given version, or the current one
// for version 0.
func (a *App) Report(ctx context.Context, id int64, version int) (*Report, error) {
	st, err := a.store(ctx)
	if err != nil {
		return nil, err
	}
	rec, vs, err := getVersion(ctx, st, id, version)
	if err != nil {
		return nil, err
	}
	an, err := a.analyse(rec)
	if err != nil {
		return nil, err
	}
	ds := an.ds
	return &Report{
		Summary: rec.Summary(), Current: vs[len(vs)-1].Version, Versions: vs,
		Text: an.file.Text, Extract: an.report, Findings: ds, Counts: countDiagnostics(ds),
		Changeable: writable(ctx, st, rec.UnitID),
	}, nil
}

// getVersion returns a version of a stored report (the current one for
// version 0) and the list of its versions.
func getVersion(ctx context.Context, st store.Store, id int64, version int) (*store.Report, []store.Summary, error) {
	vs, err := st.Versions(ctx, id)
	if err != nil {
		return nil, nil, reportError(err, id)
	}
	if version == 0 {
		version = vs[len(vs)-1].Version
	}
	rec, err := st.GetVersion(ctx, id, version)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil, Errorf(NotFound, "报告 %d 没有第 %d 版（共 %d 版）", id, version, len(vs))
	}
	if err != nil {
		return nil, nil, storeError(err)
	}
	return rec, vs, nil
}

// reportError is the failure to get report id.
func reportError(err error, id int64) error {
	if errors.Is(err, store.ErrNotFound) {
		return &Error{Code: NotFound, Message: fmt.Sprintf("报告 %d 不存在", id), Err: err}
	}
	return storeError(err)
}
