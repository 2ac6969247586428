// Package check runs proofreading rules over a report and collects their
// diagnostics.
//
// A rule is a value (*Rule) with a stable ID, a category, a default
// severity, documentation with a wrong/right example, and a Run function.
// Run reads the document model and the core analyses (outline, metadata,
// quantities, targets) through a *Pass and reports diagnostics; it never
// re-parses the text. Rules are independent and run in parallel.
package check

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"zongjie"
	"zongjie/document"
	"zongjie/internal/chrome"
)

// Severity is how serious a finding is.
type Severity int

// Severities, from the most serious.
const (
	Error   Severity = iota // certainly wrong: 错误
	Warning                 // probably wrong, a person should look: 警告
	Info                    // style or consistency: 提示
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// Chinese returns the severity's name for users.
func (s Severity) Chinese() string {
	switch s {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	}
	return "提示"
}

// ParseSeverity reads "error", "warning" or "info" (or 错误, 警告, 提示).
func ParseSeverity(s string) (Severity, bool) {
	switch s {
	case "error", "错误":
		return Error, true
	case "warning", "警告":
		return Warning, true
	case "info", "提示":
		return Info, true
	}
	return 0, false
}

// MarshalText writes the severity as its English name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity written by MarshalText.
func (s *Severity) UnmarshalText(b []byte) error {
	v, ok := ParseSeverity(string(b))
	if !ok {
		return fmt.Errorf("unknown severity %q", b)
	}
	*s = v
	return nil
}

// Category groups rules; the names are fixed, other tools count by them.
type Category string

// Categories.
const (
	Placeholder Category = "placeholder" // xx, **, 某某, A for a leader
	Artifact    Category = "artifact"    // paid-template markers, web page chrome
	Year        Category = "year"        // year and period consistency
	Numbering   Category = "numbering"   // heading and enumeration sequences
	Punctuation Category = "punctuation" // GB/T 15834
	Number      Category = "number"      // GB/T 15835
	Typo        Category = "typo"        // wrong characters and words
	Canonical   Category = "canonical"   // political expressions
	Repeat      Category = "repeat"      // repeated sentences and clauses
	Consistency Category = "consistency" // values that contradict each other
)

// Categories lists the categories in the order they are documented.
var Categories = []Category{Placeholder, Artifact, Year, Numbering, Punctuation, Number, Typo, Canonical, Repeat, Consistency}

// Chinese returns the category's name for users.
func (c Category) Chinese() string {
	switch c {
	case Placeholder:
		return "占位符"
	case Artifact:
		return "模板残留"
	case Year:
		return "年份与时段"
	case Numbering:
		return "序号层次"
	case Punctuation:
		return "标点符号"
	case Number:
		return "数字用法"
	case Typo:
		return "错别字"
	case Canonical:
		return "规范表述"
	case Repeat:
		return "重复"
	case Consistency:
		return "前后一致"
	}
	return string(c)
}

// Doc is a rule's documentation, shown by `zongjie rules ID`, in SARIF and
// in docs/rules.md. Title, Text and the examples are in Chinese.
type Doc struct {
	Title  string // one line
	Text   string // what the rule finds and why it matters
	Wrong  string // an example of text the rule reports
	Right  string // the same text corrected
	Source string // the standard or reference behind the rule
	// Config is the zongjie.toml text the examples need, for rules that
	// act on configured data ([names], [banned]); empty for the others.
	Config string
}

// Rule is one proofreading rule.
type Rule struct {
	ID       string // stable: "TY001"
	Name     string // stable, for configs: "typo-pair"
	Category Category
	Severity Severity // the default
	// OffByDefault rules run only when a configuration enables them.
	OffByDefault bool
	Doc          Doc
	// Run reports the rule's findings through the pass.
	Run func(*Pass)
}

// Fix is one way to correct a finding: replace Span (the diagnostic's span
// when empty) with Replacement. Certain fixes are applied by --fix.
type Fix struct {
	Message     string        `json:"message"`
	Replacement string        `json:"replacement"`
	Span        document.Span `json:"-"`
	Certain     bool          `json:"certain"` // whether --fix and --write apply it
}

// Diagnostic is one finding.
type Diagnostic struct {
	Rule     string   `json:"rule"`
	Category Category `json:"category"`
	Severity Severity `json:"severity"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Offset   int      `json:"offset"`
	Length   int      `json:"length"`
	Text     string   `json:"text"`    // the text of the span
	Message  string   `json:"message"` // Chinese
	Fixes    []Fix    `json:"fixes"`

	Span document.Span `json:"-"`
}

// Pass is what a rule sees of one file: the document, the core analyses of
// every report in it, and the configuration.
type Pass struct {
	File    *document.File
	Reports []*zongjie.Report
	Config  *Config
	Rule    *Rule

	diags  *findings // shared by the passes of a run
	shared *memo     // analyses computed once per file for all rules
}

// findings collects the diagnostics of every pass of a run in one slice,
// which the rules, running concurrently, append to under its lock: one
// growing slice rather than one for each rule, then a copy into another.
// A rule's findings keep their order in it, and the run orders the
// findings of different rules by position and rule (byPosition), so the
// order in which the passes interleave does not show.
type findings struct {
	mu sync.Mutex
	ds []Diagnostic
}

// memo holds values computed once per file and shared by the rules of a
// run, which run concurrently.
type memo struct {
	mu      sync.Mutex
	entries map[any]*memoEntry
}

type memoEntry struct {
	once sync.Once
	v    any
}

// Shared returns the value fn computes for key, computing it once per file
// however many rules ask: an index of the text that several rules scan for
// (the paired marks, the digit runs). key is a comparable value private to
// the caller's package, as with context keys.
func (p *Pass) Shared(key any, fn func() any) any {
	if p.shared == nil {
		return fn()
	}
	p.shared.mu.Lock()
	e, ok := p.shared.entries[key]
	if !ok {
		e = &memoEntry{}
		p.shared.entries[key] = e
	}
	p.shared.mu.Unlock()
	e.once.Do(func() { e.v = fn() })
	return e.v
}

// Report records a finding at span s.
func (p *Pass) Report(s document.Span, message string, fixes ...Fix) {
	for i := range fixes {
		if fixes[i].Span == (document.Span{}) {
			fixes[i].Span = s
		}
	}
	d := Diagnostic{
		Rule: p.Rule.ID, Category: p.Rule.Category, Severity: p.Rule.Severity,
		Message: message, Fixes: fixes, Span: s,
	}
	if p.diags == nil {
		p.diags = &findings{}
	}
	p.diags.mu.Lock()
	p.diags.ds = append(p.diags.ds, d)
	p.diags.mu.Unlock()
}

// Reportf records a finding with a formatted message.
func (p *Pass) Reportf(s document.Span, format string, args ...any) {
	p.Report(s, fmt.Sprintf(format, args...))
}

// ReportFor returns the report holding byte offset off, or nil.
func (p *Pass) ReportFor(off int) *zongjie.Report {
	for _, r := range p.Reports {
		if r.Span.Contains(off) || off == r.Span.End && r == p.Reports[len(p.Reports)-1] {
			return r
		}
	}
	return nil
}

// Run runs rules over f and its reports, in parallel, and returns the
// diagnostics sorted by position, with their severity as configured and
// suppressed ones removed. A nil config means the defaults.
//
// The rules run on at most GOMAXPROCS goroutines, the caller's among them,
// each taking the next rule not yet run: with one processor they run one
// after the other on the caller's goroutine. (A goroutine for each rule
// cost more than many rules: each new goroutine's stack grew, copied, to
// the depth of its rule, on every file.)
func Run(f *document.File, reports []*zongjie.Report, rules []*Rule, cfg *Config) []Diagnostic {
	if cfg == nil {
		cfg = &Config{}
	}
	shared := &memo{entries: map[any]*memoEntry{}}
	diags := &findings{}
	directives := false
	var passes []*Pass
	for _, r := range rules {
		sev, on := cfg.severity(r)
		if !on {
			continue
		}
		if r == DirectiveRule {
			directives = true
		}
		rule := *r
		rule.Severity = sev
		passes = append(passes, &Pass{File: f, Reports: reports, Config: cfg, Rule: &rule, diags: diags, shared: shared})
	}
	var next atomic.Int64
	work := func() {
		for {
			i := int(next.Add(1)) - 1
			if i >= len(passes) {
				return
			}
			passes[i].Rule.Run(passes[i])
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(passes)) - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	all := diags.ds
	if all == nil {
		all = []Diagnostic{} // no finding: an empty list, not null, in JSON
	}
	all = outsideChrome(all, (&Pass{File: f, shared: shared}).Chrome())
	all = suppress(f, all, rules, directives)
	for i := range all {
		d := &all[i]
		loc := f.Location(d.Span)
		d.Line, d.Column, d.Offset, d.Length = loc.Line, loc.Column, loc.Offset, loc.Length
		d.Text = f.Text[d.Span.Start:d.Span.End]
		if d.Fixes == nil {
			d.Fixes = []Fix{}
		}
	}
	return dedupe(byPosition(all))
}

// byPosition sorts the findings by span, then rule, stably, in place: it
// sorts their indexes and then moves each finding once, following the
// cycles of the permutation, rather than moving the findings (144 bytes
// each) about as the sort swaps them.
func byPosition(ds []Diagnostic) []Diagnostic {
	order := make([]int32, len(ds))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(i, j int32) int {
		a, b := &ds[i], &ds[j]
		switch {
		case a.Span.Start != b.Span.Start:
			return cmp.Compare(a.Span.Start, b.Span.Start)
		case a.Span.End != b.Span.End:
			return cmp.Compare(a.Span.End, b.Span.End)
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	// ds[k] becomes the finding at order[k]; a place filled is marked -1.
	for k := range order {
		if order[k] < 0 || int(order[k]) == k {
			continue
		}
		held := ds[k]
		j := k
		for {
			i := int(order[j])
			order[j] = -1
			if i == k {
				ds[j] = held
				break
			}
			ds[j] = ds[i]
			j = i
		}
	}
	return ds
}

// outsideChrome drops the findings of other categories inside blocks of
// page chrome and appended notices: that text is not the report's and is
// reported (and removed) whole by the artifact rules.
func outsideChrome(ds []Diagnostic, blocks []chrome.Block) []Diagnostic {
	if len(blocks) == 0 {
		return ds
	}
	out := ds[:0]
	for _, d := range ds {
		inside := false
		for _, b := range blocks {
			if d.Span.Start >= b.Remove.Start && d.Span.End <= b.Remove.End {
				inside = true
				break
			}
		}
		if !inside || d.Category == Artifact {
			out = append(out, d)
		}
	}
	return out
}

// dedupe drops a diagnostic identical to the one before it (same rule,
// span and message), which overlapping patterns can produce.
func dedupe(ds []Diagnostic) []Diagnostic {
	out := ds[:0]
	for i, d := range ds {
		if i > 0 {
			p := ds[i-1]
			if p.Rule == d.Rule && p.Span == d.Span && p.Message == d.Message {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

// HasErrors reports whether any diagnostic is an error.
func HasErrors(ds []Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}
