package main

import (
	"context"
	"fmt"
	"io"

	"zongjie/app"
	"zongjie/store/sqlite"
)

func runBackup(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "backup", "[选项] 文件", "把 SQLite 数据库备份到一个新文件：服务运行中也可以备份，备份是某一时刻完整一致的副本。\n"+
		"不会覆盖已有的文件。恢复：zongjie db restore 文件。PostgreSQL 请用 pg_dump（见 docs/accounts.md）。")
	db := dbFlag(fs)
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		fs.Usage()
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	if err := a.Backup(ctx, rest[0]); err != nil {
		return fail(e, "backup", err)
	}
	return say(e, "backup", "已备份到 %s。\n", rest[0])
}

func runDB(ctx context.Context, e *env, args []string) int {
	return runGroup(ctx, e, "db", []subcommand{
		{"restore", "用 zongjie backup 做的备份替换数据库的内容", runDBRestore},
		{"check", "检查数据库是否完好（完整性检查，每篇报告是否完整）", runDBCheck},
	}, args)
}

func runDBRestore(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "db restore", "[选项] 备份文件", "用备份替换数据库的内容（先检查备份是否完好）。备份之后保存的一切都会丢失：恢复前可先 zongjie backup 一份。\n"+
		"运行中的服务随即看到恢复后的内容。（zongjie restore 编号 版本 是恢复报告的旧版本，与此不同。）")
	db := dbFlag(fs)
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		fs.Usage()
		return exitUsage
	}
	a := newRestoringApp(*db)
	defer a.Close()
	if err := a.RestoreBackup(ctx, rest[0]); err != nil {
		return fail(e, "db restore", err)
	}
	return say(e, "db restore", "已从 %s 恢复数据库 %s。\n", rest[0], redact(dbName(*db)))
}

// newRestoringApp returns the app of newApp that can restore backups into
// the database (SQLite).
func newRestoringApp(flag string) *app.App {
	db := dbName(flag)
	o := appOptions(flag)
	if !isPostgres(db) {
		o.Restore = func(ctx context.Context, from string) error { return sqlite.Restore(ctx, db, from) }
	}
	return app.New(o)
}

func runDBCheck(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "db check", "[选项]", "检查数据库是否完好：SQLite 的完整性检查、全文索引，每篇报告的文本、指纹、版本是否齐全。")
	db := dbFlag(fs)
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 0 {
		fs.Usage()
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	if err := a.Verify(ctx); err != nil {
		return fail(e, "db check", err)
	}
	return writeResult(e, "db check", func(w io.Writer) error {
		_, err := fmt.Fprintln(w, "数据库完好。")
		return err
	})
}
