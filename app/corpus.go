package app

import (
	"context"
	"encoding/json"
	"errors"

	"zongjie/corpus"
	"zongjie/store"
)

// AddRequest is what to add to the store: files and folders on disk
// (folders walked for reports), or inputs (uploads, the examples), and
// how their reports are stored.
type AddRequest struct {
	Paths  []string
	Inputs []Input
	// Options: a unit and a period stated for every report, and whether
	// to check them (their findings are stored with them).
	Options corpus.Options
	// Progress, if set, is told about each file when its reports are
	// stored or it failed (from one goroutine at a time).
	Progress func(corpus.Progress)
}

// Add reads, extracts, checks and fingerprints files in parallel and
// stores their reports, each whole or not at all; a report stored already
// is not stored again, an edited one becomes a new version of its stored
// report. A file that fails is told to Progress and counted in the stats,
// and does not stop the others; Add returns an error only when the store
// fails or ctx is done.
func (a *App) Add(ctx context.Context, req AddRequest) (corpus.Stats, error) {
	st, err := a.store(ctx)
	if err != nil {
		return corpus.Stats{}, err
	}
	o := corpus.AddOptions{Options: req.Options, Progress: req.Progress}
	if req.Inputs == nil {
		return corpus.Add(ctx, st, req.Paths, o)
	}
	var inputs []corpus.Input
	for _, in := range req.Inputs {
		ci := corpus.Input{Path: in.Name, Data: in.Data}
		if in.Data == nil && in.Reader != nil {
			if ci.Data, err = in.load(); err != nil {
				return corpus.Stats{}, err
			}
		}
		inputs = append(inputs, ci)
	}
	stats, err := corpus.AddInputs(ctx, st, inputs, o)
	if len(req.Paths) > 0 && err == nil {
		more, err := corpus.Add(ctx, st, req.Paths, o)
		return sumStats(stats, more), err
	}
	return stats, err
}

// sumStats adds up the stats of two adds.
func sumStats(a, b corpus.Stats) corpus.Stats {
	a.Files += b.Files
	a.Failed += b.Failed
	a.Reports += b.Reports
	a.Added += b.Added
	a.Updated += b.Updated
	a.Duplicates += b.Duplicates
	a.Skipped = append(a.Skipped, b.Skipped...)
	a.Bytes += b.Bytes
	a.Elapsed += b.Elapsed
	return a
}

// List returns the stored reports the filter selects, by ID.
func (a *App) List(ctx context.Context, f store.Filter) (ReportList, error) {
	st, err := a.store(ctx)
	if err != nil {
		return ReportList{}, err
	}
	list, err := st.List(ctx, f)
	if err != nil {
		return ReportList{}, err
	}
	return ReportList{Reports: summaries(list)}, nil
}

// ReportList is the stable output of list --format json.
type ReportList struct {
	Reports []Summary `json:"reports"`
}

// Shown is one stored report (a version of it) whole: the stable output
// of show --format json (its keys in alphabetical order, as they have
// always been written), with the report itself and its versions for the
// text output.
type Shown struct {
	Data         json.RawMessage `json:"data"`
	Findings     json.RawMessage `json:"findings"`
	Fingerprints int             `json:"fingerprints"`
	Paragraphs   int             `json:"paragraphs"`
	Report       Summary         `json:"report"`

	Stored   *store.Report   `json:"-"`
	Versions []store.Summary `json:"-"` // oldest first; nil when they could not be had
}

// Show returns a stored report: its current version, or the version
// given (> 0).
func (a *App) Show(ctx context.Context, id int64, version int) (*Shown, error) {
	if version < 0 {
		return nil, Errorf(Invalid, "--version %d 不是版本号", version)
	}
	st, err := a.store(ctx)
	if err != nil {
		return nil, err
	}
	var r *store.Report
	if version > 0 {
		r, err = st.GetVersion(ctx, id, version)
		if errors.Is(err, store.ErrNotFound) {
			if _, err2 := st.Versions(ctx, id); err2 == nil {
				return nil, wrap(NotFound, err, "报告 %d 没有第 %d 版（zongjie versions %d 列出各版）", id, version, id)
			}
		}
	} else {
		r, err = st.Get(ctx, id)
	}
	if err != nil {
		return nil, wrap(ErrorCode(err), err, "报告 %d：%v", id, notFoundText(err))
	}
	s := &Shown{Report: SummaryOf(r.Summary()), Data: r.Data, Findings: orEmpty(r.Findings),
		Fingerprints: len(r.Fingerprints), Paragraphs: len(r.Paragraphs), Stored: r}
	if vs, err := st.Versions(ctx, r.ID); err == nil {
		s.Versions = vs
	}
	return s, nil
}

// orEmpty returns b, or an empty JSON array for none.
func orEmpty(b json.RawMessage) json.RawMessage {
	if len(b) == 0 {
		return json.RawMessage("[]")
	}
	return b
}

// VersionList is the stable output of versions --format json.
type VersionList struct {
	Report   int64     `json:"report"`
	Versions []Version `json:"versions"`
}

// Version is one version of a stored report.
type Version struct {
	Summary
	Current bool `json:"current"`
}

// Versions returns the versions of a stored report, oldest first.
func (a *App) Versions(ctx context.Context, id int64) (VersionList, error) {
	st, err := a.store(ctx)
	if err != nil {
		return VersionList{}, err
	}
	vs, err := st.Versions(ctx, id)
	if err != nil {
		return VersionList{}, wrap(ErrorCode(err), err, "报告 %d：%s", id, notFoundText(err))
	}
	out := VersionList{Report: id, Versions: []Version{}}
	cur := vs[len(vs)-1].Version
	for _, v := range vs {
		out.Versions = append(out.Versions, Version{SummaryOf(v), v.Version == cur})
	}
	return out, nil
}

// VersionDiff is two versions of a stored report compared line by line.
type VersionDiff struct {
	Report  int64
	A, B    *store.Report // the versions compared
	Current int           // the current version
	Lines   []corpus.DiffLine
}

// DiffVersions compares two versions of a stored report line by line;
// version b 0 is the current one.
func (a *App) DiffVersions(ctx context.Context, id int64, va, vb int) (*VersionDiff, error) {
	st, err := a.store(ctx)
	if err != nil {
		return nil, err
	}
	vs, err := st.Versions(ctx, id)
	if err != nil {
		return nil, wrap(ErrorCode(err), err, "报告 %d：%s", id, notFoundText(err))
	}
	cur := vs[len(vs)-1]
	if vb == 0 {
		vb = cur.Version
	}
	d := &VersionDiff{Report: id, Current: cur.Version}
	for i, n := range []int{va, vb} {
		r, err := st.GetVersion(ctx, id, n)
		if err != nil {
			return nil, wrap(NotFound, err, "报告 %d 没有第 %d 版（共 %d 版）", id, n, cur.Version)
		}
		if i == 0 {
			d.A = r
		} else {
			d.B = r
		}
	}
	d.Lines = corpus.DiffLines(d.A.Text, d.B.Text)
	return d, nil
}

// Restore makes an earlier version of a stored report its current one,
// as a new version (nothing is overwritten), and returns the new version.
func (a *App) Restore(ctx context.Context, id int64, version int) (store.Summary, error) {
	st, err := a.store(ctx)
	if err != nil {
		return store.Summary{}, err
	}
	v, err := corpus.Restore(ctx, st, id, version)
	switch {
	case errors.Is(err, corpus.ErrCurrentVersion):
		return v, wrap(Conflict, err, "报告 %d 的第 %d 版与当前版本（第 %d 版）相同，无需恢复", id, version, v.Version)
	case errors.Is(err, store.ErrNotFound):
		return v, wrap(NotFound, err, "报告 %d 没有第 %d 版（用 zongjie versions %d 查看）", id, version, id)
	case err != nil:
		return v, wrap(ErrorCode(err), err, "报告 %d：%v", id, ErrorMessage(err))
	}
	return v, nil
}
