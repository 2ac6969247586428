package postgres

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Writers of reports and paragraphs take no common lock (schema 6): IDs
// may commit out of the order they were given, a report with a smaller
// ID after one with a larger. So the caches (search, list, holders) do
// not read "every row above the largest ID they saw". Each row records
// the transaction that wrote it (xact, an xid8), and the caches say how
// far they have read by a snapshot of the database (pg_current_snapshot:
// the transactions finished by then); what a cache lacks for a newer
// snapshot is the rows whose transaction that snapshot sees finished and
// the cache's did not (deltaSQL), whatever their IDs.
//
// The caches (package norm) count how far they have read in int64s; here
// those are marks: a process numbers the snapshots its reads see, each
// newer than the one before. A snapshot is newer than another when it
// sees finished every transaction the other does; of two snapshots taken
// one after the other, the later is always newer or the same. A read
// whose snapshot is older than the last one marked (reads racing, and a
// transaction of the server, in any database, begun or ended between
// their snapshots) gets the mark of the newest snapshot marked that it
// is newer than: a cache holds at least the rows of its mark's snapshot,
// perhaps more (of a newer one), and what it reads again is kept once.
// So a cache may answer as of a snapshot newer than the request's own,
// taken while the request ran.

// pgSnapshot is a snapshot of the database as pg_current_snapshot gives
// it: the transactions below xmin are finished, those at or above xmax
// are not, and between, those in xip are not.
type pgSnapshot struct {
	xmin, xmax uint64
	xip        []uint64 // ascending
}

// parseSnapshot parses pg_snapshot's text: xmin:xmax:xip,xip,….
func parseSnapshot(s string) (pgSnapshot, error) {
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return pgSnapshot{}, fmt.Errorf("snapshot %q: not xmin:xmax:xip", s)
	}
	var (
		snap pgSnapshot
		err  error
	)
	if snap.xmin, err = strconv.ParseUint(parts[0], 10, 64); err != nil {
		return pgSnapshot{}, fmt.Errorf("snapshot %q: %w", s, err)
	}
	if snap.xmax, err = strconv.ParseUint(parts[1], 10, 64); err != nil {
		return pgSnapshot{}, fmt.Errorf("snapshot %q: %w", s, err)
	}
	if parts[2] != "" {
		for _, f := range strings.Split(parts[2], ",") {
			x, err := strconv.ParseUint(f, 10, 64)
			if err != nil {
				return pgSnapshot{}, fmt.Errorf("snapshot %q: %w", s, err)
			}
			snap.xip = append(snap.xip, x)
		}
		slices.Sort(snap.xip)
	}
	return snap, nil
}

// finished reports whether the snapshot sees transaction x finished:
// its rows, if it committed, visible.
func (s *pgSnapshot) finished(x uint64) bool {
	if x < s.xmin {
		return true
	}
	if x >= s.xmax {
		return false
	}
	_, in := slices.BinarySearch(s.xip, x)
	return !in
}

// within reports whether every transaction s sees finished, t sees
// finished too (t is s or newer). Conservative: false when unsure.
func (s *pgSnapshot) within(t *pgSnapshot) bool {
	if s.xmax > t.xmax {
		return false
	}
	for _, x := range t.xip {
		if x >= s.xmax {
			break
		}
		if s.finished(x) {
			return false
		}
	}
	return true
}

// equal reports whether s and t are the same snapshot.
func (s *pgSnapshot) equal(t *pgSnapshot) bool {
	return s.xmin == t.xmin && s.xmax == t.xmax && slices.Equal(s.xip, t.xip)
}

// keptMarks is the number of the latest marks whose snapshots are kept,
// and of the checkpoints (every checkpointMarks-th mark) kept before them.
// A mark is given whenever a read sees a snapshot other than the last:
// about every read while any transaction of the server, in any of its
// databases, begins or ends, some hundreds a second under bench/load. A
// cache that last read at a mark no longer kept reads what it lacks from
// the checkpoint before it (some rows it holds already, kept once), or
// from the start when that is gone too.
const (
	keptMarks       = 4096
	checkpointMarks = 256
)

// marks numbers the snapshots of a process's reads: mark 0 is the empty
// database (nothing read), each later mark a newer snapshot.
type marks struct {
	mu          sync.Mutex
	last        int64
	snaps       map[int64]pgSnapshot // of the latest keptMarks marks
	checkpoints map[int64]pgSnapshot // of the latest keptMarks multiples of checkpointMarks
}

// mark returns the mark of snapshot s: the last one when s is the same,
// a new one when s is newer; when s is older than the last mark's, the
// newest mark kept whose snapshot s is newer than or the same as (0 when
// none is), and exact false.
func (m *marks) mark(s pgSnapshot) (mark int64, exact bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.snaps == nil {
		m.snaps, m.checkpoints = make(map[int64]pgSnapshot), make(map[int64]pgSnapshot)
	}
	if m.last > 0 {
		last := m.snaps[m.last]
		if last.equal(&s) {
			return m.last, true
		}
		if !last.within(&s) {
			for k := m.last - 1; k > 0 && k > m.last-keptMarks; k-- {
				if o := m.snaps[k]; o.within(&s) {
					return k, o.equal(&s)
				}
			}
			return 0, false
		}
	}
	m.last++
	m.snaps[m.last] = s
	delete(m.snaps, m.last-keptMarks)
	if m.last%checkpointMarks == 0 {
		m.checkpoints[m.last] = s
		delete(m.checkpoints, m.last-keptMarks*checkpointMarks)
	}
	return m.last, true
}

// snapshot returns the snapshot of mark, and false when it is 0 or no
// longer kept.
func (m *marks) snapshot(mark int64) (pgSnapshot, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.snaps[mark]
	return s, ok
}

// base returns the snapshot of mark or of an older mark (some checkpoint
// before it, when it is no longer kept), whose rows a reader at mark
// holds; false when there is none but the empty database's.
func (m *marks) base(mark int64) (pgSnapshot, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if s, ok := m.snaps[mark]; ok {
		return s, true
	}
	s, ok := m.checkpoints[mark-mark%checkpointMarks]
	return s, ok
}

// latest returns the last mark given.
func (m *marks) latest() int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.last
}

// String returns the snapshot as pg_snapshot's text.
func (s pgSnapshot) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d:%d:", s.xmin, s.xmax)
	for i, x := range s.xip {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatUint(x, 10))
	}
	return b.String()
}

// parse parses text, a snapshot read with pg_current_snapshot, and
// returns its mark (see mark).
func (m *marks) parse(text string) (int64, error) {
	s, err := parseSnapshot(text)
	if err != nil {
		return 0, err
	}
	mark, _ := m.mark(s)
	return mark, nil
}

// delta returns the condition, on the xact column of the table aliased
// alias, that selects the rows a reader at mark from lacks (those whose
// transaction its snapshot did not see finished), and its arguments
// appended to args: for a mark no longer kept, also some the reader
// holds (see base); every row for mark 0.
func (m *marks) delta(alias string, from int64, args []any) (string, []any) {
	s, ok := m.base(from)
	if !ok {
		return "true", args
	}
	conds, args := s.delta(args, alias)
	return conds[0], args
}

// delta returns the conditions, on the xact column of the table aliased
// by each of aliases, that select the rows a read at snapshot s lacks
// (those whose transaction s did not see finished), sharing their
// arguments, appended to args.
func (s pgSnapshot) delta(args []any, aliases ...string) ([]string, []any) {
	xip := make([]string, len(s.xip))
	for i, x := range s.xip {
		xip[i] = strconv.FormatUint(x, 10)
	}
	args = append(args, strconv.FormatUint(s.xmax, 10), xip)
	n := len(args)
	conds := make([]string, len(aliases))
	for i, alias := range aliases {
		conds[i] = fmt.Sprintf("(%[1]s.xact >= $%[2]d::text::xid8 OR %[1]s.xact = ANY ($%[3]d::text[]::xid8[]))", alias, n-1, n)
	}
	return conds, args
}
