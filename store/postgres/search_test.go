package postgres

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

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
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	ctx := context.Background()
	writer, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	reader, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	storetest.SearchCache(t, searchElsewhere{writer, reader}, putBatch(writer), reader.found.Phrases, databaseSearch(t, writer))
	if n := writer.found.Phrases(); n != 0 {
		t.Errorf("the writing store's cache holds %d phrases: the searches did not all go to the other", n)
	}
}

// TestWritesLock holds the writes' lock in one transaction (a statement
// that updates no report takes it) and checks that a Put and an insert of
// paragraphs in others wait for it before they are given an ID — what
// the search cache relies on across processes — and that only a change
// of some row counts a generation.
func TestWritesLock(t *testing.T) {
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	ctx := context.Background()
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	first := storetest.Synthetic(0)
	if _, _, err := s.Put(ctx, first); err != nil {
		t.Fatal(err)
	}
	state := func() (gen, reports, paragraphs int64) {
		t.Helper()
		err := s.pool.QueryRow(ctx, `SELECT (SELECT generation FROM search_state),
			(SELECT last_value FROM reports_id_seq), (SELECT last_value FROM paragraphs_id_seq)`).Scan(&gen, &reports, &paragraphs)
		if err != nil {
			t.Fatal(err)
		}
		return gen, reports, paragraphs
	}
	gen, reports, paragraphs := state()

	holder, err := s.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Rollback(ctx)
	if _, err := holder.Exec(ctx, `UPDATE reports SET deleted = NULL WHERE false`); err != nil {
		t.Fatal(err)
	}

	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if _, _, err := s.Put(short, storetest.Synthetic(1)); err == nil {
		t.Fatal("Put did not wait for the writes' lock")
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `SET lock_timeout = '300ms'`); err != nil {
		t.Fatal(err)
	}
	_, err = conn.Exec(ctx, `INSERT INTO paragraphs (report, char_offset, kind, text, terms) VALUES ($1, 0, 'other', '增长', '增 长')`, first.ID)
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "55P03" {
		t.Fatalf("an insert of a paragraph: %v; want a lock timeout", err)
	}
	if g, r, p := state(); g != gen || r != reports || p != paragraphs {
		t.Errorf("while the lock was held: generation %d, last IDs %d, %d; want %d, %d, %d (no ID given before the lock)", g, r, p, gen, reports, paragraphs)
	}
	if err := holder.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Put(ctx, storetest.Synthetic(1)); err != nil {
		t.Fatalf("Put after the lock: %v", err)
	}
	if g, _, _ := state(); g != gen {
		t.Errorf("a new report counted a generation: %d → %d", gen, g)
	}
	if err := s.Trash(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	if g, _, _ := state(); g != gen+1 {
		t.Errorf("the trash: generation %d → %d; want one more", gen, g)
	}
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
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	ctx := context.Background()
	writer, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	reader, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
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
