package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"zongjie/store"
)

// Result codes of constraint failures (extended result codes).
const (
	constraintForeignKey = 787
	constraintPrimaryKey = 1555
	constraintUnique     = 2067
)

// constraintErr returns store.ErrConflict for a uniqueness failure,
// store.ErrNotFound for a foreign key that names nothing, err otherwise.
func constraintErr(err error) error {
	var ce interface{ Code() int }
	if errors.As(err, &ce) {
		switch ce.Code() {
		case constraintUnique, constraintPrimaryKey:
			return fmt.Errorf("%w (%v)", store.ErrConflict, err)
		case constraintForeignKey:
			return fmt.Errorf("%w (%v)", store.ErrNotFound, err)
		}
	}
	return err
}

// micro returns t as stored: Unix microseconds, NULL for the zero time.
func micro(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMicro()
}

// fromMicro reads a time stored by micro.
func fromMicro(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMicro(v.Int64).UTC()
}

// now is the current time as stored: to the microsecond, in UTC.
func now() time.Time { return time.UnixMicro(time.Now().UnixMicro()).UTC() }

// CreateUnit stores a unit of the tree.
func (s *Store) CreateUnit(ctx context.Context, u *store.Unit) error {
	aliases, err := aliasesJSON(u.Aliases)
	if err != nil {
		return fmt.Errorf("sqlite: create unit %s: %w", u.Name, err)
	}
	created := now()
	var id int64
	err = s.write(ctx, func(w *writer) error {
		if u.Parent != 0 {
			if err := w.unitExists(u.Parent); err != nil {
				return err
			}
		}
		var err error
		id, err = w.insert(`INSERT INTO units (parent, name, aliases, created) VALUES (?, ?, ?, ?)`,
			unitArg(u.Parent), u.Name, aliases, created.UnixMicro())
		return constraintErr(err)
	})
	if err != nil {
		return fmt.Errorf("sqlite: create unit %s: %w", u.Name, err)
	}
	u.ID, u.Created = id, created
	return nil
}

// aliasesJSON returns aliases as stored: a JSON array, each once.
func aliasesJSON(aliases []string) (string, error) {
	seen := map[string]bool{}
	out := []string{}
	for _, a := range aliases {
		if a != "" && !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	b, err := json.Marshal(out)
	return string(b), err
}

// UpdateUnit stores u's name, aliases and parent over unit u.ID.
func (s *Store) UpdateUnit(ctx context.Context, u *store.Unit) error {
	aliases, err := aliasesJSON(u.Aliases)
	if err != nil {
		return fmt.Errorf("sqlite: update unit %d: %w", u.ID, err)
	}
	err = s.write(ctx, func(w *writer) error {
		if err := w.unitExists(u.ID); err != nil {
			return err
		}
		// The new parent must not be u or below it.
		for p := u.Parent; p != 0; {
			if p == u.ID {
				return fmt.Errorf("unit %d under itself: %w", u.ID, store.ErrConflict)
			}
			var parent sql.NullInt64
			err := w.tx.QueryRowContext(w.ctx, `SELECT parent FROM units WHERE id = ?`, p).Scan(&parent)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("unit %d: %w", p, store.ErrNotFound)
			}
			if err != nil {
				return err
			}
			p = parent.Int64
		}
		_, err := w.exec(`UPDATE units SET parent = ?, name = ?, aliases = ? WHERE id = ?`, unitArg(u.Parent), u.Name, aliases, u.ID)
		return constraintErr(err)
	})
	if err != nil {
		return fmt.Errorf("sqlite: update unit %d: %w", u.ID, err)
	}
	return nil
}

// ListUnits returns every unit, by ID.
func (s *Store) ListUnits(ctx context.Context) ([]store.Unit, error) {
	rows, err := s.rq.QueryContext(ctx, `SELECT id, coalesce(parent, 0), name, aliases, created FROM units ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: units: %w", err)
	}
	defer rows.Close()
	var out []store.Unit
	for rows.Next() {
		var (
			u       store.Unit
			aliases string
			created int64
		)
		if err := rows.Scan(&u.ID, &u.Parent, &u.Name, &aliases, &created); err != nil {
			return nil, fmt.Errorf("sqlite: units: %w", err)
		}
		if err := json.Unmarshal([]byte(aliases), &u.Aliases); err != nil {
			return nil, fmt.Errorf("sqlite: unit %d: aliases: %w", u.ID, err)
		}
		if len(u.Aliases) == 0 {
			u.Aliases = nil
		}
		u.Created = time.UnixMicro(created).UTC()
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: units: %w", err)
	}
	return out, nil
}

// userColumns are the columns scanUser reads.
const userColumns = `id, name, unit, role, password, disabled, created, last_login`

func scanUser(sc scanner) (store.User, error) {
	var (
		u         store.User
		created   int64
		lastLogin sql.NullInt64
	)
	if err := sc.Scan(&u.ID, &u.Name, &u.Unit, &u.Role, &u.PasswordHash, &u.Disabled, &created, &lastLogin); err != nil {
		return u, err
	}
	u.Created = time.UnixMicro(created).UTC()
	u.LastLogin = fromMicro(lastLogin)
	return u, nil
}

// CreateUser stores a user.
func (s *Store) CreateUser(ctx context.Context, u *store.User) error {
	created := now()
	var id int64
	err := s.write(ctx, func(w *writer) error {
		if err := w.unitExists(u.Unit); err != nil {
			return err
		}
		var err error
		id, err = w.insert(`INSERT INTO users (name, unit, role, password, disabled, created, last_login) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			u.Name, u.Unit, string(u.Role), u.PasswordHash, u.Disabled, created.UnixMicro(), micro(u.LastLogin))
		return constraintErr(err)
	})
	if err != nil {
		return fmt.Errorf("sqlite: create user %s: %w", u.Name, err)
	}
	u.ID, u.Created = id, created
	return nil
}

// UpdateUser changes some fields of a user.
func (s *Store) UpdateUser(ctx context.Context, id int64, up store.UserUpdate) (store.User, error) {
	var u store.User
	err := s.write(ctx, func(w *writer) error {
		var (
			sets []string
			args []any
		)
		if up.Unit != nil {
			if err := w.unitExists(*up.Unit); err != nil {
				return err
			}
			sets, args = append(sets, "unit = ?"), append(args, *up.Unit)
		}
		if up.Role != nil {
			sets, args = append(sets, "role = ?"), append(args, string(*up.Role))
		}
		if up.PasswordHash != nil {
			sets, args = append(sets, "password = ?"), append(args, *up.PasswordHash)
		}
		if up.Disabled != nil {
			sets, args = append(sets, "disabled = ?"), append(args, *up.Disabled)
		}
		if up.LastLogin != nil {
			sets, args = append(sets, "last_login = ?"), append(args, micro(*up.LastLogin))
		}
		if len(sets) > 0 {
			if _, err := w.exec(`UPDATE users SET `+strings.Join(sets, ", ")+` WHERE id = ?`, append(args, id)...); err != nil {
				return constraintErr(err)
			}
		}
		var err error
		u, err = scanUser(w.tx.QueryRowContext(w.ctx, `SELECT `+userColumns+` FROM users WHERE id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return store.ErrNotFound
		}
		return err
	})
	if err != nil {
		return store.User{}, fmt.Errorf("sqlite: update user %d: %w", id, err)
	}
	return u, nil
}

// User returns a user by ID.
func (s *Store) User(ctx context.Context, id int64) (store.User, error) {
	u, err := scanUser(s.rq.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return u, fmt.Errorf("sqlite: user %d: %w", id, err)
	}
	return u, nil
}

// UserByName returns a user by name.
func (s *Store) UserByName(ctx context.Context, name string) (store.User, error) {
	u, err := scanUser(s.rq.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE name = ?`, name))
	if errors.Is(err, sql.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return u, fmt.Errorf("sqlite: user %q: %w", name, err)
	}
	return u, nil
}

// ListUsers returns every user, by ID.
func (s *Store) ListUsers(ctx context.Context) ([]store.User, error) {
	rows, err := s.rq.QueryContext(ctx, `SELECT `+userColumns+` FROM users ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: users: %w", err)
	}
	defer rows.Close()
	var out []store.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: users: %w", err)
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: users: %w", err)
	}
	return out, nil
}

// CountUsers returns the number of users.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	if err := s.rq.QueryRowContext(ctx, `SELECT count(*) FROM users`).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: count users: %w", err)
	}
	return n, nil
}

// CreateSession stores a session.
func (s *Store) CreateSession(ctx context.Context, ss store.Session) error {
	err := s.write(ctx, func(w *writer) error {
		_, err := w.exec(`INSERT INTO sessions (hash, user_id, created, expires, last_seen, address) VALUES (?, ?, ?, ?, ?, ?)`,
			ss.Hash, ss.User, ss.Created.UnixMicro(), ss.Expires.UnixMicro(), ss.LastSeen.UnixMicro(), ss.Address)
		return constraintErr(err)
	})
	if err != nil {
		return fmt.Errorf("sqlite: create session: %w", err)
	}
	return nil
}

// Session returns the session of a hash.
func (s *Store) Session(ctx context.Context, hash string) (store.Session, error) {
	var (
		ss                         store.Session
		created, expires, lastSeen int64
	)
	err := s.rq.QueryRowContext(ctx, `SELECT hash, user_id, created, expires, last_seen, address FROM sessions WHERE hash = ?`, hash).
		Scan(&ss.Hash, &ss.User, &created, &expires, &lastSeen, &ss.Address)
	if errors.Is(err, sql.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return ss, fmt.Errorf("sqlite: session: %w", err)
	}
	ss.Created = time.UnixMicro(created).UTC()
	ss.Expires = time.UnixMicro(expires).UTC()
	ss.LastSeen = time.UnixMicro(lastSeen).UTC()
	return ss, nil
}

// TouchSession sets a session's LastSeen and Expires.
func (s *Store) TouchSession(ctx context.Context, hash string, lastSeen, expires time.Time) error {
	err := s.write(ctx, func(w *writer) error {
		res, err := w.exec(`UPDATE sessions SET last_seen = ?, expires = ? WHERE hash = ?`, lastSeen.UnixMicro(), expires.UnixMicro(), hash)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return orErr(err, store.ErrNotFound)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: touch session: %w", err)
	}
	return nil
}

// DeleteSession removes a session.
func (s *Store) DeleteSession(ctx context.Context, hash string) error {
	if _, err := s.deleteRows(ctx, `DELETE FROM sessions WHERE hash = ?`, hash); err != nil {
		return fmt.Errorf("sqlite: delete session: %w", err)
	}
	return nil
}

// DeleteSessions removes every session of a user.
func (s *Store) DeleteSessions(ctx context.Context, user int64) (int, error) {
	n, err := s.deleteRows(ctx, `DELETE FROM sessions WHERE user_id = ?`, user)
	if err != nil {
		return 0, fmt.Errorf("sqlite: delete sessions of user %d: %w", user, err)
	}
	return n, nil
}

// PurgeSessions removes the sessions expired before the time given.
func (s *Store) PurgeSessions(ctx context.Context, before time.Time) (int, error) {
	n, err := s.deleteRows(ctx, `DELETE FROM sessions WHERE expires < ?`, before.UnixMicro())
	if err != nil {
		return 0, fmt.Errorf("sqlite: purge sessions: %w", err)
	}
	return n, nil
}

// deleteRows runs a DELETE and returns the number of rows deleted.
func (s *Store) deleteRows(ctx context.Context, query string, args ...any) (int, error) {
	var n int64
	err := s.write(ctx, func(w *writer) error {
		res, err := w.exec(query, args...)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// tokenColumns are the columns scanToken reads.
const tokenColumns = `id, user_id, name, hash, created, last_used, revoked`

func scanToken(sc scanner) (store.Token, error) {
	var (
		t                 store.Token
		created           int64
		lastUsed, revoked sql.NullInt64
	)
	if err := sc.Scan(&t.ID, &t.User, &t.Name, &t.Hash, &created, &lastUsed, &revoked); err != nil {
		return t, err
	}
	t.Created = time.UnixMicro(created).UTC()
	t.LastUsed = fromMicro(lastUsed)
	t.Revoked = fromMicro(revoked)
	return t, nil
}

// CreateToken stores a token.
func (s *Store) CreateToken(ctx context.Context, t *store.Token) error {
	if t.Created.IsZero() {
		t.Created = now()
	}
	var id int64
	err := s.write(ctx, func(w *writer) error {
		var err error
		id, err = w.insert(`INSERT INTO tokens (user_id, name, hash, created, last_used, revoked) VALUES (?, ?, ?, ?, ?, ?)`,
			t.User, t.Name, t.Hash, t.Created.UnixMicro(), micro(t.LastUsed), micro(t.Revoked))
		return constraintErr(err)
	})
	if err != nil {
		return fmt.Errorf("sqlite: create token %s: %w", t.Name, err)
	}
	t.ID = id
	return nil
}

// TokenByHash returns the token of a hash.
func (s *Store) TokenByHash(ctx context.Context, hash string) (store.Token, error) {
	t, err := scanToken(s.rq.QueryRowContext(ctx, `SELECT `+tokenColumns+` FROM tokens WHERE hash = ?`, hash))
	if errors.Is(err, sql.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return t, fmt.Errorf("sqlite: token: %w", err)
	}
	return t, nil
}

// ListTokens returns the tokens of a user, or of every user for 0.
func (s *Store) ListTokens(ctx context.Context, user int64) ([]store.Token, error) {
	rows, err := s.rq.QueryContext(ctx, `SELECT `+tokenColumns+` FROM tokens WHERE ? = 0 OR user_id = ? ORDER BY id`, user, user)
	if err != nil {
		return nil, fmt.Errorf("sqlite: tokens: %w", err)
	}
	defer rows.Close()
	var out []store.Token
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: tokens: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: tokens: %w", err)
	}
	return out, nil
}

// RevokeToken marks a token revoked.
func (s *Store) RevokeToken(ctx context.Context, id int64, at time.Time) error {
	err := s.write(ctx, func(w *writer) error {
		res, err := w.exec(`UPDATE tokens SET revoked = coalesce(revoked, ?) WHERE id = ?`, at.UnixMicro(), id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return orErr(err, store.ErrNotFound)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: revoke token %d: %w", id, err)
	}
	return nil
}

// TouchToken sets a token's LastUsed.
func (s *Store) TouchToken(ctx context.Context, id int64, at time.Time) error {
	err := s.write(ctx, func(w *writer) error {
		_, err := w.exec(`UPDATE tokens SET last_used = ? WHERE id = ?`, at.UnixMicro(), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: touch token %d: %w", id, err)
	}
	return nil
}

// LoginFailures returns the failures counted for a key.
func (s *Store) LoginFailures(ctx context.Context, key string) (store.LoginFailures, error) {
	f := store.LoginFailures{Key: key}
	var first, last int64
	err := s.rq.QueryRowContext(ctx, `SELECT count, first, last FROM login_failures WHERE key = ?`, key).Scan(&f.Count, &first, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return f, nil
	}
	if err != nil {
		return f, fmt.Errorf("sqlite: login failures: %w", err)
	}
	f.First, f.Last = time.UnixMicro(first).UTC(), time.UnixMicro(last).UTC()
	return f, nil
}

// AddLoginFailure counts a failure of key.
func (s *Store) AddLoginFailure(ctx context.Context, key string, at time.Time, window time.Duration) (store.LoginFailures, error) {
	f := store.LoginFailures{Key: key}
	var first, last int64
	err := s.write(ctx, func(w *writer) error {
		a := at.UnixMicro()
		_, err := w.exec(`INSERT INTO login_failures (key, count, first, last) VALUES (?, 1, ?, ?)
			ON CONFLICT (key) DO UPDATE SET
				count = CASE WHEN last < ? THEN 1 ELSE count + 1 END,
				first = CASE WHEN last < ? THEN excluded.first ELSE first END,
				last = max(last, excluded.last)`,
			key, a, a, a-window.Microseconds(), a-window.Microseconds())
		if err != nil {
			return err
		}
		return w.tx.QueryRowContext(w.ctx, `SELECT count, first, last FROM login_failures WHERE key = ?`, key).Scan(&f.Count, &first, &last)
	})
	if err != nil {
		return f, fmt.Errorf("sqlite: count login failure: %w", err)
	}
	f.First, f.Last = time.UnixMicro(first).UTC(), time.UnixMicro(last).UTC()
	return f, nil
}

// ClearLoginFailures forgets the failures of a key.
func (s *Store) ClearLoginFailures(ctx context.Context, key string) error {
	if _, err := s.deleteRows(ctx, `DELETE FROM login_failures WHERE key = ?`, key); err != nil {
		return fmt.Errorf("sqlite: clear login failures: %w", err)
	}
	return nil
}

// AppendAudit stores entries of the audit log in one transaction.
func (s *Store) AppendAudit(ctx context.Context, es ...*store.AuditEntry) error {
	if len(es) == 0 {
		return nil
	}
	ids := make([]int64, len(es))
	at := now()
	err := s.write(ctx, func(w *writer) error {
		for i, e := range es {
			t := e.At
			if t.IsZero() {
				t = at
			}
			var err error
			ids[i], err = w.insert(`INSERT INTO audit (at, user_id, actor, address, action, report, unit, target, detail)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				t.UnixMicro(), e.User, e.Actor, e.Address, e.Action, e.Report, e.Unit, e.Target, e.Detail)
			if err != nil {
				return fmt.Errorf("%s: %w", e.Action, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: audit: %w", err)
	}
	for i, e := range es {
		if e.At.IsZero() {
			e.At = at
		}
		e.At = time.UnixMicro(e.At.UnixMicro()).UTC()
		e.ID = ids[i]
	}
	return nil
}

// ListAudit returns the entries of the audit log f selects, newest first.
func (s *Store) ListAudit(ctx context.Context, f store.AuditFilter) ([]store.AuditEntry, error) {
	var (
		b    strings.Builder
		args []any
	)
	if f.User != 0 {
		b.WriteString(` AND user_id = ?`)
		args = append(args, f.User)
	}
	if prefix, ok := strings.CutSuffix(f.Action, "."); ok {
		b.WriteString(` AND substr(action, 1, ?) = ?`)
		args = append(args, len(prefix)+1, prefix+".")
	} else if f.Action != "" {
		b.WriteString(` AND action = ?`)
		args = append(args, f.Action)
	}
	if f.Report != 0 {
		b.WriteString(` AND report = ?`)
		args = append(args, f.Report)
	}
	if !f.Since.IsZero() {
		b.WriteString(` AND at >= ?`)
		args = append(args, f.Since.UnixMicro())
	}
	if !f.Until.IsZero() {
		b.WriteString(` AND at < ?`)
		args = append(args, f.Until.UnixMicro())
	}
	if sc := f.Scope; sc != nil {
		units, err := json.Marshal(sc.Units)
		if err != nil || len(sc.Units) == 0 {
			units = []byte("[]")
		}
		b.WriteString(` AND (unit IN (SELECT value FROM json_each(?)) OR (? AND unit = 0))`)
		args = append(args, string(units), sc.Unassigned)
	}
	if f.Before != 0 {
		b.WriteString(` AND id < ?`)
		args = append(args, f.Before)
	}
	limit := ""
	if f.Limit > 0 {
		limit = fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.rq.QueryContext(ctx, `SELECT id, at, user_id, actor, address, action, report, unit, target, detail
		FROM audit WHERE 1`+b.String()+` ORDER BY id DESC`+limit, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: audit: %w", err)
	}
	defer rows.Close()
	var out []store.AuditEntry
	for rows.Next() {
		var (
			e  store.AuditEntry
			at int64
		)
		if err := rows.Scan(&e.ID, &at, &e.User, &e.Actor, &e.Address, &e.Action, &e.Report, &e.Unit, &e.Target, &e.Detail); err != nil {
			return nil, fmt.Errorf("sqlite: audit: %w", err)
		}
		e.At = time.UnixMicro(at).UTC()
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: audit: %w", err)
	}
	return out, nil
}
