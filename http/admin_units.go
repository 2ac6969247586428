package http

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"zongjie/app"
)

// registerAdminUnitsRoutes serves 单位 (/admin/units): the unit tree, a
// unit added, changed (renamed, given aliases, moved), and the reports no
// unit holds yet, assigned by hand or by matching their names again.
func (s *Server) registerAdminUnitsRoutes() {
	s.handle("GET /admin/units", s.handleAdminUnits)
	s.handle("POST /admin/units", s.handleAdminUnitAdd)
	s.handle("POST /admin/units/{unit}/edit", s.handleAdminUnitEdit)
	s.handle("POST /admin/units/assign", s.handleAdminUnitsAssign)
	s.handle("POST /admin/units/match", s.handleAdminUnitsMatch)
}

// unitsPage is the data of admin_units.html.
type unitsPage struct {
	Tree       *app.UnitTree
	Roots      []*unitNode
	Options    []unitOption // every unit, for the selects
	Unassigned []app.Summary
	Edit       *unitEdit // the unit ?edit= names
	CanRoot    bool      // the user may add a unit at the top (the local user)
	Done       string    // what was just done, to say so
}

// unitNode is a unit of the tree with the units below it.
type unitNode struct {
	app.UnitInfo
	Children []*unitNode
	Editable bool // the user may change it (an admin: not their own unit)
}

// unitEdit is the form that changes a unit.
type unitEdit struct {
	app.UnitInfo
	Aliases string       // as the field shows them: 、 between
	Parents []unitOption // where it may move: not into itself
	Parent  string       // the current parent (#ID), "" for the top
}

// handleAdminUnits shows the tree, the form to add a unit, the form to
// change the unit ?edit= names, and the unassigned reports.
func (s *Server) handleAdminUnits(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	ctx := r.Context()
	tree, err := s.app.UnitTree(ctx)
	if err != nil {
		return err
	}
	un, err := s.app.Unassigned(ctx)
	if err != nil {
		return err
	}
	me := currentUser(r)
	p := unitsPage{Tree: tree, Options: unitOptions(tree), Unassigned: un.Reports, CanRoot: me.Local()}
	p.Roots = unitNodes(tree, func(u app.UnitInfo) bool { return me.Local() || u.ID != me.Unit })
	q := r.URL.Query()
	if e := q.Get("edit"); e != "" {
		u, ok := unitByRef(tree, e)
		if !ok {
			return app.Errorf(app.NotFound, "没有编号为 %s 的单位", e)
		}
		p.Edit = &unitEdit{UnitInfo: u, Aliases: strings.Join(u.Aliases, "、")}
		if u.Parent != 0 {
			p.Edit.Parent = unitRef(u.Parent)
		}
		for _, o := range p.Options {
			if !within(tree, o.ID, u.ID) {
				p.Edit.Parents = append(p.Edit.Parents, o)
			}
		}
	}
	p.Done = unitsDone(tree, q)
	return s.render(w, r, http.StatusOK, "admin_units", p)
}

// unitNodes makes the tree's depth-first list a tree again.
func unitNodes(t *app.UnitTree, editable func(app.UnitInfo) bool) []*unitNode {
	var roots []*unitNode
	var stack []*unitNode // the path to the last unit
	for _, u := range t.Units {
		n := &unitNode{UnitInfo: u, Editable: editable(u)}
		for len(stack) > u.Depth {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			roots = append(roots, n)
		} else {
			parent := stack[len(stack)-1]
			parent.Children = append(parent.Children, n)
		}
		stack = append(stack, n)
	}
	return roots
}

// within reports whether unit id is unit top or below it.
func within(t *app.UnitTree, id, top int64) bool {
	parents := map[int64]int64{}
	for _, u := range t.Units {
		parents[u.ID] = u.Parent
	}
	for seen := 0; id != 0 && seen <= len(t.Units); seen++ {
		if id == top {
			return true
		}
		id = parents[id]
	}
	return false
}

// unitsDone says what the change before the redirect did.
func unitsDone(t *app.UnitTree, q url.Values) string {
	name := ""
	if u, ok := unitByRef(t, q.Get("unit")); ok {
		name = u.FullName
	}
	n := countParam(q, "n")
	switch q.Get("done") {
	case "added":
		if name == "" {
			return ""
		}
		if n > 0 {
			return fmt.Sprintf("已添加单位 %s，并按名称把 %d 篇未分配的报告分配给它。", name, n)
		}
		return fmt.Sprintf("已添加单位 %s。", name)
	case "changed":
		if name == "" {
			return ""
		}
		return fmt.Sprintf("已修改单位：现为 %s。", name)
	case "assigned":
		if name == "" {
			return ""
		}
		return fmt.Sprintf("已把 %d 篇报告分配给 %s。", n, name)
	case "matched":
		if n == 0 {
			return "重新按名称匹配：没有可以确定单位的报告。"
		}
		return fmt.Sprintf("重新按名称匹配：已分配 %d 篇报告。", n)
	}
	return ""
}

// handleAdminUnitAdd adds a unit: name, parent (#ID, "" for the top) and
// aliases.
func (s *Server) handleAdminUnitAdd(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	f, err := postForm(r)
	if err != nil {
		return err
	}
	added, err := s.app.AddUnit(r.Context(), app.NewUnit{Name: f.Get("name"), Parent: f.Get("parent"), Aliases: splitNames(f.Get("aliases"))})
	if err != nil {
		return err
	}
	return adminRedirect(w, r, "/admin/units", url.Values{"done": {"added"}, "unit": {unitRef(added.Unit.ID)}, "n": {strconv.Itoa(added.Assigned)}})
}

// handleAdminUnitEdit renames a unit, gives it other aliases and moves
// it: the form sends all three.
func (s *Server) handleAdminUnitEdit(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("unit"), 10, 64)
	if err != nil || id <= 0 {
		return app.Errorf(app.NotFound, "%q 不是单位编号", r.PathValue("unit"))
	}
	f, err := postForm(r)
	if err != nil {
		return err
	}
	name, parent := f.Get("name"), f.Get("parent")
	aliases := splitNames(f.Get("aliases"))
	u, err := s.app.ChangeUnit(r.Context(), unitRef(id), app.UnitChange{Name: &name, Aliases: &aliases, Parent: &parent})
	if err != nil {
		return err
	}
	return adminRedirect(w, r, "/admin/units", url.Values{"done": {"changed"}, "unit": {unitRef(u.ID)}})
}

// handleAdminUnitsAssign gives the reports checked (id, several) to the
// unit chosen.
func (s *Server) handleAdminUnitsAssign(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	f, err := postForm(r)
	if err != nil {
		return err
	}
	var ids []int64
	for _, v := range f["id"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return app.Errorf(app.Invalid, "%q 不是报告编号", v)
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return app.Errorf(app.Invalid, "请先勾选要分配的报告")
	}
	unit := strings.TrimSpace(f.Get("unit"))
	if unit == "" {
		return app.Errorf(app.Invalid, "请选择要分配到的单位")
	}
	if err := s.app.AssignReports(r.Context(), ids, unit); err != nil {
		return err
	}
	return adminRedirect(w, r, "/admin/units", url.Values{"done": {"assigned"}, "unit": {unit}, "n": {strconv.Itoa(len(ids))}})
}

// handleAdminUnitsMatch runs the matching of the unassigned reports'
// names against the tree again.
func (s *Server) handleAdminUnitsMatch(w http.ResponseWriter, r *http.Request) error {
	if err := adminOnly(r); err != nil {
		return err
	}
	n, err := s.app.MatchUnassigned(r.Context())
	if err != nil {
		return err
	}
	return adminRedirect(w, r, "/admin/units", url.Values{"done": {"matched"}, "n": {strconv.Itoa(n)}})
}
