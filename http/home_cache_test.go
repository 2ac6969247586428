package http

import (
	"context"
	"regexp"
	"strconv"
	"testing"

	"zongjie/app"
)

// Ensure the desk's entries kept as written (deskEntries) make the page a
// fresh writing makes, byte for byte, after every kind of change: reports
// added, a fix, a metadata edit (the unit and the period), the trash and
// a restore from it, a deletion; under each filter and order.
func TestDeskEntriesCached(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t, nil, Options{})
	ids := addExamples(t, s)
	id := func(name string) int64 {
		n, err := strconv.ParseInt(ids[name], 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	queries := []string{"/", "/?sort=returns", "/?sort=reuse&placeholders=1", "/?level=street", "/?returns=1", "/?period=2024"}
	same := func(step string) {
		t.Helper()
		for _, q := range queries {
			serve(s, newRequest("GET", q, nil)) // the entries kept
			kept := csrfMeta.ReplaceAllString(serve(s, newRequest("GET", q, nil)).Body.String(), "")
			s.deskEntries = deskEntries{}
			fresh := csrfMeta.ReplaceAllString(serve(s, newRequest("GET", q, nil)).Body.String(), "")
			if kept != fresh {
				t.Errorf("%s: %s: the page from the kept entries differs from a fresh one:\n%s\nwant\n%s", step, q, kept, fresh)
			}
		}
	}
	same("added")
	if _, err := s.app.ApplyFix(ctx, id("qinghe-2024.txt"), app.FixChoice{All: true}); err != nil {
		t.Fatal(err)
	}
	same("fixed")
	if _, err := s.app.SetMeta(ctx, id("shiqiao-2024.txt"), "青禾街道", "2023"); err != nil {
		t.Fatal(err)
	}
	same("unit and period edited")
	if err := s.app.Remove(ctx, id("qinghe-2024h1.txt")); err != nil {
		t.Fatal(err)
	}
	same("trashed")
	if err := s.app.Undelete(ctx, id("qinghe-2024h1.txt")); err != nil {
		t.Fatal(err)
	}
	same("restored")
	addReport(t, s, "more.txt", []byte("柳塘镇2024年工作总结\n一、主要工作\n全镇粮食播种面积稳定在八万亩，完成高标准农田建设xx亩。\n二、下一步打算\n继续抓好粮食生产。\n"))
	same("added again")
}

// csrfMeta is the page's CSRF token, new on each page.
var csrfMeta = regexp.MustCompile(`<meta name="csrf-token" content="[^"]*">`)
