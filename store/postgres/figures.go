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
		ON CONFLICT (report) DO UPDATE SET stamp = excluded.stamp, data = excluded.data`, ids, stamps, data); err != nil {
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
