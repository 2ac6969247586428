package http

import (
	"context"
	"net/url"
	"os"
	"testing"

	"zongjie/app"
)

// BenchmarkSearchPage serves GET /search?q=工作 in process over the
// bundled examples (ZONGJIE_BENCH_QUERY for another phrase): the server's
// part of the search page, the store's search cache warm, for
// -cpuprofile or callgrind.
func BenchmarkSearchPage(b *testing.B) {
	q := "工作"
	if v := os.Getenv("ZONGJIE_BENCH_QUERY"); v != "" {
		q = v
	}
	b.Chdir(b.TempDir())
	s := newTestServer(b, nil, Options{})
	var ups []app.Upload
	for _, in := range app.Examples() {
		ups = append(ups, app.Upload{Name: in.Name, Data: in.Data})
	}
	if _, err := s.app.AddUploads(context.Background(), ups); err != nil {
		b.Fatal(err)
	}
	target := "/search?q=" + url.QueryEscape(q)
	b.ReportAllocs()
	size := 0
	for b.Loop() {
		w := serve(s, newRequest("GET", target, nil))
		if w.Code != 200 {
			b.Fatalf("status %d: %.300s", w.Code, w.Body)
		}
		size = w.Body.Len()
	}
	b.ReportMetric(float64(size), "page-bytes")
}
