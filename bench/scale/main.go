// Command scale measures zongjie's corpus at scale on a synthetic corpus
// made by bench/gen: how fast `add` stores it, how long `similar` takes,
// how much memory both need, and how well the passages found match the
// generator's truth.
//
//	go run ./bench/gen -n 10000 -out /tmp/zj10k
//	go run ./bench/scale -dir /tmp/zj10k -db /tmp/zj10k.db
//	go run ./bench/scale -dir /tmp/zj10k -db postgres://postgres@127.0.0.1:5432/zj10k
//
// It prints one block of figures; bench/scale.sh runs it for the sizes
// and stores in the README.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"zongjie/corpus"
	"zongjie/internal/gen"
	"zongjie/reader"
	"zongjie/reuse"
	"zongjie/store"
	"zongjie/store/postgres"
	"zongjie/store/sqlite"
)

func main() {
	dir := flag.String("dir", "", "a corpus written by bench/gen")
	db := flag.String("db", "", "the store: an SQLite file (removed first) or a postgres:// URL (emptied first)")
	queries := flag.Int("queries", 200, "similar queries to time and score")
	noCheck := flag.Bool("no-check", false, "add without checking")
	skipAdd := flag.Bool("skip-add", false, "use the store as it is")
	top := flag.Int("top", 10, "similar: reports listed per query")
	workers := flag.Int("workers", 0, "add: files read and analysed in parallel (0: one per processor)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	if *dir == "" || *db == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(context.Background(), *dir, *db, *queries, *top, *workers, !*noCheck, *skipAdd); err != nil {
		fmt.Fprintln(os.Stderr, "scale:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func run(ctx context.Context, dir, db string, queries, top, workers int, check, skipAdd bool) error {
	infos, err := readInfos(filepath.Join(dir, "reports.jsonl"))
	if err != nil {
		return err
	}
	pg := strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
	if !skipAdd && !pg {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(db + suffix)
		}
	}
	st, err := openStore(ctx, db, pg)
	if err != nil {
		return err
	}
	defer st.Close()
	if !skipAdd {
		if n, _ := st.Count(ctx); n > 0 {
			return fmt.Errorf("%s holds %d reports: empty it first", db, n)
		}
		var paths []string
		for _, in := range infos {
			paths = append(paths, filepath.Join(dir, in.Path))
		}
		// The rate of each tenth of the files, to show whether adding
		// slows down as the store grows.
		start, last, lastDone := time.Now(), time.Now(), 0
		progress := func(p corpus.Progress) {
			if p.Done*10/p.Total == lastDone*10/p.Total && p.Done != p.Total {
				return
			}
			now := time.Now()
			fmt.Printf("add: %d files at %.1f s, %.0f files/s since %d\n",
				p.Done, now.Sub(start).Seconds(), float64(p.Done-lastDone)/now.Sub(last).Seconds(), lastDone)
			last, lastDone = now, p.Done
		}
		stats, err := corpus.Add(ctx, st, paths, corpus.AddOptions{Options: corpus.Options{Check: check}, Workers: workers, Progress: progress})
		if err != nil {
			return err
		}
		sec := stats.Elapsed.Seconds()
		if workers <= 0 {
			workers = runtime.GOMAXPROCS(0)
		}
		fmt.Printf("add: %d reports, %.1f MB in %.1f s: %.1f reports/s, %.2f MB/s (check %v, %d workers)\n",
			stats.Added, float64(stats.Bytes)/1e6, sec, float64(stats.Added)/sec, float64(stats.Bytes)/1e6/sec, check, workers)
		fmt.Printf("add: peak memory %s\n", peakRSS())
	}
	if fi, err := os.Stat(db); err == nil {
		fmt.Printf("store: %.0f MB on disk\n", float64(fi.Size())/1e6)
	}

	list, err := st.List(ctx, store.Filter{})
	if err != nil {
		return err
	}
	byPath := map[string]int64{}
	for _, s := range list {
		byPath[filepath.Base(s.Path)] = s.ID
	}
	idOf := map[int64]string{}    // stored ID → generated ID
	pathOf := map[string]string{} // generated ID → file
	for _, in := range infos {
		idOf[byPath[filepath.Base(in.Path)]] = in.ID
		pathOf[in.ID] = in.Path
	}
	rng := rand.New(rand.NewPCG(7, 11))
	sample := make([]gen.ReportInfo, 0, queries)
	for _, k := range rng.Perm(len(infos))[:min(queries, len(infos))] {
		sample = append(sample, infos[k])
	}
	texts := map[string]string{} // generated ID → text, as written
	text := func(id string) (string, error) {
		if t, ok := texts[id]; ok {
			return t, nil
		}
		path, ok := pathOf[id]
		if !ok {
			return "", fmt.Errorf("no report %s", id)
		}
		f, err := reader.ReadFile(filepath.Join(dir, path))
		if err != nil {
			return "", err
		}
		texts[id] = f.Text
		return f.Text, nil
	}
	truthAll, err := gen.ReadPassagesFile(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		return err
	}
	inSample := map[string]bool{}
	for _, q := range sample {
		inSample[q.ID] = true
	}
	// The true partners of each sampled report: the reports it shares a
	// passage with.
	partners := map[string]map[string]bool{}
	for _, p := range truthAll {
		for _, pair := range [][2]string{{p.A, p.B}, {p.B, p.A}} {
			if inSample[pair[0]] {
				if partners[pair[0]] == nil {
					partners[pair[0]] = map[string]bool{}
				}
				partners[pair[0]][pair[1]] = true
			}
		}
	}

	// Retrieval: similar's latency, and whether it lists the partners.
	var lat []time.Duration
	relevant, trueListed, reported := 0, 0, 0
	for _, q := range sample {
		qt, err := text(q.ID)
		if err != nil {
			return err
		}
		start := time.Now()
		ms, err := corpus.Similar(ctx, st, corpus.Query{Text: qt, Exclude: byPath[filepath.Base(q.Path)]}, top)
		if err != nil {
			return err
		}
		lat = append(lat, time.Since(start))
		relevant += min(len(partners[q.ID]), top)
		for _, m := range ms {
			if max(m.Query.ReuseOwn, m.Other.ReuseOwn) < 0.02 {
				continue // chance: stock phrases the store does not know yet
			}
			reported++
			if partners[q.ID][idOf[m.Report.ID]] {
				trueListed++
			}
		}
	}
	slices.Sort(lat)
	fmt.Printf("similar: %d queries (top %d), p50 %v, p90 %v, max %v\n", len(lat), top, lat[len(lat)/2].Round(time.Millisecond/10),
		lat[len(lat)*9/10].Round(time.Millisecond/10), lat[len(lat)-1].Round(time.Millisecond/10))
	fmt.Printf("similar: peak memory %s (VmHWM, SQLite's memory-mapped pages included)\n", peakRSS())
	fmt.Printf("similar: %d of the listed reports share ≥ 2%% beyond stock phrases; %.1f%% of them are true partners; they are %.1f%% of the true partners that fit in the top %d\n",
		reported, 100*float64(trueListed)/float64(max(reported, 1)), 100*float64(trueListed)/float64(max(relevant, 1)), top)

	// Alignment: every true pair of a sampled report, compared directly.
	var truth, found []gen.Passage
	pairs := map[[2]string]bool{}
	for _, p := range truthAll {
		if !inSample[p.A] && !inSample[p.B] {
			continue
		}
		truth = append(truth, p)
		pairs[[2]string{p.A, p.B}] = true
	}
	for pair := range pairs {
		at, err := text(pair[0])
		if err != nil {
			return err
		}
		bt, err := text(pair[1])
		if err != nil {
			return err
		}
		res := reuse.Compare(reuse.Normalize(at), reuse.Normalize(bt), reuse.StockPhrases())
		for _, p := range res.Passages {
			if !p.Boilerplate {
				found = append(found, gen.Passage{A: pair[0], B: pair[1], AOffset: p.AOffset, ALength: p.ALength, BOffset: p.BOffset, BLength: p.BLength})
			}
		}
	}
	s := gen.Score(truth, found)
	fmt.Printf("passages (%d true pairs): precision %.3f, recall %.3f, granularity %.3f, plagdet %.3f (%d true, %d found, %d detected)\n",
		len(pairs), s.Precision, s.Recall, s.Granularity, s.PlagDet, s.TruthPassages, s.FoundPassages, s.Detected)
	fmt.Printf("passages: ends within %d characters %.1f%%, exact %.1f%%, median distance %d\n",
		gen.BoundarySlack, 100*s.Boundary.Within, 100*s.Boundary.Exact, s.Boundary.Median)
	for _, k := range []string{gen.KindYearOnYear, gen.KindTemplate, gen.KindSplice} {
		if ks, ok := s.Kinds[k]; ok {
			fmt.Printf("passages: %s recall %.3f (%d of %d passages detected)\n", k, ks.Recall, ks.Detected, ks.Passages)
		}
	}
	return nil
}

func readInfos(path string) ([]gen.ReportInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []gen.ReportInfo
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var in gen.ReportInfo
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, in)
	}
	return out, sc.Err()
}

// peakRSS returns the process's peak resident memory (VmHWM).
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:"))
		}
	}
	return "unknown"
}

// openStore opens the store under test: PostgreSQL for a postgres:// URL,
// else the SQLite file at db.
func openStore(ctx context.Context, db string, pg bool) (store.Store, error) {
	if pg {
		return postgres.Open(ctx, db)
	}
	return sqlite.Open(db)
}
