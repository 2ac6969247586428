package http

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"sync"

	"zongjie"
	"zongjie/app"
)

// lazyRows is the most rows a table of the report page has on the page
// itself. A longer one (a long report has thousands of figures) is left
// out of the page, which would otherwise be mostly table, and loaded
// when it comes into view: GET /reports/{id}/table/{kind}.
var lazyRows = 200

// lazyTable is a table of the report page that is loaded when scrolled
// to.
type lazyTable struct {
	URL  string // its fragment, and its page of its own
	Rows int
	What string // 数据, 目标
}

// tableNames name the tables of a report: GET /reports/{id}/table/{kind}.
var tableNames = map[string]string{"quantities": "数据", "targets": "目标"}

// newLazyTable returns the lazy table of kind with rows rows, or nil if
// it is short enough to be on the page.
func newLazyTable(rep *app.Report, kind string, rows int) *lazyTable {
	if rows <= lazyRows {
		return nil
	}
	return &lazyTable{
		URL:  "/reports/" + strconv.FormatInt(rep.ID, 10) + "/table/" + kind + "?v=" + strconv.Itoa(rep.Version),
		Rows: rows, What: tableNames[kind],
	}
}

// tablePage is the data of table.html.
type tablePage struct {
	Report *app.Report
	Kind   string // quantities, targets
	Name   string // 数据, 目标
	Rows   int
}

// handleReportTable serves a table of a version of a report (?v=, the
// current one by default): the figures or the targets, as the report
// page's script puts it into the page (a request with HX-Request: true,
// as htmx would send it), or as a page of its own.
func (s *Server) handleReportTable(w http.ResponseWriter, r *http.Request) error {
	id, err := reportID(r)
	if err != nil {
		return err
	}
	v, err := intParam(r.URL.Query().Get("v"), "版本", 0)
	if err != nil {
		return err
	}
	kind := r.PathValue("kind")
	name, ok := tableNames[kind]
	if !ok {
		return app.Errorf(app.NotFound, "没有这种表格：%q", kind)
	}
	rep, err := s.app.Report(r.Context(), id, v)
	if err != nil {
		return err
	}
	p := tablePage{Report: rep, Kind: kind, Name: name, Rows: len(rep.Extract.Quantities)}
	if kind == "targets" {
		p.Rows = len(rep.Extract.Targets)
	}
	if r.Header.Get("HX-Request") == "true" {
		return s.renderBlock(w, r, http.StatusOK, "table", "fragment", p)
	}
	return s.render(w, r, http.StatusOK, "table", p)
}

// tableCache keeps the report page's tables of figures and targets as
// written for an extraction: the app keeps the analysis of a version it
// showed (and so the same *zongjie.Report) for the next look, and the
// tables, which depend on the extraction alone, are written once for it
// instead of at each look (60 rows of 7 cells were the largest part of
// the page's writing). At most tableCacheMax entries, the oldest out
// first; an entry keeps its extraction from being collected, so a key is
// never another extraction's.
type tableCache struct {
	mu    sync.Mutex
	m     map[tableKey]template.HTML
	order []tableKey // oldest first
}

type tableKey struct {
	rep  *zongjie.Report
	name string // the template: quantities-table, targets-table
}

const tableCacheMax = 512

// table returns the table the template name (of the report page) writes
// for rep, written now or kept from before.
func (s *Server) table(name string, rep *app.Report) (template.HTML, error) {
	c := &s.tables
	k := tableKey{rep.Extract, name}
	c.mu.Lock()
	h, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return h, nil
	}
	var buf bytes.Buffer
	if err := s.pages.sets["report"].ExecuteTemplate(&buf, name, rep); err != nil {
		return "", fmt.Errorf("page report: %w", err)
	}
	h = template.HTML(buf.String())
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[tableKey]template.HTML{}
	}
	if _, ok := c.m[k]; !ok {
		c.m[k] = h
		c.order = append(c.order, k)
		if len(c.order) > tableCacheMax {
			delete(c.m, c.order[0])
			c.order = c.order[1:]
		}
	}
	return h, nil
}
