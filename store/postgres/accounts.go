package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// constraintErr returns store.ErrConflict for a uniqueness violation,
// store.ErrNotFound for a foreign key that names nothing, err otherwise.
func constraintErr(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505": // unique_violation
			return fmt.Errorf("%w (%v)", store.ErrConflict, err)
		case "23503": // foreign_key_violation
			return fmt.Errorf("%w (%v)", store.ErrNotFound, err)
		}
	}
	return err
}

// optTime returns t as a parameter: NULL for the zero time.
func optTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return norm.Time(t)
}

// fromOpt reads a time that may be NULL.
func fromOpt(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return norm.Time(*t)
}

// cleanAliases returns aliases each once, never nil.
func cleanAliases(aliases []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, a := range aliases {
		if a != "" && !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

// CreateUnit stores a unit of the tree.
func (s *Store) CreateUnit(ctx context.Context, u *store.Unit) error {
	created := norm.Time(time.Now())
	var id int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if u.Parent != 0 {
			if err := unitExists(ctx, tx, u.Parent); err != nil {
				return err
			}
		}
		err := tx.QueryRow(ctx, `INSERT INTO units (parent, name, aliases, created) VALUES ($1, $2, $3, $4) RETURNING id`,
			unitArg(u.Parent), u.Name, cleanAliases(u.Aliases), created).Scan(&id)
		return constraintErr(err)
	})
	if err != nil {
		return fmt.Errorf("postgres: create unit %s: %w", u.Name, err)
	}
	u.ID, u.Created = id, created
	return nil
}

// UpdateUnit stores u's name, aliases and parent over unit u.ID.
func (s *Store) UpdateUnit(ctx context.Context, u *store.Unit) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// The tree is locked while it changes, so that two moves cannot
		// make a cycle between them.
		if _, err := tx.Exec(ctx, `LOCK TABLE units IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return err
		}
		if err := unitExists(ctx, tx, u.ID); err != nil {
			return err
		}
		for p := u.Parent; p != 0; {
			if p == u.ID {
				return fmt.Errorf("unit %d under itself: %w", u.ID, store.ErrConflict)
			}
			var parent *int64
			err := tx.QueryRow(ctx, `SELECT parent FROM units WHERE id = $1`, p).Scan(&parent)
			if errors.Is(err, pgx.ErrNoRows) {
				return fmt.Errorf("unit %d: %w", p, store.ErrNotFound)
			}
			if err != nil {
				return err
			}
			p = 0
			if parent != nil {
				p = *parent
			}
		}
		_, err := tx.Exec(ctx, `UPDATE units SET parent = $1, name = $2, aliases = $3 WHERE id = $4`,
			unitArg(u.Parent), u.Name, cleanAliases(u.Aliases), u.ID)
		return constraintErr(err)
	})
	if err != nil {
		return fmt.Errorf("postgres: update unit %d: %w", u.ID, err)
	}
	return nil
}

// ListUnits returns every unit, by ID.
func (s *Store) ListUnits(ctx context.Context) ([]store.Unit, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, coalesce(parent, 0), name, aliases, created FROM units ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("postgres: units: %w", err)
	}
	var (
		out []store.Unit
		u   store.Unit
	)
	if _, err := pgx.ForEachRow(rows, []any{&u.ID, &u.Parent, &u.Name, &u.Aliases, &u.Created}, func() error {
		c := u
		if len(c.Aliases) == 0 {
			c.Aliases = nil
		}
		c.Created = norm.Time(c.Created)
		out = append(out, c)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("postgres: units: %w", err)
	}
	return out, nil
}

// userColumns are the columns scanUser reads.
const userColumns = `id, name, unit, role, password, disabled, created, last_login`

func scanUser(row pgx.Row) (store.User, error) {
	var (
		u         store.User
		lastLogin *time.Time
	)
	if err := row.Scan(&u.ID, &u.Name, &u.Unit, &u.Role, &u.PasswordHash, &u.Disabled, &u.Created, &lastLogin); err != nil {
		return u, err
	}
	u.Created = norm.Time(u.Created)
	u.LastLogin = fromOpt(lastLogin)
	return u, nil
}

// CreateUser stores a user.
func (s *Store) CreateUser(ctx context.Context, u *store.User) error {
	created := norm.Time(time.Now())
	var id int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if err := unitExists(ctx, tx, u.Unit); err != nil {
			return err
		}
		err := tx.QueryRow(ctx, `INSERT INTO users (name, unit, role, password, disabled, created, last_login)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			u.Name, u.Unit, string(u.Role), u.PasswordHash, u.Disabled, created, optTime(u.LastLogin)).Scan(&id)
		return constraintErr(err)
	})
	if err != nil {
		return fmt.Errorf("postgres: create user %s: %w", u.Name, err)
	}
	u.ID, u.Created = id, created
	return nil
}

// UpdateUser changes some fields of a user.
func (s *Store) UpdateUser(ctx context.Context, id int64, up store.UserUpdate) (store.User, error) {
	var u store.User
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var (
			sets []string
			args []any
		)
		set := func(col string, v any) {
			args = append(args, v)
			sets = append(sets, col+" = $"+strconv.Itoa(len(args)))
		}
		if up.Unit != nil {
			if err := unitExists(ctx, tx, *up.Unit); err != nil {
				return err
			}
			set("unit", *up.Unit)
		}
		if up.Role != nil {
			set("role", string(*up.Role))
		}
		if up.PasswordHash != nil {
			set("password", *up.PasswordHash)
		}
		if up.Disabled != nil {
			set("disabled", *up.Disabled)
		}
		if up.LastLogin != nil {
			set("last_login", optTime(*up.LastLogin))
		}
		if len(sets) > 0 {
			args = append(args, id)
			if _, err := tx.Exec(ctx, `UPDATE users SET `+strings.Join(sets, ", ")+` WHERE id = $`+strconv.Itoa(len(args)), args...); err != nil {
				return constraintErr(err)
			}
		}
		var err error
		u, err = scanUser(tx.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
		if errors.Is(err, pgx.ErrNoRows) {
			return store.ErrNotFound
		}
		return err
	})
	if err != nil {
		return store.User{}, fmt.Errorf("postgres: update user %d: %w", id, err)
	}
	return u, nil
}

// User returns a user by ID.
func (s *Store) User(ctx context.Context, id int64) (store.User, error) {
	u, err := scanUser(s.pool.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return u, fmt.Errorf("postgres: user %d: %w", id, err)
	}
	return u, nil
}

// UserByName returns a user by name.
func (s *Store) UserByName(ctx context.Context, name string) (store.User, error) {
	u, err := scanUser(s.pool.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE name = $1`, name))
	if errors.Is(err, pgx.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return u, fmt.Errorf("postgres: user %q: %w", name, err)
	}
	return u, nil
}

// ListUsers returns every user, by ID.
func (s *Store) ListUsers(ctx context.Context) ([]store.User, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+userColumns+` FROM users ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("postgres: users: %w", err)
	}
	defer rows.Close()
	var out []store.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("postgres: users: %w", err)
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: users: %w", err)
	}
	return out, nil
}

// CountUsers returns the number of users.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM users`).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres: count users: %w", err)
	}
	return n, nil
}

// CreateSession stores a session.
func (s *Store) CreateSession(ctx context.Context, ss store.Session) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO sessions (hash, user_id, created, expires, last_seen, address) VALUES ($1, $2, $3, $4, $5, $6)`,
		ss.Hash, ss.User, norm.Time(ss.Created), norm.Time(ss.Expires), norm.Time(ss.LastSeen), ss.Address)
	if err != nil {
		return fmt.Errorf("postgres: create session: %w", constraintErr(err))
	}
	return nil
}

// Session returns the session of a hash.
func (s *Store) Session(ctx context.Context, hash string) (store.Session, error) {
	var ss store.Session
	err := s.pool.QueryRow(ctx, `SELECT hash, user_id, created, expires, last_seen, address FROM sessions WHERE hash = $1`, hash).
		Scan(&ss.Hash, &ss.User, &ss.Created, &ss.Expires, &ss.LastSeen, &ss.Address)
	if errors.Is(err, pgx.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return ss, fmt.Errorf("postgres: session: %w", err)
	}
	ss.Created, ss.Expires, ss.LastSeen = norm.Time(ss.Created), norm.Time(ss.Expires), norm.Time(ss.LastSeen)
	return ss, nil
}

// TouchSession sets a session's LastSeen and Expires.
func (s *Store) TouchSession(ctx context.Context, hash string, lastSeen, expires time.Time) error {
	tag, err := s.pool.Exec(ctx, `UPDATE sessions SET last_seen = $1, expires = $2 WHERE hash = $3`, norm.Time(lastSeen), norm.Time(expires), hash)
	if err == nil && tag.RowsAffected() == 0 {
		err = store.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("postgres: touch session: %w", err)
	}
	return nil
}

// DeleteSession removes a session.
func (s *Store) DeleteSession(ctx context.Context, hash string) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM sessions WHERE hash = $1`, hash); err != nil {
		return fmt.Errorf("postgres: delete session: %w", err)
	}
	return nil
}

// DeleteSessions removes every session of a user.
func (s *Store) DeleteSessions(ctx context.Context, user int64) (int, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM sessions WHERE user_id = $1`, user)
	if err != nil {
		return 0, fmt.Errorf("postgres: delete sessions of user %d: %w", user, err)
	}
	return int(tag.RowsAffected()), nil
}

// PurgeSessions removes the sessions expired before the time given.
func (s *Store) PurgeSessions(ctx context.Context, before time.Time) (int, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM sessions WHERE expires < $1`, before)
	if err != nil {
		return 0, fmt.Errorf("postgres: purge sessions: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// tokenColumns are the columns scanToken reads.
const tokenColumns = `id, user_id, name, hash, created, last_used, revoked`

func scanToken(row pgx.Row) (store.Token, error) {
	var (
		t                 store.Token
		lastUsed, revoked *time.Time
	)
	if err := row.Scan(&t.ID, &t.User, &t.Name, &t.Hash, &t.Created, &lastUsed, &revoked); err != nil {
		return t, err
	}
	t.Created = norm.Time(t.Created)
	t.LastUsed, t.Revoked = fromOpt(lastUsed), fromOpt(revoked)
	return t, nil
}

// CreateToken stores a token.
func (s *Store) CreateToken(ctx context.Context, t *store.Token) error {
	if t.Created.IsZero() {
		t.Created = time.Now()
	}
	t.Created = norm.Time(t.Created)
	err := s.pool.QueryRow(ctx, `INSERT INTO tokens (user_id, name, hash, created, last_used, revoked) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		t.User, t.Name, t.Hash, t.Created, optTime(t.LastUsed), optTime(t.Revoked)).Scan(&t.ID)
	if err != nil {
		return fmt.Errorf("postgres: create token %s: %w", t.Name, constraintErr(err))
	}
	return nil
}

// TokenByHash returns the token of a hash.
func (s *Store) TokenByHash(ctx context.Context, hash string) (store.Token, error) {
	t, err := scanToken(s.pool.QueryRow(ctx, `SELECT `+tokenColumns+` FROM tokens WHERE hash = $1`, hash))
	if errors.Is(err, pgx.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return t, fmt.Errorf("postgres: token: %w", err)
	}
	return t, nil
}

// ListTokens returns the tokens of a user, or of every user for 0.
func (s *Store) ListTokens(ctx context.Context, user int64) ([]store.Token, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+tokenColumns+` FROM tokens WHERE $1 = 0 OR user_id = $1 ORDER BY id`, user)
	if err != nil {
		return nil, fmt.Errorf("postgres: tokens: %w", err)
	}
	defer rows.Close()
	var out []store.Token
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, fmt.Errorf("postgres: tokens: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: tokens: %w", err)
	}
	return out, nil
}

// RevokeToken marks a token revoked.
func (s *Store) RevokeToken(ctx context.Context, id int64, at time.Time) error {
	tag, err := s.pool.Exec(ctx, `UPDATE tokens SET revoked = coalesce(revoked, $1) WHERE id = $2`, norm.Time(at), id)
	if err == nil && tag.RowsAffected() == 0 {
		err = store.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("postgres: revoke token %d: %w", id, err)
	}
	return nil
}

// TouchToken sets a token's LastUsed.
func (s *Store) TouchToken(ctx context.Context, id int64, at time.Time) error {
	if _, err := s.pool.Exec(ctx, `UPDATE tokens SET last_used = $1 WHERE id = $2`, norm.Time(at), id); err != nil {
		return fmt.Errorf("postgres: touch token %d: %w", id, err)
	}
	return nil
}

// LoginFailures returns the failures counted for a key.
func (s *Store) LoginFailures(ctx context.Context, key string) (store.LoginFailures, error) {
	f := store.LoginFailures{Key: key}
	err := s.pool.QueryRow(ctx, `SELECT count, first, last FROM login_failures WHERE key = $1`, key).Scan(&f.Count, &f.First, &f.Last)
	if errors.Is(err, pgx.ErrNoRows) {
		return f, nil
	}
	if err != nil {
		return f, fmt.Errorf("postgres: login failures: %w", err)
	}
	f.First, f.Last = norm.Time(f.First), norm.Time(f.Last)
	return f, nil
}

// AddLoginFailure counts a failure of key, in one statement.
func (s *Store) AddLoginFailure(ctx context.Context, key string, at time.Time, window time.Duration) (store.LoginFailures, error) {
	f := store.LoginFailures{Key: key}
	at = norm.Time(at)
	err := s.pool.QueryRow(ctx, `INSERT INTO login_failures AS l (key, count, first, last) VALUES ($1, 1, $2, $2)
		ON CONFLICT (key) DO UPDATE SET
			count = CASE WHEN l.last < $3 THEN 1 ELSE l.count + 1 END,
			first = CASE WHEN l.last < $3 THEN excluded.first ELSE l.first END,
			last = greatest(l.last, excluded.last)
		RETURNING count, first, last`, key, at, at.Add(-window)).Scan(&f.Count, &f.First, &f.Last)
	if err != nil {
		return f, fmt.Errorf("postgres: count login failure: %w", err)
	}
	f.First, f.Last = norm.Time(f.First), norm.Time(f.Last)
	return f, nil
}

// ClearLoginFailures forgets the failures of a key.
func (s *Store) ClearLoginFailures(ctx context.Context, key string) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM login_failures WHERE key = $1`, key); err != nil {
		return fmt.Errorf("postgres: clear login failures: %w", err)
	}
	return nil
}

// AppendAudit stores entries of the audit log in one transaction.
func (s *Store) AppendAudit(ctx context.Context, es ...*store.AuditEntry) error {
	if len(es) == 0 {
		return nil
	}
	ids := make([]int64, len(es))
	at := norm.Time(time.Now())
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		for i, e := range es {
			t := e.At
			if t.IsZero() {
				t = at
			}
			err := tx.QueryRow(ctx, `INSERT INTO audit (at, user_id, actor, address, action, report, unit, target, detail)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
				norm.Time(t), e.User, e.Actor, e.Address, e.Action, e.Report, e.Unit, e.Target, e.Detail).Scan(&ids[i])
			if err != nil {
				return fmt.Errorf("%s: %w", e.Action, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("postgres: audit: %w", err)
	}
	for i, e := range es {
		if e.At.IsZero() {
			e.At = at
		}
		e.At = norm.Time(e.At)
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
	add := func(cond string, arg any) {
		args = append(args, arg)
		b.WriteString(" AND " + strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args))))
	}
	if f.User != 0 {
		add("user_id = ?", f.User)
	}
	if prefix, ok := strings.CutSuffix(f.Action, "."); ok {
		add("starts_with(action, ?)", prefix+".")
	} else if f.Action != "" {
		add("action = ?", f.Action)
	}
	if f.Report != 0 {
		add("report = ?", f.Report)
	}
	if !f.Since.IsZero() {
		add("at >= ?", f.Since)
	}
	if !f.Until.IsZero() {
		add("at < ?", f.Until)
	}
	if sc := f.Scope; sc != nil {
		units := sc.Units
		if units == nil {
			units = []int64{}
		}
		args = append(args, units, sc.Unassigned)
		fmt.Fprintf(&b, " AND (unit = ANY ($%d) OR ($%d AND unit = 0))", len(args)-1, len(args))
	}
	if f.Before != 0 {
		add("id < ?", f.Before)
	}
	limit := ""
	if f.Limit > 0 {
		limit = " LIMIT " + strconv.Itoa(f.Limit)
	}
	rows, err := s.pool.Query(ctx, `SELECT id, at, user_id, actor, address, action, report, unit, target, detail
		FROM audit WHERE true`+b.String()+` ORDER BY id DESC`+limit, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: audit: %w", err)
	}
	var (
		out []store.AuditEntry
		e   store.AuditEntry
	)
	if _, err := pgx.ForEachRow(rows, []any{&e.ID, &e.At, &e.User, &e.Actor, &e.Address, &e.Action, &e.Report, &e.Unit, &e.Target, &e.Detail}, func() error {
		c := e
		c.At = norm.Time(c.At)
		out = append(out, c)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("postgres: audit: %w", err)
	}
	return out, nil
}
