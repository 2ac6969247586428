// Package sqlite is the embedded store: one SQLite database file, written
// through the pure-Go driver modernc.org/sqlite.
//
// Writes go through a single connection, so concurrent Puts are serialised
// inside the store and never meet SQLITE_BUSY; reads use a pool of
// read-only connections and run beside the writer (WAL mode).
//
// Paragraphs are indexed by FTS5 over their search tokens (store.Terms)
// joined by spaces, so a query is a phrase of single characters and finds
// Chinese text of any length. Fingerprints are kept twice: per report as a
// blob (for Get and EachFingerprints) and in an inverted index from hash
// to reports (for Postings), kept as sorted runs of postings that are
// merged as they accumulate (postings.go). Both indexes are written as
// sorted pieces that are merged later, so adding a report costs about the
// same at 100,000 reports as at 100, where a B-tree keyed by hash would be
// updated at hundreds of random pages per report.
//
// To add many reports, use PutBatch (a transaction per batch rather than
// per report), and Optimize afterwards (Postings then reads one block per
// hash).
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// Store is a store.Store in a SQLite database file. It is safe for
// concurrent use.
type Store struct {
	path  string   // the database file, absolute
	w     *sql.DB  // the one connection that writes
	r     *sql.DB  // read-only connections
	rq    prepared // r's queries, prepared once
	units unitCache
	held  norm.HolderCache // the holders of the hashes looked up, for Postings and HashUnits
	found norm.SearchCache // the paragraphs holding the phrases searched
	lists listCache        // the live reports' summaries, for List

	readOnly bool // the file cannot be written (see Open)
}

// Open opens the database at path, creating it and its directory when
// missing, and brings its schema up to date. A database written by a newer
// version of the program is refused.
//
// A database file that cannot be written (its mode, or a read-only file
// system) is opened read-only, if its schema is this program's: reads
// work, and every write fails with an error that store.Fault tells as
// store.ErrReadOnly. On a read-only file system without a write-ahead log
// beside the file, SQLite cannot make the shared-memory file of WAL mode,
// so the file is opened immutable (nothing can change it there).
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("sqlite: open: empty path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s := &Store{path: abs}
	var ro []string // the parameters of a read-only file
	switch openMode(abs) {
	case readOnly:
		ro = []string{"mode=ro"}
	case immutable:
		ro = []string{"mode=ro", "immutable=1"}
	}
	// The writer: one connection, write transactions started with BEGIN
	// IMMEDIATE. A larger page cache keeps the index pages that every
	// Put touches in memory.
	wp := []string{
		"_txlock=immediate",
		"_pragma=busy_timeout(10000)",
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(NORMAL)",
		"_pragma=foreign_keys(ON)",
		"_pragma=cache_size(-65536)",
		"_pragma=wal_autocheckpoint(4000)",
	}
	if ro != nil {
		s.readOnly = true
		wp = append(slices.Delete(wp, 2, 3), ro...) // the journal mode is the file's
	}
	s.w, err = sql.Open("sqlite", dsn(abs, wp...))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s.w.SetMaxOpenConns(1)
	s.w.SetMaxIdleConns(1)
	s.w.SetConnMaxLifetime(0)
	s.w.SetConnMaxIdleTime(0)
	if ro != nil {
		err = checkSchema(context.Background(), s.w)
	} else {
		err = migrate(context.Background(), s.w)
	}
	if err != nil {
		s.w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s.r, err = sql.Open("sqlite", dsn(abs, append([]string{
		"_pragma=busy_timeout(10000)",
		"_pragma=foreign_keys(ON)",
		"_pragma=cache_size(-16384)",
		// Read through a memory map, up to the size SQLite allows by
		// default: Postings reads many pages, and read calls cost.
		"_pragma=mmap_size(2147418112)",
		"_query_only=1",
	}, ro...)...))
	if err != nil {
		s.w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	s.r.SetMaxOpenConns(n)
	s.r.SetMaxIdleConns(n)
	s.rq.db = s.r
	return s, nil
}

// fileMode is how a database file can be opened.
type fileMode int

const (
	readWrite fileMode = iota // or not there yet: made
	readOnly                  // the file cannot be written
	immutable                 // nothing can write it: a read-only file system, no write-ahead log
)

// openMode says how the database file at abs can be opened.
func openMode(abs string) fileMode {
	f, err := os.OpenFile(abs, os.O_RDWR, 0)
	switch {
	case err == nil:
		f.Close()
	case errors.Is(err, syscall.EROFS):
		if _, err := os.Lstat(abs + "-wal"); errors.Is(err, fs.ErrNotExist) {
			return immutable
		}
		return readOnly
	case errors.Is(err, fs.ErrPermission):
		return readOnly
	}
	return readWrite
}

// checkSchema checks that a database opened read-only has the schema
// this program writes, which it cannot bring up to date.
func checkSchema(ctx context.Context, db *sql.DB) error {
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read-only: schema version: %w", err)
	}
	if version != len(migrations) {
		return fmt.Errorf("the database is read-only and has schema version %d, not %d: open it once writable with this program, or use the program that wrote it", version, len(migrations))
	}
	return nil
}

// dsn returns the data source name of the database file at the absolute
// path abs with the driver parameters params.
func dsn(abs string, params ...string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x
	}
	u := url.URL{Scheme: "file", Path: p}
	return u.String() + "?" + strings.Join(params, "&")
}

// Close closes the database.
func (s *Store) Close() error {
	err := errors.Join(s.rq.close(), s.r.Close(), s.w.Close())
	if err != nil {
		return fmt.Errorf("sqlite: close: %w", err)
	}
	return nil
}

// migration is one step from a schema version to the next.
type migration struct {
	sql string
	// fill, if set, runs after sql, in the same transaction.
	fill func(ctx context.Context, tx *sql.Tx) error
}

// migrations are the steps from one schema version to the next: the
// database's PRAGMA user_version is the number of steps applied. Steps are
// only ever appended.
var migrations = []migration{
	// 1: reports, their text, fingerprints and paragraphs, and the two
	// full-text indexes.
	{sql: `
CREATE TABLE reports (
	id        INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused
	file_hash TEXT    NOT NULL,
	idx       INTEGER NOT NULL CHECK (idx >= 0),
	path      TEXT    NOT NULL,
	title     TEXT    NOT NULL,
	unit      TEXT    NOT NULL,
	level     TEXT    NOT NULL,
	years     TEXT    NOT NULL, -- JSON array of integers
	period    TEXT    NOT NULL,
	genre     TEXT    NOT NULL,
	chars     INTEGER NOT NULL,
	added     INTEGER NOT NULL, -- Unix time in microseconds
	UNIQUE (file_hash, idx)
);
CREATE INDEX reports_unit ON reports (unit);

-- The large parts of a report, apart so that scanning reports stays cheap.
CREATE TABLE contents (
	report   INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
	text     TEXT NOT NULL,
	data     TEXT, -- JSON
	findings TEXT  -- JSON
);

-- The distinct fingerprints of a report, ascending, 8 bytes each,
-- little-endian.
CREATE TABLE fingerprints (
	report INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
	hashes BLOB NOT NULL
);

-- Hash to reports: one row per report (rowid = report ID) whose text is
-- its fingerprints as 16-digit hex numbers separated by spaces.
CREATE VIRTUAL TABLE fingerprint_index USING fts5 (
	hashes, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii'
);

CREATE TABLE paragraphs (
	id          INTEGER PRIMARY KEY,
	report      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	char_offset INTEGER NOT NULL CHECK (char_offset >= 0),
	kind        TEXT    NOT NULL,
	text        TEXT    NOT NULL
);
CREATE INDEX paragraphs_report ON paragraphs (report);

-- One row per paragraph (rowid = paragraph ID) whose text is the
-- paragraph's search tokens separated by spaces.
CREATE VIRTUAL TABLE paragraph_index USING fts5 (
	terms, content = '', contentless_delete = 1, tokenize = 'ascii'
);
-- Merge segments 16 at a time rather than 4: adding reports costs a fifth
-- less, searching hardly more. Collect up to 16 MB of index rows in memory
-- before writing them, so that a large PutBatch writes one segment.
INSERT INTO paragraph_index (paragraph_index, rank) VALUES ('automerge', 16);
INSERT INTO paragraph_index (paragraph_index, rank) VALUES ('hashsize', 16777216);
`},
	// 2: the fingerprint index as sorted runs of postings (postings.go)
	// instead of an FTS5 table, which cost adding reports more than
	// anything else but the paragraph index.
	{sql: `
DROP TABLE fingerprint_index;
CREATE TABLE posting_runs (
	run      INTEGER PRIMARY KEY,
	level    INTEGER NOT NULL,
	postings INTEGER NOT NULL
);
-- A block of a run's postings, by its first hash (as a signed integer
-- that sorts as the hash does unsigned).
CREATE TABLE posting_blocks (
	id    INTEGER PRIMARY KEY,
	run   INTEGER NOT NULL REFERENCES posting_runs (run),
	first INTEGER NOT NULL,
	data  BLOB    NOT NULL
);
CREATE INDEX posting_blocks_run ON posting_blocks (run, first);
-- Reports deleted whose postings may still be in runs.
CREATE TABLE deleted_reports (
	report INTEGER PRIMARY KEY
);
`, fill: fillPostings},
	// 3: the paragraph index merges its segments 64 at a time, once 64
	// of a size are there, rather than 16: adding 100,000 reports then
	// merges each index row about once rather than twice or three times,
	// and a search looks in a few dozen segments.
	{sql: `
INSERT INTO paragraph_index (paragraph_index, rank) VALUES ('automerge', 64);
INSERT INTO paragraph_index (paragraph_index, rank) VALUES ('crisismerge', 64);
`},
	// 4: versions. A report keeps its ID and its current version in
	// reports, contents, fingerprints and paragraphs; each earlier version
	// is a row of versions, whole. Every report stored so far is its
	// version 1.
	{sql: `
ALTER TABLE reports ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE reports ADD COLUMN note TEXT NOT NULL DEFAULT '';
CREATE INDEX reports_path ON reports (path);
CREATE TABLE versions (
	id         INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: the units cache keys on the last
	report     INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL,
	file_hash  TEXT    NOT NULL,
	idx        INTEGER NOT NULL,
	path       TEXT    NOT NULL,
	title      TEXT    NOT NULL,
	unit       TEXT    NOT NULL,
	level      TEXT    NOT NULL,
	years      TEXT    NOT NULL,
	period     TEXT    NOT NULL,
	genre      TEXT    NOT NULL,
	chars      INTEGER NOT NULL,
	added      INTEGER NOT NULL,
	note       TEXT    NOT NULL,
	text       TEXT    NOT NULL,
	data       TEXT,
	findings   TEXT,
	hashes     BLOB    NOT NULL,
	paragraphs TEXT    NOT NULL, -- JSON array of [offset, kind, text]
	UNIQUE (report, version)
);
CREATE INDEX versions_content ON versions (file_hash, idx);
-- Reports given a version with other fingerprints, whose earlier
-- postings may still be in the runs of the fingerprint index.
CREATE TABLE revised_reports (
	report INTEGER PRIMARY KEY
);
`},
	// 5: the figures of the reviewer's desk, a cache that package corpus
	// fills (see store.Figures).
	{sql: `
CREATE TABLE figures (
	report INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
	stamp  TEXT NOT NULL,
	data   TEXT NOT NULL -- JSON
);
`},
	// 6: accounts. The unit tree, the unit of each report (NULL:
	// unassigned) and the trash (reports.deleted); users, their sessions
	// and API tokens, failed sign-ins counted for rate limiting; the
	// audit log, which the database keeps append-only; and a counter of
	// changes to where reports are (unit, trash) that the units cache of
	// Postings keys on.
	{sql: `
CREATE TABLE units (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	parent  INTEGER REFERENCES units (id),
	name    TEXT    NOT NULL CHECK (name <> ''),
	aliases TEXT    NOT NULL, -- JSON array of strings
	created INTEGER NOT NULL  -- Unix time in microseconds, as every time below
);
CREATE UNIQUE INDEX units_name ON units (coalesce(parent, 0), name);

ALTER TABLE reports ADD COLUMN unit_id INTEGER REFERENCES units (id);
ALTER TABLE reports ADD COLUMN deleted INTEGER; -- moved to the trash; NULL while live
CREATE INDEX reports_unit_id ON reports (unit_id);
CREATE INDEX reports_deleted ON reports (deleted) WHERE deleted IS NOT NULL;

CREATE TABLE users (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	name       TEXT    NOT NULL UNIQUE CHECK (name <> ''),
	unit       INTEGER NOT NULL REFERENCES units (id),
	role       TEXT    NOT NULL CHECK (role IN ('drafter', 'reviewer', 'admin')),
	password   TEXT    NOT NULL,
	disabled   INTEGER NOT NULL DEFAULT 0,
	created    INTEGER NOT NULL,
	last_login INTEGER
);

CREATE TABLE sessions (
	hash      TEXT    PRIMARY KEY,
	user_id   INTEGER NOT NULL REFERENCES users (id),
	created   INTEGER NOT NULL,
	expires   INTEGER NOT NULL,
	last_seen INTEGER NOT NULL,
	address   TEXT    NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires);

CREATE TABLE tokens (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	user_id   INTEGER NOT NULL REFERENCES users (id),
	name      TEXT    NOT NULL,
	hash      TEXT    NOT NULL UNIQUE,
	created   INTEGER NOT NULL,
	last_used INTEGER,
	revoked   INTEGER
);
CREATE UNIQUE INDEX tokens_name ON tokens (user_id, name) WHERE revoked IS NULL;

CREATE TABLE login_failures (
	key   TEXT    PRIMARY KEY,
	count INTEGER NOT NULL,
	first INTEGER NOT NULL,
	last  INTEGER NOT NULL
);

-- No foreign keys: the log outlives nothing it names, but must not stop
-- anything from changing.
CREATE TABLE audit (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	at      INTEGER NOT NULL,
	user_id INTEGER NOT NULL,
	actor   TEXT    NOT NULL,
	address TEXT    NOT NULL,
	action  TEXT    NOT NULL,
	report  INTEGER NOT NULL,
	unit    INTEGER NOT NULL,
	target  INTEGER NOT NULL,
	detail  TEXT    NOT NULL
);
CREATE INDEX audit_report ON audit (report) WHERE report <> 0;
CREATE INDEX audit_user ON audit (user_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE placement (
	generation INTEGER NOT NULL
);
INSERT INTO placement (generation) VALUES (0);
`},
	// 7: a counter of the stores of figures (PutFigures), so that a
	// process can keep the figures it read until any process stores more
	// (FiguresVersion).
	{sql: `
ALTER TABLE placement ADD COLUMN figures INTEGER NOT NULL DEFAULT 0;
`},
	// 8: what a process needs to read only the figures changed since it
	// last read (FiguresSince): each row of figures has the count of
	// placement.figures when it was last stored, or its report moved to
	// or from the trash; a deleted report leaves a row in figures_gone
	// with that count; a restored database has another figures_epoch.
	// Rows stored before have 0.
	{sql: `
ALTER TABLE figures ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX figures_seq ON figures (seq);
CREATE TABLE figures_gone (
	report INTEGER PRIMARY KEY,
	seq    INTEGER NOT NULL
);
CREATE INDEX figures_gone_seq ON figures_gone (seq);
ALTER TABLE placement ADD COLUMN figures_epoch INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER figures_trashed AFTER UPDATE OF deleted ON reports WHEN OLD.deleted IS NOT NEW.deleted BEGIN
	UPDATE placement SET figures = figures + 1;
	UPDATE figures SET seq = (SELECT figures FROM placement) WHERE report = NEW.id;
END;
CREATE TRIGGER figures_deleted AFTER DELETE ON reports BEGIN
	UPDATE placement SET figures = figures + 1;
	INSERT OR REPLACE INTO figures_gone (report, seq) VALUES (OLD.id, (SELECT figures FROM placement));
END;
`},
	// 9: the key of each report's current text (store.TextKey), so that
	// the same report from another file (another encoding, width,
	// whitespace, Markdown) is stored once; the reports stored before
	// get theirs now.
	{sql: `
ALTER TABLE reports ADD COLUMN text_key TEXT NOT NULL DEFAULT '';
CREATE INDEX reports_text_key ON reports (text_key) WHERE text_key <> '';
`, fill: fillTextKeys},
}

// fillTextKeys sets the text key of every report.
func fillTextKeys(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT report, text FROM contents`)
	if err != nil {
		return err
	}
	keys := map[int64]string{}
	for rows.Next() {
		var (
			id   int64
			text string
		)
		if err := rows.Scan(&id, &text); err != nil {
			rows.Close()
			return err
		}
		keys[id] = store.TextKey(text)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for id, k := range keys {
		if _, err := tx.ExecContext(ctx, `UPDATE reports SET text_key = ? WHERE id = ?`, k, id); err != nil {
			return err
		}
	}
	return nil
}

// fillPostings makes the fingerprint index of the reports stored: a run
// for every thousand reports, then merged into one.
func fillPostings(ctx context.Context, tx *sql.Tx) error {
	w := newWriter(ctx, tx)
	var ps []posting
	flush := func() error {
		slices.SortFunc(ps, comparePostings)
		err := w.writeRun(0, slices.Compact(ps))
		ps = ps[:0]
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT report, hashes FROM fingerprints ORDER BY report`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for n := 1; rows.Next(); n++ {
		var (
			id     int64
			hashes []byte
		)
		if err := rows.Scan(&id, &hashes); err != nil {
			return err
		}
		fps, err := unpackHashes(hashes)
		if err != nil {
			return fmt.Errorf("report %d: %w", id, err)
		}
		for _, h := range fps {
			ps = append(ps, posting{h, id})
		}
		if n%1000 == 0 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	if err := flush(); err != nil {
		return err
	}
	// Merged into one, as optimizePostings would (which reads tables of
	// later versions of the schema).
	runs, err := w.runs(``)
	if err != nil || len(runs) <= 1 {
		return err
	}
	return w.merge(runs, optimizedLevel, nil)
}

// migrate brings the schema of db up to date in one transaction.
func migrate(ctx context.Context, db *sql.DB) error {
	return migrateTo(ctx, db, len(migrations))
}

// migrateTo brings the schema of db to version n (for tests of the
// migrations: a database as an earlier program left it).
func migrateTo(ctx context.Context, db *sql.DB, n int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("migrate: schema version: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("the database has schema version %d, newer than this program knows (%d): use a newer zongjie", version, len(migrations))
	}
	if version >= n {
		return nil
	}
	for i := version; i < n; i++ {
		m := migrations[i]
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migrate to schema version %d: %w", i+1, err)
		}
		if m.fill != nil {
			if err := m.fill(ctx, tx); err != nil {
				return fmt.Errorf("migrate to schema version %d: %w", i+1, err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", n)); err != nil {
		return fmt.Errorf("migrate: set schema version: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}
