package output

import (
	"zongjie/check"
)

// CheckResult is the JSON document of `zongjie check`. Its shape is a
// stable contract (docs/json.md): fields may be added, never renamed or
// removed.
type CheckResult struct {
	Files []CheckFile `json:"files"`
}

// CheckFile is the findings in one file.
type CheckFile struct {
	Path        string             `json:"path"`
	Chars       int                `json:"chars"` // length of the decoded text, in characters
	Diagnostics []check.Diagnostic `json:"diagnostics"`

	// Lines returns the text of a 1-based line, for showing the source
	// under a finding; nil when the text is not at hand.
	Lines func(n int) string `json:"-"`
}
