package postgres

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"zongjie/store"
	"zongjie/store/internal/norm"
	"zongjie/store/pgtest"
	"zongjie/store/storetest"
)

// databaseSearch searches s without its cache.
func databaseSearch(t *testing.T, s *Store) func(q store.Query) []store.Hit {
	return func(q store.Query) []store.Hit {
		t.Helper()
		ctx := context.Background()
		tx, err := s.pool.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback(ctx)
		best, err := rankMatches(ctx, tx, store.Spaced(q.Text), q)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := hitsOf(ctx, tx, best)
		if err != nil {
			t.Fatal(err)
		}
		return hits
	}
}

func TestSearchCache(t *testing.T) {
	s := openTest(t)
	defer s.Close()
	storetest.SearchCache(t, s, putBatch(s), s.found.Phrases, databaseSearch(t, s))
}

// searchElsewhere is a store whose writes go to one handle and whose
// searches go to another: two servers on one database.
type searchElsewhere struct {
	*Store
	reader *Store
}

func (s searchElsewhere) Search(ctx context.Context, q store.Query) ([]store.Hit, error) {
	return s.reader.Search(ctx, q)
}

// TestSearchCacheTwoStores writes through one store and searches through
// another on the same database: the searching one's cache must see every
// write of the other as the database does.
func TestSearchCacheTwoStores(t *testing.T) {
	writer, reader := twoStores(t)
	storetest.SearchCache(t, searchElsewhere{writer, reader}, putBatch(writer), reader.found.Phrases, databaseSearch(t, writer))
	if n := writer.found.Phrases(); n != 0 {
		t.Errorf("the writing store's cache holds %d phrases: the searches did not all go to the other", n)
	}
}

// TestWritesOutOfOrder commits reports out of the order of their IDs, as
// two servers uploading at once do: a transaction is given the smaller
// ID and commits after another given a larger one, which does not wait
// for it (schema 6 takes no common lock). Another store's caches (search,
// list, holders), read between the two commits and after, must see what
// the database sees each time: the late report once it commits, though
// its ID is below one they have read. Also: only a change of some row
// counts a generation.
func TestWritesOutOfOrder(t *testing.T) {
	for _, scan := range []int{scanParagraphs, 10} {
		t.Run(fmt.Sprintf("scan %d", scan), func(t *testing.T) {
			defer func(n int) { scanParagraphs = n }(scanParagraphs)
			scanParagraphs = scan
			writesOutOfOrder(t)
		})
	}
}

func writesOutOfOrder(t *testing.T) {
	ctx := context.Background()
	w, r := twoStores(t)
	first := storetest.Synthetic(0)
	if _, _, err := w.Put(ctx, first); err != nil {
		t.Fatal(err)
	}
	gen := func() int64 {
		t.Helper()
		var g int64
		if err := w.pool.QueryRow(ctx, `SELECT generation FROM search_state`).Scan(&g); err != nil {
			t.Fatal(err)
		}
		return g
	}
	gen0 := gen()

	query := store.Query{Text: "全面完成年度任务", Limit: 1000}
	fromDatabase := databaseSearch(t, w)
	late, early := storetest.Synthetic(1), storetest.Synthetic(2)
	hashes := append(append([]uint64{}, late.Fingerprints[:20]...), early.Fingerprints[:20]...)
	hashes = append(hashes, first.Fingerprints[:20]...)
	check := func(step string, want ...int64) {
		t.Helper()
		hits, err := r.Search(ctx, query)
		if err != nil {
			t.Fatal(err)
		}
		if db := fromDatabase(query); !sameHits(hits, db) {
			t.Errorf("%s: the other store's search found %d hits, the database %d", step, len(hits), len(db))
		}
		found := map[int64]bool{}
		for _, h := range hits {
			found[h.Report.ID] = true
		}
		sums, err := r.List(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if db := listAllOf(t, w)(store.Filter{}); !slices.EqualFunc(sums, db, func(a, b store.Summary) bool { return a.ID == b.ID }) {
			t.Errorf("%s: the other store lists %d reports, the database %d", step, len(sums), len(db))
		}
		ps, err := r.Postings(ctx, hashes)
		if err != nil {
			t.Fatal(err)
		}
		db, err := w.postingsAll(ctx, hashes)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(ps, db) {
			t.Errorf("%s: the other store's postings differ from the database's", step)
		}
		for _, id := range want {
			if !found[id] {
				t.Errorf("%s: the other store's search does not find report %d", step, id)
			}
		}
	}
	check("before")

	// The late report takes its ID first and stays uncommitted.
	tx, err := w.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	lateID, added, err := put(ctx, tx, late, derive(late))
	if err != nil || !added {
		t.Fatalf("put in a transaction: %v, %v", added, err)
	}
	short, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	earlyID, _, err := w.Put(short, early)
	if err != nil {
		t.Fatalf("Put while another write is open: %v (it waited for it)", err)
	}
	if earlyID <= lateID {
		t.Fatalf("IDs %d (committed first), %d: want the first committed larger", earlyID, lateID)
	}
	check("the larger ID committed", first.ID, earlyID)
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	check("the smaller ID committed after it", first.ID, earlyID, lateID)
	if n := r.found.Phrases(); n == 0 {
		t.Error("the other store's search cache holds no phrase: nothing was compared")
	}
	if g := gen(); g != gen0 {
		t.Errorf("new reports counted a generation: %d → %d", gen0, g)
	}
	if err := w.Trash(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	if g := gen(); g != gen0+1 {
		t.Errorf("the trash: generation %d → %d; want one more", gen0, g)
	}
	check("after the trash", earlyID, lateID)
}

// sameHits reports whether a and b are the same paragraphs in the same
// order.
func sameHits(a, b []store.Hit) bool {
	return slices.EqualFunc(a, b, func(x, y store.Hit) bool {
		return x.Report.ID == y.Report.ID && x.Paragraph.Offset == y.Paragraph.Offset
	})
}

// listAllOf lists from s's database, not its cache.
func listAllOf(t *testing.T, s *Store) func(f store.Filter) []store.Summary {
	return func(f store.Filter) []store.Summary {
		t.Helper()
		out, err := s.listAll(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
}

func TestListCache(t *testing.T) {
	for _, budget := range []int{norm.ListBudget, 4 << 10} {
		func() {
			defer func(n int) { norm.ListBudget = n }(norm.ListBudget)
			norm.ListBudget = budget
			s := openTest(t)
			defer s.Close()
			storetest.ListCache(t, s, putBatch(s), listAllOf(t, s))
			s.lists.mu.Lock()
			defer s.lists.mu.Unlock()
			switch {
			case budget < 1<<20 && (!s.lists.kept.Off || s.lists.kept.Sums != nil):
				t.Errorf("budget %d: %d summaries kept (%d bytes), off %v", budget, len(s.lists.kept.Sums), s.lists.kept.Bytes, s.lists.kept.Off)
			case budget >= 1<<20 && len(s.lists.kept.Sums) == 0:
				t.Errorf("budget %d: no summary kept: nothing was compared", budget)
			}
		}()
	}
}

// listElsewhere is a store whose writes go to one handle and whose lists
// come from another.
type listElsewhere struct {
	*Store
	reader *Store
}

func (s listElsewhere) List(ctx context.Context, f store.Filter) ([]store.Summary, error) {
	return s.reader.List(ctx, f)
}

// TestListCacheTwoStores writes through one store and lists through
// another on the same database.
func TestListCacheTwoStores(t *testing.T) {
	writer, reader := twoStores(t)
	storetest.ListCache(t, listElsewhere{writer, reader}, putBatch(writer), listAllOf(t, writer))
	reader.lists.mu.Lock()
	defer reader.lists.mu.Unlock()
	if len(reader.lists.kept.Sums) == 0 {
		t.Error("the listing store's cache holds no summary: nothing was compared")
	}
}

// TestHoldersCache: Postings and HashUnits from the holders cache are
// those of the fingerprint table, after every kind of write, made by this
// store or by another on the same database (another process), and with a
// budget so small that the cache keeps dropping hashes.
func TestHoldersCache(t *testing.T) {
	for _, tt := range []struct {
		name   string
		other  bool
		budget int
	}{
		{"same store", false, norm.HolderBudget},
		{"another store writes", true, norm.HolderBudget},
		{"small budget", false, 16 << 10},
	} {
		t.Run(tt.name, func(t *testing.T) {
			defer func(n int) { norm.HolderBudget = n }(norm.HolderBudget)
			norm.HolderBudget = tt.budget
			dsn := pgtest.CreateDatabase(t, "C.UTF-8")
			ctx := context.Background()
			s, err := Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			w := s
			if tt.other {
				if w, err = Open(ctx, dsn); err != nil {
					t.Fatal(err)
				}
				defer w.Close()
			}
			storetest.HoldersCache(t, s, w, putBatch(w), func(hashes []uint64) map[uint64][]store.Posting {
				t.Helper()
				out, err := s.postingsAll(ctx, hashes)
				if err != nil {
					t.Fatal(err)
				}
				return out
			})
			hashes, bytes := s.held.Held()
			if hashes == 0 {
				t.Errorf("the cache holds no hash: nothing was compared")
			}
			if bytes > norm.HolderBudget {
				t.Errorf("the cache holds %d bytes, over its budget of %d", bytes, norm.HolderBudget)
			}
		})
	}
}

// TestMigrateLockFree opens a database of schema version 5, whose writes
// took one lock, with reports in it: schema 6 drops the lock, its rows
// count as written before every snapshot, and the caches of the migrated
// store find them and what is written after, out of order too.
func TestMigrateLockFree(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateTo(ctx, pool, 5); err != nil {
		t.Fatal(err)
	}
	// The reports are put by today's put, which writes the text's key
	// (schema 8, whose migration adds the column if it is not there).
	if _, err := pool.Exec(ctx, `ALTER TABLE reports ADD COLUMN text_key text NOT NULL DEFAULT ''`); err != nil {
		t.Fatal(err)
	}
	var old []int64
	for n := range 3 {
		r := storetest.Synthetic(n)
		tx, err := pool.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		id, _, err := put(ctx, tx, r, derive(r))
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		old = append(old, id)
	}
	pool.Close()

	w, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var version, locks, zero int
	err = w.pool.QueryRow(ctx, `SELECT (SELECT version FROM schema_version),
			(SELECT count(*) FROM pg_trigger WHERE tgname LIKE '%write_lock'),
			(SELECT count(*) FROM paragraphs WHERE xact = '0')`).Scan(&version, &locks, &zero)
	if err != nil {
		t.Fatal(err)
	}
	if version != len(migrations) || locks != 0 || zero != 3*60 {
		t.Errorf("after the migration: schema version %d, %d lock triggers, %d paragraphs with xact 0; want %d, 0, %d", version, locks, zero, len(migrations), 3*60)
	}
	r, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	query := store.Query{Text: "全面完成年度任务", Limit: 1000}
	check := func(step string, reports int) {
		t.Helper()
		hits, err := r.Search(ctx, query)
		if err != nil {
			t.Fatal(err)
		}
		if db := databaseSearch(t, w)(query); !sameHits(hits, db) || len(hits) != reports*60 {
			t.Errorf("%s: search found %d hits, the database %d; want %d", step, len(hits), len(db), reports*60)
		}
		sums, err := r.List(ctx, store.Filter{})
		if err != nil || len(sums) != reports {
			t.Errorf("%s: List = %d reports, %v; want %d", step, len(sums), err, reports)
		}
	}
	check("the reports of schema 5", 3)
	tx, err := w.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	late := storetest.Synthetic(3)
	if _, _, err := put(ctx, tx, late, derive(late)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.Put(ctx, storetest.Synthetic(4)); err != nil {
		t.Fatal(err)
	}
	check("one added after the migration", 4)
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	check("one committed out of order after the migration", 5)
	// A new version of a report of schema 5.
	v := storetest.Synthetic(0)
	v.ID, v.FileHash, v.Text = old[0], "v2", v.Text+"补充。"
	if _, added, err := w.Put(ctx, v); err != nil || !added {
		t.Fatalf("a new version of a report of schema 5: %v, %v", added, err)
	}
	check("a new version", 5)
}

// TestCachesConcurrentWrites writes reports from several goroutines, some
// holding their transaction open a while after taking their IDs (so that
// they commit out of order), while others read through another store's
// caches. Every list must hold each report committed before it began
// (never an older state, whatever the marks raced), and once the writes
// are done the caches must equal the database.
func TestCachesConcurrentWrites(t *testing.T) {
	ctx := context.Background()
	w, r := twoStores(t)

	const writers, each = 4, 6
	var (
		mu        sync.Mutex
		committed = map[int64]bool{}
		wg        sync.WaitGroup
		done      = make(chan struct{})
		errs      = make(chan error, 64)
	)
	for g := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				rep := storetest.Synthetic(1 + g*each + i)
				tx, err := w.pool.Begin(ctx)
				if err != nil {
					errs <- err
					return
				}
				id, _, err := put(ctx, tx, rep, derive(rep))
				if err == nil && (g+i)%2 == 0 {
					time.Sleep(time.Duration(5+10*g) * time.Millisecond) // an ID taken, committed later
				}
				if err == nil {
					err = tx.Commit(ctx)
				}
				if err != nil {
					tx.Rollback(ctx)
					errs <- err
					return
				}
				mu.Lock()
				committed[id] = true
				mu.Unlock()
			}
		}()
	}
	query := store.Query{Text: "全面完成年度任务", Limit: 1000}
	var readers sync.WaitGroup
	for range 8 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				mu.Lock()
				before := make([]int64, 0, len(committed))
				for id := range committed {
					before = append(before, id)
				}
				mu.Unlock()
				sums, err := r.List(ctx, store.Filter{})
				if err != nil {
					errs <- err
					return
				}
				listed := map[int64]bool{}
				for _, s := range sums {
					listed[s.ID] = true
				}
				for _, id := range before {
					if !listed[id] {
						errs <- fmt.Errorf("report %d, committed before a List began, is not in it (%d listed)", id, len(sums))
						return
					}
				}
				if _, err := r.Search(ctx, query); err != nil {
					errs <- err
					return
				}
				if _, err := r.Postings(ctx, storetest.Synthetic(0).Fingerprints[:10]); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(done)
	readers.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	hits, err := r.Search(ctx, query)
	if err != nil {
		t.Fatal(err)
	}
	if db := databaseSearch(t, w)(query); !sameHits(hits, db) || len(hits) == 0 {
		t.Errorf("after the writes: search found %d hits, the database %d", len(hits), len(db))
	}
	sums, err := r.List(ctx, store.Filter{})
	if err != nil || len(sums) != writers*each {
		t.Errorf("after the writes: List = %d reports, %v; want %d", len(sums), err, writers*each)
	}
	hashes := storetest.Synthetic(1).Fingerprints[:40]
	ps, err := r.Postings(ctx, hashes)
	if err != nil {
		t.Fatal(err)
	}
	if db, err := w.postingsAll(ctx, hashes); err != nil || !reflect.DeepEqual(ps, db) {
		t.Errorf("after the writes: the postings differ from the database's (%v)", err)
	}
}

// TestSearchOlderThanMarks searches in a snapshot older than every one
// the store has marked (mark 0: a request that ran while thousands were
// marked): the answer is still the database's.
func TestSearchOlderThanMarks(t *testing.T) {
	s := openTest(t)
	defer s.Close()
	ctx := context.Background()
	if _, _, err := s.Put(ctx, storetest.Synthetic(0)); err != nil {
		t.Fatal(err)
	}
	if _, exact := s.marks.mark(pgSnapshot{xmin: 1 << 60, xmax: 1 << 60}); !exact {
		t.Fatal("a newer snapshot was not marked")
	}
	query := store.Query{Text: "全面完成年度任务", Limit: 100}
	hits, err := s.Search(ctx, query)
	if err != nil {
		t.Fatal(err)
	}
	if db := databaseSearch(t, s)(query); len(hits) == 0 || !sameHits(hits, db) {
		t.Errorf("search in a snapshot older than every mark: %d hits, the database %d", len(hits), len(db))
	}
}

// twoStores opens two stores on one new database, closed when the test
// ends: one to write through, one whose caches must see the writes.
func twoStores(t *testing.T) (*Store, *Store) {
	t.Helper()
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	var sts [2]*Store
	for i := range sts {
		st, err := Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		sts[i] = st
	}
	return sts[0], sts[1]
}
