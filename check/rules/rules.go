// Package rules lists every proofreading rule, one package per category:
// placeholder, artifact, year, numbering, punct, number, typo, canonical,
// repeat and consistency. Adding a rule means adding it to its category's
// Rules slice; All gathers them.
package rules

import (
	"sort"

	"zongjie/check"
	"zongjie/check/rules/artifact"
	"zongjie/check/rules/canonical"
	"zongjie/check/rules/consistency"
	"zongjie/check/rules/number"
	"zongjie/check/rules/numbering"
	"zongjie/check/rules/placeholder"
	"zongjie/check/rules/punct"
	"zongjie/check/rules/repeat"
	"zongjie/check/rules/typo"
	"zongjie/check/rules/year"
)

// All returns every rule, sorted by ID.
func All() []*check.Rule {
	var all []*check.Rule
	for _, list := range [][]*check.Rule{
		{check.DirectiveRule},
		placeholder.Rules,
		artifact.Rules,
		year.Rules,
		numbering.Rules,
		punct.Rules,
		number.Rules,
		typo.Rules,
		canonical.Rules,
		repeat.Rules,
		consistency.Rules,
	} {
		all = append(all, list...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	return all
}

// ByID returns the rule with the given ID or name, or nil.
func ByID(id string) *check.Rule {
	for _, r := range All() {
		if r.ID == id || r.Name == id {
			return r
		}
	}
	return nil
}
