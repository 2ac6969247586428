package http

import (
	"bytes"
	"os"
	"testing"

	"zongjie/app"
)

// BenchmarkAPICheck serves POST /api/v1/check in process with the report
// bench/api/run.sh sends (ZONGJIE_BENCH_REPORT, or the bundled example
// qinghe-2024.txt): the HTTP path's cost beside the check's, for
// -cpuprofile. bench/api/run.sh measures the server over TCP.
func BenchmarkAPICheck(b *testing.B) {
	data := []byte(nil)
	if p := os.Getenv("ZONGJIE_BENCH_REPORT"); p != "" {
		var err error
		if data, err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
	} else {
		for _, in := range app.Examples() {
			if bytes.HasSuffix([]byte(in.Name), []byte("qinghe-2024.txt")) {
				data = in.Data
			}
		}
	}
	b.Chdir(b.TempDir())
	configs := &app.Configs{}
	if err := configs.Pin(); err != nil {
		b.Fatal(err)
	}
	s, err := NewServer(app.New(app.Options{Config: configs}), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := newRequest("POST", "/api/v1/check?name=report.txt", bytes.NewReader(data))
		r.Header.Set("Content-Type", "text/plain; charset=utf-8")
		r.Header.Set(apiHeader, "1")
		w := serve(s, r)
		if w.Code != 200 {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}
