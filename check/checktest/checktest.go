// Package checktest runs rules over small texts for table tests: each case
// is a text with the findings expected in it, written as the text of each
// finding's span and, where there is one, its fix.
package checktest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"zongjie/check"
	"zongjie/extract"
	"zongjie/reader"
)

// Run reads text as a .txt file named name (".md" and ".docx" names work
// for the other readers), runs the core analyses and the rules, and returns
// the diagnostics. With a nil config, rules that are off by default run
// too: a test names the rules it wants.
func Run(tb testing.TB, name, text string, cfg *check.Config, rules ...*check.Rule) []check.Diagnostic {
	tb.Helper()
	if cfg == nil {
		cfg = &check.Config{}
		for _, r := range rules {
			cfg.Rules.Enable = append(cfg.Rules.Enable, r.ID)
		}
	}
	f, err := reader.Read(name, []byte(text))
	if err != nil {
		tb.Fatalf("read %q: %v", text, err)
	}
	ds := check.Run(f, extract.File(f), rules, cfg)
	// `zongjie check` and POST /api/v1/check extract without the targets,
	// the unit and the names (check.Pass.NameOf finds those a rule asks
	// for): the rules must find the same there.
	lean := check.Run(f, extract.FileWith(f, extract.Options{NoTargets: true, NoNames: true, NoUnit: true}), rules, cfg)
	if !reflect.DeepEqual(lean, ds) {
		tb.Errorf("in %q: the findings differ when the extraction leaves out the targets, the unit and the names:\n  %s\nagainst\n  %s",
			text, strings.Join(Messages(lean), "\n  "), strings.Join(Messages(ds), "\n  "))
	}
	return ds
}

// Case is one table test: In is the text; Want lists the findings as
// "span" or "span→fix" (the first fix's replacement), in order of position.
// An empty Want is a near miss: correct text the rule must leave alone.
type Case struct {
	Name string
	In   string
	Want []string
}

// Expect runs the rule over every case and compares the findings.
func Expect(t *testing.T, rule *check.Rule, cases []Case) {
	t.Helper()
	for _, c := range cases {
		name := c.Name
		if name == "" {
			name = c.In
			if len([]rune(name)) > 20 {
				name = string([]rune(name)[:20])
			}
		}
		t.Run(name, func(t *testing.T) {
			ds := Run(t, "t.txt", c.In, nil, rule)
			got := Brief(ds)
			if strings.Join(got, "\n") != strings.Join(c.Want, "\n") {
				t.Errorf("in %q\ngot:\n  %s\nwant:\n  %s\nmessages:\n  %s", c.In, strings.Join(got, "\n  "), strings.Join(c.Want, "\n  "), strings.Join(Messages(ds), "\n  "))
			}
		})
	}
}

// Brief renders diagnostics as "span" or "span→fix".
func Brief(ds []check.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		s := d.Text
		if len(d.Fixes) > 0 {
			s += "→" + d.Fixes[0].Replacement
		}
		out = append(out, s)
	}
	return out
}

// Messages renders diagnostics as "rule line:col message".
func Messages(ds []check.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s %d:%d %s", d.Rule, d.Line, d.Column, d.Message))
	}
	return out
}

// Validate checks a rule's metadata: an ID, a name, a known category, a
// title, a text, a wrong and a right example that differ, and a source.
func Validate(t *testing.T, rules []*check.Rule) {
	t.Helper()
	known := map[check.Category]bool{}
	for _, c := range check.Categories {
		known[c] = true
	}
	seen := map[string]bool{}
	for _, r := range rules {
		switch {
		case r.ID == "" || r.Name == "" || r.Run == nil:
			t.Errorf("rule %q/%q lacks an ID, a name or Run", r.ID, r.Name)
		case !known[r.Category]:
			t.Errorf("%s: unknown category %q", r.ID, r.Category)
		case r.Doc.Title == "" || r.Doc.Text == "" || r.Doc.Source == "":
			t.Errorf("%s: doc lacks a title, a text or a source", r.ID)
		case r.Doc.Wrong == "" || r.Doc.Right == "" || r.Doc.Wrong == r.Doc.Right:
			t.Errorf("%s: doc needs different wrong and right examples", r.ID)
		}
		if seen[r.ID] || seen[r.Name] {
			t.Errorf("duplicate rule ID or name %s/%s", r.ID, r.Name)
		}
		seen[r.ID], seen[r.Name] = true, true
	}
}

// ExpectExample checks that a rule reports its own Wrong example and leaves
// its Right example alone.
func ExpectExample(t *testing.T, r *check.Rule) {
	t.Helper()
	var cfg *check.Config
	if r.Doc.Config != "" {
		var err error
		if cfg, err = check.ParseConfig(r.ID+" Doc.Config", r.Doc.Config); err != nil {
			t.Fatal(err)
		}
		cfg.Rules.Enable = append(cfg.Rules.Enable, r.ID)
	}
	if ds := Run(t, "t.txt", r.Doc.Wrong, cfg, r); len(ds) == 0 {
		t.Errorf("%s does not report its own wrong example %q", r.ID, r.Doc.Wrong)
	}
	if ds := Run(t, "t.txt", r.Doc.Right, cfg, r); len(ds) != 0 {
		t.Errorf("%s reports its own right example %q: %v", r.ID, r.Doc.Right, Messages(ds))
	}
}
