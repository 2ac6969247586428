package sqlite

import (
	"context"
	"database/sql"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"zongjie/store"
)

func TestBlockRoundTrip(t *testing.T) {
	ps := []posting{{0, 1}, {0, 7}, {1, 1}, {1 << 40, 3}, {math.MaxUint64 - 1, 1 << 40}, {math.MaxUint64, 2}}
	b := appendBlock(nil, ps)
	got, err := decodeBlock(nil, ps[0].hash, b)
	if err != nil || !slices.Equal(got, ps) {
		t.Fatalf("decodeBlock(appendBlock(%v)) = %v, %v", ps, got, err)
	}
	if _, err := decodeBlock(nil, 0, []byte{0x80}); err == nil {
		t.Error("a truncated block decoded")
	}
	if hashKey(0) >= hashKey(1) || hashKey(1<<63-1) >= hashKey(1<<63) || hashKey(1<<63) >= hashKey(math.MaxUint64) {
		t.Error("hashKey does not keep the order of hashes")
	}
}

// TestMerge merges runs that overlap, some empty, leaving out a deleted
// report, and reads the result back block by block.
func TestMerge(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	defer s.Close()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	w := newWriter(ctx, tx)
	var want []posting
	lists := [][]posting{{{1, 1}, {3, 1}, {5, 2}}, {{1, 1}, {2, 9}, {5, 1}}, nil, {{4, 4}}}
	// A large run, of several blocks, with one hash in many reports.
	var large []posting
	for i := range 2000 {
		large = append(large, posting{uint64(10 + i/3), int64(i%3 + 1)})
	}
	for i := range 1000 {
		large = append(large, posting{1 << 40, int64(100 + i)})
	}
	lists = append(lists, large)
	var runs []int64
	for _, l := range lists {
		if err := w.writeRun(0, l); err != nil {
			t.Fatal(err)
		}
		if len(l) > 0 {
			var run int64
			if err := tx.QueryRow(`SELECT max(run) FROM posting_runs`).Scan(&run); err != nil {
				t.Fatal(err)
			}
			runs = append(runs, run)
		}
		want = append(want, l...)
	}
	slices.SortFunc(want, comparePostings)
	want = slices.Compact(want)
	want = slices.DeleteFunc(want, func(p posting) bool { return p.report == 9 })
	if err := w.merge(runs, 3, func(p posting) (bool, error) { return p.report != 9, nil }); err != nil {
		t.Fatal(err)
	}
	var (
		run, level, n int64
		got           []posting
	)
	if err := tx.QueryRow(`SELECT run, level, postings FROM posting_runs`).Scan(&run, &level, &n); err != nil {
		t.Fatal(err)
	}
	rows, err := tx.Query(`SELECT first, data FROM posting_blocks WHERE run = ? ORDER BY first`, run)
	if err != nil {
		t.Fatal(err)
	}
	blocks := 0
	for rows.Next() {
		var (
			first int64
			data  []byte
		)
		if err := rows.Scan(&first, &data); err != nil {
			t.Fatal(err)
		}
		if got, err = decodeBlock(got, uint64(first)^1<<63, data); err != nil {
			t.Fatal(err)
		}
		blocks++
	}
	rows.Close()
	if level != 3 || n != int64(len(want)) || !slices.Equal(got, want) {
		t.Errorf("merged run of level %d, %d postings: %v…, want %d: %v…", level, n, got[:min(8, len(got))], len(want), want[:8])
	}
	if blocks < 3 {
		t.Errorf("%d blocks, want several", blocks)
	}
	var left int
	if err := tx.QueryRow(`SELECT count(*) FROM posting_blocks WHERE run != ?`, run).Scan(&left); err != nil || left != 0 {
		t.Errorf("%d blocks of the merged runs left, %v", left, err)
	}
}

// levels returns the number of runs of each level of the fingerprint
// index.
func levels(t *testing.T, s *Store) map[int]int {
	t.Helper()
	rows, err := s.r.Query(`SELECT level, count(*) FROM posting_runs GROUP BY level`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int]int{}
	for rows.Next() {
		var level, n int
		if err := rows.Scan(&level, &n); err != nil {
			t.Fatal(err)
		}
		out[level] = n
	}
	return out
}

// TestPostingRuns adds reports one at a time, so that the runs of the
// fingerprint index are merged over several levels, and checks every
// lookup against the reports' fingerprints, before and after Optimize and
// with deleted reports.
func TestPostingRuns(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	defer s.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	// A few hundred hashes, so that reports share some, spread over the
	// whole range, and enough per report to fill several blocks.
	pool := make([]uint64, 3000)
	for i := range pool {
		pool[i] = rng.Uint64()
	}
	pool[0], pool[1] = 0, math.MaxUint64
	const n = 272
	holds := map[uint64][]int64{}
	var ids []int64
	for i := range n {
		r := &store.Report{FileHash: "h", Index: i}
		for range 600 {
			r.Fingerprints = append(r.Fingerprints, pool[rng.IntN(len(pool))])
		}
		if i%3 == 0 {
			r.Fingerprints = append(r.Fingerprints, 0, math.MaxUint64)
		}
		id, _, err := s.Put(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
		for _, h := range slices.Compact(slices.Sorted(slices.Values(r.Fingerprints))) {
			holds[h] = append(holds[h], id)
		}
	}
	// 272 runs of level 0 make 17 of level 1, 16 of which make one of
	// level 2.
	if got := levels(t, s); got[0] != 0 || got[1] != 1 || got[2] != 1 {
		t.Errorf("runs by level: %v", got)
	}
	var deleted map[int64]bool
	check := func(when string) {
		t.Helper()
		query := append([]uint64{12345}, pool...) // 12345: held by none
		got, err := s.Postings(ctx, query)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range query {
			var want []int64
			for _, id := range holds[h] {
				if !deleted[id] {
					want = append(want, id)
				}
			}
			var have []int64
			for _, p := range got[h] {
				have = append(have, p.Report)
			}
			if !slices.Equal(have, want) {
				t.Fatalf("%s: reports holding %x: %v, want %v", when, h, have, want)
			}
		}
	}
	check("merged runs")
	deleted = map[int64]bool{ids[3]: true, ids[40]: true}
	for id := range deleted {
		if err := s.Delete(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	check("after Delete")
	if err := s.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	if got := levels(t, s); len(got) != 1 || got[optimizedLevel] != 1 {
		t.Errorf("runs by level after Optimize: %v", got)
	}
	check("after Optimize")
	// Adding after Optimize makes runs of level 0 beside the optimized
	// one.
	r := &store.Report{FileHash: "new", Fingerprints: []uint64{pool[5], 777}}
	id, _, err := s.Put(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	holds[pool[5]] = append(holds[pool[5]], id)
	holds[777] = []int64{id}
	check("after adding again")
}

// TestMigrateFingerprintIndex opens a database of schema version 1, with
// its fingerprints in an FTS5 table, and finds them in the new index.
func TestMigrateFingerprintIndex(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		migrations[0].sql,
		`INSERT INTO reports (id, file_hash, idx, path, title, unit, level, years, period, genre, chars, added)
			VALUES (1, 'a', 0, 'a.txt', '', '甲', '', '[]', '', '', 0, 0), (2, 'b', 0, 'b.txt', '', '乙', '', '[]', '', '', 0, 0)`,
		`INSERT INTO contents (report, text) VALUES (1, ''), (2, '')`,
		`INSERT INTO fingerprints (report, hashes) VALUES (1, x'0500000000000000' || x'0600000000000000'), (2, x'0600000000000000')`,
		`INSERT INTO fingerprint_index (rowid, hashes) VALUES (1, '0000000000000005 0000000000000006'), (2, '0000000000000006')`,
		`PRAGMA user_version = 1`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ps, err := s.Postings(ctx, []uint64{5, 6, 7})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || len(ps[5]) != 1 || ps[5][0] != (store.Posting{Report: 1, Unit: "甲"}) || len(ps[6]) != 2 || ps[6][1].Report != 2 {
		t.Errorf("Postings after migration = %v", ps)
	}
	var n int
	if err := s.r.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name LIKE 'fingerprint_index%'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d tables of the old fingerprint index left, %v", n, err)
	}
}

// TestOptimizeRevised: the postings of a report's earlier version stay in
// the runs until Optimize, which drops them and forgets the revision.
func TestOptimizeRevised(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	defer s.Close()
	r := &store.Report{FileHash: "v1", Fingerprints: []uint64{5, 6}}
	id, _, err := s.Put(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Put(ctx, &store.Report{ID: id, FileHash: "v2", Fingerprints: []uint64{6, 7}}); err != nil {
		t.Fatal(err)
	}
	count := func(q string) int {
		var n int
		if err := s.r.QueryRow(q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(`SELECT count(*) FROM revised_reports`); n != 1 {
		t.Errorf("revised_reports: %d rows, want 1", n)
	}
	for _, when := range []string{"before Optimize", "after Optimize"} {
		ps, err := s.Postings(ctx, []uint64{5, 6, 7})
		if err != nil {
			t.Fatal(err)
		}
		if len(ps[5]) != 0 || len(ps[6]) != 1 || len(ps[7]) != 1 {
			t.Errorf("Postings %s = %v; want 6 and 7 only", when, ps)
		}
		if err := s.Optimize(ctx); err != nil {
			t.Fatal(err)
		}
	}
	var data []byte
	if err := s.r.QueryRow(`SELECT data FROM posting_blocks`).Scan(&data); err != nil {
		t.Fatal(err)
	}
	ps, err := decodeBlock(nil, 6, data)
	if err != nil || len(ps) != 2 || count(`SELECT count(*) FROM revised_reports`) != 0 {
		t.Errorf("after Optimize: postings %v, %v; revised_reports not emptied", ps, err)
	}
}

// TestMigrateVersions opens a database of schema version 3, before
// versions: its reports are their version 1, and take new versions.
func TestMigrateVersions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v3.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{migrations[0].sql, migrations[1].sql, migrations[2].sql,
		`INSERT INTO reports (id, file_hash, idx, path, title, unit, level, years, period, genre, chars, added)
			VALUES (7, 'a', 0, 'a.txt', '甲', '甲镇', 'town', '[2023]', 'FY', 'summary', 4, 0)`,
		`INSERT INTO contents (report, text) VALUES (7, '全年就业')`,
		`INSERT INTO fingerprints (report, hashes) VALUES (7, x'0500000000000000')`,
		`INSERT INTO posting_runs (run, level, postings) VALUES (1, 0, 1)`,
		`PRAGMA user_version = 3`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	vs, err := s.Versions(ctx, 7)
	if err != nil || len(vs) != 1 || vs[0].Version != 1 || vs[0].Note != "" || vs[0].Unit != "甲镇" {
		t.Fatalf("Versions after migration = %+v, %v", vs, err)
	}
	id, added, err := s.Put(ctx, &store.Report{ID: 7, FileHash: "b", Path: "a.txt", Unit: "甲镇", Text: "全年新增就业"})
	if err != nil || id != 7 || !added {
		t.Fatalf("Put of a new version after migration = %d, %v, %v", id, added, err)
	}
	r, err := s.GetVersion(ctx, 7, 1)
	if err != nil || r.Text != "全年就业" || r.Title != "甲" {
		t.Errorf("version 1 after a new one = %+v, %v", r, err)
	}
}
