package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// summaryColumns are the columns scanSummary reads, of reports as r.
const summaryColumns = `r.id, r.version, r.note, r.file_hash, r.idx, r.path, r.title, r.unit, r.level, r.years, r.period, r.genre, r.chars, r.added, coalesce(r.unit_id, 0)`

// versionColumns are the columns of versions as v, joined with their
// report as r, in the order of summaryColumns.
const versionColumns = `v.report, v.version, v.note, v.file_hash, v.idx, v.path, v.title, v.unit, v.level, v.years, v.period, v.genre, v.chars, v.added, coalesce(r.unit_id, 0)`

// scanSummary reads summaryColumns followed by the columns of extra.
func scanSummary(row pgx.Row, extra ...any) (store.Summary, error) {
	var (
		s     store.Summary
		added time.Time
	)
	dest := append([]any{&s.ID, &s.Version, &s.Note, &s.FileHash, &s.Index, &s.Path, &s.Title, &s.Unit, &s.Level,
		&s.Years, &s.Period, &s.Genre, &s.Chars, &added, &s.UnitID}, extra...)
	if err := row.Scan(dest...); err != nil {
		return s, err
	}
	if len(s.Years) == 0 {
		s.Years = nil
	}
	s.Added = norm.Time(added)
	return s, nil
}

// Get returns the report with the given ID whole, or store.ErrNotFound.
func (s *Store) Get(ctx context.Context, id int64) (*store.Report, error) {
	r, err := s.get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("postgres: get %d: %w", id, err)
	}
	return r, nil
}

func (s *Store) get(ctx context.Context, id int64) (*store.Report, error) {
	if kept, xmin, ok := s.reports.get(id); ok {
		var now uint32
		err := s.pool.QueryRow(ctx, `SELECT xmin::text::bigint FROM reports WHERE id = $1 AND deleted IS NULL`, id).Scan(&now)
		if errors.Is(err, pgx.ErrNoRows) {
			s.reports.drop(id)
			return nil, store.ErrNotFound
		}
		if err != nil {
			return nil, err
		}
		if now == xmin {
			return cloneReport(kept), nil
		}
	}
	// One statement, so that the parts come from one snapshot, in one
	// round trip: the paragraphs as three arrays.
	var (
		text           string
		data, findings *string
		fps            []int64
		offsets        []int32
		texts, kinds   []string
		xmin           uint32
	)
	sum, err := scanSummary(s.pool.QueryRow(ctx, `SELECT `+summaryColumns+`, r.text, r.data::text, r.findings::text, r.fingerprints, p.offsets, p.texts, p.kinds, r.xmin::text::bigint
		FROM reports r, LATERAL (SELECT coalesce(array_agg(char_offset ORDER BY id), '{}') AS offsets,
			coalesce(array_agg(text ORDER BY id), '{}') AS texts, coalesce(array_agg(kind ORDER BY id), '{}') AS kinds
			FROM paragraphs WHERE report = r.id) p
		WHERE r.id = $1 AND r.deleted IS NULL`, id), &text, &data, &findings, &fps, &offsets, &texts, &kinds, &xmin)
	if errors.Is(err, pgx.ErrNoRows) {
		s.reports.drop(id)
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if len(texts) != len(offsets) || len(kinds) != len(offsets) {
		return nil, fmt.Errorf("paragraphs: %d offsets, %d texts, %d kinds", len(offsets), len(texts), len(kinds))
	}
	r := fromSummary(sum, text, data, findings, fps)
	if len(offsets) > 0 {
		r.Paragraphs = make([]store.Paragraph, len(offsets))
		for i, off := range offsets {
			r.Paragraphs[i] = store.Paragraph{Offset: int(off), Text: texts[i], Kind: kinds[i]}
		}
	}
	s.reports.put(cloneReport(r), xmin)
	return r, nil
}

// Texts returns the current versions of the reports ids with their
// texts only (no data, findings, fingerprints or paragraphs), each once,
// in the order of ids; unknown IDs and reports in the trash are left out.
func (s *Store) Texts(ctx context.Context, ids []int64) ([]*store.Report, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT `+summaryColumns+`, r.text FROM reports r
		WHERE r.id = ANY ($1) AND r.deleted IS NULL`, ids)
	if err != nil {
		return nil, fmt.Errorf("postgres: texts: %w", err)
	}
	defer rows.Close()
	found := make(map[int64]*store.Report, len(ids))
	for rows.Next() {
		var text string
		sum, err := scanSummary(rows, &text)
		if err != nil {
			return nil, fmt.Errorf("postgres: texts: %w", err)
		}
		found[sum.ID] = fromSummary(sum, text, nil, nil, nil)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: texts: %w", err)
	}
	return norm.InOrder(ids, found), nil
}

// fromSummary returns a report with the fields of sum and the others
// given.
func fromSummary(sum store.Summary, text string, data, findings *string, fps []int64) *store.Report {
	r := &store.Report{
		ID: sum.ID, Version: sum.Version, Note: sum.Note, FileHash: sum.FileHash, Index: sum.Index, Path: sum.Path,
		Title: sum.Title, Unit: sum.Unit, Level: sum.Level, Years: sum.Years, Period: sum.Period, Genre: sum.Genre,
		Chars: sum.Chars, Added: sum.Added, UnitID: sum.UnitID, Text: text,
	}
	if data != nil {
		r.Data = json.RawMessage(*data)
	}
	if findings != nil {
		r.Findings = json.RawMessage(*findings)
	}
	for _, h := range fps {
		r.Fingerprints = append(r.Fingerprints, uint64(h))
	}
	return r
}

// Versions returns the versions of a report, oldest first, the current one
// last; or store.ErrNotFound.
func (s *Store) Versions(ctx context.Context, id int64) ([]store.Summary, error) {
	out, err := s.versions(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("postgres: versions of %d: %w", id, err)
	}
	return out, nil
}

func (s *Store) versions(ctx context.Context, id int64) ([]store.Summary, error) {
	// One statement (one snapshot, one round trip): the earlier versions
	// and the current one, which versions never holds; none when the
	// report is not stored or in the trash.
	rows, err := s.pool.Query(ctx, `SELECT `+versionColumns+` FROM versions v JOIN reports r ON r.id = v.report
			WHERE v.report = $1 AND r.deleted IS NULL
		UNION ALL
		SELECT `+summaryColumns+` FROM reports r WHERE r.id = $1 AND r.deleted IS NULL
		ORDER BY 2`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Summary
	for rows.Next() {
		sum, err := scanSummary(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, store.ErrNotFound
	}
	return out, nil
}

// GetVersion returns a version of a report whole, or store.ErrNotFound.
func (s *Store) GetVersion(ctx context.Context, id int64, version int) (*store.Report, error) {
	r, err := s.getVersion(ctx, id, version)
	if err != nil {
		return nil, fmt.Errorf("postgres: get %d version %d: %w", id, version, err)
	}
	return r, nil
}

func (s *Store) getVersion(ctx context.Context, id int64, version int) (*store.Report, error) {
	var (
		text           string
		data, findings *string
		fps            []int64
		paragraphs     []byte
	)
	// A new version stored between the two reads below moves the current
	// one, perhaps the one asked for, among the earlier versions: look
	// there once more before saying it does not exist.
	var (
		sum store.Summary
		err error
	)
	for again := true; ; again = false {
		sum, err = scanSummary(s.pool.QueryRow(ctx, `SELECT `+versionColumns+`, v.text, v.data::text, v.findings::text, v.fingerprints, v.paragraphs::text
			FROM versions v JOIN reports r ON r.id = v.report
			WHERE v.report = $1 AND v.version = $2 AND r.deleted IS NULL`, id, version), &text, &data, &findings, &fps, &paragraphs)
		if !errors.Is(err, pgx.ErrNoRows) {
			break
		}
		// Not an earlier version: the current one, or none.
		r, err := s.get(ctx, id)
		if err != nil {
			return nil, err
		}
		if r.Version == version {
			return r, nil
		}
		if r.Version < version || !again {
			return nil, store.ErrNotFound
		}
	}
	if err != nil {
		return nil, err
	}
	r := fromSummary(sum, text, data, findings, fps)
	var paras [][3]any
	if err := json.Unmarshal(paragraphs, &paras); err != nil {
		return nil, fmt.Errorf("paragraphs: %w", err)
	}
	for _, p := range paras {
		off, _ := p[0].(float64)
		kind, _ := p[1].(string)
		text, _ := p[2].(string)
		r.Paragraphs = append(r.Paragraphs, store.Paragraph{Offset: int(off), Kind: kind, Text: text})
	}
	return r, nil
}

// Find returns the ID of the report a version of which holds (fileHash,
// index), or store.ErrNotFound.
func (s *Store) Find(ctx context.Context, fileHash string, index int) (int64, error) {
	var id int64
	err := s.pool.QueryRow(ctx, `(SELECT id FROM reports WHERE file_hash = $1 AND idx = $2 AND deleted IS NULL)
		UNION ALL (SELECT v.report FROM versions v JOIN reports r ON r.id = v.report
			WHERE v.file_hash = $1 AND v.idx = $2 AND r.deleted IS NULL) LIMIT 1`, fileHash, index).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("postgres: find %s report %d: %w", fileHash, index, err)
	}
	return id, nil
}

// filterSQL returns the conditions, each starting with " AND ", that
// select the reports (as r) f selects, and appends their arguments to args.
// Reports in the trash are not selected.
func filterSQL(f store.Filter, args []any) (string, []any) {
	cond, args := selectSQL(f, args)
	return " AND r.deleted IS NULL" + cond, args
}

// selectSQL returns the conditions of filterSQL but the trash's.
func selectSQL(f store.Filter, args []any) (string, []any) {
	var b strings.Builder
	add := func(cond string, arg any) {
		args = append(args, arg)
		b.WriteString(" AND " + strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args))))
	}
	if f.Path != "" {
		add("r.path = ?", f.Path)
	}
	if f.Unit != "" {
		add("r.unit = ?", f.Unit)
	}
	if f.Level != "" {
		add("r.level = ?", f.Level)
	}
	if f.Year != 0 {
		add("? = ANY (r.years)", f.Year)
	}
	if f.Genre != "" {
		add("r.genre = ?", f.Genre)
	}
	if sc := f.Scope; sc != nil {
		units := sc.Units
		if units == nil {
			units = []int64{}
		}
		args = append(args, units, sc.Unassigned)
		fmt.Fprintf(&b, " AND (r.unit_id = ANY ($%d) OR ($%d AND r.unit_id IS NULL))", len(args)-1, len(args))
	}
	return b.String(), args
}

// List returns the reports f selects, by ID: from the list cache
// (listcache.go) when it can answer.
func (s *Store) List(ctx context.Context, f store.Filter) ([]store.Summary, error) {
	out, ok, err := s.lists.list(ctx, s.pool, &s.marks, f)
	if err != nil {
		return nil, fmt.Errorf("postgres: list: %w", err)
	}
	if ok {
		return out, nil
	}
	return s.listAll(ctx, f)
}

// listAll is List from the database.
func (s *Store) listAll(ctx context.Context, f store.Filter) ([]store.Summary, error) {
	cond, args := filterSQL(f, nil)
	rows, err := s.pool.Query(ctx, `SELECT `+summaryColumns+` FROM reports r WHERE true`+cond+` ORDER BY r.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: list: %w", err)
	}
	defer rows.Close()
	var out []store.Summary
	for rows.Next() {
		sum, err := scanSummary(rows)
		if err != nil {
			return nil, fmt.Errorf("postgres: list: %w", err)
		}
		out = append(out, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: list: %w", err)
	}
	return out, nil
}

// Search returns the paragraphs that hold the tokens of q.Text
// consecutively, best first (see norm.Rank). A query without tokens finds
// nothing. Of a phrase found in more than 20,000 paragraphs (of the
// reports and sections q selects), the best of the 20,000 added last are
// returned: ranking every one of millions would take seconds.
func (s *Store) Search(ctx context.Context, q store.Query) ([]store.Hit, error) {
	hits, err := s.search(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", q.Text, err)
	}
	return hits, nil
}

func (s *Store) search(ctx context.Context, q store.Query) ([]store.Hit, error) {
	phrase := store.Spaced(q.Text)
	if phrase == "" {
		return nil, nil
	}
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(ctx)
	var (
		snap = norm.Snapshot{Marks: true}
		text string
	)
	if err := tx.QueryRow(ctx, snapshotSQL).Scan(&snap.Generation[0], &text); err != nil {
		return nil, err
	}
	if snap.Paragraph, err = s.marks.parse(text); err != nil {
		return nil, err
	}
	snap.Report = snap.Paragraph
	src := searchSource{tx: tx, marks: &s.marks}
	var (
		best []norm.Scored
		ok   bool
	)
	// Mark 0: older than every snapshot kept (see marks.mark), which says
	// nothing of what it sees; the database answers.
	if snap.Paragraph > 0 {
		if best, ok, err = s.found.Search(ctx, src, snap, q); err != nil {
			return nil, err
		}
	}
	if !ok {
		if best, err = rankMatches(ctx, tx, phrase, q); err != nil {
			return nil, err
		}
	}
	// The hits kept are those of the generation, whatever the mark; the
	// others are read in the search's snapshot (a paragraph newer than it
	// that the cache held is left out).
	return s.found.Hits(ctx, src, snap, best)
}

// postingsAll is Postings read from the database, not the holders cache
// (for the tests).
func (s *Store) postingsAll(ctx context.Context, hashes []uint64) (map[uint64][]store.Posting, error) {
	out := make(map[uint64][]store.Posting)
	if len(hashes) == 0 {
		return out, nil
	}
	keys := make([]int64, 0, len(hashes))
	for _, h := range norm.Fingerprints(hashes) {
		keys = append(keys, int64(h))
	}
	// A row a report, its hashes in an array, joined to reports after
	// grouping: a hash of a template's text is held by hundreds of
	// reports, and a row of (hash, report) each, joined and sorted by
	// PostgreSQL, cost twice the database's CPU (a report of bench/load,
	// 32 hashes, 3,656 postings: 6.9-9.3 -> 3.7-4.1 ms).
	rows, err := s.pool.Query(ctx, `SELECT g.report, r.unit, coalesce(r.unit_id, 0), g.hashes
		FROM (SELECT report, array_agg(hash) AS hashes FROM fingerprints WHERE hash = ANY ($1) GROUP BY report) g
		JOIN reports r ON r.id = g.report
		WHERE r.deleted IS NULL ORDER BY g.report`, keys)
	if err != nil {
		return nil, fmt.Errorf("postgres: postings: %w", err)
	}
	var (
		p    store.Posting
		held []int64
	)
	_, err = pgx.ForEachRow(rows, []any{&p.Report, &p.Unit, &p.UnitID, &held}, func() error {
		for _, h := range held {
			out[uint64(h)] = append(out[uint64(h)], p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: postings: %w", err)
	}
	return out, nil
}

// eachBatch is the number of reports EachFingerprints reads at a time.
var eachBatch = 1000

// EachFingerprints calls fn with every report's ID, unit and fingerprints
// (ascending), by ID, and stops at fn's first error, which it returns.
// Reports are read a thousand at a time, so fn may use the store, and
// reports added meanwhile may or may not be seen.
func (s *Store) EachFingerprints(ctx context.Context, fn func(id int64, unit string, fps []uint64) error) error {
	type item struct {
		id   int64
		unit string
		fps  []uint64
	}
	var last int64
	for {
		rows, err := s.pool.Query(ctx, `SELECT id, unit, fingerprints FROM reports WHERE id > $1 AND deleted IS NULL ORDER BY id LIMIT $2`, last, eachBatch)
		if err != nil {
			return fmt.Errorf("postgres: fingerprints: %w", err)
		}
		var (
			batch []item
			it    item
			fps   []int64
		)
		_, err = pgx.ForEachRow(rows, []any{&it.id, &it.unit, &fps}, func() error {
			hashes := make([]uint64, len(fps))
			for i, h := range fps {
				hashes[i] = uint64(h)
			}
			batch = append(batch, item{it.id, it.unit, hashes})
			return nil
		})
		if err != nil {
			return fmt.Errorf("postgres: fingerprints: %w", err)
		}
		for _, it := range batch {
			if err := fn(it.id, it.unit, it.fps); err != nil {
				return err
			}
		}
		if len(batch) < eachBatch {
			return nil
		}
		last = batch[len(batch)-1].id
	}
}

// Count returns the number of reports stored.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM reports WHERE deleted IS NULL`).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres: count: %w", err)
	}
	return n, nil
}
