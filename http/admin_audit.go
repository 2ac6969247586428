package http

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"zongjie/app"
)

// registerAdminAuditRoutes serves 审计日志 (/admin/audit): the log,
// filtered and paged, and the same filters as CSV.
func (s *Server) registerAdminAuditRoutes() {
	s.handle("GET /admin/audit", s.handleAdminAudit)
	s.handle("GET /admin/audit.csv", s.handleAdminAuditCSV)
}

// auditPageSize is how many entries a page of the log shows.
const auditPageSize = 50

// auditPage is the data of admin_audit.html.
type auditPage struct {
	Form    auditForm
	Entries []app.AuditEntry
	Users   []app.Account
	Units   []unitOption
	Actions []actionGroup
	Next    string // the URL of the next (older) page; "" on the last
	First   string // the URL of the first page; "" on it
	CSV     string // the export's URL, with the filters
}

// auditForm is the filters as the form sends them.
type auditForm struct {
	User, Action, Unit, From, To, Report string
	Before                               int64
}

// actionGroup is a kind of action with its actions, for the select.
type actionGroup struct {
	Label   string
	Prefix  string // the whole kind: report.
	Actions []actionName
}

type actionName struct {
	Action string
	Name   string
}

// auditActions are the actions of the log (docs/accounts.md), by kind.
var auditActions = []actionGroup{
	{"报告", "report.", []actionName{{"report.add", "加入"}, {"report.revise", "修改（新版本）"}, {"report.revive", "从回收站重新加入"},
		{"report.delete", "删除"}, {"report.undelete", "恢复"}, {"report.purge", "永久清除"}, {"report.assign", "分配单位"}, {"report.export", "导出"}}},
	{"登录", "", []actionName{{"login", "登录"}, {"login.failed", "登录失败"}, {"logout", "退出"}}},
	{"用户", "user.", []actionName{{"user.add", "添加"}, {"user.passwd", "修改密码"}, {"user.disable", "停用"}, {"user.enable", "启用"}}},
	{"API 令牌", "token.", []actionName{{"token.add", "创建"}, {"token.revoke", "撤销"}}},
	{"单位", "unit.", []actionName{{"unit.add", "添加"}, {"unit.change", "修改"}}},
	{"数据库", "db.", []actionName{{"db.backup", "备份"}, {"db.restore", "还原"}}},
}

// actionWords names an action of the log in Chinese, as the select does
// (报告：导出); an action it does not know, by its code.
func actionWords(action string) string {
	for _, g := range auditActions {
		for _, a := range g.Actions {
			if a.Action == action {
				return g.Label + "：" + a.Name
			}
		}
	}
	return action
}

// auditQuery reads the filters of the query: user, action, unit, from
// and to (dates, both days included), report, and before (paging).
func auditQuery(q url.Values) (auditForm, app.AuditQuery, error) {
	f := auditForm{User: strings.TrimSpace(q.Get("user")), Action: strings.TrimSpace(q.Get("action")), Unit: strings.TrimSpace(q.Get("unit")),
		From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to")), Report: strings.TrimSpace(q.Get("report"))}
	aq := app.AuditQuery{User: f.User, Action: f.Action, Unit: f.Unit}
	var err error
	if f.From != "" {
		if aq.Since, err = time.ParseInLocation("2006-01-02", f.From, time.Local); err != nil {
			return f, aq, app.Errorf(app.Invalid, "起始日期 %q 应如 2025-03-01", f.From)
		}
	}
	if f.To != "" {
		to, err := time.ParseInLocation("2006-01-02", f.To, time.Local)
		if err != nil {
			return f, aq, app.Errorf(app.Invalid, "截止日期 %q 应如 2025-03-31", f.To)
		}
		aq.Until = to.AddDate(0, 0, 1) // the day itself included
	}
	if !aq.Since.IsZero() && !aq.Until.IsZero() && !aq.Since.Before(aq.Until) {
		return f, aq, app.Errorf(app.Invalid, "起始日期 %s 晚于截止日期 %s", f.From, f.To)
	}
	if f.Report != "" {
		if aq.Report, err = strconv.ParseInt(f.Report, 10, 64); err != nil || aq.Report <= 0 {
			return f, aq, app.Errorf(app.Invalid, "报告编号 %q 应为正整数", f.Report)
		}
	}
	if b := strings.TrimSpace(q.Get("before")); b != "" {
		if f.Before, err = strconv.ParseInt(b, 10, 64); err != nil || f.Before <= 0 {
			return f, aq, app.Errorf(app.Invalid, "翻页位置 %q 应为正整数", b)
		}
		aq.Before = f.Before
	}
	return f, aq, nil
}

// values are the filters as a query, without the page.
func (f auditForm) values() url.Values {
	v := url.Values{}
	for k, x := range map[string]string{"user": f.User, "action": f.Action, "unit": f.Unit, "from": f.From, "to": f.To, "report": f.Report} {
		if x != "" {
			v.Set(k, x)
		}
	}
	return v
}

// handleAdminAudit shows a page of the log, newest first.
func (s *Server) handleAdminAudit(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	f, q, err := auditQuery(r.URL.Query())
	if err != nil {
		return err
	}
	ctx := r.Context()
	q.Limit = auditPageSize + 1 // one more: is there a next page?
	es, err := s.app.AuditLog(ctx, q)
	if err != nil {
		return err
	}
	users, err := s.app.ListUsers(ctx)
	if err != nil {
		return err
	}
	tree, err := s.app.UnitTree(ctx)
	if err != nil {
		return err
	}
	p := auditPage{Form: f, Users: users, Units: unitOptions(tree), Actions: auditActions}
	v := f.values()
	p.CSV = "/admin/audit.csv"
	if len(v) > 0 {
		p.CSV += "?" + v.Encode()
	}
	if len(es) > auditPageSize {
		es = es[:auditPageSize]
		next := f.values()
		next.Set("before", strconv.FormatInt(es[len(es)-1].ID, 10))
		p.Next = "/admin/audit?" + next.Encode()
	}
	if f.Before != 0 {
		p.First = "/admin/audit"
		if len(v) > 0 {
			p.First += "?" + v.Encode()
		}
	}
	p.Entries = es
	return s.render(w, r, http.StatusOK, "admin_audit", p)
}

// handleAdminAuditCSV writes every entry the filters select as CSV, as
// zongjie audit --format csv does.
func (s *Server) handleAdminAuditCSV(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	_, q, err := auditQuery(r.URL.Query())
	if err != nil {
		return err
	}
	q.Before = 0
	es, err := s.app.AuditLog(r.Context(), q)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := app.WriteAuditCSV(&b, es); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="audit-`+time.Now().Format("20060102")+`.csv"`)
	_, err = b.WriteTo(w)
	return err
}
