package app

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"zongjie/store"
)

// AuditQuery selects entries of the audit log; zero fields select all.
type AuditQuery struct {
	User   string // the user's name
	Action string // exact, or a prefix ending in "." (report.)
	Unit   string // a unit (name, full name or number): its entries and those of the units below it
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
		// A user the admin does not administer is not there, as for
		// the user pages (managed): the filter must not tell whether a
		// name exists in another unit.
		u, err := st.UserByName(ctx, strings.TrimSpace(q.User))
		if errors.Is(err, store.ErrNotFound) || err == nil && !administers(tree, userOf(ctx), u.Unit) {
			return nil, Errorf(NotFound, "没有用户 %s", q.User)
		}
		if err != nil {
			return nil, wrap(Internal, err, "%v", err)
		}
		f.User = u.ID
	}
	if q.Unit != "" {
		u, err := resolveUnit(tree, q.Unit)
		if err != nil {
			return nil, err
		}
		f.Scope = &store.Scope{Units: tree.Subtree(u.ID)}
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
			Report: e.Report, UnitID: e.Unit, Detail: detailWords(e.Action, e.Detail)}
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

// ActorText names who acted in an entry of the audit log: a user, or
// the local user (the command line).
func ActorText(name string) string {
	if name == "" {
		return "本机"
	}
	return name
}

// WriteAuditCSV writes entries of the audit log as CSV for Excel and WPS
// (zongjie audit --format csv, and the web app's export): UTF-8 with a
// byte-order mark, a header row in Chinese, and every cell of text
// formula-safe (CSVSafe).
func WriteAuditCSV(w io.Writer, es []AuditEntry) error {
	// A byte-order mark, so that Excel and WPS read UTF-8.
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"编号", "时间", "用户", "地址", "操作", "报告", "单位", "对象用户", "详情"})
	for _, x := range es {
		report := ""
		if x.Report != 0 {
			report = strconv.FormatInt(x.Report, 10)
		}
		cw.Write([]string{strconv.FormatInt(x.ID, 10), x.At.Local().Format("2006-01-02 15:04:05"), CSVSafe(ActorText(x.User)),
			CSVSafe(x.Address), CSVSafe(x.Action), report, CSVSafe(x.Unit), CSVSafe(x.Target), CSVSafe(x.Detail)})
	}
	cw.Flush()
	return cw.Error()
}

// CSVSafe keeps a spreadsheet from reading a cell as a formula: a value
// that begins with = + - @ (or a tab or carriage return) gets a leading
// apostrophe, as Excel does. User names, unit names and details are
// written by people, so every cell of text goes through it.
func CSVSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// RoleWords says a role as people read it: 起草人, 审阅人, 管理员; an
// unknown role as it is.
func RoleWords(r store.Role) string {
	switch r {
	case store.Drafter:
		return "起草人"
	case store.Reviewer:
		return "审阅人"
	case store.Admin:
		return "管理员"
	}
	return string(r)
}

// detailWords is the detail of an audit entry as people read it: the
// role that a user.add entry of an earlier version wrote as its code
// (张三，青禾街道，reviewer) in words (张三，青禾街道，审阅人).
func detailWords(action, detail string) string {
	if action != "user.add" {
		return detail
	}
	i := strings.LastIndex(detail, "，")
	if i < 0 {
		return detail
	}
	if r := store.Role(detail[i+len("，"):]); r.Valid() {
		return detail[:i+len("，")] + RoleWords(r)
	}
	return detail
}
