package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zongjie/examples"
	"zongjie/reader"
)

// pasted writes a file that pastes copies copies of each example report
// (as text, one after the other) and returns its path and the number of
// reports in it.
func pasted(t *testing.T, copies int) (string, int) {
	t.Helper()
	var b strings.Builder
	n := 0
	for _, f := range examples.All() {
		doc, err := reader.Read(f.Name, f.Data)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f.Name, ".md") {
			continue // its markup would be text in a .txt
		}
		for range copies {
			b.WriteString(strings.TrimSpace(doc.Text))
			b.WriteString("\n\n")
			n++
		}
	}
	path := filepath.Join(t.TempDir(), "pasted.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, n
}

// TestSimilarPastedReports: a file holding five copies of each of several
// stored reports is compared report by report: each report of it finds its
// source nearly whole, where the file compared whole shared a few percent
// with each.
func TestSimilarPastedReports(t *testing.T) {
	dir := exampleFiles(t)
	db := filepath.Join(t.TempDir(), "z.db")
	if code, _, errOut := runCLI(t, "", "add", "--db", db, "--quiet", dir); code != exitOK {
		t.Fatalf("add: %d %s", code, errOut)
	}
	path, n := pasted(t, 5)
	code, out, errOut := runCLI(t, "", "similar", "--db", db, "--format", "json", "--top", "1", path)
	if code != exitOK {
		t.Fatalf("similar: %d %s", code, errOut)
	}
	var res struct {
		Reports []struct {
			Index   int
			Title   string
			Similar []struct {
				Report struct{ Title string }
				Query  struct{ Reuse float64 }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Reports) != n {
		t.Fatalf("similar: %d reports compared, want %d", len(res.Reports), n)
	}
	for _, r := range res.Reports {
		if len(r.Similar) != 1 || r.Similar[0].Report.Title != r.Title || r.Similar[0].Query.Reuse < 0.95 {
			t.Errorf("report %d (%s): best match %+v; want its source, over 95%% of it", r.Index, r.Title, r.Similar)
		}
	}
	// The text output says which report of the file each list is for.
	_, out, _ = runCLI(t, "", "similar", "--db", db, "--top", "1", path)
	if !strings.Contains(out, "第 1 篇（共 ") || strings.Count(out, "1. [") != n {
		t.Errorf("similar text:\n%s", out)
	}

	// compare too: each report of one file with each of the other.
	one := filepath.Join(dir, "shiqiao-2025.txt")
	code, out, errOut = runCLI(t, "", "compare", "--format", "json", path, one)
	var cmp struct {
		Pairs []struct {
			A struct {
				Index int
				Title string
				Reuse float64
			}
		}
	}
	if code != exitOK || json.Unmarshal([]byte(out), &cmp) != nil || len(cmp.Pairs) != n {
		t.Fatalf("compare: %d %s\n%.500s", code, errOut, out)
	}
	matched := 0
	for _, p := range cmp.Pairs {
		if strings.HasPrefix(p.A.Title, "石桥镇2025年") {
			matched++
			if p.A.Reuse < 0.95 {
				t.Errorf("compare: report %d (%s) shares %.3f with its source", p.A.Index, p.A.Title, p.A.Reuse)
			}
		}
	}
	if matched != 5 {
		t.Errorf("compare: %d reports of the file are shiqiao-2025's copies, want 5", matched)
	}
}
