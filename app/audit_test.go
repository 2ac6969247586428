package app_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"zongjie/app"
	"zongjie/store"
	"zongjie/store/sqlite"
)

// Ensure the audit log's unit filter selects the entries of a unit and
// of the units below it, within what the admin may see.
func TestAuditLogUnit(t *testing.T) {
	d := newDistrict(t)
	units := func(who, unit string) map[string]int {
		t.Helper()
		es, err := d.a.AuditLog(d.as(who), app.AuditQuery{Unit: unit})
		if err != nil {
			t.Fatalf("AuditLog as %s of %s: %v", who, unit, err)
		}
		out := map[string]int{}
		for _, e := range es {
			out[e.Unit]++
		}
		return out
	}
	got := units("city-admin", "东湖区")
	if got["云川市/东湖区/青禾街道"] == 0 || got["云川市/东湖区/白沙街道"] == 0 {
		t.Errorf("东湖区's entries lack its streets': %v", got)
	}
	for u := range got {
		if !strings.HasPrefix(u, "云川市/东湖区") {
			t.Errorf("东湖区's entries hold one of %q", u)
		}
	}
	// A street's own: not its sibling's.
	if got := units("city-admin", "青禾街道"); got["云川市/东湖区/青禾街道"] == 0 || len(got) != 1 {
		t.Errorf("青禾街道's entries: %v", got)
	}
	// An admin of another county asking for 东湖区 sees none of it.
	if got := units("xishan-admin", "东湖区"); len(got) != 0 {
		t.Errorf("西山县's admin reads 东湖区's entries: %v", got)
	}
	if _, err := d.a.AuditLog(d.as("city-admin"), app.AuditQuery{Unit: "无此单位"}); app.ErrorCode(err) != app.NotFound {
		t.Errorf("AuditLog of an unknown unit = %v, want NotFound", err)
	}
	// A user of another county is, for 西山县's admin, no user at all:
	// the same error as a name never used, so the filter tells nothing.
	_, other := d.a.AuditLog(d.as("xishan-admin"), app.AuditQuery{User: "qinghe-drafter"})
	_, never := d.a.AuditLog(d.as("xishan-admin"), app.AuditQuery{User: "无此用户"})
	if app.ErrorCode(other) != app.NotFound || app.ErrorCode(never) != app.NotFound ||
		strings.ReplaceAll(app.ErrorMessage(other), "qinghe-drafter", "?") != strings.ReplaceAll(app.ErrorMessage(never), "无此用户", "?") {
		t.Errorf("filter by another county's user = %v; by a name never used = %v: want the same NotFound", other, never)
	}
	// Their own user is found.
	if _, err := d.a.AuditLog(d.as("xishan-admin"), app.AuditQuery{User: "xishan-reviewer"}); err != nil {
		t.Errorf("filter by their own county's user: %v", err)
	}
}

// Ensure the audit log's CSV opens in a spreadsheet as text: a BOM, the
// header, and a cell that would be a formula made text, wherever a person
// wrote it, while a cell with such a sign inside is left as it is.
func TestWriteAuditCSV(t *testing.T) {
	at := time.Date(2025, 3, 1, 8, 0, 0, 0, time.Local)
	es := []app.AuditEntry{
		{ID: 2, At: at, User: "=cmd|' /C calc'!A0", Address: "192.0.2.1", Action: "user.add", Target: "@SUM(1)", Unit: "+云川市", Detail: "-2+3"},
		{ID: 1, At: at, Action: "report.add", Report: 7, Detail: "a-b=c 第 1 版"},
	}
	var b bytes.Buffer
	if err := app.WriteAuditCSV(&b, es); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "\uFEFF") {
		t.Fatalf("no BOM: %q", b.String()[:10])
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\uFEFF"))).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("rows %q, %v", rows, err)
	}
	if strings.Join(rows[0], ",") != "编号,时间,用户,地址,操作,报告,单位,对象用户,详情" {
		t.Errorf("header %q", rows[0])
	}
	want := [][]string{
		{"2", "2025-03-01 08:00:00", "'=cmd|' /C calc'!A0", "192.0.2.1", "user.add", "", "'+云川市", "'@SUM(1)", "'-2+3"},
		{"1", "2025-03-01 08:00:00", "本机", "", "report.add", "7", "", "", "a-b=c 第 1 版"},
	}
	for i, w := range want {
		if strings.Join(rows[i+1], "\x00") != strings.Join(w, "\x00") {
			t.Errorf("row %d = %q, want %q", i+1, rows[i+1], w)
		}
	}
}

// Ensure the audit log shows a user's role in words (审阅人), not its code:
// for a user added now, and for an entry an earlier version wrote with
// the code. Near misses: a token named like a role, and a user.add whose
// last part is not a role, are shown as written.
func TestAuditRoleWords(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "z.db"))
	if err != nil {
		t.Fatal(err)
	}
	a := app.New(app.Options{Open: func(context.Context) (store.Store, error) { return st, nil }})
	t.Cleanup(func() { a.Close() })
	now := time.Now()
	for _, e := range []store.AuditEntry{
		{At: now, Action: "user.add", Detail: "张三，云川市，reviewer"},
		{At: now, Action: "token.add", Detail: "reviewer"},
		{At: now, Action: "user.add", Detail: "李四，云川市，editor"},
	} {
		if err := st.AppendAudit(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.AddUnit(ctx, app.NewUnit{Name: "云川市"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddUser(ctx, app.NewUser{Name: "王五", Unit: "云川市", Role: store.Drafter, Password: "wangwu-password-1"}); err != nil {
		t.Fatal(err)
	}
	es, err := a.AuditLog(ctx, app.AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Action+" "+e.Detail)
	}
	for _, want := range []string{"user.add 张三，云川市，审阅人", "token.add reviewer", "user.add 李四，云川市，editor", "user.add 王五，云川市，起草人"} {
		if !slices.Contains(got, want) {
			t.Errorf("the audit log lacks %q: %q", want, got)
		}
	}
}
