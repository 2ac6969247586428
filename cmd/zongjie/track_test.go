package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestTrack runs track on two files (text and the JSON contract) and on a
// unit's stored reports.
func TestTrack(t *testing.T) {
	dir := exampleFiles(t)
	old, cur := filepath.Join(dir, "shiqiao-2024.txt"), filepath.Join(dir, "shiqiao-2025.txt")

	code, out, errOut := runCLI(t, "", "track", old, cur)
	if code != exitOK || !strings.Contains(out, "已完成") || !strings.Contains(out, "共 ") {
		t.Fatalf("track text: %d\n%s\n%s", code, out, errOut)
	}

	code, out, errOut = runCLI(t, "", "track", "--format", "json", old, cur)
	if code != exitOK {
		t.Fatalf("track json: %d\n%s", code, errOut)
	}
	var got struct {
		Targets []struct {
			Target   struct{ Name, Figure string }
			Status   string
			Evidence *struct {
				Text  string
				Value *float64
				Unit  string
				Line  int
			}
		}
		Summary map[string]int
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("track json: %v\n%s", err, out)
	}
	if len(got.Targets) == 0 || got.Summary["met"] == 0 {
		t.Fatalf("track json: no met target\n%s", out)
	}
	for _, r := range got.Targets {
		if r.Status == "met" && (r.Evidence == nil || r.Evidence.Value == nil || r.Evidence.Line == 0 || r.Evidence.Text == "") {
			t.Errorf("met without evidence: %+v", r)
		}
	}

	db := filepath.Join(t.TempDir(), "z.db")
	if code, _, errOut := runCLI(t, "", "add", "--db", db, "--quiet", dir); code != exitOK {
		t.Fatalf("add: %d\n%s", code, errOut)
	}
	code, out, errOut = runCLI(t, "", "track", "--db", db, "--unit", "石桥镇")
	if code != exitOK || strings.Count(out, "的目标 →") != 1 || !strings.Contains(out, "已完成") {
		t.Fatalf("track --unit: %d\n%s\n%s", code, out, errOut)
	}

	if code, _, _ := runCLI(t, "", "track", old); code != exitUsage {
		t.Errorf("track with one report: exit %d, want %d", code, exitUsage)
	}
	if code, _, errOut := runCLI(t, "", "track", old, "no-such.txt"); code != exitUsage || !strings.Contains(errOut, "no-such.txt") {
		t.Errorf("track with a missing file: exit %d, %s", code, errOut)
	}
}

// TestTrackPeriod runs track --unit --period on a unit's stored reports of
// one year, a summary and a topic report, each giving one of the plan's
// targets: the text names the report of each evidence, the JSON gives the
// reports and the target none of them reports; a period with no report
// is refused. Near miss: a report of another unit giving the third
// target is not one of them.
func TestTrackPeriod(t *testing.T) {
	var files []string
	for name, text := range map[string]string{
		"plan.txt": "枫林镇2025年工作总结及2026年工作计划\n一、2025年工作总结\n全镇经济运行总体平稳。\n" +
			"二、2026年工作计划\n2026年主要目标是：地区生产总值增长6%，城镇新增就业1000人以上，森林覆盖率达到60%。\n",
		"year.txt":  "枫林镇2026年工作总结及2027年工作计划\n一、2026年工作总结\n全镇地区生产总值增长6.5%。\n二、2027年工作计划\n继续坚持稳中求进。\n",
		"jobs.txt":  "枫林镇2026年就业工作总结\n一、2026年工作总结\n全年城镇新增就业800人。\n二、2027年工作打算\n继续抓好就业。\n",
		"other.txt": "松岭镇2026年林业工作总结\n一、2026年工作总结\n全镇森林覆盖率达到61%。\n二、2027年工作打算\n继续抓好森林防火。\n",
	} {
		files = append(files, writeFile(t, name, text))
	}
	db := filepath.Join(t.TempDir(), "z.db")
	if code, _, errOut := runCLI(t, "", append([]string{"add", "--db", db, "--quiet"}, files...)...); code != exitOK {
		t.Fatalf("add: %d\n%s", code, errOut)
	}
	code, out, errOut := runCLI(t, "", "track", "--db", db, "--unit", "枫林镇", "--period", "2026")
	if code != exitOK || !strings.Contains(out, "2026年的 2 篇报告合计") || strings.Count(out, "依据：#") != 2 || !strings.Contains(out, "本期各篇报告均未报告“森林覆盖率”") {
		t.Fatalf("track --unit --period: %d\n%s\n%s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "", "track", "--db", db, "--unit", "枫林镇", "--period", "2026", "--format", "json")
	var got struct {
		Reports []struct{ Label string }
		Targets []struct{ Status, In string }
		Summary map[string]int
	}
	if code != exitOK || json.Unmarshal([]byte(out), &got) != nil || len(got.Reports) != 2 || got.Summary["unreported"] != 1 || got.Summary["met"] != 1 || got.Summary["partial"] != 1 {
		t.Fatalf("track --unit --period json: %d\n%s\n%s", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "", "track", "--db", db, "--unit", "枫林镇", "--period", "2030"); code == exitOK || !strings.Contains(errOut, "2030年") {
		t.Errorf("a period without reports: exit %d, %s", code, errOut)
	}
}

// TestTrackPeriodEarlierPlan: at the year's end, track --unit --period
// tracks the year's targets set in the report before the year past the
// half-year's report, and says which report set each target, in text and
// JSON (plans, set_by); the year's targets are not due at mid-year. Near
// miss: without the half-year's report only the report before the year
// sets targets, and no plan is named.
func TestTrackPeriodEarlierPlan(t *testing.T) {
	texts := map[string]string{
		"2025.txt": "枫林镇2025年工作总结及2026年工作计划\n一、2025年工作总结\n全镇经济运行总体平稳。\n" +
			"二、2026年工作计划\n2026年主要目标是：地区生产总值增长6%，城镇新增就业1000人以上。\n",
		"2026.txt": "枫林镇2026年工作总结及2027年工作计划\n一、2026年工作总结\n全镇地区生产总值增长6.5%，城镇新增就业1100人，新增农村公益性岗位45个。\n二、2027年工作计划\n继续坚持稳中求进。\n",
	}
	half := "枫林镇2026年上半年工作总结暨下半年工作计划\n一、上半年工作总结\n上半年城镇新增就业520人。\n二、下半年工作计划\n下半年新增农村公益性岗位40个。\n"
	type plansJSON struct {
		Plans []struct {
			Label   string
			Targets int
		}
		Targets []struct {
			Status string
			SetBy  string `json:"set_by"`
		}
		NotDue int `json:"not_due"`
	}
	for _, withHalf := range []bool{true, false} {
		var files []string
		for name, text := range texts {
			files = append(files, writeFile(t, name, text))
		}
		if withHalf {
			files = append(files, writeFile(t, "2026h1.txt", half))
		}
		db := filepath.Join(t.TempDir(), "z.db")
		if code, _, errOut := runCLI(t, "", append([]string{"add", "--db", db, "--quiet"}, files...)...); code != exitOK {
			t.Fatalf("add: %d\n%s", code, errOut)
		}
		code, out, errOut := runCLI(t, "", "track", "--db", db, "--unit", "枫林镇", "--period", "2026")
		if code != exitOK || strings.Contains(out, "目标出自") != withHalf || withHalf && (!strings.Contains(out, "2 篇报告的目标") || strings.Count(out, "出自：") != 3) {
			t.Fatalf("with the half-year's report %v: track --unit --period: %d\n%s\n%s", withHalf, code, out, errOut)
		}
		code, out, errOut = runCLI(t, "", "track", "--db", db, "--unit", "枫林镇", "--period", "2026", "--format", "json")
		var got plansJSON
		if code != exitOK || json.Unmarshal([]byte(out), &got) != nil {
			t.Fatalf("json: %d\n%s\n%s", code, out, errOut)
		}
		wantPlans, wantTargets := 1, 2
		if withHalf {
			wantPlans, wantTargets = 2, 3
		}
		if len(got.Plans) != wantPlans || len(got.Targets) != wantTargets {
			t.Fatalf("with the half-year's report %v: %d plans and %d targets, want %d and %d\n%s", withHalf, len(got.Plans), len(got.Targets), wantPlans, wantTargets, out)
		}
		for _, r := range got.Targets {
			if r.Status != "met" || r.SetBy == "" {
				t.Errorf("with the half-year's report %v: a target %s set by %q, want met and its plan named\n%s", withHalf, r.Status, r.SetBy, out)
			}
		}
		if withHalf {
			if got.Plans[0].Targets != 1 || got.Plans[1].Targets != 2 {
				t.Errorf("the half-year's report set %d, the 2025 report %d; want 1 and 2", got.Plans[0].Targets, got.Plans[1].Targets)
			}
			code, out, _ = runCLI(t, "", "track", "--db", db, "--unit", "枫林镇", "--period", "2026H1", "--format", "json")
			var mid plansJSON
			if code != exitOK || json.Unmarshal([]byte(out), &mid) != nil || mid.NotDue != 2 || len(mid.Targets) != 0 {
				t.Errorf("at mid-year: %d, want the year's 2 targets not due\n%s", code, out)
			}
		}
	}
}
