package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

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
	// The rows are marked with the new count (FiguresSince).
	var seq int64
	if err := w.tx.QueryRowContext(ctx, `UPDATE placement SET figures = figures + 1 RETURNING figures`).Scan(&seq); err != nil {
		return fmt.Errorf("sqlite: put figures: %w", err)
	}
	for _, f := range fs {
		if _, err := w.exec(`INSERT INTO figures (report, stamp, data, seq)
			SELECT id, ?, ?, ? FROM reports WHERE id = ?
			ON CONFLICT (report) DO UPDATE SET stamp = excluded.stamp, data = excluded.data, seq = excluded.seq`,
			f.Stamp, string(f.Data), seq, f.Report); err != nil {
			return fmt.Errorf("sqlite: put figures of report %d: %w", f.Report, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: put figures: commit: %w", err)
	}
	return nil
}

// FiguresSince returns what changed in Figures since mark; see
// store.FiguresReader. A mark is the database's figures_epoch and the
// count of placement.figures it was read at: every change of what
// Figures returns counts one more (PutFigures, and the triggers of schema
// 8 on a move to or from the trash and on a deletion) and marks what it
// changed with the count, in the writer's transaction, so that the rows
// marked above a mark's count are what changed since. One statement, one
// read transaction, reads the count with the rows.
func (s *Store) FiguresSince(ctx context.Context, mark string) (store.FiguresDelta, error) {
	epoch, seq, ok := parseFiguresMark(mark)
	if ok {
		d, sameEpoch, err := s.figuresSince(ctx, epoch, seq)
		if err != nil || sameEpoch {
			return d, err
		}
	}
	d, _, err := s.figuresSince(ctx, 0, -1)
	return d, err
}

// figuresSince reads the figures marked above seq (below 0: every live
// report's, and All is set); sameEpoch is false when the database's
// figures epoch is not epoch (seq ≥ 0), and the delta is then of no use.
func (s *Store) figuresSince(ctx context.Context, epoch, seq int64) (d store.FiguresDelta, sameEpoch bool, err error) {
	const (
		head  = `SELECT 0, figures_epoch, figures, NULL, NULL FROM placement`
		since = head + `
			UNION ALL SELECT 1, f.report, r.deleted IS NOT NULL, f.stamp, f.data FROM figures f JOIN reports r ON r.id = f.report WHERE f.seq > ?1
			UNION ALL SELECT 2, report, 1, NULL, NULL FROM figures_gone WHERE seq > ?1`
		all = head + `
			UNION ALL SELECT 1, f.report, 0, f.stamp, f.data FROM figures f JOIN reports r ON r.id = f.report WHERE r.deleted IS NULL`
	)
	q, args := since, []any{seq}
	if seq < 0 {
		q, args, d.All = all, nil, true
	}
	rows, err := s.rq.QueryContext(ctx, q, args...)
	if err != nil {
		return d, false, fmt.Errorf("sqlite: figures since %d: %w", seq, err)
	}
	defer rows.Close()
	var dbEpoch, count int64
	for rows.Next() {
		var (
			kind, a, b  int64
			stamp, data sql.NullString
		)
		if err := rows.Scan(&kind, &a, &b, &stamp, &data); err != nil {
			return d, false, fmt.Errorf("sqlite: figures since %d: %w", seq, err)
		}
		switch {
		case kind == 0:
			dbEpoch, count = a, b
		case b != 0: // in the trash, or deleted
			d.Gone = append(d.Gone, a)
		default:
			d.Figures = append(d.Figures, store.Figures{Report: a, Stamp: stamp.String, Data: []byte(data.String)})
		}
	}
	if err := rows.Err(); err != nil {
		return d, false, fmt.Errorf("sqlite: figures since %d: %w", seq, err)
	}
	d.Mark = strconv.FormatInt(dbEpoch, 10) + "." + strconv.FormatInt(count, 10)
	return d, seq < 0 || dbEpoch == epoch, nil
}

// parseFiguresMark parses a mark of FiguresSince: epoch.count.
func parseFiguresMark(mark string) (epoch, seq int64, ok bool) {
	e, c, found := strings.Cut(mark, ".")
	if !found {
		return 0, 0, false
	}
	epoch, err1 := strconv.ParseInt(e, 10, 64)
	seq, err2 := strconv.ParseInt(c, 10, 64)
	return epoch, seq, err1 == nil && err2 == nil && seq >= 0
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
