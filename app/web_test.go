package app_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"zongjie/app"
	"zongjie/reader"
)

// upload returns the bundled example named name (its base name) as an
// upload.
func upload(t *testing.T, name string) app.Upload {
	t.Helper()
	in := example(t, name)
	return app.Upload{Name: filepath.Base(in.Name), Data: in.Data}
}

// addOne adds one file and returns its one report's ID.
func addOne(t *testing.T, a *app.App, f app.Upload) int64 {
	t.Helper()
	res, err := a.AddUploads(context.Background(), []app.Upload{f})
	if err != nil || res[0].Err != nil || len(res[0].Reports) != 1 {
		t.Fatalf("add %s: %+v, %v", f.Name, res, err)
	}
	return res[0].Reports[0].ID
}

func code(err error) app.Code { return app.ErrorCode(err) }

// Ensure AddFiles adds each file, reports per file what it became, and
// gives an unreadable file its own message without stopping the others.
func TestAddFiles(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	files := []app.Upload{
		upload(t, "qinghe-2024.txt"),
		{Name: "旧格式.doc", Data: []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0}},
		{Name: "空.txt", Data: nil},
		{Name: "断开.txt", Err: errors.New("上传中断")},
		upload(t, "liuhe-2024.md"),
	}
	res, err := a.AddUploads(ctx, files)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(files) {
		t.Fatalf("%d results", len(res))
	}
	for i, want := range []string{"", "旧格式.doc: 不支持旧版 Office", "空.txt: 文件是空的", "断开.txt：上传中断", ""} {
		r := res[i]
		if r.Name != files[i].Name {
			t.Errorf("%d: name %q", i, r.Name)
		}
		switch {
		case want == "" && (r.Err != nil || len(r.Reports) != 1 || r.Reports[0].Status != "new" || r.Reports[0].ID == 0):
			t.Errorf("%s: %+v", r.Name, r)
		case want != "" && (r.Err == nil || !strings.HasPrefix(r.Err.Message, want) || len(r.Reports) != 0):
			t.Errorf("%s: %+v, want an error starting %q", r.Name, r, want)
		}
	}
	// The message is the reader's, as the command line prints it.
	_, rerr := reader.Read("旧格式.doc", files[1].Data)
	if res[1].Err.Message != rerr.Error() || res[1].Err.Code != app.Unreadable {
		t.Errorf(".doc: %q (%s), reader says %q", res[1].Err.Message, res[1].Err.Code, rerr)
	}
	q := res[0].Reports[0]
	if q.Title != "青禾街道2024年工作总结及2025年工作计划" || q.Unit != "青禾街道" || q.Errors == 0 || q.Fixable == 0 || q.Version != 1 {
		t.Errorf("qinghe: %+v", q)
	}
	// Again: held already. Edited: a new version of the same report.
	again, err := a.AddUploads(ctx, files[:1])
	if err != nil || again[0].Reports[0].Status != "stored" || again[0].Reports[0].ID != q.ID {
		t.Errorf("again: %+v, %v", again, err)
	}
	edited := files[0]
	edited.Data = bytes.Replace(edited.Data, []byte("如火如茶"), []byte("如火如荼"), 1)
	ed, err := a.AddUploads(ctx, []app.Upload{edited})
	if err != nil || ed[0].Reports[0].Status != "version" || ed[0].Reports[0].ID != q.ID || ed[0].Reports[0].Version != 2 {
		t.Errorf("edited: %+v, %v", ed, err)
	}
	// Without a store, it fails as a whole.
	if _, err := app.New(app.Options{}).AddUploads(ctx, files[:1]); code(err) != app.Invalid {
		t.Errorf("no store: %v", err)
	}
}

// Ensure Report gives the text, its extraction and the findings with
// positions in the text, and says what is missing.
func TestReport(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	id := addOne(t, a, upload(t, "qinghe-2024.txt"))
	r, err := a.Report(ctx, id, 0)
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != id || r.Version != 1 || !r.IsCurrent() || len(r.Versions) != 1 || r.Extract == nil || len(r.Extract.Outline) == 0 ||
		len(r.Extract.Quantities) == 0 || len(r.Findings) == 0 || r.Errors == 0 {
		t.Fatalf("report: version %d, %d findings, extract %v", r.Version, len(r.Findings), r.Extract != nil)
	}
	runes := []rune(r.Text)
	last := -1
	for _, d := range r.Findings {
		if got := string(runes[d.Offset : d.Offset+d.Length]); got != d.Text {
			t.Errorf("%s at %d: text %q, finding says %q", d.Rule, d.Offset, got, d.Text)
		}
		if d.Offset < last {
			t.Errorf("findings out of order at %s %d", d.Rule, d.Offset)
		}
		last = d.Offset
	}
	for _, q := range r.Extract.Quantities {
		if got := string(runes[q.Offset : q.Offset+q.Length]); got != q.Text {
			t.Errorf("quantity at %d: %q, says %q", q.Offset, got, q.Text)
		}
	}
	for _, tt := range []struct {
		id      int64
		version int
		code    app.Code
	}{{id + 100, 0, app.NotFound}, {id, 2, app.NotFound}} {
		if _, err := a.Report(ctx, tt.id, tt.version); code(err) != tt.code || !strings.Contains(err.Error(), "报告") {
			t.Errorf("report %d v%d: %v", tt.id, tt.version, err)
		}
	}
}

// Ensure a fix, or all certain fixes, make a new version with the text
// changed there only, and a page out of date is refused.
func TestApplyFix(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	id := addOne(t, a, upload(t, "qinghe-2024.txt"))
	r, _ := a.Report(ctx, id, 0)
	k := -1
	for i, d := range r.Findings {
		if d.Rule == "TY001" {
			k = i
		}
	}
	if k < 0 {
		t.Fatal("no TY001 finding")
	}
	d := r.Findings[k]
	stale := []app.FixChoice{
		{Version: 2, Finding: k, Rule: d.Rule, Offset: d.Offset},
		{Version: 1, Finding: k, Rule: "XX999", Offset: d.Offset},
		{Version: 1, Finding: k, Rule: d.Rule, Offset: d.Offset + 1},
		{Version: 1, Finding: len(r.Findings), Rule: d.Rule, Offset: d.Offset},
	}
	for _, c := range stale {
		if _, err := a.ApplyFix(ctx, id, c); code(err) != app.Conflict {
			t.Errorf("%+v: %v", c, err)
		}
	}
	if _, err := a.ApplyFix(ctx, id, app.FixChoice{Version: 1, Finding: k, Rule: d.Rule, Offset: d.Offset, Fix: 5}); code(err) != app.Invalid {
		t.Errorf("fix 5: %v", err)
	}
	v, err := a.ApplyFix(ctx, id, app.FixChoice{Version: 1, Finding: k, Rule: d.Rule, Offset: d.Offset})
	if err != nil || v.Version != 2 || v.ID != id || !strings.Contains(v.Note, "如火如荼") {
		t.Fatalf("apply: %+v, %v", v, err)
	}
	r2, _ := a.Report(ctx, id, 0)
	if want := strings.Replace(r.Text, "如火如茶", "如火如荼", 1); r2.Text != want {
		t.Errorf("the new version's text differs elsewhere")
	}
	if r2.Unit != r.Unit || len(r2.Findings) != len(r.Findings)-1 || len(r2.Versions) != 2 {
		t.Errorf("new version: unit %q, %d findings (was %d)", r2.Unit, len(r2.Findings), len(r.Findings))
	}
	// The first version is kept as it was.
	if r1, err := a.Report(ctx, id, 1); err != nil || r1.Text != r.Text || r1.IsCurrent() {
		t.Errorf("version 1: %v", err)
	}
	all, err := a.ApplyFix(ctx, id, app.FixChoice{Version: 2, All: true})
	if err != nil || all.Version != 3 || !strings.Contains(all.Note, "可确定") {
		t.Fatalf("all: %+v, %v", all, err)
	}
	r3, _ := a.Report(ctx, id, 0)
	if r3.Fixable != 0 || r3.Errors >= r2.Errors {
		t.Errorf("after all: %+v", r3.Counts)
	}
	if _, err := a.ApplyFix(ctx, id, app.FixChoice{Version: 3, All: true}); code(err) != app.Conflict {
		t.Errorf("nothing left: %v", err)
	}
	if _, err := a.ApplyFix(ctx, id+9, app.FixChoice{All: true}); code(err) != app.NotFound {
		t.Errorf("no report: %v", err)
	}
}

// Ensure the unit and period can be stated, survive a fix, and a bad
// period is refused.
func TestSetMeta(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	id := addOne(t, a, upload(t, "qinghe-2024.txt"))
	for _, bad := range [][2]string{{"", "去年"}, {"一\n二", ""}, {strings.Repeat("长", 41), ""}, {"青禾\x80街道", ""}} {
		if _, err := a.SetMeta(ctx, id, bad[0], bad[1]); code(err) != app.Invalid {
			t.Errorf("%q: %v", bad, err)
		}
	}
	v, err := a.SetMeta(ctx, id, "临川区青禾街道", "2024")
	if err != nil || v.Version != 2 || v.Unit != "临川区青禾街道" || !strings.Contains(v.Note, "单位 青禾街道 → 临川区青禾街道") {
		t.Fatalf("set: %+v, %v", v, err)
	}
	if _, err := a.SetMeta(ctx, id, "临川区青禾街道", "2024"); code(err) != app.Conflict {
		t.Errorf("same again: %v", err)
	}
	// A fix keeps the stated unit.
	fixed, err := a.ApplyFix(ctx, id, app.FixChoice{All: true})
	if err != nil || fixed.Unit != "临川区青禾街道" {
		t.Errorf("fix after set: %+v, %v", fixed, err)
	}
	p, err := a.SetMeta(ctx, id, "", "2024H1")
	if err != nil || p.Period != "H1" || p.Unit != "青禾街道" || !strings.Contains(p.Note, "时段") {
		t.Errorf("period: %+v, %v", p, err)
	}
}

// Ensure versions are compared and restored.
func TestDiffAndRestore(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	id := addOne(t, a, upload(t, "qinghe-2024.txt"))
	if _, err := a.ApplyFix(ctx, id, app.FixChoice{All: true}); err != nil {
		t.Fatal(err)
	}
	d, err := a.DiffVersions(ctx, id, 1, 2)
	if err != nil || d.A.Text == d.B.Text || d.A.Version != 1 || d.B.Version != 2 {
		t.Fatalf("diff: %+v, %v", d, err)
	}
	var minus, plus int
	for _, l := range d.Lines {
		switch l.Op {
		case '-':
			minus++
			if !strings.Contains(l.Text, "如火如茶") && !strings.Contains(l.Text, "约300余人") && !strings.Contains(l.Text, "三、四个") &&
				!strings.Contains(l.Text, "2024年工作计划") {
				t.Errorf("removed line without a fixed error: %s", l.Text)
			}
		case '+':
			plus++
		}
	}
	if minus == 0 || minus != plus {
		t.Errorf("%d lines removed, %d added", minus, plus)
	}
	if _, err := a.DiffVersions(ctx, id, 1, 7); code(err) != app.NotFound {
		t.Errorf("diff with a missing version: %v", err)
	}
	if _, err := a.Restore(ctx, id, 2); code(err) != app.Conflict {
		t.Errorf("restore the current version: %v", err)
	}
	if _, err := a.Restore(ctx, id, 9); code(err) != app.NotFound {
		t.Errorf("restore a missing version: %v", err)
	}
	v, err := a.Restore(ctx, id, 1)
	if err != nil || v.Version != 3 {
		t.Fatalf("restore: %+v, %v", v, err)
	}
	r1, _ := a.Report(ctx, id, 1)
	r3, _ := a.Report(ctx, id, 0)
	if r3.Text != r1.Text || r3.Version != 3 {
		t.Errorf("restored text differs")
	}
}

// Ensure the downloads are the fixed text and .docx files Word can open,
// the annotated one with comments.
func TestDownloads(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	id := addOne(t, a, upload(t, "qinghe-2024.txt"))
	r, _ := a.Report(ctx, id, 0)
	txt, err := a.FixedText(ctx, id, 0)
	if err != nil || !strings.Contains(string(txt.Data), "如火如荼") || strings.Contains(string(txt.Data), "如火如茶") ||
		!strings.HasSuffix(txt.Name, "（改正后）.txt") || !strings.HasPrefix(txt.Name, r.Title) {
		t.Errorf("fixed text: %q, %v", txt.Name, err)
	}
	for name, get := range map[string]func(context.Context, int64, int) (app.Download, error){
		"gongwen": a.GongwenDocx, "annotated": a.AnnotatedDocx,
	} {
		d, err := get(ctx, id, 0)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		f, err := reader.Read(d.Name, d.Data)
		if err != nil || !strings.Contains(f.Text, "青禾街道") || !strings.HasSuffix(d.Name, ".docx") || d.Type != app.TypeDocx {
			t.Errorf("%s: %q %v", name, d.Name, err)
			continue
		}
		zr, _ := zip.NewReader(bytes.NewReader(d.Data), int64(len(d.Data)))
		comments := false
		for _, zf := range zr.File {
			comments = comments || zf.Name == "word/comments.xml"
		}
		if comments != (name == "annotated") {
			t.Errorf("%s: comments part %v", name, comments)
		}
		if name == "gongwen" && strings.Contains(f.Text, "如火如茶") {
			t.Errorf("gongwen: the certain fixes are not applied")
		}
		if name == "annotated" && !strings.Contains(f.Text, "如火如茶") {
			t.Errorf("annotated: the text was changed")
		}
	}
	if _, err := a.GongwenDocx(ctx, id+1, 0); code(err) != app.NotFound {
		t.Errorf("missing: %v", err)
	}
}
