package http

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"zongjie/app"
	"zongjie/store"
	"zongjie/store/sqlite"
)

// faultStore is a store whose writes fail with a fault while fault is
// set (the error a driver gives wrapped as the stores wrap it), its
// reads untouched: a database that became read-only or whose disk
// filled. The real faults are tested with their stores (store/sqlite,
// store/postgres) and with the server process on a full and a read-only
// file system (cmd/zongjie TestServeDiskFull, TestServeReadOnly, as
// root).
type faultStore struct {
	store.Store
	fault atomic.Pointer[error]
}

func (f *faultStore) err(op string) error {
	if e := f.fault.Load(); e != nil {
		return fmt.Errorf("sqlite: %s: %w", op, *e)
	}
	return nil
}

func (f *faultStore) Put(ctx context.Context, r *store.Report) (int64, bool, error) {
	if err := f.err("put"); err != nil {
		return 0, false, err
	}
	return f.Store.Put(ctx, r)
}

func (f *faultStore) PutBatch(ctx context.Context, rs []*store.Report) ([]int64, []bool, error) {
	if err := f.err("put"); err != nil {
		return nil, nil, err
	}
	return f.Store.PutBatch(ctx, rs)
}

func (f *faultStore) PutFigures(ctx context.Context, fs []store.Figures) error {
	if err := f.err("figures"); err != nil {
		return err
	}
	return f.Store.PutFigures(ctx, fs)
}

func (f *faultStore) Trash(ctx context.Context, id int64) error {
	if err := f.err("trash"); err != nil {
		return err
	}
	return f.Store.Trash(ctx, id)
}

// Ensure a database that cannot be written gives every write a clear
// error naming the cause — read-only: 503, code read_only; full: 507,
// code full; the JSON API's error, the error page, the upload page's
// fragment — while every read goes on (the desk, whose figures it cannot
// keep, included), and that writes work again once the fault is gone.
func TestStoreFaults(t *testing.T) {
	t.Chdir(t.TempDir())
	db := filepath.Join(t.TempDir(), "z.db")
	fs := &faultStore{}
	a := app.New(app.Options{Open: func(context.Context) (store.Store, error) {
		st, err := sqlite.Open(db)
		fs.Store = st
		return fs, err
	}})
	t.Cleanup(func() { a.Close() })
	s, err := NewServer(a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(t, s) // before the reports: the desk first computes their figures under the fault
	id := addReport(t, s, "shiqiao-2025.txt", exampleData(t, "shiqiao-2025.txt"))
	other := addReport(t, s, "shiqiao-2024.txt", exampleData(t, "shiqiao-2024.txt"))
	for _, tc := range []struct {
		fault  error
		status int
		code   string
		says   string
	}{
		{fmt.Errorf("attempt to write a readonly database (8): %w", store.ErrReadOnly), 503, "read_only", "数据库是只读的"},
		{fmt.Errorf("database or disk is full (13): %w", store.ErrFull), 507, "full", "磁盘已满"},
		{fmt.Errorf("sorry, too many clients already (SQLSTATE 53300): %w", store.ErrBusy), 503, "busy", "请稍后再试"},
	} {
		fs.fault.Store(&tc.fault)
		// Writes: the API, the pages, the upload page's fragment.
		w := apiDo(t, s, call{method: "POST", target: "/api/v1/reports", contentType: "application/json",
			body: jsonBody(map[string]string{"name": "new.txt", "text": "某镇2025年工作总结\n一、主要工作\n全年完成投资3亿元。\n"})})
		want(t, tc.code+": POST /api/v1/reports", w, tc.status, tc.code)
		wantStatus(t, tc.code+": POST /api/v1/reports", w, tc.status, tc.says)
		w = apiDo(t, s, call{method: "PATCH", target: "/api/v1/reports/" + strconv.FormatInt(id, 10), contentType: "application/json",
			body: jsonBody(map[string]string{"unit": "石桥镇"})})
		want(t, tc.code+": PATCH", w, tc.status, tc.code)
		w = apiDo(t, s, call{method: "DELETE", target: "/api/v1/reports/" + strconv.FormatInt(other, 10)})
		want(t, tc.code+": DELETE", w, tc.status, tc.code)
		w = c.post(fmt.Sprintf("/reports/%d/fix", id), url.Values{"all": {"1"}, "version": {"1"}})
		wantStatus(t, tc.code+": the fix", w, tc.status, tc.says)
		if tc.code != "busy" && !strings.Contains(w.Body.String(), "已保存的报告仍可查看") {
			t.Errorf("%s: the fix does not say that reads go on", tc.code)
		}
		w = c.upload(map[string][]byte{"a.txt": []byte("某镇2025年工作总结\n一、主要工作\n全年完成投资4亿元。\n")}, "", false)
		wantStatus(t, tc.code+": the upload page", w, tc.status, tc.says)
		w = c.upload(map[string][]byte{"a.txt": []byte("某镇2025年工作总结\n一、主要工作\n全年完成投资5亿元。\n")}, "", true)
		wantStatus(t, tc.code+": the upload page's fragment", w, tc.status, tc.says)
		// Reads.
		for _, target := range []string{"/", "/search?q=" + url.QueryEscape("工作"), fmt.Sprintf("/reports/%d", id),
			fmt.Sprintf("/compare?a=%d&b=%d", other, id), fmt.Sprintf("/reports/%d/similar", id), "/families"} {
			wantStatus(t, tc.code+": GET "+target, c.get(target), 200)
		}
		for _, target := range []string{"/api/v1/reports", fmt.Sprintf("/api/v1/reports/%d", id), "/api/v1/search?q=" + url.QueryEscape("工作")} {
			want(t, tc.code+": GET "+target, apiDo(t, s, call{method: "GET", target: target}), 200, "")
		}
	}
	fs.fault.Store(nil)
	w := apiDo(t, s, call{method: "POST", target: "/api/v1/reports", contentType: "application/json",
		body: jsonBody(map[string]string{"name": "new.txt", "text": "某镇2025年工作总结\n一、主要工作\n全年完成投资3亿元。\n"})})
	want(t, "POST /api/v1/reports without the fault", w, 200, "")
	if n, _ := fs.Store.Count(context.Background()); n != 3 {
		t.Errorf("%d reports stored, want 3", n)
	}
}
