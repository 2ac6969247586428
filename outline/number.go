package outline

import (
	"unicode/utf8"

	"zongjie/document"
)

// A paragraph that opens with an Arabic ordinal, a mark and a digit
// ("1.2025年工作总结", "2.3个重点项目全部开工", "1.5亿元用于…") is either a
// heading whose title starts with a number or a decimal opening a sentence.
// The outline decides, once, and the figures follow it: a heading's marker
// is skipped by the quantity scanner like every other marker, so 1.2025 is
// never a figure where 1. is a heading, and never a heading where it is a
// figure.
//
// It is a heading when
//   - the marker is a .docx automatic numbering marker (the reader made
//     it, so it is a marker whatever follows);
//   - a year follows ("1.2025年", "3.2026年度", "2.2021—2025年"): a decimal
//     with four decimal places before 年 does not occur in reports; or
//   - its siblings say so: the paragraph-opening Arabic marker before it
//     has the ordinal before its own (1. … 2.3个…), or the one after it the
//     ordinal after (2.3个… 3. …).
//
// Otherwise it is a decimal, as "1.6万人参加活动" is.

// arabicCandidate is a paragraph opening with an Arabic ordinal marker.
type arabicCandidate struct {
	para    int
	m       marker
	clean   bool // a heading marker whatever its neighbours (parseHeadingMarker)
	settled bool // a heading by its own evidence: generated, or a year follows
}

// markersBeforeNumbers returns the paragraphs opening with an Arabic marker
// before a number that are headings, with their markers.
func markersBeforeNumbers(f *document.File) map[int]marker {
	var cands []arabicCandidate
	ambiguous := false
	for i := range f.Paragraphs {
		p := &f.Paragraphs[i]
		if p.Kind != document.Body && p.Kind != document.TextBox {
			continue
		}
		start := ContentStart(f, p.Span)
		text := f.Text[start:p.Span.End]
		if text == "" || !isArabicStart(text) {
			continue
		}
		if m, ok := parseHeadingMarker(text); ok {
			if m.form == FormArabic {
				cands = append(cands, arabicCandidate{para: i, m: m, clean: true})
			}
			continue
		}
		m, ok := markerBeforeNumber(text)
		if !ok {
			continue
		}
		ambiguous = true
		gen := p.Generated.Start == start && p.Generated.End >= start+m.size
		cands = append(cands, arabicCandidate{para: i, m: m, settled: gen || yearFollows(text[m.size:])})
	}
	if !ambiguous {
		return nil
	}
	out := make(map[int]marker)
	for k, c := range cands {
		if c.clean {
			continue
		}
		ok := c.settled
		if !ok && k > 0 && cands[k-1].m.ordinal == c.m.ordinal-1 {
			ok = true
		}
		if !ok && k+1 < len(cands) && cands[k+1].m.ordinal == c.m.ordinal+1 {
			ok = true
		}
		if ok {
			out[c.para] = c.m
		}
	}
	return out
}

// isArabicStart reports whether s starts with an ASCII or full-width digit.
func isArabicStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= '0' && r <= '9' || r >= '０' && r <= '９'
}

// markerBeforeNumber recognises an Arabic ordinal 1 … 99 with the mark of
// a heading marker (. ． 、) followed by a digit: the marker of a heading
// whose title starts with a number, if it is one.
func markerBeforeNumber(s string) (marker, bool) {
	n, m := arabicOrdinal(s)
	if m == 0 {
		return marker{}, false
	}
	r, size := utf8.DecodeRuneInString(s[m:])
	if r != '.' && r != '．' && r != '、' {
		return marker{}, false
	}
	if !isArabicStart(s[m+size:]) {
		return marker{}, false
	}
	return marker{form: FormArabic, rank: rankArabic, ordinal: n, size: m + size}, true
}

// yearFollows reports whether s starts with a year (1949–2099, four ASCII
// or full-width digits) followed by 年 or by a dash and another year
// (2021—2025年).
func yearFollows(s string) bool {
	y, rest, ok := year4(s)
	if !ok || y < 1949 || y > 2099 {
		return false
	}
	r, size := utf8.DecodeRuneInString(rest)
	switch r {
	case '年':
		return true
	case '—', '－', '-', '～', '~', '至':
		if r == '—' && len(rest) > size && rest[size:size+len("—")] == "—" {
			size += len("—")
		}
		_, rest2, ok := year4(rest[size:])
		return ok && len(rest2) >= len("年") && rest2[:len("年")] == "年"
	}
	return false
}

// year4 reads four ASCII or full-width digits at the start of s.
func year4(s string) (int, string, bool) {
	y := 0
	for k := 0; k < 4; k++ {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r >= '0' && r <= '9':
			y = y*10 + int(r-'0')
		case r >= '０' && r <= '９':
			y = y*10 + int(r-'０')
		default:
			return 0, s, false
		}
		s = s[size:]
	}
	if isArabicStart(s) {
		return 0, s, false // five digits or more
	}
	return y, s, true
}
