package app_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"zongjie"
	"zongjie/app"
	"zongjie/check"
	"zongjie/extract"
	"zongjie/reader"
	"zongjie/store"
	"zongjie/store/sqlite"
)

// example returns the bytes of a bundled example report as an upload: a
// name that is no file on disk, and the bytes.
func example(t *testing.T, name string) app.Input {
	t.Helper()
	for _, in := range app.Examples() {
		if filepath.Base(in.Name) == name {
			return app.Input{Name: "upload/" + name, Data: in.Data}
		}
	}
	t.Fatalf("no example %s", name)
	return app.Input{}
}

// newApp returns an App over a new SQLite store in a temporary folder,
// run from another empty folder, so that nothing reads the working
// directory's files.
func newApp(t *testing.T) *app.App {
	t.Helper()
	db := filepath.Join(t.TempDir(), "z.db")
	t.Chdir(t.TempDir())
	a := app.New(app.Options{Open: func(context.Context) (store.Store, error) { return sqlite.Open(db) }})
	t.Cleanup(func() {
		if err := a.Close(); err != nil {
			t.Error(err)
		}
	})
	return a
}

// addExamples stores the examples and returns their IDs by file name.
func addExamples(t *testing.T, a *app.App) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	stats, err := a.Add(ctx, app.AddRequest{Inputs: app.Examples()})
	if err != nil || stats.Added != len(app.Examples()) || stats.Failed != 0 {
		t.Fatalf("Add: %+v, %v", stats, err)
	}
	list, err := a.List(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, r := range list.Reports {
		ids[filepath.Base(r.Path)] = r.ID
	}
	return ids
}

// wantCode checks that err is an app error of the code.
func wantCode(t *testing.T, what string, err error, code app.Code) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error, want %s", what, code)
		return
	}
	if got := app.ErrorCode(err); got != code {
		t.Errorf("%s: code %s (%v), want %s", what, got, err, code)
	}
	if app.ErrorMessage(err) == "" {
		t.Errorf("%s: no message", what)
	}
}

// Ensure the codes and messages of every kind of failure.
func TestErrors(t *testing.T) {
	_, readErr := reader.Read("a.doc", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0})
	_, bigErr := reader.Read("big.txt", bytes.Repeat([]byte("字"), reader.MaxSize/3+1))
	for _, tt := range []struct {
		err  error
		code app.Code
		msg  string
	}{
		{app.Errorf(app.Conflict, "两个报告是同一篇"), app.Conflict, "两个报告是同一篇"},
		{readErr, app.Unreadable, "a.doc: "},
		{bigErr, app.TooLarge, "文件过大"},
		{store.ErrNotFound, app.NotFound, "不存在"},
		{context.Canceled, app.Canceled, "已取消"},
		{errors.New("disk on fire"), app.Internal, "disk on fire"},
		{nil, "", ""},
	} {
		if got := app.ErrorCode(tt.err); got != tt.code {
			t.Errorf("ErrorCode(%v) = %q, want %q", tt.err, got, tt.code)
		}
		if got := app.ErrorMessage(tt.err); !strings.Contains(got, tt.msg) {
			t.Errorf("ErrorMessage(%v) = %q, want it to contain %q", tt.err, got, tt.msg)
		}
	}
}

// Ensure the user travels with the context, and is absent otherwise.
func TestUser(t *testing.T) {
	ctx := context.Background()
	if _, ok := app.UserFrom(ctx); ok {
		t.Error("a user on a bare context")
	}
	u, ok := app.UserFrom(app.WithUser(ctx, app.User{Name: "王科长"}))
	if !ok || u.Name != "王科长" {
		t.Errorf("UserFrom = %+v, %v", u, ok)
	}
}

// Ensure Extract reads uploads (bytes with a name) and pasted text like
// files, in order, each failure its own.
func TestExtract(t *testing.T) {
	t.Chdir(t.TempDir())
	a := app.New(app.Options{})
	ins := []app.Input{
		example(t, "qinghe-2024.txt"),
		{Name: "粘贴的文字.txt", Data: []byte("青禾街道2024年上半年工作总结\n一、主要工作\n新增就业320人。\n")},
		{Name: "空.txt", Data: []byte("   \n")},
		{Name: "旧格式.doc", Data: []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0}},
		{Name: "标准输入", Reader: strings.NewReader("石桥镇2025年工作计划\n一、目标\n粮食产量稳定在3万吨以上。\n")},
		{Name: "不存在.txt"},
		{Name: "改单位.txt", Data: []byte("2024年工作总结\n一、主要工作\n新增就业320人。\n"), Stated: extract.Options{Unit: "柳河乡"}},
	}
	ds := a.Extract(context.Background(), ins)
	if len(ds) != len(ins) {
		t.Fatalf("%d documents for %d inputs", len(ds), len(ins))
	}
	for i, want := range []app.Code{"", "", app.Unreadable, app.Unreadable, "", app.Unreadable, ""} {
		if got := app.ErrorCode(ds[i].Err); got != want {
			t.Errorf("%s: %s (%v), want %q", ins[i].Name, got, ds[i].Err, want)
		}
	}
	if r := ds[0].Reports; len(r) != 1 || r[0].Meta.Unit != "青禾街道" || len(r[0].Quantities) == 0 {
		t.Errorf("the upload: %d reports", len(r))
	}
	if r := ds[1].Reports; len(r) != 1 || r[0].Meta.Review == nil || r[0].Meta.Review.Period != zongjie.PeriodH1 {
		t.Errorf("the pasted text: %+v", r)
	}
	if r := ds[4].Reports; len(r) != 1 || len(r[0].Targets) != 1 {
		t.Errorf("the reader: %d reports", len(r))
	}
	if r := ds[6].Reports; len(r) != 1 || r[0].Meta.Unit != "柳河乡" {
		t.Errorf("the stated unit: %+v", r[0].Meta)
	}
	// A cancelled context stops what has not started.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if d := a.Extract(ctx, ins[:1])[0]; app.ErrorCode(d.Err) != app.Canceled {
		t.Errorf("cancelled: %v", d.Err)
	}
}

// Ensure Check finds a placeholder in pasted text with its fix, applies
// the certain fixes, and finds nothing of the kind in a clean sentence.
func TestCheck(t *testing.T) {
	t.Chdir(t.TempDir())
	a := app.New(app.Options{})
	ctx := context.Background()
	for _, tt := range []struct {
		name, text string
		rule       string // a finding expected; "" for none of placeholder kind
	}{
		{"占位.txt", "青禾街道2024年工作总结\n一、主要工作\n全年走访企业xx户，新增就业320人。\n", "PH"},
		{"干净.txt", "青禾街道2024年工作总结\n一、主要工作\n全年走访企业56户，新增就业320人。\n", ""},
	} {
		c, err := a.Check(ctx, app.Input{Name: tt.name, Data: []byte(tt.text)})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		found := false
		for _, d := range c.Diagnostics {
			found = found || strings.HasPrefix(d.Rule, "PH")
		}
		if found != (tt.rule != "") {
			t.Errorf("%s: placeholder found %v, want %v (%+v)", tt.name, found, tt.rule != "", c.Diagnostics)
		}
	}
	// A certain fix: the range written with a hyphen.
	c, err := a.Check(ctx, app.Input{Name: "区间.txt", Data: []byte("青禾街道2024年工作总结\n一、主要工作\n3-6岁儿童入园率达到98.5%。\n")})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Edits()) == 0 || strings.Contains(c.Fixed(), "3-6岁") {
		t.Errorf("fixes %+v give %q", c.Edits(), c.Fixed())
	}
	if out, err := c.Rewrite(); err != nil || !bytes.Contains(out, []byte(c.Fixed()[:20])) {
		t.Errorf("Rewrite: %q, %v", out, err)
	}
	if _, err := a.Check(ctx, app.Input{Name: "坏.txt", Data: []byte{}}); app.ErrorCode(err) != app.Unreadable {
		t.Errorf("an empty upload: %v", err)
	}
	// A configuration in the working directory is found for uploads.
	if err := os.WriteFile("zongjie.toml", []byte("[rules]\ndisable = [\"all\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := app.New(app.Options{})
	c, err = b.Check(ctx, app.Input{Name: "占位.txt", Data: []byte("全年走访企业xx户。\n")})
	if err != nil || len(c.Diagnostics) != 0 {
		t.Errorf("every rule disabled: %d findings, %v", len(c.Diagnostics), err)
	}
	if err := os.WriteFile("zongjie.toml", []byte("[rules]\nenable = [\"NO-SUCH-RULE\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = app.New(app.Options{}).Check(ctx, app.Input{Name: "a.txt", Data: []byte("全年走访企业xx户。\n")})
	wantCode(t, "an unknown rule in the configuration", err, app.Invalid)
}

// Ensure a .docx upload is annotated from its bytes, and a text file is
// refused.
func TestAnnotate(t *testing.T) {
	data, err := os.ReadFile("../reader/testdata/numbered.docx")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	a := app.New(app.Options{})
	c, err := a.Check(context.Background(), app.Input{Name: "上传.docx", Data: data})
	if err != nil {
		t.Fatal(err)
	}
	ds := append(c.Diagnostics, check.Diagnostic{Rule: "XX001", Message: "测试", Span: c.File.Paragraphs[1].Span})
	out, res, err := a.Annotate(c, ds)
	if err != nil || res.Exact != len(ds) || !bytes.HasPrefix(out, []byte("PK")) {
		t.Errorf("Annotate: %d bytes, %+v for %d findings, %v", len(out), res, len(ds), err)
	}
	txt, err := a.Check(context.Background(), app.Input{Name: "a.txt", Data: []byte("全年走访企业xx户。\n")})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = a.Annotate(txt, txt.Diagnostics)
	wantCode(t, "a .txt", err, app.Unreadable)
}

// Ensure the operations on stored reports, and their failures: no store,
// unknown IDs, bad requests.
func TestStored(t *testing.T) {
	ctx := context.Background()
	none := app.New(app.Options{})
	_, err := none.List(ctx, store.Filter{})
	wantCode(t, "List without a store", err, app.Invalid)

	a := newApp(t)
	ids := addExamples(t, a)
	// Adding them again stores nothing.
	stats, err := a.Add(ctx, app.AddRequest{Inputs: app.Examples()})
	if err != nil || stats.Added != 0 || stats.Duplicates != len(ids) {
		t.Errorf("adding again: %+v, %v", stats, err)
	}
	list, err := a.List(ctx, store.Filter{Unit: "石桥镇"})
	if err != nil || len(list.Reports) != 2 {
		t.Errorf("List 石桥镇: %d, %v", len(list.Reports), err)
	}

	id := ids["qinghe-2024.txt"]
	shown, err := a.Show(ctx, id, 0)
	if err != nil || shown.Report.ID != id || shown.Report.Unit != "青禾街道" || len(shown.Data) == 0 || len(shown.Versions) != 1 {
		t.Errorf("Show: %+v, %v", shown, err)
	}
	_, err = a.Show(ctx, 999, 0)
	wantCode(t, "Show 999", err, app.NotFound)
	_, err = a.Show(ctx, id, 7)
	wantCode(t, "Show of a version that is not", err, app.NotFound)
	_, err = a.Show(ctx, id, -1)
	wantCode(t, "Show version -1", err, app.Invalid)

	vl, err := a.Versions(ctx, id)
	if err != nil || len(vl.Versions) != 1 || !vl.Versions[0].Current {
		t.Errorf("Versions: %+v, %v", vl, err)
	}
	_, err = a.Versions(ctx, 999)
	wantCode(t, "Versions 999", err, app.NotFound)
	_, err = a.Restore(ctx, id, 1)
	wantCode(t, "Restore of the current version", err, app.Conflict)
	_, err = a.DiffVersions(ctx, id, 3, 0)
	wantCode(t, "DiffVersions of a version that is not", err, app.NotFound)

	hits, err := a.Search(ctx, store.Query{Text: "养老服务", Limit: 5})
	if err != nil || len(hits.Hits) == 0 || len(hits.Hits[0].Highlights) == 0 {
		t.Errorf("Search: %+v, %v", hits, err)
	}
	_, err = a.Search(ctx, store.Query{Text: "，。！", Limit: 5})
	wantCode(t, "Search for punctuation", err, app.Invalid)
	_, err = a.Search(ctx, store.Query{Text: "养老", Limit: 0})
	wantCode(t, "Search with no limit", err, app.Invalid)

	n := 0
	if err := a.Families(ctx, 0, func(f app.Family) error { n++; return nil }); err != nil {
		t.Errorf("Families: %v", err)
	}
	wantCode(t, "Families --top -1", a.Families(ctx, -1, nil), app.Invalid)
	stop := errors.New("enough")
	if n > 0 {
		if err := a.Families(ctx, 0, func(app.Family) error { return stop }); !errors.Is(err, stop) {
			t.Errorf("Families does not stop at the callback's error: %v", err)
		}
	}

	if err := a.Remove(ctx, id); err != nil {
		t.Fatal(err)
	}
	_, err = a.Show(ctx, id, 0)
	wantCode(t, "Show of a removed report", err, app.NotFound)
	wantCode(t, "Remove 999", a.Remove(ctx, 999), app.NotFound)
}

// Ensure Compare compares uploads and stored reports alike, and a file
// pasting several reports report by report.
func TestCompare(t *testing.T) {
	ctx := context.Background()
	a := newApp(t)
	ids := addExamples(t, a)
	x, y := example(t, "shiqiao-2024.txt"), example(t, "shiqiao-2025.txt")
	files, err := a.Compare(ctx, app.File(x), app.File(y))
	if err != nil || files.Whole == nil || len(files.Whole.Passages) == 0 || files.Whole.A.Path != x.Name {
		t.Fatalf("Compare files: %+v, %v", files, err)
	}
	stored, err := a.Compare(ctx, app.Stored(ids["shiqiao-2024.txt"]), app.Stored(ids["shiqiao-2025.txt"]))
	if err != nil || stored.Whole == nil || stored.Whole.A.Path != "#"+itoa(ids["shiqiao-2024.txt"]) {
		t.Fatalf("Compare stored: %+v, %v", stored, err)
	}
	if got, want := len(stored.Whole.Passages), len(files.Whole.Passages); got != want {
		t.Errorf("stored: %d passages, files %d", got, want)
	}
	_, err = a.Compare(ctx, app.File(x), app.Stored(999))
	wantCode(t, "Compare with 999", err, app.NotFound)

	two := app.Input{Name: "两篇.txt", Data: append(append(append([]byte{}, readText(t, x)...), '\n'), readText(t, y)...)}
	pairs, err := a.Compare(ctx, app.File(two), app.File(y))
	if err != nil || pairs.Whole != nil || pairs.PartsA != 2 || len(pairs.Pairs.Pairs) != 2 {
		t.Fatalf("Compare a file of two reports: %+v, %v", pairs, err)
	}
	if p := pairs.Pairs.Pairs[1]; p.A.Index != 1 || p.A.Reuse < 0.99 {
		t.Errorf("the second report of the file with itself: %+v", p.A)
	}

	// Without a store, compare still works on files.
	t.Chdir(t.TempDir())
	plain := app.New(app.Options{})
	if c, err := plain.Compare(ctx, app.File(x), app.File(y)); err != nil || c.Whole == nil {
		t.Errorf("Compare without a store: %v", err)
	}
}

// readText returns an input's text, decoded (the GBK example too).
func readText(t *testing.T, in app.Input) []byte {
	t.Helper()
	f, err := reader.Read(in.Name, in.Data)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(f.Text)
}

// itoa formats an ID.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }
