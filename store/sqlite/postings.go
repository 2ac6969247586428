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
// postings never come back to life. A new version of a report with other
// fingerprints adds the postings of its new ones and records the report
// in revised_reports: lookups keep a posting of a revised report only when
// its current fingerprints hold the hash, and a merge of every run drops
// the others.
//
// Sorting, merging and encoding happen in Go, in the writer's
// transaction; SQLite only stores blocks. This costs about half of what
// the FTS5 table this replaces (schema version 1) cost to add reports to.

const (
	// blockSize is the size a block of postings is cut at.
	blockSize = 4000
	// mergeRuns is how many runs of one level are merged into one of the
	// next.
	mergeRuns = 16
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
	bw, err := w.newRun(level)
	if err != nil {
		return err
	}
	for _, p := range ps {
		if err := bw.add(p); err != nil {
			return err
		}
	}
	return bw.close()
}

// runWriter writes a new run a block at a time.
type runWriter struct {
	w     *writer
	run   int64
	n     int       // postings written
	block []posting // not yet written
	buf   []byte
}

// newRun starts a run of the given level.
func (w *writer) newRun(level int) (*runWriter, error) {
	run, err := w.insert(`INSERT INTO posting_runs (level, postings) VALUES (?, 0)`, level)
	if err != nil {
		return nil, err
	}
	return &runWriter{w: w, run: run}, nil
}

// add appends p, which follows the postings added before.
func (bw *runWriter) add(p posting) error {
	// A block is cut once it reaches blockSize (a posting takes about 9
	// bytes), but not inside the postings of one hash: a lookup reads one
	// block.
	if len(bw.block) >= blockSize/9 && p.hash != bw.block[len(bw.block)-1].hash {
		if err := bw.flush(); err != nil {
			return err
		}
	}
	bw.block = append(bw.block, p)
	bw.n++
	return nil
}

func (bw *runWriter) flush() error {
	if len(bw.block) == 0 {
		return nil
	}
	bw.buf = appendBlock(bw.buf[:0], bw.block)
	if _, err := bw.w.exec(`INSERT INTO posting_blocks (run, first, data) VALUES (?, ?, ?)`,
		bw.run, hashKey(bw.block[0].hash), bw.buf); err != nil {
		return err
	}
	bw.block = bw.block[:0]
	return nil
}

// close writes what is left and records the size of the run, or drops
// it when it is empty.
func (bw *runWriter) close() error {
	if err := bw.flush(); err != nil {
		return err
	}
	if bw.n == 0 {
		_, err := bw.w.exec(`DELETE FROM posting_runs WHERE run = ?`, bw.run)
		return err
	}
	_, err := bw.w.exec(`UPDATE posting_runs SET postings = ? WHERE run = ?`, bw.n, bw.run)
	return err
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
// postings that keep keeps (nil: all). It reads each run a block at a
// time, so that it needs little memory however large they are.
func (w *writer) merge(runs []int64, level int, keep func(posting) (bool, error)) error {
	var its runHeap
	defer func() {
		for _, it := range its {
			it.rows.Close()
		}
	}()
	for _, run := range runs {
		it, err := w.openRun(run)
		if err != nil {
			return err
		}
		if it == nil {
			continue
		}
		its = append(its, it)
	}
	its.init()
	bw, err := w.newRun(level)
	if err != nil {
		return err
	}
	var last posting
	for len(its) > 0 {
		p := its[0].head()
		if err := its.next(); err != nil {
			return err
		}
		if bw.n > 0 && p == last {
			continue
		}
		if keep != nil {
			ok, err := keep(p)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
		}
		if err := bw.add(p); err != nil {
			return err
		}
		last = p
	}
	if err := bw.close(); err != nil {
		return err
	}
	for _, run := range runs {
		if _, err := w.exec(`DELETE FROM posting_blocks WHERE run = ?`, run); err != nil {
			return err
		}
		if _, err := w.exec(`DELETE FROM posting_runs WHERE run = ?`, run); err != nil {
			return err
		}
	}
	return nil
}

// runIter reads a run's postings in order, a block at a time.
type runIter struct {
	run   int64
	rows  *sql.Rows
	block []posting
	i     int // of the head in block
}

// openRun returns an iterator over the postings of run, at its first, or
// nil when it has none.
func (w *writer) openRun(run int64) (*runIter, error) {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT first, data FROM posting_blocks WHERE run = ? ORDER BY first`, run)
	if err != nil {
		return nil, err
	}
	it := &runIter{run: run, rows: rows}
	ok, err := it.load()
	if err != nil || !ok {
		rows.Close()
		return nil, err
	}
	return it, nil
}

// load reads the next block; it returns false after the last.
func (it *runIter) load() (bool, error) {
	for it.rows.Next() {
		var (
			first int64
			data  []byte
		)
		if err := it.rows.Scan(&first, &data); err != nil {
			return false, err
		}
		var err error
		if it.block, err = decodeBlock(it.block[:0], uint64(first)^1<<63, data); err != nil {
			return false, fmt.Errorf("run %d: %w", it.run, err)
		}
		it.i = 0
		if len(it.block) > 0 {
			return true, nil
		}
	}
	return false, it.rows.Err()
}

func (it *runIter) head() posting { return it.block[it.i] }

// runHeap is a heap of runs by their heads.
type runHeap []*runIter

func (h runHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h runHeap) down(i int) {
	for {
		least := i
		for _, c := range []int{2*i + 1, 2*i + 2} {
			if c < len(h) && less(h[c].head(), h[least].head()) {
				least = c
			}
		}
		if least == i {
			return
		}
		h[i], h[least] = h[least], h[i]
		i = least
	}
}

// next moves the run at the top to its next posting, dropping it when it
// has no more.
func (h *runHeap) next() error {
	top := (*h)[0]
	top.i++
	if top.i == len(top.block) {
		ok, err := top.load()
		if err != nil {
			return err
		}
		if !ok {
			top.rows.Close()
			last := len(*h) - 1
			(*h)[0] = (*h)[last]
			*h = (*h)[:last]
		}
	}
	if len(*h) > 0 {
		h.down(0)
	}
	return nil
}

// optimizePostings merges every run into one, without the postings of
// deleted reports nor those revised reports no longer hold, which are then
// forgotten.
func (w *writer) optimizePostings() error {
	runs, err := w.runs(``)
	if err != nil {
		return err
	}
	l, err := readLiveness(w.ctx, w.tx)
	if err != nil {
		return err
	}
	if len(runs) <= 1 && len(l.deleted) == 0 && len(l.revised) == 0 {
		return nil
	}
	if err := w.merge(runs, optimizedLevel, l.live); err != nil {
		return err
	}
	if _, err := w.exec(`DELETE FROM deleted_reports`); err != nil {
		return err
	}
	_, err = w.exec(`DELETE FROM revised_reports`)
	return err
}

// querier is a *sql.Tx or a *sql.Conn.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// liveness tells the postings of the runs that are still true: not of a
// deleted report, and, of a report revised since, held by its current
// version.
type liveness struct {
	ctx     context.Context
	q       querier
	deleted map[int64]bool
	revised map[int64]bool
	current map[int64][]uint64 // of revised reports, read on first need
}

// readLiveness reads the deleted and revised reports.
func readLiveness(ctx context.Context, q querier) (*liveness, error) {
	l := &liveness{ctx: ctx, q: q, current: map[int64][]uint64{}}
	var err error
	if l.deleted, err = idSet(ctx, q, `SELECT report FROM deleted_reports`); err != nil {
		return nil, err
	}
	if l.revised, err = idSet(ctx, q, `SELECT report FROM revised_reports`); err != nil {
		return nil, err
	}
	return l, nil
}

// idSet returns the IDs query selects.
func idSet(ctx context.Context, q querier, query string) (map[int64]bool, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	set := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		set[id] = true
	}
	return set, rows.Err()
}

// live reports whether the posting p is still true.
func (l *liveness) live(p posting) (bool, error) {
	if l.deleted[p.report] {
		return false, nil
	}
	if !l.revised[p.report] {
		return true, nil
	}
	fps, ok := l.current[p.report]
	if !ok {
		var hashes []byte
		err := l.q.QueryRowContext(l.ctx, `SELECT hashes FROM fingerprints WHERE report = ?`, p.report).Scan(&hashes)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return false, err
		}
		if fps, err = unpackHashes(hashes); err != nil {
			return false, fmt.Errorf("report %d: %w", p.report, err)
		}
		l.current[p.report] = fps
	}
	_, found := slices.BinarySearch(fps, p.hash)
	return found, nil
}

// lookup returns the reports holding each of hashes (sorted), by ID,
// from one snapshot of the index, reading through conn, and that
// snapshot.
func lookup(ctx context.Context, conn *sql.Conn, hashes []uint64) ([][]int64, holderSnap, error) {
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, holderSnap{}, err
	}
	defer tx.Rollback()
	snap, err := readHolderSnap(ctx, tx)
	if err != nil {
		return nil, snap, err
	}
	out, err := lookupTx(ctx, tx, hashes)
	return out, snap, err
}

// lookupTx is lookup in the read transaction tx.
func lookupTx(ctx context.Context, tx *sql.Tx, hashes []uint64) ([][]int64, error) {
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
	l, err := readLiveness(ctx, tx)
	if err != nil {
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
				ok, err := l.live(block[k])
				if err != nil {
					return nil, err
				}
				if ok {
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
