package http

import (
	"cmp"
	"html/template"
	"strconv"
	"strings"

	"zongjie"
	"zongjie/corpus"
)

// The loops of the largest pages — the report's text, run by run, and
// its findings, the compare page's table and the search page's hits —
// are written by the Go code here, not by the templates: html/template evaluates each action of a loop by
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
	p.writeSegs(&b)
	return template.HTML(b.String())
}

// writeSegs writes SegsHTML to b.
func (p viewPara) writeSegs(b *strings.Builder) {
	for _, s := range p.Segs {
		if s.Anchor != "" {
			b.WriteString(`<span id="`)
			escapeHTML(b, s.Anchor)
			b.WriteString(`" class="anchor"></span>`)
		}
		if s.HitStart {
			b.WriteString(`<span id="hit" class="anchor"></span>`)
		}
		switch {
		case s.Point:
			b.WriteString(`<mark class="f point sev-`)
			escapeHTML(b, s.Severity)
			findingAttrs(b, s)
			b.WriteString(`"></mark>`)
		case s.Findings != "":
			b.WriteString(`<mark class="f sev-`)
			escapeHTML(b, s.Severity)
			if s.Head {
				b.WriteString(` h`)
			}
			if s.Hit {
				b.WriteString(` in-hit`)
			}
			findingAttrs(b, s)
			b.WriteString(`">`)
			escapeHTML(b, s.Text)
			b.WriteString(`</mark>`)
		case s.Hit:
			b.WriteString(`<mark class="hit`)
			if s.Head {
				b.WriteString(` h`)
			}
			b.WriteString(`">`)
			escapeHTML(b, s.Text)
			b.WriteString(`</mark>`)
		case s.Head:
			b.WriteString(`<span class="h">`)
			escapeHTML(b, s.Text)
			b.WriteString(`</span>`)
		default:
			escapeHTML(b, s.Text)
		}
	}
}

// ParasHTML writes the paragraphs of the report page's text, each with
// its runs (SegsHTML).
func (p reportPage) ParasHTML() template.HTML {
	var b strings.Builder
	for _, para := range p.Paras {
		b.WriteString("\n    <p class=\"para")
		if para.Title {
			b.WriteString(" title")
		}
		if para.Heading {
			b.WriteString(" heading level-")
			b.WriteString(strconv.Itoa(para.Level))
		}
		if len(para.Segs) == 0 {
			b.WriteString(" empty")
		}
		b.WriteString(`" data-line="`)
		b.WriteString(strconv.Itoa(para.Line))
		b.WriteString(`">`)
		para.writeSegs(&b)
		b.WriteString("</p>")
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

// FindingsHTML writes the items of the report page's list of findings,
// each with its fixes: forms that apply them for the current version
// (csrf, the request's token), their text for an earlier one.
func (p reportPage) FindingsHTML(csrf string) template.HTML {
	var b strings.Builder
	id, version := strconv.FormatInt(p.ID, 10), strconv.Itoa(p.Version)
	for i, d := range p.Findings {
		n := strconv.Itoa(i)
		b.WriteString("\n      <li class=\"finding sev-")
		escapeHTML(&b, d.Severity.String())
		b.WriteString(`" data-f="`)
		b.WriteString(n)
		b.WriteString(`" data-cat="`)
		escapeHTML(&b, string(d.Category))
		b.WriteString(`" data-at="`)
		b.WriteString(strconv.Itoa(d.Offset))
		b.WriteString("\">\n        <button type=\"button\" class=\"goto\" data-f=\"")
		b.WriteString(n)
		b.WriteString(`"><span class="badge `)
		escapeHTML(&b, d.Severity.String())
		b.WriteString(`">`)
		escapeHTML(&b, d.Severity.Chinese())
		b.WriteString(`</span> 第 `)
		b.WriteString(strconv.Itoa(d.Line))
		b.WriteString(` 行 · `)
		escapeHTML(&b, d.Category.Chinese())
		b.WriteString(` <span class="rule">`)
		escapeHTML(&b, d.Rule)
		b.WriteString("</span></button>\n        <p class=\"msg\">")
		escapeHTML(&b, d.Message)
		b.WriteString(`</p>`)
		if d.Text != "" {
			b.WriteString(`<p class="quote">原文：<q>`)
			escapeHTML(&b, d.Text)
			b.WriteString(`</q></p>`)
		}
		for j, fx := range d.Fixes {
			if !p.IsCurrent() {
				b.WriteString("\n        <p class=\"fix-text\">修改：")
				escapeHTML(&b, fx.Message)
				b.WriteString(`</p>`)
				continue
			}
			b.WriteString("\n        <form method=\"post\" action=\"/reports/")
			b.WriteString(id)
			b.WriteString("/fix\" class=\"fix\">\n          <input type=\"hidden\" name=\"csrf\" value=\"")
			escapeHTML(&b, csrf)
			b.WriteString("\">\n          <input type=\"hidden\" name=\"version\" value=\"")
			b.WriteString(version)
			b.WriteString("\">\n          <input type=\"hidden\" name=\"finding\" value=\"")
			b.WriteString(n)
			b.WriteString("\">\n          <input type=\"hidden\" name=\"rule\" value=\"")
			escapeHTML(&b, d.Rule)
			b.WriteString("\">\n          <input type=\"hidden\" name=\"offset\" value=\"")
			b.WriteString(strconv.Itoa(d.Offset))
			b.WriteString("\">\n          <input type=\"hidden\" name=\"fix\" value=\"")
			b.WriteString(strconv.Itoa(j))
			b.WriteString("\">\n          <button type=\"submit\">应用此修改：")
			escapeHTML(&b, fx.Message)
			if fx.Certain {
				b.WriteString("</button>\n          <span class=\"badge ok\">确定</span>\n        </form>")
			} else {
				b.WriteString("</button>\n          <span class=\"badge \">建议</span>\n        </form>")
			}
		}
		b.WriteString("\n      </li>")
	}
	return template.HTML(b.String())
}

// HitsHTML writes the items of the search page's list of hits: each
// hit's report, linked at the hit, and its snippet with the query marked.
func (p searchPage) HitsHTML() template.HTML {
	var b strings.Builder
	for _, h := range p.Hits {
		b.WriteString("\n  <li class=\"hit\">\n    <p class=\"hit-head\"><a href=\"")
		escapeHTML(&b, h.Link) // digits and /?=-# only: the URL escaper leaves them
		b.WriteString(`">#`)
		b.WriteString(strconv.FormatInt(h.Report.ID, 10))
		b.WriteByte(' ')
		escapeHTML(&b, cmp.Or(h.Report.Title, "（无标题）"))
		b.WriteString("</a>\n      <span class=\"muted\">")
		escapeHTML(&b, cmp.Or(h.Report.Unit, "单位未识别"))
		b.WriteString(" · ")
		escapeHTML(&b, cmp.Or(corpus.PeriodWords(h.Report.Years, h.Report.Period, h.Report.Genre), "时段未识别"))
		b.WriteString(" · ")
		escapeHTML(&b, cmp.Or(sectionNames[zongjie.SectionKind(h.Kind)], "其他"))
		b.WriteString("部分</span></p>\n    <p class=\"snippet\">")
		for _, s := range h.Snippet {
			if s.Kind != "" {
				b.WriteString(`<mark class="q">`)
				escapeHTML(&b, s.Text)
				b.WriteString(`</mark>`)
			} else {
				escapeHTML(&b, s.Text)
			}
		}
		b.WriteString("</p>\n  </li>")
	}
	return template.HTML(b.String())
}
