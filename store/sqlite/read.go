package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// summaryColumns are the columns scanSummary reads, of reports as r.
const summaryColumns = `r.id, r.version, r.note, r.file_hash, r.idx, r.path, r.title, r.unit, r.level, r.years, r.period, r.genre, r.chars, r.added, coalesce(r.unit_id, 0)`

// scanner is a *sql.Row or *sql.Rows.
type scanner interface {
	Scan(dest ...any) error
}

// scanSummary reads summaryColumns followed by the columns of extra.
func scanSummary(sc scanner, extra ...any) (store.Summary, error) {
	var (
		s     store.Summary
		years string
		added int64
	)
	dest := append([]any{&s.ID, &s.Version, &s.Note, &s.FileHash, &s.Index, &s.Path, &s.Title, &s.Unit, &s.Level,
		&years, &s.Period, &s.Genre, &s.Chars, &added, &s.UnitID}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return s, err
	}
	if err := json.Unmarshal([]byte(years), &s.Years); err != nil {
		return s, fmt.Errorf("report %d: years %q: %w", s.ID, years, err)
	}
	if len(s.Years) == 0 {
		s.Years = nil
	}
	s.Added = time.UnixMicro(added).UTC()
	return s, nil
}

// Get returns the report with the given ID whole, or store.ErrNotFound.
func (s *Store) Get(ctx context.Context, id int64) (*store.Report, error) {
	r, err := s.get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: get %d: %w", id, err)
	}
	return r, nil
}

func (s *Store) get(ctx context.Context, id int64) (*store.Report, error) {
	// One read transaction, so that the parts come from one snapshot.
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var (
		text             string
		data, findings   sql.NullString
		hashes           []byte
		fingerprintsSeen sql.NullInt64
	)
	q := s.rq.in(tx)
	sum, err := scanSummary(q.QueryRowContext(ctx, `SELECT `+summaryColumns+`, c.text, c.data, c.findings, f.hashes, f.report
		FROM reports r JOIN contents c ON c.report = r.id LEFT JOIN fingerprints f ON f.report = r.id
		WHERE r.id = ? AND r.deleted IS NULL`, id), &text, &data, &findings, &hashes, &fingerprintsSeen)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	r := fromSummary(sum)
	r.Text = text
	if data.Valid {
		r.Data = json.RawMessage(data.String)
	}
	if findings.Valid {
		r.Findings = json.RawMessage(findings.String)
	}
	if r.Fingerprints, err = unpackHashes(hashes); err != nil {
		return nil, err
	}
	if len(r.Fingerprints) == 0 {
		r.Fingerprints = nil
	}
	rows, err := q.QueryContext(ctx, `SELECT char_offset, text, kind FROM paragraphs WHERE report = ? ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var p store.Paragraph
		if err := rows.Scan(&p.Offset, &p.Text, &p.Kind); err != nil {
			return nil, err
		}
		r.Paragraphs = append(r.Paragraphs, p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return r, nil
}

// Texts returns the current versions of the reports ids with their
// texts only (no data, findings, fingerprints or paragraphs), each once,
// in the order of ids; unknown IDs and reports in the trash are left out.
func (s *Store) Texts(ctx context.Context, ids []int64) ([]*store.Report, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := s.rq.QueryContext(ctx, `SELECT `+summaryColumns+`, c.text FROM reports r JOIN contents c ON c.report = r.id
		WHERE r.id IN (SELECT value FROM json_each(?)) AND r.deleted IS NULL`, string(list))
	if err != nil {
		return nil, fmt.Errorf("sqlite: texts: %w", err)
	}
	defer rows.Close()
	found := make(map[int64]*store.Report, len(ids))
	for rows.Next() {
		var text string
		sum, err := scanSummary(rows, &text)
		if err != nil {
			return nil, fmt.Errorf("sqlite: texts: %w", err)
		}
		r := fromSummary(sum)
		r.Text = text
		found[r.ID] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: texts: %w", err)
	}
	return norm.InOrder(ids, found), nil
}

// fromSummary returns a report with the fields of sum.
func fromSummary(sum store.Summary) *store.Report {
	return &store.Report{
		ID: sum.ID, Version: sum.Version, Note: sum.Note, FileHash: sum.FileHash, Index: sum.Index, Path: sum.Path,
		Title: sum.Title, Unit: sum.Unit, Level: sum.Level, Years: sum.Years, Period: sum.Period, Genre: sum.Genre,
		Chars: sum.Chars, Added: sum.Added, UnitID: sum.UnitID,
	}
}

// versionColumns are the columns of versions as v, joined with their
// report as r, in the order of summaryColumns.
const versionColumns = `v.report, v.version, v.note, v.file_hash, v.idx, v.path, v.title, v.unit, v.level, v.years, v.period, v.genre, v.chars, v.added, coalesce(r.unit_id, 0)`

// Versions returns the versions of a report, oldest first, the current one
// last; or store.ErrNotFound.
func (s *Store) Versions(ctx context.Context, id int64) ([]store.Summary, error) {
	out, err := s.versions(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: versions of %d: %w", id, err)
	}
	return out, nil
}

func (s *Store) versions(ctx context.Context, id int64) ([]store.Summary, error) {
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	q := s.rq.in(tx)
	cur, err := scanSummary(q.QueryRowContext(ctx, `SELECT `+summaryColumns+` FROM reports r WHERE r.id = ? AND r.deleted IS NULL`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+versionColumns+` FROM versions v JOIN reports r ON r.id = v.report
		WHERE v.report = ? ORDER BY v.version`, id)
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
	return append(out, cur), nil
}

// GetVersion returns a version of a report whole, or store.ErrNotFound.
func (s *Store) GetVersion(ctx context.Context, id int64, version int) (*store.Report, error) {
	r, err := s.getVersion(ctx, id, version)
	if err != nil {
		return nil, fmt.Errorf("sqlite: get %d version %d: %w", id, version, err)
	}
	return r, nil
}

func (s *Store) getVersion(ctx context.Context, id int64, version int) (*store.Report, error) {
	var (
		text           string
		data, findings sql.NullString
		hashes         []byte
		paragraphs     string
	)
	// A new version stored between the two reads below moves the current
	// one, perhaps the one asked for, among the earlier versions: look
	// there once more before saying it does not exist.
	var (
		sum store.Summary
		err error
	)
	for again := true; ; again = false {
		sum, err = scanSummary(s.rq.QueryRowContext(ctx, `SELECT `+versionColumns+`, v.text, v.data, v.findings, v.hashes, v.paragraphs
			FROM versions v JOIN reports r ON r.id = v.report
			WHERE v.report = ? AND v.version = ? AND r.deleted IS NULL`, id, version), &text, &data, &findings, &hashes, &paragraphs)
		if !errors.Is(err, sql.ErrNoRows) {
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
	r := fromSummary(sum)
	r.Text = text
	if data.Valid {
		r.Data = json.RawMessage(data.String)
	}
	if findings.Valid {
		r.Findings = json.RawMessage(findings.String)
	}
	if r.Fingerprints, err = unpackHashes(hashes); err != nil {
		return nil, err
	}
	if len(r.Fingerprints) == 0 {
		r.Fingerprints = nil
	}
	var paras [][3]any
	if err := json.Unmarshal([]byte(paragraphs), &paras); err != nil {
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
	err := s.rq.QueryRowContext(ctx, `SELECT id FROM reports WHERE file_hash = ? AND idx = ? AND deleted IS NULL
		UNION ALL SELECT v.report FROM versions v JOIN reports r ON r.id = v.report
		WHERE v.file_hash = ? AND v.idx = ? AND r.deleted IS NULL LIMIT 1`, fileHash, index, fileHash, index).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("sqlite: find %s report %d: %w", fileHash, index, err)
	}
	return id, nil
}

// filterSQL returns the conditions, each starting with " AND ", that
// select the reports (as r) f selects, and appends their arguments to args.
// Reports in the trash are not selected.
func filterSQL(f store.Filter, args []any) (string, []any) {
	cond, args := selectSQL(f, args)
	return ` AND r.deleted IS NULL` + cond, args
}

// selectSQL returns the conditions of filterSQL but the trash's.
func selectSQL(f store.Filter, args []any) (string, []any) {
	var b strings.Builder
	if f.Path != "" {
		b.WriteString(` AND r.path = ?`)
		args = append(args, f.Path)
	}
	if f.Unit != "" {
		b.WriteString(` AND r.unit = ?`)
		args = append(args, f.Unit)
	}
	if f.Level != "" {
		b.WriteString(` AND r.level = ?`)
		args = append(args, f.Level)
	}
	if f.Year != 0 {
		b.WriteString(` AND EXISTS (SELECT 1 FROM json_each(r.years) WHERE value = ?)`)
		args = append(args, f.Year)
	}
	if f.Genre != "" {
		b.WriteString(` AND r.genre = ?`)
		args = append(args, f.Genre)
	}
	if sc := f.Scope; sc != nil {
		units, err := json.Marshal(sc.Units)
		if err != nil || len(sc.Units) == 0 {
			units = []byte("[]")
		}
		b.WriteString(` AND (r.unit_id IN (SELECT value FROM json_each(?)) OR (? AND r.unit_id IS NULL))`)
		args = append(args, string(units), sc.Unassigned)
	}
	return b.String(), args
}

// List returns the reports f selects, by ID.
func (s *Store) List(ctx context.Context, f store.Filter) ([]store.Summary, error) {
	if out, ok, err := s.listCached(ctx, f); err != nil || ok {
		return out, err
	}
	return s.listAll(ctx, f)
}

// listCached is List from the list cache, in a read transaction; ok is
// false when the cache cannot answer.
func (s *Store) listCached(ctx context.Context, f store.Filter) ([]store.Summary, bool, error) {
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return nil, false, fmt.Errorf("sqlite: list: %w", err)
	}
	defer tx.Rollback()
	out, ok, err := s.lists.list(ctx, tx, f)
	if err != nil {
		return nil, false, fmt.Errorf("sqlite: list: %w", err)
	}
	return out, ok, nil
}

// listAll is List from the database.
func (s *Store) listAll(ctx context.Context, f store.Filter) ([]store.Summary, error) {
	cond, args := filterSQL(f, nil)
	rows, err := s.rq.QueryContext(ctx, `SELECT `+summaryColumns+` FROM reports r WHERE 1`+cond+` ORDER BY r.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list: %w", err)
	}
	defer rows.Close()
	var out []store.Summary
	for rows.Next() {
		sum, err := scanSummary(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: list: %w", err)
		}
		out = append(out, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: list: %w", err)
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
		return nil, fmt.Errorf("sqlite: search %q: %w", q.Text, err)
	}
	return hits, nil
}

func (s *Store) search(ctx context.Context, q store.Query) ([]store.Hit, error) {
	phrase := store.Spaced(q.Text)
	if phrase == "" {
		return nil, nil
	}
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	var snap norm.Snapshot
	if err := tx.QueryRowContext(ctx, `SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'versions'), 0),
		(SELECT generation FROM placement), coalesce((SELECT max(id) FROM paragraphs), 0),
		coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'reports'), 0)`).Scan(
		&snap.Generation[0], &snap.Generation[1], &snap.Paragraph, &snap.Report); err != nil {
		return nil, err
	}
	src := searchSource{tx}
	best, ok, err := s.found.Search(ctx, src, snap, q)
	if err != nil {
		return nil, err
	}
	if !ok {
		if best, err = rankMatches(ctx, tx, phrase, q); err != nil {
			return nil, err
		}
	}
	return s.found.Hits(ctx, src, snap, best)
}

// rankMatches reads the paragraphs that q selects from the database, the
// newest SearchScan, and ranks them.
func rankMatches(ctx context.Context, tx *sql.Tx, phrase string, q store.Query) ([]norm.Scored, error) {
	// The paragraphs that match, newest first as FTS5 finds them. The
	// tokens hold neither spaces nor double quotes, so quoting them makes
	// one FTS5 phrase. The paragraphs of reports in the trash are not in
	// the index.
	cond, args := selectSQL(q.Filter, []any{`"` + phrase + `"`})
	if q.Kind != "" {
		cond += ` AND p.kind = ?`
		args = append(args, q.Kind)
	}
	args = append(args, norm.SearchScan)
	join := ` JOIN paragraphs p ON p.id = paragraph_index.rowid`
	if strings.Contains(cond, "r.") {
		join += ` JOIN reports r ON r.id = p.report`
	}
	rows, err := tx.QueryContext(ctx, `SELECT paragraph_index.rowid, p.text FROM paragraph_index`+join+`
		WHERE paragraph_index MATCH ?`+cond+`
		ORDER BY paragraph_index.rowid DESC LIMIT ?`, args...)
	if err != nil {
		return nil, err
	}
	var cands []norm.Candidate
	for rows.Next() {
		var c norm.Candidate
		if err := rows.Scan(&c.ID, &c.Text); err != nil {
			rows.Close()
			return nil, err
		}
		cands = append(cands, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return norm.Rank(phrase, cands, norm.Limit(q)), nil
}

// hitsOf returns the hits of best: their reports and paragraphs.
func hitsOf(ctx context.Context, tx *sql.Tx, best []norm.Scored) ([]store.Hit, error) {
	if len(best) == 0 {
		return nil, nil
	}
	found, err := readHits(ctx, tx, norm.IDs(best))
	if err != nil {
		return nil, err
	}
	return norm.Ordered(best, found), nil
}

// readHits reads the paragraphs ids and their reports' summaries.
func readHits(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]store.Hit, error) {
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+summaryColumns+`, p.id, p.char_offset, p.text, p.kind
		FROM paragraphs p JOIN reports r ON r.id = p.report
		WHERE p.id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	found := make(map[int64]store.Hit, len(ids))
	for rows.Next() {
		var (
			h   store.Hit
			id  int64
			err error
		)
		h.Report, err = scanSummary(rows, &id, &h.Paragraph.Offset, &h.Paragraph.Text, &h.Paragraph.Kind)
		if err != nil {
			return nil, err
		}
		found[id] = h
	}
	return found, rows.Err()
}

// postingsChunk is the number of hashes one connection looks up for
// Postings.
const postingsChunk = 128

// Postings returns, for each of hashes held by some report, the reports
// holding it, by ID, from the holders cache (holders.go) and, for the
// hashes it lacks, from the fingerprint index, in chunks on several
// connections at once.
func (s *Store) Postings(ctx context.Context, hashes []uint64) (map[uint64][]store.Posting, error) {
	held := map[uint64][]store.Posting{}
	err := s.holders(ctx, norm.Fingerprints(hashes), func(h uint64, e *norm.HolderEntry) { held[h] = e.Postings() })
	if err != nil {
		return nil, fmt.Errorf("sqlite: postings: %w", err)
	}
	// Copies: the caller may change them, the cache appends to its own.
	for h, ps := range held {
		held[h] = slices.Clone(ps)
	}
	return held, nil
}

// HashUnits returns, for each of hashes held by a live report the scope
// selects, the number of distinct units its holders name, at most atLeast
// (≤ 0: no bound), from the count of each unit's holders the holders cache
// keeps: no holder is read again.
func (s *Store) HashUnits(ctx context.Context, hashes []uint64, scope *store.Scope, atLeast int) (map[uint64]int, error) {
	out := map[uint64]int{}
	err := s.holders(ctx, norm.Fingerprints(hashes), func(h uint64, e *norm.HolderEntry) {
		if n := e.Count(scope, atLeast); n > 0 {
			out[h] = n
		}
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: units of hashes: %w", err)
	}
	return out, nil
}

// Shared returns the reports of the scope holding the most of hashes
// (store.TopShared), from the holders cache's postings, not copied.
func (s *Store) Shared(ctx context.Context, hashes []uint64, scope *store.Scope, exclude int64, n int) ([]store.Shared, error) {
	var lists [][]store.Posting
	err := s.holders(ctx, norm.Fingerprints(hashes), func(h uint64, e *norm.HolderEntry) { lists = append(lists, e.Postings()) })
	if err != nil {
		return nil, fmt.Errorf("sqlite: reports sharing hashes: %w", err)
	}
	return store.TopShared(lists, scope, exclude, n), nil
}

// postings returns the reports holding each of hashes, by ID, and the
// snapshot it read them in, reading through a connection of its own.
func (s *Store) postings(ctx context.Context, hashes []uint64) ([][]int64, holderSnap, error) {
	conn, err := s.r.Conn(ctx)
	if err != nil {
		return nil, holderSnap{}, err
	}
	defer conn.Close()
	return lookup(ctx, conn, hashes)
}

// unitCache maps the IDs of live reports to their units. Report IDs are
// never reused (AUTOINCREMENT); the unit a report names changes only with
// a new version, which adds a row to versions; its unit of the tree and
// whether it is in the trash change with a new version too, or with the
// generation of placement. The cache is emptied whenever the last ID
// given to a row of versions or the generation has changed, whoever
// writes the database.
type unitCache struct {
	mu      sync.Mutex
	units   map[int64]reportUnit
	names   map[string]string // each unit once
	version [2]int64          // the last ID of versions and the generation when units were read
}

// reportUnit is the unit a report names and its unit of the tree.
type reportUnit struct {
	name string
	id   int64
}

// get returns the units of the live reports among ids, reading those it
// has not seen from db; the IDs of reports not stored or in the trash are
// left out.
func (c *unitCache) get(ctx context.Context, db queryer, ids []int64) (map[int64]reportUnit, error) {
	var version [2]int64
	if err := db.QueryRowContext(ctx, `SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'versions'), 0),
		(SELECT generation FROM placement)`).Scan(&version[0], &version[1]); err != nil {
		return nil, err
	}
	out := make(map[int64]reportUnit, len(ids))
	var missing []int64
	c.mu.Lock()
	if version != c.version {
		c.units, c.names, c.version = nil, nil, version
	}
	for _, id := range ids {
		if u, ok := c.units[id]; ok {
			out[id] = u
		} else {
			missing = append(missing, id)
		}
	}
	c.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	list, err := json.Marshal(missing)
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, `SELECT id, unit, coalesce(unit_id, 0) FROM reports
		WHERE id IN (SELECT value FROM json_each(?)) AND deleted IS NULL`, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		read  []int64
		units []reportUnit
	)
	for rows.Next() {
		var (
			id int64
			u  reportUnit
		)
		if err := rows.Scan(&id, &u.name, &u.id); err != nil {
			return nil, err
		}
		read = append(read, id)
		units = append(units, u)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.units == nil {
		c.units = make(map[int64]reportUnit)
		c.names = make(map[string]string)
	}
	for i, id := range read {
		u := units[i]
		name, ok := c.names[u.name]
		if !ok {
			name = u.name
			c.names[name] = name
		}
		u.name = name
		c.units[id] = u
		out[id] = u
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
		batch, err := func() ([]item, error) {
			rows, err := s.rq.QueryContext(ctx, `SELECT r.id, r.unit, f.hashes FROM reports r LEFT JOIN fingerprints f ON f.report = r.id
				WHERE r.id > ? AND r.deleted IS NULL ORDER BY r.id LIMIT ?`, last, eachBatch)
			if err != nil {
				return nil, err
			}
			defer rows.Close()
			var batch []item
			for rows.Next() {
				var (
					it     item
					hashes []byte
				)
				if err := rows.Scan(&it.id, &it.unit, &hashes); err != nil {
					return nil, err
				}
				if it.fps, err = unpackHashes(hashes); err != nil {
					return nil, fmt.Errorf("report %d: %w", it.id, err)
				}
				batch = append(batch, it)
			}
			return batch, rows.Err()
		}()
		if err != nil {
			return fmt.Errorf("sqlite: fingerprints: %w", err)
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
	if err := s.rq.QueryRowContext(ctx, `SELECT count(*) FROM reports WHERE deleted IS NULL`).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: count: %w", err)
	}
	return n, nil
}

// searchSource reads what the search cache lacks in a search's read
// transaction.
type searchSource struct{ tx *sql.Tx }

// scanParagraphs is the number of paragraph IDs up to which Matches reads
// the paragraphs added since the cache's last read and looks for the
// phrase in Go, rather than asking the full-text index: the index's
// segments (dozens of them, one for each report added, until 64 merge)
// are read from disk again after every write, which empties the page
// cache of every reading connection, while a range of paragraphs is a
// few pages.
const scanParagraphs = 1024

func (src searchSource) Matches(ctx context.Context, phrase string, after, upTo int64, limit int) ([]norm.Para, error) {
	terms := norm.Terms(phrase)
	// A few paragraphs added since the cache's last read are read
	// directly and the phrase looked for in Go; more go through the index.
	direct := after > 0 && upTo-after <= scanParagraphs
	var (
		rows *sql.Rows
		err  error
	)
	if direct {
		// The paragraphs of reports in the trash are not in the index.
		rows, err = src.tx.QueryContext(ctx, `SELECT p.id, p.report, p.kind, p.text
			FROM paragraphs p JOIN reports r ON r.id = p.report
			WHERE p.id > ? AND p.id <= ? AND r.deleted IS NULL ORDER BY p.id`, after, upTo)
	} else {
		// The tokens hold neither spaces nor double quotes, so quoting them
		// makes one FTS5 phrase. The paragraphs of reports in the trash are
		// not in the index.
		rows, err = src.tx.QueryContext(ctx, `SELECT p.id, p.report, p.kind, p.text
			FROM paragraph_index JOIN paragraphs p ON p.id = paragraph_index.rowid
			WHERE paragraph_index MATCH ? AND paragraph_index.rowid > ? AND paragraph_index.rowid <= ?
			ORDER BY paragraph_index.rowid LIMIT ?`, `"`+phrase+`"`, after, upTo, limit)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		out        []norm.Para
		id, report int64
		kind, text string
	)
	for rows.Next() && len(out) < limit {
		if err := rows.Scan(&id, &report, &kind, &text); err != nil {
			return nil, err
		}
		p, ok := norm.MatchPara(id, report, kind, text, terms)
		if direct && !ok { // the index matched it already otherwise
			continue
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func (src searchSource) Hits(ctx context.Context, ids []int64) (map[int64]store.Hit, error) {
	return readHits(ctx, src.tx, ids)
}

func (src searchSource) Reports(ctx context.Context, after, upTo int64) (map[int64]norm.ReportMeta, error) {
	rows, err := src.tx.QueryContext(ctx, `SELECT id, path, unit, level, years, genre, coalesce(unit_id, 0) FROM reports
		WHERE id > ? AND id <= ? AND deleted IS NULL`, after, upTo)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64]norm.ReportMeta)
	for rows.Next() {
		var (
			id    int64
			m     norm.ReportMeta
			years string
		)
		if err := rows.Scan(&id, &m.Path, &m.Unit, &m.Level, &years, &m.Genre, &m.UnitID); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(years), &m.Years); err != nil {
			return nil, fmt.Errorf("report %d: years %q: %w", id, years, err)
		}
		out[id] = m
	}
	return out, rows.Err()
}
