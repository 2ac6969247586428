package output_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"zongjie/extract"
	"zongjie/output"
	"zongjie/reader"
)

// Ensure the targets table has one row per target with its name,
// comparator and deadline, readable by a CSV reader after the BOM.
func TestWriteTargetsCSV(t *testing.T) {
	text := "石桥镇2024年工作总结\n一、工作回顾\n全年财政收入1.2亿元。\n二、2025年工作计划\n力争全年财政收入增长8%以上，年底前新建农村公路不少于15公里。\n"
	f, err := reader.Read("a.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	reports := extract.File(f)
	var buf bytes.Buffer
	if err := output.WriteTargetsCSV(&buf, reports); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\uFEFF")) {
		t.Error("no BOM")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(reports[0].Targets) || len(reports[0].Targets) != 2 {
		t.Fatalf("%d rows for %d targets: %q", len(rows), len(reports[0].Targets), rows)
	}
	got := map[string][]string{}
	for _, r := range rows[1:] {
		got[r[6]] = r
	}
	if r := got["财政收入"]; r == nil || r[8] != "不低于" || r[9] != "8" || r[11] != "%" {
		t.Errorf("财政收入: %q", r)
	}
	if r := got["农村公路"]; r == nil || r[8] != "不低于" || r[9] != "15" || r[15] != "年底前" && r[15] != "年底" {
		t.Errorf("农村公路: %q (rows %q)", r, rows)
	}
}
