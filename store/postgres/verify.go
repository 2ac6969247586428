package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Verify checks that every report is whole: its versions numbered 1 …
// current without a gap, its fingerprints all in the table Postings
// reads and none of a report not stored. (The server checks its own
// pages and indexes: PostgreSQL's amcheck, pg_dump.) It reads everything,
// so it takes a while on a large store.
func (s *Store) Verify(ctx context.Context) error {
	checks := []struct{ what, query string }{
		{"has versions missing or numbered wrongly", `SELECT r.id FROM reports r
			LEFT JOIN (SELECT report, count(*) AS n, max(version) AS last FROM versions GROUP BY report) v ON v.report = r.id
			WHERE r.version < 1 OR coalesce(v.n, 0) <> r.version - 1 OR coalesce(v.last, 0) <> r.version - 1 LIMIT 1`},
		{"has fingerprints missing from the index", `SELECT r.id FROM reports r
			WHERE cardinality(r.fingerprints) <> (SELECT count(*) FROM fingerprints f WHERE f.report = r.id) LIMIT 1`},
		{"has fingerprints of no report", `SELECT f.report FROM fingerprints f
			WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = f.report) LIMIT 1`},
	}
	for _, c := range checks {
		var id int64
		err := s.pool.QueryRow(ctx, c.query).Scan(&id)
		if err == nil {
			return fmt.Errorf("postgres: verify: report %d %s", id, c.what)
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("postgres: verify: %w", err)
		}
	}
	return nil
}
