package sqlite

import (
	"context"
	"database/sql"
	"sync"
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
type prepared struct {
	db    *sql.DB
	mu    sync.RWMutex
	stmts map[string]*sql.Stmt
}

// maxPrepared bounds the statements kept.
const maxPrepared = 256

// stmt returns the kept statement of query, prepared now when new; nil
// when maxPrepared are kept already.
func (p *prepared) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	p.mu.RLock()
	st := p.stmts[query]
	p.mu.RUnlock()
	if st != nil {
		return st, nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if st := p.stmts[query]; st != nil {
		return st, nil
	}
	if len(p.stmts) >= maxPrepared {
		return nil, nil
	}
	st, err := p.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if p.stmts == nil {
		p.stmts = make(map[string]*sql.Stmt)
	}
	p.stmts[query] = st
	return st, nil
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

// QueryContext is sql.Tx's, through the kept statement of query.
func (t preparedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := t.p.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return t.tx.QueryContext(ctx, query, args...)
	}
	return t.tx.StmtContext(ctx, st).QueryContext(ctx, args...)
}

// QueryRowContext is sql.Tx's, through the kept statement of query.
func (t preparedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := t.p.stmt(ctx, query)
	if err != nil || st == nil {
		return t.tx.QueryRowContext(ctx, query, args...)
	}
	return t.tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
}

// close closes the kept statements.
func (p *prepared) close() error {
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
