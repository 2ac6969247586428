package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// The fingerprint index maps each hash to the reports holding it. It is
// kept as sorted runs of postings (hash, report), the way a log-structured
// merge tree keeps them: each write adds one run of the postings of the
// reports it adds, in blocks of about blockSize bytes, and once
// mergeRuns runs of one level are there they are merged into one run of
// the next level. A lookup reads, in each run, the one block whose range
// holds the hash. Optimize merges every run into one.
//
// Deleting a report leaves its postings in the runs and records it in
// deleted_reports; lookups leave them out, and a merge of every run
// drops them. Report IDs are never reused, so a deleted report's
// postings never come back to life.
//
// Sorting, merging and encoding happen in Go, in the writer's
// transaction; SQLite only stores blocks. This costs a fifth of what the
// FTS5 table this replaces (schema version 1) cost to add reports to.

const (
	// blockSize is the size a block of postings is cut at.
	blockSize = 4000
	// mergeRuns is how many runs of one level are merged into one of the
	// next.
	mergeRuns = 8
	// optimizedLevel is the level of the run Optimize makes of all: far
	// above those that adding makes, so that it is not merged again
	// until the next Optimize (or eight of them).
	optimizedLevel = 32
)

// posting is a hash held by a report.
type posting struct {
	hash   uint64
	report int64
}

func comparePostings(a, b posting) int {
	return cmp.Or(cmp.Compare(a.hash, b.hash), cmp.Compare(a.report, b.report))
}

func less(a, b posting) bool {
	return a.hash < b.hash || a.hash == b.hash && a.report < b.report
}

// hashKey is h as the first column of posting_blocks holds it: a signed
// integer that sorts as h does unsigned.
func hashKey(h uint64) int64 { return int64(h ^ 1<<63) }

// A block is its postings in order, each the difference of its hash from
// the one before (the first: from the block's first hash, which is the
// block's key) and its report ID, as unsigned varints. The postings of one
// hash are in one block.

// appendBlock appends the encoding of ps, sorted, to b.
func appendBlock(b []byte, ps []posting) []byte {
	prev := ps[0].hash
	for _, p := range ps {
		b = binary.AppendUvarint(b, p.hash-prev)
		b = binary.AppendUvarint(b, uint64(p.report))
		prev = p.hash
	}
	return b
}

// decodeBlock appends the postings of the block with the given first hash
// to ps.
func decodeBlock(ps []posting, first uint64, b []byte) ([]posting, error) {
	h := first
	for len(b) > 0 {
		d, n := binary.Uvarint(b)
		if n <= 0 {
			return ps, errors.New("corrupt block of postings")
		}
		b = b[n:]
		r, n := binary.Uvarint(b)
		if n <= 0 {
			return ps, errors.New("corrupt block of postings")
		}
		b = b[n:]
		h += d
		ps = append(ps, posting{h, int64(r)})
	}
	return ps, nil
}

// writeRun stores ps, sorted and distinct, as a new run of the given
// level.
func (w *writer) writeRun(level int, ps []posting) error {
	if len(ps) == 0 {
		return nil
	}
	run, err := w.insert(`INSERT INTO posting_runs (level, postings) VALUES (?, ?)`, level, len(ps))
	if err != nil {
		return err
	}
	var buf []byte
	for start := 0; start < len(ps); {
		// Cut the block where it reaches blockSize (a posting takes about
		// 9 bytes), but not inside the postings of one hash: a lookup
		// reads one block.
		end := min(start+blockSize/9, len(ps))
		for end < len(ps) && ps[end].hash == ps[end-1].hash {
			end++
		}
		buf = appendBlock(buf[:0], ps[start:end])
		if _, err := w.exec(`INSERT INTO posting_blocks (run, first, data) VALUES (?, ?, ?)`,
			run, hashKey(ps[start].hash), buf); err != nil {
			return err
		}
		start = end
	}
	return nil
}

// addPostings stores the postings of the reports added by a write, as a
// run of level 0, and merges runs as needed.
func (w *writer) addPostings(ps []posting) error {
	if len(ps) == 0 {
		return nil
	}
	slices.SortFunc(ps, comparePostings)
	ps = slices.Compact(ps)
	if err := w.writeRun(0, ps); err != nil {
		return fmt.Errorf("fingerprint index: %w", err)
	}
	// Merging the runs of a level makes one of the next, which may then
	// have enough runs to merge.
	for level := 0; ; level++ {
		runs, err := w.runs(`WHERE level = ?`, level)
		if err != nil {
			return fmt.Errorf("fingerprint index: %w", err)
		}
		if len(runs) < mergeRuns {
			return nil
		}
		if err := w.merge(runs[:mergeRuns], level+1, nil); err != nil {
			return fmt.Errorf("fingerprint index: %w", err)
		}
	}
}

// runs returns the IDs of the runs that where (a WHERE clause or "")
// selects, oldest first.
func (w *writer) runs(where string, args ...any) ([]int64, error) {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT run FROM posting_runs `+where+` ORDER BY run`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var runs []int64
	for rows.Next() {
		var run int64
		if err := rows.Scan(&run); err != nil {
			return nil, err
		}
		runs = append(runs, run)
	}
	return runs, rows.Err()
}

// merge replaces runs by one run of the given level holding their
// postings but those of the deleted reports (nil: none).
func (w *writer) merge(runs []int64, level int, deleted map[int64]bool) error {
	lists := make([][]posting, len(runs))
	for i, run := range runs {
		var n int
		if err := w.tx.QueryRowContext(w.ctx, `SELECT postings FROM posting_runs WHERE run = ?`, run).Scan(&n); err != nil {
			return err
		}
		var err error
		if lists[i], err = readRun(w.ctx, w.tx, run, make([]posting, 0, n)); err != nil {
			return err
		}
		if _, err := w.exec(`DELETE FROM posting_blocks WHERE run = ?`, run); err != nil {
			return err
		}
		if _, err := w.exec(`DELETE FROM posting_runs WHERE run = ?`, run); err != nil {
			return err
		}
	}
	return w.writeRun(level, mergePostings(lists, deleted))
}

// mergePostings merges sorted lists of postings into one, leaving out
// duplicates and the postings of deleted reports. It merges them two at a
// time.
func mergePostings(lists [][]posting, deleted map[int64]bool) []posting {
	lists = slices.Clone(lists)
	for len(lists) > 1 {
		next := lists[:0]
		for i := 0; i < len(lists); i += 2 {
			if i+1 == len(lists) {
				next = append(next, lists[i])
				break
			}
			next = append(next, mergeTwo(lists[i], lists[i+1]))
		}
		lists = next
	}
	if len(lists) == 0 {
		return nil
	}
	out := lists[0][:0] // in place: the list is a merge's or a run's, read for this
	for _, p := range lists[0] {
		if deleted[p.report] || len(out) > 0 && out[len(out)-1] == p {
			continue
		}
		out = append(out, p)
	}
	return out
}

// mergeTwo merges two sorted lists of postings.
func mergeTwo(a, b []posting) []posting {
	out := make([]posting, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if less(b[0], a[0]) {
			out = append(out, b[0])
			b = b[1:]
		} else {
			out = append(out, a[0])
			a = a[1:]
		}
	}
	out = append(out, a...)
	return append(out, b...)
}

// querier is a *sql.Tx or *sql.Conn.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// readRun appends the postings of a run, in order, to ps.
func readRun(ctx context.Context, q querier, run int64, ps []posting) ([]posting, error) {
	rows, err := q.QueryContext(ctx, `SELECT first, data FROM posting_blocks WHERE run = ? ORDER BY first`, run)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			first int64
			data  []byte
		)
		if err := rows.Scan(&first, &data); err != nil {
			return nil, err
		}
		if ps, err = decodeBlock(ps, uint64(first)^1<<63, data); err != nil {
			return nil, fmt.Errorf("run %d: %w", run, err)
		}
	}
	return ps, rows.Err()
}

// optimizePostings merges every run into one, without the postings of
// deleted reports, which are then forgotten.
func (w *writer) optimizePostings() error {
	runs, err := w.runs(``)
	if err != nil {
		return err
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT report FROM deleted_reports`)
	if err != nil {
		return err
	}
	deleted := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		deleted[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(runs) <= 1 && len(deleted) == 0 {
		return nil
	}
	if err := w.merge(runs, optimizedLevel, deleted); err != nil {
		return err
	}
	_, err = w.exec(`DELETE FROM deleted_reports`)
	return err
}

// lookup returns the reports holding each of hashes (sorted), by ID,
// from one snapshot of the index, reading through conn.
func lookup(ctx context.Context, conn *sql.Conn, hashes []uint64) ([][]int64, error) {
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT run FROM posting_runs ORDER BY run`)
	if err != nil {
		return nil, err
	}
	var runs []int64
	for rows.Next() {
		var run int64
		if err := rows.Scan(&run); err != nil {
			rows.Close()
			return nil, err
		}
		runs = append(runs, run)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	deleted := map[int64]bool{}
	rows, err = tx.QueryContext(ctx, `SELECT report FROM deleted_reports`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		deleted[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	st, err := tx.PrepareContext(ctx, `SELECT first, data FROM posting_blocks WHERE run = ? AND first <= ? ORDER BY first DESC LIMIT 1`)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	out := make([][]int64, len(hashes))
	var block []posting // the block read last, whose key is first
	for _, run := range runs {
		block = block[:0]
		var first int64
		for i, h := range hashes {
			// The block read last holds h when h is within its range.
			if len(block) == 0 || h < block[0].hash || h > block[len(block)-1].hash {
				var (
					key  int64
					data []byte
				)
				err := st.QueryRowContext(ctx, run, hashKey(h)).Scan(&key, &data)
				if errors.Is(err, sql.ErrNoRows) {
					continue // h is before the run's first hash
				}
				if err != nil {
					return nil, err
				}
				if len(block) == 0 || key != first {
					if block, err = decodeBlock(block[:0], uint64(key)^1<<63, data); err != nil {
						return nil, fmt.Errorf("run %d: %w", run, err)
					}
					first = key
				}
			}
			k, _ := slices.BinarySearchFunc(block, posting{h, 0}, comparePostings)
			for ; k < len(block) && block[k].hash == h; k++ {
				if !deleted[block[k].report] {
					out[i] = append(out[i], block[k].report)
				}
			}
		}
	}
	for i := range out {
		slices.Sort(out[i])
		out[i] = slices.Compact(out[i])
	}
	return out, nil
}
