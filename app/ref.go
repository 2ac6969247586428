package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"zongjie"
	"zongjie/corpus"
	"zongjie/document"
	"zongjie/extract"
	"zongjie/reader"
	"zongjie/store"
)

// Ref names a report to work on: a stored report by ID, or a file.
type Ref struct {
	ID    int64 // the stored report; 0 for a file
	Input Input // the file, when ID is 0
}

// Stored returns the Ref of a stored report.
func Stored(id int64) Ref { return Ref{ID: id} }

// File returns the Ref of a file.
func File(in Input) Ref { return Ref{Input: in} }

// Loaded is a report read from a file or from the store, with the file
// its positions refer to.
type Loaded struct {
	Label  string // the path, or "#ID"
	File   *document.File
	Report *zongjie.Report
	ID     int64  // the stored report, or 0
	Hash   string // the content hash of the file it came from, as the store keys it
	Index  int    // its position in that file
	Others int    // the other reports of the file, left out
}

// Text returns the report's text.
func (l *Loaded) Text() string { return l.File.Text[l.Report.Span.Start:l.Report.Span.End] }

// resolved is a Ref read: a file's bytes and document, or a stored
// report.
type resolved struct {
	data   []byte
	file   *document.File
	stored *store.Report
}

// resolve reads a Ref: a file gives its bytes and decoded document, an ID
// the stored report.
func (a *App) resolve(ctx context.Context, ref Ref) (resolved, error) {
	if ref.ID == 0 {
		data, err := ref.Input.load()
		if err != nil {
			return resolved{}, err
		}
		f, err := reader.Read(ref.Input.Name, data)
		return resolved{data: data, file: f}, err
	}
	st, err := a.store(ctx)
	if err != nil {
		return resolved{}, err
	}
	r, err := st.Get(ctx, ref.ID)
	if err != nil {
		return resolved{}, wrap(ErrorCode(err), err, "报告 %d：%s", ref.ID, notFoundText(err))
	}
	return resolved{stored: r}, nil
}

// storedFile reads a stored report's text in the format it came in:
// Markdown keeps its markup; every other format is plain text once stored.
func storedFile(r *store.Report) (*document.File, error) {
	return reader.Read(storedName(r), []byte(r.Text))
}

// Load reads the report a Ref names: a file's first report, or a stored
// report with its stored extraction. What the user states about it
// (a unit, a period) is applied.
func (a *App) Load(ctx context.Context, ref Ref, o extract.Options) (*Loaded, error) {
	res, err := a.resolve(ctx, ref)
	switch {
	case err != nil:
		return nil, err
	case res.stored != nil:
		return fromStored(res.stored, o)
	}
	rs := extract.FileWith(res.file, o)
	if len(rs) == 0 {
		return nil, Errorf(Unreadable, "%s：没有可读的报告内容", ref.Input.Name)
	}
	sum := sha256.Sum256(res.data)
	return &Loaded{Label: ref.Input.Name, File: res.file, Report: rs[0], Hash: hex.EncodeToString(sum[:]), Others: len(rs) - 1}, nil
}

// fromStored reads a stored report (see corpus.LoadStored).
func fromStored(r *store.Report, o extract.Options) (*Loaded, error) {
	label := "#" + strconv.FormatInt(r.ID, 10)
	f, rep, err := corpus.LoadStored(r, o)
	if err != nil {
		return nil, wrap(Unreadable, err, "报告 %s：%s", label, ErrorMessage(err))
	}
	return &Loaded{Label: label, File: f, Report: rep, ID: r.ID, Hash: r.FileHash, Index: r.Index}, nil
}

// unitReports returns a unit's stored reports in the order of the periods
// they review.
func (a *App) unitReports(ctx context.Context, unit string) ([]*Loaded, error) {
	st, err := a.store(ctx)
	if err != nil {
		return nil, err
	}
	list, err := st.List(ctx, store.Filter{Unit: unit})
	if err != nil {
		return nil, err
	}
	var out []*Loaded
	for _, s := range list {
		r, err := st.Get(ctx, s.ID)
		if err != nil {
			return nil, err
		}
		l, err := fromStored(r, extract.Options{})
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	sortByTerm(out)
	return out, nil
}

// sortByTerm orders reports by the periods they review, stably.
func sortByTerm(ls []*Loaded) {
	sort.SliceStable(ls, func(i, j int) bool {
		return termOrder(ls[i].Report.Meta.Review) < termOrder(ls[j].Report.Meta.Review)
	})
}

// termOrder orders reviewed periods: 2024H1 before 2024FY before 2025H1.
func termOrder(t *zongjie.Term) int { return t.Order() }

// known returns t when it names a year, else nil.
func known(t *zongjie.Term) *zongjie.Term {
	if t == nil || t.Year == 0 {
		return nil
	}
	return t
}

// pairProblem says why a later report cannot be tracked against an
// earlier one: both are the same report (the same file, the same stored
// report, the same file content under two names, or the same text: a
// Conflict), or the later one does not review a period after the earlier
// one's (Invalid). When a period is unknown, the order cannot be checked:
// warn says so, and how to state the period (periodHint).
func (a *App) pairProblem(old, cur *Loaded) (warn string, refuse error) {
	switch {
	case old.ID != 0 && old.ID == cur.ID:
		return "", Errorf(Conflict, "两个报告是同一篇已保存的报告（%s），不能自己对照自己", old.Label)
	case old.Hash != "" && old.Hash == cur.Hash && old.Index == cur.Index:
		return "", Errorf(Conflict, "%s 与 %s 的内容相同，是同一篇报告，不能自己对照自己", old.Label, cur.Label)
	case strings.TrimSpace(old.Text()) == strings.TrimSpace(cur.Text()):
		return "", Errorf(Conflict, "%s 与 %s 的文字相同，是同一篇报告，不能自己对照自己", old.Label, cur.Label)
	}
	o, n := known(old.Report.Meta.Review), known(cur.Report.Meta.Review)
	switch {
	case o != nil && n != nil && termOrder(n) <= termOrder(o):
		if termOrder(n) == termOrder(o) {
			return "", Errorf(Invalid, "%s 与 %s 回顾的是同一时段（%s），后者应是其后一期的报告", old.Label, cur.Label, o.Words())
		}
		return "", Errorf(Invalid, "%s 回顾的时段（%s）早于 %s（%s）：请把较早的报告放在前面，或%s", cur.Label, n.Words(), old.Label, o.Words(), a.periodHint(true, old, cur))
	case o == nil && n == nil:
		return fmt.Sprintf("%s 和 %s 都没有写明回顾的时段，无法核对先后，也无法判断哪些目标到期；%s", old.Label, cur.Label, a.periodHint(false, old, cur)), nil
	case o == nil:
		return fmt.Sprintf("%s 没有写明回顾的时段，无法核对两篇的先后；%s", old.Label, a.periodHint(false, old)), nil
	case n == nil:
		return fmt.Sprintf("%s 没有写明回顾的时段，无法核对两篇的先后，也无法判断哪些目标到期；%s", cur.Label, a.periodHint(false, cur)), nil
	}
	return "", nil
}

// periodHint says how the user states the period the reports ls review
// (correct, when wrong is set): on the command line with --period for
// files, with zongjie add --period for stored reports (whose commands
// take no --period); in the web app, which has no flags, in the "单位与时
// 段" form of a stored report's page, or, for an uploaded file (not
// stored), in the report's text or after storing it.
func (a *App) periodHint(wrong bool, ls ...*Loaded) string {
	stored := true
	for _, l := range ls {
		stored = stored && l.ID != 0
	}
	if !a.opts.Web && stored {
		if wrong {
			return "用 zongjie add --period 时段 重新加入报告以更正时段"
		}
		return "可用 zongjie add --period 时段 重新加入报告以更正"
	}
	if !a.opts.Web {
		switch {
		case wrong:
			return "用 --period 指定时段"
		case len(ls) == 2:
			return "可用 --period 依次指定，如 --period 2023,2024"
		}
		return "可用 --period 指定"
	}
	hint := "可在报告页的“单位与时段”中填写回顾的时段（如 2024、2024H1）"
	for _, l := range ls {
		if l.ID == 0 {
			hint = "可在报告中写明年份，或上传保存后在报告页的“单位与时段”中填写回顾的时段（如 2024、2024H1）"
			break
		}
	}
	if wrong {
		hint = strings.Replace(strings.TrimPrefix(hint, "可"), "填写", "更正", 1)
	}
	return hint
}
