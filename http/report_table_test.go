package http

import (
	"strings"
	"testing"
)

// Ensure a report page holds its tables while they are short, and leaves
// a longer one to be loaded (a link to it, its rows not on the page);
// the table route answers with the table alone for the page's script and
// as a page of its own for the link, and refuses what is not there.
func TestReportTable(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	id := itoa64(addReport(t, s, "qinghe-2024h1.txt", exampleData(t, "qinghe-2024h1.txt")))
	page := c.get("/reports/" + id)
	wantStatus(t, "short", page, 200, `<table class="sortable">`, "<td>一般公共预算收入</td>")
	if strings.Contains(page.Body.String(), `class="lazy-table"`) {
		t.Error("a short table is left to load")
	}
	// The tables are written once for the version's extraction, which
	// the app keeps: the second look writes none, and shows the same.
	if n := len(s.tables.m); n != 2 {
		t.Errorf("%d tables kept after a look, want 2 (figures and targets)", n)
	}
	if again := c.get("/reports/" + id); len(s.tables.m) != 2 || again.Body.String() != page.Body.String() {
		t.Errorf("the second look: %d tables kept (want 2), the same page %v", len(s.tables.m), again.Body.String() == page.Body.String())
	}

	defer func(n int) { lazyRows = n }(lazyRows)
	lazyRows = 5 // the example has more figures and targets than that
	page = c.get("/reports/" + id)
	wantStatus(t, "long", page, 200, `<div class="lazy-table" data-src="/reports/`+id+`/table/quantities?v=1">`,
		`<div class="lazy-table" data-src="/reports/`+id+`/table/targets?v=1">`, `<a href="/reports/`+id+`/table/quantities?v=1">显示全部`)
	if body := page.Body.String(); strings.Contains(body, "<td>一般公共预算收入</td>") || strings.Contains(body, `<table class="sortable">`) {
		t.Error("a long table is on the page")
	}

	r := newRequest("GET", "/reports/"+id+"/table/quantities?v=1", nil)
	r.Header.Set("HX-Request", "true")
	frag := c.do(r)
	wantStatus(t, "fragment", frag, 200, `<table class="sortable">`, "<td>一般公共预算收入</td>")
	if strings.Contains(frag.Body.String(), "<html") {
		t.Error("the fragment is a whole page")
	}
	wantStatus(t, "page", c.get("/reports/"+id+"/table/quantities"), 200, "<html", `<table class="sortable">`,
		"<td>一般公共预算收入</td>", `href="/reports/`+id+`?v=1"`, "quantities.csv")
	wantStatus(t, "targets", c.get("/reports/"+id+"/table/targets"), 200, "<th scope=\"col\"><button type=\"button\">期限</button></th>")
	wantStatus(t, "no such table", c.get("/reports/"+id+"/table/x"), 404, "没有这种表格")
	wantStatus(t, "no such version", c.get("/reports/"+id+"/table/targets?v=7"), 404, "没有第 7 版")
	wantStatus(t, "bad version", c.get("/reports/"+id+"/table/targets?v=x"), 400, "版本")
	wantStatus(t, "no such report", c.get("/reports/998/table/targets"), 404, "报告 998 不存在")
}

// Ensure the report page loads its own script and not htmx, which it
// does without; other pages keep htmx.
func TestReportPageScripts(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	c := newClient(t, s)
	id := itoa64(addReport(t, s, "qinghe-2024h1.txt", exampleData(t, "qinghe-2024h1.txt")))
	body := c.get("/reports/" + id).Body.String()
	if !strings.Contains(body, "js/report.js") || strings.Contains(body, "htmx.min.js") {
		t.Error("the report page should load report.js and not htmx")
	}
	if !strings.Contains(c.get("/upload").Body.String(), "htmx.min.js") {
		t.Error("the upload page lost htmx")
	}
}
