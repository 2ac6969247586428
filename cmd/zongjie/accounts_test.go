package main

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// ok runs a command that must succeed and returns its output.
func ok(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	code, out, errOut := runCLI(t, stdin, args...)
	if code != exitOK {
		t.Fatalf("zongjie %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// refused runs a command that must fail with exit code 2 and a message
// holding want.
func refused(t *testing.T, stdin, want string, args ...string) {
	t.Helper()
	code, out, errOut := runCLI(t, stdin, args...)
	if code != exitUsage || !strings.Contains(errOut, want) {
		t.Errorf("zongjie %s: exit %d, stderr %q, want 2 and %q\n%s", strings.Join(args, " "), code, errOut, want, out)
	}
}

func TestUnitAndUserCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	ok(t, "", "add", "--db", db, writeFile(t, "qinghe.txt", report))
	out := ok(t, "", "unit", "list", "--db", db)
	if !strings.Contains(out, "还没有单位") || !strings.Contains(out, "1 篇报告尚未分配") {
		t.Errorf("unit list of a new tree:\n%s", out)
	}
	ok(t, "", "unit", "add", "--db", db, "云川市")
	ok(t, "", "unit", "add", "--db", db, "东湖区", "--parent", "云川市", "--alias", "东湖，东湖新区")
	out = ok(t, "", "unit", "add", "--db", db, "青禾街道", "--parent", "云川市/东湖区")
	if !strings.Contains(out, "云川市/东湖区/青禾街道") || !strings.Contains(out, "1 篇未分配的报告已分配给它") {
		t.Errorf("unit add:\n%s", out)
	}
	refused(t, "", "已有单位", "unit", "add", "--db", db, "东湖区", "--parent", "云川市")
	refused(t, "", "没有单位", "unit", "add", "--db", db, "x", "--parent", "西山县")
	out = ok(t, "", "unit", "list", "--db", db)
	for _, want := range []string{"云川市", "  东湖区（别名 东湖、东湖新区）", "    青禾街道  1 篇报告"} {
		if !strings.Contains(out, want) {
			t.Errorf("unit list lacks %q:\n%s", want, out)
		}
	}
	ok(t, "", "unit", "add", "--db", db, "西山县", "--parent", "云川市")
	out = ok(t, "", "unit", "mv", "--db", db, "青禾街道", "西山县")
	if !strings.Contains(out, "云川市/西山县/青禾街道") {
		t.Errorf("unit mv:\n%s", out)
	}
	refused(t, "", "自己之下", "unit", "mv", "--db", db, "云川市", "青禾街道")
	refused(t, "", "请给出", "unit", "mv", "--db", db, "青禾街道")

	// No default password, no admin without one.
	refused(t, "", "没有读到密码", "user", "add", "--db", db, "zhang", "--unit", "云川市", "--admin")
	refused(t, "short\n", "密码太短", "user", "add", "--db", db, "zhang", "--unit", "云川市", "--admin")
	refused(t, "long enough\n", "", "user", "add", "--db", db, "zhang")
	out = ok(t, "correct horse battery\n", "user", "add", "--db", db, "zhang", "--unit", "云川市", "--admin")
	if !strings.Contains(out, "已添加用户 zhang（云川市，管理员）") {
		t.Errorf("user add:\n%s", out)
	}
	ok(t, "另一个密码很长的\r\n", "user", "add", "--db", db, "li", "--unit", "青禾街道", "--role", "reviewer")
	refused(t, "long enough\n", "无效", "user", "add", "--db", db, "wang", "--unit", "青禾街道", "--role", "boss")
	out = ok(t, "", "user", "list", "--db", db)
	if !strings.Contains(out, "zhang  云川市  管理员  从未登录") || !strings.Contains(out, "li  云川市/西山县/青禾街道  审阅") {
		t.Errorf("user list:\n%s", out)
	}
	ok(t, "a brand new password\n", "user", "passwd", "--db", db, "li")
	refused(t, "a brand new password\n", "没有用户", "user", "passwd", "--db", db, "nobody")

	// Tokens: the secret once, on standard output.
	code, secret, errOut := runCLI(t, "", "user", "token", "--db", db, "li", "--name", "导入脚本")
	if code != exitOK || !strings.HasPrefix(secret, "zjt_") || !strings.Contains(errOut, "只显示这一次") {
		t.Errorf("user token: %d %q %q", code, secret, errOut)
	}
	out = ok(t, "", "user", "token", "--db", db, "li", "--list")
	if !strings.Contains(out, "导入脚本") || strings.Contains(out, strings.TrimSpace(secret)) {
		t.Errorf("user token --list:\n%s", out)
	}
	ok(t, "", "user", "token", "--db", db, "li", "--revoke", "1")
	if out := ok(t, "", "user", "token", "--db", db, "li", "--list"); !strings.Contains(out, "已撤销") {
		t.Errorf("after --revoke:\n%s", out)
	}
	refused(t, "", "没有编号为 7", "user", "token", "--db", db, "li", "--revoke", "7")
	ok(t, "", "user", "disable", "--db", db, "li")
	if out := ok(t, "", "user", "list", "--db", db); !strings.Contains(out, "已停用") {
		t.Errorf("user list after disable:\n%s", out)
	}
	ok(t, "", "user", "disable", "--db", db, "li", "--enable")

	// Assigning by hand.
	ok(t, "", "unit", "assign", "--db", db, "-", "1")
	if out := ok(t, "", "unit", "unassigned", "--db", db); !strings.Contains(out, "共 1 篇") {
		t.Errorf("unit unassigned:\n%s", out)
	}
	if out := ok(t, "", "unit", "assign", "--db", db, "--match"); !strings.Contains(out, "已自动分配 1 篇") {
		t.Errorf("unit assign --match:\n%s", out)
	}

	// The audit log: text, JSON, CSV; filters.
	out = ok(t, "", "audit", "--db", db)
	for _, want := range []string{"unit.add", "user.add", "user.passwd", "token.add", "token.revoke", "user.disable", "report.add", "report.assign"} {
		if !strings.Contains(out, want) {
			t.Errorf("audit lacks %s:\n%s", want, out)
		}
	}
	var js struct {
		Entries []struct {
			Action, User string
		} `json:"entries"`
	}
	if err := json.Unmarshal([]byte(ok(t, "", "audit", "--db", db, "--action", "user.", "--format", "json")), &js); err != nil || len(js.Entries) != 5 {
		t.Errorf("audit --action user. --format json: %+v, %v", js, err)
	}
	out = ok(t, "", "audit", "--db", db, "--format", "csv", "--action", "token.", "--since", "2000-01-01")
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil || len(rows) != 3 || rows[0][4] != "操作" || rows[1][4] != "token.revoke" || rows[1][7] != "li" || !strings.HasPrefix(out, "\uFEFF") {
		t.Errorf("audit --format csv: %q, %v", rows, err)
	}
	if out := ok(t, "", "audit", "--db", db, "--until", "2000-01-01"); !strings.Contains(out, "共 0 条") {
		t.Errorf("audit --until 2000:\n%s", out)
	}
	refused(t, "", "不是日期", "audit", "--db", db, "--since", "yesterday")
	refused(t, "", "没有用户", "audit", "--db", db, "--user", "nobody")
}

func TestTrashCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	ok(t, "", "add", "--db", db, writeFile(t, "qinghe.txt", report))
	out := ok(t, "", "rm", "--db", db, "1")
	if !strings.Contains(out, "rm --undo 1") {
		t.Errorf("rm:\n%s", out)
	}
	refused(t, "", "不存在", "show", "--db", db, "1")
	if out := ok(t, "", "rm", "--db", db, "--list"); !strings.Contains(out, "回收站中共 1 篇") || !strings.Contains(out, "永久清除") {
		t.Errorf("rm --list:\n%s", out)
	}
	ok(t, "", "rm", "--db", db, "--undo", "1")
	ok(t, "", "show", "--db", db, "1")
	refused(t, "", "回收站中没有报告 1", "rm", "--db", db, "--undo", "1")
	refused(t, "", "", "rm", "--db", db, "--list", "1")
}

func TestBackupCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	ok(t, "", "add", "--db", db, writeFile(t, "qinghe.txt", report))
	backup := filepath.Join(dir, "backup.db")
	ok(t, "", "backup", "--db", db, backup)
	refused(t, "", "不会覆盖", "backup", "--db", db, backup)
	ok(t, "", "rm", "--db", db, "1")
	ok(t, "", "add", "--db", db, writeFile(t, "other.txt", strings.ReplaceAll(report, "青禾", "白沙")))
	if out := ok(t, "", "db", "restore", "--db", db, backup); !strings.Contains(out, "已从") {
		t.Errorf("db restore:\n%s", out)
	}
	out := ok(t, "", "list", "--db", db)
	if !strings.Contains(out, "共 1 篇") || !strings.Contains(out, "青禾街道") {
		t.Errorf("list after the restore:\n%s", out)
	}
	if out := ok(t, "", "db", "check", "--db", db); !strings.Contains(out, "完好") {
		t.Errorf("db check:\n%s", out)
	}
	refused(t, "", "无法从", "db", "restore", "--db", db, writeFile(t, "junk.db", strings.Repeat("junk ", 500)))
	// The restore is in the log of the restored database.
	if out := ok(t, "", "audit", "--db", db, "--action", "db."); !strings.Contains(out, "db.restore") || strings.Contains(out, "db.backup") {
		t.Errorf("audit after the restore (the backup's log, and the restore):\n%s", out)
	}
}
