package http

import (
	"context"
	"os"
	"strconv"
	"testing"

	"zongjie/app"
)

// BenchmarkReportPage serves GET /reports/{id} in process for a stored
// report (ZONGJIE_BENCH_REPORT, such as the one bench/page/gen writes, or
// the bundled example qinghe-2024.txt): the server's part of the report
// page, for -cpuprofile. bench/page/run.sh measures the page in a
// browser.
func BenchmarkReportPage(b *testing.B) {
	name, data := "qinghe-2024.txt", []byte(nil)
	if p := os.Getenv("ZONGJIE_BENCH_REPORT"); p != "" {
		var err error
		if data, err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
		name = "report.txt"
	} else {
		for _, in := range app.Examples() {
			if len(in.Name) >= len(name) && in.Name[len(in.Name)-len(name):] == name {
				data = in.Data
			}
		}
	}
	b.Chdir(b.TempDir())
	s := newTestServer(b, nil, Options{})
	res, err := s.app.AddUploads(context.Background(), []app.Upload{{Name: name, Data: data}})
	if err != nil || res[0].Err != nil {
		b.Fatalf("add: %v %v", err, res[0].Err)
	}
	target := "/reports/" + strconv.FormatInt(res[0].Reports[0].ID, 10)
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
