package reader

import (
	"strings"

	"zongjie/document"
)

// readMarkdown reads a Markdown file. The text stays exactly as written, so
// positions match the user's editor; the reader only tells the analyzers
// which characters are markup:
//
//   - "#" headings give a heading-level hint, their "#"s are left out of the
//     paragraph, and so are bullets ("- ", "* ", "+ ") and quote marks ("> ");
//     ordered-list markers ("1. ") stay, since they are heading numbers in a
//     report;
//   - setext underlines, fenced code blocks and table separator rows are not
//     paragraphs; table rows become TableRow paragraphs with cells;
//   - "**" and "__" emphasis pairs, backslash escapes, inline-code backticks
//     and the brackets and targets of links are Markup spans. A single "*" is
//     left as text, because reports use it as a placeholder ("*次").
func readMarkdown(path string, data []byte) (*document.File, error) {
	text, enc, err := decode(path, data)
	if err != nil {
		return nil, err
	}
	var paras []document.Paragraph
	var markup []document.Span
	inFence := ""
	lines := splitLines(text)
	for i, ln := range lines {
		line := text[ln.Start:ln.End]
		trimmed := strings.TrimLeft(line, " ")
		if fence := fenceOf(trimmed); fence != "" {
			if inFence == "" {
				inFence = fence
			} else if strings.HasPrefix(trimmed, inFence) {
				inFence = ""
			}
			continue
		}
		if inFence != "" {
			continue
		}
		if isSetextUnderline(trimmed) && i > 0 && len(paras) > 0 && paras[len(paras)-1].Span.End <= lines[i-1].End &&
			paras[len(paras)-1].Span.Start >= lines[i-1].Start {
			p := &paras[len(paras)-1]
			p.HeadingLevel = 1
			if strings.HasPrefix(trimmed, "-") {
				p.HeadingLevel = 2
			}
			continue
		}
		span := ln
		level := 0
		// Quote marks and bullets.
		for {
			rest := text[span.Start:span.End]
			lead := len(rest) - len(strings.TrimLeft(rest, " "))
			rest = rest[lead:]
			switch {
			case strings.HasPrefix(rest, ">"):
				span.Start += lead + 1
				continue
			case len(rest) >= 2 && strings.ContainsRune("-*+", rune(rest[0])) && rest[1] == ' ' && !isThematicBreak(rest):
				span.Start += lead + 2
				continue
			}
			break
		}
		rest := text[span.Start:span.End]
		if isThematicBreak(strings.TrimSpace(rest)) {
			continue
		}
		// ATX heading.
		if h := strings.TrimLeft(rest, " "); strings.HasPrefix(h, "#") {
			n := len(h) - len(strings.TrimLeft(h, "#"))
			if n <= 6 && (len(h) == n || h[n] == ' ' || h[n] == '\t') {
				level = n
				span.Start += len(rest) - len(h) + n
				body := strings.TrimRight(text[span.Start:span.End], " \t")
				if t := strings.TrimRight(body, "#"); len(t) < len(body) && (t == "" || strings.HasSuffix(t, " ")) {
					span.End = span.Start + len(t)
				}
			}
		}
		if isTableRow(text[span.Start:span.End]) {
			if isTableSeparator(text[span.Start:span.End]) {
				continue
			}
			if p, ok := tableRow(text, span); ok {
				paras = append(paras, p)
				markup = append(markup, inlineMarkup(text, p.Span)...)
			}
			continue
		}
		s, ok := trimSpan(text, span)
		if !ok {
			continue
		}
		paras = append(paras, document.Paragraph{Span: s, HeadingLevel: level, Origin: -1})
		markup = append(markup, inlineMarkup(text, s)...)
	}
	// A level-1 heading that opens the file is the document's title.
	if len(paras) > 0 && paras[0].HeadingLevel == 1 {
		paras[0].Title = true
	}
	f := document.New(path, document.FormatMarkdown, enc, text, paras)
	f.Markup = markup
	return f, nil
}

// splitLines returns the span of every line of text.
func splitLines(text string) []document.Span {
	var spans []document.Span
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			spans = append(spans, document.Span{Start: start, End: len(text)})
			break
		}
		spans = append(spans, document.Span{Start: start, End: start + end})
		start += end + 1
	}
	return spans
}

func fenceOf(line string) string {
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(line, f) {
			return f
		}
	}
	return ""
}

func isSetextUnderline(line string) bool {
	line = strings.TrimRight(line, " ")
	if len(line) < 2 {
		return false
	}
	return strings.Trim(line, "=") == "" || strings.Trim(line, "-") == ""
}

func isThematicBreak(line string) bool {
	compact := strings.ReplaceAll(line, " ", "")
	if len(compact) < 3 {
		return false
	}
	for _, c := range "-*_" {
		if strings.Trim(compact, string(c)) == "" {
			return true
		}
	}
	return false
}

func isTableRow(line string) bool {
	line = strings.TrimSpace(line)
	return len(line) >= 2 && line[0] == '|' && strings.Count(line, "|") >= 2
}

func isTableSeparator(line string) bool {
	line = strings.TrimSpace(line)
	return strings.Trim(line, "|:- ") == "" && strings.Contains(line, "-")
}

// tableRow makes a TableRow paragraph of a "| a | b |" line.
func tableRow(text string, span document.Span) (document.Paragraph, bool) {
	s, ok := trimSpan(text, span)
	if !ok {
		return document.Paragraph{}, false
	}
	var cells []document.Span
	line := text[s.Start:s.End]
	start := 0
	for i := 0; i < len(line); i++ {
		if line[i] == '|' && (i == 0 || line[i-1] != '\\') {
			if i > 0 {
				if c, ok := trimSpan(text, document.Span{Start: s.Start + start, End: s.Start + i}); ok {
					cells = append(cells, c)
				}
			}
			start = i + 1
		}
	}
	if start < len(line) {
		if c, ok := trimSpan(text, document.Span{Start: s.Start + start, End: s.End}); ok {
			cells = append(cells, c)
		}
	}
	if len(cells) == 0 {
		return document.Paragraph{}, false
	}
	return document.Paragraph{Span: document.Span{Start: cells[0].Start, End: cells[len(cells)-1].End},
		Kind: document.TableRow, Cells: cells, Origin: -1}, true
}

// inlineMarkup finds the markup spans inside one paragraph.
func inlineMarkup(text string, s document.Span) []document.Span {
	line := text[s.Start:s.End]
	var out []document.Span
	add := func(a, b int) { out = append(out, document.Span{Start: s.Start + a, End: s.Start + b}) }
	open := map[string]int{"**": -1, "__": -1}
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line) && strings.IndexByte("\\`*_{}[]()#+-.!|>~", line[i+1]) >= 0:
			add(i, i+1)
			i++
		case c == '`':
			j := strings.IndexByte(line[i+1:], '`')
			if j < 0 {
				continue
			}
			add(i, i+1)
			add(i+1+j, i+2+j)
			i += j + 1
		case (c == '*' || c == '_') && i+1 < len(line) && line[i+1] == c:
			d := line[i : i+2]
			if i+2 < len(line) && line[i+2] == c {
				// "***" is a placeholder run, not emphasis.
				for i+1 < len(line) && line[i+1] == c {
					i++
				}
				continue
			}
			if o := open[d]; o >= 0 && i > 0 && line[i-1] != ' ' {
				add(o, o+2)
				add(i, i+2)
				open[d] = -1
			} else if i+2 < len(line) && line[i+2] != ' ' {
				open[d] = i
			}
			i++
		case c == '[':
			j := strings.Index(line[i:], "](")
			if j < 0 {
				continue
			}
			k := strings.IndexByte(line[i+j:], ')')
			if k < 0 {
				continue
			}
			if i > 0 && line[i-1] == '!' {
				add(i-1, i+j+k+1) // an image: nothing of it is text
			} else {
				add(i, i+1)
				add(i+j, i+j+k+1)
			}
			i += j + k
		}
	}
	sortSpans(out)
	return out
}

func sortSpans(s []document.Span) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Start < s[j-1].Start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
