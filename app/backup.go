package app

import (
	"context"
	"errors"
	"os"

	"zongjie/store"
)

// requireSuper refuses anyone but the local user and the admins of a
// root of the tree: backups hold every unit's reports.
func (a *App) requireSuper(ctx context.Context) error {
	me := userOf(ctx)
	if me.Local() {
		return nil
	}
	if me.Role == store.Admin {
		_, tree, err := a.accounts(ctx)
		if err != nil {
			return err
		}
		if u, ok := tree.Unit(me.Unit); ok && u.Parent == 0 {
			return nil
		}
	}
	return Errorf(Forbidden, "只有最上层单位的管理员可以备份或恢复数据库")
}

// backuper is a store that can back itself up while in use (SQLite).
type backuper interface {
	Backup(ctx context.Context, path string) error
}

// Backup writes a consistent copy of the whole database to a new file at
// path while the store is in use (SQLite; a PostgreSQL database is backed
// up with pg_dump, docs/accounts.md). It never overwrites a file.
func (a *App) Backup(ctx context.Context, path string) error {
	if err := a.requireSuper(ctx); err != nil {
		return err
	}
	st, err := a.open(ctx)
	if err != nil {
		return err
	}
	b, ok := unwrap(st).(backuper)
	if !ok {
		return Errorf(Invalid, "PostgreSQL 数据库请用 pg_dump 备份、pg_restore 恢复（见 docs/accounts.md）")
	}
	if err := b.Backup(ctx, path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return wrap(Conflict, err, "%s 已存在：备份不会覆盖已有的文件，请换一个文件名", path)
		}
		return wrap(Internal, err, "备份到 %s 失败：%v", path, err)
	}
	return a.audit(ctx, st, store.AuditEntry{Action: "db.backup", Detail: path})
}

// RestoreBackup replaces the content of the database with that of a
// backup made by Backup, after checking it; servers using the database
// meanwhile see the restored content. Everything stored since the backup
// is lost: make a backup first.
func (a *App) RestoreBackup(ctx context.Context, from string) error {
	if err := a.requireSuper(ctx); err != nil {
		return err
	}
	if a.opts.Restore == nil {
		return Errorf(Invalid, "这里无法恢复备份（PostgreSQL 数据库请用 pg_restore，见 docs/accounts.md）")
	}
	if err := a.opts.Restore(ctx, from); err != nil {
		return wrap(Invalid, err, "无法从 %s 恢复：%v", from, err)
	}
	a.forgetAccounts() // the accounts are the backup's now
	st, err := a.open(ctx)
	if err != nil {
		return err
	}
	return a.audit(ctx, st, store.AuditEntry{Action: "db.restore", Detail: from})
}

// Verify checks the integrity of the store (store.Store.Verify): after a
// crash, a restore, or a kill -9.
func (a *App) Verify(ctx context.Context) error {
	st, err := a.open(ctx)
	if err != nil {
		return err
	}
	if err := st.Verify(ctx); err != nil {
		return wrap(Internal, err, "数据库检查未通过：%v", err)
	}
	return nil
}
