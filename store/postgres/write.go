package postgres

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// Put stores r in one transaction and sets r.ID; see store.Store. A zero
// r.Added is set to the current time; Added is kept to the microsecond, in
// UTC (and so set in r). Fingerprints come back from Get distinct and
// ascending. Concurrent Puts of the same report store it once and all
// return its ID.
func (s *Store) Put(ctx context.Context, r *store.Report) (int64, bool, error) {
	ids, added, err := s.PutBatch(ctx, []*store.Report{r})
	if err != nil {
		return 0, false, err
	}
	return ids[0], added[0], nil
}

// PutBatch stores several reports in one transaction and sets their IDs.
// It returns each report's ID and whether it was added, as Put does. When
// it fails, none of the reports is stored.
func (s *Store) PutBatch(ctx context.Context, rs []*store.Report) (ids []int64, added []bool, err error) {
	for _, r := range rs {
		if err := norm.Report(r); err != nil {
			return nil, nil, fmt.Errorf("postgres: put %s: %w", name(r), err)
		}
	}
	if len(rs) == 0 {
		return nil, nil, nil
	}
	// What can be made outside the transaction is.
	ds := make([]*derived, len(rs))
	for i, r := range rs {
		ds[i] = derive(r)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("postgres: put: %w", err)
	}
	defer tx.Rollback(ctx)
	ids = make([]int64, len(rs))
	added = make([]bool, len(rs))
	// In the order of their keys (the report for a new version, else the
	// text), so that two batches holding the same reports wait for each
	// other rather than deadlock.
	order := make([]int, len(rs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(rs[a].ID, rs[b].ID),
			strings.Compare(rs[a].FileHash, rs[b].FileHash), cmp.Compare(rs[a].Index, rs[b].Index))
	})
	for _, i := range order {
		r := rs[i]
		ids[i], added[i], err = put(ctx, tx, r, ds[i])
		if err != nil {
			return nil, nil, fmt.Errorf("postgres: put %s: %w", name(r), err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, nil, fmt.Errorf("postgres: put: commit: %w", err)
	}
	for i, r := range rs {
		r.ID = ids[i]
		if added[i] {
			r.Version = ds[i].version
		}
	}
	if slices.Contains(added, true) {
		s.analyzeIfStale(ctx)
	}
	return ids, added, nil
}

// analyzeIfStale gives the planner statistics of the report tables when
// they have none, or when more rows of paragraphs changed since they were
// taken than the table held then (50 and all its rows): the table has
// about doubled. Without statistics PostgreSQL plans a search as if the
// tables were empty: a nested loop over every paragraph that holds the
// phrase instead of a hash join (a search for a common word behind
// bench/load 60 → 18 ms; the mixed load on a new database 98 → 309
// requests/s). Once they exist, the planner scales the row counts by the
// tables' current sizes, and fresher statistics were not worth what they
// cost: at autovacuum's threshold (a tenth of the table) a store growing
// as bench/load's was analyzed every few seconds, a few hundred
// milliseconds of the database's CPU each. Autovacuum, where it runs,
// does the same at its own threshold. One check at a time,
// after every write that added a report; what fails (a read-only
// database) is left to the next.
func (s *Store) analyzeIfStale(ctx context.Context) {
	if !s.analyzing.TryLock() {
		return
	}
	defer s.analyzing.Unlock()
	var stale bool
	err := s.pool.QueryRow(ctx, `SELECT c.reltuples < 0 OR coalesce(t.n_mod_since_analyze, 0) > 50 + c.reltuples
		FROM pg_class c LEFT JOIN pg_stat_user_tables t ON t.relid = c.oid
		WHERE c.oid = 'paragraphs'::regclass`).Scan(&stale)
	if err != nil || !stale {
		return
	}
	_, _ = s.pool.Exec(ctx, analyzeSQL)
}

// analyzeSQL analyzes the report tables whole: an ANALYZE of some
// columns only does not count the changes since as analyzed
// (pg_stat_user_tables.n_mod_since_analyze), and the next check would
// analyze again.
const analyzeSQL = `ANALYZE reports, fingerprints, paragraphs`

// name names r in an error message.
func name(r *store.Report) string {
	if r == nil {
		return "report"
	}
	return fmt.Sprintf("%s report %d", r.Path, r.Index)
}

// derived holds the values of a report's rows that are not fields of the
// report.
type derived struct {
	years        []int
	fingerprints []int64 // distinct, ascending as uint64
	offsets      []int64
	kinds        []string
	texts        []string
	terms        []string // the search tokens of each paragraph, spaced
	version      int      // the version stored
	textKey      string   // store.TextKey of the text
}

func derive(r *store.Report) *derived {
	// Empty arrays, not NULL.
	d := &derived{years: append([]int{}, r.Years...), fingerprints: []int64{}, textKey: store.TextKey(r.Text)}
	for _, h := range norm.Fingerprints(r.Fingerprints) {
		d.fingerprints = append(d.fingerprints, int64(h))
	}
	for _, p := range r.Paragraphs {
		d.offsets = append(d.offsets, int64(p.Offset))
		d.kinds = append(d.kinds, p.Kind)
		d.texts = append(d.texts, p.Text)
		d.terms = append(d.terms, store.Spaced(p.Text))
	}
	return d
}

// put stores r in tx as a new report or, with r.ID set, as a new version
// of a report, unless it is there already.
func put(ctx context.Context, tx pgx.Tx, r *store.Report, d *derived) (int64, bool, error) {
	holder, err := holderOf(ctx, tx, r.FileHash, r.Index)
	switch {
	case err != nil:
		return 0, false, err
	case holder != 0 && r.ID == 0:
		// A text belongs to one report; one in the trash comes back.
		return revive(ctx, tx, holder, d)
	case holder != 0 && holder != r.ID:
		return holder, false, nil
	case r.ID != 0:
		return revise(ctx, tx, r, d)
	}
	if r.ByText && d.textKey != "" {
		// The same text from another file: stored once.
		var same int64
		err := tx.QueryRow(ctx, `SELECT id FROM reports WHERE text_key = $1 AND deleted IS NULL ORDER BY id LIMIT 1`, d.textKey).Scan(&same)
		if err == nil {
			return same, false, nil
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return 0, false, err
		}
	}
	// A concurrent Put of the same report may insert it first: then this
	// INSERT waits for it to commit, inserts nothing, and the report is
	// found again.
	var id int64
	err = tx.QueryRow(ctx, `INSERT INTO reports
		(file_hash, idx, path, title, unit, level, years, period, genre, chars, added, text, data, findings, fingerprints, version, note, unit_id, text_key)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text::json, $14::text::json, $15, 1, $16, $17, $18)
		ON CONFLICT (file_hash, idx) DO NOTHING
		RETURNING id`,
		r.FileHash, r.Index, r.Path, r.Title, r.Unit, r.Level, d.years, r.Period, r.Genre, r.Chars, r.Added, r.Text,
		jsonText(r.Data), jsonText(r.Findings), d.fingerprints, r.Note, unitArg(r.UnitID), d.textKey).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		if err := tx.QueryRow(ctx, `SELECT id FROM reports WHERE file_hash = $1 AND idx = $2`, r.FileHash, r.Index).Scan(&id); err != nil {
			return 0, false, fmt.Errorf("report stored concurrently: %w", err)
		}
		return id, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("report: %w", err)
	}
	d.version = 1
	if err := putRows(ctx, tx, id, d); err != nil {
		return 0, false, err
	}
	return id, true, nil
}

// revive brings report id, which holds the text of a report being put,
// back from the trash; a live one is left as it is (added false).
func revive(ctx context.Context, tx pgx.Tx, id int64, d *derived) (int64, bool, error) {
	var version int
	err := tx.QueryRow(ctx, `UPDATE reports SET deleted = NULL WHERE id = $1 AND deleted IS NOT NULL RETURNING version`, id).Scan(&version)
	if errors.Is(err, pgx.ErrNoRows) {
		return id, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	d.version = version
	return id, true, nil
}

// unitArg returns a unit ID as a parameter: NULL for 0 (unassigned).
func unitArg(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// holderOf returns the report a version of which holds (fileHash, index),
// the current versions first, or 0.
func holderOf(ctx context.Context, tx pgx.Tx, fileHash string, index int) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, `(SELECT id FROM reports WHERE file_hash = $1 AND idx = $2)
		UNION ALL (SELECT report FROM versions WHERE file_hash = $1 AND idx = $2) LIMIT 1`, fileHash, index).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// putRows stores the fingerprints and paragraphs of report id.
func putRows(ctx context.Context, tx pgx.Tx, id int64, d *derived) error {
	if len(d.fingerprints) > 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO fingerprints (hash, report) SELECT unnest($1::bigint[]), $2`, d.fingerprints, id); err != nil {
			return fmt.Errorf("fingerprints: %w", err)
		}
	}
	if len(d.texts) > 0 {
		_, err := tx.Exec(ctx, `INSERT INTO paragraphs (report, char_offset, kind, text, terms)
			SELECT $1, o, k, t, to_tsvector('simple', s)
			FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS p (o, k, t, s, n)
			ORDER BY n`,
			id, d.offsets, d.kinds, d.texts, d.terms)
		if err != nil {
			return fmt.Errorf("paragraphs: %w", err)
		}
	}
	return nil
}

// revise stores r as the new current version of report r.ID, keeping the
// current one in versions, unless it is the same as the current one.
func revise(ctx context.Context, tx pgx.Tx, r *store.Report, d *derived) (int64, bool, error) {
	// The row is locked: concurrent new versions of one report are
	// stored one after the other.
	cur, err := scanSummary(tx.QueryRow(ctx, `SELECT `+summaryColumns+` FROM reports r WHERE r.id = $1 AND r.deleted IS NULL FOR UPDATE`, r.ID))
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, false, store.ErrNotFound
	}
	if err != nil {
		return 0, false, err
	}
	if norm.SameVersion(r, cur) {
		return r.ID, false, nil
	}
	var old []int64
	err = tx.QueryRow(ctx, `INSERT INTO versions (report, version, file_hash, idx, path, title, unit, level, years, period, genre,
			chars, added, note, text, data, findings, fingerprints, paragraphs)
		SELECT r.id, r.version, r.file_hash, r.idx, r.path, r.title, r.unit, r.level, r.years, r.period, r.genre,
			r.chars, r.added, r.note, r.text, r.data, r.findings, r.fingerprints,
			(SELECT coalesce(json_agg(json_build_array(p.char_offset, p.kind, p.text) ORDER BY p.id), '[]'::json)
				FROM paragraphs p WHERE p.report = r.id)
		FROM reports r WHERE r.id = $1
		RETURNING fingerprints`, r.ID).Scan(&old)
	if err != nil {
		return 0, false, fmt.Errorf("keep version %d: %w", cur.Version, err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM fingerprints WHERE hash = ANY ($1) AND report = $2`, old, r.ID); err != nil {
		return 0, false, fmt.Errorf("fingerprints: %w", err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM paragraphs WHERE report = $1`, r.ID); err != nil {
		return 0, false, fmt.Errorf("paragraphs: %w", err)
	}
	d.version = cur.Version + 1
	_, err = tx.Exec(ctx, `UPDATE reports SET file_hash = $1, idx = $2, path = $3, title = $4, unit = $5, level = $6, years = $7,
			period = $8, genre = $9, chars = $10, added = $11, text = $12, data = $13::text::json, findings = $14::text::json,
			fingerprints = $15, version = $16, note = $17, unit_id = coalesce($19, unit_id), text_key = $20
		WHERE id = $18`,
		r.FileHash, r.Index, r.Path, r.Title, r.Unit, r.Level, d.years, r.Period, r.Genre, r.Chars, r.Added, r.Text,
		jsonText(r.Data), jsonText(r.Findings), d.fingerprints, d.version, r.Note, r.ID, unitArg(r.UnitID), d.textKey)
	if err != nil {
		return 0, false, fmt.Errorf("report: %w", err)
	}
	if err := putRows(ctx, tx, r.ID, d); err != nil {
		return 0, false, err
	}
	return r.ID, true, nil
}

// jsonText returns raw as a parameter: nil (NULL) when empty.
func jsonText(raw []byte) any {
	if b := norm.JSON(raw); b != nil {
		return string(b)
	}
	return nil
}

// Delete removes a report, live or in the trash, its fingerprints and its
// paragraphs.
func (s *Store) Delete(ctx context.Context, id int64) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: delete %d: %w", id, err)
	}
	defer tx.Rollback(ctx)
	var fps []int64
	err = tx.QueryRow(ctx, `DELETE FROM reports WHERE id = $1 RETURNING fingerprints`, id).Scan(&fps)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("postgres: delete %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("postgres: delete %d: %w", id, err)
	}
	// The paragraphs follow by ON DELETE CASCADE; the fingerprints are
	// found by their primary key.
	if _, err := tx.Exec(ctx, `DELETE FROM fingerprints WHERE hash = ANY ($1) AND report = $2`, fps, id); err != nil {
		return fmt.Errorf("postgres: delete %d: fingerprints: %w", id, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: delete %d: commit: %w", id, err)
	}
	return nil
}

// Optimize refreshes the planner's statistics after a bulk add (VACUUM
// ANALYZE), so that posting lookups use the hash index; corpus.Add calls
// it after adding many reports.
func (s *Store) Optimize(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, "VACUUM ANALYZE reports, fingerprints, paragraphs"); err != nil {
		return fmt.Errorf("postgres: optimize: %w", err)
	}
	return nil
}
