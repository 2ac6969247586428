// Package corpus keeps many reports and answers questions across them: it
// adds files to a store (reading, extracting, checking and fingerprinting
// each report), finds the stored reports that share text with one, groups
// reports derived from one template, and searches them all. The store is
// an interface (package store); the text reuse itself is package reuse.
package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"zongjie"
	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/document"
	"zongjie/extract"
	"zongjie/reader"
	"zongjie/reuse"
	"zongjie/store"
)

// Options say how files become stored reports.
type Options struct {
	// Unit and Period override what the metadata detects: a unit name,
	// and a period such as 2024, 2024H1, 2024Q3 or 2024FY.
	Unit   string
	Period string
	// Check runs the checker and stores its findings with each report.
	Check bool
}

var periodRE = regexp.MustCompile(`^(\d{4})(FY|H1|H2|Q1|Q2|Q3|Q4|Q1-Q3)?$`)

// ParsePeriod reads a --period value: a year and an optional period.
func ParsePeriod(s string) (year int, period string, err error) {
	m := periodRE.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(s)))
	if m == nil {
		return 0, "", fmt.Errorf("时段 %q 无法识别，应如 2024、2024H1、2024Q3（bad period）", s)
	}
	year, _ = strconv.Atoi(m[1])
	period = m[2]
	if period == "" {
		period = string(zongjie.PeriodFullYear)
	}
	return year, period, nil
}

// Prepare reads one file's bytes into the reports to store, one per report
// the file holds. It does not touch a store.
func Prepare(path string, data []byte, o Options) ([]*store.Report, error) {
	var year int
	var period string
	if o.Period != "" {
		var err error
		if year, period, err = ParsePeriod(o.Period); err != nil {
			return nil, err
		}
	}
	f, err := reader.Read(path, data)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	reports := extract.File(f)
	var diags []check.Diagnostic
	if o.Check {
		diags = check.Run(f, reports, rules.All(), nil)
	}
	out := make([]*store.Report, 0, len(reports))
	for _, r := range reports {
		data, err := json.Marshal(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		text := f.Text[r.Span.Start:r.Span.End]
		sr := &store.Report{
			FileHash: hash,
			Index:    r.Index,
			Path:     path,
			Title:    r.Title,
			Unit:     r.Meta.Unit,
			Level:    string(r.Meta.Level),
			Years:    r.Meta.Years,
			Period:   string(r.Meta.Period),
			Genre:    string(r.Meta.Genre),
			Chars:    r.Length,
			Text:     text,
			Data:     data,
		}
		if o.Unit != "" {
			sr.Unit = o.Unit
		}
		if year != 0 {
			sr.Years, sr.Period = []int{year}, period
		}
		if o.Check {
			sr.Findings = findings(diags, r.Span)
		}
		sr.Fingerprints = reuse.Distinct(reuse.Normalize(text).Fingerprints())
		sr.Paragraphs = paragraphs(f, r)
		out = append(out, sr)
	}
	return out, nil
}

// findings returns the diagnostics inside span as a JSON array (positions
// in the file, as `zongjie check` gives them).
func findings(ds []check.Diagnostic, span document.Span) json.RawMessage {
	in := []check.Diagnostic{}
	for _, d := range ds {
		if span.Contains(d.Span.Start) {
			in = append(in, d)
		}
	}
	b, err := json.Marshal(in)
	if err != nil {
		return nil
	}
	return b
}

// paragraphs returns the searchable paragraphs of a report, each with the
// kind of the section it stands in.
func paragraphs(f *document.File, r *zongjie.Report) []store.Paragraph {
	var out []store.Paragraph
	base := f.Position(r.Span.Start).Offset
	for _, p := range f.Paragraphs {
		if !r.Span.Contains(p.Span.Start) || p.Span.Start == p.Span.End {
			continue
		}
		out = append(out, store.Paragraph{
			Offset: f.Position(p.Span.Start).Offset - base,
			Text:   f.Text[p.Span.Start:p.Span.End],
			Kind:   string(kindAt(r.Outline, p.Span.Start)),
		})
	}
	return out
}

// kindAt returns the kind of the innermost section holding byte offset
// off that has a kind other than "other", or "other".
func kindAt(sections []*zongjie.Section, off int) zongjie.SectionKind {
	for _, s := range sections {
		if !s.Body.Contains(off) {
			continue
		}
		if k := kindAt(s.Children, off); k != zongjie.KindOther {
			return k
		}
		if s.Kind != "" {
			return s.Kind
		}
	}
	return zongjie.KindOther
}
