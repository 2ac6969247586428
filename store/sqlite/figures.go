package sqlite

import (
	"context"
	"fmt"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// PutFigures stores figures in one transaction, each replacing its
// report's; see store.Store.
func (s *Store) PutFigures(ctx context.Context, fs []store.Figures) error {
	for _, f := range fs {
		if err := norm.Figures(f); err != nil {
			return fmt.Errorf("sqlite: put figures: %w", err)
		}
	}
	if len(fs) == 0 {
		return nil
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: put figures: %w", err)
	}
	defer tx.Rollback()
	w := newWriter(ctx, tx)
	for _, f := range fs {
		if _, err := w.exec(`INSERT INTO figures (report, stamp, data)
			SELECT id, ?, ? FROM reports WHERE id = ?
			ON CONFLICT (report) DO UPDATE SET stamp = excluded.stamp, data = excluded.data`,
			f.Stamp, string(f.Data), f.Report); err != nil {
			return fmt.Errorf("sqlite: put figures of report %d: %w", f.Report, err)
		}
	}
	if _, err := w.exec(`UPDATE placement SET figures = figures + 1`); err != nil {
		return fmt.Errorf("sqlite: put figures: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: put figures: commit: %w", err)
	}
	return nil
}

// FiguresVersion is the last ID of versions, the placement generation
// and the count of PutFigures: see store.FiguresVersioner.
func (s *Store) FiguresVersion(ctx context.Context) (string, error) {
	var v [3]int64
	if err := s.rq.QueryRowContext(ctx, `SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'versions'), 0),
		generation, figures FROM placement`).Scan(&v[0], &v[1], &v[2]); err != nil {
		return "", fmt.Errorf("sqlite: figures version: %w", err)
	}
	return fmt.Sprint(v), nil
}

// Figures returns the stored figures of every live report, by report ID.
func (s *Store) Figures(ctx context.Context) ([]store.Figures, error) {
	rows, err := s.rq.QueryContext(ctx, `SELECT f.report, f.stamp, f.data FROM figures f JOIN reports r ON r.id = f.report
		WHERE r.deleted IS NULL ORDER BY f.report`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: figures: %w", err)
	}
	defer rows.Close()
	var out []store.Figures
	for rows.Next() {
		var (
			f    store.Figures
			data string
		)
		if err := rows.Scan(&f.Report, &f.Stamp, &data); err != nil {
			return nil, fmt.Errorf("sqlite: figures: %w", err)
		}
		f.Data = []byte(data)
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: figures: %w", err)
	}
	return out, nil
}
