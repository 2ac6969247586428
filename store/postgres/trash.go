package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// A report in the trash keeps every row (reports.deleted is set); every
// query of the live reports leaves it out.

// Trash moves a live report to the trash.
func (s *Store) Trash(ctx context.Context, id int64) error {
	tag, err := s.pool.Exec(ctx, `UPDATE reports SET deleted = $1 WHERE id = $2 AND deleted IS NULL`, norm.Time(time.Now()), id)
	if err == nil && tag.RowsAffected() == 0 {
		err = store.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("postgres: trash %d: %w", id, err)
	}
	return nil
}

// Untrash brings a report back from the trash.
func (s *Store) Untrash(ctx context.Context, id int64) error {
	tag, err := s.pool.Exec(ctx, `UPDATE reports SET deleted = NULL WHERE id = $1 AND deleted IS NOT NULL`, id)
	if err == nil && tag.RowsAffected() == 0 {
		err = store.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("postgres: untrash %d: %w", id, err)
	}
	return nil
}

// ListTrash returns the reports in the trash that f selects, by ID.
func (s *Store) ListTrash(ctx context.Context, f store.Filter) ([]store.Trashed, error) {
	cond, args := selectSQL(f, nil)
	rows, err := s.pool.Query(ctx, `SELECT `+summaryColumns+`, r.deleted FROM reports r
		WHERE r.deleted IS NOT NULL`+cond+` ORDER BY r.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: list trash: %w", err)
	}
	defer rows.Close()
	var out []store.Trashed
	for rows.Next() {
		var t store.Trashed
		if t.Summary, err = scanSummary(rows, &t.Deleted); err != nil {
			return nil, fmt.Errorf("postgres: list trash: %w", err)
		}
		t.Deleted = norm.Time(t.Deleted)
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: list trash: %w", err)
	}
	return out, nil
}

// PurgeTrash deletes for good the reports moved to the trash before the
// time given, in one transaction.
func (s *Store) PurgeTrash(ctx context.Context, before time.Time) ([]int64, error) {
	var ids []int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `DELETE FROM reports WHERE deleted < $1 RETURNING id, fingerprints`, before)
		if err != nil {
			return err
		}
		type gone struct {
			id  int64
			fps []int64
		}
		var (
			all []gone
			g   gone
		)
		if _, err := pgx.ForEachRow(rows, []any{&g.id, &g.fps}, func() error {
			all = append(all, gone{g.id, g.fps})
			return nil
		}); err != nil {
			return err
		}
		for _, g := range all {
			if _, err := tx.Exec(ctx, `DELETE FROM fingerprints WHERE hash = ANY ($1) AND report = $2`, g.fps, g.id); err != nil {
				return fmt.Errorf("report %d: fingerprints: %w", g.id, err)
			}
			ids = append(ids, g.id)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: purge trash: %w", err)
	}
	return ids, nil
}

// Placements returns the unit of each of the reports ids and whether it
// is in the trash.
func (s *Store) Placements(ctx context.Context, ids []int64) (map[int64]store.Placement, error) {
	out := make(map[int64]store.Placement, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT id, coalesce(unit_id, 0), deleted IS NOT NULL FROM reports WHERE id = ANY ($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("postgres: placements: %w", err)
	}
	var (
		id int64
		p  store.Placement
	)
	if _, err := pgx.ForEachRow(rows, []any{&id, &p.Unit, &p.Trashed}, func() error {
		out[id] = p
		return nil
	}); err != nil {
		return nil, fmt.Errorf("postgres: placements: %w", err)
	}
	return out, nil
}

// Locate returns the report, live or in the trash, a version of which
// holds (fileHash, index).
func (s *Store) Locate(ctx context.Context, fileHash string, index int) (int64, error) {
	var id int64
	err := s.pool.QueryRow(ctx, `(SELECT id FROM reports WHERE file_hash = $1 AND idx = $2)
		UNION ALL (SELECT report FROM versions WHERE file_hash = $1 AND idx = $2) LIMIT 1`, fileHash, index).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("postgres: locate %s report %d: %w", fileHash, index, err)
	}
	return id, nil
}

// Assign moves reports to a unit (0: unassigned), in one transaction.
func (s *Store) Assign(ctx context.Context, ids []int64, unit int64) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if unit != 0 {
			if err := unitExists(ctx, tx, unit); err != nil {
				return err
			}
		}
		for _, id := range ids {
			tag, err := tx.Exec(ctx, `UPDATE reports SET unit_id = $1 WHERE id = $2`, unitArg(unit), id)
			if err != nil {
				return err
			}
			if tag.RowsAffected() == 0 {
				return fmt.Errorf("report %d: %w", id, store.ErrNotFound)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("postgres: assign to unit %d: %w", unit, err)
	}
	return nil
}

// unitExists returns store.ErrNotFound unless unit id is stored.
func unitExists(ctx context.Context, q pgx.Tx, id int64) error {
	var one int
	err := q.QueryRow(ctx, `SELECT 1 FROM units WHERE id = $1`, id).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("unit %d: %w", id, store.ErrNotFound)
	}
	return err
}
