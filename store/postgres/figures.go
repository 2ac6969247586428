package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// PutFigures stores figures in one transaction, each replacing its
// report's; see store.Store.
func (s *Store) PutFigures(ctx context.Context, fs []store.Figures) error {
	// One row per report (the last given), as ON CONFLICT requires.
	last := map[int64]int{}
	for i, f := range fs {
		if err := norm.Figures(f); err != nil {
			return fmt.Errorf("postgres: put figures: %w", err)
		}
		last[f.Report] = i
	}
	if len(fs) == 0 {
		return nil
	}
	var (
		ids    []int64
		stamps []string
		data   []string
	)
	for i, f := range fs {
		if last[f.Report] == i {
			ids, stamps, data = append(ids, f.Report), append(stamps, f.Stamp), append(data, string(f.Data))
		}
	}
	// Reports deleted meanwhile are left out by the join.
	if _, err := s.pool.Exec(ctx, `INSERT INTO figures (report, stamp, data)
		SELECT r.id, f.stamp, f.data::json
		FROM unnest($1::bigint[], $2::text[], $3::text[]) AS f (report, stamp, data) JOIN reports r ON r.id = f.report
		ON CONFLICT (report) DO UPDATE SET stamp = excluded.stamp, data = excluded.data, xact = pg_current_xact_id()`, ids, stamps, data); err != nil {
		return fmt.Errorf("postgres: put figures: %w", err)
	}
	return nil
}

// Figures returns the stored figures of every live report, by report ID.
func (s *Store) Figures(ctx context.Context) ([]store.Figures, error) {
	rows, err := s.pool.Query(ctx, `SELECT f.report, f.stamp, f.data::text FROM figures f JOIN reports r ON r.id = f.report
		WHERE r.deleted IS NULL ORDER BY f.report`)
	if err != nil {
		return nil, fmt.Errorf("postgres: figures: %w", err)
	}
	defer rows.Close()
	var out []store.Figures
	for rows.Next() {
		var (
			f    store.Figures
			data string
		)
		if err := rows.Scan(&f.Report, &f.Stamp, &data); err != nil {
			return nil, fmt.Errorf("postgres: figures: %w", err)
		}
		f.Data = json.RawMessage(data)
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: figures: %w", err)
	}
	return out, nil
}

// FiguresSince returns what changed in Figures since mark; see
// store.FiguresReader. A mark is the snapshot of the database the read
// saw (pg_snapshot's text): every change of what Figures returns marks
// the rows it changed with its transaction (PutFigures, and the triggers
// of schema 7 on a move to or from the trash and on a deletion), so that
// what a read at a snapshot lacks is the rows whose transactions that
// snapshot did not see finished (marks.go), whatever order they committed
// in. One statement reads the rows and its snapshot.
func (s *Store) FiguresSince(ctx context.Context, mark string) (store.FiguresDelta, error) {
	var d store.FiguresDelta
	q, args := `SELECT 0, NULL, NULL, false, pg_current_snapshot()::text
		UNION ALL SELECT 1, f.report, f.stamp, false, f.data::text FROM figures f JOIN reports r ON r.id = f.report WHERE r.deleted IS NULL`, []any(nil)
	if snap, err := parseSnapshot(mark); err == nil {
		conds, a := snap.delta(nil, "f", "g")
		q, args = `SELECT 0, NULL, NULL, false, pg_current_snapshot()::text
			UNION ALL SELECT 1, f.report, f.stamp, r.deleted IS NOT NULL, f.data::text FROM figures f JOIN reports r ON r.id = f.report WHERE `+conds[0]+`
			UNION ALL SELECT 2, g.report, NULL, true, NULL FROM figures_gone g WHERE `+conds[1], a
	} else {
		d.All = true
	}
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return d, fmt.Errorf("postgres: figures since: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			kind        int
			report      *int64
			stamp, data *string
			gone        bool
		)
		if err := rows.Scan(&kind, &report, &stamp, &gone, &data); err != nil {
			return d, fmt.Errorf("postgres: figures since: %w", err)
		}
		switch {
		case kind == 0:
			d.Mark = *data
		case gone:
			d.Gone = append(d.Gone, *report)
		default:
			d.Figures = append(d.Figures, store.Figures{Report: *report, Stamp: *stamp, Data: json.RawMessage(*data)})
		}
	}
	if err := rows.Err(); err != nil {
		return d, fmt.Errorf("postgres: figures since: %w", err)
	}
	if d.Mark == "" {
		return d, fmt.Errorf("postgres: figures since: no snapshot read")
	}
	return d, nil
}
