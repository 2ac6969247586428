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
	// Unit and Period, when set, are what the user states about the
	// reports over what they say of themselves (see meta.Override): a
	// unit name, and the period reviewed (zongjie.ParseTerm reads it).
	Unit   string
	Period *zongjie.Term
	// Check runs the checker and stores its findings with each report.
	Check bool
}

// Overrides reports whether o states a unit or a period.
func (o Options) Overrides() bool { return o.Unit != "" || o.Period != nil }

// Prepare reads one file's bytes into the reports to store, one per report
// the file holds. It does not touch a store.
func Prepare(path string, data []byte, o Options) ([]*store.Report, error) {
	f, err := reader.Read(path, data)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	reports := extract.FileWith(f, extract.Options{Unit: o.Unit, Period: o.Period})
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
			ByText:   true, // the same report from another file is stored once
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
