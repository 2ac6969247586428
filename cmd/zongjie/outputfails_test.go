package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryCommandOutputFails runs every command that writes a result or
// a message of what it did with a standard output that fails: each must
// say 写出结果失败 and exit 2 — not blame the database (families --format
// json and audit --format csv to a full disk said 数据库所在的磁盘已满, the
// ENOSPC of the write come back through the application), not exit 0
// having lost its output (families and audit as text, audit --format
// json, series, version, rm, restore, backup, db check, unit mv and
// assign, user add, passwd, disable and token --revoke). Near miss: the
// same command (or its inverse, for one that changes the database) with
// an output that takes it writes something and does not exit 2. The
// standard output fails in two ways: a writer that refuses every write,
// and /dev/full (ENOSPC, as a full disk), where there is one. Every
// command of the command line is in the table but serve, whose line on
// starting is no result.
func TestEveryCommandOutputFails(t *testing.T) {
	outputs := []struct {
		name string
		open func(t *testing.T) io.Writer
	}{
		{"a writer that fails", func(*testing.T) io.Writer { return failWriter{} }},
	}
	if f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0); err == nil {
		f.Close()
		outputs = append(outputs, struct {
			name string
			open func(t *testing.T) io.Writer
		}{"/dev/full", func(t *testing.T) io.Writer {
			f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { f.Close() })
			return f
		}})
	} else {
		t.Logf("no /dev/full here (%v): only the writer that fails is used", err)
	}
	for _, o := range outputs {
		t.Run(o.name, func(t *testing.T) { everyCommandOutputFails(t, o.open) })
	}
}

func everyCommandOutputFails(t *testing.T, open func(t *testing.T) io.Writer) {
	dir := exampleFiles(t)
	old, cur := filepath.Join(dir, "shiqiao-2024.txt"), filepath.Join(dir, "shiqiao-2025.txt")
	db := filepath.Join(t.TempDir(), "z.db")
	ok(t, "", "add", "--db", db, "--demo")
	// Report 6 with two versions.
	qinghe := writeFile(t, "qinghe.txt", report)
	ok(t, "", "add", "--db", db, qinghe)
	if err := os.WriteFile(qinghe, []byte(strings.Replace(report, "3.62亿元", "3.65亿元", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	ok(t, "", "add", "--db", db, qinghe)
	backups := t.TempDir()
	const password = "correct horse battery\n"

	cases := []struct {
		stdin       string
		args, again []string // again: the near miss, when not args
	}{
		{args: []string{"check", old}},
		{args: []string{"check", "--format", "json", old}},
		{args: []string{"check", "--format", "sarif", old}},
		{args: []string{"check", "--diff", old}},
		{args: []string{"check", "--fix", old}},
		{args: []string{"extract", old}},
		{args: []string{"extract", "--format", "json", old}},
		{args: []string{"extract", "--format", "csv", old}},
		{args: []string{"rules"}},
		{args: []string{"rules", "--format", "json"}},
		{args: []string{"rules", "--format", "markdown"}},
		{args: []string{"rules", "YR001"}},
		{args: []string{"export", "-o", "-", old}},
		{args: []string{"add", "--db", db, writeFile(t, "other.txt", strings.ReplaceAll(report, "青禾", "白沙"))}},
		{args: []string{"add", "--db", db, "--verbose", writeFile(t, "third.txt", strings.ReplaceAll(report, "青禾", "黄沙"))}},
		{args: []string{"list", "--db", db}},
		{args: []string{"list", "--db", db, "--format", "json"}},
		{args: []string{"show", "--db", db, "1"}},
		{args: []string{"show", "--db", db, "--text", "1"}},
		{args: []string{"versions", "--db", db, "6"}},
		{args: []string{"versions", "--db", db, "--diff", "1", "6"}},
		{args: []string{"restore", "--db", db, "6", "1"}, again: []string{"restore", "--db", db, "6", "2"}},
		// 6 is qinghe.txt, 7 and 8 the two added above.
		{args: []string{"rm", "--db", db, "6"}, again: []string{"rm", "--db", db, "7"}},
		{args: []string{"rm", "--db", db, "--undo", "6"}, again: []string{"rm", "--db", db, "--undo", "7"}},
		{args: []string{"rm", "--db", db, "--list"}},
		{args: []string{"compare", "--db", db, old, cur}},
		{args: []string{"similar", "--db", db, cur}},
		{args: []string{"families", "--db", db}},
		{args: []string{"families", "--db", db, "--format", "json"}},
		{args: []string{"search", "--db", db, "就业"}},
		{args: []string{"track", "--db", db, "--unit", "石桥镇"}},
		{args: []string{"track", old, cur}},
		{args: []string{"series", "--db", db, "--unit", "石桥镇"}},
		{args: []string{"series", "--db", db, "--unit", "石桥镇", "--format", "json"}},
		{args: []string{"series", "--db", db, "--unit", "石桥镇", "--format", "csv"}},
		{args: []string{"draft", "--from", old, "--actual", cur}},
		{args: []string{"unit", "add", "--db", db, "云川市"}, again: []string{"unit", "add", "--db", db, "西山县", "--parent", "云川市"}},
		{args: []string{"unit", "mv", "--db", db, "西山县", "--root"}, again: []string{"unit", "mv", "--db", db, "西山县", "云川市"}},
		{args: []string{"unit", "list", "--db", db}},
		{args: []string{"unit", "assign", "--db", db, "西山县", "1"}, again: []string{"unit", "assign", "--db", db, "-", "1"}},
		{args: []string{"unit", "assign", "--db", db, "--match"}},
		{args: []string{"unit", "unassigned", "--db", db}},
		{stdin: password, args: []string{"user", "add", "--db", db, "zhang", "--unit", "云川市", "--admin"},
			again: []string{"user", "add", "--db", db, "li", "--unit", "云川市", "--role", "reviewer"}},
		{args: []string{"user", "list", "--db", db}},
		{stdin: password, args: []string{"user", "passwd", "--db", db, "li"}},
		{args: []string{"user", "token", "--db", db, "li", "--name", "导入脚本"}, again: []string{"user", "token", "--db", db, "li", "--name", "备份脚本"}},
		{args: []string{"user", "token", "--db", db, "li", "--list"}},
		{args: []string{"user", "token", "--db", db, "li", "--revoke", "1"}, again: []string{"user", "token", "--db", db, "li", "--revoke", "2"}},
		{args: []string{"user", "disable", "--db", db, "li"}, again: []string{"user", "disable", "--db", db, "li", "--enable"}},
		{args: []string{"audit", "--db", db}},
		{args: []string{"audit", "--db", db, "--format", "json"}},
		{args: []string{"audit", "--db", db, "--format", "csv"}},
		{args: []string{"backup", "--db", db, filepath.Join(backups, "1.db")}, again: []string{"backup", "--db", db, filepath.Join(backups, "2.db")}},
		{args: []string{"db", "check", "--db", db}},
		{args: []string{"db", "restore", "--db", db, filepath.Join(backups, "1.db")}},
		{args: []string{"version"}},
	}
	covered := map[string]bool{"serve": true}
	for _, c := range cases {
		covered[c.args[0]] = true
		name := strings.Join(c.args, " ")
		var stderr bytes.Buffer
		code := run(context.Background(), c.args, strings.NewReader(c.stdin), open(t), &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), "写出结果失败") || strings.Contains(stderr.String(), "磁盘已满") {
			t.Errorf("zongjie %s with a failing output: exit %d, stderr %q", name, code, stderr.String())
		}
		again := c.again
		if again == nil {
			again = c.args
		}
		code, out, errOut := runCLI(t, c.stdin, again...)
		if code == exitUsage || out == "" {
			t.Errorf("zongjie %s: exit %d, stdout %q, stderr %q", strings.Join(again, " "), code, out, errOut)
		}
	}
	for _, c := range commands() {
		if !covered[c.name] {
			t.Errorf("zongjie %s is not in the table", c.name)
		}
	}
}
