package output_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/document"
	"zongjie/output"
	"zongjie/reader"
)

// sarifSchemaFile is where `make sarif-schema` puts the official SARIF
// 2.1.0 schema, relative to the module root.
const sarifSchemaFile = ".cache/sarif-2.1.0-rtm.5.json"

// sarifReport is the text of the realistic test file. Line numbers and
// columns the tests expect are given beside the findings.
const sarifReport = `XX镇2023年工作总结

一、主要工作
全年完成固定资产投资XX亿元，同比增长12%。
今年我们坚持以人民为中心，，推动各项工作。
【本文档由某某文库提供
下载后可编辑】
二、2023年工作计划
明年计划完成投资XX亿元。
`

// Paths of the test files: a relative Chinese name with a space, and an
// absolute one for the empty file.
const (
	reportPath = "材料/2023年 工作总结.txt"
	reportURI  = "%E6%9D%90%E6%96%99/2023%E5%B9%B4%20%E5%B7%A5%E4%BD%9C%E6%80%BB%E7%BB%93.txt"
	emptyPath  = "/srv/报告/空 文件.txt"
	emptyURI   = "file:///srv/%E6%8A%A5%E5%91%8A/%E7%A9%BA%20%E6%96%87%E4%BB%B6.txt"
)

// reportAt returns a rule body that reports every occurrence of needle,
// with the fixes fix returns for its span.
func reportAt(needle, message string, fix func(document.Span) []check.Fix) func(*check.Pass) {
	return func(p *check.Pass) {
		text := p.File.Text
		for i := strings.Index(text, needle); i >= 0; {
			s := document.Span{Start: i, End: i + len(needle)}
			p.Report(s, message, fix(s)...)
			j := strings.Index(text[s.End:], needle)
			if j < 0 {
				break
			}
			i = s.End + j
		}
	}
}

// noFix is a fix function for rules without fixes.
func noFix(document.Span) []check.Fix { return nil }

// testRules are rules of several categories and severities whose findings
// in sarifReport cover a single-line span, a multi-line span, fixes of the
// whole span and a fix of part of it. The documentation has Markdown
// characters and a multi-line example.
var testRules = []*check.Rule{
	{
		ID: "TS001", Name: "test-placeholder", Category: check.Placeholder, Severity: check.Error,
		Doc: check.Doc{
			Title: "数值占位符未替换", Text: "XX、**、某某等占位符应替换为实际内容。",
			Wrong: "完成投资XX亿元", Right: "完成投资3.2亿元", Source: "本工具约定",
		},
		Run: reportAt("XX", "占位符“XX”未替换为实际数值", noFix),
	},
	{
		ID: "TS002", Name: "test-double-comma", Category: check.Punctuation, Severity: check.Warning,
		Doc: check.Doc{
			Title: "重复标点", Text: "同一标点连用，多为误输入。",
			Wrong: "为中心，，推动", Right: "为中心，推动", Source: "GB/T 15834—2011《标点符号用法》",
		},
		Run: reportAt("，，", "逗号重复", func(document.Span) []check.Fix {
			return []check.Fix{{Message: "删除多余的逗号", Replacement: "，", Certain: true}}
		}),
	},
	{
		ID: "TS003", Name: "test-artifact", Category: check.Artifact, Severity: check.Info,
		Doc: check.Doc{
			Title: "文库标记", Text: "从文库下载的模板残留了网站标记。",
			Wrong: "【本文档由某某文库提供\n下载后可编辑】", Right: "", Source: "本工具约定",
		},
		Run: reportAt("【本文档由某某文库提供\n下载后可编辑】", "文库标记残留，应删除", func(document.Span) []check.Fix {
			return []check.Fix{{Message: "删除标记", Replacement: "", Certain: true}}
		}),
	},
	{
		ID: "TS004", Name: "test-plan-year", Category: check.Year, Severity: check.Warning,
		Doc: check.Doc{Title: "计划年份错误", Text: "2023年总结之后应是2024年计划。"},
		Run: reportAt("2023年工作计划", "计划应为2024年", func(s document.Span) []check.Fix {
			year := document.Span{Start: s.Start, End: s.Start + len("2023")}
			return []check.Fix{{Message: "改为2024", Replacement: "2024", Span: year}}
		}),
	},
	{
		ID: "TS005", Name: "test-unused", Category: check.Typo, Severity: check.Info,
		Doc: check.Doc{Title: "未触发的规则"},
		Run: func(*check.Pass) {},
	},
}

// realisticResult returns a realistic result: the report with findings and an
// empty file. withLines sets CheckFile.Lines.
func realisticResult(t *testing.T, withLines bool) output.CheckResult {
	t.Helper()
	f, err := reader.Read(reportPath, []byte(sarifReport))
	if err != nil {
		t.Fatal(err)
	}
	file := output.CheckFile{Path: reportPath, Chars: f.Chars(), Diagnostics: check.Run(f, nil, testRules, nil)}
	if withLines {
		file.Lines = f.Line
	}
	empty := output.CheckFile{Path: emptyPath, Diagnostics: []check.Diagnostic{}}
	return output.CheckResult{Files: []output.CheckFile{file, empty}}
}

// writeSARIF renders res and returns the JSON.
func writeSARIF(t *testing.T, res output.CheckResult, rules []*check.Rule, version string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := output.WriteSARIF(&b, res, rules, version); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The part of a SARIF log the structural tests read.
type (
	sarifLog struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name            string
					InformationURI  string `json:"informationUri"`
					Version         string
					SemanticVersion string
					Rules           []sarifRule
				}
			}
			Artifacts []struct {
				Location   sarifLocation
				Properties struct{ Chars int }
			}
			Results    []sarifResult
			ColumnKind string
		}
	}
	sarifRule struct {
		ID, Name             string
		ShortDescription     sarifText
		FullDescription      sarifText
		Help                 sarifText
		DefaultConfiguration struct{ Level string }
		Properties           struct {
			Category string
			Tags     []string
		}
	}
	sarifText     struct{ Text, Markdown string }
	sarifLocation struct {
		URI       string
		URIBaseID string `json:"uriBaseId"`
		Index     *int
	}
	sarifRegion struct {
		StartLine, StartColumn, EndLine, EndColumn int
		CharOffset, CharLength                     int
		Snippet                                    sarifText
	}
	sarifResult struct {
		RuleID    string
		RuleIndex *int
		Level     string
		Message   sarifText
		Locations []struct {
			PhysicalLocation struct {
				ArtifactLocation sarifLocation
				Region           sarifRegion
			}
		}
		Fixes []struct {
			Description     sarifText
			ArtifactChanges []struct {
				ArtifactLocation sarifLocation
				Replacements     []struct {
					DeletedRegion   sarifRegion
					InsertedContent sarifText
				}
			}
			Properties struct{ Certain bool }
		}
	}
)

// decodeSARIF reads a log written by WriteSARIF.
func decodeSARIF(t *testing.T, data []byte) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("SARIF is not JSON: %v\n%s", err, data)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("got %d runs, want 1", len(log.Runs))
	}
	return log
}

// moduleRoot walks up from the package directory to the directory holding
// go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the package directory")
		}
		dir = parent
	}
}

// compiled caches the compiled schema across tests.
var compiled struct {
	once   sync.Once
	schema *jsonschema.Schema
	err    error
}

// sarifSchema returns the official SARIF 2.1.0 schema, compiled. Without
// the schema file the test is skipped, or fails when ZONGJIE_REQUIRE_TOOLS
// is set (as in CI).
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := filepath.Join(moduleRoot(t), sarifSchemaFile)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		msg := "SARIF 2.1.0 schema not found at " + path + "; run `make sarif-schema` (needs npm) to validate SARIF output against it"
		if os.Getenv("ZONGJIE_REQUIRE_TOOLS") != "" {
			t.Fatal(msg + " (ZONGJIE_REQUIRE_TOOLS is set)")
		}
		t.Skip(msg)
	}
	compiled.once.Do(func() {
		c := jsonschema.NewCompiler()
		// The schema declares draft-04 in its $schema; say so for a copy
		// that might not, and check formats (uri, uri-reference) too.
		c.DefaultDraft(jsonschema.Draft4)
		c.AssertFormat()
		compiled.schema, compiled.err = c.Compile(path)
	})
	if compiled.err != nil {
		t.Fatalf("compile %s: %v", path, compiled.err)
	}
	return compiled.schema
}

// validateSARIF fails the test when data is not a valid SARIF 2.1.0 log.
func validateSARIF(t *testing.T, data []byte) {
	t.Helper()
	if err := schemaError(t, data); err != nil {
		t.Fatalf("SARIF output does not match the SARIF 2.1.0 schema: %v\n%s", err, data)
	}
}

// schemaError validates data against the schema.
func schemaError(t *testing.T, data []byte) error {
	t.Helper()
	sch := sarifSchema(t)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("SARIF is not JSON: %v", err)
	}
	return sch.Validate(inst)
}

func TestSARIFSchema(t *testing.T) {
	res := realisticResult(t, true)
	validateSARIF(t, writeSARIF(t, res, testRules, "1.4.0"))
	// Nothing found, no files, no version, no rules: still a valid log.
	validateSARIF(t, writeSARIF(t, output.CheckResult{Files: []output.CheckFile{res.Files[1]}}, testRules, ""))
	validateSARIF(t, writeSARIF(t, output.CheckResult{}, nil, "(devel)"))
	// The rules zongjie ships, with their real documentation.
	validateSARIF(t, writeSARIF(t, res, rules.All(), "v1.4.0"))
}

// TestSARIFSchemaRejects makes sure the validation has teeth: the schema
// compiled and rejects a log that is wrong in small ways.
func TestSARIFSchemaRejects(t *testing.T) {
	data := writeSARIF(t, realisticResult(t, true), testRules, "1.4.0")
	for name, edit := range map[string]func(map[string]any){
		"unknown level":    func(log map[string]any) { result(log)["level"] = "info" },
		"unknown property": func(log map[string]any) { result(log)["severity"] = "error" },
		"line 0": func(log map[string]any) {
			loc := result(log)["locations"].([]any)[0].(map[string]any)
			loc["physicalLocation"].(map[string]any)["region"].(map[string]any)["startLine"] = 0
		},
	} {
		var log map[string]any
		if err := json.Unmarshal(data, &log); err != nil {
			t.Fatal(err)
		}
		edit(log)
		bad, err := json.Marshal(log)
		if err != nil {
			t.Fatal(err)
		}
		if schemaError(t, bad) == nil {
			t.Errorf("%s: the schema accepted an invalid log", name)
		}
	}
}

// result returns the first result of a decoded log.
func result(log map[string]any) map[string]any {
	run := log["runs"].([]any)[0].(map[string]any)
	return run["results"].([]any)[0].(map[string]any)
}

func TestSARIFStructure(t *testing.T) {
	data := writeSARIF(t, realisticResult(t, true), testRules, "1.4.0")
	log := decodeSARIF(t, data)
	run := log.Runs[0]
	if log.Version != "2.1.0" || log.Schema != "https://json.schemastore.org/sarif-2.1.0.json" {
		t.Errorf("version %q, $schema %q", log.Version, log.Schema)
	}
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q, want unicodeCodePoints", run.ColumnKind)
	}
	d := run.Tool.Driver
	if d.Name != "zongjie" || d.Version != "1.4.0" || d.SemanticVersion != "1.4.0" || d.InformationURI == "" {
		t.Errorf("driver = %q %q %q %q", d.Name, d.Version, d.SemanticVersion, d.InformationURI)
	}
	checkRules(t, d.Rules)

	wantLevel := map[string]string{"TS001": "error", "TS002": "warning", "TS003": "note", "TS004": "warning"}
	var got []string
	for _, r := range run.Results {
		got = append(got, r.RuleID)
		if r.RuleIndex == nil || *r.RuleIndex >= len(d.Rules) || d.Rules[*r.RuleIndex].ID != r.RuleID {
			t.Errorf("%s: ruleIndex %v does not point at the rule", r.RuleID, r.RuleIndex)
		}
		if r.Level != wantLevel[r.RuleID] {
			t.Errorf("%s: level %q, want %q", r.RuleID, r.Level, wantLevel[r.RuleID])
		}
		if len(r.Locations) != 1 {
			t.Fatalf("%s: %d locations", r.RuleID, len(r.Locations))
		}
		loc := r.Locations[0].PhysicalLocation.ArtifactLocation
		if loc.URI != reportURI || loc.URIBaseID != "%SRCROOT%" || loc.Index == nil || *loc.Index != 0 {
			t.Errorf("%s: artifactLocation %+v, want %s against %%SRCROOT%%, index 0", r.RuleID, loc, reportURI)
		}
	}
	// By position in the file.
	if want := "TS001 TS001 TS002 TS003 TS004 TS001"; strings.Join(got, " ") != want {
		t.Errorf("results %s, want %s", strings.Join(got, " "), want)
	}
	if len(run.Results) > 0 && run.Results[0].Message.Text != "占位符“XX”未替换为实际数值" {
		t.Errorf("message %q", run.Results[0].Message.Text)
	}

	// Offset 0 is written: an absent charOffset means unknown (-1).
	if !bytes.Contains(data, []byte(`"charOffset": 0,`)) {
		t.Error(`no "charOffset": 0 for the finding at the start of the file`)
	}

	checkArtifacts(t, run.Artifacts)
	checkRegions(t, run.Results)
	checkFixes(t, run.Results)
}

// checkRules checks the driver's rule list against testRules.
func checkRules(t *testing.T, got []sarifRule) {
	t.Helper()
	if len(got) != len(testRules) {
		t.Fatalf("%d rules, want %d", len(got), len(testRules))
	}
	wantLevel := map[check.Severity]string{check.Error: "error", check.Warning: "warning", check.Info: "note"}
	for i, r := range testRules {
		g := got[i]
		if g.ID != r.ID || g.Name != r.Name || g.ShortDescription.Text != r.Doc.Title || g.FullDescription.Text != r.Doc.Text {
			t.Errorf("rule %d = %s %s %q %q", i, g.ID, g.Name, g.ShortDescription.Text, g.FullDescription.Text)
		}
		if g.DefaultConfiguration.Level != wantLevel[r.Severity] {
			t.Errorf("%s: default level %q", r.ID, g.DefaultConfiguration.Level)
		}
		if g.Properties.Category != string(r.Category) || len(g.Properties.Tags) != 1 || g.Properties.Tags[0] != string(r.Category) {
			t.Errorf("%s: properties %+v", r.ID, g.Properties)
		}
		for _, part := range []string{r.Doc.Wrong, r.Doc.Right, r.Doc.Source} {
			if !strings.Contains(g.Help.Text, part) || !strings.Contains(g.Help.Markdown, part) {
				t.Errorf("%s: help lacks %q:\n%s\n---\n%s", r.ID, part, g.Help.Text, g.Help.Markdown)
			}
		}
	}
	// Markdown characters in the text are escaped, examples are fenced.
	if md := got[0].Help.Markdown; !strings.Contains(md, `XX、\*\*、某某`) || !strings.Contains(md, "```text\n完成投资XX亿元\n```") {
		t.Errorf("TS001 help markdown:\n%s", md)
	}
}

// checkArtifacts checks the run's artifacts: both files, the empty one
// with an absolute file URI.
func checkArtifacts(t *testing.T, got []struct {
	Location   sarifLocation
	Properties struct{ Chars int }
}) {
	t.Helper()
	if len(got) != 2 {
		t.Fatalf("%d artifacts, want 2", len(got))
	}
	if a := got[0]; a.Location.URI != reportURI || a.Location.URIBaseID != "%SRCROOT%" || a.Properties.Chars != utf8.RuneCountInString(sarifReport) {
		t.Errorf("artifact 0 = %+v", a)
	}
	if a := got[1]; a.Location.URI != emptyURI || a.Location.URIBaseID != "" || a.Properties.Chars != 0 {
		t.Errorf("artifact 1 = %+v", a)
	}
}

// checkRegions checks the regions of a single-line span at the start of
// the file and of the span across lines 6 and 7.
func checkRegions(t *testing.T, results []sarifResult) {
	t.Helper()
	want := map[int]sarifRegion{
		0: {StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 3, CharOffset: 0, CharLength: 2, Snippet: sarifText{Text: "XX"}},
		3: {
			StartLine: 6, StartColumn: 1, EndLine: 7, EndColumn: 8,
			CharOffset: charOffset(sarifReport, "【"), CharLength: 19,
			Snippet: sarifText{Text: "【本文档由某某文库提供\n下载后可编辑】"},
		},
	}
	for i, w := range want {
		if i >= len(results) {
			t.Fatalf("only %d results", len(results))
		}
		if got := results[i].Locations[0].PhysicalLocation.Region; got != w {
			t.Errorf("%s region = %+v, want %+v", results[i].RuleID, got, w)
		}
	}
}

// charOffset returns the character offset of the first s in text.
func charOffset(text, s string) int {
	return utf8.RuneCountInString(text[:strings.Index(text, s)])
}

// checkFixes checks the fixes: the whole span replaced (TS002), deleted
// across lines (TS003) and a fix of part of the span (TS004).
func checkFixes(t *testing.T, results []sarifResult) {
	t.Helper()
	for _, r := range results {
		region := r.Locations[0].PhysicalLocation.Region
		switch r.RuleID {
		case "TS001":
			if len(r.Fixes) != 0 {
				t.Errorf("TS001 has fixes")
			}
			continue
		case "TS004":
			region = sarifRegion{
				StartLine: 8, StartColumn: 3, EndLine: 8, EndColumn: 7,
				CharOffset: charOffset(sarifReport, "2023年工作计划"), CharLength: 4, Snippet: sarifText{Text: "2023"},
			}
		}
		wantText := map[string]string{"TS002": "，", "TS003": "", "TS004": "2024"}[r.RuleID]
		if len(r.Fixes) != 1 || len(r.Fixes[0].ArtifactChanges) != 1 || len(r.Fixes[0].ArtifactChanges[0].Replacements) != 1 {
			t.Errorf("%s: fixes %+v, want one change with one replacement", r.RuleID, r.Fixes)
			continue
		}
		fix := r.Fixes[0]
		change := fix.ArtifactChanges[0]
		rep := change.Replacements[0]
		if fix.Description.Text == "" || change.ArtifactLocation.URI != reportURI {
			t.Errorf("%s: fix %+v", r.RuleID, fix)
		}
		if rep.DeletedRegion != region || rep.InsertedContent.Text != wantText {
			t.Errorf("%s: replacement %+v, want %+v by %q", r.RuleID, rep, region, wantText)
		}
		if fix.Properties.Certain != (r.RuleID != "TS004") {
			t.Errorf("%s: certain = %v", r.RuleID, fix.Properties.Certain)
		}
	}
}

// TestSARIFWithoutLines checks that regions counted from the span's text
// match those counted over the file's lines.
func TestSARIFWithoutLines(t *testing.T) {
	with := decodeSARIF(t, writeSARIF(t, realisticResult(t, true), testRules, "1.4.0")).Runs[0].Results
	without := decodeSARIF(t, writeSARIF(t, realisticResult(t, false), testRules, "1.4.0")).Runs[0].Results
	if len(with) != len(without) {
		t.Fatalf("%d results with Lines, %d without", len(with), len(without))
	}
	for i := range with {
		a, b := with[i].Locations[0].PhysicalLocation.Region, without[i].Locations[0].PhysicalLocation.Region
		if a != b {
			t.Errorf("%s: region %+v with Lines, %+v without", with[i].RuleID, a, b)
		}
	}
}

func TestSARIFEmpty(t *testing.T) {
	data := writeSARIF(t, output.CheckResult{}, testRules, "(devel)")
	if !bytes.Contains(data, []byte(`"results": []`)) {
		t.Errorf("no empty results array:\n%s", data)
	}
	d := decodeSARIF(t, data).Runs[0].Tool.Driver
	if d.Version != "(devel)" || d.SemanticVersion != "" {
		t.Errorf("version %q, semanticVersion %q", d.Version, d.SemanticVersion)
	}
}

// uriPattern matches a URI reference made only of characters RFC 3986
// allows unencoded in a path, and percent-encodings.
var uriPattern = regexp.MustCompile(`^(file:)?([A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$`)

func TestSARIFURI(t *testing.T) {
	for _, c := range []struct{ path, uri, base string }{
		{reportPath, reportURI, "%SRCROOT%"},
		{"./报告.docx", "%E6%8A%A5%E5%91%8A.docx", "%SRCROOT%"},
		{"a b/c#d?e%f.md", "a%20b/c%23d%3Fe%25f.md", "%SRCROOT%"},
		{"C:报告.txt", "./C:%E6%8A%A5%E5%91%8A.txt", "%SRCROOT%"},
		{"-", "-", "%SRCROOT%"},
		{emptyPath, emptyURI, ""},
	} {
		res := output.CheckResult{Files: []output.CheckFile{{Path: c.path, Diagnostics: []check.Diagnostic{}}}}
		loc := decodeSARIF(t, writeSARIF(t, res, nil, "")).Runs[0].Artifacts[0].Location
		if loc.URI != c.uri || loc.URIBaseID != c.base {
			t.Errorf("%q: uri %q against %q, want %q against %q", c.path, loc.URI, loc.URIBaseID, c.uri, c.base)
		}
		if !uriPattern.MatchString(loc.URI) {
			t.Errorf("%q: %q is not a strict RFC 3986 URI reference", c.path, loc.URI)
		}
		u, err := url.Parse(loc.URI)
		if err != nil {
			t.Errorf("%q: %v", c.path, err)
			continue
		}
		if want := filepath.ToSlash(filepath.Clean(c.path)); u.Path != want && u.Path != "./"+want {
			t.Errorf("%q: URI path decodes to %q", c.path, u.Path)
		}
	}
}

// TestSARIFOddInput checks input the checker does not produce but callers
// might: a rule missing from the list, rules and files given twice, a fix
// whose span lies outside its diagnostic's. The log must stay valid (SARIF
// wants rules, artifacts and fixes distinct).
func TestSARIFOddInput(t *testing.T) {
	res := realisticResult(t, false)
	f := res.Files[0]
	ds := append([]check.Diagnostic(nil), f.Diagnostics...)
	stray := ds[0] // TS001 "XX" on line 1
	stray.Rule = "ZZ999"
	stray.Fixes = []check.Fix{
		{Message: "删除", Replacement: "", Span: document.Span{Start: 100, End: 104}},
		{Message: "改为“某”", Replacement: "某"},
		{Message: "改为“某”", Replacement: "某"},
	}
	f.Diagnostics = append(ds, stray)
	res.Files = append(res.Files, f)
	data := writeSARIF(t, res, append(slices.Clone(testRules), testRules[1]), "1.4.0")

	run := decodeSARIF(t, data).Runs[0]
	if n := len(run.Tool.Driver.Rules); n != len(testRules) {
		t.Errorf("%d rules, want %d", n, len(testRules))
	}
	if len(run.Artifacts) != 2 {
		t.Errorf("%d artifacts, want 2 (the same path twice is one artifact)", len(run.Artifacts))
	}
	var found bool
	for _, r := range run.Results {
		if r.RuleID != "ZZ999" {
			continue
		}
		found = true
		if r.RuleIndex != nil {
			t.Errorf("ZZ999: ruleIndex %d for a rule not in the list", *r.RuleIndex)
		}
		if len(r.Fixes) != 1 || r.Fixes[0].ArtifactChanges[0].Replacements[0].InsertedContent.Text != "某" {
			t.Errorf("ZZ999: fixes %+v, want the one fix of the diagnostic's span", r.Fixes)
		}
		if loc := r.Locations[0].PhysicalLocation.ArtifactLocation; loc.Index == nil || *loc.Index != 0 {
			t.Errorf("ZZ999: artifact index %v, want 0", loc.Index)
		}
	}
	if !found {
		t.Error("no result for ZZ999")
	}
	validateSARIF(t, data)
}
