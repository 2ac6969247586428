package postgres

import (
	"cmp"
	"context"
	"slices"
	"strconv"

	"github.com/jackc/pgx/v5"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// The search cache (norm.SearchCache) keeps, per phrase, the paragraphs
// that hold it and reads from the database only what it lacks, as
// SQLite's does. Here several processes may write one database, so what
// it relies on is kept by the database itself:
//
//   - Every row of reports and paragraphs records the transaction that
//     wrote it (schema 6), and a cache's read is marked by the snapshot
//     it saw (marks.go): what a cache at one mark lacks for a newer
//     snapshot is the rows of the transactions the newer one sees
//     finished and the older did not, whatever their IDs — a report that
//     committed late with a smaller ID than one read before is read then.
//     No write waits for another (schema 5 took one lock for every write
//     of reports, so that IDs committed in order).
//   - Everything else (a new version, the trash, a restore, a move, a
//     deletion: any UPDATE or DELETE of reports or paragraphs) adds one
//     to search_state.generation in the same transaction, and the cache
//     starts again.
//
// Each search reads, in one read-only snapshot, the generation and the
// snapshot, then what the cache lacks.

// snapshotSQL reads a search's generation and snapshot.
const snapshotSQL = `SELECT generation, pg_current_snapshot()::text FROM search_state`

// scanParagraphs is the number of paragraphs a phrase's entry may lack
// for Matches to read them by their transactions and match the phrase in
// them alone, rather than through the GIN index: the index finds every
// paragraph that holds the phrase's characters (就业 in 4,515 of
// bench/load's 6,330) before the transactions are looked at, and reads
// its pending list, which grows with every insert until a vacuum. A
// variable for the tests.
var scanParagraphs = 4096

// searchSource reads what the search cache lacks in a search's read-only
// transaction.
type searchSource struct {
	tx    pgx.Tx
	marks *marks
}

func (src searchSource) Matches(ctx context.Context, phrase string, after, upTo int64, limit int) ([]norm.Para, error) {
	cond, args := src.marks.delta("p", after, []any{phrase, limit})
	if cond != "true" {
		out, ok, err := src.matchesAdded(ctx, phrase, cond, args)
		if err != nil || ok {
			return out, err
		}
	}
	rows, err := src.tx.Query(ctx, `SELECT p.id, p.report, p.kind, p.text
		FROM paragraphs p JOIN reports r ON r.id = p.report
		WHERE p.terms @@ phraseto_tsquery('simple', $1) AND `+cond+` AND r.deleted IS NULL
		ORDER BY p.id LIMIT $2`, args...)
	if err != nil {
		return nil, err
	}
	terms := norm.Terms(phrase)
	var (
		out        []norm.Para
		id, report int64
		kind, text string
	)
	_, err = pgx.ForEachRow(rows, []any{&id, &report, &kind, &text}, func() error {
		out = append(out, norm.NewPara(id, report, kind, text, terms))
		return nil
	})
	return out, err
}

// matchesAdded is Matches of the paragraphs cond selects (by their
// transactions: see marks.delta) when they are at most scanParagraphs:
// those first (MATERIALIZED: the planner may not choose the GIN index),
// then the phrase, as the index would match it. A first row (ID -1)
// counts them, up to one more than scanParagraphs; ok is false when
// there are more.
func (src searchSource) matchesAdded(ctx context.Context, phrase, cond string, args []any) (out []norm.Para, ok bool, err error) {
	rows, err := src.tx.Query(ctx, `WITH p AS MATERIALIZED (SELECT id, report, kind, text, terms FROM paragraphs p
			WHERE `+cond+` LIMIT `+strconv.Itoa(scanParagraphs+1)+`)
		SELECT -1, count(*), '', '' FROM p
		UNION ALL (SELECT p.id, p.report, p.kind, p.text FROM p JOIN reports r ON r.id = p.report
			WHERE p.terms @@ phraseto_tsquery('simple', $1) AND r.deleted IS NULL
			ORDER BY p.id LIMIT $2)`, args...)
	if err != nil {
		return nil, false, err
	}
	terms := norm.Terms(phrase)
	var (
		id, report int64
		kind, text string
		scanned    int64
	)
	_, err = pgx.ForEachRow(rows, []any{&id, &report, &kind, &text}, func() error {
		if id == -1 {
			scanned = report
			return nil
		}
		out = append(out, norm.NewPara(id, report, kind, text, terms))
		return nil
	})
	if err != nil || scanned > int64(scanParagraphs) {
		return nil, false, err
	}
	slices.SortFunc(out, func(a, b norm.Para) int { return cmp.Compare(a.ID, b.ID) })
	return out, true, nil
}

func (src searchSource) Reports(ctx context.Context, after, upTo int64) (map[int64]norm.ReportMeta, error) {
	cond, args := src.marks.delta("r", after, nil)
	rows, err := src.tx.Query(ctx, `SELECT id, path, unit, level, years, genre, coalesce(unit_id, 0) FROM reports r
		WHERE `+cond+` AND deleted IS NULL`, args...)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]norm.ReportMeta)
	var (
		id int64
		m  norm.ReportMeta
	)
	_, err = pgx.ForEachRow(rows, []any{&id, &m.Path, &m.Unit, &m.Level, &m.Years, &m.Genre, &m.UnitID}, func() error {
		if len(m.Years) == 0 {
			m.Years = nil
		}
		out[id] = m
		m.Years = nil // a new slice for the next row
		return nil
	})
	return out, err
}

func (src searchSource) Hits(ctx context.Context, ids []int64) (map[int64]store.Hit, error) {
	return readHits(ctx, src.tx, ids)
}

// rankMatches reads the paragraphs that q selects from the database, the
// newest SearchScan, and ranks them.
func rankMatches(ctx context.Context, tx pgx.Tx, phrase string, q store.Query) ([]norm.Scored, error) {
	cond, args := filterSQL(q.Filter, []any{phrase})
	if q.Kind != "" {
		args = append(args, q.Kind)
		cond += " AND p.kind = $" + strconv.Itoa(len(args))
	}
	args = append(args, norm.SearchScan)
	rows, err := tx.Query(ctx, `SELECT p.id, p.text
		FROM paragraphs p JOIN reports r ON r.id = p.report
		WHERE p.terms @@ phraseto_tsquery('simple', $1)`+cond+`
		ORDER BY p.id DESC LIMIT $`+strconv.Itoa(len(args)), args...)
	if err != nil {
		return nil, err
	}
	var (
		cands []norm.Candidate
		c     norm.Candidate
	)
	_, err = pgx.ForEachRow(rows, []any{&c.ID, &c.Text}, func() error {
		cands = append(cands, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return norm.Rank(phrase, cands, norm.Limit(q)), nil
}

// hitsOf returns the hits of best: their reports and paragraphs.
func hitsOf(ctx context.Context, tx pgx.Tx, best []norm.Scored) ([]store.Hit, error) {
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
func readHits(ctx context.Context, tx pgx.Tx, ids []int64) (map[int64]store.Hit, error) {
	rows, err := tx.Query(ctx, `SELECT `+summaryColumns+`, p.id, p.char_offset, p.text, p.kind
		FROM paragraphs p JOIN reports r ON r.id = p.report
		WHERE p.id = ANY ($1)`, ids)
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
