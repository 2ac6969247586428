package main

import (
	"context"
	"fmt"
	"io"

	"zongjie/app"
	"zongjie/track"
)

func runTrack(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "track", "[选项] 旧报告 新报告 | --unit 单位 [--period 时段]",
		"对照旧报告提出的目标和新报告的完成情况：已完成（met）、未完成（missed）、部分完成（partial）、未报告（unreported）。\n"+
			"报告可以是文件或已保存报告的编号，新报告应是旧报告其后一期的；只给 --unit 时，对照该单位已保存的相邻每两期报告；\n"+
			"同时给 --period 时，把该单位上一期报告的目标对照该单位回顾这一时段的全部已保存报告（如年度总结和各专项总结），合计核对。")
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
	}
	a := newApp(*db, nil)
	defer a.Close()
	if unit != "" && len(mf.periods) > 0 {
		res, err := a.TrackPeriod(ctx, unit, *mf.periods[0])
		if err != nil {
			return fail(e, "track", err)
		}
		return writeTracked(e, *format, res, func(w io.Writer) { writeTrackPeriodText(w, res) })
	}
	if unit != "" {
		res, err := a.TrackUnit(ctx, unit)
		if res != nil {
			for _, s := range res.Skipped {
				fmt.Fprintf(e.stderr, "zongjie track: 跳过：%s\n", s)
			}
		}
		if err != nil {
			return fail(e, "track", err)
		}
		return writeTracked(e, *format, res, func(w io.Writer) {
			for i, t := range res.Pairs {
				if i > 0 {
					fmt.Fprintln(w)
				}
				writeTrackText(w, t)
			}
		})
	}
	var refs [2]app.Ref
	for i, arg := range rest {
		ref, err := argRef(e, arg)
		if err != nil {
			return fail(e, "track", err)
		}
		refs[i] = ref
	}
	res, err := a.Track(ctx, app.TrackRequest{Old: refs[0], New: refs[1], OldStated: mf.forFile(0), NewStated: mf.forFile(1)})
	if res != nil {
		for _, n := range res.Notes {
			fmt.Fprintf(e.stderr, "zongjie track: %s\n", n)
		}
	}
	if err != nil {
		return fail(e, "track", err)
	}
	return writeTracked(e, *format, res.Tracked, func(w io.Writer) { writeTrackText(w, res.Tracked) })
}

// writeTracked writes what track found, v as JSON or by text, and returns
// the exit code (writeOut).
func writeTracked(e *env, format string, v any, text func(w io.Writer)) int {
	return writeOut(e, "track", format, v, func(w io.Writer) error {
		text(w)
		return nil
	})
}

var statusWords = map[track.Status]string{
	track.Met: "已完成", track.Missed: "未完成", track.Partial: "部分完成", track.Unreported: "未报告",
}

func writeTrackText(w io.Writer, j app.Tracked) {
	fmt.Fprintf(w, "%s 的目标 → %s 的完成情况\n", j.Old, j.New)
	for _, r := range j.Targets {
		writeTrackResult(w, r, "")
	}
	writeTrackSummary(w, len(j.Targets), j.Summary, j.NotDue)
}

// writeTrackResult writes one target's result; in names the report its
// evidence is in ("" when there is one later report).
func writeTrackResult(w io.Writer, r track.Result, in string) {
	fmt.Fprintf(w, "  %-4s %s（第%d行）\n", statusWords[r.Status], r.Reason, r.Target.Line)
	if r.Evidence != nil {
		if in != "" {
			in += " "
		}
		fmt.Fprintf(w, "       依据：%s第%d行 %s\n", in, r.Evidence.Line, clip(r.Evidence.Text, 60))
	}
	if r.Progress != nil {
		fmt.Fprintf(w, "       完成 %.0f%%\n", *r.Progress*100)
	}
}

// writeTrackSummary writes the closing count of n targets.
func writeTrackSummary(w io.Writer, n int, summary map[string]int, notDue int) {
	fmt.Fprintf(w, "共 %d 项目标：已完成 %d，未完成 %d，部分完成 %d，未报告 %d",
		n, summary["met"], summary["missed"], summary["partial"], summary["unreported"])
	if notDue > 0 {
		fmt.Fprintf(w, "；另有 %d 项不在本期考核", notDue)
	}
	fmt.Fprintln(w, "。")
}

// writeTrackPeriodText writes a unit's reports of a period tracked
// together: the reports, then each target with the report its evidence is
// in.
func writeTrackPeriodText(w io.Writer, j *app.PeriodTracked) {
	old := j.Old + " "
	if len(j.Plans) > 1 {
		old = fmt.Sprintf("%d 篇报告", len(j.Plans))
	}
	if len(j.Reports) == 1 {
		fmt.Fprintf(w, "%s的目标 → %s %s的报告的完成情况\n", old, j.Unit, j.Period.Words())
	} else {
		fmt.Fprintf(w, "%s的目标 → %s %s的 %d 篇报告合计的完成情况\n", old, j.Unit, j.Period.Words(), len(j.Reports))
	}
	if len(j.Plans) > 1 {
		// The targets due in the period were set by more than the
		// report before it: say which.
		for _, p := range j.Plans {
			fmt.Fprintf(w, "  目标出自 %s %s（%d 项）\n", p.Label, p.Title, p.Targets)
		}
	}
	for _, r := range j.Reports {
		n := r.Summary["met"] + r.Summary["missed"] + r.Summary["partial"]
		fmt.Fprintf(w, "  %s %s（依据 %d 项）\n", r.Label, r.Title, n)
	}
	for _, r := range j.Targets {
		writeTrackResult(w, r.Result, r.In)
		if len(j.Plans) > 1 {
			fmt.Fprintf(w, "       出自：%s\n", r.SetBy)
		}
	}
	writeTrackSummary(w, len(j.Targets), j.Summary, j.NotDue)
}
