package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"zongjie"
	"zongjie/document"
	"zongjie/extract"
	"zongjie/store"
	"zongjie/track"
)

// loaded is a report read from a file or from the store, with the file
// its positions refer to.
type loaded struct {
	label  string // the path, or "#ID"
	file   *document.File
	report *zongjie.Report
	id     int64  // the stored report, or 0
	hash   string // the content hash of the file it came from, as the store keys it
	index  int    // its position in that file
	others int    // the other reports of the file, left out
}

// loadReport reads a report argument: an existing file (its first
// report), else a stored report ID, whose text is extracted again. What
// the user states about it (--unit, --period) is applied.
func loadReport(ctx context.Context, arg string, st func() (store.Store, error), o extract.Options) (loaded, error) {
	data, f, r, err := resolveArg(ctx, arg, st)
	switch {
	case err != nil:
		return loaded{}, err
	case r != nil:
		return fromStored(r, o)
	}
	rs := extract.FileWith(f, o)
	if len(rs) == 0 {
		return loaded{}, fmt.Errorf("%s：没有可读的报告内容（no report in the file）", arg)
	}
	sum := sha256.Sum256(data)
	return loaded{label: arg, file: f, report: rs[0], hash: hex.EncodeToString(sum[:]), others: len(rs) - 1}, nil
}

// fromStored reads a stored report: its stored extraction over its text
// (extracted again when the record does not fit the text, or when o
// states a unit or period of its own), keeping the unit and period it was
// stored with (they may have been given with add --unit, --period), and
// then what o states.
func fromStored(r *store.Report, o extract.Options) (loaded, error) {
	label := "#" + strconv.FormatInt(r.ID, 10)
	f, err := storedFile(r)
	if err != nil {
		return loaded{}, fmt.Errorf("报告 %s：%w", label, err)
	}
	rep, err := extract.Stored(f, r.Data)
	if err != nil || o.Unit != "" || o.Period != nil {
		rs := extract.FileWith(f, o)
		if len(rs) == 0 {
			return loaded{}, fmt.Errorf("报告 %s：没有可读的报告内容", label)
		}
		rep = rs[0]
	}
	if r.Unit != "" && o.Unit == "" {
		rep.Meta.Unit = r.Unit
	}
	if r.Period != "" && len(r.Years) > 0 && o.Period == nil && (rep.Meta.Review == nil || string(rep.Meta.Review.Period) != r.Period) {
		rep.Meta.Review = &zongjie.Term{Year: r.Years[0], Period: zongjie.Period(r.Period)}
	}
	return loaded{label: label, file: f, report: rep, id: r.ID, hash: r.FileHash, index: r.Index}, nil
}

// known returns t when it names a year, else nil.
func known(t *zongjie.Term) *zongjie.Term {
	if t == nil || t.Year == 0 {
		return nil
	}
	return t
}

// text returns the report's text.
func (l loaded) text() string { return l.file.Text[l.report.Span.Start:l.report.Span.End] }

// pairProblem says why a later report cannot be tracked against an
// earlier one: both are the same report (the same file, the same stored
// report, the same file content under two names, or the same text), or
// the later one does not review a period after the earlier one's. When a
// period is unknown, the order cannot be checked: warn says so.
func pairProblem(old, cur loaded) (warn string, refuse error) {
	switch {
	case old.id != 0 && old.id == cur.id:
		return "", fmt.Errorf("两个报告是同一篇已保存的报告（%s），不能自己对照自己", old.label)
	case old.hash != "" && old.hash == cur.hash && old.index == cur.index:
		return "", fmt.Errorf("%s 与 %s 的内容相同，是同一篇报告，不能自己对照自己", old.label, cur.label)
	case strings.TrimSpace(old.text()) == strings.TrimSpace(cur.text()):
		return "", fmt.Errorf("%s 与 %s 的文字相同，是同一篇报告，不能自己对照自己", old.label, cur.label)
	}
	o, n := known(old.report.Meta.Review), known(cur.report.Meta.Review)
	switch {
	case o != nil && n != nil && termOrder(n) <= termOrder(o):
		if termOrder(n) == termOrder(o) {
			return "", fmt.Errorf("%s 与 %s 回顾的是同一时段（%s），后者应是其后一期的报告", old.label, cur.label, o.Words())
		}
		return "", fmt.Errorf("%s 回顾的时段（%s）早于 %s（%s）：请把较早的报告放在前面，或用 --period 指定时段", cur.label, n.Words(), old.label, o.Words())
	case o == nil && n == nil:
		return fmt.Sprintf("%s 和 %s 都没有写明回顾的时段，无法核对先后，也无法判断哪些目标到期；可用 --period 依次指定，如 --period 2023,2024", old.label, cur.label), nil
	case o == nil:
		return fmt.Sprintf("%s 没有写明回顾的时段，无法核对两篇的先后；可用 --period 指定", old.label), nil
	case n == nil:
		return fmt.Sprintf("%s 没有写明回顾的时段，无法核对两篇的先后，也无法判断哪些目标到期；可用 --period 指定", cur.label), nil
	}
	return "", nil
}

// trackJSON is the stable output of track --format json: one entry per
// pair of reports.
type trackJSON struct {
	Old     string         `json:"old"`
	New     string         `json:"new"`
	OldTerm *zongjie.Term  `json:"old_plan,omitempty"`
	NewTerm *zongjie.Term  `json:"new_review,omitempty"`
	Targets []track.Result `json:"targets"`
	NotDue  int            `json:"not_due"`
	Summary map[string]int `json:"summary"`
}

func runTrack(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "track", "[选项] 旧报告 新报告 | --unit 单位",
		"对照旧报告提出的目标和新报告的完成情况：已完成（met）、未完成（missed）、部分完成（partial）、未报告（unreported）。\n"+
			"报告可以是文件或已保存报告的编号，新报告应是旧报告其后一期的；只给 --unit 时，对照该单位已保存的相邻每两期报告。")
	db := dbFlag(fs)
	format := formatFlag(fs)
	mf := metaFlagsFor(fs, "给出两个报告时：指定其单位，覆盖自动识别；不给报告时：对照该单位已保存的每两期相邻报告")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if !checkFormat(e, "track", *format) || len(rest) != 2 && !(len(rest) == 0 && *mf.unitFlag != "") {
		fs.Usage()
		return exitUsage
	}
	if err := mf.parse(max(len(rest), 1)); err != nil {
		fmt.Fprintf(e.stderr, "zongjie track: %v\n", err)
		return exitUsage
	}
	unit := ""
	if len(rest) == 0 {
		unit = mf.unit(0)
		if len(mf.periods) > 0 {
			fmt.Fprintln(e.stderr, "zongjie track: --period 用于给出的报告文件；已保存的报告的时段可用 zongjie add --period 更正")
			return exitUsage
		}
	}
	get, closeStore := lazyStore(ctx, *db)
	defer closeStore()

	var pairs [][2]loaded
	if unit != "" {
		st, err := get()
		if err != nil {
			fmt.Fprintf(e.stderr, "zongjie track: %v\n", err)
			return exitUsage
		}
		reps, err := unitReports(ctx, st, unit)
		if err != nil {
			fmt.Fprintf(e.stderr, "zongjie track: %v\n", err)
			return exitUsage
		}
		if len(reps) < 2 {
			fmt.Fprintf(e.stderr, "zongjie track: 单位“%s”已保存的报告不足两期（found %d）\n", unit, len(reps))
			return exitUsage
		}
		for i := 1; i < len(reps); i++ {
			if _, err := pairProblem(reps[i-1], reps[i]); err != nil {
				fmt.Fprintf(e.stderr, "zongjie track: 跳过：%v\n", err)
				continue
			}
			pairs = append(pairs, [2]loaded{reps[i-1], reps[i]})
		}
		if len(pairs) == 0 {
			fmt.Fprintf(e.stderr, "zongjie track: 单位“%s”已保存的报告中没有前后相继的两期\n", unit)
			return exitUsage
		}
	} else {
		var ls [2]loaded
		for i, a := range rest {
			l, err := loadReport(ctx, a, get, mf.forFile(i))
			if err != nil {
				fmt.Fprintf(e.stderr, "zongjie track: %s\n", errorText(err))
				return exitUsage
			}
			noteOthers(e, "track", l)
			ls[i] = l
		}
		warn, refuse := pairProblem(ls[0], ls[1])
		if refuse != nil {
			fmt.Fprintf(e.stderr, "zongjie track: %v\n", refuse)
			return exitUsage
		}
		if warn != "" {
			fmt.Fprintf(e.stderr, "zongjie track: %s\n", warn)
		}
		pairs = append(pairs, ls)
	}

	var outs []trackJSON
	for _, p := range pairs {
		o := track.Track(p[0].report, p[1].file, p[1].report)
		j := trackJSON{
			Old: p[0].label, New: p[1].label, OldTerm: p[0].report.Meta.Plan, NewTerm: p[1].report.Meta.Review,
			Targets: o.Results, NotDue: len(o.NotDue), Summary: map[string]int{},
		}
		for _, s := range []track.Status{track.Met, track.Missed, track.Partial, track.Unreported} {
			j.Summary[string(s)] = o.Count(s)
		}
		outs = append(outs, j)
	}
	if *format == "json" {
		var err error
		if unit == "" {
			err = writeJSON(e.stdout, outs[0])
		} else {
			err = writeJSON(e.stdout, map[string]any{"unit": unit, "pairs": outs})
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "zongjie track: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	for i, j := range outs {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		writeTrackText(e.stdout, j)
	}
	return exitOK
}

// noteOthers tells the user that only the first report of a file that
// holds several is used.
func noteOthers(e *env, cmd string, l loaded) {
	if l.others > 0 {
		fmt.Fprintf(e.stderr, "zongjie %s: %s 中有 %d 篇报告，使用第 1 篇：%s\n", cmd, l.label, l.others+1, l.report.Title)
	}
}

// unitReports returns a unit's stored reports in the order of the
// periods they review.
func unitReports(ctx context.Context, st store.Store, unit string) ([]loaded, error) {
	list, err := st.List(ctx, store.Filter{Unit: unit})
	if err != nil {
		return nil, err
	}
	var out []loaded
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
	sort.SliceStable(out, func(i, j int) bool {
		return termOrder(out[i].report.Meta.Review) < termOrder(out[j].report.Meta.Review)
	})
	return out, nil
}

// termOrder orders reviewed periods: 2024H1 before 2024FY before 2025H1.
func termOrder(t *zongjie.Term) int {
	if t == nil {
		return 0
	}
	rank := map[zongjie.Period]int{
		zongjie.PeriodQ1: 1, zongjie.PeriodH1: 2, zongjie.PeriodQ2: 2, zongjie.PeriodQ1Q3: 3,
		zongjie.PeriodQ3: 3, zongjie.PeriodH2: 4, zongjie.PeriodQ4: 4, zongjie.PeriodFullYear: 5,
	}[t.Period]
	return t.Year*10 + rank
}

var statusWords = map[track.Status]string{
	track.Met: "已完成", track.Missed: "未完成", track.Partial: "部分完成", track.Unreported: "未报告",
}

func writeTrackText(w io.Writer, j trackJSON) {
	fmt.Fprintf(w, "%s 的目标 → %s 的完成情况\n", j.Old, j.New)
	for _, r := range j.Targets {
		t := r.Target
		fmt.Fprintf(w, "  %-4s %s（第%d行）\n", statusWords[r.Status], r.Reason, t.Line)
		if r.Evidence != nil {
			fmt.Fprintf(w, "       依据：第%d行 %s\n", r.Evidence.Line, clip(r.Evidence.Text, 60))
		}
		if r.Progress != nil {
			fmt.Fprintf(w, "       完成 %.0f%%\n", *r.Progress*100)
		}
	}
	fmt.Fprintf(w, "共 %d 项目标：已完成 %d，未完成 %d，部分完成 %d，未报告 %d",
		len(j.Targets), j.Summary["met"], j.Summary["missed"], j.Summary["partial"], j.Summary["unreported"])
	if j.NotDue > 0 {
		fmt.Fprintf(w, "；另有 %d 项不在本期考核", j.NotDue)
	}
	fmt.Fprintln(w, "。")
}
