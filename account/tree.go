// Package account is who is who and where: the unit tree (subtrees, full
// names, matching the unit a report names to a unit of the tree), password
// hashes (argon2id) and the secrets of sessions and API tokens. It reads
// and writes nothing; package app keeps accounts in the store with it.
package account

import (
	"slices"
	"strings"
	"unicode"

	"zongjie/store"
)

// Tree is the unit tree as the store holds it.
type Tree struct {
	units    map[int64]store.Unit
	children map[int64][]int64 // by parent (0 for the roots), by ID
	byName   map[string][]int64
	byAlias  map[string][]int64
}

// NewTree returns the tree of units. A unit whose parent is not among
// units is a root.
func NewTree(units []store.Unit) *Tree {
	t := &Tree{
		units:    make(map[int64]store.Unit, len(units)),
		children: make(map[int64][]int64),
		byName:   make(map[string][]int64),
		byAlias:  make(map[string][]int64),
	}
	for _, u := range units {
		t.units[u.ID] = u
	}
	for _, u := range units {
		p := u.Parent
		if _, ok := t.units[p]; !ok {
			p = 0
		}
		t.children[p] = append(t.children[p], u.ID)
		t.byName[Normalize(u.Name)] = append(t.byName[Normalize(u.Name)], u.ID)
		for _, a := range u.Aliases {
			t.byAlias[Normalize(a)] = append(t.byAlias[Normalize(a)], u.ID)
		}
	}
	for _, ids := range t.children {
		slices.Sort(ids)
	}
	return t
}

// Len returns the number of units.
func (t *Tree) Len() int { return len(t.units) }

// Unit returns a unit by ID.
func (t *Tree) Unit(id int64) (store.Unit, bool) {
	u, ok := t.units[id]
	return u, ok
}

// Children returns the units right below id (the roots for 0), by ID.
func (t *Tree) Children(id int64) []store.Unit {
	var out []store.Unit
	for _, c := range t.children[id] {
		out = append(out, t.units[c])
	}
	return out
}

// Subtree returns id and every unit below it, depth first; nil for an
// unknown unit.
func (t *Tree) Subtree(id int64) []int64 {
	if _, ok := t.units[id]; !ok {
		return nil
	}
	var out []int64
	seen := map[int64]bool{}
	var walk func(id int64)
	walk = func(id int64) {
		if seen[id] {
			return // a cycle the store should not hold
		}
		seen[id] = true
		out = append(out, id)
		for _, c := range t.children[id] {
			walk(c)
		}
	}
	walk(id)
	return out
}

// Within reports whether unit id is ancestor or below it.
func (t *Tree) Within(id, ancestor int64) bool {
	for _, u := range t.Path(id) {
		if u.ID == ancestor {
			return true
		}
	}
	return false
}

// Path returns the units from the root down to id; nil for an unknown
// unit.
func (t *Tree) Path(id int64) []store.Unit {
	var out []store.Unit
	seen := map[int64]bool{}
	for {
		u, ok := t.units[id]
		if !ok || seen[id] {
			break
		}
		seen[id] = true
		out = append(out, u)
		id = u.Parent
	}
	slices.Reverse(out)
	return out
}

// FullName returns the names of the units from the root down to id,
// joined by "/": 云川市/东湖区/青禾街道.
func (t *Tree) FullName(id int64) string {
	var names []string
	for _, u := range t.Path(id) {
		names = append(names, u.Name)
	}
	return strings.Join(names, "/")
}

// Find returns the units a name given by a person names: a full name
// (云川市/东湖区), a name or an alias — every unit it may be.
func (t *Tree) Find(name string) []store.Unit {
	var out []store.Unit
	if strings.Contains(name, "/") {
		parts := strings.Split(strings.Trim(name, "/"), "/")
		ids := t.children[0]
		var found []int64
		for i, p := range parts {
			found = nil
			for _, id := range ids {
				if Normalize(t.units[id].Name) == Normalize(p) {
					found = append(found, id)
				}
			}
			if i < len(parts)-1 {
				ids = nil
				for _, f := range found {
					ids = append(ids, t.children[f]...)
				}
			}
		}
		for _, id := range found {
			out = append(out, t.units[id])
		}
		return out
	}
	ids := t.byName[Normalize(name)]
	if len(ids) == 0 {
		ids = t.byAlias[Normalize(name)]
	}
	for _, id := range ids {
		out = append(out, t.units[id])
	}
	return out
}

// How says how Match found a unit.
type How string

// The ways of Match.
const (
	ByName   How = "name"   // the unit's name, the only unit of that name
	ByAlias  How = "alias"  // one of its aliases, the only unit so called
	ByParent How = "parent" // a name or alias several units have, told apart by the parent the report names
)

// Match returns the unit of the tree that a report naming unit name, of
// parent (meta's Unit and Parent: "保定市满城区" is 满城区 of 保定市; parent
// may be ""), belongs to, and how it was found; 0 when none is sure:
//
//  1. the only unit named name;
//  2. else the only unit with name as an alias;
//  3. else, of the units so named or aliased, the only one below a unit
//     named (or aliased) parent; and a report whose name is the parent's
//     and the unit's run together (保定市满城区) is the unit of that path.
//
// A unit found in 1 or 2 is not taken when the report names a parent
// that the tree holds elsewhere (城关镇 of 乙县 is not the 城关镇 of 甲县);
// a parent the tree does not hold says nothing (a district's tree
// without its city). An anonymised name (**街道) matches nothing.
func (t *Tree) Match(name, parent string) (int64, How) {
	name, parent = Normalize(name), Normalize(parent)
	if name == "" || Anonymised(name) {
		return 0, ""
	}
	if ids := t.byName[name]; len(ids) == 1 && t.consistent(ids[0], parent) {
		return ids[0], ByName
	}
	if ids := t.byAlias[name]; len(t.byName[name]) == 0 && len(ids) == 1 && t.consistent(ids[0], parent) {
		return ids[0], ByAlias
	}
	var cands []int64
	if parent != "" {
		for _, id := range append(slices.Clone(t.byName[name]), t.byAlias[name]...) {
			if t.below(id, parent) && !slices.Contains(cands, id) {
				cands = append(cands, id)
			}
		}
	}
	if len(cands) == 0 {
		// The parent's name and the unit's run together.
		for id, u := range t.units {
			path := t.Path(id)
			for _, a := range path[:len(path)-1] {
				if t.joined(a, u, name) && !slices.Contains(cands, id) {
					cands = append(cands, id)
				}
			}
		}
	}
	if len(cands) == 1 {
		return cands[0], ByParent
	}
	return 0, ""
}

// joined reports whether name is a name of ancestor a followed by a name
// of u.
func (t *Tree) joined(a, u store.Unit, name string) bool {
	for _, an := range names(a) {
		if rest, ok := strings.CutPrefix(name, an); ok && rest != "" {
			if slices.Contains(names(u), rest) {
				return true
			}
		}
	}
	return false
}

// names returns a unit's name and aliases, normalised.
func names(u store.Unit) []string {
	out := []string{Normalize(u.Name)}
	for _, a := range u.Aliases {
		out = append(out, Normalize(a))
	}
	return out
}

// below reports whether a unit above id is named or aliased parent.
func (t *Tree) below(id int64, parent string) bool {
	path := t.Path(id)
	for _, a := range path[:max(len(path)-1, 0)] {
		if slices.Contains(names(a), parent) {
			return true
		}
	}
	return false
}

// consistent reports whether unit id may be the unit of a report that
// names parent as its parent: parent is "", a unit above id, or no unit
// of the tree at all.
func (t *Tree) consistent(id int64, parent string) bool {
	if parent == "" || t.below(id, parent) {
		return true
	}
	return len(t.byName[parent]) == 0 && len(t.byAlias[parent]) == 0
}

// Normalize returns a unit's name as names are compared: without spaces
// of any width.
func Normalize(name string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, name)
}

// Anonymised reports whether a unit's name hides the name (**街道, ××镇,
// XX区, 某街道), so that no unit of the tree is meant.
func Anonymised(name string) bool {
	return strings.ContainsAny(name, "*＊×✕") || strings.Contains(name, "XX") || strings.Contains(name, "xx") ||
		strings.Contains(name, "ＸＸ") || strings.HasPrefix(name, "某")
}
