package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"sync"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// The holders cache (norm.HolderCache) keeps, for the hashes looked up
// lately, the live reports holding each (Postings) and how many of them
// name each unit (HashUnits). Without it each lookup read every holder of
// a hash from the fingerprint index — one block per run, from pages every
// write has made cold — and looked up each holder's unit. Its generation
// is norm.Generation's: a new version, the trash, a deletion or a move
// changes it, whoever wrote the database.

// holderSnap is what one read transaction sees: the generation and the
// last report ID given.
type holderSnap = norm.HolderSnap

const holderSnapSQL = `SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'versions'), 0),
	(SELECT generation FROM placement), coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'reports'), 0)`

func readHolderSnap(ctx context.Context, q queryer) (holderSnap, error) {
	var s holderSnap
	err := q.QueryRowContext(ctx, holderSnapSQL).Scan(&s.Gen[0], &s.Gen[1], &s.Report)
	return s, err
}

// holders calls visit, under the cache's lock, with the entry of each of
// hashes (sorted, distinct) that some live report holds (see
// norm.HolderCache.Holders).
func (s *Store) holders(ctx context.Context, hashes []uint64, visit func(h uint64, e *norm.HolderEntry)) error {
	if len(hashes) == 0 {
		return nil
	}
	snap, err := readHolderSnap(ctx, &s.rq)
	if err != nil {
		return err
	}
	return s.held.Holders(ctx, snap, hashes, norm.HolderSource{Added: s.reportsAdded, Read: s.readHolders}, visit)
}

// reportsAdded reads the live reports with from < ID ≤ snap.Report and
// their fingerprints, in a read transaction of snap's generation; ok is
// false when the store has changed generation since.
func (s *Store) reportsAdded(ctx context.Context, from int64, snap holderSnap) (added []norm.AddedReport, ok bool, err error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, false, err
	}
	defer tx.Rollback()
	now, err := readHolderSnap(ctx, tx)
	if err != nil || now.Gen != snap.Gen {
		return nil, false, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT r.id, r.unit, coalesce(r.unit_id, 0), f.hashes
		FROM reports r JOIN fingerprints f ON f.report = r.id
		WHERE r.id > ? AND r.id <= ? AND r.deleted IS NULL ORDER BY r.id`, from, snap.Report)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	names := map[string]string{}
	for rows.Next() {
		var (
			r      norm.AddedReport
			hashes []byte
		)
		if err := rows.Scan(&r.ID, &r.Unit, &r.UnitID, &hashes); err != nil {
			return nil, false, err
		}
		if r.Fingerprints, err = unpackHashes(hashes); err != nil {
			return nil, false, fmt.Errorf("report %d: %w", r.ID, err)
		}
		if n, ok := names[r.Unit]; ok {
			r.Unit = n
		} else {
			names[r.Unit] = r.Unit
		}
		added = append(added, r)
	}
	return added, true, rows.Err()
}

// readHolders reads the holders of hashes from the database, in chunks on
// several connections at once.
func (s *Store) readHolders(ctx context.Context, hashes []uint64) ([]norm.HolderRead, error) {
	type result struct {
		reports [][]int64 // of each hash of the chunk
		snap    holderSnap
		err     error
	}
	n := (len(hashes) + postingsChunk - 1) / postingsChunk
	results := make([]result, n)
	// At most as many connections at once as there are processors.
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for c := range n {
		chunk := hashes[c*postingsChunk : min((c+1)*postingsChunk, len(hashes))]
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[c].reports, results[c].snap, results[c].err = s.postings(ctx, chunk)
		})
	}
	wg.Wait()
	var ids []int64
	for _, r := range results {
		if r.err != nil {
			return nil, r.err
		}
		for _, reports := range r.reports {
			ids = append(ids, reports...)
		}
	}
	units, err := s.units.get(ctx, &s.rq, ids)
	if err != nil {
		return nil, err
	}
	out := make([]norm.HolderRead, n)
	for c, r := range results {
		out[c] = norm.HolderRead{Snap: r.snap, Hashes: hashes[c*postingsChunk : min((c+1)*postingsChunk, len(hashes))], Postings: make([][]store.Posting, len(r.reports))}
		for i, reports := range r.reports {
			ps := make([]store.Posting, 0, len(reports))
			for _, id := range reports {
				if u, ok := units[id]; ok { // not in the trash
					ps = append(ps, store.Posting{Report: id, Unit: u.name, UnitID: u.id})
				}
			}
			out[c].Postings[i] = ps
		}
	}
	return out, nil
}
