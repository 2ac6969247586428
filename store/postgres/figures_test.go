package postgres

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"zongjie/store"
	"zongjie/store/pgtest"
	"zongjie/store/storetest"
)

// TestFiguresSince: the desk's figures kept by a server are updated with
// what changed since it read them, written by this handle or by another
// on the same database (another process).
func TestFiguresSince(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	storetest.FiguresSince(t, s, other)
}

// TestFiguresSinceLateCommit: writers take no common lock, so a
// transaction that began first may commit after a later one that a read
// saw; what it wrote (figures stored, a report moved to the trash, a
// report deleted) is read at the next read all the same.
func TestFiguresSinceLateCommit(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	defer s.Close()
	var ids []int64
	for i := range 4 {
		id, _, err := s.Put(ctx, storetest.Synthetic(i))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	figures := func(id int64, stamp string) []store.Figures {
		return []store.Figures{{Report: id, Stamp: stamp, Data: json.RawMessage(`{}`)}}
	}
	for _, id := range ids {
		if err := s.PutFigures(ctx, figures(id, "first")); err != nil {
			t.Fatal(err)
		}
	}
	d, err := s.FiguresSince(ctx, "")
	if err != nil || len(d.Figures) != 4 {
		t.Fatalf("first read: %d figures, %v", len(d.Figures), err)
	}
	mark := d.Mark

	for _, late := range []struct {
		name  string
		write string
		id    int64
		gone  bool
	}{
		{"figures stored", `UPDATE figures SET stamp = 'late', xact = pg_current_xact_id() WHERE report = $1`, ids[0], false},
		{"report trashed", `UPDATE reports SET deleted = now() WHERE id = $1`, ids[1], true},
		{"report deleted", `DELETE FROM reports WHERE id = $1`, ids[2], true},
	} {
		t.Run(late.name, func(t *testing.T) {
			tx, err := s.pool.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback(ctx)
			// The late transaction takes its ID first.
			if _, err := tx.Exec(ctx, `SELECT pg_current_xact_id()`); err != nil {
				t.Fatal(err)
			}
			// A later one commits, and a read sees it.
			if err := s.PutFigures(ctx, figures(ids[3], late.name)); err != nil {
				t.Fatal(err)
			}
			d, err := s.FiguresSince(ctx, mark)
			if err != nil {
				t.Fatal(err)
			}
			if d.All || len(d.Figures) != 1 || d.Figures[0].Report != ids[3] || len(d.Gone) != 0 {
				t.Fatalf("read before the late commit: %+v", d)
			}
			mark = d.Mark
			if _, err := tx.Exec(ctx, late.write, late.id); err != nil {
				t.Fatal(err)
			}
			if err := tx.Commit(ctx); err != nil {
				t.Fatal(err)
			}
			d, err = s.FiguresSince(ctx, mark)
			if err != nil {
				t.Fatal(err)
			}
			mark = d.Mark
			if late.gone {
				if d.All || len(d.Figures) != 0 || !slices.Equal(d.Gone, []int64{late.id}) {
					t.Errorf("read after the late commit: %+v; want %d gone", d, late.id)
				}
				return
			}
			if d.All || len(d.Figures) != 1 || d.Figures[0].Report != late.id || d.Figures[0].Stamp != "late" || len(d.Gone) != 0 {
				t.Errorf("read after the late commit: %+v; want the figures of %d", d, late.id)
			}
		})
	}
}
