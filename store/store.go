// Package store keeps reports: their text, metadata, extracted data,
// findings, fingerprints and a full-text index of their paragraphs. Two
// implementations share this interface and one conformance suite
// (store/storetest): SQLite (store/sqlite, embedded, the default) and
// PostgreSQL (store/postgres).
//
// A store is a dumb keeper: it does not read, extract, check or
// fingerprint. The caller (package corpus) fills a Report and Put stores
// it whole or not at all.
package store

import (
	"context"
	"encoding/json"
	"errors"
	"time"
)

// Errors of the stores, wrapped with what was asked.
var (
	// ErrNotFound is returned for an unknown report, version, unit, user,
	// session or token (and for a report in the trash, to every method
	// but those of the trash).
	ErrNotFound = errors.New("store: not found")
	// ErrConflict is returned when a write contradicts what is stored: a
	// unit's name twice under one parent, a unit moved under itself, a
	// user name or a token twice.
	ErrConflict = errors.New("store: conflict")
)

// Report is one stored report, or one version of it. A file holding
// several reports gives several Reports with the same FileHash and
// different Index.
//
// A report has a stable ID and an ordered history of versions: 1 when it
// is first stored, then 2, 3 … each time Put is given a new version of it
// (r.ID set). The last version is the current one: it is what Get, List,
// Search, Postings, EachFingerprints and Find see; the earlier ones are
// kept whole (Versions lists them, GetVersion returns one) and are never
// changed. A version is a text with its metadata: a new version may change
// the text, or only the metadata (a corrected unit or period).
type Report struct {
	ID       int64
	Version  int    // 1, 2, … in the order the versions were stored; set by Put
	Note     string // why this version was stored, for people ("" for none)
	FileHash string // hex SHA-256 of the file's bytes; a (FileHash, Index) belongs to one report
	Index    int    // position of the report in its file, 0-based
	Path     string // as given when added
	Title    string
	Unit     string // 青禾街道, or the anonymised form (**街道), or ""
	Level    string // street town township district county city province national, or ""
	Years    []int  // reviewed and planned years, ascending
	Period   string // FY H1 H2 Q1 … of the reviewed part, or ""
	Genre    string // summary plan summary+plan speech, or ""
	Chars    int    // characters of Text
	Added    time.Time
	// UnitID is the unit of the tree the report belongs to, 0 while it is
	// unassigned. It is the report's, not a version's: every version
	// shows the report's current unit. Put sets it for a new report and,
	// when not 0, for a new version (which moves the report); Assign
	// changes it.
	UnitID int64

	Text     string          // the report's text (LF line endings)
	Data     json.RawMessage // the report as `zongjie extract --format json` gives it
	Findings json.RawMessage // the check diagnostics of the report, a JSON array; may be nil

	// Fingerprints are the distinct winnowed k-gram hashes of the
	// normalised text (package reuse), in no particular order.
	Fingerprints []uint64
	// Paragraphs are what search finds.
	Paragraphs []Paragraph

	// ByText, for a new report (ID zero), has Put store its text once
	// whatever file it came from: a live report whose current text has
	// the same TextKey (the same but for its encoding, width, whitespace
	// and Markdown markup) holds it, as one holding its (FileHash, Index)
	// does. Adding files sets it; it is not stored (every stored report
	// has its text's key).
	ByText bool
}

// Paragraph is one searchable paragraph of a report.
type Paragraph struct {
	Offset int    // characters from the start of the report's Text
	Text   string // as in the report
	Kind   string // section kind: review highlights problems plan other
}

// Summary is a report (or a version of one) without its text and data,
// as List and Versions return it.
type Summary struct {
	ID       int64
	Version  int
	Note     string
	FileHash string
	Index    int
	Path     string
	Title    string
	Unit     string
	Level    string
	Years    []int
	Period   string
	Genre    string
	Chars    int
	Added    time.Time
	UnitID   int64 // the report's unit in the tree, 0 while unassigned
}

// Summary returns the report without its text and data.
func (r *Report) Summary() Summary {
	return Summary{
		ID: r.ID, Version: r.Version, Note: r.Note, FileHash: r.FileHash, Index: r.Index, Path: r.Path, Title: r.Title,
		Unit: r.Unit, Level: r.Level, Years: r.Years, Period: r.Period, Genre: r.Genre,
		Chars: r.Chars, Added: r.Added, UnitID: r.UnitID,
	}
}

// Filter selects reports by their current version; zero fields select
// all.
type Filter struct {
	Path  string // exact
	Unit  string // exact
	Level string
	Year  int // reports whose Years contain it
	Genre string
	// Scope, when set, selects only the reports of its units.
	Scope *Scope
}

// Scope is a set of units of the tree whose reports may be read: the
// reports assigned to one of Units, and the unassigned ones when
// Unassigned is set. A Scope without units and without Unassigned selects
// nothing.
type Scope struct {
	Units      []int64
	Unassigned bool
}

// Holds reports whether the scope holds the reports of unit (0: the
// unassigned ones).
func (s *Scope) Holds(unit int64) bool {
	if s == nil {
		return true
	}
	if unit == 0 {
		return s.Unassigned
	}
	for _, u := range s.Units {
		if u == unit {
			return true
		}
	}
	return false
}

// Query is a full-text search.
type Query struct {
	Text   string // what the user typed; matched as a phrase (characters, not words)
	Filter Filter
	Kind   string // only paragraphs in sections of this kind, "" for all
	Limit  int    // at most this many hits (0: 20)
}

// Hit is one paragraph that matches a query, best first.
type Hit struct {
	Report    Summary
	Paragraph Paragraph
	Score     float64 // larger is better; comparable within one result only
}

// Posting says that a report holds a fingerprint.
type Posting struct {
	Report int64
	Unit   string // the unit the report names
	UnitID int64  // the unit of the tree it belongs to (0: unassigned)
}

// Store is implemented by sqlite.Store and postgres.Store.
type Store interface {
	// Put stores r in one transaction and sets r.ID and r.Version.
	//
	// With r.ID zero, r is a new report (version 1) of unit r.UnitID,
	// unless a version of a stored report holds its (FileHash, Index):
	// then nothing is stored and Put returns that report's ID and added
	// false — or, when that report is in the trash, brings it back as it
	// was (added true, r.Version its current version). With r.ByText set,
	// a live report whose current text has r.Text's TextKey holds it too
	// (the one of least ID): nothing is stored, its ID and added false.
	//
	// With r.ID set, r is a new version of that report, which becomes its
	// current version (ErrNotFound when there is no such report); a
	// non-zero r.UnitID moves the report to that unit. Nothing is stored, and added is false, when the current version holds the
	// same text and metadata already (FileHash, Index, Title, Unit, Level,
	// Years, Period, Genre), or when a version of another report holds
	// r's (FileHash, Index) (Put then returns that report's ID): a text
	// belongs to one report.
	Put(ctx context.Context, r *Report) (id int64, added bool, err error)
	// PutBatch stores several reports in one transaction, each as Put
	// would (a report twice in rs is stored once), and sets their IDs and
	// versions. It returns each report's ID and whether it was stored.
	// When it fails, none of the reports is stored. Adding many reports
	// goes this way: one transaction for many is what makes adding fast.
	PutBatch(ctx context.Context, rs []*Report) (ids []int64, added []bool, err error)
	// Get returns the current version of a report whole, or ErrNotFound.
	Get(ctx context.Context, id int64) (*Report, error)
	// Texts returns the current versions of the reports ids with their
	// texts but without their data, findings, fingerprints and
	// paragraphs (nil): what comparing texts needs, read at a fraction of
	// Get's cost and in one read for many. Each report comes once, in the
	// order of its first ID in ids; an unknown ID, or one of a report in
	// the trash, is left out.
	Texts(ctx context.Context, ids []int64) ([]*Report, error)
	// GetVersion returns one version of a report whole, or ErrNotFound.
	GetVersion(ctx context.Context, id int64, version int) (*Report, error)
	// Versions returns the versions of a report, oldest first (the last
	// is the current one), or ErrNotFound.
	Versions(ctx context.Context, id int64) ([]Summary, error)
	// Find returns the ID of the report a version of which holds
	// (fileHash, index), or ErrNotFound.
	Find(ctx context.Context, fileHash string, index int) (int64, error)
	// List returns the reports the filter selects, by ID.
	List(ctx context.Context, f Filter) ([]Summary, error)
	// Delete removes a report, every version of it and everything stored
	// for them, or returns ErrNotFound.
	Delete(ctx context.Context, id int64) error
	// Search returns the paragraphs containing q.Text (after Terms), best
	// first.
	Search(ctx context.Context, q Query) ([]Hit, error)
	// Postings returns, for each of the hashes held by the current
	// version of some report, the reports holding it.
	Postings(ctx context.Context, hashes []uint64) (map[uint64][]Posting, error)
	// HashUnits returns, for each of the hashes held by the current
	// version of some report the scope selects (nil: every report), the
	// number of distinct units the reports holding it name (Posting.Unit;
	// a report naming none counts on its own), or atLeast when that is
	// atLeast or more (atLeast ≤ 0: no bound). Hashes no such report
	// holds are left out. It is what Postings and UnitCounts give, but
	// need not read every holder of a hash: deciding that a hash is a
	// stock phrase held by the reports of many units costs no more in a
	// store of thousands of reports of one template.
	HashUnits(ctx context.Context, hashes []uint64, scope *Scope, atLeast int) (map[uint64]int, error)
	// Shared returns the reports the scope selects (nil: every report),
	// other than exclude, whose current versions hold the most of
	// hashes: at most n, most first, equal counts by ID, each with the
	// number of hashes it holds. It is what counting the postings of
	// every hash gives (TopShared), but need not read every holder of a
	// hash that many reports hold, nor copy them.
	Shared(ctx context.Context, hashes []uint64, scope *Scope, exclude int64, n int) ([]Shared, error)
	// EachFingerprints calls fn with every report's ID, unit and
	// fingerprints, by ID; it stops at fn's first error and returns it.
	// (The unit is the name the report gives; Postings has the unit of
	// the tree.)
	EachFingerprints(ctx context.Context, fn func(id int64, unit string, fps []uint64) error) error
	// Count returns the number of reports stored.
	Count(ctx context.Context) (int, error)
	// Optimize compacts the indexes and refreshes the query planner's
	// statistics after a bulk add; it changes no answer.
	Optimize(ctx context.Context) error

	// PutFigures stores figures in one transaction, each replacing the
	// figures of its report; the figures of a report that is not stored
	// (deleted meanwhile) are left out.
	PutFigures(ctx context.Context, fs []Figures) error
	// Figures returns the stored figures of every report, by report ID
	// (those of a report in the trash are kept, not returned).
	Figures(ctx context.Context) ([]Figures, error)

	// Placements returns where each of the reports ids is, live or in
	// the trash; unknown IDs are left out.
	Placements(ctx context.Context, ids []int64) (map[int64]Placement, error)
	// Locate returns the report a version of which holds (fileHash,
	// index), live or in the trash, or ErrNotFound: the report Put would
	// give the text to.
	Locate(ctx context.Context, fileHash string, index int) (int64, error)
	// Assign moves the reports ids (live or in the trash) to unit, 0
	// meaning unassigned; ErrNotFound for an unknown report or unit.
	Assign(ctx context.Context, ids []int64, unit int64) error

	Trash
	Units
	Accounts
	Audit

	// Verify checks the store's integrity: the database's own check,
	// and that every report is whole (its text, fingerprints, paragraphs
	// and index entries, its versions numbered without gaps). It returns
	// an error describing the first damage found.
	Verify(ctx context.Context) error
	Close() error
}

// FiguresReader is a store that tells what changed in what Figures
// returns since an earlier read, so that its caller can keep the figures
// read (corpus.DeskCache) and read at each look only those stored or
// changed since, instead of every report's.
type FiguresReader interface {
	// FiguresSince returns how what Figures returns changed since the
	// read that gave mark ("" for none: every report's figures, All set),
	// whoever wrote: the figures stored since, those of reports brought
	// back from the trash, and the reports moved to the trash or deleted.
	// Applied to what Figures returned at mark, it gives what Figures
	// returned at some moment between the call and its return. A mark
	// the store cannot follow (a database restored since) gives every
	// report's figures too.
	FiguresSince(ctx context.Context, mark string) (FiguresDelta, error)
}

// FiguresDelta is what FiguresSince returns.
type FiguresDelta struct {
	// Mark is where this read stopped, for the next FiguresSince.
	Mark string
	// All says Figures holds every report's figures, as Figures returns
	// them: they replace what the caller kept, and Gone is empty.
	All bool
	// Figures are the figures stored, or of reports brought back from
	// the trash, since the mark, in no particular order.
	Figures []Figures
	// Gone are the reports whose figures Figures no longer returns
	// (moved to the trash, deleted) since the mark, in no particular
	// order; some may be reports whose figures the caller never had.
	Gone []int64
}

// Figures are what package corpus computed of one report for the
// reviewer's desk (finding counts, placeholders, reuse, targets tracked),
// kept by the store as a cache. The store does not read them: Stamp says
// what they were computed from (corpus makes it of the versions of the
// reports they depend on), so that corpus can tell when they are stale. A
// report's figures go with it when it is deleted; a new version of it
// leaves them, to be found stale by their stamp.
type Figures struct {
	Report int64
	Stamp  string
	Data   json.RawMessage // JSON
}

// Placement is where a stored report is: its unit in the tree (0:
// unassigned) and whether it is in the trash.
type Placement struct {
	Unit    int64
	Trashed bool
}

// UnitCounts counts the units of postings as HashUnits does: for each
// hash with a posting of a report the scope selects, the distinct units
// those reports name (a report naming none counting on its own), or
// atLeast when that is atLeast or more (atLeast ≤ 0: no bound).
func UnitCounts(postings map[uint64][]Posting, scope *Scope, atLeast int) map[uint64]int {
	out := make(map[uint64]int, len(postings))
	seen := map[string]bool{}
	for h, ps := range postings {
		clear(seen)
		n := 0
		for _, p := range ps {
			if !scope.Holds(p.UnitID) {
				continue
			}
			if p.Unit != "" {
				if seen[p.Unit] {
					continue
				}
				seen[p.Unit] = true
			}
			n++
			if atLeast > 0 && n >= atLeast {
				break
			}
		}
		if n > 0 {
			out[h] = n
		}
	}
	return out
}
