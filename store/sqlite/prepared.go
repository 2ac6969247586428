package sqlite

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// prepared runs the queries of the read connections through statements
// prepared once for each connection and kept (database/sql prepares a
// Stmt again on each connection it runs on, once). Preparing is SQLite
// parsing and planning the query, which this driver does in Go: a query
// run unprepared, as database/sql runs QueryContext with arguments,
// prepares it every time, a tenth of the CPU of a report page's reads.
//
// The queries are the program's own texts, a few dozen (filterSQL's
// conditions combine into more, a bounded number); past maxPrepared a
// query runs unprepared. SQLite prepares a kept statement again by
// itself when the schema changed.
//
// Nothing waits for a connection while holding the lock, and a read
// transaction never waits for a second connection to prepare on: with
// every read connection in a transaction whose query was new, each would
// wait for another forever (bench/load at 500/s stalled so, the server
// idle, every request timing out). A query first met in a transaction
// runs unprepared there and is prepared aside, on a connection of its own.
type prepared struct {
	db       *sql.DB
	mu       sync.RWMutex
	stmts    map[string]*sql.Stmt
	inFlight map[string]bool // being prepared aside
	closed   bool

	// The statements being prepared aside: close cancels and waits for
	// them, so that no connection is opened or held after the store is
	// closed (one opened then created the database's -wal and -shm files
	// again while a test removed its directory).
	aside     sync.WaitGroup
	asideCtx  context.Context // set with the first
	stopAside context.CancelFunc
}

// maxPrepared bounds the statements kept.
const maxPrepared = 256

// kept returns the kept statement of query, or nil, and whether there is
// room for another.
func (p *prepared) kept(query string) (*sql.Stmt, bool) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.stmts[query], len(p.stmts) < maxPrepared
}

// stmt returns the kept statement of query, prepared now when new; nil
// when maxPrepared are kept already. The caller holds no connection of
// p.db.
func (p *prepared) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	st, room := p.kept(query)
	if st != nil || !room {
		return st, nil
	}
	st, err := p.db.PrepareContext(ctx, query) // waits for a connection: no lock held
	if err != nil {
		return nil, err
	}
	return p.keep(query, st), nil
}

// keep keeps st as the statement of query and returns the one kept: st,
// or one another goroutine kept first (st is closed then), or nil when
// there is no room (st is closed).
func (p *prepared) keep(query string, st *sql.Stmt) *sql.Stmt {
	p.mu.Lock()
	defer p.mu.Unlock()
	if old := p.stmts[query]; old != nil {
		st.Close()
		return old
	}
	if len(p.stmts) >= maxPrepared || p.closed {
		st.Close()
		return nil
	}
	if p.stmts == nil {
		p.stmts = make(map[string]*sql.Stmt)
	}
	p.stmts[query] = st
	return st
}

// prepareAside prepares query on a connection of its own, in the
// background, unless that is under way or there is no room.
func (p *prepared) prepareAside(query string) {
	p.mu.Lock()
	if p.inFlight[query] || p.stmts[query] != nil || len(p.stmts) >= maxPrepared || p.closed {
		p.mu.Unlock()
		return
	}
	if p.inFlight == nil {
		p.inFlight = make(map[string]bool)
	}
	p.inFlight[query] = true
	if p.asideCtx == nil {
		p.asideCtx, p.stopAside = context.WithCancel(context.Background())
	}
	parent := p.asideCtx
	p.aside.Add(1)
	p.mu.Unlock()
	go func() {
		defer p.aside.Done()
		ctx, cancel := context.WithTimeout(parent, 30*time.Second)
		defer cancel()
		if st, err := p.db.PrepareContext(ctx, query); err == nil {
			p.keep(query, st)
		}
		p.mu.Lock()
		delete(p.inFlight, query)
		p.mu.Unlock()
	}()
}

// QueryContext is sql.DB's, through the kept statement of query.
func (p *prepared) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := p.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return p.db.QueryContext(ctx, query, args...)
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext is sql.DB's, through the kept statement of query.
func (p *prepared) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := p.stmt(ctx, query)
	if err != nil || st == nil {
		return p.db.QueryRowContext(ctx, query, args...) // it fails the same way, or runs unprepared
	}
	return st.QueryRowContext(ctx, args...)
}

// in returns the queries of the read transaction tx, through the kept
// statements (prepared on its connection once).
func (p *prepared) in(tx *sql.Tx) preparedTx { return preparedTx{p, tx} }

type preparedTx struct {
	p  *prepared
	tx *sql.Tx
}

// txStmt returns the kept statement of query for the transaction, or nil:
// a new query runs unprepared on the transaction's connection and is
// prepared aside (see prepared).
func (t preparedTx) txStmt(query string) *sql.Stmt {
	st, room := t.p.kept(query)
	if st == nil && room {
		t.p.prepareAside(query)
	}
	return st
}

// QueryContext is sql.Tx's, through the kept statement of query.
func (t preparedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := t.txStmt(query); st != nil {
		return t.tx.StmtContext(ctx, st).QueryContext(ctx, args...)
	}
	return t.tx.QueryContext(ctx, query, args...)
}

// QueryRowContext is sql.Tx's, through the kept statement of query.
func (t preparedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := t.txStmt(query); st != nil {
		return t.tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, query, args...)
}

// close closes the kept statements, once those being prepared aside are
// given up; none is kept after.
func (p *prepared) close() error {
	p.mu.Lock()
	p.closed = true
	stop := p.stopAside
	p.mu.Unlock()
	if stop != nil {
		stop()
	}
	p.aside.Wait() // they take the lock to finish
	p.mu.Lock()
	defer p.mu.Unlock()
	var first error
	for _, st := range p.stmts {
		if err := st.Close(); err != nil && first == nil {
			first = err
		}
	}
	p.stmts = nil
	return first
}

// queryer is what reads need of sql.DB.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

var (
	_ queryer = (*prepared)(nil)
	_ queryer = preparedTx{}
)
