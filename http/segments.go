package http

import (
	"html/template"
	"strings"
)

// The loops of the two largest pages — the report's text, run by run,
// and the compare page's table — are written by the Go code here, not by
// the templates: html/template evaluates each action of a loop by
// reflection and calls an escaper for each, which for the thousands of
// runs of one page was most of the page's time (bench/load: the report
// and compare pages spent half their CPU writing the page). The code
// writes what the templates wrote, byte for byte (TestSegmentsHTML holds
// it to them): the same markup, every value escaped as html/template
// escapes text and quoted attribute values (escapeHTML).

// SegsHTML writes the paragraph's runs: plain text, or marked by the
// findings covering it, a heading's anchor and the search hit's.
func (p viewPara) SegsHTML() template.HTML {
	var b strings.Builder
	for _, s := range p.Segs {
		if s.Anchor != "" {
			b.WriteString(`<span id="`)
			escapeHTML(&b, s.Anchor)
			b.WriteString(`" class="anchor"></span>`)
		}
		if s.HitStart {
			b.WriteString(`<span id="hit" class="anchor"></span>`)
		}
		switch {
		case s.Point:
			b.WriteString(`<mark class="f point sev-`)
			escapeHTML(&b, s.Severity)
			findingAttrs(&b, s)
			b.WriteString(`"></mark>`)
		case s.Findings != "":
			b.WriteString(`<mark class="f sev-`)
			escapeHTML(&b, s.Severity)
			if s.Head {
				b.WriteString(` h`)
			}
			if s.Hit {
				b.WriteString(` in-hit`)
			}
			findingAttrs(&b, s)
			b.WriteString(`">`)
			escapeHTML(&b, s.Text)
			b.WriteString(`</mark>`)
		case s.Hit:
			b.WriteString(`<mark class="hit`)
			if s.Head {
				b.WriteString(` h`)
			}
			b.WriteString(`">`)
			escapeHTML(&b, s.Text)
			b.WriteString(`</mark>`)
		case s.Head:
			b.WriteString(`<span class="h">`)
			escapeHTML(&b, s.Text)
			b.WriteString(`</span>`)
		default:
			escapeHTML(&b, s.Text)
		}
	}
	return template.HTML(b.String())
}

// findingAttrs writes the attributes of a run's findings after its
// class: the class attribute's closing quote, data-f, data-cat and the
// opening of title's value, which it writes.
func findingAttrs(b *strings.Builder, s viewSeg) {
	b.WriteString(`" data-f="`)
	escapeHTML(b, s.Findings)
	b.WriteString(`" data-cat="`)
	escapeHTML(b, s.Category)
	b.WriteString(`" title="`)
	escapeHTML(b, s.Title)
}

// compareSegs are the runs of one side of a row of the compare table.
type compareSegs []compareSeg

// HTML writes the runs, each edit marked with its kind.
func (ss compareSegs) HTML() template.HTML {
	var b strings.Builder
	for _, s := range ss {
		if s.Kind == "" {
			escapeHTML(&b, s.Text)
			continue
		}
		b.WriteString(`<mark class="edit kind-`)
		escapeHTML(&b, s.Kind)
		b.WriteString(`" title="`)
		escapeHTML(&b, editWords[s.Kind])
		b.WriteString(`">`)
		escapeHTML(&b, s.Text)
		b.WriteString(`</mark>`)
	}
	return template.HTML(b.String())
}

// Plain writes the runs' text, unmarked.
func (ss compareSegs) Plain() template.HTML {
	var b strings.Builder
	for _, s := range ss {
		escapeHTML(&b, s.Text)
	}
	return template.HTML(b.String())
}

// escapeHTML writes s escaped as html/template escapes a value in text
// or in a quoted attribute: NUL, ", &, ', +, < and > replaced.
func escapeHTML(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(repl)
		last = i + 1
	}
	b.WriteString(s[last:])
}
