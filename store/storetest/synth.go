package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"zongjie/store"
)

// clauses are the clauses of the test corpus, which synthetic reports are
// made of.
var clauses = func() []string {
	var out []string
	for _, c := range corpus {
		for _, p := range c.paras {
			out = append(out, strings.FieldsFunc(p.text, func(r rune) bool { return strings.ContainsRune("，。；：！、", r) })...)
		}
	}
	return out
}()

var units = []string{"青禾街道", "柳岸镇", "东湖区", "南山县", "北坡乡", "云川市", "**街道", "**镇", ""}

// Synthetic returns the n-th synthetic report, the same for the same n:
// about 10 KB of text in 60 paragraphs made of the corpus's clauses with
// other figures, and 400 fingerprints, a fifth of them drawn from 20,000
// that many reports share (as stock phrases are), the rest its own.
func Synthetic(n int) *store.Report {
	rng := rand.New(rand.NewPCG(uint64(n), 0x5eed))
	year := 2019 + n%6
	r := &store.Report{
		FileHash: fmt.Sprintf("%064x", uint64(n)*0x9e3779b97f4a7c15),
		Path:     fmt.Sprintf("synthetic/%06d.txt", n),
		Title:    fmt.Sprintf("第%d号%d年工作总结", n, year),
		Unit:     units[n%len(units)],
		Level:    []string{"street", "town", "district", "county", "city"}[n%5],
		Years:    []int{year, year + 1},
		Period:   "FY",
		Genre:    "summary+plan",
		Added:    time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Second),
		Data:     []byte(fmt.Sprintf(`{"n": %d, "title": "第%d号"}`, n, n)),
	}
	kinds := []string{"review", "review", "highlights", "problems", "plan", "plan", "other"}
	var text strings.Builder
	text.WriteString(r.Title + "\n")
	chars := utf8.RuneCountInString(text.String())
	for i := range 60 {
		var p strings.Builder
		for p.Len() < 165 {
			p.WriteString(clauses[rng.IntN(len(clauses))])
			if rng.IntN(3) == 0 {
				fmt.Fprintf(&p, "%d.%d%%", rng.IntN(100), rng.IntN(10))
			}
			p.WriteString("，")
		}
		p.WriteString("全面完成年度任务。")
		pt := p.String()
		r.Paragraphs = append(r.Paragraphs, store.Paragraph{Offset: chars, Text: pt, Kind: kinds[i*len(kinds)/60]})
		text.WriteString(pt + "\n")
		chars += utf8.RuneCountInString(pt) + 1
	}
	r.Text = text.String()
	r.Chars = chars
	r.Fingerprints = make([]uint64, 400)
	for i := range r.Fingerprints {
		if i%5 == 0 {
			r.Fingerprints[i] = commonHash(rng.IntN(20000))
		} else {
			r.Fingerprints[i] = rng.Uint64()
		}
	}
	return r
}

// commonHash returns the i-th of the fingerprints many synthetic reports
// share.
func commonHash(i int) uint64 {
	return uint64(i+1) * 0xbf58476d1ce4e5b9
}

// EnvInt returns the integer in the environment variable name, or def.
func EnvInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// Putter stores a batch of reports: a store's Put one at a time, or its
// own batch method.
type Putter func(ctx context.Context, rs []*store.Report) error

// BenchmarkPut measures storing synthetic reports in batches of batch;
// b.N counts reports. It reports reports/s and MB/s of text.
func BenchmarkPut(b *testing.B, s store.Store, put Putter, batch int) {
	ctx := context.Background()
	// Make the reports first: they are not what is measured.
	rs := make([]*store.Report, b.N)
	var bytes int64
	for i := range rs {
		rs[i] = Synthetic(i)
		bytes += int64(len(rs[i].Text))
	}
	b.SetBytes(bytes / int64(b.N))
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < len(rs); i += batch {
		if err := put(ctx, rs[i:min(i+batch, len(rs))]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "reports/s")
}

// Fill stores the synthetic reports from..to-1 in batches of batch, with
// workers goroutines, and logs the rate.
func Fill(tb testing.TB, put Putter, from, to, batch, workers int) {
	ctx := context.Background()
	start := time.Now()
	next := make(chan int)
	errs := make(chan error, workers)
	for range workers {
		go func() {
			for i := range next {
				rs := make([]*store.Report, 0, batch)
				for j := i; j < min(i+batch, to); j++ {
					rs = append(rs, Synthetic(j))
				}
				if err := put(ctx, rs); err != nil {
					errs <- err
					for range next {
					}
					return
				}
			}
			errs <- nil
		}()
	}
	last := time.Now()
	for i := from; i < to; i += batch {
		next <- i
		if time.Since(last) > 10*time.Second {
			last = time.Now()
			tb.Logf("%d reports, %.0f/s", i-from, float64(i-from)/time.Since(start).Seconds())
		}
	}
	close(next)
	for range workers {
		if err := <-errs; err != nil {
			tb.Fatal(err)
		}
	}
	d := time.Since(start)
	tb.Logf("stored %d reports in %v: %.0f reports/s", to-from, d.Round(time.Millisecond), float64(to-from)/d.Seconds())
}

// BenchmarkPostings measures Postings of 500 hashes, as a similarity query
// of a new report asks: ZONGJIE_BENCH_COMMON of them (default 100) are
// among the 20,000 that many synthetic reports share (each is held by one
// report in 250), the rest are held by none. s must hold synthetic
// reports. It reports the median and 90th percentile latency and the
// number of postings found.
func BenchmarkPostings(b *testing.B, s store.Store) {
	ctx := context.Background()
	common := 100
	if n, err := strconv.Atoi(os.Getenv("ZONGJIE_BENCH_COMMON")); err == nil && 0 <= n && n <= 500 {
		common = n
	}
	queries := make([][]uint64, 16)
	for i := range queries {
		rng := rand.New(rand.NewPCG(uint64(i), 0x9e7))
		q := make([]uint64, 0, 500)
		for j := range common {
			q = append(q, commonHash((j*97+i*13)%20000))
		}
		for len(q) < 500 {
			q = append(q, rng.Uint64())
		}
		queries[i] = q
	}
	var lat []time.Duration
	found := 0
	for i := 0; b.Loop(); i++ {
		t := time.Now()
		ps, err := s.Postings(ctx, queries[i%len(queries)])
		if err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t))
		for _, p := range ps {
			found += len(p)
		}
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*9/10].Microseconds())/1000, "p90-ms")
	b.ReportMetric(float64(found)/float64(len(lat)), "postings/op")
}

// BenchmarkSearch measures Search on a store of synthetic reports for
// phrases that many, some and few paragraphs hold, with and without a
// filter, and reports the median latency of each.
func BenchmarkSearch(b *testing.B, s store.Store) {
	ctx := context.Background()
	for _, q := range []store.Query{
		{Text: "增长"},
		{Text: "增长", Filter: store.Filter{Unit: "东湖区"}, Kind: "plan"},
		{Text: "招商引资"},
		{Text: "乡村振兴扎实推进"},
		{Text: "萤火虫"},
	} {
		name := q.Text
		if q.Filter.Unit != "" {
			name += "+filter"
		}
		b.Run(name, func(b *testing.B) {
			var lat []time.Duration
			for b.Loop() {
				t := time.Now()
				if _, err := s.Search(ctx, q); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(t))
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
		})
	}
}
