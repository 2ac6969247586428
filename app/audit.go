package app

import (
	"context"
	"errors"
	"strings"
	"time"

	"zongjie/store"
)

// AuditQuery selects entries of the audit log; zero fields select all.
type AuditQuery struct {
	User   string // the user's name
	Action string // exact, or a prefix ending in "." (report.)
	Report int64
	Since  time.Time
	Until  time.Time
	Before int64 // entries before this one (paging back)
	Limit  int   // at most this many, newest first (0: all)
}

// AuditEntry is an entry of the audit log as the operations give it
// (audit --format json, and the columns of --format csv).
type AuditEntry struct {
	ID      int64     `json:"id"`
	At      time.Time `json:"at"`
	User    string    `json:"user"` // "" for the local user (the command line)
	UserID  int64     `json:"user_id"`
	Address string    `json:"address"`
	Action  string    `json:"action"`
	Report  int64     `json:"report,omitempty"`
	Unit    string    `json:"unit,omitempty"` // the unit's full name
	UnitID  int64     `json:"unit_id,omitempty"`
	Target  string    `json:"target,omitempty"` // the user acted on
	Detail  string    `json:"detail"`
}

// AuditLog returns the entries of the audit log the query selects,
// newest first (an admin's operation; an admin below the root of the tree
// sees the entries of their units only).
func (a *App) AuditLog(ctx context.Context, q AuditQuery) ([]AuditEntry, error) {
	if err := requireAdmin(userOf(ctx)); err != nil {
		return nil, err
	}
	st, tree, err := a.accounts(ctx)
	if err != nil {
		return nil, err
	}
	f := store.AuditFilter{Action: q.Action, Report: q.Report, Since: q.Since, Until: q.Until, Before: q.Before, Limit: q.Limit}
	if q.User != "" {
		u, err := st.UserByName(ctx, strings.TrimSpace(q.User))
		if errors.Is(err, store.ErrNotFound) {
			return nil, Errorf(NotFound, "没有用户 %s", q.User)
		}
		if err != nil {
			return nil, wrap(Internal, err, "%v", err)
		}
		f.User = u.ID
	}
	es, err := newView(ctx, st).ListAudit(ctx, f)
	if err != nil {
		return nil, wrap(Internal, err, "读取审计日志：%v", err)
	}
	users, err := st.ListUsers(ctx)
	if err != nil {
		return nil, wrap(Internal, err, "%v", err)
	}
	names := map[int64]string{}
	for _, u := range users {
		names[u.ID] = u.Name
	}
	out := make([]AuditEntry, 0, len(es))
	for _, e := range es {
		x := AuditEntry{ID: e.ID, At: e.At, User: e.Actor, UserID: e.User, Address: e.Address, Action: e.Action,
			Report: e.Report, UnitID: e.Unit, Detail: e.Detail}
		if e.Unit != 0 {
			x.Unit = tree.FullName(e.Unit)
		}
		if e.Target != 0 {
			x.Target = names[e.Target]
		}
		out = append(out, x)
	}
	return out, nil
}

// auditReport records an operation of the user of ctx on a stored report
// that is not a write (an export).
func (a *App) auditReport(ctx context.Context, action string, id int64, detail string) error {
	st, err := a.open(ctx)
	if err != nil {
		return err
	}
	var unit int64
	if pls, err := st.Placements(ctx, []int64{id}); err == nil {
		unit = pls[id].Unit
	}
	return a.audit(ctx, st, store.AuditEntry{Action: action, Report: id, Unit: unit, Detail: detail})
}
