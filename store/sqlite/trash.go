package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"zongjie/store"
)

// A report in the trash keeps every row (reports.deleted is set) but its
// paragraphs' entries in the full-text index, which Untrash writes again;
// its postings stay in the fingerprint index, and Postings leaves them
// out through the units cache (see unitCache).

// Trash moves a live report to the trash.
func (s *Store) Trash(ctx context.Context, id int64) error {
	err := s.write(ctx, func(w *writer) error {
		res, err := w.exec(`UPDATE reports SET deleted = ? WHERE id = ? AND deleted IS NULL`, time.Now().UnixMicro(), id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return orErr(err, store.ErrNotFound)
		}
		if _, err := w.exec(`DELETE FROM paragraph_index WHERE rowid IN (SELECT id FROM paragraphs WHERE report = ?)`, id); err != nil {
			return err
		}
		return w.movedReports()
	})
	if err != nil {
		return fmt.Errorf("sqlite: trash %d: %w", id, err)
	}
	return nil
}

// orErr returns err, or alt when err is nil.
func orErr(err, alt error) error {
	if err != nil {
		return err
	}
	return alt
}

// Untrash brings a report back from the trash.
func (s *Store) Untrash(ctx context.Context, id int64) error {
	err := s.write(ctx, func(w *writer) error {
		var one int
		err := w.tx.QueryRowContext(w.ctx, `SELECT 1 FROM reports WHERE id = ? AND deleted IS NOT NULL`, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return store.ErrNotFound
		}
		if err != nil {
			return err
		}
		return w.untrash(id)
	})
	if err != nil {
		return fmt.Errorf("sqlite: untrash %d: %w", id, err)
	}
	return nil
}

// untrash brings report id, which is in the trash, back: its paragraphs
// into the full-text index again.
func (w *writer) untrash(id int64) error {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT id, text FROM paragraphs WHERE report = ? ORDER BY id`, id)
	if err != nil {
		return err
	}
	type para struct {
		id   int64
		text string
	}
	var ps []para
	for rows.Next() {
		var p para
		if err := rows.Scan(&p.id, &p.text); err != nil {
			rows.Close()
			return err
		}
		ps = append(ps, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, p := range ps {
		if _, err := w.exec(`INSERT INTO paragraph_index (rowid, terms) VALUES (?, ?)`, p.id, store.Spaced(p.text)); err != nil {
			return fmt.Errorf("paragraph index: %w", err)
		}
	}
	if _, err := w.exec(`UPDATE reports SET deleted = NULL WHERE id = ?`, id); err != nil {
		return err
	}
	return w.movedReports()
}

// movedReports counts a change of where reports are (unit, trash,
// deleted), so that every process's units cache and search cache read
// them again.
func (w *writer) movedReports() error {
	_, err := w.exec(`UPDATE placement SET generation = generation + 1`)
	return err
}

// ListTrash returns the reports in the trash that f selects, by ID.
func (s *Store) ListTrash(ctx context.Context, f store.Filter) ([]store.Trashed, error) {
	cond, args := selectSQL(f, nil)
	rows, err := s.rq.QueryContext(ctx, `SELECT `+summaryColumns+`, r.deleted FROM reports r
		WHERE r.deleted IS NOT NULL`+cond+` ORDER BY r.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list trash: %w", err)
	}
	defer rows.Close()
	var out []store.Trashed
	for rows.Next() {
		var (
			t       store.Trashed
			deleted int64
		)
		if t.Summary, err = scanSummary(rows, &deleted); err != nil {
			return nil, fmt.Errorf("sqlite: list trash: %w", err)
		}
		t.Deleted = time.UnixMicro(deleted).UTC()
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: list trash: %w", err)
	}
	return out, nil
}

// PurgeTrash deletes for good the reports moved to the trash before the
// time given, in one transaction.
func (s *Store) PurgeTrash(ctx context.Context, before time.Time) ([]int64, error) {
	var ids []int64
	err := s.write(ctx, func(w *writer) error {
		rows, err := w.tx.QueryContext(w.ctx, `SELECT id FROM reports WHERE deleted < ? ORDER BY id`, before.UnixMicro())
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range ids {
			if err := w.delete(id); err != nil {
				return fmt.Errorf("report %d: %w", id, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: purge trash: %w", err)
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
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := s.rq.QueryContext(ctx, `SELECT id, coalesce(unit_id, 0), deleted IS NOT NULL FROM reports
		WHERE id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, fmt.Errorf("sqlite: placements: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id int64
			p  store.Placement
		)
		if err := rows.Scan(&id, &p.Unit, &p.Trashed); err != nil {
			return nil, fmt.Errorf("sqlite: placements: %w", err)
		}
		out[id] = p
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: placements: %w", err)
	}
	return out, nil
}

// Locate returns the report, live or in the trash, a version of which
// holds (fileHash, index).
func (s *Store) Locate(ctx context.Context, fileHash string, index int) (int64, error) {
	var id int64
	err := s.rq.QueryRowContext(ctx, `SELECT id FROM reports WHERE file_hash = ? AND idx = ?
		UNION ALL SELECT report FROM versions WHERE file_hash = ? AND idx = ? LIMIT 1`, fileHash, index, fileHash, index).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("sqlite: locate %s report %d: %w", fileHash, index, err)
	}
	return id, nil
}

// Assign moves reports to a unit (0: unassigned), in one transaction.
func (s *Store) Assign(ctx context.Context, ids []int64, unit int64) error {
	err := s.write(ctx, func(w *writer) error {
		if unit != 0 {
			if err := w.unitExists(unit); err != nil {
				return err
			}
		}
		for _, id := range ids {
			res, err := w.exec(`UPDATE reports SET unit_id = ? WHERE id = ?`, unitArg(unit), id)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				return fmt.Errorf("report %d: %w", id, orErr(err, store.ErrNotFound))
			}
		}
		return w.movedReports()
	})
	if err != nil {
		return fmt.Errorf("sqlite: assign to unit %d: %w", unit, err)
	}
	return nil
}

// unitExists returns store.ErrNotFound unless unit id is stored.
func (w *writer) unitExists(id int64) error {
	var one int
	err := w.tx.QueryRowContext(w.ctx, `SELECT 1 FROM units WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("unit %d: %w", id, store.ErrNotFound)
	}
	return err
}

// write runs fn in a write transaction and commits it when fn succeeds.
func (s *Store) write(ctx context.Context, fn func(w *writer) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(newWriter(ctx, tx)); err != nil {
		return err
	}
	return tx.Commit()
}
