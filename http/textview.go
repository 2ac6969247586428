package http

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/check"
	"zongjie/outline"
)

// The report page shows the text with the findings marked in it and an
// anchor at each heading. textView cuts the text into what the template
// writes: paragraphs (lines) of segments, a segment being a run of text
// under the same findings. It is layout, not analysis: the findings and
// the outline come from the app, positions in characters of the text.

// viewPara is one line of the text.
type viewPara struct {
	Line    int
	Title   bool // the report's title line
	Heading bool // the line is a heading (not one that runs into its text)
	Level   int  // of that heading
	Segs    []viewSeg
}

// viewSeg is a run of text: plain, or marked by the findings covering it.
type viewSeg struct {
	Text     string
	Anchor   string // the id of a heading starting here ("s-3"), or ""
	Head     bool   // the run is (part of) a heading's marker and title
	Point    bool   // an empty run marking where a finding of no length is (something missing)
	Findings string // the indexes of the findings covering the run, "3 5"; "" for plain text
	Severity string // of the most serious of them: error warning info
	Category string // of the most serious of them
	Title    string // their messages, for hovering
	Hit      bool   // inside the span the page was opened at (?hl=, a search hit)
	HitStart bool   // the hit starts here: the "hit" anchor
}

// outlineItem is a heading in the outline sidebar.
type outlineItem struct {
	Anchor string
	Level  int
	Marker string
	Title  string
	Kind   string
}

// textView lays out text with findings ds, the headings of sections, the
// title line (the first line, of the first few, that is the title) and
// the span hit, in characters, to mark and scroll to (none when hit[1] <=
// hit[0]).
func textView(text string, ds []check.Diagnostic, sections []*zongjie.Section, title string, hit [2]int) ([]viewPara, []outlineItem) {
	n := utf8.RuneCountInString(text)
	// Boundaries: where a finding or a heading starts or ends, and line
	// ends.
	type mark struct {
		at, finding int // finding −1: a heading's start (anchor), −2: its end, −3: the hit's start, −4: its end
		start       bool
		anchor      string
		level       int
		inline      bool
		point       bool // a finding that covers no text
	}
	var marks []mark
	for i, d := range ds {
		start := min(max(d.Offset, 0), n)
		end := min(start+max(d.Length, 0), n)
		marks = append(marks, mark{at: start, finding: i, start: true, point: end == start}, mark{at: end, finding: i})
	}
	// The outline holds the headings, not the enumerations of paragraphs
	// (一是, 首先). A report set out in paragraph items alone (第一，…
	// 第二，…) has no heading: its items that open a paragraph, two or
	// more, are its outline, marked in the text where they stand, the
	// paragraph itself no heading.
	enumOnly := true
	zongjie.Walk(sections, func(s *zongjie.Section) {
		if !isEnumeration(s.Form) {
			enumOnly = false
		}
	})
	var opens map[int]bool
	if enumOnly && len(sections) > 0 {
		opens = paragraphStarts(text)
		items := 0
		zongjie.Walk(sections, func(s *zongjie.Section) {
			if opens[s.Offset] {
				items++
			}
		})
		if items < 2 {
			opens = nil
		}
	}
	var items []outlineItem
	k := 0
	zongjie.Walk(sections, func(s *zongjie.Section) {
		enum := isEnumeration(s.Form)
		if enum && !opens[s.Offset] || s.Offset < 0 || s.Offset > n {
			return
		}
		k++
		a := "s-" + strconv.Itoa(k)
		items = append(items, outlineItem{Anchor: a, Level: s.Level, Marker: s.Marker, Title: s.Title, Kind: string(s.Kind)})
		marks = append(marks, mark{at: s.Offset, finding: -1, anchor: a, level: s.Level, inline: s.Inline || enum},
			mark{at: min(s.Offset+max(s.Length, 0), n), finding: -2})
	})
	if hit[1] > hit[0] && hit[0] >= 0 && hit[0] < n {
		marks = append(marks, mark{at: hit[0], finding: -3}, mark{at: min(hit[1], n), finding: -4})
	}
	slices.SortStableFunc(marks, func(a, b mark) int { return a.at - b.at })

	var paras []viewPara
	cur := viewPara{Line: 1}
	open := map[int]bool{} // findings covering the current position
	var seg strings.Builder
	anchor := ""
	head := 0 // headings open at the current position
	inHit, hitStart := false, false
	flush := func() {
		if seg.Len() == 0 && anchor == "" && !hitStart {
			return
		}
		s := viewSeg{Text: seg.String(), Anchor: anchor, Head: head > 0, Hit: inHit, HitStart: hitStart}
		hitStart = false
		if len(open) > 0 {
			s.Findings, s.Severity, s.Category, s.Title = describe(ds, open)
		}
		cur.Segs = append(cur.Segs, s)
		seg.Reset()
		anchor = ""
	}
	mi, pos := 0, 0
	apply := func() {
		for mi < len(marks) && marks[mi].at == pos {
			m := marks[mi]
			mi++
			flush()
			switch {
			case m.finding == -1:
				anchor = m.anchor
				head++
				if len(cur.Segs) == 0 && !m.inline {
					cur.Heading, cur.Level = true, m.level
				}
			case m.finding == -2:
				head = max(head-1, 0)
			case m.finding == -3:
				inHit, hitStart = true, true
			case m.finding == -4:
				inHit = false
			case m.start && m.point:
				p := viewSeg{Point: true}
				p.Findings, p.Severity, p.Category, p.Title = describe(ds, map[int]bool{m.finding: true})
				cur.Segs = append(cur.Segs, p)
			case m.start:
				open[m.finding] = true
			default:
				delete(open, m.finding)
			}
		}
	}
	for _, r := range text {
		apply()
		if r == '\n' {
			flush()
			paras = append(paras, cur)
			cur = viewPara{Line: cur.Line + 1}
		} else {
			seg.WriteRune(r)
		}
		pos++
	}
	apply()
	flush()
	if len(cur.Segs) > 0 || len(paras) == 0 {
		paras = append(paras, cur)
	}
	markTitle(paras, title)
	return paras, items
}

// paragraphStarts returns the character offsets at which the lines of
// text start, after their leading blanks.
func paragraphStarts(text string) map[int]bool {
	starts := map[int]bool{}
	at, start := 0, true
	for _, r := range text {
		switch {
		case r == '\n':
			start = true
		case start && (r == ' ' || r == '\t' || r == '\u3000'):
		case start:
			starts[at] = true
			start = false
		}
		at++
	}
	return starts
}

// markTitle marks the first line, of the first 20, whose text (without
// Markdown's marks) is the title.
func markTitle(paras []viewPara, title string) {
	if title == "" {
		return
	}
	for i := range paras[:min(len(paras), 20)] {
		var b strings.Builder
		for _, s := range paras[i].Segs {
			b.WriteString(s.Text)
		}
		if strings.Trim(b.String(), "#* 　") == title {
			paras[i].Title, paras[i].Heading = true, false
			return
		}
	}
}

// describe says what the findings in open are, for a marked run.
func describe(ds []check.Diagnostic, open map[int]bool) (ids, severity, category, title string) {
	idx := make([]int, 0, len(open))
	for i := range open {
		idx = append(idx, i)
	}
	slices.Sort(idx)
	worst := idx[0]
	var parts, titles []string
	for _, i := range idx {
		parts = append(parts, strconv.Itoa(i))
		titles = append(titles, ds[i].Severity.Chinese()+"："+ds[i].Message)
		if ds[i].Severity < ds[worst].Severity {
			worst = i
		}
	}
	return strings.Join(parts, " "), ds[worst].Severity.String(), string(ds[worst].Category), strings.Join(titles, "\n")
}

// isEnumeration reports whether a section's form is an enumeration
// inside a paragraph (一是, 第一 …) rather than a heading.
func isEnumeration(form string) bool {
	switch form {
	case outline.FormShi, outline.FormYao, outline.FormDi, outline.FormShouxian, outline.FormQiyi:
		return true
	}
	return false
}
