package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// Put stores r in one transaction and sets r.ID; see store.Store. A zero
// r.Added is set to the current time; Added is kept to the microsecond, in
// UTC (and so set in r). Fingerprints come back from Get distinct and
// ascending.
func (s *Store) Put(ctx context.Context, r *store.Report) (int64, bool, error) {
	ids, added, err := s.PutBatch(ctx, []*store.Report{r})
	if err != nil {
		return 0, false, err
	}
	return ids[0], added[0], nil
}

// PutBatch stores several reports in one transaction, which is much faster
// than a Put each when adding many, and sets their IDs. It returns each
// report's ID and whether it was added, as Put does. When it fails, none of
// the reports is stored.
func (s *Store) PutBatch(ctx context.Context, rs []*store.Report) (ids []int64, added []bool, err error) {
	for _, r := range rs {
		if err := norm.Report(r); err != nil {
			return nil, nil, fmt.Errorf("sqlite: put %s: %w", name(r), err)
		}
	}
	if len(rs) == 0 {
		return nil, nil, nil
	}
	// What can be made outside the transaction is, so that concurrent
	// callers do it in parallel while one of them writes.
	ds := make([]*derived, len(rs))
	for i, r := range rs {
		if ds[i], err = derive(r); err != nil {
			return nil, nil, fmt.Errorf("sqlite: put %s: %w", name(r), err)
		}
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: put: %w", err)
	}
	defer tx.Rollback()
	w := newWriter(ctx, tx)
	ids = make([]int64, len(rs))
	added = make([]bool, len(rs))
	// The rows of every report first, then their index rows, so that FTS5
	// writes the index rows of the whole batch at once, and the
	// fingerprints of the batch make one run of the fingerprint index.
	for i, r := range rs {
		ids[i], added[i], err = w.put(r, ds[i])
		if err != nil {
			return nil, nil, fmt.Errorf("sqlite: put %s: %w", name(r), err)
		}
	}
	var ps []posting
	for i, r := range rs {
		if !added[i] || ds[i].revived {
			continue // a report brought back from the trash is indexed already
		}
		if err := w.index(ds[i]); err != nil {
			return nil, nil, fmt.Errorf("sqlite: put %s: %w", name(r), err)
		}
		if !ds[i].samePostings {
			for _, h := range ds[i].fingerprints {
				ps = append(ps, posting{h, ids[i]})
			}
		}
	}
	if err := w.addPostings(ps); err != nil {
		return nil, nil, fmt.Errorf("sqlite: put: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, nil, fmt.Errorf("sqlite: put: commit: %w", err)
	}
	for i, r := range rs {
		r.ID = ids[i]
		if added[i] {
			r.Version = ds[i].version
		}
	}
	return ids, added, nil
}

// name names r in an error message.
func name(r *store.Report) string {
	if r == nil {
		return "report"
	}
	return fmt.Sprintf("%s report %d", r.Path, r.Index)
}

// writer runs the statements of a write transaction, each prepared once.
type writer struct {
	ctx           context.Context
	tx            *sql.Tx
	stmts         map[string]*sql.Stmt
	lastParagraph int64 // the largest paragraph ID, -1 until known
}

func newWriter(ctx context.Context, tx *sql.Tx) *writer {
	return &writer{ctx: ctx, tx: tx, stmts: make(map[string]*sql.Stmt), lastParagraph: -1}
}

// exec runs query, prepared once for the transaction, with args.
func (w *writer) exec(query string, args ...any) (sql.Result, error) {
	st, ok := w.stmts[query]
	if !ok {
		var err error
		st, err = w.tx.PrepareContext(w.ctx, query)
		if err != nil {
			return nil, err
		}
		w.stmts[query] = st
	}
	return st.ExecContext(w.ctx, args...)
}

// insert runs an INSERT and returns the new row's ID.
func (w *writer) insert(query string, args ...any) (int64, error) {
	res, err := w.exec(query, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// derived holds the values of a report's rows that are not fields of the
// report.
type derived struct {
	years        string   // Years as JSON
	fingerprints []uint64 // distinct, ascending
	hashes       []byte   // the fingerprints, packed
	paragraphs   string   // the paragraphs as a JSON array of [offset, kind, text]
	textKey      string   // store.TextKey of the text
	terms        []string // the paragraphs as paragraph_index holds them

	firstParagraph int64 // the ID of the first paragraph, once stored
	version        int   // the version stored
	samePostings   bool  // a new version with the fingerprints of the one before
	revived        bool  // a report brought back from the trash rather than stored
}

func derive(r *store.Report) (*derived, error) {
	d := &derived{years: "[]", textKey: store.TextKey(r.Text)}
	if len(r.Years) > 0 {
		b, err := json.Marshal(r.Years)
		if err != nil {
			return nil, err
		}
		d.years = string(b)
	}
	d.fingerprints = norm.Fingerprints(r.Fingerprints)
	d.hashes = packHashes(d.fingerprints)
	paras := make([][3]any, len(r.Paragraphs))
	d.terms = make([]string, len(r.Paragraphs))
	for i, p := range r.Paragraphs {
		paras[i] = [3]any{p.Offset, p.Kind, p.Text}
		d.terms[i] = store.Spaced(p.Text)
	}
	b, err := json.Marshal(paras)
	if err != nil {
		return nil, err
	}
	d.paragraphs = string(b)
	return d, nil
}

func (w *writer) put(r *store.Report, d *derived) (int64, bool, error) {
	holder, err := w.holder(r.FileHash, r.Index)
	switch {
	case err != nil:
		return 0, false, err
	case holder != 0 && r.ID == 0:
		// A text belongs to one report; one in the trash comes back.
		return w.revive(holder, d)
	case holder != 0 && holder != r.ID:
		return holder, false, nil
	case r.ID != 0:
		return w.revise(r, d)
	}
	if r.ByText && d.textKey != "" {
		// The same text from another file: stored once.
		var same int64
		err := w.tx.QueryRowContext(w.ctx, `SELECT id FROM reports WHERE text_key = ? AND deleted IS NULL ORDER BY id LIMIT 1`, d.textKey).Scan(&same)
		if err == nil {
			return same, false, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, false, err
		}
	}
	id, err := w.insert(`INSERT INTO reports (file_hash, idx, path, title, unit, level, years, period, genre, chars, added, version, note, unit_id, text_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
		r.FileHash, r.Index, r.Path, r.Title, r.Unit, r.Level, d.years, r.Period, r.Genre, r.Chars, r.Added.UnixMicro(), r.Note, unitArg(r.UnitID), d.textKey)
	if err != nil {
		return 0, false, fmt.Errorf("report: %w", err)
	}
	d.version = 1
	if _, err := w.exec(`INSERT INTO contents (report, text, data, findings) VALUES (?, ?, ?, ?)`,
		id, r.Text, jsonText(r.Data), jsonText(r.Findings)); err != nil {
		return 0, false, fmt.Errorf("text: %w", err)
	}
	if _, err := w.exec(`INSERT INTO fingerprints (report, hashes) VALUES (?, ?)`, id, d.hashes); err != nil {
		return 0, false, fmt.Errorf("fingerprints: %w", err)
	}
	if err := w.putParagraphs(id, r, d); err != nil {
		return 0, false, err
	}
	return id, true, nil
}

// holder returns the report a version of which holds (fileHash, index),
// the current versions first, or 0.
func (w *writer) holder(fileHash string, index int) (int64, error) {
	var id int64
	err := w.tx.QueryRowContext(w.ctx, `SELECT id FROM reports WHERE file_hash = ? AND idx = ?
		UNION ALL SELECT report FROM versions WHERE file_hash = ? AND idx = ? LIMIT 1`,
		fileHash, index, fileHash, index).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// revive brings report id, which holds the text of a report being put,
// back from the trash; a live one is left as it is (added false).
func (w *writer) revive(id int64, d *derived) (int64, bool, error) {
	var version int
	err := w.tx.QueryRowContext(w.ctx, `SELECT version FROM reports WHERE id = ? AND deleted IS NOT NULL`, id).Scan(&version)
	if errors.Is(err, sql.ErrNoRows) {
		return id, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	if err := w.untrash(id); err != nil {
		return 0, false, err
	}
	d.version, d.revived, d.samePostings = version, true, true
	return id, true, nil
}

// unitArg returns a unit ID as a parameter: NULL for 0 (unassigned).
func unitArg(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// revise stores r as the new current version of report r.ID, keeping the
// current one in versions, unless it is the same as the current one.
func (w *writer) revise(r *store.Report, d *derived) (int64, bool, error) {
	cur, err := scanSummary(w.tx.QueryRowContext(w.ctx, `SELECT `+summaryColumns+` FROM reports r WHERE r.id = ? AND r.deleted IS NULL`, r.ID))
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, store.ErrNotFound
	}
	if err != nil {
		return 0, false, err
	}
	if norm.SameVersion(r, cur) {
		return r.ID, false, nil
	}
	// The current version, whole, into versions.
	if _, err := w.exec(`INSERT INTO versions (report, version, file_hash, idx, path, title, unit, level, years, period, genre,
			chars, added, note, text, data, findings, hashes, paragraphs)
		SELECT r.id, r.version, r.file_hash, r.idx, r.path, r.title, r.unit, r.level, r.years, r.period, r.genre,
			r.chars, r.added, r.note, c.text, c.data, c.findings, coalesce(f.hashes, x''),
			(SELECT coalesce(json_group_array(json_array(char_offset, kind, text)), '[]')
				FROM (SELECT char_offset, kind, text FROM paragraphs WHERE report = r.id ORDER BY id))
		FROM reports r JOIN contents c ON c.report = r.id LEFT JOIN fingerprints f ON f.report = r.id
		WHERE r.id = ?`, r.ID); err != nil {
		return 0, false, fmt.Errorf("keep version %d: %w", cur.Version, err)
	}
	var old []byte
	if err := w.tx.QueryRowContext(w.ctx, `SELECT hashes FROM fingerprints WHERE report = ?`, r.ID).Scan(&old); err != nil {
		return 0, false, fmt.Errorf("fingerprints: %w", err)
	}
	d.samePostings = bytes.Equal(old, d.hashes)
	for _, q := range []string{
		`DELETE FROM paragraph_index WHERE rowid IN (SELECT id FROM paragraphs WHERE report = ?)`,
		`DELETE FROM paragraphs WHERE report = ?`,
	} {
		if _, err := w.exec(q, r.ID); err != nil {
			return 0, false, fmt.Errorf("paragraphs: %w", err)
		}
	}
	d.version = cur.Version + 1
	if _, err := w.exec(`UPDATE reports SET file_hash = ?, idx = ?, path = ?, title = ?, unit = ?, level = ?, years = ?,
			period = ?, genre = ?, chars = ?, added = ?, version = ?, note = ?, text_key = ? WHERE id = ?`,
		r.FileHash, r.Index, r.Path, r.Title, r.Unit, r.Level, d.years, r.Period, r.Genre, r.Chars, r.Added.UnixMicro(),
		d.version, r.Note, d.textKey, r.ID); err != nil {
		return 0, false, fmt.Errorf("report: %w", err)
	}
	if r.UnitID != 0 && r.UnitID != cur.UnitID {
		if _, err := w.exec(`UPDATE reports SET unit_id = ? WHERE id = ?`, r.UnitID, r.ID); err != nil {
			return 0, false, fmt.Errorf("unit: %w", err)
		}
	}
	if _, err := w.exec(`UPDATE contents SET text = ?, data = ?, findings = ? WHERE report = ?`,
		r.Text, jsonText(r.Data), jsonText(r.Findings), r.ID); err != nil {
		return 0, false, fmt.Errorf("text: %w", err)
	}
	if !d.samePostings {
		if _, err := w.exec(`UPDATE fingerprints SET hashes = ? WHERE report = ?`, d.hashes, r.ID); err != nil {
			return 0, false, fmt.Errorf("fingerprints: %w", err)
		}
		// Its postings in the runs may be of the version before.
		if _, err := w.exec(`INSERT OR IGNORE INTO revised_reports (report) VALUES (?)`, r.ID); err != nil {
			return 0, false, fmt.Errorf("fingerprints: %w", err)
		}
	}
	if err := w.putParagraphs(r.ID, r, d); err != nil {
		return 0, false, err
	}
	return r.ID, true, nil
}

// putParagraphs stores the paragraphs of r, report id; index adds them to
// the full-text index.
func (w *writer) putParagraphs(id int64, r *store.Report, d *derived) error {
	if len(r.Paragraphs) == 0 {
		return nil
	}
	// The paragraphs' IDs are given, the next after the largest, so that
	// index can name them.
	if w.lastParagraph < 0 {
		if err := w.tx.QueryRowContext(w.ctx, `SELECT coalesce(max(id), 0) FROM paragraphs`).Scan(&w.lastParagraph); err != nil {
			return fmt.Errorf("paragraphs: %w", err)
		}
	}
	d.firstParagraph = w.lastParagraph + 1
	if _, err := w.exec(`INSERT INTO paragraphs (id, report, char_offset, kind, text)
		SELECT ? + key, ?, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)`, d.firstParagraph, id, d.paragraphs); err != nil {
		return fmt.Errorf("paragraphs: %w", err)
	}
	w.lastParagraph += int64(len(r.Paragraphs))
	return nil
}

// index adds the paragraphs of a report, stored by put, to the full-text
// index. It runs one single-row INSERT per paragraph: a statement that
// writes several rows opens a savepoint, and FTS5 writes the index rows
// it holds in memory to disk at every savepoint.
func (w *writer) index(d *derived) error {
	for i, terms := range d.terms {
		if _, err := w.exec(`INSERT INTO paragraph_index (rowid, terms) VALUES (?, ?)`, d.firstParagraph+int64(i), terms); err != nil {
			return fmt.Errorf("paragraph index: %w", err)
		}
	}
	return nil
}

// jsonText returns raw as stored in a TEXT column: NULL when empty.
func jsonText(raw json.RawMessage) any {
	if b := norm.JSON(raw); b != nil {
		return string(b)
	}
	return nil
}

// packHashes returns hashes as the fingerprints table keeps them.
func packHashes(hashes []uint64) []byte {
	b := make([]byte, 0, 8*len(hashes))
	for _, h := range hashes {
		b = binary.LittleEndian.AppendUint64(b, h)
	}
	return b
}

// unpackHashes reverses packHashes.
func unpackHashes(b []byte) ([]uint64, error) {
	if len(b)%8 != 0 {
		return nil, fmt.Errorf("fingerprints of %d bytes, not a multiple of 8", len(b))
	}
	hashes := make([]uint64, len(b)/8)
	for i := range hashes {
		hashes[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return hashes, nil
}

// Delete removes a report, live or in the trash, its text, fingerprints
// and paragraphs, and its entries in the full-text index; the fingerprint
// index leaves it out.
func (s *Store) Delete(ctx context.Context, id int64) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: delete %d: %w", id, err)
	}
	defer tx.Rollback()
	if err := newWriter(ctx, tx).delete(id); err != nil {
		return fmt.Errorf("sqlite: delete %d: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: delete %d: commit: %w", id, err)
	}
	return nil
}

// delete removes report id for good.
func (w *writer) delete(id int64) error {
	var trashed bool
	err := w.tx.QueryRowContext(w.ctx, `SELECT deleted IS NOT NULL FROM reports WHERE id = ?`, id).Scan(&trashed)
	if errors.Is(err, sql.ErrNoRows) {
		return store.ErrNotFound
	}
	if err != nil {
		return err
	}
	qs := []string{
		// Its postings stay in the fingerprint index until Optimize.
		`INSERT OR IGNORE INTO deleted_reports (report) VALUES (?)`,
		// The other tables follow by ON DELETE CASCADE.
		`DELETE FROM reports WHERE id = ?`,
	}
	if !trashed { // the trash took its paragraphs out of the index
		qs = append([]string{`DELETE FROM paragraph_index WHERE rowid IN (SELECT id FROM paragraphs WHERE report = ?)`}, qs...)
	}
	for _, q := range qs {
		if _, err := w.exec(q, id); err != nil {
			return err
		}
	}
	// Its paragraphs have left the full-text index: the search cache of
	// every process reads again.
	return w.movedReports()
}

// Optimize merges the runs of the fingerprint index into one, so that
// Postings reads one block per hash, and forgets deleted reports there;
// and it updates the statistics of the query planner. It is worth running
// after adding many reports (it takes some seconds for 100,000).
func (s *Store) Optimize(ctx context.Context) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: optimize: %w", err)
	}
	defer tx.Rollback()
	if err := newWriter(ctx, tx).optimizePostings(); err != nil {
		return fmt.Errorf("sqlite: optimize: fingerprint index: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: optimize: %w", err)
	}
	if _, err := s.w.ExecContext(ctx, `PRAGMA optimize`); err != nil {
		return fmt.Errorf("sqlite: optimize: %w", err)
	}
	return nil
}
