package app

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"zongjie/account"
	"zongjie/store"
)

// resolveUnit returns the unit a person names: by its full name
// (云川市/东湖区), its name or an alias when only one unit has it, or its
// number.
func resolveUnit(t *account.Tree, name string) (store.Unit, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return store.Unit{}, Errorf(Invalid, "请指定单位")
	}
	found := t.Find(name)
	if len(found) == 0 {
		if id, err := strconv.ParseInt(strings.TrimPrefix(name, "#"), 10, 64); err == nil {
			if u, ok := t.Unit(id); ok {
				return u, nil
			}
		}
		return store.Unit{}, Errorf(NotFound, "没有单位 %s（zongjie unit list 列出各单位）", name)
	}
	if len(found) > 1 {
		var names []string
		for _, u := range found {
			names = append(names, t.FullName(u.ID))
		}
		return store.Unit{}, Errorf(Invalid, "名为 %s 的单位不止一个：%s；请写出上级单位，如 %s", name, strings.Join(names, "、"), names[0])
	}
	return found[0], nil
}

// UnitInfo is a unit of the tree as the operations give it.
type UnitInfo struct {
	ID       int64    `json:"id"`
	Parent   int64    `json:"parent,omitempty"`
	Name     string   `json:"name"`
	FullName string   `json:"full_name"` // 云川市/东湖区
	Aliases  []string `json:"aliases,omitempty"`
	Depth    int      `json:"depth"`   // 0 for a root
	Reports  int      `json:"reports"` // the reports assigned to it (not those below)
	Users    int      `json:"users"`
}

// UnitTree is the units a user may see, depth first, and the number of
// unassigned reports.
type UnitTree struct {
	Units      []UnitInfo `json:"units"`
	Unassigned int        `json:"unassigned"`
}

// UnitTree returns the units of the user of ctx — their unit and those
// below it (every unit for the local user) — with the number of reports
// and users of each.
func (a *App) UnitTree(ctx context.Context) (*UnitTree, error) {
	me := userOf(ctx)
	st, tree, err := a.accounts(ctx)
	if err != nil {
		return nil, err
	}
	view, err := a.store(ctx)
	if err != nil {
		return nil, err
	}
	list, err := view.List(ctx, store.Filter{})
	if err != nil {
		return nil, wrap(Internal, err, "%v", err)
	}
	reports := map[int64]int{}
	for _, s := range list {
		reports[s.UnitID]++
	}
	users := map[int64]int{}
	if me.admin() {
		us, err := st.ListUsers(ctx)
		if err != nil {
			return nil, wrap(Internal, err, "%v", err)
		}
		for _, u := range us {
			users[u.Unit]++
		}
	}
	out := &UnitTree{Units: []UnitInfo{}, Unassigned: reports[0]}
	var walk func(id int64, depth int)
	walk = func(id int64, depth int) {
		u, _ := tree.Unit(id)
		out.Units = append(out.Units, UnitInfo{ID: id, Parent: u.Parent, Name: u.Name, FullName: tree.FullName(id),
			Aliases: u.Aliases, Depth: depth, Reports: reports[id], Users: users[id]})
		for _, c := range tree.Children(id) {
			walk(c.ID, depth+1)
		}
	}
	if me.Local() {
		for _, r := range tree.Children(0) {
			walk(r.ID, 0)
		}
	} else if _, ok := tree.Unit(me.Unit); ok {
		walk(me.Unit, 0)
	}
	return out, nil
}

// NewUnit is a unit to add to the tree.
type NewUnit struct {
	Name    string
	Parent  string // the parent's name, full name or number; "" for a root
	Aliases []string
}

// UnitAdded is a unit added, and how many unassigned reports it took.
type UnitAdded struct {
	Unit     UnitInfo `json:"unit"`
	Assigned int      `json:"assigned"`
}

// AddUnit adds a unit to the tree (a root only for the local user), then
// gives it the unassigned reports that name it (MatchUnassigned).
func (a *App) AddUnit(ctx context.Context, nu NewUnit) (*UnitAdded, error) {
	me := userOf(ctx)
	if err := requireAdmin(me); err != nil {
		return nil, err
	}
	name := strings.TrimSpace(nu.Name)
	if err := checkUnitName(name); err != nil {
		return nil, err
	}
	aliases, err := cleanAliases(nu.Aliases)
	if err != nil {
		return nil, err
	}
	st, tree, err := a.accounts(ctx)
	if err != nil {
		return nil, err
	}
	u := &store.Unit{Name: name, Aliases: aliases}
	if nu.Parent != "" {
		p, err := resolveUnit(tree, nu.Parent)
		if err != nil {
			return nil, err
		}
		u.Parent = p.ID
	}
	if !me.Local() && (u.Parent == 0 || !administers(tree, me, u.Parent)) {
		return nil, Errorf(Forbidden, "只能在本单位之下添加单位")
	}
	if err := st.CreateUnit(ctx, u); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return nil, wrap(Conflict, err, "%s 下已有单位 %s", orRoot(tree, u.Parent), name)
		}
		return nil, wrap(ErrorCode(err), err, "添加单位 %s：%v", name, err)
	}
	tree = account.NewTree(append(unitsOf(tree), *u))
	if err := a.audit(ctx, st, store.AuditEntry{Action: "unit.add", Unit: u.ID, Detail: tree.FullName(u.ID)}); err != nil {
		return nil, err
	}
	n, err := a.MatchUnassigned(ctx)
	if err != nil {
		return nil, err
	}
	return &UnitAdded{Unit: UnitInfo{ID: u.ID, Parent: u.Parent, Name: u.Name, FullName: tree.FullName(u.ID),
		Aliases: u.Aliases, Depth: len(tree.Path(u.ID)) - 1}, Assigned: n}, nil
}

// unitsOf returns the units of a tree.
func unitsOf(t *account.Tree) []store.Unit {
	var out []store.Unit
	for _, r := range t.Children(0) {
		for _, id := range t.Subtree(r.ID) {
			u, _ := t.Unit(id)
			out = append(out, u)
		}
	}
	return out
}

// orRoot names a parent unit for messages.
func orRoot(t *account.Tree, id int64) string {
	if id == 0 {
		return "最上层"
	}
	return t.FullName(id)
}

// checkUnitName refuses an empty or long name, or one with a slash (the
// separator of full names) or control characters.
func checkUnitName(name string) error {
	if name == "" {
		return Errorf(Invalid, "单位名称不能为空")
	}
	if len([]rune(name)) > 64 {
		return Errorf(Invalid, "单位名称过长（最多 64 个字符）")
	}
	if strings.ContainsAny(name, "/\n\r\t") || strings.ContainsFunc(name, func(r rune) bool { return r < ' ' }) {
		return Errorf(Invalid, "单位名称 %q 不能含斜杠或控制字符", name)
	}
	if account.Anonymised(name) {
		return Errorf(Invalid, "单位名称 %q 像是隐去的名称（**、XX、某）", name)
	}
	return nil
}

// cleanAliases checks aliases and returns them trimmed.
func cleanAliases(aliases []string) ([]string, error) {
	var out []string
	for _, a := range aliases {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		if err := checkUnitName(a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// UnitChange changes a unit: nil leaves a field as it is.
type UnitChange struct {
	Name    *string
	Aliases *[]string
	Parent  *string // the new parent's name or number; "" for a root
}

// ChangeUnit renames a unit, gives it other aliases or moves it under
// another parent (zongjie unit mv). An admin changes only units below
// their own and moves them only below it; the local user anything.
func (a *App) ChangeUnit(ctx context.Context, unit string, c UnitChange) (UnitInfo, error) {
	me := userOf(ctx)
	if err := requireAdmin(me); err != nil {
		return UnitInfo{}, err
	}
	st, tree, err := a.accounts(ctx)
	if err != nil {
		return UnitInfo{}, err
	}
	u, err := resolveUnit(tree, unit)
	if err != nil {
		return UnitInfo{}, err
	}
	if !me.Local() && (u.ID == me.Unit || !administers(tree, me, u.ID)) {
		return UnitInfo{}, Errorf(Forbidden, "只能修改本单位之下的单位")
	}
	from := tree.FullName(u.ID)
	if c.Name != nil {
		name := strings.TrimSpace(*c.Name)
		if err := checkUnitName(name); err != nil {
			return UnitInfo{}, err
		}
		u.Name = name
	}
	if c.Aliases != nil {
		if u.Aliases, err = cleanAliases(*c.Aliases); err != nil {
			return UnitInfo{}, err
		}
	}
	if c.Parent != nil {
		u.Parent = 0
		if *c.Parent != "" {
			p, err := resolveUnit(tree, *c.Parent)
			if err != nil {
				return UnitInfo{}, err
			}
			u.Parent = p.ID
		}
		if !me.Local() && (u.Parent == 0 || !administers(tree, me, u.Parent)) {
			return UnitInfo{}, Errorf(Forbidden, "只能把单位移到本单位之下")
		}
	}
	if err := st.UpdateUnit(ctx, &u); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return UnitInfo{}, wrap(Conflict, err, "无法修改单位 %s：新上级在它自己之下，或新上级下已有同名单位", from)
		}
		return UnitInfo{}, wrap(ErrorCode(err), err, "修改单位 %s：%v", from, err)
	}
	var units []store.Unit
	for _, x := range unitsOf(tree) {
		if x.ID == u.ID {
			x = u
		}
		units = append(units, x)
	}
	tree = account.NewTree(units)
	to := tree.FullName(u.ID)
	if err := a.audit(ctx, st, store.AuditEntry{Action: "unit.change", Unit: u.ID, Detail: from + " → " + to}); err != nil {
		return UnitInfo{}, err
	}
	return UnitInfo{ID: u.ID, Parent: u.Parent, Name: u.Name, FullName: to, Aliases: u.Aliases, Depth: len(tree.Path(u.ID)) - 1}, nil
}

// Unassigned returns the reports that belong to no unit yet, waiting for
// an admin to assign them (only admins see them).
func (a *App) Unassigned(ctx context.Context) (ReportList, error) {
	if err := requireAdmin(userOf(ctx)); err != nil {
		return ReportList{}, err
	}
	return a.List(ctx, store.Filter{Scope: &store.Scope{Unassigned: true}})
}

// AssignReports gives reports to a unit ("" to none: unassigned again),
// an admin's operation.
func (a *App) AssignReports(ctx context.Context, ids []int64, unit string) error {
	if err := requireAdmin(userOf(ctx)); err != nil {
		return err
	}
	_, tree, err := a.accounts(ctx)
	if err != nil {
		return err
	}
	var to int64
	if unit != "" {
		u, err := resolveUnit(tree, unit)
		if err != nil {
			return err
		}
		to = u.ID
	}
	view, err := a.store(ctx)
	if err != nil {
		return err
	}
	if err := view.Assign(ctx, ids, to); err != nil {
		var e *Error
		if errors.As(err, &e) {
			return e
		}
		return wrap(ErrorCode(err), err, "分配报告：%s", notFoundText(err))
	}
	return nil
}

// MatchUnassigned assigns each unassigned report the user of ctx may
// change to the unit of the tree its name matches (account.Tree.Match),
// and returns how many it assigned.
func (a *App) MatchUnassigned(ctx context.Context) (int, error) {
	if err := requireAdmin(userOf(ctx)); err != nil {
		return 0, err
	}
	_, tree, err := a.accounts(ctx)
	if err != nil {
		return 0, err
	}
	if tree.Len() == 0 {
		return 0, nil
	}
	st, err := a.open(ctx)
	if err != nil {
		return 0, err
	}
	vw := newView(ctx, st)
	list, err := vw.List(ctx, store.Filter{Scope: &store.Scope{Unassigned: true}})
	if err != nil {
		return 0, wrap(Internal, err, "%v", err)
	}
	byUnit := map[int64][]int64{}
	for _, s := range list {
		if s.Unit == "" || account.Anonymised(s.Unit) {
			continue
		}
		r, err := vw.Get(ctx, s.ID)
		if err != nil {
			continue // gone meanwhile
		}
		u, err := vw.match(ctx, r)
		if err != nil {
			return 0, wrap(Internal, err, "%v", err)
		}
		if u != 0 {
			byUnit[u] = append(byUnit[u], s.ID)
		}
	}
	n := 0
	for u, ids := range byUnit {
		if err := vw.Assign(ctx, ids, u); err != nil {
			if ErrorCode(err) == Forbidden {
				continue // a unit the admin does not administer
			}
			return n, wrap(ErrorCode(err), err, "分配报告：%v", err)
		}
		n += len(ids)
	}
	return n, nil
}
