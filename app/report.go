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
	vs, err := st.Versions(ctx, id)
	if err != nil {
		return nil, reportError(err, id)
	}
	sum, err := pickVersion(id, vs, version)
	if err != nil {
		return nil, err
	}
	an, err := a.analyseSummary(ctx, st, sum)
	if err != nil {
		return nil, err
	}
	ds := an.ds
	return &Report{
		Summary: sum, Current: vs[len(vs)-1].Version, Versions: vs,
		Text: an.file.Text, Extract: an.report, Findings: ds, Counts: countDiagnostics(ds),
		Changeable: writable(ctx, st, sum.UnitID),
	}, nil
}

// pickVersion returns the summary of version of report id among its
// versions vs (the current one for version 0).
func pickVersion(id int64, vs []store.Summary, version int) (store.Summary, error) {
	if version == 0 {
		return vs[len(vs)-1], nil
	}
	for _, s := range vs {
		if s.Version == version {
			return s, nil
		}
	}
	return store.Summary{}, Errorf(NotFound, "报告 %d 没有第 %d 版（共 %d 版）", id, version, len(vs))
}

// analyseSummary returns the analysis of the stored version sum
// describes: kept from an earlier look (analyses), or read from the
// store and made now, and kept.
func (a *App) analyseSummary(ctx context.Context, st store.Store, sum store.Summary) (*analysis, error) {
	cfg, err := a.opts.Config.For(storedName(&store.Report{ID: sum.ID, Path: sum.Path}), true)
	if err != nil {
		return nil, err
	}
	if an := a.analyses.get(sum, cfg); an != nil {
		return an, nil
	}
	rec, err := st.GetVersion(ctx, sum.ID, sum.Version)
	if errors.Is(err, store.ErrNotFound) {
		return nil, Errorf(NotFound, "报告 %d 没有第 %d 版", sum.ID, sum.Version)
	}
	if err != nil {
		return nil, storeError(err)
	}
	an, err := a.analyse(rec)
	if err != nil {
		return nil, err
	}
	if sameVersion(rec.Summary(), sum) {
		a.analyses.put(sum, cfg, an)
	}
	return an, nil
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
