package app_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"zongjie"
	"zongjie/app"
	"zongjie/extract"
	"zongjie/track"
)

// Ensure Similar finds the other report of the unit for an upload and for
// a stored report, never the report itself.
func TestSimilar(t *testing.T) {
	ctx := context.Background()
	a := newApp(t)
	ids := addExamples(t, a)
	for _, ref := range []app.Ref{app.File(example(t, "shiqiao-2025.txt")), app.Stored(ids["shiqiao-2025.txt"])} {
		res, err := a.Similar(ctx, ref, 3)
		if err != nil || len(res.Parts) != 1 || len(res.Parts[0].Similar) == 0 {
			t.Fatalf("Similar %+v: %+v, %v", ref, res, err)
		}
		ms := res.Parts[0].Similar
		if ms[0].Report.ID != ids["shiqiao-2024.txt"] {
			t.Errorf("Similar %+v: first %d, want the 2024 report %d", ref, ms[0].Report.ID, ids["shiqiao-2024.txt"])
		}
		for _, m := range ms {
			if m.Report.ID == ids["shiqiao-2025.txt"] {
				t.Errorf("Similar %+v lists the report itself", ref)
			}
		}
	}
	_, err := a.Similar(ctx, app.Stored(ids["qinghe-2024.txt"]), 0)
	wantCode(t, "Similar --top 0", err, app.Invalid)
	_, err = a.Similar(ctx, app.Stored(999), 3)
	wantCode(t, "Similar 999", err, app.NotFound)
}

// Ensure Track rates the 2024 plan's targets against the 2025 results,
// from uploads and from the store alike, and refuses a report against
// itself and a later one given first.
func TestTrack(t *testing.T) {
	ctx := context.Background()
	a := newApp(t)
	ids := addExamples(t, a)
	old, cur := example(t, "shiqiao-2024.txt"), example(t, "shiqiao-2025.txt")
	files, err := a.Track(ctx, app.TrackRequest{Old: app.File(old), New: app.File(cur)})
	if err != nil || len(files.Targets) == 0 || files.Summary[string(track.Met)] == 0 {
		t.Fatalf("Track files: %+v, %v", files, err)
	}
	stored, err := a.Track(ctx, app.TrackRequest{Old: app.Stored(ids["shiqiao-2024.txt"]), New: app.Stored(ids["shiqiao-2025.txt"])})
	if err != nil {
		t.Fatal(err)
	}
	if stored.Old != "#"+itoa(ids["shiqiao-2024.txt"]) || len(stored.Targets) != len(files.Targets) || stored.Summary["met"] != files.Summary["met"] {
		t.Errorf("Track stored: %s, %d targets %v; files %d %v", stored.Old, len(stored.Targets), stored.Summary, len(files.Targets), files.Summary)
	}
	for _, tt := range []struct {
		what     string
		old, cur app.Ref
		code     app.Code
	}{
		{"the same upload twice", app.File(old), app.File(old), app.Conflict},
		{"a stored report and its file", app.Stored(ids["shiqiao-2024.txt"]), app.File(app.Input{Name: "另存.txt", Data: readText(t, old)}), app.Conflict},
		{"the later report first", app.File(cur), app.File(old), app.Invalid},
		{"an unknown ID", app.Stored(999), app.File(cur), app.NotFound},
	} {
		_, err := a.Track(ctx, app.TrackRequest{Old: tt.old, New: tt.cur})
		wantCode(t, tt.what, err, tt.code)
	}
	unit, err := a.TrackUnit(ctx, "石桥镇")
	if err != nil || len(unit.Pairs) != 1 || len(unit.Pairs[0].Targets) != len(files.Targets) {
		t.Errorf("TrackUnit: %+v, %v", unit, err)
	}
	_, err = a.TrackUnit(ctx, "无此镇")
	wantCode(t, "TrackUnit of an unknown unit", err, app.NotFound)
	// A unit of one report, or none, is told so in Chinese words alone.
	for unit, want := range map[string]string{"柳河乡": "只有 1 篇", "无此镇": "没有单位“无此镇”"} {
		_, err = a.TrackUnit(ctx, unit)
		if msg := app.ErrorMessage(err); !strings.Contains(msg, want) || strings.Contains(msg, "found") {
			t.Errorf("TrackUnit(%s): %q, want %q", unit, msg, want)
		}
	}
	// A period stated for a report with none is used: the pair is in
	// order and nothing is said about it.
	res, err := a.Track(ctx, app.TrackRequest{Old: app.File(old), New: app.File(cur), NewStated: extract.Options{Period: &zongjie.Term{Year: 2025, Period: zongjie.PeriodFullYear}}})
	if err != nil || len(res.Notes) != 0 {
		t.Errorf("Track with a stated period: %v, notes %q", err, res.Notes)
	}
}

// Ensure Series lists a unit's indicators over its two periods, from the
// store and from uploads alike.
func TestSeries(t *testing.T) {
	ctx := context.Background()
	a := newApp(t)
	addExamples(t, a)
	unit, err := a.Series(ctx, app.SeriesRequest{Unit: "石桥镇"})
	if err != nil || unit.Reports != 2 || len(unit.Series) == 0 {
		t.Fatalf("Series 石桥镇: %+v, %v", unit, err)
	}
	files, err := a.Series(ctx, app.SeriesRequest{Refs: []app.Ref{app.File(example(t, "shiqiao-2025.txt")), app.File(example(t, "shiqiao-2024.txt"))}})
	if err != nil || len(files.Series) != len(unit.Series) {
		t.Errorf("Series of uploads: %d series, %v; stored %d", len(files.Series), err, len(unit.Series))
	}
	named, err := a.Series(ctx, app.SeriesRequest{Unit: "石桥镇", Name: "粮食播种面积"})
	if err != nil || len(named.Series) != 1 {
		t.Errorf("Series --name: %+v, %v", named.Series, err)
	}
	_, err = a.Series(ctx, app.SeriesRequest{Unit: "无此镇"})
	wantCode(t, "Series of an unknown unit", err, app.NotFound)
}

// Ensure Draft writes from the last report and the results of a later
// one, or of a CSV upload, and refuses both at once.
func TestDraft(t *testing.T) {
	ctx := context.Background()
	a := newApp(t)
	ids := addExamples(t, a)
	from := app.File(example(t, "shiqiao-2024.txt"))
	cur := app.File(example(t, "shiqiao-2025.txt"))
	d, err := a.Draft(ctx, app.DraftRequest{From: from, Actual: &cur})
	if err != nil || d.Doc == nil || d.Outcome == nil || d.Outcome.Count(track.Met) == 0 {
		t.Fatalf("Draft with a later report: %+v, %v", d, err)
	}
	stored := app.Stored(ids["shiqiao-2024.txt"])
	d2, err := a.Draft(ctx, app.DraftRequest{From: stored, Actual: &cur})
	if err != nil || len(d2.Outcome.Results) != len(d.Outcome.Results) {
		t.Errorf("Draft from a stored report: %v", err)
	}
	csv := &app.Input{Name: "数据.csv", Data: []byte("指标,数值,单位\n粮食播种面积,6.9,万亩\n")}
	d3, err := a.Draft(ctx, app.DraftRequest{From: from, Data: csv})
	if err != nil || d3.Outcome == nil || d3.Outcome.Count(track.Met)+d3.Outcome.Count(track.Missed)+d3.Outcome.Count(track.Partial) == 0 {
		t.Errorf("Draft with data: %+v, %v", d3, err)
	}
	none, err := a.Draft(ctx, app.DraftRequest{From: from})
	if err != nil || none.Outcome != nil || none.Doc == nil {
		t.Errorf("Draft without results: %v", err)
	}
	_, err = a.Draft(ctx, app.DraftRequest{From: from, Actual: &cur, Data: csv})
	wantCode(t, "Draft with a report and data", err, app.Invalid)
	_, err = a.Draft(ctx, app.DraftRequest{From: from, Actual: &from})
	wantCode(t, "Draft against itself", err, app.Conflict)
	bad := &app.Input{Name: "坏.csv", Data: []byte("指标,数值\n\"未闭合,1\n")}
	_, err = a.Draft(ctx, app.DraftRequest{From: from, Data: bad})
	wantCode(t, "Draft with a broken CSV", err, app.Unreadable)
}

// Ensure Export lays out an upload and a stored report as .docx, with the
// certain fixes unless asked not to, and refuses a report a file does not
// hold.
func TestExport(t *testing.T) {
	ctx := context.Background()
	a := newApp(t)
	ids := addExamples(t, a)
	up := app.File(example(t, "qinghe-2024h1.txt"))
	x, err := a.Export(ctx, app.ExportRequest{Ref: up})
	if err != nil || !bytes.HasPrefix(x.DOCX, []byte("PK")) || x.Fixed < 1 || x.Label != "upload/qinghe-2024h1.txt" {
		t.Fatalf("Export of an upload: fixed %d, label %q, %v", x.Fixed, x.Label, err)
	}
	raw, err := a.Export(ctx, app.ExportRequest{Ref: up, NoFix: true})
	if err != nil || raw.Fixed != -1 || bytes.Equal(raw.DOCX, x.DOCX) {
		t.Errorf("Export --no-fix: fixed %d, %v", raw.Fixed, err)
	}
	st, err := a.Export(ctx, app.ExportRequest{Ref: app.Stored(ids["qinghe-2024h1.txt"])})
	if err != nil || st.Label != "报告 "+itoa(ids["qinghe-2024h1.txt"]) || st.Fixed != x.Fixed || st.Doc.Title != x.Doc.Title {
		t.Errorf("Export of the stored report: %q fixed %d title %q; upload %d %q; %v", st.Label, st.Fixed, st.Doc.Title, x.Fixed, x.Doc.Title, err)
	}
	_, err = a.Export(ctx, app.ExportRequest{Ref: up, Index: 3})
	wantCode(t, "Export --index 3", err, app.NotFound)
	_, err = a.Export(ctx, app.ExportRequest{Ref: app.Stored(999)})
	wantCode(t, "Export 999", err, app.NotFound)
	_, err = a.Export(ctx, app.ExportRequest{Ref: app.File(app.Input{Name: "图片.png", Data: []byte("\x89PNG\r\n\x1a\n\x00\x00")})})
	wantCode(t, "Export of a picture", err, app.Unreadable)
}
