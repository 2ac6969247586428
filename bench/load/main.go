// Command load drives a `zongjie serve` with mixed traffic and reports
// throughput, latency and the server's memory and CPU:
//
//	go run ./bench/load [-db FILE|postgres://…] [-duration 60s] [-rate 500] [-reports 300] [-workers 256] [-only KIND,…] [-profile FILE] [-heap DIR] [-servers N] [-bin FILE]
//
// It builds zongjie, writes -reports synthetic reports (units of a
// district over five years, figures and headings, 2–4 KB each) and adds
// them to the database with `zongjie add` (an empty database: a new
// temporary SQLite file by default; a postgres:// URL must name an empty
// database), starts `zongjie serve` on it, and sends requests at -rate a
// second for -duration (an open loop: a request starts on schedule
// whether or not the ones before have answered, up to -workers in
// flight; when that many wait, the next waits too, so a server slower
// than the rate gets as many as it answers), in this mix:
//
//	60% view and search: the report page 25%, the desk 5%, a report by
//	    the API 10%, the search page 10%, the search API 10%
//	25% check: POST /api/v1/check of a report (JSON)
//	10% compare and similar: the compare page of two stored reports 5%,
//	    the similar API 5%
//	 5% upload: POST /api/v1/reports of a new report (JSON)
//
// Every answer must be 2xx (the page's HTML or the API's JSON); anything
// else, or no answer in 30 s, is an error. It samples the server's
// resident memory (VmRSS) and CPU time from /proc every second and
// prints, per kind and in all: requests, errors, p50, p99; then the
// throughput, the server's CPU per request, its memory over the run (and
// every 10 s, to tell growth from a plateau in a longer run) and the load
// average before and after. Requests are sent as users of the
// district's units by API token, each request's user at random: a
// drafter of each street or town (their unit's reports) and a reviewer
// of the district (all); -local sends them as the local user of a
// database without accounts. -profile FILE starts the server with
// --debug-addr, takes a CPU profile of it over the measured run and
// prints where its time went by route (in a run longer than a minute,
// also the CPU a request of each kind in each minute: what grows with the
// store). The server's memory is printed
// as resident (anonymous and file-backed: the database's pages mapped in)
// and, with -profile or -heap, the Go heap in use; -heap DIR also writes
// a heap profile of the server at each whole minute of the run.
// -servers N starts N servers on one PostgreSQL database and sends each
// request to one of them at random (the CPU printed is of them all);
// -bin runs a given binary instead of building one (an older one, to
// compare old and new back to back).
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

var (
	dbFlag   = flag.String("db", "", "database: an SQLite file (default: a new temporary one) or an empty PostgreSQL database (postgres://…)")
	duration = flag.Duration("duration", 60*time.Second, "how long to send")
	rate     = flag.Float64("rate", 500, "requests a second to start")
	reports  = flag.Int("reports", 300, "reports stored before the run")
	workers  = flag.Int("workers", 256, "requests in flight at most")
	warmup   = flag.Duration("warmup", 5*time.Second, "traffic before the measured run")
	only     = flag.String("only", "", "send only these kinds (comma-separated names of the mix), in their shares")
	local    = flag.Bool("local", false, "send as the local user (no accounts) instead of the units' users")
	profile  = flag.String("profile", "", "write a CPU profile of the server over the measured run to this file, its samples labelled by route, and print the routes' shares (a run longer than a minute: one profile a minute, FILE.1m …, merged into FILE, and the CPU a request of each kind in each minute)")
	servers  = flag.Int("servers", 1, "server processes on the one database (PostgreSQL), each request sent to one of them at random; the CPU is of them all, the memory and profiles of the first")
	binFlag  = flag.String("bin", "", "a zongjie binary to run instead of building ./cmd/zongjie (an older one, to compare)")
	heap     = flag.String("heap", "", "write a heap profile of the server at each whole minute of the measured run into this directory (heap-1m.pb.gz …) and print the Go heap in use beside the resident memory")
)

func run() error {
	flag.Parse()
	work, err := os.MkdirTemp("", "zongjie-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	bin := filepath.Join(work, "zongjie")
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = "/usr/local/go/bin/go"
	}
	if *binFlag != "" {
		if bin, err = filepath.Abs(*binFlag); err != nil {
			return err
		}
	} else if out, err := exec.Command(goTool, "build", "-o", bin, "./cmd/zongjie").CombinedOutput(); err != nil {
		return fmt.Errorf("go build (run from the module's root): %v\n%s", err, out)
	}
	db := *dbFlag
	if db == "" {
		db = filepath.Join(work, "load.db")
	}
	if *servers < 1 || *servers > 1 && kind(db) != "PostgreSQL" {
		return fmt.Errorf("-servers %d: one, or several on a PostgreSQL database", *servers)
	}
	dir := filepath.Join(work, "reports")
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	for i := range *reports {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%04d.txt", i)), []byte(reportText(i, 0)), 0o644); err != nil {
			return err
		}
	}
	start := time.Now()
	add := exec.Command(bin, "add", "--db", db, dir)
	add.Dir = work
	if out, err := add.CombinedOutput(); err != nil {
		return fmt.Errorf("zongjie add: %v\n%s", err, out)
	}
	fmt.Printf("stored %d reports in %.1f s\n", *reports, time.Since(start).Seconds())
	var tokens []string
	if !*local {
		if tokens, err = makeUsers(bin, work, db); err != nil {
			return err
		}
	}

	args := []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}
	debugAddr := ""
	if *profile != "" || *heap != "" {
		if debugAddr, err = freeAddr(); err != nil {
			return err
		}
		args = append(args, "--debug-addr", debugAddr)
	}
	srv := exec.Command(bin, args...)
	srv.Dir = work
	stdout, err := srv.StdoutPipe()
	if err != nil {
		return err
	}
	if err := srv.Start(); err != nil {
		return err
	}
	defer func() {
		srv.Process.Signal(os.Interrupt)
		srv.Wait()
	}()
	base, err := serverURL(stdout)
	if err != nil {
		return err
	}
	bases := []string{base}
	var others []*sampler // the CPU of the other servers
	for range *servers - 1 {
		other := exec.Command(bin, "serve", "--db", db, "--addr", "127.0.0.1:0")
		other.Dir = work
		out, err := other.StdoutPipe()
		if err != nil {
			return err
		}
		if err := other.Start(); err != nil {
			return err
		}
		defer func() {
			other.Process.Signal(os.Interrupt)
			other.Wait()
		}()
		u, err := serverURL(out)
		if err != nil {
			return err
		}
		bases = append(bases, u)
		others = append(others, &sampler{pid: other.Process.Pid, clkTick: 100})
	}
	l := &loader{bases: bases, hc: &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: *workers, MaxConnsPerHost: *workers, ReadBufferSize: 64 << 10, WriteBufferSize: 16 << 10},
	}}
	if len(tokens) == 0 {
		tokens = []string{""} // the local user
	}
	for i, tok := range tokens {
		ids, err := storedIDs(base, tok)
		if err != nil {
			return err
		}
		l.users = append(l.users, loadUser{token: tok, unit: i % len(units), ids: ids})
	}
	who := "the local user (no accounts)"
	if !*local {
		who = fmt.Sprintf("%d drafters of the %d streets and towns (%d–%d reports each) and a reviewer of the district (%d), by API token",
			len(units), len(units), len(l.users[0].ids), len(l.users[len(units)-1].ids), len(l.users[len(l.users)-1].ids))
	}
	fmt.Printf("server %s (pid %d) on %s; as %s; target %.0f requests/s for %s, at most %d in flight\n",
		base, srv.Process.Pid, kind(db), who, *rate, *duration, *workers)
	if len(bases) > 1 {
		fmt.Printf("%d servers on the one database: %s\n", len(bases), strings.Join(bases, " "))
	}

	l.drive(*warmup, nil) // warm up: caches, the desk's figures, connections
	load0 := loadavg()
	samp := startSampler(srv.Process.Pid, debugAddr)
	self := &sampler{pid: os.Getpid(), clkTick: 100}
	self0 := self.read()
	pg0 := postgresCPU(databaseName(db))
	var others0 float64
	for _, o := range others {
		others0 += o.read().cpu
	}
	var (
		profiled chan error
		minutes  []string // the profile of each minute, when longer than one
	)
	if *profile != "" {
		profiled = make(chan error, 1)
		if *duration <= time.Minute {
			go func() { profiled <- fetchProfile(debugAddr, *duration, *profile) }()
		} else {
			for m := 1; time.Duration(m-1)*time.Minute < *duration; m++ {
				minutes = append(minutes, fmt.Sprintf("%s.%dm", *profile, m))
			}
			go func() {
				for m, file := range minutes {
					d := min(time.Minute, *duration-time.Duration(m)*time.Minute)
					if err := fetchProfile(debugAddr, d, file); err != nil {
						profiled <- err
						return
					}
				}
				profiled <- mergeProfiles(goTool, *profile, minutes)
			}()
		}
	}
	heapDone := make(chan struct{})
	var heaps sync.WaitGroup
	if *heap != "" {
		if err := os.MkdirAll(*heap, 0o755); err != nil {
			return err
		}
		heaps.Add(1)
		go func() {
			defer heaps.Done()
			tick := time.NewTicker(time.Minute)
			defer tick.Stop()
			for m := 1; ; m++ {
				select {
				case <-tick.C:
					file := filepath.Join(*heap, fmt.Sprintf("heap-%dm.pb.gz", m))
					if err := fetchURL(fmt.Sprintf("http://%s/debug/pprof/heap?gc=1", debugAddr), file); err != nil {
						fmt.Fprintln(os.Stderr, "load: heap profile:", err)
					}
				case <-heapDone:
					return
				}
			}
		}()
	}
	// PostgreSQL's CPU at each whole minute of a run longer than one.
	pgMinutes := []float64{pg0}
	pgDone := make(chan struct{})
	var pgTicks sync.WaitGroup
	if kind(db) == "PostgreSQL" && *duration > time.Minute {
		pgTicks.Add(1)
		go func() {
			defer pgTicks.Done()
			tick := time.NewTicker(time.Minute)
			defer tick.Stop()
			for {
				select {
				case <-tick.C:
					pgMinutes = append(pgMinutes, postgresCPU(databaseName(db)))
				case <-pgDone:
					return
				}
			}
		}()
	}
	stats := newStats()
	wall := l.drive(*duration, stats)
	close(heapDone)
	heaps.Wait()
	close(pgDone)
	pgTicks.Wait()
	samples := samp.stop()
	if profiled != nil {
		if err := <-profiled; err != nil {
			return err
		}
	}
	load1 := loadavg()
	stats.print(wall)
	cpu := samples[len(samples)-1].cpu - samples[0].cpu
	for _, o := range others {
		cpu += o.read().cpu
	}
	cpu -= others0
	total := stats.total()
	fmt.Printf("server CPU: %.1f s in %.1f s, %.2f ms a request\n", cpu, wall.Seconds(), 1000*cpu/float64(max(total, 1)))
	own := self.read().cpu - self0.cpu
	if kind(db) == "PostgreSQL" {
		if pg := postgresCPU(databaseName(db)) - pg0; pg > 0 {
			fmt.Printf("PostgreSQL CPU (its backends for this database): %.1f s, %.2f ms a request; server and PostgreSQL together %.2f ms\n",
				pg, 1000*pg/float64(max(total, 1)), 1000*(cpu+pg)/float64(max(total, 1)))
		}
	}
	fmt.Printf("load generator CPU: %.1f s (%.2f ms a request): the cores' share the server did not have\n", own, 1000*own/float64(max(total, 1)))
	var rss []float64
	for _, s := range samples {
		rss = append(rss, s.rss)
	}
	third := max(len(rss)/3, 1)
	fmt.Printf("server RSS (MB, sampled each second): start %.0f, max %.0f, mean of the first third %.0f, of the last third %.0f\n",
		rss[0], slices.Max(rss), mean(rss[:third]), mean(rss[len(rss)-third:]))
	var each []string
	for i := 0; i < len(rss); i += 10 {
		each = append(each, fmt.Sprintf("%.0f", rss[i]))
	}
	fmt.Printf("server RSS (MB) every 10 s: %s\n", strings.Join(each, " "))
	each = each[:0]
	for i := 0; i < len(samples); i += 10 {
		s := samples[i]
		e := fmt.Sprintf("%.0f/%.0f", s.anon, s.file)
		if debugAddr != "" {
			e += fmt.Sprintf("/%.0f", s.heap)
		}
		each = append(each, e)
	}
	what := "anonymous/file-backed"
	if debugAddr != "" {
		what += "/Go heap in use"
	}
	fmt.Printf("server memory (MB, %s) every 10 s: %s\n", what, strings.Join(each, " "))
	if len(rss) > 120 {
		// The second minute against the last: growth that goes on, or a plateau.
		fmt.Printf("server RSS (MB): mean of the second minute %.0f, of the last minute %.0f\n",
			mean(rss[60:120]), mean(rss[len(rss)-60:]))
	}
	if *heap != "" {
		fmt.Printf("heap profiles: %s/heap-*.pb.gz (go tool pprof -sample_index=inuse_space -top FILE)\n", *heap)
	}
	fmt.Printf("load average (1 min): %s before, %s after; %d cores\n", load0, load1, numCPU())
	if *profile != "" {
		printRoutes(goTool, *profile)
		if len(minutes) > 1 {
			printMinutes(goTool, minutes, stats)
		}
	}
	if len(pgMinutes) > 2 {
		// Of whole minutes: the requests answered in each against the
		// backends' CPU between two ticks (backends that closed meanwhile
		// are not counted).
		fmt.Printf("\nPostgreSQL CPU a request (ms) by minute:")
		for m := 1; m < len(pgMinutes); m++ {
			n := 0
			for _, c := range stats.byMinute {
				if m-1 < len(c) {
					n += c[m-1]
				}
			}
			fmt.Printf(" %.2f", 1000*(pgMinutes[m]-pgMinutes[m-1])/float64(max(n, 1)))
		}
		fmt.Println()
	}
	if stats.errors() > 0 {
		return fmt.Errorf("%d errors", stats.errors())
	}
	return nil
}

// freeAddr returns a loopback address with a port free now.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// fetchProfile writes a CPU profile of d of the server's debug listener
// at addr to file.
func fetchProfile(addr string, d time.Duration, file string) error {
	c := &http.Client{Timeout: d + 30*time.Second}
	return fetchWith(c, fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", addr, int(d.Seconds())), file)
}

// fetchURL writes what u answers to file.
func fetchURL(u, file string) error {
	return fetchWith(&http.Client{Timeout: time.Minute}, u, file)
}

func fetchWith(c *http.Client, u, file string) error {
	resp, err := c.Get(u)
	if err != nil {
		return fmt.Errorf("profile: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("profile: %s", resp.Status)
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return fmt.Errorf("profile: %v", err)
	}
	return f.Close()
}

// printRoutes prints the CPU profile's shares by route (go tool pprof
// -tags), and how to look further.
func printRoutes(goTool, file string) {
	out, err := exec.Command(goTool, "tool", "pprof", "-tags", "-tagfocus=route=.", file).CombinedOutput()
	if err != nil {
		fmt.Printf("go tool pprof -tags: %v\n%s", err, out)
		return
	}
	fmt.Printf("server CPU by route (%s):\n%s", file, out)
	fmt.Printf("more: go tool pprof -top -tagfocus='route=GET /search' %s\n", file)
}

// mergeProfiles writes the profiles of files merged into file.
func mergeProfiles(goTool, file string, files []string) error {
	out, err := exec.Command(goTool, append([]string{"tool", "pprof", "-proto"}, files...)...).Output()
	if err != nil {
		return fmt.Errorf("go tool pprof -proto: %v", err)
	}
	return os.WriteFile(file, out, 0o644)
}

// routeLine is a line of go tool pprof -tags: a route's CPU.
var routeLine = regexp.MustCompile(`^\s*([\d.]+)(us|ms|s|mins|hrs)\s+\(\s*[\d.]+%\):\s+(.+?)\s*$`)

// routeCPU returns the CPU seconds of each route in a profile.
func routeCPU(goTool, file string) (map[string]float64, error) {
	out, err := exec.Command(goTool, "tool", "pprof", "-tags", "-tagfocus=route=.", file).Output()
	if err != nil {
		return nil, fmt.Errorf("go tool pprof -tags %s: %v", file, err)
	}
	unit := map[string]float64{"us": 1e-6, "ms": 0.001, "s": 1, "mins": 60, "hrs": 3600}
	cpu := map[string]float64{}
	for _, line := range strings.Split(string(out), "\n") {
		if m := routeLine.FindStringSubmatch(line); m != nil {
			v, _ := strconv.ParseFloat(m[1], 64)
			cpu[m[3]] += v * unit[m[2]]
		}
	}
	return cpu, nil
}

// printMinutes prints the server's CPU a request of each kind in each
// minute of the run (the profile of the minute's route over the requests
// of the kind answered in it): what grows as the store grows.
func printMinutes(goTool string, files []string, s *stats) {
	var cpus []map[string]float64
	for _, f := range files {
		cpu, err := routeCPU(goTool, f)
		if err != nil {
			fmt.Println(err)
			return
		}
		cpus = append(cpus, cpu)
	}
	fmt.Printf("\nserver CPU a request (ms) by kind and minute (the route's CPU in the minute's profile over the kind's requests answered in it):\n| kind |")
	for m := range files {
		fmt.Printf(" %d |", m+1)
	}
	fmt.Printf("\n|---|%s\n", strings.Repeat("---|", len(files)))
	for _, k := range mix {
		fmt.Printf("| %s |", k.name)
		for m, cpu := range cpus {
			n := 0
			if c := s.byMinute[k.name]; m < len(c) {
				n = c[m]
			}
			if n == 0 {
				fmt.Printf(" – |")
				continue
			}
			fmt.Printf(" %.2f |", 1000*cpu[k.route]/float64(n))
		}
		fmt.Println()
	}
}

func kind(db string) string {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		return "PostgreSQL"
	}
	return "SQLite"
}

// serverURL reads the server's URL from what it prints at start.
func serverURL(r io.Reader) (string, error) {
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if u := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(sc.Text()); u != "" {
				found <- strings.TrimSuffix(u, "/")
			}
		}
		close(found)
	}()
	select {
	case u, ok := <-found:
		if ok {
			return u, nil
		}
	case <-time.After(2 * time.Minute):
	}
	return "", errors.New("the server did not start")
}

// makeUsers makes the district's unit tree (云川区 and the streets and
// towns of the reports, which adding a unit assigns its reports to), a
// drafter of each street or town and a reviewer of the district, and
// returns their API tokens, the drafters' in the order of units and the
// reviewer's last.
func makeUsers(bin, dir, db string) ([]string, error) {
	run := func(stdin string, args ...string) (string, error) {
		cmd := exec.Command(bin, append(args, "--db", db)...)
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader(stdin)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("zongjie %s: %v\n%s", strings.Join(args, " "), err, errOut.String())
		}
		return strings.TrimSpace(out.String()), nil
	}
	if _, err := run("", "unit", "add", "云川区"); err != nil {
		return nil, err
	}
	var tokens []string
	add := func(name, unit, role string) error {
		if _, err := run("load-password-"+name+"\n", "user", "add", name, "--unit", unit, "--role", role); err != nil {
			return err
		}
		tok, err := run("", "user", "token", name, "--name", "load")
		tokens = append(tokens, tok)
		return err
	}
	for i, u := range units {
		if _, err := run("", "unit", "add", u, "--parent", "云川区"); err != nil {
			return nil, err
		}
		if err := add(fmt.Sprintf("d%02d", i), u, "drafter"); err != nil {
			return nil, err
		}
	}
	if err := add("review", "云川区", "reviewer"); err != nil {
		return nil, err
	}
	return tokens, nil
}

// storedIDs lists the IDs of the stored reports the user of token (""
// for the local user) reads.
func storedIDs(base, token string) ([]int64, error) {
	req, _ := http.NewRequest("GET", base+"/api/v1/reports", nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var list struct {
		Reports []struct{ ID int64 }
	}
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		return nil, err
	}
	var ids []int64
	for _, r := range list.Reports {
		ids = append(ids, r.ID)
	}
	if len(ids) < 2 {
		return nil, fmt.Errorf("%d reports readable by a user", len(ids))
	}
	return ids, nil
}

// units are the district's streets and towns of the synthetic reports.
var units = []string{"青禾街道", "石桥镇", "东湖街道", "西岭镇", "南川乡", "北塘街道", "柳河镇", "云山乡", "金沙街道", "白鹭镇",
	"松林街道", "梅溪镇", "桃源乡", "枫桥街道", "竹园镇", "兰亭街道", "荷塘镇", "杏花乡", "月湖街道", "星火镇"}

// works are the kinds of work a paragraph reports.
var works = []string{"推进垃圾分类", "改造老旧小区", "建设智慧社区", "开展安全生产检查", "提升营商环境", "发展乡村旅游",
	"加强基层党建", "实施河道整治", "完善养老服务", "推动产业升级", "落实就业帮扶", "开展文明创建"}

// reportText is synthetic report i (edit > 0: a new text of it): a unit's
// work of a year, figures, a problems part and a plan.
func reportText(i, edit int) string {
	unit := units[i%len(units)]
	year := 2020 + (i/len(units))%5
	rng := rand.New(rand.NewPCG(uint64(i), uint64(edit)))
	var b strings.Builder
	fmt.Fprintf(&b, "%s%d年工作总结\n", unit, year)
	fmt.Fprintf(&b, "%d年，%s在区委、区政府的坚强领导下，坚持稳中求进工作总基调，各项工作取得新成效。\n一、主要工作\n", year, unit)
	for k := range 8 + rng.IntN(6) {
		w := works[rng.IntN(len(works))]
		fmt.Fprintf(&b, "（%d）%s。全年完成投资%d.%d亿元，同比增长%d.%d%%；新增就业%d人，服务群众%d人次，整改问题%d个。%s工作取得实效，群众满意度达到%d%%。\n",
			k+1, w, 1+rng.IntN(20), rng.IntN(10), rng.IntN(15), rng.IntN(10), 50+rng.IntN(900), 1000+rng.IntN(90000), 3+rng.IntN(60), w, 85+rng.IntN(15))
	}
	fmt.Fprintf(&b, "二、存在的问题\n一是%s力度不够；二是%s的基础还不牢固；三是干部队伍能力有待提升。\n", works[rng.IntN(len(works))], works[rng.IntN(len(works))])
	fmt.Fprintf(&b, "三、%d年工作计划\n", year+1)
	for k := range 4 {
		fmt.Fprintf(&b, "%d.力争%s取得新突破，完成投资%d亿元，新增就业%d人以上。\n", k+1, works[rng.IntN(len(works))], 2+rng.IntN(30), 100+rng.IntN(900))
	}
	if edit > 0 {
		fmt.Fprintf(&b, "（第%d稿）\n", edit)
	}
	return b.String()
}

// loader sends the traffic.
type loader struct {
	bases   []string // of each server
	users   []loadUser
	hc      *http.Client
	uploads atomic.Int64
}

// loadUser is who sends a request: their token ("" for the local user),
// the index of their unit in units, and the reports they read.
type loadUser struct {
	token string
	unit  int
	ids   []int64
}

// The kinds of request and their shares (percent).
var mix = []struct {
	name  string
	share int
	route string // the server's pattern, as its CPU profile labels the samples
}{
	{"report page", 25, "GET /reports/{id}"}, {"desk", 5, "GET /{$}"}, {"report API", 10, "GET /api/v1/reports/{id}"},
	{"search page", 10, "GET /search"}, {"search API", 10, "GET /api/v1/search"},
	{"check API", 25, "POST /api/v1/check"},
	{"compare page", 5, "GET /compare"}, {"similar API", 5, "GET /api/v1/reports/{id}/similar"},
	{"upload API", 5, "POST /api/v1/reports"},
}

var searchWords = []string{"垃圾分类", "老旧小区", "营商环境", "乡村旅游", "就业", "安全生产", "养老", "河道"}

// request makes a request of a kind, as a user chosen at random.
func (l *loader) request(rng *rand.Rand, kind string) (*http.Request, error) {
	u := l.users[rng.IntN(len(l.users))]
	r, err := l.requestAs(rng, kind, u, l.bases[rng.IntN(len(l.bases))])
	if err == nil && u.token != "" {
		r.Header.Set("Authorization", "Bearer "+u.token)
	}
	return r, err
}

func (l *loader) requestAs(rng *rand.Rand, kind string, u loadUser, base string) (*http.Request, error) {
	id := func() string { return strconv.FormatInt(u.ids[rng.IntN(len(u.ids))], 10) }
	word := url.QueryEscape(searchWords[rng.IntN(len(searchWords))])
	jsonPost := func(path string, v any) (*http.Request, error) {
		body, _ := json.Marshal(v)
		r, err := http.NewRequest("POST", base+path, bytes.NewReader(body))
		if err == nil {
			r.Header.Set("Content-Type", "application/json")
		}
		return r, err
	}
	switch kind {
	case "report page":
		return http.NewRequest("GET", base+"/reports/"+id(), nil)
	case "desk":
		return http.NewRequest("GET", base+"/", nil)
	case "report API":
		return http.NewRequest("GET", base+"/api/v1/reports/"+id(), nil)
	case "search page":
		return http.NewRequest("GET", base+"/search?q="+word, nil)
	case "search API":
		return http.NewRequest("GET", base+"/api/v1/search?q="+word, nil)
	case "check API":
		return jsonPost("/api/v1/check", map[string]string{"name": "check.txt", "text": reportText(rng.IntN(1000), 1+rng.IntN(1000))})
	case "compare page":
		return http.NewRequest("GET", base+"/compare?a="+id()+"&b="+id(), nil)
	case "similar API":
		return http.NewRequest("GET", base+"/api/v1/reports/"+id()+"/similar", nil)
	case "upload API":
		n := l.uploads.Add(1)
		return jsonPost("/api/v1/reports", map[string]string{"name": fmt.Sprintf("load-%d-%d.txt", time.Now().UnixNano(), n),
			"text": reportText(100000*len(units)+int(n)*len(units)+u.unit, int(time.Now().UnixNano()%1000000))})
	}
	return nil, fmt.Errorf("no kind %q", kind)
}

// drive sends requests at the rate for d and returns how long it took
// until the last answer; stats nil: not counted (a warm-up).
func (l *loader) drive(d time.Duration, stats *stats) time.Duration {
	var wg sync.WaitGroup
	sem := make(chan struct{}, *workers)
	start := time.Now()
	interval := time.Duration(float64(time.Second) / *rate)
	rng := rand.New(rand.NewPCG(uint64(start.UnixNano()), 1))
	var kinds []string
	for _, m := range mix {
		if *only != "" && !slices.Contains(strings.Split(*only, ","), m.name) {
			continue
		}
		for range m.share {
			kinds = append(kinds, m.name)
		}
	}
	for n := 0; ; n++ {
		at := start.Add(time.Duration(n) * interval)
		if at.Sub(start) >= d || time.Since(start) >= d {
			break // the time is up, whether the schedule was kept or the server fell behind
		}
		if wait := time.Until(at); wait > 0 {
			time.Sleep(wait)
		}
		kind := kinds[rng.IntN(len(kinds))]
		req, err := l.request(rng, kind)
		if err != nil {
			panic(err)
		}
		sem <- struct{}{} // at most -workers in flight: then the loop waits
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			t0 := time.Now()
			err := l.send(req)
			if stats != nil {
				stats.add(kind, time.Since(t0), err)
			}
		}()
	}
	wg.Wait()
	return time.Since(start)
}

// send sends a request and reads the answer whole.
func (l *loader) send(req *http.Request) error {
	ctx, cancel := context.WithTimeout(req.Context(), 30*time.Second)
	defer cancel()
	resp, err := l.hc.Do(req.WithContext(ctx))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	// The body is read whole into a buffer kept for the next request: a
	// generator that grows a new one for each page of 50–100 KB spends
	// the cores' time the server should have.
	buf := bodyBuffers.Get().(*[]byte)
	defer bodyBuffers.Put(buf)
	n, err := io.ReadFull(resp.Body, *buf)
	switch {
	case err == io.ErrUnexpectedEOF || err == io.EOF:
		err = nil
	case err == nil:
		_, err = io.CopyBuffer(io.Discard, resp.Body, *buf) // more than the buffer: the rest
	}
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: %s %.200s", req.Method, req.URL.Path, resp.Status, (*buf)[:n])
	}
	return nil
}

// bodyBuffers are the buffers send reads answers into.
var bodyBuffers = sync.Pool{New: func() any { b := make([]byte, 256<<10); return &b }}

// stats are the latencies and errors of each kind, and the requests of
// each kind answered in each minute of the run.
type stats struct {
	mu       sync.Mutex
	start    time.Time
	lat      map[string][]time.Duration
	errs     map[string]int
	byMinute map[string][]int
	sample   []string
}

func newStats() *stats {
	return &stats{start: time.Now(), lat: map[string][]time.Duration{}, errs: map[string]int{}, byMinute: map[string][]int{}}
}

func (s *stats) add(kind string, d time.Duration, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := int(time.Since(s.start) / time.Minute)
	for len(s.byMinute[kind]) <= m {
		s.byMinute[kind] = append(s.byMinute[kind], 0)
	}
	s.byMinute[kind][m]++
	s.lat[kind] = append(s.lat[kind], d)
	if err != nil {
		s.errs[kind]++
		if len(s.sample) < 5 {
			s.sample = append(s.sample, err.Error())
		}
	}
}

func (s *stats) total() int {
	n := 0
	for _, l := range s.lat {
		n += len(l)
	}
	return n
}

func (s *stats) errors() int {
	n := 0
	for _, e := range s.errs {
		n += e
	}
	return n
}

func pct(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	return ds[min(int(p*float64(len(ds))), len(ds)-1)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }

func (s *stats) print(wall time.Duration) {
	fmt.Printf("\n| kind | requests | errors | p50 ms | p99 ms |\n|---|---|---|---|---|\n")
	var all []time.Duration
	for _, m := range mix {
		ds := s.lat[m.name]
		slices.Sort(ds)
		all = append(all, ds...)
		fmt.Printf("| %s | %d | %d | %s | %s |\n", m.name, len(ds), s.errs[m.name], ms(pct(ds, 0.5)), ms(pct(ds, 0.99)))
	}
	slices.Sort(all)
	fmt.Printf("| all | %d | %d | %s | %s |\n\n", len(all), s.errors(), ms(pct(all, 0.5)), ms(pct(all, 0.99)))
	fmt.Printf("throughput: %.0f requests/s (%d in %.1f s)\n", float64(len(all))/wall.Seconds(), len(all), wall.Seconds())
	for _, e := range s.sample {
		fmt.Println("error:", e)
	}
}

// sample is the server's resident memory (MB: all, anonymous, file-backed
// — the database's pages mapped in —, and the Go heap in use, 0 unknown)
// and CPU time (s) at a moment.
type sample struct{ rss, anon, file, heap, cpu float64 }

type sampler struct {
	stopc     chan struct{}
	done      chan []sample
	pid       int
	clkTick   float64
	debugAddr string // the server's pprof listener, "" none
	reads     int
}

func startSampler(pid int, debugAddr string) *sampler {
	s := &sampler{stopc: make(chan struct{}), done: make(chan []sample), pid: pid, clkTick: 100, debugAddr: debugAddr}
	go func() {
		var out []sample
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		out = append(out, s.read())
		for {
			select {
			case <-tick.C:
				out = append(out, s.read())
			case <-s.stopc:
				s.done <- append(out, s.read())
				return
			}
		}
	}()
	return s
}

func (s *sampler) stop() []sample {
	close(s.stopc)
	return <-s.done
}

// read reads VmRSS from /proc/PID/status and utime+stime from
// /proc/PID/stat (clock ticks of 1/100 s, Linux's USER_HZ).
func (s *sampler) read() sample {
	var out sample
	if data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.pid)); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			name, v, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			switch name {
			case "VmRSS":
				out.rss = kb / 1024
			case "RssAnon":
				out.anon = kb / 1024
			case "RssFile":
				out.file = kb / 1024
			}
		}
	}
	if s.debugAddr != "" && s.reads%10 == 0 {
		out.heap = heapInuse(s.debugAddr) // every 10 s: it costs the server a walk of its heap profile
	}
	s.reads++
	if data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.pid)); err == nil {
		// The fields after the command's name, which ends with ')'.
		if i := bytes.LastIndexByte(data, ')'); i >= 0 {
			f := strings.Fields(string(data[i+1:]))
			if len(f) > 12 {
				u, _ := strconv.ParseFloat(f[11], 64)
				st, _ := strconv.ParseFloat(f[12], 64)
				out.cpu = (u + st) / s.clkTick
			}
		}
	}
	return out
}

// heapInuse returns the server's Go heap in use (MB, runtime.MemStats's
// HeapInuse as /debug/pprof/heap?debug=1 prints it), 0 when unknown.
func heapInuse(addr string) float64 {
	c := &http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get("http://" + addr + "/debug/pprof/heap?debug=1")
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "# HeapInuse = "); ok {
			n, _ := strconv.ParseFloat(v, 64)
			return n / (1 << 20)
		}
	}
	return 0
}

// postgresCPU returns the CPU seconds of the PostgreSQL backends on this
// machine serving database name (their process titles say so): what
// PostgreSQL spends on the server's queries. Its shared processes (the WAL
// writer, the checkpointer) serve every database and are left out, and so
// is a connection closed before the count; 0 when the database server is
// elsewhere.
func postgresCPU(name string) float64 {
	if name == "" {
		return 0
	}
	dirs, _ := os.ReadDir("/proc")
	var ticks float64
	for _, d := range dirs {
		if _, err := strconv.Atoi(d.Name()); err != nil {
			continue
		}
		title, err := os.ReadFile("/proc/" + d.Name() + "/cmdline")
		if err != nil || !bytes.HasPrefix(title, []byte("postgres: ")) || !slices.Contains(strings.Fields(string(title)), name) {
			continue
		}
		data, err := os.ReadFile("/proc/" + d.Name() + "/stat")
		if err != nil {
			continue
		}
		j := bytes.LastIndexByte(data, ')')
		if j < 0 {
			continue
		}
		f := strings.Fields(string(data[j+1:]))
		if len(f) < 13 {
			continue
		}
		for _, k := range []int{11, 12} { // utime stime
			v, _ := strconv.ParseFloat(f[k], 64)
			ticks += v
		}
	}
	return ticks / 100
}

// databaseName returns the database a postgres:// URL names, or "".
func databaseName(db string) string {
	u, err := url.Parse(db)
	if err != nil || kind(db) != "PostgreSQL" {
		return ""
	}
	return strings.TrimPrefix(u.Path, "/")
}

func loadavg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(data))[0]
}

func numCPU() int {
	data, _ := os.ReadFile("/proc/cpuinfo")
	return max(strings.Count(string(data), "processor\t:"), 1)
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(max(len(xs), 1))
}
