//go:build unix

package http

import (
	"fmt"
	"net/url"
	"strconv"
	"syscall"
	"testing"
	"time"

	"zongjie/store/storetest"
)

// processCPU returns the CPU time the process has used (user and system).
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkGrowth serves bench/load's reads over stores of N reports of
// one template (loadStore: 300, and ZONGJIE_BENCH_GROW, default 3,000):
// what a request costs should not grow with the store, but for what a
// page shows of it (the desk lists every report, a search ranks the
// paragraphs holding its phrase, up to norm.SearchScan). Each kind's
// requests go over the stored reports in turn, as the mix's do.
func BenchmarkGrowth(b *testing.B) {
	for _, n := range []int{300, storetest.EnvInt("ZONGJIE_BENCH_GROW", 3000)} {
		s, ids := loadStore(b, n)
		id := func(k int) string { return strconv.FormatInt(ids[(k*7919)%len(ids)], 10) }
		words := []string{"垃圾分类", "老旧小区", "营商环境", "就业"}
		kinds := []struct {
			name   string
			target func(k int) string
		}{
			{"compare page", func(k int) string { return "/compare?a=" + id(k) + "&b=" + id(k+1) }},
			{"similar API", func(k int) string { return "/api/v1/reports/" + id(k) + "/similar" }},
			{"report page", func(k int) string { return "/reports/" + id(k) }},
			{"search page", func(k int) string { return "/search?q=" + url.QueryEscape(words[k%len(words)]) }},
			{"search API", func(k int) string { return "/api/v1/search?q=" + url.QueryEscape(words[k%len(words)]) }},
			{"desk", func(int) string { return "/" }},
		}
		for _, kind := range kinds {
			b.Run(fmt.Sprintf("%s/reports=%d", kind.name, n), func(b *testing.B) {
				b.ReportAllocs()
				k := 0
				cpu0 := processCPU()
				for b.Loop() {
					w := serve(s, newRequest("GET", kind.target(k), nil))
					if w.Code != 200 {
						b.Fatalf("%s: status %d: %.300s", kind.target(k), w.Code, w.Body)
					}
					k++
				}
				// The process's CPU time, not the wall clock's: on a
				// shared machine the figure that holds.
				b.ReportMetric(float64(processCPU()-cpu0)/float64(time.Millisecond)/float64(k), "cpu-ms/op")
			})
		}
	}
}
