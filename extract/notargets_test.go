package extract_test

import (
	"encoding/json"
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
