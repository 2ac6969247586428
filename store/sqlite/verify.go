package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Verify checks the database: SQLite's integrity check of every page
// and index — the full-text index's own check included, on a database
// opened read-only too (below) —, the foreign keys, and that
// every report is whole — its text and fingerprints there, its versions
// numbered 1 … current without a gap, its live paragraphs in the
// full-text index. It reads everything, so it takes a while on a large
// store.
func (s *Store) Verify(ctx context.Context) error {
	if err := s.verify(ctx); err != nil {
		return fmt.Errorf("sqlite: verify %s: %w", s.path, err)
	}
	return nil
}

func (s *Store) verify(ctx context.Context) error {
	rows, err := s.r.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return err
	}
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("integrity check: %s", strings.Join(problems, "; "))
	}
	var table string
	err = s.r.QueryRowContext(ctx, `SELECT "table" FROM pragma_foreign_key_check LIMIT 1`).Scan(&table)
	if err == nil {
		return fmt.Errorf("a row of %s names a row that is not there (foreign key)", table)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	// The full-text index was checked above: PRAGMA integrity_check
	// runs FTS5's own check (its xIntegrity method, since SQLite 3.44;
	// the 'integrity-check' command, written as an INSERT, runs the same
	// check but cannot on a read-only database). Nothing is skipped there
	// (TestVerifyIndexReadOnly).
	checks := []struct{ what, query string }{
		{"has no text", `SELECT r.id FROM reports r WHERE NOT EXISTS (SELECT 1 FROM contents c WHERE c.report = r.id) LIMIT 1`},
		{"has no fingerprints", `SELECT r.id FROM reports r WHERE NOT EXISTS (SELECT 1 FROM fingerprints f WHERE f.report = r.id) LIMIT 1`},
		{"has versions missing or numbered wrongly", `SELECT r.id FROM reports r
			LEFT JOIN (SELECT report, count(*) AS n, max(version) AS last FROM versions GROUP BY report) v ON v.report = r.id
			WHERE r.version < 1 OR coalesce(v.n, 0) <> r.version - 1 OR coalesce(v.last, 0) <> r.version - 1 LIMIT 1`},
	}
	for _, c := range checks {
		var id int64
		err := s.r.QueryRowContext(ctx, c.query).Scan(&id)
		if err == nil {
			return fmt.Errorf("report %d %s", id, c.what)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	var indexed, live int64
	if err := s.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM paragraph_index),
		(SELECT count(*) FROM paragraphs p JOIN reports r ON r.id = p.report WHERE r.deleted IS NULL)`).Scan(&indexed, &live); err != nil {
		return err
	}
	if indexed != live {
		return fmt.Errorf("the full-text index holds %d paragraphs, the live reports %d", indexed, live)
	}
	return nil
}
