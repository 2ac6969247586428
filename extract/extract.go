// Package extract runs the analyzers over a decoded file and returns the
// reports it holds, each with its metadata, outline, quantities and targets.
//
// The order matters and is fixed: headings → report boundaries → section
// tree → metadata → section kinds (which need the reviewed year) →
// quantities → targets (which need kinds, quantities and the plan period).
package extract

import (
	"sort"
	"strconv"
	"strings"

	"zongjie"
	"zongjie/document"
	"zongjie/meta"
	"zongjie/outline"
	"zongjie/quantity"
	"zongjie/target"
)

// File analyses f and returns one Report per report in it.
func File(f *document.File) []*zongjie.Report {
	return FileWith(f, Options{})
}

// Options say what a user states about the reports of a file, over what
// they say of themselves: the unit and the period reviewed (the --unit
// and --period flags; see meta.Override). The outline's classification
// and the targets' deadlines follow them.
type Options struct {
	Unit   string
	Period *zongjie.Term
	// NoTargets leaves every report's Targets empty, for a caller that
	// does not use them: a check (no rule reads them, and its answer
	// does not hold the extraction), which saves about a tenth of its
	// work.
	NoTargets bool
	// NoUnit leaves the reports' unit out of their metadata (see
	// meta.Input.NoUnit), but for a unit stated: no rule reads it.
	NoUnit bool
	// NoNames, with NoTargets (the targets read the names), leaves every
	// quantity's Name and Also empty and sets each report's Namer, which
	// names the quantities of one paragraph when asked: a check names
	// only the figures its rules look at by name (check.Pass.NameOf).
	NoNames bool
}

// FileWith is File with what the user states applied to every report.
func FileWith(f *document.File, o Options) []*zongjie.Report {
	parts := outline.Split(f, outline.Headings(f))
	ctx := quantityContext(parts)
	reports := make([]*zongjie.Report, 0, len(parts))
	for i, p := range parts {
		reports = append(reports, report(f, i, p, ctx, o))
	}
	return reports
}

// quantityContext tells the quantity scanner where heading markers and
// heading titles are, and what it must skip besides: the reports' asides
// but attachments, and reference marks, whose numbers are not figures.
func quantityContext(parts []outline.Part) quantity.Context {
	var ctx quantity.Context
	heading := func(h *zongjie.Section) {
		if h.MarkerSpan.Len() > 0 {
			ctx.Skip = append(ctx.Skip, h.MarkerSpan)
		}
		ctx.Titles = append(ctx.Titles, document.Span{Start: h.MarkerSpan.End, End: h.Span.End})
	}
	for _, p := range parts {
		for _, h := range p.Headings {
			heading(h)
		}
		ctx.Skip = append(ctx.Skip, p.Refs...)
		for _, a := range p.Asides {
			// An attachment is a document of the unit's own: its figures
			// are figures, its headings' markers are not. A glossary or
			// notes restate the figures, a licence is not the report's.
			if a.Kind != zongjie.AsideAttachment {
				ctx.Skip = append(ctx.Skip, a.Span)
				continue
			}
			for _, h := range p.AsideHeadings {
				if a.Span.Contains(h.Span.Start) {
					heading(h)
				}
			}
		}
	}
	sort.Slice(ctx.Skip, func(i, j int) bool { return ctx.Skip[i].Start < ctx.Skip[j].Start })
	sort.Slice(ctx.Titles, func(i, j int) bool { return ctx.Titles[i].Start < ctx.Titles[j].Start })
	return ctx
}

// report analyses one part of a file.
func report(f *document.File, index int, p outline.Part, ctx quantity.Context, o Options) *zongjie.Report {
	r := &zongjie.Report{Path: f.Path, Index: index, Span: p.Span, Asides: p.Asides, Refs: p.Refs}
	limit := p.Span.End
	if len(p.Headings) > 0 {
		limit = p.Headings[0].Span.Start
	}
	r.TitleSpan = meta.FindTitle(f, p.Span, p.Title, limit)
	if r.TitleSpan.Len() > 0 {
		r.Title = meta.Title(f, r.TitleSpan)
	}
	headings := p.Headings
	if r.TitleSpan.Len() > 0 {
		// A title's second line ("及2025年工作计划") is no heading.
		headings = make([]*zongjie.Section, 0, len(p.Headings))
		for _, h := range p.Headings {
			if !r.TitleSpan.Contains(h.Span.Start) {
				headings = append(headings, h)
			}
		}
	}
	r.Outline = outline.Tree(f, headings, p.Span.End)
	r.Meta = meta.Detect(meta.Input{File: f, Span: p.Span, Title: r.Title, TitleSpan: r.TitleSpan, Sections: r.Outline, NoUnit: o.NoUnit})
	meta.Override(&r.Meta, o.Unit, o.Period)
	reviewYear := 0
	if r.Meta.Review != nil {
		reviewYear = r.Meta.Review.Year
	}
	outline.Classify(r.Outline, outline.Context{
		Text:            f.Text,
		ReviewYear:      reviewYear,
		Summary:         r.Meta.Review != nil,
		ThisYearPlanned: r.Meta.IsGovernmentReport() || r.Meta.Genre == zongjie.GenrePlan,
		Plan:            r.Meta.Genre == zongjie.GenrePlan,
	})
	if r.Title == "" {
		r.Title, r.TitleInferred = inferTitle(r.Meta), true
	}

	qctx := ctx
	if o.NoNames && o.NoTargets {
		qctx.NoNames = true
		span := p.Span
		r.Namer = func(para document.Span) []zongjie.Quantity {
			return quantity.Extract(f, document.Span{Start: max(para.Start, span.Start), End: min(para.End, span.End)}, ctx)
		}
	}
	r.Quantities = quantity.Extract(f, p.Span, qctx)
	for i := range r.Quantities {
		if s := deepest(r.Outline, r.Quantities[i].Span.Start); s != nil {
			r.Quantities[i].Section = string(s.Kind)
		}
	}
	if !o.NoTargets {
		r.Targets = target.Extract(target.Input{File: f, Span: p.Span, Sections: r.Outline, Quantities: r.Quantities, Meta: r.Meta})
	}

	if r.Outline == nil {
		r.Outline = []*zongjie.Section{}
	}
	zongjie.Walk(r.Outline, func(s *zongjie.Section) {
		if s.Children == nil {
			s.Children = []*zongjie.Section{}
		}
	})
	if r.Quantities == nil {
		r.Quantities = []zongjie.Quantity{}
	}
	if r.Targets == nil {
		r.Targets = []zongjie.Target{}
	}
	loc := f.Location(p.Span)
	r.Line, r.Offset, r.Length = loc.Line, loc.Offset, loc.Length
	end := p.Span.End
	if end > p.Span.Start && f.Text[end-1] == '\n' {
		end--
	}
	r.EndLine = f.Position(end).Line
	return r
}

// deepest returns the deepest section whose body holds off.
func deepest(sections []*zongjie.Section, off int) *zongjie.Section {
	i := sort.Search(len(sections), func(i int) bool { return sections[i].Body.End > off })
	for ; i < len(sections); i++ {
		s := sections[i]
		if s.Body.Start > off {
			return nil
		}
		if s.Body.Contains(off) {
			if d := deepest(s.Children, off); d != nil {
				return d
			}
			return s
		}
	}
	return nil
}

// inferTitle makes a title for a report without a title line from its
// metadata: "**街道2023年上半年工作总结暨下半年工作计划".
func inferTitle(m zongjie.Meta) string {
	var b strings.Builder
	if !m.IsGovernmentReport() {
		b.WriteString(m.Unit)
	}
	switch {
	case m.IsGovernmentReport():
		if m.Plan != nil {
			b.WriteString(yearText(m.Plan.Year))
		}
		b.WriteString(zongjie.GovernmentReport)
		return b.String()
	case m.Genre == zongjie.GenreSpeech && m.Review != nil:
		b.WriteString(termText(m.Review))
		b.WriteString("工作讲话")
		return b.String()
	}
	if m.Review != nil {
		b.WriteString(termText(m.Review))
		b.WriteString("工作总结")
	}
	if m.Plan != nil {
		if m.Review != nil {
			if m.Review.Year == m.Plan.Year {
				b.WriteString("暨")
				b.WriteString(m.Plan.Period.Words())
			} else {
				b.WriteString("及")
				b.WriteString(termText(m.Plan))
			}
		} else {
			b.WriteString(termText(m.Plan))
		}
		b.WriteString("工作计划")
	}
	if b.Len() == 0 {
		return "工作报告"
	}
	return b.String()
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y) + "年"
}

func termText(t *zongjie.Term) string { return yearText(t.Year) + t.Period.Words() }
