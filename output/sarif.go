package output

import (
	"cmp"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
)

// SARIF constants. The $schema URI is the one SchemaStore serves for
// SARIF 2.1.0; the log validates against the OASIS schema it points to.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// sarifToolURI is a placeholder project URL until zongjie has a public
	// home page; SARIF viewers show it as the tool's link.
	sarifToolURI = "https://github.com/zongjie/zongjie"
	// sarifSrcRoot is the base of relative artifact URIs: the directory
	// zongjie ran in, which the log leaves for its consumer to resolve.
	sarifSrcRoot = "%SRCROOT%"
)

// The SARIF 2.1.0 objects zongjie writes, with only the properties it
// uses. Field order is the order in the JSON.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}

	sarifRun struct {
		Tool       sarifTool       `json:"tool"`
		Artifacts  []sarifArtifact `json:"artifacts,omitempty"`
		Results    []sarifResult   `json:"results"` // present, maybe empty: the log is of a scan
		ColumnKind string          `json:"columnKind"`
	}

	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}

	sarifDriver struct {
		Name            string      `json:"name"`
		InformationURI  string      `json:"informationUri"`
		Version         string      `json:"version,omitempty"`
		SemanticVersion string      `json:"semanticVersion,omitempty"`
		Rules           []sarifRule `json:"rules"`
	}

	sarifRule struct {
		ID                   string              `json:"id"`
		Name                 string              `json:"name,omitempty"`
		ShortDescription     *sarifText          `json:"shortDescription,omitempty"`
		FullDescription      *sarifText          `json:"fullDescription,omitempty"`
		Help                 *sarifText          `json:"help,omitempty"`
		DefaultConfiguration sarifConfiguration  `json:"defaultConfiguration"`
		Properties           sarifRuleProperties `json:"properties"`
	}

	// sarifText is a message or a multiformatMessageString: plain text
	// and, for help, Markdown.
	sarifText struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}

	sarifConfiguration struct {
		Level string `json:"level"`
	}

	sarifRuleProperties struct {
		Category check.Category `json:"category"`
		Tags     []string       `json:"tags"`
	}

	sarifArtifact struct {
		Location   sarifArtifactLocation   `json:"location"`
		Properties sarifArtifactProperties `json:"properties"`
	}

	// sarifArtifactProperties carries the length of the decoded text in
	// characters; artifact.length would have to be in bytes of the file.
	sarifArtifactProperties struct {
		Chars int `json:"chars"`
	}

	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
		Index     *int   `json:"index,omitempty"`
	}

	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex *int            `json:"ruleIndex,omitempty"` // absent when the rule is not in the driver's list
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations"`
		Fixes     []sarifFix      `json:"fixes,omitempty"`
	}

	sarifLocation struct {
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	}

	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           sarifRegion           `json:"region"`
	}

	// sarifRegion is a text region. Lines and columns are 1-based and
	// omitted when unknown (zero); the character offset is always written
	// because 0 is a real offset (SARIF's default, -1, means unknown).
	sarifRegion struct {
		StartLine   int        `json:"startLine,omitempty"`
		StartColumn int        `json:"startColumn,omitempty"`
		EndLine     int        `json:"endLine,omitempty"`
		EndColumn   int        `json:"endColumn,omitempty"`
		CharOffset  int        `json:"charOffset"`
		CharLength  int        `json:"charLength"`
		Snippet     *sarifText `json:"snippet,omitempty"`
	}

	sarifFix struct {
		Description     sarifText          `json:"description"`
		ArtifactChanges []sarifChange      `json:"artifactChanges"`
		Properties      sarifFixProperties `json:"properties"`
	}

	// sarifFixProperties says whether `zongjie check --fix` would apply
	// the fix on its own.
	sarifFixProperties struct {
		Certain bool `json:"certain"`
	}

	sarifChange struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Replacements     []sarifReplacement    `json:"replacements"`
	}

	sarifReplacement struct {
		DeletedRegion   sarifRegion `json:"deletedRegion"`
		InsertedContent sarifText   `json:"insertedContent"`
	}
)

// WriteSARIF writes res as one SARIF 2.1.0 log with a single run: rules
// describes every rule that ran (the driver's rule list) and version is
// zongjie's version ("" when unknown). Results follow the order of
// res.Files, then position in the file. Columns and character offsets are
// Unicode code points of the decoded text, as in the JSON output.
func WriteSARIF(w io.Writer, res CheckResult, rules []*check.Rule, version string) error {
	driverRules, index := sarifRules(rules)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:            "zongjie",
			InformationURI:  sarifToolURI,
			Version:         version,
			SemanticVersion: semanticVersion(version),
			Rules:           driverRules,
		}},
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	artifacts := map[sarifArtifactLocation]int{}
	for _, f := range res.Files {
		loc := artifactLocation(f.Path)
		i, seen := artifacts[loc]
		if !seen {
			i = len(run.Artifacts)
			artifacts[loc] = i
			run.Artifacts = append(run.Artifacts, sarifArtifact{Location: loc, Properties: sarifArtifactProperties{Chars: f.Chars}})
		}
		loc.Index = &i
		run.Results = append(run.Results, fileResults(f, loc, index)...)
	}
	return WriteJSON(w, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifRules returns the driver's rule list, without repeated IDs, and the
// index of each rule ID in it.
func sarifRules(rules []*check.Rule) ([]sarifRule, map[string]int) {
	list := make([]sarifRule, 0, len(rules))
	index := make(map[string]int, len(rules))
	for _, r := range rules {
		if _, dup := index[r.ID]; dup {
			continue // SARIF requires distinct rule objects
		}
		index[r.ID] = len(list)
		list = append(list, sarifRuleOf(r))
	}
	return list, index
}

// sarifRuleOf describes one rule.
func sarifRuleOf(r *check.Rule) sarifRule {
	return sarifRule{
		ID:                   r.ID,
		Name:                 r.Name,
		ShortDescription:     optionalText(r.Doc.Title),
		FullDescription:      optionalText(r.Doc.Text),
		Help:                 ruleHelp(r.Doc),
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(r.Severity)},
		Properties:           sarifRuleProperties{Category: r.Category, Tags: []string{string(r.Category)}},
	}
}

// optionalText returns a message holding s, or nil when s is empty.
func optionalText(s string) *sarifText {
	if s == "" {
		return nil
	}
	return &sarifText{Text: s}
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s check.Severity) string {
	switch s {
	case check.Error:
		return "error"
	case check.Warning:
		return "warning"
	}
	return "note"
}

// semverPattern is the regular expression semver.org gives for a Semantic
// Versioning 2.0.0 version.
var semverPattern = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)` +
	`(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?` +
	`(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// semanticVersion returns version as a Semantic Versioning 2.0 version,
// without the "v" of Go module versions, or "" when it is not one (a
// development build).
func semanticVersion(version string) string {
	v := strings.TrimPrefix(version, "v")
	if semverPattern.MatchString(v) {
		return v
	}
	return ""
}

// ruleHelp returns a rule's help: its text, the wrong and right examples
// and the source, as plain text and as Markdown; nil when the rule has no
// documentation.
func ruleHelp(d check.Doc) *sarifText {
	var text, md []string
	if d.Text != "" {
		text = append(text, d.Text)
		md = append(md, markdownEscape(d.Text))
	}
	if t, m := examples(d); t != "" {
		text, md = append(text, t), append(md, m)
	}
	if d.Source != "" {
		text = append(text, "依据："+d.Source)
		md = append(md, "依据："+markdownEscape(d.Source))
	}
	if len(text) == 0 {
		return nil
	}
	return &sarifText{Text: strings.Join(text, "\n\n"), Markdown: strings.Join(md, "\n\n")}
}

// examples returns the wrong and right examples of a rule, each when
// given, as plain text and as Markdown code blocks.
func examples(d check.Doc) (text, md string) {
	var ts, ms []string
	for _, ex := range []struct{ label, text string }{{"错误", d.Wrong}, {"正确", d.Right}} {
		if ex.text != "" {
			ts = append(ts, labelled(ex.label, ex.text))
			ms = append(ms, ex.label+"：\n\n"+codeBlock(ex.text))
		}
	}
	return strings.Join(ts, "\n"), strings.Join(ms, "\n\n")
}

// labelled writes "label：s", putting a multi-line s on lines of its own.
func labelled(label, s string) string {
	if strings.Contains(s, "\n") {
		return label + "：\n" + s
	}
	return label + "：" + s
}

// codeBlock returns s as a fenced Markdown code block whose fence is longer
// than any run of backticks in s.
func codeBlock(s string) string {
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", max(3, longest+1))
	return fence + "text\n" + s + "\n" + fence
}

// markdownSpecial holds the ASCII characters that can start Markdown
// markup anywhere in a line.
const markdownSpecial = "\\`*_[]<>#|~"

// markdownEscape backslash-escapes the characters of s that Markdown would
// read as markup, and a list marker at the start of a line.
func markdownEscape(s string) string {
	var b strings.Builder
	lineStart := true
	for _, r := range s {
		if strings.ContainsRune(markdownSpecial, r) || lineStart && (r == '-' || r == '+') {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
		lineStart = r == '\n'
	}
	return b.String()
}

// artifactLocation returns the SARIF location of a file path: a relative
// URI against %SRCROOT% for a relative path, a file URI for an absolute one.
func artifactLocation(p string) sarifArtifactLocation {
	if filepath.IsAbs(p) {
		return sarifArtifactLocation{URI: fileURI(p)}
	}
	s := escapePath(path.Clean(filepath.ToSlash(p)))
	if first, _, _ := strings.Cut(s, "/"); strings.Contains(first, ":") {
		s = "./" + s // RFC 3986 §4.2: a colon in the first segment would read as a scheme
	}
	return sarifArtifactLocation{URI: s, URIBaseID: sarifSrcRoot}
}

// fileURI returns the file URI of an absolute path: file:///home/a.txt,
// file:///C:/a.txt, or file://host/share/a.txt for a UNC path.
func fileURI(p string) string {
	s := filepath.ToSlash(p)
	switch {
	case strings.HasPrefix(s, "//"):
		return "file:" + escapePath(s)
	case !strings.HasPrefix(s, "/"):
		s = "/" + s // a Windows drive path
	}
	return "file://" + escapePath(s)
}

// escapePath percent-encodes a slash-separated path for a URI per
// RFC 3986: every byte other than an unreserved character, a sub-delimiter,
// ':', '@' or '/' becomes %XX, so spaces and non-ASCII (UTF-8) characters
// are encoded.
func escapePath(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if pathChar(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&0xF])
	}
	return b.String()
}

// pathChar reports whether byte c may appear unencoded in a URI path:
// unreserved, a sub-delimiter, ':', '@' or '/'.
func pathChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@/", c) >= 0
}

// fileResults returns the results of one file, ordered by position; loc is
// the file's artifact location and index maps rule IDs to driver indexes.
func fileResults(f CheckFile, loc sarifArtifactLocation, index map[string]int) []sarifResult {
	ds := slices.Clone(f.Diagnostics)
	slices.SortStableFunc(ds, func(a, b check.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Offset, b.Offset), cmp.Compare(a.Length, b.Length), cmp.Compare(a.Rule, b.Rule))
	})
	out := make([]sarifResult, 0, len(ds))
	var lines *lineCache
	if f.Lines != nil {
		lines = &lineCache{lines: f.Lines}
	}
	for _, d := range ds {
		r := sarifResult{
			RuleID:    d.Rule,
			Level:     sarifLevel(d.Severity),
			Message:   sarifText{Text: d.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: loc, Region: diagnosticRegion(d, lines)}}},
			Fixes:     fixes(d, loc, lines),
		}
		if i, ok := index[d.Rule]; ok {
			r.RuleIndex = &i
		}
		out = append(out, r)
	}
	return out
}

// diagnosticRegion returns the region of a diagnostic's span.
func diagnosticRegion(d check.Diagnostic, lines *lineCache) sarifRegion {
	return region(d.Line, d.Column, d.Offset, d.Length, d.Text, lines)
}

// region returns the region of length characters starting at 1-based line
// and column and at character offset, whose text is text. The end is
// counted over the file's lines when lines is not nil, else over text.
func region(line, column, offset, length int, text string, lines *lineCache) sarifRegion {
	r := sarifRegion{CharOffset: offset, CharLength: length}
	if text != "" {
		r.Snippet = &sarifText{Text: text}
	}
	if line < 1 || column < 1 {
		return r // no line information: the character range alone
	}
	r.StartLine, r.StartColumn = line, column
	if lines != nil {
		r.EndLine, r.EndColumn = advanceLines(lines, line, column, length)
	} else {
		r.EndLine, r.EndColumn = advanceText(line, column, text)
	}
	return r
}

// advanceText returns the line and column just after text when text starts
// at line and column: newlines in text move to the next line.
func advanceText(line, column int, text string) (int, int) {
	i := strings.LastIndexByte(text, '\n')
	if i < 0 {
		return line, column + utf8.RuneCountInString(text)
	}
	return line + strings.Count(text, "\n"), utf8.RuneCountInString(text[i+1:]) + 1
}

// advanceLines returns the line and column n characters after line and
// column, where lines returns the text of a line without its newline and
// every newline counts as one character.
func advanceLines(lines *lineCache, line, column, n int) (int, int) {
	for {
		left := max(0, lines.count(line)-(column-1)) // characters before the newline
		if n <= left {
			return line, column + n
		}
		n -= left + 1 // the rest of the line and its newline
		line, column = line+1, 1
	}
}

// fixes returns the SARIF fixes of a diagnostic, without repeats (SARIF
// wants them distinct). A fix whose span lies outside the diagnostic's is
// left out: its position in characters cannot be known from the
// diagnostic alone.
func fixes(d check.Diagnostic, loc sarifArtifactLocation, lines *lineCache) []sarifFix {
	var out []sarifFix
	for _, f := range d.Fixes {
		deleted, ok := fixRegion(d, f.Span, lines)
		if !ok {
			continue
		}
		fix := sarifFix{
			Description: sarifText{Text: f.Message},
			ArtifactChanges: []sarifChange{{
				ArtifactLocation: loc,
				Replacements:     []sarifReplacement{{DeletedRegion: deleted, InsertedContent: sarifText{Text: f.Replacement}}},
			}},
			Properties: sarifFixProperties{Certain: f.Certain},
		}
		if !slices.ContainsFunc(out, func(o sarifFix) bool { return sameFix(o, fix) }) {
			out = append(out, fix)
		}
	}
	return out
}

// fixRegion returns the region a fix replaces: the diagnostic's region when
// the fix has no span of its own or the same span, or the part of it the
// fix's span covers. It reports false for a span outside the diagnostic's.
func fixRegion(d check.Diagnostic, s document.Span, lines *lineCache) (sarifRegion, bool) {
	if s == (document.Span{}) || s == d.Span {
		return diagnosticRegion(d, lines), true
	}
	start, end := s.Start-d.Span.Start, s.End-d.Span.Start
	if !subSpan(d.Text, d.Span.End-d.Span.Start, start, end) {
		return sarifRegion{}, false
	}
	before, text := d.Text[:start], d.Text[start:end]
	line, column := d.Line, d.Column
	if line >= 1 && column >= 1 {
		line, column = advanceText(line, column, before)
	}
	return region(line, column, d.Offset+utf8.RuneCountInString(before), utf8.RuneCountInString(text), text, lines), true
}

// subSpan reports whether bytes [start, end) are a part of text made of
// whole characters, where text should be size bytes long (it is not when
// the diagnostic's span and text disagree, as in a hand-made diagnostic).
func subSpan(text string, size, start, end int) bool {
	if len(text) != size || start < 0 || end < start || end > len(text) {
		return false
	}
	boundary := func(i int) bool { return i == len(text) || utf8.RuneStart(text[i]) }
	return boundary(start) && boundary(end)
}

// sameFix reports whether two fixes of one diagnostic are the same.
func sameFix(a, b sarifFix) bool {
	ra, rb := a.ArtifactChanges[0].Replacements[0], b.ArtifactChanges[0].Replacements[0]
	return a.Description == b.Description && a.Properties == b.Properties &&
		ra.InsertedContent == rb.InsertedContent && sameRegion(ra.DeletedRegion, rb.DeletedRegion)
}

// sameRegion reports whether two regions cover the same characters.
func sameRegion(a, b sarifRegion) bool {
	return a.CharOffset == b.CharOffset && a.CharLength == b.CharLength
}
