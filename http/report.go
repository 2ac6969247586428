package http

import (
	"net/http"
	"strconv"
	"strings"

	"zongjie/app"
	"zongjie/check"
)

// registerReportRoutes serves the report page and what it does: apply
// fixes, state the unit and period, compare and restore versions,
// download, delete (to the trash).
func (s *Server) registerReportRoutes() {
	s.handle("GET /reports/{id}", s.handleReportView)
	s.handle("POST /reports/{id}/fix", s.handleReportFix)
	s.handle("POST /reports/{id}/meta", s.handleReportMeta)
	s.handle("POST /reports/{id}/restore", s.handleReportRestore)
	s.handle("POST /reports/{id}/delete", s.handleReportDelete)
	s.handle("GET /reports/{id}/diff", s.handleReportDiff)
	s.handle("GET /reports/{id}/download/{kind}", s.handleReportDownload)
	s.handle("GET /reports/{id}/table/{kind}", s.handleReportTable)
}

// reportID reads the {id} of the path.
func reportID(r *http.Request) (int64, error) {
	v := r.PathValue("id")
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, app.Errorf(app.NotFound, "%q 不是报告编号", v)
	}
	return id, nil
}

// intParam reads an optional whole number (≥ 0) of a query or form
// value; empty gives def.
func intParam(v, what string, def int) (int, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, app.Errorf(app.Invalid, "%s %q 应为非负整数", what, v)
	}
	return n, nil
}

// categoryCount is a category of findings with how many a report has.
type categoryCount struct {
	Category string
	Name     string
	Count    int
}

// categories counts the findings of ds by category, in the order of
// their first finding.
func categories(ds []check.Diagnostic) []categoryCount {
	var out []categoryCount
	at := map[check.Category]int{}
	for _, d := range ds {
		i, ok := at[d.Category]
		if !ok {
			i = len(out)
			at[d.Category] = i
			out = append(out, categoryCount{Category: string(d.Category), Name: d.Category.Chinese()})
		}
		out[i].Count++
	}
	return out
}
