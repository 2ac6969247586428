package app

import (
	"context"
	"errors"
	"time"

	"zongjie/store"
)

// TrashKeep is how long a deleted report stays in the trash, where an
// admin can bring it back (Undelete), before it is purged for good.
const TrashKeep = 30 * 24 * time.Hour

// Remove deletes a stored report, with all its versions, softly: it is
// moved to the trash, where an admin can bring it back for TrashKeep.
// The reports in the trash longer than that are purged meanwhile.
func (a *App) Remove(ctx context.Context, id int64) error {
	st, err := a.store(ctx)
	if err != nil {
		return err
	}
	if err := st.Trash(ctx, id); err != nil {
		return viewError(err, id)
	}
	_, err = a.PurgeTrash(ctx)
	return err
}

// viewError returns err of the view on report id as an *Error: its own
// (Forbidden), or one naming the report.
func viewError(err error, id int64) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return wrap(ErrorCode(err), err, "报告 %d：%s", id, notFoundText(err))
}

// Undelete brings a report back from the trash, as it was (an admin's
// operation).
func (a *App) Undelete(ctx context.Context, id int64) error {
	if err := requireAdmin(userOf(ctx)); err != nil {
		return err
	}
	st, err := a.store(ctx)
	if err != nil {
		return err
	}
	if err := st.Untrash(ctx, id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return wrap(NotFound, err, "回收站中没有报告 %d（已删除超过 %d 天的报告已被清除）", id, int(TrashKeep.Hours()/24))
		}
		return viewError(err, id)
	}
	return nil
}

// TrashedReport is a report in the trash.
type TrashedReport struct {
	Summary
	Deleted   time.Time `json:"deleted"`
	DeletedBy string    `json:"deleted_by"` // who deleted it, from the audit log ("" for the local user)
	Purge     time.Time `json:"purge"`      // when it will be purged
}

// TrashList is the output of rm --list --format json.
type TrashList struct {
	Reports []TrashedReport `json:"reports"`
}

// ListTrash returns the reports in the trash that the user of ctx may see
// (an admin's operation).
func (a *App) ListTrash(ctx context.Context) (TrashList, error) {
	if err := requireAdmin(userOf(ctx)); err != nil {
		return TrashList{}, err
	}
	st, err := a.store(ctx)
	if err != nil {
		return TrashList{}, err
	}
	list, err := st.ListTrash(ctx, store.Filter{})
	if err != nil {
		return TrashList{}, wrap(Internal, err, "%v", err)
	}
	out := TrashList{Reports: []TrashedReport{}}
	for _, t := range list {
		tr := TrashedReport{Summary: SummaryOf(t.Summary), Deleted: t.Deleted, Purge: t.Deleted.Add(TrashKeep)}
		// Who deleted it: the last report.delete of it in the log (the
		// view shows the admin the entries of their units, which hold it).
		es, err := st.ListAudit(ctx, store.AuditFilter{Action: "report.delete", Report: t.ID, Limit: 1})
		if err != nil {
			return TrashList{}, wrap(Internal, err, "读取审计日志：%v", err)
		}
		if len(es) > 0 {
			tr.DeletedBy = es[0].Actor
		}
		out.Reports = append(out.Reports, tr)
	}
	return out, nil
}

// PurgeTrash deletes for good the reports in the trash for longer than
// TrashKeep and returns their IDs. It is the policy, not a choice: any
// user's operation may run it (Remove does; the web app at start), and
// the audit log names no user for it.
func (a *App) PurgeTrash(ctx context.Context) ([]int64, error) {
	st, err := a.open(ctx)
	if err != nil {
		return nil, err
	}
	// As the local user: the policy reaches every unit.
	v := newView(WithUser(ctx, User{Name: "（系统）"}), st)
	v.addr = ""
	ids, err := v.PurgeTrash(ctx, a.now().Add(-TrashKeep))
	if err != nil {
		return ids, wrap(Internal, err, "清除回收站：%v", err)
	}
	return ids, nil
}
