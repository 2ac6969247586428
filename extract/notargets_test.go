package extract_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"zongjie"
	"zongjie/extract"
	"zongjie/reader"
)

// Ensure NoTargets leaves the targets out and nothing else: the reports
// are those File makes but for their Targets, which are empty (not nil,
// as File leaves a report without targets).
func TestNoTargets(t *testing.T) {
	files := exampleAndSeedFiles(t)
	targets := 0
	for name, data := range files {
		f, err := reader.Read(name, data)
		if err != nil {
			t.Fatal(err)
		}
		want := extract.File(f)
		got := extract.FileWith(f, extract.Options{NoTargets: true})
		if len(got) != len(want) {
			t.Fatalf("%s: %d reports, want %d", name, len(got), len(want))
		}
		for i, r := range got {
			if r.Targets == nil || len(r.Targets) != 0 {
				t.Errorf("%s: report %d: targets %v, want none", name, i, r.Targets)
			}
			targets += len(want[i].Targets)
			w := *want[i]
			w.Targets = []zongjie.Target{}
			a, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(&w)
			if err != nil {
				t.Fatal(err)
			}
			if string(a) != string(b) {
				t.Errorf("%s: report %d differs from File's but for its targets", name, i)
			}
		}
	}
	if targets == 0 {
		t.Fatal("no file has targets: the test shows nothing")
	}
}

// Ensure NoNames (with NoTargets) leaves the quantities' names out and
// nothing else, and that each report's Namer gives back the names: the
// quantities of a paragraph it returns are named as File names them.
func TestNoNames(t *testing.T) {
	files := exampleAndSeedFiles(t)
	named := 0
	for name, data := range files {
		f, err := reader.Read(name, data)
		if err != nil {
			t.Fatal(err)
		}
		want := extract.FileWith(f, extract.Options{NoTargets: true})
		got := extract.FileWith(f, extract.Options{NoTargets: true, NoNames: true})
		if len(got) != len(want) {
			t.Fatalf("%s: %d reports, want %d", name, len(got), len(want))
		}
		for i, r := range got {
			if r.Namer == nil || want[i].Namer != nil {
				t.Fatalf("%s: report %d: a Namer only without names", name, i)
			}
			if len(r.Quantities) != len(want[i].Quantities) {
				t.Fatalf("%s: report %d: %d quantities, want %d", name, i, len(r.Quantities), len(want[i].Quantities))
			}
			paras := map[int][]zongjie.Quantity{}
			for k, q := range r.Quantities {
				w := want[i].Quantities[k]
				if q.Name != "" || q.Also != nil || q.Members != nil {
					t.Errorf("%s: %q named %q without names", name, q.Text, q.Name)
				}
				q.Name, q.Also, q.Members = w.Name, w.Also, w.Members
				if !reflect.DeepEqual(q, w) {
					t.Errorf("%s: %q differs from File's but for its name", name, q.Text)
				}
				p := f.ParagraphAt(q.Span.Start)
				if _, ok := paras[p]; !ok {
					paras[p] = r.Namer(f.Paragraphs[p].Span)
				}
				found := false
				for _, n := range paras[p] {
					if n.Span == w.Span {
						found = true
						if n.Name != w.Name || !reflect.DeepEqual(n.Also, w.Also) {
							t.Errorf("%s: the Namer gives %q as %q %v, File as %q %v", name, w.Text, n.Name, n.Also, w.Name, w.Also)
						}
					}
				}
				if !found {
					t.Errorf("%s: the Namer does not find %q", name, w.Text)
				}
				if w.Name != "" {
					named++
				}
			}
		}
	}
	if named == 0 {
		t.Fatal("no quantity has a name: the test shows nothing")
	}
}

// Ensure NoUnit leaves the unit out of the metadata and nothing else but
// a title inferred from it.
func TestNoUnit(t *testing.T) {
	units := 0
	for name, data := range exampleAndSeedFiles(t) {
		f, err := reader.Read(name, data)
		if err != nil {
			t.Fatal(err)
		}
		want := extract.FileWith(f, extract.Options{NoTargets: true})
		got := extract.FileWith(f, extract.Options{NoTargets: true, NoUnit: true})
		if len(got) != len(want) {
			t.Fatalf("%s: %d reports, want %d", name, len(got), len(want))
		}
		for i, r := range got {
			m := r.Meta
			if m.Unit != "" || m.Parent != "" || m.Level != "" || m.UnitPlaceholder || m.UnitSource != "" {
				t.Errorf("%s: report %d: unit %q %q %q %v %q without the unit", name, i, m.Unit, m.Parent, m.Level, m.UnitPlaceholder, m.UnitSource)
			}
			w := *want[i]
			if w.Meta.Unit != "" {
				units++
			}
			w.Meta.Unit, w.Meta.Parent, w.Meta.Level, w.Meta.UnitPlaceholder, w.Meta.UnitSource = "", "", "", false, ""
			if w.TitleInferred {
				w.Title = r.Title
			}
			a, _ := json.Marshal(r)
			b, _ := json.Marshal(&w)
			if string(a) != string(b) {
				t.Errorf("%s: report %d differs from File's but for its unit", name, i)
			}
		}
	}
	if units == 0 {
		t.Fatal("no report has a unit: the test shows nothing")
	}
}
