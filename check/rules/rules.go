// Package rules lists every proofreading rule, one package per category:
// placeholder, artifact, year, numbering, punct, number, typo, canonical,
// repeat and consistency. Adding a rule means adding it to its category's
// Rules slice; All gathers them.
package rules

import (
	"slices"
	"strings"
	"sync"

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

// All returns every rule, sorted by ID: a new slice, sorted once.
func All() []*check.Rule {
	return slices.Clone(sorted())
}

// sorted is every rule, sorted by ID, made once: All is called for every
// file checked.
var sorted = sync.OnceValue(func() []*check.Rule {
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
	slices.SortFunc(all, func(a, b *check.Rule) int { return strings.Compare(a.ID, b.ID) })
	return all
})

// ByID returns the rule with the given ID or name, or nil.
func ByID(id string) *check.Rule {
	for _, r := range All() {
		if r.ID == id || r.Name == id {
			return r
		}
	}
	return nil
}
