package http

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"zongjie/app"
)

// registerAdminTrashRoutes serves 回收站 (/admin/trash): the deleted
// reports, each brought back with a button.
func (s *Server) registerAdminTrashRoutes() {
	s.handle("GET /admin/trash", s.handleAdminTrash)
	s.handle("POST /admin/trash/{id}/undo", s.handleAdminTrashUndo)
}

// trashPage is the data of admin_trash.html.
type trashPage struct {
	Reports []trashRow
	Keep    int // days a report stays in the trash
	Done    string
	Undone  int64 // the report just brought back, to link it
}

// trashRow is a report in the trash.
type trashRow struct {
	app.TrashedReport
	DaysLeft int // whole days until it is purged, at least 0
}

// daysLeft returns the days from now until t, rounded up (a report
// purged in 2.5 days has 3 days left), at least 0.
func daysLeft(now, t time.Time) int {
	d := t.Sub(now)
	if d <= 0 {
		return 0
	}
	return int(math.Ceil(d.Hours() / 24))
}

// handleAdminTrash lists the trash.
func (s *Server) handleAdminTrash(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	tl, err := s.app.ListTrash(r.Context())
	if err != nil {
		return err
	}
	p := trashPage{Keep: int(app.TrashKeep.Hours() / 24)}
	now := time.Now()
	for _, t := range tl.Reports {
		p.Reports = append(p.Reports, trashRow{TrashedReport: t, DaysLeft: daysLeft(now, t.Purge)})
	}
	q := r.URL.Query()
	if id, err := strconv.ParseInt(q.Get("report"), 10, 64); err == nil && id > 0 {
		switch q.Get("done") {
		case "undone":
			p.Done, p.Undone = fmt.Sprintf("已恢复报告 %d，连同它的所有版本和单位。", id), id
		case "deleted":
			p.Done = fmt.Sprintf("已把报告 %d 移入回收站。", id)
		}
	}
	return s.render(w, r, http.StatusOK, "admin_trash", p)
}

// handleAdminTrashUndo brings a report back from the trash.
func (s *Server) handleAdminTrashUndo(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	id, err := reportID(r)
	if err != nil {
		return err
	}
	if err := s.app.Undelete(r.Context(), id); err != nil {
		return err
	}
	return adminRedirect(w, r, "/admin/trash", url.Values{"done": {"undone"}, "report": {strconv.FormatInt(id, 10)}})
}
