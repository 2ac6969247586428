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
