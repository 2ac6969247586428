package rules_test

import (
	"testing"

	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/extract"
	"zongjie/reader"
)

// TestNearMiss checks testdata/nearmiss.txt, a report of the project's
// own written to be correct while standing next to what the rules look
// for (X射线, 3千米, 截止日期, 三四个月, 实实在在, “5·12”, 二〇二四年, 1—9月,
// 20～30场次, 降幅收窄, 其中 with a smaller part, a plan year after the review
// year): with every rule on, it must give no finding.
func TestNearMiss(t *testing.T) {
	f, err := reader.ReadFile("testdata/nearmiss.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range check.Run(f, extract.File(f), rules.All(), allOn()) {
		t.Errorf("%d:%d: %s [%s] %q", d.Line, d.Column, d.Message, d.Rule, d.Text)
	}
}
