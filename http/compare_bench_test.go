package http

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"zongjie/app"
)

// BenchmarkComparePage serves GET /compare?a=&b= in process for two
// stored reports of one template whose figures all differ, as
// bench/load's reports are: the server's part of the compare page, for
// -cpuprofile (each passage's edits are most of it).
func BenchmarkComparePage(b *testing.B) {
	b.Chdir(b.TempDir())
	s := newTestServer(b, nil, Options{})
	var ins []app.Upload
	for i := range 2 {
		ins = append(ins, app.Upload{Name: fmt.Sprintf("r%d.txt", i), Data: []byte(templateReport(i))})
	}
	res, err := s.app.AddUploads(context.Background(), ins)
	if err != nil || res[0].Err != nil || res[1].Err != nil {
		b.Fatalf("add: %v %v", err, res)
	}
	target := "/compare?a=" + strconv.FormatInt(res[0].Reports[0].ID, 10) + "&b=" + strconv.FormatInt(res[1].Reports[0].ID, 10)
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

// templateReport is a report of a street's year written to one template,
// its figures drawn from seed, as bench/load writes them.
func templateReport(seed int) string {
	rng := rand.New(rand.NewPCG(uint64(seed), 7))
	works := []string{"推进垃圾分类", "改造老旧小区", "建设智慧社区", "开展安全生产检查", "提升营商环境", "发展乡村旅游"}
	var b strings.Builder
	year := 2022 + seed
	fmt.Fprintf(&b, "青禾街道%d年工作总结\n%d年，青禾街道在区委、区政府的坚强领导下，坚持稳中求进工作总基调，各项工作取得新成效。\n一、主要工作\n", year, year)
	for k := range 11 {
		w := works[rng.IntN(len(works))]
		fmt.Fprintf(&b, "（%d）%s。全年完成投资%d.%d亿元，同比增长%d.%d%%；新增就业%d人，服务群众%d人次，整改问题%d个。%s工作取得实效，群众满意度达到%d%%。\n",
			k+1, w, 1+rng.IntN(20), rng.IntN(10), rng.IntN(15), rng.IntN(10), 50+rng.IntN(900), 1000+rng.IntN(90000), 3+rng.IntN(60), w, 85+rng.IntN(15))
	}
	fmt.Fprintf(&b, "二、存在的问题\n一是%s力度不够；二是%s的基础还不牢固；三是干部队伍能力有待提升。\n三、%d年工作计划\n", works[0], works[1], year+1)
	for k := range 4 {
		fmt.Fprintf(&b, "%d.力争%s取得新突破，完成投资%d亿元，新增就业%d人以上。\n", k+1, works[rng.IntN(len(works))], 2+rng.IntN(30), 100+rng.IntN(900))
	}
	return b.String()
}
